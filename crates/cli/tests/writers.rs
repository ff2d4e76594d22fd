//! Two writers on one database: the second waits for the first, and no analysis goes stale.

use std::io::Read;
use std::process::Stdio;

use crate::util::{corpus, Env};

/// Copies the example corpus's files into `env` split over two folders, alternately.
fn split_corpus(env: &Env) -> usize {
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    let mut stack = vec![corpus()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p
                .extension()
                .is_some_and(|x| x == "txt" || x == "md" || x == "html")
            {
                files.push(p);
            }
        }
    }
    files.sort();
    for (i, f) in files.iter().enumerate() {
        let rel = f.strip_prefix(corpus()).unwrap();
        let half = if i % 2 == 0 { "one" } else { "two" };
        env.write(&format!("{half}/{}", rel.display()), std::fs::read(f).unwrap());
    }
    files.len()
}

fn export(env: &Env) -> serde_json::Value {
    let run = env.run(&["export"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    run.json()
}

#[test]
fn two_adds_started_together_leave_the_analysis_of_one_sequential_run() {
    let env = Env::new();
    let n = split_corpus(&env);
    let spawn = |dir: &str| {
        env.cmd()
            .args(["add", dir])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn("one"), spawn("two"));
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let together = export(&env);
    let in_stories: usize = together["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["articles"].as_array().unwrap().len())
        .sum();
    assert_eq!(together["articles"].as_array().unwrap().len(), n);
    assert_eq!(in_stories, n, "every article belongs to a story");
    let again = env.run(&["analyze"]);
    assert!(
        again.stderr().contains("nothing new to analyse"),
        "{}",
        again.stderr()
    );

    // The same files added one after the other, in either order, give the same changes.
    let changes = |e: &serde_json::Value| e["changes"].as_array().unwrap().len();
    let sequential: Vec<usize> = [["one", "two"], ["two", "one"]]
        .iter()
        .map(|order| {
            let seq = Env::new();
            split_corpus(&seq);
            for dir in order {
                assert_eq!(seq.run(&["add", dir]).code(), 0);
            }
            changes(&export(&seq))
        })
        .collect();
    assert!(
        sequential.contains(&changes(&together)),
        "{} not in {sequential:?}",
        changes(&together)
    );
}

#[test]
fn a_writer_waits_for_the_lock_and_says_so() {
    let env = Env::new();
    env.write("in/a.txt", crate::util::WIRE);
    let mut lock_path = env.db().into_os_string();
    lock_path.push(".lock");
    let held = std::fs::File::create(&lock_path).unwrap();
    held.lock().unwrap();
    let mut child = env
        .cmd()
        .args(["add", "in"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = child.stderr.take().unwrap();
    // Read until the waiting message arrives; the add cannot finish while the lock is held.
    let mut seen = Vec::new();
    let mut buf = [0u8; 256];
    while !String::from_utf8_lossy(&seen).contains("waiting for another wiretrace") {
        let n = stderr.read(&mut buf).unwrap();
        assert!(
            n > 0,
            "add ended without waiting: {}",
            String::from_utf8_lossy(&seen)
        );
        seen.extend_from_slice(&buf[..n]);
    }
    drop(held);
    stderr.read_to_end(&mut seen).unwrap();
    let status = child.wait().unwrap();
    let err = String::from_utf8_lossy(&seen);
    assert!(status.success(), "{err}");
    assert!(err.contains("1 article added"), "{err}");
}
