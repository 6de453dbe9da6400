//! Finding members in the register: search without diacritics, filters by
//! status and group, the Vietnamese name order, and the counts shown above the list.

use super::collections::Book;
use crate::domain::kernel::name::fold;
use crate::domain::kernel::order::{order_of, put_in_order, sort_with};
use crate::domain::kernel::record::{Record, RecordId};
use crate::domain::records::member::{Member, Status};
use std::borrow::Borrow;
use std::cmp::Ordering;
use std::collections::HashMap;

/// Groups of members the register counts and filters by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// Dân tộc thiểu số.
    Minority,
    /// Có tôn giáo.
    Religious,
    /// Công nhân.
    Worker,
    /// Ở nhà trọ.
    RentedRoom,
    /// Hội viên danh dự.
    Honorary,
}

impl Group {
    pub const ALL: [Group; 5] = [
        Group::Minority,
        Group::Religious,
        Group::Worker,
        Group::RentedRoom,
        Group::Honorary,
    ];

    pub fn contains(self, member: &Member) -> bool {
        match self {
            Group::Minority => member.ethnicity.is_minority(),
            Group::Religious => member.religion.is_religious(),
            Group::Worker => member.worker,
            Group::RentedRoom => member.rented_room,
            Group::Honorary => member.honorary,
        }
    }
}

/// Which records the list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shown {
    /// Members whose current status is this one.
    Status(Status),
    /// Deleted records, which can be restored.
    Deleted,
    /// Every member that is not deleted.
    All,
}

impl Default for Shown {
    fn default() -> Self {
        Shown::Status(Status::Active)
    }
}

/// Which women's group (tổ) the list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum InGroup {
    /// Members of any group, or of none.
    #[default]
    Any,
    /// Members of this group.
    Of(RecordId),
    /// Members not in any group yet.
    Nowhere,
}

impl InGroup {
    pub fn contains(&self, member: &Member) -> bool {
        match self {
            InGroup::Any => true,
            InGroup::Of(group) => member.group.as_ref() == Some(group),
            InGroup::Nowhere => member.group.is_none(),
        }
    }
}

/// What the chapter leader asked the list for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Words to find in the name or phone; order and diacritics do not matter.
    pub text: String,
    pub shown: Shown,
    /// The member must belong to every group chosen.
    pub groups: Vec<Group>,
    /// Her women's group.
    pub women_group: InGroup,
}

impl Query {
    pub fn matches(&self, record: &Record<Member>) -> bool {
        let shown = match self.shown {
            Shown::Deleted => record.deleted,
            Shown::All => !record.deleted,
            Shown::Status(status) => !record.deleted && record.data.status().0 == status,
        };
        shown
            && self.women_group.contains(&record.data)
            && self.groups.iter().all(|g| g.contains(&record.data))
            && text_matches(&self.text, &record.data)
    }
}

/// Every word typed appears in the folded full name, or, for digits, in the phone.
fn text_matches(text: &str, member: &Member) -> bool {
    let words = fold(text);
    if words.trim().is_empty() {
        return true;
    }
    let name = fold(&member.full_name());
    let phone: String = member.phone.chars().filter(char::is_ascii_digit).collect();
    words.split_whitespace().all(|word| {
        name.contains(word) || (word.bytes().all(|b| b.is_ascii_digit()) && phone.contains(word))
    })
}

/// Sorts members by given name, then middle name, then family name, using
/// `compare` for text (the interface passes Vietnamese collation); ids last, so
/// the order is the same every time. Each distinct name is compared once and
/// the members are sorted by the names' ranks: the interface's `compare`
/// crosses into the browser's collator, and a register of 3,000 members holds
/// a few hundred distinct names (sorting them directly took ~100,000 calls).
/// The chapter's live women's groups, id and name, in the order of their
/// names as `compare` sorts them: as every choice of a group lists them.
pub fn groups_by_name(
    book: &Book,
    compare: impl Fn(&str, &str) -> Ordering,
) -> Vec<(RecordId, String)> {
    let mut groups: Vec<(RecordId, String)> = book
        .groups
        .live()
        .map(|g| (g.id.clone(), g.data.name.clone()))
        .collect();
    sort_with(&mut groups, |x, y| compare(&x.1, &y.1));
    groups
}

