//! The stage commands' building blocks: sketches (JSON lines), the incremental candidate index and
//! direct alignment agree with the batch `find_pairs`.

use wiretrace_reuse::{align_in, candidate_pairs, find_pairs, sketch, CandidateIndex, Config, Sketch};

use crate::fixtures::*;

#[test]
fn index_candidates_and_aligned_pairs_match_find_pairs() {
    let cfg = Config::default();
    let mut articles: Vec<_> = (1..=8).map(|i| article(i, filler(u64::from(i), 5))).collect();
    articles.push(article(9, WIRE_FLOOD));
    articles.push(article(
        10,
        format!("{}\n\n{}", filler(99, 2), WIRE_FLOOD.replace("Tuesday", "Monday")),
    ));
    articles.push(article(11, format!("{}\n\n{SHORT_ITEM}", filler(98, 1))));
    articles.push(article(12, SHORT_ITEM));
    // Sketches survive a JSON-lines round trip.
    let lines: Vec<String> = articles
        .iter()
        .map(|a| serde_json::to_string(&sketch(&cfg, a)).unwrap())
        .collect();
    let sketches: Vec<Sketch> = lines.iter().map(|l| serde_json::from_str(l).unwrap()).collect();
    let mut index = CandidateIndex::new(&cfg);
    for s in &sketches {
        index.insert(s);
    }
    let mut via_index = Vec::new();
    for s in &sketches {
        for c in index.candidates(s) {
            if s.article < c.article {
                via_index.push((s.article.0, c.article.0));
            }
        }
    }
    via_index.sort();
    let batch: Vec<_> = candidate_pairs(&cfg, &sketches, &|_| true)
        .iter()
        .map(|c| (c.a.0, c.b.0))
        .collect();
    assert_eq!(via_index, batch);
    let aligned: Vec<_> = via_index
        .iter()
        .filter_map(|&(x, y)| align_in(&cfg, &index, &articles[x as usize - 1], &articles[y as usize - 1]))
        .collect();
    assert_eq!(aligned, find_pairs(&cfg, &articles, &|_| true));
    assert_eq!(ids(&aligned), [(9, 10), (11, 12)]);
}
