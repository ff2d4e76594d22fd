//! The `wiretrace` binary: parses arguments, runs one command on the engine, prints, and maps the
//! outcome to an exit status. All analysis lives in `wiretrace-engine`.

mod args;
mod cmd;
mod output;

use std::process::ExitCode;

use clap::Parser;

// mimalloc: the pipeline allocates many small token and feature vectors on two threads; it is
// faster than the system allocator there and hands freed memory back (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc v3 keeps freed pages for a second before handing them back to the OS; between pipeline
/// stages that keeps one stage's garbage resident while the next allocates (about 200 MiB at
/// 200,000 articles). 10 ms, mimalloc v2's default, costs no measurable time (BENCHMARKS.md).
#[allow(unsafe_code)]
fn return_freed_memory_promptly() {
    // SAFETY: sets a plain integer option, which mimalloc reads at each purge.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 10) }
}

/// `mi_option_purge_delay` in mimalloc.h (v3); the Rust bindings do not name it. An upgrade that
/// renumbered the options would set another one: the test below reads its v3 default (1000 ms).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    return_freed_memory_promptly();
    quiet_on_broken_pipe();
    let cli = args::Cli::parse();
    init_logging(cli.verbose);
    match cmd::run(cli) {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            output::error_line(&format!("error: {e:#}"));
            ExitCode::from(output::EXIT_FATAL)
        }
    }
}

fn init_logging(verbose: u8) {
    use tracing_subscriber::EnvFilter;
    let default = match verbose {
        0 => "warn",
        1 => "info",
        _ => "debug",
    };
    let filter = EnvFilter::try_from_env("WIRETRACE_LOG").unwrap_or_else(|_| EnvFilter::new(default));
    // Skip warnings of skipped inputs at the default level: the CLI prints those itself.
    let filter = if verbose == 0 && std::env::var_os("WIRETRACE_LOG").is_none() {
        EnvFilter::new("error")
    } else {
        filter
    };
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// `wiretrace list | head` closes our stdout early: that is success, not a crash. `println!`
/// panics on a closed pipe, so catch exactly that panic and exit quietly.
#[allow(clippy::exit)]
fn quiet_on_broken_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let msg = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if msg.contains("Broken pipe") {
            std::process::exit(0);
        }
        default(info);
    }));
}

#[cfg(test)]
mod tests {
    #[test]
    #[allow(unsafe_code)]
    fn the_purge_delay_option_index_is_mimallocs() {
        // SAFETY: reads a plain integer option.
        let default = unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        assert_eq!(default, 1000, "option 15 is no longer mimalloc v3's purge delay");
    }
}
