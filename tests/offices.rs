//! Reports up the tree, on the host: chapters send their figures, a commune
//! adds them up whatever order they arrive in, a province adds up communes,
//! rates stay right at every level, and no member's personal data leaves her
//! chapter.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value as Json;
use so_tay_chi_hoi::domain::book::collections::{Book, DeviceState};
use so_tay_chi_hoi::domain::exchange::import::preview_import;
use so_tay_chi_hoi::domain::exchange::preview::{ImportPreview, Note};
use so_tay_chi_hoi::domain::exchange::report_file::write_report;
use so_tay_chi_hoi::domain::figures::compute::{compute, value_of};
use so_tay_chi_hoi::domain::figures::roll_up::report_of;
use so_tay_chi_hoi::domain::file::checksum::seal;
use so_tay_chi_hoi::domain::file::envelope::{FileError, FileKind, OutFile};
use so_tay_chi_hoi::domain::kernel::date::{BirthDate, Date};
use so_tay_chi_hoi::domain::kernel::period::Period;
use so_tay_chi_hoi::domain::kernel::problem::Problem;
use so_tay_chi_hoi::domain::kernel::record::{Record, RecordId};
use so_tay_chi_hoi::domain::kernel::stamp::DeviceId;
use so_tay_chi_hoi::domain::records::catalogue::Value;
use so_tay_chi_hoi::domain::records::member::Member;
use so_tay_chi_hoi::domain::records::unit::{Unit, UnitSetup};
use so_tay_chi_hoi::domain::records::unit_report::UnitReport;
use so_tay_chi_hoi::domain::samples::demo::sample_chapter;

const NOW: u64 = 1_764_375_945_123;
const YEAR: Period = Period::Year(2026);

fn today() -> Date {
    Date::new(2026, 11, 29).unwrap()
}

/// A device set up for a unit, with the names of the units above it.
fn device(n: u8, name: &str, above: &[&str]) -> (Book, DeviceState) {
    let mut device = DeviceState::new(DeviceId::from_random([n; 8]));
    let setup = UnitSetup {
        name: name.into(),
        kind: "Chi hội".into(),
        above: above
            .iter()
            .map(|a| (a.to_string(), "Hội LHPN".to_string()))
            .collect(),
    };
    (device.set_up(&setup, NOW), device)
}

/// A second chapter, smaller than the sample: `n` members, the first cadre.
fn small_chapter(n: usize) -> (Book, DeviceState) {
    let (mut book, mut device) = device(2, "Chi hội Thôn Tây", &["Hội LHPN xã An Bình"]);
    for i in 0..n {
        let mut m = Member::named("Phan", "Thị", &format!("Mơ{i}"));
        m.phone = format!("08{i:08}");
        m.birth = Some(BirthDate::Day(
            Date::new(1980, 1, 1 + i as u8 % 28).unwrap(),
        ));
        book.members.put(Record::create(device.clock.tick(NOW), m));
    }
    (book, device)
}

fn report_file(book: &Book, device: &mut DeviceState, depth: usize) -> OutFile {
    let stamp = device.clock.tick(NOW + 10);
    write_report(book, device, &[YEAR], depth, &stamp, NOW, today()).expect("a set-up device")
}

/// Imports a file at a device; returns the new book.
fn import(file: &OutFile, book: &Book, device: &mut DeviceState) -> Book {
    preview_import(file.contents.as_bytes(), book, device, NOW + 100, today())
        .expect("importable")
        .apply(book.clone(), device)
}

/// What docs/file-format.schema.json finds wrong with a file.
fn schema_errors(file: &OutFile) -> Vec<String> {
    let schema: Json =
        serde_json::from_str(include_str!("../docs/file-format.schema.json")).unwrap();
    let value: Json = serde_json::from_str(&file.contents).unwrap();
    jsonschema::validator_for(&schema)
        .unwrap()
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect()
}

/// A file's text after editing its JSON, with its checksum made again: a
/// crafted file, as a forger would send it.
fn resealed(value: &Json) -> String {
    let mut value = value.clone();
    seal(value.as_object_mut().expect("a file is an object"));
    value.to_string()
}

/// What importing a crafted file (resealed) would do at a device.
fn forged_preview(value: &Json, book: &Book, device: &DeviceState) -> ImportPreview {
    preview_import(resealed(value).as_bytes(), book, device, NOW + 100, today())
        .expect("importable")
}

