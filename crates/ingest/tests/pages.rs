//! Real page shapes, written as small fictional pages: text only in JSON-LD, listing pages, original
//! dates beside update dates and copyright years, visible dates in many languages.

use wiretrace_ingest::{published_local, read_bytes, Article, Config};

fn page(html: &str) -> Article {
    match read_bytes(&Config::default(), "site/page.html", html.as_bytes()).remove(0) {
        Ok(a) => a,
        Err(e) => panic!("{e}"),
    }
}

fn day(a: &Article) -> Option<String> {
    a.published.map(|p| p.date_naive().to_string())
}

#[test]
fn text_that_lives_only_in_json_ld() {
    let html = r#"<html><head><title>Dam inspection | Valley Post</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Dam inspection finds no cracks","datePublished":"2026-04-02T08:00:00+02:00",
"articleBody":"Engineers spent three days inside the Orla dam and found no cracks in the wall.\n\nThe reservoir will be refilled from May, the water board said.\n\nA full report is due in the autumn."}</script>
</head><body><div id="app"><p>Loading…</p></div></body></html>"#;
    let a = page(html);
    assert_eq!(a.title.as_deref(), Some("Dam inspection finds no cracks"));
    assert_eq!(
        a.text,
        "Engineers spent three days inside the Orla dam and found no cracks in the wall.\n\n\
         The reservoir will be refilled from May, the water board said.\n\nA full report is due in the autumn."
    );
    assert_eq!(a.metadata["text_from"], "json-ld");
    assert_eq!(day(&a).as_deref(), Some("2026-04-02"));
    assert_eq!(a.metadata["published_from"], "json-ld");
}

#[test]
fn listing_pages_are_skipped_with_a_reason() {
    let teasers: String = (1..=6)
        .map(|i| format!("<article><h2><a href=\"/s/{i}\">Story number {i} about the harbour</a></h2><p>A short teaser for story {i}, long enough to look like a paragraph of text.</p></article>"))
        .collect();
    let tag = format!(
        "<html><head><link rel=canonical href=\"https://post.example/tag/harbour/\"></head><body>{teasers}</body></html>"
    );
    let out = read_bytes(&Config::default(), "site/harbour.html", tag.as_bytes());
    let e = out[0].as_ref().unwrap_err();
    assert!(e.reason.starts_with("not an article"), "{}", e.reason);

    let search = format!(
        "<html><head><link rel=canonical href=\"https://post.example/?s=harbour+works\"></head><body>{teasers}</body></html>"
    );
    assert!(read_bytes(&Config::default(), "s.html", search.as_bytes())[0].is_err());

    let collection = format!(
        "<html><head><script type=\"application/ld+json\">{{\"@type\":\"CollectionPage\",\"name\":\"Harbour\"}}</script></head><body>{teasers}</body></html>"
    );
    assert!(read_bytes(&Config::default(), "c.html", collection.as_bytes())[0].is_err());

    // An article filed under a tag path stays an article when it says it is one.
    let article = "<html><head><meta property=\"og:type\" content=\"article\"><link rel=canonical href=\"https://post.example/tag/harbour/new-crane\"></head>\
        <body><article><p>The new crane arrived on Monday and will start work next week at the container quay.</p></article></body></html>";
    assert!(read_bytes(&Config::default(), "a.html", article.as_bytes())[0].is_ok());
    // A forum's session id in the query is no search.
    let forum = "<html><head><link rel=canonical href=\"https://forum.example/t/123-crane.html?s=22c09551c71c1a6b64e4364ca45cbf28\"></head>\
        <body><div><p>The new crane arrived on Monday and will start work next week at the container quay.</p></div></body></html>";
    assert!(read_bytes(&Config::default(), "f.html", forum.as_bytes())[0].is_ok());
}

