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
//! - the **contradiction test**: a candidate that replaced two or more of the copy's figures or names
//!   where the copy keeps the presumed original's wording (the earliest dated candidates, or a wire
//!   agency's own article among them) is ruled out: a copy cannot restore what its source changed,
//!   while two editors often make the same common word substitution; a single such place costs the
//!   edge a penalty, and keeps the tree's refinement from moving a copy to that version unless the
//!   copy carries as many of its changed figures, names or quotation edits;
//! - a **translation** (another language, little shared wording) derives from a version holding
//!   most of its facts, and more of them than any other candidate source in its own language
//!   (reports of one event share its main names and figures);
//! - a **credit line** travels with its text: a copy crediting an agency that its chosen source
//!   neither credits nor is moves up to the nearest ancestor of that source carrying the credit
//!   (when that ancestor is one of its candidate sources);
//! - the **hidden common source** test: when the copy holds on-topic paragraphs (names shared with the
//!   candidate) that the candidate lacks, the candidate cannot be its only source; the edge is halved,
//!   so two versions of a wire missing from the corpus come out as sibling origins.
//!
//! A virtual root's edge to each article scores "this is an origin" ([`Config::origin_score`], raised
//! for a wire agency's own article). The maximum spanning arborescence over these edges gives one
//! source per article; its margin over the best alternative gives the confidence.
//!
//! Modules: [`evidence`] (members' evidence, root scores, scored candidate edges), [`tree`] (the
//! arborescence and its refinement between a version and its copies), [`reasons`] (the sentence
//! for each decision, quoting the aligned shared-text figure); this module runs them in order.

mod evidence;
mod reasons;
mod tree;

use wiretrace_model::{Article, LineageEdge};

use crate::cluster::Corpus;
use crate::features::FastMap;
use crate::Config;
use evidence::{agency_label, Member};
pub(crate) use reasons::SharedText;
use reasons::{origin_reason, parent_reason};

/// Confidence is `0.5 + 0.5 tanh(margin × CONFIDENCE_SLOPE)` of the chosen option's margin over the
/// best alternative: a margin of 0.25 gives about 0.88.
const CONFIDENCE_SLOPE: f64 = 4.0;
/// Confidence stays within these bounds: no decision is certain, none worthless.
const CONFIDENCE_BOUNDS: (f64, f64) = (0.05, 0.99);
/// Confidence cap for a member the refinement moved (its source beat the tree's own choice on
/// inherited edits, not on score).
const REFINED_MAX_CONFIDENCE: f32 = 0.6;

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

    let root = evidence::root_scores(cfg, &feats, &agencies_present);
    let facts = evidence::candidate_edges(cfg, &feats, &df, &agencies_present);
    let (parent, ancestor_preferred) = tree::choose_sources(cfg, &feats, &root, &facts);

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
        for (y, s, _) in facts.sources(x) {
            if Some(y) != source {
                alt = alt.max(s);
            }
        }
        let margin = if alt.is_finite() { chosen_score - alt } else { 1.0 };
        let mut confidence = (0.5 + 0.5 * (margin * CONFIDENCE_SLOPE).tanh())
            .clamp(CONFIDENCE_BOUNDS.0, CONFIDENCE_BOUNDS.1) as f32;
        if ancestor_preferred[x] {
            confidence = confidence.min(REFINED_MAX_CONFIDENCE);
        }
        let reason = match source {
            Some(y) => {
                let (_, ef) = facts.get(y, x).unwrap_or_default();
                let ruled_out = facts
                    .ruled_out_closer(x, ef.explained)
                    .map(|(z, sites)| (articles[members[z]].id, sites));
                let mut r = parent_reason(articles[members[y]], articles[members[x]], ef, shared, ruled_out);
                if ancestor_preferred[x] {
                    r.pop();
                    r.push_str(
                        "; chosen over related versions by the wording, cuts and credit line it inherits.",
                    );
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
