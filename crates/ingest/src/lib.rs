//! Stage 1 (*extract*): input files and bytes in, [`Article`]s out.
//!
//! INTERIM CONTRACT (being implemented): the signatures below are what the engine calls.
#![deny(missing_docs)]

use std::path::{Path, PathBuf};

use wiretrace_model::Article;

/// Ingest settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Largest accepted article (or single-article file), in bytes. Default 20 MiB.
    pub max_article_bytes: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config { max_article_bytes: 20 << 20 }
    }
}

/// Names one input: a path and, for multi-article files, a 0-based record number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputRef {
    /// The path as given.
    pub path: String,
    /// Record number inside the file, if the file holds many articles.
    pub record: Option<usize>,
}

impl std::fmt::Display for InputRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.record {
            Some(n) => write!(f, "{}#{}", self.path, n),
            None => write!(f, "{}", self.path),
        }
    }
}

/// One input that could not be read.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{input}: {reason}")]
pub struct IngestError {
    /// Which input.
    pub input: InputRef,
    /// Why, in lowercase words.
    pub reason: String,
}

/// Expands files and directories (recursively) into the sorted list of input files.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<IngestError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        walk(p, &mut files, &mut errors);
    }
    files.sort();
    files.dedup();
    (files, errors)
}

fn walk(p: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<IngestError>) {
    match std::fs::metadata(p) {
        Ok(m) if m.is_dir() => match std::fs::read_dir(p) {
            Ok(rd) => {
                for e in rd.flatten() {
                    walk(&e.path(), files, errors);
                }
            }
            Err(e) => errors.push(err(p, &e.to_string())),
        },
        Ok(_) => files.push(p.to_path_buf()),
        Err(e) => errors.push(err(p, &e.to_string())),
    }
}

fn err(p: &Path, reason: &str) -> IngestError {
    IngestError {
        input: InputRef { path: p.display().to_string(), record: None },
        reason: reason.to_lowercase(),
    }
}

/// Reads every article of one file. Each record is an article or the error that skipped it.
pub fn read_file(cfg: &Config, path: &Path) -> Vec<Result<Article, IngestError>> {
    match std::fs::read(path) {
        Ok(bytes) => read_bytes(cfg, &path.display().to_string(), &bytes),
        Err(e) => vec![Err(err(path, &e.to_string()))],
    }
}

/// Reads every article from the bytes of an input named `name` (format by extension, then sniffing).
pub fn read_bytes(_cfg: &Config, name: &str, bytes: &[u8]) -> Vec<Result<Article, IngestError>> {
    let text = String::from_utf8_lossy(bytes);
    let (title, body) = match text.split_once("\n\n") {
        Some((t, b)) if !t.contains('\n') => (Some(t.trim().to_string()), b.to_string()),
        _ => (None, text.to_string()),
    };
    let mut a = Article::new(name, wiretrace_text::normalize(&body));
    a.title = title;
    a.language = wiretrace_text::detect_language(&a.text).map(str::to_string);
    vec![Ok(a)]
}
