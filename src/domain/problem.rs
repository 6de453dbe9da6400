//! What can be wrong with one value, named so that the interface can tell the
//! user which field to fix and how, in her language.

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
    }
}
