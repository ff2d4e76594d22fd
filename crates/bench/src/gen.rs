//! A seeded generator of news-like corpora with known reuse, for benchmarks.
//!
//! Original articles are sentences of words drawn from a Zipfian vocabulary (real English function
//! words at the top ranks, then synthetic words), with per-topic vocabulary, people's names and
//! figures mixed in, so that word n-grams have realistic frequencies: function-word n-grams are
//! everywhere, content n-grams are rare, and articles on one topic share words but not sentences.
//! Some articles carry one of a few dozen boilerplate lines, as outlet sites do.
//!
//! A share of articles (`derived_share`, 30% by default) is derived from an earlier article (an
//! original or another derived one) by one to four realistic edits: a new first line (headline or
//! standfirst), trimming the ending, excerpting a few paragraphs, dropping a paragraph, substituting
//! words, changing numbers, padding with new material (up to three times the length), and
//! reordering sentences or paragraphs. Each derived article records its parent and its edits.
//!
//! The same [`GenConfig`] always gives the same corpus (own splitmix64 generator; originals are
//! generated in parallel from per-article seeds, derived ones in order).
//!
//! # Example
//! ```
//! use wiretrace_bench::gen::{generate, GenConfig};
//! let corpus = generate(&GenConfig { articles: 50, ..Default::default() });
//! assert_eq!(corpus.len(), 50);
//! assert!(corpus.iter().any(|a| a.parent.is_some()));
//! assert_eq!(corpus, generate(&GenConfig { articles: 50, ..Default::default() }));
//! ```

use std::io::{BufRead, Write};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// Settings of the generator.
#[derive(Debug, Clone, PartialEq)]
pub struct GenConfig {
    /// Articles to generate.
    pub articles: usize,
    /// Share of articles derived from an earlier one, 0..=1 (default 0.3).
    pub derived_share: f64,
    /// Seed of every random choice (default 1).
    pub seed: u64,
    /// Vocabulary size (default 50,000 words).
    pub vocabulary: usize,
    /// Zipf exponent of word frequencies (default 1.0).
    pub zipf_exponent: f64,
    /// Number of topics articles are drawn from (default 2,000).
    pub topics: usize,
}

impl Default for GenConfig {
    fn default() -> Self {
        GenConfig {
            articles: 1000,
            derived_share: 0.3,
            seed: 1,
            vocabulary: 50_000,
            zipf_exponent: 1.0,
            topics: 2000,
        }
    }
}

/// One generated article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenArticle {
    /// Identifier, `g0000042`.
    pub id: String,
    /// Body text: paragraphs separated by a blank line.
    pub text: String,
    /// The article this one was derived from, if any.
    pub parent: Option<String>,
    /// The edits applied to the parent (empty for originals).
    pub ops: Vec<String>,
    /// Topic number (shared vocabulary, not shared text).
    pub topic: u32,
}

/// A small deterministic generator (splitmix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// Returns a generator for a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }
    /// Returns the next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Returns a number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    /// Returns a number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    /// Returns a float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Returns true with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "a", "in", "that", "is", "was", "for", "on", "it", "with", "as", "he", "said",
    "at", "by", "his", "be", "from", "have", "has", "but", "are", "an", "they", "not", "this", "had", "were",
    "which", "its", "who", "been", "would", "their", "will", "or", "after", "more", "she", "there", "also",
    "her", "we", "than", "into", "about", "up", "over", "could", "when", "last", "new", "one", "two", "year",
    "people", "out",
];

const SYLLABLES: &[&str] = &[
    "ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe", "ri", "so", "tu", "va", "we",
    "xi", "yo", "za", "bra", "cle", "dri", "fro", "gla", "pri", "ste", "tra", "mon", "ter", "lan", "ver",
    "sel", "dor", "min", "pol", "ran", "gen", "cor", "vis",
];

