//! Tests of the bundled gazetteer: loading it, candidates, resolving names with context,
//! finding places in text, odd input and bad files.

use rustc_hash::FxHashSet as HashSet;

use super::*;

fn g() -> &'static Gazetteer {
    Gazetteer::bundled()
}

fn iso(p: Option<&Place>) -> &str {
    p.map(|p| p.country.as_str()).unwrap_or("-")
}

fn ctx() -> Context {
    Context::default()
}

fn slice(text: &str, a: usize, b: usize) -> String {
    text.chars().skip(a).take(b - a).collect()
}

/// `text of the span / country / feature` of every place found in the whole text.
fn found(text: &str, context: &Context) -> Vec<String> {
    g().find_places(text, 0, text.chars().count(), context)
        .into_iter()
        .map(|(a, b, p)| format!("{} / {} / {:?}", slice(text, a, b), p.country, p.feature))
        .collect()
}

/// The places found in `text` with no context are the `expected` ones.
#[track_caller]
fn assert_places(text: &str, expected: &[&str]) {
    assert_eq!(found(text, &ctx()), expected, "{text:?}");
}

#[test]
fn bundled_data_loads() {
    let t = std::time::Instant::now();
    let g = Gazetteer::from_tsv(BUNDLED_TSV).expect("the bundled gazetteer parses");
    eprintln!("gazetteer: {} places read in {:?}", g.len(), t.elapsed());
    assert!(g.len() > 34_000, "{}", g.len());
    let count = |f: Feature| {
        let ids: HashSet<u32> = g
            .entries
            .iter()
            .filter(|p| p.feature == f)
            .map(|p| p.geonameid)
            .collect();
        ids.len()
    };
    assert!(count(Feature::Country) >= 250);
    assert_eq!(count(Feature::Admin1), 51);
    assert!(count(Feature::City) >= 34_000);
    assert_eq!(Gazetteer::bundled().len(), g.len());
    assert!(g.entries.iter().all(|p| p.country.len() == 3));
}

#[test]
fn candidates_ignore_case_accents_and_exonyms() {
    let kyiv = g().candidates("Kyiv");
    assert_eq!(kyiv.first().map(|p| p.geonameid), Some(703_448));
    assert_eq!(g().candidates("Kiev"), kyiv);
    assert_eq!(g().candidates("KIEV"), kyiv);
    assert_eq!(g().candidates(" kyiv "), kyiv);
    assert_eq!(g().candidates("Peking")[0].name, "Beijing");
    assert_eq!(g().candidates("Bogota")[0].name, "Bogotá");
    assert_eq!(g().candidates("bogotá")[0].name, "Bogotá");
    assert_eq!(g().candidates("Sao Paulo")[0].country, "BRA");
    assert_eq!(g().candidates("Cologne")[0].name, "Köln");
    assert_eq!(g().candidates("Koln")[0].name, "Köln");
    assert_eq!(g().candidates("St. Petersburg")[0].country, "RUS");
    assert_eq!(g().candidates("Côte d’Ivoire")[0].country, "CIV");
    assert_eq!(g().candidates("Ivory Coast")[0].country, "CIV");
    assert_eq!(g().candidates("Ivano-Frankivsk")[0].country, "UKR");
    // Countries first, then divisions, then cities.
    let georgia = g().candidates("Georgia");
    assert_eq!(georgia[0].feature, Feature::Country);
    assert_eq!(georgia[1].feature, Feature::Admin1);
    assert!(g().candidates("Atlantis of the North").is_empty());
    assert!(g().candidates("").is_empty());
}

