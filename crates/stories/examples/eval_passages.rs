//! Studies the anchored aligner on a real-news gold: reads an export written by `wiretrace trace
//! ARTICLES.jsonl --with-text --out EXPORT` and the gold file (copy groups), aligns every story's
//! members with the thresholds relaxed (the same-language ones and the translation test), and prints
//! each candidate pair's figures (aligned sentences, coverage each way, mean sentence similarity)
//! with whether the gold calls it a copy; then how many gold copy pairs the default settings find
//! (with the reuse pairs), and how many anchored pairs the defaults add that the gold does not call
//! copies.
//!
//! ```text
//! cargo run --release -p wiretrace-stories --example eval_passages -- EXPORT.json GOLD.json
//! ```

use std::collections::{BTreeMap, BTreeSet};

use wiretrace_model::{Article, ArticleId, Export, PairMethod};
use wiretrace_stories::{anchored_pairs, PassageConfig};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        return Err("usage: eval_passages EXPORT.json GOLD.json".into());
    }
    let export: Export = serde_json::from_str(&std::fs::read_to_string(&args[1])?)?;
    let gold: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&args[2])?)?;
    let mut group: BTreeMap<String, String> = BTreeMap::new();
    for g in gold["articles"].as_array().ok_or("gold has no articles")? {
        if let (Some(p), Some(c)) = (g["path"].as_str(), g["copy_group"].as_str()) {
            group.insert(p.rsplit('/').next().unwrap_or(p).to_string(), c.to_string());
        }
    }
    let articles: Vec<Article> = export
        .articles
        .iter()
        .map(|e| {
            let mut a = Article::new(e.path.clone(), e.text.clone().unwrap_or_default());
            a.id = e.id.parse().unwrap_or_default();
            a.title = e.title.clone();
            a.language = e.language.clone();
            a
        })
        .collect();
    let copy_group = |id: ArticleId| {
        let a = articles.iter().find(|a| a.id == id)?;
        group.get(a.path.rsplit('/').next().unwrap_or(&a.path)).cloned()
    };
    let is_copy =
        |a: ArticleId, b: ArticleId| matches!((copy_group(a), copy_group(b)), (Some(x), Some(y)) if x == y);
    let reuse: Vec<_> = export
        .pairs
        .iter()
        .filter(|p| p.method == PairMethod::Text)
        .cloned()
        .collect();
    let relaxed = PassageConfig {
        cross_language: true,
        same_language: true,
        min_aligned_sentences: 1,
        min_coverage: 0.0,
        min_mean_similarity: 0.0,
        min_shared_facts: 0,
        min_fact_containment: 0.0,
        min_fact_order: 0.0,
        max_fact_shift: 1.0,
        min_length_ratio: 0.0,
        ..Default::default()
    };
    let lang = |id: ArticleId| {
        articles
            .iter()
            .find(|a| a.id == id)
            .and_then(|a| a.language.clone())
            .unwrap_or_default()
    };
    for p in anchored_pairs(&relaxed, &articles, &export.stories, &reuse) {
        let mean = p.passages.iter().map(|x| x.identity).sum::<f32>() / p.passages.len().max(1) as f32;
        println!(
            "{} {}-{} {}-{} aligned {:2} cov {:.2} {:.2} mean {:.2}",
            if is_copy(p.a, p.b) { "COPY" } else { "----" },
            p.a,
            p.b,
            lang(p.a),
            lang(p.b),
            p.passages.len(),
            p.coverage_a,
            p.coverage_b,
            mean,
        );
    }
    let anchored = anchored_pairs(&PassageConfig::default(), &articles, &export.stories, &reuse);
    let false_pairs = anchored.iter().filter(|p| !is_copy(p.a, p.b)).count();
    let found: BTreeSet<(ArticleId, ArticleId)> = anchored.iter().chain(&reuse).map(|p| (p.a, p.b)).collect();
    let (mut same, mut cross) = ((0, 0), (0, 0));
    for (i, a) in articles.iter().enumerate() {
        for b in &articles[i + 1..] {
            if !is_copy(a.id, b.id) {
                continue;
            }
            let hit = found.contains(&(a.id.min(b.id), a.id.max(b.id))) as usize;
            let t = if a.language == b.language {
                &mut same
            } else {
                &mut cross
            };
            t.0 += hit;
            t.1 += 1;
        }
    }
    println!(
        "copy pairs found: same-language {}/{}, cross-language {}/{}; anchored pairs {}, not gold copies {}",
        same.0,
        same.1,
        cross.0,
        cross.1,
        anchored.len(),
        false_pairs
    );
    Ok(())
}
