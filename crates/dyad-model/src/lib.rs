//! dyad-model owns the data that crosses dyad's crates, and nothing that computes it: the
//! article as read ([`Document`], [`Origin`]), its words ([`Token`], and [`normalize_word`],
//! the one form in which text and dictionaries are compared), what coding finds ([`Event`]
//! with its [`ActorRef`]s, [`Span`]s, [`Place`], [`Amount`]s; [`QuoteRecord`]), what makes
//! two reports one event ([`same_event`]), and the [`Warning`] that names a bad piece of input.
//!
//! The store and the server depend on this crate instead of the coder: they keep and serve
//! events without knowing how a sentence becomes one.

#![forbid(unsafe_code)]

pub mod amount;
pub mod document;
pub mod event;
pub mod explain;
pub mod quote;
pub mod same_event;
pub mod token;
pub mod warning;

pub use amount::{Amount, AmountKind, Casualty};
pub use document::{Document, Origin};
pub use event::{ActorRef, Event, Modality, Place, Report, Span};
pub use explain::{ActorExplanation, Explanation};
pub use quote::{QuoteRecord, Speaker};
pub use same_event::{merge_repeated_reports, EventKey};
pub use token::{normalize_word, Token};
pub use warning::Warning;
