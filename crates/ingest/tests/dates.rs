//! Dates in many written forms, in documents and on their own.

use wiretrace_ingest::{parse_date, read_bytes, Config};

fn iso(s: &str) -> Option<String> {
    parse_date(s).map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

#[test]
fn many_forms_normalise_to_utc() {
    let cases = [
        ("Thu, 08 Jan 2026 09:30:00 +0100", "2026-01-08T08:30:00Z"),
        ("2026-01-08T09:30:00+01:00", "2026-01-08T08:30:00Z"),
        ("2026-01-08T08:30:00Z", "2026-01-08T08:30:00Z"),
        ("2026-02-03T00:00:32", "2026-02-03T00:00:32Z"),
        ("2026-01-08", "2026-01-08T00:00:00Z"),
        ("Jan 8, 2026", "2026-01-08T00:00:00Z"),
        ("January 8, 2026, 9:30 a.m. EST", "2026-01-08T14:30:00Z"),
        ("8 January 2026", "2026-01-08T00:00:00Z"),
        ("08/01/2026", "2026-01-08T00:00:00Z"),
        ("8 de enero de 2026", "2026-01-08T00:00:00Z"),
        ("jeudi 8 janvier 2026, 10:30", "2026-01-08T10:30:00Z"),
        ("8 de janeiro de 2026 às 10h30", "2026-01-08T10:30:00Z"),
        ("8 ianuarie 2026, ora 10:30", "2026-01-08T10:30:00Z"),
        ("8. Januar 2026, 10:30 Uhr", "2026-01-08T10:30:00Z"),
    ];
    for (input, want) in cases {
        assert_eq!(iso(input).as_deref(), Some(want), "{input}");
    }
}

#[test]
fn unreadable_dates_are_none() {
    for s in ["", "soon", "last Tuesday", "13/13/2026", "2026"] {
        assert_eq!(iso(s), None, "{s}");
    }
}

#[test]
fn documents_use_their_dates_and_paths_as_a_fallback() {
    let html = b"<html><head><meta name=\"date\" content=\"8 janvier 2026 \xc3\xa0 11h00\"></head><body><article><p>Texte de l'article ici.</p></article></body></html>";
    let out = read_bytes(&Config::default(), "x.html", html);
    assert_eq!(
        out[0].as_ref().unwrap().published.unwrap().to_rfc3339(),
        "2026-01-08T11:00:00+00:00"
    );

    let out = read_bytes(
        &Config::default(),
        "site/2025-03-07-story.txt",
        b"Title\n\nBody of the story.",
    );
    let a = out[0].as_ref().unwrap();
    assert_eq!(a.published.unwrap().to_rfc3339(), "2025-03-07T00:00:00+00:00");
    assert_eq!(a.metadata["published_from"], "path");

    // A date in the document wins over the path.
    let out = read_bytes(
        &Config::default(),
        "site/2025-03-07-story.md",
        b"---\ndate: 2025-03-08T10:00:00Z\n---\nBody.",
    );
    assert_eq!(
        out[0].as_ref().unwrap().published.unwrap().to_rfc3339(),
        "2025-03-08T10:00:00+00:00"
    );
}
