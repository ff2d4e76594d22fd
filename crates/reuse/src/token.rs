//! Text → word tokens with **char** offsets and 64-bit hashes: the unit every later step counts in.
//!
//! Called by [`crate::shingle`] (fingerprints) and [`crate::align`] (passages). Each [`Tok`] keeps
//! its char span in the article text (the export's coordinate system), the hash of its folded form
//! (lowercase, diacritics removed, as `wiretrace_text::fold`; 8 bytes per mixing round, computed
//! while scanning), the hash of its *match class* (the
//! folded hash, except that every number shares one class so that a changed figure does not break
//! the n-grams around it) and whether it is a stopword.
//!
//! Method: ASCII texts (most of a news corpus in English) take a fast path that follows the UAX #29
//! word rules that matter for ASCII (letters, digits and `_` joined; `.`, `'` and `:` inside a word;
//! `.`, `,`, `;` and `'` inside a number), with no allocation per token and no branch per byte:
//! word bytes are classified 8 at a time in a 64-bit register (SWAR) into one bit per byte, the rare
//! non-word byte between two word bytes is checked against the joiner rules, words are read off the
//! bit runs, and a word of up to 8 bytes is loaded, lowercased and hashed in a register. Every other
//! text goes through `wiretrace_text::tokens`, the project's tokeniser, with a [`CharIndex`] to turn
//! byte offsets into char offsets. Unit tests check that the paths agree on ASCII text (and the block
//! scanner with a byte-at-a-time one on random strings).
//!
//! Guarantees: offsets are char offsets on char boundaries, `start < end <= text.chars().count()`,
//! tokens in text order; hashes are fixed and identical across runs and platforms.
//! Hostile input (very long "words", control characters) costs linear time.

use wiretrace_model::CharIndex;

use crate::stopwords::{table, word_key, Table};

/// Match class shared by every number, so "12" and "14" align as the same kind of token.
const NUMBER_CLASS: u64 = 0x4e55_4d42_4552_2121;

/// One word token of an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    /// First char, inclusive.
    pub(crate) start: u32,
    /// Last char, exclusive.
    pub(crate) end: u32,
    /// Hash of the folded form ([`word_hash`]).
    pub(crate) hash: u64,
    /// Hash used for matching: `hash`, or one class for all numbers.
    pub(crate) class: u64,
    /// True for function words of the supported languages.
    pub(crate) stop: bool,
}

/// Returns the tokens of `text`, with char offsets.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    visit(text, |t| out.push(t));
    out
}

/// Calls `f` with each token of `text` in order, without collecting them.
///
/// A text with a few non-ASCII characters (a currency sign, a curly quote, an accented name) is not
/// sent whole to the Unicode path: word boundaries always fall at ASCII whitespace (the cut
/// `wiretrace_text::tokens` makes too), so only the whitespace-delimited chunks holding a non-ASCII
/// byte take the Unicode path and the ASCII text between them the fast path, each with its char
/// offset added. Same tokens as the Unicode path over the whole text (tested).
pub(crate) fn visit(text: &str, mut f: impl FnMut(Tok)) {
    if text.is_ascii() {
        return visit_ascii(text, f);
    }
    let bytes = text.as_bytes();
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
    // (byte start, char start) of the part not yet visited
    let (mut from, mut from_char) = (0usize, 0u32);
    let mut pos = 0usize;
    while let Some(k) = bytes[pos..].iter().position(|b| !b.is_ascii()) {
        let hit = pos + k;
        let start = bytes[..hit]
            .iter()
            .rposition(|&b| is_space(b))
            .map_or(0, |s| s + 1);
        let end = bytes[hit..]
            .iter()
            .position(|&b| is_space(b))
            .map_or(bytes.len(), |e| hit + e);
        // `start >= from`: the previous chunk ended at a space at or before it
        let ascii = &text[from..start];
        visit_ascii(ascii, |t| f(shifted(t, from_char)));
        let ascii_chars = from_char + ascii.len() as u32;
        let chunk = &text[start..end];
        visit_unicode(chunk, |t| f(shifted(t, ascii_chars)));
        from = end;
        from_char = ascii_chars + chunk.chars().count() as u32;
        pos = end;
    }
    visit_ascii(&text[from..], |t| f(shifted(t, from_char)));
}

/// `t` with `by` chars added to its offsets.
#[inline]
fn shifted(mut t: Tok, by: u32) -> Tok {
    t.start += by;
    t.end += by;
    t
}

