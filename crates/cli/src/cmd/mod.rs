//! One module per subcommand; `run` dispatches.
#![allow(clippy::print_stdout)]

mod add;
mod compare;
mod diff;
mod explain;
mod export;
mod import;
mod list;
mod outlets;
mod stage;
mod stories;

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use wiretrace_engine::{Config, Engine};

use crate::args::{Cli, Command, InputArgs};

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let quiet = cli.quiet;
    let db = cli.db_path();
    match cli.command {
        Command::Add { inputs, no_analyze } => add::add(&db, &inputs, no_analyze, quiet),
        Command::Analyze { full } => add::analyze(&db, full, quiet),
        Command::Trace {
            inputs,
            out,
            with_text,
            keep_db,
        } => {
            // `--keep-db` and `--db` both name the database to keep; without either, a temporary one.
            if let (Some(k), Some(d)) = (&keep_db, &cli.db) {
                if k != d {
                    anyhow::bail!(
                        "--keep-db {} and --db {} name two databases: give one",
                        k.display(),
                        d.display()
                    );
                }
            }
            let keep = keep_db.or(cli.db);
            add::trace(&inputs, out.as_deref(), with_text, keep.as_deref(), quiet)
        }
        Command::List { json } => list::list(&open_existing(&db)?, json),
        Command::Show { article, text, json } => list::show(&open_existing(&db)?, &article, text, json),
        Command::Export {
            format,
            with_text,
            out,
        } => export::export(&open_existing(&db)?, format, with_text, out.as_deref()),
        Command::Compare { a, b, json } => {
            // Two files can be compared without a database.
            let tmp = tempfile::tempdir()?;
            let engine = if db.exists() {
                open_existing(&db)?
            } else {
                Engine::open(&tmp.path().join("compare.db"), config(None))?
            };
            compare::compare(&engine, &a, &b, json)
        }
        Command::Diff { a, b, json } => {
            // Two files can be compared without a database.
            let tmp = tempfile::tempdir()?;
            let engine = if db.exists() {
                open_existing(&db)?
            } else {
                Engine::open(&tmp.path().join("diff.db"), config(None))?
            };
            diff::diff(&engine, &a, &b, json)
        }
        Command::Stories { json, all } => stories::stories(&open_existing(&db)?, json, all),
        Command::Story { story, json } => stories::story(&open_existing(&db)?, &story, json),
        Command::Outlets { json, csv } => outlets::outlets(&open_existing(&db)?, json, csv),
        Command::Explain {
            article,
            against,
            json,
        } => explain::explain(&open_existing(&db)?, &article, against.as_deref(), json),
        Command::Quotes { story, json } => explain::quotes(&open_existing(&db)?, &story, json),
        Command::Stage {
            stage,
            shards,
            articles,
        } => stage::stage(stage, shards, articles),
        Command::Import { dir } => import::import(&db, &dir),
        Command::Serve { addr } => {
            let engine = open_existing(&db)?;
            wiretrace_web::server::run(engine, addr).with_context(|| format!("serving on {addr}"))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Report { inputs, out, title } => {
            add::report(&inputs, cli.db.as_deref(), &out, &title, quiet)
        }
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
