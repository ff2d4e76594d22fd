//! A version in another language than its source (a translated wire).
//!
//! Input → output: an article and its source written in different languages (their `language`
//! differs, or their texts share almost no word n-grams while sharing names and figures) → the
//! changes that survive translation: `dropped` source paragraphs with no counterpart, `added`
//! article paragraphs with none, `number_changed` figures and `name_variant` names of aligned
//! paragraphs, page furniture. Wording is not compared (every word differs in a translation), so
//! there is no `quote_altered` and no sentence-level `added`/`dropped`.
//!
//! Method:
//! 1. Each paragraph gets language-independent *anchors*: its figures normalised by
//!    [`crate::numbers`] with its own language's number format (`1,8 millones` = `1.8 million`,
//!    `2.200 km` = `2,200 km`, number words per language) and its proper names (capitalised words
//!    that are not function words and never occur in lowercase in the text) and its number of
//!    quotations.
//! 2. Paragraph similarity is the Dice coefficient of the anchor multisets (figures equal within
//!    their written precision). Paragraphs are aligned in order (translations keep the order) by
//!    dynamic programming over pairs with similarity ≥ 0.25; gaps of equal size between aligned
//!    pairs (paragraphs without anchors) are paired by position when their lengths are compatible.
//! 3. Aligned paragraphs: figures written with digits are matched in any order (equal values,
//!    conversions included); a remaining source figure pairs with a remaining article figure
//!    (same dimension, within a factor of two; dateline days left out); names present on one side
//!    only are paired when [`crate::names::is_name_variant`] holds and the preceding name word is
//!    identical on both sides ("Ilse Marrow" / "Ilse Marlow"; the following one only for equal
//!    transliteration keys), so translated common nouns and titles inside names
//!    ("Maritime Museum" / "Museu Marítimo", "President" / "Präsident") are not variants.
//! 4. Every change carries the note `translation (en → es)`.
//!
//! Guarantees: deterministic; paragraphs that are credit lines are neither added nor dropped.

use std::collections::BTreeSet;

use wiretrace_model::{Article, Change, ChangeKind, CharSpan};
use wiretrace_text::fold;

use crate::boilerplate::FurnitureModel;
use crate::changes::{boilerplate_changes, furniture_paragraphs, story_words, Prepared};
use crate::lang::LangData;
use crate::names::{is_name_variant, translit_key};
use crate::numbers::{self, Quantity};

/// Minimum anchor similarity for two paragraphs to be aligned on their anchors alone.
const MIN_SIM: f64 = 0.25;

/// Language-independent anchors of a paragraph.
#[derive(Debug, Clone, Default)]
pub(crate) struct Anchors {
    /// (value, precision) of every figure.
    figures: Vec<(f64, f64)>,
    /// Folded proper-name words.
    names: Vec<String>,
    /// Number of quotations (translations keep who is quoted where).
    quotes: usize,
}

impl Anchors {
    fn len(&self) -> usize {
        self.figures.len() + self.names.len() + self.quotes
    }
}

/// True when a figure is the day of a date ("12 nov", "7 de abril", "March 3"): datelines differ
/// between versions and are not figures of the story.
fn is_date_day(text: &str, q: &Quantity, lang: &LangData) -> bool {
    let expr = &text[q.start..q.end];
    if q.dim != numbers::Dim::Count
        || !expr.chars().all(|c| c.is_ascii_digit())
        || !(1.0..=31.0).contains(&q.value)
    {
        return false;
    }
    let mut after = text[q.end..].split_whitespace();
    let next = after.next().unwrap_or("");
    let next = if matches!(fold(next).as_str(), "de" | "di") {
        after.next().unwrap_or("")
    } else {
        next
    };
    let word = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
            .to_string()
    };
    let prev = text[..q.start].split_whitespace().next_back().unwrap_or("");
    lang.month(&word(next)).is_some() || lang.month(&word(prev)).is_some()
}

/// The figures of a paragraph that belong to the story (dates' days left out).
fn story_figures(text: &str, lang: &LangData) -> Vec<Quantity> {
    numbers::scan(text, lang)
        .into_iter()
        .filter(|q| !is_date_day(text, q, lang))
        .collect()
}

