//! Credit lines and bylines that name a news agency: "(AFP)", "— Associated Press", "Source: Agence
//! France-Presse", "Fuente: EFE", "Sursa: Agerpres", "Reporting by … for Reuters".
//!
//! Input: an article's text (and its outlet, author, URL). Output: the agencies it credits and the agency
//! that published it, if any. Method: a data table of agencies (names, abbreviations) and a table of
//! credit words in several languages; long names are matched anywhere in the credit zones (the first
//! paragraph's dateline and the last paragraphs), short abbreviations only in credit positions
//! (parenthesised, after a dash or a credit word, or alone), so that "AP" inside a sentence is not a credit.

use wiretrace_lang::credit_words::ARTICLES;
pub use wiretrace_lang::credit_words::{CREDIT_WORDS, SOURCE_PHRASES};
use wiretrace_model::{Article, CreditStatus};
use wiretrace_text::fold;

/// One news agency: a canonical short name and the folded spellings that name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Agency {
    /// Canonical short name, e.g. `AFP`.
    pub code: &'static str,
    /// Full names (folded: lowercase, no diacritics), matched as whole words anywhere in a credit zone.
    pub names: &'static [&'static str],
    /// Abbreviations (case-sensitive), matched only in credit positions.
    pub abbreviations: &'static [&'static str],
}

/// The agency table. Order is irrelevant; codes are unique.
pub const AGENCIES: &[Agency] = &[
    Agency {
        code: "AFP",
        names: &["agence france-presse", "agence france presse"],
        abbreviations: &["AFP"],
    },
    Agency {
        code: "AP",
        names: &["associated press"],
        abbreviations: &["AP"],
    },
    Agency {
        code: "Reuters",
        names: &["reuters", "thomson reuters"],
        abbreviations: &[],
    },
    Agency {
        code: "EFE",
        names: &["agencia efe"],
        abbreviations: &["EFE", "Efe"],
    },
    Agency {
        code: "Europa Press",
        names: &["europa press"],
        abbreviations: &[],
    },
    Agency {
        code: "dpa",
        names: &["deutsche presse-agentur", "deutsche presse agentur"],
        // dpa-AFX is dpa's financial wire ("BERLIN (dpa-AFX) -").
        abbreviations: &["dpa", "DPA", "dpa-AFX"],
    },
    Agency {
        code: "ANSA",
        names: &["agenzia nazionale stampa associata"],
        abbreviations: &["ANSA"],
    },
    Agency {
        code: "Lusa",
        names: &["agencia lusa"],
        abbreviations: &["Lusa", "LUSA"],
    },
    Agency {
        code: "Agencia Brasil",
        names: &["agencia brasil"],
        abbreviations: &[],
    },
    Agency {
        code: "Agerpres",
        names: &["agerpres"],
        abbreviations: &["AGERPRES"],
    },
    Agency {
        code: "Mediafax",
        names: &["mediafax"],
        abbreviations: &[],
    },
    Agency {
        code: "Xinhua",
        names: &["xinhua"],
        abbreviations: &[],
    },
    Agency {
        code: "Kyodo",
        names: &["kyodo news", "kyodo"],
        abbreviations: &[],
    },
    Agency {
        code: "Bloomberg",
        names: &["bloomberg news"],
        abbreviations: &[],
    },
    Agency {
        code: "PA",
        names: &["press association", "pa media"],
        abbreviations: &["PA"],
    },
    Agency {
        code: "UPI",
        names: &["united press international"],
        abbreviations: &["UPI"],
    },
    Agency {
        code: "AAP",
        names: &["australian associated press"],
        abbreviations: &["AAP"],
    },
    Agency {
        code: "CP",
        names: &["canadian press"],
        abbreviations: &["CP"],
    },
    Agency {
        code: "TASS",
        names: &["tass"],
        abbreviations: &["TASS"],
    },
    Agency {
        code: "Anadolu",
        names: &["anadolu agency", "anadolu ajansi"],
        abbreviations: &["AA"],
    },
    Agency {
        code: "APA",
        names: &["austria presse agentur"],
        abbreviations: &["APA"],
    },
    Agency {
        code: "Belga",
        names: &["belga"],
        abbreviations: &[],
    },
    Agency {
        code: "ANP",
        names: &["algemeen nederlands persbureau"],
        abbreviations: &["ANP"],
    },
    Agency {
        code: "Notimex",
        names: &["notimex"],
        abbreviations: &[],
    },
    Agency {
        code: "Telam",
        names: &["telam"],
        abbreviations: &[],
    },
    Agency {
        code: "KNA",
        names: &["katholische nachrichten-agentur"],
        abbreviations: &["KNA"],
    },
    Agency {
        code: "epd",
        names: &["evangelischer pressedienst"],
        abbreviations: &["epd"],
    },
    Agency {
        code: "SDA",
        names: &["schweizerische depeschenagentur", "keystone-sda"],
        abbreviations: &["SDA", "ATS"],
    },
    Agency {
        code: "WAM",
        names: &["emirates news agency"],
        abbreviations: &["WAM"],
    },
];

