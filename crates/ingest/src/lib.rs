//! Stage 1 (*extract*): input files and bytes in, [`Article`]s out.
//!
//! wiretrace reads news articles in the forms they are found: plain text, Markdown with front matter,
//! saved HTML pages, JSON lines, RSS/Atom feeds and WARC web archives. This crate turns each into
//! [`Article`]s whose `text` (normalised, paragraphs separated by `"\n\n"`) is the coordinate system of
//! every later stage, with title, outlet, author, date (UTC), URL and language where the input gives them.
//!
//! # Overview
//!
//! - [`discover`] expands files and directories into a sorted list of input files.
//! - [`read_file`] reads one file; [`read_bytes`] reads bytes already in memory; [`read_jsonl_stream`]
//!   reads JSON lines from a stream; [`read_stdin_batches`] reads stdin (`-`): JSON lines keyed by
//!   their own `id` (or text hash), or one plain-text document.
//! - Each returns one `Result` per article: a multi-article input (JSONL, feed, WARC) gives one per
//!   record, named `path#N`; a bad input or record gives one [`IngestError`] and the others go on.
//! - [`Config`] holds the per-article size limit.
//!
//! | format | extensions | one article per | module doc |
//! |---|---|---|---|
//! | plain text | `.txt` | file (first line = headline when a blank line follows) | `txt` |
//! | Markdown | `.md`, `.markdown` | file (YAML or TOML front matter = metadata) | `markdown` |
//! | HTML | `.html`, `.htm` | page (main text, furniture removed and recorded) | `html` |
//! | JSON lines | `.jsonl`, `.ndjson` (also `.json`: lines, an array or one object) | line | `jsonl` |
//! | RSS / Atom | `.xml`, `.rss`, `.atom` | item | `feed` |
//! | WARC | `.warc`, `.warc.gz` | HTML response record | `warc` |
//!
//! The format comes from the extension, confirmed by sniffing the first bytes (HTML saved as `.txt`, an
//! `.xml` that is RSS or Atom, gzip magic); unknown extensions are sniffed, and "unknown format" is the
//! error when sniffing finds nothing. Text in any charset is decoded to UTF-8 ([`decode_text`]) and dates
//! in any common form are read by [`parse_date`].
//!
//! When a single-article input gives no date, a date in its path (`2025-01-28-story.txt`,
//! `…/2025/01/28/…`) is used, at midnight UTC, and metadata `published_from` is set to `"path"` so later
//! stages can weigh it as a day-precision date.
//!
//! # Guarantees
//! - Deterministic: the same bytes and name give the same articles, errors and order.
//! - Never panics on hostile input; recursion-free HTML walk; bounded reads for WARC records and JSONL
//!   lines; memory proportional to one input (one record for WARC and JSONL streams).
//! - No printing; skipped inputs are returned as errors, details go to `tracing` at debug level.
//!
//! # Example
//! ```
//! use wiretrace_ingest::{read_bytes, Config};
//! let html = br#"<html lang="en"><head><meta property="og:site_name" content="The Courier">
//! <title>Storm hits coast | The Courier</title></head><body><nav><a href="/">Home</a></nav>
//! <article><h1>Storm hits coast</h1><p>A storm hit the coast on Tuesday.</p>
//! <div class="newsletter-signup">Sign up for our newsletter</div><p>Homes were flooded.</p></article></body></html>"#;
//! let out = read_bytes(&Config::default(), "courier/storm.html", html);
//! let a = out[0].as_ref().unwrap();
//! assert_eq!(a.title.as_deref(), Some("Storm hits coast"));
//! assert_eq!(a.outlet.as_deref(), Some("The Courier"));
//! assert_eq!(a.text, "A storm hit the coast on Tuesday.\n\nHomes were flooded.");
//! assert_eq!(a.boilerplate[0].reason, "newsletter");
//! assert_eq!(a.language.as_deref(), Some("en"));
//! ```
#![deny(missing_docs)]

mod article;
mod charset;
mod date;
mod detect;
mod error;
mod feed;
mod html;
mod jsonl;
mod lang;
mod markdown;
mod pubdate;
mod txt;
mod warc;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub use charset::decode_text;
pub use date::parse_date;
pub use error::{IngestError, InputRef};
pub use wiretrace_model::{Article, BoilerplateBlock};

use detect::Format;

