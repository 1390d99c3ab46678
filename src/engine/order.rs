//! Sorting, with one copy of the sort in the page's code.
//!
//! Each call of the standard library's `sort_by` with its own closure compiles a whole sort of
//! its own: fifteen of them took about 54 KB of the page's wasm. These sort positions instead,
//! through one comparison behind a reference, so the sort itself is compiled once; each caller
//! adds only the few instructions that put its items in the order found. Stable, as
//! `slice::sort_by` is. The tables sorted here are councils, periods, reasons and checks
//! (hundreds of items), never an extract's rows.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in the order they came (as `sort_by`).
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &|a, b| compare(&items[a], &items[b]));
    put_in_order(items, order);
}

/// Sorts `items` by a key of each, keeping equal items in the order they came.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` by a key worked out once for each item (as `sort_by_cached_key`): for keys
/// that cost something to make, such as a name in lower case.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &|a, b| keys[a].cmp(&keys[b]));
    put_in_order(items, order);
}

/// Sorts `items` in their own order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The one sort: positions, compared through a reference, so every caller shares it.
#[inline(never)]
fn sort_positions(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|a, b| compare(*a, *b));
}

/// Moves the item at `order[i]` to `i`, for every `i`, by following each cycle of the
/// permutation with swaps: no item is copied or cloned.
fn put_in_order<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut at = start;
        while order[at] != start {
            let from = order[at];
            items.swap(at, from);
            order[at] = at;
            at = from;
        }
        order[at] = at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_case_by_hand() {
        let mut items = vec!["c", "a", "b"];
        sort(&mut items);
        assert_eq!(items, ["a", "b", "c"]);
        let mut pairs = vec![(2, 'x'), (1, 'y'), (2, 'a'), (1, 'b'), (0, 'z')];
        sort_by_key(&mut pairs, |p| p.0);
        assert_eq!(pairs, [(0, 'z'), (1, 'y'), (1, 'b'), (2, 'x'), (2, 'a')], "stable: equal keys keep their order");
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }

    #[test]
    fn cached_keys_are_made_once_each() {
        let made = std::cell::Cell::new(0);
        let mut names = vec!["Bolton", "amber", "Cheshire", "bury"];
        sort_by_cached_key(&mut names, |n| {
            made.set(made.get() + 1);
            n.to_ascii_lowercase()
        });
        assert_eq!(names, ["amber", "Bolton", "bury", "Cheshire"]);
        assert_eq!(made.get(), 4);
    }

    proptest::proptest! {
        /// The same order as the standard library's stable sort, for every list: small keys, so
        /// that many are equal and stability is tested.
        #[test]
        fn as_the_standard_sort(items in proptest::collection::vec((0u8..6, proptest::num::u16::ANY), 0..200)) {
            let mut ours = items.clone();
            let mut theirs = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            theirs.sort_by_key(|a| a.0);
            proptest::prop_assert_eq!(&ours, &theirs);
            let mut ours = items.clone();
            let mut theirs = items;
            sort_by_cached_key(&mut ours, |a| std::cmp::Reverse(a.0));
            theirs.sort_by_cached_key(|a| std::cmp::Reverse(a.0));
            proptest::prop_assert_eq!(ours, theirs);
        }
    }
}
