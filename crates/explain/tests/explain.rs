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
                credit: None,
                article: ArticleId(1),
                source: None,
                confidence: 1.0,
                reason: String::new(),
            },
            LineageEdge {
                credit: None,
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
            credit: None,
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
            credit: None,
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
        credit: None,
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

// ---- translations -------------------------------------------------------------------------------

const FLOOD_EN: &str = "LISBRIDGE (AFP) - Authorities in the northern region of Kelvara evacuated 3,400 residents on Tuesday after the Tamor river burst its banks, the civil protection agency said.\n\n\
The flooding cut the main road to Port Aldine and left about 1.2 million people without drinking water, according to regional governor Elena Brask.\n\n\
\"We have never seen the river rise this fast,\" Brask told reporters in Lisbridge.\n\n\
Forecasters expect another 80 mm of rain by Friday across Kelvara, where 14 schools have already closed.\n\n\
The regional council said it would release 45 million euros in emergency aid once the waters recede.";

fn lang_art(id: u32, lang: &str, text: &str) -> Article {
    let mut a = art(id, text);
    a.language = Some(lang.into());
    a
}

#[test]
fn spanish_translation_reports_the_dropped_paragraph_and_the_changed_figure_only() {
    let src = art(1, FLOOD_EN);
    let es = lang_art(
        2,
        "es",
        "LISBRIDGE, 12 nov (AFP) - Las autoridades de la región norteña de Kelvara evacuaron el martes a 3.600 vecinos después de que el río Tamor se desbordara, informó la agencia de protección civil.\n\n\
Las inundaciones cortaron la carretera principal hacia Port Aldine y dejaron a cerca de 1,2 millones de personas sin agua potable, según la gobernadora regional Elena Brask.\n\n\
«Nunca habíamos visto subir el río tan rápido», dijo Brask a los periodistas en Lisbridge.\n\n\
El consejo regional anunció que liberará 45 millones de euros en ayudas de emergencia cuando bajen las aguas.\n\n\
Fuente: AFP",
    );
    let ch = explain_pair(&Config::default(), &es, &src, None, &[]);
    let kinds: Vec<ChangeKind> = ch.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [ChangeKind::NumberChanged, ChangeKind::Dropped], "{ch:#?}");
    assert_eq!(
        (ch[0].before.as_deref(), ch[0].after.as_deref()),
        (Some("3,400"), Some("3.600"))
    );
    assert!(ch[1]
        .before
        .as_deref()
        .unwrap_or("")
        .starts_with("Forecasters expect"));
    // placed after the quote paragraph, where it stood
    let quote_end = es.text.find("Lisbridge.").unwrap_or(0) + "Lisbridge.".len();
    assert_eq!(ch[1].span.start as usize, es.text[..quote_end].chars().count());
    assert!(ch.iter().all(|c| c
        .note
        .as_deref()
        .unwrap_or("")
        .starts_with("translation (en → es)")));
    let sum = summarize(&es, Some(&src), &ch);
    assert_eq!(sum.translated_from.as_deref(), Some("en"));
    // the same-language summary has no translation
    assert_eq!(summarize(&src, Some(&src), &[]).translated_from, None);
}

#[test]
fn french_translation_with_space_grouped_figures_and_a_misspelt_name() {
    let src = art(1, FLOOD_EN);
    let fr = lang_art(
        2,
        "fr",
        "LISBRIDGE, 12 nov (AFP) - Les autorités de la région de Kelvara, dans le nord, ont évacué mardi 3 400 habitants après la crue du fleuve Tamor, a indiqué l'agence de protection civile.\n\n\
Les inondations ont coupé la route principale vers Port Aldine et privé d'eau potable environ 1,2 million de personnes, selon la gouverneure régionale Elena Braske.\n\n\
« Nous n'avons jamais vu le fleuve monter aussi vite », a déclaré Braske aux journalistes à Lisbridge.\n\n\
Les prévisionnistes attendent encore 80 mm de pluie d'ici vendredi sur Kelvara, où 14 écoles ont déjà fermé.\n\n\
Le conseil régional a annoncé qu'il débloquerait 45 millions d'euros d'aide d'urgence une fois la décrue amorcée.\n\n\
(avec AFP)",
    );
    let ch = explain_pair(&Config::default(), &fr, &src, None, &[]);
    assert_eq!(ch.len(), 1, "{ch:#?}");
    assert_eq!(ch[0].kind, ChangeKind::NameVariant);
    assert_eq!(
        (ch[0].before.as_deref(), ch[0].after.as_deref()),
        (Some("Brask"), Some("Braske"))
    );
}

