//! Stage 8 (*explain*): an article, its source and the other versions of the story in, typed
//! [`Change`]s out: altered quotations, changed figures, names spelt differently, added material
//! (merged from another version, or unsupported padding), dropped material and page furniture.
//!
//! # Brief overview
//! - [`explain_corpus`]: every story member against its lineage source, plus furniture in every
//!   article, sorted by (article, span, kind).
//! - [`explain_pair`]: one article against one source.
//! - [`quotes()`]: the quotations of a text with their speakers; [`story_quotes`]: each quotation of
//!   a story with its wordings across versions (`wiretrace quotes STORY`).
//! - [`summarize`] / [`kept_share`]: how much of the source an article kept and its changes by kind
//!   (`wiretrace explain` reports).
//!
//! - [`inherit::mark_inherited`] (run by [`explain_corpus`]): each altered quote, figure or name
//!   lists the copies further down the lineage that still carry it (`Change::carried_by`).
//!
//! Modules: [`segment`] (paragraphs, sentences), [`diff`] (token and sentence alignment),
//! [`quotes`](mod@quotes), [`numbers`] (figures and units), [`names`] (name variants),
//! [`boilerplate`] (furniture, by recurrence, shape and content), [`lang`] (per-language tables),
//! `translate` (versions in another language than their source: compared by figures, names and
//! paragraph order only; see [`Summary::translated_from`]). The library is pure: no I/O,
//! no printing, deterministic output.
//!
//! # Example
//! ```
//! use wiretrace_model::{Article, ArticleId, ChangeKind};
//! use wiretrace_explain::{explain_pair, Config};
//! let mut src = Article::new("wire.txt", "The deal is worth £1.5bn, the company said.\n\n\"We are delighted,\" said Ana Lima.");
//! src.id = ArticleId(1);
//! let mut copy = Article::new("copy.txt", "The deal is worth £1.7bn, the company said.\n\n\"We are very delighted,\" said Ana Lima.");
//! copy.id = ArticleId(2);
//! let changes = explain_pair(&Config::default(), &copy, &src, None, &[]);
//! let kinds: Vec<_> = changes.iter().map(|c| c.kind).collect();
//! assert_eq!(kinds, [ChangeKind::NumberChanged, ChangeKind::QuoteAltered]);
//! assert_eq!(changes[0].before.as_deref(), Some("£1.5bn"));
//! assert_eq!(changes[0].after.as_deref(), Some("£1.7bn"));
//! ```
#![deny(missing_docs)]

pub mod boilerplate;
mod changes;
pub mod diff;
mod furniture_state;
pub mod inherit;
pub mod lang;
pub mod names;
pub mod numbers;
pub mod quotes;
pub mod segment;
mod translate;

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use wiretrace_model::{Article, ArticleId, Change, ChangeKind, CharSpan, Pair, Story};

pub use boilerplate::FurnitureModel;
pub use furniture_state::{FurnitureDelta, Previous, Standing};

use boilerplate::{is_furniture_by_content, is_label_line};

/// A word of an article without a source counts as the story's when it occurs in at least this
/// many of its paragraphs (see `origin_story_words`): news repeats its names and terms, a
/// furniture line does not.
const ORIGIN_RECURRING_PARAGRAPHS: usize = 2;
pub use quotes::{quotes, Quote};

/// Explain settings.
#[derive(Debug, Clone, Default)]
pub struct Config {}

/// Returns the changes of every story member against its lineage source, plus boilerplate found
/// anywhere, sorted by (article, span, kind).
///
/// Furniture is recognised with a [`FurnitureModel`] learned from all `articles` (recurrence across
/// unrelated stories); `pairs` are not needed (sentences are aligned here). Added material counts as
/// supported elsewhere only when a version that does not descend from the article carries it.
///
/// # Example
/// ```
/// use wiretrace_model::{Article, ArticleId, LineageEdge, Story, StoryId, ChangeKind};
/// use wiretrace_explain::{explain_corpus, Config};
/// let mut a = Article::new("a.txt", "Rain fell all day in the capital.\n\nRoads were closed by police.");
/// a.id = ArticleId(1);
/// let mut b = Article::new("b.txt", "Rain fell all day in the capital.");
/// b.id = ArticleId(2);
/// let story = Story { id: StoryId(1), articles: vec![ArticleId(1), ArticleId(2)], storyline: None,
///     lineage: vec![LineageEdge { credit: None, article: ArticleId(2), source: Some(ArticleId(1)), confidence: 0.9, reason: String::new() }] };
/// let ch = explain_corpus(&Config::default(), &[a, b], &[], &[story]);
/// assert_eq!(ch.len(), 1);
/// assert_eq!(ch[0].kind, ChangeKind::Dropped);
/// assert_eq!(ch[0].before.as_deref(), Some("Roads were closed by police."));
/// ```
pub fn explain_corpus(cfg: &Config, articles: &[Article], _pairs: &[Pair], stories: &[Story]) -> Vec<Change> {
    let model = FurnitureModel::build(articles, stories);
    explain_corpus_with(cfg, articles, stories, &model)
}

