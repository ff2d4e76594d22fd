//! Two articles → the passages they share: stage 5, edit-tolerant local alignment.
//!
//! Called by [`crate::align`], [`crate::align_in`] and, for every candidate pair, by
//! [`crate::find_pairs`]. Output: char-offset [`Passage`]s plus the pair's summary scores, or
//! nothing when no passage is substantial.
//!
//! Method (passim's "alignment grown from matching n-grams", made edit-tolerant):
//! 1. **Seeds.** Every word `seed_ngram`-gram (by match class: folded word, numbers as one class)
//!    present in both texts, except grams of function words only and grams repeated more than
//!    `max_seed_repeat` times in either text.
//! 2. **Runs.** Each seed is extended left and right along its diagonal while the words match: a
//!    maximal exact run. A substituted word ends a run; the text after it starts another on the same
//!    diagonal; an insertion or deletion shifts the diagonal.
//! 3. **Chains.** Runs are chained in order on both sides (a longest-path dynamic programme over
//!    runs sorted by position in `a`), bridging gaps of up to `max_gap` words on each side with a
//!    small penalty for the gap and for its skew. This is a seed-and-chain approximation of affine-gap
//!    Smith–Waterman: it costs O(R²) in the number of runs R instead of O(|a|·|b|), and R is small
//!    (a copied article gives a handful of long runs). Chains are taken best first; a chain that
//!    runs into words an earlier chain used is cut there. Reordered sentences therefore come out as
//!    several passages, each in order.
//! 4. **Passages.** Inside each gap the identical words are counted by a longest common subsequence
//!    (gaps are at most `max_gap` words, so this is bounded). Passages that touch or overlap on both
//!    sides, in order, are merged. A passage is kept when it has at least `min_passage_tokens`
//!    identical words, identity ≥ `min_identity`, and at least `min_specific_tokens` *specific*
//!    words: identical words weighted by `min(1, 2/df)` of the sampled n-grams inside it, so site
//!    boilerplate or credit lines that many articles carry do not make a pair. The pair needs
//!    `min_specific_tokens` over all its passages, each passage a quarter of that on its own: the short
//!    shared sentences of a story re-published by many outlets add up, a lone boilerplate line does not.
//!    A pair whose passages cover at least `dominant_coverage` of either article is kept whatever its
//!    specificity: a short item copied whole by many outlets is reuse, not furniture.
//!
//! Guarantees: spans are char offsets, end exclusive, on token boundaries (hence char boundaries)
//! and inside the texts; passages are sorted by their start in `a`; the result for (b, a) is the
//! result for (a, b) (the pair is computed in one canonical order: smaller id first, then by text);
//! memory O(|a| + |b|), time O((|a| + |b|) log + R²), with R capped at `MAX_RUNS`.
//!
//! Not done here: classifying what changed inside a passage (numbers, names, quotes) is the explain
//! stage's job; it reads the passages.

use wiretrace_model::{Article, CharSpan, Pair, Passage};

use crate::shingle;
use crate::token::{tokenize, Tok};
use crate::Config;

/// Where document frequencies of fingerprints come from (a corpus, an index, or nowhere).
pub(crate) trait DfSource: Sync {
    /// Returns the number of articles holding this fingerprint, when known.
    fn df(&self, gram: u64) -> Option<u32>;
    /// Returns the corpus's document-frequency cap.
    fn max_df(&self) -> u32;
}

/// No corpus: every shared gram counts as specific.
pub(crate) struct NoDf;

impl DfSource for NoDf {
    fn df(&self, _gram: u64) -> Option<u32> {
        None
    }
    fn max_df(&self) -> u32 {
        u32::MAX
    }
}

/// Runs beyond this many (longest kept) are dropped: bounds the quadratic chaining on pathological
/// input such as two long texts made of one repeated sentence.
const MAX_RUNS: usize = 4000;

/// One article's text prepared for alignment.
pub(crate) struct Prepared {
    toks: Vec<Tok>,
    /// (seed hash, position), sorted.
    seeds: Vec<(u64, u32)>,
    /// Sampled fingerprint gram at each position, if any.
    fps: Vec<Option<u64>>,
    /// Distinct fingerprint-size grams, sorted (for Jaccard and containment).
    grams: Vec<u64>,
    /// Prefix sums of token char lengths: `tok_chars[i]` = chars of tokens before `i`.
    tok_chars: Vec<u64>,
}

