//! Publication dates of real page shapes, written as small fictional pages: generic metas against the
//! article's own marks, the page's own teaser, day-first and compact URL dates, the lead image's URL, a
//! visible change stamp, a site header's clock, a date-only meta a day off, a revision shown alone, a
//! post's own footer.

use wiretrace_ingest::{read_bytes, Article, Config};

fn page(html: &str) -> Article {
    match read_bytes(&Config::default(), "site/page.html", html.as_bytes()).remove(0) {
        Ok(a) => a,
        Err(e) => panic!("{e}"),
    }
}

fn day(a: &Article) -> Option<String> {
    a.published.map(|p| p.date_naive().to_string())
}

fn from(a: &Article) -> Option<&str> {
    a.metadata.get("published_from").and_then(|v| v.as_str())
}

const BODY: &str = "<p>The new harbour crane arrived on Thursday and starts work next week at the container \
    quay, where it will lift the heaviest loads the port has handled so far.</p>\
    <p>The harbour office said the old crane stays in service for smaller ships until the summer.</p>";

#[test]
fn a_generic_meta_date_yields_to_the_articles_own_mark_days_away() {
    // A CMS record date (`date`, `DCTERMS.date`) a week before the article's own `itemprop` date.
    let html = format!(
        "<html><head><meta name=\"date\" content=\"2026-02-26T15:38:44+01:00\">\
         <meta name=\"DCTERMS.date\" content=\"2026-02-26T15:38:44+01:00\"></head><body>\
         <div class=\"news-single\"><h3>Crane arrives</h3><div class=\"footer\"><span class=\"news-list-date\">\
         <time itemprop=\"datePublished\" datetime=\"2026-03-05\">05.03.2026</time></span></div>{BODY}</div></body></html>"
    );
    let a = page(&html);
    assert_eq!(day(&a).as_deref(), Some("2026-03-05"));
    assert_eq!(from(&a), Some("itemprop"));
    // A day apart is the publisher's local day: the meta keeps it.
    let html = html.replace("2026-02-26T15:38:44", "2026-03-06T00:38:44");
    let a = page(&html);
    assert_eq!(day(&a).as_deref(), Some("2026-03-05"), "{:?}", a.published);
    assert_eq!(from(&a), Some("meta"));
}

#[test]
fn the_pages_own_teaser_in_a_list_of_latest_articles_dates_it() {
    // German: the article's header shows no date; the list of latest articles holds the page itself.
    let teaser = |href: &str, date: &str, title: &str| {
        format!(
            "<div class=\"views-row\"><a href=\"{href}\"><div class=\"teaser\"><div class=\"authored\">{date}</div>\
             <h2>{title}</h2><p>Ein kurzer Anriss der Meldung.</p></div></a></div>"
        )
    };
    let html = format!(
        "<html><head><link rel=\"canonical\" href=\"https://verband.example/hafenkran-kommt\"></head><body>\
         <article><h1>Der Hafenkran kommt</h1>{BODY}</article><aside class=\"latest\">{}{}{}</aside></body></html>",
        teaser("/neue-faehre", "11.03.2026", "Neue Fähre"),
        teaser("/hafenkran-kommt", "10.03.2026", "Der Hafenkran kommt"),
        teaser("/alte-werft", "09.03.2026", "Alte Werft")
    );
    let a = page(&html);
    assert_eq!(day(&a).as_deref(), Some("2026-03-10"));
    assert_eq!(from(&a), Some("teaser"));
    // A link to the page from a comment (its permalink) is the comment's date, not the page's.
    let comment =
        "<html><head><link rel=\"canonical\" href=\"https://verband.example/hafenkran-kommt\"></head><body>\
         <article><h1>Der Hafenkran kommt</h1>BODY</article><div class=\"comments\"><div class=\"c\">\
         <a href=\"https://verband.example/hafenkran-kommt\">Anna</a> 12.03.2026</div></div></body></html>"
            .replace("BODY", BODY);
    assert_eq!(day(&page(&comment)), None);
    // French, relative `og:url`, the date in the teaser's footer beside the linked title.
    let html = format!(
        "<html><head><meta property=\"og:url\" content=\"/societe/la-grue-arrive-2497\"></head><body>\
         <main><h1>La grue arrive</h1>{BODY}</main><div class=\"slider\">\
         <article class=\"default-teaser\"><h2><a href=\"/societe/la-grue-arrive-2497\">La grue arrive</a></h2>\
         <footer><span class=\"teaser-date\">18 mars 2026</span></footer></article>\
         <article class=\"default-teaser\"><h2><a href=\"/monde/autre-sujet-2391\">Autre sujet</a></h2>\
         <footer><span class=\"teaser-date\">2 février 2026</span></footer></article></div></body></html>"
    );
    let a = page(&html);
    assert_eq!(day(&a).as_deref(), Some("2026-03-18"));
    assert_eq!(from(&a), Some("teaser"));
}

