//! The amounts layer: money and casualty figures stated in an event's clause go with the
//! event ("will provide $100 million", "killing eight").

use dyad_model::{AmountKind, Event};
use dyad_text::WholeText;

use crate::article::ArticleSentence;

/// Money and casualty figures stated in an event's clause ("will provide $100 million", "killing
/// eight") go with the event.
/// Only the sentences with an event are read (`sentences`: each sentence's span).
pub fn attach(whole: &WholeText, sentences: &[ArticleSentence], events: &mut [Event]) {
    let mut read: Vec<usize> = events.iter().map(|e| e.sentence).collect();
    read.sort_unstable();
    read.dedup();
    let stretches: Vec<(usize, usize)> = read
        .iter()
        .filter_map(|&i| sentences.get(i))
        .map(|s| (s.span.start, s.span.end))
        .collect();
    let amounts = dyad_text::amounts::find_amounts_within(whole, &stretches);
    for e in events.iter_mut() {
        let (a, b) = (
            e.evidence.start.min(e.clause.0),
            e.evidence.end.max(e.clause.1),
        );
        e.amounts = amounts
            .iter()
            .filter(|m| m.start >= a && m.end <= b)
            .filter(|m| !matches!(m.kind, AmountKind::Number { .. }))
            .cloned()
            .collect();
    }
}
