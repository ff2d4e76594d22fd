//! Integration tests of stories, storylines and lineage on small fictional corpora written for them.

use chrono::{DateTime, Utc};
use wiretrace_model::{Article, ArticleId, Pair, Story};
use wiretrace_stories::{build_stories, explain_lineage, lineage_chain, story_components, Config};

fn art(id: u32, outlet: &str, title: &str, date: Option<&str>, paragraphs: &[&str]) -> Article {
    let mut a = Article::new(
        format!("{}/{}.txt", outlet.to_lowercase().replace(' ', "-"), id),
        paragraphs.join("\n\n"),
    );
    a.id = ArticleId(id);
    a.outlet = Some(outlet.to_string());
    a.title = Some(title.to_string());
    a.published = date.map(|d| d.parse::<DateTime<Utc>>().unwrap());
    a
}

fn story_of(stories: &[Story], id: u32) -> &Story {
    stories
        .iter()
        .find(|s| s.articles.contains(&ArticleId(id)))
        .expect("article in a story")
}

fn source_of(stories: &[Story], id: u32) -> Option<u32> {
    let s = story_of(stories, id);
    s.lineage
        .iter()
        .find(|e| e.article == ArticleId(id))
        .expect("lineage edge")
        .source
        .map(|a| a.0)
}

fn together(stories: &[Story], a: u32, b: u32) -> bool {
    story_of(stories, a).id == story_of(stories, b).id
}

// --- The Marrowick flood: a wire, edited copies, an independent rewrite; a different flood elsewhere. ---

const FLOOD_1: &str = "Floodwater from the River Tessel forced 1,200 residents of Marrowick from their homes on Monday, after three days of rain pushed the river more than three metres above its normal level, mayor Elena Voss said.";
const FLOOD_2: &str = "Emergency crews from the Harwell Civil Protection Agency used boats to reach families trapped on upper floors in the old quarter, where the water reached the first-floor windows of shops and cafes.";
const FLOOD_3: &str = "\"We have never seen the water rise this fast,\" Voss told reporters at the town hall, adding that two schools and the sports centre at Kellan Park had been opened as shelters for the night.";
const FLOOD_4: &str = "Forecasters at the National Weather Office expect another 40 millimetres of rain by Wednesday, and the regional governor, Paul Brannock, said the army had been asked to send sandbags and pumps.";
const FLOOD_5: &str = "The Tessel last burst its banks in 1998, when a smaller flood damaged 300 homes; residents have since campaigned for a new flood wall, which the council approved last year but has not yet built.";

fn flood_wire() -> Article {
    art(
        1,
        "Agence France-Presse",
        "Floods force 1,200 from homes in Marrowick",
        Some("2026-03-02T08:00:00Z"),
        &[FLOOD_1, FLOOD_2, FLOOD_3, FLOOD_4, FLOOD_5, "(AFP)"],
    )
}

fn flood_copy() -> Article {
    let p2 = FLOOD_2.replace("used boats to reach", "relied on boats to rescue");
    art(
        2,
        "Daily Planet",
        "Marrowick floods: 1,200 evacuated",
        Some("2026-03-02T11:30:00Z"),
        &[FLOOD_1, &p2, FLOOD_3, FLOOD_4, "(AFP)"],
    )
}

fn flood_rewrite() -> Article {
    art(3, "Northern Courier", "Voss: water rose faster than ever", Some("2026-03-03T09:00:00Z"), &[
        "Mayor Elena Voss of Marrowick has described scenes of chaos as the River Tessel broke its banks, leaving about 1,200 people without a place to sleep and large parts of the old quarter under water.",
        "\"We have never seen the water rise this fast,\" Voss said. Volunteers from the Harwell Civil Protection Agency spent the night ferrying stranded pensioners to dry ground.",
        "Governor Paul Brannock confirmed that army units would deliver pumps and sandbags, while the National Weather Office warned of a further 40 millimetres of rain.",
    ])
}

fn other_flood() -> Article {
    art(4, "Agence France-Presse", "Flash flood hits Dunholt valley", Some("2026-03-04T15:00:00Z"), &[
        "A flash flood swept through the village of Dunholt on Wednesday after a storm dropped heavy rain on the hills above the valley, and 85 residents were evacuated by helicopter, fire chief Marta Ilves said.",
        "Rescuers from the Oster Mountain Rescue service pulled two hikers from a swollen stream near the Brenn Pass, and the main road to the village was closed by mud and fallen trees.",
        "\"The water came down the hillside like a wall,\" Ilves said. The regional council of Oster will meet on Friday to assess the damage to farms and bridges.",
        "(AFP)",
    ])
}

fn flood_corpus() -> Vec<Article> {
    vec![flood_wire(), flood_copy(), flood_rewrite(), other_flood()]
}

#[test]
fn independent_rewrite_joins_its_story() {
    let stories = build_stories(&Config::default(), &flood_corpus(), &[]);
    assert!(together(&stories, 1, 2), "{stories:#?}");
    assert!(
        together(&stories, 1, 3),
        "the rewrite shares names, figures and a quote: {stories:#?}"
    );
    // The rewrite copies no text: it is an origin of its own within the story.
    assert_eq!(source_of(&stories, 3), None);
    assert_eq!(source_of(&stories, 2), Some(1));
    assert_eq!(source_of(&stories, 1), None);
}

#[test]
fn same_topic_different_events_stay_apart() {
    let stories = build_stories(&Config::default(), &flood_corpus(), &[]);
    assert!(
        !together(&stories, 1, 4),
        "two floods in different places are different events: {stories:#?}"
    );
    assert!(!together(&stories, 3, 4));
    assert_eq!(story_of(&stories, 4).articles, [ArticleId(4)]);
}

