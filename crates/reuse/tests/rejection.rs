//! What is not reuse: shared boilerplate, stock phrases, same-topic articles.

use wiretrace_reuse::{find_pairs, Config};

use crate::fixtures::*;

#[test]
fn shared_boilerplate_line_does_not_pair_unrelated_articles() {
    // Twelve unrelated articles from one outlet, each ending with the same sign-up line.
    let articles: Vec<_> = (1..=12)
        .map(|i| article(i, format!("{}\n\n{BOILERPLATE}", filler(u64::from(i) * 31, 4))))
        .collect();
    let pairs = find_pairs(&Config::default(), &articles, &|_| true);
    assert!(pairs.is_empty(), "{:?}", ids(&pairs));
}

#[test]
fn boilerplate_does_not_hide_real_reuse_among_its_carriers() {
    let mut articles: Vec<_> = (1..=12)
        .map(|i| article(i, format!("{}\n\n{BOILERPLATE}", filler(u64::from(i) * 31, 4))))
        .collect();
    articles.push(article(13, format!("{WIRE_FLOOD}\n\n{BOILERPLATE}")));
    articles.push(article(
        14,
        format!("{}\n\n{BOILERPLATE}", WIRE_FLOOD.replace("Tuesday", "Wednesday")),
    ));
    let pairs = find_pairs(&Config::default(), &articles, &|_| true);
    assert_eq!(ids(&pairs), [(13, 14)]);
}

#[test]
fn same_topic_articles_are_not_paired() {
    let pairs = find_pairs(
        &Config::default(),
        &[article(1, WIRE_FLOOD), article(2, OTHER_FLOOD)],
        &|_| true,
    );
    assert!(pairs.is_empty(), "{pairs:?}");
}

#[test]
fn stock_phrases_and_datelines_alone_are_not_reuse() {
    let a = format!(
        "LONDON (Reuters) - {}\n\nReporting by Anna Price; Editing by Mark Hale",
        filler(5, 3)
    );
    let b = format!(
        "LONDON (Reuters) - {}\n\nReporting by Anna Price; Editing by Mark Hale",
        filler(6, 3)
    );
    let pairs = find_pairs(&Config::default(), &[article(1, a), article(2, b)], &|_| true);
    assert!(pairs.is_empty(), "{pairs:?}");
}

#[test]
fn empty_and_tiny_articles_pair_with_nothing() {
    let arts = [
        article(1, ""),
        article(2, "Short."),
        article(3, WIRE_FLOOD),
        article(4, ""),
    ];
    assert!(find_pairs(&Config::default(), &arts, &|_| true).is_empty());
}
