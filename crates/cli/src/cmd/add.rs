//! `add`, `analyze` and `trace`: ingest, analyse, summarise.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use wiretrace_engine::{AddReport, AnalyzeReport, Engine, Input};

use crate::args::InputArgs;
use crate::output::{Bar, EXIT_NOTHING, EXIT_OK};

fn inputs(args: &InputArgs) -> Vec<Input> {
    args.paths
        .iter()
        .map(|p| {
            if p.as_os_str() == "-" {
                Input::Stdin
            } else {
                Input::Path(p.clone())
            }
        })
        .collect()
}

/// Adds inputs; prints one line per skipped input and a summary. Returns whether to go on.
fn ingest(engine: &mut Engine, args: &InputArgs, quiet: bool) -> anyhow::Result<(AddReport, bool)> {
    let bar = Bar::new(quiet);
    let report = engine.add_with(&inputs(args), &bar, args.strict)?;
    for e in &report.skipped {
        eprintln!("skipped {e}");
    }
    let stored = report.added + report.updated + report.unchanged;
    let mut summary = format!("{} articles added", report.added);
    if report.updated > 0 {
        summary.push_str(&format!(", {} updated", report.updated));
    }
    if report.unchanged > 0 {
        summary.push_str(&format!(", {} unchanged", report.unchanged));
    }
    summary.push_str(&format!(", {} skipped", report.skipped.len()));
    eprintln!("{summary}");
    let strict_failed = args.strict && !report.skipped.is_empty();
    let ok = stored > 0 && !strict_failed;
    Ok((report, ok))
}

fn print_analysis(r: &AnalyzeReport) {
    for (stage, t) in &r.timings {
        tracing::info!(stage, seconds = t.as_secs_f64(), "stage done");
    }
    eprintln!(
        "analysed {} new articles: {} reuse pairs ({} new), {} stories ({} with several versions), {} changes",
        r.compared, r.pairs, r.new_pairs, r.stories, r.multi_article_stories, r.changes
    );
}

pub fn add(db: &Path, args: &InputArgs, no_analyze: bool, quiet: bool) -> anyhow::Result<ExitCode> {
    let mut engine =
        Engine::open(db, super::config(Some(args))).with_context(|| format!("opening {}", db.display()))?;
    let (_, ok) = ingest(&mut engine, args, quiet)?;
    if !ok {
        return Ok(ExitCode::from(EXIT_NOTHING));
    }
    if !no_analyze {
        let r = engine.analyze(&Bar::new(quiet))?;
        print_analysis(&r);
    }
    Ok(ExitCode::from(EXIT_OK))
}

pub fn analyze(db: &Path, full: bool, quiet: bool) -> anyhow::Result<ExitCode> {
    let mut engine = super::open_existing(db)?;
    let r = engine.analyze_with(&Bar::new(quiet), full)?;
    print_analysis(&r);
    Ok(ExitCode::from(EXIT_OK))
}

pub fn trace(
    args: &InputArgs,
    out: Option<&Path>,
    with_text: bool,
    keep_db: Option<&Path>,
    quiet: bool,
) -> anyhow::Result<ExitCode> {
    let tmp = tempfile::tempdir().context("creating a temporary directory")?;
    let db = keep_db
        .map(Path::to_path_buf)
        .unwrap_or_else(|| tmp.path().join("trace.db"));
    let mut engine =
        Engine::open(&db, super::config(Some(args))).with_context(|| format!("opening {}", db.display()))?;
    let (_, ok) = ingest(&mut engine, args, quiet)?;
    if !ok {
        return Ok(ExitCode::from(EXIT_NOTHING));
    }
    let r = engine.analyze(&Bar::new(quiet))?;
    print_analysis(&r);
    let export = engine.export(with_text)?;
    if let Some(out) = out {
        super::export::write_json(&export, Some(out))?;
        eprintln!("wrote {}", out.display());
    }
    super::stories::print_summary(&engine, &export)?;
    Ok(ExitCode::from(EXIT_OK))
}

/// `report`: ingests and analyses like `trace` (a temporary database unless `--db`), then writes
/// every view into one HTML file.
pub fn report(
    args: &InputArgs,
    db: Option<&Path>,
    out: &Path,
    title: &str,
    quiet: bool,
) -> anyhow::Result<ExitCode> {
    let tmp = tempfile::tempdir().context("creating a temporary directory")?;
    let db = db
        .map(Path::to_path_buf)
        .unwrap_or_else(|| tmp.path().join("report.db"));
    let mut engine =
        Engine::open(&db, super::config(Some(args))).with_context(|| format!("opening {}", db.display()))?;
    let (_, ok) = ingest(&mut engine, args, quiet)?;
    if !ok {
        return Ok(ExitCode::from(EXIT_NOTHING));
    }
    let r = engine.analyze(&Bar::new(quiet))?;
    print_analysis(&r);
    let html = wiretrace_web::report::render(&engine, title)?;
    std::fs::write(out, &html).with_context(|| format!("writing {}", out.display()))?;
    eprintln!("wrote {} ({} bytes)", out.display(), html.len());
    Ok(ExitCode::from(EXIT_OK))
}
