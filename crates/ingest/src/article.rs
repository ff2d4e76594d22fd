//! A format reader's findings → one finished [`Article`].
//!
//! Every reader fills a [`Draft`]: metadata strings as found, and the body as a sequence of blocks
//! (paragraphs, and furniture boxes removed from the body). [`Draft::finish`] is the one place that turns
//! it into an `Article`, so every format gets the same guarantees:
//!
//! - `text` is `wiretrace_text::normalize`d, paragraphs joined by exactly `"\n\n"`;
//! - each [`BoilerplateBlock::at`] is the char offset in the final text where the removed block stood:
//!   the start of the paragraph that followed it, or the text length when nothing followed;
//! - title, author and outlet have whitespace folded; an author's leading "By"/"Por"/"Par"/"Von"/"De" is
//!   dropped;
//! - `language` is the declared tag reduced to ISO 639-1 (`en-GB` → `en`, `spa` → `es`, `français` →
//!   `fr`), else detected (see the `lang` module);
//! - an empty body is the error "no article text found".

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use wiretrace_lang::page_words::{BYLINE_PREFIXES, LANG_NAMES};
use wiretrace_model::{Article, BoilerplateBlock};

use crate::IngestError;

/// One block of an article body, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    /// A paragraph (or heading, list item, quote) of the article.
    Para(String),
    /// Furniture removed from the body, with its reason (`share`, `newsletter`, `ad`, `related`…).
    Furniture { text: String, reason: &'static str },
}

/// Metadata and body blocks as a format reader found them.
#[derive(Debug, Default, Clone)]
pub(crate) struct Draft {
    pub(crate) title: Option<String>,
    pub(crate) outlet: Option<String>,
    pub(crate) author: Option<String>,
    pub(crate) published: Option<DateTime<Utc>>,
    pub(crate) url: Option<String>,
    pub(crate) language: Option<String>,
    pub(crate) blocks: Vec<Block>,
    pub(crate) metadata: BTreeMap<String, serde_json::Value>,
    /// Why the input is not an article (a tag, search or author listing page); `finish` then skips it
    /// with this reason.
    pub(crate) not_article: Option<&'static str>,
}

