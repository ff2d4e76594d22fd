//! Stage 6, *cluster*: articles and reuse pairs in, groups of articles (one per news event) out.
//!
//! Method, in four steps:
//! 1. **Candidates** without all-pairs comparison: the reuse pairs, plus pairs found through inverted
//!    indexes over word 3-gram shingles and over rare content features (names, spans, quotes, figures).
//!    Postings longer than [`Config::max_posting`] are skipped: a feature that common proves nothing.
//!    Each article keeps its [`Config::story_candidates_per_article`] strongest candidates from
//!    each index (a k-nearest-neighbour graph), so the candidates grow linearly with the corpus.
//! 2. **Edge weight** of a candidate pair, the larger of
//!    - *reuse evidence*: the share of the smaller text found in the other (own shingles, or the reuse
//!      stage's containment and coverage, whichever is larger);
//!    - *content evidence*: the IDF-weighted cosine of content features, times a time factor (full
//!      strength within [`Config::event_window_days`], none beyond [`Config::event_max_days`]).
//! 3. **Components** of the graph of edges above [`Config::min_edge`]. Each is clustered on its own,
//!    which is what makes the stage incremental: a new article can only change the component it joins.
//! 4. **Average linkage** inside a component: clusters merge, best pair first, while the mean edge
//!    weight over all member pairs (absent edges count as zero) reaches [`Config::link_threshold`].
//!    Unlike a transitive closure, one article sharing a paragraph with two stories cannot join them.
//!
//! Ties are broken by article ids, and every map that feeds an output is sorted, so the result does not
//! depend on input order.

use std::collections::{BTreeMap, BTreeSet, BinaryHeap};

use wiretrace_model::Pair;
use wiretrace_text::ListTable;

use crate::features::{intersect_count, FastMap, Features, Kind, SPREAD};
use crate::Config;

/// Corpus-wide statistics and features, indexed by position in id order.
///
/// Content features are interned: each distinct feature hash gets a dense `u32` id, with its kind
/// and weight in flat tables; the articles' hash lists are then dropped. Each article's lists live
/// in [`ListTable`]s.
pub(crate) struct Corpus {
    /// Publication time of each article, seconds since the epoch.
    time: Vec<Option<i64>>,
    /// Language code of each article, when known.
    language: Vec<Option<String>>,
    /// The weekdays each article's headline and lead name, as bits.
    lead_weekdays: Vec<u8>,
    /// The day each dated article's lead places its event on (see [`crate::anchors::event_day`]).
    event_day: Vec<Option<i64>>,
    /// Each article's sorted, deduplicated 3-gram hashes.
    shingles: ListTable,
    /// Each article's language-independent feature ids (names, spans, figures), ascending.
    facts: ListTable,
    /// Each article's story-anchor ids (see [`crate::anchors`]), ascending.
    anchors: ListTable,
    /// The damped count (1 + ln count) of each of `anchors`, as `f32` bits, in the same order.
    anchor_tf: ListTable,
    /// The one paragraph each of `anchors` occurs in (0 the headline), or [`SPREAD`], in the same
    /// order.
    anchor_paragraph: ListTable,
    /// Number of text paragraphs of each article.
    paragraphs: Vec<u32>,
    /// The number of 3-grams of each article's longest paragraph.
    largest_paragraph: Vec<u32>,
    /// The kind of each anchor id.
    pub anchor_kind: Vec<Kind>,
    /// Weight of each anchor id: its kind's weight × ln(1 + N / df).
    anchor_w: Vec<f32>,
    /// Euclidean norm of each article's anchor vector.
    anchor_norms: Vec<f32>,
    /// Euclidean norm of each article's language-independent anchors (names, figures, dates).
    fact_norms: Vec<f32>,
    /// Euclidean norm of each article's anchors of each [`KindGroup`], indexed by `KindGroup as usize`.
    group_norms: Vec<[f32; KIND_GROUPS]>,
    /// Each article's encoder vector (unit length), when the caller gave one; empty when none was.
    embeddings: Vec<Option<Box<[f32]>>>,
}

/// The anchor cosines of a pair that content evidence reads (see [`Corpus::spread_cosine`]).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct AnchorCosines {
    /// The whole anchor cosine.
    pub whole: f32,
    /// The cosine without what rests on one paragraph of either text.
    pub spread: f32,
    /// The cosine of figures and dates alone.
    pub facts: f32,
}

/// Chunks of extracted features that may wait for interning while the next is extracted: one
/// keeps both running; more would only hold more wide hashes in memory.
const EXTRACT_CHUNKS_AHEAD: usize = 1;

/// Anchor kinds grouped by what they say about two reports: names say who (shared by a whole
/// storyline), facts (figures and dates) say which event, terms say what happened in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KindGroup {
    /// Names and capitalised spans.
    Names = 0,
    /// Figures and dates.
    Facts = 1,
    /// Word stems, CJK bigrams and quotes.
    Terms = 2,
}

/// Number of [`KindGroup`]s.
pub(crate) const KIND_GROUPS: usize = 3;

impl KindGroup {
    pub(crate) fn of(k: Kind) -> KindGroup {
        match k {
            Kind::Name | Kind::Span => KindGroup::Names,
            Kind::Figure | Kind::Date => KindGroup::Facts,
            Kind::Term => KindGroup::Terms,
        }
    }
}

impl Corpus {
    /// The corpus of features already extracted (tests build it from hand-made features).
    #[cfg(test)]
    pub fn new(cfg: &Config, feats: Vec<Features>) -> Self {
        Self::from_chunks(cfg, std::iter::once(feats))
    }

