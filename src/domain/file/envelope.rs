//! The outside of every file the app writes, and of what it keeps in storage:
//! which app, which kind of file, which format version, which unit and device
//! made it, and when. Reading checks these cheaply before any record is looked at,
//! and says exactly what is wrong when a file is not one of ours.

use crate::domain::kernel::record::RecordId;
use crate::domain::kernel::seen::Seen;
use crate::domain::kernel::stamp::DeviceId;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The `app` value of every file: tells our files from other JSON.
pub const APP: &str = "so-tay-chi-hoi";
/// The format version this build writes and the newest it reads. Format 2
/// added the checksum; format 1 files, written before it, are read without one.
/// Format 3 added the stamps of a record's parts (`since`, `fields`,
/// `replaced`, `added`, `removed`), so that merge goes field by field.
pub const FORMAT: u32 = 3;
/// The first format whose files must carry a checksum.
const CHECKSUM_FORMAT: u32 = 2;
/// Largest file accepted; checked before the file is read whole.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// A file ready to be saved or sent.
#[derive(Clone, Debug, PartialEq)]
pub struct OutFile {
    /// ASCII, so that every messenger keeps it: `sao-luu_chi-hoi-thon-dong_2026-11-29.json`.
    pub name: String,
    pub contents: String,
}

/// What a file is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// Everything a device holds, personal data included.
    Backup,
    /// A unit's figures sent up to the office above: no personal data.
    Report,
    /// An office's targets and campaigns sent down to the units below it.
    Plan,
    /// One member's record, moving to another chapter (chuyển sinh hoạt).
    Transfer,
    /// What another phone of the same unit has not seen, by what its last
    /// file said it held (a tổ leader's roll calls and fees, back to the
    /// chapter leader): a backup of those records only.
    Update,
}

impl FileKind {
    /// The kind's word at the start of a file name, ASCII.
    pub fn word(self) -> &'static str {
        match self {
            FileKind::Backup => "sao-luu",
            FileKind::Report => "bao-cao",
            FileKind::Plan => "ke-hoach",
            FileKind::Transfer => "chuyen-sinh-hoat",
            FileKind::Update => "cap-nhat",
        }
    }
}

/// The unit a file speaks for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitRef {
    pub id: RecordId,
    pub name: String,
}

/// Why a file (or stored data) could not be read at all. Nothing is changed
/// when any of these is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Zero bytes, or only white space.
    Empty,
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge { bytes: u64 },
    /// Not UTF-8 text (a picture, a spreadsheet, a damaged download).
    NotText,
    /// Not JSON; `truncated` when the text simply stops (an interrupted transfer).
    NotJson {
        line: usize,
        column: usize,
        truncated: bool,
    },
    /// JSON nested deeper than any file the app writes (past serde_json's
    /// limit of 128 levels): a hostile file, not a damaged one.
    TooDeep,
    /// JSON, but not an object (an array, a number…).
    NotAnObject,
    /// A JSON object without our `app` marker: another program's file.
    NotOurs,
    /// A `kind` this version does not know.
    UnknownKind(String),
    /// Written by a newer version of the app, whose format this one cannot read.
    NewerFormat { found: u64 },
    /// The checksum does not match the contents: the file was damaged on the
    /// way or changed by hand after it was made.
    Altered,
    /// A backup locked with a passphrase: opened in the browser, then read
    /// as any other file.
    Locked(Box<super::sealed::Sealed>),
    /// A header field is missing or malformed.
    BadHeader { field: &'static str },
    /// A collection of records is not a list (`members`, `units`).
    BadCollection(&'static str),
    /// A collection holds more records than a device could ever keep.
    TooManyRecords {
        collection: &'static str,
        count: usize,
    },
    /// A report or plan file holding a kind of record it never carries
    /// (members in a report…).
    UnexpectedCollection {
        kind: FileKind,
        collection: &'static str,
    },
    /// A report sent by this device's own unit, or by a unit above it.
    OwnReport,
    /// Reports can only be imported once this device knows its own unit.
    NeedsSetUp,
    /// A plan from this device's own unit or from a unit below it.
    PlanFromBelow,
    /// A transfer file this device's own chapter wrote: it goes to the
    /// chapter she moves to.
    OwnTransfer,
    /// A backup of another unit than the one this device keeps.
    OtherUnit { file_unit: String, own_unit: String },
}

/// A file's header, read and checked; `data` holds its collections, unread.
#[derive(Clone, Debug, PartialEq)]
pub struct Envelope {
    pub kind: FileKind,
    pub format: u32,
    pub created: String,
    pub device: DeviceId,
    pub unit: UnitRef,
    /// A backup's or update's `seen`: the newest change the sender's book
    /// held from each device. `None` in other kinds, and in files made
    /// before it was written.
    pub seen: Option<Seen>,
    pub data: Map<String, Value>,
}

/// Where the record `id` stands in the file's `collection`, from 0: how a
/// preview names a record refused after its collection was read (and sorted).
pub(crate) fn position_in(data: &Map<String, Value>, collection: &str, id: &RecordId) -> usize {
    data.get(collection)
        .and_then(Value::as_array)
        .and_then(|items| {
            items
                .iter()
                .position(|item| item.get("id").and_then(Value::as_str) == Some(id.as_str()))
        })
        .unwrap_or(0)
}

/// Bytes to a JSON value, with the errors a person can act on. A UTF-8 byte-order
/// mark, which Windows editors add, is skipped.
pub fn parse_json(bytes: &[u8]) -> Result<Value, FileError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| FileError::NotText)?;
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    serde_json::from_str(text).map_err(|e| {
        if e.to_string().starts_with("recursion limit exceeded") {
            FileError::TooDeep
        } else {
            FileError::NotJson {
                line: e.line(),
                column: e.column(),
                truncated: e.is_eof(),
            }
        }
    })
}

