//! `compare A B`: story similarity of two articles and the evidence it rests on.
#![allow(clippy::print_stdout)]

use std::process::ExitCode;

use wiretrace_engine::Engine;

use super::diff::resolve_or_read;

pub fn compare(engine: &Engine, a: &str, b: &str, json: bool) -> anyhow::Result<ExitCode> {
    let a = resolve_or_read(engine, a)?;
    let b = resolve_or_read(engine, b)?;
    let score = engine.story_similarity(&a, &b)?;
    if json {
        let v = serde_json::json!({
            "a": {"id": a.id, "path": a.path, "title": a.title},
            "b": {"id": b.id, "path": b.path, "title": b.title},
            "similarity": score,
        });
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    let name = |x: &wiretrace_engine::model::Article| x.title.clone().unwrap_or_else(|| x.path.clone());
    println!("A: {}\nB: {}", name(&a), name(&b));
    println!(
        "story similarity {:.2}  (reused text {:.2}, content {:.2})",
        score.story_similarity, score.reuse, score.content
    );
    if score.weekdays_differ {
        println!("the leads name different weekdays: evidence of two events (similarity 0)");
    }
    if score.written_before_event {
        println!(
            "one was published a day or more before the day the other's lead names: evidence of two events (similarity 0)"
        );
    }
    let k = &score.kind_cosines;
    println!(
        "anchor cosine {:.2}; by kind: names {:.2}, figures and dates {:.2}, terms {:.2}",
        score.anchor_cosine, k.names, k.facts, k.terms
    );
    match score.encoder_cosine {
        Some(c) => println!("encoder cosine {c:.3} (title and lead; part of content)"),
        None => println!("encoder off (WIRETRACE_ENCODER not set)"),
    }
    let (la, lb) = &score.languages;
    let lang = |l: &Option<String>| l.clone().unwrap_or_else(|| "unknown".into());
    println!("languages: {} / {}", lang(la), lang(lb));
    match score.days_apart {
        Some(d) => println!(
            "published {d:.1} days apart (time factor {:.2})",
            score.time_factor
        ),
        None => println!(
            "a publication date is missing (time factor {:.2})",
            score.time_factor
        ),
    }
    if score.shared.is_empty() {
        println!("no shared names, figures, dates or terms");
    }
    for (kind, items) in &score.shared {
        println!("shared {kind}s: {}", items.join(", "));
    }
    Ok(ExitCode::SUCCESS)
}