#[test]
fn romanian_translation_without_declared_languages_is_recognised_by_its_anchors() {
    let mut src = art(1, FLOOD_EN);
    src.language = None;
    let mut ro = art(
        2,
        "LISBRIDGE, 12 noiembrie (AFP) - Autoritățile din regiunea Kelvara, în nordul țării, au evacuat marți 3.400 de locuitori după ce râul Tamor a ieșit din matcă, a anunțat agenția de protecție civilă.\n\n\
„Nu am văzut niciodată râul crescând atât de repede”, a declarat Brask jurnaliștilor la Lisbridge.\n\n\
Meteorologii se așteaptă la încă 80 mm de ploaie până vineri în Kelvara, unde 14 școli s-au închis deja.\n\n\
Consiliul regional a anunțat că va debloca 54 de milioane de euro ca ajutor de urgență după retragerea apelor.\n\n\
Sursa: AFP",
    );
    ro.language = None;
    let ch = explain_pair(&Config::default(), &ro, &src, None, &[]);
    let kinds: Vec<ChangeKind> = ch.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [ChangeKind::Dropped, ChangeKind::NumberChanged], "{ch:#?}");
    assert!(ch[0]
        .before
        .as_deref()
        .unwrap_or("")
        .starts_with("The flooding cut"));
    assert_eq!(ch[1].before.as_deref(), Some("45 million euros"));
    assert_eq!(ch[1].after.as_deref(), Some("54 de milioane de euro"));
}

// ---- credit lines -------------------------------------------------------------------------------

#[test]
fn credit_lines_in_several_languages_are_not_added() {
    let base = "The museum reopened on Sunday after a two-year renovation costing 12 million euros.\n\n\
Visitors queued for hours to see the restored ceiling, the director said.";
    let src = art(1, base);
    for (lang, credit) in [
        ("en", "— Agence France-Presse"),
        ("en", "Source: AFP"),
        ("en", "(AFP)"),
        ("en", "With Reuters"),
        ("es", "Fuente: AFP"),
        ("ro", "Sursa: AFP"),
        ("pt", "Fonte: AFP"),
        ("de", "Quelle: dpa"),
        ("fr", "avec AFP"),
        ("it", "Fonte: ANSA"),
    ] {
        let mut copy = art(2, &format!("{base}\n\n{credit}"));
        copy.language = Some(lang.into());
        let ch = explain_pair(&Config::default(), &copy, &src, None, &[]);
        assert!(ch.is_empty(), "{lang} {credit}: {ch:#?}");
    }
}

// ---- boilerplate by content ---------------------------------------------------------------------

#[test]
fn injected_blurb_and_newsletter_prompt_are_boilerplate_without_recurrence_padding_stays_added() {
    let wire = "The city of Norvale approved a 310 million dollar tram line on Thursday, linking the airport to the old port.\n\n\
Mayor Ines Carvel said construction would start in spring and employ about 2,000 workers.\n\n\
Opponents on the council argued that the route bypasses the poorest districts of Norvale.";
    let src = art(1, wire);
    let copy_text = format!(
        "{wire}\n\n\
Urban transport is one of the defining challenges of modern cities, and governments are increasingly turning to ambitious rail projects to keep growing populations moving.\n\n\
Editorial Context & Insight\n\n\
Original analysis & verification\n\n\
Reviewed by Editorial Board\n\n\
Methodology\n\n\
This article includes original analysis and synthesis from our editorial team, cross-referenced with primary sources.\n\n\
Enjoyed this story? Subscribe to the Metro Pulse newsletter for the day's biggest stories, delivered straight to your inbox."
    );
    let copy = art(2, &copy_text);
    let story = Story {
        id: StoryId(1),
        articles: vec![ArticleId(1), ArticleId(2)],
        storyline: None,
        lineage: vec![LineageEdge {
            credit: None,
            article: ArticleId(2),
            source: Some(ArticleId(1)),
            confidence: 0.9,
            reason: String::new(),
        }],
    };
    let ch = explain_corpus(&Config::default(), &[src, copy.clone()], &[], &[story]);
    let added = of_kind(&ch, ChangeKind::Added);
    assert_eq!(added.len(), 1, "{ch:#?}");
    assert!(added[0]
        .after
        .as_deref()
        .unwrap_or("")
        .starts_with("Urban transport"));
    assert_eq!(added[0].supported_elsewhere, Some(false));
    let bp = of_kind(&ch, ChangeKind::Boilerplate);
    assert_eq!(bp.len(), 2, "{ch:#?}");
    // the stacked blurb is one change, label lines included
    let blurb = bp[0].after.as_deref().unwrap_or("");
    assert!(blurb.starts_with("Editorial Context & Insight") && blurb.ends_with("primary sources."));
    assert_eq!(bp[0].span.slice(&copy.text), blurb);
    assert!(bp[1]
        .after
        .as_deref()
        .unwrap_or("")
        .starts_with("Enjoyed this story?"));
}

