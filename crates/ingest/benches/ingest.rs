//! Ingest throughput per format, single thread: `cargo bench -p wiretrace-ingest`.
//!
//! Generates a seeded synthetic corpus in memory (news-like paragraphs with some non-ASCII text and
//! curly quotes): HTML pages with full site furniture (nav, header, ad slots, share bar, newsletter box,
//! related list, most-read aside, footer, JSON-LD), JSONL lines, Markdown with front matter, plain text,
//! RSS feeds of 50 items with HTML bodies, and a per-record-gzip WARC. Each format gets about
//! `WIRETRACE_BENCH_MB` MB (default 50) and is read once after a warm-up; the figures are MB/s of input
//! (by wall clock and by the thread's CPU time, which stays meaningful on a loaded machine) and
//! articles/s. Targets: JSONL ≥ 100 MB/s, HTML ≥ 20 MB/s per core.
#![allow(clippy::print_stdout)]

use std::io::Write;
use std::time::Instant;

use wiretrace_ingest::{read_bytes, Config};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "the",
    "minister",
    "said",
    "on",
    "Tuesday",
    "that",
    "budget",
    "would",
    "be",
    "balanced",
    "next",
    "year",
    "officials",
    "confirmed",
    "storm",
    "coast",
    "homes",
    "flooded",
    "company",
    "shares",
    "rose",
    "percent",
    "after",
    "report",
    "police",
    "investigation",
    "council",
    "election",
    "voters",
    "campaign",
    "market",
    "growth",
    "economy",
    "café",
    "résumé",
    "naïve",
    "government",
    "announced",
    "plans",
    "to",
    "build",
    "new",
    "houses",
    "in",
    "the",
    "region",
    "of",
    "and",
    "a",
    "was",
    "were",
    "by",
    "with",
    "for",
    "its",
    "from",
];

fn sentence(r: &mut Rng) -> String {
    let n = 8 + r.below(18);
    let mut s = String::new();
    for i in 0..n {
        let w = WORDS[r.below(WORDS.len())];
        if i == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                s.extend(f.to_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push(' ');
            s.push_str(w);
        }
    }
    if r.below(5) == 0 {
        s.push_str(", he said: “we will act now”");
    }
    s.push('.');
    s
}

fn paragraphs(r: &mut Rng) -> Vec<String> {
    (0..6 + r.below(10))
        .map(|_| {
            (0..2 + r.below(4))
                .map(|_| sentence(r))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;")
}

fn html_page(r: &mut Rng, i: usize) -> String {
    let ps = paragraphs(r);
    let title = sentence(r);
    let mut body = String::new();
    for (k, p) in ps.iter().enumerate() {
        body.push_str(&format!("      <p>{}</p>\n", esc(p)));
        if k == 2 {
            body.push_str(
                "      <div class=\"share-box\"><p>Share this article: Facebook | X | Email</p></div>\n",
            );
        }
        if k == 4 {
            body.push_str("      <p class=\"inline-promo\">Advertisement</p>\n");
        }
    }
    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{t} | Outlet {o}</title>
<meta property="og:site_name" content="Outlet {o}"><meta property="og:title" content="{t}">
<meta property="article:published_time" content="2025-05-{d:02}T10:{m:02}:00Z"><meta name="author" content="Jane Doe">
<link rel="canonical" href="https://outlet{o}.example/{i}">
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"{t}","author":{{"name":"Jane Doe"}}}}</script>
<script>window.dataLayer = window.dataLayer || [];</script><style>body{{font-family:serif}} .ad-slot{{min-height:250px}}</style>
</head><body>
<nav class="site-nav"><ul><li><a href="/uk">UK</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<header class="masthead"><a href="/" class="logo">Outlet {o}</a><form class="search"><input name="q"></form></header>
<div class="ad-slot ad-leaderboard" data-ad-unit="top">Advertisement</div>
<main><article>
      <h1>{t}</h1><p class="byline">By Jane Doe</p><time datetime="2025-05-{d:02}T10:00:00Z">{d} May 2025</time>
{body}      <div class="newsletter-box"><p>Sign up for our newsletter to get the top stories every morning.</p></div>
      <div class="related"><p>Related stories:</p><ul><li><a href="/a">One story here</a></li><li><a href="/b">Another story there</a></li></ul></div>
</article>
<aside class="most-read"><h2>Most read</h2><ol><li><a href="/1">First popular</a></li><li><a href="/2">Second popular</a></li></ol></aside>
</main><footer><p>&copy; 2025 Outlet {o}.</p><p><a href="/privacy">Privacy</a> | <a href="/contact">Contact</a></p></footer>
</body></html>
"#,
        t = esc(&title),
        o = i % 40,
        d = 1 + i % 28,
        m = i % 60,
        body = body
    )
}

fn jsonl_line(r: &mut Rng, i: usize) -> String {
    let v = serde_json::json!({
        "id": format!("rec-{i}"),
        "url": format!("https://outlet{}.example/{i}", i % 40),
        "title": sentence(r),
        "outlet": format!("Outlet {}", i % 40),
        "published": format!("2025-05-{:02}T10:00:00Z", 1 + i % 28),
        "text": paragraphs(r).join("\n\n"),
    });
    let mut s = v.to_string();
    s.push('\n');
    s
}

fn markdown(r: &mut Rng, i: usize) -> String {
    let ps = paragraphs(r);
    format!(
        "---\nlayout: post\ntitle: \"{}\"\ndate: 2025-05-{:02} 10:00:00 +0000\noutlet: \"Outlet {}\"\nauthor: Jane Doe\ncategories: [news]\n---\n\n{}\n",
        sentence(r),
        1 + i % 28,
        i % 40,
        ps.iter().enumerate().map(|(k, p)| if k == 1 { format!("*{p}* [link](http://x)") } else { p.clone() }).collect::<Vec<_>>().join("\n\n")
    )
}

