//! HTML page (or fragment) → headline, metadata and the article's paragraphs, furniture removed.
//!
//! Called for `.html` files, HTML served under other extensions, WARC response records, and HTML bodies
//! of feed items and JSONL records ([`blocks_of_fragment`]).
//!
//! **Metadata** is read from the whole page, first source wins:
//!
//! | field | sources |
//! |---|---|
//! | title | `og:title`, `twitter:title`, JSON-LD `headline`, the article's `<h1>`, `<title>` minus a ` \| Site` suffix |
//! | outlet | `og:site_name`, JSON-LD `publisher.name`, `application-name` |
//! | author | `meta[name=author]`, JSON-LD `author.name`, `article:author` (when not a URL), a byline element "By X", `dc.creator` |
//! | published | the publication date as [`crate::pubdate`] finds it (JSON-LD, metas, `<time>`, URL, visible date lines), with `published_from` and, when not UTC, the page's offset |
//! | url | `link[rel=canonical]`, `og:url`, JSON-LD `url` |
//! | language | `<html lang>`, `og:locale`, `content-language` |
//!
//! **Main text.** The page's prose is first scored readability-style ([`Density`]): every block's own
//! text (minus link text) credits its parent, grandparent and great-grandparent, paragraphs inside
//! furniture credit nothing, and the best container is widened to an ancestor within [`CLIMB_STEPS`]
//! when that ancestor scores about as much or holds a sibling box with [`SIBLING_SHARE`] of its score
//! or of its prose at any depth (text split over page-builder section boxes). The root is the
//! `<article>` with the most paragraph text (their parent when the row of sibling `<article>`s holds
//! the page's `<h1>`: a page built of article sections), else `[itemprop=articleBody]` / `<main>` / `[role=main]`, never one that is furniture (a
//! comment's `<article>`, a call-to-action box), unless the densest container outside it holds
//! [`DENSEST_OVER_MARKED`] times its text; without a marked element the densest container is the root.
//! When the root gives less than [`MIN_ROOT_TEXT`] of body text (a forum post in `div`s), the densest
//! container and then `<body>` are walked too and the richest result kept; when JSON-LD `articleBody`
//! holds [`LD_BODY_MIN_RATIO`] times the walked text, it is the body (`metadata.text_from = json-ld`). The
//! root is walked in document order (an
//! explicit stack, no recursion, so hostile nesting cannot overflow); block elements (`p`, headings,
//! `li`, `blockquote`, `div`…) end paragraphs and `<br>` breaks lines.
//!
//! Dropped without a trace: `script`, `style`, `form`, media, `figure`, everything outside the root, a
//! site `<header>` (one holding a nav, form or logo), byline elements ("By X") and date lines (a `<time>`
//! standing alone — one inside a sentence stays), and the headline `<h1>` (the first `<h1>` before any
//! paragraph, or one matching the title). An article's own `<header>` is walked, so a standfirst stays.
//!
//! **Furniture** inside the root is removed and recorded as a [`crate::BoilerplateBlock`]
//! with its place: an element is furniture when its tag is `nav`, `aside` or `footer`, or a token of its
//! class or id (split at `-`, `_`, spaces) names a share bar, newsletter box, ad slot or promo, related or
//! most-read list, cookie notice, comments, editor's box or navigation (tables below), or when it is a list
//! or short block made mostly of links, or a short paragraph that is only an ad label ("Advertisement",
//! "Publicidad", "Anzeige"…). A block holding more than half of the root's text is never furniture, so a
//! misleading class cannot delete the article.
//!
//! Short blocks that point elsewhere ("Read more: …", "Lea también", "Mehr zum Thema") or call to action
//! ("Subscribe now…", "Follow us…", "Foto: …") are furniture too, by their opening words
//! ([`READ_MORE_LABELS`](wiretrace_lang::page_words::READ_MORE_LABELS), [`PROMPT_OPENINGS`](wiretrace_lang::page_words::PROMPT_OPENINGS)); so are a picture's credit or caption by class
//! ([`MEDIA_TOKENS`]), a short heading just before a related list, navigation, comments or newsletter
//! box (its title), headings left at the end of the text, and short closing paragraphs linking to the
//! publisher's app, channels or subscription ([`CHANNEL_WORDS`](wiretrace_lang::page_words::CHANNEL_WORDS)). Layout classes (`has-ads`,
//! `with-sidebar`) are not furniture.
//!
//! Also by what they say or how they are built: a caption by its figure label ("Abbildung 4:", "Fig. 2."
//! — [`wiretrace_lang::boilerplate::FIGURE_WORDS`]); a link drawn as a button ([`BUTTON_TOKENS`]); a
//! custom element named like a furniture class (`pp-inline-teaser`); class tokens read without a
//! template's numbering (`cta3`); a line made of links, its spaces not counted against it (not in a
//! table cell, where a linked line is data); support appeals ("Help us…"). A related-section title
//! ("Related articles", "Mehr zum Thema", "Articles liés" —
//! [`wiretrace_lang::boilerplate::RELATED_SECTION_LABELS`]) after the text has begun makes it and the
//! rest of the text furniture when the rest is short beside the text before it
//! ([`RELATED_REST_MAX_SHARE`], [`RELATED_REST_AFTER_FURNITURE_MAX_SHARE`]). Script, style and
//! template text never counts as page text ([`CODE_TAGS`]): an ad sidebar full of scripts is not
//! "most of the page". A lead is never a link or a block made mostly of links ([`LEAD_MAX_LINK_SHARE`]).
//!
//! **Edge pruning** (trafilatura's idea, our rule): after the last long paragraph
//! ([`EDGE_ANCHOR_CHARS`]) the trailing run of short paragraphs ([`TAIL_SHORT_CHARS`]) is related
//! furniture, and before the first one the leading run of very short ones ([`HEAD_SHORT_CHARS`]) is
//! navigation, as long as they sit outside that paragraph's box and are not shaped like the text's
//! paragraphs (tag and class of the element and two ancestors, so text written one box per paragraph
//! keeps its short last line); at the head a heading opens the text.
//!
//! A page that gives next to no text once comments are set aside is a discussion (a forum thread): its
//! posts, classed as comments, are read as its text. A `<form>` holding most of the page (ASP.NET's
//! wrapper) is walked, not skipped.
//!
//! **Listing pages** (tag, category, author, search; JSON-LD `CollectionPage`…) are not articles: the
//! draft carries the reason and the page is skipped, unless it declares itself an article.
//!
//! Not done here: boilerplate in plain text (txt/Markdown/JSON text) is left for the explain stage.

use std::collections::HashMap;

use scraper::{node::Node, ElementRef, Html, Selector};
use wiretrace_lang::page_words::{
    AD_LABELS, CHANNEL_WORDS, LISTING_SEGMENTS, PROMPT_OPENINGS, READ_MORE_LABELS, SEARCH_KEYS,
};

use crate::article::{author_from_byline, clean_line, Block, Draft};

/// Class/id tokens naming furniture, with the reason recorded.
const FURNITURE_TOKENS: &[(&str, &str)] = &[
    ("ad", "ad"),
    ("ads", "ad"),
    ("adv", "ad"),
    ("advert", "ad"),
    ("adverts", "ad"),
    ("advertisement", "ad"),
    ("advertising", "ad"),
    ("adslot", "ad"),
    ("adunit", "ad"),
    ("dfp", "ad"),
    ("sponsor", "ad"),
    ("sponsored", "ad"),
    ("promo", "ad"),
    ("promotion", "ad"),
    ("commercial", "ad"),
    ("publicidad", "ad"),
    ("publicite", "ad"),
    ("werbung", "ad"),
    ("share", "share"),
    ("sharing", "share"),
    ("sharebar", "share"),
    ("social", "share"),
    ("follow", "share"),
    ("newsletter", "newsletter"),
    ("subscribe", "newsletter"),
    ("subscription", "newsletter"),
    ("signup", "newsletter"),
    ("optin", "newsletter"),
    ("related", "related"),
    ("recommended", "related"),
    ("recommendations", "related"),
    ("readmore", "related"),
    ("popular", "related"),
    ("trending", "related"),
    ("outbrain", "related"),
    ("taboola", "related"),
    ("nav", "nav"),
    ("navbar", "nav"),
    ("navigation", "nav"),
    ("menu", "nav"),
    ("breadcrumb", "nav"),
    ("breadcrumbs", "nav"),
    ("masthead", "nav"),
    ("footer", "footer"),
    ("cookie", "cookie"),
    ("cookies", "cookie"),
    ("dsgvo", "cookie"),
    ("rgpd", "cookie"),
    ("consent", "cookie"),
    ("gdpr", "cookie"),
    ("comments", "comments"),
    ("comment", "comments"),
    ("kommentare", "comments"),
    ("respond", "comments"),
    ("disqus", "comments"),
    ("reactions", "comments"),
    ("reacties", "comments"),
    ("tags", "nav"),
    ("tagcloud", "nav"),
    ("keywords", "nav"),
    ("pagination", "nav"),
    ("pager", "nav"),
    ("caption", "caption"),
    ("figcaption", "caption"),
    ("imagedescription", "caption"),
    ("imagecaption", "caption"),
    ("photocredit", "caption"),
    ("bildunterschrift", "caption"),
    ("toolbar", "share"),
    ("byline", "byline"),
    ("postmetadata", "byline"),
    ("authorbox", "byline"),
    ("dateline", "byline"),
    ("timestamp", "byline"),
    ("sidebar", "related"),
    ("likes", "share"),
    ("toc", "nav"),
    ("paywall", "ad"),
    ("cta", "newsletter"),
    ("popup", "ad"),
    ("modal", "ad"),
    ("flyout", "ad"),
    ("teaser", "related"),
    ("factbox", "related"),
    ("copyright", "footer"),
    ("author", "byline"),
    ("linklist", "related"),
    ("reviewed", "editorial"),
];

/// Token prefixes naming furniture, for glued plugin names (`sharedaddy`, `relatedposts`,
/// `adsbygoogle`, `newsletterform`).
const FURNITURE_PREFIXES: &[(&str, &str)] = &[
    ("share", "share"),
    ("social", "share"),
    ("addtoany", "share"),
    ("related", "related"),
    ("outbrain", "related"),
    ("taboola", "related"),
    ("newsletter", "newsletter"),
    ("advert", "ad"),
    ("adsby", "ad"),
    ("adsense", "ad"),
    ("googlead", "ad"),
    ("sponsor", "ad"),
];

/// Token suffixes naming furniture, for compounds glued in front of the furniture word
/// (`newsteaser`, `eventteaser`, `articleteaser`): the last word of a compound names what it is.
const FURNITURE_SUFFIXES: &[(&str, &str)] = &[("teaser", "related")];

/// Class tokens naming a picture, before a token of [`MEDIA_NOTE_TOKENS`]: `image-credits`,
/// `photo-caption`, `img-copyright`, `image-subtitle` hold a caption or credit, not text.
const MEDIA_TOKENS: &[&str] = &["image", "img", "photo", "picture", "pic", "foto", "bild", "media"];

/// Class tokens that, after one of [`MEDIA_TOKENS`], name the picture's caption or credit.
const MEDIA_NOTE_TOKENS: &[&str] = &[
    "credit",
    "credits",
    "copyright",
    "caption",
    "subtitle",
    "description",
    "source",
    "legend",
    "title",
];

/// Class tokens of a link drawn as a button: a call to action.
const BUTTON_TOKENS: &[&str] = &["button", "btn"];

/// Class tokens that make the next token describe a layout (`has-ads`, `with-sidebar`,
/// `no-comments`): the element holding them is the page, not the furniture named.
const LAYOUT_MODIFIERS: &[&str] = &["has", "with", "no", "without", "show", "hide"];

/// Token pairs naming furniture (`most-read`, `more-stories`, `sign-up`, `editorial-box`…).
const FURNITURE_PAIRS: &[(&str, &str, &str)] = &[
    ("most", "read", "related"),
    ("most", "popular", "related"),
    ("most", "viewed", "related"),
    ("more", "stories", "related"),
    ("more", "news", "related"),
    ("more", "articles", "related"),
    ("read", "more", "related"),
    ("read", "next", "related"),
    ("also", "like", "related"),
    ("sign", "up", "newsletter"),
    ("email", "signup", "newsletter"),
    ("editorial", "box", "editorial"),
    ("editorial", "note", "editorial"),
    ("editors", "note", "editorial"),
    ("trust", "box", "editorial"),
    ("author", "box", "byline"),
    ("author", "bio", "byline"),
    ("about", "author", "byline"),
    ("social", "links", "share"),
    ("more", "from", "related"),
    ("you", "may", "related"),
    ("further", "reading", "related"),
    ("author", "info", "byline"),
    ("author", "description", "byline"),
    ("author", "section", "byline"),
    ("author", "about", "byline"),
    ("post", "ratings", "share"),
    ("entry", "meta", "byline"),
    ("post", "meta", "byline"),
    ("entry", "utility", "byline"),
    ("skip", "link", "nav"),
    ("news", "letter", "newsletter"),
    ("tag", "links", "nav"),
    ("pop", "up", "ad"),
    ("savoir", "plus", "related"),
    ("meta", "info", "byline"),
    ("privacy", "embed", "cookie"),
    ("third", "party", "cookie"),
    ("download", "list", "related"),
];

