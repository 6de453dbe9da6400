//! A member of the chapter (hội viên) as the register keeps her, and the rules a
//! member record must satisfy wherever it comes from: the form, storage or a file.

use super::merit::{check_merit, Honour, Pledge, Recognition};
use crate::domain::kernel::date::{BirthDate, Date};
use crate::domain::kernel::ethnicity::Ethnicity;
use crate::domain::kernel::name::{fold, join_name};
use crate::domain::kernel::problem::{check_past, check_text, FieldProblem, Problem};
use crate::domain::kernel::record::RecordId;
use serde::{Deserialize, Serialize};

/// Longest family, middle or given name.
pub const MAX_NAME: usize = 40;
/// Longest address.
pub const MAX_ADDRESS: usize = 200;
/// Longest free-text religion.
pub const MAX_RELIGION: usize = 60;
/// Longest membership card number.
pub const MAX_CARD: usize = 20;

/// Religion as the register records it; `Other` keeps what was written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Religion {
    #[default]
    None,
    Buddhism,
    Catholicism,
    Protestantism,
    CaoDai,
    HoaHao,
    Islam,
    Other(String),
}

impl Religion {
    /// No religion: what a record leaves unsaid.
    pub fn is_none(&self) -> bool {
        *self == Religion::None
    }

    /// Vietnamese and English names of the religion.
    pub fn names(&self) -> (&str, &str) {
        match self {
            Religion::None => ("Không", "None"),
            Religion::Buddhism => ("Phật giáo", "Buddhism"),
            Religion::Catholicism => ("Công giáo", "Catholicism"),
            Religion::Protestantism => ("Tin Lành", "Protestantism"),
            Religion::CaoDai => ("Cao Đài", "Cao Dai"),
            Religion::HoaHao => ("Phật giáo Hòa Hảo", "Hoa Hao Buddhism"),
            Religion::Islam => ("Hồi giáo", "Islam"),
            Religion::Other(name) => (name, name),
        }
    }

    /// The named religions, in the order the form lists them.
    pub const NAMED: [Religion; 7] = [
        Religion::None,
        Religion::Buddhism,
        Religion::Catholicism,
        Religion::Protestantism,
        Religion::CaoDai,
        Religion::HoaHao,
        Religion::Islam,
    ];

    /// Whether the member follows a religion (for "religious women" figures).
    pub fn is_religious(&self) -> bool {
        *self != Religion::None
    }
}

/// Where a member stands with the chapter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Đang sinh hoạt.
    Active,
    /// Chuyển đi (moved to another chapter or place).
    Moved,
    /// Đưa ra khỏi danh sách.
    Removed,
    /// Đã mất.
    Deceased,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Active,
        Status::Moved,
        Status::Removed,
        Status::Deceased,
    ];
}

/// A change of status on a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub status: Status,
    pub on: Date,
    /// Where she went, for a move to another chapter (chuyển sinh hoạt).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
}

impl StatusChange {
    pub fn new(status: Status, on: Date) -> StatusChange {
        StatusChange {
            status,
            on,
            place: String::new(),
        }
    }
}

fn is_false(value: &bool) -> bool {
    !value
}

/// One member of the register.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Member {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub family_name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub middle_name: String,
    pub given_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth: Option<BirthDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joined_on: Option<Date>,
    /// Absent in storage and files when Kinh of the current list, as most
    /// members are: a register of 10,000 must fit in localStorage.
    #[serde(default, skip_serializing_if = "Ethnicity::is_default")]
    pub ethnicity: Ethnicity,
    /// Absent when none, likewise.
    #[serde(default, skip_serializing_if = "Religion::is_none")]
    pub religion: Religion,
    /// Công nhân.
    #[serde(default, skip_serializing_if = "is_false")]
    pub worker: bool,
    /// Living in rented rooms (nhà trọ).
    #[serde(default, skip_serializing_if = "is_false")]
    pub rented_room: bool,
    /// Hội viên danh dự.
    #[serde(default, skip_serializing_if = "is_false")]
    pub honorary: bool,
    /// The women's group (tổ phụ nữ) she belongs to, if any: at most one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<RecordId>,
    /// The number of her membership card (thẻ hội viên), once she holds one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub card: String,
    /// The day the card was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_on: Option<Date>,
    /// Hội viên nòng cốt: one the chapter counts on to carry its work.
    #[serde(default, skip_serializing_if = "is_false")]
    pub core: bool,
    /// The members' campaign, year by year (see `merit`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pledges: Vec<Pledge>,
    /// Recognitions given to her, in date order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recognitions: Vec<Recognition>,
    /// Status changes in date order; empty means active since joining. The last
    /// entry is the current status. History is kept so that figures for past
    /// periods stay right after a member leaves or comes back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status_history: Vec<StatusChange>,
    /// The day she began in this chapter when she came from another one
    /// (chuyển sinh hoạt đến): she was a member of the Union before it, of
    /// this chapter only from it, so that past periods count her there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrived_on: Option<Date>,
    /// What she did in the chapters she was in before this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earlier: Option<Earlier>,
}

