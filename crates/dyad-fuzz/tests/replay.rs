//! Every saved fuzz input, run through its target on stable Rust: the corpus the fuzzers built
//! (`fuzz/corpus/<target>/`) and each input that once broke dyad (`fuzz/regressions/<target>/`).
//! This is the fuzzers' smoke run in CI; the long runs are recorded in docs/ROBUSTNESS.md.

use std::path::Path;

fn replay(folder: &str) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz")
        .join(folder);
    let mut runs = 0;
    for &(name, target) in dyad_fuzz::TARGETS {
        let Ok(entries) = std::fs::read_dir(root.join(name)) else {
            continue;
        };
        let mut files: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files {
            let data = std::fs::read(&f).expect("readable input");
            let outcome = std::panic::catch_unwind(|| target(&data));
            assert!(outcome.is_ok(), "{name}: {} breaks it", f.display());
            runs += 1;
        }
    }
    runs
}

#[test]
fn the_saved_corpus_runs_clean() {
    let runs = replay("corpus");
    eprintln!("{runs} corpus inputs");
    assert!(
        runs >= dyad_fuzz::TARGETS.len(),
        "every target has a corpus"
    );
}

#[test]
fn the_crashes_found_so_far_stay_fixed() {
    let runs = replay("regressions");
    eprintln!("{runs} regression inputs");
}
