//! A killed `add` never corrupts the store or loses what was committed before.

use std::time::{Duration, Instant};

use crate::util::{Env, WIRE};

fn count_articles(env: &Env) -> usize {
    let run = env.run(&["list", "--json"]);
    assert_eq!(run.code(), 0, "store unreadable after kill: {}", run.stderr());
    run.stdout().lines().count()
}

#[test]
fn killed_writer_leaves_a_readable_store_with_its_committed_batches() {
    let env = Env::new();
    // A first committed add that must survive.
    env.write("first/wire.txt", WIRE);
    assert_eq!(env.run(&["add", "--no-analyze", "first"]).code(), 0);
    // Enough files that the second add runs for a while, in many transactions.
    let n = 6000;
    for i in 0..n {
        let body = WIRE.replace("14 container ships", &format!("{i} container ships"));
        env.write(
            &format!("many/{:05}.txt", i),
            format!("Story {i}\n\n{body} Item number {i}."),
        );
    }
    let mut child = env
        .cmd()
        .args(["add", "--no-analyze", "many"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once some batches are committed, well before the end.
    let start = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(20));
        let c = count_articles(&env);
        if c > 1 || start.elapsed() > Duration::from_secs(60) {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let after_kill = count_articles(&env);
    assert!(after_kill >= 1, "the first add was lost");
    let first = env.run(&["show", "first/wire.txt", "--json"]);
    assert_eq!(first.code(), 0, "{}", first.stderr());
    // Committed batches are whole: every stored article of the second add is complete.
    for line in env.run(&["list", "--json"]).stdout().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(
            v["words"].as_u64().unwrap() > 50,
            "a partial article was stored: {v}"
        );
    }
    // Adding again completes the job without duplicates.
    assert_eq!(env.run(&["add", "--no-analyze", "many"]).code(), 0);
    assert_eq!(count_articles(&env), n + 1);
}
