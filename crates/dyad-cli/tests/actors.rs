//! `dyad actors lookup` and `dyad actors check` through the command line.

mod common;

use common::{assert_says, dyad, dyad_ok, shipped_set_checks_clean, write};

#[test]
fn lookup_prints_the_code_and_the_entry_behind_it() {
    let out = dyad_ok(&[
        "actors",
        "lookup",
        "Emmanuel Macron",
        "--date",
        "2025-12-04",
    ]);
    assert!(
        out.starts_with("\"Emmanuel Macron\" on 2025-12-04: FRAGOV"),
        "{out}"
    );
    assert_says(&out, "dyad.Leaders.manual-europe-americas.actors.txt:");
    assert_says(&out, "← applies");
    let out = dyad_ok(&[
        "actors",
        "lookup",
        "François Hollande",
        "--date",
        "2025-12-04",
    ]);
    assert!(
        out.starts_with("\"François Hollande\" on 2025-12-04: FRAELI"),
        "{out}"
    );
    let unknown = dyad(&[
        "actors",
        "lookup",
        "Nobody Inparticular",
        "--date",
        "2025-12-04",
    ]);
    assert!(!unknown.status.success());
    let bad_date = dyad(&["actors", "lookup", "Macron", "--date", "2025-13-45"]);
    assert!(String::from_utf8_lossy(&bad_date.stderr).contains("--date"));
}

#[test]
fn check_passes_on_the_shipped_set() {
    shipped_set_checks_clean("actors");
}

#[test]
fn check_reports_planted_errors() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        &dir,
        "planted.actors.txt",
        "ARNOR_ [FRA]\n\
         GONDOR_ [XQZGOV]\n\
         JOHN_DOE_\n\t[FRAGOV 20170101-20201231]\n\t[FRAELI 20200601-20221231]\n\
         JANE_ROE_\n\t[FRAGOV 2004017-20061201]\n\
         ARNOR_ [DEU]\n",
    );
    let out = dyad(&["actors", "check", "--actors", &f.display().to_string()]);
    assert!(!out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for (line, kind) in [
        (2, "code not in the CAMEO tables"),
        (3, "overlapping date ranges"),
        (7, "malformed date"),
        (8, "conflicting duplicate name"),
    ] {
        assert!(
            text.contains(&format!("planted.actors.txt:{line}: {kind}")),
            "{kind}: {text}"
        );
    }
}
