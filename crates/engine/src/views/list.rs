//! The story list: one row per story, built once per store version, then filtered, faceted,
//! sorted and paginated in memory (a page of a 200,000-article store must answer in milliseconds).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use wiretrace_model::{ArticleId, Export, Story, StoryId};
use wiretrace_store::ArticleMeta;
use wiretrace_text::{FastMap, ListTable};

use super::ArticleRef;

/// How many values each facet lists (the most frequent first): a facet is a guide, not an index.
pub const FACET_LIMIT: usize = 30;

/// The largest page a query may ask for: bigger pages belong to the export, not to a view.
pub const MAX_PER_PAGE: usize = 500;

/// Rows per page when the query names none.
pub const DEFAULT_PER_PAGE: usize = 50;

/// Characters of an article's text read to stand in for a missing headline.
pub const LEAD_CHARS: usize = 120;

/// Words of the text shown as a headline when an article has no title.
const LEAD_WORDS: usize = 14;

/// A headline for an article without a title: the first words of its first paragraph, marked as
/// cut with an ellipsis.
pub(crate) fn lead_headline(lead: &str) -> Option<String> {
    let para = lead.split("\n\n").next().unwrap_or("").trim();
    let words: Vec<&str> = para.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    let cut = words.len() > LEAD_WORDS || lead.chars().count() >= LEAD_CHARS;
    // The last word of a cut lead may itself be cut: drop it.
    let keep = if cut {
        words.len().min(LEAD_WORDS).saturating_sub(1).max(1)
    } else {
        words.len()
    };
    let mut h = words[..keep].join(" ");
    if cut || para.len() < lead.trim().len() {
        h.push('…');
    }
    Some(h)
}

/// How many articles a search lists besides its stories.
pub const SEARCH_ARTICLE_LIMIT: usize = 50;

/// One story in the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryRow {
    /// Story id (`s17`).
    pub id: StoryId,
    /// The origin's headline (else the first member's).
    pub headline: Option<String>,
    /// Members.
    pub size: usize,
    /// Distinct outlets, sorted.
    pub outlets: Vec<String>,
    /// Distinct languages, sorted.
    pub languages: Vec<String>,
    /// Earliest publication time (ISO 8601 UTC).
    pub first: Option<String>,
    /// Latest publication time.
    pub last: Option<String>,
    /// Storyline shared with follow-ups.
    pub storyline: Option<String>,
}

/// The order of the story list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StorySort {
    /// Largest first (the default): the most copied stories lead.
    #[default]
    Size,
    /// By first publication time.
    Time,
    /// By headline.
    Headline,
    /// By number of outlets.
    Outlets,
    /// By story id.
    Id,
}

impl std::str::FromStr for StorySort {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "size" => StorySort::Size,
            "time" => StorySort::Time,
            "headline" => StorySort::Headline,
            "outlets" => StorySort::Outlets,
            "id" => StorySort::Id,
            _ => {
                return Err(format!(
                    "unknown sort {s:?} (size, time, headline, outlets or id)"
                ))
            }
        })
    }
}

/// A query on the story list. Every filter is optional; all given filters must hold.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StoryQuery {
    /// Words that must all occur (folded) in the headline, a member's title or an outlet.
    pub q: Option<String>,
    /// Only stories with a member from this outlet.
    pub outlet: Option<String>,
    /// Only stories with a member in this language.
    pub language: Option<String>,
    /// Only stories whose time span overlaps this period: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Order.
    pub sort: StorySort,
    /// Reverse the order (the natural order is descending for size and outlets, ascending else).
    pub reverse: bool,
    /// 1-based page.
    pub page: usize,
    /// Rows per page (0: [`DEFAULT_PER_PAGE`]; capped at [`MAX_PER_PAGE`]).
    pub per_page: usize,
    /// Include single-article stories.
    pub all: bool,
}

/// Checks a date filter: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, digits only.
pub fn valid_date_filter(d: &str) -> bool {
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// One facet value and how many matching stories have it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacetValue {
    /// The value (an outlet, a language code, a month `YYYY-MM`).
    pub value: String,
    /// Matching stories with that value.
    pub count: usize,
}

