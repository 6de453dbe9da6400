//! The few icons the app draws, inline so that they cost no request.

use leptos::prelude::*;

fn icon(path: &'static str) -> AnyView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=path/>
        </svg>
    }
    .into_any()
}

pub fn people() -> AnyView {
    icon("M16 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm-8 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm0 2c-2.7 0-8 1.3-8 4v3h16v-3c0-2.7-5.3-4-8-4zm8 0c-.3 0-.7 0-1.1.1 1.3.9 2.1 2.2 2.1 3.9v3h7v-3c0-2.7-5.3-4-8-4z")
}

pub fn save() -> AnyView {
    icon("M12 3v10.6l3.3-3.3 1.4 1.4L12 16.4l-4.7-4.7 1.4-1.4 3.3 3.3V3h2zM5 19h14v2H5z")
}

pub fn unit() -> AnyView {
    icon("M12 2 2 7v2h20V7L12 2zM4 11v7h3v-7H4zm6.5 0v7h3v-7h-3zM17 11v7h3v-7h-3zM2 20v2h20v-2H2z")
}

pub fn plus() -> AnyView {
    icon("M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z")
}

pub fn work() -> AnyView {
    icon("M10 4h4a2 2 0 0 1 2 2v1h4a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V9a2 2 0 0 1 2-2h4V6a2 2 0 0 1 2-2zm0 3h4V6h-4v1z")
}

pub fn figures() -> AnyView {
    icon("M4 20V10h3v10H4zm6.5 0V4h3v16h-3zM17 20v-7h3v7h-3z")
}

pub fn settings() -> AnyView {
    icon("M19.1 12.9a7.4 7.4 0 0 0 0-1.9l2-1.6a.5.5 0 0 0 .2-.6l-2-3.3a.5.5 0 0 0-.6-.2l-2.4 1a7 7 0 0 0-1.6-.9l-.4-2.6a.5.5 0 0 0-.5-.4h-3.8a.5.5 0 0 0-.5.4l-.4 2.6a7 7 0 0 0-1.6.9l-2.4-1a.5.5 0 0 0-.6.2l-2 3.3a.5.5 0 0 0 .2.6l2 1.6a7.4 7.4 0 0 0 0 1.9l-2 1.6a.5.5 0 0 0-.2.6l2 3.3c.1.2.4.3.6.2l2.4-1c.5.4 1 .7 1.6.9l.4 2.6c0 .2.3.4.5.4h3.8c.2 0 .5-.2.5-.4l.4-2.6a7 7 0 0 0 1.6-.9l2.4 1c.2.1.5 0 .6-.2l2-3.3a.5.5 0 0 0-.2-.6l-2-1.6zM12 15.6a3.6 3.6 0 1 1 0-7.2 3.6 3.6 0 0 1 0 7.2z")
}

pub fn inbox() -> AnyView {
    icon("M19 3H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2zm0 12h-4a3 3 0 0 1-6 0H5V5h14v10z")
}

/// Bars side by side, longest first: units ranked.
pub fn compare() -> AnyView {
    icon("M4 4h16v3H4zm0 6.5h11v3H4zM4 17h7v3H4z")
}
