//! Stage 6, *cluster*: articles and reuse pairs in, groups of articles (one per news event) out.
//!
//! Method, in four steps:
//! 1. **Candidates** without all-pairs comparison: the reuse pairs, plus pairs found through inverted
//!    indexes over word 3-gram shingles and over rare content features (names, spans, quotes, figures).
//!    Postings longer than [`Config::max_posting`] are skipped: a feature that common proves nothing.
//! 2. **Edge weight** of a candidate pair, the larger of
//!    - *reuse evidence*: the share of the smaller text found in the other (own shingles, or the reuse
//!      stage's containment and coverage, whichever is larger);
//!    - *content evidence*: the IDF-weighted cosine of content features, times a time factor (full
//!      strength within [`Config::event_window_days`], none beyond [`Config::event_max_days`]).
//! 3. **Components** of the graph of edges above [`Config::min_edge`]. Each is clustered on its own,
//!    which is what makes the stage incremental: a new article can only change the component it joins.
//! 4. **Average linkage** inside a component: clusters merge, best pair first, while the mean edge
//!    weight over all member pairs (absent edges count as zero) reaches [`Config::link_threshold`].
//!    Unlike a transitive closure, one article sharing a paragraph with two stories cannot join them.
//!
//! Ties are broken by article ids, and every map that feeds an output is sorted, so the result does not
//! depend on input order.

use std::collections::{BTreeMap, BinaryHeap, HashMap};

use wiretrace_model::Pair;

use crate::features::{intersect_count, Features, Kind};
use crate::Config;

/// Corpus-wide statistics and features, indexed by position in id order.
pub(crate) struct Corpus {
    pub feats: Vec<Features>,
    /// Each article's content features with their squared weights, sorted by hash.
    weighted: Vec<Vec<(u64, f32)>>,
    /// IDF-derived weight of each content feature (kind weight × ln(1 + N / df), smoothed so that small
    /// corpora still weigh shared features).
    pub weight: HashMap<u64, f32>,
    /// Euclidean norm of each article's content vector.
    pub norms: Vec<f32>,
}

impl Corpus {
    pub fn new(cfg: &Config, feats: Vec<Features>) -> Self {
        let n = feats.len().max(1) as f32;
        let mut df: HashMap<u64, (u32, Kind)> = HashMap::new();
        for f in &feats {
            for (h, k) in &f.content {
                df.entry(*h).or_insert((0, *k)).0 += 1;
            }
        }
        let weight: HashMap<u64, f32> = df
            .into_iter()
            .map(|(h, (d, k))| (h, cfg.kind_weight(k) * (1.0 + n / d as f32).ln()))
            .collect();
        let norms = feats
            .iter()
            .map(|f| {
                f.content
                    .iter()
                    .map(|(h, _)| weight.get(h).copied().unwrap_or(0.0).powi(2))
                    .sum::<f32>()
                    .sqrt()
            })
            .collect();
        let weighted = feats
            .iter()
            .map(|f| {
                f.content
                    .iter()
                    .map(|(h, _)| (*h, weight.get(h).copied().unwrap_or(0.0).powi(2)))
                    .collect()
            })
            .collect();
        Corpus {
            feats,
            weighted,
            weight,
            norms,
        }
    }

    /// IDF-weighted cosine of the language-independent features (names, spans, figures) of `i` and `j`.
    pub fn fact_cosine(&self, i: usize, j: usize) -> f32 {
        let w = |h: &u64| self.weight.get(h).copied().unwrap_or(0.0).powi(2);
        let (a, b) = (&self.feats[i].facts, &self.feats[j].facts);
        let na: f32 = a.iter().map(w).sum::<f32>().sqrt();
        let nb: f32 = b.iter().map(w).sum::<f32>().sqrt();
        let (mut x, mut y, mut dot) = (0, 0, 0.0f32);
        while x < a.len() && y < b.len() {
            match a[x].cmp(&b[y]) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    dot += w(&a[x]);
                    x += 1;
                    y += 1;
                }
            }
        }
        if na * nb > 0.0 {
            (dot / (na * nb)).min(1.0)
        } else {
            0.0
        }
    }

    /// IDF-weighted cosine of the content features of articles `i` and `j`.
    pub fn content_cosine(&self, i: usize, j: usize) -> f32 {
        let (a, b) = (&self.weighted[i], &self.weighted[j]);
        let (mut x, mut y, mut dot) = (0, 0, 0.0f32);
        while x < a.len() && y < b.len() {
            match a[x].0.cmp(&b[y].0) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    dot += a[x].1;
                    x += 1;
                    y += 1;
                }
            }
        }
        let denom = self.norms[i] * self.norms[j];
        if denom > 0.0 {
            (dot / denom).min(1.0)
        } else {
            0.0
        }
    }
}

