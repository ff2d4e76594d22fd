//! An HTML page → its publication date, and where the date came from, as htmldate finds it.
//!
//! The clues are tried from the most to the least explicit; the first one that gives a readable date
//! wins, and its name is recorded as the article's `published_from`:
//!
//! | order | `published_from` | clue |
//! |---|---|---|
//! | 1 | `meta` | a `meta` naming the publication date, in the many spellings CMSs use ([`PUBLISHED_META`]); read first, as htmldate reads the header first; a generic one (`date`, `DC.date`, `created`: [`GENERIC_META`]) only when the article's own first mark (rows 2–6, else the one day the main text's short date lines state) is at most a day away |
//! | 2 | `json-ld` | `datePublished` / `dateCreated` of a JSON-LD article (`NewsArticle`, `BlogPosting`…) |
//! | 3 | `json-ld` | `datePublished` of any other JSON-LD object (a `WebPage`), or written in any script of the page |
//! | 4 | `itemprop` | an element marked `itemprop=datePublished` |
//! | 5 | `headline` | a date line in the article's header, the small block around the page's `<h1>` (kicker, headline, byline, date; never an `<h1>` holding the site's logo or name): short lines only, a "published" date first, else the one day they all state |
//! | 6 | `time` | a `<time pubdate>`, else the first `<time datetime>` of the article, else of the page |
//! | 7 | `url` | a full date in the page's URL (`/2026/01/08/`, `2026-01-08`, one number group `20260108` or day-first `08-01-2026` when day and month cannot be swapped) |
//! | 8 | `text` | a visible date: after a "Published / Veröffentlicht / Publié…" word (or before a closing participle, "am 3. Mai 2026 veröffentlicht"), else in a short date line (an element whose class names a date), else a "published" line in teaser classes inside the main text, else the first one in a short block or opening a paragraph (a dateline) of the article, else of the page, each only when all such dates state the same day (a forum's or a portal's dates conflict: no date); a date inside prose is an event's, never the page's |
//! | 9 | `teaser` | the page's own teaser: a link to the page's own path in a list of latest articles, with one date beside it |
//! | 10 | `modified` | the modification date (`article:modified_time`, JSON-LD `dateModified`), when nothing else dates the page |
//! | 11 | `stamp` | the page's visible change stamp ("Diese Seite wurde zuletzt am … geändert", "Stand: …", "Last updated …"), footers included, when every such line states one day |
//! | 12 | `image` | a date in the lead image's URL path (`og:image`, `twitter:image`), the weakest clue |
//!
//! Then corrections: a markup date (rows 1–4) gives way to the modification day when that is the only
//! day the page shows (every visible date line states it, the markup's day is written nowhere visible:
//! `revision`, a re-dated article); a winner more than a day after the page's URL date gives way to the URL's
//! (a re-publication; the URL was minted first); a winner in UTC takes the publisher's offset when
//! the page writes the same instant in local time elsewhere, else the URL's day when it is one day
//! off, else the neighbouring day (reachable by a real UTC offset) that the page's date lines alone show. A date element whose visible text states
//! another day than its attribute gives the visible day; explicit date marks that all agree date the
//! page even from a sidebar or footer.
//!
//! Never read as the publication date: a date after an "Updated / Aktualisiert / Mis à jour…" word,
//! dates in comment sections, teaser lists and navigation, in sidebars and footers outside the article's own
//! box (an `<article>` or post/entry element around the main text; a post's own `post-footer` or
//! `entry-footer` is the article's), and bare years (a copyright line has no
//! day). Visible dates are read with the multilingual tables of [`wiretrace_lang::date_words`].

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use ego_tree::iter::Edge;
use scraper::{node::Node, ElementRef, Html, Selector};

use crate::date::{dates_in_text, parse_date_local as parse_date, Cue, TextDate};

/// A publication date and the clue it came from (see the module table).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PageDate {
    /// In the offset the page wrote it in (`+00:00` when it gave none), so its own calendar day is known.
    pub(crate) when: DateTime<FixedOffset>,
    pub(crate) from: &'static str,
}

/// Page-level clues already read by the HTML reader.
pub(crate) struct Clues<'a> {
    /// Every `meta` as (lowercased key, content).
    pub(crate) metas: &'a [(String, String)],
    /// `datePublished` (or `dateCreated`) of JSON-LD article objects, in page order.
    pub(crate) ld_article: &'a [String],
    /// `datePublished` of other JSON-LD objects, in page order.
    pub(crate) ld_other: &'a [String],
    /// JSON-LD `dateModified` values.
    pub(crate) ld_modified: &'a [String],
    /// The page's URLs (canonical, `og:url`), best first.
    pub(crate) urls: &'a [&'a str],
}

/// `meta` names, properties and itemprops that give the publication date (lowercase), best first.
/// The spellings of the major CMSs, Open Graph, Dublin Core, Highwire/citation and news sitemaps.
const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "date_published",
    "publish_date",
    "publish-date",
    "publishdate",
    "published_time",
    "published-date",
    "published_date",
    "publication_date",
    "publication-date",
    "pubdate",
    "article.published",
    "article_date_original",
    "article.created",
    "originalpublicationdate",
    "original-publish-date",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "dc.date.issued",
    "dc.date.created",
    "dc.date.publication",
    "dcterms.issued",
    "dcterms.created",
    "dcterms.date",
    "dc.date",
    "dc:date",
    "dc.created",
    "dc:created",
    "sailthru.date",
    "parsely-pub-date",
    "bt:pubdate",
    "rnews:datepublished",
    "release_date",
    "video:release_date",
    "vr:published_time",
    "shareaholic:article_published_time",
    "twt-published-at",
    "datecreated",
    "dateposted",
    "date",
    "created",
];

/// The [`PUBLISHED_META`] names that say only "a date" or "created" of the page's record, not its
/// publication: CMSs fill them with the record's creation or last edit time (a TYPO3 `date` a week after
/// the notice, a Dublin Core date of the template). They date the page unless one of the article's own
/// explicit marks (JSON-LD, `itemprop`, the header's date line, `<time>`, else the one day all short date
/// lines of the main text state) states a day more than
/// [`GENERIC_META_SLACK_DAYS`] away.
const GENERIC_META: &[&str] = &[
    "dcterms.created",
    "dcterms.date",
    "dc.date",
    "dc:date",
    "dc.created",
    "dc:created",
    "datecreated",
    "dateposted",
    "date",
    "created",
];

/// Days a generic meta date may differ from the article's own mark and still date the page: a day
/// apart is a time zone or an overnight edit (the meta is often the publisher's local day).
const GENERIC_META_SLACK_DAYS: i64 = 1;

