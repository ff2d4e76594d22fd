//! Studies story decisions on a `make_scale_corpus.py` corpus: reads a `wiretrace trace --with-text`
//! export of it and its gold sidecar, and prints how the story score's components (reuse, content)
//! fall for pairs put in one story across gold stories (precision losses) and for gold-same-story
//! pairs left in different stories (recall losses, by the derivation operation).
//!
//! ```text
//! wiretrace trace s20000.jsonl --with-text --out s.json
//! cargo run --release -p wiretrace-stories --example scale_diag -- s.json s20000.gold.jsonl
//! ```

use std::collections::BTreeMap;

use wiretrace_model::{Article, ArticleId, Export};
use wiretrace_stories::{Config, Similarity};

/// At most this many member pairs of one predicted story are scored (large stories are sampled).
const MAX_PAIRS_PER_STORY: usize = 2_000;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (export, gold) = match (args.next(), args.next()) {
        (Some(e), Some(g)) => (e, g),
        _ => return Err("usage: scale_diag EXPORT_WITH_TEXT.json GOLD.jsonl".into()),
    };
    let export: Export = serde_json::from_str(&std::fs::read_to_string(&export)?)?;
    let gold: Vec<serde_json::Value> = std::fs::read_to_string(&gold)?
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    let mut articles = Vec::new();
    let mut story_of: BTreeMap<ArticleId, (String, String, Option<String>)> = BTreeMap::new();
    for e in &export.articles {
        let mut a = Article::new(e.path.clone(), e.text.as_deref().ok_or("no text")?);
        a.id = e.id.parse::<ArticleId>()?;
        a.title = e.title.clone();
        a.published = e
            .published
            .as_deref()
            .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
            .map(|d| d.with_timezone(&chrono::Utc));
        let rec: usize = e.path.rsplit('#').next().unwrap_or("0").parse()?;
        let g = &gold[rec];
        story_of.insert(
            a.id,
            (
                g["story"].as_str().unwrap_or_default().to_string(),
                g["op"].as_str().unwrap_or_default().to_string(),
                g["parent"].as_str().map(str::to_string),
            ),
        );
        articles.push(a);
    }
    let index = Similarity::new(&Config::default(), &articles);
    let given: BTreeMap<(ArticleId, ArticleId), &wiretrace_model::Pair> =
        export.pairs.iter().map(|p| ((p.a, p.b), p)).collect();
    let mut predicted: BTreeMap<ArticleId, usize> = BTreeMap::new();
    let mut cross = Histogram::default();
    let mut same = Histogram::default();
    for (s, story) in export.stories.iter().enumerate() {
        for &m in &story.articles {
            predicted.insert(m, s);
        }
        let m = &story.articles;
        let step = (m.len() * m.len() / 2 / MAX_PAIRS_PER_STORY).max(1);
        let mut k = 0usize;
        for x in 0..m.len() {
            for y in x + 1..m.len() {
                k += 1;
                if !k.is_multiple_of(step) {
                    continue;
                }
                let sc = index.score(m[x], m[y]).ok_or("id")?;
                let g = given.get(&(m[x].min(m[y]), m[x].max(m[y])));
                let is_same = story_of[&m[x]].0 == story_of[&m[y]].0;
                if !is_same
                    && sc.content > sc.reuse
                    && cross.n % 40 == 0
                    && std::env::var_os("SHOW").is_some()
                {
                    println!(
                        "cross {}-{} content {:.2} cos {:.3} spread {:.3} shared {:?}",
                        m[x], m[y], sc.content, sc.anchor_cosine, sc.spread_cosine, sc.shared
                    );
                }
                let h = if is_same { &mut same } else { &mut cross };
                h.add(&sc, g.copied());
            }
        }
    }
    println!("pairs inside predicted stories, across gold stories:");
    cross.print();
    println!("pairs inside predicted stories, same gold story:");
    same.print();
    // Recall: derived records not in their parent's predicted story, by operation.
    let mut missed: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let id_of: BTreeMap<String, ArticleId> = export
        .articles
        .iter()
        .map(|e| {
            let rec: usize = e.path.rsplit('#').next().unwrap_or("0").parse().unwrap_or(0);
            (
                gold[rec]["id"].as_str().unwrap_or_default().to_string(),
                e.id.parse().unwrap(),
            )
        })
        .collect();
    let mut examples = Vec::new();
    for (&a, (_, op, parent)) in &story_of {
        let Some(p) = parent else { continue };
        let p = id_of[p];
        let e = missed.entry(op.clone()).or_default();
        e.1 += 1;
        if predicted.get(&a) != predicted.get(&p) {
            e.0 += 1;
            if examples.len() < 30 {
                let sc = index.score(a, p).ok_or("id")?;
                let g = given.get(&(a.min(p), a.max(p)));
                examples.push(format!(
                    "{op}: {a}<-{p} reuse {:.2} content {:.2} cos {:.3} days {:?} given {:?} sizes {}/{}",
                    sc.reuse,
                    sc.content,
                    sc.anchor_cosine,
                    sc.days_apart,
                    g.map(|g| (g.containment_a_in_b, g.containment_b_in_a)),
                    export.stories[predicted[&a]].articles.len(),
                    export.stories[predicted[&p]].articles.len(),
                ));
            }
        }
    }
    println!("derived records apart from their parent's story, by operation (missed/all):");
    for (op, (m, n)) in missed {
        println!("  {op}: {m}/{n}");
    }
    for e in examples {
        println!("  {e}");
    }
    Ok(())
}

/// Counts of scored pairs by which evidence carries them.
#[derive(Default)]
struct Histogram {
    /// By decile of reuse evidence.
    reuse: [usize; 11],
    /// By decile of content evidence.
    content: [usize; 11],
    /// Pairs the reuse stage reported.
    reported: usize,
    /// Pairs carried by reuse (reuse ≥ content and > 0).
    by_reuse: usize,
    /// Pairs carried by content.
    by_content: usize,
    /// Pairs with neither.
    neither: usize,
    n: usize,
}

impl Histogram {
    fn add(&mut self, s: &wiretrace_stories::Score, given: Option<&wiretrace_model::Pair>) {
        self.n += 1;
        self.reuse[(s.reuse * 10.0) as usize] += 1;
        self.content[(s.content * 10.0) as usize] += 1;
        self.reported += usize::from(given.is_some());
        if s.reuse > 0.0 && s.reuse >= s.content {
            self.by_reuse += 1;
        } else if s.content > 0.0 {
            self.by_content += 1;
        } else {
            self.neither += 1;
        }
    }

    fn print(&self) {
        println!(
            "  {} pairs: {} reported by reuse; carried by reuse {}, by content {}, neither {}",
            self.n, self.reported, self.by_reuse, self.by_content, self.neither
        );
        println!("  reuse deciles   {:?}", self.reuse);
        println!("  content deciles {:?}", self.content);
    }
}
