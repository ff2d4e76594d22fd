//! The scenario sets of `testdata/`, each with the stories and parents a reader would give.

use std::collections::BTreeMap;

use crate::util::{by_path, expected, repo, run};

fn check(name: &str) -> crate::util::ByPath {
    let dir = repo(&format!("testdata/{name}"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let got = by_path(&run(&[files]), &dir);
    let want = expected(&dir);
    // Stories: two articles share a story exactly when the expectation says so.
    let mut want_members: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (p, (story, _)) in &want {
        want_members.entry(story.clone()).or_default().push(p.clone());
    }
    for (p, (story, parent)) in &want {
        let (members, source) = got
            .story
            .get(p)
            .unwrap_or_else(|| panic!("{name}: {p} not in any story"));
        let mut expect = want_members[story].clone();
        expect.sort();
        assert_eq!(members, &expect, "{name}: story of {p}");
        assert_eq!(source, parent, "{name}: source of {p}");
    }
    got
}

#[test]
fn an_independent_rewrite_joins_its_story() {
    check("independent-rewrite");
}

#[test]
fn same_topic_different_events_stay_apart() {
    check("same-topic-different-events");
}

#[test]
fn a_follow_up_is_linked_as_a_storyline_not_merged() {
    let got = check("follow-up");
    let dir = repo("testdata/follow-up");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let want = expected(&dir);
    for line in v["storylines"].as_array().unwrap() {
        let stories: Vec<&str> = line["stories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        let mut members: Vec<String> = want
            .iter()
            .filter(|(_, (s, _))| stories.contains(&s.as_str()))
            .map(|(p, _)| p.clone())
            .collect();
        members.sort();
        for m in &members {
            assert_eq!(got.storyline.get(m), Some(&members), "storyline of {m}");
        }
    }
}

#[test]
fn a_missing_common_source_makes_siblings_not_parent_and_child() {
    check("missing-common-source");
}

#[test]
fn lineage_is_found_without_dates() {
    check("missing-dates");
}