/// Counts of the matching stories by outlet, language and month ("browse by counts").
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Facets {
    /// Outlets, most stories first.
    pub outlets: Vec<FacetValue>,
    /// Languages, most stories first.
    pub languages: Vec<FacetValue>,
    /// Months of first publication, in time order.
    pub months: Vec<FacetValue>,
}

/// One page of the story list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryPage {
    /// Stories matching the filters.
    pub total: usize,
    /// This page (1-based).
    pub page: usize,
    /// Rows per page.
    pub per_page: usize,
    /// The rows of this page.
    pub rows: Vec<StoryRow>,
    /// Facets over every matching story.
    pub facets: Facets,
}

/// Search results: matching stories (first page) and matching articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResult {
    /// The query as given.
    pub q: String,
    /// Stories whose headline, member titles or outlets hold every query word.
    pub stories: StoryPage,
    /// Articles whose title or outlet holds every query word (at most [`SEARCH_ARTICLE_LIMIT`]).
    pub articles: Vec<ArticleRef>,
}

/// Every story's row, plus what filtering and search need, for one version of the store.
#[derive(Debug)]
pub struct StoryIndex {
    pub(crate) version: i64,
    rows: Vec<StoryRow>,
    /// Folded headline, member titles and outlets of each row, for search.
    search_text: Vec<String>,
    articles: Vec<ArticleRef>,
    article_text: Vec<String>,
    story_of: FastMap<u32, usize>,
    storylines: BTreeMap<String, Vec<usize>>,
    /// Facet values interned once, so a query filters and counts by integer id.
    facets: FacetTables,
    /// Row positions in each sort order, computed once: a query filters along an order instead
    /// of sorting its hits.
    orders: Orders,
    /// The hits and facets of recent queries (all but the page), most recent first: paging
    /// through a result or returning to it costs a slice, not a pass over every story.
    recent: std::sync::Mutex<Vec<(QueryKey, std::sync::Arc<Answer>)>>,
}

/// How many query answers an index keeps (each is at most one id per story plus its facets).
pub const QUERY_CACHE: usize = 64;

/// A query without its page: the part that decides hits, order and facets.
type QueryKey = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    StorySort,
    bool,
    bool,
);

/// The ordered hits and facets of one query.
#[derive(Debug)]
struct Answer {
    hits: Vec<u32>,
    facets: Facets,
}

/// Every distinct outlet, language and month, and each row's values as ids into them.
#[derive(Debug, Default)]
struct FacetTables {
    outlets: Vec<String>,
    languages: Vec<String>,
    /// Months (`YYYY-MM`) of first publication, sorted.
    months: Vec<String>,
    row_outlets: ListTable,
    row_languages: ListTable,
    row_month: Vec<Option<u32>>,
    /// Each row's size, in one column (the single-article filter reads it for every row).
    row_size: Vec<u32>,
}

fn intern(names: &mut Vec<String>, ids: &mut FastMap<String, u32>, v: &str) -> u32 {
    if let Some(&id) = ids.get(v) {
        return id;
    }
    let id = names.len() as u32;
    names.push(v.to_string());
    ids.insert(v.to_string(), id);
    id
}

impl FacetTables {
    fn build(rows: &[StoryRow]) -> FacetTables {
        let mut t = FacetTables::default();
        let (mut outlet_ids, mut language_ids) = (FastMap::default(), FastMap::default());
        let mut months: Vec<String> = rows
            .iter()
            .filter_map(|r| r.first.as_deref().and_then(|f| f.get(..7)).map(str::to_string))
            .collect();
        months.sort();
        months.dedup();
        for r in rows {
            let o = r
                .outlets
                .iter()
                .map(|v| intern(&mut t.outlets, &mut outlet_ids, v));
            t.row_outlets.push(o.collect::<Vec<u32>>());
            let l = r
                .languages
                .iter()
                .map(|v| intern(&mut t.languages, &mut language_ids, v));
            t.row_languages.push(l.collect::<Vec<u32>>());
            t.row_size.push(r.size as u32);
            let m = r.first.as_deref().and_then(|f| f.get(..7));
            t.row_month.push(
                m.and_then(|m| months.binary_search_by(|x| x.as_str().cmp(m)).ok())
                    .map(|i| i as u32),
            );
        }
        t.months = months;
        t
    }
}

