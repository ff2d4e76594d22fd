//! Reuse that must be found: near-duplicates, containment, partial and edited reuse, reordering,
//! other languages.

use wiretrace_reuse::{align, find_pairs, Config};

use crate::fixtures::*;

fn cfg() -> Config {
    Config::default()
}

#[test]
fn near_duplicate_with_new_headline_and_trimmed_ending() {
    let paras: Vec<&str> = WIRE_FLOOD.split("\n\n").collect();
    let copy = format!(
        "Marrowby under water again as river bursts banks\n\n{}",
        paras[..6].join("\n\n").replace("small boats", "inflatable boats")
    );
    let pairs = find_pairs(
        &cfg(),
        &[article(1, WIRE_FLOOD), article(2, copy), article(3, OTHER_FLOOD)],
        &|_| true,
    );
    assert_eq!(ids(&pairs), [(1, 2)]);
    let p = &pairs[0];
    assert!(p.coverage_b > 0.9, "{p:?}");
    assert!(p.coverage_a > 0.6 && p.coverage_a < 0.85, "{p:?}");
    assert_eq!(p.similarity, p.coverage_a.max(p.coverage_b));
    assert!(p.jaccard > 0.5 && p.containment_b_in_a > 0.85, "{p:?}");
}

#[test]
fn excerpt_of_a_long_article_is_found_by_containment() {
    // A 20-paragraph article; the excerpt takes three of its paragraphs with a new lead.
    let mut paras: Vec<String> = (0..17).map(|i| filler(100 + i, 1)).collect();
    let wire: Vec<&str> = WIRE_FLOOD.split("\n\n").collect();
    paras.insert(8, wire[1].to_string());
    paras.insert(9, wire[2].to_string());
    paras.insert(10, wire[3].to_string());
    let long = paras.join("\n\n");
    let excerpt = format!("Rescue in Marrowby.\n\n{}\n\n{}\n\n{}", wire[1], wire[2], wire[3]);
    let pairs = find_pairs(&cfg(), &[article(1, long.clone()), article(2, excerpt)], &|_| {
        true
    });
    assert_eq!(ids(&pairs), [(1, 2)]);
    let p = &pairs[0];
    assert!(p.jaccard < 0.25, "whole-document overlap is small: {p:?}");
    assert!(p.coverage_b > 0.9 && p.coverage_a < 0.3, "{p:?}");
    // The passage in the long article sits where the three paragraphs were put.
    let start = long.find(wire[1]).unwrap();
    let start_chars = long[..start].chars().count() as u32;
    assert!(
        p.passages.iter().any(|x| x.a.start.abs_diff(start_chars) <= 2),
        "{:?}",
        p.passages
    );
}

#[test]
fn short_wire_item_padded_to_three_times_its_length() {
    let padded = format!("{}\n\n{}\n\n{}", filler(7, 2), SHORT_ITEM, filler(8, 2));
    let p = align(&cfg(), &article(1, SHORT_ITEM), &article(2, padded)).expect("pair");
    assert!(p.coverage_a > 0.95, "{p:?}");
    assert!(p.coverage_b < 0.4, "{p:?}");
    assert_eq!(p.passages.len(), 1);
}

#[test]
fn partial_reuse_of_two_sentences() {
    let wire: Vec<&str> = WIRE_FLOOD.split("\n\n").collect();
    let two = format!("{} {}", wire[5], wire[6]);
    let text = format!("{}\n\n{}\n\n{}", filler(21, 3), two, filler(22, 3));
    let pairs = find_pairs(
        &cfg(),
        &[article(1, WIRE_FLOOD), article(2, text.clone())],
        &|_| true,
    );
    assert_eq!(ids(&pairs), [(1, 2)]);
    let p = &pairs[0];
    assert_eq!(p.passages.len(), 1, "{:?}", p.passages);
    let got = p.passages[0].b.slice(&text);
    assert!(
        got.starts_with("Engineers have spent") && got.ends_with("central government"),
        "{got}"
    );
}

