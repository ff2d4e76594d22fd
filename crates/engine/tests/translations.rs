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
