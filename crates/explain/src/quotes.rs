//! Quotations and their speakers.
//!
//! Input → output: a text and its language → [`Quote`]s (text without marks, char span of that text,
//! speaker when the text says it, nesting depth, continuation flag).
//!
//! Method: every quotation mark is classified by its neighbours (an opener has space or an opening
//! bracket before it and a word after it; a closer the reverse), falling back on the mark's own
//! direction for spaced French guillemets (`« oui »`); a straight or curly single mark between letters
//! is an apostrophe. Marks form families (double `" “ ” „`, guillemets `« » ‹ ›`, single `' ‘ ’ ‚`);
//! an opener of a family already open starts a *continuation* segment (the press convention
//! `"First sentence. "Second sentence."`, and a quotation running over paragraphs, reopened at each
//! paragraph start). A quotation still open at a paragraph end closes there. Quotes of another family
//! inside an open one are nested (depth 1, 2…).
//!
//! The speaker is read from the words around the quotation: `X said`, `said X`, `X told Y`,
//! `according to X`, `X wrote`, with speech verbs from the language tables; a pronoun points back to
//! the last named speaker; a continuation segment or an unattributed quote in the same paragraph keeps
//! the previous speaker. Guarantees: quotes are returned in text order; spans index `text` in chars.

use serde::{Deserialize, Serialize};
use wiretrace_lang::name_words::PARTICLES;
use wiretrace_model::{CharIndex, CharSpan};

use crate::lang::LangData;

/// One quotation found in a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// Where `text` sits in the article's text (chars, end exclusive).
    pub span: CharSpan,
    /// Who says it, when the text says so.
    pub speaker: Option<String>,
    /// 0 for a top-level quotation, 1 for a quote inside a quote, and so on.
    #[serde(default)]
    pub depth: u8,
    /// True when this segment continues the previous quotation (reopened after a sentence or at a
    /// paragraph start).
    #[serde(default)]
    pub continues: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Guillemet,
    Single,
}

fn family(c: char) -> Option<Family> {
    match c {
        '"' | '“' | '”' | '„' | '‟' => Some(Family::Double),
        '«' | '»' | '‹' | '›' => Some(Family::Guillemet),
        '\'' | '‘' | '’' | '‚' | '‛' => Some(Family::Single),
        _ => None,
    }
}

/// Fixed direction of a mark when context cannot tell: Some(true) opener, Some(false) closer.
fn fixed_direction(c: char) -> Option<bool> {
    match c {
        '«' | '‹' | '„' | '‚' | '“' | '‘' => Some(true),
        '»' | '›' | '”' | '’' => Some(false),
        _ => None,
    }
}

fn opening_context(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':') || family(c).is_some()
}

fn closing_context(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '…' | '—' | '–' | '-'
        )
        || family(c).is_some()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Skip,
}

fn role(prev: Option<char>, c: char, next: Option<char>) -> Role {
    let fam = family(c).unwrap_or(Family::Double);
    let left_open = prev.is_none_or(opening_context);
    let right_close = next.is_none_or(closing_context);
    if fam == Family::Single {
        // apostrophes: between letters/digits, or after a letter with no open single quote (handled by caller)
        if prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric) {
            return Role::Skip;
        }
    }
    match (left_open, right_close) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ => match fixed_direction(c) {
            Some(true) if fam != Family::Single || next.is_some_and(char::is_whitespace) => Role::Open,
            Some(false) => Role::Close,
            _ => Role::Skip,
        },
    }
}

struct Open {
    family: Family,
    content_start: usize, // byte
    continues: bool,
    depth: u8,
}

struct Raw {
    start: usize,
    end: usize,
    depth: u8,
    continues: bool,
}

fn trimmed(text: &str, s: usize, e: usize) -> (usize, usize) {
    if s >= e {
        return (s, s);
    }
    let seg = &text[s..e];
    let lead = seg.len() - seg.trim_start().len();
    let trail = seg.len() - seg.trim_end().len();
    (s + lead, (e - trail).max(s + lead))
}

/// End of a segment reopened at `b`: `b` itself when the segment ends a sentence or clause there,
/// else just after its last sentence stop (when it has one).
fn last_stop(text: &str, start: usize, b: usize) -> usize {
    let seg = text[start..b].trim_end();
    if seg.ends_with(['.', '!', '?', '…', ',', ';', '—', '-']) || seg.is_empty() {
        return b;
    }
    match seg.rfind(['.', '!', '?', '…']) {
        Some(p) if p > 0 => start + p + 1,
        _ => b,
    }
}

