//! Words around personal and organisation names, folded: capitalised function words that never open a
//! name (the story stage's name features) and the particles a name runs across ("de", "van", "bin":
//! the explain stage's quote attribution).

/// Capitalised words that are function words in en, es, pt, fr, ro, de; never names.
pub const CAPITALISED_STOP: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "of", "for", "to", "and", "but", "or", "he", "she", "it", "they",
    "we", "i", "you", "his", "her", "their", "our", "this", "that", "these", "those", "there", "mr", "mrs",
    "ms", "dr", "el", "la", "los", "las", "un", "una", "en", "y", "o", "de", "del", "al", "por", "para",
    "con", "le", "les", "des", "du", "et", "ou", "il", "elle", "ils", "nous", "vous", "o", "os", "as", "um",
    "uma", "do", "da", "dos", "das", "no", "na", "e", "si", "sau", "cu", "pe", "din", "der", "die", "das",
    "ein", "eine", "und", "oder", "mit", "im", "am", "zu", "von", "er", "sie", "es", "wir",
];

/// Particles inside personal names ("de", "van", "bin"), folded: a name run continues across them.
pub const PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "della", "di", "van", "von", "der", "den", "la", "le", "bin",
    "al", "el", "y", "e",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_folded_ascii() {
        // Both readers fold and lowercase a word before looking it up.
        for w in CAPITALISED_STOP.iter().chain(PARTICLES) {
            assert!(w.bytes().all(|b| b.is_ascii_lowercase()), "not folded: {w:?}");
        }
    }
}