#[test]
fn day_first_and_compact_dates_in_the_url() {
    for (url, want) in [
        ("https://verein.example/meldungen/29-10-2025", Some("2025-10-29")),
        (
            "https://news.example/nachrichten/20260305/kran",
            Some("2026-03-05"),
        ),
        // Day and month could be swapped: no date.
        ("https://verein.example/meldungen/03-05-2026", None),
    ] {
        let html = format!(
            "<html><head><link rel=\"canonical\" href=\"{url}\"></head><body><article>{BODY}</article></body></html>"
        );
        let a = page(&html);
        assert_eq!(day(&a).as_deref(), want, "{url}");
        if want.is_some() {
            assert_eq!(from(&a), Some("url"));
        }
    }
}

#[test]
fn the_lead_images_url_dates_a_page_with_no_other_clue() {
    let html = format!(
        "<html><head><meta property=\"og:image\" content=\"https://org.example/files/2026/05/04/report-og.png\">\
         </head><body><article><h1>Annual report</h1>{BODY}</article></body></html>"
    );
    let a = page(&html);
    assert_eq!(day(&a).as_deref(), Some("2026-05-04"));
    assert_eq!(from(&a), Some("image"));
    // Lead images of different days disagree: no date. A camera's eight-digit shot time is none either.
    let two = html.replace(
        "</head>",
        "<meta name=\"twitter:image\" content=\"https://org.example/files/2026/04/30/x.png\"></head>",
    );
    assert_eq!(day(&page(&two)), None);
    let camera = html.replace("files/2026/05/04/report-og.png", "img/IMG_20260504_101500.jpg");
    assert_eq!(day(&page(&camera)), None);
}

#[test]
fn the_site_logo_heading_is_not_the_articles_headline() {
    // French: the site's name is the page's first `<h1>`; the article's header (headline and date line)
    // comes after it, and a list of other posts with `<time pubdate>` follows the text.
    let html = format!(
        "<html><body><h1 id=\"logo_site\"><a href=\"/\"><img src=\"/logo.png\" alt=\"Le Port\"></a></h1>\
         <div class=\"content\"><header class=\"cartouche\"><p class=\"surtitre\">Chronique</p>\
         <h1 class=\"titre\">La grue arrive au port</h1><p class=\"publication\">Le <time datetime=\"2026-06-28T13:49:45Z\">28 juin 2026</time></p></header>\
         <div class=\"main\">{BODY}</div></div>\
         <div class=\"derniers\"><div class=\"item\"><a href=\"/autre\">Un autre sujet</a>\
         <p>Le <time datetime=\"2026-09-22T07:30:29Z\" pubdate>22 septembre</time>, par Paul.</p></div></div></body></html>"
    );
    let a = page(&html);
    assert_eq!(day(&a).as_deref(), Some("2026-06-28"));
    assert_eq!(from(&a), Some("headline"));
}

#[test]
fn a_published_line_in_teaser_classes_inside_the_text_dates_the_page() {
    // A template reuses its teaser classes for the article's own date line, after the text; the only
    // other date is the modification time.
    for (cue, date, want) in [
        ("Erschienen am", "26. Jan 2026", "2026-01-26"),
        ("Publicado el", "26 de enero de 2026", "2026-01-26"),
        ("Opublikowano", "26 stycznia 2026", "2026-01-26"),
    ] {
        let html = format!(
            "<html><head><meta property=\"og:updated_time\" content=\"2026-01-27T18:34:20+0100\"></head><body>\
             <div class=\"article\"><h1>Hafenkran</h1>{BODY}<p>Mehr Informationen auf der Seite des Hafens.</p>\
             <p class=\"c-teaser__meta\"><span class=\"aural\">{cue}</span> <span>{date}</span> <span>Aktuelles</span></p>\
             </div></body></html>"
        );
        let a = page(&html);
        assert_eq!(day(&a).as_deref(), Some(want), "{cue}");
        assert_eq!(from(&a), Some("text"), "{cue}");
    }
    // Teasers of other stories inside the text, each "published" on another day: no date from them.
    let html = format!(
        "<html><body><div class=\"article\"><h1>Hafenkran</h1>{BODY}\
         <div class=\"teaser\"><a href=\"/a\">Neue Fähre</a> <span>Veröffentlicht am 3. März 2026</span></div>\
         <div class=\"teaser\"><a href=\"/b\">Alte Werft</a> <span>Veröffentlicht am 1. März 2026</span></div>\
         </div></body></html>"
    );
    assert_eq!(day(&page(&html)), None);
}

