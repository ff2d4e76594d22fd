//! `import DIR`: a finished Spark run's records into a new database.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use wiretrace_engine::model::{Article, Change, Pair, Story};
use wiretrace_engine::{Config, Engine};

pub fn import(db: &Path, dir: &Path) -> anyhow::Result<ExitCode> {
    let articles: Vec<Article> = read_records(&dir.join("articles"))?;
    let pairs: Vec<Pair> = read_records(&dir.join("pairs"))?;
    let stories: Vec<Story> = read_records(&dir.join("stories"))?;
    let changes: Vec<Change> = read_records(&dir.join("changes"))?;
    let mut engine = Engine::open_writer(db, Config::default(), &|lock| {
        eprintln!("waiting for another wiretrace writing to {} …", lock.display())
    })?;
    let n = articles.len();
    engine.import(articles, &pairs, &stories, &changes)?;
    println!(
        "imported {n} articles, {} pairs, {} stories, {} changes into {}",
        pairs.len(),
        stories.len(),
        changes.len(),
        db.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The files holding one record set: `NAME.jsonl`, the file `NAME`, or the part files of the
/// directory `NAME` (Spark's output; names starting with `_` or `.` are Spark's markers).
fn record_files(base: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let jsonl = base.with_extension("jsonl");
    if jsonl.is_file() {
        return Ok(vec![jsonl]);
    }
    if base.is_file() {
        return Ok(vec![base.to_path_buf()]);
    }
    let entries = std::fs::read_dir(base)
        .with_context(|| format!("{}: no such record file or directory", base.display()))?;
    let mut files = Vec::new();
    for e in entries {
        let p = e?.path();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if p.is_file() && !name.starts_with('_') && !name.starts_with('.') {
            files.push(p);
        }
    }
    files.sort();
    Ok(files)
}

fn read_records<T: serde::de::DeserializeOwned>(base: &Path) -> anyhow::Result<Vec<T>> {
    let mut out = Vec::new();
    for f in record_files(base)? {
        let file = std::fs::File::open(&f).with_context(|| format!("{}", f.display()))?;
        for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
            let line = line.with_context(|| format!("{}", f.display()))?;
            if line.trim().is_empty() {
                continue;
            }
            out.push(
                serde_json::from_str(&line)
                    .with_context(|| format!("{} line {}: not a valid record", f.display(), i + 1))?,
            );
        }
    }
    Ok(out)
}
