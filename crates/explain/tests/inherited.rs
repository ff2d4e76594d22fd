//! Drift inherited down a lineage (`Change::carried_by`, `Change::same_drift_in`), on fictional
//! articles written for these tests.

use wiretrace_explain::{explain_corpus, Config};
use wiretrace_model::{Article, ArticleId, Change, ChangeKind, LineageEdge, Story, StoryId};

fn art(id: u32, text: &str) -> Article {
    let mut a = Article::new(format!("fixtures/{id}.txt"), text);
    a.id = ArticleId(id);
    a.language = Some("en".into());
    a
}

fn story(edges: &[(u32, Option<u32>)]) -> Story {
    Story {
        id: StoryId(1),
        articles: edges.iter().map(|(a, _)| ArticleId(*a)).collect(),
        storyline: None,
        lineage: edges
            .iter()
            .map(|(a, s)| LineageEdge {
                credit: None,
                article: ArticleId(*a),
                source: s.map(ArticleId),
                confidence: 1.0,
                reason: String::new(),
            })
            .collect(),
    }
}

fn drift(ch: &[Change], article: u32, kind: ChangeKind) -> Vec<&Change> {
    ch.iter()
        .filter(|c| c.article == ArticleId(article) && c.kind == kind)
        .collect()
}

const WIRE: &str = "Engineers in Valdora said on Tuesday that the river dam would cost 240 million euros and take four years to finish.\n\n\
The reservoir will supply water to 90,000 homes across the valley, the regional water board said.\n\n\
\"We will open the gates only when the spring floods have passed,\" said chief engineer Mira Castell.\n\n\
Farmers downstream have asked for a study of how the dam will change the river's flow in summer.\n\n\
The board will publish its timetable next week.";

/// B alters the quote and the figure of the wire A.
fn edited_by_b() -> String {
    WIRE.replace("90,000 homes", "120,000 homes").replace(
        "only when the spring floods have passed",
        "as soon as the spring floods are over",
    )
}

#[test]
fn a_copy_of_a_copy_carries_its_drift_and_a_restored_figure_is_not_carried() {
    let b_text = edited_by_b();
    // D copies B but restores the wire's figure (a fact-check correction).
    let d_text = b_text.replace("120,000 homes", "90,000 homes");
    let arts = vec![art(1, WIRE), art(2, &b_text), art(3, &b_text), art(4, &d_text)];
    let stories = vec![story(&[(1, None), (2, Some(1)), (3, Some(2)), (4, Some(2))])];
    let ch = explain_corpus(&Config::default(), &arts, &[], &stories);

    let quote = drift(&ch, 2, ChangeKind::QuoteAltered);
    assert_eq!(quote.len(), 1, "{ch:#?}");
    assert_eq!(quote[0].carried_by, vec![ArticleId(3), ArticleId(4)]);
    let figure = drift(&ch, 2, ChangeKind::NumberChanged);
    assert_eq!(figure.len(), 1, "{ch:#?}");
    assert_eq!(figure[0].after.as_deref(), Some("120,000"));
    assert_eq!(figure[0].carried_by, vec![ArticleId(3)]);
    // C's own changes against B are unchanged in meaning: it altered nothing itself
    assert!(ch.iter().all(|c| c.article != ArticleId(3)), "{ch:#?}");
    // D's own record shows the figure it restored against B, carried by nobody
    let restored = drift(&ch, 4, ChangeKind::NumberChanged);
    assert_eq!(restored.len(), 1, "{ch:#?}");
    assert_eq!(restored[0].after.as_deref(), Some("90,000"));
    assert!(restored[0].carried_by.is_empty());
    assert!(ch.iter().all(|c| c.same_drift_in.is_empty()), "{ch:#?}");
}

#[test]
fn inheritance_passes_only_through_copies_that_carry_it() {
    let b_text = edited_by_b();
    // C restores the quote; E copies C but its editor re-types B's wording from elsewhere.
    let c_text = b_text.replace(
        "as soon as the spring floods are over",
        "only when the spring floods have passed",
    );
    let arts = vec![art(1, WIRE), art(2, &b_text), art(3, &c_text), art(5, &b_text)];
    let stories = vec![story(&[(1, None), (2, Some(1)), (3, Some(2)), (5, Some(3))])];
    let ch = explain_corpus(&Config::default(), &arts, &[], &stories);
    let quote = drift(&ch, 2, ChangeKind::QuoteAltered);
    assert_eq!(quote.len(), 1, "{ch:#?}");
    // E did not inherit it from B through C (C has the wire's wording): E's own change shows it
    assert!(quote[0].carried_by.is_empty(), "{ch:#?}");
    assert_eq!(drift(&ch, 5, ChangeKind::QuoteAltered).len(), 1, "{ch:#?}");
}

#[test]
fn siblings_with_the_same_drift_name_each_other_not_a_first_appearance() {
    // Two renderings of a dispatch missing from the corpus both carry its altered quote; the
    // lineage can only place both under the wire.
    let b_text = edited_by_b();
    let c_text = b_text.replace("Farmers downstream", "Growers downstream");
    let arts = vec![art(1, WIRE), art(2, &b_text), art(3, &c_text)];
    let stories = vec![story(&[(1, None), (2, Some(1)), (3, Some(1))])];
    let ch = explain_corpus(&Config::default(), &arts, &[], &stories);
    let b_quote = drift(&ch, 2, ChangeKind::QuoteAltered);
    let c_quote = drift(&ch, 3, ChangeKind::QuoteAltered);
    assert_eq!((b_quote.len(), c_quote.len()), (1, 1), "{ch:#?}");
    assert!(b_quote[0].carried_by.is_empty() && c_quote[0].carried_by.is_empty());
    assert_eq!(b_quote[0].same_drift_in, vec![ArticleId(3)]);
    assert_eq!(c_quote[0].same_drift_in, vec![ArticleId(2)]);
}
