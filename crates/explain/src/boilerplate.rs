//! Page furniture inside article bodies: ads, newsletter prompts, share bars, navigation, related
//! links, editorial blurbs and boilerplate bylines.
//!
//! Input → output: the corpus's articles (and which of them tell the same story) → a
//! [`FurnitureModel`] that says whether a paragraph of an article is furniture.
//!
//! Method, without any list of phrases:
//! - *Recurrence*: a paragraph whose word set (folded, digits masked) nearly equals (Jaccard ≥ 0.5)
//!   paragraphs of articles of at least two other stories, or of another story of the same outlet,
//!   is furniture: real story text does not recur across unrelated stories.
//! - *Vocabulary*: words concentrated in recurring furniture (most of their occurrences are there) form
//!   the corpus's meta vocabulary ("sign", "newsletter", "verified"…, learned, not listed); a short
//!   paragraph mostly made of it is furniture even if its exact wording is new.
//! - *Shape* ([`looks_like_furniture`]): a paragraph that is not prose (no sentence-final stop and
//!   short, or a list with separators, or a `Header:` list of titles) and shares no content words with
//!   the story.
//!
//! Credit lines (agency attribution, copyright, reporting credits; per-language words) recur by nature
//! but belong to the article, so they are never furniture. Guarantees: deterministic (BTreeMaps,
//! sorted candidates); the model is independent of input order.

use std::collections::{BTreeMap, BTreeSet};

use wiretrace_model::{Article, ArticleId, Story};
use wiretrace_text::fold;

use crate::lang::LangData;
use crate::segment::paragraphs;

const MAX_TOKENS: usize = 80;

/// Folded words of a paragraph with digits masked.
pub(crate) fn masked_words(text: &str) -> Vec<String> {
    wiretrace_text::tokens(text)
        .map(|t| {
            t.folded
                .chars()
                .map(|c| if c.is_ascii_digit() { '0' } else { c })
                .collect()
        })
        .collect()
}

/// True when a paragraph is a credit line (agency attribution, copyright, reporting credits).
///
/// # Example
/// ```
/// use wiretrace_explain::boilerplate::is_credit_line;
/// assert!(is_credit_line("(AFP)", None));
/// assert!(is_credit_line("Copyright 2025 The Associated Press. All rights reserved.", Some("en")));
/// assert!(is_credit_line("Reporting by Ana Lima for Reuters; editing by Tom Hale.", Some("en")));
/// assert!(!is_credit_line("Sign up for our newsletter.", Some("en")));
/// ```
pub fn is_credit_line(text: &str, lang: Option<&str>) -> bool {
    let t = text.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty() || words.len() > 24 {
        return false;
    }
    if t.contains('©') {
        return true;
    }
    let names_only = words
        .iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
    if (t.starts_with('(') && t.ends_with(')') || t.starts_with('—') || t.starts_with('–'))
        && names_only
        && words.len() <= 6
    {
        return true;
    }
    let data = LangData::new(lang);
    let credit = words
        .iter()
        .filter(|w| data.is_credit_word(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .count();
    credit >= 1 && words.len() <= 16 && {
        // the rest is names, numbers and function words
        words.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.is_empty()
                || data.is_credit_word(w)
                || data.is_function_word(w)
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || matches!(
                    fold(w).as_str(),
                    "by" | "for"
                        | "with"
                        | "all"
                        | "this"
                        | "to"
                        | "writer"
                        | "writers"
                        | "contributed"
                        | "report"
                )
        })
    }
}

