//! Integration tests of the explain stage on fictional articles written for these tests.

use wiretrace_explain::{
    explain_corpus, explain_pair, kept_share, quotes, story_quotes, summarize, Config, FurnitureModel,
};
use wiretrace_model::{
    Article, ArticleId, BoilerplateBlock, Change, ChangeKind, LineageEdge, Story, StoryId,
};

fn art(id: u32, text: &str) -> Article {
    let mut a = Article::new(format!("fixtures/{id}.txt"), text);
    a.id = ArticleId(id);
    a.language = Some("en".into());
    a
}

fn of_kind(ch: &[Change], k: ChangeKind) -> Vec<&Change> {
    ch.iter().filter(|c| c.kind == k).collect()
}

const WIRE: &str = "Harbour officials in Port Ellis said on Monday that the new ferry terminal would cost £1.5bn and open in 2027.\n\n\
The terminal will handle 4 million passengers a year, according to the port authority. Its pier will stretch 1,367 miles (2,200 km) of cable along the seabed, engineers said.\n\n\
\"We have to watch his back,\" said harbour master Tomas Blair. \"This project is the future of the town.\"\n\n\
Local fishermen fear the works will disturb the spawning grounds near the bay. Their association has written to the regional council.\n\n\
The council will vote on the plan next month.";

#[test]
fn altered_quote_changed_figure_and_misspelt_name() {
    let src = art(1, WIRE);
    let copy = art(
        2,
        &WIRE
            .replace("£1.5bn", "£1.7bn")
            .replace("watch his back", "watch out for his back")
            .replace("Tomas Blair", "Tomas Blaire"),
    );
    let ch = explain_pair(&Config::default(), &copy, &src, None, &[]);
    let q = of_kind(&ch, ChangeKind::QuoteAltered);
    assert_eq!(q.len(), 1, "{ch:#?}");
    assert_eq!(q[0].before.as_deref(), Some("We have to watch his back,"));
    assert_eq!(q[0].after.as_deref(), Some("We have to watch out for his back,"));
    assert!(q[0].span.slice(&copy.text).contains("watch out for"));
    assert_eq!(
        q[0].source_span
            .map(|s| s.slice(&src.text).to_string())
            .as_deref(),
        Some("We have to watch his back,")
    );
    let n = of_kind(&ch, ChangeKind::NumberChanged);
    assert_eq!(n.len(), 1);
    assert_eq!(
        (n[0].before.as_deref(), n[0].after.as_deref()),
        (Some("£1.5bn"), Some("£1.7bn"))
    );
    assert_eq!(n[0].span.slice(&copy.text), "£1.7bn");
    let names = of_kind(&ch, ChangeKind::NameVariant);
    assert_eq!(names.len(), 1);
    assert_eq!(
        (names[0].before.as_deref(), names[0].after.as_deref()),
        (Some("Blair"), Some("Blaire"))
    );
    assert!(of_kind(&ch, ChangeKind::Added).is_empty() && of_kind(&ch, ChangeKind::Dropped).is_empty());
}

#[test]
fn unit_conversions_and_rescaled_currency_are_not_changes() {
    let src = art(1, WIRE);
    let copy = art(
        2,
        &WIRE
            .replace("£1.5bn", "£1,500m")
            .replace("1,367 miles (2,200 km)", "2,200 km")
            .replace("4 million", "4,000,000"),
    );
    let ch = explain_pair(&Config::default(), &copy, &src, None, &[]);
    assert!(of_kind(&ch, ChangeKind::NumberChanged).is_empty(), "{ch:#?}");
    // the same rewrite with a different quantity is a change
    let copy2 = art(3, &WIRE.replace("1,367 miles (2,200 km)", "1,500 km"));
    let ch2 = explain_pair(&Config::default(), &copy2, &src, None, &[]);
    assert_eq!(of_kind(&ch2, ChangeKind::NumberChanged).len(), 1, "{ch2:#?}");
}

#[test]
fn rounded_conversion_between_units_is_the_same_quantity() {
    let src = art(
        1,
        "The jumper cleared 2.20m, just 3cm short of the European standard, in Sheffield.",
    );
    let copy = art(
        2,
        "The jumper cleared 2.20m, just 1.2 inches short of the European standard, in Sheffield.",
    );
    let ch = explain_pair(&Config::default(), &copy, &src, None, &[]);
    assert!(ch.is_empty(), "{ch:#?}");
}

