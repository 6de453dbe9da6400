//! Backups end to end on the host: what the app writes validates against the
//! committed JSON Schema, restores to the same book on an empty device, merges
//! into a device that has data with a truthful preview, and is refused, with
//! nothing changed, when it is not something this device may take.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use so_tay_chi_hoi::domain::book::collections::{Book, DeviceState};
use so_tay_chi_hoi::domain::exchange::backup::write_backup;
use so_tay_chi_hoi::domain::exchange::import::preview_import;
use so_tay_chi_hoi::domain::exchange::preview::ImportPreview;
use so_tay_chi_hoi::domain::file::checksum::seal;
use so_tay_chi_hoi::domain::file::envelope::OutFile as BackupFile;
use so_tay_chi_hoi::domain::file::envelope::{FileError, FORMAT};
use so_tay_chi_hoi::domain::kernel::date::Date;
use so_tay_chi_hoi::domain::kernel::merge::Tally;
use so_tay_chi_hoi::domain::kernel::problem::Problem;
use so_tay_chi_hoi::domain::kernel::record::{Record, RecordId};
use so_tay_chi_hoi::domain::kernel::stamp::{Clock, DeviceId};
use so_tay_chi_hoi::domain::records::member::{Member, Status};
use so_tay_chi_hoi::domain::records::unit::UnitSetup;
use so_tay_chi_hoi::domain::samples::demo::{sample_chapter, MEMBERS};

const NOW: u64 = 1_764_375_945_123;

fn today() -> Date {
    Date::new(2026, 11, 29).unwrap()
}

fn empty_device(n: u8) -> DeviceState {
    DeviceState::new(DeviceId::from_random([n; 8]))
}

/// A phone through first run for a chapter of that name, with no member yet.
fn set_up_phone(n: u8, unit: &str) -> (Book, DeviceState) {
    let mut phone = empty_device(n);
    let setup = UnitSetup {
        name: unit.into(),
        kind: "Chi hội".into(),
        above: vec![],
    };
    (phone.set_up(&setup, NOW), phone)
}

fn backup(book: &Book, device: &DeviceState) -> BackupFile {
    write_backup(book, device, NOW, today()).expect("a set-up device can be backed up")
}

fn preview_of(
    file: &BackupFile,
    book: &Book,
    device: &DeviceState,
) -> Result<ImportPreview, FileError> {
    preview_import(file.contents.as_bytes(), book, device, NOW + 1_000, today())
}

/// Imports a file into (book, device) and returns the new book.
fn import(file: &BackupFile, book: &Book, device: &mut DeviceState) -> Book {
    preview_of(file, book, device)
        .expect("importable")
        .apply(book.clone(), device)
}

/// Edits one member on a device at `at`, as the member form would.
fn edit(
    book: &mut Book,
    clock: &mut Clock,
    id: &RecordId,
    at: u64,
    change: impl FnOnce(&mut Member),
) {
    let record = book.members.get(id).expect("the member exists").clone();
    let mut member = record.data.clone();
    change(&mut member);
    book.members.put(record.edited(clock.tick(at), member));
}

/// A file's text after editing its JSON, with the checksum made again.
fn resealed(mut value: Value) -> String {
    seal(value.as_object_mut().expect("a file is an object"));
    value.to_string()
}

fn schema_validator() -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(include_str!("../docs/file-format.schema.json")).unwrap();
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

#[test]
fn exported_backup_validates_against_the_schema() {
    let (mut book, mut device) = sample_chapter(NOW, today());
    // Cover the optional shapes too: a tombstone, history, another religion.
    let id = book.members.all().next().unwrap().id.clone();
    let mut member = book.members.get(&id).unwrap().data.clone();
    member.religion = so_tay_chi_hoi::domain::records::member::Religion::Other("Bà La Môn".into());
    member.set_status(Status::Deceased, Date::new(2026, 1, 2).unwrap());
    let stamp = device.clock.tick(NOW);
    let edited = book.members.get(&id).unwrap().edited(stamp, member);
    book.members
        .put(edited.with_deleted(device.clock.tick(NOW), true));
    let file = backup(&book, &device);
    let value: Value = serde_json::from_str(&file.contents).unwrap();
    let validator = schema_validator();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(file.name, "sao-luu_chi-hoi-thon-dong_2026-11-29.json");
    device.last_backup_ms = Some(NOW);
    assert!(
        !file.contents.contains("last_backup"),
        "device-only state stays out of files"
    );
}

