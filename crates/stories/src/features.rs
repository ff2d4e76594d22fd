//! Per-article evidence: word shingles (for text reuse), content features (named entities and
//! figures) and metadata (time, credited agencies, own agency).
//!
//! Content features are what independent rewrites of one event share even when they share little text:
//! the same people, organisations and places (capitalised spans that do not start a sentence), the
//! same numbers. They are hashed with a fixed seed so that features are
//! stable across runs.

use wiretrace_lang::name_words::CAPITALISED_STOP;
use wiretrace_model::Article;
pub(crate) use wiretrace_text::sorted_intersection_count as intersect_count;
use wiretrace_text::{fold, token_hash, tokens};

use crate::credit::{agency_named, credited_agencies, Agency};

/// The kind of a content feature; its weight multiplies the feature's IDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Kind {
    /// A capitalised span of two or more words ("Jack McConnell", "Scottish Parliament").
    Span,
    /// One capitalised word that does not start a sentence.
    Name,
    /// A non-stopword lowercase term of four letters or more.
    Term,
    /// A token holding a digit.
    Figure,
    /// A day next to a month name (story anchors only). The discriminant is fixed (a kind of
    /// quotation 3-grams once came before it): anchor hashes are seeded with it.
    Date = 5,
}

impl Kind {
    fn tag(self) -> &'static str {
        match self {
            Kind::Span => "s",
            Kind::Name => "n",
            Kind::Term => "t",
            Kind::Figure => "f",
            Kind::Date => "d",
        }
    }
}

/// Evidence extracted from one article.
#[derive(Debug, Clone)]
pub(crate) struct Features {
    /// Publication time, seconds since the epoch.
    pub time: Option<i64>,
    /// Sorted, deduplicated hashes of word 3-grams of the text (32 bits: a chance collision between
    /// two texts' few hundred 3-grams is negligible, and the memory is halved).
    pub shingles: Vec<u32>,
    /// Language code, when known.
    pub language: Option<String>,
    /// Sorted hashes of the language-independent facts: names, spans and figures.
    pub facts: Vec<u64>,
    /// Story anchors (see [`crate::anchors`]): (hash, kind, lead-weighted count, paragraph), sorted
    /// by hash. The paragraph is the one place the anchor occurs (0 the headline, 1.. the text's
    /// paragraphs), or [`SPREAD`] when it occurs in several.
    pub anchors: Vec<(u64, Kind, f32, u32)>,
    /// Number of paragraphs of the text (blank-line separated, as ingest normalises it).
    pub paragraphs: u32,
    /// The number of word 3-grams of the text's longest paragraph: how much shared text one
    /// paragraph can hold (see `Config::reuse_spread_min_paragraphs`).
    pub largest_paragraph: u32,
    /// The weekdays the headline and lead name, as bits (see [`crate::anchors::lead_weekdays`]).
    pub lead_weekdays: u8,
    /// The day the headline and lead place the event on, when the article is dated (see
    /// [`crate::anchors::event_day`]).
    pub event_day: Option<i64>,
}

/// Version byte of [`Features::to_bytes`]: a blob of another version (features extracted by an
/// older build) is not read back, and the article's features are extracted again.
const FEATURES_BYTES_VERSION: u8 = 1;

impl Features {
    /// How [`Features::to_bytes`] begins: its version byte.
    pub(crate) fn version_prefix() -> Vec<u8> {
        vec![FEATURES_BYTES_VERSION]
    }

