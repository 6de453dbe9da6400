//! A member's move to another chapter (chuyển sinh hoạt): the day and the
//! place she goes to, recorded in one change of the book; then the transfer
//! file for the chapter she goes to, sent as it is or locked with a
//! passphrase (it holds her personal data).

use crate::domain::exchange::transfer::{time_here, write_transfer, Move};
use crate::domain::file::envelope::{FileKind, OutFile};
use crate::domain::kernel::problem::{FieldProblem, Problem};
use crate::domain::kernel::record::RecordId;
use crate::domain::records::member::Earlier;
use crate::domain::records::member::{Member, Status};
use crate::domain::records::training::Topic;
use crate::ui::i18n::{either, t};
use crate::ui::route::Route;
use crate::ui::shared::fields::{day_first, read_date, Field};
use crate::ui::shared::format::{birth, date};
use crate::ui::shared::locked::LockedFile;
use crate::ui::shared::messages::{first_problem, status_label};
use crate::ui::shared::sending::send_file;
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;

#[component]
pub fn TransferPage(id: RecordId) -> impl IntoView {
    let state = use_app();
    let id = StoredValue::new(id);
    let member = Memo::new(move |_| {
        state.book.with(|b| {
            b.members
                .get(&id.get_value())
                .filter(|r| !r.deleted)
                .map(|r| r.data.clone())
        })
    });
    let back = move || Route::Member(id.get_value()).href();
    view! {
        <div class="page-title">
            <a class="back" href=back aria-label=t::back_to_member()>"‹"</a>
            <h1>{t::transfer_title()}</h1>
        </div>
        {move || match member.get() {
            None => view! { <p>{t::member_not_found_text()}</p> }.into_any(),
            Some(her) => view! { <Transfer id=id.get_value() her/> }.into_any(),
        }}
    }
}

/// What she did before this chapter, a line each: where she came from, her
/// roles, her training sessions by topic.
fn earlier_lines(earlier: &Earlier) -> Vec<String> {
    let mut lines = vec![t::earlier_chapter(&earlier.chapter, date(earlier.until))];
    lines.extend(earlier.roles.iter().cloned());
    if earlier.sessions > 0 {
        let topics: Vec<String> = earlier
            .topics
            .iter()
            .map(|key| either(Topic::from_key(key).names()).to_owned())
            .collect();
        lines.push(format!(
            "{} ({})",
            t::earlier_sessions(earlier.sessions),
            topics.join(", ")
        ));
    }
    lines
}