    /// Extracts every article's evidence and indexes it, a few thousand articles at a time: each
    /// chunk's content hashes are replaced by dense ids while the next chunk is extracted, so the
    /// wide hashes of the whole corpus are never held at once (at most [`EXTRACT_CHUNKS_AHEAD`]
    /// chunks wait), and the serial interning overlaps the parallel extraction. `known` gives an
    /// article's features extracted earlier (an incremental engine keeps them), else they are
    /// extracted now.
    pub fn extract(
        cfg: &Config,
        articles: &[&wiretrace_model::Article],
        known: &(dyn Fn(&wiretrace_model::Article) -> Option<Features> + Sync),
    ) -> Self {
        use rayon::prelude::*;
        const CHUNK: usize = 4096;
        std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Features>>(EXTRACT_CHUNKS_AHEAD);
            scope.spawn(move || {
                for c in articles.chunks(CHUNK) {
                    let feats = c
                        .par_iter()
                        .map(|a| known(a).unwrap_or_else(|| crate::features::extract(a)))
                        .collect();
                    if tx.send(feats).is_err() {
                        break;
                    }
                }
            });
            Self::from_chunks(cfg, rx.into_iter())
        })
    }

    /// Builds the corpus from chunks of features in article order. Feature ids are given in order of
    /// first appearance, so they depend only on the articles' order, never on scheduling.
    fn from_chunks(cfg: &Config, chunks: impl Iterator<Item = Vec<Features>>) -> Self {
        let mut fact_ids = Interner::default();
        let mut time = Vec::new();
        let mut language = Vec::new();
        let mut lead_weekdays = Vec::new();
        let mut event_day = Vec::new();
        let mut shingles = ListTable::default();
        let mut facts = ListTable::default();
        let mut ids: Vec<u32> = Vec::new();
        let mut anchor_ids = Interner::default();
        let mut anchors = ListTable::default();
        let mut anchor_tf = ListTable::default();
        let mut anchor_paragraph = ListTable::default();
        let mut paragraphs = Vec::new();
        let mut largest_paragraph = Vec::new();
        let mut weighted: Vec<(u32, f32, u32)> = Vec::new();
        let mut anchor_languages = AnchorLanguages::default();
        for chunk in chunks {
            for f in chunk {
                weighted.clear();
                for &(h, k, count, para) in &f.anchors {
                    weighted.push((anchor_ids.intern(h, k), 1.0 + count.max(1.0).ln(), para));
                }
                anchor_languages.record(f.language.as_deref(), weighted.iter().map(|x| x.0));
                weighted.sort_unstable_by_key(|x| x.0);
                anchors.push(weighted.iter().map(|x| x.0));
                anchor_tf.push(weighted.iter().map(|x| x.1.to_bits()));
                anchor_paragraph.push(weighted.iter().map(|x| x.2));
                paragraphs.push(f.paragraphs);
                largest_paragraph.push(f.largest_paragraph);
                ids.clear();
                ids.extend(f.facts.iter().map(|&h| fact_ids.intern(h, Kind::Name)));
                ids.sort_unstable();
                facts.push(ids.iter().copied());
                shingles.push(f.shingles);
                time.push(f.time);
                language.push(f.language);
                lead_weekdays.push(f.lead_weekdays);
                event_day.push(f.event_day);
            }
        }
        let Interner {
            df: anchor_df,
            kind: anchor_kind,
            ..
        } = anchor_ids;
        for table in [
            &mut shingles,
            &mut facts,
            &mut anchors,
            &mut anchor_tf,
            &mut anchor_paragraph,
        ] {
            table.shrink_to_fit();
        }
        let n = time.len().max(1) as f32;
        let anchor_w: Vec<f32> = anchor_df
            .iter()
            .zip(&anchor_kind)
            .map(|(&d, &k)| cfg.anchor_weight(k) * (1.0 + n / d as f32).ln())
            .collect();
        let norm_of = |i: usize, keep: &dyn Fn(Kind) -> bool| {
            anchors
                .get(i)
                .iter()
                .zip(anchor_tf.get(i))
                .filter(|(&id, _)| keep(anchor_kind[id as usize]))
                .map(|(&id, &tf)| (anchor_w[id as usize] * f32::from_bits(tf)).powi(2))
                .sum::<f32>()
                .sqrt()
        };
        let anchor_norms = (0..time.len()).map(|i| norm_of(i, &|_| true)).collect();
        // Where case does not mark names (German capitalises its nouns; Arabic has no case) many
        // "names" are common words that no other language writes alike: across languages such a
        // text's norm counts only the anchors the corpus holds in two languages or more.
        let attested = anchor_languages.attested(cfg.attested_norm_min_articles);
        let case_marks: Vec<bool> = language
            .iter()
            .map(|l| l.as_deref().is_none_or(wiretrace_lang::case_marks_names))
            .collect();
        let fact_norms = (0..time.len())
            .map(|i| {
                let ids = anchors.get(i);
                let tfs = anchor_tf.get(i);
                ids.iter()
                    .zip(tfs)
                    .filter(|(&id, _)| {
                        language_independent(anchor_kind[id as usize])
                            && (case_marks[i] || attested.as_ref().is_none_or(|a| a[id as usize]))
                    })
                    .map(|(&id, &tf)| (anchor_w[id as usize] * f32::from_bits(tf)).powi(2))
                    .sum::<f32>()
                    .sqrt()
            })
            .collect();
        let group_norms = (0..time.len())
            .map(|i| {
                [KindGroup::Names, KindGroup::Facts, KindGroup::Terms]
                    .map(|g| norm_of(i, &|k| KindGroup::of(k) == g))
            })
            .collect();
        Corpus {
            time,
            language,
            lead_weekdays,
            event_day,
            shingles,
            facts,
            anchors,
            anchor_tf,
            anchor_paragraph,
            paragraphs,
            largest_paragraph,
            anchor_kind,
            anchor_w,
            anchor_norms,
            fact_norms,
            group_norms,
            embeddings: Vec::new(),
        }
    }

    /// Attaches the encoder vectors of `embeddings` to the articles (`articles` in corpus order),
    /// scaled to unit length; articles without one get none.
    pub fn set_embeddings(&mut self, articles: &[&wiretrace_model::Article], embeddings: &crate::Embeddings) {
        if embeddings.is_empty() {
            self.embeddings = Vec::new();
            return;
        }
        self.embeddings = articles
            .iter()
            .map(|a| {
                let v = embeddings.get(&a.id)?;
                let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
                (norm > 0.0).then(|| v.iter().map(|x| x / norm).collect())
            })
            .collect();
    }

    /// The encoder cosine of articles `i` and `j`, when both have a vector.
    pub fn encoder_cosine(&self, i: usize, j: usize) -> Option<f32> {
        let (a, b) = (
            self.embeddings.get(i)?.as_ref()?,
            self.embeddings.get(j)?.as_ref()?,
        );
        Some(a.iter().zip(b.iter()).map(|(x, y)| x * y).sum())
    }

    /// Whether articles `i` and `j` are in different known languages.
    pub fn cross_language(&self, i: usize, j: usize) -> bool {
        matches!((&self.language[i], &self.language[j]), (Some(a), Some(b)) if a != b)
    }

    /// The anchor cosine of articles `i` and `j` within each [`KindGroup`] (each over its own
    /// norms), indexed by `KindGroup as usize`.
    pub fn group_cosines(&self, i: usize, j: usize) -> [f32; KIND_GROUPS] {
        let mut dot = [0.0f32; KIND_GROUPS];
        self.for_shared_anchors(i, j, |id, product| {
            dot[KindGroup::of(self.anchor_kind[id]) as usize] += product;
        });
        let (na, nb) = (self.group_norms[i], self.group_norms[j]);
        std::array::from_fn(|g| {
            let denom = na[g] * nb[g];
            if denom > 0.0 {
                (dot[g] / denom).min(1.0)
            } else {
                0.0
            }
        })
    }

    /// Calls `f(anchor id, weighted count product)` for every anchor articles `i` and `j` share: the
    /// terms of their anchor vectors' dot product.
    fn for_shared_anchors(&self, i: usize, j: usize, mut f: impl FnMut(usize, f32)) {
        self.merge_anchor_lists(i, j, |id, product, _, _| f(id, product));
    }

    /// Calls `f(anchor id, weighted count product, paragraph in i, paragraph in j)` for every
    /// anchor articles `i` and `j` share (see [`Corpus::for_shared_anchors`]).
    fn for_shared_anchors_placed(&self, i: usize, j: usize, mut f: impl FnMut(usize, f32, u32, u32)) {
        let (pa, pb) = (self.anchor_paragraph.get(i), self.anchor_paragraph.get(j));
        self.merge_anchor_lists(i, j, |id, product, x, y| f(id, product, pa[x], pb[y]));
    }

    /// The one merge of articles `i`'s and `j`'s ascending anchor id lists: calls `f(anchor id,
    /// weighted count product, position in i's list, position in j's list)` for each shared anchor.
    fn merge_anchor_lists(&self, i: usize, j: usize, mut f: impl FnMut(usize, f32, usize, usize)) {
        let (a, b) = (self.anchors.get(i), self.anchors.get(j));
        let (ta, tb) = (self.anchor_tf.get(i), self.anchor_tf.get(j));
        let (mut x, mut y) = (0, 0);
        while x < a.len() && y < b.len() {
            match a[x].cmp(&b[y]) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    let id = a[x] as usize;
                    let w = self.anchor_w[id];
                    f(id, w * w * f32::from_bits(ta[x]) * f32::from_bits(tb[y]), x, y);
                    x += 1;
                    y += 1;
                }
            }
        }
    }

    /// The anchor cosine of articles `i` and `j` (as [`Corpus::anchor_cosine`]) and the same cosine
    /// without what rests on one paragraph alone: in each article of at least `min_paragraphs`
    /// paragraphs (0: none), the anchors that occur only in the paragraph holding most of the shared
    /// weight are left out of the dot product (the norms stay whole). Two reports of different
    /// events that both carry one background paragraph (or draw on one earlier report in one
    /// paragraph each) share names and figures there and hardly anywhere else; reports of one event
    /// name its actors and figures through the text, so their shared anchors recur outside any one
    /// paragraph. Between two languages nothing is left out. The same walk gives the cosine of
    /// figures and dates alone (over their own norms), as [`Corpus::group_cosines`] does.
    pub fn spread_cosine(
        &self,
        i: usize,
        j: usize,
        min_paragraphs: u32,
        max_paragraph_share: f32,
    ) -> AnchorCosines {
        let across = matches!((self.language(i), self.language(j)), (Some(a), Some(b)) if a != b);
        let mut shared: Vec<(f32, u32, u32)> = Vec::new();
        let mut facts_dot = 0.0f32;
        self.for_shared_anchors_placed(i, j, |id, product, p, q| {
            let kind = self.anchor_kind[id];
            if KindGroup::of(kind) == KindGroup::Facts {
                facts_dot += product;
            }
            if !across || language_independent(kind) {
                shared.push((product, p, q));
            }
        });
        let facts_denom =
            self.group_norms[i][KindGroup::Facts as usize] * self.group_norms[j][KindGroup::Facts as usize];
        let facts = if facts_denom > 0.0 {
            (facts_dot / facts_denom).min(1.0)
        } else {
            0.0
        };
        let denom = if across {
            self.fact_norms[i] * self.fact_norms[j]
        } else {
            self.anchor_norms[i] * self.anchor_norms[j]
        };
        if denom <= 0.0 || shared.is_empty() {
            return AnchorCosines::default();
        }
        let whole: f32 = shared.iter().map(|x| x.0).sum();
        // Across languages only names, figures and dates are compared, and a report gives those in
        // its lead and seldom repeats them: the terms that recur through reports of one event in
        // one language are what spreads their evidence, so the test is made within a language.
        // A text whose longest paragraph is most of it (a body under a headline line and a credit)
        // has no other paragraphs for the evidence to spread to.
        let eligible = |k: usize| {
            !across
                && min_paragraphs > 0
                && self.paragraphs[k] >= min_paragraphs
                && self.largest_paragraph[k] as f32 <= max_paragraph_share * self.shingles(k).len() as f32
        };
        if eligible(i) {
            drop_heaviest_paragraph(&mut shared, |x| x.1);
        }
        if eligible(j) {
            drop_heaviest_paragraph(&mut shared, |x| x.2);
        }
        let spread: f32 = shared.iter().map(|x| x.0).sum();
        AnchorCosines {
            whole: (whole / denom).min(1.0),
            spread: (spread / denom).min(1.0),
            facts,
        }
    }

    /// Whether `shared` 3-grams fit inside one paragraph of article `i` or `j`, counting only an
    /// article of at least `min_paragraphs` paragraphs (0: none): shared text that one paragraph
    /// of a several-paragraph text can hold may be one background paragraph both carry.
    pub fn fits_one_paragraph(&self, i: usize, j: usize, shared: f32, min_paragraphs: u32) -> bool {
        [i, j].into_iter().any(|k| {
            min_paragraphs > 0
                && self.paragraphs[k] >= min_paragraphs
                && shared <= self.largest_paragraph[k] as f32
        })
    }

    /// Article `i`'s story-anchor ids, ascending.
    pub fn anchors(&self, i: usize) -> &[u32] {
        self.anchors.get(i)
    }

    /// Article `i`'s story anchors with their damped counts (1 + ln count), ids ascending.
    pub fn anchor_counts(&self, i: usize) -> impl Iterator<Item = (u32, f32)> + '_ {
        self.anchors
            .get(i)
            .iter()
            .zip(self.anchor_tf.get(i))
            .map(|(&id, &tf)| (id, f32::from_bits(tf)))
    }

    /// Story similarity of articles `i` and `j` before the time factor: the cosine of their anchor
    /// vectors (damped count × kind weight × IDF), in 0..=1. Between two languages only the
    /// language-independent anchors (names, figures, dates) are compared: word stems rarely match
    /// across languages, and counting them in the norms would make every translation look remote.
    pub fn anchor_cosine(&self, i: usize, j: usize) -> f32 {
        let across = matches!((self.language(i), self.language(j)), (Some(a), Some(b)) if a != b);
        let mut dot = 0.0f32;
        self.for_shared_anchors(i, j, |id, product| {
            if !across || language_independent(self.anchor_kind[id]) {
                dot += product;
            }
        });
        let denom = if across {
            self.fact_norms[i] * self.fact_norms[j]
        } else {
            self.anchor_norms[i] * self.anchor_norms[j]
        };
        if denom > 0.0 {
            (dot / denom).min(1.0)
        } else {
            0.0
        }
    }

    /// Whether the leads of articles `i` and `j` both name weekdays and none in common: reports of
    /// one event state its day alike, a report of the next day's event states its own.
    pub fn weekdays_differ(&self, i: usize, j: usize) -> bool {
        let (a, b) = (self.lead_weekdays[i], self.lead_weekdays[j]);
        a != 0 && b != 0 && a & b == 0
    }

    /// Whether one of articles `i` and `j` was published at least a day before the event the
    /// other's lead places its event on (see [`crate::anchors::event_day`]): a report cannot tell
    /// of an event that had not happened when it was written, so the earlier one is of an earlier
    /// step of the matter (the storm's approach before its landfall, the fall before the asylum).
    pub fn written_before_event(&self, i: usize, j: usize) -> bool {
        let before = |a: usize, b: usize| match (self.time[a], self.event_day[b]) {
            (Some(ta), Some(day)) => crate::anchors::written_before(ta, day),
            _ => false,
        };
        before(i, j) || before(j, i)
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        self.time.len()
    }

    /// Publication time of article `i`, seconds since the epoch.
    pub fn time(&self, i: usize) -> Option<i64> {
        self.time[i]
    }

    /// Language code of article `i`, when known.
    pub fn language(&self, i: usize) -> Option<&str> {
        self.language[i].as_deref()
    }

    /// Article `i`'s sorted, deduplicated 3-gram hashes.
    pub fn shingles(&self, i: usize) -> &[u32] {
        self.shingles.get(i)
    }

    /// The sorted ids of article `i`'s language-independent features (names, spans, figures).
    pub fn facts_of(&self, i: usize) -> &[u32] {
        self.facts.get(i)
    }
}