/// `meta` names giving the last modification date: the last resort.
const MODIFIED_META: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
];

/// Class and id tokens of elements whose subtree never dates the page: comments, teasers of other
/// stories, lists of recent or popular ones.
const NOT_THE_PAGE: &[&str] = &[
    "comment",
    "comments",
    "kommentar",
    "kommentare",
    "reply",
    "replies",
    "related",
    "recent",
    "teaser",
    "teasers",
    "popular",
    "trending",
    "newsticker",
];

/// Class and id tokens of page furniture (sidebars, widgets, footers) that does not date the page
/// when it stands apart from the article, but does when it sits inside the article's own box (a
/// post footer or a meta sidebar that holds the article's date, as blog and CMS templates write it).
const PAGE_FURNITURE: &[&str] = &["sidebar", "widget", "footer"];

/// Tags that are page furniture in the sense of [`PAGE_FURNITURE`].
const FURNITURE_TAGS: &[&str] = &["aside", "footer"];

/// Class and id tokens of the box that holds one article with its meta lines (`<article>` is one by
/// its tag): the smallest such box around the main text is the article's own.
const ARTICLE_BOX_TOKENS: &[&str] = &["post", "hentry", "entry", "article", "story", "news", "node"];

/// Class and id tokens of elements that hold a date line ("date", "posted-on", "entry-meta"…).
const DATE_LINE_TOKENS: &[&str] = &[
    "date",
    "datum",
    "fecha",
    "data",
    "time",
    "timestamp",
    "published",
    "publish",
    "pubdate",
    "posted",
    "postdate",
    "dateline",
    "byline",
    "meta",
    "entrymeta",
    "postmeta",
    "info",
];

static TIME_PUBDATE: LazyLock<Selector> = LazyLock::new(|| {
    sel("time[pubdate], time[itemprop=datePublished], abbr.published[title], abbr.dtpublished[title]")
});
static TIME: LazyLock<Selector> = LazyLock::new(|| sel("time"));
static ITEMPROP_PUBLISHED: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        "[itemprop=datePublished], [itemprop=dateCreated], [property='schema:datePublished'], \
             [property='schema:dateCreated'], [property=datePublished]",
    )
});
static BODY: LazyLock<Selector> = LazyLock::new(|| sel("body"));
static SCRIPT: LazyLock<Selector> = LazyLock::new(|| sel("script"));

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector is valid")
}

/// Elements skipped by the visible-text search (no visible text, or not the page's own).
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "select", "option", "head", "nav", "button",
    "input", "textarea",
];

/// Returns the page's publication date and its clue (see the module table), or `None`.
pub(crate) fn publication_date(
    doc: &Html,
    raw: &str,
    root: Option<ElementRef<'_>>,
    clues: &Clues<'_>,
) -> Option<PageDate> {
    let url = clues
        .urls
        .iter()
        .find_map(|u| url_date(u))
        .map(|d| d.fixed_offset());
    let mut chosen = clue_date(doc, root, clues, url)?;
    if let Some(shown) = shown_revision(doc, root, clues, &chosen) {
        chosen = PageDate {
            when: shown,
            from: "revision",
        };
    }
    if chosen.when.offset().local_minus_utc() == 0 {
        chosen.when = local_spelling(raw, chosen.when).unwrap_or(chosen.when);
    }
    if chosen.when.offset().local_minus_utc() == 0 && !matches!(chosen.from, "text" | "url") {
        // A markup value (not a day read from the visible text, whose day is the page's own).
        let machine_value = matches!(chosen.from, "meta" | "json-ld" | "itemprop" | "time" | "modified");
        if let Some(day) = visible_neighbour_day(doc, root, chosen.when.naive_utc(), machine_value) {
            chosen.when = day.and_time(NaiveTime::MIN).and_utc().fixed_offset();
        }
    }
    // A URL's date is minted when the page is first published: a later stated date is a re-publication.
    match url {
        Some(u) if (chosen.when.date_naive() - u.date_naive()).num_days() > URL_DATE_SLACK_DAYS => {
            Some(PageDate { when: u, from: "url" })
        }
        // A UTC instant near midnight falls on a neighbouring day of the publisher's calendar; the URL
        // was minted on the publisher's day.
        Some(u)
            if chosen.when.offset().local_minus_utc() == 0
                && (chosen.when.date_naive() - u.date_naive()).num_days().abs() == 1 =>
        {
            Some(PageDate { when: u, from: "url" })
        }
        _ => Some(chosen),
    }
}

/// The page's modification day when it is the only day the page shows: every visible date line (short
/// blocks and date-line classes, "updated" lines included; never teasers) states the day of the
/// modification date (`article:modified_time`, JSON-LD `dateModified`), a day after the chosen one, and
/// the chosen day is written nowhere in the visible text. The publisher re-dated the article: the
/// reader sees only the revision's day ("Updated June 13, 2026", or a bare date line), and the earlier
/// day lives only in the markup (a recipe's first upload, an evergreen article's first version).
fn shown_revision(
    doc: &Html,
    root: Option<ElementRef<'_>>,
    clues: &Clues<'_>,
    chosen: &PageDate,
) -> Option<DateTime<FixedOffset>> {
    if !matches!(chosen.from, "meta" | "json-ld" | "itemprop") {
        return None;
    }
    let modified = meta_date(clues.metas, MODIFIED_META).or_else(|| first_date(clues.ld_modified))?;
    let day = modified.date_naive();
    if day <= chosen.when.date_naive() {
        return None;
    }
    let body = doc.select(&BODY).next()?;
    let seen = visible_dates(body, root);
    if seen.iter().any(|s| s.date.date == chosen.when.date_naive()) {
        return None;
    }
    let lines = seen
        .iter()
        .filter(|s| !s.in_teaser && (s.short || s.in_date_line));
    let shown = unanimous(lines)?;
    (shown.date.date == day).then(|| midnight(shown.date))
}

/// The same instant as `utc` written elsewhere in the page with the publisher's own UTC offset (a
/// JSON-LD date in UTC beside a script or meta in local time): its calendar day is the publisher's.
fn local_spelling(raw: &str, utc: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
    // Local days are at most one day away, and so are their years.
    use chrono::Datelike;
    let years: Vec<String> = (utc.year() - 1..=utc.year() + 1)
        .map(|y| format!("{y:04}-"))
        .collect();
    let mut at = 0;
    while let Some(p) = raw[at..].find(|c: char| c.is_ascii_digit()) {
        let start = at + p;
        let rest = &raw[start..];
        let len = rest
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | ':' | '+' | 'T' | '.')))
            .unwrap_or(rest.len());
        at = start + len.max(1);
        let cand = &rest[..len];
        if cand.len() < 22 || !years.iter().any(|y| cand.starts_with(y.as_str())) {
            continue;
        }
        if let Ok(d) = DateTime::parse_from_rfc3339(cand)
            .or_else(|_| DateTime::parse_from_str(cand, "%Y-%m-%dT%H:%M:%S%z"))
        {
            if d.offset().local_minus_utc() != 0 && d == utc {
                return Some(d);
            }
        }
    }
    None
}

