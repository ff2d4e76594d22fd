//! The read-side views on the example corpus: list queries, facets, one story, one article,
//! a comparison, and not-found errors.

use wiretrace_engine::views::{Credit, StoryQuery, StorySort};
use wiretrace_engine::{Config, Engine, Error, Input, NoProgress};

use crate::util::repo;

fn analysed() -> (tempfile::TempDir, Engine) {
    let dir = tempfile::tempdir().unwrap();
    let mut engine = Engine::open(&dir.path().join("w.db"), Config::default()).unwrap();
    engine
        .add(&[Input::Path(repo("examples/corpus"))], &NoProgress)
        .unwrap();
    engine.analyze(&NoProgress).unwrap();
    (dir, engine)
}

#[test]
fn the_story_list_filters_by_facets_sorts_and_pages() {
    let (_dir, engine) = analysed();
    let all = engine.story_list(&StoryQuery::default()).unwrap();
    assert!(all.total >= 3, "{all:?}");
    assert!(
        all.rows.windows(2).all(|w| w[0].size >= w[1].size),
        "largest first"
    );
    let spanish = all
        .facets
        .languages
        .iter()
        .find(|f| f.value == "es")
        .expect("a Spanish version in the corpus");
    let q = StoryQuery {
        language: Some("es".into()),
        ..Default::default()
    };
    let es = engine.story_list(&q).unwrap();
    assert_eq!(es.total, spanish.count);
    assert!(es.total < all.total);
    assert!(es.rows.iter().all(|r| r.languages.iter().any(|l| l == "es")));
    let paged = engine
        .story_list(&StoryQuery {
            per_page: 1,
            page: 2,
            sort: StorySort::Id,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(paged.rows.len(), 1);
    assert_eq!(paged.rows[0].id, {
        let mut ids: Vec<_> = all.rows.iter().map(|r| r.id).collect();
        ids.sort();
        ids[1]
    });
    let month = &all.facets.months[0].value;
    let dated = engine
        .story_list(&StoryQuery {
            date: Some(month.clone()),
            ..Default::default()
        })
        .unwrap();
    assert!(dated.total >= 1 && dated.total <= all.total);
    let none = engine
        .story_list(&StoryQuery {
            q: Some("zzzunheardofword".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(none.total, 0);
}

#[test]
fn story_article_and_comparison_views_hold_lineage_passages_and_differences() {
    let (_dir, engine) = analysed();
    let row = engine.story_list(&StoryQuery::default()).unwrap().rows[0].clone();
    let story = engine.story_view(&row.id.to_string()).unwrap();
    assert_eq!(story.members.len(), row.size);
    assert_eq!(
        story
            .members
            .iter()
            .filter(|m| m.credit == Credit::Origin)
            .count(),
        story.members.iter().filter(|m| m.source.is_none()).count()
    );
    let copy = story
        .members
        .iter()
        .find(|m| m.similarity.is_some())
        .expect("a copy sharing text with its source");
    let article = engine.article_view(&copy.article.id.to_string()).unwrap();
    assert_eq!(article.source.as_ref().map(|s| s.id), copy.source);
    let from_source: Vec<_> = article.passages.iter().filter(|p| p.from_source).collect();
    assert!(!from_source.is_empty());
    let chars = article.text.chars().count() as u32;
    assert!(article.passages.iter().all(|p| p.span.end <= chars));
    let cmp = engine
        .compare_specs(&copy.source.unwrap().to_string(), &copy.article.id.to_string())
        .unwrap();
    assert_eq!(cmp.a.id, copy.source.unwrap());
    assert!(!cmp.passages.is_empty());
    for p in &cmp.passages {
        let joined: String = p.b_pieces.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(joined, p.b_text, "pieces cover the passage exactly");
    }
    assert!(matches!(engine.story_view("s99999"), Err(Error::NotFound(_))));
    assert!(matches!(engine.article_view("a99999"), Err(Error::NotFound(_))));
}

#[test]
fn the_outlet_report_matches_the_truth_written_for_the_example_corpus() {
    let (_dir, engine) = analysed();
    let report = engine.outlets_view().unwrap();
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo("examples/expected.json")).unwrap()).unwrap();
    let truth = expected["outlets"].as_array().unwrap();
    assert_eq!(report.outlets.len(), truth.len(), "{report:#?}");
    for t in truth {
        let name = t["outlet"].as_str().unwrap();
        let row = report
            .outlets
            .iter()
            .find(|r| r.outlet == name)
            .unwrap_or_else(|| panic!("no row for {name}: {report:#?}"));
        let n = |k: &str| t[k].as_u64().unwrap() as usize;
        assert_eq!(
            (row.articles, row.originals, row.copies),
            (n("articles"), n("originals"), n("copies")),
            "{name}"
        );
        assert_eq!(
            (row.credited, row.uncredited, row.credit_removed),
            (n("credited"), n("uncredited"), n("credit_removed")),
            "{name}"
        );
        let mut sources: Vec<(String, usize)> = t["sources"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_u64().unwrap() as usize))
            .collect();
        let mut got = row.sources.clone();
        sources.sort();
        got.sort();
        assert_eq!(got, sources, "{name}");
    }
    let wire = report.outlets.iter().find(|r| r.outlet == "NewsStack").unwrap();
    assert!(wire.median_latency_minutes.is_some_and(|m| m > 0), "{wire:?}");
    // Every copy keeps its AFP credit line: the export marks each one credited.
    let export = engine.export(false).unwrap();
    let copies: Vec<_> = export
        .stories
        .iter()
        .flat_map(|s| &s.lineage)
        .filter(|e| e.source.is_some())
        .collect();
    assert!(!copies.is_empty());
    assert!(
        copies
            .iter()
            .all(|e| e.credit == Some(wiretrace_engine::model::CreditStatus::Credited)),
        "{copies:?}"
    );
}