    /// The features as bytes (little-endian, exact: floats by their bits), for a store that keeps
    /// each article's features between analyses (see [`Features::from_bytes`]).
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut b =
            Vec::with_capacity(64 + 4 * self.shingles.len() + 8 * self.facts.len() + 17 * self.anchors.len());
        b.push(FEATURES_BYTES_VERSION);
        let opt_i64 = |b: &mut Vec<u8>, v: Option<i64>| match v {
            Some(t) => {
                b.push(1);
                b.extend_from_slice(&t.to_le_bytes());
            }
            None => b.push(0),
        };
        opt_i64(&mut b, self.time);
        opt_i64(&mut b, self.event_day);
        let lang = self.language.as_deref().map(str::as_bytes);
        b.extend_from_slice(&lang.map_or(u32::MAX, |l| l.len() as u32).to_le_bytes());
        b.extend_from_slice(lang.unwrap_or_default());
        b.extend_from_slice(&self.paragraphs.to_le_bytes());
        b.extend_from_slice(&self.largest_paragraph.to_le_bytes());
        b.push(self.lead_weekdays);
        b.extend_from_slice(&(self.shingles.len() as u32).to_le_bytes());
        for s in &self.shingles {
            b.extend_from_slice(&s.to_le_bytes());
        }
        b.extend_from_slice(&(self.facts.len() as u32).to_le_bytes());
        for f in &self.facts {
            b.extend_from_slice(&f.to_le_bytes());
        }
        b.extend_from_slice(&(self.anchors.len() as u32).to_le_bytes());
        for &(h, k, count, para) in &self.anchors {
            b.extend_from_slice(&h.to_le_bytes());
            b.push(k as u8);
            b.extend_from_slice(&count.to_bits().to_le_bytes());
            b.extend_from_slice(&para.to_le_bytes());
        }
        b
    }

    /// The features [`Features::to_bytes`] wrote; `None` for bytes of another version or damaged.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<Features> {
        struct Reader<'a>(&'a [u8]);
        impl Reader<'_> {
            fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
                let (head, rest) = self.0.split_at_checked(N)?;
                self.0 = rest;
                head.try_into().ok()
            }
            fn u8(&mut self) -> Option<u8> {
                self.take::<1>().map(|b| b[0])
            }
            fn u32(&mut self) -> Option<u32> {
                self.take().map(u32::from_le_bytes)
            }
            fn u64(&mut self) -> Option<u64> {
                self.take().map(u64::from_le_bytes)
            }
            fn opt_i64(&mut self) -> Option<Option<i64>> {
                match self.u8()? {
                    0 => Some(None),
                    1 => self.take().map(|b| Some(i64::from_le_bytes(b))),
                    _ => None,
                }
            }
        }
        let mut r = Reader(bytes);
        if r.u8()? != FEATURES_BYTES_VERSION {
            return None;
        }
        let time = r.opt_i64()?;
        let event_day = r.opt_i64()?;
        let language = match r.u32()? {
            u32::MAX => None,
            n => {
                let (l, rest) = r.0.split_at_checked(n as usize)?;
                r.0 = rest;
                Some(String::from_utf8(l.to_vec()).ok()?)
            }
        };
        let paragraphs = r.u32()?;
        let largest_paragraph = r.u32()?;
        let lead_weekdays = r.u8()?;
        let n = r.u32()? as usize;
        let shingles = (0..n).map(|_| r.u32()).collect::<Option<Vec<u32>>>()?;
        let n = r.u32()? as usize;
        let facts = (0..n).map(|_| r.u64()).collect::<Option<Vec<u64>>>()?;
        let n = r.u32()? as usize;
        let anchors = (0..n)
            .map(|_| {
                let h = r.u64()?;
                let k = match r.u8()? {
                    x if x == Kind::Span as u8 => Kind::Span,
                    x if x == Kind::Name as u8 => Kind::Name,
                    x if x == Kind::Term as u8 => Kind::Term,
                    x if x == Kind::Figure as u8 => Kind::Figure,
                    x if x == Kind::Date as u8 => Kind::Date,
                    _ => return None,
                };
                Some((h, k, f32::from_bits(r.u32()?), r.u32()?))
            })
            .collect::<Option<Vec<_>>>()?;
        r.0.is_empty().then_some(Features {
            time,
            shingles,
            language,
            facts,
            anchors,
            paragraphs,
            largest_paragraph,
            lead_weekdays,
            event_day,
        })
    }
}

