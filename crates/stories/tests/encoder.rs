//! Story evidence from the multilingual encoder, on fictional reports written for this test.
//!
//! Runs when `WIRETRACE_ENCODER` names the encoder (the README's set-up); otherwise it says it is
//! skipped, and fails instead when `WIRETRACE_ENCODER_REQUIRED=1` (as CI sets it).

use chrono::{DateTime, Utc};
use wiretrace_encoder::Encoder;
use wiretrace_model::{Article, ArticleId, Story};
use wiretrace_stories::{build_stories, build_stories_with, Config, Embeddings, Similarity};

const REQUIRED_ENV: &str = "WIRETRACE_ENCODER_REQUIRED";

fn encoder() -> Option<Encoder> {
    let enc = Encoder::from_env().expect("the configured encoder loads");
    if enc.is_none() {
        assert!(
            std::env::var(REQUIRED_ENV).as_deref() != Ok("1"),
            "{REQUIRED_ENV}=1 but {} is not set",
            wiretrace_encoder::ENV_VAR
        );
        eprintln!("skipped: {} is not set", wiretrace_encoder::ENV_VAR);
    }
    enc
}

fn art(id: u32, lang: &str, date: &str, title: &str, text: &str) -> Article {
    let mut a = Article::new(format!("{lang}/{id}.txt"), text);
    a.id = ArticleId(id);
    a.title = Some(title.into());
    a.language = Some(lang.into());
    a.published = Some(date.parse::<DateTime<Utc>>().unwrap());
    a
}

/// A ferry grounding reported in English and, independently (no sentence translated, few shared
/// names or figures: the island, the day), in German; and another ship's grounding elsewhere the
/// same day, whose report shares the English one's words (aground, ship, port, board).
fn groundings() -> Vec<Article> {
    vec![
        art(
            1,
            "en",
            "2026-03-12T09:00:00Z",
            "Ferry runs aground off Kelmara island, passengers taken ashore",
            "A passenger ferry ran aground on a sandbank off the island of Kelmara early on Thursday, and all \
             212 people on board were brought ashore by lifeboats, the Harwick coastguard said. The Nordline \
             Ferries vessel, the Saint Brenna, had left the mainland port shortly after dawn in heavy fog. No one was seriously hurt, though several \
             passengers were treated for cold. The operator said an inquiry into the grounding had begun and \
             that the crossing would stay suspended until the ship is refloated.",
        ),
        art(
            2,
            "de",
            "2026-03-12T11:30:00Z",
            "Passagierschiff vor Kelmara auf Grund gelaufen",
            "Vor der Insel Kelmara ist am Donnerstagmorgen ein Passagierschiff im dichten Nebel auf eine Sandbank \
             gelaufen. Rettungsboote brachten sämtliche Menschen an Bord an Land, teilte die Küstenwache mit. \
             Schwer verletzt wurde niemand; einige Reisende mussten wegen Unterkühlung versorgt werden. Die \
             Reederei kündigte eine Untersuchung an. Bis das Schiff wieder frei ist, fällt die Verbindung aus.",
        ),
        art(
            3,
            "en",
            "2026-03-12T15:00:00Z",
            "Cargo ship runs aground off Dornvik in storm",
            "A cargo ship carrying timber ran aground near the harbour of Dornvik on Thursday during a storm, \
             the port authority said. Its crew of 14 stayed on board while tugs tried to pull it free at high \
             tide. There was no sign of fuel leaking into the bay, officials said, and the harbour remained \
             open to other traffic. The owner blamed an engine failure as the ship approached the channel.",
        ),
    ]
}

fn embed(enc: &Encoder, articles: &[Article]) -> Embeddings {
    let refs: Vec<&Article> = articles.iter().collect();
    let vectors = enc.embed_articles(&refs).expect("embedded");
    articles.iter().map(|a| a.id).zip(vectors).collect()
}

fn together(stories: &[Story], a: u32, b: u32) -> bool {
    stories
        .iter()
        .any(|s| s.articles.contains(&ArticleId(a)) && s.articles.contains(&ArticleId(b)))
}

#[test]
fn an_independent_report_in_another_language_joins_only_with_the_encoder() {
    let Some(enc) = encoder() else { return };
    let articles = groundings();
    let cfg = Config::default();
    let plain = build_stories(&cfg, &articles, &[]);
    assert!(
        !together(&plain, 1, 2),
        "anchors alone do not join them: {plain:?}"
    );
    let stories = build_stories_with(&cfg, &articles, &[], &embed(&enc, &articles));
    assert!(together(&stories, 1, 2), "{stories:?}");
    assert!(
        !together(&stories, 1, 3),
        "the other grounding stays apart: {stories:?}"
    );
    assert!(!together(&stories, 2, 3), "{stories:?}");
}

#[test]
fn the_score_shows_the_encoder_cosine_it_blends() {
    let Some(enc) = encoder() else { return };
    let articles = groundings();
    let cfg = Config::default();
    let embeddings = embed(&enc, &articles);
    let plain = Similarity::new(&cfg, &articles)
        .score(ArticleId(1), ArticleId(2))
        .unwrap();
    assert_eq!(plain.encoder_cosine, None);
    let index = Similarity::with_embeddings(&cfg, &articles, &embeddings);
    let same = index.score(ArticleId(1), ArticleId(2)).unwrap();
    let other = index.score(ArticleId(1), ArticleId(3)).unwrap();
    assert!(
        same.encoder_cosine.unwrap() > other.encoder_cosine.unwrap(),
        "{same:?} {other:?}"
    );
    assert!(same.story_similarity >= cfg.link_threshold, "{same:?}");
    assert!(
        same.story_similarity > plain.story_similarity,
        "{same:?} {plain:?}"
    );
    assert!(other.story_similarity < cfg.link_threshold, "{other:?}");
}
