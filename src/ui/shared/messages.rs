//! What the domain's errors and problems say to the user, in the interface's
//! language: which file, which record, which field, what is wrong, and what
//! was kept.

use crate::domain::book::collections::{Conflict, MAX_RECORDS};
use crate::domain::book::register::Group;
use crate::domain::exchange::preview::Note;
use crate::domain::file::envelope::{FileError, FileKind, FORMAT, MAX_FILE_BYTES};
use crate::domain::file::restore::Rejection;
use crate::domain::kernel::date::Date;
use crate::domain::kernel::name::lower_first;
use crate::domain::kernel::parts::DELETED;
use crate::domain::kernel::problem::{FieldProblem, Problem};
use crate::domain::records::member::{Religion, Status};
use crate::storage::files::ReadError;
use crate::storage::local::{LoadProblem, SaveError};
use crate::ui::i18n::{either, t};
use crate::ui::shared::format::date;

pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::Active => t::status_active(),
        Status::Moved => t::status_moved(),
        Status::Removed => t::status_removed(),
        Status::Deceased => t::status_deceased(),
    }
}

pub fn group_label(group: Group) -> &'static str {
    match group {
        Group::Minority => t::group_minority(),
        Group::Religious => t::religion(),
        Group::Worker => t::worker(),
        Group::RentedRoom => t::tag_rented_room(),
        Group::Honorary => t::tag_honorary(),
    }
}

/// A religion's name by its code; t::religion_other() for the written-in choice.
pub fn religion_label(code: &str) -> &'static str {
    Religion::NAMED
        .iter()
        .find(|r| r.code() == code)
        .map_or(t::religion_other(), |r| either(r.names()))
}

/// A field's name as the form shows it, from a record path (`data.birth`) or a form field.
pub fn field_label(field: &str) -> &'static str {
    known_label(field).unwrap_or(t::record())
}

/// A field's name for a message about it. A part stamp's path
/// (`fields.phone`, `added.status_history.<element>`) names the part:
/// «Thời điểm sửa «Số điện thoại»»; a field the app does not know, as written.
pub fn field_name(path: &str) -> String {
    let mut segments = path.splitn(3, '.');
    let head = segments.next().unwrap_or("");
    let Some(part) = segments.next() else {
        return match head {
            "since" => t::part_since().into(),
            _ => field_label(path).into(),
        };
    };
    let named = || known_label(part).map_or_else(|| part.to_owned(), str::to_owned);
    match head {
        "fields" if part == DELETED => t::part_deletion().into(),
        "fields" => t::part_changed(named()),
        "replaced" => t::part_replaced(named()),
        "added" => t::part_added(named()),
        "removed" => t::part_removed(named()),
        _ => field_label(path).into(),
    }
}

/// The name of a field the app knows, from a record path or a form field.
fn known_label(field: &str) -> Option<&'static str> {
    let field = field.strip_prefix("data.").unwrap_or(field);
    let head = field.split('.').next().unwrap_or("");
    Some(match head {
        "family_name" => t::family_name(),
        "middle_name" => t::middle_name(),
        "given_name" => t::given_name(),
        "birth" => t::birth_date(),
        "phone" => t::phone(),
        "address" => t::address_short(),
        "joined_on" => t::joined_on(),
        "ethnicity" => t::ethnicity(),
        "religion" => t::religion(),
        "worker" => t::worker(),
        "rented_room" => t::rented_room(),
        "honorary" => t::honorary_member(),
        "core" => t::core_member(),
        "card" => t::card_number(),
        "card_on" => t::card_on(),
        "pledges" => t::members_campaign(),
        "recognitions" => t::recognitions(),
        "status_history" | "status_on" => t::status(),
        "id" => t::record_id(),
        "stamp" | "since" | "fields" | "replaced" | "added" | "removed" => t::edited_at(),
        "deleted" => t::deletion_mark(),
        "data" => t::record_content(),
        "name" => t::given_name(),
        "kind" => t::kind(),
        "parent" => t::unit_above(),
        "unit" => t::unit(),
        "online_group" => t::online_group_short(),
        "group" => t::women_group(),
        "member" => t::member(),
        "role" => t::role(),
        "start" => t::start_date(),
        "end" => t::end_date(),
        "title" => t::training_title(),
        "topics" => t::topics(),
        "level" => t::level(),
        "attendees" => t::attendees(),
        "extra_attendees" => t::extra_attendees(),
        "target_group" => t::target_group(),
        "stages" => t::stages(),
        "participants" => t::participants(),
        "extra_participants" => t::extra_participants(),
        "sessions" => t::sessions(),
        "on" => t::date(),
        "head_count" => t::head_count(),
        "excused" => t::mark_excused(),
        "time" => t::meeting_time(),
        "place" => t::meeting_place(),
        "chair" => t::chair(),
        "secretary" => t::secretary(),
        "decisions" => t::decisions(),
        "next_on" => t::next_meeting(),
        "content" => t::content(),
        "year" => t::year(),
        "amount" => t::amount(),
        "paid_on" => t::paid_on(),
        "women_18" => t::women_18(),
        "minority_women" => t::minority_women(),
        "religious_women" => t::religious_women(),
        "indicator" => t::indicator(),
        "value" | "values" => t::value(),
        "period" => t::period(),
        "office" | "set_by" => t::field_office(),
        "campaign" => t::field_campaign(),
        "criteria" => t::criteria(),
        "grades" => t::grade_bands(),
        "points" => t::own_score(),
        "notes" => t::evidence(),
        "decision" => t::grade(),
        _ => return None,
    })
}