/// Returns the agency whose name or abbreviation is exactly `name` (an outlet or author field), if any.
///
/// # Example
/// ```
/// use wiretrace_stories::credit::agency_named;
/// assert_eq!(agency_named("Agence France-Presse").map(|a| a.code), Some("AFP"));
/// assert_eq!(agency_named("The Morning Herald"), None);
/// ```
pub fn agency_named(name: &str) -> Option<&'static Agency> {
    let trimmed = name.trim();
    let folded = fold_phrase(trimmed);
    AGENCIES
        .iter()
        .zip(folded_table())
        .find(|(a, names)| names.contains(&folded) || a.abbreviations.contains(&trimmed))
        .map(|(a, _)| a)
}

/// Returns the agency an outlet name refers to: the name itself ([`agency_named`]) or a name that holds
/// an agency's full name or an abbreviation of three letters or more as whole words ("AFP Newswire",
/// "Reuters UK").
///
/// # Example
/// ```
/// use wiretrace_stories::credit::agency_in_outlet;
/// assert_eq!(agency_in_outlet("AFP Newswire").map(|a| a.code), Some("AFP"));
/// assert_eq!(agency_in_outlet("The Associated Press").map(|a| a.code), Some("AP"));
/// assert_eq!(agency_in_outlet("Daily Planet"), None);
/// ```
pub fn agency_in_outlet(name: &str) -> Option<&'static Agency> {
    if let Some(a) = agency_named(name) {
        return Some(a);
    }
    let folded = fold_phrase(name);
    AGENCIES
        .iter()
        .zip(folded_table())
        .find(|(a, names)| {
            names.iter().any(|n| find_word(&folded, n).is_some())
                || a.abbreviations
                    .iter()
                    .any(|ab| ab.len() >= 3 && name.split(|c: char| !c.is_alphanumeric()).any(|w| w == *ab))
        })
        .map(|(a, _)| a)
}

/// A dateline ("PARIS (AFP) —") is looked for in this many characters at the start of a paragraph.
const DATELINE_CHARS: usize = 200;
/// ... of each of the text's first this many paragraphs: a photo caption or a kicker often comes
/// before the dateline on real pages.
const DATELINE_PARAGRAPHS: usize = 3;