fn members_end(book: &Book, home: &RecordId, unit: &RecordId) -> Value {
    report_of(book, home, unit, YEAR)
        .map(|r| r.values["members.end"])
        .unwrap_or_default()
}

#[test]
fn reports_roll_up_from_chapters_to_commune_to_province() {
    let (east, mut east_device) = sample_chapter(NOW, today());
    let (west, mut west_device) = small_chapter(7);
    let east_file = report_file(&east, &mut east_device, 0);
    let west_file = report_file(&west, &mut west_device, 0);
    assert_eq!(
        east_file.name,
        "bao-cao_chi-hoi-thon-dong_2026_2026-11-29.json"
    );

    let (commune, commune_device) = device(3, "Hội LHPN xã An Bình", &["Hội LHPN tỉnh Ninh Bình"]);
    let preview = preview_import(
        east_file.contents.as_bytes(),
        &commune,
        &commune_device,
        NOW,
        today(),
    )
    .unwrap();
    assert_eq!(preview.tally("reports").new, 1);
    assert!(preview.notes.contains(&Note::Attaches {
        unit: "Chi hội Thôn Đông".into(),
        under: "Hội LHPN xã An Bình".into()
    }));
    assert!(preview.notes.contains(&Note::ParentUnknown {
        unit: "Chi hội Thôn Đông".into(),
        parent: "Hội LHPN xã An Bình".into()
    }));

    // Both orders give the same figures and the same tree.
    let mut first = commune_device.clone();
    let a = import(&east_file, &commune, &mut first);
    let a = import(&west_file, &a, &mut first);
    let mut second = commune_device.clone();
    let b = import(&west_file, &commune, &mut second);
    let b = import(&east_file, &b, &mut second);
    let home = commune_device.home.clone().unwrap();
    let tree = |book: &Book| -> Vec<(String, Option<RecordId>)> {
        book.units
            .live()
            .map(|u| (u.data.name.clone(), u.data.parent.clone()))
            .collect()
    };
    assert_eq!(tree(&a), tree(&b));
    assert_eq!(
        report_of(&a, &home, &home, YEAR),
        report_of(&b, &home, &home, YEAR)
    );

    // The commune's total is the sum of the chapters' own dashboards, as
    // they send them: a rate over no count of women (Thôn Tây has none) is
    // not sent, so its members do not raise Thôn Đông's rate.
    let own = |book: &Book, device: &DeviceState, code: &str| {
        let value = value_of(&compute(book, device.home.as_ref().unwrap(), YEAR), code);
        if value.den == Some(0) && value.num > 0 {
            Value::default()
        } else {
            value
        }
    };
    let total = report_of(&a, &home, &home, YEAR).unwrap();
    for code in [
        "members.end",
        "attraction.all",
        "cadres.trained.digital_transformation",
        "trainings.attendances",
        "fees.collected",
    ] {
        assert_eq!(
            total.values[code],
            own(&east, &east_device, code) + own(&west, &west_device, code),
            "{code}"
        );
    }
    assert_eq!(total.values["members.end"], Value::count(113 + 7));
    assert_eq!(total.values["attraction.all"], Value::ratio(113, 150));

    // The province receives the commune's report, with its chapters' below it.
    let commune_file = report_file(&a, &mut first, 1);
    let (province, mut province_device) = device(4, "Hội LHPN tỉnh Ninh Bình", &[]);
    let province_book = import(&commune_file, &province, &mut province_device);
    let top = province_device.home.clone().unwrap();
    assert_eq!(
        province_book.reports.len(),
        3,
        "the commune's and its two chapters'"
    );
    assert_eq!(members_end(&province_book, &top, &top), Value::count(120));
    let attraction = report_of(&province_book, &top, &top, YEAR).unwrap().values["attraction.all"];
    assert_eq!(
        attraction,
        Value::ratio(113, 150),
        "a rate of sums over the units that counted their women, not an average of rates"
    );
}

#[test]
fn no_personal_data_leaves_the_chapter() {
    let (book, mut device) = sample_chapter(NOW, today());
    let file = report_file(&book, &mut device, 1);
    let value: Json = serde_json::from_str(&file.contents).unwrap();
    assert_eq!(schema_errors(&file), Vec::<String>::new());
    assert_eq!(value["kind"], "report");
    for member in book.members.all() {
        let m = &member.data;
        let mut personal = vec![m.full_name(), m.phone.clone(), member.id.to_string()];
        if let Some(BirthDate::Day(day)) = m.birth {
            personal.extend([day.iso(), day.vn()]);
        }
        for text in personal.into_iter().filter(|t| !t.is_empty()) {
            assert!(!file.contents.contains(&text), "the report holds «{text}»");
        }
    }
}

