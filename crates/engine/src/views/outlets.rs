//! The outlet report: who publishes originals, who copies whom, whether copies credit their
//! source, and how fast copies follow.
//!
//! Input → output: the stored articles and the lineage of every story → one row per outlet and an
//! outlet-by-outlet table of copies. An article's outlet is the one it names, else its URL's host,
//! else the folder holding its file. A copy is an article with a lineage source; its source
//! outlet is that source's outlet; its credit status is
//! [`wiretrace_stories::credit::credit_status`]; its latency is its publication time minus its
//! source's (both dated only).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use wiretrace_model::{Article, ArticleId, CreditStatus, Story};

use crate::{Engine, Result};

/// The outlet name of articles that give none.
pub const NO_OUTLET: &str = "(no outlet)";

/// One outlet's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutletRow {
    /// The outlet as the articles name it.
    pub outlet: String,
    /// Its articles.
    pub articles: usize,
    /// Its articles with no source in the corpus (origins, singletons included).
    pub originals: usize,
    /// Its articles with a source in the corpus.
    pub copies: usize,
    /// The outlets its copies come from, with how many copies each, most first.
    pub sources: Vec<(String, usize)>,
    /// Share of its copies that credit their source (`None` without copies).
    pub credited_share: Option<f64>,
    /// Copies naming their source's outlet or agency.
    pub credited: usize,
    /// Copies that never credited: their source carried no credit line either.
    pub uncredited: usize,
    /// Copies that dropped the credit line their source carried.
    pub credit_removed: usize,
    /// Median minutes from the source's publication to the copy's (dated pairs only).
    pub median_latency_minutes: Option<i64>,
    /// 90th-percentile minutes from the source's publication to the copy's.
    pub p90_latency_minutes: Option<i64>,
}

/// The outlet report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutletReport {
    /// One row per outlet, most articles first (then by name).
    pub outlets: Vec<OutletRow>,
    /// Who copies whom: `(copying outlet, source outlet, copies)`, most copies first.
    pub copies: Vec<(String, String, usize)>,
}

/// Everything the report counts about one copy.
struct CopyFact<'a> {
    outlet: &'a str,
    source_outlet: &'a str,
    credit: CreditStatus,
    latency: Option<i64>,
}

/// The outlet an article names; else the host of its URL; else the folder holding its file
/// (corpora are commonly filed one folder per outlet); else [`NO_OUTLET`].
fn outlet_of(a: &Article) -> &str {
    if let Some(o) = a.outlet.as_deref().filter(|o| !o.trim().is_empty()) {
        return o;
    }
    let host = a.url.as_deref().and_then(|u| {
        let rest = u.split_once("://")?.1;
        let host = rest.split(['/', '?', '#']).next()?;
        Some(host.strip_prefix("www.").unwrap_or(host)).filter(|h| !h.is_empty())
    });
    if let Some(h) = host {
        return h;
    }
    // Records of one file (`feed.jsonl#3`) and files alike: the folder holding the file.
    let file = a.path.split('#').next().unwrap_or(&a.path);
    let folder = file
        .rsplit(['/', '\\'])
        .nth(1)
        .filter(|f| !f.is_empty() && !f.starts_with('.'));
    folder.unwrap_or(NO_OUTLET)
}

/// The value at rank `q` (0..=1) of sorted values, nearest rank.
fn percentile(sorted: &[i64], q: f64) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    Some(sorted[rank - 1])
}

/// The copies of every story, with their credit status and latency.
fn copy_facts<'a>(stories: &[Story], by_id: &BTreeMap<ArticleId, &'a Article>) -> Vec<CopyFact<'a>> {
    let mut out = Vec::new();
    for e in stories.iter().flat_map(|s| &s.lineage) {
        let (Some(copy), Some(src)) = (by_id.get(&e.article), e.source.and_then(|s| by_id.get(&s))) else {
            continue;
        };
        out.push(CopyFact {
            outlet: outlet_of(copy),
            source_outlet: outlet_of(src),
            credit: wiretrace_stories::credit::credit_status(copy, src),
            latency: match (copy.published, src.published) {
                (Some(c), Some(s)) => Some((c - s).num_minutes()),
                _ => None,
            },
        });
    }
    out
}

