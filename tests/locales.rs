//! Every key of the locale files is used by the code. (A key the code uses
//! but the files lack does not compile; build.rs refuses files that differ.)

use std::fs;
use std::path::Path;

fn sources(dir: &Path, out: &mut String) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push_str(&fs::read_to_string(&path).unwrap());
        }
    }
}

#[test]
fn every_key_is_used() {
    let text = fs::read_to_string("locales/vi.json").unwrap();
    let keys: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text).unwrap();
    let mut code = String::new();
    sources(Path::new("src"), &mut code);
    // `t::key` called, or passed as a function: not followed by more of a name.
    let used = |key: &str| {
        let name = format!("t::{key}");
        code.match_indices(&name).any(|(at, _)| {
            let next = code[at + name.len()..].chars().next();
            !next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        })
    };
    let unused: Vec<&String> = keys.keys().filter(|key| !used(key)).collect();
    assert!(unused.is_empty(), "keys no code uses: {unused:?}");
}
