//! Plain text (`.txt`) → headline, header fields and body paragraphs.
//!
//! Input: decoded text. Output: a [`Draft`]. Real text files open the way printed copy does, and the
//! reader takes that header apart:
//!
//! - **Front matter** (a YAML `---` or TOML `+++` block at the top) is read as in Markdown whatever the
//!   extension, when it parses as a mapping; the rest is read as below.
//! - **Headline**: the first line, when it is at most [`MAX_HEADLINE_CHARS`] long and either a blank
//!   line follows it or it ends without sentence punctuation and the next line starts a new sentence
//!   (a headline followed directly by its standfirst). A wrapped paragraph (next line in lower case,
//!   or the first line ending in a comma or hyphen) has no headline.
//! - **Header lines** after the headline, in any order, each left out of the body: "By NAME" (author),
//!   "Edited by NAME" / "Reviewed by NAME" (`metadata.editor`, `metadata.reviewer`; a run of header
//!   lines holding such a credit, an aggregator's trust box, is also recorded as `editorial` furniture),
//!   a date line (its "Published" word may stand on the line before) "Published Jan 8, 2026" / "Publicado el…" /
//!   "Veröffentlicht am…" / "Publié le…" or a bare date (the publication date, `published_from:
//!   header`), and "Updated…" lines (`metadata.updated`, never the publication date).
//! - **Standfirst**: the first other line of the header block stays the first body paragraph and is
//!   also recorded as `metadata.standfirst`.
//! - **Dateline**: a body opening "CITY —" or "CITY, Country (Agency) –" is recorded as
//!   `metadata.dateline`; the text keeps it (it is part of the wire copy).
//!
//! Paragraphs are the blocks between blank lines; single line breaks inside a paragraph become spaces
//! (see `wiretrace_text::normalize`).
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

use wiretrace_lang::page_words::EDITOR_PREFIXES;

use crate::article::{author_from_byline, clean_line, Block, Draft};
use crate::date::{dates_in_text, parse_date, Cue};

/// Longest first line read as a headline; longer ones are paragraphs.
const MAX_HEADLINE_CHARS: usize = 250;

/// Longest line read as a header line (byline, date line); longer ones are body text.
const MAX_HEADER_LINE_CHARS: usize = 160;

/// How many non-blank lines after the headline are read as the header block at most.
const MAX_HEADER_LINES: usize = 8;

/// Longest dateline ("WASHINGTON", "SÃO PAULO, Brazil (Reuters)") before its dash, in chars.
const MAX_DATELINE_CHARS: usize = 60;

/// Reads a plain-text article.
pub(crate) fn draft_of_text(text: &str) -> Draft {
    let mut d = Draft::default();
    let t = text.trim_start_matches('\u{feff}');
    let t = crate::markdown::take_front_matter(t, &mut d);
    let t = t.trim_start_matches(['\n', '\r', ' ', '\t']);
    let lines: Vec<&str> = t.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    let mut skipped = Vec::new();
    if d.title.is_none() && starts_with_headline(&lines) {
        d.title = Some(lines[0].trim().to_string());
        skipped.push(0);
        read_header(&lines, 1, &mut d, &mut skipped);
    } else if d.title.is_some() {
        read_header(&lines, 0, &mut d, &mut skipped);
    }
    let body: String = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !skipped.contains(i))
        .map(|(_, l)| *l)
        .collect::<Vec<_>>()
        .join("\n");
    record_dateline(&body, &mut d);
    d.push_plain_text(&body);
    d
}

/// True when the first line is a headline (see the module doc).
fn starts_with_headline(lines: &[&str]) -> bool {
    let Some(first) = lines.first().map(|l| l.trim()) else {
        return false;
    };
    if first.is_empty() || first.chars().count() > MAX_HEADLINE_CHARS || lines.len() < 2 {
        return false;
    }
    let next = lines[1].trim();
    if next.is_empty() {
        return true;
    }
    let open_end = first.ends_with(['.', ',', ';', ':', '-', '\u{2010}']) && !first.ends_with("...");
    let next_starts_sentence = next
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric() || "\"'“‘«„¿¡".contains(c));
    !open_end && next_starts_sentence
}

/// Reads the header block from line `start` (after the headline): header lines are read into the
/// draft and their indices added to `skipped`; the first other line is the standfirst when nothing but
/// header lines stands between it and the headline and a blank line, a header line or the end follows it.
fn read_header(lines: &[&str], start: usize, d: &mut Draft, skipped: &mut Vec<usize>) {
    let mut blank_seen = false;
    let mut standfirst_seen = false;
    let mut read = 0;
    let mut i = start;
    // Consecutive header lines; a run holding an editorial credit is recorded as furniture.
    let mut run: Vec<&str> = Vec::new();
    let mut run_editorial = false;
    while i < lines.len() && read < MAX_HEADER_LINES {
        let line = lines[i].trim();
        i += 1;
        if line.is_empty() {
            blank_seen = true;
            close_run(&mut run, &mut run_editorial, d);
            continue;
        }
        read += 1;
        if let Some(kind) = header_line(line, d) {
            skipped.push(i - 1);
            run.push(line);
            run_editorial |= kind == Header::Editorial;
            continue;
        }
        close_run(&mut run, &mut run_editorial, d);
        let next_closes = lines.get(i).is_none_or(|l| {
            let l = l.trim();
            l.is_empty() || header_line(l, &mut Draft::default()).is_some()
        });
        if start > 0 && !blank_seen && !standfirst_seen && next_closes {
            d.metadata.insert("standfirst".into(), line.into());
            standfirst_seen = true;
            continue;
        }
        break;
    }
    close_run(&mut run, &mut run_editorial, d);
}

