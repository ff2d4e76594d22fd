//! Incremental clustering (`cluster_stories` with a previous clustering): only the components new
//! articles touch are clustered again, and the result is what clustering the whole corpus gives.
//! The corpora are generated here from made-up words.

use std::collections::{BTreeSet, HashMap};

use wiretrace_model::{Article, ArticleId, Story};
use wiretrace_stories::{cluster_stories, Clustering, Config, Embeddings, PreviousClustering};

/// A deterministic pseudo-random word generator (a linear congruential generator over syllables).
struct Words(u64);

impl Words {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn word(&mut self) -> String {
        // Enough words that unrelated texts share hardly any.
        const SYL: [&str; 32] = [
            "ka", "lo", "mer", "ti", "sun", "dra", "vel", "om", "ris", "pa", "ne", "gor", "bi", "tho", "lu",
            "fen", "zu", "qa", "wen", "hap", "ix", "ror", "sla", "bem", "tuk", "yo", "cre", "dol", "ful",
            "gim", "nor", "esk",
        ];
        let n = 3 + self.next() % 2;
        (0..n).map(|_| SYL[(self.next() % 32) as usize]).collect()
    }

    fn paragraph(&mut self, words: usize) -> String {
        let w: Vec<String> = (0..words).map(|_| self.word()).collect();
        w.join(" ") + "."
    }
}

fn article(id: u32, day: i64, paragraphs: &[String]) -> Article {
    let mut a = Article::new(format!("c.jsonl#{id}"), paragraphs.join("\n\n"));
    a.id = ArticleId(id);
    a.published = chrono::DateTime::from_timestamp(1_750_000_000 + day * 86_400 + i64::from(id) * 60, 0);
    a
}

/// Three stories of an original and two copies each (the second copy drops a paragraph), and
/// twelve unrelated articles; then a later batch: a third copy of the first story, a round-up
/// carrying the leads of the second and third stories, and an unrelated article.
fn corpus() -> (Vec<Article>, Vec<Article>) {
    let mut w = Words(7);
    let mut first = Vec::new();
    let mut id = 1;
    let mut stories: Vec<Vec<String>> = Vec::new();
    for s in 0..3 {
        let paragraphs: Vec<String> = (0..3).map(|_| w.paragraph(40)).collect();
        first.push(article(id, s, &paragraphs));
        first.push(article(id + 1, s, &paragraphs));
        first.push(article(id + 2, s, &paragraphs[..2]));
        id += 3;
        stories.push(paragraphs);
    }
    for d in 0..12 {
        let paragraphs: Vec<String> = (0..3).map(|_| w.paragraph(40)).collect();
        first.push(article(id, d % 4, &paragraphs));
        id += 1;
    }
    let second = vec![
        article(id, 0, &stories[0]),
        article(
            id + 1,
            2,
            &[
                stories[1][0].clone(),
                stories[1][1].clone(),
                stories[2][0].clone(),
                stories[2][1].clone(),
            ],
        ),
        article(id + 2, 3, &(0..3).map(|_| w.paragraph(40)).collect::<Vec<_>>()),
    ];
    (first, second)
}

fn cluster(cfg: &Config, articles: &[Article], previous: Option<&PreviousClustering>) -> Clustering {
    cluster_stories(
        cfg,
        articles,
        &[],
        &Embeddings::new(),
        &|_| None,
        &|_| None,
        previous,
    )
}

