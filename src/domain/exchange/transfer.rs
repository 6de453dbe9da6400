//! Moving a member to another chapter (chuyển sinh hoạt).
//!
//! The chapter she leaves marks her as moved on a day, to a place, and ends
//! the roles she held; her record stays in its book, so that its past
//! periods keep counting her. It writes a small transfer file: her record as
//! the receiving chapter will keep it (active from the day she moved, her
//! group and status history left behind) and what she did there: the roles
//! she held, how many training sessions she attended and on what topics.
//!
//! The chapter she comes to imports the file like any other: a preview, then
//! all of it or nothing. She becomes an active member from the day she moved
//! (counted in its figures from that day, not before); if the register
//! already has her (the file's own record, the same name and birth year, or
//! the same phone) that member is brought back or completed instead of added
//! twice, and the same file imported again changes nothing.

use super::preview::{ImportPreview, Note};
use super::unit_file::{restore_only, write_file};
use crate::domain::book::collections::{Book, DeviceState};
use crate::domain::file::envelope::{Envelope, FileError, FileKind, OutFile};
use crate::domain::kernel::date::Date;
use crate::domain::kernel::name::slug;
use crate::domain::kernel::problem::{check_order, check_text, FieldProblem, Problem};
use crate::domain::kernel::record::{Record, RecordId};
use crate::domain::kernel::stamp::Clock;
use crate::domain::records::member::same_person;
use crate::domain::records::member::{Earlier, Member, Status, MAX_ADDRESS};
use crate::domain::records::training::Topic;
use serde::{Deserialize, Serialize};

/// `before` (if she had been anywhere before) with the time in one more
/// chapter added: `roles` and `topics` not already listed, sessions added,
/// that chapter last.
fn added(before: Option<&Earlier>, next: Earlier) -> Earlier {
    let Some(before) = before else {
        return next;
    };
    let mut sum = next;
    for (mine, theirs) in [
        (&before.roles, &mut sum.roles),
        (&before.topics, &mut sum.topics),
    ] {
        let new: Vec<String> = theirs.drain(..).filter(|t| !mine.contains(t)).collect();
        *theirs = mine.iter().cloned().chain(new).collect();
    }
    sum.sessions += before.sessions;
    sum
}

impl Member {
    /// Her move as recorded: the day and the place, while her current status
    /// is «moved»; `None` otherwise.
    pub fn recorded_move(&self) -> Option<Move> {
        self.status_history
            .last()
            .filter(|c| c.status == Status::Moved)
            .map(|c| Move {
                on: c.on,
                to: c.place.clone(),
            })
    }

    /// Whether a chapter she was in before trained her on `topic` by `day`
    /// (she had left them all by the day she came).
    pub fn trained_before(&self, topic: &str, day: Date) -> bool {
        self.earlier
            .as_ref()
            .is_some_and(|e| e.until <= day && e.topics.iter().any(|t| t == topic))
    }
}

/// The move as the sending chapter records it: the day she left and where
/// she went.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Move {
    pub on: Date,
    pub to: String,
}

