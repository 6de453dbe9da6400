//! The parts of the one wasm module after the register (`places::Part`): in
//! a split build (feature `split`, the release build) each is fetched and
//! started the first time she opens one of its places, and the book already
//! in memory is drawn without a page load. The service worker keeps every
//! part, so a part she has never opened still opens offline; if it cannot
//! arrive (a first visit cut off half-way), the place says so instead of
//! the app stopping. Unsplit (the browser tests), the same functions are
//! plain calls.
//!
//! Each function's `wasm_split` name is its part's `Part::name`, which the
//! build checks (scripts/parts.mjs).

use crate::ui::i18n::t;
use crate::ui::pages::figures::{self, report};
use crate::ui::pages::files::{self, settings};
use crate::ui::pages::lists::{list_import, minutes, paper_register, transfer};
use crate::ui::pages::offices::{compare, home, plan};
use crate::ui::pages::{member, unit, work};
use crate::ui::places::Part;
use crate::ui::route::{self, Route, Section};
use crate::ui::sample;
use crate::ui::shared::backups;
use crate::ui::state::AppState;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

/// A part that did not arrive.
pub struct Missing;

impl From<SplitLoaderError> for Missing {
    fn from(_: SplitLoaderError) -> Self {
        Missing
    }
}

/// A member's page and the chapter's work.
#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(chapter, wasm_split_path = ::leptos::wasm_split, fallible))]
fn chapter(route: Route) -> Result<AnyView, Missing> {
    Ok(match route {
        Route::Member(id) => view! { <member::MemberPage id=Some(id)/> }.into_any(),
        Route::NewMember => view! { <member::MemberPage id=None/> }.into_any(),
        Route::Edit(section, id) => work::edit_page(section, id),
        Route::Work(section) => view! { <work::WorkPage section/> }.into_any(),
        _ => view! { <work::WorkPage section=Section::Cadres/> }.into_any(),
    })
}

/// Figures, the report and the unit; an office's comparison and plans.
#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(figures, wasm_split_path = ::leptos::wasm_split, fallible))]
fn figures(route: Route) -> Result<AnyView, Missing> {
    Ok(match route {
        Route::Report => view! { <report::ReportPage/> }.into_any(),
        Route::Unit => view! { <unit::UnitPage/> }.into_any(),
        Route::Compare => view! { <compare::ComparePage/> }.into_any(),
        Route::Plan => view! { <plan::PlanPage/> }.into_any(),
        _ => view! { <figures::FiguresPage/> }.into_any(),
    })
}

/// Files in and out, an office's home where reports come in; before
/// set-up, the restore of a backup.
#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(files, wasm_split_path = ::leptos::wasm_split, fallible))]
fn files(route: Route, set_up: bool) -> Result<AnyView, Missing> {
    Ok(match (route, set_up) {
        (_, false) => view! { <files::RestorePage/> }.into_any(),
        (Route::Settings, true) => view! { <settings::SettingsPage/> }.into_any(),
        (Route::MemberList, true) => view! { <list_import::ListImportPage/> }.into_any(),
        (Route::PaperRegister, true) => view! { <paper_register::PaperRegisterPage/> }.into_any(),
        (Route::Transfer(id), true) => view! { <transfer::TransferPage id/> }.into_any(),
        (Route::Office, true) => view! { <home::OfficeHome/> }.into_any(),
        (Route::Minutes(id), true) => view! { <minutes::MinutesPage id/> }.into_any(),
        (_, true) => view! { <files::FilesPage/> }.into_any(),
    })
}

/// A backup made from a banner on any page (the reminder, a save that
/// failed): writing files is the files part's code, kept out of the first load.
#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(files, wasm_split_path = ::leptos::wasm_split, fallible))]
fn backup(state: AppState) -> Result<(), Missing> {
    backups::make_backup(state);
    Ok(())
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(sample, wasm_split_path = ::leptos::wasm_split, fallible))]
fn sample_maker() -> Result<Result<(), sample::Failed>, Missing> {
    Ok(sample::make())
}

/// A part's function, awaited in a split build, where its part may have to
/// arrive first; a plain call otherwise.
#[cfg(feature = "split")]
macro_rules! arrive {
    ($call:expr) => {
        $call.await
    };
}
#[cfg(not(feature = "split"))]
macro_rules! arrive {
    ($call:expr) => {
        $call
    };
}

/// Makes the sample of the space chosen, once its part has arrived; what
/// went wrong otherwise, in her words.
pub async fn make_sample() -> Result<(), String> {
    match arrive!(sample_maker()) {
        Ok(Ok(())) => Ok(()),
        Ok(Err(failed)) => Err(failed.to_string()),
        Err(Missing) => Err(t::part_missing().into()),
    }
}

/// Makes a backup and sends it, once the files part has arrived (from the
/// phone's own copy: the service worker keeps it).
pub fn make_backup(state: AppState) {
    leptos::task::spawn_local(async move {
        if arrive!(backup(state)).is_err() {
            state.tell(t::part_missing());
        }
    });
}

/// A part's view, or what to say when it did not arrive.
fn shown(view: Result<AnyView, Missing>) -> AnyView {
    match view {
        Ok(view) => view,
        Err(Missing) => {
            view! { <p class="banner warn" role="alert">{t::part_missing()}</p> }.into_any()
        }
    }
}

/// The route's place, drawn once its part has arrived. Before set-up only
/// the restore of a backup has a place; any other address goes to set-up.
pub fn open(route: Route, set_up: bool) -> AnyView {
    let part = route.part();
    if !set_up && part != Part::Files {
        route::go(&Route::Register);
        return ().into_any();
    }
    Suspend::new(async move {
        let shown_route = route.clone();
        let view = match part {
            Part::Chapter => arrive!(chapter(route)),
            Part::Figures => arrive!(figures(route)),
            Part::Files => arrive!(files(route, set_up)),
            // No place of these is opened here (ui::draw, the table of places).
            Part::Shell | Part::Sample => Err(Missing),
        };
        if view.is_ok() {
            route::mark_shown(&shown_route);
        }
        shown(view)
    })
    .into_any()
}
