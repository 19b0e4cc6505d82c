//! Events told by nouns (data/dictionaries/dyad.event-nouns.txt), each way English gives a
//! noun its actors, on sentences written for these tests with the production dictionaries.

#[allow(dead_code)] // each test file uses part of the shared helpers
mod common;

use common::*;
use dyad_coder::Event;

/// Every event of `text`, with the production dictionaries, dated 14 May 2024.
fn all(text: &str) -> Vec<Event> {
    code_on(production(), text, date(2024, 5, 14))
}

/// The events of `text` that its nouns tell.
fn nouns(text: &str) -> Vec<Event> {
    all(text)
        .into_iter()
        .filter(|e| e.rule.starts_with("event noun"))
        .collect()
}

/// The nouns of `text` tell exactly the `expected` triples.
#[track_caller]
fn assert_nouns(text: &str, expected: &[&str]) {
    assert_eq!(triples(&nouns(text)), expect(expected), "{text:?}");
}

#[test]
fn between_a_and_b_is_coded_both_ways() {
    assert_nouns(
        "Talks between Chile and Peru began on Monday.",
        &["CHL 040 PER", "PER 040 CHL"],
    );
    // the "between" may stand a few words on
    assert_nouns(
        "Heavy fighting broke out overnight between Armenian and Azerbaijani troops.",
        &["ARMMIL 190 AZEMIL", "AZEMIL 190 ARMMIL"],
    );
}

#[test]
fn an_actor_before_the_noun_is_its_source_and_of_names_the_target() {
    assert_nouns(
        "Iraq's invasion of Kuwait shocked the region.",
        &["IRQ 192 KWT"],
    );
}

#[test]
fn a_preposition_after_the_noun_gives_the_target_and_by_the_source() {
    assert_nouns(
        "The attack on Nigerian soldiers by Boko Haram fighters was the third this month.",
        &["NGAREBUAF 190 NGAMIL"],
    );
}

#[test]
fn a_light_verb_lends_its_subject() {
    // HOLD alone would be a detention: the noun's code replaces the verb's
    let events = all("Ghana and Togo held a summit in Accra.");
    assert_eq!(triples(&events), expect(&["GHA 044 TGO", "TGO 044 GHA"]));
    assert_nouns(
        "Norway announced the expulsion of three Russian diplomats.",
        &["NOR 161 RUSGOV"],
    );
}

#[test]
fn a_negated_or_planned_verb_governs_its_noun() {
    assert!(nouns("Ghana did not hold talks with Togo.").is_empty());
    let planned = nouns("Ghana will conduct negotiations with Togo next week.");
    assert_eq!(triples(&planned), expect(&["GHA 036 TGO", "TGO 036 GHA"]));
    assert!(planned
        .iter()
        .all(|e| e.modality == dyad_coder::Modality::Intended));
}

#[test]
fn no_event_without_both_actors_or_as_a_modifier() {
    assert!(nouns("The talks ended without a deal.").is_empty());
    assert!(nouns("Kenya bought attack helicopters from Italy.").is_empty());
}

#[test]
fn a_place_after_in_is_where_not_whom_when_an_actor_follows() {
    // the verb's target is the counterpart, not the city the talks were held in
    let events = all("Ghana will negotiate in Lome with Togolese President Faure Gnassingbe.");
    let t = triples(&events);
    assert!(
        t.iter().all(|t| !t.ends_with(" TGO") || t.contains("GOV")),
        "{t:?}"
    );
    assert!(
        t.iter()
            .any(|t| t.starts_with("GHA ") && t.ends_with("TGOGOV")),
        "{t:?}"
    );
}

