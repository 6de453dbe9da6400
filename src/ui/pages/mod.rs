//! The app's pages, one module (or folder) per section; the table of places
//! (`ui/places.rs`) says which part of the wasm module each lives in. A page
//! imports shared pieces (`ui/shared`) and the app's frame, never another
//! page (`tests/layers.rs`).

pub mod figures;
pub mod files;
pub mod lists;
pub mod member;
pub mod offices;
pub mod register;
pub mod setup;
pub mod unit;
pub mod work;
