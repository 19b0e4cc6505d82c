//! PETRARCH's internal coding ontology (PICO, `PETR.Internal.Coding.Ontology.txt`): each CAMEO
//! code as a hexadecimal value whose high digit is a speech-act category (say, appeal, intend,
//! demand, threaten…) and whose low digits are the content (aid, meet, yield, assault…).
//! PETR-2 uses it to combine nested verbs — "A wants to [help B]": intend 0x3000 + aid 0x0040
//! = 0x3040 = 033 — and to code negation: "A did not provide aid" is the value less 0xFFFF,
//! a rejection (121).

use std::collections::HashMap;
use std::sync::OnceLock;

/// The value PETR-2 subtracts to negate a code.
const NEGATION: i64 = 0xFFFF;

#[derive(Debug, Default)]
pub struct Pico {
    /// Each code's values (the first is the primary one).
    values: HashMap<String, Vec<i64>>,
    /// Value → the first code listed with it.
    codes: HashMap<i64, String>,
}

/// Evaluate `0x1000`, `-0xFFFF+0x0070`, `0x1000-0xFFFF`.
fn eval(expr: &str) -> Option<i64> {
    let expr = expr.trim();
    if expr.is_empty() {
        return None;
    }
    let mut total = 0i64;
    let mut sign = 1i64;
    let mut rest = expr;
    let mut any = false;
    while !rest.is_empty() {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix('+') {
            sign = 1;
            rest = r;
            continue;
        }
        if let Some(r) = rest.strip_prefix('-') {
            sign = -1;
            rest = r;
            continue;
        }
        let r = rest
            .strip_prefix("0x")
            .or_else(|| rest.strip_prefix("0X"))?;
        let end = r.find(|c: char| !c.is_ascii_hexdigit()).unwrap_or(r.len());
        if end == 0 {
            return None;
        }
        total += sign * i64::from_str_radix(&r[..end], 16).ok()?;
        any = true;
        rest = &r[end..];
    }
    any.then_some(total)
}

impl Pico {
    /// Read the ontology file. Lines that are not `CODE:value[#value…][#comment]` are skipped.
    pub fn parse(text: &str) -> Pico {
        let mut p = Pico::default();
        for line in text.lines() {
            let line = line.trim();
            if line.starts_with('#') {
                continue;
            }
            let Some((code, rest)) = line.split_once(':') else {
                continue;
            };
            let code = code.trim();
            if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
                continue;
            }
            let vals: Vec<i64> = rest.split('#').map_while(eval).collect();
            if vals.is_empty() {
                continue;
            }
            for v in &vals {
                p.codes.entry(*v).or_insert_with(|| code.to_string());
            }
            p.values.insert(code.to_string(), vals);
        }
        p
    }

    /// The ontology shipped with dyad.
    pub fn bundled() -> &'static Pico {
        static PICO: OnceLock<Pico> = OnceLock::new();
        PICO.get_or_init(|| {
            Pico::parse(include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../data/cameo/PETR.Internal.Coding.Ontology.txt"
            )))
        })
    }

    pub fn value(&self, code: &str) -> Option<i64> {
        self.values.get(code).and_then(|v| v.first().copied())
    }

    /// The code of a value, trying coarser content digits when the exact value is not listed.
    fn code_of(&self, v: i64) -> Option<&str> {
        [v, v & !0xF, v & !0xFF]
            .iter()
            .find_map(|k| self.codes.get(k))
            .map(String::as_str)
    }

    /// "A `outer`s to `inner`": when the outer code is a bare category (say, appeal, intend,
    /// demand, threaten…) and the inner code is bare content, their combination; otherwise None
    /// (the inner event stands on its own).
    pub fn combine(&self, outer: &str, inner: &str) -> Option<&str> {
        let o = self.value(outer)?;
        let i = self.value(inner)?;
        let category_only = o > 0 && o & 0xF000 != 0 && o & 0x0FFF == 0 && o < 0x10000;
        let content_only = i > 0 && i < 0x1000;
        if category_only && content_only {
            self.code_of(o | i)
        } else {
            None
        }
    }

    /// "A `outer`s B to meet, negotiate or mediate": a consultation's code is no bare content
    /// in the ontology (its category is Consult, 0xB000, with the meeting, 0x0010, or the
    /// mediation, 0x0030, as content), so [`Pico::combine`] leaves an appeal or a demand for
    /// one uncombined; CAMEO has a code for each, the category's with the consultation's
    /// content: urge to negotiate 0x2010 = 026, ask to mediate 0x2030 = 028, demand talks
    /// 0x4010 = 106, demand mediation 0x4030 = 108 (as the intent to meet is 036, to mediate
    /// 039). Only an appeal (0x2000) or a demand (0x4000) is combined so: a threat to "halt
    /// negotiations" (0x6010, 134) is no threat to meet.
    pub fn combine_consult(&self, outer: &str, inner: &str) -> Option<&str> {
        let o = self.value(outer)?;
        let i = self.value(inner)?;
        let asks = o == 0x2000 || o == 0x4000;
        let content = i & 0x0FFF;
        let consult = i & 0xF000 == 0xB000 && i < 0x10000 && content & 0x00F0 != 0;
        (asks && consult)
            .then(|| self.codes.get(&(o | content)).map(String::as_str))
            .flatten()
    }

    /// The code PETR-2 gives the negation of `code` ("not provide aid" → 121 reject), if any.
    pub fn negate(&self, code: &str) -> Option<&str> {
        self.values
            .get(code)?
            .iter()
            .find_map(|v| self.codes.get(&(v - NEGATION)))
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expressions() {
        assert_eq!(eval("0xB000"), Some(0xB000));
        assert_eq!(eval("-0xFFFF+0x0070"), Some(-0xFFFF + 0x70));
        assert_eq!(eval("0x1000-0xFFFF"), Some(0x1000 - 0xFFFF));
        assert_eq!(eval("Make Public Statement"), None);
    }

    #[test]
    fn combines_intent_with_content() {
        let p = Pico::bundled();
        assert_eq!(p.combine("030", "070"), Some("033")); // wants to help
        assert_eq!(p.combine("030", "174"), None); // pledged to expel: the inner code stands
        assert_eq!(p.combine("050", "085"), None);
    }

    #[test]
    fn appeals_and_demands_to_meet_or_mediate_have_their_own_codes() {
        let p = Pico::bundled();
        assert_eq!(p.combine("020", "046"), None); // the bare combination has none
        assert_eq!(p.combine_consult("020", "046"), Some("026")); // urged them to negotiate
        assert_eq!(p.combine_consult("020", "044"), Some("026")); // asked them to meet
        assert_eq!(p.combine_consult("020", "045"), Some("028")); // asked Malaysia to mediate
        assert_eq!(p.combine_consult("100", "046"), Some("106")); // demanded talks
        assert_eq!(p.combine_consult("100", "045"), Some("108"));
        assert_eq!(p.combine_consult("130", "046"), None); // no threat to meet
        assert_eq!(p.combine_consult("020", "042"), None); // a visit: no content of its own
        assert_eq!(p.combine_consult("020", "070"), None); // not a consultation
    }

    #[test]
    fn negation_is_rejection() {
        let p = Pico::bundled();
        assert_eq!(p.negate("060"), Some("121")); // not provide material support
        assert_eq!(p.negate("080"), Some("124")); // not yield
        assert_eq!(p.negate("170"), Some("057")); // PETR-2's own oddity, kept
        assert_eq!(p.negate("040"), None);
    }
}
