//! Places in the app, kept in the address's `#` part so that the phone's back
//! button works and the app runs from any sub-path. Their addresses and
//! parts are in the one table of places (`places.rs`).

use crate::domain::kernel::record::RecordId;
use crate::ui::i18n::t;
use crate::ui::places::{self, Kind, Part, Place, PLACES};

/// The parts of the chapter's work, each with its list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// Cadres and women's groups.
    Cadres,
    Trainings,
    Models,
    Activities,
    Fees,
    /// Women in the area and the chapter's own targets.
    Baseline,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Cadres,
        Section::Trainings,
        Section::Models,
        Section::Activities,
        Section::Fees,
        Section::Baseline,
    ];

    fn from_slug(slug: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.slug() == slug)
    }

    fn slug(self) -> &'static str {
        match self {
            Section::Cadres => "can-bo",
            Section::Trainings => "tap-huan",
            Section::Models => "mo-hinh",
            Section::Activities => "sinh-hoat",
            Section::Fees => "hoi-phi",
            Section::Baseline => "so-lieu-nen",
        }
    }

    /// Whether its records open in a form of their own (fees are ticked in
    /// the list, the area's counts typed in it).
    fn has_form(self) -> bool {
        !matches!(self, Section::Fees | Section::Baseline)
    }

    /// The collection of the records its form edits.
    fn collection(self) -> &'static str {
        match self {
            Section::Cadres => "roles",
            Section::Trainings => "trainings",
            Section::Models => "models",
            Section::Activities => "activities",
            Section::Fees => "fees",
            Section::Baseline => "denominators",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Section::Cadres => t::section_cadres(),
            Section::Trainings => t::section_trainings(),
            Section::Models => t::section_models(),
            Section::Activities => t::section_activities(),
            Section::Fees => t::section_fees(),
            Section::Baseline => t::section_baseline(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The member register.
    Register,
    /// The form for a new member.
    NewMember,
    /// One member's page.
    Member(RecordId),
    /// One part of the chapter's work.
    Work(Section),
    /// A record of the chapter's work: a new one when the id is `None`.
    Edit(Section, Option<RecordId>),
    /// The dashboard of figures for a period.
    Figures,
    /// The report table, printable and exportable.
    Report,
    /// The units below an office side by side.
    Compare,
    /// Targets and emulation campaigns, from above and for the units below.
    Plan,
    /// Backups and imports.
    Files,
    /// The unit and the units above it.
    Unit,
    /// Storage, backups, language: how the app keeps her data.
    Settings,
    /// A member list brought in from a spreadsheet.
    MemberList,
    /// The register as chapters keep it on paper, to print or download.
    PaperRegister,
    /// One member's move to another chapter, and its transfer file.
    Transfer(RecordId),
    /// An office's home: this period's reports of the units below, and the
    /// button that receives one.
    Office,
    /// A meeting's minutes, to print or send.
    Minutes(RecordId),
}

impl Route {
    /// Reads a location hash such as `#/hoi-vien/abc`; anything unknown is the register.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let segments: Vec<&str> = path.split('/').collect();
        if segments == ["cong-viec"] {
            // The work tab's first address, in links kept from before.
            return Route::Work(Section::Cadres);
        }
        PLACES
            .iter()
            .find_map(|place| read(place, &segments))
            .unwrap_or(Route::Register)
    }

    /// The kind of place the route is.
    pub fn kind(&self) -> Kind {
        match self {
            Route::Register => Kind::Register,
            Route::NewMember => Kind::NewMember,
            Route::Member(_) => Kind::Member,
            Route::Work(_) => Kind::Work,
            Route::Edit(_, None) => Kind::NewRecord,
            Route::Edit(_, Some(_)) => Kind::Record,
            Route::Figures => Kind::Figures,
            Route::Report => Kind::Report,
            Route::Compare => Kind::Compare,
            Route::Plan => Kind::Plan,
            Route::Files => Kind::Files,
            Route::Unit => Kind::Unit,
            Route::Settings => Kind::Settings,
            Route::MemberList => Kind::MemberList,
            Route::PaperRegister => Kind::PaperRegister,
            Route::Transfer(_) => Kind::Transfer,
            Route::Office => Kind::Office,
            Route::Minutes(_) => Kind::Minutes,
        }
    }

    /// Its row of the table of places.
    pub fn place(&self) -> &'static Place {
        places::of(self.kind())
    }

    /// The part of the app that draws it.
    pub fn part(&self) -> Part {
        self.place().part
    }

    /// Every place of the app, those naming a record with `id`: read from
    /// the table of places, for the page sweeps of the end-to-end tests
    /// (`examples/routes.rs`), so that a place added there is checked.
    pub fn all(id: &RecordId) -> Vec<Route> {
        let sections = |slot: &str| -> Vec<Option<Section>> {
            match slot {
                ":section" => Section::ALL.into_iter().map(Some).collect(),
                ":form" => Section::ALL
                    .into_iter()
                    .filter(|s| s.has_form())
                    .map(Some)
                    .collect(),
                _ => vec![None],
            }
        };
        PLACES
            .iter()
            .flat_map(|place| {
                let slot = place
                    .address
                    .split('/')
                    .find(|s| matches!(*s, ":section" | ":form"));
                let with_id = place.address.split('/').any(|s| s == ":id");
                sections(slot.unwrap_or_default())
                    .into_iter()
                    .filter_map(move |section| {
                        build(place.kind, section, with_id.then(|| id.clone()))
                    })
            })
            .collect()
    }

    /// The collection of the record the route names, if it names one.
    pub fn names_record(&self) -> Option<&'static str> {
        match self {
            Route::Member(_) | Route::Transfer(_) => Some("members"),
            Route::Minutes(_) => Some("activities"),
            Route::Edit(section, Some(_)) => Some(section.collection()),
            _ => None,
        }
    }

    /// A link to the route: its `#` part, within the one page of the app.
    pub fn href(&self) -> String {
        self.hash()
    }

    /// The route's `#` part, its place's address filled in.
    pub fn hash(&self) -> String {
        let (section, id) = match self {
            Route::Work(section) | Route::Edit(section, None) => (Some(*section), None),
            Route::Edit(section, Some(id)) => (Some(*section), Some(id)),
            Route::Member(id) | Route::Transfer(id) | Route::Minutes(id) => (None, Some(id)),
            _ => (None, None),
        };
        let filled: Vec<String> = self
            .place()
            .address
            .split('/')
            .map(|segment| match segment {
                ":section" | ":form" => section.map(Section::slug).unwrap_or_default().into(),
                ":id" => id.map(ToString::to_string).unwrap_or_default(),
                literal => literal.into(),
            })
            .collect();
        format!("#/{}", filled.join("/"))
    }

    /// The window's title while the route is open.
    pub fn title(&self) -> String {
        format!("{} · {}", (self.place().title)(self), t::app_name())
    }
}

