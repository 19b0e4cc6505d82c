//! Progress on a terminal: a bar with the bytes read of the inputs' total and the time left
//! (`code`, `ingest`), or the records written of the total (`export`). indicatif draws on
//! stderr only when it is a terminal, so a pipe or a log file gets none of it; rates are
//! plain ("3.1 MiB/s", "420 articles/s").

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

/// How often the bar is drawn again when nothing moves it.
const TICK: Duration = Duration::from_millis(150);

/// The bytes of the inputs (files, and the files of folders, recursively); None when one is
/// stdin, whose size is not known.
pub fn input_bytes(inputs: &[String]) -> Option<u64> {
    fn walk(p: &Path) -> u64 {
        match std::fs::metadata(p) {
            Ok(m) if m.is_file() => m.len(),
            Ok(m) if m.is_dir() => std::fs::read_dir(p)
                .map(|d| d.flatten().map(|e| walk(&e.path())).sum())
                .unwrap_or(0),
            _ => 0,
        }
    }
    if inputs.iter().any(|i| i == "-") {
        return None;
    }
    Some(inputs.iter().map(|i| walk(Path::new(i))).sum())
}

/// A bar over the inputs' bytes (a spinner with the bytes read when the total is not known);
/// its message says the articles.
pub fn reading(total: Option<u64>) -> ProgressBar {
    let (bar, template) = match total {
        Some(t) => (
            ProgressBar::new(t),
            "{bar:30} {bytes}/{total_bytes} ({bytes_per_sec}, {eta} left) {msg}",
        ),
        None => (
            ProgressBar::new_spinner(),
            "{spinner} {bytes} read ({bytes_per_sec}) {elapsed} {msg}",
        ),
    };
    bar.set_style(
        ProgressStyle::with_template(template)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.enable_steady_tick(TICK);
    bar
}

/// A bar over `total` records written.
pub fn writing(total: u64) -> ProgressBar {
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {human_pos}/{human_len} records ({eta} left) {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.enable_steady_tick(TICK);
    bar
}

/// `n` things and their rate over the time the bar has run, plainly ("8000 articles (420
/// articles/s)"; the rate left out in the first half second).
pub fn rate(bar: &ProgressBar, n: u64, what: &str) -> String {
    format!("{n} {what}{}", per_second(bar, n, what))
}

/// ", 420 articles/s" for `n` things over the time the bar has run; empty in the first half
/// second, when a rate says nothing.
pub fn per_second(bar: &ProgressBar, n: u64, what: &str) -> String {
    let secs = bar.elapsed().as_secs_f64();
    if secs < 0.5 {
        return String::new();
    }
    format!(" ({:.0} {what}/s)", n as f64 / secs)
}

/// Where the bytes of one run's inputs have got to: the files finished and the current
/// file's articles, counted by their text (a record's other fields are not counted, so it
/// runs a little behind, and is put right at each file's end).
#[derive(Default)]
pub struct BytesRead {
    done: u64,
    file: String,
    file_size: u64,
    in_file: u64,
}

impl BytesRead {
    /// An article of `file` with `len` bytes of text was read; the position.
    pub fn article(&mut self, file: &str, len: usize) -> u64 {
        if file != self.file {
            self.done += self.file_size;
            self.file = file.to_string();
            self.file_size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
            self.in_file = 0;
        }
        self.in_file = (self.in_file + len as u64).min(self.file_size);
        self.done + self.in_file
    }
}

/// What moves a reading bar ([`reading`]) as each article is read: the bytes of the inputs
/// read so far, and every 64 articles their count and rate in its message.
pub fn on_read<'a>(bar: &ProgressBar) -> dyad_run::files::OnRead<'a> {
    let bar = bar.clone();
    let mut bytes = BytesRead::default();
    let mut articles = 0u64;
    Box::new(move |doc| {
        articles += 1;
        bar.set_position(bytes.article(&doc.origin.file, doc.text.len()));
        if articles.is_multiple_of(64) {
            bar.set_message(rate(&bar, articles, "articles"));
        }
    })
}

/// A writer that moves a bar by the lines (records) written through it.
pub struct CountLines<W: Write> {
    pub inner: W,
    pub bar: ProgressBar,
}

impl<W: Write> Write for CountLines<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        let lines = buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
        self.bar.inc(lines);
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}
