//! Membership fees of a year: its amount, and who has paid, ticked off
//! member by member.

use crate::domain::book::register::sort_by_name;
use crate::domain::kernel::date::Date;
use crate::domain::kernel::record::{Record, RecordId};
use crate::domain::records::fee::{FeePayment, FeeRate};
use crate::domain::records::member::Member;
use crate::ui::i18n::t;
use crate::ui::shared::fields::{Field, NumberInput};
use crate::ui::shared::format::compare_vi;
use crate::ui::shared::format::{count, date};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The year chosen on a page, among this one and the two before.
#[component]
pub fn YearChoice(year: RwSignal<u16>) -> impl IntoView {
    let this_year = use_app().today().year();
    view! {
        <Field label=t::year() control_id="year">
            <select id="year" on:change=move |ev| year.set(event_target_value(&ev).parse().unwrap_or(this_year))>
                {(0..3).map(|back| {
                    let y = this_year - back;
                    view! { <option value=y.to_string() selected=move || year.get() == y>{y.to_string()}</option> }
                }).collect_view()}
            </select>
        </Field>
    }
}

/// The fee set for `year`, in đồng; 0 while none is set.
pub fn fee_rate(year: u16) -> u32 {
    let id = FeeRate::id(year);
    use_app().book.with(|b| {
        b.fee_rates
            .get(&id)
            .filter(|r| !r.deleted)
            .map_or(0, |r| r.data.amount)
    })
}

/// The fee `member` paid for `year`, if she has.
pub fn payment(member: &RecordId, year: u16) -> Option<FeePayment> {
    let id = FeePayment::id(member, year)?;
    use_app().book.with(|b| {
        b.fees
            .get(&id)
            .filter(|p| !p.deleted)
            .map(|p| p.data.clone())
    })
}

/// Ticks `member` off as having paid the year's fee on `paid_on` (the
/// year's amount), or marks the year unpaid again.
pub fn set_paid(member: &RecordId, year: u16, paid_on: Date, paid: bool) {
    let state = use_app();
    let Some(id) = FeePayment::id(member, year) else {
        return;
    };
    if paid {
        let payment = FeePayment {
            member: member.clone(),
            year,
            paid_on,
            amount: fee_rate(year),
        };
        state.save(Some(&id), payment);
    } else {
        state.set_deleted::<FeePayment>(&id, true);
    }
}

#[component]
pub fn FeesPage() -> impl IntoView {
    let state = use_app();
    let year = RwSignal::new(state.today().year());
    let rate = move || fee_rate(year.get());
    let members = Memo::new(move |_| {
        let mut active: Vec<Record<Member>> = state.book.with(|b| {
            // As the fee figure counts them: active members, honorary ones apart.
            b.members
                .live()
                .filter(|m| !m.data.honorary && m.data.active_on(state.today()))
                .cloned()
                .collect()
        });
        sort_by_name(&mut active, compare_vi);
        active
    });
    let paid = move |member: &Record<Member>| payment(&member.id, year.get());
    let summary = move || {
        let payments: Vec<FeePayment> = members.with(|ms| ms.iter().filter_map(paid).collect());
        let total: u64 = payments.iter().map(|p| u64::from(p.amount)).sum();
        t::fees_summary(
            payments.len(),
            members.with(Vec::len),
            year.get(),
            count(total),
        )
    };
    let tick = move |member: Record<Member>, on: bool| {
        set_paid(&member.id, year.get_untracked(), state.today(), on);
    };
    view! {
        <section class="card">
            <YearChoice year/>
            <Field label=t::fee_rate()>
                <NumberInput value=Signal::derive(rate)
                    set=Callback::new(move |amount| {
                        let y = year.get_untracked();
                        state.save(Some(&FeeRate::id(y)), FeeRate { year: y, amount });
                    })/>
            </Field>
            <p role="status">{summary}</p>
        </section>
        <ul class="member-list fees">
            <For each=move || members.get() key=|m| m.id.clone() let(member)>
                {
                    let for_check = member.clone();
                    let for_status = member.clone();
                    view! {
                        <li>
                            <label class="check fee-row">
                                <input type="checkbox" prop:checked=move || paid(&for_status).is_some()
                                    on:change=move |ev| tick(for_check.clone(), event_target_checked(&ev))/>
                                <span class="member-name">{member.data.full_name()}</span>
                                <span class="member-details">
                                    {move || paid(&member).map(|p| t::paid_amount_on(count(p.amount.into()), date(p.paid_on)))}
                                </span>
                            </label>
                        </li>
                    }
                }
            </For>
        </ul>
    }
}
