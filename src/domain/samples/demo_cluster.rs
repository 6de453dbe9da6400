//! The sample office behind "Xem dữ liệu mẫu của cụm thi đua": the Red River
//! Delta emulation cluster's 2023 review, with the provinces as they were
//! then and their reports carrying the figures the article quotes (Bắc Ninh's
//! 124 IT training sessions for 18,230 cadres; Hà Nam and Quảng Ninh training
//! every cadre in digital transformation; the named models under their
//! provinces). Below Ninh Bình sits one commune with its chapters' reports,
//! one of them the sample chapter's in full detail.
//! Every other figure is invented to fill the table and is illustrative.

use crate::domain::book::collections::{Book, DeviceState};
use crate::domain::kernel::date::Date;
use crate::domain::kernel::period::Period;
use crate::domain::kernel::record::{Record, RecordId};
use crate::domain::kernel::stamp::{Clock, DeviceId};
use crate::domain::records::campaign::{Campaign, Criterion, Scores};
use crate::domain::records::catalogue::Value;
use crate::domain::records::grade::GRADE_CODES;
use crate::domain::records::model::{ModelKind, Stage};
use crate::domain::records::unit::Unit;
use crate::domain::records::unit_report::{ModelSummary, TrainingSummary, UnitReport};
use std::collections::BTreeMap;

/// The year of the review the article reports.
pub const REVIEW_YEAR: u16 = 2023;

/// A province's figures: (members, women 18+, cadres, cadres trained in
/// digital transformation, IT sessions, IT attendances, models).
struct Province {
    name: &'static str,
    members: u64,
    women: u64,
    cadres: u64,
    trained: u64,
    it_sessions: u64,
    it_attendances: u64,
    models: &'static [(&'static str, Stage)],
}

/// The article's provinces first, then the rest of the cluster (illustrative).
const PROVINCES: [Province; 9] = [
    Province {
        name: "Hội LHPN tỉnh Thái Bình",
        members: 302_400,
        women: 620_000,
        cadres: 9_850,
        trained: 8_120,
        it_sessions: 61,
        it_attendances: 7_320,
        models: &[
            ("cung_tien", Stage::Launched),
            ("dong_hanh_vuot_kho", Stage::Launched),
        ],
    },
    Province {
        name: "Hội LHPN tỉnh Ninh Bình",
        members: 221_900,
        women: 340_000,
        cadres: 7_420,
        trained: 6_980,
        it_sessions: 48,
        it_attendances: 5_110,
        models: &[
            ("chi_hoi_kieu_mau", Stage::Regular),
            ("thu_hut_cong_giao_dan_toc", Stage::Launched),
        ],
    },
    Province {
        name: "Hội LHPN tỉnh Bắc Ninh",
        members: 296_700,
        women: 470_000,
        cadres: 18_900,
        trained: 15_600,
        it_sessions: 124,
        it_attendances: 18_230,
        models: &[
            ("mot_cong_mot", Stage::Replicated),
            ("ba_co_ba_biet", Stage::Replicated),
            ("clb_nu_chu_nha_tro", Stage::Launched),
            ("to_cong_nhan_nha_tro", Stage::Launched),
        ],
    },
    Province {
        name: "Hội LHPN tỉnh Hà Nam",
        members: 198_300,
        women: 310_000,
        cadres: 6_640,
        trained: 6_640,
        it_sessions: 52,
        it_attendances: 6_640,
        models: &[],
    },
    Province {
        name: "Hội LHPN tỉnh Quảng Ninh",
        members: 261_500,
        women: 450_000,
        cadres: 8_910,
        trained: 8_910,
        it_sessions: 70,
        it_attendances: 8_910,
        models: &[],
    },
    Province {
        name: "Hội LHPN tỉnh Hải Dương",
        members: 402_800,
        women: 660_000,
        cadres: 12_300,
        trained: 10_950,
        it_sessions: 83,
        it_attendances: 9_870,
        models: &[
            ("khong_gian_mang", Stage::Launched),
            ("ba_an_toan", Stage::Launched),
        ],
    },
    Province {
        name: "Hội LHPN tỉnh Hưng Yên",
        members: 276_200,
        women: 440_000,
        cadres: 8_200,
        trained: 7_010,
        it_sessions: 44,
        it_attendances: 4_980,
        models: &[],
    },
    Province {
        name: "Hội LHPN tỉnh Nam Định",
        members: 389_600,
        women: 640_000,
        cadres: 11_700,
        trained: 9_400,
        it_sessions: 57,
        it_attendances: 6_200,
        models: &[],
    },
    Province {
        name: "Hội LHPN tỉnh Vĩnh Phúc",
        members: 243_100,
        women: 410_000,
        cadres: 7_900,
        trained: 6_300,
        it_sessions: 39,
        it_attendances: 4_450,
        models: &[],
    },
];

