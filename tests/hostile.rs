//! Damaged and foreign files (tests/fixtures/hostile/): each is refused with
//! the exact message the user reads, naming the file and what is wrong, and
//! saying that nothing changed (an import only previews until she applies it;
//! the end-to-end tests check storage byte for byte). A file added to the
//! folder without its message fails the test.
#![cfg(not(target_arch = "wasm32"))]

use so_tay_chi_hoi::domain::book::collections::{Book, DeviceState};
use so_tay_chi_hoi::domain::exchange::import::preview_import;
use so_tay_chi_hoi::domain::exchange::preview::ImportPreview;
use so_tay_chi_hoi::domain::figures::compare::Comparison;
use so_tay_chi_hoi::domain::file::envelope::MAX_FILE_BYTES;
use so_tay_chi_hoi::domain::kernel::date::Date;
use so_tay_chi_hoi::domain::kernel::period::Period;
use so_tay_chi_hoi::domain::kernel::record::Record;
use so_tay_chi_hoi::domain::kernel::stamp::{DeviceId, Stamp};
use so_tay_chi_hoi::domain::records::member_draft::MemberDraft;
use so_tay_chi_hoi::domain::records::unit::UnitSetup;
use so_tay_chi_hoi::storage::files::ReadError;
use so_tay_chi_hoi::ui::shared::messages::{refused_file, rejection_reasons, rejection_subject};

const NOW: u64 = 1_764_375_945_123;

fn today() -> Date {
    Date::new(2026, 11, 29).unwrap()
}

/// A device `n` set up for the unit `(name, kind)` under `above`.
fn set_up(n: u8, (name, kind): (&str, &str), above: (&str, &str)) -> (Book, DeviceState) {
    let mut device = DeviceState::new(DeviceId::from_random([n; 8]));
    let setup = UnitSetup {
        name: name.into(),
        kind: kind.into(),
        above: vec![(above.0.into(), above.1.into())],
    };
    (device.set_up(&setup, NOW), device)
}

/// A chapter's phone, set up, with its unit, the one above and a member.
fn phone() -> (Book, DeviceState) {
    let (mut book, mut device) = set_up(
        9,
        ("Chi hội Thôn Tây", "Chi hội"),
        ("Hội LHPN xã An Bình", "Hội LHPN cấp xã"),
    );
    let mut draft = MemberDraft::default();
    draft.set_full_name("Phan Thị Mơ");
    let member = draft.build(None, today()).expect("a valid member");
    book.members
        .put(Record::create(device.clock.tick(NOW), member));
    (book, device)
}

/// Where a file is imported.
#[derive(Clone, Copy, Debug)]
enum At {
    /// The chapter's phone set up but still empty: a backup's unit is taken.
    EmptyChapter,
    /// The chapter's phone with its member.
    Chapter,
    /// The office of a commune, which chapters send reports to.
    Office,
    /// The same office, holding Chi hội Thôn Bắc below it (`BAC`).
    OfficeWithChapter,
}

/// The id of Chi hội Thôn Bắc at `At::OfficeWithChapter`, which the files of
/// `make.mjs` name.
const BAC: &str = "19acd005fa3-2-0606060606060606";

fn device_at(at: At) -> (Book, DeviceState) {
    match at {
        At::EmptyChapter => {
            let (mut book, device) = phone();
            book.members = Default::default();
            (book, device)
        }
        At::Chapter => phone(),
        At::Office => set_up(
            6,
            ("Hội LHPN xã An Bình", "Hội LHPN cấp xã"),
            ("Hội LHPN huyện Đông Hưng", "Hội LHPN cấp huyện"),
        ),
        At::OfficeWithChapter => {
            use so_tay_chi_hoi::domain::records::unit::Unit;
            let (mut book, mut device) = device_at(At::Office);
            let home = device.home.clone();
            let bac = Record::create(
                device.clock.tick(NOW),
                Unit::new("Chi hội Thôn Bắc", "Chi hội", home),
            );
            assert_eq!(bac.id.as_str(), BAC);
            book.units.put(bac);
            (book, device)
        }
    }
}

/// The preview of importing `bytes` at `at`, which must not refuse it whole.
fn accepted(name: &str, bytes: &[u8], at: At) -> ImportPreview {
    let (book, device) = device_at(at);
    match preview_import(bytes, &book, &device, NOW, today()) {
        Ok(preview) => {
            assert!(
                preview.changes(),
                "{name}: the rest of the file is still offered"
            );
            preview
        }
        Err(error) => panic!("{name} was refused whole: {error:?}"),
    }
}

