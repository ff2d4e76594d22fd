//! Translated copies found by the multilingual sentence encoder, on fictional reports written for
//! this test: a dispatch, re-edited renderings of it in two other languages (sentences merged,
//! cut, one figure changed, an ending of the outlet's own) and an independent report of the same
//! event in a third version's language.
//!
//! Runs when `WIRETRACE_ENCODER` names the encoder (the README's set-up); otherwise it says it is
//! skipped, and fails instead when `WIRETRACE_ENCODER_REQUIRED=1` (as CI sets it).

use wiretrace_encoder::Encoder;
use wiretrace_model::{Article, ArticleId, PairMethod, Story, StoryId};
use wiretrace_stories::{anchored_pairs, anchored_pairs_with, PassageConfig, SentenceEncoder};

const REQUIRED_ENV: &str = "WIRETRACE_ENCODER_REQUIRED";

struct Sentences(Encoder);

impl SentenceEncoder for Sentences {
    fn embed_sentences(&self, sentences: &[&str]) -> Option<Vec<Vec<f32>>> {
        self.0.embed_sentences(sentences).ok()
    }
}

fn encoder() -> Option<Sentences> {
    let enc = Encoder::from_env().expect("the configured encoder loads");
    if enc.is_none() {
        assert!(
            std::env::var(REQUIRED_ENV).as_deref() != Ok("1"),
            "{REQUIRED_ENV}=1 but {} is not set",
            wiretrace_encoder::ENV_VAR
        );
        eprintln!("skipped: {} is not set", wiretrace_encoder::ENV_VAR);
    }
    enc.map(Sentences)
}

fn art(id: u32, lang: &str, text: &str) -> Article {
    let mut a = Article::new(format!("{lang}/{id}.txt"), text);
    a.id = ArticleId(id);
    a.language = Some(lang.into());
    a
}

const DISPATCH: &str = "The operator of the Halvard dam opened all four spillways on Tuesday after three days of \
record rain pushed Lake Orrin to its highest level since 1987.\n\
About 1,900 residents of the villages of Brisk and Tolmen, downstream on the Senne river, were told to leave \
their homes before nightfall.\n\
Regional governor Mira Castellane said buses would take evacuees to a sports hall in Ledwick, where the army \
had set up 600 beds.\n\
\"The dam is safe, but we cannot take any risk with the villages below it,\" Castellane told reporters at the \
operator's control room.\n\
The weather service recorded 212 millimetres of rain in 72 hours at its Orrin station, more than the region \
usually receives in two months.\n\
Engineers from the Halvard Hydro company will inspect the dam wall every six hours until the water falls.\n\
The Senne is expected to peak on Wednesday evening near Ledwick, where sandbags have been placed along the \
quays.\n\
Schools in the district will stay closed until Friday, and the main road along the valley has been shut.";

/// The dispatch re-edited in French: two sentences merged, two cut, 1,900 written 2,900, an ending
/// of its own.
const RENDERING_FR: &str = "L'exploitant du barrage de Halvard a ouvert mardi ses quatre évacuateurs de crue, après \
trois jours de pluies record qui ont porté le lac Orrin à son plus haut niveau depuis 1987.\n\
Quelque 2 900 habitants des villages de Brisk et de Tolmen, en aval sur la Senne, ont reçu l'ordre de quitter \
leur domicile avant la tombée de la nuit et des bus les conduiront vers un gymnase de Ledwick, où l'armée a \
installé 600 lits, selon la gouverneure régionale Mira Castellane.\n\
« Le barrage est sûr, mais nous ne pouvons prendre aucun risque avec les villages en contrebas », a-t-elle \
déclaré aux journalistes.\n\
Les ingénieurs de la société Halvard Hydro inspecteront le mur du barrage toutes les six heures jusqu'à la \
décrue.\n\
La Senne devrait atteindre son pic mercredi soir près de Ledwick, où des sacs de sable ont été disposés le \
long des quais.\n\
Notre rédaction suivra l'évolution de la situation tout au long de la journée.";