impl Draft {
    /// Returns the finished article named `path` (`path#record` for a record), or the error
    /// "no article text found" when the body is empty.
    pub(crate) fn finish(self, path: &str, record: Option<usize>) -> Result<Article, IngestError> {
        if let Some(reason) = self.not_article {
            return Err(IngestError::new(path, record, reason));
        }
        let mut text = String::new();
        let mut chars: usize = 0;
        let mut pending: Vec<(String, &'static str)> = Vec::new();
        let mut boilerplate = Vec::new();
        for block in self.blocks {
            match block {
                Block::Para(p) => {
                    let n = if is_normal_paragraph(&p) {
                        p
                    } else {
                        wiretrace_text::normalize(&p)
                    };
                    if n.is_empty() {
                        continue;
                    }
                    if !text.is_empty() {
                        text.push_str("\n\n");
                        chars += 2;
                    }
                    for (t, reason) in pending.drain(..) {
                        boilerplate.push(BoilerplateBlock {
                            text: t,
                            at: chars as u32,
                            reason: reason.into(),
                        });
                    }
                    chars += n.chars().count();
                    text.push_str(&n);
                }
                Block::Furniture { text: t, reason } => {
                    // One line per block line, as the box showed it.
                    let n = t
                        .lines()
                        .map(wiretrace_text::normalize)
                        .filter(|l| !l.is_empty())
                        .collect::<Vec<_>>()
                        .join("\n");
                    if !n.is_empty() {
                        pending.push((n, reason));
                    }
                }
            }
        }
        if text.is_empty() {
            return Err(IngestError::new(path, record, "no article text found"));
        }
        for (t, reason) in pending {
            boilerplate.push(BoilerplateBlock {
                text: t,
                at: chars as u32,
                reason: reason.into(),
            });
        }
        let full_path = match record {
            Some(n) => format!("{path}#{n}"),
            None => path.to_string(),
        };
        let mut a = Article::new(full_path, text);
        a.title = self.title.as_deref().and_then(clean_line);
        a.outlet = self.outlet.as_deref().and_then(clean_line);
        a.author = self.author.as_deref().and_then(clean_author);
        a.published = self.published;
        a.url = self.url.as_deref().and_then(clean_line);
        a.language = self
            .language
            .as_deref()
            .and_then(iso639_1)
            .map(str::to_string)
            .or_else(|| crate::lang::detect(&a.text).map(str::to_string));
        a.boilerplate = boilerplate;
        a.metadata = self.metadata;
        Ok(a)
    }

    /// Appends the paragraphs of a plain-text body, split at lines holding only whitespace (the rule
    /// of `wiretrace_text::normalize`, so the result is the same as normalising the whole body).
    pub(crate) fn push_plain_text(&mut self, body: &str) {
        let mut start = 0;
        let mut pos = 0;
        for line in body.split_inclusive('\n') {
            if line.trim().is_empty() {
                if pos > start {
                    self.blocks.push(Block::Para(
                        body[start..pos].trim_end_matches(['\n', '\r']).to_string(),
                    ));
                }
                start = pos + line.len();
            }
            pos += line.len();
        }
        if pos > start {
            self.blocks.push(Block::Para(body[start..].to_string()));
        }
    }
}

/// True when `p` is already what `normalize` would make of it as one paragraph, so the full
/// normaliser (NFC recomposition, whitespace folding) can be skipped: no whitespace but single inner
/// spaces, no control or invisible characters, and NFC by the quick check.
fn is_normal_paragraph(p: &str) -> bool {
    let b = p.as_bytes();
    if b.is_empty() {
        return false;
    }
    let mut prev_space = true; // a leading space is refused
    let mut ascii = true;
    for &c in b {
        if c >= 0x80 {
            ascii = false;
            prev_space = false;
            continue;
        }
        if !(0x20..0x7f).contains(&c) {
            return false;
        }
        let sp = c == b' ';
        if sp && prev_space {
            return false;
        }
        prev_space = sp;
    }
    if prev_space {
        return false;
    }
    if ascii {
        return true;
    }
    // Only non-ASCII chars need a look: ASCII is NFC-stable with combining class 0, so skipping it can
    // only make the quick check stricter (a "maybe" sends the paragraph to the full normaliser).
    // Decode only at non-ASCII bytes (most of a paragraph is ASCII even in accented languages).
    let b = p.as_bytes();
    let mut non_ascii: Vec<char> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] < 0x80 {
            i += 1;
            continue;
        }
        let Some(c) = p[i..].chars().next() else {
            return false;
        };
        if c.is_whitespace()
            || c.is_control()
            || matches!(
                c,
                '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
            )
        {
            return false;
        }
        non_ascii.push(c);
        i += c.len_utf8();
    }
    unicode_normalization::is_nfc_quick(non_ascii.into_iter()) == unicode_normalization::IsNormalized::Yes
}

/// Normalises a one-line field (NFC, invisible characters dropped, whitespace folded); `None` when
/// nothing is left.
pub(crate) fn clean_line(s: &str) -> Option<String> {
    // NFC and invisible characters dropped, as in the text; then one line.
    let n = wiretrace_text::normalize(s);
    let out = n.split_whitespace().collect::<Vec<_>>().join(" ");
    (!out.is_empty()).then_some(out)
}

/// Cleans a byline into an author name: folds whitespace, drops a leading "By" (en, es/pt, fr, de, ro, it,
/// nl) and a trailing " | Outlet" or ", Outlet correspondent" is kept as is (only the prefix is dropped).
pub(crate) fn clean_author(s: &str) -> Option<String> {
    let line = clean_line(s)?;
    let lower = line.to_lowercase();
    for p in BYLINE_PREFIXES {
        if lower.starts_with(p) && line.len() > p.len() {
            return clean_line(&line[p.len()..]);
        }
    }
    Some(line)
}

