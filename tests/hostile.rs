//! Damaged and foreign files (tests/fixtures/hostile/): each is refused with
//! the exact message the user reads, naming the file and what is wrong, and
//! saying that nothing changed (an import only plans until she applies it;
//! the end-to-end tests check storage byte for byte). A file added to the
//! folder without its message fails the test.
#![cfg(not(target_arch = "wasm32"))]

use so_tay_chi_hoi::domain::book::{Book, DeviceState};
use so_tay_chi_hoi::domain::date::Date;
use so_tay_chi_hoi::domain::envelope::MAX_FILE_BYTES;
use so_tay_chi_hoi::domain::import::plan_import;
use so_tay_chi_hoi::domain::member_draft::MemberDraft;
use so_tay_chi_hoi::domain::record::Record;
use so_tay_chi_hoi::domain::stamp::{Clock, DeviceId};
use so_tay_chi_hoi::domain::unit::UnitSetup;
use so_tay_chi_hoi::storage::files::ReadError;
use so_tay_chi_hoi::ui::messages::{refused_file, rejection_reasons, rejection_subject};

const NOW: u64 = 1_764_375_945_123;

fn today() -> Date {
    Date::new(2026, 11, 29).unwrap()
}

/// A chapter's phone, set up, with its unit, the one above and a member.
fn phone() -> (Book, DeviceState) {
    let mut device = DeviceState {
        clock: Clock::new(DeviceId::from_random([9; 8])),
        home: None,
        last_backup_ms: None,
        reminder_snoozed_until_ms: None,
    };
    let setup = UnitSetup {
        name: "Chi hội Thôn Tây".into(),
        kind: "Chi hội".into(),
        above: vec![("Hội LHPN xã An Bình".into(), "Hội LHPN cấp xã".into())],
    };
    let mut book = Book::default();
    for unit in setup.build(|| device.clock.tick(NOW)) {
        device.home = Some(unit.id.clone());
        book.units.put(unit);
    }
    let mut draft = MemberDraft::default();
    draft.set_full_name("Phan Thị Mơ");
    let member = draft.build(None, today()).expect("a valid member");
    book.members
        .put(Record::create(device.clock.tick(NOW), member));
    (book, device)
}

/// What the preview says of each record refused in `bytes`, imported on a
/// phone set up but still empty (which takes the file's unit).
fn refused_records(name: &str, bytes: &[u8]) -> Vec<String> {
    let (mut book, device) = phone();
    book.members = Default::default();
    match plan_import(bytes, &book, &device, NOW, today()) {
        Ok(plan) => {
            assert_eq!(
                plan.tally("units").new,
                2,
                "{name}: the file's units are still offered"
            );
            plan.rejected
                .iter()
                .map(|r| format!("{}: {}", rejection_subject(r), rejection_reasons(r)))
                .collect()
        }
        Err(error) => panic!("{name} was refused whole: {error:?}"),
    }
}

/// What the user reads when `bytes`, named `name`, is imported on `phone()`.
fn message(name: &str, bytes: &[u8]) -> String {
    let (book, device) = phone();
    match plan_import(bytes, &book, &device, NOW, today()) {
        Ok(_) => panic!("{name} was accepted"),
        Err(error) => refused_file(name, &ReadError::File(error)),
    }
}

