//! Reading the book at start-up, through the same parse → migrate →
//! validate steps as an imported file. Anything that cannot be read, whole
//! keys or single records, is first copied aside under its own key and
//! reported; it is never overwritten. A journal left by a save cut short is
//! finished first; data of an older format is copied before anything is
//! written over it.

use super::space::{Space, ASIDE, DEVICE, JOURNAL, OLD_COPY, SAVED};
use super::store::{browser, Store};
use super::tab::{with_tab, Tab};
use crate::domain::book::collections::{Book, DeviceState};
use crate::domain::file::envelope::{parse_json, FileError, FORMAT};
use crate::domain::file::restore::Rejection;
use crate::domain::kernel::date::Date;

/// Something found at start-up that the user must hear about.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadProblem {
    /// A key could not be read at all; its text was kept under `aside`.
    Unreadable {
        key: String,
        error: FileError,
        aside: Option<String>,
    },
    /// Some records of a key were rejected; the key's whole text was kept under `aside`.
    Rejected {
        key: String,
        rejected: Vec<Rejection>,
        aside: Option<String>,
    },
    /// Storage holds data from a newer version of the app; it is left untouched.
    Newer { found: u64 },
    /// Storage is switched off: nothing will be kept after the page closes.
    NoStorage,
}

/// What start-up found in storage.
pub struct Loaded {
    pub book: Book,
    /// `None` when this browser has never been set up.
    pub device: Option<DeviceState>,
    pub problems: Vec<LoadProblem>,
}

/// Reads the book of `space` from this browser's storage, keeping aside
/// whatever cannot be read.
pub fn load(space: Space, today: Date, now_ms: u64) -> Loaded {
    with_tab(|tab| match browser() {
        Some(store) => load_from(&store, tab, space, today, now_ms),
        None => {
            tab.set_protected(true);
            Loaded {
                book: Book::default(),
                device: None,
                problems: vec![LoadProblem::NoStorage],
            }
        }
    })
}

/// Reads the book of `space` from `store` as `tab` sees it.
pub fn load_from(store: &dyn Store, tab: &Tab, space: Space, today: Date, now_ms: u64) -> Loaded {
    // Protection reflects what this load finds.
    tab.set_protected(false);
    let mut loaded = Loaded {
        book: Book::default(),
        device: None,
        problems: Vec::new(),
    };
    finish_journal(store, tab, space, now_ms, &mut loaded.problems);
    tab.set_token(store.get(&space.key(SAVED)));
    let mut format = FORMAT;
    let device_key = space.key(DEVICE);
    if let Some(text) = tab.read(store, &device_key) {
        let read = parse_json(text.as_bytes()).and_then(|v| DeviceState::from_stored(&v));
        match read {
            Ok((device, found)) => {
                loaded.device = Some(device);
                format = found;
            }
            Err(FileError::NewerFormat { found }) => {
                loaded.problems.push(LoadProblem::Newer { found });
                tab.set_protected(true);
                return loaded;
            }
            Err(error) => {
                let aside = set_aside(store, tab, &device_key, &text, now_ms);
                loaded.problems.push(LoadProblem::Unreadable {
                    key: device_key,
                    error,
                    aside,
                });
            }
        }
    }
    if format < FORMAT {
        keep_old_copies(store, tab, space, format);
    }
    for name in Book::COLLECTIONS {
        load_collection(store, tab, space, name, format, today, now_ms, &mut loaded);
    }
    if let (Some(device), Some(stamp)) = (&mut loaded.device, loaded.book.newest_stamp()) {
        // Never issue a stamp older than one already stored, even if the
        // device key was written before a collection that failed to follow it.
        device.clock.observe(stamp);
    }
    loaded
}

/// Reads one collection's key into `loaded.book`; whatever cannot be read is
/// kept aside and reported in `loaded.problems`.
#[allow(clippy::too_many_arguments)]
fn load_collection(
    store: &dyn Store,
    tab: &Tab,
    space: Space,
    name: &str,
    format: u32,
    today: Date,
    now_ms: u64,
    loaded: &mut Loaded,
) {
    let key = space.key(name);
    let Some(text) = tab.read(store, &key) else {
        return;
    };
    match read_collection(&mut loaded.book, name, format, &text, today) {
        // Read whole in today's format: saved as it is until it changes.
        Ok(rejected) if rejected.is_empty() => {
            if format == FORMAT {
                tab.remember_print(&key, loaded.book.fingerprint(name));
            }
        }
        Ok(rejected) => {
            let aside = set_aside(store, tab, &key, &text, now_ms);
            loaded.problems.push(LoadProblem::Rejected {
                key,
                rejected,
                aside,
            });
        }
        Err(error) => {
            let aside = set_aside(store, tab, &key, &text, now_ms);
            loaded
                .problems
                .push(LoadProblem::Unreadable { key, error, aside });
        }
    }
}