/// Row positions sorted by each [`StorySort`] in its natural direction (ties by story id).
#[derive(Debug, Default)]
struct Orders {
    size: Vec<u32>,
    outlets: Vec<u32>,
    time: Vec<u32>,
    headline: Vec<u32>,
}

impl Orders {
    fn build(rows: &[StoryRow]) -> Orders {
        let sorted = |cmp: &dyn Fn(usize, usize) -> std::cmp::Ordering| {
            let mut v: Vec<u32> = (0..rows.len() as u32).collect();
            v.sort_by(|&a, &b| cmp(a as usize, b as usize).then(a.cmp(&b)));
            v
        };
        Orders {
            size: sorted(&|a, b| rows[b].size.cmp(&rows[a].size)),
            outlets: sorted(&|a, b| rows[b].outlets.len().cmp(&rows[a].outlets.len())),
            time: sorted(&|a, b| rows[a].first.cmp(&rows[b].first)),
            headline: sorted(&|a, b| rows[a].headline.cmp(&rows[b].headline)),
        }
    }
}

/// Folds a text for search: words folded (case, diacritics) and joined by single spaces.
fn fold_for_search(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for t in wiretrace_text::tokens(text) {
        out.push(' ');
        out.push_str(&t.folded);
    }
    out.push(' ');
    out
}

/// The query's folded words, each with a leading space: a query word matches the start of a word.
fn query_words(q: &str) -> Vec<String> {
    wiretrace_text::tokens(q)
        .map(|t| format!(" {}", t.folded))
        .collect()
}

fn matches_words(text: &str, words: &[String]) -> bool {
    words.iter().all(|w| text.contains(w.as_str()))
}

impl StoryIndex {
    pub(crate) fn build(version: i64, metas: Vec<ArticleMeta>, stories: &[Story]) -> StoryIndex {
        let by_id: FastMap<u32, usize> = metas.iter().enumerate().map(|(i, m)| (m.id.0, i)).collect();
        let mut rows = Vec::with_capacity(stories.len());
        let mut search_text = Vec::with_capacity(stories.len());
        let mut story_of = FastMap::default();
        let mut storylines: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for s in stories {
            let members: Vec<&ArticleMeta> = s
                .articles
                .iter()
                .filter_map(|id| by_id.get(&id.0).map(|&i| &metas[i]))
                .collect();
            let row = story_row(s, &members);
            let mut text = String::new();
            for m in &members {
                story_of.insert(m.id.0, rows.len());
                if let Some(t) = &m.title {
                    text.push_str(t);
                    text.push(' ');
                }
            }
            text.push_str(&row.outlets.join(" "));
            if let Some(l) = &row.storyline {
                storylines.entry(l.clone()).or_default().push(rows.len());
            }
            search_text.push(fold_for_search(&text));
            rows.push(row);
        }
        let article_text = metas
            .iter()
            .map(|m| {
                fold_for_search(&format!(
                    "{} {}",
                    m.title.as_deref().unwrap_or(""),
                    m.outlet.as_deref().unwrap_or("")
                ))
            })
            .collect();
        StoryIndex {
            version,
            facets: FacetTables::build(&rows),
            recent: std::sync::Mutex::new(Vec::new()),
            orders: Orders::build(&rows),
            rows,
            search_text,
            articles: metas.into_iter().map(ArticleRef::from).collect(),
            article_text,
            story_of,
            storylines,
        }
    }

    /// Every row, by story id.
    pub fn rows(&self) -> &[StoryRow] {
        &self.rows
    }

    /// The row of one story.
    pub fn row(&self, id: StoryId) -> Option<&StoryRow> {
        self.rows
            .binary_search_by_key(&id, |r| r.id)
            .ok()
            .map(|i| &self.rows[i])
    }

    /// The row of the story holding `article`.
    pub fn row_of_article(&self, article: ArticleId) -> Option<&StoryRow> {
        self.story_of.get(&article.0).map(|&i| &self.rows[i])
    }

