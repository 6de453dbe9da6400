//! The sample chapter behind "Xem dữ liệu mẫu", also the fixture of the
//! tests: an invented chapter of 120 members with a year of work, made by code
//! so that it always passes the same rules as real data. Every name and number
//! in it is illustrative. Its work lies in the year of `today`, spread from
//! 1 January to `today`, so the sample is current whenever it is opened.

use crate::domain::book::collections::{Book, DeviceState};
use crate::domain::kernel::date::{BirthDate, Date};
use crate::domain::kernel::ethnicity::Ethnicity;
use crate::domain::kernel::period::Period;
use crate::domain::kernel::record::{Record, RecordId};
use crate::domain::kernel::stamp::{Clock, DeviceId, Stamp};
use crate::domain::records::activity::{Activity, ActivityKind};
use crate::domain::records::baseline::{Denominators, Target};
use crate::domain::records::cadre::{Role, RoleKind, WomenGroup};
use crate::domain::records::campaign::{sample_sheet, tenths, Campaign, Scores};
use crate::domain::records::fee::{FeePayment, FeeRate};
use crate::domain::records::grade::{Decision, ModelChapter};
use crate::domain::records::member::{Member, Religion, Status};
use crate::domain::records::merit::{set_met, set_pledged, Honour, Quality, Recognition};
use crate::domain::records::model::{Model, ModelKind, ModelSession, Stage};
use crate::domain::records::training::{Level, Topic, Training};
use crate::domain::records::unit::{OnlineGroup, UnitSetup};
use std::collections::BTreeMap;

const FAMILY: [&str; 14] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý",
    "Đinh", "Mai",
];
const MIDDLE: [&str; 8] = [
    "Thị",
    "Thị Thu",
    "Thị Minh",
    "Thị Ngọc",
    "Thị Thanh",
    "Thị Hồng",
    "Thị Kim",
    "Thị Bích",
];
const GIVEN: [&str; 40] = [
    "Hoa", "Lan", "Mai", "Hương", "Hằng", "Thảo", "Nga", "Hạnh", "Dung", "Yến", "Trang", "Phương",
    "Loan", "Huyền", "Nhung", "Thủy", "Liên", "Hà", "Ánh", "Vân", "Quyên", "Oanh", "Tuyết", "Hiền",
    "Linh", "Ngân", "Bích", "Xuân", "Cúc", "Đào", "Huệ", "Lụa", "Nhàn", "Tâm", "Thơm", "Sen",
    "Gấm", "Chi", "Duyên", "Hảo",
];

/// How many members the sample chapter has.
pub const MEMBERS: usize = 120;

/// A small deterministic generator, so the sample is the same on every device.
struct Dice(u64);

impl Dice {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next(items.len() as u64) as usize]
    }
}

/// Days of the year so far, as dates: `at(0.0)` is 1 January, `at(1.0)` is today.
struct Year {
    start: i64,
    days: i64,
}

impl Year {
    fn of(today: Date) -> Year {
        let start = Date::new(today.year(), 1, 1)
            .unwrap_or(today)
            .days_since_epoch();
        Year {
            start,
            days: today.days_since_epoch() - start,
        }
    }

    /// The day a fraction `f` (0 to 1) of the way through the year so far.
    fn at(&self, f: f64) -> Date {
        Date::from_days_since_epoch(self.start + (self.days as f64 * f) as i64)
            .expect("a day of this year")
    }
}

/// The `i`th of `count` members' card, core membership and part in the
/// members' campaign: a card for all but the newest and one in twelve
/// (given three months after she joined), one in nine a core member; nine in
/// ten registered this year and last, last year reviewed (one in four
/// missing a criterion), this year's review begun for a third of them; two
/// held up as examples this year and one commended.
fn merit(m: &mut Member, i: usize, count: usize, year: &Year, today: Date) {
    if i < count - 8 && i % 12 != 5 {
        m.card = format!("{:06}", 210_000 + i * 7);
        m.card_on = m.joined_on.map(|d| ago(d, -90).min(today));
    }
    m.core = i.is_multiple_of(9);
    if i % 10 != 3 {
        for y in [today.year() - 1, today.year()] {
            set_pledged(&mut m.pledges, y, true);
        }
        let last = today.year() - 1;
        for quality in Quality::ALL {
            let missed = i % 4 == 1 && quality == Quality::ALL[i % 3];
            set_met(&mut m.pledges, last, quality, !missed);
        }
        if i.is_multiple_of(3) {
            for quality in Quality::ALL {
                set_met(
                    &mut m.pledges,
                    today.year(),
                    quality,
                    i.is_multiple_of(6) || quality != Quality::Health,
                );
            }
        }
    }
    let given = |kind, f, by: &str, reason: &str| Recognition {
        on: year.at(f),
        kind,
        by: by.into(),
        reason: reason.into(),
    };
    match i {
        5 => m.recognitions.push(given(
            Honour::Exemplary,
            0.2,
            "Hội LHPN xã",
            "Tiêu biểu trong phát triển kinh tế gia đình",
        )),
        12 => m.recognitions.push(given(
            Honour::Exemplary,
            0.6,
            "Hội LHPN xã",
            "Gương phụ nữ vượt khó",
        )),
        21 => m.recognitions.push(given(
            Honour::Commended,
            0.5,
            "UBND xã",
            "Thành tích xuất sắc trong cuộc vận động hội viên",
        )),
        _ => {}
    }
}

