//! `wiretrace report`: every view of a corpus in one self-contained HTML file.
//!
//! Each story, article and comparison is a `<section>` addressed by its id (`#s1`, `#a7`,
//! `#c-a1-a7`); CSS shows the section the URL fragment names, the story list otherwise. The list
//! filters in the browser (a small script), so the file needs no server and no network. Only the
//! comparisons some page links to are rendered.

use std::cell::RefCell;
use std::collections::BTreeSet;

use maud::{html, Markup};
use wiretrace_engine::model::{ArticleId, StoryId};
use wiretrace_engine::views::{StoryQuery, StoryRow, MAX_PER_PAGE};
use wiretrace_engine::{Engine, Result};

use crate::pages::{self, story_cells, Assets, Links};

const CSS: &str = include_str!("assets/app.css");
const JS: &str = include_str!("assets/app.js");

/// Anchors inside the report; remembers which comparisons pages link to.
#[derive(Default)]
struct ReportLinks {
    compares: RefCell<BTreeSet<(ArticleId, ArticleId)>>,
}

impl Links for ReportLinks {
    fn list(&self) -> String {
        "#stories".into()
    }
    fn story(&self, id: StoryId) -> String {
        format!("#{id}")
    }
    fn article(&self, id: ArticleId) -> String {
        format!("#{id}")
    }
    fn compare(&self, a: ArticleId, b: ArticleId) -> String {
        self.compares.borrow_mut().insert((a, b));
        format!("#c-{a}-{b}")
    }
}

/// The folded words a row is searched by in the browser.
fn search_text(r: &StoryRow) -> String {
    format!("{} {}", r.headline.as_deref().unwrap_or(""), r.outlets.join(" ")).to_lowercase()
}

fn list_section(engine: &Engine, rows: &[StoryRow], links: &dyn Links) -> Result<Markup> {
    let all = engine.story_list(&StoryQuery {
        all: true,
        per_page: MAX_PER_PAGE,
        ..Default::default()
    })?;
    let f = &all.facets;
    let facet = |title: &str, name: &str, values: &[wiretrace_engine::views::FacetValue]| {
        html! {
            section.facet data-facet=(name) {
                h3 { (title) }
                ul { @for v in values { li { button type="button" data-facet=(name) data-value=(v.value) { (v.value) " " span.count { (v.count) } } } } }
            }
        }
    };
    Ok(html! {
        section #stories .home {
            div.listing {
                aside.facets {
                    (facet("Outlet", "outlet", &f.outlets))
                    (facet("Language", "language", &f.languages))
                    (facet("Month", "date", &f.months))
                }
                section.results {
                    h1 { "Stories" }
                    div.search {
                        input #report-search type="search" placeholder="Search headlines and outlets" aria-label="search";
                        label { input #report-all type="checkbox"; " include single articles" }
                    }
                    p.meta { span #report-count { (rows.iter().filter(|r| r.size > 1).count()) } " stories shown · click a facet to filter, again to clear" }
                    table.stories #story-table data-client-filter="1" {
                        thead { tr { th { "id" } th { "headline" } th.num { "size" } th { "outlets" } th { "languages" } th { "time span" } th { "storyline" } } }
                        tbody {
                            @for r in rows {
                                tr data-size=(r.size) data-outlets=(r.outlets.join("\u{1f}")) data-languages=(r.languages.join("\u{1f}"))
                                   data-first=(r.first.as_deref().unwrap_or("")) data-last=(r.last.as_deref().unwrap_or(""))
                                   data-search=(search_text(r)) hidden[r.size < 2] {
                                    (story_cells(r, links))
                                }
                            }
                        }
                    }
                }
            }
        }
    })
}

/// The Content-Security-Policy of a report: only its own inline stylesheet and script, by hash.
pub fn report_csp(css: &str, js: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest;
    let hash = |s: &str| base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(s.as_bytes()));
    format!(
        "default-src 'none'; style-src 'sha256-{}'; script-src 'sha256-{}'; img-src data:; base-uri 'none'; form-action 'none'",
        hash(css),
        hash(js)
    )
}

/// Renders the whole report of the engine's store.
///
/// # Errors
/// On store failures.
pub fn render(engine: &Engine, title: &str) -> Result<String> {
    let links = ReportLinks::default();
    let index = engine.story_index()?;
    let mut rows: Vec<StoryRow> = index.rows().to_vec();
    rows.sort_by(|a, b| b.size.cmp(&a.size).then(a.id.cmp(&b.id)));
    let list = list_section(engine, &rows, &links)?;
    let mut stories = Vec::new();
    for r in rows.iter().filter(|r| r.size > 1) {
        let v = engine.story_view(&r.id.to_string())?;
        stories.push(html! { section.view id=(r.id.to_string()) { (pages::story_page(&v, &links)) } });
    }
    let mut articles = Vec::new();
    for r in &rows {
        let story = engine.resolve_story(&r.id.to_string())?;
        for id in story.articles {
            let v = engine.article_view(&id.to_string())?;
            articles.push(html! { section.view id=(id.to_string()) { (pages::article_page(&v, &links)) } });
        }
    }
    let mut compares = Vec::new();
    let pairs: Vec<(ArticleId, ArticleId)> = links.compares.borrow().iter().copied().collect();
    for (a, b) in pairs {
        let c = engine.compare_specs(&a.to_string(), &b.to_string())?;
        compares.push(html! { section.view id=(format!("c-{a}-{b}")) { (pages::compare_page(&c, &links)) } });
    }
    let body = html! {
        (list)
        @for s in &stories { (s) }
        @for a in &articles { (a) }
        @for c in &compares { (c) }
    };
    Ok(pages::document(title, &Assets::Inline { css: CSS, js: JS }, body).into_string())
}
