//! `diff A B`: the passages two articles share, side by side, differing words highlighted.
#![allow(clippy::print_stdout)]

use std::process::ExitCode;

use console::{style, Term};
use wiretrace_engine::model::{Article, Pair};
use wiretrace_engine::views::Piece;
use wiretrace_engine::Engine;

pub fn diff(engine: &Engine, a: &str, b: &str, json: bool) -> anyhow::Result<ExitCode> {
    let a = resolve_or_read(engine, a)?;
    let mut b = resolve_or_read(engine, b)?;
    if a.id == b.id && a.path != b.path {
        // Two files read now: give the second its own id so the pair has two sides.
        b.id = wiretrace_engine::model::ArticleId(u32::MAX);
    }
    let cmp = engine.compare(&a, &b)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&cmp)?);
        return Ok(ExitCode::SUCCESS);
    }
    if cmp.passages.is_empty() {
        println!("{} and {} share no substantial passage.", a.id, b.id);
        return Ok(ExitCode::SUCCESS);
    }
    let (la, lb) = (label(&a, "A"), label(&b, "B"));
    print_header(&a, &b, &la, &lb, cmp.pair.as_ref(), cmp.passages.len());
    if let Some((from, to)) = &cmp.translation {
        println!("a translation ({from} / {to}): paragraphs paired by position, figures and names compared");
    }
    let width = Term::stdout()
        .size_checked()
        .map(|(_, w)| w as usize)
        .unwrap_or(120)
        .clamp(60, 200);
    let col = (width - 3) / 2;
    for (i, p) in cmp.passages.iter().enumerate() {
        let identity = p
            .identity
            .map(|x| format!("  identity {x:.2}"))
            .unwrap_or_default();
        println!(
            "\n{} {}: {}[{}..{}]  ↔  {}[{}..{}]{}",
            style("passage").bold(),
            i + 1,
            la,
            p.a.start,
            p.a.end,
            lb,
            p.b.start,
            p.b.end,
            identity
        );
        side_by_side(&p.a_pieces, &p.b_pieces, col);
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

fn print_header(a: &Article, b: &Article, la: &str, lb: &str, pair: Option<&Pair>, passages: usize) {
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
    if let Some(pair) = pair {
        // The pair is stored with a < b; give each side's figure in the order asked for.
        let (cov_a, cov_b) = if pair.a != a.id {
            (pair.coverage_b, pair.coverage_a)
        } else {
            (pair.coverage_a, pair.coverage_b)
        };
        println!(
            "{}; similarity {:.2}, jaccard {:.2}, {}",
            crate::output::shared_text(la, cov_a, lb, cov_b),
            pair.similarity,
            pair.jaccard,
            crate::output::plural(passages, "passage")
        );
    }
}

/// Prints two sides' pieces in two columns; changed words red on the left, green on the right.
fn side_by_side(left: &[Piece], right: &[Piece], col: usize) {
    let left_lines = wrap(left, col, false);
    let right_lines = wrap(right, col, true);
    for i in 0..left_lines.len().max(right_lines.len()) {
        let (lt, lw) = left_lines.get(i).cloned().unwrap_or_default();
        let (rt, _) = right_lines.get(i).cloned().unwrap_or_default();
        println!("{}{} │ {}", lt, " ".repeat(col.saturating_sub(lw)), rt);
    }
}

/// Wraps highlighted words into lines of at most `col` visible columns; returns (styled, width).
fn wrap(pieces: &[Piece], col: usize, inserted: bool) -> Vec<(String, usize)> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    let mut width = 0usize;
    let words = pieces
        .iter()
        .flat_map(|p| runs(&p.text).into_iter().map(move |w| (w, p.changed)));
    for (w, changed) in words {
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
            let styled = match (changed, inserted) {
                (false, _) => shown,
                (true, false) => style(shown).red().bold().to_string(),
                (true, true) => style(shown).green().bold().to_string(),
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

/// Splits a text into alternating runs of whitespace and of other characters, as a word diff
/// tokenises it, so that wrapping counts words and the spaces between them apart.
fn runs(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev_space = None;
    for (i, c) in text.char_indices() {
        let space = c.is_whitespace();
        if prev_space.is_some_and(|p| p != space) {
            out.push(&text[start..i]);
            start = i;
        }
        prev_space = Some(space);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
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