/// The day the page shows beside a UTC publication instant when it is the next or previous day and the
/// instant's own day is not shown: a UTC time near midnight falls on a neighbouring day of the
/// publisher's calendar, and the visible date line states that day. A bare day (a date-only meta,
/// read as midnight UTC, when `machine_value`: from markup, not from the page's visible lines) may have
/// been computed in another zone than the page's: either neighbour. Only one such day, and only from
/// date lines (short blocks, date-line classes), never from prose or an "updated" line.
fn visible_neighbour_day(
    doc: &Html,
    root: Option<ElementRef<'_>>,
    utc: chrono::NaiveDateTime,
    machine_value: bool,
) -> Option<NaiveDate> {
    let utc_day = utc.date();
    // A bare day (midnight UTC: a date-only value) was written in an unknown zone: both neighbouring
    // days are as reachable as for any instant.
    let day_only = machine_value && utc.time() == NaiveTime::MIN;
    let reachable = |d: NaiveDate| {
        if day_only {
            return (d - utc_day).num_days().abs() == 1;
        }
        let local_midnight = d.and_time(NaiveTime::MIN);
        let hours = (utc - local_midnight).num_minutes() as f64 / 60.0;
        // The local day `d` holds the instant for some real offset when it starts at most the
        // eastmost offset before it and ends at most the westmost offset after it.
        (-MAX_EAST_OFFSET_HOURS..24.0 + MAX_WEST_OFFSET_HOURS).contains(&hours) && d != utc_day
    };
    let body = doc.select(&BODY).next().unwrap_or_else(|| doc.root_element());
    let seen = visible_dates(body, root);
    let lines: Vec<NaiveDate> = seen
        .iter()
        .filter(|s| s.date.cue != Cue::Updated && !s.in_teaser && (s.short || s.in_date_line))
        .map(|s| s.date.date)
        .collect();
    if lines.contains(&utc_day) {
        return None;
    }
    let mut near = lines.into_iter().filter(|d| reachable(*d));
    let first = near.next()?;
    near.all(|d| d == first).then_some(first)
}

/// The largest UTC offsets in use (UTC+14, UTC−12): a local day other than the UTC day must be
/// reachable by one of them to hold the same instant.
const MAX_EAST_OFFSET_HOURS: f64 = 14.0;
const MAX_WEST_OFFSET_HOURS: f64 = 12.0;

/// Days a stated date may fall after the date in the page's URL before the URL's date is taken as the
/// original publication (time zones and overnight edits move a stated date by a day).
const URL_DATE_SLACK_DAYS: i64 = 1;

/// The date of the first clue of the module table that gives one.
fn clue_date(
    doc: &Html,
    root: Option<ElementRef<'_>>,
    clues: &Clues<'_>,
    url: Option<DateTime<FixedOffset>>,
) -> Option<PageDate> {
    let found =
        |when: Option<DateTime<FixedOffset>>, from: &'static str| when.map(|when| PageDate { when, from });
    let specific: Vec<&str> = PUBLISHED_META
        .iter()
        .copied()
        .filter(|k| !GENERIC_META.contains(k))
        .collect();
    found(meta_date(clues.metas, &specific), "meta")
        .or_else(|| found(generic_meta_date(doc, root, clues), "meta"))
        .or_else(|| found(first_date(clues.ld_article), "json-ld"))
        .or_else(|| found(first_date(clues.ld_other), "json-ld"))
        .or_else(|| found(script_date(doc), "json-ld"))
        .or_else(|| found(itemprop_date(doc, root), "itemprop"))
        .or_else(|| found(headline_date(doc, root), "headline"))
        .or_else(|| found(time_date(doc, root), "time"))
        .or_else(|| found(url, "url"))
        .or_else(|| found(text_date(doc, root), "text"))
        .or_else(|| found(self_teaser_date(doc, clues.urls), "teaser"))
        .or_else(|| {
            found(
                meta_date(clues.metas, MODIFIED_META).or_else(|| first_date(clues.ld_modified)),
                "modified",
            )
        })
        .or_else(|| found(page_stamp_date(doc), "stamp"))
        .or_else(|| found(lead_image_date(clues.metas), "image"))
}

/// Longest block read for the page's own change stamp ("Diese Seite wurde zuletzt am … geändert.",
/// "[Stand: 09.10.2026, 10:40 Uhr]", "Last updated: 3 May 2026"): a stamp is one line, while a longer
/// block around an "updated" word is prose about something else.
const STAMP_MAX_CHARS: usize = 120;

/// The page's visible change stamp, when nothing else dates it: the one day that every short line
/// holding a date after an "updated / zuletzt / Stand" word ([`wiretrace_lang::date_words::UPDATED_WORDS`])
/// states, anywhere in the page's visible text but comments and teasers, footers included (wikis,
/// portals and city pages stamp their last change there). A page with stamps of different days (a
/// list of changed items) gets none. It is a modification date, so it comes after every publication
/// clue and after the modification metas.
fn page_stamp_date(doc: &Html) -> Option<DateTime<FixedOffset>> {
    let body = doc.select(&BODY).next()?;
    let mut agreed: Option<NaiveDate> = None;
    for line in block_lines(body, None, true) {
        let line = line.trim();
        if line.chars().count() > STAMP_MAX_CHARS {
            continue;
        }
        for d in dates_in_text(line).into_iter().filter(|d| d.cue == Cue::Updated) {
            if agreed.is_some_and(|a| a != d.date) {
                return None;
            }
            agreed = Some(d.date);
        }
    }
    agreed.map(|d| d.and_time(NaiveTime::MIN).and_utc().fixed_offset())
}

/// `meta` names whose content is the page's lead image (the picture shared with the page).
const LEAD_IMAGE_META: &[&str] = &[
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "twitter:image",
    "twitter:image:src",
];

/// The date in the lead image's URL path (`/files/2026/03/05/x.png`, `/2026-03-05-x.jpg`), the last and
/// weakest clue: an image is uploaded for the page, usually the day it is published. Only path forms
/// with separators (a bare eight-digit number in a file name is a camera's shot time), and only when
/// every lead image states the same day.
fn lead_image_date(metas: &[(String, String)]) -> Option<DateTime<FixedOffset>> {
    let mut days = metas
        .iter()
        .filter(|(k, _)| LEAD_IMAGE_META.contains(&k.as_str()))
        .filter_map(|(_, v)| path_date(v));
    let first = days.next()?;
    days.all(|d| d.date_naive() == first.date_naive())
        .then(|| first.fixed_offset())
}

