//! `wiretrace stage …`: the JSON-lines stage commands a Spark job pipes partitions through.

use std::io::Write;
use std::process::Stdio;

use crate::util::{corpus, Env};

fn pipe(env: &Env, stage: &str, input: &str) -> String {
    let mut child = env
        .cmd()
        .args(["stage", stage])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "stage {stage}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn extract_then_pairs_then_cluster_run_as_json_lines() {
    let env = Env::new();
    let files = [
        "afp/2026-04-07-divers-find-merchant-ship-off-santa-vela.txt",
        "morning-tide/2026-04-08-ancient-shipwreck-found-off-santa-vela.txt",
        "continental-post/2026-03-05-tarragal-capital-water-rationing.txt",
    ];
    let paths: String = files
        .iter()
        .map(|f| format!("{}\n", serde_json::json!({"path": corpus().join(f)})))
        .collect();
    let articles = pipe(&env, "extract", &paths);
    assert_eq!(articles.lines().count(), 3);
    // Give ids as a driver would, then find pairs within the partition.
    let numbered: Vec<String> = articles
        .lines()
        .enumerate()
        .map(|(i, l)| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["id"] = format!("a{}", i + 1).into();
            v.to_string()
        })
        .collect();
    let pairs = pipe(&env, "pairs", &(numbered.join("\n") + "\n"));
    let pairs: Vec<serde_json::Value> = pairs.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(pairs.len(), 1, "only the wire and its copy share text: {pairs:?}");
    assert_eq!(
        (pairs[0]["a"].as_str(), pairs[0]["b"].as_str()),
        (Some("a1"), Some("a2"))
    );
    let mut tagged: Vec<String> = numbered
        .iter()
        .map(|a| format!("{{\"type\":\"article\",\"data\":{a}}}"))
        .collect();
    tagged.push(format!("{{\"type\":\"pair\",\"data\":{}}}", pairs[0]));
    let stories = pipe(&env, "cluster", &(tagged.join("\n") + "\n"));
    let stories: Vec<serde_json::Value> = stories
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(stories.len(), 2);
    let big = stories
        .iter()
        .find(|s| s["articles"].as_array().unwrap().len() == 2)
        .unwrap();
    let copy = big["lineage"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["article"] == "a2")
        .unwrap();
    assert_eq!(copy["source"], "a1");
}

#[test]
fn a_malformed_line_is_an_error_naming_the_line() {
    let env = Env::new();
    let mut child = env
        .cmd()
        .args(["stage", "align"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"\n{\"a\": 1}\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("line 2"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn similarity_scores_each_pair_in_input_order() {
    let env = Env::new();
    let report = "Floodwater from the River Tessel forced 1,200 residents of Marrowick from their homes on Monday, mayor Elena Voss said.";
    let translation = "Las crecidas del río Tessel obligaron el lunes a 1.200 vecinos de Marrowick a abandonar sus hogares, según la alcaldesa Elena Voss.";
    let unrelated = "The central bank of Osterland kept its main interest rate at 4.5% on Thursday, citing slowing inflation in services.";
    let job = |id: &str, a: &str, la: &str, b: &str, lb: &str| {
        serde_json::json!({"id": id, "a": {"text": a, "language": la}, "b": {"text": b, "language": lb, "published": "2026-03-02"}})
            .to_string()
    };
    let input = [
        job("same", report, "en", translation, "es"),
        job("other", report, "en", unrelated, "en"),
    ]
    .join("\n");
    let out = pipe(&env, "similarity", &input);
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert_eq!(lines[0]["id"], "same");
    assert_eq!(lines[1]["id"], "other");
    let (same, other) = (
        lines[0]["story_similarity"].as_f64().unwrap(),
        lines[1]["story_similarity"].as_f64().unwrap(),
    );
    assert!(same > 0.5 && other < 0.2, "{out}");
}

#[test]
fn extract_takes_plain_paths_and_gives_distinct_ids_that_align_keeps() {
    let env = Env::new();
    let files = [
        "afp/2026-04-07-divers-find-merchant-ship-off-santa-vela.txt",
        "morning-tide/2026-04-08-ancient-shipwreck-found-off-santa-vela.txt",
    ];
    let plain: String = files
        .iter()
        .map(|f| format!("{}\n", corpus().join(f).display()))
        .collect();
    let out = pipe(&env, "extract", &plain);
    let articles: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(articles.len(), 2, "{out}");
    assert_eq!(
        (articles[0]["id"].as_str(), articles[1]["id"].as_str()),
        (Some("a1"), Some("a2"))
    );
    let job = serde_json::json!({"a": articles[0], "b": articles[1]});
    let pair: serde_json::Value =
        serde_json::from_str(pipe(&env, "align", &format!("{job}\n")).trim()).unwrap();
    assert_eq!((pair["a"].as_str(), pair["b"].as_str()), (Some("a1"), Some("a2")));
    // one id twice is refused, not paired with itself
    let same = serde_json::json!({"a": articles[0], "b": articles[0]});
    let out = pipe(&env, "align", &format!("{same}\n"));
    assert!(out.contains("\"error\"") && out.contains("distinct ids"), "{out}");
}
