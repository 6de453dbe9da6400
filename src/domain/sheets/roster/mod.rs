//! A member list brought in from a spreadsheet (danh sách hội viên): each row
//! read into a member by the columns' [`Mapping`], matched against the
//! register (the same name and birth year, or the same phone), and the whole
//! list previewed before anything changes: rows that become new members,
//! rows that update one, rows that change nothing, and rows refused with
//! their row, column, value and reason. Applying takes every row that can be
//! taken at once; the same list taken twice changes nothing the second time.

pub mod cells;
pub mod columns;

use crate::domain::book::collections::Book;
use crate::domain::kernel::date::Date;
use crate::domain::kernel::name::{tidy, NameParts};
use crate::domain::kernel::problem::{FieldProblem, Problem};
use crate::domain::kernel::record::{Record, RecordId};
use crate::domain::kernel::sheet::Cell;
use crate::domain::kernel::stamp::Clock;
use crate::domain::records::member::{same_person, Member};
use columns::{cell_text, Column, Mapping};

/// What is wrong with one cell of a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellProblem {
    /// The column's position, from 0, and its header.
    pub column: usize,
    pub header: String,
    /// The cell as written.
    pub value: String,
    pub problem: Problem,
}

/// What taking a row would do.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// A member new to the register.
    New(Member),
    /// The member `id` of the register, as the row has her.
    Update { id: RecordId, member: Member },
    /// The member `id` already reads as the row says.
    Unchanged(RecordId),
    /// The row is the same person as an earlier row (its number).
    Repeats(usize),
    /// The row matches several members of the register: which one is meant
    /// cannot be told.
    Ambiguous(Vec<RecordId>),
    /// Cells that cannot be taken.
    Refused(Vec<CellProblem>),
}

/// One row of the list and what taking it would do.
#[derive(Clone, Debug, PartialEq)]
pub struct RowPreview {
    /// Its number as the spreadsheet shows it, from 1.
    pub row: usize,
    pub outcome: Outcome,
}

/// The preview of a whole list.
#[derive(Clone, Debug, PartialEq)]
pub struct RosterPreview {
    pub rows: Vec<RowPreview>,
}

/// How many rows of each kind a preview holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RosterCounts {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub refused: usize,
}

impl RosterPreview {
    pub fn counts(&self) -> RosterCounts {
        self.rows
            .iter()
            .fold(RosterCounts::default(), |mut c, row| {
                match row.outcome {
                    Outcome::New(_) => c.new += 1,
                    Outcome::Update { .. } => c.updated += 1,
                    Outcome::Unchanged(_) => c.unchanged += 1,
                    Outcome::Repeats(_) | Outcome::Ambiguous(_) | Outcome::Refused(_) => {
                        c.refused += 1
                    }
                }
                c
            })
    }

    /// Whether applying would change the register.
    pub fn changes(&self) -> bool {
        let c = self.counts();
        c.new + c.updated > 0
    }

    /// Takes every new and updated member into `book`, stamped by `clock`.
    pub fn apply(self, book: &mut Book, clock: &mut Clock, now_ms: u64) {
        for row in self.rows {
            match row.outcome {
                Outcome::New(member) => {
                    book.members.put(Record::create(clock.tick(now_ms), member))
                }
                Outcome::Update { id, member } => {
                    if let Some(record) = book.members.get(&id).cloned() {
                        book.members.put(record.edited(clock.tick(now_ms), member));
                    }
                }
                _ => {}
            }
        }
    }
}

/// Reads the rows under the headers of `rows` by `mapping` and works out
/// what taking each would do to the register in `book`. Empty rows are
/// passed over.
pub fn preview_roster(
    rows: &[Vec<Cell>],
    mapping: &Mapping,
    book: &Book,
    today: Date,
) -> RosterPreview {
    let headers = rows
        .get(mapping.header_row)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let mut taken: Vec<(usize, Member)> = Vec::new();
    let mut previewed = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(mapping.header_row + 1) {
        if row.iter().all(|c| cell_text(c).is_empty()) {
            continue;
        }
        let number = i + 1;
        let outcome = match read_row(row, mapping, headers, today) {
            Err(problems) => Outcome::Refused(problems),
            Ok(read) => {
                if let Some((earlier, _)) = taken.iter().find(|(_, m)| same_person(m, &read)) {
                    Outcome::Repeats(*earlier)
                } else {
                    taken.push((number, read.clone()));
                    against_register(read, book)
                }
            }
        };
        previewed.push(RowPreview {
            row: number,
            outcome,
        });
    }
    RosterPreview { rows: previewed }
}

/// The member a row matches, and what the row changes in her.
fn against_register(read: Member, book: &Book) -> Outcome {
    let matches: Vec<&Record<Member>> = book
        .members
        .live()
        .filter(|r| same_person(&r.data, &read))
        .collect();
    match matches.as_slice() {
        [] => Outcome::New(read),
        [record] => {
            let member = updated(&record.data, read);
            if member == record.data {
                Outcome::Unchanged(record.id.clone())
            } else {
                Outcome::Update {
                    id: record.id.clone(),
                    member,
                }
            }
        }
        several => Outcome::Ambiguous(several.iter().map(|r| r.id.clone()).collect()),
    }
}

