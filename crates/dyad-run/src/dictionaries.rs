//! Choosing the dictionaries to code with: the bundled production set, a folder, or
//! individual files, each overriding one part (the command line's flags, the Python
//! package's `Coder` arguments), and the coder made with them.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use dyad_coder::Coder;
use dyad_dict::bundled::Dictionaries;
use dyad_dict::{actors, agents, discards, event_nouns, verbs};
use dyad_store::hash::Fnv64;

/// The dictionary files chosen; none: the bundled set. With the `clap` feature, the command
/// line's flags (`--dictionaries`, `--verbs`, …), documented by the fields.
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "clap", derive(clap::Args))]
pub struct DictionaryFiles {
    /// Folder holding a verb dictionary, actor, agent and discard files (found by name).
    #[cfg_attr(feature = "clap", arg(long, value_name = "DIR"))]
    pub dictionaries: Option<PathBuf>,
    /// PETR-2 verb-pattern file (replaces the verbs of the base set, and with them its event
    /// nouns, whose light verbs are verbs of that set: give --event-nouns to keep some).
    #[cfg_attr(feature = "clap", arg(long, value_name = "FILE"))]
    pub verbs: Option<PathBuf>,
    /// Event-noun lexicon (replaces the event nouns of the base set; format in
    /// data/dictionaries/dyad.event-nouns.txt).
    #[cfg_attr(feature = "clap", arg(long, value_name = "FILE"))]
    pub event_nouns: Option<PathBuf>,
    /// Actor dictionary file(s) (replace the actors of the base set).
    #[cfg_attr(feature = "clap", arg(long, value_name = "FILE", num_args = 1..))]
    pub actors: Vec<PathBuf>,
    /// Agent dictionary file.
    #[cfg_attr(feature = "clap", arg(long, value_name = "FILE"))]
    pub agents: Option<PathBuf>,
    /// Discard list.
    #[cfg_attr(feature = "clap", arg(long, value_name = "FILE"))]
    pub discards: Option<PathBuf>,
}

impl DictionaryFiles {
    pub fn is_default(&self) -> bool {
        self.dictionaries.is_none()
            && self.verbs.is_none()
            && self.event_nouns.is_none()
            && self.actors.is_empty()
            && self.agents.is_none()
            && self.discards.is_none()
    }

    /// A stable hash of the dictionary bytes these flags select (the bundled files, or every
    /// file of the folder, then each override file), 16 hex digits: the "dictionary version"
    /// the event database records with each article, so `dyad recode` knows what to redo.
    pub fn version(&self) -> Result<String> {
        let mut h = Fnv64::new();
        match &self.dictionaries {
            None => {
                for (name, bytes) in dyad_dict::bundled::bundled_files() {
                    h.field(name).write(bytes);
                }
            }
            Some(dir) => {
                let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
                    .with_context(|| format!("cannot read {}", dir.display()))?
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.is_file())
                    .collect();
                files.sort();
                for f in files {
                    let bytes = std::fs::read(&f)
                        .with_context(|| format!("cannot read {}", f.display()))?;
                    h.field(&f.file_name().unwrap_or_default().to_string_lossy())
                        .write(&bytes);
                }
            }
        }
        let overrides = self
            .verbs
            .iter()
            .map(|f| ("verbs", f))
            .chain(self.event_nouns.iter().map(|f| ("event nouns", f)))
            .chain(self.actors.iter().map(|f| ("actors", f)))
            .chain(self.agents.iter().map(|f| ("agents", f)))
            .chain(self.discards.iter().map(|f| ("discards", f)));
        for (part, f) in overrides {
            let bytes = std::fs::read(f).with_context(|| format!("cannot read {}", f.display()))?;
            h.field(part).write(&bytes);
        }
        Ok(h.hex())
    }

    /// Load the base set (folder or bundled), then apply the per-file overrides.
    pub fn load(&self) -> Result<Dictionaries> {
        let mut d = match &self.dictionaries {
            Some(dir) => Dictionaries::from_dir(dir)?,
            None => Dictionaries::bundled()?,
        };
        if let Some(f) = &self.verbs {
            d.verbs = verbs::parse(&read(f)?, &name(f))?;
            report(&d.verbs.warnings);
            d.event_nouns = Default::default();
        }
        if let Some(f) = &self.event_nouns {
            d.event_nouns = event_nouns::parse(&read(f)?, &name(f))?;
            report(&d.event_nouns.warnings);
        }
        if !self.actors.is_empty() {
            let mut all = actors::ActorDictionary::default();
            for f in &self.actors {
                let a = actors::parse(&read(f)?, &name(f))?;
                report(&a.warnings);
                all.extend(a);
            }
            d.actors = all;
        }
        if let Some(f) = &self.agents {
            d.agents = agents::parse(&read(f)?, &name(f))?;
            report(&d.agents.warnings);
        }
        if let Some(f) = &self.discards {
            d.discards = discards::parse(&read(f)?, &name(f))?;
            report(&d.discards.warnings);
        }
        Ok(d)
    }

    /// The coder with these dictionaries, built while the tagger and the gazetteer load on
    /// another thread: start-up takes the longer of the two rather than their sum.
    pub fn start_coder(&self) -> Result<Coder> {
        std::thread::scope(|scope| {
            scope.spawn(|| {
                dyad_lang::tagger::Tagger::bundled();
                dyad_lang::gazetteer::Gazetteer::bundled();
            });
            Ok(Coder::new(self.load()?))
        })
    }
}

/// A user's dictionary file read with tolerated defects: say so once per defect, on stderr.
fn report(warnings: &[dyad_dict::Warning]) {
    for w in warnings {
        eprintln!("warning: {w}");
    }
}

pub fn read(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

pub fn name(path: &Path) -> String {
    path.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Databases record the version of the dictionaries each article was coded with: the
    /// bundled set's must not change unless its files do (reading the issues only on use left
    /// their bytes in the hash).
    #[test]
    fn the_bundled_version_is_stable() {
        assert_eq!(
            DictionaryFiles::default().version().unwrap(),
            "7d2e08c37b326495"
        );
    }
}
