//! A member's page: the form to add her, or her record, saved as soon as a
//! field is left, with her status history and deletion (which can be undone).

use crate::domain::kernel::ethnicity::NAMES;
use crate::domain::kernel::record::{Record, RecordId};
use crate::domain::records::member::{phone_grouped, Member};
use crate::domain::records::member_draft::MemberDraft;
use crate::ui::i18n::t;
use crate::ui::route::{go, Route};
use crate::ui::shared::draft::{DraftNote, KeptDraft};
use crate::ui::shared::fields::{CheckBox, Field, Lens, TextInput, TextKind};
use crate::ui::shared::messages::first_problem;
use crate::ui::state::use_app;
use leptos::prelude::*;

mod fields;
mod history;
mod merit;

use fields::{AddressList, BirthField, GroupField, ReligionField, StatusField};
use history::{DeleteMember, History};
use merit::{CampaignYears, Recognitions};

/// The page for a new member (`id` is `None`) or an existing one.
#[component]
pub fn MemberPage(id: Option<RecordId>) -> impl IntoView {
    let state = use_app();
    let existing = id
        .as_ref()
        .and_then(|id| state.book.with_untracked(|b| b.members.get(id).cloned()));
    match (id, existing) {
        (Some(_), None) => view! {
            <section class="card">
                <h1>{t::member_not_found()}</h1>
                <p>{t::member_not_found_text()}</p>
                <a class="button" href=Route::Register.href()>{t::back_to_members()}</a>
            </section>
        }
        .into_any(),
        (_, existing) => view! { <MemberForm existing/> }.into_any(),
    }
}

