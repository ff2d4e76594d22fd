//! WARC archives (`.warc`, `.warc.gz`, CC-NEWS style) → one article per HTML response record.
//!
//! A streaming reader of WARC/1.0 and 1.1: gzip input (one member per record, as Common Crawl writes it,
//! or one member for the whole file) is inflated with `flate2::MultiGzDecoder`; each record's header
//! block is read line by line and its `Content-Length` bytes are read exactly, so memory holds one record
//! at a time.
//!
//! Records: `response` records are numbered `x.warc.gz#N` (N = 0-based index among response records);
//! the HTTP status line and headers are stripped (chunked transfer coding and gzip/deflate content
//! coding are undone), and a `text/html` or `application/xhtml+xml` payload is read as an HTML page
//! with the charset from the HTTP `Content-Type`, else the page's own declaration. `WARC-Target-URI` is
//! the article's url (the page's canonical URL goes to metadata `canonical_url` when it differs), and
//! `WARC-Date` is the date when the page gives none. Request, metadata, warcinfo records and non-HTML
//! responses are skipped silently.
//!
//! Damage: a gzip stream or a record that ends early keeps every record read before it and adds one
//! error naming the file: "truncated gzip stream" or "truncated warc record". Bytes that are not a WARC
//! record header stop the reading with "invalid warc record at byte N".

use std::io::{BufRead, BufReader, Read};

use crate::charset::{charset_of_content_type, decode_text, sniff_declared};
use crate::date::parse_date;
use crate::{html, Config, IngestError};
use wiretrace_model::Article;

/// Largest header block accepted for a record or an HTTP response (bytes).
const MAX_HEADER_BYTES: usize = 1 << 20;

/// Reads every HTML response record of a WARC stream (gzip or plain).
pub(crate) fn read<R: Read>(cfg: &Config, name: &str, input: R) -> Vec<Result<Article, IngestError>> {
    let mut buffered = BufReader::with_capacity(1 << 16, input);
    let gz = match buffered.fill_buf() {
        Ok(b) => b.starts_with(&[0x1f, 0x8b]),
        Err(e) => return vec![Err(IngestError::new(name, None, e.to_string()))],
    };
    if gz {
        let dec = flate2::bufread::MultiGzDecoder::new(buffered);
        read_records(cfg, name, BufReader::with_capacity(1 << 16, dec), true)
    } else {
        read_records(cfg, name, buffered, false)
    }
}

enum Stop {
    Truncated,
    Invalid(u64),
    Io(std::io::Error),
}

fn read_records<R: BufRead>(
    cfg: &Config,
    name: &str,
    mut r: R,
    gz: bool,
) -> Vec<Result<Article, IngestError>> {
    let mut out = Vec::new();
    let mut responses = 0usize;
    let mut offset: u64 = 0;
    let stop = loop {
        match next_record(&mut r, &mut offset, cfg.max_article_bytes) {
            Ok(None) => break None,
            Ok(Some(rec)) => {
                let wtype = header(&rec.headers, "warc-type")
                    .unwrap_or("")
                    .to_ascii_lowercase();
                if wtype != "response" {
                    continue;
                }
                let n = responses;
                responses += 1;
                if rec.oversized {
                    out.push(Err(crate::jsonl::too_large(cfg, name, Some(n))));
                    continue;
                }
                if let Some(res) = article_of_response(name, n, &rec) {
                    out.push(res);
                }
            }
            Err(stop) => break Some(stop),
        }
    };
    match stop {
        None => {}
        Some(Stop::Truncated) => {
            let reason = if gz {
                "truncated gzip stream"
            } else {
                "truncated warc record"
            };
            out.push(Err(IngestError::new(name, None, reason)));
        }
        Some(Stop::Invalid(at)) => {
            out.push(Err(IngestError::new(
                name,
                None,
                format!("invalid warc record at byte {at}"),
            )));
        }
        Some(Stop::Io(e)) => {
            let reason = match e.kind() {
                std::io::ErrorKind::UnexpectedEof => "truncated gzip stream".to_string(),
                _ if gz => format!("truncated gzip stream ({})", e.to_string().to_lowercase()),
                _ => e.to_string().to_lowercase(),
            };
            out.push(Err(IngestError::new(name, None, reason)));
        }
    }
    out
}

