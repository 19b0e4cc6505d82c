//! Abbreviations that keep their period: shared by the sentence splitter (no break after them)
//! and the tokenizer (the period stays part of the token).

use rustc_hash::FxHashSet;

/// Abbreviations written with a final period, listed without it. Matching is exact, or on the
/// all-upper-case form when the word itself is all upper case (headlines: `GEN.`).
const ABBREVIATIONS: &[&str] = &[
    // titles and ranks
    "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Gen", "Gens", "Col", "Lt", "Sgt",
    "Maj", "Capt", "Cmdr", "Cdr", "Adm", "Brig", "Cpl", "Pvt", "Gov", "Govs", "Sen", "Sens", "Rep",
    "Reps", "Rev", "Hon", "Pres", "Amb", "Atty", "Supt", "Insp", "Fr", "St", "Ste", "Jr", "Sr",
    // organisations, addresses, references
    "Inc", "Corp", "Co", "Cos", "Ltd", "Bros", "Assn", "Dept", "Univ", "Mt", "Ft", "Ave", "Blvd",
    "Rd", "No", "Nos", "Vol", "Vols", "Fig", "pp", "vs", "v", "etc", "al", "approx", "est", "cf",
    "ca", // months and days
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon",
    "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
    // U.S. states as written in wire datelines
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans",
    "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore",
    "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
];

/// Is `word` (written without its final period) an abbreviation whose period belongs to it?
/// True for the listed abbreviations, for dotted acronyms (`U.S`, `K.U`, `e.g`, `a.m`, `Ph.D`)
/// and for a single capital initial (`W` in "George W. Bush").
pub(crate) fn is_abbreviation(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    // the list as sets, made once: the splitter and the tokenizer ask for every final period
    static SETS: std::sync::OnceLock<(FxHashSet<&str>, FxHashSet<String>)> =
        std::sync::OnceLock::new();
    let (exact, upper) = SETS.get_or_init(|| {
        let exact = ABBREVIATIONS.iter().copied().collect();
        let upper = ABBREVIATIONS
            .iter()
            .filter(|a| a.len() > 1)
            .map(|a| a.to_ascii_uppercase())
            .collect();
        (exact, upper)
    });
    if exact.contains(word) {
        return true;
    }
    let all_upper = word.chars().any(|c| c.is_alphabetic())
        && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
    // equal but for ASCII case to a listed abbreviation of more than one byte
    if all_upper && word.chars().count() > 1 && upper.contains(&word.to_ascii_uppercase()) {
        return true;
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    is_dotted_acronym(word)
}

/// `U.S`, `K.U`, `e.g`, `a.m`, `Ph.D`: at least two period-separated parts, each one or two
/// letters.
fn is_dotted_acronym(word: &str) -> bool {
    if !word.contains('.') {
        return false;
    }
    word.split('.').all(|part| {
        let n = part.chars().count();
        (1..=2).contains(&n) && part.chars().all(char::is_alphabetic)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The list read word by word, as before it became sets.
    fn listed_by_scan(word: &str) -> bool {
        let all_upper = word.chars().any(|c| c.is_alphabetic())
            && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
        ABBREVIATIONS.contains(&word)
            || (all_upper
                && word.chars().count() > 1
                && ABBREVIATIONS
                    .iter()
                    .any(|a| a.len() > 1 && a.eq_ignore_ascii_case(word)))
    }

    #[test]
    fn the_sets_say_what_the_list_says() {
        let mut words: Vec<String> = Vec::new();
        for a in ABBREVIATIONS {
            words.push(a.to_string());
            words.push(a.to_ascii_uppercase());
            words.push(a.to_ascii_lowercase());
            words.push(format!("{a}x"));
        }
        words.extend(["", "V", "v", "É", "GÉN", "MR.", "Mr.", "St", "ST", "sT"].map(String::from));
        for w in &words {
            let single_or_dotted = w.chars().count() == 1 || is_dotted_acronym(w);
            if !single_or_dotted {
                assert_eq!(is_abbreviation(w), listed_by_scan(w), "{w:?}");
            }
        }
    }

    #[test]
    fn listed_and_acronyms() {
        for w in [
            "Mr", "Gen", "Dec", "Sept", "U.S", "U.K", "U.N", "K.U", "e.g", "i.e", "W", "etc", "vs",
            "GEN", "Ph.D", "a.m",
        ] {
            assert!(is_abbreviation(w), "{w}");
        }
        for w in [
            "",
            "war",
            "China",
            "year",
            "1961",
            "ill",
            "no",
            "A1",
            "www.example",
            "US",
            "I.",
        ] {
            assert!(!is_abbreviation(w), "{w}");
        }
    }
}
