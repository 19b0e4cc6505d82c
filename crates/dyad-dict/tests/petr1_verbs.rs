//! The PETRARCH-1 / TABARI-style verb file (`data/dictionaries/petr1/`) reads into the same
//! model as the PETR-2 file, its upstream defects tolerated with warnings.

use dyad_dict::verbs::{self, PatternElement};

#[test]
fn tabari_style_verb_file_loads() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/dictionaries/petr1/CAMEO.verbpatterns.tabari-style.txt"
    );
    let text = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
    let d = verbs::parse(&text, "CAMEO.verbpatterns.tabari-style.txt").expect("loads");
    assert_eq!(d.blocks.len(), 396);
    assert!(d.blocks.iter().map(|b| b.patterns.len()).sum::<usize>() > 10_000);
    // the three defects, each a warning naming its line
    for (line, what) in [
        (5860, "without a code"),
        (8056, "without `*`"),
        (11786, "blanks"),
    ] {
        assert!(
            d.warnings
                .iter()
                .any(|w| w.line == line && w.message.contains(what)),
            "line {line}: {what}"
        );
    }
    // TABARI's role markers are kept: `- $ * DEAL … + ASSET [085]`
    let announce = d
        .blocks
        .iter()
        .flat_map(|b| &b.patterns)
        .find(|p| p.line == 733)
        .unwrap();
    assert!(announce.pre.contains(&PatternElement::Source));
    assert!(announce.post.contains(&PatternElement::Target));
}
