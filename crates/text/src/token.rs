use std::borrow::Cow;

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
use unicode_segmentation::UnicodeSegmentation;

/// One word of a text: its byte range and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// Byte offset of the first byte, into the text given to [`tokens`].
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    /// The word lowercased with diacritics removed (see [`fold`]); borrowed from the text when the
    /// word is already folded (most words of most texts), so tokenising allocates little.
    pub folded: Cow<'a, str>,
}

/// Returns the word tokens of `text` (UAX #29 word boundaries; punctuation and spaces are skipped).
///
/// Numbers are words too ("2,200" is one token, as UAX #29 keeps digit groups together).
///
/// # Example
/// ```
/// let t: Vec<_> = wiretrace_text::tokens("São Paulo: 2,200 km").collect();
/// assert_eq!(t[0].folded, "sao");
/// assert_eq!((t[2].start, t[2].end), (12, 17));
/// assert_eq!(t[2].folded, "2,200");
/// ```
pub fn tokens(text: &str) -> impl Iterator<Item = Token<'_>> + '_ {
    // Word boundaries never fall inside a run of non-space characters' neighbours across ASCII
    // whitespace, so the text is cut at whitespace into chunks: ASCII chunks (nearly every word of
    // Latin-script text) take a byte scanner with the same result as UAX #29, the others the full
    // Unicode rules. The scanner is several times faster than the general segmenter.
    let chunks = text
        .split([' ', '\t', '\n', '\r'])
        .filter(|c| !c.is_empty())
        .map(move |c| (c.as_ptr() as usize - text.as_ptr() as usize, c));
    chunks.flat_map(move |(offset, chunk)| {
        let words = if chunk.is_ascii() {
            ChunkWords::Ascii(AsciiWords { chunk, pos: 0 })
        } else {
            ChunkWords::Unicode(chunk.split_word_bound_indices())
        };
        words.filter_map(move |(start, word)| {
            if !word.chars().any(char::is_alphanumeric) {
                return None;
            }
            let start = offset + start;
            Some(Token {
                start: start as u32,
                end: (start + word.len()) as u32,
                folded: fold_cow(word),
            })
        })
    })
}

/// The word segments of one chunk, by whichever scanner suits it (no allocation per chunk).
enum ChunkWords<'a> {
    Ascii(AsciiWords<'a>),
    Unicode(unicode_segmentation::UWordBoundIndices<'a>),
}

impl<'a> Iterator for ChunkWords<'a> {
    type Item = (usize, &'a str);
    fn next(&mut self) -> Option<Self::Item> {
        match self {
            ChunkWords::Ascii(w) => w.next(),
            ChunkWords::Unicode(w) => w.next(),
        }
    }
}

/// UAX #29 word segments of an ASCII string that hold a letter, digit or underscore.
///
/// In ASCII the rules reduce to: letters, digits and `_` join (WB5, WB8–WB10, WB13a/b); a letter,
/// then `:` `.` or `'`, then a letter join (WB6/7); a digit, then `,` `;` `.` or `'`, then a digit
/// join (WB11/12); everything else breaks.
struct AsciiWords<'a> {
    chunk: &'a str,
    pos: usize,
}

impl<'a> Iterator for AsciiWords<'a> {
    type Item = (usize, &'a str);
    fn next(&mut self) -> Option<Self::Item> {
        let b = self.chunk.as_bytes();
        let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
        while self.pos < b.len() && !word(b[self.pos]) {
            self.pos += 1;
        }
        if self.pos >= b.len() {
            return None;
        }
        let start = self.pos;
        let mut i = start + 1;
        loop {
            if i < b.len() && word(b[i]) {
                i += 1;
                continue;
            }
            if i + 1 < b.len() {
                let (prev, mid, next) = (b[i - 1], b[i], b[i + 1]);
                let letters = prev.is_ascii_alphabetic()
                    && next.is_ascii_alphabetic()
                    && matches!(mid, b':' | b'.' | b'\'');
                let digits = prev.is_ascii_digit()
                    && next.is_ascii_digit()
                    && matches!(mid, b',' | b';' | b'.' | b'\'');
                if letters || digits {
                    i += 2;
                    continue;
                }
            }
            break;
        }
        self.pos = i;
        Some((start, &self.chunk[start..i]))
    }
}

/// [`fold`], borrowing the word when it is already folded.
fn fold_cow(word: &str) -> Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(fold(word))
    }
}

/// Returns a word lowercased, with diacritics removed and curly apostrophes made straight.
///
/// Folding lets "Sao" match "São" and "Cote" match "Côte"; scripts without case or marks pass
/// through unchanged.
///
/// # Example
/// ```
/// assert_eq!(wiretrace_text::fold("Über-Café’s"), "uber-cafe's");
/// ```
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| {
            if c == '\u{2019}' || c == '\u{2018}' {
                '\''
            } else {
                c
            }
        })
        .collect()
}

/// Returns a fixed-seed 64-bit hash of a folded token (xxh3), stable across runs and platforms.
///
/// # Example
/// ```
/// assert_eq!(wiretrace_text::token_hash("storm"), wiretrace_text::token_hash("storm"));
/// ```
pub fn token_hash(folded: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64_with_seed(folded.as_bytes(), 0x5749_5245_5452_4143)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference: UAX #29 on the whole text, as `tokens` was first written.
    fn reference(text: &str) -> Vec<(u32, u32, String)> {
        text.split_word_bound_indices()
            .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
            .map(|(s, w)| (s as u32, (s + w.len()) as u32, fold(w)))
            .collect()
    }

    fn fast(text: &str) -> Vec<(u32, u32, String)> {
        tokens(text)
            .map(|t| (t.start, t.end, t.folded.into_owned()))
            .collect()
    }

    #[test]
    fn fast_path_agrees_with_uax29_on_random_texts() {
        // Alphabet weighted to the characters whose rules differ: mid-letter and mid-number
        // punctuation, underscores, digits, spaces, newlines, and some non-ASCII letters, marks,
        // curly apostrophes and no-break spaces (which send a chunk to the general rules).
        let alphabet: Vec<char> = "aZk09 ,.;:'_\"-\n\t\r?(é’\u{301}\u{a0}ßЖ日".chars().collect();
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = || {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z ^ (z >> 27)
        };
        for _ in 0..20_000 {
            let len = (next() % 24) as usize;
            let text: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            assert_eq!(fast(&text), reference(&text), "text {text:?}");
        }
    }

    #[test]
    fn fast_path_agrees_with_uax29_on_prose() {
        let prose = "Mr. O'Neill said: \"We'll rebuild 2,200.5 km of track by 3:30 p.m.\" (AFP) — \
                     e.g. the_state's U.S.A. 1;2 3'4 a:b 4.5.6 x_1 _y z_ __ ... end.\n\n\
                     São Paulo’s «grève» coûte 1 367 miles; Ж日本 naïve café\u{a0}noir.";
        assert_eq!(fast(prose), reference(prose));
    }

    #[test]
    fn folded_words_are_borrowed() {
        let t: Vec<_> = tokens("storm Storm").collect();
        assert!(matches!(t[0].folded, Cow::Borrowed("storm")));
        assert!(matches!(t[1].folded, Cow::Owned(_)));
    }
}
