//! Plans and emulation: a unit's standing in the campaigns of the offices
//! above it, with the scores it gives by hand; and, for an office, the
//! targets and campaigns it sets for the units below, their standings, and
//! the plan file it sends down.

use super::grading::{edit_scores, Confirmed, Decisions, Evidence, GroupGrades};
use crate::domain::exchange::plan_file::write_plan;
use crate::domain::figures::compare::campaign_table;
use crate::domain::figures::roll_up::report_of;
use crate::domain::kernel::period::Period;
use crate::domain::kernel::record::{Record, RecordId};
use crate::domain::records::baseline::Target;
use crate::domain::records::campaign::{
    sample_sheet, standing, tenths, whole_points, Campaign, CriterionDraft, Scores,
};
use crate::domain::records::catalogue::catalogue;
use crate::domain::records::unit::children;
use crate::domain::records::unit::with_ancestors;
use crate::ui::i18n::{either, t};
use crate::ui::shared::fields::{CheckBoxValue, NumberInput};
use crate::ui::shared::format::compare_vi;
use crate::ui::shared::format::indicator_name;
use crate::ui::shared::format::points;
use crate::ui::shared::period::period_label;
use crate::ui::shared::sending::send_file;
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;

/// The indicators an office most often sets targets for.
const TARGETED: [&str; 6] = [
    "members.end",
    "attraction.all",
    "cadres.trained.digital_transformation",
    "trainings.held",
    "models.launched",
    "fees.paid",
];

fn home(state: AppState) -> Option<RecordId> {
    state.device.with_untracked(|d| d.home.clone())
}

#[component]
pub fn PlanPage() -> impl IntoView {
    let state = use_app();
    let Some(home) = home(state) else {
        return ().into_any();
    };
    // An office plans for the units below it even before the first of them
    // has sent a file; a chapter that has units below it plans for them too.
    let plans_below = {
        let home = home.clone();
        move || {
            state.book.with(|b| {
                children(&b.units, &home).next().is_some()
                    || b.units.get(&home).is_some_and(|u| !u.data.is_chapter())
            })
        }
    };
    view! {
        <h1>{t::plan_and_campaigns()}</h1>
        <FromAbove/>
        <Show when=plans_below.clone()>
            <OwnCampaigns/>
            <TargetsBelow/>
            <NewCampaign/>
            <section class="card">
                <h2>{t::send_plan_down()}</h2>
                <p class="note">{t::send_plan_note()}</p>
                <button type="button" class="button primary" on:click=move |_| send_plan(state)>{t::send_plan()}</button>
            </section>
        </Show>
    }
    .into_any()
}

fn send_plan(state: AppState) {
    let file = state.book.with_untracked(|b| {
        state
            .device
            .with_untracked(|d| write_plan(b, d, state.now_ms(), state.today()))
    });
    let Some(file) = file else {
        return;
    };
    send_file(state, file, t::plan_saved_hint(), t::plan_not_sent(), || {});
}

/// Campaigns of the offices above: this unit's points, and its scores by hand.
#[component]
fn FromAbove() -> impl IntoView {
    let state = use_app();
    let campaigns = move || {
        let home = home(state)?;
        Some(state.book.with(|b| {
            let above: Vec<RecordId> = with_ancestors(&b.units, &home)
                .into_iter()
                .skip(1)
                .map(|u| u.id.clone())
                .collect();
            b.campaigns
                .live()
                .filter(|c| above.contains(&c.data.office))
                .cloned()
                .collect::<Vec<_>>()
        }))
    };
    view! {
        {move || {
            let list = campaigns().unwrap_or_default();
            (!list.is_empty()).then(|| view! {
                <section class="card">
                    <h2>{t::campaigns_from_above()}</h2>
                    {list.into_iter().map(|c| view! { <MyStanding campaign=c/> }).collect_view()}
                </section>
            })
        }}
    }
}

