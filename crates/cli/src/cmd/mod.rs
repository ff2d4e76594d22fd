//! One module per subcommand; `run` dispatches.
#![allow(clippy::print_stdout)]

mod add;
mod compare;
mod diff;
mod explain;
mod export;
mod list;
mod stage;
mod stories;

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use wiretrace_engine::{Config, Engine};

use crate::args::{Cli, Command, InputArgs};

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let quiet = cli.quiet;
    match cli.command {
        Command::Add { inputs, no_analyze } => add::add(&cli.db, &inputs, no_analyze, quiet),
        Command::Analyze { full } => add::analyze(&cli.db, full, quiet),
        Command::Trace {
            inputs,
            out,
            with_text,
            keep_db,
        } => add::trace(&inputs, out.as_deref(), with_text, keep_db.as_deref(), quiet),
        Command::List { json } => list::list(&open_existing(&cli.db)?, json),
        Command::Show { article, text, json } => list::show(&open_existing(&cli.db)?, &article, text, json),
        Command::Export {
            format,
            with_text,
            out,
        } => export::export(&open_existing(&cli.db)?, format, with_text, out.as_deref()),
        Command::Compare { a, b, json } => {
            let tmp = tempfile::tempdir()?;
            let engine = if cli.db.exists() {
                open_existing(&cli.db)?
            } else {
                Engine::open(&tmp.path().join("compare.db"), config(None))?
            };
            compare::compare(&engine, &a, &b, json)
        }
        Command::Diff { a, b, json } => {
            // Two files can be compared without a database.
            let tmp = tempfile::tempdir()?;
            let engine = if cli.db.exists() {
                open_existing(&cli.db)?
            } else {
                Engine::open(&tmp.path().join("diff.db"), config(None))?
            };
            diff::diff(&engine, &a, &b, json)
        }
        Command::Stories { json, all } => stories::stories(&open_existing(&cli.db)?, json, all),
        Command::Story { story, json } => stories::story(&open_existing(&cli.db)?, &story, json),
        Command::Explain {
            article,
            against,
            json,
        } => explain::explain(&open_existing(&cli.db)?, &article, against.as_deref(), json),
        Command::Quotes { story, json } => explain::quotes(&open_existing(&cli.db)?, &story, json),
        Command::Stage { stage } => stage::stage(stage),
    }
}

fn config(inputs: Option<&InputArgs>) -> Config {
    let mut cfg = Config::default();
    if let Some(i) = inputs {
        cfg.ingest.max_article_bytes = i.max_article_bytes;
    }
    cfg
}

/// Opens a database that must already exist (read commands never create an empty one).
fn open_existing(db: &Path) -> anyhow::Result<Engine> {
    if !db.exists() {
        anyhow::bail!(
            "no database at {} (create one with `wiretrace add PATH...`, or pass --db)",
            db.display()
        );
    }
    Engine::open(db, config(None)).with_context(|| format!("opening {}", db.display()))
}

/// Resolves a story argument: `s17`, `17`, or any article of the story.
fn resolve_story(engine: &Engine, spec: &str) -> anyhow::Result<wiretrace_engine::model::Story> {
    let stories = engine.store().stories()?;
    if let Ok(id) = spec.parse::<wiretrace_engine::model::StoryId>() {
        if spec.starts_with('s') || !spec.starts_with('a') {
            if let Some(s) = stories.iter().find(|s| s.id == id) {
                return Ok(s.clone());
            }
        }
    }
    let in_line: Vec<String> = stories
        .iter()
        .filter(|s| s.storyline.as_deref() == Some(spec))
        .map(|s| s.id.to_string())
        .collect();
    if let Some(first) = in_line.first() {
        anyhow::bail!(
            "{spec} is a storyline of {} stories ({}): show one with `wiretrace story {first}`",
            in_line.len(),
            in_line.join(", ")
        );
    }
    let article = engine
        .resolve(spec)
        .with_context(|| format!("no story {spec:?}"))?;
    engine.story_of(article.id)?.with_context(|| {
        format!(
            "article {} is not in a story yet (run `wiretrace analyze`)",
            article.id
        )
    })
}