fn ago(today: Date, days: i64) -> Date {
    Date::from_days_since_epoch(today.days_since_epoch() - days).unwrap_or(today)
}

/// The sample chapter's book and device state, stamped at `now_ms`.
pub fn sample_chapter(now_ms: u64, today: Date) -> (Book, DeviceState) {
    let shape = Shape {
        chapter: "Chi hội Thôn Đông",
        commune: "Hội LHPN xã An Bình",
        province: "Hội LHPN tỉnh Ninh Bình",
        device: 1,
        members: MEMBERS,
    };
    chapter(&shape, now_ms, today)
}

/// What tells one made-up chapter from another: its name and the names above
/// it, its device, and how many members it has.
pub struct Shape<'a> {
    pub chapter: &'a str,
    pub commune: &'a str,
    pub province: &'a str,
    /// The last bytes of its device id, so that chapters made apart do not
    /// share ids.
    pub device: u32,
    /// At least [`MEMBERS`]: the year's work names members up to the 120th.
    pub members: usize,
}

/// A chapter like the sample one, of any size from [`MEMBERS`] up: the
/// benchmarks' registers and the scale tests' senders of report files.
pub fn chapter(shape: &Shape, now_ms: u64, today: Date) -> (Book, DeviceState) {
    let mut id = *b"\xde\x30\x00\x00\x00\x00\x00\x00";
    id[4..].copy_from_slice(&shape.device.to_be_bytes());
    let mut clock = Clock::new(DeviceId::from_random(id));
    let mut stamp = || clock.tick(now_ms);
    let year = Year::of(today);
    let mut book = Book::default();
    let count = shape.members.max(MEMBERS);

    let setup = UnitSetup {
        name: shape.chapter.into(),
        kind: "Chi hội".into(),
        above: vec![
            (shape.commune.into(), "Hội LHPN cấp xã".into()),
            (shape.province.into(), "Hội LHPN cấp tỉnh".into()),
        ],
    };
    let mut units = setup.build(&mut stamp);
    let home = units.last().map(|u| u.id.clone());
    if let Some(chapter) = units.last_mut() {
        chapter.data.online_group = Some(OnlineGroup {
            platform: "Zalo".into(),
            since: ago(today, 1500),
        });
    }
    book.units = units.into_iter().collect();

    let groups: Vec<Record<WomenGroup>> = (1..=4)
        .map(|n| {
            Record::create(
                stamp(),
                WomenGroup {
                    name: format!("Tổ phụ nữ số {n}"),
                },
            )
        })
        .collect();

    let mut dice = Dice(2023);
    let mut members: Vec<Record<Member>> = Vec::with_capacity(count);
    for i in 0..count {
        let mut m = Member::named(
            dice.pick(&FAMILY),
            dice.pick(&MIDDLE),
            GIVEN[i % GIVEN.len()],
        );
        let born = today.year().saturating_sub(20 + dice.next(55) as u16);
        m.birth = Some(match dice.next(3) {
            0 => BirthDate::Year(born),
            _ => BirthDate::Day(
                Date::new(born, 1 + dice.next(12) as u8, 1 + dice.next(28) as u8).unwrap_or(today),
            ),
        });
        m.phone = format!("09{:08}", dice.next(100_000_000));
        m.address = format!("Xóm {}, thôn Đông", 1 + i % 4);
        m.group = Some(groups[i % 4].id.clone());
        // The last eight joined this year; the others over the past years.
        m.joined_on = Some(if i >= count - 8 {
            year.at((i - (count - 8)) as f64 / 8.0)
        } else {
            Date::new(born + 18 + dice.next(5) as u16, 3, 8)
                .filter(|d| *d < year.at(0.0))
                .unwrap_or_else(|| ago(year.at(0.0), 400))
        });
        m.ethnicity = Ethnicity::from_code(match i % 8 {
            0 => 6,
            3 if i % 3 == 0 => 2,
            _ => 1,
        });
        m.religion = match i % 6 {
            1 => Religion::Catholicism,
            4 if i % 4 == 0 => Religion::Buddhism,
            _ => Religion::None,
        };
        m.worker = i % 5 == 2;
        m.rented_room = m.worker && i % 2 == 0;
        m.honorary = i % 40 == 39;
        merit(&mut m, i, count, &year, today);
        members.push(Record::create(stamp(), m));
    }
    // Four left this year; one of them came back.
    let left = [
        (10, Status::Moved),
        (20, Status::Removed),
        (30, Status::Deceased),
        (40, Status::Moved),
    ];
    for (n, (i, status)) in left.into_iter().enumerate() {
        members[i]
            .data
            .set_status(status, year.at(0.2 + 0.15 * n as f64));
    }
    members[40].data.set_status(Status::Active, year.at(0.9));
    // One left last year.
    members[50]
        .data
        .set_status(Status::Moved, ago(year.at(0.0), 60));
    let member_ids: Vec<RecordId> = members.iter().map(|m| m.id.clone()).collect();
    book.members = members.into_iter().collect();
    book.groups = groups.into_iter().collect();

    // Ten cadres; one group leader handed over mid-year.
    let mut roles = vec![
        (0, RoleKind::Leader, ago(today, 1200), None),
        (1, RoleKind::Deputy, ago(today, 1200), None),
        (2, RoleKind::Deputy, ago(today, 800), None),
        (3, RoleKind::GroupLeader, ago(today, 900), None),
        (4, RoleKind::GroupLeader, ago(today, 900), None),
        (
            5,
            RoleKind::GroupLeader,
            ago(today, 900),
            Some(year.at(0.5)),
        ),
        (6, RoleKind::GroupLeader, ago(today, 700), None),
        (7, RoleKind::Committee, ago(today, 1200), None),
        (8, RoleKind::Committee, ago(today, 1200), None),
        (9, RoleKind::Committee, ago(today, 600), None),
    ];
    roles.push((11, RoleKind::GroupLeader, year.at(0.5), None));
    book.roles = roles
        .into_iter()
        .map(|(i, role, start, end)| {
            let member = member_ids[i].clone();
            Record::create(
                stamp(),
                Role {
                    member,
                    role,
                    start,
                    end,
                },
            )
        })
        .collect();

    let cadres: Vec<RecordId> = [0, 1, 2, 3, 4, 6, 7, 8, 9, 11]
        .iter()
        .map(|i| member_ids[*i].clone())
        .collect();
    let some = |from: usize, n: usize| member_ids[from..from + n].to_vec();
    let trainings = [
        (
            0.05,
            "Chuyển đổi số trong sinh hoạt chi hội",
            vec![Topic::DigitalTransformation, Topic::ItUse],
            Level::Commune,
            cadres[..6].to_vec(),
            12,
        ),
        (
            0.25,
            "Dùng mạng xã hội an toàn",
            vec![Topic::SafeSocialMedia],
            Level::Province,
            some(20, 15),
            30,
        ),
        (
            0.4,
            "Phòng cháy chữa cháy cho nhà trọ",
            vec![Topic::FireSafety],
            Level::Chapter,
            some(40, 25),
            8,
        ),
        (
            0.55,
            "Chuyển đổi số (lớp bổ sung)",
            vec![Topic::DigitalTransformation],
            Level::Commune,
            cadres[6..].to_vec(),
            5,
        ),
        (
            0.7,
            "Kỹ năng tổ chức sinh hoạt chi hội",
            vec![Topic::MeetingSkills],
            Level::Commune,
            cadres[..8].to_vec(),
            0,
        ),
        (
            0.85,
            "Pháp luật về hôn nhân và gia đình",
            vec![
                Topic::Law,
                Topic::Other("Phòng chống bạo lực gia đình".into()),
            ],
            Level::Chapter,
            some(60, 30),
            4,
        ),
    ];
    book.trainings = trainings
        .into_iter()
        .map(|(f, title, topics, level, attendees, extra)| {
            let training = Training {
                start: year.at(f),
                end: None,
                title: title.into(),
                topics,
                level,
                attendees,
                extra_attendees: extra,
            };
            Record::create(stamp(), training)
        })
        .collect();

    let model = |kind: ModelKind,
                 target: &str,
                 stages: &[(Stage, Date)],
                 participants: Vec<RecordId>,
                 extra: u32,
                 sessions: usize| {
        let mut m = Model {
            kind,
            target_group: target.into(),
            stages: Vec::new(),
            participants,
            extra_participants: extra,
            sessions: Vec::new(),
        };
        for (stage, on) in stages {
            m.set_stage(*stage, *on);
        }
        m.sessions = (0..sessions)
            .map(|n| ModelSession {
                on: year.at((n as f64 + 1.0) / (sessions as f64 + 1.0)),
                attendance: 15 + n as u32,
                note: String::new(),
            })
            .collect();
        m
    };
    let catalogue = |code: &str| ModelKind::Catalogue(code.into());
    let models = [
        model(
            catalogue("chi_hoi_kieu_mau"),
            "toàn chi hội",
            &[
                (Stage::Planned, ago(year.at(0.0), 30)),
                (Stage::Launched, year.at(0.2)),
                (Stage::Regular, year.at(0.5)),
            ],
            some(0, 40),
            0,
            6,
        ),
        model(
            catalogue("mot_cong_mot"),
            "hội viên mới",
            &[
                (Stage::Pilot, ago(today, 500)),
                (Stage::Launched, ago(today, 400)),
                (Stage::Regular, ago(today, 300)),
            ],
            some(100, 16),
            0,
            4,
        ),
        model(
            catalogue("to_cong_nhan_nha_tro"),
            "phụ nữ công nhân ở trọ",
            &[
                (Stage::Planned, year.at(0.3)),
                (Stage::Launched, year.at(0.6)),
            ],
            some(2, 10),
            14,
            3,
        ),
        model(
            ModelKind::Own("Câu lạc bộ dân vũ".into()),
            "phụ nữ trung niên",
            &[
                (Stage::Launched, ago(today, 900)),
                (Stage::Stopped, year.at(0.4)),
            ],
            some(50, 20),
            0,
            1,
        ),
    ];
    book.models = models
        .into_iter()
        .map(|m| Record::create(stamp(), m))
        .collect();

    // A meeting of the whole chapter each month, with its minutes: the
    // roll call, who chaired and who wrote, what was decided.
    let mut activities = Vec::new();
    let months = 1 + today.month() as usize - 1;
    let monthly = |n: usize| year.at((n as f64 + 0.5) / months as f64);
    let (chair, secretary) = (member_ids[0].clone(), member_ids[7].clone());
    for n in 0..months {
        let mut attendees = some(n * 3, 60 + n);
        for officer in [&chair, &secretary] {
            if !attendees.contains(officer) {
                attendees.push(officer.clone());
            }
        }
        let present = attendees.len();
        activities.push(Activity {
            attendees,
            excused: some(n * 3 + 60 + n, 4),
            time: "19:30".into(),
            place: "Nhà văn hóa thôn Đông".into(),
            chair: Some(chair.clone()),
            secretary: Some(secretary.clone()),
            content: format!(
                "Sinh hoạt tháng {}: thông tin thời sự, kết quả công việc tháng\nBàn kế hoạch tháng tới",
                n + 1
            ),
            decisions: format!("Thống nhất {present}/{present} hội viên có mặt thông qua kế hoạch tháng tới"),
            next_on: (n + 1 < months).then(|| monthly(n + 1)),
            ..Activity::on_day(monthly(n), ActivityKind::Regular)
        });
    }
    // Each group meets once a quarter, with its roll call. A group of the
    // scale tests' registers (thousands of members in four groups, where a
    // real group has twenty to sixty) records a head count instead.
    let quarters = (today.month() as usize).div_ceil(3);
    let roll_called = count / 4 <= 60;
    for (g, group) in book.groups.all().enumerate() {
        for q in 0..quarters {
            let on = year.at(((q * 3) as f64 + 1.0 + g as f64 * 0.3) / (today.month() as f64));
            let mut meeting = Activity {
                group: Some(group.id.clone()),
                place: format!("Nhà tổ trưởng, xóm {}", g + 1),
                content: "Sinh hoạt tổ: phổ biến kiến thức, thăm hỏi hội viên".into(),
                ..Activity::on_day(on, ActivityKind::Regular)
            };
            for (i, member) in member_ids.iter().enumerate().filter(|(i, _)| i % 4 == g) {
                match (i + q) % 9 {
                    _ if !roll_called => meeting.head_count += 1,
                    0 => meeting.excused.push(member.clone()),
                    1 => {}
                    _ => meeting.attendees.push(member.clone()),
                }
            }
            activities.push(meeting);
        }
    }
    for (f, kind, head_count, content) in [
        (0.18, ActivityKind::Themed, 70, "Chuyên đề: nuôi con khỏe"),
        (
            0.62,
            ActivityKind::Themed,
            64,
            "Chuyên đề: an toàn thực phẩm",
        ),
        (0.3, ActivityKind::SocialMedia, 0, "Đăng tin trên nhóm Zalo"),
        (
            0.5,
            ActivityKind::SocialMedia,
            0,
            "Chia sẻ cách nhận biết lừa đảo qua mạng",
        ),
        (
            0.8,
            ActivityKind::SocialMedia,
            0,
            "Giới thiệu mô hình Chi hội kiểu mẫu",
        ),
        (0.45, ActivityKind::Visit, 6, "Thăm hội viên ốm"),
        (0.75, ActivityKind::Visit, 4, "Hỗ trợ gia đình khó khăn"),
    ] {
        activities.push(Activity {
            head_count,
            content: content.into(),
            ..Activity::on_day(year.at(f), kind)
        });
    }
    book.activities = activities
        .into_iter()
        .map(|a| Record::create(stamp(), a))
        .collect();

    let fee = 12_000;
    book.fee_rates.put(Record {
        id: FeeRate::id(today.year()),
        ..Record::create(
            stamp(),
            FeeRate {
                year: today.year(),
                amount: fee,
            },
        )
    });
    for (i, member) in member_ids.iter().enumerate().filter(|(i, _)| i % 4 != 3) {
        let payment = FeePayment {
            member: member.clone(),
            year: today.year(),
            paid_on: year.at((i % 10) as f64 / 10.0),
            amount: fee,
        };
        if let Some(id) = FeePayment::id(member, today.year()) {
            book.fees.put(Record {
                id,
                ..Record::create(stamp(), payment)
            });
        }
    }

    let mut women = Denominators {
        year: today.year(),
        women_18: 150,
        minority_women: 22,
        religious_women: BTreeMap::new(),
    };
    women.religious_women.insert("catholicism".into(), 24);
    women.religious_women.insert("buddhism".into(), 12);
    book.denominators.put(Record {
        id: Denominators::id(today.year()),
        ..Record::create(stamp(), women)
    });
    for (indicator, value) in [
        ("members.end", 120),
        ("attraction.all", 80),
        ("trainings.held", 6),
    ] {
        let target = Target {
            year: today.year(),
            indicator: indicator.into(),
            value,
            set_by: None,
            for_unit: None,
        };
        if let Some(id) = Target::id(today.year(), indicator) {
            book.targets.put(Record {
                id,
                ..Record::create(stamp(), target)
            });
        }
    }

    let commune = home
        .as_ref()
        .and_then(|h| book.units.get(h))
        .and_then(|u| u.data.parent.clone());
    if let (Some(home), Some(commune)) = (&home, commune) {
        grading(&mut book, &mut stamp, home, &commune, today);
    }

    let device = DeviceState {
        clock,
        home,
        last_backup_ms: None,
        reminder_snoozed_until_ms: None,
    };
    (book, device)
}

