//! Figures: number expressions, their normalised quantities, and which ones really changed.
//!
//! Input → output: a text slice → [`Quantity`]s (the expression as written, its byte range, the value
//! in a base unit, its dimension and its rounding precision); two aligned sentences → the pairs of
//! figures that differ.
//!
//! Method: a scanner reads an optional currency sign, a numeral (grouping and decimal separators by
//! language: `1,367.5` in English, `1.367,5` in Spanish), or a run of written-out number words
//! (per-language tables), then an optional scale (`m`, `bn`, `million`, `Milliarden`…) and unit
//! (km, miles, cm, inches, kg, lb, tonnes, hectares, acres, %, currencies…). Values are converted to
//! base units (metres, kilograms, square metres, litres, m/s, °C, units of the currency). Two figures
//! are the same quantity when their values agree within the precision the writer used (`1.2 inches`
//! is ±0.05 inch) plus 0.5% for unit conversions; figures in the same unit and scale must be equal.
//! In a pair of sentences, figures are first matched to equal ones; a figure equal to *any* figure on
//! the other side (the `1,367 miles (2,200 km)` against `2,200 km` case) is not a change; the rest are
//! paired in order when their dimensions agree. Guarantees: deterministic, no allocation of regexes.

use crate::lang::LangData;

/// What a figure measures.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Dim {
    /// A plain count or value.
    Count,
    /// A percentage.
    Percent,
    /// Money in a currency (ISO-like code or the sign).
    Currency(String),
    /// Length (base: metre).
    Length,
    /// Mass (base: kilogram).
    Mass,
    /// Area (base: square metre).
    Area,
    /// Volume (base: litre).
    Volume,
    /// Speed (base: km/h).
    Speed,
    /// Temperature (base: °C).
    Temperature,
}

/// One figure as written, with its normalised value.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Byte offset of the expression in the scanned text.
    pub start: usize,
    /// Byte offset past the expression.
    pub end: usize,
    /// Value in base units (currency: units of that currency).
    pub value: f64,
    /// Half a unit of the last written digit, in base units.
    pub precision: f64,
    /// Dimension.
    pub dim: Dim,
    /// The unit as written, folded (`km`, `miles`, `` for none) with its scale (`bn`).
    pub unit: String,
}

struct Unit {
    names: &'static [&'static str],
    dim: fn() -> Dim,
    factor: f64,
}

fn length() -> Dim {
    Dim::Length
}
fn mass() -> Dim {
    Dim::Mass
}
fn area() -> Dim {
    Dim::Area
}
fn volume() -> Dim {
    Dim::Volume
}
fn speed() -> Dim {
    Dim::Speed
}
fn percent() -> Dim {
    Dim::Percent
}

