//! One article against its source: the typed changes.
//!
//! Input → output: article, source, the other versions of the story and (optionally) the corpus
//! furniture model → [`Change`]s.
//!
//! Method:
//! 1. Both texts are split into sentences; sentences are aligned one-to-one by folded-word overlap
//!    (≥ 0.5 of the longer), best first, ignoring order (reordered sentences are not changes).
//! 2. Aligned sentences that differ are compared figure by figure ([`crate::numbers`]) and word by
//!    word (LCS hunks) for proper names spelt differently ([`crate::names`]).
//! 3. Quotations of both texts ([`crate::quotes`]) are matched by word overlap; a matched pair worded
//!    differently is `quote_altered`, unless the only differences are figures, names (reported
//!    as such) or regional spellings of one word ([`crate::lang::are_spelling_variants`]).
//! 4. Article sentences with no counterpart form `added` blocks (contiguous sentences of one
//!    paragraph); a block carried by another version of the story is `supported_elsewhere`.
//!    Paragraphs that are furniture ([`crate::boilerplate`]) are `boilerplate` instead.
//! 5. Source sentences with no counterpart form `dropped` blocks the same way, placed where they
//!    would have stood; furniture of the source is not reported as dropped.
//!
//! Guarantees: output sorted by (span, kind, before, after); identical inputs give identical output.

use std::collections::BTreeSet;

use wiretrace_model::{Article, Change, ChangeKind, CharIndex, CharSpan};
use wiretrace_text::fold;

use crate::boilerplate::{
    content_words, furniture_score, is_credit_line, is_label_line, is_list, looks_like_furniture,
    FurnitureModel, FURNITURE_SCORE,
};
use crate::diff::{align_greedy, hunks};
use crate::lang::{are_spelling_variants, LangData};
use crate::names::is_name_variant;
use crate::numbers;
use crate::quotes::Quote;
use crate::segment::{paragraphs, sentences, Sentence};
use crate::Config;

/// A text prepared for comparison.
pub(crate) struct Prepared<'a> {
    pub text: &'a str,
    pub lang: LangData,
    pub lang_code: Option<String>,
    pub sents: Vec<Sentence>,
    pub bags: Vec<Bag>,
    pub paras: Vec<(usize, usize)>,
    /// Per paragraph: is it a credit line ("(AFP)", "Reporting by …")? Asked many times per pair.
    pub credit: Vec<bool>,
    pub idx: CharIndex,
    /// Per paragraph, once asked: is it furniture by its form when nothing in the other text
    /// matches it? It depends on the paragraph alone (and the run's one furniture model), and a
    /// source is compared with each of its copies.
    unmatched_furniture: Vec<std::sync::OnceLock<bool>>,
    /// The text's top-level quotations, found on first use: a source is compared with each of its
    /// copies, and a book-length text's quotations cost a pass over it.
    top_quotes: std::sync::OnceLock<Vec<Quote>>,
    /// The text's folded words ([`words_of`]), built on first use (a reworded quotation asks
    /// whether its words moved elsewhere in the text).
    all_words: std::sync::OnceLock<Vec<String>>,
}

impl<'a> Prepared<'a> {
    pub fn new(a: &'a Article) -> Self {
        let lang = LangData::new(a.language.as_deref());
        let sents = sentences(&a.text, &lang);
        let bags = sents
            .iter()
            .map(|s| Bag::of_text(&a.text[s.start..s.end]))
            .collect();
        let paras = paragraphs(&a.text);
        Prepared {
            text: &a.text,
            lang,
            lang_code: a.language.clone(),
            sents,
            bags,
            credit: paras
                .iter()
                .map(|&(s, e)| is_credit_line(&a.text[s..e], a.language.as_deref()))
                .collect(),
            unmatched_furniture: (0..paras.len()).map(|_| std::sync::OnceLock::new()).collect(),
            paras,
            idx: CharIndex::new(&a.text),
            top_quotes: std::sync::OnceLock::new(),
            all_words: std::sync::OnceLock::new(),
        }
    }

    /// The text's quotations at depth 0 (not nested in another), in order.
    fn top_quotes(&self) -> &[Quote] {
        self.top_quotes.get_or_init(|| {
            crate::quotes::quotes_indexed(self.text, self.lang_code.as_deref(), &self.idx)
                .into_iter()
                .filter(|q| q.depth == 0)
                .collect()
        })
    }

    /// The text's folded words, in order.
    fn all_words(&self) -> &[String] {
        self.all_words.get_or_init(|| words_of(self.text))
    }

    fn span(&self, s: usize, e: usize) -> CharSpan {
        self.idx.span(s, e)
    }

    fn sentence_of(&self, byte: usize) -> Option<usize> {
        // Sentences are in text order and do not overlap: the last one starting at or before
        // `byte` is the only candidate (a binary search, not a scan: long texts ask often).
        let k = self.sents.partition_point(|s| s.start <= byte).checked_sub(1)?;
        let s = &self.sents[k];
        (byte < s.end.max(s.start + 1)).then_some(k)
    }
}

pub(crate) fn words_of(s: &str) -> Vec<String> {
    wiretrace_text::tokens(s).map(|t| t.folded.into_owned()).collect()
}

/// A sentence's words prepared for fast comparison: sorted hashes, raw and with figures masked.
pub(crate) struct Bag {
    /// Hashes of the folded words, in text order.
    pub seq: Vec<u64>,
    masked_seq: Vec<u64>,
    raw: Vec<u64>,
    masked: Vec<u64>,
    has_word: bool,
    /// One bit per word of `raw` (and of `masked`): a cheap bound on overlaps (see [`sig_bound`]).
    raw_sig: u64,
    masked_sig: u64,
}

