//! Language knowledge as data, in one place: function words, month names and weekday names per
//! language (the date reader and the story stage read the same weekday table), and the
//! date-reading tables of [`date_words`] (month names and abbreviations, fillers, time zones, the "published" / "updated" cue words of many languages),
//! the page-furniture vocabulary of [`boilerplate`] and the furniture and header openings of [`page_words`].
//!
//! Every word is stored *folded*: lowercase, transliterated to ASCII letters (diacritics dropped,
//! Cyrillic and Greek romanised), which is how the story stage compares words across languages and
//! scripts. Adding a language is one entry in each table; `tests::every_table_covers_every_language`
//! checks that no table forgets one.
//!
//! ```
//! assert!(wiretrace_lang::is_function_word("der"));
//! assert_eq!(wiretrace_lang::month_number("febrero"), Some(2));
//! assert_eq!(wiretrace_lang::month_number("fevrier"), Some(2));
//! ```
#![deny(missing_docs)]

pub mod boilerplate;
pub mod credit_words;
pub mod date_words;
pub mod explain_words;
pub mod name_words;
pub mod page_words;

use std::collections::HashMap;
use std::sync::OnceLock;

/// The languages the tables cover (ISO 639-1).
pub const LANGUAGES: &[&str] = &["en", "es", "pt", "fr", "ro", "de", "it", "nl", "pl", "ru", "tr"];

/// Function words per language, folded: frequent everywhere, evidence of nothing.
pub const FUNCTION_WORDS: &[(&str, &str)] = &[
    ("en", "a an the and or but if of at by for with about against between into through during before after \
above below to from up down in out on off over under again further then once here there when where why how all any \
both each few more most other some such no nor not only own same so than too very can will just should now i me my \
we our you your he him his she her it its they them their what which who whom this that these those am is are was \
were be been being have has had having do does did doing would could may might must shall said says also as \
while told like made many much since still even well back week year years first last according"),
    ("es", "el la los las un una unos unas y o pero si de del al a en con por para sin sobre entre hasta desde \
que quien cual cuando donde como mas muy ya no ni se su sus lo le les me te nos mi tu es son era fue ser estar esta \
este esto estos estas ese esa eso han ha hay habia dijo tambien porque segun tras otros otras todo todos fueron"),
    ("pt", "o os a as um uma uns umas e ou mas se de do da dos das ao aos em no na nos nas com por para sem \
sobre entre ate desde que quem qual quando onde como mais muito ja nao nem seu sua seus suas lhe ele ela eles elas \
foi ser estar esta este isso essa esse sao era tem ha disse tambem porque pelo pela pelos pelas ainda mesmo apos"),
    ("fr", "le la les un une des et ou mais si de du au aux en dans avec par pour sans sur sous entre que qui \
quoi dont quand comme plus tres deja ne pas ni se sa son ses leur leurs il elle ils elles on nous vous je tu est \
sont etait ete etre avoir a ont ce cette ces cet y dit aussi apres avant selon"),
    ("ro", "si sau dar daca de la in din pe cu pentru fara despre intre pana ca care cine cand unde cum mai \
foarte deja nu ne se sa lui ei lor el ea ele este sunt era fost fi a au un o unei unui al ale acest aceasta acesti \
aceste spus iar dupa"),
    ("de", "der die das den dem des ein eine einen einem einer eines und oder aber wenn von zu zum zur im in an \
am auf aus bei mit nach seit uber ueber unter vor fur fuer ohne durch gegen dass wer wie wo als auch nicht kein keine \
sich sein seine ihr ihre er sie es wir ist sind war waren wird werden wurde wurden hat haben sagte noch beim"),
    ("it", "il lo la i gli le un uno una e o ma se di del della dei delle al alla a in con per tra fra su da \
che chi quando dove come piu molto gia non ne si suo sua suoi sue lui lei loro sono era stato essere ha hanno ho \
detto anche dopo"),
    ("nl", "de het een en of maar als van in op aan met voor door bij naar uit over tot om te dat die dit wie wat \
waar hoe niet geen zich zijn haar hij zij het wij is was waren wordt werd heeft hebben ook nog"),
    ("pl", "i w na z do nie sie to ze o a jak po za od przez dla jest sa byl byla bylo oraz tez ale czy juz \
tym ten ta te jego jej ich ktory ktora ktore przy pod nad"),
    ("ru", "i v na s k po ne chto eto kak iz za ot do dlia ego ee ikh on ona oni my vy byl byla bylo byli \
est takzhe no ili uzhe pri o ob"),
    ("tr", "ve bir bu da de ile icin gibi daha cok en ama ancak olan olarak ise ki mi ne o su"),
];

