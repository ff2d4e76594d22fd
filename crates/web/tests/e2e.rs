//! End to end in a real headless Chromium, driven through chromedriver (W3C WebDriver over HTTP):
//! the story list, a facet filter, a story's lineage graph and quotes table, a comparison's
//! highlighted differences, an article holding script that must stay inert, and the static report
//! with no console errors. Screenshots go to `target/e2e/`. Skipped, loudly, without Chromium.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{json, Value};

use crate::util::{analysed, hostile_corpus, repo, start};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

struct Driver {
    child: Child,
    base: String,
    session: String,
    agent: ureq::Agent,
    _profile: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self
            .agent
            .delete(&format!("{}/session/{}", self.base, self.session))
            .call();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Driver {
    fn start() -> Driver {
        let port = free_port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let base = format!("http://127.0.0.1:{port}");
        let t = Instant::now();
        while agent.get(&format!("{base}/status")).call().is_err() {
            assert!(
                t.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().unwrap();
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1400,1000",
        ]
        .iter()
        .map(|s| s.to_string())
        .chain([format!("--user-data-dir={}", profile.path().display())])
        .collect::<Vec<_>>();
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": CHROMIUM, "args": args},
            "goog:loggingPrefs": {"browser": "ALL"}
        }}});
        let mut d = Driver {
            child,
            base,
            session: String::new(),
            agent,
            _profile: profile,
        };
        let v = d.post("/session", caps);
        d.session = v["sessionId"].as_str().expect("a session").to_string();
        d
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = if path == "/session" {
            format!("{}{path}", self.base)
        } else {
            format!("{}/session/{}{path}", self.base, self.session)
        };
        let mut res = match (method, body) {
            ("GET", _) => self.agent.get(&url).call(),
            (_, Some(b)) => self.agent.post(&url).send_json(b),
            (_, None) => self.agent.post(&url).send_json(json!({})),
        }
        .expect("webdriver request");
        let v: Value = serde_json::from_str(&res.body_mut().read_to_string().unwrap()).unwrap();
        assert!(v["value"]["error"].is_null(), "{method} {path}: {v}");
        v["value"].clone()
    }

    fn post(&self, path: &str, body: Value) -> Value {
        self.call("POST", path, Some(body))
    }

    fn goto(&self, url: &str) {
        self.post("/url", json!({"url": url}));
    }

    fn js(&self, script: &str) -> Value {
        self.post("/execute/sync", json!({"script": script, "args": []}))
    }

    fn click(&self, css: &str) {
        let el = self.post("/element", json!({"using": "css selector", "value": css}));
        let id = el[ELEMENT].as_str().unwrap_or_else(|| panic!("no element {css}"));
        self.post(&format!("/element/{id}/click"), json!({}));
    }

    fn count(&self, css: &str) -> u64 {
        self.js(&format!("return document.querySelectorAll({css:?}).length;"))
            .as_u64()
            .unwrap()
    }

    fn url(&self) -> String {
        self.call("GET", "/url", None).as_str().unwrap().to_string()
    }

    fn screenshot(&self, name: &str) -> PathBuf {
        let b64 = self.call("GET", "/screenshot", None);
        let png = base64::engine::general_purpose::STANDARD
            .decode(b64.as_str().unwrap())
            .unwrap();
        let dir = repo("target/e2e");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap();
        path
    }

    /// Console messages at SEVERE level since the last call (CSP violations and script errors).
    fn console_errors(&self) -> Vec<String> {
        let v = self.post("/se/log", json!({"type": "browser"}));
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter(|e| e["level"] == "SEVERE")
                    .map(|e| e["message"].as_str().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Set (as `.ci/run` does) to make a missing browser a failure instead of a skip.
const REQUIRED_ENV: &str = "WIRETRACE_E2E_REQUIRED";

fn chromium_missing() -> bool {
    let missing = !Path::new(CHROMIUM).exists() || !Path::new(CHROMEDRIVER).exists();
    assert!(
        !(missing && std::env::var_os(REQUIRED_ENV).is_some()),
        "{REQUIRED_ENV} is set but {CHROMIUM} or {CHROMEDRIVER} is missing"
    );
    if missing {
        #[allow(clippy::print_stderr)]
        {
            eprintln!(
                "SKIPPED: the end-to-end browser test needs {CHROMIUM} and {CHROMEDRIVER} \
                 (Debian: apt-get install chromium chromium-driver; .ci/run installs them)"
            );
        }
    }
    missing
}

fn page(addr: SocketAddr, path: &str) -> String {
    format!("http://{addr}{path}")
}

#[test]
fn a_real_browser_filters_the_list_and_shows_a_story_graph_quotes_and_differences() {
    if chromium_missing() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let addr = start(analysed(dir.path(), &[repo("examples/corpus")]));
    let d = Driver::start();

    d.goto(&page(addr, "/"));
    let all_rows = d.count("#story-table tbody tr");
    assert!(all_rows >= 3, "{all_rows} stories listed");
    d.screenshot("01-stories");
    let errors = d.console_errors();
    assert!(errors.is_empty(), "{errors:?}");

    // Filter by the language facet: a language only some stories have.
    d.click("section[data-facet=language] a[data-value=es]");
    assert!(d.url().contains("language=es"), "{}", d.url());
    let filtered = d.count("#story-table tbody tr");
    assert!(filtered >= 1 && filtered < all_rows, "{filtered} of {all_rows}");
    assert_eq!(
        d.js("return document.querySelector('section[data-facet=language] .active').textContent.trim().startsWith('es');"),
        json!(true)
    );
    d.screenshot("02-filtered-es");

    // Open the first story: its lineage graph and quotes table render.
    d.click("#story-table tbody tr td.headline a");
    assert!(d.url().contains("/stories/s"), "{}", d.url());
    assert!(d.count("svg.lineage circle.node") >= 2);
    assert!(d.count("svg.lineage path.edge") >= 1);
    let drawn = d.js("var b = document.querySelector('svg.lineage').getBoundingClientRect(); return b.width > 300 && b.height > 60;");
    assert_eq!(drawn, json!(true), "the graph has a visible size");
    assert!(d.count("table.quotes tbody tr") >= 1, "a quotes table");
    assert!(d.count("table.members tbody tr") >= 2);
    d.screenshot("03-story");

    // Compare a copy with its source: differing words are highlighted on both sides.
    d.click("table.members td a[href^='/compare']");
    assert!(d.url().contains("/compare?a="), "{}", d.url());
    assert!(d.count("table.passages td.side") >= 2);
    assert!(
        d.count("span.del") + d.count("span.ins") >= 1,
        "highlighted differences"
    );
    d.screenshot("04-compare");

    // An article page: reused passages link to the comparison.
    d.click("table.pairhead tr:nth-child(2) a[href^='/articles/']");
    assert!(d.count(".text a.reused") >= 1);
    d.screenshot("05-article");
    let errors = d.console_errors();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn a_real_browser_runs_no_script_from_article_data_and_the_report_opens_cleanly() {
    if chromium_missing() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let corpus = hostile_corpus(dir.path());
    let engine = analysed(dir.path(), &[corpus]);
    let report = wiretrace_web::report::render(&engine, "hostile").unwrap();
    let addr = start(engine);
    let d = Driver::start();
    for path in [
        "/?all=true",
        "/stories/s1",
        "/articles/a1",
        "/articles/a2",
        "/compare?a=a1&b=a2",
    ] {
        d.goto(&page(addr, path));
        // Hover and click everything an injected handler could hang on.
        d.js("document.querySelectorAll('*').forEach(function (e) { e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); }); return 0;");
        assert_eq!(d.js("return window.__xss === undefined;"), json!(true), "{path}");
        assert_eq!(d.count("main img, main script, main b, main i"), 0, "{path}");
        assert!(d.js("return document.body.textContent.indexOf('<script>window.__xss') >= 0 || document.body.textContent.indexOf('<img') >= 0;") == json!(true), "{path}: the markup shows as text");
    }
    d.goto(&page(addr, "/articles/a1"));
    d.screenshot("06-hostile-article");

    let file = repo("target/e2e/hostile-report.html");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, report).unwrap();
    d.goto(&format!("file://{}", file.display()));
    assert_eq!(d.js("return window.__xss === undefined;"), json!(true));
    let errors = d.console_errors();
    assert!(errors.is_empty(), "{errors:?}");

    // The example corpus report: the list filters in the browser, sections open by fragment.
    let dir2 = tempfile::tempdir().unwrap();
    let engine = analysed(dir2.path(), &[repo("examples/corpus")]);
    let file = repo("target/e2e/example-report.html");
    std::fs::write(
        &file,
        wiretrace_web::report::render(&engine, "example corpus").unwrap(),
    )
    .unwrap();
    d.goto(&format!("file://{}", file.display()));
    let visible = "return Array.prototype.filter.call(document.querySelectorAll('#story-table tbody tr'), function (r) { return !r.hidden; }).length;";
    let before = d.js(visible).as_u64().unwrap();
    d.click(".facets button[data-facet=language][data-value=es]");
    let after = d.js(visible).as_u64().unwrap();
    assert!(after >= 1 && after < before, "{after} of {before}");
    d.screenshot("07-report-filtered");
    d.click("#story-table tbody tr:not([hidden]) td.headline a");
    assert!(d.count(".view:target svg.lineage circle.node") >= 2);
    d.screenshot("08-report-story");
    let errors = d.console_errors();
    assert!(errors.is_empty(), "{errors:?}");
}
