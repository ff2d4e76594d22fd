//! Input name and bytes → the input's [`Format`].
//!
//! Method: the extension proposes a format and a sniff of the first bytes confirms or corrects it:
//!
//! | extension | format | corrected when the bytes are… |
//! |---|---|---|
//! | `.txt`, `.text` | plain text | an HTML document → HTML; binary → error |
//! | `.md`, `.markdown` | Markdown | an HTML document → HTML |
//! | `.html`, `.htm`, `.xhtml`, `.shtml` | HTML | an RSS/Atom document → feed |
//! | `.jsonl`, `.ndjson`, `.json` | JSON lines | — |
//! | `.xml`, `.rss`, `.atom` | feed (RSS 2.0, RSS 1.0, Atom; told apart by the parser) | an HTML document → HTML |
//! | `.warc`, `.warc.gz`, `.gz` | WARC | a `.gz` that does not hold a WARC → unknown format |
//!
//! Any other extension (or none) is sniffed: gzip magic holding `WARC/`, `WARC/`, `<rss`/`<feed`/
//! `<rdf:RDF`, an HTML doctype or `<html>`, YAML front matter (`---`), or a first line that is a JSON
//! object. Anything else is "unknown format" — plain text is only accepted under a text extension,
//! because a directory walk also meets images, spreadsheets and notes that are not articles.
//!
//! Hostile input: only a bounded prefix is looked at (and at most 64 KiB inflated for `.gz`).

use std::io::Read;

/// The input formats wiretrace reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Markdown,
    Html,
    Jsonl,
    Feed,
    Warc,
}

/// Returns the format of input `name` with content `bytes`, or the reason it has none.
pub(crate) fn detect(name: &str, bytes: &[u8]) -> Result<Format, &'static str> {
    let lower = name.to_ascii_lowercase();
    let file = lower.rsplit(['/', '\\']).next().unwrap_or(&lower);
    let ext = file.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    let sniffed = sniff(bytes);
    let by_ext = match ext {
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
        "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
        "jsonl" | "ndjson" | "json" => Some(Format::Jsonl),
        "xml" | "rss" | "atom" => Some(Format::Feed),
        "warc" => Some(Format::Warc),
        "gz" => {
            return if sniffed == Some(Format::Warc) {
                Ok(Format::Warc)
            } else {
                Err("unknown format")
            };
        }
        _ => None,
    };
    match (by_ext, sniffed) {
        (Some(Format::Text | Format::Markdown | Format::Feed), Some(Format::Html)) => Ok(Format::Html),
        (Some(Format::Html), Some(Format::Feed)) => Ok(Format::Feed),
        (Some(f), _) => Ok(f),
        (None, Some(f)) => Ok(f),
        (None, None) => Err("unknown format"),
    }
}

/// Returns the format the first bytes show, if any.
pub(crate) fn sniff(bytes: &[u8]) -> Option<Format> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut head = Vec::new();
        let mut dec = flate2::read::MultiGzDecoder::new(&bytes[..bytes.len().min(1 << 16)]);
        let _ = (&mut dec).take(64).read_to_end(&mut head);
        return head.starts_with(b"WARC/").then_some(Format::Warc);
    }
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(body.len());
    let head = &body[start..body.len().min(start + 2048)];
    if head.starts_with(b"WARC/") {
        return Some(Format::Warc);
    }
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let has = |n: &[u8]| crate::charset::find(&lower, n).is_some();
    if lower.starts_with(b"<") {
        if has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf") {
            return Some(Format::Feed);
        }
        if lower.starts_with(b"<!doctype html") || has(b"<html") || has(b"<head") || has(b"<body") {
            return Some(Format::Html);
        }
        return None;
    }
    if lower.starts_with(b"---\n") || lower.starts_with(b"---\r\n") {
        return Some(Format::Markdown);
    }
    if lower.starts_with(b"{") {
        let line_end = body[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(body.len(), |p| start + p);
        let first = &body[start..line_end];
        if serde_json::from_slice::<serde_json::Value>(first).is_ok_and(|v| v.is_object()) {
            return Some(Format::Jsonl);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_then_sniff() {
        assert_eq!(detect("a/b.txt", b"Title\n\nBody"), Ok(Format::Text));
        assert_eq!(
            detect("b.txt", b"<!DOCTYPE html><html><p>x</p></html>"),
            Ok(Format::Html)
        );
        assert_eq!(
            detect("f.xml", b"<?xml version=\"1.0\"?><rss version=\"2.0\">"),
            Ok(Format::Feed)
        );
        assert_eq!(
            detect("f.xml", b"<?xml version=\"1.0\"?><feed xmlns=\"x\">"),
            Ok(Format::Feed)
        );
        assert_eq!(detect("F.JSONL", b"{\"text\":\"x\"}\n"), Ok(Format::Jsonl));
        assert_eq!(detect("x.warc", b"WARC/1.0\r\n"), Ok(Format::Warc));
    }

    #[test]
    fn unknown_extensions_are_sniffed_or_refused() {
        assert_eq!(detect("page", b"  <html><body>x</body></html>"), Ok(Format::Html));
        assert_eq!(
            detect("dump.data", b"{\"title\":\"t\",\"text\":\"x\"}\n"),
            Ok(Format::Jsonl)
        );
        assert_eq!(detect("notes.csv", b"a,b,c\n1,2,3\n"), Err("unknown format"));
        assert_eq!(detect("x.gz", &[0x1f, 0x8b, 0, 0]), Err("unknown format"));
    }
}
