//! The sample chapter and the sample cluster, made in their own storage
//! space the first time the app opens in it. A part of its own
//! (`ui/parts.rs`), so that the samples' makers cost nothing to a phone that
//! never opens them.

use crate::domain::samples::{demo, demo_cluster};
use crate::storage::device::{now_ms, today};
use crate::storage::local::{self, SaveError, Space};
use crate::ui::i18n::t;
use std::fmt;

/// A sample that could not be kept: her own book, untouched, opens next.
pub struct Failed(SaveError);

impl fmt::Display for Failed {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let why = match self.0 {
            SaveError::Full => t::sample_full(),
            SaveError::Unavailable => t::sample_unavailable(),
            SaveError::Protected => t::sample_protected(),
        };
        f.write_str(&t::sample_failed(why))
    }
}

/// Makes the sample of the space chosen, unless it is already there (a
/// second tab made it).
pub fn make() -> Result<(), Failed> {
    let space = Space::current();
    let (now, today) = (now_ms(), today());
    if local::load(space, today, now).device.is_some() {
        return Ok(());
    }
    let (book, device) = match space {
        Space::Demo => demo::sample_chapter(now, today),
        Space::DemoCluster => demo_cluster::sample_cluster(now, today),
        Space::Own => return Ok(()),
    };
    local::save(space, &book, &device).map_err(|error| {
        // Back to her own book, which nothing here has touched.
        let _ = Space::Own.open_next();
        Failed(error)
    })
}
