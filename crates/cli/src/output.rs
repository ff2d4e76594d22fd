//! Everything the CLI writes to the terminal: progress bars, tables, colours, exit statuses.
#![allow(clippy::print_stderr)]

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};
use wiretrace_engine::Progress;

/// Something was added (or the command succeeded).
pub const EXIT_OK: u8 = 0;
/// Nothing was added, or --strict met an unreadable input.
pub const EXIT_NOTHING: u8 = 1;
/// Usage error or fatal failure (store unreadable…). clap also exits with 2 on usage errors.
pub const EXIT_FATAL: u8 = 2;

/// Prints one line on stderr.
pub fn error_line(msg: &str) {
    eprintln!("{msg}");
}

/// Prints the error that ends the command: `error: …`, or with `--json` one JSON object
/// `{"error": "…", "exit": 2}` on stderr, so a script reading JSON never has to parse prose.
pub fn fatal(msg: &str, json: bool) {
    if json {
        eprintln!("{}", serde_json::json!({ "error": msg, "exit": EXIT_FATAL }));
    } else {
        error_line(&format!("error: {msg}"));
    }
}

/// Whether to colour what goes to stderr: only on a terminal, and never when `NO_COLOR` is set
/// (<https://no-color.org>), so logs piped or redirected to a file stay plain text.
pub fn colour_on_stderr() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// A progress bar on stderr; hidden when stderr is not a terminal or with --quiet.
pub struct Bar {
    bar: ProgressBar,
}

impl Bar {
    pub fn new(quiet: bool) -> Bar {
        let bar = if quiet || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            ProgressBar::new(0)
        };
        bar.set_style(
            ProgressStyle::with_template("{msg:>14} [{bar:40}] {pos}/{len} ({rate}, {eta})")
                .expect("static template")
                .with_key(
                    "rate",
                    |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                        // Whole items per second: decimals of a rate are noise.
                        let _ = write!(w, "{:.0}/s", state.per_sec());
                    },
                )
                .progress_chars("=> "),
        );
        Bar { bar }
    }
}

impl Progress for Bar {
    fn start(&self, stage: &str, total: u64) {
        self.bar.reset();
        self.bar.set_length(total);
        self.bar.set_position(0);
        self.bar.set_message(stage.to_string());
    }
    fn inc(&self, n: u64) {
        self.bar.inc(n);
    }
    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// Shortens `s` to `width` display columns, ending with `…` when cut.
pub fn clip(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::new();
    let mut w = 0;
    for ch in s.chars() {
        let cw = ch.width().unwrap_or(0);
        if w + cw > width.saturating_sub(1) && s.chars().count() > out.chars().count() + 1 {
            out.push('…');
            return out;
        }
        w += cw;
        out.push(ch);
    }
    out
}

/// Pads `s` with spaces to `width` display columns.
pub fn pad(s: &str, width: usize) -> String {
    let w = unicode_width::UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// Formats an optional time as `2026-01-08 14:00` or `-`.
pub fn time(t: Option<&chrono::DateTime<chrono::Utc>>) -> String {
    t.map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_else(|| "-".into())
}

/// `1 article`, `2 articles`: counts in summaries read as sentences.
pub fn plural(n: usize, noun: &str) -> String {
    let many = match noun {
        "story" => "stories".to_string(),
        _ => format!("{noun}s"),
    };
    format!("{n} {}", if n == 1 { noun } else { &many })
}

/// How much text two articles share, in the one measure `diff`, `explain` and `story` all print:
/// the share of each article's text inside the passages aligned with the other (the pair's
/// coverage). `50% of a3's text is in a9, 80% of a9's is in a3`.
pub fn shared_text(x: &str, coverage_x: f32, y: &str, coverage_y: f32) -> String {
    format!(
        "{:.0}% of {x}'s text is in {y}, {:.0}% of {y}'s is in {x}",
        coverage_x * 100.0,
        coverage_y * 100.0
    )
}

/// Formats an optional ISO 8601 time (as views give it) like [`time`].
pub fn time_str(t: Option<&str>) -> String {
    let parsed = t.and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok());
    time(parsed.map(|t| t.with_timezone(&chrono::Utc)).as_ref())
}
