//! Vietnamese collation and date-time display through the browser's `Intl`.
//! Numbers are written by `domain::report` (18.230; 67,5%).

pub use crate::domain::report::{thousands, value_text};
use std::cmp::Ordering;

thread_local! {
    static COLLATOR: js_sys::Function = js_sys::Intl::Collator::new(
        &js_sys::Array::of1(&"vi".into()),
        &js_sys::Object::new(),
    )
    .compare();
}

/// Compares two texts as Vietnamese dictionaries do (a < ă < â, d < đ).
pub fn compare_vi(a: &str, b: &str) -> Ordering {
    COLLATOR.with(|compare| {
        let result = compare
            .call2(&wasm_bindgen::JsValue::NULL, &a.into(), &b.into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        result.partial_cmp(&0.0).unwrap_or(Ordering::Equal)
    })
}

/// An instant (ms since 1970, or an ISO text from a file) as "29/11/2026 07:25" in local time.
pub fn date_time(instant: &wasm_bindgen::JsValue) -> String {
    let date = js_sys::Date::new(instant);
    if date.get_time().is_nan() {
        return String::new();
    }
    format!(
        "{:02}/{:02}/{:04} {:02}:{:02}",
        date.get_date(),
        date.get_month() + 1,
        date.get_full_year(),
        date.get_hours(),
        date.get_minutes()
    )
}
