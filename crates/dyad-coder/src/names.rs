//! A name read as the coder reads names in text ("President Xi", "the Kremlin", "French
//! President Emmanuel Macron"), for `dyad actors lookup` and the tests of the actor files.

use dyad_text::{tokenize, Token};

use crate::mentions::{actor_phrases, find_mentions, ActorPhrase, Mention};
use crate::resources::Resources;
use crate::sentence::SentenceView;

/// A name as the coder reads it (see [`read_name`]).
pub struct NameReading {
    pub tokens: Vec<Token>,
    pub mentions: Vec<Mention>,
    pub phrases: Vec<ActorPhrase>,
}

/// The actor code(s) a name gets on a date, read as the coder reads names in text ("President
/// Xi", "the Kremlin", "French President Emmanuel Macron"): one entry per actor phrase, each
/// with the codes of its members. Empty when no dictionary entry names it.
pub fn code_name(res: &Resources, name: &str, date: Option<chrono::NaiveDate>) -> Vec<Vec<String>> {
    read_name(res, name, date)
        .phrases
        .into_iter()
        .map(|p| p.members.into_iter().map(|m| m.code).collect())
        .collect()
}

/// A name read as the coder reads names in text: its tokens, the dictionary mentions in
/// it (actors and agents) and the actor phrases they make on `date`.
pub fn read_name(res: &Resources, name: &str, date: Option<chrono::NaiveDate>) -> NameReading {
    let name = name.trim();
    let sentence = dyad_text::Sentence::from_char_range(name, 0, name.chars().count());
    let tokens = tokenize(name, &sentence);
    let s = SentenceView::new(&tokens, &res.tagger);
    let mentions = find_mentions(&res.lexicon, &s, date, &Default::default());
    let phrases = actor_phrases(&res.lexicon, &s, &mentions, &vec![false; s.len()], date);
    NameReading {
        tokens,
        mentions,
        phrases,
    }
}
