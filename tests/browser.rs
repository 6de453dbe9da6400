//! Browser tests, run in headless Chromium by wasm-bindgen-test: storage round
//! trips through the real localStorage, unreadable data kept aside, and the
//! mounted register reacting to what is typed.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use so_tay_chi_hoi::domain::book::collections::Book;
use so_tay_chi_hoi::domain::kernel::date::Date;
use so_tay_chi_hoi::domain::kernel::record::Record;
use so_tay_chi_hoi::domain::records::member::Member;
use so_tay_chi_hoi::domain::records::unit::with_ancestors;
use so_tay_chi_hoi::domain::samples::demo::{sample_chapter, MEMBERS};
use so_tay_chi_hoi::storage::local::{self, LoadProblem, Space};
use so_tay_chi_hoi::ui::route::{Route, Section};
use so_tay_chi_hoi::ui::state::AppState;
use so_tay_chi_hoi::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const NOW: u64 = 1_764_375_945_123;

fn today() -> Date {
    Date::new(2026, 11, 29).unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn fresh_storage() {
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn the_book_round_trips_through_local_storage() {
    fresh_storage();
    let (book, device) = sample_chapter(NOW, today());
    local::save(Space::Own, &book, &device).unwrap();
    for key in ["sotay.units", "sotay.members", "sotay.device"] {
        assert!(
            storage().get_item(key).unwrap().is_some(),
            "{key} is written"
        );
    }
    let loaded = local::load(Space::Own, today(), NOW);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.book, book);
    assert_eq!(loaded.device, Some(device));
    assert!(
        local::load(Space::Demo, today(), NOW).device.is_none(),
        "spaces are kept apart"
    );
}

/// Stored data of an older format is copied to `<key>.format-<n>` before
/// anything is written over it, and the copies go only once the current
/// format is saved and reads back.
#[wasm_bindgen_test]
fn an_older_format_is_kept_until_the_new_one_is_saved_and_read_back() {
    fresh_storage();
    let (book, device) = sample_chapter(NOW, today());
    local::save(Space::Own, &book, &device).unwrap();
    // As format 1 left it: the same collections, the device marked format 1.
    let text = storage().get_item("sotay.device").unwrap().unwrap();
    let mut stored: serde_json::Value = serde_json::from_str(&text).unwrap();
    stored["format"] = 1.into();
    storage()
        .set_item("sotay.device", &stored.to_string())
        .unwrap();
    let members = storage().get_item("sotay.members").unwrap();

    let loaded = local::load(Space::Own, today(), NOW);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.book, book);
    assert_eq!(
        storage().get_item("sotay.members.format-1").unwrap(),
        members
    );
    let old_device = storage()
        .get_item("sotay.device.format-1")
        .unwrap()
        .unwrap();
    assert!(old_device.contains(r#""format":1"#), "{old_device}");

    local::save(Space::Own, &loaded.book, &loaded.device.unwrap()).unwrap();
    let copies: Vec<String> = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .filter(|key| key.contains(".format-"))
        .collect();
    assert!(copies.is_empty(), "{copies:?}");
    let now = storage().get_item("sotay.device").unwrap().unwrap();
    assert!(now.contains(&format!(
        r#""format":{}"#,
        so_tay_chi_hoi::domain::file::envelope::FORMAT
    )));
    assert_eq!(local::load(Space::Own, today(), NOW).book, book);
}

/// Runs `f` and returns the keys it passed to `localStorage.setItem`, in order.
fn keys_written(f: impl FnOnce()) -> Vec<String> {
    js_sys::eval(
        "window.__writes = []; window.__setItem = Storage.prototype.setItem; \
         Storage.prototype.setItem = function (k, v) { window.__writes.push(k); return window.__setItem.call(this, k, v); };",
    )
    .unwrap();
    f();
    let writes =
        js_sys::eval("Storage.prototype.setItem = window.__setItem; window.__writes").unwrap();
    js_sys::Array::from(&writes)
        .iter()
        .filter_map(|k| k.as_string())
        .collect()
}

#[wasm_bindgen_test]
fn an_edit_rewrites_only_what_changed() {
    fresh_storage();
    let (mut book, mut device) = sample_chapter(NOW, today());
    local::save(Space::Own, &book, &device).unwrap();
    let record = Record::create(device.clock.tick(NOW + 1), Member::named("Vi", "Thị", "Na"));
    book.members.put(record);
    let written = keys_written(|| local::save(Space::Own, &book, &device).unwrap());
    // The token first, so that other tabs know at one read that it saved.
    assert_eq!(written, ["sotay.saved", "sotay.members", "sotay.device"]);
    assert!(keys_written(|| local::save(Space::Own, &book, &device).unwrap()).is_empty());
    // Storage emptied under the running page (site data cleared): the next
    // save writes the whole book again, not only what changed.
    fresh_storage();
    local::save(Space::Own, &book, &device).unwrap();
    assert_eq!(local::load(Space::Own, today(), NOW).book, book);
}

#[wasm_bindgen_test]
fn unreadable_stored_data_is_kept_aside_and_never_overwritten() {
    fresh_storage();
    let (book, device) = sample_chapter(NOW, today());
    local::save(Space::Own, &book, &device).unwrap();
    let damaged = storage().get_item("sotay.members").unwrap().unwrap();
    let damaged = &damaged[..damaged.len() / 2];
    storage().set_item("sotay.members", damaged).unwrap();

    let loaded = local::load(Space::Own, today(), NOW + 5);
    let aside = match &loaded.problems[..] {
        [LoadProblem::Unreadable {
            key,
            aside: Some(aside),
            ..
        }] if key == "sotay.members" => aside.clone(),
        other => panic!("unexpected problems {other:?}"),
    };
    assert_eq!(
        storage().get_item(&aside).unwrap().as_deref(),
        Some(damaged)
    );
    assert!(loaded.book.members.is_empty());
    assert_eq!(loaded.book.units, book.units, "what could be read is kept");

    local::save(Space::Own, &loaded.book, loaded.device.as_ref().unwrap()).unwrap();
    assert_eq!(
        storage().get_item(&aside).unwrap().as_deref(),
        Some(damaged),
        "the copy survives saving"
    );
    assert_eq!(
        local::aside_copies(Space::Own),
        vec![(aside, damaged.to_owned())]
    );
}

#[wasm_bindgen_test]
fn a_bad_record_in_storage_is_reported_and_the_rest_loaded() {
    fresh_storage();
    let (book, device) = sample_chapter(NOW, today());
    local::save(Space::Own, &book, &device).unwrap();
    let text = storage().get_item("sotay.members").unwrap().unwrap();
    let broken = text.replacen(
        "\"religion\":\"catholicism\"",
        "\"religion\":\"unknown-faith\"",
        1,
    );
    storage().set_item("sotay.members", &broken).unwrap();
    let loaded = local::load(Space::Own, today(), NOW);
    match &loaded.problems[..] {
        [LoadProblem::Rejected {
            rejected,
            aside: Some(_),
            ..
        }] => {
            assert_eq!(rejected.len(), 1);
            assert_eq!(rejected[0].problems[0].field, "data.religion");
        }
        other => panic!("unexpected problems {other:?}"),
    }
    assert_eq!(loaded.book.members.len(), MEMBERS - 1);
}

/// A unit tree that loops in storage (damaged, or written by an older
/// version) is reported and kept aside, and no walk up the tree follows it
/// round: the unit closing the loop is set apart, the rest loaded.
#[wasm_bindgen_test]
fn a_loop_in_the_stored_unit_tree_is_kept_aside_not_followed() {
    fresh_storage();
    let (book, device) = sample_chapter(NOW, today());
    local::save(Space::Own, &book, &device).unwrap();
    let home = device.home.clone().unwrap();
    let text = storage().get_item("sotay.units").unwrap().unwrap();
    let mut units: serde_json::Value = serde_json::from_str(&text).unwrap();
    let top = units
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|u| u["data"].get("parent").is_none())
        .unwrap();
    top["data"]["parent"] = home.as_str().into();
    let looped = units.to_string();
    storage().set_item("sotay.units", &looped).unwrap();
    let loaded = local::load(Space::Own, today(), NOW);
    let aside = match &loaded.problems[..] {
        [LoadProblem::Rejected {
            key,
            rejected,
            aside: Some(aside),
        }] if key == "sotay.units" => {
            assert_eq!(rejected.len(), 1);
            assert_eq!(rejected[0].problems[0].field, "data.parent");
            aside.clone()
        }
        other => panic!("unexpected problems {other:?}"),
    };
    assert_eq!(storage().get_item(&aside).unwrap(), Some(looped));
    assert_eq!(loaded.book.units.len(), book.units.len() - 1);
    assert!(!with_ancestors(&loaded.book.units, &home).is_empty());
}

#[wasm_bindgen_test]
fn stored_data_from_a_newer_version_is_left_alone() {
    fresh_storage();
    let (book, device) = sample_chapter(NOW, today());
    local::save(Space::Own, &book, &device).unwrap();
    let newer = storage()
        .get_item("sotay.device")
        .unwrap()
        .unwrap()
        .replace(
            &format!(
                "\"format\":{}",
                so_tay_chi_hoi::domain::file::envelope::FORMAT
            ),
            "\"format\":7",
        );
    storage().set_item("sotay.device", &newer).unwrap();
    let loaded = local::load(Space::Own, today(), NOW);
    assert_eq!(loaded.problems, vec![LoadProblem::Newer { found: 7 }]);
    assert!(
        local::save(Space::Own, &Book::default(), &device).is_err(),
        "nothing is written over it"
    );
    assert_eq!(storage().get_item("sotay.device").unwrap().unwrap(), newer);
    fresh_storage();
    assert!(
        local::load(Space::Own, today(), NOW).problems.is_empty(),
        "a clean load lifts the protection"
    );
}

fn mount(state: AppState) -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let root: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone(), move || view! { <App state/> });
    handle.forget();
    root
}

