//! Meetings as the chapter and its women's groups are judged on them: who
//! was expected at each, the roll call's counts, attendance over a period,
//! the quarters with a meeting (the Union's rule: at least one every three
//! months) and which of them has gone three months without one.

use super::collections::Book;
use crate::domain::kernel::date::Date;
use crate::domain::kernel::period::{Period, Span};
use crate::domain::kernel::record::{set_of, Record, RecordId};
use crate::domain::records::activity::Activity;
use crate::domain::records::catalogue::Value;
use crate::domain::records::member::Member;
use std::collections::BTreeSet;

/// How long a chapter or a group may go without meeting.
pub const MONTHS_BETWEEN: u16 = 3;

/// Whether `member` is expected at a meeting of `group` (the whole chapter
/// for `None`) on `day`: active then, honorary members apart, as the
/// figures count members.
pub fn is_expected(member: &Member, group: Option<&RecordId>, day: Date) -> bool {
    !member.honorary
        && member.active_on(day)
        && group.is_none_or(|g| member.group.as_ref() == Some(g))
}

/// Members expected at a meeting of `group` on `day` (see [`is_expected`]).
pub fn expected_at<'a>(
    book: &'a Book,
    group: Option<&'a RecordId>,
    day: Date,
) -> impl Iterator<Item = &'a Record<Member>> + 'a {
    book.members
        .live()
        .filter(move |m| is_expected(&m.data, group, day))
}

/// A roll call's counts, as the minutes give them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RollCall {
    pub expected: usize,
    /// Present among those expected.
    pub present: usize,
    pub excused: usize,
    /// Expected, neither present nor excused.
    pub absent: usize,
    /// Present though not expected: a member of another group, say.
    pub others: usize,
}

impl RollCall {
    /// Present ÷ expected, as a value that adds up across meetings.
    pub fn rate(self) -> Value {
        Value::ratio(self.present as u64, self.expected as u64)
    }
}

/// The roll call of one meeting.
pub fn roll_call(book: &Book, meeting: &Activity) -> RollCall {
    // The marked are few beside a register of thousands: the expected are
    // counted as they are met, never collected.
    let present = set_of(&meeting.attendees);
    let excused = set_of(&meeting.excused);
    let mut roll = RollCall::default();
    for member in expected_at(book, meeting.group.as_ref(), meeting.on) {
        roll.expected += 1;
        if present.contains(&member.id) {
            roll.present += 1;
        } else if excused.contains(&member.id) {
            roll.excused += 1;
        } else {
            roll.absent += 1;
        }
    }
    roll.others = present.len() - roll.present;
    roll
}

/// The fees those present paid on the meeting's day, whatever year they
/// were for: how many members, and the sum in đồng. The fee register
/// holds them; the meeting keeps no copy.
pub fn fees_collected(book: &Book, meeting: &Activity) -> (usize, u64) {
    let present = set_of(&meeting.attendees);
    book.fees
        .live()
        .filter(|f| f.data.paid_on == meeting.on && present.contains(&f.data.member))
        .fold((0, 0), |(n, sum), f| {
            (n + 1, sum + u64::from(f.data.amount))
        })
}

/// Meetings (not visits nor posts) held from `start` to `end`.
fn meetings_between(book: &Book, start: Date, end: Date) -> impl Iterator<Item = &Activity> {
    book.activities
        .live()
        .map(|a| &a.data)
        .filter(move |a| a.kind.is_meeting() && start <= a.on && a.on <= end)
}

/// Attendance over a period: members present ÷ members expected, summed
/// over the meetings whose roll call was taken. A meeting entered with a
/// head count alone tells nothing of who stayed away, and is left out.
pub fn attendance(book: &Book, period: Period) -> Value {
    meetings_between(book, period.start(), period.end())
        .filter(|a| a.has_roll_call())
        .map(|a| roll_call(book, a).rate())
        .fold(Value::ratio(0, 0), |sum, v| sum + v)
}

