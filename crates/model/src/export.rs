use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

use crate::{Change, Pair, Story};

/// The export format version written in [`Export::version`].
pub const EXPORT_VERSION: u32 = 1;

/// One article as listed in the export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportArticle {
    /// Article id, `a17`.
    pub id: String,
    /// Input path (with `#N` for records).
    pub path: String,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// ISO 8601 publication time: at the publisher's own UTC offset when the source gave one (the same
    /// instant as `Article::published`, so its date is the publisher's calendar day), else in UTC.
    pub published: Option<String>,
    /// ISO 639-1 code.
    pub language: Option<String>,
    /// Word count of the extracted text.
    pub words: usize,
    /// Canonical URL (an extension of schema v1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Hash of the extracted text; equal hashes mean identical text (an extension of schema v1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_hash: Option<String>,
    /// The extracted text, with `--with-text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// The analysis export, version 1 (`../shared/docs/export-schema.md`); fields are added, never renamed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    /// Always [`EXPORT_VERSION`].
    pub version: u32,
    /// Every article, by id.
    pub articles: Vec<ExportArticle>,
    /// Stories with lineage.
    pub stories: Vec<Story>,
    /// Article pairs with substantial reuse.
    pub pairs: Vec<Pair>,
    /// Typed changes.
    pub changes: Vec<Change>,
}

/// Formats a UTC time the way the export writes it: `2026-01-08T14:00:00Z`.
///
/// # Example
/// ```
/// use chrono::{TimeZone, Utc};
/// let t = Utc.with_ymd_and_hms(2026, 1, 8, 14, 0, 0).unwrap();
/// assert_eq!(wiretrace_model::Export::format_time(&t), "2026-01-08T14:00:00Z");
/// ```
impl Export {
    /// Formats a time as ISO 8601 UTC with seconds and a `Z`.
    pub fn format_time(t: &DateTime<Utc>) -> String {
        t.to_rfc3339_opts(SecondsFormat::Secs, true)
    }
}