/// Longest block read as a bare date line ("Tuesday, 4 June 2026", "12.12.2026, 08:30"): a date with
/// at most a weekday, a time or a short cue word around it.
const DATE_LINE_MAX_CHARS: usize = 40;

/// True when a block is only a date line: page metadata (the date is kept as `published`), not prose.
fn date_line(text: &str) -> bool {
    text.chars().count() <= DATE_LINE_MAX_CHARS && !crate::date::dates_in_text(text).is_empty()
}

const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "form", "button",
    "input", "select", "textarea", "img", "picture", "video", "audio", "canvas", "figure", "head", "title",
    "meta", "link", "source", "track", "map", "dialog",
];

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "address",
    "hr",
    "center",
    "details",
    "summary",
    "fieldset",
];

/// True for the elements that end a paragraph.
pub(crate) fn is_block(name: &str) -> bool {
    BLOCK_TAGS.contains(&name)
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector is valid")
}

/// Reads a full HTML document into a draft (metadata and body blocks).
pub(crate) fn draft_of_document(html: &str) -> Draft {
    let doc = Html::parse_document(html);
    let mut meta = PageMeta::collect(&doc);
    let density = Density::of(&doc);
    let marked_root = choose_root(&doc, &density);
    let mut draft = Draft::default();

    // Headline and byline inside the article.
    let h1 = marked_root
        .and_then(|r| r.select(&sel("h1")).next())
        .map(|h| headline_text(h))
        .filter(|t| t.len() <= 300);
    let byline_author = marked_root.and_then(|r| {
        r.select(&sel(
            "[rel=author], [itemprop=author], .byline, .author, .by-line, .article-byline",
        ))
        .find_map(|e| author_from_byline(&text_of(e)).or_else(|| itemprop_author(e)))
    });
    let site = meta.site_name().map(str::to_string);
    draft.title = meta
        .take(&["og:title", "twitter:title"])
        .map(|t| {
            if site.is_some() {
                strip_site_suffix_exact(&t, site.as_deref())
            } else {
                t
            }
        })
        .or(meta.ld_headline.take())
        .or_else(|| h1.clone().filter(|t| !t.is_empty()))
        .or_else(|| {
            meta.doc_title
                .take()
                .map(|t| strip_site_suffix(&t, meta.site_name()))
        });
    draft.outlet = meta
        .take(&["og:site_name"])
        .or(meta.ld_publisher.take())
        .or(meta.take(&["application-name"]));
    draft.author = meta
        .take(&[
            "author",
            "article:author",
            "dc.creator",
            "byl",
            "sailthru.author",
            "parsely-author",
        ])
        .filter(|a| !a.starts_with("http"))
        .map(|a| crate::article::clean_author(&a).unwrap_or(a))
        .or(meta.ld_author.take())
        .or(byline_author);
    let urls: Vec<String> = [meta.canonical.as_deref(), meta.og_url(), meta.ld_url.as_deref()]
        .into_iter()
        .flatten()
        .map(str::to_string)
        .collect();
    let url_refs: Vec<&str> = urls.iter().map(String::as_str).collect();
    let clues = crate::pubdate::Clues {
        metas: &meta.metas,
        ld_article: &meta.ld_article_dates,
        ld_other: &meta.ld_other_dates,
        ld_modified: &meta.ld_modified_dates,
        urls: &url_refs,
    };
    if let Some(found) = crate::pubdate::publication_date(&doc, html, marked_root, &clues) {
        draft.published = Some(found.when.to_utc());
        draft.metadata.insert("published_from".into(), found.from.into());
        if found.when.offset().local_minus_utc() != 0 {
            draft.metadata.insert(
                crate::PUBLISHED_OFFSET.into(),
                found.when.offset().to_string().into(),
            );
        }
    }
    draft.url = meta
        .canonical
        .take()
        .or(meta.take(&["og:url"]))
        .or(meta.ld_url.take());
    draft.language = meta
        .lang
        .take()
        .or(meta.take(&["og:locale", "content-language", "language"]));

    let headline = draft.title.clone().or(h1);
    draft.blocks = walk_best_root(&doc, marked_root, density.root(&doc), headline.as_deref());
    if let Some(desc) = meta.description() {
        keep_standfirst(&doc, &mut draft.blocks, &desc);
    }
    if let Some(lead) = marked_root.and_then(lead_before_root) {
        let key: String = lead.chars().take(STANDFIRST_KEY_CHARS).collect();
        let present = draft
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Para(p) if p.contains(key.as_str())));
        if !present {
            draft.blocks.insert(0, Block::Para(lead));
        }
    }
    if let Some(body) = meta.ld_body.take() {
        use_ld_body_when_richer(&mut draft, &body);
    }
    draft.not_article = listing_reason(&doc, &meta, &urls);
    draft
}

/// JSON-LD and `og:type` values of a page that lists others.
const LISTING_TYPES: &[&str] = &["CollectionPage", "SearchResultsPage", "ProfilePage", "ItemList"];

/// Why a page is a listing rather than an article, or `None`. A page that declares itself an article
/// (`og:type` article, a JSON-LD article, a published time) is always read as one; otherwise its
/// JSON-LD type (`CollectionPage`, `SearchResultsPage`…) or its URL (`/tag/x`, `/author/x`, `?s=x`,
/// `/category/x/page/2`) says it lists other pages.
fn listing_reason(doc: &Html, meta: &PageMeta, urls: &[String]) -> Option<&'static str> {
    let og_type = meta
        .metas
        .iter()
        .find(|(k, _)| k == "og:type")
        .map(|(_, v)| v.to_lowercase());
    let declared_article = og_type.as_deref().is_some_and(|t| t.contains("article"))
        || !meta.ld_article_dates.is_empty()
        || meta
            .ld_types
            .iter()
            .any(|t| t.ends_with("Article") || t == "BlogPosting")
        || meta.metas.iter().any(|(k, _)| k == "article:published_time");
    if declared_article {
        return None;
    }
    if meta.ld_types.iter().any(|t| LISTING_TYPES.contains(&t.as_str())) {
        return Some("not an article: listing page (its structured data says so)");
    }
    let page_url = urls.first().map(String::as_str).or_else(|| {
        doc.select(&sel("link[rel=canonical][href]"))
            .next()
            .and_then(|l| l.value().attr("href"))
    })?;
    listing_url(page_url).then_some("not an article: tag, category, author or search page (by its URL)")
}

/// True when a URL's path or query names a listing (see [`LISTING_SEGMENTS`], [`SEARCH_KEYS`]).
fn listing_url(url: &str) -> bool {
    let after_host = url
        .split_once("://")
        .map_or(url, |(_, r)| r.split_once('/').map_or("", |(_, p)| p));
    let (path, query) = after_host.split_once('?').unwrap_or((after_host, ""));
    let in_path = path
        .split('/')
        .any(|seg| LISTING_SEGMENTS.contains(&seg.to_lowercase().as_str()));
    let searched = query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        // A long hex value is a session id (`?s=22c0…`, as forums write it), not a search.
        .any(|(k, v)| {
            SEARCH_KEYS.contains(&k)
                && !v.is_empty()
                && !(v.len() >= 16 && v.bytes().all(|b| b.is_ascii_hexdigit()))
        });
    in_path || searched
}

/// Least body text (bytes of paragraphs) a marked root (`<article>`, `<main>`) must give before the
/// densest paragraph container and then `<body>` are tried too: below it the markup misled us (an
/// `<article>` teaser, a forum post in `div`s) and the page's text lives elsewhere.
const MIN_ROOT_TEXT: usize = 250;

/// Walks the marked root; when it gives less than [`MIN_ROOT_TEXT`], also the densest container and
/// `<body>`, and keeps whichever gives the most body text.
fn walk_best_root<'d>(
    doc: &'d Html,
    marked: Option<ElementRef<'d>>,
    densest: Option<ElementRef<'d>>,
    headline: Option<&str>,
) -> Vec<Block> {
    let mut best: (Vec<Block>, usize) = (Vec::new(), 0);
    if let Some(r) = marked {
        let blocks = Walker::new(headline).walk(r);
        let n = para_bytes(&blocks);
        best = (blocks, n);
    }
    if best.1 >= MIN_ROOT_TEXT {
        return best.0;
    }
    let body = doc.select(&sel("body")).next();
    for alt in [densest, body].into_iter().flatten() {
        if marked.is_some_and(|m| m.id() == alt.id()) {
            continue;
        }
        let blocks = Walker::new(headline).walk(alt);
        let n = para_bytes(&blocks);
        if n > best.1 {
            best = (blocks, n);
        }
        if best.1 >= MIN_ROOT_TEXT {
            break;
        }
    }
    // Every root gives next to nothing once comments are set aside: the page is a discussion (a forum
    // thread, a question and its answers) whose posts, classed as comments, are its text.
    if best.1 < MIN_ROOT_TEXT {
        if let Some(thread) = body.map(|b| Walker::reading_comments(headline).walk(b)) {
            if para_bytes(&thread) >= MIN_ROOT_TEXT {
                return thread;
            }
        }
    }
    best.0
}

fn para_bytes(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| match b {
            Block::Para(p) => p.len(),
            Block::Furniture { .. } => 0,
        })
        .sum()
}

/// Shortest page description (`meta description`, `og:description`) read as a standfirst: shorter
/// ones are slogans or labels.
const STANDFIRST_MIN_CHARS: usize = 40;

/// How many leading characters of the description identify its visible standfirst (descriptions are
/// often cut short with an ellipsis).
const STANDFIRST_KEY_CHARS: usize = 60;

/// How much longer than the description its visible element may be (the standfirst may be longer than
/// the cut description, but a container holding the whole article is not a standfirst).
const STANDFIRST_MAX_RATIO: usize = 4;

/// Keeps the article's standfirst: when the page's description is written visibly (a lead, intro or
/// teaser paragraph, often outside the article's text root or in a block taken for a teaser) and
/// the body lacks it, the block is restored in place, or the visible element is put first.
fn keep_standfirst(doc: &Html, blocks: &mut Vec<Block>, desc: &str) {
    let desc = desc.trim_end_matches(['…', '.', ' ']);
    if desc.chars().count() < STANDFIRST_MIN_CHARS {
        return;
    }
    let key: String = desc.chars().take(STANDFIRST_KEY_CHARS).collect();
    let holds_key = |t: &str| t.contains(key.as_str());
    if blocks.iter().any(|b| matches!(b, Block::Para(p) if holds_key(p))) {
        return;
    }
    if let Some(b) = blocks
        .iter_mut()
        .find(|b| matches!(b, Block::Furniture { text, .. } if text.starts_with(key.as_str())))
    {
        if let Block::Furniture { text, .. } = b {
            *b = Block::Para(std::mem::take(text));
        }
        return;
    }
    if let Some(text) = visible_standfirst(doc, &key, desc.len()) {
        blocks.insert(0, Block::Para(text));
    }
}

/// The text of the smallest visible element of the body that starts with `key`, if not much longer
/// than the description (see [`STANDFIRST_MAX_RATIO`]).
fn visible_standfirst(doc: &Html, key: &str, desc_len: usize) -> Option<String> {
    let head: Vec<&str> = key.split_whitespace().take(4).collect();
    let body = doc.select(&sel("body")).next()?;
    for node in body.descendants() {
        let Some(t) = node.value().as_text() else { continue };
        let mut words = t.split_whitespace();
        if !head.iter().all(|h| words.next() == Some(*h)) {
            continue;
        }
        let parent = node
            .ancestors()
            .filter_map(ElementRef::wrap)
            .find(|e| !matches!(e.value().name(), "a" | "strong" | "b" | "em" | "i"))?;
        // A caption repeating the description is the picture's, not the standfirst.
        let not_prose = |e: ElementRef<'_>| {
            matches!(
                e.value().name(),
                "script" | "style" | "noscript" | "template" | "title" | "figure" | "figcaption"
            )
        };
        if not_prose(parent) || parent.ancestors().filter_map(ElementRef::wrap).any(not_prose) {
            continue;
        }
        let text = text_of(parent);
        if text.starts_with(key) && text.len() <= desc_len * STANDFIRST_MAX_RATIO {
            return Some(text);
        }
    }
    None
}