#[test]
fn original_date_beats_update_and_copyright() {
    let html = r#"<html><head><title>Ferry timetable</title></head><body>
<header><nav><a href="/">Home</a></nav></header>
<div class="post">
<h1>Winter ferry timetable published</h1>
<div class="post-info">Updated: 14 March 2026 · Published: 2 March 2026</div>
<p>The winter timetable adds two crossings on Saturdays and drops the late boat on Tuesdays.</p>
<p>Tickets bought for the old times stay valid until the end of the month, the operator said.</p>
</div>
<div class="comments"><p>Reader wrote on 1 March 2026: finally!</p></div>
<footer>© 2026 Island Ferries · 12/01/2026</footer>
</body></html>"#;
    let a = page(html);
    assert_eq!(day(&a).as_deref(), Some("2026-03-02"));
    assert_eq!(a.metadata["published_from"], "text");

    // In meta tags too: the published time wins over the modified one, and the export keeps the
    // publisher's own day (00:30 in Berlin is still the previous day in UTC).
    let meta = r#"<html><head>
<meta property="article:modified_time" content="2026-03-14T09:00:00+01:00">
<meta property="article:published_time" content="2026-03-02T00:30:00+01:00">
</head><body><article><p>The winter timetable adds two crossings on Saturdays and drops a late boat.</p></article></body></html>"#;
    let a = page(meta);
    assert_eq!(day(&a).as_deref(), Some("2026-03-01"));
    assert_eq!(published_local(&a).as_deref(), Some("2026-03-02T00:30:00+01:00"));
    assert_eq!(a.metadata["published_from"], "meta");
}

#[test]
fn visible_dates_in_five_languages() {
    for (line, want) in [
        ("Veröffentlicht am 5. März 2026, 10:12 Uhr", "2026-03-05"),
        ("Publié le jeudi 5 mars 2026 à 10h12", "2026-03-05"),
        ("Publicado el 5 de marzo de 2026", "2026-03-05"),
        ("Opublikowano: 5 marca 2026", "2026-03-05"),
        ("Pubblicato il 5 marzo 2026 alle 10:12", "2026-03-05"),
        ("Gepubliceerd op 5 maart 2026", "2026-03-05"),
        ("Posted on March 5th, 2026", "2026-03-05"),
    ] {
        let html = format!(
            "<html><body><div class=\"story\"><h1>Harbour crane arrives</h1><span>{line}</span>\
             <p>The new crane arrived on Thursday and starts work next week at the container quay.</p>\
             <p>It was built in 2019 and bought second-hand on 12.11.2025 from another port.</p></div></body></html>"
        );
        let a = page(&html);
        assert_eq!(day(&a).as_deref(), Some(want), "{line}");
        // A visible date line, read in the header block beside the headline (or as page text).
        let from = a.metadata["published_from"].as_str();
        assert!(matches!(from, Some("headline" | "text")), "{line}: {from:?}");
    }
}

#[test]
fn date_in_the_url_when_the_page_gives_no_other() {
    let html = "<html><head><link rel=canonical href=\"https://blog.example/2026/3/5/crane/\"></head><body>\
        <article><p>The new crane arrived on Thursday and starts work next week at the container quay.</p></article></body></html>";
    let a = page(html);
    assert_eq!(
        a.url.as_deref(),
        Some("https://blog.example/2026/3/5/crane/"),
        "{:?}",
        a.metadata
    );
    assert_eq!(day(&a).as_deref(), Some("2026-03-05"));
    assert_eq!(a.metadata["published_from"], "url");
}

#[test]
fn standfirst_outside_the_text_root_is_kept_first() {
    let html = r#"<html><head><title>Ferry timetable</title>
<meta name="description" content="The island ferry will sail every hour from June, the harbour office said on Tuesday.">
</head><body><main><h1>Ferry timetable changes</h1>
<figure><img src="f.jpg"><figcaption>The island ferry will sail every hour from June, the harbour office said on Tuesday. Photo: Jo Doe</figcaption></figure>
<p class="intro">The island ferry will sail every hour from June, the harbour office said on Tuesday.</p>
<article><p>Until now the boat left every two hours, and on Sundays only three times a day.</p>
<p>The harbour office expects more day visitors once the new pier is open.</p></article></main></body></html>"#;
    let a = page(html);
    assert!(
        a.text.starts_with(
            "The island ferry will sail every hour from June, the harbour office said on Tuesday.\n\nUntil now"
        ),
        "{}",
        a.text
    );
    // The caption repeating the description is not taken for the standfirst.
    assert!(!a.text.contains("Photo: Jo Doe"), "{}", a.text);
}

