//! The member form's contents as typed, and how they become a member. Kept in
//! the domain so that the rules (name splitting, dates, status history) are the
//! same wherever a member is made, and are tested without a browser.

use super::member::{Member, Religion, Status};
use crate::domain::kernel::date::{digits, BirthDate, Date, MAX_YEAR, MIN_YEAR};
use crate::domain::kernel::ethnicity::Ethnicity;
use crate::domain::kernel::name::{join_name, tidy, NameParts};
use crate::domain::kernel::problem::{FieldProblem, Problem};
use crate::domain::kernel::record::RecordId;
use serde::{Deserialize, Serialize};

/// Value of the religion choice that means "write it in".
pub const OTHER_RELIGION: &str = "other";

/// Every field of the form as text or choice, exactly as the user left it;
/// kept in storage while a new member's form is left unsaved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MemberDraft {
    /// The one box where the full name is typed.
    pub full_name: String,
    pub family: String,
    pub middle: String,
    pub given: String,
    /// Only the birth year is known.
    pub birth_year_only: bool,
    /// `YYYY-MM-DD` from a date picker, or empty.
    pub birth_day: String,
    pub birth_year: String,
    pub phone: String,
    pub address: String,
    /// `YYYY-MM-DD` or empty.
    pub joined_on: String,
    pub ethnicity: u8,
    /// A religion code (`none`, `buddhism`…) or [`OTHER_RELIGION`].
    pub religion: String,
    pub religion_other: String,
    pub worker: bool,
    pub rented_room: bool,
    pub honorary: bool,
    /// The women's group's id, or empty for none.
    pub group: String,
    /// Her membership card's number, and the day it was given as typed.
    pub card: String,
    pub card_on: String,
    pub core: bool,
    pub status: Status,
    /// `YYYY-MM-DD` or empty: the day the status began.
    pub status_on: String,
}

impl Default for MemberDraft {
    fn default() -> Self {
        MemberDraft::from_member(&Member::named("", "", ""))
    }
}

impl Religion {
    /// The code used in files and in the form's choice.
    pub fn code(&self) -> &'static str {
        match self {
            Religion::None => "none",
            Religion::Buddhism => "buddhism",
            Religion::Catholicism => "catholicism",
            Religion::Protestantism => "protestantism",
            Religion::CaoDai => "cao_dai",
            Religion::HoaHao => "hoa_hao",
            Religion::Islam => "islam",
            Religion::Other(_) => OTHER_RELIGION,
        }
    }

    /// The religion for a code; [`OTHER_RELIGION`] takes the written text.
    pub fn from_code(code: &str, other: &str) -> Option<Religion> {
        if code == OTHER_RELIGION {
            return Some(Religion::Other(tidy(other)));
        }
        Religion::NAMED.into_iter().find(|r| r.code() == code)
    }
}

impl MemberDraft {
    /// This form after the member was saved elsewhere (another tab of the
    /// browser) while it was open: the fields changed here since `base`, the
    /// form as it was opened, kept as typed; every other field as `theirs`.
    /// Field by field, so her phone changed here and her address changed
    /// there both survive.
    pub fn rebased(&self, base: &MemberDraft, theirs: &MemberDraft) -> MemberDraft {
        let fields = |draft: &MemberDraft| match serde_json::to_value(draft) {
            Ok(serde_json::Value::Object(fields)) => fields,
            _ => serde_json::Map::new(),
        };
        let (mine, base) = (fields(self), fields(base));
        let mut merged = fields(theirs);
        for (field, value) in mine {
            if base.get(&field) != Some(&value) {
                merged.insert(field, value);
            }
        }
        MemberDraft::deserialize(serde_json::Value::Object(merged)).unwrap_or_else(|_| self.clone())
    }

    pub fn from_member(member: &Member) -> MemberDraft {
        let (status, since) = member.status();
        let (religion_other, birth_year_only) = (
            match &member.religion {
                Religion::Other(text) => text.clone(),
                _ => String::new(),
            },
            matches!(member.birth, Some(BirthDate::Year(_))),
        );
        MemberDraft {
            full_name: member.full_name(),
            family: member.family_name.clone(),
            middle: member.middle_name.clone(),
            given: member.given_name.clone(),
            birth_year_only,
            birth_day: match member.birth {
                Some(BirthDate::Day(day)) => day.vn(),
                _ => String::new(),
            },
            birth_year: member
                .birth
                .map(|b| b.year().to_string())
                .unwrap_or_default(),
            phone: member.phone.clone(),
            address: member.address.clone(),
            joined_on: member.joined_on.map(Date::vn).unwrap_or_default(),
            ethnicity: member.ethnicity.code,
            religion: member.religion.code().to_owned(),
            religion_other,
            worker: member.worker,
            rented_room: member.rented_room,
            honorary: member.honorary,
            group: member
                .group
                .as_ref()
                .map(|g| g.to_string())
                .unwrap_or_default(),
            card: member.card.clone(),
            card_on: member.card_on.map(Date::vn).unwrap_or_default(),
            core: member.core,
            status,
            status_on: if member.status_history.is_empty() {
                String::new()
            } else {
                since.map(Date::vn).unwrap_or_default()
            },
        }
    }

