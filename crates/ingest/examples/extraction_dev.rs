//! Writes the articles of HTML folders as an export-shaped JSON for `../shared/data/extraction-dev/check.py`,
//! without a store: `cargo run --release -p wiretrace-ingest --example extraction_dev -- OUT.json DIR...`
//!
//! The same reading as `wiretrace add` (ingest's `read_file`), so the figures match an engine export;
//! `published` is written as the engine exports it ([`wiretrace_ingest::published_local`]). Also prints the skipped inputs and their reasons.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;

use wiretrace_ingest::{discover, read_file, Config};

fn main() {
    let mut args = std::env::args().skip(1);
    let out = args.next().expect("usage: extraction_dev OUT.json DIR...");
    let dirs: Vec<PathBuf> = args.map(PathBuf::from).collect();
    let (files, errors) = discover(&dirs);
    for e in &errors {
        eprintln!("{e}");
    }
    let cfg = Config::default();
    let mut arts = Vec::new();
    for f in &files {
        for r in read_file(&cfg, f) {
            match r {
                Ok(a) => arts.push(serde_json::json!({
                    "path": a.path,
                    "title": a.title,
                    "published": wiretrace_ingest::published_local(&a),
                    "published_from": a.metadata.get("published_from"),
                    "text": a.text,
                })),
                Err(e) => eprintln!("skipped {e}"),
            }
        }
    }
    let json = serde_json::json!({ "articles": arts });
    std::fs::write(&out, json.to_string()).expect("write the export");
    eprintln!("{} articles written to {out}", arts.len());
}