/// Ingest settings.
///
/// # Example
/// ```
/// let cfg = wiretrace_ingest::Config { max_article_bytes: 1 << 20 };
/// assert!(cfg.max_article_bytes < wiretrace_ingest::Config::default().max_article_bytes);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Largest accepted article (a single-article file, a JSONL line, a feed item's body, a WARC
    /// record), in bytes. Default 20 MiB. Larger inputs give the error
    /// "larger than the per-article limit of N bytes" instead of being parsed.
    pub max_article_bytes: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            max_article_bytes: 20 << 20,
        }
    }
}

/// Expands files and directories (recursively) into the sorted list of input files.
///
/// Directories are walked recursively; entries whose name starts with `.` (hidden files and folders
/// such as `.git`) are skipped inside directories, but a hidden path given explicitly is kept. Every other
/// file is listed whatever its extension: files of no known format come back from [`read_file`] as an
/// "unknown format" error, so nothing is dropped silently. Symbolic links are followed, each directory
/// is entered once (by canonical path), so link loops end. `-` (stdin) is passed through as is. The list
/// is sorted and free of duplicates; unreadable paths give errors.
///
/// # Example
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// std::fs::create_dir(dir.path().join("b")).unwrap();
/// std::fs::write(dir.path().join("b/2.txt"), "x").unwrap();
/// std::fs::write(dir.path().join("1.md"), "x").unwrap();
/// std::fs::write(dir.path().join(".hidden"), "x").unwrap();
/// let (files, errors) = wiretrace_ingest::discover(&[dir.path().to_path_buf()]);
/// assert!(errors.is_empty());
/// assert_eq!(files, vec![dir.path().join("1.md"), dir.path().join("b/2.txt")]);
/// ```
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<IngestError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut seen_dirs = BTreeSet::new();
    for p in paths {
        if p.as_os_str() == "-" {
            files.push(p.clone());
            continue;
        }
        walk(p, 0, &mut seen_dirs, &mut files, &mut errors);
    }
    files.sort();
    files.dedup();
    (files, errors)
}

/// Deepest directory nesting followed (a guard besides loop detection).
const MAX_DEPTH: usize = 256;

fn walk(
    p: &Path,
    depth: usize,
    seen: &mut BTreeSet<PathBuf>,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<IngestError>,
) {
    match std::fs::metadata(p) {
        Ok(m) if m.is_dir() => {
            let canonical = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
            if !seen.insert(canonical) || depth > MAX_DEPTH {
                return;
            }
            match std::fs::read_dir(p) {
                Ok(rd) => {
                    let mut entries: Vec<PathBuf> = rd
                        .filter_map(|e| e.ok())
                        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
                        .map(|e| e.path())
                        .collect();
                    entries.sort();
                    for e in entries {
                        walk(&e, depth + 1, seen, files, errors);
                    }
                }
                Err(e) => errors.push(io_err(p, &e)),
            }
        }
        Ok(_) => files.push(p.to_path_buf()),
        Err(e) => errors.push(io_err(p, &e)),
    }
}

fn io_err(p: &Path, e: &std::io::Error) -> IngestError {
    let reason = match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string().to_lowercase(),
    };
    IngestError::new(&p.display().to_string(), None, reason)
}

/// Reads every article of one file. Each record is an article or the error that skipped it.
///
/// The path is recorded as given (relative stays relative), with `#N` for records. WARC files are
/// streamed; other files are read whole (single-article files over [`Config::max_article_bytes`] are
/// refused before parsing). A path of `-` reads JSON lines from stdin.
///
/// # Example
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let p = dir.path().join("story.txt");
/// std::fs::write(&p, "Storm hits\n\nRain fell all day.").unwrap();
/// let out = wiretrace_ingest::read_file(&Default::default(), &p);
/// assert_eq!(out[0].as_ref().unwrap().title.as_deref(), Some("Storm hits"));
/// ```
///
/// # Errors
/// I/O failures and every per-input reason listed on [`IngestError`], one per bad input or record.
pub fn read_file(cfg: &Config, path: &Path) -> Vec<Result<Article, IngestError>> {
    let name = path.display().to_string();
    if name == "-" {
        let stdin = std::io::stdin();
        return read_jsonl_stream(cfg, "-", stdin.lock());
    }
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".warc") || lower.ends_with(".warc.gz") {
        return match std::fs::File::open(path) {
            Ok(f) => {
                if f.metadata().map(|m| m.len() == 0).unwrap_or(false) {
                    return vec![Err(IngestError::new(&name, None, "empty file"))];
                }
                warc::read(cfg, &name, f)
            }
            Err(e) => vec![Err(io_err(path, &e))],
        };
    }
    match std::fs::read(path) {
        Ok(bytes) => read_bytes(cfg, &name, &bytes),
        Err(e) => vec![Err(io_err(path, &e))],
    }
}

