//! The indicator engine, pinned on small hand-made chapters (one rule each,
//! with the edge cases that histories bring) and on the sample chapter, whose
//! figures the dashboard shows.

use so_tay_chi_hoi::domain::book::collections::Book;
use so_tay_chi_hoi::domain::figures::compute::{compute, untrained_cadres, value_of};
use so_tay_chi_hoi::domain::figures::groups::{by_group, GroupFigures, GROUP_CODES};
use so_tay_chi_hoi::domain::kernel::date::Date;
use so_tay_chi_hoi::domain::kernel::ethnicity::Ethnicity;
use so_tay_chi_hoi::domain::kernel::period::Period;
use so_tay_chi_hoi::domain::kernel::record::{Record, RecordId};
use so_tay_chi_hoi::domain::kernel::stamp::{Clock, DeviceId};
use so_tay_chi_hoi::domain::records::activity::{Activity, ActivityKind};
use so_tay_chi_hoi::domain::records::baseline::Denominators;
use so_tay_chi_hoi::domain::records::cadre::{Role, RoleKind, WomenGroup};
use so_tay_chi_hoi::domain::records::catalogue::{catalogue, Value};
use so_tay_chi_hoi::domain::records::fee::FeePayment;
use so_tay_chi_hoi::domain::records::member::{Member, Religion, Status};
use so_tay_chi_hoi::domain::records::merit::{Honour, Pledge, Quality, Recognition};
use so_tay_chi_hoi::domain::records::model::{Model, ModelKind, Stage};
use so_tay_chi_hoi::domain::records::training::{Level, Topic, Training};
use so_tay_chi_hoi::domain::samples::demo::sample_chapter;

fn day(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

/// A chapter built record by record.
struct Chapter {
    book: Book,
    clock: Clock,
    unit: RecordId,
}

impl Chapter {
    fn new() -> Chapter {
        Chapter {
            book: Book::default(),
            clock: Clock::new(DeviceId::from_random([4; 8])),
            unit: RecordId::parse("unit").unwrap(),
        }
    }

    fn member(&mut self, joined: &str, change: impl FnOnce(&mut Member)) -> RecordId {
        let mut m = Member::named("Lê", "Thị", "A");
        m.joined_on = Some(day(joined));
        change(&mut m);
        let record = Record::create(self.clock.tick(1), m);
        let id = record.id.clone();
        self.book.members.put(record);
        id
    }

    fn role(&mut self, member: &RecordId, start: &str, end: Option<&str>) {
        let role = Role {
            member: member.clone(),
            role: RoleKind::Committee,
            start: day(start),
            end: end.map(day),
        };
        self.book
            .roles
            .put(Record::create(self.clock.tick(1), role));
    }

    fn training(
        &mut self,
        start: &str,
        end: Option<&str>,
        topic: Topic,
        attendees: &[&RecordId],
        extra: u32,
    ) {
        let training = Training {
            start: day(start),
            end: end.map(day),
            title: "Lớp".into(),
            topics: vec![topic],
            level: Level::Commune,
            attendees: attendees.iter().map(|id| (*id).clone()).collect(),
            extra_attendees: extra,
        };
        self.book
            .trainings
            .put(Record::create(self.clock.tick(1), training));
    }

    fn values(&self, period: Period) -> Vec<(String, Value)> {
        compute(&self.book, &self.unit, period)
    }

    fn get(&self, period: Period, code: &str) -> Value {
        value_of(&self.values(period), code)
    }
}

#[test]
fn every_indicator_is_computed_and_documented_once() {
    let codes: Vec<String> = catalogue().iter().map(|i| i.code.clone()).collect();
    let computed: Vec<String> = Chapter::new()
        .values(Period::Year(2025))
        .into_iter()
        .map(|(c, _)| c)
        .collect();
    assert_eq!(computed, codes, "compute follows the catalogue, in order");
    let mut unique = codes.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), codes.len());
    let docs = include_str!("../docs/indicators.md");
    for code in &codes {
        assert!(
            docs.contains(&format!("`{code}`")),
            "docs/indicators.md lacks {code}"
        );
    }
}