/// Month names per language, folded, January first. Genitive forms are listed where a date uses them
/// ("3 stycznia", "3 yanvarya").
pub const MONTHS: &[(&str, &str)] = &[
    (
        "en",
        "january february march april may june july august september october november december",
    ),
    (
        "es",
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    ),
    (
        "pt",
        "janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro dezembro",
    ),
    (
        "fr",
        "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
    ),
    (
        "ro",
        "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
    ),
    (
        "de",
        "januar februar marz maerz april mai juni juli august september oktober november dezember",
    ),
    (
        "it",
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    ),
    (
        "nl",
        "januari februari maart april mei juni juli augustus september oktober november december",
    ),
    (
        "pl",
        "stycznia lutego marca kwietnia maja czerwca lipca sierpnia wrzesnia pazdziernika listopada grudnia",
    ),
    (
        "ru",
        "ianvaria fevralia marta aprelia maia iiunia iiulia avgusta sentiabria oktiabria noiabria dekabria",
    ),
    (
        "tr",
        "ocak subat mart nisan mayis haziran temmuz agustos eylul ekim kasim aralik",
    ),
];

/// Weekday names per language, folded, Monday first; `|` separates forms of one day (a case
/// ending after a preposition: Polish "w środę", Russian "в среду"). Portuguese days are written
/// "segunda-feira": the caller joins a word and a following "feira" ("segundafeira"); bare
/// "segunda", "quarta", "quinta" are also ordinals and are not listed. A form in brackets is also
/// another word (Romanian "luni" is also "months") and names a day only beside a date (see
/// [`is_weekday_in_date`]); [`weekday_number`] does not read it.
pub const WEEKDAYS: &[(&str, [&str; 7])] = &[
    (
        "en",
        [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ],
    ),
    (
        "es",
        [
            "lunes",
            "martes",
            "miercoles",
            "jueves",
            "viernes",
            "sabado",
            "domingo",
        ],
    ),
    (
        "pt",
        [
            "segundafeira",
            "tercafeira|terca",
            "quartafeira",
            "quintafeira",
            "sextafeira",
            "sabado",
            "domingo",
        ],
    ),
    (
        "fr",
        [
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        ],
    ),
    (
        "ro",
        [
            "lunea|(luni)",
            "marti",
            "miercuri",
            "joi",
            "vineri",
            "sambata",
            "duminica",
        ],
    ),
    (
        "de",
        [
            "montag",
            "dienstag",
            "mittwoch",
            "donnerstag",
            "freitag",
            "samstag|sonnabend",
            "sonntag",
        ],
    ),
    (
        "it",
        [
            "lunedi",
            "martedi",
            "mercoledi",
            "giovedi",
            "venerdi",
            "sabato",
            "domenica",
        ],
    ),
    (
        "nl",
        [
            "maandag",
            "dinsdag",
            "woensdag",
            "donderdag",
            "vrijdag",
            "zaterdag",
            "zondag",
        ],
    ),
    (
        "pl",
        [
            "poniedzialek",
            "wtorek",
            "sroda|srode",
            "czwartek",
            "piatek",
            "sobota|sobote",
            "niedziela|niedziele",
        ],
    ),
    (
        "ru",
        [
            "ponedelnik",
            "vtornik",
            "sreda|sredu",
            "chetverg",
            "piatnitsa|piatnitsu",
            "subbota|subbotu",
            "voskresene|voskresenie",
        ],
    ),
    (
        "tr",
        [
            "pazartesi",
            "sali",
            "carsamba",
            "persembe",
            "cuma",
            "cumartesi",
            "pazar",
        ],
    ),
];

/// The weekday (0 = Monday … 6 = Sunday) a folded word names in any supported language.
pub fn weekday_number(folded: &str) -> Option<u8> {
    static MAP: OnceLock<HashMap<&'static str, u8>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = HashMap::new();
        for (_, days) in WEEKDAYS {
            for (n, forms) in days.iter().enumerate() {
                for w in forms.split('|').filter(|w| !w.starts_with('(')) {
                    m.entry(w).or_insert(n as u8);
                }
            }
        }
        m
    })
    .get(folded)
    .copied()
}

