//! The explain stage's per-language word tables, resolved for one text: speech verbs, pronouns,
//! number words, scale words, abbreviations, function words and credit-line vocabulary.
//!
//! Input → output: a language code (`en`, `es`, `pt`, `fr`, `ro`, `de`, …) → static word lists.
//! Method: the tables themselves are data in `wiretrace_lang::explain_words` (all lowercase and
//! diacritic-folded, see [`wiretrace_text::fold`]), so lookups fold the word first. Unknown languages
//! get the union of every table, which costs a little precision and no recall. Guarantees: lookups are
//! pure and deterministic.

pub use wiretrace_lang::explain_words::LANGUAGES;
use wiretrace_lang::explain_words::{
    abbreviations, according_to, call_to_action, credit_words, function_words, meta_words, months,
    number_words, pronouns, second_person, speech_verbs, spelling_variants, AGENCIES,
};
use wiretrace_text::fold;

/// Whether two folded words are the same word in two regional spellings of `lang` (see
/// [`spelling_variants`]): one letter group of `x` swapped for its variant gives `y`.
pub fn are_spelling_variants(lang: Option<&str>, x: &str, y: &str) -> bool {
    if x == y {
        return false;
    }
    let lang = lang.map(|l| l.get(..2).unwrap_or(l));
    let swaps = for_lang(lang, spelling_variants);
    let one_way = |a: &str, b: &str| {
        swaps.iter().any(|(p, q)| {
            [(*p, *q), (*q, *p)].iter().any(|(from, to)| {
                a.match_indices(from)
                    .any(|(i, _)| format!("{}{}{}", &a[..i], to, &a[i + from.len()..]) == b)
            })
        })
    };
    one_way(x, y)
}

fn for_lang<T: Copy>(lang: Option<&str>, f: fn(&str) -> &'static [T]) -> Vec<T> {
    match lang {
        Some(l) if LANGUAGES.contains(&l) => f(l).to_vec(),
        _ => LANGUAGES.iter().flat_map(|l| f(l).iter().copied()).collect(),
    }
}

