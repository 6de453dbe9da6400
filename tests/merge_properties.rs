//! Properties of merge over random record sets: the order and the number of
//! times files are imported never change the result, and the result is the
//! newest version of each record, by the rule docs/file-format.md writes. Ids come from a small
//! pool so that records collide; stamps from a few walls, counters and two
//! devices so that ties happen; tombstones at random.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use so_tay_chi_hoi::domain::kernel::merge::merge;
use so_tay_chi_hoi::domain::kernel::record::{Collection, Record, RecordId};
use so_tay_chi_hoi::domain::kernel::stamp::{DeviceId, Stamp};
use std::collections::BTreeSet;

/// Cases per property (proptest's default is 256).
const CASES: u32 = 1024;

fn record() -> impl Strategy<Value = Record<String>> {
    (0u8..6, 0u64..4, 0u32..3, 0u8..2, any::<bool>(), 0u8..3).prop_map(
        |(id, wall_ms, counter, device, deleted, data)| Record {
            id: RecordId::parse(&format!("r{id}")).expect("a valid id"),
            stamp: Stamp {
                wall_ms,
                counter,
                device: DeviceId::from_random([device + 1; 8]),
            },
            deleted,
            data: format!("nội dung {data}"),
        },
    )
}

fn collection() -> impl Strategy<Value = Collection<String>> {
    prop::collection::vec(record(), 0..10).prop_map(|records| records.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn importing_twice_changes_nothing(a in collection(), b in collection()) {
        let once = merge(&a, &b);
        prop_assert_eq!(merge(&once, &b), once.clone());
        prop_assert_eq!(merge(&a, &a), a);
    }

    #[test]
    fn order_of_two_files_does_not_matter(a in collection(), b in collection()) {
        prop_assert_eq!(merge(&a, &b), merge(&b, &a));
    }

    /// A merge keeping the older version would pass the three properties
    /// above; this one says which version wins, written out apart from the
    /// merge's own ordering: the greatest stamp (wall time, then counter,
    /// then device id); on equal stamps a deletion; then the data whose JSON
    /// text is the greater.
    #[test]
    fn the_newest_version_of_each_record_wins(a in collection(), b in collection()) {
        let merged = merge(&a, &b);
        let ids: BTreeSet<&RecordId> = a.all().chain(b.all()).map(|r| &r.id).collect();
        prop_assert_eq!(merged.len(), ids.len());
        let rank = |r: &Record<String>| (
            r.stamp.wall_ms,
            r.stamp.counter,
            r.stamp.device.as_str().to_owned(),
            r.deleted,
            serde_json::to_string(&r.data).unwrap(),
        );
        for id in ids {
            let newest = [a.get(id), b.get(id)]
                .into_iter()
                .flatten()
                .max_by_key(|r| rank(r))
                .unwrap();
            prop_assert_eq!(merged.get(id), Some(newest));
        }
    }

    #[test]
    fn grouping_of_three_files_does_not_matter(a in collection(), b in collection(), c in collection()) {
        prop_assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
    }
}