#[test]
fn a_newer_report_replaces_an_older_one_and_an_older_one_changes_nothing() {
    let (mut chapter, mut chapter_device) = small_chapter(3);
    let first = report_file(&chapter, &mut chapter_device, 0);
    for i in 0..2 {
        let m = Member::named("Lê", "Thị", &format!("Mới{i}"));
        chapter
            .members
            .put(Record::create(chapter_device.clock.tick(NOW + 20), m));
    }
    let second = report_file(&chapter, &mut chapter_device, 0);

    let (commune, mut office) = device(3, "Hội LHPN xã An Bình", &[]);
    let home = office.home.clone().unwrap();
    let book = import(&first, &commune, &mut office);
    let book = import(&second, &book, &mut office);
    assert_eq!(members_end(&book, &home, &home), Value::count(5));
    let older = preview_import(
        first.contents.as_bytes(),
        &book,
        &office,
        NOW + 200,
        today(),
    )
    .unwrap();
    assert_eq!(older.tally("reports").older, 1);
    assert!(!older.changes());
    assert_eq!(older.apply(book.clone(), &mut office), book);
}

#[test]
fn a_report_cannot_write_outside_its_senders_subtree() {
    let (chapter, mut chapter_device) = small_chapter(3);
    let file = report_file(&chapter, &mut chapter_device, 0);
    let (commune, office) = device(3, "Hội LHPN xã An Bình", &[]);
    let home = office.home.clone().unwrap();

    // A crafted report for the office's own unit, and one for a stranger.
    let mut value: Json = serde_json::from_str(&file.contents).unwrap();
    let mut forged = value["data"]["reports"][0].clone();
    forged["id"] = UnitReport::id(&home, YEAR).unwrap().to_string().into();
    forged["data"]["unit"] = home.to_string().into();
    let mut stranger = value["data"]["reports"][0].clone();
    stranger["id"] = "report-2026-nguoi-la".into();
    stranger["data"]["unit"] = "nguoi-la".into();
    value["data"]["reports"]
        .as_array_mut()
        .unwrap()
        .extend([forged, stranger]);
    let preview =
        preview_import(resealed(&value).as_bytes(), &commune, &office, NOW, today()).unwrap();
    assert_eq!(preview.tally("reports").new, 1, "only the sender's own");
    let refused: Vec<(&str, &Problem)> = preview
        .rejected
        .iter()
        .map(|r| (r.label.as_deref().unwrap_or(""), &r.problems[0].problem))
        .collect();
    assert_eq!(
        refused,
        vec![
            ("Hội LHPN xã An Bình", &Problem::OutsideSubtree),
            ("nguoi-la", &Problem::OutsideSubtree)
        ]
    );

    // The office's own report, or a file with members, is refused whole.
    let (_, mut office_device) = (commune.clone(), office.clone());
    let own = report_file(&commune, &mut office_device, 0);
    assert_eq!(
        preview_import(own.contents.as_bytes(), &commune, &office, NOW, today()).unwrap_err(),
        FileError::OwnReport
    );
    value["data"]["members"] = serde_json::json!([]);
    assert_eq!(
        preview_import(resealed(&value).as_bytes(), &commune, &office, NOW, today()).unwrap_err(),
        FileError::UnexpectedCollection {
            kind: FileKind::Report,
            collection: "members"
        }
    );
}

#[test]
fn units_below_an_office_are_data() {
    let (mut book, device) = device(5, "Cụm thi đua Đồng bằng sông Hồng", &[]);
    let home = device.home.clone().unwrap();
    let mut clock = device.clock.clone();
    for name in ["Hội LHPN tỉnh Bắc Ninh", "Hội LHPN tỉnh Hà Nam"] {
        let unit = Unit::new(name, "Hội LHPN tỉnh", Some(home.clone()));
        book.units.put(Record::create(clock.tick(NOW), unit));
    }
    assert_eq!(
        so_tay_chi_hoi::domain::records::unit::children(&book.units, &home).count(),
        2
    );
    assert_eq!(
        report_of(&book, &home, &home, YEAR),
        None,
        "no report yet: nothing to add up"
    );
}