fn texts(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|i| nodes.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

fn type_into(input: &web_sys::HtmlInputElement, text: &str) {
    input.set_value(text);
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    input.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn the_register_filters_as_she_types() {
    fresh_storage();
    let (mut book, mut device) = sample_chapter(NOW, today());
    book.members = Default::default();
    // Byte order would put "Ánh" last; Vietnamese order puts it first.
    for (family, middle, given) in [
        ("Nguyễn", "Thị", "Hoa"),
        ("Lê", "Thị", "Bình"),
        ("Đặng", "Thu", "Ánh"),
    ] {
        book.members.put(Record::create(
            device.clock.tick(NOW),
            Member::named(family, middle, given),
        ));
    }
    let root = mount(AppState::new(Space::Own, book, device, Vec::new()));
    leptos::task::tick().await;
    assert_eq!(
        texts(&root, ".member-name"),
        ["Đặng Thu Ánh", "Lê Thị Bình", "Nguyễn Thị Hoa"],
        "sorted by given name with Vietnamese collation"
    );
    let search: web_sys::HtmlInputElement = root
        .query_selector("input[type=search]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    type_into(&search, "nguyen thi hoa");
    leptos::task::tick().await;
    assert_eq!(texts(&root, ".member-name"), ["Nguyễn Thị Hoa"]);
    type_into(&search, "xyz");
    leptos::task::tick().await;
    assert!(texts(&root, ".member-name").is_empty());
    assert!(texts(&root, ".empty")[0].contains("Không có hội viên nào khớp"));
    root.remove();
}

#[wasm_bindgen_test]
async fn names_with_markup_are_shown_as_text() {
    fresh_storage();
    let (mut book, mut device) = sample_chapter(NOW, today());
    let hostile = "<img src=x onerror=alert(1)>";
    book.members.put(Record::create(
        device.clock.tick(NOW),
        Member::named("", "", hostile),
    ));
    let root = mount(AppState::new(Space::Own, book, device, Vec::new()));
    leptos::task::tick().await;
    assert!(texts(&root, ".member-name").iter().any(|t| t == hostile));
    assert!(root.query_selector(".member-list img").unwrap().is_none());
    root.remove();
}

#[wasm_bindgen_test]
async fn edits_reach_storage_without_a_save_button() {
    fresh_storage();
    let (book, device) = sample_chapter(NOW, today());
    let state = AppState::new(Space::Own, book, device, Vec::new());
    let root = mount(state);
    leptos::task::tick().await;
    let id = state
        .save::<Member>(None, Member::named("Phan", "Thị", "Mơ"))
        .expect("a member with a name is saved");
    leptos::task::tick().await;
    let stored = local::load(Space::Own, today(), NOW);
    assert_eq!(
        stored
            .book
            .members
            .get(&id)
            .map(|r| r.data.full_name())
            .as_deref(),
        Some("Phan Thị Mơ")
    );
    root.remove();
}

/// Goes to `route` as a link does, and waits for the page to hear of it.
async fn go_to(route: &Route) {
    let window = web_sys::window().unwrap();
    let heard = js_sys::Promise::new(&mut |resolve, _| {
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        window
            .add_event_listener_with_callback_and_add_event_listener_options(
                "hashchange",
                &resolve,
                &options,
            )
            .unwrap();
    });
    window.location().set_hash(&route.hash()).unwrap();
    wasm_bindgen_futures::JsFuture::from(heard).await.unwrap();
}

/// A field typed in and not left — she taps a tab, or the phone goes back —
/// is saved as the page closes, and the next page opens.
#[wasm_bindgen_test]
async fn an_edit_not_yet_left_is_kept_when_she_goes_elsewhere() {
    fresh_storage();
    let (book, device) = sample_chapter(NOW, today());
    let id = book.members.live().next().unwrap().id.clone();
    let state = AppState::new(Space::Own, book, device, Vec::new());
    let root = mount(state);
    go_to(&Route::Member(id.clone())).await;
    leptos::task::tick().await;
    let address: web_sys::HtmlInputElement = root
        .query_selector("input[list=addresses]")
        .unwrap()
        .expect("the member's page is open")
        .unchecked_into();
    address.focus().unwrap();
    type_into(&address, "Xóm Mới 9");
    go_to(&Route::Work(Section::Cadres)).await;
    leptos::task::tick().await;
    let kept = state
        .book
        .with_untracked(|b| b.members.get(&id).unwrap().data.address.clone());
    assert_eq!(kept, "Xóm Mới 9");
    assert!(root
        .query_selector("input[list=addresses]")
        .unwrap()
        .is_none());
    root.remove();
}

/// Whatever page asks, a record that breaks a rule of its kind is not taken:
/// she is told why, and neither the book nor storage holds it.
#[wasm_bindgen_test]
async fn a_record_that_breaks_a_rule_never_reaches_the_book() {
    fresh_storage();
    let (book, device) = sample_chapter(NOW, today());
    let members = book.members.all().count();
    let state = AppState::new(Space::Own, book, device, Vec::new());
    let root = mount(state);
    leptos::task::tick().await;
    assert_eq!(state.save::<Member>(None, Member::named("", "", "")), None);
    leptos::task::tick().await;
    assert_eq!(
        state.book.with_untracked(|b| b.members.all().count()),
        members
    );
    assert!(
        state
            .notice
            .get_untracked()
            .is_some_and(|n| !n.text.is_empty()),
        "she is told why"
    );
    let stored = local::load(Space::Own, today(), NOW);
    assert_eq!(stored.book.members.all().count(), members);
    root.remove();
}

const KAT_PASSPHRASE: &str = "Mật khẩu của Chi hội 2026";

fn kat() -> so_tay_chi_hoi::domain::file::sealed::Sealed {
    let bytes = include_bytes!("fixtures/encrypted/backup-kat.json");
    match so_tay_chi_hoi::domain::file::envelope::read_envelope(bytes) {
        Err(so_tay_chi_hoi::domain::file::envelope::FileError::Locked(sealed)) => *sealed,
        other => panic!("not a locked backup: {other:?}"),
    }
}

/// The known answer made with Node's OpenSSL opens with its passphrase, also
/// typed with the marks apart (NFD), and the same plaintext, salt and IV lock
/// to the same bytes.
#[wasm_bindgen_test]
async fn a_locked_backup_opens_to_the_known_answer() {
    use so_tay_chi_hoi::storage::crypto::{lock_with, open};
    let plaintext = include_bytes!("fixtures/backup-format-2.json").to_vec();
    let sealed = kat();
    assert_eq!(open(&sealed, KAT_PASSPHRASE).await.unwrap(), plaintext);
    let decomposed = String::from(js_sys::JsString::from(KAT_PASSPHRASE).normalize("NFD"));
    assert_ne!(decomposed, KAT_PASSPHRASE);
    assert_eq!(open(&sealed, &decomposed).await.unwrap(), plaintext);
    let again = lock_with(
        &plaintext,
        KAT_PASSPHRASE,
        sealed.salt.clone(),
        sealed.iv.clone(),
        sealed.iterations,
    )
    .await
    .unwrap();
    assert_eq!(again, sealed);
}

/// A wrong passphrase, or a ciphertext changed by one bit, opens nothing.
#[wasm_bindgen_test]
async fn a_wrong_passphrase_opens_nothing() {
    use so_tay_chi_hoi::storage::crypto::{open, CryptoError};
    let sealed = kat();
    assert_eq!(
        open(&sealed, "Mật khẩu của Chi hội 2025").await,
        Err(CryptoError::WrongPassphrase)
    );
    let mut flipped = sealed.clone();
    flipped.ciphertext[10] ^= 1;
    assert_eq!(
        open(&flipped, KAT_PASSPHRASE).await,
        Err(CryptoError::WrongPassphrase)
    );
}
