//! Dumps what the anchored aligner knows about every two articles of an export (JSON lines, one
//! [`wiretrace_stories::PairStudy`] each, with `same_story`, `reuse` and `listed`), for
//! `bench/copy_diag.py`, which joins a gold's copy groups. Every two articles sharing a fact are
//! studied, also across stories (the weights are those of the union of their stories' members).
//! With `WIRETRACE_ENCODER` set, each pair also gets the encoder cosine of the two openings
//! (`encoder_cosine`; `WIRETRACE_VECTOR_CACHE=FILE` keeps the vectors between runs). Prints no
//! article text.
//!
//! With `--semeval PAIRS.jsonl` (SemEval-2022 Task 8 pairs) it instead puts each pair's two
//! texts in one story and counts the pairs the default settings list, by the pair's `overall`
//! rating (1 = very similar … 4 = very dissimilar) and language kind: false pairs between reports
//! that are at best on one event. With `WIRETRACE_ENCODER` set the sentence encoder's translation
//! test runs too (`anchored_pairs_with`); since it embeds every sentence, `--cross-only` (pairs in
//! two languages only) and `--max-overall X` (pairs rated X or more similar) bound its cost.
//!
//! ```text
//! cargo run --release -p wiretrace-stories --example copy_study -- --semeval PAIRS.jsonl
//! wiretrace trace ARTICLES.jsonl --with-text --out EXPORT.json --quiet >/dev/null
//! cargo run --release -p wiretrace-stories --example copy_study -- EXPORT.json > study.jsonl
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

mod support;

use wiretrace_model::{Article, ArticleId, Export, PairMethod};
use wiretrace_stories::{study_pairs, PassageConfig};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 2 {
        return Err("usage: copy_study EXPORT.json".into());
    }
    if args[1] == "--semeval" {
        let cross_only = args.iter().any(|a| a == "--cross-only");
        let max_overall = args
            .iter()
            .position(|a| a == "--max-overall")
            .and_then(|k| args.get(k + 1))
            .map(|v| v.parse::<f64>())
            .transpose()?
            .unwrap_or(4.0);
        return semeval(
            args.get(2)
                .ok_or("usage: copy_study --semeval PAIRS.jsonl [--cross-only] [--max-overall X]")?,
            cross_only,
            max_overall,
        );
    }
    let export: Export = serde_json::from_str(&std::fs::read_to_string(&args[1])?)?;
    let articles: Vec<Article> = export
        .articles
        .iter()
        .map(|e| {
            let mut a = Article::new(e.path.clone(), e.text.clone().unwrap_or_default());
            a.id = e.id.parse().unwrap_or_default();
            a.title = e.title.clone();
            a.language = e.language.clone();
            a
        })
        .collect();
    let index: BTreeMap<ArticleId, usize> = articles.iter().enumerate().map(|(i, a)| (a.id, i)).collect();
    let mut story_of: BTreeMap<ArticleId, usize> = BTreeMap::new();
    for (k, s) in export.stories.iter().enumerate() {
        for &id in &s.articles {
            story_of.insert(id, k);
        }
    }
    let listed: BTreeMap<(ArticleId, ArticleId), PairMethod> = export
        .pairs
        .iter()
        .map(|p| ((p.a.min(p.b), p.a.max(p.b)), p.method))
        .collect();
    let cfg = PassageConfig::default();
    let vectors = support::embeddings(&articles)?;
    let cosine = |a: ArticleId, b: ArticleId| {
        let (x, y) = (vectors.get(&a)?, vectors.get(&b)?);
        Some(x.iter().zip(y).map(|(p, q)| p * q).sum::<f32>())
    };
    // Group the pairs by their stories' union, so each group is weighted once.
    // The two stories of a pair (none for an article in no story), lower first.
    type StoryPair = (Option<usize>, Option<usize>);
    let mut groups: BTreeMap<StoryPair, Vec<(usize, usize)>> = BTreeMap::new();
    for i in 0..articles.len() {
        for j in i + 1..articles.len() {
            let (si, sj) = (
                story_of.get(&articles[i].id).copied(),
                story_of.get(&articles[j].id).copied(),
            );
            groups.entry((si.min(sj), si.max(sj))).or_default().push((i, j));
        }
    }
    let out = std::io::stdout();
    let mut out = out.lock();
    for ((s1, s2), pairs) in groups {
        let mut members: BTreeSet<usize> = BTreeSet::new();
        for s in [s1, s2].into_iter().flatten() {
            members.extend(export.stories[s].articles.iter().filter_map(|id| index.get(id)));
        }
        for &(i, j) in &pairs {
            members.insert(i);
            members.insert(j);
        }
        let members: Vec<usize> = members.into_iter().collect();
        let pos: BTreeMap<usize, usize> = members.iter().enumerate().map(|(k, &i)| (i, k)).collect();
        let context: Vec<&Article> = members.iter().map(|&i| &articles[i]).collect();
        let local: Vec<(usize, usize)> = pairs.iter().map(|(i, j)| (pos[i], pos[j])).collect();
        for st in study_pairs(&cfg, &context, &local) {
            if st.shared_facts == 0 {
                continue;
            }
            let key = (st.a.min(st.b), st.a.max(st.b));
            let mut v = serde_json::to_value(&st)?;
            v["encoder_cosine"] = cosine(st.a, st.b).into();
            v["same_story"] = (s1.is_some() && s1 == s2).into();
            v["listed"] = listed.get(&key).map(|m| format!("{m:?}")).into();
            v["path_a"] = articles[index[&st.a]].path.clone().into();
            v["path_b"] = articles[index[&st.b]].path.clone().into();
            v["lang_a"] = articles[index[&st.a]].language.clone().into();
            v["lang_b"] = articles[index[&st.b]].language.clone().into();
            writeln!(out, "{v}")?;
        }
    }
    Ok(())
}

