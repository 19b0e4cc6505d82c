//! Actor dictionaries (`Phoenix.*.actors.txt`, `PETR.Validate.actors.txt`): named actors, their
//! synonyms, and codes that may hold only for a span of time. See FORMATS.md §2.3.

use chrono::NaiveDate;

use crate::error::DictError;
use crate::reader::{bracket_groups, dict_words, lines, parse_date, strip_comment, Warning};

/// When a code applies. PETR-2's `[CODE >YYMMDD]`, `[CODE <YYMMDD]`, `[CODE YYMMDD-YYMMDD]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRestriction {
    Always,
    /// Strictly before the date.
    Before(NaiveDate),
    /// On or after the date.
    From(NaiveDate),
    /// From the first date through the second, both inclusive (the documented TABARI meaning).
    Between(NaiveDate, NaiveDate),
}

impl DateRestriction {
    pub fn holds_on(&self, date: NaiveDate) -> bool {
        match *self {
            DateRestriction::Always => true,
            DateRestriction::Before(d) => date < d,
            DateRestriction::From(d) => date >= d,
            DateRestriction::Between(a, b) => date >= a && date <= b,
        }
    }
}

/// As the dictionaries write it, with ISO dates: `<2017-05-14`, `>2017-05-14`,
/// `2012-05-15–2017-05-14`, and nothing for always.
impl std::fmt::Display for DateRestriction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DateRestriction::Always => Ok(()),
            DateRestriction::Before(d) => write!(f, "<{d}"),
            DateRestriction::From(d) => write!(f, ">{d}"),
            DateRestriction::Between(a, b) => write!(f, "{a}–{b}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    pub code: String,
    pub when: DateRestriction,
}

/// One actor: a primary name, its `+` synonyms, and its codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorEntry {
    /// Primary name first, then synonyms; each a sequence of normalised words.
    pub names: Vec<Vec<String>>,
    /// Codes in file order. An undated code is the default.
    pub codes: Vec<DatedCode>,
    pub file: String,
    pub line: usize,
}

impl ActorEntry {
    /// Does this entry come from one of dyad's own supplementary files (`dyad.*`)? Those are
    /// kept current: where one names someone, the upstream entries of the same name (which stop
    /// around 2015 and would keep François Hollande in office) are set aside.
    pub fn supersedes(&self) -> bool {
        let name = self.file.rsplit(['/', '\\']).next().unwrap_or(&self.file);
        name.starts_with("dyad.")
    }

    /// The code on `date`: the first dated code that holds, else the first undated one; with no
    /// date, the first undated code, else the last dated one (the most recent role).
    pub fn code_on(&self, date: Option<NaiveDate>) -> Option<&str> {
        self.dated_code_on(date).map(|c| c.code.as_str())
    }