/// A campaign of the office with one target criterion and one by hand.
fn campaign(office: &RecordId) -> so_tay_chi_hoi::domain::records::campaign::Campaign {
    use so_tay_chi_hoi::domain::records::campaign::{Campaign, Criterion};
    Campaign {
        office: office.clone(),
        name: "Xây dựng cơ sở Hội vững mạnh".into(),
        period: YEAR,
        criteria: vec![
            Criterion {
                key: "c1".into(),
                label: "Hội viên".into(),
                points: 60,
                indicator: Some("members.end".into()),
                target: 10,
            },
            Criterion {
                key: "c2".into(),
                label: "Phong trào".into(),
                points: 40,
                indicator: None,
                target: 0,
            },
        ],
        grades: Campaign::default_grades(),
        grading: false,
    }
}

#[test]
fn a_plan_places_the_chapter_under_the_office_and_sets_its_targets_and_campaigns() {
    use so_tay_chi_hoi::domain::exchange::plan_file::write_plan;
    use so_tay_chi_hoi::domain::figures::compare::campaign_table;
    use so_tay_chi_hoi::domain::figures::report::report;
    use so_tay_chi_hoi::domain::records::baseline::Target;
    use so_tay_chi_hoi::domain::records::campaign::Scores;

    let (mut office, mut office_device) =
        device(3, "Hội LHPN xã An Bình", &["Hội LHPN tỉnh Ninh Bình"]);
    let commune = office_device.home.clone().unwrap();
    let target = Target {
        year: 2026,
        indicator: "members.end".into(),
        value: 8,
        set_by: Some(commune.clone()),
        for_unit: None,
    };
    office.targets.put(Record {
        id: target.key().unwrap(),
        ..Record::create(office_device.clock.tick(NOW), target)
    });
    let set = Record::create(office_device.clock.tick(NOW), campaign(&commune));
    let campaign_id = set.id.clone();
    office.campaigns.put(set);
    let plan = write_plan(&office, &office_device, NOW, today()).unwrap();
    assert_eq!(plan.name, "ke-hoach_hoi-lhpn-xa-an-binh_2026-11-29.json");
    assert_eq!(schema_errors(&plan), Vec::<String>::new());

    // The chapter typed «Hội LHPN xã An Bình» and a province at set-up.
    let (chapter, mut chapter_device) = small_chapter(5);
    let home = chapter_device.home.clone().unwrap();
    let preview = preview_import(
        plan.contents.as_bytes(),
        &chapter,
        &chapter_device,
        NOW,
        today(),
    )
    .unwrap();
    assert!(preview.notes.contains(&Note::ReplacesParent {
        unit: "Chi hội Thôn Tây".into(),
        old: "Hội LHPN xã An Bình".into(),
        new: "Hội LHPN xã An Bình".into()
    }));
    let book = preview.apply(chapter.clone(), &mut chapter_device);
    let chain: Vec<(String, RecordId)> =
        so_tay_chi_hoi::domain::records::unit::with_ancestors(&book.units, &home)
            .iter()
            .map(|u| (u.data.name.clone(), u.id.clone()))
            .collect();
    assert_eq!(
        chain[1],
        ("Hội LHPN xã An Bình".into(), commune.clone()),
        "under the office's real id"
    );
    assert_eq!(chain.len(), 3, "the province the office named");
    assert_eq!(
        book.units.live().count(),
        3,
        "the names typed at set-up gave way"
    );
    let rows = report(&book, &home, YEAR);
    let members = rows
        .iter()
        .find(|r| r.indicator.code == "members.end")
        .unwrap();
    assert_eq!(
        (members.value, members.target),
        (Value::count(5), Some(8)),
        "the office's target"
    );
    let again = preview_import(
        plan.contents.as_bytes(),
        &book,
        &chapter_device,
        NOW,
        today(),
    )
    .unwrap();
    assert!(!again.changes(), "the same plan twice changes nothing");

    // She gives her score by hand; her report carries it up; the office grades.
    let mut book = book;
    let scores = Scores {
        points: [("c2".to_owned(), 320)].into_iter().collect(),
        ..Scores::of(&campaign_id, &home, None)
    };
    book.scores.put(Record {
        id: Scores::id(&campaign_id, &home).unwrap(),
        ..Record::create(chapter_device.clock.tick(NOW), scores)
    });
    let report_file = report_file(&book, &mut chapter_device, 0);
    let office = import(&report_file, &office, &mut office_device);
    let campaign_record = office.campaigns.get(&campaign_id).unwrap().clone();
    let table = campaign_table(&office, &commune, &campaign_record);
    assert_eq!(table.len(), 1);
    let standing = table[0].standing.as_ref().unwrap();
    assert_eq!(
        standing.points,
        vec![Some(300), Some(320)],
        "5 of 10 members: half of 60 points; 32 by hand"
    );
    assert_eq!(
        (standing.total, standing.grade.as_deref()),
        (620, Some("Trung bình"))
    );
    assert_eq!(table[0].rank, Some(1));
}

