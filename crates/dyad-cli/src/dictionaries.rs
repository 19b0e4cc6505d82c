//! The flags choosing the dictionaries a command codes with: the bundled production set, a
//! folder, or individual files, each flag overriding one part (read and hashed by
//! [`dyad_run::dictionaries`]).

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use dyad_coder::Coder;
use dyad_dict::bundled::Dictionaries;
use dyad_run::DictionaryFiles;

pub use dyad_run::dictionaries::read;

#[derive(Args, Debug, Clone, Default)]
pub struct DictionaryArgs {
    /// Folder holding a verb dictionary, actor, agent and discard files (found by name).
    #[arg(long, value_name = "DIR")]
    pub dictionaries: Option<PathBuf>,
    /// PETR-2 verb-pattern file (replaces the verbs of the base set, and with them its event
    /// nouns, whose light verbs are verbs of that set: give --event-nouns to keep some).
    #[arg(long, value_name = "FILE")]
    pub verbs: Option<PathBuf>,
    /// Event-noun lexicon (replaces the event nouns of the base set; format in
    /// data/dictionaries/dyad.event-nouns.txt).
    #[arg(long, value_name = "FILE")]
    pub event_nouns: Option<PathBuf>,
    /// Actor dictionary file(s) (replace the actors of the base set).
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub actors: Vec<PathBuf>,
    /// Agent dictionary file.
    #[arg(long, value_name = "FILE")]
    pub agents: Option<PathBuf>,
    /// Discard list.
    #[arg(long, value_name = "FILE")]
    pub discards: Option<PathBuf>,
}

impl DictionaryArgs {
    pub fn is_default(&self) -> bool {
        self.dictionaries.is_none()
            && self.verbs.is_none()
            && self.event_nouns.is_none()
            && self.actors.is_empty()
            && self.agents.is_none()
            && self.discards.is_none()
    }

    /// The files the flags name.
    pub fn files(&self) -> DictionaryFiles {
        DictionaryFiles {
            dictionaries: self.dictionaries.clone(),
            verbs: self.verbs.clone(),
            event_nouns: self.event_nouns.clone(),
            actors: self.actors.clone(),
            agents: self.agents.clone(),
            discards: self.discards.clone(),
        }
    }

    /// The dictionary version the event database records ([`DictionaryFiles::version`]).
    pub fn version(&self) -> Result<String> {
        self.files().version()
    }

    /// The base set (folder or bundled) with the per-file overrides.
    pub fn load(&self) -> Result<Dictionaries> {
        self.files().load()
    }

    /// The coder `dyad code` and `bench` start with ([`DictionaryFiles::start_coder`]), with
    /// the stages' trace when `DYAD_DEBUG` is set.
    pub fn start_coder(&self) -> Result<Coder> {
        Ok(self
            .files()
            .start_coder()?
            .with_trace(std::env::var_os("DYAD_DEBUG").is_some()))
    }
}
