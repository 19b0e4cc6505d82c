//! dyad-coder owns the coding logic: where a sentence becomes events. A [`Coder`] is built from
//! the dictionaries once; `code_document` runs the stages in order, each in its own module:
//! [`mentions`] (actors and agents, assembled into actor phrases), [`verbs`] (dictionary verbs
//! and their verb groups: negation, modality, voice), [`patterns`] (the CAMEO code from the
//! verb's patterns), [`nominal`] (events a noun names: "a state visit"), [`coder`] (clauses: source and target, compounds, dates, evidence) and
//! [`event`] (what is emitted).

pub mod clauses;
pub mod coder;
pub mod dates;
pub mod english;
pub mod lexicon;
pub mod mentions;
pub mod nominal;
pub mod patterns;
pub mod places;
pub mod sentence;
pub mod speakers;
pub mod verbs;

pub use coder::{Coder, Limits};
pub use dyad_model::{ActorRef, Event, Modality, QuoteRecord, Span, Speaker};
