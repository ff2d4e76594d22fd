use std::path::PathBuf;

use crate::util::{assert_same, by_path, repo, run};

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

#[test]
fn adding_in_two_steps_gives_the_same_result_as_adding_at_once() {
    let root = repo("examples/corpus");
    let dirs = corpus_dirs();
    let (first, second) = dirs.split_at(dirs.len() / 2);
    let at_once = by_path(&run(std::slice::from_ref(&dirs)), &root);
    let in_steps = by_path(&run(&[first.to_vec(), second.to_vec()]), &root);
    assert_same(&at_once, &in_steps, "at once vs in two steps");
    assert!(
        at_once.pairs.len() > 10,
        "the corpus has reuse: {:?}",
        at_once.pairs.len()
    );
}

#[test]
fn input_order_does_not_change_the_result() {
    let root = repo("examples/corpus");
    let dirs = corpus_dirs();
    let mut reversed = dirs.clone();
    reversed.reverse();
    // Different insertion order gives different ids; compared by path the results are equal.
    let forward = by_path(
        &run(&dirs.iter().map(|d| vec![d.clone()]).collect::<Vec<_>>()),
        &root,
    );
    let backward = by_path(
        &run(&reversed.iter().map(|d| vec![d.clone()]).collect::<Vec<_>>()),
        &root,
    );
    assert_same(&forward, &backward, "forward vs reversed input order");
}
