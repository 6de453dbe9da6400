//! The minutes of a meeting (biên bản sinh hoạt) as the Union's paper
//! minutes read: the unit above and the chapter on the left, the national
//! motto on the right, the title, time and place, chair and secretary, the
//! roll call's counts and who was away, what was said and decided, the fees
//! collected, the next meeting, and the two signatures. One text for the
//! printed A4 page and the file she shares, in Vietnamese whatever the
//! interface's language, like the other papers.

use crate::domain::book::collections::Book;
use crate::domain::book::meetings::{expected_at, fees_collected, roll_call, RollCall};
use crate::domain::book::register::sort_by_name;
use crate::domain::figures::report::thousands;
use crate::domain::kernel::date::Date;
use crate::domain::kernel::name::slug;
use crate::domain::kernel::record::{set_of, Record, RecordId};
use crate::domain::records::activity::Activity;
use crate::domain::records::member::Member;
use std::cmp::Ordering;

/// The national motto, on the heading's right.
pub const MOTTO: [&str; 2] = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
];
/// Under each signature's title.
pub const SIGN_HERE: &str = "(Ký, ghi rõ họ tên)";
/// The two who sign, left to right.
pub const SIGNERS: [&str; 2] = ["THƯ KÝ", "CHỦ TRÌ"];

/// Everything the minutes say, each line ready to print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Minutes {
    /// The unit above, then the chapter, in capitals: the heading's left side.
    pub above: String,
    pub unit: String,
    /// «Ngày 10 tháng 11 năm 2026».
    pub dated: String,
    /// «BIÊN BẢN SINH HOẠT CHI HỘI» or «… TỔ PHỤ NỮ …».
    pub title: String,
    /// The kind of meeting: «Sinh hoạt chuyên đề».
    pub kind: String,
    /// «Vào lúc 19:30 ngày 10/11/2026, tại Nhà văn hóa ấp 3.»
    pub time_place: String,
    pub chair: String,
    pub secretary: String,
    pub roll: RollCall,
    pub guests: u32,
    /// Names of those excused and of those absent, in name order.
    pub excused: Vec<String>,
    pub absent: Vec<String>,
    pub content: String,
    pub decisions: String,
    /// Members who paid their fee at the meeting, and the sum in đồng.
    pub fees: (usize, u64),
    pub next_on: Option<Date>,
}

fn dated(day: Date) -> String {
    format!(
        "Ngày {:02} tháng {:02} năm {}",
        day.day(),
        day.month(),
        day.year()
    )
}

/// The minutes of `meeting`, held by the unit `home`, names in the order
/// `compare` gives (the interface passes Vietnamese collation).
pub fn minutes(
    book: &Book,
    home: Option<&RecordId>,
    meeting: &Activity,
    compare: impl Fn(&str, &str) -> Ordering,
) -> Minutes {
    let chain = book.unit_chain(home);
    let name_at = |i: usize| {
        chain
            .get(i)
            .map(|u| u.data.name.to_uppercase())
            .unwrap_or_default()
    };
    let group = meeting
        .group
        .as_ref()
        .and_then(|g| book.groups.get(g))
        .map(|g| g.data.name.clone());
    let title = match &group {
        Some(name) => format!("BIÊN BẢN SINH HOẠT {}", name.to_uppercase()),
        None => "BIÊN BẢN SINH HOẠT CHI HỘI".to_owned(),
    };
    let name_of = |id: &Option<RecordId>| {
        id.as_ref()
            .and_then(|id| book.members.get(id))
            .map(|m| m.data.full_name())
            .unwrap_or_default()
    };
    let mut time_place = match meeting.time.is_empty() {
        true => format!("Ngày {}", meeting.on.vn()),
        false => format!("Vào lúc {} ngày {}", meeting.time, meeting.on.vn()),
    };
    if !meeting.place.is_empty() {
        time_place.push_str(&format!(", tại {}", meeting.place));
    }
    time_place.push('.');
    let present = set_of(&meeting.attendees);
    let excused_ids = set_of(&meeting.excused);
    let expected: Vec<&Record<Member>> =
        expected_at(book, meeting.group.as_ref(), meeting.on).collect();
    let names = |keep: &dyn Fn(&RecordId) -> bool| {
        let mut chosen: Vec<&Record<Member>> =
            expected.iter().copied().filter(|m| keep(&m.id)).collect();
        sort_by_name(&mut chosen, &compare);
        chosen.iter().map(|m| m.data.full_name()).collect()
    };
    let excused = names(&|id| excused_ids.contains(id));
    let absent = names(&|id| !present.contains(id) && !excused_ids.contains(id));
    Minutes {
        above: name_at(1),
        unit: name_at(0),
        dated: dated(meeting.on),
        title,
        kind: meeting.kind.names().0.to_owned(),
        time_place,
        chair: name_of(&meeting.chair),
        secretary: name_of(&meeting.secretary),
        roll: roll_call(book, meeting),
        guests: meeting.head_count,
        excused,
        absent,
        content: meeting.content.clone(),
        decisions: meeting.decisions.clone(),
        fees: fees_collected(book, meeting),
        next_on: meeting.next_on,
    }
}