/// What only lineage reads of an article: paragraph and sentence detail, headline, names, credits
/// and publisher. Extracted for a story's members while their lineage is computed, never
/// corpus-wide: it would triple the memory, and single-article stories need none of it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Detail {
    /// Shingle hashes per paragraph, in text order (not deduplicated across paragraphs).
    pub paragraph_shingles: Vec<Vec<u32>>,
    /// For each paragraph 3-gram, whether it touches a quotation.
    pub paragraph_quoted: Vec<Vec<bool>>,
    /// Sentences as (3-grams inside the sentence, sorted names), for the hidden-source test.
    pub sentences: Vec<(Vec<u32>, Vec<u64>)>,
    /// For each sentence of [`Detail::sentences`], the positions (token index within the sentence) of
    /// its figures and names, for the contradicted-source test (a copy keeping a figure or a name
    /// that its candidate source changed).
    pub sentence_facts: Vec<Vec<u32>>,
    /// Sorted, deduplicated hashes of the folded title words.
    pub title: Vec<u64>,
    /// The headline as written (trimmed, whitespace folded): its casing and prefixes are idiosyncrasies.
    pub title_raw: String,
    /// Sorted, deduplicated hashes of the names (capitalised words) of the text, for topic tests.
    pub names: Vec<u64>,
    /// Agencies credited in the text.
    pub credits: Vec<&'static Agency>,
    /// Other sources the text credits by name ("Via Vennick Herald", "Originally published by …"),
    /// folded.
    pub credited_names: Vec<String>,
    /// Folded names this article is known by: its outlet, and its file name and URL host as slugs.
    pub known_as: Vec<String>,
    /// The agency that published the article (its outlet or author is an agency), if any.
    pub own_agency: Option<&'static Agency>,
}

pub(crate) use wiretrace_text::FastMap;

/// The language whose month and weekday names are capitalised function words too ("January",
/// "Monday" open no name); the names come from `wiretrace_lang::MONTHS` and `WEEKDAYS`, the one
/// place for them.
const CAPITALISED_CALENDAR_LANGUAGE: &str = "en";

/// Quotation marks that open a quote, with the mark that closes it.
const QUOTE_PAIRS: &[(char, char)] = &[
    ('"', '"'),
    ('“', '”'),
    ('«', '»'),
    ('„', '“'),
    ('„', '”'),
    ('‹', '›'),
];

/// A set of words by their token hashes ([`token_hash`] of the folded word): a token's hash is
/// computed anyway, so a look-up hashes nothing more.
type WordSet = wiretrace_text::FastSet<u64>;

/// [`CAPITALISED_STOP`] and the calendar words, hashed once.
fn capitalised_stop() -> &'static WordSet {
    static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        CAPITALISED_STOP
            .iter()
            .copied()
            .chain(
                wiretrace_lang::MONTHS
                    .iter()
                    .filter(|(l, _)| *l == CAPITALISED_CALENDAR_LANGUAGE)
                    .flat_map(|(_, names)| names.split_whitespace()),
            )
            .chain(
                wiretrace_lang::WEEKDAYS
                    .iter()
                    .filter(|(l, _)| *l == CAPITALISED_CALENDAR_LANGUAGE)
                    .flat_map(|(_, days)| days.iter().copied()),
            )
            .map(token_hash)
            .collect()
    })
}

/// Whether the folded word whose token hash is `h` is a capitalised function word.
fn is_capitalised_stop(h: u64) -> bool {
    capitalised_stop().contains(&h)
}

/// The feature hash of a single word from its token hash: no second pass over the word's bytes.
fn word_feature(kind: Kind, token: u64) -> u64 {
    shingle_hash(token, kind as u64 + 1, 0x5749_5245)
}

