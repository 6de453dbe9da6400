//! Report files: a unit's figures for chosen periods, for itself and for the
//! units below it to a chosen depth, sent up to the office above; and what an
//! office's import of one would do. A report carries unit names and figures,
//! never a member's name, phone or birth date.

use super::preview::{ImportPreview, Note};
use super::unit_file::{restore_only, write_file};
use crate::domain::book::collections::{Book, DeviceState};
use crate::domain::figures::grading::counts_one_chapter;
use crate::domain::figures::roll_up::report_of;
use crate::domain::file::envelope::{position_in, Envelope, FileError, FileKind, OutFile};
use crate::domain::file::restore::Rejection;
use crate::domain::kernel::date::Date;
use crate::domain::kernel::merge::merge_records;
use crate::domain::kernel::name::same_folded;
use crate::domain::kernel::period::Period;
use crate::domain::kernel::problem::{FieldProblem, Problem};
use crate::domain::kernel::record::{set_of, Collection, Record, RecordId};
use crate::domain::kernel::stamp::Stamp;
use crate::domain::records::campaign::Scores;
use crate::domain::records::catalogue::find;
use crate::domain::records::unit::children;
use crate::domain::records::unit::{with_ancestors, Unit};
use crate::domain::records::unit_report::UnitReport;
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// The collections a report file may hold.
const REPORT_COLLECTIONS: [&str; 3] = ["units", "reports", "scores"];

/// The report file of this device's unit for `periods`, with the reports of
/// the units below it down to `depth` levels (0: its own only). Reports it
/// computes are stamped `stamp`; reports it holds from below keep theirs.
pub fn write_report(
    book: &Book,
    device: &DeviceState,
    periods: &[Period],
    depth: usize,
    stamp: &Stamp,
    now_ms: u64,
    today: Date,
) -> Option<OutFile> {
    let home = device.home.as_ref()?;
    let mut units: Vec<Record<Unit>> = with_ancestors(&book.units, home)
        .into_iter()
        .cloned()
        .collect();
    let mut reports: Vec<Record<UnitReport>> = Vec::new();
    let mut level: Vec<RecordId> = vec![home.clone()];
    for depth_now in 0..=depth {
        let mut next = Vec::new();
        for unit in &level {
            if depth_now > 0 {
                units.extend(book.units.get(unit).cloned());
            }
            for period in periods {
                let (Some(report), Some(id)) = (
                    report_of(book, home, unit, *period),
                    UnitReport::id(unit, *period),
                ) else {
                    continue;
                };
                let held = book.reports.get(&id).filter(|r| !r.deleted).cloned();
                reports.push(
                    held.unwrap_or_else(|| Record::keyed(id, stamp.clone(), report.sendable())),
                );
            }
            next.extend(children(&book.units, unit).cloned());
        }
        level = next;
    }
    // Scores given by hand in campaigns, for the units reported on: a
    // unit's self-assessment, not its groups' (the chapter's own working,
    // which goes up as the grading figures) nor an office's decisions.
    let reported: BTreeSet<&RecordId> = set_of(reports.iter().map(|r| &r.data.unit));
    let scores: Vec<&Record<Scores>> = book
        .scores
        .live()
        .filter(|s| reported.contains(&s.data.unit) && is_self_assessment(&s.data))
        .collect();
    let data = format!(
        "{{\"units\":{},\"reports\":{},\"scores\":{}}}",
        serde_json::to_string(&units).ok()?,
        serde_json::to_string(&reports).ok()?,
        serde_json::to_string(&scores).ok()?
    );
    let codes: Vec<String> = periods.iter().map(|p| p.code()).collect();
    write_file(
        FileKind::Report,
        book,
        device,
        now_ms,
        today,
        &codes.join("-"),
        &data,
    )
}

/// Whether the marks are a unit's own scores by hand in a campaign.
fn is_self_assessment(scores: &Scores) -> bool {
    scores.group.is_none() && scores.decision.is_none()
}

/// The file's units, and every unit above them, as the office knows them:
/// its own record of each unit it holds, the file's of those it does not. A
/// file may add units below its sender, never move one the office knows.
fn known_tree(local: &Collection<Unit>, incoming: &Collection<Unit>) -> Collection<Unit> {
    let mut tree = Collection::default();
    let mut wanted: Vec<RecordId> = incoming.all().map(|u| u.id.clone()).collect();
    while let Some(id) = wanted.pop() {
        if tree.get(&id).is_some() {
            continue;
        }
        if let Some(unit) = local.get(&id).or_else(|| incoming.get(&id)) {
            wanted.extend(unit.data.parent.clone());
            tree.put(unit.clone());
        }
    }
    tree
}

