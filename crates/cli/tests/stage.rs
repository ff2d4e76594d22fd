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

/// Records as JSON values, one per line.
fn values(out: &str) -> Vec<serde_json::Value> {
    out.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn lines(values: &[serde_json::Value]) -> String {
    values.iter().map(|v| format!("{v}\n")).collect()
}

/// Runs the scale-out stages one after the other in this process (as the Spark driver does across
/// a cluster, minus the shuffle, which `stage pairs` does in one piece) and writes the final
/// records under `dir` as the driver does: articles, pairs, stories, changes.
fn staged_run(env: &Env, input: &std::path::Path, dir: &std::path::Path) {
    let files = values(&pipe(env, "discover", &format!("{}\n", input.display())));
    assert!(files.iter().all(|f| f.get("error").is_none()), "{files:?}");
    let indices: Vec<u64> = files.iter().map(|f| f["index"].as_u64().unwrap()).collect();
    assert_eq!(indices, (0..files.len() as u64).collect::<Vec<_>>());
    let paths: Vec<serde_json::Value> = files
        .iter()
        .map(|f| serde_json::json!({"path": f["file"]}))
        .collect();
    // Extract file by file, in discover order: the order the store numbers articles in.
    let mut articles = values(&pipe(env, "extract", &lines(&paths)));
    for (i, a) in articles.iter_mut().enumerate() {
        a["id"] = format!("a{}", i + 1).into();
    }
    let sketches = values(&pipe(env, "sketch", &lines(&articles)));
    assert_eq!(sketches.len(), articles.len());
    let pairs = values(&pipe(env, "pairs", &lines(&articles)));
    let tagged: Vec<serde_json::Value> = articles
        .iter()
        .map(|a| serde_json::json!({"type": "article", "data": a}))
        .chain(
            pairs
                .iter()
                .map(|p| serde_json::json!({"type": "pair", "data": p})),
        )
        .collect();
    let analysis = values(&pipe(env, "analyze", &lines(&tagged)));
    let of = |t: &str| -> Vec<serde_json::Value> {
        analysis
            .iter()
            .filter(|r| r["type"] == t)
            .map(|r| r["data"].clone())
            .collect()
    };
    std::fs::create_dir_all(dir.join("stories")).unwrap();
    std::fs::write(dir.join("articles.jsonl"), lines(&articles)).unwrap();
    // The reuse pairs and the anchored pairs (translations) the analysis found in its stories.
    let all_pairs: Vec<serde_json::Value> = pairs.iter().cloned().chain(of("pair")).collect();
    std::fs::write(dir.join("pairs.jsonl"), lines(&all_pairs)).unwrap();
    // A directory of Spark part files for one set, with Spark's marker file.
    std::fs::write(dir.join("stories/part-00000"), lines(&of("story"))).unwrap();
    std::fs::write(dir.join("stories/_SUCCESS"), "").unwrap();
    std::fs::write(dir.join("changes.jsonl"), lines(&of("change"))).unwrap();
}

#[test]
fn the_stages_then_import_give_the_export_trace_gives() {
    let env = Env::new();
    let trace = env.run(&[
        "--quiet",
        "trace",
        corpus().to_str().unwrap(),
        "--out",
        "trace.json",
    ]);
    assert_eq!(trace.code(), 0, "{}", trace.stderr());
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(env.path("trace.json")).unwrap()).unwrap();
    let final_dir = env.path("final");
    staged_run(&env, &corpus(), &final_dir);
    // A second environment: its own new database.
    let spark = Env::new();
    let import = spark.run(&["import", final_dir.to_str().unwrap()]);
    assert_eq!(import.code(), 0, "{}", import.stderr());
    assert!(
        import.stdout().contains("imported 22 articles"),
        "{}",
        import.stdout()
    );
    let export = spark.run(&["export", "-o", "spark.json"]);
    assert_eq!(export.code(), 0, "{}", export.stderr());
    let got: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(spark.path("spark.json")).unwrap()).unwrap();
    for set in ["articles", "pairs", "stories", "changes"] {
        assert!(!expected[set].as_array().unwrap().is_empty(), "{set} empty");
        assert_eq!(got[set], expected[set], "{set} differ");
    }
    // The read commands work on the imported store.
    let story = spark.run(&["story", "s1", "--json"]);
    assert_eq!(story.code(), 0, "{}", story.stderr());
    // A second import into the same store is refused: ids would no longer match.
    let again = spark.run(&["import", final_dir.to_str().unwrap()]);
    assert_ne!(again.code(), 0);
    assert!(again.stderr().contains("new database"), "{}", again.stderr());
}

