//! Stages 3–5 (*fingerprint → candidates → align*): articles in, [`Pair`]s with aligned passages out.
//!
//! wiretrace finds reused text the way passim does, in three steps, each usable on its own so that a
//! Spark job can run them as JSON-lines commands:
//!
//! 1. **Fingerprint** ([`sketch`] → [`Sketch`]): word 5-grams of folded tokens (numbers as one
//!    class, function-word-only grams skipped), sampled by hash (1 in 4) into a small sorted set.
//! 2. **Candidates** ([`CandidateIndex`]): an inverted index from fingerprint to articles. Articles
//!    sharing at least [`Config::min_shared`] fingerprints become candidate pairs; fingerprints held by
//!    more than an adaptive number of articles (stock phrases, datelines, credit lines, site
//!    boilerplate) are ignored, as passim ignores n-grams outside 2..100 documents.
//! 3. **Align** ([`align`], [`align_in`]): within a candidate pair, every shared n-gram is a seed;
//!    seeds grow into exact runs, runs are chained across substitutions, insertions and deletions into
//!    passages (reordered sentences give several passages), and each passage must be long, dense and
//!    specific enough (not made of text many other articles also carry) to count. In a corpus, a pair
//!    whose shared text is common is kept only when a third article is strongly paired with both
//!    (the text is their story's, not site furniture).
//!
//! [`find_pairs`] runs the three over a corpus in parallel (rayon), comparing only pairs that touch a
//! new article, and returns the same result whatever the input order or thread count.
//!
//! # Example
//! ```
//! use wiretrace_model::{Article, ArticleId};
//! use wiretrace_reuse::{find_pairs, Config};
//!
//! let wire = "The regional council approved a plan on Tuesday to rebuild the flooded bridge over the \
//!     Arno river, with work starting in March and a budget of 14 million euros. Engineers said the \
//!     old structure had been weakened by decades of heavy lorries and two severe winters.";
//! let copy = format!("Bridge to be rebuilt\n\n{}", wire.replace("14 million", "15 million"));
//! let other = "A local bakery won a national prize for its sourdough loaf, beating more than two \
//!     hundred entries from across the country in a blind tasting held in the capital.";
//! let mut articles: Vec<Article> =
//!     [wire, copy.as_str(), other].iter().enumerate().map(|(i, t)| {
//!         let mut a = Article::new(format!("{i}.txt"), *t);
//!         a.id = ArticleId(i as u32 + 1);
//!         a
//!     }).collect();
//! let pairs = find_pairs(&Config::default(), &articles, &|_| true);
//! assert_eq!(pairs.len(), 1);
//! assert_eq!((pairs[0].a, pairs[0].b), (ArticleId(1), ArticleId(2)));
//! assert!(pairs[0].coverage_a > 0.95);
//! ```
#![deny(missing_docs)]

mod align;
mod index;
mod pair;
pub mod shard;
mod shingle;
mod sketch;
mod stopwords;
mod token;

use serde::{Deserialize, Serialize};
use wiretrace_model::{Article, ArticleId, Pair};

pub use index::{Candidate, CandidateIndex};
pub use pair::{candidate_pairs, CandidatePair};
pub use sketch::{sketch, Sketch, SKETCH_VERSION};

/// Fingerprints are compared on their top bits: a fingerprint's key in a document-frequency table
/// is `fingerprint >> FINGERPRINT_KEY_SHIFT` (the batch index packs the article position below).
/// Exposed so a scale-out job (the Spark driver) counts document frequencies exactly as
/// [`find_pairs`] does.
pub const FINGERPRINT_KEY_SHIFT: u32 = index::DOC_BITS;

/// Unit of a shared fingerprint's rank weight when an article ranks its candidates: a fingerprint
/// of document frequency `df` weighs `ceil(2 × CANDIDATE_WEIGHT_ONE / clamp(df, 2, cap))`. Exposed
/// for scale-out jobs that rank candidates outside this crate (see [`Config::max_candidates`]).
pub const CANDIDATE_WEIGHT_ONE: u64 = index::WEIGHT_ONE;

