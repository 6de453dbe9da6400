//! Everything one device keeps: its records (the book) and its own state (the
//! clock, which unit it keeps the book for, when it last made a backup).

use super::date::Date;
use super::envelope::{check_app_and_format, FileError, APP, FORMAT};
use super::member::Member;
use super::record::{Collection, Record, RecordId};
use super::restore::{restore_collection, RecordData, Rejection};
use super::stamp::Clock;
use super::unit::{with_ancestors, Unit};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The records a device holds, one collection per kind.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Book {
    pub units: Collection<Unit>,
    pub members: Collection<Member>,
}

impl Book {
    /// The collections as the file format's `data` object.
    pub fn to_data(&self) -> Value {
        serde_json::json!({
            Unit::COLLECTION: self.units,
            Member::COLLECTION: self.members,
        })
    }

    /// Reads the `data` object of a file, or the collections of storage, written
    /// in format `format`. A collection that is not a list is refused whole.
    pub fn restore(
        format: u32,
        data: &serde_json::Map<String, Value>,
        today: Date,
    ) -> Result<(Book, Vec<Rejection>), FileError> {
        let units = restore_collection::<Unit>(format, data.get(Unit::COLLECTION), today)
            .map_err(|_| FileError::BadCollection(Unit::COLLECTION))?;
        let members = restore_collection::<Member>(format, data.get(Member::COLLECTION), today)
            .map_err(|_| FileError::BadCollection(Member::COLLECTION))?;
        let mut rejected = units.rejected;
        rejected.extend(members.rejected);
        Ok((
            Book {
                units: units.records,
                members: members.records,
            },
            rejected,
        ))
    }

    /// The home unit's name, or an empty string before set-up.
    pub fn unit_name(&self, home: Option<&RecordId>) -> String {
        home.and_then(|id| self.units.get(id))
            .map(|u| u.data.name.clone())
            .unwrap_or_default()
    }

    /// The home unit and those above it, nearest first.
    pub fn unit_chain(&self, home: Option<&RecordId>) -> Vec<&Record<Unit>> {
        home.map(|id| with_ancestors(&self.units, id))
            .unwrap_or_default()
    }
}

/// This device's own state, kept beside the book but never sent in a file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeviceState {
    pub clock: Clock,
    /// The unit this device keeps the book for; `None` until set-up.
    #[serde(default)]
    pub home: Option<RecordId>,
    /// When the last backup file was made (ms since 1970).
    #[serde(default)]
    pub last_backup_ms: Option<u64>,
}

impl DeviceState {
    /// The stored form: the state behind the same `app` and `format` marker a file has.
    pub fn to_stored(&self) -> Value {
        let mut value = serde_json::to_value(self).unwrap_or(Value::Null);
        if let Value::Object(map) = &mut value {
            map.insert("app".into(), APP.into());
            map.insert("format".into(), FORMAT.into());
        }
        value
    }

    /// Reads the stored form; returns the state and the format it was written in.
    pub fn from_stored(value: &Value) -> Result<(DeviceState, u32), FileError> {
        let Value::Object(object) = value else {
            return Err(FileError::NotAnObject);
        };
        let format = check_app_and_format(object)?;
        let state =
            DeviceState::deserialize(value).map_err(|_| FileError::BadHeader { field: "clock" })?;
        Ok((state, format))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::stamp::DeviceId;

    #[test]
    fn device_state_round_trips_behind_the_marker() {
        let state = DeviceState {
            clock: Clock::new(DeviceId::from_random([3; 8])),
            home: RecordId::parse("abc"),
            last_backup_ms: Some(5),
        };
        let stored = state.to_stored();
        assert_eq!(stored["app"], APP);
        assert_eq!(DeviceState::from_stored(&stored), Ok((state, FORMAT)));
        let mut newer = stored.clone();
        newer["format"] = (FORMAT + 1).into();
        assert_eq!(
            DeviceState::from_stored(&newer),
            Err(FileError::NewerFormat {
                found: u64::from(FORMAT + 1)
            })
        );
    }
}