impl Prepared {
    pub(crate) fn new(cfg: &Config, text: &str) -> Self {
        let toks = tokenize(text);
        let mut seeds: Vec<(u64, u32)> = shingle::grams(&toks, cfg.seed_ngram.max(1))
            .into_iter()
            .enumerate()
            .filter_map(|(i, g)| g.map(|h| (h, i as u32)))
            .collect();
        seeds.sort_unstable();
        let all = shingle::grams(&toks, cfg.ngram.max(1));
        let fps: Vec<Option<u64>> = all
            .iter()
            .map(|g| g.filter(|h| shingle::sampled(*h, cfg.sample_mod)))
            .collect();
        let mut grams: Vec<u64> = all.into_iter().flatten().collect();
        grams.sort_unstable();
        grams.dedup();
        let mut tok_chars = Vec::with_capacity(toks.len() + 1);
        let mut acc = 0u64;
        tok_chars.push(0);
        for t in &toks {
            acc += u64::from(t.end - t.start);
            tok_chars.push(acc);
        }
        Prepared {
            toks,
            seeds,
            fps,
            grams,
            tok_chars,
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Run {
    a: u32,
    b: u32,
    len: u32,
}

#[derive(Debug, Clone)]
struct Chain {
    // Token ranges, end exclusive.
    a0: u32,
    a1: u32,
    b0: u32,
    b1: u32,
    identical: u32,
}

/// Aligns two articles in canonical order and builds the pair.
pub(crate) fn align_articles(cfg: &Config, a: &Article, b: &Article, df: &dyn DfSource) -> Option<Pair> {
    let swap = match a.id.cmp(&b.id) {
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Equal => (&a.text, &a.path) > (&b.text, &b.path),
    };
    let (a, b) = if swap { (b, a) } else { (a, b) };
    let pa = Prepared::new(cfg, &a.text);
    let pb = Prepared::new(cfg, &b.text);
    align_prepared(cfg, &pa, &pb, df).map(|mut p| {
        p.a = a.id;
        p.b = b.id;
        p
    })
}

/// Aligns two prepared texts; ids of the returned pair are left at 0.
pub(crate) fn align_prepared(cfg: &Config, pa: &Prepared, pb: &Prepared, df: &dyn DfSource) -> Option<Pair> {
    align_graded(cfg, pa, pb, df).filter(|g| g.strong).map(|g| g.pair)
}

/// A pair of prepared texts with passages, and whether it stands on its own.
pub(crate) struct Graded {
    pub(crate) pair: Pair,
    /// False when the passages pass every test but carry too few specific words and cover less than
    /// `dominant_coverage` of both articles: text that many articles share. Such a pair is reported
    /// only when the corpus links both articles to a third one (see `crate::pair`).
    pub(crate) strong: bool,
}

/// Aligns two prepared texts; `None` when no passage passes the per-passage tests.
pub(crate) fn align_graded(cfg: &Config, pa: &Prepared, pb: &Prepared, df: &dyn DfSource) -> Option<Graded> {
    let runs = find_runs(cfg, pa, pb);
    if runs.is_empty() {
        return None;
    }
    let chains = chain_runs(cfg, pa, pb, &runs);
    let chains = merge_chains(cfg, pa, pb, chains);
    // A passage needs a quarter of the specific words on its own; the pair needs them all together,
    // so a large story's short shared sentences count, and a lone boilerplate line does not.
    let mut total = 0f32;
    let mut kept: Vec<Chain> = Vec::new();
    let mut common: Vec<Chain> = Vec::new();
    for c in chains {
        match specific_tokens(cfg, pa, pb, &c, df) {
            Some(s) if s >= 0.25 * cfg.min_specific_tokens => {
                total += s;
                kept.push(c);
            }
            Some(_) => common.push(c),
            None => {}
        }
    }
    if total < cfg.min_specific_tokens && !common.is_empty() {
        // Text that many articles share is still reuse when it is most of one of the two articles:
        // a story republished by more outlets than the df cap consists of common text only, and
        // each copy is its source's text. Its common passages count then.
        let mut all = kept.clone();
        all.extend(common);
        all.sort_by_key(|c| (c.a0, c.b0));
        let pair = build_pair(pa, pb, all);
        if pair.similarity >= cfg.dominant_coverage {
            return Some(Graded { pair, strong: true });
        }
    }
    if kept.is_empty() {
        return None;
    }
    let pair = build_pair(pa, pb, kept);
    // Text that many articles share is still reuse when it is most of one of the two articles (a
    // short wire item copied by many outlets), rather than a line at the foot of both.
    let strong = total >= cfg.min_specific_tokens || pair.similarity >= cfg.dominant_coverage;
    Some(Graded { pair, strong })
}

/// The seeds two prepared texts share, as (diagonal, position in a, position in b), in the order of
/// `a`'s seed list; diagonal = b - a offset by |a| to stay unsigned. A hash held more than
/// `max_seed_repeat` times on either side seeds nothing.
fn shared_seeds(cfg: &Config, pa: &Prepared, pb: &Prepared) -> Vec<(u64, u32, u32)> {
    let max_rep = cfg.max_seed_repeat.max(1) as usize;
    let mut seeds: Vec<(u64, u32, u32)> = Vec::new();
    let off = pa.toks.len() as u64;
    // One merge walk of the two sorted seed lists (each hash's group in `b` is found where the walk
    // stands, not by a search per group of `a`).
    let (sa, sb) = (&pa.seeds, &pb.seeds);
    let (mut i, mut lo) = (0, 0);
    while i < sa.len() {
        let h = sa[i].0;
        let mut e = i + 1;
        while e < sa.len() && sa[e].0 == h {
            e += 1;
        }
        while lo < sb.len() && sb[lo].0 < h {
            lo += 1;
        }
        let mut hi = lo;
        while hi < sb.len() && sb[hi].0 == h {
            hi += 1;
        }
        if e - i <= max_rep && hi > lo && hi - lo <= max_rep {
            for &(_, x) in &sa[i..e] {
                for &(_, y) in &sb[lo..hi] {
                    seeds.push((u64::from(y) + off - u64::from(x), x, y));
                }
            }
        }
        i = e;
        lo = hi;
    }
    seeds
}

fn find_runs(cfg: &Config, pa: &Prepared, pb: &Prepared) -> Vec<Run> {
    let mut seeds = shared_seeds(cfg, pa, pb);
    seeds.sort_unstable();
    let (ta, tb) = (&pa.toks, &pb.toks);
    let mut runs = Vec::new();
    let mut k = 0;
    while k < seeds.len() {
        let diag = seeds[k].0;
        let mut end_a = 0u32; // end of the last run on this diagonal
        while k < seeds.len() && seeds[k].0 == diag {
            let (_, x, y) = seeds[k];
            k += 1;
            if x < end_a {
                continue;
            }
            let (mut s_a, mut s_b) = (x, y);
            while s_a > end_a && s_b > 0 && ta[s_a as usize - 1].class == tb[s_b as usize - 1].class {
                s_a -= 1;
                s_b -= 1;
            }
            let (mut e_a, mut e_b) = (x as usize, y as usize);
            while e_a < ta.len() && e_b < tb.len() && ta[e_a].class == tb[e_b].class {
                e_a += 1;
                e_b += 1;
            }
            runs.push(Run {
                a: s_a,
                b: s_b,
                len: e_a as u32 - s_a,
            });
            end_a = e_a as u32;
        }
    }
    if runs.len() > MAX_RUNS {
        runs.sort_by(|x, y| y.len.cmp(&x.len).then(x.a.cmp(&y.a)).then(x.b.cmp(&y.b)));
        runs.truncate(MAX_RUNS);
    }
    runs.sort_by(|x, y| x.a.cmp(&y.a).then(x.b.cmp(&y.b)));
    runs
}

fn chain_runs(cfg: &Config, pa: &Prepared, pb: &Prepared, runs: &[Run]) -> Vec<Chain> {
    let n = runs.len();
    let max_gap = i64::from(cfg.max_gap);
    let longest = i64::from(runs.iter().map(|r| r.len).max().unwrap_or(0));
    let mut best = vec![0f64; n];
    let mut prev = vec![usize::MAX; n];
    for r in 0..n {
        let cur = runs[r];
        best[r] = f64::from(cur.len);
        for p in (0..r).rev() {
            let pr = runs[p];
            if i64::from(pr.a) + longest + max_gap < i64::from(cur.a) {
                // Runs are sorted by start in a: no earlier run can end within reach.
                break;
            }
            if pr.a >= cur.a || pr.b >= cur.b {
                continue;
            }
            let gap_a = i64::from(cur.a) - i64::from(pr.a + pr.len);
            let gap_b = i64::from(cur.b) - i64::from(pr.b + pr.len);
            if gap_a > max_gap || gap_b > max_gap {
                continue;
            }
            let overlap = (-gap_a).max(-gap_b).max(0);
            if overlap >= i64::from(cur.len) {
                continue;
            }
            let ga = gap_a.max(0) as f64;
            let gb = gap_b.max(0) as f64;
            let penalty = 0.25 * ga.max(gb) + 0.25 * (ga - gb).abs();
            let score = best[p] + f64::from(cur.len) - overlap as f64 - penalty;
            if score > best[r] {
                best[r] = score;
                prev[r] = p;
            }
        }
    }
    // Take chains best first; stop a chain where it meets a run an earlier chain took.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|x, y| best[*y].total_cmp(&best[*x]).then(x.cmp(y)));
    let mut used = vec![false; n];
    let mut chains = Vec::new();
    for end in order {
        if used[end] {
            continue;
        }
        let mut members = Vec::new();
        let mut r = end;
        loop {
            if used[r] {
                break;
            }
            members.push(r);
            if prev[r] == usize::MAX {
                break;
            }
            r = prev[r];
        }
        members.reverse();
        for m in &members {
            used[*m] = true;
        }
        chains.push(chain_of(pa, pb, runs, &members));
    }
    chains
}

fn chain_of(pa: &Prepared, pb: &Prepared, runs: &[Run], members: &[usize]) -> Chain {
    let first = runs[members[0]];
    let mut c = Chain {
        a0: first.a,
        a1: first.a,
        b0: first.b,
        b1: first.b,
        identical: 0,
    };
    for &m in members {
        let r = runs[m];
        // Clip the overlap with what the chain already covers.
        let skip = (c.a1.saturating_sub(r.a))
            .max(c.b1.saturating_sub(r.b))
            .min(r.len);
        let (ra, rb, rl) = (r.a + skip, r.b + skip, r.len - skip);
        if rl == 0 {
            continue;
        }
        c.identical += lcs(
            &pa.toks[c.a1 as usize..ra as usize],
            &pb.toks[c.b1 as usize..rb as usize],
        );
        c.identical += (0..rl as usize)
            .filter(|k| pa.toks[ra as usize + k].hash == pb.toks[rb as usize + k].hash)
            .count() as u32;
        c.a1 = ra + rl;
        c.b1 = rb + rl;
    }
    c
}

/// Returns the length of the longest common subsequence of two short token slices (by folded hash).
fn lcs(x: &[Tok], y: &[Tok]) -> u32 {
    if x.is_empty() || y.is_empty() {
        return 0;
    }
    let mut row = vec![0u32; y.len() + 1];
    for tx in x {
        let mut diag = 0;
        for (j, ty) in y.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if tx.hash == ty.hash {
                diag + 1
            } else {
                up.max(row[j])
            };
            diag = up;
        }
    }
    row[y.len()]
}

fn merge_chains(cfg: &Config, pa: &Prepared, pb: &Prepared, mut chains: Vec<Chain>) -> Vec<Chain> {
    chains.sort_by_key(|c| (c.a0, c.b0, c.a1, c.b1));
    let mut out: Vec<Chain> = Vec::with_capacity(chains.len());
    for c in chains {
        if let Some(last) = out.last_mut() {
            let gap_a = i64::from(c.a0) - i64::from(last.a1);
            let gap_b = i64::from(c.b0) - i64::from(last.b1);
            let ordered = c.a0 >= last.a0 && c.b0 >= last.b0;
            if ordered
                && gap_a <= i64::from(cfg.max_gap)
                && gap_b <= i64::from(cfg.max_gap)
                && gap_a >= -i64::from(c.a1 - c.a0)
                && gap_b >= -i64::from(c.b1 - c.b0)
                && (gap_a >= 0) == (gap_b >= 0)
            {
                let bridge = if gap_a > 0 && gap_b > 0 {
                    lcs(
                        &pa.toks[last.a1 as usize..c.a0 as usize],
                        &pb.toks[last.b1 as usize..c.b0 as usize],
                    )
                } else {
                    0
                };
                // Overlapping chains: count the overlap once (approximately, by the larger side).
                let overlap = (-gap_a).max(-gap_b).max(0) as u32;
                last.identical = last.identical + bridge + c.identical.saturating_sub(overlap);
                last.a1 = last.a1.max(c.a1);
                last.b1 = last.b1.max(c.b1);
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Returns the passage's specific words, or `None` when it is too short or too loose to be one.
fn specific_tokens(cfg: &Config, pa: &Prepared, pb: &Prepared, c: &Chain, df: &dyn DfSource) -> Option<f32> {
    let len = (c.a1 - c.a0).max(c.b1 - c.b0).max(1);
    if c.identical < cfg.min_passage_tokens || (c.identical as f32) / (len as f32) < cfg.min_identity {
        return None;
    }
    // Specificity: the mean weight min(1, 2/df) of the shared fingerprints inside the passage.
    let n = cfg.ngram.max(1) as u32;
    let (mut sum, mut count) = (0f64, 0u32);
    if c.a1 >= c.a0 + n {
        for i in c.a0..=c.a1 - n {
            let Some(h) = pa.fps.get(i as usize).copied().flatten() else {
                continue;
            };
            if pb.grams.binary_search(&h).is_err() {
                continue;
            }
            let w = match df.df(h) {
                Some(d) if d > df.max_df() => 0.0,
                Some(d) if d > 2 => 2.0 / f64::from(d),
                _ => 1.0,
            };
            sum += w;
            count += 1;
        }
    }
    let weight = if count == 0 { 1.0 } else { sum / f64::from(count) };
    Some((f64::from(c.identical) * weight) as f32)
}

fn covered_chars(p: &Prepared, mut ranges: Vec<(u32, u32)>) -> u64 {
    ranges.sort_unstable();
    let (mut total, mut cur_s, mut cur_e) = (0u64, 0u32, 0u32);
    for (s, e) in ranges {
        if s > cur_e {
            total += p.tok_chars[cur_e as usize] - p.tok_chars[cur_s as usize];
            cur_s = s;
            cur_e = e;
        } else {
            cur_e = cur_e.max(e);
        }
    }
    total + p.tok_chars[cur_e as usize] - p.tok_chars[cur_s as usize]
}

fn ratio(x: u64, y: u64) -> f32 {
    if y == 0 {
        0.0
    } else {
        (x as f64 / y as f64).min(1.0) as f32
    }
}

fn build_pair(pa: &Prepared, pb: &Prepared, chains: Vec<Chain>) -> Pair {
    let cov_a = covered_chars(pa, chains.iter().map(|c| (c.a0, c.a1)).collect());
    let cov_b = covered_chars(pb, chains.iter().map(|c| (c.b0, c.b1)).collect());
    let coverage_a = ratio(cov_a, *pa.tok_chars.last().unwrap_or(&0));
    let coverage_b = ratio(cov_b, *pb.tok_chars.last().unwrap_or(&0));
    let inter = wiretrace_text::sorted_intersection_count(&pa.grams, &pb.grams) as u64;
    let union = pa.grams.len() as u64 + pb.grams.len() as u64 - inter;
    let passages = chains
        .iter()
        .map(|c| {
            let len = (c.a1 - c.a0).max(c.b1 - c.b0).max(1);
            Passage {
                a: span(pa, c.a0, c.a1),
                b: span(pb, c.b0, c.b1),
                identity: round4((c.identical as f32 / len as f32).min(1.0)),
            }
        })
        .collect();
    Pair {
        a: Default::default(),
        b: Default::default(),
        similarity: round4(coverage_a.max(coverage_b)),
        jaccard: round4(ratio(inter, union)),
        containment_a_in_b: round4(ratio(inter, pa.grams.len() as u64)),
        containment_b_in_a: round4(ratio(inter, pb.grams.len() as u64)),
        coverage_a: round4(coverage_a),
        coverage_b: round4(coverage_b),
        passages,
        method: wiretrace_model::PairMethod::Text,
    }
}

fn round4(x: f32) -> f32 {
    (x * 10_000.0).round() / 10_000.0
}

fn span(p: &Prepared, t0: u32, t1: u32) -> CharSpan {
    CharSpan::new(p.toks[t0 as usize].start, p.toks[t1 as usize - 1].end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(a: &str, b: &str) -> Option<Pair> {
        let cfg = Config::default();
        align_prepared(&cfg, &Prepared::new(&cfg, a), &Prepared::new(&cfg, b), &NoDf)
    }

    const SRC: &str = "The national weather service issued a flood warning for the river valley on Sunday \
        after three days of heavy rain swelled the tributaries. Residents of low-lying villages were told to \
        move vehicles and livestock to higher ground before nightfall. Emergency shelters opened in two \
        school gymnasiums, and volunteers handed out sandbags at the fire station.";

    /// The shared seeds found by a binary search of `b`'s list per hash of `a` (the walk
    /// `shared_seeds` replaced), for comparison.
    fn seeds_by_search(cfg: &Config, pa: &Prepared, pb: &Prepared) -> Vec<(u64, u32, u32)> {
        let max_rep = cfg.max_seed_repeat.max(1) as usize;
        let off = pa.toks.len() as u64;
        let mut out = Vec::new();
        let mut i = 0;
        while i < pa.seeds.len() {
            let h = pa.seeds[i].0;
            let e = i + pa.seeds[i..].partition_point(|x| x.0 == h);
            let lo = pb.seeds.partition_point(|x| x.0 < h);
            let hi = lo + pb.seeds[lo..].partition_point(|x| x.0 == h);
            if e - i <= max_rep && hi > lo && hi - lo <= max_rep {
                for &(_, x) in &pa.seeds[i..e] {
                    out.extend(
                        pb.seeds[lo..hi]
                            .iter()
                            .map(|&(_, y)| (u64::from(y) + off - u64::from(x), x, y)),
                    );
                }
            }
            i = e;
        }
        out
    }

    #[test]
    fn merged_seed_walk_equals_a_search_per_seed() {
        let cfg = Config::default();
        // Repeated sentences (seeds held several times, some beyond `max_seed_repeat`) on both sides.
        let a = format!("{SRC} {} {SRC}", "Sandbags again today. ".repeat(12));
        let b = format!(
            "Volunteers came. {} {SRC} and more",
            "Sandbags again today. ".repeat(5)
        );
        for (x, y) in [(&a, &b), (&b, &a), (&a, &a)] {
            let (pa, pb) = (Prepared::new(&cfg, x), Prepared::new(&cfg, y));
            let expected = seeds_by_search(&cfg, &pa, &pb);
            assert!(expected.len() > 40);
            assert_eq!(shared_seeds(&cfg, &pa, &pb), expected);
        }
    }

    #[test]
    fn identical_texts_align_fully() {
        let p = pair(SRC, SRC).unwrap();
        assert_eq!(p.passages.len(), 1);
        assert_eq!((p.coverage_a, p.coverage_b, p.jaccard), (1.0, 1.0, 1.0));
        assert_eq!(p.passages[0].identity, 1.0);
    }

    #[test]
    fn substitutions_and_insertions_stay_in_one_passage() {
        let edited = SRC
            .replace("heavy rain", "torrential rain")
            .replace("three days", "four days")
            .replace(
                "before nightfall.",
                "before nightfall, the mayor said in a televised statement.",
            );
        let p = pair(SRC, &edited).unwrap();
        assert_eq!(p.passages.len(), 1, "{:?}", p.passages);
        let id = p.passages[0].identity;
        assert!(id > 0.8 && id < 1.0, "{id}");
        assert!(p.coverage_a > 0.98);
    }

    #[test]
    fn lcs_counts_common_words() {
        let x = tokenize("a b c d");
        let y = tokenize("a x c d e");
        assert_eq!(lcs(&x, &y), 3);
    }

    #[test]
    fn unrelated_texts_do_not_align() {
        let other = "Shares in the airline fell sharply in early trading after it warned that fuel costs \
            would cut annual profits, while analysts questioned the timing of its expansion into Asia.";
        assert!(pair(SRC, other).is_none());
    }
}