/// Longest text around a link to the page itself read as that link's teaser (headline, date line, a
/// short standfirst): a larger block is a list of several teasers.
const TEASER_MAX_CHARS: usize = 320;

/// Levels climbed from a link to the page itself to find its teaser's date line.
const TEASER_MAX_LEVELS: usize = 4;

/// Class and id tokens of comment sections: a link there to the page itself is a comment's permalink,
/// and the date beside it is the comment's.
const COMMENT_TOKENS: &[&str] = &[
    "comment",
    "comments",
    "kommentar",
    "kommentare",
    "reply",
    "replies",
];

/// The date of the page's own teaser: CMS pages list the latest articles, the page itself among them,
/// each with its date line, when the article's own header shows no date. A link to the page's own path
/// (canonical, `og:url`; never the site's home, never a fragment link such as a comment's permalink)
/// whose teaser (the smallest block around it of at most [`TEASER_MAX_CHARS`] that holds a date,
/// at most [`TEASER_MAX_LEVELS`] up) states one day dates the page, when every such teaser agrees.
fn self_teaser_date(doc: &Html, urls: &[&str]) -> Option<DateTime<FixedOffset>> {
    let own: Vec<&str> = urls.iter().filter_map(|u| url_path(u)).collect();
    if own.is_empty() {
        return None;
    }
    let mut agreed: Option<NaiveDate> = None;
    let mut toks = Vec::new();
    for a in doc.select(&LINK) {
        let Some(href) = a.value().attr("href") else {
            continue;
        };
        if href.contains('#') || !url_path(href).is_some_and(|p| own.contains(&p)) {
            continue;
        }
        let in_comments = a.ancestors().filter_map(ElementRef::wrap).any(|n| {
            toks.clear();
            class_tokens(n.value(), &mut toks);
            toks.iter().any(|t| COMMENT_TOKENS.contains(&t.as_str()))
        });
        if in_comments {
            continue;
        }
        let mut block = a;
        for _ in 0..=TEASER_MAX_LEVELS {
            if !text_at_most(block, TEASER_MAX_CHARS) {
                break;
            }
            let text: String = block.text().collect::<Vec<_>>().join(" ");
            let dates: Vec<TextDate> = dates_in_text(&text)
                .into_iter()
                .filter(|d| d.cue != Cue::Updated)
                .collect();
            if let Some(first) = dates.first() {
                if dates.iter().any(|d| d.date != first.date) || agreed.is_some_and(|g| g != first.date) {
                    return None;
                }
                agreed = Some(first.date);
                break;
            }
            match block.parent().and_then(ElementRef::wrap) {
                Some(up) if !matches!(up.value().name(), "body" | "html") => block = up,
                _ => break,
            }
        }
    }
    agreed.map(|d| d.and_time(NaiveTime::MIN).and_utc().fixed_offset())
}

static LINK: LazyLock<Selector> = LazyLock::new(|| sel("a[href]"));

/// A URL's path without the scheme, host, query, fragment and trailing slash, when it names a page
/// below the site's home (`/news/crane-falls`); a relative path (`/news/crane-falls`) is read as one.
fn url_path(url: &str) -> Option<&str> {
    let u = url.trim();
    let rest = match u.split_once("://") {
        Some((_, r)) => r.find('/').map_or("", |i| &r[i..]),
        None if u.starts_with("//") => u[2..].find('/').map_or("", |i| &u[2 + i..]),
        None if u.starts_with('/') => u,
        None => return None,
    };
    let path = rest.split(['?', '#']).next().unwrap_or("").trim_end_matches('/');
    (path.len() > 1).then_some(path)
}

/// A date in a URL's path written with separators (`/2026/03/05/`, `2026-03-05`).
fn path_date(url: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    let segs: Vec<&str> = url.split(['/', '?', '#']).collect();
    let number = |s: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    for w in segs.windows(3) {
        if let (Some(y), Some(m), Some(d)) = (number(w[0], 4..=4), number(w[1], 1..=2), number(w[2], 1..=2)) {
            if let Some(date) = chrono::NaiveDate::from_ymd_opt(y as i32, m, d) {
                return Some(date.and_time(NaiveTime::MIN).and_utc());
            }
        }
    }
    crate::date_in_path(url)
}

/// The generic meta date (see [`GENERIC_META`]) unless the article's first explicit mark states a day
/// more than [`GENERIC_META_SLACK_DAYS`] away from it.
fn generic_meta_date(
    doc: &Html,
    root: Option<ElementRef<'_>>,
    clues: &Clues<'_>,
) -> Option<DateTime<FixedOffset>> {
    let generic = meta_date(clues.metas, GENERIC_META)?;
    let own = first_date(clues.ld_article)
        .or_else(|| first_date(clues.ld_other))
        .or_else(|| itemprop_date(doc, root))
        .or_else(|| headline_date(doc, root))
        .or_else(|| time_date(doc, root))
        .or_else(|| root_date_line(doc, root));
    match own {
        Some(o) if (o.date_naive() - generic.date_naive()).num_days().abs() > GENERIC_META_SLACK_DAYS => None,
        _ => Some(generic),
    }
}

/// The day every short date line of the main text states (no cue needed, never an update or a teaser's
/// line), or `None` when they disagree (a list of events or posts).
fn root_date_line(doc: &Html, root: Option<ElementRef<'_>>) -> Option<DateTime<FixedOffset>> {
    root?;
    let body = doc.select(&BODY).next().unwrap_or_else(|| doc.root_element());
    let seen = visible_dates(body, root);
    unanimous(
        seen.iter()
            .filter(|s| s.in_root && s.short && !s.in_teaser && s.date.cue != Cue::Updated),
    )
    .map(|s| midnight(s.date))
}

/// The first date in a date-line-classed short block of the main text ("text_datum", "entry-date"; never
/// an update or a teaser's line): the article's own date line, even when the main text goes on to list
/// other items with their dates.
fn root_first_date_line(doc: &Html, root: Option<ElementRef<'_>>) -> Option<DateTime<FixedOffset>> {
    root?;
    let body = doc.select(&BODY).next().unwrap_or_else(|| doc.root_element());
    visible_dates(body, root)
        .iter()
        .find(|s| s.in_root && s.short && s.in_date_line && !s.in_teaser && s.date.cue != Cue::Updated)
        .map(|s| midnight(s.date))
}

