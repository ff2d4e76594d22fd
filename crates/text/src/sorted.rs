/// Returns how many elements two sorted, deduplicated slices have in common, in O(|a| + |b|).
///
/// Every stage compares sets kept as sorted id or hash lists (fingerprints, shingles, word ids);
/// a merge walk is faster and lighter than building sets.
///
/// # Example
/// ```
/// assert_eq!(wiretrace_text::sorted_intersection_count(&[1, 3, 5, 7], &[3, 4, 5, 8]), 2);
/// assert_eq!(wiretrace_text::sorted_intersection_count::<u32>(&[], &[1]), 0);
/// ```
pub fn sorted_intersection_count<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}
