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
    assert!(
        err.contains("bad.jsonl#1") || err.contains("bad.jsonl: invalid json at line 2"),
        "{err}"
    );
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

#[test]
fn jsonl_on_stdin_is_read_with_record_paths() {
    use std::io::Write;
    let env = Env::new();
    let mut child = env
        .cmd()
        .args(["add", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let line = serde_json::json!({"title": "Cranes halted", "text": WIRE, "outlet": "Wire", "published": "2026-03-02T10:00:00Z"});
    writeln!(child.stdin.take().unwrap(), "{line}\n{line}").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let list = env.run(&["list", "--json"]).stdout();
    let paths: Vec<String> = list
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["path"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(paths, ["-#0", "-#1"]);
}
