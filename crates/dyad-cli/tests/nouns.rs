//! `dyad nouns check` through the command line: the shipped event nouns pass, a folder's
//! own event-noun file is read and its faults named by file and line.

mod common;

use common::{data, dyad, shipped_set_checks_clean, write};

#[test]
fn check_passes_on_the_shipped_set() {
    shipped_set_checks_clean("nouns");
}

#[test]
fn check_reports_faults_of_a_folders_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    for f in ["PETR.Validate.verbs.2.0.txt", "PETR.Validate.actors.txt"] {
        std::fs::copy(data(&format!("validation/{f}")), dir.join(f)).unwrap();
    }
    write(
        dir,
        "mine.event-nouns.txt",
        "LIGHT HOLD WIBBLE\nPARLEY [040] both # from PARLEY\nSKIRMISH [999] # x\nFEUD [110]\n",
    );
    let out = dyad(&[
        "nouns",
        "check",
        "--dictionaries",
        &dir.display().to_string(),
    ]);
    assert!(!out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for want in [
        "mine.event-nouns.txt:3: SKIRMISH: code 999 is not in the CAMEO table",
        "mine.event-nouns.txt:4: FEUD: no comment",
        "light verb WIBBLE is not a verb",
        "checked 3 event nouns and 2 light verbs: 3 errors",
    ] {
        assert!(text.contains(want), "{want}: {text}");
    }
    // a line that cannot be read stops the load with its file and line
    std::fs::write(dir.join("mine.event-nouns.txt"), "LIGHT HOLD\nPARLEY 040\n").unwrap();
    let out = dyad(&[
        "nouns",
        "check",
        "--dictionaries",
        &dir.display().to_string(),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success()
            && err.contains("mine.event-nouns.txt:2: expected `NOUN [CODE] flags`"),
        "{err}"
    );
}
