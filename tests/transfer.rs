//! A member moved between two chapters of a commune as their leaders would:
//! one marks her as moved and sends the file, the other imports it; both
//! chapters' figures for past periods stay what they were.

use so_tay_chi_hoi::domain::book::collections::{Book, DeviceState};
use so_tay_chi_hoi::domain::exchange::import::preview_import;
use so_tay_chi_hoi::domain::exchange::preview::{ImportPreview, Note};
use so_tay_chi_hoi::domain::exchange::transfer::*;
use so_tay_chi_hoi::domain::figures::compute::{compute, value_of};
use so_tay_chi_hoi::domain::file::envelope::{FileError, OutFile};
use so_tay_chi_hoi::domain::kernel::date::Date;
use so_tay_chi_hoi::domain::kernel::period::Period;
use so_tay_chi_hoi::domain::kernel::problem::FieldProblem;
use so_tay_chi_hoi::domain::kernel::record::{Record, RecordId};
use so_tay_chi_hoi::domain::records::cadre::{Role, RoleKind};
use so_tay_chi_hoi::domain::records::member::{Member, Status};
use so_tay_chi_hoi::domain::samples::demo::commune::member_chapter;

const NOW: u64 = 1_796_000_000_000;

fn day(text: &str) -> Date {
    Date::parse_iso(text).expect("a valid date in a test")
}

fn today() -> Date {
    day("2026-11-29")
}

fn moved_on() -> Date {
    day("2026-11-20")
}

struct Chapter {
    book: Book,
    device: DeviceState,
}

impl Chapter {
    fn new(n: u32, members: usize) -> Chapter {
        let (book, device) = member_chapter(n, members, NOW, today());
        Chapter { book, device }
    }

    fn home(&self) -> RecordId {
        self.device.home.clone().unwrap()
    }

    fn figure(&self, code: &str, period: Period) -> u64 {
        value_of(&compute(&self.book, &self.home(), period), code).num
    }

    fn move_out(&mut self, id: &RecordId, to: &str) -> Result<(), Vec<FieldProblem>> {
        self.move_on(id, moved_on(), to)
    }

    fn move_on(&mut self, id: &RecordId, on: Date, to: &str) -> Result<(), Vec<FieldProblem>> {
        let change = Move { on, to: to.into() };
        let clock = &mut self.device.clock;
        move_out(&mut self.book, clock, NOW, id, &change, today())
    }

    /// Her record here, as `edit` changes it.
    fn edit(&mut self, id: &RecordId, edit: impl FnOnce(&mut Member)) {
        let record = self.book.members.get(id).unwrap();
        let mut member = record.data.clone();
        edit(&mut member);
        let edited = record.edited(self.device.clock.tick(NOW), member);
        self.book.members.put(edited);
    }

    fn send(&self, id: &RecordId) -> OutFile {
        write_transfer(&self.book, &self.device, id, NOW + 1_000, today()).expect("a file")
    }

    fn preview(&self, file: &OutFile) -> Result<ImportPreview, FileError> {
        preview_import(
            file.contents.as_bytes(),
            &self.book,
            &self.device,
            NOW + 2_000,
            today(),
        )
    }

    fn take(&mut self, file: &OutFile) -> ImportPreview {
        let preview = self.preview(file).expect("a transfer the chapter can take");
        self.book = preview.clone().apply(self.book.clone(), &mut self.device);
        preview
    }

    /// Her, typed into this register by hand: the same name and birth year.
    fn type_in(&mut self, her: &Member) {
        let mut typed = Member::named(&her.family_name, &her.middle_name, &her.given_name);
        typed.birth = her.birth;
        let stamp = self.device.clock.tick(NOW);
        self.book.members.put(Record::create(stamp, typed));
    }

    fn named(&self, name: &str) -> Vec<&Record<Member>> {
        self.book
            .members
            .live()
            .filter(|m| m.data.full_name() == name)
            .collect()
    }
}