/// Returns a byline's author when the text reads like "By Jane Doe" (short, with a byline word first).
pub(crate) fn author_from_byline(s: &str) -> Option<String> {
    let line = clean_line(s)?;
    if line.chars().count() > 80 {
        return None;
    }
    let lower = line.to_lowercase();
    BYLINE_PREFIXES
        .iter()
        .find(|p| lower.starts_with(*p))
        .and_then(|p| clean_line(&line[p.len()..]))
        .filter(|name| name.chars().next().is_some_and(char::is_uppercase))
}

/// Reduces a declared language tag or name to ISO 639-1, or `None` when it is not one.
///
/// `en-GB` → `en`, `pt_BR` → `pt`, `SPA` → `es`, `Français` → `fr`.
pub(crate) fn iso639_1(tag: &str) -> Option<&'static str> {
    let t = tag.trim().to_lowercase();
    let primary = t.split(['-', '_', ';', ',', ' ']).next().unwrap_or("");
    if primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_lowercase()) {
        return KNOWN_639_1.iter().find(|c| **c == primary).copied();
    }
    LANG_NAMES.iter().find(|(n, _)| *n == primary).map(|&(_, c)| c)
}

/// The ISO 639-1 codes (all 184), so a declared two-letter tag can be returned as `&'static str`.
const KNOWN_639_1: &[&str] = &[
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh", "bi",
    "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv",
    "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd",
    "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig",
    "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko",
    "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv", "mg", "mh",
    "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr",
    "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru",
    "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su",
    "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug",
    "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_offsets_point_at_the_following_paragraph() {
        let d = Draft {
            blocks: vec![
                Block::Furniture {
                    text: "Menu".into(),
                    reason: "nav",
                },
                Block::Para("First  para.".into()),
                Block::Furniture {
                    text: "Share this\n\non X".into(),
                    reason: "share",
                },
                Block::Para("Second é.".into()),
                Block::Furniture {
                    text: "Sign up".into(),
                    reason: "newsletter",
                },
            ],
            ..Draft::default()
        };
        let a = d.finish("x.html", None).unwrap();
        assert_eq!(a.text, "First para.\n\nSecond é.");
        let at: Vec<(u32, &str)> = a.boilerplate.iter().map(|b| (b.at, b.text.as_str())).collect();
        assert_eq!(at, vec![(0, "Menu"), (13, "Share this\non X"), (22, "Sign up")]);
    }

    #[test]
    fn empty_body_is_an_error() {
        let e = Draft::default().finish("x.html", Some(2)).unwrap_err();
        assert_eq!(e.to_string(), "x.html#2: no article text found");
    }

    #[test]
    fn language_tags_reduce_to_iso639_1() {
        assert_eq!(iso639_1("en-GB"), Some("en"));
        assert_eq!(iso639_1("pt_BR"), Some("pt"));
        assert_eq!(iso639_1("SPA"), Some("es"));
        assert_eq!(iso639_1("Français"), Some("fr"));
        assert_eq!(iso639_1("xx"), None);
        assert_eq!(iso639_1(""), None);
    }

    #[test]
    fn bylines_give_authors() {
        assert_eq!(
            author_from_byline("By Robert Duval").as_deref(),
            Some("Robert Duval")
        );
        assert_eq!(
            author_from_byline("Por  María López").as_deref(),
            Some("María López")
        );
        assert_eq!(author_from_byline("by the way, it rained"), None);
        assert_eq!(clean_author("By Jane Doe").as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn fast_path_agrees_with_normalize() {
        for p in [
            "plain words here.",
            "a  b",
            " x",
            "x ",
            "tab\there",
            "é",
            "e\u{301}",
            "line\nbreak",
            "a\u{a0}b",
            "“q” café",
            "soft\u{ad}hyphen",
        ] {
            if is_normal_paragraph(p) {
                assert_eq!(wiretrace_text::normalize(p), p, "{p:?}");
            }
        }
        assert!(is_normal_paragraph("“q” café"));
        assert!(!is_normal_paragraph("e\u{301}"));
    }
}