pub fn sort_by_name<R: Borrow<Record<Member>>>(
    members: &mut [R],
    compare: impl Fn(&str, &str) -> Ordering,
) {
    let parts = |r: &R| {
        let m = &r.borrow().data;
        [
            m.given_name.clone(),
            m.middle_name.clone(),
            m.family_name.clone(),
        ]
    };
    let mut names: Vec<String> = members.iter().flat_map(parts).collect();
    sort_with(&mut names, String::cmp);
    names.dedup();
    sort_with(&mut names, |a, b| compare(a, b));
    // Names the collation holds equal share a rank.
    let mut rank = HashMap::with_capacity(names.len());
    let mut current = 0u32;
    for (i, name) in names.iter().enumerate() {
        if i > 0 && compare(&names[i - 1], name) != Ordering::Equal {
            current += 1;
        }
        rank.insert(name.clone(), current);
    }
    let keys: Vec<[u32; 3]> = members.iter().map(|r| parts(r).map(|n| rank[&n])).collect();
    let order = order_of(members.len(), &|a, b| {
        keys[a]
            .cmp(&keys[b])
            .then_with(|| members[a].borrow().id.cmp(&members[b].borrow().id))
    });
    put_in_order(members, &order);
}

/// The counts above the list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Members whose status is active.
    pub active: usize,
    /// Active members in each group, in the order of [`Group::ALL`].
    pub groups: Vec<(Group, usize)>,
    /// Members by current status, in the order of [`Status::ALL`].
    pub statuses: Vec<(Status, usize)>,
    /// Deleted records.
    pub deleted: usize,
}

