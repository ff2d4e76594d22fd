//! Markdown with YAML or TOML front matter (`.md`, `.markdown`) → metadata and plain-text paragraphs.
//!
//! Front matter (YAML between `---` lines at the top, or TOML between `+++` lines as Hugo writes it)
//! gives `title`/`headline`, `date`/`published`/
//! `pubDate`, `author`/`authors`/`byline`, `outlet`/`site`/`source`/`publisher`/`site_name`,
//! `url`/`link`/`canonical_url`/`permalink`, `lang`/`language`/`locale`; every other key (tags,
//! categories, layout…) is kept in `Article::metadata` as JSON. Front matter that does not parse is
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
    if let Some((kind, front)) = front {
        read_front_matter(kind, front, &mut d);
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

/// Reads a leading YAML or TOML front-matter block of any text into `d` and returns the text after it;
/// the whole text when there is none, or when the block does not parse as a mapping (so a text that
/// merely opens with a `---` rule loses nothing).
pub(crate) fn take_front_matter<'t>(text: &'t str, d: &mut Draft) -> &'t str {
    match split_front_matter(text) {
        (Some((kind, front)), body) if front_matter_map(kind, front).is_some() => {
            read_front_matter(kind, front, d);
            body
        }
        _ => text,
    }
}

/// The language of a front-matter block, by its fence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FrontMatter {
    /// Between `---` lines.
    Yaml,
    /// Between `+++` lines.
    Toml,
}

/// Splits `---\n…\n---` (YAML) or `+++\n…\n+++` (TOML) front matter from the body.
fn split_front_matter(text: &str) -> (Option<(FrontMatter, &str)>, &str) {
    let t = text.trim_start_matches('\u{feff}');
    let (kind, rest) = if let Some(rest) = t.strip_prefix("---\n").or_else(|| t.strip_prefix("---\r\n")) {
        (FrontMatter::Yaml, rest)
    } else if let Some(rest) = t.strip_prefix("+++\n").or_else(|| t.strip_prefix("+++\r\n")) {
        (FrontMatter::Toml, rest)
    } else {
        return (None, t);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let l = line.trim_end();
        let closes = match kind {
            FrontMatter::Yaml => l == "---" || l == "...",
            FrontMatter::Toml => l == "+++",
        };
        if closes {
            return (Some((kind, &rest[..offset])), &rest[offset + line.len()..]);
        }
        offset += line.len();
    }
    (None, t)
}

/// Parses front matter into a JSON object; `None` when it does not parse or is not a mapping.
fn front_matter_map(kind: FrontMatter, front: &str) -> Option<serde_json::Map<String, serde_json::Value>> {
    let value = match kind {
        FrontMatter::Yaml => match YamlLoader::load_from_str(front) {
            Ok(docs) => docs.into_iter().next().map(|y| yaml_to_json(&y))?,
            Err(e) => {
                tracing::debug!("front matter is not YAML: {e}");
                return None;
            }
        },
        FrontMatter::Toml => match front.parse::<toml::Table>() {
            Ok(table) => toml_to_json(&toml::Value::Table(table)),
            Err(e) => {
                tracing::debug!("front matter is not TOML: {e}");
                return None;
            }
        },
    };
    match value {
        serde_json::Value::Object(map) => Some(map),
        _ => None,
    }
}

fn read_front_matter(kind: FrontMatter, front: &str, d: &mut Draft) {
    let Some(map) = front_matter_map(kind, front) else {
        return;
    };
    for (key, v) in map {
        let lower = key.to_ascii_lowercase();
        let s = scalar(&v);
        match lower.as_str() {
            "title" | "headline" if d.title.is_none() => d.title = s,
            "date" | "published" | "pubdate" | "published_at" | "date_published" | "publishdate"
                if d.published.is_none() =>
            {
                d.published = s.as_deref().and_then(parse_date);
                if d.published.is_none() {
                    d.metadata.insert(key, v);
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
                d.metadata.insert(key, v);
            }
        }
    }
}

fn scalar(v: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn names(v: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    match v {
        Value::Array(items) => {
            let n: Vec<String> = items.iter().filter_map(names).collect();
            (!n.is_empty()).then(|| n.join(", "))
        }
        Value::Object(m) => m.get("name").and_then(scalar),
        other => scalar(other),
    }
}

fn yaml_to_json(v: &Yaml) -> serde_json::Value {
    use serde_json::Value;
    match v {
        // (YAML reals keep their written form when it is not a finite JSON number)
        Yaml::String(s) => Value::String(s.clone()),
        Yaml::Real(s) => s
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::String(s.clone()), Value::Number),
        Yaml::Integer(i) => Value::from(*i),
        Yaml::Boolean(b) => Value::Bool(*b),
        Yaml::Array(a) => Value::Array(a.iter().map(yaml_to_json).collect()),
        Yaml::Hash(h) => {
            let mut m = serde_json::Map::new();
            for (k, v) in h {
                if let Some(k) = scalar(&yaml_to_json(k)) {
                    m.insert(k, yaml_to_json(v));
                }
            }
            Value::Object(m)
        }
        _ => Value::Null,
    }
}

/// TOML values as JSON; dates and times (a TOML type of their own) become their RFC 3339 text.
fn toml_to_json(v: &toml::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(i) => Value::from(*i),
        toml::Value::Float(f) => {
            serde_json::Number::from_f64(*f).map_or(Value::String(f.to_string()), Value::Number)
        }
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => Value::Object(t.iter().map(|(k, v)| (k.clone(), toml_to_json(v))).collect()),
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
    fn toml_front_matter_as_hugo_writes_it() {
        let md = "+++\ntitle = \"Puente cerrado por obras\"\ndate = 2026-01-08T08:30:00+01:00\nauthors = [\"Lucía Gómez\"]\n\
                  publisher = \"Diario del Puerto\"\nlanguage = \"es\"\ntags = [\"obras\", \"puerto\"]\ndraft = false\n\
                  [params]\nsection = \"local\"\n+++\n\nEl puente del puerto cerrará seis semanas.\n";
        let d = draft_of_markdown(md);
        assert_eq!(d.title.as_deref(), Some("Puente cerrado por obras"));
        assert_eq!(d.published.unwrap().to_rfc3339(), "2026-01-08T07:30:00+00:00");
        assert_eq!(d.author.as_deref(), Some("Lucía Gómez"));
        assert_eq!(d.outlet.as_deref(), Some("Diario del Puerto"));
        assert_eq!(d.language.as_deref(), Some("es"));
        assert_eq!(d.metadata["tags"], serde_json::json!(["obras", "puerto"]));
        assert_eq!(d.metadata["draft"], serde_json::json!(false));
        assert_eq!(d.metadata["params"], serde_json::json!({"section": "local"}));
        assert_eq!(
            d.blocks,
            vec![Block::Para("El puente del puerto cerrará seis semanas.".into())]
        );
    }

    #[test]
    fn broken_toml_front_matter_keeps_the_body() {
        let d = draft_of_markdown("+++\ntitle = \"unclosed\n+++\n\nBody.\n");
        assert_eq!(d.title, None);
        assert_eq!(d.blocks, vec![Block::Para("Body.".into())]);
    }

    #[test]
    fn broken_front_matter_keeps_the_body() {
        let d = draft_of_markdown("---\ntitle: [unclosed\n---\nBody.\n");
        assert_eq!(d.title, None);
        assert_eq!(d.blocks, vec![Block::Para("Body.".into())]);
    }
}