/// Document frequencies of a corpus counted outside this crate (e.g. by a Spark shuffle on
/// fingerprints): fingerprint key (see [`FINGERPRINT_KEY_SHIFT`]) → number of articles holding
/// it, for fingerprints held by two or more; and the corpus's cap ([`Config::effective_max_df`]).
#[derive(Debug, Clone, Default)]
pub struct CorpusDf {
    entries: std::collections::HashMap<u64, u32>,
    max_df: u32,
}

impl CorpusDf {
    /// A table from `(key, df)` entries and the corpus's df cap.
    pub fn new(entries: impl IntoIterator<Item = (u64, u32)>, max_df: u32) -> Self {
        CorpusDf {
            entries: entries.into_iter().collect(),
            max_df,
        }
    }
}

impl align::DfSource for CorpusDf {
    fn df(&self, gram: u64) -> Option<u32> {
        self.entries.get(&(gram >> FINGERPRINT_KEY_SHIFT)).copied()
    }
    fn max_df(&self) -> u32 {
        self.max_df
    }
}

/// Aligns one candidate pair of a corpus as [`find_pairs`] does, given the corpus's document
/// frequencies: the pair (ids ordered, `a` the smaller) and whether it is *strong* (stands on its
/// own). A weak pair (its shared text is common and a small part of both) is reuse only when a
/// third article is strongly paired with both; [`find_pairs`] applies that rule, a scale-out job
/// applies it with a join over the strong pairs. `None` when no passage passes.
///
/// # Example
/// ```
/// use wiretrace_model::{Article, ArticleId};
/// use wiretrace_reuse::{align_graded_in, Config, CorpusDf};
/// let text = "The harbour authority closed the northern pier on Monday after inspectors found cracks in \
///     three of its pillars, and ferries will dock at the southern terminal until repairs are finished.";
/// let mut a = Article::new("a.txt", text);
/// a.id = ArticleId(2);
/// let mut b = Article::new("b.txt", text);
/// b.id = ArticleId(1);
/// let (pair, strong) = align_graded_in(&Config::default(), &CorpusDf::new([], 20), &a, &b).unwrap();
/// assert_eq!((pair.a, pair.b), (ArticleId(1), ArticleId(2)));
/// assert!(strong);
/// ```
pub fn align_graded_in(cfg: &Config, df: &CorpusDf, a: &Article, b: &Article) -> Option<(Pair, bool)> {
    // The canonical order find_pairs aligns in: by id, then text, then path.
    let (a, b) = if (a.id, &a.text, &a.path) <= (b.id, &b.text, &b.path) {
        (a, b)
    } else {
        (b, a)
    };
    let pa = align::Prepared::new(cfg, &a.text);
    let pb = align::Prepared::new(cfg, &b.text);
    align::align_graded(cfg, &pa, &pb, df).map(|g| {
        let mut p = g.pair;
        p.a = a.id;
        p.b = b.id;
        (p, g.strong)
    })
}

