//! Places in the app, kept in the address's `#` part so that the phone's back
//! button works and the app runs from any sub-path.

use crate::domain::record::RecordId;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The member register.
    Register,
    /// The form for a new member.
    NewMember,
    /// One member's page.
    Member(RecordId),
    /// Backups and imports.
    Files,
    /// The unit and the units above it.
    Unit,
}

impl Route {
    /// Reads a location hash such as `#/hoi-vien/abc`; anything unknown is the register.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.split_once('/') {
            Some(("hoi-vien", "moi")) => Route::NewMember,
            Some(("hoi-vien", id)) => RecordId::parse(id).map_or(Route::Register, Route::Member),
            _ => match path {
                "sao-luu" => Route::Files,
                "don-vi" => Route::Unit,
                _ => Route::Register,
            },
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Register => "#/".into(),
            Route::NewMember => "#/hoi-vien/moi".into(),
            Route::Member(id) => format!("#/hoi-vien/{id}"),
            Route::Files => "#/sao-luu".into(),
            Route::Unit => "#/don-vi".into(),
        }
    }
}

/// The route of the current address.
pub fn current() -> Route {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Route::parse(&hash)
}

/// Goes to a route as a link would, so that "back" returns.
pub fn go(route: &Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(&route.href());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_round_trip() {
        let id = RecordId::parse("19ad-0-abababababababab").unwrap();
        for route in [
            Route::Register,
            Route::NewMember,
            Route::Member(id),
            Route::Files,
            Route::Unit,
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
        assert_eq!(Route::parse(""), Route::Register);
        assert_eq!(Route::parse("#/hoi-vien/BAD"), Route::Register);
    }
}
