//! Stage 7, *lineage*: inside one story, the most likely source of each article (or none: an origin).
//!
//! Every ordered pair of members is a candidate edge `source → copy`, scored from:
//! - **explanation** `a`: the share of the copy's word 3-grams found in the source. A copy's text is
//!   its source's text plus its own edits, so its true parent explains it at least as well as any
//!   ancestor (the parent's edits, garbled quotes included, are inherited) or sibling (whose own edits
//!   and cuts it lacks);
//! - **retention** `b` (weight [`Config::retention_weight`]): the share of the source's 3-grams kept in
//!   the copy; it separates a trimmed parent from the fuller grandparent;
//! - small bonuses for a shared headline and for a credit line naming the source's agency;
//! - the **time constraint**: a source published after the copy is ruled out (unknown dates rule
//!   nothing out);
//! - the **hidden common source** test: when the copy holds on-topic paragraphs (names shared with the
//!   candidate) that the candidate lacks, the candidate cannot be its only source; the edge is halved,
//!   so two versions of a wire missing from the corpus come out as sibling origins.
//!
//! A virtual root's edge to each article scores "this is an origin" ([`Config::origin_score`], raised
//! for a wire agency's own article). The maximum spanning arborescence over these edges gives one
//! source per article; its margin over the best alternative gives the confidence.

mod reasons;

use std::collections::BTreeMap;

use wiretrace_model::{Article, LineageEdge};

use crate::arborescence::{max_arborescence, Arc};
use crate::cluster::Corpus;
use crate::features::{intersect_count, Detail, FastMap};
use crate::Config;
pub(crate) use reasons::SharedText;
use reasons::{origin_reason, parent_reason};

/// One member of the story as lineage sees it: its corpus evidence and what lineage alone reads,
/// extracted for this story only.
struct Member<'a> {
    /// Publication time, seconds since the epoch.
    time: Option<i64>,
    /// Language code, when known.
    language: Option<&'a str>,
    /// Sorted, deduplicated 3-gram hashes.
    shingles: &'a [u32],
    /// Sorted ids of its language-independent facts (names, spans, figures).
    facts: &'a [u32],
    detail: Detail,
}

/// Scored candidate sources of each member: `0[x]` maps source `y` to (score, facts).
struct Incoming(Vec<BTreeMap<usize, (f64, EdgeFacts)>>);

impl Incoming {
    fn get(&self, y: usize, x: usize) -> Option<(f64, EdgeFacts)> {
        self.0[x].get(&y).copied()
    }
}

/// Facts about a candidate edge, kept for the reason sentence.
#[derive(Debug, Clone, Copy, Default)]
struct EdgeFacts {
    explained: f32,
    title: f32,
    credit: bool,
    hidden: f32,
    variants: usize,
    outlet_credit: bool,
    missing_agency: Option<&'static str>,
    rewrite: Option<f32>,
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
        if sh.len() < 6 {
            continue;
        }
        let found = sh.iter().filter(|s| y.shingles.binary_search(s).is_ok()).count();
        if (found as f32) / (sh.len() as f32) >= 0.3 {
            continue;
        }
        if intersect_count(names, &y.detail.names) >= 2 {
            hidden += sh.len();
        }
    }
    hidden as f32 / total
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
fn allowed(src: Option<i64>, copy: Option<i64>) -> bool {
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

fn agency_label(f: &Member) -> Option<&'static str> {
    f.detail.own_agency.map(|a| a.code)
}

