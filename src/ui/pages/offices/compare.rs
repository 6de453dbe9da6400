//! The units below an office side by side: the table with a rank by any
//! column, the units that have not reported marked, the total by roll-up
//! rules, a bar chart of the chosen column that reads at 360 px, print and CSV.

use crate::domain::figures::compare::{Comparison, DEFAULT_COLUMNS};
use crate::domain::kernel::name::slug;
use crate::domain::kernel::record::RecordId;
use crate::domain::records::catalogue::{catalogue, find, Kind, Value};
use crate::domain::records::unit::children;
use crate::domain::records::unit::with_ancestors;
use crate::ui::i18n::{either, t};
use crate::ui::route::Route;
use crate::ui::shared::format::indicator_name;
use crate::ui::shared::format::value_short;
use crate::ui::shared::more::{Drawn, More};
use crate::ui::shared::period::period_label;
use crate::ui::shared::period::PeriodChoice;
use crate::ui::shared::sending::download_workbook;
use crate::ui::shared::sending::save_text;
use crate::ui::state::use_app;
use leptos::prelude::*;

fn kind_of(code: &str) -> Kind {
    find(code).map_or(Kind::Count, |i| i.kind)
}

#[component]
pub fn ComparePage() -> impl IntoView {
    let state = use_app();
    let home = state.device.with_untracked(|d| d.home.clone());
    let Some(home) = home else {
        return ().into_any();
    };
    let unit = RwSignal::new(home.clone());
    let depth = RwSignal::new(1usize);
    let columns = RwSignal::new(
        DEFAULT_COLUMNS
            .iter()
            .map(|c| (*c).to_owned())
            .collect::<Vec<_>>(),
    );
    let sort = RwSignal::new(0usize);
    let home_for_table = home.clone();
    let table = Memo::new(move |_| {
        let (unit, period, columns) = (unit.get(), state.period.get(), columns.get());
        let mut comparison = state
            .book
            .with(|b| Comparison::build(b, &home_for_table, &unit, period, depth.get(), &columns));
        let ranks = comparison.sort_by(sort.get().min(columns.len().saturating_sub(1)));
        (comparison, ranks)
    });
    let drawn = Drawn::restarting_on(move || {
        unit.track();
        depth.track();
        state.period.track();
    });
    let rows = Signal::derive(move || table.with(|(c, _)| c.rows.len()));
    // Units that have units below them: the ones a comparison can be for.
    let home_for_choices = home.clone();
    let choices = Memo::new(move |_| {
        state.book.with(|b| {
            let mut out = Vec::new();
            let mut stack = vec![(home_for_choices.clone(), 0usize)];
            while let Some((id, level)) = stack.pop() {
                let below: Vec<RecordId> = children(&b.units, &id).cloned().collect();
                if !below.is_empty() && level < 8 {
                    let name = b
                        .units
                        .get(&id)
                        .map(|u| u.data.name.clone())
                        .unwrap_or_default();
                    out.push((id.clone(), format!("{}{name}", "— ".repeat(level))));
                    stack.extend(below.into_iter().map(|c| (c, level + 1)));
                }
            }
            out
        })
    });
    let choices = move || choices.get();
    let csv = move |_| {
        let (comparison, _) = table.get_untracked();
        let text = state
            .book
            .with_untracked(|b| comparison.to_csv(b, &unit.get_untracked()));
        let name = state.book.with_untracked(|b| {
            with_ancestors(&b.units, &unit.get_untracked())
                .first()
                .map(|u| slug(&u.data.name))
                .unwrap_or_default()
        });
        let file = format!("so-sanh_{name}_{}.csv", comparison.period.code());
        save_text(
            state,
            &file,
            &text,
            "text/csv;charset=utf-8",
            t::file_made(&file),
        );
    };
    let xlsx = move |_| {
        let (comparison, _) = table.get_untracked();
        let title = state.book.with_untracked(|b| {
            with_ancestors(&b.units, &unit.get_untracked())
                .first()
                .map(|u| u.data.name.clone())
                .unwrap_or_default()
        });
        let name = format!("so-sanh_{}_{}.xlsx", slug(&title), comparison.period.code());
        download_workbook(state, name, comparison.to_sheet(&title));
    };
    view! {
        <div class="no-print">
            <h1>{t::compare_title()}</h1>
            <PeriodChoice/>
            <Show when=move || !choices().is_empty()
                fallback=|| view! {
                    <p class="empty">{t::no_units_below()}</p>
                    <a class="button" href=Route::Unit.href()>{t::list_units_below()}</a>
                }>
                <div class="compare-choice">
                    <div class="field">
                        <label for="compare-unit" class="field-label">{t::units_below_of()}</label>
                        <select id="compare-unit" on:change=move |ev| {
                            if let Some(id) = RecordId::parse(&event_target_value(&ev)) {
                                unit.set(id);
                            }
                        }>
                            {move || choices().into_iter().map(|(id, label)| {
                                let selected = id == unit.get_untracked();
                                view! { <option value=id.to_string() selected=selected>{label}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="compare-depth" class="field-label">{t::depth()}</label>
                        <select id="compare-depth" on:change=move |ev| depth.set(event_target_value(&ev).parse().unwrap_or(1))>
                            <option value="1">{t::depth_one()}</option>
                            <option value="8">{t::depth_all()}</option>
                        </select>
                    </div>
                </div>
                <ColumnChoice columns/>
            </Show>
        </div>
        <Show when=move || table.with(|(c, _)| !c.rows.is_empty())>
            <article class="report">
                <header class="report-head">
                    // The unit in full: its choice above may be cut on a phone.
                    <p>{move || state.book.with(|b| b.units.get(&unit.get()).map(|u| u.data.name.clone()).unwrap_or_default())}</p>
                    <h2>{move || t::compare_for(crate::domain::kernel::name::lower_first(&period_label(state.period.get())))}</h2>
                    {move || {
                        let missing = table.with(|(c, _)| c.missing().len());
                        (missing > 0).then(|| view! { <p class="missing-note">{t::units_missing(missing)}</p> })
                    }}
                </header>
                <div class="table-wrap">
                    <table class="compare-table">
                        <thead>
                            <tr>
                                <th scope="col">{t::rank()}</th>
                                <th scope="col">{t::unit()}</th>
                                {move || columns.get().into_iter().enumerate().map(|(i, code)| view! {
                                    <th scope="col" aria-sort=move || (sort.get() == i).then_some("descending")>
                                        <button type="button" class="link" on:click=move |_| sort.set(i)>{indicator_name(&code)}</button>
                                    </th>
                                }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {move || table.with(|(comparison, ranks)| {
                                comparison.rows.iter().zip(ranks).take(drawn.get()).map(|(row, rank)| {
                                    let cells = match &row.values {
                                        Some(values) => values.iter().zip(&comparison.columns)
                                            .map(|(v, code)| view! { <td>{value_short(kind_of(code), *v)}</td> })
                                            .collect_view()
                                            .into_any(),
                                        None => view! { <td colspan=comparison.columns.len().to_string()>{t::not_reported()}</td> }.into_any(),
                                    };
                                    view! {
                                        <tr class:missing=row.values.is_none()>
                                            <td>{rank.map(|r| r.to_string()).unwrap_or_default()}</td>
                                            <th scope="row">{format!("{}{}", "— ".repeat(row.level - 1), row.name)}</th>
                                            {cells}
                                        </tr>
                                    }
                                }).collect_view()
                            })}
                        </tbody>
                        <tfoot>
                            <tr>
                                <td></td>
                                <th scope="row">{t::total()}</th>
                                {move || table.with(|(c, _)| c.total.iter().zip(&c.columns)
                                    .map(|(v, code)| view! { <td>{value_short(kind_of(code), *v)}</td> })
                                    .collect_view())}
                            </tr>
                        </tfoot>
                    </table>
                </div>
                <More drawn total=rows label=t::show_more_units/>
                <Bars table=Signal::derive(move || table.get().0) column=sort drawn/>
            </article>
            <div class="actions no-print">
                <button type="button" class="button primary" on:click=move |_| print_all(drawn)>{t::print_comparison()}</button>
                <button type="button" class="button" on:click=csv>{t::download_csv()}</button>
                <button type="button" class="button" on:click=xlsx>{t::download_xlsx()}</button>
            </div>
        </Show>
    }
    .into_any()
}

/// Prints every row, not only those drawn on screen: they are drawn first,
/// and the print dialog opens at the next frame.
fn print_all(drawn: Drawn) {
    drawn.all();
    request_animation_frame(|| {
        let _ = window().print();
    });
}

/// Which indicators are the columns.
#[component]
fn ColumnChoice(columns: RwSignal<Vec<String>>) -> impl IntoView {
    view! {
        <details class="columns">
            <summary>{move || t::indicators_compared(columns.with(Vec::len))}</summary>
            {catalogue().iter().map(|indicator| {
                let code = indicator.code.clone();
                let checked = {
                    let code = code.clone();
                    move || columns.with(|c| c.contains(&code))
                };
                view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=checked on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let code = code.clone();
                            columns.update(|c| {
                                c.retain(|x| *x != code);
                                if on { c.push(code) }
                            });
                        }/>
                        <span>{either(indicator.names()).to_owned()}</span>
                    </label>
                }
            }).collect_view()}
        </details>
    }
}

/// A horizontal bar per unit for the chosen column, longest first, its value
/// written beside it; drawn in SVG so that it prints as it shows.
#[component]
fn Bars(
    #[prop(into)] table: Signal<Comparison>,
    column: RwSignal<usize>,
    drawn: Drawn,
) -> impl IntoView {
    const ROW: usize = 34;
    let bars = move || {
        let comparison = table.get();
        let i = column.get();
        let code = comparison.columns.get(i).cloned().unwrap_or_default();
        let kind = kind_of(&code);
        let rows: Vec<(String, Option<Value>)> = comparison
            .rows
            .iter()
            .take(drawn.get())
            .map(|r| {
                (
                    r.name.clone(),
                    r.values.as_ref().and_then(|v| v.get(i)).copied(),
                )
            })
            .collect();
        let size = |v: Value| match kind {
            Kind::Percent | Kind::Average => v.per_mille().unwrap_or(0),
            _ => v.num,
        };
        let top = rows
            .iter()
            .filter_map(|(_, v)| v.map(size))
            .max()
            .unwrap_or(0)
            .max(1);
        (indicator_name(&code), kind, rows, top)
    };
    view! {
        {move || {
            let (title, kind, rows, top) = bars();
            let height = rows.len() * ROW + 4;
            view! {
                <figure class="bars">
                    <figcaption>{title}</figcaption>
                    <svg viewBox=format!("0 0 320 {height}") width="100%" role="img" aria-label=t::comparison_chart()>
                        {rows.into_iter().enumerate().map(|(n, (name, value))| {
                            let y = n * ROW;
                            let width = value.map_or(0, |v| {
                                let size = match kind {
                                    Kind::Percent | Kind::Average => v.per_mille().unwrap_or(0),
                                    _ => v.num,
                                };
                                (size * 200 / top) as usize
                            });
                            let label = value.map_or_else(|| t::not_reported_short().to_owned(), |v| value_short(kind, v));
                            view! {
                                <g>
                                    <text x="0" y=(y + 12).to_string() class="bar-name">{name}</text>
                                    <rect x="0" y=(y + 16).to_string() width=width.to_string() height="12" rx="2" class="bar"/>
                                    <text x=(width + 4).to_string() y=(y + 27).to_string() class="bar-value">{label}</text>
                                </g>
                            }
                        }).collect_view()}
                    </svg>
                </figure>
            }
        }}
    }
}