/// A cadre of the chapter who attended training sessions: the member
/// whose move carries the most. The sample chapters are made alike: she is
/// given a name and phone no other chapter has.
fn trained_cadre(chapter: &mut Chapter) -> RecordId {
    let cadres = so_tay_chi_hoi::domain::figures::compute::cadres_on(&chapter.book, today());
    let id = cadres
        .into_iter()
        .find(|id| {
            chapter
                .book
                .trainings
                .live()
                .any(|t| t.data.attendees.contains(id))
        })
        .expect("the sample chapter has a trained cadre");
    chapter.edit(&id, |her| {
        (her.family_name, her.middle_name, her.given_name) =
            ("Đinh".into(), "Thị Xuân".into(), "Mai".into());
        her.phone = "0977 000 111".into();
    });
    id
}

const FIGURES: [&str; 4] = [
    "members.end",
    "members.admitted",
    "members.left",
    "cadres.end",
];

fn figures(chapter: &Chapter, period: Period) -> Vec<u64> {
    FIGURES.iter().map(|c| chapter.figure(c, period)).collect()
}

/// Last year's and this year's [`FIGURES`].
fn both_years(chapter: &Chapter) -> [Vec<u64>; 2] {
    [2025, 2026].map(|year| figures(chapter, Period::Year(year)))
}

/// The chapter's figures after the move: last year's as they `were`, this
/// year's changed by `change`.
fn assert_changed(chapter: &Chapter, were: &[Vec<u64>; 2], change: [i64; 4], why: &str) {
    let [last, this] = both_years(chapter);
    assert_eq!(last, were[0], "last year is untouched");
    let expected: Vec<u64> = were[1]
        .iter()
        .zip(change)
        .map(|(n, d)| n.checked_add_signed(d).unwrap())
        .collect();
    assert_eq!(this, expected, "{why}");
}

#[test]
fn a_member_moves_and_both_chapters_count_her_right() {
    let (mut from, mut to) = (Chapter::new(1, 40), Chapter::new(2, 30));
    let id = trained_cadre(&mut from);
    let name = from.book.members.get(&id).unwrap().data.full_name();
    let (from_were, to_were) = (both_years(&from), both_years(&to));

    from.move_out(&id, "Chi hội số 2, xã Thanh Sơn").unwrap();
    let her = &from.book.members.get(&id).unwrap().data;
    assert_eq!(her.status(), (Status::Moved, Some(moved_on())));
    assert_eq!(
        her.status_history.last().unwrap().place,
        "Chi hội số 2, xã Thanh Sơn"
    );
    assert!(
        from.book
            .roles
            .live()
            .filter(|r| r.data.member == id)
            .all(|r| r.data.end.is_some_and(|end| end <= moved_on())),
        "her roles end the day she moves"
    );
    assert_changed(
        &from,
        &from_were,
        [-1, 0, 1, -1],
        "this year she left, and is no cadre at its end",
    );

    let file = from.send(&id);
    assert!(
        file.name.starts_with("chuyen-sinh-hoat_chi-hoi-so-1_"),
        "{}",
        file.name
    );
    let preview = to.take(&file);
    assert_eq!(
        preview.tally("members").new,
        1,
        "{:?} {:?}",
        preview.rejected,
        preview.notes
    );
    assert!(
        matches!(&preview.notes[..], [Note::Arrives { known: None, on, .. }] if *on == moved_on())
    );
    let arrived = to.named(&name);
    let [arrived] = arrived[..] else {
        panic!("one {name} in the register: {arrived:?}")
    };
    assert_eq!(arrived.data.status(), (Status::Active, Some(moved_on())));
    assert_eq!(arrived.data.arrived_on, Some(moved_on()));
    assert_eq!(
        arrived.data.group, None,
        "her group stays in her old chapter"
    );
    let earlier = arrived.data.earlier.as_ref().expect("her time there");
    assert_eq!(earlier.until, moved_on());
    assert!(
        earlier.chapter.starts_with("Chi hội số 1, "),
        "{}",
        earlier.chapter
    );
    let chapter = format!("({})", earlier.chapter);
    assert!(
        earlier.roles.iter().all(|r| r.ends_with(&chapter)),
        "{:?}",
        earlier.roles
    );
    assert!(!earlier.roles.is_empty() && earlier.sessions > 0 && !earlier.topics.is_empty());

    assert_changed(
        &to,
        &to_were,
        [1, 1, 0, 0],
        "she came this year, a member, not a cadre",
    );
    let before_her_day = Period::Quarter(2026, 3);
    assert_eq!(
        to.figure("members.end", before_her_day),
        Chapter::new(2, 30).figure("members.end", before_her_day)
    );

    let again = to.preview(&file).unwrap();
    assert!(!again.changes(), "the same file twice changes nothing");
    assert_eq!(again.tally("members").unchanged, 1);
}

