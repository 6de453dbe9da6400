//! Turns the locale files into Rust: one function per key in `ui::i18n::t`,
//! so that a key missing from the code is a compile error, and a placeholder
//! is an argument, in the order the Vietnamese text names them. The build
//! fails when the two locales differ in keys or in a key's placeholders. An
//! unused key fails `cargo test` (tests/locales.rs).
//!
//! In a split build (feature `split`) the app's binary is linked keeping its
//! relocations, which the splitter needs to move functions into the parts
//! loaded on first use (scripts/split/wasm-bindgen); only that binary, since
//! the other wasm outputs (the sample maker, the xlsx worker) would carry
//! them to the phone.

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::fmt::Write;
use std::{env, fs, path::Path};

const LOCALES: [&str; 2] = ["vi", "en"];

/// A locale file's entries in the order written, duplicates kept: a JSON
/// map would keep only a repeated key's last text, and a key written twice
/// is a mistake someone will one day edit in the wrong place.
struct Entries(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;
        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = Entries;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object of key → text")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(EntriesVisitor)
    }
}

fn read(lang: &str) -> Map<String, Value> {
    let path = format!("locales/{lang}.json");
    println!("cargo:rerun-if-changed={path}");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let Entries(entries) = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut map = Map::new();
    for (key, text) in entries {
        if map.insert(key.clone(), text).is_some() {
            panic!("{path}: key «{key}» is written twice");
        }
    }
    map
}

/// The `{name}` placeholders of a text, in the order they first appear: the
/// order of the function's arguments is the Vietnamese text's.
fn placeholders(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        let name = &rest[start + 1..start + len];
        if !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
        rest = &rest[start + len + 1..];
    }
    names
}

fn main() {
    if env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bin=so-tay-chi-hoi=--emit-relocs");
    }
    let [vi, en] = LOCALES.map(read);
    let mut problems = Vec::new();
    for (a, b, name) in [(&vi, &en, "en"), (&en, &vi, "vi")] {
        for key in a.keys().filter(|k| !b.contains_key(*k)) {
            problems.push(format!("locales/{name}.json has no key «{key}»"));
        }
    }
    let mut code = String::new();
    for (key, vi_text) in &vi {
        let Some(en_text) = en.get(key) else { continue };
        let (Some(vi_text), Some(en_text)) = (vi_text.as_str(), en_text.as_str()) else {
            problems.push(format!("«{key}» is not text in both locales"));
            continue;
        };
        if !key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            problems.push(format!("key «{key}» must be snake_case"));
        }
        let names = placeholders(vi_text);
        let same =
            |a: &[String], b: &[String]| a.iter().collect::<BTreeSet<_>>() == b.iter().collect();
        if !same(&names, &placeholders(en_text)) {
            problems.push(format!("«{key}» has other placeholders in vi and en"));
        }
        let texts = format!("{vi_text:?}, {en_text:?}");
        if names.is_empty() {
            writeln!(code, "pub fn {key}() -> &'static str {{ pick({texts}) }}").unwrap();
        } else {
            let args: Vec<String> = names.iter().map(|n| format!("{n}: impl Display")).collect();
            let pairs: Vec<String> = names
                .iter()
                .map(|n| format!("({n:?}, &{n} as &dyn Display)"))
                .collect();
            writeln!(
                code,
                "pub fn {key}({}) -> String {{ fill(pick({texts}), &[{}]) }}",
                args.join(", "),
                pairs.join(", ")
            )
            .unwrap();
        }
    }
    if !problems.is_empty() {
        panic!("locale files disagree:\n  {}", problems.join("\n  "));
    }
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("t.rs");
    fs::write(out, code).unwrap();
}
