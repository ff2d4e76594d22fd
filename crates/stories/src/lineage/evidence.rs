//! Lineage evidence: what each member is (its 3-grams, facts, credit lines, headline, time) and the
//! score of every candidate edge `source → copy` and of "this member is an origin".

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::features::{intersect_count, Detail, FastMap};
use crate::Config;

/// Sentences with fewer 3-grams than this are too short to show a source they are missing.
const HIDDEN_MIN_SENTENCE_GRAMS: usize = 6;
/// A sentence counts as explained by a candidate when at least this share of its 3-grams is in it.
const HIDDEN_EXPLAINED_SHARE: f32 = 0.3;
/// An unexplained sentence is on-topic (not unrelated padding) when it names at least this many of
/// the people, places and organisations the candidate names.
const HIDDEN_MIN_SHARED_NAMES: usize = 2;
/// Factor on an edge whose copy holds on-topic passages the candidate lacks (a hidden common source):
/// halved, so two versions of a wire missing from the corpus come out as siblings.
const HIDDEN_SOURCE_FACTOR: f32 = 0.5;
/// A version in another language explaining less than this share of its wording is a translation
/// (then its facts, not its words, tie it to its source).
const TRANSLATION_MAX_EXPLAINED: f32 = 0.3;
/// A translation's edge scores at least the origin score minus this, plus
/// [`TRANSLATION_FACT_WEIGHT`] times the share of its facts the source holds: a translation holding
/// most of its source's facts beats being an origin.
const TRANSLATION_BELOW_ORIGIN: f32 = 0.1;
/// See [`TRANSLATION_BELOW_ORIGIN`].
const TRANSLATION_FACT_WEIGHT: f32 = 0.4;
/// Tie-breaks far below any evidence: a wire agency's own article, then an earlier version, wins an
/// exact tie (verbatim copies of a wire).
const AGENCY_TIE_BREAK: f32 = 1e-3;
/// See [`AGENCY_TIE_BREAK`].
const EARLIER_TIE_BREAK: f32 = 1e-4;
/// A figure or name of the copy counts as changed by the candidate source when the candidate holds
/// none of the 3-grams around it but at least this share of the rest of its sentence (the candidate
/// carries the sentence, with that word replaced).
const CONTRADICTION_SENTENCE_SHARE: f32 = 0.5;
/// A candidate source that changed this many of the copy's figures and names, at places where the
/// copy keeps the earliest versions' wording, is ruled out: a copy cannot restore wording its source
/// replaced. One such place is left to chance (an editor fixing a misspelt name, a rounded figure
/// put back); two are not.
const MIN_CONTRADICTED_SITES: usize = 2;
/// Score taken off a candidate source for each contradicted place short of
/// [`MIN_CONTRADICTED_SITES`]. One restored figure or name may be chance, but it is stronger
/// evidence than common word substitutions ("said" → "stated") that independent editors make alike:
/// a tenth of the copy's wording outweighs a handful of such shared substitutions, while a candidate
/// that clearly holds more of the copy keeps its lead.
const CONTRADICTED_SITE_PENALTY: f32 = 0.25;

/// One member of the story as lineage sees it: its corpus evidence and what lineage alone reads,
/// extracted for this story only.
pub(super) struct Member<'a> {
    /// Publication time, seconds since the epoch.
    pub(super) time: Option<i64>,
    /// Language code, when known.
    pub(super) language: Option<&'a str>,
    /// Sorted, deduplicated 3-gram hashes.
    pub(super) shingles: &'a [u32],
    /// Sorted ids of its language-independent facts (names, spans, figures).
    pub(super) facts: &'a [u32],
    pub(super) detail: Detail,
}

/// Scored candidate sources of each member: `0[x]` maps source `y` to (score, facts); `1[x]` lists
/// the candidates the contradiction test ruled out: (candidate, places it changed, share of `x`'s
/// 3-grams it holds).
pub(super) struct Incoming(
    pub(super) Vec<BTreeMap<usize, (f64, EdgeFacts)>>,
    pub(super) Vec<Vec<(usize, usize, f32)>>,
);

impl Incoming {
    pub(super) fn get(&self, y: usize, x: usize) -> Option<(f64, EdgeFacts)> {
        self.0[x].get(&y).copied()
    }

