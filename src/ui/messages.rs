//! What the domain's errors and problems say to the user, in Vietnamese: which
//! file, which record, which field, what is wrong, and what was kept.

use crate::domain::envelope::{FileError, FORMAT, MAX_FILE_BYTES};
use crate::domain::import::Note;
use crate::domain::member::{Religion, Status};
use crate::domain::name::lower_first;
use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::register::Group;
use crate::domain::restore::Rejection;
use crate::storage::files::ReadError;
use crate::storage::local::{LoadProblem, SaveError};

/// Said after every refused file: the user must know her data is safe.
pub const NOTHING_CHANGED: &str = "Sổ trên máy không thay đổi.";

pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::Active => "Đang sinh hoạt",
        Status::Moved => "Chuyển đi",
        Status::Removed => "Ra khỏi danh sách",
        Status::Deceased => "Đã mất",
    }
}

pub fn group_label(group: Group) -> &'static str {
    match group {
        Group::Minority => "Dân tộc thiểu số",
        Group::Religious => "Tôn giáo",
        Group::Worker => "Công nhân",
        Group::RentedRoom => "Nhà trọ",
        Group::Honorary => "Danh dự",
    }
}

/// A religion's name by its code; "Khác" for the written-in choice.
pub fn religion_label(code: &str) -> &'static str {
    Religion::NAMED
        .iter()
        .find(|r| r.code() == code)
        .map_or("Khác", |r| r.names().0)
}

/// A field's name as the form shows it, from a record path (`data.birth`) or a form field.
pub fn field_label(field: &str) -> &'static str {
    let field = field.strip_prefix("data.").unwrap_or(field);
    let head = field.split('.').next().unwrap_or("");
    match head {
        "family_name" => "Họ",
        "middle_name" => "Tên đệm",
        "given_name" => "Tên",
        "birth" => "Ngày sinh",
        "phone" => "Số điện thoại",
        "address" => "Địa chỉ",
        "joined_on" => "Ngày vào Hội",
        "ethnicity" => "Dân tộc",
        "religion" => "Tôn giáo",
        "worker" => "Công nhân",
        "rented_room" => "Ở nhà trọ",
        "honorary" => "Hội viên danh dự",
        "status_history" | "status_on" => "Tình trạng",
        "id" => "Mã bản ghi",
        "stamp" => "Thời điểm sửa",
        "deleted" => "Đánh dấu xoá",
        "data" => "Nội dung bản ghi",
        "name" => "Tên",
        "kind" => "Loại",
        "parent" => "Đơn vị cấp trên",
        "online_group" => "Nhóm Zalo, Facebook",
        "group" => "Tổ phụ nữ",
        "member" => "Hội viên",
        "role" => "Chức vụ",
        "start" => "Ngày bắt đầu",
        "end" => "Ngày kết thúc",
        "title" => "Tên lớp",
        "topics" => "Chủ đề",
        "level" => "Cấp tổ chức",
        "attendees" => "Người dự trong sổ",
        "extra_attendees" => "Người dự khác",
        "target_group" => "Đối tượng",
        "stages" => "Giai đoạn",
        "participants" => "Người tham gia trong sổ",
        "extra_participants" => "Người tham gia khác",
        "sessions" => "Buổi sinh hoạt",
        "on" => "Ngày",
        "head_count" => "Số người",
        "content" => "Nội dung",
        "year" => "Năm",
        "amount" => "Số tiền",
        "paid_on" => "Ngày đóng",
        "women_18" => "Phụ nữ từ 18 tuổi",
        "minority_women" => "Phụ nữ dân tộc thiểu số",
        "religious_women" => "Phụ nữ theo tôn giáo",
        "indicator" => "Chỉ tiêu",
        "value" => "Giá trị",
        _ => "Bản ghi",
    }
}

pub fn problem_text(problem: &Problem) -> String {
    match problem {
        Problem::Missing => "thiếu thông tin này".into(),
        Problem::WrongType => "sai kiểu dữ liệu".into(),
        Problem::Invalid(value) if value.is_empty() => "giá trị không hợp lệ".into(),
        Problem::Invalid(value) => format!("«{value}» không hợp lệ"),
        Problem::Empty => "không được để trống".into(),
        Problem::TooLong { max } => format!("dài quá {max} ký tự"),
        Problem::ControlCharacters => "có ký tự điều khiển không in được".into(),
        Problem::InFuture => "là ngày trong tương lai".into(),
        Problem::BeforeBirth => "trước năm sinh".into(),
        Problem::BadPhone => "cần 8 đến 15 chữ số".into(),
        Problem::UnknownEthnicity => "không có trong danh mục 54 dân tộc".into(),
        Problem::DuplicateId => "trùng mã với một bản ghi khác trong cùng tệp".into(),
        Problem::NotAnObject => "không phải một bản ghi".into(),
        Problem::BeforeStart => "trước ngày bắt đầu".into(),
        Problem::TooLarge { max } => format!("lớn quá {max}"),
        Problem::NoneChosen => "cần chọn ít nhất một mục".into(),
        Problem::Repeated => "có mục bị lặp lại".into(),
        Problem::ExceedsTotal => "lớn hơn tổng số phụ nữ từ 18 tuổi".into(),
        Problem::UnknownIndicator => "không có trong danh mục chỉ tiêu".into(),
        Problem::OutsideSubtree => {
            "là đơn vị không thuộc đơn vị gửi báo cáo, nên không được nhận".into()
        }
        Problem::NotTheSendersOwn => {
            "không do đơn vị gửi hay cấp trên của họ đặt ra, nên không được nhận".into()
        }
    }
}

