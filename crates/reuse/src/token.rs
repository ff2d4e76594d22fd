//! Text → word tokens with **char** offsets and 64-bit hashes: the unit every later step counts in.
//!
//! Called by [`crate::shingle`] (fingerprints) and [`crate::align`] (passages). Each [`Tok`] keeps
//! its char span in the article text (the export's coordinate system), the hash of its folded form
//! (lowercase, diacritics removed, as `wiretrace_text::fold`), the hash of its *match class* (the
//! folded hash, except that every number shares one class so that a changed figure does not break
//! the n-grams around it) and whether it is a stopword.
//!
//! Method: ASCII texts (most of a news corpus in English) take a fast path that follows the UAX #29
//! word rules that matter for ASCII (letters, digits and `_` joined; `.`, `'` and `:` inside a word;
//! `.`, `,`, `;` and `'` inside a number) and folds into a stack buffer, with no allocation per
//! token. Every other text goes through `wiretrace_text::tokens`, the project's tokeniser, with a
//! [`CharIndex`] to turn byte offsets into char offsets. A unit test checks that both paths agree on
//! ASCII text.
//!
//! Guarantees: offsets are char offsets on char boundaries, `start < end <= text.chars().count()`,
//! tokens in text order; hashes are fixed-seed (xxh3) and identical across runs and platforms.
//! Hostile input (very long "words", control characters) costs linear time; a word longer than the
//! stack buffer is folded on the heap.

use wiretrace_model::CharIndex;
use wiretrace_text::token_hash;

use crate::stopwords::is_stopword_hash;

/// Match class shared by every number, so "12" and "14" align as the same kind of token.
const NUMBER_CLASS: u64 = 0x4e55_4d42_4552_2121;

/// One word token of an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    /// First char, inclusive.
    pub(crate) start: u32,
    /// Last char, exclusive.
    pub(crate) end: u32,
    /// Hash of the folded form ([`wiretrace_text::token_hash`]).
    pub(crate) hash: u64,
    /// Hash used for matching: `hash`, or one class for all numbers.
    pub(crate) class: u64,
    /// True for function words of the supported languages.
    pub(crate) stop: bool,
}

/// Returns the tokens of `text`, with char offsets.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    if text.is_ascii() {
        tokenize_ascii(text)
    } else {
        tokenize_unicode(text)
    }
}

fn make_tok(start: u32, end: u32, folded: &str) -> Tok {
    let hash = token_hash(folded);
    let numeric = folded.as_bytes().first().is_some_and(u8::is_ascii_digit)
        || folded.chars().next().is_some_and(char::is_numeric);
    Tok {
        start,
        end,
        hash,
        class: if numeric { NUMBER_CLASS } else { hash },
        stop: is_stopword_hash(hash),
    }
}

fn tokenize_unicode(text: &str) -> Vec<Tok> {
    let idx = CharIndex::new(text);
    wiretrace_text::tokens(text)
        .map(|t| {
            make_tok(
                idx.char_of(t.start as usize),
                idx.char_of(t.end as usize),
                &t.folded,
            )
        })
        .collect()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Cls {
    Letter,
    Digit,
    Under,
    Other,
}

fn cls(b: u8) -> Cls {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Cls::Letter,
        b'0'..=b'9' => Cls::Digit,
        b'_' => Cls::Under,
        _ => Cls::Other,
    }
}

fn tokenize_ascii(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut out = Vec::with_capacity(n / 6 + 1);
    let mut buf = [0u8; 64];
    let mut i = 0;
    while i < n {
        if cls(bytes[i]) == Cls::Other {
            i += 1;
            continue;
        }
        let start = i;
        let mut last = cls(bytes[i]);
        i += 1;
        while i < n {
            let c = cls(bytes[i]);
            if c != Cls::Other {
                last = c;
                i += 1;
                continue;
            }
            // A joiner continues the word only between two letters or two digits (UAX #29 WB6/7, WB11/12).
            if i + 1 < n {
                let next = cls(bytes[i + 1]);
                let joins = match bytes[i] {
                    b'.' | b'\'' => {
                        (last == Cls::Letter && next == Cls::Letter)
                            || (last == Cls::Digit && next == Cls::Digit)
                    }
                    b':' => last == Cls::Letter && next == Cls::Letter,
                    b',' | b';' => last == Cls::Digit && next == Cls::Digit,
                    _ => false,
                };
                if joins {
                    i += 2;
                    last = next;
                    continue;
                }
            }
            break;
        }
        let word = &bytes[start..i];
        if !word.iter().any(u8::is_ascii_alphanumeric) {
            continue;
        }
        if word.len() <= buf.len() {
            let folded = &mut buf[..word.len()];
            folded.copy_from_slice(word);
            folded.make_ascii_lowercase();
            let folded = std::str::from_utf8(folded).expect("ASCII bytes are UTF-8");
            out.push(make_tok(start as u32, i as u32, folded));
        } else {
            let folded = text[start..i].to_ascii_lowercase();
            out.push(make_tok(start as u32, i as u32, &folded));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(u32, u32, u64)> {
        tokenize(text).iter().map(|t| (t.start, t.end, t.hash)).collect()
    }

    #[test]
    fn ascii_fast_path_agrees_with_the_unicode_tokeniser() {
        let samples = [
            "The U.S. economy grew 3.5% in 2,024 (Q3); e.g. don't stop: it's fine.",
            "Share this article: Facebook | X | WhatsApp | Email",
            "snake_case words, 1,200.50 dollars... and -- dashes -- 'quoted' words.",
            "Mr. O'Neill said: \"We won 3-1 at 7:30pm\"; a.b.c and 10.5.3 too",
            "  leading and trailing spaces\n\nnew paragraph with x1y2 and 2nd place. ",
        ];
        for s in samples {
            assert_eq!(
                tokenize_ascii(s)
                    .iter()
                    .map(|t| (t.start, t.end, t.hash))
                    .collect::<Vec<_>>(),
                tokenize_unicode(s)
                    .iter()
                    .map(|t| (t.start, t.end, t.hash))
                    .collect::<Vec<_>>(),
                "{s}"
            );
        }
    }

    #[test]
    fn offsets_are_chars_not_bytes() {
        let text = "Él añadió: «São Paulo»";
        let toks = tokenize(text);
        let chars: Vec<char> = text.chars().collect();
        let got: Vec<String> = toks
            .iter()
            .map(|t| chars[t.start as usize..t.end as usize].iter().collect())
            .collect();
        assert_eq!(got, ["Él", "añadió", "São", "Paulo"]);
        assert_eq!(toks[0].hash, token_hash("el"));
    }

    #[test]
    fn numbers_share_one_match_class_but_keep_their_hash() {
        let t = tokenize("12 dead, 14 injured");
        assert_eq!(t[0].class, t[2].class);
        assert_ne!(t[0].hash, t[2].hash);
        assert_ne!(t[1].class, t[3].class);
    }

    #[test]
    fn stopwords_are_flagged() {
        let t = words("the storm");
        assert_eq!(t.len(), 2);
        let toks = tokenize("the storm");
        assert!(toks[0].stop && !toks[1].stop);
    }
}
