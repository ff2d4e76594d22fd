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

fn main() -> ExitCode {
    wiretrace_engine::allocator::return_freed_memory_promptly();
    quiet_on_broken_pipe();
    let cli = args::Cli::parse();
    init_logging(cli.verbose);
    let json = cli.command.wants_json();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            output::fatal(&format!("{e:#}"), json);
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
        .with_ansi(output::colour_on_stderr())
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
