//! Maximum spanning arborescence (Chu–Liu/Edmonds): given scored candidate edges `parent → child`,
//! picks one incoming edge per non-root node so that the result is a tree rooted at `root` with the
//! largest total score.
//!
//! Lineage uses it with a virtual root whose edge to an article scores "this article is an origin":
//! the tree then has one branch per origin, and cycles that time stamps cannot rule out (missing dates)
//! are resolved globally rather than by greedy choice. Ties go to the edge listed first, so callers
//! list edges in a deterministic order.

/// One candidate edge.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Arc {
    pub from: usize,
    pub to: usize,
    pub score: f64,
}

/// Returns, for each node, the index (into `arcs`) of its chosen incoming arc; `None` for the root and
/// for nodes no arc reaches. Nodes are `0..n`.
///
/// Every cycle among the best incoming arcs is contracted in the same pass, and the passes run in a
/// loop, not by recursion: a story of thousands of versions published in the same minute forms
/// thousands of two-cycles (each may copy the other), which one contraction per level turned into
/// thousands of levels, each holding a copy of every arc. Cost per pass is O(n + arcs); memory is
/// the arcs of the passes still open, which shrink as cycles close.
pub(crate) fn max_arborescence(n: usize, root: usize, arcs: &[Arc]) -> Vec<Option<usize>> {
    let mut levels: Vec<Level> = Vec::new();
    let mut cur_n = n;
    let mut cur_root = root;
    let mut cur: Vec<Arc> = arcs.to_vec();
    let solution = loop {
        let best = best_incoming(cur_n, cur_root, &cur);
        let cycle_of = cycles(cur_n, &cur, &best);
        if cycle_of.iter().all(Option::is_none) {
            break best;
        }
        let mut level = contract(cur_n, cur_root, &cur, best, cycle_of);
        cur_n = level.sub_n;
        cur_root = level.map[cur_root];
        cur = std::mem::take(&mut level.sub_arcs);
        levels.push(level);
    };
    // Expand the contracted passes from the innermost out.
    let mut chosen = solution;
    for level in levels.into_iter().rev() {
        chosen = level.expand(&chosen);
    }
    chosen
}

/// One contraction pass: how the nodes of the pass map to the next one, and how to undo it.
struct Level {
    /// Node of the next pass holding each node of this one.
    map: Vec<usize>,
    /// For each node of this pass, the cycle (index into `cycle_nodes`) it belongs to.
    cycle_of: Vec<Option<usize>>,
    /// Best incoming arc of each node of this pass (index into this pass's arcs).
    best: Vec<Option<usize>>,
    /// For each arc of the next pass, the arc of this pass it stands for, and that arc's head.
    origin: Vec<(usize, usize)>,
    /// The next pass's arcs (moved out once the pass is recorded).
    sub_arcs: Vec<Arc>,
    /// Nodes in the next pass.
    sub_n: usize,
    /// The contracted node standing for each cycle.
    cycle_node: Vec<usize>,
}

impl Level {
    /// This pass's choice from the next pass's: arcs between ordinary nodes carry over; a cycle keeps
    /// its own best arcs except at the head of the arc that enters it.
    fn expand(&self, sub_chosen: &[Option<usize>]) -> Vec<Option<usize>> {
        let n = self.map.len();
        let mut out: Vec<Option<usize>> = vec![None; n];
        for v in 0..n {
            out[v] = match self.cycle_of[v] {
                None => sub_chosen[self.map[v]].map(|sk| self.origin[sk].0),
                Some(_) => self.best[v],
            };
        }
        for &c in &self.cycle_node {
            if let Some(sk) = sub_chosen[c] {
                let (k, head) = self.origin[sk];
                out[head] = Some(k);
            }
        }
        out
    }
}

/// Best incoming arc per node (first listed wins ties); none for the root.
fn best_incoming(n: usize, root: usize, arcs: &[Arc]) -> Vec<Option<usize>> {
    let mut best: Vec<Option<usize>> = vec![None; n];
    for (k, a) in arcs.iter().enumerate() {
        if a.to == root || a.from == a.to {
            continue;
        }
        match best[a.to] {
            Some(b) if arcs[b].score >= a.score => {}
            _ => best[a.to] = Some(k),
        }
    }
    best
}