/// Returns the agencies credited by a text, sorted by code, without duplicates.
///
/// Looks at the credit zones: the openings of the first paragraphs (datelines such as "PARIS (AFP) —",
/// [`DATELINE_PARAGRAPHS`]) and the last three paragraphs (credit lines, "Additional sources • AFP",
/// "Reporting by … for Reuters", an agency signing off the last sentence).
///
/// # Example
/// ```
/// use wiretrace_stories::credit::credited_agencies;
/// let text = "Storm hits coast.\n\nHomes were flooded, AP reported earlier.\n\nFuente: Agence France-Presse";
/// let codes: Vec<_> = credited_agencies(text).iter().map(|a| a.code).collect();
/// assert_eq!(codes, ["AFP"]);
/// ```
pub fn credited_agencies(text: &str) -> Vec<&'static Agency> {
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    // (zone, is a head zone, is the text's last paragraph)
    let mut zones: Vec<(&str, bool, bool)> = Vec::new();
    let head_of = |t: &str| {
        t.char_indices()
            .nth(DATELINE_CHARS)
            .map(|(b, _)| b)
            .unwrap_or(t.len())
    };
    zones.push((&text[..head_of(text)], true, false));
    // A dateline may follow a photo caption or a kicker: the openings of the next paragraphs too.
    for p in paragraphs.iter().take(DATELINE_PARAGRAPHS).skip(1) {
        zones.push((&p[..head_of(p)], true, false));
    }
    let tail_from = paragraphs.len().saturating_sub(3);
    for (k, p) in paragraphs.iter().enumerate().skip(tail_from) {
        zones.push((p, false, k + 1 == paragraphs.len()));
    }
    let mut out: Vec<&'static Agency> = Vec::new();
    for &(zone, is_head, is_last) in &zones {
        // A head zone only counts with a dateline-like position; a tail paragraph counts when short
        // (a credit line) or when it holds a credit word before the name.
        let folded_zone = fold_phrase(zone);
        // A name matched at word boundaries starts with one of the zone's words: test only agencies
        // whose names or abbreviations could match (most zones name none).
        let (folded_hits, raw_hits) = (
            zone_hits(&folded_zone, &first_words().0),
            zone_hits(zone, &first_words().1),
        );
        let may_start = |hits: &[&str], needle: &str| {
            if !needle.starts_with(char::is_alphanumeric) {
                return true;
            }
            hits.contains(&first_word(needle))
        };
        for (agency, names) in AGENCIES.iter().zip(folded_table()) {
            if out.iter().any(|a| a.code == agency.code) {
                continue;
            }
            let possible = names.iter().any(|n| may_start(&folded_hits, n))
                || agency.abbreviations.iter().any(|ab| may_start(&raw_hits, ab));
            if possible && credits_in_zone(zone, &folded_zone, agency, names, is_head, is_last) {
                out.push(agency);
            }
        }
    }
    out.sort_by(|a, b| a.code.cmp(b.code));
    out
}

/// The first word (run of letters and digits) of a name.
fn first_word(s: &str) -> &str {
    s.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("")
}

/// A sorted word list with a cheap pre-test (first byte, length) so that most words of a text are
/// rejected without a comparison.
struct WordFilter {
    sorted: Vec<String>,
    first_byte: [bool; 256],
    max_len: usize,
}

impl WordFilter {
    fn new(mut words: Vec<String>) -> Self {
        words.sort_unstable();
        words.dedup();
        let mut first_byte = [false; 256];
        for w in &words {
            if let Some(&b) = w.as_bytes().first() {
                first_byte[usize::from(b)] = true;
            }
        }
        let max_len = words.iter().map(String::len).max().unwrap_or(0);
        WordFilter {
            sorted: words,
            first_byte,
            max_len,
        }
    }

    fn contains(&self, w: &str) -> bool {
        w.as_bytes()
            .first()
            .is_some_and(|&b| self.first_byte[usize::from(b)])
            && w.len() <= self.max_len
            && self.sorted.binary_search_by(|f| f.as_str().cmp(w)).is_ok()
    }
}

/// The first words of the agencies' folded names and of their abbreviations: a credit can only start
/// at one of them.
fn first_words() -> &'static (WordFilter, WordFilter) {
    static FIRST: std::sync::OnceLock<(WordFilter, WordFilter)> = std::sync::OnceLock::new();
    FIRST.get_or_init(|| {
        let folded = folded_table()
            .iter()
            .flatten()
            .map(|n| first_word(n).to_string())
            .collect();
        let raw = AGENCIES
            .iter()
            .flat_map(|a| a.abbreviations.iter().map(|ab| first_word(ab).to_string()))
            .collect();
        (WordFilter::new(folded), WordFilter::new(raw))
    })
}

/// The words of `zone` that `firsts` holds, without allocating per word.
fn zone_hits<'a>(zone: &'a str, firsts: &WordFilter) -> Vec<&'a str> {
    zone.split(|c: char| !c.is_alphanumeric())
        .filter(|w| firsts.contains(w))
        .collect()
}