/// [`explain_corpus`] with a [`FurnitureModel`] already built (an engine times and reuses it).
///
/// Each story's versions are prepared (segmented, tokenised, hashed) once for all its pairs, and
/// stories are explained in parallel.
///
/// # Example
/// ```
/// use wiretrace_model::Article;
/// use wiretrace_explain::{explain_corpus_with, Config, FurnitureModel};
/// let a = Article::new("a.txt", "Rain fell all day in the capital.");
/// let model = FurnitureModel::build(std::slice::from_ref(&a), &[]);
/// assert!(explain_corpus_with(&Config::default(), &[a], &[], &model).is_empty());
/// ```
pub fn explain_corpus_with(
    cfg: &Config,
    articles: &[Article],
    stories: &[Story],
    model: &FurnitureModel,
) -> Vec<Change> {
    let refs: Vec<&Article> = articles.iter().collect();
    explain_stories_with(cfg, &refs, stories, model)
}

/// [`explain_corpus_with`] over articles held elsewhere: an incremental analysis explains some
/// stories (`articles`: at least their members) with the model of the whole corpus, without
/// copying their texts. Articles of none of `stories` get their furniture changes only.
pub fn explain_stories_with(
    cfg: &Config,
    articles: &[&Article],
    stories: &[Story],
    model: &FurnitureModel,
) -> Vec<Change> {
    let by_id: BTreeMap<ArticleId, &Article> = articles.iter().map(|a| (a.id, *a)).collect();
    let mut stories_sorted: Vec<&Story> = stories.iter().collect();
    stories_sorted.sort_by_key(|s| s.id);
    // an article belongs to one story; a malformed input listing it twice is explained once
    let mut claimed: std::collections::BTreeSet<ArticleId> = std::collections::BTreeSet::new();
    let mut story_jobs: Vec<StoryJob> = Vec::new();
    for story in stories_sorted {
        let members: Vec<&Article> = story
            .articles
            .iter()
            .filter_map(|id| by_id.get(id).copied())
            .filter(|a| claimed.insert(a.id))
            .collect();
        if members.is_empty() {
            continue;
        }
        let mut edges = story.lineage.clone();
        edges.sort_by_key(|e| e.article);
        edges.dedup_by_key(|e| e.article);
        let mut children: BTreeMap<ArticleId, Vec<ArticleId>> = BTreeMap::new();
        for e in &edges {
            if let Some(src) = e.source {
                children.entry(src).or_default().push(e.article);
            }
        }
        // positions by id, not a scan per lineage edge (quadratic in a story of thousands)
        let positions: BTreeMap<ArticleId, usize> =
            members.iter().enumerate().map(|(k, m)| (m.id, k)).collect();
        let position = |id: ArticleId| positions.get(&id).copied();
        let mut pairs = Vec::new();
        for e in &edges {
            let (Some(src), Some(art)) = (e.source.and_then(position), position(e.article)) else {
                continue;
            };
            if src == art {
                continue;
            }
            // versions copied from this article carry its additions; they do not support them
            pairs.push((art, src, descendants_of(e.article, &children)));
        }
        story_jobs.push(StoryJob { members, pairs });
    }
    let mut out: Vec<Change> = story_jobs
        .par_iter()
        .flat_map_iter(|job| job.explain(cfg, model))
        .collect();
    // articles of no story: furniture only
    let mut rest: Vec<&Article> = articles
        .iter()
        .copied()
        .filter(|a| !claimed.contains(&a.id))
        .collect();
    rest.sort_by(|x, y| (x.id, &x.path).cmp(&(y.id, &y.path)));
    let per_rest: Vec<Vec<Change>> = rest
        .par_iter()
        .map(|a| furniture_only(a, &changes::Prepared::new(a), model, &[]))
        .collect();
    out.extend(per_rest.into_iter().flatten());
    changes::sort_changes(&mut out);
    out.dedup();
    // which copies of a version carry the quotes, figures and names it altered
    inherit::mark_inherited(&by_id, stories, &mut out);
    out
}

