//! Helpers for the tests of this crate and of the crates built on it (feature `test-support`).

/// A deterministic xorshift generator, so that failures of the random-input tests reproduce.
pub struct XorShift(pub u64);

impl XorShift {
    #[allow(clippy::should_implement_trait)] // a generator, not an iterator: it never ends
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// One of `pieces`.
    pub fn pick<'a>(&mut self, pieces: &[&'a str]) -> &'a str {
        pieces[(self.next() % pieces.len() as u64) as usize]
    }
}

/// Random texts from awkward pieces, sometimes run together, sometimes spaced.
pub fn random_texts(pieces: &[&str]) -> Vec<String> {
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
    (0..4000)
        .map(|_| {
            let len = (rng.next() % 30) as usize;
            (0..len).map(|_| rng.pick(pieces)).collect::<Vec<_>>().join(
                if rng.next().is_multiple_of(3) {
                    ""
                } else {
                    " "
                },
            )
        })
        .collect()
}

/// The text of a file of the bundled corpora (`data/corpus/NAME`).
pub fn corpus(name: &str) -> String {
    let p = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/corpus/");
    std::fs::read_to_string(format!("{p}{name}")).expect("a bundled corpus file")
}
