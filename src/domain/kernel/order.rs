//! Sorting with one copy of the sort for the whole app. The standard sort
//! is built again for every element type and comparison it is used with,
//! several kilobytes of wasm each, and the first load had nine; here the
//! positions of the items are sorted, always as `usize` through one
//! comparison, and the items then put in that order.

use std::cmp::Ordering;

/// The positions `0..n` in the order `compare` puts them, equal ones in
/// the order they were (a stable sort).
pub fn order_of(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|a, b| compare(*a, *b));
    order
}

/// Sorts `items` by `compare`, equal ones in the order they were.
pub fn sort_with<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = order_of(items.len(), &|a, b| compare(&items[a], &items[b]));
    put_in_order(items, &order);
}

/// Moves the items so that place `i` holds the one that was at `order[i]`,
/// in place: each item moves once, following where the ones before it went.
pub fn put_in_order<T>(items: &mut [T], order: &[usize]) {
    for i in 0..items.len() {
        let mut from = order[i];
        while from < i {
            from = order[from];
        }
        items.swap(i, from);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_and_puts_items_where_the_order_says() {
        let mut words = vec!["mai", "Lan", "hoa", "lan", "Mai", "anh"];
        sort_with(&mut words, |a, b| a.to_lowercase().cmp(&b.to_lowercase()));
        assert_eq!(words, ["anh", "hoa", "Lan", "lan", "mai", "Mai"]);
        // Orders of every length up to 40, from keys that repeat.
        for n in 0..40usize {
            let keys: Vec<usize> = (0..n).map(|i| (i * 7919 + n) % 11).collect();
            let order = order_of(n, &|a, b| keys[a].cmp(&keys[b]));
            let mut items = keys.clone();
            put_in_order(&mut items, &order);
            assert!(items.windows(2).all(|w| w[0] <= w[1]), "{items:?}");
            assert!((0..n).all(|i| items[i] == keys[order[i]]));
        }
    }
}
