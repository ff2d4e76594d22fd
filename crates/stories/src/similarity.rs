//! Story similarity of any two articles: the score clustering uses, with its evidence.
//!
//! The score is the weight of the edge between two articles in the story graph: the larger of reuse
//! evidence (the share of the smaller text found in the other) and content evidence (the cosine of
//! their story anchors, times the time factor). Anchor weights use the document frequencies of the
//! articles the [`Similarity`] index was built over, so scores are relative to that corpus: a name
//! every article carries is no evidence.

use std::collections::BTreeMap;

use wiretrace_model::{Article, ArticleId};

use crate::cluster::{edge, time_factor, Corpus};
use crate::{sorted_articles, Config, Embeddings};

/// An index over a set of articles that scores the story similarity of any two of them.
///
/// # Example
/// ```
/// use wiretrace_model::{Article, ArticleId};
/// use wiretrace_stories::{Config, Similarity};
/// let mut a = Article::new("a.txt", "Hurricane Odile made landfall near Puerto Lindo on Tuesday with winds of 215 km/h.");
/// a.id = ArticleId(1);
/// let mut b = Article::new("b.txt", "El huracán Odile tocó tierra cerca de Puerto Lindo el martes con vientos de 215 km/h.");
/// b.id = ArticleId(2);
/// let mut c = Article::new("c.txt", "The central bank left interest rates unchanged at its quarterly meeting.");
/// c.id = ArticleId(3);
/// let articles = [a, b, c];
/// let index = Similarity::new(&Config::default(), &articles);
/// let same = index.score(ArticleId(1), ArticleId(2)).unwrap();
/// let other = index.score(ArticleId(1), ArticleId(3)).unwrap();
/// assert!(same.story_similarity > other.story_similarity);
/// ```
pub struct Similarity<'a> {
    cfg: Config,
    articles: Vec<&'a Article>,
    corpus: Corpus,
    pos: BTreeMap<ArticleId, usize>,
}

/// The story similarity of two articles and what it rests on.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Score {
    /// The score clustering uses, 0..=1: the larger of `reuse` and `content`, or 0 when
    /// `weekdays_differ` or `written_before_event`.
    pub story_similarity: f32,
    /// The two leads name different weekdays (and the pair is no copy): evidence of two events,
    /// which sets `story_similarity` to 0 and weighs against a merge in clustering.
    pub weekdays_differ: bool,
    /// One article was published a day or more before the event the other's lead dates by its
    /// weekday (and the pair is no copy): it cannot report that event. Sets `story_similarity` to
    /// 0 and weighs against a merge, as `weekdays_differ` does.
    pub written_before_event: bool,
    /// Reuse evidence: the share of the smaller text's word 3-grams found in the other, 0..=1.
    pub reuse: f32,
    /// Content evidence: the anchor cosine times `time_factor`, on the reuse scale (see
    /// `Config::anchor_cosine_at_link`), blended with the encoder's evidence when both articles
    /// have encoder vectors (see `Config::encoder_weight`), 0..=1.
    pub content: f32,
    /// The anchor cosine before the time factor.
    pub anchor_cosine: f32,
    /// The cosine of the two articles' encoder vectors (title and lead), when both have one; it
    /// enters `content` through `Config::encoder_weight`.
    pub encoder_cosine: Option<f32>,
    /// The anchor cosine without what rests on one paragraph of either text (see
    /// `Config::spread_min_paragraphs`); content evidence uses it instead of `anchor_cosine` when it
    /// is below `Config::spread_min_share` of it.
    pub spread_cosine: f32,
    /// The anchor cosine within names alone, figures and dates alone, and terms alone (each over
    /// its own norms): names link a storyline, figures and dates tell its events apart.
    pub kind_cosines: KindCosines,
    /// The time factor (1 within the event window, falling to 0 at its edge; fixed when a date is
    /// missing).
    pub time_factor: f32,
    /// Days between the two publication dates, when both are known.
    pub days_apart: Option<f32>,
    /// The two languages, when known.
    pub languages: (Option<String>, Option<String>),
    /// Shared anchors by kind ("name", "figure", "date", "term"), as each article writes them
    /// (`"Selenskyj / Zelensky"`), the rarest in the corpus first, at most [`MAX_EVIDENCE`] per kind.
    pub shared: BTreeMap<String, Vec<String>>,
}

/// Anchor cosines by kind group.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct KindCosines {
    /// Names and capitalised spans.
    pub names: f32,
    /// Figures and dates.
    pub facts: f32,
    /// Word stems (compared within one language only by the score).
    pub terms: f32,
}

/// At most this many shared anchors of each kind are listed as evidence.
pub const MAX_EVIDENCE: usize = 12;

impl<'a> Similarity<'a> {
    /// Indexes `articles` (their anchors and document frequencies). Ids must be distinct.
    pub fn new(cfg: &Config, articles: &'a [Article]) -> Self {
        Self::with_embeddings(cfg, articles, &Embeddings::new())
    }

    /// [`Similarity::new`] with encoder vectors as further content evidence, as
    /// [`crate::build_stories_with`] weighs them.
    pub fn with_embeddings(cfg: &Config, articles: &'a [Article], embeddings: &Embeddings) -> Self {
        let arts = sorted_articles(articles);
        let mut corpus = Corpus::extract(cfg, &arts, &|_| None);
        corpus.set_embeddings(&arts, embeddings);
        let pos = arts.iter().enumerate().map(|(i, a)| (a.id, i)).collect();
        Similarity {
            cfg: cfg.clone(),
            articles: arts,
            corpus,
            pos,
        }
    }

    /// The story similarity of two indexed articles; `None` when either id is unknown.
    pub fn score(&self, a: ArticleId, b: ArticleId) -> Option<Score> {
        let (&i, &j) = (self.pos.get(&a)?, self.pos.get(&b)?);
        let e = edge(&self.cfg, &self.corpus, i, j, 0.0);
        let (x, y) = (self.articles[i], self.articles[j]);
        let days_apart = match (x.published, y.published) {
            (Some(p), Some(q)) => Some((p - q).num_seconds().unsigned_abs() as f32 / 86_400.0),
            _ => None,
        };
        Some(Score {
            story_similarity: e.weight(&self.cfg).max(0.0),
            weekdays_differ: e.weekdays_differ,
            written_before_event: e.written_before_event,
            reuse: e.reuse,
            content: e.content,
            anchor_cosine: self.corpus.anchor_cosine(i, j),
            encoder_cosine: self.corpus.encoder_cosine(i, j),
            spread_cosine: self
                .corpus
                .spread_cosine(
                    i,
                    j,
                    self.cfg.spread_min_paragraphs,
                    self.cfg.spread_max_paragraph_share,
                )
                .spread,
            kind_cosines: {
                let [names, facts, terms] = self.corpus.group_cosines(i, j);
                KindCosines { names, facts, terms }
            },
            time_factor: time_factor(&self.cfg, self.corpus.time(i), self.corpus.time(j)),
            days_apart,
            languages: (x.language.clone(), y.language.clone()),
            shared: crate::anchors::shared(x, y, MAX_EVIDENCE),
        })
    }
}