impl Member {
    /// A new active member with only a name; Kinh, no religion.
    pub fn named(family: &str, middle: &str, given: &str) -> Member {
        Member {
            family_name: family.to_owned(),
            middle_name: middle.to_owned(),
            given_name: given.to_owned(),
            birth: None,
            phone: String::new(),
            address: String::new(),
            joined_on: None,
            ethnicity: Ethnicity::default(),
            religion: Religion::None,
            worker: false,
            rented_room: false,
            honorary: false,
            group: None,
            card: String::new(),
            card_on: None,
            core: false,
            pledges: Vec::new(),
            recognitions: Vec::new(),
            status_history: Vec::new(),
            arrived_on: None,
            earlier: None,
        }
    }

    pub fn full_name(&self) -> String {
        join_name(&self.family_name, &self.middle_name, &self.given_name)
    }

    /// The current status and the day it began (the day she joined, or came
    /// to this chapter, while active from the start).
    pub fn status(&self) -> (Status, Option<Date>) {
        match self.status_history.last() {
            Some(change) => (change.status, Some(change.on)),
            None => (Status::Active, self.here_from()),
        }
    }

    /// The day she became a member of this chapter: the day she came from
    /// another one, or the day she joined the Union.
    pub fn here_from(&self) -> Option<Date> {
        self.arrived_on.or(self.joined_on)
    }

    /// Her status on `day`, or `None` if she was not a member here yet. A
    /// member without a joining day counts as joined before any period.
    pub fn status_on(&self, day: Date) -> Option<Status> {
        if self.here_from().is_some_and(|joined| joined > day) {
            return None;
        }
        Some(
            self.status_history
                .iter()
                .rfind(|c| c.on <= day)
                .map_or(Status::Active, |c| c.status),
        )
    }

    /// Whether she holds a membership card: its number or the day it was
    /// given is written (an old card's number is not always known).
    pub fn holds_card(&self) -> bool {
        !self.card.is_empty() || self.card_on.is_some()
    }

    /// Her part in the members' campaign in `year`, if she registered.
    pub fn pledge(&self, year: u16) -> Option<&Pledge> {
        self.pledges.iter().find(|p| p.year == year)
    }

    /// Whether she was given a recognition of `kind` between `from` and `to`.
    pub fn recognised(&self, kind: Honour, from: Date, to: Date) -> bool {
        self.recognitions
            .iter()
            .any(|r| r.kind == kind && from <= r.on && r.on <= to)
    }

    /// Whether she was an active member on `day`.
    pub fn active_on(&self, day: Date) -> bool {
        self.status_on(day) == Some(Status::Active)
    }

    /// Days within `from..=to` on which she became active here: her joining
    /// (or coming from another chapter), and each return after leaving.
    pub fn arrivals(&self, from: Date, to: Date) -> usize {
        let joined = self.here_from().is_some_and(|d| from <= d && d <= to);
        let returns = self.changes_into(from, to, |before, after| {
            before != Status::Active && after == Status::Active
        });
        usize::from(joined) + returns
    }

    /// Days within `from..=to` on which she stopped being active.
    pub fn departures(&self, from: Date, to: Date) -> usize {
        self.changes_into(from, to, |before, after| {
            before == Status::Active && after != Status::Active
        })
    }

    fn changes_into(&self, from: Date, to: Date, counts: impl Fn(Status, Status) -> bool) -> usize {
        let mut before = Status::Active;
        let mut found = 0;
        for change in &self.status_history {
            if from <= change.on && change.on <= to && counts(before, change.status) {
                found += 1;
            }
            before = change.status;
        }
        found
    }

