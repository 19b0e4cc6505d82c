//! What every dictionary parser shares: reading lines (CR stripped, `<!-- ... -->` blocks
//! removed), cutting `#`/`;` comments, splitting a dictionary phrase into words, reading the
//! dates of the actor files, and the [`Warning`]s a parser leaves for tolerated defects.

use chrono::NaiveDate;

use crate::words::{normalize_word, plural};

/// A tolerated defect in a dictionary file: the line was read, but not quite as written (or was
/// skipped). Loading goes on; callers may log these. The same type as a reader's warning about
/// a bad article record: file, line, message.
pub use dyad_model::Warning;

/// The lines of a dictionary file as `(1-based line number, text)`, with `\r` removed and
/// `<!-- ... -->` comment blocks (which may span lines, and which the validation files also
/// open as `<! --`) replaced by nothing. A stray `-->` outside a block is left alone (it only
/// occurs inside `#` comments).
pub(crate) fn lines(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_block = false;
    for (i, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let raw = raw.replace('\r', "");
        let mut kept = String::new();
        let mut rest: &str = &raw;
        loop {
            if in_block {
                match rest.find("-->") {
                    Some(p) => {
                        rest = &rest[p + 3..];
                        in_block = false;
                    }
                    None => break,
                }
            } else {
                match find_comment_open(rest) {
                    Some((start, len)) => {
                        kept.push_str(&rest[..start]);
                        rest = &rest[start + len..];
                        in_block = true;
                    }
                    None => {
                        kept.push_str(rest);
                        break;
                    }
                }
            }
        }
        out.push((i + 1, kept));
    }
    out
}

/// Finds `<!--` or `<!` + blanks + `--`; returns (start, length of the opener).
fn find_comment_open(s: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(p) = s[from..].find("<!") {
        let start = from + p;
        let after = &s[start + 2..];
        let trimmed = after.trim_start_matches([' ', '\t']);
        if trimmed.starts_with("--") {
            let len = 2 + (after.len() - trimmed.len()) + 2;
            return Some((start, len));
        }
        from = start + 2;
    }
    None
}

/// A line cut at its `[...]` groups, as the actor and issue files write `phrase [CODE] ...`:
/// each group's inside with the text before it, and the text after the last group. `None`
/// when a `[` is never closed (the caller names what it expected there).
pub(crate) fn bracket_groups(line: &str) -> Option<(Vec<(&str, &str)>, &str)> {
    let mut groups = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let close = after.find(']')?;
        groups.push((&rest[..open], &after[..close]));
        rest = &after[close + 1..];
    }
    Some((groups, rest))
}

/// What follows an opening bracket, cut at its `close`: the inside, and the text after the
/// close; `None` for that text when the close is missing (the inside then runs to the end, and
/// the caller warns).
pub(crate) fn enclosed(after: &str, close: char) -> (&str, Option<&str>) {
    match after.find(close) {
        Some(at) => (&after[..at], Some(&after[at + close.len_utf8()..])),
        None => (after, None),
    }
}

/// Cut a line at the first comment character in `marks` that is not inside `[...]` (so the
/// TABARI code `[###]` survives `#` comments).
pub(crate) fn strip_comment<'a>(line: &'a str, marks: &[char]) -> &'a str {
    let mut depth = 0usize;
    for (i, c) in line.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            c if depth == 0 && marks.contains(&c) => return &line[..i],
            _ => {}
        }
    }
    line
}