/// "Ngày sinh: «1985-13-45» không hợp lệ".
pub fn field_problem_text(problem: &FieldProblem) -> String {
    format!(
        "{}: {}",
        field_label(&problem.field),
        problem_text(&problem.problem)
    )
}

/// The name of a kind of record, as lists and previews show it.
pub fn collection_label(collection: &str) -> &'static str {
    match collection {
        "members" => "Hội viên",
        "units" => "Đơn vị",
        "groups" => "Tổ phụ nữ",
        "roles" => "Chức vụ cán bộ",
        "trainings" => "Lớp tập huấn",
        "models" => "Mô hình",
        "activities" => "Sinh hoạt, hoạt động",
        "fee_rates" => "Mức hội phí",
        "fees" => "Hội phí đã đóng",
        "denominators" => "Số phụ nữ trên địa bàn",
        "targets" => "Chỉ tiêu",
        "reports" => "Báo cáo của đơn vị",
        "campaigns" => "Đợt thi đua",
        "scores" => "Điểm chấm thi đua",
        _ => "Bản ghi",
    }
}

/// Which record: "Hội viên thứ 4 «Nguyễn Thị Hoa» (mã 19ad…)".
pub fn rejection_subject(rejection: &Rejection) -> String {
    let mut text = format!(
        "{} thứ {}",
        collection_label(rejection.collection),
        rejection.index + 1
    );
    if let Some(label) = &rejection.label {
        text.push_str(&format!(" «{label}»"));
    }
    if let Some(id) = &rejection.id {
        text.push_str(&format!(" (mã {id})"));
    }
    text
}

/// Every reason a record was rejected, joined.
pub fn rejection_reasons(rejection: &Rejection) -> String {
    rejection
        .problems
        .iter()
        .map(field_problem_text)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Why a whole file was refused (without the file name or the closing reassurance).
pub fn file_error_text(error: &FileError) -> String {
    match error {
        FileError::Empty => "tệp trống, không có nội dung.".into(),
        FileError::TooLarge { bytes } => format!(
            "tệp quá lớn ({} MB; tối đa {} MB), nên không được mở.",
            bytes.div_ceil(1_048_576),
            MAX_FILE_BYTES / 1_048_576
        ),
        FileError::NotText => {
            "đây không phải tệp văn bản JSON (có thể là ảnh, bảng tính hoặc tệp bị hỏng).".into()
        }
        FileError::NotJson {
            line,
            truncated: true,
            ..
        } => format!(
            "tệp bị cắt cụt ở dòng {line}, có thể do tải về hoặc gửi chưa xong. Hãy xin gửi lại tệp."
        ),
        FileError::NotJson { line, column, .. } => {
            format!("tệp bị hỏng: nội dung sai cú pháp ở dòng {line}, cột {column}.")
        }
        FileError::NotAnObject | FileError::NotOurs => {
            "đây không phải tệp của Sổ tay Chi hội.".into()
        }
        FileError::UnknownKind(kind) => {
            format!("loại tệp «{kind}» chưa được phiên bản này hỗ trợ.")
        }
        FileError::NewerFormat { found } => format!(
            "tệp được tạo bởi phiên bản mới hơn của ứng dụng (định dạng {found}; máy này đọc được đến định dạng {FORMAT}). Hãy cập nhật ứng dụng rồi nhập lại."
        ),
        FileError::BadHeader { field } => {
            format!("phần đầu của tệp bị hỏng (mục «{field}»).")
        }
        FileError::BadCollection(collection) => format!(
            "danh sách «{}» trong tệp bị hỏng.",
            collection_label(collection)
        ),
        FileError::UnexpectedCollection(collection) => format!(
            "tệp báo cáo không được chứa «{}». Báo cáo chỉ gồm số liệu, không có thông tin cá nhân.",
            collection_label(collection)
        ),
        FileError::OwnReport => {
            "đây là báo cáo của chính đơn vị trên máy này hoặc của cấp trên, không nhập vào đây.".into()
        }
        FileError::PlanFromBelow => {
            "đây là kế hoạch của chính đơn vị trên máy này hoặc của đơn vị cấp dưới, không nhập vào đây.".into()
        }
        FileError::NeedsSetUp => {
            "máy này chưa thiết lập đơn vị, nên chưa biết báo cáo thuộc về đâu. Hãy thiết lập đơn vị trước.".into()
        }
        FileError::OtherUnit {
            file_unit,
            own_unit,
        } => format!(
            "đây là tệp sao lưu của «{file_unit}», còn máy này đang giữ sổ của «{own_unit}». Chỉ nhập được sao lưu của chính đơn vị mình."
        ),
    }
}

/// The full message for a refused file.
pub fn refused_file(name: &str, error: &ReadError) -> String {
    let reason = match error {
        ReadError::File(error) => file_error_text(error),
        ReadError::Unreadable => {
            "trình duyệt không đọc được tệp (tệp có thể đã bị xoá hoặc di chuyển).".into()
        }
    };
    format!("Không nhập được tệp «{name}»: {reason} {NOTHING_CHANGED}")
}

pub fn save_error_text(error: &SaveError) -> &'static str {
    match error {
        SaveError::Full => "Bộ nhớ của trình duyệt đã đầy: thay đổi mới nhất chưa được lưu vào máy (vẫn còn trên màn hình). Hãy tạo tệp sao lưu ngay. Ứng dụng sẽ tự lưu lại khi có chỗ.",
        SaveError::Unavailable => "Trình duyệt không cho lưu dữ liệu (có thể đang ở chế độ ẩn danh): dữ liệu sẽ mất khi đóng trang. Hãy tạo tệp sao lưu.",
        SaveError::Protected => "Ứng dụng tạm không lưu để không ghi đè dữ liệu cũ chưa đọc được. Hãy tạo tệp sao lưu và tải lại trang.",
    }
}