/// Evidence on one candidate pair.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Edge {
    /// Reuse evidence 0..=1.
    pub reuse: f32,
    /// Content evidence 0..=1 (time factor applied).
    pub content: f32,
}

impl Edge {
    pub fn weight(&self) -> f32 {
        self.reuse.max(self.content)
    }
}

/// Returns the time factor of content evidence between two articles.
pub(crate) fn time_factor(cfg: &Config, a: Option<i64>, b: Option<i64>) -> f32 {
    match (a, b) {
        (Some(x), Some(y)) => {
            let days = (x - y).unsigned_abs() as f32 / 86_400.0;
            if days <= cfg.event_window_days {
                1.0
            } else if days >= cfg.event_max_days {
                0.0
            } else {
                1.0 - (days - cfg.event_window_days) / (cfg.event_max_days - cfg.event_window_days)
            }
        }
        _ => cfg.unknown_time_factor,
    }
}

/// Computes the evidence on the pair (i, j); `given` is the reuse stage's score for it, if any.
pub(crate) fn edge(cfg: &Config, corpus: &Corpus, i: usize, j: usize, given: f32) -> Edge {
    let (a, b) = (&corpus.feats[i], &corpus.feats[j]);
    let inter = intersect_count(&a.shingles, &b.shingles) as f32;
    let small = a.shingles.len().min(b.shingles.len()).max(1) as f32;
    // A tiny text fully contained in another proves little: damp below 30 shingles (about 30 words).
    let damp = (small / 30.0).min(1.0);
    let own = inter / small * damp;
    let reuse = own.max(given * damp).min(1.0);
    // Translations share names, places and figures but no words: across languages, compare only those.
    let cross_language = matches!((&a.language, &b.language), (Some(x), Some(y)) if x != y);
    let cosine = if cross_language {
        corpus.fact_cosine(i, j)
    } else {
        corpus.content_cosine(i, j)
    };
    let content = cosine * time_factor(cfg, a.time, b.time);
    Edge { reuse, content }
}

/// Reuse score of a pair from the reuse stage: the largest of its containments and coverages.
pub(crate) fn pair_score(p: &Pair) -> f32 {
    p.similarity
        .max(p.containment_a_in_b)
        .max(p.containment_b_in_a)
        .max(p.coverage_a)
        .max(p.coverage_b)
        .clamp(0.0, 1.0)
}

/// Finds candidate pairs (i < j) through the reuse pairs and the inverted indexes.
pub(crate) fn candidates(
    cfg: &Config,
    corpus: &Corpus,
    given: &BTreeMap<(usize, usize), f32>,
) -> Vec<(usize, usize)> {
    let mut counts: HashMap<(u32, u32), u32> = HashMap::new();
    let mut shingle_post: HashMap<u64, Vec<u32>> = HashMap::new();
    // A fixed quarter of the 3-grams (by hash value, the same in every text) is enough to find texts
    // that share a passage (short texts index all of theirs); exact containment is measured on all
    // 3-grams afterwards.
    for (i, f) in corpus.feats.iter().enumerate() {
        let short = f.shingles.len() < 64;
        for s in f.shingles.iter().filter(|s| short || *s & 3 == 0) {
            shingle_post.entry(*s).or_default().push(i as u32);
        }
    }
    let mut lists: Vec<Vec<u32>> = shingle_post
        .into_values()
        .filter(|l| l.len() >= 2 && l.len() <= cfg.max_posting)
        .collect();
    lists.sort_unstable();
    for l in &lists {
        for (x, &a) in l.iter().enumerate() {
            for &b in &l[x + 1..] {
                *counts.entry((a, b)).or_insert(0) += 1;
            }
        }
    }
    let mut out: Vec<(usize, usize)> = counts
        .into_iter()
        .filter(|(_, c)| *c >= 3)
        .map(|((a, b), _)| (a as usize, b as usize))
        .collect();

    // Content candidates: pairs sharing at least two rare, specific features (names, spans, quotes, figures).
    let mut content_post: HashMap<u64, Vec<u32>> = HashMap::new();
    for (i, f) in corpus.feats.iter().enumerate() {
        for (h, k) in &f.content {
            if matches!(k, Kind::Span | Kind::Name | Kind::Quote | Kind::Figure) {
                content_post.entry(*h).or_default().push(i as u32);
            }
        }
    }
    let mut lists: Vec<Vec<u32>> = content_post
        .into_values()
        .filter(|l| l.len() >= 2 && l.len() <= cfg.max_posting)
        .collect();
    lists.sort_unstable();
    let mut ccounts: HashMap<(u32, u32), u32> = HashMap::new();
    for l in &lists {
        for (x, &a) in l.iter().enumerate() {
            for &b in &l[x + 1..] {
                *ccounts.entry((a, b)).or_insert(0) += 1;
            }
        }
    }
    out.extend(
        ccounts
            .into_iter()
            .filter(|(_, c)| *c >= 2)
            .map(|((a, b), _)| (a as usize, b as usize)),
    );
    out.extend(given.keys().copied());
    out.sort_unstable();
    out.dedup();
    out
}

