//! Spanish and French articles keep their text, quotes included; languages are declared or detected.

use crate::util::{one, paragraphs};

#[test]
fn french_html_keeps_guillemets_and_drops_the_share_bar() {
    let a = one("pont.html");
    assert_eq!(a.language.as_deref(), Some("fr"));
    assert_eq!(a.outlet.as_deref(), Some("Le Carnet du Port"));
    assert_eq!(a.author.as_deref(), Some("Claire Dubois"));
    assert_eq!(a.published.unwrap().to_rfc3339(), "2026-01-08T11:00:00+00:00");
    assert_eq!(
        paragraphs(&a),
        vec![
            "Le pont du port fermera six semaines à partir de mars, a annoncé la mairie lundi.",
            "« Nous n’avions pas le choix », a déclaré le maire, Jean-Luc Martin. « Les câbles ont trente ans. »",
            "Les bus seront déviés par la vieille ville — une solution « temporaire », selon lui.",
        ]
    );
    assert_eq!(a.boilerplate.len(), 1);
    assert_eq!(a.boilerplate[0].reason, "share");
}

#[test]
fn spanish_markdown_keeps_comillas_and_reads_front_matter() {
    let a = one("puente.md");
    assert_eq!(a.language.as_deref(), Some("es"));
    assert_eq!(a.author.as_deref(), Some("Lucía Fernández"));
    assert_eq!(a.outlet.as_deref(), Some("Diario del Puerto"));
    assert_eq!(a.published.unwrap().to_rfc3339(), "2026-01-08T10:15:00+00:00");
    assert_eq!(a.metadata["titulo"], "ignored key kept as metadata");
    assert_eq!(
        paragraphs(&a)[1],
        "«No teníamos otra opción», declaró el alcalde. «Los cables tienen treinta años»."
    );
}

#[test]
fn undeclared_languages_are_detected() {
    let out = wiretrace_ingest::read_bytes(
        &Default::default(),
        "x.txt",
        "Titlu\n\nPrimăria a anunțat luni că podul din port va fi închis șase săptămâni, iar autobuzele vor fi deviate prin centrul vechi al orașului, care este deja aglomerat în fiecare zi.".as_bytes(),
    );
    assert_eq!(out[0].as_ref().unwrap().language.as_deref(), Some("ro"));
}