#[test]
fn members_who_leave_and_come_back() {
    let mut c = Chapter::new();
    c.member("2010-03-08", |_| {});
    c.member("2025-02-01", |_| {});
    c.member("2020-01-01", |m| {
        m.set_status(Status::Moved, day("2025-03-01"));
        m.set_status(Status::Active, day("2025-09-01"));
    });
    c.member("2019-01-01", |m| {
        m.set_status(Status::Deceased, day("2025-05-05"))
    });
    c.member("2025-12-01", |m| m.honorary = true);
    c.member("2026-01-10", |_| {});
    let year = Period::Year(2025);
    assert_eq!(
        c.get(year, "members.end"),
        Value::count(3),
        "the one who came back counts; the honorary one apart"
    );
    assert_eq!(
        c.get(year, "members.admitted"),
        Value::count(2),
        "a new member and a return"
    );
    assert_eq!(c.get(year, "members.left"), Value::count(2));
    assert_eq!(c.get(year, "members.honorary"), Value::count(1));
    let first_half = Period::Half(2025, 1);
    assert_eq!(
        c.get(first_half, "members.end"),
        Value::count(2),
        "away on 30 June, and one had died"
    );
    assert_eq!(c.get(first_half, "members.left"), Value::count(2));
    assert_eq!(c.get(first_half, "members.admitted"), Value::count(1));
    assert_eq!(
        c.get(Period::Half(2025, 2), "members.admitted"),
        Value::count(1)
    );
    assert_eq!(
        c.get(Period::Year(2024), "members.end"),
        Value::count(3),
        "history, not the current state"
    );
}

#[test]
fn attraction_rates_keep_numerator_and_denominator() {
    let mut c = Chapter::new();
    c.member("2010-01-01", |m| m.ethnicity = Ethnicity::from_code(6));
    c.member("2010-01-01", |m| m.religion = Religion::Catholicism);
    c.member("2010-01-01", |_| {});
    let year = Period::Year(2025);
    assert_eq!(
        c.get(year, "attraction.all"),
        Value::ratio(3, 0),
        "no denominators entered yet"
    );
    assert_eq!(c.get(year, "attraction.all").per_mille(), None);
    let women = Denominators {
        year: 2025,
        women_18: 4,
        minority_women: 1,
        religious_women: [("catholicism".to_owned(), 2)].into_iter().collect(),
    };
    c.book.denominators.put(Record {
        id: Denominators::id(2025),
        ..Record::create(c.clock.tick(1), women)
    });
    assert_eq!(c.get(year, "attraction.all"), Value::ratio(3, 4));
    assert_eq!(c.get(year, "attraction.all").per_mille(), Some(750));
    assert_eq!(c.get(year, "attraction.minority"), Value::ratio(1, 1));
    assert_eq!(
        c.get(year, "attraction.religion.catholicism"),
        Value::ratio(1, 2)
    );
    assert_eq!(
        c.get(Period::Year(2024), "attraction.all"),
        Value::ratio(3, 0),
        "each year has its own count of women"
    );
    // Two chapters add up by numerators and denominators, not by averaging percentages.
    let total = Value::ratio(3, 4) + Value::ratio(1, 6);
    assert_eq!(total, Value::ratio(4, 10));
    assert_eq!(total.per_mille(), Some(400));
}

#[test]
fn cadres_and_their_training() {
    let mut c = Chapter::new();
    let a = c.member("2010-01-01", |_| {});
    let b = c.member("2010-01-01", |_| {});
    let d = c.member("2010-01-01", |_| {});
    c.role(&a, "2020-01-01", None);
    c.role(&b, "2020-01-01", Some("2025-06-15"));
    c.role(&d, "2025-03-01", None);
    c.training("2024-10-01", None, Topic::DigitalTransformation, &[&a], 0);
    c.training("2025-11-01", None, Topic::DigitalTransformation, &[&b], 0);
    let year = Period::Year(2025);
    assert_eq!(
        c.get(year, "cadres.end"),
        Value::count(2),
        "a role that ended mid-year does not count at its end"
    );
    assert_eq!(
        c.get(Period::Quarter(2025, 1), "cadres.end"),
        Value::count(3)
    );
    assert_eq!(
        c.get(Period::Half(2025, 1), "cadres.end"),
        Value::count(2),
        "her role ended on 15 June"
    );
    assert_eq!(
        c.get(year, "cadres.trained.digital_transformation"),
        Value::ratio(1, 2),
        "training from earlier years counts"
    );
    assert_eq!(
        untrained_cadres(&c.book, year, "digital_transformation"),
        vec![d.clone()]
    );
    assert_eq!(
        c.get(
            Period::Quarter(2025, 1),
            "cadres.trained.digital_transformation"
        ),
        Value::ratio(1, 3)
    );
    // A cadre deleted from the register is no longer counted.
    let deleted = c
        .book
        .members
        .get(&a)
        .unwrap()
        .with_deleted(c.clock.tick(2), true);
    c.book.members.put(deleted);
    assert_eq!(c.get(year, "cadres.end"), Value::count(1));
}

