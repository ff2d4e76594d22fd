//! Story anchors: what two reports of one event share whatever their language and wording.
//!
//! Reports of one event name the same people, places and organisations, give the same figures and
//! dates, and use the event's rare words, even when no sentence is shared and even across languages.
//! Each of these becomes a language-independent *anchor*:
//!
//! - **names**: capitalised words (a sentence's first word only when the text never writes it in
//!   lowercase; every word of a script without case), transliterated to ASCII and reduced to a
//!   phonetic *skeleton* (voicing and spelling variants folded, vowels after the first letter dropped,
//!   first four consonants kept), so that Merz / Merza, Zelensky / Selenskyj / Зеленский and
//!   Trump / Трамп / ترامب meet;
//! - **figures**: numbers in any locale's format reduced to one value (2,200 / 2.200 / 2 200 → 2200;
//!   28,6 / 28.6 → 28.6);
//! - **dates**: a day next to a month name in any supported language ("3 de enero", "3. Januar",
//!   "January 3") → month-day;
//! - **terms**: other words of four letters or more that are not function words, transliterated and
//!   cut to [`TERM_PREFIX`] letters (a language-blind stem that also meets cognates: tariff / tarifs /
//!   Tarife); text in Han or kana script gives character bigrams instead (no spaces to split words).
//!
//! An anchor counts [`LEAD_BOOST`] times in the headline and the first [`LEAD_WORDS`] words: news
//! states the event in its lead and the background after it, so what two leads share separates an
//! event from the follow-up that repeats its background.

use deunicode::deunicode_char;

use crate::features::Kind;

/// Terms are cut to this many ASCII letters: long enough to keep words apart, short enough to meet
/// inflections and cognates.
pub(crate) const TERM_PREFIX: usize = 6;
/// Names are keyed on this many skeleton letters.
const NAME_KEY: usize = 4;
/// Words of the headline and this many words of the text form the lead.
pub(crate) const LEAD_WORDS: usize = 30;
/// An anchor in the lead counts this many times.
pub(crate) const LEAD_BOOST: f32 = 5.0;
/// Arabic-script proclitics (the article and its prepositions, "and"): stripped before
/// transliteration so that "the president" and "and the president" meet. Longest first.
const ARABIC_PROCLITICS: &[&str] = &["وال", "بال", "فال", "كال", "لل", "ال"];

/// One token of the anchor scan.
enum Tok<'a> {
    Word(&'a str),
    Number(&'a str),
    SentenceEnd,
}

/// Splits text into words, numbers (with their group and decimal separators) and sentence ends.
fn scan(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let b: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < b.len() {
        let (start, c) = b[i];
        if c.is_alphabetic() {
            let mut j = i + 1;
            while j < b.len() && (b[j].1.is_alphabetic() || is_mark(b[j].1)) {
                j += 1;
            }
            let end = b.get(j).map_or(text.len(), |x| x.0);
            out.push(Tok::Word(&text[start..end]));
            i = j;
        } else if c.is_ascii_digit() {
            let mut j = i + 1;
            while j < b.len() {
                let d = b[j].1;
                let sep = matches!(d, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}' | '\'');
                if d.is_ascii_digit() || (sep && b.get(j + 1).is_some_and(|x| x.1.is_ascii_digit())) {
                    j += 1;
                } else {
                    break;
                }
            }
            let end = b.get(j).map_or(text.len(), |x| x.0);
            out.push(Tok::Number(&text[start..end]));
            i = j;
        } else {
            if matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '\n') {
                out.push(Tok::SentenceEnd);
            }
            i += 1;
        }
    }
    out
}

/// Combining marks continue a word (vowel signs of Indic scripts, Arabic diacritics).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0610..=0x061A | 0x064B..=0x065F | 0x0900..=0x0DFF)
}