#[test]
fn paris() {
    assert_eq!(iso(g().resolve("Paris", &ctx())), "FRA");
    // An American story still means Paris, France: Paris, Texas is 86 times smaller.
    let us = Context {
        countries: vec!["USA".into()],
        dateline_country: Some("USA".into()),
        ..ctx()
    };
    assert_eq!(iso(g().resolve("Paris", &us)), "FRA");
    for hint in ["Texas", "TX", "Tex.", "texas"] {
        let c = Context {
            admin1_hints: vec![hint.into()],
            ..ctx()
        };
        let p = g().resolve("Paris", &c).unwrap();
        assert_eq!(
            (p.country.as_str(), p.admin1.as_str()),
            ("USA", "TX"),
            "{hint}"
        );
    }
    let text = "Storms hit Paris, Texas, on Monday; in Paris, France, it was sunny.";
    assert_places(
        text,
        &[
            "Paris / USA / City",
            "Texas / USA / Admin1",
            "Paris / FRA / City",
            "France / FRA / Country",
        ],
    );
    assert_places("He was born in Paris, Tex.", &["Paris / USA / City"]);
}

#[test]
fn georgia() {
    let country = g().resolve("Georgia", &ctx()).unwrap();
    assert_eq!(
        (country.country.as_str(), country.feature),
        ("GEO", Feature::Country)
    );
    // A US dateline alone does not make it the state.
    let us = Context {
        dateline_country: Some("USA".into()),
        countries: vec!["USA".into()],
        ..ctx()
    };
    assert_eq!(iso(g().resolve("Georgia", &us)), "GEO");
    for hints in [
        vec!["U.S.", "state"],
        vec!["state"],
        vec!["Atlanta"],
        vec!["GA"],
    ] {
        let c = Context {
            admin1_hints: hints.iter().map(|h| h.to_string()).collect(),
            ..ctx()
        };
        let p = g().resolve("Georgia", &c).unwrap();
        assert_eq!(
            (p.country.as_str(), p.feature),
            ("USA", Feature::Admin1),
            "{hints:?}"
        );
    }
    let c = Context {
        admin1_hints: vec!["Tbilisi".into()],
        ..ctx()
    };
    assert_eq!(iso(g().resolve("Georgia", &c)), "GEO");
    let several = Context {
        place_countries: vec!["USA".into(), "USA".into()],
        ..ctx()
    };
    assert_eq!(iso(g().resolve("Georgia", &several)), "USA");

    assert_places(
        "Georgia and Russia fought a war in 2008.",
        &["Georgia / GEO / Country", "Russia / RUS / Country"],
    );
    assert_places(
        "He flew from Atlanta, Georgia, to Tbilisi.",
        &[
            "Atlanta / USA / City",
            "Georgia / USA / Admin1",
            "Tbilisi / GEO / City",
        ],
    );
    assert_places(
        "Voters in the U.S. state of Georgia went to the polls.",
        &["U.S. / USA / Country", "Georgia / USA / Admin1"],
    );
    let text = "Officials in Savannah and Augusta said Georgia would recount the votes.";
    assert_eq!(found(text, &ctx())[2], "Georgia / USA / Admin1");
    let text = "Tbilisi said Georgia would never join Russia; Atlanta was not consulted.";
    assert_eq!(found(text, &ctx())[1], "Georgia / GEO / Country");
}

