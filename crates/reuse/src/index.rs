//! [`Sketch`]es → candidate pairs: stage 4, an inverted index from fingerprint to articles.
//!
//! Two forms share one rule. [`CandidateIndex`] is incremental (insert sketches, query one sketch's
//! candidates), for a standing corpus and for a Spark `candidates` stage. The batch form used by
//! [`crate::find_pairs`] sorts all (fingerprint, article) postings at once, which needs half the
//! memory of a hash map and sorts in parallel; it yields exactly the pairs the index would.
//!
//! The rule: two articles are candidates when they share at least [`crate::Config::min_shared`]
//! fingerprints whose document frequency is within `2..=Config::effective_max_df(articles)`. The
//! cap removes n-grams of stock phrases, credit lines and site furniture that link unrelated
//! articles by the thousand (passim's 2..100 documents); it grows with the corpus (5% of it, between
//! 20 and 100 by default), so a small corpus where one story is re-published by many outlets keeps
//! its evidence.
//!
//! Scale bounds (batch form): a fingerprint above the cap is not dropped but links each of its
//! holders to its earliest [`crate::Config::common_representatives`] holders, and
//! [`crate::Config::min_common_shared`] such links make a candidate, so the copies of a story
//! re-published by thousands still meet its first versions at a cost linear in the copies. Then
//! each article keeps its [`crate::Config::max_candidates`] strongest candidates (a pair stays when
//! either side keeps it), so alignment costs at most twice that many pairs per article. What is
//! given up: an article with more relatives than that is aligned with the strongest only (a copy
//! of a story that has thousands of verbatim versions is paired with the earliest of them and with
//! its own closest relatives, not with every other copy), and a weak link (one shared paragraph)
//! of an article that also has stronger ones is not reported. [`CandidateIndex`] (the incremental
//! form) applies the df cap only. Why not MinHash/LSH: LSH buckets whole-document signatures, so a three-paragraph
//! excerpt of a twenty-paragraph article (Jaccard ≈ 0.1) or two reused sentences are lost unless the
//! threshold is so low that the buckets explode; the inverted index finds passage-level overlap at
//! any Jaccard, and with the df cap its cost stays linear in practice.
//!
//! Guarantees: results are sorted (by shared count descending, then id); nothing depends on hash-map
//! iteration order. Memory: about 8 bytes per fingerprint (batch), 16–24 (index).

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use wiretrace_model::ArticleId;

use crate::align::DfSource;
use crate::{Config, Sketch};

/// Hasher for keys that already are hashes: one multiply, no hashing of the bytes.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) | u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        // One multiply spreads any bits of the key (for example a 40-bit truncated hash) over both the
        // low bits (bucket index) and the high bits (control bytes) of the table.
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

pub(crate) type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// One candidate article for a queried sketch.
///
/// # Example
/// ```
/// let c = wiretrace_reuse::Candidate { article: wiretrace_model::ArticleId(3), shared: 12, containment: 0.5 };
/// assert_eq!(serde_json::to_string(&c).unwrap(), r#"{"article":"a3","shared":12,"containment":0.5}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// The indexed article.
    pub article: ArticleId,
    /// Usable fingerprints the two share.
    pub shared: u32,
    /// `shared` over the smaller of the two fingerprint counts: an estimate of how much of the
    /// shorter article is contained in the other.
    pub containment: f32,
}

/// An incremental inverted index of sketches.
///
/// # Example
/// ```
/// use wiretrace_model::{Article, ArticleId};
/// use wiretrace_reuse::{sketch, CandidateIndex, Config};
/// let cfg = Config::default();
/// let text = "The city council voted on Monday to close the old harbour road to lorries from next spring, \
///     after residents complained for years about noise, dust and cracks in the walls of their houses.";
/// let mut a = Article::new("a.txt", text);
/// a.id = ArticleId(1);
/// let mut b = Article::new("b.txt", format!("Harbour road closing. {text}"));
/// b.id = ArticleId(2);
/// let mut index = CandidateIndex::new(&cfg);
/// index.insert(&sketch(&cfg, &a));
/// let found = index.candidates(&sketch(&cfg, &b));
/// assert_eq!(found[0].article, ArticleId(1));
/// ```
#[derive(Debug, Clone)]
pub struct CandidateIndex {
    cfg: Config,
    postings: IdMap<Vec<ArticleId>>,
    sketches: BTreeMap<ArticleId, Vec<u64>>,
}

