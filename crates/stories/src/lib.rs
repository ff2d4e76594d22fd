//! Stages 6–7 (*cluster → lineage*): articles and reuse pairs in, [`Story`]s with lineage out.
//!
//! INTERIM CONTRACT (being implemented): the signatures below are what the engine calls.
#![deny(missing_docs)]

use wiretrace_model::{Article, LineageEdge, Pair, Story, StoryId};

/// Story and lineage settings.
#[derive(Debug, Clone, Default)]
pub struct Config {}

/// Groups `articles` into stories (with storylines and lineage filled), sorted by story id.
/// The result does not depend on the order of `articles` or `pairs`.
pub fn build_stories(_cfg: &Config, articles: &[Article], _pairs: &[Pair]) -> Vec<Story> {
    let mut out: Vec<Story> = articles
        .iter()
        .map(|a| Story {
            id: StoryId(a.id.0),
            articles: vec![a.id],
            storyline: None,
            lineage: vec![LineageEdge { article: a.id, source: None, confidence: 1.0, reason: String::new() }],
        })
        .collect();
    out.sort_by_key(|s| s.id);
    out
}
