//! Paragraphs and sentences of an article text, with byte ranges.
//!
//! Input → output: a text (paragraphs separated by `"\n\n"`) → [`Sentence`]s, each with its paragraph
//! number and byte range. Method: a sentence ends at `.`, `!`, `?` or `…` (plus any closing quotes or
//! brackets) followed by a space and an opening quote, an uppercase letter or a digit, unless the word
//! before the stop is an abbreviation of the language or a single capital (an initial). Paragraph ends
//! always end sentences. Guarantees: sentences cover every non-space char of the text exactly once,
//! in order.

use crate::lang::LangData;

/// One sentence: byte range into the text and the paragraph it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of the first char.
    pub start: usize,
    /// Byte offset past the last char.
    pub end: usize,
    /// 0-based paragraph number.
    pub paragraph: usize,
}

/// Returns the byte ranges of the paragraphs of `text` (split at blank lines, trimmed).
///
/// # Example
/// ```
/// assert_eq!(wiretrace_explain::segment::paragraphs("One.\n\nTwo."), vec![(0, 4), (6, 10)]);
/// ```
pub fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' && i + 1 < bytes.len() && bytes[i + 1] == b'\n' {
            push_trimmed(text, start, i, &mut out);
            while i < bytes.len() && bytes[i] == b'\n' {
                i += 1;
            }
            start = i;
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let seg = &text[s..e];
    let lead = seg.len() - seg.trim_start().len();
    let trail = seg.len() - seg.trim_end().len();
    if s + lead < e - trail {
        out.push((s + lead, e - trail));
    }
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '“' | '‘')
}

fn is_opener_start(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(
            c,
            '"' | '\'' | '“' | '‘' | '«' | '„' | '‚' | '(' | '[' | '¿' | '¡' | '‹' | '—' | '-'
        )
}

/// Returns the sentences of `text`.
///
/// # Example
/// ```
/// use wiretrace_explain::lang::LangData;
/// let t = "Mr Smith arrived. He said: \"Hi.\" Then left.\n\nNext one.";
/// let s = wiretrace_explain::segment::sentences(t, &LangData::new(Some("en")));
/// let got: Vec<_> = s.iter().map(|x| &t[x.start..x.end]).collect();
/// assert_eq!(got, ["Mr Smith arrived.", "He said: \"Hi.\"", "Then left.", "Next one."]);
/// ```
pub fn sentences(text: &str, lang: &LangData) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (pi, (ps, pe)) in paragraphs(text).into_iter().enumerate() {
        let para = &text[ps..pe];
        let chars: Vec<(usize, char)> = para.char_indices().collect();
        let mut start = 0usize;
        let mut k = 0;
        while k < chars.len() {
            let (b, c) = chars[k];
            if matches!(c, '.' | '!' | '?' | '…') {
                // extend over repeated stops and closers
                let mut j = k + 1;
                while j < chars.len()
                    && (matches!(chars[j].1, '.' | '!' | '?' | '…') || is_closer(chars[j].1))
                {
                    j += 1;
                }
                if j < chars.len() && chars[j].1 == ' ' {
                    let next = chars.get(j + 1).map(|x| x.1).unwrap_or(' ');
                    if is_opener_start(next) && !(c == '.' && ends_with_abbreviation(&para[start..b], lang)) {
                        let end = chars[j].0;
                        out.push(Sentence {
                            start: ps + start,
                            end: ps + end,
                            paragraph: pi,
                        });
                        start = chars[j].0 + 1;
                        k = j + 1;
                        continue;
                    }
                }
                k = j;
                let _ = b;
                continue;
            }
            k += 1;
        }
        if start < para.len() {
            let seg = &para[start..];
            let lead = seg.len() - seg.trim_start().len();
            if !seg.trim().is_empty() {
                out.push(Sentence {
                    start: ps + start + lead,
                    end: pe,
                    paragraph: pi,
                });
            }
        }
    }
    out
}

fn ends_with_abbreviation(before: &str, lang: &LangData) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if word.is_empty() {
        return false;
    }
    let mut cs = word.chars();
    let first = cs.next().unwrap_or(' ');
    // single capital initial ("J. Smith")
    if word.chars().count() == 1 && first.is_uppercase() {
        return true;
    }
    // dotted acronyms ("U.S.")
    if word.contains('.')
        && word
            .split('.')
            .all(|seg| seg.chars().count() <= 2 && seg.chars().all(char::is_alphabetic))
    {
        return true;
    }
    lang.is_abbreviation(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        sentences(t, &LangData::new(Some("en")))
            .iter()
            .map(|s| &t[s.start..s.end])
            .collect()
    }

    #[test]
    fn decimals_abbreviations_and_quotes_do_not_split() {
        assert_eq!(
            split("It rose 2.5% to $1.13bn. Dr. Who said so."),
            ["It rose 2.5% to $1.13bn.", "Dr. Who said so."]
        );
        assert_eq!(split("\"Go home.\" She left."), ["\"Go home.\"", "She left."]);
    }

    #[test]
    fn paragraphs_end_sentences() {
        let t = "One without stop\n\nTwo. Three";
        assert_eq!(split(t), ["One without stop", "Two.", "Three"]);
        let s = sentences(t, &LangData::new(None));
        assert_eq!(s.iter().map(|x| x.paragraph).collect::<Vec<_>>(), [0, 1, 1]);
    }
}