/// Split a dictionary phrase into normalised words: `_` and white space separate words (a
/// trailing `_`, TABARI's "whole word" mark, disappears), a trailing comma and enclosing
/// parentheses become words of their own (`AGRICULTURE,_FISHERIES` → `AGRICULTURE , FISHERIES`,
/// `(AAIA)` → `( AAIA )`), as a tokenizer would split them. The mojibake `†` (a no-break space
/// in the upstream files) and the real no-break space also separate words.
pub(crate) fn dict_words(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in phrase.split(|c: char| c == '_' || c.is_whitespace() || c == '†' || c == '\u{a0}')
    {
        if piece.is_empty() {
            continue;
        }
        let mut core = piece;
        let mut lead = 0;
        while let Some(r) = core.strip_prefix('(') {
            core = r;
            lead += 1;
        }
        let mut trail = Vec::new();
        loop {
            if let Some(r) = core.strip_suffix(',') {
                trail.push(",");
                core = r;
            } else if let Some(r) = core.strip_suffix(')') {
                trail.push(")");
                core = r;
            } else {
                break;
            }
        }
        for _ in 0..lead {
            out.push("(".to_string());
        }
        if !core.is_empty() {
            out.push(normalize_word(core));
        }
        for t in trail.into_iter().rev() {
            out.push(t.to_string());
        }
    }
    out
}

/// The automatic plural of a dictionary noun ([`plural`]), or None when the word already looks
/// plural: it ends in `MEN` (SERVICEMEN) or in an `S` after a letter other than S, U, I, A
/// (FORCES, TROOPS, NEWS — while GAS, BUS, PRESS still get GASES, BUSES, PRESSES). The upstream
/// readers add the suffix blindly (FORCESES); those forms never occur in text.
pub(crate) fn noun_plural(word: &str) -> Option<String> {
    let b = word.as_bytes();
    let n = b.len();
    if n == 0 || word.ends_with("MEN") {
        return None;
    }
    if n >= 2
        && b[n - 1] == b'S'
        && b[n - 2].is_ascii_alphabetic()
        && !matches!(b[n - 2], b'S' | b'U' | b'I' | b'A')
    {
        return None;
    }
    Some(plural(word))
}

/// Word sequence `a` then word sequence `b` (the join of [`bounded_product`] for phrases).
pub(crate) fn concat(a: &[String], b: &[String]) -> Vec<String> {
    a.iter().chain(b).cloned().collect()
}

/// Every `a` followed by every `b` (`join(a, b)`), at most `max` of them: dictionaries expand
/// synsets and substitution sets into cross products, which a malformed line could blow up.
/// The flag says whether the product was cut short.
pub(crate) fn bounded_product<T>(
    acc: &[T],
    alts: &[T],
    max: usize,
    join: impl Fn(&T, &T) -> T,
) -> (Vec<T>, bool) {
    let mut out = Vec::with_capacity((acc.len() * alts.len()).min(max));
    for a in acc {
        for b in alts {
            if out.len() >= max {
                return (out, true);
            }
            out.push(join(a, b));
        }
    }
    (out, false)
}

