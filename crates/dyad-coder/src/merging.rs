//! One event from one verb: the same (source, target, code) coded twice from one verb of a
//! sentence is kept once. Repeats across sentences are merged by
//! [`dyad_model::merge_repeated_reports`], the rule the store shares.

use dyad_model::Event;

/// The same (source, target, code) from the same verb twice (a compound listing an actor twice,
/// or a paired code that is its own reverse on a symmetric pair) is one event.
/// Only the events from `first_new` on (this sentence's) are compared: earlier sentences' events
/// cannot share a key with them.
pub fn dedup_events(events: &mut Vec<Event>, first_new: usize) {
    let mut seen = std::collections::HashSet::new();
    let mut new = events.split_off(first_new);
    new.retain(|e| {
        let key = (
            e.verb.start,
            e.source.as_ref().map(|a| a.code.clone()),
            e.target.as_ref().map(|a| a.code.clone()),
            e.code.clone(),
        );
        seen.insert(key)
    });
    events.extend(new);
}
