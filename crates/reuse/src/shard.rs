//! The batch index's candidate rule split for a scale-out job (the Spark driver), with the same
//! functions [`crate::find_pairs`] uses, so a distributed run chooses exactly the pairs of one batch.
//!
//! 1. [`shard_pair_counts`]: the postings of a shard of fingerprints (every holder of each of its
//!    fingerprints; shard by [`fingerprint_shard`]) → the evidence each pair of holders gets from
//!    the shard, one [`PairEvidence`] per pair (combined inside the shard).
//! 2. The evidence of a pair from every shard, summed with [`PairEvidence::add`] (gather by the
//!    pair's first article), → [`PairEvidence::candidate`]: whether it is a candidate, and its
//!    strength ([`candidate_strength`]).
//! 3. Each article's offers gathered (both articles of a candidate are offered it) →
//!    [`top_candidates`]: the others it keeps ([`Config::max_candidates`]); a pair is kept when
//!    either article keeps it.

use crate::index::{self, DOC_BITS, KEYS_PER_PASS};
use crate::Config;

/// The shard (of `shards`) holding a fingerprint key (`fingerprint >> FINGERPRINT_KEY_SHIFT`):
/// keys are uniform hashes, so their remainder spreads them evenly.
pub fn fingerprint_shard(key: u64, shards: usize) -> usize {
    (key % shards.max(1) as u64) as usize
}

/// The evidence two articles (batch positions `i < j`) share in some fingerprints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PairEvidence {
    /// First article's position.
    pub i: u32,
    /// Second article's position (`i < j`).
    pub j: u32,
    /// Shared fingerprints within the df cap.
    pub rare: u32,
    /// Their summed rank weight (see [`crate::CANDIDATE_WEIGHT_ONE`]).
    pub rare_weight: u64,
    /// Shared fingerprints above the cap that link them (one is among the earliest
    /// [`Config::common_representatives`] holders).
    pub common: u32,
    /// Their summed rank weight.
    pub common_weight: u64,
}

impl PairEvidence {
    /// Adds the evidence of the same pair from another shard.
    pub fn add(&mut self, other: &PairEvidence) {
        self.rare += other.rare;
        self.rare_weight += other.rare_weight;
        self.common += other.common;
        self.common_weight += other.common_weight;
    }

    /// When the whole corpus's evidence makes a candidate: `(shared, strength)`, where `sizes` give
    /// each article's fingerprint count (as [`crate::find_pairs`] ranks candidates).
    pub fn candidate(&self, cfg: &Config, size_i: u32, size_j: u32) -> Option<(u32, u64)> {
        if !index::is_candidate(cfg, self.rare, self.common) {
            return None;
        }
        let shared = self.rare + self.common;
        let weight = self.rare_weight + self.common_weight;
        Some((shared, index::candidate_strength(size_i, size_j, shared, weight)))
    }
}

/// The evidence each pair of holders gets from one shard of fingerprints, sorted by pair.
///
/// `postings` are `(fingerprint key, article position)` for every holder of every fingerprint of
/// the shard (duplicates are ignored); `articles` is the corpus size (it sets the df cap). Counted in
/// passes of bounded memory, as the batch index counts.
///
/// # Panics
/// When a position is `2^24` or more (as the batch index).
pub fn shard_pair_counts(cfg: &Config, articles: usize, postings: &[(u64, u32)]) -> Vec<PairEvidence> {
    assert!(articles < (1 << DOC_BITS), "fewer than 2^24 articles per batch");
    let max_df = cfg.effective_max_df(articles);
    let mut packed: Vec<u64> = postings
        .iter()
        .map(|&(key, pos)| {
            assert!((pos as usize) < articles, "article position {pos} of {articles}");
            (key << DOC_BITS) | u64::from(pos)
        })
        .collect();
    packed.sort_unstable();
    packed.dedup();
    let (rare, common, _) = index::fingerprint_groups(&packed, max_df);
    let reps = cfg.common_representatives as usize;
    let is_new = vec![true; articles];
    let mut out = Vec::new();
    for range in index::pass_ranges(&packed, &rare, &common, reps, articles, KEYS_PER_PASS) {
        let rare_keys = index::pair_keys(&packed, &rare, &is_new, usize::MAX, max_df, range);
        let common_keys = if reps == 0 {
            Vec::new()
        } else {
            index::pair_keys(&packed, &common, &is_new, reps, max_df, range)
        };
        let (r, c) = (index::count_keys(rare_keys), index::count_keys(common_keys));
        let (mut a, mut b) = (0, 0);
        while a < r.len() || b < c.len() {
            let ka = r.get(a).map_or(u64::MAX, |x| x.0);
            let kb = c.get(b).map_or(u64::MAX, |x| x.0);
            let key = ka.min(kb);
            let mut e = PairEvidence {
                i: (key >> 32) as u32,
                j: key as u32,
                ..Default::default()
            };
            if ka == key {
                (e.rare, e.rare_weight) = (r[a].1, r[a].2);
                a += 1;
            }
            if kb == key {
                (e.common, e.common_weight) = (c[b].1, c[b].2);
                b += 1;
            }
            out.push(e);
        }
    }
    out
}