/// The 64-bit signature of a bag of word hashes: one bit per word, from the hash's top six bits.
fn signature(words: &[u64]) -> u64 {
    words.iter().fold(0, |sig, &h| sig | 1 << (h >> 58))
}

/// How many of `words` have their bit in `sig`: an upper bound on how many they share with the
/// bag `sig` was built from (each shared word has its bit set), counted without a merge.
fn sig_bound(words: &[u64], sig: u64) -> usize {
    words.iter().filter(|&&h| (sig >> (h >> 58)) & 1 == 1).count()
}

const MASK: u64 = 0x4d41_534b;

impl Bag {
    /// The bag of a sentence's words (hashed as they are read: no word is kept as a string).
    pub(crate) fn of_text(sentence: &str) -> Self {
        let mut seq = Vec::new();
        let mut masked_seq = Vec::new();
        for t in wiretrace_text::tokens(sentence) {
            let h = wiretrace_text::token_hash(&t.folded);
            seq.push(h);
            masked_seq.push(if t.folded.bytes().any(|c| c.is_ascii_digit()) {
                MASK
            } else {
                h
            });
        }
        let mut raw = seq.clone();
        raw.sort_unstable();
        let mut masked = masked_seq.clone();
        masked.sort_unstable();
        let has_word = masked_seq.iter().any(|h| *h != MASK);
        Bag {
            raw_sig: signature(&raw),
            masked_sig: signature(&masked),
            seq,
            masked_seq,
            raw,
            masked,
            has_word,
        }
    }
}

/// Multiset overlap of two sorted lists divided by the longer length.
fn sorted_overlap<T: Ord>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut n) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n as f64 / a.len().max(b.len()) as f64
}

/// The words of a list in sorted order (for [`sorted_overlap`]).
fn sorted_words(words: &[String]) -> Vec<&str> {
    let mut v: Vec<&str> = words.iter().map(String::as_str).collect();
    v.sort_unstable();
    v
}

/// Share of `a`'s words (multiset, sorted lists) found in `b`.
fn containment(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    sorted_overlap(a, b) * a.len().max(b.len()) as f64 / a.len() as f64
}

/// Sentence pairs of two texts are all scored when there are at most this many (any article of
/// ordinary length); above it (a book-length text), only the pairs the word index proposes.
const FULL_ALIGNMENT_MAX_PAIRS: usize = 4_000_000;
/// Two quotations in sentences that were not aligned are one quote worded twice when they share at
/// least this share of the longer one's words (multiset overlap).
const QUOTE_MATCH_OVERLAP: f64 = 0.7;

/// In the word index of a long text, each sentence follows its rarest words until their postings
/// hold this many sentences: a sentence's counterpart shares at least half its words, so the
/// rarest ones find it, and words common to thousands of sentences are never scanned.
const MAX_CANDIDATES_PER_SENTENCE: usize = 64;

/// Least score at which two sentences align (the share of the longer one's words they share).
const MIN_SENTENCE_SCORE: f64 = 0.5;

/// Aligns the sentences of an article (`a`) with those of its source (`s`) one-to-one, best
/// first. Texts of ordinary length score every pair; long ones score only the pairs found through
/// an index of the source's words (near-linear instead of n × m).
fn align_sentences(a: &[Bag], s: &[Bag]) -> Vec<Option<usize>> {
    if a.len().saturating_mul(s.len()) <= FULL_ALIGNMENT_MAX_PAIRS {
        return align_greedy(a.len(), s.len(), MIN_SENTENCE_SCORE, |i, j| {
            sentence_score(&a[i], &s[j])
        });
    }
    assign_best_first(a.len(), s.len(), indexed_sentence_pairs(a, s))
}

/// Scored candidate pairs `(score, i, j)` (score ≥ [`MIN_SENTENCE_SCORE`]) found through an
/// inverted index of `s`'s words; short sentences (scored by their exact word sequence) are found
/// through their sequence's hash.
fn indexed_sentence_pairs(a: &[Bag], s: &[Bag]) -> Vec<(f64, usize, usize)> {
    use rayon::prelude::*;
    use wiretrace_text::FastMap;
    let mut postings: FastMap<u64, Vec<u32>> = FastMap::default();
    let mut by_masked_seq: FastMap<u64, Vec<u32>> = FastMap::default();
    for (j, b) in s.iter().enumerate() {
        let mut prev = None;
        for &w in &b.raw {
            if prev != Some(w) {
                postings.entry(w).or_default().push(j as u32);
            }
            prev = Some(w);
        }
        by_masked_seq
            .entry(seq_hash(&b.masked_seq))
            .or_default()
            .push(j as u32);
    }
    a.par_iter()
        .enumerate()
        .map(|(i, x)| {
            let mut words: Vec<(usize, u64)> = x
                .raw
                .iter()
                .filter_map(|w| postings.get(w).map(|p| (p.len(), *w)))
                .collect();
            words.sort_unstable();
            words.dedup();
            let mut cand: Vec<u32> = by_masked_seq
                .get(&seq_hash(&x.masked_seq))
                .cloned()
                .unwrap_or_default();
            for (len, w) in words {
                if cand.len() + len > MAX_CANDIDATES_PER_SENTENCE {
                    break;
                }
                cand.extend(&postings[&w]);
            }
            cand.sort_unstable();
            cand.dedup();
            cand.into_iter()
                .filter_map(|j| {
                    let score = sentence_score(x, &s[j as usize]);
                    (score >= MIN_SENTENCE_SCORE).then_some((score, i, j as usize))
                })
                .collect::<Vec<_>>()
        })
        .flatten()
        .collect()
}