#[test]
fn her_training_elsewhere_counts_when_she_becomes_a_cadre() {
    let (mut from, mut to) = (Chapter::new(1, 40), Chapter::new(2, 30));
    let id = trained_cadre(&mut from);
    from.move_out(&id, "Chi hội số 2").unwrap();
    to.take(&from.send(&id));
    let her = to
        .book
        .members
        .live()
        .find(|m| m.data.arrived_on.is_some())
        .unwrap();
    let topic = her.data.earlier.as_ref().unwrap().topics[0].clone();
    let code = format!("cadres.trained.{topic}");
    let trained_before = compute(&to.book, &to.home(), Period::Year(2026));
    let role = Role {
        member: her.id.clone(),
        role: RoleKind::Committee,
        start: day("2026-11-25"),
        end: None,
    };
    let stamp = to.device.clock.tick(NOW + 3_000);
    to.book.roles.put(Record::create(stamp, role));
    let trained_after = compute(&to.book, &to.home(), Period::Year(2026));
    let (was, is) = (
        value_of(&trained_before, &code),
        value_of(&trained_after, &code),
    );
    assert_eq!((is.num, is.den), (was.num + 1, was.den.map(|d| d + 1)));
}

#[test]
fn coming_back_brings_back_the_same_member() {
    let (mut first, mut second) = (Chapter::new(1, 40), Chapter::new(2, 30));
    let id = trained_cadre(&mut first);
    let members = first.book.members.len();
    first.move_out(&id, "Chi hội số 2").unwrap();
    second.take(&first.send(&id));
    let there = second
        .book
        .members
        .live()
        .find(|m| m.data.arrived_on.is_some())
        .unwrap()
        .id
        .clone();
    let home_again = day("2026-11-27");
    second.move_on(&there, home_again, "Chi hội số 1").unwrap();
    let preview = first.take(&second.send(&there));
    assert!(matches!(
        &preview.notes[..],
        [Note::Arrives { known: Some(_), .. }]
    ));
    assert_eq!(preview.tally("members").updated, 1);
    assert_eq!(first.book.members.len(), members, "no one added");
    let back = &first.book.members.get(&id).unwrap().data;
    assert_eq!(back.status(), (Status::Active, Some(home_again)));
    assert_eq!(back.departures(moved_on(), today()), 1);
    assert_eq!(back.arrivals(moved_on(), today()), 1, "a return");
    let earlier = back
        .earlier
        .as_ref()
        .expect("her time in the second chapter");
    assert!(earlier.chapter.starts_with("Chi hội số 2, "));
    assert!(
        earlier.roles.iter().all(|r| !r.contains("Chi hội số 1")),
        "her roles here are in this chapter's own records: {:?}",
        earlier.roles
    );
    let again = first.preview(&second.send(&there)).unwrap();
    assert!(!again.changes(), "taken once");
}

#[test]
fn a_member_typed_in_by_hand_is_completed_not_repeated() {
    let (mut from, mut to) = (Chapter::new(1, 40), Chapter::new(2, 30));
    let id = trained_cadre(&mut from);
    let her = from.book.members.get(&id).unwrap().data.clone();
    to.type_in(&her);
    let members = to.book.members.len();
    from.move_out(&id, "Chi hội số 2").unwrap();
    let preview = to.take(&from.send(&id));
    assert!(matches!(
        &preview.notes[..],
        [Note::Arrives { known: Some(_), .. }]
    ));
    assert_eq!(to.book.members.len(), members);
    let completed = &to.named(&her.full_name())[0].data;
    assert_eq!(completed.phone, her.phone, "what she lacked is filled");
    let earlier = completed.earlier.as_ref().expect("her time there");
    assert!(earlier.sessions > 0 && !earlier.roles.is_empty());
    assert!(
        !to.preview(&from.send(&id)).unwrap().changes(),
        "taken once"
    );
}

