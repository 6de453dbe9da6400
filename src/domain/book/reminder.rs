//! When to remind her to make a backup. Clearing the browser's data, or losing
//! the phone, deletes the register; a backup file is the only remedy, so the
//! app offers one when much has changed or it has been a while, and says
//! nothing when there is nothing new to lose.

use crate::domain::kernel::stamp::Stamp;

/// A backup is due this many days after the last one…
pub const DAYS: u64 = 30;
/// …or after more than this many changes.
pub const CHANGES: usize = 50;
/// «Để sau» quiets the reminder for this long.
pub const SNOOZE_DAYS: u64 = 3;
const DAY_MS: u64 = 24 * 60 * 60 * 1000;

/// Records written after a moment: how many, and when the first was.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub count: usize,
    pub first_ms: Option<u64>,
}

impl Written {
    /// Counts `stamps` written after `after_ms` (all of them for `None`).
    pub fn count<'a>(stamps: impl Iterator<Item = &'a Stamp>, after_ms: Option<u64>) -> Written {
        stamps
            .filter(|s| after_ms.is_none_or(|after| s.wall_ms > after))
            .fold(Written::default(), |w, s| Written {
                count: w.count + 1,
                first_ms: Some(w.first_ms.map_or(s.wall_ms, |f| f.min(s.wall_ms))),
            })
    }

    /// Both counts together.
    pub fn and(self, other: Written) -> Written {
        Written {
            count: self.count + other.count,
            first_ms: match (self.first_ms, other.first_ms) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            },
        }
    }
}

/// How often backups are due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cadence {
    /// After [`DAYS`] days or more than [`CHANGES`] changes.
    Usual,
    /// After any change: the browser may delete the site's data after a week
    /// without a visit (Safari outside the Home Screen), so a day's work
    /// is a day's risk. «Để sau» then waits one day, not [`SNOOZE_DAYS`].
    Daily,
}

/// Why a backup is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reminder {
    /// Days since the last backup; `None` if this device never made one.
    pub days: Option<u64>,
    /// Records changed since then.
    pub changes: usize,
}

/// Whether to remind her now. Without a backup ever, the time counts from the
/// first change she made.
pub fn backup_due(
    written: Written,
    last_backup_ms: Option<u64>,
    snoozed_until_ms: Option<u64>,
    now_ms: u64,
    cadence: Cadence,
) -> Option<Reminder> {
    if written.count == 0 || snoozed_until_ms.is_some_and(|until| now_ms < until) {
        return None;
    }
    let since = last_backup_ms.or(written.first_ms)?;
    let age_days = now_ms.saturating_sub(since) / DAY_MS;
    let due = cadence == Cadence::Daily || written.count > CHANGES || age_days >= DAYS;
    due.then_some(Reminder {
        days: last_backup_ms.map(|_| age_days),
        changes: written.count,
    })
}

/// When a reminder put off now may come back.
pub fn snooze(now_ms: u64, cadence: Cadence) -> u64 {
    let days = match cadence {
        Cadence::Usual => SNOOZE_DAYS,
        Cadence::Daily => 1,
    };
    now_ms + days * DAY_MS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kernel::stamp::DeviceId;

    const NOW: u64 = 1_790_000_000_000;

    fn stamps(walls: &[u64]) -> Vec<Stamp> {
        walls
            .iter()
            .map(|&wall_ms| Stamp {
                wall_ms,
                counter: 0,
                device: DeviceId::from_random([1; 8]),
            })
            .collect()
    }

    fn written(walls: &[u64], after: Option<u64>) -> Written {
        Written::count(stamps(walls).iter(), after)
    }

    #[test]
    fn counts_only_what_came_after_the_backup() {
        let w = written(&[10, 20, 30, 40], Some(20));
        assert_eq!(
            w,
            Written {
                count: 2,
                first_ms: Some(30)
            }
        );
        assert_eq!(written(&[10, 20], None).count, 2);
        let both = w.and(written(&[25], None));
        assert_eq!(
            both,
            Written {
                count: 3,
                first_ms: Some(25)
            }
        );
    }

    #[test]
    fn due_after_thirty_days_or_more_than_fifty_changes() {
        let day = DAY_MS;
        let recent = NOW - 2 * day;
        let few = written(&[NOW - day], Some(recent));
        assert_eq!(
            backup_due(few, Some(recent), None, NOW, Cadence::Usual),
            None
        );
        let old = NOW - 30 * day;
        assert_eq!(
            backup_due(
                written(&[NOW - day], Some(old)),
                Some(old),
                None,
                NOW,
                Cadence::Usual
            ),
            Some(Reminder {
                days: Some(30),
                changes: 1
            })
        );
        let many: Vec<u64> = (1..=51).map(|i| NOW - i).collect();
        assert_eq!(
            backup_due(
                written(&many, Some(recent)),
                Some(recent),
                None,
                NOW,
                Cadence::Usual
            ),
            Some(Reminder {
                days: Some(2),
                changes: 51
            })
        );
        let fifty: Vec<u64> = (1..=50).map(|i| NOW - i).collect();
        assert_eq!(
            backup_due(
                written(&fifty, Some(recent)),
                Some(recent),
                None,
                NOW,
                Cadence::Usual
            ),
            None
        );
    }

    #[test]
    fn nothing_new_means_no_reminder_however_old_the_backup() {
        let year_ago = NOW - 365 * DAY_MS;
        let none = written(&[year_ago - 1], Some(year_ago));
        assert_eq!(
            backup_due(none, Some(year_ago), None, NOW, Cadence::Usual),
            None
        );
    }

    #[test]
    fn never_backed_up_counts_from_the_first_change() {
        let month_ago = NOW - 31 * DAY_MS;
        let w = written(&[month_ago, NOW - 1], None);
        assert_eq!(
            backup_due(w, None, None, NOW, Cadence::Usual),
            Some(Reminder {
                days: None,
                changes: 2
            })
        );
        assert_eq!(
            backup_due(
                written(&[NOW - DAY_MS], None),
                None,
                None,
                NOW,
                Cadence::Usual
            ),
            None
        );
    }

    #[test]
    fn where_the_browser_deletes_after_a_week_every_change_is_due() {
        let yesterday = NOW - DAY_MS;
        let one = written(&[NOW - 1], Some(yesterday));
        assert_eq!(
            backup_due(one, Some(yesterday), None, NOW, Cadence::Usual),
            None
        );
        assert_eq!(
            backup_due(one, Some(yesterday), None, NOW, Cadence::Daily),
            Some(Reminder {
                days: Some(1),
                changes: 1
            })
        );
        let none = written(&[yesterday - 1], Some(yesterday));
        assert_eq!(
            backup_due(none, Some(yesterday), None, NOW, Cadence::Daily),
            None
        );
        let until = snooze(NOW, Cadence::Daily);
        assert_eq!(until, NOW + DAY_MS, "put off for one day only");
        assert_eq!(
            backup_due(one, Some(yesterday), Some(until), NOW + 1, Cadence::Daily),
            None
        );
        assert!(backup_due(one, Some(yesterday), Some(until), until, Cadence::Daily).is_some());
    }

    #[test]
    fn put_off_for_three_days() {
        let old = NOW - 40 * DAY_MS;
        let w = written(&[NOW - 1], Some(old));
        let until = snooze(NOW, Cadence::Usual);
        assert_eq!(
            backup_due(w, Some(old), Some(until), NOW + DAY_MS, Cadence::Usual),
            None
        );
        assert!(backup_due(w, Some(old), Some(until), until, Cadence::Usual).is_some());
    }
}
