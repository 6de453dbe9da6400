//! Bringing a member list in from a spreadsheet: the file read in the
//! spreadsheet worker, the columns as guessed (she corrects them, and her
//! choices are remembered for the next list), the first rows as they will be
//! read, and the preview — who is new, who is updated, which rows cannot be
//! taken and why — before anything changes.

use crate::domain::kernel::problem::Problem;
use crate::domain::kernel::sheet::Cell;
use crate::domain::sheets::roster::columns::{cell_text, Column, Mapping};
use crate::domain::sheets::roster::{preview_roster, Outcome, RosterPreview};
use crate::storage::files::read_file;
use crate::storage::lists::ListError;
use crate::storage::local;
use crate::storage::received::{on_launch, take_shared};
use crate::storage::xlsx;
use crate::ui::i18n::t;
use crate::ui::route::Route;
use crate::ui::shared::messages::{problem_text, refused_file};
use crate::ui::shared::sending::xlsx_error_text;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Rows of the list shown as read, under the column choices.
const SAMPLE_ROWS: usize = 3;

fn column_label(column: Column) -> &'static str {
    match column {
        Column::FullName => t::column_full_name(),
        Column::FamilyAndMiddle => t::column_family_and_middle(),
        Column::FamilyName => t::column_family_name(),
        Column::MiddleName => t::column_middle_name(),
        Column::GivenName => t::column_given_name(),
        Column::BirthYear => t::column_birth_year(),
        Column::BirthDate => t::column_birth_date(),
        Column::Phone => t::column_phone(),
        Column::Address => t::column_address(),
        Column::Ethnicity => t::column_ethnicity(),
        Column::Religion => t::column_religion(),
        Column::JoinedOn => t::column_joined_on(),
    }
}

/// Why the list gave no rows, in her words.
fn list_error_text(name: &str, error: &ListError) -> String {
    match error {
        ListError::NotAList => t::list_not_a_list(name),
        ListError::NoSheet => t::list_no_sheet(name),
        ListError::TooManyRows => t::list_too_many(name),
        ListError::Unreadable(detail) => t::list_unreadable(name, detail),
    }
}

/// A row of the preview, in her words: who it is and what happens, or why not.
fn row_text(row: usize, outcome: &Outcome) -> Option<String> {
    Some(match outcome {
        Outcome::New(member) => t::list_new_row(row, member.full_name()),
        Outcome::Update { member, .. } => t::list_update_row(row, member.full_name()),
        Outcome::Unchanged(_) => return None,
        Outcome::Repeats(earlier) => t::list_row(row, t::list_repeats(earlier)),
        Outcome::Ambiguous(ids) => t::list_row(row, t::list_ambiguous(ids.len())),
        Outcome::Refused(problems) => {
            let reasons: Vec<String> = problems
                .iter()
                .map(|p| match &p.problem {
                    // The reason names the value already.
                    Problem::Invalid(_) => t::list_cell_reason(&p.header, problem_text(&p.problem)),
                    _ => t::list_cell(&p.header, &p.value, problem_text(&p.problem)),
                })
                .collect();
            t::list_row(row, reasons.join("; "))
        }
    })
}