/// A full date in a URL: `/2026/3/5/` path segments (months and days of one or two digits), else a
/// `2026-03-05`-style date anywhere in it.
fn url_date(url: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    path_date(url).or_else(|| segment_date(url))
}

/// Years a date written as a bare number group in a URL may have (`20260305`, `05-03-2026`): other
/// eight-digit groups are identifiers, and years outside the web's age are not publication dates.
const URL_NUMBER_YEARS: std::ops::RangeInclusive<i32> = 1995..=2100;

/// A date written in a URL's path as one number group: `/20260305/` or `…-20260305` (year, month, day
/// without separators), or `/05-03-2026` (day first, as CMSs that name a notice by its day write it).
/// A day-first group whose day and month could be swapped (`03-05-2026`) is ambiguous and read as no
/// date; so is any group glued to more digits (an identifier).
fn segment_date(url: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let path = path.split_once("://").map_or(path, |(_, rest)| rest);
    let path = path.split_once('/').map_or("", |(_, p)| p);
    let groups = path.split(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '.' | '_')));
    let mut found = None;
    for group in groups {
        for part in group
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| p.len() == 8)
        {
            let (y, m, d) = (
                part[..4].parse().ok()?,
                part[4..6].parse().ok()?,
                part[6..].parse().ok()?,
            );
            if URL_NUMBER_YEARS.contains(&y) {
                found = NaiveDate::from_ymd_opt(y, m, d).or(found);
            }
        }
        let nums: Vec<&str> = group.split(['-', '.', '_']).collect();
        for w in nums.windows(3) {
            if w[0].len() > 2 || w[1].len() > 2 || w[2].len() != 4 || w.iter().any(|n| n.is_empty()) {
                continue;
            }
            let (Ok(d), Ok(m), Ok(y)) = (w[0].parse::<u32>(), w[1].parse::<u32>(), w[2].parse::<i32>())
            else {
                continue;
            };
            let ambiguous = d <= 12 && m <= 12 && d != m;
            if !ambiguous && URL_NUMBER_YEARS.contains(&y) {
                found = NaiveDate::from_ymd_opt(y, m, d).or(found);
            }
        }
    }
    found.map(|d| d.and_time(NaiveTime::MIN).and_utc())
}

fn first_date(values: &[String]) -> Option<DateTime<FixedOffset>> {
    values.iter().find_map(|v| parse_date(v))
}

fn meta_date(metas: &[(String, String)], keys: &[&str]) -> Option<DateTime<FixedOffset>> {
    keys.iter().find_map(|k| {
        metas
            .iter()
            .filter(|(mk, _)| mk == k)
            .find_map(|(_, v)| parse_date(v))
    })
}

/// `"datePublished": "…"` written in any script of the page but the JSON-LD already read (JSON-LD
/// that does not parse, or page state such as Next.js data).
fn script_date(doc: &Html) -> Option<DateTime<FixedOffset>> {
    doc.select(&SCRIPT).find_map(|s| {
        let text: String = s.text().collect();
        let read_as_ld = s.value().attr("type") == Some("application/ld+json")
            && serde_json::from_str::<serde::de::IgnoredAny>(text.trim()).is_ok();
        if read_as_ld {
            return None;
        }
        date_after_key(&text)
    })
}

/// The first readable date written as `"datePublished": "…"` in a script's text.
fn date_after_key(raw: &str) -> Option<DateTime<FixedOffset>> {
    const KEY: &str = "\"datePublished\"";
    let mut rest = raw;
    while let Some(p) = rest.find(KEY) {
        rest = &rest[p + KEY.len()..];
        let value = rest.trim_start().strip_prefix(':').map(str::trim_start);
        if let Some(v) = value.and_then(|v| v.strip_prefix('"')) {
            if let Some(end) = v.find('"').filter(|&e| e <= 64) {
                if let Some(d) = parse_date(&v[..end]) {
                    return Some(d);
                }
            }
        }
    }
    None
}

fn itemprop_date(doc: &Html, root: Option<ElementRef<'_>>) -> Option<DateTime<FixedOffset>> {
    doc.select(&ITEMPROP_PUBLISHED)
        .filter(|e| !in_other_content(*e, root))
        .find_map(element_date)
}

/// The date an element states: its `datetime`, `content` or `title` attribute, else its text. When
/// its visible text states another day than the attribute, the reader sees the text's: templates fill
/// the attribute with an edit or build time while the line says "Published on …".
fn element_date(e: ElementRef<'_>) -> Option<DateTime<FixedOffset>> {
    let v = e.value();
    let text: String = e.text().collect::<Vec<_>>().join(" ");
    let seen = || parse_date(&text).or_else(|| plain_text_date(&text));
    let attr = ["datetime", "content", "title"]
        .iter()
        .filter_map(|a| v.attr(a))
        .find_map(parse_date);
    match attr {
        Some(a) => match seen() {
            Some(t) if t.date_naive() != a.date_naive() && text.len() <= VISIBLE_DATE_MAX_BYTES => Some(t),
            _ => Some(a),
        },
        None => seen(),
    }
}

/// Longest visible text of a date element read against its attribute (a date line, not a paragraph).
const VISIBLE_DATE_MAX_BYTES: usize = 120;

/// The first publication (not update) date written in a text, as a UTC midnight.
fn plain_text_date(text: &str) -> Option<DateTime<FixedOffset>> {
    dates_in_text(text)
        .into_iter()
        .find(|d| d.cue != Cue::Updated)
        .map(midnight)
}

fn midnight(d: TextDate) -> DateTime<FixedOffset> {
    d.date.and_time(NaiveTime::MIN).and_utc().fixed_offset()
}

fn time_date(doc: &Html, root: Option<ElementRef<'_>>) -> Option<DateTime<FixedOffset>> {
    let usable = |t: &ElementRef<'_>| !in_other_content(*t, root) && !names_update(t.value());
    doc.select(&TIME_PUBDATE)
        .filter(usable)
        .find_map(element_date)
        .or_else(|| agreed_markup_date(doc))
        .or_else(|| root.and_then(|r| r.select(&TIME).filter(usable).find_map(element_date)))
        .or_else(|| {
            // A `<time>` outside the article (a site header's clock showing today, a teaser's) yields
            // to the main text's own first date line when they state different days.
            let page = doc.select(&TIME).filter(usable).find_map(element_date)?;
            match root_first_date_line(doc, root) {
                Some(own) if own.date_naive() != page.date_naive() => None,
                _ => Some(page),
            }
        })
}

/// Most visible characters of the block around the page's `<h1>` read as the article's header (kicker,
/// headline, byline and date line, a short lead): a larger block holds the article or the page.
const HEADLINE_BLOCK_MAX_CHARS: usize = 800;