/// One story's work for [`explain_corpus_with`]: its members, and its (copy, source, copy's
/// descendants) pairs as positions in `members`.
struct StoryJob<'a> {
    members: Vec<&'a Article>,
    pairs: Vec<(usize, usize, std::collections::BTreeSet<ArticleId>)>,
}

impl StoryJob<'_> {
    fn explain(&self, cfg: &Config, model: &FurnitureModel) -> Vec<Change> {
        let prepared: Vec<changes::Prepared> = self
            .members
            .par_iter()
            .map(|m| changes::Prepared::new(m))
            .collect();
        let mut out: Vec<Change> = self
            .pairs
            .par_iter()
            .flat_map_iter(|(art, src, descendants)| {
                let others = || -> Vec<(&Article, &changes::Prepared)> {
                    self.members
                        .iter()
                        .copied()
                        .zip(&prepared)
                        .enumerate()
                        .filter(|(k, (m, _))| k != art && k != src && !descendants.contains(&m.id))
                        .map(|(_, x)| x)
                        .collect()
                };
                changes::explain_prepared(
                    cfg,
                    (self.members[*art], &prepared[*art]),
                    (self.members[*src], &prepared[*src]),
                    &others,
                    Some(model),
                )
            })
            .collect();
        // members without a source (origins): furniture only
        let mut has_source = vec![false; self.members.len()];
        for (art, _, _) in &self.pairs {
            has_source[*art] = true;
        }
        for (k, m) in self.members.iter().enumerate() {
            if !has_source[k] {
                let others: Vec<&changes::Prepared> = prepared
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != k)
                    .map(|(_, o)| o)
                    .collect();
                out.extend(furniture_only(m, &prepared[k], model, &others));
            }
        }
        out
    }
}

/// The furniture changes of an article explained against no source.
/// Verdicts of an article with no source (an origin or a singleton): furniture by form and by
/// recurrence across its outlet's articles, and by what a paragraph says, scored against the
/// story's words ([`origin_story_words`]) as a copy's unmatched paragraphs are.
fn furniture_only(
    a: &Article,
    p: &changes::Prepared,
    model: &FurnitureModel,
    others: &[&changes::Prepared],
) -> Vec<Change> {
    let all = vec![true; p.sents.len()];
    let mut paras = changes::furniture_paragraphs_pub(p, &all, Some(model), a.id);
    // built on first use: most origins have no paragraph whose form could make it furniture, and
    // the story's words cost a pass over every other version of the story
    let story_cell: std::cell::OnceCell<std::collections::BTreeSet<String>> = std::cell::OnceCell::new();
    let story = || story_cell.get_or_init(|| origin_story_words(p, others));
    let text_of = |pi: usize| &p.text[p.paras[pi].0..p.paras[pi].1];
    for pi in 0..p.paras.len() {
        if !paras.contains(&pi) && !p.credit[pi] && is_furniture_by_content(text_of(pi), &p.lang, story) {
            paras.insert(pi);
        }
    }
    // Label lines stacked next to a flagged blurb ("Edited by …", "Verified by …") belong to it.
    loop {
        let before = paras.len();
        for pi in 0..p.paras.len() {
            let next_to = (pi > 0 && paras.contains(&(pi - 1))) || paras.contains(&(pi + 1));
            if !paras.contains(&pi) && !p.credit[pi] && next_to && is_label_line(text_of(pi)) {
                let mine = boilerplate::content_words(text_of(pi), &p.lang);
                let story = story();
                if mine.iter().filter(|w| story.contains(*w)).count() * 5 <= mine.len() {
                    paras.insert(pi);
                }
            }
        }
        if paras.len() == before {
            break;
        }
    }
    changes::boilerplate_changes(a, None, p, &paras)
}

/// The story's words as an article without a source sees them: the other versions' content
/// words, and its own that recur in at least [`ORIGIN_RECURRING_PARAGRAPHS`] of its paragraphs.
/// A furniture line (an advertisement marker, an "editorial board" blurb) says what no other
/// paragraph says, while the story's paragraphs repeat its names and terms.
fn origin_story_words(
    p: &changes::Prepared,
    others: &[&changes::Prepared],
) -> std::collections::BTreeSet<String> {
    let mut out: std::collections::BTreeSet<String> = others
        .iter()
        .flat_map(|o| boilerplate::content_words(o.text, &o.lang))
        .collect();
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for &(s, e) in &p.paras {
        for w in boilerplate::content_words(&p.text[s..e], &p.lang) {
            *count.entry(w).or_insert(0) += 1;
        }
    }
    out.extend(
        count
            .into_iter()
            .filter(|(_, n)| *n >= ORIGIN_RECURRING_PARAGRAPHS)
            .map(|(w, _)| w),
    );
    out
}

