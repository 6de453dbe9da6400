//! The app's rules in plain Rust: records and their validation, the file format
//! and restore, merge, and the register's search and counts. Nothing here touches
//! the browser or reads a clock: time comes in as `now_ms` and `today`, so every
//! function gives the same answer in a test as on a phone (`tests/layers.rs`).
//!
//! The modules, by concern (still one folder; moving them into folders that
//! depend only on those before them is the next step of the code's layering):
//!
//! | concern | modules |
//! | --- | --- |
//! | kernel | `date`, `period`, `stamp`, `record`, `merge`, `problem`, `name`, `tones`, `ethnicity` |
//! | files | `envelope`, `checksum`, `sealed`, `restore` |
//! | records | `unit`, `member`, `member_draft`, `cadre`, `training`, `model`, `activity`, `fee`, `baseline`, `campaign` |
//! | the book | `book`, `references`, `register`, `reminder`, `storage_meter` |
//! | figures | `indicators`, `report`, `unit_report`, `compare` |
//! | exchange | `import` and each file kind: `backup`, `report_file`, `plan_file`, `transfer` |
//! | sheets | `sheet`, `roster`, `paper_register` |
//! | samples | `demo`, `demo_cluster` |

pub mod activity;
pub mod backup;
pub mod baseline;
pub mod book;
pub mod cadre;
pub mod campaign;
pub mod catalogue;
pub mod checksum;
pub mod compare;
pub mod compute;
pub mod date;
pub mod demo;
pub mod demo_cluster;
pub mod envelope;
pub mod ethnicity;
pub mod fee;
pub mod import;
pub mod member;
pub mod member_draft;
pub mod merge;
pub mod model;
pub mod name;
pub mod paper_register;
pub mod period;
pub mod plan_file;
pub mod preview;
pub mod problem;
pub mod record;
pub mod references;
pub mod register;
pub mod reminder;
pub mod report;
pub mod report_file;
pub mod restore;
pub mod roll_up;
pub mod roster;
pub mod sealed;
pub mod sheet;
pub mod stamp;
pub mod storage_meter;
pub mod tones;
pub mod training;
pub mod transfer;
pub mod unit;
pub mod unit_file;
pub mod unit_report;
