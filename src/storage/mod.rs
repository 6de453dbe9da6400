//! The only code that touches the browser's storage, files and downloads.

pub mod device;
pub mod files;
pub mod local;
pub mod xlsx;