#[test]
fn a_transfer_file_and_the_member_it_brings_validate_against_the_schema() {
    use so_tay_chi_hoi::domain::exchange::transfer::{move_out, write_transfer, Move};
    let (mut book, mut device) = sample_chapter(NOW, today());
    let id = book
        .trainings
        .live()
        .flat_map(|t| t.data.attendees.iter())
        .find(|id| book.roles.live().any(|r| r.data.member == **id))
        .expect("a trained cadre in the sample")
        .clone();
    let change = Move {
        on: Date::new(2026, 11, 20).unwrap(),
        to: "Chi hội Thôn Tây, xã Thanh Sơn".into(),
    };
    move_out(&mut book, &mut device.clock, NOW, &id, &change, today()).unwrap();
    let file = write_transfer(&book, &device, &id, NOW, today()).unwrap();
    let validator = schema_validator();
    let errors = |file: &BackupFile| -> Vec<String> {
        let value: Value = serde_json::from_str(&file.contents).unwrap();
        validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect()
    };
    assert!(errors(&file).is_empty(), "{:#?}", errors(&file));
    assert!(
        errors(&backup(&book, &device)).is_empty(),
        "the moved member's place"
    );

    let (other, mut there) = set_up_phone(2, "Chi hội Thôn Tây");
    let preview = preview_of(&file, &other, &there).unwrap();
    let other = preview.apply(other, &mut there);
    let arrived = other.members.live().next().unwrap();
    assert!(arrived.data.earlier.is_some() && arrived.data.arrived_on.is_some());
    let file = backup(&other, &there);
    assert!(errors(&file).is_empty(), "{:#?}", errors(&file));
}

#[test]
fn the_schema_rejects_what_the_app_would_reject() {
    let (book, device) = sample_chapter(NOW, today());
    let mut value: Value = serde_json::from_str(&backup(&book, &device).contents).unwrap();
    value["data"]["members"][0]["data"]["ethnicity"] =
        serde_json::json!({ "code": 99, "list": "tctk-121-1979" });
    value["data"]["members"][1]["stamp"] = "yesterday".into();
    assert_eq!(schema_validator().iter_errors(&value).count(), 2);
}

#[test]
fn a_backup_restores_the_same_register_on_an_empty_phone() {
    let (book, device) = sample_chapter(NOW, today());
    let file = backup(&book, &device);
    let mut new_phone = empty_device(9);
    let preview = preview_of(&file, &Book::default(), &new_phone).unwrap();
    assert!(preview.adopts_unit());
    assert_eq!(
        preview.tally("members"),
        Tally {
            new: MEMBERS,
            ..Tally::default()
        }
    );
    assert_eq!(
        preview.tally("units"),
        Tally {
            new: 3,
            ..Tally::default()
        }
    );
    assert!(preview.rejected.is_empty());
    let restored = preview.apply(Book::default(), &mut new_phone);
    assert_eq!(restored, book);
    assert_eq!(new_phone.home, device.home);
    assert_eq!(
        restored.written_after(new_phone.last_backup_ms).count,
        0,
        "what came from a backup is not waiting for one"
    );
    assert_ne!(
        new_phone.clock.device, device.clock.device,
        "the new phone keeps its own id"
    );
    let later = new_phone.clock.tick(0);
    assert!(
        book.members.all().all(|r| r.stamp < later),
        "edits on the new phone sort after everything imported"
    );

    // The same file again changes nothing.
    let again = preview_of(&file, &restored, &new_phone).unwrap();
    assert!(!again.changes());
    assert_eq!(
        again.tally("members"),
        Tally {
            unchanged: MEMBERS,
            ..Tally::default()
        }
    );
    let before = new_phone.clone();
    assert_eq!(again.apply(restored.clone(), &mut new_phone), restored);
    assert_eq!(new_phone, before);
}

