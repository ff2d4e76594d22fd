//! Tokens → word n-gram hashes → sampled fingerprints.
//!
//! Input: the [`Tok`]s of one article. Output: the hash of every word n-gram (for alignment seeds)
//! and the article's *fingerprints*, the sorted set of sampled n-gram hashes (for the inverted index).
//!
//! Method. An n-gram hash combines the *match classes* of n consecutive tokens (folded words; all
//! numbers share one class, so a changed figure leaves the grams around it intact). Grams made only
//! of function words are skipped: they are frequent in every text and match by chance. The
//! fingerprints are the grams whose hash is `0 mod sample_mod` ("hash-mod" sampling, as in
//! Broder's and Manber's work) rather than a winnowing window minimum. Hash-mod sampling is
//! context-free: a gram is a fingerprint in every article that contains it, so (1) the number of
//! shared fingerprints is an unbiased estimate of shared grams (Jaccard and containment follow from
//! it), and (2) a gram's document frequency is well defined, which the boilerplate filter of
//! [`crate::align`] needs. Winnowing's guarantee (one fingerprint per window) is traded for an
//! expected density of `1/sample_mod`; a shared run of 20 tokens carries no fingerprint with
//! probability `(1 - 1/4)^16 ≈ 1%` at the default, and real reuse is much longer than one sentence.
//!
//! Guarantees: deterministic fixed-seed hashes; fingerprints sorted and distinct; time linear in the
//! number of tokens.

use crate::token::Tok;

const MIX_K: u64 = 0x9E37_79B9_7F4A_7C15;

