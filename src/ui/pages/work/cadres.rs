//! Cadres: roles held by members, with their dates; and the women's groups.

use super::form::RecordPage;
use super::{changer, RecordList, Row};
use crate::domain::book::collections::Book;
use crate::domain::book::register::sort_by_name;
use crate::domain::kernel::name::tidy;
use crate::domain::kernel::record::{Record, RecordId};
use crate::domain::records::cadre::{Role, RoleKind, WomenGroup};
use crate::domain::records::member::Member;
use crate::ui::i18n::{either, t};
use crate::ui::route::{Route, Section};
use crate::ui::shared::fields::{DateInput, Field, TextValue};
use crate::ui::shared::format::compare_vi;
use crate::ui::shared::format::date;
use crate::ui::shared::format::member_name;
use crate::ui::state::use_app;
use leptos::prelude::*;

fn row(record: &Record<Role>, book: &Book) -> Row {
    let r = &record.data;
    let until = r.end.map_or_else(|| t::until_now().to_owned(), date);
    Row {
        title: format!(
            "{} · {}",
            either(r.role.names()),
            member_name(book, &r.member)
        ),
        details: t::from_to(date(r.start), until),
        // Current roles first, then by start.
        sort: format!("{}{}", u8::from(r.end.is_none()), r.start.iso()),
    }
}

#[component]
pub fn CadresList() -> impl IntoView {
    view! {
        <RecordList section=Section::Cadres add=t::add_role() row
            empty=t::roles_empty()/>
        <Groups/>
    }
}

pub fn role_page(id: Option<RecordId>) -> AnyView {
    let state = use_app();
    let first = state
        .book
        .with_untracked(|b| b.members.live().next().map(|m| m.id.clone()));
    let Some(member) = first else {
        return view! {
            <div class="page-title">
                <a class="back" href=Route::Work(Section::Cadres).href() aria-label=t::back_to_list()>"‹"</a>
                <h1>{t::add_role()}</h1>
            </div>
            <section class="card">
                <p>{t::roles_need_members()}</p>
                <a class="button" href=Route::NewMember.href()>{t::add_member()}</a>
            </section>
        }
        .into_any();
    };
    let blank = Role {
        member,
        role: RoleKind::Leader,
        start: state.today(),
        end: None,
    };
    view! {
        <RecordPage section=Section::Cadres id new_title=t::add_role() blank
            title=|r: &Role| either(r.role.names()).to_owned() fields/>
    }
    .into_any()
}

fn fields(draft: RwSignal<Role>, changed: Callback<()>) -> AnyView {
    let state = use_app();
    let set = changer(draft, changed);
    let members = state.book.with_untracked(|b| {
        let mut all: Vec<Record<Member>> = b.members.live().cloned().collect();
        sort_by_name(&mut all, compare_vi);
        all
    });
    let other = move || {
        draft.with(|r| match &r.role {
            RoleKind::Other(text) => text.clone(),
            _ => String::new(),
        })
    };
    view! {
        <Field label=t::member() control_id="member">
            <select id="member" on:change=move |ev| {
                if let Some(id) = RecordId::parse(&event_target_value(&ev)) {
                    set(Box::new(move |r| r.member = id));
                }
            }>
                {members.into_iter().map(|m| {
                    let id = m.id.clone();
                    view! {
                        <option value=m.id.to_string() selected=move || draft.with(|r| r.member == id)>{m.data.full_name()}</option>
                    }
                }).collect_view()}
            </select>
        </Field>
        <Field label=t::role() control_id="role">
            <select id="role" on:change=move |ev| {
                let choice = event_target_value(&ev).parse::<usize>().ok();
                set(Box::new(move |r| r.role = match choice.and_then(|i| RoleKind::NAMED.get(i)) {
                    Some(kind) => kind.clone(),
                    None => RoleKind::Other(String::new()),
                }));
            }>
                {RoleKind::NAMED.into_iter().enumerate().map(|(i, kind)| {
                    let label = either(kind.names()).to_owned();
                    view! { <option value=i.to_string() selected=move || draft.with(|r| r.role == kind)>{label}</option> }
                }).collect_view()}
                <option value="other" selected=move || draft.with(|r| matches!(r.role, RoleKind::Other(_)))>{t::religion_other()}</option>
            </select>
        </Field>
        <Show when=move || draft.with(|r| matches!(r.role, RoleKind::Other(_)))>
            <Field label=t::role_name()>
                <TextValue value=Signal::derive(other)
                    set=Callback::new(move |v: String| set(Box::new(move |r| r.role = RoleKind::Other(tidy(&v)))))/>
            </Field>
        </Show>
        <div class="two">
            <Field label=t::from_date()>
                <DateInput value=Signal::derive(move || draft.with(|r| Some(r.start)))
                    set=Callback::new(move |d: Option<crate::domain::kernel::date::Date>| if let Some(d) = d { set(Box::new(move |r| r.start = d)) })/>
            </Field>
            <Field label=t::to_date_if_ended()>
                <DateInput value=Signal::derive(move || draft.with(|r| r.end))
                    set=Callback::new(move |d| set(Box::new(move |r| r.end = d)))/>
            </Field>
        </div>
    }
    .into_any()
}

/// The women's groups, with how many members each has; a new one by name.
#[component]
fn Groups() -> impl IntoView {
    let state = use_app();
    let name = RwSignal::new(String::new());
    let groups = move || {
        state.book.with(|b| {
            b.groups
                .live()
                .map(|g| {
                    let members = b
                        .members
                        .live()
                        .filter(|m| m.data.group.as_ref() == Some(&g.id))
                        .count();
                    (g.data.name.clone(), members)
                })
                .collect::<Vec<_>>()
        })
    };
    let add = move |_| {
        let group = WomenGroup {
            name: tidy(&name.get_untracked()),
        };
        if group.problems().is_empty() {
            state.save(None, group);
            name.set(String::new());
        }
    };
    view! {
        <section class="card">
            <h2>{t::women_group()}</h2>
            <p class="note">{t::women_groups_note()}</p>
            <ul class="plain">
                {move || groups().into_iter().map(|(name, n)| view! { <li>{t::group_members(&name, n)}</li> }).collect_view()}
            </ul>
            <div class="inline-add">
                <label class="visually-hidden" for="new-group">{t::new_group_name()}</label>
                <input id="new-group" type="text" placeholder=t::example_group() prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))/>
                <button type="button" class="button" on:click=add>{t::add_group()}</button>
            </div>
        </section>
    }
}
