//! Translated copies end to end: a version in another language that renders its source whole is a
//! `pairs` entry (method `anchors`, sentence-to-sentence passages), its changes compare figures
//! across the languages, and an independent report of the same event is not paired.

use std::collections::BTreeMap;

use wiretrace_engine::model::{ChangeKind, Export, PairMethod};

use crate::util::{repo, run};

/// Path (relative to examples/corpus) of every article, by export id.
fn paths(export: &Export) -> BTreeMap<String, String> {
    export
        .articles
        .iter()
        .map(|a| {
            let rel = a.path.rsplit_once("corpus/").map_or(a.path.as_str(), |x| x.1);
            (a.id.clone(), rel.to_string())
        })
        .collect()
}

/// The anchored pairs as (path, path), sorted.
fn anchored(export: &Export, paths: &BTreeMap<String, String>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = export
        .pairs
        .iter()
        .filter(|p| p.method == PairMethod::Anchors)
        .map(|p| (paths[&p.a.to_string()].clone(), paths[&p.b.to_string()].clone()))
        .collect();
    out.sort();
    out
}

#[test]
fn the_example_translations_are_paired_with_their_dispatch_and_the_rewrite_is_not() {
    let export = run(&[vec![repo("examples/corpus")]]);
    let paths = paths(&export);
    let pairs = anchored(&export, &paths);
    let has = |x: &str, y: &str| {
        pairs
            .iter()
            .any(|(a, b)| (a.starts_with(x) && b.starts_with(y)) || (a.starts_with(y) && b.starts_with(x)))
    };
    assert!(has("afp/2026-03-02", "el-heraldo-de-calanda/"), "{pairs:?}");
    assert!(has("afp/2026-04-07", "diario-da-vela/"), "{pairs:?}");
    // Every anchored pair joins a translation with a version of its own dispatch (expected.json's
    // story), and the independent rewrite is in none.
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo("examples/expected.json")).unwrap()).unwrap();
    let story_of: BTreeMap<&str, &str> = truth["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["path"].as_str().unwrap(), a["story"].as_str().unwrap()))
        .collect();
    for (a, b) in &pairs {
        assert_eq!(story_of[a.as_str()], story_of[b.as_str()], "{a} – {b}");
        assert!(!a.starts_with("greenline-report") && !b.starts_with("greenline-report"));
    }
    for p in export.pairs.iter().filter(|p| p.method == PairMethod::Anchors) {
        assert!(!p.passages.is_empty());
        assert!(p.coverage_a > 0.5 && p.coverage_b > 0.5, "{p:?}");
    }
}

/// A fictional dispatch, its Spanish translation three hours later with one figure changed (21 days →
/// 12), and an independent Spanish report of the same accident the next day.
const DISPATCH: &str = "---\ndate: 2026-05-04T08:00:00Z\noutlet: Norther Wire\n---\nOstrel bridge shut after cargo ship strikes pillar\n\n\
Harbour authorities in Velmora closed the Ostrel bridge on Monday after the cargo ship Marit \
Solberg struck a pillar at dawn. Mayor Ilse Drummond said 14 engineers were inspecting the damage \
and that the bridge would stay shut for at least 21 days.\n\n\
The Karsten Shipping vessel was carrying 3,200 tonnes of grain from Port Amsel to Tessin. Engineer \
Tomas Vreeland estimated repairs at 4.5 million euros.\n\n\
About 38,000 vehicles cross the bridge every day, according to the Velmora transport office. \
Ferries run by Norblad Lines will carry commuters until March.\n\n\
Police chief Arno Pelt said the captain, aged 52, had been questioned and released. The harbour \
safety board will publish a first report within 30 days.\n";

const TRANSLATION: &str = "---\ndate: 2026-05-04T11:30:00Z\noutlet: Diario de Velmora\n---\nCierran el puente de Ostrel tras el choque de un carguero\n\n\
Las autoridades portuarias de Velmora cerraron el lunes el puente de Ostrel después de que el \
carguero Marit Solberg chocara contra un pilar al amanecer. La alcaldesa Ilse Drummond dijo que 14 \
ingenieros inspeccionaban los daños y que el puente seguiría cerrado al menos 12 días.\n\n\
El buque de Karsten Shipping transportaba 3.200 toneladas de grano desde Port Amsel hacia Tessin. \
El ingeniero Tomas Vreeland calculó las reparaciones en 4,5 millones de euros.\n\n\
Unos 38.000 vehículos cruzan el puente cada día, según la oficina de transporte de Velmora. Los \
transbordadores de Norblad Lines llevarán a los viajeros hasta marzo.\n\n\
El jefe de policía Arno Pelt dijo que el capitán, de 52 años, fue interrogado y puesto en \
libertad. La junta de seguridad portuaria publicará un primer informe en 30 días.\n";