#[test]
fn a_sentence_in_a_date_line_class_dates_the_page_only_with_a_publication_word() {
    // A notice in an `info` box states an event's days: no date line.
    let notice = format!(
        "<html><body><div class=\"article\"><h2>Tunnel</h2>{BODY}<div class=\"info\">Der Tunnel wird vom 24. April bis \
         2. Oktober 2026 gesperrt, die Umleitung führt über die alte Landstraße. Lesen Sie mehr dazu hier.</div>\
         </div></body></html>"
    );
    assert_eq!(day(&page(&notice)), None);
    // A post's meta sentence with the participle after the date (German, Dutch) is the publication.
    for line in [
        "Dieser Beitrag wurde am Samstag, 3. Oktober 2026 um 10:12 Uhr von Anna veröffentlicht und unter Hafen abgelegt.",
        "Dit bericht werd op zaterdag 3 oktober 2026 om 10:12 door Anna gepubliceerd in de rubriek Haven en Scheepvaart.",
    ] {
        let html = format!(
            "<html><body><div class=\"post\"><h2>Kran</h2>{BODY}<div class=\"postmetadata\">{line}</div></div></body></html>"
        );
        let a = page(&html);
        assert_eq!(day(&a).as_deref(), Some("2026-10-03"), "{line}");
    }
}

#[test]
fn a_generic_meta_date_yields_to_the_one_date_line_of_the_text() {
    // Italian: the record's `date` meta is a week after the date line opening the notice.
    let html = format!(
        "<html><head><meta name=\"date\" content=\"2026-02-12\"></head><body><div class=\"news-single-item\">\
         <div class=\"news-single-timedata\">5 febbraio 2026 - Redazione</div>{BODY}</div></body></html>"
    );
    let a = page(&html);
    assert_eq!(day(&a).as_deref(), Some("2026-02-05"));
    // Date lines of a list of events disagree: the meta keeps the page.
    let events = html.replace(
        "</div></body>",
        "<ul><li><span class=\"when\">29 febbraio 2028</span> Degustazione</li>\
         <li><span class=\"when\">4 aprile 2026</span> Cena</li></ul></div></body>",
    );
    let a = page(&events);
    assert_eq!(day(&a).as_deref(), Some("2026-02-12"));
    assert_eq!(from(&a), Some("meta"));
}

#[test]
fn a_page_with_no_other_date_takes_its_visible_change_stamp() {
    // A wiki page: no date metas, no article date line; its footer stamps the last change.
    let wiki = format!(
        "<html><head><title>Stammtisch</title></head><body><div id=\"content\"><h1>Stammtisch</h1>{BODY}</div>\
         <div id=\"footer\"><ul><li id=\"footer-info-lastmod\">Diese Seite wurde zuletzt am 12. März 2026 um \
         10:22 Uhr geändert.</li><li>Diese Seite wurde bisher 1.385 mal abgerufen.</li></ul></div></body></html>"
    );
    let a = page(&wiki);
    assert_eq!(day(&a).as_deref(), Some("2026-03-12"));
    assert_eq!(from(&a), Some("stamp"));
    // A city portal's print footer: "Stand" (as of).
    let portal = format!(
        "<html><body><main><h2>Aktuelles aus der Stadt</h2>{BODY}</main>\
         <p class=\"print\">Quelle: Stadtportal<br>[Stand: 09.03.2026, 01:40 Uhr]</p></body></html>"
    );
    assert_eq!(day(&page(&portal)).as_deref(), Some("2026-03-09"));
    // Stamps of different days (a list of changed items) date nothing.
    let list = portal.replace(
        "</main>",
        "<ul><li>Fahrplan (zuletzt geändert 02.03.2026)</li><li>Gebühren (zuletzt geändert 05.03.2026)</li></ul></main>",
    );
    assert_eq!(day(&page(&list)), None);
    // A publication clue still comes first.
    let dated = wiki.replace(
        "<head>",
        "<head><meta property=\"article:published_time\" content=\"2026-03-01T09:00:00+01:00\">",
    );
    assert_eq!(day(&page(&dated)).as_deref(), Some("2026-03-01"));
}