impl Minutes {
    /// The roll call in one sentence.
    pub fn roll_line(&self) -> String {
        let r = &self.roll;
        let mut line = format!(
            "Tổng số hội viên: {}. Có mặt: {}. Vắng có phép: {}. Vắng không phép: {}.",
            r.expected, r.present, r.excused, r.absent
        );
        if r.others > 0 {
            line.push_str(&format!(" Hội viên nơi khác đến dự: {}.", r.others));
        }
        if self.guests > 0 {
            line.push_str(&format!(" Khách mời: {}.", self.guests));
        }
        line
    }

    /// The fees collected, if any were.
    pub fn fees_line(&self) -> Option<String> {
        let (members, amount) = self.fees;
        (members > 0).then(|| {
            format!(
                "Thu hội phí tại buổi sinh hoạt: {members} hội viên, {} đồng.",
                thousands(amount)
            )
        })
    }

    /// The numbered parts of the body: heading and text.
    pub fn parts(&self) -> Vec<(&'static str, Vec<String>)> {
        let mut who = vec![
            format!("Chủ trì: {}", or_dots(&self.chair)),
            format!("Thư ký: {}", or_dots(&self.secretary)),
            self.roll_line(),
        ];
        if !self.excused.is_empty() {
            who.push(format!("Vắng có phép: {}.", self.excused.join(", ")));
        }
        if !self.absent.is_empty() {
            who.push(format!("Vắng không phép: {}.", self.absent.join(", ")));
        }
        let mut decided = lines(&self.decisions);
        decided.extend(self.fees_line());
        if let Some(next) = self.next_on {
            decided.push(format!("Buổi sinh hoạt lần sau: ngày {}.", next.vn()));
        }
        // Left blank on paper, to be written in by hand.
        let or_blank = |lines: Vec<String>| match lines.is_empty() {
            true => vec![or_dots(""); 3],
            false => lines,
        };
        vec![
            ("Thời gian, địa điểm", vec![self.time_place.clone()]),
            ("Thành phần", who),
            ("Nội dung", or_blank(lines(&self.content))),
            ("Kết luận, biểu quyết", or_blank(decided)),
        ]
    }

    /// The minutes as plain text, to share as a file.
    pub fn to_text(&self) -> String {
        let mut out = vec![
            self.above.clone(),
            self.unit.clone(),
            MOTTO[0].to_owned(),
            MOTTO[1].to_owned(),
            self.dated.clone(),
            String::new(),
            self.title.clone(),
            format!("({})", self.kind),
            String::new(),
        ];
        for (i, (heading, body)) in self.parts().into_iter().enumerate() {
            out.push(format!("{}. {heading}", i + 1));
            out.extend(body.into_iter().map(|line| format!("   {line}")));
        }
        out.push(String::new());
        out.push(format!(
            "{}: {}          {}: {}",
            SIGNERS[0],
            or_dots(&self.secretary),
            SIGNERS[1],
            or_dots(&self.chair)
        ));
        out.join("\n") + "\n"
    }

    /// The file's name: «bien-ban-sinh-hoat-chi-hoi-ap-3-2026-11-10.txt».
    pub fn file_name(&self, on: Date) -> String {
        format!(
            "{}-{}-{}.txt",
            slug(&self.title),
            slug(&self.unit),
            on.iso()
        )
    }
}

