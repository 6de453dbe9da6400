//! Files locked with a passphrase (backups, transfer files: the ones holding
//! personal data): the envelope around the ciphertext. The
//! browser encrypts and decrypts (storage/crypto.rs, WebCrypto); this module
//! writes and reads everything around it, so that the parameters travel with
//! the file and a damaged or crafted one is refused before any passphrase is
//! asked for.
//!
//! The envelope names no unit and no person: only the app, the kind, the
//! format, when it was made, the key derivation and cipher parameters, the
//! ciphertext (the whole backup file) and the checksum of all of these.

use super::checksum::{checksum, matches};
use super::envelope::{FileError, FileKind, OutFile, APP, FORMAT};
use crate::domain::kernel::date::{iso_instant, Date};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde_json::{json, Map, Value};

/// The `kind` of a locked file, whatever the file inside is (the name the
/// first locked files, backups, were given; kept, so that they still open).
pub const KIND: &str = "encrypted_backup";
/// PBKDF2-SHA256 iterations written: OWASP's advice for 2023 onwards.
pub const ITERATIONS: u32 = 600_000;
/// Most iterations accepted: more would keep a phone busy for minutes.
const MAX_ITERATIONS: u32 = 10_000_000;
/// Bytes of random salt.
pub const SALT_BYTES: usize = 16;
/// Bytes of the AES-GCM nonce.
pub const IV_BYTES: usize = 12;
/// Bytes of the AES-GCM tag at the end of the ciphertext.
const TAG_BYTES: usize = 16;

/// A locked backup's parameters and ciphertext.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sealed {
    pub salt: Vec<u8>,
    pub iv: Vec<u8>,
    pub iterations: u32,
    /// AES-GCM-256 of the backup file's bytes, tag included.
    pub ciphertext: Vec<u8>,
}

/// The locked file of a file of `kind`, named for the kind and the day only
/// (a unit's or a member's name in the file name would tell whose it is).
pub fn write_sealed(sealed: &Sealed, kind: FileKind, now_ms: u64, today: Date) -> OutFile {
    let mut file = match json!({
        "app": APP,
        "kind": KIND,
        "format": FORMAT,
        "created": iso_instant(now_ms),
        "kdf": {
            "name": "PBKDF2",
            "hash": "SHA-256",
            "iterations": sealed.iterations,
            "salt": STANDARD.encode(&sealed.salt),
        },
        "cipher": {
            "name": "AES-GCM",
            "length": 256,
            "iv": STANDARD.encode(&sealed.iv),
        },
        "ciphertext": STANDARD.encode(&sealed.ciphertext),
    }) {
        Value::Object(file) => file,
        _ => unreachable!("json! of braces is an object"),
    };
    let sum = checksum(&file);
    file.insert("checksum".into(), sum.into());
    OutFile {
        name: format!("{}-co-mat-khau_{}.json", kind.word(), today.iso()),
        contents: Value::Object(file).to_string(),
    }
}