#[test]
fn kyiv_beijing_gaza_washington() {
    for name in ["Kyiv", "Kiev"] {
        assert_eq!(iso(g().resolve(name, &ctx())), "UKR", "{name}");
    }
    for name in ["Beijing", "Peking"] {
        assert_eq!(iso(g().resolve(name, &ctx())), "CHN", "{name}");
    }
    for name in ["Gaza", "Gaza City", "Gaza Strip", "Khan Younis", "Rafah"] {
        assert_eq!(iso(g().resolve(name, &ctx())), "PSE", "{name}");
    }
    let dc = g().resolve("Washington", &ctx()).unwrap();
    assert_eq!((dc.country.as_str(), dc.admin1.as_str()), ("USA", "DC"));
    // A British story about Washington still means the US capital.
    let uk = Context {
        countries: vec!["GBR".into()],
        dateline_country: Some("GBR".into()),
        ..ctx()
    };
    assert_eq!(g().resolve("Washington", &uk).unwrap().admin1, "DC");
    let c = Context {
        admin1_hints: vec!["state".into()],
        ..ctx()
    };
    assert_eq!(g().resolve("Washington", &c).unwrap().admin1, "WA");
    assert_eq!(iso(g().resolve("New York", &ctx())), "USA");
    assert_eq!(
        g().resolve("New York", &ctx()).unwrap().feature,
        Feature::City
    );

    let text = "BEIJING (Reuters) - Kyiv and Peking traded barbs as Gaza City burned; \
                Washington said the Gaza Strip needed aid.";
    assert_places(
        text,
        &[
            "BEIJING / CHN / City",
            "Kyiv / UKR / City",
            "Peking / CHN / City",
            "Gaza City / PSE / City",
            "Washington / USA / City",
            "Gaza Strip / PSE / Country",
        ],
    );
    assert_places(
        "Washington state and Washington, D.C., differ.",
        &["Washington / USA / Admin1", "Washington / USA / City"],
    );
}

#[test]
fn names_that_are_no_places() {
    assert!(found("George Washington crossed the Delaware River.", &ctx()).is_empty());
    assert!(found("The Washington Post reported it.", &ctx()).is_empty());
    assert!(found("Police said the Union would strike. Nice work.", &ctx()).is_empty());
    assert!(found("Let us go. Us and them.", &ctx()).is_empty());
    assert!(found("ships in the South China Sea", &ctx()).is_empty());
    assert_places(
        "They met in Nice and Reading.",
        &["Nice / FRA / City", "Reading / GBR / City"],
    );
    assert_places(
        "US-led talks; the US and the UK.",
        &[
            "US / USA / Country",
            "US / USA / Country",
            "UK / GBR / Country",
        ],
    );
    // Small towns named like people and bodies, far from the story.
    assert!(found("Barack Obama met the UN chief. Obama left.", &ctx()).is_empty());
    assert!(found("Trade with South America and the Middle East grew.", &ctx()).is_empty());
    // A small town in a country the story is about is a place.
    let ps = Context {
        countries: vec!["PSE".into()],
        ..ctx()
    };
    assert!(found("Troops raided Jenin.", &ctx()).is_empty());
    assert_eq!(
        found("Troops raided Jenin.", &ps),
        vec!["Jenin / PSE / City"]
    );
    assert_places(
        "Troops raided Jenin in the West Bank.",
        &["Jenin / PSE / City", "West Bank / PSE / Country"],
    );
    // Turkey is a country even where "turkey" is a word.
    assert_eq!(
        found("Turkey said so.", &ctx()),
        vec!["Turkey / TUR / Country"]
    );
    assert_places(
        "the People's Republic of China and Northern Gaza",
        &[
            "People's Republic of China / CHN / Country",
            "Gaza / PSE / City",
        ],
    );
}

#[test]
fn context_prefers_the_story_s_country() {
    // Birmingham, Alabama is a fifth of Birmingham, England: a US story means it.
    let us = Context {
        dateline_country: Some("USA".into()),
        ..ctx()
    };
    assert_eq!(iso(g().resolve("Birmingham", &ctx())), "GBR");
    assert_eq!(iso(g().resolve("Birmingham", &us)), "USA");
    let lb = Context {
        countries: vec!["LBN".into()],
        ..ctx()
    };
    assert_eq!(iso(g().resolve("Tripoli", &ctx())), "LBY");
    assert_eq!(iso(g().resolve("Tripoli", &lb)), "LBN");
}

#[test]
fn offsets_are_characters_and_stay_in_range() {
    let text = "Ça, “Kyiv’s” mayor — in Zürich — said: São Paulo!";
    let got = g().find_places(text, 0, 1000, &ctx());
    let spans: Vec<String> = got.iter().map(|&(a, b, _)| slice(text, a, b)).collect();
    assert_eq!(spans, ["Kyiv", "Zürich", "São Paulo"]);
    // A sub-range: only what is inside it.
    let from = text
        .find("Zürich")
        .map(|b| text[..b].chars().count())
        .unwrap();
    let got = g().find_places(text, from, from + 6, &ctx());
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].2.country, "CHE");
}

