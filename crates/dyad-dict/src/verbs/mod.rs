//! The PETRARCH-2 verb-pattern dictionary (`CAMEO.2.0.txt`, `PETR.Validate.verbs.2.0.txt`):
//! synonym sets, verb blocks with their inflected forms, patterns with their CAMEO codes, and
//! transformations. See FORMATS.md §2.1 for the file format.
//!
//! All words are normalised with [`crate::words::normalize_word`]. Synsets are expanded when the
//! file is read, so a pattern element holds the concrete word sequences it can match.
//!
//! The files, lowest layer first (a file uses only those above it):
//! * `codes`: [`CodeSpec`], [`CodePriority`], reading `[042:043]`;
//! * `transformations`: [`Transformation`] and reading `~` lines;
//! * `dictionary`: [`VerbDictionary`] and what it holds;
//! * `alternatives`, `log`: helpers of the reader (plurals and caps; warnings and errors);
//! * `synsets`: `&SYNSET` definitions and their expansion;
//! * `verb_lines`: `--- NAME [code] ---` headers and verb lines with their inflected forms;
//! * `patterns`: pattern lines;
//! * `read`: a whole file ([`parse`], [`parse_supplement`]).

mod alternatives;
mod codes;
mod dictionary;
mod log;
mod patterns;
mod read;
mod synsets;
#[cfg(test)]
mod tests;
mod transformations;
mod verb_lines;

pub use codes::{CodePriority, CodeSpec};
pub use dictionary::{
    Alternatives, Pattern, PatternElement, VerbBlock, VerbDictionary, VerbEntry, VerbForm,
};
pub use read::{parse, parse_supplement};
pub use transformations::Transformation;
