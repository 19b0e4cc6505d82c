//! Helpers for this crate's tests.

/// Random texts from awkward pieces (a deterministic xorshift, so failures reproduce).
pub(crate) fn random_texts(pieces: &[&str]) -> Vec<String> {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    (0..4000)
        .map(|_| {
            let mut next = || {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state
            };
            let len = (next() % 30) as usize;
            (0..len)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .collect::<Vec<_>>()
                .join(if next() % 3 == 0 { "" } else { " " })
        })
        .collect()
}