pub fn problem_text(problem: &Problem) -> String {
    match problem {
        Problem::Missing => t::problem_missing().into(),
        Problem::WrongType => t::problem_wrong_type().into(),
        Problem::Invalid(value) if value.is_empty() => t::problem_invalid_empty().into(),
        Problem::Invalid(value) => t::problem_invalid(value),
        Problem::Empty => t::problem_empty().into(),
        Problem::TooLong { max } => t::problem_too_long(max),
        Problem::ControlCharacters => t::problem_control().into(),
        Problem::InFuture => t::problem_future().into(),
        Problem::BeforeBirth => t::problem_before_birth().into(),
        Problem::BadPhone => t::problem_bad_phone().into(),
        Problem::UnknownEthnicity => t::problem_unknown_ethnicity().into(),
        Problem::DuplicateId => t::problem_duplicate_id().into(),
        Problem::NotAnObject => t::problem_not_object().into(),
        Problem::BeforeStart => t::problem_before_start().into(),
        Problem::TooLarge { max } => t::problem_too_large(max),
        Problem::NoneChosen => t::problem_none_chosen().into(),
        Problem::Repeated => t::problem_repeated().into(),
        Problem::ExceedsTotal => t::problem_exceeds_total().into(),
        Problem::OverWhole => t::problem_over_whole().into(),
        Problem::UnknownIndicator => t::problem_unknown_indicator().into(),
        Problem::OutsideSubtree => t::problem_outside_subtree().into(),
        Problem::NotTheSendersOwn => t::problem_not_senders().into(),
        Problem::OutOfOrder => t::problem_out_of_order().into(),
        Problem::Dangling(id) => t::problem_dangling(id),
        Problem::NamesRefused(id) => t::problem_names_refused(id),
        Problem::OwnParent => t::problem_own_parent().into(),
        Problem::ClosesLoop(other) => t::problem_closes_loop(other),
        Problem::NothingUnder => t::problem_nothing_under().into(),
        Problem::PeriodAhead => t::problem_period_ahead().into(),
        Problem::IdDisagrees => t::problem_id_disagrees().into(),
        Problem::AfterRecordStamp => t::problem_after_record_stamp().into(),
        Problem::SinceUnknown => t::problem_since_unknown().into(),
        Problem::NoSuchField => t::problem_no_such_field().into(),
        Problem::ChangedBeforeSince => t::problem_changed_before_since().into(),
        Problem::ReplacedUnchanged => t::problem_replaced_unchanged().into(),
        Problem::ReplacedNotOlder => t::problem_replaced_not_older().into(),
        Problem::NotASet => t::problem_not_a_set().into(),
        Problem::AddedNotHeld => t::problem_added_not_held().into(),
        Problem::RemovedHeld => t::problem_removed_held().into(),
        Problem::NotAnElement => t::problem_not_an_element().into(),
        Problem::NotTheNewestChange => t::problem_not_the_newest().into(),
        Problem::PlacedByTheOffice => t::problem_placed_by_the_office().into(),
        Problem::CountsItselfOnce => t::problem_counts_itself_once().into(),
        Problem::NotAGrade(grade) => t::problem_not_a_grade(grade),
        Problem::NotTheUnionsGrades => t::problem_not_the_unions_grades().into(),
        Problem::DecidedByTheOffice => t::problem_decided_by_the_office().into(),
    }
}

/// "Ngày sinh: «1985-13-45» không hợp lệ".
/// What a form shows under `field`: its first problem, in words.
pub fn first_problem(problems: &[FieldProblem], field: &str) -> Option<String> {
    problems
        .iter()
        .find(|p| p.field == field)
        .map(|p| problem_text(&p.problem))
}

pub fn field_problem_text(problem: &FieldProblem) -> String {
    format!(
        "{}: {}",
        field_name(&problem.field),
        problem_text(&problem.problem)
    )
}

