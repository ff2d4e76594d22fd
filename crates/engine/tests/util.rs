use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use wiretrace_engine::model::Export;
use wiretrace_engine::{Config, Engine, Input, NoProgress};

pub fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(rel)
}

/// Runs add + analyze on `inputs` (in that order) into a fresh store and returns the export.
pub fn run(groups: &[Vec<PathBuf>]) -> Export {
    let dir = tempfile::tempdir().unwrap();
    let mut engine = Engine::open(&dir.path().join("w.db"), Config::default()).unwrap();
    for group in groups {
        let inputs: Vec<Input> = group.iter().cloned().map(Input::Path).collect();
        let report = engine.add(&inputs, &NoProgress).unwrap();
        assert!(report.skipped.is_empty(), "skipped: {:?}", report.skipped);
        engine.analyze(&NoProgress).unwrap();
    }
    engine.export(false).unwrap()
}

/// The export's results keyed by article path relative to `root`, so runs with different ids compare.
#[derive(Debug, Clone, PartialEq)]
pub struct ByPath {
    /// path → (sorted member paths of its story, source path)
    pub story: BTreeMap<String, (Vec<String>, Option<String>)>,
    /// path → storyline-mates (paths of all articles in the same storyline)
    pub storyline: BTreeMap<String, Vec<String>>,
    /// (a path, b path) → rounded similarity
    pub pairs: BTreeMap<(String, String), i64>,
}

/// Asserts two results are equal, printing only the entries that differ.
pub fn assert_same(left: &ByPath, right: &ByPath, what: &str) {
    fn diff<K: Ord + std::fmt::Debug, V: PartialEq + std::fmt::Debug>(
        l: &BTreeMap<K, V>,
        r: &BTreeMap<K, V>,
    ) -> Vec<String> {
        let mut out = Vec::new();
        for (k, v) in l {
            match r.get(k) {
                Some(w) if w == v => {}
                other => out.push(format!("{k:?}: {v:?} vs {other:?}")),
            }
        }
        for (k, w) in r {
            if !l.contains_key(k) {
                out.push(format!("{k:?}: None vs {w:?}"));
            }
        }
        out
    }
    let mut problems = diff(&left.story, &right.story);
    problems.extend(diff(&left.storyline, &right.storyline));
    problems.extend(diff(&left.pairs, &right.pairs));
    assert!(
        problems.is_empty(),
        "{what}: {} differences:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

pub fn by_path(e: &Export, root: &Path) -> ByPath {
    // Stored paths are canonical.
    let root = std::fs::canonicalize(root)
        .unwrap_or_else(|_| root.to_path_buf())
        .display()
        .to_string();
    let path: BTreeMap<String, String> = e
        .articles
        .iter()
        .map(|a| {
            (
                a.id.clone(),
                a.path
                    .trim_start_matches(&root)
                    .trim_start_matches('/')
                    .to_string(),
            )
        })
        .collect();
    let p = |id: &wiretrace_engine::model::ArticleId| path[&id.to_string()].clone();
    let mut story = BTreeMap::new();
    let mut lines: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for s in &e.stories {
        let mut members: Vec<String> = s.articles.iter().map(p).collect();
        members.sort();
        for edge in &s.lineage {
            story.insert(p(&edge.article), (members.clone(), edge.source.as_ref().map(p)));
        }
        if let Some(l) = &s.storyline {
            lines
                .entry(l.clone())
                .or_default()
                .extend(members.iter().cloned());
        }
    }
    let mut storyline = BTreeMap::new();
    for members in lines.values() {
        let mut m = members.clone();
        m.sort();
        for a in &m {
            storyline.insert(a.clone(), m.clone());
        }
    }
    let pairs = e
        .pairs
        .iter()
        .map(|pr| {
            let (a, b) = (p(&pr.a), p(&pr.b));
            let key = if a < b { (a, b) } else { (b, a) };
            (key, (pr.similarity * 100.0).round() as i64)
        })
        .collect();
    ByPath {
        story,
        storyline,
        pairs,
    }
}

/// Reads a scenario's expected.json: path → (story, parent).
pub fn expected(dir: &Path) -> BTreeMap<String, (String, Option<String>)> {
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["path"].as_str().unwrap().to_string(),
                (
                    a["story"].as_str().unwrap().to_string(),
                    a["parent"].as_str().map(str::to_string),
                ),
            )
        })
        .collect()
}