const REPORT: &str = "---\ndate: 2026-05-05T09:00:00Z\noutlet: Informe Semanal\n---\nVelmora busca otras rutas sin el puente de Ostrel\n\n\
Miles de conductores buscaron el lunes otras rutas en Velmora. El puente de Ostrel seguirá cerrado \
al menos 21 días, y por él pasan cada día unos 38.000 vehículos. Norblad Lines reforzó sus \
transbordadores, y los comerciantes temen perder clientes durante semanas.\n\n\
Vecinos de Tessin recordaron que piden un segundo paso desde hace años. La alcaldesa Ilse Drummond \
prometió ayudas a los negocios.\n\n\
El accidente del carguero Marit Solberg, de Karsten Shipping, que llevaba 3.200 toneladas de grano \
desde Port Amsel, lo investiga el jefe de policía Arno Pelt. La reparación, que el ingeniero Tomas \
Vreeland estima en 4,5 millones de euros, empezará cuando terminen su trabajo los 14 ingenieros. El \
capitán, de 52 años, ya fue interrogado.\n";

#[test]
fn a_translated_copy_with_a_changed_figure_is_paired_and_the_figure_reported() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        ("wire.txt", DISPATCH),
        ("diario.txt", TRANSLATION),
        ("informe.txt", REPORT),
    ];
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let export = run(&[files.iter().map(|(n, _)| dir.path().join(n)).collect()]);
    let id_of = |name: &str| {
        export
            .articles
            .iter()
            .find(|a| a.path.ends_with(name))
            .unwrap()
            .id
            .clone()
    };
    let (wire, copy, report) = (id_of("wire.txt"), id_of("diario.txt"), id_of("informe.txt"));
    let anchored: Vec<(String, String)> = export
        .pairs
        .iter()
        .filter(|p| p.method == PairMethod::Anchors)
        .map(|p| (p.a.to_string(), p.b.to_string()))
        .collect();
    let key = |x: &String, y: &String| {
        if x < y {
            (x.clone(), y.clone())
        } else {
            (y.clone(), x.clone())
        }
    };
    assert!(anchored.contains(&key(&wire, &copy)), "{anchored:?}");
    assert!(
        anchored.iter().all(|(a, b)| *a != report && *b != report),
        "{anchored:?}"
    );
    let figure = export
        .changes
        .iter()
        .find(|c| c.article.to_string() == copy && c.kind == ChangeKind::NumberChanged)
        .unwrap_or_else(|| panic!("no figure change: {:?}", export.changes));
    assert!(
        figure.before.as_deref().is_some_and(|b| b.contains("21")),
        "{figure:?}"
    );
    assert!(
        figure.after.as_deref().is_some_and(|a| a.contains("12")),
        "{figure:?}"
    );
}

/// A fictional dispatch and its French rendering re-edited (two sentences merged into one, three
/// cut, an ending of the outlet's own, 1,900 residents written 2,900), and an independent French
/// report of the same flood the next day.
const FLOOD_DISPATCH: &str = "---\ndate: 2026-06-09T07:00:00Z\noutlet: Norther Wire\n---\nDam operator opens spillways as Lake Orrin rises after record rain\n\n\
The operator of the Halvard dam opened all four spillways on Tuesday after three days of record rain pushed \
Lake Orrin to its highest level since 1987. About 1,900 residents of the villages of Brisk and Tolmen, \
downstream on the Senne river, were told to leave their homes before nightfall.\n\n\
Regional governor Mira Castellane said buses would take evacuees to a sports hall in Ledwick, where the army \
had set up 600 beds. \"The dam is safe, but we cannot take any risk with the villages below it,\" Castellane \
told reporters at the operator's control room.\n\n\
The weather service recorded 212 millimetres of rain in 72 hours at its Orrin station, more than the region \
usually receives in two months. Engineers from the Halvard Hydro company will inspect the dam wall every six \
hours until the water falls.\n\n\
The Senne is expected to peak on Wednesday evening near Ledwick, where sandbags have been placed along the \
quays. Schools in the district will stay closed until Friday, and the main road along the valley has been shut.\n";

