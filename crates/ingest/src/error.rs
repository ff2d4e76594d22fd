//! The error of one unreadable input.
//!
//! Every failure is per input: the file (and record, for multi-article files) is named in
//! [`IngestError::input`] and the reason is a lowercase phrase without a final period, so a front end can
//! print `feeds/wire.jsonl#3 (line 4): invalid json: expected value` and go on with the other inputs.
//!
//! The reasons used by this crate:
//!
//! | reason | cause | remedy |
//! |---|---|---|
//! | `empty file` | zero bytes or only whitespace | none needed: nothing to read |
//! | `unknown format` | extension not known and the bytes sniff as no format | rename with a known extension |
//! | `not valid text (binary data)` | NUL or many control bytes | not an article: remove it from the inputs |
//! | `larger than the per-article limit of N bytes` | over [`crate::Config::max_article_bytes`] | raise the limit |
//! | `invalid json: …` | a JSONL line that is not a JSON object (the input names its line) | fix the line |
//! | `no article text found` | the page or record holds no body text | none: nothing to trace |
//! | `truncated gzip stream` / `truncated warc record` | the archive ends early | re-download it |
//! | `invalid feed: …` | XML that is neither RSS nor Atom | fix the feed |
//! | I/O messages | the file could not be read | check permissions and paths |

/// Names one input: a path and, for multi-article files, a 0-based record number and the 1-based
/// line it starts on (a record number alone reads like an off-by-one next to an editor's line).
///
/// # Example
/// ```
/// use wiretrace_ingest::InputRef;
/// let r = InputRef { path: "feeds/wire.jsonl".into(), record: Some(3), line: None };
/// assert_eq!(r.to_string(), "feeds/wire.jsonl#3");
/// let r = InputRef { line: Some(5), ..r };
/// assert_eq!(r.to_string(), "feeds/wire.jsonl#3 (line 5)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputRef {
    /// The path as given.
    pub path: String,
    /// Record number inside the file, if the file holds many articles.
    pub record: Option<usize>,
    /// The 1-based line of a line-oriented input (JSON lines) where the record stands.
    pub line: Option<usize>,
}

impl std::fmt::Display for InputRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.record {
            Some(n) => write!(f, "{}#{}", self.path, n)?,
            None => write!(f, "{}", self.path)?,
        }
        match self.line {
            Some(l) => write!(f, " (line {l})"),
            None => Ok(()),
        }
    }
}

/// One input that could not be read.
///
/// # Example
/// ```
/// use wiretrace_ingest::{IngestError, InputRef};
/// let e = IngestError::new("x.jsonl", Some(2), "invalid json: eof").at_line(3);
/// assert_eq!(e.to_string(), "x.jsonl#2 (line 3): invalid json: eof");
/// assert_eq!(e.input, InputRef { path: "x.jsonl".into(), record: Some(2), line: Some(3) });
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{input}: {reason}")]
pub struct IngestError {
    /// Which input.
    pub input: InputRef,
    /// Why, in lowercase words.
    pub reason: String,
}

impl IngestError {
    /// Returns the error for `path` (and `record`), with `reason` lowercased at its first letter.
    ///
    /// # Example
    /// ```
    /// let e = wiretrace_ingest::IngestError::new("a.bin", None, "Unknown format");
    /// assert_eq!(e.reason, "unknown format");
    /// ```
    pub fn new(path: &str, record: Option<usize>, reason: impl Into<String>) -> Self {
        let mut reason: String = reason.into();
        if let Some(first) = reason.chars().next() {
            if first.is_uppercase() {
                let lower: String = first.to_lowercase().collect();
                reason.replace_range(..first.len_utf8(), &lower);
            }
        }
        IngestError {
            input: InputRef {
                path: path.to_string(),
                record,
                line: None,
            },
            reason,
        }
    }

    /// Returns the error naming the 1-based line of the input it stands on.
    pub fn at_line(mut self, line: usize) -> Self {
        self.input.line = Some(line);
        self
    }
}
