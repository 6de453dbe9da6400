//! What the chapter enters by hand for a year: the women living in its area
//! (the denominators of attraction rates) and its own targets.

use super::fees::YearChoice;
use crate::domain::records::baseline::{Denominators, Target};
use crate::domain::records::member::Religion;
use crate::ui::i18n::t;
use crate::ui::shared::fields::{Field, NumberInput};
use crate::ui::shared::format::indicator_name;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The indicators a chapter most often sets itself targets for.
const TARGETED: [&str; 7] = [
    "members.end",
    "attraction.all",
    "cadres.trained.digital_transformation",
    "trainings.held",
    "models.launched",
    "meetings.held",
    "fees.paid",
];

#[component]
pub fn BaselinePage() -> impl IntoView {
    let state = use_app();
    let year = RwSignal::new(state.today().year());
    let women = move || {
        let id = Denominators::id(year.get());
        state.book.with(|b| {
            b.denominators.get(&id).filter(|d| !d.deleted).map_or_else(
                || Denominators {
                    year: year.get(),
                    ..Denominators::default()
                },
                |d| d.data.clone(),
            )
        })
    };
    let problem = RwSignal::new(None::<String>);
    let save = move |change: Box<dyn FnOnce(&mut Denominators)>| {
        let mut next = women();
        change(&mut next);
        next.religious_women.retain(|_, n| *n > 0);
        match next.problems().first() {
            Some(p) => problem.set(Some(crate::ui::shared::messages::field_problem_text(p))),
            None => {
                problem.set(None);
                state.save(Some(&Denominators::id(next.year)), next);
            }
        }
    };
    let target = move |code: &'static str| {
        let id = Target::id(year.get(), code);
        state.book.with(|b| {
            id.and_then(|id| {
                b.targets
                    .get(&id)
                    .filter(|t| !t.deleted)
                    .map(|t| t.data.value as u32)
            })
            .unwrap_or(0)
        })
    };
    let set_target = move |code: &'static str, value: u32| {
        let y = year.get_untracked();
        let Some(id) = Target::id(y, code) else {
            return;
        };
        if value == 0 {
            state.set_deleted::<Target>(&id, true);
        } else {
            state.save(
                Some(&id),
                Target {
                    year: y,
                    indicator: code.into(),
                    value: value.into(),
                    set_by: None,
                    for_unit: None,
                },
            );
        }
    };
    view! {
        <section class="card">
            <YearChoice year/>
            <h2>{t::women_in_area()}</h2>
            <p class="note">{t::women_in_area_note()}</p>
            <Field label=t::women_18_over()>
                <NumberInput value=Signal::derive(move || women().women_18)
                    set=Callback::new(move |n| save(Box::new(move |d| d.women_18 = n)))/>
            </Field>
            <Field label=t::of_whom_minority()>
                <NumberInput value=Signal::derive(move || women().minority_women)
                    set=Callback::new(move |n| save(Box::new(move |d| d.minority_women = n)))/>
            </Field>
            {Religion::NAMED.into_iter().filter(Religion::is_religious).map(|religion| {
                let code = religion.code();
                view! {
                    <Field label=religion_label(code)>
                        <NumberInput value=Signal::derive(move || women().religious_women.get(code).copied().unwrap_or(0))
                            set=Callback::new(move |n| save(Box::new(move |d| { d.religious_women.insert(code.into(), n); })))/>
                    </Field>
                }
            }).collect_view()}
            {move || problem.get().map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
        </section>
        <section class="card">
            <h2>{t::chapter_targets()}</h2>
            <p class="note">{t::targets_note()}</p>
            {TARGETED.into_iter().map(|code| {
                let label = indicator_name(code);
                view! {
                    <div class="field">
                        <label>
                            <span class="field-label">{label}</span>
                            <NumberInput value=Signal::derive(move || target(code))
                                set=Callback::new(move |n| set_target(code, n))/>
                        </label>
                    </div>
                }
            }).collect_view()}
        </section>
    }
}

/// "Phụ nữ Công giáo" for a religion code.
fn religion_label(code: &'static str) -> &'static str {
    match code {
        "buddhism" => t::of_whom_buddhist(),
        "catholicism" => t::of_whom_catholic(),
        "protestantism" => t::of_whom_protestant(),
        "cao_dai" => t::of_whom_cao_dai(),
        "hoa_hao" => t::of_whom_hoa_hao(),
        _ => t::of_whom_muslim(),
    }
}
