//! Prints every place of the app as JSON, for the end-to-end page sweeps
//! (`tests/e2e/fixtures/pages.mjs`): its page file, its address's `#` part
//! (`{id}` where it names a record) and the collection that record is from.
//!   cargo run --quiet --example routes

use so_tay_chi_hoi::domain::record::RecordId;
use so_tay_chi_hoi::ui::route::Route;

fn main() {
    let placeholder = RecordId::parse("id").expect("a valid id");
    let table: Vec<serde_json::Value> = Route::all(&placeholder)
        .iter()
        .map(|route| {
            serde_json::json!({
                "page": route.bundle().file(),
                "hash": route.hash().replace("/id", "/{id}"),
                "record": route.names_record(),
            })
        })
        .collect();
    println!("{}", serde_json::Value::Array(table));
}
