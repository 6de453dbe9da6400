//! The save rules on a store in memory: what a full storage, a tab closed
//! mid-save and another tab's save in between leave behind.

use super::memory::Memory;
use super::space::{Space, JOURNAL, SAVED};
use super::{load_from, news_from, save_to, SaveError, Store, Tab};
use crate::domain::book::collections::{Book, DeviceState};
use crate::domain::kernel::date::Date;
use crate::domain::samples::demo::sample_chapter;
use std::sync::atomic::{AtomicU64, Ordering};

const NOW: u64 = 1_790_000_000_000;
const SPACE: Space = Space::Own;

fn today() -> Date {
    Date::new(2026, 11, 30).unwrap()
}

/// A token no two saves share, as the browser's random ones.
fn token() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    format!("t{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

fn save(store: &Memory, tab: &Tab, book: &Book, device: &DeviceState) -> Result<(), SaveError> {
    save_to(store, tab, SPACE, book, device, &token, today())
}

/// Whether `loaded` holds every collection of `book` as it is, record by
/// record (not by fingerprint, the very thing a save trusts).
fn same_book(loaded: &Book, book: &Book) -> bool {
    loaded == book
}

/// The sample chapter, with a record of every kind.
fn chapter() -> (Book, DeviceState) {
    sample_chapter(NOW, today())
}

/// The same book with one member's phone changed, newer.
fn with_new_phone(book: &Book, device: &mut DeviceState, phone: &str) -> Book {
    let mut book = book.clone();
    let mut member = book.members.all().next().unwrap().clone();
    member.data.phone = phone.into();
    member.stamp = device.clock.tick(NOW + 60_000);
    book.members.put(member);
    book
}

#[test]
fn a_save_cut_short_is_finished_from_its_journal_at_the_next_start() {
    let (book, device) = chapter();
    let store = Memory::new(usize::MAX);
    // The token, the journal, two collections: then the tab is closed.
    store.writes_left.set(Some(4));
    assert_eq!(
        save(&store, &Tab::default(), &book, &device),
        Err(SaveError::Unavailable)
    );
    assert!(
        store.get(&SPACE.key(JOURNAL)).is_some(),
        "the journal holds the whole save"
    );
    // She opens the app again.
    store.writes_left.set(None);
    let loaded = load_from(&store, &Tab::default(), SPACE, today(), NOW);
    assert!(
        same_book(&loaded.book, &book),
        "the next start finishes the save"
    );
    assert!(loaded.problems.is_empty());
    assert_eq!(store.get(&SPACE.key(JOURNAL)), None);
}

#[test]
fn a_book_too_big_to_be_held_twice_is_saved_without_the_journal() {
    let (book, device) = chapter();
    let roomy = Memory::new(usize::MAX);
    save(&roomy, &Tab::default(), &book, &device).unwrap();
    let store = Memory::new(roomy.used() + 100);
    save(&store, &Tab::default(), &book, &device).unwrap();
    assert_eq!(store.get(&SPACE.key(JOURNAL)), None);
    let loaded = load_from(&store, &Tab::default(), SPACE, today(), NOW);
    assert!(same_book(&loaded.book, &book));
}

#[test]
fn a_save_that_does_not_fit_leaves_storage_as_it_was() {
    let (book, mut device) = chapter();
    let tab = Tab::default();
    let store = Memory::new(usize::MAX);
    save(&store, &tab, &book, &device).unwrap();
    let before = store.contents();
    // A restore of a book three times as long, in a storage with no room for it.
    let mut bigger = with_new_phone(&book, &mut device, "0912345678");
    for _ in 0..2 {
        bigger.merge_in(sample_chapter(NOW + 1, today()).0);
    }
    store.quota.set(store.used() + 1_000);
    assert_eq!(save(&store, &tab, &bigger, &device), Err(SaveError::Full));
    let mut after = store.contents();
    // Only the token moved, which says that something may have.
    after.remove(&SPACE.key(SAVED));
    let mut kept = before.clone();
    kept.remove(&SPACE.key(SAVED));
    assert_eq!(after, kept, "no key half new");
    let loaded = load_from(&store, &Tab::default(), SPACE, today(), NOW);
    assert!(same_book(&loaded.book, &book));
    // Room again: the next save catches up.
    store.quota.set(usize::MAX);
    save(&store, &tab, &bigger, &device).unwrap();
    let loaded = load_from(&store, &Tab::default(), SPACE, today(), NOW);
    assert!(same_book(&loaded.book, &bigger));
}

#[test]
fn another_tabs_save_in_between_is_read_and_kept() {
    let (book, mut device) = chapter();
    let store = Memory::new(usize::MAX);
    let (first, second) = (Tab::default(), Tab::default());
    save(&store, &first, &book, &device).unwrap();
    assert!(
        news_from(&store, &first, SPACE, today()).is_none(),
        "its own save is no news"
    );
    // The second tab opens the book and changes a member.
    let opened = load_from(&store, &second, SPACE, today(), NOW).book;
    let theirs = with_new_phone(&opened, &mut device, "0987654321");
    save(&store, &second, &theirs, &device).unwrap();
    // The first tab hears of it: the member's collection, and nothing else.
    let (news, _) = news_from(&store, &first, SPACE, today()).expect("another tab saved");
    assert_eq!(news.members.all().count(), book.members.all().count());
    assert_eq!(
        news.trainings.all().count(),
        0,
        "unchanged collections are not read again"
    );
    // Merged in, its next save keeps the other tab's edit.
    let merged = book.merged(&news);
    save(&store, &first, &merged, &device).unwrap();
    let loaded = load_from(&store, &Tab::default(), SPACE, today(), NOW).book;
    assert!(same_book(&loaded, &theirs));
    assert!(news_from(&store, &first, SPACE, today()).is_none());
}

#[test]
fn nothing_is_written_over_data_that_could_not_be_kept_aside() {
    let (book, device) = chapter();
    let store = Memory::new(usize::MAX);
    save(&store, &Tab::default(), &book, &device).unwrap();
    store.set(&SPACE.key("members"), "{not json").unwrap();
    // No room for the copy aside.
    store.quota.set(store.used());
    let tab = Tab::default();
    let loaded = load_from(&store, &tab, SPACE, today(), NOW);
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(
        save(&store, &tab, &loaded.book, &device),
        Err(SaveError::Protected)
    );
    assert_eq!(
        store.get(&SPACE.key("members")).as_deref(),
        Some("{not json")
    );
}

#[test]
fn a_book_stored_in_format_2_is_read_and_its_copy_kept_before_it_moves_to_3() {
    use super::space::{DEVICE, OLD_COPY};
    let (book, device) = chapter();
    let store = Memory::new(usize::MAX);
    save(&store, &Tab::default(), &book, &device).unwrap();
    // As an earlier version left it: the same records, marked format 2.
    let device_key = SPACE.key(DEVICE);
    let marked = store.get(&device_key).unwrap();
    assert!(marked.contains("\"format\":3"), "{marked}");
    let old = marked.replace("\"format\":3", "\"format\":2");
    store.set(&device_key, &old).unwrap();
    let members = store.get(&SPACE.key("members")).unwrap();
    let tab = Tab::default();
    let loaded = load_from(&store, &tab, SPACE, today(), NOW);
    assert_eq!(loaded.problems.len(), 0);
    assert!(same_book(&loaded.book, &book));
    let copy = |key: String| store.get(&format!("{key}{OLD_COPY}2"));
    assert_eq!(copy(SPACE.key("members")), Some(members));
    assert_eq!(copy(device_key.clone()), Some(old));
    save(&store, &tab, &loaded.book, &device).unwrap();
    assert!(store.get(&device_key).unwrap().contains("\"format\":3"));
}
