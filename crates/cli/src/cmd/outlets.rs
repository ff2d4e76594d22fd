//! `wiretrace outlets`: the outlet report (see `wiretrace_engine::views::OutletReport`).

use std::process::ExitCode;

use wiretrace_engine::views::{OutletReport, OutletRow};
use wiretrace_engine::Engine;

use crate::cmd::export::csv_field;
use crate::output::{clip, pad};

/// Outlets listed in the who-copies-whom table of the text report (the busiest copying pairs).
const TEXT_TABLE_ROWS: usize = 30;

pub fn outlets(engine: &Engine, json: bool, csv: bool) -> anyhow::Result<ExitCode> {
    let report = engine.outlets_view()?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else if csv {
        print_csv(&report);
    } else {
        print_text(&report);
    }
    Ok(ExitCode::SUCCESS)
}

fn opt<T: ToString>(x: Option<T>) -> String {
    x.map(|v| v.to_string()).unwrap_or_default()
}

fn sources(row: &OutletRow) -> String {
    row.sources
        .iter()
        .map(|(o, n)| format!("{o}:{n}"))
        .collect::<Vec<_>>()
        .join("; ")
}

fn print_csv(report: &OutletReport) {
    println!(
        "outlet,articles,originals,copies,sources,credited_share,credited,uncredited,credit_removed,median_latency_minutes,p90_latency_minutes"
    );
    for r in &report.outlets {
        let fields = [
            r.outlet.clone(),
            r.articles.to_string(),
            r.originals.to_string(),
            r.copies.to_string(),
            sources(r),
            opt(r.credited_share.map(|s| format!("{s:.4}"))),
            r.credited.to_string(),
            r.uncredited.to_string(),
            r.credit_removed.to_string(),
            opt(r.median_latency_minutes),
            opt(r.p90_latency_minutes),
        ];
        println!(
            "{}",
            fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",")
        );
    }
}

/// Minutes as `45 min`, `3.5 h` or `2.0 d`.
fn duration(m: Option<i64>) -> String {
    match m {
        None => "-".into(),
        Some(m) if m.abs() < 120 => format!("{m} min"),
        Some(m) if m.abs() < 48 * 60 => format!("{:.1} h", m as f64 / 60.0),
        Some(m) => format!("{:.1} d", m as f64 / 1440.0),
    }
}

fn print_text(report: &OutletReport) {
    println!(
        "{} {:>8} {:>9} {:>6} {:>8} {:>10} {:>14} {:>10} {:>10}  sources",
        pad("outlet", 28),
        "articles",
        "originals",
        "copies",
        "credited",
        "uncredited",
        "credit removed",
        "median",
        "p90"
    );
    for r in &report.outlets {
        println!(
            "{} {:>8} {:>9} {:>6} {:>8} {:>10} {:>14} {:>10} {:>10}  {}",
            pad(&clip(&r.outlet, 28), 28),
            r.articles,
            r.originals,
            r.copies,
            r.credited_share
                .map_or("-".into(), |s| format!("{:.0}%", s * 100.0)),
            r.uncredited,
            r.credit_removed,
            duration(r.median_latency_minutes),
            duration(r.p90_latency_minutes),
            sources(r)
        );
    }
    if report.copies.is_empty() {
        return;
    }
    println!();
    println!("who copies whom (copying outlet ← source outlet: copies)");
    for (copier, source, n) in report.copies.iter().take(TEXT_TABLE_ROWS) {
        println!("  {} ← {}: {n}", pad(&clip(copier, 28), 28), clip(source, 28));
    }
    if report.copies.len() > TEXT_TABLE_ROWS {
        println!(
            "  … {} more (--json for all)",
            report.copies.len() - TEXT_TABLE_ROWS
        );
    }
}