impl CandidateIndex {
    /// Returns an empty index using `cfg`'s candidate settings.
    pub fn new(cfg: &Config) -> Self {
        CandidateIndex {
            cfg: cfg.clone(),
            postings: IdMap::default(),
            sketches: BTreeMap::new(),
        }
    }

    /// Adds a sketch; a sketch of an article already indexed replaces the old one.
    pub fn insert(&mut self, sketch: &Sketch) {
        self.remove(sketch.article);
        for fp in &sketch.fingerprints {
            let list = self.postings.entry(*fp).or_default();
            let at = list.partition_point(|x| *x < sketch.article);
            list.insert(at, sketch.article);
        }
        self.sketches.insert(sketch.article, sketch.fingerprints.clone());
    }

    /// Removes an article; returns whether it was indexed.
    pub fn remove(&mut self, article: ArticleId) -> bool {
        let Some(old) = self.sketches.remove(&article) else {
            return false;
        };
        for fp in old {
            if let Some(list) = self.postings.get_mut(&fp) {
                list.retain(|x| *x != article);
                if list.is_empty() {
                    self.postings.remove(&fp);
                }
            }
        }
        true
    }

    /// Returns the number of indexed articles.
    pub fn len(&self) -> usize {
        self.sketches.len()
    }

    /// Returns true when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.sketches.is_empty()
    }

    /// Returns how many indexed articles hold a fingerprint.
    pub fn df(&self, fingerprint: u64) -> u32 {
        self.postings.get(&fingerprint).map_or(0, |l| l.len() as u32)
    }

    /// Returns the indexed articles (other than the sketch's own) sharing at least `min_shared`
    /// usable fingerprints with `sketch`, most shared first (ties by id).
    ///
    /// The sketch is counted in document frequencies as if it were indexed.
    pub fn candidates(&self, sketch: &Sketch) -> Vec<Candidate> {
        let own = self.sketches.contains_key(&sketch.article);
        let n = self.len() + usize::from(!own);
        let max_df = self.cfg.effective_max_df(n) as usize;
        let mut counts: BTreeMap<ArticleId, u32> = BTreeMap::new();
        for fp in &sketch.fingerprints {
            let Some(list) = self.postings.get(fp) else {
                continue;
            };
            let df = list.len() + usize::from(!own);
            if df > max_df {
                continue;
            }
            for other in list {
                if *other != sketch.article {
                    *counts.entry(*other).or_default() += 1;
                }
            }
        }
        let mine = sketch.fingerprints.len() as f32;
        let mut out: Vec<Candidate> = counts
            .into_iter()
            .filter(|(_, shared)| *shared >= self.cfg.min_shared.max(1))
            .map(|(article, shared)| {
                let theirs = self.sketches.get(&article).map_or(0, Vec::len) as f32;
                Candidate {
                    article,
                    shared,
                    containment: shared as f32 / mine.min(theirs).max(1.0),
                }
            })
            .collect();
        out.sort_by(|x, y| y.shared.cmp(&x.shared).then(x.article.cmp(&y.article)));
        out
    }
}

pub(crate) struct IndexDf<'a> {
    pub(crate) index: &'a CandidateIndex,
    pub(crate) max_df: u32,
}

impl DfSource for IndexDf<'_> {
    fn df(&self, gram: u64) -> Option<u32> {
        match self.index.df(gram) {
            0 => None,
            d => Some(d),
        }
    }
    fn max_df(&self) -> u32 {
        self.max_df
    }
}

/// Document frequencies of every fingerprint held by two or more articles of a batch.
pub(crate) struct DfTable {
    // Top 40 bits of the fingerprint → df.
    entries: IdMap<u32>,
    max_df: u32,
}

impl DfSource for DfTable {
    fn df(&self, gram: u64) -> Option<u32> {
        self.entries.get(&(gram >> DOC_BITS)).copied()
    }
    fn max_df(&self) -> u32 {
        self.max_df
    }
}

/// Bits of a packed posting that hold the article's batch position.
pub(crate) const DOC_BITS: u32 = 24;

