//! Plain-text articles: the whole file is one document, with an optional dateline.
//!
//! Datelines recognised at the start of the text (after optional white space):
//! * `date 2025-12-04 BEIJING: …` — date and place;
//! * wire style `BEIJING (Reuters) - …`, `WASHINGTON, Dec. 4 (AP) — …`, `LONDON (AFP) -- …`,
//!   `MOSCOW, Dec 4 (Reuters) - …`, `CEBU CITY: -- …` — place only;
//! * a full date and a dash, `June 16, 2001 -- …`, `16 June 2001 — …` — date only.
//!
//! The dateline stays in the text; `body_start` is the character offset just after it.

use chrono::NaiveDate;

use dyad_model::{Document, Origin};

/// What a dateline at the start of a text says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dateline {
    pub date: Option<NaiveDate>,
    /// The place as written ("BEIJING", "NEW YORK").
    pub place: Option<String>,
    /// Character offset of the first non-space character after the dateline; 0 if none.
    pub body_start: usize,
}

/// Longest dateline prefix examined, in characters.
const MAX_DATELINE_CHARS: usize = 120;

/// Parse a dateline at the start of `text`. Returns the default (nothing known,
/// `body_start` 0) when the text does not start with one.
pub fn parse_dateline(text: &str) -> Dateline {
    let head: Vec<char> = text.chars().take(MAX_DATELINE_CHARS).collect();
    let mut i = 0;
    while i < head.len() && head[i].is_whitespace() {
        i += 1;
    }
    explicit_dateline(&head, i)
        .or_else(|| wire_dateline(&head, i, true))
        .or_else(|| date_dateline(&head, i))
        .or_else(|| dateline_after_headline(text, true))
        .unwrap_or_default()
}

/// `June 16, 2001 -- …`, `16 June 2001 — …`: a day with its month and year, then a dash, as
/// web copies of wire stories open. The date is the story's (actors' offices are read on it).
fn date_dateline(h: &[char], start: usize) -> Option<Dateline> {
    // the words before the first dash, no longer than a date is written ("16 September 2001")
    let date_len = h[start..]
        .iter()
        .take(24)
        .take_while(|&&c| c != '\n')
        .position(|&c| matches!(c, '-' | '—' | '–'))?;
    let written: String = h[start..start + date_len].iter().collect();
    let written = written.trim_end();
    if !written
        .split(|c: char| !c.is_ascii_digit())
        .any(|w| w.len() == 4)
    {
        return None;
    }
    // all of it one date of a day
    let n = written.chars().count();
    let date = crate::dates::find_dates(written, 0, n, None)
        .into_iter()
        .find(|d| d.start == 0 && d.end == n && d.precision == crate::dates::Precision::Day)?;
    let i = start + date_len;
    let after = i + dash_at(h, i);
    if after < h.len() && !h[after].is_whitespace() {
        return None;
    }
    Some(Dateline {
        date: Some(date.date),
        place: None,
        body_start: body_after(h, after),
    })
}

/// The place of a dateline written in title case, as web pages print them ("New Delhi: Hours
/// after …", "Baghdad - Egyptian Foreign Minister …", "Belgrade, 30 December – …"), at the
/// start of the text or after its headline. [`parse_dateline`] reads only capitals ("NEW
/// DELHI:"), since "Update: …" or "Analysis - …" open stories as well; a caller that can tell
/// a place from such a word (a gazetteer) asks for this one. After a headline first, as
/// [`story_dateline`] reads it.
pub fn title_case_dateline_place(text: &str) -> Option<String> {
    story_dateline(text).map(|(_, place)| place)
}