/// Han, kana and compatibility ideographs: scripts written without spaces between words.
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// The value of a number as written in any locale: thousands groups (`,` `.` space, apostrophe)
/// joined, one decimal part kept with trailing zeros dropped.
pub(crate) fn number_value(s: &str) -> String {
    let groups: Vec<&str> = s
        .split(['.', ',', ' ', '\u{a0}', '\u{202f}', '\''])
        .filter(|g| !g.is_empty())
        .collect();
    let thousands = groups.len() >= 2 && groups[0].len() <= 3;
    // How many groups after the first are three-digit thousands groups.
    let grouped = groups[1..].iter().take_while(|g| g.len() == 3).count();
    let (int, frac): (String, &str) = if thousands && grouped == groups.len() - 1 {
        (groups.concat(), "")
    } else if groups.len() >= 2 && grouped == groups.len() - 2 {
        (groups[..groups.len() - 1].concat(), groups[groups.len() - 1])
    } else {
        (groups.concat(), "")
    };
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    }
}

/// A word transliterated to lowercase ASCII letters (anything else dropped).
fn ascii_fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                out.push(c.to_ascii_lowercase());
            }
        } else if let Some(t) = deunicode_char(c) {
            out.extend(
                t.chars()
                    .filter(char::is_ascii_alphabetic)
                    .map(|c| c.to_ascii_lowercase()),
            );
        }
    }
    out
}

/// The phonetic skeleton key of a folded name: spelling variants folded (c/k/q/g, b/p, d/t, v/w/f,
/// s/z/x, i/j/y; sh, ch, ph, th, ck), vowels after the first letter dropped, doubles collapsed, first
/// [`NAME_KEY`] letters kept. `None` for names too short to say anything.
pub(crate) fn skeleton(folded: &str) -> Option<String> {
    if folded.len() < 3 {
        return None;
    }
    let w = folded
        .replace("sch", "s")
        .replace("sh", "s")
        .replace("ch", "k")
        .replace("ph", "f")
        .replace("th", "t")
        .replace("ck", "k");
    let mut out = String::new();
    for (n, c) in w.chars().enumerate() {
        let c = match c {
            'c' | 'q' | 'g' => 'k',
            'b' => 'p',
            'd' => 't',
            'v' | 'w' => 'f',
            'z' | 'x' => 's',
            'j' | 'y' => 'i',
            'h' => continue,
            c => c,
        };
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
        if n == 0 {
            out.push(if vowel { 'a' } else { c });
        } else if !vowel && !out.ends_with(c) {
            out.push(c);
        }
        if out.len() == NAME_KEY {
            break;
        }
    }
    (out.len() >= 2).then_some(out)
}

/// One anchor occurrence.
pub(crate) struct Anchor<'t> {
    pub kind: Kind,
    /// The language-independent key (skeleton, value, month-day, stem).
    pub key: String,
    /// [`LEAD_BOOST`] in the lead, else 1.
    pub weight: f32,
    /// The word or number as the text writes it.
    pub surface: &'t str,
}

/// The anchors of one article: `(kind, key, count)` with lead occurrences counted [`LEAD_BOOST`]
/// times, unsorted and not deduplicated (the caller merges equal keys).
pub(crate) fn anchors(title: Option<&str>, text: &str) -> Vec<(Kind, String, f32)> {
    occurrences(title, text)
        .into_iter()
        .map(|a| (a.kind, a.key, a.weight))
        .collect()
}