/// Removes from `shared` (weight, paragraph in one article, paragraph in the other) the anchors
/// that occur only in the paragraph (`place`) holding the largest shared weight; anchors that recur
/// in several paragraphs ([`SPREAD`]) stay. Ties go to the earlier paragraph.
fn drop_heaviest_paragraph(shared: &mut Vec<(f32, u32, u32)>, place: impl Fn(&(f32, u32, u32)) -> u32) {
    let mut by_paragraph: Vec<(u32, f32)> = Vec::new();
    for x in shared.iter().filter(|x| place(x) != SPREAD) {
        match by_paragraph.iter_mut().find(|(p, _)| *p == place(x)) {
            Some(e) => e.1 += x.0,
            None => by_paragraph.push((place(x), x.0)),
        }
    }
    let top = by_paragraph
        .iter()
        .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|e| e.0);
    if let Some(p) = top {
        shared.retain(|x| place(x) != p);
    }
}

/// Which languages the corpus holds each anchor id in: none yet, one (its index + 1), or several
/// ([`AnchorLanguages::SEVERAL`]); and how many articles of known language there are of each.
#[derive(Default)]
struct AnchorLanguages {
    of_anchor: Vec<u32>,
    codes: Vec<String>,
    articles: Vec<usize>,
}

impl AnchorLanguages {
    const SEVERAL: u32 = u32::MAX;

    /// Records that an article in `language` holds `ids` (an article of unknown language tells
    /// nothing about where an anchor travels).
    fn record(&mut self, language: Option<&str>, ids: impl Iterator<Item = u32>) {
        let Some(code) = language else { return };
        let lang = match self.codes.iter().position(|c| c == code) {
            Some(p) => p,
            None => {
                self.codes.push(code.to_string());
                self.articles.push(0);
                self.codes.len() - 1
            }
        };
        self.articles[lang] += 1;
        let mark = lang as u32 + 1;
        for id in ids {
            let id = id as usize;
            if self.of_anchor.len() <= id {
                self.of_anchor.resize(id + 1, 0);
            }
            let seen = &mut self.of_anchor[id];
            *seen = match *seen {
                0 => mark,
                m if m == mark => m,
                _ => Self::SEVERAL,
            };
        }
    }

    /// Per anchor id, whether the corpus holds it in two languages or more; `None` (every anchor
    /// counts) unless at least `min_articles` articles are in a language other than the most
    /// common one: a small corpus (two files compared) cannot tell which anchors travel.
    fn attested(&self, min_articles: usize) -> Option<Vec<bool>> {
        let total: usize = self.articles.iter().sum();
        let most = self.articles.iter().copied().max().unwrap_or(0);
        if min_articles == 0 || total - most < min_articles {
            return None;
        }
        Some(self.of_anchor.iter().map(|&m| m == Self::SEVERAL).collect())
    }
}

/// Gives each distinct feature hash a dense id in order of first appearance, with its kind and its
/// document frequency (each article interns a feature once: its lists are deduplicated).
#[derive(Default)]
struct Interner {
    id_of: FastMap<u64, u32>,
    df: Vec<u32>,
    kind: Vec<Kind>,
}

impl Interner {
    fn intern(&mut self, h: u64, k: Kind) -> u32 {
        let next = self.df.len() as u32;
        let id = *self.id_of.entry(h).or_insert(next);
        if id == next {
            self.df.push(0);
            self.kind.push(k);
        }
        self.df[id as usize] += 1;
        id
    }
}

/// Evidence on one candidate pair.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Edge {
    /// Reuse evidence 0..=1.
    pub reuse: f32,
    /// Content evidence 0..=1 (time factor applied).
    pub content: f32,
    /// The leads name different weekdays and the pair is no copy: evidence of two events.
    pub weekdays_differ: bool,
    /// One was published a day or more before the event the other's lead dates, and the pair is
    /// no copy: evidence of two events (see [`Corpus::written_before_event`]).
    pub written_before_event: bool,
}

impl Edge {
    /// The weight average linkage sums: the larger of reuse and content evidence, or
    /// `-weekday_conflict_weight` when the leads name different days or one report predates the
    /// other's event (see [`Config::weekday_conflict_weight`]).
    pub fn weight(&self, cfg: &Config) -> f32 {
        if self.weekdays_differ || self.written_before_event {
            -cfg.weekday_conflict_weight
        } else {
            self.reuse.max(self.content)
        }
    }

