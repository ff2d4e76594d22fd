//! Read-side views: what every front end shows (the CLI, `wiretrace serve`, the static report).
//!
//! Each view is a serde type assembled here from the store, so the front ends only format: no
//! front end reads the store or assembles a story itself. The story list is served from a
//! [`StoryIndex`] built once per store version (see [`Engine::story_index`]).

mod compare;
mod list;
mod outlets;

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use wiretrace_model::{
    Article, ArticleId, Change, ChangeKind, CharSpan, CreditStatus, Export, Pair, Story, StoryId,
};
use wiretrace_store::ArticleMeta;

pub use compare::{word_diff, AlignedPassage, Piece};
pub use list::{
    valid_date_filter, FacetValue, Facets, SearchResult, StoryIndex, StoryPage, StoryQuery, StoryRow,
    StorySort, DEFAULT_PER_PAGE, FACET_LIMIT, LEAD_CHARS, MAX_PER_PAGE, SEARCH_ARTICLE_LIMIT,
};
pub use outlets::{outlet_report, OutletReport, OutletRow, NO_OUTLET};

use crate::{Engine, Error, Result};

/// The change kinds in the order reports show them: quotes first, boilerplate last.
pub const CHANGE_ORDER: [ChangeKind; 6] = [
    ChangeKind::QuoteAltered,
    ChangeKind::NumberChanged,
    ChangeKind::NameVariant,
    ChangeKind::Added,
    ChangeKind::Dropped,
    ChangeKind::Boilerplate,
];

/// An article named in a view: its id and what a reader needs to recognise it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleRef {
    /// Id (`a17`).
    pub id: ArticleId,
    /// Input path.
    pub path: String,
    /// Headline.
    pub title: Option<String>,
    /// Publisher.
    pub outlet: Option<String>,
    /// Publication time (ISO 8601 UTC).
    pub published: Option<String>,
    /// Language.
    pub language: Option<String>,
}

impl From<ArticleMeta> for ArticleRef {
    fn from(m: ArticleMeta) -> Self {
        ArticleRef {
            id: m.id,
            path: m.path,
            title: m.title,
            outlet: m.outlet,
            published: m.published.as_ref().map(Export::format_time),
            language: m.language,
        }
    }
}

impl From<&Article> for ArticleRef {
    fn from(a: &Article) -> Self {
        ArticleRef {
            id: a.id,
            path: a.path.clone(),
            title: a.title.clone(),
            outlet: a.outlet.clone(),
            published: a.published.as_ref().map(Export::format_time),
            language: a.language.clone(),
        }
    }
}

/// Whether a copy names where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Credit {
    /// An origin: nothing to credit.
    Origin,
    /// The copy credits its source's outlet, or the agency the source is or credits.
    Credited,
    /// The copy names neither, and its source carried no credit line either.
    Uncredited,
    /// The source carried a credit line (an agency, an outlet) that the copy dropped.
    CreditRemoved,
}

/// One member of a story with its lineage edge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// The article.
    pub article: ArticleRef,
    /// Its most likely source in the story.
    pub source: Option<ArticleId>,
    /// Confidence 0..=1 of that choice.
    pub confidence: f32,
    /// Why.
    pub reason: String,
    /// Similarity of the article and its source, when they share text.
    pub similarity: Option<f32>,
    /// The shared-text figure `diff`, `explain` and `story` print: the share of the article's text in
    /// the passages aligned with its source, and the share of the source's, when they share text.
    pub coverage: Option<(f32, f32)>,
    /// Whether the article credits its source.
    pub credit: Credit,
    /// Number of changes against the source.
    pub changes: usize,
}

/// One wording of a quotation and the versions carrying it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteWording {
    /// The wording.
    pub text: String,
    /// The versions with this wording.
    pub articles: Vec<ArticleId>,
    /// Where it sits in each of those versions.
    pub spans: Vec<CharSpan>,
}

