//! Moving a member to another chapter (chuyển sinh hoạt).
//!
//! The chapter she leaves marks her as moved on a day, to a place, and ends
//! the roles she held; her record stays in its book, so that its past
//! periods keep counting her. It writes a small transfer file: her record as
//! the receiving chapter will keep it (active from the day she moved, her
//! group and status history left behind) and what she did there: the roles
//! she held and the training sessions she attended, as counts by topic.
//!
//! The chapter she comes to imports the file like any other: a preview, then
//! all of it or nothing. She becomes an active member from the day she moved
//! (counted in its figures from that day, not before); if the register
//! already has her (the file's own record, the same name and birth year, or
//! the same phone) that member is brought back or completed instead of added
//! twice, and the same file imported again changes nothing.

use super::book::{Book, DeviceState};
use super::cadre::{RoleKind, MAX_LABEL};
use super::date::Date;
use super::envelope::{write_file, Envelope, FileError, FileKind, OutFile};
use super::import::{ImportPlan, Note};
use super::member::{Member, Status, MAX_ADDRESS};
use super::name::slug;
use super::problem::{check_order, check_past, check_text, FieldProblem, Problem};
use super::record::{Record, RecordId};
use super::roster::same_person;
use super::stamp::Clock;
use super::training::{Topic, MAX_TITLE};
use serde::{Deserialize, Serialize};

/// Most roles or topics one earlier chapter lists.
const MAX_ITEMS: usize = 50;

/// A chapter she was in before this one, as the transfer file carried it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlierChapter {
    /// The chapter's unit: a member who comes back is not told about the
    /// chapter whose own records already hold her time there.
    pub unit: RecordId,
    /// The chapter and the unit above it, as they named themselves.
    pub name: String,
    /// The day she began there, if it was known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// The day she moved from there.
    pub to: Date,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<PastRole>,
    /// Sessions she attended there.
    #[serde(default, skip_serializing_if = "super::training::is_zero")]
    pub sessions: u32,
    /// The same sessions by topic: a session on two topics counts in both.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<TopicCount>,
}

/// A role she held in an earlier chapter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PastRole {
    pub role: RoleKind,
    pub start: Date,
    pub end: Date,
}

/// How many sessions on a topic she attended, and the first one's day: a
/// cadre trained on a topic before she came counts as trained here.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicCount {
    pub topic: Topic,
    pub sessions: u32,
    pub first: Date,
}

impl EarlierChapter {
    /// What is wrong with this entry, fields named under `at` (`before.0`).
    pub fn check(&self, at: &str, today: Date, out: &mut Vec<FieldProblem>) {
        check_text(&format!("{at}.name"), &self.name, MAX_ADDRESS, true, out);
        check_past(&format!("{at}.to"), self.to, today, out);
        if let Some(from) = self.from {
            check_order(&format!("{at}.to"), from, Some(self.to), out);
        }
        if self.roles.len() > MAX_ITEMS || self.topics.len() > MAX_ITEMS {
            out.push(FieldProblem::new(
                at,
                Problem::TooLarge {
                    max: MAX_ITEMS as u64,
                },
            ));
        }
        for (i, role) in self.roles.iter().enumerate() {
            if let RoleKind::Other(text) = &role.role {
                check_text(&format!("{at}.roles.{i}"), text, MAX_LABEL, true, out);
            }
            check_order(&format!("{at}.roles.{i}"), role.start, Some(role.end), out);
        }
        for (i, count) in self.topics.iter().enumerate() {
            if let Topic::Other(text) = &count.topic {
                check_text(&format!("{at}.topics.{i}"), text, MAX_TITLE, true, out);
            }
            check_past(&format!("{at}.topics.{i}"), count.first, today, out);
        }
    }
}

impl Member {
    /// Whether a chapter she was in before trained her on `topic` by `day`.
    pub fn trained_before(&self, topic: &str, day: Date) -> bool {
        self.before.iter().any(|chapter| {
            chapter
                .topics
                .iter()
                .any(|t| t.topic.code() == topic && t.first <= day)
        })
    }
}

