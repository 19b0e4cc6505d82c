//! The amounts layer: money and casualty figures stated in an event's clause go with the
//! event ("will provide $100 million", "killing eight").

use dyad_model::{AmountKind, Event};
use dyad_text::WholeText;

/// Money and casualty figures stated in an event's clause ("will provide $100 million", "killing
/// eight") go with the event.
pub fn attach(whole: &WholeText, events: &mut [Event]) {
    let amounts = dyad_text::amounts::find_amounts_in(whole);
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