#[test]
fn merging_previews_new_updated_deleted_unchanged_and_older() {
    let (book, device) = sample_chapter(NOW, today());
    let mut other = empty_device(5);
    let shared = import(&backup(&book, &device), &Book::default(), &mut other);
    let ids: Vec<_> = shared.members.all().map(|r| r.id.clone()).collect();

    // The first phone adds one, edits one, deletes one.
    let (mut first, mut first_device) = (book.clone(), device.clock.clone());
    let added = Record::create(
        first_device.tick(NOW + 10),
        Member::named("Mai", "Thị", "Lan"),
    );
    first.members.put(added);
    edit(&mut first, &mut first_device, &ids[0], NOW + 10, |m| {
        m.phone = "0987654321".into()
    });
    let tombstone = first
        .members
        .get(&ids[1])
        .unwrap()
        .with_deleted(first_device.tick(NOW + 10), true);
    first.members.put(tombstone);

    // The other phone edits a member later than the first phone's copy of her.
    let mut second = shared.clone();
    edit(&mut second, &mut other.clock, &ids[2], NOW + 20, |m| {
        m.address = "Xóm 9".into()
    });
    edit(&mut first, &mut first_device, &ids[2], NOW + 15, |m| {
        m.address = "Xóm cũ".into()
    });
    let first_device = DeviceState {
        clock: first_device,
        ..device.clone()
    };

    let preview = preview_of(&backup(&first, &first_device), &second, &other).unwrap();
    assert_eq!(
        preview.tally("members"),
        Tally {
            new: 1,
            updated: 1,
            merged: 0,
            deleted: 1,
            unchanged: MEMBERS - 3,
            older: 1
        }
    );
    let merged = preview.apply(second.clone(), &mut other);
    assert_eq!(
        merged.members.get(&ids[2]).unwrap().data.address,
        "Xóm 9",
        "the later edit wins"
    );
    assert!(
        merged.members.get(&ids[1]).unwrap().deleted,
        "the deletion travels as a tombstone"
    );
    assert_eq!(
        merged.members.get(&ids[0]).unwrap().data.phone,
        "0987654321"
    );
}

#[test]
fn import_order_does_not_change_the_result() {
    let (book, device) = sample_chapter(NOW, today());
    let mut a_device = empty_device(1);
    let a = import(&backup(&book, &device), &Book::default(), &mut a_device);
    let mut b_device = empty_device(2);
    let mut b = import(&backup(&book, &device), &Book::default(), &mut b_device);
    let mut a = a;
    // Each phone edits every third member, some of them the same ones.
    for (i, (book, device)) in [(&mut a, &mut a_device), (&mut b, &mut b_device)]
        .into_iter()
        .enumerate()
    {
        let ids: Vec<RecordId> = book.members.all().map(|r| r.id.clone()).collect();
        for (n, id) in ids
            .iter()
            .enumerate()
            .filter(|(n, _)| n % 3 == i || n % 5 == 0)
        {
            edit(book, &mut device.clock, id, NOW + 50, |m| {
                m.address = format!("sửa bởi máy {i}, lần {n}")
            });
        }
    }
    let (file_a, file_b) = (backup(&a, &a_device), backup(&b, &b_device));
    let mut x = empty_device(3);
    let x_book = import(&file_a, &Book::default(), &mut x);
    let x_book = import(&file_b, &x_book, &mut x);
    let mut y = empty_device(4);
    let y_book = import(&file_b, &Book::default(), &mut y);
    let y_book = import(&file_a, &y_book, &mut y);
    assert_eq!(x_book, y_book);
}