/// The anchors two articles share, by kind name, as `"surface in a / surface in b"` (one surface
/// when both write it alike), the most prominent (lead-weighted count in both) first, at most
/// `max` per kind.
pub(crate) fn shared(
    a: &wiretrace_model::Article,
    b: &wiretrace_model::Article,
    max: usize,
) -> std::collections::BTreeMap<String, Vec<String>> {
    use std::collections::{BTreeMap, HashMap};
    let collect = |x: &'_ wiretrace_model::Article| {
        let mut m: HashMap<(Kind, String), (f32, String)> = HashMap::new();
        for o in occurrences(x.title.as_deref(), &x.text) {
            let e = m.entry((o.kind, o.key)).or_insert((0.0, o.surface.to_string()));
            e.0 += o.weight;
        }
        m
    };
    let (ma, mb) = (collect(a), collect(b));
    let mut both: Vec<(f32, Kind, String)> = ma
        .iter()
        .filter_map(|(k, (wa, sa))| {
            let (wb, sb) = mb.get(k)?;
            let label = if sa.to_lowercase() == sb.to_lowercase() {
                sa.clone()
            } else {
                format!("{sa} / {sb}")
            };
            Some((wa * wb, k.0, label))
        })
        .collect();
    both.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.2.cmp(&y.2)));
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    // A name is also a term: list it once, as a name.
    let names: std::collections::HashSet<String> = both
        .iter()
        .filter(|x| x.1 == Kind::Name)
        .map(|x| x.2.clone())
        .collect();
    both.retain(|x| x.1 != Kind::Term || !names.contains(&x.2));
    for (_, kind, label) in both {
        let list = out.entry(kind_name(kind).to_string()).or_default();
        if list.len() < max {
            list.push(label);
        }
    }
    out
}

/// The evidence name of an anchor kind.
fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Name | Kind::Span => "name",
        Kind::Figure => "figure",
        Kind::Date => "date",
        Kind::Term | Kind::Quote => "term",
    }
}

/// Every anchor occurrence of an article, title first.
fn occurrences<'t>(title: Option<&'t str>, text: &'t str) -> Vec<Anchor<'t>> {
    let mut out = Vec::new();
    let mut words_seen = 0usize;
    for (part, is_title) in [(title.unwrap_or(""), true), (text, false)] {
        let toks = scan(part);
        // Words the text writes in lowercase somewhere: capitalised only at a sentence start, they are
        // not names.
        let lower: std::collections::HashSet<String> = toks
            .iter()
            .filter_map(|t| match t {
                Tok::Word(w) if w.chars().next().is_some_and(char::is_lowercase) => Some(w.to_lowercase()),
                _ => None,
            })
            .collect();
        let mut sentence_start = true;
        for (idx, t) in toks.iter().enumerate() {
            let weight = if is_title || words_seen < LEAD_WORDS {
                LEAD_BOOST
            } else {
                1.0
            };
            match *t {
                Tok::SentenceEnd => {
                    sentence_start = true;
                    continue;
                }
                Tok::Number(n) => {
                    out.push(Anchor {
                        kind: Kind::Figure,
                        key: number_value(n),
                        weight,
                        surface: n,
                    });
                    if let Some(d) = date_near(&toks, idx) {
                        out.push(Anchor {
                            kind: Kind::Date,
                            key: d,
                            weight,
                            surface: n,
                        });
                    }
                }
                Tok::Word(w) => word_anchors(w, sentence_start, &lower, weight, &mut out),
            }
            sentence_start = false;
            if !is_title {
                words_seen += 1;
            }
        }
    }
    out
}

/// The anchors of one word (a name and a term, a term, or CJK bigrams).
fn word_anchors<'t>(
    surface: &'t str,
    sentence_start: bool,
    lower: &std::collections::HashSet<String>,
    weight: f32,
    out: &mut Vec<Anchor<'t>>,
) {
    let word = surface;
    let first = word.chars().next().unwrap_or(' ');
    if is_cjk(first) {
        let chars: Vec<char> = word.chars().collect();
        for w in chars.windows(2) {
            out.push(Anchor {
                kind: Kind::Term,
                key: w.iter().collect(),
                weight,
                surface,
            });
        }
        return;
    }
    let word = ARABIC_PROCLITICS
        .iter()
        .find_map(|p| word.strip_prefix(p).filter(|rest| rest.chars().count() >= 2))
        .unwrap_or(word);
    let folded = ascii_fold(word);
    if folded.is_empty() || wiretrace_lang::is_function_word(&folded) {
        return;
    }
    let caseless = !first.is_uppercase() && !first.is_lowercase();
    let name = if caseless {
        folded.len() >= 3
    } else {
        first.is_uppercase() && (!sentence_start || !lower.contains(&word.to_lowercase()))
    };
    if name {
        if let Some(k) = skeleton(&folded) {
            out.push(Anchor {
                kind: Kind::Name,
                key: k,
                weight,
                surface,
            });
        }
    }
    if folded.len() >= 4 && wiretrace_lang::month_number(&folded).is_none() {
        out.push(Anchor {
            kind: Kind::Term,
            key: folded.chars().take(TERM_PREFIX).collect(),
            weight,
            surface,
        });
    }
}