    /// Records a status from a day. Choosing the current status with another day
    /// corrects that day; a change on the same day as the last one corrects it;
    /// otherwise the change is added to the history. History that only says
    /// "active" from the start is dropped, since that is what no history means.
    /// A corrected move keeps where she went.
    pub fn set_status(&mut self, status: Status, on: Date) {
        let current = self.status();
        let mut change = StatusChange::new(status, on);
        match self.status_history.last() {
            _ if current == (status, Some(on)) => return,
            Some(last) if last.status == status || last.on == on => {
                if let Some(last) = self.status_history.pop().filter(|l| l.status == status) {
                    change.place = last.place;
                }
            }
            None if status == Status::Active => return,
            _ => {}
        }
        // Kept in date order by inserting in place (no sort: a generic sort
        // costs kilobytes of wasm for each type it is used on).
        let at = self.status_history.partition_point(|c| c.on <= on);
        self.status_history.insert(at, change);
        self.status_history
            .dedup_by(|later, earlier| later.status == earlier.status);
        if let [only] = self.status_history.as_slice() {
            if only.status == Status::Active {
                self.status_history.clear();
            }
        }
    }

    /// Removes one entry of the status history (a mistaken change).
    pub fn remove_status_change(&mut self, index: usize) {
        if index < self.status_history.len() {
            self.status_history.remove(index);
        }
    }

    /// Everything wrong with this member, field by field; empty when she can be saved.
    pub fn problems(&self, today: Date) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        check_text("family_name", &self.family_name, MAX_NAME, false, &mut out);
        check_text("middle_name", &self.middle_name, MAX_NAME, false, &mut out);
        check_text("given_name", &self.given_name, MAX_NAME, true, &mut out);
        check_text("address", &self.address, MAX_ADDRESS, false, &mut out);
        if !self.phone.is_empty() && !is_phone(&self.phone) {
            out.push(FieldProblem::new("phone", Problem::BadPhone));
        }
        if self.ethnicity.name().is_none() {
            out.push(FieldProblem::new("ethnicity", Problem::UnknownEthnicity));
        }
        if let Religion::Other(text) = &self.religion {
            check_text("religion", text, MAX_RELIGION, true, &mut out);
        }
        let born = self.birth.map(|b| match b {
            BirthDate::Day(day) => day,
            BirthDate::Year(year) => Date::new(year, 1, 1).unwrap_or(today),
        });
        if born.is_some_and(|b| b > today) {
            out.push(FieldProblem::new("birth", Problem::InFuture));
        }
        for (i, change) in self.status_history.iter().enumerate() {
            check_text(
                &format!("status_history.{i}.place"),
                &change.place,
                MAX_ADDRESS,
                false,
                &mut out,
            );
        }
        check_text("card", &self.card, MAX_CARD, false, &mut out);
        check_merit(&self.pledges, &self.recognitions, today, &mut out);
        if let Some(earlier) = &self.earlier {
            earlier.check(today, &mut out);
        }
        let dated = self
            .joined_on
            .map(|d| ("joined_on".to_owned(), d))
            .into_iter()
            .chain(self.arrived_on.map(|d| ("arrived_on".to_owned(), d)))
            .chain(self.card_on.map(|d| ("card_on".to_owned(), d)))
            .chain(
                self.status_history
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (format!("status_history.{i}.on"), c.on)),
            );
        for (field, day) in dated {
            if day > today {
                out.push(FieldProblem::new(field, Problem::InFuture));
            } else if self.birth.is_some_and(|b| day.year() < b.year()) {
                out.push(FieldProblem::new(field, Problem::BeforeBirth));
            }
        }
        // The last entry is her status now: out of order, the history would
        // say another one than the day it happened.
        if let Some(i) = (1..self.status_history.len())
            .find(|&i| self.status_history[i].on < self.status_history[i - 1].on)
        {
            out.push(FieldProblem::new(
                format!("status_history.{i}.on"),
                Problem::OutOfOrder,
            ));
        }
        out
    }
}

/// 8 to 15 digits, optionally starting with `+`, with spaces, dots or dashes between.
fn is_phone(text: &str) -> bool {
    let body = text.strip_prefix('+').unwrap_or(text);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    body.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-'))
        && (8..=15).contains(&digits)
}

