//! The furniture model's answers kept between analyses, and which articles' answers can have moved.
//!
//! An article's furniture digest ([`FurnitureModel::article_digest`]) is a function of, per
//! paragraph, its recurrence and, for a paragraph that does not recur, the four tests of
//! [`FurnitureModel::says_furniture`]: meta vocabulary share (short paragraphs), furniture opener
//! and loose vocabulary share (paragraphs that are not prose), and resemblance to a recurring
//! furniture paragraph. [`FurnitureModel::state_bytes`] keeps what those answers read from the
//! corpus (every recurrence, both vocabularies, the openers, the distinct furniture word sets);
//! [`FurnitureModel::delta_from`] compares a new model with a kept one, and
//! [`FurnitureDelta::may_change_digest`] says whether an article's digest can differ between the
//! two: only when a paragraph's recurrence moved, or a paragraph that does not recur holds a word
//! whose (loose) vocabulary membership moved, opens with an opener that came or went, or nearly
//! equals (Jaccard ≥ 0.5) a furniture set that came or went. Each test changes its answer only
//! under one of these, so an article passing none keeps its digest exactly: an incremental
//! analysis digests the others only.

use std::collections::{BTreeMap, BTreeSet};

use wiretrace_model::{Article, ArticleId};

use crate::boilerplate::{ends_sentence, masked_words, FurnitureIndex, FurnitureModel, META_MAX_WORDS};
use crate::segment::paragraphs;

/// Version byte of [`FurnitureModel::state_bytes`]: a state of another version (another build's
/// model) is not compared, and every article is digested again.
const STATE_BYTES_VERSION: u8 = 1;

/// Unsigned LEB128 writer and reader: states hold mostly small numbers (paragraph numbers,
/// recurrence counts, word ids).
fn put(b: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            b.push(byte);
            return;
        }
        b.push(byte | 0x80);
    }
}

fn put_str(b: &mut Vec<u8>, s: &str) {
    put(b, s.len() as u64);
    b.extend_from_slice(s.as_bytes());
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn num(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = self.0.split_first()?;
            self.0 = rest;
            v |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
    fn len(&mut self) -> Option<usize> {
        usize::try_from(self.num()?).ok()
    }
    fn string(&mut self) -> Option<String> {
        let n = self.len()?;
        let (s, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        String::from_utf8(s.to_vec()).ok()
    }
    fn words(&mut self) -> Option<BTreeSet<String>> {
        let n = self.len()?;
        (0..n).map(|_| self.string()).collect()
    }
}

/// Where an article stands against the corpus a kept furniture state was built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// In that corpus, same text, and in a story of the same members as then.
    Unchanged,
    /// In that corpus with the same text, but its story's members differ.
    Regrouped,
    /// Not in that corpus.
    New,
}

/// A kept furniture state ([`FurnitureModel::state_bytes`]) and where each article of the corpus
/// now built stands against the corpus it describes: [`FurnitureModel::build_reusing`] decides
/// again only what can differ. No article may have changed its text since (nor left the corpus).
#[derive(Clone, Copy)]
pub struct Previous<'a> {
    /// The kept state.
    pub state: &'a [u8],
    /// Each article's standing.
    pub standing: &'a (dyn Fn(ArticleId) -> Standing + Sync),
}

impl std::fmt::Debug for Previous<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Previous")
            .field("state", &self.state.len())
            .finish_non_exhaustive()
    }
}

/// A kept state as the build reads it: its decisions.
pub(crate) type KeptDecisions = State;

/// A kept model's answers, decoded ([`FurnitureModel::state_bytes`]).
#[derive(Debug, Default, PartialEq)]
pub(crate) struct State {
    /// The number of paragraphs the recurrence test read.
    pub(crate) paragraphs: usize,
    recurring: BTreeMap<ArticleId, BTreeMap<usize, (usize, bool)>>,
    vocabulary: BTreeSet<String>,
    loose_vocabulary: BTreeSet<String>,
    openers: BTreeSet<(String, String)>,
    sets: BTreeSet<Vec<String>>,
}