    /// The scored candidate sources of `x` in ascending order of source: a few per member, so
    /// whatever reads every member's sources stays linear in the story's size.
    pub(super) fn sources(&self, x: usize) -> impl Iterator<Item = (usize, f64, EdgeFacts)> + '_ {
        self.0[x].iter().map(|(&y, &(s, ef))| (y, s, ef))
    }

    /// Among the candidate sources of `x` ruled out by the contradiction test, the one holding the
    /// most of `x`'s wording if it holds at least `explained` (it looked closer than the chosen
    /// source), with the number of places it changed.
    pub(super) fn ruled_out_closer(&self, x: usize, explained: f32) -> Option<(usize, usize)> {
        self.1[x]
            .iter()
            .filter(|r| r.2 >= explained)
            .max_by(|a, b| a.2.total_cmp(&b.2).then(b.0.cmp(&a.0)))
            .map(|r| (r.0, r.1))
    }
}

/// Facts about a candidate edge, kept for the reason sentence.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct EdgeFacts {
    pub(super) explained: f32,
    pub(super) title: f32,
    pub(super) credit: bool,
    pub(super) hidden: f32,
    pub(super) variants: usize,
    pub(super) outlet_credit: bool,
    pub(super) missing_agency: Option<&'static str>,
    pub(super) rewrite: Option<f32>,
}

fn jaccard(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let i = intersect_count(a, b) as f32;
    i / ((a.len() + b.len()) as f32 - i)
}

/// Share of `x`'s 3-grams lying in on-topic sentences that `y` does not explain. A sentence is on-topic
/// when it names at least two of the people, places or organisations that `y` names; padding taken from
/// unrelated articles names others, so it does not count.
fn hidden_share(x: &Member, y: &Member) -> f32 {
    let total = x.shingles.len().max(1) as f32;
    let mut hidden = 0usize;
    for (sh, names) in &x.detail.sentences {
        if sh.len() < HIDDEN_MIN_SENTENCE_GRAMS {
            continue;
        }
        let found = sh.iter().filter(|s| y.shingles.binary_search(s).is_ok()).count();
        if (found as f32) / (sh.len() as f32) >= HIDDEN_EXPLAINED_SHARE {
            continue;
        }
        if intersect_count(names, &y.detail.names) >= HIDDEN_MIN_SHARED_NAMES {
            hidden += sh.len();
        }
    }
    hidden as f32 / total
}

/// The places where copy `x` keeps the wording of every one of the `earliest` versions around one of
/// its figures or names while candidate `y` carries the sentence with that word replaced (a changed
/// figure, a misspelt name). Counted once per place: adjacent facts (a first and a last name) are
/// one edit.
pub(super) fn contradicted_sites(x: &Member, y: &Member, earliest: &[&Member]) -> usize {
    let holds = |m: &Member, g: &u32| m.shingles.binary_search(g).is_ok();
    let mut sites = 0;
    for ((grams, _), facts) in x.detail.sentences.iter().zip(&x.detail.sentence_facts) {
        if grams.len() < HIDDEN_MIN_SENTENCE_GRAMS || facts.is_empty() {
            continue;
        }
        // Most facts are settled by the few 3-grams around them; the sentence's count in `y` is
        // taken once, when a fact first needs it.
        let in_y = |k: usize| holds(y, &grams[k]);
        let mut all_in_y: Option<usize> = None;
        let mut last_site: Option<usize> = None;
        for &p in facts {
            let p = p as usize;
            // The 3-grams covering token `p`: gram `k` spans tokens `k..k + 3`.
            let (lo, hi) = (p.saturating_sub(2), p.min(grams.len() - 1));
            if lo > hi || last_site.is_some_and(|q| p <= q + 2) {
                continue;
            }
            // The word replaced is the fact itself: a 3-gram just before or just after those
            // covering it (which holds its neighbours, not it) is in `y`. One side is enough: the
            // other may hold a second edit of the same sentence (a respelt word beside the figure).
            let beside: Vec<usize> = [p.checked_sub(3), Some(p + 1).filter(|&k| k < grams.len())]
                .into_iter()
                .flatten()
                .collect();
            if (lo..=hi).any(in_y) || !beside.iter().any(|&k| in_y(k)) {
                continue;
            }
            let rest = grams.len() - (hi + 1 - lo);
            // None of the grams covering the fact is in `y`, so the sentence's count is the rest's.
            let rest_in_y = *all_in_y.get_or_insert_with(|| (0..grams.len()).filter(|&k| in_y(k)).count());
            if rest == 0 || (rest_in_y as f32) < CONTRADICTION_SENTENCE_SHARE * rest as f32 {
                continue;
            }
            if earliest
                .iter()
                .all(|o| grams[lo..=hi].iter().all(|g| holds(o, g)))
            {
                sites += 1;
                last_site = Some(p);
            }
        }
    }
    sites
}