/// Every holder's document frequency for each fingerprint of a shard held by two or more articles
/// (the [`crate::CorpusDf`] entries alignment needs): `(article position, fingerprint key, df)`,
/// sorted. `postings` as for [`shard_pair_counts`].
pub fn shard_holder_dfs(postings: &[(u64, u32)]) -> Vec<(u32, u64, u32)> {
    let mut packed: Vec<u64> = postings
        .iter()
        .map(|&(key, pos)| {
            assert!(pos < (1 << DOC_BITS), "article position {pos} of 2^24 or more");
            (key << DOC_BITS) | u64::from(pos)
        })
        .collect();
    packed.sort_unstable();
    packed.dedup();
    // Every group is on one side of the cap: both sides count.
    let (rare, common, _) = index::fingerprint_groups(&packed, u32::MAX);
    debug_assert!(common.is_empty());
    let mask = (1u64 << DOC_BITS) - 1;
    let mut out: Vec<(u32, u64, u32)> = rare
        .iter()
        .flat_map(|&(s, e)| {
            packed[s..e]
                .iter()
                .map(move |p| ((p & mask) as u32, p >> DOC_BITS, (e - s) as u32))
        })
        .collect();
    out.sort_unstable();
    out
}

/// The strength of a candidate pair sharing `shared` fingerprints of summed rank weight `weight`,
/// between sketches of `size_i` and `size_j` fingerprints (higher is stronger).
pub fn candidate_strength(size_i: u32, size_j: u32, shared: u32, weight: u64) -> u64 {
    index::candidate_strength(size_i, size_j, shared, weight)
}