#[test]
fn transliterated_name_is_a_variant() {
    let src = art(
        1,
        "Talks with Muammar Gaddafi ended without agreement on Friday evening in Tripoli.",
    );
    let copy = art(
        2,
        "Talks with Muammar Qaddafi ended without agreement on Friday evening in Tripoli.",
    );
    let ch = explain_pair(&Config::default(), &copy, &src, None, &[]);
    let names = of_kind(&ch, ChangeKind::NameVariant);
    assert_eq!(names.len(), 1, "{ch:#?}");
    assert_eq!(names[0].after.as_deref(), Some("Qaddafi"));
}

#[test]
fn padding_supported_by_another_version_versus_unsupported_padding() {
    let src = art(1, WIRE);
    let merged = "A second ferry operator has also applied for berths at the terminal.";
    let padding = "Experts agree that modern infrastructure remains a key driver of prosperity for coastal communities everywhere.";
    let other = art(3, &format!("{WIRE}\n\n{merged}"));
    let copy = art(
        2,
        &WIRE.replace(
            "The council will vote on the plan next month.",
            &format!("The council will vote on the plan next month. {merged}\n\n{padding}"),
        ),
    );
    let story = [&src, &copy, &other];
    let ch = explain_pair(&Config::default(), &copy, &src, None, &story);
    let added = of_kind(&ch, ChangeKind::Added);
    assert_eq!(added.len(), 2, "{ch:#?}");
    let sup = added
        .iter()
        .find(|c| c.after.as_deref() == Some(merged))
        .expect("merged block");
    assert_eq!(sup.supported_elsewhere, Some(true));
    let pad = added
        .iter()
        .find(|c| c.after.as_deref() == Some(padding))
        .expect("padding block");
    assert_eq!(pad.supported_elsewhere, Some(false));
    let sum = summarize(&copy, Some(&src), &ch);
    assert_eq!((sum.supported_added, sum.unsupported_added), (1, 1));
}

#[test]
fn dropped_paragraphs_are_blocks_placed_where_they_stood() {
    let src = art(1, WIRE);
    let copy = art(
        2,
        &WIRE.replace(
            "Local fishermen fear the works will disturb the spawning grounds near the bay. Their association has written to the regional council.\n\n",
            "",
        ),
    );
    let ch = explain_pair(&Config::default(), &copy, &src, None, &[]);
    let d = of_kind(&ch, ChangeKind::Dropped);
    assert_eq!(d.len(), 1, "{ch:#?}");
    assert!(
        d[0].before
            .as_deref()
            .unwrap_or("")
            .starts_with("Local fishermen")
            && d[0]
                .before
                .as_deref()
                .unwrap_or("")
                .ends_with("regional council.")
    );
    assert!(d[0].span.is_empty());
    let at = d[0].span.start as usize;
    let before: String = copy.text.chars().take(at).collect();
    assert!(
        before.ends_with("future of the town.\""),
        "placed at {at}: {before:?}"
    );
    let kept = kept_share(&src, &ch);
    assert!(kept > 0.6 && kept < 0.95, "{kept}");
}

