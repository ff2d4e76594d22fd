//! Credit-line vocabulary, folded (lowercase, diacritics dropped): the words that introduce a credit
//! ("Additional reporting by", "con información de"), the phrases naming an outlet a text was taken
//! from ("Originally published by", "Via"), and the leading articles dropped from a credited name. Read
//! by the story stage's credit reader (`wiretrace_stories::credit`).

/// Words that introduce a credit, folded, in en, es, pt, fr, ro, de, it, nl (a data table).
pub const CREDIT_WORDS: &[&str] = &[
    "source",
    "sources",
    "additional sources",
    "additional reporting",
    "reporting by",
    "with",
    "copyright",
    "credit",
    "fuente",
    "fuentes",
    "con informacion de",
    "informacion de",
    "agencia",
    "agencias",
    "redaccion",
    "fonte",
    "fontes",
    "com informacoes de",
    "agencia",
    "agencias",
    "sursa",
    "surse",
    "sursele",
    "cu informatii de",
    "agentia",
    "avec",
    "selon",
    "credit",
    "agence",
    "agences",
    "quelle",
    "quellen",
    "mit material von",
    "agentur",
    "agenturen",
    "fonte",
    "fonti",
    "con",
    "bron",
    "bronnen",
];

/// Phrases (folded) that introduce the name of another outlet a text was taken from, in en, es, pt, fr,
/// ro, de (a data table).
pub const SOURCE_PHRASES: &[&str] = &[
    "via",
    "originally published by",
    "originally published in",
    "originally published on",
    "first published by",
    "first published in",
    "first published on",
    "republished from",
    "courtesy of",
    // an aggregator's syndication footer: "Latest News From <outlet> | <outlet> RSS"
    "latest news from",
    "source",
    "sources",
    "publicado originalmente por",
    "publicado originalmente en",
    "publicado originalmente em",
    "fuente",
    "fonte",
    "publie initialement par",
    "publie initialement dans",
    "publie a l'origine par",
    "source",
    "sursa",
    "publicat initial de",
    "publicat initial in",
    "preluat de la",
    "quelle",
    "zuerst erschienen bei",
    "zuerst erschienen in",
    "ursprunglich erschienen bei",
    "ursprunglich veroffentlicht von",
];

/// Leading articles dropped from credited names (en, es, pt, fr, ro, de).
pub const ARTICLES: &[&str] = &[
    "the", "el", "la", "los", "las", "o", "a", "os", "as", "le", "les", "l'", "der", "die", "das",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrase_is_folded() {
        // The credit reader folds a line before looking these up: an entry with a capital or an
        // accented Latin letter could never match.
        for p in CREDIT_WORDS.iter().chain(SOURCE_PHRASES).chain(ARTICLES) {
            let accented = p.chars().any(|c| ('\u{c0}'..='\u{24f}').contains(&c));
            assert!(*p == p.to_lowercase() && !accented, "not folded: {p:?}");
        }
    }
}
