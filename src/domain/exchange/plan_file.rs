//! Plan files: what an office sends down to the units below it — its own unit
//! and those above it (so a chapter learns the office's real id), the yearly
//! targets it sets, its emulation campaigns, and its decisions on the grades
//! of the units below (each unit takes its own). Importing one at a chapter
//! places the chapter under that office, in place of the name typed at set-up.

use super::preview::{ImportPreview, Note};
use super::report_file::{name_of, within};
use super::unit_file::{restore_only, write_file};
use crate::domain::book::collections::{Book, DeviceState};
use crate::domain::file::envelope::{position_in, Envelope, FileError, FileKind, OutFile};
use crate::domain::file::restore::Rejection;
use crate::domain::kernel::date::Date;
use crate::domain::kernel::problem::{shorten, FieldProblem, Problem};
use crate::domain::kernel::record::{Collection, Record, RecordId};
use crate::domain::records::campaign::Scores;
use crate::domain::records::unit::children;
use crate::domain::records::unit::{with_ancestors, Unit};

/// The collections a plan file may hold.
const PLAN_COLLECTIONS: [&str; 4] = ["units", "targets", "campaigns", "scores"];

/// The plan file of this device's unit: itself, the units above and below it,
/// and the targets and campaigns it set.
pub fn write_plan(book: &Book, device: &DeviceState, now_ms: u64, today: Date) -> Option<OutFile> {
    let home = device.home.as_ref()?;
    let units: Vec<&Record<Unit>> = with_ancestors(&book.units, home)
        .into_iter()
        .chain(children(&book.units, home).filter_map(|id| book.units.get(id)))
        .collect();
    let targets: Vec<_> = book
        .targets
        .all()
        .filter(|t| t.data.set_by.as_ref() == Some(home))
        .collect();
    let campaigns: Vec<_> = book
        .campaigns
        .all()
        .filter(|c| c.data.office == *home)
        .collect();
    let decisions: Vec<_> = book
        .scores
        .all()
        .filter(|s| s.data.decision.is_some())
        .filter(|s| campaigns.iter().any(|c| c.id == s.data.campaign))
        .collect();
    let data = format!(
        "{{\"units\":{},\"targets\":{},\"campaigns\":{},\"scores\":{}}}",
        serde_json::to_string(&units).ok()?,
        serde_json::to_string(&targets).ok()?,
        serde_json::to_string(&campaigns).ok()?,
        serde_json::to_string(&decisions).ok()?
    );
    write_file(FileKind::Plan, book, device, now_ms, today, "", &data)
}

fn refuse(collection: &'static str, index: usize, id: &RecordId, label: String) -> Rejection {
    Rejection {
        collection,
        index,
        id: Some(id.to_string()),
        label: Some(label),
        problems: vec![FieldProblem::new("data", Problem::NotTheSendersOwn)],
    }
}

