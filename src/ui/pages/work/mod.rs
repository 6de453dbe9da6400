//! The chapter's work: cadres, training sessions, models, meetings, fees,
//! and the numbers entered by hand. One page per part, with its list.

pub mod activities;
pub mod baseline;
pub mod cadres;
pub mod fees;
pub mod form;
pub mod meeting_fees;
pub mod models;
pub mod roll_call;
pub mod trainings;

use crate::domain::book::collections::{Book, InBook};
use crate::domain::kernel::record::{Record, RecordId};
use crate::ui::i18n::t;
use crate::ui::route::{Route, Section};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The list of one part of the work, with the tabs to the others.
#[component]
pub fn WorkPage(section: Section) -> impl IntoView {
    view! {
        <h1>{t::work_title()}</h1>
        <nav class="tabs" aria-label=t::work_parts()>
            {Section::ALL.into_iter().map(|s| view! {
                <a href=Route::Work(s).href() class="tab" aria-current=(s == section).then_some("page")>{s.label()}</a>
            }).collect_view()}
        </nav>
        {match section {
            Section::Cadres => view! { <cadres::CadresList/> }.into_any(),
            Section::Trainings => view! { <trainings::TrainingList/> }.into_any(),
            Section::Models => view! { <models::ModelList/> }.into_any(),
            Section::Activities => view! { <activities::ActivityList/> }.into_any(),
            Section::Fees => view! { <fees::FeesPage/> }.into_any(),
            Section::Baseline => view! { <baseline::BaselinePage/> }.into_any(),
        }}
    }
}

/// The page of one record.
pub fn edit_page(section: Section, id: Option<RecordId>) -> AnyView {
    match section {
        Section::Cadres => cadres::role_page(id),
        Section::Trainings => trainings::training_page(id),
        Section::Models => models::model_page(id),
        Section::Activities => activities::activity_page(id),
        Section::Fees | Section::Baseline => view! { <WorkPage section/> }.into_any(),
    }
}

/// One line of a list: a title, a line of details, a date or key to sort by.
#[derive(Clone, PartialEq)]
pub struct Row {
    pub title: String,
    pub details: String,
    pub sort: String,
}

/// The records of one kind, newest first, each a link to its page; deleted
/// ones are listed apart so that they can be opened and restored.
#[component]
pub fn RecordList<T: InBook + Send + Sync + 'static>(
    section: Section,
    /// What to add: "Thêm lớp tập huấn".
    add: &'static str,
    /// Said when there is none yet.
    empty: &'static str,
    row: fn(&Record<T>, &Book) -> Row,
) -> impl IntoView {
    let state = use_app();
    let rows = Memo::new(move |_| {
        state.book.with(|book| {
            let mut rows: Vec<(RecordId, bool, Row)> = T::of(book)
                .all()
                .map(|r| (r.id.clone(), r.deleted, row(r, book)))
                .collect();
            rows.sort_unstable_by(|a, b| b.2.sort.cmp(&a.2.sort).then_with(|| a.0.cmp(&b.0)));
            rows
        })
    });
    let item = move |(id, _, row): (RecordId, bool, Row)| {
        view! {
            <li>
                <a class="member-row" href=Route::Edit(section, Some(id)).href()>
                    <span class="member-name">{row.title}</span>
                    <span class="member-details">{row.details}</span>
                </a>
            </li>
        }
    };
    let live = move || {
        rows.get()
            .into_iter()
            .filter(|r| !r.1)
            .map(item)
            .collect_view()
    };
    let gone = move || {
        rows.get()
            .into_iter()
            .filter(|r| r.1)
            .map(item)
            .collect_view()
    };
    view! {
        <a class="button primary wide" href=Route::Edit(section, None).href()>{add}</a>
        <Show when=move || rows.with(|r| r.iter().all(|r| r.1))>
            <p class="empty">{empty}</p>
        </Show>
        <ul class="member-list">{live}</ul>
        <Show when=move || rows.with(|r| r.iter().any(|r| r.1))>
            <details class="deleted">
                <summary>{t::deleted()}</summary>
                <ul class="member-list">{gone}</ul>
            </details>
        </Show>
    }
}

/// A change to make to a draft.
pub type Change<T> = Box<dyn FnOnce(&mut T)>;

/// Applies a change to a draft, then tells the page (which saves an existing
/// record). Boxed so that every form shares one piece of code.
pub fn changer<T: Send + Sync + 'static>(
    draft: RwSignal<T>,
    changed: Callback<()>,
) -> impl Fn(Change<T>) + Copy {
    move |update| {
        draft.update(|t| update(t));
        changed.run(());
    }
}