static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));

/// The date line of the article's header: the largest element around the page's headline (the first
/// `<h1>` in the article's box, else the first outside navigation, comments and teasers) that holds at
/// most [`HEADLINE_BLOCK_MAX_CHARS`] of text and not the article's text root, read for short date lines (not the headline itself, not
/// sentences, not "updated" dates); a "published" date first, else the day they all state. Templates
/// write the article's own date there, beside the headline, while `<time>` elements elsewhere on the
/// page date comments, teasers and embedded posts. A class naming a teaser inside that block (a
/// `teaser__metadata` byline) is the article's own header.
fn headline_date(doc: &Html, root: Option<ElementRef<'_>>) -> Option<DateTime<FixedOffset>> {
    let boxed = article_box(root).or(root);
    let h1 = boxed
        .and_then(|b| b.select(&H1).find(|h| !names_site(*h)))
        .or_else(|| {
            doc.select(&H1)
                .find(|h| !in_other_content(*h, root) && !names_site(*h))
        })?;
    let mut block = h1;
    while let Some(up) = block.parent().and_then(ElementRef::wrap) {
        if matches!(up.value().name(), "body" | "html")
            || root.is_some_and(|r| holds(up, r))
            || !text_at_most(up, HEADLINE_BLOCK_MAX_CHARS)
        {
            break;
        }
        block = up;
    }
    if block.id() == h1.id() {
        return None;
    }
    let mut dates = Vec::new();
    for line in block_lines(block, Some(h1), false) {
        let line = line.trim();
        if line.chars().count() > DATE_BLOCK_MAX_CHARS || is_sentence(line) {
            continue;
        }
        dates.extend(dates_in_text(line).into_iter().filter(|d| d.cue != Cue::Updated));
    }
    let pick = dates
        .iter()
        .find(|d| d.cue == Cue::Published)
        .or_else(|| dates.first().filter(|f| dates.iter().all(|d| d.date == f.date)))?;
    Some(midnight(*pick))
}

/// Class and id tokens of an `<h1>` that holds the site's name or logo rather than the article's
/// headline (`<h1 id="logo">`, `<h1 class="site-title">`): templates put it before the article's own.
const SITE_TITLE_TOKENS: &[&str] = &["logo", "brand", "site", "sitename", "masthead", "blogname"];

/// True when an `<h1>` or one of its children is marked as the site's name or logo (see
/// [`SITE_TITLE_TOKENS`]).
fn names_site(h1: ElementRef<'_>) -> bool {
    let mut toks = Vec::new();
    std::iter::once(h1)
        .chain(h1.descendants().filter_map(ElementRef::wrap))
        .any(|e| {
            toks.clear();
            class_tokens(e.value(), &mut toks);
            toks.iter().any(|t| SITE_TITLE_TOKENS.contains(&t.as_str()))
        })
}

/// True when the visible text of `e` has at most `max` characters (stops counting past it).
fn text_at_most(e: ElementRef<'_>, max: usize) -> bool {
    let mut n = 0;
    for t in e.text() {
        n += t.trim().chars().count();
        if n > max {
            return false;
        }
    }
    true
}