/// A locked backup's parameters, if `object` (a file with our `app` marker
/// and a readable format) is one; every field is checked, so that a file that
/// cannot be opened says why before she types her passphrase.
pub fn read_sealed(object: &Map<String, Value>) -> Result<Sealed, FileError> {
    if !matches(object) {
        return Err(if object.get("checksum").is_some() {
            FileError::Altered
        } else {
            FileError::BadHeader { field: "checksum" }
        });
    }
    let field = |path: &[&str]| -> Option<&Value> {
        let (first, rest) = path.split_first()?;
        rest.iter()
            .try_fold(object.get(*first)?, |value, key| value.get(*key))
    };
    let text =
        |path: &[&str], expected: &str| field(path).and_then(Value::as_str) == Some(expected);
    let bad = |field: &'static str| FileError::BadHeader { field };
    if !text(&["kdf", "name"], "PBKDF2") || !text(&["kdf", "hash"], "SHA-256") {
        return Err(bad("kdf"));
    }
    if !text(&["cipher", "name"], "AES-GCM") || field(&["cipher", "length"]) != Some(&json!(256)) {
        return Err(bad("cipher"));
    }
    let bytes = |path: &[&str], name: &'static str| {
        field(path)
            .and_then(Value::as_str)
            .and_then(|text| STANDARD.decode(text).ok())
            .ok_or(bad(name))
    };
    let iterations = field(&["kdf", "iterations"])
        .and_then(Value::as_u64)
        .and_then(|n| u32::try_from(n).ok())
        .filter(|n| (ITERATIONS..=MAX_ITERATIONS).contains(n))
        .ok_or(bad("kdf"))?;
    let salt = bytes(&["kdf", "salt"], "kdf")
        .and_then(|salt| (salt.len() >= SALT_BYTES).then_some(salt).ok_or(bad("kdf")))?;
    let iv = bytes(&["cipher", "iv"], "cipher")
        .and_then(|iv| (iv.len() == IV_BYTES).then_some(iv).ok_or(bad("cipher")))?;
    let ciphertext = bytes(&["ciphertext"], "ciphertext")
        .and_then(|c| (c.len() > TAG_BYTES).then_some(c).ok_or(bad("ciphertext")))?;
    Ok(Sealed {
        salt,
        iv,
        iterations,
        ciphertext,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::file::envelope::{read_envelope, FileError};

    fn sealed() -> Sealed {
        Sealed {
            salt: vec![1; SALT_BYTES],
            iv: vec![2; IV_BYTES],
            iterations: ITERATIONS,
            ciphertext: vec![3; 40],
        }
    }

    fn today() -> Date {
        Date::new(2026, 11, 29).unwrap()
    }

    #[test]
    fn a_written_envelope_reads_back_and_names_no_one() {
        let file = write_sealed(&sealed(), FileKind::Backup, 1_764_375_945_123, today());
        assert_eq!(file.name, "sao-luu-co-mat-khau_2026-11-29.json");
        assert!(file.contents.contains(r#""iterations":600000"#));
        assert_eq!(
            read_envelope(file.contents.as_bytes()),
            Err(FileError::Locked(Box::new(sealed())))
        );
        for field in ["unit", "device", "data"] {
            assert!(!file.contents.contains(&format!("\"{field}\"")), "{field}");
        }
    }

    #[test]
    fn bad_parameters_are_named_before_any_passphrase() {
        let edit = |change: &dyn Fn(&mut Value)| {
            let file = write_sealed(&sealed(), FileKind::Transfer, 0, today());
            let mut value: Value = serde_json::from_str(&file.contents).unwrap();
            change(&mut value);
            crate::domain::file::checksum::seal(value.as_object_mut().unwrap());
            read_envelope(value.to_string().as_bytes())
        };
        let bad = |field| Err(FileError::BadHeader { field });
        assert_eq!(edit(&|v| v["kdf"]["iterations"] = 1000.into()), bad("kdf"));
        assert_eq!(
            edit(&|v| v["kdf"]["iterations"] = 20_000_000.into()),
            bad("kdf")
        );
        assert_eq!(edit(&|v| v["kdf"]["hash"] = "SHA-1".into()), bad("kdf"));
        assert_eq!(edit(&|v| v["kdf"]["salt"] = "AAEC".into()), bad("kdf"));
        assert_eq!(
            edit(&|v| v["cipher"]["iv"] = "not base64!".into()),
            bad("cipher")
        );
        assert_eq!(edit(&|v| v["cipher"]["length"] = 128.into()), bad("cipher"));
        assert_eq!(
            edit(&|v| v["ciphertext"] = "AAAA".into()),
            bad("ciphertext")
        );
        let file = write_sealed(&sealed(), FileKind::Transfer, 0, today());
        let altered = file.contents.replace("AwMD", "AwMC");
        assert_eq!(read_envelope(altered.as_bytes()), Err(FileError::Altered));
    }
}
