//! The year's grading as figures, so that grades add up at every level as
//! the other indicators do: a chapter reports its own grade (the one the
//! office above decided, or else the one it proposes) and the grades it
//! decided for its women's groups, each a share of the units graded; an
//! office adds the chapters' up, its own decisions in place of what each
//! proposed.

use super::compute::compute;
use super::groups::book_of_group;
use crate::domain::book::collections::Book;
use crate::domain::kernel::period::Period;
use crate::domain::kernel::record::{Record, RecordId};
use crate::domain::records::campaign::{standing, Campaign, Scores, Standing};
use crate::domain::records::catalogue::Value;
use crate::domain::records::grade::{Decision, ModelChapter, GRADE_CODES, GRADING_CODES};
use crate::domain::records::unit::with_ancestors;
use crate::domain::records::unit_report::UnitReport;
use std::collections::BTreeMap;

/// The grading campaign of an office above `unit` for exactly `period`.
pub fn grading_campaign<'b>(
    book: &'b Book,
    unit: &RecordId,
    period: Period,
) -> Option<&'b Record<Campaign>> {
    let above: Vec<&RecordId> = with_ancestors(&book.units, unit)
        .into_iter()
        .skip(1)
        .map(|u| &u.id)
        .collect();
    book.campaigns
        .live()
        .find(|c| c.data.grading && c.data.period == period && above.contains(&&c.data.office))
}

/// A unit's scores by hand in `campaign`: the chapter's own, or one of its
/// groups'.
pub fn scores_of<'b>(
    book: &'b Book,
    campaign: &RecordId,
    unit: &RecordId,
    group: Option<&RecordId>,
) -> Option<&'b Scores> {
    match group {
        None => Scores::id(campaign, unit),
        Some(group) => Scores::group_id(campaign, unit, group),
    }
    .and_then(|id| book.scores.get(&id))
    .filter(|s| !s.deleted)
    .map(|s| &s.data)
}

/// The decision of the campaign's office on `unit`, if it made one.
pub fn decision<'b>(book: &'b Book, campaign: &RecordId, unit: &RecordId) -> Option<&'b Decision> {
    Scores::decision_id(campaign, unit)
        .and_then(|id| book.scores.get(&id))
        .filter(|s| !s.deleted)
        .and_then(|s| s.data.decision.as_ref())
}

/// The grade a unit proposes in `campaign` from its figures and its scores
/// by hand: the campaign's band, `None` while a score by hand is missing.
pub fn proposed(
    campaign: &Campaign,
    values: &BTreeMap<String, Value>,
    scores: Option<&Scores>,
) -> Option<usize> {
    let label = standing(campaign, values, scores.map(|s| &s.points)).grade?;
    campaign.band(&label)
}

/// A women's group's standing in `campaign`: its figures, read as a
/// chapter's (`groups::book_of_group`), and the chapter's scores by hand for it.
pub fn group_standing(
    book: &Book,
    campaign: &Record<Campaign>,
    unit: &RecordId,
    group: &RecordId,
) -> Standing {
    let values: BTreeMap<String, Value> =
        compute(&book_of_group(book, group), unit, campaign.data.period)
            .into_iter()
            .collect();
    let given = scores_of(book, &campaign.id, unit, Some(group)).map(|s| &s.points);
    standing(&campaign.data, &values, given)
}

/// One graded unit as figures: its band's share 1 of 1, the others 0 of 1.
fn put_band(out: &mut [Value; 4], band: Option<usize>) {
    for (i, value) in out.iter_mut().enumerate() {
        *value = *value
            + match band {
                Some(b) => Value::ratio(u64::from(b == i), 1),
                None => Value::ratio(0, 0),
            };
    }
}

/// One chapter graded `band` (`None`: not graded) as figures: its grade's
/// shares, and whether it is a model chapter, an outstanding one.
fn chapter_figures(band: Option<usize>, model: ModelChapter) -> ([Value; 4], [Value; 2]) {
    let mut grades = [Value::ratio(0, 0); 4];
    put_band(&mut grades, band);
    let of_graded = |yes: bool| Value::ratio(u64::from(yes), u64::from(band.is_some()));
    let models = [
        of_graded(band.is_some() && model != ModelChapter::No),
        of_graded(band.is_some() && model == ModelChapter::Outstanding),
    ];
    (grades, models)
}