#[component]
fn MyStanding(campaign: Record<Campaign>) -> impl IntoView {
    let state = use_app();
    let Some(home) = home(state) else {
        return ().into_any();
    };
    let scores_id = Scores::id(&campaign.id, &home);
    let c = campaign.data.clone();
    let given = {
        let scores_id = scores_id.clone();
        move || {
            scores_id
                .as_ref()
                .and_then(|id| {
                    state.book.with(|b| {
                        b.scores
                            .get(id)
                            .filter(|s| !s.deleted)
                            .map(|s| s.data.points.clone())
                    })
                })
                .unwrap_or_default()
        }
    };
    let result = {
        let (c, home, given) = (c.clone(), home.clone(), given.clone());
        move || {
            let values = state.book.with(|b| {
                report_of(b, &home, &home, c.period)
                    .map(|r| r.values)
                    .unwrap_or_default()
            });
            standing(&c, &values, Some(&given()))
        }
    };
    let set_score = {
        let (campaign_id, home) = (campaign.id.clone(), home.clone());
        move |key: String, points: u32| {
            let base = Scores::of(&campaign_id, &home, None);
            edit_scores(state, scores_id.clone(), base, |s| {
                s.points.insert(key, tenths(points));
            });
        }
    };
    let grading = c.grading.then(|| {
        view! {
            <Confirmed campaign=campaign.id.clone() unit=home.clone()/>
            <GroupGrades campaign=campaign.clone() unit=home.clone()/>
        }
    });
    view! {
        <div class="campaign">
            <h3>{t::name_period(&c.name, period_label(c.period))}</h3>
            <ul class="plain">
                {c.criteria.iter().enumerate().map(|(i, criterion)| {
                    let result = result.clone();
                    let shown = move || result().points[i].map_or_else(|| t::not_scored().to_owned(), points);
                    let by_hand = criterion.indicator.is_none();
                    let key = criterion.key.clone();
                    let set_score = set_score.clone();
                    let given = given.clone();
                    let (campaign_id, unit) = (campaign.id.clone(), home.clone());
                    view! {
                        <li class="figure">
                            <span class="figure-name">{t::criterion_max(&criterion.label, criterion.points)}</span>
                            <strong class="figure-value">{shown}</strong>
                            {by_hand.then(|| {
                                let key_for_value = key.clone();
                                view! {
                                    <label class="inline-add">
                                        <span>{t::own_score()}</span>
                                        <NumberInput value=Signal::derive(move || given().get(&key_for_value).map_or(0, |p| whole_points(*p)))
                                            set=Callback::new({ let key = key.clone(); move |n| set_score(key.clone(), n) })/>
                                    </label>
                                    <Evidence campaign=campaign_id unit key/>
                                }
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="figure-value">{move || {
                let r = result();
                match r.grade {
                    Some(grade) => t::total_graded(points(r.total), points(r.max), grade),
                    None => t::total_incomplete(points(r.total), points(r.max)),
                }
            }}</p>
            {grading}
        </div>
    }
    .into_any()
}

/// The office's own campaigns: each unit below scored, graded and ranked.
#[component]
fn OwnCampaigns() -> impl IntoView {
    let state = use_app();
    let tables = move || {
        let home = home(state)?;
        Some(state.book.with(|b| {
            b.campaigns
                .live()
                .filter(|c| c.data.office == home)
                .map(|c| (c.clone(), campaign_table(b, &home, c)))
                .collect::<Vec<_>>()
        }))
    };
    view! {
        {move || tables().unwrap_or_default().into_iter().map(|(campaign, rows)| {
            let id = campaign.id.clone();
            let decisions = campaign.data.grading.then(|| {
                view! { <Decisions campaign=campaign.clone() rows=rows.clone()/> }
            });
            let question = t::delete_campaign_question(&campaign.data.name);
            let delete = move |_| {
                if window().confirm_with_message(&question).unwrap_or(false) {
                    state.delete_undoable::<Campaign>(&id, t::campaign_deleted().to_owned());
                }
            };
            view! {
                <section class="card">
                    <h2>{t::name_period(&campaign.data.name, period_label(campaign.data.period))}</h2>
                    // Criteria are numbered in the table and named once
                    // above it, and the result comes first, so that a phone
                    // shows who stands where without scrolling sideways.
                    <ol class="criteria-legend">
                        {campaign.data.criteria.iter().map(|c| view! { <li>{t::criterion_points(&c.label, c.points)}</li> }).collect_view()}
                    </ol>
                    // Focusable, so that a keyboard can scroll a wide table.
                    <div class="table-wrap" tabindex="0" role="region" aria-label=t::grading_table(&campaign.data.name)>
                        <table class="compare-table">
                            <thead>
                                <tr>
                                    <th scope="col">{t::rank()}</th>
                                    <th scope="col">{t::unit()}</th>
                                    <th scope="col" class="narrow">{t::total()}</th>
                                    <th scope="col" class="narrow">{t::grade()}</th>
                                    {campaign.data.criteria.iter().enumerate().map(|(i, c)| view! { <th scope="col" class="narrow" aria-label=c.label.clone() title=c.label.clone()>{format!("TC{}", i + 1)}</th> }).collect_view()}
                                </tr>
                            </thead>
                            <tbody>
                                {rows.into_iter().map(|row| {
                                    let cells = match &row.standing {
                                        Some(s) => view! {
                                            <td>{points(s.total)}</td>
                                            <td>{s.grade.clone().unwrap_or_else(|| "—".into())}</td>
                                            {s.points.iter().map(|p| view! { <td>{p.map_or_else(|| t::not_scored().to_owned(), points)}</td> }).collect_view()}
                                        }.into_any(),
                                        None => view! { <td colspan=(campaign.data.criteria.len() + 2).to_string()>{t::not_reported()}</td> }.into_any(),
                                    };
                                    view! {
                                        <tr class:missing=row.standing.is_none()>
                                            <td>{row.rank.map(|r| r.to_string()).unwrap_or_default()}</td>
                                            <th scope="row">{row.name}</th>
                                            {cells}
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    {decisions}
                    <button type="button" class="button danger-outline" on:click=delete>{t::delete_campaign()}</button>
                </section>
            }
        }).collect_view()}
    }
}

/// The targets the office sets for every unit below it, for this year.
#[component]
fn TargetsBelow() -> impl IntoView {
    let state = use_app();
    let year = state.today().year();
    let for_unit = RwSignal::new(None::<RecordId>);
    let below = move || {
        let Some(home) = home(state) else {
            return Vec::new();
        };
        state.book.with(|b| {
            children(&b.units, &home)
                .filter_map(|id| b.units.get(id))
                .map(|u| (u.id.clone(), u.data.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let target = move |code: &'static str| {
        let home = home(state)?;
        let key = Target {
            year,
            indicator: code.into(),
            value: 0,
            set_by: Some(home),
            for_unit: for_unit.get(),
        }
        .key()?;
        state.book.with(|b| {
            b.targets
                .get(&key)
                .filter(|t| !t.deleted)
                .map(|t| t.data.value as u32)
        })
    };
    let set = move |code: &'static str, value: u32| {
        let Some(home) = home(state) else { return };
        let target = Target {
            year,
            indicator: code.into(),
            value: value.into(),
            set_by: Some(home),
            for_unit: for_unit.get_untracked(),
        };
        let Some(key) = target.key() else { return };
        if value == 0 {
            state.set_deleted::<Target>(&key, true);
        } else {
            state.save(Some(&key), target);
        }
    };
    view! {
        <section class="card">
            <h2>{t::targets_for_below(year)}</h2>
            <p class="note">{t::targets_below_note()}</p>
            <div class="field">
                <label for="target-for" class="field-label">{t::target_for()}</label>
                <select id="target-for" on:change=move |ev| for_unit.set(RecordId::parse(&event_target_value(&ev)))>
                    <option value="">{t::all_units_below()}</option>
                    {move || below().into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                </select>
            </div>
            {TARGETED.into_iter().map(|code| view! {
                <div class="field">
                    <label>
                        <span class="field-label">{indicator_name(code)}</span>
                        <NumberInput value=Signal::derive(move || target(code).unwrap_or(0)) set=Callback::new(move |n| set(code, n))/>
                    </label>
                </div>
            }).collect_view()}
        </section>
    }
}

/// A new campaign: name, period, criteria; the usual scoring sheet.
#[component]
fn NewCampaign() -> impl IntoView {
    let state = use_app();
    let name = RwSignal::new(String::new());
    let period = RwSignal::new(Period::Year(state.today().year()));
    let criteria = RwSignal::new(vec![CriterionDraft::default()]);
    let grading = RwSignal::new(false);
    let bands = RwSignal::new(Campaign::default_grades());
    let problem = RwSignal::new(None::<String>);
    let use_sample = move |_| {
        let year = state.today().year();
        let (sample_name, sample_criteria) = sample_sheet(year);
        name.set(sample_name);
        period.set(Period::Year(year));
        criteria.set(sample_criteria);
        grading.set(true);
        bands.set(Campaign::default_grades());
    };
    let mut indicators: Vec<(String, String)> = catalogue()
        .iter()
        .map(|i| {
            let name = either(i.names()).to_owned();
            (i.code.clone(), name)
        })
        .collect();
    indicators.sort_unstable_by(|a, b| compare_vi(&a.1, &b.1));
    let indicators = StoredValue::new(indicators);
    let save = move |_| {
        let Some(home) = home(state) else { return };
        let campaign = Campaign {
            grading: grading.get_untracked(),
            grades: bands.get_untracked(),
            ..Campaign::written(
                home,
                &name.get_untracked(),
                period.get_untracked(),
                &criteria.get_untracked(),
            )
        };
        match campaign.problems().first() {
            Some(p) => problem.set(Some(crate::ui::shared::messages::field_problem_text(p))),
            None => {
                state.save(None, campaign);
                name.set(String::new());
                criteria.set(vec![CriterionDraft::default()]);
                grading.set(false);
                bands.set(Campaign::default_grades());
                problem.set(None);
                state.tell(t::campaign_saved());
            }
        }
    };
    let edit = move |i: usize, change: Box<dyn FnOnce(&mut CriterionDraft)>| {
        criteria.update(|c| {
            if let Some(d) = c.get_mut(i) {
                change(d);
            }
        })
    };
    let years = state.today().year();
    view! {
        <section class="card">
            <h2>{t::new_campaign()}</h2>
            <button type="button" class="button" on:click=use_sample>{t::use_sample_sheet()}</button>
            <p class="note">{t::sample_sheet_note()}</p>
            <div class="field">
                <label for="campaign-name" class="field-label">{t::campaign_name()}</label>
                <input id="campaign-name" type="text" placeholder=t::example_campaign() prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="campaign-period" class="field-label">{t::period()}</label>
                <select id="campaign-period" on:change=move |ev| {
                    if let Some(p) = Period::parse(&event_target_value(&ev)) { period.set(p) }
                }>
                    {[Period::Year(years), Period::Half(years, 1), Period::Half(years, 2), Period::Year(years + 1)].into_iter().map(|p| view! {
                        <option value=p.code() selected=move || period.get() == p>{period_label(p)}</option>
                    }).collect_view()}
                </select>
            </div>
            <CheckBoxValue label=t::grading_campaign() value=grading set=Callback::new(move |v| grading.set(v))/>
            <p class="field-hint">{t::grading_hint()}</p>
            <h3>{t::criteria()}</h3>
            {move || criteria.get().into_iter().enumerate().map(|(i, d)| view! {
                <fieldset class="sub">
                    <legend>{t::nth_criterion(i + 1)}</legend>
                    <div class="field">
                        <label class="field-label" for=format!("criterion-{i}")>{t::content()}</label>
                        <input id=format!("criterion-{i}") type="text" prop:value=d.label.clone()
                            on:change=move |ev| { let v = event_target_value(&ev); edit(i, Box::new(move |d| d.label = v)) }/>
                    </div>
                    <div class="two">
                        <div class="field">
                            <label>
                                <span class="field-label">{t::max_points()}</span>
                                <NumberInput value=Signal::stored(d.points) set=Callback::new(move |n| edit(i, Box::new(move |d| d.points = n)))/>
                            </label>
                        </div>
                        <div class="field">
                            <label>
                                <span class="field-label">{t::criterion_target()}</span>
                                <NumberInput value=Signal::stored(d.target) set=Callback::new(move |n| edit(i, Box::new(move |d| d.target = n)))/>
                            </label>
                        </div>
                    </div>
                    <div class="field">
                        <label class="field-label" for=format!("indicator-{i}")>{t::measured_by()}</label>
                        <select id=format!("indicator-{i}") on:change=move |ev| { let v = event_target_value(&ev); edit(i, Box::new(move |d| d.indicator = v)) }>
                            <option value="" selected=d.indicator.is_empty()>{t::scored_by_hand()}</option>
                            {indicators.with_value(|all| all.iter().map(|(code, label)| {
                                let selected = *code == d.indicator;
                                view! { <option value=code.clone() selected=selected>{label.clone()}</option> }
                            }).collect_view())}
                        </select>
                    </div>
                </fieldset>
            }).collect_view()}
            <div class="actions">
                <button type="button" class="button" on:click=move |_| criteria.update(|c| c.push(CriterionDraft::default()))>{t::add_criterion()}</button>
                <button type="button" class="button primary" on:click=save>{t::save_campaign()}</button>
            </div>
            <h3>{t::grade_bands()}</h3>
            <div class="two">
                {move || bands.get().into_iter().enumerate().map(|(i, band)| view! {
                    <div class="field">
                        <label>
                            <span class="field-label">{t::grade_from(&band.label)}</span>
                            <NumberInput value=Signal::stored(band.min_percent)
                                set=Callback::new(move |n: u32| bands.update(|b| if let Some(band) = b.get_mut(i) { band.min_percent = n.min(100) }))/>
                        </label>
                    </div>
                }).collect_view()}
            </div>
            {move || problem.get().map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
        </section>
    }
}
