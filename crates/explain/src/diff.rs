//! Token and sentence alignment.
//!
//! Input → output: two token sequences → [`Hunk`]s (ranges that differ), by longest common
//! subsequence (dynamic programming, O(n·m), used on sentence-sized inputs); two sets of sentences →
//! a one-to-one alignment that ignores order (sentences may be reordered), best similarity first.
//! Guarantees: deterministic (ties broken by position).

use std::collections::BTreeMap;

/// A region where two sequences differ: `a[a0..a1]` was replaced by `b[b0..b1]` (either may be empty).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hunk {
    /// Start in `a`.
    pub a0: usize,
    /// End in `a` (exclusive).
    pub a1: usize,
    /// Start in `b`.
    pub b0: usize,
    /// End in `b` (exclusive).
    pub b1: usize,
}

/// Returns the differing hunks between `a` and `b` (LCS alignment).
///
/// # Example
/// ```
/// use wiretrace_explain::diff::{hunks, Hunk};
/// let a = ["watch", "his", "back"];
/// let b = ["watch", "out", "for", "his", "back"];
/// assert_eq!(hunks(&a, &b), vec![Hunk { a0: 1, a1: 1, b0: 1, b1: 3 }]);
/// ```
pub fn hunks<T: PartialEq>(a: &[T], b: &[T]) -> Vec<Hunk> {
    let n = a.len();
    let m = b.len();
    // suffix LCS table
    let mut dp = vec![0u32; (n + 1) * (m + 1)];
    let w = m + 1;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            dp[i * w + j] = if a[i] == b[j] {
                dp[(i + 1) * w + j + 1] + 1
            } else {
                dp[(i + 1) * w + j].max(dp[i * w + j + 1])
            };
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    let mut cur: Option<Hunk> = None;
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            if let Some(h) = cur.take() {
                out.push(h);
            }
            i += 1;
            j += 1;
            continue;
        }
        let h = cur.get_or_insert(Hunk {
            a0: i,
            a1: i,
            b0: j,
            b1: j,
        });
        if j < m && (i == n || dp[i * w + j + 1] >= dp[(i + 1) * w + j]) {
            j += 1;
            h.b1 = j;
        } else {
            i += 1;
            h.a1 = i;
        }
    }
    if let Some(h) = cur {
        out.push(h);
    }
    out
}

/// Multiset overlap of two token lists divided by the longer length (0..=1).
///
/// # Example
/// ```
/// assert_eq!(wiretrace_explain::diff::overlap(&[1, 2, 3, 4], &[1, 2, 3]), 0.75);
/// ```
pub fn overlap<T: Ord + Clone>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut counts: BTreeMap<T, i32> = BTreeMap::new();
    for x in a {
        *counts.entry(x.clone()).or_insert(0) += 1;
    }
    let mut inter = 0;
    for x in b {
        if let Some(c) = counts.get_mut(x) {
            if *c > 0 {
                *c -= 1;
                inter += 1;
            }
        }
    }
    inter as f64 / a.len().max(b.len()) as f64
}

/// Aligns items of `a` to items of `b` one-to-one, best score first, keeping pairs scoring at least
/// `min`. `score(i, j)` is called for candidate pairs given by `candidates` (all pairs when `None`).
/// Returns `match_a[i] = Some(j)`.
///
/// # Example
/// ```
/// let m = wiretrace_explain::diff::align_greedy(2, 2, 0.5, |i, j| if i != j { 0.9 } else { 0.1 });
/// assert_eq!(m, vec![Some(1), Some(0)]);
/// ```
pub fn align_greedy(n: usize, m: usize, min: f64, score: impl Fn(usize, usize) -> f64) -> Vec<Option<usize>> {
    let mut cand: Vec<(f64, usize, usize)> = Vec::new();
    for i in 0..n {
        for j in 0..m {
            let s = score(i, j);
            if s >= min {
                cand.push((s, i, j));
            }
        }
    }
    // best score first; ties prefer pairs at similar relative positions, then by index
    cand.sort_by(|x, y| {
        y.0.partial_cmp(&x.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| {
                (x.1 as i64 - x.2 as i64)
                    .abs()
                    .cmp(&(y.1 as i64 - y.2 as i64).abs())
            })
            .then_with(|| (x.1, x.2).cmp(&(y.1, y.2)))
    });
    let mut ma = vec![None; n];
    let mut used_b = vec![false; m];
    for (_, i, j) in cand {
        if ma[i].is_none() && !used_b[j] {
            ma[i] = Some(j);
            used_b[j] = true;
        }
    }
    ma
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replacement_and_deletion_hunks() {
        let a = ["a", "b", "c", "d"];
        let b = ["a", "x", "c"];
        assert_eq!(
            hunks(&a, &b),
            vec![
                Hunk {
                    a0: 1,
                    a1: 2,
                    b0: 1,
                    b1: 2
                },
                Hunk {
                    a0: 3,
                    a1: 4,
                    b0: 3,
                    b1: 3
                }
            ]
        );
        assert!(hunks(&a, &a).is_empty());
    }

    #[test]
    fn greedy_alignment_ignores_order() {
        let a = [10, 20, 30];
        let b = [30, 10];
        let m = align_greedy(3, 2, 0.5, |i, j| if a[i] == b[j] { 1.0 } else { 0.0 });
        assert_eq!(m, vec![Some(1), None, Some(0)]);
    }
}