/// A month-day date when the number at `idx` is a day (1–31) next to a month name.
fn date_near(toks: &[Tok<'_>], idx: usize) -> Option<String> {
    let Tok::Number(n) = toks[idx] else { return None };
    let day: u8 = n.parse().ok().filter(|d| (1..=31).contains(d))?;
    // "3 de enero", "3. Januar", "January 3": the month is one or two words after, or just before.
    let near = [idx + 1, idx + 2, idx.wrapping_sub(1)];
    near.iter().find_map(|&j| match toks.get(j) {
        Some(Tok::Word(w)) => wiretrace_lang::month_number(&ascii_fold(w)).map(|m| format!("{m}-{day}")),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(kind: Kind, title: Option<&str>, text: &str) -> Vec<String> {
        let mut v: Vec<String> = anchors(title, text)
            .into_iter()
            .filter(|(k, _, _)| *k == kind)
            .map(|(_, s, _)| s)
            .collect();
        v.sort();
        v.dedup();
        v
    }

    #[test]
    fn numbers_in_every_locale_meet() {
        for s in ["2,200", "2.200", "2 200", "2\u{a0}200", "2200"] {
            assert_eq!(number_value(s), "2200", "{s}");
        }
        assert_eq!(number_value("28,6"), "28.6");
        assert_eq!(number_value("28.60"), "28.6");
        assert_eq!(number_value("1,234,567.5"), "1234567.5");
        assert_eq!(number_value("007"), "7");
    }

    #[test]
    fn names_meet_across_spellings_and_scripts() {
        let sk = |w: &str| skeleton(&ascii_fold(w));
        assert_eq!(sk("Merz"), sk("Merza"));
        assert_eq!(sk("Zelensky"), sk("Selenskyj"));
        assert_eq!(sk("Zelensky"), sk("Зеленский"));
        assert_eq!(sk("Trump"), sk("Трамп"));
        assert_eq!(sk("Trump"), sk("ترامب"));
        assert_ne!(sk("Merz"), sk("Merkel"));
    }

    #[test]
    fn dates_in_several_languages_meet() {
        let d = |t: &str| keys(Kind::Date, None, t);
        assert_eq!(d("Talks resumed on January 3 in Geneva."), ["1-3"]);
        assert_eq!(
            d("Las conversaciones se reanudaron el 3 de enero en Ginebra."),
            ["1-3"]
        );
        assert_eq!(
            d("Die Gespräche wurden am 3. Januar in Genf fortgesetzt."),
            ["1-3"]
        );
        assert_eq!(d("Les discussions ont repris le 3 janvier à Genève."), ["1-3"]);
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let names = keys(
            Kind::Name,
            None,
            "Rivers rose fast. The rivers of Dunmore flooded. Mayor Ilse Varga spoke.",
        );
        assert!(names.contains(&skeleton("dunmore").unwrap()));
        assert!(names.contains(&skeleton("varga").unwrap()));
        assert!(!names.contains(&skeleton("rivers").unwrap()), "{names:?}");
    }

    #[test]
    fn lead_anchors_count_more() {
        let filler = "word ".repeat(LEAD_WORDS);
        let a = anchors(None, &format!("Harbour closed. {filler} Harbour reopened."));
        let w: Vec<f32> = a.iter().filter(|(_, s, _)| s == "harbou").map(|x| x.2).collect();
        assert_eq!(w, [LEAD_BOOST, 1.0]);
    }

    #[test]
    fn cjk_text_gives_bigrams() {
        let t = keys(Kind::Term, None, "飓风登陆");
        assert_eq!(t, ["登陆", "风登", "飓风"]);
    }
}
