//! The layers of the code, held by reading its sources: the domain reaches
//! no browser, storage no interface, each folder of the domain only the
//! folders before it, a shared piece of the interface no page, and a page no
//! other page (docs/architecture.md).

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

/// The domain's folders in order: each may use only those before it, which
/// also keeps them free of import cycles (`src/domain/mod.rs`).
const DOMAIN_FOLDERS: [&str; 8] = [
    "kernel", "file", "records", "book", "figures", "exchange", "sheets", "samples",
];

/// The domain folders that the source of the module at `path` (its place
/// under `src/domain`, `["records", "member"]`) names: through
/// `crate::domain::X` or `domain::X`, or through `super::` chains that climb
/// out of its own folder. A module's tests (`mod tests` at the end of a file)
/// are left out: tests may use the samples.
fn folders_named(path: &[&str], text: &str) -> Vec<String> {
    let code = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    let ident = |rest: &str| -> String {
        rest.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut named = Vec::new();
    for (at, _) in code.match_indices("domain::") {
        named.push(ident(&code[at + "domain::".len()..]));
    }
    for (at, _) in code.match_indices("super::") {
        let starts_chain = !code[..at].ends_with("super::");
        if !starts_chain {
            continue;
        }
        let mut rest = &code[at..];
        let mut climbs = 0;
        while let Some(after) = rest.strip_prefix("super::") {
            climbs += 1;
            rest = after;
        }
        if climbs >= path.len() {
            named.push(ident(rest));
        }
    }
    named.retain(|n| DOMAIN_FOLDERS.contains(&n.as_str()));
    named
}

#[test]
fn each_domain_folder_uses_only_the_folders_before_it() {
    let mut on_disk: Vec<String> = fs::read_dir("src/domain")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "mod.rs")
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = strings(&DOMAIN_FOLDERS);
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "every domain module lives in a listed folder"
    );
    let mut wrong = Vec::new();
    for (rank, folder) in DOMAIN_FOLDERS.iter().enumerate() {
        let dir = format!("src/domain/{folder}");
        for (file, text) in sources(&dir) {
            if file.file_name().is_some_and(|n| n == "tests.rs") {
                continue;
            }
            let rel = file.strip_prefix("src/domain").unwrap().with_extension("");
            let mut path: Vec<&str> = rel.iter().map(|p| p.to_str().unwrap()).collect();
            if path.last() == Some(&"mod") {
                path.pop();
            }
            for named in folders_named(&path, &text) {
                let later = DOMAIN_FOLDERS.iter().position(|f| *f == named).unwrap() > rank;
                if later {
                    wrong.push(format!("{} uses {named}", file.display()));
                }
            }
        }
    }
    assert_eq!(wrong, Vec::<String>::new());
}

#[test]
fn a_folder_reaching_a_later_one_is_seen() {
    let kernel_date = ["kernel", "date"];
    assert_eq!(
        folders_named(
            &kernel_date,
            "use crate::domain::samples::demo::sample_chapter;"
        ),
        ["samples"]
    );
    assert_eq!(
        folders_named(&kernel_date, "use super::super::book::collections::Book;"),
        ["book"]
    );
    assert_eq!(
        folders_named(&kernel_date, "use super::period::Period;"),
        Vec::<String>::new(),
        "a sibling in the same folder"
    );
    assert_eq!(
        folders_named(
            &kernel_date,
            "fn f() {}\n#[cfg(test)]\nmod tests {\n    use crate::domain::samples::demo;\n}\n"
        ),
        Vec::<String>::new(),
        "tests may use the samples"
    );
}
