//! Prints the story similarity of every article pair of a JSON-lines file whose records carry
//! `text` and optionally `title`, `language`, `published` (RFC 3339): one JSON object per pair with
//! a non-zero anchor cosine. A tool for studying the score on a labelled set.
//!
//! ```text
//! cargo run --release -p wiretrace-stories --example dump_pairs -- ARTICLES.jsonl > pairs.jsonl
//! ```

use std::io::Write;

use wiretrace_model::{Article, ArticleId};
use wiretrace_stories::{Config, Similarity};

/// An RFC 3339 time, or a bare date (midnight UTC), as real sets often give only the day.
fn parse_time(s: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&chrono::Utc));
    }
    let day = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    Some(day.and_hms_opt(0, 0, 0)?.and_utc())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: dump_pairs ARTICLES.jsonl")?;
    let mut articles = Vec::new();
    for (n, line) in std::fs::read_to_string(&path)?.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line)?;
        let mut a = Article::new(format!("{path}#{n}"), v["text"].as_str().unwrap_or_default());
        a.id = ArticleId(articles.len() as u32 + 1);
        a.title = v["title"].as_str().map(str::to_string);
        a.language = v["language"].as_str().map(str::to_string);
        a.published = v["published"].as_str().and_then(parse_time);
        articles.push(a);
    }
    let index = Similarity::new(&Config::default(), &articles);
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    for i in 0..articles.len() {
        for j in i + 1..articles.len() {
            let s = index.score(articles[i].id, articles[j].id).ok_or("unknown id")?;
            if s.anchor_cosine > 0.0 || s.kind_cosines.terms > 0.0 {
                writeln!(
                    out,
                    "{}",
                    serde_json::json!({"a": i, "b": j, "story_similarity": s.story_similarity,
                        "reuse": s.reuse, "content": s.content, "anchor_cosine": s.anchor_cosine,
                        "weekdays_differ": s.weekdays_differ,
                        "written_before_event": s.written_before_event,
                        "time_factor": s.time_factor, "days_apart": s.days_apart,
                        "names": s.kind_cosines.names, "facts": s.kind_cosines.facts,
                        "terms": s.kind_cosines.terms})
                )?;
            }
        }
    }
    Ok(())
}
