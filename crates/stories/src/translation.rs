//! Translated copies found by a multilingual sentence encoder: versions of one story in different
//! languages whose sentences render one another, even when the rendering was re-edited (cut,
//! merged, reordered locally) so that names, figures and dates alone do not tell it from an
//! independent report (see the `passages` module).
//!
//! Input → output: a story's members and an encoder (the caller's [`SentenceEncoder`]; none, no
//! pairs) → [`Pair`]s with method [`PairMethod::Translation`] whose passages are the aligned
//! sentences (`identity` = their encoder cosine).
//!
//! Method (bitext mining, as LASER's margin scoring and vecalign do):
//! 1. Every member's sentences of at least [`PassageConfig::translation_min_sentence_chars`]
//!    characters are embedded (one batch for the whole corpus, unit vectors).
//! 2. *Margin*: the cosine of two sentences `x`, `y` minus the mean of their neighbourhoods' cosines,
//!    where a sentence's neighbourhood is its [`PassageConfig::translation_neighbours`] most similar
//!    sentences among the story's members in other languages than its own (the candidate's
//!    included). A sentence of a same-event report is close to the event's sentences in every
//!    version ("hub" sentences: the lead, the toll); a sentence rendered from one version stands
//!    out above its neighbourhood. Every version of the story is one more witness of what the
//!    event's ordinary sentences look like, which a document-level cosine cannot use.
//! 3. Two versions are aligned by the in-order (monotone) one-to-one chain of sentence pairs with
//!    margin ≥ [`PassageConfig::translation_min_margin`] covering most characters of the version
//!    with fewer eligible characters (dynamic programming); they are a translated copy when that
//!    chain covers at least [`PassageConfig::translation_min_coverage`] of it.
//!
//! Measured on real-news-dev (BENCHMARKS.md, 2026-12-05 xlang8): the copies it finds are
//! renderings whose sentences follow the other's; renderings that keep a third of the dispatch or
//! rewrite it freely stay unfound (their sentences are no closer than other reports').
//!
//! Cost: one embedding per eligible sentence of the members of stories holding two languages or
//! more and at most [`PassageConfig::translation_max_members`] members; then per story a
//! sentence-by-sentence cosine table of its members.

use std::collections::BTreeMap;

use wiretrace_model::{Article, ArticleId, CharIndex, Pair, PairMethod, Passage};

use crate::passages::{different_languages, round4, sentence_ranges, span_coverage, PassageConfig};

/// A multilingual sentence encoder: unit vectors of `sentences`, in order, one each; `None` when
/// it fails (then no translation pair is looked for). The engine implements it over
/// `wiretrace_encoder`; this crate holds no foreign code.
pub trait SentenceEncoder: Sync {
    /// Embeds the sentences, in order.
    fn embed_sentences(&self, sentences: &[&str]) -> Option<Vec<Vec<f32>>>;
}

/// One eligible sentence: its byte range in the article's text, its characters and its vector.
pub(crate) struct Embedded {
    start: usize,
    end: usize,
    chars: usize,
    vector: Vec<f32>,
}

/// Each article's eligible sentences with their vectors.
pub(crate) type SentenceVectors = BTreeMap<ArticleId, Vec<Embedded>>;

/// Whether a story's members are worth embedding: on, not too many, and a member with enough
/// members in other languages (`translation_min_witnesses`).
pub(crate) fn story_wanted(cfg: &PassageConfig, members: &[&Article]) -> bool {
    cfg.translations
        && members.len() > 1
        && members.len() <= cfg.translation_max_members
        && members.iter().any(|a| {
            members.iter().filter(|b| different_languages(a, b)).count()
                >= cfg.translation_min_witnesses.max(1)
        })
}

