//! The loop's JSON Lines sink: what `dyad code` writes, and what the Python package's `code`
//! and `code_many` read back, byte for byte the same.

use std::io::Write;

use anyhow::Result;
use dyad_model::Document;

use crate::pipeline::{Coded, Sink};

/// Articles per batch of `dyad code` (and of the Python package's `code_many`).
pub const BATCH: usize = 512;

/// One JSON object per line, each article's events then its quotations; each batch written at
/// once, and flushed when `flush` (a pipe's reader gets every batch as soon as it is coded).
pub struct JsonLines<W: Write> {
    pub out: W,
    pub flush: bool,
    /// Events written so far.
    pub events: usize,
}

impl<W: Write> JsonLines<W> {
    pub fn new(out: W, flush: bool) -> Self {
        JsonLines {
            out,
            flush,
            events: 0,
        }
    }
}

/// An article's lines: its events, then its quotations.
pub fn lines(coded: &Coded) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::new();
    for e in &coded.events {
        serde_json::to_writer(&mut out, e)?;
        out.push(b'\n');
    }
    for q in &coded.quotes {
        serde_json::to_writer(&mut out, q)?;
        out.push(b'\n');
    }
    Ok(out)
}

impl<W: Write> Sink for JsonLines<W> {
    /// The article's lines, and its number of events.
    type Item = (Vec<u8>, usize);

    fn item(_doc: &Document, coded: Coded) -> Result<(Vec<u8>, usize)> {
        Ok((lines(&coded)?, coded.events.len()))
    }

    fn write(&mut self, _docs: Vec<Document>, items: Vec<(Vec<u8>, usize)>) -> Result<()> {
        let mut bytes = Vec::with_capacity(items.iter().map(|(b, _)| b.len()).sum());
        for (b, n) in items {
            bytes.extend_from_slice(&b);
            self.events += n;
        }
        self.out.write_all(&bytes)?;
        if self.flush {
            self.out.flush()?;
        }
        Ok(())
    }
}