    /// Typing in the full-name box fills the three parts.
    pub fn set_full_name(&mut self, text: &str) {
        let parts = NameParts::split(text);
        self.full_name = text.to_owned();
        self.family = parts.family;
        self.middle = parts.middle;
        self.given = parts.given;
    }

    /// Correcting one part rewrites the full-name box from the parts.
    pub fn refresh_full_name(&mut self) {
        self.full_name = join_name(&self.family, &self.middle, &self.given);
    }

    /// The member the form describes, built on `previous` (whose status history
    /// it extends), or every problem, with fields named as the form names them.
    pub fn build(
        &self,
        previous: Option<&Member>,
        today: Date,
    ) -> Result<Member, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let birth = if self.birth_year_only {
            let text = self.birth_year.trim();
            let year = digits(text).filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y));
            if year.is_none() && !text.is_empty() {
                problems.push(FieldProblem::new(
                    "birth",
                    Problem::Invalid(text.to_owned()),
                ));
            }
            year.map(BirthDate::Year)
        } else {
            parse_date("birth", &self.birth_day, &mut problems).map(BirthDate::Day)
        };
        let joined_on = parse_date("joined_on", &self.joined_on, &mut problems);
        let status_on = parse_date("status_on", &self.status_on, &mut problems);
        let card_on = parse_date("card_on", &self.card_on, &mut problems);
        let religion =
            Religion::from_code(&self.religion, &self.religion_other).unwrap_or(Religion::None);
        let mut member = previous
            .cloned()
            .unwrap_or_else(|| Member::named("", "", ""));
        member.family_name = tidy(&self.family);
        member.middle_name = tidy(&self.middle);
        member.given_name = tidy(&self.given);
        member.birth = birth;
        // Grouped when she types it; a number kept from before stays as it
        // was, or merely opening her page would change her record.
        if self.phone.trim() != member.phone {
            member.phone = super::member::phone_grouped(&self.phone);
        }
        member.address = tidy(&self.address);
        member.joined_on = joined_on;
        member.ethnicity = Ethnicity::from_code(self.ethnicity);
        member.religion = religion;
        member.worker = self.worker;
        member.rented_room = self.rented_room;
        member.honorary = self.honorary;
        member.group = RecordId::parse(&self.group);
        member.card = tidy(&self.card);
        member.card_on = card_on;
        member.core = self.core;
        match (self.status, status_on) {
            (status, Some(on)) => member.set_status(status, on),
            (Status::Active, None) if member.status().0 == Status::Active => {}
            (Status::Active, None) => member.set_status(Status::Active, today),
            (_, None) => problems.push(FieldProblem::new("status_on", Problem::Empty)),
        }
        problems.extend(member.problems(today).into_iter().map(|p| {
            let field = if p.field.starts_with("status_history") {
                "status_on".to_owned()
            } else {
                p.field
            };
            FieldProblem::new(field, p.problem)
        }));
        if problems.is_empty() {
            Ok(member)
        } else {
            problems.dedup_by(|a, b| a.field == b.field);
            Err(problems)
        }
    }
}

