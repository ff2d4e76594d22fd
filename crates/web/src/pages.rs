//! Server-rendered HTML for every view, shared by `wiretrace serve` and the static report.
//!
//! maud escapes every interpolated string, so article text and metadata can never become markup.
//! Pages carry no inline styles or scripts (the Content-Security-Policy forbids them); links come
//! from a [`Links`] implementation, so the same markup serves URLs and report anchors.

use maud::{html, Markup, PreEscaped, DOCTYPE};
use wiretrace_engine::model::{char_to_byte, ArticleId, Change, ChangeKind, StoryId};
use wiretrace_engine::views::{ArticleRef, ArticleView, Comparison, Credit, Piece, StoryRow, StoryView};

/// Where a view's links point.
pub trait Links {
    /// The story list.
    fn list(&self) -> String;
    /// One story.
    fn story(&self, id: StoryId) -> String;
    /// One article.
    fn article(&self, id: ArticleId) -> String;
    /// A comparison of two articles.
    fn compare(&self, a: ArticleId, b: ArticleId) -> String;
}

/// How a page loads its stylesheet and script.
pub enum Assets<'a> {
    /// From the server's `/static/` paths.
    Linked,
    /// Inline (the self-contained report), with this CSS and JS.
    Inline {
        /// The stylesheet.
        css: &'a str,
        /// The script.
        js: &'a str,
    },
}

/// A whole HTML document.
pub fn document(title: &str, assets: &Assets<'_>, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                // No favicon request (it would be a 404 in the console).
                link rel="icon" href="data:,";
                title { (title) " · wiretrace" }
                @match assets {
                    Assets::Linked => {
                        link rel="stylesheet" href="/static/app.css";
                        script src="/static/app.js" defer {}
                    }
                    Assets::Inline { css, js } => {
                        meta http-equiv="Content-Security-Policy" content=(crate::report_csp(css, js));
                        style { (PreEscaped(*css)) }
                        script { (PreEscaped(*js)) }
                    }
                }
            }
            body {
                header.top { a.brand href=(if matches!(assets, Assets::Linked) { "/" } else { "#stories" }) { "wiretrace" } }
                main { (body) }
            }
        }
    }
}

pub(crate) fn or_dash(s: Option<&str>) -> &str {
    s.unwrap_or("–")
}

/// A short time: `2026-03-02 13:30` from ISO 8601.
pub(crate) fn short_time(t: Option<&str>) -> String {
    match t {
        Some(t) => t
            .replacen('T', " ", 1)
            .trim_end_matches('Z')
            .trim_end_matches(":00")
            .to_string(),
        None => "–".into(),
    }
}

/// A link to an article showing its id, outlet and title.
pub(crate) fn article_link(a: &ArticleRef, links: &dyn Links) -> Markup {
    html! {
        a href=(links.article(a.id)) { (a.id) }
        " "
        span.outlet { (or_dash(a.outlet.as_deref())) }
    }
}

/// A story's time span.
pub(crate) fn span_text(r: &StoryRow) -> String {
    match (&r.first, &r.last) {
        (Some(f), Some(l)) if f[..10] == l[..10] => short_time(Some(f)),
        (Some(f), Some(l)) => format!("{} → {}", &f[..10], &l[..10]),
        _ => "–".into(),
    }
}

/// The cells of a story row (headline, size, outlets, languages, span, storyline).
pub(crate) fn story_cells(r: &StoryRow, links: &dyn Links) -> Markup {
    html! {
        td { a href=(links.story(r.id)) { (r.id) } }
        td.headline { a href=(links.story(r.id)) { (or_dash(r.headline.as_deref())) } }
        td.num { (r.size) }
        td.outlets title=(r.outlets.join(", ")) { (r.outlets.len()) " · " (clip(&r.outlets.join(", "), 60)) }
        td { (r.languages.join(" ")) }
        td.time { (span_text(r)) }
        td { (or_dash(r.storyline.as_deref())) }
    }
}

pub(crate) fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    out
}

fn credit_text(c: Credit) -> &'static str {
    match c {
        Credit::Origin => "origin",
        Credit::Credited => "credits its source",
        Credit::Uncredited => "no credit",
        Credit::CreditRemoved => "credit line removed",
    }
}