/// The eligible sentences of `articles` embedded in one batch (empty when the encoder fails).
pub(crate) fn embed(
    cfg: &PassageConfig,
    articles: &[&Article],
    encoder: &dyn SentenceEncoder,
) -> SentenceVectors {
    let mut spans: Vec<(ArticleId, usize, usize, usize)> = Vec::new();
    let mut texts: Vec<&str> = Vec::new();
    for a in articles {
        for (start, end) in sentence_ranges(&a.text) {
            let chars = a.text[start..end].chars().count();
            if chars >= cfg.translation_min_sentence_chars {
                spans.push((a.id, start, end, chars));
                texts.push(&a.text[start..end]);
            }
        }
    }
    let Some(vectors) = encoder.embed_sentences(&texts).filter(|v| v.len() == texts.len()) else {
        tracing::warn!("the sentence encoder failed: no translation pairs");
        return SentenceVectors::new();
    };
    let mut out = SentenceVectors::new();
    for ((id, start, end, chars), vector) in spans.into_iter().zip(vectors) {
        out.entry(id).or_default().push(Embedded {
            start,
            end,
            chars,
            vector,
        });
    }
    out
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// The mean of the `k` largest values of `xs` (all of them when fewer).
fn top_mean(xs: &mut [f32], k: usize) -> f32 {
    if xs.is_empty() {
        return 0.0;
    }
    xs.sort_unstable_by(|a, b| b.total_cmp(a));
    let k = k.clamp(1, xs.len());
    xs[..k].iter().sum::<f32>() / k as f32
}

/// Each sentence's neighbourhood cosine: the mean of its `translation_neighbours` highest cosines
/// with the sentences of the members in another language than its own.
fn neighbourhoods(
    cfg: &PassageConfig,
    members: &[&Article],
    vectors: &SentenceVectors,
) -> BTreeMap<ArticleId, Vec<f32>> {
    let empty = Vec::new();
    let sents = |a: &Article| vectors.get(&a.id).unwrap_or(&empty);
    members
        .iter()
        .map(|a| {
            let own = sents(a);
            let means = own
                .iter()
                .map(|x| {
                    let mut cos: Vec<f32> = members
                        .iter()
                        .filter(|b| different_languages(a, b))
                        .flat_map(|b| sents(b).iter().map(|y| dot(&x.vector, &y.vector)))
                        .collect();
                    top_mean(&mut cos, cfg.translation_neighbours)
                })
                .collect();
            (a.id, means)
        })
        .collect()
}

/// The in-order one-to-one chain of sentence pairs `(i, j, cosine)` with a margin of at least
/// `min_margin` that covers the most characters of the side `weights` counts.
fn chain(
    cos: &[f32],
    margin_ok: &[bool],
    n: usize,
    m: usize,
    weight: impl Fn(usize, usize) -> usize,
) -> (usize, Vec<(usize, usize, f32)>) {
    // best[i][j]: the most characters covered aligning x[i..] with y[j..].
    let mut best = vec![0usize; (n + 1) * (m + 1)];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let take = if margin_ok[i * m + j] {
                weight(i, j) + best[(i + 1) * (m + 1) + j + 1]
            } else {
                0
            };
            best[i * (m + 1) + j] = take
                .max(best[(i + 1) * (m + 1) + j])
                .max(best[i * (m + 1) + j + 1]);
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        let here = best[i * (m + 1) + j];
        if here == 0 {
            break;
        }
        if margin_ok[i * m + j] && here == weight(i, j) + best[(i + 1) * (m + 1) + j + 1] {
            out.push((i, j, cos[i * m + j]));
            i += 1;
            j += 1;
        } else if here == best[(i + 1) * (m + 1) + j] {
            i += 1;
        } else {
            j += 1;
        }
    }
    (best[0], out)
}

/// Figures of one version pair: the aligned sentences and the share of the version with fewer
/// eligible characters they cover.
pub(crate) struct Alignment {
    /// `(sentence of x, sentence of y, cosine)` in order.
    pub(crate) aligned: Vec<(usize, usize, f32)>,
    /// Covered share of the version with fewer eligible characters.
    pub(crate) coverage: f32,
}

fn alignment(cfg: &PassageConfig, x: &[Embedded], y: &[Embedded], nx: &[f32], ny: &[f32]) -> Alignment {
    let (n, m) = (x.len(), y.len());
    let mut cos = vec![0f32; n * m];
    let mut ok = vec![false; n * m];
    for i in 0..n {
        for j in 0..m {
            let c = dot(&x[i].vector, &y[j].vector);
            cos[i * m + j] = c;
            ok[i * m + j] = c - (nx[i] + ny[j]) / 2.0 >= cfg.translation_min_margin;
        }
    }
    let (cx, cy): (usize, usize) = (x.iter().map(|s| s.chars).sum(), y.iter().map(|s| s.chars).sum());
    let x_shorter = cx <= cy;
    let (covered, aligned) = chain(
        &cos,
        &ok,
        n,
        m,
        |i, j| if x_shorter { x[i].chars } else { y[j].chars },
    );
    Alignment {
        aligned,
        coverage: covered as f32 / cx.min(cy).max(1) as f32,
    }
}