/// Whether `unit` is `top` or lies below it, following parents in `units`.
pub(crate) fn within(units: &Collection<Unit>, unit: &RecordId, top: &RecordId) -> bool {
    with_ancestors(units, unit).iter().any(|u| u.id == *top)
}

pub(crate) fn name_of(units: &Collection<Unit>, id: &RecordId) -> String {
    units
        .get(id)
        .map_or_else(|| id.to_string(), |u| u.data.name.clone())
}

/// Works out what importing a report would do at this office: the reports and
/// units of the sender's own subtree are taken, newer reports replace older
/// ones, and anything outside that subtree is refused and named.
pub(crate) fn preview_report(
    envelope: &Envelope,
    book: &Book,
    device: &DeviceState,
    now_ms: u64,
    today: Date,
) -> Result<ImportPreview, FileError> {
    let (incoming, mut rejected) = restore_only(envelope, &REPORT_COLLECTIONS, today)?;
    let home = device.home.as_ref().ok_or(FileError::NeedsSetUp)?;
    let Envelope {
        kind,
        created,
        unit: sender,
        data,
        ..
    } = envelope;
    if within(&book.units, home, &sender.id) {
        return Err(FileError::OwnReport);
    }
    // Where units stand: what the office knows, and what the file adds.
    let tree = known_tree(&book.units, &incoming.units);
    let subtree = Subtree {
        tree: &tree,
        known: &book.units,
        top: &sender.id,
        data,
    };
    let mut units = subtree.units(&incoming.units, book, &mut rejected);
    let mut reports = subtree.keep("reports", &incoming.reports, |r| &r.unit, &mut rejected);
    // A chapter counts itself once: its grading figures are one chapter's.
    let chapter = |unit: &RecordId| tree.get(unit).is_some_and(|u| u.data.is_chapter());
    let overcounted: Vec<Record<UnitReport>> = reports
        .all()
        .filter(|r| chapter(&r.data.unit) && !counts_one_chapter(&r.data.values))
        .cloned()
        .collect();
    for report in overcounted {
        reports.remove(&report.id);
        rejected.push(Rejection {
            collection: "reports",
            index: position_in(data, "reports", &report.id),
            id: Some(report.id.to_string()),
            label: Some(name_of(&tree, &report.data.unit)),
            problems: vec![FieldProblem::new("data.values", Problem::CountsItselfOnce)],
        });
    }
    let mut scores = subtree.keep("scores", &incoming.scores, |s| &s.unit, &mut rejected);
    // A unit proposes its grade; deciding it is the office's.
    for record in incoming.scores.all() {
        if !is_self_assessment(&record.data) && scores.remove(&record.id).is_some() {
            rejected.push(Rejection {
                collection: "scores",
                index: position_in(data, "scores", &record.id),
                id: Some(record.id.to_string()),
                label: Some(name_of(&tree, &record.data.unit)),
                problems: vec![FieldProblem::new(
                    "data.decision",
                    Problem::DecidedByTheOffice,
                )],
            });
        }
    }
    let mut clock = device.clock_after(&incoming);
    let mut notes = Vec::new();
    let known = book.units.get(&sender.id).filter(|u| !u.deleted);
    match (known, units.get(&sender.id).cloned()) {
        (Some(_), _) if !within(&book.units, &sender.id, home) => {
            notes.push(Note::NotBelow {
                unit: sender.name.clone(),
            });
        }
        (None, Some(record)) => {
            let parent = record.data.parent.clone();
            let placed = parent.as_ref().filter(|p| within(&book.units, p, home));
            let under = match placed {
                Some(parent) => parent.clone(),
                None => {
                    // The sender's parent is one only she knew (a name typed at
                    // set-up): she is placed under this office.
                    if let Some(parent) = &parent {
                        notes.push(Note::ParentUnknown {
                            unit: sender.name.clone(),
                            parent: name_of(&tree, parent),
                        });
                    }
                    let moved = Unit {
                        parent: Some(home.clone()),
                        ..record.data.clone()
                    };
                    units.put(record.edited(clock.tick(now_ms), moved));
                    home.clone()
                }
            };
            // A unit listed by hand under the same name, with nothing sent
            // yet, was this one all along.
            let listed = book.units.live().find(|u| {
                u.data.parent.as_ref() == Some(&under)
                    && same_folded(&u.data.name, &sender.name)
                    && !book.reports.live().any(|r| r.data.unit == u.id)
            });
            match listed {
                Some(listed) => {
                    units.put(listed.with_deleted(clock.tick(now_ms), true));
                    notes.push(Note::ReplacesListed {
                        unit: sender.name.clone(),
                    });
                }
                None => notes.push(Note::Attaches {
                    unit: sender.name.clone(),
                    under: name_of(&book.units, &under),
                }),
            }
        }
        _ => {}
    }
    for report in reports.live() {
        if report.data.period.start() > today {
            notes.push(Note::FuturePeriod {
                unit: name_of(&tree, &report.data.unit),
                period: report.data.period,
            });
        }
    }
    let unknown: BTreeSet<&String> = set_of(
        reports
            .live()
            .flat_map(|r| r.data.values.keys())
            .filter(|code| find(code).is_none()),
    );
    if !unknown.is_empty() {
        notes.push(Note::UnknownIndicators {
            codes: unknown.into_iter().cloned().collect(),
        });
    }
    let taken = Book {
        units,
        reports,
        scores,
        ..Book::default()
    };
    Ok(ImportPreview {
        rejected,
        notes,
        ..ImportPreview::taking(*kind, sender.clone(), created.clone(), book, taken, clock)
    })
}

