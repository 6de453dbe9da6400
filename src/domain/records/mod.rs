//! What a unit keeps, one kind of record per module, each with the rules a
//! record of that kind must satisfy wherever it comes from (form, storage,
//! file): units, members and the member form, cadres and groups, training
//! sessions, models, activities, fees, baselines and targets, emulation
//! campaigns, the reports units send up, and the catalogue of indicators
//! that targets and criteria name.

pub mod activity;
pub mod baseline;
pub mod cadre;
pub mod campaign;
pub mod catalogue;
pub mod fee;
pub mod member;
pub mod member_draft;
pub mod model;
pub mod training;
pub mod unit;
pub mod unit_report;
