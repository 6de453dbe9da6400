//! The interface: Leptos components that show domain state and call domain
//! functions through [`state::AppState`].

pub mod banners;
pub mod compare;
pub mod draft;
pub mod fields;
pub mod figures;
pub mod files_page;
pub mod format;
pub mod i18n;
pub mod icons;
pub mod import_panel;
pub mod list_import;
pub mod locked;
pub mod member_page;
pub mod messages;
pub mod more;
pub mod paper_register;
pub mod perf;
pub mod period;
pub mod picker;
pub mod plan_page;
pub mod register;
pub mod report;
pub mod route;
pub mod sample;
pub mod sending;
pub mod settings;
pub mod setup;
pub mod state;
pub mod transfer_page;
pub mod unit_page;
pub mod work;

use crate::ui::i18n::t;
use leptos::prelude::*;
use route::{Bundle, Route};
use state::{use_app, AppState};

/// What a page of the app shows: its routes, and what it shows before set-up.
#[derive(Clone, Copy)]
pub struct Pages {
    pub bundle: Bundle,
    pub page: fn(Route) -> AnyView,
    pub first_run: fn() -> AnyView,
}

/// The shell: set-up and the register.
pub const SHELL: Pages = Pages {
    bundle: Bundle::Shell,
    page: shell_page,
    first_run: || view! { <setup::SetupPage/> }.into_any(),
};

/// Pages that need set-up: before it there is nothing to show, so they send
/// her to the shell's first-run screen.
fn to_first_run() -> AnyView {
    route::go(&Route::Register);
    ().into_any()
}

/// The work page: the chapter's work, its lists and forms.
pub const WORK: Pages = Pages {
    bundle: Bundle::Work,
    page: |route| match route {
        Route::Edit(section, id) => work::edit_page(section, id),
        Route::Work(section) => view! { <work::WorkPage section/> }.into_any(),
        _ => view! { <work::WorkPage section=route::Section::Cadres/> }.into_any(),
    },
    first_run: to_first_run,
};

/// The figures page: the dashboard, the report, and the unit with the units around it.
pub const FIGURES: Pages = Pages {
    bundle: Bundle::Figures,
    page: |route| match route {
        Route::Report => view! { <report::ReportPage/> }.into_any(),
        Route::Unit => view! { <unit_page::UnitPage/> }.into_any(),
        _ => view! { <figures::FiguresPage/> }.into_any(),
    },
    first_run: to_first_run,
};

/// The files page: backups and imports (a backup can be restored before
/// set-up), and this device's settings.
pub const FILES: Pages = Pages {
    bundle: Bundle::Files,
    page: |route| match route {
        Route::Settings => view! { <settings::SettingsPage/> }.into_any(),
        _ => view! { <files_page::FilesPage/> }.into_any(),
    },
    first_run: || view! { <files_page::RestorePage/> }.into_any(),
};

/// The offices page: the units below side by side, plans and campaigns.
pub const OFFICES: Pages = Pages {
    bundle: Bundle::Offices,
    page: |route| match route {
        Route::Plan => view! { <plan_page::PlanPage/> }.into_any(),
        _ => view! { <compare::ComparePage/> }.into_any(),
    },
    first_run: to_first_run,
};

/// The member-list page: a list brought in from a spreadsheet, the
/// register on paper, and a member's move to another chapter.
pub const LISTS: Pages = Pages {
    bundle: Bundle::Lists,
    page: |route| match route {
        Route::PaperRegister => view! { <paper_register::PaperRegisterPage/> }.into_any(),
        Route::Transfer(id) => view! { <transfer_page::TransferPage id/> }.into_any(),
        _ => view! { <list_import::ListImportPage/> }.into_any(),
    },
    first_run: to_first_run,
};

/// Mounts a page of the app, loading the book from storage.
pub fn start(pages: Pages) {
    perf::start("first-render");
    route::set_bundle(pages.bundle);
    let lang = crate::storage::local::language()
        .and_then(|code| i18n::Lang::from_code(&code))
        .unwrap_or(i18n::Lang::Vi);
    i18n::set_lang(lang);
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
    if let Some(loading) = document().get_element_by_id("loading") {
        loading.remove();
    }
    // Pages are drawn anew: a reload or a switch of space starts at the top.
    if let Ok(history) = window().history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    let Some(state) = AppState::load() else {
        // A sample space chosen but not made yet.
        sample::open_page();
        return;
    };
    mount_to_body(move || view! { <App state pages/> });
    perf::end_at_next_frame("first-render");
}