#[test]
fn spanish_newsletter_prompt_is_boilerplate_by_content() {
    let wire =
        "El ayuntamiento de Norvale aprobó el jueves una línea de tranvía de 310 millones de dólares.\n\n\
La alcaldesa Ines Carvel dijo que las obras empezarán en primavera.";
    let src = lang_art(1, "es", wire);
    let copy = lang_art(
        2,
        "es",
        &format!("{wire}\n\n¿Te gustó esta noticia? Suscríbete a nuestro boletín y recibe cada mañana las noticias más importantes en tu correo."),
    );
    let ch = explain_pair(&Config::default(), &copy, &src, None, &[]);
    assert_eq!(ch.len(), 1, "{ch:#?}");
    assert_eq!(ch[0].kind, ChangeKind::Boilerplate);
}

#[test]
fn german_translation_titles_are_not_name_variants_and_figures_match() {
    let src = art(
        1,
        "BERLIN (AFP) - President Anna Kessler opened the 1.2 billion euro Havel bridge on Monday, a span of 2,400 metres.\n\n\
\"This bridge connects two regions that waited 30 years for it,\" Kessler said in Potsdam.\n\n\
The Transport Ministry expects 45,000 vehicles a day.",
    );
    let de = lang_art(
        2,
        "de",
        "BERLIN, 3. März (AFP) - Präsident Anna Kessler hat am Montag die 1,2 Milliarden Euro teure Havelbrücke mit einer Spannweite von 2.400 Metern eröffnet.\n\n\
„Diese Brücke verbindet zwei Regionen, die 30 Jahre darauf gewartet haben“, sagte Kessler in Potsdam.\n\n\
Das Verkehrsministerium rechnet mit 45.000 Fahrzeugen pro Tag.\n\n\
Quelle: dpa",
    );
    let ch = explain_pair(&Config::default(), &de, &src, None, &[]);
    assert!(ch.is_empty(), "{ch:#?}");
}

#[test]
fn a_same_language_copy_with_a_wrong_language_tag_is_compared_word_by_word() {
    let src = art(1, WIRE);
    let mut copy = art(2, &WIRE.replace("£1.5bn", "£1.7bn"));
    copy.language = Some("es".into());
    let ch = explain_pair(&Config::default(), &copy, &src, None, &[]);
    assert_eq!(ch.len(), 1, "{ch:#?}");
    assert_eq!(ch[0].kind, ChangeKind::NumberChanged);
    assert_eq!(ch[0].note.as_deref(), Some("1500000000 -> 1700000000"));
}

#[test]
fn paragraphs_merged_in_translation_are_not_dropped() {
    let src = art(1, FLOOD_EN);
    // the first two paragraphs of the wire become one; the forecast paragraph is left out
    let pt = lang_art(
        2,
        "pt",
        "LISBRIDGE, 12 nov (AFP) - As autoridades da região de Kelvara retiraram na terça-feira 3.400 moradores depois de o rio Tamor transbordar, e as cheias cortaram a estrada para Port Aldine, deixando cerca de 1,2 milhões de pessoas sem água potável, segundo a governadora Elena Brask.\n\n\
“Nunca vimos o rio subir tão depressa”, disse Brask aos jornalistas em Lisbridge.\n\n\
O conselho regional anunciou que vai libertar 45 milhões de euros em ajuda de emergência quando as águas baixarem.",
    );
    let ch = explain_pair(&Config::default(), &pt, &src, None, &[]);
    assert_eq!(ch.len(), 1, "{ch:#?}");
    assert_eq!(ch[0].kind, ChangeKind::Dropped);
    assert!(ch[0].before.as_deref().unwrap_or("").starts_with("Forecasters"));
}