impl State {
    /// A paragraph's kept recurrence.
    pub(crate) fn recurrence(&self, article: ArticleId, paragraph: usize) -> Option<(usize, bool)> {
        self.recurring
            .get(&article)
            .and_then(|m| m.get(&paragraph))
            .copied()
    }

    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<State> {
        let (&version, rest) = bytes.split_first()?;
        if version != STATE_BYTES_VERSION {
            return None;
        }
        let mut r = Reader(rest);
        let paragraphs = r.len()?;
        let mut recurring: BTreeMap<ArticleId, BTreeMap<usize, (usize, bool)>> = BTreeMap::new();
        let mut article = 0u64;
        for _ in 0..r.len()? {
            article += r.num()?; // ids ascending, as gaps
            let id = ArticleId(u32::try_from(article).ok()?);
            let paras = recurring.entry(id).or_default();
            for _ in 0..r.len()? {
                let para = r.len()?;
                let v = r.num()?;
                paras.insert(para, (usize::try_from(v >> 1).ok()?, v & 1 == 1));
            }
        }
        let vocabulary = r.words()?;
        let loose_vocabulary = r.words()?;
        let mut openers = BTreeSet::new();
        for _ in 0..r.len()? {
            openers.insert((r.string()?, r.string()?));
        }
        let table: Vec<String> = (0..r.len()?).map(|_| r.string()).collect::<Option<_>>()?;
        let mut sets = BTreeSet::new();
        for _ in 0..r.len()? {
            let mut s: Vec<String> = (0..r.len()?)
                .map(|_| r.len().and_then(|k| table.get(k).cloned()))
                .collect::<Option<_>>()?;
            s.sort_unstable();
            sets.insert(s);
        }
        r.0.is_empty().then_some(State {
            paragraphs,
            recurring,
            vocabulary,
            loose_vocabulary,
            openers,
            sets,
        })
    }
}

/// What moved between a kept furniture model and a new one (see the module docs).
#[derive(Debug, Default)]
pub struct FurnitureDelta {
    /// Articles with a paragraph whose recurrence differs (recurring in one model only, or with
    /// another count or outlet flag).
    recurrence_moved: BTreeSet<ArticleId>,
    vocabulary: BTreeSet<String>,
    loose_vocabulary: BTreeSet<String>,
    openers: BTreeSet<(String, String)>,
    /// The furniture sets in one model only.
    sets: FurnitureIndex,
    any_set: bool,
}

/// The symmetric difference of two sorted sets.
fn moved<T: Ord + Clone>(a: &BTreeSet<T>, b: &BTreeSet<T>) -> BTreeSet<T> {
    a.symmetric_difference(b).cloned().collect()
}

impl FurnitureDelta {
    /// Articles whose recurrence moved.
    pub fn recurrence_moved(&self) -> usize {
        self.recurrence_moved.len()
    }

    /// Words and openers whose membership moved, and furniture sets that came or went.
    pub fn vocabulary_moved(&self) -> (usize, usize, usize, usize) {
        (
            self.vocabulary.len(),
            self.loose_vocabulary.len(),
            self.openers.len(),
            self.sets.len(),
        )
    }

    /// False when `article` (analysed by both models, text unchanged) gets the same digest from the
    /// new model as from the kept one: no paragraph's recurrence moved, and no paragraph that does
    /// not recur meets a moved word, opener or furniture set. True means it may differ.
    pub fn may_change_digest(&self, article: &Article, model: &FurnitureModel) -> bool {
        if self.recurrence_moved.contains(&article.id) {
            return true;
        }
        if self.vocabulary.is_empty()
            && self.loose_vocabulary.is_empty()
            && self.openers.is_empty()
            && !self.any_set
        {
            return false;
        }
        let text = &article.text;
        paragraphs(text).into_iter().enumerate().any(|(pi, (s, e))| {
            // a recurring paragraph's answer is its recurrence, which did not move
            if model.recurrence(article.id, pi).is_some() {
                return false;
            }
            let para = &text[s..e];
            let words = masked_words(para);
            if words.len() <= META_MAX_WORDS && words.iter().any(|w| self.vocabulary.contains(w.as_ref())) {
                return true;
            }
            if !ends_sentence(para)
                && ((words.len() >= 4
                    && self
                        .openers
                        .contains(&(words[0].to_string(), words[1].to_string())))
                    || words.iter().any(|w| self.loose_vocabulary.contains(w.as_ref())))
            {
                return true;
            }
            // (a paragraph sharing no word with the moved sets resembles none of them)
            self.any_set && words.iter().any(|w| self.sets.knows(w)) && {
                let set: BTreeSet<String> = words.into_iter().map(|w| w.into_owned()).collect();
                self.sets.resembles(&set)
            }
        })
    }
}