/// The page of one story.
pub fn story_page(v: &StoryView, links: &dyn Links) -> Markup {
    let r = &v.story;
    html! {
        article.story {
            p.crumbs { a href=(links.list()) { "Stories" } " / " (r.id) }
            h1 { (or_dash(r.headline.as_deref())) }
            p.meta {
                (r.size) " articles · " (r.outlets.len()) " outlets · " (r.languages.join(", ")) " · " (span_text(r))
                @if let Some(l) = &r.storyline { " · storyline " (l) }
            }
            section #lineage {
                h2 { "Lineage" }
                p.hint { "Time runs left to right. Each arrow goes from a version's most likely source to it, labelled with their similarity and whether it credits that source." }
                (crate::svg::lineage(&v.members, links))
            }
            section #members {
                h2 { "Members" }
                table.members {
                    thead { tr { th { "article" } th { "outlet" } th { "published" } th { "lang" } th { "title" } th { "source" } th.num { "conf." } th.num { "sim." } th { "credit" } th.num { "changes" } } }
                    tbody {
                        @for m in &v.members {
                            tr {
                                td { a href=(links.article(m.article.id)) { (m.article.id) } }
                                td { (or_dash(m.article.outlet.as_deref())) }
                                td.time { (short_time(m.article.published.as_deref())) }
                                td { (or_dash(m.article.language.as_deref())) }
                                td { (or_dash(m.article.title.as_deref())) }
                                td {
                                    @match m.source {
                                        Some(s) => { a href=(links.compare(s, m.article.id)) title="compare with its source" { (s) } }
                                        None => "origin",
                                    }
                                }
                                td.num { (format!("{:.2}", m.confidence)) }
                                td.num { (m.similarity.map(|s| format!("{s:.2}")).unwrap_or_else(|| "–".into())) }
                                td { span class=(format!("credit {:?}", m.credit).to_lowercase()) { (credit_text(m.credit)) } }
                                td.num { (m.changes) }
                            }
                            @if !m.reason.is_empty() {
                                tr.reason { td {} td colspan="9" { (m.reason) } }
                            }
                        }
                    }
                }
            }
            section #quotes {
                h2 { "Quotes" }
                @if v.quotes.is_empty() { p.hint { "No quotations found." } }
                @else {
                    table.quotes {
                        thead { tr { th { "speaker" } th { "wordings (most widespread first)" } } }
                        tbody {
                            @for q in &v.quotes {
                                tr class=(if q.is_altered() { "altered" } else { "" }) {
                                    td.speaker {
                                        (or_dash(q.speaker.as_deref()))
                                        @if q.is_altered() { br; span.badge { "altered" } }
                                    }
                                    td {
                                        div.wordings {
                                            @for w in &q.variants {
                                                div.wording {
                                                    q { (w.text) }
                                                    div.who {
                                                        "in "
                                                        @for (i, a) in w.articles.iter().enumerate() {
                                                            @if i > 0 { ", " }
                                                            a href=(links.article(*a)) { (a) }
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            section #changes {
                h2 { "Changes by kind" }
                @if v.changes.is_empty() { p.hint { "No changes found." } }
                @for g in &v.changes {
                    details open[g.kind == ChangeKind::QuoteAltered || g.kind == ChangeKind::NumberChanged] {
                        summary { span class=(format!("kind k-{}", g.kind.as_str())) { (g.kind.as_str()) } " (" (g.changes.len()) ")" }
                        (change_table(&g.changes, links))
                    }
                }
            }
            @if !v.storyline.is_empty() {
                section #storyline {
                    h2 { "Other stories of storyline " (or_dash(r.storyline.as_deref())) }
                    table.stories { tbody { @for s in &v.storyline { tr { (story_cells(s, links)) } } } }
                }
            }
        }
    }
}

fn change_table(changes: &[Change], links: &dyn Links) -> Markup {
    html! {
        table.changes {
            thead { tr { th { "article" } th { "source" } th { "before" } th { "after" } th { "note" } } }
            tbody {
                @for c in changes {
                    tr {
                        td { a href=(links.article(c.article)) { (c.article) } }
                        td {
                            @if let Some(s) = c.source { a href=(links.compare(s, c.article)) { (s) } } @else { "–" }
                        }
                        td.before { (clip(c.before.as_deref().unwrap_or(""), 400)) }
                        td.after { (clip(c.after.as_deref().unwrap_or(""), 400)) }
                        td.note {
                            (c.note.as_deref().unwrap_or(""))
                            @match c.supported_elsewhere {
                                Some(true) => " found in another version",
                                Some(false) => " in no other version (padding)",
                                None => "",
                            }
                            @if !c.carried_by.is_empty() {
                                " carried on by its copies " (article_links(&c.carried_by, links))
                            }
                            @if !c.same_drift_in.is_empty() {
                                " the same change also in " (article_links(&c.same_drift_in, links))
                                " (not copies of it: it may come from a source missing from the corpus)"
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Article ids as links, comma-separated.
fn article_links(ids: &[ArticleId], links: &dyn Links) -> Markup {
    html! {
        @for (k, x) in ids.iter().enumerate() {
            @if k > 0 { ", " }
            a href=(links.article(*x)) { (x) }
        }
    }
}

/// Char offsets of every place where a highlight starts or ends.
fn boundaries(v: &ArticleView, len: u32) -> Vec<u32> {
    let mut b = vec![0, len];
    for p in &v.passages {
        b.extend([p.span.start.min(len), p.span.end.min(len)]);
    }
    for c in v.changes.iter().filter(|c| inline_change(c)) {
        b.extend([c.span.start.min(len), c.span.end.min(len)]);
    }
    b.sort_unstable();
    b.dedup();
    b
}

/// Changes shown inside the text: those with a non-empty span in this article (dropped material
/// is not in it, so it is listed below the text).
fn inline_change(c: &Change) -> bool {
    c.kind != ChangeKind::Dropped && !c.span.is_empty()
}

fn change_title(c: &Change) -> String {
    let mut t = c.kind.as_str().to_string();
    if let (Some(b), Some(a)) = (&c.before, &c.after) {
        t.push_str(&format!(": {} → {}", clip(b, 120), clip(a, 120)));
    }
    if let Some(n) = &c.note {
        t.push_str(&format!(" ({n})"));
    }
    t
}

/// The article's text with shared passages as links to their other article and changes marked.
fn annotated_text(v: &ArticleView, links: &dyn Links) -> Markup {
    let len = v.text.chars().count() as u32;
    let cuts = boundaries(v, len);
    let segments: Vec<(u32, u32)> = cuts.windows(2).map(|w| (w[0], w[1])).collect();
    html! {
        div.text {
            @for (s, e) in segments {
                @let text = &v.text[char_to_byte(&v.text, s as usize)..char_to_byte(&v.text, e as usize)];
                @let passage = v.passages.iter().find(|p| p.span.start <= s && e <= p.span.end);
                @let change = v.changes.iter().find(|c| inline_change(c) && c.span.start <= s && e <= c.span.end);
                @match (passage, change) {
                    (Some(p), Some(c)) => {
                        a class=(if p.from_source { "reused source" } else { "reused" }) href=(links.compare(p.other, v.article.id))
                          title=(format!("shared with {} (identity {:.2})", p.other, p.identity)) {
                            mark class=(format!("chg k-{}", c.kind.as_str())) title=(change_title(c)) { (text) }
                        }
                    }
                    (Some(p), None) => {
                        a class=(if p.from_source { "reused source" } else { "reused" }) href=(links.compare(p.other, v.article.id))
                          title=(format!("shared with {} (identity {:.2})", p.other, p.identity)) { (text) }
                    }
                    (None, Some(c)) => { mark class=(format!("chg k-{}", c.kind.as_str())) title=(change_title(c)) { (text) } }
                    (None, None) => { (text) }
                }
            }
        }
    }
}

/// The page of one article.
pub fn article_page(v: &ArticleView, links: &dyn Links) -> Markup {
    let a = &v.article;
    let dropped: Vec<&Change> = v.changes.iter().filter(|c| !inline_change(c)).collect();
    html! {
        article.article {
            p.crumbs {
                a href=(links.list()) { "Stories" }
                @if let Some(s) = v.story { " / " a href=(links.story(s)) { (s) } }
                " / " (a.id)
            }
            h1 { (or_dash(a.title.as_deref())) }
            dl.meta {
                dt { "outlet" } dd { (or_dash(a.outlet.as_deref())) }
                dt { "published" } dd { (short_time(a.published.as_deref())) }
                dt { "author" } dd { (or_dash(v.author.as_deref())) }
                dt { "language" } dd { (or_dash(a.language.as_deref())) }
                dt { "words" } dd { (v.words) }
                dt { "url" } dd { (or_dash(v.url.as_deref())) }
                dt { "path" } dd { (a.path) }
                dt { "source" } dd {
                    @match &v.source {
                        Some(s) => {
                            (article_link(s, links)) " · "
                            a href=(links.compare(s.id, a.id)) { "compare" }
                            @if let Some(c) = v.confidence { " · confidence " (format!("{c:.2}")) }
                        }
                        None => { @if v.story.is_some() { "none: an origin" } @else { "not analysed" } }
                    }
                }
                @if let Some(r) = v.reason.as_deref().filter(|r| !r.is_empty()) { dt { "why" } dd { (r) } }
                @if !v.identical.is_empty() {
                    dt { "identical" } dd { @for (i, id) in v.identical.iter().enumerate() { @if i > 0 { ", " } a href=(links.article(*id)) { (id) } } }
                }
            }
            p.legend {
                span.reused.source { "from its source" } " "
                span.reused { "shared with another version" } " "
                mark.chg { "a change against the source (hover for detail)" }
            }
            (annotated_text(v, links))
            @if !v.others.is_empty() {
                h2 { "Shares text with" }
                ul.others {
                    @for o in &v.others {
                        li { (article_link(o, links)) " " (or_dash(o.title.as_deref())) " · " a href=(links.compare(a.id, o.id)) { "compare" } }
                    }
                }
            }
            @if !dropped.is_empty() {
                h2 { "Dropped from the source" }
                (change_table(&dropped.into_iter().cloned().collect::<Vec<_>>(), links))
            }
        }
    }
}

fn pieces(ps: &[Piece], class: &str) -> Markup {
    html! {
        @for p in ps {
            @if p.changed { span class=(class) { (p.text) } } @else { (p.text) }
        }
    }
}

/// The page comparing two articles.
pub fn compare_page(c: &Comparison, links: &dyn Links) -> Markup {
    html! {
        article.compare {
            p.crumbs { a href=(links.list()) { "Stories" } " / compare" }
            h1 { "Compare " (c.a.id) " and " (c.b.id) }
            table.pairhead {
                tr { th { "A" } td { (article_link(&c.a, links)) " " (or_dash(c.a.title.as_deref())) } td.time { (short_time(c.a.published.as_deref())) } }
                tr { th { "B" } td { (article_link(&c.b, links)) " " (or_dash(c.b.title.as_deref())) } td.time { (short_time(c.b.published.as_deref())) } }
            }
            @if let Some(p) = &c.pair {
                p.meta {
                    "similarity " (format!("{:.2}", p.similarity)) " · A covered " (format!("{:.0}%", p.coverage_a * 100.0))
                    " · B covered " (format!("{:.0}%", p.coverage_b * 100.0)) " · " (c.passages.len()) " passages"
                }
            }
            @if let Some((x, y)) = &c.translation {
                p.meta { "A translation (" (x) " / " (y) "): paragraphs paired by position; figures and names that the other side lacks are highlighted." }
            }
            @if c.passages.is_empty() { p.hint { "These two articles share no substantial passage." } }
            @else {
                table.passages {
                    thead { tr { th { "A " (c.a.id) } th { "B " (c.b.id) } } }
                    tbody {
                        @for p in &c.passages {
                            tr.where_ { td { "[" (p.a.start) ".." (p.a.end) "]" } td { "[" (p.b.start) ".." (p.b.end) "]" @if let Some(i) = p.identity { " identity " (format!("{i:.2}")) } } }
                            tr { td.side { (pieces(&p.a_pieces, "del")) } td.side { (pieces(&p.b_pieces, "ins")) } }
                        }
                    }
                }
            }
        }
    }
}

/// A page saying what went wrong (404, 400).
pub fn message_page(heading: &str, detail: &str, links: &dyn Links) -> Markup {
    html! {
        article.message {
            h1 { (heading) }
            p { (detail) }
            p { a href=(links.list()) { "Back to the stories" } }
        }
    }
}