#[test]
fn renewing_clamping_and_tightening_tell_the_act_their_noun_names() {
    // (in Cairo, a third location: 044)
    assert_nouns(
        "Israel and Hamas renewed talks in Cairo.",
        &["ISR 044 PSEREBHMS", "PSEREBHMS 044 ISR"],
    );
    assert_nouns("Russia renewed its attack on Kharkiv.", &["RUS 190 UKR"]);
    assert_nouns(
        "The United Nations clamped sanctions on Libya in 1992.",
        &["IGOUNO 163 LBY"],
    );
    assert_nouns(
        "The European Union tightened sanctions on Belarus on Monday.",
        &["IGOEUREEC 163 BLR"],
    );
}

#[test]
fn where_and_when_may_stand_between_a_noun_and_its_preposition() {
    assert_nouns(
        "The Chilean president held talks here with his Peruvian counterpart.",
        &["CHLGOV 040 PERGOV", "PERGOV 040 CHLGOV"],
    );
    assert_nouns(
        "Chile held talks Tuesday with Peru.",
        &["CHL 040 PER", "PER 040 CHL"],
    );
}

#[test]
fn a_protest_with_no_protesters_named_is_by_the_story_countrys_people() {
    let d = dyad_text::Document {
        dateline_place: Some("CAIRO".into()),
        ..doc(
            "The protests began on Monday in Tahrir Square. Police banned protests in Giza on \
             Tuesday.",
            Some(date(2024, 5, 14)),
        )
    };
    let t = triples(&production().code_document(&d));
    // the first protest is the people's, against their government; a protest a verb acts on
    // ("banned protests") is no protest held
    assert!(t.contains(&"EGYCVL 141 EGYGOV".to_string()), "{t:?}");
    assert_eq!(t.iter().filter(|t| t.contains(" 141 ")).count(), 1, "{t:?}");
}

#[test]
fn an_event_noun_in_the_capitalised_name_of_a_body_names_no_act() {
    // "the Joint Commission for Cooperation": a body named, no cooperation told
    assert_nouns(
        "The ministers established the Joint Commission for Cooperation between Chile and Peru.",
        &[],
    );
    assert_nouns(
        "The ministers discussed cooperation between Chile and Peru.",
        &["CHL 050 PER", "PER 050 CHL"],
    );
}

#[test]
fn nouns_joined_by_and_share_the_preposition_after_the_last() {
    // upstream's EXPRESS * APPRECIATION is optimism (013); thanks to someone are thanks (051)
    assert_nouns(
        "The Chilean president expressed thanks and appreciation to Peru.",
        &["CHLGOV 051 PER"],
    );
}

#[test]
fn the_release_of_people_by_an_actor_is_their_release() {
    // a day before "of", a quantity after it
    assert_nouns(
        "The release Monday of hundreds of Chilean prisoners by Peru surprised observers.",
        &["PER 0841 CHL"],
    );
    // nothing released that is no actor
    assert_nouns(
        "The release of the report by Peru surprised observers.",
        &[],
    );
}

#[test]
fn an_act_an_appeal_asks_for_is_not_done() {
    let t = triples(&production().code_document(&doc(
        "Chile called for the arrest of the Peruvian ambassador by Chilean police.",
        Some(date(2024, 5, 14)),
    )));
    assert!(t.iter().all(|t| !t.contains(" 173 ")), "{t:?}");
}

#[test]
fn in_protest_is_the_manner_of_another_act() {
    let d = dyad_text::Document {
        dateline_place: Some("CAIRO".into()),
        ..doc(
            "Egypt recalled its ambassador from Israel in protest on Monday.",
            Some(date(2024, 5, 14)),
        )
    };
    let t = triples(&production().code_document(&d));
    assert!(t.iter().all(|t| !t.contains(" 141 ")), "{t:?}");
}