#[test]
fn grade_marks_a_whole_copy_strong_and_common_shared_text_weak() {
    let env = Env::new();
    let tail = "Officials in the coastal district of Verrano said on Friday that the new breakwater, \
        built over three winters at a cost of 31 million euros, had already halved flood damage in the harbour.";
    let a = serde_json::json!({"id": "a1", "path": "x.txt", "text": tail});
    let b = serde_json::json!({"id": "a2", "path": "y.txt", "text": tail});
    let out = values(&pipe(
        &env,
        "grade",
        &format!(
            "{}\n",
            serde_json::json!({"a": b, "b": a, "df": [], "max_df": 20})
        ),
    ));
    assert_eq!(out.len(), 1, "{out:?}");
    assert_eq!(out[0]["strong"], true);
    assert_eq!(
        (out[0]["pair"]["a"].as_str(), out[0]["pair"]["b"].as_str()),
        (Some("a1"), Some("a2"))
    );
    // The same sentence at the foot of two long unrelated articles, carried by many articles of the
    // corpus (every fingerprint at the cap): a pair, but not one that stands on its own.
    let orchard = "Volunteers at the Lowmoor community orchard planted forty heritage apple trees this \
        spring, donated by a retired nurseryman who spent three decades collecting rare local varieties. \
        Schoolchildren labelled every tree, and the parish council has promised a small grant for fencing, \
        benches and a shed where tools can be kept dry through the wet months. The first harvest festival \
        is planned for two years from now, when the youngest trees should bear their first fruit.";
    let buses = "The regional transport authority published a new winter timetable for the valley bus \
        routes, adding early departures for hospital staff and cutting two late services that carried \
        fewer than five passengers a night. Drivers will use a second depot near the quarry road, and \
        ticket machines at the market square are being replaced after repeated faults during the autumn. \
        Passenger groups welcomed the early buses but asked for the evening cuts to be reviewed.";
    let a = serde_json::json!({"id": "a1", "path": "x.txt", "text": format!("{orchard}\n\n{tail}")});
    let b = serde_json::json!({"id": "a2", "path": "y.txt", "text": format!("{buses}\n\n{tail}")});
    let sketches = values(&pipe(&env, "sketch", &lines(&[a.clone(), b.clone()])));
    let df: Vec<(u64, u32)> = sketches
        .iter()
        .flat_map(|s| {
            s["fingerprints"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| (f.as_u64().unwrap() >> 24, 20))
        })
        .collect();
    let out = values(&pipe(
        &env,
        "grade",
        &format!(
            "{}\n",
            serde_json::json!({"a": a, "b": b, "df": df, "max_df": 20})
        ),
    ));
    assert_eq!(out.len(), 1, "the shared sentence still aligns: {out:?}");
    assert_eq!(out[0]["strong"], false, "{out:?}");
}

#[test]
fn settings_give_the_df_cap_for_a_corpus_size() {
    let env = Env::new();
    let out = values(&pipe(
        &env,
        "settings",
        "{\"articles\": 1000}\n{\"articles\": 10}\n",
    ));
    assert_eq!(out[0]["max_df"], 50);
    assert_eq!(out[1]["max_df"], 20);
    assert_eq!(out[0]["reuse"]["max_candidates"], 8);
    assert_eq!(out[0]["fingerprint_key_shift"], 24);
}