/// Quarters of `period` in which the chapter met as a whole, out of the
/// quarters the period holds.
pub fn quarters_met(book: &Book, period: Period) -> Value {
    let met: BTreeSet<Period> = meetings_between(book, period.start(), period.end())
        .filter(|a| a.group.is_none())
        .map(|a| Period::of(Span::Quarter, a.on))
        .collect();
    let quarters = match period.span() {
        Span::Year => 4,
        Span::Half => 2,
        Span::Quarter => 1,
    };
    Value::ratio(met.len() as u64, quarters)
}

/// A chapter or group that has not met for [`MONTHS_BETWEEN`] months.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quiet {
    /// The group; `None` for the chapter as a whole.
    pub group: Option<RecordId>,
    /// Its last meeting, if it ever met.
    pub last: Option<Date>,
}

/// The chapter, and each group with active members, whose last meeting on
/// or before `today` is more than three months old, or that never met. A
/// group counts the chapter's meetings as its own; the chapter counts only
/// meetings of the whole chapter. Nothing is said of a register with no
/// active member: there is no one to meet yet.
pub fn quiet(book: &Book, today: Date) -> Vec<Quiet> {
    let Some(since) = today.months_earlier(MONTHS_BETWEEN) else {
        return Vec::new();
    };
    let last = |of: Option<&RecordId>| {
        book.activities
            .live()
            .map(|a| &a.data)
            .filter(|a| a.kind.is_meeting() && a.on <= today)
            .filter(|a| a.group.is_none() || a.group.as_ref() == of)
            .map(|a| a.on)
            .max()
    };
    let groups_with_members: BTreeSet<&RecordId> =
        set_of(expected_at(book, None, today).filter_map(|m| m.data.group.as_ref()));
    if expected_at(book, None, today).next().is_none() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let whole = std::iter::once(None);
    let groups = book
        .groups
        .live()
        .filter(|g| groups_with_members.contains(&g.id))
        .map(|g| Some(&g.id));
    for group in whole.chain(groups) {
        let last = last(group);
        if last.is_none_or(|day| day < since) {
            out.push(Quiet {
                group: group.cloned(),
                last,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kernel::date::day;
    use crate::domain::kernel::record::Collection;
    use crate::domain::kernel::stamp::{Clock, DeviceId, Stamp};
    use crate::domain::records::activity::ActivityKind;
    use crate::domain::records::cadre::WomenGroup;

    fn stamp() -> Stamp {
        Clock::new(DeviceId::from_random([5; 8])).tick(1_767_225_600_000)
    }

    fn id(text: &str) -> RecordId {
        RecordId::parse(text).unwrap()
    }

    /// Five members joined in 2020: m1–m3 in group «Tổ 1», m4 in «Tổ 2»,
    /// m5 in none; m3 moved away in June 2026.
    fn book() -> Book {
        let stamp = stamp();
        let mut members = Collection::default();
        for (i, group) in [Some("t1"), Some("t1"), Some("t1"), Some("t2"), None]
            .into_iter()
            .enumerate()
        {
            let mut m = Member::named("Nguyễn Thị", "", &format!("Hoa {i}"));
            m.joined_on = Some(day("2020-01-01"));
            m.group = group.map(id);
            if i == 2 {
                m.set_status(
                    crate::domain::records::member::Status::Moved,
                    day("2026-06-01"),
                );
            }
            members.put(Record::keyed(id(&format!("m{}", i + 1)), stamp.clone(), m));
        }
        let mut groups = Collection::default();
        for (key, name) in [("t1", "Tổ 1"), ("t2", "Tổ 2")] {
            groups.put(Record::keyed(
                id(key),
                stamp.clone(),
                WomenGroup { name: name.into() },
            ));
        }
        Book {
            members,
            groups,
            ..Book::default()
        }
    }

    fn meeting(on: &str, group: Option<&str>, present: &[&str], excused: &[&str]) -> Activity {
        Activity {
            group: group.map(id),
            attendees: present.iter().map(|p| id(p)).collect(),
            excused: excused.iter().map(|p| id(p)).collect(),
            ..Activity::on_day(day(on), ActivityKind::Regular)
        }
    }

    fn with(mut book: Book, meetings: Vec<Activity>) -> Book {
        let stamp = stamp();
        for (i, m) in meetings.into_iter().enumerate() {
            book.activities
                .put(Record::keyed(id(&format!("a{i}")), stamp.clone(), m));
        }
        book
    }

    #[test]
    fn a_roll_call_counts_those_expected_on_the_day() {
        let b = book();
        let whole = meeting("2026-03-10", None, &["m1", "m2", "m4"], &["m3"]);
        assert_eq!(
            roll_call(&b, &whole),
            RollCall {
                expected: 5,
                present: 3,
                excused: 1,
                absent: 1,
                others: 0
            }
        );
        // After m3 moved away, a meeting of «Tổ 1» expects two; m4 of
        // «Tổ 2» came as a guest.
        let group = meeting("2026-09-10", Some("t1"), &["m1", "m4"], &[]);
        assert_eq!(
            roll_call(&b, &group),
            RollCall {
                expected: 2,
                present: 1,
                excused: 0,
                absent: 1,
                others: 1
            }
        );
        assert_eq!(roll_call(&b, &group).rate(), Value::ratio(1, 2));
    }

    #[test]
    fn attendance_sums_meetings_with_a_roll_call() {
        let b = with(
            book(),
            vec![
                meeting("2026-03-10", None, &["m1", "m2", "m4"], &["m3"]),
                meeting("2026-09-10", Some("t1"), &["m1", "m2"], &[]),
                // A head count alone: no one known to be away.
                Activity {
                    head_count: 30,
                    ..meeting("2026-10-10", None, &[], &[])
                },
                meeting("2025-12-10", None, &["m1"], &[]),
            ],
        );
        assert_eq!(attendance(&b, Period::Year(2026)), Value::ratio(5, 7));
        assert_eq!(attendance(&b, Period::Quarter(2026, 4)), Value::ratio(0, 0));
    }

    #[test]
    fn quarters_met_count_meetings_of_the_whole_chapter() {
        let b = with(
            book(),
            vec![
                meeting("2026-01-10", None, &[], &[]),
                meeting("2026-02-10", None, &[], &[]),
                meeting("2026-08-10", Some("t1"), &[], &[]),
                meeting("2026-11-10", None, &[], &[]),
            ],
        );
        assert_eq!(quarters_met(&b, Period::Year(2026)), Value::ratio(2, 4));
        assert_eq!(quarters_met(&b, Period::Half(2026, 2)), Value::ratio(1, 2));
        assert_eq!(
            quarters_met(&b, Period::Quarter(2026, 3)),
            Value::ratio(0, 1)
        );
    }

    #[test]
    fn quiet_names_who_has_not_met_for_three_months() {
        let today = day("2026-12-06");
        let b = with(
            book(),
            vec![
                meeting("2026-08-10", None, &[], &[]),
                meeting("2026-10-01", Some("t1"), &[], &[]),
            ],
        );
        assert_eq!(
            quiet(&b, today),
            vec![
                Quiet {
                    group: None,
                    last: Some(day("2026-08-10"))
                },
                Quiet {
                    group: Some(id("t2")),
                    last: Some(day("2026-08-10"))
                },
            ],
            "«Tổ 1» met in October; the chapter and «Tổ 2» last met in August"
        );
        let recent = with(book(), vec![meeting("2026-09-06", None, &[], &[])]);
        assert!(quiet(&recent, today).is_empty(), "three months to the day");
        assert_eq!(quiet(&book(), today).len(), 3, "never met: all three");
        assert!(quiet(&Book::default(), today).is_empty(), "no one to meet");
    }
}
