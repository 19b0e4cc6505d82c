//! dyad-dict owns the coding knowledge that lives in files: parsers for every dictionary format
//! of the PETRARCH family (PETR-2 verb patterns, actors with time-bounded roles, agents,
//! discards, issues, event nouns) and the checks of actor files, the CAMEO tables (event codes with labels,
//! Goldstein scores and quad classes; the actor-code lists), PETRARCH's internal coding
//! ontology (PICO), the CAMEO→PLOVER mapping, the tone lexicon (AFINN-165) with GDELT's tone, and the bundled production set that ships inside
//! the binary. It does not code text: dyad-coder reads these tables.
//!
//! Parsers tolerate the known upstream defects (undefined synsets, 7-digit dates, `> 140608`,
//! several `[..]` on one line, CRLF) and report real errors as [`DictError`] naming file, line
//! and what was expected. Nothing here panics on input.

#![forbid(unsafe_code)]

pub mod actors;
pub mod actors_check;
pub mod agents;
pub mod bundled;
pub mod cameo;
pub mod discards;
pub mod error;
pub mod event_nouns;
pub mod issues;
pub mod pico;
pub mod plover;
pub mod reader;
#[cfg(test)]
mod test_support;
pub mod tone;
pub mod verbs;
pub mod words;

pub use error::DictError;
pub use reader::Warning;
