//! Benchmarks of wiretrace: a seeded corpus generator ([`gen`]) and the bench binaries
//! (`reuse-bench`: fingerprint, candidate and alignment throughput, memory and recall, compared with
//! MinHash-LSH by `bench/run.sh`).
#![deny(missing_docs)]

pub mod gen;

/// Returns the peak resident memory of this process in MiB (`VmHWM` of `/proc/self/status`), or
/// `None` where that file does not exist.
pub fn peak_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// Returns the resident memory of this process now (VmRSS), in MiB, or `None` where
/// `/proc/self/status` does not exist.
pub fn resident_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// Samples [`resident_memory_mib`] every 20 ms on a thread until dropped, so that a benchmark can
/// say which stage its peak memory belongs to.
#[derive(Debug)]
pub struct MemorySampler {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    handle: Option<std::thread::JoinHandle<Vec<(std::time::Duration, f64)>>>,
}

impl MemorySampler {
    /// Starts sampling; times are measured from now.
    pub fn start() -> Self {
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = stop.clone();
        let handle = std::thread::spawn(move || {
            let t0 = std::time::Instant::now();
            let mut out = Vec::new();
            while !flag.load(std::sync::atomic::Ordering::Relaxed) {
                if let Some(m) = resident_memory_mib() {
                    out.push((t0.elapsed(), m));
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            out
        });
        MemorySampler {
            stop,
            handle: Some(handle),
        }
    }

    /// Stops sampling and returns the samples: (time since start, resident MiB).
    pub fn finish(mut self) -> Vec<(std::time::Duration, f64)> {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        self.handle.take().and_then(|h| h.join().ok()).unwrap_or_default()
    }
}

/// Returns the CPU time (user + system) this process has used so far, in seconds, from
/// `/proc/self/stat` (clock ticks at the usual 100 Hz), or `None` where that file does not exist.
pub fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start after the last ')'.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// Reads a corpus written by `make_scale_corpus.py` (`../shared/bench`): the JSON lines (`id`,
/// `text`) and, when it exists beside them, the gold sidecar `NAME.gold.jsonl` (`id`, `story`,
/// `parent`, `op`). Returns the articles in file order, with `parent` and `ops` from the sidecar and
/// `topic` set to the story's ordinal (0 when there is no sidecar).
pub fn read_scale_corpus(path: &std::path::Path) -> std::io::Result<Vec<gen::GenArticle>> {
    use std::io::BufRead;
    #[derive(serde::Deserialize)]
    struct Line {
        id: String,
        text: String,
    }
    #[derive(serde::Deserialize)]
    struct Gold {
        id: String,
        story: String,
        parent: Option<String>,
        op: String,
    }
    let bad = |n: usize, e: serde_json::Error| {
        std::io::Error::new(std::io::ErrorKind::InvalidData, format!("line {}: {e}", n + 1))
    };
    let mut out = Vec::new();
    let file = std::io::BufReader::new(std::fs::File::open(path)?);
    for (n, line) in file.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let l: Line = serde_json::from_str(&line).map_err(|e| bad(n, e))?;
        out.push(gen::GenArticle {
            id: l.id,
            text: l.text,
            parent: None,
            ops: Vec::new(),
            topic: 0,
        });
    }
    let gold = gold_path(path);
    if !gold.exists() {
        return Ok(out);
    }
    let at: std::collections::HashMap<String, usize> =
        out.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
    let mut stories: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    let file = std::io::BufReader::new(std::fs::File::open(&gold)?);
    for (n, line) in file.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let g: Gold = serde_json::from_str(&line).map_err(|e| bad(n, e))?;
        let Some(&i) = at.get(&g.id) else { continue };
        let next = stories.len() as u32;
        out[i].topic = *stories.entry(g.story).or_insert(next);
        out[i].parent = g.parent;
        out[i].ops = vec![g.op];
    }
    Ok(out)
}

/// Returns the gold sidecar path `make_scale_corpus.py` writes beside a corpus: `x.jsonl` →
/// `x.gold.jsonl`.
pub fn gold_path(corpus: &std::path::Path) -> std::path::PathBuf {
    let s = corpus.to_string_lossy();
    let stem = s.strip_suffix(".jsonl").unwrap_or(&s);
    std::path::PathBuf::from(format!("{stem}.gold.jsonl"))
}