fn values(p: &Province) -> BTreeMap<String, Value> {
    let mut v = BTreeMap::new();
    let mut put = |code: &str, value: Value| {
        v.insert(code.to_owned(), value);
    };
    put("members.end", Value::count(p.members));
    put("attraction.all", Value::ratio(p.members, p.women));
    put("cadres.end", Value::count(p.cadres));
    put(
        "cadres.trained.digital_transformation",
        Value::ratio(p.trained, p.cadres),
    );
    put(
        "trainings.held",
        Value::count(p.it_sessions + p.it_sessions / 3),
    );
    put(
        "trainings.attendances",
        Value::count(p.it_attendances + p.it_attendances / 4),
    );
    put("trainings.held.it_use", Value::count(p.it_sessions));
    put(
        "trainings.attendances.it_use",
        Value::count(p.it_attendances),
    );
    let launched = p
        .models
        .iter()
        .filter(|(_, s)| *s == Stage::Launched)
        .count() as u64;
    put("models.launched", Value::count(launched));
    put("meetings.held", Value::count(p.members / 25));
    put(
        "meetings.attendance",
        Value::ratio(p.members / 25 * 28, p.members / 25),
    );
    put("fees.paid", Value::ratio(p.members * 9 / 10, p.members));
    // The year's grading: about one chapter to 300 members and six groups
    // to a chapter, more of them strong where more cadres were trained.
    let chapters = p.members / 300;
    let trained = p.trained * 100 / p.cadres.max(1);
    for (level, units, lower) in [("chapters", chapters, 0), ("groups", chapters * 6, 5)] {
        let strong = units * (trained - 20 - lower) / 100;
        let weak = units / 100;
        let good = (units - strong - weak) * 3 / 4;
        let fair = units - strong - weak - good;
        for (grade, count) in GRADE_CODES.iter().zip([strong, good, fair, weak]) {
            put(
                &format!("grading.{level}.{grade}"),
                Value::ratio(count, units),
            );
        }
    }
    put("grading.model", Value::ratio(chapters * 2 / 5, chapters));
    put(
        "grading.model_outstanding",
        Value::ratio(chapters / 5, chapters),
    );
    v
}

/// The sample cluster's book and device state, stamped at `now_ms`.
pub fn sample_cluster(now_ms: u64, _today: Date) -> (Book, DeviceState) {
    let mut clock = Clock::new(DeviceId::from_random(*b"\xde\x30\x00\x00\x00\x00\x00\x02"));
    let mut book = Book::default();
    let period = Period::Year(REVIEW_YEAR);
    let unit =
        |book: &mut Book, clock: &mut Clock, name: &str, kind: &str, parent: Option<&RecordId>| {
            let record = Record::create(clock.tick(now_ms), Unit::new(name, kind, parent.cloned()));
            let id = record.id.clone();
            book.units.put(record);
            id
        };
    let cluster = unit(
        &mut book,
        &mut clock,
        "Cụm thi đua các tỉnh Đồng bằng sông Hồng",
        "Cụm thi đua",
        None,
    );
    let report = |book: &mut Book, clock: &mut Clock, report: UnitReport| {
        if let Some(id) = UnitReport::id(&report.unit, period) {
            book.reports.put(Record {
                id,
                ..Record::create(clock.tick(now_ms), report)
            });
        }
    };
    for p in &PROVINCES {
        let id = unit(
            &mut book,
            &mut clock,
            p.name,
            "Hội LHPN tỉnh",
            Some(&cluster),
        );
        let models = p
            .models
            .iter()
            .map(|(code, stage)| ModelSummary {
                unit: id.clone(),
                kind: ModelKind::Catalogue((*code).into()),
                stage: Some(*stage),
                participants: 40 + p.members % 97,
            })
            .collect();
        let trainings = (0..3)
            .map(|n| TrainingSummary {
                unit: id.clone(),
                start: Date::new(REVIEW_YEAR, 3 + 3 * n as u8, 10)
                    .expect("a day of the review year"),
                topics: vec!["it_use".into(), "digital_transformation".into()],
                attendance: p.it_attendances / 20,
            })
            .collect();
        if p.name.ends_with("Ninh Bình") {
            // One commune in detail below Ninh Bình: its chapters' reports add up to its own.
            let commune = unit(
                &mut book,
                &mut clock,
                "Hội LHPN xã An Bình",
                "Hội LHPN cấp xã",
                Some(&id),
            );
            let east = unit(
                &mut book,
                &mut clock,
                "Chi hội Thôn Đông",
                "Chi hội",
                Some(&commune),
            );
            report(&mut book, &mut clock, sample_chapter_report(east, now_ms));
            for (name, members, women) in
                [("Chi hội Thôn Tây", 96, 131), ("Chi hội Thôn Bắc", 88, 120)]
            {
                let chapter = unit(&mut book, &mut clock, name, "Chi hội", Some(&commune));
                let mut v = BTreeMap::new();
                v.insert("members.end".to_owned(), Value::count(members));
                v.insert("attraction.all".to_owned(), Value::ratio(members, women));
                report(
                    &mut book,
                    &mut clock,
                    UnitReport {
                        unit: chapter,
                        period,
                        values: v,
                        models: vec![],
                        trainings: vec![],
                    },
                );
            }
        }
        report(
            &mut book,
            &mut clock,
            UnitReport {
                unit: id,
                period,
                values: values(p),
                models,
                trainings,
            },
        );
    }
    add_campaign(&mut book, &mut clock, &cluster, now_ms);
    let device = DeviceState {
        clock,
        home: Some(cluster),
        last_backup_ms: None,
        reminder_snoozed_until_ms: None,
    };
    (book, device)
}

