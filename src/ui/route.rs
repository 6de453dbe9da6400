//! Places in the app, kept in the address's `#` part so that the phone's back
//! button works and the app runs from any sub-path.

use crate::domain::record::RecordId;
use crate::ui::i18n::t;
use std::cell::Cell;

/// The app's pages, each its own wasm bundle so that every page stays within
/// its size budget: the shell (set-up, register, unit, settings) first; the
/// others when first opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bundle {
    Shell,
    /// The chapter's work: its lists and forms.
    Work,
    /// The dashboard of figures and the report.
    Figures,
    /// Files: backups and imports.
    Files,
    /// Offices: the units below side by side, plans and campaigns.
    Offices,
    /// Registers in and out: a member list brought in from a spreadsheet,
    /// the register on paper, a member's move to another chapter.
    Lists,
    /// Makes a sample book and opens it; no route of its own.
    Sample,
}

impl Bundle {
    /// The page's address relative to the other page.
    pub fn file(self) -> &'static str {
        match self {
            Bundle::Shell => "./",
            Bundle::Work => "cong-viec.html",
            Bundle::Figures => "so-lieu.html",
            Bundle::Files => "tep.html",
            Bundle::Offices => "van-phong.html",
            Bundle::Lists => "danh-sach.html",
            Bundle::Sample => "mau.html",
        }
    }
}

thread_local! {
    static CURRENT: Cell<Bundle> = const { Cell::new(Bundle::Shell) };
}

/// Records which page is running; called once at start.
pub fn set_bundle(bundle: Bundle) {
    CURRENT.with(|c| c.set(bundle));
}

/// The page that is running.
pub fn bundle() -> Bundle {
    CURRENT.with(Cell::get)
}

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
}