    /// The dated code that gives [`ActorEntry::code_on`] its answer.
    pub fn dated_code_on(&self, date: Option<NaiveDate>) -> Option<&DatedCode> {
        if let Some(d) = date {
            if let Some(c) = self
                .codes
                .iter()
                .find(|c| c.when != DateRestriction::Always && c.when.holds_on(d))
            {
                return Some(c);
            }
        }
        if let Some(c) = self
            .codes
            .iter()
            .find(|c| c.when == DateRestriction::Always)
        {
            return Some(c);
        }
        if date.is_none() {
            return self.codes.last();
        }
        None
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorDictionary {
    pub entries: Vec<ActorEntry>,
    /// Tolerated defects met while reading.
    pub warnings: Vec<Warning>,
}

impl ActorDictionary {
    /// Read one actor file into a new dictionary.
    pub fn parse(text: &str, file: &str) -> Result<ActorDictionary, DictError> {
        parse(text, file)
    }

    /// Read one more actor file into this dictionary (entries appended in file order).
    pub fn parse_into(&mut self, text: &str, file: &str) -> Result<(), DictError> {
        let more = parse(text, file)?;
        self.extend(more);
        Ok(())
    }

    /// Merge another dictionary: its entries (each keeps its own `file`) follow these.
    pub fn extend(&mut self, other: ActorDictionary) {
        self.entries.extend(other.entries);
        self.warnings.extend(other.warnings);
    }

    /// Number of names (primary and synonyms) over all entries.
    pub fn name_count(&self) -> usize {
        self.entries.iter().map(|e| e.names.len()).sum()
    }
}

/// Read an actor dictionary (FORMATS.md §2.3). `file` goes into every entry and error.
///
/// * A line whose first non-blank character is `[` holds codes of the current actor, one or
///   several (`[IGOEUREEC 820701-821231][IGOEUREEC 870701-871231]`).
/// * A line starting with `+` is a synonym of the current actor.
/// * Any other line starts a new actor: the name up to the first `[`, then its codes, if any
///   (several `[..]` may follow the name). A name indented with blanks (`\tJOHN_MCCLOY_\t[..]`
///   in the International file) is still a name.
/// * `#` and `;` start comments, `<!-- ... -->` blocks are comments, blank lines are ignored.
/// * Codes are upper-cased and otherwise kept as written (`ELR/GAL`, `+++`, `---`).
/// * Restrictions: `<date`, `>date`, `date-date`, none; blanks inside are ignored (`< 950601`,
///   `19950601 - 19990815`, `>  070201`). Two readings beyond the documented forms: a bare date
///   (`[MNEGOV 20121204]`) means "from that date on", and an open end (`date-` or `-date`) means
///   from / until that date. Dates: see [`crate::reader`] (`YYMMDD`, `YYYYMMDD`, and the 7- and
///   9/10-digit defects).
/// * A name without codes directly followed by another name (no `+`, no `[..]` between) is read
///   as a synonym of that next actor: the upstream files write synonyms this way
///   (`IVO_JOSIPOVIC_` / `PRESIDENT_JOSIPOVIC_` / `JOSIPOVIC_` / `[HRVGOV >20120219]`). The first
///   name stays the primary. An actor still without any code at its end is kept (its `code_on`
///   is `None`), with a warning.
/// * A line with `: ` in its name (`Source: MNC.MLH.actors`) is a stray note, skipped.
/// * Real errors: a `[` with no `]`, an empty `[]`, a date that cannot be read.
pub fn parse(text: &str, file: &str) -> Result<ActorDictionary, DictError> {
    let mut dict = ActorDictionary::default();
    let mut current: Option<ActorEntry> = None;
    let finish = |e: Option<ActorEntry>, dict: &mut ActorDictionary| {
        if let Some(e) = e {
            if e.codes.is_empty() {
                dict.warnings.push(Warning::new(
                    &e.file,
                    e.line,
                    "actor without a code; it codes nothing",
                ));
            }
            dict.entries.push(e);
        }
    };
    for (no, raw) in lines(text) {
        let line = strip_comment(&raw, &['#', ';']);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.starts_with('[') {
            let codes = parse_codes(trimmed, file, no, &mut dict.warnings)?;
            match current.as_mut() {
                Some(e) => e.codes.extend(codes),
                None => dict.warnings.push(Warning::new(
                    file,
                    no,
                    "codes before any actor name; skipped",
                )),
            }
            continue;
        }
        if let Some(syn) = trimmed.strip_prefix('+') {
            let (name, rest) = split_name(syn);
            let words = dict_words(name);
            let codes = parse_codes(rest, file, no, &mut dict.warnings)?;
            match current.as_mut() {
                Some(e) => {
                    if words.is_empty() {
                        dict.warnings
                            .push(Warning::new(file, no, "empty synonym skipped"));
                    } else {
                        e.names.push(words);
                    }
                    if !codes.is_empty() {
                        dict.warnings.push(Warning::new(
                            file,
                            no,
                            "codes on a synonym line; given to the actor",
                        ));
                        e.codes.extend(codes);
                    }
                }
                None => dict.warnings.push(Warning::new(
                    file,
                    no,
                    "synonym before any actor name; skipped",
                )),
            }
            continue;
        }
        let (name, rest) = split_name(trimmed);
        if name.contains(": ") {
            // `Source: MNC.MLH.actors` in the International file: a note without its `#`.
            dict.warnings.push(Warning::new(
                file,
                no,
                "a note, not an actor name (`: ` inside); skipped",
            ));
            continue;
        }
        let words = dict_words(name);
        let codes = parse_codes(rest, file, no, &mut dict.warnings)?;
        if words.is_empty() {
            dict.warnings
                .push(Warning::new(file, no, "line without an actor name skipped"));
            continue;
        }
        match current.take() {
            // A name without codes, followed by another name: in the upstream files these are
            // synonyms written without their `+` (IVO_JOSIPOVIC_ / PRESIDENT_JOSIPOVIC_ /
            // JOSIPOVIC_ / [HRVGOV >20120219]); read them as one actor.
            Some(mut prev) if prev.codes.is_empty() => {
                dict.warnings.push(Warning::new(
                    file,
                    prev.line,
                    "actor name without a code followed by another name: read as synonyms of one actor",
                ));
                prev.names.push(words);
                prev.codes = codes;
                current = Some(prev);
            }
            prev => {
                finish(prev, &mut dict);
                current = Some(ActorEntry {
                    names: vec![words],
                    codes,
                    file: file.to_string(),
                    line: no,
                });
            }
        }
    }
    finish(current.take(), &mut dict);
    Ok(dict)
}

/// `NAME [CODE ...]...` → (name, the rest from the first `[`).
fn split_name(s: &str) -> (&str, &str) {
    match s.find('[') {
        Some(p) => (&s[..p], &s[p..]),
        None => (s, ""),
    }
}

/// Every `[CODE restriction]` in `s`. Text between or after the groups is ignored.
fn parse_codes(
    s: &str,
    file: &str,
    no: usize,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<DatedCode>, DictError> {
    let Some((groups, _)) = bracket_groups(s) else {
        return Err(DictError::new(
            file,
            no,
            "expected `]` to close the code `[CODE restriction]`",
        ));
    };
    let mut out = Vec::new();
    for (_, inside) in groups {
        // a date neither YYMMDD nor YYYYMMDD (an upstream defect) is read, but said
        let restriction = inside
            .trim()
            .split_once(char::is_whitespace)
            .map_or("", |(_, r)| r);
        for run in restriction.split(|c: char| !c.is_ascii_digit()) {
            if !run.is_empty() && run.len() != 6 && run.len() != 8 {
                warnings.push(Warning::new(
                    file,
                    no,
                    format!(
                        "malformed date `{run}` (neither YYMMDD nor YYYYMMDD) read as best it can"
                    ),
                ));
            }
        }
        out.push(parse_dated_code(inside).map_err(|m| DictError::new(file, no, m))?);
    }
    Ok(out)
}

/// The inside of `[...]`: `CODE`, `CODE >date`, `CODE <date`, `CODE date-date`, `CODE date`.
fn parse_dated_code(inner: &str) -> Result<DatedCode, String> {
    let inner = inner.trim();
    let mut parts = inner.split_whitespace();
    let Some(code) = parts.next() else {
        return Err("expected a code like [USA] or [USAGOV >120515], found `[]`".to_string());
    };
    if code.starts_with(|c: char| c.is_ascii_digit() || c == '<' || c == '>') {
        return Err(format!(
            "expected a code before the date, found `[{inner}]`"
        ));
    }
    let restriction: String = parts.collect();
    let when = parse_restriction(&restriction)?;
    Ok(DatedCode {
        code: code.to_uppercase(),
        when,
    })
}

fn parse_restriction(r: &str) -> Result<DateRestriction, String> {
    if r.is_empty() {
        return Ok(DateRestriction::Always);
    }
    if let Some(d) = r.strip_prefix('<') {
        return Ok(DateRestriction::Before(parse_date(d)?));
    }
    if let Some(d) = r.strip_prefix('>') {
        return Ok(DateRestriction::From(parse_date(d)?));
    }
    if let Some((a, b)) = r.split_once('-') {
        return match (a.is_empty(), b.is_empty()) {
            (false, false) => Ok(DateRestriction::Between(parse_date(a)?, parse_date(b)?)),
            (false, true) => Ok(DateRestriction::From(parse_date(a)?)),
            (true, false) => Ok(DateRestriction::Between(NaiveDate::MIN, parse_date(b)?)),
            (true, true) => Err("expected a date around `-`".to_string()),
        };
    }
    Ok(DateRestriction::From(parse_date(r)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{every_prefix, real, refused, w, warned};

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    fn find<'a>(dict: &'a ActorDictionary, name: &str) -> &'a ActorEntry {
        let words = w(name);
        dict.entries
            .iter()
            .find(|e| e.names.contains(&words))
            .unwrap_or_else(|| panic!("{name}"))
    }

    const FIXTURE: &str = "<!-- VALIDATION -->\r
<!-- \r
# multi-line\r
# -->\r
FRANCE_  [FRA]\r
+FRENCH_\r
+PARIS_  # capital\r
FRANCOIS_HOLLANDE\r
+PRESIDENT_HOLLANDE\r
+HOLLANDE\r
\t[FRAGOV >120515]\r
\t[FRAELI]\r
GOLLUM  # pas 27 Apr 03\r
+SMEAGOL\r
\t[HOB < 950601]\r
\t[HOBGOV 19950601 - 19990815]\r
#\t[950601-990815]  incorrect code block check 09.11.18\r
\t[HOBREB > 990816]\r
UFFE_ELLEMANN_JENSEN_\t[IGOEUREEC 820701-821231][IGOEUREEC 870701-871231] # CoEU\r
SECRETARY-GENERAL_BAN_KI-MOON\r
+BAN_KI-MOON\r
\t[IGOUNO >20070101]\r
\t[KORGOVBUS 2004017-20061201]\r
LORIEN  [ELR/gal]\r
ZIMBABWE\r
\t[RHO <790606]\r
\t[ZBW]#jw 9/30/91\r
IVO_JOSIPOVIC_\r
PRESIDENT_JOSIPOVIC_\r
\t[HRVGOV >20120219]\r
\tJOHN_MCCLOY_\t[IGOUNODEVWBK 470301-490630]\r
U.N._\r
";

    #[test]
    fn fixture_entries() {
        let a = parse(FIXTURE, "fixture.actors.txt").unwrap();
        assert_eq!(a.entries.len(), 10);
        let france = &a.entries[0];
        assert_eq!(france.names, vec![w("FRANCE"), w("FRENCH"), w("PARIS")]);
        assert_eq!(
            france.codes,
            vec![DatedCode {
                code: "FRA".into(),
                when: DateRestriction::Always
            }]
        );
        assert_eq!(
            (france.file.as_str(), france.line),
            ("fixture.actors.txt", 5)
        );
        let uffe = find(&a, "UFFE ELLEMANN JENSEN");
        assert_eq!(
            uffe.codes,
            vec![
                DatedCode {
                    code: "IGOEUREEC".into(),
                    when: DateRestriction::Between(d(1982, 7, 1), d(1982, 12, 31))
                },
                DatedCode {
                    code: "IGOEUREEC".into(),
                    when: DateRestriction::Between(d(1987, 7, 1), d(1987, 12, 31))
                },
            ]
        );
        assert_eq!(find(&a, "LORIEN").codes[0].code, "ELR/GAL");
        let ban = find(&a, "BAN KI-MOON");
        assert_eq!(ban.names[0], w("SECRETARY-GENERAL BAN KI-MOON"));
        assert_eq!(
            ban.codes[1].when,
            DateRestriction::Between(d(2004, 1, 7), d(2006, 12, 1))
        );
        // synonyms written without `+`
        let ivo = find(&a, "PRESIDENT JOSIPOVIC");
        assert_eq!(
            ivo.names,
            vec![w("IVO JOSIPOVIC"), w("PRESIDENT JOSIPOVIC")]
        );
        assert_eq!(ivo.code_on(Some(d(2013, 1, 1))), Some("HRVGOV"));
        // an indented name is still a name
        assert_eq!(find(&a, "JOHN MCCLOY").codes[0].code, "IGOUNODEVWBK");
        // a trailing uncoded actor is kept, codes nothing
        assert_eq!(find(&a, "UN").code_on(None), None);
        assert!(warned(&a.warnings, 32, "without a code"));
    }

    #[test]
    fn hollande_dated_then_default() {
        let a = parse(FIXTURE, "f").unwrap();
        let h = find(&a, "HOLLANDE");
        assert_eq!(h.names.len(), 3);
        assert_eq!(h.code_on(Some(d(2013, 3, 1))), Some("FRAGOV"));
        assert_eq!(h.code_on(Some(d(2012, 5, 15))), Some("FRAGOV"));
        assert_eq!(h.code_on(Some(d(2012, 5, 14))), Some("FRAELI"));
        assert_eq!(h.code_on(None), Some("FRAELI"));
    }

    /// PETR.UnitTest DATE_14..DATE_18 and DATE_20 expect these codes (spaces inside the
    /// restrictions, `<` strict, range end inclusive).
    #[test]
    fn gollum_and_zimbabwe() {
        let a = parse(FIXTURE, "f").unwrap();
        let g = find(&a, "SMEAGOL");
        assert_eq!(g.codes.len(), 3);
        assert_eq!(g.code_on(Some(d(1995, 1, 1))), Some("HOB"));
        assert_eq!(g.code_on(Some(d(1995, 6, 1))), Some("HOBGOV"));
        assert_eq!(g.code_on(Some(d(1995, 11, 1))), Some("HOBGOV"));
        assert_eq!(g.code_on(Some(d(1999, 8, 15))), Some("HOBGOV"));
        assert_eq!(g.code_on(Some(d(1999, 8, 16))), Some("HOBREB"));
        assert_eq!(g.code_on(None), Some("HOBREB"));
        let z = find(&a, "ZIMBABWE");
        assert_eq!(z.code_on(Some(d(1978, 12, 23))), Some("RHO"));
        assert_eq!(z.code_on(Some(d(1990, 1, 1))), Some("ZBW"));
    }

    #[test]
    fn restrictions() {
        let r = |s: &str| parse_restriction(s);
        assert_eq!(r(""), Ok(DateRestriction::Always));
        assert_eq!(r(">140608"), Ok(DateRestriction::From(d(2014, 6, 8))));
        assert_eq!(r("20121204"), Ok(DateRestriction::From(d(2012, 12, 4))));
        assert_eq!(r("170514-"), Ok(DateRestriction::From(d(2017, 5, 14))));
        assert_eq!(
            r("9008223-911221"),
            Ok(DateRestriction::Between(d(1990, 8, 22), d(1991, 12, 21)))
        );
        assert_eq!(
            r("1920030320-20060520"),
            Ok(DateRestriction::Between(d(2003, 3, 20), d(2006, 5, 20)))
        );
        assert_eq!(r(">201005011"), Ok(DateRestriction::From(d(2010, 5, 1))));
        assert!(r("-").is_err());
        assert!(r(">abc").is_err());
    }

    #[test]
    fn errors_name_file_line_and_expectation() {
        let e = parse("A [A\n", "x.actors.txt").unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.actors.txt:1: expected `]` to close the code `[CODE restriction]`"
        );
        assert_eq!(refused(parse("A\n\t[]\n", "x"), "expected a code").line, 2);
        refused(parse("A\n\t[USA >12x456]\n", "x"), "expected a date");
        refused(
            parse("A\n\t[950601-990815]\n", "x"),
            "expected a code before the date",
        );
    }

    #[test]
    fn extend_and_parse_into() {
        let mut a = parse("A [AAA]\n", "one.txt").unwrap();
        a.parse_into("B [BBB]\n+BE\n", "two.txt").unwrap();
        a.extend(parse("C [CCC]\n", "three.txt").unwrap());
        let files: Vec<&str> = a.entries.iter().map(|e| e.file.as_str()).collect();
        assert_eq!(files, vec!["one.txt", "two.txt", "three.txt"]);
        assert_eq!(a.name_count(), 4);
    }

    #[test]
    fn garbage_never_panics() {
        let samples = [
            FIXTURE,
            "[",
            "+",
            "\t[A <",
            "A [B 1-2-3]",
            "A [B >>1]\n[C",
            "<!--",
            "A [ ]",
            "é [é é]",
        ];
        every_prefix(&samples, parse);
    }

    fn kinds(a: &ActorDictionary) -> (usize, usize, usize, usize) {
        let codes = || a.entries.iter().flat_map(|e| &e.codes);
        let between = codes()
            .filter(|c| matches!(c.when, DateRestriction::Between(..)))
            .count();
        let from = codes()
            .filter(|c| matches!(c.when, DateRestriction::From(..)))
            .count();
        let before = codes()
            .filter(|c| matches!(c.when, DateRestriction::Before(..)))
            .count();
        let always = codes()
            .filter(|c| c.when == DateRestriction::Always)
            .count();
        (between, from, before, always)
    }

    /// FORMATS.md: Countries has 18,390 primary lines and 7,527 synonyms (25,917 names) and
    /// 28,174 date lines. 37 primary lines are uncoded names followed by another name (synonyms
    /// without `+`), so they join the next actor: 18,353 entries hold the 25,917 names. Codes:
    /// 28,389 in all (date lines and primary lines): 20,810 ranges, 5,274 from-dates (5,272 `>`
    /// and two bare dates), 26 `<`, 2,279 undated. (FORMATS counts 20,814 ranges and 5,264 `>`
    /// by grep, commented-out lines included.)
    #[test]
    fn real_countries() {
        let a = parse(
            &real("dictionaries/Phoenix.Countries.actors.txt"),
            "Phoenix.Countries.actors.txt",
        )
        .unwrap();
        assert_eq!(a.name_count(), 18_390 + 7_527);
        assert_eq!(a.entries.len(), 18_353);
        assert_eq!(kinds(&a), (20_810, 5_274, 26, 2_279));
        assert!(a.entries.iter().all(|e| !e.codes.is_empty()));
        let h = find(&a, "HOLLANDE");
        assert_eq!(h.code_on(Some(d(2014, 1, 1))), Some("FRAGOV"));
        assert_eq!(h.code_on(Some(d(2010, 1, 1))), Some("FRAELI"));
        let xi = find(&a, "XI JINPING");
        assert_eq!(xi.code_on(Some(d(2014, 1, 1))), Some("CHNGOV"));
        assert_eq!(find(&a, "FRANCE").code_on(None), Some("FRA"));
        // `[GBRGOV >201005011]`, `[ARMUNR 9008223-911221]`, `[IRQOCC 1920030320-20060520]` load.
        assert!(a
            .entries
            .iter()
            .flat_map(|e| &e.codes)
            .any(|c| c.when == DateRestriction::From(d(2010, 5, 1))));
    }

    /// FORMATS.md: International has 7,840 primary lines, 66 synonyms, 47 date lines. This reader
    /// also takes the indented `\tJOHN_MCCLOY_\t[...]` as a name (7,841), skips the stray note
    /// `Source: MNC.MLH.actors`, and joins 2 uncoded names (`U.N._`, `JOHN_J MCCLOY_`) to the
    /// next actor: 7,838 entries, 7,906 names.
    #[test]
    fn real_international() {
        let a = parse(
            &real("dictionaries/Phoenix.International.actors.txt"),
            "Phoenix.International.actors.txt",
        )
        .unwrap();
        assert_eq!(a.entries.len(), 7_838);
        assert_eq!(a.name_count(), 7_838 + 68);
        assert!(a.entries.iter().all(|e| !e.codes.is_empty()));
        let ban = find(&a, "BAN KI-MOON");
        assert_eq!(ban.code_on(Some(d(2005, 1, 1))), Some("KORGOVBUS"));
        assert_eq!(ban.code_on(Some(d(2010, 1, 1))), Some("IGOUNO"));
        let uffe = find(&a, "UFFE ELLEMANN JENSEN");
        assert_eq!(uffe.codes.len(), 2);
        assert_eq!(find(&a, "JOHN MCCLOY").names[0], w("JOHN J MCCLOY"));
    }

    /// FORMATS.md: MilNonState has 1,021 primary lines and 772 synonyms.
    #[test]
    fn real_milnonstate() {
        let a = parse(
            &real("dictionaries/Phoenix.MilNonState.actors.txt"),
            "Phoenix.MilNonState.actors.txt",
        )
        .unwrap();
        assert_eq!(a.entries.len(), 1_021);
        assert_eq!(a.name_count(), 1_021 + 772);
        assert!(a.warnings.is_empty());
    }

    #[test]
    fn real_validation_actors() {
        let a = parse(
            &real("validation/PETR.Validate.actors.txt"),
            "PETR.Validate.actors.txt",
        )
        .unwrap();
        assert_eq!(a.entries.len(), 130);
        assert!(a.warnings.is_empty(), "{:?}", a.warnings);
        // DATE_09..DATE_12: first matching restriction wins, range end inclusive
        let sam = find(&a, "SAM GAMGEE");
        assert_eq!(sam.code_on(Some(d(1995, 1, 4))), Some("HOBCIV"));
        assert_eq!(sam.code_on(Some(d(2010, 1, 6))), Some("HOBMIL"));
        assert_eq!(sam.code_on(Some(d(2010, 1, 9))), Some("ORCHOB"));
        assert_eq!(sam.code_on(Some(d(2010, 1, 12))), Some("ORCHOB"));
        assert_eq!(sam.code_on(Some(d(2010, 1, 13))), Some("HOBMIL"));
        let ham = find(&a, "HAMFAST GAMGEE");
        assert_eq!(ham.code_on(Some(d(1995, 1, 4))), Some("HOB"));
        assert_eq!(ham.code_on(Some(d(2012, 11, 9))), Some("HOBGOV"));
        let g = find(&a, "STINKER");
        assert_eq!(g.code_on(Some(d(1995, 1, 1))), Some("HOB"));
        assert_eq!(g.code_on(Some(d(1995, 11, 1))), Some("HOBGOV"));
        assert_eq!(find(&a, "PALESTINIAN").codes[0].code, "PSE");
        assert_eq!(find(&a, "ISILDUR").codes[0].code, "+++");
        assert_eq!(find(&a, "THE SHIRE").codes[0].code, "FRO/BIL/SAM");
        assert_eq!(find(&a, "INTERPOL").codes[0].code, "IGOCOPITP");
        assert_eq!(find(&a, "HAMAS WING").codes[0].code, "PSEHMSBRD");
    }
}
