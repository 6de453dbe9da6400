//! Meetings and other activities: the list, with a quiet word for the
//! chapter or a group that has not met for three months, and the form. A
//! meeting's form is its minutes: the group that met, the roll call, fees
//! collected, what was said and decided, time and place, chair and
//! secretary, and the next meeting; once saved, its minutes print.

use super::form::RecordPage;
use super::meeting_fees::FeesAtMeeting;
use super::roll_call::RollCallList;
use super::{changer, Change, RecordList, Row};
use crate::domain::book::collections::Book;
use crate::domain::book::meetings::{quiet, roll_call};
use crate::domain::book::register::groups_by_name;
use crate::domain::book::register::sort_by_name;
use crate::domain::figures::compute::cadres_on;
use crate::domain::kernel::date::Date;
use crate::domain::kernel::name::tidy;
use crate::domain::kernel::record::{Record, RecordId};
use crate::domain::records::activity::{Activity, ActivityKind};
use crate::domain::records::member::Member;
use crate::ui::i18n::{either, t};
use crate::ui::route::{Route, Section};
use crate::ui::shared::fields::{
    Choice, DateInput, Field, Lens, NumberInput, TextBlock, TextValue,
};
use crate::ui::shared::format::{compare_vi, date};
use crate::ui::shared::picker::MemberPicker;
use crate::ui::state::use_app;
use leptos::prelude::*;

fn group_name(book: &Book, group: &Option<RecordId>) -> Option<String> {
    let group = group.as_ref()?;
    book.groups.get(group).map(|g| g.data.name.clone())
}

fn row(record: &Record<Activity>, book: &Book) -> Row {
    let a = &record.data;
    let kind = either(a.kind.names());
    let title = match group_name(book, &a.group) {
        Some(group) => format!("{} · {kind} · {group}", date(a.on)),
        None => format!("{} · {kind}", date(a.on)),
    };
    let people = if a.has_roll_call() {
        let roll = roll_call(book, a);
        t::roll_row(roll.present, roll.expected)
    } else {
        t::people_count(a.attendance())
    };
    Row {
        title,
        details: match a.content.lines().next() {
            Some(first) if !first.is_empty() => format!("{first} · {people}"),
            _ => people,
        },
        sort: a.on.iso(),
    }
}

