//! Models (mô hình): the list and the form, with the stage history, who
//! takes part, and the log of sessions.

use super::form::RecordPage;
use super::{changer, RecordList, Row};
use crate::domain::book::collections::Book;
use crate::domain::kernel::name::tidy;
use crate::domain::kernel::name::upper_first;
use crate::domain::kernel::record::{Record, RecordId};
use crate::domain::records::model::{
    Model, ModelKind, ModelSession, Stage, StageChange, CATALOGUE,
};
use crate::ui::i18n::{either, t};
use crate::ui::route::Section;
use crate::ui::shared::fields::{DateInput, Field, NumberInput, TextValue};
use crate::ui::shared::format::date;
use crate::ui::shared::picker::MemberPicker;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A stage as a line of its own shows it: «Thí điểm», «Nhân rộng».
fn stage_name(stage: Option<Stage>) -> String {
    stage.map_or(t::no_stage_yet().to_owned(), |s| {
        upper_first(either(s.names()))
    })
}

fn row(record: &Record<Model>, _book: &Book) -> Row {
    let m = &record.data;
    let current = m.stages.last();
    Row {
        title: m.kind.name().to_owned(),
        details: t::model_row(
            stage_name(current.map(|c| c.stage)),
            current.map(|c| date(c.on)).unwrap_or_default(),
            m.participation(),
        ),
        sort: current.map(|c| c.on.iso()).unwrap_or_default(),
    }
}

#[component]
pub fn ModelList() -> impl IntoView {
    view! {
        <RecordList section=Section::Models add=t::add_model() row
            empty=t::models_empty()/>
    }
}

pub fn model_page(id: Option<RecordId>) -> AnyView {
    let mut blank = Model {
        kind: ModelKind::Catalogue(CATALOGUE[0].0.into()),
        target_group: String::new(),
        stages: Vec::new(),
        participants: Vec::new(),
        extra_participants: 0,
        sessions: Vec::new(),
    };
    blank.set_stage(Stage::Planned, use_app().today());
    view! {
        <RecordPage section=Section::Models id new_title=t::add_model() blank
            title=|m: &Model| m.kind.name().to_owned() fields/>
    }
    .into_any()
}