/// The stack position of the open quotation that a straight double mark at byte `b`, spaced on both
/// sides, closes: one of its family is open and its text so far ends a sentence or a clause.
fn stray_spaced_closer(
    text: &str,
    stack: &[Open],
    fam: Family,
    prev: Option<char>,
    next: Option<char>,
    b: usize,
) -> Option<usize> {
    let spaced = prev.is_some_and(char::is_whitespace) && next.is_none_or(char::is_whitespace);
    if fam != Family::Double || !spaced || fixed_direction(text[b..].chars().next()?).is_some() {
        return None;
    }
    let pos = stack.iter().rposition(|o| o.family == fam)?;
    let so_far = text[stack[pos].content_start..b].trim_end();
    so_far.ends_with(['.', '!', '?', '…', ',']).then_some(pos)
}

fn scan(text: &str) -> Vec<Raw> {
    // Walked by byte offset, the chars around a mark decoded in place: a table of every char with
    // its offset would cost 16 bytes per char of a book-length text.
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut continue_next_para: Vec<Family> = Vec::new();
    let mut at_para_start = true;
    let emit = |out: &mut Vec<Raw>, o: &Open, end: usize| {
        let (s, e) = trimmed(text, o.content_start, end);
        // a quotation has at least one word of two letters ("rock 'n' roll" has none)
        let wordy = text[s..e]
            .split_whitespace()
            .any(|w| w.chars().filter(|c| c.is_alphanumeric()).count() >= 2);
        if e > s && wordy {
            out.push(Raw {
                start: s,
                end: e,
                depth: o.depth,
                continues: o.continues,
            });
        }
    };
    let mut b = 0;
    while let Some(c) = text[b..].chars().next() {
        let after = b + c.len_utf8();
        if c == '\n' && text.as_bytes().get(after) == Some(&b'\n') {
            // paragraph end: close what is open; double quotes may continue in the next paragraph
            continue_next_para.clear();
            while let Some(o) = stack.pop() {
                if o.family != Family::Single {
                    emit(&mut out, &o, b);
                    continue_next_para.push(o.family);
                }
            }
            while text.as_bytes().get(b) == Some(&b'\n') {
                b += 1;
            }
            at_para_start = true;
            continue;
        }
        if let Some(fam) = family(c) {
            let prev = text[..b].chars().next_back();
            let next = text[after..].chars().next();
            let mut r = role(prev, c, next);
            if fam == Family::Single && r == Role::Open && next.is_some_and(|c| c.is_ascii_digit()) {
                r = Role::Skip; // an elided century ("the '90s")
            }
            if fam == Family::Single && r == Role::Close && !stack.iter().any(|o| o.family == Family::Single)
            {
                r = Role::Skip; // a possessive or elided apostrophe
            }
            let content_start = after;
            match r {
                Role::Open => {
                    let continues;
                    if let Some(pos) = stack.iter().rposition(|o| o.family == fam) {
                        while stack.len() > pos + 1 {
                            let inner = stack.pop().expect("len checked");
                            if inner.family != Family::Single {
                                emit(&mut out, &inner, b);
                            }
                        }
                        let o = stack.pop().expect("position exists");
                        // a segment that does not end a sentence before the next opener lost its
                        // closing mark: it ends at its last sentence stop ("…drunk. He added: \"By…")
                        emit(&mut out, &o, last_stop(text, o.content_start, b));
                        continues = true;
                    } else {
                        continues = at_para_start && continue_next_para.contains(&fam);
                    }
                    let depth = stack.len() as u8;
                    stack.push(Open {
                        family: fam,
                        content_start,
                        continues,
                        depth,
                    });
                }
                Role::Close => {
                    if let Some(pos) = stack.iter().rposition(|o| o.family == fam) {
                        while stack.len() > pos + 1 {
                            stack.pop();
                        }
                        let o = stack.pop().expect("position exists");
                        emit(&mut out, &o, b);
                    }
                }
                Role::Skip => {
                    // A straight mark spaced on both sides after a finished sentence of an open
                    // quotation is its closer with a stray space ("…than ever. " A ruling is due"):
                    // read as an opener, the narration after it would become quoted text.
                    if let Some(pos) = stray_spaced_closer(text, &stack, fam, prev, next, b) {
                        while stack.len() > pos + 1 {
                            stack.pop();
                        }
                        let o = stack.pop().expect("position exists");
                        emit(&mut out, &o, b);
                    }
                }
            }
        }
        if !c.is_whitespace() {
            at_para_start = false;
        }
        b = after;
    }
    while let Some(o) = stack.pop() {
        if o.family != Family::Single {
            emit(&mut out, &o, text.len());
        }
    }
    out.sort_by_key(|r| (r.start, r.end));
    out
}

