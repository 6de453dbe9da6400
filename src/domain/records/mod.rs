//! What a unit keeps, one kind of record per module, each with the rules a
//! record of that kind must satisfy wherever it comes from (form, storage,
//! file): units, members, their campaign years and recognitions, the member form, cadres and groups, training
//! sessions, models, activities, fees, baselines and targets, emulation
//! campaigns and the year's grading, the reports units send up, and the catalogue of indicators
//! that targets and criteria name.

pub mod activity;
pub mod baseline;
pub mod cadre;
pub mod campaign;
pub mod catalogue;
pub mod fee;
pub mod grade;
pub mod member;
pub mod member_draft;
pub mod merit;
pub mod model;
pub mod training;
pub mod unit;
pub mod unit_report;
