//! Recomputes the stories of a `wiretrace trace --with-text` export (its articles and reuse pairs)
//! with the current story settings and writes the export back with the new stories, so that a
//! change to the story stage can be scored on a labelled set without rebuilding the whole command.
//!
//! ```text
//! wiretrace trace ARTICLES.jsonl --with-text --out base.json
//! cargo run --release -p wiretrace-stories --example restory -- base.json new.json
//! python3 ../shared/bench/score_real.py GOLD.json new.json
//! ```
//!
//! `WIRETRACE_STORIES="link_threshold=0.3,story_max_span_days=5"` overrides settings, to study them.

use wiretrace_model::{Article, ArticleId, Export};
use wiretrace_stories::{build_stories, Config};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (input, output) = match (args.next(), args.next()) {
        (Some(i), Some(o)) => (i, o),
        _ => return Err("usage: restory EXPORT_WITH_TEXT.json OUT.json".into()),
    };
    let mut export: Export = serde_json::from_str(&std::fs::read_to_string(&input)?)?;
    let mut articles = Vec::with_capacity(export.articles.len());
    for e in &export.articles {
        let text = e
            .text
            .as_deref()
            .ok_or("the export has no text: trace with --with-text")?;
        let mut a = Article::new(e.path.clone(), text);
        a.id = e.id.parse::<ArticleId>()?;
        a.title = e.title.clone();
        a.outlet = e.outlet.clone();
        a.language = e.language.clone();
        a.published = e
            .published
            .as_deref()
            .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
            .map(|d| d.with_timezone(&chrono::Utc));
        articles.push(a);
    }
    let cfg = config_from_env()?;
    export.stories = build_stories(&cfg, &articles, &export.pairs);
    export.changes.clear();
    std::fs::write(&output, serde_json::to_string(&export)?)?;
    eprintln!("{} articles, {} stories", articles.len(), export.stories.len());
    Ok(())
}

/// The default settings with the overrides `WIRETRACE_STORIES` names (`field=value,…`).
fn config_from_env() -> Result<Config, Box<dyn std::error::Error>> {
    let mut cfg = Config::default();
    let spec = std::env::var("WIRETRACE_STORIES").unwrap_or_default();
    for item in spec.split(',').filter(|s| !s.trim().is_empty()) {
        let (k, v) = item.split_once('=').ok_or("overrides are field=value")?;
        if k.trim() == "attested_norm_min_articles" {
            cfg.attested_norm_min_articles = v.trim().parse()?;
            continue;
        }
        if k.trim() == "spread_min_paragraphs" {
            cfg.spread_min_paragraphs = v.trim().parse()?;
            continue;
        }
        if k.trim() == "story_candidates_per_article" {
            cfg.story_candidates_per_article = v.trim().parse()?;
            continue;
        }
        if k.trim() == "reuse_spread_min_paragraphs" {
            cfg.reuse_spread_min_paragraphs = v.trim().parse()?;
            continue;
        }
        let v: f32 = v.trim().parse()?;
        let field = match k.trim() {
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
            other => return Err(format!("unknown setting {other}").into()),
        };
        *field = v;
    }
    Ok(cfg)
}
