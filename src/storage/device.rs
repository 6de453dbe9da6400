//! The device's clock, calendar and randomness, read from the browser. Domain
//! code gets these values as arguments and never reads them itself.

use crate::domain::book::collections::DeviceState;
use crate::domain::kernel::date::Date;
use crate::domain::kernel::stamp::DeviceId;

/// Milliseconds since 1970, from the device's clock.
pub fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

/// Today in the device's time zone.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as u16,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
    .unwrap_or_else(|| Date::new(2026, 1, 1).expect("a valid date"))
}

/// Milliseconds since 1970 at the first moment of `day` in the device's time zone.
pub fn start_of_day_ms(day: Date) -> u64 {
    let start = js_sys::Date::new_with_year_month_day(
        u32::from(day.year()),
        i32::from(day.month()) - 1,
        i32::from(day.day()),
    );
    start.get_time().max(0.0) as u64
}

/// The state of a browser that has never been set up: a new random device id.
pub fn new_device_state() -> DeviceState {
    let mut bytes = [0u8; 8];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        // No WebCrypto: fall back to the clock and Math.random, still distinct per device.
        let mixed = now_ms() ^ (js_sys::Math::random() * u64::MAX as f64) as u64;
        bytes = mixed.to_le_bytes();
    }
    DeviceState::new(DeviceId::from_random(bytes))
}
