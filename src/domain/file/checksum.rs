//! The checksum every file carries: SHA-256 over a canonical form of the file,
//! every field but `checksum` itself, with keys sorted and no white space.
//! A file damaged in transit or changed by hand no longer matches and is
//! refused whole; a file an editor merely re-indented still matches.
//!
//! It guards against damage and careless edits, not against a forger: anyone
//! can compute a new checksum (docs/security.md).

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::fmt::Write as _;

/// The name of the algorithm, written before the digest: `sha256:<64 hex digits>`.
const PREFIX: &str = "sha256:";

/// The checksum of a file's fields (`checksum`, if present, left out).
pub fn checksum(object: &Map<String, Value>) -> String {
    let mut hasher = Hashing::default();
    write_object(object, &mut hasher, true);
    let mut text = String::with_capacity(PREFIX.len() + 64);
    text.push_str(PREFIX);
    for byte in hasher.finish() {
        let _ = write!(text, "{byte:02x}");
    }
    text
}

/// Writes `object`'s other fields' checksum into it (a file edited on
/// purpose: a test's hostile file, a sample).
pub fn seal(object: &mut Map<String, Value>) {
    let sum = checksum(object);
    object.insert("checksum".into(), sum.into());
}

/// Whether the checksum written in the file is the one its fields give.
pub fn matches(object: &Map<String, Value>) -> bool {
    object.get("checksum").and_then(Value::as_str) == Some(checksum(object).as_str())
}

/// The canonical form goes straight into the hash as it is written: a
/// multi-megabyte backup is never copied into a string first.
#[derive(Default)]
struct Hashing(Sha256);

impl Hashing {
    fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    fn finish(self) -> impl IntoIterator<Item = u8> {
        self.0.finalize()
    }
}

impl std::io::Write for Hashing {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Keys in byte order whatever order the map keeps, so the form does not
/// depend on how serde_json was built (its default map keeps them sorted
/// already: each key then goes at the end). Inserted in place, not sorted:
/// a sort brings kilobytes of wasm into every page for each type it sorts.
fn write_object(object: &Map<String, Value>, out: &mut Hashing, top: bool) {
    let mut keys: Vec<&String> = Vec::with_capacity(object.len());
    for key in object.keys() {
        if !(top && key.as_str() == "checksum") {
            keys.insert(keys.partition_point(|k| *k < key), key);
        }
    }
    write_list(out, b"{", keys, b"}", |key, out| {
        write_scalar(key, out);
        out.update(b":");
        write_value(&object[key], out);
    });
}

/// `open`, each item as `write` writes it with commas between, then `close`.
fn write_list<I>(
    out: &mut Hashing,
    open: &[u8],
    items: impl IntoIterator<Item = I>,
    close: &[u8],
    mut write: impl FnMut(I, &mut Hashing),
) {
    out.update(open);
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.update(b",");
        }
        write(item, out);
    }
    out.update(close);
}

fn write_value(value: &Value, out: &mut Hashing) {
    match value {
        Value::Object(object) => write_object(object, out, false),
        Value::Array(items) => write_list(out, b"[", items, b"]", write_value),
        // Strings, numbers, booleans and null as serde_json writes them.
        scalar => write_scalar(scalar, out),
    }
}

fn write_scalar<T: serde::Serialize + ?Sized>(value: &T, out: &mut Hashing) {
    // Writing into a hasher cannot fail.
    let _ = serde_json::to_writer(out, value);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn object(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            _ => unreachable!(),
        }
    }

    #[test]
    fn known_answer() {
        // `printf '%s' '{"a":[1,"ư",null],"b":true}' | sha256sum`
        let file = object(json!({"b": true, "a": [1, "ư", null], "checksum": "x"}));
        assert_eq!(
            checksum(&file),
            "sha256:f1bf814f98f7cfb587e6eb31906c6519f7345184e2563ed7c6782cf9a9968859"
        );
    }

    #[test]
    fn any_change_of_a_value_breaks_it_and_layout_does_not() {
        let mut file = object(json!({"app": "x", "data": {"members": [{"id": "m1", "n": 2}]}}));
        seal(&mut file);
        assert!(matches(&file));
        let pretty = serde_json::to_string_pretty(&file).unwrap();
        let reread: Value = serde_json::from_str(&pretty).unwrap();
        assert!(matches(&object(reread)));
        file["data"]["members"][0]["n"] = 3.into();
        assert!(!matches(&file));
        file.remove("checksum");
        assert!(!matches(&file));
    }
}