/// A quotation of a story and its wordings, the most widespread first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteView {
    /// Who says it.
    pub speaker: Option<String>,
    /// Its wordings.
    pub variants: Vec<QuoteWording>,
}

impl QuoteView {
    /// True when the versions word it differently.
    pub fn is_altered(&self) -> bool {
        self.variants.len() > 1
    }
}

/// The changes of one kind across a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeGroup {
    /// The kind.
    pub kind: ChangeKind,
    /// Its changes, by article.
    pub changes: Vec<Change>,
}

/// One story: its row, members with lineage, quotes, changes by kind and its storyline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryView {
    /// The list row.
    pub story: StoryRow,
    /// Members, by id.
    pub members: Vec<Member>,
    /// Quotations and their wordings.
    pub quotes: Vec<QuoteView>,
    /// Changes by kind, in [`CHANGE_ORDER`].
    pub changes: Vec<ChangeGroup>,
    /// The other stories of its storyline.
    pub storyline: Vec<StoryRow>,
}

/// A passage of an article that another article shares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedPassage {
    /// Where it sits in this article.
    pub span: CharSpan,
    /// The other article.
    pub other: ArticleId,
    /// Where it sits in the other article.
    pub other_span: CharSpan,
    /// Share of identical words.
    pub identity: f32,
    /// True when the other article is this one's lineage source.
    pub from_source: bool,
}

/// One article: metadata, text, where it sits in its story, shared passages and changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleView {
    /// Metadata.
    pub article: ArticleRef,
    /// Author.
    pub author: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Words.
    pub words: usize,
    /// The extracted text every span points into.
    pub text: String,
    /// Its story.
    pub story: Option<StoryId>,
    /// Its lineage source.
    pub source: Option<ArticleRef>,
    /// Confidence of that source.
    pub confidence: Option<f32>,
    /// Why that source.
    pub reason: Option<String>,
    /// Articles with identical text.
    pub identical: Vec<ArticleId>,
    /// Passages shared with other articles (source first, then by position).
    pub passages: Vec<SharedPassage>,
    /// The others' metadata, for the passages' links.
    pub others: Vec<ArticleRef>,
    /// Its changes against its source.
    pub changes: Vec<Change>,
}

/// Two articles side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The first article.
    pub a: ArticleRef,
    /// The second article.
    pub b: ArticleRef,
    /// Their pair scores (oriented: `a` is the first article), when they share text.
    pub pair: Option<Pair>,
    /// Set when the two are in different languages and no text is shared: passages are then
    /// paragraphs paired by position, with figures and names compared.
    pub translation: Option<(String, String)>,
    /// Aligned passages with word differences.
    pub passages: Vec<AlignedPassage>,
}

/// What an article changed against its source (or a chosen article).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExplainView {
    /// The article.
    pub article: ArticleRef,
    /// What it is compared with.
    pub source: Option<ArticleRef>,
    /// Share of the source's text kept.
    pub kept: Option<f64>,
    /// The source's language when the article translates it.
    pub translated_from: Option<String>,
    /// The changes.
    pub changes: Vec<Change>,
    /// Drift this article carries from an ancestor further up its lineage (each change's
    /// `article` is where the wording first appeared); empty with `--against`.
    #[serde(default)]
    pub inherited: Vec<Change>,
}

/// A story's quotations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuotesView {
    /// The story.
    pub story: StoryId,
    /// Members.
    pub size: usize,
    /// Quotations.
    pub quotes: Vec<QuoteView>,
}

fn not_found(what: &str) -> Error {
    Error::NotFound(what.to_string())
}

/// Decides whether `article` credits `source`: it names the source's outlet as its source, or
/// credits an agency that the source's outlet is or that the source itself credits.
fn credit_of(article: &Article, source: &Article) -> Credit {
    match wiretrace_stories::credit::credit_status(article, source) {
        CreditStatus::Credited => Credit::Credited,
        CreditStatus::Uncredited => Credit::Uncredited,
        CreditStatus::CreditRemoved => Credit::CreditRemoved,
    }
}