/// What a transfer file says beside her record: the move, and her time in
/// the chapter that sends it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Transfer {
    #[serde(flatten)]
    change: Move,
    here: Earlier,
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
    // Not before the status she has now began (a move being corrected aside):
    // the move must be her last change, where the place is written.
    let history = &record.data.status_history;
    let kept = match record.data.recorded_move() {
        Some(_) => &history[..history.len() - 1],
        None => &history[..],
    };
    let since = kept.last().map(|c| c.on).or(record.data.here_from());
    if let Some(since) = since {
        check_order("on", since, Some(change.on), &mut problems);
    }
    let mut member = record.data.clone();
    member.set_status(Status::Moved, change.on);
    if let Some(last) = member.status_history.last_mut() {
        last.place = change.to.trim().to_owned();
    }
    // What the register asks of any status change: not in the future, not
    // before she was born.
    let dated = member
        .problems(today)
        .into_iter()
        .filter(|p| p.field.starts_with("status_history."));
    problems.extend(dated.map(|p| FieldProblem::new("on", p.problem)));
    if !problems.is_empty() {
        problems.dedup_by(|a, b| a.field == b.field);
        return Err(problems);
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
    let change = record.data.recorded_move()?;
    let transfer = Transfer {
        here: time_here(book, home, record, change.on),
        change,
    };
    let data = serde_json::json!({ "members": [record], "transfer": transfer });
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

/// This chapter's name as another chapter reads it: with the unit above.
fn chapter_name(book: &Book, home: &RecordId) -> String {
    let chain = book.unit_chain(Some(home));
    let names: Vec<&str> = chain.iter().take(2).map(|u| u.data.name.as_str()).collect();
    names.join(", ")
}

/// Her time in this chapter, for the chapter she goes to: its name, her
/// roles, her training sessions.
pub fn time_here(book: &Book, home: &RecordId, her: &Record<Member>, left: Date) -> Earlier {
    let chapter = chapter_name(book, home);
    let roles = book
        .roles
        .live()
        .filter(|r| r.data.member == her.id)
        .map(|r| {
            let end = r.data.end.unwrap_or(left).max(r.data.start);
            let (role, _) = r.data.role.names();
            format!("{role} {}–{} ({chapter})", r.data.start.year(), end.year())
        })
        .collect();
    let mut sessions = 0;
    let mut topics: Vec<String> = Vec::new();
    for training in book.trainings.live() {
        if training.data.attendees.contains(&her.id) {
            sessions += 1;
            for key in training.data.topics.iter().map(Topic::key) {
                if !topics.iter().any(|t| t == key) {
                    topics.push(key.to_owned());
                }
            }
        }
    }
    Earlier {
        chapter,
        until: left,
        roles,
        sessions,
        topics,
    }
}

/// Works out what importing a transfer file would do: her record new to the
/// register, or the member already there brought back or completed.
pub(crate) fn preview_transfer(
    envelope: &Envelope,
    book: &Book,
    device: &DeviceState,
    now_ms: u64,
    today: Date,
) -> Result<ImportPreview, FileError> {
    let home = device.home.as_ref().ok_or(FileError::NeedsSetUp)?;
    if envelope.unit.id == *home {
        return Err(FileError::OwnTransfer);
    }
    let Transfer { change, here } = envelope
        .data
        .get("transfer")
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .filter(|t: &Transfer| {
            let mut problems = Vec::new();
            t.here.check(today, &mut problems);
            problems.is_empty() && t.here.until == t.change.on
        })
        .ok_or(FileError::BadHeader { field: "transfer" })?;
    let (incoming, rejected) = restore_only(envelope, &["members"], today)?;
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
        her.status_history.clear();
        her.group = None;
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
                her.arrived_on = Some(change.on);
                her.earlier = Some(added(her.earlier.as_ref(), here.clone()));
                taken.members.put(Record::keyed(id, stamp, her));
                notes.push(Note::Arrives {
                    name,
                    from,
                    on: change.on,
                    known: None,
                });
            }
            [known] => {
                let own = format!("({})", chapter_name(book, home));
                let came_back = by_id.is_some();
                let welcomed = welcomed(&known.data, her, &here, &own, came_back);
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
    let mut preview = ImportPreview::taking(
        FileKind::Transfer,
        unit.clone(),
        created.clone(),
        book,
        taken,
        clock,
    );
    preview.rejected = rejected;
    preview.notes = notes;
    Ok(preview)
}

/// The register's member `known` once the one arriving is taken in: active
/// again from the day she moved if she had left, what her record lacks
/// filled from the file, and what she did elsewhere added, once: her time
/// in the sending chapter (`here`) and in the ones before it. Roles in this
/// chapter itself (named `own`) are in its own records already; when she
/// `came_back` (the same record), the sessions carried from before cannot be
/// told apart from the ones she attended here, and only `here`'s are added.
fn welcomed(
    known: &Member,
    arriving: Member,
    here: &Earlier,
    own: &str,
    came_back: bool,
) -> Member {
    let mut member = known.clone();
    if member.status().0 != Status::Active {
        let on = here.until.max(member.status().1.unwrap_or(here.until));
        member.set_status(Status::Active, on);
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
    let taken = |e: &Earlier| e.until == here.until && e.chapter == here.chapter;
    if !member.earlier.as_ref().is_some_and(taken) {
        let mut earlier = member.earlier.take();
        if let Some(mut carried) = arriving.earlier {
            carried.roles.retain(|r| !r.ends_with(own));
            if came_back {
                carried.sessions = 0;
            }
            earlier = Some(added(earlier.as_ref(), carried));
        }
        member.earlier = Some(added(earlier.as_ref(), here.clone()));
    }
    member
}
