//! Prints the anchor cosine and the spread cosine (see `Config::spread_min_paragraphs`) of article
//! pairs of a `wiretrace trace --with-text` export, one JSON object per pair with a non-zero anchor
//! cosine: every pair, or with `--within-stories` only the member pairs of the export's stories
//! (at most 2,000 per story, sampled evenly). A tool for studying the rule on labelled sets.
//!
//! ```text
//! cargo run --release -p wiretrace-stories --example spread_pairs -- EXPORT.json [--within-stories]
//! ```

use std::io::Write;

use wiretrace_model::{Article, ArticleId, Export};
use wiretrace_stories::{Config, Similarity};

/// At most this many member pairs of one story are printed with `--within-stories`.
const MAX_PAIRS_PER_STORY: usize = 2_000;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: spread_pairs EXPORT.json [--within-stories]")?;
    let within = args.next().as_deref() == Some("--within-stories");
    let export: Export = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
    let mut articles = Vec::new();
    for e in &export.articles {
        let mut a = Article::new(e.path.clone(), e.text.as_deref().ok_or("trace with --with-text")?);
        a.id = e.id.parse::<ArticleId>()?;
        a.title = e.title.clone();
        a.language = e.language.clone();
        a.published = e
            .published
            .as_deref()
            .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
            .map(|d| d.with_timezone(&chrono::Utc));
        articles.push(a);
    }
    let index = Similarity::new(&Config::default(), &articles);
    let groups: Vec<Vec<ArticleId>> = if within {
        export.stories.iter().map(|s| s.articles.clone()).collect()
    } else {
        vec![articles.iter().map(|a| a.id).collect()]
    };
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    for m in groups {
        let step = if within {
            (m.len() * m.len() / 2 / MAX_PAIRS_PER_STORY).max(1)
        } else {
            1
        };
        let mut k = 0usize;
        for x in 0..m.len() {
            for y in x + 1..m.len() {
                k += 1;
                if !k.is_multiple_of(step) {
                    continue;
                }
                let s = index.score(m[x], m[y]).ok_or("unknown id")?;
                if s.anchor_cosine > 0.0 {
                    writeln!(
                        out,
                        "{}",
                        serde_json::json!({"a": m[x].to_string(), "b": m[y].to_string(),
                            "reuse": s.reuse, "content": s.content, "anchor_cosine": s.anchor_cosine,
                            "spread_cosine": s.spread_cosine, "time_factor": s.time_factor})
                    )?;
                }
            }
        }
    }
    Ok(())
}
