//! JSON lines (`.jsonl`, `.ndjson`, stdin) → one article per line.
//!
//! Each non-blank line is one JSON object. Known fields, first present wins:
//!
//! | field | keys |
//! |---|---|
//! | text | `text`, `content`, `body`, `article`, `maintext`, `full_text`, `html`, `content_html`, then `description`, `summary` |
//! | title | `title`, `headline` |
//! | outlet | `outlet`, `source`, `site_name`, `site`, `publisher`, `source_name` (a string, or an object's `name`) |
//! | published | `published`, `date`, `pubDate`, `published_at`, `publish_date`, `date_publish`, `datePublished`, `timestamp` (strings in any form [`crate::parse_date`] reads; numbers as Unix seconds, or milliseconds when larger than 10¹¹) |
//! | url | `url`, `link`, `canonical_url` |
//! | author | `author`, `authors`, `byline`, `creator` (a string, a list, or objects with `name`) |
//! | language | `lang`, `language`, `locale` |
//!
//! A `.json` file may also hold one JSON array of such objects (records `#N` by index) or a single
//! object (one article). Every other field, and `id`, is kept in `Article::metadata`; an outlet or
//! author value that is a URL stays there too. A text that looks like HTML (block tags)
//! is read as an HTML fragment, with its furniture recorded as boilerplate.
//!
//! Numbering: record `N` in `file.jsonl#N` is the 0-based index of the line among the file's
//! **non-blank** lines, so blank lines (often a trailing newline or a separator) shift nothing, while a
//! broken line still takes its number — removing a bad line never renames the records after it.
//! Errors also name the 1-based physical line: `x.jsonl#3 (line 5): invalid json: …`.
//!
//! Stdin has no position shared across runs, so its records are named by their own `id` field
//! (`-#x17`), else by a hash of their text (`-#3f9a…`): adding a second batch never overwrites the
//! first. A bad stdin record has no key, so it is named by its line only: `- (line 5): …`.
//!
//! Speed: one `serde_json` parse per line into a sorted map, no copies beyond the parse; the
//! language detector sees at most 700 bytes of text.

use std::io::{BufRead, Read};

use serde_json::{Map, Value};

use crate::article::{clean_line, Draft};
use crate::date::parse_date;
use crate::{html, Config, IngestError};
use wiretrace_model::Article;

const TEXT_KEYS: &[&str] = &[
    "text",
    "content",
    "body",
    "article",
    "maintext",
    "full_text",
    "html",
    "content_html",
    "description",
    "summary",
];
const TITLE_KEYS: &[&str] = &["title", "headline"];
const OUTLET_KEYS: &[&str] = &[
    "outlet",
    "source",
    "site_name",
    "site",
    "publisher",
    "source_name",
];
const DATE_KEYS: &[&str] = &[
    "published",
    "date",
    "pubDate",
    "pubdate",
    "published_at",
    "publish_date",
    "date_publish",
    "datePublished",
    "timestamp",
];
const URL_KEYS: &[&str] = &["url", "link", "canonical_url"];
const AUTHOR_KEYS: &[&str] = &["author", "authors", "byline", "creator"];
const LANG_KEYS: &[&str] = &["lang", "language", "locale"];

/// Reads every line of an in-memory JSONL input. A `.json` file holding one JSON array of objects
/// (records `#N` by array index) or one object (a single article) is read as such.
pub(crate) fn read(cfg: &Config, name: &str, bytes: &[u8]) -> Vec<Result<Article, IngestError>> {
    if name.to_ascii_lowercase().ends_with(".json") {
        if let Some(out) = read_json_document(cfg, name, bytes) {
            return out;
        }
    }
    // Lines are parsed in parallel (a corpus often arrives as one large JSONL file); the output keeps
    // the file's order.
    use rayon::prelude::*;
    let lines: Vec<(usize, &[u8])> = bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|(_, line)| !line.iter().all(u8::is_ascii_whitespace))
        .collect();
    lines
        .into_par_iter()
        .enumerate()
        .map(|(record, (i, line))| read_line(cfg, name, record, i + 1, line))
        .collect()
}

