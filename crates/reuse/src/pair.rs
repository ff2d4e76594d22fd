//! A corpus → its reuse [`Pair`]s: stages 3–5 run together, in parallel, for the engine.
//!
//! Called by [`crate::find_pairs`]. Steps: sketch every article (rayon), find candidate pairs with the
//! batch inverted index (only pairs touching a new article), then align each candidate pair,
//! preparing each article once per group of pairs that share it (and the articles that are the later
//! side of many pairs once for the batch). A *weak* pair (its passages are
//! text that many articles carry, and they are a small part of both) is kept only when a third
//! article is strongly paired with both: then the text belongs to their common story (a sentence
//! that every outlet kept), not to site furniture, whose carriers share nothing else.
//!
//! Determinism: articles are put in a canonical order (id, then text, then path) before anything
//! else, candidates come out sorted, rayon's indexed collects keep that order, and the final list is
//! sorted by (a, b). The same articles give the same pairs whatever their input order or the number
//! of threads. Memory: the sketches and one packed posting list (8 bytes per fingerprint) at once;
//! token lists exist only for the articles being aligned.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use wiretrace_model::{Article, ArticleId, Pair};

use std::collections::{BTreeMap, BTreeSet};

use crate::align::{align_graded, DfSource, Graded, Prepared};
use crate::index::{batch_candidates, DfTable, DOC_BITS};
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
    /// Fingerprints shared: those within the df cap, plus common ones when the pair met through a
    /// common fingerprint's representatives (see [`crate::Config::common_representatives`]).
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
    let df = df.table();
    drop(refs);
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
    let shared = SharedPrepared::new(cfg, &arts, &cands);
    let graded: Vec<(u32, u32, Graded)> = groups
        .par_iter()
        .flat_map_iter(|group| {
            let i = group[0].0;
            let own_a;
            let pa = match shared.get(i) {
                Some(p) => p,
                None => {
                    own_a = Prepared::new(cfg, &arts[i as usize].text);
                    &own_a
                }
            };
            group
                .iter()
                .filter_map(|&(_, j, _)| {
                    let g = match shared.get(j) {
                        Some(pb) => align_graded(cfg, pa, pb, &df),
                        None => align_graded(cfg, pa, &Prepared::new(cfg, &arts[j as usize].text), &df),
                    };
                    g.map(|g| (i, j, g))
                })
                .collect::<Vec<_>>()
        })
        .collect();
    drop(shared);
    let strong: BTreeSet<(u32, u32)> = graded.iter().filter(|g| g.2.strong).map(|g| (g.0, g.1)).collect();
    let mut neighbours: Vec<Vec<u32>> = vec![Vec::new(); arts.len()];
    for &(i, j) in &strong {
        neighbours[i as usize].push(j);
        neighbours[j as usize].push(i);
    }
    // A weak pair (shared text that many articles carry) is kept when a third article is strongly
    // paired with both: the three tell one story, so the shared text is that story's, not furniture.
    // The new side's strong pairs are all known; a pair of two old articles is decided on demand,
    // exactly as a full run would (candidate test, then alignment), so incremental and full runs agree.
    let mut memo: BTreeMap<(u32, u32), bool> = BTreeMap::new();
    let mut pairs: Vec<Pair> = Vec::new();
    for (i, j, g) in graded {
        let keep = g.strong || {
            let (x, y) = if new[i as usize] { (i, j) } else { (j, i) };
            neighbours[x as usize].iter().any(|&c| {
                if c == y {
                    return false;
                }
                let key = (y.min(c), y.max(c));
                if strong.contains(&key) {
                    return true;
                }
                if new[y as usize] || new[c as usize] {
                    return false; // already aligned (or not a candidate) and not strong
                }
                *memo.entry(key).or_insert_with(|| {
                    shared_usable(&sketches[key.0 as usize], &sketches[key.1 as usize], &df)
                        >= cfg.min_shared.max(1)
                        && align_graded(
                            cfg,
                            &Prepared::new(cfg, &arts[key.0 as usize].text),
                            &Prepared::new(cfg, &arts[key.1 as usize].text),
                            &df,
                        )
                        .is_some_and(|g| g.strong)
                })
            })
        };
        if keep {
            let mut p = g.pair;
            p.a = arts[i as usize].id;
            p.b = arts[j as usize].id;
            pairs.push(p);
        }
    }
    pairs.sort_by_key(|p| (p.a, p.b));
    pairs
}