#[allow(clippy::needless_range_loop)] // members are addressed by index in several tables at once
/// Computes the lineage of one story. `members` are corpus positions, sorted by article id.
pub(crate) fn lineage(
    cfg: &Config,
    articles: &[&Article],
    corpus: &Corpus,
    members: &[usize],
    shared: &SharedText,
) -> Vec<LineageEdge> {
    let n = members.len();
    if n == 1 {
        return vec![LineageEdge {
            credit: None,
            article: articles[members[0]].id,
            source: None,
            confidence: 1.0,
            reason: "Origin: the only article of its story.".to_string(),
        }];
    }
    // The members' corpus evidence, with the paragraph and sentence detail (not kept corpus-wide).
    let feats: Vec<Member> = members
        .iter()
        .map(|&m| Member {
            time: corpus.time(m),
            language: corpus.language(m),
            shingles: corpus.shingles(m),
            facts: corpus.facts_of(m),
            detail: crate::features::extract_detail(articles[m]),
        })
        .collect();
    let f = |k: usize| &feats[k];
    // Story-level document frequency of 3-grams, for "wording variants only two versions share".
    let mut df: FastMap<u32, u32> = FastMap::default();
    for k in 0..n {
        for s in f(k).shingles {
            *df.entry(*s).or_insert(0) += 1;
        }
    }
    let agencies_present: Vec<&'static str> = (0..n).filter_map(|k| agency_label(f(k))).collect();

    // Root scores.
    let mut root = vec![cfg.origin_score; n];
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

    // Candidate edges y -> x.
    let mut facts = Incoming(vec![BTreeMap::new(); n]);
    // Large stories: compare each article with the `lineage_window` nearest versions in time order on
    // either side (undated ones sort last), which bounds the cost at O(n × window).
    let mut by_time: Vec<usize> = (0..n).collect();
    by_time.sort_by_key(|&k| (f(k).time.unwrap_or(i64::MAX), k));
    let mut rank = vec![0usize; n];
    for (r, &k) in by_time.iter().enumerate() {
        rank[k] = r;
    }
    for x in 0..n {
        let fx = f(x);
        let sx = fx.shingles.len().max(1) as f32;
        let mut cands: Vec<(f64, usize, EdgeFacts)> = Vec::new();
        let lo = rank[x].saturating_sub(cfg.lineage_window);
        let hi = (rank[x] + cfg.lineage_window + 1).min(n);
        let mut window: Vec<usize> = by_time[lo..hi].to_vec();
        window.sort_unstable();
        for y in window {
            if x == y {
                continue;
            }
            let fy = f(y);
            if !allowed(fy.time, fx.time) {
                continue;
            }
            let inter = intersect_count(fx.shingles, fy.shingles) as f32;
            let explained = inter / sx;
            let retained = inter / fy.shingles.len().max(1) as f32;
            let title = jaccard(&fx.detail.title, &fy.detail.title);
            let credit = fy
                .detail
                .own_agency
                .is_some_and(|a| fx.detail.credits.iter().any(|c| c.code == a.code));
            let hidden = hidden_share(fx, fy);
            let mut score = explained + cfg.retention_weight * retained + cfg.title_weight * title;
            if credit {
                score += cfg.credit_bonus;
            }
            if hidden >= cfg.hidden_source_share {
                score *= 0.5;
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
            let rewrite = cross_language && explained < 0.3 && facts >= cfg.rewrite_fact_coverage;
            if rewrite {
                score = score.max(cfg.origin_score - 0.1 + 0.4 * facts);
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
            let missing_agency =
                fx.detail.credits.iter().map(|c| c.code).find(|c| {
                    !agencies_present.contains(c) && fy.detail.own_agency.is_none_or(|a| a.code != *c)
                });
            let shared_title = !fx.detail.title.is_empty()
                && fx.detail.title == fy.detail.title
                && (0..n).filter(|&k| f(k).detail.title == fx.detail.title).count() == 2;
            // A version that is undated, or dated before every other, may itself be the agency's
            // original under an outlet name we do not recognise: it is never ruled out this way.
            let possible_original = match fy.time {
                None => true,
                Some(t) => (0..n).all(|k| k == y || f(k).time.is_some_and(|tk| strictly_before(t, tk))),
            };
            let missing_agency =
                missing_agency.filter(|_| !outlet_credit && !shared_title && !possible_original);
            if missing_agency.is_some() {
                score *= cfg.missing_agency_factor;
            }
            // Wire articles and earlier versions win exact ties (verbatim copies of a wire).
            if fy.detail.own_agency.is_some() {
                score += 1e-3;
            }
            if let (Some(ty), Some(tx)) = (fy.time, fx.time) {
                if ty < tx {
                    score += 1e-4;
                }
            }
            let variants = if explained > 0.0 {
                fx.shingles
                    .iter()
                    .filter(|s| fy.shingles.binary_search(s).is_ok())
                    .filter(|s| n > 2 && df.get(s).copied().unwrap_or(0) <= 2)
                    .count()
            } else {
                0
            };
            let ef = EdgeFacts {
                explained,
                title,
                credit,
                hidden,
                variants,
                outlet_credit,
                missing_agency,
                rewrite: rewrite.then_some(facts),
            };
            cands.push((score as f64, y, ef));
        }
        cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        cands.truncate(cfg.max_parent_candidates);
        for (s, y, ef) in cands {
            facts.0[x].insert(y, (s, ef));
        }
    }

    // Arborescence: node 0 is the virtual root, member k is node k + 1.
    let mut arcs = Vec::new();
    for x in 0..n {
        arcs.push(Arc {
            from: 0,
            to: x + 1,
            score: root[x] as f64,
        });
        for y in 0..n {
            if let Some((s, _)) = facts.get(y, x) {
                arcs.push(Arc {
                    from: y + 1,
                    to: x + 1,
                    score: s,
                });
            }
        }
    }
    let chosen = max_arborescence(n + 1, 0, &arcs);
    let mut parent: Vec<Option<usize>> = (0..n)
        .map(|x| chosen[x + 1].and_then(|k| (arcs[k].from > 0).then(|| arcs[k].from - 1)))
        .collect();

    // Refinement between a version W and its copies: does X descend from W directly or through one
    // of W's copies Y? `prefers_copy` weighs inherited wording (Y's own substitutions found in X) and
    // inherited cuts (Y's trimmed text retained better), and never accepts a Y that explains less of X
    // than W does. Demote first (walk up while the chosen source is not preferred over its own source),
    // then promote (move down to a copy of the source when it is preferred); order is by time then id.
    let mut refined = vec![false; n];
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&k| (f(k).time.unwrap_or(i64::MAX), k));
    for &x in &order {
        while let Some(y) = parent[x] {
            let Some(w) = parent[y] else { break };
            if !allowed(f(w).time, f(x).time)
                || facts.get(w, x).is_none()
                || prefers_copy(cfg, f(x), f(y), f(w))
            {
                break;
            }
            parent[x] = Some(w);
            refined[x] = true;
        }
    }
    for _round in 0..4 {
        let mut changed = false;
        for &x in &order {
            let Some(w) = parent[x] else { continue };
            let mut best: Option<(f64, usize)> = None;
            for y in 0..n {
                if y == x
                    || y == w
                    || facts.get(y, x).is_none()
                    || is_ancestor(&parent, x, y)
                    || !is_ancestor(&parent, w, y)
                {
                    continue;
                }
                if prefers_copy(cfg, f(x), f(y), f(w)) {
                    let s = facts.get(y, x).map(|(s, _)| s).unwrap_or(0.0);
                    if best.is_none_or(|(bs, _)| s > bs) {
                        best = Some((s, y));
                    }
                }
            }
            if let Some((_, y)) = best {
                parent[x] = Some(y);
                refined[x] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let ancestor_preferred = refined;

    let mut out = Vec::with_capacity(n);
    for x in 0..n {
        let id = articles[members[x]].id;
        let source = parent[x];
        let chosen_score = match source {
            Some(y) => facts.get(y, x).map(|(s, _)| s).unwrap_or(0.0),
            None => root[x] as f64,
        };
        // Best alternative: the best other option (another source, or being an origin).
        let mut alt = if source.is_some() {
            root[x] as f64
        } else {
            f64::NEG_INFINITY
        };
        for y in 0..n {
            if Some(y) != source {
                if let Some((s, _)) = facts.get(y, x) {
                    alt = alt.max(s);
                }
            }
        }
        let margin = if alt.is_finite() { chosen_score - alt } else { 1.0 };
        let mut confidence = (0.5 + 0.5 * (margin * 4.0).tanh()).clamp(0.05, 0.99) as f32;
        if ancestor_preferred[x] {
            confidence = confidence.min(0.6);
        }
        let reason = match source {
            Some(y) => {
                let (_, ef) = facts.get(y, x).unwrap_or_default();
                let mut r = parent_reason(articles[members[y]], articles[members[x]], ef, shared);
                if ancestor_preferred[x] {
                    r.pop();
                    r.push_str("; chosen over related versions by the wording and cuts it inherits.");
                }
                r
            }
            None => origin_reason(
                cfg,
                shared,
                &feats,
                articles,
                members,
                x,
                &facts,
                &agencies_present,
            ),
        };
        out.push(LineageEdge {
            credit: None,
            article: id,
            source: source.map(|y| articles[members[y]].id),
            confidence,
            reason,
        });
    }
    out
}

/// Whether `anc` is an ancestor of `x` (or `x` itself) under `parent`.
fn is_ancestor(parent: &[Option<usize>], anc: usize, x: usize) -> bool {
    let mut cur = Some(x);
    let mut steps = 0;
    while let Some(c) = cur {
        if c == anc {
            return true;
        }
        steps += 1;
        if steps > parent.len() {
            return false;
        }
        cur = parent[c];
    }
    false
}

/// Whether copy `x` more likely descends from `y` (itself a copy of `w`) than from `w` directly.
///
/// Evidence for `y`: the share of `y`'s own 3-grams (absent from `w`), within the paragraphs of `y`
/// that `x` keeps, that `x` also has (inherited substitutions: a garbled quote, a misspelt name), when
/// there are at least [`Config::min_shared_variants`] of them; or `x` keeping clearly more of `y` than of
/// `w` (inherited cuts, [`Config::retention_margin`]). Evidence against: `y` explaining less of `x`
/// than `w` does (then `x` holds wording of `w` that `y` lost). A headline that `y` rewrote decides: `x`
/// carrying it points at `y`, `x` carrying `w`'s headline rules `y` out.
fn prefers_copy(cfg: &Config, x: &Member, y: &Member, w: &Member) -> bool {
    let inx = |s: &u32| x.shingles.binary_search(s).is_ok();
    let inw = |s: &u32| w.shingles.binary_search(s).is_ok();
    let sx = x.shingles.len().max(1) as f32;
    let xy = intersect_count(x.shingles, y.shingles) as f32;
    let xw = intersect_count(x.shingles, w.shingles) as f32;
    let explained_gain = xy / sx - xw / sx;
    // A headline is rewritten freely and the rewrites stack ("Update: …", "… (updated)"): when Y
    // rewrote W's headline, X carrying Y's headline (maybe with more added) points at Y, unless Y
    // explains clearly less of X's text; X carrying W's headline but not Y's rules Y out. A change of
    // case alone is too common a house style to count.
    let fold_title = |t: &str| {
        t.split_whitespace()
            .map(wiretrace_text::fold)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (tx, ty, tw) = (
        fold_title(&x.detail.title_raw),
        fold_title(&y.detail.title_raw),
        fold_title(&w.detail.title_raw),
    );
    // (Y's headline must add something: a cut-down headline that W's contains says nothing.)
    if !tx.is_empty() && !ty.is_empty() && !tw.is_empty() && ty != tw && !tw.contains(&ty) {
        if tx.contains(&ty) {
            return explained_gain >= -cfg.title_explained_slack;
        }
        if tx.contains(&tw) {
            return false;
        }
    }
    if explained_gain < -0.002 {
        return false;
    }
    let retention_gain = xy / y.shingles.len().max(1) as f32 - xw / w.shingles.len().max(1) as f32;
    // Count edit events, not 3-grams: one substituted word changes up to three consecutive 3-grams,
    // so runs of consecutive own 3-grams are counted once.
    // An edit inside a quotation counts twice: quotes should be reproduced verbatim, so a garbled
    // quote is more idiosyncratic than a reworded sentence.
    let mut own = 0usize;
    let mut inherited = 0usize;
    for (p, quoted) in y.detail.paragraph_shingles.iter().zip(&y.detail.paragraph_quoted) {
        if p.is_empty() || (p.iter().filter(|s| inx(s)).count() as f32) < 0.5 * p.len() as f32 {
            continue;
        }
        let (mut in_own, mut in_inh) = (false, false);
        for (s, q) in p.iter().zip(quoted) {
            let is_own = !inw(s);
            let is_inh = is_own && inx(s);
            let weight = if *q { 2 } else { 1 };
            if is_own && !in_own {
                own += weight;
            }
            if is_inh && !in_inh {
                inherited += weight;
            }
            in_own = is_own;
            in_inh = is_inh;
        }
    }
    // Several inherited edits, most of Y's; or every one of Y's edits when it made at least two.
    let inherits_wording = (inherited >= cfg.min_shared_variants
        && inherited as f32 >= cfg.inherit_ratio * own as f32)
        || (inherited >= 2 && inherited == own);
    inherits_wording || retention_gain >= cfg.retention_margin
}
