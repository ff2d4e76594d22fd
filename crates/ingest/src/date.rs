//! Dates in any common written form → a UTC instant.
//!
//! Input: one date string from a page, feed, front matter or JSON field. Output:
//! `Option<DateTime<Utc>>`, `None` when the string is not a date we can read with confidence.
//!
//! Method: first the strict machine forms (RFC 3339 / ISO 8601 with or without offset, with `T` or a
//! space, fractional seconds; RFC 2822 as in RSS `pubDate`; Unix seconds of 9–10 digits), then a token
//! reader for human forms: it picks out a month name (tables for en, es, fr, pt, ro, de, it, nl, with
//! accents and abbreviations), a 4-digit year, a day, a clock time with optional seconds and am/pm, and a
//! zone (`Z`, `+01:00`, `+0100`, `GMT`, `UTC`, `BST`, `CET`, `EST`…). Weekday names and fillers (`de`,
//! `of`, `le`, `at`…) are skipped.
//!
//! Guarantees: the result is always UTC; a date without a time is midnight UTC; a time without a zone is
//! read as UTC. Pure and deterministic.
//!
//! Ambiguity: an all-numeric date `08/01/2026` is read day-first (`8 January`) — the order of most of the
//! world and of every non-English language we cover — unless day-first is impossible (`01/28/2026` is
//! read as 28 January). `2026/01/08` and `2026-01-08` are year-month-day. Two-digit years are refused.
//!
//! Hostile input: strings longer than 200 bytes are refused; nothing panics.
//!
//! # Example
//! ```
//! use wiretrace_ingest::parse_date;
//! let d = parse_date("8 janvier 2026 à 14h30").unwrap();
//! assert_eq!(d.to_rfc3339(), "2026-01-08T14:30:00+00:00");
//! assert_eq!(parse_date("Jan 8, 2026").unwrap().to_rfc3339(), "2026-01-08T00:00:00+00:00");
//! assert!(parse_date("yesterday").is_none());
//! ```

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

use wiretrace_lang::date_words::{FILLERS, MONTHS, ZONES};

/// Returns the UTC instant a date string denotes, or `None` when it cannot be read with confidence.
///
/// See the module documentation of [`crate::parse_date`]'s rules: strict forms first, then human forms
/// in en, es, fr, pt, ro, de, it, nl; numeric dates day-first unless impossible.
///
/// # Example
/// ```
/// use wiretrace_ingest::parse_date;
/// assert_eq!(parse_date("Wed, 10 Dec 2025 21:55:00 +0000").unwrap().to_rfc3339(), "2025-12-10T21:55:00+00:00");
/// assert_eq!(parse_date("2026-02-03T00:00:32").unwrap().to_rfc3339(), "2026-02-03T00:00:32+00:00");
/// assert_eq!(parse_date("3 de fevereiro de 2026").unwrap().to_rfc3339(), "2026-02-03T00:00:00+00:00");
/// ```
pub fn parse_date(raw: &str) -> Option<DateTime<Utc>> {
    parse_date_local(raw).map(|d| d.with_timezone(&Utc))
}

/// As [`parse_date`], but keeps the offset the string was written in (`+00:00` when it gives none),
/// so the publisher's own calendar day can be told: `2026-01-08T00:30+02:00` is the 8th where it was
/// published and the 7th in UTC.
pub(crate) fn parse_date_local(raw: &str) -> Option<DateTime<FixedOffset>> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    strict(s).or_else(|| human(s)).filter(plausible)
}

fn plausible(d: &DateTime<FixedOffset>) -> bool {
    use chrono::Datelike;
    (1800..=2200).contains(&d.year())
}

fn utc(d: NaiveDateTime) -> DateTime<FixedOffset> {
    Utc.from_utc_datetime(&d).fixed_offset()
}

