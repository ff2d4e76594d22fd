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
/// A scan from the start of the text: for one look-up. Code converting many offsets of one text
/// builds a [`CharIndex`] and calls [`CharIndex::byte_of`], which is O(1) after an O(n) build.
///
/// # Example
/// ```
/// assert_eq!(wiretrace_model::char_to_byte("€1", 1), 3);
/// ```
pub fn char_to_byte(text: &str, n: usize) -> usize {
    text.char_indices().nth(n).map(|(b, _)| b).unwrap_or(text.len())
}

/// Chars between two byte-offset checkpoints of a [`CharIndex`]: a char→byte look-up walks at most
/// this many chars from the checkpoint before it. 64 keeps the checkpoints at 1/16 of the
/// byte→char table's size (at least 64 bytes of text per 4-byte checkpoint) and a look-up within
/// one or two cache lines of text.
const CHARS_PER_CHECKPOINT: usize = 64;

/// Converts byte offsets to char offsets and back in O(1) per lookup after an O(n) build.
///
/// Tokenisers work in bytes; the export speaks chars. Build one per text and convert.
///
/// # Example
/// ```
/// use wiretrace_model::CharIndex;
/// let idx = CharIndex::new("é a");
/// assert_eq!(idx.char_of(2), 1);
/// assert_eq!(idx.char_of(4), 3);
/// assert_eq!(idx.byte_of(1), 2);
/// ```
#[derive(Debug, Clone)]
pub struct CharIndex {
    // char offset at every byte position (len + 1 entries); non-boundary bytes map to their char.
    byte_to_char: Vec<u32>,
    // byte offset of every CHARS_PER_CHECKPOINT-th char (char 0, 64, 128, …).
    checkpoints: Vec<u32>,
}

impl CharIndex {
    /// Builds the index for `text`.
    pub fn new(text: &str) -> Self {
        let mut byte_to_char = Vec::with_capacity(text.len() + 1);
        let mut checkpoints = Vec::with_capacity(text.len() / CHARS_PER_CHECKPOINT + 1);
        let mut c = 0u32;
        for (b, ch) in text.char_indices() {
            if (c as usize).is_multiple_of(CHARS_PER_CHECKPOINT) {
                checkpoints.push(b as u32);
            }
            for _ in 0..ch.len_utf8() {
                byte_to_char.push(c);
            }
            c += 1;
        }
        byte_to_char.push(c);
        CharIndex {
            byte_to_char,
            checkpoints,
        }
    }

    /// Returns the byte offset of char offset `n` in the text the index was built on, or the
    /// text's length past its end (as [`char_to_byte`], without scanning from the start).
    pub fn byte_of(&self, n: usize) -> usize {
        let len = self.byte_to_char.len() - 1;
        let Some(&from) = self.checkpoints.get(n / CHARS_PER_CHECKPOINT) else {
            return len;
        };
        // Walk the byte→char table from the checkpoint to the first byte of char `n`.
        let mut b = from as usize;
        while b < len && (self.byte_to_char[b] as usize) < n {
            b += 1;
        }
        b
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_of_agrees_with_the_scan_on_mixed_scripts() {
        // Checkpoints fall inside multi-byte runs: 1-, 2-, 3- and 4-byte chars repeated past 64 chars.
        let text = "a é € 𝄞 Ωmega ".repeat(40);
        let idx = CharIndex::new(&text);
        let chars = text.chars().count();
        for n in 0..=chars + 3 {
            assert_eq!(idx.byte_of(n), char_to_byte(&text, n), "char {n}");
        }
        assert_eq!(CharIndex::new("").byte_of(0), 0);
    }
}