/// Reads a file as [`read_file`] does, in batches: a JSON-lines file (`.jsonl`, `.ndjson`) is read
/// about `batch_bytes` of input at a time, each batch's lines parsed in parallel, so memory follows
/// the batch and not the file (a corpus often arrives as one large JSONL file); any other input comes
/// as one batch. Records are named `path#N` across batches exactly as [`read_file`] names them.
///
/// # Example
/// ```
/// use wiretrace_ingest::{read_file_batches, Config};
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("wire.jsonl");
/// let lines: String = (0..5).map(|i| format!("{{\"title\":\"T{i}\",\"text\":\"Story number {i}.\"}}\n")).collect();
/// std::fs::write(&path, lines).unwrap();
/// let cfg = Config::default();
/// let batches: Vec<_> = read_file_batches(&cfg, &path, 60).collect();
/// assert!(batches.len() > 1);
/// let last = batches.last().unwrap().last().unwrap().as_ref().unwrap();
/// assert!(last.path.ends_with("wire.jsonl#4"));
/// ```
///
/// # Errors
/// As [`read_file`]: one `Err` per bad input or record, inside the batches.
pub fn read_file_batches<'a>(
    cfg: &'a Config,
    path: &Path,
    batch_bytes: usize,
) -> Box<dyn Iterator<Item = Vec<Result<Article, IngestError>>> + 'a> {
    let name = path.display().to_string();
    if !is_jsonl_file(path) {
        return Box::new(std::iter::once(read_file(cfg, path)));
    }
    match std::fs::File::open(path) {
        Ok(f) => Box::new(jsonl::Batches::new(
            cfg,
            &name,
            std::io::BufReader::with_capacity(1 << 20, f),
            batch_bytes,
            true,
        )),
        Err(e) => Box::new(std::iter::once(vec![Err(io_err(path, &e))])),
    }
}

/// Whether a path names a JSON-lines file by its extension (`.jsonl`, `.ndjson`), which
/// [`read_file_batches`] streams.
pub fn is_jsonl_file(path: &Path) -> bool {
    let lower = path.display().to_string().to_ascii_lowercase();
    lower.ends_with(".jsonl") || lower.ends_with(".ndjson")
}

/// Reads every article from the bytes of an input named `name` (format by extension, then sniffing).
///
/// # Example
/// ```
/// use wiretrace_ingest::{read_bytes, Config};
/// let jsonl = b"{\"title\":\"A\",\"text\":\"First story.\"}\n\n{\"title\":\"B\",\"text\":\"Second story.\"}\n";
/// let out = read_bytes(&Config::default(), "feeds/wire.jsonl", jsonl);
/// let paths: Vec<_> = out.iter().map(|r| r.as_ref().unwrap().path.clone()).collect();
/// assert_eq!(paths, ["feeds/wire.jsonl#0", "feeds/wire.jsonl#1"]);
///
/// let bad = read_bytes(&Config::default(), "x.bin", b"\x00\x01garbage");
/// assert_eq!(bad[0].as_ref().unwrap_err().to_string(), "x.bin: unknown format");
/// ```
///
/// # Errors
/// Every per-input reason listed on [`IngestError`], one per bad input or record.
pub fn read_bytes(cfg: &Config, name: &str, bytes: &[u8]) -> Vec<Result<Article, IngestError>> {
    let err = |reason: &str| vec![Err(IngestError::new(name, None, reason))];
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return err("empty file");
    }
    let format = match detect::detect(name, bytes) {
        Ok(f) => f,
        Err(reason) => return err(reason),
    };
    match format {
        Format::Jsonl => jsonl::read(cfg, name, bytes),
        Format::Feed => feed::read(cfg, name, bytes),
        Format::Warc => warc::read(cfg, name, bytes),
        Format::Text | Format::Markdown | Format::Html => {
            if bytes.len() as u64 > cfg.max_article_bytes {
                return vec![Err(jsonl::too_large(cfg, name, None))];
            }
            let declared = if format == Format::Html {
                charset::sniff_declared(bytes)
            } else {
                None
            };
            let text = match decode_text(bytes, declared.as_deref()) {
                Ok(t) => t,
                Err(reason) => return err(reason),
            };
            if text.trim().is_empty() {
                return err("empty file");
            }
            let mut draft = match format {
                Format::Text => txt::draft_of_text(&text),
                Format::Markdown => markdown::draft_of_markdown(&text),
                _ => html::draft_of_document(&text),
            };
            if let Some(enc) = charset::guessed_encoding(bytes, declared.as_deref()) {
                // Recorded so front ends can warn: the letters may be garbled.
                draft.metadata.insert("charset_guessed".into(), enc.into());
            }
            if draft.published.is_none() {
                if let Some(d) = date_in_path(name) {
                    draft.published = Some(d);
                    draft.metadata.insert("published_from".into(), "path".into());
                }
            }
            vec![draft.finish(name, None)]
        }
    }
}

