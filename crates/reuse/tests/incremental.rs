//! Incremental runs: only pairs touching new articles are computed.

use wiretrace_model::ArticleId;
use wiretrace_reuse::{find_pairs, Config};

use crate::fixtures::*;

fn corpus() -> Vec<wiretrace_model::Article> {
    vec![
        article(1, WIRE_FLOOD),
        article(2, format!("Update\n\n{WIRE_FLOOD}")),
        article(3, ES_WIRE),
        article(4, format!("{ES_WIRE}\n\nCon información de agencias.")),
        article(5, WIRE_FLOOD.replace("Tuesday", "Monday")),
    ]
}

#[test]
fn only_pairs_touching_new_articles_are_returned() {
    let all = find_pairs(&Config::default(), &corpus(), &|_| true);
    assert_eq!(ids(&all), [(1, 2), (1, 5), (2, 5), (3, 4)]);
    let new5 = find_pairs(&Config::default(), &corpus(), &|id| id == ArticleId(5));
    assert_eq!(ids(&new5), [(1, 5), (2, 5)]);
    // The incremental pairs are exactly the full run's pairs that touch the new article.
    let expected: Vec<_> = all.iter().filter(|p| p.b == ArticleId(5)).cloned().collect();
    assert_eq!(new5, expected);
    assert!(find_pairs(&Config::default(), &corpus(), &|_| false).is_empty());
}

#[test]
fn a_new_article_pairs_with_old_ones_but_old_pairs_are_not_redone() {
    let new3 = find_pairs(&Config::default(), &corpus(), &|id| id == ArticleId(3));
    assert_eq!(ids(&new3), [(3, 4)]);
}