#[test]
fn date_line_in_the_posts_own_footer_or_sidebar() {
    // A blog template: the date sits in the post's footer, inside the post box but outside its text.
    let blog = r#"<html><body><div class="widget Blog"><div class="post hentry">
<h3>Mending the garden wall</h3><div class="post-body"><p>We spent the whole weekend mending the old stone wall at the bottom of the garden.</p>
<p>Next week the gate gets new hinges, if the weather holds.</p></div>
<div class="post-footer"><abbr class="published" title="2026-05-09T18:20:00+02:00">18:20</abbr></div></div></div>
<div class="sidebar"><ul><li><time datetime="2026-04-01">1 April</time> Older post</li></ul></div></body></html>"#;
    let a = page(blog);
    assert_eq!(day(&a).as_deref(), Some("2026-05-09"));

    // A sidebar outside the article box still never dates the page.
    let other = r#"<html><body><div class="content"><p>The council agreed the new budget for the town's libraries after a long debate on Monday evening.</p>
<p>The opposition voted against it.</p></div><div class="sidebar"><p>Most read: 3 March 2026</p></div></body></html>"#;
    assert_eq!(day(&page(other)), None);
}

#[test]
fn visible_day_beats_a_time_attribute_and_media_dates() {
    // The <time> attribute holds a later edit; the line the reader sees says when it was published.
    let html = r#"<html><head><script type="application/ld+json">{"@type":"ImageObject","contentUrl":"p.jpg","datePublished":"2025-11-30"}</script></head>
<body><article><h1>Night trains return</h1><div class="time"><time datetime="2026-02-10T09:00:00Z">Publié le 3 février 2026</time></div>
<p>The night train between the two capitals runs again from this week, three times a week in each direction.</p></article></body></html>"#;
    let a = page(html);
    assert_eq!(day(&a).as_deref(), Some("2026-02-03"));
    assert_eq!(a.metadata["published_from"], "time");
}

#[test]
fn utc_date_takes_the_offset_the_page_writes_it_in() {
    // JSON-LD in UTC (already the next day) and a script with the publisher's own offset.
    let html = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Late vote","datePublished":"2026-03-06T04:30:00Z"}</script>
<script>var page = {"publishTime": "2026-03-05T20:30:00-08:00"};</script></head>
<body><article><p>The city council voted late in the evening to keep the pool open through the summer months.</p></article></body></html>"#;
    let a = page(html);
    assert_eq!(
        published_local(&a).as_deref().map(|p| &p[..10]),
        Some("2026-03-05")
    );
}

#[test]
fn url_date_before_a_later_stated_date_is_the_original() {
    let html = r#"<html><head><link rel="canonical" href="https://blog.example/2024/7/12/lighthouse-walk">
<script type="application/ld+json">{"@type":"BlogPosting","headline":"Lighthouse walk","datePublished":"2026-01-20T10:00:00+01:00"}</script></head>
<body><article><p>The walk to the lighthouse takes two hours along the cliffs, with a café halfway.</p></article></body></html>"#;
    let a = page(html);
    assert_eq!(day(&a).as_deref(), Some("2024-07-12"));
    assert_eq!(a.metadata["published_from"], "url");
}

#[test]
fn a_date_in_prose_is_an_event_but_a_dateline_dates_the_page() {
    let prose = r#"<html><body><div class="content"><p>The water board said the old report of 12.1.2026 had underestimated the damage to the
northern dyke, and that repairs would now take most of the spring and cost far more than the council had planned for this year.</p>
<p>Work starts next month.</p></div></body></html>"#;
    assert_eq!(day(&page(prose)), None);

    let dateline = r#"<html><body><div class="content"><p>Karlsruhe, (12.11.2026). The water board said the old report had underestimated the damage to the
northern dyke, and that repairs would now take most of the spring and cost far more than the council had planned for this year.</p></div></body></html>"#;
    assert_eq!(day(&page(dateline)).as_deref(), Some("2026-11-12"));
}

#[test]
fn lead_written_beside_the_article_root_is_kept() {
    let html = r#"<html><head><title>Tower</title></head><body><div class="news-details">
<h1>A tower for the rhino meadow</h1>
<div class="teaser-text news-details__teaser"><p>Visitors driving in or out will soon see a thirty-metre tower rising above the new rhino meadow.</p></div>
<div class="trust-box article-reviewed-description"><p>This text was checked by our editors.</p></div>
<article><p>The meadow covers fourteen thousand square metres and opens next summer, the zoo said.</p>
<p>The tower will carry a viewing platform for visitors.</p></article></div></body></html>"#;
    let a = page(html);
    assert!(
        a.text
            .starts_with("Visitors driving in or out will soon see a thirty-metre tower rising above the new rhino meadow.\n\nThe meadow"),
        "{}",
        a.text
    );
    assert!(!a.text.contains("checked by our editors"), "{}", a.text);
}

