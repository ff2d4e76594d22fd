//! `explain ARTICLE [--against OTHER]`: kept share, then the changes grouped by kind, quotes first.
#![allow(clippy::print_stdout)]

use std::process::ExitCode;

use console::style;
use wiretrace_engine::model::Change;
use wiretrace_engine::views::CHANGE_ORDER as ORDER;
use wiretrace_engine::Engine;

pub fn explain(engine: &Engine, spec: &str, against: Option<&str>, json: bool) -> anyhow::Result<ExitCode> {
    let view = engine.explain_view(spec, against)?;
    let (article, source, changes) = (&view.article, &view.source, &view.changes);
    // Kept share: how much of the source's text survives (not dropped) in this version.
    let kept = view.kept;
    // The aligned share of each text, the figure `diff` and `story` print for the same pair.
    let shared = match source {
        Some(s) => engine.shared_text(article.id, s.id)?,
        None => None,
    };
    if json {
        let v = serde_json::json!({
            "article": article.id, "source": source.as_ref().map(|s| s.id),
            "kept": kept, "translated_from": view.translated_from,
            "coverage": shared.map(|(a, s)| serde_json::json!({"article": a, "source": s})),
            "changes": changes, "inherited": view.inherited,
        });
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{} {}  {}",
        style(article.id).bold(),
        article.outlet.as_deref().unwrap_or("-"),
        article.title.as_deref().unwrap_or(&article.path)
    );
    match source {
        Some(s) => println!(
            "against {} {}  {}",
            style(s.id).bold(),
            s.outlet.as_deref().unwrap_or("-"),
            s.title.as_deref().unwrap_or(&s.path)
        ),
        None => println!("no source: this article is an origin in its story"),
    }
    if let Some(lang) = &view.translated_from {
        println!("a translation (from {lang}): compared by figures, names and paragraph structure");
    }
    if let (Some(s), Some((cov_a, cov_s))) = (source, shared) {
        println!(
            "{}",
            crate::output::shared_text(&article.id.to_string(), cov_a, &s.id.to_string(), cov_s)
        );
    }
    if let Some(k) = kept {
        println!(
            "not dropped: {:.0}% of the source's text (the changes below account for the rest)",
            k * 100.0
        );
    }
    if changes.is_empty() {
        println!("\nno changes found");
    }
    for kind in ORDER {
        let of_kind: Vec<&Change> = changes.iter().filter(|c| c.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        println!(
            "\n{} ({})",
            style(kind.as_str()).bold().underlined(),
            of_kind.len()
        );
        for c in of_kind {
            print_change(c);
        }
    }
    print_inherited(engine, &view.inherited)?;
    Ok(ExitCode::SUCCESS)
}

/// Drift the article carries from an ancestor, each with the version where it first appeared.
fn print_inherited(engine: &Engine, inherited: &[Change]) -> anyhow::Result<()> {
    if inherited.is_empty() {
        return Ok(());
    }
    println!(
        "\n{} ({})",
        style("inherited drift").bold().underlined(),
        inherited.len()
    );
    println!(
        "  {}",
        style("altered further up the lineage; this version keeps the altered wording").dim()
    );
    for c in inherited {
        let before = one_line(c.before.as_deref().unwrap_or(""), 300);
        let after = one_line(c.after.as_deref().unwrap_or(""), 300);
        println!(
            "  {} {} → {}",
            c.kind.as_str(),
            style(before).red(),
            style(after).green()
        );
        let first = engine.resolve(&c.article.to_string())?;
        let outlet = first
            .outlet
            .as_deref()
            .or(first.title.as_deref())
            .unwrap_or(&first.path);
        if c.same_drift_in.is_empty() {
            println!("      first seen in {} {outlet}", c.article);
        } else {
            println!(
                "      seen first in {} {outlet} here, but {} made the same change apart from it: it may come from a source missing from the corpus",
                c.article,
                ids(&c.same_drift_in)
            );
        }
    }
    Ok(())
}

fn ids(list: &[wiretrace_engine::model::ArticleId]) -> String {
    list.iter().map(|a| a.to_string()).collect::<Vec<_>>().join(", ")
}

fn print_change(c: &Change) {
    let at = format!("[{}..{}]", c.span.start, c.span.end);
    let before = c.before.as_deref().map(|s| one_line(s, 300));
    let after = c.after.as_deref().map(|s| one_line(s, 300));
    match (before, after) {
        (Some(b), Some(a)) => println!("  {at} {} → {}", style(b).red(), style(a).green()),
        (Some(b), None) => println!("  {at} {}", style(b).red()),
        (None, Some(a)) => println!("  {at} {}", style(a).green()),
        (None, None) => println!("  {at}"),
    }
    if let Some(s) = c.supported_elsewhere {
        let what = if s {
            "found in another version of the story"
        } else {
            "in no other version: unsupported padding"
        };
        println!("      {}", style(what).dim());
    }
    if let Some(n) = &c.note {
        println!("      {}", style(n).dim());
    }
    if !c.carried_by.is_empty() {
        println!(
            "      {}",
            style(format!("carried on by its copies {}", ids(&c.carried_by))).dim()
        );
    }
    if !c.same_drift_in.is_empty() {
        let what = format!(
            "the same change also in {} (not a copy of this one): it may come from a source missing from the corpus",
            ids(&c.same_drift_in)
        );
        println!("      {}", style(what).dim());
    }
}

fn one_line(s: &str, max: usize) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    crate::output::clip(&flat, max)
}

pub fn quotes(engine: &Engine, spec: &str, json: bool) -> anyhow::Result<ExitCode> {
    let view = engine.quotes_view(spec)?;
    let groups = &view.quotes;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({"story": view.story, "quotes": groups}))?
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "story {}: {} quotations in {} versions",
        view.story,
        groups.len(),
        view.size
    );
    for (i, g) in groups.iter().enumerate() {
        let speaker = g.speaker.as_deref().unwrap_or("unattributed");
        let mark = if g.is_altered() {
            style(" (altered)").red().to_string()
        } else {
            String::new()
        };
        println!("\n{}. {}{}", i + 1, style(speaker).bold(), mark);
        for v in &g.variants {
            let who: Vec<String> = v.articles.iter().map(|a| a.to_string()).collect();
            println!("   \u{201c}{}\u{201d}", one_line(&v.text, 400));
            println!("      {}", style(format!("in {}", who.join(", "))).dim());
        }
    }
    Ok(ExitCode::SUCCESS)
}