/// Every cycle among the chosen arcs: for each node, the index of the cycle it lies on.
fn cycles(n: usize, arcs: &[Arc], best: &[Option<usize>]) -> Vec<Option<usize>> {
    let mut colour = vec![0u8; n]; // 0 new, 1 on current path, 2 done
    let mut cycle_of: Vec<Option<usize>> = vec![None; n];
    let mut found = 0;
    let mut path = Vec::new();
    for start in 0..n {
        if colour[start] != 0 {
            continue;
        }
        path.clear();
        let mut v = start;
        loop {
            if colour[v] == 1 {
                let pos = path.iter().position(|&x| x == v).unwrap_or(0);
                for &c in &path[pos..] {
                    cycle_of[c] = Some(found);
                }
                found += 1;
                break;
            }
            if colour[v] == 2 {
                break;
            }
            colour[v] = 1;
            path.push(v);
            match best[v] {
                Some(k) => v = arcs[k].from,
                None => break,
            }
        }
        for &p in &path {
            colour[p] = 2;
        }
    }
    cycle_of
}

/// Contracts every cycle into one node; an arc entering a cycle scores its gain over the arc it
/// would replace.
fn contract(
    n: usize,
    root: usize,
    arcs: &[Arc],
    best: Vec<Option<usize>>,
    cycle_of: Vec<Option<usize>>,
) -> Level {
    let cycles = cycle_of.iter().flatten().max().map_or(0, |&c| c + 1);
    let mut map = vec![usize::MAX; n];
    let mut m = 0;
    for v in 0..n {
        if cycle_of[v].is_none() {
            map[v] = m;
            m += 1;
        }
    }
    let cycle_node: Vec<usize> = (m..m + cycles).collect();
    for v in 0..n {
        if let Some(c) = cycle_of[v] {
            map[v] = cycle_node[c];
        }
    }
    debug_assert!(cycle_of[root].is_none(), "the root has no incoming arc");
    let mut sub_arcs = Vec::new();
    let mut origin = Vec::new();
    for (k, a) in arcs.iter().enumerate() {
        let (fu, tv) = (map[a.from], map[a.to]);
        if fu == tv {
            continue;
        }
        let score = if cycle_of[a.to].is_some() {
            a.score - best[a.to].map_or(0.0, |b| arcs[b].score)
        } else {
            a.score
        };
        sub_arcs.push(Arc {
            from: fu,
            to: tv,
            score,
        });
        origin.push((k, a.to));
    }
    Level {
        map,
        cycle_of,
        best,
        origin,
        sub_arcs,
        sub_n: m + cycles,
        cycle_node,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (no dependency for a test).
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self, bound: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) % bound
        }
    }

    /// The parent node of each node under `chosen`, or `None` when the choice is not a tree rooted
    /// at 0 reaching every node.
    fn tree_total(n: usize, arcs: &[Arc], chosen: &[Option<usize>]) -> Option<f64> {
        let mut total = 0.0;
        for v in 1..n {
            let a = arcs[chosen[v]?];
            if a.to != v {
                return None;
            }
            total += a.score;
            // Walk up: must reach the root within n steps.
            let mut u = v;
            let mut steps = 0;
            while u != 0 {
                u = arcs[chosen[u]?].from;
                steps += 1;
                if steps > n {
                    return None;
                }
            }
        }
        Some(total)
    }

    /// The best total over every choice of one incoming arc per node (exhaustive).
    fn brute_best(n: usize, arcs: &[Arc]) -> f64 {
        let incoming: Vec<Vec<usize>> = (0..n)
            .map(|v| {
                (0..arcs.len())
                    .filter(|&k| arcs[k].to == v && arcs[k].from != v)
                    .collect()
            })
            .collect();
        let mut best = f64::NEG_INFINITY;
        let mut pick = vec![0usize; n];
        loop {
            let chosen: Vec<Option<usize>> = (0..n).map(|v| (v > 0).then(|| incoming[v][pick[v]])).collect();
            if let Some(t) = tree_total(n, arcs, &chosen) {
                best = best.max(t);
            }
            // Next combination.
            let mut v = 1;
            while v < n {
                pick[v] += 1;
                if pick[v] < incoming[v].len() {
                    break;
                }
                pick[v] = 0;
                v += 1;
            }
            if v == n {
                return best;
            }
        }
    }

    #[test]
    fn optimal_on_random_graphs_with_many_cycles() {
        let mut rng = Lcg(7);
        for _ in 0..400 {
            let n = 2 + rng.next(5) as usize;
            let mut arcs: Vec<Arc> = (1..n)
                .map(|v| Arc {
                    from: 0,
                    to: v,
                    score: rng.next(10) as f64 / 10.0,
                })
                .collect();
            for _ in 0..rng.next(3 * n as u64) {
                let (from, to) = (
                    1 + rng.next(n as u64 - 1) as usize,
                    1 + rng.next(n as u64 - 1) as usize,
                );
                if from != to {
                    arcs.push(Arc {
                        from,
                        to,
                        score: rng.next(20) as f64 / 10.0,
                    });
                }
            }
            let chosen = max_arborescence(n, 0, &arcs);
            let total = tree_total(n, &arcs, &chosen).expect("a tree reaching every node");
            assert!(
                (total - brute_best(n, &arcs)).abs() < 1e-9,
                "not optimal: {arcs:?}"
            );
        }
    }

    #[test]
    fn many_two_cycles_break_at_the_better_root_arc() {
        // Pairs of versions that may each copy the other (same minute): every pair is a two-cycle.
        let pairs = 2_000;
        let mut arcs = Vec::new();
        for p in 0..pairs {
            let (a, b) = (1 + 2 * p, 2 + 2 * p);
            arcs.push(Arc {
                from: 0,
                to: a,
                score: 0.3,
            });
            arcs.push(Arc {
                from: 0,
                to: b,
                score: 0.2,
            });
            arcs.push(Arc {
                from: a,
                to: b,
                score: 0.9,
            });
            arcs.push(Arc {
                from: b,
                to: a,
                score: 0.9,
            });
        }
        let chosen = max_arborescence(2 * pairs + 1, 0, &arcs);
        for p in 0..pairs {
            assert_eq!(
                chosen[1 + 2 * p],
                Some(4 * p),
                "the better root arc breaks the cycle"
            );
            assert_eq!(chosen[2 + 2 * p], Some(4 * p + 2));
        }
    }

    #[test]
    fn picks_best_tree_and_breaks_cycles() {
        // root 0; nodes 1, 2 prefer each other (a cycle); the root edge into 1 is the cheapest break.
        let arcs = [
            Arc {
                from: 0,
                to: 1,
                score: 0.5,
            },
            Arc {
                from: 0,
                to: 2,
                score: 0.2,
            },
            Arc {
                from: 2,
                to: 1,
                score: 0.9,
            },
            Arc {
                from: 1,
                to: 2,
                score: 0.9,
            },
            Arc {
                from: 1,
                to: 3,
                score: 0.7,
            },
            Arc {
                from: 2,
                to: 3,
                score: 0.6,
            },
        ];
        let best = max_arborescence(4, 0, &arcs);
        assert_eq!(best[0], None);
        assert_eq!(best[1], Some(0));
        assert_eq!(best[2], Some(3));
        assert_eq!(best[3], Some(4));
    }

    #[test]
    fn nested_cycles_are_resolved() {
        let arcs = [
            Arc {
                from: 0,
                to: 1,
                score: 0.1,
            },
            Arc {
                from: 1,
                to: 2,
                score: 1.0,
            },
            Arc {
                from: 2,
                to: 3,
                score: 1.0,
            },
            Arc {
                from: 3,
                to: 1,
                score: 1.0,
            },
            Arc {
                from: 0,
                to: 3,
                score: 0.3,
            },
            Arc {
                from: 3,
                to: 2,
                score: 0.95,
            },
            Arc {
                from: 2,
                to: 1,
                score: 0.95,
            },
        ];
        let best = max_arborescence(4, 0, &arcs);
        // Every node reaches the root without cycles.
        for start in 1..4 {
            let mut v = start;
            let mut steps = 0;
            while v != 0 {
                v = arcs[best[v].unwrap()].from;
                steps += 1;
                assert!(steps < 5);
            }
        }
        assert_eq!(best[3], Some(4), "entering through the better root arc");
    }
}