#[test]
fn a_subtitle_classed_like_a_lead_does_not_hide_the_lead() {
    let html = r#"<html><body><main><div class="row article-header"><div class="col">
<h2 class="subline">New lab for enzyme recycling opens in the river port</h2>
<h1 class="title">Chemical maker starts an enzyme research group</h1>
<p class="lead">The plastics maker wants microbes and enzymes to make its products and processes cleaner, and opens a lab for it.</p>
</div></div>
<article class="article-body"><p>The group of eight researchers is funded for five years and works with the university across the river.</p>
<p>Old products and plastic waste are to be broken down by enzymes and used again, starting with foam from mattresses and car seats.</p>
<p>The first pilot plant is planned for the year after next, if the lab results hold up at a larger scale.</p></article></main></body></html>"#;
    let a = page(html);
    assert!(
        a.text.starts_with("The plastics maker wants microbes"),
        "{}",
        a.text
    );
    assert!(a.text.contains("eight researchers"), "{}", a.text);
}

#[test]
fn a_page_built_of_article_sections_is_read_whole() {
    // A recipe: headline, ingredients and steps each in an <article> of one <main>.
    let html = r#"<html><body><main>
<article class="box recipe-header"><h1>Plum crumble for a crowd</h1><p>A tray bake for twelve that uses the last plums of the season and keeps for two days.</p></article>
<article class="box recipe-ingredients"><h2>Ingredients</h2><table><tr><td>800 g</td><td>plums, halved and stoned</td></tr><tr><td>200 g</td><td>cold butter in cubes</td></tr></table></article>
<article class="box recipe-steps"><h2>Method</h2><p>Spread the plums over a buttered tray and sprinkle them with two spoons of sugar and a pinch of cinnamon.</p>
<p>Rub the butter into the flour and oats until it looks like coarse crumbs, then scatter it over the fruit.</p>
<p>Bake for forty minutes at 180 degrees until the top is golden and the juice bubbles at the edges.</p></article>
</main></body></html>"#;
    let a = page(html);
    for kept in [
        "plums, halved and stoned",
        "tray bake for twelve",
        "Bake for forty minutes",
    ] {
        assert!(a.text.contains(kept), "{kept}: {}", a.text);
    }
}

#[test]
fn a_forum_thread_of_comment_posts_is_the_text() {
    // A forum thread: every post classed as a comment, the page wrapped in one ASP.NET <form>.
    let post = |who: &str, says: &str| {
        format!(
            "<div class=\"ForumComment\"><div class=\"ForumCommentInfo\"><span>{who}</span></div><div class=\"ForumCommentText\">{says}</div></div>"
        )
    };
    let html = format!(
        "<html><body class=\"Forum\"><form id=\"Form1\"><main>{}{}{}</main><footer><a href=\"/\">Home</a> <a href=\"/terms\">Terms</a></footer></form></body></html>",
        post("ferry_fan", "Since the update my tablet will not download the timetable app over mobile data, only on wifi. Anyone else?"),
        post("harbourmaster", "Same here on two phones; the store shows the size limit message even for small apps."),
        post("ferry_fan", "Found it: the new setting under the store options allows large downloads over mobile data again."),
    );
    let a = page(&html);
    for kept in [
        "timetable app over mobile data",
        "size limit message",
        "allows large downloads",
    ] {
        assert!(a.text.contains(kept), "{kept}: {}", a.text);
    }
}

#[test]
fn short_date_lines_outside_the_text_date_the_page_only_when_they_agree() {
    let body = "<div class=\"main\"><h1>Opening hours of the town library</h1>\
<p>The town library opens from nine to six on weekdays and from ten to two on Saturdays, all year round.</p>\
<p>Members may borrow up to twenty books at a time and renew them twice online or at the desk.</p></div>";
    let one = format!("<html><body>{body}<div class=\"box\"><p>Book fair 03.05.2025</p></div></body></html>");
    assert_eq!(day(&page(&one)).as_deref(), Some("2025-05-03"));

    // A portal's list of events: each line has its own day, none of them the page's.
    let many = format!(
        "<html><body>{body}<div class=\"box\"><p>Book fair 03.05.2025</p><p>Reading night 14.06.2025</p></div></body></html>"
    );
    assert_eq!(day(&page(&many)), None);

    // A forum thread: the replies inside the text each carry their own day.
    let thread = "<html><body><div class=\"main\"><h1>Which bike for the hill roads?</h1>\
<p>I am looking for a bike that copes with steep gravel roads and still rides well on tarmac to work.</p>\
<p>Reply of 03.05.2025</p>\
<p>Take one with wide tyres and low gears; the frame matters less than most shops will tell you.</p>\
<p>Reply of 14.06.2025</p>\
<p>I rode a touring bike on those roads for years and never had a problem with it on the climbs.</p></div></body></html>";
    assert_eq!(day(&page(thread)), None);
}