#[test]
fn riots_and_general_strikes_with_no_one_named_are_the_story_peoples() {
    let d = dyad_text::Document {
        dateline_place: Some("BUENOS AIRES".into()),
        ..doc(
            "The government crumbled after 20 people were killed in nationwide riots. A general \
             strike paralysed the capital. Riot police were deployed.",
            Some(date(2001, 12, 21)),
        )
    };
    let t = triples(&production().code_document(&d));
    assert!(t.contains(&"ARGCVL 145 ARGGOV".to_string()), "{t:?}");
    assert!(t.contains(&"ARGCVL 143 ARGGOV".to_string()), "{t:?}");
    // "riot police" names police, no riot
    assert_eq!(t.iter().filter(|t| t.contains(" 145 ")).count(), 1, "{t:?}");
}

#[test]
fn ambushes_skirmishes_massacres_and_overthrows_are_told_by_their_nouns() {
    assert_nouns(
        "Peruvian rebels staged an ambush on Chilean soldiers.",
        &["PERREB 190 CHLMIL"],
    );
    assert_nouns(
        "Skirmishes broke out between Armenian and Azerbaijani troops.",
        &["ARMMIL 190 AZEMIL", "AZEMIL 190 ARMMIL"],
    );
    assert_nouns(
        "Chile condemned the massacre of Peruvian villagers by Bolivian militiamen.",
        &["BOLUAF 202 PERCVL"],
    );
    assert_nouns(
        "Chilean soldiers announced the overthrow of the Chilean president.",
        &["CHLMIL 180 CHLGOV"],
    );
    assert_nouns("Chile's censure of Peru angered Lima.", &["CHL 111 PER"]);
}

#[test]
fn to_engage_in_an_act_is_to_do_it() {
    assert_nouns(
        "Russia engaged in talks with Ukraine on Monday.",
        &["RUS 040 UKR", "UKR 040 RUS"],
    );
    // the bare verb is still upstream's fight
    let t = triples(&all("The army engaged the rebels near Goma."));
    assert!(t.iter().any(|t| t.contains(" 190 ")), "{t:?}");
}

#[test]
fn an_appeal_to_meet_negotiate_or_mediate_has_its_own_code() {
    let cases = [
        ("Thailand asked Malaysia to mediate.", "THA 028 MYS"),
        ("Thailand urged Cambodia to negotiate.", "THA 026 KHM"),
        (
            "The UN urged Russia to hold talks with Ukraine.",
            "IGOUNO 026 RUS",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(triples(&all(text)), expect(&[expected]), "{text:?}");
    }
}

#[test]
fn a_verb_joined_to_an_asked_infinitive_is_asked_too() {
    // what Israel is urged to do is not done: no talks between Israel and Hamas
    let t = triples(&all(
        "The US urged Israel to respect the truce and engage in talks with Hamas.",
    ));
    assert!(t.iter().all(|t| !t.contains(" 040 ")), "{t:?}");
}

#[test]
fn a_participle_after_a_comma_may_take_a_bare_noun_for_object() {
    let events = all("Orban visited Moscow on Friday, holding talks with Putin.");
    assert!(
        events.iter().any(|e| e.root == "04"
            && e.verb.text.starts_with("holding")
            && e.source.as_ref().is_some_and(|a| a.code == "HUNGOV")
            && e.target.as_ref().is_some_and(|a| a.code == "RUSGOV")),
        "{:?}",
        triples(&events)
    );
}

#[test]
fn talks_that_collapse_or_break_down_are_halted() {
    for text in [
        "Talks between Serbia and Kosovo collapsed on Tuesday.",
        "Dialogue between Serbia and Kosovo had broken down earlier in the week.",
    ] {
        assert_eq!(
            triples(&all(text)),
            expect(&["SRB 164 KSV", "KSV 164 SRB"]),
            "{text:?}"
        );
    }
    // talks that resume are talks, as RESUME's "- TALKS *" codes them (046)
    assert_eq!(
        triples(&all("Talks between Chile and Peru resumed on Monday.")),
        expect(&["CHL 046 PER", "PER 046 CHL"])
    );
    // a car that breaks down halts no talks
    assert_eq!(triples(&all("The car broke down near Kabul.")), expect(&[]));
}
