//! Page furniture inside article bodies: ads, newsletter prompts, share bars, navigation, related
//! links, editorial blurbs and boilerplate bylines.
//!
//! Input → output: the corpus's articles (and which of them tell the same story) → a
//! [`FurnitureModel`] that says whether a paragraph of an article is furniture.
//!
//! Method, without any list of phrases:
//! - *Recurrence*: a paragraph whose word set (folded, digits masked) nearly equals (Jaccard ≥ 0.5)
//!   paragraphs of articles of at least two other stories, or of another story of the same outlet,
//!   is furniture: real story text does not recur across unrelated stories. Articles of other
//!   stories that are topically close (their long-word sets, without the paragraph's own words, have Jaccard ≥ 0.08, e.g. two reports
//!   on one team) do not count, so a line-up repeated across match reports stays content.
//! - *Vocabulary*: words concentrated in recurring furniture (most of their occurrences are there) form
//!   the corpus's meta vocabulary ("sign", "newsletter", "verified"…, learned, not listed); a short
//!   paragraph mostly made of it is furniture even if its exact wording is new.
//! - *Shape* ([`looks_like_furniture`]): a paragraph that is not prose (no sentence-final stop and
//!   short, or a list with separators, or a `Header:` list of titles) and shares no content words with
//!   the story.
//!
//! - *Content* ([`furniture_score`]), for small corpora where nothing recurs: a paragraph the source
//!   does not carry is scored on what it says. Features (per-language tables in [`crate::lang`]):
//!   self-reference words and phrases (`this article`, `newsletter`, `our editorial team`,
//!   `verified`, `sponsored`…), an opening imperative addressed to the reader (`Subscribe…`,
//!   `Share…`), second-person words, shortness, and — against — the share of its content words,
//!   names and figures that the story itself uses. Short title-case label lines stacked next to
//!   such a paragraph belong to the same blurb. Generic prose about the topic (AI padding) has no
//!   self-reference and shares the story's vocabulary, so it stays `added`.
//!
//! Credit lines (agency attribution, copyright, reporting credits; per-language words) recur by nature
//! but belong to the article, so they are never furniture. Guarantees: deterministic (BTreeMaps,
//! sorted candidates); the model is independent of input order.

use std::collections::{BTreeMap, BTreeSet};

use wiretrace_model::{Article, ArticleId, Story};
use wiretrace_text::{fold, FastMap, FastSet, ListTable};

use crate::furniture_state::{KeptDecisions, Previous, Standing};
use crate::lang::LangData;
use crate::segment::paragraphs;
use wiretrace_text::sorted_intersection_count as inter_count;

const MAX_TOKENS: usize = 80;
/// How many of a paragraph's rarest words give its near-duplicate candidates.
const RARE_WORDS: usize = 4;
/// At most this many candidates are compared per paragraph (in a fixed order), bounding the cost on
/// large corpora where furniture recurs in thousands of pages.
const MAX_CANDIDATES: usize = 500;
/// Jaccard similarity of two articles' long-word sets above which they are topically related.
const RELATED: f64 = 0.08;
/// Copies of a paragraph found in topically related articles, after which its search stops: a
/// paragraph whose copies keep turning up in articles on the same subject (a story re-published
/// thousands of times with light edits, each version in its own story) is that subject's text, not
/// furniture, and testing relatedness for every copy made the model quadratic in the copies. One
/// story group is tested once: its other members are skipped.
const MAX_RELATED_COPIES: usize = 16;

/// Folded words of a paragraph with digits masked (borrowed from the text where nothing changes).
pub(crate) fn masked_words(text: &str) -> Vec<std::borrow::Cow<'_, str>> {
    wiretrace_text::tokens(text)
        .map(|t| mask_digits(t.folded))
        .collect()
}