    /// Whether the edge enters the graph: positive evidence above [`Config::min_edge`], or
    /// evidence against (which never joins a component by itself).
    pub fn kept(&self, cfg: &Config) -> bool {
        let w = self.weight(cfg);
        w >= cfg.min_edge || w < 0.0
    }
}

/// Anchors that read the same in every language: names (phonetic keys), figures and dates.
fn language_independent(k: Kind) -> bool {
    matches!(k, Kind::Name | Kind::Span | Kind::Figure | Kind::Date)
}

/// Returns the time factor of content evidence between two articles.
pub(crate) fn time_factor(cfg: &Config, a: Option<i64>, b: Option<i64>) -> f32 {
    match (a, b) {
        (Some(x), Some(y)) => {
            let days = (x - y).unsigned_abs() as f32 / 86_400.0;
            if days <= cfg.event_window_days {
                1.0
            } else if days >= cfg.event_max_days {
                0.0
            } else {
                1.0 - (days - cfg.event_window_days) / (cfg.event_max_days - cfg.event_window_days)
            }
        }
        _ => cfg.unknown_time_factor,
    }
}

/// Computes the evidence on the pair (i, j); `given` is the reuse stage's score for it, if any.
pub(crate) fn edge(cfg: &Config, corpus: &Corpus, i: usize, j: usize, given: f32) -> Edge {
    let (a, b) = (corpus.shingles(i), corpus.shingles(j));
    let small = a.len().min(b.len()).max(1) as f32;
    // A tiny text fully contained in another proves little: damp below 30 shingles (about 30 words).
    let damp = (small / 30.0).min(1.0);
    let own_of = |inter: usize| inter as f32 / small * damp;
    // Own evidence below both the reuse stage's and the floor below changes nothing (the larger
    // of the two is kept, or none): the count stops once it cannot get there. Most candidates
    // share a few background 3-grams, and this is the stage's hottest loop.
    let floor = cfg.min_reuse_evidence.max(given * damp);
    let own = intersect_count_while(a, b, |reachable| own_of(reachable) >= floor).map_or(0.0, own_of);
    let reuse = own.max(given * damp).min(1.0);
    // A shared background paragraph is not evidence of one event: weak reuse counts as none, and
    // the content evidence decides.
    let reuse = if reuse < cfg.min_reuse_evidence {
        0.0
    } else {
        reuse
    };
    // Partial reuse that one paragraph could hold links reports of a running matter, not one
    // event: a copy shares most of its text (see `Config::reuse_spread_min_paragraphs`).
    let reuse = if reuse > 0.0
        && reuse < cfg.copy_min_reuse
        && corpus.fits_one_paragraph(i, j, reuse / damp * small, cfg.reuse_spread_min_paragraphs)
    {
        reuse.min(cfg.concentrated_reuse_max)
    } else {
        reuse
    };
    // Story anchors are language-independent: one measure serves translations and rewrites alike.
    let factor = time_factor(cfg, corpus.time(i), corpus.time(j));
    let content = if factor <= 0.0 {
        0.0
    } else {
        let c = corpus.spread_cosine(i, j, cfg.spread_min_paragraphs, cfg.spread_max_paragraph_share);
        let (whole, spread) = (c.whole, c.spread);
        // Reports of one event agree on its figures and dates; a follow-up keeps the names.
        let agreement = 1.0 + cfg.fact_agreement_gain * c.facts;
        let content = (whole * agreement * factor * cfg.link_threshold / cfg.anchor_cosine_at_link).min(1.0);
        // Evidence resting on one paragraph of each text links a storyline, not an event.
        if spread < cfg.spread_min_share * whole {
            content.min(cfg.concentrated_content_max)
        } else {
            content
        }
    };
    let content = match corpus.encoder_cosine(i, j) {
        Some(cos) if factor > 0.0 => blend_encoder(cfg, content, cos, corpus.cross_language(i, j), factor),
        _ => content,
    };
    // A copy is one story whatever its lead says; only reports written apart can disagree.
    let written_apart = reuse < cfg.link_threshold;
    Edge {
        reuse,
        content,
        weekdays_differ: written_apart && corpus.weekdays_differ(i, j),
        written_before_event: written_apart && corpus.written_before_event(i, j),
    }
}

/// The encoder's evidence that two articles report one event: their cosine ramped to 0..=1 between
/// the ramp of their language pairing (see [`Config::encoder_low`], [`Config::encoder_cross_low`]).
pub(crate) fn encoder_evidence(cfg: &Config, cosine: f32, cross_language: bool) -> f32 {
    let (lo, hi) = if cross_language {
        (cfg.encoder_cross_low, cfg.encoder_cross_high)
    } else {
        (cfg.encoder_low, cfg.encoder_high)
    };
    ((cosine - lo) / (hi - lo)).clamp(0.0, 1.0)
}

/// Content evidence with the encoder's: `(1 − w)·content + w·evidence·time_factor`, `w` being
/// [`Config::encoder_weight`]. The anchors say which names, figures and dates two reports share;
/// the encoder reads what their leads say happened, in any language, so the blend lifts two
/// reports of one event that share few anchors and damps two same-topic events whose anchors meet.
pub(crate) fn blend_encoder(
    cfg: &Config,
    content: f32,
    cosine: f32,
    cross_language: bool,
    factor: f32,
) -> f32 {
    let enc = encoder_evidence(cfg, cosine, cross_language) * factor;
    (1.0 - cfg.encoder_weight) * content + cfg.encoder_weight * enc
}

/// The number of elements two sorted, deduplicated lists share, or `None` as soon as the count
/// could no longer satisfy `enough` (called with the largest count still reachable, which only
/// falls as the walk proceeds, so `enough` must be monotone).
fn intersect_count_while(a: &[u32], b: &[u32], enough: impl Fn(usize) -> bool) -> Option<usize> {
    /// How many steps of the walk run between two checks of the bound.
    const CHECK_EVERY: usize = 32;
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if !enough(n + (a.len() - i).min(b.len() - j)) {
            return None;
        }
        let stop = (i + CHECK_EVERY).min(a.len());
        let stop_b = (j + CHECK_EVERY).min(b.len());
        while i < stop && j < stop_b {
            let (x, y) = (a[i], b[j]);
            n += usize::from(x == y);
            i += usize::from(x <= y);
            j += usize::from(y <= x);
        }
    }
    Some(n)
}

/// Reuse score of a pair from the reuse stage: the larger of its containments (the share of one
/// text's word n-grams found in the other).
///
/// Coverage (the share inside edit-tolerant aligned passages) is not used: two reports of different
/// events that each reword one background paragraph align over that paragraph with many words
/// differing, a third of a short text's coverage, yet share few n-grams. A copy, even edited, keeps
/// most of its word sequences, and the stage's own 3-gram containment (see [`edge`]) measures that
/// for every candidate pair.
pub(crate) fn pair_score(p: &Pair) -> f32 {
    p.containment_a_in_b.max(p.containment_b_in_a).clamp(0.0, 1.0)
}

/// Whether articles `i` and `j` are versions of one text: each holds at least `share` of the other's
/// word 3-grams (a copy with a few words changed). Symmetric on purpose: a short text wholly inside a
/// longer one (a brief inside a round-up) is not a version of it.
pub(crate) fn near_duplicate(corpus: &Corpus, i: usize, j: usize, share: f32) -> bool {
    let (a, b) = (corpus.shingles(i), corpus.shingles(j));
    let large = a.len().max(b.len());
    large > 0 && intersect_count(a, b) as f32 >= share * large as f32
}