fn strict(s: &str) -> Option<DateTime<FixedOffset>> {
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d);
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d);
    }
    const WITH_ZONE: &[&str] = &[
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M:%S%.f%:z",
        "%Y-%m-%d %H:%M:%S%.f %z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f %:z",
        "%Y-%m-%d %H:%M:%S%.f%:z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%dT%H:%M%:z",
        "%Y-%m-%d %H:%M %z",
    ];
    for f in WITH_ZONE {
        if let Ok(d) = DateTime::<FixedOffset>::parse_from_str(s, f) {
            return Some(d);
        }
    }
    const NAIVE: &[&str] = &[
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%Y%m%dT%H%M%S",
    ];
    let trimmed = s
        .strip_suffix('Z')
        .or_else(|| s.strip_suffix(" UTC"))
        .unwrap_or(s);
    for f in NAIVE {
        if let Ok(d) = NaiveDateTime::parse_from_str(trimmed, f) {
            return Some(utc(d));
        }
    }
    for f in ["%Y-%m-%d", "%Y%m%d"] {
        if trimmed.len() >= 8 && trimmed.len() <= 10 {
            if let Ok(d) = NaiveDate::parse_from_str(trimmed, f) {
                return Some(utc(d.and_time(NaiveTime::MIN)));
            }
        }
    }
    if (9..=10).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
        let secs: i64 = s.parse().ok()?;
        return DateTime::from_timestamp(secs, 0).map(|d| d.fixed_offset());
    }
    None
}

#[derive(Debug, PartialEq)]
enum Tok {
    Num(String),
    Word(String),
    Sign(char),
    Sep(char),
}

