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
pub(crate) fn max_arborescence(n: usize, root: usize, arcs: &[Arc]) -> Vec<Option<usize>> {
    let ids: Vec<usize> = (0..arcs.len()).collect();
    solve(n, root, arcs, &ids)
}

fn solve(n: usize, root: usize, arcs: &[Arc], ids: &[usize]) -> Vec<Option<usize>> {
    // Best incoming arc per node (first listed wins ties).
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
    // Find a cycle among the chosen arcs.
    let mut colour = vec![0u8; n]; // 0 new, 1 on current path, 2 done
    let mut cycle: Option<Vec<usize>> = None;
    for start in 0..n {
        if colour[start] != 0 {
            continue;
        }
        let mut path = Vec::new();
        let mut v = start;
        loop {
            if colour[v] == 1 {
                let pos = path.iter().position(|&x| x == v).unwrap_or(0);
                cycle = Some(path[pos..].to_vec());
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
        if cycle.is_some() {
            break;
        }
    }
    let Some(cycle) = cycle else {
        return best.iter().map(|b| b.map(|k| ids[k])).collect();
    };
    // Contract the cycle into one node `c`.
    let mut in_cycle = vec![false; n];
    for &v in &cycle {
        in_cycle[v] = true;
    }
    let mut map = vec![usize::MAX; n];
    let mut m = 0;
    for v in 0..n {
        if !in_cycle[v] {
            map[v] = m;
            m += 1;
        }
    }
    let c = m;
    for &v in &cycle {
        map[v] = c;
    }
    let mut sub_arcs = Vec::new();
    let mut sub_ids = Vec::new();
    let mut origin = Vec::new(); // index into `arcs` for each sub arc
    for (k, a) in arcs.iter().enumerate() {
        let (fu, tv) = (map[a.from], map[a.to]);
        if fu == tv {
            continue;
        }
        let score = if in_cycle[a.to] {
            let kept = best[a.to].map(|b| arcs[b].score).unwrap_or(0.0);
            a.score - kept
        } else {
            a.score
        };
        sub_arcs.push(Arc {
            from: fu,
            to: tv,
            score,
        });
        sub_ids.push(ids[k]);
        origin.push(k);
    }
    let sub_best = solve(
        m + 1,
        map[root],
        &sub_arcs,
        &(0..sub_arcs.len()).collect::<Vec<_>>(),
    );
    let mut out: Vec<Option<usize>> = vec![None; n];
    for v in 0..n {
        if !in_cycle[v] {
            out[v] = sub_best[map[v]].map(|sk| sub_ids[sk]);
        }
    }
    // The arc entering the contracted node breaks the cycle at its head.
    let entering = sub_best[c].map(|sk| origin[sk]);
    for &v in &cycle {
        out[v] = best[v].map(|k| ids[k]);
    }
    if let Some(k) = entering {
        out[arcs[k].to] = Some(ids[k]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