const FLOOD_RENDERING: &str = "---\ndate: 2026-06-09T10:30:00Z\noutlet: Courrier de la Senne\n---\nLe barrage de Halvard ouvre ses vannes\n\n\
L'exploitant du barrage de Halvard a ouvert mardi ses quatre évacuateurs de crue, après trois jours de pluies \
record qui ont porté le lac Orrin à son plus haut niveau depuis 1987. Quelque 2 900 habitants des villages de \
Brisk et de Tolmen, en aval sur la Senne, ont reçu l'ordre de quitter leur domicile avant la tombée de la nuit.\n\n\
Des bus conduiront les évacués vers un gymnase de Ledwick, où l'armée a installé 600 lits, a indiqué la \
gouverneure régionale Mira Castellane, pour qui « le barrage est sûr, mais nous ne pouvons prendre aucun risque \
avec les villages en contrebas ».\n\n\
Les ingénieurs de la société Halvard Hydro inspecteront le mur du barrage toutes les six heures jusqu'à la \
décrue.\n\n\
La Senne devrait atteindre son pic mercredi soir près de Ledwick, où des sacs de sable ont été disposés le \
long des quais.\n\n\
Notre rédaction suivra l'évolution de la situation tout au long de la journée.\n";

const FLOOD_REPORT: &str = "---\ndate: 2026-06-10T09:00:00Z\noutlet: Gazette de Ledwick\n---\nÀ Ledwick, les évacués attendent la décrue\n\n\
Dans le gymnase de Ledwick, des familles venues de Brisk et de Tolmen ont passé la nuit sur des lits de camp \
installés par l'armée. Beaucoup sont partis mardi avec un simple sac, inquiets pour leurs maisons au bord de \
la Senne.\n\n\
« On nous a dit de partir avant la nuit, alors nous sommes partis », raconte une retraitée de Tolmen. La \
gouverneure Mira Castellane est venue mercredi matin saluer les bénévoles de la Croix-Rouge.\n\n\
Le lac Orrin, gonflé par des pluies exceptionnelles, reste sous surveillance, et le barrage de Halvard \
continue de relâcher de l'eau. Les commerçants de Ledwick craignent que les quais soient inondés jeudi. Les \
écoles du district resteront fermées jusqu'à vendredi.\n";

#[test]
fn a_re_edited_translation_is_paired_by_the_encoder_and_its_changed_figure_reported() {
    if std::env::var_os("WIRETRACE_ENCODER").is_none_or(|v| v.is_empty()) {
        assert!(
            std::env::var("WIRETRACE_ENCODER_REQUIRED").as_deref() != Ok("1"),
            "WIRETRACE_ENCODER_REQUIRED=1 but WIRETRACE_ENCODER is not set"
        );
        eprintln!("skipped: WIRETRACE_ENCODER is not set");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let files = [
        ("wire.txt", FLOOD_DISPATCH),
        ("courrier.txt", FLOOD_RENDERING),
        ("gazette.txt", FLOOD_REPORT),
    ];
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let export = run(&[files.iter().map(|(n, _)| dir.path().join(n)).collect()]);
    let id_of = |name: &str| {
        export
            .articles
            .iter()
            .find(|a| a.path.ends_with(name))
            .unwrap()
            .id
            .clone()
    };
    let (wire, copy, report) = (id_of("wire.txt"), id_of("courrier.txt"), id_of("gazette.txt"));
    let translation: Vec<(String, String)> = export
        .pairs
        .iter()
        .filter(|p| p.method == PairMethod::Translation)
        .map(|p| (p.a.to_string(), p.b.to_string()))
        .collect();
    let joined = |x: &String, y: &String| {
        translation
            .iter()
            .any(|(a, b)| (a == x && b == y) || (a == y && b == x))
    };
    assert!(joined(&wire, &copy), "{translation:?}");
    assert!(
        translation.iter().all(|(a, b)| *a != report && *b != report),
        "{translation:?}"
    );
    let figure = export
        .changes
        .iter()
        .find(|c| c.article.to_string() == copy && c.kind == ChangeKind::NumberChanged)
        .unwrap_or_else(|| panic!("no figure change: {:?} {:?}", export.stories, export.changes));
    assert!(
        figure.before.as_deref().is_some_and(|b| b.contains("1,900")),
        "{figure:?}"
    );
    assert!(
        figure.after.as_deref().is_some_and(|a| a.contains("2 900")),
        "{figure:?}"
    );
}
