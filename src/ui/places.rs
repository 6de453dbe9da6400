//! The one table of the app's places ([`PLACES`]): for each kind of route,
//! its address, the part of the wasm module that draws it, the bottom tab it
//! lights, its title and the style sheet its look is in. The router
//! (`route.rs`), the bottom bar (`Nav` in `ui/mod.rs`), the window's title,
//! the build's check of its parts and the page sweeps of the end-to-end tests
//! (`examples/routes.rs` prints the table) are all read from it, so a place
//! is added in one line here and its part's function in `ui/parts.rs`.

use crate::ui::i18n::t;
use crate::ui::route::{Route, Section};
use crate::ui::shared::icons;
use leptos::prelude::AnyView;

/// A kind of route, without the record or section it names; [`PLACES`]
/// holds their places in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Register,
    NewMember,
    Member,
    Work,
    NewRecord,
    Record,
    Figures,
    Report,
    Compare,
    Plan,
    Files,
    Unit,
    Settings,
    MemberList,
    PaperRegister,
    Transfer,
    Office,
    Minutes,
}

/// The parts of the app: the first load (the register), and the parts of
/// the wasm module each fetched the first time one of its places opens
/// (`ui/parts.rs`, split by `scripts/split/wasm-bindgen`). Few and large:
/// each file is compressed alone, and code two parts share goes into chunks
/// of its own, more of them the more parts there are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The register, and set-up before it: the first load.
    Shell,
    /// The chapter's records: a member's page, the chapter's work.
    Chapter,
    /// Figures: the dashboard, the report, the unit, and an office's
    /// comparison of its units and its plans.
    Figures,
    /// What comes in and goes out: restore, backups and imports, an
    /// office's home where reports come in, settings, a spreadsheet's member
    /// list, the register on paper, a member's move to another chapter.
    Files,
    /// The makers of the sample chapter and the sample cluster.
    Sample,
}

impl Part {
    /// The parts fetched on first use, each a file of the build.
    pub const LOADED: [Part; 4] = [Part::Chapter, Part::Figures, Part::Files, Part::Sample];

    /// The part's name in the build: `split_<name>.wasm` before its hash
    /// (the name its function's `wasm_split` attribute gives).
    pub fn name(self) -> &'static str {
        match self {
            Part::Shell => "shell",
            Part::Chapter => "chapter",
            Part::Figures => "figures",
            Part::Files => "files",
            Part::Sample => "sample",
        }
    }
}

/// The bottom bar's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Members,
    Work,
    /// An office's home: the reports of the units below it.
    Reports,
    /// An office's units side by side.
    Compare,
    Figures,
    Backup,
    Unit,
}

impl Tab {
    /// A chapter's tabs, in their order on screen.
    pub const CHAPTER: [Tab; 5] = [
        Tab::Members,
        Tab::Work,
        Tab::Figures,
        Tab::Backup,
        Tab::Unit,
    ];

    /// An office's tabs: it receives reports and compares units; it keeps no
    /// member register of its own.
    pub const OFFICE: [Tab; 5] = [
        Tab::Reports,
        Tab::Compare,
        Tab::Figures,
        Tab::Backup,
        Tab::Unit,
    ];

    /// Where the tab goes.
    pub fn route(self) -> Route {
        match self {
            Tab::Members => Route::Register,
            Tab::Work => Route::Work(Section::Cadres),
            Tab::Reports => Route::Office,
            Tab::Compare => Route::Compare,
            Tab::Figures => Route::Figures,
            Tab::Backup => Route::Files,
            Tab::Unit => Route::Unit,
        }
    }

    pub fn icon(self) -> fn() -> AnyView {
        match self {
            Tab::Members => icons::people,
            Tab::Work => icons::work,
            Tab::Reports => icons::inbox,
            Tab::Compare => icons::compare,
            Tab::Figures => icons::figures,
            Tab::Backup => icons::save,
            Tab::Unit => icons::unit,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Tab::Members => t::nav_members(),
            Tab::Work => t::nav_work(),
            Tab::Reports => t::nav_reports(),
            Tab::Compare => t::nav_compare(),
            Tab::Figures => t::nav_figures(),
            Tab::Backup => t::nav_backup(),
            Tab::Unit => t::nav_unit(),
        }
    }
}

/// The style sheets, all in the first load (about 5 KB brotli in all):
/// which one holds a place's look says where to change it.
pub const STYLES: [&str; 3] = ["style/main.css", "style/pages.css", "style/lists.css"];
const MAIN: &str = STYLES[0];
const PAGES: &str = STYLES[1];
const LISTS: &str = STYLES[2];