/// The encoder as the passages stage's sentence encoder.
struct Sentences(wiretrace_encoder::Encoder);

impl wiretrace_stories::SentenceEncoder for Sentences {
    fn embed_sentences(&self, sentences: &[&str]) -> Option<Vec<Vec<f32>>> {
        self.0.embed_sentences(sentences).ok()
    }
}

/// Anchored pairs the default settings list among SemEval pairs, each pair alone in one story.
fn semeval(path: &str, cross_only: bool, max_overall: f64) -> Result<(), Box<dyn std::error::Error>> {
    use wiretrace_model::{PairMethod, Story, StoryId};
    use wiretrace_stories::anchored_pairs_with;
    let cfg = PassageConfig::default();
    let encoder = wiretrace_encoder::Encoder::from_env()?.map(Sentences);
    let enc = encoder
        .as_ref()
        .map(|e| e as &dyn wiretrace_stories::SentenceEncoder);
    let mut by_translation = 0;
    // (cross, rating bucket) -> (pairs, listed)
    let mut tally: BTreeMap<(bool, u32), (usize, usize)> = BTreeMap::new();
    for line in std::fs::read_to_string(path)?.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let side = |k: &str, id: u32| {
            let mut a = Article::new(format!("{id}.txt"), v[k]["text"].as_str().unwrap_or_default());
            a.id = ArticleId(id);
            a.title = v[k]["title"].as_str().map(str::to_string);
            a.language = v[k]["language"].as_str().map(str::to_string);
            a
        };
        let arts = [side("a", 1), side("b", 2)];
        let cross = arts[0].language != arts[1].language;
        let overall = v["overall"].as_f64().unwrap_or(4.0);
        if (cross_only && !cross) || overall > max_overall {
            continue;
        }
        let story = Story {
            id: StoryId(1),
            articles: vec![ArticleId(1), ArticleId(2)],
            storyline: None,
            lineage: vec![],
        };
        let found = anchored_pairs_with(&cfg, &arts, &[story], &[], enc);
        let listed = !found.is_empty();
        by_translation += found
            .iter()
            .filter(|p| p.method == PairMethod::Translation)
            .count();
        if listed {
            let refs: Vec<&Article> = arts.iter().collect();
            let st = &study_pairs(&cfg, &refs, &[(0, 1)])[0];
            eprintln!(
                "listed ({:?}): {} overall {} shared facts {} containment {:.2} cohesion {:.2}",
                found[0].method,
                v["id"].as_str().unwrap_or_default(),
                v["overall"],
                st.shared_facts,
                st.fact_containment,
                st.fact_cohesion
            );
        }
        let bucket = overall.round() as u32;
        let e = tally.entry((cross, bucket)).or_default();
        e.0 += 1;
        e.1 += listed as usize;
    }
    for ((cross, bucket), (n, listed)) in tally {
        println!(
            "{} overall ~{bucket}: {listed} of {n} pairs listed",
            if cross { "cross-language" } else { "same-language" }
        );
    }
    println!(
        "of them by the sentence encoder's translation test: {by_translation} (encoder {})",
        if encoder.is_some() { "on" } else { "off" }
    );
    Ok(())
}
