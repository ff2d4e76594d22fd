//! Anchored passages: which sentences of two versions of one story say the same thing when they
//! share facts but not wording (a translation, a rewrite).
//!
//! Input → output: the stories and the reuse pairs → extra [`Pair`]s (method
//! [`PairMethod::Anchors`]) between members of one story that the reuse stage could not align
//! because their wording differs, each with its sentence-to-sentence passages.
//!
//! Method:
//! 1. Each member's text is cut into sentences (terminal punctuation of any script, or a paragraph
//!    break). Each sentence gets the story anchors of the words in it (see the `anchors` module:
//!    names as phonetic skeletons after transliteration, figures as locale-free values, day-month
//!    dates, word stems), weighted by kind and by rarity among the story's members, so the name
//!    every member repeats says little and a figure only two members give says much.
//! 2. Two sentences are similar by the weighted Dice coefficient of their anchor sets. Sentences are
//!    aligned in order (translations and rewrites keep the order of the facts) by dynamic
//!    programming over the pairs at least [`PassageConfig::min_sentence_similarity`] similar.
//! 3. Two versions form a pair when enough sentences align ([`PassageConfig::min_aligned_sentences`]),
//!    closely enough ([`PassageConfig::min_mean_similarity`]), covering enough of each text
//!    ([`PassageConfig::min_coverage`]): a rewrite restates its source sentence by sentence, while
//!    two independent reports of one event meet in a sentence or two.
//!
//! Across languages word stems are left out of the similarity (they meet only as cognates), so a
//! translation is aligned on names, figures and dates alone; that is too little to tell a
//! translated copy from an independent report, and [`PassageConfig::cross_language`] is off.
//! Within one language an independent rewrite of the same facts aligns as closely as a rewritten
//! copy, so [`PassageConfig::same_language`] is off too: the aligner is there for callers who
//! want candidate rewrites and translations listed, not for the default export.
//!
//! Cost: for each member, candidates are the members sharing its rarer anchors (an inverted index
//! over the story, postings longer than [`PassageConfig::max_posting`] skipped), at most
//! [`PassageConfig::max_candidates`] of them, so a story copied thousands of times is not compared
//! pair by pair.

use std::collections::{BTreeMap, BTreeSet};

use wiretrace_model::{Article, ArticleId, CharIndex, Pair, PairMethod, Passage, Story};
use wiretrace_text::FastMap;

use crate::anchors::occurrences;
use crate::features::Kind;

/// Settings of the anchored aligner. `Default` gives the values measured on real multilingual
/// news (real-news-dev copy groups).
#[derive(Debug, Clone)]
pub struct PassageConfig {
    /// Whether to align versions in different languages (translations). Off by default: on real
    /// multilingual news (real-news-dev) names, figures and dates alone did not separate a
    /// translated copy from an independent report of the same event in another language (every
    /// setting that found one of the 12 translated pairs also paired as many unrelated reports).
    pub cross_language: bool,
    /// Whether to align same-language versions the reuse stage found no shared wording in
    /// (rewrites that restate their source sentence by sentence). Off by default: an independent
    /// rewrite of the same facts (examples/corpus's greenline-report: 5 sentences aligned, 44–55%
    /// covered, mean similarity 0.53) aligns as closely as the rewritten copies real-news-dev
    /// calls copies (5–6 sentences, 43–84%, 0.42–0.50), so the pair would claim reuse that the
    /// text does not show.
    pub same_language: bool,
    /// Weight of a name anchor: names survive translation and rewording.
    pub name_weight: f32,
    /// Weight of a figure anchor: figures survive as values, and a copy keeps its source's.
    pub figure_weight: f32,
    /// Weight of a day-month date anchor.
    pub date_weight: f32,
    /// Weight of a word-stem anchor: stems meet only within a language or between cognates, so
    /// they count less than names and figures.
    pub term_weight: f32,
    /// Two sentences below this anchor similarity (weighted Dice, 0..1) are never aligned.
    pub min_sentence_similarity: f32,
    /// A pair needs at least this many aligned sentences: one shared fact is not a copy.
    pub min_aligned_sentences: usize,
    /// A pair needs its aligned sentences to cover at least this share of each text (characters):
    /// a rewrite restates much of its source, while an independent report of the same event meets
    /// it in a sentence or two.
    pub min_coverage: f32,
    /// A pair needs its aligned sentences' mean anchor similarity to be at least this.
    pub min_mean_similarity: f32,
    /// Each member is compared with at most this many candidates (those sharing most rare
    /// anchors), which keeps large stories near-linear.
    pub max_candidates: usize,
    /// Anchors held by more members than this are not used to find candidates.
    pub max_posting: usize,
}

