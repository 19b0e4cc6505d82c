//! The role an actor fills for a verb or a noun: its members (one actor, or several named
//! together), the words that name them, and whether a pronoun stood for them. Clauses give each
//! verb its subject and object as roles; events read source and target from them.

use crate::mentions::{ActorCode, ActorPhrase};

/// The actors a clause role resolved to, with the phrase that names them.
#[derive(Debug, Clone, Default)]
pub struct Role {
    pub members: Vec<ActorCode>,
    /// Tokens of the phrase, for evidence; None when the role was inherited from elsewhere (a
    /// pronoun or an earlier clause).
    pub span: Option<(usize, usize)>,
    /// Found through a pronoun ("he", "they") rather than a name.
    pub pronoun: bool,
}

impl Role {
    /// The role an actor phrase of the sentence fills, named there.
    pub fn of_phrase(p: &ActorPhrase) -> Role {
        Role {
            members: p.members.clone(),
            span: Some((p.start, p.end)),
            pronoun: false,
        }
    }
}
