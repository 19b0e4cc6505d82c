//! A quotation of an article and the actor who says it, as `dyad code --quotes` writes it and
//! the store keeps it.

use serde::Serialize;

/// A speaker as coded: the code, the words of the attribution, and the person meant.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Speaker {
    pub code: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The person's name as first written in the article ("Emmanuel Macron"), when known.
    pub name: Option<String>,
}

/// One quotation, as `dyad code --quotes` writes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteRecord {
    pub record: &'static str,
    pub article_id: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub speaker: Option<Speaker>,
}
