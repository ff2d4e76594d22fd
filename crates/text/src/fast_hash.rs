/// A hasher for keys that are already well-mixed hashes (token and feature hashes, positions) or
/// short words: one multiply per eight bytes, no random state, so maps are cheap and runs
/// reproducible. Not for keys an adversary chooses (no flooding resistance).
///
/// # Example
/// ```
/// use std::hash::{BuildHasher, BuildHasherDefault};
/// let b = BuildHasherDefault::<wiretrace_text::MixHasher>::default();
/// assert_eq!(b.hash_one(42u64), b.hash_one(42u64));
/// assert_ne!(b.hash_one(42u64), b.hash_one(43u64));
/// ```
#[derive(Debug, Default, Clone, Copy)]
pub struct MixHasher(u64);

impl std::hash::Hasher for MixHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes per step: word-table look-ups hash every token of the corpus.
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.write_u64(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(last) ^ ((rest.len() as u64) << 59));
        }
    }
    fn write_u32(&mut self, x: u32) {
        self.write_u64(u64::from(x));
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(29) ^ x).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }
}

/// A hash map with [`MixHasher`].
///
/// # Example
/// ```
/// let mut m: wiretrace_text::FastMap<u64, u32> = Default::default();
/// *m.entry(7).or_insert(0) += 1;
/// assert_eq!(m[&7], 1);
/// ```
pub type FastMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<MixHasher>>;

/// A hash set with [`MixHasher`].
pub type FastSet<T> = std::collections::HashSet<T, std::hash::BuildHasherDefault<MixHasher>>;
