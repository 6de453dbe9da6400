//! Long lists drawn a hundred rows at a time: a commune's 3,000 members or a
//! province's chapters are found, counted and sorted at once, but a cheap
//! phone never lays out thousands of rows; «Xem thêm» draws the next hundred.

use leptos::prelude::*;

/// Rows drawn at a time.
pub const PAGE: usize = 100;

/// How many rows of a list are drawn.
#[derive(Clone, Copy)]
pub struct Drawn(RwSignal<usize>);

impl Drawn {
    /// A page, drawn again from the top whenever `restart` changes (a new
    /// search, another filter).
    pub fn restarting_on(restart: impl Fn() + 'static) -> Drawn {
        let drawn = Drawn(RwSignal::new(PAGE));
        Effect::new(move |_| {
            restart();
            drawn.0.set(PAGE);
        });
        drawn
    }

    /// How many rows to draw (reactive).
    pub fn get(self) -> usize {
        self.0.get()
    }

    /// Every row, before printing.
    pub fn all(self) {
        self.0.set(usize::MAX);
    }
}

/// The button under a list of `total` rows that draws the next page, while
/// rows are left to draw; `label` says how many («Xem thêm 100 người»).
#[component]
pub fn More(
    drawn: Drawn,
    #[prop(into)] total: Signal<usize>,
    label: fn(usize) -> String,
) -> impl IntoView {
    move || {
        let more = total.get().saturating_sub(drawn.get()).min(PAGE);
        (more > 0).then(|| {
            view! {
                <button type="button" class="button more" on:click=move |_| drawn.0.update(|n| *n = n.saturating_add(PAGE))>
                    {label(more)}
                </button>
            }
        })
    }
}