/// Reads JSON lines from a stream: one article per non-blank line, named `name#N`.
///
/// Use it for stdin (`-` inputs, named `"-"`, giving paths `-#0`, `-#1`…) or any large JSONL source:
/// only one line is held at a time, and a line over [`Config::max_article_bytes`] is skipped unread with
/// a "larger than the per-article limit" error. Numbering and fields are those of `.jsonl` files.
///
/// # Example
/// ```
/// use wiretrace_ingest::{read_jsonl_stream, Config};
/// let input = std::io::Cursor::new("{\"text\":\"One story.\"}\n{oops\n");
/// let out = read_jsonl_stream(&Config::default(), "-", input);
/// assert_eq!(out[0].as_ref().unwrap().path, "-#0");
/// assert!(out[1].as_ref().unwrap_err().to_string().starts_with("-#1 (line 2): invalid json"));
/// ```
///
/// # Errors
/// Per line: "invalid json: …", "no article text found", the size limit; a read failure of
/// the stream ends it with one error.
pub fn read_jsonl_stream<R: std::io::BufRead>(
    cfg: &Config,
    name: &str,
    reader: R,
) -> Vec<Result<Article, IngestError>> {
    jsonl::read_stream(cfg, name, reader)
}

/// Reads JSON lines from a stream (stdin, `-`) in batches of about `batch_bytes` of input, each
/// batch's lines parsed in parallel: [`read_jsonl_stream`] without holding the whole stream.
///
/// # Example
/// ```
/// use wiretrace_ingest::{read_jsonl_batches, Config};
/// let input = std::io::Cursor::new("{\"text\":\"One story.\"}\n{oops\n{\"text\":\"Two.\"}\n");
/// let batches: Vec<_> = read_jsonl_batches(&Config::default(), "-", input, 20).collect();
/// let all: Vec<_> = batches.into_iter().flatten().collect();
/// assert_eq!(all.len(), 3);
/// assert!(all[1].is_err());
/// assert_eq!(all[2].as_ref().unwrap().path, "-#2");
/// ```
pub fn read_jsonl_batches<'a, R: std::io::BufRead + 'a>(
    cfg: &'a Config,
    name: &str,
    reader: R,
    batch_bytes: usize,
) -> impl Iterator<Item = Vec<Result<Article, IngestError>>> + 'a {
    jsonl::Batches::new(cfg, name, reader, batch_bytes, false)
}

/// Reads standard input in batches: JSON lines (records named `-#ID` by their own `id` field, else
/// by a hash of their text, so a second batch never overwrites the first), or, when the input does
/// not start with a JSON object, one document (plain text unless sniffed as HTML, a feed or
/// Markdown) named by its text hash.
///
/// # Example
/// ```
/// use wiretrace_ingest::{read_stdin_batches, Config};
/// let cfg = Config::default();
/// let input = std::io::Cursor::new("{\"id\":\"w7\",\"text\":\"One story.\"}\n{oops\n");
/// let all: Vec<_> = read_stdin_batches(&cfg, "-", input, 1 << 20).flatten().collect();
/// assert_eq!(all[0].as_ref().unwrap().path, "-#w7");
/// assert_eq!(all[1].as_ref().unwrap_err().input.to_string(), "- (line 2)");
/// let text = std::io::Cursor::new("Storm hits coast\n\nRain fell all day.\n");
/// let all: Vec<_> = read_stdin_batches(&cfg, "-", text, 1 << 20).flatten().collect();
/// assert_eq!(all.len(), 1);
/// assert_eq!(all[0].as_ref().unwrap().title.as_deref(), Some("Storm hits coast"));
/// ```
pub fn read_stdin_batches<'a, R: std::io::BufRead + 'a>(
    cfg: &'a Config,
    name: &str,
    reader: R,
    batch_bytes: usize,
) -> Box<dyn Iterator<Item = Vec<Result<Article, IngestError>>> + 'a> {
    jsonl::read_stdin_batches(cfg, name, reader, batch_bytes)
}

/// The `Article::metadata` key holding the UTC offset a publication time was written in (`+02:00`),
/// when it was not UTC: `published` is the UTC instant, and the publisher's own calendar day is the
/// day of that instant at this offset (see [`published_local`]).
pub const PUBLISHED_OFFSET: &str = "published_offset";

