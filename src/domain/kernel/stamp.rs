//! Update stamps that order edits made on different phones.
//!
//! A stamp is a hybrid logical clock reading: wall time in milliseconds, a counter
//! that keeps stamps increasing when the wall clock stands still or runs backwards,
//! and the device id as the final tie-break. Two devices never produce the same
//! stamp, so "the newest edit wins" gives the same answer on every phone.

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;

/// Largest wall time a stamp may carry: JavaScript's largest exact integer.
pub const MAX_WALL_MS: u64 = (1 << 53) - 1;

/// A device's identity: 16 lowercase hex digits, drawn at random on first run.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DeviceId(String);

impl DeviceId {
    /// The id written from 8 random bytes.
    pub fn from_random(bytes: [u8; 8]) -> DeviceId {
        DeviceId(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    /// Accepts exactly 16 lowercase hex digits.
    pub fn parse(text: &str) -> Option<DeviceId> {
        let ok = text.len() == 16 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        ok.then(|| DeviceId(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Serialize for DeviceId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for DeviceId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        DeviceId::parse(&text)
            .ok_or_else(|| de::Error::invalid_value(de::Unexpected::Str(&text), &"16 hex digits"))
    }
}

/// One reading of a device's hybrid logical clock. Written `wall-counter-device`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Stamp {
    pub wall_ms: u64,
    pub counter: u32,
    pub device: DeviceId,
}

impl Ord for Stamp {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.wall_ms, self.counter, &self.device).cmp(&(
            other.wall_ms,
            other.counter,
            &other.device,
        ))
    }
}

impl PartialOrd for Stamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Stamp {
    /// Reads `wall-counter-device`.
    pub fn parse(text: &str) -> Option<Stamp> {
        let mut parts = text.split('-');
        let wall_ms = parse_decimal(parts.next()?)?;
        let counter = u32::try_from(parse_decimal(parts.next()?)?).ok()?;
        let device = DeviceId::parse(parts.next()?)?;
        if parts.next().is_some() || wall_ms > MAX_WALL_MS {
            return None;
        }
        Some(Stamp {
            wall_ms,
            counter,
            device,
        })
    }
}

fn parse_decimal(text: &str) -> Option<u64> {
    let canonical = !text.is_empty()
        && text.len() <= 16
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    canonical.then(|| text.parse().ok()).flatten()
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}-{}", self.wall_ms, self.counter, self.device.0)
    }
}

impl Serialize for Stamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Stamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Stamp::parse(&text).ok_or_else(|| {
            de::Error::invalid_value(de::Unexpected::Str(&text), &"wall-counter-device")
        })
    }
}

/// This device's clock. Every local edit takes a stamp from [`Clock::tick`]; every
/// imported stamp is shown to [`Clock::observe`] so that later local edits sort after it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    pub device: DeviceId,
    /// Wall time of the last stamp issued or observed.
    pub wall_ms: u64,
    /// Counter of the last stamp issued or observed.
    pub counter: u32,
}

impl Clock {
    pub fn new(device: DeviceId) -> Clock {
        Clock {
            device,
            wall_ms: 0,
            counter: 0,
        }
    }

    /// A stamp later than every stamp this clock has issued or observed.
    pub fn tick(&mut self, now_ms: u64) -> Stamp {
        let now_ms = now_ms.min(MAX_WALL_MS);
        if now_ms > self.wall_ms {
            self.wall_ms = now_ms;
            self.counter = 0;
        } else if self.counter == u32::MAX {
            self.wall_ms = (self.wall_ms + 1).min(MAX_WALL_MS);
            self.counter = 0;
        } else {
            self.counter += 1;
        }
        Stamp {
            wall_ms: self.wall_ms,
            counter: self.counter,
            device: self.device.clone(),
        }
    }

    /// Moves the clock past another reading of it: the same device's clock
    /// as another tab of the browser left it.
    pub fn catch_up(&mut self, other: &Clock) {
        if (other.wall_ms, other.counter) > (self.wall_ms, self.counter) {
            self.wall_ms = other.wall_ms;
            self.counter = other.counter;
        }
    }

    /// Moves the clock past a stamp that came from elsewhere.
    pub fn observe(&mut self, stamp: &Stamp) {
        if (stamp.wall_ms, stamp.counter) > (self.wall_ms, self.counter) {
            self.wall_ms = stamp.wall_ms;
            self.counter = stamp.counter;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn device(n: u8) -> DeviceId {
        DeviceId::from_random([n; 8])
    }

    #[test]
    fn stamps_increase_even_when_the_wall_clock_goes_back() {
        let mut clock = Clock::new(device(1));
        let a = clock.tick(1_000);
        let b = clock.tick(1_000);
        let c = clock.tick(500);
        let d = clock.tick(2_000);
        assert!(a < b && b < c && c < d);
        assert_eq!(d.counter, 0);
    }

    #[test]
    fn observed_stamps_are_overtaken() {
        let mut clock = Clock::new(device(1));
        let remote = Stamp {
            wall_ms: 9_000,
            counter: 7,
            device: device(2),
        };
        clock.observe(&remote);
        assert!(clock.tick(1_000) > remote);
    }

    #[test]
    fn text_form_round_trips_and_rejects_junk() {
        let stamp = Stamp {
            wall_ms: 1_764_375_945_123,
            counter: 3,
            device: device(171),
        };
        let text = stamp.to_string();
        assert_eq!(text, "1764375945123-3-abababababababab");
        assert_eq!(Stamp::parse(&text), Some(stamp));
        for bad in [
            "",
            "1-2",
            "01-2-abababababababab",
            "1-2-ABABABABABABABAB",
            "1-2-abab",
            "99999999999999999-0-abababababababab",
            "1-2-abababababababab-4",
            "-1-2-abababababababab",
        ] {
            assert_eq!(Stamp::parse(bad), None, "{bad}");
        }
    }
}