/// Works out what importing a plan would do here: the office and the units
/// above it are taken, with the targets and campaigns the office or those
/// above it set; nothing of this unit's own is overwritten; and this unit is
/// placed under the office if it was under a unit known only by name.
pub(crate) fn preview_plan(
    envelope: &Envelope,
    book: &Book,
    device: &DeviceState,
    now_ms: u64,
    today: Date,
) -> Result<ImportPreview, FileError> {
    let (incoming, mut rejected) = restore_only(envelope, &PLAN_COLLECTIONS, today)?;
    let home = device.home.as_ref().ok_or(FileError::NeedsSetUp)?;
    let Envelope {
        kind,
        created,
        unit: office,
        data,
        ..
    } = envelope;
    if within(&book.units, &office.id, home) || within(&incoming.units, &office.id, home) {
        return Err(FileError::PlanFromBelow);
    }
    // The office and the units above it, as the file gives them.
    let above: Collection<Unit> = with_ancestors(&incoming.units, &office.id)
        .into_iter()
        .cloned()
        .collect();
    if above.get(&office.id).is_none() {
        return Err(FileError::BadHeader { field: "unit" });
    }
    let set_from_above = |unit: &RecordId| above.get(unit).is_some();
    let mut targets = Collection::default();
    for target in incoming.targets.all() {
        match &target.data.set_by {
            Some(by) if set_from_above(by) => targets.put(target.clone()),
            _ => rejected.push(refuse(
                "targets",
                position_in(data, "targets", &target.id),
                &target.id,
                target.data.indicator.clone(),
            )),
        }
    }
    let mut campaigns = Collection::default();
    for campaign in incoming.campaigns.all() {
        if set_from_above(&campaign.data.office) {
            campaigns.put(campaign.clone());
        } else {
            rejected.push(refuse(
                "campaigns",
                position_in(data, "campaigns", &campaign.id),
                &campaign.id,
                campaign.data.name.clone(),
            ));
        }
    }
    // The office's decisions on grades: this unit's own, in a campaign of an
    // office above; those on the other units below the office are theirs.
    let mut scores = Collection::default();
    for record in incoming.scores.all() {
        let campaign = campaigns
            .get(&record.data.campaign)
            .or_else(|| book.campaigns.get(&record.data.campaign))
            .filter(|c| set_from_above(&c.data.office));
        let decided = record.data.decision.is_some()
            && Scores::decision_id(&record.data.campaign, &record.data.unit).as_ref()
                == Some(&record.id);
        let grade = record.data.decision.as_ref().map(|d| d.grade.as_str());
        if !(campaign.is_some() && decided) {
            rejected.push(refuse(
                "scores",
                position_in(data, "scores", &record.id),
                &record.id,
                record.id.to_string(),
            ));
        } else if let Some(grade) =
            grade.filter(|g| campaign.is_some_and(|c| c.data.band(g).is_none()))
        {
            // A grade the campaign's sheet does not have counts the unit nowhere.
            let unit = &record.data.unit;
            let named = incoming.units.get(unit).or_else(|| book.units.get(unit));
            rejected.push(Rejection {
                collection: "scores",
                index: position_in(data, "scores", &record.id),
                id: Some(record.id.to_string()),
                label: named.map(|u| u.data.name.clone()),
                problems: vec![FieldProblem::new(
                    "data.decision.grade",
                    Problem::NotAGrade(shorten(grade, 40)),
                )],
            });
        } else if record.data.unit == *home {
            scores.put(record.clone());
        }
    }
    let mut clock = device.clock_after(&incoming);
    let mut units = above.clone();
    let mut notes = Vec::new();
    let own = book.units.get(home).filter(|u| !u.deleted);
    if let Some(own) = own.filter(|u| u.data.parent.as_ref() != Some(&office.id)) {
        // Placed under the office; the units typed at set-up above it, which
        // nothing else hangs on, give way (kept as tombstones).
        let old = own.data.parent.clone();
        if let Some(old) = &old {
            notes.push(Note::ReplacesParent {
                unit: own.data.name.clone(),
                old: name_of(&book.units, old),
                new: office.name.clone(),
            });
        }
        let moved = Unit {
            parent: Some(office.id.clone()),
            ..own.data.clone()
        };
        units.put(own.edited(clock.tick(now_ms), moved));
        // Walk up from the old parent while each unit is only the way to this one.
        let mut below = home.clone();
        for unit in old
            .map(|old| with_ancestors(&book.units, &old))
            .unwrap_or_default()
        {
            let only_ours = children(&book.units, &unit.id).all(|c| *c == below);
            if above.get(&unit.id).is_some() || !only_ours {
                break;
            }
            units.put(unit.with_deleted(clock.tick(now_ms), true));
            below = unit.id.clone();
        }
    }
    let taken = Book {
        units,
        targets,
        campaigns,
        scores,
        ..Book::default()
    };
    Ok(ImportPreview {
        rejected,
        notes,
        ..ImportPreview::taking(*kind, office.clone(), created.clone(), book, taken, clock)
    })
}