#[test]
fn a_plan_cannot_set_what_is_not_the_offices() {
    use so_tay_chi_hoi::domain::exchange::plan_file::write_plan;
    use so_tay_chi_hoi::domain::records::baseline::Target;

    let (chapter, chapter_device) = small_chapter(2);
    let home = chapter_device.home.clone().unwrap();
    let (office, office_device) = device(3, "Hội LHPN xã An Bình", &[]);
    let plan = write_plan(&office, &office_device, NOW, today()).unwrap();
    let mut value: Json = serde_json::from_str(&plan.contents).unwrap();
    // A target dressed as the chapter's own, and one for a stranger's office.
    for (n, set_by) in [(0, home.to_string()), (1, "van-phong-khac".to_owned())] {
        let target = Target {
            year: 2026,
            indicator: "members.end".into(),
            value: 1,
            set_by: RecordId::parse(&set_by),
            for_unit: None,
        };
        let record = Record {
            id: target.key().unwrap(),
            ..Record::create(office_device.clock.clone().tick(NOW + n), target)
        };
        value["data"]["targets"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::to_value(&record).unwrap());
    }
    let preview = preview_import(
        resealed(&value).as_bytes(),
        &chapter,
        &chapter_device,
        NOW,
        today(),
    )
    .unwrap();
    assert_eq!(preview.tally("targets").new, 0);
    assert_eq!(preview.rejected.len(), 2);
    assert!(preview
        .rejected
        .iter()
        .all(|r| r.problems[0].problem == Problem::NotTheSendersOwn));

    // A chapter's own plan, sent up, is refused at its office.
    let mut sender = chapter_device.clone();
    let from_below = write_plan(&chapter, &chapter_device, NOW, today()).unwrap();
    let (commune, mut commune_device) = device(5, "Hội LHPN xã An Bình", &[]);
    let commune_book = import(
        &report_file(&chapter, &mut sender, 0),
        &commune,
        &mut commune_device,
    );
    assert_eq!(
        preview_import(
            from_below.contents.as_bytes(),
            &commune_book,
            &commune_device,
            NOW,
            today()
        )
        .unwrap_err(),
        FileError::PlanFromBelow
    );
}

#[test]
fn a_unit_listed_by_hand_gives_way_to_the_one_that_reports() {
    let (mut office, mut office_device) = device(3, "Hội LHPN xã An Bình", &[]);
    let home = office_device.home.clone().unwrap();
    let listed = Unit::new("chi hội thôn tây", "Chi hội", Some(home.clone()));
    office
        .units
        .put(Record::create(office_device.clock.tick(NOW), listed));
    let (chapter, mut chapter_device) = small_chapter(4);
    let preview = preview_import(
        report_file(&chapter, &mut chapter_device, 0)
            .contents
            .as_bytes(),
        &office,
        &office_device,
        NOW,
        today(),
    )
    .unwrap();
    assert!(preview.notes.contains(&Note::ReplacesListed {
        unit: "Chi hội Thôn Tây".into()
    }));
    let book = preview.apply(office.clone(), &mut office_device);
    let below: Vec<&str> = so_tay_chi_hoi::domain::records::unit::children(&book.units, &home)
        .map(|id| book.units.get(id).unwrap().data.name.as_str())
        .collect();
    assert_eq!(
        below,
        ["Chi hội Thôn Tây"],
        "one unit, the one that reports"
    );
    assert_eq!(members_end(&book, &home, &home), Value::count(4));
}