/// Returns the hash of a folded word: its bytes read as little-endian 64-bit words, each mixed into
/// the state with a 64-bit finaliser (one round for the usual word of up to 8 bytes). Both tokeniser
/// paths use it, so a word has one hash whichever path read it.
pub(crate) fn word_hash(folded: &[u8]) -> u64 {
    hash_chunks(folded, |b| b)
}

/// [`word_hash`] of the ASCII-lowercased bytes, without building them.
fn word_hash_lower(word: &[u8]) -> u64 {
    hash_chunks(word, |b| b.to_ascii_lowercase())
}

/// ([`word_hash_lower`], [`word_key`] of the lowercased word) of `bytes[start..end]` (ASCII),
/// reading a word of up to 8 bytes as one unaligned load, masked and lowercased in a register
/// (same values).
#[inline(always)]
fn ascii_word_hash(bytes: &[u8], start: usize, end: usize) -> (u64, u64) {
    let len = end - start;
    match bytes.get(start..start + 8) {
        Some(chunk) if len <= 8 => {
            // len is 1..=8: keep its low bytes (no branch).
            let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes")) & (u64::MAX >> (64 - 8 * len));
            let key = swar_lower(x);
            (mix(seed(len) ^ key), key)
        }
        _ => {
            let word = &bytes[start..end];
            let key = if len <= 8 {
                let mut buf = [0u8; 8];
                buf[..len].copy_from_slice(word);
                swar_lower(u64::from_le_bytes(buf))
            } else {
                0
            };
            (word_hash_lower(word), key)
        }
    }
}

/// Lowercases the ASCII letters of 8 ASCII bytes at once (bytes below 0x80 only).
#[inline]
fn swar_lower(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Per byte b < 0x80 no addition carries into the next byte: the high bit of b + (0x80 - 'A')
    // says b >= 'A', that of b + (0x80 - 'Z' - 1) says b > 'Z'.
    let ge_a = x.wrapping_add((0x80 - u64::from(b'A')) * ONES);
    let gt_z = x.wrapping_add((0x80 - u64::from(b'Z') - 1) * ONES);
    let upper = ge_a & !gt_z & HIGH;
    x | (upper >> 2)
}

