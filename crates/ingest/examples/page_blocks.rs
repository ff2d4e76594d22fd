//! Prints what ingest keeps and removes from pages, for diagnosing extraction:
//! `cargo run --release -p wiretrace-ingest --example page_blocks -- FILE...`
//!
//! Each kept paragraph with its index, then each removed block with its reason and the character
//! offset in the text where it stood (see `bench/furniture_diag.py` for the forbidden snippets' DOM context).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;

use wiretrace_ingest::{read_file, Config};

fn clip(s: &str, n: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n {
        s
    } else {
        s.chars().take(n).collect::<String>() + "…"
    }
}

fn main() {
    let cfg = Config::default();
    for f in std::env::args().skip(1).map(PathBuf::from) {
        for r in read_file(&cfg, &f) {
            match r {
                Ok(a) => {
                    println!("# {} ({} chars)", a.path, a.text.chars().count());
                    let mut at = 0usize;
                    for (i, p) in a.text.split("\n\n").enumerate() {
                        println!("  [{i}] @{at} {}", clip(p, 140));
                        at += p.chars().count() + 2;
                    }
                    for b in &a.boilerplate {
                        println!("  - {} @{}: {}", b.reason, b.at, clip(&b.text, 120));
                    }
                }
                Err(e) => println!("# skipped {e}"),
            }
        }
    }
}
