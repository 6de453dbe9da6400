//! The interface: Leptos components that show domain state and call domain
//! functions through [`state::AppState`]. One page: `start` loads the book
//! and mounts [`App`], which draws the register itself and every other place
//! through its part (`parts.rs`), as the table of places says (`places.rs`).
//! The book is saved by one effect (`App`), after every change, and by the
//! sample maker (`sample.rs`) once, in the sample's own space, before the app
//! mounts; preferences, drafts and a list's columns are written where she
//! chooses them (language, the member form, the list import). The clock is
//! read through `AppState::today` and `now_ms`, or before there is a state
//! (the sample maker) through `storage::device`, the one code that reads it.

pub mod i18n;
pub mod pages;
pub mod parts;
pub mod perf;
pub mod places;
pub mod route;
pub mod sample;
pub mod shared;
pub mod state;

use crate::ui::i18n::t;
use leptos::prelude::*;
use places::{Part, Tab};
use route::Route;
use state::{use_app, AppState};

/// Starts the app: its language, then the book from storage, drawn at the
/// current address. A sample chosen but not made yet is made first.
pub fn start() {
    perf::start("first-render");
    let lang = crate::storage::local::language()
        .and_then(|code| i18n::Lang::from_code(&code))
        .unwrap_or(i18n::Lang::Vi);
    i18n::set_lang(lang);
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
    // Pages are drawn anew: a reload or a switch of space starts at the top.
    if let Ok(history) = window().history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    match AppState::load() {
        Some(state) => mount(state),
        // Before mounting, which starts Leptos's own task runner.
        None => wasm_bindgen_futures::spawn_local(open_sample()),
    }
}

/// Mounts the app on the book loaded.
fn mount(state: AppState) {
    if let Some(loading) = document().get_element_by_id("loading") {
        loading.remove();
    }
    mount_to_body(move || view! { <App state/> });
    perf::end_at_next_frame("first-render");
}

/// Makes the sample of the space chosen and opens it at its first screen:
/// the chapter's register, the cluster's home. If it cannot be
/// kept, the opening line says so, with the way back to her own book.
async fn open_sample() {
    let loading = document().get_element_by_id("loading");
    if let Some(line) = &loading {
        line.set_text_content(Some(t::sample_making()));
    }
    // The cluster, an office, opens on its home from the register's address.
    let landing = Route::Register;
    match parts::make_sample().await {
        Ok(()) => {
            let _ = window().location().replace(&landing.hash());
            if let Some(state) = AppState::load() {
                mount(state);
            }
        }
        Err(why) => {
            let Some(line) = loading else { return };
            line.set_text_content(Some(&why));
            if let (Ok(link), Some(parent)) = (document().create_element("a"), line.parent_node()) {
                link.set_text_content(Some(t::back_to_own()));
                let _ = link.set_attribute("href", "./");
                let _ = link.set_attribute("class", "button primary");
                let _ = parent.append_child(&link);
            }
        }
    }
}

/// The whole app for a given state: set-up until the device has a unit, then
/// the page of the current route under a header and above the bottom navigation.
#[component]
pub fn App(state: AppState) -> impl IntoView {
    provide_context(state);
    state.route.set(route::current());
    let open = move || {
        state.route.set(route::current());
        window().scroll_to_with_x_and_y(0.0, 0.0);
    };
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        // What the page open saves on leaving changes the book: its effects
        // run while the page is whole, and the next page opens after them.
        if state.leave() {
            leptos::task::spawn_local(async move {
                leptos::task::tick().await;
                open();
            });
        } else {
            open();
        }
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
    // The book and the device are saved here, after every change. What else
    // storage keeps (drafts, list columns, language, the space to open, a
    // sample made before mounting) is written where it changes, each through
    // `storage::local`.
    Effect::new(move |_| state.persist());
    crate::storage::service_worker::register(move || state.update_ready.set(true));
    let set_up = move || state.device.with(|d| d.home.is_some());
    // The place drawn changes only when the route it resolves to does: a
    // unit added below makes the phone an office, and the page she is on
    // (the unit's) must not be drawn again under the button she tapped.
    let shown = Memo::new(move |_| home_of(state.route.get(), state.office.get()));
    view! {
        <shared::banners::Banners/>
        <Show when=set_up fallback=move || move || draw(state.route.get(), false)>
            <Header/>
            <main class="page">{move || draw(shown.get(), true)}</main>
            <Nav/>
        </Show>
        <Notice/>
    }
}