#[test]
fn input_order_does_not_change_the_result() {
    let corpus = flood_corpus();
    let pairs = vec![
        Pair {
            a: ArticleId(1),
            b: ArticleId(2),
            similarity: 0.9,
            jaccard: 0.7,
            containment_a_in_b: 0.8,
            containment_b_in_a: 0.95,
            coverage_a: 0.8,
            coverage_b: 0.95,
            passages: vec![],
            method: Default::default(),
        },
        Pair {
            a: ArticleId(1),
            b: ArticleId(4),
            similarity: 0.05,
            jaccard: 0.02,
            containment_a_in_b: 0.02,
            containment_b_in_a: 0.05,
            coverage_a: 0.02,
            coverage_b: 0.05,
            passages: vec![],
            method: Default::default(),
        },
    ];
    let forward = build_stories(&Config::default(), &corpus, &pairs);
    let mut reversed = corpus.clone();
    reversed.reverse();
    let mut rpairs = pairs.clone();
    rpairs.reverse();
    let backward = build_stories(&Config::default(), &reversed, &rpairs);
    assert_eq!(forward, backward);
    let mut rotated = corpus.clone();
    rotated.rotate_left(2);
    assert_eq!(forward, build_stories(&Config::default(), &rotated, &pairs));
    // Stories are numbered 1, 2, … in the order of their first article, their members sorted, one
    // lineage edge per member.
    assert!(forward.windows(2).all(|w| w[0].articles[0] < w[1].articles[0]));
    for (k, s) in forward.iter().enumerate() {
        assert_eq!(s.id.0 as usize, k + 1);
        assert!(s.articles.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(s.lineage.len(), s.articles.len());
    }
}

#[test]
fn components_separate_unrelated_articles() {
    let comps = story_components(&Config::default(), &flood_corpus(), &[]);
    let with_one = comps.iter().find(|c| c.contains(&ArticleId(1))).unwrap();
    assert!(with_one.contains(&ArticleId(2)));
    assert!(comps.iter().flatten().count() == 4);
}

// --- Storylines: a leaders' call, then their meeting a month later. ---

fn call_and_meeting() -> Vec<Article> {
    let call = [
        "President Anika Roux of Calvera and Prime Minister Tomas Lind of Norvind spoke by telephone on Thursday about the dispute over fishing rights on the Gray Shelf, the presidency in Port Salen said.",
        "The two leaders agreed that their foreign ministers, Ilse Maren and Joao Pereira, would prepare a framework for joint patrols on the Gray Shelf, where trawlers from both countries have clashed since autumn.",
        "Roux told Lind that Calvera wanted a settlement before the spring fishing season opens, according to a statement that described the call as frank and constructive.",
    ];
    let meeting = [
        "Anika Roux and Tomas Lind met in the border town of Veldhaven on Monday and signed an agreement creating a joint fishing zone on the Gray Shelf, ending months of confrontation between Calvera and Norvind trawlers.",
        "Under the deal, inspectors from both coast guards will board vessels in the shared zone, and catches of cod and haddock will be split according to quotas reviewed each winter by a joint commission.",
        "Fishing unions in Port Salen welcomed the agreement, though some skippers said the quotas set by foreign ministers Ilse Maren and Joao Pereira were too low for smaller boats.",
    ];
    let mut call_copy: Vec<String> = call.iter().map(|s| s.to_string()).collect();
    call_copy[1] = call_copy[1].replace("would prepare", "will draft");
    let call_copy: Vec<&str> = call_copy.iter().map(String::as_str).collect();
    vec![
        art(
            10,
            "Agence France-Presse",
            "Calvera and Norvind leaders discuss Gray Shelf",
            Some("2026-01-15T10:00:00Z"),
            &call,
        ),
        art(
            11,
            "Coastwatch",
            "Leaders talk fishing dispute",
            Some("2026-01-15T14:00:00Z"),
            &call_copy,
        ),
        art(
            12,
            "Agence France-Presse",
            "Calvera and Norvind sign Gray Shelf fishing deal",
            Some("2026-02-16T12:00:00Z"),
            &meeting,
        ),
        other_flood(),
    ]
}

#[test]
fn stories_are_numbered_without_gaps_in_order_of_their_first_article() {
    // Articles 4, 10, 11 and 12 make three stories; their ids must be s1, s2, s3 (not s4, s10,
    // s12), in the order of each story's first article, and the storyline named after its first.
    let stories = build_stories(&Config::default(), &call_and_meeting(), &[]);
    let ids: Vec<String> = stories.iter().map(|s| s.id.to_string()).collect();
    assert_eq!(ids, ["s1", "s2", "s3"], "{stories:#?}");
    assert_eq!(story_of(&stories, 4).id.to_string(), "s1");
    assert_eq!(story_of(&stories, 10).id.to_string(), "s2");
    assert_eq!(story_of(&stories, 12).storyline.as_deref(), Some("l2"));
}

#[test]
fn follow_up_is_linked_as_a_storyline_not_merged() {
    let stories = build_stories(&Config::default(), &call_and_meeting(), &[]);
    assert!(together(&stories, 10, 11), "{stories:#?}");
    assert!(
        !together(&stories, 10, 12),
        "a month later is another event: {stories:#?}"
    );
    let call = story_of(&stories, 10);
    let meeting = story_of(&stories, 12);
    // The storyline is named after its first story, the call's.
    let line = format!("l{}", call.id.0);
    assert_eq!(call.storyline.as_deref(), Some(line.as_str()));
    assert_eq!(meeting.storyline.as_deref(), Some(line.as_str()));
    assert_eq!(
        story_of(&stories, 4).storyline,
        None,
        "an unrelated story has no storyline"
    );
}

/// Names in one page's clutter.
const CLUTTER_NAMES: usize = 40;

/// Page clutter: a row of links to unrelated stories, each naming people and places of its own
/// (fictional names made of syllables, different for each `page`).
fn clutter(page: usize) -> String {
    // Syllables with consonants the phonetic key keeps apart, so each name is its own actor.
    const SYLLABLES: [&str; 8] = ["Ba", "De", "Ki", "Lo", "Mu", "Na", "Re", "Si"];
    let names: Vec<String> = (0..CLUTTER_NAMES)
        .map(|k| {
            let n = page * CLUTTER_NAMES + k;
            let name = [n % 8, (n / 8) % 8, (n / 64) % 8].map(|s| SYLLABLES[s]).concat();
            // Capitalised like a name: first letter upper, the rest lower.
            let mut c = name.chars();
            c.next()
                .into_iter()
                .chain(c.flat_map(char::to_lowercase))
                .collect::<String>()
        })
        .collect();
    format!(
        "Related stories: {}.",
        names
            .chunks(2)
            .map(|p| format!("{} meets {}", p[0], p[1]))
            .collect::<Vec<_>>()
            .join("; ")
    )
}

#[test]
fn a_follow_up_links_to_a_story_whose_pages_carry_clutter() {
    // The storyline compares what a story's members have in common (the centroid of their names),
    // so the names in eight pages' unrelated links do not drown the matter's actors.
    let mut corpus = call_and_meeting();
    let call = corpus[0].clone();
    corpus[0].text = format!("{}\n\n{}", call.text, clutter(0));
    corpus[1].text = format!("{}\n\n{}", corpus[1].text, clutter(1));
    let copies: Vec<u32> = (13..19).collect();
    for (k, &id) in copies.iter().enumerate() {
        let mut copy = call.clone();
        copy.id = ArticleId(id);
        copy.path = format!("copy/{id}.txt");
        copy.text = format!("{}\n\n{}", call.text, clutter(k + 2));
        corpus.push(copy);
    }
    let stories = build_stories(&Config::default(), &corpus, &[]);
    for &id in [11].iter().chain(&copies) {
        assert!(together(&stories, 10, id), "{stories:#?}");
    }
    assert!(!together(&stories, 10, 12), "{stories:#?}");
    let line = format!("l{}", story_of(&stories, 10).id.0);
    assert_eq!(
        story_of(&stories, 12).storyline.as_deref(),
        Some(line.as_str()),
        "{stories:#?}"
    );
    assert_eq!(story_of(&stories, 4).storyline, None);
}

// --- A hurricane's two landfalls a day apart, undated, in two languages. ---

fn landfalls() -> Vec<Article> {
    let lang = |mut a: Article, l: &str| {
        a.language = Some(l.into());
        a
    };
    vec![
        lang(art(31, "Island Wire", "Hurricane Odile slams into Tavaro", None, &[
            "Hurricane Odile made landfall on the island of Tavaro on Tuesday as a category 4 storm with winds of 230 km/h, tearing roofs off homes in the port of Miravel and cutting power to 80,000 people, governor Lucia Brandt said.",
            "Forecasters at the Caribbean Storm Centre in Port Dessa said Odile would weaken slightly before reaching Sarnia, where 12,000 residents have been told to leave the coast.",
        ]), "en"),
        lang(art(32, "Diario Insular", "El huracán Odile golpea Tavaro", None, &[
            "El huracán Odile tocó tierra el martes en la isla de Tavaro como tormenta de categoría 4, con vientos de 230 km/h, arrancó tejados en el puerto de Miravel y dejó sin luz a 80.000 personas, según la gobernadora Lucia Brandt.",
            "El Centro de Tormentas del Caribe en Port Dessa prevé que Odile se debilite antes de llegar a Sarnia, donde se ha pedido a 12.000 vecinos que abandonen la costa.",
        ]), "es"),
        lang(art(33, "Island Wire", "Odile reaches Sarnia after battering Tavaro", None, &[
            "Hurricane Odile made landfall in eastern Sarnia on Wednesday as a category 3 storm, flooding the town of Koster a day after it tore through Tavaro and the port of Miravel, where 80,000 people are still without power.",
            "The Caribbean Storm Centre in Port Dessa said Odile would move out to sea by Thursday; Sarnia's prime minister Jonas Weller said 12,000 people had spent the night in shelters.",
        ]), "en"),
        lang(art(34, "Diario Insular", "Odile llega a Sarnia tras azotar Tavaro", None, &[
            "El huracán Odile tocó tierra el miércoles en el este de Sarnia como tormenta de categoría 3 e inundó la ciudad de Koster, un día después de arrasar Tavaro y el puerto de Miravel, donde 80.000 personas siguen sin luz.",
            "El Centro de Tormentas del Caribe en Port Dessa prevé que Odile salga al mar el jueves; el primer ministro de Sarnia, Jonas Weller, dijo que 12.000 personas pasaron la noche en refugios.",
        ]), "es"),
    ]
}

#[test]
fn the_next_days_landfall_is_another_event_even_undated() {
    // The two landfalls share the storm, the islands, the port and the figures; their leads name
    // different days (Tuesday / martes, Wednesday / miércoles), which reports of one event never do.
    let corpus = landfalls();
    let stories = build_stories(&Config::default(), &corpus, &[]);
    assert!(together(&stories, 31, 32), "{stories:#?}");
    assert!(together(&stories, 33, 34), "{stories:#?}");
    assert!(!together(&stories, 31, 33), "{stories:#?}");
    assert!(!together(&stories, 32, 34), "{stories:#?}");
    let (first, second) = (story_of(&stories, 31), story_of(&stories, 33));
    assert!(first.storyline.is_some(), "one storyline: {stories:#?}");
    assert_eq!(first.storyline, second.storyline, "{stories:#?}");
    let index = wiretrace_stories::Similarity::new(&Config::default(), &corpus);
    let clash = index.score(ArticleId(31), ArticleId(34)).unwrap();
    assert!(
        clash.weekdays_differ && clash.story_similarity == 0.0,
        "{clash:?}"
    );
}

// --- A storm's approach and its landfall two days later: the approach was written before the day
// the landfall's lead names. ---

fn approach_and_landfall() -> Vec<Article> {
    let lang = |mut a: Article, l: &str| {
        a.language = Some(l.into());
        a
    };
    vec![
        lang(art(41, "Island Wire", "Hurricane Odile strengthens on its way to Tavaro", Some("2026-03-02T10:00:00Z"), &[
            "Hurricane Odile strengthened into a category 4 storm with winds of 230 km/h as it moved towards the island of Tavaro, where governor Lucia Brandt ordered 80,000 people in the port of Miravel to leave the coast.",
            "Forecasters at the Caribbean Storm Centre in Port Dessa said Odile could make landfall within two days and bring 400 millimetres of rain to the hills above Miravel.",
        ]), "en"),
        lang(art(42, "Island Wire", "Odile slams into Tavaro", Some("2026-03-04T09:00:00Z"), &[
            "Odile came ashore over Tavaro on Wednesday, its 230 km/h gusts tearing roofs off homes across Miravel, a day after Governor Brandt moved 80,000 coastal residents inland.",
            "Up to 400 millimetres of rain were recorded in the hills, meteorologists in Port Dessa reported.",
        ]), "en"),
        lang(art(43, "Diario Insular", "Odile golpea Tavaro", Some("2026-03-04T12:00:00Z"), &[
            "El huracán Odile tocó tierra el miércoles en la isla de Tavaro como tormenta de categoría 4, con vientos de 230 km/h, e inundó el puerto de Miravel, donde la gobernadora Lucia Brandt había ordenado evacuar a 80.000 personas.",
            "El Centro de Tormentas del Caribe en Port Dessa informó de 400 milímetros de lluvia en las colinas sobre Miravel.",
        ]), "es"),
    ]
}

#[test]
fn a_report_written_before_the_day_another_lead_names_is_an_earlier_event() {
    // The approach shares the storm, the island, the port, the governor and the figures with the
    // landfall reports, and its lead names no day; it was published a whole day before the
    // Wednesday the landfall leads name, so it cannot report that landfall.
    let corpus = approach_and_landfall();
    let stories = build_stories(&Config::default(), &corpus, &[]);
    assert!(together(&stories, 42, 43), "{stories:#?}");
    assert!(!together(&stories, 41, 42), "{stories:#?}");
    let (approach, landfall) = (story_of(&stories, 41), story_of(&stories, 42));
    assert!(approach.storyline.is_some(), "one storyline: {stories:#?}");
    assert_eq!(approach.storyline, landfall.storyline, "{stories:#?}");
    let index = wiretrace_stories::Similarity::new(&Config::default(), &corpus);
    let before = index.score(ArticleId(41), ArticleId(43)).unwrap();
    assert!(
        before.written_before_event && !before.weekdays_differ && before.story_similarity == 0.0,
        "{before:?}"
    );
    let same = index.score(ArticleId(42), ArticleId(43)).unwrap();
    assert!(!same.written_before_event, "{same:?}");
}

// --- A final and the coach's resignation two days later: the resignation's dateline and its lead's
// recall of Sunday's final place it on Tuesday. ---

fn final_and_resignation() -> Vec<Article> {
    vec![
        art(51, "Sports Wire", "Valdoria win the Continental Cup final", Some("2026-07-12T21:30:00Z"), &[
            "Valdoria beat Eskeland 2-1 in the Continental Cup final in Montreval on Sunday, with a late goal from Tomas Ferrin, ending coach Martin Halloway's hopes of a first title for Eskeland after 48 matches in charge.",
            "Eskeland had lost the previous final on penalties four years ago under Halloway, whose contract runs until 2028.",
        ]),
        art(52, "Evening Post", "Heartbreak for Eskeland in Montreval", Some("2026-07-12T23:00:00Z"), &[
            "A goal four minutes from time by Tomas Ferrin gave Valdoria a 2-1 win over Eskeland in Sunday's Continental Cup final in Montreval, leaving Martin Halloway still without a trophy after 48 games as coach.",
            "Halloway's side also lost the previous final, on penalties, four years ago.",
        ]),
        art(53, "Sports Wire", "Halloway quits as Eskeland coach", Some("2026-07-14T10:00:00Z"), &[
            "KELDHAVEN, July 14 - Martin Halloway has stepped down as Eskeland coach, the federation said, after Valdoria's 2-1 victory over his players in Montreval on Sunday denied him a Continental Cup title in his 48th match.",
            "Four years ago his team was beaten on penalties at the same stage. His deal would have expired in 2028. Ferrin struck the decisive goal.",
        ]),
        art(54, "Morning Herald", "Eskeland coach Halloway steps down", Some("2026-07-14T12:00:00Z"), &[
            "KELDHAVEN, July 14 - Eskeland's federation announced that Martin Halloway is leaving after 48 games in charge, two days after Valdoria beat his team 2-1 in the Continental Cup final in Montreval.",
            "The coach's contract had been due to run until 2028; Tomas Ferrin's late goal decided Sunday's final.",
        ]),
    ]
}

#[test]
fn a_dateline_after_the_final_makes_the_resignation_another_event() {
    // The resignation reports recall the final's day, teams, score and scorer; their datelines
    // place them on the 14th, a whole day after both reports of the final were published.
    let corpus = final_and_resignation();
    let stories = build_stories(&Config::default(), &corpus, &[]);
    assert!(together(&stories, 51, 52), "{stories:#?}");
    assert!(together(&stories, 53, 54), "{stories:#?}");
    assert!(!together(&stories, 51, 53), "{stories:#?}");
    let (final_story, resignation) = (story_of(&stories, 51), story_of(&stories, 53));
    assert!(final_story.storyline.is_some(), "one storyline: {stories:#?}");
    assert_eq!(final_story.storyline, resignation.storyline, "{stories:#?}");
}

// --- Lineage: missing dates, a missing common source, credit lines, a shared garbled quote. ---

const PIPE_1: &str = "The water authority of Varessa approved on Tuesday a 2.4 billion euro pipeline that will carry desalinated water from the coast at Brisa Point to farms and towns in the drought-hit north.";
const PIPE_2: &str = "Authority chairman Rui Calado said construction would start in June and take four years, with the first 180 kilometres of pipe reaching the northern reservoirs at Monte Alvo by 2028.";
const PIPE_3: &str = "\"We will not abandon the northern valleys to the drought,\" Calado told a news conference in the capital, Tarragal, where officials have rationed tap water since the summer.";
const PIPE_4: &str = "Environmental groups led by the Clean Coast Alliance warned that brine from the Brisa Point plant could harm seagrass beds, and said they would challenge the project in court.";
const PIPE_5: &str = "Farmers in the north, where reservoirs are at 14 percent of capacity, welcomed the decision but asked the government to cut the price of irrigation water while the pipeline is built.";

fn pipeline_wire(date: Option<&str>) -> Article {
    art(
        20,
        "Reuters",
        "Varessa approves desalination pipeline",
        date,
        &[PIPE_1, PIPE_2, PIPE_3, PIPE_4, PIPE_5],
    )
}

#[test]
fn missing_dates_still_give_the_wire_as_origin() {
    // Copies that trimmed the wire: the wire's text covers them, they keep most of it; no dates anywhere.
    let wire = pipeline_wire(None);
    let trimmed = art(
        21,
        "Valley Herald",
        "Pipeline approved for the north",
        None,
        &[PIPE_1, PIPE_2, PIPE_3],
    );
    let edited = art(
        22,
        "Tarragal Today",
        "Varessa approves desalination pipeline",
        None,
        &[
            PIPE_1,
            &PIPE_2.replace("would start in June", "is due to begin in June"),
            PIPE_3,
            PIPE_4,
        ],
    );
    let stories = build_stories(&Config::default(), &[trimmed, edited, wire], &[]);
    assert_eq!(stories.len(), 1, "{stories:#?}");
    assert_eq!(source_of(&stories, 20), None, "{stories:#?}");
    assert_eq!(source_of(&stories, 21), Some(20));
    assert_eq!(source_of(&stories, 22), Some(20));
    let why = explain_lineage(&stories[0], ArticleId(21)).unwrap();
    assert!(why.starts_with("a21 ← a20"), "{why}");
    assert!(why.contains("dates missing"), "{why}");
}

#[test]
fn versions_of_a_missing_wire_are_siblings() {
    // The AFP original is not in the corpus; each copy kept a paragraph the other dropped.
    let first = art(
        31,
        "Valley Herald",
        "Pipeline approved",
        Some("2026-03-02T10:00:00Z"),
        &[PIPE_1, PIPE_2, PIPE_3, PIPE_5, "(AFP)"],
    );
    let second = art(
        32,
        "Coastal Mail",
        "Varessa approves pipeline",
        Some("2026-03-02T13:00:00Z"),
        &[PIPE_1, PIPE_2, PIPE_4, PIPE_5, "Source: Agence France-Presse"],
    );
    let stories = build_stories(&Config::default(), &[first, second], &[]);
    assert_eq!(stories.len(), 1, "{stories:#?}");
    assert_eq!(source_of(&stories, 31), None);
    assert_eq!(
        source_of(&stories, 32),
        None,
        "the later copy holds on-topic text the earlier lacks: {stories:#?}"
    );
    let why = explain_lineage(&stories[0], ArticleId(32)).unwrap();
    assert!(why.contains("not in the corpus"), "{why}");
}

#[test]
fn credit_line_identifies_the_wire_source() {
    let wire = pipeline_wire(Some("2026-03-02T08:00:00Z"));
    // A verbatim republication (same text, no credit) appears before the credited copy.
    let mut republished = pipeline_wire(Some("2026-03-02T09:00:00Z"));
    republished.id = ArticleId(23);
    republished.outlet = Some("Daily Planet".into());
    republished.path = "daily-planet/23.txt".into();
    let credited = art(
        24,
        "Morning Star",
        "Varessa approves desalination pipeline",
        Some("2026-03-02T12:00:00Z"),
        &[PIPE_1, PIPE_2, PIPE_3, PIPE_4, PIPE_5, "— Reuters"],
    );
    let stories = build_stories(&Config::default(), &[credited, republished, wire], &[]);
    assert_eq!(stories.len(), 1);
    assert_eq!(source_of(&stories, 20), None);
    assert_eq!(source_of(&stories, 24), Some(20), "{stories:#?}");
    assert_eq!(source_of(&stories, 23), Some(20));
}

#[test]
fn a_copy_keeping_the_credit_line_its_closest_version_cut_derives_from_a_version_with_it() {
    // Two outlets trimmed the wire in turn and dropped its credit; a later copy holds exactly the
    // shortest version's text, but signs it with the wire's credit, which it did not get from there.
    let wire = art(
        40,
        "Reuters",
        "Varessa approves desalination pipeline",
        Some("2026-03-02T08:00:00Z"),
        &[PIPE_1, PIPE_2, PIPE_3, PIPE_4, PIPE_5, "(Reuters)"],
    );
    let trimmed = art(
        41,
        "Valley Herald",
        "Varessa approves desalination pipeline",
        Some("2026-03-02T10:00:00Z"),
        &[PIPE_1, PIPE_2, PIPE_3, PIPE_4],
    );
    let shortest = art(
        42,
        "Coastal Mail",
        "Varessa approves desalination pipeline",
        Some("2026-03-02T11:00:00Z"),
        &[PIPE_1, PIPE_2, PIPE_3],
    );
    let credited = art(
        43,
        "Sunday Ledger",
        "Varessa approves desalination pipeline",
        Some("2026-03-03T09:00:00Z"),
        &[PIPE_1, PIPE_2, PIPE_3, "(Reuters)"],
    );
    let uncredited = art(
        44,
        "Harbour Weekly",
        "Varessa approves desalination pipeline",
        Some("2026-03-03T10:00:00Z"),
        &[PIPE_1, PIPE_2, PIPE_3],
    );
    let stories = build_stories(
        &Config::default(),
        &[credited, uncredited, shortest, trimmed, wire],
        &[],
    );
    assert_eq!(stories.len(), 1, "{stories:#?}");
    assert_eq!(source_of(&stories, 41), Some(40), "{stories:#?}");
    assert_eq!(source_of(&stories, 42), Some(41), "{stories:#?}");
    assert_eq!(
        source_of(&stories, 43),
        Some(40),
        "the credit comes from the wire: {stories:#?}"
    );
    // The same text without the credit stays with the version it matches.
    assert_eq!(source_of(&stories, 44), Some(42), "{stories:#?}");
}

#[test]
fn shared_garbled_quote_reveals_descent() {
    let wire = pipeline_wire(Some("2026-03-02T08:00:00Z"));
    let garbled_quote = PIPE_3.replace(
        "We will not abandon the northern valleys",
        "We will never abandon the northern valley",
    );
    let garbler = art(
        25,
        "Valley Herald",
        "Varessa approves desalination pipeline",
        Some("2026-03-02T10:00:00Z"),
        &[PIPE_1, PIPE_2, &garbled_quote, PIPE_4, PIPE_5],
    );
    let other = art(
        26,
        "Coastal Mail",
        "Varessa approves desalination pipeline",
        Some("2026-03-02T11:00:00Z"),
        &[
            PIPE_1,
            &PIPE_2.replace("take four years", "last four years"),
            PIPE_3,
            PIPE_4,
            PIPE_5,
        ],
    );
    let heir = art(
        27,
        "Sunday Ledger",
        "Varessa approves desalination pipeline",
        Some("2026-03-03T09:00:00Z"),
        &[PIPE_1, PIPE_2, &garbled_quote, PIPE_5],
    );
    let corpus = vec![heir, other, garbler, wire];
    let stories = build_stories(&Config::default(), &corpus, &[]);
    assert_eq!(stories.len(), 1);
    assert_eq!(source_of(&stories, 25), Some(20));
    assert_eq!(source_of(&stories, 26), Some(20));
    assert_eq!(
        source_of(&stories, 27),
        Some(25),
        "the garbled quote is inherited: {stories:#?}"
    );
    assert_eq!(
        lineage_chain(&stories[0], ArticleId(27)),
        [ArticleId(27), ArticleId(25), ArticleId(20)]
    );
    for e in &stories[0].lineage {
        assert!((0.0..=1.0).contains(&e.confidence));
        assert!(e.reason.ends_with('.') && !e.reason.is_empty());
    }
}

#[test]
fn a_source_that_changed_figures_the_copy_keeps_is_ruled_out() {
    // Y changed a figure and misspelt a name of the wire; X keeps both as the wire has them, although it
    // made the same three common word substitutions as Y (editors reach for the same synonyms).
    let wire = pipeline_wire(Some("2026-03-02T08:00:00Z"));
    let reworded = |p: &str| {
        p.replace("approved on Tuesday", "endorsed on Tuesday")
            .replace("warned that", "cautioned that")
            .replace("welcomed the decision", "hailed the decision")
    };
    let changer = art(
        28,
        "Valley Herald",
        "Varessa approves desalination pipeline",
        Some("2026-03-02T10:00:00Z"),
        &[
            &reworded(PIPE_1),
            &PIPE_2.replace("first 180 kilometres", "first 280 kilometres"),
            PIPE_3,
            &reworded(PIPE_4).replace("Brisa Point plant", "Briza Point plant"),
            &reworded(PIPE_5),
        ],
    );
    let keeper = art(
        29,
        "Sunday Ledger",
        "Varessa approves desalination pipeline",
        Some("2026-03-03T09:00:00Z"),
        &[
            &reworded(PIPE_1),
            PIPE_2,
            PIPE_3,
            &reworded(PIPE_4),
            &reworded(PIPE_5),
        ],
    );
    let stories = build_stories(&Config::default(), &[keeper, changer, wire], &[]);
    assert_eq!(stories.len(), 1, "{stories:#?}");
    assert_eq!(source_of(&stories, 28), Some(20));
    assert_eq!(
        source_of(&stories, 29),
        Some(20),
        "a copy cannot restore the figure and the name its source changed: {stories:#?}"
    );
    let why = explain_lineage(&stories[0], ArticleId(29)).unwrap();
    assert!(why.contains("not a28, which changed 2 figures or names"), "{why}");
}

// --- The repository's shared scenario sets (testdata/*/expected.json). ---

/// Reads a scenario folder the way the text files are laid out (line 1 headline, blank line, body;
/// a `yyyy-mm-dd-` file-name prefix as the only date), with ids in file-name order.
fn scenario(name: &str) -> (Vec<Article>, serde_json::Value) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata")
        .join(name);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let articles = files
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let raw = std::fs::read_to_string(p).unwrap();
            let (title, body) = raw.split_once("\n\n").unwrap();
            let file = p.file_name().unwrap().to_string_lossy().to_string();
            let mut a = Article::new(file.clone(), wiretrace_text::normalize(body));
            a.id = ArticleId(i as u32 + 1);
            a.title = Some(title.trim().to_string());
            a.published = file.get(..10).and_then(|d| format!("{d}T00:00:00Z").parse().ok());
            a
        })
        .collect();
    let expected =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    (articles, expected)
}

