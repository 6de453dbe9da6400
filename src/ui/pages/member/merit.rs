//! Her part in the members' campaign, this year and the last (whose review
//! is written at the start of the next), and the recognitions she was
//! given. Each tap is saved at once, as her status history is.

use crate::domain::kernel::date::Date;
use crate::domain::kernel::record::Record;
use crate::domain::records::member::Member;
use crate::domain::records::merit::{
    set_met, set_pledged, Honour, Pledge, Quality, RecognitionDraft, CAMPAIGN_NAME,
};
use crate::ui::i18n::{either, t};
use crate::ui::shared::fields::{Field, Lens, TextInput, TextKind};
use crate::ui::shared::format::date;
use crate::ui::shared::messages::first_problem;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Saves her record changed by `edit`.
fn edit_member(current: Signal<Option<Record<Member>>>, edit: impl FnOnce(&mut Member)) {
    let Some(record) = current.get_untracked().filter(|r| !r.deleted) else {
        return;
    };
    let mut member = record.data;
    edit(&mut member);
    use_app().save(Some(&record.id), member);
}

fn honour_label(kind: Honour) -> &'static str {
    match kind {
        Honour::Exemplary => t::exemplary(),
        Honour::Commended => t::commended(),
    }
}

/// What a year of the campaign came to, in words.
fn pledge_result(pledge: Option<&Pledge>) -> String {
    match pledge {
        None => t::not_pledged().to_owned(),
        Some(p) if p.achieved() => t::pledge_achieved().to_owned(),
        Some(p) if !p.reviewed => t::pledge_not_reviewed().to_owned(),
        Some(p) => t::pledge_met_of(p.met_count()),
    }
}

/// The campaign, one row a year: registered, and the four criteria as chips.
#[component]
pub(super) fn CampaignYears(current: Signal<Option<Record<Member>>>, today: Date) -> impl IntoView {
    let pledges = move || current.get().map(|r| r.data.pledges).unwrap_or_default();
    let year_row = move |year: u16| {
        let pledge = move || pledges().into_iter().find(|p| p.year == year);
        let registered = move || pledge().is_some();
        let label_id = format!("pledge-{year}");
        view! {
            <div class="pledge-year">
                <label class="check">
                    <input type="checkbox" prop:checked=registered on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        edit_member(current, |m| set_pledged(&mut m.pledges, year, on));
                    }/>
                    <span>{t::pledged_in(year)}</span>
                </label>
                <span class="field-label" id=label_id.clone()>{t::criteria_met_in(year)}</span>
                <div class="chips" role="group" aria-labelledby=label_id>
                    {Quality::ALL.into_iter().map(|quality| {
                        let met = move || pledge().is_some_and(|p| p.met(quality));
                        view! {
                            <button type="button" class="chip" aria-pressed=move || met().to_string()
                                on:click=move |_| {
                                    let now = !met();
                                    edit_member(current, |m| set_met(&mut m.pledges, year, quality, now));
                                }>{either(quality.names())}</button>
                        }
                    }).collect_view()}
                </div>
                <p class="field-hint">{move || pledge_result(pledge().as_ref())}</p>
            </div>
        }
    };
    let this_year = today.year();
    let older = move || {
        pledges()
            .into_iter()
            .filter(|p| p.year + 1 < this_year)
            .rev()
            .map(|p| view! { <li>{t::pledge_year_line(p.year, pledge_result(Some(&p)))}</li> })
            .collect_view()
    };
    view! {
        <section class="history">
            <h2>{t::members_campaign_of(CAMPAIGN_NAME)}</h2>
            {year_row(this_year)}
            {year_row(this_year - 1)}
            <ul>{older}</ul>
        </section>
    }
}

/// Her recognitions, newest first, each removable; a short form adds one.
#[component]
pub(super) fn Recognitions(current: Signal<Option<Record<Member>>>, today: Date) -> impl IntoView {
    let given = move || {
        current
            .get()
            .map(|r| r.data.recognitions)
            .unwrap_or_default()
    };
    let adding = RwSignal::new(false);
    let draft = RwSignal::new(RecognitionDraft::new(today));
    let problems = RwSignal::new(Vec::new());
    let error = move |field: &'static str| {
        Signal::derive(move || problems.with(|p| first_problem(p, field)))
    };
    let add = move |_| match draft.with_untracked(|d| d.build(today)) {
        Ok(recognition) => {
            edit_member(current, |m| {
                let at = m.recognitions.partition_point(|r| r.on <= recognition.on);
                m.recognitions.insert(at, recognition);
            });
            draft.set(RecognitionDraft::new(today));
            problems.set(Vec::new());
            adding.set(false);
        }
        Err(found) => problems.set(found),
    };
    let nothing = Callback::new(|()| {});
    view! {
        <section class="history">
            <h2>{t::recognitions()}</h2>
            <ul>
                {move || given().into_iter().enumerate().rev().map(|(i, r)| {
                    let what = honour_label(r.kind);
                    let line = [what.to_owned(), date(r.on), r.by.clone(), r.reason.clone()]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · ");
                    view! {
                        <li>
                            <span>{line}</span>
                            <button type="button" class="link" aria-label=t::remove_recognition(what, date(r.on))
                                on:click=move |_| edit_member(current, |m| {
                                    if i < m.recognitions.len() {
                                        m.recognitions.remove(i);
                                    }
                                })>{t::remove()}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Show
                when=move || adding.get()
                fallback=move || view! {
                    <button type="button" class="button" on:click=move |_| adding.set(true)>{t::add_recognition()}</button>
                }
            >
                <div class="chips" role="group" aria-label=t::kind()>
                    {Honour::ALL.into_iter().map(|kind| view! {
                        <button type="button" class="chip"
                            aria-pressed=move || draft.with(|d| d.kind == kind).to_string()
                            on:click=move |_| draft.update(|d| d.kind = kind)>{honour_label(kind)}</button>
                    }).collect_view()}
                </div>
                <Field label=t::date() error=error("on")>
                    <TextInput draft lens=Lens { get: |d: &RecognitionDraft| &d.on, set: |d, v| d.on = v } kind=TextKind::Date on_change=nothing
                        invalid=Signal::derive(move || error("on").with(Option::is_some))/>
                </Field>
                <Field label=t::given_by() error=error("by")>
                    <TextInput draft lens=Lens { get: |d: &RecognitionDraft| &d.by, set: |d, v| d.by = v } placeholder=t::example_given_by() on_change=nothing/>
                </Field>
                <Field label=t::recognised_for() error=error("reason")>
                    <TextInput draft lens=Lens { get: |d: &RecognitionDraft| &d.reason, set: |d, v| d.reason = v } placeholder=t::example_recognised_for() on_change=nothing/>
                </Field>
                <div class="actions">
                    <button type="button" class="button primary" on:click=add>{t::save()}</button>
                    <button type="button" class="button" on:click=move |_| adding.set(false)>{t::cancel_no()}</button>
                </div>
            </Show>
        </section>
    }
}
