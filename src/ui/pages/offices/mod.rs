//! An office's pages: the units below side by side, and its plans and
//! campaigns.

pub mod compare;
pub mod plan;
