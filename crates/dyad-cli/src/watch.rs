//! `dyad watch`: code the article files that arrive in folders into the event database as
//! they come, and with `--updates` publish GDELT's 15-minute update files.
//!
//! Each round takes the files [`crate::arrivals`] found complete and runs them through the
//! one loop of [`dyad_run::pipeline`] into `ingest`'s [`StoreSink`], so they are stored in the
//! same transactions and with the same idempotence as `dyad ingest`: an article stored with
//! the same content is not coded again, so a restart reads the folders again and codes
//! nothing it did before. Between rounds, at each interval's end (aligned to the clock, as
//! GDELT's :00, :15, :30, :45), the update is published ([`dyad_store::updates`]).
//!
//! SIGTERM and Ctrl-C stop the reading; the batch in hand is coded and stored, nothing
//! half-written is published, and the command exits 0 (a second signal ends it at once).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use clap::Args;
use dyad_model::Document;
use dyad_store::{updates, Store};
use dyad_text::readers::ReadOptions;

use crate::arrivals::Arrivals;
use crate::ingest::StoreCoding;
use crate::limits::report_reading;
use dyad_run::{Files, Loop, Source, StoreSink};

#[derive(Args, Debug)]
pub struct WatchArgs {
    /// Folders to watch (read recursively; hidden files are skipped).
    #[arg(required = true, value_name = "DIR")]
    pub folders: Vec<PathBuf>,
    /// The database file (created if missing).
    #[arg(long, value_name = "FILE", default_value = "dyad.db")]
    pub db: PathBuf,
    /// Publish GDELT update files (`YYYYMMDDHHMMSS.export.CSV.zip`, `….mentions.CSV.zip`,
    /// `lastupdate.txt`) into this folder at the end of every interval.
    #[arg(long, value_name = "OUTDIR")]
    pub updates: Option<PathBuf>,
    /// The update interval, in seconds (GDELT's: 900).
    #[arg(long, value_name = "SECONDS", default_value_t = 900, value_parser = clap::value_parser!(u64).range(1..))]
    pub interval: u64,
    /// How long a file must stay unchanged before it is read (milliseconds); a file written
    /// through a temporary hidden name and renamed is complete at once.
    #[arg(long, value_name = "MS", default_value_t = 1000)]
    pub settle: u64,
    /// Scan the folders every second instead of using file-system events.
    #[arg(long)]
    pub poll: bool,
    #[command(flatten)]
    pub coding: StoreCoding,
}

/// Set by SIGTERM or SIGINT; a second one ends the process at once (exit 1).
fn stop_flag() -> Result<Arc<AtomicBool>> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [SIGTERM, SIGINT] {
        // the order matters: the shutdown checks the flag before the flag is set
        signal_hook::flag::register_conditional_shutdown(signal, 1, Arc::clone(&stop))
            .context("cannot handle signals")?;
        signal_hook::flag::register(signal, Arc::clone(&stop)).context("cannot handle signals")?;
    }
    Ok(stop)
}

/// The files of one round, read one by one: a file that cannot be read (gone while being
/// read, unreadable) is a warning naming it, and the others are still read. Reading stops
/// at a signal; what was read by then is coded and stored.
struct Round<'a> {
    files: &'a [PathBuf],
    opts: ReadOptions,
    stop: &'a AtomicBool,
}

/// What a round read: how many files, and those it did not reach (stopped first).
struct RoundRead {
    read: usize,
    unread: Vec<PathBuf>,
}

impl Source for Round<'_> {
    type Summary = RoundRead;

    fn read(self, take: &mut dyn FnMut(Document) -> bool) -> Result<RoundRead> {
        let mut read = 0;
        for (i, path) in self.files.iter().enumerate() {
            if self.stop.load(Ordering::Relaxed) {
                let unread = self.files[i..].to_vec();
                return Ok(RoundRead { read, unread });
            }
            let input = [path.display().to_string()];
            let files = Files {
                inputs: &input,
                opts: self.opts,
                on_read: None,
            };
            let mut going = true;
            let outcome = files.read(&mut |doc| {
                going = !self.stop.load(Ordering::Relaxed) && take(doc);
                going
            });
            match outcome {
                Ok(summary) => report_reading(&summary),
                Err(e) if !path.exists() => {
                    eprintln!(
                        "warning: {}: vanished while being read ({e})",
                        path.display()
                    )
                }
                Err(e) => eprintln!("warning: {}: {e}; skipped until it changes", path.display()),
            }
            read += 1;
            if !going && !self.stop.load(Ordering::Relaxed) {
                // the loop stopped (the database failed): it returns the error
                break;
            }
        }
        Ok(RoundRead {
            read,
            unread: Vec::new(),
        })
    }
}