#[test]
fn boilerplate_recognised_by_recurrence_is_not_added() {
    let promo = "Get the Gazette Morning Briefing, free every weekday. Sign up now.";
    let unrelated = [
        "Shares in the retailer fell sharply after weak holiday sales figures were published. Analysts had expected a modest rise in revenue.",
        "The striker scored twice as the visitors came from behind to win the derby. Their manager praised the defence after the final whistle.",
        "Scientists have found traces of water ice in a crater near the lunar south pole. The probe will now map the region in detail.",
    ];
    let src = art(1, WIRE);
    let copy = art(
        2,
        &WIRE.replace("\n\nLocal fishermen", &format!("\n\n{promo}\n\nLocal fishermen")),
    );
    let mut arts = vec![src.clone(), copy.clone()];
    for (i, body) in unrelated.iter().enumerate() {
        arts.push(art(10 + i as u32, &format!("{body}\n\n{promo}")));
    }
    let stories = vec![Story {
        id: StoryId(1),
        articles: vec![ArticleId(1), ArticleId(2)],
        storyline: None,
        lineage: vec![
            LineageEdge {
                article: ArticleId(1),
                source: None,
                confidence: 1.0,
                reason: String::new(),
            },
            LineageEdge {
                article: ArticleId(2),
                source: Some(ArticleId(1)),
                confidence: 1.0,
                reason: String::new(),
            },
        ],
    }];
    let ch = explain_corpus(&Config::default(), &arts, &[], &stories);
    let b: Vec<_> = ch
        .iter()
        .filter(|c| c.kind == ChangeKind::Boilerplate && c.article == ArticleId(2))
        .collect();
    assert_eq!(b.len(), 1, "{ch:#?}");
    assert_eq!(b[0].after.as_deref(), Some(promo));
    assert!(!ch.iter().any(|c| c.kind == ChangeKind::Added), "{ch:#?}");
    // the unrelated articles carry it too, and are reported as well
    assert!(ch
        .iter()
        .any(|c| c.kind == ChangeKind::Boilerplate && c.article == ArticleId(10)));
    // sorted by (article, span, kind)
    let keys: Vec<_> = ch.iter().map(|c| (c.article, c.span, c.kind)).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    // the model alone says the same
    let m = FurnitureModel::build(&arts, &stories);
    assert!(m.is_recurring(ArticleId(10), 1));
    assert!(!m.is_recurring(ArticleId(10), 0));
}

#[test]
fn boilerplate_removed_at_ingest_is_reported_at_its_offset() {
    let src = art(1, WIRE);
    let mut copy = art(2, WIRE);
    copy.boilerplate.push(BoilerplateBlock {
        text: "Share this article".into(),
        at: 120,
        reason: "share".into(),
    });
    let stories = vec![Story {
        id: StoryId(1),
        articles: vec![ArticleId(1), ArticleId(2)],
        storyline: None,
        lineage: vec![LineageEdge {
            article: ArticleId(2),
            source: Some(ArticleId(1)),
            confidence: 1.0,
            reason: String::new(),
        }],
    }];
    let ch = explain_corpus(&Config::default(), &[src, copy], &[], &stories);
    assert_eq!(ch.len(), 1, "{ch:#?}");
    assert_eq!(ch[0].kind, ChangeKind::Boilerplate);
    assert_eq!((ch[0].span.start, ch[0].span.end), (120, 120));
}

#[test]
fn explain_corpus_is_independent_of_input_order() {
    let src = art(1, WIRE);
    let copy = art(
        2,
        &WIRE
            .replace("£1.5bn", "£1.9bn")
            .replace("next month", "next week"),
    );
    let stories = vec![Story {
        id: StoryId(1),
        articles: vec![ArticleId(1), ArticleId(2)],
        storyline: None,
        lineage: vec![LineageEdge {
            article: ArticleId(2),
            source: Some(ArticleId(1)),
            confidence: 1.0,
            reason: String::new(),
        }],
    }];
    let a = explain_corpus(&Config::default(), &[src.clone(), copy.clone()], &[], &stories);
    let b = explain_corpus(&Config::default(), &[copy, src], &[], &stories);
    assert_eq!(a, b);
    assert!(!a.is_empty());
}

