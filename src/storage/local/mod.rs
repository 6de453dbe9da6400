//! The book in localStorage, by concern:
//!
//! | module | holds |
//! | --- | --- |
//! | `store` | the [`Store`] interface: the browser's localStorage, or a map in host tests |
//! | `space` | her own book and the samples', kept apart; the keys' suffixes |
//! | `tab` | what this tab knows of storage (texts seen, fingerprints, the save token, saving switched off) |
//! | `load` | start-up: restore and checks as for a file, unreadable data kept aside, a cut-short save finished, old formats copied |
//! | `save` | saving with its journal, all or nothing |
//! | `news` | what other tabs of this browser saved |
//! | `peers` | the other phones of the unit heard from, and what their books had seen |
//! | `meter` | how much each part of storage holds |
//! | `prefs` | the language, her column choices for lists, drafts of forms |
//! | `memory` | a store in memory, for the host tests of these rules (`tests.rs`, `tests/reopen_properties.rs`) |
//!
//! Each of `load`, `save` and `news` has a function for this browser (what
//! the app calls) and one over any [`Store`] and [`tab::Tab`], which host
//! tests run on a store in memory (`tests.rs`): a full quota, a write cut
//! short, another tab's save in between.

mod load;
mod meter;
mod news;
mod peers;
mod prefs;
mod save;
mod space;
mod store;
mod tab;

pub mod memory;
#[cfg(test)]
mod tests;

pub use load::{aside_copies, aside_problem, load, load_from, remove_aside, LoadProblem, Loaded};
pub use meter::{usage, Held};
pub use news::{news, news_from};
pub use peers::{heard_from, heard_from_in, peers, peers_in};
pub use prefs::{
    clear_draft, language, list_columns, load_draft, save_draft, set_language, set_list_columns,
};
pub use save::{save, save_to};
pub use space::Space;
pub use store::{SaveError, Store};
pub use tab::{other_tab_saved, Tab};
