//! PETRARCH's validation suites as regression floors: the figures dyad reached when they were
//! recorded in the README. A change that lowers one fails here (a floor, not a timing).

mod common;

use common::{data, dyad_ok};
use serde_json::Value;

fn report(file: &str) -> Value {
    let out = dyad_ok(&["eval", "petr", &data(file), "--json"]);
    serde_json::from_str(&out).expect("eval --json prints JSON")
}

fn at_least(r: &Value, key: &str, floor: f64) {
    let v = r[key].as_f64().unwrap_or(-1.0);
    assert!(
        v >= floor,
        "{key} = {v:.4} fell below its floor {floor}: {r:#}"
    );
}

#[test]
fn unit_test_records_with_validation_dictionaries() {
    let r = report("validation/PETR.UnitTest.records.cameo2.xml");
    assert_eq!(r["records"], 216);
    // the floors, then the bar whatever the floors
    let floors = [
        ("exact_rate", 0.819),
        ("precision", 0.892),
        ("recall", 0.817),
    ];
    let bar = [("exact_rate", 0.60), ("precision", 0.70), ("recall", 0.70)];
    for (key, floor) in floors.into_iter().chain(bar) {
        at_least(&r, key, floor);
    }
    for key in [
        "records",
        "exact",
        "expected",
        "produced",
        "matched",
        "precision",
        "recall",
        "f1",
    ] {
        assert!(r[key].is_number(), "{key}");
        assert!(r["categories"]["DEMO"][key].is_number(), "{key}");
    }
}

#[test]
fn gsr_records_with_production_dictionaries() {
    let r = report("validation/PETR2_GSR_validation.xml");
    assert_eq!(r["records"], 78);
    at_least(&r, "recall", 0.85);
    // (0.792 before nominal visits: the GSR's coders left "during a surprise visit to Beirut"
    // uncoded, the seed's code it, and the hand-coded articles are what dyad is judged on;
    // 0.781 before "forces" after a demonym was read as a noun: "Syrian forces clash with
    // tunisian rioters" now gives its two events, with EGYOPP where the suite writes EGY)
    at_least(&r, "precision", 0.764);
    // the bar
    at_least(&r, "precision", 0.75);
}

#[test]
fn dictionary_flags_override_the_environment() {
    // the same unit tests coded with the production dictionaries do much worse: the flags
    // really choose the dictionaries
    let out = dyad_ok(&[
        "eval",
        "petr",
        &data("validation/PETR.UnitTest.records.cameo2.xml"),
        "--dictionaries",
        &data("dictionaries"),
        "--json",
    ]);
    let r: Value = serde_json::from_str(&out).unwrap();
    assert!(r["exact_rate"].as_f64().unwrap() < 0.5, "{r}");
    let out = dyad_ok(&[
        "eval",
        "petr",
        &data("validation/PETR.UnitTest.records.cameo2.xml"),
        "--verbs",
        &data("validation/PETR.Validate.verbs.2.0.txt"),
        "--actors",
        &data("validation/PETR.Validate.actors.txt"),
        "--agents",
        &data("validation/PETR.Validate.agents.txt"),
        "--discards",
        &data("validation/PETR.Validate.discards.txt"),
        "--json",
    ]);
    let flags: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        flags["exact"],
        report("validation/PETR.UnitTest.records.cameo2.xml")["exact"]
    );
}

