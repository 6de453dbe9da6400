//! The year's grading on the plan page: a chapter's evidence for the
//! criteria she scores by hand, her women's groups scored the same way and
//! graded by her, the grade the office above decided for her; and an
//! office's decision on each chapter's proposal, with whether it holds the
//! chapter up as a model.

use crate::domain::book::register::groups_by_name;
use crate::domain::figures::compare::CampaignRow;
use crate::domain::figures::grading::{decision, group_standing};
use crate::domain::kernel::record::{Record, RecordId};
use crate::domain::records::campaign::{tenths, whole_points, Campaign, Scores};
use crate::domain::records::grade::{Decision, ModelChapter};
use crate::ui::i18n::t;
use crate::ui::shared::fields::NumberInput;
use crate::ui::shared::format::{compare_vi, date, points};
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;

/// Saves the marks `id` changed by `change`, starting from `base` when
/// there are none yet: a score typed keeps the evidence noted, and the
/// other way round.
pub(super) fn edit_scores(
    state: AppState,
    id: Option<RecordId>,
    base: Scores,
    change: impl FnOnce(&mut Scores),
) {
    let Some(id) = id else { return };
    let mut marks = state
        .book
        .with_untracked(|b| {
            b.scores
                .get(&id)
                .filter(|s| !s.deleted)
                .map(|s| s.data.clone())
        })
        .unwrap_or(base);
    change(&mut marks);
    state.save(Some(&id), marks);
}

/// The evidence she notes for a criterion scored by hand.
#[component]
pub(super) fn Evidence(campaign: RecordId, unit: RecordId, key: String) -> impl IntoView {
    let state = use_app();
    let id = crate::domain::records::campaign::Scores::id(&campaign, &unit);
    let noted = {
        let (id, key) = (id.clone(), key.clone());
        move || {
            state.book.with(|b| {
                id.as_ref()
                    .and_then(|id| b.scores.get(id))
                    .and_then(|s| s.data.notes.get(&key).cloned())
                    .unwrap_or_default()
            })
        }
    };
    view! {
        <label class="inline-add evidence">
            <span>{t::evidence()}</span>
            <input type="text" placeholder=t::evidence_example() prop:value=noted
                on:change=move |ev| {
                    let text = event_target_value(&ev).trim().to_owned();
                    let key = key.clone();
                    edit_scores(state, id.clone(), Scores::of(&campaign, &unit, None), move |s| {
                        if text.is_empty() {
                            s.notes.remove(&key);
                        } else {
                            s.notes.insert(key, text);
                        }
                    });
                }/>
        </label>
    }
}

/// The grade the office above decided for this unit, once its plan brought it.
#[component]
pub(super) fn Confirmed(campaign: RecordId, unit: RecordId) -> impl IntoView {
    let state = use_app();
    move || {
        state.book.with(|b| {
            decision(b, &campaign, &unit).map(|d| {
                view! {
                    <p class="banner ok confirmed-grade" role="status">
                        {t::confirmed_grade(&d.grade, date(d.on))}
                        {(d.model != ModelChapter::No).then(|| format!(" · {}", model_label(d.model)))}
                    </p>
                }
            })
        })
    }
}

fn model_label(model: ModelChapter) -> &'static str {
    match model {
        ModelChapter::No => t::no(),
        ModelChapter::Model => t::model_chapter(),
        ModelChapter::Outstanding => t::model_outstanding(),
    }
}

