//! The chapter's dashboard for a period: «Gửi báo cáo» first, then its
//! figures grouped as the Union reports them, each against the year's target
//! where one is set, and the cadres not yet trained on each topic one tap
//! away. An office's are the sum of the units below.

pub mod report;
use crate::domain::figures::compute::untrained_cadres;
use crate::domain::figures::groups::{by_group, GROUP_CODES};
use crate::domain::figures::report::ReportRow;
use crate::domain::records::catalogue::{find, Value};
use crate::domain::records::grade::{GRADES, GRADE_CODES};
use crate::domain::records::unit::children;
use crate::ui::i18n::{either, t};
use crate::ui::route::{Route, Section};
use crate::ui::shared::format::{compare_vi, member_name};
use crate::ui::shared::format::{target_text, value_short, value_text};
use crate::ui::shared::period::PeriodChoice;
use crate::ui::shared::sending::{ReportSentNote, SendReportButton};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The groups of the dashboard: a title and indicator codes; a code ending in
/// `*` stands for every indicator that starts so, shown only when not zero;
/// one ending in `+`, only those some unit reached (the grades given, not
/// the «0/3» of every grade no one got).
/// A card of the dashboard: its title in the interface's language, and the
/// indicator codes it shows.
type Card = (fn() -> &'static str, &'static [&'static str]);

const CARDS: [Card; 8] = [
    (
        t::collection_members,
        &[
            "members.end",
            "members.admitted",
            "members.left",
            "members.honorary",
            "members.cards",
            "members.core",
            "members.pledged",
            "members.achieved",
            "members.exemplary*",
            "members.commended*",
        ],
    ),
    (
        t::card_attraction,
        &[
            "attraction.all",
            "attraction.minority*",
            "attraction.religion.*",
        ],
    ),
    (t::section_cadres, &["cadres.end", "cadres.trained.*"]),
    (
        t::section_trainings,
        &[
            "trainings.held",
            "trainings.attendances",
            "trainings.held.*",
        ],
    ),
    (
        t::section_models,
        &[
            "models.stage.*",
            "models.new",
            "models.launched",
            "models.participants",
            "models.sessions",
        ],
    ),
    (
        t::card_meetings,
        &[
            "meetings.held",
            "meetings.attendance",
            "meetings.attendance_rate",
            "meetings.quarters",
            "activities.social_media",
            "activities.visits",
            "online_group",
        ],
    ),
    (t::section_fees, &["fees.collected", "fees.paid"]),
    (t::card_grading, &["grading.+"]),
];

/// A card's headline from its first row: the value, or, for a chapter's
/// own grade (one chapter graded, and that one), the grade itself.
fn headline_of(row: &ReportRow) -> String {
    let own = row.value == Value::ratio(1, 1);
    match row.indicator.code.strip_prefix("grading.chapters.") {
        Some(code) if own => GRADE_CODES
            .iter()
            .position(|c| *c == code)
            .map_or_else(String::new, |i| GRADES[i].to_owned()),
        _ => value_short(row.indicator.kind, row.value),
    }
}

/// The rows a pattern stands for. A rate or an average with nothing to
/// divide by has no data yet: it is left out (the prompt above asks for the
/// area's counts), as is a starred row at zero.
fn pick<'a>(rows: &'a [ReportRow], pattern: &str) -> Vec<&'a ReportRow> {
    if let Some(prefix) = pattern.strip_suffix('+') {
        return rows
            .iter()
            .filter(|r| r.indicator.code.starts_with(prefix) && r.value.num > 0)
            .collect();
    }
    match pattern.strip_suffix('*') {
        Some(prefix) => rows
            .iter()
            .filter(|r| {
                r.indicator.code.starts_with(prefix)
                    && (r.value.num > 0 || r.value.den.unwrap_or(0) > 0)
            })
            .filter(|r| r.has_data())
            .collect(),
        None => rows
            .iter()
            .filter(|r| r.indicator.code == pattern)
            .filter(|r| r.has_data())
            .collect(),
    }
}

