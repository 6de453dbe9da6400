//! Sổ tay Chi hội: an offline member register for the chapters of the Vietnam
//! Women's Union. `domain` holds the rules, `storage` the only browser I/O,
//! `ui` the Leptos interface.

pub mod domain;
pub mod storage;
pub mod ui;
