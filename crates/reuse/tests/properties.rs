//! Invariants over many generated cases: spans in bounds and on char boundaries, mirror symmetry,
//! independence from input order.

use wiretrace_model::Article;
use wiretrace_reuse::{align, find_pairs, Config};

use crate::fixtures::*;

/// Returns a derived text: pieces of `src` edited at random, with multi-byte characters around.
fn mutate(src: &str, rng: &mut Rng) -> String {
    let words: Vec<&str> = src.split(' ').collect();
    let mut out: Vec<String> = Vec::new();
    let start = rng.below(words.len() / 3 + 1);
    let end = words.len() - rng.below(words.len() / 3 + 1);
    for w in &words[start..end.max(start)] {
        match rng.below(20) {
            0 => out.push("über".to_string()),
            1 => out.push(format!("{w}é")),
            2 => {}
            3 => {
                out.push((*w).to_string());
                out.push("«añadido»".to_string());
            }
            _ => out.push((*w).to_string()),
        }
    }
    format!("Ñandú — {}\n\n{}", out.join(" "), filler(rng.next(), 1))
}

fn check_spans(p: &wiretrace_model::Pair, a: &Article, b: &Article) {
    let (na, nb) = (a.text.chars().count() as u32, b.text.chars().count() as u32);
    for x in &p.passages {
        assert!(x.a.start < x.a.end && x.a.end <= na, "{x:?} in {na}");
        assert!(x.b.start < x.b.end && x.b.end <= nb, "{x:?} in {nb}");
        assert!((0.0..=1.0).contains(&x.identity));
        // Slicing by chars must not panic and must give whole words.
        let s = x.a.slice(&a.text);
        assert!(s.chars().next().unwrap().is_alphanumeric(), "{s:?}");
    }
    for v in [
        p.similarity,
        p.jaccard,
        p.containment_a_in_b,
        p.containment_b_in_a,
        p.coverage_a,
        p.coverage_b,
    ] {
        assert!((0.0..=1.0).contains(&v));
    }
}

#[test]
fn spans_are_in_bounds_and_align_mirrors() {
    let cfg = Config::default();
    let sources = [WIRE_FLOOD, ES_WIRE, RO_WIRE, SHORT_ITEM];
    let mut rng = Rng::new(42);
    let mut found = 0;
    for case in 0..60u32 {
        let src = sources[case as usize % sources.len()];
        let a = article(case * 2 + 1, mutate(src, &mut rng));
        let b = article(case * 2 + 2, mutate(src, &mut rng));
        let ab = align(&cfg, &a, &b);
        let ba = align(&cfg, &b, &a);
        assert_eq!(ab, ba, "case {case}");
        if let Some(p) = ab {
            found += 1;
            assert!(p.a < p.b);
            check_spans(&p, &a, &b);
        }
    }
    assert!(found > 50, "most mutated copies are found: {found}");
}

#[test]
fn result_does_not_depend_on_input_order() {
    let cfg = Config::default();
    let mut rng = Rng::new(7);
    let mut articles: Vec<Article> = Vec::new();
    for i in 0..24u32 {
        let text = match i % 4 {
            0 => mutate(WIRE_FLOOD, &mut rng),
            1 => mutate(ES_WIRE, &mut rng),
            2 => filler(u64::from(i), 3),
            _ => mutate(RO_WIRE, &mut rng),
        };
        articles.push(article(i + 1, text));
    }
    let forward = find_pairs(&cfg, &articles, &|_| true);
    assert!(!forward.is_empty());
    articles.reverse();
    let mut shuffled = articles.clone();
    for i in (1..shuffled.len()).rev() {
        shuffled.swap(i, rng.below(i + 1));
    }
    assert_eq!(find_pairs(&cfg, &articles, &|_| true), forward);
    assert_eq!(find_pairs(&cfg, &shuffled, &|_| true), forward);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    assert_eq!(pool.install(|| find_pairs(&cfg, &shuffled, &|_| true)), forward);
}
