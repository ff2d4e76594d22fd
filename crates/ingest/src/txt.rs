//! Plain text (`.txt`) → headline and body paragraphs.
//!
//! Input: decoded text. Output: a [`Draft`] whose title is the first line when a blank line follows it
//! and the line is a plausible headline (at most 250 chars), and whose body is the rest. A short line
//! right after the headline that reads "By Jane Doe" (or "Por", "Par", "Von"…) is taken as the author and
//! left out of the body. Paragraphs are the blocks between blank lines; single line breaks inside a
//! paragraph become spaces (see `wiretrace_text::normalize`).
//!
//! Not done here: boilerplate lines in plain text (nav strips, newsletter prompts) stay in the text,
//! because plain text carries no markup to tell them apart safely; the explain stage reports them.
//!
//! # Example
//! ```
//! let out = wiretrace_ingest::read_bytes(&Default::default(), "a.txt", b"Storm hits\n\nBy Ana Ruiz\n\nRain fell.\nRoads shut.");
//! let a = out[0].as_ref().unwrap();
//! assert_eq!(a.title.as_deref(), Some("Storm hits"));
//! assert_eq!(a.author.as_deref(), Some("Ana Ruiz"));
//! assert_eq!(a.text, "Rain fell. Roads shut.");
//! ```

use crate::article::{author_from_byline, Draft};

/// Reads a plain-text article.
pub(crate) fn draft_of_text(text: &str) -> Draft {
    let mut d = Draft::default();
    let t = text.trim_start_matches(['\u{feff}', '\n', '\r', ' ', '\t']);
    let mut body = t;
    if let Some((first, rest)) = split_first_line(t) {
        let blank_follows = rest.lines().next().is_some_and(|l| l.trim().is_empty());
        if blank_follows && !first.trim().is_empty() && first.trim().chars().count() <= 250 {
            d.title = Some(first.trim().to_string());
            body = rest;
            let rest_trim = body.trim_start();
            if let Some((line, after)) = split_first_line(rest_trim) {
                if after.lines().next().is_none_or(|l| l.trim().is_empty()) {
                    if let Some(author) = author_from_byline(line) {
                        d.author = Some(author);
                        body = after;
                    }
                }
            }
        }
    }
    d.push_plain_text(body);
    d
}

fn split_first_line(t: &str) -> Option<(&str, &str)> {
    let i = t.find('\n')?;
    Some((t[..i].trim_end_matches('\r'), &t[i + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Block;

    #[test]
    fn headline_needs_a_blank_line_after_it() {
        let d = draft_of_text("Just one paragraph\nthat wraps.");
        assert_eq!(d.title, None);
        let d = draft_of_text("Headline\r\n\r\nBody one.\r\n\r\nBody two.");
        assert_eq!(d.title.as_deref(), Some("Headline"));
        assert_eq!(
            d.blocks,
            vec![Block::Para("Body one.".into()), Block::Para("Body two.".into())]
        );
    }

    #[test]
    fn a_long_first_line_is_a_paragraph_not_a_headline() {
        let long = "word ".repeat(80);
        let d = draft_of_text(&format!("{long}\n\nSecond."));
        assert_eq!(d.title, None);
    }
}
