//! The dictionary set a coder works with, and where it comes from: the production set embedded
//! in the binary ([`Dictionaries::bundled`]), the fictional-actor set of the PETRARCH unit tests
//! ([`Dictionaries::validation`]), a folder ([`Dictionaries::from_dir`]) or single files
//! ([`Dictionaries::from_files`]).

use std::path::{Path, PathBuf};

use crate::actors::{self, ActorDictionary};
use crate::agents::{self, AgentDictionary};
use crate::discards::{self, DiscardList};
use crate::error::DictError;
use crate::event_nouns::{self, EventNounLexicon};
use crate::issues::LazyIssues;
use crate::reader::Warning;
use crate::verbs::{self, VerbDictionary};

/// A file under `data/$dir/`, embedded: (file name, bytes).
macro_rules! embedded {
    ($dir:literal, $name:literal) => {
        (
            $name,
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../data/",
                $dir,
                "/",
                $name
            )),
        )
    };
}

/// The production files (PETRARCH-2 / Phoenix), embedded: (file name, bytes).
const PRODUCTION_VERBS: (&str, &[u8]) = embedded!("dictionaries", "CAMEO.2.0.txt");
/// dyad's supplementary verb patterns, read after CAMEO.2.0.txt.
const SUPPLEMENTARY_VERBS: (&str, &[u8]) = embedded!("dictionaries", "dyad.verbs.txt");
const PRODUCTION_ACTORS: [(&str, &[u8]); 3] = [
    embedded!("dictionaries", "Phoenix.Countries.actors.txt"),
    embedded!("dictionaries", "Phoenix.International.actors.txt"),
    embedded!("dictionaries", "Phoenix.MilNonState.actors.txt"),
];
const PRODUCTION_AGENTS: (&str, &[u8]) = embedded!("dictionaries", "Phoenix.agents.txt");
/// dyad's supplementary agents ("the opposition", "youths"), read after Phoenix.agents.txt.
const SUPPLEMENTARY_AGENTS: (&str, &[u8]) = embedded!("dictionaries", "dyad.agents.txt");
const PRODUCTION_DISCARDS: (&str, &[u8]) = embedded!("dictionaries", "Phoenix.discards.txt");
/// dyad's event nouns ("talks", "invasion", "sanctions"), read with the verbs.
const EVENT_NOUNS: (&str, &[u8]) = embedded!("dictionaries", "dyad.event-nouns.txt");
const PRODUCTION_ISSUES: (&str, &[u8]) = embedded!("dictionaries", "Phoenix.IssueCoding.txt");

// dyad's own actor files (`data/dictionaries/dyad.*.actors.txt`), listed by build.rs.
include!(concat!(env!("OUT_DIR"), "/supplementary.rs"));

/// The PETR.Validate.* files of the unit-test suite, embedded.
const VALIDATION_VERBS: (&str, &[u8]) = embedded!("validation", "PETR.Validate.verbs.2.0.txt");
const VALIDATION_ACTORS: (&str, &[u8]) = embedded!("validation", "PETR.Validate.actors.txt");
const VALIDATION_AGENTS: (&str, &[u8]) = embedded!("validation", "PETR.Validate.agents.txt");
const VALIDATION_DISCARDS: (&str, &[u8]) = embedded!("validation", "PETR.Validate.discards.txt");

/// The embedded files of the production set, in load order: (file name, bytes). Their hash
/// names the dictionary version a database records for each article it stores.
pub fn bundled_files() -> Vec<(&'static str, &'static [u8])> {
    let mut files = vec![PRODUCTION_VERBS, SUPPLEMENTARY_VERBS, EVENT_NOUNS];
    files.extend(SUPPLEMENTARY_ACTORS.iter().copied());
    files.extend(PRODUCTION_ACTORS);
    files.extend([
        PRODUCTION_AGENTS,
        SUPPLEMENTARY_AGENTS,
        PRODUCTION_DISCARDS,
        PRODUCTION_ISSUES,
    ]);
    files
}

/// Every dictionary a coder needs. Agents, discards and issues may be empty (a set without
/// those files); verbs and actors are always read from a file. The issues are parsed on first
/// use ([`LazyIssues::get`]): no coder reads them yet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dictionaries {
    pub verbs: VerbDictionary,
    pub actors: ActorDictionary,
    pub agents: AgentDictionary,
    pub discards: DiscardList,
    pub issues: LazyIssues,
    /// The nouns that report events, and the light verbs that lend them a subject; empty for
    /// a set without an event-noun file (the PETRARCH validation set).
    pub event_nouns: EventNounLexicon,
}

