//! Where the book is kept, behind a small interface: the browser's
//! localStorage in the app, a map in memory in host tests (`memory.rs`), so
//! that the save rules (the journal, the all-or-nothing put back, other
//! tabs' saves) are tested on the host with a full quota or a write cut
//! short.

use wasm_bindgen::JsValue;

/// Why a save did not reach storage. The data stays in memory either way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's storage for this site is full (QuotaExceededError).
    Full,
    /// Storage is switched off or blocked in this browser.
    Unavailable,
    /// Stored data could not be read and could not be kept aside, or was
    /// written by a newer version: saving would overwrite it, so nothing is saved.
    Protected,
}

impl SaveError {
    fn from_js(error: &JsValue) -> SaveError {
        let name = js_sys::Reflect::get(error, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            SaveError::Full
        } else {
            SaveError::Unavailable
        }
    }
}

/// Text by key, as localStorage keeps it.
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, text: &str) -> Result<(), SaveError>;
    fn remove(&self, key: &str);
    /// Every key, in no order.
    fn keys(&self) -> Vec<String>;

    fn keys_with_prefix(&self, prefix: &str) -> Vec<String> {
        self.keys()
            .into_iter()
            .filter(|k| k.starts_with(prefix))
            .collect()
    }
}

/// The browser's localStorage, through web-sys: the raw text is needed to
/// keep unreadable data aside, the DOMException's name to tell "full" from
/// other failures, and a browser with storage switched off must get a
/// message, not a panic. (gloo-storage's `LocalStorage` writes and reads
/// values through serde, which would quote every stored JSON text again and
/// lose the text of one it cannot read; its `raw()` is this same object.)
pub struct Browser(web_sys::Storage);

/// This browser's localStorage, if it is switched on.
pub fn browser() -> Option<Browser> {
    web_sys::window()?
        .local_storage()
        .ok()
        .flatten()
        .map(Browser)
}

impl Store for Browser {
    fn get(&self, key: &str) -> Option<String> {
        self.0.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, text: &str) -> Result<(), SaveError> {
        self.0
            .set_item(key, text)
            .map_err(|e| SaveError::from_js(&e))
    }

    fn remove(&self, key: &str) {
        let _ = self.0.remove_item(key);
    }

    fn keys(&self) -> Vec<String> {
        let count = self.0.length().unwrap_or(0);
        (0..count)
            .filter_map(|i| self.0.key(i).ok().flatten())
            .collect()
    }
}