/// Candidate quote pairs `(i, j)` of a long text: the source's quotes inside the sentence that
/// quote `i`'s sentence is aligned with, and those sharing `i`'s rarest words (a quote matched by
/// overlap alone shares most of its words). Each `i` follows at most
/// [`MAX_CANDIDATES_PER_SENTENCE`] quotes through the word index.
fn indexed_quote_pairs(
    ta: &[Vec<String>],
    ts: &[Vec<String>],
    sent_a: &[Option<usize>],
    sent_s: &[Option<usize>],
    ma: &[Option<usize>],
) -> Vec<(usize, usize)> {
    use wiretrace_text::FastMap;
    let mut postings: FastMap<&str, Vec<u32>> = FastMap::default();
    let mut in_sentence: FastMap<usize, Vec<u32>> = FastMap::default();
    for (j, words) in ts.iter().enumerate() {
        let mut seen: Vec<&str> = words.iter().map(String::as_str).collect();
        seen.sort_unstable();
        seen.dedup();
        for w in seen {
            postings.entry(w).or_default().push(j as u32);
        }
        if let Some(y) = sent_s[j] {
            in_sentence.entry(y).or_default().push(j as u32);
        }
    }
    let mut out = Vec::new();
    for (i, words) in ta.iter().enumerate() {
        let mut cand: Vec<u32> = sent_a[i]
            .and_then(|x| ma.get(x).copied().flatten())
            .and_then(|y| in_sentence.get(&y).cloned())
            .unwrap_or_default();
        let mut rare: Vec<(usize, &str)> = words
            .iter()
            .filter_map(|w| postings.get(w.as_str()).map(|p| (p.len(), w.as_str())))
            .collect();
        rare.sort_unstable();
        rare.dedup();
        for (len, w) in rare {
            if cand.len() + len > MAX_CANDIDATES_PER_SENTENCE {
                break;
            }
            cand.extend(&postings[w]);
        }
        cand.sort_unstable();
        cand.dedup();
        out.extend(cand.into_iter().map(|j| (i, j as usize)));
    }
    out
}

/// A hash of a word sequence (order kept).
fn seq_hash(words: &[u64]) -> u64 {
    words.iter().fold(0xcbf2_9ce4_8422_2325, |h, &w| {
        (h ^ w).wrapping_mul(0x100_0000_01b3)
    })
}

/// One-to-one assignment of scored pairs, best score first; ties prefer pairs at similar positions,
/// then the smaller indexes (the order [`align_greedy`] uses, so both paths agree on the same pairs).
fn assign_best_first(n: usize, m: usize, mut cand: Vec<(f64, usize, usize)>) -> Vec<Option<usize>> {
    cand.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then_with(|| x.1.abs_diff(x.2).cmp(&y.1.abs_diff(y.2)))
            .then_with(|| (x.1, x.2).cmp(&(y.1, y.2)))
    });
    let mut ma = vec![None; n];
    let mut used = vec![false; m];
    for (_, i, j) in cand {
        if ma[i].is_none() && !used[j] {
            ma[i] = Some(j);
            used[j] = true;
        }
    }
    ma
}

fn sentence_score(a: &Bag, b: &Bag) -> f64 {
    if a.seq == b.seq {
        return 1.0;
    }
    if a.seq.len() < 3 || b.seq.len() < 3 {
        // short lines ("1600 GMT") align only when they differ in figures alone
        return if a.masked_seq == b.masked_seq && a.has_word {
            0.9
        } else {
            0.0
        };
    }
    // An overlap is at most the shorter bag's share of the longer one: callers only use scores of
    // 0.5 or more, so pairs of very different lengths are not merged at all.
    let bound = |x: usize, y: usize| x.min(y) as f64 / x.max(y).max(1) as f64;
    if bound(a.raw.len(), b.raw.len()) < 0.5 && bound(a.masked.len(), b.masked.len()) - 0.05 < 0.5 {
        return 0.0;
    }
    // Most sentence pairs of two versions share few words: the signature bound rules them out
    // without merging the bags.
    let share = |words: &[u64], sig: u64, other: usize| {
        sig_bound(words, sig) as f64 / words.len().max(other).max(1) as f64
    };
    if share(&a.raw, b.raw_sig, b.raw.len()) < 0.5
        && share(&a.masked, b.masked_sig, b.masked.len()) - 0.05 < 0.5
    {
        return 0.0;
    }
    sorted_overlap(&a.raw, &b.raw).max(sorted_overlap(&a.masked, &b.masked) - 0.05)
}

/// Which paragraphs of a text are furniture, given which sentences found a counterpart.
pub(crate) fn furniture_paragraphs_pub(
    p: &Prepared,
    matched: &[bool],
    model: Option<&FurnitureModel>,
    id: wiretrace_model::ArticleId,
) -> BTreeSet<usize> {
    furniture_paragraphs(p, matched, model, id, BTreeSet::new)
}

/// Which paragraphs of a text are furniture. `story` gives the story's content words (the other
/// text's and this text's matched paragraphs): unmatched paragraphs are also scored on what they
/// say ([`furniture_score`]) when it is not empty. It is only called when some paragraph is left
/// to score (most copies have none).
pub(crate) fn furniture_paragraphs(
    p: &Prepared,
    matched: &[bool],
    model: Option<&FurnitureModel>,
    id: wiretrace_model::ArticleId,
    story: impl FnOnce() -> BTreeSet<String>,
) -> BTreeSet<usize> {
    let mut out = furniture_by_form(p, matched, model, id);
    let para_matched = paragraphs_matched(p, matched);
    let unmatched = |pi: usize| !para_matched[pi] && !p.credit[pi];
    if !(0..p.paras.len()).any(|pi| !out.contains(&pi) && unmatched(pi)) {
        return out;
    }
    let story = &story();
    if story.is_empty() {
        return out;
    }
    for pi in 0..p.paras.len() {
        let text = &p.text[p.paras[pi].0..p.paras[pi].1];
        if !out.contains(&pi) && unmatched(pi) && furniture_score(text, &p.lang, story) >= FURNITURE_SCORE {
            out.insert(pi);
        }
    }
    // label lines stacked next to a blurb belong to it
    loop {
        let before = out.len();
        for pi in 0..p.paras.len() {
            if out.contains(&pi) || !unmatched(pi) {
                continue;
            }
            let text = &p.text[p.paras[pi].0..p.paras[pi].1];
            let next_to = (pi > 0 && out.contains(&(pi - 1))) || out.contains(&(pi + 1));
            if next_to && is_label_line(text) {
                let mine = content_words(text, &p.lang);
                let shared = mine.iter().filter(|w| story.contains(*w)).count();
                if shared * 5 <= mine.len() {
                    out.insert(pi);
                }
            }
        }
        if out.len() == before {
            break;
        }
    }
    out
}

