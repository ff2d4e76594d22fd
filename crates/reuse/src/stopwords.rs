//! Function words of the supported languages (en, es, pt, fr, ro, de, it), as data.
//!
//! Used by [`crate::shingle`] to skip n-grams made only of function words ("and that it was in"),
//! which are frequent everywhere and say nothing about reuse, and by [`crate::align`] to refuse such
//! grams as alignment seeds. One union table serves every language: the table only decides which
//! grams are too generic to seed a match, so a Romanian "de" flagged in a French text costs nothing.
//! Words are stored folded (lowercase, no diacritics), as `wiretrace_text::fold` gives them.

use std::sync::OnceLock;

const EN: &str = "a an the and or but if of at by for with about against between into through during before after \
above below to from up down in out on off over under again further then once here there when where why how all any \
both each few more most other some such no nor not only own same so than too very can will just should now i me my \
we our you your he him his she her it its they them their what which who whom this that these those am is are was \
were be been being have has had having do does did doing would could may might must shall said says also as";
const ES: &str = "el la los las un una unos unas y o pero si de del al a en con por para sin sobre entre hasta desde \
que quien cual cuando donde como mas muy ya no ni se su sus lo le les me te nos mi tu es son era fue ser estar esta \
este esto estos estas ese esa eso han ha hay habia dijo tambien porque";
const PT: &str = "o os a as um uma uns umas e ou mas se de do da dos das ao aos em no na nos nas com por para sem \
sobre entre ate desde que quem qual quando onde como mais muito ja nao nem seu sua seus suas lhe ele ela eles elas \
foi ser estar esta este isso essa esse sao era tem ha disse tambem porque pelo pela";
const FR: &str = "le la les un une des et ou mais si de du au aux en dans avec par pour sans sur sous entre que qui \
quoi dont quand comme plus tres deja ne pas ni se sa son ses leur leurs il elle ils elles on nous vous je tu est \
sont etait ete etre avoir a ont ce cette ces cet y dit aussi";
const RO: &str = "si sau dar daca de la in din pe cu pentru fara despre intre pana ca care cine cand unde cum mai \
foarte deja nu ne se sa lui ei lor el ea ele este sunt era fost fi a au un o unei unui al ale acest aceasta acesti \
aceste spus iar";
const DE: &str = "der die das den dem des ein eine einen einem einer eines und oder aber wenn von zu zum zur im in an \
am auf aus bei mit nach seit uber unter vor fur ohne durch gegen dass wer wie wo als auch nicht kein keine sich sein \
seine ihr ihre er sie es wir ist sind war waren wird werden hat haben sagte noch";
const IT: &str = "il lo la i gli le un uno una e o ma se di del della dei delle al alla a in con per tra fra su da \
che chi quando dove come piu molto gia non ne si suo sua suoi sue lui lei loro e sono era stato essere ha hanno ho \
detto anche";

/// Bucketed set of the words' *keys* (a folded word of up to 8 bytes read as a little-endian
/// integer, zero-padded: see [`word_key`]): 512 buckets of 4 keys (16 KiB, in the L1 cache of the
/// tokenising loop). Keying on the bytes rather than the word hash keeps the lookup off the hash's
/// latency chain. A lookup compares one bucket's 4 slots without a branch or a probe loop, so that
/// the unpredictable "function word or not" answer costs no mispredicted jump. The bucket is taken
/// from `shift`-ed bits of the key times an odd constant, the first shift at which no bucket holds
/// more than 4 words (fixed by the word list, so the same for every run). Also holds the byte length
/// of the longest word: longer tokens are never function words.
pub(crate) struct Table {
    buckets: Vec<[u64; WAYS]>,
    shift: u32,
    max_len: usize,
}

const BUCKETS: usize = 512;
const WAYS: usize = 4;

/// Returns the key of a folded word: its bytes as a little-endian integer, zero-padded, when it has
/// at most 8 bytes (distinct words have distinct keys); 0, which no function word has, otherwise.
#[inline]
pub(crate) fn word_key(folded: &[u8]) -> u64 {
    if folded.len() > 8 {
        return 0;
    }
    let mut buf = [0u8; 8];
    buf[..folded.len()].copy_from_slice(folded);
    u64::from_le_bytes(buf)
}

/// Returns the table (built once); hot loops fetch it once and call [`Table::contains_word`].
pub(crate) fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let words = || {
            [EN, ES, PT, FR, RO, DE, IT]
                .into_iter()
                .flat_map(str::split_whitespace)
        };
        let max_len = words().map(str::len).max().unwrap_or(0);
        assert!(max_len <= 8, "function words are keyed by their first 8 bytes");
        let mut keys: Vec<u64> = words().map(|w| word_key(w.as_bytes())).collect();
        keys.sort_unstable();
        keys.dedup();
        for shift in (0..=(64 - BUCKETS.trailing_zeros())).rev() {
            // 0 marks an empty slot (no word has key 0).
            let mut buckets = vec![[0u64; WAYS]; BUCKETS];
            let fits = keys.iter().all(|&k| {
                let b = &mut buckets[bucket(k, shift)];
                match b.iter_mut().find(|x| **x == 0) {
                    Some(x) => {
                        *x = k;
                        true
                    }
                    None => false,
                }
            });
            if fits {
                return Table {
                    buckets,
                    shift,
                    max_len,
                };
            }
        }
        panic!("the function-word table does not fit in {BUCKETS} buckets of {WAYS}");
    })
}

#[inline]
fn bucket(key: u64, shift: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize & (BUCKETS - 1)
}

/// Returns true when the folded word is a function word.
#[cfg(test)]
pub(crate) fn is_stopword(folded: &str) -> bool {
    table().contains_word(folded.len(), word_key(folded.as_bytes()))
}

impl Table {
    /// Returns true when the folded word of `len` bytes with this [`word_key`] is a function word.
    #[inline]
    pub(crate) fn contains_word(&self, len: usize, key: u64) -> bool {
        let b = &self.buckets[bucket(key, self.shift)];
        (len <= self.max_len) & ((b[0] == key) | (b[1] == key) | (b[2] == key) | (b[3] == key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_of_each_language_are_known() {
        for w in ["the", "del", "nao", "etait", "pentru", "uber", "della"] {
            assert!(is_stopword(w), "{w}");
        }
        for w in ["storm", "tormenta", "furtuna", "minister"] {
            assert!(!is_stopword(w), "{w}");
        }
    }
}