/// Bytes as text: invalid UTF-8 (the Countries file has some Latin-1 bytes) becomes U+FFFD.
fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn read(path: &Path) -> Result<String, DictError> {
    read_bytes(path).map(|b| text(&b))
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, DictError> {
    std::fs::read(path).map_err(|e| {
        DictError::new(
            path.display().to_string(),
            0,
            format!("cannot read the file: {e}"),
        )
    })
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

impl Dictionaries {
    /// The production set shipped inside the binary: CAMEO.2.0.txt, dyad's supplementary
    /// actor files (`dyad.*.actors.txt`: current leaders, ministers, demonyms, capitals,
    /// international bodies) and the three Phoenix actor files, Phoenix agents with dyad's
    /// supplement (`dyad.agents.txt`), discards and issues.
    pub fn bundled() -> Result<Self, DictError> {
        // the actor files are half the work: they are read on a thread of their own while the
        // verbs, agents and discards are read here (errors are reported in the order
        // the files are listed, as a sequential read would)
        std::thread::scope(|scope| {
            let actors = scope.spawn(|| {
                let mut actors = ActorDictionary::default();
                for (name, bytes) in SUPPLEMENTARY_ACTORS
                    .iter()
                    .copied()
                    .chain(PRODUCTION_ACTORS)
                {
                    actors.parse_into(&text(bytes), name)?;
                }
                Ok::<_, DictError>(actors)
            });
            let verbs = (|| {
                let (name, bytes) = PRODUCTION_VERBS;
                let mut verbs = verbs::parse(&text(bytes), name)?;
                let (name, bytes) = SUPPLEMENTARY_VERBS;
                let supplement = verbs::parse_supplement(&text(bytes), name, &verbs.synsets)?;
                verbs.extend(supplement);
                Ok::<_, DictError>(verbs)
            })();
            let agents = (|| {
                let (name, bytes) = PRODUCTION_AGENTS;
                let mut agents = agents::parse(&text(bytes), name)?;
                let (name, bytes) = SUPPLEMENTARY_AGENTS;
                agents.parse_into(&text(bytes), name)?;
                Ok::<_, DictError>(agents)
            })();
            let (name, bytes) = PRODUCTION_DISCARDS;
            let discards = discards::parse(&text(bytes), name);
            let (name, bytes) = EVENT_NOUNS;
            let event_nouns = event_nouns::parse(&text(bytes), name);
            let actors = actors
                .join()
                .expect("the actor files are read without panicking");
            Ok(Dictionaries {
                verbs: verbs?,
                actors: actors?,
                agents: agents?,
                discards: discards?,
                issues: LazyIssues::new(PRODUCTION_ISSUES.0, PRODUCTION_ISSUES.1),
                event_nouns: event_nouns?,
            })
        })
    }

    /// The PETRARCH unit-test set (fictional actors: Arnor, Gondor, …), also embedded:
    /// PETR.Validate.verbs.2.0.txt, .actors, .agents and .discards; no issues.
    pub fn validation() -> Result<Self, DictError> {
        let parse = |(name, bytes): (&str, &[u8])| (text(bytes), name.to_string());
        let (t, n) = parse(VALIDATION_VERBS);
        let verbs = verbs::parse(&t, &n)?;
        let (t, n) = parse(VALIDATION_ACTORS);
        let actors = actors::parse(&t, &n)?;
        let (t, n) = parse(VALIDATION_AGENTS);
        let agents = agents::parse(&t, &n)?;
        let (t, n) = parse(VALIDATION_DISCARDS);
        let discards = discards::parse(&t, &n)?;
        Ok(Dictionaries {
            verbs,
            actors,
            agents,
            discards,
            issues: LazyIssues::default(),
            event_nouns: EventNounLexicon::default(),
        })
    }

    /// Load the files of a folder, found by name (case does not matter):
    /// * verbs: a `*verbs*.txt` or `CAMEO*.txt` file; a `.2.0` one is preferred, a TABARI-style
    ///   one (`tabari` in the name) comes last; several equal ones: the first by name;
    /// * actors: every file with `actors` in its name, in name order;
    /// * agents, discards, issues, event nouns: the first file with `agents`, `discards`,
    ///   `issue`, `event-nouns` in its name, if any (for agents, the first that is not dyad's);
    /// * dyad's supplements (`dyad.*verbs*.txt`, `dyad.*agents*.txt`), after the main files.
    ///
    /// Documentation files (`.rst`, `.md`, `.xml`, `.json`) are never taken. A folder without a
    /// verbs or an actors file is an error naming the folder.
    pub fn from_dir(dir: &Path) -> Result<Self, DictError> {
        let folder = display(dir);
        let entries = std::fs::read_dir(dir)
            .map_err(|e| DictError::new(&folder, 0, format!("cannot read the folder: {e}")))?;
        let mut files: Vec<(String, PathBuf)> = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            if !path.is_file() {
                continue;
            }
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let lower = name.to_lowercase();
            if [".rst", ".md", ".xml", ".json"]
                .iter()
                .any(|x| lower.ends_with(x))
            {
                continue;
            }
            files.push((lower, path));
        }
        files.sort();
        let verbs = files
            .iter()
            .filter(|(n, _)| n.ends_with(".txt") && (n.contains("verbs") || n.starts_with("cameo")))
            .min_by_key(|(n, _)| {
                if n.contains(".2.0") {
                    0
                } else if n.contains("tabari") {
                    2
                } else {
                    1
                }
            })
            .map(|(_, p)| p.clone())
            .ok_or_else(|| {
                DictError::new(
                    &folder,
                    0,
                    "no verb dictionary in this folder (expected a *verbs*.txt or CAMEO*.txt file)",
                )
            })?;
        let actors: Vec<PathBuf> = files
            .iter()
            .filter(|(n, _)| n.contains("actors"))
            .map(|(_, p)| p.clone())
            .collect();
        if actors.is_empty() {
            return Err(DictError::new(
                &folder,
                0,
                "no actor dictionary in this folder (expected a file with `actors` in its name)",
            ));
        }
        let first = |word: &str| {
            files
                .iter()
                .find(|(n, _)| n.contains(word))
                .map(|(_, p)| p.clone())
        };
        // the main agents file, not dyad's supplement (`dyad.agents.txt`), which follows it
        let agents = files
            .iter()
            .find(|(n, _)| n.contains("agents") && !n.starts_with("dyad."))
            .map(|(_, p)| p.clone())
            .or_else(|| first("agents"));
        let discards = first("discards");
        let issues = first("issue");
        let mut d = Self::from_files(
            &verbs,
            &actors,
            agents.as_deref(),
            discards.as_deref(),
            issues.as_deref(),
        )?;
        if let Some((_, path)) = files.iter().find(|(n, _)| n.contains("event-nouns")) {
            d.event_nouns = event_nouns::parse(&read(path)?, &display(path))?;
        }
        // dyad's supplementary verb and agent files (`dyad.*verbs*.txt`, `dyad.*agents*.txt`)
        // come after the main ones
        for (name, path) in &files {
            if name.starts_with("dyad.") && name.contains("verbs") && *path != verbs {
                let supplement =
                    verbs::parse_supplement(&read(path)?, &display(path), &d.verbs.synsets)?;
                d.verbs.extend(supplement);
            }
            if name.starts_with("dyad.") && name.contains("agents") && Some(path) != agents.as_ref()
            {
                d.agents.parse_into(&read(path)?, &display(path))?;
            }
        }
        Ok(d)
    }

    /// Load single files. Errors name the file as given.
    pub fn from_files(
        verbs: &Path,
        actors: &[PathBuf],
        agents: Option<&Path>,
        discards: Option<&Path>,
        issues: Option<&Path>,
    ) -> Result<Self, DictError> {
        let verbs = verbs::parse(&read(verbs)?, &display(verbs))?;
        let mut actor_dict = ActorDictionary::default();
        for a in actors {
            actor_dict.parse_into(&read(a)?, &display(a))?;
        }
        let agents = match agents {
            Some(p) => agents::parse(&read(p)?, &display(p))?,
            None => AgentDictionary::default(),
        };
        let discards = match discards {
            Some(p) => discards::parse(&read(p)?, &display(p))?,
            None => DiscardList::default(),
        };
        // read now (a missing file is an error of the load), parsed on first use
        let issues = match issues {
            Some(p) => LazyIssues::new(display(p), read_bytes(p)?),
            None => LazyIssues::default(),
        };
        Ok(Dictionaries {
            verbs,
            actors: actor_dict,
            agents,
            discards,
            issues,
            event_nouns: EventNounLexicon::default(),
        })
    }

    /// Every tolerated defect met while reading, in file order per dictionary. The issues,
    /// not read yet, are not included: their warnings come with [`LazyIssues::get`].
    pub fn warnings(&self) -> impl Iterator<Item = &Warning> {
        self.verbs
            .warnings
            .iter()
            .chain(&self.actors.warnings)
            .chain(&self.agents.warnings)
            .chain(&self.discards.warnings)
            .chain(&self.event_nouns.warnings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issues;

    fn data_dir(sub: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../data")
            .join(sub)
    }

    #[test]
    fn bundled_loads() {
        let d = Dictionaries::bundled().unwrap();
        // CAMEO.2.0.txt's 397 blocks, then dyad.verbs.txt's
        assert_eq!(d.verbs.blocks.len(), 397 + 38);
        let ours: Vec<&str> = d.verbs.blocks[397..]
            .iter()
            .map(|b| b.name.as_str())
            .collect();
        assert_eq!(
            ours,
            [
                "URGE",
                "SANCTION",
                "PLUNDER",
                "TURN",
                "TRAVEL",
                "NEGOTIATE",
                "HEAD",
                "FLY",
                "BEAT",
                "DENY",
                "TAKE",
                "INVOLVE",
                "DEMONSTRATE",
                "REACT",
                "EXPEL",
                "SUMMON",
                "MEDIATE",
                "SEVER",
                "FREEZE",
                "DOWNGRADE",
                "HURL",
                "DISPERSE",
                "ARRIVE",
                "ORDER",
                "GOVERN",
                "SUSPEND",
                "RENEW",
                "INVITE",
                "TEST-FIRE",
                "CLAIM",
                "CHAIR",
                "DE-ESCALATE",
                "BREAK_DOWN",
                "INK",
                "EXECUTE",
                "BOOST",
                "LINK",
                "ENACT"
            ]
        );
        // dyad's TAKE and INVOLVE replace upstream's, and its patterns know upstream's synsets
        let listing = |word: &str| -> Vec<&str> {
            d.verbs
                .blocks
                .iter()
                .filter(|b| {
                    b.verbs.iter().any(|e| {
                        let f = &e.forms[0];
                        f.verb == word && f.before.is_empty() && f.after.is_empty()
                    })
                })
                .map(|b| b.name.as_str())
                .collect()
        };
        assert_eq!(listing("TAKE"), ["TAKE"]);
        assert_eq!(listing("INVOLVE"), ["INVOLVE"]);
        assert_eq!(listing("GOVERN"), ["GOVERN"]);
        // (BOOST, LINK, ENACT: the same names, listed again with no default code)
        assert_eq!(listing("DEEPEN"), ["BOOST"]);
        assert_eq!(
            d.verbs.blocks[..397]
                .iter()
                .find(|b| b.name == "BOOST")
                .map(|b| b.verbs.len()),
            Some(0)
        );
        assert_eq!(listing("DEMONSTRATE"), ["DEMONSTRATE"]);
        let undefined_upstream = verbs::parse(&text(PRODUCTION_VERBS.1), PRODUCTION_VERBS.0)
            .unwrap()
            .undefined_synsets
            .len();
        assert_eq!(d.verbs.undefined_synsets.len(), undefined_upstream);
        let upstream: usize = d.verbs.blocks[..397]
            .iter()
            .map(|b| b.patterns.iter().filter(|p| p.file.is_none()).count())
            .sum();
        assert_eq!(upstream, 4_668);
        // dyad.verbs.txt's verbless blocks add their patterns to upstream's (ASK, COLLAPSE, DESPATCH,
        // ENDURE, EXHIBIT, MAINTAIN, MOVE, OBTAIN, REDUCE, RESTART, RE_ESTABLISH, SEND, SIGN, STAY,
        // UTILIZE, CONSIDER, GO_SOMEWHERE, CALL, AGREE, SUPPORT, FACILITATE, GRANT, CONFINE,
        // TAKE_CONTROL, DESTROY)
        let added: Vec<&str> = d.verbs.blocks[..397]
            .iter()
            .filter(|b| b.patterns.iter().any(|p| p.file.is_some()))
            .map(|b| b.name.as_str())
            .collect();
        assert_eq!(
            added,
            [
                "ASK",
                "COLLAPSE",
                "DESPATCH",
                "ENDURE",
                "EXHIBIT",
                "MAINTAIN",
                "MOVE",
                "OBTAIN",
                "REDUCE",
                "RESTART",
                "RE_ESTABLISH",
                "SEND",
                "SIGN",
                "STAY",
                "UTILIZE",
                "CONSIDER",
                "GO_SOMEWHERE",
                "MEET_PEOPLE",
                "CALL",
                "AGREE",
                "SUPPORT",
                "FACILITATE",
                "GRANT",
                "CONFINE",
                "TAKE_CONTROL",
                "DESTROY"
            ]
        );
        let phoenix = d
            .actors
            .entries
            .iter()
            .filter(|e| e.file.starts_with("Phoenix."))
            .count();
        assert_eq!(phoenix, 18_353 + 7_838 + 1_021);
        let files: std::collections::BTreeSet<&str> =
            d.actors.entries.iter().map(|e| e.file.as_str()).collect();
        // the three Phoenix files and dyad's own, which come first
        assert_eq!(files.len(), 3 + SUPPLEMENTARY_ACTORS.len());
        assert!(SUPPLEMENTARY_ACTORS.len() >= 8);
        assert!(d.actors.entries[0].supersedes());
        // Phoenix's 2,244 and dyad's supplement
        assert_eq!(d.agents.entries.len(), 2_244 + 17);
        assert_eq!(d.discards.entries.len(), 506);
        // the issues are not parsed at load, only on first use
        assert!(format!("{:?}", d.issues).contains("parsed: false"));
        assert!(d.issues.get().unwrap().entries.len() > 3_000);
        assert!(format!("{:?}", d.issues).contains("parsed: true"));
        assert!(d.warnings().count() > 0);
    }

    /// The files whose bytes name the dictionary version a database records: the issues are
    /// among them although they are parsed only on use.
    #[test]
    fn bundled_files_name_the_version() {
        let names: Vec<&str> = bundled_files().iter().map(|(n, _)| *n).collect();
        let n = names.len();
        assert_eq!(
            names[..3],
            ["CAMEO.2.0.txt", "dyad.verbs.txt", "dyad.event-nouns.txt"]
        );
        assert_eq!(
            names[n - 7..],
            [
                "Phoenix.Countries.actors.txt",
                "Phoenix.International.actors.txt",
                "Phoenix.MilNonState.actors.txt",
                "Phoenix.agents.txt",
                "dyad.agents.txt",
                "Phoenix.discards.txt",
                "Phoenix.IssueCoding.txt",
            ]
        );
        assert_eq!(n, 10 + SUPPLEMENTARY_ACTORS.len());
    }

    #[test]
    fn validation_loads() {
        let d = Dictionaries::validation().unwrap();
        assert_eq!(d.verbs.blocks.len(), 69);
        assert_eq!(d.actors.entries.len(), 130);
        assert!(d.agents.entries.iter().any(|a| a.code == "GGS"));
        assert_eq!(d.discards.entries.len(), 9);
        assert!(d.issues.get().unwrap().entries.is_empty());
    }

    /// The same blocks, read from files named differently (paths here, names when bundled).
    fn same_blocks(a: &[crate::verbs::VerbBlock], b: &[crate::verbs::VerbBlock]) -> bool {
        let name = |f: &str| f.rsplit('/').next().unwrap_or(f).to_string();
        // (the file names of patterns added to a block, too)
        let bare = |x: &crate::verbs::VerbBlock| crate::verbs::VerbBlock {
            file: String::new(),
            patterns: x
                .patterns
                .iter()
                .map(|p| crate::verbs::Pattern {
                    file: p.file.as_deref().map(|f| name(f).to_string()),
                    ..p.clone()
                })
                .collect(),
            ..x.clone()
        };
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(x, y)| name(&x.file) == name(&y.file) && bare(x) == bare(y))
    }

    #[test]
    fn from_dir_matches_bundled() {
        let d = Dictionaries::from_dir(&data_dir("dictionaries")).unwrap();
        let b = Dictionaries::bundled().unwrap();
        assert!(
            same_blocks(&d.verbs.blocks, &b.verbs.blocks) && d.verbs.synsets == b.verbs.synsets
        );
        assert_eq!(d.event_nouns.nouns.len(), b.event_nouns.nouns.len());
        assert!(d.verbs.transformations == b.verbs.transformations);
        assert_eq!(d.verbs.undefined_synsets, b.verbs.undefined_synsets);
        assert_eq!(d.actors.entries.len(), b.actors.entries.len());
        assert!(d.agents.entries == b.agents.entries);
        assert!(d.discards.entries == b.discards.entries);
        assert!(d.issues.get().unwrap().entries == b.issues.get().unwrap().entries);
        // the file names are paths here
        assert!(d
            .actors
            .entries
            .iter()
            .any(|e| e.file.ends_with("/Phoenix.Countries.actors.txt")));
        assert!(d.actors.entries.iter().any(|e| e.supersedes()));
    }

    #[test]
    fn from_dir_validation_folder() {
        let d = Dictionaries::from_dir(&data_dir("validation")).unwrap();
        let v = Dictionaries::validation().unwrap();
        assert!(same_blocks(&d.verbs.blocks, &v.verbs.blocks));
        assert_eq!(d.actors.entries.len(), v.actors.entries.len());
        assert!(d.agents.entries == v.agents.entries);
        assert!(d.discards.entries == v.discards.entries);
    }

    #[test]
    fn from_dir_prefers_the_2_0_verbs_and_errors_name_the_folder() {
        let tmp = std::env::temp_dir().join(format!("dyad-dict-from-dir-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&tmp);
        std::fs::create_dir_all(&tmp).unwrap();
        let err = Dictionaries::from_dir(&tmp).unwrap_err();
        assert!(err.to_string().contains("no verb dictionary"), "{err}");
        assert_eq!(err.file, tmp.display().to_string());
        std::fs::write(tmp.join("X.verbs.txt"), "--- OLD [010] ---\nOLD\n").unwrap();
        std::fs::write(tmp.join("X.verbs.2.0.txt"), "--- NEW [010] ---\nNEW\n").unwrap();
        std::fs::write(tmp.join("CAMEO.verbpatterns.tabari-style.txt"), "junk [\n").unwrap();
        let err = Dictionaries::from_dir(&tmp).unwrap_err();
        assert!(err.to_string().contains("no actor dictionary"), "{err}");
        std::fs::write(tmp.join("b.actors.txt"), "B [BBB]\n").unwrap();
        std::fs::write(tmp.join("a.actors.txt"), "A [AAA]\n").unwrap();
        std::fs::write(tmp.join("notes.actors.rst"), "not a dictionary [\n").unwrap();
        let d = Dictionaries::from_dir(&tmp).unwrap();
        assert_eq!(d.verbs.blocks[0].name, "NEW");
        let codes: Vec<&str> = d
            .actors
            .entries
            .iter()
            .map(|e| e.codes[0].code.as_str())
            .collect();
        assert_eq!(codes, vec!["AAA", "BBB"]);
        assert!(d.agents.entries.is_empty() && d.issues.get().unwrap().entries.is_empty());
        // a bad file: the error names it, with its line
        std::fs::write(tmp.join("c.actors.txt"), "C [CCC\n").unwrap();
        let err = Dictionaries::from_dir(&tmp).unwrap_err();
        assert!(err.file.ends_with("c.actors.txt") && err.line == 1, "{err}");
        std::fs::remove_dir_all(&tmp).unwrap();
    }

    #[test]
    fn from_files_reports_unreadable_files() {
        let missing = data_dir("dictionaries/nope.txt");
        let err = Dictionaries::from_files(&missing, &[], None, None, None).unwrap_err();
        assert!(err.file.ends_with("nope.txt") && err.line == 0, "{err}");
        let verbs = data_dir("validation/PETR.Validate.verbs.2.0.txt");
        let actors = vec![data_dir("validation/PETR.Validate.actors.txt")];
        let d = Dictionaries::from_files(&verbs, &actors, None, None, None).unwrap();
        assert_eq!(d.actors.entries.len(), 130);
        assert!(d.agents.entries.is_empty());
    }

    /// Random lines built from the syntax characters of every format: no parser may panic.
    #[test]
    fn random_garbage_never_panics() {
        const PIECES: [&str; 40] = [
            "[", "]", "{", "}", "(", ")", "<", ">", "-", "---", "+", "~", "!", "&", "*", "_", "#",
            ";", ":", "=", ",", "/", "$", "^", "%", "?", " ", "\t", "\r", "\n", "A", "xy", "042",
            "950601", "2004017", "ß", "é", "†", "\u{a0}", "<!--",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let len = (next() % 24) as usize;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let _ = verbs::parse(&text, "g");
            let _ = actors::parse(&text, "g");
            let _ = agents::parse(&text, "g");
            let _ = discards::parse(&text, "g");
            let _ = issues::parse(&text, "g");
        }
    }

    /// `cargo test --release -p dyad-dict -- --ignored --nocapture bundled_load_time`
    #[test]
    #[ignore]
    fn bundled_load_time() {
        let t = std::time::Instant::now();
        let d = Dictionaries::bundled().unwrap();
        eprintln!(
            "bundled dictionaries: {:?} ({} actors)",
            t.elapsed(),
            d.actors.entries.len()
        );
    }
}
