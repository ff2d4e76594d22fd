//! HTTP behaviour: pages, the JSON API, 404s, 400s, read-only, headers, escaping.

use crate::util::{analysed, get, hostile_corpus, repo, start};

#[test]
fn pages_and_api_answer_and_unknown_ids_and_bad_parameters_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let addr = start(analysed(dir.path(), &[repo("examples/corpus")]));
    let (status, html, csp) = get(addr, "/");
    assert_eq!(status, 200);
    assert!(html.contains("id=\"story-table\""));
    let csp = csp.expect("a Content-Security-Policy on every page");
    assert!(
        csp.contains("default-src 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe")
    );

    let (status, body, _) = get(addr, "/api/stories?per_page=2&sort=time");
    assert_eq!(status, 200);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["rows"].as_array().unwrap().len(), 2);
    let id = v["rows"][0]["id"].as_str().unwrap().to_string();
    let (status, body, _) = get(addr, &format!("/api/stories/{id}"));
    assert_eq!(status, 200);
    let story: serde_json::Value = serde_json::from_str(&body).unwrap();
    let member = story["members"][1]["article"]["id"].as_str().unwrap().to_string();
    let source = story["members"][1]["source"]
        .as_str()
        .unwrap_or(&member)
        .to_string();
    assert_eq!(get(addr, &format!("/stories/{id}")).0, 200);
    assert_eq!(get(addr, &format!("/articles/{member}")).0, 200);
    assert_eq!(get(addr, &format!("/api/articles/{member}")).0, 200);
    assert_eq!(get(addr, &format!("/compare?a={source}&b={member}")).0, 200);
    assert_eq!(get(addr, &format!("/api/compare?a={source}&b={member}")).0, 200);
    let (status, body, _) = get(addr, "/api/search?q=pipeline");
    assert_eq!(status, 200);
    assert!(body.contains("\"articles\""));

    for path in ["/stories/s99999", "/articles/a99999", "/articles/zzz", "/nowhere"] {
        let (status, html, _) = get(addr, path);
        assert_eq!(status, 404, "{path}");
        assert!(html.contains("Not found"), "{path}: a page, not an empty body");
    }
    for path in ["/api/stories/s99999", "/api/articles/a99999", "/api/nothing"] {
        let (status, body, _) = get(addr, path);
        assert_eq!(status, 404, "{path}");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["status"], 404);
    }
    for path in [
        "/?page=0",
        "/?page=abc",
        "/?sort=colour",
        "/?date=yesterday",
        "/?per_page=99999999999999999999999",
        "/api/stories?reverse=maybe",
        "/api/stories?unknown=1",
        "/compare?a=a1",
        "/api/compare?a=a1&b=%3Cscript%3E",
        "/api/search?q=",
    ] {
        assert_eq!(get(addr, path).0, 400, "{path}");
    }
    // Read-only: nothing but GET is routed.
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let res = agent
        .post(&format!("http://{addr}/api/stories"))
        .send_empty()
        .unwrap();
    assert_eq!(res.status().as_u16(), 405);
}

#[test]
fn html_and_script_in_titles_outlets_and_text_render_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = hostile_corpus(dir.path());
    let engine = analysed(dir.path(), &[corpus]);
    let report = wiretrace_web::report::render(&engine, "<script>t</script>").unwrap();
    let addr = start(engine);
    let (_, list, _) = get(addr, "/?all=true");
    let (_, story, _) = get(addr, "/stories/s1");
    let (_, a1, _) = get(addr, "/articles/a1");
    let (_, a2, _) = get(addr, "/articles/a2");
    let (_, cmp, _) = get(addr, "/compare?a=a1&b=a2");
    for (name, html) in [
        ("list", &list),
        ("story", &story),
        ("a1", &a1),
        ("a2", &a2),
        ("compare", &cmp),
        ("report", &report),
    ] {
        assert!(
            !html.contains("<script>window"),
            "{name}: a script tag from the data"
        );
        assert!(!html.contains("<img src"), "{name}: an img tag from the data");
        assert!(!html.contains("<b>Kessel"), "{name}: markup from the data");
        assert!(
            !html.contains("<i onmouseover"),
            "{name}: an event handler from the data"
        );
        assert!(
            !html.contains("href=\"javascript:"),
            "{name}: a javascript: link from the data"
        );
    }
    assert!(
        a1.contains("&lt;script&gt;window.__xss=4&lt;/script&gt;Ferry ends"),
        "the title shows as text"
    );
    assert!(!report.contains("<title><script>"));
    // The report's own script and style are allowed by hash; nothing else is.
    assert!(report.contains("script-src 'sha256-"));
}

#[test]
fn the_story_page_lists_the_copies_that_carry_a_drift() {
    // fictional: B alters the wire's quote, C copies B
    let wire = "Engineers in Valdora said on Tuesday that the river dam would cost 240 million euros and take four years to finish, the largest public works project in the valley for a generation.\n\n\
\"We will open the gates only when the spring floods have passed,\" said chief engineer Mira Castell, who has led the project since its first survey.\n\n\
Farmers downstream have asked for a study of how the dam will change the river's flow in summer, when their orchards need the most water.";
    let b = wire.replace(
        "only when the spring floods have passed",
        "as soon as the spring floods are over",
    );
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    std::fs::create_dir(&corpus).unwrap();
    for (name, hour, body) in [
        ("1.md", 8, wire),
        ("2.md", 10, b.as_str()),
        ("3.md", 12, b.as_str()),
    ] {
        let text = format!("---\ntitle: Valdora dam\noutlet: Outlet {name}\ndate: 2026-03-10T{hour:02}:00:00Z\n---\n{body}\n");
        std::fs::write(corpus.join(name), text).unwrap();
    }
    let addr = start(analysed(dir.path(), &[corpus]));
    let (status, html, _) = get(addr, "/stories/s1");
    assert_eq!(status, 200);
    assert!(
        html.contains("carried on by its copies <a href=\"/articles/a3\">a3</a>"),
        "{html}"
    );
}
