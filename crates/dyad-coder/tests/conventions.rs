//! The coding conventions (docs/CODING-GUIDE.md's, dyad's default, and PETRARCH's, for its
//! suites): what each writes for the same sentence.

#[allow(dead_code)] // each test file uses part of the shared helpers
mod common;

use common::*;
use dyad_coder::{Coder, Convention, Modality};

fn petrarch() -> Coder {
    Coder::new(dyad_dict::bundled::Dictionaries::bundled().unwrap())
        .with_convention(Convention::Petrarch)
}

#[test]
fn an_announced_meeting_is_an_intent_to_meet_in_the_guides_convention() {
    let d = doc(
        "Chile will hold talks with Peru next month.",
        Some(date(2024, 5, 6)),
    );
    let guide = production().code_document(&d);
    assert_eq!(triples(&guide), expect(&["CHL 036 PER", "PER 036 CHL"]));
    assert!(guide
        .iter()
        .all(|e| e.modality == Modality::Intended && e.root == "03"));
    // PETRARCH's convention keeps the dictionary's code, with the modality
    let petr = petrarch().code_document(&d);
    assert!(petr.iter().all(|e| e.root == "04"), "{:?}", triples(&petr));
    // a meeting held is a meeting
    let held = production().code_document(&doc(
        "Chile held talks with Peru on Monday.",
        Some(date(2024, 5, 6)),
    ));
    assert!(held.iter().all(|e| e.root == "04"), "{:?}", triples(&held));
}

#[test]
fn a_bare_statement_is_an_event_in_petrarchs_convention_only() {
    let text = "Italy's prime minister spoke about Ethiopia at length on Monday.";
    let d = doc(text, Some(date(2024, 5, 6)));
    let petr = petrarch();
    let with_petr = petr.code_document(&d);
    assert!(
        with_petr.iter().any(|e| e.code == "010"),
        "{:?}",
        triples(&with_petr)
    );
    // the coding guide: commentary with no addressee is no event
    let guide = production().code_document(&d);
    assert!(
        guide.iter().all(|e| e.code != "010"),
        "{:?}",
        triples(&guide)
    );
}

#[test]
fn without_a_dateline_an_agent_takes_the_country_the_article_names_most() {
    let text = "Kenya and Uganda signed a border agreement. Kenya's president praised \
                the deal on Tuesday. Police arrested twelve protesters outside parliament.";
    let d = doc(text, Some(date(2024, 5, 8)));
    let t = triples(&production().code_document(&d));
    assert!(t.iter().any(|e| e.starts_with("KENCOP 17")), "{t:?}");
    // PETRARCH's convention leaves the agent without a country
    let petr = petrarch();
    let t = triples(&petr.code_document(&d));
    assert!(!t.iter().any(|e| e.starts_with("KENCOP")), "{t:?}");
}

#[test]
fn agreeing_or_pledging_to_act_is_the_intent_to_act() {
    let d = |text: &str| doc(text, Some(date(2024, 5, 6)));
    let ties = production().code_document(&d("Chile and Peru agreed to strengthen their ties."));
    assert_eq!(triples(&ties), expect(&["CHL 030 PER", "PER 030 CHL"]));
    assert!(ties.iter().all(|e| e.modality == Modality::Intended));
    // a pledge of aid is the intent to give it (03x), not aid given (07x)
    let aid = production().code_document(&d("Chile pledged to send humanitarian aid to Haiti."));
    assert!(
        !aid.is_empty() && aid.iter().all(|e| e.root == "03"),
        "{:?}",
        triples(&aid)
    );
}