/// The story's content words for the content model: the other text's, and this text's paragraphs
/// that have a counterpart.
pub(crate) fn story_words(p: &Prepared, matched: &[bool], other: &Prepared) -> BTreeSet<String> {
    let mut out = content_words(other.text, &other.lang);
    let para_matched = paragraphs_matched(p, matched);
    for (pi, (s, e)) in p.paras.iter().enumerate() {
        if para_matched[pi] {
            out.extend(content_words(&p.text[*s..*e], &p.lang));
        }
    }
    out
}

/// For each paragraph of `p`: does it hold a matched sentence? One pass over the sentences (asking
/// per paragraph would scan the whole text once per paragraph: quadratic in a book-length text).
fn paragraphs_matched(p: &Prepared, matched: &[bool]) -> Vec<bool> {
    let mut out = vec![false; p.paras.len()];
    for (k, s) in p.sents.iter().enumerate() {
        if matched[k] {
            if let Some(m) = out.get_mut(s.paragraph) {
                *m = true;
            }
        }
    }
    out
}

fn furniture_by_form(
    p: &Prepared,
    matched: &[bool],
    model: Option<&FurnitureModel>,
    id: wiretrace_model::ArticleId,
) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    let para_matched = paragraphs_matched(p, matched);
    for (pi, (s, e)) in p.paras.iter().enumerate() {
        let text = &p.text[*s..*e];
        if p.credit[pi] {
            continue;
        }
        if para_matched[pi] {
            // text the source carries too is furniture only when it recurs widely
            if model.is_some_and(|m| m.is_widely_recurring(id, pi)) {
                out.insert(pi);
            }
            continue;
        }
        if *p.unmatched_furniture[pi].get_or_init(|| unmatched_is_furniture(p, pi, text, model, id)) {
            out.insert(pi);
        }
    }
    out
}

/// Whether paragraph `pi` of `p`, which nothing in the other text matches, is furniture by its form:
/// it recurs across the corpus or resembles recurring furniture, it is made of meta vocabulary, or
/// it is a list or a furniture-like line that the rest of the text does not echo.
fn unmatched_is_furniture(
    p: &Prepared,
    pi: usize,
    text: &str,
    model: Option<&FurnitureModel>,
    id: wiretrace_model::ArticleId,
) -> bool {
    if model.is_some_and(|m| m.says_furniture(id, pi, text)) {
        return true;
    }
    is_list(text) || (looks_like_furniture(text) && story_overlap(p, pi) < 0.2)
}

/// Share of a paragraph's content words (not function words, 4+ letters) found elsewhere in the text.
fn story_overlap(p: &Prepared, pi: usize) -> f64 {
    let (s, e) = p.paras[pi];
    let mine: BTreeSet<String> = words_of(&p.text[s..e])
        .into_iter()
        .filter(|w| w.chars().count() >= 4 && !p.lang.is_function_word(w))
        .collect();
    if mine.is_empty() {
        return 0.0;
    }
    let mut rest: BTreeSet<String> = BTreeSet::new();
    for (k, (a, b)) in p.paras.iter().enumerate() {
        if k != pi {
            rest.extend(words_of(&p.text[*a..*b]));
        }
    }
    mine.iter().filter(|w| rest.contains(*w)).count() as f64 / mine.len() as f64
}

/// Contiguous runs of sentence indices (same paragraph) from a sorted list.
fn blocks(p: &Prepared, ids: &[usize]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    for &k in ids {
        match out.last_mut() {
            Some(b)
                if *b.last().unwrap_or(&usize::MAX) + 1 == k
                    && p.sents[b[0]].paragraph == p.sents[k].paragraph =>
            {
                b.push(k)
            }
            _ => out.push(vec![k]),
        }
    }
    out
}

pub(crate) fn boilerplate_changes(
    article: &Article,
    source: Option<wiretrace_model::ArticleId>,
    p: &Prepared,
    paras: &BTreeSet<usize>,
) -> Vec<Change> {
    let mut out = Vec::new();
    // merge adjacent furniture paragraphs only when the first is a header ("Related stories:") or
    // a short self-referential label line of a stacked blurb ("Methodology", "Verified by
    // Editorial Board"); navigation rows and related-story titles stay apart
    let list: Vec<usize> = paras.iter().copied().collect();
    let mut i = 0;
    while i < list.len() {
        let mut j = i;
        while j + 1 < list.len() && list[j + 1] == list[j] + 1 && {
            let t = &p.text[p.paras[list[j]].0..p.paras[list[j]].1];
            t.trim_end().ends_with(':')
                || (is_label_line(t) && furniture_score(t, &p.lang, &BTreeSet::new()) >= FURNITURE_SCORE)
        } {
            j += 1;
        }
        let s = p.paras[list[i]].0;
        let e = p.paras[list[j]].1;
        out.push(Change {
            article: article.id,
            source,
            kind: ChangeKind::Boilerplate,
            before: None,
            after: Some(p.text[s..e].to_string()),
            span: p.span(s, e),
            source_span: None,
            supported_elsewhere: None,
            carried_by: Vec::new(),
            same_drift_in: Vec::new(),
            note: None,
        });
        i = j + 1;
    }
    for b in &article.boilerplate {
        out.push(Change {
            article: article.id,
            source,
            kind: ChangeKind::Boilerplate,
            before: None,
            after: Some(b.text.clone()),
            span: CharSpan::new(b.at, b.at),
            source_span: None,
            supported_elsewhere: None,
            carried_by: Vec::new(),
            same_drift_in: Vec::new(),
            note: Some(format!("removed at extraction ({})", b.reason)),
        });
    }
    out
}