#[test]
fn merged_units_count_where_they_stood_and_in_their_successors_past() {
    use so_tay_chi_hoi::domain::figures::compare::Comparison;
    let (mut book, device) = device(6, "Cụm thi đua Đồng bằng sông Hồng", &[]);
    let home = device.home.clone().unwrap();
    let mut clock = device.clock.clone();
    let mut province = |name: &str| {
        let record = Record::create(
            clock.tick(NOW),
            Unit::new(name, "Hội LHPN tỉnh", Some(home.clone())),
        );
        let id = record.id.clone();
        book.units.put(record);
        id
    };
    let (ninh_binh, ha_nam, nam_dinh) = (
        province("Ninh Bình"),
        province("Hà Nam"),
        province("Nam Định"),
    );
    let y2024 = Period::Year(2024);
    for (unit, members, period) in [
        (&ninh_binh, 220, y2024),
        (&ha_nam, 198, y2024),
        (&nam_dinh, 390, y2024),
        (&ninh_binh, 800, YEAR),
    ] {
        let mut values = std::collections::BTreeMap::new();
        values.insert("members.end".to_owned(), Value::count(members));
        let report = UnitReport {
            unit: unit.clone(),
            period,
            values,
            models: vec![],
            trainings: vec![],
        };
        book.reports.put(Record {
            id: UnitReport::id(unit, period).unwrap(),
            ..Record::create(clock.tick(NOW), report)
        });
    }
    // On 1 July 2025 Hà Nam and Nam Định merge into Ninh Bình.
    let end = Date::new(2025, 6, 30);
    for merged in [&ha_nam, &nam_dinh] {
        let record = book.units.get(merged).unwrap().clone();
        let data = Unit {
            valid_to: end,
            ..record.data.clone()
        };
        book.units.put(record.edited(clock.tick(NOW), data));
    }
    let record = book.units.get(&ninh_binh).unwrap().clone();
    let data = Unit {
        predecessors: vec![ha_nam.clone(), nam_dinh.clone()],
        ..record.data.clone()
    };
    book.units.put(record.edited(clock.tick(NOW), data));

    let columns = vec!["members.end".to_owned()];
    let before = Comparison::build(&book, &home, &home, y2024, 1, &columns);
    assert_eq!(
        before.rows.len(),
        3,
        "in 2024 the three provinces stood apart"
    );
    assert_eq!(before.total, vec![Value::count(808)]);
    let after = Comparison::build(&book, &home, &home, YEAR, 1, &columns);
    let names: Vec<&str> = after.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Ninh Bình"], "after the merger, one province");
    assert_eq!(after.total, vec![Value::count(800)]);
    assert_eq!(members_end(&book, &home, &ninh_binh), Value::count(800));
    let past = report_of(&book, &home, &ninh_binh, y2024).unwrap();
    assert_eq!(
        past.values["members.end"],
        Value::count(808),
        "the merged province's own past includes its predecessors"
    );
}

/// A grading campaign of the office: members against a target of five, and
/// one criterion scored by hand.
fn grading(office: &RecordId) -> so_tay_chi_hoi::domain::records::campaign::Campaign {
    use so_tay_chi_hoi::domain::records::campaign::{Campaign, CriterionDraft};
    let draft = |label: &str, points, indicator: &str, target| CriterionDraft {
        label: label.into(),
        points,
        indicator: indicator.into(),
        target,
    };
    Campaign {
        grading: true,
        ..Campaign::written(
            office.clone(),
            "Xếp loại chi hội năm 2026",
            YEAR,
            &[
                draft("Hội viên", 50, "members.end", 5),
                draft("Thực hiện nhiệm vụ", 50, "", 0),
            ],
        )
    }
}