fn check_scenario(name: &str) -> Vec<Story> {
    let (articles, expected) = scenario(name);
    let stories = build_stories(&Config::default(), &articles, &[]);
    let id_of = |path: &str| {
        articles
            .iter()
            .find(|a| a.path == path)
            .map(|a| a.id.0)
            .expect("file of the scenario")
    };
    let gold = expected["articles"].as_array().unwrap();
    for a in gold {
        let me = id_of(a["path"].as_str().unwrap());
        for b in gold {
            let other = id_of(b["path"].as_str().unwrap());
            assert_eq!(
                together(&stories, me, other),
                a["story"] == b["story"],
                "{name}: {} / {}",
                a["path"],
                b["path"]
            );
        }
        let parent = a["parent"].as_str().map(id_of);
        assert_eq!(
            source_of(&stories, me),
            parent,
            "{name}: source of {}: {stories:#?}",
            a["path"]
        );
    }
    stories
}

#[test]
fn scenario_independent_rewrite() {
    check_scenario("independent-rewrite");
}

#[test]
fn scenario_same_topic_different_events() {
    check_scenario("same-topic-different-events");
}

#[test]
fn scenario_follow_up() {
    let stories = check_scenario("follow-up");
    assert_eq!(stories.len(), 2);
    assert!(
        stories.iter().all(|s| s.storyline.as_deref() == Some("l1")),
        "{stories:#?}"
    );
}