/// Read an actor-file date. `YYMMDD` (years 00–30 are 20YY, the others 19YY) and `YYYYMMDD` as
/// documented; and these upstream defects:
/// * 7 digits starting with 19 or 20 (`2004017`): `YYYY` + `MM` + `D` (slicing as a
///   `YYYYMMDD` reader would: 2004-01-07); if that is no date, `YYYY` + `M` + `DD`.
/// * other 7 digits (`9008223`): the first six as `YYMMDD` (1990-08-22), the stray digit dropped.
/// * 9 or more digits (`1920030320`, `201005011`): the last eight as `YYYYMMDD` if that is a
///   date from 1900 to 2100 (2003-03-20), else the first eight (2010-05-01).
pub(crate) fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let s = s.trim();
    let bad = || format!("expected a date like 950601 or 19950601, found `{s}`");
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let num = |a: usize, b: usize| -> u32 { s[a..b].parse().unwrap_or(0) };
    let ymd = |y: i32, m: u32, d: u32| -> Option<NaiveDate> {
        if (1800..=2200).contains(&y) {
            NaiveDate::from_ymd_opt(y, m, d)
        } else {
            None
        }
    };
    let yymmdd = |t: &str| -> Option<NaiveDate> {
        let yy: i32 = t[0..2].parse().ok()?;
        let y = if yy <= 30 { 2000 + yy } else { 1900 + yy };
        ymd(y, t[2..4].parse().ok()?, t[4..6].parse().ok()?)
    };
    let yyyymmdd = |t: &str| -> Option<NaiveDate> {
        ymd(
            t[0..4].parse().ok()?,
            t[4..6].parse().ok()?,
            t[6..8].parse().ok()?,
        )
    };
    let found = match s.len() {
        6 => yymmdd(s),
        8 => yyyymmdd(s),
        7 if s.starts_with("19") || s.starts_with("20") => {
            let y = num(0, 4) as i32;
            ymd(y, num(4, 6), num(6, 7)).or_else(|| ymd(y, num(4, 5), num(5, 7)))
        }
        7 => yymmdd(&s[..6]),
        n if n >= 9 => yyyymmdd(&s[n - 8..]).or_else(|| yyyymmdd(&s[..8])),
        _ => None,
    };
    found.ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_blocks_span_lines_and_accept_the_spaced_opener() {
        let text = "A\r\n<!-- one -->B\n<!-- \n# x\n# -->\nC <! -- two --> D\n";
        let l = lines(text);
        let texts: Vec<&str> = l.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, vec!["A", "B", "", "", "", "C  D", ""]);
        assert_eq!(l[5].0, 6);
    }

    #[test]
    fn comments_outside_brackets_only() {
        assert_eq!(strip_comment("- * X [###] # c", &['#']), "- * X [###] ");
        assert_eq!(strip_comment("ZBW [ZBW]#jw", &['#', ';']), "ZBW [ZBW]");
    }

    #[test]
    fn words_split_like_a_tokenizer() {
        assert_eq!(dict_words("U.S._"), vec!["US"]);
        assert_eq!(
            dict_words("LOCAL_GOVERNMENT,_RURAL"),
            vec!["LOCAL", "GOVERNMENT", ",", "RURAL"]
        );
        assert_eq!(dict_words("ARMY_(AAIA)_"), vec!["ARMY", "(", "AAIA", ")"]);
        assert_eq!(dict_words("hand foot"), vec!["HAND", "FOOT"]);
        assert!(dict_words("_ _").is_empty());
    }

    #[test]
    fn plurals_of_dictionary_nouns() {
        assert_eq!(noun_plural("ARMY").as_deref(), Some("ARMIES"));
        assert_eq!(noun_plural("GAS").as_deref(), Some("GASES"));
        assert_eq!(noun_plural("PRESS").as_deref(), Some("PRESSES"));
        assert_eq!(noun_plural("F-16").as_deref(), Some("F-16S"));
        assert_eq!(noun_plural("FORCES"), None);
        assert_eq!(noun_plural("SERVICEMEN"), None);
        assert_eq!(noun_plural(""), None);
    }

    #[test]
    fn dates_and_their_defects() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(parse_date("950601"), Ok(d(1995, 6, 1)));
        assert_eq!(parse_date("120515"), Ok(d(2012, 5, 15)));
        assert_eq!(parse_date("300101"), Ok(d(2030, 1, 1)));
        assert_eq!(parse_date("310101"), Ok(d(1931, 1, 1)));
        assert_eq!(parse_date("19950601"), Ok(d(1995, 6, 1)));
        assert_eq!(parse_date("2004017"), Ok(d(2004, 1, 7)));
        assert_eq!(parse_date("9008223"), Ok(d(1990, 8, 22)));
        assert_eq!(parse_date("1920030320"), Ok(d(2003, 3, 20)));
        assert_eq!(parse_date("201005011"), Ok(d(2010, 5, 1)));
        assert!(parse_date("12x456").is_err());
        assert!(parse_date("").is_err());
        assert!(parse_date("991332").is_err());
        assert!(parse_date("12345").is_err());
    }
}