fn quote_views(groups: Vec<wiretrace_explain::QuoteGroup>) -> Vec<QuoteView> {
    groups
        .into_iter()
        .map(|g| QuoteView {
            speaker: g.speaker,
            variants: g
                .variants
                .into_iter()
                .map(|v| QuoteWording {
                    text: v.text,
                    articles: v.articles,
                    spans: v.spans,
                })
                .collect(),
        })
        .collect()
}

/// Orients a stored pair (`a < b`) so that `first` is its `a` side.
fn orient(mut p: Pair, first: ArticleId) -> Pair {
    if p.a != first {
        std::mem::swap(&mut p.a, &mut p.b);
        std::mem::swap(&mut p.containment_a_in_b, &mut p.containment_b_in_a);
        std::mem::swap(&mut p.coverage_a, &mut p.coverage_b);
        for ps in &mut p.passages {
            std::mem::swap(&mut ps.a, &mut ps.b);
        }
    }
    p
}

impl Engine {
    /// Returns the story list index, rebuilt when the store changed since it was last built.
    ///
    /// # Errors
    /// On store failures.
    pub fn story_index(&self) -> Result<Arc<StoryIndex>> {
        let version = self.store.data_version()?;
        let mut cache = self.index.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(ix) = cache.as_ref().filter(|ix| ix.version == version) {
            return Ok(Arc::clone(ix));
        }
        let ix = Arc::new(StoryIndex::build(
            version,
            self.store.article_metas(list::LEAD_CHARS)?,
            &self.store.stories()?,
        ));
        *cache = Some(Arc::clone(&ix));
        Ok(ix)
    }

    /// Forgets the cached story index (after this engine wrote to the store).
    pub(crate) fn invalidate_views(&self) {
        *self.index.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }

    /// Answers a story list query.
    pub fn story_list(&self, q: &StoryQuery) -> Result<StoryPage> {
        Ok(self.story_index()?.query(q))
    }

    /// Finds a story by id (`s17`, `17`) or by any of its articles (id or path).
    ///
    /// # Errors
    /// [`Error::NotFound`] when nothing matches or the article is in no story yet.
    pub fn resolve_story(&self, spec: &str) -> Result<Story> {
        if !spec.starts_with('a') {
            if let Ok(id) = spec.parse::<StoryId>() {
                if let Some(s) = self.store.story(id)? {
                    return Ok(s);
                }
            }
        }
        if spec.starts_with('l') {
            // A storyline id names several stories: say which.
            let in_line: Vec<String> = self
                .store
                .stories()?
                .iter()
                .filter(|s| s.storyline.as_deref() == Some(spec))
                .map(|s| s.id.to_string())
                .collect();
            if let Some(first) = in_line.first() {
                return Err(not_found(&format!(
                    "{spec} is a storyline of {} stories ({}): show one with `wiretrace story {first}`",
                    in_line.len(),
                    in_line.join(", ")
                )));
            }
        }
        let article = self
            .resolve(spec)
            .map_err(|_| not_found(&format!("no story {spec:?}")))?;
        self.story_of(article.id)?.ok_or_else(|| {
            not_found(&format!(
                "article {} is not in a story yet (run `wiretrace analyze`)",
                article.id
            ))
        })
    }

    fn members_of(&self, story: &Story) -> Result<Vec<Article>> {
        let mut out = Vec::with_capacity(story.articles.len());
        for id in &story.articles {
            if let Some(a) = self.store.article(*id)? {
                out.push(a);
            }
        }
        Ok(out)
    }

