//! Training sessions: the list and the form.

use super::form::RecordPage;
use super::{RecordList, Row};
use crate::domain::book::collections::Book;
use crate::domain::kernel::name::upper_first;
use crate::domain::kernel::record::{Record, RecordId};
use crate::domain::records::training::{Level, Topic, Training};
use crate::ui::i18n::{either, t};
use crate::ui::route::Section;
use crate::ui::shared::fields::{DateInput, Field, NumberInput, TextValue};
use crate::ui::shared::format::date;
use crate::ui::shared::picker::MemberPicker;
use crate::ui::state::use_app;
use leptos::prelude::*;

fn row(record: &Record<Training>, _book: &Book) -> Row {
    let t = &record.data;
    let topics: Vec<&str> = t.topics.iter().map(|topic| either(topic.names())).collect();
    Row {
        title: format!("{} · {}", date(t.start), t.title),
        details: t::training_row(either(t.level.names()), topics.join(", "), t.attendance()),
        sort: t.start.iso(),
    }
}

#[component]
pub fn TrainingList() -> impl IntoView {
    view! {
        <RecordList section=Section::Trainings add=t::add_training() row
            empty=t::trainings_empty()/>
    }
}

pub fn training_page(id: Option<RecordId>) -> AnyView {
    let blank = Training {
        start: use_app().today(),
        end: None,
        title: String::new(),
        topics: Vec::new(),
        level: Level::Commune,
        attendees: Vec::new(),
        extra_attendees: 0,
    };
    view! {
        <RecordPage section=Section::Trainings id new_title=t::add_training() blank
            title=|t: &Training| t.title.clone() fields/>
    }
    .into_any()
}

fn fields(draft: RwSignal<Training>, changed: Callback<()>) -> AnyView {
    let set = super::changer(draft, changed);
    let other = move || {
        draft.with(|t| {
            t.topics.iter().find_map(|topic| match topic {
                Topic::Other(text) => Some(text.clone()),
                _ => None,
            })
        })
    };
    view! {
        <Field label=t::training_title()>
            <TextValue value=Signal::derive(move || draft.with(|t| t.title.clone()))
                set=Callback::new(move |v: String| set(Box::new(move |t| t.title = crate::domain::kernel::name::tidy(&v))))
                placeholder=t::example_training()/>
        </Field>
        <div class="two">
            <Field label=t::start_date()>
                <DateInput value=Signal::derive(move || draft.with(|t| Some(t.start)))
                    set=Callback::new(move |d: Option<crate::domain::kernel::date::Date>| if let Some(d) = d { set(Box::new(move |t| t.start = d)) })/>
            </Field>
            <Field label=t::end_date_if_many()>
                <DateInput value=Signal::derive(move || draft.with(|t| t.end))
                    set=Callback::new(move |d| set(Box::new(move |t| t.end = d)))/>
            </Field>
        </div>
        <fieldset class="checks">
            <legend>{t::topics()}</legend>
            {Topic::NAMED.into_iter().map(|topic| {
                let label = upper_first(either(topic.names()));
                let has = {
                    let topic = topic.clone();
                    move || draft.with(|t| t.topics.contains(&topic))
                };
                view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=has on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let topic = topic.clone();
                            set(Box::new(move |t| {
                                t.topics.retain(|x| *x != topic);
                                if on { t.topics.push(topic) }
                            }));
                        }/>
                        <span>{label}</span>
                    </label>
                }
            }).collect_view()}
        </fieldset>
        <Field label=t::other_topic()>
            <TextValue value=Signal::derive(move || other().unwrap_or_default())
                set=Callback::new(move |v: String| set(Box::new(move |t| {
                    t.topics.retain(|x| !matches!(x, Topic::Other(_)));
                    let v = crate::domain::kernel::name::tidy(&v);
                    if !v.is_empty() { t.topics.push(Topic::Other(v)) }
                })))/>
        </Field>
        <Field label=t::level() control_id="level">
            <select id="level" on:change=move |ev| {
                let level = Level::ALL.get(event_target_value(&ev).parse::<usize>().unwrap_or(0)).copied().unwrap_or(Level::Other);
                set(Box::new(move |t| t.level = level));
            }>
                {Level::ALL.into_iter().enumerate().map(|(i, level)| view! {
                    <option value=i.to_string() selected=move || draft.with(|t| t.level == level)>{either(level.names())}</option>
                }).collect_view()}
            </select>
        </Field>
        <MemberPicker label=t::attendees() open_when_empty=true
            chosen=Signal::derive(move || draft.with(|t| t.attendees.clone()))
            set=Callback::new(move |ids: Vec<RecordId>| set(Box::new(move |t| t.attendees = ids)))/>
        <Field label=t::attendees_not_in_register()>
            <NumberInput value=Signal::derive(move || draft.with(|t| t.extra_attendees))
                set=Callback::new(move |n| set(Box::new(move |t| t.extra_attendees = n)))/>
        </Field>
    }
    .into_any()
}