/// Returns every posting (fingerprint's top 40 bits, article position) sorted ascending.
///
/// A counting pass splits the postings into 4,096 buckets by their top 12 bits (fingerprints are
/// uniform hashes, so buckets are even and fit in cache), then the buckets are sorted in parallel:
/// about three times faster than one parallel sort of the whole list.
fn bucket_sorted_postings(sketches: &[&Sketch]) -> Vec<u64> {
    const BITS: u32 = 12;
    let bucket = |p: u64| (p >> (64 - BITS)) as usize;
    let pack = |fp: u64, i: usize| ((fp >> DOC_BITS) << DOC_BITS) | i as u64;
    let mut counts = vec![0usize; 1 << BITS];
    for s in sketches {
        for fp in &s.fingerprints {
            counts[bucket(*fp)] += 1;
        }
    }
    let mut starts = Vec::with_capacity(counts.len());
    let mut acc = 0;
    for c in &counts {
        starts.push(acc);
        acc += c;
    }
    let mut postings = vec![0u64; acc];
    let mut next = starts.clone();
    for (i, s) in sketches.iter().enumerate() {
        for fp in &s.fingerprints {
            let b = bucket(*fp);
            postings[next[b]] = pack(*fp, i);
            next[b] += 1;
        }
    }
    let mut slices: Vec<&mut [u64]> = Vec::with_capacity(counts.len());
    let mut rest: &mut [u64] = &mut postings;
    for c in &counts {
        let (head, tail) = rest.split_at_mut(*c);
        slices.push(head);
        rest = tail;
    }
    slices.par_iter_mut().for_each(|s| s.sort_unstable());
    postings
}

/// Returns the candidate pairs `(i, j, shared)` (batch positions, `i < j`, at least one new) sorted
/// by (i, j), and the batch's document-frequency table.
///
/// Three bounds keep the work near-linear whatever the shape of the reuse:
/// - a fingerprint within the df cap links every pair of its holders (at most cap² / 2 pairs);
/// - a fingerprint above the cap (a wire story re-published by thousands, or site furniture) links
///   each holder to its first [`Config::common_representatives`] holders only, and such links make
///   a candidate only when [`Config::min_common_shared`] of them agree (a long common block);
/// - each article keeps its [`Config::max_candidates`] strongest candidates (shared fingerprints
///   weighted by rarity, `min(1, 2 / df)`, then the earliest article); a pair survives when either
///   side keeps it.
pub(crate) fn batch_candidates(
    cfg: &Config,
    sketches: &[&Sketch],
    is_new: &[bool],
) -> (Vec<(u32, u32, u32)>, DfEntries) {
    candidates_in_passes(cfg, sketches, is_new, KEYS_PER_PASS)
}

/// [`batch_candidates`], counting at most `keys_per_pass` pair keys at a time.
fn candidates_in_passes(
    cfg: &Config,
    sketches: &[&Sketch],
    is_new: &[bool],
    keys_per_pass: u64,
) -> (Vec<(u32, u32, u32)>, DfEntries) {
    let n = sketches.len();
    let max_df = cfg.effective_max_df(n);
    // A posting packs the fingerprint's top 40 bits with the article's position: one u64, sorted in
    // place. Fingerprints are mixed hashes, so 40 bits keep collisions negligible (2^-40 per pair).
    assert!(
        n < (1 << DOC_BITS),
        "batch_candidates handles fewer than 2^24 articles per batch"
    );
    let mut postings = bucket_sorted_postings(sketches);
    postings.dedup();
    let (rare, common, df_entries) = fingerprint_groups(&postings, max_df);
    let reps = cfg.common_representatives as usize;
    let sizes: Vec<u32> = sketches.iter().map(|s| s.fingerprints.len() as u32).collect();
    let passes = pass_ranges(&postings, &rare, &common, reps, n, keys_per_pass);
    let candidates_in = |range: (u32, u32)| {
        let rare_keys = pair_keys(&postings, &rare, is_new, usize::MAX, max_df, range);
        let common_keys = if reps == 0 {
            Vec::new()
        } else {
            pair_keys(&postings, &common, is_new, reps, max_df, range)
        };
        merge_counts(cfg, &count_keys(rare_keys), &count_keys(common_keys))
    };
    let k = cfg.max_candidates as usize;
    let pairs = if k == 0 {
        passes
            .iter()
            .flat_map(|r| candidates_in(*r))
            .map(|(i, j, shared, _)| (i, j, shared))
            .collect()
    } else {
        // Two rounds: every candidate is offered to both articles' top k, then the pairs are
        // counted again and kept when either side ranks them in its top k. Counting twice costs
        // less than holding every candidate pair of a dense corpus.
        let mut top = TopK::new(&sizes, k);
        if passes.len() == 1 {
            let all = candidates_in(passes[0]);
            all.iter().for_each(|p| top.offer(*p));
            all.into_iter()
                .filter(|p| top.keeps(*p))
                .map(|(i, j, shared, _)| (i, j, shared))
                .collect()
        } else {
            for r in &passes {
                candidates_in(*r).into_iter().for_each(|p| top.offer(p));
            }
            passes
                .iter()
                .flat_map(|r| candidates_in(*r).into_iter().filter(|p| top.keeps(*p)))
                .map(|(i, j, shared, _)| (i, j, shared))
                .collect()
        }
    };
    (
        pairs,
        DfEntries {
            entries: df_entries,
            max_df,
        },
    )
}