/// A whole-file JSON array or object; `None` when the file is not one JSON value (then it is read as
/// JSON lines, which gives line-numbered errors).
fn read_json_document(cfg: &Config, name: &str, bytes: &[u8]) -> Option<Vec<Result<Article, IngestError>>> {
    match serde_json::from_slice::<Value>(bytes).ok()? {
        Value::Array(items) => Some(
            items
                .into_iter()
                .enumerate()
                .map(|(i, v)| match v {
                    Value::Object(o) => {
                        if serde_json::to_vec(&o).map_or(0, |b| b.len()) as u64 > cfg.max_article_bytes {
                            return Err(too_large(cfg, name, Some(i)));
                        }
                        draft_of_object(o).finish(name, Some(i))
                    }
                    _ => Err(IngestError::new(
                        name,
                        Some(i),
                        "invalid json record: not an object",
                    )),
                })
                .collect(),
        ),
        Value::Object(o) => {
            if bytes.len() as u64 > cfg.max_article_bytes {
                return Some(vec![Err(too_large(cfg, name, None))]);
            }
            Some(vec![draft_of_object(o).finish(name, None)])
        }
        _ => None,
    }
}

/// Reads every line of a JSONL stream, never holding more than one line (capped at the article limit)
/// before it is parsed.
pub(crate) fn read_stream<R: BufRead>(
    cfg: &Config,
    name: &str,
    reader: R,
) -> Vec<Result<Article, IngestError>> {
    Batches::new(cfg, name, reader, usize::MAX, false)
        .flatten()
        .collect()
}

/// Reads standard input (named `name`, `-`): JSON lines when its first non-blank byte opens a JSON
/// object, their records named by their own id (see [`RecordKey::OwnId`]); otherwise one document
/// (HTML, a feed, Markdown when sniffed, else plain text) named by its text hash, since plain text
/// piped in is one article and not one bad JSON record per line.
pub(crate) fn read_stdin_batches<'a, R: BufRead + 'a>(
    cfg: &'a Config,
    name: &str,
    mut reader: R,
    batch_bytes: usize,
) -> Box<dyn Iterator<Item = Vec<Result<Article, IngestError>>> + 'a> {
    match first_non_blank(&mut reader) {
        Err(e) => Box::new(std::iter::once(vec![Err(IngestError::new(
            name,
            None,
            e.to_string().to_lowercase(),
        ))])),
        Ok(None) => Box::new(std::iter::empty()),
        Ok(Some(b'{')) => Box::new(Batches::new(cfg, name, reader, batch_bytes, false).keyed_by_own_id()),
        Ok(Some(_)) => Box::new(std::iter::once(read_stdin_document(cfg, name, reader))),
    }
}

/// Skips leading whitespace and returns the first other byte without consuming it.
fn first_non_blank<R: BufRead>(reader: &mut R) -> std::io::Result<Option<u8>> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(None);
        }
        match buf.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(p) => {
                let b = buf[p];
                reader.consume(p);
                return Ok(Some(b));
            }
            None => {
                let n = buf.len();
                reader.consume(n);
            }
        }
    }
}

/// Reads all of a non-JSON stdin (up to the article limit) as one document.
fn read_stdin_document<R: BufRead>(cfg: &Config, name: &str, reader: R) -> Vec<Result<Article, IngestError>> {
    let mut bytes = Vec::new();
    let cap = cfg.max_article_bytes.saturating_add(1);
    if let Err(e) = std::io::Read::take(reader, cap).read_to_end(&mut bytes) {
        return vec![Err(IngestError::new(name, None, e.to_string().to_lowercase()))];
    }
    if bytes.len() as u64 >= cap {
        return vec![Err(too_large(cfg, name, None))];
    }
    // Stdin has no extension: what sniffing does not recognise is read as plain text.
    let as_name = if crate::detect::sniff(&bytes).is_some() {
        name.to_string()
    } else {
        format!("{name}.txt")
    };
    crate::read_bytes(cfg, &as_name, &bytes)
        .into_iter()
        .map(|r| match r {
            Ok(mut a) => {
                a.path = format!("{name}#{}", text_key(&a.text));
                Ok(a)
            }
            Err(mut e) => {
                e.input.path = name.to_string();
                Err(e)
            }
        })
        .collect()
}

/// One raw line of a batch, or the reason it could not be read.
enum RawLine {
    Line {
        record: usize,
        line_no: usize,
        bytes: Vec<u8>,
    },
    Failed(IngestError),
}

/// How the records of a JSON-lines input are named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RecordKey {
    /// `name#N`, N the record's position: a file keeps its records in place between runs.
    Position,
    /// `name#ID`, ID the record's own `id` field, else a hash of its text: a stream (stdin) has no
    /// position shared across runs, so a second batch must not overwrite the first by position.
    OwnId,
}

