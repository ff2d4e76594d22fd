//! The story list page of the server: search box, facets as links, sortable columns, pages.
//! Filtering happens on the server, so the page works without JavaScript.

use maud::{html, Markup};
use wiretrace_engine::views::{FacetValue, StoryPage, StoryQuery, StorySort};

use crate::pages::story_cells;
use crate::server::ServerLinks;

/// Percent-encodes a query value (RFC 3986 unreserved characters pass as they are).
pub(crate) fn encode(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for b in v.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn sort_name(s: StorySort) -> &'static str {
    match s {
        StorySort::Size => "size",
        StorySort::Time => "time",
        StorySort::Headline => "headline",
        StorySort::Outlets => "outlets",
        StorySort::Id => "id",
    }
}

/// The URL of the list with `q` as the query; page 1 unless `page` is set.
fn url(q: &StoryQuery) -> String {
    let mut parts = Vec::new();
    let mut add = |k: &str, v: &str| parts.push(format!("{k}={}", encode(v)));
    if let Some(v) = &q.q {
        add("q", v);
    }
    if let Some(v) = &q.outlet {
        add("outlet", v);
    }
    if let Some(v) = &q.language {
        add("language", v);
    }
    if let Some(v) = &q.date {
        add("date", v);
    }
    if q.sort != StorySort::Size {
        add("sort", sort_name(q.sort));
    }
    if q.reverse {
        add("reverse", "true");
    }
    if q.all {
        add("all", "true");
    }
    if q.page > 1 {
        add("page", &q.page.to_string());
    }
    if q.per_page > 0 {
        add("per_page", &q.per_page.to_string());
    }
    if parts.is_empty() {
        "/".into()
    } else {
        format!("/?{}", parts.join("&"))
    }
}

fn with(q: &StoryQuery, f: impl FnOnce(&mut StoryQuery)) -> String {
    let mut n = q.clone();
    n.page = 1;
    f(&mut n);
    url(&n)
}

fn facet(
    title: &str,
    name: &str,
    values: &[FacetValue],
    current: Option<&str>,
    set: &dyn Fn(&str) -> String,
    clear: String,
) -> Markup {
    html! {
        section.facet data-facet=(name) {
            h3 { (title) }
            @if let Some(c) = current {
                p.active { (c) " " a.clear href=(clear) title="remove this filter" { "✕" } }
            }
            ul {
                @for v in values {
                    li { a href=(set(&v.value)) data-value=(v.value) { (v.value) } " " span.count { (v.count) } }
                }
            }
        }
    }
}

/// The list page for a query and its answer.
pub(crate) fn list_page(q: &StoryQuery, p: &StoryPage) -> Markup {
    let links = ServerLinks;
    let pages = p.total.div_ceil(p.per_page).max(1);
    let header = |label: &str, s: StorySort| {
        let active = q.sort == s;
        let href = with(q, |n| {
            n.reverse = active && !q.reverse;
            n.sort = s;
        });
        html! { a.sort href=(href) class=[active.then_some("active")] { (label) @if active { (if q.reverse { " ▴" } else { " ▾" }) } } }
    };
    html! {
        div.listing {
            aside.facets {
                (facet("Outlet", "outlet", &p.facets.outlets, q.outlet.as_deref(),
                    &|v| with(q, |n| n.outlet = Some(v.to_string())), with(q, |n| n.outlet = None)))
                (facet("Language", "language", &p.facets.languages, q.language.as_deref(),
                    &|v| with(q, |n| n.language = Some(v.to_string())), with(q, |n| n.language = None)))
                (facet("Month", "date", &p.facets.months, q.date.as_deref(),
                    &|v| with(q, |n| n.date = Some(v.to_string())), with(q, |n| n.date = None)))
            }
            section.results {
                h1 { "Stories" }
                form.search method="get" action="/" {
                    input type="search" name="q" value=(q.q.as_deref().unwrap_or("")) placeholder="Search headlines, titles and outlets" aria-label="search";
                    @if let Some(v) = &q.outlet { input type="hidden" name="outlet" value=(v); }
                    @if let Some(v) = &q.language { input type="hidden" name="language" value=(v); }
                    @if let Some(v) = &q.date { input type="hidden" name="date" value=(v); }
                    @if q.all { input type="hidden" name="all" value="true"; }
                    button type="submit" { "Search" }
                }
                p.meta {
                    (p.total) " stories"
                    @if !q.all { " with several versions · " a href=(with(q, |n| n.all = true)) { "include single articles" } }
                    @else { " · " a href=(with(q, |n| n.all = false)) { "only stories with several versions" } }
                }
                table.stories #story-table {
                    thead { tr {
                        th { (header("id", StorySort::Id)) }
                        th { (header("headline", StorySort::Headline)) }
                        th.num { (header("size", StorySort::Size)) }
                        th { (header("outlets", StorySort::Outlets)) }
                        th { "languages" }
                        th { (header("time span", StorySort::Time)) }
                        th { "storyline" }
                    } }
                    tbody { @for r in &p.rows { tr { (story_cells(r, &links)) } } }
                }
                nav.pages {
                    @if p.page > 1 { a rel="prev" href=(url(&StoryQuery { page: p.page - 1, ..q.clone() })) { "← previous" } }
                    span { "page " (p.page) " of " (pages) }
                    @if p.page < pages { a rel="next" href=(url(&StoryQuery { page: p.page + 1, ..q.clone() })) { "next →" } }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_urls_encode_values_and_keep_filters() {
        let q = StoryQuery {
            outlet: Some("Le Monde & Co".into()),
            page: 3,
            ..Default::default()
        };
        assert_eq!(url(&q), "/?outlet=Le%20Monde%20%26%20Co&page=3");
        assert_eq!(
            with(&q, |n| n.language = Some("fr".into())),
            "/?outlet=Le%20Monde%20%26%20Co&language=fr"
        );
        assert_eq!(url(&StoryQuery::default()), "/");
    }
}
