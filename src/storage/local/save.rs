//! Saving the book: one key per collection plus one for the device's own
//! state, each written only if its text changed, so that an edit rewrites
//! what it touched and not everything.
//!
//! A save that changes several collections (an import) first writes all their
//! new texts to one journal key, in one step, and removes it once every key is
//! written: a save cut short half-way (storage full, the tab closed) is
//! finished at the next start (`load.rs`), so collections are never left half
//! old, half new. A save too big to be held twice in storage goes without the
//! journal rather than not at all, still all or nothing: what it wrote is put
//! back if a key does not fit. A failed save leaves the data in memory; the
//! next save writes every key that still differs, so it catches up.

use super::load::read_collection;
use super::space::{Space, DEVICE, JOURNAL, OLD_COPY, SAVED};
use super::store::{browser, SaveError, Store};
use super::tab::{with_tab, Tab};
use crate::domain::book::collections::{Book, DeviceState};
use crate::domain::file::envelope::{parse_json, FORMAT};
use crate::domain::kernel::date::Date;

/// Saves the book and the device state of `space` to this browser's storage.
pub fn save(space: Space, book: &Book, device: &DeviceState) -> Result<(), SaveError> {
    let store = browser().ok_or(SaveError::Unavailable)?;
    let today = crate::storage::device::today();
    with_tab(|tab| save_to(&store, tab, space, book, device, &new_token, today))
}

/// A token no other save writes: random, from the browser.
fn new_token() -> String {
    format!(
        "{:x}",
        (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
    )
}

/// Saves to `store` as `tab` last saw it. Each key is written only if its
/// text differs from what storage holds, so one edit rewrites one
/// collection, and a key that failed to be written (storage full) is
/// written by the next save. A collection holding the record versions this
/// tab last saved or read is not even written out to find that out (its
/// fingerprint tells), so an edit of one member does not turn the whole book
/// into text. Several collections at once go through the journal; the device
/// state goes last, since a clock behind the records is moved past them at
/// load. `token` makes the save's token, which no other save may write.
pub fn save_to(
    store: &dyn Store,
    tab: &Tab,
    space: Space,
    book: &Book,
    device: &DeviceState,
    token: &dyn Fn() -> String,
    today: Date,
) -> Result<(), SaveError> {
    if tab.protected() {
        return Err(SaveError::Protected);
    }
    if tab.token_moved(store, space) {
        // Another tab saved, or storage was cleared: what this tab saved
        // last is no guide to what storage holds now.
        tab.forget_prints();
    }
    let differs = |key: &str, text: &str| store.get(key).as_deref() != Some(text);
    let mut changed: Vec<Write> = Vec::new();
    for name in Book::COLLECTIONS {
        let key = space.key(name);
        let print = book.fingerprint(name);
        let last = tab.saved_print(&key);
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
            tab.remember_print(&key, print);
        }
    }
    let device_text = device.to_stored().to_string();
    let device_key = space.key(DEVICE);
    let device_changed = differs(&device_key, &device_text);
    if !changed.is_empty() || device_changed {
        // First, so that a tab that sees any of this save sees the token too.
        let token = token();
        let _ = store.set(&space.key(SAVED), &token);
        tab.set_token(Some(token));
    }
    let journal_key = space.key(JOURNAL);
    let mut journaled = false;
    if changed.len() > 1 {
        let journal: serde_json::Map<String, serde_json::Value> = changed
            .iter()
            .map(|w| (w.key.clone(), w.text.as_str().into()))
            .collect();
        match store.set(
            &journal_key,
            &serde_json::Value::Object(journal).to_string(),
        ) {
            Ok(()) => journaled = true,
            // Too big to be held twice: see below.
            Err(SaveError::Full) => drop_journal(store, space),
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
        let old = several.then(|| store.get(key)).flatten();
        let mut written = store.set(key, text);
        if written == Err(SaveError::Full) && journaled {
            // A book too big to be held twice (a restore or an import of
            // millions of characters) is saved without the journal rather
            // than not at all; it is still all or nothing, by putting back
            // what was written when a key does not fit.
            drop_journal(store, space);
            journaled = false;
            written = store.set(key, text);
        }
        if let Err(error) = written {
            if !journaled {
                put_back(store, before);
            }
            return Err(error);
        }
        before.push((key, old));
    }
    for Write { key, text, print } in &changed {
        tab.remember(key, text);
        if let Some(print) = print {
            tab.remember_print(key, *print);
        }
    }
    // A journal left by a save cut short is finished by this one too.
    store.remove(&journal_key);
    settle_old_copies(store, space, today);
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
fn drop_journal(store: &dyn Store, space: Space) {
    store.remove(&space.key(JOURNAL));
}

/// Gives keys back the texts they held before a save that failed half-way,
/// last written first.
fn put_back(store: &dyn Store, before: Vec<(&str, Option<String>)>) {
    for (key, old) in before.into_iter().rev() {
        match old {
            Some(text) => {
                let _ = store.set(key, &text);
            }
            None => store.remove(key),
        }
    }
}

/// Once a save has written the current format, reads every key back and, if
/// all of it restores, removes the copies of the older format.
fn settle_old_copies(store: &dyn Store, space: Space, today: Date) {
    let copies: Vec<String> = store
        .keys_with_prefix(space.prefix())
        .into_iter()
        .filter(|key| key.contains(OLD_COPY))
        .collect();
    if copies.is_empty() {
        return;
    }
    let device_ok = matches!(
        store.get(&space.key(DEVICE)).map(|text| parse_json(text.as_bytes()).and_then(|v| DeviceState::from_stored(&v))),
        Some(Ok((_, found))) if found == FORMAT
    );
    let collections_ok = Book::COLLECTIONS
        .iter()
        .all(|name| match store.get(&space.key(name)) {
            None => true,
            Some(text) => read_collection(&mut Book::default(), name, FORMAT, &text, today).is_ok(),
        });
    if device_ok && collections_ok {
        for copy in copies {
            store.remove(&copy);
        }
    }
}
