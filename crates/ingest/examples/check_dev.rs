//! Evaluates ingest on the dev corpus: `cargo run --release -p wiretrace-ingest --example check_dev -- DIR`
//! where DIR holds `corpus/` and `gold.json` (e.g. /work/shared/data/reuse-dev).
//!
//! Prints: article count and errors; per metadata field (published, outlet, title, author) the number of
//! matches, of values missing from our output, and of wrong values where gold has one, with the first few
//! mismatches; and for HTML pages the furniture-removal and paragraph-recall rates, checked against the
//! page's own markup (an independent, class-substring reading of the same page) and gold's injected
//! boilerplate list.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use scraper::{Html, Selector};
use serde_json::Value;
use wiretrace_ingest::{discover, read_file, Article, Config};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/work/shared/data/reuse-dev".into());
    std::env::set_current_dir(&dir).expect("cd into the dev corpus dir");
    let gold: Value = serde_json::from_str(&std::fs::read_to_string("gold.json").expect("gold.json"))
        .expect("gold is json");
    let t0 = std::time::Instant::now();
    let (files, errs) = discover(&[PathBuf::from("corpus")]);
    let cfg = Config::default();
    let mut arts: BTreeMap<String, Article> = BTreeMap::new();
    let mut errors = errs.iter().map(|e| e.to_string()).collect::<Vec<_>>();
    for f in &files {
        for r in read_file(&cfg, f) {
            match r {
                Ok(a) => {
                    arts.insert(a.path.clone(), a);
                }
                Err(e) => errors.push(e.to_string()),
            }
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    let gold_arts = gold["articles"].as_array().expect("articles");
    println!(
        "files: {}  articles: {}  errors: {}  ({:.2}s)",
        files.len(),
        arts.len(),
        errors.len(),
        secs
    );
    for e in errors.iter().take(10) {
        println!("  error: {e}");
    }
    let missing: Vec<&str> = gold_arts
        .iter()
        .filter_map(|g| g["path"].as_str())
        .filter(|p| !arts.contains_key(*p))
        .collect();
    let extra = arts
        .keys()
        .filter(|p| !gold_arts.iter().any(|g| g["path"] == p.as_str()))
        .count();
    println!(
        "gold articles: {}  found: {}  missing: {}  extra: {}",
        gold_arts.len(),
        gold_arts.len() - missing.len(),
        missing.len(),
        extra
    );
    for m in missing.iter().take(5) {
        println!("  missing: {m}");
    }

    // Metadata fields.
    for field in ["published", "outlet", "title", "author"] {
        let (mut ok, mut absent, mut wrong, mut day_ok) = (0, 0, 0, 0);
        let mut by_format: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
        let mut examples = Vec::new();
        for g in gold_arts {
            let Some(want) = g[field].as_str() else { continue };
            let path = g["path"].as_str().unwrap_or("");
            let Some(a) = arts.get(path) else { continue };
            let got = match field {
                "published" => a.published.map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
                "outlet" => a.outlet.clone(),
                "title" => a.title.clone(),
                _ => a.author.clone(),
            };
            let fmt = g["format"].as_str().unwrap_or("?").to_string();
            let e = by_format.entry(fmt).or_default();
            match got {
                Some(v) if v == want => {
                    ok += 1;
                    e.0 += 1;
                }
                None => {
                    absent += 1;
                    e.1 += 1;
                }
                Some(v) => {
                    if field == "published" && v.get(..10) == want.get(..10) {
                        day_ok += 1;
                    } else if examples.len() < 4 {
                        examples.push(format!("{path}: want {want:?} got {v:?}"));
                    }
                    wrong += 1;
                    e.2 += 1;
                }
            }
        }
        print!("{field:>9}: match {ok}  absent-from-output {absent}  different {wrong}");
        if field == "published" {
            print!(" (of which same day {day_ok})");
        }
        println!();
        for (f, (o, a, w)) in &by_format {
            println!("           {f:>6}: match {o} absent {a} different {w}");
        }
        for e in examples {
            println!("    {e}");
        }
    }

    // HTML extraction quality.
    let furniture_sel = Selector::parse(
        "nav, footer, aside, header, [class*=ad-], [class*=share], [class*=newsletter], [class*=related], \
         [class*=promo], [class*=editorial], [class*=byline], [class*=most-read], [class*=nav]",
    )
    .expect("selector");
    let para_sel = Selector::parse("article p").expect("selector");
    let (mut pages, mut furn_total, mut furn_left, mut para_total, mut para_kept) = (0, 0, 0, 0, 0);
    let (mut gold_bp_total, mut gold_bp_left, mut gold_bp_recorded) = (0, 0, 0);
    let mut shown = 0;
    for (path, a) in &arts {
        if !path.ends_with(".html") {
            continue;
        }
        pages += 1;
        let html = std::fs::read_to_string(path).expect("page");
        let doc = Html::parse_document(&html);
        let text = &a.text;
        for e in doc.select(&furniture_sel) {
            for line in e
                .text()
                .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            {
                // The site's own name (logo, copyright) also appears in credit lines of the story.
                if line.len() < 12 || a.outlet.as_deref().is_some_and(|o| line.contains(o)) {
                    continue;
                }
                furn_total += 1;
                if text.contains(&line) {
                    furn_left += 1;
                    if shown < 5 {
                        println!("  furniture left in {path}: {line:?}");
                        shown += 1;
                    }
                }
            }
        }
        for p in doc.select(&para_sel) {
            let in_box = p.ancestors().filter_map(scraper::ElementRef::wrap).any(|anc| {
                let c = anc.value().attr("class").unwrap_or("");
                ["box", "related", "promo", "share", "newsletter", "byline"]
                    .iter()
                    .any(|k| c.contains(k))
            });
            let cls = p.value().attr("class").unwrap_or("");
            if in_box || cls.contains("byline") || cls.contains("promo") {
                continue;
            }
            let t = p
                .text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if t.is_empty() {
                continue;
            }
            para_total += 1;
            if text.contains(&t) {
                para_kept += 1;
            } else if shown < 10 {
                println!("  paragraph lost in {path}: {:?}", &t[..t.len().min(80)]);
                shown += 1;
            }
        }
        for b in gold["boilerplate"].as_array().into_iter().flatten() {
            if b["path"].as_str() != Some(path) {
                continue;
            }
            gold_bp_total += 1;
            let bt = b["text"].as_str().unwrap_or("");
            if bt.lines().any(|l| l.trim().len() >= 8 && text.contains(l.trim())) {
                gold_bp_left += 1;
            }
            let first = bt
                .lines()
                .next()
                .unwrap_or("")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if a.boilerplate.iter().any(|r| r.text.contains(&first)) {
                gold_bp_recorded += 1;
            } else if shown < 14 {
                println!("  injected block not recorded in {path}: {first:?}");
                shown += 1;
            }
        }
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            100.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    println!("html pages: {pages}");
    println!(
        "  furniture lines removed: {}/{} ({:.1}%)",
        furn_total - furn_left,
        furn_total,
        pct(furn_total - furn_left, furn_total)
    );
    println!(
        "  article paragraphs kept: {para_kept}/{para_total} ({:.1}%)",
        pct(para_kept, para_total)
    );
    println!(
        "  gold injected boilerplate removed: {}/{} ({:.1}%), recorded in Article.boilerplate: {}/{} ({:.1}%)",
        gold_bp_total - gold_bp_left,
        gold_bp_total,
        pct(gold_bp_total - gold_bp_left, gold_bp_total),
        gold_bp_recorded,
        gold_bp_total,
        pct(gold_bp_recorded, gold_bp_total)
    );
    let langs: BTreeMap<String, usize> = arts.values().fold(BTreeMap::new(), |mut m, a| {
        *m.entry(a.language.clone().unwrap_or_else(|| "none".into()))
            .or_default() += 1;
        m
    });
    println!("languages: {langs:?}");
}
