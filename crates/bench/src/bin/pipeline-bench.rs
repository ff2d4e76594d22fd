//! `pipeline-bench`: the whole pipeline (ingest → reuse → stories → lineage → explain → store) on a
//! generated corpus, with wall time per stage, peak memory and lineage quality.
//!
//! ```text
//! cargo run --release -p wiretrace-bench --bin pipeline-bench -- --articles 200000 [--seed 1] [--keep DIR]
//! cargo run --release -p wiretrace-bench --bin pipeline-bench -- --scale big.jsonl [--keep DIR]
//! ```
//!
//! `--scale` runs on a corpus of `../shared/bench/make_scale_corpus.py` (or
//! `bench/make_stress_corpus.py`) with its gold sidecar instead of a generated one; without a
//! sidecar (a real set, e.g. `--scale ../shared/data/real-news-dev/articles.jsonl`) only the speed
//! figures are printed. The `encoder cost` line gives the multilingual encoder's time per article
//! and the throughput with and without it: run once with `WIRETRACE_ENCODER` set and once unset.
//!
//! The generated articles (see `wiretrace_bench::gen`) are written as one JSON-lines file with a
//! title, an outlet and a publish time each (a derived article is published 1–48 hours after its
//! parent), then `wiretrace add` and `analyze` run on a fresh SQLite store through the engine, as
//! the CLI does. Prints each stage's wall time, the time from ingest through lineage (the end of
//! `stories`), the total, peak resident memory (VmHWM), and the
//! share of derived articles whose inferred source is their true parent (or an ancestor); also the
//! candidates per article (the candidates step run on its own first, untimed), the recall of
//! (derived, parent) reuse pairs and the story pairwise F1 (true story: root of the derivation).
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
    let scale = arg(&args, "--scale").map(std::path::PathBuf::from);
    let (corpus, input) = match &scale {
        Some(path) => (wiretrace_bench::read_scale_corpus(path)?, path.clone()),
        None => {
            let corpus = generate(&GenConfig {
                articles,
                seed,
                ..Default::default()
            });
            let input = dir.join("corpus.jsonl");
            write_generated(&corpus, seed, &input)?;
            (corpus, input)
        }
    };
    let index: BTreeMap<&str, usize> = corpus
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let candidates = candidates_per_article(&corpus);
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

    // Lineage and story quality against the generator's parents; a corpus with no known
    // derivations (a real set, `--scale` without a gold sidecar) gives the speed figures only, and
    // its ids need not be record numbers.
    let quality = if derived == 0 {
        None
    } else {
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

        // Stories and reuse pairs against the truth: an article's true story is the root of its
        // derivation chain.
        let root_of = |mut i: usize| {
            while let Some(p) = parent_of[i] {
                i = p;
            }
            i
        };
        let truth: Vec<usize> = (0..total_articles).map(root_of).collect();
        let mut found: Vec<usize> = (0..total_articles).map(|i| total_articles + i).collect();
        for (k, s) in export.stories.iter().enumerate() {
            for a in &s.articles {
                found[gen_index(a)] = k;
            }
        }
        let (story_p, story_r, story_f1) = pairwise_f1(&truth, &found);
        let paired: std::collections::BTreeSet<(usize, usize)> = export
            .pairs
            .iter()
            .map(|p| {
                let (x, y) = (gen_index(&p.a), gen_index(&p.b));
                (x.min(y), x.max(y))
            })
            .collect();
        let derived_found = (0..total_articles)
            .filter(|&i| parent_of[i].is_some_and(|p| paired.contains(&(p.min(i), p.max(i)))))
            .count();
        Some((
            parent_ok,
            ancestor_ok,
            with_parent,
            story_p,
            story_r,
            story_f1,
            derived_found,
        ))
    };

    println!(
        "pipeline-bench: {} articles, {:.0} MB, {}, {} threads",
        total_articles,
        bytes as f64 / 1e6,
        match &scale {
            Some(p) => format!("corpus {}", p.display()),
            None => format!("generated, seed {seed}"),
        },
        rayon_threads()
    );
    println!("  candidates       per article: {candidates}");
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
    // The multilingual encoder's cost (its stage is ~0 s when `WIRETRACE_ENCODER` is unset or the
    // corpus is above `encoder_max_articles`): per article, and the throughput with and without it.
    let encoder = report
        .timings
        .iter()
        .filter(|(stage, _)| *stage == "encoder")
        .map(|(_, d)| d.as_secs_f64())
        .sum::<f64>();
    let n = total_articles.max(1) as f64;
    println!(
        "  encoder cost     {:8.1} ms per article ({}; {:.1} articles/s in all, {:.1} without the encoder stage)",
        encoder * 1e3 / n,
        match std::env::var_os("WIRETRACE_ENCODER").filter(|v| !v.is_empty()) {
            Some(_) => "encoder on",
            None => "encoder off",
        },
        n / total.as_secs_f64(),
        n / (total.as_secs_f64() - encoder).max(1e-9)
    );
    let Some((parent_ok, ancestor_ok, with_parent, story_p, story_r, story_f1, derived_found)) = quality
    else {
        return Ok(());
    };
    println!(
        "  lineage          parent accuracy {:.4}, ancestor-or-parent {:.4} over {} derived articles",
        parent_ok as f64 / with_parent.max(1) as f64,
        ancestor_ok as f64 / with_parent.max(1) as f64,
        with_parent
    );
    println!(
        "  derived pairs    recall {:.4} ({derived_found}/{derived}: a reuse pair joins each derived article and its parent)",
        derived_found as f64 / derived.max(1) as f64
    );
    println!("  stories          pairwise precision {story_p:.4}, recall {story_r:.4}, F1 {story_f1:.4}");
    Ok(())
}