/// The hand-coded wire articles of the dev set (docs/CODING-GUIDE.md), scored with the errors
/// by kind and in two halves: the figures are floors (issue 16 raises them), and the report
/// must account for every gold and every produced event.
#[test]
fn dev_articles_scored_by_halves_with_their_errors() {
    let file = data("corpus/dev.gold.jsonl");
    let out = dyad_ok(&["eval", "articles", &file, "--json"]);
    let r: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["articles"], 120);
    // 0.229 before the event nouns and the locative rule, 0.247 after (halves 0.215, 0.282),
    // 0.260 with the guide's intent codes for announced acts (0.229, 0.292), 0.294 with the
    // article country from the sentence's own actors, the guide's envoy and riot codes, mutual
    // acts only where the words say so and agentless coercion (0.257, 0.332), 0.344 with
    // groups, titles, commitments, time adverbials, participles, no countryless actors and
    // meetings to come (0.297, 0.391), 0.371 with background years coded, mediators in
    // compounds and without parties, protests against the government, named armed groups,
    // threats vowed, embargoes by severed links and object pronouns (0.327, 0.416), 0.379
    // with people named beside a title, datelines in title case, the leaders of a group and
    // commitments to acts no dictionary codes (0.339, 0.420), 0.409 with headline lists,
    // reciprocal objects, agents before event nouns, history coded, story discards in the
    // lead, member states by ISO-3, towns struck, retaliations and experiencers (0.365, 0.453),
    // 0.414 with meetings hosted, condemnations of the story's last aggressor and no subject
    // kept from before a gerund after a preposition (0.370, 0.459), 0.432 with welcomes as the
    // host's alone, ceasefire calls to the two sides of a fight, envoys ordered to leave,
    // countries described by their region, invitations, meetings opening a sentence and
    // quoted fragments read through (0.392, 0.473), 0.456 with shows of force at no one,
    // cuts in relations answering the last act of force, lists of officials named beside
    // their titles, acts praised or criticised, readiness for talks, acts agreed to, weapons
    // of repression, talks between two sides to come, patterns added to upstream blocks and
    // aid to the story's country (0.415, 0.499), 0.468 with reports of force coded as the
    // force, places taken as the guide's 171, lists ending with their conjunction, relative
    // "who" clauses, datelines left out of their sentence, commitments renewed as intents,
    // acronyms in brackets, the lexicon's reading of a light verb's noun, ceasefires agreed
    // to and claims of responsibility for the last use of force (0.427, 0.510), 0.484 with
    // titled people of a list, threats against the story's country, a Secretary General's
    // title, pattern words not read in names, the first-named country on a tie, pasts spelt as
    // their base, ties broken as 161, meeting places no party, proposals' infinitives and acts
    // given hostile or no tone (0.444, 0.524), 0.499 with no cooperation of a state with its own
    // actors, governing and leading as no act, renewed and tightened acts, passive meetings'
    // places, "his country" and suspensions from a body (0.453, 0.546), 0.510 with fights of
    // no named sides, appeals to de-escalate, agents named again, "they" after an uncoded
    // subject, BOOST/LINK/ENACT coding no default, titled namesakes and what a statement issued says (0.465, 0.554),
    // 0.519 with crowds counted, restrictions on the imposer's country, acts listed with
    // commas, all parties of a conflict, persons welcomed, honorifics, visits by, passives'
    // doers after "by" and aid given in a country (0.479, 0.561), 0.526 with reported
    // "would", initials as acronyms, visits by air or heading, mutual acts through the
    // object, beatings, "police" as a plural, relative "who" past adverbs, denials, alleged
    // acts and missiles counted "at least" (0.487, 0.566), 0.529 with "the country's"
    // agents and "committed to" a gerund (0.487, 0.571), 0.558 with police force on the
    // unarmed, protests broken up, names without "al-", "it" and "he" past plural and state
    // subjects, claims as statements, rejections of the last proposal, time adjuncts no
    // particle, plurals ending a clause, participles describing an object, negotiators for
    // their parties, participle clauses between commas, moving on to a country, aid on a visit,
    // cut ties, offices taken over, armed attacks read as words, bodies with their members,
    // "canceled" and protests with no protesters named (0.523, 0.594), 0.562 with titled
    // namesakes, envoys dispatched and participles with their agent before the predicate
    // (0.530, 0.594), 0.577 with titles apposed after a verb, suicide bombings, attacks by an
    // agent as subject, visitors received, datelines with a country, ceasefires implemented,
    // facilitated talks, unknown past-tense verbs ending a name, peoples named with another
    // state's adjective, participles in an apposition, releases, riots and general strikes,
    // penalties considered, a state's own forces, negotiation and patterns that read the
    // object (0.544, 0.611), 0.578 with calls for aid received (0.546, 0.611), 0.583 with
    // meetings at a third location, counterparts, threats in a finite clause, statements to the
    // press, coups, protests in a complement, riot officers, ambassadors called back, chairs of
    // talks, turns for help and questions quoted at a sentence's end (0.553, 0.614), 0.605
    // with words of protest and praise, IGO-seat datelines, no "The" alias, shared objects,
    // charges in relative clauses, vetoes, calls by phone and executions (0.568, 0.642), 0.606
    // with talks that collapse, participles with a bare object, plurals a name modifies and
    // participles ending a prepositional phrase (0.571, 0.644)
    at_least(&r["root"], "f1", 0.600);
    let n = |v: &Value| v.as_u64().unwrap();
    let (a, b) = (&r["halves"][0], &r["halves"][1]);
    assert_eq!(
        n(&a["expected"]) + n(&b["expected"]),
        n(&r["root"]["expected"])
    );
    assert_eq!(n(&a["records"]) + n(&b["records"]), 120);
    // every gold event is matched or missed by one kind; every produced one matched or extra
    let sum = |m: &Value| m.as_object().unwrap().values().map(n).sum::<u64>();
    let matched = n(&r["root"]["matched"]);
    assert_eq!(
        matched + sum(&r["errors"]["misses"]),
        n(&r["root"]["expected"])
    );
    assert_eq!(
        matched + sum(&r["errors"]["extras"]),
        n(&r["root"]["produced"])
    );
    // one half alone: its articles only, the same figures as in the whole file's report
    let out = dyad_ok(&["eval", "articles", &file, "--json", "--half", "a"]);
    let half: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(half["articles"], a["records"]);
    assert_eq!(half["root"]["matched"], a["matched"]);
}