#[test]
fn a_credit_appended_to_the_last_paragraph_is_not_added() {
    let base = "The museum reopened on Sunday after a two-year renovation.\n\nVisitors queued for hours, the director said.";
    let src = art(1, base);
    let copy = art(2, &format!("{base} (AFP)"));
    let ch = explain_pair(&Config::default(), &copy, &src, None, &[]);
    assert!(ch.is_empty(), "{ch:#?}");
}

#[test]
fn the_quotes_table_joins_the_wordings_explain_matched_as_one_quote() {
    let src = art(
        1,
        "Dock workers stopped every crane at Port Ellery on Monday.\n\n\"We will not load a single box until the night rate is restored,\" union leader Mara Quist said outside the gate.\n\nThe port authority urged both sides to return to talks.",
    );
    let copy = art(
        2,
        "Dock workers stopped every crane at Port Ellery on Monday.\n\n\"We shall not load one box until night pay is back,\" union leader Mara Quist said outside the gate.\n\nThe port authority urged both sides to return to talks.",
    );
    let changes = explain_pair(&Config::default(), &copy, &src, None, &[&src, &copy]);
    assert_eq!(
        of_kind(&changes, ChangeKind::QuoteAltered).len(),
        1,
        "{changes:?}"
    );
    // Below the table's own overlap threshold, the two wordings would be two quotations…
    assert_eq!(story_quotes(&Config::default(), &[&src, &copy]).len(), 2);
    // …but they are the quote explain matched: one quotation with two wordings.
    let g = wiretrace_explain::story_quotes_with(&Config::default(), &[&src, &copy], &changes);
    assert_eq!(g.len(), 1);
    assert_eq!(g[0].variants.len(), 2);
}

/// An origin (here a singleton, and the origin of a two-version story) carrying an injected
/// editorial block and an advertisement marker inside its body gets boilerplate verdicts too.
#[test]
fn an_origin_gets_verdicts_for_an_injected_editorial_block_and_an_ad_line() {
    let text = "Ferry link to Lund Island reopens after storm repairs\n\n\
Reviewed by Daniel Petrov\n\n\
Verified by our editorial board\n\n\
The ferry link between Harlow Quay and Lund Island reopened on Thursday after three weeks of repairs to the landing ramp, the island council said.\n\n\
Council leader Brigid Haldane said the first crossing to Lund Island carried 212 passengers and 40 vehicles.\n\n\
ADVERTISEMENT\n\n\
Engineers replaced two pontoons and reinforced the ramp at Harlow Quay, at a cost of 1.4 million euros, the council said.";
    let flagged = |ch: &[Change], id: u32| -> Vec<String> {
        ch.iter()
            .filter(|c| c.kind == ChangeKind::Boilerplate && c.article == ArticleId(id))
            .filter_map(|c| c.after.clone())
            .collect()
    };
    // Alone: the body repeats its names and terms, the furniture lines say what nothing else says.
    let alone = art(1, text);
    let single = Story {
        id: StoryId(1),
        articles: vec![ArticleId(1)],
        storyline: None,
        lineage: vec![LineageEdge {
            credit: None,
            article: ArticleId(1),
            source: None,
            confidence: 1.0,
            reason: String::new(),
        }],
    };
    let ch = explain_corpus(&Config::default(), &[alone], &[], &[single]);
    let got = flagged(&ch, 1);
    assert!(got.iter().any(|t| t.contains("ADVERTISEMENT")), "{got:?}");
    assert!(got.iter().any(|t| t.contains("editorial board")), "{got:?}");
    assert!(!got.iter().any(|t| t.contains("212 passengers")), "{got:?}");
    // As the origin of a copy, judged against the story's words.
    let origin = art(2, text);
    let copy = art(3, "The ferry link between Harlow Quay and Lund Island reopened on Thursday after three weeks of repairs to the landing ramp, the island council said.\n\n\
Council leader Brigid Haldane said the first crossing to Lund Island carried 212 passengers and 40 vehicles.");
    let story = Story {
        id: StoryId(2),
        articles: vec![ArticleId(2), ArticleId(3)],
        storyline: None,
        lineage: vec![
            LineageEdge {
                credit: None,
                article: ArticleId(2),
                source: None,
                confidence: 1.0,
                reason: String::new(),
            },
            LineageEdge {
                credit: None,
                article: ArticleId(3),
                source: Some(ArticleId(2)),
                confidence: 0.9,
                reason: String::new(),
            },
        ],
    };
    let ch = explain_corpus(&Config::default(), &[origin, copy], &[], &[story]);
    let got = flagged(&ch, 2);
    assert!(got.iter().any(|t| t.contains("ADVERTISEMENT")), "{got:?}");
    assert!(got.iter().any(|t| t.contains("editorial board")), "{got:?}");
    assert!(!got.iter().any(|t| t.contains("pontoons")), "{got:?}");
}

