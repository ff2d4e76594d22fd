//! RSS 2.0, RSS 1.0 and Atom feeds (`.xml`, `.rss`, `.atom`) → one article per item.
//!
//! Parsed with feed-rs (its own charset handling from the XML declaration; content sanitising off so
//! furniture classes survive; item ids made deterministic; dates through [`crate::parse_date`]).
//! Per item `N` (0-based, document order) → `feed.xml#N`:
//!
//! - text: `content:encoded` / Atom `content`, else `description` / `summary`; HTML is read as an HTML
//!   fragment (furniture recorded as boilerplate), plain text as paragraphs;
//! - title; url: the item's first link; published: `pubDate` / `published`, else `updated`;
//! - author: `dc:creator` / `author` names (joined with ", ");
//! - outlet: the item's own `<source>` (RSS) or `<source><title>` (Atom) when it has one — aggregator
//!   feeds carry other outlets' stories — else the feed title, kept in metadata `feed_title` too;
//! - language: the item's, else the feed's; metadata: `guid` and `categories`.
//!
//! A file that is not a feed gives one error "invalid feed: …"; an item without text gives
//! "no article text found" for that item. A feed with no items gives no articles and no error.

use feed_rs::model::{Entry, Feed};

use crate::article::{clean_line, Draft};
use crate::charset::{decode_text, sniff_declared};
use crate::{html, Config, IngestError};
use wiretrace_model::Article;

/// Reads every item of a feed.
pub(crate) fn read(cfg: &Config, name: &str, bytes: &[u8]) -> Vec<Result<Article, IngestError>> {
    let parser = feed_rs::parser::Builder::new()
        .sanitize_content(false)
        .id_generator(|links, _title, _uri| links.first().map(|l| l.href.clone()).unwrap_or_default())
        .timestamp_parser(crate::date::parse_date)
        .build();
    let feed: Feed = match parser.parse(bytes) {
        Ok(f) => f,
        Err(e) => {
            return vec![Err(IngestError::new(
                name,
                None,
                format!("invalid feed: {}", lower(&e.to_string())),
            ))]
        }
    };
    let sources = item_sources(bytes, feed.entries.len());
    let feed_title = feed.title.as_ref().and_then(|t| clean_line(&t.content));
    feed.entries
        .into_iter()
        .enumerate()
        .map(|(i, entry)| {
            let raw_len = entry
                .content
                .as_ref()
                .and_then(|c| c.body.as_ref())
                .map_or(0, String::len)
                + entry.summary.as_ref().map_or(0, |s| s.content.len());
            if raw_len as u64 > cfg.max_article_bytes {
                return Err(crate::jsonl::too_large(cfg, name, Some(i)));
            }
            let source = sources.as_ref().and_then(|s| s[i].clone());
            draft_of_entry(entry, feed_title.as_deref(), source, feed.language.as_deref())
                .finish(name, Some(i))
        })
        .collect()
}

