//! The service worker that keeps the app's files for offline use (pwa/sw.js)
//! and its updates. A new version installs in the background and waits; the
//! page hears of it and applies it only when she taps, so nothing changes
//! under her hands.

use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

/// The worker's script, beside the pages: its scope is the app's folder,
/// whatever sub-path the app is served from.
const SCRIPT: &str = "sw.js";

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent in old browsers and on pages not served over https or localhost.
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Whether a version is already running this page: only then is a newly
/// installed one an update (the very first install is not).
fn controlled() -> bool {
    container().is_some_and(|c| c.controller().is_some())
}

/// Registers the worker, and calls `ready` when a new version is installed
/// and waiting: found now, or arriving while the page is open. Asks for a
/// new version at every start, since an installed app may stay open for days
/// without a navigation that would ask.
pub fn register(ready: impl Fn() + 'static) {
    let Some(container) = container() else {
        return;
    };
    let promise = container.register(SCRIPT);
    let ready: Rc<dyn Fn()> = Rc::new(ready);
    spawn_local(async move {
        // A browser that refuses workers may also answer with nothing at all
        // (some in-app browsers; Playwright's `serviceWorkers: 'block'`).
        let Some(registration) = JsFuture::from(promise)
            .await
            .ok()
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
        else {
            return;
        };
        // A version may be waiting already, or still installing.
        for worker in [registration.waiting(), registration.installing()]
            .into_iter()
            .flatten()
        {
            watch(worker, ready.clone());
        }
        let found = registration.clone();
        let on_update_found = Closure::<dyn Fn()>::new(move || {
            if let Some(worker) = found.installing() {
                watch(worker, ready.clone());
            }
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
        // Offline, the check fails quietly; the next start asks again.
        if let Ok(checked) = registration.update() {
            let _ = JsFuture::from(checked).await;
        }
    });
}

/// Calls `ready` once `worker` is installed, if it is an update.
fn watch(worker: ServiceWorker, ready: Rc<dyn Fn()>) {
    let is_ready = {
        let worker = worker.clone();
        move || worker.state() == ServiceWorkerState::Installed && controlled()
    };
    if is_ready() {
        ready();
        return;
    }
    let on_state = Closure::<dyn Fn()>::new(move || {
        if is_ready() {
            ready();
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}

/// Lets the waiting version take over; the page reloads once it has.
pub fn apply_update() {
    let Some(container) = container() else {
        return;
    };
    let reload = Closure::once_into_js(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.unchecked_ref()));
    let registration = container.get_registration();
    spawn_local(async move {
        let waiting = JsFuture::from(registration)
            .await
            .ok()
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
            .and_then(|r| r.waiting());
        match waiting {
            Some(worker) => {
                let _ = worker.post_message(&JsValue::from_str("skip-waiting"));
            }
            // Another tab applied it already: this page only needs to reload.
            None => {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            }
        }
    });
}
