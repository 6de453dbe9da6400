//! What a book has seen of each phone's: the newest change it holds from
//! each device. Backups and update files say it of the book they come from, so
//! that the phone taking one knows what the sender had seen, and the update
//! file it sends back holds exactly what the sender lacked.
//!
//! A book that holds a device's change stamped `s` holds every change of that
//! device up to `s`, or a newer change of the same part: its own edits are all
//! in it, and what it takes from other phones comes whole (a backup) or as
//! everything the sender held past what the receiver said it held (an update).

use super::stamp::{DeviceId, Stamp};
use serde::{Deserialize, Deserializer, Serialize};

/// The newest stamp held from each device: one per device, in device order,
/// written as a list of stamps (each names its device).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Seen(Vec<Stamp>);

impl Seen {
    /// Counts a change stamped `stamp` as held.
    pub fn note(&mut self, stamp: &Stamp) {
        match self.find(stamp) {
            Ok(i) if self.0[i] < *stamp => self.0[i] = stamp.clone(),
            Ok(_) => {}
            Err(i) => self.0.insert(i, stamp.clone()),
        }
    }

    /// Whether the change stamped `stamp` is held: it, or a later change of
    /// its device.
    pub fn has(&self, stamp: &Stamp) -> bool {
        self.find(stamp).is_ok_and(|i| *stamp <= self.0[i])
    }

    /// The newest change held from each device.
    pub fn stamps(&self) -> &[Stamp] {
        &self.0
    }

    fn find(&self, stamp: &Stamp) -> Result<usize, usize> {
        self.0
            .binary_search_by(|held| held.device.cmp(&stamp.device))
    }
}

impl<'de> Deserialize<'de> for Seen {
    /// Any list of stamps: of two from one device, the newer counts.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut seen = Seen::default();
        Vec::<Stamp>::deserialize(d)?
            .iter()
            .for_each(|s| seen.note(s));
        Ok(seen)
    }
}

/// Another phone of the same unit, as the last backup or update file taken
/// in from it described its book: what an update file for it must hold.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Peer {
    pub device: DeviceId,
    /// What that phone's book had seen when it made the file.
    pub seen: Seen,
    /// When the file was taken in here (ms since 1970).
    pub taken_ms: u64,
}

/// Most other phones a device keeps track of: a chapter's leaders and tổ
/// leaders, and the phones they had before.
const MAX_PEERS: usize = 24;

/// Remembers what another phone's file said its book had seen, in place of
/// what its earlier files said; `peers` stay in the order they were taken
/// in, the newest last. Whether anything changed: the same file taken in
/// twice says nothing new, and changes nothing.
pub fn heard_from(peers: &mut Vec<Peer>, peer: Peer) -> bool {
    if peers
        .iter()
        .any(|p| p.device == peer.device && p.seen == peer.seen)
    {
        return false;
    }
    peers.retain(|p| p.device != peer.device);
    let at = peers.partition_point(|p| p.taken_ms <= peer.taken_ms);
    peers.insert(at, peer);
    if peers.len() > MAX_PEERS {
        peers.remove(0);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kernel::stamp::{Clock, DeviceId};

    #[test]
    fn the_newest_change_of_each_device_is_seen_and_every_one_before_it() {
        let mut a = Clock::new(DeviceId::from_random([1; 8]));
        let mut b = Clock::new(DeviceId::from_random([2; 8]));
        let (a1, a2, b1) = (a.tick(10), a.tick(20), b.tick(15));
        let mut seen = Seen::default();
        seen.note(&a2);
        seen.note(&a1);
        assert!(seen.has(&a1) && seen.has(&a2));
        assert!(!seen.has(&b1), "nothing of b yet");
        seen.note(&b1);
        assert!(seen.has(&b1));
        assert!(!seen.has(&a.tick(30)));
        let text = serde_json::to_string(&seen).unwrap();
        assert_eq!(serde_json::from_str::<Seen>(&text).unwrap(), seen);
        let twice = format!("[\"{a1}\",\"{a2}\",\"{a1}\"]");
        let read: Seen = serde_json::from_str(&twice).unwrap();
        assert_eq!(read.stamps(), [a2]);
    }

    #[test]
    fn of_one_phone_the_file_taken_in_last_counts() {
        let peer = |n: u8, taken_ms: u64| Peer {
            device: DeviceId::from_random([n; 8]),
            seen: Seen::default(),
            taken_ms,
        };
        let mut peers = vec![peer(7, 10), peer(8, 30)];
        assert!(heard_from(&mut peers, peer(9, 1)));
        let mut again = peer(7, 40);
        assert!(
            !heard_from(&mut peers, again.clone()),
            "the same file twice"
        );
        again
            .seen
            .note(&Clock::new(DeviceId::from_random([7; 8])).tick(5));
        assert!(heard_from(&mut peers, again.clone()));
        assert_eq!(peers, [peer(9, 1), peer(8, 30), again]);
    }
}