const UNITS: &[Unit] = &[
    Unit {
        names: &[
            "km",
            "kms",
            "kilometre",
            "kilometres",
            "kilometer",
            "kilometers",
            "kilometro",
            "kilometros",
            "quilometro",
            "quilometros",
            "kilometri",
            "kilometer",
        ],
        dim: length,
        factor: 1000.0,
    },
    Unit {
        names: &[
            "mile", "miles", "milla", "millas", "milha", "milhas", "mille", "meile", "meilen", "mi",
        ],
        dim: length,
        factor: 1609.344,
    },
    Unit {
        names: &[
            "m", "metre", "metres", "meter", "meters", "metro", "metros", "metri", "mètre", "mètres",
        ],
        dim: length,
        factor: 1.0,
    },
    Unit {
        names: &[
            "cm",
            "centimetre",
            "centimetres",
            "centimeter",
            "centimeters",
            "centimetro",
            "centimetros",
            "zentimeter",
        ],
        dim: length,
        factor: 0.01,
    },
    Unit {
        names: &[
            "mm",
            "millimetre",
            "millimetres",
            "millimeter",
            "millimeters",
            "milimetro",
            "milimetros",
        ],
        dim: length,
        factor: 0.001,
    },
    Unit {
        names: &[
            "inch",
            "inches",
            "in",
            "pulgada",
            "pulgadas",
            "polegada",
            "polegadas",
            "pouce",
            "pouces",
            "zoll",
            "toli",
        ],
        dim: length,
        factor: 0.0254,
    },
    Unit {
        names: &[
            "ft", "foot", "feet", "pie", "pies", "pe", "pes", "pied", "pieds", "fuss", "picioare",
        ],
        dim: length,
        factor: 0.3048,
    },
    Unit {
        names: &["yard", "yards", "yd", "yds", "yarda", "yardas"],
        dim: length,
        factor: 0.9144,
    },
    Unit {
        names: &[
            "kg",
            "kgs",
            "kilo",
            "kilos",
            "kilogram",
            "kilograms",
            "kilogramme",
            "kilogrammes",
            "kilogramo",
            "kilogramos",
            "quilograma",
            "quilogramas",
            "kilogramm",
        ],
        dim: mass,
        factor: 1.0,
    },
    Unit {
        names: &[
            "g", "gram", "grams", "gramme", "grammes", "gramo", "gramos", "grama", "gramas",
        ],
        dim: mass,
        factor: 0.001,
    },
    Unit {
        names: &["lb", "lbs", "libra", "libras"],
        dim: mass,
        factor: 0.453_592_37,
    },
    Unit {
        names: &["oz", "ounce", "ounces", "onza", "onzas"],
        dim: mass,
        factor: 0.028_349_523,
    },
    Unit {
        names: &["tonne", "tonnes", "t", "tonelada", "toneladas", "tonnen", "tone"],
        dim: mass,
        factor: 1000.0,
    },
    Unit {
        names: &["ton", "tons"],
        dim: mass,
        factor: 907.184_74,
    },
    Unit {
        names: &["stone"],
        dim: mass,
        factor: 6.350_293,
    },
    Unit {
        names: &[
            "hectare",
            "hectares",
            "ha",
            "hectarea",
            "hectareas",
            "hektar",
            "hectar",
        ],
        dim: area,
        factor: 10_000.0,
    },
    Unit {
        names: &["acre", "acres", "acri"],
        dim: area,
        factor: 4_046.856_422_4,
    },
    Unit {
        names: &["km2", "km²", "sq km", "square kilometres", "square kilometers"],
        dim: area,
        factor: 1e6,
    },
    Unit {
        names: &["sq miles", "square miles", "sq mi"],
        dim: area,
        factor: 2_589_988.11,
    },
    Unit {
        names: &[
            "m2",
            "m²",
            "sq m",
            "square metres",
            "square meters",
            "metros cuadrados",
        ],
        dim: area,
        factor: 1.0,
    },
    Unit {
        names: &["sq ft", "square feet"],
        dim: area,
        factor: 0.092_903_04,
    },
    Unit {
        names: &[
            "litre", "litres", "liter", "liters", "l", "litro", "litros", "litri",
        ],
        dim: volume,
        factor: 1.0,
    },
    Unit {
        names: &["gallon", "gallons", "galon", "galones"],
        dim: volume,
        factor: 4.546_09,
    },
    Unit {
        names: &["barrel", "barrels", "barril", "barriles"],
        dim: volume,
        factor: 158.987,
    },
    Unit {
        names: &["km/h", "kph", "kmh"],
        dim: speed,
        factor: 1.0,
    },
    Unit {
        names: &["mph"],
        dim: speed,
        factor: 1.609_344,
    },
    Unit {
        names: &[
            "%",
            "per cent",
            "percent",
            "por ciento",
            "por cento",
            "pour cent",
            "prozent",
            "la suta",
            "pc",
        ],
        dim: percent,
        factor: 1.0,
    },
];