/// Pair keys counted in one pass of [`batch_candidates`] at most (128 MiB of keys): a dense corpus
/// is counted in several passes over ranges of first articles instead of all at once.
pub(crate) const KEYS_PER_PASS: u64 = 1 << 24;

/// Splits the first-article positions `0..n` into consecutive ranges emitting at most `limit` pair
/// keys each (an upper bound: new-or-old filtering is not counted; one article may exceed it).
pub(crate) fn pass_ranges(
    postings: &[u64],
    rare: &[Group],
    common: &[Group],
    reps: usize,
    n: usize,
    limit: u64,
) -> Vec<(u32, u32)> {
    let mask = (1u64 << DOC_BITS) - 1;
    let mut load = vec![0u64; n];
    for (groups, first) in [(rare, usize::MAX), (common, reps)] {
        for &(s, e) in groups {
            let df = e - s;
            for (x, p) in postings[s..e].iter().enumerate().take(first) {
                load[(p & mask) as usize] += (df - x - 1) as u64;
            }
        }
    }
    let mut out = Vec::new();
    let (mut lo, mut acc) = (0usize, 0u64);
    for (i, l) in load.iter().enumerate() {
        if acc + l > limit && i > lo {
            out.push((lo as u32, i as u32));
            lo = i;
            acc = 0;
        }
        acc += l;
    }
    out.push((lo as u32, n as u32));
    out
}

/// A run of equal fingerprints in the sorted postings: `(start, end)`.
pub(crate) type Group = (usize, usize);

/// Splits the sorted postings into groups of one fingerprint held by two or more articles: those
/// within the df cap (`rare`), those above it (`common`), and every group's document frequency.
pub(crate) fn fingerprint_groups(postings: &[u64], max_df: u32) -> (Vec<Group>, Vec<Group>, Vec<(u64, u32)>) {
    let (mut rare, mut common, mut df_entries) = (Vec::new(), Vec::new(), Vec::new());
    let mut s = 0;
    while s < postings.len() {
        let key = postings[s] >> DOC_BITS;
        let mut e = s + 1;
        while e < postings.len() && postings[e] >> DOC_BITS == key {
            e += 1;
        }
        let df = e - s;
        if df >= 2 {
            df_entries.push((key, df as u32));
            if df <= max_df as usize {
                rare.push((s, e));
            } else {
                common.push((s, e));
            }
        }
        s = e;
    }
    (rare, common, df_entries)
}

/// Weight of one shared fingerprint of document frequency `df` when ranking an article's
/// candidates: `min(1, 2 / df)` (as the alignment's specificity) in units of `1 / WEIGHT_ONE`, so
/// that a fingerprint only the two articles hold counts fully and one of a paragraph recurring in
/// dozens of texts counts little. Fingerprints above the cap weigh as if at the cap.
pub(crate) const WEIGHT_ONE: u64 = 1 << 10;

fn rank_weight(df: usize, max_df: u32) -> u64 {
    let df = df.min(max_df as usize).max(2) as u64;
    (2 * WEIGHT_ONE).div_ceil(df)
}

/// Bits of a packed pair key holding the fingerprint's rank weight (below the two positions).
const WEIGHT_BITS: u32 = 16;