/// Clusters `first`, then `first + second` incrementally, and asserts the stories equal a full
/// clustering of both; returns the incremental clustering.
fn incremental_equals_full(cfg: &Config) -> Clustering {
    let (first, second) = corpus();
    let before = cluster(cfg, &first, None);
    assert_eq!(before.reclustered, None);
    assert_eq!(
        before.components.len(),
        first.len(),
        "every article has its component"
    );
    let components: HashMap<ArticleId, ArticleId> = before.components.iter().copied().collect();
    let stories: Vec<Vec<ArticleId>> = before.stories.iter().map(|s| s.articles.clone()).collect();
    let fresh: BTreeSet<ArticleId> = second.iter().map(|a| a.id).collect();
    let all: Vec<Article> = first.iter().chain(&second).cloned().collect();
    let previous = PreviousClustering {
        components: &components,
        stories: &stories,
        fresh: &fresh,
    };
    let after = cluster(cfg, &all, Some(&previous));
    let full = cluster(cfg, &all, None);
    let members = |s: &[Story]| s.iter().map(|s| s.articles.clone()).collect::<Vec<_>>();
    assert_eq!(members(&after.stories), members(&full.stories));
    assert_eq!(
        serde_json::to_string(&after.stories).unwrap(),
        serde_json::to_string(&full.stories).unwrap()
    );
    // clustered again: the articles of the components that hold a new article (the first story
    // and the round-up's two with the three new articles, and any article weakly linked to them);
    // the other unrelated articles keep their stories
    let full_components: HashMap<ArticleId, ArticleId> = full.components.iter().copied().collect();
    let joined: BTreeSet<ArticleId> = fresh.iter().map(|a| full_components[a]).collect();
    let expected = full_components.values().filter(|c| joined.contains(c)).count();
    assert!(expected >= 12 && expected < all.len() - 6, "{expected}");
    assert_eq!(after.reclustered, Some(expected), "{:?}", members(&after.stories));
    for (a, c) in &after.components {
        assert_eq!(full_components.get(a), Some(c), "the component of {a}");
    }
    after
}

#[test]
fn incremental_clustering_of_a_copy_and_a_bridge_equals_a_full_one() {
    let after = incremental_equals_full(&Config::default());
    // the round-up joins the second and third stories' component without merging the stories
    let (first, _) = corpus();
    let id_of = |k: usize| first[k].id;
    let story = |a: ArticleId| after.stories.iter().position(|s| s.articles.contains(&a));
    assert_ne!(story(id_of(3)), story(id_of(6)));
    assert_eq!(
        story(id_of(0)),
        story(ArticleId(22)),
        "the later copy joins its story"
    );
}

#[test]
fn incremental_clustering_on_the_indexed_path_equals_a_full_one() {
    // The large-corpus path on a small corpus: indexed candidates (the fresh articles rank the
    // whole corpus) and a bounded number of candidates per article.
    incremental_equals_full(&Config {
        exhaustive_max_articles: 0,
        story_candidates_per_article: 4,
        ..Config::default()
    });
}

#[test]
fn incremental_clustering_of_touched_stories_in_large_components_equals_a_full_one() {
    // Every stored component of more than one article counts as large: only the stories a fresh
    // article links to are clustered again, the rest of their components kept.
    let cfg = Config {
        incremental_component_max: 1,
        ..Config::default()
    };
    let (first, second) = corpus();
    let before = cluster(&cfg, &first, None);
    let components: HashMap<ArticleId, ArticleId> = before.components.iter().copied().collect();
    let stories: Vec<Vec<ArticleId>> = before.stories.iter().map(|s| s.articles.clone()).collect();
    let fresh: BTreeSet<ArticleId> = second.iter().map(|a| a.id).collect();
    let all: Vec<Article> = first.iter().chain(&second).cloned().collect();
    let previous = PreviousClustering {
        components: &components,
        stories: &stories,
        fresh: &fresh,
    };
    let after = cluster(&cfg, &all, Some(&previous));
    let full = cluster(&cfg, &all, None);
    assert_eq!(
        serde_json::to_string(&after.stories).unwrap(),
        serde_json::to_string(&full.stories).unwrap()
    );
    assert!(
        after.reclustered.is_some_and(|r| r < all.len()),
        "{:?}",
        after.reclustered
    );
}

#[test]
fn a_stored_clustering_that_does_not_cover_the_corpus_is_not_used() {
    let cfg = Config::default();
    let (first, second) = corpus();
    let before = cluster(&cfg, &first, None);
    let components: HashMap<ArticleId, ArticleId> = before.components.iter().copied().collect();
    // a stored story (an untouched one) lost: its members are neither fresh nor in a kept story
    let kept = &before.stories[..before.stories.len() - 1];
    let stories: Vec<Vec<ArticleId>> = kept.iter().map(|s| s.articles.clone()).collect();
    let fresh: BTreeSet<ArticleId> = second.iter().map(|a| a.id).collect();
    let all: Vec<Article> = first.iter().chain(&second).cloned().collect();
    let previous = PreviousClustering {
        components: &components,
        stories: &stories,
        fresh: &fresh,
    };
    let after = cluster(&cfg, &all, Some(&previous));
    assert_eq!(after.reclustered, None);
    let full = cluster(&cfg, &all, None);
    assert_eq!(
        serde_json::to_string(&after.stories).unwrap(),
        serde_json::to_string(&full.stories).unwrap()
    );
}
