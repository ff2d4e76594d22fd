//! Article → [`Sketch`]: the per-article fingerprint record of stage 3.
//!
//! The sketch is what the candidate index stores and what a Spark `sketch` stage writes, one JSON
//! object per line. It holds the article id, its token and distinct-gram counts and the sorted
//! sampled gram hashes (see the `shingle` module for the method). Sketches are small (about one
//! fingerprint per four words, 8 bytes each) and independent of every other article, so they can
//! be computed in parallel, stored, and compared later.
//!
//! Sketches made with different [`SKETCH_VERSION`]s or different `ngram`/`sample_mod` settings are
//! not comparable; [`crate::CandidateIndex::insert`] does not check, the caller must.

use serde::{Deserialize, Serialize};
use wiretrace_model::{Article, ArticleId};

use crate::{shingle, Config};

/// Version of the fingerprint scheme; bumped whenever sketches of the same text would change.
pub const SKETCH_VERSION: u32 = 2;

/// The fingerprints of one article.
///
/// Serialised as one JSON object: `{"v":2,"article":"a17","tokens":512,"grams":480,"fingerprints":[…]}`.
///
/// # Example
/// ```
/// use wiretrace_model::{Article, ArticleId};
/// let mut a = Article::new("a.txt", "One two three four five six seven eight nine ten eleven twelve.");
/// a.id = ArticleId(17);
/// let s = wiretrace_reuse::sketch(&Default::default(), &a);
/// assert_eq!(s.article, ArticleId(17));
/// assert_eq!(s.tokens, 12);
/// let json = serde_json::to_string(&s).unwrap();
/// assert_eq!(serde_json::from_str::<wiretrace_reuse::Sketch>(&json).unwrap(), s);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sketch {
    /// [`SKETCH_VERSION`] of the scheme that made it.
    pub v: u32,
    /// The article sketched.
    pub article: ArticleId,
    /// Word tokens in the article's text.
    pub tokens: u32,
    /// N-gram positions of the text, not counting grams of function words only.
    pub grams: u32,
    /// Sampled n-gram hashes, sorted ascending, distinct.
    pub fingerprints: Vec<u64>,
}

/// Returns the sketch of an article's text.
///
/// # Example
/// ```
/// use wiretrace_model::Article;
/// let cfg = wiretrace_reuse::Config { sample_mod: 1, ..Default::default() };
/// let s = wiretrace_reuse::sketch(&cfg, &Article::new("a.txt", "the cat sat on the mat today"));
/// assert_eq!(s.grams, 3);
/// assert_eq!(s.fingerprints.len(), 3);
/// ```
pub fn sketch(cfg: &Config, article: &Article) -> Sketch {
    let (fingerprints, tokens, grams) = shingle::fingerprints(&article.text, cfg.ngram, cfg.sample_mod);
    Sketch {
        v: SKETCH_VERSION,
        article: article.id,
        tokens,
        grams,
        fingerprints,
    }
}