fn text(r: &mut Rng) -> String {
    format!("{}\n\n{}\n", sentence(r), paragraphs(r).join("\n\n"))
}

fn rss(r: &mut Rng, items: usize) -> String {
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Roundup</title>\n");
    for i in 0..items {
        let body: String = paragraphs(r)
            .iter()
            .map(|p| format!("<p>{}</p>\n", esc(p)))
            .collect();
        s.push_str(&format!(
            "<item><title>{}</title><link>https://x.example/{i}</link><pubDate>Wed, 10 Dec 2025 21:55:00 +0000</pubDate><dc:creator>Jane Doe</dc:creator><content:encoded><![CDATA[<div class=\"nav-box\"><p>Home | World</p></div>\n{body}]]></content:encoded></item>\n",
            esc(&sentence(r))
        ));
    }
    s.push_str("</channel></rss>\n");
    s
}

fn warc_record(page: &str, i: usize) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}");
    let rec = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/{i}\r\nWARC-Date: 2025-05-01T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    );
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(rec.as_bytes()).expect("in-memory gzip");
    e.finish().expect("in-memory gzip")
}

/// CPU time of this thread in seconds (Linux `/proc/thread-self/stat`, clock ticks of 1/100 s), so the
/// figures hold on a machine shared with other jobs; `None` elsewhere.
fn thread_cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 1..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn report(name: &str, bytes: usize, articles: usize, secs: f64, cpu: Option<f64>) {
    let cpu_rate = cpu
        .filter(|c| *c > 0.0)
        .map_or("n/a".to_string(), |c| format!("{:.1}", bytes as f64 / 1e6 / c));
    println!(
        "{name:<10} {:>8.1} MB  {:>8} articles  {:>7.2} s wall  {:>7.1} MB/s wall  {:>7} MB/s cpu  {:>8.0} articles/s wall",
        bytes as f64 / 1e6,
        articles,
        secs,
        bytes as f64 / 1e6 / secs,
        cpu_rate,
        articles as f64 / secs
    );
}

/// Reads each named input once and reports; returns the article count.
fn run(name: &str, inputs: &[(String, Vec<u8>)]) {
    let cfg = Config::default();
    let bytes: usize = inputs.iter().map(|(_, b)| b.len()).sum();
    // Warm-up on a slice.
    for (n, b) in inputs.iter().take(inputs.len().min(20)) {
        std::hint::black_box(read_bytes(&cfg, n, b));
    }
    let t = Instant::now();
    let cpu0 = thread_cpu_secs();
    let mut articles = 0;
    let mut errors = 0;
    for (n, b) in inputs {
        for r in read_bytes(&cfg, n, b) {
            match r {
                Ok(a) => {
                    articles += 1;
                    std::hint::black_box(a);
                }
                Err(_) => errors += 1,
            }
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let cpu = thread_cpu_secs().zip(cpu0).map(|(b, a)| b - a);
    assert_eq!(errors, 0, "{name}: the synthetic corpus must read without errors");
    report(name, bytes, articles, secs, cpu);
}

fn main() {
    // `cargo bench` passes `--bench`; any other argument is a format filter.
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let want = |f: &str| filter.is_empty() || filter.iter().any(|x| f.contains(x.as_str()));
    let target: usize = std::env::var("WIRETRACE_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50)
        * 1_000_000;
    let mut r = Rng(0x2545F4914F6CDD1D);
    println!(
        "ingest benchmark, single thread, ~{} MB per format",
        target / 1_000_000
    );
    if want("jsonl") {
        let mut buf = String::new();
        let mut i = 0;
        while buf.len() < target {
            buf.push_str(&jsonl_line(&mut r, i));
            i += 1;
        }
        // One big file, as a JSONL dump is.
        run("jsonl", &[("dump.jsonl".to_string(), buf.into_bytes())]);
    }
    if want("html") {
        let mut inputs = Vec::new();
        let mut total = 0;
        while total < target {
            let p = html_page(&mut r, inputs.len());
            total += p.len();
            inputs.push((format!("site/{}.html", inputs.len()), p.into_bytes()));
        }
        run("html", &inputs);
    }
    if want("markdown") {
        let mut inputs = Vec::new();
        let mut total = 0;
        while total < target {
            let p = markdown(&mut r, inputs.len());
            total += p.len();
            inputs.push((format!("site/{}.md", inputs.len()), p.into_bytes()));
        }
        run("markdown", &inputs);
    }
    if want("txt") {
        let mut inputs = Vec::new();
        let mut total = 0;
        while total < target {
            let p = text(&mut r);
            total += p.len();
            inputs.push((format!("site/{}.txt", inputs.len()), p.into_bytes()));
        }
        run("txt", &inputs);
    }
    if want("rss") {
        let mut inputs = Vec::new();
        let mut total = 0;
        while total < target {
            let p = rss(&mut r, 50);
            total += p.len();
            inputs.push((format!("feeds/{}.xml", inputs.len()), p.into_bytes()));
        }
        run("rss", &inputs);
    }
    if want("warc") {
        let mut buf = Vec::new();
        let mut raw = 0;
        let mut i = 0;
        while raw < target {
            let p = html_page(&mut r, i);
            raw += p.len();
            buf.extend(warc_record(&p, i));
            i += 1;
        }
        println!(
            "(warc: {:.1} MB of pages, {:.1} MB gzip; MB/s below is of the gzip input)",
            raw as f64 / 1e6,
            buf.len() as f64 / 1e6
        );
        run("warc.gz", &[("crawl.warc.gz".to_string(), buf)]);
    }
}
