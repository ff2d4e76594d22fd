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
//! When `WIRETRACE_ENCODER` names the encoder every article is embedded, as the engine does;
//! `WIRETRACE_VECTOR_CACHE=FILE` keeps the vectors between runs.

#[path = "support/mod.rs"]
mod support;

use support::config_from_env;
use wiretrace_model::{Article, ArticleId, Export};
use wiretrace_stories::build_stories_with;

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
    let embeddings = support::embeddings(&articles)?;
    export.stories = build_stories_with(&cfg, &articles, &export.pairs, &embeddings);
    export.changes.clear();
    std::fs::write(&output, serde_json::to_string(&export)?)?;
    eprintln!("{} articles, {} stories", articles.len(), export.stories.len());
    Ok(())
}