/// Class and id tokens of an article's lead (standfirst) in the many names templates give it.
const LEAD_TOKENS: &[&str] = &[
    "lead",
    "intro",
    "teaser",
    "standfirst",
    "summary",
    "excerpt",
    "sommario",
    "chapo",
    "subline",
    "abstract",
    "deck",
];

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Length range (chars) of a lead paragraph: shorter is a label, longer is body text.
const LEAD_CHARS: std::ops::RangeInclusive<usize> = 40..=1200;

/// How many elements before the text root (and before each of its two nearest ancestors) are searched
/// for the lead.
const LEAD_SIBLINGS: usize = 3;

/// Largest share of a lead's text that may be link text: a teaser-classed block made of links
/// (`event-teaser` lists) points to other pages, it does not open this one.
const LEAD_MAX_LINK_SHARE: f64 = 0.5;

/// True when links hold more than [`LEAD_MAX_LINK_SHARE`] of an element's text, or the element is or
/// lies inside a link.
fn mostly_links(e: ElementRef<'_>) -> bool {
    if e.value().name() == "a"
        || e.ancestors()
            .any(|a| matches!(a.value(), Node::Element(el) if el.name() == "a"))
    {
        return true;
    }
    let links: usize = e.select(&sel("a")).map(text_len).sum();
    links as f64 > LEAD_MAX_LINK_SHARE * text_len(e) as f64
}

/// The lead written just before the article's text root (a teaser or intro element beside it, in the
/// article's header), which the root's walk does not see.
fn lead_before_root(root: ElementRef<'_>) -> Option<String> {
    let mut toks = Vec::new();
    let mut is_lead = |e: ElementRef<'_>| {
        toks.clear();
        if let Some(c) = e.value().attr("class") {
            tokens(c, &mut toks);
        }
        toks.iter().any(|t| LEAD_TOKENS.contains(&t.as_str()))
    };
    let levels = std::iter::successors(Some(root), |e| e.parent().and_then(ElementRef::wrap)).take(3);
    for level in levels {
        for sib in level
            .prev_siblings()
            .filter_map(ElementRef::wrap)
            .take(LEAD_SIBLINGS)
        {
            // The first lead-classed paragraph of lead length: a kicker or subtitle classed like one
            // (a heading `h2.subline`, a short `teaser-label`) written above the lead does not hide it.
            let found = std::iter::once(sib)
                .chain(sib.descendants().filter_map(ElementRef::wrap))
                .filter(|e| !is_heading(e.value().name()) && is_lead(*e) && !mostly_links(*e))
                .map(text_of)
                .find(|text| LEAD_CHARS.contains(&text.chars().count()));
            if found.is_some() {
                return found;
            }
        }
    }
    None
}

/// How much more text JSON-LD `articleBody` must hold than the walked page before it replaces it: the
/// page then carries its article in data only (script-rendered pages, teaser-only markup).
const LD_BODY_MIN_RATIO: usize = 2;

/// Replaces the walked body with JSON-LD `articleBody` when that holds [`LD_BODY_MIN_RATIO`] times as
/// much text; its paragraphs are its blank-line (or, failing that, line) separated blocks.
fn use_ld_body_when_richer(draft: &mut Draft, body: &str) {
    let walked: usize = draft
        .blocks
        .iter()
        .map(|b| match b {
            Block::Para(p) => p.len(),
            Block::Furniture { .. } => 0,
        })
        .sum();
    let body = if looks_like_html(body) {
        blocks_of_fragment(body, None)
            .into_iter()
            .filter_map(|b| match b {
                Block::Para(p) => Some(p),
                Block::Furniture { .. } => None,
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    } else {
        body.to_string()
    };
    if body.trim().len() <= walked * LD_BODY_MIN_RATIO {
        return;
    }
    let sep = if body.contains("\n\n") { "\n\n" } else { "\n" };
    draft.blocks = body
        .split(sep)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| Block::Para(p.to_string()))
        .collect();
    draft.metadata.insert("text_from".into(), "json-ld".into());
}

/// Returns the body blocks of an HTML fragment (a feed item's `content:encoded`, a JSONL `html` field).
pub(crate) fn blocks_of_fragment(html: &str, headline: Option<&str>) -> Vec<Block> {
    let frag = Html::parse_fragment(html);
    Walker::new(headline).walk(frag.root_element())
}

/// True when a string looks like HTML markup rather than plain text.
pub(crate) fn looks_like_html(s: &str) -> bool {
    const TAGS: &[&[u8]] = &[
        b"p>", b"p ", b"div", b"br", b"/p>", b"span", b"a href", b"h2", b"ul", b"article", b"section",
    ];
    let head = &s.as_bytes()[..s.len().min(4096)];
    let mut rest = head;
    while let Some(p) = rest.iter().position(|&b| b == b'<') {
        let after = &rest[p + 1..];
        if TAGS
            .iter()
            .any(|t| after.len() >= t.len() && after[..t.len()].eq_ignore_ascii_case(t))
        {
            return true;
        }
        rest = after;
    }
    false
}

fn itemprop_author(e: ElementRef<'_>) -> Option<String> {
    if e.value().attr("itemprop") == Some("author") || e.value().attr("rel") == Some("author") {
        let t = text_of(e);
        let t = author_from_byline(&t).or_else(|| clean_line(&t))?;
        (t.chars().count() <= 80).then_some(t)
    } else {
        None
    }
}

/// Drops a ` | Site` suffix only when it names the site exactly (for `og:title`, usually clean).
fn strip_site_suffix_exact(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if site.is_some_and(|s| s.eq_ignore_ascii_case(tail.trim())) && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail_is_site = site.is_some_and(|s| s.eq_ignore_ascii_case(tail.trim()));
            if tail_is_site || (sep == " | " && tail.split_whitespace().count() <= 5) {
                return head.trim().to_string();
            }
        }
    }
    title.trim().to_string()
}

/// Page-level metadata: meta tags, `<title>`, canonical link, `<html lang>`, JSON-LD.
/// JSON-LD types whose dates are their own, never the page's: comments and reviews, and the media
/// objects (pictures, videos) a page embeds.
const LD_SELF_DATED: &[&str] = &[
    "Comment",
    "Review",
    "Answer",
    "Question",
    "ImageObject",
    "VideoObject",
    "AudioObject",
    "MediaObject",
    "Photograph",
];

#[derive(Default)]
struct PageMeta {
    metas: Vec<(String, String)>,
    doc_title: Option<String>,
    canonical: Option<String>,
    lang: Option<String>,
    ld_headline: Option<String>,
    /// `datePublished` / `dateCreated` of JSON-LD article objects, in page order.
    ld_article_dates: Vec<String>,
    /// `datePublished` of other JSON-LD objects (a `WebPage`), in page order.
    ld_other_dates: Vec<String>,
    /// JSON-LD `dateModified` values.
    ld_modified_dates: Vec<String>,
    /// `articleBody` of the first JSON-LD article.
    ld_body: Option<String>,
    /// Every JSON-LD `@type` seen.
    ld_types: Vec<String>,
    ld_author: Option<String>,
    ld_publisher: Option<String>,
    ld_url: Option<String>,
}

impl PageMeta {
    fn collect(doc: &Html) -> Self {
        let mut m = PageMeta::default();
        for e in doc.select(&sel("meta[content]")) {
            let v = e.value();
            let key = v
                .attr("property")
                .or(v.attr("name"))
                .or(v.attr("itemprop"))
                .or(v.attr("http-equiv"));
            if let (Some(k), Some(c)) = (key, v.attr("content")) {
                if let Some(c) = clean_line(c) {
                    m.metas.push((k.trim().to_ascii_lowercase(), c));
                }
            }
        }
        m.doc_title = doc
            .select(&sel("title"))
            .next()
            .map(|t| text_of(t))
            .filter(|t| !t.is_empty());
        m.canonical = doc
            .select(&sel("link[rel=canonical][href]"))
            .next()
            .and_then(|l| l.value().attr("href"))
            .and_then(clean_line);
        m.lang = doc
            .select(&sel("html[lang], html[xml\\:lang]"))
            .next()
            .and_then(|h| h.value().attr("lang").or(h.value().attr("xml:lang")))
            .and_then(clean_line);
        for s in doc.select(&sel("script[type='application/ld+json']")) {
            let raw: String = s.text().collect();
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(raw.trim()) {
                m.read_ld(&v, 0);
            }
        }
        m
    }

    fn read_ld(&mut self, v: &serde_json::Value, depth: usize) {
        use serde_json::Value;
        if depth > 4 {
            return;
        }
        match v {
            Value::Array(items) => items.iter().for_each(|i| self.read_ld(i, depth + 1)),
            Value::Object(o) => {
                if let Some(g) = o.get("@graph") {
                    self.read_ld(g, depth + 1);
                }
                let types: Vec<&str> = match o.get("@type") {
                    Some(Value::String(s)) => vec![s.as_str()],
                    Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
                    _ => vec![],
                };
                self.ld_types.extend(types.iter().map(|t| t.to_string()));
                let is_article = types.iter().any(|t| {
                    t.ends_with("Article") || *t == "BlogPosting" || *t == "Report" || *t == "LiveBlogPosting"
                });
                let s = |k: &str| o.get(k).and_then(Value::as_str).and_then(clean_line);
                // A comment or review dates itself, not the page; so does a photo or video shown on it
                // (an agency picture is often older or newer than the story around it).
                let is_comment = types.iter().any(|t| LD_SELF_DATED.contains(t));
                if !is_comment {
                    let published =
                        s("datePublished").or_else(|| is_article.then(|| s("dateCreated")).flatten());
                    if let Some(p) = published {
                        if is_article {
                            self.ld_article_dates.push(p);
                        } else {
                            self.ld_other_dates.push(p);
                        }
                    }
                    if let Some(m) = s("dateModified") {
                        self.ld_modified_dates.push(m);
                    }
                }
                if !is_comment {
                    // Objects nested under other keys (`mainEntity`, `isPartOf`) date the page too.
                    o.iter()
                        .filter(|(k, v)| *k != "@graph" && (v.is_object() || v.is_array()))
                        .for_each(|(_, v)| self.read_ld(v, depth + 1));
                }
                if !is_article || self.ld_headline.is_some() {
                    return;
                }
                self.ld_headline = s("headline").or(s("name"));
                self.ld_url = s("url").or(s("mainEntityOfPage"));
                self.ld_body = o.get("articleBody").and_then(Value::as_str).map(str::to_string);
                self.ld_author = o.get("author").and_then(ld_name);
                self.ld_publisher = o
                    .get("publisher")
                    .or(o.get("sourceOrganization"))
                    .and_then(ld_name);
            }
            _ => {}
        }
    }

    fn take(&mut self, keys: &[&str]) -> Option<String> {
        for k in keys {
            if let Some((_, v)) = self.metas.iter().find(|(mk, _)| mk == k) {
                return Some(v.clone());
            }
        }
        None
    }

