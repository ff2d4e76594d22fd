//! Storylines: stories that follow one another about one ongoing matter (a phone call between two
//! leaders, then their meeting a month later) are linked, not merged.
//!
//! Each story gets a vector of its actors: the centroid of its members' name anchors (phonetic keys,
//! so Zelensky / Selenskyj / Зеленский are one actor and storylines cross languages), weighted by
//! inverse story frequency. Candidate story pairs come from an inverted index over names and spans; a pair is linked when
//! the cosine of their vectors reaches [`Config::storyline_threshold`] and their dates lie within
//! [`Config::storyline_max_days`]. Linked stories form storylines by union (a storyline may run
//! through several follow-ups); the caller names each `l<N>` after its smallest story number.

use std::collections::BTreeMap;

use crate::cluster::{Corpus, Dsu, Postings};
use crate::features::{FastMap, Kind};
use crate::Config;

/// Returns, for each cluster, the index of the first cluster of its storyline (itself when alone).
pub(crate) fn storylines(cfg: &Config, corpus: &Corpus, clusters: &[Vec<usize>]) -> Vec<usize> {
    let m = clusters.len();
    // Which names each story holds, for their inverse *story* frequency: a story's many copies do
    // not count as many.
    let sets: Vec<Vec<u32>> = clusters
        .iter()
        .map(|members| {
            let mut v: Vec<u32> = members
                .iter()
                .flat_map(|&p| corpus.anchors(p).iter().copied())
                .filter(|&id| storyline_kind(corpus.anchor_kind[id as usize]))
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    let mut sdf: FastMap<u32, u32> = FastMap::default();
    for set in &sets {
        for h in set {
            *sdf.entry(*h).or_insert(0) += 1;
        }
    }
    let ms = m.max(1) as f32;
    let weight = |id: u32| {
        let d = sdf.get(&id).copied().unwrap_or(1) as f32;
        cfg.anchor_weight(corpus.anchor_kind[id as usize]) * (1.0 + ms / d).ln()
    };
    // Story vectors: the centroid of the members' name vectors (each member's damped counts times
    // the weights, scaled to unit length), so a name most members write (the matter's actors)
    // outweighs one a single page carries in its clutter.
    let vectors: Vec<Vec<(u32, f32, Kind)>> = clusters
        .iter()
        .map(|members| {
            let mut v: BTreeMap<u32, f32> = BTreeMap::new();
            let mut member: Vec<(u32, f32)> = Vec::new();
            for &p in members {
                member.clear();
                member.extend(
                    corpus
                        .anchor_counts(p)
                        .filter(|&(id, _)| storyline_kind(corpus.anchor_kind[id as usize]))
                        .map(|(id, tf)| (id, tf * weight(id))),
                );
                let norm = member.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
                if norm > 0.0 {
                    for &(id, w) in &member {
                        *v.entry(id).or_insert(0.0) += w / norm;
                    }
                }
            }
            v.into_iter()
                .map(|(id, w)| (id, w, corpus.anchor_kind[id as usize]))
                .collect()
        })
        .collect();
    let norms: Vec<f32> = vectors
        .iter()
        .map(|v| v.iter().map(|(_, w, _)| w * w).sum::<f32>().sqrt())
        .collect();
    let times: Vec<Option<i64>> = clusters
        .iter()
        .map(|members| {
            let mut t: Vec<i64> = members.iter().filter_map(|&p| corpus.time(p)).collect();
            t.sort_unstable();
            t.get(t.len() / 2).copied()
        })
        .collect();

    // Story pairs sharing at least two names or spans, each held by at most `max_posting` stories.
    let postings = Postings::build(
        m,
        cfg.max_posting,
        |s| Box::new(vectors[s].iter().map(|(id, _, _)| *id)),
        |_| 0,
    );
    let pairs = postings.pairs(m, 2, |_, l| [(0, l.len()), (0, 0)]);
    drop(postings);

    let mut dsu = Dsu::new(m);
    for (a, b) in pairs.into_iter().flatten() {
        let (a, b) = (a as usize, b as usize);
        if let (Some(x), Some(y)) = (times[a], times[b]) {
            if (x - y).unsigned_abs() as f32 / 86_400.0 > cfg.storyline_max_days {
                continue;
            }
        }
        if cosine(&vectors[a], &vectors[b], norms[a], norms[b]) >= cfg.storyline_threshold {
            dsu.union(a, b);
        }
    }
    (0..m).map(|s| dsu.find(s)).collect()
}

/// The anchors that say who a matter is about: names, the same in every language and script (see
/// [`crate::anchors`]). Terms and figures name the event rather than the matter.
fn storyline_kind(k: Kind) -> bool {
    matches!(k, Kind::Name | Kind::Span)
}

fn cosine(a: &[(u32, f32, Kind)], b: &[(u32, f32, Kind)], na: f32, nb: f32) -> f32 {
    let (mut x, mut y, mut dot) = (0, 0, 0.0f32);
    while x < a.len() && y < b.len() {
        match a[x].0.cmp(&b[y].0) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                dot += a[x].1 * b[y].1;
                x += 1;
                y += 1;
            }
        }
    }
    if na * nb > 0.0 {
        dot / (na * nb)
    } else {
        0.0
    }
}