/// The tables for one language, resolved once per text.
#[derive(Debug, Clone)]
pub struct LangData {
    /// Speech verbs (folded, may be two words).
    pub speech_verbs: Vec<&'static str>,
    /// "according to"-style phrases (folded).
    pub according_to: Vec<&'static str>,
    /// Third-person pronouns (folded).
    pub pronouns: Vec<&'static str>,
    /// Number words (folded word, value, is_scale).
    pub number_words: Vec<(&'static str, f64, bool)>,
    /// Abbreviations (folded, no dot).
    pub abbreviations: Vec<&'static str>,
    /// Function words (folded).
    pub function_words: Vec<&'static str>,
    /// Credit-line words (folded).
    pub credit_words: Vec<&'static str>,
    /// Self-reference words and two-word phrases (folded): the publication, article or reader.
    pub meta_words: Vec<&'static str>,
    /// Imperative verbs opening calls to action (folded).
    pub call_to_action: Vec<&'static str>,
    /// Second-person words (folded).
    pub second_person: Vec<&'static str>,
    /// Month names and abbreviations (folded) with their number.
    pub months: Vec<(&'static str, u8)>,
    /// True when the language writes decimals with a comma (`2,5`) and groups thousands with dots.
    pub decimal_comma: bool,
}

impl LangData {
    /// Returns the tables of `lang` (ISO 639-1); `None` or an unknown code gives the union of all.
    ///
    /// # Example
    /// ```
    /// let d = wiretrace_explain::lang::LangData::new(Some("es"));
    /// assert!(d.is_speech_verb("dijo"));
    /// assert!(d.decimal_comma);
    /// ```
    pub fn new(lang: Option<&str>) -> Self {
        let lang = lang.map(|l| l.get(..2).unwrap_or(l));
        LangData {
            speech_verbs: for_lang(lang, speech_verbs),
            according_to: for_lang(lang, according_to),
            pronouns: for_lang(lang, pronouns),
            number_words: for_lang(lang, number_words),
            abbreviations: for_lang(lang, abbreviations),
            function_words: for_lang(lang, function_words),
            credit_words: for_lang(lang, credit_words),
            meta_words: for_lang(lang, meta_words),
            call_to_action: for_lang(lang, call_to_action),
            second_person: for_lang(lang, second_person),
            months: for_lang(lang, months),
            decimal_comma: matches!(lang, Some("es" | "pt" | "fr" | "ro" | "de" | "it")),
        }
    }

    /// True when the (unfolded) word is a speech verb.
    pub fn is_speech_verb(&self, word: &str) -> bool {
        let f = fold(word);
        self.speech_verbs.iter().any(|v| *v == f)
    }

    /// True when the word is a third-person pronoun.
    pub fn is_pronoun(&self, word: &str) -> bool {
        let f = fold(word);
        self.pronouns.iter().any(|v| *v == f)
    }

    /// True when the word is a function word.
    pub fn is_function_word(&self, word: &str) -> bool {
        let f = fold(word);
        self.function_words.iter().any(|v| *v == f)
    }

    /// True when the word (without its dot) is an abbreviation.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        let f = fold(word);
        self.abbreviations.iter().any(|v| *v == f)
    }

    /// Returns the value of a written-out number word and whether it is a scale word.
    pub fn number_word(&self, word: &str) -> Option<(f64, bool)> {
        let f = fold(word);
        self.number_words
            .iter()
            .find(|(w, _, _)| *w == f)
            .map(|(_, v, s)| (*v, *s))
    }

    /// True when the (unfolded) word or two-word phrase speaks about the publication, the article
    /// or its reader.
    ///
    /// # Example
    /// ```
    /// let d = wiretrace_explain::lang::LangData::new(Some("fr"));
    /// assert!(d.is_meta_word("Cet article") && d.is_meta_word("abonnez-vous"));
    /// assert!(!d.is_meta_word("barrage"));
    /// ```
    pub fn is_meta_word(&self, word: &str) -> bool {
        let f = fold(word);
        self.meta_words.iter().any(|v| *v == f)
    }

    /// True when the (unfolded) word is an imperative that opens a call to action.
    pub fn is_call_to_action(&self, word: &str) -> bool {
        let f = fold(word);
        self.call_to_action.iter().any(|v| *v == f)
    }

    /// True when the (unfolded) word addresses the reader (second person).
    pub fn is_second_person(&self, word: &str) -> bool {
        let f = fold(word);
        self.second_person.iter().any(|v| *v == f)
    }

    /// Returns the month (1–12) a month name or abbreviation (dot optional) stands for.
    ///
    /// # Example
    /// ```
    /// let d = wiretrace_explain::lang::LangData::new(Some("pt"));
    /// assert_eq!(d.month("abr."), Some(4));
    /// assert_eq!(d.month("navio"), None);
    /// ```
    pub fn month(&self, word: &str) -> Option<u8> {
        let f = fold(word.trim_end_matches('.'));
        self.months.iter().find(|(m, _)| *m == f).map(|(_, n)| *n)
    }

    /// True when the word belongs to credit lines.
    pub fn is_credit_word(&self, word: &str) -> bool {
        let f = fold(word);
        self.credit_words.iter().any(|v| *v == f) || AGENCIES.contains(&f.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_speech_verbs_and_number_words() {
        for l in ["en", "es", "pt", "fr", "ro", "de"] {
            let d = LangData::new(Some(l));
            assert!(d.speech_verbs.len() > 10, "{l}");
            assert!(d.number_words.len() > 10, "{l}");
            assert!(!d.pronouns.is_empty(), "{l}");
        }
    }

    #[test]
    fn unknown_language_gets_the_union() {
        let d = LangData::new(None);
        assert!(d.is_speech_verb("said") && d.is_speech_verb("sagte") && d.is_speech_verb("disse"));
        assert_eq!(d.number_word("Million"), Some((1e6, true)));
        assert!(!d.decimal_comma);
    }

    #[test]
    fn regional_spellings_are_one_word_and_other_words_are_not() {
        for (a, b) in [
            ("cheque", "check"),
            ("colour", "color"),
            ("organisation", "organization"),
            ("travelled", "traveled"),
            ("centre", "center"),
            ("defence", "defense"),
            ("programme", "program"),
        ] {
            assert!(are_spelling_variants(Some("en"), a, b), "{a}/{b}");
            assert!(are_spelling_variants(Some("en"), b, a), "{b}/{a}");
        }
        for (a, b) in [
            ("wanted", "wants"),
            ("believe", "think"),
            ("said", "sad"),
            ("check", "check"),
        ] {
            assert!(!are_spelling_variants(Some("en"), a, b), "{a}/{b}");
        }
        // No table for the language: nothing is a spelling variant there.
        assert!(!are_spelling_variants(Some("de"), "cheque", "check"));
    }
}
