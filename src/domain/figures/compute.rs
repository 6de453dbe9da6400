//! The indicator engine: every indicator of the catalogue computed for a
//! unit and a period from the book's records and their histories.

use super::grading;
use crate::domain::book::collections::Book;
use crate::domain::book::meetings;
use crate::domain::kernel::date::Date;
use crate::domain::kernel::period::Period;
use crate::domain::kernel::record::{set_of, Record, RecordId};
use crate::domain::records::catalogue::{religions, Value};
use crate::domain::records::grade::GRADING_CODES;
use crate::domain::records::member::Member;
use crate::domain::records::merit::{Honour, Pledge};
use crate::domain::records::model::Stage;
use crate::domain::records::training::Topic;
use std::collections::BTreeSet;
/// Live members counted as members (honorary ones are counted apart).
fn members(book: &Book) -> impl Iterator<Item = &Record<Member>> {
    book.members.live().filter(|m| !m.data.honorary)
}

/// Members holding a role on `day` while active members: one who moved
/// away, left or died is no cadre of the chapter, whatever her role says.
pub fn cadres_on(book: &Book, day: Date) -> BTreeSet<RecordId> {
    let live = set_of(
        book.members
            .live()
            .filter(|m| m.data.active_on(day))
            .map(|m| &m.id),
    );
    set_of(
        book.roles
            .live()
            .filter(|r| r.data.held_on(day) && live.contains(&r.data.member))
            .map(|r| r.data.member.clone()),
    )
}

/// Members who attended a session covering `topic` on or before `day`,
/// here or in a chapter they were in before.
fn trained_by(book: &Book, topic: &str, day: Date) -> BTreeSet<RecordId> {
    let mut trained = set_of(
        book.trainings
            .live()
            .filter(|t| t.data.start <= day && t.data.covers(topic))
            .flat_map(|t| t.data.attendees.iter().cloned()),
    );
    trained.extend(
        book.members
            .live()
            .filter(|m| m.data.trained_before(topic, day))
            .map(|m| m.id.clone()),
    );
    trained
}

/// Cadres at the period's end not yet trained on `topic` by then: whom to invite next.
pub fn untrained_cadres(book: &Book, period: Period, topic: &str) -> Vec<RecordId> {
    let trained = trained_by(book, topic, period.end());
    cadres_on(book, period.end())
        .into_iter()
        .filter(|id| !trained.contains(id))
        .collect()
}

