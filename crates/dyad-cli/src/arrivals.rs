//! The article files that arrive in watched folders, and when each is complete.
//!
//! File-system events (`notify`: inotify, FSEvents, …) say which paths changed; where no
//! such events can be had (a network share, a container without inotify) the folders are
//! scanned instead, and they are scanned again now and then anyway, since events can be lost
//! under load. A file is complete once it has a name `dyad code` reads (`.txt`, `.jsonl`,
//! `.xml`, `.html`, …; hidden names such as a writer's `.name.tmp` are not) and its size and
//! modification time have stayed the same for the settling time. A file is handed over once
//! per content: it comes back only when it changes again, so a bad file is not read over and
//! over.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant, SystemTime};

use anyhow::{Context, Result};
use dyad_text::readers::Format;
use notify::Watcher;

/// What tells a file changed: its size and modification time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        meta.is_file().then(|| Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
        })
    }
}

/// One file seen: as it is now, since when, and as it was when last handed over.
struct Seen {
    now: Stamp,
    since: Instant,
    handed: Option<Stamp>,
}

/// The watched folders: what changed in them, and which files are complete.
pub struct Arrivals {
    folders: Vec<PathBuf>,
    settle: Duration,
    files: HashMap<PathBuf, Seen>,
    /// Paths the file-system events name; None when the folders are polled.
    events: Option<Receiver<PathBuf>>,
    /// Kept alive while watching.
    _watcher: Option<notify::RecommendedWatcher>,
    /// How often the folders are scanned whole.
    rescan: Duration,
    last_scan: Option<Instant>,
}

impl Arrivals {
    /// Watch `folders` (which must exist), with file-system events unless `poll`, or when
    /// they cannot be had; a file is complete when unchanged for `settle`.
    pub fn watch(folders: &[PathBuf], settle: Duration, poll: bool) -> Result<Arrivals> {
        for f in folders {
            if !f.is_dir() {
                anyhow::bail!("{} is not a folder", f.display());
            }
        }
        let (watcher, events) = if poll {
            (None, None)
        } else {
            match events_of(folders) {
                Ok((w, rx)) => (Some(w), Some(rx)),
                Err(e) => {
                    eprintln!(
                        "warning: no file-system events for the watched folders ({e:#}); \
                         polling them every second"
                    );
                    (None, None)
                }
            }
        };
        let rescan = if events.is_some() {
            Duration::from_secs(30)
        } else {
            Duration::from_secs(1)
        };
        Ok(Arrivals {
            folders: folders.to_vec(),
            settle,
            files: HashMap::new(),
            events,
            _watcher: watcher,
            rescan,
            last_scan: None,
        })
    }

    /// Whether file-system events are used (else the folders are polled).
    pub fn has_events(&self) -> bool {
        self.events.is_some()
    }

    /// Wait up to `wait` for changes and note them; then the files complete and not handed
    /// over in their present state, sorted; they count as handed over from then on.
    pub fn next(&mut self, wait: Duration) -> Vec<PathBuf> {
        if self.last_scan.is_none_or(|t| t.elapsed() >= self.rescan) {
            self.scan();
        }
        if let Some(rx) = &self.events {
            let mut changed = Vec::new();
            match rx.recv_timeout(wait) {
                Ok(p) => changed.push(p),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    eprintln!("warning: file-system events stopped; polling the folders");
                    self.events = None;
                    self.rescan = Duration::from_secs(1);
                }
            }
            if let Some(rx) = &self.events {
                changed.extend(rx.try_iter());
            }
            for p in changed {
                self.note_path(&p);
            }
        } else {
            std::thread::sleep(wait);
        }
        self.complete()
    }

    /// Forget that a file was handed over (it was not read after all).
    pub fn not_handed(&mut self, path: &Path) {
        if let Some(seen) = self.files.get_mut(path) {
            seen.handed = None;
        }
    }

    /// Scan every watched folder.
    fn scan(&mut self) {
        self.last_scan = Some(Instant::now());
        let mut found = Vec::new();
        for f in &self.folders {
            walk(f, &mut found);
        }
        for p in found {
            self.note_file(p);
        }
        self.files.retain(|p, _| p.exists());
    }

    /// A path an event named: a file, or a folder moved in whole.
    fn note_path(&mut self, path: &Path) {
        if path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found);
            for p in found {
                self.note_file(p);
            }
        } else if readable_name(path) {
            self.note_file(path.to_path_buf());
        }
    }

    fn note_file(&mut self, path: PathBuf) {
        let Some(now) = Stamp::of(&path) else {
            self.files.remove(&path);
            return;
        };
        match self.files.get_mut(&path) {
            Some(seen) if seen.now == now => {}
            Some(seen) => {
                seen.now = now;
                seen.since = Instant::now();
            }
            None => {
                self.files.insert(
                    path,
                    Seen {
                        now,
                        since: Instant::now(),
                        handed: None,
                    },
                );
            }
        }
    }

    /// The files unchanged for the settling time and not handed over as they are, sorted;
    /// each looked at again first, so a write that sent no event still counts.
    fn complete(&mut self) -> Vec<PathBuf> {
        let settle = self.settle;
        let waiting: Vec<PathBuf> = self
            .files
            .iter()
            .filter(|(_, s)| s.handed != Some(s.now) && s.since.elapsed() >= settle)
            .map(|(p, _)| p.clone())
            .collect();
        let mut ready = Vec::new();
        for p in waiting {
            self.note_file(p.clone());
            if let Some(s) = self.files.get_mut(&p) {
                if s.handed != Some(s.now) && s.since.elapsed() >= settle {
                    s.handed = Some(s.now);
                    ready.push(p);
                }
            }
        }
        ready.sort();
        ready
    }
}

/// A file name `dyad code` reads and no writer's hidden temporary name.
fn readable_name(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
    !hidden && Format::from_extension(path).is_some()
}

/// The readable files under `dir`, recursively; hidden entries are skipped, as `dyad code`
/// skips them in a folder. A folder that cannot be read (gone meanwhile) adds nothing.
fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(&path, found),
            Ok(_) if readable_name(&path) => found.push(path),
            _ => {}
        }
    }
}

/// File-system events for `folders`, as the changed paths.
fn events_of(folders: &[PathBuf]) -> Result<(notify::RecommendedWatcher, Receiver<PathBuf>)> {
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            if event.kind.is_access() {
                return;
            }
            for p in event.paths {
                let _ = tx.send(p);
            }
        }
    })
    .context("cannot start file-system events")?;
    for f in folders {
        watcher
            .watch(f, notify::RecursiveMode::Recursive)
            .with_context(|| format!("cannot watch {}", f.display()))?;
    }
    Ok((watcher, rx))
}
