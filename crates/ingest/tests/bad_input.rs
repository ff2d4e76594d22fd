//! Bad inputs give one error each, naming the input, and never panic.

use wiretrace_ingest::{read_bytes, read_file, Config};

use crate::util::{fixture, one, read_all, reason};

#[test]
fn broken_html_still_extracts() {
    let a = one("broken.html");
    assert_eq!(a.author.as_deref(), Some("Ines Carvalho"));
    assert!(
        a.text
            .starts_with("Twelve schools in the valley were closed on Friday"),
        "{}",
        a.text
    );
    assert!(a
        .text
        .contains("Parents were told to watch the council website for updates."));
    assert!(!a.text.contains("Valley Post ©"));
    assert_eq!(a.text.split("\n\n").count(), 3);
}

#[test]
fn empty_files() {
    assert_eq!(reason("empty.txt"), "empty file");
    assert_eq!(reason("blank.md"), "empty file");
}

#[test]
fn binary_data_in_a_text_file() {
    assert_eq!(reason("binary.txt"), "not valid text (binary data)");
}

#[test]
fn unknown_format() {
    let out = read_all("table.csv");
    let e = out[0].as_ref().unwrap_err();
    assert_eq!(e.reason, "unknown format");
    assert!(e.to_string().ends_with("table.csv: unknown format"));
}

#[test]
fn over_the_size_limit() {
    let cfg = Config {
        max_article_bytes: 500,
    };
    let out = read_file(&cfg, &fixture("story.html"));
    assert_eq!(out.len(), 1);
    assert_eq!(
        out[0].as_ref().unwrap_err().reason,
        "larger than the per-article limit of 500 bytes"
    );
    // Records are limited one by one: the short JSONL lines pass, the long ones fail.
    let out = read_file(
        &Config {
            max_article_bytes: 320,
        },
        &fixture("wire.jsonl"),
    );
    let reasons: Vec<String> = out
        .iter()
        .map(|r| {
            r.as_ref()
                .map(|_| "ok".to_string())
                .unwrap_or_else(|e| e.reason.clone())
        })
        .collect();
    assert_eq!(reasons[0], "larger than the per-article limit of 320 bytes"); // 325 bytes
    assert_eq!(reasons[1], "ok"); // 317 bytes
}

#[test]
fn html_without_text() {
    let out = read_bytes(
        &Config::default(),
        "x.html",
        b"<html><body><nav><a href=/>Home</a></nav></body></html>",
    );
    assert_eq!(
        out[0].as_ref().unwrap_err().to_string(),
        "x.html: no article text found"
    );
}

#[test]
fn missing_file_names_the_path() {
    let out = read_file(&Config::default(), &fixture("does-not-exist.txt"));
    let e = out[0].as_ref().unwrap_err();
    assert!(e
        .to_string()
        .ends_with("does-not-exist.txt: no such file or directory"));
}

#[test]
fn garbage_bytes_under_every_name_never_panic() {
    let mut state = 0x243F6A8885A308D3u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let seeds: Vec<Vec<u8>> = [
        "story.html",
        "story.md",
        "wire.jsonl",
        "roundup.xml",
        "truncated.warc.gz",
    ]
    .iter()
    .map(|f| std::fs::read(fixture(f)).unwrap())
    .collect();
    for round in 0..300 {
        // Corrupt a real fixture: flip, cut and splice bytes.
        let mut b = seeds[round % seeds.len()].clone();
        for _ in 0..(1 + next() % 20) {
            let i = (next() as usize) % b.len().max(1);
            if i < b.len() {
                b[i] = next() as u8;
            }
        }
        let cut = (next() as usize) % (b.len() + 1);
        b.truncate(cut);
        for name in [
            "a.html",
            "a.md",
            "a.txt",
            "a.jsonl",
            "a.xml",
            "a.warc.gz",
            "a.warc",
            "noext",
        ] {
            for r in read_bytes(&Config::default(), name, &b) {
                if let Err(e) = r {
                    assert!(!e.reason.is_empty());
                    assert!(
                        !e.reason.starts_with(char::is_uppercase),
                        "reasons start lowercase: {}",
                        e.reason
                    );
                }
            }
        }
    }
    // Deep nesting must not overflow the stack.
    let deep = format!(
        "<html><body><article>{}<p>Deep text here.</p></article></body></html>",
        "<div>".repeat(20_000)
    );
    let out = read_bytes(&Config::default(), "deep.html", deep.as_bytes());
    assert_eq!(out[0].as_ref().unwrap().text, "Deep text here.");
}

#[test]
fn a_file_over_the_default_limit_is_refused_unparsed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.html");
    let limit = Config::default().max_article_bytes as usize;
    let mut page = b"<html><body><article><p>".to_vec();
    page.resize(limit + 1, b'x');
    std::fs::write(&path, &page).unwrap();
    let out = read_file(&Config::default(), &path);
    assert_eq!(out.len(), 1);
    assert_eq!(
        out[0].as_ref().unwrap_err().reason,
        format!("larger than the per-article limit of {limit} bytes")
    );
}