    /// One story: members with lineage, similarity and credit, quotes, changes by kind, storyline.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown story.
    pub fn story_view(&self, spec: &str) -> Result<StoryView> {
        let story = self.resolve_story(spec)?;
        let members = self.members_of(&story)?;
        let by_id: BTreeMap<ArticleId, &Article> = members.iter().map(|a| (a.id, a)).collect();
        let metas: Vec<ArticleMeta> = members.iter().map(meta_of).collect();
        let meta_refs: Vec<&ArticleMeta> = metas.iter().collect();
        let row = list::story_row(&story, &meta_refs);
        let mut changes: Vec<Change> = Vec::new();
        for a in &members {
            changes.extend(self.store.changes_of(a.id)?);
        }
        let mut out_members = Vec::with_capacity(story.lineage.len());
        for e in &story.lineage {
            let Some(a) = by_id.get(&e.article) else { continue };
            let src = e.source.and_then(|s| by_id.get(&s).copied());
            let pair = match e.source {
                Some(s) => self.store.pair(s, e.article)?,
                None => None,
            };
            let similarity = pair.as_ref().map(|p| p.similarity);
            let coverage = pair.as_ref().map(|p| {
                if p.a == e.article {
                    (p.coverage_a, p.coverage_b)
                } else {
                    (p.coverage_b, p.coverage_a)
                }
            });
            out_members.push(Member {
                article: ArticleRef::from(*a),
                source: e.source,
                confidence: e.confidence,
                reason: e.reason.clone(),
                similarity,
                coverage,
                credit: src.map_or(Credit::Origin, |s| credit_of(a, s)),
                changes: changes.iter().filter(|c| c.article == a.id).count(),
            });
        }
        let refs: Vec<&Article> = members.iter().collect();
        let quotes = quote_views(wiretrace_explain::story_quotes(&self.cfg.explain, &refs));
        let groups = CHANGE_ORDER
            .iter()
            .map(|k| ChangeGroup {
                kind: *k,
                changes: changes.iter().filter(|c| c.kind == *k).cloned().collect(),
            })
            .filter(|g| !g.changes.is_empty())
            .collect();
        let storyline = match &story.storyline {
            Some(l) => self.story_index()?.storyline(l, story.id),
            None => Vec::new(),
        };
        Ok(StoryView {
            story: row,
            members: out_members,
            quotes,
            changes: groups,
            storyline,
        })
    }

    /// One article: text, metadata, lineage, passages shared with others, changes.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown article.
    pub fn article_view(&self, spec: &str) -> Result<ArticleView> {
        let a = self.resolve(spec)?;
        let story = self.story_of(a.id)?;
        let edge = story
            .as_ref()
            .and_then(|s| s.lineage.iter().find(|e| e.article == a.id).cloned());
        let source_id = edge.as_ref().and_then(|e| e.source);
        let source = match source_id {
            Some(s) => self.store.article(s)?,
            None => None,
        };
        let mut passages = Vec::new();
        let mut others = Vec::new();
        for p in self.store.pairs_of(a.id)? {
            let p = orient(p, a.id);
            if let Some(o) = self.store.article(p.b)? {
                others.push(ArticleRef::from(&o));
            }
            for ps in &p.passages {
                passages.push(SharedPassage {
                    span: ps.a,
                    other: p.b,
                    other_span: ps.b,
                    identity: ps.identity,
                    from_source: Some(p.b) == source_id,
                });
            }
        }
        passages.sort_by_key(|p| (!p.from_source, p.span.start, p.span.end, p.other));
        Ok(ArticleView {
            article: ArticleRef::from(&a),
            author: a.author.clone(),
            url: a.url.clone(),
            words: a.words(),
            story: story.map(|s| s.id),
            source: source.as_ref().map(ArticleRef::from),
            confidence: edge.as_ref().map(|e| e.confidence),
            reason: edge.map(|e| e.reason),
            identical: self.store.identical_to(a.id)?,
            passages,
            others,
            changes: self.store.changes_of(a.id)?,
            text: a.text,
        })
    }

