use crate::util::{Env, WIRE};

#[test]
fn add_reports_each_skipped_input_and_keeps_the_rest() {
    let env = Env::new();
    env.write("in/wire.txt", WIRE);
    env.write("in/empty.txt", "");
    env.write(
        "in/bad.jsonl",
        "{\"title\": \"ok\", \"text\": \"A fine article body with enough words to count.\"}\n{broken\n",
    );
    env.write("in/blob.bin", [0u8, 159, 146, 150, 0, 1, 2, 3, 255, 0]);
    let run = env.run(&["add", "in"]);
    let err = run.stderr();
    assert_eq!(run.code(), 0, "stderr: {err}");
    assert!(err.contains("empty.txt"), "{err}");
    assert!(err.contains("bad.jsonl#1 (line 2): invalid json"), "{err}");
    assert!(err.contains("blob.bin"), "{err}");
    assert!(err.contains("2 articles added, 3 skipped"), "{err}");
    let list = env.run(&["list", "--json"]).stdout();
    assert_eq!(list.lines().count(), 2);
    assert!(list.contains("Harbour cranes halted at Port Ellery"));
}

#[test]
fn nothing_added_exits_1_and_usage_errors_exit_2() {
    let env = Env::new();
    env.write("in/empty.txt", "");
    let run = env.run(&["add", "in/empty.txt"]);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    assert!(
        run.stderr().contains("0 articles added, 1 skipped"),
        "{}",
        run.stderr()
    );
    assert_eq!(env.run(&["add"]).code(), 2);
    assert_eq!(env.run(&["frobnicate"]).code(), 2);
}

#[test]
fn strict_makes_a_skip_fatal() {
    let env = Env::new();
    env.write("in/a.txt", WIRE);
    env.write("in/b.txt", "");
    let run = env.run(&["add", "--strict", "in"]);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    assert!(run.stderr().contains("b.txt"), "{}", run.stderr());
}

#[test]
fn readding_a_file_updates_it_instead_of_duplicating() {
    let env = Env::new();
    let p = env.write("in/wire.txt", WIRE);
    assert_eq!(env.run(&["add", "in/wire.txt"]).code(), 0);
    let again = env.run(&["add", "in/wire.txt"]);
    assert!(
        again.stderr().contains("0 articles added, 1 unchanged"),
        "{}",
        again.stderr()
    );
    std::fs::write(&p, WIRE.replace("14 container ships", "16 container ships")).unwrap();
    let changed = env.run(&["add", "in/wire.txt"]);
    assert!(
        changed.stderr().contains("0 articles added, 1 updated"),
        "{}",
        changed.stderr()
    );
    let list = env.run(&["list", "--json"]).stdout();
    assert_eq!(list.lines().count(), 1);
    let shown = env.run(&["show", "a1", "--text"]).stdout();
    assert!(shown.contains("16 container ships"), "{shown}");
}

#[test]
fn identical_text_from_two_paths_is_two_articles_recognised_as_identical() {
    let env = Env::new();
    env.write("outlet-a/story.txt", WIRE);
    env.write("outlet-b/story.txt", WIRE);
    assert_eq!(env.run(&["add", "outlet-a", "outlet-b"]).code(), 0);
    let list = env.run(&["list", "--json"]).stdout();
    let hashes: Vec<String> = list
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["content_hash"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(hashes.len(), 2);
    assert_eq!(hashes[0], hashes[1]);
    let show = env.run(&["show", "a1"]).stdout();
    assert!(show.contains("identical  a2"), "{show}");
}

/// Runs `wiretrace add -` in `env` with `input` on stdin.
fn add_stdin(env: &Env, input: &str) -> crate::util::Run {
    use std::io::Write;
    let mut child = env
        .cmd()
        .args(["add", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    crate::util::Run(child.wait_with_output().unwrap())
}

fn listed_paths(env: &Env) -> Vec<String> {
    env.run(&["list", "--json"])
        .stdout()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["path"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn a_second_stdin_batch_adds_to_the_first_instead_of_replacing_it() {
    let env = Env::new();
    let rec = |id: Option<&str>, title: &str, town: &str| {
        let mut v =
            serde_json::json!({"title": title, "text": WIRE.replace("Port Ellery", town), "outlet": "Wire"});
        if let Some(id) = id {
            v["id"] = id.into();
        }
        v.to_string()
    };
    let first = format!(
        "{}\n{}\n",
        rec(Some("w-1"), "One", "Kelby"),
        rec(None, "Two", "Tarn")
    );
    let run = add_stdin(&env, &first);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let second = format!(
        "{}\n{}\n",
        rec(Some("w-3"), "Three", "Morrow"),
        rec(None, "Four", "Holt")
    );
    let run = add_stdin(&env, &second);
    assert!(run.stderr().contains("2 articles added"), "{}", run.stderr());
    let paths = listed_paths(&env);
    assert_eq!(paths.len(), 4, "{paths:?}");
    assert!(paths.contains(&"-#w-1".to_string()) && paths.contains(&"-#w-3".to_string()));
    // the same record again is the same article
    let run = add_stdin(&env, &first);
    assert!(
        run.stderr().contains("0 articles added, 2 unchanged"),
        "{}",
        run.stderr()
    );
}

#[test]
fn plain_text_on_stdin_is_one_article() {
    let env = Env::new();
    let run = add_stdin(&env, WIRE);
    let err = run.stderr();
    assert_eq!(run.code(), 0, "{err}");
    assert!(!err.contains("invalid json"), "{err}");
    assert!(err.contains("1 article added"), "{err}");
    let list = env.run(&["list", "--json"]).stdout();
    assert!(list.contains("Harbour cranes halted at Port Ellery"), "{list}");
    // a second text piped in is a second article
    add_stdin(&env, &WIRE.replace("Port Ellery", "Kelby"));
    assert_eq!(listed_paths(&env).len(), 2);
}

#[test]
fn one_file_by_relative_and_absolute_path_is_one_article() {
    let env = Env::new();
    let abs = env.write("in/wire.txt", WIRE);
    assert_eq!(env.run(&["add", "--no-analyze", "in/wire.txt"]).code(), 0);
    let again = env.run(&["add", "--no-analyze", abs.to_str().unwrap()]);
    assert!(
        again.stderr().contains("0 articles added, 1 unchanged"),
        "{}",
        again.stderr()
    );
    // and through the directory, with a detour
    let detour = env.run(&["add", "--no-analyze", "./in/../in"]);
    assert!(
        detour.stderr().contains("0 articles added, 1 unchanged"),
        "{}",
        detour.stderr()
    );
    assert_eq!(listed_paths(&env).len(), 1);
    for spec in [abs.to_str().unwrap(), "in/wire.txt", "./in/wire.txt"] {
        let show = env.run(&["show", spec, "--json"]);
        assert_eq!(show.code(), 0, "show {spec}: {}", show.stderr());
    }
}
