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
/// Characters per lead word read when only the lead matters: words and their spacing average well
/// under this in every script, so the prefix holds the whole lead.
const LEAD_CHARS_PER_WORD: usize = 40;
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
    // Walked by byte offset, chars decoded in place: a table of every char with its offset would
    // cost 16 bytes per char, fresh zeroed pages for a book-length text.
    let char_at = |b: usize| text[b..].chars().next();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(c) = char_at(i) {
        let start = i;
        if c.is_alphabetic() {
            let mut j = i + c.len_utf8();
            while let Some(d) = char_at(j).filter(|&d| d.is_alphabetic() || is_mark(d)) {
                j += d.len_utf8();
            }
            out.push(Tok::Word(&text[start..j]));
            i = j;
        } else if c.is_ascii_digit() {
            let mut j = i + 1;
            while let Some(d) = char_at(j) {
                let sep = matches!(d, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}' | '\'');
                let then_digit = || char_at(j + d.len_utf8()).is_some_and(|x| x.is_ascii_digit());
                if d.is_ascii_digit() || (sep && then_digit()) {
                    j += d.len_utf8();
                } else {
                    break;
                }
            }
            out.push(Tok::Number(&text[start..j]));
            i = j;
        } else {
            if matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '\n') {
                out.push(Tok::SentenceEnd);
            }
            i += c.len_utf8();
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

