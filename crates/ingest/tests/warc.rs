//! WARC archives: a CC-NEWS-style per-record-gzip file built here, and a truncated one.

use std::io::Write;

use wiretrace_ingest::{read_bytes, read_file, Config};

use crate::util::{fixture, read_all};

fn record(kind: &str, uri: &str, date: &str, payload: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\nWARC-Record-ID: <urn:uuid:{kind}-{}>\r\nContent-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
        uri.len(),
        payload.len()
    )
    .into_bytes();
    r.extend_from_slice(payload);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn gz(b: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(b).unwrap();
    e.finish().unwrap()
}

fn cc_news() -> Vec<u8> {
    let warcinfo = b"software: test\r\nformat: WARC File Format 1.0\r\n";
    let mut info = format!(
        "WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Date: 2026-01-08T10:00:00Z\r\nContent-Length: {}\r\n\r\n",
        warcinfo.len()
    )
    .into_bytes();
    info.extend_from_slice(warcinfo);
    info.extend_from_slice(b"\r\n\r\n");
    let page1 = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\nServer: test\r\n\r\n<html lang=\"es\"><head><meta property=\"og:site_name\" content=\"Diario del Puerto\"><link rel=\"canonical\" href=\"https://diario.example/puente\"></head><body><nav><a href=\"/\">Inicio</a></nav><article><h1>El puente cierra</h1><p>El puente del puerto cerrar\u{e1} seis semanas, seg\u{fa}n el ayuntamiento.</p><div class=\"publicidad ad\">Publicidad</div><p>Los autobuses ser\u{e1}n desviados.</p></article></body></html>";
    // Encode the page as Windows-1252, as its header says.
    let (page1, _, _) = encoding_rs_free_latin1(page1);
    let mut page2 =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    for chunk in [
        "<html><body><p>",
        "Pier lights were restored on Thursday night.",
        "</p></body></html>",
    ] {
        page2.extend(format!("{:x};ext=1\r\n{chunk}\r\n", chunk.len()).into_bytes());
    }
    page2.extend(b"0\r\n\r\n");
    let mut data = gz(&info);
    data.extend(gz(&record(
        "request",
        "https://diario.example/puente",
        "2026-01-08T10:00:00Z",
        b"GET /puente HTTP/1.1\r\nHost: diario.example\r\n\r\n",
    )));
    data.extend(gz(&record(
        "response",
        "https://diario.example/puente?utm=x",
        "2026-01-08T10:00:01Z",
        &page1,
    )));
    data.extend(gz(&record(
        "metadata",
        "https://diario.example/puente",
        "2026-01-08T10:00:01Z",
        b"fetchTimeMs: 120\r\n",
    )));
    data.extend(gz(&record(
        "response",
        "https://diario.example/logo.png",
        "2026-01-08T10:00:02Z",
        b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n",
    )));
    data.extend(gz(&record(
        "response",
        "https://pier.example/lights",
        "2026-01-09T22:15:00Z",
        &page2,
    )));
    data
}

/// Encodes text whose chars are all below U+0100 as Latin-1 bytes (= Windows-1252 for these chars).
fn encoding_rs_free_latin1(s: &str) -> (Vec<u8>, (), ()) {
    (
        s.chars()
            .map(|c| u8::try_from(u32::from(c)).expect("latin-1 char"))
            .collect(),
        (),
        (),
    )
}

#[test]
fn cc_news_style_warc_gives_html_responses() {
    let data = cc_news();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("CC-NEWS-20260108.warc.gz");
    std::fs::write(&path, &data).unwrap();
    for out in [
        read_file(&Config::default(), &path),
        read_bytes(&Config::default(), "CC-NEWS-20260108.warc.gz", &data),
    ] {
        assert_eq!(out.len(), 2, "{out:?}");
        let a = out[0].as_ref().unwrap();
        assert!(a.path.ends_with("CC-NEWS-20260108.warc.gz#0"));
        assert_eq!(a.text, "El puente del puerto cerrará seis semanas, según el ayuntamiento.\n\nLos autobuses serán desviados.");
        assert_eq!(a.url.as_deref(), Some("https://diario.example/puente?utm=x"));
        assert_eq!(a.metadata["canonical_url"], "https://diario.example/puente");
        assert_eq!(a.outlet.as_deref(), Some("Diario del Puerto"));
        assert_eq!(a.language.as_deref(), Some("es"));
        assert_eq!(a.published.unwrap().to_rfc3339(), "2026-01-08T10:00:01+00:00");
        assert_eq!(a.boilerplate.len(), 1);
        // The image response is skipped but keeps its number: the pier page is response #2.
        let b = out[1].as_ref().unwrap();
        assert!(b.path.ends_with(".warc.gz#2"));
        assert_eq!(b.text, "Pier lights were restored on Thursday night.");
        assert_eq!(b.published.unwrap().to_rfc3339(), "2026-01-09T22:15:00+00:00");
    }
}

#[test]
fn uncompressed_warc_reads_the_same() {
    let plain: Vec<u8> = {
        let gz = cc_news();
        let mut d = flate2::read::MultiGzDecoder::new(&gz[..]);
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut d, &mut v).unwrap();
        v
    };
    let out = read_bytes(&Config::default(), "x.warc", &plain);
    assert_eq!(out.len(), 2);
    assert!(out.iter().all(|r| r.is_ok()));
    // Cut in the middle of the last record: the first article survives, then one error.
    let out = read_bytes(&Config::default(), "x.warc", &plain[..plain.len() - 60]);
    assert_eq!(out.len(), 2);
    assert!(out[0].is_ok());
    assert_eq!(
        out[1].as_ref().unwrap_err().to_string(),
        "x.warc: truncated warc record"
    );
}

#[test]
fn truncated_gzip_keeps_records_before_the_cut() {
    let out = read_all("truncated.warc.gz");
    assert_eq!(out.len(), 3, "{out:?}");
    assert_eq!(
        out[0].as_ref().unwrap().title.as_deref(),
        Some("Tide gauge fixed")
    );
    assert_eq!(
        out[1].as_ref().unwrap().title.as_deref(),
        Some("Pier lights restored")
    );
    let e = out[2].as_ref().unwrap_err();
    assert_eq!(e.reason, "truncated gzip stream");
    assert_eq!(e.input.record, None);
    assert!(e.input.path.ends_with("truncated.warc.gz"));
    let bytes = std::fs::read(fixture("truncated.warc.gz")).unwrap();
    assert_eq!(
        format!("{:?}", read_bytes(&Config::default(), &e.input.path, &bytes)),
        format!("{out:?}")
    );
}
