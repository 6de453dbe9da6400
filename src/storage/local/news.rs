//! Other tabs of the same browser save to the same keys: before each save,
//! and when the browser says another tab wrote, what they wrote is read here
//! and merged in by the app, never written over.

use super::space::{Space, DEVICE, SAVED};
use super::store::{browser, Store};
use super::tab::{with_tab, Tab};
use crate::domain::book::collections::{Book, DeviceState};
use crate::domain::file::envelope::{parse_json, FORMAT};
use crate::domain::kernel::date::Date;

/// What other tabs saved to this browser's storage since this tab last
/// looked; see [`news_from`].
pub fn news(space: Space, today: Date) -> Option<(Book, Option<DeviceState>)> {
    let store = browser()?;
    with_tab(|tab| news_from(&store, tab, space, today))
}

/// What other tabs saved since `tab` last read or wrote: the collections
/// they changed (the others empty) and their device state; `None` when
/// nothing changed. Records that cannot be read are left for the next start,
/// which keeps them aside.
pub fn news_from(
    store: &dyn Store,
    tab: &Tab,
    space: Space,
    today: Date,
) -> Option<(Book, Option<DeviceState>)> {
    // No save since this tab last looked or wrote: one key read says so.
    if !tab.token_moved(store, space) {
        return None;
    }
    tab.forget_prints();
    tab.set_token(store.get(&space.key(SAVED)));
    let unseen = |key: &str| -> Option<String> {
        let text = store.get(key)?;
        (!tab.has_seen(key, &text)).then(|| {
            tab.remember(key, &text);
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
                let _ = book.restore_one(name, FORMAT, Some(&value), today, u64::MAX);
            }
        }
    }
    changed.then_some((book, device))
}