/// Whether a folded word of a date string ("Monday, 3 March", "luni, 3 martie", "seg, 3 mar")
/// names a weekday in any supported language: a form of [`WEEKDAYS`], bracketed ones included (a
/// date leaves no doubt), or an abbreviation of one (at least three letters: "mon", "mié").
/// Portuguese "segunda" is the start of "segundafeira"; the "feira" after the hyphen is the date
/// reader's filler.
///
/// ```
/// assert!(wiretrace_lang::is_weekday_in_date("luni"));
/// assert!(wiretrace_lang::is_weekday_in_date("segunda"));
/// assert!(wiretrace_lang::is_weekday_in_date("mon"));
/// assert!(!wiretrace_lang::is_weekday_in_date("march"));
/// ```
pub fn is_weekday_in_date(folded: &str) -> bool {
    folded.len() >= WEEKDAY_ABBREVIATION_LEN
        && WEEKDAYS
            .iter()
            .flat_map(|(_, days)| days.iter())
            .flat_map(|forms| forms.split('|'))
            .map(|w| w.trim_matches(|c| c == '(' || c == ')'))
            .any(|w| w.starts_with(folded) || folded.starts_with(w))
}

/// The shortest weekday abbreviation a date reader accepts ("mon", "sab"): shorter prefixes are
/// other words too.
pub const WEEKDAY_ABBREVIATION_LEN: usize = 3;

/// Parts of a day that a language joins to a weekday name in one word (German "Dienstagabend",
/// "Sonntagmorgen"; Dutch "zondagavond"), folded; empty where a language writes them apart
/// ("Tuesday evening", "el martes por la tarde"). A lead naming "Dienstagnachmittag" names Tuesday.
pub const WEEKDAY_PARTS: &[(&str, &str)] = &[
    ("en", ""),
    ("es", ""),
    ("pt", ""),
    ("fr", ""),
    ("ro", ""),
    ("de", "morgen vormittag mittag nachmittag abend nacht frueh"),
    ("it", ""),
    ("nl", "ochtend morgen middag namiddag avond nacht"),
    ("pl", ""),
    ("ru", ""),
    ("tr", ""),
];

/// The weekday (0 = Monday) a folded word names: a weekday name in any supported language, or a
/// weekday joined to a part of the day (see [`WEEKDAY_PARTS`]).
///
/// ```
/// assert_eq!(wiretrace_lang::weekday_in_word("dienstagnachmittag"), Some(1));
/// assert_eq!(wiretrace_lang::weekday_in_word("zondagavond"), Some(6));
/// assert_eq!(wiretrace_lang::weekday_in_word("montage"), None);
/// ```
pub fn weekday_in_word(folded: &str) -> Option<u8> {
    weekday_number(folded).or_else(|| {
        WEEKDAY_PARTS
            .iter()
            .flat_map(|(_, parts)| parts.split_whitespace())
            .find_map(|part| weekday_number(folded.strip_suffix(part)?))
    })
}

/// Whether a folded word is a function word in any supported language. One union table serves every
/// language: a word that is a function word somewhere is weak evidence everywhere.
pub fn is_function_word(folded: &str) -> bool {
    static SET: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        FUNCTION_WORDS
            .iter()
            .flat_map(|(_, w)| w.split_whitespace())
            .collect()
    })
    .contains(folded)
}

/// Whether each supported language capitalises its common nouns as well as its names (German
/// "der Stromausfall"): there a capital letter does not mark a name.
pub const CAPITALISES_NOUNS: &[(&str, bool)] = &[
    ("en", false),
    ("es", false),
    ("pt", false),
    ("fr", false),
    ("ro", false),
    ("de", true),
    ("it", false),
    ("nl", false),
    ("pl", false),
    ("ru", false),
    ("tr", false),
];

/// Languages written in a script without letter case (Arabic, Persian, Hebrew, the Indic scripts,
/// Thai, Georgian, Chinese, Japanese, Korean…), by ISO 639-1 code: there no capital letter marks
/// a name.
pub const CASELESS_SCRIPT_LANGUAGES: &[&str] = &[
    "ar", "fa", "ur", "ps", "he", "yi", "hi", "mr", "ne", "gu", "bn", "pa", "ta", "te", "kn", "ml", "si",
    "th", "lo", "km", "my", "ka", "am", "zh", "ja", "ko",
];