/// JSON lines read from a stream in batches of about `batch_bytes` of input, each batch's lines
/// parsed in parallel. Records are numbered across batches; a line over the article limit is skipped
/// without being held.
pub(crate) struct Batches<'a, R> {
    cfg: &'a Config,
    name: String,
    reader: R,
    key: RecordKey,
    batch_bytes: usize,
    record: usize,
    line_no: usize,
    done: bool,
    /// Report an input without any record as "empty file" (files; a stream may be empty).
    empty_is_error: bool,
}

impl<'a, R: BufRead> Batches<'a, R> {
    pub(crate) fn new(
        cfg: &'a Config,
        name: &str,
        reader: R,
        batch_bytes: usize,
        empty_is_error: bool,
    ) -> Self {
        Batches {
            cfg,
            name: name.to_string(),
            reader,
            key: RecordKey::Position,
            batch_bytes: batch_bytes.max(1),
            record: 0,
            line_no: 0,
            done: false,
            empty_is_error,
        }
    }

    /// Names records by their own id (or text hash) instead of their position (see [`RecordKey`]).
    pub(crate) fn keyed_by_own_id(mut self) -> Self {
        self.key = RecordKey::OwnId;
        self
    }

    /// Reads the next batch's raw lines; sets `done` at the end of the input or on a read error.
    fn read_raw(&mut self) -> Vec<RawLine> {
        let cap = self.cfg.max_article_bytes.saturating_add(1);
        let mut out = Vec::new();
        let mut bytes = 0usize;
        while bytes < self.batch_bytes {
            let mut buf = Vec::new();
            let n = match std::io::Read::take(&mut self.reader, cap).read_until(b'\n', &mut buf) {
                Ok(n) => n,
                Err(e) => {
                    let reason = e.to_string().to_lowercase();
                    out.push(RawLine::Failed(IngestError::new(&self.name, None, reason)));
                    self.done = true;
                    break;
                }
            };
            if n == 0 {
                self.done = true;
                break;
            }
            bytes += n;
            self.line_no += 1;
            if buf.last() != Some(&b'\n') && buf.len() as u64 >= cap {
                // Over the limit: skip to the end of the line.
                if let Err(e) = skip_line(&mut self.reader) {
                    let reason = e.to_string().to_lowercase();
                    out.push(RawLine::Failed(IngestError::new(&self.name, None, reason)));
                    self.done = true;
                    break;
                }
                let record = (self.key == RecordKey::Position).then_some(self.record);
                out.push(RawLine::Failed(
                    too_large(self.cfg, &self.name, record).at_line(self.line_no),
                ));
                self.record += 1;
                continue;
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            if buf.last() == Some(&b'\n') {
                buf.pop();
            }
            out.push(RawLine::Line {
                record: self.record,
                line_no: self.line_no,
                bytes: buf,
            });
            self.record += 1;
        }
        out
    }
}

impl<R: BufRead> Iterator for Batches<'_, R> {
    type Item = Vec<Result<Article, IngestError>>;

    fn next(&mut self) -> Option<Self::Item> {
        use rayon::prelude::*;
        if self.done {
            return None;
        }
        // (a batch of blank lines holds nothing: read on)
        let mut raw = self.read_raw();
        while raw.is_empty() && !self.done {
            raw = self.read_raw();
        }
        if raw.is_empty() {
            if self.record == 0 && self.empty_is_error {
                return Some(vec![Err(IngestError::new(&self.name, None, "empty file"))]);
            }
            return None;
        }
        let (cfg, name, key) = (self.cfg, self.name.as_str(), self.key);
        Some(
            raw.into_par_iter()
                .map(|r| match r {
                    RawLine::Line {
                        record,
                        line_no,
                        bytes,
                    } => match key {
                        RecordKey::Position => read_line(cfg, name, record, line_no, &bytes),
                        RecordKey::OwnId => read_line(cfg, name, record, line_no, &bytes)
                            .map(|a| keyed_by_own_id(name, a))
                            .map_err(|e| unnumbered(name, line_no, e)),
                    },
                    RawLine::Failed(e) => Err(e),
                })
                .collect(),
        )
    }
}

/// Hex digits of the text hash that key a record without an `id` (64 bits: collisions between
/// distinct texts are negligible at any corpus size wiretrace handles).
const TEXT_KEY_HEX: usize = 16;