    /// The page's description (`description`, `og:description`, `twitter:description`), whitespace-collapsed.
    fn description(&self) -> Option<String> {
        ["description", "og:description", "twitter:description"]
            .iter()
            .find_map(|k| self.metas.iter().find(|(mk, _)| mk == k))
            .map(|(_, v)| v.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    fn og_url(&self) -> Option<&str> {
        self.metas
            .iter()
            .find(|(k, _)| k == "og:url")
            .map(|(_, v)| v.as_str())
    }

    fn site_name(&self) -> Option<&str> {
        self.metas
            .iter()
            .find(|(k, _)| k == "og:site_name")
            .map(|(_, v)| v.as_str())
    }
}

/// The name of a JSON-LD person or organisation (a string, an object with `name`, or a list: names joined).
fn ld_name(v: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    match v {
        Value::String(s) => clean_line(s),
        Value::Object(o) => o.get("name").and_then(Value::as_str).and_then(clean_line),
        Value::Array(a) => {
            let names: Vec<String> = a.iter().filter_map(ld_name).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

/// How many times the text of a marked root (`<article>`, `<main>`) the densest container outside
/// it must hold to be the root instead: the marked element was then a teaser, a call-to-action box or
/// one entry of a listing, and the page's text lives elsewhere.
const DENSEST_OVER_MARKED: usize = 2;

/// Picks the element holding the article body (see the module doc).
fn choose_root<'d>(doc: &'d Html, density: &Density) -> Option<ElementRef<'d>> {
    let densest = density.root(doc);
    let marked = marked_root(doc, density);
    match (marked, densest) {
        (Some(m), Some(d))
            if !d.ancestors().any(|a| a.id() == m.id())
                && d.id() != m.id()
                && density.held(d) > DENSEST_OVER_MARKED * density.held(m) =>
        {
            Some(d)
        }
        (Some(m), _) => Some(m),
        (None, d) => d,
    }
}

/// The element the markup names as the article: the `<article>` with the most paragraph text (ties
/// go to document order), else `[itemprop=articleBody]`, `<main>`, `[role=main]`; never one that is
/// furniture or inside furniture (a comment's `<article>`, a call-to-action box).
fn marked_root<'d>(doc: &'d Html, density: &Density) -> Option<ElementRef<'d>> {
    let mut best_article: Option<(usize, ElementRef<'_>)> = None;
    for a in doc.select(&sel("article")) {
        let n = paragraph_chars(a);
        if n > 0 && best_article.as_ref().is_none_or(|(b, _)| n > *b) && !density.in_furniture(a) {
            best_article = Some((n, a));
        }
    }
    if let Some((_, a)) = best_article {
        return Some(headline_in_sibling_article(a).unwrap_or(a));
    }
    for s in ["[itemprop=articleBody]", "main", "[role=main]"] {
        if let Some(e) = doc
            .select(&sel(s))
            .find(|e| paragraph_chars(*e) > 0 && !density.in_furniture(*e))
        {
            return Some(e);
        }
    }
    None
}

/// The parent of `a` when `a` stands in a row of sibling `<article>`s one of which holds the page's
/// headline (`<h1>`): the page is built of `<article>` sections (a header, the ingredients, the steps
/// of a recipe), and the article is all of them together. A row without the headline (an endless
/// scroll of whole stories, a grid of teasers) keeps the one with the most text.
fn headline_in_sibling_article(a: ElementRef<'_>) -> Option<ElementRef<'_>> {
    let h1 = sel("h1");
    let row: Vec<ElementRef<'_>> = a
        .prev_siblings()
        .chain(a.next_siblings())
        .filter_map(ElementRef::wrap)
        .filter(|s| s.value().name() == "article")
        .collect();
    let headline_in_row = std::iter::once(a)
        .chain(row.iter().copied())
        .any(|s| s.select(&h1).next().is_some());
    if row.is_empty() || !headline_in_row {
        return None;
    }
    a.parent().and_then(ElementRef::wrap)
}

/// Longest heading read as the title of furniture: a longer one is a standfirst or a sentence set
/// as a heading.
const TITLE_MAX_CHARS: usize = 80;

/// Furniture whose heading, written just before it, is its title and goes with it. Not ads or share
/// bars: they sit between a section's heading and its text.
const TITLED_FURNITURE: &[&str] = &["related", "nav", "comments", "newsletter"];

/// Shortest text (bytes, link text not counted) of a block that counts as a paragraph when scoring
/// containers: shorter blocks are labels, buttons and headings.
const SCORED_PARAGRAPH_MIN: usize = 25;

/// Share of a paragraph's text credited to its parent, grandparent and great-grandparent when scoring
/// containers (readability's idea: text split over sibling boxes still makes their common ancestor win,
/// while one box holding all the text keeps the lead over its ancestors).
const ANCESTOR_CREDIT: [f64; 3] = [1.0, 0.5, 1.0 / 3.0];

/// Text a furniture-classed element must exceed (bytes, and more than half the page's paragraph text)
/// to be scored anyway: a wrapper whose class merely mentions a sidebar holds the page, as in the walker.
const FURNITURE_GUARD_MIN: usize = 200;

/// How the page's prose is spread over its elements, readability-style: every block's own text (text
/// nodes whose nearest block ancestor it is, minus link text) of at least [`SCORED_PARAGRAPH_MIN`]
/// credits its ancestors by [`ANCESTOR_CREDIT`]; paragraphs inside furniture (comments, sidebars, calls
/// to action: [`furniture_reason`]) credit nothing.
struct Density {
    /// The best-scored container.
    best: Option<ego_tree::NodeId>,
    /// Paragraph text outside furniture held under each element.
    clean_held: HashMap<ego_tree::NodeId, usize>,
    scan: ParagraphScan,
}

impl Density {
    fn of(doc: &Html) -> Self {
        let scan = ParagraphScan::of(doc);
        // Parents of paragraphs hold the text; the best one is then widened (see `climb`).
        let mut scores: HashMap<ego_tree::NodeId, f64> = HashMap::new();
        let mut clean_held: HashMap<ego_tree::NodeId, usize> = HashMap::new();
        for (net, chain) in &scan.paragraphs {
            if chain.iter().any(|id| scan.excluded(*id)) {
                continue;
            }
            for id in chain {
                *clean_held.entry(*id).or_insert(0) += net;
            }
            for (id, credit) in chain.iter().rev().skip(1).zip(ANCESTOR_CREDIT) {
                *scores.entry(*id).or_insert(0.0) += *net as f64 * credit;
            }
        }
        let best = scores
            .iter()
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(id, _)| *id);
        let best = best.map(|b| climb(doc, &scores, &clean_held, b));
        Density {
            best,
            clean_held,
            scan,
        }
    }

    /// The best container, else `<body>`.
    fn root<'d>(&self, doc: &'d Html) -> Option<ElementRef<'d>> {
        self.best
            .and_then(|id| doc.tree.get(id))
            .and_then(ElementRef::wrap)
            .or_else(|| doc.select(&sel("body")).next())
            .or(Some(doc.root_element()))
    }

    /// Paragraph text outside furniture under an element.
    fn held(&self, e: ElementRef<'_>) -> usize {
        self.clean_held.get(&e.id()).copied().unwrap_or(0)
    }

    /// True when the element or one of its ancestors is furniture that does not hold most of the page.
    fn in_furniture(&self, e: ElementRef<'_>) -> bool {
        std::iter::once(*e)
            .chain(e.ancestors())
            .any(|n| self.scan.excluded(n.id()))
    }
}

/// Elements whose content is never prose, left out when scoring containers (unlike [`SKIP_TAGS`], a
/// `<form>` stays: ASP.NET pages wrap the whole body in one).
const TEXTLESS_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "head", "title", "select", "textarea",
    "button", "iframe", "object",
];

/// Furniture reasons that never name the page itself, however much text they hold: a cookie dialog
/// and a comment thread can outweigh the article, but a layout class naming an ad or a sidebar may
/// sit on the page's own wrapper.
const NEVER_THE_PAGE: &[&str] = &["cookie", "comments"];

/// Share of the best container's score its parent must reach to be the container instead: the parent
/// then holds about as much prose again in other children (a quote box and the paragraphs around
/// it, a recipe's ingredient and step lists), which a single best child would cut off.
const CLIMB_RATIO: f64 = 0.75;

/// How many levels above the best container are looked at for widening: page builders wrap each
/// section's text box in up to three layout boxes (section, container, column) before the section
/// boxes become siblings, so their common parent is four levels up.
const CLIMB_STEPS: usize = 4;

/// Share of the best container's score, or of the prose it holds, a sibling must hold (its score, or
/// its prose at any depth) to make their parent the container: the text is then split over sibling
/// boxes (one per section, as page builders write it). Readability joins siblings from the same share
/// (a fifth of the top score).
const SIBLING_SHARE: f64 = 0.2;

/// Widens the best container to the highest ancestor within [`CLIMB_STEPS`] that scores at least
/// [`CLIMB_RATIO`] of it or holds another child with [`SIBLING_SHARE`] of its score or prose.
fn climb(
    doc: &Html,
    scores: &HashMap<ego_tree::NodeId, f64>,
    held: &HashMap<ego_tree::NodeId, usize>,
    best: ego_tree::NodeId,
) -> ego_tree::NodeId {
    let score = |id: ego_tree::NodeId| scores.get(&id).copied().unwrap_or(0.0);
    // A sibling's prose is the text it holds at any depth: its score credits only three levels.
    let prose = |id: ego_tree::NodeId| held.get(&id).copied().unwrap_or(0) as f64;
    let base = score(best);
    let base_prose = prose(best);
    let (mut chosen, mut cur) = (best, best);
    for _ in 0..CLIMB_STEPS {
        let Some(parent) = doc.tree.get(cur).and_then(|n| n.parent()) else {
            break;
        };
        if !matches!(parent.value(), Node::Element(el) if !matches!(el.name(), "html")) {
            break;
        }
        let sibling_prose = parent
            .children()
            .filter(|c| c.id() != cur)
            .any(|c| score(c.id()) >= SIBLING_SHARE * base || prose(c.id()) >= SIBLING_SHARE * base_prose);
        if sibling_prose || score(parent.id()) >= CLIMB_RATIO * base {
            chosen = parent.id();
        }
        cur = parent.id();
    }
    chosen
}

/// The paragraphs of a page with their ancestor chains, and what furniture contains them.
struct ParagraphScan {
    /// Each paragraph's own text (bytes, links excluded) and its element chain from the root down to itself.
    paragraphs: Vec<(usize, Vec<ego_tree::NodeId>)>,
    /// Elements furniture by class, id, tag or role.
    furniture: HashMap<ego_tree::NodeId, &'static str>,
    /// Paragraph text held under each element.
    held: HashMap<ego_tree::NodeId, usize>,
    /// Heading elements (never credited as containers).
    headings: std::collections::HashSet<ego_tree::NodeId>,
    total: usize,
}

impl ParagraphScan {
    fn of(doc: &Html) -> Self {
        let mut scan = ParagraphScan {
            paragraphs: Vec::new(),
            furniture: Default::default(),
            held: HashMap::new(),
            headings: Default::default(),
            total: 0,
        };
        // Open elements: id, whether it is a block, its own text and own link text so far.
        let mut stack: Vec<(ego_tree::NodeId, bool, usize, usize)> = Vec::new();
        let mut skip: Option<ego_tree::NodeId> = None;
        let mut links = 0usize;
        for edge in doc.root_element().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(n) => {
                    if skip.is_some() {
                        continue;
                    }
                    match n.value() {
                        Node::Element(el) => {
                            let name = el.name();
                            if TEXTLESS_TAGS.contains(&name) {
                                skip = Some(n.id());
                                continue;
                            }
                            if name == "a" {
                                links += 1;
                            }
                            if let Some(r) = furniture_reason(el).filter(|_| !matches!(name, "html" | "body"))
                            {
                                scan.furniture.insert(n.id(), r);
                            }
                            if is_heading(name) {
                                scan.headings.insert(n.id());
                            }
                            stack.push((n.id(), BLOCK_TAGS.contains(&name), 0, 0));
                        }
                        Node::Text(t) => {
                            if let Some(top) = stack.iter_mut().rev().find(|f| f.1) {
                                let len = t.trim().len();
                                top.2 += len;
                                if links > 0 {
                                    top.3 += len;
                                }
                            }
                        }
                        _ => {}
                    }
                }
                ego_tree::iter::Edge::Close(n) => {
                    if let Some(s) = skip {
                        if s == n.id() {
                            skip = None;
                        }
                        continue;
                    }
                    if !matches!(n.value(), Node::Element(_)) {
                        continue;
                    }
                    if let Node::Element(el) = n.value() {
                        if el.name() == "a" {
                            links = links.saturating_sub(1);
                        }
                    }
                    let Some((id, block, own, link)) = stack.pop() else {
                        continue;
                    };
                    let net = own.saturating_sub(link);
                    if block && own >= SCORED_PARAGRAPH_MIN && net > 0 {
                        // A heading is no container: paragraphs inside one come from an unclosed
                        // <h1> in broken HTML, and belong to the heading's parent.
                        let mut chain: Vec<ego_tree::NodeId> = stack
                            .iter()
                            .filter(|f| !scan.headings.contains(&f.0))
                            .map(|f| f.0)
                            .collect();
                        chain.push(id);
                        for a in &chain {
                            *scan.held.entry(*a).or_insert(0) += net;
                        }
                        scan.total += net;
                        scan.paragraphs.push((net, chain));
                    }
                }
            }
        }
        scan
    }

    /// True when an element is furniture and does not hold most of the page (see [`FURNITURE_GUARD_MIN`]).
    fn excluded(&self, id: ego_tree::NodeId) -> bool {
        let Some(reason) = self.furniture.get(&id) else {
            return false;
        };
        if NEVER_THE_PAGE.contains(reason) {
            return true;
        }
        let held = self.held.get(&id).copied().unwrap_or(0);
        !(held > FURNITURE_GUARD_MIN && held * 2 > self.total)
    }
}

fn paragraph_chars(e: ElementRef<'_>) -> usize {
    e.select(&sel("p")).map(text_len).sum()
}

/// Elements whose text is code or markup, not page text: an ad slot's script must not make its box
/// look like the page's text.
const CODE_TAGS: &[&str] = &["script", "style", "noscript", "template"];

