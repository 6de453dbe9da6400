//! Files and what is kept in storage, read as bytes: the envelope (app,
//! kind, format, unit, device), its checksum, passphrase-sealed files, and the
//! restore that turns a collection of any version into checked records or
//! rejections. Needs only the kernel: which record kinds there are is the
//! book's business (`book::collections`).

pub mod checksum;
pub mod envelope;
pub mod restore;
pub mod sealed;
