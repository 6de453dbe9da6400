//! The layers of the code, held by reading its sources: the domain reaches
//! no browser, storage no interface, a shared piece of the interface no page,
//! and a page no other page (docs/architecture.md).

use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &str) -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = fs::read_to_string(&path).unwrap();
                out.push((path, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(Path::new(dir), &mut out);
    assert!(!out.is_empty(), "{dir} holds no source");
    out
}

/// The places in `dir`'s sources that name one of `forbidden`.
fn reaching(dir: &str, forbidden: &[String]) -> Vec<String> {
    sources(dir)
        .into_iter()
        .flat_map(|(path, text)| {
            let found: Vec<String> = forbidden
                .iter()
                .filter(|f| text.contains(f.as_str()))
                .map(|f| format!("{} names {f}", path.display()))
                .collect();
            found
        })
        .collect()
}

fn strings(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

#[test]
fn the_domain_reaches_no_browser_storage_nor_interface() {
    let forbidden = strings(&[
        "crate::storage",
        "crate::ui",
        "leptos",
        "web_sys",
        "js_sys",
        "gloo",
        "wasm_bindgen",
    ]);
    assert_eq!(reaching("src/domain", &forbidden), Vec::<String>::new());
}

#[test]
fn storage_reaches_no_interface() {
    let forbidden = strings(&["crate::ui", "leptos"]);
    assert_eq!(reaching("src/storage", &forbidden), Vec::<String>::new());
}

#[test]
fn shared_pieces_reach_no_page_and_no_page_reaches_another() {
    assert_eq!(
        reaching("src/ui/shared", &strings(&["ui::pages"])),
        Vec::<String>::new()
    );
    let pages: Vec<String> = fs::read_dir("src/ui/pages")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| n != "mod.rs"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(pages.len() > 5, "pages found: {pages:?}");
    for page in &pages {
        let others: Vec<String> = pages
            .iter()
            .filter(|p| *p != page)
            .map(|p| format!("ui::pages::{p}"))
            .collect();
        let path = format!("src/ui/pages/{page}");
        let found = match Path::new(&path).is_dir() {
            true => reaching(&path, &others),
            false => {
                let text = fs::read_to_string(format!("{path}.rs")).unwrap();
                others
                    .iter()
                    .filter(|o| text.contains(o.as_str()))
                    .map(|o| format!("{path}.rs names {o}"))
                    .collect()
            }
        };
        assert_eq!(found, Vec::<String>::new());
    }
}
