use serde::{Deserialize, Serialize};

use crate::{ArticleId, CharSpan};

/// One aligned passage shared by two articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// Span in article `a`'s text.
    pub a: CharSpan,
    /// Span in article `b`'s text.
    pub b: CharSpan,
    /// Share of aligned tokens that are identical after folding, 0..=1.
    #[serde(default)]
    pub identity: f32,
}

/// Two articles that share text, with the aligned passages and summary scores.
///
/// `a < b` always (by id), so a pair has one canonical form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    /// The article with the smaller id.
    pub a: ArticleId,
    /// The article with the larger id.
    pub b: ArticleId,
    /// Overall similarity 0..=1: the larger of the two aligned coverages.
    pub similarity: f32,
    /// Estimated Jaccard similarity of the two token-shingle sets.
    #[serde(default)]
    pub jaccard: f32,
    /// Share of `a`'s shingles found in `b`.
    #[serde(default)]
    pub containment_a_in_b: f32,
    /// Share of `b`'s shingles found in `a`.
    #[serde(default)]
    pub containment_b_in_a: f32,
    /// Share of `a`'s text (chars of tokens) covered by passages.
    #[serde(default)]
    pub coverage_a: f32,
    /// Share of `b`'s text covered by passages.
    #[serde(default)]
    pub coverage_b: f32,
    /// Aligned passages, ordered by their start in `a`.
    pub passages: Vec<Passage>,
    /// How the passages were aligned: word by word (shared wording) or sentence by sentence on
    /// names, figures and dates (a translation or a rewrite).
    #[serde(default)]
    pub method: PairMethod,
}

/// How a [`Pair`]'s passages were aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PairMethod {
    /// Token alignment of shared wording (the reuse stage).
    #[default]
    Text,
    /// Sentence-to-sentence alignment anchored by names, figures and dates, for versions of one
    /// story that share facts but not wording (translations, rewrites); passage `identity` is the
    /// sentences' anchor similarity.
    Anchors,
    /// Sentence-to-sentence alignment of versions in different languages by a multilingual
    /// sentence encoder (the optional encoder): a re-edited translation whose sentences each
    /// render one of the other's more closely than the story's other versions do; passage
    /// `identity` is the sentences' encoder cosine.
    Translation,
}

impl PairMethod {
    /// True for [`PairMethod::Text`] (the pairs the story stage reads as reuse evidence).
    pub fn is_text(&self) -> bool {
        *self == PairMethod::Text
    }
}