/// Renames a stream record `name#ID` after its own `id` field (a string or number), or after its text
/// hash when it has none: the same record read again is the same article, another record never is.
pub(crate) fn keyed_by_own_id(name: &str, mut a: Article) -> Article {
    let own = match a.metadata.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let key = own.unwrap_or_else(|| text_key(&a.text));
    a.path = format!("{name}#{key}");
    a
}

/// The key of a record without an id: the start of its text hash.
pub(crate) fn text_key(text: &str) -> String {
    let mut h = wiretrace_model::content_hash(text);
    h.truncate(TEXT_KEY_HEX);
    h
}

/// A bad stream record has no key to name it by: name its line only.
fn unnumbered(name: &str, line_no: usize, mut e: IngestError) -> IngestError {
    e.input.path = name.to_string();
    e.input.record = None;
    e.at_line(line_no)
}

fn skip_line<R: BufRead>(reader: &mut R) -> std::io::Result<()> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        if let Some(p) = buf.iter().position(|&b| b == b'\n') {
            reader.consume(p + 1);
            return Ok(());
        }
        let n = buf.len();
        reader.consume(n);
    }
}

pub(crate) fn too_large(cfg: &Config, name: &str, record: Option<usize>) -> IngestError {
    IngestError::new(
        name,
        record,
        format!(
            "larger than the per-article limit of {} bytes",
            cfg.max_article_bytes
        ),
    )
}

fn read_line(
    cfg: &Config,
    name: &str,
    record: usize,
    line_no: usize,
    line: &[u8],
) -> Result<Article, IngestError> {
    let fail = |reason: String| IngestError::new(name, Some(record), reason).at_line(line_no);
    if line.len() as u64 > cfg.max_article_bytes {
        return Err(too_large(cfg, name, Some(record)).at_line(line_no));
    }
    let obj: Map<String, Value> = match serde_json::from_slice::<Value>(line) {
        Ok(Value::Object(o)) => o,
        Ok(_) => return Err(fail("invalid json: not an object".into())),
        Err(e) => {
            let msg = e.to_string();
            // serde_json appends " at line 1 column N"; keep the column, drop the in-line line number.
            let msg = msg.replace(" at line 1 column ", " at column ");
            return Err(fail(format!("invalid json: {msg}")));
        }
    };
    draft_of_object(obj)
        .finish(name, Some(record))
        .map_err(|e| e.at_line(line_no))
}

/// Maps one JSON object to a draft (see the module doc for the keys).
pub(crate) fn draft_of_object(mut obj: Map<String, Value>) -> Draft {
    let mut d = Draft::default();
    let take_str = |obj: &mut Map<String, Value>, keys: &[&str]| -> Option<String> {
        for k in keys {
            if matches!(obj.get(*k), Some(Value::String(s)) if !s.trim().is_empty()) {
                if let Some(Value::String(s)) = obj.remove(*k) {
                    return Some(s);
                }
            }
        }
        None
    };
    let text = take_str(&mut obj, TEXT_KEYS);
    d.title = take_str(&mut obj, TITLE_KEYS);
    d.outlet = take_named(&mut obj, OUTLET_KEYS);
    d.author = take_named(&mut obj, AUTHOR_KEYS);
    d.url = take_str(&mut obj, URL_KEYS);
    d.language = take_str(&mut obj, LANG_KEYS);
    for k in DATE_KEYS {
        let parsed = match obj.get(*k) {
            Some(Value::String(s)) => parse_date(s),
            Some(Value::Number(n)) => n.as_i64().and_then(|v| {
                let secs = if v.abs() > 100_000_000_000 { v / 1000 } else { v };
                chrono::DateTime::from_timestamp(secs, 0)
            }),
            _ => None,
        };
        if parsed.is_some() {
            d.published = parsed;
            obj.remove(*k);
            break;
        }
    }
    if let Some(text) = text {
        if html::looks_like_html(&text) {
            d.blocks = html::blocks_of_fragment(&text, d.title.as_deref());
        } else {
            d.push_plain_text(&text);
        }
    }
    d.metadata = obj.into_iter().collect();
    d
}

/// Takes the first key holding a name: a string, an object's `name`, or a list of either (joined).
fn take_named(obj: &mut Map<String, Value>, keys: &[&str]) -> Option<String> {
    for k in keys {
        // A URL is not a name (some dumps put the source page in `source`): it stays in metadata.
        if let Some(n) = obj
            .get(*k)
            .and_then(name_of)
            .filter(|n| !n.starts_with("http://") && !n.starts_with("https://"))
        {
            obj.remove(*k);
            return Some(n);
        }
    }
    None
}

fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => clean_line(s),
        Value::Object(o) => o.get("name").and_then(Value::as_str).and_then(clean_line),
        Value::Array(a) => {
            let n: Vec<String> = a.iter().filter_map(name_of).collect();
            (!n.is_empty()).then(|| n.join(", "))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_map_and_extras_are_kept() {
        let line = br#"{"id":"x1","headline":"T","content":"Para one.\n\nPara two.","source":{"name":"Wire"},"pubDate":"Wed, 10 Dec 2025 21:55:00 +0000","link":"http://x","authors":["A","B"],"language":"pt-BR","tags":["a"]}"#;
        let out = read(&Config::default(), "f.jsonl", line);
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.path, "f.jsonl#0");
        assert_eq!(a.text, "Para one.\n\nPara two.");
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.outlet.as_deref(), Some("Wire"));
        assert_eq!(a.author.as_deref(), Some("A, B"));
        assert_eq!(a.language.as_deref(), Some("pt"));
        assert_eq!(a.url.as_deref(), Some("http://x"));
        assert_eq!(a.published.unwrap().to_rfc3339(), "2025-12-10T21:55:00+00:00");
        assert_eq!(a.metadata.keys().collect::<Vec<_>>(), vec!["id", "tags"]);
    }

    #[test]
    fn blank_lines_do_not_shift_numbers_and_bad_lines_name_their_line() {
        let data = b"{\"text\":\"a b c\"}\n\n{bad\n{\"text\":\"d e f\"}\n[1]\n";
        let out = read(&Config::default(), "f.jsonl", data);
        assert_eq!(out.len(), 4);
        assert_eq!(out[0].as_ref().unwrap().path, "f.jsonl#0");
        let e = out[1].as_ref().unwrap_err();
        assert_eq!(e.input.record, Some(1));
        assert!(e.reason.starts_with("invalid json: "), "{}", e.reason);
        assert!(
            e.to_string().starts_with("f.jsonl#1 (line 3): invalid json: "),
            "{e}"
        );
        assert_eq!(out[2].as_ref().unwrap().path, "f.jsonl#2");
        assert_eq!(
            out[3].as_ref().unwrap_err().to_string(),
            "f.jsonl#3 (line 5): invalid json: not an object"
        );
    }

    #[test]
    fn stream_reading_matches_and_caps_lines() {
        let cfg = Config {
            max_article_bytes: 40,
        };
        let data = b"{\"text\":\"short one\"}\n{\"text\":\"this line is far too long for the limit\"}\n{\"text\":\"ok\"}";
        let out = read_stream(&cfg, "-", &data[..]);
        assert_eq!(out.len(), 3);
        assert_eq!(out[0].as_ref().unwrap().path, "-#0");
        assert_eq!(
            out[1].as_ref().unwrap_err().reason,
            "larger than the per-article limit of 40 bytes"
        );
        assert_eq!(out[2].as_ref().unwrap().path, "-#2");
    }

    #[test]
    fn html_bodies_become_text() {
        let line = br#"{"title":"T","html":"<p>One.</p><div class=\"newsletter\">Sign up</div><p>Two.</p>"}"#;
        let out = read(&Config::default(), "f.jsonl", line);
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.text, "One.\n\nTwo.");
        assert_eq!(a.boilerplate[0].reason, "newsletter");
        assert_eq!(a.boilerplate[0].at, 6);
    }

    #[test]
    fn json_arrays_and_single_objects() {
        let arr = b"[\n {\"title\": \"A\",\n  \"text\": \"First.\"},\n {\"text\": \"Second.\"}, 3\n]";
        let out = read(&Config::default(), "dump.json", arr);
        assert_eq!(out[0].as_ref().unwrap().path, "dump.json#0");
        assert_eq!(out[1].as_ref().unwrap().text, "Second.");
        assert_eq!(
            out[2].as_ref().unwrap_err().reason,
            "invalid json record: not an object"
        );
        let one = b"{\n \"title\": \"A\",\n \"text\": \"Only.\"\n}";
        let out = read(&Config::default(), "a.json", one);
        assert_eq!(out[0].as_ref().unwrap().path, "a.json");
    }

    #[test]
    fn records_without_text_are_errors() {
        let out = read(&Config::default(), "f.jsonl", br#"{"title":"only"}"#);
        assert_eq!(out[0].as_ref().unwrap_err().reason, "no article text found");
    }
}