#[component]
pub fn FiguresPage() -> impl IntoView {
    let state = use_app();
    let rows = Memo::new(move |_| state.report());
    let no_women = move || {
        rows.with(|r| {
            r.iter()
                .find(|r| r.indicator.code == "attraction.all")
                .is_some_and(|r| r.value.den == Some(0))
        })
    };
    view! {
        <h1>{move || if state.office.get() { t::office_figures() } else { t::chapter_figures() }}</h1>
        <PeriodChoice/>
        // The report goes up from here in one tap; the note after says where it went.
        <SendReportButton/>
        <ReportSentNote/>
        <Show when=no_women>
            <div class="banner warn">
                <p>{t::no_women_count()}</p>
                <a class="button" href=Route::Work(Section::Baseline).href()>{t::enter_figures()}</a>
            </div>
        </Show>
        // Each group folded to its headline, so that the page reads in one
        // screen; a tap opens one, and its figures are drawn then: drawn
        // folded, eight cards of figures cost the tab a third of its time.
        <div class="figure-grid">
        {CARDS.into_iter().map(|(title, patterns)| {
            let open = RwSignal::new(false);
            let shown = move || rows.with(|rows| patterns.iter().flat_map(|p| pick(rows, p)).cloned().collect::<Vec<_>>());
            let headline = move || rows.with(|rows| {
                patterns.iter().find_map(|p| pick(rows, p).first().map(|row| headline_of(row)))
            });
            view! {
                <details class="card figures" data-codes=patterns.join(" ")
                    on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                    <summary>
                        <h2>{title()}</h2>
                        <span class="headline">{move || headline().unwrap_or_else(|| t::no_figures_yet().to_owned())}</span>
                    </summary>
                    <Show when=move || open.get()>
                        <ul class="plain">
                            {move || shown().into_iter().map(|row| view! { <Figure row/> }).collect_view()}
                        </ul>
                    </Show>
                </details>
            }
        }).collect_view()}
        <GroupsSideBySide/>
        </div>
        <a class="button wide" href=Route::Report.href()>{t::see_report()}</a>
        <a class="button wide" href=Route::Plan.href()>{t::plan_and_campaigns()}</a>
        <Show when=move || state.device.with(|d| d.home.as_ref().is_some_and(|h| state.book.with(|b| children(&b.units, h).next().is_some())))>
            <a class="button wide" href=Route::Compare.href()>{t::compare_units_below()}</a>
        </Show>
    }
}

/// The chapter's women's groups side by side for the period, one column
/// each, where it has groups.
#[component]
fn GroupsSideBySide() -> impl IntoView {
    let state = use_app();
    // Figured when opened: each group is a chapter's figures again.
    let open = RwSignal::new(false);
    let how_many = Memo::new(move |_| state.book.with(|b| b.groups.live().count()));
    let groups = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        let period = state.period.get();
        state.device.with(|d| {
            d.home.as_ref().map_or_else(Vec::new, |home| {
                state.book.with(|b| by_group(b, home, period, compare_vi))
            })
        })
    });
    let table = move || {
        let groups = groups.get();
        view! {
            <div class="table-wrap" tabindex="0" role="region" aria-label=t::groups_side_by_side()>
                <table class="report-table groups-table">
                    <thead>
                        <tr>
                            <th scope="col">{t::indicator()}</th>
                            {groups.iter().map(|g| view! { <th scope="col">{g.name.clone()}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {GROUP_CODES.iter().enumerate().filter_map(|(i, code)| {
                            let indicator = find(code)?;
                            Some(view! {
                                <tr>
                                    <th scope="row">{either(indicator.names()).to_owned()}</th>
                                    {groups.iter().map(|g| view! {
                                        <td>{value_short(indicator.kind, g.values[i])}</td>
                                    }).collect_view()}
                                </tr>
                            })
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
    };
    view! {
        <Show when=move || !state.office.get() && (how_many.get() > 0)>
            <details class="card figures groups"
                on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                <summary>
                    <h2>{t::groups_side_by_side()}</h2>
                    <span class="headline">{move || t::groups_count(how_many.get())}</span>
                </summary>
                {table}
            </details>
        </Show>
    }
}

/// One figure: its name, its value, and progress towards its target.
#[component]
fn Figure(row: ReportRow) -> impl IntoView {
    let state = use_app();
    let topic = row
        .indicator
        .code
        .strip_prefix("cadres.trained.")
        .map(str::to_owned);
    let untrained = topic.map(|topic| {
        let names = state.book.with_untracked(|b| {
            untrained_cadres(b, state.period.get_untracked(), &topic)
                .iter()
                .map(|id| member_name(b, id))
                .collect::<Vec<_>>()
        });
        (!names.is_empty()).then(|| {
            view! {
                <details class="untrained">
                    <summary>{t::untrained_count(names.len())}</summary>
                    <ul>{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                </details>
            }
        })
    });
    let progress = row.progress();
    view! {
        <li class="figure" data-code=row.indicator.code.clone()>
            <span class="figure-name">{either(row.indicator.names()).to_owned()}</span>
            <strong class="figure-value">{value_text(row.indicator.kind, row.value)}</strong>
            {row.target.zip(progress).map(|(target, per_mille)| view! {
                <span class="progress" role="img" aria-label=t::target_reached_aria(per_mille / 10)>
                    // Through the CSSOM: the Content-Security-Policy refuses style attributes.
                    <span class="progress-bar" style:width=format!("{}%", per_mille / 10)></span>
                </span>
                <span class="figure-target">{t::target_reached(target_text(row.indicator.kind, target), per_mille / 10)}</span>
            })}
            {untrained}
        </li>
    }
}
