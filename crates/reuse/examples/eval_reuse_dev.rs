//! Evaluates reuse detection on the development corpus (`../shared/data/reuse-dev`).
//!
//! Loads every article with a deliberately crude extractor (the project's ingest is the real one):
//! `.html` → `<p>` text inside `<article>`; `.md` → body after the front matter; `.txt` → all but the
//! first (title) line; `.jsonl` → each record's `text`; `feeds/*.xml` → each item's
//! `content:encoded`/`description` paragraphs. Runs [`wiretrace_reuse::find_pairs`] and compares the
//! pairs with `gold.json`:
//!
//! - recall of true (article, parent) pairs;
//! - recall of same-story pairs that share a passage (an independent oracle: the two share at least
//!   three word 8-grams that occur in no other story);
//! - share of reported pairs whose articles belong to two different gold stories.
//!
//! Usage: `cargo run --release -p wiretrace-reuse --example eval_reuse_dev [-- DIR] [--verbose]`
//! (`--show PATH_A PATH_B` prints one pair's alignment; `WT_CFG='{"max_gap":16}'` overrides settings,
//! as JSON, for experiments).
#![allow(clippy::print_stdout)]

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

use wiretrace_model::{Article, ArticleId};

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(j) = rest.find(';').filter(|j| *j <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let ent = &rest[1..j];
        let ch = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            _ if ent.starts_with("#x") || ent.starts_with("#X") => {
                u32::from_str_radix(&ent[2..], 16).ok().and_then(char::from_u32)
            }
            _ if ent.starts_with('#') => ent[1..].parse::<u32>().ok().and_then(char::from_u32),
            _ => None,
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &rest[j + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Text of every `<p …>…</p>` in `html`, one paragraph each.
fn paragraphs(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<p") {
        let after = &rest[i + 2..];
        if !(after.starts_with('>') || after.starts_with(' ')) {
            rest = after;
            continue;
        }
        let Some(open_end) = after.find('>') else { break };
        let body = &after[open_end + 1..];
        let end = body.find("</p>").unwrap_or(body.len());
        let text = decode_entities(&strip_tags(&body[..end]));
        if !text.trim().is_empty() {
            out.push(text.trim().to_string());
        }
        rest = &body[end..];
    }
    out
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let i = s.find(open)? + open.len();
    let j = s[i..].find(close)? + i;
    Some(&s[i..j])
}

fn load(dir: &Path) -> Vec<Article> {
    let mut files = Vec::new();
    let mut stack = vec![dir.join("corpus")];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("corpus dir readable") {
            let p = e.expect("dir entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let rel = f
            .strip_prefix(dir)
            .expect("under dir")
            .to_string_lossy()
            .to_string();
        let raw = std::fs::read_to_string(&f).expect("utf-8 file");
        let ext = f.extension().and_then(|e| e.to_str()).unwrap_or("");
        match ext {
            "html" => {
                let body = between(&raw, "<article", "</article>").unwrap_or(&raw);
                out.push(Article::new(rel, paragraphs(body).join("\n\n")));
            }
            "md" => {
                let body = raw
                    .strip_prefix("---")
                    .and_then(|r| r.find("\n---").map(|i| &r[i + 4..]))
                    .unwrap_or(&raw);
                out.push(Article::new(rel, body.to_string()));
            }
            "txt" => {
                let body = raw.split_once('\n').map_or("", |x| x.1);
                out.push(Article::new(rel, body.to_string()));
            }
            "jsonl" => {
                for (i, line) in raw.lines().enumerate() {
                    let v: serde_json::Value = serde_json::from_str(line).expect("jsonl line");
                    let text = v["text"].as_str().unwrap_or("").to_string();
                    out.push(Article::new(format!("{rel}#{i}"), text));
                }
            }
            "xml" => {
                for (i, item) in raw.split("<item>").skip(1).enumerate() {
                    let item = item.split("</item>").next().unwrap_or("");
                    let html = between(item, "<content:encoded>", "</content:encoded>")
                        .or_else(|| between(item, "<description>", "</description>"))
                        .unwrap_or("");
                    let html = html
                        .trim()
                        .trim_start_matches("<![CDATA[")
                        .trim_end_matches("]]>");
                    let html = if html.contains("<p") {
                        html.to_string()
                    } else {
                        decode_entities(html)
                    };
                    out.push(Article::new(format!("{rel}#{i}"), paragraphs(&html).join("\n\n")));
                }
            }
            _ => {}
        }
    }
    for (i, a) in out.iter_mut().enumerate() {
        a.text = wiretrace_text::normalize(&a.text);
        a.id = ArticleId(i as u32 + 1);
    }
    out
}

fn grams8(text: &str) -> Vec<u64> {
    let toks: Vec<u64> = wiretrace_text::tokens(text)
        .map(|t| wiretrace_text::token_hash(&t.folded))
        .collect();
    let mut g: Vec<u64> = toks
        .windows(8)
        .map(|w| {
            w.iter().fold(0u64, |h, x| {
                h.rotate_left(7) ^ x.wrapping_mul(0x9E37_79B9_7F4A_7C15)
            })
        })
        .collect();
    g.sort_unstable();
    g.dedup();
    g
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let dir = args
        .iter()
        .take_while(|a| *a != "--show")
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/shared/data/reuse-dev"));
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).expect("gold.json"))
            .expect("json");
    let articles = load(&dir);
    let by_path: HashMap<&str, &Article> = articles.iter().map(|a| (a.path.as_str(), a)).collect();
    let mut story: HashMap<ArticleId, String> = HashMap::new();
    let mut parents: BTreeSet<(ArticleId, ArticleId)> = BTreeSet::new();
    let mut ops: HashMap<ArticleId, String> = HashMap::new();
    for g in gold["articles"].as_array().expect("articles") {
        let path = g["path"].as_str().expect("path");
        let Some(a) = by_path.get(path) else {
            println!("gold article not loaded: {path}");
            continue;
        };
        story.insert(a.id, g["story"].as_str().unwrap_or("").to_string());
        ops.insert(a.id, g["ops"].to_string());
        if let Some(p) = g["parent"].as_str() {
            let pid = by_path[p].id;
            parents.insert((a.id.min(pid), a.id.max(pid)));
        }
    }
    let empty = articles.iter().filter(|a| a.text.is_empty()).count();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    println!(
        "loaded {} articles ({} empty, {:.1} MB of text)",
        articles.len(),
        empty,
        bytes as f64 / 1e6
    );

    let mut cfg = wiretrace_reuse::Config::default();
    if let Ok(j) = std::env::var("WT_CFG") {
        cfg = serde_json::from_str(&j).expect("WT_CFG is a JSON reuse config");
    }
    if let Some(i) = args.iter().position(|a| a == "--show") {
        // Debug one pair: --show PATH_A PATH_B
        let (a, b) = (by_path[args[i + 1].as_str()], by_path[args[i + 2].as_str()]);
        println!("A: {}\n\nB: {}\n", a.text, b.text);
        let (sa, sb) = (wiretrace_reuse::sketch(&cfg, a), wiretrace_reuse::sketch(&cfg, b));
        let shared = sa
            .fingerprints
            .iter()
            .filter(|f| sb.fingerprints.binary_search(f).is_ok())
            .count();
        println!(
            "fingerprints {} / {}, shared {}",
            sa.fingerprints.len(),
            sb.fingerprints.len(),
            shared
        );
        let loose = wiretrace_reuse::Config {
            min_passage_tokens: 1,
            min_specific_tokens: 0.0,
            min_identity: 0.0,
            ..cfg.clone()
        };
        if let Some(p) = wiretrace_reuse::align(&loose, a, b) {
            let (ta, tb) = if p.a == a.id {
                (&a.text, &b.text)
            } else {
                (&b.text, &a.text)
            };
            for x in &p.passages {
                println!(
                    "passage id {:.2}: {:?}\n   <> {:?}",
                    x.identity,
                    x.a.slice(ta),
                    x.b.slice(tb)
                );
            }
        }
        return;
    }
    let t = Instant::now();
    let pairs = wiretrace_reuse::find_pairs(&cfg, &articles, &|_| true);
    let secs = t.elapsed().as_secs_f64();
    let found: BTreeMap<(ArticleId, ArticleId), &wiretrace_model::Pair> =
        pairs.iter().map(|p| ((p.a, p.b), p)).collect();

    // Oracle for "same story and share a passage": 3+ word 8-grams found in this story only.
    let grams: BTreeMap<ArticleId, Vec<u64>> = articles.iter().map(|a| (a.id, grams8(&a.text))).collect();
    let mut gram_stories: HashMap<u64, BTreeSet<&str>> = HashMap::new();
    for (id, gs) in &grams {
        for g in gs {
            gram_stories.entry(*g).or_default().insert(story[id].as_str());
        }
    }
    let mut sharing: BTreeSet<(ArticleId, ArticleId)> = BTreeSet::new();
    let ids: Vec<ArticleId> = articles.iter().map(|a| a.id).collect();
    for (x, &a) in ids.iter().enumerate() {
        for &b in &ids[x + 1..] {
            if story[&a] != story[&b] {
                continue;
            }
            let (ga, gb) = (&grams[&a], &grams[&b]);
            let shared = ga
                .iter()
                .filter(|g| gb.binary_search(g).is_ok() && gram_stories[g].len() == 1)
                .take(3)
                .count();
            if shared >= 3 {
                sharing.insert((a, b));
            }
        }
    }

    let hit_parent = parents.iter().filter(|p| found.contains_key(p)).count();
    let hit_sharing = sharing.iter().filter(|p| found.contains_key(p)).count();
    let cross: Vec<_> = pairs.iter().filter(|p| story[&p.a] != story[&p.b]).collect();
    let name = |id: &ArticleId| articles[id.0 as usize - 1].path.clone();
    if verbose {
        for p in &parents {
            if !found.contains_key(p) {
                println!(
                    "missed parent pair {} <- {} ops {}",
                    name(&p.0),
                    name(&p.1),
                    ops[&p.0].clone() + &ops[&p.1]
                );
            }
        }
        for p in &sharing {
            if !found.contains_key(p) && !parents.contains(p) {
                println!("missed same-story pair {} / {}", name(&p.0), name(&p.1));
            }
        }
        for p in &cross {
            println!(
                "cross-story pair {} / {} sim {:.3} passages {:?}",
                name(&p.a),
                name(&p.b),
                p.similarity,
                p.passages
                    .iter()
                    .map(|x| x
                        .a
                        .slice(&articles[p.a.0 as usize - 1].text)
                        .chars()
                        .take(80)
                        .collect::<String>())
                    .collect::<Vec<_>>()
            );
        }
    }
    println!("find_pairs: {} pairs in {:.2} s", pairs.len(), secs);
    println!(
        "recall of (article, parent) pairs: {:.4} ({}/{})",
        hit_parent as f64 / parents.len().max(1) as f64,
        hit_parent,
        parents.len()
    );
    println!(
        "recall of same-story pairs sharing a passage: {:.4} ({}/{})",
        hit_sharing as f64 / sharing.len().max(1) as f64,
        hit_sharing,
        sharing.len()
    );
    println!(
        "pairs spanning two gold stories: {:.4} ({}/{})",
        cross.len() as f64 / pairs.len().max(1) as f64,
        cross.len(),
        pairs.len()
    );
}
