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