/// Groups of a component's positions joined (transitively) by near-duplicate edges and by the
/// `versions` given (pairs the reuse stage found to be versions of one text), each sorted, in
/// order of their smallest position. Only edges present in `edges` are tested for near-duplicates.
pub(crate) fn duplicate_groups(
    corpus: &Corpus,
    share: f32,
    nodes: &[usize],
    edges: &BTreeMap<(usize, usize), f32>,
    versions: &[(usize, usize)],
) -> Vec<Vec<usize>> {
    let local: BTreeMap<usize, usize> = nodes.iter().enumerate().map(|(k, &p)| (p, k)).collect();
    let mut dsu = Dsu::new(nodes.len());
    for &(i, j) in edges.keys() {
        if let (Some(&a), Some(&b)) = (local.get(&i), local.get(&j)) {
            if near_duplicate(corpus, i, j, share) {
                dsu.union(a, b);
            }
        }
    }
    for &(i, j) in versions {
        if let (Some(&a), Some(&b)) = (local.get(&i), local.get(&j)) {
            dsu.union(a, b);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (k, &p) in nodes.iter().enumerate() {
        groups.entry(dsu.find(k)).or_default().push(p);
    }
    groups.into_values().collect()
}

/// Postings in compressed sparse row form: for each key, the articles holding it.
pub(crate) struct Postings {
    /// `ids[offsets[k]..offsets[k + 1]]` are the articles of key `k`, in the order given to `build`.
    offsets: Vec<u32>,
    ids: Vec<u32>,
    /// For each article, the keys it holds (`keys[key_offsets[i]..key_offsets[i + 1]]`).
    key_offsets: Vec<u32>,
    keys: Vec<u32>,
    /// The feature each key stands for.
    feature: Vec<u32>,
}

impl Postings {
    /// Builds postings from each article's 32-bit features (`features(i)`), keeping only the keys held
    /// by 2..=`max_posting` articles. Each key's articles are ordered by `order` (then position).
    pub(crate) fn build<'a, F, K>(n: usize, max_posting: usize, features: F, order: K) -> Self
    where
        F: Fn(usize) -> Box<dyn Iterator<Item = u32> + 'a> + Sync,
        K: Fn(u32) -> i64,
    {
        use rayon::prelude::*;
        let key = |x: u64| (x >> 32) as u32;
        let art = |x: u64| x as u32;
        let mut offsets = vec![0u32];
        let mut ids: Vec<u32> = Vec::new();
        let mut feature: Vec<u32> = Vec::new();
        let mut held: Vec<u64> = Vec::new();
        // Four passes over the feature space (by two bits of a multiplicative hash: sampled shingles
        // share their low bits, dense ids their high ones): most features are held by one article
        // and dropped, so a pass's transient table is what bounds the memory.
        let part = |h: u32| h.wrapping_mul(0x9E37_79B1) >> 30;
        for pass in 0..4u32 {
            // (feature, article) packed in one u64, so that one parallel sort groups the keys.
            let mut all: Vec<u64> = (0..n)
                .into_par_iter()
                .flat_map_iter(|i| {
                    features(i)
                        .filter(move |&h| part(h) == pass)
                        .map(move |h| (u64::from(h) << 32) | i as u64)
                })
                .collect();
            all.par_sort_unstable();
            all.dedup();
            let mut a = 0;
            while a < all.len() {
                let mut b = a + 1;
                while b < all.len() && key(all[b]) == key(all[a]) {
                    b += 1;
                }
                if b - a >= 2 && b - a <= max_posting {
                    let k = (offsets.len() - 1) as u64;
                    let start = ids.len();
                    ids.extend(all[a..b].iter().map(|&x| art(x)));
                    ids[start..].sort_unstable_by_key(|&i| (order(i), i));
                    offsets.push(ids.len() as u32);
                    feature.push(key(all[a]));
                    held.extend(all[a..b].iter().map(|&x| (u64::from(art(x)) << 32) | k));
                }
                a = b;
            }
        }
        held.par_sort_unstable();
        let mut key_offsets = vec![0u32; n + 1];
        for &x in &held {
            key_offsets[(x >> 32) as usize + 1] += 1;
        }
        for i in 0..n {
            key_offsets[i + 1] += key_offsets[i];
        }
        let keys = held.into_iter().map(|x| x as u32).collect();
        Postings {
            offsets,
            ids,
            key_offsets,
            keys,
            feature,
        }
    }

    fn list(&self, key: u32) -> &[u32] {
        &self.ids[self.offsets[key as usize] as usize..self.offsets[key as usize + 1] as usize]
    }

    fn keys_of(&self, i: usize) -> &[u32] {
        &self.keys[self.key_offsets[i] as usize..self.key_offsets[i + 1] as usize]
    }

    /// Pairs (i, j), i < j, that share at least `min_shared` keys, counted with a dense accumulator
    /// per block of articles (no pair map), blocks in parallel, one list per block in order;
    /// `range(i, list)` narrows each list to the (at most two) parts worth scanning.
    pub(crate) fn pairs<R>(&self, n: usize, min_shared: u32, range: R) -> Vec<Vec<(u32, u32)>>
    where
        R: Fn(usize, &[u32]) -> [(usize, usize); 2] + Sync,
    {
        self.pairs_bounded(n, min_shared, None, None, range)
    }

    /// As [`Postings::pairs`], but with `bound` = `Some((k, weight))` each article keeps only the
    /// `k` others (earlier or later) with the largest sum of `weight(feature)` over the keys they
    /// share (ties by position), and a pair is returned when either side keeps it: a k-nearest-
    /// neighbour graph, so the pairs are at most `2 × k` per article whatever the corpus size. Pairs
    /// come out as (smaller, larger) position and may repeat (once from each side).
    ///
    /// With `rows` given, only those articles' pairs are sought (each ranking all its neighbours,
    /// earlier or later): the pairs of a few new articles against the corpus, of which a pair is
    /// returned when the new article keeps it (its side of the k-nearest-neighbour graph).
    pub(crate) fn pairs_bounded<R>(
        &self,
        n: usize,
        min_shared: u32,
        bound: Option<(usize, &(dyn Fn(u32) -> f32 + Sync))>,
        rows: Option<&[u32]>,
        range: R,
    ) -> Vec<Vec<(u32, u32)>>
    where
        R: Fn(usize, &[u32]) -> [(usize, usize); 2] + Sync,
    {
        use rayon::prelude::*;
        const BLOCK: usize = 4096;
        let weights: Option<(usize, Vec<f32>)> =
            bound.map(|(k, w)| (k, self.feature.iter().map(|&f| w(f)).collect()));
        let blocks = rows.map_or(n, <[u32]>::len).div_ceil(BLOCK);
        (0..blocks)
            .into_par_iter()
            .map(|b| {
                let mut count = vec![0u32; n];
                let mut score = vec![0f32; if weights.is_some() { n } else { 0 }];
                let mut touched: Vec<u32> = Vec::new();
                let mut kept: Vec<(f32, u32)> = Vec::new();
                let mut out = Vec::new();
                let block: Box<dyn Iterator<Item = usize>> = match rows {
                    None => Box::new(b * BLOCK..((b + 1) * BLOCK).min(n)),
                    Some(r) => Box::new(
                        r[b * BLOCK..((b + 1) * BLOCK).min(r.len())]
                            .iter()
                            .map(|&i| i as usize),
                    ),
                };
                for i in block {
                    for &key in self.keys_of(i) {
                        let list = self.list(key);
                        let [(a, b), (c, d)] = range(i, list);
                        let w = weights.as_ref().map_or(0.0, |(_, w)| w[key as usize]);
                        for &j in list[a..b].iter().chain(&list[c..d]) {
                            // Unbounded, each pair is counted from its smaller side; bounded
                            // (or for chosen rows), each article ranks all its neighbours.
                            let one_side = weights.is_none() && rows.is_none();
                            if (j as usize) <= i && (one_side || j as usize == i) {
                                continue;
                            }
                            if count[j as usize] == 0 {
                                touched.push(j);
                            }
                            count[j as usize] += 1;
                            if weights.is_some() {
                                score[j as usize] += w;
                            }
                        }
                    }
                    match &weights {
                        None => {
                            touched.sort_unstable();
                            for &j in &touched {
                                if count[j as usize] >= min_shared {
                                    out.push(((i as u32).min(j), (i as u32).max(j)));
                                }
                                count[j as usize] = 0;
                            }
                        }
                        Some((k, _)) => {
                            kept.clear();
                            for &j in &touched {
                                if count[j as usize] >= min_shared {
                                    kept.push((score[j as usize], j));
                                }
                                count[j as usize] = 0;
                                score[j as usize] = 0.0;
                            }
                            let strongest =
                                |x: &(f32, u32), y: &(f32, u32)| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1));
                            if kept.len() > *k && *k > 0 {
                                kept.select_nth_unstable_by(*k - 1, strongest);
                                kept.truncate(*k);
                            }
                            kept.sort_unstable_by_key(|x| x.1);
                            out.extend(kept.iter().map(|&(_, j)| ((i as u32).min(j), (i as u32).max(j))));
                        }
                    }
                    touched.clear();
                }
                out
            })
            .collect()
    }
}

