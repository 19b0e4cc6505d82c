//! dyad-text owns everything between the bytes of an article and the words of its sentences:
//! reading articles in every supported form (plain text with a dateline, JSON Lines, PETRARCH
//! XML, folders, stdin) into [`Document`]s, splitting a document into sentences, and splitting
//! sentences into tokens. Every span it produces is a character (Unicode scalar) offset into
//! [`Document::text`], so evidence can be sliced by Python or JavaScript consumers.

pub mod document;
pub mod readers;
pub mod sentences;
pub mod tokens;

pub use document::{Document, Origin};
pub use sentences::{split_sentences, Sentence};
pub use tokens::{normalize_word, tokenize, Token};