impl FurnitureModel {
    /// What the model's answers read from the corpus, as bytes to keep until the next analysis
    /// (see the module docs and [`FurnitureModel::delta_from`]).
    pub fn state_bytes(&self) -> Vec<u8> {
        let mut b = vec![STATE_BYTES_VERSION];
        put(&mut b, self.paragraphs as u64);
        put(&mut b, self.recurring.len() as u64);
        let mut last = 0u64;
        for (id, paras) in &self.recurring {
            put(&mut b, u64::from(id.0) - last);
            last = u64::from(id.0);
            put(&mut b, paras.len() as u64);
            for (&para, &(groups, outlet)) in paras {
                put(&mut b, para as u64);
                put(&mut b, (groups as u64) << 1 | u64::from(outlet));
            }
        }
        for words in [&self.vocabulary, &self.loose_vocabulary] {
            put(&mut b, words.len() as u64);
            for w in words {
                put_str(&mut b, w);
            }
        }
        put(&mut b, self.openers.len() as u64);
        for (x, y) in &self.openers {
            put_str(&mut b, x);
            put_str(&mut b, y);
        }
        let table = self.furniture.words();
        put(&mut b, table.len() as u64);
        for w in &table {
            put_str(&mut b, w);
        }
        let sets = self.furniture.id_sets();
        put(&mut b, sets.len() as u64);
        for s in sets {
            put(&mut b, s.len() as u64);
            for &w in s {
                put(&mut b, u64::from(w));
            }
        }
        b
    }

