//! What each part of storage holds, for the storage meter.

use super::prefs::{DRAFT, LANGUAGE_KEY, LIST_COLUMNS_KEY};
use super::space::{Space, ASIDE, DEVICE, JOURNAL, OLD_COPY, SAVED, SPACE_KEY};
use super::store::{browser, Store};
use crate::domain::book::collections::Book;

/// What part of the app a key of localStorage holds, for the storage meter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Held {
    /// One collection of her own book, by its name in [`Book::COLLECTIONS`].
    Collection(&'static str),
    /// The device's own state, and which space is open.
    Device,
    /// Copies of unreadable data kept aside.
    Aside,
    /// Forms of new records left unsaved.
    Drafts,
    /// A sample chapter or cluster.
    Sample,
    /// Keys of other pages of the same site.
    Other,
}

fn held(key: &str) -> Held {
    let own = Space::Own.prefix();
    if key.starts_with(Space::Demo.prefix()) {
        Held::Sample
    } else if key.contains(ASIDE) || key.contains(OLD_COPY) || key == Space::Own.key(JOURNAL) {
        Held::Aside
    } else if key.starts_with(&Space::Own.key(DRAFT)) {
        Held::Drafts
    } else if [SPACE_KEY, LANGUAGE_KEY, LIST_COLUMNS_KEY].contains(&key)
        || [DEVICE, SAVED].iter().any(|k| key == Space::Own.key(k))
    {
        Held::Device
    } else if let Some(name) = key
        .strip_prefix(own)
        .and_then(|name| Book::COLLECTIONS.iter().find(|c| **c == name))
    {
        Held::Collection(name)
    } else {
        Held::Other
    }
}

/// Characters stored for this site (UTF-16 code units, keys included, as
/// browsers count them), part by part, largest first; empty when storage is off.
pub fn usage() -> Vec<(Held, usize)> {
    let Some(store) = browser() else {
        return Vec::new();
    };
    let mut parts: Vec<(Held, usize)> = Vec::new();
    for key in store.keys() {
        let value = store.get(&key).unwrap_or_default();
        let chars = key.encode_utf16().count() + value.encode_utf16().count();
        let part = held(&key);
        match parts.iter_mut().find(|(p, _)| *p == part) {
            Some((_, total)) => *total += chars,
            None => parts.push((part, chars)),
        }
    }
    // Largest first, inserted in place (a sort costs the wasm kilobytes).
    let mut largest_first: Vec<(Held, usize)> = Vec::with_capacity(parts.len());
    for part in parts {
        let at = largest_first.partition_point(|(_, chars)| *chars >= part.1);
        largest_first.insert(at, part);
    }
    largest_first
}
