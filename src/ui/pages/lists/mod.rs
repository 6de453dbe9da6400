//! Registers in and out: a member list brought in from a spreadsheet, the
//! register on paper, a member's move to another chapter.

pub mod list_import;
pub mod paper_register;
pub mod transfer;