#[test]
fn french_and_spanish_quotes_in_guillemets() {
    let fr_src = art(1, "« Nous devons protéger la baie », a déclaré le maire Jean Dupont lundi. Le conseil votera le mois prochain.");
    let fr_copy = art(2, "« Nous devons absolument protéger la baie », a déclaré le maire Jean Dupont lundi. Le conseil votera le mois prochain.");
    let (mut s, mut c) = (fr_src, fr_copy);
    s.language = Some("fr".into());
    c.language = Some("fr".into());
    let q = quotes(&s.text, Some("fr"));
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].text, "Nous devons protéger la baie");
    assert_eq!(q[0].speaker.as_deref(), Some("Jean Dupont"));
    let ch = explain_pair(&Config::default(), &c, &s, None, &[]);
    let qa = of_kind(&ch, ChangeKind::QuoteAltered);
    assert_eq!(qa.len(), 1, "{ch:#?}");
    assert_eq!(
        qa[0].after.as_deref(),
        Some("Nous devons absolument protéger la baie")
    );
    assert_eq!(qa[0].note.as_deref(), Some("speaker: Jean Dupont"));

    let es = "«Vamos a ganar este partido», dijo el entrenador Luis García. Según Ana Ruiz, «el equipo está listo».";
    let q = quotes(es, Some("es"));
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].speaker.as_deref(), Some("Luis García"));
    assert_eq!(q[1].text, "el equipo está listo");
    assert_eq!(q[1].speaker.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn curly_straight_nested_and_multi_paragraph_quotes() {
    let t =
        "“We will not give up,” said Mira Osei. She added: \"They told us to 'stay calm' and we did.\"\n\n\
The union leader said: \"Members are angry. \"They expect answers by Friday.\n\n\"Otherwise we strike.\"";
    let q = quotes(t, Some("en"));
    let got: Vec<_> = q
        .iter()
        .map(|x| (x.text.as_str(), x.depth, x.continues))
        .collect();
    assert_eq!(
        got,
        [
            ("We will not give up,", 0, false),
            ("They told us to 'stay calm' and we did.", 0, false),
            ("stay calm", 1, false),
            ("Members are angry.", 0, false),
            ("They expect answers by Friday.", 0, true),
            ("Otherwise we strike.", 0, true),
        ]
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Mira Osei"));
    assert_eq!(q[1].speaker.as_deref(), Some("Mira Osei"));
    for x in &q {
        assert_eq!(x.span.slice(t), x.text);
    }
}

#[test]
fn story_quotes_group_wordings_across_versions() {
    let a = art(1, WIRE);
    let b = art(2, &WIRE.replace("watch his back", "watch out for his back"));
    let c = art(3, &WIRE.replace("watch his back", "watch out for his back"));
    let groups = story_quotes(&Config::default(), &[&c, &a, &b]);
    let g = groups.iter().find(|g| g.is_altered()).expect("an altered quote");
    assert_eq!(g.speaker.as_deref(), Some("Tomas Blair"));
    assert_eq!(g.variants[0].articles, vec![ArticleId(2), ArticleId(3)]);
    assert_eq!(g.variants[1].articles, vec![ArticleId(1)]);
    let json = serde_json::to_string(&groups).expect("serialise");
    assert!(json.contains("watch out for his back"));
}

#[test]
fn merged_sentences_are_neither_added_nor_dropped() {
    let src = art(1, "The harbour council met on Monday evening. It approved the ferry plan by six votes.\n\nWork starts in June.");
    let copy = art(2, "The harbour council met on Monday evening and it approved the ferry plan by six votes.\n\nWork starts in June.");
    let ch = explain_pair(&Config::default(), &copy, &src, None, &[]);
    assert!(ch.is_empty(), "{ch:#?}");
}

#[test]
fn padding_inherited_by_a_later_copy_is_not_support() {
    let padding = "Experts agree that modern infrastructure remains a key driver of prosperity for coastal communities everywhere.";
    let src = art(1, WIRE);
    let copy = art(2, &format!("{WIRE}\n\n{padding}"));
    let child = art(3, &format!("{WIRE}\n\n{padding}"));
    let edge = |a: u32, s: Option<u32>| LineageEdge {
        article: ArticleId(a),
        source: s.map(ArticleId),
        confidence: 1.0,
        reason: String::new(),
    };
    let stories = vec![Story {
        id: StoryId(1),
        articles: vec![ArticleId(1), ArticleId(2), ArticleId(3)],
        storyline: None,
        lineage: vec![edge(1, None), edge(2, Some(1)), edge(3, Some(2))],
    }];
    let ch = explain_corpus(&Config::default(), &[src, copy, child], &[], &stories);
    let added: Vec<_> = ch.iter().filter(|c| c.kind == ChangeKind::Added).collect();
    assert_eq!(added.len(), 1, "{ch:#?}");
    assert_eq!(added[0].article, ArticleId(2));
    assert_eq!(added[0].supported_elsewhere, Some(false));
}
