//! The app's rules in plain Rust: records and their validation, the file format
//! and restore, merge, figures, and the files units exchange. Nothing here
//! touches the browser or reads a clock: time comes in as `now_ms` and `today`,
//! so every function gives the same answer in a test as on a phone.
//!
//! Folders by concern, each using only the folders above it in this list
//! (`tests/layers.rs` fails on a reference the other way, which is also what
//! keeps them free of cycles; a module's tests may use the samples):
//!
//! | folder | holds |
//! | --- | --- |
//! | `kernel` | dates, periods, stamps, a record's envelope, merge, problems, names, tones, ethnic groups, sheets and CSV |
//! | `file` | the file envelope, checksum, sealed files, restore of any format version |
//! | `records` | one kind of record per module, its rules; the indicator catalogue |
//! | `book` | every collection one device keeps, references between records, the register's search, reminders, the storage meter |
//! | `figures` | indicators computed, reports rolled up, the period's report, units compared |
//! | `exchange` | importing any file as a preview, and each kind of file |
//! | `sheets` | member lists from spreadsheets, the paper register |
//! | `samples` | the sample chapter and the sample emulation cluster |
//!
//! One word per concept: a *report* is a unit's figures for a period (shown,
//! sent up, rolled up); a *plan* is what an office sends down (targets and
//! campaigns); what an import would do before it is applied is its *preview*.

pub mod book;
pub mod exchange;
pub mod figures;
pub mod file;
pub mod kernel;
pub mod records;
pub mod samples;
pub mod sheets;
