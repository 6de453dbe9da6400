//! What a member reaches beyond being one: the members' campaign of the term
//! year by year, and the recognitions she is given. Kept on her record, as
//! the chapter's book of members keeps them on her line.

use crate::domain::kernel::date::{Date, MIN_YEAR};
use crate::domain::kernel::name::tidy;
use crate::domain::kernel::problem::{check_past, check_text, FieldProblem, Problem};
use serde::{Deserialize, Serialize};

/// The members' campaign of the 2022–2027 term.
pub const CAMPAIGN_NAME: &str = "Xây dựng người Phụ nữ Việt Nam thời đại mới";

/// Longest text of a recognition (who gave it, what for).
pub const MAX_RECOGNITION_TEXT: usize = 200;

/// One of the campaign's four criteria.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quality {
    /// Tri thức.
    Knowledge,
    /// Đạo đức.
    Ethics,
    /// Sức khỏe.
    Health,
    /// Trách nhiệm.
    Responsibility,
}

impl Quality {
    pub const ALL: [Quality; 4] = [
        Quality::Knowledge,
        Quality::Ethics,
        Quality::Health,
        Quality::Responsibility,
    ];

    /// Vietnamese and English names.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            Quality::Knowledge => ("Tri thức", "Knowledge"),
            Quality::Ethics => ("Đạo đức", "Ethics"),
            Quality::Health => ("Sức khỏe", "Health"),
            Quality::Responsibility => ("Trách nhiệm", "Responsibility"),
        }
    }
}

/// Her part in the campaign one year: registered (the pledge exists), and,
/// once the chapter has reviewed the year, the criteria she did not reach.
/// Most members reach all four, so those missed are written, not those met:
/// a reviewed year of a member who reached them all is `{"year":…,"reviewed":true}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pledge {
    pub year: u16,
    #[serde(default, skip_serializing_if = "is_false")]
    pub reviewed: bool,
    /// In the order of [`Quality::ALL`]; empty until reviewed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missed: Vec<Quality>,
}

fn is_false(value: &bool) -> bool {
    !value
}

impl Pledge {
    /// Whether the review found her to reach `quality`.
    pub fn met(&self, quality: Quality) -> bool {
        self.reviewed && !self.missed.contains(&quality)
    }

    /// How many criteria the review found her to reach.
    pub fn met_count(&self) -> usize {
        Quality::ALL.iter().filter(|q| self.met(**q)).count()
    }

    /// Whether she reached every criterion: «đạt» for the year.
    pub fn achieved(&self) -> bool {
        self.reviewed && self.missed.is_empty()
    }
}

/// What a recognition is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Honour {
    /// Điển hình: held up as an example (the chapter's outstanding members).
    Exemplary,
    /// Khen thưởng: a certificate of merit or a reward.
    Commended,
}

impl Honour {
    pub const ALL: [Honour; 2] = [Honour::Exemplary, Honour::Commended];
}

/// A recognition given to her: what, when, by whom, for what.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recognition {
    pub on: Date,
    pub kind: Honour,
    /// Who gave it («Hội LHPN xã», «UBND huyện»).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    /// What it was for.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

/// A recognition as typed on her page, before it is added.
#[derive(Clone, Debug, PartialEq)]
pub struct RecognitionDraft {
    pub kind: Honour,
    /// `dd/mm/yyyy` or `YYYY-MM-DD`.
    pub on: String,
    pub by: String,
    pub reason: String,
}

impl RecognitionDraft {
    /// A new one: held up as an example, today.
    pub fn new(today: Date) -> RecognitionDraft {
        RecognitionDraft {
            kind: Honour::Exemplary,
            on: today.vn(),
            by: String::new(),
            reason: String::new(),
        }
    }

    /// The recognition, or its problems named `on`, `by`, `reason`.
    pub fn build(&self, today: Date) -> Result<Recognition, Vec<FieldProblem>> {
        let text = self.on.trim();
        let Some(on) = Date::parse_vn(text).or_else(|| Date::parse_iso(text)) else {
            let problem = match text {
                "" => Problem::Empty,
                _ => Problem::Invalid(text.to_owned()),
            };
            return Err(vec![FieldProblem::new("on", problem)]);
        };
        let recognition = Recognition {
            on,
            kind: self.kind,
            by: tidy(&self.by),
            reason: tidy(&self.reason),
        };
        let mut out = Vec::new();
        check_merit(&[], std::slice::from_ref(&recognition), today, &mut out);
        if out.is_empty() {
            Ok(recognition)
        } else {
            Err(out
                .into_iter()
                .map(|p| FieldProblem::new(p.field.rsplit('.').next().unwrap_or(""), p.problem))
                .collect())
        }
    }
}

/// The rules of a member's campaign years and recognitions, fields named
/// as in her record.
pub fn check_merit(
    pledges: &[Pledge],
    recognitions: &[Recognition],
    today: Date,
    out: &mut Vec<FieldProblem>,
) {
    for (i, pledge) in pledges.iter().enumerate() {
        if pledge.year < MIN_YEAR || pledge.year > today.year() {
            out.push(FieldProblem::new(
                format!("pledges.{i}.year"),
                Problem::Invalid(pledge.year.to_string()),
            ));
        }
        if pledges[..i].iter().any(|p| p.year == pledge.year) {
            out.push(FieldProblem::new(
                format!("pledges.{i}.year"),
                Problem::Repeated,
            ));
        }
        let missed = &pledge.missed;
        if (1..missed.len()).any(|j| missed[j] <= missed[j - 1]) {
            out.push(FieldProblem::new(
                format!("pledges.{i}.missed"),
                Problem::Repeated,
            ));
        }
    }
    for (i, r) in recognitions.iter().enumerate() {
        check_past(&format!("recognitions.{i}.on"), r.on, today, out);
        let field = |name: &str| format!("recognitions.{i}.{name}");
        check_text(&field("by"), &r.by, MAX_RECOGNITION_TEXT, false, out);
        check_text(
            &field("reason"),
            &r.reason,
            MAX_RECOGNITION_TEXT,
            false,
            out,
        );
    }
}