/// What the preview says of each record refused in `bytes`, imported at `at`.
fn refused_records(name: &str, bytes: &[u8], at: At) -> Vec<String> {
    accepted(name, bytes, at)
        .rejected
        .iter()
        .map(|r| format!("{}: {}", rejection_subject(r), rejection_reasons(r)))
        .collect()
}

/// What the user reads when `bytes`, named `name`, is imported on `phone()`.
fn message(name: &str, bytes: &[u8]) -> String {
    let (book, device) = phone();
    match preview_import(bytes, &book, &device, NOW, today()) {
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
        ("newer-format.json", "tệp được tạo bởi phiên bản mới hơn của ứng dụng (định dạng 99; máy này đọc được đến định dạng 3). Hãy cập nhật ứng dụng rồi nhập lại."),
        ("no-unit.json", "phần đầu của tệp bị hỏng (mục «unit»)."),
        ("members-not-a-list.json", "danh sách «Hội viên» trong tệp bị hỏng."),
        ("report-with-members.json", "tệp báo cáo không được chứa «Hội viên». Báo cáo chỉ gồm số liệu, không có thông tin cá nhân."),
        ("altered.json", "tệp đã bị hỏng hoặc bị sửa sau khi tạo ra (mã kiểm tra không khớp với nội dung). Hãy xin người gửi gửi lại tệp gốc."),
        ("locked-altered.json", "tệp đã bị hỏng hoặc bị sửa sau khi tạo ra (mã kiểm tra không khớp với nội dung). Hãy xin người gửi gửi lại tệp gốc."),
        ("locked-too-few-iterations.json", "phần đầu của tệp bị hỏng (mục «kdf»)."),
        ("no-checksum.json", "phần đầu của tệp bị hỏng (mục «checksum»)."),
        ("format-zero.json", "phần đầu của tệp bị hỏng (mục «format»)."),
        ("bad-created.json", "phần đầu của tệp bị hỏng (mục «created»)."),
        ("data-not-an-object.json", "phần đầu của tệp bị hỏng (mục «data»)."),
        ("units-not-a-list.json", "danh sách «Đơn vị» trong tệp bị hỏng."),
        ("plan-with-members.json", "tệp kế hoạch không được chứa «Hội viên». Kế hoạch chỉ gồm đơn vị, chỉ tiêu và phong trào thi đua."),
        ("own-report.json", "đây là báo cáo của chính đơn vị trên máy này hoặc của cấp trên, không nhập vào đây."),
        ("plan-from-below.json", "đây là kế hoạch của chính đơn vị trên máy này hoặc của đơn vị cấp dưới, không nhập vào đây."),
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
        .filter(|n| {
            n.ends_with(".json")
                && !cases.iter().any(|(c, _)| c == n)
                && !RECORD_CASES.iter().any(|(c, _, _)| c == n)
                && !ACCEPTED_CASES.contains(&n.as_str())
        })
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
/// What a record pointing at a record no one holds is told.
const GONE: &str =
    "trỏ tới mục «19ad2f3c4b1-99-a1b2c3d4e5f60718» mà cả sổ trên máy lẫn tệp đều không có";

/// The stamps of a record's parts (format 3) that cannot be true are named
/// like any field, on the record they are in; the rest of the file is offered.
#[test]
fn part_stamps_that_cannot_be_read_name_their_record() {
    use so_tay_chi_hoi::domain::file::checksum::seal;
    let fixture: serde_json::Value =
        serde_json::from_slice(&std::fs::read("tests/fixtures/backup-format-3.json").unwrap())
            .unwrap();
    const MO: &str = "19acd005fa3-2-0909090909090909";
    let subject = |id: &str| format!("Hội viên thứ 1 «Phan Thị Mơ» (mã {id}): Thời điểm ");
    type Change = fn(&mut serde_json::Value);
    let cases: [(&str, Change, String); 4] = [
        (
            "a stamp after the record's",
            |m| m["fields"]["phone"] = "1999999999999-0-0909090909090909".into(),
            format!(
                "{}sửa «Số điện thoại»: sau thời điểm sửa mới nhất của cả mục",
                subject(MO)
            ),
        ),
        (
            "stamps that are no list",
            |m| m["fields"] = "hôm qua".into(),
            format!("{}sửa: sai kiểu dữ liệu", subject(MO)),
        ),
        (
            "no since for an id of no stamp",
            |m| m["id"] = "hoi-vien-mo".into(),
            format!(
                "{}tạo: tệp không ghi, mà mã mục không cho biết mục được tạo lúc nào",
                subject("hoi-vien-mo")
            ),
        ),
        (
            "an element's key too long",
            |m| m["removed"] = serde_json::json!({ "status_history": { "x".repeat(201): "=" } }),
            format!(
                "{}bỏ khỏi «Tình trạng»: «{}…» không hợp lệ",
                subject(MO),
                "x".repeat(40)
            ),
        ),
    ];
    for (what, change, expected) in cases {
        let mut file = fixture.clone();
        let member = &mut file["data"]["members"][0];
        assert_eq!(member["id"], MO);
        change(member);
        let map = file.as_object_mut().unwrap();
        map.remove("checksum");
        seal(map);
        let got = refused_records(what, file.to_string().as_bytes(), At::EmptyChapter);
        assert_eq!(got, [expected], "{what}");
    }
}

/// Files whose header is sound but one record is not: the record is named
/// (kind, position, name, id), with every field that is wrong, and the rest
/// of the file is still offered.
const RECORD_CASES: &[(&str, At, &str)] = &[
    ("records-bad-id.json", At::EmptyChapter, "Hội viên thứ 1 «Nguyễn Thị Hoa» (mã <script>): Mã số: «<script>» không hợp lệ"),
    ("records-bad-phone.json", At::EmptyChapter, "Hội viên thứ 1 «Nguyễn Thị Hoa» (mã {ID}): Số điện thoại: cần 8 đến 15 chữ số"),
    ("records-control-chars.json", At::EmptyChapter, "Hội viên thứ 1 «Nguyễn Thị Hoa\u{7}» (mã {ID}): Tên: có ký tự điều khiển không in được"),
    ("records-duplicate-id.json", At::EmptyChapter, "Hội viên thứ 2 «Nguyễn Thị Lan» (mã {ID}): Mã số: trùng mã số với một mục khác trong cùng tệp"),
    ("records-future-birth.json", At::EmptyChapter, "Hội viên thứ 1 «Nguyễn Thị Hoa» (mã {ID}): Ngày sinh: là ngày trong tương lai; Ngày vào Hội: trước năm sinh"),
    ("records-huge-name.json", At::EmptyChapter, "Hội viên thứ 1 «Nguyễn Thị AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…» (mã {ID}): Tên: dài quá 40 ký tự"),
    ("records-joined-before-birth.json", At::EmptyChapter, "Hội viên thứ 1 «Nguyễn Thị Hoa» (mã {ID}): Ngày vào Hội: trước năm sinh"),
    ("records-unknown-ethnicity.json", At::EmptyChapter, "Hội viên thứ 1 «Nguyễn Thị Hoa» (mã {ID}): Dân tộc: không có trong danh mục 54 dân tộc"),
    ("records-number-out-of-range.json", At::EmptyChapter, "Hội viên thứ 1 «Nguyễn Thị Hoa» (mã {ID}): Dân tộc: sai kiểu dữ liệu"),
    ("records-bad-stamp.json", At::EmptyChapter, "Hội viên thứ 1 «Nguyễn Thị Hoa» (mã {ID}): Thời điểm sửa: «99999999999999999999999-0-a1b2c3d4e5f607…» không hợp lệ"),
    ("records-unknown-religion-type.json", At::EmptyChapter, "Hội viên thứ 1 «Nguyễn Thị Hoa» (mã {ID}): Tôn giáo: sai kiểu dữ liệu"),
    ("records-not-objects.json", At::EmptyChapter, "Hội viên thứ 2: Mục: không đọc được mục này\nHội viên thứ 3: Mục: không đọc được mục này\nHội viên thứ 4: Mục: không đọc được mục này"),
    ("records-stamp-in-2099.json", At::EmptyChapter, "Hội viên thứ 2 «Phan Thị Hoa» (mã 19ad2f3c4b1-9-0909090909090909): Thời điểm sửa: là ngày trong tương lai"),
    ("records-id-too-long.json", At::EmptyChapter, "Hội viên thứ 2 «Phan Thị Hoa» (mã aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…): Mã số: «aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…» không hợp lệ"),
    ("report-outside-subtree.json", At::Office, "Báo cáo của đơn vị thứ 2 «Hội LHPN xã An Bình» (mã report-2026-19acd005fa3-0-0404040404040404): Đơn vị: là đơn vị không thuộc đơn vị gửi báo cáo, nên không được nhận"),
    ("report-no-such-period.json", At::Office, "Báo cáo của đơn vị thứ 1 «2026Q5» (mã report-2026-19acd005fa3-1-0404040404040404): Kỳ: «2026Q5» không hợp lệ"),
    ("report-period-inside-a-letter.json", At::Office, "Báo cáo của đơn vị thứ 1 «2026ỉ» (mã report-2026-19acd005fa3-1-0404040404040404): Kỳ: «2026ỉ» không hợp lệ"),
    ("report-rate-over-100.json", At::Office, "Báo cáo của đơn vị thứ 1 «2026» (mã report-2026-19acd005fa3-1-0404040404040404): Giá trị: tử số lớn hơn mẫu số: tỷ lệ này không thể quá 100%"),
    ("report-negative-count.json", At::Office, "Báo cáo của đơn vị thứ 1 «2026» (mã report-2026-19acd005fa3-1-0404040404040404): Giá trị: «-5» không hợp lệ"),
    ("records-pointing-at-nothing.json", At::EmptyChapter, "Hội viên thứ 2 «Nguyễn Thị Lan» (mã 19ad2f3c4b1-4-a1b2c3d4e5f60718): Tổ phụ nữ: trỏ tới mục «19ad2f3c4b1-98-a1b2c3d4e5f60718» mà cả sổ trên máy lẫn tệp đều không có\nChức vụ cán bộ thứ 1 «2025-01-01» (mã 19ad2f3c4b1-5-a1b2c3d4e5f60718): Hội viên: {GONE}\nLớp tập huấn thứ 1 «Tập huấn chuyển đổi số» (mã 19ad2f3c4b1-6-a1b2c3d4e5f60718): Người dự trong sổ: {GONE}\nMô hình thứ 1 (mã 19ad2f3c4b1-7-a1b2c3d4e5f60718): Người tham gia trong sổ: {GONE}\nSinh hoạt, hoạt động thứ 1 «2026-04-10» (mã 19ad2f3c4b1-8-a1b2c3d4e5f60718): Người dự trong sổ: {GONE}\nHội phí đã đóng thứ 1 «2026» (mã fee-2026-19ad2f3c4b1-99-a1b2c3d4e5f60718): Hội viên: {GONE}"),
    ("office-records-pointing-at-nothing.json", At::EmptyChapter, "Chỉ tiêu thứ 1 «members.end 2026» (mã target-2026-members-end-19ad2f3c4b1-99-a1b2c3d4e5f60718): Đơn vị đặt ra: {GONE}\nBáo cáo của đơn vị thứ 1 «2026» (mã report-2026-19ad2f3c4b1-99-a1b2c3d4e5f60718): Đơn vị: {GONE}\nĐợt thi đua thứ 1 «Thi đua năm 2026» (mã 19ad2f3c4b1-a-a1b2c3d4e5f60718): Đơn vị đặt ra: {GONE}\nĐiểm chấm thi đua thứ 1 (mã scores-19ad2f3c4b1-a-a1b2c3d4e5f60718-19ad2f3c4b1-99-a1b2c3d4e5f60718): Đơn vị: {GONE}"),
    ("records-status-out-of-order.json", At::EmptyChapter, "Hội viên thứ 1 «Nguyễn Thị Hoa» (mã {ID}): Tình trạng: không theo thứ tự ngày: có ngày sớm hơn ngày ghi trước nó"),
    ("units-in-a-loop.json", At::EmptyChapter, "Đơn vị thứ 3 «Chi hội Thôn Bắc» (mã 19ad2f3c4b1-14-a1b2c3d4e5f60718): Đơn vị cấp trên: đơn vị không thể là cấp trên của chính nó\nĐơn vị thứ 4 «Chi hội Thôn Nam» (mã 19ad2f3c4b1-15-a1b2c3d4e5f60718): Đơn vị cấp trên: «Tổ dân phố 3» đang ở dưới đơn vị này, nên không thể là cấp trên của nó (cây đơn vị sẽ thành vòng lặp)"),
    ("report-rate-over-nothing.json", At::Office, "Báo cáo của đơn vị thứ 1 «2026» (mã report-2026-19acd005fa3-1-0404040404040404): Giá trị: tử số lớn hơn 0 mà mẫu số bằng 0: tỷ lệ này không có gì để chia"),
    ("report-period-years-ahead.json", At::Office, "Báo cáo của đơn vị thứ 1 «2031» (mã report-2031-19acd005fa3-1-0404040404040404): Kỳ: là kỳ sau năm nay, chưa thể có số liệu"),
    ("plan-over-own-records.json", At::Chapter, "Chỉ tiêu thứ 1 «members.end 2026» (mã target-2026-members-end): Mã số: không khớp với nội dung của mục (đơn vị, kỳ, năm…): mục này nhận chỗ của một mục khác, nên không được nhận\nChỉ tiêu thứ 2 «members.end» (mã target-2026-members-end-19acd005fa3-1-0909090909090909): Nội dung: không do đơn vị gửi hay cấp trên của họ đặt ra, nên không được nhận"),
    ("parts-field-before-creation.json", At::EmptyChapter, "Hội viên thứ 1 «Phan Thị Mơ» (mã 19acd005fa3-2-0909090909090909): Thời điểm sửa «Số điện thoại»: không sau lúc mục được tạo: không thể có lần sửa trước khi có mục"),
    ("parts-replaced-after-its-change.json", At::EmptyChapter, "Hội viên thứ 1 «Phan Thị Mơ» (mã 19acd005fa3-2-0909090909090909): Thời điểm giá trị cũ của «Số điện thoại»: giá trị cũ không cũ hơn lần sửa thay nó"),
    ("parts-replaced-not-changed.json", At::EmptyChapter, "Hội viên thứ 1 «Phan Thị Mơ» (mã 19acd005fa3-2-0909090909090909): Thời điểm giá trị cũ của «Tên»: có giá trị cũ mà không có lần sửa nào thay nó"),
    ("parts-no-such-field.json", At::EmptyChapter, "Hội viên thứ 1 «Phan Thị Mơ» (mã 19acd005fa3-2-0909090909090909): Thời điểm sửa «nickname»: loại mục này không có trường đó"),
    ("parts-added-not-held.json", At::EmptyChapter, "Hội viên thứ 1 «Phan Thị Mơ» (mã 19acd005fa3-2-0909090909090909): Thời điểm thêm vào «Tình trạng»: ghi là đã thêm một mục mà danh sách không có"),
    ("parts-removed-never-existed.json", At::EmptyChapter, "Hội viên thứ 1 «Phan Thị Mơ» (mã 19acd005fa3-2-0909090909090909): Thời điểm bỏ khỏi «Tình trạng»: ghi là đã bỏ một mục không thể có trong danh sách này"),
    ("parts-removed-not-a-set.json", At::EmptyChapter, "Hội viên thứ 1 «Phan Thị Mơ» (mã 19acd005fa3-2-0909090909090909): Thời điểm bỏ khỏi «Địa chỉ»: không phải danh sách gộp từng mục một"),
    ("parts-stamp-not-the-newest.json", At::EmptyChapter, "Hội viên thứ 1 «Phan Thị Mơ» (mã 19acd005fa3-2-0909090909090909): Thời điểm sửa: không phải lần sửa mới nhất trong các phần của mục"),
    ("report-id-of-another-unit.json", At::Office, "Báo cáo của đơn vị thứ 2 «2026» (mã report-2026-{BAC}): Mã số: không khớp với nội dung của mục (đơn vị, kỳ, năm…): mục này nhận chỗ của một mục khác, nên không được nhận"),
    ("report-moves-a-known-unit.json", At::OfficeWithChapter, "Đơn vị thứ 2 «Chi hội Thôn Bắc» (mã {BAC}): Đơn vị cấp trên: tệp xếp đơn vị này vào chỗ khác với chỗ máy này biết: xếp đơn vị ở đâu là việc của Hội cấp trên, nên không được nhận\nBáo cáo của đơn vị thứ 2 «Chi hội Thôn Bắc» (mã report-2026-{BAC}): Đơn vị: là đơn vị không thuộc đơn vị gửi báo cáo, nên không được nhận"),
    ("scores-id-of-another-unit.json", At::Office, "Điểm chấm thi đua thứ 1 (mã scores-19acd005fa3-5-0606060606060606-19acd005fa3-2-060606060606…): Mã số: không khớp với nội dung của mục (đơn vị, kỳ, năm…): mục này nhận chỗ của một mục khác, nên không được nhận"),
    ("report-counts-itself-five-times.json", At::Office, "Báo cáo của đơn vị thứ 1 «Chi hội Thôn Nam» (mã report-2026-19acd005fa3-1-0404040404040404): Giá trị: báo cáo của một chi hội tính chi hội đó nhiều hơn một lần trong số liệu xếp loại, nên không được nhận"),
    ("report-with-a-decision.json", At::Office, "Điểm chấm thi đua thứ 1 «Chi hội Thôn Nam» (mã decision-19acd005fa3-5-0606060606060606-19acd005fa3-1-0404040404040404): Xếp loại: quyết định xếp loại là việc của Hội cấp trên; báo cáo của đơn vị chỉ gửi kết quả tự chấm, nên không được nhận"),
    ("plan-grades-not-the-unions.json", At::Chapter, "Đợt thi đua thứ 1 «Xếp loại chi hội năm 2026» (mã 19acd005fa3-6-0505050505050505): Mức xếp loại: bảng xếp loại cuối năm phải có đúng bốn mức của Hội, theo thứ tự: Vững mạnh, Khá, Trung bình, Yếu"),
    ("plan-grades-reversed.json", At::Chapter, "Đợt thi đua thứ 1 «Xếp loại chi hội năm 2026» (mã 19acd005fa3-6-0505050505050505): Mức xếp loại: bảng xếp loại cuối năm phải có đúng bốn mức của Hội, theo thứ tự: Vững mạnh, Khá, Trung bình, Yếu"),
    ("plan-decision-not-in-the-sheet.json", At::Chapter, "Điểm chấm thi đua thứ 1 «Chi hội Thôn Tây» (mã decision-19acd005fa3-6-0505050505050505-19acd005fa3-1-0909090909090909): Xếp loại: «Xuất sắc» không có trong bảng xếp loại của đợt thi đua, nên không được nhận"),
];

#[test]
fn a_bad_record_is_named_with_what_is_wrong_and_the_rest_is_offered() {
    let mut wrong = Vec::new();
    for (name, at, line) in RECORD_CASES {
        let bytes = std::fs::read(format!("tests/fixtures/hostile/{name}")).unwrap();
        let expected: Vec<String> = line
            .split('\n')
            .map(|l| {
                l.replace("{ID}", ID)
                    .replace("{GONE}", GONE)
                    .replace("{BAC}", BAC)
            })
            .collect();
        let got = refused_records(name, &bytes, *at);
        if got != expected {
            wrong.push(format!(
                "{name}\n  got      {got:?}\n  expected {expected:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Files that are sound, however odd: taken as they are, never refused.
const ACCEPTED_CASES: [&str; 4] = [
    "bom.json",
    "names-html.json",
    "names-formula.json",
    "report-formula-unit-name.json",
];

/// A byte-order mark, as Windows editors write one, is no fault.
#[test]
fn a_byte_order_mark_is_read_past() {
    let bytes = std::fs::read("tests/fixtures/hostile/bom.json").unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    assert_eq!(
        refused_records("bom.json", &bytes, At::EmptyChapter),
        Vec::<String>::new()
    );
}

/// Markup and spreadsheet formulas in names are names: kept letter for letter
/// (the pages show text, never markup), and written to CSV so that Excel
/// shows them rather than runs them.
#[test]
fn markup_and_formulas_in_names_stay_text() {
    let taken = |name: &str, at: At| {
        let bytes = std::fs::read(format!("tests/fixtures/hostile/{name}")).unwrap();
        let preview = accepted(name, &bytes, at);
        assert!(
            preview.rejected.is_empty(),
            "{name}: {:?}",
            preview.rejected
        );
        let (book, mut device) = device_at(at);
        let book = preview.apply(book, &mut device);
        (book, device)
    };
    let (book, _) = taken("names-html.json", At::EmptyChapter);
    let member = &book.members.live().next().unwrap().data;
    assert_eq!(member.given_name, "<img src=x onerror=alert(1)>");
    let (book, _) = taken("names-formula.json", At::EmptyChapter);
    let member = &book.members.live().next().unwrap().data;
    assert_eq!(member.family_name, "=HYPERLINK(\"http://x\")");
    assert_eq!(member.given_name, "@SUM(A1)");

    let (book, device) = taken("report-formula-unit-name.json", At::Office);
    let home = device.home.unwrap();
    let columns = ["members.end".to_string()];
    let csv = Comparison::build(&book, &home, &home, Period::Year(2026), 1, &columns)
        .to_csv(&book, &home);
    assert!(csv.contains("\"'=cmd|' /C calc'!A0\""), "{csv}");
}

/// A file of a million records, well under the size limit, is refused by
/// its count before any record is read.
#[test]
fn a_million_records_are_refused_by_their_count() {
    let records = vec!["{}"; 1_000_000].join(",");
    let text = format!(
        r#"{{"app":"so-tay-chi-hoi","kind":"backup","format":1,"created":"2026-11-29T00:00:00Z","device":"a1b2c3d4e5f60718","unit":{{"id":"u1","name":"Chi hội Thôn Đông"}},"data":{{"members":[{records}]}}}}"#
    );
    assert!((text.len() as u64) < MAX_FILE_BYTES);
    assert_eq!(
        message("trieu.json", text.as_bytes()),
        "Không nhập được tệp «trieu.json»: tệp có 1000000 mục «Hội viên», nhiều hơn mức một máy giữ được (100000). Tệp bị hỏng hoặc không phải do Sổ tay Chi hội tạo ra. Sổ trên máy không thay đổi."
    );
}

/// Two files, each sound alone, may not close a loop in the unit tree between
/// them: the unit of the file that would close it is refused, naming the
/// unit it would be placed under, and the tree stays a tree.
#[test]
fn files_sound_alone_never_close_a_loop_together() {
    use so_tay_chi_hoi::domain::exchange::backup::write_backup;
    use so_tay_chi_hoi::domain::records::unit::{with_ancestors, Unit};
    let (mut office, mut device) = device_at(At::Office);
    let home = device.home.clone().unwrap();
    let mut clock = device.clock.clone();
    let mut stamp = |ms: u64| clock.tick(NOW + ms);
    let a = Record::create(
        stamp(1),
        Unit::new("Chi hội Thôn Bắc", "Chi hội", Some(home.clone())),
    );
    let b = Record::create(
        stamp(2),
        Unit::new("Chi hội Thôn Nam", "Chi hội", Some(a.id.clone())),
    );
    let under = |unit: &Record<Unit>, parent: &Record<Unit>, at: Stamp| {
        unit.edited(
            at,
            Unit {
                parent: Some(parent.id.clone()),
                ..unit.data.clone()
            },
        )
    };
    let home_unit = office.units.get(&home).unwrap().clone();
    // On another phone of the office: Thôn Nam moved up under the commune,
    // then Thôn Bắc under Thôn Nam.
    let mut other = office.clone();
    other.units.put(under(&b, &home_unit, stamp(3)));
    other.units.put(under(&a, &b, stamp(4)));
    // Here, later: Thôn Nam moved up, then back under Thôn Bắc (its parent
    // changed after the other phone's move).
    office.units.put(a.clone());
    let moved_up = under(&b, &home_unit, stamp(5));
    office.units.put(under(&moved_up, &a, stamp(6)));
    device.clock = clock;
    let file = write_backup(&other, &device, NOW, today()).unwrap();
    let preview = preview_import(file.contents.as_bytes(), &office, &device, NOW, today()).unwrap();
    let said: Vec<String> = preview
        .rejected
        .iter()
        .map(|r| format!("{}: {}", rejection_subject(r), rejection_reasons(r)))
        .collect();
    assert_eq!(
        said,
        [format!("Đơn vị thứ 3 «Chi hội Thôn Bắc» (mã {}): Đơn vị cấp trên: «Chi hội Thôn Nam» đang ở dưới đơn vị này, nên không thể là cấp trên của nó (cây đơn vị sẽ thành vòng lặp)", a.id)]
    );
    let book = preview.apply(office, &mut device);
    let chain: Vec<&str> = with_ancestors(&book.units, &b.id)
        .iter()
        .map(|u| u.data.name.as_str())
        .collect();
    assert_eq!(
        chain,
        [
            "Chi hội Thôn Nam",
            "Chi hội Thôn Bắc",
            "Hội LHPN xã An Bình",
            "Hội LHPN huyện Đông Hưng"
        ]
    );
}