#[test]
fn grades_go_up_as_proposals_and_come_down_as_decisions() {
    use so_tay_chi_hoi::domain::exchange::plan_file::write_plan;
    use so_tay_chi_hoi::domain::figures::grading::group_standing;
    use so_tay_chi_hoi::domain::records::cadre::WomenGroup;
    use so_tay_chi_hoi::domain::records::campaign::Scores;
    use so_tay_chi_hoi::domain::records::grade::{Decision, ModelChapter};

    let (mut office, mut office_device) =
        device(3, "Hội LHPN xã An Bình", &["Hội LHPN tỉnh Ninh Bình"]);
    let commune = office_device.home.clone().unwrap();
    let set = Record::create(office_device.clock.tick(NOW), grading(&commune));
    let campaign = set.id.clone();
    office.campaigns.put(set);
    let plan = write_plan(&office, &office_device, NOW, today()).unwrap();

    // Two chapters take the plan and score themselves on the criterion by
    // hand: Tây 45 of 50 (95 in all: «Vững mạnh»), Nam 20 (70: «Khá»).
    let given =
        |book: &mut Book, device: &mut DeviceState, points: u32, group: Option<&RecordId>| {
            let home = device.home.clone().unwrap();
            let scores = Scores {
                points: [("c2".to_owned(), points * 10)].into_iter().collect(),
                ..Scores::of(&campaign, &home, group)
            };
            let id = match group {
                None => Scores::id(&campaign, &home),
                Some(g) => Scores::group_id(&campaign, &home, g),
            };
            book.scores.put(Record {
                id: id.unwrap(),
                ..Record::create(device.clock.tick(NOW), scores)
            });
        };
    let (tay, mut tay_device) = small_chapter(5);
    let mut tay = import(&plan, &tay, &mut tay_device);
    let tay_id = tay_device.home.clone().unwrap();
    given(&mut tay, &mut tay_device, 45, None);
    // Her one group, all five members, scored 30: 80 in all, «Khá».
    let group = Record::create(
        tay_device.clock.tick(NOW),
        WomenGroup {
            name: "Tổ 1".into(),
        },
    );
    let group_id = group.id.clone();
    tay.groups.put(group);
    let members: Vec<_> = tay.members.all().cloned().collect();
    for mut m in members {
        m.data.group = Some(group_id.clone());
        tay.members.put(m);
    }
    given(&mut tay, &mut tay_device, 30, Some(&group_id));
    let own = |book: &Book, device: &DeviceState, code: &str| {
        value_of(&compute(book, device.home.as_ref().unwrap(), YEAR), code)
    };
    assert_eq!(
        own(&tay, &tay_device, "grading.chapters.strong"),
        Value::ratio(1, 1)
    );
    assert_eq!(
        own(&tay, &tay_device, "grading.chapters.good"),
        Value::ratio(0, 1)
    );
    assert_eq!(
        own(&tay, &tay_device, "grading.groups.good"),
        Value::ratio(0, 0),
        "a group counts once the chapter grades it"
    );
    let record = tay.campaigns.get(&campaign).unwrap().clone();
    let standing = group_standing(&tay, &record, &tay_id, &group_id);
    assert_eq!(
        (standing.total, standing.grade.as_deref()),
        (800, Some("Khá"))
    );
    let id = Scores::group_id(&campaign, &tay_id, &group_id).unwrap();
    let mut graded = tay.scores.get(&id).unwrap().clone();
    graded.data.decision = Some(Decision {
        grade: "Khá".into(),
        model: ModelChapter::No,
        on: today(),
    });
    tay.scores.put(graded);
    assert_eq!(
        own(&tay, &tay_device, "grading.groups.good"),
        Value::ratio(1, 1)
    );

    let (nam, mut nam_device) = device(4, "Chi hội Thôn Nam", &["Hội LHPN xã An Bình"]);
    let mut nam = import(&plan, &nam, &mut nam_device);
    for i in 0..5 {
        let m = Member::named("Vũ", "Thị", &format!("Nụ{i}"));
        nam.members
            .put(Record::create(nam_device.clock.tick(NOW), m));
    }
    given(&mut nam, &mut nam_device, 20, None);

    // The commune sees both proposals, adds them up, and decides.
    let tay_report = report_file(&tay, &mut tay_device, 0);
    assert!(
        !tay_report.contents.contains("Tổ 1")
            && !tay_report.contents.contains(&group_id.to_string()),
        "the groups' scores stay in the chapter"
    );
    let office = import(&tay_report, &office, &mut office_device);
    let mut office = import(
        &report_file(&nam, &mut nam_device, 0),
        &office,
        &mut office_device,
    );
    let sum =
        |book: &Book, code: &str| report_of(book, &commune, &commune, YEAR).unwrap().values[code];
    assert_eq!(sum(&office, "grading.chapters.strong"), Value::ratio(1, 2));
    assert_eq!(sum(&office, "grading.chapters.good"), Value::ratio(1, 2));
    assert_eq!(sum(&office, "grading.groups.good"), Value::ratio(1, 1));
    let mut decide = |unit: &RecordId, grade: &str, model| {
        let decision = Scores {
            decision: Some(Decision {
                grade: grade.into(),
                model,
                on: today(),
            }),
            ..Scores::of(&campaign, unit, None)
        };
        office.scores.put(Record {
            id: Scores::decision_id(&campaign, unit).unwrap(),
            ..Record::create(office_device.clock.tick(NOW), decision)
        });
    };
    decide(&tay_id, "Khá", ModelChapter::Model);
    decide(nam_device.home.as_ref().unwrap(), "Khá", ModelChapter::No);
    assert_eq!(
        sum(&office, "grading.chapters.strong"),
        Value::ratio(0, 2),
        "the commune's decision wins over what Tây proposed"
    );
    assert_eq!(sum(&office, "grading.chapters.good"), Value::ratio(2, 2));
    assert_eq!(sum(&office, "grading.model"), Value::ratio(1, 2));

    // The plan takes each chapter her own decision.
    let plan = write_plan(&office, &office_device, NOW + 20, today()).unwrap();
    assert_eq!(
        schema_errors(&plan),
        Vec::<String>::new(),
        "decisions as documented"
    );
    let tay = import(&plan, &tay, &mut tay_device);
    let decisions: Vec<&RecordId> = tay
        .scores
        .all()
        .filter(|s| s.data.decision.is_some() && s.data.group.is_none())
        .map(|s| &s.data.unit)
        .collect();
    assert_eq!(decisions, [&tay_id], "Nam's decision is Nam's");
    assert_eq!(
        own(&tay, &tay_device, "grading.chapters.good"),
        Value::ratio(1, 1)
    );
    assert_eq!(own(&tay, &tay_device, "grading.model"), Value::ratio(1, 1));

    // Her next report carries her scores, never the decision; one forged
    // to carry a decision is refused.
    let report = report_file(&tay, &mut tay_device, 0);
    assert!(!report.contents.contains("\"decision\""));
    let mut forged: Json = serde_json::from_str(&report.contents).unwrap();
    let decision = serde_json::to_value(
        tay.scores
            .all()
            .find(|s| s.data.decision.is_some())
            .unwrap(),
    )
    .unwrap();
    forged["data"]["scores"]
        .as_array_mut()
        .unwrap()
        .push(decision);
    let preview = forged_preview(&forged, &office, &office_device);
    assert_eq!(preview.rejected.len(), 1);
    assert_eq!(
        preview.rejected[0].problems[0].problem,
        Problem::DecidedByTheOffice
    );
}

