//! The flags choosing the dictionaries a command codes with: the bundled production set, a
//! folder, or individual files, each flag overriding one part (the flags are the fields of
//! [`DictionaryFiles`], read and hashed by [`dyad_run::dictionaries`]).

use anyhow::Result;
use clap::Args;
use dyad_coder::Coder;
use dyad_dict::bundled::Dictionaries;
use dyad_run::DictionaryFiles;

pub use dyad_run::dictionaries::read;

#[derive(Args, Debug, Clone, Default)]
pub struct DictionaryArgs {
    #[command(flatten)]
    pub files: DictionaryFiles,
}

impl DictionaryArgs {
    /// No flag given: the bundled set.
    pub fn is_default(&self) -> bool {
        self.files.is_default()
    }

    /// The dictionary version the event database records ([`DictionaryFiles::version`]).
    pub fn version(&self) -> Result<String> {
        self.files.version()
    }

    /// The base set (folder or bundled) with the per-file overrides.
    pub fn load(&self) -> Result<Dictionaries> {
        self.files.load()
    }

    /// The coder `dyad code` and `bench` start with ([`DictionaryFiles::start_coder`]), with
    /// the stages' trace when `DYAD_DEBUG` is set.
    pub fn start_coder(&self) -> Result<Coder> {
        Ok(self
            .files
            .start_coder()?
            .with_trace(std::env::var_os("DYAD_DEBUG").is_some()))
    }
}