#[test]
fn odd_input_never_panics() {
    const PIECES: &[&str] = &[
        "Paris",
        "Texas",
        "Georgia",
        "U.S.",
        "US",
        "us",
        "state",
        "of",
        ",",
        ".",
        " ",
        " ",
        "\n",
        "-",
        "—",
        "'s",
        "’",
        "Kyiv",
        "Gaza",
        "City",
        "Strip",
        "New",
        "York",
        "é",
        "É",
        "\u{0}",
        "🙂",
        "ß",
        "Tex.",
        "Nice",
        "the",
        "(",
        ")",
        "\"",
        "St.",
        "Washington",
        "D.C.",
        "-based",
        "Ça",
        "\u{a0}",
        "…",
        "A",
        "z",
    ];
    let mut rng = dyad_text::test_support::XorShift(0x2545_F491_4F6C_DD1D);
    for _ in 0..3000 {
        let len = (rng.next() % 30) as usize;
        let text: String = (0..len).map(|_| rng.pick(PIECES)).collect();
        let n = text.chars().count();
        for (from, to) in [
            (0, n),
            (0, n + 5),
            (n / 2, n),
            (n + 3, n + 9),
            (n, 0),
            (3, 2),
        ] {
            for (a, b, p) in g().find_places(&text, from, to, &ctx()) {
                assert!(a >= from.min(n) && a < b && b <= to.min(n), "{text:?}");
                assert!(!slice(&text, a, b).trim().is_empty(), "{text:?}");
                assert!(!p.name.is_empty());
            }
        }
        let _ = g().resolve(&text, &ctx());
        let _ = g().candidates(&text);
    }
    for odd in ["", " ", "\u{0}", "''", "-", "--", ".", "St.", "'s", "🙂"] {
        assert!(g().resolve(odd, &ctx()).is_none(), "{odd:?}");
    }
    let c = Context {
        admin1_hints: vec![String::new(), "\u{0}".into(), "🙂".into()],
        countries: vec![String::new()],
        dateline_country: Some("??".into()),
        place_countries: vec![],
    };
    assert_eq!(iso(g().resolve("Paris", &c)), "FRA");
}

#[test]
fn bad_files_name_the_line() {
    let head = "geonameid\tname\tascii_name\talternate_names\tcountry_iso2\tcountry_iso3\t\
                feature\tadmin1\tpopulation\tlatitude\tlongitude\n";
    let good = "1\tA\tA\t\tAA\tAAA\tcity\t01\t5\t1.5\t2\n";
    assert_eq!(
        Gazetteer::from_tsv(&format!("{head}{good}")).unwrap().len(),
        1
    );
    for (bad, what) in [
        ("x\tA\tA\t\tAA\tAAA\tcity\t01\t5\t1\t2", "geonameid"),
        ("1\tA\tA\t\tAA\tAAA\ttown\t01\t5\t1\t2", "feature"),
        ("1\tA\tA\t\tAA\tAAA\tcity\t01\t-5\t1\t2", "population"),
        ("1\tA\tA\t\tAA\tAAA\tcity\t01\t5\t91\t2", "latitude"),
        ("1\tA\tA\t\tAA\tAAA\tcity\t01\t5\t1\tNaN", "longitude"),
        ("1\tA\tA\t\tAA\tAA\tcity\t01\t5\t1\t2", "ISO-3"),
        ("1\tA\tA", "11 tab-separated"),
    ] {
        let e = Gazetteer::from_tsv(&format!("{head}{good}{bad}\n")).unwrap_err();
        assert_eq!(e.line, 3, "{bad}");
        assert!(e.to_string().contains(what), "{e}");
    }
}
