//! The chapter's dashboard for a period: its figures grouped as the Union
//! reports them, each against the year's target where one is set, and the
//! cadres not yet trained on each topic one tap away.

use super::format::value_text;
use super::period::PeriodChoice;
use super::route::{Route, Section};
use super::state::use_app;
use super::work::member_name;
use crate::domain::indicators::untrained_cadres;
use crate::domain::report::{target_text, ReportRow};
use crate::domain::unit_report::children;
use leptos::prelude::*;

/// The groups of the dashboard: a title and indicator codes; a code ending in
/// `*` stands for every indicator that starts so, shown only when not zero.
const CARDS: [(&str, &[&str]); 7] = [
    (
        "Hội viên",
        &[
            "members.end",
            "members.admitted",
            "members.left",
            "members.honorary",
        ],
    ),
    (
        "Thu hút hội viên",
        &[
            "attraction.all",
            "attraction.minority*",
            "attraction.religion.*",
        ],
    ),
    ("Cán bộ", &["cadres.end", "cadres.trained.*"]),
    (
        "Tập huấn",
        &[
            "trainings.held",
            "trainings.attendances",
            "trainings.held.*",
        ],
    ),
    (
        "Mô hình",
        &[
            "models.stage.*",
            "models.new",
            "models.launched",
            "models.participants",
            "models.sessions",
        ],
    ),
    (
        "Sinh hoạt, truyền thông",
        &[
            "meetings.held",
            "meetings.attendance",
            "activities.social_media",
            "activities.visits",
            "online_group",
        ],
    ),
    ("Hội phí", &["fees.collected", "fees.paid"]),
];

fn pick<'a>(rows: &'a [ReportRow], pattern: &str) -> Vec<&'a ReportRow> {
    match pattern.strip_suffix('*') {
        Some(prefix) => rows
            .iter()
            .filter(|r| {
                r.indicator.code.starts_with(prefix)
                    && (r.value.num > 0 || r.value.den.unwrap_or(0) > 0)
            })
            .collect(),
        None => rows
            .iter()
            .filter(|r| r.indicator.code == pattern)
            .collect(),
    }
}

#[component]
pub fn FiguresPage() -> impl IntoView {
    let state = use_app();
    let rows = Memo::new(move |_| state.report());
    let no_women = move || {
        rows.with(|r| {
            pick(r, "attraction.all")
                .first()
                .is_some_and(|r| r.value.den == Some(0))
        })
    };
    view! {
        <h1>"Số liệu của chi hội"</h1>
        <PeriodChoice/>
        <Show when=no_women>
            <p class="banner warn">
                "Chưa nhập số phụ nữ trên địa bàn năm này, nên chưa tính được tỷ lệ thu hút. "
                <a href=Route::Work(Section::Baseline).href()>"Nhập số liệu"</a>
            </p>
        </Show>
        {CARDS.into_iter().map(|(title, patterns)| view! {
            <section class="card figures">
                <h2>{title}</h2>
                <ul class="plain">
                    {move || rows.with(|rows| {
                        patterns.iter().flat_map(|p| pick(rows, p)).map(|row| view! { <Figure row=row.clone()/> }).collect_view()
                    })}
                </ul>
            </section>
        }).collect_view()}
        <a class="button primary wide" href=Route::Report.href()>"Xem bảng báo cáo, in, xuất CSV"</a>
        <a class="button wide" href=Route::Plan.href()>"Kế hoạch, thi đua"</a>
        <Show when=move || state.device.with(|d| d.home.as_ref().is_some_and(|h| state.book.with(|b| children(&b.units, h).next().is_some())))>
            <a class="button wide" href=Route::Compare.href()>"So sánh các đơn vị cấp dưới"</a>
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
                    <summary>{format!("Chưa tập huấn: {} người", names.len())}</summary>
                    <ul>{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                </details>
            }
        })
    });
    let progress = row.progress();
    view! {
        <li class="figure" data-code=row.indicator.code.clone()>
            <span class="figure-name">{row.indicator.name_vi.clone()}</span>
            <strong class="figure-value">{value_text(row.indicator.kind, row.value)}</strong>
            {row.target.zip(progress).map(|(target, per_mille)| view! {
                <span class="progress" role="img" aria-label=format!("Đạt {}% chỉ tiêu", per_mille / 10)>
                    <span class="progress-bar" style=format!("width:{}%", per_mille / 10)></span>
                </span>
                <span class="figure-target">{format!("Chỉ tiêu {}: đạt {}%", target_text(row.indicator.kind, target), per_mille / 10)}</span>
            })}
            {untrained}
        </li>
    }
}