/// The units at and below `top`, as far as `tree` tells where units stand.
struct Subtree<'a> {
    tree: &'a Collection<Unit>,
    /// The office's own units, to name a refused record's unit the file does not hold.
    known: &'a Collection<Unit>,
    top: &'a RecordId,
    /// The file's records as written, to name a refused one by its place.
    data: &'a Map<String, Value>,
}

impl Subtree<'_> {
    /// The file's units at or below the sender as the office knows them; of
    /// those the office holds, only the ones the file leaves where they are
    /// or moves within the sender's own subtree. Placing a unit elsewhere is
    /// the office's to decide: a unit the file moves, or places below the
    /// sender where the office knows it elsewhere, is refused and named. The
    /// units above the sender, there to name where it stands, are not taken.
    fn units(
        &self,
        incoming: &Collection<Unit>,
        book: &Book,
        rejected: &mut Vec<Rejection>,
    ) -> Collection<Unit> {
        let mut kept = Collection::default();
        for unit in incoming.all() {
            let placed = if within(self.tree, &unit.id, self.top) {
                book.units.get(&unit.id).is_none_or(|held| {
                    let parent = merge_records(held, unit).0.data.parent;
                    parent == held.data.parent
                        || (unit.id != *self.top
                            && parent
                                .as_ref()
                                .is_some_and(|p| within(self.tree, p, self.top)))
                })
            } else if within(incoming, &unit.id, self.top) {
                false
            } else {
                continue;
            };
            match placed {
                true => kept.put(unit.clone()),
                false => rejected.push(Rejection {
                    collection: "units",
                    index: position_in(self.data, "units", &unit.id),
                    id: Some(unit.id.to_string()),
                    label: Some(unit.data.name.clone()),
                    problems: vec![FieldProblem::new("data.parent", Problem::PlacedByTheOffice)],
                }),
            }
        }
        kept
    }

    /// The records of `collection` about a unit in the subtree; each of the
    /// others is refused, naming its unit.
    fn keep<T: Clone>(
        &self,
        collection: &'static str,
        records: &Collection<T>,
        unit_of: impl Fn(&T) -> &RecordId,
        rejected: &mut Vec<Rejection>,
    ) -> Collection<T> {
        let mut kept = Collection::default();
        for record in records.all() {
            let unit = unit_of(&record.data);
            if within(self.tree, unit, self.top) {
                kept.put(record.clone());
            } else {
                rejected.push(Rejection {
                    collection,
                    index: position_in(self.data, collection, &record.id),
                    id: Some(record.id.to_string()),
                    label: Some(match self.tree.get(unit) {
                        Some(_) => name_of(self.tree, unit),
                        None => name_of(self.known, unit),
                    }),
                    problems: vec![FieldProblem::new("data.unit", Problem::OutsideSubtree)],
                });
            }
        }
        kept
    }
}
