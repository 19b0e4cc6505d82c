//! Embed dyad's own supplementary actor dictionaries: every `data/dictionaries/dyad.*.actors.txt`
//! (up-to-date leaders, ministers, demonyms, capitals, international bodies), so that adding a
//! file there needs no code change.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let dir = manifest.join("../../data/dictionaries");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("dyad.") && n.ends_with(".actors.txt"))
                .collect()
        })
        .unwrap_or_default();
    // hand-kept files first (they are authoritative: they carry end dates), then the generated
    // ones, each group in name order, so that the load order (and so the output) never depends
    // on the file system
    names.sort_by_key(|n| (n.contains("generated"), n.clone()));
    let mut out = String::from("/// dyad's supplementary actor files: (file name, bytes).\n");
    out.push_str("pub const SUPPLEMENTARY_ACTORS: &[(&str, &[u8])] = &[\n");
    for n in &names {
        let path = dir.join(n);
        println!("cargo:rerun-if-changed={}", path.display());
        let _ = writeln!(
            out,
            "    ({n:?}, include_bytes!({:?})),",
            path.display().to_string()
        );
    }
    out.push_str("];\n");
    let dest =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("supplementary.rs");
    std::fs::write(dest, out).expect("write the generated list");
}
