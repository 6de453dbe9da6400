//! Form building blocks: a labelled field with its error, text inputs and
//! check boxes bound to a draft held in a signal.

use crate::domain::kernel::date::Date;
use crate::ui::i18n::t;
use crate::ui::shared::format::count;
use leptos::prelude::*;

/// A label around a control, with a hint and the control's error below it
/// (outside the label, so that the control's name is the label alone).
#[component]
pub fn Field(
    /// What the field is, as the user reads it.
    label: &'static str,
    /// The problem to show under the control, if any.
    #[prop(into, default = Signal::stored(None))]
    error: Signal<Option<String>>,
    /// A line of help under the control.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// The control's id, for controls whose name must not take in their
    /// contents (a select wrapped in its label would be named with its choice).
    #[prop(optional)]
    control_id: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let control = match control_id {
        Some(id) => view! {
            <label for=id class="field-label">{label}</label>
            {children()}
        }
        .into_any(),
        None => view! {
            <label>
                <span class="field-label">{label}</span>
                {children()}
            </label>
        }
        .into_any(),
    };
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            {control}
            {hint.map(|hint| view! { <span class="field-hint">{hint}</span> })}
            {move || error.get().map(|text| view! { <span class="field-error" role="alert">{text}</span> })}
        </div>
    }
}

/// Reads and writes one text of a draft `D`.
pub struct Lens<D> {
    pub get: fn(&D) -> &String,
    pub set: fn(&mut D, String),
}

impl<D> Clone for Lens<D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D> Copy for Lens<D> {}

/// What kind of text an input takes: picks the phone keyboard and the browser's widget.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    Plain,
    Phone,
    Date,
    Year,
    /// Digits that count nothing (a card's number): the number keyboard,
    /// kept as typed.
    Digits,
}

/// A text input bound to one text of a draft. Typing updates the draft; leaving
/// the field (or picking a date) calls `on_change`, which saves when editing.
#[component]
pub fn TextInput<D: Send + Sync + 'static>(
    draft: RwSignal<D>,
    lens: Lens<D>,
    #[prop(default = TextKind::Plain)] kind: TextKind,
    #[prop(into)] on_change: Callback<()>,
    /// Greyed example text.
    #[prop(optional)]
    placeholder: &'static str,
    /// Id of a datalist of suggestions.
    #[prop(optional)]
    list: Option<&'static str>,
    #[prop(optional)] autofocus: bool,
    #[prop(into, default = Signal::stored(false))] invalid: Signal<bool>,
) -> impl IntoView {
    let (input_type, inputmode, autocomplete) = match kind {
        TextKind::Plain => ("text", None, "off"),
        TextKind::Phone => ("tel", Some("tel"), "off"),
        TextKind::Date => ("text", Some("numeric"), "off"),
        TextKind::Year | TextKind::Digits => ("text", Some("numeric"), "off"),
    };
    view! {
        <input
            type=input_type
            inputmode=inputmode
            autocomplete=autocomplete
            placeholder=if kind == TextKind::Date { t::date_placeholder() } else { placeholder }
            list=list
            autofocus=autofocus
            maxlength=match kind {
                TextKind::Year => Some("4"),
                TextKind::Date => Some("10"),
                _ => None,
            }
            aria-invalid=move || invalid.get().then_some("true")
            prop:value=move || draft.with(|d| (lens.get)(d).clone())
            on:input=move |ev| {
                if kind == TextKind::Date {
                    day_first(&ev);
                }
                draft.update(|d| (lens.set)(d, event_target_value(&ev)))
            }
            on:change=move |ev| {
                draft.update(|d| (lens.set)(d, event_target_value(&ev)));
                // A field that has the focus as its page closes says `change`
                // after the page's values are gone; the page saved it on leaving.
                on_change.try_run(());
            }
        />
    }
}

/// A check box with its label beside it, bound to one flag of a draft.
#[component]
pub fn CheckBox<D: Send + Sync + 'static>(
    draft: RwSignal<D>,
    label: &'static str,
    get: fn(&D) -> bool,
    set: fn(&mut D, bool),
    #[prop(into)] on_change: Callback<()>,
) -> impl IntoView {
    view! {
        <label class="check">
            <input
                type="checkbox"
                prop:checked=move || draft.with(get)
                on:change=move |ev| {
                    draft.update(|d| set(d, event_target_checked(&ev)));
                    on_change.run(());
                }
            />
            <span>{label}</span>
        </label>
    }
}

/// Day, month and year typed in that order on the number keyboard, as
/// every Vietnamese form writes a date: «12031982» reads «12/03/1982», the
/// slashes put in as the digits come, whatever language the phone's browser
/// is set to (a browser's own date picker shows month first in English).
/// A slash she types herself («1/3/1982») is kept; text pasted or filled in
/// whole is left as it is and read on leaving the field.
pub fn day_first(ev: &leptos::ev::Event) {
    use wasm_bindgen::JsCast;
    let typed = ev
        .dyn_ref::<web_sys::InputEvent>()
        .and_then(web_sys::InputEvent::data)
        .unwrap_or_default();
    if !(typed.len() == 1 && typed.bytes().all(|b| b.is_ascii_digit())) {
        return;
    }
    let input: web_sys::HtmlInputElement = event_target(ev);
    let text = input.value();
    let at_end = input
        .selection_start()
        .ok()
        .flatten()
        .is_none_or(|caret| caret as usize == text.len());
    let parts = text.split('/').count();
    let last = text.rsplit('/').next().unwrap_or_default();
    if at_end && parts < 3 && last.len() == 2 && last.bytes().all(|b| b.is_ascii_digit()) {
        input.set_value(&format!("{text}/"));
    }
}