/// Thôn Đông's report for the review year in full detail: the sample chapter
/// (its register and a year of work) as it would have stood at the end of
/// 2023, reported by the same code a chapter uses, filed under `unit`.
fn sample_chapter_report(unit: RecordId, now_ms: u64) -> UnitReport {
    let year_end = Date::new(REVIEW_YEAR, 12, 31).expect("the last day of the review year");
    let (chapter, device) = super::demo::sample_chapter(now_ms, year_end);
    let home = device.home.expect("the sample chapter has its unit");
    let mut report =
        crate::domain::figures::roll_up::chapter_report(&chapter, &home, Period::Year(REVIEW_YEAR))
            .sendable();
    report.unit = unit.clone();
    for m in &mut report.models {
        m.unit = unit.clone();
    }
    for t in &mut report.trainings {
        t.unit = unit.clone();
    }
    report
}

/// The cluster's own campaign for the year, and the points each province
/// gave itself on the criterion scored by hand (illustrative).
fn add_campaign(book: &mut Book, clock: &mut Clock, cluster: &RecordId, now_ms: u64) {
    let criterion =
        |key: &str, label: &str, points: u32, indicator: Option<&str>, target: u64| Criterion {
            key: key.into(),
            label: label.into(),
            points,
            indicator: indicator.map(str::to_owned),
            target,
        };
    let campaign = Campaign {
        office: cluster.clone(),
        name: "Thi đua xây dựng cơ sở Hội vững mạnh".into(),
        period: Period::Year(REVIEW_YEAR),
        criteria: vec![
            criterion(
                "c1",
                "Cán bộ được tập huấn ứng dụng công nghệ thông tin",
                30,
                Some("trainings.attendances.it_use"),
                10_000,
            ),
            criterion(
                "c2",
                "Cán bộ được tập huấn chuyển đổi số",
                30,
                Some("cadres.trained.digital_transformation"),
                100,
            ),
            criterion("c3", "Mô hình mới ra mắt", 20, Some("models.launched"), 2),
            criterion("c4", "Sáng kiến, cách làm hay", 20, None, 0),
        ],
        grades: Campaign::default_grades(),
        grading: false,
    };
    let record = Record::create(clock.tick(now_ms), campaign);
    let provinces: Vec<(RecordId, String)> =
        crate::domain::records::unit::children(&book.units, cluster)
            .filter_map(|id| {
                book.units
                    .get(id)
                    .map(|u| (id.clone(), u.data.name.clone()))
            })
            .collect();
    for (unit, name) in provinces {
        // Thái Bình's special campaign earned it full points here.
        let given = match () {
            _ if name.ends_with("Thái Bình") => 200,
            _ if name.ends_with("Ninh Bình") || name.ends_with("Bắc Ninh") => 180,
            _ if name.ends_with("Hải Dương") => 160,
            _ => 140,
        };
        let scores = Scores {
            points: [("c4".to_owned(), given)].into_iter().collect(),
            ..Scores::of(&record.id, &unit, None)
        };
        if let Some(id) = Scores::id(&record.id, &unit) {
            book.scores.put(Record {
                id,
                ..Record::create(clock.tick(now_ms), scores)
            });
        }
    }
    book.campaigns.put(record);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::figures::compare::Comparison;
    use crate::domain::kernel::kind::RecordData;

    #[test]
    fn the_cluster_shows_the_articles_figures() {
        let today = Date::new(2026, 11, 29).unwrap();
        let (book, device) = sample_cluster(1, today);
        let home = device.home.unwrap();
        for record in book.reports.all() {
            assert_eq!(RecordData::problems(&record.data, today), vec![]);
        }
        let columns: Vec<String> = [
            "trainings.held.it_use",
            "trainings.attendances.it_use",
            "cadres.trained.digital_transformation",
        ]
        .iter()
        .map(|c| (*c).to_owned())
        .collect();
        let mut comparison =
            Comparison::build(&book, &home, &home, Period::Year(REVIEW_YEAR), 1, &columns);
        assert!(comparison.missing().is_empty());
        comparison.sort_by(0);
        let first = &comparison.rows[0];
        assert_eq!(first.name, "Hội LHPN tỉnh Bắc Ninh");
        assert_eq!(
            first.values.as_ref().unwrap()[..2],
            [Value::count(124), Value::count(18_230)]
        );
        let ranks = comparison.sort_by(2);
        let fully_trained: Vec<&str> = comparison
            .rows
            .iter()
            .zip(&ranks)
            .filter(|(_, rank)| **rank == Some(1))
            .map(|(row, _)| row.name.as_str())
            .collect();
        assert_eq!(
            fully_trained,
            ["Hội LHPN tỉnh Hà Nam", "Hội LHPN tỉnh Quảng Ninh"],
            "100% of cadres trained"
        );
        let campaign = book.campaigns.live().next().unwrap();
        let table = crate::domain::figures::compare::campaign_table(&book, &home, campaign);
        assert_eq!(table.len(), 9);
        assert_eq!(table[0].name, "Hội LHPN tỉnh Bắc Ninh");
        assert_eq!(
            table[0].standing.as_ref().unwrap().grade.as_deref(),
            Some("Vững mạnh")
        );
        // The commune below Ninh Bình: Thôn Đông in full, as the sample
        // chapter's own dashboard would show it for 2023.
        let commune = book
            .units
            .live()
            .find(|u| u.data.name == "Hội LHPN xã An Bình")
            .unwrap();
        let chapter_columns: Vec<String> = ["members.end", "trainings.held", "models.launched"]
            .iter()
            .map(|c| (*c).to_owned())
            .collect();
        let below = Comparison::build(
            &book,
            &home,
            &commune.id,
            Period::Year(REVIEW_YEAR),
            1,
            &chapter_columns,
        );
        let (sample, sample_device) = crate::domain::samples::demo::sample_chapter(
            1,
            Date::new(REVIEW_YEAR, 12, 31).unwrap(),
        );
        let own = crate::domain::figures::roll_up::chapter_report(
            &sample,
            sample_device.home.as_ref().unwrap(),
            Period::Year(REVIEW_YEAR),
        );
        let east = below
            .rows
            .iter()
            .find(|r| r.name == "Chi hội Thôn Đông")
            .unwrap();
        let east_values = east.values.clone().unwrap();
        assert_eq!(
            east_values,
            chapter_columns
                .iter()
                .map(|c| own.values[c])
                .collect::<Vec<_>>()
        );
        assert!(east_values[1].num > 0, "a year of training sessions");
        assert_eq!(
            below.total[0],
            Value::count(east_values[0].num + 96 + 88),
            "the commune adds up its chapters"
        );
        for (province, model) in [
            ("Bắc Ninh", "1+1"),
            ("Ninh Bình", "Chi hội kiểu mẫu"),
            ("Hải Dương", "Chi hội phụ nữ trên không gian mạng"),
        ] {
            let held = book
                .reports
                .live()
                .find(|r| {
                    book.units
                        .get(&r.data.unit)
                        .is_some_and(|u| u.data.name.ends_with(province))
                })
                .unwrap();
            assert!(
                held.data.models.iter().any(|m| m.kind.name() == model),
                "{province}: {model}"
            );
        }
    }
}
