//! The read commands on an analysed example corpus.

use crate::util::{corpus, Env};

fn analysed() -> Env {
    let env = Env::new();
    let run = env.run(&["add", corpus().to_str().unwrap()]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    env
}

#[test]
fn diff_of_a_verbatim_repost_is_one_identical_passage() {
    let env = analysed();
    let run = env.run(&[
        "diff",
        "afp/2026-04-07-divers-find-merchant-ship-off-santa-vela.txt",
        "feeds/newsstack.jsonl#1",
        "--json",
    ]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let v = run.json();
    let passages = v["passages"].as_array().unwrap();
    assert!(!passages.is_empty());
    let identity = passages
        .iter()
        .map(|p| p["identity"].as_f64().unwrap())
        .fold(0.0, f64::max);
    assert!(identity > 0.95, "{v}");
    assert!(v["pair"]["similarity"].as_f64().unwrap() > 0.9);
    let text = env
        .run(&[
            "diff",
            "afp/2026-04-07-divers-find-merchant-ship-off-santa-vela.txt",
            "feeds/newsstack.jsonl#1",
        ])
        .stdout();
    assert!(text.contains("passage 1"), "{text}");
    assert!(text.contains('│'), "{text}");
}

#[test]
fn stories_table_and_story_tree_show_the_lineage() {
    let env = analysed();
    let table = env.run(&["stories"]);
    assert_eq!(table.code(), 0, "{}", table.stderr());
    assert!(table.stdout().lines().count() >= 4, "{}", table.stdout());
    let story = env
        .run(&[
            "story",
            "afp/2026-03-02-varessa-approves-water-pipeline.txt",
            "--json",
        ])
        .json();
    let members = story["members"].as_array().unwrap();
    assert!(members.len() >= 5, "{story}");
    assert!(members.iter().any(|m| m["source"].is_null()));
    let tree = env
        .run(&["story", "afp/2026-03-02-varessa-approves-water-pipeline.txt"])
        .stdout();
    assert!(tree.contains("└─"), "{tree}");
}

#[test]
fn explain_reports_the_changed_figure() {
    let env = analysed();
    let run = env.run(&[
        "explain",
        "coastline-daily/2026-03-03-varessa-water-pipeline-drought-north.md",
        "--json",
    ]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let v = run.json();
    let changes = v["changes"].as_array().unwrap();
    assert!(
        changes.iter().any(|c| c["kind"] == "number_changed"
            && c["before"].as_str().is_some_and(|b| b.contains("1.2"))
            && c["after"].as_str().is_some_and(|a| a.contains("1.4"))),
        "{v}"
    );
    // 2,200 km written as 1,367 miles is the same quantity, not a change.
    assert!(!changes
        .iter()
        .any(|c| c["kind"] == "number_changed" && c["after"].as_str().is_some_and(|a| a.contains("1,367"))));
}

#[test]
fn show_and_export_csv() {
    let env = analysed();
    let show = env.run(&["show", "a1"]);
    assert_eq!(show.code(), 0, "{}", show.stderr());
    assert!(show.stdout().contains("story"), "{}", show.stdout());
    let csv = env.run(&["export", "--format", "csv"]).stdout();
    assert_eq!(csv.lines().count(), 23);
    assert!(csv.starts_with("id,path,title"));
    assert_eq!(env.run(&["show", "a999"]).code(), 2);
}

#[test]
fn diff_compares_two_files_without_a_database() {
    let env = Env::new();
    let a = corpus().join("afp/2026-03-02-varessa-approves-water-pipeline.txt");
    let b = corpus().join("coastline-daily/2026-03-03-varessa-water-pipeline-drought-north.md");
    let run = env.run(&["diff", a.to_str().unwrap(), b.to_str().unwrap(), "--json"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let v = run.json();
    let p = &v["passages"][0];
    assert!(p["a_text"].as_str().unwrap().contains("$1.2bn"), "{v}");
    assert!(p["b_text"].as_str().unwrap().contains("$1.4bn"), "{v}");
    assert!(!env.db().exists(), "diff of two files must not create a database");
}

#[test]
fn quotes_lists_each_quotation_with_its_speaker_and_variants() {
    let env = analysed();
    // The mining-fine story has a quote altered in one version and passed on to a copy of it.
    let run = env.run(&[
        "quotes",
        "afp/2026-02-10-esterland-fines-kestrel-ridge-river-spill.txt",
        "--json",
    ]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let v = run.json();
    let groups = v["quotes"].as_array().unwrap();
    assert!(!groups.is_empty(), "{v}");
    assert!(groups.iter().any(|g| g["speaker"].is_string()), "{v}");
    let altered = groups
        .iter()
        .find(|g| g["variants"].as_array().unwrap().len() > 1)
        .expect("an altered quote");
    let wordings: Vec<&str> = altered["variants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["text"].as_str().unwrap())
        .collect();
    assert!(
        wordings.iter().any(|w| w.contains("balance sheet")),
        "{wordings:?}"
    );
    let text = env
        .run(&[
            "quotes",
            "afp/2026-02-10-esterland-fines-kestrel-ridge-river-spill.txt",
        ])
        .stdout();
    assert!(text.contains("(altered)"), "{text}");
}

#[test]
fn compare_gives_the_score_and_its_evidence_for_two_files() {
    let env = Env::new();
    let a = env.write(
        "en.txt",
        "Floods hit Marrowick\n\nFloodwater from the River Tessel forced 1,200 residents of Marrowick from their homes on Monday, mayor Elena Voss said.\n",
    );
    let b = env.write(
        "ru.txt",
        "Наводнение в Марровике\n\nПаводок на реке Тессел в понедельник вынудил 1 200 жителей Марровика покинуть свои дома, сообщила мэр Элена Восс.\n",
    );
    let run = env.run(&["compare", a.to_str().unwrap(), b.to_str().unwrap(), "--json"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let v = run.json();
    let s = &v["similarity"];
    assert!(s["story_similarity"].as_f64().unwrap() > 0.5, "{v}");
    let figures = s["shared"]["figure"].as_array().unwrap();
    assert!(figures.iter().any(|f| f == "1,200 / 1 200"), "{v}");
    let names = s["shared"]["name"].as_array().unwrap();
    assert!(names.iter().any(|n| n.as_str().unwrap().contains("Восс")), "{v}");
    let text = env.run(&["compare", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(text.stdout().contains("story similarity"), "{}", text.stdout());
    // The Russian and the English text share their names and their one figure.
    let kinds = &s["kind_cosines"];
    assert!(kinds["names"].as_f64().unwrap() > 0.2, "{v}");
    assert_eq!(kinds["facts"].as_f64().unwrap(), 1.0, "{v}");
    assert!(text.stdout().contains("by kind: names"), "{}", text.stdout());
    assert!(
        !env.db().exists(),
        "compare of two files must not create a database"
    );
}

/// The figure naming how much text two articles share, as `diff`, `explain` and `story` print it:
/// `N% of x's text is in y, M% of y's is in x`, cut out of the first line holding it.
fn shared_line(out: &str, x: &str, y: &str) -> String {
    figure_in(out, x, y).unwrap_or_else(|| panic!("no shared-text figure for {x}/{y} in:\n{out}"))
}

fn figure_in(text: &str, x: &str, y: &str) -> Option<String> {
    let at = text.find(&format!("% of {x}'s text is in {y}, "))?;
    let start = text[..at]
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |i| i + 1);
    let tail = format!("'s is in {x}");
    let end = at + text[at..].find(&tail)? + tail.len();
    Some(text[start..end].to_string())
}

#[test]
fn story_diff_and_explain_give_one_figure_for_one_pair() {
    let env = crate::util::Env::new();
    assert_eq!(
        env.run(&["add", crate::util::corpus().to_str().unwrap()]).code(),
        0
    );
    let export = env.run(&["export"]).json();
    let edge = export["stories"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["lineage"].as_array().unwrap().clone())
        .find(|e| e["source"].is_string())
        .expect("a story with a copy");
    let (copy, src) = (
        edge["article"].as_str().unwrap(),
        edge["source"].as_str().unwrap(),
    );
    let explain = shared_line(&env.run(&["explain", copy]).stdout(), copy, src);
    let diff = shared_line(&env.run(&["diff", copy, src]).stdout(), copy, src);
    let story = shared_line(&env.run(&["story", copy]).stdout(), copy, src);
    assert_eq!(explain, diff);
    assert_eq!(story, diff);
    // The lineage reason quotes the same figure, not lineage's own 3-gram shares.
    let reason = edge["reason"].as_str().unwrap();
    assert_eq!(figure_in(reason, copy, src), Some(diff), "{reason}");
}

#[test]
fn outlets_prints_the_report_as_text_json_and_csv() {
    let env = crate::util::Env::new();
    assert_eq!(
        env.run(&["add", crate::util::corpus().to_str().unwrap()]).code(),
        0
    );
    let v = env.run(&["outlets", "--json"]).json();
    let rows = v["outlets"].as_array().unwrap();
    let stack = rows
        .iter()
        .find(|r| r["outlet"] == "NewsStack")
        .expect("a NewsStack row");
    assert_eq!(stack["copies"], 3, "{v}");
    assert_eq!(stack["credited"], 3, "{v}");
    assert!(
        v["copies"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c[0] == "NewsStack" && c[1] == "afp"),
        "{v}"
    );
    let csv = env.run(&["outlets", "--csv"]).stdout();
    assert!(csv.starts_with("outlet,articles,originals,copies,"), "{csv}");
    assert_eq!(csv.lines().count(), rows.len() + 1, "{csv}");
    let text = env.run(&["outlets"]).stdout();
    assert!(text.contains("who copies whom"), "{text}");
    let story = env.run(&["story", "feeds/newsstack.jsonl#1", "--json"]).json();
    let copy = story["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["source"].is_string())
        .unwrap();
    assert_eq!(copy["credit"], "credited", "{story}");
}

/// A fictional wire for the inherited-drift test: B alters its quote and a figure, C copies B,
/// D copies B and restores the figure.
const DAM_WIRE: &str = "Engineers in Valdora said on Tuesday that the river dam would cost 240 million euros and take four years to finish, the largest public works project in the valley for a generation.\n\n\
The reservoir will supply water to 90,000 homes across the valley, the regional water board said in a statement issued after a meeting with the contractors.\n\n\
\"We will open the gates only when the spring floods have passed,\" said chief engineer Mira Castell, who has led the project since its first survey.\n\n\
Farmers downstream have asked for a study of how the dam will change the river's flow in summer, when their orchards need the most water.\n\n\
The board will publish its timetable next week, and public hearings are planned in three towns along the river before the first concrete is poured.";

#[test]
fn explain_names_where_inherited_drift_first_appeared() {
    let env = Env::new();
    let b = DAM_WIRE.replace("90,000 homes", "120,000 homes").replace(
        "only when the spring floods have passed",
        "as soon as the spring floods are over",
    );
    let d = b.replace("120,000 homes", "90,000 homes");
    for (name, outlet, hour, body) in [
        ("1-wire.md", "Valley Wire", 8, DAM_WIRE),
        ("2-b.md", "River Courier", 10, b.as_str()),
        ("3-c.md", "Daily Lantern", 12, b.as_str()),
        ("4-d.md", "Hill Gazette", 13, d.as_str()),
    ] {
        env.write(
            &format!("c/{name}"),
            format!("---\ntitle: Valdora dam costs\noutlet: {outlet}\ndate: 2026-03-10T{hour:02}:00:00Z\n---\n{body}\n"),
        );
    }
    let run = env.run(&["add", "c"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let c = env.run(&["explain", "c/3-c.md"]).stdout();
    assert!(c.contains("inherited drift (2)"), "{c}");
    assert!(c.contains("first seen in a2 River Courier"), "{c}");
    let d = env.run(&["explain", "c/4-d.md", "--json"]).json();
    let inherited = d["inherited"].as_array().unwrap();
    assert_eq!(inherited.len(), 1, "{d}");
    assert_eq!(inherited[0]["kind"], "quote_altered");
    assert_eq!(inherited[0]["article"], "a2");
    let b = env.run(&["explain", "c/2-b.md"]).stdout();
    assert!(b.contains("carried on by its copies a3, a4"), "{b}");
    // the story tree marks each copy's inherited drift
    let tree = env.run(&["story", "a1"]).stdout();
    assert!(
        tree.contains("keeps drift first seen in a2: quote_altered, number_changed"),
        "{tree}"
    );
    assert!(
        tree.contains("keeps drift first seen in a2: quote_altered\n"),
        "{tree}"
    );
    let story = env.run(&["story", "a1", "--json"]).json();
    let drift_of = |id: &str| {
        let members = story["members"].as_array().unwrap();
        let m = members.iter().find(|m| m["article"] == id).unwrap();
        m["inherited_drift"].as_array().unwrap().len()
    };
    assert_eq!(
        (drift_of("a2"), drift_of("a3"), drift_of("a4")),
        (0, 2, 1),
        "{story}"
    );
}