/// True when a paragraph has the shape of furniture rather than prose: no sentence-final stop and
/// either short, a list with separators, a `Header:` list, or mostly capitalised words.
///
/// # Example
/// ```
/// use wiretrace_explain::boilerplate::looks_like_furniture;
/// assert!(looks_like_furniture("Home | World | Sport | Business"));
/// assert!(looks_like_furniture("Related stories: Banks cut rates Oil price falls again"));
/// assert!(looks_like_furniture("Advertisement"));
/// assert!(!looks_like_furniture("The minister said the plan would cost more than expected."));
/// ```
pub fn looks_like_furniture(text: &str) -> bool {
    let t = text.trim();
    let last = t.chars().next_back().unwrap_or('.');
    let ends_sentence = matches!(last, '.' | '!' | '?' | '…' | '"' | '”' | '’' | '»' | ')' | ']');
    if ends_sentence {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() <= 8 {
        return true;
    }
    let seps = t.matches(" | ").count()
        + t.matches(" / ").count()
        + t.matches(" · ").count()
        + t.matches(" • ").count();
    if seps >= 2 {
        return true;
    }
    let header = t
        .find(':')
        .is_some_and(|p| t[..p].split_whitespace().count() <= 4);
    if header {
        return true;
    }
    let long: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let caps = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    !long.is_empty() && caps as f64 / long.len() as f64 >= 0.6
}

#[derive(Debug, Clone)]
struct Para {
    article: usize,
    words: BTreeSet<String>,
}

/// What the corpus says about furniture: recurring paragraphs and the learned meta vocabulary.
#[derive(Debug, Clone, Default)]
pub struct FurnitureModel {
    // per article id: the set of recurring paragraph word-sets
    recurring: BTreeMap<ArticleId, BTreeSet<usize>>,
    vocabulary: BTreeSet<String>,
    furniture_sets: Vec<BTreeSet<String>>,
}

fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inter = a.intersection(b).count();
    inter as f64 / (a.len() + b.len() - inter) as f64
}

impl FurnitureModel {
    /// Learns recurring paragraphs and the meta vocabulary from the corpus. `stories` say which
    /// articles are related (members of one story never count as recurrence for each other).
    ///
    /// # Example
    /// ```
    /// use wiretrace_model::{Article, ArticleId};
    /// use wiretrace_explain::boilerplate::FurnitureModel;
    /// let mut arts = Vec::new();
    /// for (i, body) in ["Storm hits the coast today.", "Bank raises its rates again.", "Team wins the cup final."].iter().enumerate() {
    ///     let mut a = Article::new(format!("a{i}.txt"), format!("{body}\n\nSign up for our free morning newsletter."));
    ///     a.id = ArticleId(i as u32 + 1);
    ///     arts.push(a);
    /// }
    /// let m = FurnitureModel::build(&arts, &[]);
    /// assert!(m.is_recurring(ArticleId(1), 1));
    /// assert!(!m.is_recurring(ArticleId(1), 0));
    /// ```
    pub fn build(articles: &[Article], stories: &[Story]) -> Self {
        let mut order: Vec<usize> = (0..articles.len()).collect();
        order.sort_by_key(|&i| (articles[i].id, articles[i].path.clone()));
        let mut group: BTreeMap<ArticleId, u32> = BTreeMap::new();
        for s in stories {
            for a in &s.articles {
                group.insert(*a, s.id.0);
            }
        }
        let group_of = |i: usize| -> (u32, u32) {
            let id = articles[i].id;
            match group.get(&id) {
                Some(g) => (0, *g),
                None => (1, id.0.wrapping_add(i as u32)),
            }
        };
        let mut paras: Vec<Para> = Vec::new();
        let mut para_pos: Vec<(usize, usize)> = Vec::new(); // (article index, paragraph number)
        for &ai in &order {
            let text = &articles[ai].text;
            for (pi, (s, e)) in paragraphs(text).into_iter().enumerate() {
                let w = masked_words(&text[s..e]);
                if w.is_empty() || w.len() > MAX_TOKENS {
                    continue;
                }
                if is_credit_line(&text[s..e], articles[ai].language.as_deref()) {
                    continue;
                }
                paras.push(Para {
                    article: ai,
                    words: w.into_iter().collect(),
                });
                para_pos.push((ai, pi));
            }
        }
        // postings, skipping the most common words
        let mut postings: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (k, p) in paras.iter().enumerate() {
            for w in &p.words {
                postings.entry(w.as_str()).or_default().push(k);
            }
        }
        let cap = (paras.len() / 5).max(50);
        let mut recurring: BTreeMap<ArticleId, BTreeSet<usize>> = BTreeMap::new();
        let mut furniture_idx = Vec::new();
        for (k, p) in paras.iter().enumerate() {
            let mut cand: BTreeSet<usize> = BTreeSet::new();
            for w in &p.words {
                if let Some(list) = postings.get(w.as_str()) {
                    if list.len() <= cap {
                        cand.extend(list.iter().copied());
                    }
                }
            }
            let own = group_of(p.article);
            let outlet = articles[p.article].outlet.as_deref();
            let mut groups: BTreeSet<(u32, u32)> = BTreeSet::new();
            let mut same_outlet = false;
            for c in cand {
                let q = &paras[c];
                if q.article == p.article || group_of(q.article) == own {
                    continue;
                }
                if jaccard(&p.words, &q.words) >= 0.5 {
                    groups.insert(group_of(q.article));
                    if outlet.is_some() && articles[q.article].outlet.as_deref() == outlet {
                        same_outlet = true;
                    }
                }
            }
            if groups.len() >= 2 || same_outlet {
                let (ai, pi) = para_pos[k];
                recurring.entry(articles[ai].id).or_default().insert(pi);
                furniture_idx.push(k);
            }
        }
        // meta vocabulary: words whose occurrences are mostly in recurring furniture
        let mut in_furniture: BTreeMap<&str, usize> = BTreeMap::new();
        for &k in &furniture_idx {
            for w in &paras[k].words {
                *in_furniture.entry(w.as_str()).or_insert(0) += 1;
            }
        }
        let mut vocabulary = BTreeSet::new();
        for (w, n) in &in_furniture {
            let total = postings.get(w).map(Vec::len).unwrap_or(0);
            if *n >= 2 && (*n as f64) / (total.max(1) as f64) >= 0.5 && w.chars().any(char::is_alphabetic) {
                vocabulary.insert((*w).to_string());
            }
        }
        let furniture_sets = furniture_idx.iter().map(|&k| paras[k].words.clone()).collect();
        FurnitureModel {
            recurring,
            vocabulary,
            furniture_sets,
        }
    }

