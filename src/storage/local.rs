//! The book in localStorage: one key per collection plus one for the device's
//! own state, so that an edit rewrites what it touched and not everything.
//!
//! Loading runs stored text through the same parse → migrate → validate steps
//! as an imported file. Anything that cannot be read, whole keys or single
//! records, is first copied aside under its own key and reported; it is never
//! overwritten. A failed write (storage full) leaves the data in memory; the
//! next save writes every key that still differs, so it catches up.
//!
//! A save that changes several collections (an import) first writes all their
//! new texts to one journal key, in one step, and removes it once every key is
//! written: a save cut short half-way (storage full, the tab closed) is
//! finished at the next start, so collections are never left half old, half new.
//! A save too big to be held twice in storage goes without the journal rather
//! than not at all, still all or nothing: what it wrote is put back if a key
//! does not fit.
//! Data of an older format is copied to `<key>.format-<n>` before anything is
//! written, and the copies go only once the new format is saved and read back.
//! Other tabs of the same browser save to the same keys: before each save, and
//! when the browser says another tab wrote, what they wrote is merged in
//! ([`news`]), never written over.
//!
//! web-sys's `Storage` is used directly: the raw text is needed to keep unreadable
//! data aside, the DOMException's name to tell "full" from other failures, and a
//! browser with storage switched off must get a message, not a panic.

use crate::domain::book::{Book, DeviceState};
use crate::domain::date::Date;
use crate::domain::envelope::{parse_json, FileError};
use crate::domain::restore::Rejection;
use std::cell::Cell;
use wasm_bindgen::JsValue;

/// The key that says which space is open: absent for the user's own data.
const SPACE_KEY: &str = "sotay.space";
const DEMO: &str = "demo";
const DEMO_CLUSTER: &str = "demo-cluster";
/// Key suffix of the device's own state.
const DEVICE: &str = "device";
/// Key suffix of the journal of a save that touches several collections.
const JOURNAL: &str = "journal";
/// Key suffix of the token each save writes first, so that other tabs see at
/// one read whether anything was saved since they last looked.
const SAVED: &str = "saved";
/// Part of the key of a copy of data in an older format: `<key>.format-<n>`.
const OLD_COPY: &str = ".format-";

/// A set of keys: the user's own book, or a sample one, kept apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Space {
    Own,
    /// The sample chapter.
    Demo,
    /// The sample emulation cluster, an office.
    DemoCluster,
}