fn tokenize(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut n = String::new();
            while let Some(&d) = chars.peek() {
                if d.is_ascii_digit() {
                    n.push(d);
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(Tok::Num(n));
        } else if c.is_alphabetic() {
            let mut w = String::new();
            while let Some(&d) = chars.peek() {
                if d.is_alphabetic() || d == '\u{e7}' {
                    w.extend(fold_char(d));
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(Tok::Word(w));
        } else {
            chars.next();
            match c {
                '+' | '-' | '\u{2212}' => out.push(Tok::Sign(if c == '+' { '+' } else { '-' })),
                ':' | '/' | '.' => out.push(Tok::Sep(c)),
                _ => {}
            }
        }
    }
    out
}

/// Lowercases and strips the accents our month and weekday tables need (ä → ae for German).
pub(crate) fn fold_char(c: char) -> impl Iterator<Item = char> {
    let lower = c.to_lowercase().next().unwrap_or(c);
    let s: &str = match lower {
        'á' | 'à' | 'â' | 'ã' | 'ă' | 'ą' => "a",
        'ä' => "ae",
        'é' | 'è' | 'ê' | 'ë' | 'ę' | 'ě' => "e",
        'í' | 'ì' | 'î' | 'ï' | 'ı' => "i",
        'ó' | 'ò' | 'ô' | 'õ' => "o",
        'ö' => "oe",
        'ú' | 'ù' | 'û' | 'ů' => "u",
        'ü' => "ue",
        'ç' | 'ć' | 'č' => "c",
        'ș' | 'ş' | 'ś' | 'š' => "s",
        'ț' | 'ţ' | 'ť' => "t",
        'ñ' | 'ń' | 'ň' => "n",
        'ł' => "l",
        'ź' | 'ż' | 'ž' => "z",
        'ř' => "r",
        'ý' => "y",
        'ď' => "d",
        'ğ' => "g",
        _ => "",
    };
    let mut buf = [None, None];
    if s.is_empty() {
        buf[0] = Some(lower);
    } else {
        let mut it = s.chars();
        buf[0] = it.next();
        buf[1] = it.next();
    }
    buf.into_iter().flatten()
}

fn month_of(word: &str) -> Option<u32> {
    if word.len() < 3 {
        return None;
    }
    // Exact names first, then unambiguous prefixes of at least three letters.
    if let Some(&(_, m)) = MONTHS.iter().find(|(n, _)| *n == word) {
        return Some(m);
    }
    let mut found = None;
    for &(name, m) in MONTHS {
        if name.starts_with(word) {
            match found {
                None => found = Some(m),
                Some(prev) if prev != m => return None,
                _ => {}
            }
        }
    }
    // Umlaut-free German and folded forms (`marz`, `mrz`) are covered by the table; `sept.`, `janv.` by prefix.
    found
}

fn zone_of(word: &str) -> Option<i32> {
    ZONES.iter().find(|(z, _)| *z == word).map(|&(_, off)| off)
}

fn human(s: &str) -> Option<DateTime<FixedOffset>> {
    let lower = s.to_lowercase().replace("a.m.", "am").replace("p.m.", "pm");
    let toks = tokenize(&lower);
    let mut year: Option<i32> = None;
    let mut month: Option<u32> = None;
    let mut day: Option<u32> = None;
    let mut numeric_date: Vec<u32> = Vec::new();
    let mut time: Option<(u32, u32, u32)> = None;
    let mut pm: Option<bool> = None;
    let mut offset_min: Option<i32> = None;
    let mut bare_numbers: Vec<u32> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match &toks[i] {
            Tok::Num(n) => {
                // Clock time: H:MM(:SS) or HhMM (French `14h30`).
                let next_is_colon = matches!(toks.get(i + 1), Some(Tok::Sep(':')));
                let next_is_h = matches!(toks.get(i + 1), Some(Tok::Word(w)) if w == "h");
                if (next_is_colon || next_is_h) && n.len() <= 2 && time.is_none() {
                    let h: u32 = n.parse().ok()?;
                    let mut j = i + 2;
                    let mut m = 0;
                    let mut sec = 0;
                    if let Some(Tok::Num(mm)) = toks.get(j) {
                        if mm.len() == 2 {
                            m = mm.parse().ok()?;
                            j += 1;
                            if matches!(toks.get(j), Some(Tok::Sep(':'))) {
                                if let Some(Tok::Num(ss)) = toks.get(j + 1) {
                                    sec = ss.parse().ok()?;
                                    j += 2;
                                    // Fractional seconds.
                                    if matches!(toks.get(j), Some(Tok::Sep('.'))) {
                                        if let Some(Tok::Num(_)) = toks.get(j + 1) {
                                            j += 2;
                                        }
                                    }
                                }
                            }
                        } else if next_is_colon {
                            return None;
                        }
                    } else if next_is_colon {
                        return None;
                    }
                    time = Some((h, m, sec));
                    i = j;
                    continue;
                }
                // Numeric date: D/M/Y, Y-M-D, D.M.Y.
                let sep = match toks.get(i + 1) {
                    Some(Tok::Sep(c)) if *c == '/' || *c == '.' => Some(*c),
                    Some(Tok::Sign('-')) => Some('-'),
                    _ => None,
                };
                if let (Some(sep), Some(Tok::Num(b)), true) =
                    (sep, toks.get(i + 2), numeric_date.is_empty() && month.is_none())
                {
                    let third_sep = match toks.get(i + 3) {
                        Some(Tok::Sep(c)) => *c == sep,
                        Some(Tok::Sign('-')) => sep == '-',
                        _ => false,
                    };
                    if let (true, Some(Tok::Num(c))) = (third_sep, toks.get(i + 4)) {
                        numeric_date = vec![n.parse().ok()?, b.parse().ok()?, c.parse().ok()?];
                        let lens = [n.len(), b.len(), c.len()];
                        let (y, m, d) = numeric_ymd(&numeric_date, lens)?;
                        year = Some(y);
                        month = Some(m);
                        day = Some(d);
                        i += 5;
                        continue;
                    }
                }
                if n.len() == 4 && year.is_none() {
                    year = Some(n.parse().ok()?);
                } else if n.len() <= 2 {
                    bare_numbers.push(n.parse().ok()?);
                } else {
                    return None;
                }
            }
            Tok::Word(w) => {
                if let Some(m) = month_of(w) {
                    if month.is_some() {
                        return None;
                    }
                    month = Some(m);
                } else if w == "pm" || w == "p" {
                    pm = Some(true);
                } else if w == "am" && time.is_some() {
                    pm = Some(false);
                } else if let Some(off) = zone_of(w) {
                    offset_min = Some(off);
                    // `GMT+1`, `UTC-05:00`
                    if let Some(Tok::Sign(sg)) = toks.get(i + 1) {
                        if let Some(Tok::Num(h)) = toks.get(i + 2) {
                            if let Some(o) = numeric_offset(*sg, h, toks.get(i + 3), toks.get(i + 4)) {
                                offset_min = Some(o.0);
                                i += 2 + o.1;
                            }
                        }
                    }
                } else if wiretrace_lang::is_weekday_in_date(w) || FILLERS.contains(&w.as_str()) {
                } else {
                    return None;
                }
            }
            Tok::Sign(sg) => {
                // A numeric offset after a time: +0100, +01:00, -05.
                if time.is_some() && offset_min.is_none() {
                    if let Some(Tok::Num(h)) = toks.get(i + 1) {
                        if let Some(o) = numeric_offset(*sg, h, toks.get(i + 2), toks.get(i + 3)) {
                            offset_min = Some(o.0);
                            i += 2 + o.1;
                            continue;
                        }
                    }
                }
            }
            Tok::Sep(_) => {}
        }
        i += 1;
    }
    let month = month?;
    if day.is_none() {
        // The day is the one bare number of 1–31 (a second one is refused as ambiguous).
        let candidates: Vec<u32> = bare_numbers
            .iter()
            .copied()
            .filter(|n| (1..=31).contains(n))
            .collect();
        if candidates.len() != 1 || bare_numbers.len() != 1 {
            return None;
        }
        day = Some(candidates[0]);
    }
    let date = NaiveDate::from_ymd_opt(year?, month, day?)?;
    let (mut h, m, sec) = time.unwrap_or((0, 0, 0));
    match pm {
        Some(true) if h < 12 => h += 12,
        Some(false) if h == 12 => h = 0,
        _ => {}
    }
    let t = NaiveTime::from_hms_opt(h, m, sec)?;
    let naive = date.and_time(t);
    let off = FixedOffset::east_opt(offset_min.unwrap_or(0) * 60)?;
    off.from_local_datetime(&naive).single()
}

/// Reads `+01`, `+0100`, `+01:00`; returns minutes and how many extra tokens were used after the hours.
fn numeric_offset(sign: char, h: &str, t1: Option<&Tok>, t2: Option<&Tok>) -> Option<(i32, usize)> {
    let sgn = if sign == '-' { -1 } else { 1 };
    let (hours, mins, used) = match h.len() {
        4 => (h[..2].parse::<i32>().ok()?, h[2..].parse::<i32>().ok()?, 0),
        1 | 2 => match (t1, t2) {
            (Some(Tok::Sep(':')), Some(Tok::Num(m))) if m.len() == 2 => {
                (h.parse::<i32>().ok()?, m.parse::<i32>().ok()?, 2)
            }
            _ => (h.parse::<i32>().ok()?, 0, 0),
        },
        _ => return None,
    };
    if hours > 14 || mins > 59 {
        return None;
    }
    Some((sgn * (hours * 60 + mins), used))
}

/// Orders three numbers of a numeric date as (year, month, day); day-first when ambiguous.
fn numeric_ymd(n: &[u32], lens: [usize; 3]) -> Option<(i32, u32, u32)> {
    if lens[0] == 4 {
        return Some((n[0] as i32, n[1], n[2]));
    }
    if lens[2] != 4 {
        return None;
    }
    let (a, b, y) = (n[0], n[1], n[2] as i32);
    if (1..=12).contains(&b) && (1..=31).contains(&a) {
        Some((y, b, a))
    } else if (1..=12).contains(&a) && (1..=31).contains(&b) {
        Some((y, a, b))
    } else {
        None
    }
}

/// What the words just before a date in running text say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// "Published…", "Veröffentlicht am…", "Publié le…".
    Published,
    /// "Updated…", "Aktualisiert…", "Mis à jour…": never the publication date.
    Updated,
    /// Nothing said.
    Plain,
}

