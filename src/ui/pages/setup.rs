//! First run: whether the phone keeps a chapter or an office, the unit's
//! name and the units above it; or a backup from another phone. The words,
//! examples and units above follow the choice, and so do the app's first
//! screen and tabs afterwards (an office opens on the reports it receives).

use crate::domain::records::unit::UnitSetup;
use crate::storage::local::Space;
use crate::ui::i18n::t;
use crate::ui::shared::fields::{Field, Lens, TextInput};
use crate::ui::shared::messages::first_problem;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Kind labels given to the units, editable later.
const CHAPTER_KIND: &str = "Chi hội";
const COMMUNE_KIND: &str = "Hội LHPN cấp xã";
const PROVINCE_KIND: &str = "Hội LHPN cấp tỉnh";

/// What set-up starts from: a chapter under a commune and a province, or a
/// commune's office under its province. Names typed are kept across a change.
fn start_for(office: bool, typed: &UnitSetup) -> UnitSetup {
    let above = |i: usize| {
        typed
            .above
            .get(i)
            .map(|(name, _)| name.clone())
            .unwrap_or_default()
    };
    if office {
        UnitSetup {
            name: typed.name.clone(),
            kind: COMMUNE_KIND.into(),
            above: vec![(
                above(typed.above.len().saturating_sub(1)),
                PROVINCE_KIND.into(),
            )],
        }
    } else {
        UnitSetup {
            name: typed.name.clone(),
            kind: CHAPTER_KIND.into(),
            above: vec![
                (String::new(), COMMUNE_KIND.into()),
                (above(0), PROVINCE_KIND.into()),
            ],
        }
    }
}

#[component]
pub fn SetupPage() -> impl IntoView {
    let state = use_app();
    let office = RwSignal::new(false);
    let setup = RwSignal::new(start_for(false, &UnitSetup::default()));
    let choose = move |to_office: bool| {
        office.set(to_office);
        setup.update(|s| *s = start_for(to_office, s));
    };
    let tried = RwSignal::new(false);
    let error = move |field: &'static str| {
        Signal::derive(move || {
            tried
                .get()
                .then(|| setup.with(|s| first_problem(&s.problems(), field)))?
        })
    };
    let nothing = Callback::new(|()| {});
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if setup.with(|s| s.problems().is_empty()) {
            setup.with(|s| state.set_up(s));
            // The browser may answer at once (Chromium) or ask her (Firefox);
            // «Cài đặt» shows the answer.
            spawn_local(async {
                crate::storage::persistence::request().await;
            });
        }
    };
    let lens = |get: fn(&UnitSetup) -> &String, set: fn(&mut UnitSetup, String)| Lens { get, set };
    view! {
        <main class="setup page">
            <h1>{t::app_name()}</h1>
            <p>{t::setup_intro()}</p>
            <form class="card" on:submit=start>
                <fieldset class="choices">
                    <legend class="field-label">{t::setup_keeps()}</legend>
                    <label class="choice">
                        <input type="radio" name="role" checked on:change=move |_| choose(false)/>
                        <span><strong>{t::setup_chapter()}</strong>{t::setup_chapter_text()}</span>
                    </label>
                    <label class="choice">
                        <input type="radio" name="role" on:change=move |_| choose(true)/>
                        <span><strong>{t::setup_office()}</strong>{t::setup_office_text()}</span>
                    </label>
                </fieldset>
                {move || {
                    let (label, example) = match office.get() {
                        true => (t::setup_office_name(), t::example_commune()),
                        false => (t::setup_unit_name(), t::example_chapter()),
                    };
                    view! {
                        <Field label error=error("name")>
                            <TextInput draft=setup lens=lens(|s| &s.name, |s, v| s.name = v) placeholder=example on_change=nothing/>
                        </Field>
                    }
                }}
                <Field label=t::unit_kind() error=error("kind")>
                    <TextInput draft=setup lens=lens(|s| &s.kind, |s, v| s.kind = v) list="unit-kinds" on_change=nothing/>
                </Field>
                <datalist id="unit-kinds">
                    <option value=CHAPTER_KIND/>
                    <option value="Tổ phụ nữ"/>
                    <option value=COMMUNE_KIND/>
                    <option value=PROVINCE_KIND/>
                </datalist>
                // A chapter names its commune and province; a commune's office its province.
                {move || view! {
                    <Field label=t::setup_above() error=error("above.0.name") hint=t::setup_above_hint()>
                        <TextInput draft=setup lens=lens(|s| &s.above[0].0, |s, v| s.above[0].0 = v)
                            placeholder=if office.get() { t::example_province() } else { t::example_commune() } on_change=nothing/>
                    </Field>
                    {(!office.get()).then(|| view! {
                        <Field label=t::setup_province() error=error("above.1.name")>
                            <TextInput draft=setup lens=lens(|s| &s.above[1].0, |s, v| s.above[1].0 = v) placeholder=t::example_province() on_change=nothing/>
                        </Field>
                    })}
                }}
                <p class="note">{t::setup_only_here()}</p>
                <p class="note">{t::setup_persist()}</p>
                <button type="submit" class="button primary">{t::start()}</button>
            </form>
            <section class="card">
                <h2>{t::setup_have_backup()}</h2>
                <p>{t::setup_have_backup_text()}</p>
                <a class="button" href=crate::ui::route::Route::Files.href()>{t::restore_from_backup()}</a>
            </section>
            <section class="card">
                <h2>{t::setup_try()}</h2>
                <p>{t::setup_try_text()}</p>
                <button type="button" class="button" on:click=move |_| crate::ui::shared::banners::switch_space(state, Space::Demo)>{t::open_sample()}</button>
                <p class="note">{t::setup_try_cluster()}</p>
                <button type="button" class="button" on:click=move |_| crate::ui::shared::banners::switch_space(state, Space::DemoCluster)>{t::open_sample_cluster()}</button>
            </section>
        </main>
    }
}