/// A short name spelt another way inside an otherwise identical sentence is a name variant, and a
/// quotation whose preposition alone changed is an altered quote.
#[test]
fn a_short_name_misspelt_in_an_identical_sentence_and_a_quote_with_a_changed_preposition() {
    let wire = "Divers found the wreck of a merchant ship off Santa Vela on Tuesday, the coastguard said.\n\n\
Local station Radio Farol first reported the discovery in March, after fishermen noticed research vessels over the site.\n\n\
\"We are proud of every diver who went down in that cold water,\" said expedition leader Ilse Marrow.\n\n\
The ship carried about 1,500 sealed jars, the team said.";
    let copy = wire
        .replace("Radio Farol", "Radio Faroll")
        .replace("proud of every diver", "proud for every diver");
    let ch = explain_pair(&Config::default(), &art(2, &copy), &art(1, wire), None, &[]);
    let names = of_kind(&ch, ChangeKind::NameVariant);
    assert!(
        names
            .iter()
            .any(|c| c.before.as_deref() == Some("Farol") && c.after.as_deref() == Some("Faroll")),
        "{ch:#?}"
    );
    let quotes = of_kind(&ch, ChangeKind::QuoteAltered);
    assert_eq!(quotes.len(), 1, "{ch:#?}");
    assert!(
        quotes[0]
            .after
            .as_deref()
            .unwrap()
            .contains("proud for every diver"),
        "{ch:#?}"
    );
    assert!(
        of_kind(&ch, ChangeKind::Added).is_empty() && of_kind(&ch, ChangeKind::Dropped).is_empty(),
        "{ch:#?}"
    );
}

/// An AI-padded copy keeping under a third of its text from its source: every padding paragraph is
/// reported as added and unsupported, the kept paragraphs are not.
#[test]
fn an_ai_padded_copy_sharing_under_a_third_of_its_text_reports_its_padding() {
    let wire = "Harbour officials in Port Ellis said on Monday that the new ferry terminal would cost £1.5bn and open in 2027.\n\n\
The terminal will handle 4 million passengers a year, according to the port authority.\n\n\
Local fishermen fear the works will disturb the spawning grounds near the bay.";
    let padding = [
        "In today's fast-moving world, infrastructure plays a pivotal role in shaping the communities of tomorrow and the opportunities they offer.",
        "Experts across many fields agree that investment in transport can unlock a wide range of benefits for residents, visitors and businesses alike.",
        "It is worth noting that projects of this scale often spark lively debate, as stakeholders weigh long-term gains against short-term disruption.",
        "Ultimately, only time will tell how this ambitious undertaking will transform the landscape and the daily lives of the people it serves.",
        "As the conversation continues, one thing remains clear: thoughtful planning and open dialogue will be key to lasting success for everyone involved.",
    ];
    let copy = format!(
        "Harbour officials in Port Ellis said on Monday that the new ferry terminal would cost £1.5bn and open in 2027.\n\n{}\n\n\
The terminal will handle 4 million passengers a year, according to the port authority.\n\n{}",
        padding[..2].join("\n\n"),
        padding[2..].join("\n\n")
    );
    let kept = wire.split("\n\n").take(2).map(str::len).sum::<usize>();
    assert!(
        kept * 3 < copy.len(),
        "the copy must share under a third of its text"
    );
    let ch = explain_pair(&Config::default(), &art(2, &copy), &art(1, wire), None, &[]);
    let added = of_kind(&ch, ChangeKind::Added);
    for p in padding {
        assert!(
            added
                .iter()
                .any(|c| c.after.as_deref().is_some_and(|a| a.contains(&p[..40]))
                    && c.supported_elsewhere == Some(false)),
            "padding not reported: {p}\n{ch:#?}"
        );
    }
    assert!(
        !added
            .iter()
            .any(|c| c.after.as_deref().is_some_and(|a| a.contains("4 million"))),
        "{ch:#?}"
    );
}

