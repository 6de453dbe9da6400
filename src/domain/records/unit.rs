//! Units of the Union as data: a chapter, the commune union above it, the
//! province above that. No level is built in; a unit has a free kind label and a
//! parent, so mergers of communes and provinces, and emulation clusters, are just data.

use crate::domain::kernel::merge::takes_theirs;
use crate::domain::kernel::problem::{check_text, FieldProblem, Problem};
use crate::domain::kernel::record::{Collection, Record, RecordId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

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
    pub valid_from: Option<crate::domain::kernel::date::Date>,
    /// Last day the unit existed, when it was merged into another or dissolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<crate::domain::kernel::date::Date>,
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
    pub since: crate::domain::kernel::date::Date,
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
        let kind = crate::domain::kernel::name::fold(&self.kind);
        let mut words = kind.split_whitespace();
        words.next() == Some("chi") && words.next() == Some("hoi")
    }

    /// Whether the unit existed at some time in `period`.
    pub fn exists_in(&self, period: crate::domain::kernel::period::Period) -> bool {
        self.valid_from.is_none_or(|from| from <= period.end())
            && self.valid_to.is_none_or(|to| to >= period.start())
    }

    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        check_text("name", &self.name, MAX_UNIT_TEXT, true, &mut out);
        check_text("kind", &self.kind, MAX_UNIT_TEXT, true, &mut out);
        if let (Some(from), Some(to)) = (self.valid_from, self.valid_to) {
            if to < from {
                out.push(FieldProblem::new("valid_to", Problem::BeforeStart));
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

/// Units of `incoming` that would close a loop in the tree that `local` and
/// `incoming` make together, each id taking the version that wins a merge,
/// with what is wrong: a unit placed under itself, or under a unit that
/// already lies below it. Of the file's units on a loop, the one with the
/// least id is refused (the same one on every phone) and the loop is looked
/// for again without it. A loop of `local` alone (a damaged store) is not
/// the file's doing and is left to the store's own check.
pub fn loops_closed(
    local: &Collection<Unit>,
    incoming: &Collection<Unit>,
) -> Vec<(RecordId, Problem)> {
    let mut refused: Vec<(RecordId, Problem)> = Vec::new();
    let tree = Tree { local, incoming };
    while let Some(cycle) = tree.first_loop(&refused) {
        let closing = cycle
            .iter()
            .filter_map(|id| tree.winner(id, &refused))
            .filter(|(_, theirs)| *theirs)
            .map(|(unit, _)| unit)
            .min_by_key(|unit| &unit.id);
        let Some(unit) = closing else {
            break;
        };
        let problem = match cycle.len() {
            1 => Problem::OwnParent,
            _ => Problem::ClosesLoop(
                unit.data
                    .parent
                    .as_ref()
                    .and_then(|p| tree.winner(p, &refused))
                    .map(|(above, _)| above.data.name.clone())
                    .unwrap_or_default(),
            ),
        };
        refused.push((unit.id.clone(), problem));
    }
    refused
}

/// The units as a merge would leave them, looked up one at a time.
struct Tree<'a> {
    local: &'a Collection<Unit>,
    incoming: &'a Collection<Unit>,
}

impl<'a> Tree<'a> {
    /// The version of `id` whose parent a merge keeps, and whether it is the file's.
    fn winner(
        &self,
        id: &RecordId,
        refused: &[(RecordId, Problem)],
    ) -> Option<(&'a Record<Unit>, bool)> {
        let theirs = self
            .incoming
            .get(id)
            .filter(|u| refused.iter().all(|(r, _)| *r != u.id));
        match (self.local.get(id), theirs) {
            (Some(ours), Some(theirs)) if takes_theirs(ours, theirs, "parent") => {
                Some((theirs, true))
            }
            (Some(ours), _) => Some((ours, false)),
            (None, theirs) => theirs.map(|u| (u, true)),
        }
    }

    /// The ids of one loop through a unit of the file, if any. Walks up from
    /// each of the file's units, every unit at most once (a walk stops where
    /// an earlier one passed), so a tree of any size is looked at in one
    /// pass; a loop of the store alone is passed over.
    fn first_loop(&self, refused: &[(RecordId, Problem)]) -> Option<Vec<&'a RecordId>> {
        let mut done: BTreeSet<&RecordId> = BTreeSet::new();
        for start in self.incoming.all() {
            let mut path: Vec<&RecordId> = Vec::new();
            let mut on_path: BTreeSet<&RecordId> = BTreeSet::new();
            let mut at = self
                .winner(&start.id, refused)
                .filter(|(_, theirs)| *theirs);
            while let Some((unit, _)) = at.filter(|(u, _)| !done.contains(&u.id)) {
                if !on_path.insert(&unit.id) {
                    let from = path.iter().position(|id| **id == unit.id).unwrap_or(0);
                    let cycle = path.split_off(from);
                    if cycle
                        .iter()
                        .any(|id| self.winner(id, refused).is_some_and(|(_, theirs)| theirs))
                    {
                        return Some(cycle);
                    }
                    break;
                }
                path.push(&unit.id);
                at = unit
                    .data
                    .parent
                    .as_ref()
                    .and_then(|p| self.winner(p, refused));
            }
            done.extend(path);
        }
        None
    }
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
    pub fn build(
        &self,
        mut stamp: impl FnMut() -> crate::domain::kernel::stamp::Stamp,
    ) -> Vec<Record<Unit>> {
        let mut created: Vec<Record<Unit>> = Vec::new();
        let levels = self
            .above
            .iter()
            .rev()
            .filter(|(name, _)| !name.trim().is_empty())
            .chain(std::iter::once(&(self.name.clone(), self.kind.clone())))
            .map(|(name, kind)| {
                (
                    crate::domain::kernel::name::tidy(name),
                    crate::domain::kernel::name::tidy(kind),
                )
            })
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

/// Whether `home` is kept as an office — it receives the reports of units
/// below it — rather than as a chapter that keeps members: a unit with units
/// below it, or one whose kind is neither a chapter nor a women's group
/// («Tổ phụ nữ»), such as a commune, a province or a cluster before the
/// first of its units has sent a file.
pub fn is_office(units: &Collection<Unit>, home: &RecordId) -> bool {
    let Some(unit) = units.get(home) else {
        return false;
    };
    let kind = crate::domain::kernel::name::fold(&unit.data.kind);
    let group = kind.split_whitespace().next() == Some("to");
    children(units, home).next().is_some() || !(unit.data.is_chapter() || group)
}

/// The live units directly below `unit`.
pub fn children<'a>(
    units: &'a Collection<Unit>,
    unit: &'a RecordId,
) -> impl Iterator<Item = &'a RecordId> {
    units
        .live()
        .filter(move |u| u.data.parent.as_ref() == Some(unit))
        .map(|u| &u.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kernel::stamp::{Clock, DeviceId};

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
    fn an_office_is_told_by_its_kind_or_by_units_below_it() {
        let mut clock = Clock::new(DeviceId::from_random([2; 8]));
        let mut units = Collection::default();
        let mut add = |name: &str, kind: &str, parent: Option<&RecordId>| {
            let record = Record::create(clock.tick(1_000), Unit::new(name, kind, parent.cloned()));
            let id = record.id.clone();
            units.put(record);
            id
        };
        let commune = add("Hội LHPN xã Tân Lập", "Hội LHPN cấp xã", None);
        let chapter = add("Chi hội Thôn Hạ", "Chi hội", Some(&commune));
        let group = add("Tổ 3", "Tổ phụ nữ", Some(&chapter));
        let alone = add("Chi hội Ấp An", "chi hoi", None);
        let cluster = add("Cụm thi đua", "Cụm thi đua", None);
        assert!(is_office(&units, &commune));
        assert!(is_office(&units, &cluster), "before any unit below it");
        assert!(
            is_office(&units, &chapter),
            "a chapter with a group below it"
        );
        assert!(!is_office(&units, &group));
        assert!(!is_office(&units, &alone));
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
    fn loops_are_found_alone_and_with_what_the_device_holds() {
        let mut clock = Clock::new(DeviceId::from_random([1; 8]));
        let top = Record::create(clock.tick(1), Unit::new("Xã", "x", None));
        let a = Record::create(clock.tick(1), Unit::new("A", "x", Some(top.id.clone())));
        let b = Record::create(clock.tick(1), Unit::new("B", "x", Some(a.id.clone())));
        let local: Collection<Unit> = [top.clone(), a.clone(), b.clone()].into_iter().collect();
        let none = Collection::default();
        assert!(loops_closed(&none, &local).is_empty(), "a tree is no loop");

        let own = a.edited(
            clock.tick(2),
            Unit {
                parent: Some(a.id.clone()),
                ..a.data.clone()
            },
        );
        let file: Collection<Unit> = [own].into_iter().collect();
        assert_eq!(
            loops_closed(&local, &file),
            [(a.id.clone(), Problem::OwnParent)]
        );

        // Sound alone (A under the top), a loop with the device's B under A.
        let a_under_b = a.edited(
            clock.tick(3),
            Unit {
                parent: Some(b.id.clone()),
                ..a.data.clone()
            },
        );
        let file: Collection<Unit> = [a_under_b.clone()].into_iter().collect();
        assert_eq!(
            loops_closed(&local, &file),
            [(a.id.clone(), Problem::ClosesLoop("B".into()))]
        );
        // An older edit of the file's parent loses to a newer one here and
        // closes nothing.
        let mut other = Clock::new(DeviceId::from_random([9; 8]));
        let stale = a.edited(
            other.tick(4),
            Unit {
                parent: Some(b.id.clone()),
                ..a.data.clone()
            },
        );
        let moved_here = a
            .edited(
                clock.tick(4),
                Unit {
                    parent: None,
                    ..a.data.clone()
                },
            )
            .edited(clock.tick(5), a.data.clone());
        let newer_here: Collection<Unit> =
            [top.clone(), moved_here, b.clone()].into_iter().collect();
        let file: Collection<Unit> = [stale].into_iter().collect();
        assert!(loops_closed(&newer_here, &file).is_empty());

        // A store that loops already is walked once, not round and round.
        let damaged: Collection<Unit> = [top.clone(), a_under_b, b.clone()].into_iter().collect();
        let c = Record::create(clock.tick(5), Unit::new("C", "x", Some(b.id.clone())));
        let file: Collection<Unit> = [c].into_iter().collect();
        assert!(loops_closed(&damaged, &file).is_empty());
    }

    #[test]
    fn a_chain_of_many_units_is_walked_once() {
        // Ten thousand units each under the next, the last under the first:
        // one loop, found by walking each unit once, not once per unit.
        let mut clock = Clock::new(DeviceId::from_random([2; 8]));
        let ids: Vec<RecordId> = (0..10_000)
            .map(|_| RecordId::mint(&clock.tick(1)))
            .collect();
        let units: Collection<Unit> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let parent = Some(ids[(i + 1) % ids.len()].clone());
                Record::keyed(
                    id.clone(),
                    clock.tick(2),
                    Unit::new(format!("Tổ {i}"), "Tổ", parent),
                )
            })
            .collect();
        let refused = loops_closed(&Collection::default(), &units);
        assert_eq!(refused.len(), 1);
        assert_eq!(refused[0].0, ids[0], "the least id");
        assert_eq!(refused[0].1, Problem::ClosesLoop("Tổ 1".into()));
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
