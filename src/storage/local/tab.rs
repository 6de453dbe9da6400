//! What this tab knows of storage: which texts it last read or wrote, each
//! collection's fingerprint as it last saved it, the save token it last saw,
//! and whether saving is switched off. One [`Tab`] per tab of the app
//! ([`with_tab`]); host tests make several, one per tab they play.

use super::space::{Space, SAVED};
use super::store::Store;
use std::cell::{Cell, RefCell};

/// A number per storage key. A list, not a hash map: a space has a score of
/// keys, and each map type costs the first load its own hashing code.
#[derive(Default)]
struct Digests(Vec<(String, u64)>);

impl Digests {
    fn get(&self, key: &str) -> Option<u64> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, d)| *d)
    }

    fn insert(&mut self, key: &str, digest: u64) {
        match self.0.iter_mut().find(|(k, _)| k == key) {
            Some((_, d)) => *d = digest,
            None => self.0.push((key.to_owned(), digest)),
        }
    }
}

/// One tab's memory of storage.
#[derive(Default)]
pub struct Tab {
    /// Set when stored data could not be read nor kept aside, or is newer
    /// than this version: from then on nothing is written, so nothing is
    /// overwritten.
    protected: Cell<bool>,
    /// A digest of each key's text as this tab last read or wrote it: a key
    /// whose text differs was written by another tab since.
    known: RefCell<Digests>,
    /// Each collection key's fingerprint as this tab last saved or read it.
    prints: RefCell<Digests>,
    /// The save token as this tab last wrote or read it; `None` once another
    /// tab is heard to have saved, so that the next look reads every key.
    token: RefCell<Option<String>>,
}

thread_local! {
    static THIS_TAB: Tab = Tab::default();
}

/// This tab's memory.
pub fn with_tab<R>(f: impl FnOnce(&Tab) -> R) -> R {
    THIS_TAB.with(f)
}

fn digest(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

impl Tab {
    pub fn protected(&self) -> bool {
        self.protected.get()
    }

    pub fn set_protected(&self, protected: bool) {
        self.protected.set(protected);
    }

    /// Remembers `text` as what `key` holds.
    pub fn remember(&self, key: &str, text: &str) {
        self.known.borrow_mut().insert(key, digest(text));
    }

    /// Whether `text` is what this tab last read or wrote under `key`.
    pub fn has_seen(&self, key: &str, text: &str) -> bool {
        self.known.borrow().get(key) == Some(digest(text))
    }

    /// A key's text, remembered as seen.
    pub fn read(&self, store: &dyn Store, key: &str) -> Option<String> {
        let text = store.get(key)?;
        self.remember(key, &text);
        Some(text)
    }

    pub fn saved_print(&self, key: &str) -> Option<u64> {
        self.prints.borrow().get(key)
    }

    pub fn remember_print(&self, key: &str, print: u64) {
        self.prints.borrow_mut().insert(key, print);
    }

    /// Forgets every fingerprint: storage may hold other texts than this tab saved.
    pub fn forget_prints(&self) {
        self.prints.borrow_mut().0.clear();
    }

    pub fn set_token(&self, token: Option<String>) {
        *self.token.borrow_mut() = token;
    }

    /// Whether storage's save token is not the one this tab last wrote or
    /// read (or there is none to know).
    pub fn token_moved(&self, store: &dyn Store, space: Space) -> bool {
        let token = store.get(&space.key(SAVED));
        token.is_none() || *self.token.borrow() != token
    }
}

/// Another tab saved (the browser's `storage` event): the next look at
/// storage (`news`) reads every key.
pub fn other_tab_saved() {
    with_tab(|tab| tab.set_token(None));
}
