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

use super::places::Part;
use super::route::{self, Route, Section};
use super::{
    compare, figures, files_page, list_import, member_page, paper_register, plan_page, report,
    sample, settings, setup, transfer_page, unit_page, work,
};
use crate::ui::i18n::t;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

/// A part that did not arrive.
pub struct Missing;

impl From<SplitLoaderError> for Missing {
    fn from(_: SplitLoaderError) -> Self {
        Missing
    }
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(member, wasm_split_path = ::leptos::wasm_split, fallible))]
fn member(route: Route) -> Result<AnyView, Missing> {
    let id = match route {
        Route::Member(id) => Some(id),
        _ => None,
    };
    Ok(view! { <member_page::MemberPage id/> }.into_any())
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(setup, wasm_split_path = ::leptos::wasm_split, fallible))]
fn setup_page() -> Result<AnyView, Missing> {
    Ok(view! { <setup::SetupPage/> }.into_any())
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(work, wasm_split_path = ::leptos::wasm_split, fallible))]
fn work(route: Route) -> Result<AnyView, Missing> {
    Ok(match route {
        Route::Edit(section, id) => work::edit_page(section, id),
        Route::Work(section) => view! { <work::WorkPage section/> }.into_any(),
        _ => view! { <work::WorkPage section=Section::Cadres/> }.into_any(),
    })
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(figures, wasm_split_path = ::leptos::wasm_split, fallible))]
fn figures(route: Route) -> Result<AnyView, Missing> {
    Ok(match route {
        Route::Report => view! { <report::ReportPage/> }.into_any(),
        Route::Unit => view! { <unit_page::UnitPage/> }.into_any(),
        _ => view! { <figures::FiguresPage/> }.into_any(),
    })
}

/// Backups and imports: before set-up, the restore of a backup.
#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(files, wasm_split_path = ::leptos::wasm_split, fallible))]
fn files(route: Route, set_up: bool) -> Result<AnyView, Missing> {
    Ok(match (route, set_up) {
        (_, false) => view! { <files_page::RestorePage/> }.into_any(),
        (Route::Settings, true) => view! { <settings::SettingsPage/> }.into_any(),
        (_, true) => view! { <files_page::FilesPage/> }.into_any(),
    })
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(offices, wasm_split_path = ::leptos::wasm_split, fallible))]
fn offices(route: Route) -> Result<AnyView, Missing> {
    Ok(match route {
        Route::Plan => view! { <plan_page::PlanPage/> }.into_any(),
        _ => view! { <compare::ComparePage/> }.into_any(),
    })
}

#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(lists, wasm_split_path = ::leptos::wasm_split, fallible))]
fn lists(route: Route) -> Result<AnyView, Missing> {
    Ok(match route {
        Route::PaperRegister => view! { <paper_register::PaperRegisterPage/> }.into_any(),
        Route::Transfer(id) => view! { <transfer_page::TransferPage id/> }.into_any(),
        _ => view! { <list_import::ListImportPage/> }.into_any(),
    })
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

/// Set-up, which a phone shows once: a part too.
pub fn setup() -> AnyView {
    Suspend::new(async move { shown(arrive!(setup_page())) }).into_any()
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

/// A part's view, or what to say when it did not arrive.
fn shown(view: Result<AnyView, Missing>) -> AnyView {
    match view {
        Ok(view) => view,
        Err(Missing) => {
            view! { <p class="load-problem" role="alert">{t::part_missing()}</p> }.into_any()
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
            Part::Member => arrive!(member(route)),
            Part::Work => arrive!(work(route)),
            Part::Figures => arrive!(figures(route)),
            Part::Files => arrive!(files(route, set_up)),
            Part::Offices => arrive!(offices(route)),
            Part::Lists => arrive!(lists(route)),
            // No place of these is opened here (ui::draw, the table of places).
            Part::Shell | Part::Setup | Part::Sample => Err(Missing),
        };
        if view.is_ok() {
            route::mark_shown(&shown_route);
        }
        shown(view)
    })
    .into_any()
}
