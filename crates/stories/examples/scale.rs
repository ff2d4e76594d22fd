//! Times `build_stories` on a JSON-lines corpus (one article per line with `id`, `text`, and optional
//! `title`, `outlet`, `published` (RFC 3339) and `lang`), such as the `corpus.jsonl` that
//! `pipeline-bench --keep DIR` writes. Reuse pairs come from `wiretrace_reuse::find_pairs`.
//!
//! ```text
//! cargo run --release -p wiretrace-stories --example scale -- CORPUS.jsonl
//! ```
#![allow(clippy::print_stdout)]

use std::io::BufRead;
use std::time::Instant;

use wiretrace_model::{Article, ArticleId};

/// Process CPU seconds (user + system) from `/proc/self/stat`, when available.
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1.to_string();
            let f: Vec<&str> = rest.split_whitespace().collect();
            let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
            Some(ticks / 100.0)
        })
        .unwrap_or(0.0)
}

fn peak_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: scale CORPUS.jsonl")?;
    let file = std::io::BufReader::new(std::fs::File::open(&path)?);
    let mut articles = Vec::new();
    for (i, line) in file.lines().enumerate() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        let mut a = Article::new(s("id").unwrap_or_default(), s("text").unwrap_or_default());
        a.id = ArticleId(i as u32 + 1);
        a.title = s("title");
        a.outlet = s("outlet");
        a.language = s("lang");
        a.published = s("published")
            .and_then(|p| chrono::DateTime::parse_from_rfc3339(&p).ok())
            .map(|d| d.to_utc());
        articles.push(a);
    }
    let t = Instant::now();
    let pairs = wiretrace_reuse::find_pairs(&Default::default(), &articles, &|_| true);
    println!(
        "reuse: {} pairs in {:.2} s",
        pairs.len(),
        t.elapsed().as_secs_f64()
    );
    let before = peak_mib();
    let t = Instant::now();
    let cpu = cpu_seconds();
    let stories = wiretrace_stories::build_stories(&Default::default(), &articles, &pairs);
    let multi = stories.iter().filter(|s| s.articles.len() > 1).count();
    println!(
        "stories: {} articles, {} stories ({multi} with several versions) in {:.2} s (cpu {:.2} s); \
         peak memory {:.0} MiB before, {:.0} MiB after",
        articles.len(),
        stories.len(),
        t.elapsed().as_secs_f64(),
        cpu_seconds() - cpu,
        before,
        peak_mib()
    );
    Ok(())
}