/// Every indicator of the catalogue for `unit` (whose book this is) over `period`.
pub fn compute(book: &Book, unit: &RecordId, period: Period) -> Vec<(String, Value)> {
    let (start, end) = (period.start(), period.end());
    let during = |day: Date| start <= day && day <= end;
    let active_at_end: Vec<&Member> = members(book)
        .filter(|m| m.data.active_on(end))
        .map(|m| &m.data)
        .collect();
    let women = book
        .denominators
        .live()
        .find(|d| d.data.year == period.year())
        .map(|d| d.data.clone())
        .unwrap_or_default();
    let mut out: Vec<(String, Value)> = Vec::new();
    let mut put = |code: String, value: Value| out.push((code, value));

    put(
        "members.end".into(),
        Value::count(active_at_end.len() as u64),
    );
    let admitted = members(book)
        .map(|m| m.data.arrivals(start, end) as u64)
        .sum();
    put("members.admitted".into(), Value::count(admitted));
    let left = members(book)
        .map(|m| m.data.departures(start, end) as u64)
        .sum();
    put("members.left".into(), Value::count(left));
    let honorary = book
        .members
        .live()
        .filter(|m| m.data.honorary && m.data.active_on(end))
        .count();
    put("members.honorary".into(), Value::count(honorary as u64));
    let count =
        |keep: &dyn Fn(&Member) -> bool| active_at_end.iter().filter(|m| keep(m)).count() as u64;
    put(
        "members.cards".into(),
        Value::ratio(count(&Member::holds_card), active_at_end.len() as u64),
    );
    put("members.core".into(), Value::count(count(&|m| m.core)));
    // The campaign's year is the period's: a quarter counts the pledges of its year.
    let year = period.year();
    let pledged = count(&|m| m.pledge(year).is_some());
    let achieved = count(&|m| m.pledge(year).is_some_and(Pledge::achieved));
    put("members.pledged".into(), Value::count(pledged));
    put("members.achieved".into(), Value::ratio(achieved, pledged));
    for (code, kind) in [
        ("members.exemplary", Honour::Exemplary),
        ("members.commended", Honour::Commended),
    ] {
        let given = members(book)
            .filter(|m| m.data.recognised(kind, start, end))
            .count();
        put(code.into(), Value::count(given as u64));
    }
    put(
        "attraction.all".into(),
        Value::ratio(active_at_end.len() as u64, women.women_18.into()),
    );
    let minority = active_at_end
        .iter()
        .filter(|m| m.ethnicity.is_minority())
        .count();
    put(
        "attraction.minority".into(),
        Value::ratio(minority as u64, women.minority_women.into()),
    );
    for religion in religions() {
        let code = religion.code();
        let count = active_at_end
            .iter()
            .filter(|m| m.religion == religion)
            .count();
        let den = women.religious_women.get(code).copied().unwrap_or(0);
        put(
            format!("attraction.religion.{code}"),
            Value::ratio(count as u64, den.into()),
        );
    }

    let cadres = cadres_on(book, end);
    put("cadres.end".into(), Value::count(cadres.len() as u64));
    for topic in Topic::NAMED {
        let trained = trained_by(book, topic.code(), end);
        let count = cadres.iter().filter(|c| trained.contains(*c)).count();
        put(
            format!("cadres.trained.{}", topic.code()),
            Value::ratio(count as u64, cadres.len() as u64),
        );
    }

    let sessions: Vec<_> = book
        .trainings
        .live()
        .filter(|t| during(t.data.start))
        .collect();
    put("trainings.held".into(), Value::count(sessions.len() as u64));
    put(
        "trainings.attendances".into(),
        Value::count(sessions.iter().map(|t| t.data.attendance()).sum()),
    );
    for topic in Topic::NAMED {
        let on_topic: Vec<_> = sessions
            .iter()
            .filter(|t| t.data.covers(topic.code()))
            .collect();
        put(
            format!("trainings.held.{}", topic.code()),
            Value::count(on_topic.len() as u64),
        );
        put(
            format!("trainings.attendances.{}", topic.code()),
            Value::count(on_topic.iter().map(|t| t.data.attendance()).sum()),
        );
    }

    let models: Vec<_> = book.models.live().map(|m| &m.data).collect();
    for stage in Stage::ALL {
        let count = models
            .iter()
            .filter(|m| m.stage_on(end) == Some(stage))
            .count();
        put(
            format!("models.stage.{}", stage.code()),
            Value::count(count as u64),
        );
    }
    let new = models
        .iter()
        .filter(|m| m.stages.first().is_some_and(|c| during(c.on)))
        .count();
    put("models.new".into(), Value::count(new as u64));
    let launched = models
        .iter()
        .filter(|m| {
            m.stages
                .iter()
                .any(|c| c.stage == Stage::Launched && during(c.on))
        })
        .count();
    put("models.launched".into(), Value::count(launched as u64));
    let participants = models
        .iter()
        .filter(|m| m.stage_on(end).is_some_and(Stage::running))
        .map(|m| m.participation())
        .sum();
    put("models.participants".into(), Value::count(participants));
    let model_sessions = models
        .iter()
        .flat_map(|m| &m.sessions)
        .filter(|s| during(s.on))
        .count();
    put(
        "models.sessions".into(),
        Value::count(model_sessions as u64),
    );

    let activities: Vec<_> = book
        .activities
        .live()
        .filter(|a| during(a.data.on))
        .map(|a| &a.data)
        .collect();
    let meetings: Vec<_> = activities.iter().filter(|a| a.kind.is_meeting()).collect();
    put("meetings.held".into(), Value::count(meetings.len() as u64));
    put(
        "meetings.attendance".into(),
        Value::ratio(
            meetings.iter().map(|a| a.attendance()).sum(),
            meetings.len() as u64,
        ),
    );
    put(
        "meetings.attendance_rate".into(),
        meetings::attendance(book, period),
    );
    put(
        "meetings.quarters".into(),
        meetings::quarters_met(book, period),
    );
    let of_kind = |kind| activities.iter().filter(|a| a.kind == kind).count() as u64;
    put(
        "activities.social_media".into(),
        Value::count(of_kind(
            crate::domain::records::activity::ActivityKind::SocialMedia,
        )),
    );
    put(
        "activities.visits".into(),
        Value::count(of_kind(
            crate::domain::records::activity::ActivityKind::Visit,
        )),
    );

    let collected = book
        .fees
        .live()
        .filter(|f| during(f.data.paid_on))
        .map(|f| u64::from(f.data.amount))
        .sum();
    put("fees.collected".into(), Value::count(collected));
    let paid = set_of(
        book.fees
            .live()
            .filter(|f| f.data.year == period.year() && f.data.paid_on <= end)
            .map(|f| &f.data.member),
    );
    let paid_members = members(book)
        .filter(|m| m.data.active_on(end) && paid.contains(&m.id))
        .count();
    put(
        "fees.paid".into(),
        Value::ratio(paid_members as u64, active_at_end.len() as u64),
    );

    let online = book
        .units
        .get(unit)
        .and_then(|u| u.data.online_group.as_ref())
        .is_some_and(|g| g.since <= end);
    put("online_group".into(), Value::count(u64::from(online)));
    let graded = grading::chapter_grading(book, unit, period, &out);
    out.extend(GRADING_CODES.iter().map(|c| c.to_string()).zip(graded));
    out
}

/// The value of one indicator in a computed list.
pub fn value_of(values: &[(String, Value)], code: &str) -> Value {
    values
        .iter()
        .find(|(c, _)| c == code)
        .map(|(_, v)| *v)
        .unwrap_or_default()
}
