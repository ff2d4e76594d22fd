//! Single-thread reading speed on real pages (HTML read from memory, CPU time of this thread, best of 3):
//! `cargo run --release -p wiretrace-ingest --example real_pages_speed -- DIR...`
//! (e.g. `../shared/data/extraction-dev/html ../shared/data/extraction-dev/dates`). The synthetic
//! benchmark (`cargo bench -p wiretrace-ingest`) has clean metadata on every page; real pages often make
//! the reader search for the date and the body, and this shows what that costs.
#![allow(clippy::print_stdout)]
use std::path::PathBuf;
/// Reads every page three times and prints the fastest pass.
fn main() {
    let dirs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let (files, _) = wiretrace_ingest::discover(&dirs);
    let bytes: Vec<(PathBuf, Vec<u8>)> = files
        .iter()
        .map(|f| (f.clone(), std::fs::read(f).unwrap()))
        .collect();
    let mb: f64 = bytes.iter().map(|(_, b)| b.len() as f64).sum::<f64>() / 1e6;
    let mut best = f64::MAX;
    for _ in 0..3 {
        let t = cpu();
        for (f, b) in &bytes {
            let _ = wiretrace_ingest::read_bytes(&Default::default(), &f.display().to_string(), b);
        }
        best = best.min(cpu() - t);
    }
    println!(
        "{} real pages, {:.1} MB: {:.2} CPU s (best of 3), {:.0} pages per CPU-second, {:.1} MB/s",
        bytes.len(),
        mb,
        best,
        bytes.len() as f64 / best,
        mb / best
    );
}
/// CPU seconds used by this thread so far (Linux `/proc/thread-self/stat`, user + system ticks).
fn cpu() -> f64 {
    let s = std::fs::read_to_string("/proc/thread-self/stat").unwrap();
    let f: Vec<&str> = s.rsplit(')').next().unwrap().split_whitespace().collect();
    (f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap()) / 100.0
}