/// `old` with what the row says: the list's cells that hold something
/// replace hers; what the list does not say (her group, her history) stays.
fn updated(old: &Member, row: Member) -> Member {
    let or = |new: &String, old: &String| {
        if new.is_empty() {
            old.clone()
        } else {
            new.clone()
        }
    };
    Member {
        family_name: row.family_name,
        middle_name: row.middle_name,
        given_name: row.given_name,
        birth: row.birth.or(old.birth),
        phone: or(&row.phone, &old.phone),
        address: or(&row.address, &old.address),
        joined_on: row.joined_on.or(old.joined_on),
        ethnicity: if row.ethnicity.is_default() {
            old.ethnicity.clone()
        } else {
            row.ethnicity
        },
        religion: if row.religion.is_none() {
            old.religion.clone()
        } else {
            row.religion
        },
        ..old.clone()
    }
}

/// One row as a member, or every cell that cannot be taken.
fn read_row(
    row: &[Cell],
    mapping: &Mapping,
    headers: &[Cell],
    today: Date,
) -> Result<Member, Vec<CellProblem>> {
    let empty = Cell::Text(String::new());
    let cell = |column: Column| {
        mapping
            .position(column)
            .and_then(|i| row.get(i))
            .unwrap_or(&empty)
    };
    let text = |column: Column| tidy(&cell_text(cell(column)));
    let mut problems = Vec::new();
    let mut problem = |column: Column, value: String, what: Problem| {
        let at = mapping.position(column).unwrap_or(0);
        problems.push(CellProblem {
            column: at,
            header: headers.get(at).map(cell_text).unwrap_or_default(),
            value,
            problem: what,
        });
    };

    let name = if mapping.position(Column::FullName).is_some() {
        NameParts::split(&text(Column::FullName))
    } else {
        // «Họ và tên đệm» + «Tên», or «Họ» + «Tên đệm» + «Tên».
        let (family, middle) = family_and_middle(&text(Column::FamilyAndMiddle));
        let part = |column: Column, found: String| {
            let own = NameParts::split(&text(column)).full();
            if own.is_empty() {
                found
            } else {
                own
            }
        };
        NameParts {
            family: part(Column::FamilyName, family),
            middle: part(Column::MiddleName, middle),
            given: NameParts::split(&text(Column::GivenName)).full(),
        }
    };
    let mut member = Member::named(&name.family, &name.middle, &name.given);
    let born = [Column::BirthDate, Column::BirthYear]
        .into_iter()
        .filter(|c| mapping.position(*c).is_some())
        .map(|c| (c, cells::birth(cell(c), today)));
    for (column, read) in born {
        match read {
            Ok(birth) => member.birth = member.birth.or(birth),
            Err(value) => problem(column, value.clone(), Problem::Invalid(value)),
        }
    }
    match cells::day(cell(Column::JoinedOn), today) {
        Ok(day) => member.joined_on = day,
        Err(value) => problem(Column::JoinedOn, value.clone(), Problem::Invalid(value)),
    }
    member.phone = cells::phone(cell(Column::Phone));
    member.address = text(Column::Address);
    match cells::ethnicity(cell(Column::Ethnicity)) {
        Ok(ethnicity) => member.ethnicity = ethnicity,
        Err(value) => problem(Column::Ethnicity, value, Problem::UnknownEthnicity),
    }
    member.religion = cells::religion(cell(Column::Religion));
    for FieldProblem {
        field,
        problem: what,
    } in member.problems(today)
    {
        let column = column_of(&field, mapping);
        let value = text(column);
        problem(column, value, what);
    }
    if problems.is_empty() {
        Ok(member)
    } else {
        Err(problems)
    }
}

/// «Nguyễn Thị Thu» of a «Họ và tên đệm» column: the first word is the
/// family name, the rest the middle name.
fn family_and_middle(text: &str) -> (String, String) {
    let full = NameParts::split(text).full();
    match full.split_once(' ') {
        Some((family, middle)) => (family.to_owned(), middle.to_owned()),
        None => (full, String::new()),
    }
}

/// The column a member's field came from, to name it in a problem.
fn column_of(field: &str, mapping: &Mapping) -> Column {
    let first = |columns: &[Column]| {
        columns
            .iter()
            .copied()
            .find(|c| mapping.position(*c).is_some())
            .unwrap_or(columns[0])
    };
    match field {
        "family_name" => first(&[
            Column::FullName,
            Column::FamilyName,
            Column::FamilyAndMiddle,
        ]),
        "middle_name" => first(&[
            Column::FullName,
            Column::MiddleName,
            Column::FamilyAndMiddle,
        ]),
        "given_name" => first(&[Column::FullName, Column::GivenName]),
        "birth" => first(&[Column::BirthDate, Column::BirthYear]),
        "phone" => Column::Phone,
        "address" => Column::Address,
        "ethnicity" => Column::Ethnicity,
        "joined_on" => Column::JoinedOn,
        _ => Column::Religion,
    }
}

#[cfg(test)]
mod tests;
