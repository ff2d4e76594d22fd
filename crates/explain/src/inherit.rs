//! Drift inherited down a story's lineage: which copies of an article still carry a quote, figure
//! or name it altered, so a reader of a copy learns where that wording first appeared.
//!
//! Each article is explained against its own lineage source only, so a copy of a copy that keeps
//! an altered quote shows no change of its own. [`mark_inherited`] walks each drift change's
//! article's descendants and records in [`Change::carried_by`] those whose text still has the
//! altered wording (`after`) at that place and not the earlier one (`before`): a check on the text,
//! not an assumption, since a copy may restore or re-edit it. It descends only through copies that
//! carry it (inheritance passes from copy to copy). A drift made identically by versions on
//! different branches of the tree (two siblings with the same altered quote) most likely entered in
//! a common source missing from the corpus; [`Change::same_drift_in`] names the others, so no
//! version is presented as the certain first appearance.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use wiretrace_model::{Article, ArticleId, Change, ChangeKind, CharIndex, CharSpan, Story};

/// Words taken on each side of a drifted wording to anchor it at its place: a short figure or
/// name ("7%", "Jon") also occurs elsewhere in a text, but with its neighbours it names one spot.
/// Two words survive most local edits of a copy while making an accidental match rare.
const CONTEXT_WORDS: usize = 2;

/// A wording of at least this many words anchors itself (a reworded quotation): it is looked for
/// without context, so a copy that re-edited the words around it still counts as carrying it.
const SELF_ANCHORED_WORDS: usize = 4;

/// True for the change kinds that alter a fact's wording and can be passed on to copies.
pub fn is_drift(kind: ChangeKind) -> bool {
    matches!(
        kind,
        ChangeKind::QuoteAltered | ChangeKind::NumberChanged | ChangeKind::NameVariant
    )
}

/// Fills [`Change::carried_by`] and [`Change::same_drift_in`] of every drift change in `changes`,
/// using each story's lineage and the articles' texts. Other changes are left as they are.
pub fn mark_inherited(articles: &BTreeMap<ArticleId, &Article>, stories: &[Story], changes: &mut [Change]) {
    let mut children: BTreeMap<ArticleId, Vec<ArticleId>> = BTreeMap::new();
    let mut story_of: BTreeMap<ArticleId, usize> = BTreeMap::new();
    for (k, s) in stories.iter().enumerate() {
        for id in &s.articles {
            story_of.entry(*id).or_insert(k);
        }
        for e in &s.lineage {
            if let Some(src) = e.source.filter(|src| *src != e.article) {
                children.entry(src).or_default().push(e.article);
            }
        }
    }
    // the words of every copy a drift could pass to, tokenised once, in parallel
    let drifted: BTreeSet<ArticleId> = changes
        .iter()
        .filter(|c| is_drift(c.kind))
        .map(|c| c.article)
        .collect();
    let copies: BTreeSet<ArticleId> = drifted
        .into_iter()
        .flat_map(|a| crate::descendants_of(a, &children))
        .collect();
    let words: BTreeMap<ArticleId, Vec<String>> = copies
        .into_par_iter()
        .filter_map(|d| Some((d, crate::changes::words_of(&articles.get(&d)?.text))))
        .collect();
    changes
        .par_iter_mut()
        .filter(|c| is_drift(c.kind))
        .for_each(|c| c.carried_by = carriers(c, articles, &children, &words));
    mark_same_drift(changes, &story_of);
}

/// The descendants of `c.article` that carry its drift, reached through carriers only, by id.
fn carriers(
    c: &Change,
    articles: &BTreeMap<ArticleId, &Article>,
    children: &BTreeMap<ArticleId, Vec<ArticleId>>,
    words: &BTreeMap<ArticleId, Vec<String>>,
) -> Vec<ArticleId> {
    let (Some(before), Some(after), Some(origin)) = (&c.before, &c.after, articles.get(&c.article)) else {
        return Vec::new();
    };
    // no copy to carry it: skip the wording, which tokenises the whole article (a book-length text
    // with a few drifts would be tokenised once per drift)
    if children.get(&c.article).is_none_or(|ch| ch.is_empty()) {
        return Vec::new();
    }
    let Some(wording) = Wording::new(origin, c.span, before, after) else {
        return Vec::new();
    };
    let mut out = BTreeSet::new();
    let mut seen = BTreeSet::from([c.article]);
    let mut stack = vec![c.article];
    while let Some(x) = stack.pop() {
        for &d in children.get(&x).into_iter().flatten() {
            if !seen.insert(d) {
                continue;
            }
            let Some(w) = words.get(&d) else { continue };
            if wording.carried_in(w) {
                out.insert(d);
                stack.push(d);
            }
        }
    }
    out.into_iter().collect()
}

/// A drifted wording with its neighbours in the article that introduced it (folded words).
struct Wording {
    left: Vec<String>,
    before: Vec<String>,
    after: Vec<String>,
    right: Vec<String>,
}