#[test]
fn training_sessions_count_in_the_period_they_start() {
    let mut c = Chapter::new();
    let a = c.member("2010-01-01", |_| {});
    let b = c.member("2010-01-01", |_| {});
    c.training(
        "2025-06-29",
        Some("2025-07-02"),
        Topic::ItUse,
        &[&a, &b],
        10,
    );
    c.training("2025-08-01", None, Topic::FireSafety, &[&a], 0);
    assert_eq!(
        c.get(Period::Half(2025, 1), "trainings.held"),
        Value::count(1)
    );
    assert_eq!(
        c.get(Period::Half(2025, 1), "trainings.attendances"),
        Value::count(12)
    );
    assert_eq!(
        c.get(Period::Half(2025, 2), "trainings.held"),
        Value::count(1),
        "a session spanning two halves counts once"
    );
    assert_eq!(
        c.get(Period::Year(2025), "trainings.held.it_use"),
        Value::count(1)
    );
    assert_eq!(
        c.get(Period::Year(2025), "trainings.attendances.fire_safety"),
        Value::count(1)
    );
    // A member deleted after attending still attended.
    let deleted = c
        .book
        .members
        .get(&b)
        .unwrap()
        .with_deleted(c.clock.tick(2), true);
    c.book.members.put(deleted);
    assert_eq!(
        c.get(Period::Year(2025), "trainings.attendances"),
        Value::count(13)
    );
}

#[test]
fn models_by_stage_new_launched_and_participants() {
    let mut c = Chapter::new();
    let a = c.member("2010-01-01", |_| {});
    let mut model = |stages: &[(Stage, &str)], extra: u32| {
        let mut m = Model {
            kind: ModelKind::Catalogue("mot_cong_mot".into()),
            target_group: String::new(),
            stages: Vec::new(),
            participants: vec![a.clone()],
            extra_participants: extra,
            sessions: Vec::new(),
        };
        for (stage, on) in stages {
            m.set_stage(*stage, day(on));
        }
        c.book.models.put(Record::create(c.clock.tick(1), m));
    };
    model(
        &[
            (Stage::Planned, "2024-11-01"),
            (Stage::Launched, "2025-03-08"),
            (Stage::Regular, "2025-09-01"),
        ],
        9,
    );
    model(&[(Stage::Pilot, "2025-05-01")], 4);
    model(
        &[
            (Stage::Launched, "2023-01-01"),
            (Stage::Stopped, "2025-02-01"),
        ],
        20,
    );
    model(&[(Stage::Planned, "2026-01-01")], 0);
    let year = Period::Year(2025);
    assert_eq!(c.get(year, "models.stage.regular"), Value::count(1));
    assert_eq!(c.get(year, "models.stage.pilot"), Value::count(1));
    assert_eq!(c.get(year, "models.stage.stopped"), Value::count(1));
    assert_eq!(
        c.get(year, "models.stage.planned"),
        Value::count(0),
        "planned only next year"
    );
    assert_eq!(
        c.get(Period::Half(2025, 1), "models.stage.launched"),
        Value::count(1)
    );
    assert_eq!(c.get(year, "models.new"), Value::count(1));
    assert_eq!(c.get(year, "models.launched"), Value::count(1));
    assert_eq!(
        c.get(year, "models.participants"),
        Value::count(10 + 5),
        "running models only"
    );
}

#[test]
fn meetings_activities_fees_and_the_online_group() {
    let mut c = Chapter::new();
    let a = c.member("2010-01-01", |_| {});
    let b = c.member("2010-01-01", |_| {});
    for (on, kind, attendees, head_count) in [
        (
            "2025-01-15",
            ActivityKind::Regular,
            vec![a.clone(), b.clone()],
            0,
        ),
        ("2025-02-15", ActivityKind::Themed, vec![], 30),
        ("2025-02-20", ActivityKind::SocialMedia, vec![], 0),
        ("2025-03-01", ActivityKind::Visit, vec![], 3),
        ("2025-07-15", ActivityKind::Regular, vec![a.clone()], 1),
    ] {
        let activity = Activity {
            attendees,
            head_count,
            ..Activity::on_day(day(on), kind)
        };
        c.book
            .activities
            .put(Record::create(c.clock.tick(1), activity));
    }
    let q1 = Period::Quarter(2025, 1);
    assert_eq!(c.get(q1, "meetings.held"), Value::count(2));
    assert_eq!(
        c.get(q1, "meetings.attendance"),
        Value::ratio(32, 2),
        "an average that adds up across chapters"
    );
    assert_eq!(c.get(q1, "activities.social_media"), Value::count(1));
    assert_eq!(c.get(q1, "activities.visits"), Value::count(1));
    assert_eq!(c.get(Period::Year(2025), "meetings.held"), Value::count(3));

    for (member, year, paid_on) in [
        (&a, 2025, "2025-03-01"),
        (&b, 2025, "2026-01-05"),
        (&a, 2024, "2025-01-02"),
    ] {
        let payment = FeePayment {
            member: member.clone(),
            year,
            paid_on: day(paid_on),
            amount: 12_000,
        };
        let id = FeePayment::id(member, year).unwrap();
        c.book.fees.put(Record {
            id,
            ..Record::create(c.clock.tick(1), payment)
        });
    }
    let year = Period::Year(2025);
    assert_eq!(
        c.get(year, "fees.collected"),
        Value::count(24_000),
        "money received in the period, whatever year it is for"
    );
    assert_eq!(
        c.get(year, "fees.paid"),
        Value::ratio(1, 2),
        "the year's fee paid by its end"
    );

    assert_eq!(c.get(year, "online_group"), Value::count(0));
}