/// The dispatch re-edited in German: the quote and the rain figures cut, the last two sentences
/// swapped.
const RENDERING_DE: &str = "Der Betreiber des Halvard-Staudamms hat am Dienstag alle vier Überläufe geöffnet, \
nachdem drei Tage Rekordregen den Orrin-See auf den höchsten Stand seit 1987 getrieben hatten.\n\
Rund 1900 Bewohner der Dörfer Brisk und Tolmen flussabwärts an der Senne wurden aufgefordert, ihre Häuser vor \
Einbruch der Nacht zu verlassen.\n\
Regionalgouverneurin Mira Castellane sagte, Busse würden die Evakuierten in eine Sporthalle in Ledwick bringen, \
wo die Armee 600 Betten aufgestellt habe.\n\
Ingenieure der Firma Halvard Hydro werden die Staumauer alle sechs Stunden prüfen, bis das Wasser sinkt.\n\
Die Schulen des Bezirks bleiben bis Freitag geschlossen, die Hauptstraße durch das Tal ist gesperrt.\n\
Der Pegel der Senne soll am Mittwochabend bei Ledwick seinen Höchststand erreichen; an den Kais liegen \
Sandsäcke.";

/// An independent French report of the same flood: the same places, people and some figures,
/// written from the evacuees' side.
const REPORT_FR: &str = "Dans le gymnase de Ledwick, des familles venues de Brisk et de Tolmen ont passé la nuit \
sur des lits de camp installés par l'armée.\n\
Beaucoup sont partis mardi avec un simple sac, inquiets pour leurs maisons au bord de la Senne.\n\
« On nous a dit de partir avant la nuit, alors nous sommes partis », raconte une retraitée de Tolmen.\n\
La gouverneure Mira Castellane est venue mercredi matin saluer les bénévoles de la Croix-Rouge.\n\
Le lac Orrin, gonflé par des pluies exceptionnelles, reste sous surveillance, et le barrage de Halvard continue \
de relâcher de l'eau.\n\
Les commerçants de Ledwick craignent que les quais soient inondés jeudi.\n\
Les écoles du district resteront fermées jusqu'à vendredi.";

fn flood() -> (Vec<Article>, Story) {
    let articles = vec![
        art(1, "en", DISPATCH),
        art(2, "fr", RENDERING_FR),
        art(3, "de", RENDERING_DE),
        art(4, "fr", REPORT_FR),
    ];
    let story = Story {
        id: StoryId(1),
        articles: articles.iter().map(|a| a.id).collect(),
        storyline: None,
        lineage: vec![],
    };
    (articles, story)
}

fn listed(pairs: &[wiretrace_model::Pair]) -> Vec<(u32, u32)> {
    pairs.iter().map(|p| (p.a.0, p.b.0)).collect()
}

#[test]
fn re_edited_renderings_are_paired_and_an_independent_report_is_not() {
    let Some(enc) = encoder() else { return };
    let cfg = PassageConfig::default();
    let (articles, story) = flood();
    // The facts alone pair none of them: the renderings are cut and merged.
    assert!(anchored_pairs(&cfg, &articles, std::slice::from_ref(&story), &[]).is_empty());
    let pairs = anchored_pairs_with(&cfg, &articles, &[story], &[], Some(&enc));
    let found = listed(&pairs);
    assert!(found.contains(&(1, 2)), "{found:?}");
    assert!(found.contains(&(1, 3)), "{found:?}");
    assert!(found.iter().all(|&(a, b)| a != 4 && b != 4), "{found:?}");
    for p in &pairs {
        assert_eq!(p.method, PairMethod::Translation);
    }
    // The French rendering's passages follow the dispatch in order; its merged sentence is aligned
    // with one of the two it merges, and its own ending with none.
    let fr = pairs.iter().find(|p| (p.a.0, p.b.0) == (1, 2)).unwrap();
    assert!(fr.passages.len() >= 4, "{:?}", fr.passages);
    assert!(fr
        .passages
        .windows(2)
        .all(|w| w[0].a.end <= w[1].a.start && w[0].b.end <= w[1].b.start));
    let ending = RENDERING_FR.rfind("Notre rédaction").unwrap();
    let ending = RENDERING_FR[..ending].chars().count();
    assert!(
        fr.passages.iter().all(|p| (p.b.start as usize) < ending),
        "{:?}",
        fr.passages
    );
}

#[test]
fn without_the_setting_the_encoder_pairs_nothing() {
    let Some(enc) = encoder() else { return };
    let cfg = PassageConfig {
        translations: false,
        ..Default::default()
    };
    let (articles, story) = flood();
    assert!(anchored_pairs_with(&cfg, &articles, &[story], &[], Some(&enc)).is_empty());
}
