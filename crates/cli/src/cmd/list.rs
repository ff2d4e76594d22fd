//! `list` and `show`.
#![allow(clippy::print_stdout)]

use std::process::ExitCode;

use wiretrace_engine::Engine;

use crate::output::{clip, pad, time, time_str};

pub fn list(engine: &Engine, json: bool) -> anyhow::Result<ExitCode> {
    let export = engine.export(false)?;
    if json {
        for a in &export.articles {
            println!("{}", serde_json::to_string(a)?);
        }
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{}  {}  {}  {}   words  title",
        pad("id", 6),
        pad("published", 16),
        pad("outlet", 22),
        pad("lang", 4),
    );
    for a in &export.articles {
        println!(
            "{}  {}  {}  {}  {:>6}  {}",
            pad(&a.id, 6),
            pad(&time_str(a.published.as_deref()), 16),
            pad(&clip(a.outlet.as_deref().unwrap_or("-"), 22), 22),
            pad(a.language.as_deref().unwrap_or("-"), 4),
            a.words,
            clip(a.title.as_deref().unwrap_or(&a.path), 60)
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn show(engine: &Engine, spec: &str, text: bool, json: bool) -> anyhow::Result<ExitCode> {
    let a = engine.resolve(spec)?;
    if json {
        let mut v = serde_json::to_value(&a)?;
        if !text {
            v.as_object_mut().map(|o| o.remove("text"));
        }
        v["words"] = a.words().into();
        v["content_hash"] = a.content_hash().into();
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    if text {
        println!("{}", a.text);
        return Ok(ExitCode::SUCCESS);
    }
    let view = engine.article_view(&a.id.to_string())?;
    let same: Vec<String> = view.identical.iter().map(|id| id.to_string()).collect();
    println!("id         {}", a.id);
    println!("path       {}", a.path);
    println!("title      {}", a.title.as_deref().unwrap_or("-"));
    println!("outlet     {}", a.outlet.as_deref().unwrap_or("-"));
    println!("author     {}", a.author.as_deref().unwrap_or("-"));
    println!("published  {}", time(a.published.as_ref()));
    println!("url        {}", a.url.as_deref().unwrap_or("-"));
    println!("language   {}", a.language.as_deref().unwrap_or("-"));
    println!("words      {}", a.words());
    if !same.is_empty() {
        println!("identical  {}", same.join(", "));
    }
    if let Some(s) = view.story {
        let size = engine.story_index()?.row(s).map_or(0, |r| r.size);
        println!("story      {s} ({size} articles)");
        if let Some(confidence) = view.confidence {
            let src = view
                .source
                .as_ref()
                .map(|s| s.id.to_string())
                .unwrap_or_else(|| "none (origin)".into());
            println!("source     {src}  confidence {confidence:.2}");
            if let Some(reason) = view.reason.as_deref().filter(|r| !r.is_empty()) {
                println!("           {reason}");
            }
        }
    }
    if !a.boilerplate.is_empty() {
        println!(
            "removed    {} boilerplate block(s) from the body",
            a.boilerplate.len()
        );
    }
    let preview: String = a.text.chars().take(300).collect();
    println!(
        "\n{}{}",
        preview,
        if a.text.chars().count() > 300 { "…" } else { "" }
    );
    Ok(ExitCode::SUCCESS)
}
