//! Stages 3–5 (*fingerprint → candidates → align*): articles in, [`Pair`]s with aligned passages out.
//!
//! INTERIM CONTRACT (being implemented): the signatures below are what the engine calls.
#![deny(missing_docs)]

use wiretrace_model::{Article, ArticleId, Pair};

/// Reuse-detection settings.
#[derive(Debug, Clone, Default)]
pub struct Config {}

/// Returns every pair of articles with substantial shared text, where at least one side satisfies
/// `is_new` (so adding articles to a standing corpus compares only the new ones). Sorted by (a, b).
pub fn find_pairs(_cfg: &Config, _articles: &[Article], _is_new: &(dyn Fn(ArticleId) -> bool + Sync)) -> Vec<Pair> {
    Vec::new()
}

/// Aligns two articles directly; `None` when they share no substantial passage.
pub fn align(_cfg: &Config, _a: &Article, _b: &Article) -> Option<Pair> {
    None
}
