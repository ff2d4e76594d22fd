//! `add`, `analyze` and `trace`: ingest, analyse, summarise.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use wiretrace_engine::{AddReport, AnalyzeReport, Engine, Input};

use crate::args::InputArgs;
use crate::output::{plural, Bar, EXIT_NOTHING, EXIT_OK};

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

/// Guessed-charset warnings printed one by one; the rest are counted (a legacy corpus has thousands).
const GUESSED_CHARSET_SHOWN: usize = 5;

/// Adds inputs; prints one line per skipped input and a summary. Returns whether to go on.
fn ingest(engine: &mut Engine, args: &InputArgs, quiet: bool) -> anyhow::Result<(AddReport, bool)> {
    let bar = Bar::new(quiet);
    let report = engine.add_with(&inputs(args), &bar, args.strict)?;
    for e in &report.skipped {
        eprintln!("skipped {e}");
    }
    for (path, enc) in report.guessed_charset.iter().take(GUESSED_CHARSET_SHOWN) {
        eprintln!("warning: {path}: not UTF-8 and no charset declared; read as {enc} (a guess)");
    }
    if report.guessed_charset.len() > GUESSED_CHARSET_SHOWN {
        eprintln!(
            "warning: {} more articles read with a guessed charset",
            report.guessed_charset.len() - GUESSED_CHARSET_SHOWN
        );
    }
    let stored = report.added + report.updated + report.unchanged;
    let mut summary = format!("{} added", plural(report.added, "article"));
    if report.updated > 0 {
        summary.push_str(&format!(", {} updated", report.updated));
    }
    if report.unchanged > 0 {
        summary.push_str(&format!(", {} unchanged", report.unchanged));
    }
    summary.push_str(&format!(", {} skipped", report.skipped.len()));
    if report.files == 0 && report.skipped.is_empty() && stored == 0 {
        summary
            .push_str(" (no input files found: the directories named are empty or hold only hidden files, or stdin was empty)");
    }
    eprintln!("{summary}");
    let strict_failed = args.strict && !report.skipped.is_empty();
    let ok = stored > 0 && !strict_failed;
    Ok((report, ok))
}

fn print_analysis(r: &AnalyzeReport, full: bool) {
    for (stage, t) in &r.timings {
        tracing::info!(stage, seconds = t.as_secs_f64(), "stage done");
    }
    let what = if full {
        format!("re-analysed all {}", plural(r.compared, "article"))
    } else if r.compared == 0 {
        "nothing new to analyse".to_string()
    } else {
        format!("analysed {}", plural(r.compared, "new or changed article"))
    };
    // an incremental analysis keeps the changes of the stories it did not touch; say how many
    let explained = if r.explained_stories < r.stories {
        format!(" ({} explained again)", plural(r.explained_stories, "story"))
    } else {
        String::new()
    };
    eprintln!(
        "{what}: {} ({} new), {}, {} ({} with several versions), {}{explained}",
        plural(r.pairs, "reuse pair"),
        r.new_pairs,
        plural(r.translation_pairs, "translation pair"),
        plural(r.stories, "story"),
        r.multi_article_stories,
        plural(r.changes, "change")
    );
}

/// Opens `db` as its one writer, saying so when another wiretrace holds it and this one waits.
fn open_writer(db: &Path, cfg: wiretrace_engine::Config) -> anyhow::Result<Engine> {
    let on_wait = |lock: &Path| {
        eprintln!(
            "waiting for another wiretrace writing to {} (lock {}) to finish…",
            db.display(),
            lock.display()
        );
    };
    Engine::open_writer(db, cfg, &on_wait).with_context(|| format!("opening {}", db.display()))
}

pub fn add(db: &Path, args: &InputArgs, no_analyze: bool, quiet: bool) -> anyhow::Result<ExitCode> {
    let mut engine = open_writer(db, super::config(Some(args)))?;
    let (_, ok) = ingest(&mut engine, args, quiet)?;
    if !ok {
        return Ok(ExitCode::from(EXIT_NOTHING));
    }
    if !no_analyze {
        let r = engine.analyze(&Bar::new(quiet))?;
        print_analysis(&r, false);
    }
    Ok(ExitCode::from(EXIT_OK))
}

pub fn analyze(db: &Path, full: bool, quiet: bool) -> anyhow::Result<ExitCode> {
    super::open_existing(db)?;
    let mut engine = open_writer(db, super::config(None))?;
    let r = engine.analyze_with(&Bar::new(quiet), full)?;
    print_analysis(&r, full);
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
    let mut engine = open_writer(&db, super::config(Some(args)))?;
    let (_, ok) = ingest(&mut engine, args, quiet)?;
    if !ok {
        return Ok(ExitCode::from(EXIT_NOTHING));
    }
    // A kept database may be analysed again later; a temporary one never is.
    let r = if keep_db.is_some() {
        engine.analyze(&Bar::new(quiet))?
    } else {
        engine.analyze_once(&Bar::new(quiet))?
    };
    print_analysis(&r, false);
    let export = engine.export(with_text)?;
    match (out, keep_db) {
        (Some(out), _) => {
            super::export::write_json(&export, Some(out))?;
            eprintln!("wrote {}", out.display());
        }
        (None, Some(db)) => eprintln!("results kept in {} (no --out: no export written)", db.display()),
        (None, None) => eprintln!(
            "no export written and the temporary database is removed: give --out FILE.json to keep the \
             results, or --keep-db DB to query them later"
        ),
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
    print_analysis(&r, false);
    let html = wiretrace_web::report::render(&engine, title)?;
    std::fs::write(out, &html).with_context(|| format!("writing {}", out.display()))?;
    eprintln!("wrote {} ({} bytes)", out.display(), html.len());
    Ok(ExitCode::from(EXIT_OK))
}