fn h(kind: &str, s: &str) -> u64 {
    // One key buffer per thread: hashing a feature allocates nothing.
    thread_local! {
        static KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    KEY.with(|key| {
        let mut key = key.borrow_mut();
        key.clear();
        key.push_str(kind);
        key.push(':');
        key.push_str(s);
        token_hash(&key)
    })
}

fn shingle_hash(a: u64, b: u64, c: u64) -> u64 {
    let x = a.rotate_left(17) ^ b.rotate_left(39) ^ c;
    // SplitMix64 finaliser: a fixed, platform-independent mix.
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Extracts what lineage reads of one article (see [`Detail`]).
pub(crate) fn extract_detail(article: &Article) -> Detail {
    let text = article.text.as_str();
    let Scan {
        mut names,
        mut detail,
        ..
    } = scan(text, true);
    names.sort_unstable();
    names.dedup();
    let mut title: Vec<u64> = article
        .title
        .as_deref()
        .map(|t| tokens(t).map(|x| token_hash(&x.folded)).collect())
        .unwrap_or_default();
    title.sort_unstable();
    title.dedup();
    detail.title = title;
    detail.title_raw = article
        .title
        .as_deref()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    detail.names = names;
    detail.credits = {
        let mut c = credited_agencies(text);
        if let Some(a) = article.author.as_deref().and_then(agency_named) {
            if !c.iter().any(|x| x.code == a.code) {
                c.push(a);
                c.sort_by(|x, y| x.code.cmp(y.code));
            }
        }
        c
    };
    detail.credited_names = crate::credit::credited_names(text);
    detail.known_as = known_as(article);
    detail.own_agency = own_agency(article);
    detail
}

/// What one pass over a text's paragraphs yields.
struct Scan {
    /// Word 3-gram hashes, in text order (empty when scanning for detail).
    shingles: Vec<u32>,
    /// The number of 3-grams of the longest paragraph.
    largest_paragraph: u32,
    /// Language-independent content features: names, spans and figures (empty when scanning for
    /// detail). Terms and quotations are story anchors' business (see [`crate::anchors`]), so they are
    /// not hashed here.
    content: Vec<(u64, Kind)>,
    /// Name hashes, in text order.
    names: Vec<u64>,
    /// Paragraph and sentence detail (empty unless asked for).
    detail: Detail,
}

/// Scans a text paragraph by paragraph: 3-grams, names and the names, spans and figures lineage
/// compares, or (with `detail`) the paragraph and sentence detail instead of the 3-grams and those.
fn scan(text: &str, detail: bool) -> Scan {
    let mut shingles = Vec::new();
    let mut largest_paragraph = 0u32;
    let mut paragraph_shingles = Vec::new();
    let mut paragraph_quoted = Vec::new();
    let mut content: Vec<(u64, Kind)> = Vec::new();
    let mut names = Vec::new();
    let mut sentences = Vec::new();
    let mut sentence_facts = Vec::new();
    let want_content = !detail;

    for para in text.split("\n\n") {
        let toks: Vec<_> = tokens(para).collect();
        let hashes: Vec<u64> = toks.iter().map(|t| token_hash(&t.folded)).collect();
        let mut ps = Vec::with_capacity(hashes.len().saturating_sub(2));
        for w in hashes.windows(3) {
            ps.push(shingle_hash(w[0], w[1], w[2]) as u32);
        }
        if hashes.len() < 3 && !hashes.is_empty() {
            // Short paragraphs (credit lines, one-word datelines) still count as one shingle.
            let mut acc = 0u64;
            for x in &hashes {
                acc = shingle_hash(acc, *x, 0);
            }
            ps.push(acc as u32);
        }
        largest_paragraph = largest_paragraph.max(ps.len() as u32);
        if !detail {
            shingles.extend_from_slice(&ps);
        }
        if detail {
            let ranges = quote_ranges(para);
            let quoted_tok: Vec<bool> = toks
                .iter()
                .map(|t| {
                    ranges
                        .iter()
                        .any(|&(a, b)| (t.start as usize) >= a && (t.end as usize) <= b)
                })
                .collect();
            let pq: Vec<bool> = if quoted_tok.len() >= 3 {
                quoted_tok.windows(3).map(|w| w.iter().any(|q| *q)).collect()
            } else {
                vec![quoted_tok.iter().any(|q| *q); ps.len()]
            };
            paragraph_quoted.push(pq);
            paragraph_shingles.push(ps);
        }

        let mut name_at: Vec<(usize, u64)> = Vec::new();
        let mut figure_at: Vec<usize> = Vec::new();
        let mut starts: Vec<usize> = vec![0];
        let mut span: Vec<&str> = Vec::new();
        let flush = |span: &mut Vec<&str>, content: &mut Vec<(u64, Kind)>| {
            if want_content && span.len() >= 2 {
                content.push((h(Kind::Span.tag(), &span.join(" ")), Kind::Span));
            }
            span.clear();
        };
        let mut prev_end = 0usize;
        for (i, t) in toks.iter().enumerate() {
            let surface = &para[t.start as usize..t.end as usize];
            let gap = &para[prev_end..t.start as usize];
            prev_end = t.end as usize;
            let sentence_start =
                i == 0 || gap.contains(['.', '!', '?', ':', '"', '“', '«', '„', '\n', '(', '—', '–']);
            if i > 0 && gap.contains(['.', '!', '?']) {
                starts.push(i);
            }
            if !gap.trim().is_empty() && !gap.trim().chars().all(|c| c == '-' || c == '\'') {
                flush(&mut span, &mut content);
            }
            let first = surface.chars().next().unwrap_or(' ');
            let is_digit = surface.chars().any(|c| c.is_ascii_digit());
            if is_digit && !want_content {
                figure_at.push(i);
                flush(&mut span, &mut content);
                continue;
            }
            if is_digit {
                let norm: String = t.folded.chars().filter(|c| *c != ',' && *c != '.').collect();
                content.push((h(Kind::Figure.tag(), &norm), Kind::Figure));
                flush(&mut span, &mut content);
                continue;
            }
            let capitalised = first.is_uppercase();
            let stop = capitalised && is_capitalised_stop(hashes[i]);
            if capitalised && !stop && !sentence_start {
                let hh = word_feature(Kind::Name, hashes[i]);
                if want_content {
                    content.push((hh, Kind::Name));
                }
                names.push(hh);
                name_at.push((i, hh));
                span.push(&t.folded);
            } else if capitalised && !stop && !span.is_empty() {
                span.push(&t.folded);
            } else {
                flush(&mut span, &mut content);
            }
            // A capitalised sentence-initial word may start a span ("Jack McConnell said").
            if capitalised && !stop && sentence_start && span.is_empty() {
                span.push(&t.folded);
                if toks
                    .get(i + 1)
                    .is_none_or(|n| !para[n.start as usize..].starts_with(char::is_uppercase))
                {
                    span.clear();
                }
            }
        }
        flush(&mut span, &mut content);
        starts.push(toks.len());
        for w in starts.windows(2).filter(|_| detail) {
            let (a, b) = (w[0], w[1]);
            if b < a + 3 {
                continue;
            }
            let sh: Vec<u32> = hashes[a..b]
                .windows(3)
                .map(|x| shingle_hash(x[0], x[1], x[2]) as u32)
                .collect();
            let mut nm: Vec<u64> = name_at
                .iter()
                .filter(|(k, _)| *k >= a && *k < b)
                .map(|(_, n)| *n)
                .collect();
            nm.sort_unstable();
            nm.dedup();
            sentences.push((sh, nm));
            let mut at: Vec<u32> = figure_at
                .iter()
                .copied()
                .chain(name_at.iter().map(|(k, _)| *k))
                .filter(|k| *k >= a && *k < b)
                .map(|k| (k - a) as u32)
                .collect();
            at.sort_unstable();
            sentence_facts.push(at);
        }
    }
    Scan {
        shingles,
        largest_paragraph,
        content,
        names,
        detail: Detail {
            paragraph_shingles,
            paragraph_quoted,
            sentences,
            sentence_facts,
            ..Detail::default()
        },
    }
}

/// Extracts the evidence of one article: shingles, content features, title, credits, agency.
pub(crate) fn extract(article: &Article) -> Features {
    let Scan {
        mut shingles,
        largest_paragraph,
        content,
        ..
    } = scan(&article.text, false);
    shingles.sort_unstable();
    shingles.dedup();
    // Lineage compares versions by the names, spans and figures they carry.
    let mut facts: Vec<u64> = content.iter().map(|(h, _)| *h).collect();
    facts.sort_unstable();
    facts.dedup();
    let lead_weekdays = crate::anchors::lead_weekdays(article.title.as_deref(), &article.text);
    Features {
        time: article.published.map(|t| t.timestamp()),
        shingles,
        language: article.language.clone(),
        facts,
        anchors: anchor_features(article),
        paragraphs: article
            .text
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
            .count() as u32,
        largest_paragraph,
        lead_weekdays,
        event_day: article.published.and_then(|t| {
            let dates = crate::anchors::lead_dates(article.title.as_deref(), &article.text);
            crate::anchors::event_day(lead_weekdays, &dates, t.timestamp())
        }),
    }
}

/// The article's story anchors, hashed and merged: one entry per distinct anchor with its summed
/// lead-weighted count.
fn anchor_features(article: &Article) -> Vec<(u64, Kind, f32, u32)> {
    let text = article.text.as_str();
    // Byte offsets where each text paragraph starts: an occurrence's paragraph is found from where
    // its surface lies in the text (the headline's occurrences lie outside it).
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices("\n\n").map(|(k, _)| k + 2))
        .collect();
    let base = text.as_ptr() as usize;
    let paragraph = |surface: &str| {
        let at = (surface.as_ptr() as usize).wrapping_sub(base);
        if at < text.len() {
            starts.partition_point(|&s| s <= at) as u32
        } else {
            0
        }
    };
    let mut v: Vec<(u64, Kind, f32, u32)> = crate::anchors::occurrences(article.title.as_deref(), text)
        .into_iter()
        .map(|a| (a.key, a.kind, a.weight, paragraph(a.surface)))
        .collect();
    v.sort_unstable_by_key(|x| x.0);
    let mut out: Vec<(u64, Kind, f32, u32)> = Vec::with_capacity(v.len());
    for x in v {
        match out.last_mut() {
            Some(last) if last.0 == x.0 => {
                last.2 += x.2;
                if last.3 != x.3 {
                    last.3 = SPREAD;
                }
            }
            _ => out.push(x),
        }
    }
    out
}

/// The paragraph of an anchor that occurs in more than one paragraph (see [`Features::anchors`]).
pub(crate) const SPREAD: u32 = u32::MAX;

/// Folded identifiers of an article for matching credit lines: outlet, file name, URL host.
fn known_as(article: &Article) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(o) = &article.outlet {
        out.push(crate::credit::slug(o));
    }
    if let Some(f) = article.path.rsplit(['/', '\\']).next() {
        out.push(crate::credit::slug(f));
    }
    if let Some(host) = article
        .url
        .as_deref()
        .and_then(|u| u.split("//").nth(1))
        .and_then(|r| r.split('/').next())
    {
        out.push(crate::credit::slug(host));
    }
    out
}