#[test]
fn regional_spelling_inside_a_quote_is_not_an_altered_quote() {
    // Localised spelling only: the quotation says the same thing.
    let localised = art(
        2,
        &WIRE.replace("the future of the town", "the centre of the town's future"),
    );
    let respelt = art(3, &localised.text.replace("the centre of", "the center of"));
    let ch = explain_pair(&Config::default(), &respelt, &localised, None, &[]);
    assert!(of_kind(&ch, ChangeKind::QuoteAltered).is_empty(), "{ch:?}");
    // A word that is not a spelling of the same word still alters the quote.
    let reworded = art(4, &localised.text.replace("the centre of", "the heart of"));
    let ch = explain_pair(&Config::default(), &reworded, &localised, None, &[]);
    assert_eq!(of_kind(&ch, ChangeKind::QuoteAltered).len(), 1, "{ch:?}");
}

/// A translation that runs every paragraph of its source into one: the source paragraphs beside
/// the aligned one are carried by it, not dropped, even when most of their capitalised words are
/// nouns the other language translates (German capitalises every noun).
#[test]
fn a_translation_running_three_paragraphs_into_one_drops_none() {
    let de = lang_art(
        1,
        "de",
        "Sturmflut trifft die Insel Varn\n\n\
Der Sturm der Stufe 4 erreichte mit Windböen von 120 Meilen pro Stunde (190 Kilometer pro Stunde) die Küste bei Port Oskel.\n\n\
Die Behörden im Bezirk Lindmark warnten vor einer Flutwelle von bis zu drei Metern Höhe. Der Fährverkehr nach Halby wurde eingestellt.\n\n\
Mindestens fünf Menschen kamen ums Leben, zwei in Port Oskel und drei in Halby. Der Sturm soll am Donnerstag die Nachbarinsel Skerra erreichen.",
    );
    let fr = lang_art(
        2,
        "fr",
        "Une onde de tempête frappe l'île de Varn\n\n\
La tempête de catégorie 4, avec des rafales de 120 miles à l'heure (190 kilomètres à l'heure), a atteint la côte près de Port Oskel. \
Les autorités du district de Lindmark ont mis en garde contre une vague pouvant atteindre trois mètres. Les liaisons par ferry vers Halby ont été suspendues. \
Au moins cinq personnes ont trouvé la mort, deux à Port Oskel et trois à Halby. La tempête devrait atteindre jeudi l'île voisine de Skerra.",
    );
    let ch = explain_pair(&Config::default(), &fr, &de, None, &[]);
    assert!(of_kind(&ch, ChangeKind::Dropped).is_empty(), "{ch:#?}");
    // the other way round, the one paragraph is not added either
    let back = explain_pair(&Config::default(), &de, &fr, None, &[]);
    assert!(of_kind(&back, ChangeKind::Added).is_empty(), "{back:#?}");
}

/// A quotation is reproduced verbatim or it is altered: one word swapped for a synonym inside the
/// quotation is `quote_altered`; the same kind of swap in the reporter's own sentence is no change.
/// (reuse-dev's gold lists neither as a quote change; its 4 quote_altered "false positives" are such
/// swaps inside quotations, kept on purpose: see BENCHMARKS, lineage7.)
#[test]
fn a_synonym_swapped_inside_a_quotation_alters_it_and_outside_changes_nothing() {
    let wire = "The lake authority in Orsund closed two beaches on Friday after tests found algae in the water.\n\n\
\"I think the beaches will reopen within a week if the weather stays cool,\" said authority chief Jana Holm.\n\n\
Swimmers were told to avoid the northern shore until further notice.";
    let copy = wire
        .replace("I think the beaches", "I believe the beaches")
        .replace("Swimmers were told", "Swimmers were asked");
    let ch = explain_pair(&Config::default(), &art(2, &copy), &art(1, wire), None, &[]);
    let quotes = of_kind(&ch, ChangeKind::QuoteAltered);
    assert_eq!(quotes.len(), 1, "{ch:#?}");
    assert!(
        quotes[0].after.as_deref().unwrap().contains("I believe"),
        "{ch:#?}"
    );
    assert!(
        ch.iter()
            .all(|c| !c.after.as_deref().unwrap_or("").contains("asked")),
        "{ch:#?}"
    );
}
