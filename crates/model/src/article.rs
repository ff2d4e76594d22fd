use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The store's identifier of an article, printed as `a17`.
///
/// Ids are given in the order articles are first stored; `wiretrace trace` stores its inputs sorted by
/// (path, record number), so the same inputs always get the same ids.
///
/// # Example
/// ```
/// use wiretrace_model::ArticleId;
/// assert_eq!(ArticleId(17).to_string(), "a17");
/// assert_eq!("a17".parse::<ArticleId>(), Ok(ArticleId(17)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct ArticleId(pub u32);

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a{}", self.0)
    }
}

impl std::str::FromStr for ArticleId {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        s.strip_prefix('a')
            .unwrap_or(s)
            .parse::<u32>()
            .map(ArticleId)
            .map_err(|_| format!("not an article id: {s:?} (expected a17 or 17)"))
    }
}

impl From<ArticleId> for String {
    fn from(id: ArticleId) -> String {
        id.to_string()
    }
}

impl TryFrom<String> for ArticleId {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

/// A block of page furniture found inside the article body and removed from [`Article::text`]
/// (share bars, newsletter prompts, in-body ads, related-story lists).
///
/// Kept so that the explain stage can report it as `boilerplate` at the place it stood.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoilerplateBlock {
    /// The block's text.
    pub text: String,
    /// Char offset in [`Article::text`] where the block stood before removal.
    pub at: u32,
    /// Why it was removed, e.g. `share`, `newsletter`, `ad`, `related`.
    pub reason: String,
}

/// One article: its extracted text, the coordinate system of every later stage, and its metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Store id; `ArticleId(0)` until stored.
    #[serde(default)]
    pub id: ArticleId,
    /// The input path as given (relative where it was relative), with `#N` for the N-th (0-based)
    /// record of a multi-article input (JSONL, feed, WARC).
    pub path: String,
    /// Headline.
    #[serde(default)]
    pub title: Option<String>,
    /// Publishing outlet (site name, agency).
    #[serde(default)]
    pub outlet: Option<String>,
    /// Byline.
    #[serde(default)]
    pub author: Option<String>,
    /// Publication time in UTC, when the source gives one.
    #[serde(default)]
    pub published: Option<DateTime<Utc>>,
    /// Canonical URL.
    #[serde(default)]
    pub url: Option<String>,
    /// ISO 639-1 language code, declared or detected.
    #[serde(default)]
    pub language: Option<String>,
    /// Extracted body text: NFC, whitespace folded, paragraphs separated by one blank line (`"\n\n"`).
    pub text: String,
    /// Furniture removed from inside the body (see [`BoilerplateBlock`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub boilerplate: Vec<BoilerplateBlock>,
    /// Source fields wiretrace does not interpret (JSONL extras, front-matter tags…).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub metadata: BTreeMap<String, serde_json::Value>,
}

impl Article {
    /// Returns an article with the given path and text and no metadata.
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        Article {
            id: ArticleId(0),
            path: path.into(),
            title: None,
            outlet: None,
            author: None,
            published: None,
            url: None,
            language: None,
            text: text.into(),
            boilerplate: Vec::new(),
            metadata: BTreeMap::new(),
        }
    }

    /// Returns the number of whitespace-separated words of the text.
    pub fn words(&self) -> usize {
        self.text.split_whitespace().count()
    }

    /// Returns the hash identifying this article's text (see [`content_hash`]).
    pub fn content_hash(&self) -> String {
        content_hash(&self.text)
    }
}

/// Returns a stable 128-bit hex digest of a text: two articles with equal digests have identical text.
///
/// # Example
/// ```
/// assert_eq!(wiretrace_model::content_hash("a"), wiretrace_model::content_hash("a"));
/// assert_ne!(wiretrace_model::content_hash("a"), wiretrace_model::content_hash("b"));
/// ```
pub fn content_hash(text: &str) -> String {
    // FNV-1a 128 keeps the model crate free of hashing dependencies; it only has to be stable.
    let mut h: u128 = 0x6c62272e07bb014262b821756295c58d;
    for b in text.as_bytes() {
        h ^= *b as u128;
        h = h.wrapping_mul(0x0000000001000000000000000000013B);
    }
    format!("{h:032x}")
}
