//! The event filter is one: `dyad query`'s flags and the API's parameters take the same
//! values and refuse the same ones, naming the same field (`--with-negated` / `with_negated`).

mod common;

use common::{dyad, ingested};
use dyad_server::params::Params;

/// Each case as a query string (`name=value&…`); the command line gets `--name value`.
const GOOD: &[&str] = &[
    "actor=FRA",
    "actor=usa&actor=FRA",
    "dyad=FRA:CHN",
    "source=FRA&target=CHN",
    "code=04",
    "code=0431",
    "root=04",
    "quad=1",
    "quad=4",
    "from=2025-12-01&to=2025-12-31",
    "from=2025-12-01&to=2025-12-01",
    "country=chn",
    "text=met with",
    "with_negated=true",
    "with_negated=no",
    // names, read through the dictionaries (Macron: FRAGOV) and the country table
    "actor=Macron",
    "dyad=Macron:China",
    "country=China",
];

/// Bad cases with the field named.
const BAD: &[(&str, &str)] = &[
    ("from=2025-13-01", "from"),
    ("to=yesterday", "to"),
    ("from=2025-12-05&to=2025-12-01", "to"),
    ("quad=5", "quad"),
    ("quad=0", "quad"),
    ("quad=x", "quad"),
    ("root=4", "root"),
    ("root=99", "root"),
    ("code=04x", "code"),
    ("code=abc", "code"),
    ("actor=1FRA", "actor"),
    ("actor=A&actor=B&actor=C&actor=D&actor=E", "actor"),
    ("source=1", "source"),
    ("target=C-3PO", "target"),
    ("dyad=FRA", "dyad"),
    ("dyad=FRA:1", "dyad"),
    ("dyad=FRA:CHN&source=FRA", "dyad"),
    ("country=Chinaland", "country"),
    ("actor=Zzyzx Qwerty", "actor"),
    ("text=a b c d e f g h i", "text"),
    ("with_negated=maybe", "with_negated"),
];

/// Names read by dyad's coder with the bundled dictionaries, as `dyad query` reads them.
struct CoderNames;

impl dyad_store::names::ActorNames for CoderNames {
    fn codes(&self, name: &str, date: chrono::NaiveDate) -> Vec<String> {
        static CODER: std::sync::OnceLock<dyad_coder::Coder> = std::sync::OnceLock::new();
        CODER
            .get_or_init(|| {
                dyad_coder::Coder::new(dyad_dict::bundled::Dictionaries::bundled().unwrap())
            })
            .read_name(name, Some(date))
            .phrases
            .iter()
            .flat_map(|p| p.members.iter().map(|m| m.code.clone()))
            .collect()
    }
}

fn pairs(q: &str) -> Vec<(&str, &str)> {
    q.split('&').map(|p| p.split_once('=').unwrap()).collect()
}

/// The API's answer: the filter, or the field refused and the message.
fn api(q: &str) -> Result<(), (String, String)> {
    let encoded: String = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs(q))
        .finish();
    let p = Params::parse(Some(&encoded), &[], true).map_err(|e| (String::new(), e.error))?;
    p.filter(Some(&CoderNames))
        .map(drop)
        .map_err(|e| (e.field.unwrap_or_default(), e.error))
}

/// The command line's answer: success, or stderr.
fn cli(db: &str, q: &str) -> Result<(), String> {
    let mut args = vec!["query".to_string(), "--db".into(), db.into()];
    for (name, value) in pairs(q) {
        // a flag alone, or with a value
        if name == "with_negated" && value == "true" {
            args.push("--with-negated".into());
            continue;
        }
        args.push(format!("--{}", name.replace('_', "-")));
        args.push(value.to_string());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = dyad(&args);
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

#[test]
fn the_command_line_and_the_api_take_and_refuse_the_same_values() {
    let dir = tempfile::tempdir().unwrap();
    let db = ingested(
        dir.path(),
        "f",
        "{\"id\": \"a\", \"date\": \"2025-12-04\", \"text\": \"France met China.\"}\n",
    );
    let db = db.as_str();
    for q in GOOD {
        assert_eq!(api(q), Ok(()), "API refused {q}");
        assert_eq!(cli(db, q), Ok(()), "dyad query refused {q}");
    }
    for (q, field) in BAD {
        let (api_field, api_message) = api(q).expect_err(q);
        assert_eq!(api_field, *field, "{q}: {api_message}");
        let stderr = cli(db, q).expect_err(q);
        let flag = format!("--{}", field.replace('_', "-"));
        // the same message, the field named as the API and as the command line name it
        let as_flag = format!("{flag}{}", &api_message[field.len()..]);
        assert!(
            stderr.contains(&format!("dyad: {as_flag}")),
            "{q}: the API says {api_message:?}, dyad query says {stderr:?}"
        );
    }
}