/// Explains `article` against `source`.
pub(crate) fn explain(
    cfg: &Config,
    article: &Article,
    source: &Article,
    others: &[&Article],
    model: Option<&FurnitureModel>,
) -> Vec<Change> {
    let a = Prepared::new(article);
    let s = Prepared::new(source);
    let prepared: Vec<Prepared> = others
        .iter()
        .filter(|o| o.id != article.id && o.id != source.id)
        .map(|o| Prepared::new(o))
        .collect();
    let others: Vec<(&Article, &Prepared)> = others
        .iter()
        .filter(|o| o.id != article.id && o.id != source.id)
        .copied()
        .zip(&prepared)
        .collect();
    explain_prepared(cfg, (article, &a), (source, &s), &|| others.clone(), model)
}

/// [`explain`] on texts already prepared: a story's versions are prepared once for all its pairs.
/// `others` lists the other versions that may support added material; it is called only when
/// there is added material (or a translation) to look up, since in a story of thousands of
/// versions listing them for every pair is quadratic.
pub(crate) fn explain_prepared<'o>(
    _cfg: &Config,
    (article, a): (&Article, &Prepared),
    (source, s): (&Article, &Prepared),
    others: &dyn Fn() -> Vec<(&'o Article, &'o Prepared<'o>)>,
    model: Option<&FurnitureModel>,
) -> Vec<Change> {
    if crate::translate::is_translation(article, source, a, s) {
        let others: Vec<&Article> = others().iter().map(|(o, _)| *o).collect();
        return crate::translate::explain_translation(article, source, a, s, &others, model);
    }
    let ma = align_sentences(&a.bags, &s.bags);
    let mut matched_a = vec![false; a.sents.len()];
    let mut matched_s = vec![false; s.sents.len()];
    for (i, m) in ma.iter().enumerate() {
        if let Some(j) = m {
            matched_a[i] = true;
            matched_s[*j] = true;
        }
    }
    // merged or split sentences: a sentence next to an aligned one (same paragraph) whose words are
    // nearly all inside one sentence of the other text is carried, not added or dropped
    let carried = |x: &Bag, others: &[Bag]| {
        x.raw.len() >= 4 && others.iter().any(|o| containment(&x.raw, &o.raw) >= 0.8)
    };
    let next_to_aligned = |p: &Prepared, matched: &[bool], k: usize| {
        let par = p.sents[k].paragraph;
        (k > 0 && matched[k - 1] && p.sents[k - 1].paragraph == par)
            || (k + 1 < p.sents.len() && matched[k + 1] && p.sents[k + 1].paragraph == par)
    };
    let (aligned_a, aligned_s) = (matched_a.clone(), matched_s.clone());
    for (j, m) in matched_s.iter_mut().enumerate() {
        if !*m && next_to_aligned(s, &aligned_s, j) && carried(&s.bags[j], &a.bags) {
            *m = true;
        }
    }
    for (i, m) in matched_a.iter_mut().enumerate() {
        if !*m && next_to_aligned(a, &aligned_a, i) && carried(&a.bags[i], &s.bags) {
            *m = true;
        }
    }
    let furn_a = furniture_paragraphs(a, &matched_a, model, article.id, || story_words(a, &matched_a, s));
    // the source's own paragraphs are story text unless their form or recurrence says otherwise:
    // the content model is for material the copy brings in
    let furn_s = furniture_paragraphs(s, &matched_s, model, source.id, BTreeSet::new);
    let mut out = boilerplate_changes(article, Some(source.id), a, &furn_a);
    let mk = |kind: ChangeKind,
              before: Option<String>,
              after: Option<String>,
              span: CharSpan,
              source_span: Option<CharSpan>| Change {
        article: article.id,
        source: Some(source.id),
        kind,
        before,
        after,
        span,
        source_span,
        supported_elsewhere: None,
        carried_by: Vec::new(),
        same_drift_in: Vec::new(),
        note: None,
    };

    // figures and names in aligned sentences
    let mut name_pairs: BTreeSet<(String, String)> = BTreeSet::new();
    // the words written in lower case somewhere in either text (so not names): needed only when a
    // name-like difference turns up, so built on first use
    let lower_words: std::cell::OnceCell<BTreeSet<String>> = std::cell::OnceCell::new();
    let lower_words = || {
        lower_words.get_or_init(|| {
            lowercase_words(a.text)
                .union(&lowercase_words(s.text))
                .cloned()
                .collect()
        })
    };
    for (i, m) in ma.iter().enumerate() {
        let Some(j) = *m else { continue };
        if a.bags[i].seq == s.bags[j].seq
            && a.text[a.sents[i].start..a.sents[i].end] == s.text[s.sents[j].start..s.sents[j].end]
        {
            continue;
        }
        let (as_, ae) = (a.sents[i].start, a.sents[i].end);
        let (ss, se) = (s.sents[j].start, s.sents[j].end);
        let qa = numbers::scan(&a.text[as_..ae], &a.lang);
        let qs = numbers::scan(&s.text[ss..se], &s.lang);
        for (x, y) in numbers::changed(&qs, &qa) {
            let (sq, aq) = (&qs[x], &qa[y]);
            // "10 metres" -> "20 metres": the figure is the numeral; a unit written apart and kept
            // is context, not part of the change
            let (sq, aq) = numbers::figure_only(sq, &s.text[ss..se], aq, &a.text[as_..ae]);
            let (sq, aq) = (&sq, &aq);
            let mut c = mk(
                ChangeKind::NumberChanged,
                Some(s.text[ss + sq.start..ss + sq.end].to_string()),
                Some(a.text[as_ + aq.start..as_ + aq.end].to_string()),
                a.span(as_ + aq.start, as_ + aq.end),
                Some(s.span(ss + sq.start, ss + sq.end)),
            );
            c.note = Some(format!("{} -> {}", fmt_value(sq.value), fmt_value(aq.value)));
            out.push(c);
        }
        // names: word hunks of equal length, position by position
        let wa = raw_words(&a.text[as_..ae]);
        let ws = raw_words(&s.text[ss..se]);
        let fa: Vec<String> = wa.iter().map(|w| fold(w.2)).collect();
        let fs: Vec<String> = ws.iter().map(|w| fold(w.2)).collect();
        for h in hunks(&fs, &fa) {
            let n = (h.a1 - h.a0).min(h.b1 - h.b0);
            for k in 0..n {
                let (sw, aw) = (strip_possessive(ws[h.a0 + k]), strip_possessive(wa[h.b0 + k]));
                let (sw, aw) = (&sw, &aw);
                if is_name_variant(sw.2, aw.2)
                    && !lower_words().contains(&fold(sw.2))
                    && !lower_words().contains(&fold(aw.2))
                {
                    if !name_pairs.insert((sw.2.to_string(), aw.2.to_string())) {
                        continue;
                    }
                    out.push(mk(
                        ChangeKind::NameVariant,
                        Some(sw.2.to_string()),
                        Some(aw.2.to_string()),
                        a.span(as_ + aw.0, as_ + aw.1),
                        Some(s.span(ss + sw.0, ss + sw.1)),
                    ));
                }
            }
        }
    }

    // quotations
    out.extend(quote_changes(article, source, a, s, &ma));

    // added material
    // credit lines ("— Agence France-Presse", "Fuente: AFP") give attribution: never added
    let credit_a: BTreeSet<usize> = (0..a.paras.len()).filter(|&pi| a.credit[pi]).collect();
    let added: Vec<usize> = (0..a.sents.len())
        .filter(|&k| {
            !matched_a[k]
                && !furn_a.contains(&a.sents[k].paragraph)
                && !credit_a.contains(&a.sents[k].paragraph)
                && !is_credit_line(&a.text[a.sents[k].start..a.sents[k].end], a.lang_code.as_deref())
        })
        .collect();
    // the other versions' sentences, only when there is added material to look up
    let others = if added.is_empty() { Vec::new() } else { others() };
    let others_toks: Vec<&[Bag]> = others
        .iter()
        .filter(|(o, _)| o.id != article.id && o.id != source.id)
        .map(|(_, p)| p.bags.as_slice())
        .collect();
    for b in blocks(a, &added) {
        let (st, en) = (a.sents[b[0]].start, a.sents[*b.last().unwrap_or(&b[0])].end);
        let supported = b
            .iter()
            .filter(|&&k| {
                others_toks
                    .iter()
                    .any(|o| o.iter().any(|t| sentence_score(&a.bags[k], t) >= 0.5))
            })
            .count();
        let mut c = mk(
            ChangeKind::Added,
            None,
            Some(a.text[st..en].to_string()),
            a.span(st, en),
            None,
        );
        c.supported_elsewhere = Some(supported * 2 >= b.len() && supported > 0);
        out.push(c);
    }

    // dropped material
    let dropped: Vec<usize> = (0..s.sents.len())
        .filter(|&k| !matched_s[k] && !furn_s.contains(&s.sents[k].paragraph))
        .collect();
    let inverse: Vec<Option<usize>> = {
        let mut inv = vec![None; s.sents.len()];
        for (i, m) in ma.iter().enumerate() {
            if let Some(j) = m {
                inv[*j] = Some(i);
            }
        }
        inv
    };
    for b in blocks(s, &dropped) {
        let (st, en) = (s.sents[b[0]].start, s.sents[*b.last().unwrap_or(&b[0])].end);
        // where it would have stood: after the article's counterpart of the previous kept sentence
        let first = b[0];
        let at = (0..first)
            .rev()
            .find_map(|k| inverse[k].map(|i| a.sents[i].end))
            .or_else(|| {
                (b[b.len() - 1] + 1..s.sents.len()).find_map(|k| inverse[k].map(|i| a.sents[i].start))
            })
            .unwrap_or(0);
        out.push(mk(
            ChangeKind::Dropped,
            Some(s.text[st..en].to_string()),
            None,
            a.span(at, at),
            Some(s.span(st, en)),
        ));
    }
    sort_changes(&mut out);
    out
}

