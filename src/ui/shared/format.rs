//! Numbers, dates and names as the interface shows them, through the
//! browser's `Intl` in the interface's locale: 18.230, 67,5%, 28/11/2026 in
//! Vietnamese; 18,230, 67.5%, 11/28/2026 in English. Names sort as
//! Vietnamese dictionaries do in either language. (Files the app writes, CSV
//! and reports, keep the Vietnamese forms of `domain::figures::report`.)

use crate::domain::book::collections::Book;
use crate::domain::kernel::date::{BirthDate, Date};
use crate::domain::kernel::record::RecordId;
use crate::domain::records::catalogue::{find, Kind, Value};
use crate::ui::i18n::{either, lang, t};
use js_sys::{Array, Function, Intl, Object, Reflect};
use std::cmp::Ordering;
use wasm_bindgen::JsValue;

/// A formatter's `format` function for the interface's locale and `options`
/// (pairs of option name and value).
fn formatter(make: fn(&Array, &Object) -> Function, options: &[(&str, JsValue)]) -> Function {
    let settings = Object::new();
    for (name, value) in options {
        let _ = Reflect::set(&settings, &(*name).into(), value);
    }
    make(&Array::of1(&lang().locale().into()), &settings)
}

fn number_format(options: &[(&str, JsValue)]) -> Function {
    formatter(|l, o| Intl::NumberFormat::new(l, o).format(), options)
}

fn date_format(options: &[(&str, JsValue)]) -> Function {
    formatter(|l, o| Intl::DateTimeFormat::new(l, o).format(), options)
}

thread_local! {
    static COLLATOR: Function = Intl::Collator::new(&Array::of1(&"vi".into()), &Object::new()).compare();
    static NUMBER: Function = number_format(&[("maximumFractionDigits", 1.into())]);
    static PERCENT: Function = number_format(&[("style", "percent".into()), ("maximumFractionDigits", 1.into())]);
    static DAY: Function = date_format(&[
        ("day", "2-digit".into()),
        ("month", "2-digit".into()),
        ("year", "numeric".into()),
        ("timeZone", "UTC".into()),
    ]);
    static DAY_TIME: Function = date_format(&[
        ("day", "2-digit".into()),
        ("month", "2-digit".into()),
        ("year", "numeric".into()),
        ("hour", "2-digit".into()),
        ("minute", "2-digit".into()),
    ]);
}

fn apply(format: &Function, value: &JsValue) -> String {
    format
        .call1(&JsValue::NULL, value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// Compares two texts as Vietnamese dictionaries do (a < ă < â, d < đ).
pub fn compare_vi(a: &str, b: &str) -> Ordering {
    COLLATOR.with(|compare| {
        let result = compare
            .call2(&JsValue::NULL, &a.into(), &b.into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        result.partial_cmp(&0.0).unwrap_or(Ordering::Equal)
    })
}

/// A whole number or one with a decimal: "18.230", "65,3".
pub fn number(n: f64) -> String {
    NUMBER.with(|f| apply(f, &n.into()))
}

/// A count: "18.230" in Vietnamese, "18,230" in English. Digits grouped by
/// three here rather than by `Intl`, which the first page then needs only
/// for dates: the register's counts cost it no number formatter.
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(either((".", ",")));
        }
        out.push(digit);
    }
    out
}

/// A share as a percentage with one decimal: "75,3%".
pub fn percent(share: f64) -> String {
    PERCENT.with(|f| apply(f, &share.into()))
}

/// A calendar day: "28/11/2026".
pub fn date(day: Date) -> String {
    let utc = day.days_since_epoch() as f64 * 86_400_000.0;
    DAY.with(|f| apply(f, &js_sys::Date::new(&utc.into()).into()))
}

/// The phone's calendar day of an instant (ms since 1970), as [`date`] shows it.
pub fn day_of(instant_ms: u64) -> String {
    let moment = js_sys::Date::new(&(instant_ms as f64).into());
    Date::new(
        moment.get_full_year() as u16,
        moment.get_month() as u8 + 1,
        moment.get_date() as u8,
    )
    .map(date)
    .unwrap_or_default()
}

/// A birth date, or a birth year alone.
pub fn birth(birth: BirthDate) -> String {
    match birth {
        BirthDate::Day(day) => date(day),
        BirthDate::Year(year) => year.to_string(),
    }
}

/// An instant (ms since 1970, or an ISO text from a file) as "29/11/2026 07:25" in local time.
pub fn date_time(instant: &JsValue) -> String {
    let moment = js_sys::Date::new(instant);
    if moment.get_time().is_nan() {
        return String::new();
    }
    DAY_TIME.with(|f| apply(f, &moment.into()))
}

/// A yes-or-no figure: «Có», «Không», or, added up over units, how many do.
fn flag(units: u64) -> String {
    match units {
        0 => t::no().to_owned(),
        1 => t::yes().to_owned(),
        n => count(n),
    }
}

/// A figure as the dashboard and the report show it: "18.230", "1.080.000 đ",
/// "113/150 = 75,3%", "65,3"; a rate without a denominator says so.
pub fn value_text(kind: Kind, value: Value) -> String {
    let den = value.den.unwrap_or(0);
    match kind {
        Kind::Count => count(value.num),
        Kind::Money => t::money(count(value.num)),
        Kind::Flag => flag(value.num),
        _ if den == 0 => t::no_denominator(count(value.num)),
        Kind::Percent => format!(
            "{}/{} = {}",
            count(value.num),
            count(den),
            percent(value.num as f64 / den as f64)
        ),
        Kind::Average => number(value.num as f64 / den as f64),
    }
}

/// A figure as a table cell shows it: "18.230", "75,3%", "65,3"; "—" for a
/// rate without a denominator.
pub fn value_short(kind: Kind, value: Value) -> String {
    let den = value.den.unwrap_or(0);
    match kind {
        Kind::Count | Kind::Money => count(value.num),
        Kind::Flag => flag(value.num),
        _ if den == 0 => "—".to_owned(),
        Kind::Percent => percent(value.num as f64 / den as f64),
        Kind::Average => number(value.num as f64 / den as f64),
    }
}

/// A target beside its indicator: "120", "80%".
pub fn target_text(kind: Kind, target: u64) -> String {
    match kind {
        Kind::Percent => percent(target as f64 / 100.0),
        _ => count(target),
    }
}

/// Campaign points, kept in tenths: "82,5".
pub fn points(tenths: u32) -> String {
    number(f64::from(tenths) / 10.0)
}

/// An indicator's name by its code in the interface's language; the code
/// itself for one this version does not know.
pub fn indicator_name(code: &str) -> String {
    find(code).map_or_else(|| code.to_owned(), |i| either(i.names()).to_owned())
}

/// A member's name by id, or a note that she is not in the register.
pub fn member_name(book: &Book, id: &RecordId) -> String {
    book.members
        .get(id)
        .map_or_else(|| t::not_in_register().to_owned(), |m| m.data.full_name())
}
