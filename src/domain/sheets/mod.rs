//! Spreadsheets in and out: a member list read from a sheet and matched to
//! the register (`roster`), and the register as the paper book chapters keep
//! (`paper_register`); the minutes of a meeting as the Union's paper minutes
//! read (`minutes`).

pub mod minutes;
pub mod paper_register;
pub mod roster;
