//! The `dyad` command: code articles into CAMEO events and measure the coder.
//!
//! `dyad code` reads articles (plain text with datelines, JSON Lines, PETRARCH XML, folders,
//! stdin) and writes one JSON object per event; `dyad eval petr` scores PETRARCH validation
//! records; `dyad eval articles` scores article-level gold codings.

mod code;
mod dictionaries;
mod eval;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

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
}

fn main() -> ExitCode {
    // The panic message of a guarded article is reported by `dyad code` itself.
    std::panic::set_hook(Box::new(|info| {
        if std::env::var_os("DYAD_DEBUG").is_some() {
            eprintln!("{info}");
        }
    }));
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(args) => code::run(args),
        Command::Eval(cmd) => eval::run(cmd),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dyad: {e:#}");
            ExitCode::FAILURE
        }
    }
}