/// Her name and what tells her apart, then the move's form or, once she is
/// moved, what was recorded and the file to send.
#[component]
fn Transfer(id: RecordId, her: Member) -> impl IntoView {
    let name = her.full_name();
    let facts: Vec<String> = [
        her.birth.map(|b| t::born_in(birth(b))),
        (!her.address.is_empty()).then(|| her.address.clone()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let editing = RwSignal::new(false);
    let title = name.clone();
    let body = match (her.status().0, her.recorded_move()) {
        (Status::Active, _) => {
            view! { <MoveForm id name=name.clone() initial=None editing/> }.into_any()
        }
        (Status::Moved, Some(moved)) => {
            let again = moved.clone();
            let (id_again, name_again) = (id.clone(), name.clone());
            view! {
                <Show when=move || !editing.get() fallback=move || view! {
                    <MoveForm id=id_again.clone() name=name_again.clone() initial=Some(again.clone()) editing/>
                }>
                    <Moved id=id.clone() name=name.clone() moved=moved.clone() editing/>
                </Show>
            }
            .into_any()
        }
        (other, _) => view! {
            <p class="banner warn">{t::transfer_not_active(status_label(other))}</p>
        }
        .into_any(),
    };
    let before = her.earlier.as_ref().map(|earlier| view! {
        <section class="history">
            <h2>{t::earlier_title()}</h2>
            <ul>{earlier_lines(earlier).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
        </section>
    });
    view! {
        <p><strong>{title}</strong>{facts.iter().map(|f| format!(" · {f}")).collect::<String>()}</p>
        {before}
        {body}
    }
}

/// The day she moves and where to; `initial` when correcting a recorded move.
#[component]
fn MoveForm(
    id: RecordId,
    name: String,
    initial: Option<Move>,
    editing: RwSignal<bool>,
) -> impl IntoView {
    let state = use_app();
    let on = RwSignal::new(initial.as_ref().map_or(state.today(), |m| m.on).vn());
    let to = RwSignal::new(initial.map(|m| m.to).unwrap_or_default());
    let problems = RwSignal::new(Vec::<FieldProblem>::new());
    let error = move |field: &'static str| {
        Signal::derive(move || problems.with(|all| first_problem(all, field)))
    };
    let carried = state.device.with_untracked(|d| {
        state.book.with_untracked(|b| {
            let home = d.home.as_ref()?;
            let her = b.members.get(&id)?;
            Some(time_here(b, home, her, state.today()))
        })
    });
    let (roles, sessions) = carried.map_or((0, 0), |c| (c.roles.len(), c.sessions));
    let id = StoredValue::new(id);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = on.get_untracked();
        let Some(day) = read_date(&typed) else {
            problems.set(vec![FieldProblem::new("on", Problem::Invalid(typed))]);
            return;
        };
        let change = Move {
            on: day,
            to: to.get_untracked(),
        };
        match state.move_member(&id.get_value(), &change) {
            Ok(()) => {
                problems.set(Vec::new());
                editing.set(false);
                state.tell(t::move_recorded(&name));
                // What was recorded and the file to send are at the top.
                window().scroll_to_with_x_and_y(0.0, 0.0);
            }
            Err(found) => problems.set(found),
        }
    };
    view! {
        <form class="card" on:submit=submit>
            <Field label=t::move_on() error=error("on") hint=t::move_on_hint()>
                <input type="text" inputmode="numeric" autocomplete="off" maxlength="10" placeholder=t::date_placeholder()
                    prop:value=move || on.get()
                    on:input=move |ev| {
                        day_first(&ev);
                        on.set(event_target_value(&ev));
                    }/>
            </Field>
            <Field label=t::move_to() error=error("to") hint=t::move_to_hint()>
                <input type="text" autocomplete="off" prop:value=move || to.get()
                    on:input=move |ev| to.set(event_target_value(&ev))/>
            </Field>
            <p>{t::transfer_carries(roles, sessions)}</p>
            <p class="field-hint">{t::transfer_stays()}</p>
            <button type="submit" class="button primary">{t::record_move()}</button>
        </form>
    }
}

/// The transfer file of the member `id`, moved; said when it cannot be made.
fn transfer_file(state: AppState, id: &RecordId) -> Option<OutFile> {
    let file = state.device.with_untracked(|d| {
        state
            .book
            .with_untracked(|b| write_transfer(b, d, id, state.now_ms(), state.today()))
    });
    if file.is_none() {
        state.tell(t::transfer_no_file());
    }
    file
}

fn send_transfer(state: AppState, file: OutFile) {
    send_file(
        state,
        file,
        t::transfer_saved_hint(),
        t::transfer_not_sent(),
        || {},
    );
}

/// What was recorded, and the file for the chapter she goes to.
#[component]
fn Moved(id: RecordId, name: String, moved: Move, editing: RwSignal<bool>) -> impl IntoView {
    let state = use_app();
    let id = StoredValue::new(id);
    let make = Callback::new(move |()| transfer_file(state, &id.get_value()));
    let send = Callback::new(move |file| send_transfer(state, file));
    view! {
        <div class="banner" role="status">
            <p>{t::moved_to(&name, date(moved.on), &moved.to)}</p>
            <button type="button" class="button" on:click=move |_| editing.set(true)>{t::correct_move()}</button>
        </div>
        <section class="card">
            <h2>{t::transfer_send_title()}</h2>
            <p>{t::transfer_send_text()}</p>
            <button type="button" class="button primary" on:click=move |_| {
                if let Some(file) = make.run(()) {
                    send.run(file);
                }
            }>{t::transfer_send()}</button>
        </section>
        <LockedFile kind=FileKind::Transfer title=t::transfer_locked_title() text=t::transfer_locked_text()
            button=t::transfer_locked_send() make send/>
    }
}
