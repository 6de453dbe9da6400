//! Meetings and other activities: the list and the form.

use super::form::RecordPage;
use super::{changer, RecordList, Row};
use crate::domain::book::collections::Book;
use crate::domain::kernel::record::{Record, RecordId};
use crate::domain::records::activity::{Activity, ActivityKind};
use crate::ui::i18n::{either, t};
use crate::ui::route::Section;
use crate::ui::shared::fields::{DateInput, Field, NumberInput, TextValue};
use crate::ui::shared::format::date;
use crate::ui::shared::picker::MemberPicker;
use crate::ui::state::use_app;
use leptos::prelude::*;

fn row(record: &Record<Activity>, _book: &Book) -> Row {
    let a = &record.data;
    Row {
        title: format!("{} · {}", date(a.on), either(a.kind.names())),
        details: match (a.content.is_empty(), a.attendance()) {
            (true, n) => t::people_count(n),
            (false, 0) => a.content.clone(),
            (false, n) => t::content_people(&a.content, n),
        },
        sort: a.on.iso(),
    }
}

#[component]
pub fn ActivityList() -> impl IntoView {
    view! {
        <RecordList section=Section::Activities add=t::add_activity() row
            empty=t::activities_empty()/>
    }
}

pub fn activity_page(id: Option<RecordId>) -> AnyView {
    let blank = Activity::on_day(use_app().today(), ActivityKind::Regular);
    view! {
        <RecordPage section=Section::Activities id new_title=t::new_activity() blank
            title=|a: &Activity| format!("{} {}", either(a.kind.names()), date(a.on)) fields/>
    }
    .into_any()
}

fn fields(draft: RwSignal<Activity>, changed: Callback<()>) -> AnyView {
    let set = changer(draft, changed);
    view! {
        <Field label=t::date()>
            <DateInput value=Signal::derive(move || draft.with(|a| Some(a.on)))
                set=Callback::new(move |d: Option<crate::domain::kernel::date::Date>| if let Some(d) = d { set(Box::new(move |a| a.on = d)) })/>
        </Field>
        <Field label=t::kind() control_id="kind">
            <select id="kind" on:change=move |ev| {
                let kind = ActivityKind::ALL.get(event_target_value(&ev).parse::<usize>().unwrap_or(0)).copied().unwrap_or(ActivityKind::Regular);
                set(Box::new(move |a| a.kind = kind));
            }>
                {ActivityKind::ALL.into_iter().enumerate().map(|(i, kind)| view! {
                    <option value=i.to_string() selected=move || draft.with(|a| a.kind == kind)>{either(kind.names())}</option>
                }).collect_view()}
            </select>
        </Field>
        <Field label=t::content()>
            <TextValue value=Signal::derive(move || draft.with(|a| a.content.clone()))
                set=Callback::new(move |v: String| set(Box::new(move |a| a.content = crate::domain::kernel::name::tidy(&v))))
                placeholder=t::example_activity()/>
        </Field>
        <MemberPicker label=t::members_attending() open_when_empty=true
            chosen=Signal::derive(move || draft.with(|a| a.attendees.clone()))
            set=Callback::new(move |ids: Vec<RecordId>| set(Box::new(move |a| a.attendees = ids)))/>
        <Field label=t::other_people()>
            <NumberInput value=Signal::derive(move || draft.with(|a| a.head_count))
                set=Callback::new(move |n| set(Box::new(move |a| a.head_count = n)))/>
        </Field>
    }
    .into_any()
}