    /// True when paragraph number `paragraph` of `article` recurs across unrelated articles.
    pub fn is_recurring(&self, article: ArticleId, paragraph: usize) -> bool {
        self.recurring
            .get(&article)
            .is_some_and(|s| s.contains(&paragraph))
    }

    /// Share (0..=1) of a paragraph's words that belong to the learned meta vocabulary.
    pub fn meta_share(&self, text: &str) -> f64 {
        let w = masked_words(text);
        if w.is_empty() {
            return 0.0;
        }
        w.iter().filter(|x| self.vocabulary.contains(*x)).count() as f64 / w.len() as f64
    }

    /// True when a paragraph nearly equals a known furniture paragraph (for paragraphs of texts that
    /// were not in the corpus the model was built from).
    pub fn resembles_furniture(&self, text: &str) -> bool {
        let w: BTreeSet<String> = masked_words(text).into_iter().collect();
        self.furniture_sets.iter().any(|f| jaccard(f, &w) >= 0.5)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wiretrace_model::StoryId;

    fn art(id: u32, text: &str) -> Article {
        let mut a = Article::new(format!("x/{id}.txt"), text);
        a.id = ArticleId(id);
        a
    }

    #[test]
    fn recurrence_across_stories_not_within_one() {
        let promo = "Never miss a story: sign up for breaking news alerts.";
        let arts = vec![
            art(1, &format!("Floods close the main bridge.\n\n{promo}")),
            art(2, &format!("Floods close the main bridge again.\n\n{promo}")),
            art(3, "Stocks fall in early trading."),
        ];
        // articles 1 and 2 are one story: their shared line is not recurrence
        let story = Story {
            id: StoryId(1),
            articles: vec![ArticleId(1), ArticleId(2)],
            storyline: None,
            lineage: vec![],
        };
        let m = FurnitureModel::build(&arts, &[story]);
        assert!(!m.is_recurring(ArticleId(1), 1));
        let arts2 = vec![
            arts[0].clone(),
            art(3, &format!("Stocks fall.\n\n{promo}")),
            art(4, &format!("Rain due.\n\n{promo}")),
        ];
        let m = FurnitureModel::build(&arts2, &[]);
        assert!(m.is_recurring(ArticleId(1), 1));
        assert!(m.meta_share("Sign up for alerts") > 0.5);
    }

    #[test]
    fn credit_lines_are_never_furniture() {
        let credit = "Copyright 2025 The Wire Agency. All rights reserved.";
        let arts: Vec<_> = (1..=4)
            .map(|i| art(i, &format!("Story number {i} text here.\n\n{credit}")))
            .collect();
        let m = FurnitureModel::build(&arts, &[]);
        assert!(!m.is_recurring(ArticleId(1), 1));
    }
}
