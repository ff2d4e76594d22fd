//! `stories` and `story`: the story table and one story's lineage tree; the trace summary.
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::process::ExitCode;

use wiretrace_engine::model::{ArticleId, Export};
use wiretrace_engine::views::{Credit, Member, StoryRow};
use wiretrace_engine::Engine;

use crate::output::{clip, pad, time_str};

/// Every story's row by id; with `all`, single-article stories too.
fn rows(engine: &Engine, all: bool) -> anyhow::Result<Vec<StoryRow>> {
    Ok(engine
        .story_index()?
        .rows()
        .iter()
        .filter(|r| all || r.size > 1)
        .cloned()
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
            pad(&r.id.to_string(), 6),
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
    let rows = rows(engine, all)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
    } else {
        print_table(&rows);
    }
    Ok(ExitCode::SUCCESS)
}

pub fn story(engine: &Engine, spec: &str, json: bool) -> anyhow::Result<ExitCode> {
    let view = engine.story_view(spec)?;
    let inherited = inherited_drift(&view.changes);
    if json {
        let members: Vec<serde_json::Value> = view
            .members
            .iter()
            .map(|m| {
                serde_json::json!({
                    "article": m.article.id, "source": m.source, "confidence": m.confidence, "reason": m.reason,
                    "credit": m.credit,
                    "path": m.article.path, "title": m.article.title,
                    "outlet": m.article.outlet,
                    "published": m.article.published,
                    "inherited_drift": inherited.get(&m.article.id).map(|v| v.iter().map(|(first, kind)| {
                        serde_json::json!({"first_seen": first, "kind": kind})
                    }).collect::<Vec<_>>()).unwrap_or_default(),
                })
            })
            .collect();
        let v =
            serde_json::json!({"id": view.story.id, "storyline": view.story.storyline, "members": members});
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    let row = &view.story;
    println!("story {}: {}", row.id, row.headline.as_deref().unwrap_or("-"));
    println!(
        "{}{}{}",
        crate::output::plural(row.size, "article"),
        story_span(row),
        row.storyline
            .as_deref()
            .map(|l| format!(", storyline {l}"))
            .unwrap_or_default()
    );
    println!();
    let mut children: BTreeMap<Option<ArticleId>, Vec<ArticleId>> = BTreeMap::new();
    for m in &view.members {
        children.entry(m.source).or_default().push(m.article.id);
    }
    let members: BTreeMap<ArticleId, &Member> = view.members.iter().map(|m| (m.article.id, m)).collect();
    let mut shown = std::collections::BTreeSet::new();
    fn walk(
        id: ArticleId,
        depth: usize,
        children: &BTreeMap<Option<ArticleId>, Vec<ArticleId>>,
        members: &BTreeMap<ArticleId, &Member>,
        inherited: &Inherited,
        shown: &mut std::collections::BTreeSet<ArticleId>,
    ) {
        if !shown.insert(id) {
            return;
        }
        let m = members.get(&id);
        let sim = m
            .and_then(|m| m.similarity)
            .map(|s| format!(" sim {s:.2}"))
            .unwrap_or_default();
        let credit = match m.map(|m| m.credit) {
            Some(Credit::Credited) => ", credited",
            Some(Credit::Uncredited) => ", uncredited",
            Some(Credit::CreditRemoved) => ", credit removed",
            Some(Credit::Origin) | None => "",
        };
        println!(
            "{}{} {} [{}] {}{} conf {:.2}{credit}",
            "  ".repeat(depth),
            if depth == 0 { "●" } else { "└─" },
            id,
            clip(m.and_then(|m| m.article.outlet.as_deref()).unwrap_or("?"), 28),
            time_str(m.and_then(|m| m.article.published.as_deref())),
            sim,
            m.map(|m| m.confidence).unwrap_or(0.0)
        );
        if let Some(m) = m {
            if !m.reason.is_empty() {
                println!("{}   {}", "  ".repeat(depth), m.reason);
            }
        }
        // The same aligned figure `diff` and `explain` print for this pair.
        if let Some((src, (cov_id, cov_src))) = m.and_then(|m| Some((m.source?, m.coverage?))) {
            let line = crate::output::shared_text(&id.to_string(), cov_id, &src.to_string(), cov_src);
            println!("{}   {line}", "  ".repeat(depth));
        }
        for (first, kinds) in group_by_first(inherited.get(&id)) {
            println!(
                "{}   keeps drift first seen in {first}: {}",
                "  ".repeat(depth),
                kinds.join(", ")
            );
        }
        if let Some(kids) = children.get(&Some(id)) {
            for k in kids {
                walk(*k, depth + 1, children, members, inherited, shown);
            }
        }
    }
    for root in children.get(&None).cloned().unwrap_or_default() {
        walk(root, 0, &children, &members, &inherited, &mut shown);
    }
    // Members in a cycle (should not happen) are still listed.
    for m in &view.members {
        walk(m.article.id, 0, &children, &members, &inherited, &mut shown);
    }
    Ok(ExitCode::SUCCESS)
}

/// Per member, the drift it carries from an ancestor: (where it first appeared, change kind).
type Inherited = BTreeMap<ArticleId, Vec<(ArticleId, &'static str)>>;

fn inherited_drift(groups: &[wiretrace_engine::views::ChangeGroup]) -> Inherited {
    let mut out: Inherited = BTreeMap::new();
    for c in groups.iter().flat_map(|g| &g.changes) {
        for x in &c.carried_by {
            out.entry(*x).or_default().push((c.article, c.kind.as_str()));
        }
    }
    out
}

/// The kinds of one member's inherited drift grouped by where they first appeared.
fn group_by_first(list: Option<&Vec<(ArticleId, &'static str)>>) -> BTreeMap<ArticleId, Vec<&'static str>> {
    let mut out: BTreeMap<ArticleId, Vec<&'static str>> = BTreeMap::new();
    for (first, kind) in list.into_iter().flatten() {
        out.entry(*first).or_default().push(kind);
    }
    out
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
    let rows = rows(engine, false)?;
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &export.changes {
        *kinds.entry(c.kind.as_str()).or_default() += 1;
    }
    let translations = export.pairs.iter().filter(|p| !p.method.is_text()).count();
    println!(
        "{} articles, {} stories ({} with several versions), {} reuse pairs, {} translation pairs, {} changes",
        export.articles.len(),
        export.stories.len(),
        rows.len(),
        export.pairs.len() - translations,
        translations,
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
