//! `list-bench`: latency of the story list page under a bounded local load loop.
//!
//! ```text
//! cargo run --release -p wiretrace-web --example list-bench -- --db STORE.db [--requests 2000] [--clients 4]
//! ```
//!
//! Starts the server in-process on a loopback port (as `wiretrace serve` does), sends a warm-up
//! request (which builds the story index), then `--requests` list requests from `--clients`
//! keep-alive clients over a fixed mix of list URLs (default page, deep pages, every sort, facet
//! filters taken from the store's own facets, a search). Prints p50, p90, p99 and max latency for
//! the HTML page and the JSON API. The baseline, measured in the same run, is the cost of building
//! the list's rows from the store per request, as the CLI's `stories` command does once.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use wiretrace_engine::views::StoryQuery;
use wiretrace_engine::{Config, Engine};

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// Percent-encodes a query value.
fn enc(v: &str) -> String {
    v.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let db = arg(&args, "--db").ok_or("--db STORE.db is required")?;
    let requests: usize = arg(&args, "--requests").map_or(Ok(2000), |s| s.parse())?;
    let clients: usize = arg(&args, "--clients").map_or(Ok(4), |s| s.parse())?;

    // Baseline: the rows built from the store for one request (what a server without the index
    // would do per request).
    let t = Instant::now();
    let probe = Engine::open(std::path::Path::new(&db), Config::default())?;
    let index = probe.story_index()?;
    let build = t.elapsed();
    let facets = index.query(&StoryQuery::default()).facets;
    let total = index.rows().len();
    drop(index);
    let probe = Engine::open(std::path::Path::new(&db), Config::default())?;

    let engine = Engine::open(std::path::Path::new(&db), Config::default())?;
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    listener.set_nonblocking(true)?;
    let addr = listener.local_addr()?;
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
            axum::serve(listener, wiretrace_web::server::router(engine))
                .await
                .expect("serve");
        });
    });

    let mut paths = vec![
        "/".to_string(),
        "/?page=2".into(),
        "/?page=50".into(),
        "/?sort=time".into(),
        "/?sort=headline".into(),
        "/?sort=outlets&reverse=true".into(),
        "/?all=true".into(),
        "/?all=true&sort=time&page=100".into(),
        "/?q=minister".into(),
    ];
    if let Some(o) = facets.outlets.first() {
        paths.push(format!("/?outlet={}", enc(&o.value)));
    }
    if let Some(o) = facets.outlets.last() {
        paths.push(format!("/?outlet={}&sort=time", enc(&o.value)));
    }
    if let Some(l) = facets.languages.first() {
        paths.push(format!("/?language={}", enc(&l.value)));
    }
    if let Some(m) = facets.months.get(facets.months.len() / 2) {
        paths.push(format!("/?date={}", enc(&m.value)));
    }
    // The index query alone, per URL (no HTTP, no HTML), to see where a page's time goes.
    let probe_index = probe.story_index()?;
    for p in paths.iter().take(13) {
        let raw: Vec<(String, String)> = p
            .trim_start_matches("/?")
            .trim_start_matches('/')
            .split('&')
            .filter(|kv| !kv.is_empty())
            .map(|kv| {
                let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
                (k.to_string(), v.replace("%20", " "))
            })
            .collect();
        let q = wiretrace_web::params::story_query(&raw).map_err(|e| e.0)?;
        let t = Instant::now();
        std::hint::black_box(probe_index.query(&q));
        let cold = t.elapsed();
        let t = Instant::now();
        let runs = 20;
        for _ in 0..runs {
            std::hint::black_box(probe_index.query(&q));
        }
        println!(
            "  index query {p}: first (one pass over every story) {}, repeated (recent answer) {}",
            ms(cold),
            ms(t.elapsed() / runs)
        );
    }
    // Deep pages of every listing: paging reuses a query's answer.
    for n in 1..=40 {
        paths.push(format!("/?page={n}"));
        paths.push(format!("/?all=true&sort=time&page={}", n * 7));
    }
    let api: Vec<String> = paths.iter().map(|p| p.replacen('/', "/api/stories", 1)).collect();

    let agent: ureq::Agent = ureq::Agent::config_builder().build().into();
    let t = Instant::now();
    agent.get(&format!("http://{addr}/")).call()?;
    let first = t.elapsed();

    for (name, set) in [("HTML list page", &paths), ("JSON /api/stories", &api)] {
        let lat = Arc::new(Mutex::new(Vec::with_capacity(requests)));
        let t = Instant::now();
        let handles: Vec<_> = (0..clients)
            .map(|c| {
                let lat = Arc::clone(&lat);
                let set = set.clone();
                std::thread::spawn(move || {
                    let agent: ureq::Agent = ureq::Agent::config_builder().build().into();
                    for i in (c..requests).step_by(clients) {
                        let url = format!("http://{addr}{}", set[i % set.len()]);
                        let s = Instant::now();
                        let mut res = agent.get(&url).call().expect("request");
                        let _ = res.body_mut().read_to_vec().expect("body");
                        lat.lock().unwrap().push(s.elapsed());
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().expect("client");
        }
        let wall = t.elapsed();
        let mut l = lat.lock().unwrap().clone();
        l.sort();
        println!(
            "{name}: {} requests, {clients} clients, {} URLs: p50 {}, p90 {}, p99 {}, max {}; {:.0} requests/s",
            l.len(),
            set.len(),
            ms(percentile(&l, 0.50)),
            ms(percentile(&l, 0.90)),
            ms(percentile(&l, 0.99)),
            ms(*l.last().unwrap()),
            l.len() as f64 / wall.as_secs_f64()
        );
    }
    println!("store: {db}, {total} stories");
    println!("first request (builds the story index): {}", ms(first));
    println!(
        "baseline, rows built from the store for one request: {}",
        ms(build)
    );
    Ok(())
}