#[test]
fn each_womens_group_is_figured_as_a_chapter_of_its_own() {
    let mut c = Chapter::new();
    let (t1, t2) = (
        RecordId::parse("to-1").unwrap(),
        RecordId::parse("to-2").unwrap(),
    );
    for (id, name) in [(&t1, "Tổ 2"), (&t2, "Tổ 1")] {
        c.book.groups.put(Record::keyed(
            id.clone(),
            c.clock.tick(1),
            WomenGroup { name: name.into() },
        ));
    }
    let a = c.member("2020-01-01", |m| m.group = Some(t1.clone()));
    let b = c.member("2020-01-01", |m| m.group = Some(t1.clone()));
    let d = c.member("2020-01-01", |m| m.group = Some(t2.clone()));
    for (on, group, attendees) in [
        // The whole chapter: a and d present, b absent.
        ("2025-02-10", None, vec![a.clone(), d.clone()]),
        // «Tổ 2» alone (t1): both present.
        ("2025-05-10", Some(t1.clone()), vec![a.clone(), b.clone()]),
    ] {
        let meeting = Activity {
            group,
            attendees,
            ..Activity::on_day(day(on), ActivityKind::Regular)
        };
        c.book
            .activities
            .put(Record::create(c.clock.tick(1), meeting));
    }
    let payment = FeePayment {
        member: d.clone(),
        year: 2025,
        paid_on: day("2025-03-01"),
        amount: 12_000,
    };
    c.book.fees.put(Record {
        id: FeePayment::id(&d, 2025).unwrap(),
        ..Record::create(c.clock.tick(1), payment)
    });
    let year = Period::Year(2025);
    assert_eq!(c.get(year, "meetings.attendance_rate"), Value::ratio(4, 5));
    assert_eq!(c.get(year, "meetings.quarters"), Value::ratio(1, 4));
    let groups = by_group(&c.book, &c.unit, year, |x, y| x.cmp(y));
    let names: Vec<&str> = groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["Tổ 1", "Tổ 2"], "in the order of their names");
    let column = |g: &GroupFigures, code: &str| {
        g.values[GROUP_CODES.iter().position(|c| *c == code).unwrap()]
    };
    let (first, second) = (&groups[0], &groups[1]);
    assert_eq!(column(first, "members.end"), Value::count(1));
    assert_eq!(column(second, "members.end"), Value::count(2));
    assert_eq!(column(first, "meetings.held"), Value::count(1));
    assert_eq!(column(second, "meetings.held"), Value::count(2));
    assert_eq!(
        column(second, "meetings.attendance_rate"),
        Value::ratio(3, 4),
        "its members at the chapter's meeting and at its own"
    );
    assert_eq!(
        column(second, "meetings.quarters"),
        Value::ratio(2, 4),
        "its own meetings count for it"
    );
    assert_eq!(column(first, "fees.paid"), Value::ratio(1, 1));
    assert_eq!(column(second, "fees.paid"), Value::ratio(0, 2));
}

