use crate::util::{corpus, Env};

#[test]
fn trace_on_the_example_corpus_exports_every_article_with_metadata() {
    let env = Env::new();
    let out = env.path("export.json");
    let run = env.run(&[
        "trace",
        corpus().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert!(
        run.stderr().contains("22 articles added, 0 skipped"),
        "{}",
        run.stderr()
    );
    let export: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(export["version"], 1);
    let articles = export["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 22);
    let by_suffix = |s: &str| {
        articles
            .iter()
            .find(|a| a["path"].as_str().unwrap().ends_with(s))
            .unwrap_or_else(|| panic!("no article {s}"))
    };
    let html = by_suffix("harbour-ledger/2026-03-02-varessa-bets-on-desalination-pipeline.html");
    assert!(html["title"].as_str().is_some_and(|t| !t.is_empty()));
    assert!(html["outlet"].as_str().is_some());
    assert!(html["published"]
        .as_str()
        .is_some_and(|p| p.starts_with("2026-03-02")));
    let rec = by_suffix("feeds/newsstack.jsonl#2");
    assert!(rec["title"].as_str().is_some());
    let item = by_suffix("feeds/riverbend-courier.xml#0");
    assert!(item["published"].as_str().is_some());
    let es = by_suffix("el-heraldo-de-calanda/2026-03-03-varessa-aprueba-acueducto-norte.txt");
    assert_eq!(es["language"], "es");
    let undated = by_suffix("ore-metal-report/undated-kestrel-ridge-spill-fine.txt");
    assert!(undated["published"].is_null());
    // The export is deterministic: a second run gives the same bytes.
    let out2 = env.path("export2.json");
    env.run(&[
        "trace",
        corpus().to_str().unwrap(),
        "--out",
        out2.to_str().unwrap(),
    ]);
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&out2).unwrap());
}

#[test]
fn trace_groups_versions_and_finds_their_sources() {
    let env = Env::new();
    let out = env.path("export.json");
    let run = env.run(&[
        "trace",
        corpus().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let export: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let path_of = |id: &str| -> String {
        let a = export["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .unwrap();
        a["path"]
            .as_str()
            .unwrap()
            .rsplit("corpus/")
            .next()
            .unwrap()
            .to_string()
    };
    let mut source_of = std::collections::BTreeMap::new();
    let mut story_of = std::collections::BTreeMap::new();
    for s in export["stories"].as_array().unwrap() {
        for e in s["lineage"].as_array().unwrap() {
            let art = path_of(e["article"].as_str().unwrap());
            source_of.insert(art.clone(), e["source"].as_str().map(path_of));
            story_of.insert(art, s["id"].as_str().unwrap().to_string());
        }
    }
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(crate::util::corpus().join("../expected.json")).unwrap(),
    )
    .unwrap();
    let gold = expected["articles"].as_array().unwrap();
    let mut same_story_ok = 0;
    let mut parents_ok = 0;
    for a in gold {
        let p = a["path"].as_str().unwrap();
        if let Some(parent) = a["parent"].as_str() {
            if story_of.get(p) == story_of.get(parent) {
                same_story_ok += 1;
            }
            if source_of.get(p).cloned().flatten().as_deref() == Some(parent) {
                parents_ok += 1;
            }
        }
    }
    let derived = gold.iter().filter(|a| a["parent"].is_string()).count();
    assert_eq!(
        same_story_ok, derived,
        "every version must share its source's story"
    );
    assert!(
        parents_ok * 10 >= derived * 8,
        "parents right: {parents_ok}/{derived}"
    );
    // The distractor (same topic, another event) stands alone.
    let distractor = "continental-post/2026-03-05-tarragal-capital-water-rationing.txt";
    let pipeline = "afp/2026-03-02-varessa-approves-water-pipeline.txt";
    assert_ne!(story_of.get(distractor), story_of.get(pipeline));
}

#[test]
fn trace_keeps_its_results_in_the_database_db_names_and_else_in_none() {
    let env = Env::new();
    assert!(!env.db().exists());
    let run = env.run(&["trace", corpus().to_str().unwrap()]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert!(env.db().exists(), "--db must name the database trace keeps");
    let stories = env.run(&["stories", "--json"]).json();
    assert!(!stories.as_array().unwrap().is_empty());

    // Without --db (or WIRETRACE_DB) trace uses a temporary database and leaves none behind.
    let bare = Env::new();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wiretrace"))
        .current_dir(bare.dir.path())
        .env_remove("WIRETRACE_DB")
        .args(["trace", "-q", corpus().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!bare.path("wiretrace.db").exists());

    let clash = env.run(&["trace", corpus().to_str().unwrap(), "--keep-db", "other.db"]);
    assert_eq!(clash.code(), 2, "two databases named: a usage error");
}