fn finalize(mut z: u64) -> u64 {
    // splitmix64 finaliser: spreads the combined hash over all 64 bits.
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Bits each word's class is rotated by per position from the gram's end (odd, so that the
/// rotations of up to 64 positions are distinct).
const ROT: u32 = 13;

/// Returns the hash of the gram `toks[i..i + n]` (by match class): the XOR of each word's class
/// rotated by `ROT` bits per position from the gram's end, finalised with the gram size. Being a
/// rotate-and-XOR (Buzhash-style) combination, the next gram's value rolls from this one in O(1)
/// ([`fingerprints`] does so); the finaliser spreads it over all 64 bits.
#[cfg(test)]
pub(crate) fn gram_hash(toks: &[Tok], i: usize, n: usize) -> u64 {
    let mut h = 0u64;
    for t in &toks[i..i + n] {
        h = h.rotate_left(ROT) ^ t.class;
    }
    finish(h, n)
}

#[inline]
fn finish(h: u64, n: usize) -> u64 {
    finalize(h ^ (n as u64).wrapping_mul(MIX_K))
}

/// Returns true when every token of `toks[i..i + n]` is a function word.
#[cfg(test)]
pub(crate) fn stop_gram(toks: &[Tok], i: usize, n: usize) -> bool {
    toks[i..i + n].iter().all(|t| t.stop)
}

/// Returns the hash of every gram starting at 0..=len-n, or `None` for grams of function words only.
///
/// Rolled in O(1) per position (as [`fingerprints`] does): the value of each gram equals
/// `gram_hash` of it, and a gram is skipped when its window's function-word count is `n`.
pub(crate) fn grams(toks: &[Tok], n: usize) -> Vec<Option<u64>> {
    if n == 0 || toks.len() < n {
        return Vec::new();
    }
    // Rotation of the class leaving the window (n positions from its end).
    let out_rot = (ROT as usize * n % 64) as u32;
    let mut out = Vec::with_capacity(toks.len() + 1 - n);
    let (mut rolling, mut stops) = (0u64, 0usize);
    for (k, t) in toks.iter().enumerate() {
        rolling = rolling.rotate_left(ROT) ^ t.class;
        stops += usize::from(t.stop);
        if k >= n {
            let old = &toks[k - n];
            rolling ^= old.class.rotate_left(out_rot);
            stops -= usize::from(old.stop);
        }
        if k + 1 >= n {
            out.push((stops < n).then(|| finish(rolling, n)));
        }
    }
    out
}

/// Returns true when a gram hash is sampled as a fingerprint.
pub(crate) fn sampled(hash: u64, sample_mod: u32) -> bool {
    let m = u64::from(sample_mod.max(1));
    // A mask instead of a division for the usual power-of-two rates (same result).
    if m.is_power_of_two() {
        hash & (m - 1) == 0
    } else {
        hash.is_multiple_of(m)
    }
}

/// Returns (fingerprints, token count, gram count) of a text, streaming over its tokens.
///
/// The gram count counts positions (not distinct grams) of grams not made of function words only.
/// Equivalent to sampling [`grams`] of the collected tokens, without collecting them.
pub(crate) fn fingerprints(text: &str, n: usize, sample_mod: u32) -> (Vec<u64>, u32, u32) {
    // The last n tokens' classes and function-word flags in a ring of RING slots.
    const RING: usize = 32;
    let n = n.clamp(1, RING);
    // Rotation of the class leaving the window (n positions from the end).
    let out_rot = (ROT * n as u32) % 64;
    let mut classes = [0u64; RING];
    let mut stops = [false; RING];
    let mut stop_count = 0usize;
    let (mut seen, mut grams_count) = (0usize, 0u32);
    let mut rolling = 0u64;
    let mut buf = [0u64; 64];
    let mut staged = 0usize;
    // About one word per 6 bytes of text, one gram in `sample_mod` kept.
    let mut out = Vec::with_capacity(text.len() / (6 * sample_mod.max(1) as usize) + 8);
    crate::token::visit(text, |t| {
        let at = seen & (RING - 1);
        rolling = rolling.rotate_left(ROT) ^ t.class;
        if seen >= n {
            // The token leaving the window.
            let old = (seen - n) & (RING - 1);
            stop_count -= usize::from(stops[old]);
            rolling ^= classes[old].rotate_left(out_rot);
        }
        classes[at] = t.class;
        stops[at] = t.stop;
        stop_count += usize::from(t.stop);
        seen += 1;
        if seen < n || stop_count == n {
            return;
        }
        grams_count += 1;
        // Kept grams are staged in a small buffer without a branch on the (random) sampling
        // decision, and moved to `out` when it fills.
        let h = finish(rolling, n);
        buf[staged] = h;
        staged += usize::from(sampled(h, sample_mod));
        if staged == buf.len() {
            out.extend_from_slice(&buf);
            staged = 0;
        }
    });
    out.extend_from_slice(&buf[..staged]);
    out.sort_unstable();
    out.dedup();
    // Sketches are kept by the thousand: do not keep the growth slack.
    out.shrink_to_fit();
    (out, seen as u32, grams_count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    #[test]
    fn shared_wording_gives_shared_grams_whatever_the_numbers() {
        let a = tokenize("Floods killed 12 people in the northern province on Monday");
        let b = tokenize("Floods killed 14 people in the northern province on Monday");
        assert_eq!(grams(&a, 5), grams(&b, 5));
    }

    #[test]
    fn function_word_grams_are_skipped() {
        let t = tokenize("and it was in the storm");
        let g = grams(&t, 5);
        assert_eq!(g.len(), 2);
        assert!(g[0].is_none() && g[1].is_some());
    }

    #[test]
    fn fingerprints_are_a_sorted_sample_of_the_grams() {
        let text = "word ".repeat(3) + &(0..400).map(|i| format!("w{i}")).collect::<Vec<_>>().join(" ");
        let (fp, tokens, count) = fingerprints(&text, 5, 4);
        assert!(fp.windows(2).all(|w| w[0] < w[1]));
        assert_eq!((tokens, count), (403, 399));
        // 1 in 4 expected; allow generous slack.
        assert!(fp.len() > 50 && fp.len() < 160, "{}", fp.len());
        let (all, _, _) = fingerprints(&text, 5, 1);
        let mut expected: Vec<u64> = grams(&tokenize(&text), 5).into_iter().flatten().collect();
        expected.sort_unstable();
        assert_eq!(all, expected);
    }

    #[test]
    fn rolled_grams_equal_each_gram_hashed_alone() {
        let text = "The 3 ministers met in the capital on Monday and the talks, which \
                    were held behind closed doors, ended at 11 with no deal and no date";
        let toks = tokenize(text);
        for n in [1, 3, 4, 5, 7] {
            let expected: Vec<Option<u64>> = (0..=toks.len() - n)
                .map(|i| (!stop_gram(&toks, i, n)).then(|| gram_hash(&toks, i, n)))
                .collect();
            assert_eq!(grams(&toks, n), expected, "n = {n}");
        }
    }

    #[test]
    fn short_texts_have_no_grams() {
        assert!(grams(&tokenize("too short"), 5).is_empty());
    }
}
