//! First run: the chapter's name and the units above it, or a backup from another phone.

use crate::domain::records::unit::UnitSetup;
use crate::storage::local::Space;
use crate::ui::i18n::t;
use crate::ui::shared::fields::{Field, Lens, TextInput};
use crate::ui::shared::messages::first_problem;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Kind labels given to the units above, editable later.
const COMMUNE_KIND: &str = "Hội LHPN cấp xã";
const PROVINCE_KIND: &str = "Hội LHPN cấp tỉnh";

#[component]
pub fn SetupPage() -> impl IntoView {
    let state = use_app();
    let setup = RwSignal::new(UnitSetup {
        name: String::new(),
        kind: "Chi hội".into(),
        above: vec![
            (String::new(), COMMUNE_KIND.into()),
            (String::new(), PROVINCE_KIND.into()),
        ],
    });
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
                <Field label=t::setup_unit_name() error=error("name")>
                    <TextInput draft=setup lens=lens(|s| &s.name, |s, v| s.name = v) placeholder=t::example_chapter() autofocus=true on_change=nothing/>
                </Field>
                <Field label=t::unit_kind() error=error("kind")>
                    <TextInput draft=setup lens=lens(|s| &s.kind, |s, v| s.kind = v) list="unit-kinds" on_change=nothing/>
                </Field>
                <datalist id="unit-kinds">
                    <option value="Chi hội"/>
                    <option value="Tổ phụ nữ"/>
                    <option value=COMMUNE_KIND/>
                    <option value=PROVINCE_KIND/>
                </datalist>
                <Field label=t::setup_above() error=error("above.0.name") hint=t::setup_above_hint()>
                    <TextInput draft=setup lens=lens(|s| &s.above[0].0, |s, v| s.above[0].0 = v) placeholder=t::example_commune() on_change=nothing/>
                </Field>
                <Field label=t::setup_province() error=error("above.1.name")>
                    <TextInput draft=setup lens=lens(|s| &s.above[1].0, |s, v| s.above[1].0 = v) placeholder=t::example_province() on_change=nothing/>
                </Field>
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
