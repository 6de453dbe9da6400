//! A member's page: the form to add her, or her record, saved as soon as a
//! field is left, with her status history and deletion (which can be undone).

use crate::domain::kernel::date::Date;
use crate::domain::kernel::ethnicity::NAMES;
use crate::domain::kernel::record::{set_of, Record, RecordId};
use crate::domain::records::member::{Member, Religion, Status};
use crate::domain::records::member_draft::{MemberDraft, OTHER_RELIGION};
use crate::ui::i18n::t;
use crate::ui::route::{go, Route};
use crate::ui::shared::draft::{DraftNote, KeptDraft};
use crate::ui::shared::fields::{CheckBox, Choice, Field, Lens, TextInput, TextKind};
use crate::ui::shared::format::date;
use crate::ui::shared::messages::{first_problem, religion_label, status_label};
use crate::ui::state::use_app;
use leptos::prelude::*;

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
    on_cleanup(move || {
        if editing {
            commit.run(());
        }
    });

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
                <DraftNote kept start_over=Callback::new(move |()| draft.set(MemberDraft::default()))/>
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
                <BirthField draft today error=error("birth") on_change/>
                <Field label=t::phone() error=error("phone")>
                    <TextInput draft lens=lens(|d| &d.phone, |d, v| d.phone = v) kind=TextKind::Phone placeholder="0912 345 678" on_change invalid=invalid("phone")/>
                </Field>
                <Field label=t::address() error=error("address")>
                    <TextInput draft lens=lens(|d| &d.address, |d, v| d.address = v) list="addresses" placeholder=t::example_address() on_change/>
                </Field>
                <AddressList/>
                <Field label=t::joined_on() error=error("joined_on")>
                    <TextInput draft lens=lens(|d| &d.joined_on, |d, v| d.joined_on = v) kind=TextKind::Date max=today.iso() on_change invalid=invalid("joined_on")/>
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
                </fieldset>
                <GroupField draft on_change/>
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

/// Villages already typed, offered as suggestions.
#[component]
fn AddressList() -> impl IntoView {
    let state = use_app();
    let addresses = move || {
        state.book.with(|b| {
            set_of(
                b.members
                    .live()
                    .map(|m| m.data.address.clone())
                    .filter(|a| !a.is_empty()),
            )
        })
    };
    view! {
        <datalist id="addresses">
            {move || addresses().into_iter().map(|a| view! { <option value=a/> }).collect_view()}
        </datalist>
    }
}

#[component]
fn BirthField(
    draft: RwSignal<MemberDraft>,
    today: Date,
    error: Signal<Option<String>>,
    on_change: Callback<()>,
) -> impl IntoView {
    let year_only = move || draft.with(|d| d.birth_year_only);
    let invalid = Signal::derive(move || error.with(Option::is_some));
    view! {
        <div class="birth">
            <Show
                when=year_only
                fallback=move || view! {
                    <Field label=t::birth_date() error>
                        <TextInput draft lens=Lens { get: |d: &MemberDraft| &d.birth_day, set: |d, v| d.birth_day = v } kind=TextKind::Date max=today.iso() on_change invalid/>
                    </Field>
                }
            >
                <Field label=t::birth_year() error>
                    <TextInput draft lens=Lens { get: |d: &MemberDraft| &d.birth_year, set: |d, v| d.birth_year = v } kind=TextKind::Year placeholder="1985" on_change invalid/>
                </Field>
            </Show>
            <CheckBox draft label=t::birth_year_only() get=|d: &MemberDraft| d.birth_year_only set=|d: &mut MemberDraft, v| d.birth_year_only = v on_change/>
        </div>
    }
}

#[component]
fn ReligionField(
    draft: RwSignal<MemberDraft>,
    error: Signal<Option<String>>,
    on_change: Callback<()>,
) -> impl IntoView {
    let codes = Religion::NAMED
        .iter()
        .map(Religion::code)
        .chain(std::iter::once(OTHER_RELIGION));
    view! {
        <Field label=t::religion() control_id="religion">
            <select id="religion" on:change=move |ev| {
                draft.update(|d| d.religion = event_target_value(&ev));
                on_change.run(());
            }>
                {codes.map(|code| view! {
                    <option value=code selected=move || draft.with(|d| d.religion == code)>{religion_label(code)}</option>
                }).collect_view()}
            </select>
        </Field>
        <Show when=move || draft.with(|d| d.religion == OTHER_RELIGION)>
            <Field label=t::religion_name() error>
                <TextInput draft lens=Lens { get: |d: &MemberDraft| &d.religion_other, set: |d, v| d.religion_other = v } on_change invalid=Signal::derive(move || error.with(Option::is_some))/>
            </Field>
        </Show>
    }
}

