//! Reading whole verb files: a fixture with every construct, the tolerated defects, garbage,
//! and the two real dictionaries (`CAMEO.2.0.txt`, `PETR.Validate.verbs.2.0.txt`).

use super::*;
use crate::test_support::{real, refused, w, warned, warned_of};

fn code(f: Option<&str>, r: Option<&str>) -> CodeSpec {
    CodeSpec::Code {
        forward: f.map(String::from),
        reverse: r.map(String::from),
    }
}

const FIXTURE: &str = "# comment\r
####### SYNONYM SETS #######\r
&AUXVERB2_\r
+WILL\r
+IS_TO\r
\r
&CURRENCY\r
+MONEY\r
+CASH_\r
\r
&NOPLURAL_\r
+ARMY\r
\r
&NESTED  # a comment\r
+&CURRENCY\r
+GOLD\r
+(TO THE END)\r
####### VERB PATTERNS #######\r
---  ACCELERATE   [---]  ---\r
ACCELERATE \r
HURRY {HURRIES HURRYING HURRIED }\r
STOP\r
+CORDON_OFF [042]  # a comment\r
WIRE_+TAP {WIRE_+TAPPED  WIRE_+TAPPING }\r
+MEET_WITH {+MET_WITH +MEETS_WITH +MEETING_WITH }\r
SCRAP {SCRAPPING SCRAPS SCRAPPED };shan   8/30/93\r
- * (TO)                                              [042:043]     # RUSH\r
- * {ARMS SHIPMENT}                                   [072]         # EXPEDITE\r
- * &CURRENCY (TO BORDER)                            [073]\r
- &NOPLURAL *                                        [:154]\r
- * (BY/WITH {ARMS SHIPMENT}) [111!]\r
- * OFF (FROM ^) $ [023?]\r
- * SPECIAL_CLAUSE KNIFE_ [174L]\r
- * &FIGHT_CRIM [1124]\r
- FIGHTER_&AIRCRAFT * [195]\r
- SPY_*_DEAL [---]\r
- * {&NESTED ATTACK} [190]\r
- * DIPLXMATIC [###] # TABARI discard\r
* (TO QUESTION) [110]\r
######## TRANSFORMATIONS ##########\r
~ a (a b ATTACK) SAY = a b 015\r
#~ a (a b WILL_ATTACK) SAY = a b 138\r
~ a (b . ATTACK ) WANT = a b 021\r
";

#[test]
fn a_supplement_block_with_no_verbs_adds_its_patterns_to_the_block_of_its_name() {
    let mut d = parse(FIXTURE, "fixture.txt").unwrap();
    let before = d.blocks.len();
    let verbs_before = d
        .blocks
        .iter()
        .find(|b| b.name == "ACCELERATE")
        .unwrap()
        .verbs
        .len();
    let patterns_before = d
        .blocks
        .iter()
        .find(|b| b.name == "ACCELERATE")
        .unwrap()
        .patterns
        .len();
    let extra = "---  ACCELERATE   [---]  ---\n- * {RESCUE TEAM} [073] # HURRY\n";
    d.extend(parse_supplement(extra, "extra.txt", &d.synsets).unwrap());
    assert_eq!(d.blocks.len(), before);
    let b = d.blocks.iter().find(|b| b.name == "ACCELERATE").unwrap();
    assert_eq!(b.verbs.len(), verbs_before);
    assert_eq!(b.patterns.len(), patterns_before + 1);
    let added = b.patterns.last().unwrap();
    assert_eq!((added.file.as_deref(), added.line), (Some("extra.txt"), 2));
    assert!(b.patterns[..patterns_before]
        .iter()
        .all(|p| p.file.is_none()));
    // a verbless block naming no block here stays a block of its own (and codes nothing)
    let extra = "---  NOSUCH   [---]  ---\n- * TALKS [040]\n";
    d.extend(parse_supplement(extra, "extra.txt", &d.synsets).unwrap());
    assert_eq!(d.blocks.len(), before + 1);
}

#[test]
fn a_supplement_replaces_the_verbs_it_lists() {
    let mut d = parse(FIXTURE, "fixture.txt").unwrap();
    let extra = "---  HALT   [191]  ---\nSTOP\n- * TALKS [---]\n";
    let extra = format!("{extra}- * &CURRENCY [071]\n");
    let undefined_before = d.undefined_synsets.len();
    d.extend(parse_supplement(&extra, "extra.txt", &d.synsets).unwrap());
    let listing = |word: &str| -> Vec<&str> {
        d.blocks
            .iter()
            .filter(|b| b.verbs.iter().any(|e| e.forms[0].verb == word))
            .map(|b| b.name.as_str())
            .collect()
    };
    assert_eq!(listing("STOP"), vec!["HALT"]);
    assert_eq!(listing("HURRY"), vec!["ACCELERATE"]);
    let halt = d.blocks.last().unwrap();
    assert_eq!(halt.patterns.len(), 2);
    // the base's synsets are known to the supplement
    assert_eq!(d.undefined_synsets.len(), undefined_before);
    match &halt.patterns[1].post[0] {
        PatternElement::Noun(alts) => assert!(alts.contains(&w("MONEY")), "{alts:?}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn fixture_synsets_blocks_and_patterns() {
    let d = parse(FIXTURE, "fixture.txt").unwrap();
    assert_eq!(d.synsets["AUXVERB2"], vec![w("WILL"), w("IS TO")]);
    assert_eq!(
        d.synsets["CURRENCY"],
        vec![w("MONEY"), w("MONEYS"), w("CASH")]
    );
    assert_eq!(d.synsets["NOPLURAL"], vec![w("ARMY")]);
    assert_eq!(
        d.synsets["NESTED"],
        vec![
            w("MONEY"),
            w("MONEYS"),
            w("CASH"),
            w("GOLD"),
            w("GOLDS"),
            w("TO THE END")
        ]
    );
    assert_eq!(d.blocks.len(), 1);
    let b = &d.blocks[0];
    assert_eq!(b.name, "ACCELERATE");
    assert_eq!(b.code, CodeSpec::Null);
    assert_eq!(b.verbs.len(), 7);
    assert_eq!(b.patterns.len(), 13);
    assert_eq!(d.transformations.len(), 2);
    assert_eq!(
        d.undefined_synsets,
        vec![
            ("&FIGHT_CRIM".to_string(), 34),
            ("FIGHTER_&AIRCRAFT".to_string(), 35)
        ]
    );
}

#[test]
fn verb_forms_regular_irregular_and_multi_word() {
    let d = parse(FIXTURE, "fixture.txt").unwrap();
    let b = &d.blocks[0];
    let verbs =
        |i: usize| -> Vec<String> { b.verbs[i].forms.iter().map(|f| f.verb.clone()).collect() };
    assert_eq!(
        verbs(0),
        w("ACCELERATE ACCELERATES ACCELERATED ACCELERATING")
    );
    assert_eq!(verbs(1), w("HURRY HURRIES HURRYING HURRIED"));
    let stop = verbs(2);
    for f in ["STOP", "STOPS", "STOPPED", "STOPPING"] {
        assert!(stop.contains(&f.to_string()), "{f} in {stop:?}");
    }
    let cordon = &b.verbs[3];
    assert_eq!(cordon.code, Some(code(Some("042"), None)));
    assert_eq!(
        cordon.forms[0],
        VerbForm {
            before: vec![],
            verb: "CORDON".into(),
            after: w("OFF")
        }
    );
    assert!(cordon
        .forms
        .iter()
        .any(|f| f.verb == "CORDONED" && f.after == w("OFF")));
    let tap = &b.verbs[4];
    assert_eq!(tap.forms.len(), 4, "TAPS added: the list has no -S form");
    assert_eq!(
        tap.forms[3],
        VerbForm {
            before: w("WIRE"),
            verb: "TAPS".into(),
            after: vec![]
        }
    );
    assert_eq!(
        tap.forms[1],
        VerbForm {
            before: w("WIRE"),
            verb: "TAPPED".into(),
            after: vec![]
        }
    );
    let meet = &b.verbs[5];
    assert_eq!(
        meet.forms[1],
        VerbForm {
            before: vec![],
            verb: "MET".into(),
            after: w("WITH")
        }
    );
    assert_eq!(verbs(6), w("SCRAP SCRAPPING SCRAPS SCRAPPED"));
}

/// The forms of the first block's `i`th verb.
fn forms_of(d: &VerbDictionary, i: usize) -> Vec<String> {
    d.blocks[0].verbs[i]
        .forms
        .iter()
        .map(|f| f.verb.clone())
        .collect()
}

#[test]
fn incomplete_irregular_lists_get_their_regular_s_and_ing_forms() {
    let d = parse("--- B [010] ---\nBREAK { BROKE BROKEN  }\nSEE {SEES SEEING SEEN }\nREGRET  {REGRETTED REGRETS}\n+ANGERED_BY {}\n", "v").unwrap();
    let verbs = |i: usize| forms_of(&d, i);
    assert_eq!(verbs(0), w("BREAK BROKE BROKEN BREAKS BREAKING"));
    assert_eq!(verbs(1), w("SEE SEES SEEING SEEN"));
    assert_eq!(verbs(2), w("REGRET REGRETTED REGRETS REGRETING REGRETTING"));
    assert_eq!(verbs(3), w("ANGERED"));
}

#[test]
fn a_list_in_one_spelling_of_a_doubled_l_gets_the_other() {
    // British CANCELLED listed: American CANCELED and CANCELING too; and the other way round
    let d = parse(
        "--- B [010] ---\nCANCEL {CANCELS CANCELLED CANCELLING}\nLABEL {LABELS LABELED}\nAPPEAL {APPEALS APPEALED}\n",
        "v",
    )
    .unwrap();
    let verbs = |i: usize| forms_of(&d, i);
    assert_eq!(
        verbs(0),
        w("CANCEL CANCELS CANCELLED CANCELLING CANCELED CANCELING")
    );
    assert_eq!(
        verbs(1),
        w("LABEL LABELS LABELED LABELING LABELLING LABELLED")
    );
    // two vowels before the L: no doubling in either spelling
    assert_eq!(verbs(2), w("APPEAL APPEALS APPEALED APPEALING"));
}

#[test]
fn pattern_elements() {
    let d = parse(FIXTURE, "fixture.txt").unwrap();
    let p = &d.blocks[0].patterns;
    // - * (TO) [042:043]
    assert!(p[0].pre.is_empty());
    assert_eq!(
        p[0].post,
        vec![PatternElement::Prep {
            preps: w("TO"),
            object: None
        }]
    );
    assert_eq!(p[0].code, code(Some("042"), Some("043")));
    assert_eq!(p[0].comment.as_deref(), Some("RUSH"));
    // - * {ARMS SHIPMENT} [072]
    assert_eq!(
        p[1].post,
        vec![PatternElement::Noun(vec![
            w("ARMS SHIPMENT"),
            w("ARMS SHIPMENTS")
        ])]
    );
    // - * &CURRENCY (TO BORDER) [073]
    assert_eq!(
        p[2].post,
        vec![
            PatternElement::Noun(vec![w("MONEY"), w("MONEYS"), w("CASH")]),
            PatternElement::Prep {
                preps: w("TO"),
                object: Some(vec![w("BORDER"), w("BORDERS")])
            },
        ]
    );
    // - &NOPLURAL * [:154]
    assert_eq!(p[3].pre, vec![PatternElement::Noun(vec![w("ARMY")])]);
    assert_eq!(p[3].code, code(None, Some("154")));
    // - * (BY/WITH {ARMS SHIPMENT}) [111!]
    assert_eq!(
        p[4].post,
        vec![PatternElement::Prep {
            preps: w("BY WITH"),
            object: Some(vec![w("ARMS SHIPMENT"), w("ARMS SHIPMENTS")])
        }]
    );
    assert_eq!(p[4].priority, CodePriority::Dominant);
    // - * OFF (FROM ^) $ [023?]
    assert_eq!(
        p[5].post,
        vec![
            PatternElement::Noun(vec![w("OFF"), w("OFFS")]),
            PatternElement::Prep {
                preps: w("FROM"),
                object: None
            },
            PatternElement::Skip,
            PatternElement::Source,
        ]
    );
    assert_eq!(p[5].priority, CodePriority::Subordinate);
    assert_eq!(p[5].code, code(Some("023"), None));
    // - * SPECIAL_CLAUSE KNIFE_ [174L]
    assert_eq!(
        p[6].post,
        vec![
            PatternElement::Noun(vec![w("SPECIAL CLAUSE"), w("SPECIAL CLAUSES")]),
            PatternElement::Noun(vec![w("KNIFE")]),
        ]
    );
    assert_eq!(p[6].code, code(Some("174L"), None));
    // undefined synsets match nothing
    assert_eq!(p[7].post, vec![PatternElement::Noun(vec![])]);
    assert_eq!(p[8].pre, vec![PatternElement::Noun(vec![])]);
    // - SPY_*_DEAL [---]
    assert_eq!(
        p[9].pre,
        vec![PatternElement::Noun(vec![w("SPY"), w("SPIES")])]
    );
    assert_eq!(
        p[9].post,
        vec![PatternElement::Noun(vec![w("DEAL"), w("DEALS")])]
    );
    assert_eq!(p[9].code, CodeSpec::Null);
    // - * {&NESTED ATTACK} [190]: cross product, plural of the head
    let PatternElement::Noun(alts) = &p[10].post[0] else {
        panic!()
    };
    assert_eq!(alts.len(), 12);
    assert!(alts.contains(&w("CASH ATTACKS")) && alts.contains(&w("TO THE END ATTACK")));
    // [###] survives `#` comments
    assert_eq!(p[11].code, code(Some("###"), None));
    // the line without its `-`
    assert!(warned(&d.warnings, 39, "leading `-`"));
    assert_eq!(
        p[12].post,
        vec![PatternElement::Prep {
            preps: w("TO"),
            object: Some(vec![w("QUESTION"), w("QUESTIONS")])
        }]
    );
    // `*SCEPTICAL`: a star glued to its word
    let d = parse("--- V [010] ---\nV\n- *SCEPTICAL [012]\n", "v.txt").unwrap();
    assert_eq!(
        d.blocks[0].patterns[0].post,
        vec![PatternElement::Noun(vec![w("SCEPTICAL"), w("SCEPTICALS")])]
    );
}

#[test]
fn transformations() {
    let d = parse(FIXTURE, "fixture.txt").unwrap();
    let t = &d.transformations[0];
    assert_eq!(
        (
            t.outer_source.as_str(),
            t.inner_source.as_str(),
            t.inner_target.as_str()
        ),
        ("a", "a", "b")
    );
    assert_eq!(
        (t.inner_verb.as_str(), t.outer_verb.as_str()),
        ("ATTACK", "SAY")
    );
    assert_eq!(
        (
            t.result_source.as_str(),
            t.result_target.as_str(),
            t.result_code.as_str()
        ),
        ("a", "b", "015")
    );
    assert_eq!(d.transformations[1].inner_target, ".");
    assert_eq!(d.transformations[1].result_code, "021");
}

#[test]
fn errors_name_file_line_and_expectation() {
    let e = parse("--- A [010] ---\nA\n- * AID [04\n", "CAMEO.2.0.txt").unwrap_err();
    assert_eq!(
        e.to_string(),
        "CAMEO.2.0.txt:3: expected a code like [042] or [042:043] at the end of the pattern (no closing `]`)"
    );
    // the upstream defect: no code at all is a warning, the pattern is skipped
    let d = parse("--- A [010] ---\nA\n- * AID\n- * HELP [070]\n", "v.txt").unwrap();
    assert_eq!(d.blocks[0].patterns.len(), 1);
    assert!(d.warnings.iter().any(|w| w.line == 3), "{:?}", d.warnings);
    let d = parse("--- A [010] ---\nA\n- AID [042]\n", "v.txt").unwrap();
    assert!(d.blocks[0].patterns.is_empty());
    assert!(warned(&d.warnings, 3, "`*`"));
    refused(
        parse("--- A [010] ---\n- * AID [04 2]\n", "v.txt"),
        "expected a code like [042]",
    );
    refused(
        parse("~ a (a b ATTACK SAY = a b 015\n", "v.txt"),
        "expected a transformation",
    );
    refused(parse("--- [010] ---\n", "v.txt"), "block header");
}

#[test]
fn synset_cycles_are_cut() {
    let d = parse(
        "&A\n+&B\n+X\n&B\n+&A\n+Y\n--- V [010] ---\nV\n- * &A [010]\n",
        "v.txt",
    )
    .unwrap();
    let a = &d.synsets["A"];
    assert!(a.contains(&w("X")) && a.contains(&w("Y")));
    assert!(warned_of(&d.warnings, "refers to itself"));
}

#[test]
fn tolerated_stray_brackets() {
    let text = "--- V [010] ---\nV\n- * VENTURE (WITH VISIT)  VISIT)[042:043]  # MAKE\n- * (TO {X Y [042]\n";
    let d = parse(text, "v.txt").unwrap();
    let p = &d.blocks[0].patterns;
    assert_eq!(p.len(), 2);
    assert_eq!(p[0].post.len(), 3);
    assert_eq!(
        p[0].post[2],
        PatternElement::Noun(vec![w("VISIT"), w("VISITS")])
    );
    assert_eq!(
        p[1].post,
        vec![PatternElement::Prep {
            preps: w("TO"),
            object: Some(vec![w("X Y"), w("X YS")])
        }]
    );
    assert!(warned(&d.warnings, 3, "stray `)`"));
    assert!(warned(&d.warnings, 4, "unclosed"));
}

#[test]
fn garbage_never_panics() {
    let samples = [
        FIXTURE,
        "---",
        "--- [",
        "- * (",
        "- * {&",
        "- * [",
        "- * []",
        "- * [:]",
        "&",
        "&\n+",
        "+\n+&",
        "~",
        "~ ( ) = ",
        "--- A [---] ---\n+\n_\n+_\n{}\nX {\nY [\n- ) } * ( { [010]\n- * & [010]\n- * _&_ [010]\n- ** * [010]",
        "\u{feff}\u{0}\r\r\n<!--\n",
        "--- A [0:0:0] ---",
    ];
    for s in samples {
        for end in 0..=s.len() {
            if s.is_char_boundary(end) {
                let _ = parse(&s[..end], "garbage.txt");
            }
        }
    }
}

/// FORMATS.md: 40 synsets, 397 verb blocks, 1,817 verb lines, 4,668 patterns (437 `[a:b]`,
/// 97 `[:b]`, 168 `[---]`), 8 transformations, 5 undefined synsets.
#[test]
fn real_cameo_2_0() {
    let d = parse(&real("dictionaries/CAMEO.2.0.txt"), "CAMEO.2.0.txt").unwrap();
    assert_eq!(d.synsets.len(), 40);
    assert_eq!(d.blocks.len(), 397);
    assert_eq!(d.verb_count(), 1817);
    assert_eq!(d.pattern_count(), 4668);
    assert_eq!(d.transformations.len(), 8);
    let pats = || d.blocks.iter().flat_map(|b| b.patterns.iter());
    // FORMATS.md's "437 use a paired code [a:b]" counts every code with a colon: 340 `[a:b]`
    // plus the 97 `[:b]`.
    let paired = pats()
        .filter(|p| p.code.forward().is_some() && p.code.reverse().is_some())
        .count();
    let reverse_only = pats()
        .filter(|p| p.code.forward().is_none() && p.code.reverse().is_some())
        .count();
    let null = pats().filter(|p| p.code.is_null()).count();
    assert_eq!((paired, reverse_only, null), (340, 97, 168));
    assert_eq!(paired + reverse_only, 437);
    let mut undefined: Vec<&str> = d
        .undefined_synsets
        .iter()
        .map(|(l, _)| l.as_str())
        .collect();
    undefined.sort();
    assert_eq!(
        undefined,
        vec![
            "&DEMONSTRATION",
            "&FIGHT_CRIM",
            "&FIGHT_GAMES",
            "&WEATHER",
            "FIGHTER_&AIRCRAFT"
        ]
    );
    assert_eq!(d.transformations[4].inner_verb, "Q");
    assert!(d.synsets["WEAPON"].contains(&w("MACHINE GUNS")));
    // `[080!]` on line 5787
    let dominant: Vec<usize> = pats()
        .filter(|p| p.priority == CodePriority::Dominant)
        .map(|p| p.line)
        .collect();
    assert_eq!(dominant, vec![5787]);
}

#[test]
fn real_validation_verbs() {
    let d = parse(
        &real("validation/PETR.Validate.verbs.2.0.txt"),
        "PETR.Validate.verbs.2.0.txt",
    )
    .unwrap();
    // The validation file uses `&SECURITY` (line 1108) without defining it: the same upstream
    // defect as in CAMEO.2.0.txt.
    assert_eq!(d.undefined_synsets, vec![("&SECURITY".to_string(), 1108)]);
    assert_eq!(d.blocks.len(), 69);
    // 452 `- ...` lines and one written without its dash (`* (TO QUESTION) [110]`, line 453)
    assert_eq!(d.pattern_count(), 453);
    assert!(d.warnings.iter().any(|x| x.line == 453));
    let acc = &d.synsets["ACCORDSYN"];
    assert!(
        acc.contains(&w("ECONOMIC")) && acc.contains(&w("DOLLARS")) && acc.contains(&w("CLOSER"))
    );
    assert!(d.synsets["TESTSYN3"].contains(&w("UNTIL HELL FREEZES OVER")));
    assert!(d.synsets["NEGATVAUXVRB"].contains(&w("DID N'T")));
    let multi = d
        .blocks
        .iter()
        .flat_map(|b| &b.verbs)
        .find(|v| v.forms[0].verb == "RST")
        .unwrap();
    assert_eq!(multi.forms[0].before, w("KLM NOP"));
    let codes: Vec<String> = d
        .blocks
        .iter()
        .flat_map(|b| &b.patterns)
        .filter_map(|p| p.code.forward().map(String::from))
        .collect();
    for c in ["174L", "075A", "102b", "xxy", "###", "+++"] {
        assert!(codes.iter().any(|x| x == c), "{c}");
    }
}
