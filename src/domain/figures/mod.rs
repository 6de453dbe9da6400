//! Figures from the book: the indicator engine (`compute`), a unit's report
//! rolled up from the level below (`roll_up`), the report of a period with
//! its targets and its CSV (`report`), and units side by side (`compare`).

pub mod compare;
pub mod compute;
pub mod report;
pub mod roll_up;