#[test]
fn scenario_missing_common_source() {
    check_scenario("missing-common-source");
}

#[test]
fn scenario_missing_dates() {
    check_scenario("missing-dates");
}

#[test]
fn translation_joins_its_story_and_derives_from_the_wire() {
    let mut wire = pipeline_wire(Some("2026-03-02T08:00:00Z"));
    wire.language = Some("en".into());
    let mut spanish = art(28, "El Heraldo", "Varessa aprueba un acueducto de desalinización", Some("2026-03-02T15:00:00Z"), &[
        "La autoridad del agua de Varessa aprobó el martes un acueducto de 2.4 mil millones de euros que llevará agua desalinizada desde la costa de Brisa Point hasta las granjas y ciudades del norte afectadas por la sequía.",
        "El presidente de la autoridad, Rui Calado, dijo que las obras comenzarán en junio y durarán cuatro años, y que los primeros 180 kilómetros de tubería llegarán a los embalses de Monte Alvo en 2028.",
        "«No abandonaremos los valles del norte a la sequía», declaró Calado en una rueda de prensa en la capital, Tarragal, donde las autoridades racionan el agua del grifo desde el verano.",
        "Los grupos ecologistas encabezados por la Clean Coast Alliance advirtieron que la salmuera de la planta de Brisa Point podría dañar las praderas marinas.",
    ]);
    spanish.language = Some("es".into());
    let stories = build_stories(&Config::default(), &[spanish, wire, other_flood()], &[]);
    assert!(
        together(&stories, 20, 28),
        "a translation reports the same event: {stories:#?}"
    );
    assert!(!together(&stories, 20, 4));
    assert_eq!(source_of(&stories, 28), Some(20), "{stories:#?}");
    let why = explain_lineage(story_of(&stories, 28), ArticleId(28)).unwrap();
    assert!(why.contains("names, places and figures"), "{why}");
}

