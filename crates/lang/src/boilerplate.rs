//! Page furniture vocabulary: the words web pages use around an article's text rather than in it.
//! Read by the HTML reader (`wiretrace_ingest`'s `html.rs`) to recognise a block by what it says when
//! its markup names nothing. Every phrase is folded (lowercase, diacritics dropped, as
//! `wiretrace_text::fold` does; Cyrillic stays Cyrillic).

/// Titles of a related-articles section, per language: a short line saying that what follows are
/// other stories ("Related articles", "Mehr zum Thema", "Articles liés", "Te puede interesar"). A line
/// is such a title when its folded words equal a phrase, or start with one and add at most
/// [`RELATED_LABEL_EXTRA_WORDS`] words ("More from the Courier", "Entdecke weitere Homestorys").
pub const RELATED_SECTION_LABELS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "related articles",
            "related stories",
            "related posts",
            "related news",
            "related content",
            "related coverage",
            "related reading",
            "more stories",
            "more news",
            "more articles",
            "more on this",
            "more on this topic",
            "more on this story",
            "more from",
            "you may also like",
            "you might also like",
            "you may be interested in",
            "recommended for you",
            "recommended articles",
            "recommended stories",
            "most read",
            "most popular",
            "further reading",
            "read next",
            "up next",
            "discover more",
        ],
    ),
    (
        "de",
        &[
            "ahnliche artikel",
            "ahnliche beitrage",
            "ahnliche themen",
            "verwandte artikel",
            "verwandte beitrage",
            "weitere artikel",
            "weitere beitrage",
            "weitere nachrichten",
            "mehr zum thema",
            "mehr aus",
            "mehr zu",
            "das konnte sie auch interessieren",
            "das konnte dich auch interessieren",
            "dies passt zum thema",
            "das passt zum thema",
            "passend zum thema",
            "lesen sie auch",
            "auch interessant",
            "meistgelesen",
            "meistgelesene artikel",
            "empfohlene artikel",
            "entdecke weitere",
            "entdecken sie weitere",
        ],
    ),
    (
        "fr",
        &[
            "articles lies",
            "articles similaires",
            "articles sur le sujet",
            "audios et videos sur le sujet",
            "sur le meme sujet",
            "dans la meme rubrique",
            "a lire aussi",
            "lire aussi",
            "a lire egalement",
            "les plus lus",
            "vous aimerez aussi",
            "plus d'articles",
            "nos autres articles",
        ],
    ),
    (
        "es",
        &[
            "articulos relacionados",
            "noticias relacionadas",
            "contenido relacionado",
            "te puede interesar",
            "tambien te puede interesar",
            "le puede interesar",
            "lo mas leido",
            "mas noticias",
            "mas articulos",
            "lee tambien",
            "lea tambien",
        ],
    ),
    (
        "pt",
        &[
            "artigos relacionados",
            "noticias relacionadas",
            "materias relacionadas",
            "leia tambem",
            "veja tambem",
            "mais lidas",
            "mais noticias",
            "voce tambem pode gostar",
        ],
    ),
    (
        "it",
        &[
            "articoli correlati",
            "notizie correlate",
            "potrebbe interessarti",
            "ti potrebbe interessare",
            "leggi anche",
            "i piu letti",
            "altre notizie",
        ],
    ),
    (
        "nl",
        &[
            "gerelateerde artikelen",
            "gerelateerd",
            "lees ook",
            "meer nieuws",
            "meest gelezen",
            "meer over",
        ],
    ),
    (
        "pl",
        &[
            "powiazane artykuly",
            "podobne artykuly",
            "czytaj takze",
            "czytaj rowniez",
            "zobacz takze",
            "zobacz rowniez",
            "najczesciej czytane",
        ],
    ),
    (
        "ro",
        &[
            "articole similare",
            "articole recomandate",
            "citeste si",
            "cele mai citite",
        ],
    ),
    (
        "ru",
        &["читайте также", "похожие статьи", "по теме", "самое читаемое"],
    ),
    (
        "tr",
        &[
            "ilgili haberler",
            "benzer haberler",
            "en cok okunanlar",
            "bunlari da okuyun",
        ],
    ),
];

/// Most words a related-section title may add after its phrase ("More from" + an outlet's name).
pub const RELATED_LABEL_EXTRA_WORDS: usize = 3;

/// Words opening a figure's caption when followed by its number ("Figure 3:", "Abb. 2", "Rys. 4."), per
/// language. A caption names a picture the text does not carry.
pub const FIGURE_WORDS: &[(&str, &str)] = &[
    ("en", "figure fig image photo picture chart graph illustration"),
    ("de", "abbildung abb bild grafik foto schaubild"),
    ("fr", "figure fig illustration photo image graphique"),
    ("es", "figura fig imagen foto grafico ilustracion"),
    ("pt", "figura fig imagem foto grafico ilustracao"),
    ("it", "figura fig immagine foto grafico"),
    ("nl", "figuur afbeelding foto"),
    ("pl", "rysunek rys zdjecie wykres ilustracja"),
    ("ro", "figura imaginea imagine foto grafic"),
    ("ru", "рисунок рис фото"),
    ("tr", "sekil resim fotograf grafik"),
];

/// True when `folded` (a line's folded words joined by single spaces, trailing punctuation gone) is
/// the title of a related-articles section (see [`RELATED_SECTION_LABELS`]).
pub fn is_related_section_label(folded: &str) -> bool {
    let words = folded.split(' ').count();
    RELATED_SECTION_LABELS
        .iter()
        .flat_map(|(_, l)| l.iter())
        .any(|p| {
            folded == *p
                || (folded.starts_with(p)
                    && folded.as_bytes().get(p.len()) == Some(&b' ')
                    && words <= p.split(' ').count() + RELATED_LABEL_EXTRA_WORDS)
        })
}

/// True when `folded` (one folded word, punctuation gone) opens a figure caption (see [`FIGURE_WORDS`]).
pub fn is_figure_word(folded: &str) -> bool {
    !folded.is_empty()
        && FIGURE_WORDS
            .iter()
            .any(|(_, w)| w.split(' ').any(|x| x == folded))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn related_titles_match_whole_or_with_a_short_tail() {
        assert!(is_related_section_label("mehr zum thema"));
        assert!(is_related_section_label("more from the harbour post"));
        assert!(!is_related_section_label(
            "more from the harbour post about the new crane"
        ));
        assert!(!is_related_section_label("more fromage"));
        assert!(!is_related_section_label("the council met on monday"));
    }

    #[test]
    fn every_table_covers_every_language() {
        for lang in crate::LANGUAGES {
            assert!(
                RELATED_SECTION_LABELS.iter().any(|(l, _)| l == lang),
                "related: {lang}"
            );
            assert!(FIGURE_WORDS.iter().any(|(l, _)| l == lang), "figures: {lang}");
        }
    }
}
