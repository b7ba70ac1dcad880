//! One stable sort for the whole crate.
//!
//! Each `sort_by_key` on a new element or key type compiles to a sort of its own (1.3 to
//! 2.4 KB of Wasm each, thirteen of them once). Here every caller maps its elements to the
//! same key type, so the Wasm holds one sort; the elements are then moved into place.
//! Texts, which have no such key, share [`sort_texts`]. `clippy.toml` refuses the slice
//! sorts everywhere else.

/// Sorts `items` by `key`, stably (equal keys keep their order).
pub fn sort_by_key<T>(items: &mut [T], key: impl Fn(&T) -> (u64, u64)) {
    let mut order: Vec<(u64, u64, usize)> = items
        .iter()
        .enumerate()
        .map(|(at, item)| {
            let (first, second) = key(item);
            (first, second, at)
        })
        .collect();
    // The index makes every key distinct, so the unstable sort is stable here.
    #[allow(clippy::disallowed_methods)] // the crate's one sort of keys
    order.sort_unstable();
    // `source[at]` is where the item that belongs at `at` is now; each cycle of that
    // permutation is walked once, swapping items into place and marking slots done.
    let mut source: Vec<usize> = order.into_iter().map(|(_, _, from)| from).collect();
    for start in 0..items.len() {
        let mut at = start;
        loop {
            let from = source[at];
            source[at] = at;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// A key for a signed number that sorts as the number does (the sign bit flipped).
pub fn signed(value: i64) -> u64 {
    (value as u64) ^ (1 << 63)
}

/// Sorts texts in byte order: the crate's one sort of texts.
pub fn sort_texts(texts: &mut [String]) {
    #[allow(clippy::disallowed_methods)] // the crate's one sort of texts
    texts.sort_unstable();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_keys_sort_as_their_numbers() {
        let numbers = [i64::MIN, -5, -1, 0, 1, 7, i64::MAX];
        assert!(numbers.windows(2).all(|pair| signed(pair[0]) < signed(pair[1])));
    }

    #[test]
    fn sorts_by_the_key_and_keeps_equal_keys_in_order() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (0, 'f')];
        sort_by_key(&mut items, |&(key, _)| (key, 0));
        assert_eq!(items, [(0, 'f'), (1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn agrees_with_the_standard_stable_sort() {
        let mut seed = 7u64;
        for len in 0..40 {
            let mut items: Vec<(u64, u64, usize)> = (0..len)
                .map(|at| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    (seed >> 61, (seed >> 40) % 3, at)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|&(a, b, _)| (a, b));
            sort_by_key(&mut items, |&(a, b, _)| (a, b));
            assert_eq!(items, expected);
        }
    }
}