#[test]
fn two_members_like_her_take_nothing() {
    let (mut from, mut to) = (Chapter::new(1, 40), Chapter::new(2, 30));
    let id = trained_cadre(&mut from);
    let her = from.book.members.get(&id).unwrap().data.clone();
    to.type_in(&her);
    to.type_in(&her);
    from.move_out(&id, "Chi hội số 2").unwrap();
    let preview = to.preview(&from.send(&id)).unwrap();
    assert!(!preview.changes());
    assert!(
        matches!(&preview.notes[..], [Note::ArrivesAmbiguous { known, .. }] if known.len() == 2)
    );
}

#[test]
fn a_chapter_cannot_take_its_own_file_and_a_move_needs_its_place_and_day() {
    let mut chapter = Chapter::new(1, 10);
    let id = chapter.book.members.live().next().unwrap().id.clone();
    let fields = |r: Result<(), Vec<FieldProblem>>| -> Vec<String> {
        r.unwrap_err().into_iter().map(|p| p.field).collect()
    };
    assert_eq!(fields(chapter.move_out(&id, "  ")), vec!["to"]);
    assert_eq!(
        fields(chapter.move_on(&id, day("2026-12-01"), "Chi hội số 2")),
        vec!["on"]
    );
    // A member without a joining day still has a birth year.
    chapter.edit(&id, |her| her.joined_on = None);
    let born = chapter.book.members.get(&id).unwrap().data.birth.unwrap();
    let before_birth = Date::new(born.year() - 1, 6, 1).unwrap();
    assert_eq!(
        fields(chapter.move_on(&id, before_birth, "Chi hội số 2")),
        vec!["on"],
        "not before she was born"
    );
    assert!(
        write_transfer(&chapter.book, &chapter.device, &id, NOW, today()).is_none(),
        "no file before she is moved"
    );
    // She came back on the 25th: a move cannot be dated before it.
    chapter.edit(&id, |her| {
        her.set_status(Status::Moved, day("2026-06-01"));
        her.set_status(Status::Active, day("2026-11-25"));
    });
    assert_eq!(fields(chapter.move_out(&id, "Chi hội số 2")), vec!["on"]);
    let later = Move {
        on: day("2026-11-27"),
        to: "Chi hội số 2".into(),
    };
    chapter.move_on(&id, later.on, &later.to).unwrap();
    let moved = chapter.book.members.get(&id).unwrap().data.recorded_move();
    assert_eq!(moved, Some(later), "her last change, with its place");
    let file = chapter.send(&id);
    assert_eq!(chapter.preview(&file).unwrap_err(), FileError::OwnTransfer);
}

#[test]
fn a_transfer_file_names_no_one_else() {
    let mut chapter = Chapter::new(1, 40);
    let id = trained_cadre(&mut chapter);
    chapter.move_out(&id, "Chi hội số 2").unwrap();
    let file = chapter.send(&id);
    let others: Vec<String> = chapter
        .book
        .members
        .live()
        .filter(|m| m.id != id)
        .map(|m| m.data.full_name())
        .filter(|n| n.len() > 12)
        .collect();
    assert!(others.iter().all(|n| !file.contents.contains(n.as_str())));
    assert!(
        file.contents.len() < 4_000,
        "{} characters",
        file.contents.len()
    );
}

#[test]
fn both_paper_registers_say_where_she_went_and_came_from() {
    use so_tay_chi_hoi::domain::kernel::sheet::Cell;
    use so_tay_chi_hoi::domain::sheets::paper_register::paper_register;
    let (mut from, mut to) = (Chapter::new(1, 40), Chapter::new(2, 30));
    let id = trained_cadre(&mut from);
    from.move_out(&id, "Chi hội số 2, xã Thanh Sơn").unwrap();
    to.take(&from.send(&id));
    let row_of = |c: &Chapter| {
        let sheet = paper_register(&c.book, c.device.home.as_ref(), today(), |a, b| a.cmp(b));
        let name = Cell::Text("Đinh Thị Xuân Mai".into());
        sheet.rows.into_iter().find(|r| r[1] == name).unwrap()
    };
    assert_eq!(
        row_of(&from)[7].text(),
        "Chuyển đi 20/11/2026, đến Chi hội số 2, xã Thanh Sơn"
    );
    let there = row_of(&to);
    assert_eq!(there[7].text(), "Đang sinh hoạt");
    assert!(
        there[8]
            .text()
            .contains("Chuyển đến 20/11/2026 từ Chi hội số 1, "),
        "{}",
        there[8].text()
    );
}