/// A date that may be absent, typed day first ([`day_first`]). What cannot
/// be read as a date is given as `None`, which the record's rules then report.
#[component]
pub fn DateInput(
    #[prop(into)] value: Signal<Option<Date>>,
    #[prop(into)] set: Callback<Option<Date>>,
    #[prop(optional)] id: Option<&'static str>,
) -> impl IntoView {
    let shown = shown_as(move || value.get().map(Date::vn).unwrap_or_default());
    view! {
        <input
            type="text"
            inputmode="numeric"
            autocomplete="off"
            maxlength="10"
            placeholder=t::date_placeholder()
            id=id
            prop:value=shown
            on:input=|ev| day_first(&ev)
            on:change=move |ev| set.run(read_date(&event_target_value(&ev)))
        />
    }
}

/// What a control shows, written into it only when it changes: a form's
/// draft changes as a whole, and writing every control's value again at
/// each change would wipe what she is typing in one field when she picks
/// something in another.
fn shown_as(text: impl Fn() -> String + Send + Sync + 'static) -> Memo<String> {
    Memo::new(move |_| text())
}

/// A date as typed: day first («12/3/1982»), or as a file writes it.
pub fn read_date(text: &str) -> Option<Date> {
    Date::parse_vn(text).or_else(|| Date::parse_iso(text))
}

/// A whole number with the phone's number keyboard, grouped in thousands as
/// she types («12.000» for a fee, «1.250» women), the caret kept after the
/// digit it was after; empty is 0.
#[component]
pub fn NumberInput(
    #[prop(into)] value: Signal<u32>,
    #[prop(into)] set: Callback<u32>,
    #[prop(optional)] id: Option<&'static str>,
) -> impl IntoView {
    let group = |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let text = input.value();
        let caret = input
            .selection_start()
            .ok()
            .flatten()
            .map_or(text.len(), |c| c as usize);
        let before = text
            .chars()
            .take(caret)
            .filter(char::is_ascii_digit)
            .count();
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        let Ok(n) = digits.parse::<u64>() else {
            return;
        };
        let shown = count(n);
        let at = match before {
            0 => 0,
            n => shown
                .char_indices()
                .filter(|(_, c)| c.is_ascii_digit())
                .nth(n - 1)
                .map_or(shown.len(), |(i, _)| i + 1),
        };
        input.set_value(&shown);
        let _ = input.set_selection_range(at as u32, at as u32);
    };
    let shown = shown_as(move || count(u64::from(value.get())));
    view! {
        <input
            type="text"
            inputmode="numeric"
            id=id
            prop:value=shown
            on:input=group
            on:change=move |ev| {
                let digits: String = event_target_value(&ev).chars().filter(char::is_ascii_digit).collect();
                set.run(digits.parse().unwrap_or(0));
            }
        />
    }
}

/// A line of text, given back when she leaves the field.
#[component]
pub fn TextValue(
    #[prop(into)] value: Signal<String>,
    #[prop(into)] set: Callback<String>,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional)] id: Option<&'static str>,
    #[prop(optional)] list: Option<&'static str>,
) -> impl IntoView {
    let shown = shown_as(move || value.get());
    view! {
        <input
            type="text"
            id=id
            list=list
            placeholder=placeholder
            prop:value=shown
            on:change=move |ev| set.run(event_target_value(&ev))
        />
    }
}

/// A few lines of text (what was said at a meeting), given back when she
/// leaves the box, each line tidied and empty ones at the ends dropped.
#[component]
pub fn TextBlock(
    #[prop(into)] value: Signal<String>,
    #[prop(into)] set: Callback<String>,
    #[prop(optional)] placeholder: &'static str,
) -> impl IntoView {
    let shown = shown_as(move || value.get());
    view! {
        <textarea
            rows="4"
            placeholder=placeholder
            prop:value=shown
            on:change=move |ev| {
                let text = event_target_value(&ev);
                let lines: Vec<String> = text.lines().map(crate::domain::kernel::name::tidy).collect();
                set.try_run(lines.join("\n").trim().to_owned());
            }
        ></textarea>
    }
}

/// A choice among labelled values.
#[component]
pub fn Choice(
    options: Vec<(String, String)>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] set: Callback<String>,
    #[prop(optional)] id: Option<&'static str>,
) -> impl IntoView {
    view! {
        <select id=id on:change=move |ev| set.run(event_target_value(&ev))>
            {options.into_iter().map(|(v, label)| {
                let selected = {
                    let v = v.clone();
                    move || value.with(|current| *current == v)
                };
                view! { <option value=v selected=selected>{label}</option> }
            }).collect_view()}
        </select>
    }
}

/// A check box with its label beside it, for a flag that is not part of a draft.
#[component]
pub fn CheckBoxValue(
    label: &'static str,
    #[prop(into)] value: Signal<bool>,
    #[prop(into)] set: Callback<bool>,
) -> impl IntoView {
    view! {
        <label class="check">
            <input type="checkbox" prop:checked=move || value.get() on:change=move |ev| set.run(event_target_checked(&ev))/>
            <span>{label}</span>
        </label>
    }
}