/// The others one article keeps among its offered candidates `(other, strength)`: its
/// [`Config::max_candidates`] strongest (ties to the earlier other), all when that is 0; sorted
/// strongest first. Offers must be distinct by `other`.
pub fn top_candidates(cfg: &Config, offers: &[(u32, u64)]) -> Vec<u32> {
    let mut ranked: Vec<u64> = offers
        .iter()
        .map(|&(other, strength)| index::candidate_rank(strength, other))
        .collect();
    ranked.sort_unstable_by(|a, b| b.cmp(a));
    if cfg.max_candidates > 0 {
        ranked.truncate(cfg.max_candidates as usize);
    }
    ranked.into_iter().map(|r| u32::MAX - r as u32).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Sketch;
    use wiretrace_model::ArticleId;

    /// The three steps over `shards` fingerprint shards, as a Spark job runs them.
    fn sharded(cfg: &Config, sketches: &[Sketch], shards: usize) -> Vec<(u32, u32)> {
        let n = sketches.len();
        let mut postings = vec![Vec::new(); shards];
        for (pos, s) in sketches.iter().enumerate() {
            for fp in &s.fingerprints {
                let key = fp >> DOC_BITS;
                postings[fingerprint_shard(key, shards)].push((key, pos as u32));
            }
        }
        let mut evidence: std::collections::BTreeMap<(u32, u32), PairEvidence> = Default::default();
        for shard in &postings {
            for e in shard_pair_counts(cfg, n, shard) {
                evidence.entry((e.i, e.j)).and_modify(|x| x.add(&e)).or_insert(e);
            }
        }
        let size = |p: u32| sketches[p as usize].fingerprints.len() as u32;
        let mut offers = vec![Vec::new(); n];
        for ((i, j), e) in evidence {
            if let Some((_, st)) = e.candidate(cfg, size(i), size(j)) {
                offers[i as usize].push((j, st));
                offers[j as usize].push((i, st));
            }
        }
        let mut kept: Vec<(u32, u32)> = (0..n as u32)
            .flat_map(|a| {
                top_candidates(cfg, &offers[a as usize])
                    .into_iter()
                    .map(move |o| (a.min(o), a.max(o)))
            })
            .collect();
        kept.sort_unstable();
        kept.dedup();
        kept
    }

    fn batch(cfg: &Config, sketches: &[Sketch]) -> Vec<(u32, u32)> {
        let refs: Vec<&Sketch> = sketches.iter().collect();
        let new = vec![true; sketches.len()];
        let (pairs, _) = index::batch_candidates(cfg, &refs, &new);
        pairs.into_iter().map(|(i, j, _)| (i, j)).collect()
    }

    #[test]
    fn sharded_candidates_equal_the_batch_index() {
        // Fingerprints shared in overlapping families, some held by more articles than the df cap
        // (common: linked through the earliest holders), so every bound of the rule is exercised.
        let sketches: Vec<Sketch> = (0..40u64)
            .map(|i| {
                let mut fps: Vec<u64> = [
                    i % 3,
                    i % 4 + 10,
                    i % 5 + 20,
                    i % 2 + 30,
                    i % 7 + 40,
                    i / 8 + 50,
                    99,
                ]
                .iter()
                .chain(&[
                    i % 3 + 60,
                    i % 3 + 63,
                    i % 3 + 66,
                    i % 3 + 69,
                    i % 3 + 72,
                    i % 3 + 75,
                    i % 3 + 78,
                ])
                .map(|x| (x * 0x9E37_79B9 + 7) << DOC_BITS)
                .collect();
                fps.sort_unstable();
                fps.dedup();
                Sketch {
                    v: 1,
                    article: ArticleId(i as u32 + 1),
                    tokens: 100,
                    grams: 100,
                    fingerprints: fps,
                }
            })
            .collect();
        for cfg in [
            Config {
                min_max_df: 6,
                max_df_ratio: 0.0,
                max_candidates: 3,
                min_common_shared: 3,
                ..Default::default()
            },
            Config {
                min_max_df: 6,
                max_df_ratio: 0.0,
                max_candidates: 0,
                ..Default::default()
            },
            Config::default(),
        ] {
            let want = batch(&cfg, &sketches);
            assert!(!want.is_empty());
            for shards in [1, 3, 7] {
                assert_eq!(sharded(&cfg, &sketches, shards), want, "{shards} shards");
            }
        }
        // The per-article bound and the common links matter here: without them there are more pairs.
        let loose = Config {
            min_max_df: 6,
            max_df_ratio: 0.0,
            max_candidates: 0,
            ..Default::default()
        };
        let bounded = Config {
            max_candidates: 3,
            ..loose.clone()
        };
        assert!(batch(&bounded, &sketches).len() < batch(&loose, &sketches).len());
    }

    #[test]
    fn holder_dfs_count_the_holders_of_shared_fingerprints() {
        let postings = [(7, 0), (7, 2), (9, 1), (7, 5), (8, 1), (8, 0), (7, 2)];
        assert_eq!(
            shard_holder_dfs(&postings),
            [(0, 7, 3), (0, 8, 2), (1, 8, 2), (2, 7, 3), (5, 7, 3)]
        );
    }

    #[test]
    fn top_candidates_keeps_the_strongest_and_the_earlier_on_ties() {
        let cfg = Config {
            max_candidates: 2,
            ..Default::default()
        };
        assert_eq!(top_candidates(&cfg, &[(5, 10), (3, 30), (9, 30), (1, 5)]), [3, 9]);
        assert_eq!(top_candidates(&cfg, &[(9, 30), (3, 30), (4, 30)]), [3, 4]);
        let all = Config {
            max_candidates: 0,
            ..cfg
        };
        assert_eq!(top_candidates(&all, &[(5, 10), (3, 30)]), [3, 5]);
    }
}