/// What start-up found, and what was done to keep it safe.
pub fn load_problem_text(problem: &LoadProblem) -> String {
    let kept = |aside: &Option<String>| match aside {
        Some(_) => "Bản gốc đã được cất riêng trên máy, không bị ghi đè.",
        None => "Không cất riêng được bản gốc, nên ứng dụng sẽ không ghi gì đè lên nó.",
    };
    let part = |key: &str| {
        let name = key.rsplit('.').next().unwrap_or(key);
        match name {
            "device" => "thông tin thiết bị",
            "members" => "danh sách hội viên",
            "units" => "danh sách đơn vị",
            _ => "dữ liệu",
        }
    };
    match problem {
        LoadProblem::Unreadable { key, error, aside } => format!(
            "Không đọc được {} lưu trên máy: {} {}",
            part(key),
            file_error_text(error),
            kept(aside)
        ),
        LoadProblem::Rejected {
            key,
            rejected,
            aside,
        } => format!(
            "{} bản ghi trong {} lưu trên máy không hợp lệ nên chưa hiển thị ({}). {}",
            rejected.len(),
            part(key),
            rejected
                .iter()
                .take(3)
                .map(|r| format!("{}: {}", rejection_subject(r), rejection_reasons(r)))
                .collect::<Vec<_>>()
                .join("; "),
            kept(aside)
        ),
        LoadProblem::Newer { found } => format!(
            "Dữ liệu trên máy do phiên bản mới hơn của ứng dụng ghi (định dạng {found}). Ứng dụng không sửa gì để giữ an toàn: hãy tải lại trang để dùng phiên bản mới."
        ),
        LoadProblem::NoStorage => save_error_text(&SaveError::Unavailable).into(),
    }
}

/// What the preview says of a file's effect on the unit tree.
pub fn note_text(note: &Note) -> String {
    match note {
        Note::Attaches { unit, under } => format!("«{unit}» là đơn vị mới trên máy này, sẽ được xếp dưới «{under}»."),
        Note::ParentUnknown { unit, parent } => format!(
            "Trong tệp, cấp trên của «{unit}» là «{parent}», một đơn vị máy này không biết; khi chi hội nhập kế hoạch của cấp trên, hai bên sẽ dùng chung một mã."
        ),
        Note::NotBelow { unit } => format!("Lưu ý: «{unit}» không thuộc đơn vị của máy này."),
        Note::FuturePeriod { unit, period } => format!("Lưu ý: báo cáo của «{unit}» cho {} là kỳ chưa bắt đầu.", lower_first(&period.label_vi())),
        Note::ReplacesListed { unit } => format!(
            "«{unit}» đã được ghi tay trên máy này; đơn vị ghi tay được thay bằng đơn vị trong tệp."
        ),
        Note::ReplacesParent { unit, old, new } => format!(
            "«{unit}» sẽ được xếp dưới «{new}» theo kế hoạch này, thay cho «{old}» đã ghi lúc thiết lập."
        ),
        Note::UnknownIndicators { codes } => format!(
            "Tệp có {} chỉ tiêu phiên bản này chưa biết ({}); số liệu được giữ nhưng chưa hiển thị.",
            codes.len(),
            codes.join(", ")
        ),
    }
}
