//! `pipeline-bench`: the whole pipeline (ingest → reuse → stories → lineage → explain → store) on a
//! generated corpus, with wall time per stage, peak memory and lineage quality.
//!
//! ```text
//! cargo run --release -p wiretrace-bench --bin pipeline-bench -- --articles 200000 [--seed 1] [--keep DIR]
//! ```
//!
//! The generated articles (see `wiretrace_bench::gen`) are written as one JSON-lines file with a
//! title, an outlet and a publish time each (a derived article is published 1–48 hours after its
//! parent), then `wiretrace add` and `analyze` run on a fresh SQLite store through the engine, as
//! the CLI does. Prints each stage's wall time, the time from ingest through lineage (the end of
//! `stories`), the total, peak resident memory (VmHWM), and the
//! share of derived articles whose inferred source is their true parent (or an ancestor).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeMap;
use std::io::Write;
use std::time::Instant;

use wiretrace_bench::gen::{generate, GenConfig};
use wiretrace_bench::{cpu_seconds, peak_memory_mib, MemorySampler};
use wiretrace_engine::{Config, Engine, Input, NoProgress};

// mimalloc: the pipeline allocates many small token and feature vectors on two threads; it is
// faster than the system allocator there and hands freed memory back (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    wiretrace_engine::allocator::return_freed_memory_promptly();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let articles: usize = arg(&args, "--articles").map_or(Ok(200_000), |s| s.parse())?;
    let seed: u64 = arg(&args, "--seed").map_or(Ok(1), |s| s.parse())?;
    let tmp = tempfile::tempdir()?;
    let dir = arg(&args, "--keep")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&dir)?;

    let t = Instant::now();
    let corpus = generate(&GenConfig {
        articles,
        seed,
        ..Default::default()
    });
    let index: BTreeMap<&str, usize> = corpus
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    // Publish times: originals spread over a year, derived ones 1–48 h after their parent.
    let mut minutes = vec![0i64; corpus.len()];
    for (i, a) in corpus.iter().enumerate() {
        let h = wiretrace_bench::gen::Rng::new(seed ^ (i as u64).wrapping_mul(0x9E37_79B9)).next_u64();
        minutes[i] = match &a.parent {
            Some(p) => minutes[index[p.as_str()]] + 60 + (h % (47 * 60)) as i64,
            None => (h % (365 * 24 * 60)) as i64,
        };
    }
    let input = dir.join("corpus.jsonl");
    let mut w = std::io::BufWriter::new(std::fs::File::create(&input)?);
    let base = chrono::DateTime::parse_from_rfc3339("2025-01-01T00:00:00Z")?.to_utc();
    for (i, a) in corpus.iter().enumerate() {
        let title: String = a.text.split_whitespace().take(8).collect::<Vec<_>>().join(" ");
        let published = base + chrono::Duration::minutes(minutes[i]);
        let line = serde_json::json!({
            "id": a.id, "title": title, "text": a.text, "outlet": format!("Outlet {}", i % 97),
            "published": published.to_rfc3339(), "lang": "en",
        });
        serde_json::to_writer(&mut w, &line)?;
        w.write_all(b"\n")?;
    }
    w.flush()?;
    drop(w);
    let bytes = std::fs::metadata(&input)?.len();
    let derived = corpus.iter().filter(|a| a.parent.is_some()).count();
    let total_articles = corpus.len();
    // Only the true parents are kept for scoring: the generated texts are dropped so that the peak
    // memory printed is the pipeline's, not the generator's.
    let parent_of: Vec<Option<usize>> = corpus
        .iter()
        .map(|a| a.parent.as_deref().map(|p| index[p]))
        .collect();
    drop(index);
    drop(corpus);
    eprintln!(
        "generated {} articles ({} derived, {:.0} MB of JSON lines) in {:.1} s",
        total_articles,
        derived,
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );

    let start = Instant::now();
    let sampler = MemorySampler::start();
    let cpu0 = cpu_seconds().unwrap_or(0.0);
    let mut engine = Engine::open(&dir.join("bench.db"), Config::default())?;
    let t = Instant::now();
    let added = engine.add(&[Input::Path(input.clone())], &NoProgress)?;
    let ingest = t.elapsed();
    let report = engine.analyze(&NoProgress)?;
    let total = start.elapsed();
    let cpu = cpu_seconds().unwrap_or(0.0) - cpu0;
    let peak = peak_memory_mib();
    let samples = sampler.finish();
    // the largest resident size seen while each stage ran
    let stage_peak = |from: std::time::Duration, to: std::time::Duration| -> f64 {
        samples
            .iter()
            .filter(|(t, _)| *t >= from && *t <= to)
            .map(|(_, m)| *m)
            .fold(0.0, f64::max)
    };

    // Lineage quality against the generator's parents.
    let export = engine.export(false)?;
    let path_of: BTreeMap<String, String> = export
        .articles
        .iter()
        .map(|a| (a.id.clone(), a.path.rsplit('#').next().unwrap_or("").to_string()))
        .collect();
    let gen_index = |id: &wiretrace_engine::model::ArticleId| -> usize {
        path_of[&id.to_string()].parse().expect("record number")
    };
    let (mut parent_ok, mut ancestor_ok, mut with_parent) = (0usize, 0usize, 0usize);
    for s in &export.stories {
        for e in &s.lineage {
            let i = gen_index(&e.article);
            let Some(truth) = parent_of[i] else {
                continue;
            };
            with_parent += 1;
            let Some(src) = e.source.as_ref().map(gen_index) else {
                continue;
            };
            if src == truth {
                parent_ok += 1;
            }
            let mut cur = parent_of[i];
            while let Some(p) = cur {
                if src == p {
                    ancestor_ok += 1;
                    break;
                }
                cur = parent_of[p];
            }
        }
    }

    println!(
        "pipeline-bench: {} articles, {:.0} MB, seed {seed}, {} threads",
        total_articles,
        bytes as f64 / 1e6,
        rayon_threads()
    );
    println!(
        "  ingest+store     {:8.2} s  ({} added, {} skipped, {:.1} MB/s; resident ≤ {:.0} MiB)",
        ingest.as_secs_f64(),
        added.added,
        added.skipped.len(),
        bytes as f64 / 1e6 / ingest.as_secs_f64(),
        stage_peak(std::time::Duration::ZERO, ingest)
    );
    let mut at = ingest;
    for (stage, d) in &report.timings {
        println!(
            "  {:<16} {:8.2} s  (resident ≤ {:.0} MiB)",
            stage,
            d.as_secs_f64(),
            stage_peak(at, at + *d)
        );
        at += *d;
    }
    // The issue's target covers ingest through lineage (stories include lineage); the explain stages
    // (furniture model, changes) and the final save come after it.
    let through_lineage = ingest
        + report
            .timings
            .iter()
            .take_while(|(stage, _)| *stage != "furniture")
            .map(|(_, d)| *d)
            .sum::<std::time::Duration>();
    println!(
        "  ingest→lineage   {:8.2} s  (resident ≤ {:.0} MiB)",
        through_lineage.as_secs_f64(),
        stage_peak(std::time::Duration::ZERO, through_lineage)
    );
    println!(
        "  total            {:8.2} s  (cpu {:.1} s)",
        total.as_secs_f64(),
        cpu
    );
    println!("  peak memory      {:8.0} MiB", peak.unwrap_or(f64::NAN));
    println!(
        "  result           {} pairs, {} stories ({} with several versions), {} changes",
        report.pairs, report.stories, report.multi_article_stories, report.changes
    );
    println!(
        "  lineage          parent accuracy {:.4}, ancestor-or-parent {:.4} over {} derived articles",
        parent_ok as f64 / with_parent.max(1) as f64,
        ancestor_ok as f64 / with_parent.max(1) as f64,
        with_parent
    );
    Ok(())
}

fn rayon_threads() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}