/// One place of the app.
pub struct Place {
    pub kind: Kind,
    /// The address after `#/`: `:id` a record's id, `:section` a part of the
    /// chapter's work, `:form` one whose records have a form of their own.
    pub address: &'static str,
    pub part: Part,
    /// The bottom tab lit while it is open; none for the settings.
    pub tab: Option<Tab>,
    /// The window's title (what the phone's list of open apps shows).
    pub title: fn(&Route) -> &'static str,
    pub style: &'static str,
}

/// A title that depends on the part of the chapter's work.
fn section_title(route: &Route) -> &'static str {
    match route {
        Route::Work(section) | Route::Edit(section, _) => section.label(),
        _ => t::work_title(),
    }
}

/// Every place of the app, in the order of [`Kind`]. Where two addresses
/// could both read, the first row wins (`hoi-vien/moi` before `hoi-vien/:id`).
#[rustfmt::skip]
pub const PLACES: [Place; 18] = [
    Place { kind: Kind::Register, address: "", part: Part::Shell, tab: Some(Tab::Members), title: |_| t::register_title(), style: MAIN },
    Place { kind: Kind::NewMember, address: "hoi-vien/moi", part: Part::Chapter, tab: Some(Tab::Members), title: |_| t::add_member(), style: MAIN },
    Place { kind: Kind::Member, address: "hoi-vien/:id", part: Part::Chapter, tab: Some(Tab::Members), title: |_| t::member(), style: MAIN },
    Place { kind: Kind::Work, address: "cong-viec/:section", part: Part::Chapter, tab: Some(Tab::Work), title: section_title, style: PAGES },
    Place { kind: Kind::NewRecord, address: "cong-viec/:form/moi", part: Part::Chapter, tab: Some(Tab::Work), title: section_title, style: PAGES },
    Place { kind: Kind::Record, address: "cong-viec/:form/:id", part: Part::Chapter, tab: Some(Tab::Work), title: section_title, style: PAGES },
    Place { kind: Kind::Figures, address: "so-lieu", part: Part::Figures, tab: Some(Tab::Figures), title: |_| t::chapter_figures(), style: PAGES },
    Place { kind: Kind::Report, address: "bao-cao", part: Part::Figures, tab: Some(Tab::Figures), title: |_| t::report(), style: PAGES },
    Place { kind: Kind::Compare, address: "so-sanh", part: Part::Figures, tab: Some(Tab::Compare), title: |_| t::compare_title(), style: PAGES },
    Place { kind: Kind::Plan, address: "ke-hoach", part: Part::Figures, tab: Some(Tab::Figures), title: |_| t::plan_and_campaigns(), style: PAGES },
    Place { kind: Kind::Files, address: "sao-luu", part: Part::Files, tab: Some(Tab::Backup), title: |_| t::files_title(), style: MAIN },
    Place { kind: Kind::Unit, address: "don-vi", part: Part::Figures, tab: Some(Tab::Unit), title: |_| t::unit(), style: MAIN },
    Place { kind: Kind::Settings, address: "cai-dat", part: Part::Files, tab: None, title: |_| t::settings(), style: MAIN },
    Place { kind: Kind::MemberList, address: "danh-sach", part: Part::Files, tab: Some(Tab::Backup), title: |_| t::list_title(), style: MAIN },
    Place { kind: Kind::PaperRegister, address: "in-so", part: Part::Files, tab: Some(Tab::Members), title: |_| t::paper_title(), style: LISTS },
    Place { kind: Kind::Transfer, address: "chuyen-sinh-hoat/:id", part: Part::Files, tab: Some(Tab::Members), title: |_| t::transfer_title(), style: MAIN },
    Place { kind: Kind::Office, address: "nhan-bao-cao", part: Part::Files, tab: Some(Tab::Reports), title: |_| t::office_home_title(), style: PAGES },
    Place { kind: Kind::Minutes, address: "bien-ban/:id", part: Part::Files, tab: Some(Tab::Work), title: |_| t::minutes_title(), style: LISTS },
];

/// The place of a kind of route.
pub fn of(kind: Kind) -> &'static Place {
    &PLACES[kind as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_place_in_order() {
        for (i, place) in PLACES.iter().enumerate() {
            assert_eq!(place.kind as usize, i, "{:?} is out of place", place.kind);
            assert!(STYLES.contains(&place.style));
        }
        for part in Part::LOADED {
            assert_ne!(part, Part::Shell);
        }
    }
}