/// The route a place's address reads from an address's segments, if it
/// reads one.
fn read(place: &Place, segments: &[&str]) -> Option<Route> {
    let pattern: Vec<&str> = place.address.split('/').collect();
    if pattern.len() != segments.len() {
        return None;
    }
    let (mut section, mut id) = (None, None);
    for (slot, segment) in pattern.iter().zip(segments) {
        match *slot {
            ":section" => section = Some(Section::from_slug(segment)?),
            ":form" => section = Some(Section::from_slug(segment).filter(|s| s.has_form())?),
            ":id" => id = Some(RecordId::parse(segment)?),
            literal if literal == *segment => {}
            _ => return None,
        }
    }
    build(place.kind, section, id)
}

/// The route of a kind with the section and record its address named;
/// `None` when one it needs is missing.
fn build(kind: Kind, section: Option<Section>, id: Option<RecordId>) -> Option<Route> {
    Some(match kind {
        Kind::Register => Route::Register,
        Kind::NewMember => Route::NewMember,
        Kind::Member => Route::Member(id?),
        Kind::Work => Route::Work(section?),
        Kind::NewRecord => Route::Edit(section?, None),
        Kind::Record => Route::Edit(section?, Some(id?)),
        Kind::Figures => Route::Figures,
        Kind::Report => Route::Report,
        Kind::Compare => Route::Compare,
        Kind::Plan => Route::Plan,
        Kind::Files => Route::Files,
        Kind::Unit => Route::Unit,
        Kind::Settings => Route::Settings,
        Kind::MemberList => Route::MemberList,
        Kind::PaperRegister => Route::PaperRegister,
        Kind::Transfer => Route::Transfer(id?),
        Kind::Office => Route::Office,
        Kind::Minutes => Route::Minutes(id?),
    })
}

/// The route of the current address.
pub fn current() -> Route {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Route::parse(&hash)
}

/// Writes on the page which place is drawn (`<body data-page>`, its
/// address's `#` part), in the same step as its view: what a page sweep of
/// the end-to-end tests checks it reached, since an unknown address draws
/// the register. Set here rather than as a reactive attribute, which costs
/// every page 3 KB. The window's title follows.
pub fn mark_shown(route: &Route) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(body) = document.body() {
        let _ = body.set_attribute("data-page", &route.hash());
    }
    document.set_title(&route.title());
}

/// Goes to a route as a link would, so that "back" returns.
pub fn go(route: &Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(&route.hash());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_round_trip() {
        let id = RecordId::parse("19ad-0-abababababababab").unwrap();
        for route in Route::all(&id) {
            assert_eq!(Route::parse(&route.hash()), route);
        }
        assert_eq!(
            Route::all(&id).len(),
            29,
            "every section's list, form and record"
        );
        assert_eq!(Route::Register.href(), "#/");
        assert_eq!(Route::Figures.href(), "#/so-lieu");
        assert_eq!(
            Route::Edit(Section::Models, Some(id.clone())).hash(),
            "#/cong-viec/mo-hinh/19ad-0-abababababababab"
        );
        assert_eq!(
            Route::Edit(Section::Models, None).hash(),
            "#/cong-viec/mo-hinh/moi"
        );
        assert_eq!(Route::parse("#/cong-viec"), Route::Work(Section::Cadres));
        assert_eq!(Route::parse(""), Route::Register);
        assert_eq!(Route::parse("#/hoi-vien/BAD"), Route::Register);
        assert_eq!(Route::parse("#/cong-viec/khong-co"), Route::Register);
        assert_eq!(
            Route::parse("#/cong-viec/hoi-phi/moi"),
            Route::Register,
            "fees have no form of their own"
        );
    }
}