/// Which candidate pairs [`candidates_in`] seeks.
#[derive(Clone, Copy)]
pub(crate) enum Scope<'a> {
    /// Every pair of the corpus (a full clustering).
    All,
    /// The pairs among these positions (ascending), sought as a full clustering of the corpus
    /// would seek them, but with only these articles competing for each other's `k` strongest
    /// (see [`Config::story_candidates_per_article`]) and postings counted among them: an
    /// incremental analysis re-clustering the components new articles touched.
    Among(&'a [usize]),
    /// The pairs of these positions (ascending: new or changed articles) with any article, each
    /// ranking the whole corpus: what a full clustering finds from their side (postings counted
    /// over the whole corpus). The other side's ranking is not made (it needs every article's
    /// neighbours): a pair the full run keeps only because an older article ranks the new one among
    /// its `k` strongest is not found.
    From(&'a [usize]),
}

/// Finds candidate pairs (i < j) through the reuse pairs and the inverted indexes.
///
/// Content candidates are only sought between articles close enough in time for content evidence to
/// count (within [`Config::event_max_days`], or either undated): further apart, only shared text can
/// link two articles, and the 3-gram index finds that.
///
/// Pairs are positions as `u32` (as everywhere in this stage's indexes), gathered in parts and
/// joined once into an exactly sized list: at 200,000 articles there are tens of millions, and
/// this list is the stage's peak memory.
pub(crate) fn candidates(
    cfg: &Config,
    corpus: &Corpus,
    given: &BTreeMap<(usize, usize), f32>,
) -> Vec<(u32, u32)> {
    candidates_in(cfg, corpus, given, Scope::All)
}

/// [`candidates`] within a [`Scope`]; `given` (the reuse pairs) may hold pairs outside it, which
/// are left out.
pub(crate) fn candidates_in(
    cfg: &Config,
    corpus: &Corpus,
    given: &BTreeMap<(usize, usize), f32>,
    scope: Scope,
) -> Vec<(u32, u32)> {
    use rayon::prelude::*;
    let n = corpus.len();
    // Local index → corpus position (the identity unless `Among`).
    let nodes: Vec<u32> = match scope {
        Scope::Among(p) => p.iter().map(|&x| x as u32).collect(),
        _ => (0..n as u32).collect(),
    };
    let rows: Option<Vec<u32>> = match scope {
        Scope::From(p) => Some(p.iter().map(|&x| x as u32).collect()),
        _ => None,
    };
    let in_scope = |i: usize, j: usize| match scope {
        Scope::All => true,
        Scope::Among(p) => p.binary_search(&i).is_ok() && p.binary_search(&j).is_ok(),
        Scope::From(p) => p.binary_search(&i).is_ok() || p.binary_search(&j).is_ok(),
    };
    let given_pairs = || -> Vec<(u32, u32)> {
        given
            .keys()
            .filter(|&&(i, j)| in_scope(i, j))
            .map(|&(i, j)| (i as u32, j as u32))
            .collect()
    };
    let m = nodes.len();
    if n <= cfg.exhaustive_max_articles {
        // A small corpus is compared in full: every pair is cheap, and no evidence is missed.
        let mut out: Vec<(u32, u32)> = match &rows {
            None => (0..m)
                .flat_map(|x| (x + 1..m).map(move |y| (x, y)))
                .map(|(x, y)| (nodes[x], nodes[y]))
                .collect(),
            Some(r) => r
                .iter()
                .flat_map(|&i| {
                    (0..n as u32)
                        .filter(move |&j| j != i)
                        .map(move |j| (i.min(j), i.max(j)))
                })
                .collect(),
        };
        out.sort_unstable();
        out.dedup();
        return out;
    }
    // With rows given, only the keys those rows hold are indexed (their postings still count every
    // article holding them, so a posting is skipped exactly when a full clustering skips it).
    let row_keys = |key: &dyn Fn(usize) -> Vec<u32>| -> Option<wiretrace_text::FastSet<u32>> {
        rows.as_ref()
            .map(|r| r.iter().flat_map(|&i| key(i as usize)).collect())
    };
    // A fixed quarter of the 3-grams (by hash value, the same in every text) is enough to find texts
    // that share a passage (short texts index all of theirs); exact containment is measured on all
    // 3-grams afterwards.
    let sampled = |i: usize| {
        let shingles = corpus.shingles(i);
        let short = shingles.len() < 64;
        shingles.iter().copied().filter(move |s| short || *s & 3 == 0)
    };
    let shingle_keys = row_keys(&|i| sampled(i).collect());
    let shingles = Postings::build(
        m,
        cfg.max_posting,
        |x| {
            let keys = shingle_keys.as_ref();
            Box::new(sampled(nodes[x] as usize).filter(move |s| keys.is_none_or(|k| k.contains(s))))
        },
        |_| 0,
    );
    let keep = cfg.story_candidates_per_article;
    let bound = |w: &'static (dyn Fn(u32) -> f32 + Sync)| (keep > 0).then_some((keep, w));
    let to_global = |parts: Vec<Vec<(u32, u32)>>| -> Vec<Vec<(u32, u32)>> {
        if matches!(scope, Scope::Among(_)) {
            parts
                .into_iter()
                .map(|p| {
                    p.into_iter()
                        .map(|(x, y)| (nodes[x as usize], nodes[y as usize]))
                        .collect()
                })
                .collect()
        } else {
            parts
        }
    };
    // Shingles rank by how many sampled 3-grams two texts share.
    let mut parts = to_global(
        shingles.pairs_bounded(m, 3, bound(&|_| 1.0), rows.as_deref(), |_, l| {
            [(0, l.len()), (0, 0)]
        }),
    );
    drop(shingles);
    tracing::debug!(
        pairs = parts.iter().map(Vec::len).sum::<usize>(),
        "shingle candidates"
    );

    // Content candidates: pairs sharing at least two rare story anchors that name something (names,
    // figures, dates: translations share these), within the event window. Each list is in time
    // order, undated articles last.
    let time = |x: u32| corpus.time(nodes[x as usize] as usize).unwrap_or(i64::MAX);
    let named = |i: usize| {
        corpus
            .anchors(i)
            .iter()
            .filter(|&&id| {
                matches!(
                    corpus.anchor_kind[id as usize],
                    Kind::Name | Kind::Figure | Kind::Date
                )
            })
            .copied()
    };
    let anchor_keys = row_keys(&|i| named(i).collect());
    let content = Postings::build(
        m,
        cfg.max_posting,
        |x| {
            let keys = anchor_keys.as_ref();
            Box::new(named(nodes[x] as usize).filter(move |a| keys.is_none_or(|k| k.contains(a))))
        },
        time,
    );
    // Pairs whose time factor is zero carry no content evidence (a margin of a day guards rounding).
    let window = ((cfg.event_max_days as f64 + 1.0) * 86_400.0) as i64;
    // Anchors rank by their weight in the cosine (kind and rarity): the dot product's largest terms.
    let anchor_weight = |id: u32| corpus.anchor_w[id as usize];
    let content_bound = (keep > 0).then_some((keep, &anchor_weight as &(dyn Fn(u32) -> f32 + Sync)));
    parts.extend(to_global(content.pairs_bounded(
        m,
        2,
        content_bound,
        rows.as_deref(),
        |x, l| {
            let undated = l.partition_point(|&j| time(j) != i64::MAX);
            match corpus.time(nodes[x] as usize) {
                None => [(0, l.len()), (0, 0)],
                Some(t) => {
                    let lo = l[..undated].partition_point(|&j| time(j) < t.saturating_sub(window));
                    let hi = l[..undated].partition_point(|&j| time(j) <= t.saturating_add(window));
                    // Undated articles pair with everyone.
                    [(lo, hi), (undated, l.len())]
                }
            }
        },
    )));
    drop(content);
    tracing::debug!(
        pairs = parts.iter().map(Vec::len).sum::<usize>(),
        "shingle and content candidates"
    );
    let near = near_duplicate_candidates(corpus, &nodes, cfg.duplicate_minhashes);
    parts.push(match scope {
        Scope::From(_) => near
            .into_iter()
            .filter(|&(i, j)| in_scope(i as usize, j as usize))
            .collect(),
        _ => near,
    });
    parts.push(given_pairs());
    let mut out = Vec::with_capacity(parts.iter().map(Vec::len).sum());
    for part in parts {
        out.extend(part);
    }
    out.par_sort_unstable();
    out.dedup();
    out
}

/// Candidate pairs between versions of one text, whatever their number: for each of `hashes`
/// min-hashes of the 3-gram sets, the articles with the same minimum are paired with the first of
/// them (O(articles × hashes) pairs). The shingle index skips 3-grams held by more than
/// [`Config::max_posting`] articles, so without this the copies of a story republished thousands of
/// times would find each other only through the few 3-grams their edits made rare. Two texts
/// sharing a share `J` of their 3-grams (Jaccard) meet on one min-hash with probability `J`.
/// Only the articles at positions `nodes` (ascending) are read; pairs are positions.
pub(crate) fn near_duplicate_candidates(corpus: &Corpus, nodes: &[u32], hashes: usize) -> Vec<(u32, u32)> {
    use rayon::prelude::*;
    let mut out = Vec::new();
    for k in 0..hashes as u32 {
        // A different odd multiplier and offset per min-hash: a fixed permutation of the 32-bit space.
        let mult = 0x9E37_79B1u32.wrapping_add(k.wrapping_mul(0x85EB_CA6A)) | 1;
        let offset = k.wrapping_mul(0xC2B2_AE35);
        let mut keyed: Vec<(u32, u32)> = nodes
            .par_iter()
            .filter_map(|&i| {
                let min = corpus
                    .shingles(i as usize)
                    .iter()
                    .map(|&h| (h ^ offset).wrapping_mul(mult))
                    .min()?;
                Some((min, i))
            })
            .collect();
        keyed.par_sort_unstable();
        let mut a = 0;
        while a < keyed.len() {
            let mut b = a + 1;
            while b < keyed.len() && keyed[b].0 == keyed[a].0 {
                b += 1;
            }
            let first = keyed[a].1;
            out.extend(keyed[a + 1..b].iter().map(|&(_, j)| (first, j)));
            a = b;
        }
    }
    out
}

/// A union-find over positions.
pub(crate) struct Dsu(Vec<usize>);

impl Dsu {
    pub fn new(n: usize) -> Self {
        Dsu((0..n).collect())
    }
    pub fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut y = x;
        while self.0[y] != r {
            let next = self.0[y];
            self.0[y] = r;
            y = next;
        }
        r
    }
    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        // The smaller position becomes the root, so roots are deterministic.
        if ra < rb {
            self.0[rb] = ra;
        } else if rb < ra {
            self.0[ra] = rb;
        }
    }
}

