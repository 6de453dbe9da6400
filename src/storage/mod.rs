//! The only code that touches the browser's storage, files and downloads,
//! and the service worker that keeps the app's own files.

pub mod crypto;
pub mod device;
pub mod files;
pub mod lists;
pub mod local;
pub mod persistence;
pub mod received;
pub mod service_worker;
pub mod xlsx;