// --- One report across languages and wordings; a same-topic event the next day. ---

fn flood_spanish() -> Article {
    let mut a = art(21, "Diario del Sur", "Inundaciones obligan a 1.200 personas a dejar sus casas en Marrowick", Some("2026-03-02T13:00:00Z"), &[
        "Las crecidas del río Tessel obligaron el lunes 2 de marzo a 1.200 vecinos de Marrowick a abandonar sus hogares, después de que tres días de lluvia elevaran el río más de tres metros por encima de su nivel normal, según la alcaldesa Elena Voss.",
        "Los equipos de emergencia de la Agencia de Protección Civil de Harwell utilizaron barcas para llegar a las familias atrapadas en los pisos superiores del casco antiguo.",
        "La Oficina Nacional de Meteorología prevé otros 40 milímetros de lluvia hasta el miércoles, y el gobernador regional, Paul Brannock, pidió al ejército sacos de arena y bombas.",
    ]);
    a.language = Some("es".into());
    a
}

fn flood_german() -> Article {
    let mut a = art(22, "Rheinblatt", "Hochwasser in Marrowick: 1.200 Menschen verlassen ihre Häuser", Some("2026-03-02T15:00:00Z"), &[
        "Das Hochwasser des Flusses Tessel hat am Montag, dem 2. März, 1.200 Einwohner von Marrowick aus ihren Häusern vertrieben, nachdem drei Tage Regen den Fluss mehr als drei Meter über seinen normalen Stand steigen ließen, sagte Bürgermeisterin Elena Voss.",
        "Rettungskräfte der Zivilschutzbehörde Harwell erreichten mit Booten Familien, die in den oberen Stockwerken der Altstadt eingeschlossen waren.",
        "Das Nationale Wetteramt erwartet bis Mittwoch weitere 40 Millimeter Regen; Gouverneur Paul Brannock bat die Armee um Sandsäcke und Pumpen.",
    ]);
    a.language = Some("de".into());
    a
}