/// The hash of an anchor: its kind and its key's bytes (FNV-1a, then a SplitMix64 finaliser), fixed
/// across runs and platforms.
pub(crate) fn key_hash(kind: Kind, key: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ (kind as u64 + 1);
    for &b in key {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h = (h ^ (h >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    h ^ (h >> 31)
}

/// A hash of a word's lowercase form, computed without allocating.
fn lowercase_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in word.chars().flat_map(char::to_lowercase) {
        h = (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A word transliterated to lowercase ASCII letters (anything else dropped).
#[cfg(test)]
fn ascii_fold(word: &str) -> String {
    let mut out = String::new();
    ascii_fold_into(word, &mut out);
    out
}

/// Writes `word` transliterated to lowercase ASCII letters into `out` (cleared first).
fn ascii_fold_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.extend(
            word.bytes()
                .filter(u8::is_ascii_alphabetic)
                .map(|b| b.to_ascii_lowercase() as char),
        );
        return;
    }
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
}

/// The phonetic skeleton key of a folded name: spelling variants folded (c/k/q/g, b/p, d/t, v/w/f,
/// s/z/x, i/j/y; sh, ch, ph, th, ck), vowels after the first letter dropped, doubles collapsed, first
/// [`NAME_KEY`] letters kept. `None` for names too short to say anything.
pub(crate) fn skeleton(folded: &str) -> Option<String> {
    if folded.len() < 3 {
        return None;
    }
    // One pass, no allocation but the key: "sch" and "ph" are read as one letter; the other
    // digraphs (sh, ch, th, ck) come out right letter by letter, since `h` is dropped.
    let b = folded.as_bytes();
    let mut out = String::with_capacity(NAME_KEY);
    let (mut i, mut n) = (0, 0);
    while i < b.len() && out.len() < NAME_KEY {
        let (c, width) = if b[i..].starts_with(b"sch") {
            ('s', 3)
        } else if b[i..].starts_with(b"ph") {
            ('f', 2)
        } else {
            (b[i] as char, 1)
        };
        i += width;
        let first = n == 0;
        n += 1;
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
        if first {
            out.push(if vowel { 'a' } else { c });
        } else if !vowel && !out.ends_with(c) {
            out.push(c);
        }
    }
    (out.len() >= 2).then_some(out)
}

/// One anchor occurrence.
pub(crate) struct Anchor<'t> {
    pub kind: Kind,
    /// The hash of the kind and the language-independent key (skeleton, value, month-day, stem).
    pub key: u64,
    /// [`LEAD_BOOST`] in the lead, else 1.
    pub weight: f32,
    /// The word or number as the text writes it.
    pub surface: &'t str,
}

/// The anchors of one article: `(kind, key, count)` with lead occurrences counted [`LEAD_BOOST`]
/// times, unsorted and not deduplicated (the caller merges equal keys). The corpus reads
/// [`occurrences`], whose places it needs too; tests read this.
#[cfg(test)]
pub(crate) fn anchors(title: Option<&str>, text: &str) -> Vec<(Kind, u64, f32)> {
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
        let mut m: HashMap<(Kind, u64), (f32, String)> = HashMap::new();
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
        Kind::Term => "term",
    }
}

/// Every anchor occurrence of an article, title first.
pub(crate) fn occurrences<'t>(title: Option<&'t str>, text: &'t str) -> Vec<Anchor<'t>> {
    let mut out = Vec::new();
    let mut words_seen = 0usize;
    for (part, is_title) in [(title.unwrap_or(""), true), (text, false)] {
        let toks = scan(part);
        // Words the text writes in lowercase somewhere: capitalised only at a sentence start, they are
        // not names.
        let lower: wiretrace_text::FastSet<u64> = toks
            .iter()
            .filter_map(|t| match t {
                Tok::Word(w) if w.chars().next().is_some_and(char::is_lowercase) => Some(lowercase_hash(w)),
                _ => None,
            })
            .collect();
        let mut folded = String::new();
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
                        key: key_hash(Kind::Figure, number_value(n).as_bytes()),
                        weight,
                        surface: n,
                    });
                    if let Some(d) = date_near(&toks, idx) {
                        out.push(Anchor {
                            kind: Kind::Date,
                            key: key_hash(Kind::Date, d.as_bytes()),
                            weight,
                            surface: n,
                        });
                    }
                }
                Tok::Word(w) => word_anchors(w, sentence_start, &lower, weight, &mut folded, &mut out),
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
    lower: &wiretrace_text::FastSet<u64>,
    weight: f32,
    folded: &mut String,
    out: &mut Vec<Anchor<'t>>,
) {
    let word = surface;
    let first = word.chars().next().unwrap_or(' ');
    if is_cjk(first) {
        let chars: Vec<char> = word.chars().collect();
        for w in chars.windows(2) {
            let mut buf = [0u8; 8];
            let n = w[0].encode_utf8(&mut buf).len();
            let m = w[1].encode_utf8(&mut buf[n..]).len();
            out.push(Anchor {
                kind: Kind::Term,
                key: key_hash(Kind::Term, &buf[..n + m]),
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
    ascii_fold_into(word, folded);
    let folded: &str = folded;
    if folded.is_empty() || wiretrace_lang::is_function_word(folded) {
        return;
    }
    let caseless = !first.is_uppercase() && !first.is_lowercase();
    let name = if caseless {
        folded.len() >= 3
    } else {
        first.is_uppercase() && (!sentence_start || !lower.contains(&lowercase_hash(word)))
    };
    if name {
        if let Some(k) = skeleton(folded) {
            out.push(Anchor {
                kind: Kind::Name,
                key: key_hash(Kind::Name, k.as_bytes()),
                weight,
                surface,
            });
        }
    }
    if folded.len() >= 4 && wiretrace_lang::month_number(folded).is_none() {
        out.push(Anchor {
            kind: Kind::Term,
            // ASCII: the prefix is TERM_PREFIX letters.
            key: key_hash(Kind::Term, &folded.as_bytes()[..folded.len().min(TERM_PREFIX)]),
            weight,
            surface,
        });
    }
}

/// The weekdays the headline and the lead ([`LEAD_WORDS`] words) name, as a bit set (bit 0 =
/// Monday): news leads state the day of the event ("on Sunday", "el domingo", "am Sonntag").
/// A Portuguese day followed by "feira" is read as one word ("segunda-feira").
pub(crate) fn lead_weekdays(title: Option<&str>, text: &str) -> u8 {
    let mut days = 0u8;
    let mut folded = String::new();
    let mut previous = String::new();
    let mut words_seen = 0usize;
    // Only the lead is read: a prefix long enough for its words, so a long text costs no more.
    let end = text
        .char_indices()
        .nth(LEAD_WORDS * LEAD_CHARS_PER_WORD)
        .map_or(text.len(), |x| x.0);
    for (part, is_title) in [(title.unwrap_or(""), true), (&text[..end], false)] {
        for t in scan(part) {
            if !is_title && words_seen >= LEAD_WORDS {
                return days;
            }
            match t {
                Tok::Word(w) => {
                    ascii_fold_into(w, &mut folded);
                    let day = if folded == "feira" {
                        previous.push_str("feira");
                        wiretrace_lang::weekday_number(&previous)
                    } else {
                        wiretrace_lang::weekday_in_word(&folded)
                    };
                    if let Some(d) = day {
                        days |= 1 << d;
                    }
                    std::mem::swap(&mut previous, &mut folded);
                }
                Tok::Number(_) => previous.clear(),
                Tok::SentenceEnd => continue,
            }
            if !is_title {
                words_seen += 1;
            }
        }
    }
    days
}

/// Seconds in a day.
const DAY_SECS: i64 = 86_400;
/// A lead's weekday is read as at most this many days after the publication day: a report names the
/// next day when it announces it ("landfall is expected on Wednesday") or when its outlet's day is
/// ahead of UTC. Any other named day is the most recent one on or before the publication day.
const EVENT_DAY_AHEAD: i64 = 1;

/// The day (days since the epoch, UTC) a dated report's headline and lead place their event on:
/// the latest of the days they name that is not more than [`EVENT_DAY_AHEAD`] after the publication
/// day. A weekday (`weekdays` as from [`lead_weekdays`]) is the nearest such day with that name; a
/// date (month, day, as from [`lead_dates`]) the nearest such day in its year. The latest, since a
/// lead states the newest step and recalls earlier ones ("resigned today, two days after Sunday's
/// final"); days further ahead are announcements, not the event. `None` when the lead names no day.
pub(crate) fn event_day(weekdays: u8, dates: &[(u32, u32)], published: i64) -> Option<i64> {
    let day = published.div_euclid(DAY_SECS);
    let latest = day + EVENT_DAY_AHEAD;
    // 1970-01-01 was a Thursday; bit 0 is Monday.
    let latest_weekday = (latest + 3).rem_euclid(7);
    let named_weekdays = (0..7i64)
        .filter(|w| weekdays & (1 << w) != 0)
        .map(|w| latest - (latest_weekday - w).rem_euclid(7));
    let named_dates = dates.iter().filter_map(|&(m, d)| nearest_date(m, d, latest));
    named_weekdays.chain(named_dates).max()
}

/// The latest day (days since the epoch) on or before `latest` that falls on `month`-`day`.
fn nearest_date(month: u32, day: u32, latest: i64) -> Option<i64> {
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    let year = epoch.checked_add_days(chrono::Days::new(u64::try_from(latest).ok()?))?;
    use chrono::Datelike;
    [year.year(), year.year() - 1]
        .into_iter()
        .filter_map(|y| chrono::NaiveDate::from_ymd_opt(y, month, day))
        .map(|d| (d - epoch).num_days())
        .find(|&d| d <= latest)
}

/// Whether a report published at `published` (seconds) was written at least a whole day before the
/// start of `event_day` (see [`event_day`]): it cannot report that event. The whole day keeps a
/// report from an outlet behind UTC, dated the day before, out of the rule.
pub(crate) fn written_before(published: i64, event_day: i64) -> bool {
    event_day * DAY_SECS - published >= DAY_SECS
}

/// A month-day date when the number at `idx` is a day (1–31) next to a month name.
fn date_near(toks: &[Tok<'_>], idx: usize) -> Option<String> {
    month_day_near(toks, idx).map(|(m, d)| format!("{m}-{d}"))
}

/// The (month, day) when the number at `idx` is a day (1–31) next to a month name.
fn month_day_near(toks: &[Tok<'_>], idx: usize) -> Option<(u32, u32)> {
    let Tok::Number(n) = toks[idx] else { return None };
    let day: u32 = n.parse().ok().filter(|d| (1..=31).contains(d))?;
    // "3 de enero", "3. Januar", "January 3": the month is one or two words after, or just before.
    let near = [idx + 1, idx + 2, idx.wrapping_sub(1)];
    near.iter().find_map(|&j| match toks.get(j) {
        Some(Tok::Word(w)) => {
            let mut folded = String::new();
            ascii_fold_into(w, &mut folded);
            wiretrace_lang::month_number(&folded).map(|m| (u32::from(m), day))
        }
        _ => None,
    })
}

/// The (month, day) dates the headline and the lead ([`LEAD_WORDS`] words) name ("LONDON, July
/// 16", "el 3 de enero").
pub(crate) fn lead_dates(title: Option<&str>, text: &str) -> Vec<(u32, u32)> {
    let end = text
        .char_indices()
        .nth(LEAD_WORDS * LEAD_CHARS_PER_WORD)
        .map_or(text.len(), |x| x.0);
    let mut out = Vec::new();
    for (part, is_title) in [(title.unwrap_or(""), true), (&text[..end], false)] {
        let toks = scan(part);
        let mut words = 0usize;
        for idx in 0..toks.len() {
            if !is_title && words >= LEAD_WORDS {
                break;
            }
            match toks[idx] {
                Tok::Number(_) => out.extend(month_day_near(&toks, idx)),
                Tok::Word(_) => {}
                Tok::SentenceEnd => continue,
            }
            words += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(kind: Kind, title: Option<&str>, text: &str) -> Vec<u64> {
        let mut v: Vec<u64> = anchors(title, text)
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
        let jan3 = [key_hash(Kind::Date, b"1-3")];
        assert_eq!(d("Talks resumed on January 3 in Geneva."), jan3);
        assert_eq!(
            d("Las conversaciones se reanudaron el 3 de enero en Ginebra."),
            jan3
        );
        assert_eq!(d("Die Gespräche wurden am 3. Januar in Genf fortgesetzt."), jan3);
        assert_eq!(d("Les discussions ont repris le 3 janvier à Genève."), jan3);
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let names = keys(
            Kind::Name,
            None,
            "Rivers rose fast. The rivers of Dunmore flooded. Mayor Ilse Varga spoke.",
        );
        let name = |w: &str| key_hash(Kind::Name, skeleton(w).unwrap().as_bytes());
        assert!(names.contains(&name("dunmore")));
        assert!(names.contains(&name("varga")));
        assert!(!names.contains(&name("rivers")), "{names:?}");
    }

    #[test]
    fn lead_anchors_count_more() {
        let filler = "word ".repeat(LEAD_WORDS);
        let a = anchors(None, &format!("Harbour closed. {filler} Harbour reopened."));
        let harbou = key_hash(Kind::Term, b"harbou");
        let w: Vec<f32> = a.iter().filter(|x| x.1 == harbou).map(|x| x.2).collect();
        assert_eq!(w, [LEAD_BOOST, 1.0]);
    }

    #[test]
    fn lead_weekdays_are_read_in_several_languages() {
        let sunday = 1 << 6;
        assert_eq!(
            lead_weekdays(None, "Rebels entered the capital on Sunday."),
            sunday
        );
        assert_eq!(
            lead_weekdays(Some("Los rebeldes entraron el domingo"), ""),
            sunday
        );
        assert_eq!(lead_weekdays(None, "Am Sonntag zogen die Rebellen ein."), sunday);
        assert_eq!(
            lead_weekdays(None, "Die Rebellen zogen am Sonntagabend ein."),
            sunday
        );
        assert_eq!(lead_weekdays(None, "Os rebeldes entraram na segunda-feira."), 1);
        assert_eq!(lead_weekdays(None, "Повстанцы вошли в город в среду."), 1 << 2);
        // Only the lead: a weekday in the background says nothing about this event.
        let filler = "word ".repeat(LEAD_WORDS);
        assert_eq!(
            lead_weekdays(None, &format!("Rebels entered. {filler} On Monday, talks.")),
            0
        );
    }

    #[test]
    fn a_lead_weekday_dates_the_event_from_the_publication_day() {
        // 2026-03-04 was a Wednesday.
        let wednesday = 20_516 * DAY_SECS;
        let (monday, tuesday, wednesday_bit, thursday) = (1, 1 << 1, 1 << 2, 1 << 3);
        assert_eq!(event_day(wednesday_bit, &[], wednesday + 3600), Some(20_516));
        assert_eq!(event_day(tuesday, &[], wednesday), Some(20_515));
        assert_eq!(event_day(monday, &[], wednesday), Some(20_514));
        // The next day is announced, not last week's.
        assert_eq!(event_day(thursday, &[], wednesday), Some(20_517));
        assert_eq!(event_day(0, &[], wednesday), None);
        // A lead recalling Monday's event and naming Tuesday's step places it on Tuesday.
        assert_eq!(event_day(monday | tuesday, &[], wednesday), Some(20_515));
        // Dates: 4 March is that Wednesday, 5 March the next day, 20 March (an announcement) is
        // read in the year before.
        assert_eq!(event_day(0, &[(3, 4)], wednesday), Some(20_516));
        assert_eq!(event_day(monday, &[(3, 5)], wednesday), Some(20_517));
        assert_eq!(event_day(0, &[(3, 20)], wednesday), Some(20_516 - 365 + 16));
        // Published on Tuesday, a whole day before Wednesday's event: a different, earlier report.
        assert!(written_before(wednesday - DAY_SECS, 20_516));
        // Published late on Tuesday in UTC (Wednesday morning where the event is): not excluded.
        assert!(!written_before(wednesday - 3600, 20_516));
        assert!(!written_before(wednesday, 20_515));
    }

    #[test]
    fn lead_dates_are_read_in_several_languages() {
        assert_eq!(
            lead_dates(None, "LONDON, July 16 — The manager resigned."),
            [(7, 16)]
        );
        assert_eq!(lead_dates(Some("Dimite el 16 de julio"), ""), [(7, 16)]);
        let filler = "word ".repeat(LEAD_WORDS);
        assert!(lead_dates(None, &format!("He resigned. {filler} On 3 May he spoke.")).is_empty());
    }

    #[test]
    fn cjk_text_gives_bigrams() {
        let t = keys(Kind::Term, None, "飓风登陆");
        let mut want: Vec<u64> = ["登陆", "风登", "飓风"]
            .iter()
            .map(|b| key_hash(Kind::Term, b.as_bytes()))
            .collect();
        want.sort();
        assert_eq!(t, want);
    }

    /// The scan before it walked by byte offset (a table of every char with its offset).
    fn scan_by_char_table(text: &str) -> Vec<(u8, String)> {
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
                out.push((0, text[start..end].to_string()));
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
                out.push((1, text[start..end].to_string()));
                i = j;
            } else {
                if matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '\n') {
                    out.push((2, String::new()));
                }
                i += 1;
            }
        }
        out
    }

    #[test]
    fn scan_by_byte_offset_gives_the_char_table_tokens() {
        // random texts of words, figures with every separator, marks, CJK and sentence stops
        let pieces = [
            "Ana",
            "río",
            "3",
            "1,250",
            "4.5",
            "12 000",
            "7\u{a0}300",
            "2\u{202f}5",
            "9'000",
            ".",
            ",",
            " ",
            "\n",
            "ब\u{93f}",
            "e\u{301}",
            "东京",
            "。",
            "？",
            "!",
            "'",
            "5.",
            "x1",
            "€",
            "—",
            "Ö",
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..40 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(pieces[(state % pieces.len() as u64) as usize]);
            }
            let got: Vec<(u8, String)> = scan(&text)
                .into_iter()
                .map(|t| match t {
                    Tok::Word(w) => (0, w.to_string()),
                    Tok::Number(n) => (1, n.to_string()),
                    Tok::SentenceEnd => (2, String::new()),
                })
                .collect();
            assert_eq!(got, scan_by_char_table(&text), "{text:?}");
        }
    }
}
