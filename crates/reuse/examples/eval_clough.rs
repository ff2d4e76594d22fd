//! Evaluates aligned coverage on the Clough & Stevenson corpus of plagiarised short answers.
//!
//! Each answer is aligned with its task's source (`orig_task{a-e}.txt`) with
//! [`wiretrace_reuse::Config::sensitive`] (verifying a known pair; `--default` uses the corpus-search
//! defaults instead); its score is the share of the answer covered by aligned passages
//! (`coverage` of the answer's side, 0 when no passage is found). Reported:
//!
//! - derived (`cut`, `light`, `heavy`) vs independent (`non`) accuracy, with the threshold chosen by
//!   leave-one-out (for each answer, the threshold that is best on the other 94 decides it), and the
//!   accuracy of the whole-set best threshold for reference;
//! - Spearman's rho between the score and the level (non = 0, heavy = 1, light = 2, cut = 3);
//! - the same figures for the simple baseline, word 3-gram containment of the answer in the source.
//!
//! Also printed: the identity-weighted coverage (share of the answer aligned *and* identical).
//!
//! Usage: `cargo run --release -p wiretrace-reuse --example eval_clough [-- DIR] [--default] [--verbose]`
//! (`WT_CFG='{"max_gap":16}'` overrides settings, as JSON, for experiments).
#![allow(clippy::print_stdout)]

use std::collections::BTreeSet;
use std::path::PathBuf;

use wiretrace_model::{Article, ArticleId};

fn read(path: &std::path::Path) -> String {
    let bytes = std::fs::read(path).expect("readable file");
    // A few answers are not UTF-8: read them as Latin-1.
    String::from_utf8(bytes.clone()).unwrap_or_else(|_| bytes.iter().map(|b| char::from(*b)).collect())
}

fn trigram_containment(answer: &str, source: &str) -> f64 {
    let grams = |t: &str| -> BTreeSet<(String, String, String)> {
        let w: Vec<String> = wiretrace_text::tokens(t).map(|t| t.folded).collect();
        w.windows(3)
            .map(|x| (x[0].clone(), x[1].clone(), x[2].clone()))
            .collect()
    };
    let (a, s) = (grams(answer), grams(source));
    if a.is_empty() {
        return 0.0;
    }
    a.intersection(&s).count() as f64 / a.len() as f64
}

/// Accuracy of `score >= t` as "derived" for the best t over `items` (score, derived).
fn best_threshold(items: &[(f64, bool)]) -> (f64, f64) {
    let mut cuts: Vec<f64> = items.iter().map(|x| x.0).collect();
    cuts.sort_by(f64::total_cmp);
    cuts.dedup();
    let mut candidates = vec![cuts[0] - 1e-9];
    candidates.extend(cuts.windows(2).map(|w| (w[0] + w[1]) / 2.0));
    candidates.push(cuts[cuts.len() - 1] + 1e-9);
    let mut best = (0.0, 0.0);
    for t in candidates {
        let acc = items.iter().filter(|(s, d)| (*s >= t) == *d).count() as f64 / items.len() as f64;
        if acc > best.1 {
            best = (t, acc);
        }
    }
    best
}

fn loo_accuracy(items: &[(f64, bool)]) -> f64 {
    let mut right = 0;
    for i in 0..items.len() {
        let rest: Vec<(f64, bool)> = items
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, x)| *x)
            .collect();
        let (t, _) = best_threshold(&rest);
        if (items[i].0 >= t) == items[i].1 {
            right += 1;
        }
    }
    right as f64 / items.len() as f64
}

fn ranks(x: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..x.len()).collect();
    idx.sort_by(|a, b| x[*a].total_cmp(&x[*b]));
    let mut r = vec![0.0; x.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && x[idx[j + 1]] == x[idx[i]] {
            j += 1;
        }
        let avg = (i + j) as f64 / 2.0 + 1.0;
        for k in i..=j {
            r[idx[k]] = avg;
        }
        i = j + 1;
    }
    r
}

