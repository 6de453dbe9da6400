//! Any bytes, imported into an empty device, the sample chapter and the
//! sample cluster (an office): the import path must answer with a plan or an
//! error, never panic. The first byte picks the device; the rest is the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use so_tay_chi_hoi::domain::book::collections::{Book, DeviceState};
use so_tay_chi_hoi::domain::kernel::date::Date;
use so_tay_chi_hoi::domain::samples::demo::sample_chapter;
use so_tay_chi_hoi::domain::samples::demo_cluster::sample_cluster;
use so_tay_chi_hoi::domain::exchange::import::preview_import;
use so_tay_chi_hoi::domain::kernel::stamp::DeviceId;
use std::sync::OnceLock;

/// 2026-11-29, noon UTC.
const NOW_MS: u64 = 1_796_040_000_000;

fn devices() -> &'static [(Book, DeviceState); 3] {
    static DEVICES: OnceLock<[(Book, DeviceState); 3]> = OnceLock::new();
    DEVICES.get_or_init(|| {
        let today = Date::new(2026, 11, 29).expect("a real day");
        let empty = DeviceState::new(DeviceId::from_random([7; 8]));
        [
            (Book::default(), empty),
            sample_chapter(NOW_MS, today),
            sample_cluster(NOW_MS, today),
        ]
    })
}

fuzz_target!(|input: &[u8]| {
    let Some((&pick, file)) = input.split_first() else {
        return;
    };
    let today = Date::new(2026, 11, 29).expect("a real day");
    let (book, device) = &devices()[usize::from(pick % 3)];
    if let Ok(plan) = preview_import(file, book, device, NOW_MS, today) {
        let mut device = device.clone();
        let _ = plan.apply(book.clone(), &mut device);
    }
});
