use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
use unicode_segmentation::UnicodeSegmentation;

/// One word of a text: its byte range and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte, into the text given to [`tokens`].
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    /// The word lowercased with diacritics removed (see [`fold`]).
    pub folded: String,
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
pub fn tokens(text: &str) -> impl Iterator<Item = Token> + '_ {
    text.split_word_bound_indices().filter_map(|(start, word)| {
        if !word.chars().any(char::is_alphanumeric) {
            return None;
        }
        Some(Token {
            start: start as u32,
            end: (start + word.len()) as u32,
            folded: fold(word),
        })
    })
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