/// Whether `y` holds more of `x`'s facts (names, places, figures) than any of `others` does: the
/// other candidate sources in `x`'s own language (those in `y`'s language may be copies of `y`).
/// Reports of one event share its main names and figures, so a version in another language is
/// taken for `x`'s translated source only when its facts single it out; when a version in `x`'s own
/// language that `x` does not copy holds as many, the facts tie `x` to the event, not to `y` (on
/// real-news-dev, 20 of 21 translation claims without this test joined independent reports).
fn facts_single_out<'m, 'a: 'm>(
    x: &Member<'a>,
    y: &Member<'a>,
    others: impl Iterator<Item = &'m Member<'a>>,
) -> bool {
    let held = intersect_count(x.facts, y.facts);
    others
        .into_iter()
        .all(|z| intersect_count(x.facts, z.facts) < held)
}

/// The candidates presumed to hold the original wording: the earliest dated ones (none dated
/// strictly before them), narrowed to a wire agency's own article when one is among them (see
/// [`root_scores`]).
fn presumed_originals(feats: &[Member], candidates: &[usize]) -> Vec<usize> {
    let day = |t: i64| t.div_euclid(86_400);
    let day_only = |t: i64| t.rem_euclid(86_400) == 0;
    let dated = || candidates.iter().filter_map(|&k| feats[k].time);
    let Some(first_day) = dated().map(day).min() else {
        return Vec::new();
    };
    let first_time = dated().filter(|&t| !day_only(t)).min();
    // `strictly_before` compares by day when either side is a date only, by time otherwise.
    let earliest: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&k| {
            feats[k]
                .time
                .is_some_and(|t| day(t) == first_day && (day_only(t) || first_time.is_none_or(|f| t <= f)))
        })
        .collect();
    if earliest.iter().any(|&k| feats[k].detail.own_agency.is_some()) {
        earliest
            .into_iter()
            .filter(|&k| feats[k].detail.own_agency.is_some())
            .collect()
    } else {
        earliest
    }
}

/// Whether `a` is strictly before `b`; a time of exactly midnight UTC is a date only, compared by day.
fn strictly_before(a: i64, b: i64) -> bool {
    let day_only = |t: i64| t.rem_euclid(86_400) == 0;
    if day_only(a) || day_only(b) {
        a.div_euclid(86_400) < b.div_euclid(86_400)
    } else {
        a < b
    }
}

/// Whether a source published at `src` can precede a copy published at `copy`. A time of exactly
/// midnight UTC is read as a date without a time (file names, date-only metadata), so it only rules out
/// sources from a later day.
pub(super) fn allowed(src: Option<i64>, copy: Option<i64>) -> bool {
    match (src, copy) {
        (Some(s), Some(c)) => {
            let day_only = |t: i64| t.rem_euclid(86_400) == 0;
            if day_only(s) || day_only(c) {
                s.div_euclid(86_400) <= c.div_euclid(86_400)
            } else {
                s <= c
            }
        }
        _ => true,
    }
}

pub(super) fn agency_label(f: &Member) -> Option<&'static str> {
    f.detail.own_agency.map(|a| a.code)
}

