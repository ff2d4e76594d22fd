//! A corpus → its reuse [`Pair`]s: stages 3–5 run together, in parallel, for the engine.
//!
//! Called by [`crate::find_pairs`]. Steps: sketch every article (rayon), find candidate pairs with the
//! batch inverted index (only pairs touching a new article), then align each candidate pair,
//! preparing each article once per group of pairs that share it.
//!
//! Determinism: articles are put in a canonical order (id, then text, then path) before anything
//! else, candidates come out sorted, rayon's indexed collects keep that order, and the final list is
//! sorted by (a, b). The same articles give the same pairs whatever their input order or the number
//! of threads. Memory: the sketches and one packed posting list (8 bytes per fingerprint) at once;
//! token lists exist only for the articles being aligned.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use wiretrace_model::{Article, ArticleId, Pair};

use crate::align::{align_prepared, Prepared};
use crate::index::batch_candidates;
use crate::{sketch, Config, Sketch};

/// A candidate pair from [`candidate_pairs`]: two articles sharing enough usable fingerprints.
///
/// # Example
/// ```
/// let c = wiretrace_reuse::CandidatePair { a: wiretrace_model::ArticleId(1), b: wiretrace_model::ArticleId(4), shared: 9 };
/// assert_eq!(serde_json::to_string(&c).unwrap(), r#"{"a":"a1","b":"a4","shared":9}"#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CandidatePair {
    /// The smaller id.
    pub a: ArticleId,
    /// The larger id.
    pub b: ArticleId,
    /// Usable fingerprints shared.
    pub shared: u32,
}

/// Returns the candidate pairs of a batch of sketches (stage 4 alone), sorted by (a, b); only pairs
/// where at least one side satisfies `is_new` are listed. Document frequencies are counted over the
/// whole batch.
///
/// # Example
/// ```
/// use wiretrace_model::{Article, ArticleId};
/// use wiretrace_reuse::{candidate_pairs, sketch, Config};
/// let cfg = Config::default();
/// let text = "Doctors at the city hospital performed the region's first robotic heart operation on \
///     Thursday, and the patient, a retired teacher, was said to be recovering well in intensive care.";
/// let sketches: Vec<_> = (1..=2).map(|i| {
///     let mut a = Article::new(format!("{i}.txt"), text);
///     a.id = ArticleId(i);
///     sketch(&cfg, &a)
/// }).collect();
/// let c = candidate_pairs(&cfg, &sketches, &|_| true);
/// assert_eq!((c[0].a, c[0].b), (ArticleId(1), ArticleId(2)));
/// ```
pub fn candidate_pairs(
    cfg: &Config,
    sketches: &[Sketch],
    is_new: &(dyn Fn(ArticleId) -> bool + Sync),
) -> Vec<CandidatePair> {
    let mut order: Vec<&Sketch> = sketches.iter().collect();
    order.sort_by_key(|s| s.article);
    let new: Vec<bool> = order.iter().map(|s| is_new(s.article)).collect();
    let (pairs, _) = batch_candidates(cfg, &order, &new);
    let mut out: Vec<CandidatePair> = pairs
        .into_iter()
        .map(|(i, j, shared)| {
            let (x, y) = (order[i as usize].article, order[j as usize].article);
            CandidatePair {
                a: x.min(y),
                b: x.max(y),
                shared,
            }
        })
        .collect();
    out.sort();
    out
}

pub(crate) fn find_pairs(
    cfg: &Config,
    articles: &[Article],
    is_new: &(dyn Fn(ArticleId) -> bool + Sync),
) -> Vec<Pair> {
    let mut arts: Vec<&Article> = articles.iter().collect();
    arts.par_sort_by(|x, y| (x.id, &x.text, &x.path).cmp(&(y.id, &y.text, &y.path)));
    let new: Vec<bool> = arts.iter().map(|a| is_new(a.id)).collect();
    if !new.iter().any(|x| *x) {
        return Vec::new();
    }
    let sketches: Vec<Sketch> = arts.par_iter().map(|a| sketch(cfg, a)).collect();
    let refs: Vec<&Sketch> = sketches.iter().collect();
    let (cands, df) = batch_candidates(cfg, &refs, &new);
    drop(refs);
    drop(sketches);
    // Group candidates by their first article so that it is prepared once per group.
    let mut groups: Vec<&[(u32, u32, u32)]> = Vec::new();
    let mut s = 0;
    while s < cands.len() {
        let mut e = s + 1;
        while e < cands.len() && cands[e].0 == cands[s].0 {
            e += 1;
        }
        groups.push(&cands[s..e]);
        s = e;
    }
    let mut pairs: Vec<Pair> = groups
        .par_iter()
        .flat_map_iter(|group| {
            let a = arts[group[0].0 as usize];
            let pa = Prepared::new(cfg, &a.text);
            group
                .iter()
                .filter_map(|&(_, j, _)| {
                    let b = arts[j as usize];
                    let pb = Prepared::new(cfg, &b.text);
                    align_prepared(cfg, &pa, &pb, &df).map(|mut p| {
                        p.a = a.id;
                        p.b = b.id;
                        p
                    })
                })
                .collect::<Vec<_>>()
        })
        .collect();
    pairs.sort_by_key(|p| (p.a, p.b));
    pairs
}