/// Reads a date typed or picked (`YYYY-MM-DD` or `dd/mm/yyyy`); empty is no date.
fn parse_date(field: &str, text: &str, problems: &mut Vec<FieldProblem>) -> Option<Date> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let parsed = Date::parse_iso(text).or_else(|| Date::parse_vn(text));
    if parsed.is_none() {
        problems.push(FieldProblem::new(field, Problem::Invalid(text.to_owned())));
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::parse_iso("2026-11-29").unwrap()
    }

    #[test]
    fn a_number_kept_from_before_is_not_regrouped_until_she_types_one() {
        let mut member = Member::named("Hoa", "Nguyễn", "Thị");
        member.phone = "0912345678".into();
        let draft = MemberDraft::from_member(&member);
        let same = draft.build(Some(&member), today()).unwrap();
        assert_eq!(same, member, "opening her page changes nothing");
        let mut typed = draft;
        typed.phone = "0987654321".into();
        assert_eq!(
            typed.build(Some(&member), today()).unwrap().phone,
            "0987 654 321"
        );
    }

    #[test]
    fn an_edit_elsewhere_and_one_here_both_survive() {
        let mut base = MemberDraft::default();
        base.set_full_name("Lò Thị Ánh");
        let mut here = base.clone();
        here.phone = "0912345678".into();
        let mut there = base.clone();
        there.address = "Xóm Trại".into();
        there.phone = "0900000000".into();
        let rebased = here.rebased(&base, &there);
        assert_eq!(rebased.phone, "0912345678", "what she typed here stays");
        assert_eq!(rebased.address, "Xóm Trại", "the other tab's edit is taken");
        assert_eq!(rebased.full_name, "Lò Thị Ánh");
        assert_eq!(
            base.rebased(&base, &there),
            there,
            "untouched here: theirs whole"
        );
    }

    #[test]
    fn a_typed_full_name_becomes_three_parts() {
        let mut draft = MemberDraft::default();
        draft.set_full_name("trần thị  thu hà");
        assert_eq!(
            (
                draft.family.as_str(),
                draft.middle.as_str(),
                draft.given.as_str()
            ),
            ("Trần", "Thị Thu", "Hà")
        );
        draft.middle = "Thị".into();
        draft.given = "Thu Hà".into();
        draft.refresh_full_name();
        assert_eq!(draft.full_name, "Trần Thị Thu Hà");
        let member = draft.build(None, today()).unwrap();
        assert_eq!(
            (member.middle_name.as_str(), member.given_name.as_str()),
            ("Thị", "Thu Hà")
        );
    }

    #[test]
    fn round_trips_a_member() {
        let mut draft = MemberDraft::default();
        draft.set_full_name("Lò Thị Ánh");
        draft.birth_year_only = true;
        draft.birth_year = "1990".into();
        draft.phone = " 0912345678 ".into();
        draft.joined_on = "2012-03-08".into();
        draft.ethnicity = 3;
        draft.religion = OTHER_RELIGION.into();
        draft.religion_other = "  Bà  La Môn ".into();
        draft.rented_room = true;
        draft.card = " 012 345 ".into();
        draft.card_on = "08/03/2015".into();
        draft.core = true;
        let member = draft.build(None, today()).unwrap();
        assert_eq!(
            (member.card.as_str(), member.card_on, member.core),
            ("012 345", Date::new(2015, 3, 8), true)
        );
        assert_eq!(member.birth, Some(BirthDate::Year(1990)));
        assert_eq!(member.phone, "0912 345 678", "a mobile number grouped");
        assert_eq!(member.religion, Religion::Other("Bà La Môn".into()));
        assert_eq!(member.ethnicity.name(), Some("Thái"));
        let again = MemberDraft::from_member(&member);
        assert_eq!(again.build(Some(&member), today()), Ok(member));
    }

    #[test]
    fn dates_can_be_typed_the_vietnamese_way() {
        let mut draft = MemberDraft::default();
        draft.set_full_name("Hoa");
        draft.birth_day = "2/3/1985".into();
        let member = draft.build(None, today()).unwrap();
        assert_eq!(
            member.birth,
            Some(BirthDate::Day(Date::new(1985, 3, 2).unwrap()))
        );
    }

    #[test]
    fn status_changes_extend_the_history() {
        let mut draft = MemberDraft::default();
        draft.set_full_name("Mai");
        let member = draft.build(None, today()).unwrap();
        let mut draft = MemberDraft::from_member(&member);
        draft.status = Status::Moved;
        assert_eq!(
            draft.build(Some(&member), today()),
            Err(vec![FieldProblem::new("status_on", Problem::Empty)]),
            "leaving needs a date"
        );
        draft.status_on = "2026-10-01".into();
        let moved = draft.build(Some(&member), today()).unwrap();
        assert_eq!(moved.status(), (Status::Moved, Date::new(2026, 10, 1)));
        let mut back = MemberDraft::from_member(&moved);
        back.status = Status::Active;
        back.status_on = String::new();
        let returned = back.build(Some(&moved), today()).unwrap();
        assert_eq!(returned.status(), (Status::Active, Some(today())));
        assert_eq!(returned.status_history.len(), 2);
    }

    #[test]
    fn problems_are_named_by_form_field() {
        let draft = MemberDraft {
            birth_year_only: true,
            birth_year: "19x0".into(),
            joined_on: "31/02/2020".into(),
            status: Status::Deceased,
            status_on: "2030-01-01".into(),
            ..MemberDraft::default()
        };
        let fields: Vec<(String, Problem)> = draft
            .build(None, today())
            .unwrap_err()
            .into_iter()
            .map(|p| (p.field, p.problem))
            .collect();
        assert_eq!(
            fields,
            vec![
                ("birth".into(), Problem::Invalid("19x0".into())),
                ("joined_on".into(), Problem::Invalid("31/02/2020".into())),
                ("given_name".into(), Problem::Empty),
                ("status_on".into(), Problem::InFuture),
            ]
        );
    }
}
