//! What can be wrong with one value, named so that the interface can tell the
//! user which field to fix and how, in her language.

use super::date::Date;

/// The problem found in one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A required field is absent.
    Missing,
    /// The field holds the wrong kind of value (a number where text belongs…).
    WrongType,
    /// The value is not one this field accepts; carries the value as found, shortened.
    Invalid(String),
    /// A required text is empty.
    Empty,
    /// A text is longer than the field allows.
    TooLong { max: usize },
    /// A text holds control characters.
    ControlCharacters,
    /// A date lies after today.
    InFuture,
    /// A date lies before the member was born.
    BeforeBirth,
    /// A phone number is not 8 to 15 digits.
    BadPhone,
    /// An ethnicity code that the list does not hold.
    UnknownEthnicity,
    /// Another record in the same file has this id.
    DuplicateId,
    /// The record is not a JSON object.
    NotAnObject,
    /// A date lies before the date it must follow (an end before its start).
    BeforeStart,
    /// A number is larger than the field allows.
    TooLarge { max: u64 },
    /// A list that must hold something is empty.
    NoneChosen,
    /// The same item appears twice in a list.
    Repeated,
    /// A part is larger than the whole it belongs to (minority women above all women).
    ExceedsTotal,
    /// A share's numerator is above its denominator: over 100 % of a whole
    /// it is part of (members who paid out of all members).
    OverWhole,
    /// An indicator code this version does not know.
    UnknownIndicator,
    /// A report for a unit outside the sender's own subtree.
    OutsideSubtree,
    /// A record of a plan that is not the sending office's to set.
    NotTheSendersOwn,
    /// Dates of a list that must run forward do not (a status history).
    OutOfOrder,
    /// A reference to a record that neither the device nor the file holds;
    /// carries the id it names, shortened.
    Dangling(String),
    /// A reference to a record of the same file that could not be taken
    /// either; carries its id, shortened.
    NamesRefused(String),
    /// A unit placed under itself.
    OwnParent,
    /// A unit placed under a unit that already lies below it: the tree
    /// would close into a loop. Carries the other unit's name.
    ClosesLoop(String),
    /// A rate or average whose numerator is above zero over a denominator of zero.
    NothingUnder,
    /// A period after the current year.
    PeriodAhead,
    /// A record's id is not the one its data makes (`report-<period>-<unit>`):
    /// the record claims another's place.
    IdDisagrees,
    /// A part's stamp after the record's own stamp, its newest change.
    AfterRecordStamp,
    /// Parts are listed, but neither `since` nor the id tells when the
    /// record's other parts were written.
    SinceUnknown,
    /// A part stamp names a field the kind of record does not have (or a
    /// set, whose elements carry their own stamps).
    NoSuchField,
    /// A field's change stamped no later than the record's unlisted parts:
    /// a change from before the record was made.
    ChangedBeforeSince,
    /// The value a change replaced, named for a field with no change listed.
    ReplacedUnchanged,
    /// The value a change replaced, stamped no older than the change.
    ReplacedNotOlder,
    /// Elements' stamps for a field that is not a set.
    NotASet,
    /// An element stamped as added that the set does not hold.
    AddedNotHeld,
    /// An element stamped as removed that the set still holds.
    RemovedHeld,
    /// An element stamped as removed that the set could never hold.
    NotAnElement,
    /// The record's stamp is not the newest change of its parts.
    NotTheNewestChange,
    /// A file from below moves a unit the office knows: where a unit stands
    /// is the office's to decide.
    PlacedByTheOffice,
    /// A unit's report counts the unit itself more than once (a chapter
    /// graded as five chapters).
    CountsItselfOnce,
    /// A grade the campaign's sheet does not have; carries it, shortened.
    NotAGrade(String),
    /// A grading campaign's grades are not the Union's four, in order.
    NotTheUnionsGrades,
    /// A decision on a grade sent up from below: deciding is the office's.
    DecidedByTheOffice,
}

/// A problem and the field it was found in, as a dotted path (`data.birth`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: String,
    pub problem: Problem,
}

impl FieldProblem {
    pub fn new(field: impl Into<String>, problem: Problem) -> FieldProblem {
        FieldProblem {
            field: field.into(),
            problem,
        }
    }
}

/// Shortens a value for an error message: at most `max` characters, with "…".
pub fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// Checks a text field: not too long, no control characters, and not empty when required.
pub fn check_text(
    field: &str,
    value: &str,
    max: usize,
    required: bool,
    out: &mut Vec<FieldProblem>,
) {
    let problem = if required && value.trim().is_empty() {
        Some(Problem::Empty)
    } else if value.chars().count() > max {
        Some(Problem::TooLong { max })
    } else if value.chars().any(char::is_control) {
        Some(Problem::ControlCharacters)
    } else {
        None
    };
    if let Some(problem) = problem {
        out.push(FieldProblem::new(field, problem));
    }
}

/// Checks a text of several lines (what was said at a meeting): as
/// [`check_text`], line breaks allowed, never required.
pub fn check_lines(field: &str, value: &str, max: usize, out: &mut Vec<FieldProblem>) {
    check_text(field, &value.replace('\n', " "), max, false, out);
}

/// Checks a date that may not lie after `today`.
pub fn check_past(field: &str, date: Date, today: Date, out: &mut Vec<FieldProblem>) {
    if date > today {
        out.push(FieldProblem::new(field, Problem::InFuture));
    }
}

/// Checks that `end`, if any, is not before `start`.
pub fn check_order(field: &str, start: Date, end: Option<Date>, out: &mut Vec<FieldProblem>) {
    if end.is_some_and(|end| end < start) {
        out.push(FieldProblem::new(field, Problem::BeforeStart));
    }
}

/// Checks a count against its largest sensible value.
pub fn check_count(field: &str, value: u64, max: u64, out: &mut Vec<FieldProblem>) {
    if value > max {
        out.push(FieldProblem::new(field, Problem::TooLarge { max }));
    }
}

/// Checks a list of ids: no id twice.
pub fn check_unique<T: Ord>(field: &str, items: &[T], out: &mut Vec<FieldProblem>) {
    let mut seen = std::collections::BTreeSet::new();
    if !items.iter().all(|item| seen.insert(item)) {
        out.push(FieldProblem::new(field, Problem::Repeated));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_checks() {
        let mut out = Vec::new();
        check_text("a", " ", 5, true, &mut out);
        check_text("b", "123456", 5, false, &mut out);
        check_text("c", "x\u{0}y", 5, false, &mut out);
        check_text("d", "", 5, false, &mut out);
        let found: Vec<_> = out.iter().map(|p| (p.field.as_str(), &p.problem)).collect();
        assert_eq!(
            found,
            vec![
                ("a", &Problem::Empty),
                ("b", &Problem::TooLong { max: 5 }),
                ("c", &Problem::ControlCharacters)
            ]
        );
        assert_eq!(shorten("Nguyễn Thị Hoa", 6), "Nguyễn…");
        let mut lines = Vec::new();
        check_lines("e", "Một\nHai", 10, &mut lines);
        assert!(lines.is_empty(), "line breaks are allowed");
        check_lines("f", "Một\tHai", 10, &mut lines);
        check_lines("g", "Một\nHai ba bốn", 10, &mut lines);
        let found: Vec<_> = lines
            .iter()
            .map(|p| (p.field.as_str(), &p.problem))
            .collect();
        assert_eq!(
            found,
            vec![
                ("f", &Problem::ControlCharacters),
                ("g", &Problem::TooLong { max: 10 })
            ]
        );
    }
}
