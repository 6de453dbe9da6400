//! The book: every collection one device keeps, restored from storage or a
//! file, merged and tallied as one (`collections`); what records name by id
//! and the rule that nothing points at nothing (`references`); finding
//! members in the register; meetings, their roll calls and who has not met; when to remind her of a backup; how full storage is.

pub mod collections;
pub mod meetings;
pub mod references;
pub mod register;
pub mod reminder;
pub mod storage_meter;