#[inline]
fn seed(len: usize) -> u64 {
    (len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5749_5245_5452_4143
}

#[inline]
fn hash_chunks(bytes: &[u8], map: impl Fn(u8) -> u8) -> u64 {
    let mut h = seed(bytes.len());
    if bytes.len() <= 8 {
        // The usual word: one chunk, one round.
        let mut buf = [0u8; 8];
        for (d, s) in buf.iter_mut().zip(bytes) {
            *d = map(*s);
        }
        return mix(h ^ u64::from_le_bytes(buf));
    }
    for chunk in bytes.chunks(8) {
        let mut buf = [0u8; 8];
        for (d, s) in buf.iter_mut().zip(chunk) {
            *d = map(*s);
        }
        h = mix(h ^ u64::from_le_bytes(buf));
    }
    h
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[inline]
fn make_tok(stops: &Table, start: u32, end: u32, len: usize, (hash, key): (u64, u64), numeric: bool) -> Tok {
    Tok {
        start,
        end,
        hash,
        class: if numeric { NUMBER_CLASS } else { hash },
        stop: stops.contains_word(len, key),
    }
}

fn visit_unicode(text: &str, mut f: impl FnMut(Tok)) {
    let stops = table();
    let idx = CharIndex::new(text);
    for t in wiretrace_text::tokens(text) {
        let numeric = t.folded.chars().next().is_some_and(char::is_numeric);
        let (start, end) = (idx.char_of(t.start as usize), idx.char_of(t.end as usize));
        f(make_tok(
            stops,
            start,
            end,
            t.folded.len(),
            (word_hash(t.folded.as_bytes()), word_key(t.folded.as_bytes())),
            numeric,
        ));
    }
}

const OTHER: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const UNDER: u8 = 3;

/// Byte classes of ASCII for the word rules (one table load per byte).
const CLS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c == b'_' {
            UNDER
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// Bytes that may join two parts of one word: `.`, `'`, `:`, `,`, `;`.
#[cfg(test)]
const JOINER: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'\'' as usize] = true;
    t[b':' as usize] = true;
    t[b',' as usize] = true;
    t[b';' as usize] = true;
    t
};

/// The byte-at-a-time scanner: the reference [`visit_ascii`] is tested against.
#[cfg(test)]
fn visit_ascii_scalar(text: &str, mut f: impl FnMut(Tok)) {
    let stops = table();
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        if CLS[bytes[i] as usize] == OTHER {
            i += 1;
            continue;
        }
        let start = i;
        let mut last = CLS[bytes[i] as usize];
        let mut alnum = last != UNDER;
        i += 1;
        while i < n {
            let c = CLS[bytes[i] as usize];
            if c != OTHER {
                last = c;
                alnum |= c != UNDER;
                i += 1;
                continue;
            }
            // A joiner continues the word only between two letters or two digits (UAX #29 WB6/7, WB11/12).
            if i + 1 < n && JOINER[bytes[i] as usize] {
                let next = CLS[bytes[i + 1] as usize];
                let joins = match bytes[i] {
                    b'.' | b'\'' => (last == LETTER && next == LETTER) || (last == DIGIT && next == DIGIT),
                    b':' => last == LETTER && next == LETTER,
                    b',' | b';' => last == DIGIT && next == DIGIT,
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
        if !alnum {
            continue;
        }
        let h = ascii_word_hash(bytes, start, i);
        f(make_tok(
            stops,
            start as u32,
            i as u32,
            i - start,
            h,
            bytes[start].is_ascii_digit(),
        ));
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// High bit of each byte of `x` (bytes below 0x80) set where `lo <= byte <= hi`.
#[inline(always)]
fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let ge = x.wrapping_add((0x80 - u64::from(lo)) * ONES);
    let gt = x.wrapping_add((0x80 - u64::from(hi) - 1) * ONES);
    ge & !gt & HIGH
}

/// High bit of each byte of `x` (bytes below 0x80) set where the byte is `b`.
#[inline(always)]
fn equal(x: u64, b: u8) -> u64 {
    let t = x ^ (u64::from(b) * ONES);
    !(((t & !HIGH).wrapping_add(!HIGH)) | t) & HIGH
}

/// The high bits of 8 bytes gathered into 8 bits (byte k → bit k).
#[inline(always)]
fn gather(m: u64) -> u64 {
    (m >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// Returns one bit per byte of `bytes` (ASCII), set for word bytes (letters, digits, `_`), in
/// 64-bit blocks, with at least one zero block at the end.
fn word_bits(bytes: &[u8]) -> Vec<u64> {
    let mut out = vec![0u64; bytes.len() / 64 + 2];
    let mut chunks = bytes.chunks_exact(8);
    let mut k = 0;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        out[k / 8] |= word_byte_bits(x) << (8 * (k % 8));
        k += 1;
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        out[k / 8] |= word_byte_bits(u64::from_le_bytes(buf)) << (8 * (k % 8));
    }
    out
}

/// The word bytes (letters, digits, `_`) of 8 ASCII bytes, one bit each.
#[inline(always)]
fn word_byte_bits(x: u64) -> u64 {
    let letters = in_range(x | (0x20 * ONES), b'a', b'z');
    let digits = in_range(x, b'0', b'9');
    gather(letters | digits | equal(x, b'_'))
}

/// Returns the first position at or after `pos` whose bit equals `want`, if any.
#[inline(always)]
fn next_bit(bits: &[u64], pos: usize, want: bool) -> Option<usize> {
    let flip = if want { 0 } else { u64::MAX };
    let mut b = pos / 64;
    let mut m = (*bits.get(b)? ^ flip) & (u64::MAX << (pos % 64));
    while m == 0 {
        b += 1;
        m = *bits.get(b)? ^ flip;
    }
    Some(b * 64 + m.trailing_zeros() as usize)
}

/// Scans ASCII text a block of bytes at a time: word bytes are found 8 at a time in a register
/// (no branch per byte), the rare non-word byte between two word bytes is checked against the
/// joiner rules, and words are read off the bit runs.
fn visit_ascii(text: &str, mut f: impl FnMut(Tok)) {
    let stops = table();
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut bits = word_bits(bytes);
    // Joiners: a non-word byte with word bytes on both sides (the rules then decide).
    let mut carry_prev = 0u64;
    for b in 0..bits.len() {
        let w = bits[b];
        let next_first = bits.get(b + 1).map_or(0, |x| x & 1);
        let prev = (w << 1) | carry_prev;
        let next = (w >> 1) | (next_first << 63);
        carry_prev = w >> 63;
        let mut cand = !w & prev & next;
        while cand != 0 {
            let i = b * 64 + cand.trailing_zeros() as usize;
            cand &= cand - 1;
            if i + 1 >= n || i == 0 {
                continue;
            }
            let (last, next) = (CLS[bytes[i - 1] as usize], CLS[bytes[i + 1] as usize]);
            let joins = match bytes[i] {
                b'.' | b'\'' => (last == LETTER && next == LETTER) || (last == DIGIT && next == DIGIT),
                b':' => last == LETTER && next == LETTER,
                b',' | b';' => last == DIGIT && next == DIGIT,
                _ => false,
            };
            if joins {
                bits[b] |= 1 << (i % 64);
            }
        }
    }
    let mut pos = 0;
    while let Some(start) = next_bit(&bits, pos, true) {
        let end = next_bit(&bits, start, false).unwrap_or(n).min(n);
        pos = end;
        if bytes[start] == b'_' && !bytes[start..end].iter().any(u8::is_ascii_alphanumeric) {
            continue;
        }
        let h = ascii_word_hash(bytes, start, end);
        f(make_tok(
            stops,
            start as u32,
            end as u32,
            end - start,
            h,
            bytes[start].is_ascii_digit(),
        ));
    }
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
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            visit_ascii(s, |t| fast.push((t.start, t.end, t.hash, t.class, t.stop)));
            visit_unicode(s, |t| slow.push((t.start, t.end, t.hash, t.class, t.stop)));
            assert_eq!(fast, slow, "{s}");
        }
    }

    #[test]
    fn block_scanner_agrees_with_the_byte_scanner() {
        // Random ASCII strings over an alphabet rich in joiners, underscores and digits.
        let alphabet = b"aZk09_ .',:;-/\n\"xQ7";
        let mut state = 0x1234_5678_9abc_def0u64;
        for len in 0..300 {
            let text: String = (0..len)
                .map(|_| {
                    state = mix(state.wrapping_add(0x9E37_79B9_7F4A_7C15));
                    char::from(alphabet[(state % alphabet.len() as u64) as usize])
                })
                .collect();
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            visit_ascii(&text, |t| fast.push(t));
            visit_ascii_scalar(&text, |t| slow.push(t));
            assert_eq!(fast, slow, "{text:?}");
        }
        let long = "The U.S. economy grew 3.5% in 2,024; don't stop_ __ x_1. ".repeat(40);
        let (mut fast, mut slow) = (Vec::new(), Vec::new());
        visit_ascii(&long, |t| fast.push(t));
        visit_ascii_scalar(&long, |t| slow.push(t));
        assert_eq!(fast, slow);
    }

    #[test]
    fn mixed_text_tokenises_as_the_unicode_path_does() {
        // Random texts mixing ASCII words and joiners with accented letters, signs, curly quotes,
        // a combining mark and non-Latin script, cut by spaces, tabs and newlines.
        let alphabet = [
            "a", "Z", "k", "0", "9", "_", " ", " ", ".", "'", ",", ":", "\n", "\t", "\"", "é", "£", "“", "”",
            "\u{301}", "Ж", "中", "ß", "x", "7",
        ];
        let mut state = 0x0bad_cafe_1234_5678u64;
        for len in 0..400 {
            let text: String = (0..len)
                .map(|_| {
                    state = mix(state.wrapping_add(0x9E37_79B9_7F4A_7C15));
                    alphabet[(state % alphabet.len() as u64) as usize]
                })
                .collect();
            let (mut mixed, mut slow) = (Vec::new(), Vec::new());
            visit(&text, |t| mixed.push(t));
            visit_unicode(&text, |t| slow.push(t));
            assert_eq!(mixed, slow, "{text:?}");
        }
        let text = "The £25m (€30m) deal, “agreed” on Monday, ends a 2,000-day row.\n\nMr Pérez said: no.";
        let (mut mixed, mut slow) = (Vec::new(), Vec::new());
        visit(text, |t| mixed.push(t));
        visit_unicode(text, |t| slow.push(t));
        assert_eq!(mixed, slow);
        assert!(mixed.len() > 12);
    }

    #[test]
    fn register_lowercasing_hashes_as_the_bytes_do() {
        let text = "ABCDEFGH abcdefgh Zz@[`{ A x1Y2 MIXEDcase12 \x7f~ end";
        let b = text.as_bytes();
        for (s, e) in [
            (0, 8),
            (9, 17),
            (18, 24),
            (25, 26),
            (27, 31),
            (32, 43),
            (44, 46),
            (47, 50),
        ] {
            assert_eq!(
                ascii_word_hash(b, s, e),
                (
                    word_hash(text[s..e].to_ascii_lowercase().as_bytes()),
                    word_key(text[s..e].to_ascii_lowercase().as_bytes())
                ),
                "{}",
                &text[s..e]
            );
        }
    }

    #[test]
    fn hashes_are_of_the_folded_words() {
        let t = tokenize("Storm São 2,200");
        assert_eq!(t[0].hash, word_hash(b"storm"));
        assert_eq!(t[1].hash, word_hash(b"sao"));
        assert_eq!(t[2].hash, word_hash(b"2,200"));
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
        assert_eq!(toks[0].hash, word_hash(b"el"));
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