/// The translation pairs among a story's members in different languages (`skip` says which pairs
/// are already listed), sorted by `(a, b)`.
pub(crate) fn story_pairs(
    cfg: &PassageConfig,
    members: &[&Article],
    vectors: &SentenceVectors,
    skip: &dyn Fn(ArticleId, ArticleId) -> bool,
) -> Vec<Pair> {
    if !story_wanted(cfg, members) {
        return Vec::new();
    }
    let hoods = neighbourhoods(cfg, members, vectors);
    let witnesses = |a: &Article| members.iter().filter(|b| different_languages(a, b)).count();
    let mut out = Vec::new();
    for (k, &x) in members.iter().enumerate() {
        for &y in &members[k + 1..] {
            let (x, y) = if x.id < y.id { (x, y) } else { (y, x) };
            if !different_languages(x, y)
                || skip(x.id, y.id)
                || witnesses(x).max(witnesses(y)) < cfg.translation_min_witnesses
            {
                continue;
            }
            let (Some(sx), Some(sy)) = (vectors.get(&x.id), vectors.get(&y.id)) else {
                continue;
            };
            let al = alignment(cfg, sx, sy, &hoods[&x.id], &hoods[&y.id]);
            if al.coverage < cfg.translation_min_coverage || al.aligned.is_empty() {
                continue;
            }
            out.push(pair(x, y, sx, sy, &al));
        }
    }
    out.sort_by_key(|p| (p.a, p.b));
    out
}

fn pair(x: &Article, y: &Article, sx: &[Embedded], sy: &[Embedded], al: &Alignment) -> Pair {
    let (ia, ib) = (CharIndex::new(&x.text), CharIndex::new(&y.text));
    let share = |text: &str, sents: &[Embedded], chosen: &mut dyn Iterator<Item = usize>| {
        span_coverage(text, chosen.map(|k| sents[k].start..sents[k].end))
    };
    let cov_a = share(&x.text, sx, &mut al.aligned.iter().map(|t| t.0));
    let cov_b = share(&y.text, sy, &mut al.aligned.iter().map(|t| t.1));
    Pair {
        a: x.id,
        b: y.id,
        similarity: round4(cov_a.max(cov_b)),
        jaccard: 0.0,
        containment_a_in_b: 0.0,
        containment_b_in_a: 0.0,
        coverage_a: round4(cov_a),
        coverage_b: round4(cov_b),
        passages: al
            .aligned
            .iter()
            .map(|&(i, j, c)| Passage {
                a: ia.span(sx[i].start, sx[i].end),
                b: ib.span(sy[j].start, sy[j].end),
                identity: round4(c),
            })
            .collect(),
        method: PairMethod::Translation,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chain_keeps_order_and_covers_the_most_characters() {
        // x0 matches y1, x1 matches y0 (a crossing: only one can be kept), x2 matches y2.
        let (n, m) = (3, 3);
        let ok = [false, true, false, true, false, false, false, false, true];
        let cos = [0.0, 0.9, 0.0, 0.8, 0.0, 0.0, 0.0, 0.0, 0.95];
        let chars = [10, 50, 20];
        let (covered, aligned) = chain(&cos, &ok, n, m, |i, _| chars[i]);
        assert_eq!(covered, 70);
        assert_eq!(aligned, vec![(1, 0, 0.8), (2, 2, 0.95)]);
    }

    #[test]
    fn top_mean_takes_the_largest_values() {
        assert!((top_mean(&mut [0.1, 0.9, 0.5, 0.7], 2) - 0.8).abs() < 1e-6);
        assert_eq!(top_mean(&mut [0.4], 3), 0.4);
        assert_eq!(top_mean(&mut [], 3), 0.0);
    }
}