#[test]
fn a_utc_time_near_midnight_takes_the_day_of_the_url() {
    let html = r#"<html><head><link rel="canonical" href="https://diary.example/2025/01/01/new-year-walk/">
<meta property="article:published_time" content="2024-12-31T23:20:00Z"></head>
<body><article><p>We walked up the hill at dawn on the first morning of the year and watched the fog lift over the town.</p></article></body></html>"#;
    let a = page(html);
    assert_eq!(day(&a).as_deref(), Some("2025-01-01"));
    assert_eq!(a.metadata["published_from"], "url");

    // With the publisher's offset stated, the instant's own day stands.
    let local = html.replace("2024-12-31T23:20:00Z", "2024-12-31T23:20:00+01:00");
    assert_eq!(day(&page(&local)).as_deref(), Some("2024-12-31"));
}

#[test]
fn a_utc_time_near_midnight_takes_the_neighbouring_day_the_page_shows() {
    let html = r#"<html><head><meta property="article:published_time" content="2025-03-09T23:30:00Z"></head>
<body><article><p>10.03.2025</p><p>The night train to the coast will run again from April, the rail company said on Monday.</p></article></body></html>"#;
    assert_eq!(day(&page(html)).as_deref(), Some("2025-03-10"));

    // At 08:00 UTC no real offset puts the instant on the next day: the shown day is another one.
    let morning = html.replace("T23:30:00Z", "T08:00:00Z");
    assert_eq!(day(&page(&morning)).as_deref(), Some("2025-03-09"));
}

#[test]
fn a_comment_article_is_never_the_text_root() {
    // Themes put each comment in its own <article>; a long comment must not outweigh a post in divs.
    let post: String = (1..=4)
        .map(|i| format!("<p>Paragraph {i} of the post: the orchard kept its old pear trees and the town planted forty more along the river path this spring.</p>"))
        .collect();
    let html = format!(
        "<html><body><div class=\"entry\">{post}</div>\
         <ol class=\"comment-list\"><li><article class=\"comment-body\"><p>A reader writes a long reply about pear varieties, grafting and the weather of the last ten springs in the valley, at some length.</p>\
         <p>And a second paragraph of the same reply, still about the pears and the path along the river.</p></article></li></ol></body></html>"
    );
    let a = page(&html);
    assert!(a.text.starts_with("Paragraph 1 of the post"), "{}", a.text);
    assert!(!a.text.contains("A reader writes"), "{}", a.text);
}

#[test]
fn a_small_article_box_loses_to_the_prose_beside_it() {
    // An <article> holding a call-to-action teaser, while the page's text sits in sibling divs.
    let sections: String = (1..=3)
        .map(|i| format!("<div class=\"text-element\"><h2>Step {i}</h2><p>Section {i}: the heat pump draws warmth from the ground through a loop of pipe buried below the frost line, and the house needs low flow temperatures.</p><p>More on section {i}, with the costs of drilling and the grants a household can claim.</p></div>"))
        .collect();
    let html = format!(
        "<html><body><article class=\"promo-card\"><p>Ask our advisers for a free quote today.</p></article>\
         <div class=\"content\">{sections}</div></body></html>"
    );
    let a = page(&html);
    for i in 1..=3 {
        assert!(
            a.text.contains(&format!("Section {i}: the heat pump")),
            "{}",
            a.text
        );
    }
}

#[test]
fn layout_modifier_classes_are_not_furniture() {
    // `has-ads` says the section carries ad slots, not that it is one.
    let html = "<html><body><section class=\"intro has-ads\"><div class=\"copy\">\
        <p>The skate park opens on Saturday after two years of building, with a bowl, rails and a long flat section for beginners.</p>\
        <p>The club will run free lessons every Sunday morning through the summer.</p></div></section>\
        <section class=\"related-articles\"><p>Another story about a different park in another town, written as a teaser.</p></section></body></html>";
    let a = page(html);
    assert!(a.text.contains("The skate park opens on Saturday"), "{}", a.text);
    assert!(a.text.contains("free lessons"), "{}", a.text);
}