/// Each agency's names, folded once, in the order of [`AGENCIES`].
fn folded_table() -> &'static [Vec<String>] {
    static FOLDED: std::sync::OnceLock<Vec<Vec<String>>> = std::sync::OnceLock::new();
    FOLDED.get_or_init(|| {
        AGENCIES
            .iter()
            .map(|a| a.names.iter().map(|n| fold_phrase(n)).collect())
            .collect()
    })
}

fn credits_in_zone(
    zone: &str,
    folded: &str,
    agency: &Agency,
    names: &[String],
    is_head: bool,
    is_last: bool,
) -> bool {
    let short = zone.split_whitespace().count() <= 25;
    for n in names {
        if let Some(pos) = find_word(folded, n) {
            if is_head {
                // "PARIS (Agence France-Presse) -" or "(Reuters) -": a name in brackets or before a dash.
                let before = &folded[..pos];
                let after = &folded[pos + n.len()..];
                if before.trim_end().ends_with('(') || after.trim_start().starts_with(['-', '—', '–', ')'])
                {
                    return true;
                }
                continue;
            }
            if short || has_credit_word(&folded[..pos]) {
                return true;
            }
        }
    }
    for ab in agency.abbreviations {
        for (pos, _) in zone.match_indices(ab) {
            let before = &zone[..pos];
            let after = &zone[pos + ab.len()..];
            let bounded = !before.chars().next_back().is_some_and(char::is_alphanumeric)
                && !after.chars().next().is_some_and(char::is_alphanumeric);
            if !bounded {
                continue;
            }
            let b = before.trim_end();
            let a = after.trim_start();
            let bracketed =
                b.ends_with('(') && (a.starts_with(')') || a.starts_with('/') || a.starts_with(','));
            let dashed = b.ends_with(['-', '—', '–', '•', '|', '/']) || a.starts_with(['-', '—', '–']);
            let alone = b.is_empty() && (a.is_empty() || a.starts_with(['.', ',', ';']));
            let after_word = has_credit_word(&fold_phrase(b)) && (b.ends_with(':') || short);
            let copyright = fold_phrase(b).contains("copyright") || b.contains('©');
            // A sign-off: the abbreviation alone after the text's last sentence ("… de Homs. AFP").
            let sign_off = is_last && a.is_empty() && b.ends_with(['.', '!', '?', '"', '”', '»']);
            if bracketed || (!is_head && (dashed || alone || after_word || copyright || sign_off)) {
                return true;
            }
        }
    }
    false
}

fn has_credit_word(folded_before: &str) -> bool {
    // The credit word must be among the last few words before the name.
    let tail: Vec<&str> = folded_before.split_whitespace().rev().take(6).collect();
    let tail: Vec<&str> = tail.into_iter().rev().collect();
    let tail = tail.join(" ");
    let tail = tail.trim_end_matches([':', '•', '-', '—', '–', '|', ' ']);
    CREDIT_WORDS.iter().any(|w| find_word(tail, w).is_some()) || tail.contains('©')
}

/// Folds a phrase: lowercase, no diacritics, whitespace collapsed.
fn fold_phrase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        // ASCII words fold by lowercasing alone; only the others need a decomposition.
        if w.is_ascii() {
            out.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            out.push_str(&fold(w));
        }
    }
    out
}

/// Finds `needle` in `hay` at word boundaries; returns its byte position.
fn find_word(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    for (pos, _) in hay.match_indices(needle) {
        let before_ok = !hay[..pos].chars().next_back().is_some_and(char::is_alphanumeric);
        let after_ok = !hay[pos + needle.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        if before_ok && after_ok {
            return Some(pos);
        }
    }
    None
}

/// Returns a folded slug of a name: lowercase, no diacritics, words joined by `-` ("Vennick Herald" →
/// `vennick-herald`).
///
/// # Example
/// ```
/// assert_eq!(wiretrace_stories::credit::slug("The Vennick Herald"), "the-vennick-herald");
/// ```
pub fn slug(name: &str) -> String {
    let folded = fold_phrase(name);
    let mut out = String::new();
    for w in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(w);
    }
    out
}

