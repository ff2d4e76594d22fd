//! `stories` and `story`: the story table and one story's lineage tree; the trace summary.
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::process::ExitCode;

use wiretrace_engine::model::{Article, ArticleId, Export, Story};
use wiretrace_engine::Engine;

use crate::output::{clip, pad, time};

/// One row of the stories table.
#[derive(serde::Serialize)]
struct StoryRow {
    id: String,
    headline: Option<String>,
    size: usize,
    outlets: Vec<String>,
    first: Option<String>,
    last: Option<String>,
    storyline: Option<String>,
}

fn rows(stories: &[Story], articles: &BTreeMap<ArticleId, Article>, all: bool) -> Vec<StoryRow> {
    let mut out = Vec::new();
    for s in stories {
        if !all && s.articles.len() < 2 {
            continue;
        }
        let members: Vec<&Article> = s.articles.iter().filter_map(|id| articles.get(id)).collect();
        let origin = s.lineage.iter().find(|e| e.source.is_none()).map(|e| e.article);
        let headline = origin
            .and_then(|id| articles.get(&id))
            .or(members.first().copied())
            .and_then(|a| a.title.clone());
        let mut outlets: Vec<String> = members.iter().filter_map(|a| a.outlet.clone()).collect();
        outlets.sort();
        outlets.dedup();
        let times: Vec<_> = members.iter().filter_map(|a| a.published).collect();
        out.push(StoryRow {
            id: s.id.to_string(),
            headline,
            size: s.articles.len(),
            outlets,
            first: times
                .iter()
                .min()
                .map(wiretrace_engine::model::Export::format_time),
            last: times
                .iter()
                .max()
                .map(wiretrace_engine::model::Export::format_time),
            storyline: s.storyline.clone(),
        });
    }
    out
}

fn by_id(engine: &Engine) -> anyhow::Result<BTreeMap<ArticleId, Article>> {
    Ok(engine
        .store()
        .articles()?
        .into_iter()
        .map(|a| (a.id, a))
        .collect())
}

fn print_table(rows: &[StoryRow]) {
    println!(
        "{}  {}  size  {}  {}  {}  line",
        pad("id", 6),
        pad("headline", 44),
        pad("outlets", 28),
        pad("first", 20),
        pad("last", 20),
    );
    for r in rows {
        println!(
            "{}  {}  {:>4}  {}  {}  {}  {}",
            pad(&r.id, 6),
            pad(&clip(r.headline.as_deref().unwrap_or("-"), 44), 44),
            r.size,
            pad(&clip(&r.outlets.join(", "), 28), 28),
            pad(r.first.as_deref().unwrap_or("-"), 20),
            pad(r.last.as_deref().unwrap_or("-"), 20),
            r.storyline.as_deref().unwrap_or("-")
        );
    }
}

pub fn stories(engine: &Engine, json: bool, all: bool) -> anyhow::Result<ExitCode> {
    let stories = engine.store().stories()?;
    let rows = rows(&stories, &by_id(engine)?, all);
    if json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
    } else {
        print_table(&rows);
    }
    Ok(ExitCode::SUCCESS)
}

