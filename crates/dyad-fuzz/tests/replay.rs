//! Every saved fuzz input, run through its target on stable Rust: the corpus the fuzzers built
//! (`fuzz/corpus/<target>.b64`, one base64 input a line; see scripts/fuzz.sh) and each input
//! that once broke dyad (`fuzz/regressions/<target>/`, one file each). This is the fuzzers'
//! smoke run in CI; the long runs are recorded in docs/ROBUSTNESS.md.

use std::path::{Path, PathBuf};

use base64::Engine;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

fn run(name: &str, target: dyad_fuzz::Target, what: &str, data: &[u8]) {
    let outcome = std::panic::catch_unwind(|| target(data));
    assert!(outcome.is_ok(), "{name}: {what} breaks it");
}

#[test]
fn the_saved_corpus_runs_clean() {
    let mut runs = 0;
    for &(name, target) in dyad_fuzz::TARGETS {
        let packed = fuzz_dir().join("corpus").join(format!("{name}.b64"));
        let text = std::fs::read_to_string(&packed)
            .unwrap_or_else(|e| panic!("{}: {e}", packed.display()));
        let mut here = 0;
        for (k, line) in text.lines().enumerate() {
            let data = base64::engine::general_purpose::STANDARD
                .decode(line.trim())
                .unwrap_or_else(|e| panic!("{}:{}: {e}", packed.display(), k + 1));
            run(
                name,
                target,
                &format!("{}:{}", packed.display(), k + 1),
                &data,
            );
            here += 1;
        }
        assert!(here > 0, "{name} has a corpus");
        runs += here;
    }
    eprintln!("{runs} corpus inputs");
}

#[test]
fn the_crashes_found_so_far_stay_fixed() {
    let mut runs = 0;
    for &(name, target) in dyad_fuzz::TARGETS {
        let Ok(entries) = std::fs::read_dir(fuzz_dir().join("regressions").join(name)) else {
            continue;
        };
        for f in entries.flatten().map(|e| e.path()) {
            let data = std::fs::read(&f).expect("readable input");
            run(name, target, &f.display().to_string(), &data);
            runs += 1;
        }
    }
    eprintln!("{runs} regression inputs");
}
