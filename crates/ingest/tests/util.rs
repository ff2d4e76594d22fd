//! Helpers: fixture paths and one-article reads.

use std::path::PathBuf;

use wiretrace_ingest::{read_file, Article, Config, IngestError};

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn read_all(name: &str) -> Vec<Result<Article, IngestError>> {
    read_file(&Config::default(), &fixture(name))
}

/// Reads a single-article fixture and returns its article, failing the test on an error.
pub fn one(name: &str) -> Article {
    let mut out = read_all(name);
    assert_eq!(out.len(), 1, "{name}: expected one result");
    match out.remove(0) {
        Ok(a) => a,
        Err(e) => panic!("{name}: {e}"),
    }
}

/// Reads a fixture expected to fail and returns the error reason.
pub fn reason(name: &str) -> String {
    let out = read_all(name);
    assert_eq!(out.len(), 1, "{name}: expected one result");
    match &out[0] {
        Ok(a) => panic!("{name}: expected an error, got an article {:?}", a.text),
        Err(e) => e.reason.clone(),
    }
}

pub fn paragraphs(a: &Article) -> Vec<&str> {
    a.text.split("\n\n").collect()
}