#[test]
fn refused_files_say_why() {
    let (book, device) = sample_chapter(NOW, today());
    let file = backup(&book, &device);
    let newer = BackupFile {
        contents: file.contents.replacen(
            &format!("\"format\":{FORMAT}"),
            &format!("\"format\":{}", FORMAT + 1),
            1,
        ),
        ..file.clone()
    };
    assert_eq!(
        preview_of(&newer, &Book::default(), &empty_device(1)).unwrap_err(),
        FileError::NewerFormat {
            found: u64::from(FORMAT) + 1
        }
    );
    let altered = BackupFile {
        contents: file.contents.replacen("Thôn Đông", "Thôn Tây", 1),
        ..file.clone()
    };
    assert_eq!(
        preview_of(&altered, &Book::default(), &empty_device(1)).unwrap_err(),
        FileError::Altered
    );
    let truncated = BackupFile {
        contents: file.contents[..file.contents.len() / 2].to_owned(),
        ..file.clone()
    };
    assert!(matches!(
        preview_of(&truncated, &Book::default(), &empty_device(1)).unwrap_err(),
        FileError::NotJson {
            truncated: true,
            ..
        }
    ));

    // A device that keeps another chapter, with members, refuses its backup.
    let (mut own, mut keeper) = set_up_phone(7, "Chi hội Thôn Tây");
    own.members.put(Record::create(
        keeper.clock.tick(NOW),
        Member::named("Lê", "Thị", "Na"),
    ));
    assert_eq!(
        preview_of(&file, &own, &keeper).unwrap_err(),
        FileError::OtherUnit {
            file_unit: "Chi hội Thôn Đông".into(),
            own_unit: "Chi hội Thôn Tây".into()
        }
    );
}

#[test]
fn a_phone_set_up_but_empty_takes_the_backups_unit() {
    let (book, device) = sample_chapter(NOW, today());
    let (own, mut phone) = set_up_phone(8, "Chi hội Thôn Đông");
    let preview = preview_of(&backup(&book, &device), &own, &phone).unwrap();
    assert!(preview.adopts_unit());
    let result = preview.apply(own.clone(), &mut phone);
    assert_eq!(phone.home, device.home);
    assert_eq!(
        result.units.live().count(),
        3,
        "the set-up unit is retired as a tombstone"
    );
    assert_eq!(result.units.len(), 4);
    assert_eq!(
        result.written_after(phone.last_backup_ms).count,
        0,
        "the set-up unit's retirement is not a change to back up"
    );
}

#[test]
fn bad_records_are_listed_and_the_rest_imported() {
    let (book, device) = sample_chapter(NOW, today());
    let mut value: Value = serde_json::from_str(&backup(&book, &device).contents).unwrap();
    value["data"]["members"][3]["data"]["birth"] = "1985-13-45".into();
    value["data"]["members"][7]["data"]["status_history"] =
        serde_json::json!([{ "status": "emigrated", "on": "2020-01-01" }]);
    let file = BackupFile {
        name: "x.json".into(),
        contents: resealed(value),
    };
    let preview = preview_of(&file, &Book::default(), &empty_device(1)).unwrap();
    assert_eq!(preview.tally("members").new, MEMBERS - 2);
    let found: Vec<(usize, &str, &Problem)> = preview
        .rejected
        .iter()
        .map(|r| {
            (
                r.index,
                r.problems[0].field.as_str(),
                &r.problems[0].problem,
            )
        })
        .collect();
    assert_eq!(
        found[..2],
        [
            (3, "data.birth", &Problem::Invalid("1985-13-45".into())),
            (
                7,
                "data.status_history.0.status",
                &Problem::Invalid("emigrated".into())
            ),
        ]
    );
    // What names the two refused members is not taken either, and says so:
    // a fee of no one, a session counting someone the book does not hold.
    // (Taken again whole once the file can be read: merge is idempotent.)
    let refused: Vec<String> = preview.rejected[..2]
        .iter()
        .map(|r| r.id.clone().unwrap())
        .collect();
    assert!(found.len() > 2);
    for rejection in &preview.rejected[2..] {
        assert!(
            rejection.problems.iter().all(|p| matches!(
                &p.problem,
                Problem::NamesRefused(id) if refused.contains(id)
            )),
            "{rejection:?}"
        );
    }
    let taken_fees = preview.tally("fees").new;
    let refused_fees = preview
        .rejected
        .iter()
        .filter(|r| r.collection == "fees")
        .count();
    assert_eq!(taken_fees + refused_fees, book.fees.len());
    assert!(preview
        .rejected
        .iter()
        .all(|r| r.label.is_some() || r.collection == "models"));
}

