//! The chapter's women's groups (tổ phụ nữ) side by side: each figured as a
//! chapter of its own — its members, its meetings and the chapter's, its
//! members' fees and roles — by the same engine as the chapter.

use super::compute::compute;
use crate::domain::book::collections::Book;
use crate::domain::kernel::period::Period;
use crate::domain::kernel::record::{set_of, Collection, RecordId};
use crate::domain::records::catalogue::Value;

/// The indicators shown for each group, in the order the table lists them.
pub const GROUP_CODES: [&str; 6] = [
    "members.end",
    "members.admitted",
    "meetings.held",
    "meetings.attendance_rate",
    "meetings.quarters",
    "fees.paid",
];

/// One group's figures for a period.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupFigures {
    pub group: RecordId,
    pub name: String,
    /// Values in the order of [`GROUP_CODES`].
    pub values: Vec<Value>,
}

/// The book as the group `group` would keep it: its members, the meetings
/// of the whole chapter and its own (as meetings of the whole), its
/// members' fees and roles, and the chapter's training sessions (whose
/// attendees say which of its cadres are trained).
pub fn book_of_group(book: &Book, group: &RecordId) -> Book {
    let members = kept(&book.members, |m| m.group.as_ref() == Some(group));
    let ids = set_of(members.all().map(|m| &m.id));
    let activities = book
        .activities
        .all()
        .filter(|a| match &a.data.group {
            None => a.data.kind.is_meeting(),
            Some(g) => g == group,
        })
        .map(|a| {
            let mut a = a.clone();
            a.data.group = None;
            a
        })
        .collect();
    Book {
        activities,
        fees: kept(&book.fees, |f| ids.contains(&f.member)),
        roles: kept(&book.roles, |r| ids.contains(&r.member)),
        fee_rates: book.fee_rates.clone(),
        trainings: book.trainings.clone(),
        members,
        ..Book::default()
    }
}

/// The records of `records` whose data `keep` keeps, copied.
fn kept<T: Clone>(records: &Collection<T>, keep: impl Fn(&T) -> bool) -> Collection<T> {
    records.all().filter(|r| keep(&r.data)).cloned().collect()
}

/// Every live group's figures for `period`, in the order of their names as
/// `compare` sorts them.
pub fn by_group(
    book: &Book,
    unit: &RecordId,
    period: Period,
    compare: impl Fn(&str, &str) -> std::cmp::Ordering,
) -> Vec<GroupFigures> {
    let mut out: Vec<GroupFigures> = book
        .groups
        .live()
        .map(|g| {
            let values = compute(&book_of_group(book, &g.id), unit, period);
            GroupFigures {
                group: g.id.clone(),
                name: g.data.name.clone(),
                values: GROUP_CODES
                    .iter()
                    .map(|code| super::compute::value_of(&values, code))
                    .collect(),
            }
        })
        .collect();
    out.sort_by(|a, b| compare(&a.name, &b.name).then_with(|| a.group.cmp(&b.group)));
    out
}
