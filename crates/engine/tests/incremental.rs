use std::path::PathBuf;

use wiretrace_engine::{Config, Engine, Input, NoProgress};

use crate::util::{assert_same, by_path, repo, run, ByPath};

fn corpus_dirs() -> Vec<PathBuf> {
    let root = repo("examples/corpus");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// Keeps what incremental analysis guarantees to equal a full run: stories, storylines, lineage,
/// and the pairs with substantial reuse (short partial passages may be judged against a smaller
/// corpus; see `Engine::analyze_with`).
fn substantial(mut r: ByPath) -> ByPath {
    r.pairs.retain(|_, sim| *sim >= 50);
    r
}

#[test]
fn adding_in_two_steps_gives_the_same_stories_and_lineage_as_adding_at_once() {
    let root = repo("examples/corpus");
    let dirs = corpus_dirs();
    let (first, second) = dirs.split_at(dirs.len() / 2);
    let at_once = by_path(&run(std::slice::from_ref(&dirs)), &root);
    let in_steps = by_path(&run(&[first.to_vec(), second.to_vec()]), &root);
    assert!(
        at_once.pairs.len() > 10,
        "the corpus has reuse: {:?}",
        at_once.pairs.len()
    );
    assert_same(
        &substantial(at_once),
        &substantial(in_steps),
        "at once vs in two steps",
    );
}

#[test]
fn adding_one_outlet_at_a_time_then_a_full_analysis_equals_one_run() {
    let root = repo("examples/corpus");
    let dirs = corpus_dirs();
    let at_once = by_path(&run(std::slice::from_ref(&dirs)), &root);
    let dir = tempfile::tempdir().unwrap();
    let mut engine = Engine::open(&dir.path().join("w.db"), Config::default()).unwrap();
    for d in dirs.iter().rev() {
        engine.add(&[Input::Path(d.clone())], &NoProgress).unwrap();
        engine.analyze(&NoProgress).unwrap();
    }
    let stepwise = by_path(&engine.export(false).unwrap(), &root);
    assert_same(
        &substantial(by_path(&run(std::slice::from_ref(&dirs)), &root)),
        &substantial(stepwise),
        "steps",
    );
    engine.analyze_with(&NoProgress, true).unwrap();
    let full = by_path(&engine.export(false).unwrap(), &root);
    assert_same(&at_once, &full, "one run vs steps then a full analysis");
}

#[test]
fn input_order_does_not_change_the_result() {
    let root = repo("examples/corpus");
    let dirs = corpus_dirs();
    let mut reversed = dirs.clone();
    reversed.reverse();
    let forward = run(std::slice::from_ref(&dirs));
    let backward = run(std::slice::from_ref(&reversed));
    // Inputs are sorted before ids are given, so even the ids agree: the exports are identical.
    assert_eq!(
        serde_json::to_string(&forward).unwrap(),
        serde_json::to_string(&backward).unwrap()
    );
    assert_same(
        &by_path(&forward, &root),
        &by_path(&backward, &root),
        "forward vs reversed",
    );
}
