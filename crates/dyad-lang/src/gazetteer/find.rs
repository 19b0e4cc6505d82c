//! Finding the place names in a stretch of text: [`Gazetteer::find_places`] reads the
//! capitalised words, tells places from names, words and regions, gathers the clues around
//! each and resolves them.

// Fx hashing, as in the table: small sets of place ids and country codes
use rustc_hash::FxHashSet as HashSet;

use dyad_text::Sentence;
use dyad_text::{tokenize, Token};

use super::keys::{key, phrase_key_into, span_text, KeyBuffers};
use super::place::{Context, Feature, Place};
use super::resolve::{choose, qualified};
use super::table::Gazetteer;
use super::words::{may_precede_place, us_state_abbreviation, word_lists, WordLists};

/// [`Gazetteer::find_places`] takes a city smaller than this only in a country the story is
/// about (its context, or another place found in the text), or with a clue next to it.
const SMALL_TOWN: u64 = 100_000;

impl Gazetteer {
    /// The place names in characters `from..to` of `text` (character offsets, end exclusive,
    /// clamped to the text), resolved: `(start, end, place)` with character offsets into
    /// `text`, in text order. Longest names first ("New York City", "Gaza Strip"); a name is
    /// taken only if it starts with a capital letter and ends with a word that has one;
    /// "Gaza-based" and "U.S.-led" give the name before the hyphen. Skipped:
    /// * a place that is also a common English word ("Nice", "Reading", "Police") at the start
    ///   of a sentence, and mid-sentence unless it is a place news names (Nice, Reading);
    /// * an abbreviation not in capitals ("us"), a short name in capitals that is no
    ///   abbreviation ("UN" is not Un, India);
    /// * a name right after a capitalised word, taken for part of a longer name ("George
    ///   Washington", "Air France", "Mr Vaughan"), unless that word is a direction, a day, a
    ///   month, a number, a demonym or a function word ("Northern Gaza", "Russian Kursk", "In
    ///   Paris"); a one-word city right before another place name ("George Washington");
    /// * a name before "Post", "Sea", "University", "Agreement"… ("Washington Post");
    /// * regions ("South America", "Middle East");
    /// * a city under 100,000 people in no country the story is about (its context, or
    ///   another place found) and with no clue next to it ("Obama", a town in Japan).
    ///
    /// Each name is resolved with [`resolve`](Self::resolve) and the clues around it: "X, Y"
    /// with Y a division or country containing X ("Atlanta, Georgia", "Paris, Tex."), "state
    /// of X" and "X state", the caller's context; then once more with the countries of the
    /// cities and divisions found, so that several US places make "Georgia" the state.
    /// Names inside actor mentions ("Vladimir Putin") are the caller's to drop.
    pub fn find_places(
        &self,
        text: &str,
        from: usize,
        to: usize,
        context: &Context,
    ) -> Vec<(usize, usize, &Place)> {
        self.find_places_in(text, Sentence::from_char_range(text, from, to), context)
    }

    /// [`Gazetteer::find_places`] in a span of `text` given as a [`Sentence`] (made with
    /// [`Sentence::from_char_range`] or [`Sentence::from_char_range_indexed`]).
    pub fn find_places_in(
        &self,
        text: &str,
        span: Sentence,
        context: &Context,
    ) -> Vec<(usize, usize, &Place)> {
        let tokens = tokenize(text, &span);
        self.find_places_in_tokens(text, span, &tokens, context)
    }

