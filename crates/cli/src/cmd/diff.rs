//! `diff A B`: the passages two articles share, side by side, differing words highlighted.
#![allow(clippy::print_stdout)]

use std::process::ExitCode;

use console::{style, Term};
use similar::{ChangeTag, TextDiff};
use wiretrace_engine::model::{Article, Pair};
use wiretrace_engine::Engine;

pub fn diff(engine: &Engine, a: &str, b: &str, json: bool) -> anyhow::Result<ExitCode> {
    let a = resolve_or_read(engine, a)?;
    let mut b = resolve_or_read(engine, b)?;
    if a.id == b.id && a.path != b.path {
        // Two files read now: give the second its own id so the pair has two sides.
        b.id = wiretrace_engine::model::ArticleId(u32::MAX);
    }
    let pair = engine.diff(&a, &b)?;
    if json {
        let v = serde_json::json!({
            "a": {"id": a.id, "path": a.path, "title": a.title},
            "b": {"id": b.id, "path": b.path, "title": b.title},
            "pair": pair,
            "passages": pair.as_ref().map(|p| p.passages.iter().map(|ps| serde_json::json!({
                "a": ps.a, "b": ps.b, "identity": ps.identity,
                "a_text": ps.a.slice(&a.text), "b_text": ps.b.slice(&b.text),
            })).collect::<Vec<_>>()).unwrap_or_default(),
        });
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    let Some(pair) = pair else {
        println!("{} and {} share no substantial passage.", a.id, b.id);
        return Ok(ExitCode::SUCCESS);
    };
    // The pair is stored with a < b; show it in the order the user asked for.
    let swap = pair.a != a.id;
    let (la, lb) = (label(&a, "A"), label(&b, "B"));
    print_header(&a, &b, &la, &lb, &pair, swap);
    let width = Term::stdout()
        .size_checked()
        .map(|(_, w)| w as usize)
        .unwrap_or(120)
        .clamp(60, 200);
    let col = (width - 3) / 2;
    for (i, p) in pair.passages.iter().enumerate() {
        let (sa, sb) = if swap { (p.b, p.a) } else { (p.a, p.b) };
        println!(
            "\n{} {}: {}[{}..{}]  ↔  {}[{}..{}]  identity {:.2}",
            style("passage").bold(),
            i + 1,
            la,
            sa.start,
            sa.end,
            lb,
            sb.start,
            sb.end,
            p.identity
        );
        side_by_side(sa.slice(&a.text), sb.slice(&b.text), col);
    }
    Ok(ExitCode::SUCCESS)
}

/// The article's id, or `fallback` for a file read now (not stored).
fn label(a: &Article, fallback: &str) -> String {
    if a.id.0 == 0 || a.id.0 == u32::MAX {
        fallback.to_string()
    } else {
        a.id.to_string()
    }
}

fn print_header(a: &Article, b: &Article, la: &str, lb: &str, pair: &Pair, swap: bool) {
    let (cov_a, cov_b) = if swap {
        (pair.coverage_b, pair.coverage_a)
    } else {
        (pair.coverage_a, pair.coverage_b)
    };
    println!(
        "{} {}  {}",
        style(la).bold(),
        a.outlet.as_deref().unwrap_or("-"),
        a.title.as_deref().unwrap_or(&a.path)
    );
    println!(
        "{} {}  {}",
        style(lb).bold(),
        b.outlet.as_deref().unwrap_or("-"),
        b.title.as_deref().unwrap_or(&b.path)
    );
    println!(
        "{}; similarity {:.2}, jaccard {:.2}, {}",
        crate::output::shared_text(la, cov_a, lb, cov_b),
        pair.similarity,
        pair.jaccard,
        crate::output::plural(pair.passages.len(), "passage")
    );
}

/// A word with its highlight: equal, only on the left (deleted), only on the right (inserted).
type Word<'t> = (&'t str, ChangeTag);

fn side_by_side(left: &str, right: &str, col: usize) {
    let diff = TextDiff::from_words(left, right);
    let mut l: Vec<Word> = Vec::new();
    let mut r: Vec<Word> = Vec::new();
    for change in diff.iter_all_changes() {
        let w = change.value();
        match change.tag() {
            ChangeTag::Equal => {
                l.push((w, ChangeTag::Equal));
                r.push((w, ChangeTag::Equal));
            }
            ChangeTag::Delete => l.push((w, ChangeTag::Delete)),
            ChangeTag::Insert => r.push((w, ChangeTag::Insert)),
        }
    }
    let left_lines = wrap(&l, col);
    let right_lines = wrap(&r, col);
    for i in 0..left_lines.len().max(right_lines.len()) {
        let (lt, lw) = left_lines.get(i).cloned().unwrap_or_default();
        let (rt, _) = right_lines.get(i).cloned().unwrap_or_default();
        println!("{}{} │ {}", lt, " ".repeat(col.saturating_sub(lw)), rt);
    }
}

/// Wraps highlighted words into lines of at most `col` visible columns; returns (styled, width).
fn wrap(words: &[Word], col: usize) -> Vec<(String, usize)> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    let mut width = 0usize;
    for (w, tag) in words {
        for piece in w.split_inclusive('\n') {
            let visible = piece.trim_end_matches('\n').replace('\n', " ");
            let vw = unicode_width::UnicodeWidthStr::width(visible.as_str());
            if width + vw > col && width > 0 {
                lines.push((std::mem::take(&mut cur), width));
                width = 0;
            }
            let shown = if visible.trim().is_empty() && width == 0 {
                String::new()
            } else {
                visible
            };
            let sw = unicode_width::UnicodeWidthStr::width(shown.as_str());
            let styled = match tag {
                ChangeTag::Equal => shown,
                ChangeTag::Delete => style(shown).red().bold().to_string(),
                ChangeTag::Insert => style(shown).green().bold().to_string(),
            };
            cur.push_str(&styled);
            width += sw;
            if piece.ends_with('\n') {
                lines.push((std::mem::take(&mut cur), width));
                width = 0;
            }
        }
    }
    if width > 0 {
        lines.push((cur, width));
    }
    lines
}

/// A stored article by id or path, or else a file read now (so `diff` works on any two files).
pub(crate) fn resolve_or_read(engine: &Engine, spec: &str) -> anyhow::Result<Article> {
    match engine.resolve(spec) {
        Ok(a) => Ok(a),
        Err(e) => {
            let path = std::path::Path::new(spec);
            if path.is_file() {
                Ok(engine.read_unstored(path)?)
            } else {
                Err(e.into())
            }
        }
    }
}
