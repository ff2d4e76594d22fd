//! What the evaluation examples share: story settings overridden from the environment, and the
//! encoder vectors of a corpus (optionally kept in a file between runs, to study settings without
//! paying the encoder again).

use std::collections::HashMap;
use std::io::{BufRead, Write};

use wiretrace_model::Article;
use wiretrace_stories::{Config, Embeddings};

/// The environment variable naming a JSON-lines file of encoder vectors keyed by the text the
/// encoder reads (`{"text", "vector"}`): read before embedding, completed after. Examples only.
pub const VECTOR_CACHE_VAR: &str = "WIRETRACE_VECTOR_CACHE";

/// The encoder vectors of `articles` when `WIRETRACE_ENCODER` names the encoder, none otherwise
/// (said on stderr). Vectors found in [`VECTOR_CACHE_VAR`]'s file are not computed again.
#[allow(dead_code)]
pub fn embeddings(articles: &[Article]) -> Result<Embeddings, Box<dyn std::error::Error>> {
    let Some(enc) = wiretrace_encoder::Encoder::from_env()? else {
        eprintln!("encoder off ({} not set)", wiretrace_encoder::ENV_VAR);
        return Ok(Embeddings::new());
    };
    let cache_path = std::env::var_os(VECTOR_CACHE_VAR).filter(|p| !p.is_empty());
    let mut cache: HashMap<String, Vec<f32>> = HashMap::new();
    if let Some(p) = cache_path.as_ref().filter(|p| std::path::Path::new(p).is_file()) {
        for line in std::io::BufReader::new(std::fs::File::open(p)?).lines() {
            let v: serde_json::Value = serde_json::from_str(&line?)?;
            let text = v["text"].as_str().unwrap_or_default().to_string();
            let vector: Vec<f32> = serde_json::from_value(v["vector"].clone())?;
            cache.insert(text, vector);
        }
    }
    let openings: Vec<String> = articles
        .iter()
        .map(|a| wiretrace_encoder::opening(a, wiretrace_encoder::ENCODER_CHARS))
        .collect();
    let mut missing: Vec<&str> = openings
        .iter()
        .filter(|t| !cache.contains_key(*t))
        .map(String::as_str)
        .collect();
    missing.sort_unstable();
    missing.dedup();
    let t0 = std::time::Instant::now();
    let vectors = enc.embed(&missing)?;
    eprintln!(
        "encoder on: {} articles, {} embedded in {:.1?}",
        articles.len(),
        missing.len(),
        t0.elapsed()
    );
    if let Some(p) = cache_path.as_ref().filter(|_| !missing.is_empty()) {
        let mut w = std::io::BufWriter::new(std::fs::OpenOptions::new().create(true).append(true).open(p)?);
        for (t, v) in missing.iter().zip(&vectors) {
            writeln!(w, "{}", serde_json::json!({ "text": t, "vector": v }))?;
        }
    }
    for (t, v) in missing.iter().zip(vectors) {
        cache.insert(t.to_string(), v);
    }
    Ok(articles
        .iter()
        .zip(&openings)
        .map(|(a, t)| (a.id, cache[t].clone()))
        .collect())
}

/// The default settings with the overrides `WIRETRACE_STORIES` names (`field=value,…`).
#[allow(dead_code)]
pub fn config_from_env() -> Result<Config, Box<dyn std::error::Error>> {
    let mut cfg = Config::default();
    let spec = std::env::var("WIRETRACE_STORIES").unwrap_or_default();
    for item in spec.split(',').filter(|s| !s.trim().is_empty()) {
        let (k, v) = item.split_once('=').ok_or("overrides are field=value")?;
        let (k, v) = (k.trim(), v.trim());
        // the whole-number settings first, then the fractional ones
        let count: Option<&mut usize> = match k {
            "attested_norm_min_articles" => Some(&mut cfg.attested_norm_min_articles),
            "story_candidates_per_article" => Some(&mut cfg.story_candidates_per_article),
            _ => None,
        };
        if let Some(field) = count {
            *field = v.parse()?;
            continue;
        }
        let paragraphs: Option<&mut u32> = match k {
            "spread_min_paragraphs" => Some(&mut cfg.spread_min_paragraphs),
            "reuse_spread_min_paragraphs" => Some(&mut cfg.reuse_spread_min_paragraphs),
            _ => None,
        };
        if let Some(field) = paragraphs {
            *field = v.parse()?;
            continue;
        }
        let v: f32 = v.parse()?;
        let field = match k {
            "link_threshold" => &mut cfg.link_threshold,
            "min_edge" => &mut cfg.min_edge,
            "copy_min_reuse" => &mut cfg.copy_min_reuse,
            "concentrated_content_max" => &mut cfg.concentrated_content_max,
            "concentrated_reuse_max" => &mut cfg.concentrated_reuse_max,
            "min_reuse_evidence" => &mut cfg.min_reuse_evidence,
            "spread_min_share" => &mut cfg.spread_min_share,
            "spread_max_paragraph_share" => &mut cfg.spread_max_paragraph_share,
            "event_window_days" => &mut cfg.event_window_days,
            "event_max_days" => &mut cfg.event_max_days,
            "unknown_time_factor" => &mut cfg.unknown_time_factor,
            "story_max_span_days" => &mut cfg.story_max_span_days,
            "anchor_cosine_at_link" => &mut cfg.anchor_cosine_at_link,
            "fact_agreement_gain" => &mut cfg.fact_agreement_gain,
            "anchor_name_weight" => &mut cfg.anchor_name_weight,
            "anchor_figure_weight" => &mut cfg.anchor_figure_weight,
            "anchor_date_weight" => &mut cfg.anchor_date_weight,
            "anchor_term_weight" => &mut cfg.anchor_term_weight,
            "storyline_threshold" => &mut cfg.storyline_threshold,
            "weekday_conflict_weight" => &mut cfg.weekday_conflict_weight,
            "encoder_weight" => &mut cfg.encoder_weight,
            "encoder_low" => &mut cfg.encoder_low,
            "encoder_high" => &mut cfg.encoder_high,
            "encoder_cross_low" => &mut cfg.encoder_cross_low,
            "encoder_cross_high" => &mut cfg.encoder_cross_high,
            other => return Err(format!("unknown setting {other}").into()),
        };
        *field = v;
    }
    Ok(cfg)
}
