//! Pieces more than one page uses: fields and pickers, formats and
//! messages, the banners at the top, backups, sending files, the import
//! preview, locked files, drafts of forms. A page imports from here and from
//! the app's frame (`ui/mod.rs`, `route`, `state`, `i18n`), never from
//! another page.

pub mod backups;
pub mod banners;
pub mod draft;
pub mod fields;
pub mod format;
pub mod icons;
pub mod import_panel;
pub mod locked;
pub mod messages;
pub mod more;
pub mod period;
pub mod picker;
pub mod sending;