/// A phone number as she reads it: a mobile number in groups, «0912 345 678»
/// or «+84 912 345 678», however it was typed; any other number (a landline,
/// a number from abroad) as typed, spaces tidied.
pub fn phone_grouped(text: &str) -> String {
    let text = text.trim();
    if !is_phone(text) {
        return crate::domain::kernel::name::tidy(text);
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let groups = |digits: &str, sizes: &[usize]| -> String {
        let mut at = 0;
        let parts: Vec<&str> = sizes
            .iter()
            .map(|size| {
                let part = &digits[at..at + size];
                at += size;
                part
            })
            .collect();
        parts.join(" ")
    };
    match (text.starts_with('+'), digits.len()) {
        (false, 10) if digits.starts_with('0') => groups(&digits, &[4, 3, 3]),
        (true, 11) if digits.starts_with("84") => {
            format!("+84 {}", groups(&digits[2..], &[3, 3, 3]))
        }
        _ => crate::domain::kernel::name::tidy(text),
    }
}

/// Most roles or topics one earlier chapter lists.
const MAX_ITEMS: usize = 50;

/// What she did in the chapters she was in before this one, summed over
/// them: the last one's name and the day she left it, her roles there, the
/// training sessions she attended there. One plain value, not one per
/// chapter: every page reads members, and each kind of value a record holds
/// costs every page its reading code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Earlier {
    /// The chapter she came from, and the unit above it.
    pub chapter: String,
    /// The day she left it.
    pub until: Date,
    /// Her roles with their years and chapters, as those chapters wrote
    /// them («Chi hội phó 2021–2026 (Chi hội số 1, xã Thanh Sơn)»): to read;
    /// a role elsewhere makes no cadre here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// Training sessions she attended.
    #[serde(default, skip_serializing_if = "super::training::is_zero")]
    pub sessions: u32,
    /// What they taught: a topic's code (`digital_transformation`), or a
    /// session's own words for a topic of its own. A cadre trained on a
    /// topic before she came counts as trained on it here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
}

impl Earlier {
    /// What is wrong with it, all named `earlier`.
    pub fn check(&self, today: Date, out: &mut Vec<FieldProblem>) {
        let texts = std::iter::once(&self.chapter)
            .chain(&self.roles)
            .chain(&self.topics);
        for text in texts {
            check_text("earlier", text, MAX_ADDRESS, true, out);
        }
        check_past("earlier", self.until, today, out);
        if self.roles.len() > MAX_ITEMS || self.topics.len() > MAX_ITEMS {
            let max = MAX_ITEMS as u64;
            out.push(FieldProblem::new("earlier", Problem::TooLarge { max }));
        }
    }
}