pub fn story(engine: &Engine, spec: &str, json: bool) -> anyhow::Result<ExitCode> {
    let story = super::resolve_story(engine, spec)?;
    let articles = by_id(engine)?;
    if json {
        let members: Vec<serde_json::Value> = story
            .lineage
            .iter()
            .map(|e| {
                let a = articles.get(&e.article);
                serde_json::json!({
                    "article": e.article, "source": e.source, "confidence": e.confidence, "reason": e.reason,
                    "path": a.map(|a| a.path.clone()), "title": a.and_then(|a| a.title.clone()),
                    "outlet": a.and_then(|a| a.outlet.clone()),
                    "published": a.and_then(|a| a.published.as_ref().map(Export::format_time)),
                })
            })
            .collect();
        let v = serde_json::json!({"id": story.id, "storyline": story.storyline, "members": members});
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    let row = rows(std::slice::from_ref(&story), &articles, true)
        .pop()
        .expect("one story, one row");
    println!("story {}: {}", story.id, row.headline.as_deref().unwrap_or("-"));
    println!(
        "{}{}{}",
        crate::output::plural(row.size, "article"),
        story_span(&row),
        story
            .storyline
            .as_deref()
            .map(|l| format!(", storyline {l}"))
            .unwrap_or_default()
    );
    println!();
    let mut children: BTreeMap<Option<ArticleId>, Vec<ArticleId>> = BTreeMap::new();
    for e in &story.lineage {
        children.entry(e.source).or_default().push(e.article);
    }
    let edges: BTreeMap<ArticleId, _> = story.lineage.iter().map(|e| (e.article, e)).collect();
    let mut shown = std::collections::BTreeSet::new();
    fn walk(
        id: ArticleId,
        depth: usize,
        engine: &Engine,
        children: &BTreeMap<Option<ArticleId>, Vec<ArticleId>>,
        edges: &BTreeMap<ArticleId, &wiretrace_engine::model::LineageEdge>,
        articles: &BTreeMap<ArticleId, Article>,
        shown: &mut std::collections::BTreeSet<ArticleId>,
    ) {
        if !shown.insert(id) {
            return;
        }
        let a = articles.get(&id);
        let e = edges.get(&id);
        let pair = e
            .and_then(|e| e.source)
            .and_then(|s| engine.store().pair(s, id).ok().flatten());
        let sim = pair
            .as_ref()
            .map(|p| format!(" sim {:.2}", p.similarity))
            .unwrap_or_default();
        println!(
            "{}{} {} [{}] {}{} conf {:.2}",
            "  ".repeat(depth),
            if depth == 0 { "●" } else { "└─" },
            id,
            clip(a.and_then(|a| a.outlet.as_deref()).unwrap_or("?"), 28),
            time(a.and_then(|a| a.published.as_ref())),
            sim,
            e.map(|e| e.confidence).unwrap_or(0.0)
        );
        if let Some(e) = e {
            if !e.reason.is_empty() {
                println!("{}   {}", "  ".repeat(depth), e.reason);
            }
        }
        // The same aligned figure `diff` and `explain` print for this pair.
        if let (Some(p), Some(src)) = (&pair, e.and_then(|e| e.source)) {
            let (cov_id, cov_src) = if p.a == id {
                (p.coverage_a, p.coverage_b)
            } else {
                (p.coverage_b, p.coverage_a)
            };
            let line = crate::output::shared_text(&id.to_string(), cov_id, &src.to_string(), cov_src);
            println!("{}   {line}", "  ".repeat(depth));
        }
        if let Some(kids) = children.get(&Some(id)) {
            for k in kids {
                walk(*k, depth + 1, engine, children, edges, articles, shown);
            }
        }
    }
    for root in children.get(&None).cloned().unwrap_or_default() {
        walk(root, 0, engine, &children, &edges, &articles, &mut shown);
    }
    // Members in a cycle (should not happen) are still listed.
    for e in &story.lineage {
        walk(e.article, 0, engine, &children, &edges, &articles, &mut shown);
    }
    Ok(ExitCode::SUCCESS)
}

/// `from 2 outlets, 2026-01-08 14:00 to …`, leaving out what no member gives.
fn story_span(row: &StoryRow) -> String {
    let mut s = match row.outlets.len() {
        0 => String::new(),
        n => format!(" from {}", crate::output::plural(n, "outlet")),
    };
    match (row.first.as_deref(), row.last.as_deref()) {
        (Some(f), Some(l)) if f != l => s.push_str(&format!(", {f} to {l}")),
        (Some(f), _) | (None, Some(f)) => s.push_str(&format!(", {f}")),
        (None, None) => s.push_str(", no dates"),
    }
    s
}

/// The human summary `trace` prints after the export.
#[allow(clippy::print_stderr)]
pub fn print_summary(engine: &Engine, export: &Export) -> anyhow::Result<()> {
    let articles = by_id(engine)?;
    let rows = rows(&export.stories, &articles, false);
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &export.changes {
        *kinds.entry(c.kind.as_str()).or_default() += 1;
    }
    println!(
        "{} articles, {} stories ({} with several versions), {} reuse pairs, {} changes",
        export.articles.len(),
        export.stories.len(),
        rows.len(),
        export.pairs.len(),
        export.changes.len()
    );
    if !kinds.is_empty() {
        let k: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
        println!("changes by kind: {}", k.join(", "));
    }
    if !rows.is_empty() {
        println!();
        print_table(&rows);
    }
    Ok(())
}
