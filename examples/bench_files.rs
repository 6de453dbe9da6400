//! The files the browser measurements open (scripts/bench-browser.mjs), made
//! with the app's own code into the folder given (target/bench):
//! - `chapter-3000.json`: the backup of a chapter of 3,000 members and a year's work;
//! - `reports-100/`: the year's report files of 100 chapters of a commune;
//! - `office-1000.json`: the backup of that commune's office once 1,000
//!   chapters have reported, for its comparison table at 1,000 rows (more
//!   would not fit in the 5 million characters of the browser's storage).
//!
//! `cargo run --example bench_files -- target/bench`

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::io::Result<()> {
    use so_tay_chi_hoi::domain::exchange::backup::write_backup;
    use so_tay_chi_hoi::domain::exchange::import::preview_import;
    use so_tay_chi_hoi::domain::kernel::date::Date;
    use so_tay_chi_hoi::domain::samples::demo::commune;
    use std::fs;
    use std::path::PathBuf;

    const NOW: u64 = 1_764_375_945_123;
    let today = Date::new(2026, 11, 29).expect("a date");
    let out = PathBuf::from(std::env::args().nth(1).unwrap_or("target/bench".into()));
    let reports = out.join("reports-100");
    fs::create_dir_all(&reports)?;

    let (book, device) = commune::member_chapter(1, 3_000, NOW, today);
    let backup = write_backup(&book, &device, NOW, today).expect("a set-up chapter");
    fs::write(out.join("chapter-3000.json"), backup.contents)?;

    let files = commune::report_files(1_000, NOW, today);
    for file in &files[..100] {
        fs::write(reports.join(&file.name), &file.contents)?;
    }
    let (mut book, mut device) = commune::office(NOW);
    for file in &files {
        book = preview_import(file.contents.as_bytes(), &book, &device, NOW + 10, today)
            .expect("a report of a chapter below")
            .apply(book, &mut device);
    }
    let backup = write_backup(&book, &device, NOW + 20, today).expect("a set-up office");
    fs::write(out.join("office-1000.json"), backup.contents)?;
    println!("wrote {}", out.display());
    Ok(())
}

// The examples are linted for the browser too, where this one has nothing to do.
#[cfg(target_arch = "wasm32")]
fn main() {}
