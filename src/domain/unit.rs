//! Units of the Union as data: a chapter, the commune union above it, the
//! province above that. No level is built in; a unit has a free kind label and a
//! parent, so mergers of communes and provinces, and emulation clusters, are just data.

use super::problem::{check_text, FieldProblem};
use super::record::{Collection, Record, RecordId};
use serde::{Deserialize, Serialize};

/// Longest unit name or kind label.
pub const MAX_UNIT_TEXT: usize = 120;

/// One unit of the organisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    pub name: String,
    /// Free label: "Chi hội", "Hội LHPN xã", "Hội LHPN tỉnh", "Cụm thi đua"…
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<RecordId>,
    /// The chapter's online group (Zalo, Facebook…), if it runs one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_group: Option<OnlineGroup>,
    /// First day the unit existed, when known (a unit made by a merger).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<super::date::Date>,
    /// Last day the unit existed, when it was merged into another or dissolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<super::date::Date>,
    /// Units merged into this one (the 2025 reform merged provinces and
    /// communes): their figures count as this unit's for periods before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub predecessors: Vec<RecordId>,
}

/// An online group a unit runs for its members.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnlineGroup {
    /// "Zalo", "Facebook"…
    pub platform: String,
    pub since: super::date::Date,
}

impl Unit {
    /// A unit with a name, a kind label and the unit above it.
    pub fn new(name: impl Into<String>, kind: impl Into<String>, parent: Option<RecordId>) -> Unit {
        Unit {
            name: name.into(),
            kind: kind.into(),
            parent,
            online_group: None,
            valid_from: None,
            valid_to: None,
            predecessors: Vec::new(),
        }
    }

    /// Whether the unit is a grassroots chapter, which has members and no units
    /// below; any other kind is an office that plans for the units below it,
    /// even before the first of them has sent a file.
    pub fn is_chapter(&self) -> bool {
        let kind = super::name::fold(&self.kind);
        let mut words = kind.split_whitespace();
        words.next() == Some("chi") && words.next() == Some("hoi")
    }

    /// Whether the unit existed at some time in `period`.
    pub fn exists_in(&self, period: super::period::Period) -> bool {
        self.valid_from.is_none_or(|from| from <= period.end())
            && self.valid_to.is_none_or(|to| to >= period.start())
    }

    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        check_text("name", &self.name, MAX_UNIT_TEXT, true, &mut out);
        check_text("kind", &self.kind, MAX_UNIT_TEXT, true, &mut out);
        if let (Some(from), Some(to)) = (self.valid_from, self.valid_to) {
            if to < from {
                out.push(FieldProblem::new(
                    "valid_to",
                    super::problem::Problem::BeforeStart,
                ));
            }
        }
        if let Some(group) = &self.online_group {
            check_text(
                "online_group.platform",
                &group.platform,
                MAX_UNIT_TEXT,
                true,
                &mut out,
            );
        }
        out
    }
}

/// The unit and the units above it, nearest first. Stops at a missing or deleted
/// parent, and at a loop, which a crafted file could make.
pub fn with_ancestors<'a>(units: &'a Collection<Unit>, id: &RecordId) -> Vec<&'a Record<Unit>> {
    let mut chain: Vec<&Record<Unit>> = Vec::new();
    let mut next = Some(id);
    while let Some(id) = next {
        match units.get(id) {
            Some(unit) if !unit.deleted && chain.iter().all(|u| u.id != unit.id) => {
                chain.push(unit);
                next = unit.data.parent.as_ref();
            }
            _ => break,
        }
    }
    chain
}

/// What the first-run screen asks: the device's own unit and the names of the
/// units above it. Parents may be left empty.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UnitSetup {
    pub name: String,
    pub kind: String,
    /// (name, kind) of each unit above, nearest first: commune, then province.
    pub above: Vec<(String, String)>,
}

impl UnitSetup {
    /// The units to create, topmost first so that each parent exists before its
    /// child; the last one is the home unit. `stamp` gives each a fresh stamp.
    pub fn build(&self, mut stamp: impl FnMut() -> super::stamp::Stamp) -> Vec<Record<Unit>> {
        let mut created: Vec<Record<Unit>> = Vec::new();
        let levels = self
            .above
            .iter()
            .rev()
            .filter(|(name, _)| !name.trim().is_empty())
            .chain(std::iter::once(&(self.name.clone(), self.kind.clone())))
            .map(|(name, kind)| (super::name::tidy(name), super::name::tidy(kind)))
            .collect::<Vec<_>>();
        for (name, kind) in levels {
            let parent = created.last().map(|u| u.id.clone());
            created.push(Record::create(stamp(), Unit::new(name, kind, parent)));
        }
        created
    }

    /// Problems, with fields named `name`, `kind`, `above.0.name`…
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        check_text("name", &self.name, MAX_UNIT_TEXT, true, &mut out);
        check_text("kind", &self.kind, MAX_UNIT_TEXT, true, &mut out);
        for (i, (name, kind)) in self.above.iter().enumerate() {
            check_text(
                &format!("above.{i}.name"),
                name,
                MAX_UNIT_TEXT,
                false,
                &mut out,
            );
            check_text(
                &format!("above.{i}.kind"),
                kind,
                MAX_UNIT_TEXT,
                false,
                &mut out,
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::stamp::{Clock, DeviceId};

    #[test]
    fn chapters_are_told_from_offices_by_their_kind_however_typed() {
        for kind in ["Chi hội", "chi hoi", "CHI HỘI phụ nữ", " Chi  hội"] {
            assert!(Unit::new("A", kind, None).is_chapter(), "{kind}");
        }
        for kind in ["Hội LHPN xã", "Cụm thi đua", "Hội LHPN tỉnh"] {
            assert!(!Unit::new("A", kind, None).is_chapter(), "{kind}");
        }
    }

    #[test]
    fn setup_builds_a_chain_topmost_first() {
        let setup = UnitSetup {
            name: " Chi hội  Thôn Đông".into(),
            kind: "Chi hội".into(),
            above: vec![
                ("Hội LHPN xã An Bình".into(), "Hội LHPN xã".into()),
                ("".into(), "Hội LHPN tỉnh".into()),
            ],
        };
        assert!(setup.problems().is_empty());
        let mut clock = Clock::new(DeviceId::from_random([1; 8]));
        let created = setup.build(|| clock.tick(1_000));
        assert_eq!(created.len(), 2, "an unnamed level is skipped");
        let units: Collection<Unit> = created.iter().cloned().collect();
        let home = created.last().unwrap();
        assert_eq!(home.data.name, "Chi hội Thôn Đông");
        let chain: Vec<&str> = with_ancestors(&units, &home.id)
            .iter()
            .map(|u| u.data.name.as_str())
            .collect();
        assert_eq!(chain, ["Chi hội Thôn Đông", "Hội LHPN xã An Bình"]);
    }

    #[test]
    fn a_parent_loop_ends() {
        let mut clock = Clock::new(DeviceId::from_random([1; 8]));
        let a = Record::create(clock.tick(1), Unit::new("A", "x", None));
        let b = Record::create(clock.tick(1), Unit::new("B", "x", Some(a.id.clone())));
        let a_looped = a.edited(
            clock.tick(1),
            Unit {
                parent: Some(b.id.clone()),
                ..a.data.clone()
            },
        );
        let units: Collection<Unit> = [a_looped, b.clone()].into_iter().collect();
        assert_eq!(with_ancestors(&units, &b.id).len(), 2);
    }
}