/// A folded word with its ASCII digits replaced by `0` (borrowed when it has none).
fn mask_digits(folded: std::borrow::Cow<'_, str>) -> std::borrow::Cow<'_, str> {
    if folded.bytes().any(|b| b.is_ascii_digit()) {
        std::borrow::Cow::Owned(
            folded
                .chars()
                .map(|c| if c.is_ascii_digit() { '0' } else { c })
                .collect(),
        )
    } else {
        folded
    }
}

/// True when a paragraph is a credit line (agency attribution, copyright, reporting credits).
///
/// # Example
/// ```
/// use wiretrace_explain::boilerplate::is_credit_line;
/// assert!(is_credit_line("(AFP)", None));
/// assert!(is_credit_line("Copyright 2025 The Associated Press. All rights reserved.", Some("en")));
/// assert!(is_credit_line("Reporting by Ana Lima for Reuters; editing by Tom Hale.", Some("en")));
/// assert!(!is_credit_line("Sign up for our newsletter.", Some("en")));
/// ```
pub fn is_credit_line(text: &str, lang: Option<&str>) -> bool {
    let t = text.trim();
    // (most paragraphs are prose: give up at the 25th word without collecting them)
    if t.split_whitespace().nth(24).is_some() {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty() {
        return false;
    }
    if t.contains('©') {
        return true;
    }
    let names_only = words
        .iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
    if (t.starts_with('(') && t.ends_with(')') || t.starts_with('—') || t.starts_with('–'))
        && names_only
        && words.len() <= 6
    {
        return true;
    }
    if words.len() > 16 {
        return false;
    }
    let data = LangData::new(lang);
    let credit = words
        .iter()
        .filter(|w| data.is_credit_word(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .count();
    credit >= 1 && {
        // the rest is names, numbers and function words
        words.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.is_empty()
                || data.is_credit_word(w)
                || data.is_function_word(w)
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || matches!(
                    fold(w).as_str(),
                    "by" | "for"
                        | "with"
                        | "all"
                        | "this"
                        | "to"
                        | "writer"
                        | "writers"
                        | "contributed"
                        | "report"
                )
        })
    }
}

/// Words of a text for the content model: split on whitespace, outer punctuation trimmed (inner
/// hyphens and apostrophes kept, so `abonnez-vous` and `don't` stay whole), folded.
fn plain_words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| fold(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Content words of a text for story overlap: folded words of 4+ letters that are not function
/// words, and figures (digits kept).
pub(crate) fn content_words(text: &str, lang: &LangData) -> BTreeSet<String> {
    // Each distinct word is tested and copied once, in a hash set, then sorted: a long text
    // repeats its words thousands of times, and a tree insert per word compares strings at every
    // level.
    let mut seen: wiretrace_text::FastSet<std::borrow::Cow<'_, str>> = Default::default();
    let mut out: Vec<String> = Vec::new();
    for t in wiretrace_text::tokens(text) {
        let w = t.folded;
        if seen.contains(&*w) {
            continue;
        }
        if w.chars().any(|c| c.is_ascii_digit()) || (w.chars().count() >= 4 && !lang.is_function_word(&w)) {
            out.push(w.to_string());
        }
        seen.insert(w);
    }
    out.into_iter().collect()
}

/// True when a paragraph is a short label line: at most six words, no sentence-final stop, no list
/// separators or `Header:` colon, no figures ("Editorial Context & Insight", "Methodology").
///
/// # Example
/// ```
/// use wiretrace_explain::boilerplate::is_label_line;
/// assert!(is_label_line("Verified by Editorial Board"));
/// assert!(!is_label_line("Share: Facebook | X | Email"));
/// assert!(!is_label_line("The minister resigned."));
/// ```
pub fn is_label_line(text: &str) -> bool {
    let t = text.trim();
    let n = t.split_whitespace().count();
    (1..=6).contains(&n)
        && !ends_sentence(t)
        && !t.contains(':')
        && !t.contains(" | ")
        && !t.contains('\n')
        && !t.chars().any(|c| c.is_ascii_digit())
}

/// Scores how much a paragraph reads as page furniture by what it says (see the module docs):
/// `story` holds the story's content words ([`content_words`] of the text the paragraph is not
/// part of). A score of at least [`FURNITURE_SCORE`] means furniture.
///
/// Features and weights: 1.2 per self-reference word or phrase (at most two counted); 1.0 when the
/// first word is an imperative call to action or the paragraph asks the reader a question; 0.6
/// when it addresses the reader in the second person; 0.4 when it is short (≤ 12 words); minus
/// 3.0 × the share of its content words, names and figures found in the story.
///
/// # Example
/// ```
/// use std::collections::BTreeSet;
/// use wiretrace_explain::boilerplate::{furniture_score, FURNITURE_SCORE};
/// use wiretrace_explain::lang::LangData;
/// let en = LangData::new(Some("en"));
/// let story: BTreeSet<String> = ["water", "pipeline", "drought", "government"].iter().map(|s| s.to_string()).collect();
/// let promo = "Enjoyed this story? Subscribe to our newsletter, delivered straight to your inbox.";
/// assert!(furniture_score(promo, &en, &story) >= FURNITURE_SCORE);
/// let padding = "Water scarcity is one of the defining challenges of the century for every government.";
/// assert!(furniture_score(padding, &en, &story) < FURNITURE_SCORE);
/// ```
pub fn furniture_score(text: &str, lang: &LangData, story: &BTreeSet<String>) -> f64 {
    furniture_score_parts(text, lang).map_or(0.0, |base| base - 3.0 * story_overlap(text, lang, story))
}

/// True when [`furniture_score`] reaches [`FURNITURE_SCORE`], asking for the story's words only
/// when the paragraph's form and wording could reach it: the story overlap only lowers the score,
/// so a paragraph whose score before it is below the threshold is not furniture whatever the story
/// says. Same verdict as `furniture_score(text, lang, story()) >= FURNITURE_SCORE`; an origin's
/// story words (every other version's content words) are then built for the rare paragraph that
/// reads like furniture instead of for every origin.
pub(crate) fn is_furniture_by_content<'s>(
    text: &str,
    lang: &LangData,
    story: impl FnOnce() -> &'s BTreeSet<String>,
) -> bool {
    match furniture_score_parts(text, lang) {
        Some(base) if base >= FURNITURE_SCORE => {
            base - 3.0 * story_overlap(text, lang, story()) >= FURNITURE_SCORE
        }
        _ => false,
    }
}

/// The share of a paragraph's content words found in `story` (0 when it has none).
fn story_overlap(text: &str, lang: &LangData, story: &BTreeSet<String>) -> f64 {
    let mine = content_words(text, lang);
    if mine.is_empty() {
        0.0
    } else {
        mine.iter().filter(|w| story.contains(*w)).count() as f64 / mine.len() as f64
    }
}

/// [`furniture_score`] before the story overlap (the sum of its positive features); `None` for a
/// paragraph it does not score (no words, or over 60).
fn furniture_score_parts(text: &str, lang: &LangData) -> Option<f64> {
    let words = plain_words(text);
    if words.is_empty() || words.len() > 60 {
        return None;
    }
    let mut hits = 0usize;
    let mut k = 0;
    while k < words.len() {
        if k + 1 < words.len() && lang.is_meta_word(&format!("{} {}", words[k], words[k + 1])) {
            hits += 1;
            k += 2;
        } else {
            if lang.is_meta_word(&words[k]) {
                hits += 1;
            }
            k += 1;
        }
    }
    let first_sentence_question = text
        .find(['.', '!', '?'])
        .is_some_and(|p| text[p..].starts_with('?'));
    let cta = lang.is_call_to_action(&words[0]) || (first_sentence_question && words.len() <= 40);
    let second = words.iter().any(|w| lang.is_second_person(w));
    let base = 1.2 * hits.min(2) as f64
        + if cta { 1.0 } else { 0.0 }
        + if second { 0.6 } else { 0.0 }
        + if words.len() <= 12 { 0.4 } else { 0.0 };
    Some(base)
}

/// The score at or above which [`furniture_score`] calls a paragraph furniture.
pub const FURNITURE_SCORE: f64 = 1.5;

/// True when a paragraph ends like prose (sentence stop, closing quote or bracket).
pub(crate) fn ends_sentence(text: &str) -> bool {
    let last = text.trim().chars().next_back().unwrap_or('.');
    matches!(last, '.' | '!' | '?' | '…' | '"' | '”' | '’' | '»' | ')' | ']')
}

/// True when a paragraph is a list: at least two separators (`|`, ` / `, `·`, `•`) or a short
/// `Header:` followed by items, with no sentence stop at the end.
pub(crate) fn is_list(text: &str) -> bool {
    let t = text.trim();
    if ends_sentence(t) {
        return false;
    }
    let seps = t.matches(" | ").count()
        + t.matches(" / ").count()
        + t.matches(" · ").count()
        + t.matches(" • ").count();
    seps >= 2
        || t.find(':').is_some_and(|p| {
            t[..p].split_whitespace().count() <= 4 && t[p + 1..].split_whitespace().count() >= 3
        })
}

/// True when a paragraph has the shape of furniture rather than prose: no sentence-final stop and
/// either short, a list with separators, a `Header:` list, or mostly capitalised words.
///
/// # Example
/// ```
/// use wiretrace_explain::boilerplate::looks_like_furniture;
/// assert!(looks_like_furniture("Home | World | Sport | Business"));
/// assert!(looks_like_furniture("Related stories: Banks cut rates Oil price falls again"));
/// assert!(looks_like_furniture("Advertisement"));
/// assert!(!looks_like_furniture("The minister said the plan would cost more than expected."));
/// ```
pub fn looks_like_furniture(text: &str) -> bool {
    let t = text.trim();
    if ends_sentence(t) {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() <= 8 {
        return true;
    }
    let seps = t.matches(" | ").count()
        + t.matches(" / ").count()
        + t.matches(" · ").count()
        + t.matches(" • ").count();
    if seps >= 2 {
        return true;
    }
    let header = t
        .find(':')
        .is_some_and(|p| t[..p].split_whitespace().count() <= 4);
    if header {
        return true;
    }
    let long: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let caps = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    !long.is_empty() && caps as f64 / long.len() as f64 >= 0.6
}

/// What the corpus says about furniture: recurring paragraphs and the learned meta vocabulary.
#[derive(Debug, Clone, Default)]
pub struct FurnitureModel {
    // per article id and paragraph: (number of other stories it recurs in, recurs in the same outlet)
    pub(crate) recurring: BTreeMap<ArticleId, BTreeMap<usize, (usize, bool)>>,
    pub(crate) vocabulary: BTreeSet<String>,
    pub(crate) loose_vocabulary: BTreeSet<String>,
    pub(crate) openers: BTreeSet<(String, String)>,
    pub(crate) furniture: FurnitureIndex,
    /// The paragraphs the recurrence test read (kept in the state: a later build checks that its
    /// corpus is this one plus new articles).
    pub(crate) paragraphs: usize,
    decided: usize,
}

/// Distinct word sets of recurring furniture paragraphs, indexed for near-duplicate look-up
/// (prefix filtering: two sets with Jaccard ≥ 0.5 share a word among the first
/// `len - ceil(len / 2) + 1` words of each, in a fixed word order, rarest first). Each posting
/// keeps the word's position in its set, so that a look-up skips the sets whose remaining words
/// cannot reach the threshold (positional filtering, as in PPJoin) without comparing them.
#[derive(Debug, Clone, Default)]
pub(crate) struct FurnitureIndex {
    // word → local id (ids ordered by how many sets hold the word, rarest first)
    ids: std::collections::HashMap<String, u32>,
    // distinct sets, each sorted by local id
    sets: Vec<Vec<u32>>,
    // local id → (set, position of the word in the set) for the sets whose prefix holds it
    prefix_postings: Vec<Vec<(u32, u32)>>,
}

/// A short paragraph ([`META_MAX_WORDS`] words at most) with at least this share of meta vocabulary
/// words is furniture; so is a paragraph that is not prose with this share of loose meta vocabulary.
pub const META_SHARE: f64 = 0.6;
/// Longest paragraph (in words) that meta vocabulary alone makes furniture: a longer one is prose
/// that happens to use those words.
pub const META_MAX_WORDS: usize = 40;

/// An order-sensitive 64-bit digest of a sequence of values (FNV-1a over the values' bytes):
/// stable across runs and toolchains, since digests are stored.
#[derive(Debug, Clone, Copy)]
struct Digest(u64);

impl Default for Digest {
    fn default() -> Self {
        Digest(0xcbf2_9ce4_8422_2325)
    }
}

impl Digest {
    fn add(&mut self, v: u64) {
        for b in v.to_le_bytes() {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Length of the prefix (in the fixed word order) that two sets of Jaccard ≥ 0.5 must share a word in.
fn prefix_len(n: usize) -> usize {
    n - n.div_ceil(2) + 1
}

/// Jaccard similarity of two sorted, deduplicated id sets (0 when either is empty).
fn jaccard_ids(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inter = inter_count(a, b);
    inter as f64 / (a.len() + b.len() - inter) as f64
}

impl FurnitureIndex {
    /// The indexed words by local id.
    pub(crate) fn words(&self) -> Vec<&str> {
        let mut out = vec![""; self.ids.len()];
        // each word goes to its own slot: the map's order does not show
        #[allow(clippy::iter_over_hash_type)]
        for (w, &i) in &self.ids {
            out[i as usize] = w.as_str();
        }
        out
    }

    /// The distinct indexed sets, as sorted local ids (see [`FurnitureIndex::words`]).
    pub(crate) fn id_sets(&self) -> &[Vec<u32>] {
        &self.sets
    }

    /// True when some indexed set holds the word `w`.
    pub(crate) fn knows(&self, w: &str) -> bool {
        self.ids.contains_key(w)
    }

    /// The number of distinct indexed sets.
    pub(crate) fn len(&self) -> usize {
        self.sets.len()
    }

    pub(crate) fn build(sets: Vec<Vec<String>>) -> Self {
        let distinct: BTreeSet<Vec<String>> = sets.into_iter().filter(|s| !s.is_empty()).collect();
        let mut df: BTreeMap<&str, usize> = BTreeMap::new();
        for s in &distinct {
            for w in s {
                *df.entry(w.as_str()).or_insert(0) += 1;
            }
        }
        let mut order: Vec<(&str, usize)> = df.into_iter().collect();
        order.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(b.0)));
        let ids: std::collections::HashMap<String, u32> = order
            .iter()
            .enumerate()
            .map(|(i, (w, _))| ((*w).to_string(), i as u32))
            .collect();
        let mut prefix_postings: Vec<Vec<(u32, u32)>> = vec![Vec::new(); ids.len()];
        let mut out_sets = Vec::with_capacity(distinct.len());
        for (k, s) in distinct.iter().enumerate() {
            let mut v: Vec<u32> = s.iter().map(|w| ids[w.as_str()]).collect();
            v.sort_unstable();
            for (pos, &w) in v[..prefix_len(v.len())].iter().enumerate() {
                prefix_postings[w as usize].push((k as u32, pos as u32));
            }
            out_sets.push(v);
        }
        FurnitureIndex {
            ids,
            sets: out_sets,
            prefix_postings,
        }
    }

    /// True when some indexed set has Jaccard ≥ 0.5 with the (deduplicated) words `w`.
    ///
    /// Jaccard ≥ 0.5 is `3·|w ∩ f| ≥ |w| + |f|`. A set is first met through the query's earliest
    /// shared word (query position `i`, set position `j`): no word before either is shared, so at
    /// most `min(known − i, |f| − j)` words are, and a set whose bound falls short is skipped
    /// (meeting it again later only lowers the bound). Words unknown to the index cannot be shared,
    /// which shortens the query's prefix to `known − ceil(|w| / 2) + 1` words.
    pub(crate) fn resembles(&self, w: &BTreeSet<String>) -> bool {
        if w.is_empty() || self.sets.is_empty() {
            return false;
        }
        let mut known: Vec<u32> = w
            .iter()
            .filter_map(|x| self.ids.get(x.as_str()).copied())
            .collect();
        known.sort_unstable();
        let need = w.len().div_ceil(2);
        let probe = (known.len() + 1).saturating_sub(need);
        let mut seen: FastSet<u32> = FastSet::default();
        for (i, &word) in known[..probe].iter().enumerate() {
            let rest_query = known.len() - i;
            for &(k, j) in &self.prefix_postings[word as usize] {
                let f = &self.sets[k as usize];
                let bound = rest_query.min(f.len() - j as usize);
                if 3 * bound < f.len() + w.len() || !seen.insert(k) {
                    continue;
                }
                // the shared word at (i, j) and whatever the words after it share
                let inter = 1 + inter_count(&f[j as usize + 1..], &known[i + 1..]);
                if 3 * inter >= f.len() + w.len() {
                    return true;
                }
            }
        }
        false
    }
}

/// Words of the corpus by dense id (see [`interned_words`] for the id order).
struct Lexicon {
    words: Vec<String>,
}

/// One article's words: per kept paragraph (number, word hashes), and its long words (hashes).
struct ArticleWords {
    paras: Vec<(usize, Vec<u64>)>,
    content: Vec<u64>,
}

/// One article's kept paragraphs (number, sorted word ids) and its long words (sorted ids).
type IdWords = (Vec<(usize, Vec<u32>)>, Vec<u32>);
/// A non-prose paragraph's first two words and its article's story group.
type Opener = ((String, String), (u32, u32));

fn word_hash(w: &str) -> u64 {
    wiretrace_text::token_hash(w)
}

/// Tokenises some articles into hashed words, with the text of each distinct hash. Each paragraph
/// is tokenised once for both of its uses: its digit-masked words (kept paragraphs only) and the
/// article's long words.
fn hashed_words(articles: &[Article], order: &[usize]) -> (Vec<ArticleWords>, FastMap<u64, String>) {
    let mut names: FastMap<u64, String> = FastMap::default();
    let mut out = Vec::with_capacity(order.len());
    let mut masked: Vec<std::borrow::Cow<str>> = Vec::new();
    for &ai in order {
        let a = &articles[ai];
        let text = &a.text;
        let mut paras = Vec::new();
        let mut content = Vec::new();
        for (pi, (s, e)) in paragraphs(text).into_iter().enumerate() {
            let para = &text[s..e];
            masked.clear();
            for t in wiretrace_text::tokens(para) {
                if t.folded.chars().count() >= 5 {
                    let h = word_hash(&t.folded);
                    names.entry(h).or_insert_with(|| t.folded.to_string());
                    content.push(h);
                }
                masked.push(mask_digits(t.folded));
            }
            if masked.is_empty() || masked.len() > MAX_TOKENS || is_credit_line(para, a.language.as_deref()) {
                continue;
            }
            let mut hs: Vec<u64> = Vec::with_capacity(masked.len());
            for x in masked.drain(..) {
                let h = word_hash(&x);
                names.entry(h).or_insert_with(|| x.into_owned());
                hs.push(h);
            }
            paras.push((pi, hs));
        }
        content.sort_unstable();
        content.dedup();
        out.push(ArticleWords { paras, content });
    }
    (out, names)
}

/// Tokenises the articles (in `order`) and interns their words as dense ids, a few thousand articles
/// at a time (each chunk in parallel): the 64-bit word hashes of the whole corpus are never held at
/// once. A chunk's new words get the next ids in hash order, so ids depend only on the articles and
/// their order, never on scheduling.
fn interned_words(articles: &[Article], order: &[usize]) -> CorpusWords {
    use rayon::prelude::*;
    const CHUNK: usize = 4096;
    let mut id_of: FastMap<u64, u32> = FastMap::default();
    let mut words: Vec<String> = Vec::new();
    let mut out = CorpusWords {
        paras: ListTable::default(),
        para_pos: Vec::new(),
        content: ListTable::default(),
        lexicon: Lexicon { words: Vec::new() },
    };
    for chunk in order.chunks(CHUNK) {
        let parts: Vec<(Vec<ArticleWords>, FastMap<u64, String>)> = chunk
            .par_chunks(256)
            .map(|part| hashed_words(articles, part))
            .collect();
        let mut new: Vec<(u64, String)> = Vec::new();
        for (_, names) in &parts {
            new.extend(
                names
                    .iter()
                    .filter(|(h, _)| !id_of.contains_key(h))
                    .map(|(h, w)| (*h, w.clone())),
            );
        }
        new.sort_unstable_by_key(|(h, _)| *h);
        new.dedup_by_key(|(h, _)| *h);
        for (h, w) in new {
            id_of.insert(h, words.len() as u32);
            words.push(w);
        }
        let id_of = &id_of;
        let converted: Vec<IdWords> = parts
            .into_par_iter()
            .flat_map_iter(|(arts, _)| {
                arts.into_iter().map(|aw| {
                    let paras = aw
                        .paras
                        .into_iter()
                        .map(|(pi, hs)| (pi, to_ids(&hs, id_of)))
                        .collect();
                    (paras, to_ids(&aw.content, id_of))
                })
            })
            .collect();
        for (&ai, (paras, long_words)) in chunk.iter().zip(converted) {
            out.content.push(long_words);
            for (pi, w) in paras {
                out.para_pos.push((ai, pi));
                out.paras.push(w);
            }
        }
    }
    out.paras.shrink_to_fit();
    out.content.shrink_to_fit();
    out.lexicon.words = words;
    out
}

/// The corpus' words as dense ids.
struct CorpusWords {
    /// Each kept paragraph's sorted word ids, in article order then paragraph order.
    paras: ListTable,
    /// Each kept paragraph's (article index, paragraph number).
    para_pos: Vec<(usize, usize)>,
    /// Each article's long words (sorted ids); row `r` is the article `order[r]`.
    content: ListTable,
    lexicon: Lexicon,
}

/// Sorted, deduplicated ids of hashed words.
fn to_ids(hs: &[u64], rank: &FastMap<u64, u32>) -> Vec<u32> {
    let mut v: Vec<u32> = hs.iter().map(|h| rank[h]).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Ascending union of up to [`RARE_WORDS`] sorted posting lists, each item once with the number of
/// lists holding it.
struct Union<'a> {
    /// The lists' unread tails (unused slots are empty).
    lists: [&'a [u32]; RARE_WORDS],
}

impl<'a> Union<'a> {
    fn new(lists: &[&'a [u32]]) -> Self {
        let mut tails: [&[u32]; RARE_WORDS] = [&[]; RARE_WORDS];
        for (t, l) in tails.iter_mut().zip(lists) {
            *t = l;
        }
        Union { lists: tails }
    }
}

impl Iterator for Union<'_> {
    type Item = (u32, usize);
    fn next(&mut self) -> Option<(u32, usize)> {
        // a fixed array of slice tails: this loop runs for every candidate of every paragraph
        let mut x = u32::MAX;
        let mut any = false;
        for l in &self.lists {
            if let Some(&v) = l.first() {
                any = true;
                x = x.min(v);
            }
        }
        if !any {
            return None;
        }
        let mut count = 0;
        for l in &mut self.lists {
            if l.first() == Some(&x) {
                *l = &l[1..];
                count += 1;
            }
        }
        Some((x, count))
    }
}

impl FurnitureModel {
    /// Learns recurring paragraphs and the meta vocabulary from the corpus. `stories` say which
    /// articles are related (members of one story never count as recurrence for each other).
    ///
    /// Cost: near-linear in the corpus (words interned to ids, candidates from the postings of each
    /// paragraph's rarest words, at most [`MAX_CANDIDATES`] per paragraph; paragraphs in parallel).
    ///
    /// # Example
    /// ```
    /// use wiretrace_model::{Article, ArticleId};
    /// use wiretrace_explain::boilerplate::FurnitureModel;
    /// let mut arts = Vec::new();
    /// for (i, body) in ["Storm hits the coast today.", "Bank raises its rates again.", "Team wins the cup final."].iter().enumerate() {
    ///     let mut a = Article::new(format!("a{i}.txt"), format!("{body}\n\nSign up for our free morning newsletter."));
    ///     a.id = ArticleId(i as u32 + 1);
    ///     arts.push(a);
    /// }
    /// let m = FurnitureModel::build(&arts, &[]);
    /// assert!(m.is_recurring(ArticleId(1), 1));
    /// assert!(!m.is_recurring(ArticleId(1), 0));
    /// ```
    pub fn build(articles: &[Article], stories: &[Story]) -> Self {
        Self::build_reusing(articles, stories, None)
    }

    /// [`FurnitureModel::build`], deciding again only the paragraphs whose decision can differ
    /// from the one `previous` kept (see [`crate::furniture_state`]): the paragraphs of new and
    /// regrouped articles, and those whose candidates can include one of them (one of their rarest
    /// words, as the previous corpus counted them, is a word of such a paragraph; an identical
    /// paragraph is one; or their rarest words are not the same in both corpora). The other
    /// paragraphs' candidates, with their stories, outlets and topics, are those of the previous
    /// build, so their kept decisions are what deciding them again gives. Falls back to deciding
    /// every paragraph when the state is unreadable or does not describe this corpus minus its new
    /// articles (a changed article's old paragraphs are gone: the caller marks no such corpus as
    /// reusable).
    pub fn build_reusing(articles: &[Article], stories: &[Story], previous: Option<Previous<'_>>) -> Self {
        use rayon::prelude::*;
        let mut order: Vec<usize> = (0..articles.len()).collect();
        order.sort_by(|&x, &y| (articles[x].id, &articles[x].path).cmp(&(articles[y].id, &articles[y].path)));
        let mut group: BTreeMap<ArticleId, u32> = BTreeMap::new();
        for s in stories {
            for a in &s.articles {
                group.insert(*a, s.id.0);
            }
        }
        let groups_of: Vec<(u32, u32)> = articles
            .iter()
            .enumerate()
            .map(|(i, a)| match group.get(&a.id) {
                Some(g) => (0, *g),
                None => (1, a.id.0.wrapping_add(i as u32)),
            })
            .collect();
        drop(group);
        let group_of = |i: usize| groups_of[i];
        // paragraphs (in article order) as sorted word-id sets; long words of each article
        let CorpusWords {
            paras: para_words,
            para_pos,
            content,
            lexicon,
        } = interned_words(articles, &order);
        let mut row_of = vec![0usize; articles.len()];
        for (r, &ai) in order.iter().enumerate() {
            row_of[ai] = r;
        }
        // postings (paragraph numbers ascending), as one flat table
        let n_words = lexicon.words.len();
        let mut start = vec![0usize; n_words + 1];
        for w in para_words.iter() {
            for &x in w {
                start[x as usize + 1] += 1;
            }
        }
        for i in 0..n_words {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut entries = vec![0u32; start[n_words]];
        for (k, w) in para_words.iter().enumerate() {
            for &x in w {
                entries[fill[x as usize]] = k as u32;
                fill[x as usize] += 1;
            }
        }
        drop(fill);
        let posting = |x: u32| &entries[start[x as usize]..start[x as usize + 1]];
        let cap = (para_words.len() / 5).max(50);
        // 256-bit word signatures of the paragraphs (a cheap exact filter before Jaccard)
        let blooms: Vec<[u64; 4]> = (0..para_words.len())
            .into_par_iter()
            .map(|k| {
                let w = para_words.get(k);
                let mut b = [0u64; 4];
                for &x in w {
                    let bit = (x.wrapping_mul(0x9E37_79B1) >> 24) as usize;
                    b[bit >> 6] |= 1 << (bit & 63);
                }
                b
            })
            .collect();
        // topical relatedness: articles of different stories sharing many long words (a team's
        // line-up in two match reports) are related, and their shared text is not furniture
        // (the paragraph's own words are left out, so that the shared furniture itself does not make
        // two short articles look related)
        let related = |x: usize, y: usize, own: &[u32]| -> bool {
            let (cx, cy) = (content.get(row_of[x]), content.get(row_of[y]));
            let nx = cx.len() - inter_count(cx, own);
            let ny = cy.len() - inter_count(cy, own);
            if nx == 0 || ny == 0 {
                return false;
            }
            let (mut i, mut j, mut inter) = (0, 0, 0usize);
            while i < cx.len() && j < cy.len() {
                match cx[i].cmp(&cy[j]) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        if own.binary_search(&cx[i]).is_err() {
                            inter += 1;
                        }
                        i += 1;
                        j += 1;
                    }
                }
            }
            inter as f64 / (nx + ny - inter) as f64 >= RELATED
        };
        // exact repeats first: a paragraph's identical copies (furniture is mostly verbatim) usually
        // settle the decision without the near-duplicate scan. Paragraph numbers are sorted by word
        // set, so a paragraph's copies are the run of equal sets around it (two flat tables, not a
        // map of per-set lists: this is the stage's peak memory).
        let mut by_words: Vec<u32> = (0..para_words.len() as u32).collect();
        by_words.par_sort_by(|&x, &y| {
            para_words
                .get(x as usize)
                .cmp(para_words.get(y as usize))
                .then(x.cmp(&y))
        });
        let mut run_of = vec![(0u32, 0u32); para_words.len()];
        let mut run = 0;
        while run < by_words.len() {
            let words = para_words.get(by_words[run] as usize);
            let mut end = run + 1;
            while end < by_words.len() && para_words.get(by_words[end] as usize) == words {
                end += 1;
            }
            for &k in &by_words[run..end] {
                run_of[k as usize] = (run as u32, end as u32);
            }
            run = end;
        }
        // with a previous state: which paragraphs must be decided again, and the kept decisions
        let kept = previous.and_then(|p| {
            let old = KeptDecisions::from_bytes(p.state)?;
            let standing: Vec<Standing> = articles.iter().map(|a| (p.standing)(a.id)).collect();
            let in_changed = |k: usize| standing[para_pos[k].0] != Standing::Unchanged;
            let new_paras = (0..para_words.len())
                .filter(|&k| standing[para_pos[k].0] == Standing::New)
                .count();
            if old.paragraphs + new_paras != para_words.len() {
                return None;
            }
            let old_cap = (old.paragraphs / 5).max(50);
            let mut added = vec![0usize; n_words];
            let mut touched = vec![false; n_words];
            for k in (0..para_words.len()).filter(|&k| in_changed(k)) {
                for &w in para_words.get(k) {
                    touched[w as usize] = true;
                    if standing[para_pos[k].0] == Standing::New {
                        added[w as usize] += 1;
                    }
                }
            }
            // changed paragraphs before each place of `by_words` (a run holds one when they differ)
            let mut changed_before = vec![0u32; by_words.len() + 1];
            for (i, &k) in by_words.iter().enumerate() {
                changed_before[i + 1] = changed_before[i] + u32::from(in_changed(k as usize));
            }
            let again: Vec<bool> = (0..para_words.len())
                .into_par_iter()
                .map(|k| {
                    let (rs, re) = run_of[k];
                    if in_changed(k) || changed_before[re as usize] > changed_before[rs as usize] {
                        return true;
                    }
                    let words = para_words.get(k);
                    // the rarest words as the decision picks them (stable: ties in word order)
                    let select = |len: &dyn Fn(u32) -> usize, cap: usize| -> Vec<u32> {
                        let mut r: Vec<(usize, u32)> = words
                            .iter()
                            .map(|&w| (len(w), w))
                            .filter(|x| x.0 <= cap)
                            .collect();
                        r.sort_by_key(|x| x.0);
                        r.truncate(RARE_WORDS);
                        r.into_iter().map(|x| x.1).collect()
                    };
                    let now = select(&|w| posting(w).len(), cap);
                    let before = select(&|w| posting(w).len() - added[w as usize], old_cap);
                    now != before || before.iter().any(|&w| touched[w as usize])
                })
                .collect();
            Some((old, again))
        });
        let decided = std::sync::atomic::AtomicUsize::new(0);
        let decisions: Vec<Option<(usize, bool)>> = (0..para_words.len())
            .into_par_iter()
            .map(|k| {
                if let Some((old, again)) = &kept {
                    if !again[k] {
                        let (ai, pi) = para_pos[k];
                        return old.recurrence(articles[ai].id, pi);
                    }
                }
                decided.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let words = para_words.get(k);
                let article = para_pos[k].0;
                let own = group_of(article);
                let outlet = articles[article].outlet.as_deref();
                let mut groups: BTreeSet<(u32, u32)> = BTreeSet::new();
                let mut same_outlet = false;
                // story groups whose copy was in a related article (see MAX_RELATED_COPIES)
                let mut related_groups: BTreeSet<(u32, u32)> = BTreeSet::new();
                let settled = |groups: &BTreeSet<(u32, u32)>, same_outlet: bool| {
                    groups.len() >= 3 && (same_outlet || outlet.is_none())
                };
                let exhausted =
                    |related_groups: &BTreeSet<(u32, u32)>| related_groups.len() >= MAX_RELATED_COPIES;
                // a copy counts when it is in another story of an unrelated article
                let consider = |c: u32,
                                groups: &mut BTreeSet<(u32, u32)>,
                                same_outlet: &mut bool,
                                related_groups: &mut BTreeSet<(u32, u32)>| {
                    let q_article = para_pos[c as usize].0;
                    let g = group_of(q_article);
                    if q_article == article
                        || g == own
                        || related_groups.contains(&g)
                        || groups.contains(&g) && (*same_outlet || outlet.is_none())
                    {
                        return;
                    }
                    // with three stories found, only a copy in the same outlet can still matter
                    let q_outlet = articles[q_article].outlet.as_deref();
                    if groups.len() >= 3 && q_outlet != outlet {
                        return;
                    }
                    if related(article, q_article, words) {
                        related_groups.insert(g);
                    } else {
                        groups.insert(g);
                        if outlet.is_some() && q_outlet == outlet {
                            *same_outlet = true;
                        }
                    }
                };
                let (run_start, run_end) = run_of[k];
                let exact = &by_words[run_start as usize..run_end as usize];
                if exact.len() > 1 {
                    for &c in exact.iter().take(MAX_CANDIDATES) {
                        consider(c, &mut groups, &mut same_outlet, &mut related_groups);
                        if settled(&groups, same_outlet) {
                            return Some((groups.len(), same_outlet));
                        }
                        if exhausted(&related_groups) {
                            break;
                        }
                    }
                }
                // near-duplicates: candidates share one of the paragraph's rarest words
                let mut rare: Vec<&[u32]> = words
                    .iter()
                    .map(|&w| posting(w))
                    .filter(|l| l.len() <= cap)
                    .collect();
                rare.sort_by_key(|l| l.len());
                rare.truncate(RARE_WORDS);
                let n = rare.len();
                // a near-duplicate keeps most words, so it holds at least two of the rarest ones
                // (one suffices when the paragraph has a single usable word): candidates holding
                // only one are mostly paragraphs on the same topic, and are not compared
                let need = if n >= 2 { 2 } else { 1 };
                let cand = Union::new(&rare);
                for (c, _) in cand.take(MAX_CANDIDATES).filter(|&(_, m)| m >= need) {
                    if exhausted(&related_groups) {
                        break;
                    }
                    let q_article = para_pos[c as usize].0;
                    if q_article == article || group_of(q_article) == own {
                        continue;
                    }
                    let q = para_words.get(c as usize);
                    // Jaccard ≥ 0.5 needs 3·|p ∩ q| ≥ |p| + |q|: first by length, then by signature (a
                    // bit of one signature missing from the other is at least one word missing)
                    if 3 * words.len().min(q.len()) < words.len() + q.len() || q == words {
                        continue;
                    }
                    let (bp, bq) = (&blooms[k], &blooms[c as usize]);
                    let miss_p: u32 = (0..4).map(|i| (bp[i] & !bq[i]).count_ones()).sum();
                    let miss_q: u32 = (0..4).map(|i| (bq[i] & !bp[i]).count_ones()).sum();
                    let bound = (words.len() - miss_p as usize).min(q.len() - miss_q as usize);
                    if 3 * bound < words.len() + q.len() || jaccard_ids(words, q) < 0.5 {
                        continue;
                    }
                    consider(c, &mut groups, &mut same_outlet, &mut related_groups);
                    if settled(&groups, same_outlet) {
                        break; // enough evidence; the rest cannot change the decision
                    }
                }
                (groups.len() >= 2 || same_outlet).then_some((groups.len(), same_outlet))
            })
            .collect();
        drop(run_of);
        drop(by_words);
        drop(content);
        let mut recurring: BTreeMap<ArticleId, BTreeMap<usize, (usize, bool)>> = BTreeMap::new();
        let mut furniture_idx = Vec::new();
        for (k, d) in decisions.into_iter().enumerate() {
            if let Some(d) = d {
                let (ai, pi) = para_pos[k];
                recurring.entry(articles[ai].id).or_default().insert(pi, d);
                furniture_idx.push(k);
            }
        }
        // meta vocabulary: words whose occurrences are mostly in recurring furniture
        let mut in_furniture: BTreeMap<u32, usize> = BTreeMap::new();
        for &k in &furniture_idx {
            for &w in para_words.get(k) {
                *in_furniture.entry(w).or_insert(0) += 1;
            }
        }
        let word = |w: u32| lexicon.words[w as usize].as_str();
        let mut vocabulary = BTreeSet::new();
        for (&w, n) in &in_furniture {
            let total = posting(w).len();
            if *n >= 2
                && (*n as f64) / (total.max(1) as f64) >= 0.5
                && word(w).chars().any(char::is_alphabetic)
            {
                vocabulary.insert(word(w).to_string());
            }
        }
        // loose vocabulary: words of at least three recurring furniture paragraphs (navigation
        // sections, share targets…), used only for paragraphs that are not prose
        let loose_vocabulary = in_furniture
            .iter()
            .filter(|(w, n)| **n >= 3 && word(**w).chars().any(char::is_alphabetic))
            .map(|(w, _)| word(*w).to_string())
            .collect();
        // openers of non-prose paragraphs shared by several stories ("Related stories", "Read more")
        let opener_lists: Vec<Vec<Opener>> = order
            .par_iter()
            .map(|&ai| {
                let text = &articles[ai].text;
                let mut out = Vec::new();
                for (s, e) in paragraphs(text) {
                    let para = &text[s..e];
                    if ends_sentence(para) {
                        continue;
                    }
                    let mut w = masked_words(para);
                    if w.len() >= 4 {
                        w.truncate(2);
                        let second = w.pop().unwrap_or_default();
                        let first = w.pop().unwrap_or_default();
                        out.push(((first.into_owned(), second.into_owned()), group_of(ai)));
                    }
                }
                out
            })
            .collect();
        let mut opener_groups: BTreeMap<(String, String), BTreeSet<(u32, u32)>> = BTreeMap::new();
        for (k, g) in opener_lists.into_iter().flatten() {
            opener_groups.entry(k).or_default().insert(g);
        }
        let openers = opener_groups
            .into_iter()
            .filter(|(_, g)| g.len() >= 3)
            .map(|(k, _)| k)
            .collect();
        let furniture = FurnitureIndex::build(
            furniture_idx
                .iter()
                .map(|&k| para_words.get(k).iter().map(|&w| word(w).to_string()).collect())
                .collect(),
        );
        FurnitureModel {
            recurring,
            vocabulary,
            loose_vocabulary,
            openers,
            furniture,
            paragraphs: para_words.len(),
            decided: decided.into_inner(),
        }
    }

    /// The paragraphs the build decided (all of them without a usable previous state; see
    /// [`FurnitureModel::build_reusing`]).
    pub fn decided(&self) -> usize {
        self.decided
    }

    /// The paragraphs the recurrence test read (every article's, but credit lines and paragraphs
    /// of more than `MAX_TOKENS` words).
    pub fn paragraphs(&self) -> usize {
        self.paragraphs
    }

    /// True when paragraph number `paragraph` of `article` recurs across unrelated articles (at
    /// least two other stories, or another story of the same outlet).
    pub fn is_recurring(&self, article: ArticleId, paragraph: usize) -> bool {
        self.recurrence(article, paragraph).is_some()
    }

    /// True when the paragraph recurs in at least three other stories or in the same outlet: the
    /// stricter test for text that the source also carries, or for articles without a source.
    pub fn is_widely_recurring(&self, article: ArticleId, paragraph: usize) -> bool {
        self.recurrence(article, paragraph)
            .is_some_and(|(g, outlet)| g >= 3 || outlet)
    }

    /// How a paragraph recurs: (number of other stories, whether in the same outlet).
    pub fn recurrence(&self, article: ArticleId, paragraph: usize) -> Option<(usize, bool)> {
        self.recurring
            .get(&article)
            .and_then(|m| m.get(&paragraph))
            .copied()
    }

    /// Share (0..=1) of a paragraph's words that occur in at least three recurring furniture
    /// paragraphs (a looser test, meant for paragraphs that are not prose).
    pub fn loose_meta_share(&self, text: &str) -> f64 {
        let w = masked_words(text);
        if w.is_empty() {
            return 0.0;
        }
        w.iter()
            .filter(|x| self.loose_vocabulary.contains(x.as_ref()))
            .count() as f64
            / w.len() as f64
    }

    /// True when a paragraph that is not prose opens with words that open non-prose paragraphs of
    /// at least three stories ("Related stories …", "Read more …").
    pub fn has_furniture_opener(&self, text: &str) -> bool {
        if ends_sentence(text) {
            return false;
        }
        let w = masked_words(text);
        w.len() >= 4 && self.openers.contains(&(w[0].to_string(), w[1].to_string()))
    }

    /// Share (0..=1) of a paragraph's words that belong to the learned meta vocabulary.
    pub fn meta_share(&self, text: &str) -> f64 {
        let w = masked_words(text);
        if w.is_empty() {
            return 0.0;
        }
        w.iter().filter(|x| self.vocabulary.contains(x.as_ref())).count() as f64 / w.len() as f64
    }

    /// True when a paragraph nearly equals a known furniture paragraph (for paragraphs of texts that
    /// were not in the corpus the model was built from).
    pub fn resembles_furniture(&self, text: &str) -> bool {
        let w: BTreeSet<String> = masked_words(text).into_iter().map(|x| x.into_owned()).collect();
        self.furniture.resembles(&w)
    }

    /// True when the model says paragraph number `paragraph` (text `text`) of `article` is
    /// furniture by itself: it recurs across unrelated stories, or it is short and mostly meta
    /// vocabulary ([`META_SHARE`], at most [`META_MAX_WORDS`] words), or, not being prose, it opens
    /// like furniture or is mostly loose meta vocabulary, or it nearly equals a recurring furniture
    /// paragraph. The explanation of a paragraph nothing in the other text matches asks this.
    pub fn says_furniture(&self, article: ArticleId, paragraph: usize, text: &str) -> bool {
        if self.is_recurring(article, paragraph) {
            return true;
        }
        let words = masked_words(text);
        let share = |vocabulary: &BTreeSet<String>| {
            let n = words.iter().filter(|x| vocabulary.contains(x.as_ref())).count();
            n as f64 / words.len().max(1) as f64
        };
        if words.len() <= META_MAX_WORDS && share(&self.vocabulary) >= META_SHARE {
            return true;
        }
        if !ends_sentence(text)
            && ((words.len() >= 4
                && self
                    .openers
                    .contains(&(words[0].to_string(), words[1].to_string())))
                || share(&self.loose_vocabulary) >= META_SHARE)
        {
            return true;
        }
        // the costly test last
        let set: BTreeSet<String> = words.into_iter().map(|x| x.into_owned()).collect();
        self.furniture.resembles(&set)
    }

    /// A digest of every answer this model gives about `article`'s paragraphs when explaining: each
    /// paragraph's recurrence ([`FurnitureModel::recurrence`]) and [`FurnitureModel::says_furniture`].
    /// Explaining a story asks the model nothing else about its members, so two models giving an
    /// article equal digests explain it alike (up to a 64-bit collision): an incremental analysis
    /// re-explains a story only when a member's digest moved.
    ///
    /// # Example
    /// ```
    /// use wiretrace_model::{Article, ArticleId};
    /// use wiretrace_explain::FurnitureModel;
    /// let mut arts = Vec::new();
    /// for (i, body) in ["Storm hits the coast today.", "Bank raises its rates again.", "Team wins the cup final."].iter().enumerate() {
    ///     let mut a = Article::new(format!("a{i}.txt"), format!("{body}\n\nSign up for our free morning newsletter."));
    ///     a.id = ArticleId(i as u32 + 1);
    ///     arts.push(a);
    /// }
    /// let learned = FurnitureModel::build(&arts, &[]);
    /// let alone = FurnitureModel::build(&arts[..1], &[]);
    /// // the newsletter line recurs in the corpus, not in a corpus of one article
    /// assert_ne!(learned.article_digest(&arts[0]), alone.article_digest(&arts[0]));
    /// assert_eq!(learned.article_digest(&arts[0]), learned.clone().article_digest(&arts[0]));
    /// ```
    pub fn article_digest(&self, article: &Article) -> u64 {
        let mut h = Digest::default();
        let text = &article.text;
        for (pi, (s, e)) in paragraphs(text).into_iter().enumerate() {
            match self.recurrence(article.id, pi) {
                Some((groups, outlet)) => h.add(2 + 2 * groups as u64 + u64::from(outlet)),
                None => h.add(u64::from(self.says_furniture(article.id, pi, &text[s..e]))),
            }
        }
        h.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wiretrace_model::StoryId;

    fn art(id: u32, text: &str) -> Article {
        let mut a = Article::new(format!("x/{id}.txt"), text);
        a.id = ArticleId(id);
        a
    }

    /// The filtered look-up answers exactly as comparing the query with every indexed set does.
    #[test]
    fn furniture_lookup_equals_brute_force_jaccard() {
        let vocab: Vec<String> = (0..24).map(|i| format!("w{i}")).collect();
        // a small deterministic generator: sets of 2..12 words drawn unevenly from the vocabulary
        let mut state = 7u64;
        let mut next = |m: usize| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 33) as usize) % m
        };
        let mut draw = |n: usize| -> BTreeSet<String> {
            (0..n).map(|_| vocab[next(24).min(next(24))].clone()).collect()
        };
        let sets: Vec<BTreeSet<String>> = (0..40).map(|i| draw(2 + i % 11)).collect();
        let index = FurnitureIndex::build(sets.iter().map(|s| s.iter().cloned().collect()).collect());
        let jaccard = |a: &BTreeSet<String>, b: &BTreeSet<String>| {
            a.intersection(b).count() as f64 / a.union(b).count() as f64
        };
        let (mut hits, mut misses) = (0, 0);
        for i in 0..400 {
            let mut q = draw(1 + i % 14);
            if i % 5 == 0 {
                q.insert(format!("unknown{i}")); // words no indexed set holds
            }
            let expected = sets.iter().any(|s| jaccard(s, &q) >= 0.5);
            assert_eq!(index.resembles(&q), expected, "query {q:?}");
            if expected {
                hits += 1;
            } else {
                misses += 1;
            }
        }
        assert!(hits > 20 && misses > 20, "{hits} hits, {misses} misses");
    }

    #[test]
    fn recurrence_across_stories_not_within_one() {
        let promo = "Never miss a story: sign up for breaking news alerts.";
        let arts = vec![
            art(1, &format!("Floods close the main bridge.\n\n{promo}")),
            art(2, &format!("Floods close the main bridge again.\n\n{promo}")),
            art(3, "Stocks fall in early trading."),
        ];
        // articles 1 and 2 are one story: their shared line is not recurrence
        let story = Story {
            id: StoryId(1),
            articles: vec![ArticleId(1), ArticleId(2)],
            storyline: None,
            lineage: vec![],
        };
        let m = FurnitureModel::build(&arts, &[story]);
        assert!(!m.is_recurring(ArticleId(1), 1));
        let arts2 = vec![
            arts[0].clone(),
            art(3, &format!("Stocks fall.\n\n{promo}")),
            art(4, &format!("Rain due.\n\n{promo}")),
        ];
        let m = FurnitureModel::build(&arts2, &[]);
        assert!(m.is_recurring(ArticleId(1), 1));
        assert!(m.meta_share("Sign up for alerts") > 0.5);
    }

    #[test]
    fn reader_prompts_score_as_furniture_in_every_language() {
        let story: BTreeSet<String> = ["barrage", "presa", "damm", "baraj", "diga", "barragem"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for (lang, text) in [
            (
                "fr",
                "Vous avez aimé cet article ? Abonnez-vous à notre newsletter.",
            ),
            ("es", "¿Te gustó esta noticia? Suscríbete a nuestro boletín."),
            ("pt", "Gostou desta notícia? Assine a nossa newsletter."),
            (
                "ro",
                "Ți-a plăcut acest articol? Abonați-vă la newsletterul nostru.",
            ),
            (
                "de",
                "Hat Ihnen dieser Artikel gefallen? Abonnieren Sie unseren Newsletter.",
            ),
            (
                "it",
                "Ti è piaciuto questo articolo? Iscriviti alla nostra newsletter.",
            ),
            ("es", "Metodología"),
        ] {
            let d = LangData::new(Some(lang));
            assert!(
                furniture_score(text, &d, &story) >= FURNITURE_SCORE,
                "{lang}: {text}"
            );
        }
        // prose about the story, in the story's words, is not furniture
        let fr = LangData::new(Some("fr"));
        let prose = "Les experts estiment que ce barrage illustre les défis de la gestion de l'eau.";
        assert!(furniture_score(prose, &fr, &story) < FURNITURE_SCORE);
    }

    #[test]
    fn credit_lines_are_never_furniture() {
        let credit = "Copyright 2025 The Wire Agency. All rights reserved.";
        let arts: Vec<_> = (1..=4)
            .map(|i| art(i, &format!("Story number {i} text here.\n\n{credit}")))
            .collect();
        let m = FurnitureModel::build(&arts, &[]);
        assert!(!m.is_recurring(ArticleId(1), 1));
    }
}