impl Space {
    fn prefix(self) -> &'static str {
        match self {
            Space::Own => "sotay.",
            Space::Demo | Space::DemoCluster => "sotay-demo.",
        }
    }

    fn key(self, suffix: &str) -> String {
        format!("{}{suffix}", self.prefix())
    }

    /// Whether this is one of the sample spaces.
    pub fn is_sample(self) -> bool {
        self != Space::Own
    }

    /// The space the app opens in.
    pub fn current() -> Space {
        match storage().and_then(|s| s.get_item(SPACE_KEY).ok().flatten()) {
            Some(space) if space == DEMO => Space::Demo,
            Some(space) if space == DEMO_CLUSTER => Space::DemoCluster,
            _ => Space::Own,
        }
    }

    /// Makes `self` the space the app opens in next; the demo space starts afresh.
    pub fn open_next(self) -> Result<(), SaveError> {
        let store = storage().ok_or(SaveError::Unavailable)?;
        for key in keys_with_prefix(&store, Space::Demo.prefix()) {
            let _ = store.remove_item(&key);
        }
        let result = match self {
            Space::Own => store.remove_item(SPACE_KEY),
            Space::Demo => store.set_item(SPACE_KEY, DEMO),
            Space::DemoCluster => store.set_item(SPACE_KEY, DEMO_CLUSTER),
        };
        result.map_err(|e| SaveError::from_js(&e))
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn keys_with_prefix(store: &web_sys::Storage, prefix: &str) -> Vec<String> {
    let count = store.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect()
}

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

/// Reads the book of `space`, keeping aside whatever cannot be read.
pub fn load(space: Space, today: Date, now_ms: u64) -> Loaded {
    // Protection reflects what this load finds.
    PROTECTED.with(|p| p.set(false));
    let mut loaded = Loaded {
        book: Book::default(),
        device: None,
        problems: Vec::new(),
    };
    let Some(store) = storage() else {
        loaded.problems.push(LoadProblem::NoStorage);
        protect();
        return loaded;
    };
    finish_journal(&store, space, now_ms, &mut loaded.problems);
    let token = store.get_item(&space.key(SAVED)).ok().flatten();
    TOKEN.with(|t| *t.borrow_mut() = token);
    let mut format = crate::domain::envelope::FORMAT;
    let device_key = space.key(DEVICE);
    if let Some(text) = read(&store, &device_key) {
        let read = parse_json(text.as_bytes()).and_then(|v| DeviceState::from_stored(&v));
        match read {
            Ok((device, found)) => {
                loaded.device = Some(device);
                format = found;
            }
            Err(FileError::NewerFormat { found }) => {
                loaded.problems.push(LoadProblem::Newer { found });
                protect();
                return loaded;
            }
            Err(error) => {
                let aside = set_aside(&store, &device_key, &text, now_ms);
                loaded.problems.push(LoadProblem::Unreadable {
                    key: device_key,
                    error,
                    aside,
                });
            }
        }
    }
    if format < crate::domain::envelope::FORMAT {
        keep_old_copies(&store, space, format);
    }
    for name in Book::COLLECTIONS {
        load_collection(&store, space, name, format, today, now_ms, &mut loaded);
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
fn load_collection(
    store: &web_sys::Storage,
    space: Space,
    name: &str,
    format: u32,
    today: Date,
    now_ms: u64,
    loaded: &mut Loaded,
) {
    let key = space.key(name);
    let Some(text) = read(store, &key) else {
        return;
    };
    match read_collection(&mut loaded.book, name, format, &text, today) {
        // Read whole in today's format: saved as it is until it changes.
        Ok(rejected) if rejected.is_empty() => {
            if format == crate::domain::envelope::FORMAT {
                remember_print(&key, loaded.book.fingerprint(name));
            }
        }
        Ok(rejected) => {
            let aside = set_aside(store, &key, &text, now_ms);
            loaded.problems.push(LoadProblem::Rejected {
                key,
                rejected,
                aside,
            });
        }
        Err(error) => {
            let aside = set_aside(store, &key, &text, now_ms);
            loaded
                .problems
                .push(LoadProblem::Unreadable { key, error, aside });
        }
    }
}

/// Reads the stored text of the collection `name` into `book`, as a file's
/// is read: the records it rejects, or why it cannot be read at all.
fn read_collection(
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
    let key = aside.split(".aside.").next()?.to_owned();
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
            crate::domain::envelope::FORMAT,
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
fn set_aside(store: &web_sys::Storage, key: &str, text: &str, now_ms: u64) -> Option<String> {
    let aside = format!("{key}.aside.{now_ms}");
    match store.set_item(&aside, text) {
        Ok(()) => Some(aside),
        Err(_) => {
            protect();
            None
        }
    }
}

/// Copies of unreadable data kept aside in `space`: (key, text).
pub fn aside_copies(space: Space) -> Vec<(String, String)> {
    let Some(store) = storage() else {
        return Vec::new();
    };
    keys_with_prefix(&store, space.prefix())
        .into_iter()
        .filter(|k| k.contains(".aside."))
        .filter_map(|k| store.get_item(&k).ok().flatten().map(|t| (k, t)))
        .collect()
}

/// The key of her column choices for member lists, by header: one for the
/// browser, whichever space is open.
const LIST_COLUMNS_KEY: &str = "sotay.list-columns";

/// What she said the columns of earlier member lists hold; none at first,
/// and none if what is stored cannot be read (it only helps guessing).
pub fn list_columns() -> crate::domain::roster::columns::Remembered {
    storage()
        .and_then(|s| s.get_item(LIST_COLUMNS_KEY).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Remembers her column choices for the next list, beside the earlier ones.
pub fn set_list_columns(choices: &crate::domain::roster::columns::Remembered) {
    let mut all = list_columns();
    all.retain(|(header, _)| !choices.iter().any(|(h, _)| h == header));
    all.extend(choices.iter().cloned());
    if let (Some(store), Ok(text)) = (storage(), serde_json::to_string(&all)) {
        let _ = store.set_item(LIST_COLUMNS_KEY, &text);
    }
}

/// The key of the interface language: one for the browser, whichever space is open.
const LANGUAGE_KEY: &str = "sotay.lang";

/// The interface language chosen in settings, as its code; `None` until chosen.
pub fn language() -> Option<String> {
    storage()?.get_item(LANGUAGE_KEY).ok()?
}

/// Keeps the interface language for the next start.
pub fn set_language(code: &str) -> Result<(), SaveError> {
    let store = storage().ok_or(SaveError::Unavailable)?;
    store
        .set_item(LANGUAGE_KEY, code)
        .map_err(|e| SaveError::from_js(&e))
}

/// Key part of a form's draft: `<space prefix>draft.<form>`.
const DRAFT: &str = "draft.";

/// The draft of a new record's form left unsaved, if it can be read. A draft
/// is a copy of a form, not of the book: one that cannot be read (written by
/// another version) is left as it is, and the form starts empty.
pub fn load_draft<T: serde::de::DeserializeOwned>(space: Space, form: &str) -> Option<T> {
    let text = storage()?
        .get_item(&space.key(&format!("{DRAFT}{form}")))
        .ok()??;
    // Through a Value, as records are restored: the same deserializers serve
    // both, and the pages stay small.
    let value = parse_json(text.as_bytes()).ok()?;
    T::deserialize(&value).ok()
}

/// Keeps a form's draft; a full storage only means the draft is not kept.
pub fn save_draft<T: serde::Serialize>(space: Space, form: &str, draft: &T) {
    if let (Some(store), Ok(text)) = (storage(), serde_json::to_string(draft)) {
        let _ = store.set_item(&space.key(&format!("{DRAFT}{form}")), &text);
    }
}

/// Forgets a form's draft, once saved or thrown away.
pub fn clear_draft(space: Space, form: &str) {
    if let Some(store) = storage() {
        let _ = store.remove_item(&space.key(&format!("{DRAFT}{form}")));
    }
}

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
    } else if key.contains(".aside.") || key.contains(OLD_COPY) || key == Space::Own.key(JOURNAL) {
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
    let Some(store) = storage() else {
        return Vec::new();
    };
    let mut parts: Vec<(Held, usize)> = Vec::new();
    for key in keys_with_prefix(&store, "") {
        let value = store.get_item(&key).ok().flatten().unwrap_or_default();
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

/// Deletes a copy kept aside, once the user has saved it elsewhere.
pub fn remove_aside(key: &str) {
    if let Some(store) = storage() {
        let _ = store.remove_item(key);
    }
}

thread_local! {
    /// Set when stored data could not be read nor kept aside, or is newer than
    /// this version: from then on nothing is written, so nothing is overwritten.
    static PROTECTED: Cell<bool> = const { Cell::new(false) };
}

fn protect() {
    PROTECTED.with(|p| p.set(true));
}

/// Saves the book and the device state. Each key is written only if its text
/// differs from what storage holds, so one edit rewrites one collection, and a
/// key that failed to be written (storage full) is written by the next save.
/// A collection holding the record versions this tab last saved or read is
/// not even written out to find that out (its fingerprint tells), so an edit
/// of one member does not turn the whole book into text.
/// Several collections at once go through the journal; the device state goes
/// last, since a clock behind the records is moved past them at load.
pub fn save(space: Space, book: &Book, device: &DeviceState) -> Result<(), SaveError> {
    if PROTECTED.with(Cell::get) {
        return Err(SaveError::Protected);
    }
    let store = storage().ok_or(SaveError::Unavailable)?;
    if token_moved(&store, space) {
        // Another tab saved, or storage was cleared: what this tab saved
        // last is no guide to what storage holds now.
        PRINTS.with(|prints| prints.borrow_mut().clear());
    }
    let differs =
        |key: &str, text: &str| store.get_item(key).ok().flatten().as_deref() != Some(text);
    let mut changed: Vec<Write> = Vec::new();
    for name in Book::COLLECTIONS {
        let key = space.key(name);
        let print = book.fingerprint(name);
        let last = saved_print(&key);
        if last == Some(print) {
            continue;
        }
        let text = book.collection_json(name);
        // Changed since this tab saved it: no need to read storage's text.
        if last.is_some() || differs(&key, &text) {
            changed.push(Write {
                key,
                text,
                print: Some(print),
            });
        } else {
            remember_print(&key, print);
        }
    }
    let set = |key: &str, text: &str| {
        store
            .set_item(key, text)
            .map_err(|e| SaveError::from_js(&e))
    };
    let device_text = device.to_stored().to_string();
    let device_key = space.key(DEVICE);
    let device_changed = differs(&device_key, &device_text);
    if !changed.is_empty() || device_changed {
        // First, so that a tab that sees any of this save sees the token too.
        let _ = set(&space.key(SAVED), &new_token());
    }
    let journal_key = space.key(JOURNAL);
    let mut journaled = false;
    if changed.len() > 1 {
        let journal: serde_json::Map<String, serde_json::Value> = changed
            .iter()
            .map(|w| (w.key.clone(), w.text.as_str().into()))
            .collect();
        match set(
            &journal_key,
            &serde_json::Value::Object(journal).to_string(),
        ) {
            Ok(()) => journaled = true,
            // Too big to be held twice: see below.
            Err(SaveError::Full) => drop_journal(&store, space),
            Err(error) => return Err(error),
        }
    }
    if device_changed {
        changed.push(Write {
            key: device_key,
            text: device_text,
            print: None,
        });
    }
    // What each key held before, to put back if a save of several keys
    // without the journal fails half-way (a save of one key that fails has
    // written nothing).
    let several = changed.len() > 1;
    let mut before: Vec<(&str, Option<String>)> = Vec::with_capacity(changed.len());
    for Write { key, text, .. } in &changed {
        let old = several
            .then(|| store.get_item(key).ok().flatten())
            .flatten();
        let mut written = set(key, text);
        if written == Err(SaveError::Full) && journaled {
            // A book too big to be held twice (a restore or an import of
            // millions of characters) is saved without the journal rather
            // than not at all; it is still all or nothing, by putting back
            // what was written when a key does not fit.
            drop_journal(&store, space);
            journaled = false;
            written = set(key, text);
        }
        if let Err(error) = written {
            if !journaled {
                put_back(&store, before);
            }
            return Err(error);
        }
        before.push((key, old));
    }
    for Write { key, text, print } in &changed {
        remember(key, text);
        if let Some(print) = print {
            remember_print(key, *print);
        }
    }
    // A journal left by a save cut short is finished by this one too.
    let _ = store.remove_item(&journal_key);
    settle_old_copies(&store, space);
    Ok(())
}

/// A key to write, and for a collection the fingerprint of its records.
struct Write {
    key: String,
    text: String,
    print: Option<u64>,
}

/// Removes the journal: one that could not be written, or one that no longer
/// fits beside the save; a journal of an earlier save cut short goes too,
/// since replayed later it would write older texts over this save's.
fn drop_journal(store: &web_sys::Storage, space: Space) {
    let _ = store.remove_item(&space.key(JOURNAL));
}

/// Gives keys back the texts they held before a save that failed half-way,
/// last written first.
fn put_back(store: &web_sys::Storage, before: Vec<(&str, Option<String>)>) {
    for (key, old) in before.into_iter().rev() {
        let _ = match old {
            Some(text) => store.set_item(key, &text),
            None => store.remove_item(key),
        };
    }
}

thread_local! {
    /// A digest of each key's text as this tab last read or wrote it: a key
    /// whose text differs was written by another tab since.
    static KNOWN: std::cell::RefCell<Digests> = std::cell::RefCell::default();
    /// Each collection key's fingerprint as this tab last saved or read it.
    static PRINTS: std::cell::RefCell<Digests> = std::cell::RefCell::default();
    /// The save token as this tab last wrote or read it; `None` once another
    /// tab is heard to have saved, so that the next look reads every key.
    static TOKEN: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// A number per storage key. A list, not a hash map: a space has a score of
/// keys, and each map type costs the first load its own hashing code.
#[derive(Default)]
struct Digests(Vec<(String, u64)>);

impl Digests {
    fn get(&self, key: &str) -> Option<&u64> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, d)| d)
    }

    fn insert(&mut self, key: String, digest: u64) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, d)) => *d = digest,
            None => self.0.push((key, digest)),
        }
    }

    fn clear(&mut self) {
        self.0.clear();
    }
}

fn saved_print(key: &str) -> Option<u64> {
    PRINTS.with(|prints| prints.borrow().get(key).copied())
}

fn remember_print(key: &str, print: u64) {
    PRINTS.with(|prints| prints.borrow_mut().insert(key.to_owned(), print));
}

/// A token no other save writes: random, from the browser.
fn new_token() -> String {
    let token = format!(
        "{:x}",
        (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
    );
    TOKEN.with(|t| *t.borrow_mut() = Some(token.clone()));
    token
}

/// Whether storage's save token is not the one this tab last wrote or read
/// (or there is none to know).
fn token_moved(store: &web_sys::Storage, space: Space) -> bool {
    let token = store.get_item(&space.key(SAVED)).ok().flatten();
    token.is_none() || TOKEN.with(|t| *t.borrow() != token)
}

/// Another tab saved (the browser's `storage` event): the next look at
/// storage ([`news`]) reads every key.
pub fn other_tab_saved() {
    TOKEN.with(|t| *t.borrow_mut() = None);
}

fn digest(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

fn remember(key: &str, text: &str) {
    KNOWN.with(|known| known.borrow_mut().insert(key.to_owned(), digest(text)));
}

/// A key's text, remembered as seen by this tab.
fn read(store: &web_sys::Storage, key: &str) -> Option<String> {
    let text = store.get_item(key).ok().flatten()?;
    remember(key, &text);
    Some(text)
}

/// What other tabs saved since this tab last read or wrote: the collections
/// they changed (the others empty) and their device state; `None` when
/// nothing changed. Records that cannot be read are left for the next start,
/// which keeps them aside.
pub fn news(space: Space, today: Date) -> Option<(Book, Option<DeviceState>)> {
    let store = storage()?;
    // No save since this tab last looked or wrote: one key read says so.
    if !token_moved(&store, space) {
        return None;
    }
    PRINTS.with(|prints| prints.borrow_mut().clear());
    let token = store.get_item(&space.key(SAVED)).ok().flatten();
    TOKEN.with(|t| *t.borrow_mut() = token);
    let unseen = |key: &str| -> Option<String> {
        let text = store.get_item(key).ok().flatten()?;
        let seen = KNOWN.with(|known| known.borrow().get(key) == Some(&digest(&text)));
        (!seen).then(|| {
            remember(key, &text);
            text
        })
    };
    let device = unseen(&space.key(DEVICE))
        .and_then(|text| parse_json(text.as_bytes()).ok())
        .and_then(|value| DeviceState::from_stored(&value).ok())
        .map(|(device, _)| device);
    let mut changed = device.is_some();
    let mut book = Book::default();
    for name in Book::COLLECTIONS {
        if let Some(text) = unseen(&space.key(name)) {
            changed = true;
            if let Ok(value) = parse_json(text.as_bytes()) {
                let format = crate::domain::envelope::FORMAT;
                let _ = book.restore_one(name, format, Some(&value), today, u64::MAX);
            }
        }
    }
    changed.then_some((book, device))
}

/// Finishes a save cut short: writes the journal's texts, then removes it. If
/// storage is still too full, the journal stays, and nothing is saved this
/// session over the half-written state it would mend at the next start.
fn finish_journal(
    store: &web_sys::Storage,
    space: Space,
    now_ms: u64,
    problems: &mut Vec<LoadProblem>,
) {
    let key = space.key(JOURNAL);
    let Some(text) = store.get_item(&key).ok().flatten() else {
        return;
    };
    let entries = match parse_json(text.as_bytes()) {
        Ok(serde_json::Value::Object(entries)) => entries,
        other => {
            let aside = set_aside(store, &key, &text, now_ms);
            problems.push(LoadProblem::Unreadable {
                key: key.clone(),
                error: other.err().unwrap_or(FileError::NotAnObject),
                aside,
            });
            let _ = store.remove_item(&key);
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
            finished &= store.set_item(entry, value).is_ok();
        }
    }
    if finished {
        let _ = store.remove_item(&key);
    } else {
        protect();
    }
}

/// Copies every key of `space` to `<key>.format-<format>` before data of an
/// older format is rewritten. If storage cannot hold the copies, nothing is
/// saved this session, so the old data stays whole.
fn keep_old_copies(store: &web_sys::Storage, space: Space, format: u32) {
    for suffix in Book::COLLECTIONS.iter().copied().chain([DEVICE]) {
        let key = space.key(suffix);
        let copy = format!("{key}{OLD_COPY}{format}");
        let Some(text) = store.get_item(&key).ok().flatten() else {
            continue;
        };
        let kept = store.get_item(&copy).ok().flatten().is_some();
        if !kept && store.set_item(&copy, &text).is_err() {
            protect();
        }
    }
}

/// Once a save has written the current format, reads every key back and, if
/// all of it restores, removes the copies of the older format.
fn settle_old_copies(store: &web_sys::Storage, space: Space) {
    let copies: Vec<String> = keys_with_prefix(store, space.prefix())
        .into_iter()
        .filter(|key| key.contains(OLD_COPY))
        .collect();
    if copies.is_empty() {
        return;
    }
    let format = crate::domain::envelope::FORMAT;
    let stored = |suffix: &str| {
        store
            .get_item(&space.key(suffix))
            .ok()
            .flatten()
            .map(|text| parse_json(text.as_bytes()))
    };
    let device_ok = matches!(
        stored(DEVICE).map(|v| v.and_then(|v| DeviceState::from_stored(&v))),
        Some(Ok((_, found))) if found == format
    );
    let today = crate::storage::device::today();
    let collections_ok = Book::COLLECTIONS.iter().all(|name| match stored(name) {
        None => true,
        Some(value) => value
            .and_then(|v| Book::default().restore_one(name, format, Some(&v), today, u64::MAX))
            .is_ok(),
    });
    if device_ok && collections_ok {
        for copy in copies {
            let _ = store.remove_item(&copy);
        }
    }
}