    /// The other stories of a storyline, by id.
    pub fn storyline(&self, line: &str, except: StoryId) -> Vec<StoryRow> {
        self.storylines
            .get(line)
            .map(|ix| {
                ix.iter()
                    .map(|&i| &self.rows[i])
                    .filter(|r| r.id != except)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Answers a list query: filters, facets over the matches, sort, one page.
    pub fn query(&self, q: &StoryQuery) -> StoryPage {
        let per_page = match q.per_page {
            0 => DEFAULT_PER_PAGE,
            n => n.min(MAX_PER_PAGE),
        };
        let page = q.page.max(1);
        let answer = self.answer(q);
        let rows = answer
            .hits
            .iter()
            .skip((page - 1).saturating_mul(per_page))
            .take(per_page)
            .map(|&i| self.rows[i as usize].clone())
            .collect();
        StoryPage {
            total: answer.hits.len(),
            page,
            per_page,
            rows,
            facets: answer.facets.clone(),
        }
    }

    /// The hits and facets of a query, from the recent answers or computed now.
    fn answer(&self, q: &StoryQuery) -> std::sync::Arc<Answer> {
        let key: QueryKey = (
            q.q.clone(),
            q.outlet.clone(),
            q.language.clone(),
            q.date.clone(),
            q.sort,
            q.reverse,
            q.all,
        );
        let mut recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(pos) = recent.iter().position(|(k, _)| *k == key) {
            let hit = recent.remove(pos);
            let answer = std::sync::Arc::clone(&hit.1);
            recent.insert(0, hit);
            return answer;
        }
        drop(recent);
        let answer = std::sync::Arc::new(self.compute(q));
        let mut recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        recent.insert(0, (key, std::sync::Arc::clone(&answer)));
        recent.truncate(QUERY_CACHE);
        answer
    }

    /// One pass along the query's order: the hits, and the facets counted over them.
    fn compute(&self, q: &StoryQuery) -> Answer {
        let words = q.q.as_deref().map(query_words).unwrap_or_default();
        let Some(filter) = self.filter(q, words) else {
            return Answer {
                hits: Vec::new(),
                facets: Facets::default(),
            };
        };
        let t = &self.facets;
        let (mut outlets, mut languages, mut months) = (
            vec![0usize; t.outlets.len()],
            vec![0usize; t.languages.len()],
            vec![0usize; t.months.len()],
        );
        let mut hits = Vec::new();
        for i in self.order(q.sort, q.reverse) {
            if !self.keeps(i, &filter) {
                continue;
            }
            for &o in t.row_outlets.get(i) {
                outlets[o as usize] += 1;
            }
            for &l in t.row_languages.get(i) {
                languages[l as usize] += 1;
            }
            if let Some(m) = t.row_month[i] {
                months[m as usize] += 1;
            }
            hits.push(i as u32);
        }
        Answer {
            hits,
            facets: Facets {
                outlets: top(&t.outlets, &outlets),
                languages: top(&t.languages, &languages),
                months: t
                    .months
                    .iter()
                    .zip(&months)
                    .filter(|(_, &n)| n > 0)
                    .map(|(v, &count)| FacetValue {
                        value: v.clone(),
                        count,
                    })
                    .collect(),
            },
        }
    }

    /// Row positions in the query's order.
    fn order(&self, sort: StorySort, reverse: bool) -> Box<dyn Iterator<Item = usize> + '_> {
        let o = &self.orders;
        let v: Box<dyn DoubleEndedIterator<Item = usize>> = match sort {
            StorySort::Size => Box::new(o.size.iter().map(|&i| i as usize)),
            StorySort::Outlets => Box::new(o.outlets.iter().map(|&i| i as usize)),
            StorySort::Time => Box::new(o.time.iter().map(|&i| i as usize)),
            StorySort::Headline => Box::new(o.headline.iter().map(|&i| i as usize)),
            StorySort::Id => Box::new(0..self.rows.len()),
        };
        if reverse {
            Box::new(v.rev())
        } else {
            v
        }
    }

    /// The query's filters as ids; `None` when a named facet value does not exist (no row matches).
    fn filter<'q>(&self, q: &'q StoryQuery, words: Vec<String>) -> Option<Filter<'q>> {
        let id = |names: &[String], v: &Option<String>| -> Option<Option<u32>> {
            match v {
                None => Some(None),
                Some(v) => names.iter().position(|n| n == v).map(|i| Some(i as u32)),
            }
        };
        Some(Filter {
            all: q.all,
            outlet: id(&self.facets.outlets, &q.outlet)?,
            language: id(&self.facets.languages, &q.language)?,
            date: q.date.as_deref(),
            words,
        })
    }