impl Route {
    /// Reads a location hash such as `#/hoi-vien/abc`; anything unknown is the register.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').collect();
        let section = |slug: &str| Section::ALL.into_iter().find(|s| s.slug() == slug);
        match parts.as_slice() {
            ["hoi-vien", "moi"] => Route::NewMember,
            ["hoi-vien", id] => RecordId::parse(id).map_or(Route::Register, Route::Member),
            ["cong-viec"] => Route::Work(Section::Cadres),
            ["cong-viec", slug] => section(slug).map_or(Route::Register, Route::Work),
            ["cong-viec", slug, "moi"] => section(slug)
                .filter(|s| s.has_form())
                .map_or(Route::Register, |s| Route::Edit(s, None)),
            ["cong-viec", slug, id] => match (section(slug), RecordId::parse(id)) {
                (Some(s), Some(id)) if s.has_form() => Route::Edit(s, Some(id)),
                _ => Route::Register,
            },
            ["so-lieu"] => Route::Figures,
            ["bao-cao"] => Route::Report,
            ["so-sanh"] => Route::Compare,
            ["ke-hoach"] => Route::Plan,
            ["sao-luu"] => Route::Files,
            ["don-vi"] => Route::Unit,
            ["cai-dat"] => Route::Settings,
            ["danh-sach"] => Route::MemberList,
            ["in-so"] => Route::PaperRegister,
            ["chuyen-sinh-hoat", id] => {
                RecordId::parse(id).map_or(Route::Register, Route::Transfer)
            }
            _ => Route::Register,
        }
    }

    /// Every place of the app, those naming a record with `id`: the one
    /// table the page sweeps of the end-to-end tests visit
    /// (`examples/routes.rs`), so that a page added here is checked.
    pub fn all(id: &RecordId) -> Vec<Route> {
        let mut all = vec![Route::Register, Route::NewMember, Route::Member(id.clone())];
        for section in Section::ALL {
            all.push(Route::Work(section));
            if section.has_form() {
                all.push(Route::Edit(section, None));
                all.push(Route::Edit(section, Some(id.clone())));
            }
        }
        all.extend([
            Route::Figures,
            Route::Report,
            Route::Compare,
            Route::Plan,
            Route::Files,
            Route::Unit,
            Route::Settings,
            Route::MemberList,
            Route::PaperRegister,
            Route::Transfer(id.clone()),
        ]);
        all
    }

    /// The collection of the record the route names, if it names one. (A
    /// new kind of route makes this match fail to compile: add it to
    /// [`Route::all`] too.)
    pub fn names_record(&self) -> Option<&'static str> {
        match self {
            Route::Member(_) | Route::Transfer(_) => Some("members"),
            Route::Edit(section, Some(_)) => Some(section.collection()),
            Route::Register
            | Route::NewMember
            | Route::Work(_)
            | Route::Edit(_, None)
            | Route::Figures
            | Route::Report
            | Route::Compare
            | Route::Plan
            | Route::Files
            | Route::Unit
            | Route::Settings
            | Route::MemberList
            | Route::PaperRegister => None,
        }
    }

    /// The page that shows this route.
    pub fn bundle(&self) -> Bundle {
        match self {
            Route::Work(_) | Route::Edit(..) => Bundle::Work,
            Route::Figures | Route::Report | Route::Unit => Bundle::Figures,
            Route::Files | Route::Settings => Bundle::Files,
            Route::MemberList | Route::PaperRegister | Route::Transfer(_) => Bundle::Lists,
            Route::Compare | Route::Plan => Bundle::Offices,
            _ => Bundle::Shell,
        }
    }

    /// A link to the route: the `#` part alone within the running page,
    /// with the other page's address in front otherwise.
    pub fn href(&self) -> String {
        match self.bundle() {
            b if b == bundle() => self.hash(),
            b => format!("{}{}", b.file(), self.hash()),
        }
    }

    /// The route's `#` part.
    pub fn hash(&self) -> String {
        match self {
            Route::Register => "#/".into(),
            Route::NewMember => "#/hoi-vien/moi".into(),
            Route::Member(id) => format!("#/hoi-vien/{id}"),
            Route::Work(section) => format!("#/cong-viec/{}", section.slug()),
            Route::Edit(section, None) => format!("#/cong-viec/{}/moi", section.slug()),
            Route::Edit(section, Some(id)) => format!("#/cong-viec/{}/{id}", section.slug()),
            Route::Figures => "#/so-lieu".into(),
            Route::Report => "#/bao-cao".into(),
            Route::Compare => "#/so-sanh".into(),
            Route::Plan => "#/ke-hoach".into(),
            Route::Files => "#/sao-luu".into(),
            Route::Unit => "#/don-vi".into(),
            Route::Settings => "#/cai-dat".into(),
            Route::MemberList => "#/danh-sach".into(),
            Route::PaperRegister => "#/in-so".into(),
            Route::Transfer(id) => format!("#/chuyen-sinh-hoat/{id}"),
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

/// Writes on the page which place is drawn (`<body data-page>`, its
/// address's `#` part), in the same step as its view: what a page sweep of
/// the end-to-end tests checks it reached, since an unknown address draws
/// the register. Set here rather than as a reactive attribute, which costs
/// every page 3 KB.
pub fn mark_shown(route: &Route) {
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = body.set_attribute("data-page", &route.hash());
    }
}

/// Goes to a route as a link would, so that "back" returns.
pub fn go(route: &Route) {
    if let Some(window) = web_sys::window() {
        let _ = match route.bundle() == bundle() {
            true => window.location().set_hash(&route.hash()),
            false => window.location().assign(&route.href()),
        };
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
        set_bundle(Bundle::Shell);
        assert_eq!(Route::Register.href(), "#/");
        assert_eq!(Route::Figures.href(), "so-lieu.html#/so-lieu");
        set_bundle(Bundle::Figures);
        assert_eq!(Route::Register.href(), "./#/");
        assert_eq!(Route::Figures.href(), "#/so-lieu");
        assert_eq!(Route::Plan.href(), "van-phong.html#/ke-hoach");
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
