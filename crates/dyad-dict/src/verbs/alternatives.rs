//! Building [`Alternatives`], the word sequences an element may match: the plural of a phrase's
//! last word, duplicates dropped, and the cap on a cross product of synsets.

use std::collections::HashSet;

use super::dictionary::Alternatives;
use crate::reader::noun_plural;

/// Most alternatives one element may expand to (a guard against a cross product of large
/// synsets; the real files stay far below it).
pub(super) const MAX_ALTERNATIVES: usize = 20_000;

/// The words with their last one in the plural, if it has one (see [`noun_plural`]).
pub(super) fn pluralize_last(words: &[String]) -> Option<Vec<String>> {
    let last = noun_plural(words.last()?)?;
    let mut p = words.to_vec();
    *p.last_mut()? = last;
    Some(p)
}

/// Drop the repeated alternatives, keeping the first of each.
pub(super) fn dedup(alts: &mut Alternatives) {
    let mut seen = HashSet::new();
    alts.retain(|a| seen.insert(a.clone()));
}