/// A blank to fill by hand on paper where nothing was entered.
fn or_dots(text: &str) -> String {
    match text.is_empty() {
        true => "……………………".to_owned(),
        false => text.to_owned(),
    }
}

/// A text's lines, without the empty ones.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kernel::date::day;
    use crate::domain::kernel::stamp::{Clock, DeviceId};
    use crate::domain::records::activity::ActivityKind;
    use crate::domain::records::cadre::WomenGroup;
    use crate::domain::records::fee::FeePayment;
    use crate::domain::records::unit::Unit;

    #[test]
    fn the_minutes_say_who_came_what_was_decided_and_what_was_paid() {
        let mut clock = Clock::new(DeviceId::from_random([6; 8]));
        let mut book = Book::default();
        let commune = Record::create(clock.tick(1), Unit::new("Hội LHPN xã An Bình", "Xã", None));
        let chapter = Record::create(
            clock.tick(1),
            Unit::new("Chi hội ấp 3", "Chi hội", Some(commune.id.clone())),
        );
        let home = chapter.id.clone();
        book.units.put(commune);
        book.units.put(chapter);
        let group = Record::create(
            clock.tick(1),
            WomenGroup {
                name: "Tổ 2".into(),
            },
        );
        let group_id = group.id.clone();
        book.groups.put(group);
        let mut ids = Vec::new();
        for given in ["Hoa", "An", "Bình", "Cúc"] {
            let mut m = Member::named("Trần", "Thị", given);
            m.group = Some(group_id.clone());
            let r = Record::create(clock.tick(1), m);
            ids.push(r.id.clone());
            book.members.put(r);
        }
        let on = day("2026-11-10");
        book.fees.put(Record::keyed(
            FeePayment::id(&ids[0], 2026).unwrap(),
            clock.tick(1),
            FeePayment {
                member: ids[0].clone(),
                year: 2026,
                paid_on: on,
                amount: 12_000,
            },
        ));
        let meeting = Activity {
            group: Some(group_id),
            attendees: vec![ids[0].clone(), ids[1].clone()],
            excused: vec![ids[2].clone()],
            head_count: 1,
            time: "19:30".into(),
            place: "Nhà văn hóa ấp 3".into(),
            chair: Some(ids[0].clone()),
            content: "Phổ biến phòng chống lừa đảo qua mạng\n\nBàn việc thăm hỏi".into(),
            decisions: "Thống nhất 2/2 thăm hội viên ốm".into(),
            next_on: Some(day("2026-12-10")),
            ..Activity::on_day(on, ActivityKind::Themed)
        };
        let m = minutes(&book, Some(&home), &meeting, |a, b| a.cmp(b));
        assert_eq!(
            (m.above.as_str(), m.unit.as_str()),
            ("HỘI LHPN XÃ AN BÌNH", "CHI HỘI ẤP 3")
        );
        assert_eq!(m.title, "BIÊN BẢN SINH HOẠT TỔ 2");
        assert_eq!(
            m.time_place,
            "Vào lúc 19:30 ngày 10/11/2026, tại Nhà văn hóa ấp 3."
        );
        assert_eq!(
            m.roll_line(),
            "Tổng số hội viên: 4. Có mặt: 2. Vắng có phép: 1. Vắng không phép: 1. Khách mời: 1."
        );
        assert_eq!(m.excused, ["Trần Thị Bình"]);
        assert_eq!(m.absent, ["Trần Thị Cúc"]);
        assert_eq!(
            m.fees_line().as_deref(),
            Some("Thu hội phí tại buổi sinh hoạt: 1 hội viên, 12.000 đồng.")
        );
        let text = m.to_text();
        for line in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "1. Thời gian, địa điểm",
            "   Chủ trì: Trần Thị Hoa",
            "   Thư ký: ……………………",
            "   Bàn việc thăm hỏi",
            "   Buổi sinh hoạt lần sau: ngày 10/12/2026.",
        ] {
            assert!(text.contains(line), "{line} in\n{text}");
        }
        assert_eq!(
            m.file_name(on),
            "bien-ban-sinh-hoat-to-2-chi-hoi-ap-3-2026-11-10.txt"
        );
    }
}