/// The commune's year-end grading, as its plan brought it (the sample
/// sheet), and the chapter's self-assessment on the criteria scored by
/// hand, for itself and for each of its groups, with the evidence, and the
/// grade it gave each group.
fn grading(
    book: &mut Book,
    stamp: &mut impl FnMut() -> Stamp,
    home: &RecordId,
    commune: &RecordId,
    today: Date,
) {
    let (name, criteria) = sample_sheet(today.year());
    let sheet = Campaign {
        grading: true,
        ..Campaign::written(
            commune.clone(),
            &name,
            Period::Year(today.year()),
            &criteria,
        )
    };
    let campaign = Record::create(stamp(), sheet);
    let by_hand: Vec<String> = campaign
        .data
        .criteria
        .iter()
        .filter(|c| c.indicator.is_none())
        .map(|c| c.key.clone())
        .collect();
    let evidence = [
        "Báo cáo tổng kết năm của chi hội",
        "Sổ theo dõi hộ hội viên",
    ];
    let marks = |group: Option<&RecordId>, given: [u32; 2]| Scores {
        decision: group.map(|_| Decision {
            grade: if given[0] >= 9 { "Khá" } else { "Trung bình" }.into(),
            model: ModelChapter::No,
            on: today,
        }),
        points: by_hand.iter().cloned().zip(given.map(tenths)).collect(),
        notes: by_hand
            .iter()
            .cloned()
            .zip(evidence.map(str::to_owned))
            .collect(),
        ..Scores::of(&campaign.id, home, group)
    };
    let mut put = |id: Option<RecordId>, scores: Scores| {
        if let Some(id) = id {
            book.scores.put(Record {
                id,
                ..Record::create(stamp(), scores)
            });
        }
    };
    put(Scores::id(&campaign.id, home), marks(None, [9, 8]));
    let groups: Vec<RecordId> = book.groups.all().map(|g| g.id.clone()).collect();
    for (group, given) in groups.iter().zip([[10, 9], [8, 7], [9, 9], [6, 5]]) {
        put(
            Scores::group_id(&campaign.id, home, group),
            marks(Some(group), given),
        );
    }
    book.campaigns.put(campaign);
}

