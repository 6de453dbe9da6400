//! Prints the table of places (`ui/places.rs`) as JSON: every place's
//! address (`{id}` where it names a record) and the collection that record
//! is from, for the end-to-end page sweeps (`tests/e2e/fixtures/pages.mjs`);
//! the parts fetched on first use and the style sheets, which the build
//! checks against what it made (scripts/parts.mjs, scripts/build.sh).
//!   cargo run --quiet --example routes

use so_tay_chi_hoi::domain::kernel::record::RecordId;
use so_tay_chi_hoi::ui::places::{Part, STYLES};
use so_tay_chi_hoi::ui::route::Route;

fn main() {
    let placeholder = RecordId::parse("id").expect("a valid id");
    let routes: Vec<serde_json::Value> = Route::all(&placeholder)
        .iter()
        .map(|route| {
            serde_json::json!({
                "hash": route.hash().replace("/id", "/{id}"),
                "record": route.names_record(),
            })
        })
        .collect();
    let parts: Vec<&str> = Part::LOADED.iter().map(|part| part.name()).collect();
    println!(
        "{}",
        serde_json::json!({ "routes": routes, "parts": parts, "styles": STYLES })
    );
}
