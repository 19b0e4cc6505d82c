//! The `dyad` command: code articles into CAMEO events and measure the coder.
//!
//! `dyad code` reads articles (plain text with datelines, JSON Lines, PETRARCH XML, folders,
//! stdin) and writes one JSON object per event; `dyad eval petr` scores PETRARCH validation
//! records; `dyad eval articles` scores article-level gold codings; `dyad ingest`, `recode`,
//! `query` and `export` keep events in an SQLite database and get them out again; `dyad serve`
//! serves it over HTTP (JSON API and dashboard); `dyad watch` codes the files that arrive in
//! folders as they come and publishes GDELT's 15-minute update files.

mod actors;
mod allocator;
mod arrivals;
mod bench;
mod bench_store;
mod code;
mod dictionaries;
mod eval;
mod export;
mod ingest;
mod limits;
mod names;
mod nouns;
mod progress;
mod query;
mod serve;
mod watch;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mimalloc (see `allocator.rs`).
#[global_allocator]
static GLOBAL: allocator::Allocator = allocator::Allocator;

#[derive(Parser)]
#[command(
    name = "dyad",
    version,
    about = "Turn English news into CAMEO political event data"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code articles into events, written as JSON Lines.
    Code(code::CodeArgs),
    /// Measure the coder on validation suites.
    #[command(subcommand)]
    Eval(eval::EvalCommand),
    /// Look names up in the actor dictionaries, and check them.
    #[command(subcommand)]
    Actors(actors::ActorsCommand),
    /// Check the event nouns of the dictionaries.
    #[command(subcommand)]
    Nouns(nouns::NounsCommand),
    /// Code articles into the event database (SQLite).
    Ingest(ingest::IngestArgs),
    /// Code the stored articles again with other dictionaries.
    Recode(ingest::RecodeArgs),
    /// Find events in the database, or count them per dyad and period.
    Query(query::QueryArgs),
    /// Write the database's events as GDELT, mentions, JSON Lines, CSV, Parquet or PLOVER.
    Export(export::ExportArgs),
    /// Serve the database: a JSON API and a dashboard (read-only unless --ingest-token).
    Serve(serve::ServeArgs),
    /// Code the article files that arrive in folders as they come, and publish GDELT's
    /// 15-minute update files.
    Watch(watch::WatchArgs),
    /// Measure speed (one core, all cores), peak memory and start-up on a corpus.
    Bench(bench::BenchArgs),
}

/// Let a closed pipe (`dyad code … | head`) end the process quietly, as it does any Unix tool,
/// instead of turning the write error into a panic.
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any thread exists; SIG_DFL is a valid handler.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// mimalloc's `mi_option_purge_delay` (mimalloc.h, `mi_option_e`; not among the crate's
/// constants): how long freed memory is kept before it goes back to the OS, in milliseconds,
/// -1 for never. Its default is 1,000 (options.c; the header's comment still says 10).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keep the memory that coding frees for the next articles rather than handing it back to the
/// OS after a second. Each batch's tokens, tags and phrases are freed when it is done; handed
/// back, later batches took the memory anew and the kernel zeroed fresh pages for them (a
/// 100 MB run: 10,168 page faults, against about 600, start-up's, when the memory is kept;
/// docs/PERFORMANCE.md). The process's memory is then its peak, which the batch commands reach
/// within their first batches anyway. `dyad serve` keeps the default: a server idles between
/// requests and should give back what a burst took.
fn keep_freed_memory() {
    // SAFETY: mi_option_set only stores the value of an option that exists in this mimalloc
    // (the test below checks it by its default); the allocator reads it at its next purge.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

fn main() -> ExitCode {
    restore_sigpipe();
    // The panic message of a guarded article is reported by `dyad code` itself.
    std::panic::set_hook(Box::new(|info| {
        if std::env::var_os("DYAD_DEBUG").is_some() {
            eprintln!("{info}");
        }
    }));
    let cli = Cli::parse();
    if !matches!(cli.command, Command::Serve(_)) {
        keep_freed_memory();
    }
    let result = match cli.command {
        Command::Code(args) => code::run(args),
        Command::Eval(cmd) => eval::run(cmd),
        Command::Actors(cmd) => return finish(actors::run(cmd)),
        Command::Nouns(cmd) => return finish(nouns::run(cmd)),
        Command::Ingest(args) => ingest::run(args),
        Command::Recode(args) => ingest::recode(args),
        Command::Query(args) => query::run(args),
        Command::Export(args) => export::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Watch(args) => watch::run(args),
        Command::Bench(args) => bench::run(args),
    };
    finish(result.map(|()| ExitCode::SUCCESS))
}

/// Report an error and turn it into the exit code.
fn finish(result: anyhow::Result<ExitCode>) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dyad: {}", dyad_run::error_chain(&e));
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_option_is_the_one_set() {
        // SAFETY: mi_option_get reads an option's value.
        let delay = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        // 1,000 ms is purge_delay's default, and no neighbouring option's
        assert!(
            delay == 1000 || delay == -1,
            "option {MI_OPTION_PURGE_DELAY} is {delay}"
        );
        keep_freed_memory();
        // SAFETY: as above.
        assert_eq!(
            unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) },
            -1
        );
    }
}
