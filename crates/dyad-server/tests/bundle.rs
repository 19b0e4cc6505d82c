//! The dashboard the binary embeds (crates/dyad-server/assets/) is committed, built from
//! dashboard/ by `npm run build`, so that building dyad needs no Node. This test builds it again
//! from the sources and the lock file and checks that the committed files are what the sources
//! give: an edit to dashboard/ without a rebuild fails here. It needs node and npm (and the npm
//! registry); `.ci/run` installs them and sets `DYAD_E2E=1`, which makes their absence a
//! failure instead of a skip.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("..")
}

#[test]
fn the_committed_dashboard_bundle_is_built_from_its_sources() {
    let required = std::env::var("DYAD_E2E").is_ok_and(|v| v == "1");
    let dashboard = repo().join("dashboard");
    // npm comes with node: npm not found means no Node at all, a skip unless DYAD_E2E=1
    match Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&dashboard)
        .stdout(Stdio::null())
        .status()
    {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            assert!(!required, "DYAD_E2E=1 but npm is missing");
            eprintln!(
                "SKIPPED: node and npm are needed to rebuild the dashboard (.ci/run installs them)"
            );
            return;
        }
        status => assert!(status.is_ok_and(|s| s.success()), "npm ci in dashboard/"),
    }
    let out = tempfile::tempdir().unwrap();
    let built = Command::new("node")
        .arg("build.mjs")
        .env("DYAD_ASSETS_OUT", out.path())
        .current_dir(&dashboard)
        .output()
        .expect("run node");
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let committed = repo().join("crates").join("dyad-server").join("assets");
    let mut names: Vec<String> = std::fs::read_dir(&committed)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    // (the page, dashboard/index.html, is embedded from its source)
    assert_eq!(names, ["app.css", "app.js", "land-110m.json"]);
    for name in names {
        let want = std::fs::read(out.path().join(&name)).unwrap();
        let have = std::fs::read(committed.join(&name)).unwrap();
        assert!(
            want == have,
            "crates/dyad-server/assets/{name} is not what dashboard/ builds: run \
             `npm ci && npm run build` in dashboard/ and commit the result"
        );
    }
}