/// The chapter and groups that have not met for three months, said once
/// above the list.
#[component]
fn QuietNote() -> impl IntoView {
    let state = use_app();
    let lines = Memo::new(move |_| {
        state.book.with(|b| {
            quiet(b, state.today())
                .into_iter()
                .map(|q| match (group_name(b, &q.group), q.last) {
                    (None, Some(last)) => t::quiet_chapter(date(last)),
                    (None, None) => t::quiet_chapter_never().to_owned(),
                    (Some(group), Some(last)) => t::quiet_group(&group, date(last)),
                    (Some(group), None) => t::quiet_group_never(&group),
                })
                .collect::<Vec<String>>()
        })
    });
    view! {
        <Show when=move || lines.with(|l| !l.is_empty())>
            <div class="banner info quiet" role="status">
                {move || lines.get().into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
            </div>
        </Show>
    }
}

#[component]
pub fn ActivityList() -> impl IntoView {
    view! {
        <QuietNote/>
        <RecordList section=Section::Activities add=t::add_activity() row
            empty=t::activities_empty()/>
    }
}

pub fn activity_page(id: Option<RecordId>) -> AnyView {
    let blank = Activity::on_day(use_app().today(), ActivityKind::Regular);
    view! {
        <RecordPage section=Section::Activities id new_title=t::new_activity() blank
            title=|a: &Activity| format!("{} {}", either(a.kind.names()), date(a.on)) fields
            after=|id: RecordId| view! {
                <a class="button wide" href=Route::Minutes(id).href()>{t::minutes_open()}</a>
            }.into_any()/>
    }
    .into_any()
}

fn fields(draft: RwSignal<Activity>, changed: Callback<()>) -> AnyView {
    let set = changer(draft, changed);
    let is_meeting = move || draft.with(|a| a.kind.is_meeting());
    view! {
        <Field label=t::date()>
            <DateInput value=Signal::derive(move || draft.with(|a| Some(a.on)))
                set=Callback::new(move |d: Option<Date>| if let Some(d) = d { set(Box::new(move |a| a.on = d)) })/>
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
        <Show when=is_meeting fallback=move || other_fields(draft, set)>
            {meeting_fields(draft, set)}
        </Show>
    }
    .into_any()
}

/// A visit or a post: what it was and who took part.
fn other_fields(
    draft: RwSignal<Activity>,
    set: impl Fn(Change<Activity>) + Copy + Send + Sync + 'static,
) -> AnyView {
    view! {
        <Field label=t::content()>
            <TextValue value=Signal::derive(move || draft.with(|a| a.content.clone()))
                set=Callback::new(move |v: String| set(Box::new(move |a| a.content = tidy(&v))))
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

/// A text of the draft, in a box of a few lines.
fn text_block(
    draft: RwSignal<Activity>,
    set: impl Fn(Change<Activity>) + Copy + Send + Sync + 'static,
    label: &'static str,
    placeholder: &'static str,
    lens: Lens<Activity>,
) -> impl IntoView {
    view! {
        <Field label>
            <TextBlock value=Signal::derive(move || draft.with(|a| (lens.get)(a).clone()))
                set=Callback::new(move |v: String| set(Box::new(move |a| (lens.set)(a, v))))
                placeholder/>
        </Field>
    }
}

/// Who of the register chaired a meeting, or kept its minutes.
#[derive(Clone, Copy)]
enum Officer {
    Chair,
    Secretary,
}

impl Officer {
    fn of(self, a: &Activity) -> Option<&RecordId> {
        match self {
            Officer::Chair => a.chair.as_ref(),
            Officer::Secretary => a.secretary.as_ref(),
        }
    }

    fn put(self, a: &mut Activity, member: Option<RecordId>) {
        match self {
            Officer::Chair => a.chair = member,
            Officer::Secretary => a.secretary = member,
        }
    }
}

/// Most people present listed as possible chair or secretary: beyond, the
/// list would be too long to scroll, and the cadres are listed anyway.
const LISTED_PRESENT: usize = 60;

/// A member chosen as chair or secretary.
fn officer_choice(
    draft: RwSignal<Activity>,
    set: impl Fn(Change<Activity>) + Copy + Send + Sync + 'static,
    officer: Officer,
) -> impl IntoView {
    let state = use_app();
    let (label, id) = match officer {
        Officer::Chair => (t::chair(), "chair"),
        Officer::Secretary => (t::secretary(), "secretary"),
    };
    // The chapter's cadres on the day (who usually chair and write), those
    // present at a meeting small enough to list them, and the one chosen;
    // read again only when one of these changes.
    let key = Memo::new(move |_| {
        draft.with(|a| {
            let present = match a.attendees.len() <= LISTED_PRESENT {
                true => a.attendees.clone(),
                false => Vec::new(),
            };
            (a.on, officer.of(a).cloned(), present)
        })
    });
    let options = Memo::new(move |_| {
        let (on, chosen, present) = key.get();
        state.book.with(|b| {
            let mut people: Vec<&Record<Member>> = cadres_on(b, on)
                .iter()
                .chain(&present)
                .chain(chosen.iter())
                .filter_map(|id| b.members.get(id))
                .collect();
            sort_by_name(&mut people, compare_vi);
            people.dedup_by(|x, y| x.id == y.id);
            let mut options = vec![(String::new(), t::not_chosen().to_owned())];
            options.extend(
                people
                    .iter()
                    .map(|m| (m.id.to_string(), m.data.full_name())),
            );
            options
        })
    });
    view! {
        <Field label control_id=id>
            {move || view! {
                <Choice id=id options=options.get()
                    value=Signal::derive(move || draft.with(|a| officer.of(a).map(ToString::to_string).unwrap_or_default()))
                    set=Callback::new(move |v: String| set(Box::new(move |a| officer.put(a, RecordId::parse(&v)))))/>
            }}
        </Field>
    }
}

fn meeting_fields(
    draft: RwSignal<Activity>,
    set: impl Fn(Change<Activity>) + Copy + Send + Sync + 'static,
) -> AnyView {
    let state = use_app();
    let groups = state.book.with_untracked(|b| groups_by_name(b, compare_vi));
    // One tap a group, as the roll call that follows is: chips, not a list
    // that opens.
    let group_choice = (!groups.is_empty()).then(|| {
        let mut options = vec![(None, t::whole_chapter().to_owned())];
        options.extend(groups.into_iter().map(|(id, name)| (Some(id), name)));
        view! {
            <div class="field">
                <span class="field-label" id="meeting-of">{t::meeting_of()}</span>
                <div class="chips" role="group" aria-labelledby="meeting-of">
                    {options.into_iter().map(|(group, name)| {
                        let chosen = {
                            let group = group.clone();
                            move || draft.with(|a| a.group == group).to_string()
                        };
                        view! {
                            <button type="button" class="chip" aria-pressed=chosen
                                on:click=move |_| {
                                    let group = group.clone();
                                    set(Box::new(move |a| a.group = group));
                                }>{name}</button>
                        }
                    }).collect_view()}
                </div>
            </div>
        }
    });
    view! {
        {group_choice}
        <RollCallList draft set/>
        <Field label=t::other_people()>
            <NumberInput value=Signal::derive(move || draft.with(|a| a.head_count))
                set=Callback::new(move |n| set(Box::new(move |a| a.head_count = n)))/>
        </Field>
        <FeesAtMeeting draft/>
        {text_block(draft, set, t::content(), t::example_activity(),
            Lens { get: |a| &a.content, set: |a, v| a.content = v })}
        {text_block(draft, set, t::decisions(), t::decisions_example(),
            Lens { get: |a| &a.decisions, set: |a, v| a.decisions = v })}
        <Field label=t::meeting_time()>
            <TextValue value=Signal::derive(move || draft.with(|a| a.time.clone()))
                set=Callback::new(move |v: String| set(Box::new(move |a| a.time = tidy(&v))))
                placeholder="19:30"/>
        </Field>
        <Field label=t::meeting_place()>
            <TextValue value=Signal::derive(move || draft.with(|a| a.place.clone()))
                set=Callback::new(move |v: String| set(Box::new(move |a| a.place = tidy(&v))))
                placeholder=t::place_example()/>
        </Field>
        {officer_choice(draft, set, Officer::Chair)}
        {officer_choice(draft, set, Officer::Secretary)}
        <Field label=t::next_meeting()>
            <DateInput value=Signal::derive(move || draft.with(|a| a.next_on))
                set=Callback::new(move |d: Option<Date>| set(Box::new(move |a| a.next_on = d)))/>
        </Field>
    }
    .into_any()
}
