//! How long the bundled production dictionaries take to load:
//! `cargo run --release -p dyad-dict --example load_time`.

use std::time::Instant;

use dyad_dict::bundled::Dictionaries;

fn main() {
    let runs = 5;
    let mut best = None;
    let mut d = None;
    for _ in 0..runs {
        let t = Instant::now();
        let loaded = match Dictionaries::bundled() {
            Ok(x) => x,
            Err(e) => {
                eprintln!("error: {e}");
                std::process::exit(1);
            }
        };
        let el = t.elapsed();
        best = Some(best.map_or(el, |b: std::time::Duration| b.min(el)));
        d = Some(loaded);
    }
    let d = d.expect("runs > 0");
    println!(
        "bundled dictionaries: best of {runs} loads {:.1} ms — {} verb blocks, {} patterns, {} actors, {} agents, {} discards, {} issue phrases, {} warnings",
        best.unwrap_or_default().as_secs_f64() * 1e3,
        d.verbs.blocks.len(),
        d.verbs.pattern_count(),
        d.actors.entries.len(),
        d.agents.entries.len(),
        d.discards.entries.len(),
        d.issues.get().map_or(0, |i| i.entries.len()),
        d.warnings().count(),
    );
}