    /// Compares two articles: their aligned passages with word differences, or for a translation
    /// (one story, different languages, no shared text) their paragraphs paired with figures and
    /// names compared.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown article.
    pub fn compare(&self, a: &Article, b: &Article) -> Result<Comparison> {
        let pair = self.diff(a, b)?.map(|p| orient(p, a.id));
        // Two languages are a translation only when the analysis put them in one story: two
        // unrelated articles in different languages are just unrelated.
        let same_story = match self.store.story_of(a.id)? {
            Some(s) => self.store.story_of(b.id)? == Some(s),
            None => false,
        };
        let languages = match (&a.language, &b.language) {
            (Some(x), Some(y)) if x != y && same_story => Some((x.clone(), y.clone())),
            _ => None,
        };
        let shares_text = pair.as_ref().is_some_and(|p| !p.passages.is_empty());
        let (translation, passages) = if shares_text {
            let passages = pair
                .iter()
                .flat_map(|p| &p.passages)
                .map(|ps| {
                    let (ta, tb) = (ps.a.slice(&a.text), ps.b.slice(&b.text));
                    let (l, r) = word_diff(ta, tb);
                    AlignedPassage {
                        a: ps.a,
                        b: ps.b,
                        identity: Some(ps.identity),
                        a_text: ta.to_string(),
                        b_text: tb.to_string(),
                        a_pieces: l,
                        b_pieces: r,
                    }
                })
                .collect();
            (None, passages)
        } else if languages.is_some() {
            (languages, compare::translation_passages(a, b))
        } else {
            (None, Vec::new())
        };
        Ok(Comparison {
            a: ArticleRef::from(a),
            b: ArticleRef::from(b),
            pair,
            translation,
            passages,
        })
    }

    /// Compares two stored articles named by id or path.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown article.
    pub fn compare_specs(&self, a: &str, b: &str) -> Result<Comparison> {
        let a = self.resolve(a)?;
        let b = self.resolve(b)?;
        self.compare(&a, &b)
    }

    /// What an article changed against its lineage source, or against `against` when given.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown article.
    pub fn explain_view(&self, article: &str, against: Option<&str>) -> Result<ExplainView> {
        let article = self.resolve(article)?;
        let source = match against {
            Some(s) => Some(self.resolve(s)?),
            None => match self.source_of(article.id)? {
                Some(id) => self.store.article(id)?,
                None => None,
            },
        };
        let changes = self.explain(&article, if against.is_some() { source.as_ref() } else { None })?;
        let kept = source.as_ref().map(|s| self.kept_share(s, &changes));
        let summary = wiretrace_explain::summarize(&article, source.as_ref(), &changes);
        Ok(ExplainView {
            article: ArticleRef::from(&article),
            source: source.as_ref().map(ArticleRef::from),
            kept,
            translated_from: summary.translated_from,
            changes,
            inherited: match against {
                Some(_) => Vec::new(),
                None => self.inherited_drift(article.id)?,
            },
        })
    }

    /// A story's quotations with their wordings across the versions.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown story.
    pub fn quotes_view(&self, spec: &str) -> Result<QuotesView> {
        let story = self.resolve_story(spec)?;
        Ok(QuotesView {
            story: story.id,
            size: story.articles.len(),
            quotes: quote_views(self.quotes(&story)?),
        })
    }

    /// Searches stories and articles by title and outlet words, with the list's filters.
    pub fn search(&self, q: &StoryQuery) -> Result<SearchResult> {
        Ok(self.story_index()?.search(q))
    }
}

fn meta_of(a: &Article) -> ArticleMeta {
    ArticleMeta {
        id: a.id,
        path: a.path.clone(),
        title: a.title.clone(),
        outlet: a.outlet.clone(),
        published: a.published,
        language: a.language.clone(),
        lead: a.text.chars().take(list::LEAD_CHARS).collect(),
    }
}
