//! The kernel: what every other part of the domain stands on and which
//! stands on nothing else — calendar dates and reporting periods, the stamps
//! that order edits and what a book has seen of each phone's (`seen`), what every kind of record declares, a record's envelope
//! with the stamps of its parts and their merge part by part, what can be
//! wrong with a value, Vietnamese names and tones, the ethnic groups, and a
//! table to write as a sheet or CSV.

pub mod date;
pub mod ethnicity;
pub mod kind;
pub mod merge;
pub mod name;
pub mod order;
pub mod parts;
pub mod period;
pub mod problem;
pub mod record;
pub mod seen;
pub mod sheet;
pub mod stamp;
pub mod tones;