/// Undated, as many real pages are.
fn flood_russian() -> Article {
    let mut a = art(23, "Vesti Severa", "Наводнение в Марровике: 1 200 человек покинули дома", None, &[
        "Паводок на реке Тессел в понедельник, 2 марта, вынудил 1 200 жителей Марровика покинуть свои дома после трёх дней дождей, подняв уровень реки более чем на три метра, сообщила мэр Элена Восс.",
        "Спасатели Агентства гражданской защиты Харвелла на лодках добирались до семей, оказавшихся отрезанными на верхних этажах в старом квартале.",
        "Национальная метеослужба ожидает ещё 40 миллиметров осадков до среды, а губернатор Пол Браннок попросил армию прислать мешки с песком и насосы.",
    ]);
    a.language = Some("ru".into());
    a
}

/// Written apart: the same facts, no shared sentence and no quote.
fn flood_written_apart() -> Article {
    art(24, "Valley Gazette", "Marrowick counts the cost as the Tessel peaks", Some("2026-03-02T18:00:00Z"), &[
        "About 1,200 people spent Monday night away from home in Marrowick, where the Tessel rose over three metres after a long spell of rain. Elena Voss, the town's mayor, has opened schools as shelters.",
        "Boat crews of the Harwell Civil Protection Agency worked through the evening in the old quarter. Governor Paul Brannock has asked soldiers to help, and forecasters see 40 millimetres more by Wednesday.",
    ])
}

/// A flood the next day in another town: same topic, another event.
fn flood_next_day_elsewhere() -> Article {
    art(25, "Valley Gazette", "Storm floods Kessing harbour", Some("2026-03-03T10:00:00Z"), &[
        "A storm surge flooded the harbour district of Kessing on Tuesday, damaging 60 boats and forcing 340 people to leave their flats, harbour master Ruth Adeyemi said.",
        "Firefighters from the Lund County brigade pumped water from the cellars of the fish market, and the coastal railway to Brora was suspended until Thursday.",
    ])
}

#[test]
fn one_report_in_three_languages_and_a_rewrite_form_one_story() {
    let corpus = vec![
        flood_wire(),
        flood_spanish(),
        flood_german(),
        flood_russian(),
        flood_written_apart(),
        flood_next_day_elsewhere(),
        other_flood(),
    ];
    let stories = build_stories(&Config::default(), &corpus, &[]);
    for id in [21, 22, 23, 24] {
        assert!(
            together(&stories, 1, id),
            "article {id} reports the Marrowick flood: {stories:#?}"
        );
    }
    assert!(
        !together(&stories, 1, 25),
        "a flood in Kessing the next day is another event: {stories:#?}"
    );
    assert!(!together(&stories, 25, 4), "{stories:#?}");
}

#[test]
fn story_similarity_explains_a_translation() {
    let corpus = vec![
        flood_wire(),
        flood_spanish(),
        flood_russian(),
        flood_next_day_elsewhere(),
    ];
    let index = wiretrace_stories::Similarity::new(&Config::default(), &corpus);
    let same = index.score(ArticleId(1), ArticleId(23)).unwrap();
    let other = index.score(ArticleId(1), ArticleId(25)).unwrap();
    assert!(
        same.story_similarity > 2.0 * other.story_similarity,
        "{same:?} vs {other:?}"
    );
    let names = &same.shared["name"];
    assert!(
        names.iter().any(|n| n.contains("Voss") && n.contains("Восс")),
        "{names:?}"
    );
    assert!(
        same.shared["figure"].iter().any(|f| f.contains("1,200")),
        "{same:?}"
    );
    // "2 de marzo" and "2 марта" are one date.
    let es_ru = index.score(ArticleId(21), ArticleId(23)).unwrap();
    assert!(es_ru.shared["date"].iter().any(|d| d == "2"), "{es_ru:?}");
    assert_eq!(same.days_apart, None, "the Russian copy is undated");
}

#[test]
fn across_languages_only_language_independent_anchors_are_compared() {
    // Word stems of English and Russian never match; counted in the norms they would make the
    // closest translation look as remote as an unrelated report.
    let mut wire = flood_wire();
    wire.language = Some("en".into());
    let corpus = vec![wire, flood_russian(), flood_next_day_elsewhere(), other_flood()];
    let index = wiretrace_stories::Similarity::new(&Config::default(), &corpus);
    let translation = index.score(ArticleId(1), ArticleId(23)).unwrap();
    assert!(
        translation.anchor_cosine >= 0.25,
        "the translation shares its names, figures and date: {translation:?}"
    );
    let other = index.score(ArticleId(1), ArticleId(25)).unwrap();
    assert!(other.anchor_cosine < 0.2, "{other:?}");
}

// --- Background paragraphs and late copies: a running matter's reports share a paragraph. ---

/// The background paragraph two reports of the Orrin dam matter both carry, in different wording.
const DAM_BACKGROUND_A: &str = "The Orrin dam on the Kessly river, built by Castellan Hydro and Brenholt Steelworks in 1974 above Velmora, holds back 480 million cubic metres behind its Aldermoor wall and supplies 210,000 homes across the Dessary valley.";
const DAM_BACKGROUND_B: &str = "Built by Castellan Hydro and Brenholt Steelworks in 1974 above Velmora, the Orrin dam on the Kessly river holds 480 million cubic metres behind its Aldermoor wall and powers 210,000 homes in the Dessary valley.";

fn dam_inspection() -> Article {
    art(
        1,
        "Harbour Times",
        "Inspectors order repairs to spillway gates",
        Some("2026-05-11T09:00:00Z"),
        &[
            "Safety inspectors led by engineer Mirela Ostrander ordered urgent repairs to two spillway gates on Tuesday after finding corroded hinges during a routine check.",
            "Ostrander said the gates could still be opened by hand, but that the motors driving them had failed twice since January and spare parts would take six weeks to arrive.",
            DAM_BACKGROUND_A,
            "The regional water board, chaired by Tobias Quennell, has set aside 3.5 million for the work and said the reservoir would be kept eight metres below its usual level until it is done.",
            "Quennell told a board meeting that no homes downstream were at risk and that a second inspection was planned for late summer.",
        ],
    )
}