#[derive(PartialEq)]
struct Cand {
    score: f32,
    a: usize,
    b: usize,
}
impl Eq for Cand {}
impl PartialOrd for Cand {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Cand {
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        // Max-heap on score; on ties the smallest (a, b) first.
        self.score
            .total_cmp(&o.score)
            .then_with(|| (o.a, o.b).cmp(&(self.a, self.b)))
    }
}

/// The publication times (seconds) a cluster's dated members span: `None` while none is dated.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct TimeSpan(Option<(i64, i64)>);

impl TimeSpan {
    pub(crate) fn of(time: Option<i64>) -> Self {
        TimeSpan(time.map(|t| (t, t)))
    }

    fn union(self, o: TimeSpan) -> TimeSpan {
        match (self.0, o.0) {
            (Some((a0, a1)), Some((b0, b1))) => TimeSpan(Some((a0.min(b0), a1.max(b1)))),
            (x, y) => TimeSpan(x.or(y)),
        }
    }

    fn seconds(self) -> i64 {
        self.0.map_or(0, |(a, b)| b - a)
    }
}

/// Average-linkage clustering of one component. `nodes` are positions (sorted); `edges` maps
/// (i, j) with i < j to the edge weight; `time(p)` is position `p`'s publication time. Two clusters
/// never merge when their dated members would span more than `max_span_secs`: one event is reported
/// within days, so undated articles cannot chain reports dated weeks apart into one story — unless
/// a pair in `copies` links them: a copy republished later belongs to its source's story.
/// Returns clusters of positions, each sorted.
pub(crate) fn average_linkage(
    threshold: f32,
    max_span_secs: i64,
    nodes: &[usize],
    time: impl Fn(usize) -> Option<i64>,
    edges: &BTreeMap<(usize, usize), f32>,
    copies: &BTreeSet<(usize, usize)>,
) -> Vec<Vec<usize>> {
    let singletons: Vec<Vec<usize>> = nodes.iter().map(|&p| vec![p]).collect();
    average_linkage_from(threshold, max_span_secs, &singletons, time, edges, copies)
}