/// Returns one packed `i << 40 | j << 16 | weight` key (`i < j`, one side new, `lo <= i < hi`) per
/// pair of holders of each group's fingerprint, where `i` is among the group's first `first` holders
/// (all pairs when `first` is `usize::MAX`), sorted. Postings are sorted by position within a group, so the
/// first holders are the earliest articles of the batch.
pub(crate) fn pair_keys(
    postings: &[u64],
    groups: &[Group],
    is_new: &[bool],
    first: usize,
    max_df: u32,
    (lo, hi): (u32, u32),
) -> Vec<u64> {
    let mask = (1u64 << DOC_BITS) - 1;
    // Groups are taken in chunks so that each chunk fills one vector (no allocation per group).
    let mut keys: Vec<u64> = groups
        .par_chunks(4096)
        .flat_map_iter(|chunk| {
            let mut out = Vec::new();
            for &(s, e) in chunk {
                let docs = &postings[s..e];
                let w = rank_weight(e - s, max_df);
                // Only first articles within the pass's range.
                let x0 = docs.partition_point(|p| p & mask < u64::from(lo));
                let x1 = docs.partition_point(|p| p & mask < u64::from(hi)).min(first);
                for (x, px) in docs.iter().enumerate().take(x1).skip(x0) {
                    let i = px & mask;
                    for py in &docs[x + 1..] {
                        let j = py & mask;
                        if is_new[i as usize] || is_new[j as usize] {
                            out.push((i << (DOC_BITS + WEIGHT_BITS)) | (j << WEIGHT_BITS) | w);
                        }
                    }
                }
            }
            out
        })
        .collect();
    keys.par_sort_unstable();
    keys
}

/// One pair's shared fingerprints: `(i << 32 | j, count, summed rank weight)`.
pub(crate) type PairCount = (u64, u32, u64);

/// Collapses sorted packed keys into one [`PairCount`] per pair, in pair order.
pub(crate) fn count_keys(keys: Vec<u64>) -> Vec<PairCount> {
    let pair = |k: u64| k >> WEIGHT_BITS;
    let weight = |k: u64| k & ((1 << WEIGHT_BITS) - 1);
    let mut out = Vec::new();
    let mut s = 0;
    while s < keys.len() {
        let p = pair(keys[s]);
        let mut e = s;
        let mut w = 0;
        while e < keys.len() && pair(keys[e]) == p {
            w += weight(keys[e]);
            e += 1;
        }
        let (i, j) = (p >> DOC_BITS, p & ((1 << DOC_BITS) - 1));
        out.push(((i << 32) | j, (e - s) as u32, w));
        s = e;
    }
    out
}

/// Merges the rare and common counts (both sorted by pair) into candidate pairs `(i, j, shared,
/// rank weight)`: a pair is a candidate when it shares `min_shared` rare fingerprints or
/// `min_common_shared` common ones; `shared` counts both.
fn merge_counts(cfg: &Config, rare: &[PairCount], common: &[PairCount]) -> Vec<(u32, u32, u32, u64)> {
    let mut out = Vec::new();
    let (mut a, mut b) = (0, 0);
    while a < rare.len() || b < common.len() {
        let ka = rare.get(a).map_or(u64::MAX, |x| x.0);
        let kb = common.get(b).map_or(u64::MAX, |x| x.0);
        let key = ka.min(kb);
        let (r, rw) = if ka == key { (rare[a].1, rare[a].2) } else { (0, 0) };
        let (c, cw) = if kb == key {
            (common[b].1, common[b].2)
        } else {
            (0, 0)
        };
        a += usize::from(ka == key);
        b += usize::from(kb == key);
        if is_candidate(cfg, r, c) {
            out.push(((key >> 32) as u32, key as u32, r + c, rw + cw));
        }
    }
    out
}

/// Whether a pair sharing `rare` fingerprints within the df cap and `common` ones above it is a
/// candidate: [`Config::min_shared`] of the first or [`Config::min_common_shared`] of the second.
pub(crate) fn is_candidate(cfg: &Config, rare: u32, common: u32) -> bool {
    rare >= cfg.min_shared.max(1) || common >= cfg.min_common_shared.max(1)
}

/// A candidate pair's strength (see [`TopK`]): `weight × shared / union` of the two sketches of
/// `size_i` and `size_j` fingerprints, in units of `1 / WEIGHT_ONE`.
pub(crate) fn candidate_strength(size_i: u32, size_j: u32, shared: u32, weight: u64) -> u64 {
    let both = u64::from(size_i) + u64::from(size_j);
    let union = both.saturating_sub(u64::from(shared)).max(1);
    weight * u64::from(shared) * WEIGHT_ONE / union
}

