//! Evaluates stories and lineage on a benchmark: reads an export JSON written by
//! `wiretrace trace CORPUS --with-text --out EXPORT` (articles with text, and reuse pairs), rebuilds the
//! stories with this crate, scores them against a gold file and writes the export with the new stories.
//!
//! ```text
//! cargo run --release -p wiretrace-stories --example eval_lineage_dev -- EXPORT.json GOLD.json [OUT.json]
//! ```
//! Then `python3 ../shared/bench/score.py GOLD.json OUT.json` gives the official figures. With
//! `EVAL_REUSE=1` and an export without pairs, the pairs are computed with `wiretrace-reuse` first;
//! with `EVAL_VERBOSE=1` every wrong parent is listed.

use std::collections::BTreeMap;

use wiretrace_model::{Article, ArticleId, Export};
use wiretrace_stories::{build_stories, Config};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        return Err("usage: eval_lineage_dev EXPORT.json GOLD.json [OUT.json]".into());
    }
    let mut export: Export = serde_json::from_str(&std::fs::read_to_string(&args[1])?)?;
    let gold: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&args[2])?)?;
    let articles: Vec<Article> = export
        .articles
        .iter()
        .map(|e| {
            let mut a = Article::new(e.path.clone(), e.text.clone().unwrap_or_default());
            a.id = e.id.parse().unwrap_or_default();
            a.title = e.title.clone();
            a.outlet = e.outlet.clone();
            a.author = e.author.clone();
            a.url = e.url.clone();
            a.language = e.language.clone();
            a.published = e.published.as_deref().and_then(|p| p.parse().ok());
            a
        })
        .collect();
    if export.pairs.is_empty() && std::env::var_os("EVAL_REUSE").is_some() {
        // The export carries no pairs: compute them with the reuse stage.
        let t = std::time::Instant::now();
        export.pairs = wiretrace_reuse::find_pairs(&Default::default(), &articles, &|_| true);
        println!("reuse: {} pairs ({:.2?})", export.pairs.len(), t.elapsed());
    }
    let t0 = std::time::Instant::now();
    let mut cfg = Config::default();
    // Dev-only overrides for parameter studies, e.g. EVAL_SET="min_shared_variants=4".
    if let Ok(set) = std::env::var("EVAL_SET") {
        for kv in set.split(',') {
            let (k, v) = kv.split_once('=').ok_or("EVAL_SET wants key=value")?;
            match k {
                "min_shared_variants" => cfg.min_shared_variants = v.parse()?,
                "inherit_ratio" => cfg.inherit_ratio = v.parse()?,
                "retention_margin" => cfg.retention_margin = v.parse()?,
                "rewrite_fact_coverage" => cfg.rewrite_fact_coverage = v.parse()?,
                "retention_weight" => cfg.retention_weight = v.parse()?,
                "link_threshold" => cfg.link_threshold = v.parse()?,
                "origin_score" => cfg.origin_score = v.parse()?,
                "credit_bonus" => cfg.credit_bonus = v.parse()?,
                "title_weight" => cfg.title_weight = v.parse()?,
                _ => return Err(format!("unknown key {k}").into()),
            }
        }
    }
    let stories = build_stories(&cfg, &articles, &export.pairs);
    let elapsed = t0.elapsed();

    // Gold by path (suffix match), prediction by path.
    let norm = |p: &str| p.trim_start_matches("./").to_string();
    let gold_arts = gold["articles"].as_array().ok_or("gold has no articles")?;
    let mut gold_story: BTreeMap<String, String> = BTreeMap::new();
    let mut gold_parent: BTreeMap<String, Option<String>> = BTreeMap::new();
    for g in gold_arts {
        let p = norm(g["path"].as_str().unwrap_or(""));
        gold_story.insert(
            p.clone(),
            g["story"]
                .as_str()
                .map(String::from)
                .unwrap_or_else(|| format!("solo:{p}")),
        );
        gold_parent.insert(p, g["parent"].as_str().map(norm));
    }
    let resolve = |p: &str| -> Option<String> {
        let p = norm(p);
        if gold_story.contains_key(&p) {
            return Some(p);
        }
        let hits: Vec<&String> = gold_story
            .keys()
            .filter(|g| p.ends_with(&format!("/{g}")) || g.ends_with(&format!("/{p}")))
            .collect();
        (hits.len() == 1).then(|| hits[0].clone())
    };
    let path_of: BTreeMap<ArticleId, Option<String>> =
        articles.iter().map(|a| (a.id, resolve(&a.path))).collect();
    let mut pred_story: BTreeMap<String, String> = BTreeMap::new();
    let mut pred_source: BTreeMap<String, Option<String>> = BTreeMap::new();
    for s in &stories {
        for a in &s.articles {
            if let Some(Some(p)) = path_of.get(a) {
                pred_story.insert(p.clone(), s.id.to_string());
            }
        }
        for e in &s.lineage {
            if let Some(Some(p)) = path_of.get(&e.article) {
                pred_source.insert(
                    p.clone(),
                    e.source.and_then(|x| path_of.get(&x).cloned().flatten()),
                );
            }
        }
    }
    // Pairwise and BCubed F1 over gold articles.
    let items: Vec<&String> = gold_story.keys().collect();
    let plabel = |p: &String| pred_story.get(p).cloned().unwrap_or_else(|| format!("solo:{p}"));
    let mut cells: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut psize: BTreeMap<String, usize> = BTreeMap::new();
    let mut gsize: BTreeMap<String, usize> = BTreeMap::new();
    for p in &items {
        *cells.entry((plabel(p), gold_story[*p].clone())).or_default() += 1;
        *psize.entry(plabel(p)).or_default() += 1;
        *gsize.entry(gold_story[*p].clone()).or_default() += 1;
    }
    let c2 = |n: usize| (n * n.saturating_sub(1) / 2) as f64;
    let tp: f64 = cells.values().map(|&v| c2(v)).sum();
    let pp: f64 = psize.values().map(|&v| c2(v)).sum();
    let gp: f64 = gsize.values().map(|&v| c2(v)).sum();
    let (prec, rec) = (
        if pp > 0.0 { tp / pp } else { 1.0 },
        if gp > 0.0 { tp / gp } else { 1.0 },
    );
    let f1 = 2.0 * prec * rec / (prec + rec).max(1e-9);
    let n = items.len() as f64;
    let bp: f64 = cells
        .iter()
        .map(|((c, _), &v)| (v * v) as f64 / psize[c] as f64)
        .sum::<f64>()
        / n;
    let br: f64 = cells
        .iter()
        .map(|((_, g), &v)| (v * v) as f64 / gsize[g] as f64)
        .sum::<f64>()
        / n;
    let bf = 2.0 * bp * br / (bp + br).max(1e-9);
    let derived: Vec<&String> = items
        .iter()
        .copied()
        .filter(|p| gold_parent[*p].is_some())
        .collect();
    let origins: Vec<&String> = items
        .iter()
        .copied()
        .filter(|p| gold_parent[*p].is_none())
        .collect();
    let ok = derived
        .iter()
        .filter(|p| pred_source.get(**p).cloned().flatten() == gold_parent[**p])
        .count();
    let ook = origins
        .iter()
        .filter(|p| pred_source.get(**p).cloned().flatten().is_none())
        .count();
    println!(
        "articles {} stories {} pairs {} ({:.2?})",
        articles.len(),
        stories.len(),
        export.pairs.len(),
        elapsed
    );
    println!("story pairwise P {prec:.4} R {rec:.4} F1 {f1:.4} | BCubed P {bp:.4} R {br:.4} F1 {bf:.4}");
    println!(
        "lineage parent accuracy {:.4} ({ok}/{}) | origin accuracy {:.4} ({ook}/{})",
        ok as f64 / derived.len().max(1) as f64,
        derived.len(),
        ook as f64 / origins.len().max(1) as f64,
        origins.len()
    );
    if std::env::var_os("EVAL_VERBOSE").is_some() {
        for p in &derived {
            let got = pred_source.get(*p).cloned().flatten();
            if got != gold_parent[*p] {
                println!("WRONG {p}\n   gold {:?}\n   got  {:?}", gold_parent[*p], got);
            }
        }
    }
    if let Some(out) = args.get(3) {
        export.stories = stories;
        std::fs::write(out, serde_json::to_string(&export)?)?;
    }
    Ok(())
}