/// Average linkage starting from `groups` (disjoint, each sorted, in order of their first position)
/// taken as already merged: the mean edge weight between two clusters counts every member pair.
#[allow(clippy::needless_range_loop)]
pub(crate) fn average_linkage_from(
    threshold: f32,
    max_span_secs: i64,
    groups: &[Vec<usize>],
    time: impl Fn(usize) -> Option<i64>,
    edges: &BTreeMap<(usize, usize), f32>,
    copies: &BTreeSet<(usize, usize)>,
) -> Vec<Vec<usize>> {
    // A group given already merged may span more (a text republished weeks later); it may not grow.
    let mut span: Vec<TimeSpan> = groups
        .iter()
        .map(|g| {
            g.iter()
                .fold(TimeSpan(None), |s, &p| s.union(TimeSpan::of(time(p))))
        })
        .collect();
    let nodes: Vec<usize> = groups.iter().flatten().copied().collect();
    let local: BTreeMap<usize, usize> = groups
        .iter()
        .enumerate()
        .flat_map(|(k, g)| g.iter().map(move |&p| (p, k)))
        .collect();
    let n = groups.len();
    // Members are indices into `nodes`, which lists the groups one after another.
    let mut next = 0;
    let mut members: Vec<Vec<usize>> = groups
        .iter()
        .map(|g| {
            next += g.len();
            (next - g.len()..next).collect()
        })
        .collect();
    let mut alive = vec![true; n];
    let mut adj: Vec<BTreeMap<usize, f32>> = vec![BTreeMap::new(); n];
    for (&(i, j), &w) in edges {
        if let (Some(&a), Some(&b)) = (local.get(&i), local.get(&j)) {
            if a != b {
                *adj[a].entry(b).or_insert(0.0) += w;
                *adj[b].entry(a).or_insert(0.0) += w;
            }
        }
    }
    // Which clusters a copy links (kept up to date through merges like `adj`).
    let mut copy_adj: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); n];
    for &(i, j) in copies {
        if let (Some(&a), Some(&b)) = (local.get(&i), local.get(&j)) {
            if a != b {
                copy_adj[a].insert(b);
                copy_adj[b].insert(a);
            }
        }
    }
    let mut heap = BinaryHeap::new();
    for a in 0..n {
        for (&b, &w) in &adj[a] {
            let avg = w / (members[a].len() * members[b].len()) as f32;
            if a < b && avg >= threshold {
                heap.push(Cand { score: avg, a, b });
            }
        }
    }
    while let Some(Cand { score, a, b }) = heap.pop() {
        if !alive[a] || !alive[b] {
            continue;
        }
        let current = adj[a].get(&b).copied().unwrap_or(0.0) / (members[a].len() * members[b].len()) as f32;
        if (current - score).abs() > 1e-6 {
            continue;
        }
        let merged = span[a].union(span[b]);
        // A copy republished later belongs to its source's story, whatever the span.
        if merged.seconds() > max_span_secs && !copy_adj[a].contains(&b) {
            continue;
        }
        span[a] = merged;
        // Merge b into a (a < b).
        alive[b] = false;
        for c in std::mem::take(&mut copy_adj[b]) {
            copy_adj[c].remove(&b);
            if c != a {
                copy_adj[c].insert(a);
                copy_adj[a].insert(c);
            }
        }
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
        let adj_b = std::mem::take(&mut adj[b]);
        adj[a].remove(&b);
        for (c, w) in adj_b {
            if c == a {
                continue;
            }
            *adj[a].entry(c).or_insert(0.0) += w;
            adj[c].remove(&b);
        }
        let na = members[a].len();
        let neighbours: Vec<(usize, f32)> = adj[a].iter().map(|(&c, &w)| (c, w)).collect();
        for (c, w) in neighbours {
            adj[c].insert(a, w);
            let avg = w / (na * members[c].len()) as f32;
            if avg >= threshold {
                let (x, y) = if a < c { (a, c) } else { (c, a) };
                heap.push(Cand {
                    score: avg,
                    a: x,
                    b: y,
                });
            }
        }
    }
    let mut out: Vec<Vec<usize>> = (0..n)
        .filter(|&k| alive[k])
        .map(|k| {
            let mut m: Vec<usize> = members[k].iter().map(|&l| nodes[l]).collect();
            m.sort_unstable();
            m
        })
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_linkage_does_not_chain_through_a_bridge() {
        // Two tight triangles {0,1,2} and {4,5,6}, and 3 linked strongly to 2 and to 4 only.
        let mut e = BTreeMap::new();
        for (i, j) in [(0, 1), (0, 2), (1, 2), (4, 5), (4, 6), (5, 6)] {
            e.insert((i, j), 0.9);
        }
        e.insert((2, 3), 0.8);
        e.insert((3, 4), 0.8);
        let c = average_linkage(
            0.3,
            i64::MAX,
            &[0, 1, 2, 3, 4, 5, 6],
            |_| None,
            &e,
            &BTreeSet::new(),
        );
        assert!(c.iter().all(|m| !(m.contains(&0) && m.contains(&6))), "{c:?}");
        assert!(c.iter().any(|m| m.starts_with(&[0, 1, 2])));
    }

    fn dated(text: &str, day: i64) -> crate::features::Features {
        let mut a = wiretrace_model::Article::new("x.txt", text);
        a.published = chrono::DateTime::from_timestamp(1_750_000_000 + day * 86_400, 0);
        crate::features::extract(&a)
    }

    #[test]
    fn content_candidates_need_the_event_window_shared_text_does_not() {
        // The indexed path (large corpora); small ones weigh every pair.
        let cfg = Config {
            exhaustive_max_articles: 0,
            ..Config::default()
        };
        let news = [
            "Officials said Marta Kowalczyk and Tomas Oyelaran met in Brindisi on Monday.",
            "In Brindisi, a meeting brought together Tomas Oyelaran with Marta Kowalczyk yesterday.",
            "Marta Kowalczyk hosted Tomas Oyelaran again, this time far from Brindisi harbour.",
        ];
        let text =
            "The regional council voted on Tuesday to close the old harbour bridge for repairs lasting \
                    three months, after inspectors found cracks in two of its supporting piers last winter.";
        let feats = vec![
            dated(news[0], 0),
            dated(news[1], 1),
            dated(news[2], 60),
            dated(text, 0),
            dated(text, 90),
        ];
        let corpus = Corpus::new(&cfg, feats);
        let c = candidates(&cfg, &corpus, &BTreeMap::new());
        assert!(c.contains(&(0, 1)), "{c:?}");
        assert!(!c.contains(&(0, 2)) && !c.contains(&(1, 2)), "{c:?}");
        assert!(c.contains(&(3, 4)), "{c:?}");
        assert!(edge(&cfg, &corpus, 0, 2, 0.0).content == 0.0);
    }

    /// Fictional paragraphs of about forty words each, no two sharing a word 3-gram.
    const PARAGRAPHS: [&str; 6] = [
        "The ferry operator on the northern lakes cancelled its morning crossings after strong winds \
         pushed waves over the pier at Velmora, leaving several hundred commuters waiting on the \
         quay for buses that the regional transport office sent from the valley towns.",
        "Farmers in the lowland districts have complained for years that the drainage canals built \
         after the great flood are silting up, and a survey published last spring found that half \
         of the sluice gates no longer close properly when the river rises.",
        "A small museum of clockwork toys opened in the old customs house, where a retired engineer \
         has restored music boxes, tin birds and a walking bear that his grandfather bought from a \
         travelling fair before the railway reached the coast.",
        "The city orchestra will tour four provinces in the autumn, playing a new symphony by a young \
         composer from the mountain villages together with folk songs arranged for strings, and \
         tickets for the opening concert sold out within an hour.",
        "Nurses at the district hospital voted to accept a revised pay offer that adds night shift \
         allowances and funds two more ambulances, ending a dispute that had delayed routine \
         operations across the western wards since the beginning of the year.",
        "Archaeologists digging beside the motorway extension uncovered the foundations of a \
         watermill with a wooden wheel pit still intact, and the builders agreed to move a slip \
         road so that volunteers can finish recording the site before winter.",
    ];

    /// A text made of the given `PARAGRAPHS`, blank-line separated.
    fn made_of(parts: &[usize]) -> String {
        parts
            .iter()
            .map(|&k| PARAGRAPHS[k])
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    #[test]
    fn partial_reuse_one_paragraph_could_hold_is_capped_several_paragraphs_are_not() {
        let cfg = Config::default();
        let feats = vec![
            dated(&made_of(&[0, 1, 2]), 0),
            // Shares one background paragraph with the first text (a third of each).
            dated(&made_of(&[3, 4, 0]), 0),
            // Shares two of the first text's three paragraphs.
            dated(&made_of(&[0, 1, 5]), 0),
        ];
        let corpus = Corpus::new(&cfg, feats);
        let one = edge(&cfg, &corpus, 0, 1, 0.0).reuse;
        assert!(one > 0.0 && one <= cfg.concentrated_reuse_max, "{one}");
        let off = Config {
            reuse_spread_min_paragraphs: 0,
            ..Config::default()
        };
        assert!(edge(&off, &corpus, 0, 1, 0.0).reuse > cfg.concentrated_reuse_max);
        let two = edge(&cfg, &corpus, 0, 2, 0.0).reuse;
        assert!(two > 0.6, "{two}");
    }

    #[test]
    fn a_brief_sharing_its_paragraph_keeps_its_reuse_evidence() {
        // Two-paragraph texts are below `reuse_spread_min_paragraphs`: one paragraph is half of
        // what each says.
        let cfg = Config::default();
        let feats = vec![dated(&made_of(&[0, 1]), 0), dated(&made_of(&[2, 1]), 0)];
        let corpus = Corpus::new(&cfg, feats);
        assert!(edge(&cfg, &corpus, 0, 1, 0.0).reuse > 0.4);
    }

    /// The bounded count gives the true count whenever the threshold is reachable, and gives up
    /// only when it is not.
    #[test]
    fn bounded_intersection_gives_up_only_below_the_threshold() {
        let lists: Vec<Vec<u32>> = vec![
            vec![],
            (0..100).collect(),
            (0..200).step_by(2).collect(),
            (50..150).collect(),
            (0..300).step_by(3).collect(),
            (1000..1010).collect(),
        ];
        for a in &lists {
            for b in &lists {
                let truth = intersect_count(a, b);
                for need in [0, 1, 10, 34, 50, 51, 100, 101] {
                    match intersect_count_while(a, b, |reachable| reachable >= need) {
                        Some(n) => assert_eq!(n, truth, "{need}"),
                        None => assert!(truth < need, "gave up at {need} with {truth} shared"),
                    }
                }
                assert_eq!(intersect_count_while(a, b, |_| true), Some(truth));
            }
        }
    }

    #[test]
    fn bounded_candidates_keep_each_articles_strongest_neighbours() {
        // Article 0 shares 2, 2, 2 and 4 keys with articles 1–4; each of those shares 5 keys with a
        // partner of its own (5–8).
        let mut held: Vec<Vec<u32>> = vec![Vec::new(); 9];
        for (j, shared) in [(1usize, 2u32), (2, 2), (3, 2), (4, 4)] {
            for t in 0..shared {
                let key = 100 * j as u32 + t;
                held[0].push(key);
                held[j].push(key);
            }
            for t in 0..5 {
                let key = 1000 * j as u32 + t;
                held[j].push(key);
                held[j + 4].push(key);
            }
        }
        let postings = Postings::build(9, 100, |i| Box::new(held[i].clone().into_iter()), |_| 0);
        let whole = |_: usize, l: &[u32]| [(0, l.len()), (0, 0)];
        let flat = |parts: Vec<Vec<(u32, u32)>>| {
            let mut v: Vec<(u32, u32)> = parts.into_iter().flatten().collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let all = flat(postings.pairs(9, 2, whole));
        assert_eq!(all.len(), 8, "{all:?}");
        let one: &(dyn Fn(u32) -> f32 + Sync) = &|_| 1.0;
        let kept = flat(postings.pairs_bounded(9, 2, Some((1, one)), None, whole));
        // Article 0 keeps its strongest neighbour (4); 1–3 keep their partners, so their weaker
        // pairs with 0 are given up.
        assert_eq!(kept, [(0, 4), (1, 5), (2, 6), (3, 7), (4, 8)]);
    }

    #[test]
    fn bounded_candidates_rank_earlier_neighbours_too_and_chosen_rows_alone() {
        // Article 0 shares 4 keys with article 1 and 2 with article 2; article 2 shares nothing
        // else. With k = 1, article 0 keeps 1, and the pair (0, 2) is kept from article 2's side,
        // whose one neighbour is earlier.
        let held: Vec<Vec<u32>> = vec![vec![1, 2, 3, 4, 7, 8], vec![1, 2, 3, 4], vec![7, 8]];
        let postings = Postings::build(3, 100, |i| Box::new(held[i].clone().into_iter()), |_| 0);
        let whole = |_: usize, l: &[u32]| [(0, l.len()), (0, 0)];
        let flat = |parts: Vec<Vec<(u32, u32)>>| {
            let mut v: Vec<(u32, u32)> = parts.into_iter().flatten().collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let one: &(dyn Fn(u32) -> f32 + Sync) = &|_| 1.0;
        assert_eq!(
            flat(postings.pairs_bounded(3, 2, Some((1, one)), None, whole)),
            [(0, 1), (0, 2)]
        );
        // the rows given rank every article, earlier or later, and only their pairs come out
        assert_eq!(
            flat(postings.pairs_bounded(3, 2, Some((1, one)), Some(&[2]), whole)),
            [(0, 2)]
        );
        assert_eq!(
            flat(postings.pairs_bounded(3, 2, None, Some(&[2]), whole)),
            [(0, 2)]
        );
        assert_eq!(
            flat(postings.pairs_bounded(3, 2, Some((1, one)), Some(&[0]), whole)),
            [(0, 1)]
        );
    }

    #[test]
    fn union_find_roots_are_smallest() {
        let mut d = Dsu::new(5);
        d.union(4, 2);
        d.union(2, 3);
        assert_eq!(d.find(3), 2);
        assert_eq!(d.find(4), 2);
    }
}