/// Rank key of candidate `other` as seen from one article: higher is stronger, unique per article
/// (ties of strength go to the earlier other article).
pub(crate) fn candidate_rank(strength: u64, other: u32) -> u64 {
    (strength.min(u64::from(u32::MAX)) << 32) | u64::from(u32::MAX - other)
}

/// Each article's `k` strongest candidates, offered one pair at a time; then a pair is kept when
/// either of its articles ranks it in its top `k`.
///
/// Strength: the summed rank weight of the shared fingerprints times their share of the two
/// sketches' union (a Jaccard estimate), then the earlier other article. The Jaccard factor makes
/// an article's closest version (its source, or a copy of it) outrank relatives that merely contain
/// it, which matters in a large family of versions; earlier articles are more often sources.
struct TopK<'a> {
    sizes: &'a [u32],
    k: usize,
    /// Per article, its k best rank keys, descending (0 = empty slot; a real key is never 0).
    best: Vec<u64>,
}

impl<'a> TopK<'a> {
    /// `sizes` are the articles' fingerprint counts.
    fn new(sizes: &'a [u32], k: usize) -> Self {
        TopK {
            sizes,
            k,
            best: vec![0; sizes.len() * k],
        }
    }

    fn strength(&self, (i, j, shared, weight): (u32, u32, u32, u64)) -> u64 {
        candidate_strength(self.sizes[i as usize], self.sizes[j as usize], shared, weight)
    }

    /// Rank key of `other` as seen from one article: higher is stronger; unique per article.
    fn rank(strength: u64, other: u32) -> u64 {
        candidate_rank(strength, other)
    }

    fn offer(&mut self, p: (u32, u32, u32, u64)) {
        let st = self.strength(p);
        for (article, other) in [(p.0, p.1), (p.1, p.0)] {
            let key = Self::rank(st, other);
            let k = self.k;
            let slots = &mut self.best[article as usize * k..(article as usize + 1) * k];
            if key > slots[k - 1] {
                let at = slots.partition_point(|x| *x > key);
                slots.copy_within(at..k - 1, at + 1);
                slots[at] = key;
            }
        }
    }

    fn keeps(&self, p: (u32, u32, u32, u64)) -> bool {
        let st = self.strength(p);
        let kth = |article: u32| self.best[article as usize * self.k + self.k - 1];
        Self::rank(st, p.1) >= kth(p.0) || Self::rank(st, p.0) >= kth(p.1)
    }
}

/// The raw document frequencies of a batch, turned into a [`DfTable`] only when alignment needs it.
pub(crate) struct DfEntries {
    entries: Vec<(u64, u32)>,
    max_df: u32,
}