#[test]
fn cards_core_members_the_campaign_and_recognitions() {
    let mut c = Chapter::new();
    let pledge = |year, reviewed, missed: &[Quality]| Pledge {
        year,
        reviewed,
        missed: missed.to_vec(),
    };
    let recognition = |on: &str, kind| Recognition {
        on: day(on),
        kind,
        by: "Hội LHPN xã".into(),
        reason: String::new(),
    };
    c.member("2020-03-08", |m| {
        m.card = "001".into();
        m.core = true;
        m.pledges = vec![pledge(2026, true, &[])];
        m.recognitions = vec![recognition("2026-05-01", Honour::Exemplary)];
    });
    c.member("2020-03-08", |m| {
        m.card_on = Some(day("2021-01-01"));
        m.pledges = vec![pledge(2026, true, &[Quality::Health])];
        m.recognitions = vec![recognition("2025-12-01", Honour::Commended)];
    });
    c.member("2020-03-08", |m| {
        m.pledges = vec![pledge(2025, true, &[])];
        m.recognitions = vec![recognition("2026-02-01", Honour::Exemplary)];
        m.set_status(Status::Moved, day("2026-06-01"));
    });
    c.member("2020-03-08", |m| {
        m.honorary = true;
        m.card = "002".into();
        m.core = true;
    });
    c.member("2020-03-08", |m| m.pledges = vec![pledge(2026, false, &[])]);
    let year = Period::Year(2026);
    assert_eq!(c.get(year, "members.end"), Value::count(3));
    assert_eq!(
        c.get(year, "members.cards"),
        Value::ratio(2, 3),
        "a number or a day is a card; honorary members and those gone are not counted"
    );
    assert_eq!(c.get(year, "members.core"), Value::count(1));
    assert_eq!(c.get(year, "members.pledged"), Value::count(2 + 1));
    assert_eq!(
        c.get(year, "members.achieved"),
        Value::ratio(1, 3),
        "one criterion missed, or not reviewed yet, is not achieved"
    );
    assert_eq!(
        c.get(Period::Year(2025), "members.achieved"),
        Value::ratio(1, 1),
        "the pledges of the period's year, of members there at its end"
    );
    assert_eq!(
        c.get(year, "members.exemplary"),
        Value::count(2),
        "held up as examples in the year, one of them gone since"
    );
    assert_eq!(c.get(year, "members.commended"), Value::count(0));
    assert_eq!(
        c.get(Period::Year(2025), "members.commended"),
        Value::count(1)
    );
}

#[test]
fn the_sample_chapters_figures() {
    let today = day("2026-11-29");
    let (book, device) = sample_chapter(1_764_375_945_123, today);
    let values = compute(&book, device.home.as_ref().unwrap(), Period::Year(2026));
    let get = |code: &str| value_of(&values, code);
    let expected = [
        ("members.end", Value::count(113)),
        ("members.admitted", Value::count(8)),
        ("members.left", Value::count(4)),
        ("members.honorary", Value::count(3)),
        ("members.cards", Value::ratio(97, 113)),
        ("members.core", Value::count(14)),
        ("members.pledged", Value::count(101)),
        ("members.achieved", Value::ratio(19, 101)),
        ("members.exemplary", Value::count(2)),
        ("members.commended", Value::count(1)),
        ("attraction.all", Value::ratio(113, 150)),
        ("attraction.minority", Value::ratio(20, 22)),
        ("attraction.religion.catholicism", Value::ratio(19, 24)),
        ("attraction.religion.buddhism", Value::ratio(10, 12)),
        ("cadres.end", Value::count(10)),
        (
            "cadres.trained.digital_transformation",
            Value::ratio(10, 10),
        ),
        ("cadres.trained.it_use", Value::ratio(6, 10)),
        ("cadres.trained.meeting_skills", Value::ratio(8, 10)),
        ("trainings.held", Value::count(6)),
        ("trainings.attendances", Value::count(147)),
        ("trainings.held.digital_transformation", Value::count(2)),
        ("models.stage.regular", Value::count(2)),
        ("models.stage.launched", Value::count(1)),
        ("models.stage.stopped", Value::count(1)),
        ("models.new", Value::count(1)),
        ("models.launched", Value::count(2)),
        ("models.participants", Value::count(80)),
        ("meetings.held", Value::count(29)),
        ("meetings.attendance", Value::ratio(1240, 29)),
        ("meetings.attendance_rate", Value::ratio(1036, 1669)),
        ("meetings.quarters", Value::ratio(4, 4)),
        ("activities.social_media", Value::count(3)),
        ("activities.visits", Value::count(2)),
        ("fees.collected", Value::count(1_080_000)),
        ("fees.paid", Value::ratio(86, 113)),
        ("online_group", Value::count(1)),
        ("grading.chapters.strong", Value::ratio(0, 1)),
        ("grading.chapters.good", Value::ratio(1, 1)),
        ("grading.groups.strong", Value::ratio(0, 4)),
        ("grading.groups.good", Value::ratio(2, 4)),
        ("grading.groups.fair", Value::ratio(2, 4)),
        ("grading.model", Value::ratio(0, 1)),
    ];
    for (code, value) in expected {
        assert_eq!(get(code), value, "{code}");
    }
}