#[test]
fn edited_reuse_with_numbers_and_names_changed() {
    let edited = WIRE_FLOOD
        .replace("340 residents", "350 residents")
        .replace("Helen Ashcroft", "Helen Ashcroff")
        .replace("Tom Brierley", "Tom Brearley")
        .replace("6.2 million", "6.5 million")
        .replace("40 millimetres", "45 millimetres")
        .replace("forcing", "driving")
        .replace("urged homeowners", "advised householders");
    let p = align(&cfg(), &article(1, WIRE_FLOOD), &article(2, edited)).expect("pair");
    assert_eq!(p.passages.len(), 1, "{:?}", p.passages);
    assert!(p.coverage_a > 0.97 && p.coverage_b > 0.97, "{p:?}");
    let id = p.passages[0].identity;
    assert!(id > 0.9 && id < 1.0, "changed words lower identity: {id}");
}

#[test]
fn reordered_paragraphs_give_several_passages() {
    let paras: Vec<&str> = WIRE_FLOOD.split("\n\n").collect();
    let reordered = [
        paras[4], paras[5], paras[6], paras[0], paras[1], paras[2], paras[3],
    ]
    .join("\n\n");
    let p = align(&cfg(), &article(1, WIRE_FLOOD), &article(2, reordered.clone())).expect("pair");
    assert!(p.passages.len() >= 2, "{:?}", p.passages);
    assert!(p.coverage_b > 0.95, "{p:?}");
    // Passages are ordered by their start in a, and each maps text to identical text.
    assert!(p.passages.windows(2).all(|w| w[0].a.start <= w[1].a.start));
    for x in &p.passages {
        assert_eq!(x.a.slice(WIRE_FLOOD), x.b.slice(&reordered));
    }
}

#[test]
fn reordered_sentences_are_still_aligned() {
    let s1 = "The harbour authority confirmed that the northern breakwater will be rebuilt with granite blocks quarried on the island.";
    let s2 = "Fishermen have asked for the work to be scheduled outside the herring season, which runs from May until late August.";
    let s3 = "The authority said the contract would be awarded in the new year after a second round of public consultation.";
    let a = format!("{s1} {s2} {s3}");
    let b = format!("{s3} {s1} {s2}");
    let p = align(&cfg(), &article(1, a), &article(2, b)).expect("pair");
    assert_eq!(p.passages.len(), 2, "{:?}", p.passages);
    assert!(p.coverage_a > 0.95 && p.coverage_b > 0.95, "{p:?}");
}

#[test]
fn spanish_and_romanian_copies_are_found_with_char_offsets() {
    let es_copy = format!(
        "Última hora\n\n{}",
        ES_WIRE
            .replace("3,4 millones", "3,5 millones")
            .replace("jueves", "miércoles")
    );
    let ro_copy = RO_WIRE
        .replace("Ionel Dumitrescu", "Ion Dumitrescu")
        .replace("trei luni", "patru luni");
    let arts = [
        article(1, ES_WIRE),
        article(2, es_copy.clone()),
        article(3, RO_WIRE),
        article(4, ro_copy.clone()),
    ];
    let pairs = find_pairs(&cfg(), &arts, &|_| true);
    assert_eq!(ids(&pairs), [(1, 2), (3, 4)]);
    for p in &pairs {
        assert!(p.coverage_a > 0.95 && p.coverage_b > 0.9, "{p:?}");
        let (ta, tb) = (&arts[p.a.0 as usize - 1].text, &arts[p.b.0 as usize - 1].text);
        for x in &p.passages {
            // Char offsets: slicing by chars lands on word boundaries in both texts.
            let (sa, sb) = (x.a.slice(ta), x.b.slice(tb));
            assert!(
                sa.chars().next().unwrap().is_alphanumeric() && sb.chars().last().unwrap().is_alphanumeric()
            );
        }
    }
    let p = &pairs[0];
    assert!(
        p.passages[0]
            .b
            .slice(&es_copy)
            .starts_with("El Ayuntamiento de Villaverde"),
        "{:?}",
        p.passages
    );
    assert!(pairs[1].passages[0]
        .b
        .slice(&ro_copy)
        .starts_with("Primăria orașului Vâlcele"));
}

