//! Markdown with YAML front matter (`.md`, `.markdown`) → metadata and plain-text paragraphs.
//!
//! Front matter (between `---` lines at the top) gives `title`/`headline`, `date`/`published`/
//! `pubDate`, `author`/`authors`/`byline`, `outlet`/`site`/`source`/`publisher`/`site_name`,
//! `url`/`link`/`canonical_url`/`permalink`, `lang`/`language`/`locale`; every other key (tags,
//! categories, layout…) is kept in `Article::metadata` as JSON. Front matter that is not valid YAML is
//! ignored (the body is still read).
//!
//! The body is parsed with pulldown-cmark (CommonMark) and rendered as plain text: paragraphs, headings,
//! list items, quotes and code blocks become paragraphs; emphasis and code marks are dropped; links keep
//! their text; images and raw HTML tags are dropped. A first-level heading at the top of the body is the
//! headline when the front matter has none, and is then left out of the body either way if it repeats
//! the title.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use yaml_rust2::{Yaml, YamlLoader};

use crate::article::{Block, Draft};
use crate::date::parse_date;

/// Reads a Markdown article.
pub(crate) fn draft_of_markdown(text: &str) -> Draft {
    let mut d = Draft::default();
    let (front, body) = split_front_matter(text);
    if let Some(front) = front {
        read_front_matter(front, &mut d);
    }
    let blocks = render(body);
    let mut blocks = blocks.into_iter().peekable();
    if let Some((true, first)) = blocks.peek().map(|(h1, t)| (*h1, t.clone())) {
        match &d.title {
            None => {
                d.title = Some(first);
                blocks.next();
            }
            Some(t) if t.split_whitespace().eq(first.split_whitespace()) => {
                blocks.next();
            }
            _ => {}
        }
    }
    d.blocks = blocks.map(|(_, t)| Block::Para(t)).collect();
    d
}

/// Splits `---\n…\n---` front matter from the body.
fn split_front_matter(text: &str) -> (Option<&str>, &str) {
    let t = text.trim_start_matches('\u{feff}');
    let Some(rest) = t.strip_prefix("---\n").or_else(|| t.strip_prefix("---\r\n")) else {
        return (None, t);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let l = line.trim_end();
        if l == "---" || l == "..." {
            return (Some(&rest[..offset]), &rest[offset + line.len()..]);
        }
        offset += line.len();
    }
    (None, t)
}

fn read_front_matter(front: &str, d: &mut Draft) {
    let docs = match YamlLoader::load_from_str(front) {
        Ok(docs) => docs,
        Err(e) => {
            tracing::debug!("front matter is not YAML: {e}");
            return;
        }
    };
    let Some(Yaml::Hash(map)) = docs.into_iter().next() else {
        return;
    };
    for (k, v) in map {
        let Some(key) = k.as_str().map(str::to_string) else {
            continue;
        };
        let lower = key.to_ascii_lowercase();
        let s = scalar(&v);
        match lower.as_str() {
            "title" | "headline" if d.title.is_none() => d.title = s,
            "date" | "published" | "pubdate" | "published_at" | "date_published" | "publishdate"
                if d.published.is_none() =>
            {
                d.published = s.as_deref().and_then(parse_date);
                if d.published.is_none() {
                    d.metadata.insert(key, to_json(&v));
                }
            }
            "author" | "authors" | "byline" | "creator" if d.author.is_none() => d.author = names(&v),
            "outlet" | "site" | "source" | "publisher" | "site_name" | "sitename" | "publication"
                if d.outlet.is_none() =>
            {
                d.outlet = names(&v)
            }
            "url" | "link" | "canonical_url" | "canonical" | "permalink" if d.url.is_none() => d.url = s,
            "lang" | "language" | "locale" if d.language.is_none() => d.language = s,
            _ => {
                d.metadata.insert(key, to_json(&v));
            }
        }
    }
}

