//! Which reports are one event: one key, and one function that merges an article's repeated
//! reports, shared by the coder's output and the store (which merges across articles with the
//! same key).
//!
//! Two reports are the same event when they have the same source code, target code and CAMEO
//! code, the same polarity (negated or not) and modality, and the same date: the day the
//! clause names ("on Thursday"), else the article's date. This is GDELT's own rule (it merges
//! within a day); a window of several days would make the grouping depend on the order the
//! articles arrive in (a report dated the 2nd could join the 1st's event or the 3rd's) and so
//! would make event ids unstable. An event without a date keeps the empty date and merges with
//! the undated reports of the same dyad and code.

use std::collections::HashMap;

use crate::event::{Event, Modality, Report};

/// What makes two reports one event.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EventKey {
    pub source: String,
    pub target: String,
    pub code: String,
    pub negated: bool,
    pub modality: String,
    /// YYYY-MM-DD, or empty.
    pub date: String,
}

impl EventKey {
    pub fn of(event: &Event) -> EventKey {
        let code = |a: &Option<crate::ActorRef>| a.as_ref().map(|a| a.code.clone());
        EventKey {
            source: code(&event.source).unwrap_or_default(),
            target: code(&event.target).unwrap_or_default(),
            code: event.code.clone(),
            negated: event.negated,
            modality: event.modality.name().to_string(),
            date: event.date.clone().unwrap_or_default(),
        }
    }

    /// The key as stored (`USA|CHN|040|0|asserted|2025-12-04`).
    pub fn text(&self) -> String {
        format!(
            "{}|{}|{}|{}|{}|{}",
            self.source,
            self.target,
            self.code,
            u8::from(self.negated),
            self.modality,
            self.date
        )
    }
}

impl Modality {
    /// The modality as written in the output and the store.
    pub fn name(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Intended => "intended",
            Modality::Hypothetical => "hypothetical",
        }
    }
}

/// An event the article reports again in a later sentence ("China and France pledged…" then
/// "the two sides pledged…") is one event: the first report keeps its place in the list, counts
/// the others in `mentions` and keeps each of them (its sentence, evidence, date and place) in
/// `repeated_in`. Reports of one key in the same sentence are distinct acts ("met X and met Y
/// again"), not repeats, and stay apart.
pub fn merge_repeated_reports(events: &mut Vec<Event>) {
    let mut first: HashMap<EventKey, usize> = HashMap::new();
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    for e in events.drain(..) {
        let key = EventKey::of(&e);
        match first.get(&key) {
            Some(&i) if out[i].sentence != e.sentence => {
                out[i].mentions += 1;
                out[i].repeated_in.push(Report {
                    sentence: e.sentence,
                    evidence: e.evidence,
                    date: e.date,
                    place: e.place,
                });
            }
            _ => {
                first.insert(key, out.len());
                out.push(e);
            }
        }
    }
    *events = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ActorRef, Span};

    fn report(sentence: usize, date: &str, code: &str) -> Event {
        let actor = |code: &str| ActorRef {
            code: code.into(),
            text: code.into(),
            start: 0,
            end: 3,
        };
        let span = Span {
            start: sentence * 10,
            end: sentence * 10 + 5,
            text: "words".into(),
        };
        Event {
            article_id: "a".into(),
            sentence,
            date: Some(date.into()),
            source: Some(actor("FRA")),
            target: Some(actor("CHN")),
            code: code.into(),
            root: code[..2].into(),
            quad_class: 1,
            goldstein: 1.0,
            plover: None,
            negated: false,
            negation_code: None,
            modality: Modality::Asserted,
            evidence: span.clone(),
            verb: span,
            rule: String::new(),
            mentions: 1,
            repeated_in: Vec::new(),
            amounts: Vec::new(),
            place: None,
            clause: (0, 0),
            explain: None,
        }
    }

    const DAY: &str = "2025-12-04";

    /// The events left after merging reports (sentence, date, code), and their mentions.
    fn merged(reports: &[(usize, &str, &str)]) -> Vec<Event> {
        let mut events = reports.iter().map(|&(s, d, c)| report(s, d, c)).collect();
        merge_repeated_reports(&mut events);
        events
    }

    #[test]
    fn a_later_sentence_with_the_same_key_is_a_repeat_that_keeps_its_own_sentence() {
        let events = merged(&[(0, DAY, "040"), (2, DAY, "040"), (3, DAY, "057")]);
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].mentions, 2);
        assert_eq!(events[0].repeated_in[0].sentence, 2);
        assert_eq!(events[0].repeated_in[0].evidence.start, 20);
    }

    #[test]
    fn another_day_or_the_same_sentence_is_another_event() {
        let events = merged(&[(0, DAY, "040"), (0, DAY, "040"), (1, "2025-12-01", "040")]);
        assert_eq!(events.len(), 3);
        assert!(events.iter().all(|e| e.mentions == 1));
    }

    #[test]
    fn the_key_text_is_stable() {
        let e = report(0, "2025-12-04", "040");
        assert_eq!(EventKey::of(&e).text(), "FRA|CHN|040|0|asserted|2025-12-04");
    }
}
