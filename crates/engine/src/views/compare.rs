//! Word-level differences inside aligned passages, for side-by-side comparisons.
//!
//! Same-language passages are diffed word by word. A translation shares no words with its source,
//! so its paragraphs are paired by position and only language-independent anchors are compared:
//! figures (tokens with a digit) and names (capitalised words not opening a sentence).

use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};
use wiretrace_model::{Article, CharSpan};
use wiretrace_text::FastSet;

/// A run of text in a compared passage; `changed` when the other side lacks it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Piece {
    /// The text (words and the spaces between them).
    pub text: String,
    /// True when this run differs from the other side.
    pub changed: bool,
}

/// Appends text to a piece list, merging runs with the same flag.
fn push(out: &mut Vec<Piece>, text: &str, changed: bool) {
    match out.last_mut() {
        Some(last) if last.changed == changed => last.text.push_str(text),
        _ => out.push(Piece {
            text: text.to_string(),
            changed,
        }),
    }
}

/// Diffs two passages of the same language word by word: each side's pieces, the words the other
/// side lacks marked changed.
pub fn word_diff(left: &str, right: &str) -> (Vec<Piece>, Vec<Piece>) {
    let diff = TextDiff::from_words(left, right);
    let (mut l, mut r) = (Vec::new(), Vec::new());
    for change in diff.iter_all_changes() {
        let w = change.value();
        match change.tag() {
            ChangeTag::Equal => {
                push(&mut l, w, false);
                push(&mut r, w, false);
            }
            // Whitespace alone is never a difference worth a highlight.
            ChangeTag::Delete => push(&mut l, w, !w.trim().is_empty()),
            ChangeTag::Insert => push(&mut r, w, !w.trim().is_empty()),
        }
    }
    (l, r)
}

/// Paragraph spans (char offsets) of a text whose paragraphs are separated by blank lines.
pub(crate) fn paragraphs(text: &str) -> Vec<CharSpan> {
    let mut out = Vec::new();
    let mut start = 0u32;
    for p in text.split("\n\n") {
        let n = p.chars().count() as u32;
        if !p.trim().is_empty() {
            out.push(CharSpan::new(start, start + n));
        }
        start += n + 2;
    }
    out
}

/// The anchor key of a word, if it is one: a figure's digits, or a name's folded form.
fn anchor(word: &str, sentence_start: bool) -> Option<String> {
    if word.chars().any(|c| c.is_ascii_digit()) {
        return Some(word.chars().filter(char::is_ascii_digit).collect());
    }
    let first = word.chars().next()?;
    (first.is_uppercase() && !sentence_start).then(|| wiretrace_text::fold(word))
}

/// Each word of a text with whether it opens a sentence.
fn words_with_starts(text: &str) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut prev_end = 0usize;
    for t in wiretrace_text::tokens(text) {
        let (s, e) = (t.start as usize, t.end as usize);
        let gap = &text[prev_end..s];
        let starts = out.is_empty() || gap.contains(['.', '!', '?', '。', '！', '？', '\n']);
        out.push((s, e, starts));
        prev_end = e;
    }
    out
}

fn anchors(text: &str) -> FastSet<String> {
    words_with_starts(text)
        .into_iter()
        .filter_map(|(s, e, st)| anchor(&text[s..e], st))
        .collect()
}

/// Marks the anchors of `text` that `other` lacks.
fn anchor_pieces(text: &str, other: &FastSet<String>) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut at = 0usize;
    for (s, e, st) in words_with_starts(text) {
        let changed = anchor(&text[s..e], st).is_some_and(|k| !other.contains(&k));
        push(&mut out, &text[at..s], false);
        push(&mut out, &text[s..e], changed);
        at = e;
    }
    push(&mut out, &text[at..], false);
    out
}

/// One pair of passages of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlignedPassage {
    /// Span in the first article.
    pub a: CharSpan,
    /// Span in the second article.
    pub b: CharSpan,
    /// Share of aligned words identical after folding (`None` for paired translation paragraphs).
    pub identity: Option<f32>,
    /// The first side's text.
    pub a_text: String,
    /// The second side's text.
    pub b_text: String,
    /// The first side's text, differing words marked.
    pub a_pieces: Vec<Piece>,
    /// The second side's text, differing words marked.
    pub b_pieces: Vec<Piece>,
}

/// Pairs the paragraphs of a translation with its source's by position, marking figures and
/// names that the other side lacks.
pub(crate) fn translation_passages(a: &Article, b: &Article) -> Vec<AlignedPassage> {
    let (pa, pb) = (paragraphs(&a.text), paragraphs(&b.text));
    pa.iter()
        .zip(pb.iter())
        .map(|(sa, sb)| {
            let (ta, tb) = (sa.slice(&a.text), sb.slice(&b.text));
            AlignedPassage {
                a: *sa,
                b: *sb,
                identity: None,
                a_text: ta.to_string(),
                b_text: tb.to_string(),
                a_pieces: anchor_pieces(ta, &anchors(tb)),
                b_pieces: anchor_pieces(tb, &anchors(ta)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changed(p: &[Piece]) -> Vec<&str> {
        p.iter().filter(|p| p.changed).map(|p| p.text.trim()).collect()
    }

    #[test]
    fn word_diff_marks_only_the_differing_words_and_keeps_all_text() {
        let (l, r) = word_diff(
            "The ferry carried 40 cars today.",
            "The ferry carried 45 cars today.",
        );
        assert_eq!(changed(&l), ["40"]);
        assert_eq!(changed(&r), ["45"]);
        let joined: String = r.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, "The ferry carried 45 cars today.");
    }

    #[test]
    fn translation_anchors_compare_figures_and_names_not_words() {
        let mut a = Article::new("a.txt", "The mayor of Velden said 300 homes flooded.");
        a.language = Some("en".into());
        let mut b = Article::new("b.txt", "El alcalde de Velden dijo que 350 casas se inundaron.");
        b.language = Some("es".into());
        let p = translation_passages(&a, &b);
        assert_eq!(p.len(), 1);
        assert_eq!(changed(&p[0].a_pieces), ["300"]);
        assert_eq!(changed(&p[0].b_pieces), ["350"]);
    }
}
