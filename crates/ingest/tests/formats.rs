//! Each input format gives the expected text and metadata.

use wiretrace_ingest::Config;

use crate::util::{fixture, one, paragraphs, read_all};

#[test]
fn txt_headline_byline_and_paragraphs() {
    let a = one("story.txt");
    assert_eq!(a.title.as_deref(), Some("Harbour bridge to close for repairs"));
    assert_eq!(a.author.as_deref(), Some("Mara Lindqvist"));
    let p = paragraphs(&a);
    assert_eq!(p.len(), 3);
    assert!(p[0].starts_with("The Eastport harbour bridge"));
    // Single line breaks inside a paragraph become spaces.
    assert!(p[1].ends_with("he told reporters. Buses will be diverted through the old town."));
    assert_eq!(a.language.as_deref(), Some("en"));
    assert!(a.path.ends_with("fixtures/story.txt"));
}

#[test]
fn markdown_front_matter_and_plain_text_body() {
    let a = one("story.md");
    assert_eq!(a.title.as_deref(), Some("Harbour bridge to close for repairs"));
    assert_eq!(a.author.as_deref(), Some("Mara Lindqvist"));
    assert_eq!(a.outlet.as_deref(), Some("Eastport Courier"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://courier.example/2026/01/08/bridge")
    );
    assert_eq!(a.language.as_deref(), Some("en"));
    assert_eq!(a.published.unwrap().to_rfc3339(), "2026-01-08T08:30:00+00:00");
    assert_eq!(a.metadata["tags"], serde_json::json!(["transport", "council"]));
    assert_eq!(
        paragraphs(&a),
        vec![
            "The Eastport harbour bridge will close for six weeks from March while engineers replace corroded cables, the city council said on Monday.",
            "Diversions",
            "Buses will be diverted through the old town.",
            "Ferries will run every ten minutes.",
            "\"The cables are thirty years old,\" said council leader Tom Adebayo.",
        ]
    );
}

#[test]
fn html_main_text_metadata_and_recorded_furniture() {
    let a = one("story.html");
    assert_eq!(a.title.as_deref(), Some("Harbour bridge to close for repairs"));
    assert_eq!(a.outlet.as_deref(), Some("Eastport Courier"));
    assert_eq!(a.author.as_deref(), Some("Mara Lindqvist"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://courier.example/2026/01/08/bridge")
    );
    assert_eq!(a.published.unwrap().to_rfc3339(), "2026-01-08T08:30:00+00:00");
    assert_eq!(a.language.as_deref(), Some("en"));
    let p = paragraphs(&a);
    assert_eq!(
        p,
        vec![
            "The Eastport harbour bridge will close for six weeks from March while engineers replace corroded cables, the city council said on Monday.",
            "Council leader Tom Adebayo said the work could not wait. \"The cables are thirty years old and the inspection left us no choice,\" he told reporters.",
            "Diversions",
            "Buses will be diverted through the old town. Ferry operators expect passenger numbers to double.",
            "Reporting by Mara Lindqvist; editing by Jon Rees.",
        ]
    );
    for furniture in [
        "cookies",
        "Home",
        "Advertisement",
        "Share on",
        "Sign up",
        "Ferry fares frozen",
        "Most read",
        "Privacy",
        "Photo",
    ] {
        assert!(!a.text.contains(furniture), "{furniture:?} left in the text");
    }
    let reasons: Vec<(&str, u32)> = a.boilerplate.iter().map(|b| (b.reason.as_str(), b.at)).collect();
    let second = a
        .text
        .find("Council leader")
        .map(|b| a.text[..b].chars().count() as u32)
        .unwrap();
    let fourth = a
        .text
        .find("Buses")
        .map(|b| a.text[..b].chars().count() as u32)
        .unwrap();
    let fifth = a
        .text
        .find("Reporting")
        .map(|b| a.text[..b].chars().count() as u32)
        .unwrap();
    let diversions = a
        .text
        .find("Diversions")
        .map(|b| a.text[..b].chars().count() as u32)
        .unwrap();
    assert_eq!(
        reasons,
        vec![
            ("share", second),
            ("ad", diversions),
            ("newsletter", fifth),
            ("related", fifth)
        ]
    );
    assert!(fourth < fifth);
    assert!(
        a.boilerplate[3].text.starts_with("Related\nFerry fares frozen"),
        "{:?}",
        a.boilerplate
    );
}

#[test]
fn html_saved_as_txt_is_read_as_html() {
    let a = one("page-saved-as.txt");
    assert_eq!(
        a.text,
        "This text file is really an HTML page saved with the wrong name."
    );
}

#[test]
fn jsonl_records_errors_and_numbering() {
    let out = read_all("wire.jsonl");
    assert_eq!(out.len(), 5);
    let a = out[0].as_ref().unwrap();
    assert!(a.path.ends_with("wire.jsonl#0"));
    assert_eq!(a.title.as_deref(), Some("Harbour bridge to close for repairs"));
    assert_eq!(a.outlet.as_deref(), Some("Wire Agency"));
    assert_eq!(a.author.as_deref(), Some("Mara Lindqvist"));
    assert_eq!(a.published.unwrap().to_rfc3339(), "2026-01-08T08:30:00+00:00");
    assert_eq!(a.url.as_deref(), Some("https://wire.example/w-001"));
    assert_eq!(a.metadata["id"], "w-001");
    assert_eq!(a.metadata["section"], "local");
    assert_eq!(paragraphs(a).len(), 2);

    // The blank line after record 0 does not shift the numbering.
    let b = out[1].as_ref().unwrap();
    assert!(b.path.ends_with("wire.jsonl#1"));
    assert_eq!(b.outlet.as_deref(), Some("Diario del Puerto"));
    assert_eq!(b.language.as_deref(), Some("es"));
    assert_eq!(b.published.unwrap().to_rfc3339(), "2026-01-08T00:00:00+00:00");
    assert_eq!(
        b.text,
        "El puente del puerto cerrará seis semanas, según el ayuntamiento.\n\nLos autobuses serán desviados por el casco antiguo."
    );
    assert_eq!(b.boilerplate.len(), 1);
    assert_eq!(b.boilerplate[0].reason, "ad");

    let e = out[2].as_ref().unwrap_err();
    assert_eq!(e.input.record, Some(2));
    assert!(e.reason.starts_with("invalid json: "), "{}", e.reason);
    assert!(e.to_string().contains("wire.jsonl#2 (line 4): invalid json"));

    assert_eq!(out[3].as_ref().unwrap_err().reason, "no article text found");
    let c = out[4].as_ref().unwrap();
    assert_eq!(c.published.unwrap().to_rfc3339(), "2026-01-08T08:30:00+00:00");
}

#[test]
fn jsonl_from_a_stream_names_records_after_the_dash() {
    let bytes = std::fs::read(fixture("wire.jsonl")).unwrap();
    let out = wiretrace_ingest::read_jsonl_stream(&Default::default(), "-", &bytes[..]);
    let paths: Vec<String> = out
        .iter()
        .map(|r| {
            r.as_ref()
                .map(|a| a.path.clone())
                .unwrap_or_else(|e| format!("{}#{}", e.input.path, e.input.record.unwrap()))
        })
        .collect();
    assert_eq!(paths, vec!["-#0", "-#1", "-#2", "-#3", "-#4"]);
}

#[test]
fn rss_items_with_their_own_source() {
    let out = read_all("roundup.xml");
    assert_eq!(out.len(), 2);
    let a = out[0].as_ref().unwrap();
    assert!(a.path.ends_with("roundup.xml#0"));
    assert_eq!(a.outlet.as_deref(), Some("Eastport Courier"));
    assert_eq!(a.metadata["feed_title"], "Regional Roundup");
    assert_eq!(a.author.as_deref(), Some("Mara Lindqvist"));
    assert_eq!(a.text, "The Eastport harbour bridge will close for six weeks from March.\n\nEngineers will replace corroded cables.");
    let reasons: Vec<&str> = a.boilerplate.iter().map(|b| b.reason.as_str()).collect();
    assert_eq!(reasons, vec!["nav", "newsletter"]);
    assert_eq!(a.language.as_deref(), Some("en"));
    let b = out[1].as_ref().unwrap();
    assert_eq!(b.outlet.as_deref(), Some("Regional Roundup"));
    assert_eq!(b.published.unwrap().to_rfc3339(), "2026-01-09T10:00:00+00:00");
}

#[test]
fn atom_entries() {
    let out = read_all("blog.atom");
    assert_eq!(out.len(), 1);
    let a = out[0].as_ref().unwrap();
    assert_eq!(a.outlet.as_deref(), Some("Le Carnet du Port"));
    assert_eq!(a.author.as_deref(), Some("Claire Dubois"));
    assert_eq!(a.url.as_deref(), Some("https://carnet.example/pont"));
    assert_eq!(a.published.unwrap().to_rfc3339(), "2026-01-08T10:00:00+00:00");
    assert_eq!(a.language.as_deref(), Some("fr"));
    assert!(a
        .text
        .contains("« Nous n'avions pas le choix », a déclaré le maire."));
}

#[test]
fn reading_is_deterministic() {
    for f in [
        "story.html",
        "wire.jsonl",
        "roundup.xml",
        "story.md",
        "truncated.warc.gz",
    ] {
        let a = format!("{:?}", read_all(f));
        let b = format!("{:?}", read_all(f));
        assert_eq!(a, b, "{f}");
    }
}

#[test]
fn html_time_inside_a_sentence_stays_and_article_header_standfirst_is_kept() {
    let html = br#"<html><head><meta property="og:title" content="Vote delayed | The Courier"><meta property="og:site_name" content="The Courier"></head><body>
<header class="site"><a class="logo" href="/">The Courier</a><nav><a href="/">Home</a></nav></header>
<article><header><h1>Council vote is delayed again</h1><p class="standfirst">Members want more time to study the plan.</p><time datetime="2026-01-08">8 Jan 2026</time></header>
<p>The vote will now take place on <time datetime="2026-01-12">Monday</time>, the clerk said.</p></article></body></html>"#;
    let out = wiretrace_ingest::read_bytes(&Default::default(), "x.html", html);
    let a = out[0].as_ref().unwrap();
    assert_eq!(a.title.as_deref(), Some("Vote delayed"));
    assert_eq!(
        a.text,
        "Members want more time to study the plan.\n\nThe vote will now take place on Monday, the clerk said."
    );
}

#[test]
fn html_visible_dateline_and_decomposed_title() {
    let html =
        "<html><head><title>Cafe\u{301} reopens</title></head><body><article><h1>Cafe\u{301} reopens</h1>\
        <time>27 May 2025, 23:59 GMT</time><p>The café reopened.</p></article></body></html>";
    let out = wiretrace_ingest::read_bytes(&Default::default(), "x.html", html.as_bytes());
    let a = out[0].as_ref().unwrap();
    assert_eq!(a.title.as_deref(), Some("Café reopens"));
    assert_eq!(a.published.unwrap().to_rfc3339(), "2025-05-27T23:59:00+00:00");
    assert_eq!(a.text, "The café reopened.");
}

#[test]
fn jsonl_read_in_batches_matches_the_whole_file_at_every_batch_size() {
    // Blank lines, a broken line, a record without text and an over-limit line: numbering, line
    // numbers in errors and the articles must not depend on where batches are cut.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jsonl");
    let mut body = std::fs::read_to_string(fixture("wire.jsonl")).unwrap();
    body.push_str(&format!(
        "{{\"title\":\"Long\",\"text\":\"{}\"}}\n\n",
        "word ".repeat(400)
    ));
    body.push_str("{\"title\":\"After\",\"text\":\"The last story of the file.\"}\n");
    std::fs::write(&path, &body).unwrap();
    let cfg = Config {
        max_article_bytes: 1_000,
    };
    let describe = |rs: Vec<Result<wiretrace_model::Article, wiretrace_ingest::IngestError>>| -> Vec<String> {
        rs.into_iter()
            .map(|r| match r {
                Ok(a) => format!("{} {:?} {}", a.path, a.title, a.text),
                Err(e) => e.to_string(),
            })
            .collect()
    };
    let whole = describe(wiretrace_ingest::read_file(&cfg, &path));
    assert_eq!(whole.len(), 7);
    assert!(
        whole[5].contains("big.jsonl#5 (line ") && whole[5].contains("): larger than the per-article limit"),
        "{}",
        whole[5]
    );
    assert!(
        whole[6].contains("big.jsonl#6") && whole[6].contains("The last story"),
        "{}",
        whole[6]
    );
    for batch_bytes in [1, 50, 300, 1_000, 1 << 20] {
        let batches: Vec<_> = wiretrace_ingest::read_file_batches(&cfg, &path, batch_bytes).collect();
        if batch_bytes == 1 {
            assert!(batches.len() >= 6, "one line per batch: {}", batches.len());
        }
        assert_eq!(
            describe(batches.into_iter().flatten().collect()),
            whole,
            "batch {batch_bytes}"
        );
    }
    // an empty JSON-lines file is one error, as when read whole
    let empty = dir.path().join("empty.jsonl");
    std::fs::write(&empty, "\n \n").unwrap();
    let batches: Vec<_> = wiretrace_ingest::read_file_batches(&cfg, &empty, 64).collect();
    assert_eq!(
        describe(batches.into_iter().flatten().collect()),
        describe(wiretrace_ingest::read_file(&cfg, &empty))
    );
}
