/// A hash map for keys that are already well-mixed hashes (token and feature hashes, positions) or
/// short words, with foldhash's fixed-seed hasher: fast, and the same in every run, so anything a
/// map's order could reach stays reproducible. Not for keys an adversary chooses.
///
/// # Example
/// ```
/// let mut m: wiretrace_text::FastMap<u64, u32> = Default::default();
/// *m.entry(7).or_insert(0) += 1;
/// assert_eq!(m[&7], 1);
/// ```
pub type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

/// A hash set with the same hasher as [`FastMap`].
///
/// # Example
/// ```
/// let s: wiretrace_text::FastSet<&str> = ["said", "told"].into_iter().collect();
/// assert!(s.contains("said"));
/// ```
pub type FastSet<T> = std::collections::HashSet<T, foldhash::fast::FixedState>;