/// Bytes of an element's visible text (trimmed text nodes, code left out; see [`CODE_TAGS`]).
fn text_len(e: ElementRef<'_>) -> usize {
    let mut n = 0;
    let mut skip: Option<ego_tree::NodeId> = None;
    for edge in e.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(x) => {
                if skip.is_some() {
                    continue;
                }
                match x.value() {
                    Node::Text(t) => n += t.trim().len(),
                    Node::Element(el) if CODE_TAGS.contains(&el.name()) => skip = Some(x.id()),
                    _ => {}
                }
            }
            ego_tree::iter::Edge::Close(x) => {
                if skip == Some(x.id()) {
                    skip = None;
                }
            }
        }
    }
    n
}

/// True for a site header (masthead): one holding navigation, a search form or a logo, or marked as a
/// banner. An article's own `<header>` (headline, standfirst, byline) is walked instead.
fn is_site_header(h: ElementRef<'_>) -> bool {
    h.value().attr("role") == Some("banner")
        || h.select(&sel("nav, form, [class*=logo], [id*=logo], [class*=menu]"))
            .next()
            .is_some()
}

/// The text of a heading up to its first block-level child (an unclosed `<h1>` in broken HTML can
/// swallow the paragraphs that follow it), whitespace folded.
fn headline_text(h: ElementRef<'_>) -> String {
    let mut out = String::new();
    for edge in h.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(n) => match n.value() {
                Node::Element(el) if n.id() != h.id() && BLOCK_TAGS.contains(&el.name()) => break,
                Node::Text(t) => {
                    for w in t.split_whitespace() {
                        if !out.is_empty() {
                            out.push(' ');
                        }
                        out.push_str(w);
                    }
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(_) => {}
        }
    }
    out
}

/// The text of an element with whitespace folded into single spaces.
fn text_of(e: ElementRef<'_>) -> String {
    let mut out = String::new();
    for t in e.text() {
        for w in t.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

/// The text of an element with a line break at each block boundary (for furniture records).
fn block_text(e: ElementRef<'_>) -> String {
    let mut out = String::new();
    let mut pending_space = false;
    for edge in e.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(n) => match n.value() {
                Node::Text(t) => {
                    for (i, w) in t.split_whitespace().enumerate() {
                        if (i > 0 || pending_space || t.starts_with(char::is_whitespace))
                            && !out.is_empty()
                            && !out.ends_with('\n')
                        {
                            out.push(' ');
                        }
                        out.push_str(w);
                    }
                    pending_space = t.ends_with(char::is_whitespace);
                }
                Node::Element(el) if el.name() == "br" => out.push('\n'),
                _ => {}
            },
            ego_tree::iter::Edge::Close(n) => {
                if let Node::Element(el) = n.value() {
                    if BLOCK_TAGS.contains(&el.name()) && !out.is_empty() && !out.ends_with('\n') {
                        out.push('\n');
                        pending_space = false;
                    }
                }
            }
        }
    }
    out.trim().to_string()
}