/// Currency signs before a figure and words after it, with their code.
const CURRENCY_SIGNS: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("R$", "BRL"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("HK$", "HKD"),
    ("$", "USD"),
    ("£", "GBP"),
    ("€", "EUR"),
    ("¥", "JPY"),
    ("₩", "KRW"),
    ("₹", "INR"),
    ("CHF", "CHF"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
];

const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("pounds", "GBP"),
    ("pound", "GBP"),
    ("sterling", "GBP"),
    ("libras", "GBP"),
    ("livres", "GBP"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("dolares", "USD"),
    ("dolar", "USD"),
    ("dolares", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("yen", "JPY"),
    ("won", "KRW"),
    ("yuan", "CNY"),
    ("rupees", "INR"),
    ("pesos", "MXN"),
    ("reais", "BRL"),
    ("real", "BRL"),
    ("lei", "RON"),
    ("dolari", "USD"),
    ("dollari", "USD"),
    ("dollaro", "USD"),
    ("francs", "CHF"),
    ("usd", "USD"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
];

/// Scale words written right after a numeral (`m`, `bn`, `k`); written scales come from the language.
const SCALE_SUFFIXES: &[(&str, f64)] = &[
    ("bn", 1e9),
    ("b", 1e9),
    ("billion", 1e9),
    ("m", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("million", 1e6),
    ("k", 1e3),
    ("thousand", 1e3),
    ("tn", 1e12),
    ("trillion", 1e12),
    ("mil", 1e3),
    ("mio", 1e6),
    ("mrd", 1e9),
    ("md", 1e9),
    ("mds", 1e9),
];

/// Returns the figures of `text` (byte offsets into `text`).
///
/// # Example
/// ```
/// use wiretrace_explain::lang::LangData;
/// use wiretrace_explain::numbers::{scan, Dim};
/// let q = scan("It cost £1.13bn, or 1,367 miles of road.", &LangData::new(Some("en")));
/// assert_eq!(q[0].dim, Dim::Currency("GBP".into()));
/// assert_eq!(q[0].value, 1.13e9);
/// assert_eq!(q[1].dim, Dim::Length);
/// ```
pub fn scan(text: &str, lang: &LangData) -> Vec<Quantity> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
        let starts_word = prev.is_none_or(|p| !p.is_alphanumeric());
        if c.is_ascii_digit() && starts_word && !prev.is_some_and(|p| p == '.' || p == ',') {
            if let Some((q, next)) = numeral_at(text, &chars, i, lang) {
                out.push(q);
                i = next;
                continue;
            }
        } else if c.is_alphabetic() && starts_word {
            if let Some((q, next)) = words_at(text, &chars, i, lang) {
                out.push(q);
                i = next;
                continue;
            }
            // skip the rest of the word
            let mut j = i;
            while j < chars.len() && chars[j].1.is_alphanumeric() {
                j += 1;
            }
            i = j.max(i + 1);
            let _ = b;
            continue;
        }
        i += 1;
    }
    out
}

fn numeral_at(text: &str, chars: &[(usize, char)], i0: usize, lang: &LangData) -> Option<(Quantity, usize)> {
    let (start_b, _) = chars[i0];
    // numeral: digits with separators
    let mut j = i0;
    let mut raw = String::new();
    while j < chars.len() {
        let c = chars[j].1;
        let separator = matches!(c, ',' | '.' | '\u{202F}' | '\u{A0}' | '\'')
            && chars.get(j + 1).is_some_and(|x| x.1.is_ascii_digit())
            && !raw.is_empty();
        // "2 200 km", "450 000": a plain space groups thousands in languages with a decimal comma
        // when a group of exactly three digits follows a group of one to three digits
        let separator = separator
            || (c == ' '
                && lang.decimal_comma
                && !raw.is_empty()
                && raw.chars().rev().take_while(|d| d.is_ascii_digit()).count() <= 3
                && (1..=3).all(|k| chars.get(j + k).is_some_and(|x| x.1.is_ascii_digit()))
                && chars.get(j + 4).is_none_or(|x| !x.1.is_alphanumeric()));
        if !(c.is_ascii_digit() || separator) {
            break;
        }
        raw.push(c);
        j += 1;
    }
    let (value, decimals) = parse_numeral(&raw, lang.decimal_comma)?;
    let num_end = j;
    // currency sign before
    let before = &text[..start_b];
    let mut start = start_b;
    let mut currency: Option<String> = None;
    for (sign, code) in CURRENCY_SIGNS {
        let t = before.trim_end_matches(' ');
        let spaced = t.len() != before.len();
        if t.ends_with(sign) && (!spaced || sign.len() > 1) {
            let s = t.len() - sign.len();
            let ok = text[..s].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            if ok {
                start = s;
                currency = Some((*code).to_string());
                break;
            }
        }
    }
    // suffix: scale and unit, attached or after one space
    let mut end_b = chars.get(num_end).map(|x| x.0).unwrap_or(text.len());
    let rest = &text[end_b..];
    let mut scale = 1.0;
    let mut unit_name = String::new();
    let mut dim = Dim::Count;
    let mut factor = 1.0;
    let (consumed, sc) = scale_word(rest, lang);
    let mut scale_txt = String::new();
    if let Some((s, name)) = sc {
        scale = s;
        scale_txt = name;
        end_b += consumed;
        // compound scales: "mil millones", "thousand million"
        if let (c2, Some((s2, name2))) = scale_word(&text[end_b..], lang) {
            if c2 > 0 && text[end_b..].starts_with(' ') {
                scale *= s2;
                scale_txt = format!("{scale_txt} {name2}");
                end_b += c2;
            }
        }
        // abbreviated scale with a full stop ("1,5 Mrd. Euro")
        if ["mrd", "mio", "md", "mds", "mln", "bn", "mn"].contains(&scale_txt.as_str())
            && text[end_b..].starts_with(". ")
            && unit_word(&text[end_b + 1..], true).is_some_and(|(_, u)| matches!(u, UnitHit::Currency(_)))
        {
            end_b += 1;
        }
    }
    let rest = &text[end_b..];
    if let Some((consumed, u)) = unit_word(rest, currency.is_some() || !scale_txt.is_empty()) {
        match u {
            UnitHit::Unit(name, d, f) => {
                unit_name = name;
                dim = d;
                factor = f;
            }
            UnitHit::Currency(code) => {
                currency = Some(code);
            }
        }
        end_b += consumed;
    } else if scale_txt == "m" && currency.is_none() {
        // "60m" without a currency: metres
        scale = 1.0;
        unit_name = "m".into();
        dim = Dim::Length;
        factor = 1.0;
        scale_txt.clear();
    }
    // a numeral glued to other letters ("3ami", "4x4") is a name, not a figure
    let after = text[end_b..].chars().next();
    if after.is_some_and(|c| c.is_alphabetic()) {
        let glued: String = text[end_b..].chars().take_while(|c| c.is_alphabetic()).collect();
        let ordinal =
            ["st", "nd", "rd", "th", "e", "er", "eme", "o", "a", "º", "ª"].contains(&glued.as_str());
        if !ordinal {
            return None;
        }
        end_b += glued.len();
    }
    if let Some(code) = currency {
        dim = Dim::Currency(code);
    }
    let base = value * scale * factor;
    let precision = 0.5 * 10f64.powi(-(decimals as i32)) * scale * factor;
    let next = chars.iter().position(|x| x.0 >= end_b).unwrap_or(chars.len());
    let unit = format!("{}{}", scale_txt, unit_name);
    Some((
        Quantity {
            start,
            end: end_b,
            value: base,
            precision,
            dim,
            unit,
        },
        next,
    ))
}

fn parse_numeral(raw: &str, decimal_comma: bool) -> Option<(f64, usize)> {
    let raw = raw.replace(['\u{202F}', '\u{A0}', '\'', ' '], "");
    let (dec, group) = if decimal_comma { (',', '.') } else { ('.', ',') };
    // a single separator followed by exactly three digits in a "decimal-comma" language is still
    // ambiguous; treat a lone "," with 3 digits in English as grouping, and "." the same way in others.
    let mut int_part = String::new();
    let mut frac = String::new();
    let mut in_frac = false;
    let parts: Vec<char> = raw.chars().collect();
    let n_dec = parts.iter().filter(|c| **c == dec).count();
    let n_group = parts.iter().filter(|c| **c == group).count();
    // a lone grouping mark not followed by exactly three digits can only be a decimal mark
    // ("1.7bn" in a text tagged Spanish, "1,5" in one tagged English)
    let lone_group_is_decimal = n_dec == 0
        && n_group == 1
        && raw
            .rsplit(group)
            .next()
            .is_some_and(|tail| tail.chars().count() != 3);
    let (dec, group) = if (n_dec > 1 && n_group <= 1) || lone_group_is_decimal {
        (group, dec)
    } else {
        (dec, group)
    };
    for c in parts {
        if c == group && !in_frac {
            continue;
        } else if c == dec && !in_frac {
            in_frac = true;
        } else if c.is_ascii_digit() {
            if in_frac {
                frac.push(c);
            } else {
                int_part.push(c);
            }
        } else {
            return None;
        }
    }
    let s = if frac.is_empty() {
        int_part.clone()
    } else {
        format!("{int_part}.{frac}")
    };
    let v: f64 = s.parse().ok()?;
    Some((v, frac.len()))
}

fn scale_word(rest: &str, lang: &LangData) -> (usize, Option<(f64, String)>) {
    // Romanian writes "54 de milioane": a connector before a written scale word
    if let Some(r) = rest.strip_prefix(" de ") {
        if let (c, Some((v, name))) = scale_word_plain(&format!(" {r}"), lang) {
            if c > 0 && v >= 1e6 {
                return (c + 3, Some((v, name)));
            }
        }
    }
    scale_word_plain(rest, lang)
}

fn scale_word_plain(rest: &str, lang: &LangData) -> (usize, Option<(f64, String)>) {
    // attached ("1.5bn") or after one space ("4 billion", "3 millones")
    let (skip, r) = match rest.strip_prefix(' ') {
        Some(r) => (1, r),
        None => (0, rest),
    };
    let word: String = r.chars().take_while(|c| c.is_alphabetic()).collect();
    if word.is_empty() {
        return (0, None);
    }
    let next = r[word.len()..].chars().next();
    let boundary = next.is_none_or(|c| !c.is_alphanumeric());
    if !boundary {
        return (0, None);
    }
    let f = wiretrace_text::fold(&word);
    if skip == 0 {
        if let Some((_, s)) = SCALE_SUFFIXES.iter().find(|(w, _)| *w == f) {
            return (word.len(), Some((*s, f)));
        }
    } else if let Some((v, true)) = lang.number_word(&word) {
        if v >= 1e3 {
            return (1 + word.len(), Some((v, f)));
        }
    } else if ["bn", "mn", "m", "k", "mln", "mio", "mrd", "md"].contains(&f.as_str()) {
        if let Some((_, s)) = SCALE_SUFFIXES.iter().find(|(w, _)| *w == f) {
            return (1 + word.len(), Some((*s, f)));
        }
    }
    (0, None)
}

enum UnitHit {
    Unit(String, Dim, f64),
    Currency(String),
}

fn unit_word(rest: &str, money_context: bool) -> Option<(usize, UnitHit)> {
    if let Some(r) = rest.strip_prefix('%') {
        let _ = r;
        return Some((1, UnitHit::Unit("%".into(), Dim::Percent, 1.0)));
    }
    let (skip, r) = match rest.strip_prefix(' ') {
        Some(r) => (1, r),
        None => (0, rest),
    };
    // "millones de euros", "millions of dollars": a connector before a currency word
    if skip == 1 {
        for conn in ["de ", "of ", "d'", "di "] {
            if let Some(r2) = r.strip_prefix(conn) {
                let w: String = r2.chars().take_while(|c| c.is_alphabetic()).collect();
                if let Some((_, code)) = CURRENCY_WORDS
                    .iter()
                    .find(|(x, _)| *x == wiretrace_text::fold(&w))
                {
                    if r2[w.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()) {
                        return Some((1 + conn.len() + w.len(), UnitHit::Currency((*code).to_string())));
                    }
                }
            }
        }
    }
    if let Some(r2) = r.strip_prefix('%') {
        let _ = r2;
        return Some((skip + 1, UnitHit::Unit("%".into(), Dim::Percent, 1.0)));
    }
    for deg in ["°C", "ºC", "° C", "°F", "ºF"] {
        if r.starts_with(deg) {
            return Some((
                skip + deg.len(),
                UnitHit::Unit(
                    deg.to_string(),
                    Dim::Temperature,
                    if deg.ends_with('F') { -1.0 } else { 1.0 },
                ),
            ));
        }
    }
    // try two-word units first, then one word (with "/h", "²")
    let mut best: Option<(usize, UnitHit)> = None;
    let w1: String = r
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '/' || *c == '²')
        .collect();
    let w1_len = w1.len();
    let mut candidates = Vec::new();
    if !w1.is_empty() {
        let after1 = &r[w1_len..];
        if let Some(a) = after1.strip_prefix(' ') {
            let w2: String = a.chars().take_while(|c| c.is_alphabetic()).collect();
            if !w2.is_empty() {
                candidates.push((format!("{w1} {w2}"), w1_len + 1 + w2.len()));
            }
        }
        candidates.push((w1.clone(), w1_len));
    }
    for (cand, len) in candidates {
        let next = r[len..].chars().next();
        if next.is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        let f = wiretrace_text::fold(&cand);
        if skip == 0 && f.len() == 1 && !["m", "g", "t", "l"].contains(&f.as_str()) {
            continue;
        }
        // single letters only attached ("5m", "3t"), never after a space ("5 m" is ambiguous prose)
        if skip == 1 && f.chars().count() <= 1 {
            continue;
        }
        if skip == 1 && f == "in" {
            continue;
        }
        if let Some(u) = UNITS.iter().find(|u| u.names.contains(&f.as_str())) {
            best = Some((skip + len, UnitHit::Unit(f.clone(), (u.dim)(), u.factor)));
            break;
        }
        if let Some((_, code)) = CURRENCY_WORDS.iter().find(|(w, _)| *w == f) {
            let _ = money_context;
            best = Some((skip + len, UnitHit::Currency((*code).to_string())));
            break;
        }
    }
    best
}

fn words_at(text: &str, chars: &[(usize, char)], i0: usize, lang: &LangData) -> Option<(Quantity, usize)> {
    // a run of number words: "ninety one", "twenty-five", "three million", "one hundred and five"
    let mut i = i0;
    let mut total = 0.0;
    let mut current = 0.0;
    let mut any = false;
    let mut end_b = chars[i0].0;
    let mut end_i = i0;
    let mut seen_words = 0;
    loop {
        let mut j = i;
        while j < chars.len() && chars[j].1.is_alphabetic() {
            j += 1;
        }
        if j == i {
            break;
        }
        let w = &text[chars[i].0..chars.get(j).map(|x| x.0).unwrap_or(text.len())];
        match lang.number_word(w) {
            Some((v, is_scale)) => {
                if is_scale {
                    if !any {
                        break; // "million" alone is not a figure
                    }
                    if v == 100.0 {
                        current *= 100.0;
                    } else {
                        total += current * v;
                        current = 0.0;
                    }
                } else {
                    current += v;
                }
                any = true;
                seen_words += 1;
                end_b = chars.get(j).map(|x| x.0).unwrap_or(text.len());
                end_i = j;
            }
            None => {
                let f = wiretrace_text::fold(w);
                if any && ["and", "y", "e", "et", "und", "si"].contains(&f.as_str()) {
                    // connector, only if followed by another number word
                } else {
                    break;
                }
            }
        }
        // separator: one space or hyphen
        if j < chars.len()
            && (chars[j].1 == ' ' || chars[j].1 == '-')
            && chars.get(j + 1).is_some_and(|x| x.1.is_alphabetic())
        {
            i = j + 1;
        } else {
            break;
        }
        if seen_words > 8 {
            break;
        }
    }
    if !any {
        return None;
    }
    let value = total + current;
    // a single "one"/"un"/"a" is too often an article or pronoun to be a figure
    let written = &text[chars[i0].0..end_b];
    if seen_words == 1 && value <= 1.0 {
        return None;
    }
    let rest = &text[end_b..];
    let mut q = Quantity {
        start: chars[i0].0,
        end: end_b,
        value,
        precision: 0.5,
        dim: Dim::Count,
        unit: String::new(),
    };
    if let Some((consumed, u)) = unit_word(rest, false) {
        match u {
            UnitHit::Unit(name, d, f) => {
                q.value *= f;
                q.precision *= f;
                q.dim = d;
                q.unit = name;
            }
            UnitHit::Currency(code) => q.dim = Dim::Currency(code),
        }
        q.end += consumed;
    }
    let _ = written;
    let next = chars
        .iter()
        .position(|x| x.0 >= q.end)
        .unwrap_or(chars.len())
        .max(end_i);
    Some((q, next))
}

/// Converts a temperature to °C (Fahrenheit is marked by a negative factor at scan time).
fn celsius(q: &Quantity) -> f64 {
    if q.unit.ends_with('F') {
        (-q.value - 32.0) * 5.0 / 9.0
    } else {
        q.value
    }
}

/// True when two figures are the same quantity (same dimension, values equal within the written
/// precision; conversions between units also get 0.5% slack).
///
/// # Example
/// ```
/// use wiretrace_explain::lang::LangData;
/// use wiretrace_explain::numbers::{same_quantity, scan};
/// let en = LangData::new(Some("en"));
/// let a = &scan("3cm", &en)[0];
/// let b = &scan("1.2 inches", &en)[0];
/// assert!(same_quantity(a, b));
/// let c = &scan("£1.5bn", &en)[0];
/// let d = &scan("£1,500m", &en)[0];
/// let e = &scan("£1.7bn", &en)[0];
/// assert!(same_quantity(c, d));
/// assert!(!same_quantity(c, e));
/// ```
pub fn same_quantity(a: &Quantity, b: &Quantity) -> bool {
    if a.dim != b.dim {
        return false;
    }
    let (va, vb) = if a.dim == Dim::Temperature {
        (celsius(a), celsius(b))
    } else {
        (a.value, b.value)
    };
    let diff = (va - vb).abs();
    let scale = va.abs().max(vb.abs()).max(1e-12);
    if a.unit == b.unit {
        return diff <= 1e-9 * scale;
    }
    let same_unit_family = strip_scale(&a.unit) == strip_scale(&b.unit);
    let tol = a.precision.abs().max(b.precision.abs()) * 1.0001
        + if same_unit_family { 0.0 } else { 0.005 * scale };
    diff <= tol + 1e-9 * scale
}

fn strip_scale(u: &str) -> &str {
    for (s, _) in SCALE_SUFFIXES {
        if let Some(r) = u.strip_prefix(s) {
            if r.is_empty() || UNITS.iter().any(|x| x.names.contains(&r)) {
                return r;
            }
        }
    }
    u
}

/// Returns the figures that changed between a source sentence and an article sentence, as pairs of
/// indices into `src` and `art`.
///
/// # Example
/// ```
/// use wiretrace_explain::lang::LangData;
/// use wiretrace_explain::numbers::{changed, scan};
/// let en = LangData::new(Some("en"));
/// let s = scan("The road runs 1,367 miles (2,200 km) and cost £1.5bn.", &en);
/// let a = scan("The road runs 2,200 km and cost £1.7bn.", &en);
/// assert_eq!(changed(&s, &a), vec![(2, 1)]);
/// ```
pub fn changed(src: &[Quantity], art: &[Quantity]) -> Vec<(usize, usize)> {
    let mut used_s = vec![false; src.len()];
    let mut used_a = vec![false; art.len()];
    // equal figures anchor the two sequences (longest common subsequence, so repeated values pair
    // with the right occurrence)
    let (n, m) = (src.len(), art.len());
    let mut dp = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            dp[i][j] = if same_quantity(&src[i], &art[j]) {
                dp[i + 1][j + 1] + 1
            } else {
                dp[i + 1][j].max(dp[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if same_quantity(&src[i], &art[j]) && dp[i][j] == dp[i + 1][j + 1] + 1 {
            used_s[i] = true;
            used_a[j] = true;
            i += 1;
            j += 1;
        } else if dp[i + 1][j] >= dp[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    // a figure equal to a figure in another unit or scale on the other side is a conversion shown
    // twice ("1,367 miles (2,200 km)" against "2,200 km"), not a change
    for (si, s) in src.iter().enumerate() {
        if !used_s[si] && art.iter().any(|a| a.unit != s.unit && same_quantity(s, a)) {
            used_s[si] = true;
        }
    }
    for (ai, a) in art.iter().enumerate() {
        if !used_a[ai] && src.iter().any(|s| a.unit != s.unit && same_quantity(s, a)) {
            used_a[ai] = true;
        }
    }
    let mut out = Vec::new();
    let mut next_s = 0;
    for (ai, a) in art.iter().enumerate() {
        if used_a[ai] {
            continue;
        }
        if let Some(si) = (next_s..src.len()).find(|&si| !used_s[si] && comparable(&src[si], a)) {
            used_s[si] = true;
            next_s = si + 1;
            out.push((si, ai));
        }
    }
    out
}

/// For two changed figures written with the same unit or scale word set apart by a space
/// (`10 metres` → `20 metres`), returns copies narrowed to the numerals (and any attached sign);
/// otherwise returns them unchanged.
///
/// # Example
/// ```
/// use wiretrace_explain::lang::LangData;
/// use wiretrace_explain::numbers::{figure_only, scan};
/// let en = LangData::new(Some("en"));
/// let (s, a) = ("10 metres away", "20 metres away");
/// let (x, y) = figure_only(&scan(s, &en)[0], s, &scan(a, &en)[0], a);
/// assert_eq!((&s[x.start..x.end], &a[y.start..y.end]), ("10", "20"));
/// ```
pub fn figure_only(s: &Quantity, s_text: &str, a: &Quantity, a_text: &str) -> (Quantity, Quantity) {
    let tail = |q: &Quantity, t: &str| -> Option<(usize, String)> {
        let expr = &t[q.start..q.end];
        let sp = expr.rfind(' ')?;
        let word = &expr[sp + 1..];
        // the numeral part must end right before the space
        let head = &expr[..sp];
        if !head.ends_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        Some((q.start + sp, wiretrace_text::fold(word)))
    };
    match (tail(s, s_text), tail(a, a_text)) {
        (Some((se, sw)), Some((ae, aw))) if sw == aw => {
            let mut s2 = s.clone();
            let mut a2 = a.clone();
            s2.end = se;
            a2.end = ae;
            (s2, a2)
        }
        _ => (s.clone(), a.clone()),
    }
}

fn comparable(a: &Quantity, b: &Quantity) -> bool {
    a.dim == b.dim || (a.dim == Dim::Count && b.dim == Dim::Count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> LangData {
        LangData::new(Some("en"))
    }

    fn q(s: &str) -> Quantity {
        scan(s, &en())
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no figure in {s}"))
    }

    #[test]
    fn expressions_cover_sign_scale_and_unit() {
        let t = "values the club at £800m ($1.5bn) and 3cm short";
        let qs = scan(t, &en());
        let got: Vec<_> = qs.iter().map(|x| &t[x.start..x.end]).collect();
        assert_eq!(got, ["£800m", "$1.5bn", "3cm"]);
    }

    #[test]
    fn unit_conversions_are_the_same_quantity() {
        assert!(same_quantity(&q("1,367 miles"), &q("2,200 km")));
        assert!(same_quantity(&q("10 metres"), &q("33 feet")));
        assert!(same_quantity(&q("5,200 hectares"), &q("12,849 acres")));
        assert!(same_quantity(&q("9,000 tonnes"), &q("9,000,000kg")));
        assert!(same_quantity(&q("12cm"), &q("4.7 inches")));
        assert!(!same_quantity(&q("10 miles"), &q("20km")));
        assert!(!same_quantity(&q("1500m"), &q("2200m")));
    }

    #[test]
    fn currency_scales_are_normalised() {
        assert!(same_quantity(&q("£800m"), &q("£0.8bn")));
        assert!(same_quantity(&q("$1.13bn"), &q("$1,130m")));
        assert!(same_quantity(&q("4 billion"), &q("4,000 million")));
        assert!(same_quantity(&q("144 million"), &q("144,000,000")));
        assert!(!same_quantity(&q("£1.5bn"), &q("$1.5bn")));
        assert!(!same_quantity(&q("£1.3bn"), &q("£1.0bn")));
    }

    #[test]
    fn written_numbers_and_decimal_commas() {
        assert_eq!(q("Ninety one MPs").value, 91.0);
        assert_eq!(q("twenty-five").value, 25.0);
        let es = LangData::new(Some("es"));
        let v = scan("un aumento del 2,5% hasta 1.200 millones de euros", &es);
        assert_eq!(v[0].value, 2.5);
        assert_eq!(v[0].dim, Dim::Percent);
        assert_eq!(v[1].value, 1.2e9);
        assert_eq!(v[1].dim, Dim::Currency("EUR".into()));
    }

    #[test]
    fn compound_and_abbreviated_scales() {
        let es = LangData::new(Some("es"));
        let a = scan("1.200 millones de euros", &es);
        let b = scan("1,2 mil millones de euros", &es);
        assert!(same_quantity(&a[0], &b[0]), "{a:?} {b:?}");
        let de = LangData::new(Some("de"));
        let c = scan("1,5 Mrd. Euro", &de);
        let d = scan("1.500 Millionen Euro", &de);
        assert_eq!(c[0].dim, Dim::Currency("EUR".into()));
        assert!(same_quantity(&c[0], &d[0]), "{c:?} {d:?}");
        let pt = LangData::new(Some("pt"));
        let e = scan("R$ 2,5 bilhões", &pt);
        assert_eq!(e[0].value, 2.5e9);
        assert_eq!(e[0].dim, Dim::Currency("BRL".into()));
    }

    #[test]
    fn names_with_digits_are_not_figures() {
        assert!(scan("security firm 3ami and MP3 players", &en()).is_empty());
    }

    #[test]
    fn repeated_values_pair_with_the_right_occurrence() {
        let s = scan("two top 10 albums and three top 10 albums, a 2-2 draw", &en());
        let a = scan("two top 20 albums and three top 10 albums, a 3-2 draw", &en());
        let got: Vec<_> = changed(&s, &a)
            .into_iter()
            .map(|(x, y)| (s[x].value, a[y].value))
            .collect();
        assert_eq!(got, [(10.0, 20.0), (2.0, 3.0)]);
    }

    #[test]
    fn conversion_in_brackets_is_no_change() {
        let s = scan("from 10 miles away", &en());
        let a = scan("from 16.1km (10 miles) away", &en());
        assert!(changed(&s, &a).is_empty());
    }
}
