//! The model file, `data/tagger/model.bin`: writing a [`Tagger`] and reading one back.
//!
//! # Format (version 1)
//!
//! A little-endian binary file:
//!
//! ```text
//! magic        8 bytes   "DYADTAG\x01"
//! features     u32       feature-set version (FEATURE_SET, currently 1); a model trained
//!                        with other features is refused
//! tags         u8 n, then n × (u8 len, UTF-8 name)   the tag of each class index
//! dictionary   u32 n, then n × (u8 len, UTF-8 word, u8 class)   sorted by word
//! weights      u32 n, then n × (u64 key, u8 m, m × (u8 class, f32 weight))   sorted by key
//! ```
//!
//! Class indices refer to the file's own tag list, which is mapped to [`Tag`] by name on
//! loading, so reordering [`Tag`] does not invalidate a model.

use std::io::{self, Read, Write};

use super::features::FEATURE_SET;
use super::model::Tagger;
use super::tags::{Tag, NT};

impl Tagger {
    /// Write the model in the format of `data/tagger/model.bin` (described in `file.rs`).
    pub fn save<W: Write>(&self, mut w: W) -> io::Result<()> {
        let mut out = Vec::with_capacity(16 + self.n_weights * 5 + self.n_features * 9);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FEATURE_SET.to_le_bytes());
        out.push(NT as u8);
        for t in Tag::ALL {
            out.push(t.as_str().len() as u8);
            out.extend_from_slice(t.as_str().as_bytes());
        }
        let words: Vec<&(String, Tag)> = self
            .dict_words
            .iter()
            .filter(|(w, _)| w.len() <= 255)
            .collect();
        out.extend_from_slice(&(words.len() as u32).to_le_bytes());
        for (word, tag) in words {
            out.push(word.len() as u8);
            out.extend_from_slice(word.as_bytes());
            out.push(tag.index() as u8);
        }
        let weights = self.weights();
        out.extend_from_slice(&(weights.len() as u32).to_le_bytes());
        for (key, entries) in weights {
            out.extend_from_slice(&key.to_le_bytes());
            out.push(entries.len() as u8);
            for e in entries {
                out.push(e.tag as u8);
                out.extend_from_slice(&e.weight.to_le_bytes());
            }
        }
        w.write_all(&out)?;
        w.flush()
    }

    /// Read a model written by [`Tagger::save`].
    pub fn from_reader<R: Read>(mut r: R) -> io::Result<Tagger> {
        let mut bytes = Vec::new();
        r.read_to_end(&mut bytes)?;
        Tagger::from_bytes(&bytes)
    }

    /// Parse a model written by [`Tagger::save`].
    pub fn from_bytes(bytes: &[u8]) -> io::Result<Tagger> {
        let mut r = ByteReader { bytes, pos: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(invalid("not a dyad tagger model (bad magic)"));
        }
        let version = r.u32()?;
        if version != FEATURE_SET {
            return Err(invalid(&format!(
                "model uses feature set {version}, this build uses {FEATURE_SET}"
            )));
        }
        let n_tags = r.u8()? as usize;
        let mut tags = Vec::with_capacity(n_tags);
        for _ in 0..n_tags {
            let len = r.u8()? as usize;
            let name = std::str::from_utf8(r.take(len)?).map_err(|_| invalid("bad tag name"))?;
            tags.push(name.parse::<Tag>().map_err(|e| invalid(&e.to_string()))?);
        }
        let class = |i: u8| -> io::Result<Tag> {
            tags.get(i as usize)
                .copied()
                .ok_or_else(|| invalid("class index out of range"))
        };
        let n_words = r.u32()? as usize;
        let mut dict_words = Vec::with_capacity(n_words.min(bytes.len()));
        for _ in 0..n_words {
            let len = r.u8()? as usize;
            let word = std::str::from_utf8(r.take(len)?).map_err(|_| invalid("bad word"))?;
            dict_words.push((word.to_string(), class(r.u8()?)?));
        }
        let n_feats = r.u32()? as usize;
        let mut weights = Vec::with_capacity(n_feats.min(bytes.len() / 9));
        for _ in 0..n_feats {
            let key = r.u64()?;
            let m = r.u8()? as usize;
            let mut ws = Vec::with_capacity(m);
            for _ in 0..m {
                let tag = class(r.u8()?)?;
                let weight = f32::from_bits(r.u32()?);
                if !weight.is_finite() {
                    return Err(invalid("weight is not finite"));
                }
                ws.push((tag, weight));
            }
            weights.push((key, ws));
        }
        if r.pos != bytes.len() {
            return Err(invalid("trailing bytes after the weights"));
        }
        Ok(Tagger::from_parts(dict_words, weights))
    }
}

const MAGIC: &[u8; 8] = b"DYADTAG\x01";

fn invalid(msg: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("tagger model: {msg}"))
}

struct ByteReader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> ByteReader<'a> {
    fn take(&mut self, n: usize) -> io::Result<&'a [u8]> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| invalid("truncated"))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> io::Result<u8> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> io::Result<u32> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> io::Result<u64> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
}