/// The UTC stamp YYYYMMDDHHMMSS of `secs` since the epoch.
fn stamp_of(secs: u64) -> String {
    chrono::DateTime::from_timestamp(secs as i64, 0)
        .unwrap_or_default()
        .format("%Y%m%d%H%M%S")
        .to_string()
}

fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The end of the interval `now` falls in: the next multiple of `interval` after it.
fn interval_end(now: u64, interval: u64) -> u64 {
    (now / interval + 1) * interval
}

/// Publish what is due into `dir`, saying what was published.
fn publish(store: &Store, stamp: Option<&str>, dir: &Path) -> Result<()> {
    let done = match stamp {
        Some(s) => updates::publish_due(store.conn(), s, dir),
        None => updates::publish_pending(store.conn(), dir),
    }
    .with_context(|| format!("cannot publish the update into {}", dir.display()))?;
    for u in done {
        eprintln!(
            "dyad: published update {} ({} events, {} mentions) in {}",
            u.stamp,
            u.events,
            u.mentions,
            dir.display()
        );
    }
    Ok(())
}

pub fn run(args: WatchArgs) -> Result<()> {
    let stop = stop_flag()?;
    let mut store = Store::open(&args.db)?;
    let (version, coder) = args.coding.coder()?;
    let coding = Loop {
        coder: &coder,
        quotes: true,
        batch: args.coding.batch,
    };
    let opts = args.coding.limits.read_options(false);
    if let Some(dir) = &args.updates {
        // an update an earlier run was writing when it stopped comes first
        publish(&store, None, dir)?;
    }
    let mut arrivals =
        Arrivals::watch(&args.folders, Duration::from_millis(args.settle), args.poll)?;
    eprintln!(
        "dyad: watching {} ({}); stop with Ctrl-C or SIGTERM",
        args.folders
            .iter()
            .map(|f| f.display().to_string())
            .collect::<Vec<_>>()
            .join(", "),
        if arrivals.has_events() {
            "file-system events"
        } else {
            "polling"
        }
    );
    let mut next_update = interval_end(now_secs(), args.interval);
    let tick = Duration::from_millis(200);
    while !stop.load(Ordering::Relaxed) {
        let files = arrivals.next(tick);
        if !files.is_empty() {
            let bar = crate::ingest::progress();
            let mut sink =
                StoreSink::ingest(&mut store, version.clone(), false).with_progress(|n| bar.inc(n));
            let round = Round {
                files: &files,
                opts,
                stop: &stop,
            };
            let read = coding.run(round, &mut sink);
            sink.finish();
            bar.finish_and_clear();
            let total = std::mem::take(&mut sink.total);
            drop(sink);
            let read = read?;
            for p in &read.unread {
                arrivals.not_handed(p);
            }
            if total.added + total.replaced > 0 {
                eprintln!(
                    "dyad: {} files: {} articles added, {} replaced, {} unchanged",
                    read.read, total.added, total.replaced, total.unchanged
                );
            }
            args.coding.limits.sentence.report(&coder);
        }
        if let Some(dir) = &args.updates {
            let now = now_secs();
            if now >= next_update {
                publish(&store, Some(&stamp_of(next_update)), dir)?;
                next_update = interval_end(now, args.interval);
            }
        }
    }
    eprintln!("dyad: stopped; everything read is stored");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_end_on_the_clock() {
        assert_eq!(interval_end(0, 900), 900);
        assert_eq!(interval_end(899, 900), 900);
        assert_eq!(interval_end(900, 900), 1800);
        assert_eq!(stamp_of(1_424_300_400), "20150218230000");
    }
}