fn spearman(x: &[f64], y: &[f64]) -> f64 {
    let (rx, ry) = (ranks(x), ranks(y));
    let n = x.len() as f64;
    let (mx, my) = (rx.iter().sum::<f64>() / n, ry.iter().sum::<f64>() / n);
    let cov: f64 = rx.iter().zip(&ry).map(|(a, b)| (a - mx) * (b - my)).sum();
    let vx: f64 = rx.iter().map(|a| (a - mx).powi(2)).sum();
    let vy: f64 = ry.iter().map(|b| (b - my).powi(2)).sum();
    cov / (vx * vy).sqrt()
}

fn main() {
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/shared/data/clough-stevenson"));
    let csv = read(&dir.join("file_information.csv"));
    // Verification of known (answer, source) pairs: the sensitive preset; `--default` for the
    // corpus-search defaults.
    let mut cfg = if std::env::args().any(|a| a == "--default") {
        wiretrace_reuse::Config::default()
    } else {
        wiretrace_reuse::Config::sensitive()
    };
    if let Ok(j) = std::env::var("WT_CFG") {
        cfg = serde_json::from_str(&j).expect("WT_CFG is a JSON reuse config");
    }
    let mut rows = Vec::new();
    for line in csv.lines().skip(1) {
        let f: Vec<&str> = line.trim().split(',').collect();
        if f.len() < 3 || f[2] == "orig" {
            continue;
        }
        let level = match f[2] {
            "non" => 0.0,
            "heavy" => 1.0,
            "light" => 2.0,
            "cut" => 3.0,
            other => panic!("unknown category {other}"),
        };
        let answer_text = wiretrace_text::normalize(&read(&dir.join(f[0])));
        let source_text = wiretrace_text::normalize(&read(&dir.join(format!("orig_task{}.txt", f[1]))));
        let mut answer = Article::new(f[0], answer_text.clone());
        answer.id = ArticleId(2);
        let mut source = Article::new(format!("orig_task{}.txt", f[1]), source_text.clone());
        source.id = ArticleId(1);
        let pair = wiretrace_reuse::align(&cfg, &answer, &source);
        let coverage = pair.as_ref().map_or(0.0, |p| f64::from(p.coverage_b));
        // Identity-weighted coverage: the share of the answer that is aligned *and* identical.
        let chars = answer_text.chars().count().max(1) as f64;
        let identical = pair.as_ref().map_or(0.0, |p| {
            p.passages
                .iter()
                .map(|x| f64::from(x.b.len()) * f64::from(x.identity))
                .sum::<f64>()
                / chars
        });
        let base = trigram_containment(&answer_text, &source_text);
        rows.push((
            f[0].to_string(),
            f[2].to_string(),
            level,
            coverage,
            base,
            identical,
        ));
    }
    println!("{} answers", rows.len());
    if std::env::args().any(|a| a == "--verbose") {
        for r in &rows {
            println!("  {} {:5} coverage {:.3} baseline {:.3}", r.0, r.1, r.3, r.4);
        }
    }
    for cat in ["non", "heavy", "light", "cut"] {
        let s: Vec<f64> = rows.iter().filter(|r| r.1 == cat).map(|r| r.3).collect();
        let b: Vec<f64> = rows.iter().filter(|r| r.1 == cat).map(|r| r.4).collect();
        let (lo, hi) = s
            .iter()
            .fold((f64::MAX, f64::MIN), |(l, h), x| (l.min(*x), h.max(*x)));
        println!(
            "  {cat:5}: n={:2} coverage mean {:.3} [{lo:.3}, {hi:.3}]   3-gram containment mean {:.3}",
            s.len(),
            s.iter().sum::<f64>() / s.len() as f64,
            b.iter().sum::<f64>() / b.len() as f64
        );
    }
    let levels: Vec<f64> = rows.iter().map(|r| r.2).collect();
    for (name, col) in [
        ("aligned coverage", 3usize),
        ("identical aligned coverage", 5),
        ("3-gram containment (baseline)", 4),
    ] {
        let scores: Vec<f64> = rows.iter().map(|r| [r.3, r.4, r.5][col - 3]).collect();
        let items: Vec<(f64, bool)> = scores.iter().zip(&levels).map(|(s, l)| (*s, *l > 0.0)).collect();
        let (t, acc_all) = best_threshold(&items);
        println!(
            "{name}: leave-one-out accuracy {:.4}; best single threshold {:.3} → {:.4}; Spearman rho vs level {:.4}",
            loo_accuracy(&items),
            t,
            acc_all,
            spearman(&scores, &levels)
        );
    }
}