/// Returns the names of outlets a text credits as its source in its last three paragraphs ("Via
/// Vennick Herald", "Originally published by the Northshore Gazette", "Fuente: El Heraldo"), as slugs
/// without a leading article; agencies are included when named so.
///
/// # Example
/// ```
/// use wiretrace_stories::credit::credited_names;
/// let text = "The ferry stopped.\n\nOriginally published by the Northshore Gazette.";
/// assert_eq!(credited_names(text), ["northshore-gazette"]);
/// ```
pub fn credited_names(text: &str) -> Vec<String> {
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let mut out = Vec::new();
    for p in &paragraphs[paragraphs.len().saturating_sub(3)..] {
        if p.split_whitespace().count() > 25 {
            continue;
        }
        let folded = fold_phrase(p);
        for phrase in SOURCE_PHRASES {
            let Some(pos) = find_word(&folded, phrase) else {
                continue;
            };
            if pos != 0 && !folded[..pos].trim_end().ends_with(['.', '—', '-', '|', '•', '(']) {
                continue;
            }
            let rest = folded[pos + phrase.len()..].trim_start_matches([':', ' ', '-', '—', '•']);
            let name: Vec<&str> = rest
                .split(['.', ',', ';', '(', ')', '|'])
                .next()
                .unwrap_or("")
                .split_whitespace()
                .take(6)
                .collect();
            let skip = usize::from(name.first().is_some_and(|w| ARTICLES.contains(w)));
            let s = slug(&name[skip.min(name.len())..].join(" "));
            if !s.is_empty() && !out.contains(&s) {
                out.push(s);
            }
            break;
        }
    }
    out
}