/// Folded words that occur in lowercase somewhere in `text` (ordinary words, not names).
fn lowercase_words(text: &str) -> BTreeSet<String> {
    wiretrace_text::tokens(text)
        .filter(|t| {
            text[t.start as usize..t.end as usize]
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
        })
        .map(|t| t.folded.into_owned())
        .collect()
}

/// Name words of a paragraph with their byte ranges (relative to the paragraph).
fn name_words<'t>(para: &'t str, lang: &LangData, lower: &BTreeSet<String>) -> Vec<(usize, usize, &'t str)> {
    wiretrace_text::tokens(para)
        .filter_map(|t| {
            let w = &para[t.start as usize..t.end as usize];
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            (capital
                && letters >= 3
                && !lang.is_function_word(w)
                && lang.number_word(w).is_none()
                && !lower.contains(t.folded.as_ref()))
            .then_some((t.start as usize, t.end as usize, w))
        })
        .collect()
}

fn anchors(para: &str, lang: &LangData, lower: &BTreeSet<String>) -> Anchors {
    Anchors {
        quotes: crate::quotes::quotes(para, None)
            .iter()
            .filter(|q| q.depth == 0)
            .count(),
        figures: story_figures(para, lang)
            .iter()
            .map(|q| (q.value, q.precision))
            .collect(),
        names: name_words(para, lang, lower)
            .iter()
            .map(|(_, _, w)| fold(w))
            .collect(),
    }
}

fn same_value(x: (f64, f64), y: (f64, f64)) -> bool {
    (x.0 - y.0).abs() <= x.1.max(y.1) + 0.005 * x.0.abs().max(y.0.abs())
}

/// Dice coefficient of two anchor multisets, and the number of shared anchors.
fn similarity(a: &Anchors, b: &Anchors) -> (f64, usize) {
    let total = a.len() + b.len();
    if total == 0 {
        return (0.0, 0);
    }
    let mut used = vec![false; b.figures.len()];
    let mut shared = 0;
    for x in &a.figures {
        if let Some(k) = (0..b.figures.len()).find(|&k| !used[k] && same_value(*x, b.figures[k])) {
            used[k] = true;
            shared += 1;
        }
    }
    let mut used = vec![false; b.names.len()];
    for x in &a.names {
        if let Some(k) = (0..b.names.len()).find(|&k| !used[k] && b.names[k] == *x) {
            used[k] = true;
            shared += 1;
        }
    }
    shared += a.quotes.min(b.quotes);
    (2.0 * shared as f64 / total as f64, shared)
}

/// True when `article` is a translation of `source` (or of the same text): their languages differ,
/// or, with no language known to differ, they share almost no words but do share names and figures.
pub(crate) fn is_translation(article: &Article, source: &Article, a: &Prepared, s: &Prepared) -> bool {
    // words as hashes (the bags'), sets as sorted vectors: this runs for every pair
    let wa: Vec<u64> = a.bags.iter().flat_map(|b| b.seq.iter().copied()).collect();
    let ws: Vec<u64> = s.bags.iter().flat_map(|b| b.seq.iter().copied()).collect();
    // The share of `wa`'s word pairs found in `ws`: the costliest figure (sorting every word pair
    // of the source), so it is computed only where the verdict reads it.
    let bigram_share = || {
        let mut big_s: Vec<(u64, u64)> = ws.windows(2).map(|w| (w[0], w[1])).collect();
        big_s.sort_unstable();
        big_s.dedup();
        wa.windows(2)
            .filter(|w| big_s.binary_search(&(w[0], w[1])).is_ok())
            .count() as f64
            / wa.len().saturating_sub(1).max(1) as f64
    };
    if let (Some(x), Some(y)) = (&article.language, &source.language) {
        // declared languages differ; a misdetected language on a copy still shares its word pairs
        if x.get(..2) != y.get(..2) {
            return bigram_share() < 0.3;
        }
    }
    if wa.len() < 20 || ws.len() < 20 {
        return false;
    }
    let mut set_s = ws.clone();
    set_s.sort_unstable();
    set_s.dedup();
    let uni = wa.iter().filter(|w| set_s.binary_search(w).is_ok()).count() as f64 / wa.len().max(1) as f64;
    if uni >= 0.3 || bigram_share() >= 0.05 {
        return false;
    }
    let la = lowercase_words(a.text);
    let ls = lowercase_words(s.text);
    let (sim, shared) = similarity(&anchors(a.text, &a.lang, &la), &anchors(s.text, &s.lang, &ls));
    sim >= 0.3 && shared >= 4
}