/// Reuse-detection settings. Every field has a default chosen on development data; the trade-off each
/// one manages is given in its doc.
///
/// # Example
/// ```
/// let cfg = wiretrace_reuse::Config { min_passage_tokens: 20, ..Default::default() };
/// assert_eq!(cfg.ngram, 5);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Words per fingerprint n-gram (default 5). Shorter grams find shorter or more edited reuse but
    /// match more stock phrases and cost more candidate pairs.
    pub ngram: usize,
    /// Keep one n-gram in `sample_mod` (by hash) as a fingerprint (default 4). Larger values make a
    /// smaller index and faster candidates, and miss short passages more often.
    pub sample_mod: u32,
    /// Largest document frequency of a usable fingerprint, for very large corpora (default 100, as
    /// passim). The effective cap is `clamp(ceil(max_df_ratio × articles), min_max_df, max_df)`.
    pub max_df: u32,
    /// Share of the corpus above which a fingerprint is too common to be evidence (default 0.05).
    pub max_df_ratio: f32,
    /// Floor of the effective document-frequency cap (default 20), so that a story re-published by
    /// many outlets of a small corpus keeps its fingerprints.
    pub min_max_df: u32,
    /// Shared fingerprints needed for a candidate pair (default 2). 1 finds shorter reuse; higher
    /// values align fewer pairs.
    pub min_shared: u32,
    /// Words per alignment seed (default 4): every shared seed gram inside a candidate pair starts an
    /// exact run. Shorter seeds recover more of a heavily edited passage and chance matches too.
    pub seed_ngram: usize,
    /// Largest gap, in words on either side, bridged between two runs of one passage (default 24).
    /// Larger gaps merge passages across inserted sentences; smaller ones split them.
    pub max_gap: u32,
    /// Fewest identical words a passage must hold (default 12). Guards against names and stock phrases
    /// shared by same-topic articles.
    pub min_passage_tokens: u32,
    /// Lowest share of identical words in a passage (default 0.5).
    pub min_identity: f32,
    /// Fewest *specific* words a pair's passages must hold together (default 12; each passage needs a
    /// quarter of it): identical words weighted by `min(1, 2 / df)` of the passage's fingerprints (1
    /// for text only the two articles share, 0 above the df cap). Text carried by many unrelated
    /// articles (site boilerplate, credit lines) weighs little and does not make a pair.
    pub min_specific_tokens: f32,
    /// A pair whose passages cover at least this share of either article is kept even when its text
    /// is not specific (default 0.5): a short item copied whole by many outlets is reuse, while
    /// boilerplate is a small part of the articles carrying it.
    pub dominant_coverage: f32,
    /// A seed gram occurring more often than this in either article is not used (default 8): it
    /// belongs to a repeated block, whose alignment would be ambiguous and quadratic.
    pub max_seed_repeat: u32,
    /// Candidates kept per article (default 8): its strongest ones by shared fingerprints weighted
    /// by rarity (`min(1, 2 / df)`: a paragraph recurring in dozens of texts links weakly), then
    /// the earliest. A pair is aligned when either of its articles keeps it, so alignment costs at most
    /// `2 × max_candidates` pairs per article however dense the reuse (a background paragraph
    /// recurring in hundreds of texts, a story re-published by thousands of outlets). Given up: an
    /// article with more related articles than this is paired with the closest ones only; weaker
    /// links (a shared sentence) to the rest are not reported, and lineage and stories see its
    /// relatives through the kept pairs. In an incremental run (only pairs touching new articles)
    /// the ranking sees those pairs only, so an old article may keep more than this many in total.
    /// 0 keeps every candidate.
    pub max_candidates: u32,
    /// Holders a too-common fingerprint (above the df cap) links each of its other holders to
    /// (default 4): the earliest ones. Without it, the copies of a story re-published by more
    /// outlets than the cap would share no usable fingerprint and never meet; with it, each copy
    /// meets the earliest versions (the likely sources) at a cost linear in the copies. 0 ignores
    /// common fingerprints entirely, as passim does.
    pub common_representatives: u32,
    /// Common fingerprints (above the df cap) two articles must share to become candidates through
    /// them (default 8, a block of about 30 words or more): near-copies of a widely re-published
    /// story share dozens, while site furniture and stock lines carried by many unrelated
    /// articles share few.
    pub min_common_shared: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            ngram: 5,
            sample_mod: 4,
            max_df: 100,
            max_df_ratio: 0.05,
            min_max_df: 20,
            min_shared: 2,
            seed_ngram: 4,
            max_gap: 24,
            min_passage_tokens: 12,
            min_identity: 0.5,
            min_specific_tokens: 12.0,
            max_seed_repeat: 8,
            dominant_coverage: 0.5,
            max_candidates: 8,
            common_representatives: 4,
            min_common_shared: 8,
        }
    }
}