#[test]
fn the_format_1_fixture_still_restores() {
    let bytes = include_bytes!("fixtures/backup-format-1.json");
    let mut phone = empty_device(1);
    let preview = preview_import(bytes, &Book::default(), &phone, NOW, today()).unwrap();
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
    assert_eq!(
        preview.tally("members"),
        Tally {
            new: 3,
            ..Tally::default()
        }
    );
    let book = preview.apply(Book::default(), &mut phone);
    let names: Vec<String> = book.members.live().map(|r| r.data.full_name()).collect();
    assert_eq!(names, ["Nguyễn Thị Hoa", "Lò Thị Ánh"]);
    let anh = book.members.live().nth(1).unwrap();
    assert_eq!(anh.data.status(), (Status::Moved, Date::new(2025, 6, 1)));
    assert_eq!(anh.data.ethnicity.name(), Some("Thái"));
    assert_eq!(book.unit_name(phone.home.as_ref()), "Chi hội Thôn Đông");
}

#[test]
fn the_format_2_fixture_still_restores() {
    let bytes = include_bytes!("fixtures/backup-format-2.json");
    let mut phone = empty_device(1);
    let preview = preview_import(bytes, &Book::default(), &phone, NOW, today()).unwrap();
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
    let book = preview.apply(Book::default(), &mut phone);
    let names: Vec<String> = book.members.live().map(|r| r.data.full_name()).collect();
    assert_eq!(names, ["Phan Thị Mơ"]);
    assert_eq!(
        book.members.len(),
        2,
        "the deleted member stays a tombstone"
    );
    assert_eq!(book.unit_name(phone.home.as_ref()), "Chi hội Thôn Tây");
}

/// Every format version ever written keeps a fixture, forever, and each
/// still restores: a new version that forgets its own fails here.
#[test]
fn every_format_version_keeps_a_fixture_that_restores() {
    for version in 1..=FORMAT {
        let path = format!("tests/fixtures/backup-format-{version}.json");
        let bytes = std::fs::read(&path).unwrap_or_else(|_| panic!("{path} is missing"));
        let file: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(file["format"], version, "{path}");
        let preview = preview_import(&bytes, &Book::default(), &empty_device(1), NOW, today())
            .unwrap_or_else(|e| panic!("{path}: {e:?}"));
        assert!(
            preview.rejected.is_empty(),
            "{path}: {:?}",
            preview.rejected
        );
        assert!(preview.tally("members").new >= 2, "{path}");
    }
}

/// The known answer for locked backups (tests/fixtures/encrypted/, made with
/// Node's OpenSSL): its envelope reads back with the parameters it was made
/// with, and names no one. The browser test opens it.
#[test]
fn the_locked_backup_known_answer_reads_and_names_no_one() {
    let bytes = include_bytes!("fixtures/encrypted/backup-kat.json");
    let plaintext = include_bytes!("fixtures/backup-format-2.json");
    let Err(FileError::Locked(sealed)) =
        preview_import(bytes, &Book::default(), &empty_device(1), NOW, today())
    else {
        panic!("a locked backup asks for its passphrase");
    };
    assert_eq!(sealed.salt, (0u8..16).collect::<Vec<_>>());
    assert_eq!(sealed.iv, (0xa0u8..0xac).collect::<Vec<_>>());
    assert_eq!(sealed.iterations, 600_000);
    assert_eq!(
        sealed.ciphertext.len(),
        plaintext.len() + 16,
        "AES-GCM adds its tag"
    );
    let text = String::from_utf8_lossy(bytes);
    let plain = String::from_utf8_lossy(plaintext);
    assert!(plain.contains("Thôn Tây") && plain.contains("\"Mơ\""));
    for name in [
        "Thôn Tây",
        "Th\\u00f4n",
        "Phan",
        "Mơ",
        "Lan",
        "0909090909090909",
    ] {
        assert!(!text.contains(name), "{name} shows through");
    }
}