/// Returns the quotations of `text`, in order, with their speakers.
///
/// # Example
/// ```
/// let q = wiretrace_explain::quotes("\"We will win,\" said Ana Lima. She added: “Watch this.”", Some("en"));
/// assert_eq!(q.len(), 2);
/// assert_eq!(q[0].text, "We will win,");
/// assert_eq!(q[0].speaker.as_deref(), Some("Ana Lima"));
/// assert_eq!(q[1].text, "Watch this.");
/// assert_eq!(q[1].speaker.as_deref(), Some("Ana Lima"));
/// ```
pub fn quotes(text: &str, lang: Option<&str>) -> Vec<Quote> {
    quotes_indexed(text, lang, &CharIndex::new(text))
}

/// [`quotes`] with the text's char index given (a caller that holds one saves building it).
pub(crate) fn quotes_indexed(text: &str, lang: Option<&str>, idx: &CharIndex) -> Vec<Quote> {
    let data = LangData::new(lang);
    let raws: Vec<Raw> = scan(text)
        .into_iter()
        .filter(|r| !is_field_value(text, r))
        .collect();
    let mut out: Vec<Quote> = Vec::with_capacity(raws.len());
    let mut last_named: Option<String> = None;
    let mut prev_top: Option<(usize, Option<String>, usize)> = None; // (end byte, speaker, paragraph start)
    for r in &raws {
        let para_start = text[..r.start].rfind("\n\n").map(|p| p + 2).unwrap_or(0);
        let mut speaker = None;
        if r.depth == 0 && is_term(text, r) {
            // A term in quotation marks is nobody's quotation: no speaker, and it does not pass one on.
            out.push(Quote {
                text: text[r.start..r.end].to_string(),
                span: idx.span(r.start, r.end),
                speaker: None,
                depth: r.depth,
                continues: r.continues,
            });
            continue;
        }
        if r.depth == 0 {
            speaker = attribute(text, r.start, r.end, para_start, &data);
            if let Some(s) = &speaker {
                if is_pronoun_phrase(s, &data) {
                    // the pronoun's antecedent: the last named speaker if this or the previous
                    // paragraph mentions them, else the last full name (two capitalised words) there
                    let clause = clause_before(text, r.start, para_start);
                    let sentence_start = r.start - clause.len();
                    let window = text[..para_start.saturating_sub(2)]
                        .rfind("\n\n")
                        .map(|p| p + 2)
                        .unwrap_or(0);
                    let recent = &text[window..sentence_start];
                    speaker = antecedent(recent, last_named.as_deref(), &data).or_else(|| last_named.clone());
                }
            }
            if speaker.is_none() {
                if let Some((_, sp, pstart)) = &prev_top {
                    if r.continues || *pstart == para_start {
                        speaker = sp.clone();
                    }
                }
            }
            if let Some(s) = &speaker {
                last_named = Some(s.clone());
            }
            prev_top = Some((r.end, speaker.clone(), para_start));
        }
        out.push(Quote {
            text: text[r.start..r.end].to_string(),
            span: idx.span(r.start, r.end),
            speaker,
            depth: r.depth,
            continues: r.continues,
        });
    }
    out
}

fn is_pronoun_phrase(s: &str, data: &LangData) -> bool {
    !s.contains(' ') && data.is_pronoun(s)
}