/// Registers her for `year` or takes the registration back; a pledge
/// taken back loses the year's review with it.
pub fn set_pledged(pledges: &mut Vec<Pledge>, year: u16, pledged: bool) {
    let at = pledges.iter().position(|p| p.year == year);
    match (at, pledged) {
        (None, true) => {
            let at = pledges.partition_point(|p| p.year < year);
            pledges.insert(
                at,
                Pledge {
                    year,
                    reviewed: false,
                    missed: Vec::new(),
                },
            );
        }
        (Some(at), false) => {
            pledges.remove(at);
        }
        _ => {}
    }
}

/// Marks one criterion reached or not in `year`, registering her for the
/// year if she was not (a member found to reach a criterion took part).
/// The first mark reviews the year: the other criteria read as not reached
/// until marked.
pub fn set_met(pledges: &mut Vec<Pledge>, year: u16, quality: Quality, met: bool) {
    set_pledged(pledges, year, true);
    if let Some(pledge) = pledges.iter_mut().find(|p| p.year == year) {
        if !pledge.reviewed {
            pledge.reviewed = true;
            pledge.missed = Quality::ALL.to_vec();
        }
        pledge.missed.retain(|q| *q != quality);
        if !met {
            let at = pledge.missed.partition_point(|q| *q < quality);
            pledge.missed.insert(at, quality);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kernel::date::day;

    fn problems(pledges: &[Pledge], recognitions: &[Recognition]) -> Vec<(String, Problem)> {
        let mut out = Vec::new();
        check_merit(pledges, recognitions, day("2026-11-29"), &mut out);
        out.into_iter().map(|p| (p.field, p.problem)).collect()
    }

    #[test]
    fn a_year_is_registered_then_reviewed_criterion_by_criterion() {
        let mut pledges = Vec::new();
        set_pledged(&mut pledges, 2026, true);
        set_met(&mut pledges, 2025, Quality::Health, true);
        set_met(&mut pledges, 2026, Quality::Responsibility, true);
        set_met(&mut pledges, 2026, Quality::Knowledge, true);
        assert_eq!(
            pledges.iter().map(|p| p.year).collect::<Vec<_>>(),
            [2025, 2026],
            "in year order; a criterion met registers the year"
        );
        assert_eq!(
            pledges[1].missed,
            [Quality::Ethics, Quality::Health],
            "the first mark reviews the year; in the campaign's order"
        );
        assert_eq!(pledges[1].met_count(), 2);
        assert!(!pledges[1].achieved());
        set_met(&mut pledges, 2026, Quality::Ethics, true);
        set_met(&mut pledges, 2026, Quality::Health, true);
        assert!(pledges[1].achieved(), "all four");
        set_met(&mut pledges, 2026, Quality::Health, false);
        assert!(!pledges[1].achieved());
        set_pledged(&mut pledges, 2026, false);
        assert_eq!(pledges.len(), 1, "taken back with its review");
        assert!(problems(&pledges, &[]).is_empty());
    }

    #[test]
    fn a_recognition_is_typed_the_vietnamese_way() {
        let today = day("2026-11-29");
        let mut draft = RecognitionDraft::new(today);
        assert_eq!(draft.on, "29/11/2026");
        draft.by = " Hội LHPN  xã ".into();
        draft.kind = Honour::Commended;
        assert_eq!(
            draft.build(today),
            Ok(Recognition {
                on: today,
                kind: Honour::Commended,
                by: "Hội LHPN xã".into(),
                reason: String::new(),
            })
        );
        draft.on = "31/02/2026".into();
        assert_eq!(
            draft.build(today),
            Err(vec![FieldProblem::new(
                "on",
                Problem::Invalid("31/02/2026".into())
            )])
        );
        draft.on = "2026-12-01".into();
        assert_eq!(
            draft.build(today),
            Err(vec![FieldProblem::new("on", Problem::InFuture)])
        );
    }

    #[test]
    fn each_rule_names_its_field() {
        let pledge = |year, missed: Vec<Quality>| Pledge {
            year,
            reviewed: true,
            missed,
        };
        let recognition = Recognition {
            on: day("2027-01-05"),
            kind: Honour::Exemplary,
            by: "x".repeat(201),
            reason: "Tiêu biểu".into(),
        };
        assert_eq!(
            problems(
                &[
                    pledge(2026, vec![Quality::Ethics, Quality::Ethics]),
                    pledge(2026, vec![]),
                    pledge(2027, vec![]),
                ],
                &[recognition]
            ),
            vec![
                ("pledges.0.missed".into(), Problem::Repeated),
                ("pledges.1.year".into(), Problem::Repeated),
                ("pledges.2.year".into(), Problem::Invalid("2027".into())),
                ("recognitions.0.on".into(), Problem::InFuture),
                ("recognitions.0.by".into(), Problem::TooLong { max: 200 }),
            ]
        );
    }
}