/// Splits a class or id value into lowercase tokens at spaces, `-`, `_` and lower→upper case changes.
/// A token's trailing digits are dropped when letters precede them: a template's numbered variant
/// (`cta3`, `sidebar2`, `teaser1`) names the same thing.
pub(crate) fn tokens(value: &str, out: &mut Vec<String>) {
    fn push(out: &mut Vec<String>, mut t: String) {
        let letters = t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if letters > 0 {
            t.truncate(letters);
        }
        out.push(t);
    }
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in value.chars() {
        if c.is_whitespace() || c == '-' || c == '_' || c == ':' || c == '.' {
            if !cur.is_empty() {
                push(out, std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !cur.is_empty() {
            push(out, std::mem::take(&mut cur));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        push(out, cur);
    }
}

/// The furniture reason an element's tag, class, id or attributes name, if any.
fn furniture_reason(el: &scraper::node::Element) -> Option<&'static str> {
    if el.attr("data-ad-unit").is_some() || el.attr("data-ad-slot").is_some() || el.attr("data-ad").is_some()
    {
        return Some("ad");
    }
    // Class and id say most (an <aside> may be a newsletter box); the tag and role are the fallback.
    let mut toks = Vec::new();
    if let Some(c) = el.attr("class") {
        tokens(c, &mut toks);
    }
    if let Some(i) = el.attr("id") {
        tokens(i, &mut toks);
    }
    // A custom element's name (`pp-inline-teaser`, `related-posts`) is chosen like a class.
    if el.name().contains('-') {
        tokens(el.name(), &mut toks);
    }
    // A link styled as a button is a call to action ("Sign up free »", "Download the app"), not text.
    if el.name() == "a" && toks.iter().any(|t| BUTTON_TOKENS.contains(&t.as_str())) {
        return Some("newsletter");
    }
    for w in toks.windows(2) {
        if let Some(&(_, _, r)) = FURNITURE_PAIRS.iter().find(|(a, b, _)| *a == w[0] && *b == w[1]) {
            return Some(r);
        }
    }
    if toks
        .windows(2)
        .any(|w| MEDIA_TOKENS.contains(&w[0].as_str()) && MEDIA_NOTE_TOKENS.contains(&w[1].as_str()))
    {
        return Some("caption");
    }
    // `has-ads`, `with-sidebar`, `no-comments` describe a layout around the text, not furniture.
    let mut prev_modifier = false;
    toks.retain(|t| {
        let keep = !prev_modifier;
        prev_modifier = LAYOUT_MODIFIERS.contains(&t.as_str());
        keep
    });
    if let Some(r) = toks
        .iter()
        .find_map(|t| FURNITURE_TOKENS.iter().find(|(k, _)| k == t).map(|&(_, r)| r))
    {
        return Some(r);
    }
    if let Some(r) = toks.iter().find_map(|t| {
        FURNITURE_PREFIXES
            .iter()
            .find(|(p, _)| t.starts_with(p))
            .map(|&(_, r)| r)
    }) {
        return Some(r);
    }
    if let Some(r) = toks.iter().find_map(|t| {
        FURNITURE_SUFFIXES
            .iter()
            .find(|(x, _)| t.len() > x.len() && t.ends_with(x))
            .map(|&(_, r)| r)
    }) {
        return Some(r);
    }
    match (el.name(), el.attr("role")) {
        ("nav", _) | (_, Some("navigation")) => Some("nav"),
        ("aside", _) | (_, Some("complementary")) => Some("related"),
        ("footer", _) | (_, Some("contentinfo")) => Some("footer"),
        (_, Some("banner")) => Some("nav"),
        _ => None,
    }
}

/// How many closing paragraphs are read for promotions of the publisher's channels.
const CLOSING_PARAS: usize = 3;

/// True when a text names one of [`CHANNEL_WORDS`](wiretrace_lang::page_words::CHANNEL_WORDS).
fn names_a_channel(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|w| {
        let w = w.to_lowercase();
        CHANNEL_WORDS
            .iter()
            .any(|c| if c.len() <= 3 { w == *c } else { w.starts_with(c) })
    })
}

/// Longest block read as a call to action or credit line.
const PROMPT_MAX_CHARS: usize = 250;

/// The furniture reason of a short call to action or credit line (see [`PROMPT_OPENINGS`](wiretrace_lang::page_words::PROMPT_OPENINGS)).
fn prompt_line(text: &str) -> Option<&'static str> {
    if text.len() > PROMPT_MAX_CHARS {
        return None;
    }
    let lower = text
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    PROMPT_OPENINGS
        .iter()
        .find(|(p, _)| lower.starts_with(p))
        .map(|&(_, r)| r)
}

/// Longest block read as a "read more" pointer: a label and one headline, not a paragraph.
const READ_MORE_MAX_CHARS: usize = 220;

/// True for a short block that points to another story (see [`READ_MORE_LABELS`](wiretrace_lang::page_words::READ_MORE_LABELS)).
fn read_more_line(text: &str) -> bool {
    if text.len() > READ_MORE_MAX_CHARS {
        return false;
    }
    let lower = text
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    READ_MORE_LABELS.iter().any(|l| {
        lower.strip_prefix(l).is_some_and(|rest| {
            // The label stands alone or ends at punctuation: "Read more: …", not "Read more books".
            rest.is_empty()
                || rest.starts_with([':', '.', '»', '>', '|', '–', '—', '-', '…'])
                || rest.trim_start().starts_with(['"', '“', '„', '«', '‹'])
                || l.ends_with(':')
        })
    })
}

/// Longest block read as a figure's caption ("Figure 4: the weak layer seen from above…").
const CAPTION_MAX_CHARS: usize = 300;

/// True for a caption by its label: a figure word of [`wiretrace_lang::boilerplate::FIGURE_WORDS`],
/// its number, then punctuation or nothing ("Abbildung 4: …", "Fig. 2.", "Rys. 3 –"); "Figure 1 shows
/// …" is a sentence and stays.
fn figure_caption(text: &str) -> bool {
    if text.len() > CAPTION_MAX_CHARS * 4 || text.chars().count() > CAPTION_MAX_CHARS {
        return false;
    }
    let mut words = text.split_whitespace();
    let Some(first) = words.next() else { return false };
    if !wiretrace_lang::boilerplate::is_figure_word(&wiretrace_text::fold(first.trim_end_matches('.'))) {
        return false;
    }
    let Some(num) = words.next() else { return false };
    let digits = num.trim_end_matches(|c: char| !c.is_ascii_digit());
    let after = &num[digits.len()..];
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && (!after.is_empty()
            || words
                .next()
                .is_none_or(|w| w.starts_with(['–', '—', '-', '|', ':'])))
}

/// True for a line titling a related-articles section (see
/// [`wiretrace_lang::boilerplate::RELATED_SECTION_LABELS`]), punctuation around it ignored.
fn related_section_label(text: &str) -> bool {
    if text.chars().count() > TITLE_MAX_CHARS {
        return false;
    }
    let folded: Vec<String> = text
        .split_whitespace()
        .map(|w| wiretrace_text::fold(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')))
        .filter(|w| !w.is_empty())
        .collect();
    !folded.is_empty() && wiretrace_lang::boilerplate::is_related_section_label(&folded.join(" "))
}

fn ad_label(text: &str) -> bool {
    // Labels are short; skip the folding work for real paragraphs.
    if text.len() > 80 {
        return false;
    }
    let t: String = text
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    !t.is_empty() && t.len() <= 60 && AD_LABELS.contains(&t.as_str())
}

/// Walks the root's subtree and emits body blocks (see the module doc).
struct Walker<'h> {
    headline: Option<String>,
    headline_done: bool,
    buf: String,
    buf_link_chars: usize,
    link_depth: usize,
    blocks: Vec<Block>,
    /// Indexes of the paragraphs that are headings (`h2`…`h6`).
    heading_paras: Vec<usize>,
    /// Open heading elements around the walk's position.
    heading_depth: usize,
    /// Indexes of the paragraphs holding a link.
    linked_paras: Vec<usize>,
    root_text: usize,
    /// Comment threads are read as text (a page that is nothing but a discussion: a forum thread).
    comments_are_text: bool,
    /// Open block elements around the walk's position, innermost last.
    open_blocks: Vec<ego_tree::NodeId>,
    /// For each of `open_blocks`, whether it is a table cell.
    open_cells: Vec<bool>,
    /// Each paragraph's index and the innermost block element holding its text.
    para_homes: Vec<(usize, ego_tree::NodeId)>,
    _p: std::marker::PhantomData<&'h ()>,
}

impl<'h> Walker<'h> {
    fn new(headline: Option<&str>) -> Self {
        Walker {
            headline: headline.map(fold_ws_lower),
            headline_done: false,
            buf: String::new(),
            buf_link_chars: 0,
            link_depth: 0,
            blocks: Vec::new(),
            heading_paras: Vec::new(),
            heading_depth: 0,
            linked_paras: Vec::new(),
            root_text: 0,
            comments_are_text: false,
            open_blocks: Vec::new(),
            open_cells: Vec::new(),
            para_homes: Vec::new(),
            _p: std::marker::PhantomData,
        }
    }

    /// True when the text being read sits in a table cell: a cell made of a link is data (an
    /// ingredient, a listed item), not a link to another page's story.
    fn in_table_cell(&self) -> bool {
        self.open_cells.last() == Some(&true)
    }

    /// True when `e` holds more than half the root's text: a page wrapper, whatever its tag (ASP.NET
    /// wraps the whole body in one `<form>`).
    fn holds_most_text(&self, e: ElementRef<'_>) -> bool {
        text_len(e) * 2 > self.root_text
    }

    /// A walker that reads comment threads as text.
    fn reading_comments(headline: Option<&str>) -> Self {
        Walker {
            comments_are_text: true,
            ..Walker::new(headline)
        }
    }

    fn walk(mut self, root: ElementRef<'_>) -> Vec<Block> {
        self.root_text = text_len(root).max(1);
        let mut skip: Option<ego_tree::NodeId> = None;
        for edge in root.traverse() {
            match edge {
                ego_tree::iter::Edge::Open(n) => {
                    if skip.is_some() {
                        continue;
                    }
                    match n.value() {
                        Node::Text(t) => self.push_text(t),
                        Node::Element(el) => {
                            let name = el.name();
                            if n.id() != root.id() && self.skips(n, el) {
                                skip = Some(n.id());
                                continue;
                            }
                            if BLOCK_TAGS.contains(&name) {
                                self.flush();
                                self.open_blocks.push(n.id());
                                self.open_cells.push(matches!(name, "td" | "th"));
                            }
                            match name {
                                "a" => self.link_depth += 1,
                                "br" => self.buf.push('\n'),
                                "h2" | "h3" | "h4" | "h5" | "h6" => self.heading_depth += 1,
                                _ => {}
                            }
                        }
                        _ => {}
                    }
                }
                ego_tree::iter::Edge::Close(n) => {
                    if let Some(s) = skip {
                        if s == n.id() {
                            skip = None;
                        }
                        continue;
                    }
                    if let Node::Element(el) = n.value() {
                        if el.name() == "a" {
                            self.link_depth = self.link_depth.saturating_sub(1);
                        }
                        if BLOCK_TAGS.contains(&el.name()) {
                            self.flush();
                            self.open_blocks.pop();
                            self.open_cells.pop();
                        }
                        if matches!(el.name(), "h2" | "h3" | "h4" | "h5" | "h6") {
                            self.heading_depth = self.heading_depth.saturating_sub(1);
                        }
                    }
                }
            }
        }
        self.flush();
        if !self.comments_are_text {
            self.prune_edge(root, Edge::Tail);
            self.prune_edge(root, Edge::Head);
        }
        self.prune_related_section();
        self.prune_trailing_headings();
        self.prune_closing_promotions();
        self.prune_trailing_headings();
        self.blocks
    }

    /// A line titling a related-articles section ("Related articles", "Mehr zum Thema", "Articles liés")
    /// after the text has begun opens the page's furniture: it and everything after it are related
    /// teasers, as long as what follows holds at most [`RELATED_REST_MAX_SHARE`] of the text before it
    /// (a label followed by most of the page's text was a misread line, not the section's title), or
    /// [`RELATED_REST_AFTER_FURNITURE_MAX_SHARE`] when the next block is furniture already (the title's
    /// list was removed by its markup, and the text may go on after a related box).
    fn prune_related_section(&mut self) {
        fn text_of(b: &Block) -> &str {
            match b {
                Block::Para(t) | Block::Furniture { text: t, .. } => t.as_str(),
            }
        }
        let para_len = |b: &Block| match b {
            Block::Para(t) => t.len(),
            Block::Furniture { .. } => 0,
        };
        let mut before = 0usize;
        for i in 0..self.blocks.len() {
            // A title followed by removed furniture titled it (a related list set aside by its
            // markup); the text may go on after it.
            let titles_furniture = matches!(self.blocks.get(i + 1), Some(Block::Furniture { .. }));
            if before > 0 && related_section_label(text_of(&self.blocks[i])) {
                let rest: usize = self.blocks[i + 1..].iter().map(para_len).sum();
                let share = if titles_furniture {
                    RELATED_REST_AFTER_FURNITURE_MAX_SHARE
                } else {
                    RELATED_REST_MAX_SHARE
                };
                if rest as f64 <= share * before as f64 {
                    for b in &mut self.blocks[i..] {
                        if let Block::Para(t) = b {
                            *b = Block::Furniture {
                                text: std::mem::take(t),
                                reason: "related",
                            };
                        }
                    }
                    self.heading_paras.retain(|&h| h < i);
                    return;
                }
            }
            before += para_len(&self.blocks[i]);
        }
    }

    /// Edge pruning, as trafilatura prunes the ends of a text. After the last long paragraph (see
    /// [`EDGE_ANCHOR_CHARS`]), the trailing run of short paragraphs is related furniture ("more on this
    /// topic" teasers, paywall offers, forum controls); before the first long paragraph, the leading
    /// run is navigation (breadcrumbs, section kickers). A paragraph ends the run when it lies in the
    /// long paragraph's own box (a sign-off, a last one-line paragraph) or is shaped like the text's
    /// paragraphs (text split into one box per paragraph); at the head, a heading opens the text.
    fn prune_edge(&mut self, root: ElementRef<'_>, edge: Edge) {
        let tree = root.tree();
        let is_long =
            |i: usize| matches!(&self.blocks[i], Block::Para(t) if t.chars().count() >= EDGE_ANCHOR_CHARS);
        let anchor = match edge {
            Edge::Head => self.para_homes.iter().find(|(i, _)| is_long(*i)),
            Edge::Tail => self.para_homes.iter().rev().find(|(i, _)| is_long(*i)),
        };
        let Some(&(anchor, home)) = anchor else {
            return;
        };
        let Some(container) = text_container(tree, home) else {
            return;
        };
        let in_text = |i: usize| match edge {
            Edge::Head => i >= anchor,
            Edge::Tail => i <= anchor,
        };
        let text_shapes: Vec<Shape<'_>> = self
            .para_homes
            .iter()
            .filter(|(i, _)| in_text(*i))
            .filter_map(|&(_, h)| shape(tree, h))
            .collect();
        // The paragraphs beyond the anchor, read from the page's edge inwards.
        let beyond: Vec<(usize, ego_tree::NodeId)> = match edge {
            Edge::Head => self
                .para_homes
                .iter()
                .take_while(|(i, _)| *i < anchor)
                .copied()
                .collect(),
            Edge::Tail => self
                .para_homes
                .iter()
                .rev()
                .take_while(|(i, _)| *i > anchor)
                .copied()
                .collect(),
        };
        let mut cut = Vec::new();
        for (i, h) in beyond {
            let Block::Para(t) = &self.blocks[i] else { continue };
            let like_text = shape(tree, h).is_some_and(|s| text_shapes.contains(&s));
            let opens_text = edge == Edge::Head && self.heading_paras.contains(&i);
            if t.chars().count() >= edge.short_chars()
                || is_within(tree, h, container)
                || like_text
                || opens_text
            {
                break;
            }
            cut.push(i);
        }
        for i in cut {
            if let Block::Para(text) = &self.blocks[i] {
                self.blocks[i] = Block::Furniture {
                    text: text.clone(),
                    reason: edge.reason(),
                };
            }
        }
    }

    /// The last paragraphs of a text that link to a channel of the publisher (its app, a messaging or
    /// video channel, a subscription) are promotions, not the article's close: "Download our app for
    /// iOS and Android", "Join our Telegram channel here". Only the last [`CLOSING_PARAS`] paragraphs
    /// are read, and only short ones holding a link or ending in an exclamation ("Watch our YouTube
    /// channel!").
    fn prune_closing_promotions(&mut self) {
        let paras: Vec<usize> = (0..self.blocks.len())
            .filter(|i| matches!(self.blocks[*i], Block::Para(_)))
            .collect();
        if paras.len() <= CLOSING_PARAS {
            return;
        }
        for &i in paras.iter().rev().take(CLOSING_PARAS) {
            let Block::Para(text) = &self.blocks[i] else {
                continue;
            };
            let linked_or_exclaimed = self.linked_paras.contains(&i) || text.trim_end().ends_with('!');
            if text.len() <= PROMPT_MAX_CHARS && linked_or_exclaimed && names_a_channel(text) {
                self.blocks[i] = Block::Furniture {
                    text: text.clone(),
                    reason: "share",
                };
            }
        }
    }

    /// Headings left at the end of the text title nothing that was kept: what they titled (a related
    /// list, a comment form, a gallery) was furniture or media.
    fn prune_trailing_headings(&mut self) {
        while let Some(&i) = self.heading_paras.last() {
            let is_para = |b: &Block| matches!(b, Block::Para(_));
            // Kept when text follows it, or when it is all the text there is.
            if self.blocks[i + 1..].iter().any(is_para) || !self.blocks[..i].iter().any(is_para) {
                break;
            }
            self.heading_paras.pop();
            self.furnish(i, "related");
        }
    }

    /// Turns the paragraph at `i` into furniture when it is short enough to be a title (see
    /// [`TITLE_MAX_CHARS`]).
    fn furnish(&mut self, i: usize, reason: &'static str) {
        if let Block::Para(text) = &self.blocks[i] {
            if text.chars().count() > TITLE_MAX_CHARS {
                return;
            }
            self.blocks[i] = Block::Furniture {
                text: text.clone(),
                reason,
            };
        }
    }

    /// A heading written just before a related list, navigation, comment section or newsletter box
    /// is that furniture's title ("More on this", "Comments").
    fn furnish_title_of(&mut self, reason: &'static str) {
        if !TITLED_FURNITURE.contains(&reason) {
            return;
        }
        if let Some(&i) = self.heading_paras.last() {
            if i + 1 == self.blocks.len() {
                self.heading_paras.pop();
                self.furnish(i, reason);
            }
        }
    }

    /// Decides whether the element's subtree is left out of the body (recording furniture as it goes).
    fn skips(&mut self, n: ego_tree::NodeRef<'_, Node>, el: &scraper::node::Element) -> bool {
        let name = el.name();
        let Some(e) = ElementRef::wrap(n) else {
            return SKIP_TAGS.contains(&name);
        };
        if SKIP_TAGS.contains(&name) && !(name == "form" && self.holds_most_text(e)) {
            return true;
        }
        if name == "time" && self.is_standalone(e) {
            // A date line is metadata; a <time> inside a sentence ("on <time>Monday</time>") is text.
            return true;
        }
        if name == "header" && is_site_header(e) {
            return true;
        }
        if name == "h1" && !self.headline_done {
            let t = fold_ws_lower(&text_of(e));
            // The first <h1> before any paragraph is the headline, as is one matching the title. An
            // unclosed <h1> in broken HTML swallows the paragraphs after it: such a long heading is
            // walked, and `flush` drops the headline's own text.
            let before_body = !self.blocks.iter().any(|b| matches!(b, Block::Para(_)));
            let matches = self.headline.as_ref().is_none_or(|h| {
                *h == t
                    || (!t.is_empty() && h.contains(&t))
                    || (t.contains(h.as_str()) && t.len() <= h.len() + 40)
            });
            if t.len() <= 300 && (matches || before_body) {
                self.headline_done = true;
                return true;
            }
        }
        let reason = furniture_reason(el).or_else(|| self.link_list(e, name));
        let Some(reason) = reason else { return false };
        if reason == "comments" && self.comments_are_text {
            return false;
        }
        let len = text_len(e);
        if len * 2 > self.root_text && len > 200 {
            return false;
        }
        self.flush();
        self.furnish_title_of(reason);
        let text = block_text(e);
        if reason == "byline" && author_from_byline(&text).is_some() {
            return true;
        }
        if !text.is_empty() {
            self.blocks.push(Block::Furniture { text, reason });
        }
        true
    }

    /// True when a `<time>` stands alone (nothing else in its block so far, and its parent holds no
    /// other text), so it is a date line rather than part of a sentence.
    fn is_standalone(&self, t: ElementRef<'_>) -> bool {
        if !self.buf.trim().is_empty() {
            return false;
        }
        let own = text_len(t);
        let Some(parent) = t.parent().and_then(ElementRef::wrap) else {
            return true;
        };
        let in_sentence = matches!(
            parent.value().name(),
            "p" | "li" | "span" | "a" | "em" | "strong" | "b" | "i" | "td" | "blockquote" | "q" | "h2" | "h3"
        );
        !in_sentence || text_len(parent) <= own + 2
    }

    /// A list or short block made mostly of links is a related-stories or navigation list.
    fn link_list(&self, e: ElementRef<'_>, name: &str) -> Option<&'static str> {
        if !matches!(name, "ul" | "ol" | "div" | "section" | "table" | "dl") {
            return None;
        }
        let total = text_len(e);
        if total == 0 || total > 1500 {
            return None;
        }
        let links: Vec<ElementRef<'_>> = e.select(&sel("a")).collect();
        if links.len() < 2 {
            return None;
        }
        let link_chars: usize = links.iter().map(|a| text_len(*a)).sum();
        (link_chars * 10 >= total * 7).then_some("related")
    }

    fn push_text(&mut self, t: &str) {
        let mut first = true;
        let starts_ws = t.starts_with(char::is_whitespace);
        for w in t.split_whitespace() {
            if (!first || starts_ws) && !self.buf.is_empty() && !self.buf.ends_with([' ', '\n']) {
                self.buf.push(' ');
            }
            self.buf.push_str(w);
            if self.link_depth > 0 {
                self.buf_link_chars += w.len();
            }
            first = false;
        }
        if t.ends_with(char::is_whitespace) && !self.buf.is_empty() && !self.buf.ends_with([' ', '\n']) {
            self.buf.push(' ');
        }
    }

    fn flush(&mut self) {
        let text = self.buf.trim();
        if !text.is_empty() {
            let len = text.len();
            if !self.headline_done
                && self.headline.as_ref().is_some_and(|h| {
                    h.len() <= len + 2
                        && fold_ws_lower(text).starts_with(h.as_str())
                        && h.len() * 10 >= len * 9
                })
            {
                self.headline_done = true;
            } else if read_more_line(text) {
                self.blocks.push(Block::Furniture {
                    text: text.to_string(),
                    reason: "related",
                });
            } else if let Some(reason) = prompt_line(text) {
                self.blocks.push(Block::Furniture {
                    text: text.to_string(),
                    reason,
                });
            } else if figure_caption(text) {
                self.blocks.push(Block::Furniture {
                    text: text.to_string(),
                    reason: "caption",
                });
            } else if date_line(text) {
                self.blocks.push(Block::Furniture {
                    text: text.to_string(),
                    reason: "byline",
                });
            } else if ad_label(text) {
                self.blocks.push(Block::Furniture {
                    text: text.to_string(),
                    reason: "ad",
                });
            } else if len < 200
                && !self.in_table_cell()
                && self.buf_link_chars * 10 >= text.bytes().filter(|b| !b.is_ascii_whitespace()).count() * 9
                && text.split_whitespace().count() > 1
            {
                self.blocks.push(Block::Furniture {
                    text: text.to_string(),
                    reason: "related",
                });
            } else {
                if self.heading_depth > 0 {
                    self.heading_paras.push(self.blocks.len());
                }
                if self.buf_link_chars > 0 {
                    self.linked_paras.push(self.blocks.len());
                }
                if let Some(&home) = self.open_blocks.last() {
                    self.para_homes.push((self.blocks.len(), home));
                }
                self.blocks.push(Block::Para(text.to_string()));
            }
        }
        self.buf.clear();
        self.buf_link_chars = 0;
    }
}

/// Most text (as a share of the text before it) that may follow a related-section title for the rest
/// of the page to be read as that section: related lists are shorter than the article they follow.
const RELATED_REST_MAX_SHARE: f64 = 0.5;

/// [`RELATED_REST_MAX_SHARE`] when the related-section title is followed by furniture (its list, removed
/// by its markup): a related box in the middle of an article is followed by the article's last
/// paragraphs, so only a short remainder is read as more of the section.
const RELATED_REST_AFTER_FURNITURE_MAX_SHARE: f64 = 0.25;

/// Shortest paragraph that anchors edge pruning: a paragraph of prose, longer than any teaser,
/// link label or offer line.
const EDGE_ANCHOR_CHARS: usize = 200;

/// Longest paragraph pruned after the text: a title, a link label or a one-line offer; a paragraph of
/// text ends the pruned run.
const TAIL_SHORT_CHARS: usize = 120;

/// Longest paragraph pruned before the text: a breadcrumb, kicker or share label. Shorter than the
/// tail's bound, as a standfirst or a subtitle often opens a text before its first long paragraph.
const HEAD_SHORT_CHARS: usize = 60;

/// Which end of a text edge pruning reads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Edge {
    Head,
    Tail,
}

impl Edge {
    /// Longest paragraph pruned at this end.
    fn short_chars(self) -> usize {
        match self {
            Edge::Head => HEAD_SHORT_CHARS,
            Edge::Tail => TAIL_SHORT_CHARS,
        }
    }

    /// The furniture reason of what is pruned at this end.
    fn reason(self) -> &'static str {
        match self {
            Edge::Head => "nav",
            Edge::Tail => "related",
        }
    }
}

/// Paragraph-like elements whose parent is the container of the text they belong to.
const PARAGRAPH_TAGS: &[&str] = &[
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "dt",
    "dd",
    "td",
    "th",
    "caption",
];

/// The element holding a paragraph's text block: the parent of a `<p>` (or another paragraph-like
/// element), or the block itself when text sits loose in a `<div>`.
fn text_container(tree: &ego_tree::Tree<Node>, home: ego_tree::NodeId) -> Option<ego_tree::NodeId> {
    let mut n = tree.get(home)?;
    while let Node::Element(el) = n.value() {
        if !PARAGRAPH_TAGS.contains(&el.name()) {
            return Some(n.id());
        }
        n = n.parent()?;
    }
    None
}

/// A paragraph's shape: its element's tag and its parent's tag and class. Paragraphs of one text
/// share a shape even when each sits in its own box.
type Shape<'t> = [(&'t str, Option<&'t str>); 3];

fn shape(tree: &ego_tree::Tree<Node>, home: ego_tree::NodeId) -> Option<Shape<'_>> {
    let n = tree.get(home)?;
    let mut out: Shape<'_> = [("", None); 3];
    for (slot, a) in out.iter_mut().zip(std::iter::once(n).chain(n.ancestors())) {
        if let Node::Element(el) = a.value() {
            *slot = (el.name(), el.attr("class"));
        }
    }
    Some(out)
}