/// The text of `e`'s blocks (split at block elements), without `skip`'s subtree and invisible elements
/// (and, with `skip_other`, without comments and teasers: [`NOT_THE_PAGE`]).
fn block_lines(e: ElementRef<'_>, skip: Option<ElementRef<'_>>, skip_other: bool) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut toks = Vec::new();
    let mut other = |el: &scraper::node::Element| {
        skip_other && {
            toks.clear();
            class_tokens(el, &mut toks);
            toks.iter().any(|t| NOT_THE_PAGE.contains(&t.as_str()))
        }
    };
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in e.traverse() {
        match edge {
            Edge::Open(n) => {
                if skipping.is_some() {
                    continue;
                }
                match n.value() {
                    Node::Text(t) => {
                        let last = out.last_mut().expect("never empty");
                        last.push_str(t);
                        last.push(' ');
                    }
                    Node::Element(el) => {
                        if skip.is_some_and(|s| s.id() == n.id())
                            || SKIP_TAGS.contains(&el.name())
                            || other(el)
                        {
                            skipping = Some(n.id());
                        } else if crate::html::is_block(el.name()) {
                            out.push(String::new());
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(n) => {
                if skipping == Some(n.id()) {
                    skipping = None;
                } else if skipping.is_none()
                    && matches!(n.value(), Node::Element(el) if crate::html::is_block(el.name()))
                {
                    out.push(String::new());
                }
            }
        }
    }
    out.retain(|l| !l.trim().is_empty());
    out
}

/// The day that every explicit publication mark of the page (`<time pubdate>`, `abbr.published`,
/// `itemprop=datePublished`) outside comments and teasers agrees on, even in a sidebar or footer: a
/// single post's template often puts its date line beside the text, while a page listing several posts
/// has marks that disagree.
fn agreed_markup_date(doc: &Html) -> Option<DateTime<FixedOffset>> {
    let mut toks = Vec::new();
    let mut agreed: Option<DateTime<FixedOffset>> = None;
    for e in doc.select(&TIME_PUBDATE).chain(doc.select(&ITEMPROP_PUBLISHED)) {
        let foreign = std::iter::once(e)
            .chain(e.ancestors().filter_map(ElementRef::wrap))
            .any(|n| {
                toks.clear();
                class_tokens(n.value(), &mut toks);
                n.value().name() == "nav" || toks.iter().any(|t| NOT_THE_PAGE.contains(&t.as_str()))
            });
        if foreign || names_update(e.value()) {
            continue;
        }
        let Some(d) = element_date(e) else { continue };
        match agreed {
            Some(a) if a.date_naive() != d.date_naive() => return None,
            Some(_) => {}
            None => agreed = Some(d),
        }
    }
    agreed
}

/// True when an element's class or id says it holds an update date.
fn names_update(el: &scraper::node::Element) -> bool {
    let mut toks = Vec::new();
    class_tokens(el, &mut toks);
    toks.iter().any(|t| t.contains("update") || t.contains("modif"))
}

fn class_tokens(el: &scraper::node::Element, out: &mut Vec<String>) {
    if let Some(c) = el.attr("class") {
        crate::html::tokens(c, out);
    }
    if let Some(i) = el.attr("id") {
        crate::html::tokens(i, out);
    }
}

/// True when the element sits in a comment section, teaser list, or (outside the article's own box,
/// see [`article_box`]) a sidebar or footer. An element that holds the article is never one (a
/// `<body class="has-sidebar">` or a page-wide `widget` wrapper).
fn in_other_content(e: ElementRef<'_>, root: Option<ElementRef<'_>>) -> bool {
    // The article's box holds the date, or the date's own box sits inside the main text.
    let in_box = article_box(root).is_some_and(|b| holds(b, e))
        || nearest_box(e).is_some_and(|b| root.is_some_and(|r| holds(r, b)));
    let mut toks = Vec::new();
    let mut node = Some(e);
    while let Some(n) = node {
        if root.is_some_and(|r| holds(n, r)) {
            return false;
        }
        let el = n.value();
        if el.name() == "nav" {
            return true;
        }
        toks.clear();
        class_tokens(el, &mut toks);
        if excluded(el, &toks, in_box) {
            return true;
        }
        node = n.parent().and_then(ElementRef::wrap);
    }
    false
}

/// True when an element (with its class and id tokens) holds other content than the page's own:
/// always for comments and teasers, for sidebars and footers only outside the article's box.
fn excluded(el: &scraper::node::Element, toks: &[String], in_box: bool) -> bool {
    if toks.iter().any(|t| NOT_THE_PAGE.contains(&t.as_str())) {
        return true;
    }
    !in_box
        && !own_footer(toks)
        && (FURNITURE_TAGS.contains(&el.name()) || toks.iter().any(|t| PAGE_FURNITURE.contains(&t.as_str())))
}

/// Class tokens of a post's own footer ("post-footer", "entry-footer"): blog templates close each post
/// with its date, author and categories there, even outside the box the main text was found in.
const OWN_FOOTER_TOKENS: &[&str] = &["footer"];

/// True when an element's class names a footer of a post or entry (an [`ARTICLE_BOX_TOKENS`] token
/// beside an [`OWN_FOOTER_TOKENS`] one): the article's own meta line, not the page's footer.
fn own_footer(toks: &[String]) -> bool {
    toks.iter().any(|t| OWN_FOOTER_TOKENS.contains(&t.as_str()))
        && toks.iter().any(|t| ARTICLE_BOX_TOKENS.contains(&t.as_str()))
}

/// The article's own box: the outermost element around the main text (the main text's root itself
/// included) that is an `<article>` or whose class names a post, entry or story; `<body>` never is.
/// A date line beside the text inside it (a post footer, a meta sidebar) is the article's.
fn article_box(root: Option<ElementRef<'_>>) -> Option<ElementRef<'_>> {
    let mut toks = Vec::new();
    let mut found = None;
    let mut node = root;
    while let Some(n) = node {
        let el = n.value();
        if matches!(el.name(), "body" | "html") {
            break;
        }
        toks.clear();
        class_tokens(el, &mut toks);
        if el.name() == "article" || toks.iter().any(|t| ARTICLE_BOX_TOKENS.contains(&t.as_str())) {
            found = Some(n);
        }
        node = n.parent().and_then(ElementRef::wrap);
    }
    found
}

/// The smallest `<article>` or post/entry/story-classed element around `e` (itself included).
fn nearest_box(e: ElementRef<'_>) -> Option<ElementRef<'_>> {
    let mut toks = Vec::new();
    std::iter::once(e)
        .chain(e.ancestors().filter_map(ElementRef::wrap))
        .take_while(|n| !matches!(n.value().name(), "body" | "html"))
        .find(|n| {
            toks.clear();
            class_tokens(n.value(), &mut toks);
            n.value().name() == "article" || toks.iter().any(|t| ARTICLE_BOX_TOKENS.contains(&t.as_str()))
        })
}

/// True when `outer` is `inner` or one of its ancestors.
fn holds(outer: ElementRef<'_>, inner: ElementRef<'_>) -> bool {
    outer.id() == inner.id() || inner.ancestors().any(|a| a.id() == outer.id())
}

/// A visible date found by [`text_date`], with where it stood.
struct Seen {
    date: TextDate,
    in_root: bool,
    in_date_line: bool,
    /// In a short block (a date line), not in a paragraph of prose.
    short: bool,
    /// In a teaser-named element inside the main text (see [`visible_dates`]): only a "published" cue
    /// makes such a date the page's.
    in_teaser: bool,
}

/// Longest block whose date may date the page without a cue word or a date-line class: longer blocks
/// are prose, and a date in prose is an event's ("the report of 12 January"), not the page's.
const DATE_BLOCK_MAX_CHARS: usize = 160;

/// True when the words before a block's first digit can open a dateline: a place, a name or a
/// weekday ("Karlsruhe, (12.11.…", "BERLIN (dpa) –", "Samstag, 3. …"), capitalised in the scripts that
/// have case. A lowercase word there makes the date part of a sentence ("As of December 31, …", "the
/// report of 12.1.…"): an event's day, not the page's.
fn dateline_lead_in(text: &str) -> bool {
    let prefix = &text[..text.find(|c: char| c.is_ascii_digit()).unwrap_or(text.len())];
    !prefix
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.chars().next().is_some_and(char::is_lowercase))
}

/// Fewest words (runs of two or more letters) that make a short block a sentence rather than a date
/// line: a date line holds a date with at most a cue, a weekday, a name or a place around it ("By Ann
/// Lee, 3 May 2026, 10:30"), while a sentence of this length around a date states an event's day
/// ("As of 31 December the company held 858 licences…", "The next meeting is on 5 February at 7 pm
/// in the town hall").
const SENTENCE_MIN_WORDS: usize = 10;

/// True when a block reads as a sentence (see [`SENTENCE_MIN_WORDS`]).
fn is_sentence(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .count()
        >= SENTENCE_MIN_WORDS
}

/// How far into a long block a dateline's date may stand ("Karlsruhe, (12.11.2026). …").
const DATELINE_MAX_CHARS: usize = 40;

/// The visible publication date (rule 7 of the module table).
fn text_date(doc: &Html, root: Option<ElementRef<'_>>) -> Option<DateTime<FixedOffset>> {
    let body = doc.select(&BODY).next().unwrap_or_else(|| doc.root_element());
    let seen = visible_dates(body, root);
    let usable = || seen.iter().filter(|s| s.date.cue != Cue::Updated && !s.in_teaser);
    seen.iter()
        .find(|s| s.date.cue == Cue::Published && !s.in_teaser)
        .or_else(|| usable().find(|s| s.in_date_line && s.short))
        .or_else(|| {
            unanimous(
                seen.iter()
                    .filter(|s| s.date.cue == Cue::Published && s.in_teaser),
            )
        })
        .or_else(|| unanimous(usable().filter(|s| s.in_root && s.short)))
        .or_else(|| unanimous(usable().filter(|s| s.short)))
        .map(|s| midnight(s.date))
}

/// The first of `seen` when every one states the same day. Without a cue or a date-line class, a
/// short date line may be a listing's, a forum post's, a sidebar's or a version's: several different
/// days are conflicting evidence, and a wrong date is worse than none (htmldate's caution on
/// pages that are not articles: forums, portals, wikis).
fn unanimous<'a>(mut seen: impl Iterator<Item = &'a Seen>) -> Option<&'a Seen> {
    let first = seen.next()?;
    seen.all(|s| s.date.date == first.date.date).then_some(first)
}

/// Every date in the visible text of `body`, block by block, outside comments, sidebars and footers.
fn visible_dates(body: ElementRef<'_>, root: Option<ElementRef<'_>>) -> Vec<Seen> {
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut skip: Option<ego_tree::NodeId> = None;
    let mut root_depth = 0usize;
    let article_box = article_box(root);
    let mut box_depth = 0usize;
    let mut date_line_depth = 0usize;
    let mut buf_in_root = false;
    let mut buf_in_date_line = false;
    let mut buf_in_teaser = false;
    let mut teasers: Vec<ego_tree::NodeId> = Vec::new();
    let mut toks = Vec::new();
    let flush =
        |buf: &mut String, in_root: bool, in_date_line: bool, in_teaser: bool, out: &mut Vec<Seen>| {
            let text = buf.trim();
            let short = text.chars().count() <= DATE_BLOCK_MAX_CHARS && !is_sentence(text);
            // A long block or a sentence dates the page only by a dateline at its start
            // ("Karlsruhe, 12.11.2026. …").
            let opening: Vec<TextDate> = if short || !dateline_lead_in(text) {
                Vec::new()
            } else {
                let end = text
                    .char_indices()
                    .nth(DATELINE_MAX_CHARS)
                    .map_or(text.len(), |(i, _)| i);
                dates_in_text(&text[..end])
            };
            for date in dates_in_text(text) {
                let dateline = opening.contains(&date);
                out.push(Seen {
                    date,
                    in_root,
                    in_date_line,
                    short: short || dateline,
                    in_teaser,
                });
            }
            buf.clear();
        };
    for edge in body.traverse() {
        match edge {
            Edge::Open(n) => {
                if skip.is_some() {
                    continue;
                }
                match n.value() {
                    Node::Text(t) => {
                        buf.push_str(t);
                        buf.push(' ');
                        buf_in_root |= root_depth > 0;
                        buf_in_date_line |= date_line_depth > 0;
                        buf_in_teaser |= !teasers.is_empty();
                    }
                    Node::Element(el) => {
                        toks.clear();
                        class_tokens(el, &mut toks);
                        let other = SKIP_TAGS.contains(&el.name()) || excluded(el, &toks, box_depth > 0);
                        let holds_root =
                            || root.is_some_and(|r| ElementRef::wrap(n).is_some_and(|e| holds(e, r)));
                        if other && !holds_root() {
                            if root_depth > 0 && own_meta_line(el, &toks) {
                                teasers.push(n.id());
                            } else {
                                skip = Some(n.id());
                                continue;
                            }
                        }
                        if Some(n.id()) == root.map(|r| r.id()) {
                            root_depth += 1;
                        }
                        if Some(n.id()) == article_box.map(|b| b.id()) {
                            box_depth += 1;
                        }
                        if toks.iter().any(|t| DATE_LINE_TOKENS.contains(&t.as_str())) {
                            date_line_depth += 1;
                        }
                        if crate::html::is_block(el.name()) {
                            flush(&mut buf, buf_in_root, buf_in_date_line, buf_in_teaser, &mut out);
                            buf_in_root = false;
                            buf_in_date_line = false;
                            buf_in_teaser = false;
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(n) => {
                if let Some(s) = skip {
                    if s == n.id() {
                        skip = None;
                    }
                    continue;
                }
                if let Node::Element(el) = n.value() {
                    if crate::html::is_block(el.name()) {
                        flush(&mut buf, buf_in_root, buf_in_date_line, buf_in_teaser, &mut out);
                        buf_in_root = false;
                        buf_in_date_line = false;
                        buf_in_teaser = false;
                    }
                    if Some(n.id()) == root.map(|r| r.id()) {
                        root_depth = root_depth.saturating_sub(1);
                    }
                    if teasers.last() == Some(&n.id()) {
                        teasers.pop();
                    }
                    if Some(n.id()) == article_box.map(|b| b.id()) {
                        box_depth = box_depth.saturating_sub(1);
                    }
                    toks.clear();
                    class_tokens(el, &mut toks);
                    if toks.iter().any(|t| DATE_LINE_TOKENS.contains(&t.as_str())) {
                        date_line_depth = date_line_depth.saturating_sub(1);
                    }
                }
            }
        }
    }
    flush(&mut buf, buf_in_root, buf_in_date_line, buf_in_teaser, &mut out);
    out
}

/// True when an element inside the main text that [`excluded`] would skip can hold the article's own
/// meta line: a teaser-, related- or recent-named block there ("c-teaser__meta: Published on …", a
/// template reusing its teaser classes for the article's own date line), never a comment, a sidebar
/// or an invisible element. Its dates count only after a "published" cue word.
fn own_meta_line(el: &scraper::node::Element, toks: &[String]) -> bool {
    !SKIP_TAGS.contains(&el.name())
        && el.name() != "nav"
        && !toks.iter().any(|t| COMMENT_TOKENS.contains(&t.as_str()))
        && toks.iter().any(|t| NOT_THE_PAGE.contains(&t.as_str()))
        && !FURNITURE_TAGS.contains(&el.name())
        && !toks.iter().any(|t| PAGE_FURNITURE.contains(&t.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_dates() {
        let d = |u: &str| url_date(u).map(|d| d.date_naive().to_string());
        assert_eq!(
            d("https://blog.example/2026/3/5/crane/").as_deref(),
            Some("2026-03-05")
        );
        assert_eq!(
            d("https://x.example/news/2026-03-05-crane").as_deref(),
            Some("2026-03-05")
        );
        assert_eq!(d("https://x.example/2026/13/5/crane"), None);
        // One number group: compact year-month-day, or day first when it cannot be month first.
        assert_eq!(
            d("https://x.example/meldungen/29-10-2025").as_deref(),
            Some("2025-10-29")
        );
        assert_eq!(
            d("https://x.example/news/20260305/crane-falls").as_deref(),
            Some("2026-03-05")
        );
        assert_eq!(d("https://x.example/news/03-05-2026"), None);
        assert_eq!(d("https://x.example/item/120200622120908039/crane"), None);
        assert_eq!(d("https://x.example/item/12345678/crane"), None);
        assert_eq!(d("https://x.example/item/12345/3/5"), None);
    }
}