/// Words of a slice with their byte offsets, punctuation trimmed. A comma, semicolon, colon,
/// bracket or dash between two words becomes a `","` pseudo-word, so that name runs stop there
/// ("wearing Alexander McQueen, Miller said").
fn words(s: &str) -> Vec<(usize, &str)> {
    let mut raw = Vec::new();
    let mut start = None;
    let mut gap_punct = false;
    for (b, c) in s.char_indices() {
        let w = c.is_alphanumeric() || c == '-' || c == '\'' || c == '’' || c == '.';
        match (w, start) {
            (true, None) => {
                start = Some((b, gap_punct));
                gap_punct = false;
            }
            (false, Some((st, gp))) => {
                raw.push((st, &s[st..b], gp));
                start = None;
                gap_punct = matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–');
            }
            (false, None) => gap_punct |= matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–'),
            _ => {}
        }
    }
    if let Some((st, gp)) = start {
        raw.push((st, &s[st..], gp));
    }
    let mut out = Vec::new();
    for (b, w, gp) in raw {
        let t = w.trim_matches(|c: char| !c.is_alphanumeric());
        if t.is_empty() {
            continue;
        }
        if gp && !out.is_empty() {
            out.push((b, ","));
        }
        let off = w.find(t).unwrap_or(0);
        out.push((b + off, t));
    }
    out
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A capitalised name run starting at word `i` going forward.
fn name_forward(ws: &[(usize, &str)], i: usize, data: &LangData) -> Option<String> {
    let mut parts = Vec::new();
    let mut j = i;
    while j < ws.len() {
        let w = ws[j].1;
        let capital = is_cap(w) && !data.is_speech_verb(w);
        let particle =
            !parts.is_empty() && PARTICLES.contains(&w) && ws.get(j + 1).is_some_and(|x| is_cap(x.1));
        if !(capital || particle) {
            break;
        }
        parts.push(w);
        j += 1;
        if parts.len() >= 5 {
            break;
        }
    }
    if parts.is_empty() {
        return None;
    }
    Some(parts.join(" ").trim_end_matches('.').to_string())
}

/// A capitalised name run ending just before word `i` (exclusive).
fn name_backward(ws: &[(usize, &str)], i: usize, data: &LangData) -> Option<String> {
    let mut parts = Vec::new();
    let mut j = i;
    while j > 0 {
        let w = ws[j - 1].1;
        if is_cap(w) && !data.is_function_word(w)
            || (!parts.is_empty() && PARTICLES.contains(&w) && j > 1 && is_cap(ws[j - 2].1))
        {
            parts.push(w);
        } else {
            break;
        }
        j -= 1;
        if parts.len() >= 5 {
            break;
        }
    }
    if parts.is_empty() {
        return None;
    }
    parts.reverse();
    Some(parts.join(" "))
}

fn clause_after(text: &str, end: usize) -> &str {
    // skip the closing mark(s) and punctuation, stop at a sentence end or a new quotation
    let rest = &text[end..];
    let stop = rest
        .char_indices()
        .skip(1)
        .find(|(_, c)| matches!(c, '.' | '!' | '?' | '\n' | '"' | '“' | '«' | '„'))
        .map(|(b, _)| b)
        .unwrap_or(rest.len());
    &rest[..stop]
}

fn clause_before(text: &str, start: usize, para_start: usize) -> &str {
    let before = &text[para_start..start];
    let cut = before
        .char_indices()
        .rev()
        .skip(1)
        .find(|(_, c)| matches!(c, '.' | '!' | '?' | '"' | '”' | '»' | '“'))
        .map(|(b, c)| b + c.len_utf8())
        .unwrap_or(0);
    &before[cut..]
}

fn verb_at(ws: &[(usize, &str)], data: &LangData) -> Option<(usize, usize)> {
    // returns (first word index, word count) of a speech verb (one or two words)
    for i in 0..ws.len() {
        if i + 1 < ws.len() {
            let two = format!("{} {}", ws[i].1, ws[i + 1].1);
            if data.is_speech_verb(&two) {
                return Some((i, 2));
            }
        }
        if data.is_speech_verb(ws[i].1) {
            return Some((i, 1));
        }
    }
    None
}

fn attribute(text: &str, start: usize, end: usize, para_start: usize, data: &LangData) -> Option<String> {
    // after the quote: `," said X`, `," X said`, `," he told the BBC`
    let after = clause_after(text, end);
    let wa = words(after);
    let lead = after.trim_start_matches(|c: char| family(c).is_some() || c.is_whitespace());
    // a quotation that ends its sentence is attributed after it only by a clause that continues the
    // sentence (`"Is it?" he asked`), not by the next sentence
    let content = text[start..end].trim_end();
    let sentence_done = content.ends_with(['.', '!', '?', '…']);
    let continues_sentence = lead.starts_with(|c: char| c == ',' || c.is_lowercase())
        || (!sentence_done && lead.starts_with(char::is_alphabetic));
    if !wa.is_empty() && continues_sentence {
        let head: Vec<_> = wa.iter().take(10).copied().collect();
        if let Some((vi, vn)) = verb_at(&head, data) {
            if vi == 0 {
                // "said Tim Ellsmore", "said harbour master Tim Ellsmore", "a déclaré le maire X"
                for skip in 0..=4 {
                    let k = vn + skip;
                    if k >= head.len() || (skip > 0 && is_cap(head[k - 1].1)) {
                        break;
                    }
                    if let Some(n) = name_forward(&head, k, data) {
                        return Some(n);
                    }
                }
                if let Some(w) = head.get(vn) {
                    if data.is_pronoun(w.1) {
                        return Some(w.1.to_string());
                    }
                }
            } else {
                if let Some(n) = name_backward(&head, vi, data) {
                    return Some(n);
                }
                if data.is_pronoun(head[vi - 1].1) {
                    return Some(head[vi - 1].1.to_string());
                }
                if let Some(n) = name_forward(&head, 0, data) {
                    return Some(n);
                }
            }
        }
    }
    // before the quote: `X said: "`, `According to X, "`, `X told the BBC: "`
    let before = clause_before(text, start, para_start);
    let wb = words(before);
    let folded: Vec<String> = wb.iter().map(|w| wiretrace_text::fold(w.1)).collect();
    for phrase in &data.according_to {
        let pw: Vec<&str> = phrase.split(' ').collect();
        if let Some(k) = folded
            .windows(pw.len())
            .position(|w| w.iter().zip(&pw).all(|(x, y)| x == y))
        {
            if let Some(n) = name_forward(&wb, k + pw.len(), data) {
                return Some(n);
            }
        }
    }
    if let Some((vi, vn)) = verb_at(&wb, data) {
        if vi > 0 {
            if let Some(n) = name_backward(&wb, vi, data) {
                if !(vi == 1 && data.is_function_word(&n)) {
                    return Some(n);
                }
            }
            // "Mr Ancram, the shadow foreign secretary, said": the name before the apposition
            if wb[vi - 1].1 == "," {
                if let Some(k) = (0..vi - 1).rev().find(|&k| wb[k].1 == ",") {
                    if let Some(n) = name_backward(&wb, k, data) {
                        return Some(n);
                    }
                }
            }
            // "Mr Smith had told ..." / "X has said"
            if vi > 1 {
                if let Some(n) = name_backward(&wb, vi - 1, data) {
                    return Some(n);
                }
            }
            if data.is_pronoun(wb[vi - 1].1) || (vi > 1 && data.is_pronoun(wb[vi - 2].1)) {
                let p = if data.is_pronoun(wb[vi - 1].1) {
                    wb[vi - 1].1
                } else {
                    wb[vi - 2].1
                };
                return Some(p.to_string());
            }
        }
        if let Some(n) = name_forward(&wb, vi + vn, data) {
            return Some(n);
        }
    }
    None
}

/// Longest quotation (in words) that can be a term in quotation marks rather than someone's words:
/// `what she called an "armed strike"`. Quoted speech of one to three words set inside a sentence
/// is rare next to scare quotes, titles and coined terms.
const TERM_MAX_WORDS: usize = 3;

/// Whether a quotation is a term set inside a sentence: at most [`TERM_MAX_WORDS`] words, a word
/// (not a colon, comma or dash) right before its opening mark, and no sentence or clause stop of its
/// own.
fn is_term(text: &str, r: &Raw) -> bool {
    let content = &text[r.start..r.end];
    if content.split_whitespace().count() > TERM_MAX_WORDS
        || content.ends_with(['.', '!', '?', '…', ',', ';'])
    {
        return false;
    }
    let mut before = text[..r.start].chars().rev();
    if before.next().is_none_or(|mark| family(mark).is_none()) {
        return false;
    }
    let prev = before.find(|c| !(c.is_whitespace() && *c != '\n'));
    prev.is_some_and(char::is_alphanumeric)
}

/// Whether a quotation is the value of a `key: "value"` line (front matter or a data dump left in the
/// text): a lowercase identifier before it, nothing but punctuation after it on its line.
fn is_field_value(text: &str, r: &Raw) -> bool {
    let line_start = text[..r.start].rfind('\n').map_or(0, |p| p + 1);
    let head = text[line_start..r.start].trim_end_matches(|c: char| family(c).is_some());
    let Some(key) = head.trim_end().strip_suffix([':', '=']) else {
        return false;
    };
    let key = key.trim_end();
    let is_key = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
    let line_end = text[r.end..].find('\n').map_or(text.len(), |p| r.end + p);
    let tail = &text[r.end..line_end];
    is_key
        && tail
            .chars()
            .all(|c| family(c).is_some() || c.is_whitespace() || c == ',')
}

/// The person a pronoun speaker points back to: in the nearest sentence before the quote that names
/// someone, the last named speaker when that sentence names them, else the first person's name of
/// that sentence (its subject, usually: "Dana Pike, an analyst at Corvid Bank, was unsure"). A
/// sentence whose subject is itself a pronoun ("He told France Inter…") names only objects, so the
/// search goes on before it.
fn antecedent(recent: &str, last_named: Option<&str>, data: &LangData) -> Option<String> {
    let surname = last_named.and_then(|n| n.split(' ').next_back());
    let sentences: Vec<&str> = recent
        .split_inclusive(['.', '!', '?', '\n'])
        .filter(|s| !s.trim().is_empty())
        .collect();
    for sentence in sentences.iter().rev() {
        let ws = words(sentence);
        if let (Some(n), Some(last)) = (last_named, surname) {
            if ws.iter().any(|w| w.1 == last) {
                return Some(n.to_string());
            }
        }
        if ws.first().is_some_and(|w| data.is_pronoun(w.1)) {
            continue;
        }
        if let Some(n) = subject_name(&ws, data) {
            return Some(n);
        }
    }
    None
}

/// The first person's name of a sentence: a run of two or more name words, or one name word opening
/// the sentence right before a speech verb ("Macron said in his speech…"). A name word is
/// capitalised with lowercase letters after its first: acronyms (agencies, parties) are not people.
fn subject_name(ws: &[(usize, &str)], data: &LangData) -> Option<String> {
    let person = |w: &str| {
        is_cap(w)
            && w.chars().skip(1).any(char::is_lowercase)
            && !data.is_function_word(w)
            && !data.is_speech_verb(w)
    };
    if let Some(i) = (0..ws.len().saturating_sub(1)).find(|&i| person(ws[i].1) && person(ws[i + 1].1)) {
        let run: Vec<&str> = ws[i..].iter().map(|w| w.1).take_while(|w| person(w)).collect();
        return Some(run.join(" "));
    }
    match ws {
        [(_, first), (_, verb), ..] if person(first) && data.is_speech_verb(verb) => Some(first.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<String> {
        quotes(t, Some("en")).into_iter().map(|q| q.text).collect()
    }

    #[test]
    fn straight_and_curly_double_quotes() {
        assert_eq!(texts("He said \"yes\" and then “no” again."), ["yes", "no"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            texts("The players' union said it's 'a totally unacceptable way to behave'."),
            ["a totally unacceptable way to behave"]
        );
        assert_eq!(texts("Don't worry, it’s John’s car."), Vec::<String>::new());
    }

    #[test]
    fn tricky_apostrophes() {
        assert_eq!(
            texts("Rock 'n' roll was big in the '90s, said Jones' manager."),
            Vec::<String>::new()
        );
        assert_eq!(
            texts("It was the players’ choice, and ’tis fine."),
            Vec::<String>::new()
        );
        assert_eq!(texts("He called it ‘a disaster’ and left."), ["a disaster"]);
    }

    #[test]
    fn nested_quotes_have_depth() {
        let q = quotes("\"He told us to 'be bold' in France,\" said Ruddock.", Some("en"));
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].text, "He told us to 'be bold' in France,");
        assert_eq!(q[0].depth, 0);
        assert_eq!(q[0].speaker.as_deref(), Some("Ruddock"));
        assert_eq!(q[1].text, "be bold");
        assert_eq!(q[1].depth, 1);
    }

    #[test]
    fn continuation_and_multi_paragraph_quotes() {
        let t =
            "A spokesman said: \"We see no change. \"He brings no money.\n\n\"It is over.\" Then silence.";
        let q = quotes(t, Some("en"));
        let got: Vec<_> = q.iter().map(|x| (x.text.as_str(), x.continues)).collect();
        assert_eq!(
            got,
            [
                ("We see no change.", false),
                ("He brings no money.", true),
                ("It is over.", true)
            ]
        );
    }

    #[test]
    fn a_spaced_mark_after_a_finished_quoted_sentence_closes_it() {
        let t =
            "Lena Ortiz said: \"The river is back to its bed. \" A report on the damage is expected in May.";
        assert_eq!(texts(t), ["The river is back to its bed."]);
        // Spaced marks with no quotation open, or inside an unfinished clause, are left alone.
        assert_eq!(texts("Scores \" 3 \" and \"fine\" again."), ["fine"]);
    }

    #[test]
    fn speaker_before_and_after_and_pronouns() {
        let t = "Maria Gomez told reporters: \"We are ready.\" Later, \"We start today,\" she said. \"Good news,\" according to Tom Hale.";
        let q = quotes(t, Some("en"));
        assert_eq!(q[0].speaker.as_deref(), Some("Maria Gomez"));
        assert_eq!(q[1].speaker.as_deref(), Some("Maria Gomez"));
        let t2 = "According to Tom Hale, \"good news is coming\".";
        assert_eq!(quotes(t2, Some("en"))[0].speaker.as_deref(), Some("Tom Hale"));
    }

    #[test]
    fn told_wrote_and_pronoun_back_reference() {
        let t = "Health minister Ana Costa spoke on Monday. She had told BBC Radio Wales: \"I have written to the trust.\"\n\nTom Hale wrote: \"This is wrong.\" \"It must stop,\" he said.";
        let q = quotes(t, Some("en"));
        assert_eq!(q.len(), 3);
        assert_eq!(q[0].speaker.as_deref(), Some("Ana Costa"));
        assert_eq!(q[1].speaker.as_deref(), Some("Tom Hale"));
        assert_eq!(q[2].speaker.as_deref(), Some("Tom Hale"));
    }

    #[test]
    fn appositions_and_commas_bound_names() {
        let t = "Mr Ancram, the shadow foreign secretary, said: \"It is wrong.\" Wearing Alexander McQueen, Sienna Miller said: \"It is cold.\"";
        let q = quotes(t, Some("en"));
        assert_eq!(q[0].speaker.as_deref(), Some("Mr Ancram"));
        assert_eq!(q[1].speaker.as_deref(), Some("Sienna Miller"));
    }

    #[test]
    fn a_pronoun_points_to_the_person_named_last_not_to_an_earlier_speaker() {
        let t = "Senator Ruth Arlen said on Monday: \"The bill will pass this week.\"\n\nDana Pike, an analyst at Corvid Bank, was less sure. \"The votes are not there yet,\" she said.";
        let q = quotes(t, Some("en"));
        assert_eq!(q[0].speaker.as_deref(), Some("Senator Ruth Arlen"));
        assert_eq!(q[1].speaker.as_deref(), Some("Dana Pike"));
    }

    #[test]
    fn a_pronoun_skips_organisations_and_sentences_led_by_a_pronoun() {
        let t = "Interior minister Joel Varga Ruiz spoke on Monday. He told Radio Kelby the dockers had left.\n\n\"We will find them,\" he said.";
        assert_eq!(
            quotes(t, Some("en"))[0].speaker.as_deref(),
            Some("Joel Varga Ruiz")
        );
        let t = "Centre-right NDP candidate Ilse Marten claimed victory on Sunday.\n\n\"We have won this,\" she said.";
        assert_eq!(quotes(t, Some("en"))[0].speaker.as_deref(), Some("Ilse Marten"));
    }

    #[test]
    fn a_term_in_quotation_marks_has_no_speaker() {
        let t = "Interior minister Joel Varga said: \"We will restore order.\" Varga condemned what he called an \"armed strike\" by the dockers.";
        let q = quotes(t, Some("en"));
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].speaker.as_deref(), Some("Joel Varga"));
        assert_eq!(q[1].text, "armed strike");
        assert_eq!(q[1].speaker, None);
    }

    #[test]
    fn key_value_lines_are_not_quotations() {
        let t = "title: \"Dockers strike at Port Ellery\"\nauthor: \"Mara Quist\"\n\n\"We will not load a box,\" said Tom Hale.";
        let q = quotes(t, Some("en"));
        assert_eq!(texts(t), ["We will not load a box,"]);
        assert_eq!(q[0].speaker.as_deref(), Some("Tom Hale"));
    }

    #[test]
    fn guillemets_and_low_quotes() {
        let fr = "« Nous allons gagner », a déclaré Jean Dupont.";
        let q = quotes(fr, Some("fr"));
        assert_eq!(q[0].text, "Nous allons gagner");
        assert_eq!(q[0].speaker.as_deref(), Some("Jean Dupont"));
        let de = "„Wir schaffen das“, sagte Angela Merkel.";
        let q = quotes(de, Some("de"));
        assert_eq!(q[0].text, "Wir schaffen das");
        assert_eq!(q[0].speaker.as_deref(), Some("Angela Merkel"));
    }

    /// The scan before it walked by byte offset (a table of every char with its offset).
    fn scan_by_char_table(text: &str) -> Vec<Raw> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut out = Vec::new();
        let mut stack: Vec<Open> = Vec::new();
        let mut continue_next_para: Vec<Family> = Vec::new();
        let mut at_para_start = true;
        let emit = |out: &mut Vec<Raw>, o: &Open, end: usize| {
            let (s, e) = trimmed(text, o.content_start, end);
            // a quotation has at least one word of two letters ("rock 'n' roll" has none)
            let wordy = text[s..e]
                .split_whitespace()
                .any(|w| w.chars().filter(|c| c.is_alphanumeric()).count() >= 2);
            if e > s && wordy {
                out.push(Raw {
                    start: s,
                    end: e,
                    depth: o.depth,
                    continues: o.continues,
                });
            }
        };
        let mut i = 0;
        while i < chars.len() {
            let (b, c) = chars[i];
            if c == '\n' && chars.get(i + 1).is_some_and(|x| x.1 == '\n') {
                // paragraph end: close what is open; double quotes may continue in the next paragraph
                continue_next_para.clear();
                while let Some(o) = stack.pop() {
                    if o.family != Family::Single {
                        emit(&mut out, &o, b);
                        continue_next_para.push(o.family);
                    }
                }
                while i < chars.len() && chars[i].1 == '\n' {
                    i += 1;
                }
                at_para_start = true;
                continue;
            }
            if let Some(fam) = family(c) {
                let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
                let next = chars.get(i + 1).map(|x| x.1);
                let mut r = role(prev, c, next);
                if fam == Family::Single && r == Role::Open && next.is_some_and(|c| c.is_ascii_digit()) {
                    r = Role::Skip; // an elided century ("the '90s")
                }
                if fam == Family::Single
                    && r == Role::Close
                    && !stack.iter().any(|o| o.family == Family::Single)
                {
                    r = Role::Skip; // a possessive or elided apostrophe
                }
                let content_start = b + c.len_utf8();
                match r {
                    Role::Open => {
                        let continues;
                        if let Some(pos) = stack.iter().rposition(|o| o.family == fam) {
                            while stack.len() > pos + 1 {
                                let inner = stack.pop().expect("len checked");
                                if inner.family != Family::Single {
                                    emit(&mut out, &inner, b);
                                }
                            }
                            let o = stack.pop().expect("position exists");
                            // a segment that does not end a sentence before the next opener lost its
                            // closing mark: it ends at its last sentence stop ("…drunk. He added: \"By…")
                            emit(&mut out, &o, last_stop(text, o.content_start, b));
                            continues = true;
                        } else {
                            continues = at_para_start && continue_next_para.contains(&fam);
                        }
                        let depth = stack.len() as u8;
                        stack.push(Open {
                            family: fam,
                            content_start,
                            continues,
                            depth,
                        });
                    }
                    Role::Close => {
                        if let Some(pos) = stack.iter().rposition(|o| o.family == fam) {
                            while stack.len() > pos + 1 {
                                stack.pop();
                            }
                            let o = stack.pop().expect("position exists");
                            emit(&mut out, &o, b);
                        }
                    }
                    Role::Skip => {
                        // A straight mark spaced on both sides after a finished sentence of an open
                        // quotation is its closer with a stray space ("…than ever. " A ruling is due"):
                        // read as an opener, the narration after it would become quoted text.
                        if let Some(pos) = stray_spaced_closer(text, &stack, fam, prev, next, b) {
                            while stack.len() > pos + 1 {
                                stack.pop();
                            }
                            let o = stack.pop().expect("position exists");
                            emit(&mut out, &o, b);
                        }
                    }
                }
            }
            if !c.is_whitespace() {
                at_para_start = false;
            }
            i += 1;
        }
        while let Some(o) = stack.pop() {
            if o.family != Family::Single {
                emit(&mut out, &o, text.len());
            }
        }
        out.sort_by_key(|r| (r.start, r.end));
        out
    }

    #[test]
    fn scan_by_byte_offset_gives_the_char_table_quotations() {
        // random texts of words, every quotation mark, apostrophes, figures and paragraph breaks
        let pieces = [
            "Ana", " said", " ", " ", "\"", "“", "”", "'", "‘", "’", "«", "»", "„", ".", ",", "\n\n", "\n",
            "'90s", "rock", "é", "东京", "?", "—", ":", "It's", "x",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..1000 {
            let mut text = String::new();
            for _ in 0..60 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(pieces[(state % pieces.len() as u64) as usize]);
            }
            let key = |r: Vec<Raw>| -> Vec<(usize, usize, u8, bool)> {
                r.into_iter()
                    .map(|r| (r.start, r.end, r.depth, r.continues))
                    .collect()
            };
            assert_eq!(key(scan(&text)), key(scan_by_char_table(&text)), "{text:?}");
        }
    }
}
