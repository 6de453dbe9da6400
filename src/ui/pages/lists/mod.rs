//! Registers in and out: a member list brought in from a spreadsheet, the
//! register on paper, a member's move to another chapter, and a meeting's
//! minutes on paper.

pub mod list_import;
pub mod minutes;
pub mod paper_register;
pub mod transfer;
