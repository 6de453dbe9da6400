//! Figures from the book: the indicator engine (`compute`), a unit's report
//! rolled up from the level below (`roll_up`), the report of a period with
//! its targets and its CSV (`report`), the women's groups side by side
//! (`groups`), the year's grading as figures (`grading`), units side by
//! side (`compare`), and which units below have sent their report (`received`).

pub mod compare;
pub mod compute;
pub mod grading;
pub mod groups;
pub mod received;
pub mod report;
pub mod roll_up;