/// The place a route opens: an office's first screen is its home, with the
/// reports of the units below, where a chapter's is its register.
fn home_of(route: Route, office: bool) -> Route {
    match route {
        Route::Register if office => Route::Office,
        route => route,
    }
}

/// The view of a route: the register, which is in the first load (set-up
/// before the phone has a unit), or another part's place.
fn draw(route: Route, set_up: bool) -> AnyView {
    match (route.part(), set_up) {
        (Part::Shell, true) => {
            route::mark_shown(&route);
            view! { <pages::register::RegisterPage/> }.into_any()
        }
        // Set-up is in the first load too: on a first visit over a slow
        // link it is the first screen, and waits for no part.
        (Part::Shell, false) => view! { <pages::setup::SetupPage/> }.into_any(),
        _ => parts::open(route, set_up),
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
            <a class="header-button" href=Route::Settings.href() aria-label=t::settings()>{shared::icons::settings()}</a>
        </header>
    }
}

/// The bottom navigation between the main places: the tabs of the table
/// of places, the one of the place open lit.
#[component]
fn Nav() -> impl IntoView {
    let state = use_app();
    let item = move |tab: Tab| {
        let current = Signal::derive(move || {
            home_of(state.route.get(), state.office.get()).place().tab == Some(tab)
        });
        view! {
            <a
                href=tab.route().href()
                class="nav-item"
                class:current=current
                aria-current=move || current.get().then_some("page")
            >
                {(tab.icon())()}
                <span>{tab.label()}</span>
            </a>
        }
    };
    view! {
        <nav class="bottom-nav" aria-label=t::nav_main()>
            {move || if state.office.get() { Tab::OFFICE } else { Tab::CHAPTER }.map(item)}
        </nav>
    }
}

/// Where the field that has the focus is: in the lower half of the screen,
/// where the notice would cover it, or not; `None` when no field has it (a
/// button pressed), which leaves the notice where it is.
fn field_low() -> Option<bool> {
    let field = document().active_element()?;
    if !matches!(field.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA") {
        return None;
    }
    let rect = field.get_bounding_client_rect();
    let height = window().inner_height().ok()?.as_f64()?;
    Some((rect.top() + rect.bottom()) / 2.0 > height / 2.0)
}

/// A short confirmation that fades after a few seconds; one that offers
/// «Hoàn tác» stays twice as long, for her to reach it. It never covers the
/// field she is typing in: with that field low on the screen it shows above.
#[component]
fn Notice() -> impl IntoView {
    let state = use_app();
    let above = RwSignal::new(false);
    let place = move || {
        if let Some(low) = field_low() {
            above.set(low);
        }
    };
    // Placed when it shows and when a field takes the focus, never when the
    // focus leaves one or goes to a button: a press on a button moves the
    // focus before the release, and a notice moving then would land under
    // her finger. (Its words let taps through in any case: main.css.)
    let on_focus = window_event_listener(leptos::ev::focusin, move |_| place());
    on_cleanup(move || on_focus.remove());
    Effect::new(move |_| {
        if let Some(shown) = state.notice.get() {
            above.set(field_low().unwrap_or(false));
            let ms = if shown.undo.is_some() { 8000 } else { 4000 };
            let clear = move || {
                if state.notice.get_untracked().as_ref() == Some(&shown) {
                    state.notice.set(None);
                }
            };
            set_timeout(clear, std::time::Duration::from_millis(ms));
        }
    });
    view! {
        <div class="notice" class:above=move || above.get() role="status" aria-live="polite">
            {move || state.notice.get().map(|notice| view! {
                <span>{notice.text}</span>
                {notice.undo.map(|undo| view! {
                    <button type="button" class="notice-action" on:click=move |_| {
                        undo();
                        state.tell(t::undone());
                    }>{t::undo()}</button>
                })}
            })}
        </div>
    }
}