/// The whole app for a given state: set-up until the device has a unit, then
/// the page of the current route under a header and above the bottom navigation.
#[component]
pub fn App(state: AppState, pages: Pages) -> impl IntoView {
    provide_context(state);
    state.route.set(route::current());
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        state.route.set(route::current());
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
    // Leaving the page while a save has failed would lose what is only in
    // memory: the browser asks first.
    let leaving = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if state.save_error.with_untracked(Option::is_some) {
            ev.prevent_default();
            ev.set_return_value(t::unsaved_leave());
        }
    });
    // Another tab of this browser saved: take its edits in (the effect below
    // then saves the merge, so both tabs end with every edit).
    let other_tab = window_event_listener(leptos::ev::storage, move |_| {
        crate::storage::local::other_tab_saved();
        state.absorb_news();
    });
    on_cleanup(move || {
        listener.remove();
        leaving.remove();
        other_tab.remove();
    });
    // The one place that writes to storage: after every change of book or device.
    Effect::new(move |_| state.persist());
    crate::storage::service_worker::register(move || state.update_ready.set(true));
    let set_up = move || state.device.with(|d| d.home.is_some());
    view! {
        <banners::Banners/>
        <Show when=set_up fallback=move || (pages.first_run)()>
            <Header/>
            <main class="page">
                {move || {
                    let route = state.route.get();
                    if route.bundle() == pages.bundle {
                        route::mark_shown(&route);
                        (pages.page)(route)
                    } else {
                        // A link from the other page's routes: open that page.
                        route::go(&route);
                        ().into_any()
                    }
                }}
            </main>
            <Nav/>
        </Show>
        <Notice/>
    }
}

fn shell_page(route: Route) -> AnyView {
    match route {
        Route::NewMember => view! { <member_page::MemberPage id=None/> }.into_any(),
        Route::Member(id) => view! { <member_page::MemberPage id=Some(id)/> }.into_any(),
        _ => view! { <register::RegisterPage/> }.into_any(),
    }
}

/// The unit's name and the one above it, and the way to the settings.
#[component]
fn Header() -> impl IntoView {
    let state = use_app();
    let names = move || {
        state
            .unit_chain()
            .into_iter()
            .map(|u| u.data.name)
            .collect::<Vec<_>>()
    };
    view! {
        <header class="app-header">
            <div class="app-names">
                <p class="app-title">{move || names().first().cloned().unwrap_or_default()}</p>
                <p class="app-subtitle">{move || names().get(1).cloned().unwrap_or_else(|| t::app_name().into())}</p>
            </div>
            <a class="header-button" href=Route::Settings.href() aria-label=t::settings()>{icons::settings()}</a>
        </header>
    }
}

/// The bottom navigation between the main places.
#[component]
fn Nav() -> impl IntoView {
    let state = use_app();
    let item = move |route: Route, label: &'static str, icon: fn() -> AnyView| {
        let target = route.clone();
        let current = Signal::derive(move || place(&state.route.get()) == place(&target));
        view! {
            <a
                href=route.href()
                class="nav-item"
                class:current=current
                aria-current=move || current.get().then_some("page")
            >
                {icon()}
                <span>{label}</span>
            </a>
        }
    };
    view! {
        <nav class="bottom-nav" aria-label=t::nav_main()>
            {item(Route::Register, t::nav_members(), icons::people)}
            {item(Route::Work(route::Section::Cadres), t::nav_work(), icons::work)}
            {item(Route::Figures, t::nav_figures(), icons::figures)}
            {item(Route::Files, t::nav_backup(), icons::save)}
            {item(Route::Unit, t::nav_unit(), icons::unit)}
        </nav>
    }
}

/// Which of the bottom navigation's places a route belongs to.
fn place(route: &Route) -> u8 {
    match route {
        Route::Register
        | Route::NewMember
        | Route::Member(_)
        | Route::PaperRegister
        | Route::Transfer(_) => 0,
        Route::Work(_) | Route::Edit(..) => 1,
        Route::Figures | Route::Report | Route::Compare | Route::Plan => 2,
        Route::Files | Route::MemberList => 3,
        Route::Unit => 4,
        Route::Settings => 5,
    }
}

/// A short confirmation that fades after a few seconds.
#[component]
fn Notice() -> impl IntoView {
    let state = use_app();
    Effect::new(move |_| {
        if let Some(shown) = state.notice.get() {
            let clear = move || {
                if state.notice.get_untracked().as_ref() == Some(&shown) {
                    state.notice.set(None);
                }
            };
            set_timeout(clear, std::time::Duration::from_millis(4000));
        }
    });
    view! {
        <div class="notice" role="status" aria-live="polite">
            {move || state.notice.get()}
        </div>
    }
}
