//! Evaluates the explain stage alone on a benchmark with gold lineage (e.g. `reuse-dev`).
//!
//! Uses the GOLD parent links to pick (article, source) pairs, runs [`explain_pair_with`] on each (with
//! a furniture model learned from the whole corpus and the gold stories as "story members"), adds the
//! furniture of articles without a parent, and writes an export-shaped JSON that
//! `../shared/bench/score.py` scores.
//!
//! ```text
//! cargo run --release -p wiretrace-explain --example eval_changes_dev -- \
//!     /work/shared/data/reuse-dev /tmp/explain-eval.json [--articles extracted.jsonl]
//! python3 /work/shared/bench/score.py /work/shared/data/reuse-dev/gold.json /tmp/explain-eval.json
//! ```
//! Articles are read with `wiretrace_ingest` from `BENCH/corpus`, or from a JSON-lines file of
//! `wiretrace_model::Article` values given with `--articles` (paths relative to BENCH, e.g. `corpus/x.txt`);
//! `--dump FILE` writes the loaded articles (with ids) as JSON lines, for inspection.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use wiretrace_explain::{explain_pair_with, Config, FurnitureModel};
use wiretrace_model::{Article, ArticleId, LineageEdge, Story, StoryId};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: eval_changes_dev BENCH_DIR OUT.json [--articles FILE.jsonl] [--dump FILE.jsonl]");
        std::process::exit(2);
    }
    let bench = PathBuf::from(&args[0]);
    let out_path = PathBuf::from(&args[1]);
    let articles_file = args
        .iter()
        .position(|a| a == "--articles")
        .and_then(|i| args.get(i + 1))
        .cloned();

    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(bench.join("gold.json")).expect("read gold.json"))
            .expect("parse gold.json");
    let dump = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let mut articles = match articles_file {
        Some(f) => load_jsonl(Path::new(&f)),
        None => load_ingest(&bench),
    };
    articles.sort_by(|a, b| a.path.cmp(&b.path));
    for (i, a) in articles.iter_mut().enumerate() {
        a.id = ArticleId(i as u32 + 1);
    }
    if let Some(d) = dump {
        let lines: Vec<String> = articles
            .iter()
            .map(|a| serde_json::to_string(a).expect("serialise"))
            .collect();
        std::fs::write(&d, lines.join("\n") + "\n").expect("write dump");
    }
    let by_path: BTreeMap<String, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.path.clone(), i))
        .collect();

    // gold stories and parents
    let mut story_members: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut parent: BTreeMap<usize, usize> = BTreeMap::new();
    let mut missing = 0;
    for g in gold["articles"].as_array().expect("gold articles") {
        let path = g["path"].as_str().unwrap_or_default();
        let Some(&i) = by_path.get(path) else {
            missing += 1;
            continue;
        };
        story_members
            .entry(g["story"].as_str().unwrap_or_default().to_string())
            .or_default()
            .push(i);
        if let Some(p) = g["parent"].as_str() {
            if let Some(&j) = by_path.get(p) {
                parent.insert(i, j);
            }
        }
    }
    if missing > 0 {
        eprintln!("warning: {missing} gold articles not found among the loaded articles");
    }
    let stories: Vec<Story> = story_members
        .values()
        .enumerate()
        .map(|(k, m)| {
            let mut ids: Vec<ArticleId> = m.iter().map(|&i| articles[i].id).collect();
            ids.sort();
            Story {
                id: StoryId(k as u32 + 1),
                articles: ids.clone(),
                storyline: None,
                lineage: ids
                    .iter()
                    .map(|&a| LineageEdge {
                        credit: None,
                        article: a,
                        source: parent.get(&((a.0 - 1) as usize)).map(|&j| articles[j].id),
                        confidence: 1.0,
                        reason: String::new(),
                    })
                    .collect(),
            }
        })
        .collect();

    let cfg = Config::default();
    let t0 = std::time::Instant::now();
    let model = FurnitureModel::build(&articles, &stories);
    let t_model = t0.elapsed();
    let changes = wiretrace_explain::explain_corpus(&cfg, &articles, &[], &stories);
    let t_all = t0.elapsed();
    // explain_pair_with on one pair, to exercise the public per-pair entry point as well
    if let Some((&i, &j)) = parent.iter().next() {
        let members: Vec<&Article> = vec![&articles[j]];
        let _ = explain_pair_with(&cfg, &articles[i], &articles[j], &members, &model);
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &changes {
        *counts.entry(c.kind.as_str()).or_insert(0) += 1;
    }
    eprintln!(
        "{} articles, {} with a gold parent, {} changes {:?}; model {:.2?}, total {:.2?}",
        articles.len(),
        parent.len(),
        changes.len(),
        counts,
        t_model,
        t_all
    );
    let export = json!({
        "version": 1,
        "articles": articles.iter().map(|a| json!({"id": a.id.to_string(), "path": a.path})).collect::<Vec<_>>(),
        "stories": stories,
        "pairs": [],
        "changes": changes,
    });
    std::fs::write(
        &out_path,
        serde_json::to_string_pretty(&export).expect("serialise"),
    )
    .expect("write output");
    eprintln!("wrote {}", out_path.display());
}

fn load_jsonl(path: &Path) -> Vec<Article> {
    std::fs::read_to_string(path)
        .expect("read articles file")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<Article>(l).expect("article JSON"))
        .collect()
}

fn load_ingest(bench: &Path) -> Vec<Article> {
    let corpus = bench.join("corpus");
    let cfg = wiretrace_ingest::Config::default();
    let (files, errors) = wiretrace_ingest::discover(std::slice::from_ref(&corpus));
    for e in errors {
        eprintln!("warning: {e}");
    }
    let mut out = Vec::new();
    for f in files {
        for r in wiretrace_ingest::read_file(&cfg, &f) {
            match r {
                Ok(mut a) => {
                    // paths relative to the bench directory, as the gold names them
                    let p = a.path.replace('\\', "/");
                    if let Some(k) = p.find("corpus/") {
                        a.path = p[k..].to_string();
                    }
                    out.push(a);
                }
                Err(e) => eprintln!("warning: {e}"),
            }
        }
    }
    out
}
