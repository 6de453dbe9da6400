//! The other phones of the unit heard from, each with what its last backup
//! or update file said its book had seen: what an update file for it holds.
//! Kept under a key of their own, beside the book and not in its save: read
//! only where update files are made and files are taken in, never at start.
//! A copy older than the truth only makes an update file larger (it holds
//! what the other phone may have already), so a write that fails, or that
//! another tab's write replaces, loses nothing of the book.

use super::space::Space;
use super::store::{browser, Store};
use crate::domain::file::envelope::parse_json;
use crate::domain::kernel::seen::{heard_from as note, Peer};
use serde::Deserialize;

/// Key suffix of the other phones heard from.
const PEERS: &str = "peers";

/// The other phones heard from, the last taken in last; none if what is
/// stored cannot be read (an update file is then not offered, a backup is).
pub fn peers(space: Space) -> Vec<Peer> {
    browser().map_or_else(Vec::new, |store| peers_in(&store, space))
}

/// Remembers what another phone's file said its book had seen.
pub fn heard_from(space: Space, peer: Peer) {
    if let Some(store) = browser() {
        heard_from_in(&store, space, peer);
    }
}

/// [`peers`] in `store`.
pub fn peers_in(store: &dyn Store, space: Space) -> Vec<Peer> {
    store
        .get(&space.key(PEERS))
        .and_then(|text| parse_json(text.as_bytes()).ok())
        .and_then(|value| Vec::<Peer>::deserialize(&value).ok())
        .unwrap_or_default()
}

/// [`heard_from`] in `store`: read afresh, so that another tab's last
/// word on other phones is kept.
pub fn heard_from_in(store: &dyn Store, space: Space, peer: Peer) {
    let mut peers = peers_in(store, space);
    if !note(&mut peers, peer) {
        return;
    }
    if let Ok(text) = serde_json::to_string(&peers) {
        let _ = store.set(&space.key(PEERS), &text);
    }
}