/// A dateline at the start of the story, in capitals or title case ("KIEV, UKRAINE —",
/// "Addis Ababa —", "New Delhi:"), at the text's start or after its headline: its place, and
/// the character offset where the story's first sentence begins after it. The readers leave
/// such a dateline in the text when it follows a headline or is in title case (its place may
/// be a word, "Update: …"); a caller that knows the place is one (a gazetteer) reads the
/// first sentence from this offset, since a dateline is no part of what the sentence says.
pub fn story_dateline(text: &str) -> Option<(usize, String)> {
    // after a headline first: a headline may open with a place of its own ("South Sudan:
    // Mediators Hold Talks\n\nAddis Ababa — …")
    let story = story_after_headline(text)
        .filter(|story| opening_dateline(story, false).is_some())
        .unwrap_or_else(|| text.trim_start());
    let start = text[..text.len() - story.len()].chars().count();
    let head: Vec<char> = story.chars().take(MAX_DATELINE_CHARS).collect();
    let d = wire_dateline(&head, 0, false)?;
    Some((start + d.body_start, d.place?))
}

/// Longest headline before a dateline, in characters.
const MAX_HEADLINE_CHARS: usize = 200;

/// A page's text opens with its headline, then the story with its dateline ("Treaty Signed\n\n
/// KIEV, UKRAINE — …"). The dateline's place and date are the story's; the headline stays
/// text to code (a headline can be the only report of an act), so the body starts at 0. A
/// headline is one line of at most [`MAX_HEADLINE_CHARS`] characters that does not end a
/// sentence, followed by a blank line.
fn dateline_after_headline(text: &str, capitals: bool) -> Option<Dateline> {
    let found = opening_dateline(story_after_headline(text)?, capitals)?;
    Some(Dateline {
        body_start: 0,
        ..found
    })
}

/// The story after the text's headline (the text from its first word after the blank line),
/// when the text opens with one.
fn story_after_headline(text: &str) -> Option<&str> {
    let rest = text.trim_start();
    let line_end = rest.find('\n')?;
    let headline = rest[..line_end].trim_end();
    let blank_line_next = rest[line_end + 1..]
        .trim_start_matches([' ', '\t', '\r'])
        .starts_with('\n');
    if headline.is_empty()
        || headline.chars().count() > MAX_HEADLINE_CHARS
        || headline.ends_with(['.', '!', '?', ':', '"', '”'])
        || !blank_line_next
    {
        return None;
    }
    Some(rest[line_end..].trim_start())
}

/// A dateline at the very start of a story: explicit, in wire style, or a date.
fn opening_dateline(story: &str, capitals: bool) -> Option<Dateline> {
    let head: Vec<char> = story.chars().take(MAX_DATELINE_CHARS).collect();
    explicit_dateline(&head, 0)
        .or_else(|| wire_dateline(&head, 0, capitals))
        .or_else(|| date_dateline(&head, 0))
}

fn skip_spaces(h: &[char], mut i: usize) -> usize {
    while i < h.len() && h[i].is_whitespace() {
        i += 1;
    }
    i
}

/// Skip white space; if the text continues after it, that is where the body starts.
fn body_after(h: &[char], i: usize) -> usize {
    skip_spaces(h, i)
}

/// `date YYYY-MM-DD PLACE:` (the place and colon are optional if the line ends after the date).
fn explicit_dateline(h: &[char], start: usize) -> Option<Dateline> {
    let word: String = h.get(start..start + 4)?.iter().collect();
    if !word.eq_ignore_ascii_case("date") {
        return None;
    }
    let mut i = start + 4;
    if !h.get(i)?.is_whitespace() {
        return None;
    }
    i = skip_spaces(h, i);
    let date_str: String = h.get(i..i + 10)?.iter().collect();
    let date = NaiveDate::parse_from_str(&date_str, "%Y-%m-%d").ok()?;
    i += 10;
    match h.get(i) {
        None => {
            return Some(Dateline {
                date: Some(date),
                place: None,
                body_start: h.len(),
            })
        }
        Some(c) if c.is_whitespace() || *c == ':' => {}
        Some(_) => return None,
    }
    // The place runs to a colon on the same line.
    let mut j = i;
    while j < h.len() && h[j] != ':' && h[j] != '\n' {
        j += 1;
    }
    if j < h.len() && h[j] == ':' {
        let place: String = h[i..j].iter().collect::<String>().trim().to_string();
        Some(Dateline {
            date: Some(date),
            place: (!place.is_empty()).then_some(place),
            body_start: body_after(h, j + 1),
        })
    } else {
        Some(Dateline {
            date: Some(date),
            place: None,
            body_start: body_after(h, i),
        })
    }
}

