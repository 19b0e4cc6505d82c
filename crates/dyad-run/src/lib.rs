//! Running the coder over a stream of articles, for the `dyad` command and the Python package
//! alike: the one read → code → write loop ([`pipeline`]), where articles come from
//! ([`files`]: files, folders, stdin, or JSON records in memory), where coded articles go
//! ([`jsonl`]: `dyad code`'s JSON Lines; [`store`]: the event database) and which dictionaries
//! code them ([`dictionaries`]), and how an error is said ([`message`]).
//!
//! It holds no coding logic (that is dyad-coder's) and knows nothing of a command line: both
//! front ends call the same functions, so the Python package's events are byte for byte the
//! command's.

#![forbid(unsafe_code)]

pub mod dictionaries;
pub mod files;
pub mod jsonl;
pub mod message;
pub mod pipeline;
pub mod store;

pub use dictionaries::DictionaryFiles;
pub use files::{Files, Records};
pub use jsonl::{JsonLines, BATCH};
pub use message::error_chain;
pub use pipeline::{code_guarded, Coded, Loop, Sink, Source};
pub use store::StoreSink;