fn descendants_of(
    id: ArticleId,
    children: &BTreeMap<ArticleId, Vec<ArticleId>>,
) -> std::collections::BTreeSet<ArticleId> {
    let mut out = std::collections::BTreeSet::new();
    let mut stack = vec![id];
    while let Some(x) = stack.pop() {
        for c in children.get(&x).into_iter().flatten() {
            if out.insert(*c) {
                stack.push(*c);
            }
        }
    }
    out
}

/// Returns the changes of `article` against `source` (`pair` is their alignment, if computed; it is
/// not needed). `story` holds the versions of the story (the article and source may be among them),
/// used to tell material merged from another version from unsupported padding.
///
/// Without a corpus, furniture is recognised by its shape only (see [`boilerplate`]); use
/// [`explain_pair_with`] to pass a [`FurnitureModel`].
///
/// # Example
/// ```
/// use wiretrace_model::{Article, ArticleId, ChangeKind};
/// use wiretrace_explain::{explain_pair, Config};
/// let mut src = Article::new("s.txt", "The bridge is 10 miles long. It opened in May.");
/// src.id = ArticleId(1);
/// let mut copy = Article::new("c.txt", "The bridge is 16.1km (10 miles) long. It opened in May.");
/// copy.id = ArticleId(2);
/// // the same length in other units is not a change
/// assert!(explain_pair(&Config::default(), &copy, &src, None, &[]).is_empty());
/// ```
pub fn explain_pair(
    cfg: &Config,
    article: &Article,
    source: &Article,
    _pair: Option<&Pair>,
    story: &[&Article],
) -> Vec<Change> {
    changes::explain(cfg, article, source, story, None)
}

/// [`explain_pair`] with a corpus [`FurnitureModel`] (recurring furniture and meta vocabulary).
///
/// # Example
/// ```
/// use wiretrace_model::{Article, ArticleId, ChangeKind};
/// use wiretrace_explain::{explain_pair_with, Config, FurnitureModel};
/// let promo = "Never miss a story: sign up for breaking news alerts.";
/// let mut arts = Vec::new();
/// for (i, body) in ["Rates rise again as inflation bites.", "The striker scored twice in the derby.",
///                   "Floods close the coastal road overnight."].iter().enumerate() {
///     let mut a = Article::new(format!("{i}.txt"), format!("{body}\n\n{promo}"));
///     a.id = ArticleId(10 + i as u32);
///     arts.push(a);
/// }
/// let mut src = Article::new("s.txt", "Council approves the new harbour plan after a long debate.");
/// src.id = ArticleId(1);
/// let mut copy = Article::new("c.txt", format!("{}\n\n{promo}", src.text));
/// copy.id = ArticleId(2);
/// arts.push(src.clone());
/// arts.push(copy.clone());
/// let model = FurnitureModel::build(&arts, &[]);
/// let ch = explain_pair_with(&Config::default(), &copy, &src, &[], &model);
/// assert_eq!(ch.len(), 1);
/// assert_eq!(ch[0].kind, ChangeKind::Boilerplate);
/// ```
pub fn explain_pair_with(
    cfg: &Config,
    article: &Article,
    source: &Article,
    story: &[&Article],
    furniture: &FurnitureModel,
) -> Vec<Change> {
    changes::explain(cfg, article, source, story, Some(furniture))
}

/// One wording of a quotation and the versions that carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteVariant {
    /// The wording (as in the first version that has it).
    pub text: String,
    /// The versions with this wording, by id.
    pub articles: Vec<ArticleId>,
    /// Where the wording sits in each of those versions (same order as `articles`).
    pub spans: Vec<CharSpan>,
}

/// One quotation of a story across its versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteGroup {
    /// Who says it (the attribution most versions give).
    pub speaker: Option<String>,
    /// The wordings, the most widespread first.
    pub variants: Vec<QuoteVariant>,
}

impl QuoteGroup {
    /// True when the versions word the quotation differently.
    pub fn is_altered(&self) -> bool {
        self.variants.len() > 1
    }
}