    /// [`Gazetteer::find_places_in`] over the span's tokens read already (a stretch of an
    /// article's token array).
    pub fn find_places_in_tokens(
        &self,
        text: &str,
        span: Sentence,
        tokens: &[Token],
        context: &Context,
    ) -> Vec<(usize, usize, &Place)> {
        if tokens.is_empty() || self.index.is_empty() {
            return Vec::new();
        }
        let chars: Vec<char> = span.text(text).chars().collect();
        let gap_has_newline = |a: usize, b: usize| {
            let (a, b) = (a.saturating_sub(span.start), b.saturating_sub(span.start));
            chars
                .get(a.min(b)..b.min(chars.len()))
                .is_some_and(|g| g.contains(&'\n'))
        };
        let sentence_start: Vec<bool> = (0..tokens.len())
            .map(|i| is_sentence_start(tokens, i, &gap_has_newline))
            .collect();
        let lists = word_lists();

        // 1. Find the names.
        let mut mentions: Vec<Mention> = Vec::new();
        let (mut buffers, mut k) = (KeyBuffers::default(), String::new());
        let mut i = 0;
        while i < tokens.len() {
            if !starts_with_capital(&tokens[i].text) {
                i += 1;
                continue;
            }
            // "South America", "Middle East": regions, not the places inside them.
            if let Some(len) = (2..=4.min(tokens.len() - i)).rev().find(|&len| {
                phrase_key_into(&tokens[i..i + len], &mut buffers, &mut k);
                lists.regions.contains(&k)
            }) {
                i += len;
                continue;
            }
            let mut found: Option<Mention> = None;
            let longest = self.max_words.min(tokens.len() - i);
            for len in (1..=longest).rev() {
                let j = i + len - 1;
                if !tokens[j].text.chars().any(char::is_uppercase)
                    || !tokens[i..=j].iter().all(|t| is_word(&t.text))
                {
                    continue;
                }
                phrase_key_into(&tokens[i..=j], &mut buffers, &mut k);
                if let Some(&(a, b)) = self.index.get(&k) {
                    found = Some(Mention {
                        first: i,
                        last: j,
                        start: tokens[i].start,
                        end: tokens[j].end,
                        key: k.clone(),
                        range: (a, b),
                    });
                    break;
                }
            }
            if found.is_none() {
                found = self.hyphen_prefix(&tokens[i], i);
            }
            let Some(m) = found else {
                i += 1;
                continue;
            };
            i = m.last + 1;
            match self.accept(&m, tokens, &sentence_start, &mentions, lists) {
                Verdict::Place => mentions.push(m),
                Verdict::NotPlace => {}
                // "George Washington": neither name is a place.
                Verdict::FirstName => i += 1,
            }
        }
        if mentions.is_empty() {
            return Vec::new();
        }

        // 2. The clues around each name.
        let mut hints: Vec<Vec<String>> = vec![context.admin1_hints.clone(); mentions.len()];
        let mut fixed: Vec<Option<&Place>> = vec![None; mentions.len()];
        for (n, m) in mentions.iter().enumerate() {
            let after = |d: usize| tokens.get(m.last + d).map(|t| t.text.as_str());
            let before = |d: usize| {
                m.first
                    .checked_sub(d)
                    .and_then(|x| tokens.get(x))
                    .map(|t| t.text.as_str())
            };
            // "Washington state", "the state of Georgia", "the U.S. state of Georgia".
            if after(1) == Some("state") {
                hints[n].push("state".into());
            }
            if matches!(before(2), Some("state" | "State")) && before(1) == Some("of") {
                hints[n].push("state".into());
                if let Some(p) = mentions
                    .iter()
                    .position(|o| o.last + 3 == m.first)
                    .filter(|&p| p < n)
                {
                    let prev = &mentions[p];
                    hints[n].push(span_text(&tokens[prev.first..=prev.last]));
                }
            }
            // "Paris, Texas", "Paris, Tex.", "Atlanta, Georgia".
            if after(1) == Some(",") {
                if let Some(q) = mentions.iter().position(|o| o.first == m.last + 2) {
                    let (xs, ys) = (self.slice(m), self.slice(&mentions[q]));
                    if let Some((x, y)) = qualified(xs, ys) {
                        fixed[n] = Some(x);
                        fixed[q] = Some(y);
                    } else {
                        hints[n].push(span_text(&tokens[mentions[q].first..=mentions[q].last]));
                    }
                } else if let Some(abbr) = after(2).filter(|a| us_state_abbreviation(a).is_some()) {
                    hints[n].push(abbr.to_string());
                }
            }
        }

        // 3. Resolve, then again with the countries of the places found.
        let resolve_all = |ctx: &Context| -> Vec<Option<&Place>> {
            mentions
                .iter()
                .enumerate()
                .map(|(n, m)| {
                    fixed[n].or_else(|| {
                        let mut c = ctx.clone();
                        c.admin1_hints = hints[n].clone();
                        let h = self.read_hints(&c.admin1_hints);
                        choose(self.slice(m), &c, &h)
                    })
                })
                .collect()
        };
        let first = resolve_all(context);
        let mut ctx = context.clone();
        let mut seen: HashSet<u32> = HashSet::default();
        for (m, p) in mentions.iter().zip(&first) {
            let Some(p) = p else { continue };
            let ambiguous = self.slice(m).iter().any(|c| c.feature == Feature::Country);
            if p.feature != Feature::Country && !ambiguous && seen.insert(p.geonameid) {
                ctx.place_countries.push(p.country.clone());
            }
        }
        let resolved = if ctx.place_countries.len() > context.place_countries.len() {
            resolve_all(&ctx)
        } else {
            first
        };

        // 4. A small town is taken only in a country the story is about ("Obama", a town in
        //    Japan, is not in a story about Washington), or with a clue next to it.
        let mut support: HashSet<&str> = context
            .countries
            .iter()
            .chain(&context.place_countries)
            .chain(&context.dateline_country)
            .map(String::as_str)
            .collect();
        for (n, p) in resolved.iter().enumerate() {
            if let Some(p) = p {
                if fixed[n].is_some() || p.feature != Feature::City || p.population >= SMALL_TOWN {
                    support.insert(p.country.as_str());
                }
            }
        }
        mentions
            .iter()
            .zip(resolved)
            .enumerate()
            .filter_map(|(n, (m, p))| {
                let p = p?;
                let clue = fixed[n].is_some() || hints[n].len() > context.admin1_hints.len();
                let small = p.feature == Feature::City && p.population < SMALL_TOWN;
                (!small || clue || support.contains(p.country.as_str()))
                    .then_some((m.start, m.end, p))
            })
            .collect()
    }