/// True when the anchors of an unaligned paragraph `x` (at least two) are, for 60% or more, among
/// the anchors of `other` that its own counterpart `own` does not account for: `x` was merged into
/// `other` (or split off it) in translation. Only the names of `x` that the other text holds
/// somewhere (`other_names`) count: a capitalised word the other text never writes was translated
/// (German capitalises every noun), so it cannot show where `x` went.
fn carried_by(x: &Anchors, other: &Anchors, own: &Anchors, other_names: &BTreeSet<String>) -> bool {
    let x_names: Vec<&String> = x.names.iter().filter(|w| other_names.contains(*w)).collect();
    let (nf, nn) = (x.figures.len(), x_names.len());
    if nf + nn < 2 {
        return false;
    }
    // what `other` has beyond `own`
    let mut figs = other.figures.clone();
    for f in &own.figures {
        if let Some(k) = figs.iter().position(|g| same_value(*f, *g)) {
            figs.remove(k);
        }
    }
    let mut names = other.names.clone();
    for w in &own.names {
        if let Some(k) = names.iter().position(|g| g == w) {
            names.remove(k);
        }
    }
    let mut hit = 0;
    for f in &x.figures {
        if let Some(k) = figs.iter().position(|g| same_value(*f, *g)) {
            figs.remove(k);
            hit += 1;
        }
    }
    for w in x_names {
        if let Some(k) = names.iter().position(|g| g == w) {
            names.remove(k);
            hit += 1;
        }
    }
    hit as f64 >= 0.6 * (nf + nn) as f64
}

/// The aligned paragraphs nearest to unaligned paragraph `k`, one before and one after, with their
/// counterparts: a translation that runs several paragraphs into one leaves a run of unaligned
/// paragraphs beside the one that was aligned, so the merge partner is not always the neighbour.
fn nearest_aligned(counterpart: &[Option<usize>], k: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let before = (0..k).rev().find_map(|o| counterpart[o].map(|c| (o, c)));
    let after = (k + 1..counterpart.len()).find_map(|o| counterpart[o].map(|c| (o, c)));
    before.into_iter().chain(after)
}

/// Order-preserving alignment of paragraphs: `sim[i][j]` for article paragraph `i` and source
/// paragraph `j`; returns for each article paragraph its source paragraph.
fn align_in_order(sim: &[Vec<f64>], n: usize, m: usize) -> Vec<Option<usize>> {
    let mut dp = vec![vec![0.0f64; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let take = if sim[i][j] >= MIN_SIM {
                sim[i][j] + dp[i + 1][j + 1]
            } else {
                f64::NEG_INFINITY
            };
            dp[i][j] = take.max(dp[i + 1][j]).max(dp[i][j + 1]);
        }
    }
    let mut out = vec![None; n];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if sim[i][j] >= MIN_SIM && (dp[i][j] - (sim[i][j] + dp[i + 1][j + 1])).abs() < 1e-12 {
            out[i] = Some(j);
            i += 1;
            j += 1;
        } else if dp[i + 1][j] >= dp[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// Figures that changed between two aligned paragraphs in different languages, as (source, article)
/// index pairs. Word order differs across languages, so equal figures are matched in any order
/// (conversions included); each remaining source figure is paired with the remaining article
/// figure of the same dimension and the closest value, if within a factor of two (a dateline day
/// "12 nov" is not a changed "3,400").
fn changed_figures(src: &[Quantity], art: &[Quantity]) -> Vec<(usize, usize)> {
    let mut used_s = vec![false; src.len()];
    let mut used_a = vec![false; art.len()];
    for (i, x) in src.iter().enumerate() {
        if let Some(k) = (0..art.len()).find(|&k| !used_a[k] && numbers::same_quantity(x, &art[k])) {
            used_s[i] = true;
            used_a[k] = true;
        }
    }
    for (i, x) in src.iter().enumerate() {
        if !used_s[i] && art.iter().any(|y| numbers::same_quantity(x, y)) {
            used_s[i] = true;
        }
    }
    for (k, y) in art.iter().enumerate() {
        if !used_a[k] && src.iter().any(|x| numbers::same_quantity(x, y)) {
            used_a[k] = true;
        }
    }
    let mut out = Vec::new();
    for (i, x) in src.iter().enumerate() {
        if used_s[i] || x.value == 0.0 {
            continue;
        }
        let best = (0..art.len())
            .filter(|&k| !used_a[k] && art[k].dim == x.dim && art[k].value != 0.0)
            .map(|k| (k, (art[k].value / x.value).ln().abs()))
            .filter(|(_, d)| d.is_finite() && *d <= std::f64::consts::LN_2)
            .min_by(|p, q| p.1.total_cmp(&q.1).then(p.0.cmp(&q.0)));
        if let Some((k, _)) = best {
            used_a[k] = true;
            out.push((i, k));
        }
    }
    out
}

fn para_text<'t>(p: &Prepared<'t>, k: usize) -> &'t str {
    &p.text[p.paras[k].0..p.paras[k].1]
}