/// Checks the `app` marker and the format version shared by files and storage;
/// returns the format version.
pub fn check_app_and_format(object: &Map<String, Value>) -> Result<u32, FileError> {
    if object.get("app").and_then(Value::as_str) != Some(APP) {
        return Err(FileError::NotOurs);
    }
    let format = object
        .get("format")
        .and_then(Value::as_u64)
        .ok_or(FileError::BadHeader { field: "format" })?;
    if format > u64::from(FORMAT) {
        return Err(FileError::NewerFormat { found: format });
    }
    if format == 0 {
        return Err(FileError::BadHeader { field: "format" });
    }
    Ok(format as u32)
}

fn header_field<T: serde::de::DeserializeOwned>(
    object: &Map<String, Value>,
    field: &'static str,
) -> Result<T, FileError> {
    let value = object.get(field).ok_or(FileError::BadHeader { field })?;
    T::deserialize(value).map_err(|_| FileError::BadHeader { field })
}

/// Reads a file's bytes as far as its header: everything a preview needs to say
/// what the file is before its records are examined.
pub fn read_envelope(bytes: &[u8]) -> Result<Envelope, FileError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    let Value::Object(mut object) = parse_json(bytes)? else {
        return Err(FileError::NotAnObject);
    };
    let format = check_app_and_format(&object)?;
    if object.get("kind").and_then(Value::as_str) == Some(super::sealed::KIND) {
        return Err(FileError::Locked(Box::new(super::sealed::read_sealed(
            &object,
        )?)));
    }
    if format >= CHECKSUM_FORMAT {
        if !object.get("checksum").is_some_and(Value::is_string) {
            return Err(FileError::BadHeader { field: "checksum" });
        }
        if !super::checksum::matches(&object) {
            return Err(FileError::Altered);
        }
    }
    let kind = match object.get("kind") {
        Some(Value::String(kind)) => FileKind::deserialize(Value::String(kind.clone()))
            .map_err(|_| FileError::UnknownKind(kind.clone()))?,
        _ => return Err(FileError::BadHeader { field: "kind" }),
    };
    let created = header_field(&object, "created")?;
    let device = header_field(&object, "device")?;
    let unit = header_field(&object, "unit")?;
    let seen = match object.get("seen") {
        None => None,
        Some(_) => Some(header_field(&object, "seen")?),
    };
    let Some(Value::Object(data)) = object.remove("data") else {
        return Err(FileError::BadHeader { field: "data" });
    };
    Ok(Envelope {
        kind,
        format,
        created,
        device,
        unit,
        seen,
        data,
    })
}