impl Default for PassageConfig {
    fn default() -> Self {
        PassageConfig {
            cross_language: false,
            same_language: false,
            name_weight: 1.0,
            figure_weight: 1.5,
            date_weight: 1.0,
            term_weight: 0.5,
            min_sentence_similarity: 0.3,
            min_aligned_sentences: 5,
            min_coverage: 0.35,
            min_mean_similarity: 0.4,
            max_candidates: 12,
            max_posting: 256,
        }
    }
}

impl PassageConfig {
    fn kind_weight(&self, kind: Kind) -> f32 {
        match kind {
            Kind::Name | Kind::Span => self.name_weight,
            Kind::Figure => self.figure_weight,
            Kind::Date => self.date_weight,
            Kind::Term | Kind::Quote => self.term_weight,
        }
    }
}

/// Characters that end a sentence in the scripts we meet (Latin, Greek, Cyrillic, Arabic, Devanagari
/// and Gujarati danda, CJK full stops).
const SENTENCE_ENDS: &[char] = &['.', '!', '?', '…', '؟', '।', '。', '！', '？', '۔'];

/// One sentence: its byte range and its anchor keys (sorted, deduplicated).
struct Sentence {
    start: usize,
    end: usize,
    keys: Vec<(u64, Kind)>,
}

/// Byte ranges of the sentences of `text`: cut after terminal punctuation followed by whitespace,
/// and at line breaks; blank pieces dropped.
fn sentence_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev_end = false;
    for (i, c) in text.char_indices() {
        if c == '\n' || (prev_end && c.is_whitespace()) {
            push_trimmed(text, start, i, &mut out);
            start = i + c.len_utf8();
            prev_end = false;
            continue;
        }
        prev_end = SENTENCE_ENDS.contains(&c) || (prev_end && matches!(c, '"' | '”' | '»' | '’' | ')'));
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push((start + lead, end - trail));
    }
}

/// The sentences of one article with their anchors.
fn sentences(text: &str) -> Vec<Sentence> {
    let ranges = sentence_ranges(text);
    let mut out: Vec<Sentence> = ranges
        .iter()
        .map(|&(start, end)| Sentence {
            start,
            end,
            keys: Vec::new(),
        })
        .collect();
    let base = text.as_ptr() as usize;
    for a in occurrences(None, text) {
        let at = a.surface.as_ptr() as usize - base;
        // Sentences are sorted and disjoint: the last one starting at or before `at` holds it.
        let k = out.partition_point(|s| s.start <= at);
        if k > 0 && at < out[k - 1].end {
            out[k - 1].keys.push((a.key, a.kind));
        }
    }
    for s in &mut out {
        s.keys.sort_unstable();
        s.keys.dedup();
    }
    out
}

/// One member prepared for alignment.
struct Version<'a> {
    article: &'a Article,
    sentences: Vec<Sentence>,
    /// Every anchor key of the member (sorted, deduplicated).
    keys: Vec<u64>,
}

/// Anchor weights of one story: kind weight times inverse member frequency.
struct Weights(FastMap<u64, f32>);

impl Weights {
    fn new(cfg: &PassageConfig, versions: &[Version]) -> Weights {
        let mut df: FastMap<u64, (u32, Kind)> = FastMap::default();
        for v in versions {
            for s in &v.sentences {
                for &(k, kind) in &s.keys {
                    df.entry(k).or_insert((0, kind));
                }
            }
            for k in &v.keys {
                if let Some(e) = df.get_mut(k) {
                    e.0 += 1;
                }
            }
        }
        let n = versions.len() as f32;
        Weights(
            df.into_iter()
                .map(|(k, (d, kind))| (k, cfg.kind_weight(kind) * (1.0 + (n / d.max(1) as f32).ln())))
                .collect(),
        )
    }

    fn of(&self, key: u64) -> f32 {
        self.0.get(&key).copied().unwrap_or(0.0)
    }

