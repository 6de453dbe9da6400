//! What the browser keeps beside the book: the interface language and her
//! column choices for member lists (one for the browser, whichever space is
//! open), and the drafts of new records' forms (one per space).

use super::space::Space;
use super::store::{browser, SaveError, Store};
use crate::domain::file::envelope::parse_json;

/// The key of her column choices for member lists, by header: one for the
/// browser, whichever space is open.
pub(super) const LIST_COLUMNS_KEY: &str = "sotay.list-columns";

/// What she said the columns of earlier member lists hold; none at first,
/// and none if what is stored cannot be read (it only helps guessing).
pub fn list_columns() -> crate::domain::sheets::roster::columns::Remembered {
    browser()
        .and_then(|s| s.get(LIST_COLUMNS_KEY))
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Remembers her column choices for the next list, beside the earlier ones.
pub fn set_list_columns(choices: &crate::domain::sheets::roster::columns::Remembered) {
    let mut all = list_columns();
    all.retain(|(header, _)| !choices.iter().any(|(h, _)| h == header));
    all.extend(choices.iter().cloned());
    if let (Some(store), Ok(text)) = (browser(), serde_json::to_string(&all)) {
        let _ = store.set(LIST_COLUMNS_KEY, &text);
    }
}

/// The key of the interface language: one for the browser, whichever space is open.
pub(super) const LANGUAGE_KEY: &str = "sotay.lang";

/// The interface language chosen in settings, as its code; `None` until chosen.
pub fn language() -> Option<String> {
    browser()?.get(LANGUAGE_KEY)
}

/// Keeps the interface language for the next start.
pub fn set_language(code: &str) -> Result<(), SaveError> {
    browser()
        .ok_or(SaveError::Unavailable)?
        .set(LANGUAGE_KEY, code)
}

/// Key part of a form's draft: `<space prefix>draft.<form>`.
pub(super) const DRAFT: &str = "draft.";

/// The draft of a new record's form left unsaved, if it can be read. A draft
/// is a copy of a form, not of the book: one that cannot be read (written by
/// another version) is left as it is, and the form starts empty.
pub fn load_draft<T: serde::de::DeserializeOwned>(space: Space, form: &str) -> Option<T> {
    let text = browser()?.get(&space.key(&format!("{DRAFT}{form}")))?;
    // Through a Value, as records are restored: the same deserializers serve
    // both, and the pages stay small.
    let value = parse_json(text.as_bytes()).ok()?;
    T::deserialize(&value).ok()
}

/// Keeps a form's draft; a full storage only means the draft is not kept.
pub fn save_draft<T: serde::Serialize>(space: Space, form: &str, draft: &T) {
    if let (Some(store), Ok(text)) = (browser(), serde_json::to_string(draft)) {
        let _ = store.set(&space.key(&format!("{DRAFT}{form}")), &text);
    }
}

/// Forgets a form's draft, once saved or thrown away.
pub fn clear_draft(space: Space, form: &str) {
    if let Some(store) = browser() {
        store.remove(&space.key(&format!("{DRAFT}{form}")));
    }
}