    /// Searches stories (with the list's filters) and article titles and outlets.
    pub fn search(&self, q: &StoryQuery) -> SearchResult {
        let words = q.q.as_deref().map(query_words).unwrap_or_default();
        let articles = if words.is_empty() {
            Vec::new()
        } else {
            self.article_text
                .iter()
                .enumerate()
                .filter(|(_, t)| matches_words(t, &words))
                .take(SEARCH_ARTICLE_LIMIT)
                .map(|(i, _)| self.articles[i].clone())
                .collect()
        };
        let mut sq = q.clone();
        sq.all = true;
        SearchResult {
            q: q.q.clone().unwrap_or_default(),
            stories: self.query(&sq),
            articles,
        }
    }

    fn keeps(&self, i: usize, f: &Filter<'_>) -> bool {
        if !f.all && self.facets.row_size[i] < 2 {
            return false;
        }
        if let Some(o) = f.outlet {
            if !self.facets.row_outlets.get(i).contains(&o) {
                return false;
            }
        }
        if let Some(l) = f.language {
            if !self.facets.row_languages.get(i).contains(&l) {
                return false;
            }
        }
        if let Some(d) = f.date {
            if !overlaps(&self.rows[i], d) {
                return false;
            }
        }
        f.words.is_empty() || matches_words(&self.search_text[i], &f.words)
    }
}

/// A list query resolved against the index.
struct Filter<'q> {
    all: bool,
    outlet: Option<u32>,
    language: Option<u32>,
    date: Option<&'q str>,
    words: Vec<String>,
}

/// True when the story's span [first, last] meets the period `d` (a prefix of an ISO time):
/// ISO times compare as text, so the period's prefix is compared with each end's prefix.
fn overlaps(r: &StoryRow, d: &str) -> bool {
    let (Some(first), Some(last)) = (r.first.as_deref(), r.last.as_deref()) else {
        return false;
    };
    let n = d.len();
    first.get(..n).is_some_and(|f| f <= d) && last.get(..n).is_some_and(|l| l >= d)
}

/// The [`FACET_LIMIT`] most frequent values, ties by name.
fn top(names: &[String], counts: &[usize]) -> Vec<FacetValue> {
    let mut v: Vec<(usize, usize)> = counts
        .iter()
        .copied()
        .enumerate()
        .filter(|&(_, n)| n > 0)
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(names[a.0].cmp(&names[b.0])));
    v.truncate(FACET_LIMIT);
    v.into_iter()
        .map(|(i, count)| FacetValue {
            value: names[i].clone(),
            count,
        })
        .collect()
}

/// Builds a story's row from its members' metadata.
pub(crate) fn story_row(s: &Story, members: &[&ArticleMeta]) -> StoryRow {
    let origin = s.lineage.iter().find(|e| e.source.is_none()).map(|e| e.article);
    let headline = origin
        .and_then(|id| members.iter().find(|m| m.id == id))
        .or(members.first())
        .and_then(|a| a.title.clone().or_else(|| lead_headline(&a.lead)));
    let distinct = |f: &dyn Fn(&ArticleMeta) -> Option<&String>| {
        let mut v: Vec<String> = members.iter().filter_map(|m| f(m).cloned()).collect();
        v.sort();
        v.dedup();
        v
    };
    let times: Vec<_> = members.iter().filter_map(|a| a.published).collect();
    StoryRow {
        id: s.id,
        headline,
        size: s.articles.len(),
        outlets: distinct(&|m| m.outlet.as_ref()),
        languages: distinct(&|m| m.language.as_ref()),
        first: times.iter().min().map(Export::format_time),
        last: times.iter().max().map(Export::format_time),
        storyline: s.storyline.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_untitled_story_is_headed_by_its_first_words() {
        assert_eq!(
            lead_headline("Ferry ends.\n\nMore text").as_deref(),
            Some("Ferry ends.…")
        );
        assert_eq!(lead_headline("Short note").as_deref(), Some("Short note"));
        let long = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen";
        assert_eq!(
            lead_headline(long).as_deref(),
            Some("one two three four five six seven eight nine ten eleven twelve thirteen…")
        );
        assert_eq!(lead_headline("  "), None);
    }
}