/// The score of "this member is an origin" for each member: [`Config::origin_score`], raised for a
/// wire agency's own article that credits no other agency, lowered for one crediting another agency
/// whose article is in the story (it says it copied).
pub(super) fn root_scores(cfg: &Config, feats: &[Member], agencies_present: &[&'static str]) -> Vec<f32> {
    let f = |k: usize| &feats[k];
    let mut root = vec![cfg.origin_score; feats.len()];
    for (k, r) in root.iter_mut().enumerate() {
        let fx = f(k);
        if let Some(own) = fx.detail.own_agency {
            if fx.detail.credits.iter().all(|c| c.code == own.code) {
                *r += cfg.agency_origin_bonus;
            }
        }
        // Crediting another agency whose article is in the story admits copying.
        let own_code = fx.detail.own_agency.map(|a| a.code);
        if fx
            .detail
            .credits
            .iter()
            .any(|c| Some(c.code) != own_code && agencies_present.contains(&c.code))
        {
            *r -= cfg.credit_copy_penalty;
        }
    }

    root
}

/// Every scored candidate edge `y → x` (see the module docs for the evidence), at most
/// [`Config::max_parent_candidates`] per member. `df` is the story-level document frequency of
/// 3-grams (for wording variants only two versions share).
#[allow(clippy::needless_range_loop)] // members are addressed by index in several tables at once
pub(super) fn candidate_edges(
    cfg: &Config,
    feats: &[Member],
    df: &FastMap<u32, u32>,
    agencies_present: &[&'static str],
) -> Incoming {
    let n = feats.len();
    let f = |k: usize| &feats[k];
    // Large stories: compare each article with the `lineage_window` nearest versions in time order on
    // either side (undated ones sort last), which bounds the cost at O(n × window).
    let mut by_time: Vec<usize> = (0..n).collect();
    by_time.sort_by_key(|&k| (f(k).time.unwrap_or(i64::MAX), k));
    let mut rank = vec![0usize; n];
    for (r, &k) in by_time.iter().enumerate() {
        rank[k] = r;
    }
    // Per-story facts the edges below consult, computed once (a story copied thousands of times
    // would otherwise scan every member for every candidate edge).
    let mut title_count: FastMap<&[u64], usize> = FastMap::default();
    for k in 0..n {
        *title_count.entry(f(k).detail.title.as_slice()).or_insert(0) += 1;
    }
    let undated = (0..n).filter(|&k| f(k).time.is_none()).count();
    let mut dated: Vec<(i64, usize)> = (0..n).filter_map(|k| f(k).time.map(|t| (t, k))).collect();
    dated.sort_unstable();
    // The earliest time among the members other than `y`.
    let earliest_other = |y: usize| dated.iter().find(|&&(_, k)| k != y).map(|&(t, _)| t);
    // The score of edge `y → x` and its facts, given the copy's hidden-source share (`None`: taken
    // as passing that test; `variants` is counted only for the edges kept).
    let edge = |x: usize, y: usize, hidden: Option<f32>, others: &[usize]| -> (f32, EdgeFacts) {
        let (fx, fy) = (f(x), f(y));
        let sx = fx.shingles.len().max(1) as f32;
        let inter = intersect_count(fx.shingles, fy.shingles) as f32;
        let explained = inter / sx;
        let retained = inter / fy.shingles.len().max(1) as f32;
        let title = jaccard(&fx.detail.title, &fy.detail.title);
        let credit = fy
            .detail
            .own_agency
            .is_some_and(|a| fx.detail.credits.iter().any(|c| c.code == a.code));
        let mut score = explained + cfg.retention_weight * retained + cfg.title_weight * title;
        if credit {
            score += cfg.credit_bonus;
        }
        if hidden.is_some_and(|h| h >= cfg.hidden_source_share) {
            score *= HIDDEN_SOURCE_FACTOR;
        }
        // A translation shares no words but carries its source's facts: when most of its names,
        // places and figures are in a version in another language, that is evidence of descent
        // (weighed after the hidden-source test, since a translation explains none of its sentences
        // by wording). A same-language rewrite sharing little wording is an independent report.
        let facts = if fx.facts.is_empty() {
            0.0
        } else {
            intersect_count(fx.facts, fy.facts) as f32 / fx.facts.len() as f32
        };
        let cross_language = matches!((&fx.language, &fy.language), (Some(p), Some(q)) if p != q);
        let rewrite = cross_language
            && explained < TRANSLATION_MAX_EXPLAINED
            && facts >= cfg.rewrite_fact_coverage
            && facts_single_out(
                fx,
                fy,
                others
                    .iter()
                    .filter(|&&z| z != y && f(z).language == fx.language)
                    .map(|&z| f(z)),
            );
        if rewrite {
            score = score.max(cfg.origin_score - TRANSLATION_BELOW_ORIGIN + TRANSLATION_FACT_WEIGHT * facts);
        }
        // "Via Vennick Herald", "Originally published by …": the copy names this version's outlet.
        let outlet_credit = fx.detail.credited_names.iter().any(|c| {
            c.len() >= 4
                && fy
                    .detail
                    .known_as
                    .iter()
                    .any(|k| k == c || k.contains(&format!("{c}-")) || k.ends_with(c.as_str()))
        });
        if outlet_credit {
            score += cfg.outlet_credit_bonus;
        }
        // The copy credits an agency whose original is not in the story, and nothing ties it to
        // this version instead (no credit to its outlet, no shared headline): the two are more
        // likely independent republications of the missing wire.
        let missing_agency = fx
            .detail
            .credits
            .iter()
            .map(|c| c.code)
            .find(|c| !agencies_present.contains(c) && fy.detail.own_agency.is_none_or(|a| a.code != *c));
        let shared_title = !fx.detail.title.is_empty()
            && fx.detail.title == fy.detail.title
            && title_count.get(fx.detail.title.as_slice()) == Some(&2);
        // A version that is undated, or dated before every other, may itself be the agency's
        // original under an outlet name we do not recognise: it is never ruled out this way.
        let possible_original = match fy.time {
            None => true,
            // `strictly_before(t, ·)` grows with its second argument: the earliest other decides.
            Some(t) => undated == 0 && earliest_other(y).is_none_or(|tk| strictly_before(t, tk)),
        };
        let missing_agency = missing_agency.filter(|_| !outlet_credit && !shared_title && !possible_original);
        if missing_agency.is_some() {
            score *= cfg.missing_agency_factor;
        }
        // Wire articles and earlier versions win exact ties (verbatim copies of a wire).
        if fy.detail.own_agency.is_some() {
            score += AGENCY_TIE_BREAK;
        }
        if let (Some(ty), Some(tx)) = (fy.time, fx.time) {
            if ty < tx {
                score += EARLIER_TIE_BREAK;
            }
        }
        let ef = EdgeFacts {
            explained,
            title,
            credit,
            hidden: hidden.unwrap_or(0.0),
            variants: 0,
            outlet_credit,
            missing_agency,
            rewrite: rewrite.then_some(facts),
        };
        (score, ef)
    };
    let window = cfg.lineage_window_for(n);
    // Each member's candidates depend on the story alone, not on the other members' results: they
    // are found in parallel (a story of thousands of versions would otherwise hold one thread).
    let per_member = |x: usize| {
        let mut kept: BTreeMap<usize, (f64, EdgeFacts)> = BTreeMap::new();
        let mut ruled_out: Vec<(usize, usize, f32)> = Vec::new();
        let fx = f(x);
        let lo = rank[x].saturating_sub(window);
        let hi = (rank[x] + window + 1).min(n);
        // Each edge's score with the hidden-source test passed is an upper bound (the test can only
        // halve it). The test, the costly part (every sentence of the copy looked up in the source),
        // runs in bound order until no remaining bound can enter the kept candidates: the same
        // candidates as testing every edge, at a few tests per member instead of one per edge.
        let first_versions = &by_time[..cfg.lineage_earliest.min(lo)];
        let mut window: Vec<usize> = first_versions
            .iter()
            .chain(&by_time[lo..hi])
            .copied()
            .filter(|&y| y != x && allowed(f(y).time, fx.time))
            .collect();
        window.sort_unstable();
        // A candidate that changed the copy's figures or names where the copy keeps the presumed
        // original's wording is ruled out before scoring (the contradiction test).
        let originals = presumed_originals(feats, &window);
        let original_members: Vec<&Member> = originals.iter().map(|&k| f(k)).collect();
        let sx = fx.shingles.len().max(1) as f32;
        // Candidates with a contradicted place too few to rule them out, and how many.
        let mut contradicted: Vec<(usize, usize)> = Vec::new();
        window.retain(|&y| {
            if originals.is_empty() || originals.contains(&y) {
                return true;
            }
            let sites = contradicted_sites(fx, f(y), &original_members);
            if sites >= MIN_CONTRADICTED_SITES {
                let held = intersect_count(fx.shingles, f(y).shingles) as f32 / sx;
                ruled_out.push((y, sites, held));
                return false;
            }
            if sites > 0 {
                contradicted.push((y, sites));
            }
            true
        });
        let penalty = |y: usize| {
            contradicted
                .iter()
                .find(|c| c.0 == y)
                .map_or(0.0, |c| CONTRADICTED_SITE_PENALTY * c.1 as f32)
        };
        let mut bounds: Vec<(f32, usize)> = window
            .iter()
            .map(|&y| (edge(x, y, None, &window).0 - penalty(y), y))
            .collect();
        bounds.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut cands: Vec<(f64, usize, EdgeFacts)> = Vec::new();
        for (bound, y) in bounds {
            if cands.len() >= cfg.max_parent_candidates
                && (bound as f64) < cands[cfg.max_parent_candidates - 1].0
            {
                break;
            }
            let (score, ef) = edge(x, y, Some(hidden_share(fx, f(y))), &window);
            cands.push(((score - penalty(y)) as f64, y, ef));
            cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            cands.truncate(cfg.max_parent_candidates);
        }
        for (s, y, mut ef) in cands {
            let fy = f(y);
            ef.variants = if ef.explained > 0.0 {
                fx.shingles
                    .iter()
                    .filter(|s| fy.shingles.binary_search(s).is_ok())
                    .filter(|s| n > 2 && df.get(s).copied().unwrap_or(0) <= 2)
                    .count()
            } else {
                0
            };
            kept.insert(y, (s, ef));
        }
        (kept, ruled_out)
    };
    let (kept, ruled_out) = (0..n).into_par_iter().map(per_member).unzip();
    Incoming(kept, ruled_out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::{extract, extract_detail};
    use wiretrace_model::Article;

    const ORIGINAL: &str = "Mr Calado said the first 180 kilometres of pipe would reach the northern reservoirs at Monte Alvo by 2028, four years after work begins.";

    /// Counts the places where a copy holding `ORIGINAL` contradicts a source holding `source`.
    fn sites_against(source: &str) -> usize {
        sites(ORIGINAL, source)
    }

    /// Counts the places where a copy holding `copy` contradicts a source holding `source`, the
    /// wire holding `ORIGINAL`.
    fn sites(copy: &str, source: &str) -> usize {
        let (copy, orig, src) = (
            Article::new("copy.txt", copy),
            Article::new("wire.txt", ORIGINAL),
            Article::new("source.txt", source),
        );
        let feats: Vec<_> = [&copy, &orig, &src].iter().map(|a| extract(a)).collect();
        let member = |k: usize, a: &Article| Member {
            time: None,
            language: None,
            shingles: &feats[k].shingles,
            facts: &[],
            detail: extract_detail(a),
        };
        let (x, w, y) = (member(0, &copy), member(1, &orig), member(2, &src));
        contradicted_sites(&x, &y, &[&w])
    }

    #[test]
    fn a_translation_source_must_hold_more_of_the_copys_facts_than_any_other_version() {
        let blank = Article::new("blank.txt", "");
        let member = |facts: &'static [u32]| Member {
            time: None,
            language: None,
            shingles: &[],
            facts,
            detail: extract_detail(&blank),
        };
        let (x, y) = (member(&[1, 2, 3, 4, 5]), member(&[1, 2, 3, 4, 9]));
        let fewer = member(&[1, 2, 3, 7]);
        let as_many = member(&[1, 2, 3, 4]);
        assert!(facts_single_out(&x, &y, [&fewer].into_iter()));
        assert!(!facts_single_out(&x, &y, [&fewer, &as_many].into_iter()));
    }

    #[test]
    fn a_replaced_figure_and_a_misspelt_name_are_two_contradicted_places() {
        let source = ORIGINAL
            .replace("180 kilometres", "280 kilometres")
            .replace("Monte Alvo", "Monte Alva");
        assert_eq!(sites_against(&source), 2);
    }

    #[test]
    fn a_figure_replaced_near_a_reworded_word_is_still_a_contradicted_place() {
        // The copy reworded "said" just before the figure the source changed: only the 3-grams
        // after the figure anchor it in the source, which is enough.
        let copy = ORIGINAL.replace("said", "stated");
        let source = ORIGINAL.replace("180", "150");
        assert_eq!(sites(&copy, &source), 1);
        // The wire itself changed nothing of the copy's.
        assert_eq!(sites(&copy, ORIGINAL), 0);
    }

    #[test]
    fn a_word_replaced_beside_a_name_does_not_contradict_the_name() {
        // "said" became "stated" next to "Calado": the name itself is unchanged.
        let source = ORIGINAL.replace("Calado said", "Calado stated");
        assert_eq!(sites_against(&source), 0);
        assert_eq!(sites_against(ORIGINAL), 0);
    }
}