/// The agency that published an article: its outlet names an agency, or its URL's host, folder or file
/// name does. A byline naming an agency is a credit, not a publisher: copies keep "By AFP".
fn own_agency(article: &Article) -> Option<&'static Agency> {
    let keys = path_keys();
    if let Some(a) = article
        .outlet
        .as_deref()
        .and_then(crate::credit::agency_in_outlet)
    {
        return Some(a);
    }
    let host = article
        .url
        .as_deref()
        .and_then(|u| u.split("//").nth(1))
        .and_then(|r| r.split('/').next());
    if let Some(host) = host {
        let host = fold(host.trim_start_matches("www."));
        let label = host.split('.').next().unwrap_or("");
        let found = crate::credit::AGENCIES
            .iter()
            .zip(keys)
            .find(|(_, k)| k.host_labels.iter().any(|n| n == label));
        if let Some((a, _)) = found {
            return Some(a);
        }
    }
    // Collections are often filed one folder per outlet ("reuters/…", "associated-press/…"): a folder
    // named exactly like an agency says who published the file.
    let parts: Vec<&str> = article.path.split(['/', '\\']).collect();
    let from_dirs = parts[..parts.len().saturating_sub(1)].iter().rev().find_map(|d| {
        let name = fold(&d.replace(['-', '_'], " "));
        crate::credit::AGENCIES
            .iter()
            .zip(keys)
            .find(|(_, k)| k.folder_names.contains(&name))
            .map(|(a, _)| a)
    });
    if from_dirs.is_some() {
        return from_dirs;
    }
    // A file name such as "2026-06-03-afp-norrail-orders.txt": an agency abbreviation of three letters
    // or more as a whole token of the name (two-letter ones are too ambiguous).
    let stem = parts
        .last()
        .map(|f| f.split('#').next().unwrap_or(f))
        .unwrap_or("");
    let stem = stem.rsplit_once('.').map(|(s, _)| s).unwrap_or(stem);
    let tokens: Vec<String> = stem.split(['-', '_', ' ', '.']).map(fold).collect();
    crate::credit::AGENCIES
        .iter()
        .zip(keys)
        .find(|(_, k)| k.long_abbreviations.iter().any(|ab| tokens.contains(ab)))
        .map(|(a, _)| a)
}