/// A union-find over positions.
pub(crate) struct Dsu(Vec<usize>);

impl Dsu {
    pub fn new(n: usize) -> Self {
        Dsu((0..n).collect())
    }
    pub fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut y = x;
        while self.0[y] != r {
            let next = self.0[y];
            self.0[y] = r;
            y = next;
        }
        r
    }
    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        // The smaller position becomes the root, so roots are deterministic.
        if ra < rb {
            self.0[rb] = ra;
        } else if rb < ra {
            self.0[ra] = rb;
        }
    }
}

#[derive(PartialEq)]
struct Cand {
    score: f32,
    a: usize,
    b: usize,
}
impl Eq for Cand {}
impl PartialOrd for Cand {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Cand {
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        // Max-heap on score; on ties the smallest (a, b) first.
        self.score
            .total_cmp(&o.score)
            .then_with(|| (o.a, o.b).cmp(&(self.a, self.b)))
    }
}

/// Average-linkage clustering of one component. `nodes` are positions (sorted); `edges` maps
/// (i, j) with i < j to the edge weight. Returns clusters of positions, each sorted.
#[allow(clippy::needless_range_loop)]
pub(crate) fn average_linkage(
    threshold: f32,
    nodes: &[usize],
    edges: &BTreeMap<(usize, usize), f32>,
) -> Vec<Vec<usize>> {
    let local: BTreeMap<usize, usize> = nodes.iter().enumerate().map(|(k, &p)| (p, k)).collect();
    let n = nodes.len();
    let mut members: Vec<Vec<usize>> = (0..n).map(|k| vec![k]).collect();
    let mut alive = vec![true; n];
    let mut adj: Vec<BTreeMap<usize, f32>> = vec![BTreeMap::new(); n];
    for (&(i, j), &w) in edges {
        if let (Some(&a), Some(&b)) = (local.get(&i), local.get(&j)) {
            *adj[a].entry(b).or_insert(0.0) += w;
            *adj[b].entry(a).or_insert(0.0) += w;
        }
    }
    let mut heap = BinaryHeap::new();
    for a in 0..n {
        for (&b, &w) in &adj[a] {
            if a < b && w >= threshold {
                heap.push(Cand { score: w, a, b });
            }
        }
    }
    while let Some(Cand { score, a, b }) = heap.pop() {
        if !alive[a] || !alive[b] {
            continue;
        }
        let current = adj[a].get(&b).copied().unwrap_or(0.0) / (members[a].len() * members[b].len()) as f32;
        if (current - score).abs() > 1e-6 {
            continue;
        }
        // Merge b into a (a < b).
        alive[b] = false;
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
        let adj_b = std::mem::take(&mut adj[b]);
        adj[a].remove(&b);
        for (c, w) in adj_b {
            if c == a {
                continue;
            }
            *adj[a].entry(c).or_insert(0.0) += w;
            adj[c].remove(&b);
        }
        let na = members[a].len();
        let neighbours: Vec<(usize, f32)> = adj[a].iter().map(|(&c, &w)| (c, w)).collect();
        for (c, w) in neighbours {
            adj[c].insert(a, w);
            let avg = w / (na * members[c].len()) as f32;
            if avg >= threshold {
                let (x, y) = if a < c { (a, c) } else { (c, a) };
                heap.push(Cand {
                    score: avg,
                    a: x,
                    b: y,
                });
            }
        }
    }
    let mut out: Vec<Vec<usize>> = (0..n)
        .filter(|&k| alive[k])
        .map(|k| {
            let mut m: Vec<usize> = members[k].iter().map(|&l| nodes[l]).collect();
            m.sort_unstable();
            m
        })
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_linkage_does_not_chain_through_a_bridge() {
        // Two tight triangles {0,1,2} and {4,5,6}, and 3 linked strongly to 2 and to 4 only.
        let mut e = BTreeMap::new();
        for (i, j) in [(0, 1), (0, 2), (1, 2), (4, 5), (4, 6), (5, 6)] {
            e.insert((i, j), 0.9);
        }
        e.insert((2, 3), 0.8);
        e.insert((3, 4), 0.8);
        let c = average_linkage(0.3, &[0, 1, 2, 3, 4, 5, 6], &e);
        assert!(c.iter().all(|m| !(m.contains(&0) && m.contains(&6))), "{c:?}");
        assert!(c.iter().any(|m| m.starts_with(&[0, 1, 2])));
    }

    #[test]
    fn union_find_roots_are_smallest() {
        let mut d = Dsu::new(5);
        d.union(4, 2);
        d.union(2, 3);
        assert_eq!(d.find(3), 2);
        assert_eq!(d.find(4), 2);
    }
}
