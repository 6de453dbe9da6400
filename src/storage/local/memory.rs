//! A store in memory for host tests, as localStorage behaves where it
//! matters: a quota counted as browsers count it (UTF-16 code units, keys
//! included), and a tab that can be cut off after so many writes.

use super::store::{SaveError, Store};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

pub struct Memory {
    items: RefCell<BTreeMap<String, String>>,
    /// Characters it holds at most.
    pub quota: Cell<usize>,
    /// Writes that succeed before the tab is closed mid-save; none fail when `None`.
    pub writes_left: Cell<Option<usize>>,
}

fn chars(key: &str, text: &str) -> usize {
    key.encode_utf16().count() + text.encode_utf16().count()
}

impl Memory {
    pub fn new(quota: usize) -> Memory {
        Memory {
            items: RefCell::default(),
            quota: Cell::new(quota),
            writes_left: Cell::new(None),
        }
    }

    /// Characters held.
    pub fn used(&self) -> usize {
        self.items.borrow().iter().map(|(k, v)| chars(k, v)).sum()
    }

    /// Every key and its text.
    pub fn contents(&self) -> BTreeMap<String, String> {
        self.items.borrow().clone()
    }
}

impl Store for Memory {
    fn get(&self, key: &str) -> Option<String> {
        self.items.borrow().get(key).cloned()
    }

    fn set(&self, key: &str, text: &str) -> Result<(), SaveError> {
        match self.writes_left.get() {
            Some(0) => return Err(SaveError::Unavailable),
            Some(left) => self.writes_left.set(Some(left - 1)),
            None => {}
        }
        let held = self
            .items
            .borrow()
            .get(key)
            .map_or(0, |old| chars(key, old));
        if self.used() - held + chars(key, text) > self.quota.get() {
            return Err(SaveError::Full);
        }
        self.items
            .borrow_mut()
            .insert(key.to_owned(), text.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.items.borrow_mut().remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.items.borrow().keys().cloned().collect()
    }
}
