//! Proper names spelt differently.
//!
//! Input → output: two words that occupy the same place in aligned sentences → whether they are one
//! name spelt two ways ("Blu"/"Blue", "Hemin"/"Hamin", "Müller"/"Mueller", "Gaddafi"/"Qaddafi").
//!
//! Method: both words must be capitalised; after folding (lowercase, no diacritics) they are compared
//! raw and after a transliteration key (common Latin-script romanisation variants: ph/f, q/k, c/k,
//! y/i, w/v, dh/d, kh/h, ou/u, ee/i, umlaut digraphs ue/oe/ae, doubled letters, final e). Equal keys,
//! or a small Damerau–Levenshtein distance with the same initial (1 edit from 3 letters, 2 from 9), make a variant; a word
//! that also occurs in lowercase in either text is an ordinary word at a sentence start, not a name.
//! Guarantees: symmetric and deterministic.

use wiretrace_text::fold;

/// Returns the transliteration key of a word (folded, with romanisation variants merged).
///
/// # Example
/// ```
/// use wiretrace_explain::names::translit_key;
/// assert_eq!(translit_key("Gaddafi"), translit_key("Qaddafi"));
/// assert_eq!(translit_key("Müller"), translit_key("Mueller"));
/// ```
pub fn translit_key(word: &str) -> String {
    let raw = word.to_lowercase();
    // umlaut digraphs before folding removes the marks
    let raw = raw
        .replace('ä', "a")
        .replace('ö', "o")
        .replace('ü', "u")
        .replace('ß', "ss");
    let f = fold(&raw);
    let mut s: String = f.chars().filter(|c| c.is_alphanumeric()).collect();
    for (from, to) in [
        ("tch", "c"),
        ("tsch", "c"),
        ("sch", "s"),
        ("ph", "f"),
        ("dh", "d"),
        ("kh", "h"),
        ("gh", "g"),
        ("th", "t"),
        ("ck", "k"),
        ("ch", "c"),
        ("sh", "s"),
        ("zh", "j"),
        ("ou", "u"),
        ("oo", "u"),
        ("ee", "i"),
        ("ue", "u"),
        ("oe", "o"),
        ("ae", "a"),
        ("ie", "i"),
        ("ei", "i"),
        ("q", "k"),
        ("g", "k"),
        ("y", "i"),
        ("w", "v"),
        ("j", "i"),
        ("x", "ks"),
        ("z", "s"),
    ] {
        s = s.replace(from, to);
    }
    // c before a/o/u/consonant sounds k
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::new();
    for (i, c) in cs.iter().enumerate() {
        let c = if *c == 'c' && !matches!(cs.get(i + 1), Some('e' | 'i')) {
            'k'
        } else {
            *c
        };
        if out.ends_with(c) {
            continue; // doubled letters
        }
        out.push(c);
    }
    if out.len() > 3 && out.ends_with('e') {
        out.pop();
    }
    out
}

/// Damerau–Levenshtein distance (optimal string alignment) between two strings, by chars.
///
/// # Example
/// ```
/// assert_eq!(wiretrace_explain::names::edit_distance("Hemin", "Hamin"), 1);
/// assert_eq!(wiretrace_explain::names::edit_distance("Boyd", "Byod"), 1);
/// ```
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

/// The consonant skeleton of a key: its first letter, then consonants only.
fn skeleton(key: &str) -> String {
    key.chars()
        .enumerate()
        .filter(|(i, c)| *i == 0 || !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'))
        .map(|(_, c)| c)
        .collect()
}

fn is_capitalised(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
        || (w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase()))
}

/// True when `a` and `b` are the same proper name spelt differently.
///
/// # Example
/// ```
/// use wiretrace_explain::names::is_name_variant;
/// assert!(is_name_variant("Blair", "Blaire"));
/// assert!(is_name_variant("José", "Jose"));
/// assert!(is_name_variant("Gaddafi", "Kadhafi"));
/// assert!(!is_name_variant("Blair", "Brown"));
/// assert!(!is_name_variant("favourite", "favorite"));
/// ```
pub fn is_name_variant(a: &str, b: &str) -> bool {
    if a == b || !is_capitalised(a) || !is_capitalised(b) {
        return false;
    }
    if a.chars().any(|c| c.is_ascii_digit()) || b.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let (fa, fb) = (fold(a), fold(b));
    if fa == fb {
        return true; // diacritics or case only
    }
    if translit_key(a) == translit_key(b) && translit_key(a).len() >= 3 {
        return true;
    }
    let (ka, kb) = (skeleton(&translit_key(a)), skeleton(&translit_key(b)));
    if ka == kb && ka.chars().count() >= 3 && fa.chars().next() == fb.chars().next() {
        return true; // vowels differ only (romanisation: Mohammed / Muhammad)
    }
    let len = fa.chars().count().min(fb.chars().count());
    let allowed = if len >= 9 {
        2
    } else if len >= 3 {
        1
    } else {
        0
    };
    let same_initial = fa.chars().next() == fb.chars().next();
    let d = edit_distance(&fa, &fb);
    same_initial && d <= allowed && d > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspellings_and_transliterations() {
        for (a, b) in [
            ("Blu", "Blue"),
            ("Hemin", "Hamin"),
            ("Korea", "Korrea"),
            ("Ruddock", "Ruddocke"),
            ("Tchaikovsky", "Chaikovsky"),
            ("Mohammed", "Muhammad"),
        ] {
            assert!(is_name_variant(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn different_names_are_not_variants() {
        for (a, b) in [
            ("Blair", "Brown"),
            ("Paris", "London"),
            ("Jo", "Al"),
            ("Tuesday", "Thursday"),
        ] {
            assert!(!is_name_variant(a, b), "{a} / {b}");
        }
    }
}
