//! Timings of what she waits for, left in the browser's performance timeline
//! as measures (`performance.getEntriesByName`): the first screen, a save, a
//! search as she types, an import. The browser benchmarks
//! (scripts/bench-browser.mjs) read them; on her phone they cost a few
//! microseconds and are never sent anywhere. Only the latest measure of each
//! name is kept, so a long session does not pile them up.

use leptos::prelude::*;

fn timeline() -> Option<web_sys::Performance> {
    window().performance()
}

fn start_mark(name: &str) -> String {
    format!("{name}:start")
}

/// Starts timing `name`.
pub fn start(name: &str) {
    if let Some(timeline) = timeline() {
        let _ = timeline.mark(&start_mark(name));
    }
}

/// Ends timing `name` now.
pub fn end(name: &str) {
    if let Some(timeline) = timeline() {
        let mark = start_mark(name);
        timeline.clear_measures_with_measure_name(name);
        let _ = timeline.measure_with_start_mark(name, &mark);
        timeline.clear_marks_with_mark_name(&mark);
    }
}

/// Ends timing `name` at the next frame, once what changed has been drawn.
pub fn end_at_next_frame(name: &'static str) {
    request_animation_frame(move || end(name));
}

/// Runs `work`, timed as `name`.
pub fn measure<R>(name: &str, work: impl FnOnce() -> R) -> R {
    start(name);
    let out = work();
    end(name);
    out
}