fn dam_festival() -> Article {
    art(
        2,
        "Midland Post",
        "Lakeside festival draws record crowd",
        Some("2026-05-11T15:00:00Z"),
        &[
            "A record 18,000 visitors came to the Lantern Nights festival on the shore of Lake Sorrel at the weekend, organiser Hanne Brisby said, twice as many as last year.",
            "Brisby said the fireworks over the water and a concert by the Pellworth Brass Band were the main draws, and that food stalls ran out of bread by Saturday evening.",
            DAM_BACKGROUND_B,
            "Local hotels in Fairlow and Ambercombe reported every room booked, and the bus company Greyline added 40 extra services from the railway station.",
            "The festival's board plans a third night next year and has asked the council of Fairlow for a larger car park near the marina.",
        ],
    )
}

fn background_corpus() -> Vec<Article> {
    // Unrelated reports give the anchors their corpus frequencies.
    let mut v = vec![dam_inspection(), dam_festival()];
    v.extend(flood_corpus().into_iter().map(|mut a| {
        a.id = ArticleId(a.id.0 + 10);
        a
    }));
    v
}

#[test]
fn a_shared_background_paragraph_does_not_make_one_story() {
    let articles = background_corpus();
    let stories = build_stories(&Config::default(), &articles, &[]);
    assert!(!together(&stories, 1, 2), "{stories:?}");
    // Without the rule, and on the plain anchor cosine (no figure-and-date agreement, its own
    // scale), the shared names of the background paragraph carry the pair into one story: the
    // test would fail if the rule did nothing.
    let off = Config {
        spread_min_paragraphs: 0,
        fact_agreement_gain: 0.0,
        anchor_cosine_at_link: 0.08,
        ..Config::default()
    };
    let stories = build_stories(&off, &articles, &[]);
    assert!(together(&stories, 1, 2), "{stories:?}");
}

#[test]
fn a_shared_background_paragraph_of_a_three_paragraph_text_does_not_make_one_story() {
    // The same two reports cut to a lead, the background and one more paragraph each.
    let cut = |mut a: Article, keep: [usize; 3]| {
        let paras: Vec<&str> = a.text.split("\n\n").collect();
        a.text = keep.iter().map(|&k| paras[k]).collect::<Vec<_>>().join("\n\n");
        a
    };
    let mut articles = background_corpus();
    articles[0] = cut(dam_inspection(), [0, 2, 3]);
    articles[1] = cut(dam_festival(), [0, 2, 3]);
    // On the plain anchor cosine (as above), so that the background alone would carry the pair.
    let plain = Config {
        fact_agreement_gain: 0.0,
        anchor_cosine_at_link: 0.08,
        ..Config::default()
    };
    let stories = build_stories(&plain, &articles, &[]);
    assert!(!together(&stories, 1, 2), "{stories:?}");
    // With the rule for four paragraphs or more only, the pair is one story.
    let four = Config {
        spread_min_paragraphs: 4,
        ..plain
    };
    let stories = build_stories(&four, &articles, &[]);
    assert!(together(&stories, 1, 2), "{stories:?}");
}

#[test]
fn a_body_under_a_dateline_and_a_credit_keeps_its_evidence() {
    // Three paragraphs, one of which is the whole report: a dateline, the body, a credit line.
    let body = "Safety inspectors led by engineer Mirela Ostrander ordered urgent repairs to two spillway gates of the Orrin dam above Velmora on Tuesday after finding corroded hinges, and Tobias Quennell of the regional water board said 3.5 million had been set aside while the reservoir stays eight metres below its usual level.";
    let dated = art(
        1,
        "Harbour Times",
        "Orrin dam gates to be repaired",
        Some("2026-05-11T09:00:00Z"),
        &["VELMORA, May 11", body, "(Harbour Times)"],
    );
    let rewrite = art(
        2,
        "Northern Courier",
        "Corroded hinges force work on Orrin spillway",
        Some("2026-05-11T13:00:00Z"),
        &["Engineer Mirela Ostrander's inspectors found corroded hinges on two spillway gates of the Orrin dam above Velmora on Tuesday; Tobias Quennell of the water board set aside 3.5 million and the reservoir will stay eight metres low."],
    );
    let mut articles = background_corpus();
    articles[0] = dated;
    articles[1] = rewrite;
    let score = |cfg: &Config| {
        wiretrace_stories::Similarity::new(cfg, &articles)
            .score(ArticleId(1), ArticleId(2))
            .unwrap()
    };
    let s = score(&Config::default());
    assert!(s.anchor_cosine > 0.2, "{s:?}");
    assert!((s.spread_cosine - s.anchor_cosine).abs() < 1e-6, "{s:?}");
    // Without the share test the body would be left out as "one paragraph" of three.
    let off = Config {
        spread_max_paragraph_share: 2.0,
        ..Config::default()
    };
    let s = score(&off);
    assert!(s.spread_cosine < 0.5 * s.anchor_cosine, "{s:?}");
}

#[test]
fn reports_naming_their_actors_throughout_still_join() {
    // The inspection reported again, in other words, by another outlet: the actors recur outside
    // the background paragraph, so the content evidence is not reduced to it.
    let rewrite = art(
        3,
        "Northern Courier",
        "Corroded hinges force work on Orrin spillway",
        Some("2026-05-11T13:00:00Z"),
        &[
            "Two spillway gates at the Orrin dam need urgent repairs, inspectors said on Tuesday, after engineer Mirela Ostrander's team found corroded hinges.",
            "According to Ostrander, the gates can still be worked by hand although their motors have failed twice since January.",
            "Velmora's Orrin dam, which Castellan Hydro and Brenholt Steelworks finished in 1974 on the Kessly river, keeps 480 million cubic metres behind the Aldermoor wall for 210,000 homes of the Dessary valley.",
            "Tobias Quennell, who chairs the water board, said 3.5 million had been set aside and that the reservoir at Velmora would stay eight metres low until the repairs end.",
        ],
    );
    let mut articles = background_corpus();
    articles.push(rewrite);
    let stories = build_stories(&Config::default(), &articles, &[]);
    assert!(together(&stories, 1, 3), "{stories:?}");
    assert!(!together(&stories, 2, 3), "{stories:?}");
}

#[test]
fn copies_of_copies_weeks_later_stay_in_their_story() {
    // A trimmed copy keeping one paragraph of the wire five days later, and a copy of that copy
    // five days after it: ten days from the wire, past the story's time span, but copies.
    let wire = flood_wire();
    let trimmed = art(
        2,
        "Eastside Gazette",
        "Marrowick floods: 1,200 leave their homes",
        Some("2026-03-07T08:00:00Z"),
        &[FLOOD_1],
    );
    let again = art(
        3,
        "Westcountry Mercury",
        "Update: Marrowick floods: 1,200 leave their homes",
        Some("2026-03-12T08:00:00Z"),
        &[FLOOD_1],
    );
    let articles = vec![wire, trimmed, again];
    let stories = build_stories(&Config::default(), &articles, &[]);
    assert!(
        together(&stories, 1, 2) && together(&stories, 2, 3),
        "{stories:?}"
    );
    // Pairs that share less than a copy does are held to the time span.
    let strict = Config {
        copy_min_reuse: 1.1,
        ..Config::default()
    };
    let stories = build_stories(&strict, &articles, &[]);
    assert!(!together(&stories, 1, 3), "{stories:?}");
}

// --- Languages whose capitals do not mark names: German capitalises every noun. ---

/// A fictional ferry fire told in German: besides its names, every noun is capitalised.
fn ferry_german() -> Article {
    let mut a = art(
        31,
        "Nordkurier",
        "Feuer auf Fähre Marlen Ostra vor Kessing",
        None,
        &["Auf der Fähre Marlen Ostra ist am Morgen vor Kessing ein Feuer im Maschinenraum ausgebrochen. Kapitän Edvin Harrow ließ 412 Passagiere in die Rettungsboote bringen; die Feuerwehr, der Hafenmeister und die Küstenwache brachten Schlepper, Löschboote und Hubschrauber. Die Reederei Solberg Lines sprach von einem Kurzschluss in der Elektrik und einem Schaden in Millionenhöhe."],
    );
    a.language = Some("de".into());
    a
}