fn lower(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn draft_of_entry(
    entry: Entry,
    feed_title: Option<&str>,
    source: Option<String>,
    lang: Option<&str>,
) -> Draft {
    let mut d = Draft {
        title: entry.title.as_ref().map(|t| t.content.clone()),
        ..Draft::default()
    };
    d.url = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .map(|l| l.href.clone());
    d.published = entry.published.or(entry.updated);
    let authors: Vec<String> = entry
        .authors
        .iter()
        .filter_map(|p| p.name.as_deref().and_then(clean_line))
        .collect();
    if !authors.is_empty() {
        d.author = Some(authors.join(", "));
    }
    d.outlet = source.or_else(|| feed_title.map(str::to_string));
    if let Some(ft) = feed_title {
        d.metadata.insert("feed_title".into(), ft.into());
    }
    d.language = entry.language.clone().or(lang.map(str::to_string));
    if !entry.id.is_empty() && Some(&entry.id) != d.url.as_ref() {
        d.metadata.insert("guid".into(), entry.id.clone().into());
    }
    let cats: Vec<serde_json::Value> = entry.categories.iter().map(|c| c.term.clone().into()).collect();
    if !cats.is_empty() {
        d.metadata.insert("categories".into(), cats.into());
    }
    let body = entry
        .content
        .and_then(|c| c.body)
        .filter(|b| !b.trim().is_empty())
        .or_else(|| entry.summary.map(|s| s.content).filter(|b| !b.trim().is_empty()));
    if let Some(body) = body {
        if html::looks_like_html(&body) {
            d.blocks = html::blocks_of_fragment(&body, d.title.as_deref());
        } else {
            d.push_plain_text(&body);
        }
    }
    d
}

/// The outlet each item names in its own `<source>` element (RSS 2.0) or `<source><title>` (Atom),
/// found by a light scan of the raw XML, which feed-rs does not expose. `None` when the scan does not
/// find exactly `expected` items, so a mismatch can never shift outlets between items.
fn item_sources(bytes: &[u8], expected: usize) -> Option<Vec<Option<String>>> {
    let text = decode_text(bytes, sniff_declared(bytes).as_deref()).ok()?;
    let (open, close) = if contains_tag(&text, "item") {
        ("item", "</item>")
    } else {
        ("entry", "</entry>")
    };
    let mut out = Vec::new();
    let mut rest = text.as_str();
    while let Some(start) = find_tag(rest, open) {
        let after = &rest[start..];
        let end = after.find(close).map_or(after.len(), |e| e + close.len());
        let item = &after[..end];
        out.push(source_of(item));
        rest = &after[end..];
    }
    (out.len() == expected).then_some(out)
}

fn contains_tag(text: &str, tag: &str) -> bool {
    find_tag(text, tag).is_some()
}

/// Finds `<tag>` or `<tag ` (not `<tagfoo`).
fn find_tag(text: &str, tag: &str) -> Option<usize> {
    let pat = format!("<{tag}");
    let mut from = 0;
    while let Some(p) = text[from..].find(&pat) {
        let at = from + p;
        let next = text[at + pat.len()..].chars().next();
        if matches!(next, Some('>' | ' ' | '\n' | '\r' | '\t' | '/')) {
            return Some(at);
        }
        from = at + pat.len();
    }
    None
}

/// Blanks CDATA sections (same byte length, still UTF-8), so tags inside item HTML are not matched.
fn blank_cdata(item: &str) -> String {
    let mut b = item.as_bytes().to_vec();
    let mut from = 0;
    while let Some(p) = item[from..].find("<![CDATA[") {
        let start = from + p + 9;
        let end = item[start..].find("]]>").map_or(item.len(), |e| start + e);
        for x in &mut b[start..end] {
            *x = b' ';
        }
        from = end;
        if from >= item.len() {
            break;
        }
    }
    String::from_utf8(b).unwrap_or_default()
}

fn source_of(item: &str) -> Option<String> {
    let s = find_tag(&blank_cdata(item), "source")?;
    let after = &item[s..];
    let gt = after.find('>')?;
    if after[..gt].ends_with('/') {
        return None;
    }
    let inner_end = after.find("</source>")?;
    let inner = after.get(gt + 1..inner_end)?;
    let name = if let Some(t) = find_tag(inner, "title") {
        let t_inner = &inner[t..];
        let open_end = t_inner.find('>')?;
        let close = t_inner.find("</title>")?;
        t_inner.get(open_end + 1..close)?.to_string()
    } else {
        inner.to_string()
    };
    let name = name.trim();
    let name = name
        .strip_prefix("<![CDATA[")
        .and_then(|n| n.strip_suffix("]]>"))
        .unwrap_or(name);
    clean_line(&unescape(name))
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let tail = &rest[p..];
        let Some(semi) = tail.find(';').filter(|&i| i <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let ent = &tail[1..semi];
        let rep = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ if ent.starts_with("#x") || ent.starts_with("#X") => {
                u32::from_str_radix(&ent[2..], 16).ok().and_then(char::from_u32)
            }
            _ if ent.starts_with('#') => ent[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match rep {
            Some(c) => {
                out.push(c);
                rest = &tail[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Roundup</title><language>en</language>
<item><title>One</title><link>https://a.example/1</link><pubDate>Wed, 10 Dec 2025 21:55:00 +0000</pubDate>
<source url="https://b.example/rss">B &amp; Co</source><dc:creator>Ana Ruiz</dc:creator>
<content:encoded><![CDATA[<div class="nav-box"><p>Home | World</p></div><p>First para.</p><p>Second para.</p>]]></content:encoded></item>
<item><title>Two</title><link>https://a.example/2</link><description>Plain text body here.</description></item>
<item><title>Empty</title></item>
</channel></rss>"#;

    #[test]
    fn rss_items_become_articles() {
        let out = read(&Config::default(), "f.xml", RSS.as_bytes());
        assert_eq!(out.len(), 3);
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.path, "f.xml#0");
        assert_eq!(a.title.as_deref(), Some("One"));
        assert_eq!(a.outlet.as_deref(), Some("B & Co"));
        assert_eq!(a.author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(a.url.as_deref(), Some("https://a.example/1"));
        assert_eq!(a.text, "First para.\n\nSecond para.");
        assert_eq!(a.boilerplate.len(), 1);
        assert_eq!(a.published.unwrap().to_rfc3339(), "2025-12-10T21:55:00+00:00");
        let b = out[1].as_ref().unwrap();
        assert_eq!(b.outlet.as_deref(), Some("Roundup"));
        assert_eq!(b.text, "Plain text body here.");
        assert_eq!(
            out[2].as_ref().unwrap_err().to_string(),
            "f.xml#2: no article text found"
        );
    }

    #[test]
    fn atom_entries_become_articles() {
        let atom = r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title>
<entry><title>Post</title><id>urn:1</id><updated>2026-01-08T10:00:00Z</updated><author><name>Li Wei</name></author>
<link href="https://blog.example/post"/><content type="html">&lt;p&gt;Hello there.&lt;/p&gt;</content></entry></feed>"#;
        let out = read(&Config::default(), "f.atom", atom.as_bytes());
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.text, "Hello there.");
        assert_eq!(a.author.as_deref(), Some("Li Wei"));
        assert_eq!(a.outlet.as_deref(), Some("Blog"));
        assert_eq!(a.published.unwrap().to_rfc3339(), "2026-01-08T10:00:00+00:00");
        assert_eq!(a.metadata["guid"], "urn:1");
    }

    #[test]
    fn sources_inside_item_html_are_not_outlets() {
        let rss = r#"<rss version="2.0"><channel><title>F</title><item><title>A</title><description><![CDATA[<video><source src="x.mp4"></video><p>Body text.</p>]]></description><source url="u">Real Outlet</source></item></channel></rss>"#;
        let out = read(&Config::default(), "f.xml", rss.as_bytes());
        assert_eq!(out[0].as_ref().unwrap().outlet.as_deref(), Some("Real Outlet"));
    }

    #[test]
    fn non_feeds_are_one_error() {
        let out = read(&Config::default(), "f.xml", b"<?xml version=\"1.0\"?><notafeed/>");
        assert_eq!(out.len(), 1);
        assert!(out[0].as_ref().unwrap_err().reason.starts_with("invalid feed"));
    }
}