fn fmt_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// A word without a possessive ending (`Python's` → `Python`), keeping its byte range consistent.
fn strip_possessive(w: (usize, usize, &str)) -> (usize, usize, &str) {
    for suf in ["'s", "’s", "'", "’"] {
        if let Some(stem) = w.2.strip_suffix(suf) {
            if !stem.is_empty() {
                return (w.0, w.0 + stem.len(), stem);
            }
        }
    }
    w
}

/// Words with byte ranges (start, end, word), punctuation excluded.
fn raw_words(s: &str) -> Vec<(usize, usize, &str)> {
    wiretrace_text::tokens(s)
        .map(|t| {
            (
                t.start as usize,
                t.end as usize,
                &s[t.start as usize..t.end as usize],
            )
        })
        .collect()
}

fn lowercase_words(text: &str) -> BTreeSet<String> {
    wiretrace_text::tokens(text)
        .filter_map(|t| {
            let w = &text[t.start as usize..t.end as usize];
            if w.chars().next().is_some_and(char::is_lowercase) {
                Some(t.folded.into_owned())
            } else {
                None
            }
        })
        .collect()
}

fn quote_changes(
    article: &Article,
    source: &Article,
    a: &Prepared,
    s: &Prepared,
    ma: &[Option<usize>],
) -> Vec<Change> {
    let (qa, qs) = (a.top_quotes(), s.top_quotes());
    let ta: Vec<Vec<String>> = qa.iter().map(|q| words_of(&q.text)).collect();
    let ts: Vec<Vec<String>> = qs.iter().map(|q| words_of(&q.text)).collect();
    let byte_a: Vec<usize> = qa.iter().map(|q| a.idx.byte_of(q.span.start as usize)).collect();
    let byte_s: Vec<usize> = qs.iter().map(|q| s.idx.byte_of(q.span.start as usize)).collect();
    let sent_a: Vec<Option<usize>> = byte_a.iter().map(|b| a.sentence_of(*b)).collect();
    let sent_s: Vec<Option<usize>> = byte_s.iter().map(|b| s.sentence_of(*b)).collect();
    // Each quote's words sorted once: the overlap of every quote pair is then a merge, not a map
    // built per pair (a story of thousands of versions scores millions of quote pairs).
    let sa: Vec<Vec<&str>> = ta.iter().map(|w| sorted_words(w)).collect();
    let ss: Vec<Vec<&str>> = ts.iter().map(|w| sorted_words(w)).collect();
    let score = |i: usize, j: usize| {
        let aligned =
            matches!((sent_a[i], sent_s[j]), (Some(x), Some(y)) if ma.get(x).copied().flatten() == Some(y));
        // The overlap is at most the shorter quote's length over the longer's.
        let (la, ls) = (sa[i].len(), ss[j].len());
        if !aligned && (la.min(ls) as f64 / la.max(ls) as f64) < QUOTE_MATCH_OVERLAP {
            return 0.0;
        }
        let o = sorted_overlap(&sa[i], &ss[j]);
        if aligned || o >= QUOTE_MATCH_OVERLAP {
            o + if aligned { 0.01 } else { 0.0 }
        } else {
            0.0
        }
    };
    let m = if qa.len().saturating_mul(qs.len()) <= FULL_ALIGNMENT_MAX_PAIRS {
        align_greedy(qa.len(), qs.len(), 0.5, score)
    } else {
        let cand = indexed_quote_pairs(&ta, &ts, &sent_a, &sent_s, ma)
            .into_iter()
            .map(|(i, j)| (score(i, j), i, j))
            .filter(|c| c.0 >= 0.5)
            .collect();
        assign_best_first(qa.len(), qs.len(), cand)
    };
    let mut out = Vec::new();
    for (i, mj) in m.iter().enumerate() {
        let Some(j) = *mj else { continue };
        if ta[i] == ts[j] {
            continue;
        }
        // differences that are only figures or names are reported as such
        let hs = hunks(&ts[j], &ta[i]);
        let explained = hs.iter().all(|h| {
            let sw = &ts[j][h.a0..h.a1];
            let aw = &ta[i][h.b0..h.b1];
            // a run of words moved from or to elsewhere (reordered sentences) is not an alteration
            let moved = |run: &[String], other: &[String]| run.is_empty() || covered_by_runs(run, other);
            if (sw.len() >= 3 || aw.len() >= 3) && moved(sw, a.all_words()) && moved(aw, s.all_words()) {
                return true;
            }
            sw.len() == aw.len()
                && sw.iter().zip(aw).all(|(x, y)| {
                    let numeric =
                        x.chars().any(|c| c.is_ascii_digit()) && y.chars().any(|c| c.is_ascii_digit());
                    numeric
                        || name_like(&qs[j].text, x, &qa[i].text, y)
                        || are_spelling_variants(a.lang_code.as_deref(), x, y)
                })
        });
        if explained {
            continue;
        }
        out.push(Change {
            article: article.id,
            source: Some(source.id),
            kind: ChangeKind::QuoteAltered,
            before: Some(qs[j].text.clone()),
            after: Some(qa[i].text.clone()),
            span: qa[i].span,
            source_span: Some(qs[j].span),
            supported_elsewhere: None,
            carried_by: Vec::new(),
            same_drift_in: Vec::new(),
            note: qa[i]
                .speaker
                .clone()
                .or_else(|| qs[j].speaker.clone())
                .map(|sp| format!("speaker: {sp}")),
        });
    }
    out
}