/// Ends a run of header lines: one holding an editorial credit ("Edited by… / Reviewed by…", the
/// trust box of aggregators) is recorded as furniture, as HTML records such boxes; a plain byline or
/// date line is metadata only.
fn close_run(run: &mut Vec<&str>, editorial: &mut bool, d: &mut Draft) {
    if *editorial && !run.is_empty() {
        d.blocks.push(Block::Furniture {
            text: run.join("\n"),
            reason: "editorial",
        });
    }
    run.clear();
    *editorial = false;
}

/// What a header line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Header {
    /// "Edited by…", "Reviewed by…".
    Editorial,
    /// "By NAME".
    Byline,
    /// A date line, or a lone "Published" / "Updated" word before one.
    Date,
}

/// Reads one header line into the draft; `None` when it is not one.
fn header_line(line: &str, d: &mut Draft) -> Option<Header> {
    if line.chars().count() > MAX_HEADER_LINE_CHARS {
        return None;
    }
    let lower = line.to_lowercase();
    if let Some(p) = EDITOR_PREFIXES.iter().find(|p| lower.starts_with(*p)) {
        if let Some(name) = clean_line(&line[p.len()..]) {
            let key = if p.starts_with("reviewed") {
                "reviewer"
            } else {
                "editor"
            };
            d.metadata.entry(key.to_string()).or_insert(name.into());
            return Some(Header::Editorial);
        }
    }
    if let Some(author) = author_from_byline(line) {
        if d.author.is_none() {
            d.author = Some(author);
        }
        return Some(Header::Byline);
    }
    if lone_cue_word(line) {
        return Some(Header::Date);
    }
    date_line(line, d).then_some(Header::Date)
}

/// True for a line that is only a "Published" / "Updated" word (the date follows on the next line).
fn lone_cue_word(line: &str) -> bool {
    use wiretrace_lang::date_words::{PUBLISHED_WORDS, UPDATED_WORDS};
    let folded: String = line
        .trim_end_matches([':', '.'])
        .chars()
        .flat_map(crate::date::fold_char)
        .collect();
    PUBLISHED_WORDS.contains(&folded.as_str()) || UPDATED_WORDS.contains(&folded.as_str())
}

/// Reads a date line: a publication date ("Published…", or a line that is only a date) or an update.
fn date_line(line: &str, d: &mut Draft) -> bool {
    let dates = dates_in_text(line);
    let Some(first) = dates.first() else {
        return parse_date(line).is_some_and(|when| {
            d.published.get_or_insert(when);
            d.metadata
                .entry("published_from".into())
                .or_insert("header".into());
            true
        });
    };
    // A date line is mostly its date: a sentence that mentions a date is body text.
    if line.split_whitespace().count() > 12 {
        return false;
    }
    match first.cue {
        Cue::Updated => {
            d.metadata.insert("updated".into(), first.date.to_string().into());
        }
        Cue::Published | Cue::Plain => {
            if d.published.is_none() {
                d.published = parse_date(line).or_else(|| Some(first.date.and_hms_opt(0, 0, 0)?.and_utc()));
                d.metadata.insert("published_from".into(), "header".into());
            }
            if let Some(update) = dates.iter().skip(1).find(|x| x.cue == Cue::Updated) {
                d.metadata
                    .insert("updated".into(), update.date.to_string().into());
            }
        }
    }
    true
}

/// How many opening paragraphs are looked at for a dateline (the standfirst may come first).
const DATELINE_PARAGRAPHS: usize = 2;

/// Records a "CITY —" dateline opening the body (or the paragraph after the standfirst) as
/// `metadata.dateline`.
fn record_dateline(body: &str, d: &mut Draft) {
    for para in body
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .take(DATELINE_PARAGRAPHS)
    {
        if let Some(city) = dateline_of(para.trim_start()) {
            d.metadata.insert("dateline".into(), city.into());
            return;
        }
    }
}