#[test]
fn every_hostile_file_is_refused_with_its_own_message() {
    let unchanged = " Sổ trên máy không thay đổi.";
    let not_ours = "đây không phải tệp của Sổ tay Chi hội.";
    let not_text = "đây không phải tệp văn bản JSON (có thể là ảnh, bảng tính hoặc tệp bị hỏng).";
    let cases: &[(&str, &str)] = &[
        ("empty.json", "tệp trống, không có nội dung."),
        ("blank.json", "tệp trống, không có nội dung."),
        ("not-json.json", "tệp bị hỏng: nội dung sai cú pháp ở dòng 1, cột 1."),
        ("truncated.json", "tệp bị cắt cụt ở dòng 13, có thể do tải về hoặc gửi chưa xong. Hãy xin gửi lại tệp."),
        ("deep-nesting.json", "nội dung lồng nhau quá sâu: đây không phải tệp do Sổ tay Chi hội tạo ra."),
        ("array.json", not_ours),
        ("other-app.json", not_ours),
        ("no-app.json", not_ours),
        ("invalid-utf8.json", not_text),
        ("photo.json", not_text),
        ("unknown-kind.json", "loại tệp «photo» chưa được phiên bản này hỗ trợ."),
        ("newer-format.json", "tệp được tạo bởi phiên bản mới hơn của ứng dụng (định dạng 99; máy này đọc được đến định dạng 1). Hãy cập nhật ứng dụng rồi nhập lại."),
        ("no-unit.json", "phần đầu của tệp bị hỏng (mục «unit»)."),
        ("members-not-a-list.json", "danh sách «Hội viên» trong tệp bị hỏng."),
        ("report-with-members.json", "tệp báo cáo không được chứa «Hội viên». Báo cáo chỉ gồm số liệu, không có thông tin cá nhân."),
        ("other-unit.json", "đây là tệp sao lưu của «Chi hội Thôn Đông», còn máy này đang giữ sổ của «Chi hội Thôn Tây». Chỉ nhập được sao lưu của chính đơn vị mình."),
    ];
    let mut wrong = Vec::new();
    for (name, reason) in cases {
        let bytes = std::fs::read(format!("tests/fixtures/hostile/{name}")).unwrap();
        let expected = format!("Không nhập được tệp «{name}»: {reason}{unchanged}");
        let got = message(name, &bytes);
        if got != expected {
            wrong.push(format!("{name}\n  got      {got}\n  expected {expected}"));
        }
    }
    let listed: Vec<String> = std::fs::read_dir("tests/fixtures/hostile")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !cases.iter().any(|(c, _)| c == n) && !RECORD_CASES.iter().any(|(c, _)| c == n))
        .filter(|n| n != "bom.json")
        .collect();
    assert!(
        listed.is_empty(),
        "files with no expected message: {listed:?}"
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_file_over_the_limit_is_refused_by_its_size() {
    let bytes = vec![b' '; MAX_FILE_BYTES as usize + 1];
    let got = message("lon.json", &bytes);
    assert!(
        got.starts_with("Không nhập được tệp «lon.json»: tệp quá lớn ("),
        "{got}"
    );
}

const ID: &str = "19ad2f3c4b1-2-a1b2c3d4e5f60718";

/// Files whose header is sound but one record is not: the record is named
/// (kind, position, name, id), with every field that is wrong, and the rest
/// of the file is still offered.
const RECORD_CASES: &[(&str, &str)] = &[
    ("records-bad-id.json", "Hội viên thứ 1 «Nguyễn Thị Hoa» (mã <script>): Mã bản ghi: «<script>» không hợp lệ"),
    ("records-bad-phone.json", "Hội viên thứ 1 «Nguyễn Thị Hoa» (mã {ID}): Số điện thoại: cần 8 đến 15 chữ số"),
    ("records-control-chars.json", "Hội viên thứ 1 «Nguyễn Thị Hoa\u{7}» (mã {ID}): Tên: có ký tự điều khiển không in được"),
    ("records-duplicate-id.json", "Hội viên thứ 2 «Nguyễn Thị Lan» (mã {ID}): Mã bản ghi: trùng mã với một bản ghi khác trong cùng tệp"),
    ("records-future-birth.json", "Hội viên thứ 1 «Nguyễn Thị Hoa» (mã {ID}): Ngày sinh: là ngày trong tương lai; Ngày vào Hội: trước năm sinh"),
    ("records-huge-name.json", "Hội viên thứ 1 «Nguyễn Thị AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…» (mã {ID}): Tên: dài quá 40 ký tự"),
    ("records-joined-before-birth.json", "Hội viên thứ 1 «Nguyễn Thị Hoa» (mã {ID}): Ngày vào Hội: trước năm sinh"),
    ("records-unknown-ethnicity.json", "Hội viên thứ 1 «Nguyễn Thị Hoa» (mã {ID}): Dân tộc: không có trong danh mục 54 dân tộc"),
    ("records-number-out-of-range.json", "Hội viên thứ 1 «Nguyễn Thị Hoa» (mã {ID}): Dân tộc: sai kiểu dữ liệu"),
    ("records-bad-stamp.json", "Hội viên thứ 1 «Nguyễn Thị Hoa» (mã {ID}): Thời điểm sửa: «99999999999999999999999-0-a1b2c3d4e5f607…» không hợp lệ"),
    ("records-unknown-religion-type.json", "Hội viên thứ 1 «Nguyễn Thị Hoa» (mã {ID}): Tôn giáo: sai kiểu dữ liệu"),
];

#[test]
fn a_bad_record_is_named_with_what_is_wrong_and_the_rest_is_offered() {
    let mut wrong = Vec::new();
    for (name, line) in RECORD_CASES {
        let bytes = std::fs::read(format!("tests/fixtures/hostile/{name}")).unwrap();
        let expected = vec![line.replace("{ID}", ID)];
        let got = refused_records(name, &bytes);
        if got != expected {
            wrong.push(format!(
                "{name}\n  got      {got:?}\n  expected {expected:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A byte-order mark, as Windows editors write one, is no fault.
#[test]
fn a_byte_order_mark_is_read_past() {
    let bytes = std::fs::read("tests/fixtures/hostile/bom.json").unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    assert_eq!(refused_records("bom.json", &bytes), Vec::<String>::new());
}