/// The same fire told in English.
fn ferry_english() -> Article {
    let mut a = art(
        32,
        "Coast Daily",
        "Fire on ferry Marlen Ostra off Kessing",
        None,
        &["A fire broke out in the engine room of the ferry Marlen Ostra off Kessing in the morning. Captain Edvin Harrow moved 412 passengers into the lifeboats while firefighters and the coastguard sent tugs and helicopters. The operator Solberg Lines blamed a short circuit."],
    );
    a.language = Some("en".into());
    a
}

/// The same fire told in French (French capitals mark names).
fn ferry_french() -> Article {
    let mut a = art(
        33,
        "Journal du Port",
        "Incendie sur le ferry Marlen Ostra au large de Kessing",
        None,
        &["Un incendie s'est déclaré dans la salle des machines du ferry Marlen Ostra au large de Kessing. Le capitaine Edvin Harrow a fait monter 412 passagers dans les canots; l'armateur Solberg Lines évoque un court-circuit."],
    );
    a.language = Some("fr".into());
    a
}

/// Short unrelated reports in several languages, each with names of its own: enough articles in
/// languages other than the most common one for the corpus to tell which anchors travel.
fn unrelated_reports(n: u32) -> Vec<Article> {
    let languages = ["fr", "es", "it", "en"];
    (0..n)
        .map(|k| {
            let mut a = art(
                100 + k,
                "Various",
                &format!("Council of Brevan{k} votes"),
                None,
                &[&format!(
                    "The council of Brevan{k} approved {} new homes near Lake Tessor{k}, mayor Ilka Morrow{k} said.",
                    30 + k
                )],
            );
            a.language = Some(languages[k as usize % languages.len()].into());
            a
        })
        .collect()
}

#[test]
fn german_common_nouns_do_not_dilute_a_translation() {
    let mut corpus = vec![ferry_german(), ferry_english(), ferry_french()];
    corpus.extend(unrelated_reports(30));
    let on = wiretrace_stories::Similarity::new(&Config::default(), &corpus);
    let off_cfg = Config {
        attested_norm_min_articles: 0,
        ..Config::default()
    };
    let off = wiretrace_stories::Similarity::new(&off_cfg, &corpus);
    let cosine = |index: &wiretrace_stories::Similarity, a: u32, b: u32| {
        index.score(ArticleId(a), ArticleId(b)).unwrap().anchor_cosine
    };
    // "Fähre", "Feuer", "Maschinenraum" are German nouns, not names no other language writes.
    assert!(
        cosine(&on, 31, 32) > 1.2 * cosine(&off, 31, 32),
        "de-en: {} with the rule, {} without",
        cosine(&on, 31, 32),
        cosine(&off, 31, 32)
    );
    // Where capitals mark names every anchor still counts.
    assert_eq!(cosine(&on, 32, 33), cosine(&off, 32, 33));
}

#[test]
fn two_articles_alone_keep_every_anchor() {
    // Two files compared cannot tell which anchors travel between languages: the rule is off.
    let corpus = vec![ferry_german(), ferry_english()];
    let on = wiretrace_stories::Similarity::new(&Config::default(), &corpus);
    let off_cfg = Config {
        attested_norm_min_articles: 0,
        ..Config::default()
    };
    let off = wiretrace_stories::Similarity::new(&off_cfg, &corpus);
    let (a, b) = (ArticleId(31), ArticleId(32));
    let score = on.score(a, b).unwrap();
    assert_eq!(score.anchor_cosine, off.score(a, b).unwrap().anchor_cosine);
    assert!(score.anchor_cosine < 1.0, "{score:?}");
}

// --- Figures and dates tell a storyline's events apart: an election and the chancellor's vote. ---

fn lang(mut a: Article, code: &str) -> Article {
    a.language = Some(code.into());
    a
}

/// An undated report of a fictional election, in English.
fn election_english() -> Article {
    lang(
        art(
            41,
            "Capital Herald",
            "Halvorsen's Unity bloc wins Norvanian election",
            None,
            &["The Unity bloc of Greta Halvorsen won the parliamentary election in Norvania with 31.4 percent of the vote, ahead of the Civic League of Anders Molvik at 22.7 percent, election officials in Tarsberg said. Turnout reached 83.6 percent, the highest since 1987.",
              "Halvorsen told supporters in Tarsberg that coalition talks would start at once."],
        ),
        "en",
    )
}

/// The same election told in Spanish.
fn election_spanish() -> Article {
    lang(
        art(
            42,
            "Diario del Sur",
            "El bloque Unidad de Halvorsen gana las elecciones en Norvania",
            None,
            &["El bloque Unidad de Greta Halvorsen ganó las elecciones legislativas de Norvania con el 31,4 por ciento de los votos, por delante de la Liga Cívica de Anders Molvik con el 22,7 por ciento, según la comisión electoral en Tarsberg. La participación llegó al 83,6 por ciento, la más alta desde 1987.",
              "Halvorsen dijo en Tarsberg que las negociaciones para una coalición empezarían enseguida."],
        ),
        "es",
    )
}

/// The next step, weeks later and undated: the parliament elects Halvorsen chancellor. The same
/// names, figures of its own.
fn chancellor_english() -> Article {
    lang(
        art(
            43,
            "Capital Herald",
            "Norvanian parliament elects Halvorsen chancellor",
            None,
            &["The parliament in Tarsberg elected Greta Halvorsen of the Unity bloc as chancellor of Norvania with 342 of 611 votes, after a first round in which she fell 9 votes short. Anders Molvik of the Civic League congratulated her.",
              "Halvorsen is to name her cabinet of 16 ministers within a week."],
        ),
        "en",
    )
}

/// The chancellor's vote told in Spanish.
fn chancellor_spanish() -> Article {
    lang(
        art(
            44,
            "Diario del Sur",
            "El parlamento de Norvania elige canciller a Halvorsen",
            None,
            &["El parlamento en Tarsberg eligió a Greta Halvorsen, del bloque Unidad, canciller de Norvania con 342 de 611 votos, tras una primera ronda en la que le faltaron 9 votos. Anders Molvik, de la Liga Cívica, la felicitó.",
              "Halvorsen nombrará a su gabinete de 16 ministros en una semana."],
        ),
        "es",
    )
}

fn election_corpus() -> Vec<Article> {
    let mut v = vec![
        election_english(),
        election_spanish(),
        chancellor_english(),
        chancellor_spanish(),
    ];
    v.extend(unrelated_reports(8));
    v
}

#[test]
fn agreeing_figures_tell_an_event_from_its_next_step() {
    let corpus = election_corpus();
    // A scale at which no score of this small corpus reaches content evidence's cap of 1.
    let uncapped = Config {
        anchor_cosine_at_link: 10.0,
        ..Config::default()
    };
    let index = wiretrace_stories::Similarity::new(&uncapped, &corpus);
    let plain_cfg = Config {
        fact_agreement_gain: 0.0,
        ..uncapped.clone()
    };
    let plain = wiretrace_stories::Similarity::new(&plain_cfg, &corpus);
    let content = |index: &wiretrace_stories::Similarity, a: u32, b: u32| {
        index.score(ArticleId(a), ArticleId(b)).unwrap().content
    };
    // Across languages: the election in English and in Spanish share names and figures; the
    // election and the chancellor's vote share the names only.
    let ratio = |index| content(index, 41, 42) / content(index, 41, 44).max(1e-6);
    assert!(
        ratio(&index) > 1.3 * ratio(&plain),
        "same event over next step: {} with the agreement factor, {} without",
        ratio(&index),
        ratio(&plain)
    );
}
