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
    use std::cmp::Ordering::{Equal, Greater, Less};
    let (mut i, mut j, mut n) = (0, 0, 0);
    // Branch-free steps: on hashed ids the order of the next two elements is a coin toss, and a
    // mispredicted branch per step costs more than the arithmetic.
    while i < a.len() && j < b.len() {
        let c = a[i].cmp(&b[j]);
        n += usize::from(c == Equal);
        i += usize::from(c != Greater);
        j += usize::from(c != Less);
    }
    n
}

#[cfg(test)]
mod tests {
    use super::sorted_intersection_count;

    /// The merge walk counts what a set intersection counts, for disjoint, nested, interleaved and
    /// unequal-length lists.
    #[test]
    fn counts_what_a_set_intersection_counts() {
        let lists: Vec<Vec<u32>> = vec![
            vec![],
            vec![5],
            vec![1, 2, 3, 4, 5, 6, 7, 8],
            vec![2, 4, 6, 8, 10, 12],
            vec![9, 10, 11, 12, 13],
            vec![0, 3, 6, 9, 12, 15, 18, 21, 24],
            vec![100, 200],
        ];
        for a in &lists {
            for b in &lists {
                let set: std::collections::BTreeSet<u32> = a.iter().copied().collect();
                let expected = b.iter().filter(|x| set.contains(x)).count();
                assert_eq!(sorted_intersection_count(a, b), expected, "{a:?} ∩ {b:?}");
            }
        }
    }
}
