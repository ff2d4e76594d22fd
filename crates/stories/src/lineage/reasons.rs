//! The reason sentence of each lineage decision.
//!
//! How much text two versions share is said with the one figure `diff`, `explain` and `story`
//! print: the share of each text inside the passages the reuse stage aligned with the other (the
//! pair's coverage), never the 3-gram shares lineage weighs internally, so every command agrees.

use chrono::{DateTime, Utc};
use wiretrace_model::{Article, ArticleId, Pair};
use wiretrace_text::FastMap;

use super::evidence::{EdgeFacts, Incoming, Member};
use crate::Config;

/// The aligned shared-text figure of every reuse pair: `(a, b)` with `a < b` → (share of `a`'s
/// text aligned with `b`, share of `b`'s aligned with `a`).
#[derive(Debug, Default)]
pub(crate) struct SharedText(FastMap<(ArticleId, ArticleId), (f32, f32)>);

impl SharedText {
    /// The figures of `pairs`.
    pub(crate) fn new(pairs: &[Pair]) -> SharedText {
        SharedText(
            pairs
                .iter()
                .map(|p| ((p.a, p.b), (p.coverage_a, p.coverage_b)))
                .collect(),
        )
    }

    /// The share of `x`'s text aligned with `y` and of `y`'s aligned with `x`, if they share text.
    fn of(&self, x: ArticleId, y: ArticleId) -> Option<(f32, f32)> {
        if x < y {
            self.0.get(&(x, y)).copied()
        } else {
            self.0.get(&(y, x)).map(|&(a, b)| (b, a))
        }
    }

    /// `85% of a9's text is in a3, 80% of a3's is in a9` (the wording of `diff`, `explain` and
    /// `story`), or that they share no wording (lineage weighs the reuse stage's pairs; a
    /// translation's fact-aligned passages are listed by `story` and `diff`, not counted here).
    fn sentence(&self, x: ArticleId, y: ArticleId) -> String {
        match self.of(x, y) {
            Some((cx, cy)) => format!(
                "{:.0}% of {x}'s text is in {y}, {:.0}% of {y}'s is in {x}",
                cx * 100.0,
                cy * 100.0
            ),
            None => format!("{x} and {y} share no wording"),
        }
    }
}

pub(super) fn pct(x: f32) -> u32 {
    (x * 100.0).round() as u32
}

fn gap(src: &Article, copy: &Article) -> String {
    match (src.published, copy.published) {
        (Some(s), Some(c)) => gap_between(s, c),
        _ => ", with dates missing".to_string(),
    }
}

/// Whether a publication time is a date without a time of day: exactly midnight UTC is what a date
/// read from a file name or date-only metadata becomes (the same reading as lineage's time test).
fn date_only(t: DateTime<Utc>) -> bool {
    t.timestamp().rem_euclid(SECONDS_PER_DAY) == 0
}

const SECONDS_PER_DAY: i64 = 86_400;

/// The publication gap between a source and its copy, as a reason clause. When either side has only
/// a date, the gap is told in calendar days: its minutes would be an artefact of the missing time of
/// day (a copy at 00:40 "40 min after" a source known only by its date).
fn gap_between(s: DateTime<Utc>, c: DateTime<Utc>) -> String {
    if date_only(s) || date_only(c) {
        let days = c.timestamp().div_euclid(SECONDS_PER_DAY) - s.timestamp().div_euclid(SECONDS_PER_DAY);
        return match days {
            d if d <= 0 => ", published the same day".to_string(),
            1 => ", published the next day".to_string(),
            d => format!(", published {d} days after it"),
        };
    }
    let mins = (c - s).num_minutes();
    if mins <= 0 {
        ", published at the same time".to_string()
    } else if mins < 120 {
        format!(", published {mins} min after it")
    } else if mins < 48 * 60 {
        format!(", published {} h after it", mins / 60)
    } else {
        format!(", published {} days after it", mins / 1440)
    }
}

