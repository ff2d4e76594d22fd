use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of `char` offsets into an article's extracted text.
///
/// Serialised as a two-element array `[start, end]`, the export schema's form.
///
/// # Example
/// ```
/// use wiretrace_model::CharSpan;
/// let s = CharSpan::new(2, 5);
/// assert_eq!(s.len(), 3);
/// assert_eq!(s.slice("añadido"), "adi");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct CharSpan {
    /// First char offset, inclusive.
    pub start: u32,
    /// Last char offset, exclusive.
    pub end: u32,
}

impl CharSpan {
    /// Returns a span; `end` is clamped up to `start` so that `start <= end` always holds.
    pub fn new(start: u32, end: u32) -> Self {
        CharSpan {
            start,
            end: end.max(start),
        }
    }

    /// Returns the number of chars covered.
    pub fn len(&self) -> u32 {
        self.end - self.start
    }

    /// Returns true when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Returns the substring of `text` this span covers (clamped to the text's length).
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        let b0 = char_to_byte(text, self.start as usize);
        let b1 = char_to_byte(text, self.end as usize);
        &text[b0..b1]
    }
}

impl Serialize for CharSpan {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

impl<'de> Deserialize<'de> for CharSpan {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let [a, b] = <[u32; 2]>::deserialize(d)?;
        Ok(CharSpan::new(a, b))
    }
}

/// Returns the byte offset of the `n`th char of `text`, or `text.len()` past the end.
///
/// # Example
/// ```
/// assert_eq!(wiretrace_model::char_to_byte("€1", 1), 3);
/// ```
pub fn char_to_byte(text: &str, n: usize) -> usize {
    text.char_indices().nth(n).map(|(b, _)| b).unwrap_or(text.len())
}

/// Converts byte offsets to char offsets in O(1) per lookup after an O(n) build.
///
/// Tokenisers work in bytes; the export speaks chars. Build one per text and convert.
///
/// # Example
/// ```
/// use wiretrace_model::CharIndex;
/// let idx = CharIndex::new("é a");
/// assert_eq!(idx.char_of(2), 1);
/// assert_eq!(idx.char_of(4), 3);
/// ```
#[derive(Debug, Clone)]
pub struct CharIndex {
    // char offset at every byte position (len + 1 entries); non-boundary bytes map to their char.
    byte_to_char: Vec<u32>,
}

impl CharIndex {
    /// Builds the index for `text`.
    pub fn new(text: &str) -> Self {
        let mut byte_to_char = Vec::with_capacity(text.len() + 1);
        let mut c = 0u32;
        for ch in text.chars() {
            for _ in 0..ch.len_utf8() {
                byte_to_char.push(c);
            }
            c += 1;
        }
        byte_to_char.push(c);
        CharIndex { byte_to_char }
    }

    /// Returns the char offset of byte offset `b` (clamped to the end of the text).
    pub fn char_of(&self, b: usize) -> u32 {
        let last = self.byte_to_char.len() - 1;
        self.byte_to_char[b.min(last)]
    }

    /// Converts a byte range to a [`CharSpan`].
    pub fn span(&self, start_byte: usize, end_byte: usize) -> CharSpan {
        CharSpan::new(self.char_of(start_byte), self.char_of(end_byte))
    }
}
