//! Correlates the story similarity with graded human judgements of news article pairs (the
//! SemEval-2022 Task 8 format: `pairs.jsonl`, one pair a line with `id`, `a` and `b` as
//! `{id, language, text}`, and `overall` on a 1–4 scale where 1 is "very similar").
//!
//! ```text
//! cargo run --release -p wiretrace-stories --example eval_semeval -- ../shared/data/semeval8-dev/pairs.jsonl
//! ```
//! Every article of the file forms the corpus the anchor weights are computed over (as `wiretrace
//! stage similarity` does). Prints Pearson's r of `story_similarity` with `-overall` over all pairs,
//! same-language and cross-language pairs, and per language combination. When `WIRETRACE_ENCODER`
//! names the encoder (see the README's set-up), every article is embedded and the score blends
//! the encoder's evidence, as the engine does (`WIRETRACE_VECTOR_CACHE=FILE` keeps the vectors
//! between runs); `WIRETRACE_STORIES="field=value,…"` overrides story settings, as for `restory`.

use std::collections::BTreeMap;

use wiretrace_model::{Article, ArticleId};
use wiretrace_stories::Similarity;

#[path = "support/mod.rs"]
mod support;

fn pearson(xy: &[(f64, f64)]) -> f64 {
    let n = xy.len() as f64;
    let (mx, my) = (
        xy.iter().map(|p| p.0).sum::<f64>() / n,
        xy.iter().map(|p| p.1).sum::<f64>() / n,
    );
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for &(x, y) in xy {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx).powi(2);
        syy += (y - my).powi(2);
    }
    sxy / (sxx * syy).sqrt()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: eval_semeval PAIRS.jsonl")?;
    let text = std::fs::read_to_string(&path)?;
    let mut ids: BTreeMap<String, ArticleId> = BTreeMap::new();
    let mut articles: Vec<Article> = Vec::new();
    let mut pairs: Vec<(ArticleId, ArticleId, String, f64)> = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let mut side = |s: &str| -> (ArticleId, String) {
            let d = &v[s];
            let key = d["id"].as_str().unwrap_or_default().to_string();
            let lang = d["language"].as_str().unwrap_or_default().to_string();
            let next = ArticleId(ids.len() as u32 + 1);
            let id = *ids.entry(key.clone()).or_insert_with(|| {
                let mut a = Article::new(key, d["text"].as_str().unwrap_or_default());
                a.id = next;
                a.language = Some(lang.clone());
                articles.push(a);
                next
            });
            (id, lang)
        };
        let (a, la) = side("a");
        let (b, lb) = side("b");
        let overall = v["overall"].as_f64().ok_or("pair without `overall`")?;
        pairs.push((a, b, format!("{la}-{lb}"), overall));
    }
    let embeddings = support::embeddings(&articles)?;
    let cfg = support::config_from_env()?;
    let index = Similarity::with_embeddings(&cfg, &articles, &embeddings);
    let mut groups: BTreeMap<String, Vec<(f64, f64)>> = BTreeMap::new();
    let mut dump = match std::env::args().nth(2) {
        Some(out) => Some(std::io::BufWriter::new(std::fs::File::create(out)?)),
        None => None,
    };
    for (a, b, langs, overall) in &pairs {
        let score = index.score(*a, *b).ok_or("unknown article")?;
        let s = score.story_similarity as f64;
        if let Some(w) = dump.as_mut() {
            use std::io::Write;
            writeln!(
                w,
                "{}",
                serde_json::json!({
                    "a": articles[a.0 as usize - 1].path, "b": articles[b.0 as usize - 1].path,
                    "langs": langs, "overall": overall, "story_similarity": s,
                    "anchor_cosine": score.anchor_cosine, "weekdays_differ": score.weekdays_differ, "written_before_event": score.written_before_event, "reuse": score.reuse, "content": score.content,
                    "names": score.kind_cosines.names, "facts": score.kind_cosines.facts,
                    "terms": score.kind_cosines.terms, "encoder_cosine": score.encoder_cosine,
                    "time_factor": score.time_factor,
                })
            )?;
        }
        let cross = langs.split('-').next() != langs.split('-').nth(1);
        for g in [
            "all",
            if cross { "cross-language" } else { "same-language" },
            langs,
        ] {
            groups.entry(g.to_string()).or_default().push((s, -overall));
        }
    }
    println!("{} pairs, {} articles", pairs.len(), articles.len());
    for g in ["all", "same-language", "cross-language"] {
        let v = &groups[g];
        println!("pearson {g:<15} {:.3}  ({} pairs)", pearson(v), v.len());
    }
    for (g, v) in groups.iter().filter(|(g, _)| g.contains('-') && g.len() == 5) {
        println!("  {g} {:.3}  ({} pairs)", pearson(v), v.len());
    }
    Ok(())
}
