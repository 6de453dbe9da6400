//! Persistent storage (`navigator.storage.persist()`): a browser that grants
//! it never clears the site's data on its own when the phone runs short of
//! space; only she can, by clearing the browser's data.

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