/// Why `copy` derives from `src`; `ruled_out` names a closer-looking version the contradiction test
/// ruled out, with the number of figures and names it changed.
pub(super) fn parent_reason(
    src: &Article,
    copy: &Article,
    ef: EdgeFacts,
    shared: &SharedText,
    ruled_out: Option<(ArticleId, usize)>,
) -> String {
    if let Some(facts) = ef.rewrite {
        return format!(
            "Translates {}: {}, but {}% of its names, places and figures come from that version{}.",
            src.id,
            shared.sentence(copy.id, src.id),
            pct(facts),
            gap(src, copy)
        );
    }
    let mut s = format!(
        "Derives from {}: {}{}",
        src.id,
        shared.sentence(copy.id, src.id),
        gap(src, copy)
    );
    if ef.variants > 0 {
        s.push_str(&format!(
            "; they share {} wording variants that no other version has",
            ef.variants
        ));
    }
    if ef.credit {
        s.push_str("; its credit line names that version's agency");
    }
    if ef.outlet_credit {
        s.push_str("; its credit line names that version's outlet");
    }
    if ef.title > 0.99 {
        s.push_str("; same headline");
    }
    if let Some((other, sites)) = ruled_out {
        s.push_str(&format!(
            "; not {other}, which changed {sites} figures or names that this version keeps as the earliest version has them"
        ));
    }
    s.push('.');
    s
}

/// Why the member `x` is an origin.
#[allow(clippy::too_many_arguments)] // the tables lineage already holds, read in place
pub(super) fn origin_reason(
    cfg: &Config,
    shared: &SharedText,
    feats: &[Member],
    articles: &[&Article],
    members: &[usize],
    x: usize,
    facts: &Incoming,
    agencies_present: &[&'static str],
) -> String {
    let fx = &feats[x];
    let best = facts
        .sources(x)
        .map(|(y, s, ef)| (s, y, ef))
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
    let missing_credit: Vec<&str> = fx
        .detail
        .credits
        .iter()
        .map(|c| c.code)
        .filter(|c| !agencies_present.contains(c))
        .collect();
    let earliest = fx.time.is_some()
        && (0..members.len()).all(|y| feats[y].time.is_none_or(|t| fx.time.is_some_and(|tx| tx <= t)));
    if let Some((_, y, ef)) = best {
        if ef.explained < 0.3 {
            return format!(
                "Origin: an independent report of the event; no other version holds much of its text (at best {}).",
                shared.sentence(articles[members[x]].id, articles[members[y]].id)
            );
        }
    }
    if let Some((_, y, ef)) = best.filter(|_| fx.detail.own_agency.is_none()) {
        if let Some(code) = ef.missing_agency {
            return format!(
                "Origin within the corpus: it credits {code}, whose original is not in the corpus, and nothing ties it to {} instead (no credit to that outlet, no shared headline), so both likely republish the missing wire.",
                articles[members[y]].id
            );
        }
    }
    if let Some((_, y, ef)) = best.filter(|_| fx.detail.own_agency.is_none() && !earliest) {
        if ef.hidden >= cfg.hidden_source_share {
            let via = if missing_credit.is_empty() {
                String::new()
            } else {
                format!(
                    " (it credits {}, absent from the corpus)",
                    missing_credit.join(", ")
                )
            };
            return format!(
                "Origin within the corpus: it carries on-topic passages that {} lacks, so both likely derive from a common source not in the corpus{via}.",
                articles[members[y]].id
            );
        }
    }
    let mut parts = Vec::new();
    if let Some(a) = fx.detail.own_agency {
        parts.push(format!("published by the wire agency {}", a.code));
    }
    if earliest {
        parts.push("the earliest dated version".to_string());
    }
    match best {
        Some((_, y, _)) => parts.push(format!(
            "no other version explains its text (at best {})",
            shared.sentence(articles[members[x]].id, articles[members[y]].id)
        )),
        None => parts.push("every other version is dated later".to_string()),
    }
    format!("Origin: {}.", parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn gap_with_a_date_only_side_is_told_in_days() {
        // The source is known only by its date; the copy has a time shortly after midnight.
        assert_eq!(
            gap_between(at("2024-03-05T00:00:00Z"), at("2024-03-05T00:40:00Z")),
            ", published the same day"
        );
        assert_eq!(
            gap_between(at("2024-03-05T00:00:00Z"), at("2024-03-06T23:10:00Z")),
            ", published the next day"
        );
        assert_eq!(
            gap_between(at("2024-03-05T14:00:00Z"), at("2024-03-08T00:00:00Z")),
            ", published 3 days after it"
        );
    }

    #[test]
    fn gap_between_full_times_is_told_in_minutes_and_hours() {
        assert_eq!(
            gap_between(at("2024-03-05T10:00:00Z"), at("2024-03-05T10:40:00Z")),
            ", published 40 min after it"
        );
        assert_eq!(
            gap_between(at("2024-03-05T10:00:00Z"), at("2024-03-05T15:30:00Z")),
            ", published 5 h after it"
        );
    }
}