/// An article that is the later side of at least this many candidate pairs is prepared for
/// alignment once for the whole batch instead of once per pair. Pairs are grouped by their earlier
/// article, so the later side is prepared per pair; the articles many later ones meet (a wire
/// story's earliest versions, which every copy is paired with through common fingerprints) would
/// otherwise be tokenised thousands of times.
const SHARED_PREPARED_MIN_USES: usize = 3;

/// Text bytes of the articles held prepared at once (the most used first). A prepared article takes
/// some seventeen times its text's bytes (24 MB of text raised the 20,000-article peak from 264 to
/// 668 MB), so this bounds [`SharedPrepared`] to about 70 MB whatever the corpus size.
const SHARED_PREPARED_MAX_TEXT_BYTES: usize = 4 << 20;

/// The articles prepared once for a whole batch (see [`SHARED_PREPARED_MIN_USES`]). Preparation is
/// a pure function of the text, so which articles are shared changes cost only, never a result.
struct SharedPrepared {
    /// Position in the batch → its slot in `prepared`, for the shared articles.
    slot: wiretrace_text::FastMap<u32, usize>,
    prepared: Vec<Prepared>,
}

impl SharedPrepared {
    /// Prepares the articles used most often as the later side of `cands` (sorted by first article).
    fn new(cfg: &Config, arts: &[&Article], cands: &[(u32, u32, u32)]) -> Self {
        // The earlier side is prepared once per group anyway: only later sides are counted.
        let mut uses = vec![0u32; arts.len()];
        for &(_, j, _) in cands {
            uses[j as usize] += 1;
        }
        let mut hot: Vec<u32> = (0..arts.len() as u32)
            .filter(|&k| uses[k as usize] as usize >= SHARED_PREPARED_MIN_USES)
            .collect();
        hot.sort_unstable_by_key(|&k| (std::cmp::Reverse(uses[k as usize]), k));
        let mut budget = SHARED_PREPARED_MAX_TEXT_BYTES;
        hot.retain(|&k| {
            let len = arts[k as usize].text.len();
            let fits = len <= budget;
            if fits {
                budget -= len;
            }
            fits
        });
        let prepared: Vec<Prepared> = hot
            .par_iter()
            .map(|&k| Prepared::new(cfg, &arts[k as usize].text))
            .collect();
        let slot = hot.iter().enumerate().map(|(s, &k)| (k, s)).collect();
        SharedPrepared { slot, prepared }
    }

    fn get(&self, k: u32) -> Option<&Prepared> {
        self.slot.get(&k).map(|&s| &self.prepared[s])
    }
}

/// Returns the fingerprints two sketches share that are usable as candidate evidence (the batch's
/// rule: compared on their top 40 bits, document frequency within the cap).
fn shared_usable(x: &Sketch, y: &Sketch, df: &DfTable) -> u32 {
    let tx: Vec<u64> = x.fingerprints.iter().map(|f| f >> DOC_BITS).collect();
    let ty: Vec<u64> = y.fingerprints.iter().map(|f| f >> DOC_BITS).collect();
    let (mut a, mut b, mut n) = (0, 0, 0);
    while a < tx.len() && b < ty.len() {
        match tx[a].cmp(&ty[b]) {
            std::cmp::Ordering::Less => a += 1,
            std::cmp::Ordering::Greater => b += 1,
            std::cmp::Ordering::Equal => {
                if df.df(x.fingerprints[a]).is_some_and(|d| d <= df.max_df()) {
                    n += 1;
                }
                let k = tx[a];
                while a < tx.len() && tx[a] == k {
                    a += 1;
                }
                while b < ty.len() && ty[b] == k {
                    b += 1;
                }
            }
        }
    }
    n
}
