//! National scale needs no server of ours: report files are flat values (unit
//! × period × indicator), so any office can add up a folder of them. This
//! test makes 1,000 chapters' report files with the app's own code, lets a
//! national office import them all and add them up as the app does, and
//! writes both where `tests/scale/duckdb_totals.py` (run by `make test` after
//! this) adds the same folder up with DuckDB and compares: target/scale/.
#![cfg(not(target_arch = "wasm32"))]

use so_tay_chi_hoi::domain::book::collections::{Book, DeviceState};
use so_tay_chi_hoi::domain::exchange::import::preview_import;
use so_tay_chi_hoi::domain::exchange::report_file::write_report;
use so_tay_chi_hoi::domain::figures::report::report;
use so_tay_chi_hoi::domain::kernel::date::{BirthDate, Date};
use so_tay_chi_hoi::domain::kernel::ethnicity::Ethnicity;
use so_tay_chi_hoi::domain::kernel::period::Period;
use so_tay_chi_hoi::domain::kernel::record::Record;
use so_tay_chi_hoi::domain::kernel::stamp::DeviceId;
use so_tay_chi_hoi::domain::records::baseline::Denominators;
use so_tay_chi_hoi::domain::records::member::{Member, Religion};
use so_tay_chi_hoi::domain::records::unit::UnitSetup;
use std::path::Path;

const NOW: u64 = 1_764_375_945_123;
const CHAPTERS: u32 = 1_000;
const YEAR: Period = Period::Year(2026);

fn today() -> Date {
    Date::new(2026, 11, 29).unwrap()
}

/// A device set up for `name` under the units `above` (nearest first).
fn set_up(device: u32, name: &str, above: &[String]) -> (Book, DeviceState) {
    let mut id = [0x5a; 8];
    id[4..].copy_from_slice(&device.to_be_bytes());
    let mut state = DeviceState::new(DeviceId::from_random(id));
    let setup = UnitSetup {
        name: name.into(),
        kind: "Chi hội".into(),
        above: above
            .iter()
            .map(|a| (a.clone(), "Hội LHPN".to_string()))
            .collect(),
    };
    (state.set_up(&setup, NOW), state)
}

/// Chapter `n` of a commune of 25 and a province of 250: 5 to 24 members,
/// some of a minority, some of a religion, some joined this year, and the
/// women of its area counted (a chapter that has not counted them sends no
/// attraction rate: docs/file-format.md).
fn chapter(n: u32) -> (Book, DeviceState) {
    let above = [
        format!("Hội LHPN xã số {}", n / 25),
        format!("Hội LHPN tỉnh số {}", n / 250),
    ];
    let (mut book, mut device) = set_up(n, &format!("Chi hội số {n}"), &above);
    for i in 0..5 + n % 20 {
        let mut m = Member::named("Nguyễn", "Thị", &format!("Hoa {i}"));
        m.birth = Some(BirthDate::Year(1950 + ((n + i) % 55) as u16));
        m.ethnicity = Ethnicity::from_code(if (n + i).is_multiple_of(7) { 6 } else { 1 });
        if (n + i).is_multiple_of(5) {
            m.religion = Religion::Buddhism;
        }
        m.joined_on = Date::new(
            if (n + i).is_multiple_of(4) {
                2026
            } else {
                2015
            },
            3,
            8,
        );
        book.members.put(Record::create(device.clock.tick(NOW), m));
    }
    let count = |pick: &dyn Fn(&Member) -> bool| {
        book.members.live().filter(|m| pick(&m.data)).count() as u32
    };
    let women = Denominators {
        year: 2026,
        women_18: 2 * count(&|_| true) + 10,
        minority_women: count(&|m| m.ethnicity.code != 1) + 3,
        religious_women: [(
            "buddhism".to_owned(),
            count(&|m| m.religion == Religion::Buddhism) + 2,
        )]
        .into(),
    };
    let stamp = device.clock.tick(NOW);
    book.denominators.put(Record {
        id: Denominators::id(2026),
        ..Record::create(stamp, women)
    });
    (book, device)
}

#[test]
fn a_thousand_report_files_add_up_in_the_app_and_in_a_folder() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("../scale");
    let reports = dir.join("reports");
    let _ = std::fs::remove_dir_all(&reports);
    std::fs::create_dir_all(&reports).unwrap();
    let (mut office, mut office_device) = set_up(CHAPTERS + 1, "Trung ương Hội LHPN", &[]);
    for n in 0..CHAPTERS {
        let (book, mut device) = chapter(n);
        let stamp = device.clock.tick(NOW + 1);
        let file = write_report(&book, &device, &[YEAR], 0, &stamp, NOW, today()).unwrap();
        std::fs::write(
            reports.join(format!("{n:04}-{}", file.name)),
            &file.contents,
        )
        .unwrap();
        office = preview_import(
            file.contents.as_bytes(),
            &office,
            &office_device,
            NOW + 2,
            today(),
        )
        .unwrap()
        .apply(office, &mut office_device);
    }
    assert_eq!(office.reports.len(), CHAPTERS as usize);
    let home = office_device.home.clone().unwrap();
    let totals: serde_json::Map<String, serde_json::Value> = report(&office, &home, YEAR)
        .into_iter()
        .map(|row| {
            let value = serde_json::json!({ "num": row.value.num, "den": row.value.den });
            (row.indicator.code, value)
        })
        .collect();
    let members = &totals["members.end"]["num"];
    assert_eq!(members, (0..CHAPTERS).map(|n| 5 + n % 20).sum::<u32>());
    std::fs::write(
        dir.join("app-totals.json"),
        serde_json::Value::Object(totals).to_string(),
    )
    .unwrap();
}