/// A calendar date found in running text, with the cue before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TextDate {
    pub(crate) date: NaiveDate,
    pub(crate) cue: Cue,
}

/// How many tokens before a date are read for a cue word: enough for "Veröffentlicht am Dienstag,"
/// or "Published: 14:30," but not the previous sentence.
const CUE_WINDOW: usize = 6;

/// Oldest and newest years a date found in running text may have: older or later "dates" in text are
/// version numbers, prices or references, not when the page was published (htmldate uses 1995 too).
const TEXT_YEARS: std::ops::RangeInclusive<i32> = 1995..=2100;

/// Returns the complete calendar dates (day, month and year) written in running text, in order:
/// numeric (`8.1.2026`, `08/01/2026`, `2026-01-08`, dotted with a two-digit year `8.1.26`) and with month names in the languages of
/// [`wiretrace_lang::date_words::MONTHS`] (`8. Januar 2026`, `January 8th, 2026`, `8 de enero de 2026`). Bare
/// years (`© 2026`) and month–year forms are not dates. Each date carries the cue the words before it
/// (or a closing participle after it, [`cue_after`])
/// give ([`Cue`]).
pub(crate) fn dates_in_text(s: &str) -> Vec<TextDate> {
    // Only text holding a digit can hold a date; most of a page's blocks do not.
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let toks = tokenize(&s.to_lowercase());
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((date, used)) = date_at(&toks, i) {
            if TEXT_YEARS.contains(&chrono::Datelike::year(&date)) {
                let cue = match cue_before(&toks, i) {
                    Cue::Plain => cue_after(&toks, i + used),
                    cue => cue,
                };
                out.push(TextDate { date, cue });
            }
            i += used;
        } else {
            i += 1;
        }
    }
    out
}

