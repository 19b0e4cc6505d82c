//! The pipeline as a whole: every stage leaves the article consistent on the bundled corpora,
//! and a coder codes with the resources it is given, not with globals.

use dyad_coder::{Coder, Resources};
use dyad_dict::bundled::Dictionaries;
use dyad_lang::Gazetteer;
use dyad_model::{Document, Origin};
use dyad_text::readers::{read_inputs, ReadOptions};

fn corpus(name: &str) -> Vec<Document> {
    let path = format!("{}/../../data/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    let mut docs = Vec::new();
    read_inputs(&[path], &ReadOptions::default(), &mut |d| docs.push(d)).unwrap();
    docs
}

#[test]
fn every_stage_leaves_the_bundled_articles_consistent() {
    let coder = Coder::new(Dictionaries::bundled().unwrap()).with_checks(true);
    let mut events = 0;
    for name in [
        "seed-2025-12-04-beijing.txt",
        "lee_abc_news.jsonl",
        "brown_press_1961.txt",
    ] {
        for doc in corpus(name) {
            // a stage that breaks the article panics, naming itself
            let coded = coder.code(&doc, true);
            events += coded.events.len();
        }
    }
    assert!(events > 100, "{events}");
}

#[test]
fn a_broken_layer_is_reported_with_the_stage_that_made_it() {
    let doc = Document::new(
        "a",
        "Russia attacked Ukraine on Monday.",
        None,
        Origin::default(),
    );
    let coder = Coder::new(Dictionaries::bundled().unwrap());
    let mut article = coder.annotate(&doc);
    assert!(article.check().is_ok());
    assert!(!article.events.is_empty());
    article.events[0].sentence = 7;
    let err = article.check().unwrap_err();
    assert!(err.contains("sentence 7"), "{err}");
}

#[test]
fn the_coder_places_events_with_the_gazetteer_it_is_given() {
    let text = "date 2025-12-04 BEIJING: China and France pledged deeper cooperation.";
    let doc = dyad_text::readers::read_plain(text, "seed.txt", "seed.txt").unwrap();
    let bundled = Coder::new(Dictionaries::bundled().unwrap());
    let place = |coder: &Coder| {
        coder.code_document(&doc)[0]
            .place
            .as_ref()
            .map(|p| p.name.clone())
    };
    assert_eq!(place(&bundled).as_deref(), Some("Beijing"));
    // a gazetteer that knows Beijing by another name only: the dateline no longer resolves
    let own = Gazetteer::from_tsv(
        "geonameid\tname\tascii_name\talternate_names\tcountry_iso2\tcountry_iso3\tfeature\t\
         admin1\tpopulation\tlatitude\tlongitude\n\
         1816670\tPeking\tPeking\t\tCN\tCHN\tcity\t22\t18960744\t39.9075\t116.39723\n",
    )
    .unwrap();
    let mut res = Resources::new(Dictionaries::bundled().unwrap());
    res.gazetteer = own.into();
    assert_eq!(place(&Coder::with_resources(res)), None);
}

#[test]
fn the_trace_is_returned_not_printed() {
    let doc = Document::new("a", "Russia attacked Ukraine.", None, Origin::default());
    let coder = Coder::new(Dictionaries::bundled().unwrap()).with_trace(true);
    let coded = coder.code(&doc, false);
    assert!(
        coded.trace.iter().any(|l| l.starts_with("tokens:")),
        "{:?}",
        coded.trace
    );
    assert!(coded.trace.iter().any(|l| l.starts_with("clause")));
    let quiet = Coder::new(Dictionaries::bundled().unwrap()).code(&doc, false);
    assert!(quiet.trace.is_empty());
}