pub fn count<'a>(records: impl Iterator<Item = &'a Record<Member>>) -> Counts {
    let mut statuses = [0usize; 4];
    let mut groups = [0usize; 5];
    let mut deleted = 0;
    for record in records {
        if record.deleted {
            deleted += 1;
            continue;
        }
        let status = record.data.status().0;
        statuses[Status::ALL.iter().position(|s| *s == status).unwrap_or(0)] += 1;
        if status == Status::Active {
            for (i, group) in Group::ALL.iter().enumerate() {
                groups[i] += usize::from(group.contains(&record.data));
            }
        }
    }
    Counts {
        active: statuses[0],
        groups: Group::ALL.into_iter().zip(groups).collect(),
        statuses: Status::ALL.into_iter().zip(statuses).collect(),
        deleted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kernel::date::Date;
    use crate::domain::kernel::ethnicity::Ethnicity;
    use crate::domain::kernel::stamp::{Clock, DeviceId};
    use crate::domain::records::member::Religion;

    fn register() -> Vec<Record<Member>> {
        let mut clock = Clock::new(DeviceId::from_random([1; 8]));
        let mut make = |family: &str, middle: &str, given: &str| {
            Record::create(clock.tick(1_000), Member::named(family, middle, given))
        };
        let mut hoa = make("Nguyễn", "Thị", "Hoa");
        hoa.data.phone = "0912 345 678".into();
        hoa.data.worker = true;
        let mut anh = make("Lò", "Thị", "Ánh");
        anh.data.ethnicity = Ethnicity::from_code(3);
        anh.data.religion = Religion::Catholicism;
        let mut binh = make("Trần", "", "Bình");
        binh.data
            .set_status(Status::Moved, Date::parse_iso("2025-01-01").unwrap());
        let mut anh2 = make("Đặng", "Thị", "Anh");
        anh2.data.honorary = true;
        anh.data.group = RecordId::parse("to-1");
        binh.data.group = RecordId::parse("to-1");
        anh2.data.group = RecordId::parse("to-2");
        let gone = make("Vũ", "", "Dung").with_deleted(clock.tick(2_000), true);
        vec![hoa, anh, binh, anh2, gone]
    }

    fn names(records: &[Record<Member>], query: &Query) -> Vec<String> {
        records
            .iter()
            .filter(|r| query.matches(r))
            .map(|r| r.data.full_name())
            .collect()
    }

    #[test]
    fn search_ignores_diacritics_case_and_word_order() {
        let records = register();
        let find = |text: &str| {
            names(
                &records,
                &Query {
                    text: text.into(),
                    ..Query::default()
                },
            )
        };
        assert_eq!(find("nguyen thi hoa"), ["Nguyễn Thị Hoa"]);
        assert_eq!(find("HOA nguyễn"), ["Nguyễn Thị Hoa"]);
        assert_eq!(
            find("thi"),
            ["Nguyễn Thị Hoa", "Lò Thị Ánh", "Đặng Thị Anh"]
        );
        assert_eq!(find("anh"), ["Lò Thị Ánh", "Đặng Thị Anh"]);
        assert_eq!(find("345"), ["Nguyễn Thị Hoa"]);
        assert!(
            find("binh").is_empty(),
            "moved members are not in the active list"
        );
    }

    #[test]
    fn filters_by_status_and_group() {
        let records = register();
        let q = |shown, groups: Vec<Group>| {
            names(
                &records,
                &Query {
                    shown,
                    groups,
                    ..Query::default()
                },
            )
        };
        assert_eq!(q(Shown::Status(Status::Moved), vec![]), ["Trần Bình"]);
        assert_eq!(q(Shown::Deleted, vec![]), ["Vũ Dung"]);
        assert_eq!(q(Shown::All, vec![]).len(), 4);
        assert_eq!(
            q(Shown::default(), vec![Group::Minority, Group::Religious]),
            ["Lò Thị Ánh"]
        );
        assert_eq!(q(Shown::default(), vec![Group::Worker]), ["Nguyễn Thị Hoa"]);
        let in_group = |women_group| {
            names(
                &records,
                &Query {
                    shown: Shown::All,
                    women_group,
                    ..Query::default()
                },
            )
        };
        let to_1 = RecordId::parse("to-1").unwrap();
        assert_eq!(in_group(InGroup::Of(to_1)), ["Lò Thị Ánh", "Trần Bình"]);
        assert_eq!(in_group(InGroup::Nowhere), ["Nguyễn Thị Hoa"]);
        assert_eq!(in_group(InGroup::Any).len(), 4);
    }

    /// Names the collation holds equal (here: case) tie, and the next part
    /// then the id decides; the collation sees each distinct name a few
    /// times, not every pair of members.
    #[test]
    fn names_equal_to_the_collation_tie_and_each_is_compared_a_few_times() {
        let mut clock = Clock::new(DeviceId::from_random([2; 8]));
        let mut records: Vec<Record<Member>> = (0..1_000)
            .map(|i| {
                let given = ["Hoa", "hoa", "Lan", "Mai"][i % 4];
                let family = ["Trần", "Lê"][i % 2];
                Record::create(clock.tick(1_000), Member::named(family, "Thị", given))
            })
            .collect();
        let calls = std::cell::Cell::new(0);
        sort_by_name(&mut records, |a, b| {
            calls.set(calls.get() + 1);
            a.to_lowercase().cmp(&b.to_lowercase())
        });
        assert!(
            calls.get() < 50,
            "{} calls for 7 distinct names",
            calls.get()
        );
        let hoa: Vec<&Record<Member>> = records.iter().take(500).collect();
        assert!(hoa
            .iter()
            .all(|r| r.data.given_name.eq_ignore_ascii_case("hoa")));
        let key = |r: &&Record<Member>| (r.data.family_name.to_lowercase(), r.id.clone());
        assert!(
            hoa.windows(2).all(|w| key(&w[0]) < key(&w[1])),
            "then family name, then id"
        );
    }

    #[test]
    fn sorts_by_given_then_middle_then_family() {
        let records = register();
        let mut list: Vec<&Record<Member>> = records.iter().collect();
        sort_by_name(&mut list, |a, b| {
            fold(a).cmp(&fold(b)).then_with(|| a.cmp(b))
        });
        let order: Vec<String> = list.iter().map(|r| r.data.full_name()).collect();
        assert_eq!(
            order,
            [
                "Đặng Thị Anh",
                "Lò Thị Ánh",
                "Trần Bình",
                "Vũ Dung",
                "Nguyễn Thị Hoa"
            ]
        );
    }

    #[test]
    fn counts_active_members_by_group() {
        let counts = count(register().iter());
        assert_eq!(counts.active, 3);
        assert_eq!(counts.deleted, 1);
        assert_eq!(
            counts.groups,
            vec![
                (Group::Minority, 1),
                (Group::Religious, 1),
                (Group::Worker, 1),
                (Group::RentedRoom, 0),
                (Group::Honorary, 1)
            ]
        );
        assert_eq!(counts.statuses[1], (Status::Moved, 1));
    }
}