/// True when `node` is `ancestor` or lies inside it.
fn is_within(tree: &ego_tree::Tree<Node>, node: ego_tree::NodeId, ancestor: ego_tree::NodeId) -> bool {
    tree.get(node).is_some_and(|n| {
        std::iter::once(n)
            .chain(n.ancestors())
            .any(|a| a.id() == ancestor)
    })
}

fn fold_ws_lower(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(d: &Draft) -> Vec<String> {
        d.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Para(p) => Some(p.clone()),
                _ => None,
            })
            .collect()
    }

    fn furniture(d: &Draft) -> Vec<(String, &'static str)> {
        d.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Furniture { text, reason } => Some((text.clone(), *reason)),
                _ => None,
            })
            .collect()
    }

    const PAGE: &str = r#"<!DOCTYPE html><html lang="en-GB"><head>
<title>Storm hits coast | The Courier</title>
<meta property="og:site_name" content="The Courier">
<meta property="article:published_time" content="2026-01-08T10:00:00+01:00">
<link rel="canonical" href="https://courier.example/storm">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Storm hits the coast","author":{"@type":"Person","name":"Ana Ruiz"},"publisher":{"name":"Courier Group"}}</script>
</head><body>
<nav class="site-nav"><a href="/">Home</a> <a href="/world">World</a></nav>
<main><article>
<h1>Storm hits the coast</h1><p class="byline">By Ana Ruiz</p><time datetime="2026-01-08">8 Jan</time>
<p>A storm hit the coast on <em>Tuesday</em>, said <a href="/p">officials</a>.</p>
<div class="share-bar"><p>Share on Facebook</p></div>
<p>Homes were flooded.<br>Roads closed.</p>
<p class="inline-promo">Advertisement</p>
<h2>Clean-up</h2>
<p>Crews began clearing debris.</p>
<div class="related-stories"><p>Read more:</p><ul><li><a href="/a">Rain returns</a></li><li><a href="/b">Wind warning</a></li></ul></div>
</article><aside class="most-read"><a href="/x">Other story</a></aside></main>
<footer>© The Courier</footer></body></html>"#;

    #[test]
    fn page_metadata_comes_from_meta_and_json_ld() {
        let d = draft_of_document(PAGE);
        assert_eq!(d.title.as_deref(), Some("Storm hits the coast"));
        assert_eq!(d.outlet.as_deref(), Some("The Courier"));
        assert_eq!(d.author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(d.url.as_deref(), Some("https://courier.example/storm"));
        assert_eq!(d.language.as_deref(), Some("en-GB"));
        assert_eq!(d.published.unwrap().to_rfc3339(), "2026-01-08T09:00:00+00:00");
    }

    #[test]
    fn body_keeps_paragraphs_and_drops_furniture() {
        let d = draft_of_document(PAGE);
        assert_eq!(
            paras(&d),
            vec![
                "A storm hit the coast on Tuesday, said officials.",
                "Homes were flooded.\nRoads closed.",
                "Clean-up",
                "Crews began clearing debris."
            ]
        );
        let f = furniture(&d);
        assert_eq!(f.len(), 3, "{f:?}");
        assert_eq!(f[0], ("Share on Facebook".to_string(), "share"));
        assert_eq!(f[1], ("Advertisement".to_string(), "ad"));
        assert_eq!(f[2].1, "related");
        assert!(f[2].0.starts_with("Read more:\nRain returns"));
    }

    /// A fictional long paragraph (over [`EDGE_ANCHOR_CHARS`]) for tail-pruning pages.
    fn long_para(topic: &str) -> String {
        format!(
            "The council of {topic} met on Monday evening to debate the new ferry timetable, which moves the \
             first crossing of the day an hour earlier and adds a late boat on Fridays, after months of \
             complaints from commuters and shop owners on both banks."
        )
    }

    #[test]
    fn short_blocks_after_the_text_outside_its_box_are_pruned() {
        let html = format!(
            "<html><body><article><div class=story><p>{}</p><p>{}</p><p>Tickets go on sale next week.</p></div>\
             <div class=panel-b><h3>Topics in this article</h3><p>Ferries</p><p>Harbour works</p></div>\
             </article></body></html>",
            long_para("Northport"),
            long_para("Eastbay")
        );
        let d = draft_of_document(&html);
        let p = paras(&d);
        // The closing line inside the story's own box stays; the topic row after it goes.
        assert_eq!(
            p.last().map(String::as_str),
            Some("Tickets go on sale next week."),
            "{p:?}"
        );
        assert!(!p.iter().any(|x| x == "Ferries" || x == "Harbour works"), "{p:?}");
        let f = furniture(&d);
        assert!(
            f.iter().any(|(t, r)| t == "Harbour works" && *r == "related"),
            "{f:?}"
        );
    }

    #[test]
    fn a_text_with_one_box_per_paragraph_keeps_its_short_last_paragraph() {
        let boxed = |t: &str| format!("<div class=body-section><div class=body-text><p>{t}</p></div></div>");
        let html = format!(
            "<html><body><div class=article>{}{}{}</div><div class=end><p>Share this</p></div></body></html>",
            boxed(&long_para("Northport")),
            boxed(&long_para("Westfield")),
            boxed("The mayor left the hall without comment.")
        );
        let d = draft_of_document(&html);
        let p = paras(&d);
        assert_eq!(
            p.last().map(String::as_str),
            Some("The mayor left the hall without comment."),
            "{p:?}"
        );
    }

    #[test]
    fn a_long_paragraph_after_the_text_stops_tail_pruning() {
        let html = format!(
            "<html><body><div class=story><p>{}</p><p>{}</p></div><div class=extra><p>Ferry notes</p><p>{}</p>\
             <p>Last line.</p></div></body></html>",
            long_para("Northport"),
            long_para("Eastbay"),
            long_para("Southmoor")
        );
        let p = paras(&draft_of_document(&html));
        // The extra box holds prose: only what follows its long paragraph is a candidate, and it sits
        // in that paragraph's own box.
        assert!(p.iter().any(|x| x == "Last line."), "{p:?}");
    }

    #[test]
    fn short_blocks_before_the_text_outside_its_box_are_pruned() {
        let html = format!(
            "<html><body><article><div class=crumbs-b><p>Home</p><p>Region</p></div>\
             <div class=story><h2>Late boats on Fridays</h2><p>{}</p><p>{}</p></div></article></body></html>",
            long_para("Northport"),
            long_para("Eastbay")
        );
        let d = draft_of_document(&html);
        let p = paras(&d);
        // The trail before the text goes; the heading inside the story's box opens the text.
        assert_eq!(
            p.first().map(String::as_str),
            Some("Late boats on Fridays"),
            "{p:?}"
        );
        let f = furniture(&d);
        assert!(f.iter().any(|(t, r)| t == "Region" && *r == "nav"), "{f:?}");
    }

    #[test]
    fn a_heading_before_the_text_is_not_head_pruned() {
        let html = format!(
            "<html><body><article><div class=top-b><h2>Legal notice</h2></div>\
             <div class=story><p>{}</p><p>{}</p></div></article></body></html>",
            long_para("Northport"),
            long_para("Eastbay")
        );
        let p = paras(&draft_of_document(&html));
        assert_eq!(p.first().map(String::as_str), Some("Legal notice"), "{p:?}");
    }

    #[test]
    fn pages_without_article_use_the_densest_block() {
        let html = "<html><body><div id=menu><a href=/>Home</a></div><div class=content>\
            <p>First paragraph of the story is long enough to count.</p>\
            <p>Second paragraph of the story is long enough too.</p></div>\
            <div class=footer-links><p>Contact us and more.</p></div></body></html>";
        let d = draft_of_document(html);
        assert_eq!(paras(&d).len(), 2);
        assert!(paras(&d)[0].starts_with("First paragraph"));
    }

    #[test]
    fn glued_plugin_names_are_furniture() {
        let html = "<div class=\"entry-content\"><p>Body paragraph one is long enough to count here.</p>\
            <div class=\"sharedaddy sd-sharing\">Share this: Twitter</div><ins class=\"adsbygoogle\">Ad</ins>\
            <div id=\"jp-relatedposts\">Related: Other post</div><p>Body paragraph two is long enough too.</p></div>";
        let d = draft_of_document(html);
        assert_eq!(paras(&d).len(), 2);
        let reasons: Vec<&str> = furniture(&d).iter().map(|f| f.1).collect();
        assert_eq!(reasons, vec!["share", "ad", "related"]);
    }

    #[test]
    fn comments_tags_captions_and_read_more_pointers_are_furniture() {
        let html =
            "<article><p>The bridge reopened on Monday after four weeks of repairs to its bearings.</p>\
            <p>Lea también: Otra noticia del puerto</p>\
            <div class=\"wp-caption-text\">Photo: the bridge at dawn</div>\
            <ul class=\"article-tags\"><li>bridge</li><li>harbour</li></ul>\
            <p>Traffic is back to normal, the council said in a statement on Tuesday.</p>\
            <div id=\"comment-list\"><p>Great news, finally!</p></div></article>";
        let d = draft_of_document(html);
        assert_eq!(
            paras(&d),
            vec![
                "The bridge reopened on Monday after four weeks of repairs to its bearings.",
                "Traffic is back to normal, the council said in a statement on Tuesday."
            ]
        );
        let reasons: Vec<&str> = furniture(&d).iter().map(|f| f.1).collect();
        assert_eq!(reasons, vec!["related", "caption", "nav", "comments"]);
        // "Read more" opening a real sentence is text.
        assert!(!read_more_line("Read more books, the minister told pupils."));
        assert!(read_more_line("Read more: Rain returns"));
        assert!(read_more_line("Lea: El puerto abre una nueva terminal"));
        assert!(!read_more_line("Lea Müller won the race on Sunday."));
        assert_eq!(
            prompt_line("Subscribe now to our weekly edition."),
            Some("newsletter")
        );
        assert_eq!(prompt_line("Foto: Ana Ruiz / Agencia"), Some("caption"));
        assert_eq!(prompt_line("Subscribers rose by a third last year."), None);
        assert_eq!(prompt_line("Möchten Sie den Artikel teilen?"), Some("share"));
        assert_eq!(prompt_line("Partagez cet article avec vos amis"), Some("share"));
        assert_eq!(
            prompt_line("Wenn Ihnen unser Artikel gefallen hat: Unterstützen Sie unsere Arbeit."),
            Some("ad")
        );
        assert_eq!(
            prompt_line("If you enjoyed this article, tell a friend."),
            Some("ad")
        );
        assert_eq!(prompt_line("Artikel 12 teilt die Zuständigkeit neu auf."), None);
    }

    #[test]
    fn date_lines_and_author_descriptions_are_furniture() {
        let html = "<article><div class=\"meta\"><span>Dienstag, 4. Juni 2026</span></div>\
            <p>The ferry company ordered two electric boats for the lake crossing this spring.</p>\
            <p>They should sail from 2027, the company said on 4 June 2026 in a statement.</p>\
            <div class=\"m-author__description\"><p>Ana writes about transport and energy for the paper.</p></div></article>";
        let d = draft_of_document(html);
        assert_eq!(
            paras(&d),
            vec![
                "The ferry company ordered two electric boats for the lake crossing this spring.",
                "They should sail from 2027, the company said on 4 June 2026 in a statement."
            ]
        );
        let reasons: Vec<&str> = furniture(&d).iter().map(|f| f.1).collect();
        assert_eq!(reasons, vec!["byline", "byline"]);
        assert!(date_line("12.12.2026, 08:30 Uhr"));
        assert!(!date_line(
            "Am 4. Oktober 2026 kommt dein neues Buch heraus, erzähl uns davon."
        ));
    }

    #[test]
    fn sidebars_paywalls_likes_and_tag_links_are_furniture() {
        let html = "<article><p>The orchestra plays its last concert of the season in the old hall on Friday.</p>\
            <div class=\"p-body-sidebar\"><p>Most read this week in culture</p></div>\
            <div class=\"content-form-account-paywall\"><p>Subscribe to keep reading all our articles.</p></div>\
            <div id=\"likes-other-gravatars\"><p>Three bloggers like this.</p></div>\
            <div class=\"vw-tag-links\"><span>Keywords</span> music, hall</div>\
            <section class=\"c-letters-cta\"><p>We want to hear what you think about this article.</p></section></article>";
        let d = draft_of_document(html);
        assert_eq!(
            paras(&d),
            vec!["The orchestra plays its last concert of the season in the old hall on Friday."]
        );
        let reasons: Vec<&str> = furniture(&d).iter().map(|f| f.1).collect();
        assert_eq!(reasons, vec!["related", "ad", "share", "nav", "newsletter"]);
    }

    #[test]
    fn class_tokens_split_on_case_and_dashes() {
        let mut t = Vec::new();
        tokens("ad-slot newsletterBox most_read", &mut t);
        assert_eq!(t, vec!["ad", "slot", "newsletter", "box", "most", "read"]);
    }

    #[test]
    fn head_and_header_words_are_not_ads() {
        let html = "<article><div class=\"header-image\"></div><div class=\"story-body lead\">\
            <p>Body text that matters here and now.</p></div><p class=\"credit\">Source: Wire</p></article>";
        let d = draft_of_document(html);
        assert_eq!(
            paras(&d),
            vec!["Body text that matters here and now.", "Source: Wire"]
        );
    }

    #[test]
    fn a_misleading_class_cannot_delete_the_article() {
        let body = "Long article text. ".repeat(40);
        let html = format!("<article><div class=\"promo\"><p>{body}</p></div></article>");
        let d = draft_of_document(&html);
        assert_eq!(paras(&d).len(), 1);
    }

    #[test]
    fn fragments_are_read_too() {
        let b = blocks_of_fragment(
            "<div class=nav-box><p>A | B</p></div><p>One.</p><p>Two.</p>",
            None,
        );
        assert_eq!(b.len(), 3);
        assert!(matches!(&b[0], Block::Furniture { reason: "nav", .. }));
    }

    #[test]
    fn title_suffix_is_stripped() {
        assert_eq!(strip_site_suffix("Storm hits | The Courier", None), "Storm hits");
        assert_eq!(strip_site_suffix("Storm - hits", None), "Storm - hits");
        assert_eq!(
            strip_site_suffix("Storm hits - Courier", Some("Courier")),
            "Storm hits"
        );
    }

    /// A fictional article page: `body` inside `<article>` after a headline.
    fn article_page(body: &str) -> String {
        format!(
            "<html><head><title>Ferry timetable changes</title></head><body><article>\
             <h1>Ferry timetable changes</h1>{body}</article></body></html>"
        )
    }

    #[test]
    fn a_related_section_title_ends_the_text() {
        let body = format!(
            "<p>{}</p><p>{}</p><h3>Articles liés</h3><div><h4>Un autre bac</h4><p>Le bac du matin change \
             d'horaire dès lundi.</p><p>Par Ana Ruiz</p></div>",
            long_para("Westport"),
            long_para("Eastport")
        );
        let d = draft_of_document(&article_page(&body));
        assert_eq!(paras(&d), vec![long_para("Westport"), long_para("Eastport")]);
        let f = furniture(&d);
        assert!(
            f.iter().any(|(t, r)| t == "Articles liés" && *r == "related"),
            "{f:?}"
        );
        // A label followed by more text than the text before it was a line of the article.
        let body = format!(
            "<p>{}</p><h3>More from the harbour</h3><p>{}</p><p>{}</p>",
            long_para("Westport"),
            long_para("Eastport"),
            long_para("Northport")
        );
        assert_eq!(paras(&draft_of_document(&article_page(&body))).len(), 4);
    }

    #[test]
    fn figure_captions_go_by_their_label() {
        let body = format!(
            "<p>{}</p><p><em>Abbildung 4: Die Fähre am Kai.</em></p><p>Fig. 2. The quay at dawn</p>\
             <p>Figure 1 shows the quay at dawn, when the first boat leaves.</p>",
            long_para("Westport")
        );
        let d = draft_of_document(&article_page(&body));
        assert_eq!(
            paras(&d),
            vec![
                long_para("Westport"),
                "Figure 1 shows the quay at dawn, when the first boat leaves.".into()
            ]
        );
        assert_eq!(furniture(&d).iter().filter(|(_, r)| *r == "caption").count(), 2);
    }

    /// Keeps `extra` out of the text between two long paragraphs, as furniture.
    fn assert_furniture_between(extra: &str) {
        let body = format!(
            "<p>{}</p>{extra}<p>{}</p>",
            long_para("Westport"),
            long_para("Eastport")
        );
        let d = draft_of_document(&article_page(&body));
        assert_eq!(
            paras(&d),
            vec![long_para("Westport"), long_para("Eastport")],
            "{extra}"
        );
        assert_eq!(furniture(&d).len(), 1, "{:?}", furniture(&d));
    }

    #[test]
    fn a_link_drawn_as_a_button_is_a_call_to_action() {
        assert_furniture_between(
            "<p><a class=\"wp-block-button__link\" href=\"/join\">JOIN THE CLUB FOR FREE »</a></p>",
        );
    }

    #[test]
    fn numbered_class_tokens_name_what_their_word_names() {
        assert_furniture_between(
            "<div class=\"box cta3\"><p>Our weekend course teaches you to sail a ferry in two days flat.</p></div>",
        );
    }

    #[test]
    fn a_custom_element_is_named_like_a_class() {
        assert_furniture_between(
            "<pp-inline-teaser><p>Answers to your questions about ferries.</p></pp-inline-teaser>",
        );
    }

    #[test]
    fn a_script_heavy_sidebar_is_not_the_page() {
        // The sidebar's ad scripts hold more characters than the article: they are code, not text.
        let script = "var slot = registerSlot('rectangle', 'ad-slot-0'); slot.load();".repeat(40);
        let html = format!(
            "<html><body><article><div class=\"body\"><p>{}</p><p>{}</p></div>\
             <aside class=\"sidebar\"><script>{script}</script><p>Contact the newsroom: Quay Street 4, \
             phone 555 0100, fax 555 0101, or write to the desk, which reads every letter and answers within a week.</p></aside></article></body></html>",
            long_para("Westport"),
            long_para("Eastport")
        );
        let d = draft_of_document(&html);
        assert_eq!(paras(&d), vec![long_para("Westport"), long_para("Eastport")]);
    }

    #[test]
    fn link_lines_count_their_spaces() {
        let body = format!(
            "<p>{}</p><ul><li><a href=\"/live\"><strong>The latest news about the ferry strike in one place (free)</strong></a></li></ul><p>{}</p>",
            long_para("Westport"),
            long_para("Eastport")
        );
        let d = draft_of_document(&article_page(&body));
        assert_eq!(paras(&d), vec![long_para("Westport"), long_para("Eastport")]);
    }

    #[test]
    fn a_teaser_list_of_links_is_no_lead() {
        let html = format!(
            "<html><body><div class=\"event-teaser\"><ul><li><a href=\"/prize\"><span>Applications open for the \
             harbour writing prize</span></a></li><li><a class=\"event-teaser-link\" href=\"/fair\">The harbour \
             book fair opens its doors on Saturday</a></li></ul></div><article><p>{}</p><p>{}</p></article></body></html>",
            long_para("Westport"),
            long_para("Eastport")
        );
        let d = draft_of_document(&html);
        assert_eq!(paras(&d), vec![long_para("Westport"), long_para("Eastport")]);
    }

    #[test]
    fn support_appeals_and_next_page_pointers_are_furniture() {
        assert_furniture_between("<p>Help us keep the harbour news free for every reader.</p>");
        assert_furniture_between("<p>... weiter zu \"Die Fähre im Winter\"</p>");
    }

    #[test]
    fn an_exclaimed_closing_channel_promotion_is_furniture() {
        let body = format!(
            "<p>{}</p><p>{}</p><p>{}</p><p>Watch the crossing on our YouTube channel!</p>",
            long_para("Westport"),
            long_para("Eastport"),
            long_para("Northport")
        );
        let d = draft_of_document(&article_page(&body));
        assert_eq!(paras(&d).len(), 3, "{:?}", paras(&d));
    }
}