fn num(t: Option<&Tok>, lens: std::ops::RangeInclusive<usize>) -> Option<u32> {
    match t {
        Some(Tok::Num(n)) if lens.contains(&n.len()) => n.parse().ok(),
        _ => None,
    }
}

fn date_sep(t: Option<&Tok>) -> Option<char> {
    match t {
        Some(Tok::Sep(c)) if matches!(c, '.' | '/') => Some(*c),
        Some(Tok::Sign('-')) => Some('-'),
        _ => None,
    }
}

fn month_word(t: Option<&Tok>) -> Option<u32> {
    match t {
        Some(Tok::Word(w)) => month_of(w),
        _ => None,
    }
}

fn is_filler(t: Option<&Tok>) -> bool {
    matches!(t, Some(Tok::Word(w)) if FILLERS.contains(&w.as_str()))
}

/// The date starting at token `i`, and how many tokens it spans.
fn date_at(toks: &[Tok], i: usize) -> Option<(NaiveDate, usize)> {
    let t = |k: usize| toks.get(i + k);
    // Numeric: D.M.YYYY, D/M/YYYY, D-M-YYYY (day first unless impossible) and YYYY-MM-DD.
    if let (Some(a), Some(s1), Some(b), Some(s2)) =
        (num(t(0), 1..=4), date_sep(t(1)), num(t(2), 1..=2), date_sep(t(3)))
    {
        if s1 == s2 {
            let a_len = if let Some(Tok::Num(n)) = t(0) { n.len() } else { 0 };
            let c_lens = if a_len == 4 { 1..=2 } else { 4..=4 };
            if let Some(c) = num(t(4), c_lens) {
                if a_len == 3 {
                    return None;
                }
                let c_len = if let Some(Tok::Num(n)) = t(4) { n.len() } else { 0 };
                // A fourth number glued on (`1.2.2026.5`, an IP or version) is no date.
                if date_sep(t(5)).is_some() && num(t(6), 1..=4).is_some() {
                    return None;
                }
                let (y, m, d) = numeric_ymd(&[a, b, c], [a_len, 2, c_len])?;
                return NaiveDate::from_ymd_opt(y, m, d).map(|dt| (dt, 5));
            }
            if let Some(date) = short_year_date(toks, i) {
                return Some((date, 5));
            }
        }
    }
    // Day before the month name: `8. Januar 2026`, `8 de enero de 2026`, `8 janv. 2026`.
    if let Some(d) = num(t(0), 1..=2) {
        let mut k = 1;
        if matches!(t(k), Some(Tok::Sep('.'))) {
            k += 1;
        }
        if is_filler(t(k)) {
            k += 1;
        }
        if let Some(m) = month_word(t(k)) {
            k += 1;
            if matches!(t(k), Some(Tok::Sep('.'))) {
                k += 1;
            }
            if is_filler(t(k)) {
                k += 1;
            }
            if let Some(y) = num(t(k), 4..=4) {
                return NaiveDate::from_ymd_opt(y as i32, m, d).map(|dt| (dt, k + 1));
            }
        }
        return None;
    }
    // Month name before the day: `January 8th, 2026`, `Jan. 8 2026`.
    if let Some(m) = month_word(t(0)) {
        let mut k = 1;
        if matches!(t(k), Some(Tok::Sep('.'))) {
            k += 1;
        }
        if let Some(d) = num(t(k), 1..=2) {
            k += 1;
            if matches!(t(k), Some(Tok::Word(w)) if matches!(w.as_str(), "st" | "nd" | "rd" | "th")) {
                k += 1;
            }
            if let Some(y) = num(t(k), 4..=4) {
                return NaiveDate::from_ymd_opt(y as i32, m, d).map(|dt| (dt, k + 1));
            }
        }
    }
    None
}

