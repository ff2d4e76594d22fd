//! Stage 8 (*explain*): an article, its source and their alignment in, typed [`Change`]s out.
//!
//! INTERIM CONTRACT (being implemented): the signatures below are what the engine calls.
#![deny(missing_docs)]

use wiretrace_model::{Article, Change, Pair, Story};

/// Explain settings.
#[derive(Debug, Clone, Default)]
pub struct Config {}

/// Returns the changes of every story member against its lineage source, plus boilerplate found
/// anywhere, sorted by (article, span, kind).
pub fn explain_corpus(_cfg: &Config, _articles: &[Article], _pairs: &[Pair], _stories: &[Story]) -> Vec<Change> {
    Vec::new()
}

/// Returns the changes of `article` against `source` (`pair` is their alignment, if computed).
/// `story` holds the other versions of the story, used to tell merged material from padding.
pub fn explain_pair(
    _cfg: &Config,
    _article: &Article,
    _source: &Article,
    _pair: Option<&Pair>,
    _story: &[&Article],
) -> Vec<Change> {
    Vec::new()
}