#[test]
fn headings_of_furniture_and_trailing_headings_are_furniture() {
    let html = "<html><body><article>\
        <h2>A new bridge for the old town</h2>\
        <p>The council approved the footbridge on Tuesday after a year of debate about its cost and its look.</p>\
        <h2>Building starts in March</h2>\
        <p>Work will take nine months, and the river path stays open for walkers during the day.</p>\
        <h3>More from the valley</h3>\
        <ul class=\"related-links\"><li><a href=\"/a\">Ferry timetable changes</a></li><li><a href=\"/b\">Market moves to the square</a></li></ul>\
        <p>The bridge will be lit at night by lamps powered from the nearby weir.</p>\
        <h3>Photo gallery</h3>\
        </article></body></html>";
    let a = page(html);
    assert!(a.text.contains("Building starts in March"), "{}", a.text);
    assert!(!a.text.contains("More from the valley"), "{}", a.text);
    assert!(!a.text.contains("Photo gallery"), "{}", a.text);
    assert!(a.text.ends_with("powered from the nearby weir."), "{}", a.text);
}

#[test]
fn closing_promotions_of_the_publishers_channels_are_furniture() {
    let html = "<html><body><article>\
        <p>The lighthouse keeper retired on Friday after thirty-one years, and the light will now be run from the harbour office.</p>\
        <p>Visitors can still climb the tower on summer weekends, the harbour board said.</p>\
        <p>Her farewell was broadcast on the local station, and the <a href=\"/radio\">recording</a> is online.</p>\
        <p>Get every story first: download our app for <a href=\"https://apps.example/ios\">iOS</a> and <a href=\"https://apps.example/android\">Android</a>.</p>\
        <p>¿Ya nos sigues? Únete a nuestro canal de <a href=\"https://t.example/coast\">Telegram</a>.</p>\
        </article></body></html>";
    let a = page(html);
    assert!(a.text.contains("the recording is online."), "{}", a.text);
    assert!(!a.text.contains("download our app"), "{}", a.text);
    assert!(!a.text.contains("Telegram"), "{}", a.text);
    // A paragraph naming a channel without linking to it is reporting, and stays.
    let news = "<html><body><article>\
        <p>The ministry said the new rules apply from June and cover every messaging service.</p>\
        <p>Officials met the companies twice in May to explain the reporting duties.</p>\
        <p>Telegram did not answer a request for comment on Monday.</p></article></body></html>";
    assert!(page(news)
        .text
        .ends_with("Telegram did not answer a request for comment on Monday."));
}

#[test]
fn picture_credits_and_captions_by_class_are_furniture() {
    let html = "<html><body><article>\
        <p>The old mill reopened as a bakery on Saturday, and the queue reached the bridge by eight.</p>\
        <div class=\"post-image-credits\">Jana Novak | Valley Agency</div>\
        <p>The owners kept the millstones and the water wheel, which turns again for visitors.</p>\
        <p class=\"imagedescription\">The wheel on its first morning. © Valley Agency</p>\
        <small class=\"cssMediaTitle\">Millstones and wheel seen from the bridge</small>\
        <div class=\"image-text\"><p>Bread is baked in a wood oven built from the mill's own bricks, the owners said.</p></div>\
        </article></body></html>";
    let a = page(html);
    assert!(!a.text.contains("Jana Novak"), "{}", a.text);
    assert!(!a.text.contains("first morning"), "{}", a.text);
    assert!(!a.text.contains("seen from the bridge"), "{}", a.text);
    assert!(a.text.contains("wood oven"), "{}", a.text);
    assert!(
        a.boilerplate.iter().any(|b| b.reason == "caption"),
        "{:?}",
        a.boilerplate
    );
}

