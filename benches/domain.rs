//! Host benchmarks of the domain at the sizes the app must serve (`make
//! bench` runs them and writes BENCHMARKS.md): restoring a stored register
//! and importing a backup, each beside a bare serde_json parse of the same
//! bytes; the indicator engine; an office importing report files and rolling
//! them up.

// Criterion runs on the host only; the wasm32 lint of every target sees an
// empty program.
#[cfg(not(target_arch = "wasm32"))]
mod host {
    use criterion::{criterion_group, BenchmarkId, Criterion};
    use serde_json::Value;
    use so_tay_chi_hoi::domain::book::collections::{Book, DeviceState};
    use so_tay_chi_hoi::domain::exchange::backup::write_backup;
    use so_tay_chi_hoi::domain::exchange::import::preview_import;
    use so_tay_chi_hoi::domain::figures::report::report;
    use so_tay_chi_hoi::domain::file::envelope::{parse_json, FORMAT};
    use so_tay_chi_hoi::domain::kernel::date::Date;
    use so_tay_chi_hoi::domain::kernel::period::Period;
    use so_tay_chi_hoi::domain::samples::demo::commune;
    use std::hint::black_box;
    use std::time::Duration;

    const NOW: u64 = 1_764_375_945_123;
    const MEMBERS: [usize; 3] = [300, 3_000, 30_000];
    const REPORTS: [usize; 3] = [10, 100, 1_000];

    fn today() -> Date {
        Date::new(2026, 11, 29).unwrap()
    }

    fn chapter_n(n: u32, members: usize) -> (Book, DeviceState) {
        commune::member_chapter(n, members, NOW, today())
    }

    /// Restoring a stored register, as every page start does, against a bare
    /// parse of the same text.
    fn restore(c: &mut Criterion) {
        let mut group = c.benchmark_group("restore");
        for members in MEMBERS {
            let (book, _) = chapter_n(1, members);
            let text = book.collection_json("members");
            group.bench_with_input(BenchmarkId::new("members", members), &text, |b, text| {
                b.iter(|| {
                    let value = parse_json(text.as_bytes()).unwrap();
                    let mut book = Book::default();
                    book.restore_one("members", FORMAT, Some(&value), today(), u64::MAX)
                        .unwrap()
                })
            });
            group.bench_with_input(BenchmarkId::new("parse", members), &text, |b, text| {
                b.iter(|| serde_json::from_str::<Value>(black_box(text)).unwrap())
            });
        }
        group.finish();
    }

    /// A backup imported on a phone holding the same register with one edit in
    /// ten: the preview (every record merged) against a bare parse of the file.
    fn import_backup(c: &mut Criterion) {
        let mut group = c.benchmark_group("import");
        for members in MEMBERS {
            let (book, device) = chapter_n(1, members);
            let file = write_backup(&book, &device, NOW, today()).unwrap().contents;
            let mut other = book.clone();
            let mut clock = device.clock.clone();
            let edits: Vec<_> = other.members.all().step_by(10).cloned().collect();
            for record in edits {
                let mut member = record.data.clone();
                member.address.push_str(" (mới)");
                other
                    .members
                    .put(record.edited(clock.tick(NOW + 5), member));
            }
            group.bench_with_input(BenchmarkId::new("backup", members), &file, |b, file| {
                b.iter(|| {
                    preview_import(file.as_bytes(), &other, &device, NOW + 10, today()).unwrap()
                })
            });
            group.bench_with_input(BenchmarkId::new("parse", members), &file, |b, file| {
                b.iter(|| serde_json::from_str::<Value>(black_box(file)).unwrap())
            });
        }
        group.finish();
    }

    /// Every figure of a year for a chapter of each size.
    fn indicators(c: &mut Criterion) {
        let mut group = c.benchmark_group("indicators");
        for members in MEMBERS {
            let (book, device) = chapter_n(1, members);
            let home = device.home.clone().unwrap();
            group.bench_with_input(BenchmarkId::new("year", members), &book, |b, book| {
                b.iter(|| report(book, &home, Period::Year(2026)))
            });
        }
        group.finish();
    }

    /// An office importing the report files of its chapters one after another,
    /// then its own figures, added up from them.
    fn office_roll_up(c: &mut Criterion) {
        let mut group = c.benchmark_group("office");
        group.sample_size(10);
        for count in REPORTS {
            let files = commune::report_files(count as u32, NOW, today());
            let (start, device) = commune::office(NOW);
            let bytes: usize = files.iter().map(|f| f.contents.len()).sum();
            group.bench_with_input(BenchmarkId::new("import", count), &files, |b, files| {
                b.iter(|| {
                    let (mut book, mut device) = (start.clone(), device.clone());
                    for file in files {
                        let plan = preview_import(
                            file.contents.as_bytes(),
                            &book,
                            &device,
                            NOW + 10,
                            today(),
                        )
                        .unwrap();
                        book = plan.apply(book, &mut device);
                    }
                    book
                })
            });
            group.bench_with_input(BenchmarkId::new("parse", count), &files, |b, files| {
                b.iter(|| {
                    for file in files {
                        black_box(serde_json::from_str::<Value>(&file.contents).unwrap());
                    }
                })
            });
            let (mut book, mut office_device) = (start.clone(), device.clone());
            for file in &files {
                book = preview_import(
                    file.contents.as_bytes(),
                    &book,
                    &office_device,
                    NOW + 10,
                    today(),
                )
                .unwrap()
                .apply(book, &mut office_device);
            }
            let home = office_device.home.clone().unwrap();
            group.bench_with_input(BenchmarkId::new("roll-up", count), &book, |b, book| {
                b.iter(|| report(book, &home, Period::Year(2026)))
            });
            println!("office/{count}: {bytes} bytes of report files");
        }
        group.finish();
    }

    fn quick() -> Criterion {
        Criterion::default()
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(3))
            .sample_size(20)
    }

    criterion_group! {
        name = benches;
        config = quick();
        targets = restore, import_backup, indicators, office_roll_up
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(host::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
