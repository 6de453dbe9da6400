//! The interface: Leptos components that show domain state and call domain
//! functions through [`state::AppState`].

pub mod banners;
pub mod fields;
pub mod files_page;
pub mod format;
pub mod icons;
pub mod import_panel;
pub mod member_page;
pub mod messages;
pub mod register;
pub mod route;
pub mod setup;
pub mod state;
pub mod unit_page;

use leptos::prelude::*;
use route::Route;
use state::{use_app, AppState};

/// Mounts the app on the page, loading the book from storage.
pub fn start() {
    if let Some(loading) = document().get_element_by_id("loading") {
        loading.remove();
    }
    // Pages are drawn anew: a reload or a switch of space starts at the top.
    if let Ok(history) = window().history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    mount_to_body(|| {
        let state = AppState::load();
        view! { <App state/> }
    });
}

/// The whole app for a given state: set-up until the device has a unit, then
/// the page of the current route under a header and above the bottom navigation.
#[component]
pub fn App(state: AppState) -> impl IntoView {
    provide_context(state);
    state.route.set(route::current());
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        state.route.set(route::current());
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
    on_cleanup(move || listener.remove());
    // The one place that writes to storage: after every change of book or device.
    Effect::new(move |_| state.save());
    let set_up = move || state.device.with(|d| d.home.is_some());
    view! {
        <banners::Banners/>
        <Show when=set_up fallback=|| view! { <setup::SetupPage/> }>
            <Header/>
            <main class="page">{move || page(state.route.get())}</main>
            <Nav/>
        </Show>
        <Notice/>
    }
}

fn page(route: Route) -> AnyView {
    match route {
        Route::Register => view! { <register::RegisterPage/> }.into_any(),
        Route::NewMember => view! { <member_page::MemberPage id=None/> }.into_any(),
        Route::Member(id) => view! { <member_page::MemberPage id=Some(id)/> }.into_any(),
        Route::Files => view! { <files_page::FilesPage/> }.into_any(),
        Route::Unit => view! { <unit_page::UnitPage/> }.into_any(),
    }
}

/// The unit's name and the one above it.
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
            <p class="app-title">{move || names().first().cloned().unwrap_or_default()}</p>
            <p class="app-subtitle">{move || names().get(1).cloned().unwrap_or_else(|| "Sổ tay Chi hội".into())}</p>
        </header>
    }
}

/// The bottom navigation between the main places.
#[component]
fn Nav() -> impl IntoView {
    let state = use_app();
    let item = move |route: Route, label: &'static str, icon: fn() -> AnyView| {
        let target = route.clone();
        let current = Signal::derive(move || {
            let now = state.route.get();
            now == target
                || (target == Route::Register && matches!(now, Route::Member(_) | Route::NewMember))
        });
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
        <nav class="bottom-nav" aria-label="Các mục chính">
            {item(Route::Register, "Hội viên", icons::people)}
            {item(Route::Files, "Sao lưu", icons::save)}
            {item(Route::Unit, "Đơn vị", icons::unit)}
        </nav>
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