fn contains_run(hay: &[String], run: &[String]) -> bool {
    run.len() <= hay.len() && hay.windows(run.len()).any(|w| w == run)
}

/// True when `run` splits into pieces of 3+ words (or the whole run) each found in `hay`.
fn covered_by_runs(run: &[String], hay: &[String]) -> bool {
    let mut p = 0;
    while p < run.len() {
        let rest = run.len() - p;
        let best = (1..=rest)
            .rev()
            .find(|&k| (k >= 3 || k == rest && p > 0) && contains_run(hay, &run[p..p + k]));
        match best {
            Some(k) => p += k,
            None => return false,
        }
    }
    true
}

fn name_like(src_text: &str, x: &str, art_text: &str, y: &str) -> bool {
    // find the original-case words for the folded forms
    let find = |text: &str, f: &str| -> Option<String> {
        wiretrace_text::tokens(text)
            .find(|t| t.folded == f)
            .map(|t| text[t.start as usize..t.end as usize].to_string())
    };
    match (find(src_text, x), find(art_text, y)) {
        (Some(a), Some(b)) => is_name_variant(&a, &b),
        _ => false,
    }
}

pub(crate) fn sort_changes(v: &mut [Change]) {
    v.sort_by(|x, y| {
        (
            x.article,
            x.span,
            x.kind,
            &x.before,
            &x.after,
            x.source,
            x.source_span,
        )
            .cmp(&(
                y.article,
                y.span,
                y.kind,
                &y.before,
                &y.after,
                y.source,
                y.source_span,
            ))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::overlap;

    #[test]
    fn sorted_quote_overlap_equals_the_multiset_overlap() {
        // Random word lists with repeats: the merge over sorted words must give the counted overlap
        // bit for bit (quote matching compares it with a threshold).
        let mut state = 11u64;
        let mut next = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            state >> 33
        };
        for _ in 0..2_000 {
            let mut list =
                || -> Vec<String> { (0..next() % 12).map(|_| format!("w{}", next() % 6)).collect() };
            let (a, b) = (list(), list());
            assert_eq!(
                sorted_overlap(&sorted_words(&a), &sorted_words(&b)),
                overlap(&a, &b),
                "{a:?} {b:?}"
            );
        }
    }

    #[test]
    fn sentence_score_bounds_never_hide_a_match() {
        // Random sentences over a small vocabulary, so that many pairs nearly match: whenever the
        // plain overlap score reaches the alignment threshold, the bounded score must equal it.
        let vocab = [
            "storm", "river", "council", "bridge", "closed", "said", "the", "on", "3,200", "homes", "mayor",
            "Tuesday", "water", "rose", "1,500", "of",
        ];
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let sentences: Vec<String> = (0..300)
            .map(|_| {
                let n = 3 + (next() % 12) as usize;
                (0..n)
                    .map(|_| vocab[(next() % vocab.len() as u64) as usize])
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let bags: Vec<Bag> = sentences.iter().map(|s| Bag::of_text(s)).collect();
        let mut matches = 0;
        for a in &bags {
            for b in &bags {
                let plain = if a.seq == b.seq {
                    1.0
                } else {
                    sorted_overlap(&a.raw, &b.raw).max(sorted_overlap(&a.masked, &b.masked) - 0.05)
                };
                if plain >= 0.5 {
                    matches += 1;
                    assert_eq!(sentence_score(a, b), plain);
                }
            }
        }
        assert!(matches > 1_000, "{matches}");
    }

    #[test]
    fn indexed_sentence_alignment_equals_the_full_one() {
        // A long source (repeated and near-repeated sentences, as in a book-length text) and a
        // version of it with edited, renumbered, dropped and new sentences: the index must find
        // every pair the full n × m scoring aligns.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let vocab: Vec<String> = (0..400).map(|k| format!("w{k}")).collect();
        let sentence = |next: &mut dyn FnMut() -> u64| -> Vec<String> {
            let n = 3 + (next() % 16) as usize;
            (0..n)
                .map(|_| vocab[(next() % vocab.len() as u64) as usize].clone())
                .collect()
        };
        let mut source: Vec<Vec<String>> = Vec::new();
        for _ in 0..800 {
            if !source.is_empty() && next() % 5 == 0 {
                let k = (next() % source.len() as u64) as usize;
                source.push(source[k].clone());
            } else {
                source.push(sentence(&mut next));
            }
        }
        let mut article: Vec<Vec<String>> = Vec::new();
        for s in &source {
            match next() % 6 {
                0 => {}
                1 => article.push(sentence(&mut next)),
                2 => {
                    let mut t = s.clone();
                    let k = (next() % t.len() as u64) as usize;
                    t[k] = format!("{}", next() % 1000);
                    article.push(t);
                }
                _ => article.push(s.clone()),
            }
        }
        let bags = |v: &[Vec<String>]| -> Vec<Bag> { v.iter().map(|t| Bag::of_text(&t.join(" "))).collect() };
        let (a, s) = (bags(&article), bags(&source));
        let full = align_greedy(a.len(), s.len(), MIN_SENTENCE_SCORE, |i, j| {
            sentence_score(&a[i], &s[j])
        });
        let indexed = assign_best_first(a.len(), s.len(), indexed_sentence_pairs(&a, &s));
        assert!(full.iter().filter(|m| m.is_some()).count() > 500);
        assert_eq!(full, indexed);
    }

    #[test]
    fn indexed_quote_pairs_find_every_overlapping_quote() {
        // Quotes repeated, with a word changed, or new: every pair the full scoring would align by
        // overlap (≥ 0.7) is among the indexed candidates.
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let quote = |next: &mut dyn FnMut() -> u64| -> Vec<String> {
            (0..4 + next() % 10)
                .map(|_| format!("q{}", next() % 300))
                .collect()
        };
        let ts: Vec<Vec<String>> = (0..600).map(|_| quote(&mut next)).collect();
        let ta: Vec<Vec<String>> = ts
            .iter()
            .map(|t| match next() % 3 {
                0 => quote(&mut next),
                1 => {
                    let mut t = t.clone();
                    t[0] = "changed".into();
                    t
                }
                _ => t.clone(),
            })
            .collect();
        let none = vec![None; 600];
        let cand: std::collections::BTreeSet<(usize, usize)> =
            indexed_quote_pairs(&ta, &ts, &none, &none, &[])
                .into_iter()
                .collect();
        let mut found = 0;
        for (i, a) in ta.iter().enumerate() {
            for (j, b) in ts.iter().enumerate() {
                if overlap(a, b) >= 0.7 {
                    found += 1;
                    assert!(cand.contains(&(i, j)), "{i} {j}");
                }
            }
        }
        assert!(found > 300, "{found}");
    }
}
