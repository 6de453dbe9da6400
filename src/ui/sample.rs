//! The sample page (mau.html): makes the sample chapter or the sample cluster
//! in its own storage space, then opens it. A bundle of its own, so that the
//! samples' makers cost nothing to a phone that never opens them.

use super::route::{self, Bundle, Route};
use crate::domain::{demo, demo_cluster};
use crate::storage::device::{now_ms, today};
use crate::storage::local::{self, SaveError, Space};
use crate::ui::i18n::t;

/// Opens the sample page, which makes the chosen sample if it is not made yet.
pub fn open_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(Bundle::Sample.file());
    }
}

/// Makes the sample of the space chosen, unless it is already there (a
/// second tab, the back button), and opens it where it is meant to be seen:
/// the chapter's register, the cluster's comparison.
pub fn make_and_open() {
    route::set_bundle(Bundle::Sample);
    let space = Space::current();
    let (now, today) = (now_ms(), today());
    let landing = match space {
        Space::DemoCluster => Route::Compare,
        Space::Demo | Space::Own => Route::Register,
    };
    if local::load(space, today, now).device.is_none() {
        let made = match space {
            Space::Demo => Some(demo::sample_chapter(now, today)),
            Space::DemoCluster => Some(demo_cluster::sample_cluster(now, today)),
            Space::Own => None,
        };
        if let Some(Err(error)) = made.map(|(book, device)| local::save(space, &book, &device)) {
            // Back to her own book, which nothing here has touched.
            let _ = Space::Own.open_next();
            let why = match error {
                SaveError::Full => t::sample_full(),
                SaveError::Unavailable => t::sample_unavailable(),
                SaveError::Protected => t::sample_protected(),
            };
            say(&t::sample_failed(why));
            return;
        }
    }
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(&landing.href());
    }
}

/// Shows a message in place of the page's "opening" line, with a way back.
fn say(text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(line) = document.get_element_by_id("loading") {
        line.set_text_content(Some(text));
        if let (Ok(link), Some(parent)) = (document.create_element("a"), line.parent_node()) {
            link.set_text_content(Some(t::back_to_own()));
            let _ = link.set_attribute("href", Bundle::Shell.file());
            let _ = link.set_attribute("class", "button primary");
            let _ = parent.append_child(&link);
        }
    }
}