/// The commune of the benchmarks and the browser measurements, as its office
/// meets its chapters: the office set up on a phone of its own, and chapters
/// numbered from 1,000 under it, each with its year's report file.
pub mod commune {
    use super::{chapter, Shape};
    use crate::domain::book::collections::{Book, DeviceState};
    use crate::domain::exchange::report_file::write_report;
    use crate::domain::file::envelope::OutFile;
    use crate::domain::kernel::date::Date;
    use crate::domain::kernel::period::Period;
    use crate::domain::kernel::stamp::DeviceId;
    use crate::domain::records::unit::UnitSetup;

    pub const NAME: &str = "Hội LHPN xã An Bình";
    const PROVINCE: &str = "Hội LHPN tỉnh Ninh Bình";

    /// Chapter `n` of the commune, with `members` members and the sample's work.
    pub fn member_chapter(n: u32, members: usize, now_ms: u64, today: Date) -> (Book, DeviceState) {
        let name = format!("Chi hội số {n}");
        let shape = Shape {
            chapter: &name,
            commune: NAME,
            province: PROVINCE,
            device: n,
            members,
        };
        chapter(&shape, now_ms, today)
    }

    /// The commune's office set up on its own phone, before any report arrives.
    pub fn office(now_ms: u64) -> (Book, DeviceState) {
        let mut device = DeviceState::new(DeviceId::from_random([0x0f; 8]));
        let setup = UnitSetup {
            name: NAME.into(),
            kind: "Hội LHPN cấp xã".into(),
            above: vec![(PROVINCE.into(), "Hội LHPN cấp tỉnh".into())],
        };
        (device.set_up(&setup, now_ms), device)
    }