    /// What moved from the model whose [`FurnitureModel::state_bytes`] are `state` to this one;
    /// `None` when `state` is of another version or damaged (every digest must then be computed).
    pub fn delta_from(&self, state: &[u8]) -> Option<FurnitureDelta> {
        let old = State::from_bytes(state)?;
        let mut recurrence_moved: BTreeSet<ArticleId> = BTreeSet::new();
        for (id, paras) in &self.recurring {
            if old.recurring.get(id) != Some(paras) {
                recurrence_moved.insert(*id);
            }
        }
        recurrence_moved.extend(old.recurring.keys().filter(|id| !self.recurring.contains_key(id)));
        let table = self.furniture.words();
        let sets: BTreeSet<Vec<String>> = self
            .furniture
            .id_sets()
            .iter()
            .map(|s| {
                let mut v: Vec<String> = s.iter().map(|&w| table[w as usize].to_string()).collect();
                v.sort_unstable();
                v
            })
            .collect();
        let moved_sets: Vec<Vec<String>> = sets.symmetric_difference(&old.sets).cloned().collect();
        Some(FurnitureDelta {
            recurrence_moved,
            vocabulary: moved(&self.vocabulary, &old.vocabulary),
            loose_vocabulary: moved(&self.loose_vocabulary, &old.loose_vocabulary),
            openers: moved(&self.openers, &old.openers),
            any_set: !moved_sets.is_empty(),
            sets: FurnitureIndex::build(moved_sets),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(id: u32, text: &str) -> Article {
        let mut a = Article::new(format!("x/{id}.txt"), text);
        a.id = ArticleId(id);
        a
    }

    fn corpus() -> Vec<Article> {
        let bodies = [
            "Storm hits the northern coast overnight.",
            "Central bank raises its rates again.",
            "Home team wins the cup final at last.",
            "Ferry service resumes after the strike.",
        ];
        bodies
            .iter()
            .enumerate()
            .map(|(i, b)| {
                art(
                    i as u32 + 1,
                    &format!("{b}\n\nSign up for our free morning newsletter today."),
                )
            })
            .collect()
    }

    #[test]
    fn state_bytes_round_trip() {
        let m = FurnitureModel::build(&corpus(), &[]);
        let bytes = m.state_bytes();
        let s = State::from_bytes(&bytes).unwrap();
        assert_eq!(s.recurring, m.recurring);
        assert_eq!(s.vocabulary, m.vocabulary);
        assert_eq!(s.openers, m.openers);
        assert!(!s.sets.is_empty() && !s.recurring.is_empty());
        assert!(State::from_bytes(&bytes[..bytes.len() - 1]).is_none());
        let mut other = bytes.clone();
        other[0] = STATE_BYTES_VERSION + 1;
        assert!(State::from_bytes(&other).is_none());
        // a model compared with itself moved nothing
        let d = m.delta_from(&bytes).unwrap();
        assert_eq!(d.recurrence_moved(), 0);
        assert_eq!(d.vocabulary_moved(), (0, 0, 0, 0));
        assert!(corpus().iter().all(|a| !d.may_change_digest(a, &m)));
    }

    /// A model built over a grown corpus from a kept state equals the model built from scratch,
    /// deciding again only some paragraphs; so does one whose articles changed stories.
    #[test]
    fn a_build_reusing_a_kept_state_equals_a_build_from_scratch() {
        use wiretrace_model::{Story, StoryId};
        let mut all = corpus();
        all.push(art(5, "Harvest figures beat forecasts in the south.\n\nFarmers in the south reported record yields of wheat and barley this summer."));
        all.push(art(6, "Farmers in the south reported record yields of wheat and barley this summer.\n\nSign up for our free morning newsletter today."));
        all.push(art(
            7,
            "Rail strike called off after late talks.\n\nSign up for our free morning newsletter today.",
        ));
        let story = |id: u32, members: &[u32]| Story {
            id: StoryId(id),
            articles: members.iter().map(|&m| ArticleId(m)).collect(),
            storyline: None,
            lineage: Vec::new(),
        };
        let before_stories = vec![
            story(1, &[1]),
            story(2, &[2]),
            story(3, &[3]),
            story(4, &[4]),
            story(5, &[5]),
        ];
        let old = FurnitureModel::build(&all[..5], &before_stories);
        // 6 and 7 are new; 6 joins the harvest story (5 is regrouped)
        let now_stories = vec![
            story(1, &[1]),
            story(2, &[2]),
            story(3, &[3]),
            story(4, &[4]),
            story(5, &[5, 6]),
            story(6, &[7]),
        ];
        let standing = |id: ArticleId| match id.0 {
            6 | 7 => Standing::New,
            5 => Standing::Regrouped,
            _ => Standing::Unchanged,
        };
        let state = old.state_bytes();
        let previous = Previous {
            state: &state,
            standing: &standing,
        };
        let reused = FurnitureModel::build_reusing(&all, &now_stories, Some(previous));
        let scratch = FurnitureModel::build(&all, &now_stories);
        assert_eq!(reused.recurring, scratch.recurring);
        assert_eq!(reused.state_bytes(), scratch.state_bytes());
        assert_eq!(scratch.decided(), scratch.paragraphs);
        assert!(
            reused.decided() < reused.paragraphs,
            "{} of {}",
            reused.decided(),
            reused.paragraphs
        );
        // the new articles' newsletter line recurs
        assert!(reused.recurrence(ArticleId(7), 1).is_some());
        // a state that does not describe this corpus minus its new articles is not reused
        let wrong = |_: ArticleId| Standing::Unchanged;
        let previous = Previous {
            state: &state,
            standing: &wrong,
        };
        let fallback = FurnitureModel::build_reusing(&all, &now_stories, Some(previous));
        assert_eq!(fallback.decided(), fallback.paragraphs);
        assert_eq!(fallback.state_bytes(), scratch.state_bytes());
    }

    /// Every article whose digest differs between two models is one the delta names: here the
    /// corpus grows from two articles (nothing recurs) to four (the newsletter line recurs).
    #[test]
    fn the_delta_names_every_article_whose_digest_moved() {
        let all = corpus();
        let mut lone = all[..2].to_vec();
        lone.push(art(9, "A quiet day in parliament.\n\nThe vote was close."));
        for (before, after) in [
            (&lone[..], &all[..]),
            (&all[..], &lone[..]),
            (&all[..3], &all[..]),
        ] {
            let old = FurnitureModel::build(before, &[]);
            let new = FurnitureModel::build(after, &[]);
            let d = new.delta_from(&old.state_bytes()).unwrap();
            let mut moved = 0;
            for a in after.iter().filter(|a| before.iter().any(|b| b.id == a.id)) {
                if old.article_digest(a) != new.article_digest(a) {
                    moved += 1;
                    assert!(d.may_change_digest(a, &new), "article {} moved unnoticed", a.id);
                }
            }
            assert!(moved > 0 || before.len() == 3);
        }
        // an unrelated article outside every delta keeps its digest and is not named
        let old = FurnitureModel::build(&all[..3], &[]);
        let mut grown = all[..3].to_vec();
        grown.push(art(8, "Harvest figures beat forecasts in the south."));
        let new = FurnitureModel::build(&grown, &[]);
        let d = new.delta_from(&old.state_bytes()).unwrap();
        for a in &all[..3] {
            assert_eq!(old.article_digest(a), new.article_digest(a));
            assert!(!d.may_change_digest(a, &new));
        }
    }
}