#[test]
fn a_site_header_clock_yields_to_the_texts_own_date_line() {
    // The site header shows today's date in a `<time>`; the column's own date line opens its text, and
    // the text goes on to list the column's earlier instalments with their dates.
    let html = format!(
        "<html><body><div id=\"head\"><header><div class=\"navtop\"><span class=\"clock\">\
         <time datetime=\"2026-03-12T13:56:20+01:00\">Donnerstag, 12. März 2026</time></span></div></header></div>\
         <main><h2>Kolumne: Der Kran</h2><div class=\"intro\"><p><span class=\"text_datum\">10. März 2026.</span> \
         Ein neuer Kran kommt in den Hafen.</p></div><div class=\"body\">{BODY}</div>\
         <div class=\"more\"><p><span class=\"text_datum\">3. März 2026.</span> Die alte Werft.</p>\
         <p><span class=\"text_datum\">24. Februar 2026.</span> Die neue Fähre.</p></div></main></body></html>"
    );
    let a = page(&html);
    assert_eq!(day(&a).as_deref(), Some("2026-03-10"), "{:?}", from(&a));
    // Without a date line in the text, the page's `<time>` still dates it.
    let bare = html
        .replace("<span class=\"text_datum\">10. März 2026.</span>", "")
        .replace("<div class=\"more\">", "<div class=\"more\" hidden>");
    let bare = bare.split("<div class=\"more\"").next().unwrap().to_string() + "</main></body></html>";
    assert_eq!(day(&page(&bare)).as_deref(), Some("2026-03-12"));
}

#[test]
fn a_date_only_meta_one_day_from_the_header_line_takes_the_visible_day() {
    // A date-only `itemprop` meta (computed in another zone) the day before the header's date line.
    let html = format!(
        "<html><head><meta itemprop=\"datePublished\" content=\"2026-03-09\"></head><body><article>\
         <header><h1>Der Kran kommt</h1><div class=\"metainfo\"><span>Anna Weber</span> \
         <time class=\"metainfo__date\">10.03.2026, 05:00 Uhr</time></div></header>{BODY}</article></body></html>"
    );
    let a = page(&html);
    assert_eq!(day(&a).as_deref(), Some("2026-03-10"));
    assert_eq!(from(&a), Some("meta"));
    // A header line two days away is another day, not a zone: the meta stands.
    let far = html.replace("10.03.2026", "11.03.2026");
    assert_eq!(day(&page(&far)).as_deref(), Some("2026-03-09"));
}

#[test]
fn a_page_showing_only_its_revision_day_is_dated_by_it() {
    // A recipe page: the markup's creation date is years old, the only date line shown is the update.
    let html = format!(
        "<html><head><meta property=\"article:published_time\" content=\"2019-01-01T00:00:00Z\">\
         <meta property=\"article:modified_time\" content=\"2026-03-13T08:04:01Z\"></head><body><article>\
         <h1>Upside-down cake</h1><div class=\"recipeDate\">Updated March 13, 2026</div>{BODY}</article></body></html>"
    );
    let a = page(&html);
    assert_eq!(day(&a).as_deref(), Some("2026-03-13"));
    assert_eq!(from(&a), Some("revision"));
    // A bare date line of the revision's day (no "updated" word) is read the same way.
    let bare = html.replace("Updated March 13, 2026", "13.03.2026");
    assert_eq!(day(&page(&bare)).as_deref(), Some("2026-03-13"));
    // When the page also shows the published day, that day stands.
    let both = html.replace(
        "Updated March 13, 2026",
        "Published January 1, 2019 · Updated March 13, 2026",
    );
    assert_eq!(day(&page(&both)).as_deref(), Some("2019-01-01"));
    // A date line of another day than the modification is no revision.
    let other = html.replace("Updated March 13, 2026", "March 10, 2026");
    assert_ne!(day(&page(&other)).as_deref(), Some("2026-03-13"));
}

#[test]
fn a_posts_own_footer_outside_its_text_box_dates_it() {
    // A blog template closes the post with a footer after an ad widget, outside the text's box.
    let html = format!(
        "<html><body><div id=\"main\"><div class=\"text\"><h1>Ein Kran aus Lego</h1>{BODY}</div>\
         <div class=\"widget\"><div class=\"textwidget\">Anzeige</div></div>\
         <div class=\"post-footer\">Dieser Artikel wurde am 14. März 2026 um 14:48 von <a href=\"/author/heiner\">\
         Heiner</a> geschrieben und unter dem Stichwort <a href=\"/tag/lego\">Lego</a> abgelegt.</div></div>\
         <div id=\"footer\">Impressum · 12.02.2026 Datenschutz aktualisiert</div></body></html>"
    );
    let a = page(&html);
    assert_eq!(day(&a).as_deref(), Some("2026-03-14"));
    assert_eq!(from(&a), Some("text"));
    // The page's own footer is still no date of the page.
    let plain = html.replace("post-footer", "site-footer");
    assert_ne!(day(&page(&plain)).as_deref(), Some("2026-03-14"));
}