#[component]
pub fn ListImportPage() -> impl IntoView {
    let state = use_app();
    let name = RwSignal::new(String::new());
    let rows = RwSignal::new(None::<Vec<Vec<Cell>>>);
    let mapping = RwSignal::new(None::<Mapping>);
    let problem = RwSignal::new(None::<String>);
    let reading = RwSignal::new(false);
    let read_one = move |file: web_sys::File| {
        name.set(file.name());
        rows.set(None);
        problem.set(None);
        reading.set(true);
        spawn_local(async move {
            let file_name = file.name();
            let read = match read_file(&file).await {
                Ok(bytes) => xlsx::read(&bytes)
                    .await
                    .map_err(|e| t::list_no_worker(xlsx_error_text(&e))),
                // Too large or unreadable: said as for any file she picks.
                Err(error) => Err(refused_file(&file_name, &error)),
            };
            reading.set(false);
            match read {
                Ok(Ok(list)) => {
                    let guessed =
                        Mapping::guess(&list, &local::list_columns()).unwrap_or(Mapping {
                            header_row: 0,
                            columns: vec![None; list.first().map_or(0, Vec::len)],
                        });
                    mapping.set(Some(guessed));
                    rows.set(Some(list));
                }
                Ok(Err(error)) => problem.set(Some(list_error_text(&file_name, &error))),
                Err(text) => problem.set(Some(text)),
            }
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            input.set_value("");
            read_one(file);
        }
    };
    // A list shared to the app from another app (Zalo's share sheet), or
    // opened with the installed app, is read as if picked.
    let first_of = move |files: Vec<web_sys::File>| {
        if let Some(file) = files.into_iter().next() {
            read_one(file);
        }
    };
    spawn_local(async move { first_of(take_shared().await) });
    on_launch(first_of);
    let preview = Memo::new(move |_| {
        rows.with(|rows| {
            mapping.with(|mapping| match (rows, mapping) {
                (Some(rows), Some(mapping)) => Some(
                    state
                        .book
                        .with(|b| preview_roster(rows, mapping, b, state.today())),
                ),
                _ => None,
            })
        })
    });
    let take = move |_| {
        let Some(preview) = preview.get_untracked() else {
            return;
        };
        let counts = preview.counts();
        if let (Some(rows), Some(mapping)) = (rows.get_untracked(), mapping.get_untracked()) {
            local::set_list_columns(&mapping.to_remember(&rows));
        }
        state.take_list(preview);
        rows.set(None);
        state.tell(t::list_imported(counts.new, counts.updated));
        crate::ui::route::go(&Route::Register);
    };
    view! {
        <h1>{t::list_title()}</h1>
        <section class="card">
            <p>{t::list_intro()}</p>
            <label class="button file-button">
                {t::list_choose()}
                <input type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" class="visually-hidden" on:change=on_pick/>
            </label>
            <Show when=move || reading.get()>
                <p role="status">{move || t::list_reading(name.get())}</p>
            </Show>
            {move || problem.get().map(|text| view! { <div class="banner error" role="alert"><p>{text}</p></div> })}
            <a class="button" href=Route::PaperRegister.href()>{t::print_register()}</a>
        </section>
        {move || rows.get().map(|list| view! { <Columns list mapping/> })}
        {move || preview.get().map(|preview| view! { <Preview preview take/> })}
    }
}

/// A choice of what each column holds, with the header and the first rows.
#[component]
fn Columns(list: Vec<Vec<Cell>>, mapping: RwSignal<Option<Mapping>>) -> impl IntoView {
    let Some(start) = mapping.get_untracked() else {
        return ().into_any();
    };
    let headers = list.get(start.header_row).cloned().unwrap_or_default();
    let found = start.columns.iter().any(Option::is_some);
    let width = list.iter().map(Vec::len).max().unwrap_or(0);
    let choices = (0..width).map(|i| {
        let header = headers.get(i).map(cell_text).unwrap_or_default();
        let samples: Vec<String> = list
            .iter()
            .skip(start.header_row + 1)
            .filter(|row| row.iter().any(|c| !cell_text(c).is_empty()))
            .take(SAMPLE_ROWS)
            .map(|row| row.get(i).map(cell_text).unwrap_or_default())
            .collect();
        let current = move || mapping.with(|m| m.as_ref().and_then(|m| m.columns.get(i).copied().flatten()));
        let choose = move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            let column = Column::ALL.into_iter().find(|c| format!("{c:?}") == value);
            mapping.update(|m| {
                if let Some(m) = m {
                    m.columns.resize(m.columns.len().max(i + 1), None);
                    // A column holds one thing: another that held it lets go.
                    for other in m.columns.iter_mut() {
                        if column.is_some() && *other == column {
                            *other = None;
                        }
                    }
                    m.columns[i] = column;
                }
            });
        };
        let id = format!("list-column-{i}");
        view! {
            <div class="field">
                <label class="field-label" for=id.clone()>{if header.is_empty() { format!("#{}", i + 1) } else { header }}</label>
                <select id=id on:change=choose prop:value=move || current().map(|c| format!("{c:?}")).unwrap_or_default()>
                    <option value="">{t::list_skip()}</option>
                    {Column::ALL.into_iter().map(|c| view! {
                        <option value=format!("{c:?}") selected=move || current() == Some(c)>{column_label(c)}</option>
                    }).collect_view()}
                </select>
                <p class="note">{samples.join(" · ")}</p>
            </div>
        }
    }).collect_view();
    view! {
        <section class="card list-columns">
            <h2>{t::list_columns()}</h2>
            {(!found).then(|| view! { <p class="note">{t::list_no_headers()}</p> })}
            <p class="note">{t::list_first_rows()}</p>
            {choices}
        </section>
    }
    .into_any()
}

/// What taking the list would do, row by row, and the button that does it.
#[component]
fn Preview(
    preview: RosterPreview,
    take: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let counts = preview.counts();
    // Rows that cannot be taken first, where she sees them without
    // scrolling past a hundred new names; then updates, then new members.
    let order = |outcome: &Outcome| match outcome {
        Outcome::New(_) => 2,
        Outcome::Update { .. } | Outcome::Unchanged(_) => 1,
        _ => 0,
    };
    let mut rows: Vec<_> = preview.rows.iter().collect();
    rows.sort_by_key(|r| order(&r.outcome));
    let lines: Vec<String> = rows
        .into_iter()
        .filter_map(|r| row_text(r.row, &r.outcome))
        .collect();
    view! {
        <section class="card preview">
            <p role="status">{t::list_counts(counts.new, counts.updated, counts.unchanged, counts.refused)}</p>
            <ul class="list-rows">
                {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
            {if preview.changes() {
                view! { <button type="button" class="button primary" on:click=take>{t::import()}</button> }.into_any()
            } else {
                view! { <p class="note">{t::list_nothing_new()}</p> }.into_any()
            }}
        </section>
    }
}