/// Writes a file: the header fields (`seen` where given), its checksum, then
/// `data`, a JSON object's text (kept as written: the checksum reads it, it
/// is not rewritten).
pub fn write_envelope(
    kind: FileKind,
    created: &str,
    device: &DeviceId,
    unit: &UnitRef,
    seen: Option<&Seen>,
    data: &str,
) -> String {
    let mut header = serde_json::json!({
        "app": APP,
        "kind": kind,
        "format": FORMAT,
        "created": created,
        "device": device,
        "unit": unit,
    });
    let Value::Object(fields) = &mut header else {
        unreachable!("json! of braces is an object")
    };
    if let Some(seen) = seen {
        fields.insert(
            "seen".into(),
            serde_json::to_value(seen).unwrap_or_default(),
        );
    }
    let parsed: Value = serde_json::from_str(data).unwrap_or(Value::Null);
    fields.insert("data".into(), parsed);
    let sum = super::checksum::checksum(fields);
    fields.remove("data");
    fields.insert("checksum".into(), sum.into());
    let header = header.to_string();
    let open_header = header.strip_suffix('}').unwrap_or(&header);
    format!("{open_header},\"data\":{data}}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(extra: &str) -> String {
        format!(
            r#"{{"app":"so-tay-chi-hoi","kind":"backup","format":1,"created":"2026-11-29T00:00:00Z","device":"abababababababab","unit":{{"id":"u1","name":"Chi hội"}}{extra}}}"#
        )
    }

    #[test]
    fn reads_a_header() {
        let env = read_envelope(header(r#","data":{"members":[]}"#).as_bytes()).unwrap();
        assert_eq!(env.kind, FileKind::Backup);
        assert_eq!(env.unit.name, "Chi hội");
        assert!(env.data.contains_key("members"));
        let with_bom = format!("\u{feff}{}", header(r#","data":{}"#));
        assert!(read_envelope(with_bom.as_bytes()).is_ok());
    }

    #[test]
    fn a_written_file_reads_back_and_any_change_is_caught() {
        let unit = UnitRef {
            id: RecordId::parse("u1").unwrap(),
            name: "Chi hội Thôn Đông".into(),
        };
        let device = DeviceId::from_random([0xab; 8]);
        let data = r#"{"members":[{"id":"m1","stamp":"1-0-abababababababab","data":{}}]}"#;
        let text = write_envelope(
            FileKind::Backup,
            "2026-11-29T00:00:00Z",
            &device,
            &unit,
            None,
            data,
        );
        assert!(text.contains(r#""checksum":"sha256:"#), "{text}");
        let env = read_envelope(text.as_bytes()).unwrap();
        assert_eq!((env.format, env.unit), (FORMAT, unit));
        for (from, to) in [
            ("Thôn Đông", "Thôn Tây"),
            ("\"m1\"", "\"m2\""),
            ("backup", "report"),
        ] {
            let altered = text.replace(from, to);
            assert_eq!(
                read_envelope(altered.as_bytes()),
                Err(FileError::Altered),
                "{from}"
            );
        }
    }

    #[test]
    fn names_what_is_wrong() {
        let cases: Vec<(Vec<u8>, FileError)> = vec![
            (b"".to_vec(), FileError::Empty),
            (b"  \n".to_vec(), FileError::Empty),
            (vec![0xff, 0xfe, 0x00], FileError::NotText),
            (b"[1,2]".to_vec(), FileError::NotAnObject),
            (
                [b"[".repeat(200), b"]".repeat(200)].concat(),
                FileError::TooDeep,
            ),
            (b"{\"type\":\"excalidraw\"}".to_vec(), FileError::NotOurs),
            (
                b"{\"app\":\"so-tay-chi-hoi\",\"format\":".to_vec(),
                FileError::NotJson {
                    line: 1,
                    column: 33,
                    truncated: true,
                },
            ),
            (
                b"{\"app\":\"so-tay-chi-hoi\",\"format\":4}".to_vec(),
                FileError::NewerFormat { found: 4 },
            ),
            (
                header(r#","data":{}"#)
                    .replace("\"format\":1", "\"format\":2")
                    .into_bytes(),
                FileError::BadHeader { field: "checksum" },
            ),
            (
                b"{\"app\":\"so-tay-chi-hoi\",\"format\":\"1\"}".to_vec(),
                FileError::BadHeader { field: "format" },
            ),
            (
                header("").replace("backup", "survey").into_bytes(),
                FileError::UnknownKind("survey".into()),
            ),
            (
                header("").into_bytes(),
                FileError::BadHeader { field: "data" },
            ),
            (
                header(r#","data":{}"#)
                    .replace("abababababababab", "phone")
                    .into_bytes(),
                FileError::BadHeader { field: "device" },
            ),
            (
                header(r#","seen":["1-0-phone"],"data":{}"#).into_bytes(),
                FileError::BadHeader { field: "seen" },
            ),
        ];
        for (bytes, expected) in cases {
            assert_eq!(
                read_envelope(&bytes),
                Err(expected),
                "{}",
                String::from_utf8_lossy(&bytes)
            );
        }
    }
}