/// Writes a generated corpus as JSON lines with a title, an outlet and a publish time each:
/// originals spread over a year, derived ones 1–48 h after their parent.
fn write_generated(
    corpus: &[wiretrace_bench::gen::GenArticle],
    seed: u64,
    input: &std::path::Path,
) -> Result<(), Box<dyn std::error::Error>> {
    let index: BTreeMap<&str, usize> = corpus
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut minutes = vec![0i64; corpus.len()];
    for (i, a) in corpus.iter().enumerate() {
        let h = wiretrace_bench::gen::Rng::new(seed ^ (i as u64).wrapping_mul(0x9E37_79B9)).next_u64();
        minutes[i] = match &a.parent {
            Some(p) => minutes[index[p.as_str()]] + 60 + (h % (47 * 60)) as i64,
            None => (h % (365 * 24 * 60)) as i64,
        };
    }
    let mut w = std::io::BufWriter::new(std::fs::File::create(input)?);
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
    Ok(())
}

/// The reuse stage's candidates per article on this corpus (its candidates step run on its own,
/// before the timed pipeline): mean, 99th percentile and largest.
fn candidates_per_article(corpus: &[wiretrace_bench::gen::GenArticle]) -> String {
    use rayon::prelude::*;
    let cfg = wiretrace_reuse::Config::default();
    let sketches: Vec<_> = corpus
        .par_iter()
        .enumerate()
        .map(|(i, g)| {
            let mut a = wiretrace_model::Article::new(g.id.clone(), g.text.clone());
            a.id = wiretrace_model::ArticleId(i as u32 + 1);
            wiretrace_reuse::sketch(&cfg, &a)
        })
        .collect();
    let pairs = wiretrace_reuse::candidate_pairs(&cfg, &sketches, &|_| true);
    let mut degree = vec![0u32; corpus.len()];
    for p in &pairs {
        degree[p.a.0 as usize - 1] += 1;
        degree[p.b.0 as usize - 1] += 1;
    }
    degree.sort_unstable();
    let total: u64 = degree.iter().map(|d| u64::from(*d)).sum();
    format!(
        "mean {:.2}, p99 {}, max {} ({} candidate pairs)",
        total as f64 / corpus.len().max(1) as f64,
        degree.get(degree.len() * 99 / 100).copied().unwrap_or(0),
        degree.last().copied().unwrap_or(0),
        pairs.len()
    )
}

/// Pairwise precision, recall and F1 of a clustering against the true one (one label per article).
fn pairwise_f1(truth: &[usize], found: &[usize]) -> (f64, f64, f64) {
    let pairs = |labels: &mut dyn Iterator<Item = (usize, usize)>| -> u64 {
        let mut count: BTreeMap<(usize, usize), u64> = BTreeMap::new();
        for l in labels {
            *count.entry(l).or_default() += 1;
        }
        count.values().map(|c| c * (c - 1) / 2).sum()
    };
    let both = pairs(&mut truth.iter().zip(found).map(|(t, f)| (*t, *f)));
    let t = pairs(&mut truth.iter().map(|t| (*t, 0)));
    let f = pairs(&mut found.iter().map(|f| (0, *f)));
    let p = if f == 0 { 1.0 } else { both as f64 / f as f64 };
    let r = if t == 0 { 1.0 } else { both as f64 / t as f64 };
    (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
}

fn rayon_threads() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}
