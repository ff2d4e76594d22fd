//! Drift inherited down a lineage, end to end on fictional Markdown articles: the stored changes
//! keep `carried_by` through SQLite, and a copy's explain view names where its drift first appeared.

use wiretrace_engine::model::{ArticleId, ChangeKind};
use wiretrace_engine::{Config, Engine, Input, NoProgress};

const WIRE: &str = "Engineers in Valdora said on Tuesday that the river dam would cost 240 million euros and take four years to finish, the largest public works project in the valley for a generation.\n\n\
The reservoir will supply water to 90,000 homes across the valley, the regional water board said in a statement issued after a meeting with the contractors.\n\n\
\"We will open the gates only when the spring floods have passed,\" said chief engineer Mira Castell, who has led the project since its first survey.\n\n\
Farmers downstream have asked for a study of how the dam will change the river's flow in summer, when their orchards need the most water.\n\n\
The board will publish its timetable next week, and public hearings are planned in three towns along the river before the first concrete is poured.";

fn write(dir: &std::path::Path, name: &str, outlet: &str, hour: u32, body: &str) {
    let text = format!(
        "---\ntitle: Valdora dam to cost 240 million euros\noutlet: {outlet}\ndate: 2026-03-10T{hour:02}:00:00Z\n---\n{body}\n"
    );
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn a_copy_of_a_copy_names_where_its_drift_first_appeared_after_a_store_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let b = WIRE.replace("90,000 homes", "120,000 homes").replace(
        "only when the spring floods have passed",
        "as soon as the spring floods are over",
    );
    write(&corpus, "1-wire.md", "Valley Wire", 8, WIRE);
    write(&corpus, "2-b.md", "River Courier", 10, &b);
    write(&corpus, "3-c.md", "Daily Lantern", 12, &b);
    // D copies B but restores the wire's figure
    write(
        &corpus,
        "4-d.md",
        "Hill Gazette",
        13,
        &b.replace("120,000 homes", "90,000 homes"),
    );
    let db = dir.path().join("w.db");
    {
        let mut engine = Engine::open(&db, Config::default()).unwrap();
        engine.add(&[Input::Path(corpus.clone())], &NoProgress).unwrap();
        engine.analyze(&NoProgress).unwrap();
    }
    // a new connection reads what SQLite kept
    let engine = Engine::open(&db, Config::default()).unwrap();
    let id = |name: &str| engine.resolve(corpus.join(name).to_str().unwrap()).unwrap().id;
    let (a, b, c, d) = (id("1-wire.md"), id("2-b.md"), id("3-c.md"), id("4-d.md"));
    let story = engine.story_of(c).unwrap().unwrap();
    let src = |x: ArticleId| {
        story
            .lineage
            .iter()
            .find(|e| e.article == x)
            .and_then(|e| e.source)
    };
    assert_eq!(
        (src(b), src(c), src(d)),
        (Some(a), Some(b), Some(b)),
        "{story:#?}"
    );

    let export = engine.export(false).unwrap();
    let of_b = |k: ChangeKind| {
        export
            .changes
            .iter()
            .find(|ch| ch.article == b && ch.kind == k)
            .unwrap_or_else(|| panic!("no {k:?} in {:#?}", export.changes))
    };
    assert_eq!(of_b(ChangeKind::QuoteAltered).carried_by, vec![c, d]);
    assert_eq!(of_b(ChangeKind::NumberChanged).carried_by, vec![c]);

    let view = engine.explain_view(&c.to_string(), None).unwrap();
    let kinds: Vec<(ChangeKind, ArticleId)> = view.inherited.iter().map(|ch| (ch.kind, ch.article)).collect();
    assert!(kinds.contains(&(ChangeKind::QuoteAltered, b)), "{kinds:?}");
    assert!(kinds.contains(&(ChangeKind::NumberChanged, b)), "{kinds:?}");
    assert_eq!(kinds.len(), 2, "{kinds:?}");
    let view = engine.explain_view(&d.to_string(), None).unwrap();
    let kinds: Vec<ChangeKind> = view.inherited.iter().map(|ch| ch.kind).collect();
    assert_eq!(kinds, vec![ChangeKind::QuoteAltered]);
}