/// How one agency can appear in an article's URL host, folder names and file name (folded).
struct PathKeys {
    /// Host labels: a name without spaces or hyphens, or an abbreviation.
    host_labels: Vec<String>,
    /// Folder names: a name with hyphens as spaces, or an abbreviation of three letters or more.
    folder_names: Vec<String>,
    /// Abbreviations of three letters or more (two-letter ones are too ambiguous in file names).
    long_abbreviations: Vec<String>,
}

/// [`PathKeys`] of each agency, in the order of [`crate::credit::AGENCIES`], built once.
fn path_keys() -> &'static [PathKeys] {
    static KEYS: std::sync::OnceLock<Vec<PathKeys>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        crate::credit::AGENCIES
            .iter()
            .map(|a| {
                let long: Vec<String> = a
                    .abbreviations
                    .iter()
                    .filter(|ab| ab.len() >= 3)
                    .map(|ab| fold(ab))
                    .collect();
                PathKeys {
                    host_labels: a
                        .names
                        .iter()
                        .map(|n| n.replace([' ', '-'], ""))
                        .chain(a.abbreviations.iter().map(|ab| fold(ab)))
                        .collect(),
                    folder_names: a
                        .names
                        .iter()
                        .map(|n| n.replace('-', " "))
                        .chain(long.iter().cloned())
                        .collect(),
                    long_abbreviations: long,
                }
            })
            .collect()
    })
}

