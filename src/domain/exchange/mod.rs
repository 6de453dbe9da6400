//! Files between devices and units: importing any file (`import`) as a
//! preview that is applied whole or not at all (`preview`), what every kind
//! shares (`unit_file`), and each kind of file — backup, report, plan,
//! transfer of a member — written and previewed.

pub mod backup;
pub mod import;
pub mod plan_file;
pub mod preview;
pub mod report_file;
pub mod transfer;
pub mod unit_file;
