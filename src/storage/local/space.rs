//! The spaces of keys: her own book and the samples', kept apart, and the
//! key suffixes every space uses.

use super::store::{browser, SaveError, Store};

/// The key that says which space is open: absent for the user's own data.
pub const SPACE_KEY: &str = "sotay.space";
const DEMO: &str = "demo";
const DEMO_CLUSTER: &str = "demo-cluster";
/// Key suffix of the device's own state.
pub const DEVICE: &str = "device";
/// Key suffix of the journal of a save that touches several collections.
pub const JOURNAL: &str = "journal";
/// Key suffix of the token each save writes first, so that other tabs see at
/// one read whether anything was saved since they last looked.
pub const SAVED: &str = "saved";
/// Part of the key of a copy of data in an older format: `<key>.format-<n>`.
pub const OLD_COPY: &str = ".format-";
/// Part of the key of a copy of unreadable data: `<key>.aside.<ms>`.
pub const ASIDE: &str = ".aside.";

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
    pub fn prefix(self) -> &'static str {
        match self {
            Space::Own => "sotay.",
            Space::Demo | Space::DemoCluster => "sotay-demo.",
        }
    }

    pub fn key(self, suffix: &str) -> String {
        format!("{}{suffix}", self.prefix())
    }

    /// Whether this is one of the sample spaces.
    pub fn is_sample(self) -> bool {
        self != Space::Own
    }

    /// The space the app opens in.
    pub fn current() -> Space {
        match browser().and_then(|s| s.get(SPACE_KEY)) {
            Some(space) if space == DEMO => Space::Demo,
            Some(space) if space == DEMO_CLUSTER => Space::DemoCluster,
            _ => Space::Own,
        }
    }

    /// Makes `self` the space the app opens in next; the demo space starts afresh.
    pub fn open_next(self) -> Result<(), SaveError> {
        let store = browser().ok_or(SaveError::Unavailable)?;
        for key in store.keys_with_prefix(Space::Demo.prefix()) {
            store.remove(&key);
        }
        match self {
            Space::Own => {
                store.remove(SPACE_KEY);
                Ok(())
            }
            Space::Demo => store.set(SPACE_KEY, DEMO),
            Space::DemoCluster => store.set(SPACE_KEY, DEMO_CLUSTER),
        }
    }
}