#[test]
fn a_widely_copied_paragraph_pairs_two_versions_of_one_story() {
    // Ten outlets copy the wire whole, so each of its paragraphs is common text (high document
    // frequency). Two more versions keep different parts of it and share only its second paragraph:
    // weak alone, but both are strongly paired with the wire, so the shared paragraph is the story's.
    let wire: Vec<&str> = WIRE_FLOOD.split("\n\n").collect();
    let mut articles: Vec<_> = (1..=10)
        .map(|i| article(i, format!("{}\n\n{WIRE_FLOOD}", filler(u64::from(i), 1))))
        .collect();
    articles.push(article(
        11,
        format!("{}\n\n{}\n\n{}\n\n{}", wire[0], wire[1], wire[2], filler(50, 3)),
    ));
    articles.push(article(
        12,
        format!("{}\n\n{}\n\n{}\n\n{}", filler(51, 3), wire[1], wire[4], wire[5]),
    ));
    // Every candidate aligned: the bound on candidates per article would keep only the ten copies
    // of the wire for 11 and 12 (checked at the end).
    let unbounded = || Config {
        max_candidates: 0,
        ..cfg()
    };
    let full = find_pairs(&unbounded(), &articles, &|_| true);
    let p = full
        .iter()
        .find(|p| (p.a.0, p.b.0) == (11, 12))
        .expect("the two versions are paired");
    assert_eq!(p.passages.len(), 1);
    assert_eq!(
        p.passages[0].a.slice(&articles[10].text),
        wire[1].trim_end_matches('.')
    );
    // An incremental run that adds article 12 last gives the same pairs for it.
    let new12 = find_pairs(&unbounded(), &articles, &|id| id.0 == 12);
    let expected: Vec<_> = full.iter().filter(|p| p.b.0 == 12).cloned().collect();
    assert_eq!(new12, expected);
    // Without the wire and its copies, nothing links the two strongly enough... but then their
    // shared paragraph is also rare (document frequency 2), so it is specific and they pair anyway.
    let alone = find_pairs(&cfg(), &articles[10..], &|_| true);
    assert_eq!(ids(&alone), [(11, 12)]);
    // With the default bound (eight candidates per article), 11 and 12 keep their strongest
    // relatives, the wire's copies, and give up their weak link to each other.
    let bounded = find_pairs(&cfg(), &articles, &|_| true);
    for v in [11, 12] {
        let wire_links = bounded.iter().filter(|p| p.b.0 == v && p.a.0 <= 10).count();
        assert!(wire_links >= 8, "{v}: {wire_links}");
    }
    assert!(!ids(&bounded).contains(&(11, 12)));
}

#[test]
fn a_story_copied_by_more_outlets_than_the_df_cap_is_still_reuse() {
    // Forty outlets carry the wire whole: every fingerprint of it is above the df cap (20 for forty
    // articles), so none of its text is specific. Each copy is still most of its source's text and
    // must be paired: every version with some other, and the copies with the earliest version (the
    // common fingerprints' first holder; the per-article bound keeps the closest of the rest).
    let articles: Vec<_> = (1..=40)
        .map(|i| article(i, format!("{}\n\n{WIRE_FLOOD}", filler(u64::from(i), 1))))
        .collect();
    assert!(cfg().effective_max_df(articles.len()) < 40);
    let pairs = ids(&find_pairs(&cfg(), &articles, &|_| true));
    for k in 1..=40 {
        assert!(
            pairs.iter().any(|&(a, b)| a == k || b == k),
            "version {k} is in no pair"
        );
    }
    let with_first = pairs.iter().filter(|p| p.0 == 1).count();
    assert!(
        with_first >= 30,
        "{with_first} copies paired with the first version"
    );
}