/// The article's publication time as the publisher wrote it: RFC 3339 at the offset recorded under
/// [`PUBLISHED_OFFSET`] (the same instant as `published`), else in UTC as `2026-01-08T14:00:00Z`.
///
/// # Example
/// ```
/// let html = br#"<html><head><meta property="article:published_time" content="2026-01-08T00:30:00+02:00"></head>
///   <body><article><p>The council met on Thursday and voted.</p></article></body></html>"#;
/// let a = wiretrace_ingest::read_bytes(&Default::default(), "a.html", html).remove(0).unwrap();
/// assert_eq!(a.published.unwrap().to_rfc3339(), "2026-01-07T22:30:00+00:00");
/// assert_eq!(wiretrace_ingest::published_local(&a).as_deref(), Some("2026-01-08T00:30:00+02:00"));
/// ```
pub fn published_local(a: &Article) -> Option<String> {
    let utc = a.published?;
    let offset = a
        .metadata
        .get(PUBLISHED_OFFSET)
        .and_then(serde_json::Value::as_str)
        .and_then(|o| chrono::DateTime::parse_from_rfc3339(&format!("2000-01-01T00:00:00{o}")).ok())
        .map(|d| *d.offset());
    Some(match offset {
        Some(off) => utc
            .with_timezone(&off)
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        None => wiretrace_model::Export::format_time(&utc),
    })
}

/// A date written in a path (`2025-01-28-story.txt`, `2025_01_28`, `…/2025/01/28/…`), at midnight UTC.
pub(crate) fn date_in_path(name: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    let b = name.as_bytes();
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    let mut found = None;
    for i in 0..b.len().saturating_sub(9) {
        let w = &b[i..i + 10];
        let sep = w[4];
        if !(sep == b'-' || sep == b'_' || sep == b'/' || sep == b'.') || w[7] != sep {
            continue;
        }
        if !(digits(&w[..4]) && digits(&w[5..7]) && digits(&w[8..10])) {
            continue;
        }
        // Not part of a longer number.
        if (i > 0 && b[i - 1].is_ascii_digit()) || b.get(i + 10).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        let s = std::str::from_utf8(w).ok()?;
        let (y, m, d) = (
            s[..4].parse().ok()?,
            s[5..7].parse().ok()?,
            s[8..10].parse().ok()?,
        );
        if let Some(date) = chrono::NaiveDate::from_ymd_opt(y, m, d) {
            if (1900..=2200).contains(&y) {
                // The last date in the path is the most specific (the file name over folders).
                found = Some(date.and_time(chrono::NaiveTime::MIN).and_utc());
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_dates() {
        let d = |s: &str| date_in_path(s).map(|d| d.to_rfc3339());
        assert_eq!(
            d("corpus/x/2025-01-28-how-to.txt").as_deref(),
            Some("2025-01-28T00:00:00+00:00")
        );
        assert_eq!(
            d("site/2025/02/03/story.html").as_deref(),
            Some("2025-02-03T00:00:00+00:00")
        );
        assert_eq!(d("id-12025-01-281.txt"), None);
        assert_eq!(d("2025-13-01.txt"), None);
        assert_eq!(d("short"), None);
    }

    #[test]
    fn empty_and_whitespace_files() {
        for b in [&b""[..], b"  \n\t\n"] {
            let out = read_bytes(&Config::default(), "a.txt", b);
            assert_eq!(out[0].as_ref().unwrap_err().reason, "empty file");
        }
    }

    #[test]
    fn garbage_bytes_never_panic() {
        let mut seed = 0x9e3779b97f4a7c15u64;
        let names = [
            "a.txt",
            "a.md",
            "a.html",
            "a.jsonl",
            "a.xml",
            "a.warc",
            "a.warc.gz",
            "a.bin",
        ];
        for round in 0..400 {
            let len = (round * 37) % 3000;
            let mut bytes = Vec::with_capacity(len);
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                bytes.push(seed as u8);
            }
            // Mix in structure so parsers get past their first checks.
            let prefixes: [&[u8]; 6] = [
                b"<html><article><p>",
                b"---\ntitle: x\n---\n",
                b"{\"text\":\"",
                b"WARC/1.0\r\nContent-Length: 5\r\n\r\n",
                b"<rss><channel><item>",
                b"\x1f\x8b\x08\x00",
            ];
            let mut input = prefixes[round % prefixes.len()].to_vec();
            input.extend_from_slice(&bytes);
            for n in names {
                let _ = read_bytes(&Config::default(), n, &input);
            }
        }
    }
}