/// Builds the report from articles and stories (pure: the engine and tests call it).
pub fn outlet_report(articles: &[Article], stories: &[Story]) -> OutletReport {
    let by_id: BTreeMap<ArticleId, &Article> = articles.iter().map(|a| (a.id, a)).collect();
    let facts = copy_facts(stories, &by_id);
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for a in articles {
        *counts.entry(outlet_of(a)).or_insert(0) += 1;
    }
    let mut rows: Vec<OutletRow> = counts
        .into_iter()
        .map(|(outlet, n)| {
            let mine: Vec<&CopyFact> = facts.iter().filter(|f| f.outlet == outlet).collect();
            let mut sources: BTreeMap<&str, usize> = BTreeMap::new();
            for f in &mine {
                *sources.entry(f.source_outlet).or_insert(0) += 1;
            }
            let mut sources: Vec<(String, usize)> =
                sources.into_iter().map(|(o, c)| (o.to_string(), c)).collect();
            sources.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
            let count = |c: CreditStatus| mine.iter().filter(|f| f.credit == c).count();
            let mut latencies: Vec<i64> = mine.iter().filter_map(|f| f.latency).collect();
            latencies.sort_unstable();
            let credited = count(CreditStatus::Credited);
            OutletRow {
                outlet: outlet.to_string(),
                articles: n,
                originals: n - mine.len(),
                copies: mine.len(),
                sources,
                credited_share: (!mine.is_empty()).then(|| credited as f64 / mine.len() as f64),
                credited,
                uncredited: count(CreditStatus::Uncredited),
                credit_removed: count(CreditStatus::CreditRemoved),
                median_latency_minutes: percentile(&latencies, 0.5),
                p90_latency_minutes: percentile(&latencies, 0.9),
            }
        })
        .collect();
    rows.sort_by(|x, y| y.articles.cmp(&x.articles).then_with(|| x.outlet.cmp(&y.outlet)));
    let mut table: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for f in &facts {
        *table.entry((f.outlet, f.source_outlet)).or_insert(0) += 1;
    }
    let mut copies: Vec<(String, String, usize)> = table
        .into_iter()
        .map(|((c, s), n)| (c.to_string(), s.to_string(), n))
        .collect();
    copies.sort_by(|x, y| y.2.cmp(&x.2).then_with(|| (&x.0, &x.1).cmp(&(&y.0, &y.1))));
    OutletReport {
        outlets: rows,
        copies,
    }
}

impl Engine {
    /// The outlet report of the store (see [`outlet_report`]).
    ///
    /// # Errors
    /// Only on store failures.
    pub fn outlets_view(&self) -> Result<OutletReport> {
        let articles = self.store.articles()?;
        let stories = self.store.stories()?;
        Ok(outlet_report(&articles, &stories))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use wiretrace_model::{LineageEdge, StoryId};

    fn article(id: u32, outlet: &str, minute: u32, text: &str) -> Article {
        let mut a = Article::new(format!("{id}.txt"), text);
        a.id = ArticleId(id);
        a.outlet = Some(outlet.into());
        a.published = Some(chrono::Utc.with_ymd_and_hms(2026, 3, 2, 8, minute, 0).unwrap());
        a
    }

    fn edge(a: u32, s: Option<u32>) -> LineageEdge {
        LineageEdge {
            article: ArticleId(a),
            source: s.map(ArticleId),
            confidence: 0.9,
            reason: String::new(),
            credit: None,
        }
    }

    #[test]
    fn counts_originals_copies_credit_and_latency_per_outlet() {
        let body = "Harbour cranes stopped in Velmora on Monday.";
        let arts = [
            article(1, "Reuters", 0, &format!("{body}\n\n(Reuters)")),
            article(2, "Daily Post", 10, &format!("{body}\n\n(Reuters)")),
            article(3, "Daily Post", 40, body),
            article(4, "Coast Wire", 30, body),
        ];
        let story = Story {
            id: StoryId(1),
            articles: arts.iter().map(|a| a.id).collect(),
            storyline: None,
            lineage: vec![
                edge(1, None),
                edge(2, Some(1)),
                edge(3, Some(1)),
                edge(4, Some(2)),
            ],
        };
        let r = outlet_report(&arts, &[story]);
        let post = r.outlets.iter().find(|o| o.outlet == "Daily Post").unwrap();
        assert_eq!((post.articles, post.originals, post.copies), (2, 0, 2));
        assert_eq!((post.credited, post.credit_removed, post.uncredited), (1, 1, 0));
        assert_eq!(post.credited_share, Some(0.5));
        assert_eq!(
            (post.median_latency_minutes, post.p90_latency_minutes),
            (Some(10), Some(40))
        );
        assert_eq!(post.sources, [("Reuters".to_string(), 2)]);
        let wire = r.outlets.iter().find(|o| o.outlet == "Reuters").unwrap();
        assert_eq!((wire.originals, wire.copies, wire.credited_share), (1, 0, None));
        // Coast Wire copied the Post's credited copy and dropped its credit line.
        let coast = r.outlets.iter().find(|o| o.outlet == "Coast Wire").unwrap();
        assert_eq!(coast.credit_removed, 1);
        assert_eq!(r.copies[0], ("Daily Post".to_string(), "Reuters".to_string(), 2));
    }
}
