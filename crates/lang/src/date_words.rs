//! Data tables for reading dates in many languages: month names, filler words, time-zone
//! abbreviations, and the words that mark a date as the publication or the update date ("Published /
//! Publicado / Veröffentlicht / Publié"). The ingest crate's date reader (HTML date lines, `.txt`
//! headers) reads them, and reads weekdays from the one per-language table, [`crate::WEEKDAYS`].
//!
//! Folded as that reader folds a date line, which keeps more than the crate's story folding: lowercase,
//! accents dropped, `ä` → `ae`, `ö` → `oe`, `ü` → `ue`, Polish and Czech letters to their base letter,
//! Cyrillic kept (dates are matched in their own script). Adding a language means adding rows here,
//! nothing else.

/// Month names and abbreviations, lowercased and without accents, as (name, month number).
/// A token matches when it equals a name, or is a prefix of at least 3 letters of one
/// (`sept`, `janv`, `févr`).
pub const MONTHS: &[(&str, u32)] = &[
    // en
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    // es
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    // fr
    ("janvier", 1),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("decembre", 12),
    // pt
    ("janeiro", 1),
    ("fevereiro", 2),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // ro
    ("ianuarie", 1),
    ("februarie", 2),
    ("martie", 3),
    ("aprilie", 4),
    ("iunie", 6),
    ("iulie", 7),
    ("septembrie", 9),
    ("octombrie", 10),
    ("noiembrie", 11),
    ("decembrie", 12),
    // de
    ("januar", 1),
    ("jaenner", 1),
    ("februar", 2),
    ("maerz", 3),
    ("marz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    // it
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    // nl
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    // pl (nominative and genitive)
    ("styczen", 1),
    ("stycznia", 1),
    ("luty", 2),
    ("lutego", 2),
    ("marzec", 3),
    ("marca", 3),
    ("kwiecien", 4),
    ("kwietnia", 4),
    ("maj", 5),
    ("maja", 5),
    ("czerwiec", 6),
    ("czerwca", 6),
    ("lipiec", 7),
    ("lipca", 7),
    ("sierpien", 8),
    ("sierpnia", 8),
    ("wrzesien", 9),
    ("wrzesnia", 9),
    ("pazdziernik", 10),
    ("pazdziernika", 10),
    ("listopad", 11),
    ("listopada", 11),
    ("grudzien", 12),
    ("grudnia", 12),
    // cs (genitive)
    ("ledna", 1),
    ("unora", 2),
    ("brezna", 3),
    ("dubna", 4),
    ("kvetna", 5),
    ("cervna", 6),
    ("cervence", 7),
    ("srpna", 8),
    ("zari", 9),
    ("rijna", 10),
    ("listopadu", 11),
    ("prosince", 12),
    // sv, da, no (where they differ from the above)
    ("augusti", 8),
    ("marts", 3),
    ("desember", 12),
    // tr
    ("ocak", 1),
    ("subat", 2),
    ("mart", 3),
    ("nisan", 4),
    ("mayis", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("agustos", 8),
    ("eylul", 9),
    ("ekim", 10),
    ("kasim", 11),
    ("aralik", 12),
    // ru (genitive, as dates are written)
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
];

/// Words skipped by the human-form reader besides weekdays (read by
/// [`crate::is_weekday_in_date`] from the one per-language table, [`crate::WEEKDAYS`]). "feira"
/// ends the Portuguese weekdays ("segunda-feira").
pub const FILLERS: &[&str] = &[
    "de",
    "del",
    "of",
    "the",
    "le",
    "la",
    "el",
    "am",
    "um",
    "a",
    "at",
    "on",
    "den",
    "der",
    "do",
    "da",
    "th",
    "st",
    "nd",
    "rd",
    "er",
    "h",
    "published",
    "updated",
    "posted",
    "publie",
    "publicado",
    "publicat",
    "veroffentlicht",
    "pm",
    "am",
    "et",
    "y",
    "e",
    "und",
    "and",
    "at",
    "alle",
    "ore",
    "om",
    "em",
    "en",
    "le",
    "as",
    "ora",
    "uhr",
    "hrs",
    "kl",
    "ao",
    "las",
    "les",
    "feira",
];

/// Time-zone abbreviations and their offset from UTC in minutes.
pub const ZONES: &[(&str, i32)] = &[
    ("utc", 0),
    ("gmt", 0),
    ("ut", 0),
    ("z", 0),
    ("wet", 0),
    ("bst", 60),
    ("ist", 60),
    ("west", 60),
    ("cet", 60),
    ("cest", 120),
    ("met", 60),
    ("mest", 120),
    ("eet", 120),
    ("eest", 180),
    ("msk", 180),
    ("est", -300),
    ("edt", -240),
    ("cst", -360),
    ("cdt", -300),
    ("mst", -420),
    ("mdt", -360),
    ("pst", -480),
    ("pdt", -420),
    ("akst", -540),
    ("akdt", -480),
    ("hst", -600),
    ("aest", 600),
    ("aedt", 660),
    ("jst", 540),
    ("brt", -180),
    ("art", -180),
];

/// Words that mark the date after them as the publication date ("Published 8 Jan 2026",
/// "Veröffentlicht am…", "Publié le…"), in folded form.
pub const PUBLISHED_WORDS: &[&str] = &[
    "published",
    "posted",
    "publication",
    "released",
    "created",
    "veroeffentlicht",
    "erschienen",
    "erstellt",
    "publie",
    "publiee",
    "publicado",
    "publicada",
    "publicat",
    "publicata",
    "pubblicato",
    "pubblicata",
    "gepubliceerd",
    "geplaatst",
    "opublikowano",
    "opublikowany",
    "publikovano",
    "publicerad",
    "publiceret",
    "publisert",
    "yayinlanma",
    "опубликовано",
];

/// Words that mark the date after them as an update, never the publication date
/// ("Updated…", "Aktualisiert…", "Mis à jour…", "Actualizado…").
pub const UPDATED_WORDS: &[&str] = &[
    "updated",
    "update",
    "modified",
    "edited",
    "revised",
    "aktualisiert",
    "geaendert",
    "zuletzt",
    "stand",
    "actualise",
    "modifie",
    "actualizado",
    "actualizada",
    "atualizado",
    "atualizada",
    "actualizat",
    "aggiornato",
    "aggiornata",
    "bijgewerkt",
    "gewijzigd",
    "zaktualizowano",
    "aktualizace",
    "uppdaterad",
    "opdateret",
    "oppdatert",
    "guncellenme",
    "обновлено",
];

/// Participles that close a clause after the date it dates as the publication date, in languages that
/// put the verb last ("am 3. Mai 2026 veröffentlicht", "op 3 mei 2026 gepubliceerd"), in folded form.
/// Only participles: a finite verb after a date ("le 27 septembre, Mediapart publie…") is an event's.
pub const PUBLISHED_AFTER_WORDS: &[&str] = &[
    "veroeffentlicht",
    "erschienen",
    "erstellt",
    "geschrieben",
    "verfasst",
    "publiziert",
    "eingestellt",
    "gepubliceerd",
    "geplaatst",
    "geschreven",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_month_is_named_in_the_main_languages() {
        for first in [
            "january", "enero", "janvier", "janeiro", "januar", "gennaio", "stycznia",
        ] {
            let at = MONTHS.iter().position(|(n, _)| *n == first).expect(first);
            let numbers: Vec<u32> = MONTHS[at..].iter().take(12).map(|(_, m)| *m).collect();
            assert_eq!(numbers.first(), Some(&1), "{first}");
        }
        for m in 1..=12 {
            assert!(MONTHS.iter().any(|(_, n)| *n == m), "month {m}");
        }
        assert!(MONTHS.iter().all(|(_, n)| (1..=12).contains(n)));
    }

    #[test]
    fn publication_and_update_cues_never_overlap() {
        for w in PUBLISHED_WORDS {
            assert!(!UPDATED_WORDS.contains(w), "{w} is both");
        }
        for w in PUBLISHED_AFTER_WORDS {
            assert!(!UPDATED_WORDS.contains(w), "{w} is both");
        }
        for w in PUBLISHED_WORDS
            .iter()
            .chain(UPDATED_WORDS)
            .chain(PUBLISHED_AFTER_WORDS)
        {
            assert_eq!(w.to_lowercase(), *w, "not lowercase: {w}");
        }
    }
}
