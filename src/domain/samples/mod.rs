//! The samples behind "Xem dữ liệu mẫu": a chapter with a year of work and
//! an emulation cluster's review, made by code from a seed (no data file);
//! also the fixtures of the tests. They may use every folder before them.

pub mod demo;
pub mod demo_cluster;