    /// Weighted Dice coefficient of two sentences' anchor sets; without `terms`, word stems are left
    /// out (across languages they meet only as cognates, and the many that do not meet would drown
    /// the names and figures that do).
    fn similarity(&self, a: &Sentence, b: &Sentence, terms: bool) -> f32 {
        let keep = |k: &&(u64, Kind)| terms || !matches!(k.1, Kind::Term | Kind::Quote);
        let ka: Vec<&(u64, Kind)> = a.keys.iter().filter(keep).collect();
        let kb: Vec<&(u64, Kind)> = b.keys.iter().filter(keep).collect();
        let (mut i, mut j) = (0, 0);
        let mut shared = 0.0;
        while i < ka.len() && j < kb.len() {
            match ka[i].0.cmp(&kb[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += self.of(ka[i].0);
                    i += 1;
                    j += 1;
                }
            }
        }
        let total: f32 = ka.iter().chain(&kb).map(|k| self.of(k.0)).sum();
        if total > 0.0 {
            2.0 * shared / total
        } else {
            0.0
        }
    }
}

/// The in-order sentence alignment of two versions maximising the summed similarity: `(i, j, sim)`.
fn align(
    cfg: &PassageConfig,
    w: &Weights,
    a: &[Sentence],
    b: &[Sentence],
    terms: bool,
) -> Vec<(usize, usize, f32)> {
    let (n, m) = (a.len(), b.len());
    let mut sim = vec![0.0f32; n * m];
    for i in 0..n {
        for j in 0..m {
            let s = w.similarity(&a[i], &b[j], terms);
            if s >= cfg.min_sentence_similarity {
                sim[i * m + j] = s;
            }
        }
    }
    // best[i][j]: best total aligning a[i..] with b[j..].
    let mut best = vec![0.0f32; (n + 1) * (m + 1)];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let take = sim[i * m + j];
            let with = if take > 0.0 {
                take + best[(i + 1) * (m + 1) + j + 1]
            } else {
                0.0
            };
            best[i * (m + 1) + j] = with
                .max(best[(i + 1) * (m + 1) + j])
                .max(best[i * (m + 1) + j + 1]);
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        let here = best[i * (m + 1) + j];
        let take = sim[i * m + j];
        if take > 0.0 && (here - (take + best[(i + 1) * (m + 1) + j + 1])).abs() <= f32::EPSILON * 8.0 {
            out.push((i, j, take));
            i += 1;
            j += 1;
        } else if (here - best[(i + 1) * (m + 1) + j]).abs() <= f32::EPSILON * 8.0 {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// Share of a text's non-blank characters lying in the given sentences.
fn coverage(text: &str, sentences: &[Sentence], chosen: impl Iterator<Item = usize>) -> f32 {
    let total = text.chars().filter(|c| !c.is_whitespace()).count().max(1);
    let covered: usize = chosen
        .map(|k| {
            text[sentences[k].start..sentences[k].end]
                .chars()
                .filter(|c| !c.is_whitespace())
                .count()
        })
        .sum();
    covered as f32 / total as f32
}

/// The anchored pair of two versions, when they restate each other sentence by sentence.
fn anchored_pair(cfg: &PassageConfig, w: &Weights, x: &Version, y: &Version) -> Option<Pair> {
    let (x, y) = if x.article.id < y.article.id {
        (x, y)
    } else {
        (y, x)
    };
    let same_language = x.article.language == y.article.language;
    let aligned = align(cfg, w, &x.sentences, &y.sentences, same_language);
    if aligned.len() < cfg.min_aligned_sentences {
        return None;
    }
    let cov_a = coverage(&x.article.text, &x.sentences, aligned.iter().map(|t| t.0));
    let cov_b = coverage(&y.article.text, &y.sentences, aligned.iter().map(|t| t.1));
    let mean = aligned.iter().map(|t| t.2).sum::<f32>() / aligned.len() as f32;
    if cov_a.min(cov_b) < cfg.min_coverage || mean < cfg.min_mean_similarity {
        return None;
    }
    let (ia, ib) = (CharIndex::new(&x.article.text), CharIndex::new(&y.article.text));
    let passages = aligned
        .iter()
        .map(|&(i, j, s)| Passage {
            a: ia.span(x.sentences[i].start, x.sentences[i].end),
            b: ib.span(y.sentences[j].start, y.sentences[j].end),
            identity: round4(s),
        })
        .collect();
    Some(Pair {
        a: x.article.id,
        b: y.article.id,
        similarity: round4(cov_a.max(cov_b)),
        jaccard: 0.0,
        containment_a_in_b: 0.0,
        containment_b_in_a: 0.0,
        coverage_a: round4(cov_a),
        coverage_b: round4(cov_b),
        passages,
        method: PairMethod::Anchors,
    })
}

fn round4(x: f32) -> f32 {
    (x * 10_000.0).round() / 10_000.0
}

/// Whether the aligner looks at two versions: in different languages (translations) or in one
/// language (rewrites), as configured; unknown languages count as one language.
fn wanted(cfg: &PassageConfig, a: &Article, b: &Article) -> bool {
    match (a.language.as_deref(), b.language.as_deref()) {
        (Some(p), Some(q)) if p != q => cfg.cross_language,
        _ => cfg.same_language,
    }
}

/// Each member's candidates: the members sharing most of its anchors held by at most
/// `max_posting` members, at most `max_candidates` of them, as `(x, y)` with `x < y`.
fn candidates(cfg: &PassageConfig, versions: &[Version]) -> BTreeSet<(usize, usize)> {
    let mut postings: FastMap<u64, Vec<usize>> = FastMap::default();
    for (i, v) in versions.iter().enumerate() {
        for &k in &v.keys {
            postings.entry(k).or_default().push(i);
        }
    }
    let mut out = BTreeSet::new();
    for (i, v) in versions.iter().enumerate() {
        let mut shared: BTreeMap<usize, u32> = BTreeMap::new();
        for k in &v.keys {
            let list = &postings[k];
            if list.len() > cfg.max_posting {
                continue;
            }
            for &j in list {
                if j != i {
                    *shared.entry(j).or_insert(0) += 1;
                }
            }
        }
        let mut ranked: Vec<(u32, usize)> = shared.into_iter().map(|(j, c)| (c, j)).collect();
        ranked.sort_unstable_by(|p, q| q.0.cmp(&p.0).then(p.1.cmp(&q.1)));
        for &(_, j) in ranked.iter().take(cfg.max_candidates) {
            out.insert((i.min(j), i.max(j)));
        }
    }
    out
}

/// The anchored pairs of one story's members: pairs the reuse stage did not find (`known`) between
/// versions that restate each other sentence by sentence.
fn story_pairs(
    cfg: &PassageConfig,
    members: &[&Article],
    known: &BTreeSet<(ArticleId, ArticleId)>,
) -> Vec<Pair> {
    let versions: Vec<Version> = members
        .iter()
        .map(|a| {
            let sentences = sentences(&a.text);
            let mut keys: Vec<u64> = sentences
                .iter()
                .flat_map(|s| s.keys.iter().map(|k| k.0))
                .collect();
            keys.sort_unstable();
            keys.dedup();
            Version {
                article: a,
                sentences,
                keys,
            }
        })
        .collect();
    let w = Weights::new(cfg, &versions);
    candidates(cfg, &versions)
        .into_iter()
        .filter(|&(i, j)| {
            let (a, b) = (versions[i].article, versions[j].article);
            wanted(cfg, a, b) && !known.contains(&(a.id.min(b.id), a.id.max(b.id)))
        })
        .filter_map(|(i, j)| anchored_pair(cfg, &w, &versions[i], &versions[j]))
        .collect()
}

/// Anchored pairs of every story: versions of one story that restate each other sentence by
/// sentence without sharing wording the reuse stage aligned (`reuse` pairs are skipped). Sorted by
/// `(a, b)`.
pub fn anchored_pairs(
    cfg: &PassageConfig,
    articles: &[Article],
    stories: &[Story],
    reuse: &[Pair],
) -> Vec<Pair> {
    use rayon::prelude::*;
    let by_id: BTreeMap<ArticleId, &Article> = articles.iter().map(|a| (a.id, a)).collect();
    let known: BTreeSet<(ArticleId, ArticleId)> = reuse.iter().map(|p| (p.a, p.b)).collect();
    let mut out: Vec<Pair> = stories
        .par_iter()
        .filter(|s| s.articles.len() > 1)
        .flat_map_iter(|s| {
            let members: Vec<&Article> = s
                .articles
                .iter()
                .filter_map(|id| by_id.get(id).copied())
                .collect();
            story_pairs(cfg, &members, &known)
        })
        .collect();
    out.sort_by_key(|p| (p.a, p.b));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use wiretrace_model::StoryId;

    fn article(id: u32, language: &str, text: &str) -> Article {
        let mut a = Article::new(format!("{id}.txt"), text);
        a.id = ArticleId(id);
        a.language = Some(language.into());
        a
    }

    const SOURCE: &str =
        "Harbour authorities in Velmora closed the Ostrel bridge on Monday after a cargo ship \
        struck a pillar. Mayor Ilse Drummond said 14 workers were inspecting the damage. The Karsten \
        Shipping vessel carried 3,200 tonnes of grain from Port Amsel. Engineer Tomas Vreeland estimated \
        repairs at 4.5 million euros. Ferries run by Norblad Lines will carry commuters until March. \
        Police chief Arno Pelt said the captain had been questioned.";
    const REWRITE: &str = "On Monday, the Ostrel bridge in Velmora was shut by harbour officials when a \
        freighter hit one of its pillars. Fourteen engineers are checking the damage, according to mayor \
        Ilse Drummond. Owned by Karsten Shipping, the ship was bringing 3,200 tonnes of grain from Port \
        Amsel. Repairs could cost 4.5 million euros, engineer Tomas Vreeland said. Until March, \
        commuters will use ferries operated by Norblad Lines. The captain was questioned, police chief \
        Arno Pelt confirmed.";
    const REPORT: &str = "Traffic in Velmora was slow on Tuesday. Commuters queued for ferries near \
        the Ostrel bridge. Shops near the harbour reported fewer customers. A council meeting on the \
        budget was postponed. Local schools opened late. Residents asked mayor Ilse Drummond for a \
        second crossing.";

    fn on() -> PassageConfig {
        PassageConfig {
            cross_language: true,
            same_language: true,
            ..Default::default()
        }
    }

    fn story(ids: &[u32]) -> Story {
        Story {
            id: StoryId(ids[0]),
            articles: ids.iter().map(|&i| ArticleId(i)).collect(),
            storyline: None,
            lineage: vec![],
        }
    }

    #[test]
    fn a_rewrite_is_aligned_sentence_by_sentence() {
        let arts = [
            article(1, "en", SOURCE),
            article(2, "en", REWRITE),
            article(3, "en", REPORT),
        ];
        let pairs = anchored_pairs(&on(), &arts, &[story(&[1, 2, 3])], &[]);
        assert_eq!(pairs.len(), 1, "{pairs:?}");
        let p = &pairs[0];
        assert_eq!(
            (p.a, p.b, p.method),
            (ArticleId(1), ArticleId(2), PairMethod::Anchors)
        );
        assert_eq!(p.passages.len(), 6);
        // The fourth passages hold the repair estimate in both texts.
        assert!(p.passages[3].a.slice(SOURCE).contains("4.5 million"));
        assert!(p.passages[3].b.slice(REWRITE).contains("4.5 million"));
    }

    #[test]
    fn pairs_the_reuse_stage_found_are_left_alone() {
        let arts = [article(1, "en", SOURCE), article(2, "en", REWRITE)];
        let reuse = anchored_pairs(&on(), &arts, &[story(&[1, 2])], &[]);
        assert_eq!(reuse.len(), 1);
        assert!(anchored_pairs(&on(), &arts, &[story(&[1, 2])], &reuse).is_empty());
        assert!(anchored_pairs(&PassageConfig::default(), &arts, &[story(&[1, 2])], &[]).is_empty());
    }

    #[test]
    fn cross_language_alignment_follows_the_setting() {
        let arts = [article(1, "en", SOURCE), article(2, "nl", REWRITE)];
        let stories = [story(&[1, 2])];
        assert!(anchored_pairs(&PassageConfig::default(), &arts, &stories, &[]).is_empty());
        let on = PassageConfig {
            cross_language: true,
            ..Default::default()
        };
        assert_eq!(anchored_pairs(&on, &arts, &stories, &[]).len(), 1);
    }

    #[test]
    fn sentences_split_on_any_script_and_lines() {
        let text = "Uno dice algo. Otro sigue aquí!\nLínea nueva sin punto\n\nفقرة أخرى؟ نعم";
        let got: Vec<&str> = sentence_ranges(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(
            got,
            [
                "Uno dice algo.",
                "Otro sigue aquí!",
                "Línea nueva sin punto",
                "فقرة أخرى؟",
                "نعم"
            ]
        );
    }
}