fn scalar(v: &Yaml) -> Option<String> {
    match v {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

fn names(v: &Yaml) -> Option<String> {
    match v {
        Yaml::Array(items) => {
            let n: Vec<String> = items.iter().filter_map(names).collect();
            (!n.is_empty()).then(|| n.join(", "))
        }
        Yaml::Hash(h) => h.get(&Yaml::String("name".into())).and_then(scalar),
        other => scalar(other),
    }
}

fn to_json(v: &Yaml) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Yaml::String(s) => Value::String(s.clone()),
        Yaml::Real(s) => s
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::String(s.clone()), Value::Number),
        Yaml::Integer(i) => Value::from(*i),
        Yaml::Boolean(b) => Value::Bool(*b),
        Yaml::Array(a) => Value::Array(a.iter().map(to_json).collect()),
        Yaml::Hash(h) => {
            let mut m = serde_json::Map::new();
            for (k, v) in h {
                if let Some(k) = scalar(k) {
                    m.insert(k, to_json(v));
                }
            }
            Value::Object(m)
        }
        _ => Value::Null,
    }
}

/// Renders Markdown to plain-text blocks; the flag marks a first-level heading.
fn render(md: &str) -> Vec<(bool, String)> {
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut image_depth = 0usize;
    let mut h1 = false;
    let flush = |buf: &mut String, out: &mut Vec<(bool, String)>, h1: bool| {
        let t = buf.trim();
        if !t.is_empty() {
            out.push((h1, t.to_string()));
        }
        buf.clear();
    };
    for ev in Parser::new(md) {
        match ev {
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut buf, &mut out, false);
                h1 = level == pulldown_cmark::HeadingLevel::H1;
            }
            Event::End(TagEnd::Heading(_)) => {
                flush(&mut buf, &mut out, h1);
                h1 = false;
            }
            Event::Start(
                Tag::Paragraph | Tag::Item | Tag::BlockQuote(_) | Tag::CodeBlock(_) | Tag::TableRow,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::TableRow,
            ) => flush(&mut buf, &mut out, false),
            Event::Text(t) | Event::Code(t) if image_depth == 0 => buf.push_str(&t),
            Event::SoftBreak => buf.push(' '),
            Event::HardBreak => buf.push('\n'),
            Event::End(TagEnd::TableCell) => buf.push(' '),
            _ => {}
        }
    }
    flush(&mut buf, &mut out, false);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_fields_and_extras() {
        let md = "---\ntitle: \"Storm hits\"\ndate: 2025-09-24 05:40:00 +0000\nauthor: [Ana Ruiz, Li Wei]\noutlet: The Courier\nlang: es\ntags: [weather, coast]\n---\n\nBody *text* with [a link](http://x).\n";
        let d = draft_of_markdown(md);
        assert_eq!(d.title.as_deref(), Some("Storm hits"));
        assert_eq!(d.author.as_deref(), Some("Ana Ruiz, Li Wei"));
        assert_eq!(d.outlet.as_deref(), Some("The Courier"));
        assert_eq!(d.language.as_deref(), Some("es"));
        assert_eq!(d.published.unwrap().to_rfc3339(), "2025-09-24T05:40:00+00:00");
        assert_eq!(d.metadata["tags"], serde_json::json!(["weather", "coast"]));
        assert_eq!(d.blocks, vec![Block::Para("Body text with a link.".into())]);
    }

    #[test]
    fn markup_is_stripped_and_blocks_kept() {
        let md = "# Headline\n\n## Sub\n\nOne **bold**\nline.\n\n![img](x.png)\n\n- item `code`\n- two\n\n> quoted\n";
        let d = draft_of_markdown(md);
        assert_eq!(d.title.as_deref(), Some("Headline"));
        let texts: Vec<String> = d
            .blocks
            .iter()
            .map(|b| match b {
                Block::Para(p) => p.clone(),
                _ => String::new(),
            })
            .collect();
        assert_eq!(texts, vec!["Sub", "One bold line.", "item code", "two", "quoted"]);
    }

    #[test]
    fn broken_front_matter_keeps_the_body() {
        let d = draft_of_markdown("---\ntitle: [unclosed\n---\nBody.\n");
        assert_eq!(d.title, None);
        assert_eq!(d.blocks, vec![Block::Para("Body.".into())]);
    }
}