/// Returns each quotation of a story with its speaker and its wordings across the versions.
///
/// Quotations of different versions are the same when their words overlap by at least 60%; a group
/// has one variant per distinct wording (folded words). Groups are ordered by first appearance
/// (article id, position).
///
/// # Example
/// ```
/// use wiretrace_model::{Article, ArticleId};
/// use wiretrace_explain::{story_quotes, Config};
/// let mut a = Article::new("a.txt", "\"You have to watch his back,\" said Tom Hale.");
/// a.id = ArticleId(1);
/// let mut b = Article::new("b.txt", "\"You have to watch out for his back,\" said Tom Hale.");
/// b.id = ArticleId(2);
/// let g = story_quotes(&Config::default(), &[&a, &b]);
/// assert_eq!(g.len(), 1);
/// assert_eq!(g[0].speaker.as_deref(), Some("Tom Hale"));
/// assert_eq!(g[0].variants.len(), 2);
/// assert_eq!(g[0].variants[1].articles, vec![ArticleId(2)]);
/// ```
pub fn story_quotes(cfg: &Config, members: &[&Article]) -> Vec<QuoteGroup> {
    story_quotes_with(cfg, members, &[])
}

/// Like [`story_quotes`], also joining the two wordings of every `quote_altered` change in
/// `changes`: a quotation that `explain` matched as one drifted quote is one group in the table too,
/// even when its wordings overlap less than the table's own threshold.
pub fn story_quotes_with(_cfg: &Config, members: &[&Article], changes: &[Change]) -> Vec<QuoteGroup> {
    let mut ms: Vec<&Article> = members.to_vec();
    ms.sort_by_key(|a| (a.id, a.path.clone()));
    ms.dedup_by_key(|a| a.id);
    let mut items: Vec<(ArticleId, Quote, Vec<String>)> = Vec::new();
    for a in &ms {
        for q in quotes(&a.text, a.language.as_deref()) {
            if q.depth == 0 {
                let w = changes::words_of(&q.text);
                if !w.is_empty() {
                    items.push((a.id, q, w));
                }
            }
        }
    }
    // union-find over overlapping quotations
    let n = items.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        let mut y = x;
        while p[y] != r {
            let nx = p[y];
            p[y] = r;
            y = nx;
        }
        r
    }
    let item_at: BTreeMap<(ArticleId, u32, u32), usize> = items
        .iter()
        .enumerate()
        .map(|(i, (id, q, _))| ((*id, q.span.start, q.span.end), i))
        .collect();
    let matched: Vec<(usize, usize)> = changes
        .iter()
        .filter(|c| c.kind == ChangeKind::QuoteAltered)
        .filter_map(|c| {
            let (source, span) = (c.source?, c.source_span?);
            let i = item_at.get(&(c.article, c.span.start, c.span.end))?;
            let j = item_at.get(&(source, span.start, span.end))?;
            Some((*i, *j))
        })
        .collect();
    for i in 0..n {
        for j in i + 1..n {
            let joined = matched.contains(&(i, j)) || matched.contains(&(j, i));
            if items[i].0 != items[j].0 && (joined || diff::overlap(&items[i].2, &items[j].2) >= 0.6) {
                let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                if ri != rj {
                    parent[ri.max(rj)] = ri.min(rj);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out = Vec::new();
    for (_, members) in groups {
        let mut speakers: BTreeMap<String, usize> = BTreeMap::new();
        let mut variants: Vec<(Vec<String>, QuoteVariant)> = Vec::new();
        for &i in &members {
            let (id, q, w) = &items[i];
            if let Some(s) = &q.speaker {
                *speakers.entry(s.clone()).or_insert(0) += 1;
            }
            match variants.iter_mut().find(|(k, _)| k == w) {
                Some((_, v)) => {
                    if !v.articles.contains(id) {
                        v.articles.push(*id);
                        v.spans.push(q.span);
                    }
                }
                None => variants.push((
                    w.clone(),
                    QuoteVariant {
                        text: q.text.clone(),
                        articles: vec![*id],
                        spans: vec![q.span],
                    },
                )),
            }
        }
        let speaker = speakers
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(s, _)| s.clone());
        let mut vs: Vec<QuoteVariant> = variants.into_iter().map(|(_, v)| v).collect();
        vs.sort_by(|a, b| {
            b.articles
                .len()
                .cmp(&a.articles.len())
                .then_with(|| a.articles[0].cmp(&b.articles[0]))
        });
        out.push(QuoteGroup {
            speaker,
            variants: vs,
        });
    }
    out
}

/// How an article relates to its source, for `wiretrace explain` reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The article.
    pub article: ArticleId,
    /// Its source, if any.
    pub source: Option<ArticleId>,
    /// Share (0..=1) of the source's text the article kept (not dropped).
    pub kept: f64,
    /// Number of changes by kind (schema names).
    pub counts: BTreeMap<String, usize>,
    /// Added blocks that no other version carries (padding).
    pub unsupported_added: usize,
    /// Added blocks that another version carries (merged material).
    pub supported_added: usize,
    /// The source's language when the article is a translation of it (the two languages differ),
    /// e.g. `Some("en")` for a Spanish version of an English wire. Its changes then compare only
    /// language-independent content (figures, names, paragraphs) and carry the note
    /// `translation (en → es)`.
    #[serde(default)]
    pub translated_from: Option<String>,
}

/// Returns the share (0..=1) of `source`'s text that was not dropped by `changes` (the changes of
/// one article against that source).
///
/// # Example
/// ```
/// use wiretrace_model::{Article, ArticleId};
/// use wiretrace_explain::{explain_pair, kept_share, Config};
/// let mut s = Article::new("s.txt", "One two three four.\n\nFive six seven eight.");
/// s.id = ArticleId(1);
/// let mut a = Article::new("a.txt", "One two three four.");
/// a.id = ArticleId(2);
/// let ch = explain_pair(&Config::default(), &a, &s, None, &[]);
/// assert!((kept_share(&s, &ch) - 0.5).abs() < 0.05);
/// ```
pub fn kept_share(source: &Article, changes: &[Change]) -> f64 {
    let total = source.text.chars().filter(|c| !c.is_whitespace()).count();
    if total == 0 {
        return 1.0;
    }
    let mut covered = vec![false; source.text.chars().count()];
    for c in changes {
        if c.kind == ChangeKind::Dropped && c.source == Some(source.id) {
            if let Some(sp) = c.source_span {
                for k in sp.start..sp.end.min(covered.len() as u32) {
                    covered[k as usize] = true;
                }
            }
        }
    }
    let dropped = source
        .text
        .chars()
        .zip(&covered)
        .filter(|(ch, cov)| **cov && !ch.is_whitespace())
        .count();
    1.0 - dropped as f64 / total as f64
}

/// Summarises the changes of `article` (against `source`, when it has one).
///
/// # Example
/// ```
/// use wiretrace_model::{Article, ArticleId};
/// use wiretrace_explain::{explain_pair, summarize, Config};
/// let mut s = Article::new("s.txt", "Prices rose 5% in May.");
/// s.id = ArticleId(1);
/// let mut a = Article::new("a.txt", "Prices rose 7% in May.");
/// a.id = ArticleId(2);
/// let ch = explain_pair(&Config::default(), &a, &s, None, &[]);
/// let sum = summarize(&a, Some(&s), &ch);
/// assert_eq!(sum.counts["number_changed"], 1);
/// assert_eq!(sum.kept, 1.0);
/// ```
pub fn summarize(article: &Article, source: Option<&Article>, changes: &[Change]) -> Summary {
    let mine: Vec<&Change> = changes.iter().filter(|c| c.article == article.id).collect();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for c in &mine {
        *counts.entry(c.kind.as_str().to_string()).or_insert(0) += 1;
    }
    let owned: Vec<Change> = mine.iter().map(|c| (*c).clone()).collect();
    Summary {
        article: article.id,
        source: source.map(|s| s.id),
        kept: source.map(|s| kept_share(s, &owned)).unwrap_or(1.0),
        counts,
        unsupported_added: mine
            .iter()
            .filter(|c| c.kind == ChangeKind::Added && c.supported_elsewhere == Some(false))
            .count(),
        supported_added: mine
            .iter()
            .filter(|c| c.kind == ChangeKind::Added && c.supported_elsewhere == Some(true))
            .count(),
        translated_from: source.and_then(|s| {
            let from = s.language.as_deref()?;
            let by_language = article
                .language
                .as_deref()
                .is_some_and(|to| to.get(..2) != from.get(..2));
            let by_note = mine.iter().any(|c| {
                c.source == Some(s.id) && c.note.as_deref().is_some_and(|n| n.starts_with("translation ("))
            });
            (by_language || by_note).then(|| from.to_string())
        }),
    }
}