impl Config {
    /// Returns settings for *verifying* a known pair of short texts (an answer against its source, a
    /// suspected copy against an original) rather than searching a corpus: 3-word seeds, passages
    /// from 7 identical words, gaps of at most 12 words, identity from 0.4. It finds heavily
    /// paraphrased reuse that the defaults leave out, and would pair same-topic news articles if
    /// used for corpus search. (Values chosen on the Clough & Stevenson plagiarism corpus; see
    /// `examples/eval_clough.rs`.)
    ///
    /// # Example
    /// ```
    /// let cfg = wiretrace_reuse::Config::sensitive();
    /// assert!(cfg.min_passage_tokens < wiretrace_reuse::Config::default().min_passage_tokens);
    /// ```
    pub fn sensitive() -> Self {
        Config {
            seed_ngram: 3,
            min_passage_tokens: 7,
            min_identity: 0.4,
            max_gap: 12,
            ..Config::default()
        }
    }

    /// Returns settings for comparing one known pair of texts, scaled to the length (in words) of
    /// the shorter one, with no value fitted to any evaluation set.
    ///
    /// The defaults are sized for corpus search over news articles of 400 words and more, where a
    /// passage of 12 identical words and a 24-word gap are a small part of either text. A pair
    /// compared on its own has no corpus, hence no document frequencies: every shared word counts as
    /// specific, and length is the only guard against chance matches. So the length-bound settings
    /// (`min_passage_tokens`, `min_specific_tokens`, `max_gap`) shrink in proportion to the shorter
    /// text, `f = clamp(words / 400, 0.5, 1)`: a 200-word answer needs 6 identical words per passage
    /// and bridges gaps of 12 words. Below 300 words (`f < 0.75`) the seeds are 3 words instead of
    /// 4, since a 6-word passage rarely holds two disjoint 4-word seeds once edited. Identity stays
    /// at the default 0.5 (it is a ratio, independent of length). From 400 words on this is
    /// [`Config::default`].
    ///
    /// # Example
    /// ```
    /// use wiretrace_reuse::Config;
    /// let short = Config::for_pair(200);
    /// assert_eq!((short.seed_ngram, short.min_passage_tokens, short.max_gap), (3, 6, 12));
    /// assert_eq!(Config::for_pair(1000), Config::default());
    /// ```
    pub fn for_pair(shorter_words: usize) -> Self {
        let d = Config::default();
        let f = (shorter_words as f32 / 400.0).clamp(0.5, 1.0);
        let scale = |x: u32| ((x as f32 * f).round() as u32).max(1);
        Config {
            seed_ngram: if f < 0.75 { 3 } else { d.seed_ngram },
            min_passage_tokens: scale(d.min_passage_tokens),
            min_specific_tokens: scale(d.min_specific_tokens as u32) as f32,
            max_gap: scale(d.max_gap),
            ..d
        }
    }

    /// Returns the effective document-frequency cap for a corpus of `articles` articles.
    ///
    /// # Example
    /// ```
    /// let cfg = wiretrace_reuse::Config::default();
    /// assert_eq!(cfg.effective_max_df(50), 20);
    /// assert_eq!(cfg.effective_max_df(1000), 50);
    /// assert_eq!(cfg.effective_max_df(1_000_000), 100);
    /// ```
    pub fn effective_max_df(&self, articles: usize) -> u32 {
        // Rounded to 1e-6 first so that an f32 ratio such as 0.05 does not push an exact product up.
        let by_ratio = (f64::from(self.max_df_ratio) * articles as f64 - 1e-6)
            .ceil()
            .max(0.0) as u64;
        let lo = self.min_max_df.min(self.max_df).max(2);
        by_ratio.clamp(u64::from(lo), u64::from(self.max_df.max(2))) as u32
    }
}

