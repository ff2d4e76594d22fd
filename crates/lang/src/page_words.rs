//! Words of page furniture and article headers, per language: ad labels, "read more" pointers, calls to
//! action, publisher channels, listing-page URL words, byline and editor openings, language names. The
//! ingest readers (`wiretrace_ingest`'s `html.rs`, `article.rs`, `txt.rs`) match them against
//! *lowercased* text, so unlike the folded tables elsewhere in this crate these keep their diacritics
//! (and list a folded spelling beside it where pages write both).

/// Whole-paragraph ad labels (lowercase, punctuation stripped), in en, es, fr, pt, ro, de, it, nl.
pub const AD_LABELS: &[&str] = &[
    "advertisement",
    "advertisement scroll to continue",
    "scroll to continue with content",
    "sponsored",
    "sponsored content",
    "ad",
    "paid content",
    "publicidad",
    "anuncio",
    "contenido patrocinado",
    "publicite",
    "publicité",
    "contenu sponsorisé",
    "publicidade",
    "conteúdo patrocinado",
    "reclamă",
    "reclama",
    "publicitate",
    "anzeige",
    "werbung",
    "gesponsert",
    "pubblicità",
    "advertentie",
];

/// URL path segments naming a listing: tag, category, author, search and archive pages, in the
/// languages of the CMSs we meet (lowercase).
pub const LISTING_SEGMENTS: &[&str] = &[
    "tag",
    "tags",
    "category",
    "categories",
    "categorie",
    "categoria",
    "kategorie",
    "rubrik",
    "author",
    "authors",
    "autor",
    "autoren",
    "auteur",
    "search",
    "suche",
    "buscar",
    "busqueda",
    "recherche",
    "cerca",
    "topic",
    "topics",
    "archive",
    "archives",
    "archiv",
    "page",
];

/// URL query keys of a site search (`?s=`, `?q=`).
pub const SEARCH_KEYS: &[&str] = &["s", "q", "query", "search", "suche"];

/// Openings of a "read more" pointer to another story ("Read more: …", "Lea también: …", "Mehr zum
/// Thema"), lowercase, in en, es, pt, fr, de, it, nl, pl.
pub const READ_MORE_LABELS: &[&str] = &[
    "read more",
    "read also",
    "see also",
    "related:",
    "related stories",
    "more on this",
    "lea también",
    "lea más",
    "lee también",
    "leia também",
    "leia mais",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "voir aussi",
    "lesen sie auch",
    "lesen sie mehr",
    "mehr zum thema",
    "auch interessant",
    "auch lesen",
    "weiterlesen",
    "weiter zu",
    "continue to",
    "das könnte sie auch interessieren",
    "leggi anche",
    "lees ook",
    "lees meer",
    "czytaj też",
    "czytaj także",
    "zobacz też",
    "zobacz także",
    "also read",
    "more:",
    "vea también",
    "ver también",
    "mira también",
    "mehr themen",
    "weitere artikel",
    "plus d'articles",
    "lea:",
    "lee:",
    "leia:",
    "lire:",
    "read:",
];

/// Openings of short calls to action and credit lines that are never article text (subscribe, follow
/// us, support us, photo credits), lowercase, with the furniture reason; in en, es, pt, fr, de, it, nl.
pub const PROMPT_OPENINGS: &[(&str, &str)] = &[
    ("subscribe now", "newsletter"),
    ("subscribe to", "newsletter"),
    ("sign up for", "newsletter"),
    ("zum newsletter", "newsletter"),
    ("mit unserem newsletter", "newsletter"),
    ("newsletter abonnieren", "newsletter"),
    ("jetzt abonnieren", "newsletter"),
    ("suscríbete", "newsletter"),
    ("abonnez-vous", "newsletter"),
    ("inscrivez-vous", "newsletter"),
    ("iscriviti", "newsletter"),
    ("assine", "newsletter"),
    ("follow us", "share"),
    ("follow the ", "share"),
    ("folgen sie uns", "share"),
    ("síguenos", "share"),
    ("suivez-nous", "share"),
    ("seguici", "share"),
    ("share this", "share"),
    ("teilen sie", "share"),
    ("möchten sie den artikel teilen", "share"),
    ("diesen artikel teilen", "share"),
    ("artikel teilen", "share"),
    ("partager cet article", "share"),
    ("partagez cet article", "share"),
    ("compartir este artículo", "share"),
    ("comparte este artículo", "share"),
    ("condividi questo articolo", "share"),
    ("if you liked this article", "ad"),
    ("if you enjoyed this article", "ad"),
    ("wenn ihnen unser artikel gefallen hat", "ad"),
    ("wenn ihnen dieser artikel gefallen hat", "ad"),
    ("si cet article vous a plu", "ad"),
    ("si te gustó este artículo", "ad"),
    ("we rely on your support", "ad"),
    ("help us", "ad"),
    ("helfen sie uns", "ad"),
    ("aidez-nous", "ad"),
    ("ayúdanos", "ad"),
    ("support us", "ad"),
    ("unterstütze", "ad"),
    ("unterstützen sie", "ad"),
    ("photo:", "caption"),
    ("photos:", "caption"),
    ("foto:", "caption"),
    ("fotos:", "caption"),
    ("bild:", "caption"),
    ("credit:", "caption"),
    ("crédit photo", "caption"),
    ("crédits photos", "caption"),
    ("image:", "caption"),
    ("this entry was posted", "byline"),
    ("dieser eintrag wurde veröffentlicht", "byline"),
    ("about the author", "byline"),
    ("über den autor", "byline"),
    ("sobre el autor", "byline"),
];