/// Two-digit years at or below this are 20YY, above it 19YY (`8.5.12` is 2012, `3.4.98` is 1998).
const SHORT_YEAR_PIVOT: u32 = 69;

/// A day-first date with dots and a two-digit year (`8.5.12`, `02.12.19`), as German, Polish or
/// Russian date lines abbreviate it. Only dots (a slash date with a short year is as often month-first),
/// and nothing numeric glued on after the year (`1.2.12.4` or `12.03.14:30` is a version or a time).
fn short_year_date(toks: &[Tok], i: usize) -> Option<NaiveDate> {
    let t = |k: usize| toks.get(i + k);
    let (Some(Tok::Sep('.')), Some(Tok::Sep('.'))) = (t(1), t(3)) else {
        return None;
    };
    if i >= 2 && matches!(toks[i - 1], Tok::Sep(_)) && matches!(toks[i - 2], Tok::Num(_)) {
        return None;
    }
    let (d, m, yy) = (num(t(0), 1..=2)?, num(t(2), 1..=2)?, num(t(4), 2..=2)?);
    if matches!(t(5), Some(Tok::Sep(_) | Tok::Sign(_))) && matches!(t(6), Some(Tok::Num(_))) {
        return None;
    }
    let y = if yy <= SHORT_YEAR_PIVOT {
        2000 + yy
    } else {
        1900 + yy
    };
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

/// The cue the nearest cue word within [`CUE_WINDOW`] tokens before token `i` gives.
fn cue_before(toks: &[Tok], i: usize) -> Cue {
    use wiretrace_lang::date_words::{PUBLISHED_WORDS, UPDATED_WORDS};
    for t in toks[i.saturating_sub(CUE_WINDOW)..i].iter().rev() {
        if let Tok::Word(w) = t {
            if PUBLISHED_WORDS.contains(&w.as_str()) {
                return Cue::Published;
            }
            if UPDATED_WORDS.contains(&w.as_str()) {
                return Cue::Updated;
            }
        }
    }
    Cue::Plain
}

/// How many tokens after a date are read for a "published" word that closes the clause: languages
/// that put the verb last write the cue after the date, a clock time and a byline ("am 3. März 2026 um
/// 10:12 Uhr von Anna Weber veröffentlicht",
/// "op 3 maart 2026 gepubliceerd").
const CUE_AFTER_WINDOW: usize = 10;

/// [`Cue::Published`] when a closing publication participle
/// ([`wiretrace_lang::date_words::PUBLISHED_AFTER_WORDS`]) follows token `end` (the token after a date) within
/// [`CUE_AFTER_WINDOW`] tokens, before any sentence end; an update word after a date says nothing (it
/// opens the next clause as often as it closes this one).
fn cue_after(toks: &[Tok], end: usize) -> Cue {
    use wiretrace_lang::date_words::PUBLISHED_AFTER_WORDS;
    for t in toks.iter().skip(end).take(CUE_AFTER_WINDOW) {
        match t {
            Tok::Word(w) if PUBLISHED_AFTER_WORDS.contains(&w.as_str()) => return Cue::Published,
            Tok::Sep('.') => break,
            _ => {}
        }
    }
    Cue::Plain
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> String {
        parse_date(s)
            .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
            .unwrap_or_else(|| "none".into())
    }

    #[test]
    fn machine_forms() {
        assert_eq!(iso("2025-01-20T00:57:00Z"), "2025-01-20T00:57:00Z");
        assert_eq!(iso("2025-01-20T01:57:00+01:00"), "2025-01-20T00:57:00Z");
        assert_eq!(iso("2026-02-03T00:00:32"), "2026-02-03T00:00:32Z");
        assert_eq!(iso("2025-09-24 05:40:00 +0000"), "2025-09-24T05:40:00Z");
        assert_eq!(iso("2025-09-24 05:40:00"), "2025-09-24T05:40:00Z");
        assert_eq!(iso("2026-01-08"), "2026-01-08T00:00:00Z");
        assert_eq!(iso("Wed, 10 Dec 2025 21:55:00 +0000"), "2025-12-10T21:55:00Z");
        assert_eq!(iso("Wed, 10 Dec 2025 21:55:00 GMT"), "2025-12-10T21:55:00Z");
        assert_eq!(iso("2025-12-10T21:55:00.123456+00:00"), "2025-12-10T21:55:00Z");
        assert_eq!(iso("1767830400"), "2026-01-08T00:00:00Z");
    }

    #[test]
    fn human_forms_in_many_languages() {
        assert_eq!(iso("Jan 8, 2026"), "2026-01-08T00:00:00Z");
        assert_eq!(iso("January 8, 2026 3:05 PM EST"), "2026-01-08T20:05:00Z");
        assert_eq!(iso("8 January 2026"), "2026-01-08T00:00:00Z");
        assert_eq!(iso("27 May 2025, 23:59 GMT"), "2025-05-27T23:59:00Z");
        assert_eq!(iso("Thursday, 8th January 2026"), "2026-01-08T00:00:00Z");
        assert_eq!(iso("8 de enero de 2026"), "2026-01-08T00:00:00Z");
        assert_eq!(iso("jueves, 8 de enero de 2026, 10:15"), "2026-01-08T10:15:00Z");
        assert_eq!(iso("8 janvier 2026 à 14h30"), "2026-01-08T14:30:00Z");
        assert_eq!(iso("3 février 2026"), "2026-02-03T00:00:00Z");
        assert_eq!(iso("3 de março de 2026"), "2026-03-03T00:00:00Z");
        assert_eq!(iso("8 ianuarie 2026"), "2026-01-08T00:00:00Z");
        assert_eq!(iso("8. März 2026"), "2026-03-08T00:00:00Z");
        assert_eq!(iso("8 sept. 2026"), "2026-09-08T00:00:00Z");
        assert_eq!(iso("2026-01-08 10:00 +01:00"), "2026-01-08T09:00:00Z");
        assert_eq!(iso("8 Jan 2026 10:00 GMT+1"), "2026-01-08T09:00:00Z");
    }

    #[test]
    fn numeric_dates_are_day_first_unless_impossible() {
        assert_eq!(iso("08/01/2026"), "2026-01-08T00:00:00Z");
        assert_eq!(iso("01/28/2026"), "2026-01-28T00:00:00Z");
        assert_eq!(iso("08.01.2026"), "2026-01-08T00:00:00Z");
        assert_eq!(iso("2026/01/08"), "2026-01-08T00:00:00Z");
        assert_eq!(iso("08-01-2026 14:00"), "2026-01-08T14:00:00Z");
        assert_eq!(iso("31/31/2026"), "none");
    }

    #[test]
    fn dotted_dates_with_two_digit_years_in_text() {
        let days = |s: &str| -> Vec<String> { dates_in_text(s).iter().map(|d| d.date.to_string()).collect() };
        assert_eq!(days("Lena Vogt, 8.5.12"), ["2012-05-08"]);
        assert_eq!(days("Beitrag vom 02.12.19 um 9 Uhr"), ["2019-12-02"]);
        assert_eq!(days("Ausgabe 3.4.98"), ["1998-04-03"]);
        // Versions, times and slash forms are not short-year dates.
        assert!(days("Version 1.2.12.4 erschienen").is_empty());
        assert!(days("Firmware 3.8.5.12").is_empty());
        assert!(days("Anpfiff 12.03.14:30").is_empty());
        assert!(days("5/8/12").is_empty());
        assert!(days("40.13.12").is_empty());
    }

    #[test]
    fn a_publication_word_after_the_date_is_a_cue() {
        let cues = |s: &str| -> Vec<Cue> { dates_in_text(s).iter().map(|d| d.cue).collect() };
        assert_eq!(
            cues("Dieser Beitrag wurde am Samstag, 3. Mai 2026 um 10:12 Uhr veröffentlicht und abgelegt"),
            [Cue::Published]
        );
        assert_eq!(
            cues("Dit bericht is op 3 mei 2026 gepubliceerd"),
            [Cue::Published]
        );
        // A cue before the date wins; a sentence end stops the search.
        assert_eq!(
            cues("Aktualisiert am 3. Mai 2026, veröffentlicht 2. Mai"),
            [Cue::Updated]
        );
        assert_eq!(
            cues("Die Brücke öffnet am 3. Mai 2026. Veröffentlicht von der Stadt"),
            [Cue::Plain]
        );
        // A finite verb after the date is an event's.
        assert_eq!(cues("Le 3 mai 2026, le journal publie un article"), [Cue::Plain]);
    }

    #[test]
    fn non_dates_are_refused() {
        for s in [
            "",
            "yesterday",
            "May",
            "12 34 2025",
            "2025",
            "not a date at all",
            "99:99",
            "32 January 2026",
        ] {
            assert_eq!(iso(s), "none", "{s}");
        }
        assert_eq!(iso(&"1".repeat(500)), "none");
    }

    #[test]
    fn garbage_never_panics() {
        let mut seed = 7u64;
        for _ in 0..2000 {
            let mut s = String::new();
            for _ in 0..(seed % 40) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let pool = "0123456789:/.-+ ZTaAmMpPjJ,éü年";
                let c = pool
                    .chars()
                    .nth((seed >> 33) as usize % pool.chars().count())
                    .unwrap_or('0');
                s.push(c);
            }
            let _ = parse_date(&s);
        }
    }
}
