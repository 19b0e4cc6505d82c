//! dyad-coder owns the coding logic: where a sentence becomes events. A [`Coder`] is built
//! from the dictionaries and the other [`Resources`] once; for each article it reads the text
//! into an [`Article`] (sentences over one token array) and runs the [`pipeline`]'s stages,
//! each adding a layer: vocabulary ids, discards, events (sentence by sentence: [`mentions`],
//! [`verbs`], [`coreference`], [`clauses`] with [`patterns`], [`objects`] and [`role`],
//! [`nesting`], [`emit`], [`nominal`]), [`places`], [`amounts`], and the merge of repeated
//! reports. The quotations with their speakers ([`speakers`]) are a layer read when first
//! needed.
//!
//! Below the stages, the coder's view of English: [`english`] (closed word classes),
//! [`lexicon`] (the dictionaries compiled into indexes by vocabulary id) and [`sentence`] (a
//! sentence's words as the coder sees them). docs/ARCHITECTURE.md draws the whole pipeline.

#![forbid(unsafe_code)]

pub mod amounts;
pub mod article;
pub mod clauses;
pub mod coder;
pub mod conventions;
pub mod coreference;
pub mod dates;
pub mod discards;
pub mod emit;
pub mod english;
pub mod event_nouns;
pub mod events;
pub mod explain;
pub mod labels;
pub mod lexicon;
pub mod mediators;
pub mod mentions;
pub mod merging;
pub mod names;
pub mod nesting;
pub mod nominal;
pub mod objects;
pub mod patterns;
pub mod pipeline;
pub mod places;
pub mod resources;
pub mod role;
pub mod sentence;
pub mod speakers;
pub mod themes;
pub mod trace;
pub mod unnamed_targets;
pub mod verbs;

pub use article::Article;
pub use coder::{Coded, Coder, Limits};
pub use conventions::Convention;
pub use dyad_model::{ActorRef, Event, Modality, QuoteRecord, Span, Speaker};
pub use resources::{Resources, Shared};