/// The name of a kind of record, as lists and previews show it.
pub fn collection_label(collection: &str) -> &'static str {
    match collection {
        "members" => t::collection_members(),
        "units" => t::collection_units(),
        "groups" => t::collection_groups(),
        "roles" => t::collection_roles(),
        "trainings" => t::collection_trainings(),
        "models" => t::section_models(),
        "activities" => t::collection_activities(),
        "fee_rates" => t::collection_fee_rates(),
        "fees" => t::collection_fees(),
        "denominators" => t::collection_denominators(),
        "targets" => t::collection_targets(),
        "reports" => t::collection_reports(),
        "campaigns" => t::collection_campaigns(),
        "scores" => t::collection_scores(),
        _ => t::record(),
    }
}

/// Which record: "Hội viên thứ 4 «Nguyễn Thị Hoa» (mã 19ad…)".
pub fn rejection_subject(rejection: &Rejection) -> String {
    let mut text = t::nth_record(collection_label(rejection.collection), rejection.index + 1);
    if let Some(label) = &rejection.label {
        text.push_str(&format!(" «{label}»"));
    }
    if let Some(id) = &rejection.id {
        text.push_str(&t::record_id_paren(id));
    }
    text
}

/// The record and field of a conflict: «Hội viên «Phan Thị Mơ» — Số điện thoại».
pub fn conflict_subject(conflict: &Conflict) -> String {
    let mut text = collection_label(conflict.collection).to_owned();
    if let Some(label) = &conflict.label {
        text.push_str(&format!(" «{label}»"));
    }
    if conflict.field != DELETED {
        text.push_str(&format!(" — {}", field_label(&conflict.field)));
    }
    text
}

/// One side's value in a conflict, as she would read it: a day as a day, a
/// deletion as whether the record is in the book, nothing as «(trống)».
pub fn conflict_value(conflict: &Conflict, value: Option<&serde_json::Value>) -> String {
    use serde_json::Value;
    match value {
        None | Some(Value::Null) => t::value_empty().to_owned(),
        Some(Value::Bool(true)) if conflict.field == DELETED => t::value_deleted().to_owned(),
        Some(Value::Bool(false)) if conflict.field == DELETED => t::value_in_book().to_owned(),
        Some(Value::Bool(yes)) => if *yes { t::value_yes() } else { t::value_no() }.to_owned(),
        Some(Value::String(text)) if text.is_empty() => t::value_empty().to_owned(),
        Some(Value::String(text)) => Date::parse_iso(text).map_or_else(|| text.clone(), date),
        Some(other) => {
            let text = other.to_string();
            crate::domain::kernel::problem::shorten(&text, 60)
        }
    }
}

/// Why the other value of a conflict she chose could not be kept.
pub fn conflict_not_kept(conflict: &Conflict) -> String {
    let kept = match conflict.kept_theirs {
        true => conflict.theirs.as_ref(),
        false => conflict.mine.as_ref(),
    };
    t::conflict_not_kept(
        conflict_value(conflict, conflict.other()),
        conflict_subject(conflict),
        conflict_value(conflict, kept),
    )
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
        FileError::Empty => t::file_empty().into(),
        FileError::TooLarge { bytes } => {
            t::file_too_large(bytes.div_ceil(1_048_576), MAX_FILE_BYTES / 1_048_576)
        }
        FileError::NotText => t::file_not_text().into(),
        FileError::NotJson {
            line,
            truncated: true,
            ..
        } => t::file_truncated(line),
        FileError::NotJson { line, column, .. } => t::file_bad_json(line, column),
        FileError::TooDeep => t::file_too_deep().into(),
        FileError::NotAnObject | FileError::NotOurs => t::file_not_ours().into(),
        FileError::UnknownKind(kind) => t::file_unknown_kind(kind),
        FileError::NewerFormat { found } => t::file_newer(found, FORMAT),
        FileError::Altered => t::file_altered().into(),
        FileError::Locked(_) => t::file_locked().into(),
        FileError::BadHeader { field } => t::file_bad_header(field),
        FileError::BadCollection(collection) => {
            t::file_bad_collection(collection_label(collection))
        }
        FileError::TooManyRecords { collection, count } => {
            t::file_too_many_records(count, collection_label(collection), MAX_RECORDS)
        }
        FileError::UnexpectedCollection {
            kind: FileKind::Plan,
            collection,
        } => t::file_plan_unexpected_collection(collection_label(collection)),
        FileError::UnexpectedCollection { collection, .. } => {
            t::file_unexpected_collection(collection_label(collection))
        }
        FileError::OwnReport => t::file_own_report().into(),
        FileError::PlanFromBelow => t::file_plan_from_below().into(),
        FileError::OwnTransfer => t::file_own_transfer().into(),
        FileError::NeedsSetUp => t::file_needs_setup().into(),
        // Two phones set up apart for one chapter carry its name under two ids.
        FileError::OtherUnit {
            file_unit,
            own_unit,
        } if file_unit == own_unit => t::file_other_unit_same_name(file_unit),
        FileError::OtherUnit {
            file_unit,
            own_unit,
        } => t::file_other_unit(file_unit, own_unit),
    }
}