/// Returns every pair of articles with substantial shared text, where at least one side satisfies
/// `is_new` (so adding articles to a standing corpus compares only the new ones). Sorted by (a, b).
///
/// Document frequencies (the boilerplate filter) are counted over all `articles`. Runs in parallel on
/// the global rayon pool; the output does not depend on the input order or the thread count.
///
/// # Example
/// ```
/// use wiretrace_model::{Article, ArticleId};
/// let text = "Rescue teams reached the village after the landslide blocked the only road for three days, \
///     officials said, and helicopters carried food and medicine to about four hundred residents.";
/// let mut a = Article::new("a.txt", text);
/// a.id = ArticleId(1);
/// let mut b = Article::new("b.txt", text);
/// b.id = ArticleId(2);
/// let cfg = wiretrace_reuse::Config::default();
/// assert_eq!(wiretrace_reuse::find_pairs(&cfg, &[a.clone(), b.clone()], &|id| id == ArticleId(2)).len(), 1);
/// assert!(wiretrace_reuse::find_pairs(&cfg, &[a, b], &|_| false).is_empty());
/// ```
pub fn find_pairs(
    cfg: &Config,
    articles: &[Article],
    is_new: &(dyn Fn(ArticleId) -> bool + Sync),
) -> Vec<Pair> {
    pair::find_pairs(cfg, articles, is_new)
}

/// Aligns two articles directly; `None` when they share no substantial passage.
///
/// Without a corpus, every shared n-gram counts as specific (document frequency 2); use [`align_in`]
/// to discount text that many indexed articles carry. `align(a, b)` and `align(b, a)` return the same
/// pair (`a` is always the smaller id).
///
/// # Example
/// ```
/// use wiretrace_model::{Article, ArticleId};
/// let src = "The museum will reopen its west wing in June after a two-year restoration of the painted \
///     ceiling, the director said, and entry will be free for the first weekend.";
/// let mut a = Article::new("a.txt", src);
/// a.id = ArticleId(1);
/// let mut b = Article::new("b.txt", format!("Culture briefs.\n\n{src}\n\nIn other news, the zoo has a new panda."));
/// b.id = ArticleId(2);
/// let p = wiretrace_reuse::align(&Default::default(), &b, &a).unwrap();
/// assert_eq!(p.a, ArticleId(1));
/// assert_eq!(p.passages.len(), 1);
/// assert!(p.coverage_a > 0.95 && p.coverage_b < 0.8);
/// ```
pub fn align(cfg: &Config, a: &Article, b: &Article) -> Option<Pair> {
    align::align_articles(cfg, a, b, &align::NoDf)
}

/// Aligns two articles, discounting text whose fingerprints many articles of `index` hold (see
/// [`Config::min_specific_tokens`]). Otherwise as [`align`].
///
/// # Example
/// ```
/// use wiretrace_model::{Article, ArticleId};
/// use wiretrace_reuse::{align_in, sketch, CandidateIndex, Config};
/// let cfg = Config::default();
/// let text = "The ferry service to the islands will resume on Friday after storms cancelled every crossing \
///     this week, the operator said, adding that extra sailings would clear the backlog of freight.";
/// let mut a = Article::new("a.txt", text);
/// a.id = ArticleId(1);
/// let mut b = a.clone();
/// b.id = ArticleId(2);
/// let mut index = CandidateIndex::new(&cfg);
/// index.insert(&sketch(&cfg, &a));
/// index.insert(&sketch(&cfg, &b));
/// assert!(align_in(&cfg, &index, &a, &b).is_some());
/// ```
pub fn align_in(cfg: &Config, index: &CandidateIndex, a: &Article, b: &Article) -> Option<Pair> {
    align::align_articles(
        cfg,
        a,
        b,
        &index::IndexDf {
            index,
            max_df: cfg.effective_max_df(index.len()),
        },
    )
}