/// The women's group she belongs to, if the chapter has groups.
#[component]
fn GroupField(draft: RwSignal<MemberDraft>, on_change: Callback<()>) -> impl IntoView {
    let state = use_app();
    let groups: Vec<(String, String)> = state.book.with_untracked(|b| {
        b.groups
            .live()
            .map(|g| (g.id.to_string(), g.data.name.clone()))
            .collect()
    });
    (!groups.is_empty()).then(|| {
        let options = std::iter::once((String::new(), t::no_group_yet().to_owned()))
            .chain(groups)
            .collect();
        view! {
            <Field label=t::women_group() control_id="group">
                <Choice id="group" options
                    value=Signal::derive(move || draft.with(|d| d.group.clone()))
                    set=Callback::new(move |v| {
                        draft.update(|d| d.group = v);
                        on_change.run(());
                    })/>
            </Field>
        }
    })
}

#[component]
fn StatusField(
    draft: RwSignal<MemberDraft>,
    today: Date,
    error: Signal<Option<String>>,
    on_change: Callback<()>,
) -> impl IntoView {
    // An active member with no history is active since joining: no separate date.
    let show_date = move || draft.with(|d| d.status != Status::Active || !d.status_on.is_empty());
    view! {
        <div class="status-row">
            <Field label=t::status() control_id="status">
                <select id="status" on:change=move |ev| {
                    let index: usize = event_target_value(&ev).parse().unwrap_or(0);
                    let status = Status::ALL.get(index).copied().unwrap_or(Status::Active);
                    draft.update(|d| {
                        d.status = status;
                        if status != Status::Active && d.status_on.is_empty() {
                            d.status_on = today.iso();
                        }
                    });
                    on_change.run(());
                }>
                    {Status::ALL.iter().enumerate().map(|(i, status)| {
                        let status = *status;
                        view! {
                            <option value=i.to_string() selected=move || draft.with(|d| d.status == status)>{status_label(status)}</option>
                        }
                    }).collect_view()}
                </select>
            </Field>
            <Show when=show_date>
                <Field label=t::from_date() error>
                    <TextInput draft lens=Lens { get: |d: &MemberDraft| &d.status_on, set: |d, v| d.status_on = v } kind=TextKind::Date max=today.iso() on_change invalid=Signal::derive(move || error.with(Option::is_some))/>
                </Field>
            </Show>
        </div>
    }
}

/// The member's status changes, each removable if it was a mistake; the day
/// she came from another chapter and what she did in the ones before.
#[component]
fn History(current: Signal<Option<Record<Member>>>, draft: RwSignal<MemberDraft>) -> impl IntoView {
    let state = use_app();
    let changes = move || {
        current
            .get()
            .map(|r| r.data.status_history.clone())
            .unwrap_or_default()
    };
    let remove = move |index: usize| {
        let Some(record) = current.get_untracked() else {
            return;
        };
        let mut member = record.data.clone();
        member.remove_status_change(index);
        draft.set(MemberDraft::from_member(&member));
        state.save(Some(&record.id), member);
    };
    view! {
        <Show when=move || !changes().is_empty()>
            <section class="history">
                <h2>{t::status_history()}</h2>
                <ul>
                    {move || changes().into_iter().enumerate().map(|(i, change)| view! {
                        <li>
                            <span>{match change.place.as_str() {
                                "" => t::status_since(status_label(change.status), date(change.on)),
                                place => t::moved_place(status_label(change.status), date(change.on), place),
                            }}</span>
                            <button type="button" class="link" on:click=move |_| remove(i)
                                aria-label=t::remove_status_line(status_label(change.status), date(change.on))>
                                {t::remove()}
                            </button>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

/// Deleting, after a confirmation that says it can be undone.
#[component]
fn DeleteMember(id: StoredValue<Option<RecordId>>, name: Signal<String>) -> impl IntoView {
    let state = use_app();
    let asking = RwSignal::new(false);
    let delete = move |_| {
        if let Some(id) = id.get_value() {
            state.set_deleted::<Member>(&id, true);
            state.tell(t::member_deleted(name.get_untracked()));
            go(&Route::Register);
        }
    };
    view! {
        <section class="danger-zone">
            <Show
                when=move || asking.get()
                fallback=move || view! {
                    <button type="button" class="button danger-outline" on:click=move |_| asking.set(true)>{t::delete_from_register()}</button>
                    <p class="field-hint">{t::delete_hint()}</p>
                }
            >
                <p>{move || t::delete_member_question(name.get())}</p>
                <div class="actions">
                    <button type="button" class="button danger" on:click=delete>{t::delete()}</button>
                    <button type="button" class="button" on:click=move |_| asking.set(false)>{t::cancel_no()}</button>
                </div>
            </Show>
        </section>
    }
}
