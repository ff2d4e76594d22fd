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