impl DfEntries {
    /// Returns the lookup table.
    pub(crate) fn table(self) -> DfTable {
        DfTable {
            entries: self.entries.into_iter().collect(),
            max_df: self.max_df,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sk(id: u32, fps: &[u64]) -> Sketch {
        Sketch {
            v: 1,
            article: ArticleId(id),
            tokens: 100,
            grams: 100,
            fingerprints: fps.to_vec(),
        }
    }

    fn h(x: u64) -> u64 {
        // Distinct in the top 40 bits, as real fingerprints are.
        x << 40
    }

    #[test]
    fn index_and_batch_agree_and_cap_common_fingerprints() {
        // The incremental index applies the df cap only: no representatives of common fingerprints.
        let cfg = Config {
            min_max_df: 3,
            max_df_ratio: 0.0,
            common_representatives: 0,
            ..Default::default()
        };
        // h(9) is held by all four: above the cap of 3, it links nobody.
        let sketches = vec![
            sk(1, &[h(1), h(2), h(3), h(9)]),
            sk(2, &[h(1), h(2), h(4), h(9)]),
            sk(3, &[h(5), h(6), h(9)]),
            sk(4, &[h(5), h(6), h(3), h(9)]),
        ];
        let mut index = CandidateIndex::new(&cfg);
        for s in &sketches {
            index.insert(s);
        }
        assert_eq!(index.df(h(9)), 4);
        let c1: Vec<_> = index
            .candidates(&sketches[0])
            .into_iter()
            .map(|c| (c.article.0, c.shared))
            .collect();
        assert_eq!(c1, [(2, 2)]);
        let refs: Vec<&Sketch> = sketches.iter().collect();
        let (pairs, df) = batch_candidates(&cfg, &refs, &[true; 4]);
        let df = df.table();
        assert_eq!(pairs, [(0, 1, 2), (2, 3, 2)]);
        assert_eq!(df.df(h(9)), Some(4));
        assert_eq!(df.df(h(7)), None);
    }

    #[test]
    fn common_fingerprints_link_holders_to_the_earliest_ones() {
        let cfg = Config {
            min_max_df: 3,
            max_df_ratio: 0.0,
            common_representatives: 1,
            min_common_shared: 2,
            ..Default::default()
        };
        // h(1..=3) held by all five (above the cap of 3): each later article meets the first only.
        let sketches: Vec<Sketch> = (1..=5).map(|i| sk(i, &[h(1), h(2), h(3)])).collect();
        let refs: Vec<&Sketch> = sketches.iter().collect();
        let (pairs, _) = batch_candidates(&cfg, &refs, &[true; 5]);
        assert_eq!(pairs, [(0, 1, 3), (0, 2, 3), (0, 3, 3), (0, 4, 3)]);
        // Without representatives the common fingerprints link nobody, as before.
        let none = Config {
            common_representatives: 0,
            ..cfg.clone()
        };
        assert!(batch_candidates(&none, &refs, &[true; 5]).0.is_empty());
        // One shared common fingerprint is below min_common_shared.
        let short: Vec<Sketch> = (1..=5).map(|i| sk(i, &[h(1), h(10 + u64::from(i))])).collect();
        let refs: Vec<&Sketch> = short.iter().collect();
        assert!(batch_candidates(&cfg, &refs, &[true; 5]).0.is_empty());
    }

    #[test]
    fn each_article_keeps_its_strongest_candidates() {
        let cfg = Config {
            max_candidates: 1,
            ..Default::default()
        };
        // A–B share four fingerprints, A–C and B–C two each (C's two ties go to the earlier A).
        let sketches = [
            sk(1, &[h(1), h(2), h(3), h(4), h(5), h(6)]),
            sk(2, &[h(1), h(2), h(3), h(4), h(7), h(8)]),
            sk(3, &[h(5), h(6), h(7), h(8)]),
        ];
        let refs: Vec<&Sketch> = sketches.iter().collect();
        let (pairs, _) = batch_candidates(&cfg, &refs, &[true; 3]);
        assert_eq!(pairs, [(0, 1, 4), (0, 2, 2)]);
        let all = Config {
            max_candidates: 0,
            ..cfg
        };
        assert_eq!(
            batch_candidates(&all, &refs, &[true; 3]).0,
            [(0, 1, 4), (0, 2, 2), (1, 2, 2)]
        );
    }

    #[test]
    fn counting_in_many_passes_gives_the_same_pairs() {
        let cfg = Config {
            max_candidates: 2,
            ..Default::default()
        };
        let sketches: Vec<Sketch> = (0..12u64)
            .map(|i| {
                sk(
                    i as u32 + 1,
                    &[h(i % 3), h(i % 4 + 10), h(i % 5 + 20), h(i % 2 + 30)],
                )
            })
            .collect();
        let refs: Vec<&Sketch> = sketches.iter().collect();
        let new = [true; 12];
        let (once, _) = candidates_in_passes(&cfg, &refs, &new, u64::MAX);
        let (many, _) = candidates_in_passes(&cfg, &refs, &new, 1);
        assert!(!once.is_empty());
        assert_eq!(once, many);
    }

    #[test]
    fn batch_only_pairs_new_articles() {
        let cfg = Config::default();
        let sketches = [sk(1, &[h(1), h(2)]), sk(2, &[h(1), h(2)]), sk(3, &[h(1), h(2)])];
        let refs: Vec<&Sketch> = sketches.iter().collect();
        let (pairs, _) = batch_candidates(&cfg, &refs, &[false, false, true]);
        assert_eq!(pairs, [(0, 2, 2), (1, 2, 2)]);
    }

    #[test]
    fn reinserting_replaces_and_remove_forgets() {
        let cfg = Config::default();
        let mut index = CandidateIndex::new(&cfg);
        index.insert(&sk(1, &[h(1), h(2)]));
        index.insert(&sk(1, &[h(3), h(4)]));
        assert_eq!((index.df(h(1)), index.df(h(3))), (0, 1));
        assert!(index.remove(ArticleId(1)));
        assert!(index.is_empty() && index.df(h(3)) == 0);
    }
}