fn pipe_args(env: &Env, args: &[&str], input: &str) -> String {
    let mut child = env
        .cmd()
        .arg("stage")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "stage {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `SHARD<TAB>items` bundles → each shard's input (the items lines), as a Spark shuffle delivers them.
fn shuffle(bundles: &str, shards: usize) -> Vec<String> {
    let mut parts = vec![String::new(); shards];
    for line in bundles.lines() {
        let (shard, items) = line.split_once('\t').unwrap();
        let shard: usize = shard.parse().unwrap();
        assert!(shard < shards, "{shard} of {shards}");
        parts[shard] += &format!("{items}\n");
    }
    parts
}

/// The candidate stages over `shards` partitions, as the Spark driver chains them: `(i, j)` positions.
fn staged_candidates(env: &Env, sketches: &[serde_json::Value], shards: usize) -> Vec<(u64, u64)> {
    let n = sketches.len().to_string();
    let s = shards.to_string();
    // Sketches split over two input partitions.
    let (x, y) = sketches.split_at(sketches.len() / 2);
    let postings: String = [x, y]
        .iter()
        .map(|part| pipe_args(env, &["postings", "--shards", &s], &lines(part)))
        .collect();
    let evidence: String = shuffle(&postings, shards)
        .iter()
        .map(|part| pipe_args(env, &["pair-counts", "--shards", &s, "--articles", &n], part))
        .collect();
    let sizes: Vec<String> = sketches
        .iter()
        .map(|k| k["fingerprints"].as_array().unwrap().len().to_string())
        .collect();
    let header = format!("sizes\t{}\n", sizes.join(" "));
    let offers: String = shuffle(&evidence, shards)
        .iter()
        .map(|part| pipe_args(env, &["offers", "--shards", &s], &(header.clone() + part)))
        .collect();
    let mut kept: Vec<(u64, u64)> = shuffle(&offers, shards)
        .iter()
        .flat_map(|part| values(&pipe_args(env, &["top-k"], part)))
        .map(|p| (p[0].as_u64().unwrap(), p[1].as_u64().unwrap()))
        .collect();
    kept.sort_unstable();
    kept.dedup();
    kept
}

#[test]
fn candidate_stages_give_the_same_pairs_however_sharded_and_cover_every_reuse_pair() {
    let env = Env::new();
    let files = values(&pipe(&env, "discover", &format!("{}\n", corpus().display())));
    let paths: Vec<serde_json::Value> = files
        .iter()
        .map(|f| serde_json::json!({"path": f["file"]}))
        .collect();
    let mut articles = values(&pipe(&env, "extract", &lines(&paths)));
    for (i, a) in articles.iter_mut().enumerate() {
        a["id"] = format!("a{}", i + 1).into();
    }
    let sketches = values(&pipe(&env, "sketch", &lines(&articles)));
    let one = staged_candidates(&env, &sketches, 1);
    assert!(!one.is_empty());
    assert!(one.iter().all(|(i, j)| i < j && (*j as usize) < articles.len()));
    for shards in [3, 5] {
        assert_eq!(staged_candidates(&env, &sketches, shards), one, "{shards} shards");
    }
    // Every pair `trace` reports was a candidate.
    let pos = |v: &serde_json::Value| v.as_str().unwrap()[1..].parse::<u64>().unwrap() - 1;
    let pairs = values(&pipe(&env, "pairs", &lines(&articles)));
    assert!(!pairs.is_empty());
    for p in &pairs {
        assert!(one.contains(&(pos(&p["a"]), pos(&p["b"]))), "{p}");
    }
}

#[test]
fn offers_needs_the_sizes_first() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["stage", "offers"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = out;
    out.stdin.take().unwrap().write_all(b"0,1,2,2048,0,0\n").unwrap();
    let res = out.wait_with_output().unwrap();
    assert!(!res.status.success());
    assert!(String::from_utf8_lossy(&res.stderr).contains("sizes"));
}

#[test]
fn df_lists_give_each_article_the_df_of_its_shared_fingerprints() {
    let env = Env::new();
    let text = |words: &str| serde_json::json!({"id": "", "path": "x.txt", "text": words});
    let shared = "The harbour master of Port Elvane said on Tuesday that the northern pier would \
        reopen to fishing boats next month after repairs to its storm-damaged decking were finished.";
    let mut articles = vec![
        text(&format!("{shared} Crews worked through the night.")),
        text(&format!("Pier to reopen. {shared}")),
        text(
            "A choir from the valley villages sang at the cathedral on Sunday evening, raising money \
            for a new organ and for repairs to the bell tower roof that leaks in every winter storm.",
        ),
    ];
    for (i, a) in articles.iter_mut().enumerate() {
        a["id"] = format!("a{}", i + 1).into();
        a["path"] = format!("{i}.txt").into();
    }
    let sketches = values(&pipe(&env, "sketch", &lines(&articles)));
    // Expected: every fingerprint key held by two or more articles, with its df.
    let mut holders: std::collections::BTreeMap<u64, std::collections::BTreeSet<u64>> = Default::default();
    for (pos, s) in sketches.iter().enumerate() {
        for f in s["fingerprints"].as_array().unwrap() {
            holders
                .entry(f.as_u64().unwrap() >> 24)
                .or_default()
                .insert(pos as u64);
        }
    }
    let mut want: Vec<(u64, Vec<(u64, u64)>)> = Vec::new();
    for pos in 0..3u64 {
        let list: Vec<(u64, u64)> = holders
            .iter()
            .filter(|(_, h)| h.len() >= 2 && h.contains(&pos))
            .map(|(k, h)| (*k, h.len() as u64))
            .collect();
        if !list.is_empty() {
            want.push((pos, list));
        }
    }
    assert_eq!(want.iter().map(|w| w.0).collect::<Vec<_>>(), [0, 1]);
    let shards = 3;
    let postings = pipe_args(&env, &["postings", "--shards", "3"], &lines(&sketches));
    let dfs: String = shuffle(&postings, shards)
        .iter()
        .map(|part| pipe_args(&env, &["holder-dfs", "--shards", "3"], part))
        .collect();
    let mut got: Vec<(u64, Vec<(u64, u64)>)> = shuffle(&dfs, shards)
        .iter()
        .flat_map(|part| values(&pipe_args(&env, &["df-lists"], part)))
        .map(|r| {
            let list = r[1]
                .as_array()
                .unwrap()
                .iter()
                .map(|kd| (kd[0].as_u64().unwrap(), kd[1].as_u64().unwrap()))
                .collect();
            (r[0].as_u64().unwrap(), list)
        })
        .collect();
    got.sort();
    assert_eq!(got, want);
}