/// The grading figures of the chapter `unit` for `period`, in the order of
/// `grade::GRADING_CODES`; `figures` are its other figures. All «0/0» when
/// no office above runs a grading campaign for the period.
pub fn chapter_grading(
    book: &Book,
    unit: &RecordId,
    period: Period,
    figures: &[(String, Value)],
) -> Vec<Value> {
    let mut chapters = [Value::ratio(0, 0); 4];
    let mut groups = [Value::ratio(0, 0); 4];
    let mut model = [Value::ratio(0, 0); 2];
    if let Some(c) = grading_campaign(book, unit, period) {
        let (band, chosen) = match decision(book, &c.id, unit) {
            Some(d) => (c.data.band(&d.grade), d.model),
            None => (
                proposed(
                    &c.data,
                    &figures.iter().cloned().collect(),
                    scores_of(book, &c.id, unit, None),
                ),
                ModelChapter::No,
            ),
        };
        (chapters, model) = chapter_figures(band, chosen);
        // A group is graded once the chapter has decided its grade, beside
        // the group's standing on the plan page (`group_standing`): figuring
        // each group here would cost every look at the figures that much.
        for group in book.groups.live() {
            let decided = scores_of(book, &c.id, unit, Some(&group.id))
                .and_then(|s| s.decision.as_ref())
                .and_then(|d| c.data.band(&d.grade));
            if decided.is_some() {
                put_band(&mut groups, decided);
            }
        }
    }
    chapters.into_iter().chain(groups).chain(model).collect()
}

/// A chapter's report as an office counts it. Where the office holds the
/// grading campaign of the report's period set by the chapter's own office,
/// the chapter's grade is worked out here, never taken from its report: the
/// office's decision, or else the grade the chapter's reported figures and
/// its scores by hand reach on the campaign's sheet (a chapter reporting itself «Vững mạnh» while its scores
/// give «Yếu» counts as «Yếu»). Elsewhere (an office above the one that
/// graded) the report's figures stand, checked on import to count the
/// chapter once (`counts_one_chapter`).
pub fn as_counted(book: &Book, mut report: UnitReport) -> UnitReport {
    // The office that grades a chapter is the one right above her: an
    // office higher up takes her grade as that office counted it.
    let parent = book
        .units
        .get(&report.unit)
        .filter(|u| u.data.is_chapter())
        .and_then(|u| u.data.parent.as_ref());
    let Some(c) = parent.and_then(|parent| {
        book.campaigns
            .live()
            .find(|c| c.data.grading && c.data.period == report.period && c.data.office == *parent)
    }) else {
        return report;
    };
    let (band, model) = match decision(book, &c.id, &report.unit) {
        Some(d) => (c.data.band(&d.grade), d.model),
        None => (
            proposed(
                &c.data,
                &report.values,
                scores_of(book, &c.id, &report.unit, None),
            ),
            ModelChapter::No,
        ),
    };
    let (chapters, model) = chapter_figures(band, model);
    for (grade, value) in GRADE_CODES.iter().zip(chapters) {
        report
            .values
            .insert(format!("grading.chapters.{grade}"), value);
    }
    report.values.insert("grading.model".into(), model[0]);
    report
        .values
        .insert("grading.model_outstanding".into(), model[1]);
    report
}

/// Whether a chapter's report counts the chapter once at most in its
/// grading figures: each share out of one chapter graded or none, one
/// grade held at most, and a model chapter only if graded.
pub fn counts_one_chapter(values: &BTreeMap<String, Value>) -> bool {
    let mut graded = None;
    let mut grades = 0;
    for code in GRADING_CODES
        .iter()
        .filter(|code| !code.starts_with("grading.groups."))
    {
        let Some(value) = values.get(*code) else {
            continue;
        };
        let den = value.den.unwrap_or(0);
        if den > 1 || value.num > den || graded.is_some_and(|g| g != den) {
            return false;
        }
        graded = Some(den);
        if code.starts_with("grading.chapters.") {
            grades += value.num;
        }
    }
    grades <= 1
}