/// The changes of a translated `article` against its `source` (see the module docs).
pub(crate) fn explain_translation(
    article: &Article,
    source: &Article,
    a: &Prepared,
    s: &Prepared,
    others: &[&Article],
    model: Option<&FurnitureModel>,
) -> Vec<Change> {
    // a text without a declared language gets the detected one: number formats and number words
    // differ by language ("3.400" is 3400 in Romanian, "once" is 11 in Spanish only)
    let code = |x: &Article| {
        x.language
            .clone()
            .or_else(|| wiretrace_text::detect_language(&x.text).map(str::to_string))
    };
    let (code_a, code_s) = (code(article), code(source));
    let lang_a = LangData::new(code_a.as_deref());
    let lang_s = LangData::new(code_s.as_deref());
    let from = code_s.unwrap_or_else(|| "?".into());
    let to = code_a.unwrap_or_else(|| "?".into());
    let note = format!("translation ({from} → {to})");
    let la = lowercase_words(a.text);
    let ls = lowercase_words(s.text);
    let (credit_a, credit_s) = (&a.credit, &s.credit);
    let anc_a: Vec<Anchors> = (0..a.paras.len())
        .map(|k| anchors(para_text(a, k), &lang_a, &la))
        .collect();
    let anc_s: Vec<Anchors> = (0..s.paras.len())
        .map(|k| anchors(para_text(s, k), &lang_s, &ls))
        .collect();
    let names_of =
        |anc: &[Anchors]| -> BTreeSet<String> { anc.iter().flat_map(|x| x.names.iter().cloned()).collect() };
    let (names_a, names_s) = (names_of(&anc_a), names_of(&anc_s));
    let (n, m) = (a.paras.len(), s.paras.len());
    let sim: Vec<Vec<f64>> = (0..n)
        .map(|i| {
            (0..m)
                .map(|j| {
                    if credit_a[i] || credit_s[j] {
                        0.0
                    } else {
                        similarity(&anc_a[i], &anc_s[j]).0
                    }
                })
                .collect()
        })
        .collect();
    let mut pa = align_in_order(&sim, n, m);
    // gaps of equal size between aligned pairs: pair by position
    let chars = |p: &Prepared, k: usize| para_text(p, k).chars().count().max(1) as f64;
    let mut bounds: Vec<(usize, usize)> = vec![];
    for (i, x) in pa.iter().enumerate() {
        if let Some(j) = x {
            bounds.push((i, *j));
        }
    }
    let mut prev: (isize, isize) = (-1, -1);
    bounds.push((n, m));
    for &(ni, nj) in &bounds {
        let gi: Vec<usize> = ((prev.0 + 1) as usize..ni).filter(|&i| !credit_a[i]).collect();
        let gj: Vec<usize> = ((prev.1 + 1) as usize..nj).filter(|&j| !credit_s[j]).collect();
        if !gi.is_empty() && gi.len() == gj.len() {
            for (&i, &j) in gi.iter().zip(&gj) {
                let ratio = chars(a, i) / chars(s, j);
                let conflicting = anc_a[i].len() >= 3 && anc_s[j].len() >= 3 && sim[i][j] == 0.0;
                if (0.4..=2.5).contains(&ratio) && !conflicting {
                    pa[i] = Some(j);
                }
            }
        }
        prev = (ni as isize, nj as isize);
    }
    let mut ps: Vec<Option<usize>> = vec![None; m];
    for (i, x) in pa.iter().enumerate() {
        if let Some(j) = x {
            ps[*j] = Some(i);
        }
    }
    // furniture, with sentences of aligned paragraphs counted as matched
    let matched_a: Vec<bool> = a.sents.iter().map(|x| pa[x.paragraph].is_some()).collect();
    let matched_s: Vec<bool> = s.sents.iter().map(|x| ps[x.paragraph].is_some()).collect();
    let furn_a = furniture_paragraphs(a, &matched_a, model, article.id, || story_words(a, &matched_a, s));
    let furn_s = furniture_paragraphs(s, &matched_s, model, source.id, BTreeSet::new);
    let mut out = boilerplate_changes(article, Some(source.id), a, &furn_a);
    let mk = |kind: ChangeKind,
              before: Option<String>,
              after: Option<String>,
              span: CharSpan,
              source_span: Option<CharSpan>,
              extra: Option<String>| Change {
        article: article.id,
        source: Some(source.id),
        kind,
        before,
        after,
        span,
        source_span,
        supported_elsewhere: None,
        carried_by: Vec::new(),
        same_drift_in: Vec::new(),
        note: Some(match extra {
            Some(e) => format!("{note}; {e}"),
            None => note.clone(),
        }),
    };
    // aligned paragraphs: figures and names
    for (i, x) in pa.iter().enumerate() {
        let Some(j) = *x else { continue };
        let (as_, ae) = a.paras[i];
        let (ss, se) = s.paras[j];
        let (ta, ts) = (&a.text[as_..ae], &s.text[ss..se]);
        let digits = |q: &Quantity, t: &str| t[q.start..q.end].chars().any(|c| c.is_ascii_digit());
        let qa: Vec<Quantity> = story_figures(ta, &lang_a)
            .into_iter()
            .filter(|q| digits(q, ta))
            .collect();
        let qs: Vec<Quantity> = story_figures(ts, &lang_s)
            .into_iter()
            .filter(|q| digits(q, ts))
            .collect();
        for (x, y) in changed_figures(&qs, &qa) {
            let (sq, aq) = (&qs[x], &qa[y]);
            out.push(mk(
                ChangeKind::NumberChanged,
                Some(ts[sq.start..sq.end].to_string()),
                Some(ta[aq.start..aq.end].to_string()),
                a.idx.span(as_ + aq.start, as_ + aq.end),
                Some(s.idx.span(ss + sq.start, ss + sq.end)),
                Some(format!("{} -> {}", sq.value, aq.value)),
            ));
        }
        let na = name_words(ta, &lang_a, &la);
        let ns = name_words(ts, &lang_s, &ls);
        let fa: Vec<String> = na.iter().map(|w| fold(w.2)).collect();
        let fs: Vec<String> = ns.iter().map(|w| fold(w.2)).collect();
        let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
        for (ki, wa) in na.iter().enumerate() {
            if fs.contains(&fa[ki]) {
                continue;
            }
            for (kj, ws) in ns.iter().enumerate() {
                if fa.contains(&fs[kj]) || !is_name_variant(ws.2, wa.2) {
                    continue;
                }
                // a neighbouring name word identical on both sides (adjacent in the text)
                let adjacent =
                    |list: &[(usize, usize, &str)], k: usize, t: &str, d: isize| -> Option<String> {
                        let o = k as isize + d;
                        if o < 0 || o as usize >= list.len() {
                            return None;
                        }
                        let (x, y) = if d < 0 {
                            (list[o as usize].1, list[k].0)
                        } else {
                            (list[k].1, list[o as usize].0)
                        };
                        t[x..y].trim().is_empty().then(|| fold(list[o as usize].2))
                    };
                // the same given name before ("Ilse Marrow" / "Ilse Marlow"); a shared word after
                // counts only for spellings of one key, since a title before a name is
                // translated ("President Ana Lima" / "Präsident Ana Lima")
                let same = |d: isize| {
                    let (x, y) = (adjacent(&na, ki, ta, d), adjacent(&ns, kj, ts, d));
                    x.is_some() && x == y
                };
                let same_neighbour = same(-1) || (same(1) && translit_key(ws.2) == translit_key(wa.2));
                if same_neighbour && seen.insert((ws.2.to_string(), wa.2.to_string())) {
                    out.push(mk(
                        ChangeKind::NameVariant,
                        Some(ws.2.to_string()),
                        Some(wa.2.to_string()),
                        a.idx.span(as_ + wa.0, as_ + wa.1),
                        Some(s.idx.span(ss + ws.0, ss + ws.1)),
                        None,
                    ));
                }
            }
        }
    }
    // source paragraphs with no counterpart (unless merged into a neighbour's counterpart)
    for j in 0..m {
        if ps[j].is_some() || credit_s[j] || furn_s.contains(&j) || para_text(s, j).trim().is_empty() {
            continue;
        }
        let merged =
            nearest_aligned(&ps, j).any(|(k, i)| carried_by(&anc_s[j], &anc_a[i], &anc_s[k], &names_a));
        if merged {
            continue;
        }
        let at = (0..j)
            .rev()
            .find_map(|k| ps[k].map(|i| a.paras[i].1))
            .or_else(|| (j + 1..m).find_map(|k| ps[k].map(|i| a.paras[i].0)))
            .unwrap_or(0);
        let (st, en) = s.paras[j];
        out.push(mk(
            ChangeKind::Dropped,
            Some(s.text[st..en].to_string()),
            None,
            a.idx.span(at, at),
            Some(s.idx.span(st, en)),
            None,
        ));
    }
    // article paragraphs with no counterpart
    let other_anchors: Vec<Anchors> = others
        .iter()
        .filter(|o| o.id != article.id && o.id != source.id)
        .flat_map(|o| {
            let lang = LangData::new(o.language.as_deref());
            let lower = lowercase_words(&o.text);
            crate::segment::paragraphs(&o.text)
                .into_iter()
                .map(|(x, y)| anchors(&o.text[x..y], &lang, &lower))
                .collect::<Vec<_>>()
        })
        .collect();
    for i in 0..n {
        if pa[i].is_some() || credit_a[i] || furn_a.contains(&i) || para_text(a, i).trim().is_empty() {
            continue;
        }
        // split off a neighbour's counterpart
        let split =
            nearest_aligned(&pa, i).any(|(k, j)| carried_by(&anc_a[i], &anc_s[j], &anc_a[k], &names_s));
        if split {
            continue;
        }
        let (st, en) = a.paras[i];
        let supported = other_anchors.iter().any(|o| {
            let (sim, shared) = similarity(&anc_a[i], o);
            sim >= 0.5 && shared >= 2
        });
        let mut c = mk(
            ChangeKind::Added,
            None,
            Some(a.text[st..en].to_string()),
            a.idx.span(st, en),
            None,
            None,
        );
        c.supported_elsewhere = Some(supported);
        out.push(c);
    }
    crate::changes::sort_changes(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_in_other_number_formats_are_shared_anchors() {
        let en = LangData::new(Some("en"));
        let es = LangData::new(Some("es"));
        let none = BTreeSet::new();
        let x = anchors("A $1.2bn plan for 1.8 million people in Alto Carmín.", &en, &none);
        let y = anchors(
            "Un plan de 1.200 millones de dólares para 1,8 millones de personas en Alto Carmín.",
            &es,
            &none,
        );
        assert_eq!(similarity(&x, &y), (1.0, 4));
    }

    #[test]
    fn dateline_days_are_not_story_figures() {
        let pt = LangData::new(Some("pt"));
        let t = "PORTO CAVO, 7 abr (AFP) - Foram encontradas 1.300 ânforas, 7 de abril.";
        let v: Vec<f64> = story_figures(t, &pt).iter().map(|q| q.value).collect();
        assert_eq!(v, [1300.0]);
        let en = LangData::new(Some("en"));
        let v: Vec<f64> = story_figures("On March 3, 12 ships sank.", &en)
            .iter()
            .map(|q| q.value)
            .collect();
        assert_eq!(v, [12.0]);
    }

    #[test]
    fn order_preserving_alignment_skips_a_missing_paragraph() {
        let sim = vec![vec![0.9, 0.0, 0.0], vec![0.0, 0.1, 0.8]];
        assert_eq!(align_in_order(&sim, 2, 3), vec![Some(0), Some(2)]);
    }
}
