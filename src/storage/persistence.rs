//! Persistent storage (`navigator.storage.persist()`): a browser that grants
//! it never clears the site's data on its own when the phone runs short of
//! space; only she can, by clearing the browser's data. And the one browser
//! that deletes it whatever is asked: Safari on iPhone and iPad.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::StorageManager;

/// What the browser says of this site's data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// Kept until she clears it herself.
    Granted,
    /// May be cleared when space runs short.
    NotGranted,
    /// The browser has no way to ask (old, or not a secure page).
    Unsupported,
}

fn manager() -> Option<StorageManager> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::has(&navigator, &"storage".into())
        .unwrap_or(false)
        .then(|| navigator.storage())
}

async fn answer(promise: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> Persistence {
    let Ok(promise) = promise else {
        return Persistence::Unsupported;
    };
    match JsFuture::from(promise)
        .await
        .map(|v| v.dyn_into::<js_sys::Boolean>())
    {
        Ok(Ok(granted)) if granted.value_of() => Persistence::Granted,
        Ok(Ok(_)) => Persistence::NotGranted,
        _ => Persistence::Unsupported,
    }
}

/// Asks the browser to keep the data (Chromium answers from how the site is
/// used, installed apps first; Firefox asks her).
pub async fn request() -> Persistence {
    match manager() {
        Some(manager) => answer(manager.persist()).await,
        None => Persistence::Unsupported,
    }
}

/// Whether the browser has already agreed.
pub async fn current() -> Persistence {
    match manager() {
        Some(manager) => answer(manager.persisted()).await,
        None => Persistence::Unsupported,
    }
}

/// Whether this is Safari on an iPhone or iPad, in a tab rather than added to
/// the Home Screen: there Safari deletes everything the site stored, the
/// book included, after seven days of Safari use without a visit (WebKit's
/// tracking prevention), and no request keeps it. Only iOS and iPadOS
/// Safari have `navigator.standalone`; it is true in a Home Screen app,
/// which keeps its data.
pub fn deleted_after_a_week() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"standalone".into()).ok())
        .and_then(|standalone| standalone.as_bool())
        == Some(false)
}