/// Whether `copy` credits `source`, its lineage source: [`CreditStatus::Credited`] when it names
/// the source's outlet (a "Via …" / "Fuente: …" line) or an agency the source is or credits;
/// otherwise [`CreditStatus::CreditRemoved`] when the source itself carries a credit line (an
/// agency or an outlet named as its source) that the copy dropped, else
/// [`CreditStatus::Uncredited`] (never given).
///
/// # Example
/// ```
/// use wiretrace_model::{Article, CreditStatus};
/// use wiretrace_stories::credit::credit_status;
/// let mut wire = Article::new("w.txt", "Floods closed the ring road on Monday.\n\n(Reuters)");
/// wire.outlet = Some("Reuters".into());
/// let kept = Article::new("a.txt", "Floods closed the ring road on Monday.\n\n(Reuters)");
/// let cut = Article::new("b.txt", "Floods closed the ring road on Monday.");
/// assert_eq!(credit_status(&kept, &wire), CreditStatus::Credited);
/// assert_eq!(credit_status(&cut, &wire), CreditStatus::CreditRemoved);
/// ```
pub fn credit_status(copy: &Article, source: &Article) -> CreditStatus {
    let names = credited_names(&copy.text);
    if let Some(o) = &source.outlet {
        let s = slug(o);
        let bare = s.strip_prefix("the-").unwrap_or(&s);
        if names.iter().any(|n| n == bare || n == &s) {
            return CreditStatus::Credited;
        }
    }
    let agencies = credited_agencies(&copy.text);
    let source_agency = source.outlet.as_deref().and_then(agency_in_outlet);
    let source_credits = credited_agencies(&source.text);
    let credited = agencies.iter().any(|a| {
        source_agency.is_some_and(|s| s.code == a.code) || source_credits.iter().any(|s| s.code == a.code)
    });
    if credited {
        CreditStatus::Credited
    } else if !source_credits.is_empty() || !credited_names(&source.text).is_empty() {
        CreditStatus::CreditRemoved
    } else {
        CreditStatus::Uncredited
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn credit_lines_in_their_real_forms() {
        let body = "The ferry stopped at Harlow Quay on Monday, the council said.";
        let codes = |t: &str| credited_agencies(t).iter().map(|a| a.code).collect::<Vec<_>>();
        assert_eq!(codes(&format!("{body}\n\nAdditional sources • AFP")), ["AFP"]);
        assert_eq!(codes(&format!("LONDON (Reuters) — {body}")), ["Reuters"]);
        assert_eq!(codes(&format!("{body}\n\nCon información de EFE")), ["EFE"]);
        assert_eq!(
            credited_names(&format!(
                "{body}\n\nLatest News From Vennick Herald | Vennick Herald RSS"
            )),
            ["vennick-herald"]
        );
    }

    use super::*;

    fn codes(text: &str) -> Vec<&'static str> {
        credited_agencies(text).iter().map(|a| a.code).collect()
    }

    #[test]
    fn datelines_after_a_caption_financial_wires_and_sign_offs_are_credits() {
        let body = "The harbour board met on Monday.\n\nIt approved the plan.";
        // A dateline in the second paragraph, after a photo caption crediting the photo pool.
        assert_eq!(
            codes(&format!(
                "The board chair at the quay. (Pool photo)\n\nKELBY (AP) — {body}"
            )),
            ["AP"]
        );
        assert_eq!(codes(&format!("KELBY (dpa-AFX) - {body}")), ["dpa"]);
        assert_eq!(
            codes(&format!("ABU DHABI, 3rd May, 2025 (WAM) -- {body}")),
            ["WAM"]
        );
        assert_eq!(codes(&format!("{body} Work starts in June. AFP")), ["AFP"]);
        // Inside a sentence, not at the end of the text, the abbreviation is no sign-off.
        assert!(codes(&format!("{body} AFP was told so.\n\nWork starts in June.")).is_empty());
        // A dateline deep in a long body is not a credit.
        let long =
            "The board heard from the dockers, the ferry operators and the council for an hour. ".repeat(3);
        let deep = format!("{long}\n\n{long}\n\n{long}\n\nKELBY (AP) — Late.\n\n{long}\n\n{long}\n\n{long}");
        assert!(codes(&deep).is_empty());
    }

    #[test]
    fn credit_lines_in_many_forms_are_found() {
        let body = "The minister spoke.\n\nShe left at noon.";
        assert_eq!(codes(&format!("{body}\n\n(AFP)")), ["AFP"]);
        assert_eq!(codes(&format!("{body}\n\n— Associated Press")), ["AP"]);
        assert_eq!(codes(&format!("{body}\n\nSource: Agence France-Presse")), ["AFP"]);
        assert_eq!(codes(&format!("{body}\n\nAdditional sources • AFP")), ["AFP"]);
        assert_eq!(codes(&format!("{body}\n\nFuente: EFE")), ["EFE"]);
        assert_eq!(codes(&format!("{body}\n\nSursa: Agerpres")), ["Agerpres"]);
        assert_eq!(codes(&format!("{body}\n\nQuelle: dpa")), ["dpa"]);
        assert_eq!(codes(&format!("{body}\n\nFonte: Lusa")), ["Lusa"]);
        assert_eq!(
            codes(&format!(
                "{body}\n\nCopyright 2025 The Associated Press. All rights reserved."
            )),
            ["AP"]
        );
        assert_eq!(
            codes(&format!(
                "{body}\n\nReporting by Ana Ruiz for Reuters; editing by Tom Bell."
            )),
            ["Reuters"]
        );
        assert_eq!(codes(&format!("PARIS (AFP) - {body}")), ["AFP"]);
    }

    #[test]
    fn abbreviations_inside_sentences_are_not_credits() {
        let text = "The AP Stylebook was updated.\n\nAP scores rose, said the PA system announcer in a long speech about nothing in particular at all today.";
        assert!(codes(text).is_empty());
    }

    #[test]
    fn credited_outlets_are_read_in_several_languages() {
        assert_eq!(credited_names("Body.\n\nVia Vennick Herald"), ["vennick-herald"]);
        assert_eq!(
            credited_names("Body.\n\nPublicado originalmente por El Heraldo de Calanda."),
            ["heraldo-de-calanda"]
        );
        assert_eq!(
            credited_names("Body.\n\nSursa: Gazeta de Nord"),
            ["gazeta-de-nord"]
        );
        assert!(credited_names(
            "We travelled via Lisbon and Porto on a long and tiring overnight train journey with many stops."
        )
        .is_empty());
    }

    #[test]
    fn outlet_names_map_to_agencies() {
        assert_eq!(agency_named("Reuters").map(|a| a.code), Some("Reuters"));
        assert_eq!(agency_named("associated press").map(|a| a.code), Some("AP"));
        assert!(agency_named("Daily Planet").is_none());
    }
}