    fn slice(&self, m: &Mention) -> &[Place] {
        &self.entries[m.range.0 as usize..m.range.1 as usize]
    }

    /// "Gaza-based", "U.S.-led": the name before a hyphen when a lower-case word follows it.
    fn hyphen_prefix(&self, token: &Token, i: usize) -> Option<Mention> {
        let (head, rest) = token.text.split_once('-')?;
        if !rest.chars().next().is_some_and(char::is_lowercase) {
            return None;
        }
        let k = key(head);
        let &(a, b) = self.index.get(&k)?;
        Some(Mention {
            first: i,
            last: i,
            start: token.start,
            end: token.start + head.chars().count(),
            key: k,
            range: (a, b),
        })
    }

    /// Whether a name found in the text is taken as a place (see [`Self::find_places`]).
    fn accept(
        &self,
        m: &Mention,
        tokens: &[Token],
        sentence_start: &[bool],
        mentions: &[Mention],
        lists: &WordLists,
    ) -> Verdict {
        // As written: the tokens' text (for "U.S.-led", the part before the hyphen).
        let written: String = tokens[m.first..=m.last]
            .iter()
            .flat_map(|t| t.text.chars())
            .take(m.end - m.start)
            .collect();
        if self.abbreviations.contains(&m.key)
            && written
                .chars()
                .any(|c| c.is_alphabetic() && !c.is_uppercase())
        {
            return Verdict::NotPlace;
        }
        // "UN" is no "Un" (a town in India): a short name in capitals must be an abbreviation.
        let letters = written.chars().filter(|c| c.is_alphabetic()).count();
        if letters <= 3
            && written
                .chars()
                .all(|c| !c.is_alphabetic() || c.is_uppercase())
            && !self.abbreviations.contains(&m.key)
            && !self.slice(m).iter().any(|p| p.name == written)
        {
            return Verdict::NotPlace;
        }
        let is_country = self.slice(m).iter().any(|p| p.feature == Feature::Country);
        if !is_country
            && lists.common.contains(&m.key)
            && (sentence_start[m.first] || !lists.news_places.contains(&m.key))
        {
            return Verdict::NotPlace;
        }
        // Part of a longer name: "George Washington", "Air France".
        if m.first > 0 {
            let prev = &tokens[m.first - 1];
            let in_mention = mentions.last().is_some_and(|o| o.last + 1 == m.first);
            if is_word(&prev.text)
                && starts_with_capital(&prev.text)
                && !in_mention
                && !may_precede_place(&prev.text, lists)
            {
                return Verdict::NotPlace;
            }
        }
        // "Washington Post", "South China Sea", "Georgia Tech".
        if let Some(next) = tokens.get(m.last + 1) {
            if lists.name_followers.contains(&key(&next.text)) && starts_with_capital(&next.text) {
                return Verdict::NotPlace;
            }
            // A one-word city right before another place name, with no comma between, is a
            // person's first name ("George Washington").
            if m.first == m.last
                && !is_country
                && m.end == tokens[m.last].end
                && starts_with_capital(&next.text)
                && is_word(&next.text)
                && self.index.contains_key(&key(&next.text))
            {
                return Verdict::FirstName;
            }
        }
        Verdict::Place
    }
}

/// What [`Gazetteer::accept`] makes of a name found in the text.
enum Verdict {
    Place,
    NotPlace,
    /// A person's first name before a surname that is a place name: skip both.
    FirstName,
}

/// A name found in the text: tokens `first..=last`, characters `start..end`.
#[derive(Debug, Clone)]
struct Mention {
    first: usize,
    last: usize,
    start: usize,
    end: usize,
    key: String,
    range: (u32, u32),
}

fn starts_with_capital(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// A token that can be part of a name: it has a letter ("d'Ivoire", "'s"), no other
/// punctuation than . ' ’ -.
fn is_word(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '-'))
}

/// Token `i` opens a sentence: first of the text, after . ! ? … (past opening quotes and
/// brackets), or first on a new line.
fn is_sentence_start(tokens: &[Token], i: usize, newline: &impl Fn(usize, usize) -> bool) -> bool {
    let mut j = i;
    while j > 0 {
        let prev = &tokens[j - 1];
        if newline(prev.end, tokens[j].start) {
            return true;
        }
        let t = prev.text.as_str();
        if matches!(t, "\"" | "“" | "‘" | "'" | "(" | "[" | "``" | "«") {
            j -= 1;
            continue;
        }
        return matches!(t, "." | "!" | "?" | "…" | "..." | "”" | "’" | "''")
            && (j < 2 || !matches!(tokens[j - 2].text.as_str(), "," | ";"));
    }
    true
}