fn synthetic_word(mut n: usize) -> String {
    let mut w = String::new();
    loop {
        w.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
        if n == 0 {
            break;
        }
        n -= 1;
    }
    w
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The vocabulary and its Zipfian sampler.
struct Vocab {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Vocab {
    fn new(cfg: &GenConfig) -> Self {
        let size = cfg.vocabulary.max(FUNCTION_WORDS.len() + 100);
        let mut words: Vec<String> = FUNCTION_WORDS.iter().map(|w| w.to_string()).collect();
        let mut k = 400; // skip the shortest synthetic words
        while words.len() < size {
            words.push(synthetic_word(k));
            k += 1;
        }
        let mut acc = 0.0;
        let cumulative = (1..=size)
            .map(|r| {
                acc += 1.0 / (r as f64).powf(cfg.zipf_exponent);
                acc
            })
            .collect();
        Vocab { words, cumulative }
    }

    fn sample(&self, rng: &mut Rng) -> &str {
        let total = *self.cumulative.last().expect("non-empty vocabulary");
        let x = rng.unit() * total;
        let i = self
            .cumulative
            .partition_point(|c| *c < x)
            .min(self.words.len() - 1);
        &self.words[i]
    }
}

struct Topic {
    words: Vec<usize>,
    names: Vec<String>,
}

fn topic(cfg: &GenConfig, vocab: &Vocab, t: u32) -> Topic {
    let mut rng = Rng::new(cfg.seed ^ (u64::from(t) << 32) ^ 0x7070);
    let n = vocab.words.len();
    let words = (0..40).map(|_| rng.range(300.min(n - 1), n - 1)).collect();
    let names = (0..8)
        .map(|_| {
            format!(
                "{} {}",
                capitalise(&synthetic_word(rng.range(2000, 60_000))),
                capitalise(&synthetic_word(rng.range(2000, 60_000)))
            )
        })
        .collect();
    Topic { words, names }
}

fn sentence(vocab: &Vocab, topic: &Topic, rng: &mut Rng) -> String {
    let len = rng.range(8, 30);
    let mut words: Vec<String> = Vec::with_capacity(len + 2);
    while words.len() < len {
        let r = rng.unit();
        if r < 0.12 {
            words.push(vocab.words[topic.words[rng.below(topic.words.len())]].clone());
        } else if r < 0.14 {
            words.extend(
                topic.names[rng.below(topic.names.len())]
                    .split(' ')
                    .map(str::to_string),
            );
        } else if r < 0.16 {
            words.push(number(rng));
        } else {
            words.push(vocab.sample(rng).to_string());
        }
    }
    let mut s = words.join(" ");
    s = capitalise(&s);
    s.push('.');
    s
}

fn number(rng: &mut Rng) -> String {
    match rng.below(3) {
        0 => rng.range(2, 99).to_string(),
        1 => rng.range(100, 9999).to_string(),
        _ => rng.range(1990, 2030).to_string(),
    }
}

fn paragraph(vocab: &Vocab, topic: &Topic, rng: &mut Rng) -> String {
    let n = rng.range(1, 4);
    (0..n)
        .map(|_| sentence(vocab, topic, rng))
        .collect::<Vec<_>>()
        .join(" ")
}

fn boilerplate_line(k: usize) -> String {
    let verbs = ["Follow", "Subscribe to", "Share", "Read more from", "Sign up for"];
    format!(
        "{} the {} {} newsletter for more updates every morning.",
        verbs[k % verbs.len()],
        capitalise(&synthetic_word(5000 + k)),
        capitalise(&synthetic_word(9000 + k * 7))
    )
}

fn original(cfg: &GenConfig, vocab: &Vocab, i: usize) -> GenArticle {
    let mut rng = Rng::new(cfg.seed.wrapping_mul(0x1000_0000_01B3) ^ i as u64);
    let t = rng.below(cfg.topics.max(1)) as u32;
    let tp = topic(cfg, vocab, t);
    let n = rng.range(4, 14);
    let mut paras: Vec<String> = (0..n).map(|_| paragraph(vocab, &tp, &mut rng)).collect();
    if rng.chance(0.3) {
        paras.push(boilerplate_line(rng.below(40)));
    }
    GenArticle {
        id: id_of(i),
        text: paras.join("\n\n"),
        parent: None,
        ops: Vec::new(),
        topic: t,
    }
}

fn id_of(i: usize) -> String {
    format!("g{i:07}")
}

fn split_sentences(p: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for w in p.split(' ') {
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
        if w.ends_with('.') {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn derive(cfg: &GenConfig, vocab: &Vocab, parent: &GenArticle, i: usize) -> GenArticle {
    let mut rng = Rng::new(cfg.seed.wrapping_mul(0x9E37_79B9) ^ (i as u64).wrapping_mul(31) ^ 0xD0D0);
    let tp = topic(cfg, vocab, parent.topic);
    let mut paras: Vec<String> = parent.text.split("\n\n").map(str::to_string).collect();
    const OPS: &[&str] = &[
        "trim",
        "excerpt",
        "drop_paragraph",
        "reorder",
        "substitute",
        "numbers",
        "pad",
        "headline",
    ];
    let k = rng.range(1, 4);
    let mut ops: Vec<&str> = Vec::new();
    while ops.len() < k {
        let op = OPS[rng.below(OPS.len())];
        if !ops.contains(&op) {
            ops.push(op);
        }
    }
    // Structural edits first, then word edits, padding and the headline last (the order of OPS).
    ops.sort_by_key(|op| OPS.iter().position(|o| o == op));
    let mut applied = Vec::new();
    for op in ops {
        let n = paras.len();
        let done = match op {
            "trim" if n >= 4 => {
                paras.truncate(rng.range(2, n - 1));
                true
            }
            "excerpt" if n >= 6 => {
                let len = rng.range(2, 4);
                let start = rng.range(0, n - len);
                paras = paras[start..start + len].to_vec();
                true
            }
            "drop_paragraph" if n >= 3 => {
                paras.remove(rng.below(n));
                true
            }
            "substitute" => {
                for p in &mut paras {
                    let words: Vec<String> = p
                        .split(' ')
                        .map(|w| {
                            if rng.chance(0.04) && !w.ends_with('.') {
                                vocab.sample(&mut rng).to_string()
                            } else {
                                w.to_string()
                            }
                        })
                        .collect();
                    *p = words.join(" ");
                }
                true
            }
            "numbers" => {
                for p in &mut paras {
                    let words: Vec<String> = p
                        .split(' ')
                        .map(|w| {
                            let core = w.trim_end_matches('.');
                            if !core.is_empty() && core.bytes().all(|b| b.is_ascii_digit()) {
                                let dot = if w.ends_with('.') { "." } else { "" };
                                format!("{}{dot}", number(&mut rng))
                            } else {
                                w.to_string()
                            }
                        })
                        .collect();
                    *p = words.join(" ");
                }
                true
            }
            "pad" => {
                let target = rng.range(n, 2 * n).max(1);
                for _ in 0..target {
                    let at = rng.range(0, paras.len());
                    paras.insert(at, paragraph(vocab, &tp, &mut rng));
                }
                true
            }
            "reorder" => {
                if n >= 2 && rng.chance(0.5) {
                    let (x, y) = (rng.below(n), rng.below(n));
                    paras.swap(x, y);
                } else {
                    for _ in 0..rng.range(1, 3) {
                        let at = rng.below(paras.len());
                        let mut s = split_sentences(&paras[at]);
                        for j in (1..s.len()).rev() {
                            s.swap(j, rng.below(j + 1));
                        }
                        paras[at] = s.join(" ");
                    }
                }
                true
            }
            "headline" => {
                let mut s = sentence(vocab, &tp, &mut rng);
                s.pop();
                paras.insert(0, s);
                true
            }
            _ => false,
        };
        if done {
            applied.push(op.to_string());
        }
    }
    if applied.is_empty() {
        applied.push("verbatim".to_string());
    }
    GenArticle {
        id: id_of(i),
        text: paras.join("\n\n"),
        parent: Some(parent.id.clone()),
        ops: applied,
        topic: parent.topic,
    }
}

/// Returns a corpus of `cfg.articles` articles; about `derived_share` of them derive from earlier ones.
pub fn generate(cfg: &GenConfig) -> Vec<GenArticle> {
    let vocab = Vocab::new(cfg);
    let mut plan = Rng::new(cfg.seed ^ 0xABCD);
    // For each article: None (original) or Some(parent index).
    let parents: Vec<Option<usize>> = (0..cfg.articles)
        .map(|i| (i > 0 && plan.chance(cfg.derived_share)).then(|| plan.below(i)))
        .collect();
    let mut out: Vec<Option<GenArticle>> = (0..cfg.articles)
        .into_par_iter()
        .map(|i| parents[i].is_none().then(|| original(cfg, &vocab, i)))
        .collect();
    for i in 0..cfg.articles {
        if let Some(p) = parents[i] {
            let child = derive(cfg, &vocab, out[p].as_ref().expect("parents come first"), i);
            out[i] = Some(child);
        }
    }
    out.into_iter()
        .map(|a| a.expect("every article generated"))
        .collect()
}

/// Writes articles as JSON lines (`{"id","text","parent","ops","topic"}`).
///
/// # Errors
/// Any error of the writer.
pub fn write_jsonl<W: Write>(articles: &[GenArticle], mut w: W) -> std::io::Result<()> {
    for a in articles {
        serde_json::to_writer(&mut w, a)?;
        w.write_all(b"\n")?;
    }
    w.flush()
}

/// Reads articles written by [`write_jsonl`].
///
/// # Errors
/// A read error, or a line that is not a generated article (the error names the line number).
pub fn read_jsonl<R: BufRead>(r: R) -> std::io::Result<Vec<GenArticle>> {
    let mut out = Vec::new();
    for (n, line) in r.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let a = serde_json::from_str(&line).map_err(|e| {
            std::io::Error::new(std::io::ErrorKind::InvalidData, format!("line {}: {e}", n + 1))
        })?;
        out.push(a);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_share_and_parents_are_as_configured() {
        let corpus = generate(&GenConfig {
            articles: 2000,
            ..Default::default()
        });
        let derived = corpus.iter().filter(|a| a.parent.is_some()).count();
        assert!((500..700).contains(&derived), "{derived}");
        for a in &corpus {
            if let Some(p) = &a.parent {
                assert!(p < &a.id);
            }
        }
    }

    #[test]
    fn jsonl_round_trips() {
        let corpus = generate(&GenConfig {
            articles: 30,
            ..Default::default()
        });
        let mut buf = Vec::new();
        write_jsonl(&corpus, &mut buf).unwrap();
        assert_eq!(read_jsonl(&buf[..]).unwrap(), corpus);
    }

    #[test]
    fn function_words_are_frequent_and_content_words_rare() {
        let corpus = generate(&GenConfig {
            articles: 200,
            derived_share: 0.0,
            ..Default::default()
        });
        let words: Vec<String> = corpus
            .iter()
            .flat_map(|a| a.text.split_whitespace().map(|w| w.to_lowercase()))
            .collect();
        let the = words.iter().filter(|w| *w == "the").count() as f64 / words.len() as f64;
        assert!(the > 0.03 && the < 0.15, "{the}");
    }
}