struct Record {
    headers: Vec<(String, String)>,
    block: Vec<u8>,
    oversized: bool,
}

fn header<'a>(headers: &'a [(String, String)], key: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v.as_str())
}

fn read_line<R: BufRead>(r: &mut R, buf: &mut Vec<u8>, offset: &mut u64) -> Result<usize, Stop> {
    buf.clear();
    let n = r
        .by_ref()
        .take(MAX_HEADER_BYTES as u64)
        .read_until(b'\n', buf)
        .map_err(Stop::Io)?;
    *offset += n as u64;
    Ok(n)
}

fn next_record<R: BufRead>(r: &mut R, offset: &mut u64, max_bytes: u64) -> Result<Option<Record>, Stop> {
    let mut line = Vec::new();
    // Skip the blank lines between records.
    loop {
        let n = read_line(r, &mut line, offset)?;
        if n == 0 {
            return Ok(None);
        }
        if !line.iter().all(u8::is_ascii_whitespace) {
            break;
        }
    }
    let start = *offset - line.len() as u64;
    if !line.starts_with(b"WARC/") {
        return Err(Stop::Invalid(start));
    }
    let mut headers = Vec::new();
    let mut header_bytes = 0usize;
    loop {
        let n = read_line(r, &mut line, offset)?;
        if n == 0 {
            return Err(Stop::Truncated);
        }
        header_bytes += n;
        if header_bytes > MAX_HEADER_BYTES {
            return Err(Stop::Invalid(start));
        }
        let l = String::from_utf8_lossy(&line);
        let l = l.trim_end_matches(['\r', '\n']);
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    let len: u64 = header(&headers, "content-length")
        .and_then(|v| v.trim().parse().ok())
        .ok_or(Stop::Invalid(start))?;
    let oversized = len > max_bytes;
    let mut block = Vec::new();
    if oversized {
        let copied = std::io::copy(&mut r.by_ref().take(len), &mut std::io::sink()).map_err(Stop::Io)?;
        *offset += copied;
        if copied < len {
            return Err(Stop::Truncated);
        }
    } else {
        let got = r.by_ref().take(len).read_to_end(&mut block).map_err(Stop::Io)?;
        *offset += got as u64;
        if (got as u64) < len {
            return Err(Stop::Truncated);
        }
    }
    Ok(Some(Record {
        headers,
        block,
        oversized,
    }))
}

/// The article of an HTML response record; `None` for responses that are not HTML.
fn article_of_response(name: &str, n: usize, rec: &Record) -> Option<Result<Article, IngestError>> {
    let block = &rec.block;
    let (status_and_headers, body) = split_http(block)?;
    let head = String::from_utf8_lossy(status_and_headers);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    if !status.starts_with("HTTP/") {
        return None;
    }
    let http: Vec<(String, String)> = lines
        .filter_map(|l| {
            l.split_once(':')
                .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        })
        .collect();
    let ctype = header(&http, "content-type").unwrap_or("").to_ascii_lowercase();
    let sniffed_html = ctype.is_empty() && crate::detect::sniff(body) == Some(crate::detect::Format::Html);
    if !(ctype.contains("text/html") || ctype.contains("application/xhtml") || sniffed_html) {
        return None;
    }
    let mut payload = body.to_vec();
    if header(&http, "transfer-encoding").is_some_and(|v| v.to_ascii_lowercase().contains("chunked")) {
        payload = dechunk(&payload).unwrap_or(payload);
    }
    match header(&http, "content-encoding")
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("gzip" | "x-gzip") => {
            let mut v = Vec::new();
            if flate2::read::MultiGzDecoder::new(&payload[..])
                .read_to_end(&mut v)
                .is_ok()
            {
                payload = v;
            }
        }
        Some("deflate") => {
            let mut v = Vec::new();
            if flate2::read::ZlibDecoder::new(&payload[..])
                .read_to_end(&mut v)
                .is_ok()
            {
                payload = v;
            }
        }
        _ => {}
    }
    let declared = charset_of_content_type(&ctype).or_else(|| sniff_declared(&payload));
    let text = match decode_text(&payload, declared.as_deref()) {
        Ok(t) => t,
        Err(reason) => return Some(Err(IngestError::new(name, Some(n), reason))),
    };
    let mut draft = html::draft_of_document(&text);
    let target = header(&rec.headers, "warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_string());
    if let Some(t) = target {
        if let Some(canon) = draft.url.take().filter(|c| *c != t) {
            draft.metadata.insert("canonical_url".into(), canon.into());
        }
        draft.url = Some(t);
    }
    if draft.published.is_none() {
        draft.published = header(&rec.headers, "warc-date").and_then(parse_date);
    }
    if let Some(id) = header(&rec.headers, "warc-record-id") {
        draft
            .metadata
            .insert("warc_record_id".into(), id.trim_matches(['<', '>']).into());
    }
    Some(draft.finish(name, Some(n)))
}

fn split_http(block: &[u8]) -> Option<(&[u8], &[u8])> {
    if let Some(p) = crate::charset::find(block, b"\r\n\r\n") {
        return Some((&block[..p], &block[p + 4..]));
    }
    crate::charset::find(block, b"\n\n").map(|p| (&block[..p], &block[p + 2..]))
}

fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let nl = data.iter().position(|&b| b == b'\n')?;
        let size_line = std::str::from_utf8(&data[..nl]).ok()?.trim();
        let size = usize::from_str_radix(size_line.split(';').next()?.trim(), 16).ok()?;
        data = &data[nl + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data
            .strip_prefix(b"\r\n")
            .or_else(|| data.strip_prefix(b"\n"))
            .unwrap_or(data);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn record(kind: &str, uri: &str, payload: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2026-01-08T10:00:00Z\r\nContent-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
            payload.len()
        )
        .into_bytes();
        r.extend_from_slice(payload);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn gz(b: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(b).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn responses_are_articles_and_others_are_skipped() {
        let page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\n\r\n<html><body><article><p>Caf\xe9 opens.</p></article></body></html>";
        let mut data = record("request", "http://x/a", b"GET /a HTTP/1.1\r\n\r\n");
        data.extend(record("response", "http://x/a", page));
        data.extend(record(
            "response",
            "http://x/img",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
        ));
        data.extend(record("response", "http://x/b", page));
        let out = read(&Config::default(), "x.warc", &data[..]);
        assert_eq!(out.len(), 2);
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.path, "x.warc#0");
        assert_eq!(a.text, "Café opens.");
        assert_eq!(a.url.as_deref(), Some("http://x/a"));
        assert_eq!(a.published.unwrap().to_rfc3339(), "2026-01-08T10:00:00+00:00");
        assert_eq!(out[1].as_ref().unwrap().path, "x.warc#2");
    }

    #[test]
    fn truncated_gzip_keeps_earlier_records() {
        let page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Hello world.</p>";
        let mut data = gz(&record("response", "http://x/a", page));
        let second = gz(&record("response", "http://x/b", page));
        data.extend_from_slice(&second[..second.len() / 2]);
        let out = read(&Config::default(), "x.warc.gz", &data[..]);
        assert_eq!(out.len(), 2);
        assert!(out[0].is_ok());
        assert_eq!(
            out[1].as_ref().unwrap_err().to_string(),
            "x.warc.gz: truncated gzip stream"
        );
    }

    #[test]
    fn garbage_is_an_invalid_record() {
        let out = read(&Config::default(), "x.warc", &b"hello"[..]);
        assert_eq!(
            out[0].as_ref().unwrap_err().reason,
            "invalid warc record at byte 0"
        );
    }

    #[test]
    fn chunked_payloads_are_joined() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n").unwrap(),
            b"hello world"
        );
    }
}
