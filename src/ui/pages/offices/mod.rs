//! An office's pages: its home with the reports of the units below, the
//! units below side by side, and its plans and campaigns.

pub mod compare;
mod grading;
pub mod home;
pub mod plan;