/// Reads the stored text of the collection `name` into `book`, as a file's
/// is read: the records it rejects, or why it cannot be read at all.
pub(super) fn read_collection(
    book: &mut Book,
    name: &str,
    format: u32,
    text: &str,
    today: Date,
) -> Result<Vec<Rejection>, FileError> {
    parse_json(text.as_bytes())
        .and_then(|value| book.restore_one(name, format, Some(&value), today, u64::MAX))
}

/// What is wrong with the copy kept aside under `aside`, found again by
/// reading it as start-up did: start-up's banner says only which part, so
/// that the words for every error stay off every page's first load.
pub fn aside_problem(space: Space, aside: &str, text: &str, today: Date) -> Option<LoadProblem> {
    let key = aside.split(ASIDE).next()?.to_owned();
    let name = key.strip_prefix(space.prefix())?;
    let found = match name {
        DEVICE => parse_json(text.as_bytes())
            .and_then(|v| DeviceState::from_stored(&v))
            .err()
            .map(Err),
        JOURNAL => parse_json(text.as_bytes())
            .and_then(|v| v.is_object().then_some(()).ok_or(FileError::NotAnObject))
            .err()
            .map(Err),
        _ => Some(read_collection(
            &mut Book::default(),
            name,
            FORMAT,
            text,
            today,
        )),
    };
    let aside = Some(aside.to_owned());
    match found? {
        Ok(rejected) if rejected.is_empty() => None,
        Ok(rejected) => Some(LoadProblem::Rejected {
            key,
            rejected,
            aside,
        }),
        Err(error) => Some(LoadProblem::Unreadable { key, error, aside }),
    }
}

/// Copies `text` to `<key>.aside.<now_ms>`. If even that fails, saving is
/// switched off for this session so that the original is never overwritten.
fn set_aside(store: &dyn Store, tab: &Tab, key: &str, text: &str, now_ms: u64) -> Option<String> {
    let aside = format!("{key}{ASIDE}{now_ms}");
    match store.set(&aside, text) {
        Ok(()) => Some(aside),
        Err(_) => {
            tab.set_protected(true);
            None
        }
    }
}

/// Copies of unreadable data kept aside in `space`: (key, text).
pub fn aside_copies(space: Space) -> Vec<(String, String)> {
    let Some(store) = browser() else {
        return Vec::new();
    };
    store
        .keys_with_prefix(space.prefix())
        .into_iter()
        .filter(|k| k.contains(ASIDE))
        .filter_map(|k| store.get(&k).map(|t| (k, t)))
        .collect()
}

/// Deletes a copy kept aside, once the user has saved it elsewhere.
pub fn remove_aside(key: &str) {
    if let Some(store) = browser() {
        store.remove(key);
    }
}

/// Finishes a save cut short: writes the journal's texts, then removes it. If
/// storage is still too full, the journal stays, and nothing is saved this
/// session over the half-written state it would mend at the next start.
fn finish_journal(
    store: &dyn Store,
    tab: &Tab,
    space: Space,
    now_ms: u64,
    problems: &mut Vec<LoadProblem>,
) {
    let key = space.key(JOURNAL);
    let Some(text) = store.get(&key) else {
        return;
    };
    let entries = match parse_json(text.as_bytes()) {
        Ok(serde_json::Value::Object(entries)) => entries,
        other => {
            let aside = set_aside(store, tab, &key, &text, now_ms);
            problems.push(LoadProblem::Unreadable {
                key: key.clone(),
                error: other.err().unwrap_or(FileError::NotAnObject),
                aside,
            });
            store.remove(&key);
            return;
        }
    };
    let mut finished = true;
    for (entry, value) in &entries {
        // Only this space's collections: the journal names no other key.
        let ours = Book::COLLECTIONS
            .iter()
            .any(|name| space.key(name) == *entry);
        if let (true, Some(value)) = (ours, value.as_str()) {
            finished &= store.set(entry, value).is_ok();
        }
    }
    if finished {
        store.remove(&key);
    } else {
        tab.set_protected(true);
    }
}

/// Copies every key of `space` to `<key>.format-<format>` before data of an
/// older format is rewritten. If storage cannot hold the copies, nothing is
/// saved this session, so the old data stays whole.
fn keep_old_copies(store: &dyn Store, tab: &Tab, space: Space, format: u32) {
    for suffix in Book::COLLECTIONS.iter().copied().chain([DEVICE]) {
        let key = space.key(suffix);
        let copy = format!("{key}{OLD_COPY}{format}");
        let Some(text) = store.get(&key) else {
            continue;
        };
        if store.get(&copy).is_none() && store.set(&copy, &text).is_err() {
            tab.set_protected(true);
        }
    }
}