/// Returns the byte ranges of the insides of quotations in a paragraph (between matching marks).
pub(crate) fn quote_ranges(para: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // Every opening mark but '"' is outside ASCII: most paragraphs are ruled out by a byte scan.
    if !para.bytes().any(|b| b == b'"' || b >= 0x80) {
        return out;
    }
    let mut base = 0usize;
    while let Some((i, open)) = para[base..]
        .char_indices()
        .find(|(_, c)| QUOTE_PAIRS.iter().any(|(o, _)| o == c))
    {
        let after = base + i + open.len_utf8();
        let closes: Vec<char> = QUOTE_PAIRS
            .iter()
            .filter(|(o, _)| *o == open)
            .map(|(_, c)| *c)
            .collect();
        match para[after..].char_indices().find(|(_, c)| closes.contains(c)) {
            Some((j, close)) => {
                out.push((after, after + j));
                base = after + j + close.len_utf8();
            }
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quoted passages of a paragraph of three words or more, trimmed.
    fn quotes(para: &str) -> Vec<&str> {
        quote_ranges(para)
            .into_iter()
            .map(|(a, b)| para[a..b].trim())
            .filter(|q| q.split_whitespace().count() >= 3)
            .collect()
    }

    #[test]
    fn names_spans_and_figures_are_found() {
        let a = Article::new(
            "x",
            "Officials said Jack McConnell met Angela Ruiz in Lisbon on Monday. \"We will rebuild every home,\" he said, pledging 2,000 euros.",
        );
        let f = scan(&a.text, false);
        let hash = |k: Kind, s: &str| match k {
            Kind::Name | Kind::Term => word_feature(k, token_hash(s)),
            _ => h(k.tag(), s),
        };
        let has = |k: Kind, s: &str| f.content.iter().any(|(x, kk)| *kk == k && *x == hash(k, s));
        assert!(has(Kind::Span, "jack mcconnell"));
        assert!(has(Kind::Span, "angela ruiz"));
        assert!(has(Kind::Name, "lisbon"));
        assert!(
            !has(Kind::Name, "officials"),
            "sentence-initial words are not names"
        );
        assert!(!has(Kind::Name, "monday"), "weekdays are not names");
        assert!(has(Kind::Figure, "2000"));
        assert!(
            f.content
                .iter()
                .all(|(_, k)| matches!(k, Kind::Span | Kind::Name | Kind::Figure)),
            "only what lineage compares is hashed"
        );
    }

    #[test]
    fn quotes_in_several_styles() {
        assert_eq!(
            quotes("Il a dit « nous allons gagner demain » hier."),
            ["nous allons gagner demain"]
        );
        assert_eq!(
            quotes("Er sagte „wir schaffen das schon“ gestern."),
            ["wir schaffen das schon"]
        );
        assert!(quotes("a \"short\" one").is_empty());
    }

    #[test]
    fn intersection_counts_common_items() {
        assert_eq!(intersect_count(&[1, 3, 5, 7], &[3, 4, 5, 8]), 2);
    }
}