/// The same person: the same name (folded) and birth year, or the same phone.
pub fn same_person(a: &Member, b: &Member) -> bool {
    let year = |m: &Member| m.birth.map(BirthDate::year);
    let digits = |m: &Member| -> String { m.phone.chars().filter(char::is_ascii_digit).collect() };
    let same_name = fold(&a.full_name()) == fold(&b.full_name());
    (same_name && year(a).is_some() && year(a) == year(b))
        || (!digits(a).is_empty() && digits(a) == digits(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kernel::date::day;

    fn fields(member: &Member) -> Vec<(String, Problem)> {
        member
            .problems(day("2026-11-29"))
            .into_iter()
            .map(|p| (p.field, p.problem))
            .collect()
    }

    #[test]
    fn a_history_going_back_in_time_is_refused() {
        let mut m = Member::named("Nguyễn", "Thị", "Hoa");
        m.set_status(Status::Moved, day("2024-05-01"));
        m.set_status(Status::Active, day("2025-02-01"));
        m.set_status(Status::Removed, day("2023-03-01"));
        assert!(fields(&m).is_empty(), "set_status keeps the order");
        m.status_history.swap(0, 2);
        assert_eq!(
            fields(&m),
            [("status_history.1.on".to_owned(), Problem::OutOfOrder)]
        );
    }

    #[test]
    fn a_plain_member_is_valid() {
        let m = Member::named("Nguyễn", "Thị", "Hoa");
        assert!(fields(&m).is_empty());
        assert_eq!(m.full_name(), "Nguyễn Thị Hoa");
        assert_eq!(m.status(), (Status::Active, None));
    }

    #[test]
    fn each_rule_names_its_field() {
        let mut m = Member::named("Nguyễn", "", " ");
        m.phone = "09x".into();
        m.birth = Some(BirthDate::Year(1990));
        m.joined_on = Some(day("1989-05-01"));
        m.ethnicity = Ethnicity::from_code(60);
        m.religion = Religion::Other(String::new());
        m.status_history
            .push(StatusChange::new(Status::Moved, day("2027-01-01")));
        assert_eq!(
            fields(&m),
            vec![
                ("given_name".into(), Problem::Empty),
                ("phone".into(), Problem::BadPhone),
                ("ethnicity".into(), Problem::UnknownEthnicity),
                ("religion".into(), Problem::Empty),
                ("joined_on".into(), Problem::BeforeBirth),
                ("status_history.0.on".into(), Problem::InFuture),
            ]
        );
    }

    #[test]
    fn mobile_numbers_are_grouped_however_typed() {
        for (typed, shown) in [
            ("0987654321", "0987 654 321"),
            (" 0912.345.678 ", "0912 345 678"),
            ("091-234-5678", "0912 345 678"),
            ("+84912345678", "+84 912 345 678"),
            ("+84 91 234 5678", "+84 912 345 678"),
            ("02363  123456", "02363 123456"),
            ("+33 6 12 34 56 78", "+33 6 12 34 56 78"),
            ("09x", "09x"),
            ("", ""),
        ] {
            assert_eq!(phone_grouped(typed), shown, "{typed}");
        }
    }

    #[test]
    fn phones() {
        for ok in [
            "0912345678",
            "+84 912 345 678",
            "0912.345.678",
            "02363-123456",
        ] {
            assert!(is_phone(ok), "{ok}");
        }
        for bad in ["12345", "0912abc678", "++84912345678", "0912345678901234"] {
            assert!(!is_phone(bad), "{bad}");
        }
    }

    #[test]
    fn status_history_records_leaving_and_returning() {
        let mut m = Member::named("Lê", "Thị", "Mai");
        m.joined_on = Some(day("2015-03-08"));
        m.set_status(Status::Active, day("2020-01-01"));
        assert!(
            m.status_history.is_empty(),
            "active from the start needs no history"
        );
        m.set_status(Status::Moved, day("2024-06-01"));
        m.set_status(Status::Moved, day("2024-06-15"));
        assert_eq!(m.status(), (Status::Moved, Some(day("2024-06-15"))));
        assert_eq!(
            m.status_history.len(),
            1,
            "a new day for the same status corrects it"
        );
        m.set_status(Status::Active, day("2025-02-01"));
        assert_eq!(m.status(), (Status::Active, Some(day("2025-02-01"))));
        assert_eq!(m.status_history.len(), 2, "returning is kept as history");
        m.set_status(Status::Deceased, day("2025-02-01"));
        assert_eq!(
            m.status_history.len(),
            2,
            "a change on the same day corrects it"
        );
        assert_eq!(m.status().0, Status::Deceased);
        m.remove_status_change(1);
        assert_eq!(m.status(), (Status::Moved, Some(day("2024-06-15"))));
        m.remove_status_change(0);
        m.remove_status_change(5);
        assert_eq!(m.status(), (Status::Active, Some(day("2015-03-08"))));
    }

    #[test]
    fn serialised_form_skips_empty_fields() {
        let m = Member::named("", "", "Lan");
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(
            json, r#"{"given_name":"Lan"}"#,
            "Kinh and no religion go unsaid"
        );
        let read: Member = serde_json::from_str(&json).unwrap();
        assert_eq!(read, m);
        let written = r#"{"given_name":"Lan","ethnicity":{"code":1,"list":"tctk-121-1979"},"religion":"none"}"#;
        assert_eq!(
            serde_json::from_str::<Member>(written).unwrap(),
            m,
            "as format 1 wrote it"
        );
        let mut other = m.clone();
        other.religion = Religion::Other("Bà La Môn".into());
        let json = serde_json::to_string(&other).unwrap();
        assert!(
            json.contains(r#""religion":{"other":"Bà La Môn"}"#),
            "{json}"
        );
    }
}