/// The move as the file states it: the day she left and where she went.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Move {
    pub on: Date,
    pub to: String,
}

/// Marks the member `id` as moved on `on` to the place `to`, and ends every
/// role she still held on that day; a move already recorded is corrected.
/// Nothing changes when the move cannot be recorded: the problems name the
/// fields (`on`, `to`).
pub fn move_out(
    book: &mut Book,
    clock: &mut Clock,
    now_ms: u64,
    id: &RecordId,
    change: &Move,
    today: Date,
) -> Result<(), Vec<FieldProblem>> {
    let Some(record) = book.members.get(id).filter(|r| !r.deleted) else {
        return Err(vec![FieldProblem::new("member", Problem::Missing)]);
    };
    let mut problems = Vec::new();
    check_text("to", &change.to, MAX_ADDRESS, true, &mut problems);
    check_past("on", change.on, today, &mut problems);
    if let Some(from) = record.data.here_from() {
        check_order("on", from, Some(change.on), &mut problems);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut member = record.data.clone();
    member.set_status(Status::Moved, change.on);
    if let Some(last) = member.status_history.last_mut() {
        last.place = change.to.trim().to_owned();
    }
    if member != record.data {
        let edited = record.edited(clock.tick(now_ms), member);
        book.members.put(edited);
    }
    let open: Vec<_> = book
        .roles
        .live()
        .filter(|r| r.data.member == *id && r.data.end.is_none_or(|end| end > change.on))
        .cloned()
        .collect();
    for role in open {
        let mut ended = role.data.clone();
        ended.end = Some(change.on.max(ended.start));
        book.roles.put(role.edited(clock.tick(now_ms), ended));
    }
    Ok(())
}

/// The transfer file of the member `id`, moved away from this chapter: `None`
/// unless she is recorded as moved (and the device keeps a unit).
pub fn write_transfer(
    book: &Book,
    device: &DeviceState,
    id: &RecordId,
    now_ms: u64,
    today: Date,
) -> Option<OutFile> {
    let home = device.home.as_ref()?;
    let record = book.members.get(id).filter(|r| !r.deleted)?;
    let left = record
        .data
        .status_history
        .last()
        .filter(|c| c.status == Status::Moved)?;
    let change = Move {
        on: left.on,
        to: left.place.clone(),
    };
    let mut her = record.data.clone();
    her.before.push(time_here(book, home, record, change.on));
    her.status_history.clear();
    her.group = None;
    her.arrived_on = Some(change.on);
    let carried = Record {
        data: her,
        ..record.clone()
    };
    let data = serde_json::json!({ "members": [carried], "transfer": change });
    write_file(
        FileKind::Transfer,
        book,
        device,
        now_ms,
        today,
        &slug(&record.data.full_name()),
        &data.to_string(),
    )
}

/// Her time in this chapter, for the chapter she goes to: its name, her
/// roles, her training sessions.
fn time_here(book: &Book, home: &RecordId, her: &Record<Member>, left: Date) -> EarlierChapter {
    let chain = book.unit_chain(Some(home));
    let name: Vec<&str> = chain.iter().take(2).map(|u| u.data.name.as_str()).collect();
    let roles = book
        .roles
        .live()
        .filter(|r| r.data.member == her.id)
        .map(|r| PastRole {
            role: r.data.role.clone(),
            start: r.data.start,
            end: r.data.end.unwrap_or(left).max(r.data.start),
        })
        .collect();
    let mut sessions = 0;
    let mut topics: Vec<TopicCount> = Vec::new();
    for training in book.trainings.live() {
        if !training.data.attendees.contains(&her.id) {
            continue;
        }
        sessions += 1;
        for topic in &training.data.topics {
            match topics.iter_mut().find(|t| t.topic == *topic) {
                Some(count) => {
                    count.sessions += 1;
                    count.first = count.first.min(training.data.start);
                }
                None => topics.push(TopicCount {
                    topic: topic.clone(),
                    sessions: 1,
                    first: training.data.start,
                }),
            }
        }
    }
    EarlierChapter {
        unit: home.clone(),
        name: name.join(", "),
        from: her.data.here_from(),
        to: left,
        roles,
        sessions,
        topics,
    }
}

/// Works out what importing a transfer file would do: her record new to the
/// register, or the member already there brought back or completed.
pub(crate) fn plan_transfer(
    envelope: Envelope,
    book: &Book,
    device: &DeviceState,
    now_ms: u64,
    today: Date,
) -> Result<ImportPlan, FileError> {
    let home = device.home.as_ref().ok_or(FileError::NeedsSetUp)?;
    if envelope.unit.id == *home {
        return Err(FileError::OwnTransfer);
    }
    let change: Move = envelope
        .data
        .get("transfer")
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .ok_or(FileError::BadHeader { field: "transfer" })?;
    let (incoming, rejected) = envelope.restore_only(&["members"], today)?;
    let mut clock = device.clock.clone();
    if let Some(stamp) = incoming.newest_stamp() {
        clock.observe(stamp);
    }
    let Envelope { unit, created, .. } = envelope;
    let from = unit.name.clone();
    let arriving = incoming.members.live().next();
    if arriving.is_none() && rejected.is_empty() {
        return Err(FileError::BadCollection("members"));
    }
    let mut taken = Book::default();
    let mut notes = Vec::new();
    if let Some(arriving) = arriving {
        let mut her = arriving.data.clone();
        her.before.retain(|e| e.unit != *home);
        her.status_history.clear();
        her.group = None;
        her.arrived_on = Some(change.on);
        let name = her.full_name();
        let by_id = book.members.get(&arriving.id).filter(|r| !r.deleted);
        let found: Vec<&Record<Member>> = match by_id {
            Some(record) => vec![record],
            None => book
                .members
                .live()
                .filter(|r| same_person(&r.data, &her))
                .collect(),
        };
        match found.as_slice() {
            [] => {
                let stamp = clock.tick(now_ms);
                let id = match book.members.get(&arriving.id) {
                    None => arriving.id.clone(),
                    Some(_) => RecordId::mint(&stamp),
                };
                taken.members.put(Record {
                    id,
                    stamp,
                    deleted: false,
                    data: her,
                });
                notes.push(Note::Arrives {
                    name,
                    from,
                    on: change.on,
                    known: None,
                });
            }
            [known] => {
                let welcomed = welcomed(&known.data, her, change.on);
                notes.push(Note::Arrives {
                    name,
                    from,
                    on: change.on,
                    known: Some(known.data.full_name()),
                });
                taken.members.put(match welcomed == known.data {
                    true => (*known).clone(),
                    false => known.edited(clock.tick(now_ms), welcomed),
                });
            }
            several => notes.push(Note::ArrivesAmbiguous {
                name,
                known: several.iter().map(|r| r.data.full_name()).collect(),
            }),
        }
    }
    let mut plan = ImportPlan::taking(FileKind::Transfer, unit, created, book, taken, clock);
    plan.rejected = rejected;
    plan.notes = notes;
    Ok(plan)
}

/// The register's member `known` once the one arriving is taken in: active
/// again from `on` if she had left, what her record lacks filled from the
/// file, the chapters she was in added to her history.
fn welcomed(known: &Member, arriving: Member, on: Date) -> Member {
    let mut member = known.clone();
    if member.status().0 != Status::Active {
        member.set_status(Status::Active, on.max(member.status().1.unwrap_or(on)));
    }
    let fill = |mine: &mut String, theirs: String| {
        if mine.is_empty() {
            *mine = theirs;
        }
    };
    fill(&mut member.phone, arriving.phone);
    fill(&mut member.address, arriving.address);
    member.birth = member.birth.or(arriving.birth);
    member.joined_on = member.joined_on.or(arriving.joined_on);
    if member.ethnicity.is_default() {
        member.ethnicity = arriving.ethnicity;
    }
    if member.religion.is_none() {
        member.religion = arriving.religion;
    }
    for earlier in arriving.before {
        if !member
            .before
            .iter()
            .any(|e| e.unit == earlier.unit && e.to == earlier.to)
        {
            member.before.push(earlier);
        }
    }
    member
}

#[cfg(test)]
mod tests;