/// Is `c` part of a place word (`NEW`, `ST.`, `AL-ARISH`, `N'DJAMENA`)?
fn place_char(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')
}

/// Wire style: PLACE [, extra] [(AGENCY)] dash, or PLACE: [dash]. Without an agency the place
/// must be in capitals when `capitals` is asked.
fn wire_dateline(h: &[char], start: usize, capitals: bool) -> Option<Dateline> {
    // Place: up to six words, each starting with an upper-case letter.
    let mut i = start;
    let mut words = 0;
    let mut place_end = start;
    loop {
        if i >= h.len() || !h[i].is_uppercase() {
            break;
        }
        while i < h.len() && place_char(h[i]) {
            i += 1;
        }
        words += 1;
        place_end = i;
        // Another word follows after single spaces (not a newline).
        let mut k = i;
        while k < h.len() && h[k] == ' ' {
            k += 1;
        }
        if k > i && k < h.len() && h[k].is_uppercase() && words < 6 {
            i = k;
        } else {
            break;
        }
    }
    if words == 0 {
        return None;
    }
    let place: String = h[start..place_end].iter().collect();
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());

    let mut i = place_end;
    let mut has_agency = false;
    let mut has_extra = false;
    // Optional ", Dec. 4" / ", Calif." part, up to the agency or the dash.
    if h.get(i) == Some(&',') {
        let mut j = i + 1;
        while j < h.len() && !matches!(h[j], '(' | ':' | '\n' | '—' | '–') && !is_dash_at(h, j)
        {
            j += 1;
        }
        if j >= h.len() || h[j] == '\n' || j - i > 30 {
            return None;
        }
        has_extra = true;
        i = j;
    }
    i = skip_inline_spaces(h, i);
    // Optional "(Reuters)".
    if h.get(i) == Some(&'(') {
        let mut j = i + 1;
        while j < h.len() && h[j] != ')' && h[j] != '\n' {
            j += 1;
        }
        if j >= h.len() || h[j] != ')' || j - i > 40 || j == i + 1 {
            return None;
        }
        has_agency = true;
        i = skip_inline_spaces(h, j + 1);
    }
    // "CEBU CITY: --" / "BEIJING:" / "Doha, Qatar:" form.
    let mut has_colon = false;
    if !has_agency && h.get(i) == Some(&':') {
        has_colon = true;
        i = skip_inline_spaces(h, i + 1);
    }
    let dash_len = dash_at(h, i);
    if dash_len == 0 && !has_colon {
        return None;
    }
    if !has_agency && !all_caps && capitals {
        return None;
    }
    if !has_agency && !has_extra && !has_colon && letters.len() < 3 {
        // "US - China talks" is not a dateline.
        return None;
    }
    let after = i + dash_len;
    if dash_len > 0 && after < h.len() && !h[after].is_whitespace() {
        return None;
    }
    let body_start = body_after(h, after);
    if body_start >= h.len() && h.len() >= MAX_DATELINE_CHARS {
        return None;
    }
    Some(Dateline {
        date: None,
        place: Some(place),
        body_start,
    })
}

fn skip_inline_spaces(h: &[char], mut i: usize) -> usize {
    while i < h.len() && (h[i] == ' ' || h[i] == '\t' || h[i] == '\u{a0}') {
        i += 1;
    }
    i
}

/// Length of a dash (`-`, `--`, `—`, `–`) starting at `i`, or 0.
fn dash_at(h: &[char], i: usize) -> usize {
    match h.get(i) {
        Some('—') | Some('–') => 1,
        Some('-') => {
            if h.get(i + 1) == Some(&'-') {
                2
            } else {
                1
            }
        }
        _ => 0,
    }
}

/// Is there a free-standing dash at `i` (preceded by white space)?
fn is_dash_at(h: &[char], i: usize) -> bool {
    h[i] == '-' && i > 0 && h[i - 1].is_whitespace()
}