#[test]
fn text_split_over_sibling_section_boxes_is_kept_whole() {
    // A page builder: each section's text in its own wrapped box, headings between them, no <article>.
    let section = |i: usize, words: &str| {
        format!(
            "<div class=\"headline\"><h2>Part {i}</h2></div><div class=\"text-wrap\"><div class=\"text-box\"><p>Part {i} says {words}.</p><p>In part {i} the coach adds {words}.</p></div></div>"
        )
    };
    let body = [
        section(1, "that the cup quarter-final sends the second-division club against its former coach's brother, in a hall that holds twelve hundred"),
        section(2, "that both brothers grew up in the same village club and still train together in the summer"),
        section(3, "that the other three quarter-finals are played on Friday and Sunday"),
    ]
    .concat();
    let html = format!(
        "<html><body><nav><a href=\"/\">Home</a> <a href=\"/cup\">Cup</a></nav><div class=\"content\"><div class=\"col\">{body}</div></div></body></html>"
    );
    let a = page(&html);
    for i in 1..=3 {
        assert!(a.text.contains(&format!("Part {i} says")), "{}", a.text);
    }
}

#[test]
fn text_split_over_deeply_wrapped_section_boxes_is_kept_whole() {
    // Each section's text four boxes deep (section, wrap, inner, box), as page builders nest them.
    let section = |i: usize, words: &str| {
        format!(
            "<section class=\"sec\"><div class=\"wrap\"><div class=\"inner\"><div class=\"box\"><p>Section {i} reports {words}.</p><p>Section {i} adds that {words}.</p></div></div></div></section>"
        )
    };
    let body = [
        section(1, "that the heat pump market grew by two fifths in the first three quarters of the year"),
        section(2, "that gas boilers still make up most of the market although their sales fell by a tenth, while oil heating nearly halved"),
        section(3, "that air-to-water units grew fastest"),
    ]
    .concat();
    let html = format!(
        "<html><body><nav><a href=\"/\">Home</a> <a href=\"/heat\">Heat</a></nav><div class=\"page\"><div class=\"col\">{body}</div></div><footer class=\"site-copyright\"><p>All rights reserved by the publishing house, reuse only with written permission.</p></footer></body></html>"
    );
    let a = page(&html);
    for i in 1..=3 {
        assert!(a.text.contains(&format!("Section {i} reports")), "{}", a.text);
    }
}

#[test]
fn an_author_box_named_by_a_bare_author_class_or_id_is_furniture() {
    let html = "<html><body><article>\
        <p>The night ferry returns to the island route in April after two winters tied up in the harbour.</p>\
        <p>Tickets go on sale next week, and cabins for families are the first to be offered.</p>\
        <div id=\"author\" class=\"site-author row\"><h4>Mara Holm</h4><p>Reporter, sailor and father of two, writes about the islands since 2019.</p></div>\
        </article></body></html>";
    let a = page(html);
    assert!(a.text.contains("cabins for families"), "{}", a.text);
    assert!(!a.text.contains("father of two"), "{}", a.text);
}

#[test]
fn copyright_lines_by_class_are_furniture() {
    let html = "<html><body><article>\
        <p>The recipe makes one round cake of twenty-six centimetres and takes an hour and a half.</p>\
        <p>Let the cake cool in the tin before turning it out onto a plate.</p>\
        <div class=\"recipeCopyright\"><p class=\"recipe-copyright-text\">(c) 2026 Fictional Mills, all rights reserved</p></div>\
        </article></body></html>";
    let a = page(html);
    assert!(a.text.contains("cool in the tin"), "{}", a.text);
    assert!(!a.text.contains("all rights reserved"), "{}", a.text);
}

#[test]
fn pop_ups_and_consent_placeholders_are_furniture() {
    let html = "<html><body><article>\
        <p>The town library extends its opening hours from Monday, closing at nine on weekdays.</p>\
        <div class=\"rty-pop-up\"><p>Liked this story? Back local reporting with a small monthly gift.</p></div>\
        <div class=\"privacy-embed-preview\"><p>We respect your privacy: this post from a video service loads only after you agree.</p></div>\
        <div class=\"c-flyout\"><p>Every small donation helps the reading room.</p></div>\
        <div class=\"c-teaser\"><h3>Another story</h3><p>Swimming pool repairs start in spring, a teaser for another page.</p></div>\
        <div class=\"story-factbox\"><span class=\"factbox-header\">In numbers</span><p>Forty thousand loans a year pass through the county's branches.</p></div>\
        <p>Staff will be added from the autumn budget, the council said.</p></article></body></html>";
    let a = page(html);
    assert!(a.text.contains("closing at nine"), "{}", a.text);
    assert!(a.text.contains("autumn budget"), "{}", a.text);
    for gone in [
        "monthly gift",
        "respect your privacy",
        "small donation",
        "Swimming pool",
        "Forty thousand loans",
    ] {
        assert!(!a.text.contains(gone), "{gone}: {}", a.text);
    }
}

