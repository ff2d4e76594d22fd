//! `export`: the JSON analysis export (schema v1) or a CSV summary per article.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use wiretrace_engine::model::{ChangeKind, Export};
use wiretrace_engine::Engine;

use crate::args::Format;

pub fn export(
    engine: &Engine,
    format: Format,
    with_text: bool,
    out: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let export = engine.export(with_text && format == Format::Json)?;
    match format {
        Format::Json => write_json(&export, out)?,
        Format::Csv => write_csv(&export, out)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn sink(out: Option<&Path>) -> anyhow::Result<Box<dyn Write>> {
    Ok(match out {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}

pub fn write_json(export: &Export, out: Option<&Path>) -> anyhow::Result<()> {
    let mut w = sink(out)?;
    serde_json::to_writer_pretty(&mut w, export)?;
    w.write_all(b"\n")?;
    w.flush()?;
    Ok(())
}

fn write_csv(export: &Export, out: Option<&Path>) -> anyhow::Result<()> {
    use std::collections::BTreeMap;
    let mut story_of = BTreeMap::new();
    for s in &export.stories {
        for e in &s.lineage {
            story_of.insert(
                e.article.to_string(),
                (s.id.to_string(), e.source.map(|x| x.to_string()), e.confidence),
            );
        }
    }
    let mut counts: BTreeMap<(String, ChangeKind), usize> = BTreeMap::new();
    for c in &export.changes {
        *counts.entry((c.article.to_string(), c.kind)).or_default() += 1;
    }
    let kinds = wiretrace_engine::views::CHANGE_ORDER;
    let mut w = sink(out)?;
    let mut header = vec![
        "id",
        "path",
        "title",
        "outlet",
        "author",
        "published",
        "language",
        "words",
        "story",
        "source",
        "confidence",
    ];
    header.extend(kinds.iter().map(|k| k.as_str()));
    writeln!(w, "{}", header.join(","))?;
    for a in &export.articles {
        let (story, source, conf) = story_of.get(&a.id).cloned().unwrap_or_default();
        let mut row = vec![
            a.id.clone(),
            a.path.clone(),
            a.title.clone().unwrap_or_default(),
            a.outlet.clone().unwrap_or_default(),
            a.author.clone().unwrap_or_default(),
            a.published.clone().unwrap_or_default(),
            a.language.clone().unwrap_or_default(),
            a.words.to_string(),
            story,
            source.unwrap_or_default(),
            format!("{conf:.2}"),
        ];
        row.extend(
            kinds
                .iter()
                .map(|k| counts.get(&(a.id.clone(), *k)).copied().unwrap_or(0).to_string()),
        );
        writeln!(
            w,
            "{}",
            row.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",")
        )?;
    }
    w.flush()?;
    Ok(())
}

pub(crate) fn csv_field(f: &str) -> String {
    if f.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", f.replace('"', "\"\""))
    } else {
        f.to_string()
    }
}