/// A chapter's grade at the office follows from her scores and the office's
/// sheet, whatever her report's grading figures say: a report claiming
/// «Vững mạnh» for a chapter whose scores give «Yếu» counts her «Yếu».
#[test]
fn a_chapters_grade_is_worked_out_from_her_scores_not_taken_from_her_report() {
    use so_tay_chi_hoi::domain::exchange::plan_file::write_plan;
    use so_tay_chi_hoi::domain::figures::compare::campaign_table;
    use so_tay_chi_hoi::domain::records::campaign::Scores;

    let (mut office, mut office_device) = device(3, "Hội LHPN xã An Bình", &[]);
    let commune = office_device.home.clone().unwrap();
    let set = Record::create(office_device.clock.tick(NOW), grading(&commune));
    let campaign = set.id.clone();
    office.campaigns.put(set.clone());
    let plan = write_plan(&office, &office_device, NOW, today()).unwrap();
    // Nam, with no member yet, gives herself 10 of 50 by hand: 10 in all, «Yếu».
    let (nam, mut nam_device) = device(4, "Chi hội Thôn Nam", &["Hội LHPN xã An Bình"]);
    let mut nam = import(&plan, &nam, &mut nam_device);
    let home = nam_device.home.clone().unwrap();
    nam.scores.put(Record {
        id: Scores::id(&campaign, &home).unwrap(),
        ..Record::create(
            nam_device.clock.tick(NOW),
            Scores {
                points: [("c2".to_owned(), 100)].into_iter().collect(),
                ..Scores::of(&campaign, &home, None)
            },
        )
    });
    let own = value_of(&compute(&nam, &home, YEAR), "grading.chapters.weak");
    assert_eq!(own, Value::ratio(1, 1), "her own figures say «Yếu»");
    // Her report, forged to say «Vững mạnh».
    let mut forged: Json =
        serde_json::from_str(&report_file(&nam, &mut nam_device, 0).contents).unwrap();
    let values = &mut forged["data"]["reports"][0]["data"]["values"];
    values["grading.chapters.strong"] = serde_json::json!({ "num": 1, "den": 1 });
    values["grading.chapters.weak"] = serde_json::json!({ "num": 0, "den": 1 });
    let preview = forged_preview(&forged, &office, &office_device);
    assert_eq!(preview.rejected, []);
    let office = preview.apply(office, &mut office_device);
    let sum = |code: &str| report_of(&office, &commune, &commune, YEAR).unwrap().values[code];
    assert_eq!(sum("grading.chapters.strong"), Value::ratio(0, 1));
    assert_eq!(sum("grading.chapters.weak"), Value::ratio(1, 1));
    let table = campaign_table(&office, &commune, &set);
    let standing = table[0].standing.as_ref().unwrap();
    assert_eq!(
        standing.grade.as_deref(),
        Some("Yếu"),
        "one grade wherever it shows"
    );
}