#[component]
fn MemberForm(existing: Option<Record<Member>>) -> impl IntoView {
    let state = use_app();
    let today = state.today();
    let id = existing.as_ref().map(|r| r.id.clone());
    let editing = id.is_some();
    let draft = RwSignal::new(
        existing
            .as_ref()
            .map_or_else(MemberDraft::default, |r| MemberDraft::from_member(&r.data)),
    );
    let kept = (!editing).then(|| {
        KeptDraft::new(
            state,
            Route::NewMember.hash(),
            draft,
            MemberDraft::default(),
            |d| d.full_name.clone(),
        )
    });
    let stored_id = StoredValue::new(id.clone());
    // The record as it is now in the book (reactive), for edits.
    let current = move || {
        stored_id.with_value(|id| {
            id.as_ref()
                .and_then(|id| state.book.with(|b| b.members.get(id).cloned()))
        })
    };
    let problems = Memo::new(move |_| {
        let previous = current().map(|r| r.data);
        draft.with(|d| d.build(previous.as_ref(), today).err().unwrap_or_default())
    });
    let show_errors = RwSignal::new(editing);
    let error = move |field: &'static str| {
        Signal::derive(move || {
            show_errors
                .get()
                .then(|| problems.with(|p| first_problem(p, field)))
                .flatten()
        })
    };
    let invalid =
        move |field: &'static str| Signal::derive(move || error(field).with(Option::is_some));
    let saved = RwSignal::new(false);

    // The member as the form last took her from the book. When another tab
    // saves her while the form is open, the form takes that in, keeping
    // what was typed here.
    let base = StoredValue::new(draft.get_untracked());
    let rebase = move |record: &Record<Member>| {
        let theirs = MemberDraft::from_member(&record.data);
        if base.with_value(|b| *b != theirs) {
            let rebased = draft.with_untracked(|d| base.with_value(|b| d.rebased(b, &theirs)));
            base.set_value(theirs);
            draft.set(rebased);
        }
    };
    Effect::new(move |_| {
        if let Some(record) = current() {
            rebase(&record);
        }
    });

    // Editing: every field left saves the member if the form is valid, after
    // taking in what another tab may have saved a moment ago.
    let commit = Callback::new(move |()| {
        state.absorb_news();
        let Some(record) = current().filter(|r| !r.deleted) else {
            return;
        };
        rebase(&record);
        let built = draft.with_untracked(|d| d.build(Some(&record.data), today));
        if let Ok(member) = built {
            if member != record.data {
                state.save(Some(&record.id), member);
                saved.set(true);
            }
        }
    });
    let on_change = if editing {
        commit
    } else {
        Callback::new(|()| {})
    };
    // A mobile number reads in groups once she leaves its field, as it is kept.
    let phone_left = Callback::new(move |()| {
        draft.update(|d| d.phone = phone_grouped(&d.phone));
        on_change.try_run(());
    });
    // A field typed in and not left when she goes elsewhere (a tab tapped,
    // the phone's back) is saved before the next page opens, while this one
    // is whole.
    if editing {
        state.before_leaving(commit);
    }

    let add = move |next: bool| match draft.with_untracked(|d| d.build(None, today)) {
        Ok(member) => {
            let name = member.full_name();
            state.save(None, member);
            if let Some(kept) = kept {
                kept.clear();
            }
            state.tell(t::member_added(&name));
            if next {
                draft.set(MemberDraft::default());
                show_errors.set(false);
                focus_first("input");
            } else {
                go(&Route::Register);
            }
        }
        Err(_) => {
            show_errors.set(true);
            request_animation_frame(|| focus_first("[aria-invalid=true]"));
        }
    };

    let title = move || {
        draft.with(|d| {
            let name = d.full_name.trim().to_owned();
            match (editing, name.is_empty()) {
                (false, _) => t::add_member().to_owned(),
                (true, true) => t::member().to_owned(),
                (true, false) => name,
            }
        })
    };
    let deleted = move || current().is_some_and(|r| r.deleted);
    let lens =
        |get: fn(&MemberDraft) -> &String, set: fn(&mut MemberDraft, String)| Lens { get, set };

    view! {
        <form class="member-form" on:submit=move |ev| {
            ev.prevent_default();
            if !editing {
                add(false);
            }
        }>
            <div class="page-title">
                <a class="back" href=Route::Register.href() aria-label=t::back_to_list()>"‹"</a>
                <h1>{title}</h1>
            </div>
            {kept.map(|kept| view! {
                <DraftNote kept/>
            })}
            <Show when=deleted>
                <div class="banner warn" role="status">
                    <p>{t::member_deleted_banner()}</p>
                    <button type="button" class="button" on:click=move |_| {
                        if let Some(id) = stored_id.get_value() {
                            state.set_deleted::<Member>(&id, false);
                            state.tell(t::member_restored());
                        }
                    }>{t::restore()}</button>
                </div>
            </Show>
            <fieldset class="form-body" disabled=deleted>
                <Field label=t::full_name() error=error("given_name") hint=t::full_name_hint()>
                    <input
                        type="text"
                        autocomplete="off"
                        autofocus=!editing
                        placeholder=t::example_name()
                        aria-invalid=move || invalid("given_name").get().then_some("true")
                        prop:value=move || draft.with(|d| d.full_name.clone())
                        on:input=move |ev| draft.update(|d| d.set_full_name(&event_target_value(&ev)))
                        on:change=move |_| on_change.run(())
                    />
                </Field>
                <div class="name-parts">
                    <Field label=t::family_name() error=error("family_name")>
                        <TextInput draft lens=lens(|d| &d.family, |d, v| { d.family = v; d.refresh_full_name() }) on_change/>
                    </Field>
                    <Field label=t::middle_name() error=error("middle_name")>
                        <TextInput draft lens=lens(|d| &d.middle, |d, v| { d.middle = v; d.refresh_full_name() }) on_change/>
                    </Field>
                    <Field label=t::given_name()>
                        <TextInput draft lens=lens(|d| &d.given, |d, v| { d.given = v; d.refresh_full_name() }) on_change invalid=invalid("given_name")/>
                    </Field>
                </div>
                <BirthField draft error=error("birth") on_change/>
                <Field label=t::phone() error=error("phone")>
                    <TextInput draft lens=lens(|d| &d.phone, |d, v| d.phone = v) kind=TextKind::Phone placeholder="0912 345 678" on_change=phone_left invalid=invalid("phone")/>
                </Field>
                <Field label=t::address() error=error("address")>
                    <TextInput draft lens=lens(|d| &d.address, |d, v| d.address = v) list="addresses" placeholder=t::example_address() on_change/>
                </Field>
                <AddressList/>
                <Field label=t::joined_on() error=error("joined_on")>
                    <TextInput draft lens=lens(|d| &d.joined_on, |d, v| d.joined_on = v) kind=TextKind::Date on_change invalid=invalid("joined_on")/>
                </Field>
                <Field label=t::ethnicity() error=error("ethnicity") control_id="ethnicity">
                    <select id="ethnicity" on:change=move |ev| {
                        let code = event_target_value(&ev).parse().unwrap_or(1);
                        draft.update(|d| d.ethnicity = code);
                        on_change.run(());
                    }>
                        {NAMES.iter().enumerate().map(|(i, name)| {
                            let code = i as u8 + 1;
                            view! {
                                <option value=code.to_string() selected=move || draft.with(|d| d.ethnicity == code)>{*name}</option>
                            }
                        }).collect_view()}
                    </select>
                </Field>
                <ReligionField draft error=error("religion") on_change/>
                <fieldset class="checks">
                    <legend>{t::groups()}</legend>
                    <CheckBox draft label=t::worker() get=|d: &MemberDraft| d.worker set=|d: &mut MemberDraft, v| d.worker = v on_change/>
                    <CheckBox draft label=t::rented_room() get=|d: &MemberDraft| d.rented_room set=|d: &mut MemberDraft, v| d.rented_room = v on_change/>
                    <CheckBox draft label=t::honorary_member() get=|d: &MemberDraft| d.honorary set=|d: &mut MemberDraft, v| d.honorary = v on_change/>
                    <CheckBox draft label=t::core_member() get=|d: &MemberDraft| d.core set=|d: &mut MemberDraft, v| d.core = v on_change/>
                </fieldset>
                <GroupField draft on_change/>
                <div class="name-parts card-fields">
                    <Field label=t::card_number() error=error("card")>
                        <TextInput draft lens=lens(|d| &d.card, |d, v| d.card = v) kind=TextKind::Digits on_change invalid=invalid("card")/>
                    </Field>
                    <Field label=t::card_on() error=error("card_on")>
                        <TextInput draft lens=lens(|d| &d.card_on, |d, v| d.card_on = v) kind=TextKind::Date on_change invalid=invalid("card_on")/>
                    </Field>
                </div>
                <StatusField draft today error=error("status_on") on_change/>
            </fieldset>
            {if editing {
                view! {
                    <p class="save-state" role="status">
                        {move || match (show_errors.get() && !problems.with(Vec::is_empty), saved.get()) {
                            (true, _) => t::not_saved_fix(),
                            (false, true) => t::saved_on_device(),
                            (false, false) => t::saved_on_leave(),
                        }}
                    </p>
                    <History current=Signal::derive(current) draft/>
                    <Show when=move || !deleted()>
                        <CampaignYears current=Signal::derive(current) today/>
                        <Recognitions current=Signal::derive(current) today/>
                    </Show>
                    <Show when=move || !deleted()>
                        // Her moves, and her time in the chapters before this one.
                        {stored_id.get_value().map(|id| view! {
                            <a class="button" href=Route::Transfer(id).href()>
                                {if current().is_some_and(|r| r.data.earlier.is_some()) { t::transfer_history_link() } else { t::transfer_link() }}
                            </a>
                        })}
                        <DeleteMember id=stored_id name=Signal::derive(title)/>
                    </Show>
                }
                .into_any()
            } else {
                view! {
                    <div class="actions">
                        <button type="submit" class="button primary">{t::add_to_register()}</button>
                        <button type="button" class="button" on:click=move |_| add(true)>{t::add_and_next()}</button>
                    </div>
                }
                .into_any()
            }}
        </form>
    }
}

/// Moves focus (and the screen) to the form's first control matching `selector`:
/// the first field to fix, or the first field for the next member.
fn focus_first(selector: &str) {
    use wasm_bindgen::JsCast;
    let first = document()
        .query_selector(&format!(".member-form {selector}"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(input) = first {
        let _ = input.focus();
    }
}