/// The dateline opening a paragraph, if any.
fn dateline_of(first: &str) -> Option<&str> {
    for dash in [" — ", " – ", " - ", "—", "–"] {
        if let Some((head, _)) = first.split_once(dash) {
            let head = head.trim();
            let letters: Vec<char> = head.chars().filter(|c| c.is_alphabetic()).collect();
            // The city is written in capitals ("WASHINGTON", "SÃO PAULO, Brazil (Reuters)").
            let first_word = head.split([',', ' ', '(']).next().unwrap_or("");
            let caps = first_word.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && first_word
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase);
            return (!letters.is_empty() && head.chars().count() <= MAX_DATELINE_CHARS && caps)
                .then_some(head);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(d: &Draft) -> Vec<String> {
        d.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Para(p) => Some(p.trim().to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn headline_needs_a_blank_line_or_a_new_sentence_after_it() {
        let d = draft_of_text("Just one paragraph\nthat wraps.");
        assert_eq!(d.title, None);
        let d = draft_of_text("A paragraph that ends in a comma,\nAnd goes on.");
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

    #[test]
    fn every_header_kind_is_read() {
        let text = "Harbour bridge to close for a month\n\
            Repairs start on Monday after inspectors found cracked bearings.\n\
            By Tomas Lindqvist\n\
            Edited By Mara Osei\n\
            Published Jan 8, 2026\n\
            \n\
            PORTVILLE — The harbour bridge will close for four weeks, the council said.\n\
            \n\
            Buses will run a detour.\n";
        let d = draft_of_text(text);
        assert_eq!(d.title.as_deref(), Some("Harbour bridge to close for a month"));
        assert_eq!(d.author.as_deref(), Some("Tomas Lindqvist"));
        assert_eq!(d.metadata["editor"], "Mara Osei");
        assert_eq!(d.published.unwrap().to_rfc3339(), "2026-01-08T00:00:00+00:00");
        assert_eq!(d.metadata["published_from"], "header");
        assert_eq!(d.metadata["dateline"], "PORTVILLE");
        assert_eq!(
            d.metadata["standfirst"],
            "Repairs start on Monday after inspectors found cracked bearings."
        );
        assert_eq!(
            paras(&d),
            vec![
                "Repairs start on Monday after inspectors found cracked bearings.",
                "PORTVILLE — The harbour bridge will close for four weeks, the council said.",
                "Buses will run a detour."
            ]
        );
    }

    #[test]
    fn editorial_credit_runs_are_furniture() {
        let d = draft_of_text("Storm closes schools\n\nEdited By Valley Wire Editorial Team\nReviewed By Senior Editor\nPublished\nJun 26, 2025\n\nThe storm arrived overnight.");
        assert_eq!(d.metadata["editor"], "Valley Wire Editorial Team");
        assert_eq!(d.metadata["reviewer"], "Senior Editor");
        assert_eq!(d.published.unwrap().date_naive().to_string(), "2025-06-26");
        assert_eq!(paras(&d), vec!["The storm arrived overnight."]);
        assert_eq!(
            d.blocks[0],
            Block::Furniture {
                text:
                    "Edited By Valley Wire Editorial Team\nReviewed By Senior Editor\nPublished\nJun 26, 2025"
                        .into(),
                reason: "editorial"
            }
        );
    }

    #[test]
    fn standfirst_without_blank_line_then_body() {
        let d = draft_of_text(
            "Storm closes schools\nAll schools in the valley shut on Friday.\n\nThe storm arrived overnight.",
        );
        assert_eq!(d.title.as_deref(), Some("Storm closes schools"));
        assert_eq!(
            paras(&d),
            vec![
                "All schools in the valley shut on Friday.",
                "The storm arrived overnight."
            ]
        );
    }

    #[test]
    fn date_lines_in_several_languages_and_updates() {
        for (line, want) in [
            ("Publicado el 3 de febrero de 2026", "2026-02-03"),
            ("Veröffentlicht am 03.02.2026, 14:10 Uhr", "2026-02-03"),
            ("Publié le 3 février 2026", "2026-02-03"),
            ("Pubblicato il 3 febbraio 2026", "2026-02-03"),
            ("Opublikowano 3 lutego 2026", "2026-02-03"),
        ] {
            let d = draft_of_text(&format!("Headline here\n{line}\n\nBody text follows."));
            let got = d.published.map(|p| p.date_naive().to_string());
            assert_eq!(got.as_deref(), Some(want), "{line}");
            assert_eq!(paras(&d), vec!["Body text follows."], "{line}");
        }
        let d = draft_of_text("Headline here\nUpdated 9 Feb 2026\nPublished 3 Feb 2026\n\nBody.");
        assert_eq!(d.published.unwrap().date_naive().to_string(), "2026-02-03");
        assert_eq!(d.metadata["updated"], "2026-02-09");
    }

    #[test]
    fn front_matter_in_a_text_file() {
        let d = draft_of_text("---\ntitle: Ferry strike ends\ndate: 2026-03-02\nauthor: Lea Brandt\n---\nThe ferry crews returned to work.\n");
        assert_eq!(d.title.as_deref(), Some("Ferry strike ends"));
        assert_eq!(d.author.as_deref(), Some("Lea Brandt"));
        assert_eq!(d.published.unwrap().date_naive().to_string(), "2026-03-02");
        assert_eq!(paras(&d), vec!["The ferry crews returned to work."]);
        // A rule that opens a text is not front matter.
        let d = draft_of_text("---\nJust a line\n\nAnd text.");
        assert!(paras(&d).iter().any(|p| p.contains("Just a line")));
    }
}