/// Whether a capital letter marks a name in texts of `language` (an ISO 639-1 code): not where
/// common nouns are capitalised too ([`CAPITALISES_NOUNS`]) or the script has no case
/// ([`CASELESS_SCRIPT_LANGUAGES`]). Unknown languages are assumed to mark names.
///
/// ```
/// assert!(wiretrace_lang::case_marks_names("en"));
/// assert!(!wiretrace_lang::case_marks_names("de"));
/// assert!(!wiretrace_lang::case_marks_names("ar"));
/// ```
pub fn case_marks_names(language: &str) -> bool {
    let nouns = CAPITALISES_NOUNS
        .iter()
        .any(|&(l, capitalised)| l == language && capitalised);
    !nouns && !CASELESS_SCRIPT_LANGUAGES.contains(&language)
}

/// The month (1–12) a folded word names in any supported language. German "März" folds to "marz" or
/// "maerz"; both are listed.
pub fn month_number(folded: &str) -> Option<u8> {
    static MAP: OnceLock<HashMap<&'static str, u8>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = HashMap::new();
        for (_, names) in MONTHS {
            let mut n = 0u8;
            for w in names.split_whitespace() {
                // "marz maerz" are one month: a listed alias repeats the previous number.
                if w != "maerz" {
                    n += 1;
                }
                m.entry(w).or_insert(n);
            }
        }
        m
    })
    .get(folded)
    .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_covers_every_language() {
        for lang in LANGUAGES {
            assert!(
                FUNCTION_WORDS.iter().any(|(l, _)| l == lang),
                "function words: {lang}"
            );
            let months = MONTHS
                .iter()
                .find(|(l, _)| l == lang)
                .unwrap_or_else(|| panic!("months: {lang}"));
            let n = months.1.split_whitespace().filter(|w| *w != "maerz").count();
            assert_eq!(n, 12, "{lang} lists {n} months");
        }
        for lang in LANGUAGES {
            assert!(WEEKDAYS.iter().any(|(l, _)| l == lang), "weekdays: {lang}");
        }
        assert_eq!(FUNCTION_WORDS.len(), LANGUAGES.len());
        assert_eq!(MONTHS.len(), LANGUAGES.len());
        assert_eq!(WEEKDAYS.len(), LANGUAGES.len());
        for lang in LANGUAGES {
            assert!(
                WEEKDAY_PARTS.iter().any(|(l, _)| l == lang),
                "weekday parts: {lang}"
            );
        }
        assert_eq!(WEEKDAY_PARTS.len(), LANGUAGES.len());
        for lang in LANGUAGES {
            assert!(
                CAPITALISES_NOUNS.iter().any(|(l, _)| l == lang),
                "capitalised nouns: {lang}"
            );
            assert!(!CASELESS_SCRIPT_LANGUAGES.contains(lang), "{lang} has case");
        }
        assert_eq!(CAPITALISES_NOUNS.len(), LANGUAGES.len());
    }

    #[test]
    fn months_are_found_in_every_language() {
        assert_eq!(month_number("march"), Some(3));
        assert_eq!(month_number("marz"), Some(3));
        assert_eq!(month_number("maerz"), Some(3));
        assert_eq!(month_number("april"), Some(4));
        assert_eq!(month_number("dezember"), Some(12));
        assert_eq!(month_number("grudnia"), Some(12));
        assert_eq!(month_number("aralik"), Some(12));
        assert_eq!(month_number("storm"), None);
    }

    #[test]
    fn weekdays_are_found_in_every_language() {
        assert_eq!(weekday_number("sunday"), Some(6));
        assert_eq!(weekday_number("domingo"), Some(6));
        assert_eq!(weekday_number("sonntag"), Some(6));
        assert_eq!(weekday_number("sredu"), Some(2));
        assert_eq!(weekday_number("tercafeira"), Some(1));
        assert_eq!(weekday_number("segunda"), None, "also an ordinal");
        assert_eq!(weekday_number("luni"), None, "also 'months'");
        for (_, days) in WEEKDAYS {
            for w in days.iter().flat_map(|d| d.split('|')) {
                let w = w.trim_matches(|c| c == '(' || c == ')');
                assert!(w.bytes().all(|b| b.is_ascii_lowercase()), "not folded: {w}");
                assert_eq!(month_number(w), None, "{w} is also a month");
            }
        }
    }

    #[test]
    fn function_words_are_folded_and_shared() {
        assert!(is_function_word("the") && is_function_word("uber") && is_function_word("tambien"));
        assert!(!is_function_word("hurricane"));
        for (_, words) in FUNCTION_WORDS.iter().chain(MONTHS) {
            for w in words.split_whitespace() {
                assert!(w.bytes().all(|b| b.is_ascii_lowercase()), "not folded: {w}");
            }
        }
    }
}