/// A choice among the campaign's grades, «Chưa quyết định» first: choosing
/// one decides it.
#[component]
fn GradeChoice(
    labels: Vec<String>,
    /// Whose grade, for the choice's name.
    name: String,
    #[prop(into)] current: Signal<String>,
    #[prop(into)] choose: Callback<String>,
) -> impl IntoView {
    view! {
        <label class="field">
            <span class="field-label">{t::grade()}</span>
            <select aria-label=t::grade_of(&name) on:change=move |ev| {
                let grade = event_target_value(&ev);
                if !grade.is_empty() {
                    choose.run(grade);
                }
            }>
                <option value="" selected=move || current.with(String::is_empty)>{t::not_decided()}</option>
                {labels.into_iter().map(|label| {
                    let (value, shown) = (label.clone(), label.clone());
                    view! { <option value=label selected=move || current.with(|g| *g == value)>{shown}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

/// Each women's group: its standing from its figures and the scores by
/// hand the chapter gives it, and the grade the chapter decides for it.
#[component]
pub(super) fn GroupGrades(campaign: Record<Campaign>, unit: RecordId) -> impl IntoView {
    let state = use_app();
    let groups = state.book.with_untracked(|b| groups_by_name(b, compare_vi));
    if groups.is_empty() {
        return ().into_any();
    }
    let by_hand: Vec<(String, String)> = campaign
        .data
        .criteria
        .iter()
        .filter(|k| k.indicator.is_none())
        .map(|k| (k.key.clone(), k.label.clone()))
        .collect();
    let labels = campaign.data.grade_labels();
    let campaign = StoredValue::new(campaign);
    view! {
        <h3>{t::groups_grading()}</h3>
        <ul class="plain">
            {groups.into_iter().map(|(group, name)| {
                let id = campaign.with_value(|c| Scores::group_id(&c.id, &unit, &group));
                let base = campaign.with_value(|c| Scores::of(&c.id, &unit, Some(&group)));
                let marks = {
                    let id = id.clone();
                    move || state.book.with(|b| id.as_ref().and_then(|id| b.scores.get(id)).map(|s| s.data.clone()))
                };
                let total = {
                    let (unit, group) = (unit.clone(), group.clone());
                    move || {
                        let r = state.book.with(|b| campaign.with_value(|c| group_standing(b, c, &unit, &group)));
                        match r.grade {
                            Some(grade) => t::total_graded(points(r.total), points(r.max), grade),
                            None => t::total_incomplete(points(r.total), points(r.max)),
                        }
                    }
                };
                let decided = {
                    let marks = marks.clone();
                    Signal::derive(move || marks().and_then(|s| s.decision).map(|d| d.grade).unwrap_or_default())
                };
                let decide = {
                    let (id, base) = (id.clone(), base.clone());
                    Callback::new(move |grade: String| {
                        let on = state.today();
                        edit_scores(state, id.clone(), base.clone(), move |s| {
                            s.decision = Some(Decision { grade, model: ModelChapter::No, on });
                        });
                    })
                };
                view! {
                    <li class="group-grade">
                        <strong>{name.clone()}</strong>
                        {by_hand.iter().cloned().map(|(key, label)| {
                            let (id, base, marks) = (id.clone(), base.clone(), marks.clone());
                            let shown = {
                                let key = key.clone();
                                move || marks().and_then(|s| s.points.get(&key).copied()).map_or(0, whole_points)
                            };
                            view! {
                                <label class="inline-add">
                                    <span>{t::group_score(&label, &name)}</span>
                                    <NumberInput value=Signal::derive(shown)
                                        set=Callback::new(move |n| {
                                            let key = key.clone();
                                            edit_scores(state, id.clone(), base.clone(),
                                                move |s| { s.points.insert(key, tenths(n)); });
                                        })/>
                                </label>
                            }
                        }).collect_view()}
                        <p class="figure-value">{total}</p>
                        <GradeChoice labels=labels.clone() name=name.clone() current=decided choose=decide/>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The office's decision on each unit's proposal: the grade (its own wins)
/// and whether the chapter is held up as a model, kept with the day.
#[component]
pub(super) fn Decisions(campaign: Record<Campaign>, rows: Vec<CampaignRow>) -> impl IntoView {
    let state = use_app();
    let labels = campaign.data.grade_labels();
    let campaign_id = campaign.id.clone();
    view! {
        <h3>{t::decisions_title()}</h3>
        <ul class="plain decisions">
            {rows.into_iter().map(|row| {
                let proposed = row
                    .standing
                    .as_ref()
                    .and_then(|s| s.grade.clone())
                    .map_or_else(|| t::not_proposed().to_owned(), t::proposed_grade);
                let decided = {
                    let (campaign_id, unit) = (campaign_id.clone(), row.unit.clone());
                    Signal::derive(move || state.book.with(|b| decision(b, &campaign_id, &unit).cloned()))
                };
                let decide = {
                    let (campaign_id, unit) = (campaign_id.clone(), row.unit.clone());
                    move |grade: String, model: ModelChapter| {
                        let id = Scores::decision_id(&campaign_id, &unit);
                        let on = state.today();
                        edit_scores(state, id, Scores::of(&campaign_id, &unit, None), move |s| {
                            s.decision = Some(Decision { grade, model, on });
                        });
                    }
                };
                let grade = Signal::derive(move || decided.get().map(|d| d.grade).unwrap_or_default());
                let model = move || decided.get().map(|d| d.model).unwrap_or_default();
                let choose_grade = {
                    let decide = decide.clone();
                    Callback::new(move |g: String| decide(g, model()))
                };
                let choose_model = move |ev| {
                    let chosen = ModelChapter::ALL
                        .get(event_target_value(&ev).parse::<usize>().unwrap_or(0))
                        .copied()
                        .unwrap_or_default();
                    let g = grade.get_untracked();
                    if !g.is_empty() {
                        decide(g, chosen);
                    }
                };
                let name = row.name.clone();
                view! {
                    <li class="decision">
                        <p><strong>{name.clone()}</strong>" · "{proposed}</p>
                        <div class="two">
                            <GradeChoice labels=labels.clone() name=name.clone() current=grade choose=choose_grade/>
                            <label class="field">
                                <span class="field-label">{t::model_chapter()}</span>
                                <select aria-label=t::model_of(&name) disabled=move || grade.with(String::is_empty) on:change=choose_model>
                                    {ModelChapter::ALL.into_iter().enumerate().map(|(i, m)| {
                                        view! { <option value=i.to_string() selected=move || model() == m>{model_label(m)}</option> }
                                    }).collect_view()}
                                </select>
                            </label>
                        </div>
                        <p class="note">{move || decided.get().map(|d| t::decided_on(date(d.on)))}</p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
