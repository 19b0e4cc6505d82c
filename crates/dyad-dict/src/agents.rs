//! Agent dictionaries (`Phoenix.agents.txt`, `PETR.Validate.agents.txt`): common nouns that
//! qualify an actor ("president" → `~GOV`, "human rights body" → `NGO~`). See FORMATS.md §2.4.

use std::collections::{HashMap, HashSet};

use crate::error::DictError;
use crate::reader::{
    bounded_product, dict_words, enclosed, lines, noun_plural, strip_comment, Warning,
};

/// Whether the agent code goes after the actor code (`~GOV`: ISR + GOV = ISRGOV) or before it
/// (`NGO~`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    Append,
    Prepend,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentEntry {
    /// Every phrase this agent is written as: singular, plural (regular, irregular `{X}`, or none
    /// with `{}`), with `!SET!` substitutions expanded. Normalised words.
    pub phrases: Vec<Vec<String>>,
    /// The code without its `~` (e.g. `GOVFRM`).
    pub code: String,
    pub placement: Placement,
    pub line: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgentDictionary {
    pub entries: Vec<AgentEntry>,
    /// The `!SET! = A, B, C` substitution sets, by name (without the `!`), values as written
    /// (upper-cased, trimmed).
    pub substitutions: HashMap<String, Vec<String>>,
    /// Tolerated defects met while reading.
    pub warnings: Vec<Warning>,
}

impl AgentDictionary {
    /// Read one more agents file into this dictionary.
    pub fn parse_into(&mut self, text: &str, file: &str) -> Result<(), DictError> {
        let more = parse(text, file)?;
        self.extend(more);
        Ok(())
    }

    /// Append another dictionary's entries (its substitution sets too).
    pub fn extend(&mut self, other: AgentDictionary) {
        self.entries.extend(other.entries);
        self.substitutions.extend(other.substitutions);
        self.warnings.extend(other.warnings);
    }
}

/// Read an agents dictionary (FORMATS.md §2.4).
///
/// * `!SET! = A, B, C` defines a substitution set; a later `!SET!` inside a phrase expands to
///   each value, glued to the letters around it (`CONGRESS!PERSON!` → CONGRESSMAN, CONGRESSMEN,
///   …; `!MINIST!_OF_DEFENSE` → MINISTER OF DEFENSE, MINISTRY OF DEFENSE, …).
/// * `PHRASE {PLURAL} [~CODE]`: `~CODE` appends, `CODE~` prepends; `{}` means no plural, `{X_Y}`
///   gives the plural; otherwise the regular plural of the last word is added (not to a word that
///   already looks plural, see `reader::noun_plural`).
/// * Words are separated by `_` and blanks (`CHIEF EXECUTIVE`, `SUPREME_PEOPLE _COURT`).
/// * `#` and `;` start comments, `<!-- -->` blocks are comments.
///
/// Tolerated upstream defects (each with a warning): `AD!MINIST!RATION` — a set name with a
/// letter right after its closing `!` is the residue of a global replace, read literally
/// (ADMINISTRATION); `[~ENV}` closed by `}`; `[ ~COP]` with a blank; a code without `~` is
/// appended; an unknown `!SET!` is read as its name; a line without a `[code]`
/// (`ISLAMIC_EXTREMIST`) is skipped.
pub fn parse(text: &str, file: &str) -> Result<AgentDictionary, DictError> {
    let mut dict = AgentDictionary::default();
    for (no, raw) in lines(text) {
        let line = strip_comment(&raw, &['#', ';']).trim().to_string();
        if line.is_empty() {
            continue;
        }
        let warn =
            |dict: &mut AgentDictionary, m: &str| dict.warnings.push(Warning::new(file, no, m));
        // `!SET! = A, B, C`
        if line.starts_with('!') && line.contains('=') && !line.contains('[') {
            let (name, values) = line.split_once('=').unwrap_or((&line, ""));
            let name = name.trim().trim_matches('!').trim().to_uppercase();
            if name.is_empty() || name.contains('!') {
                return Err(DictError::new(
                    file,
                    no,
                    "expected a substitution set like `!PERSON! = MAN, MEN`",
                ));
            }
            let values: Vec<String> = values
                .split(',')
                .map(|v| v.trim().to_uppercase())
                .filter(|v| !v.is_empty())
                .collect();
            if values.is_empty() {
                return Err(DictError::new(
                    file,
                    no,
                    format!("substitution set `!{name}!` has no values"),
                ));
            }
            dict.substitutions.insert(name, values);
            continue;
        }
        // the code
        let Some(open) = line.find('[') else {
            warn(&mut dict, "agent without a [code]; skipped");
            continue;
        };
        let after = &line[open + 1..];
        let close = match after.find([']', '}']) {
            Some(c) => {
                if after.as_bytes()[c] == b'}' {
                    warn(&mut dict, "code closed by `}` instead of `]`");
                }
                c
            }
            None => {
                return Err(DictError::new(
                    file,
                    no,
                    "expected `]` to close the agent code like [~GOV]",
                ))
            }
        };
        let inner: String = after[..close]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let (code, placement) = if let Some(c) = inner.strip_prefix('~') {
            (c, Placement::Append)
        } else if let Some(c) = inner.strip_suffix('~') {
            (c, Placement::Prepend)
        } else {
            warn(&mut dict, "agent code without `~`; appended");
            (inner.as_str(), Placement::Append)
        };
        if code.is_empty() || code.contains('~') {
            return Err(DictError::new(
                file,
                no,
                format!(
                    "expected an agent code like [~GOV] or [NGO~], found `[{}]`",
                    &after[..close]
                ),
            ));
        }
        let code = code.to_uppercase();
        // phrase and plural
        let head = &line[..open];
        let (phrase, plural_spec) = match head.find('{') {
            Some(b) => {
                let (inner, rest) = enclosed(&head[b + 1..], '}');
                if rest.is_none() {
                    warn(&mut dict, "plural without its closing `}`");
                }
                (&head[..b], Some(inner.trim().to_string()))
            }
            None => (head, None),
        };
        let singulars = expand(
            phrase.trim(),
            &dict.substitutions,
            &mut dict.warnings,
            file,
            no,
        );
        if singulars.is_empty() {
            warn(&mut dict, "agent without a phrase; skipped");
            continue;
        }
        let mut phrases = singulars.clone();
        match plural_spec {
            Some(p) if p.is_empty() => {}
            Some(p) => phrases.extend(expand(
                &p,
                &dict.substitutions,
                &mut dict.warnings,
                file,
                no,
            )),
            None => {
                for s in &singulars {
                    if let Some(pl) = s.last().and_then(|l| noun_plural(l)) {
                        let mut p = s.clone();
                        *p.last_mut().expect("non-empty: has a last word") = pl;
                        phrases.push(p);
                    }
                }
            }
        }
        let mut seen = HashSet::new();
        phrases.retain(|p| seen.insert(p.clone()));
        dict.entries.push(AgentEntry {
            phrases,
            code,
            placement,
            line: no,
        });
    }
    Ok(dict)
}

/// Most phrases one agent line may expand to.
const MAX_PHRASES: usize = 4_096;

/// Expand the `!SET!` references of a phrase and split it into words.
fn expand(
    phrase: &str,
    sets: &HashMap<String, Vec<String>>,
    warnings: &mut Vec<Warning>,
    file: &str,
    no: usize,
) -> Vec<Vec<String>> {
    // Build the alternatives as strings first: substitutions glue to the letters around them.
    let mut partial: Vec<String> = vec![String::new()];
    let mut rest = phrase;
    while let Some(a) = rest.find('!') {
        let after = &rest[a + 1..];
        let Some(b) = after.find('!') else { break };
        let name = &after[..b];
        let tail = &after[b + 1..];
        let literal = tail.starts_with(|c: char| c.is_alphabetic());
        let values: Vec<String> = match sets.get(&name.to_uppercase()) {
            Some(v) if !literal => v.clone(),
            Some(_) => {
                warnings.push(Warning::new(
                    file,
                    no,
                    format!("`!{name}!` inside a word read literally as `{name}`"),
                ));
                vec![name.to_string()]
            }
            None => {
                warnings.push(Warning::new(
                    file,
                    no,
                    format!("unknown substitution set `!{name}!` read as `{name}`"),
                ));
                vec![name.to_string()]
            }
        };
        let prefix = &rest[..a];
        let (next, cut) = bounded_product(&partial, &values, MAX_PHRASES, |p, v| {
            format!("{p}{prefix}{v}")
        });
        if cut {
            warnings.push(Warning::new(
                file,
                no,
                "too many expansions; the rest dropped",
            ));
        }
        partial = next;
        rest = tail;
    }
    partial
        .into_iter()
        .map(|p| dict_words(&format!("{p}{rest}")))
        .filter(|w| !w.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{every_prefix, real, refused, w, warned, warned_of};

    const FIXTURE: &str = "<!-- AGENTS -->\r
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON\r
!MINST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES\r
\r
FARMER [~AGR]\r
POLICE {} [ ~COP] # JON 2/8/95\r
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV] # mj 05 Jan 2006\r
CONGRESS!PERSON! [~LEG]\r
!MINST!_OF_SILLY_WALKS [~GOV] \r
HUMAN_RIGHTS_BODY  [NGO~] # BNL 07 Dec 2001\r
DEPARMENT_OF_ENVIRONMENT [~ENV}\r
!MINST! FOR_THE_FINANCE_AD!MINST!RATION [~GOV]\r
CHIEF EXECUTIVE [~GOV]\r
HUSBAND!PERSON![~AGR]\r
ISLAMIC_EXTREMIST\r
SNEAK_THIEF {SNEAK_THIEVES}[~CRM]\r
";

    #[test]
    fn fixture_entries() {
        let a = parse(FIXTURE, "fixture.agents.txt").unwrap();
        assert_eq!(a.entries.len(), 11);
        let e = |i: usize| &a.entries[i];
        assert_eq!(e(0).phrases, vec![w("FARMER"), w("FARMERS")]);
        assert_eq!(
            (e(0).code.as_str(), e(0).placement),
            ("AGR", Placement::Append)
        );
        assert_eq!(e(1).phrases, vec![w("POLICE")]);
        assert_eq!(e(1).code, "COP");
        assert_eq!(
            e(2).phrases,
            vec![w("ATTORNEY GENERAL"), w("ATTORNEYS GENERAL")]
        );
        assert_eq!(
            e(3).phrases[..5],
            [
                w("CONGRESSMAN"),
                w("CONGRESSMEN"),
                w("CONGRESSWOMAN"),
                w("CONGRESSWOMEN"),
                w("CONGRESSPERSON")
            ]
        );
        assert!(
            e(3).phrases.contains(&w("CONGRESSMANS")),
            "automatic plural of each expansion"
        );
        assert!(e(4).phrases.contains(&w("MINISTRY OF SILLY WALKS")));
        assert!(e(4).phrases.contains(&w("MINISTERS OF SILLY WALKS")));
        assert_eq!(
            (e(5).code.as_str(), e(5).placement),
            ("NGO", Placement::Prepend)
        );
        assert_eq!(e(6).code, "ENV");
        // AD!MINST!RATION: read literally
        assert!(e(7)
            .phrases
            .contains(&w("MINISTRY FOR THE FINANCE ADMINSTRATION")));
        assert_eq!(e(7).phrases.len(), 8);
        assert_eq!(
            e(8).phrases,
            vec![w("CHIEF EXECUTIVE"), w("CHIEF EXECUTIVES")]
        );
        assert!(e(9).phrases.contains(&w("HUSBANDMAN")));
        assert_eq!(e(10).phrases, vec![w("SNEAK THIEF"), w("SNEAK THIEVES")]);
        assert_eq!(e(10).line, 16);
        assert!(warned(&a.warnings, 15, "without a [code]"));
        assert!(warned(&a.warnings, 11, "`}`"));
        assert_eq!(a.substitutions["PERSON"].len(), 5);
    }

    #[test]
    fn errors_name_file_line_and_expectation() {
        let e = parse("A [~GOV\n", "x.agents.txt").unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.agents.txt:1: expected `]` to close the agent code like [~GOV]"
        );
        assert_eq!(
            refused(parse("\nA [~]\n", "x"), "expected an agent code").line,
            2
        );
        refused(parse("!X! =\n", "x"), "no values");
    }

    #[test]
    fn expansion_is_bounded() {
        let line = format!("!P! = A, B, C, D, E\n{} [~X]\n", "!P!_".repeat(30));
        let a = parse(&line, "x").unwrap();
        assert!(a.entries[0].phrases.len() <= 2 * MAX_PHRASES);
        assert!(warned_of(&a.warnings, "too many"));
    }

    #[test]
    fn garbage_never_panics() {
        let samples = [
            FIXTURE,
            "!",
            "!!",
            "!A! = ,",
            "A!B [~C]",
            "{ [~",
            "[}",
            "!A!!B! [~X]",
            "é {é} [~é]",
        ];
        every_prefix(&samples, parse);
    }

    /// FORMATS.md says Phoenix.agents.txt "has 1,975 entries"; that figure could not be
    /// reproduced. The file has 2,244 lines with a code outside comments (2,241 `[~X]`, incl.
    /// `[~ENV}` and `[ ~X]`, and 3 `[X~]`), and each is one entry here; `ISLAMIC_EXTREMIST`
    /// has no code and is skipped.
    #[test]
    fn real_phoenix_agents() {
        let a = parse(
            &real("dictionaries/Phoenix.agents.txt"),
            "Phoenix.agents.txt",
        )
        .unwrap();
        assert_eq!(a.entries.len(), 2_244);
        assert_eq!(
            a.entries
                .iter()
                .filter(|e| e.placement == Placement::Prepend)
                .count(),
            3
        );
        let has = |p: &str, code: &str| {
            a.entries
                .iter()
                .any(|e| e.code == code && e.phrases.contains(&w(p)))
        };
        assert!(has("MINISTRY OF DEFENSE", "GOVMIL"));
        assert!(has("MINISTERS OF DEFENSE", "GOVMIL"));
        assert!(has("CATTLEMEN", "AGR"));
        assert!(has("POLICE", "COP"));
        assert!(has("MINISTRY OF TERRITORIAL ADMINISTRATION", "GOV"));
        assert!(has(
            "MINISTRY FOR AGRICULTURE , FISHERIES AND FOOD",
            "GOVAGR"
        ));
        assert!(warned_of(&a.warnings, "without a [code]"));
    }

    #[test]
    fn real_validation_agents() {
        let a = parse(
            &real("validation/PETR.Validate.agents.txt"),
            "PETR.Validate.agents.txt",
        )
        .unwrap();
        assert!(a.entries.len() > 60, "{}", a.entries.len());
        let find = |p: &str| {
            a.entries
                .iter()
                .find(|e| e.phrases.contains(&w(p)))
                .unwrap()
        };
        assert_eq!(find("CONGRESSWOMEN").code, "LEG");
        assert_eq!(find("MINISTRIES OF SILLY WALKS").code, "GOV");
        assert_eq!(find("POLICE").code, "COP");
        assert_eq!(find("GOLDEN GEESE").code, "GGS");
        assert_eq!(find("MSF").placement, Placement::Prepend);
    }
}