    /// This year's report files of `count` chapters of 120 members.
    pub fn report_files(count: u32, now_ms: u64, today: Date) -> Vec<OutFile> {
        (0..count)
            .map(|n| {
                let (book, mut device) = member_chapter(1_000 + n, 120, now_ms, today);
                let stamp = device.clock.tick(now_ms + 1);
                let year = [Period::Year(today.year())];
                write_report(&book, &device, &year, 0, &stamp, now_ms, today)
                    .expect("a set-up chapter")
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kernel::kind::RecordData;

    #[test]
    fn the_sample_is_valid_and_stable() {
        let today = Date::new(2026, 11, 29).unwrap();
        let (book, device) = sample_chapter(1_764_375_945_123, today);
        assert_eq!(book.members.len(), MEMBERS);
        for member in book.members.all() {
            assert_eq!(
                RecordData::problems(&member.data, today),
                vec![],
                "{}",
                member.data.full_name()
            );
        }
        for record in book.trainings.all() {
            assert_eq!(record.data.problems(today), vec![]);
        }
        for record in book.models.all() {
            assert_eq!(record.data.problems(today), vec![]);
        }
        for record in book.targets.all() {
            assert_eq!(record.data.problems(), vec![]);
        }
        assert_eq!(book.unit_name(device.home.as_ref()), "Chi hội Thôn Đông");
        assert_eq!(book.unit_chain(device.home.as_ref()).len(), 3);
        assert_eq!(sample_chapter(1_764_375_945_123, today).0, book);
    }
}