/// Make the document of a plain-text file: `file` is the path as given, `name` its file name
/// (the document id). `None` if the text is empty or only white space.
pub fn read_plain(text: &str, file: &str, name: &str) -> Option<Document> {
    if text.trim().is_empty() {
        return None;
    }
    let dl = parse_dateline(text);
    Some(Document {
        id: name.to_string(),
        text: text.to_string(),
        date: dl.date,
        dateline_place: dl.place,
        body_start: dl.body_start,
        title: None,
        url: None,
        source: None,
        origin: Origin {
            file: file.to_string(),
            line: 1,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_story_dateline_ends_where_the_first_sentence_begins() {
        let at = |text: &str| {
            story_dateline(text)
                .map(|(end, place)| (text.chars().skip(end).take(6).collect::<String>(), place))
        };
        let found = |s: &str, p: &str| Some((s.to_string(), p.to_string()));
        assert_eq!(
            at("Addis Ababa — Mediators met"),
            found("Mediat", "Addis Ababa")
        );
        assert_eq!(
            at("  KIEV, UKRAINE — Police fired"),
            found("Police", "KIEV")
        );
        assert_eq!(
            at("Treaty Signed\n\nKyiv – Police fired"),
            found("Police", "Kyiv")
        );
        assert_eq!(
            at("Gaza truce holds\n\nJÉRUSALEM (AFP) - Police fired"),
            found("Police", "JÉRUSALEM")
        );
        assert_eq!(at("Police fired tear gas on Monday."), None);
        // a headline's own place is not the story's dateline
        assert_eq!(
            at("South Sudan: Mediators Hold Talks\n\nAddis Ababa — Mediators met"),
            found("Mediat", "Addis Ababa")
        );
    }

    #[test]
    fn a_title_case_dateline_is_offered_only_to_who_asks() {
        for (text, place) in [
            ("New Delhi: Hours after India announced", Some("New Delhi")),
            ("Baghdad - Egyptian Foreign Minister said", Some("Baghdad")),
            ("Doha, Qatar: The Amir held talks", Some("Doha")),
            (
                "Belgrade, 30 December – Protesters marched",
                Some("Belgrade"),
            ),
            (
                "Serbia and Kosovo reach a deal\n\nBrussels: The two sides",
                Some("Brussels"),
            ),
            (
                "Brazil welcomes Lavrov amid criticism\n\nRussian Foreign Minister",
                None,
            ),
            ("Thailand, Cambodia Exchange Fire\n\nThe two armies", None),
        ] {
            assert_eq!(title_case_dateline_place(text).as_deref(), place, "{text}");
            // the reader itself takes only capitals
            assert_eq!(parse_dateline(text).place, None, "{text}");
        }
    }

    fn body(text: &str) -> (Option<String>, Option<NaiveDate>, String) {
        let d = parse_dateline(text);
        (
            d.place,
            d.date,
            text.chars().skip(d.body_start).collect::<String>(),
        )
    }

    #[test]
    fn explicit_form() {
        let (p, d, b) = body(" date 2025-12-04 BEIJING: China and France pledged");
        assert_eq!(p.as_deref(), Some("BEIJING"));
        assert_eq!(d, NaiveDate::from_ymd_opt(2025, 12, 4));
        assert_eq!(b, "China and France pledged");
        let (p, d, b) = body("date 2025-12-04 NEW YORK:\n\nStory.");
        assert_eq!((p.as_deref(), b.as_str()), (Some("NEW YORK"), "Story."));
        assert!(d.is_some());
        let (p, d, b) = body("date 2025-12-04\nStory.");
        assert_eq!((p, b.as_str()), (None, "Story."));
        assert!(d.is_some());
        assert_eq!(parse_dateline("date 2025-13-45 X: y"), Dateline::default());
        assert_eq!(parse_dateline("dated 2025-12-04 X: y"), Dateline::default());
    }

    #[test]
    fn a_dateline_after_the_headline_gives_the_place_and_keeps_the_headline() {
        let text = "Ministers Agree on Grain Deal\n\nNAIROBI, Kenya — The ministers agreed.";
        let d = parse_dateline(text);
        assert_eq!(d.place.as_deref(), Some("NAIROBI"));
        assert_eq!(d.body_start, 0, "the headline is text to code");
        let d = parse_dateline("Talks Resume\n\nGENEVA (Reuters) - Envoys met.");
        assert_eq!(d.place.as_deref(), Some("GENEVA"));
        // a first sentence is no headline, and the dateline must open the next paragraph
        for text in [
            "The talks resumed.\n\nGENEVA (Reuters) - Envoys met.",
            "Talks Resume\nGENEVA (Reuters) - Envoys met.",
            "Talks Resume\n\nEnvoys met in GENEVA - on Monday.",
        ] {
            assert_eq!(parse_dateline(text), Dateline::default(), "{text:?}");
        }
    }

    #[test]
    fn wire_forms() {
        for (text, place, rest) in [
            ("BEIJING (Reuters) - China said", "BEIJING", "China said"),
            ("WASHINGTON, Dec. 4 (AP) — The", "WASHINGTON", "The"),
            ("LONDON (AFP) -- Britain", "LONDON", "Britain"),
            ("MOSCOW, Dec 4 (Reuters) - Russia", "MOSCOW", "Russia"),
            ("  NEW YORK (Reuters) – Stocks", "NEW YORK", "Stocks"),
            ("Beijing (Reuters) - China", "Beijing", "China"),
            (
                "SAN FRANCISCO, Calif. - A quake",
                "SAN FRANCISCO",
                "A quake",
            ),
            ("CEBU CITY: -- Cordova Mayor", "CEBU CITY", "Cordova Mayor"),
            ("KIEV, UKRAINE: Protesters", "KIEV", "Protesters"),
            ("GAZA - Israeli", "GAZA", "Israeli"),
        ] {
            let (p, d, b) = body(text);
            assert_eq!(p.as_deref(), Some(place), "{text}");
            assert_eq!(d, None);
            assert_eq!(b, rest, "{text}");
        }
    }

    #[test]
    fn a_full_date_and_a_dash_is_a_dateline_of_date_only() {
        let june16 = NaiveDate::from_ymd_opt(2001, 6, 16);
        for text in [
            "June 16, 2001 -- President Bush met Putin.",
            "16 June 2001 — President Bush met Putin.",
        ] {
            let d = parse_dateline(text);
            assert_eq!((d.date, d.place.as_deref()), (june16, None), "{text:?}");
            assert_eq!(
                &text.chars().skip(d.body_start).collect::<String>()[..9],
                "President"
            );
        }
        // after a headline, the body starts at the headline
        let d = parse_dateline("Bush: First Meeting Went Well\n\nJune 16, 2001 -- Bush met Putin.");
        assert_eq!((d.date, d.body_start), (june16, 0));
        // a date with no year, or no dash after it, is the story's first words
        for text in [
            "June 16 -- Bush met Putin.",
            "June 16, 2001 Bush met Putin.",
        ] {
            assert_eq!(parse_dateline(text).date, None, "{text:?}");
        }
    }

    #[test]
    fn not_datelines() {
        for text in [
            "",
            "   ",
            "China and France pledged deeper cooperation.",
            "The U.S. - China talks",
            "US - China talks began",
            "Macron - the French leader - said",
            "NATO-led forces",
            "Hundreds of people (many) - left",
            "BEIJING",
            "A-",
            "(Reuters) - x",
            "X (",
            "Y, z",
        ] {
            assert_eq!(parse_dateline(text).place, None, "{text:?}");
            assert_eq!(parse_dateline(text).body_start, 0, "{text:?}");
        }
    }

    #[test]
    fn plain_document() {
        let d = read_plain("\u{a0}LONDON (AFP) -- Britain said.", "dir/x.txt", "x.txt")
            .expect("a document");
        assert_eq!(d.id, "x.txt");
        assert_eq!(d.origin.file, "dir/x.txt");
        assert_eq!(d.origin.line, 1);
        assert_eq!(d.body_start, 17);
        assert!(read_plain(" \n ", "e.txt", "e.txt").is_none());
    }
}