/// The full message for a refused file.
pub fn refused_file(name: &str, error: &ReadError) -> String {
    let reason = match error {
        ReadError::File(error) => file_error_text(error),
        ReadError::Unreadable => t::file_unreadable().into(),
    };
    t::file_refused_full(name, reason, t::nothing_changed())
}

pub fn save_error_text(error: &SaveError) -> &'static str {
    match error {
        SaveError::Full => t::save_full(),
        SaveError::Unavailable => t::save_unavailable(),
        SaveError::Protected => t::save_protected(),
    }
}

/// What start-up found, and what was done to keep it safe, in a sentence for
/// the banner every page shows. What exactly is wrong is on the files page
/// ([`load_problem_details`]): its words for every field and error would
/// weigh on every page's first load.
pub fn load_problem_text(problem: &LoadProblem) -> String {
    let kept = |aside: &Option<String>| match aside {
        Some(_) => t::original_kept(),
        None => t::original_not_kept(),
    };
    let part = |key: &str| {
        let name = key.rsplit('.').next().unwrap_or(key);
        match name {
            "device" => t::part_device(),
            "members" => t::part_members(),
            "units" => t::part_units(),
            _ => t::part_data(),
        }
    };
    match problem {
        LoadProblem::Unreadable { key, aside, .. } => t::load_unreadable(part(key), kept(aside)),
        LoadProblem::Rejected {
            key,
            rejected,
            aside,
        } => t::load_rejected(rejected.len(), part(key), kept(aside)),
        LoadProblem::Newer { found } => t::load_newer(found),
        LoadProblem::NoStorage => save_error_text(&SaveError::Unavailable).into(),
    }
}

/// What is wrong with stored data, a line for each record set aside (which
/// one, each field and what is wrong with it) or why none could be read.
pub fn load_problem_details(problem: &LoadProblem) -> Vec<String> {
    match problem {
        LoadProblem::Unreadable { error, .. } => vec![file_error_text(error)],
        LoadProblem::Rejected { rejected, .. } => rejected
            .iter()
            .map(|r| format!("{}: {}", rejection_subject(r), rejection_reasons(r)))
            .collect(),
        LoadProblem::Newer { .. } | LoadProblem::NoStorage => Vec::new(),
    }
}

/// What the preview says of a file's effect on the unit tree.
pub fn note_text(note: &Note) -> String {
    match note {
        Note::Attaches { unit, under } => t::note_attaches(unit, under),
        Note::ParentUnknown { unit, parent } => t::note_parent_unknown(unit, parent),
        Note::NotBelow { unit } => t::note_not_below(unit),
        Note::FuturePeriod { unit, period } => {
            t::note_future(unit, lower_first(&period.label_vi()))
        }
        Note::ReplacesListed { unit } => t::note_replaces_listed(unit),
        Note::ReplacesParent { unit, old, new } => t::note_replaces_parent(unit, new, old),
        Note::Arrives {
            name,
            from,
            on,
            known: None,
        } => t::note_arrives(name, from, date(*on)),
        Note::Arrives {
            name,
            from,
            on,
            known: Some(known),
        } => t::note_arrives_known(name, from, date(*on), known),
        Note::ArrivesAmbiguous { name, known } => {
            t::note_arrives_ambiguous(name, known.len(), known.join(", "))
        }
        Note::UnknownIndicators { codes } => {
            t::note_unknown_indicators(codes.len(), codes.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backup_of_a_namesake_unit_says_it_was_set_up_elsewhere() {
        let other = |file: &str, own: &str| {
            file_error_text(&FileError::OtherUnit {
                file_unit: file.into(),
                own_unit: own.into(),
            })
        };
        assert_eq!(
            other("Chi hội Thôn Đông", "Chi hội Thôn Tây"),
            "đây là tệp sao lưu của «Chi hội Thôn Đông», còn máy này đang giữ sổ của «Chi hội Thôn Tây». Chỉ nhập được sao lưu của chính đơn vị mình."
        );
        assert!(other("Chi hội Thôn Đông", "Chi hội Thôn Đông").starts_with(
            "tệp sao lưu này là của một «Chi hội Thôn Đông» khác, được thiết lập trên máy khác"
        ));
    }
}