/// Words naming a publisher's channel (lowercase; a word starting with one matches): app stores,
/// messaging and video services, and the stems of "subscribe" in en, es, pt, fr, de, it, pl.
pub const CHANNEL_WORDS: &[&str] = &[
    "app",
    "apps",
    "ios",
    "android",
    "telegram",
    "whatsapp",
    "youtube",
    "instagram",
    "tiktok",
    "podcast",
    "newsletter",
    "subscri",
    "suscri",
    "subskryp",
    "abonn",
    "assin",
    "iscriv",
];

/// Byline prefixes dropped from authors, per language.
pub const BYLINE_PREFIXES: &[&str] = &[
    "by ",
    "por ",
    "par ",
    "von ",
    "de ",
    "di ",
    "door ",
    "written by ",
    "text: ",
];

/// Three-letter codes and language names (in English and in the language) → ISO 639-1.
pub const LANG_NAMES: &[(&str, &str)] = &[
    ("eng", "en"),
    ("english", "en"),
    ("spa", "es"),
    ("spanish", "es"),
    ("espanol", "es"),
    ("español", "es"),
    ("castellano", "es"),
    ("fra", "fr"),
    ("fre", "fr"),
    ("french", "fr"),
    ("français", "fr"),
    ("francais", "fr"),
    ("por", "pt"),
    ("portuguese", "pt"),
    ("português", "pt"),
    ("portugues", "pt"),
    ("ron", "ro"),
    ("rum", "ro"),
    ("romanian", "ro"),
    ("română", "ro"),
    ("romana", "ro"),
    ("deu", "de"),
    ("ger", "de"),
    ("german", "de"),
    ("deutsch", "de"),
    ("ita", "it"),
    ("italian", "it"),
    ("italiano", "it"),
    ("nld", "nl"),
    ("dut", "nl"),
    ("dutch", "nl"),
    ("nederlands", "nl"),
    ("cat", "ca"),
    ("catalan", "ca"),
    ("català", "ca"),
    ("pol", "pl"),
    ("polish", "pl"),
    ("polski", "pl"),
    ("rus", "ru"),
    ("russian", "ru"),
    ("ara", "ar"),
    ("arabic", "ar"),
    ("zho", "zh"),
    ("chi", "zh"),
    ("chinese", "zh"),
    ("jpn", "ja"),
    ("japanese", "ja"),
    ("tur", "tr"),
    ("turkish", "tr"),
];

/// Line openings naming an editor, lowercase.
pub const EDITOR_PREFIXES: &[&str] = &[
    "edited by ",
    "reviewed by ",
    "editing by ",
    "editado por ",
    "édité par ",
    "edite par ",
    "redigiert von ",
    "bearbeitet von ",
    "a cura di ",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every phrase list the readers compare with lowercased text.
    fn phrase_tables() -> Vec<(&'static str, Vec<&'static str>)> {
        vec![
            ("AD_LABELS", AD_LABELS.to_vec()),
            ("LISTING_SEGMENTS", LISTING_SEGMENTS.to_vec()),
            ("SEARCH_KEYS", SEARCH_KEYS.to_vec()),
            ("READ_MORE_LABELS", READ_MORE_LABELS.to_vec()),
            ("PROMPT_OPENINGS", PROMPT_OPENINGS.iter().map(|p| p.0).collect()),
            ("CHANNEL_WORDS", CHANNEL_WORDS.to_vec()),
            ("BYLINE_PREFIXES", BYLINE_PREFIXES.to_vec()),
            ("LANG_NAMES", LANG_NAMES.iter().map(|p| p.0).collect()),
            ("EDITOR_PREFIXES", EDITOR_PREFIXES.to_vec()),
        ]
    }

    #[test]
    fn every_phrase_is_lowercase_and_listed_once() {
        // The readers lowercase the page's text before looking these up: a phrase with a capital
        // letter could never match, and a repeated one hides a typo in its twin.
        for (table, phrases) in phrase_tables() {
            let mut seen = std::collections::HashSet::new();
            for p in phrases {
                assert_eq!(p, p.to_lowercase(), "{table}: {p:?} is not lowercase");
                assert!(!p.trim().is_empty(), "{table}: empty phrase");
                assert!(seen.insert(p), "{table}: {p:?} listed twice");
            }
        }
    }

    #[test]
    fn header_openings_end_at_a_word_boundary() {
        // "by " must not match the start of "Byron": the openings carry their closing space.
        for p in BYLINE_PREFIXES.iter().chain(EDITOR_PREFIXES) {
            assert!(p.ends_with(' '), "{p:?} does not end with a space");
        }
    }

    #[test]
    fn language_names_map_to_two_letter_codes() {
        for (name, code) in LANG_NAMES {
            assert!(
                code.len() == 2 && code.chars().all(|c| c.is_ascii_lowercase()),
                "{name} → {code}"
            );
        }
    }
}