impl Wording {
    /// The wording at char span `span` of `origin`; `None` when `before` or `after` has no word.
    fn new(origin: &Article, span: CharSpan, before: &str, after: &str) -> Option<Wording> {
        let before = crate::changes::words_of(before);
        let after = crate::changes::words_of(after);
        if before.is_empty() || after.is_empty() || before == after {
            return None;
        }
        let idx = CharIndex::new(&origin.text);
        let (b0, b1) = (idx.byte_of(span.start as usize), idx.byte_of(span.end as usize));
        let toks: Vec<_> = wiretrace_text::tokens(&origin.text).collect();
        let first = toks.partition_point(|t| (t.end as usize) <= b0);
        let past = toks.partition_point(|t| (t.start as usize) < b1).max(first);
        let fold = |r: &[wiretrace_text::Token]| r.iter().map(|t| t.folded.to_string()).collect();
        Some(Wording {
            left: fold(&toks[first.saturating_sub(CONTEXT_WORDS)..first]),
            before,
            after,
            right: fold(&toks[past..(past + CONTEXT_WORDS).min(toks.len())]),
        })
    }

    /// True when `text` (folded words) has the drifted wording and not the earlier one at its
    /// place. The earlier wording is always looked for with its neighbours: a text quoting it
    /// elsewhere in another sentence (`by the "back door"` beside a drifted `"by back door"`)
    /// has not restored it.
    fn carried_in(&self, text: &[String]) -> bool {
        self.has(text, &self.after, true) && !self.has(text, &self.before, false)
    }

    /// True when `text` has `core` at its place: with its left or its right neighbours, or alone
    /// when `may_stand_alone` and it is long enough to anchor itself.
    fn has(&self, text: &[String], core: &[String], may_stand_alone: bool) -> bool {
        if may_stand_alone && core.len() >= SELF_ANCHORED_WORDS && contains(text, core) {
            return true;
        }
        let with_left: Vec<String> = self.left.iter().chain(core).cloned().collect();
        let with_right: Vec<String> = core.iter().chain(&self.right).cloned().collect();
        (!self.left.is_empty() && contains(text, &with_left))
            || (!self.right.is_empty() && contains(text, &with_right))
            || (self.left.is_empty() && self.right.is_empty() && contains(text, core))
    }
}

fn contains(text: &[String], seq: &[String]) -> bool {
    !seq.is_empty() && text.windows(seq.len()).any(|w| w == seq)
}

/// Fills [`Change::same_drift_in`]: for each drift change, the other articles of its story that
/// made the same change (kind, earlier and later wording) against their own sources and do not
/// carry it from this one.
fn mark_same_drift(changes: &mut [Change], story_of: &BTreeMap<ArticleId, usize>) {
    type Key = (usize, ChangeKind, Vec<String>, Vec<String>);
    let key = |c: &Change| -> Option<Key> {
        let story = *story_of.get(&c.article)?;
        let before = crate::changes::words_of(c.before.as_deref()?);
        let after = crate::changes::words_of(c.after.as_deref()?);
        Some((story, c.kind, before, after))
    };
    let mut makers: BTreeMap<Key, BTreeSet<ArticleId>> = BTreeMap::new();
    let keys: Vec<Option<Key>> = changes
        .iter()
        .map(|c| if is_drift(c.kind) { key(c) } else { None })
        .collect();
    for (c, k) in changes.iter().zip(&keys) {
        if let Some(k) = k {
            makers.entry(k.clone()).or_default().insert(c.article);
        }
    }
    for (c, k) in changes.iter_mut().zip(&keys) {
        let Some(k) = k else { continue };
        c.same_drift_in = makers[k]
            .iter()
            .filter(|a| **a != c.article && !c.carried_by.contains(a))
            .copied()
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(id: u32, text: &str) -> Article {
        let mut a = Article::new(format!("{id}.txt"), text);
        a.id = ArticleId(id);
        a
    }

    fn words(s: &str) -> Vec<String> {
        crate::changes::words_of(s)
    }

    #[test]
    fn a_short_figure_is_looked_for_at_its_place() {
        let b = art(2, "The levy rose 7% this spring, and 5% of firms paid late.");
        let at = b.text.find("7%").unwrap() as u32;
        let w = Wording::new(&b, CharSpan::new(at, at + 2), "5%", "7%").unwrap();
        // the copy keeps 7% where B has it; the other 5% elsewhere is not the original figure
        assert!(w.carried_in(&words("The levy rose 7% this spring, and 5% of firms paid late.")));
        // a copy that restored the figure carries the original at that place
        assert!(!w.carried_in(&words("The levy rose 5% this spring, and 5% of firms paid late.")));
        // a copy without the sentence carries nothing
        assert!(!w.carried_in(&words("Firms paid late.")));
    }

    #[test]
    fn the_earlier_wording_elsewhere_in_the_text_is_not_a_restoration() {
        let b = art(2, "Critics say it opens the way \"by back door\" to the sale.");
        let at = b.text.find("by back door").unwrap() as u32;
        let w = Wording::new(&b, CharSpan::new(at, at + 12), "by the back door", "by back door").unwrap();
        let copy = "Critics say it opens the way \"by back door\" to the sale. A rival said it came by the \"back door\" too.";
        assert!(w.carried_in(&words(copy)));
        let restored = "Critics say it opens the way \"by the back door\" to the sale.";
        assert!(!w.carried_in(&words(restored)));
    }

    #[test]
    fn a_long_quote_anchors_itself() {
        let b = art(2, "\"We will rebuild every bridge by winter,\" the mayor said.");
        let w = Wording::new(
            &b,
            CharSpan::new(1, 39),
            "We will rebuild the bridges soon",
            "We will rebuild every bridge by winter",
        )
        .unwrap();
        assert!(w.carried_in(&words(
            "The mayor said: \"We will rebuild every bridge by winter.\""
        )));
        assert!(!w.carried_in(&words(
            "\"We will rebuild the bridges soon,\" the mayor told reporters."
        )));
    }
}