#[test]
fn a_short_sentence_around_a_date_is_an_event_not_a_date_line() {
    let body = "<div class=\"main\"><h1>Chess club</h1>\
<p>The chess club meets in the back room of the old mill and welcomes players of every strength and age.</p>\
<p>Boards and clocks are provided; bring a pen to record your games if you want them analysed.</p></div>";
    for line in [
        "The next club evening is on 5 February 2026 from 7 pm in the old mill.",
        "Der nächste Spielabend findet am Mi. 5. Februar 2026 ab 19 Uhr in der Mühle statt.",
        "La prochaine soirée du club aura lieu le 5 février 2026 à partir de 19 heures au moulin.",
    ] {
        let html = format!("<html><body>{body}<div class=\"box\"><p>{line}</p></div></body></html>");
        assert_eq!(day(&page(&html)), None, "{line}");
    }
    // A date line of a few words still dates the page.
    let html = format!(
        "<html><body>{body}<div class=\"box\"><p>Von Anna Berg, 5. Februar 2026</p></div></body></html>"
    );
    assert_eq!(day(&page(&html)).as_deref(), Some("2026-02-05"));
}

#[test]
fn a_date_after_lowercase_words_opening_a_paragraph_is_no_dateline() {
    let html = r#"<html><body><div class="content"><p>As of December 31, 2025, the cooperative ran 41 village shops in twelve districts,
including three that opened in the autumn after the bus line to the valley was cut back to two journeys a day.</p>
<p>Its members elect the board every other year at the spring assembly.</p></div></body></html>"#;
    assert_eq!(day(&page(html)), None);
    let html = html.replace("As of December 31, 2025, the", "LINDAU, 31.12.2025. The");
    assert_eq!(day(&page(&html)).as_deref(), Some("2025-12-31"));
}

#[test]
fn the_date_line_beside_the_headline_beats_times_of_embeds_and_other_posts() {
    for (line, want) in [
        (
            "<span>Dienstag,</span> <span>27. Januar 2026</span>",
            "2026-01-27",
        ),
        (
            "<span class=\"le\">Le </span><time>27 janvier 2026</time>",
            "2026-01-27",
        ),
        (
            "By <a href=\"/staff/ann\">Ann Lee</a> on January 27, 2026",
            "2026-01-27",
        ),
    ] {
        let html = format!(
            r#"<html><body><div class="page"><article><header><div class="kicker">Harbour</div>
<h1>The ferry returns to the island after a winter in the dock</h1><div class="info-bar">{line}</div></header>
<div class="body"><p>The old ferry was back on its route this morning after four months of repairs to its engines and hull.</p>
<p>Passengers queued from seven, and the first crossing was full within minutes of the ticket office opening.</p>
<blockquote class="embed-post"><p>Look who is back!</p><time datetime="2025-11-02T10:00:00+00:00">Nov 2, 2025</time></blockquote>
<p>The harbour master said the timetable would return to normal next week.</p></div></article>
<div class="more"><p><a href="/other">Bridge works</a> <time datetime="2026-01-30T08:00:00Z" pubdate>30 January</time></p></div>
</div></body></html>"#
        );
        let a = page(&html);
        assert_eq!(day(&a).as_deref(), Some(want), "{line}");
        assert_eq!(a.metadata["published_from"], "headline", "{line}");
    }
}

#[test]
fn glued_teaser_compounds_and_reaction_links_are_furniture() {
    let html = "<html><body><article>\
        <p>The rowing club has repaired its boathouse roof after the autumn storms took half of the tiles.</p>\
        <div class=\"contel newsteaser\"><a href=\"/other\"><h2>Cup draw: who plays whom in spring</h2></a></div>\
        <p>Members did most of the work themselves over four weekends, the treasurer said.</p>\
        <a class=\"article-reactions\" href=\"#replies\">Your reactions (12)</a></article></body></html>";
    let a = page(html);
    assert!(a.text.contains("boathouse roof"), "{}", a.text);
    assert!(a.text.contains("four weekends"), "{}", a.text);
    for gone in ["Cup draw", "Your reactions"] {
        assert!(!a.text.contains(gone), "{gone}: {}", a.text);
    }
}