fn fields(draft: RwSignal<Model>, changed: Callback<()>) -> AnyView {
    let today = use_app().today();
    let set = changer(draft, changed);
    let own = move || draft.with(|m| matches!(m.kind, ModelKind::Own(_)));
    let current_stage = draft.with_untracked(|m| m.stages.last().map(|c| c.stage));
    let new_stage = RwSignal::new(current_stage.unwrap_or(Stage::Planned));
    let new_stage_on = RwSignal::new(Some(today));
    // A stage is recorded as soon as she chooses it, like any field; its day
    // changed afterwards moves that same change, while the page is open.
    let chosen = StoredValue::new(None::<StageChange>);
    let record_stage = move || {
        let Some(on) = new_stage_on.get_untracked() else {
            return;
        };
        let change = StageChange {
            stage: new_stage.get_untracked(),
            on,
        };
        let before = chosen.get_value();
        if before.is_none() && current_stage == Some(change.stage) {
            return;
        }
        chosen.set_value(Some(change.clone()));
        set(Box::new(move |m| {
            if let Some(before) = before {
                m.stages.retain(|c| *c != before);
            }
            m.set_stage(change.stage, change.on);
        }));
    };
    let session_on = RwSignal::new(Some(today));
    let session_count = RwSignal::new(0u32);
    let session_note = RwSignal::new(String::new());
    // A session typed in and not yet added is added when she adds it, or
    // when she leaves the page: what she typed is never dropped.
    let add_session = move || {
        let Some(on) = session_on.get_untracked() else {
            return;
        };
        let (attendance, note) = (
            session_count.get_untracked(),
            tidy(&session_note.get_untracked()),
        );
        if attendance == 0 && note.is_empty() {
            return;
        }
        let session = ModelSession {
            on,
            attendance,
            note,
        };
        set(Box::new(move |m| {
            let at = m.sessions.partition_point(|s| s.on <= session.on);
            m.sessions.insert(at, session);
        }));
        session_count.set(0);
        session_note.set(String::new());
    };
    use_app().before_leaving(Callback::new(move |()| add_session()));
    view! {
        <Field label=t::section_models() control_id="kind">
            <select id="kind" on:change=move |ev| {
                let code = event_target_value(&ev);
                set(Box::new(move |m| m.kind = match CATALOGUE.iter().find(|(c, _)| *c == code) {
                    Some((c, _)) => ModelKind::Catalogue((*c).into()),
                    None => ModelKind::Own(String::new()),
                }));
            }>
                {CATALOGUE.iter().map(|(code, name)| view! {
                    <option value=*code selected=move || draft.with(|m| m.kind == ModelKind::Catalogue((*code).into()))>{*name}</option>
                }).collect_view()}
                <option value="own" selected=own>{t::own_model()}</option>
            </select>
        </Field>
        <Show when=own>
            <Field label=t::model_name()>
                <TextValue value=Signal::derive(move || draft.with(|m| m.kind.name().to_owned()))
                    set=Callback::new(move |v: String| set(Box::new(move |m| m.kind = ModelKind::Own(tidy(&v)))))/>
            </Field>
        </Show>
        <Field label=t::target_group()>
            <TextValue value=Signal::derive(move || draft.with(|m| m.target_group.clone()))
                set=Callback::new(move |v: String| set(Box::new(move |m| m.target_group = tidy(&v))))
                placeholder=t::example_target_group()/>
        </Field>
        <fieldset class="sub">
            <legend>{t::model_stages()}</legend>
            <ul class="plain">
                {move || draft.with(|m| m.stages.clone()).into_iter().map(|change| view! {
                    <li class="line">
                        <span>{format!("{}: {}", date(change.on), stage_name(Some(change.stage)))}</span>
                        <button type="button" class="link"
                            aria-label=t::remove_stage(stage_name(Some(change.stage)), date(change.on))
                            on:click=move |_| {
                            let change = change.clone();
                            set(Box::new(move |m| m.stages.retain(|c| *c != change)));
                        }>{t::remove()}</button>
                    </li>
                }).collect_view()}
            </ul>
            <div class="two">
                <Field label=t::current_stage() control_id="stage">
                    <select id="stage" on:change=move |ev| {
                        let i = event_target_value(&ev).parse::<usize>().unwrap_or(0);
                        new_stage.set(Stage::ALL.get(i).copied().unwrap_or(Stage::Planned));
                        record_stage();
                    }>
                        {Stage::ALL.into_iter().enumerate().map(|(i, s)| view! {
                            <option value=i.to_string() selected=move || new_stage.get() == s>{upper_first(either(s.names()))}</option>
                        }).collect_view()}
                    </select>
                </Field>
                <Field label=t::from_date()>
                    <DateInput value=new_stage_on set=Callback::new(move |d| {
                        new_stage_on.set(d);
                        if chosen.with_value(Option::is_some) {
                            record_stage();
                        }
                    })/>
                </Field>
            </div>
            <p class="field-hint">{t::stage_hint()}</p>
        </fieldset>
        <MemberPicker label=t::members_taking_part()
            chosen=Signal::derive(move || draft.with(|m| m.participants.clone()))
            set=Callback::new(move |ids: Vec<RecordId>| set(Box::new(move |m| m.participants = ids)))/>
        <Field label=t::others_taking_part()>
            <NumberInput value=Signal::derive(move || draft.with(|m| m.extra_participants))
                set=Callback::new(move |n| set(Box::new(move |m| m.extra_participants = n)))/>
        </Field>
        <fieldset class="sub">
            <legend>{t::model_sessions()}</legend>
            <ul class="plain">
                {move || draft.with(|m| m.sessions.clone()).into_iter().enumerate().map(|(i, s)| view! {
                    <li class="line">
                        <span>{t::session_line(date(s.on), s.attendance, &s.note)}</span>
                        <button type="button" class="link" aria-label=t::remove_session(date(s.on))
                            on:click=move |_| set(Box::new(move |m| { m.sessions.remove(i); }))>{t::remove()}</button>
                    </li>
                }).collect_view()}
            </ul>
            <div class="two">
                <Field label=t::date()>
                    <DateInput value=session_on set=Callback::new(move |d| session_on.set(d))/>
                </Field>
                <Field label=t::attendance()>
                    <NumberInput value=session_count set=Callback::new(move |n| session_count.set(n))/>
                </Field>
            </div>
            <Field label=t::note()>
                <TextValue value=session_note set=Callback::new(move |v| session_note.set(v))/>
            </Field>
            <button type="button" class="button small" on:click=move |_| add_session()>{t::record_session()}</button>
        </fieldset>
    }
    .into_any()
}
