//! The coder's event record of a coded report, kept without what the report's and the event's
//! columns already hold.
//!
//! Each coded report (`repeat` 0) keeps the coder's whole event record, for `dyad export
//! --format jsonl` and the GDELT update files. Most of it is in the columns already: the
//! article and sentence, the actors' words and offsets, the evidence, the verb's offsets, the
//! rule, the date and the place in `mentions`, and the actor codes, event code, polarity and
//! modality in the event's row (its key). Stored whole it took 690 bytes a report, 40% of the
//! database. So `mentions.event_rest` keeps only the rest (the verb's words, the Goldstein score,
//! the root, amounts…: about 150 bytes), and the record is rebuilt from the columns and the rest
//! when read ([`rebuild`]). Ingest checks that the rebuilt record equals the coder's before
//! keeping the rest alone; a record that would not come back the same (a field the columns do
//! not hold as the record does) is kept whole in `event_json`, as before, and so is every record
//! of a database written before this.
//!
//! JSON objects are compared as values: serde_json's maps sort their keys, so a record read back
//! from `event_json` and a rebuilt one are the same objects with their keys in the same order.

use serde_json::{json, Map, Value};

/// What the columns hold of a coded report's event record.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Columns {
    pub article_id: String,
    pub sentence: i64,
    pub date: Option<String>,
    /// Code (the event's), words, start, end.
    pub source: Option<(String, String, i64, i64)>,
    pub target: Option<(String, String, i64, i64)>,
    pub code: String,
    pub negated: bool,
    pub modality: String,
    /// Start, end, text.
    pub evidence: (i64, i64, String),
    /// Start, end.
    pub verb: (i64, i64),
    pub rule: Option<String>,
    /// Name, country, GeoNames id, latitude, longitude.
    pub place: Option<(String, String, i64, f64, f64)>,
}

impl Columns {
    /// The record as far as the columns give it.
    fn record(&self) -> Value {
        let actor = |a: &Option<(String, String, i64, i64)>| match a {
            Some((code, text, start, end)) => {
                json!({"code": code, "text": text, "start": start, "end": end})
            }
            None => Value::Null,
        };
        let mut m = Map::new();
        m.insert("article_id".into(), json!(self.article_id));
        m.insert("sentence".into(), json!(self.sentence));
        m.insert("date".into(), json!(self.date));
        m.insert("source".into(), actor(&self.source));
        m.insert("target".into(), actor(&self.target));
        m.insert("code".into(), json!(self.code));
        m.insert("negated".into(), json!(self.negated));
        m.insert("modality".into(), json!(self.modality));
        let (start, end, text) = &self.evidence;
        m.insert(
            "evidence".into(),
            json!({"start": start, "end": end, "text": text}),
        );
        m.insert(
            "verb".into(),
            json!({"start": self.verb.0, "end": self.verb.1}),
        );
        if let Some(rule) = &self.rule {
            m.insert("rule".into(), json!(rule));
        }
        m.insert(
            "place".into(),
            match &self.place {
                Some((name, country, geonameid, lat, lon)) => json!({
                    "name": name, "country": country, "geonameid": geonameid,
                    "lat": lat, "lon": lon
                }),
                None => Value::Null,
            },
        );
        Value::Object(m)
    }
}

/// `record` without what `given` holds the same: the fields of `record` that `given` lacks or
/// holds otherwise (objects compared field by field).
fn without(record: &Value, given: &Value) -> Value {
    match (record, given) {
        (Value::Object(r), Value::Object(g)) => {
            let mut rest = Map::new();
            for (k, v) in r {
                match g.get(k) {
                    Some(gv) if gv == v => {}
                    Some(gv @ Value::Object(_)) if v.is_object() => {
                        rest.insert(k.clone(), without(v, gv));
                    }
                    _ => {
                        rest.insert(k.clone(), v.clone());
                    }
                }
            }
            Value::Object(rest)
        }
        _ => record.clone(),
    }
}

/// `given` with `rest` laid over it (objects merged field by field).
fn over(given: &mut Value, rest: Value) {
    match (given, rest) {
        (Value::Object(g), Value::Object(r)) => {
            for (k, v) in r {
                match g.get_mut(&k) {
                    Some(gv) if gv.is_object() && v.is_object() => over(gv, v),
                    _ => {
                        g.insert(k, v);
                    }
                }
            }
        }
        (g, r) => *g = r,
    }
}

/// What to store of a coded report's record: `(event_json, event_rest)`, the rest alone when
/// the columns and it give the record back exactly, else the whole record.
pub(crate) fn stored(record: &Value, columns: &Columns) -> (Option<String>, Option<String>) {
    let given = columns.record();
    let rest = without(record, &given);
    let mut back = given;
    over(&mut back, rest.clone());
    if back == *record {
        (None, Some(rest.to_string()))
    } else {
        (Some(record.to_string()), None)
    }
}

/// The record of a coded report from its columns and its stored rest; None when the rest is
/// not valid JSON (a damaged row) — the caller reports it.
pub(crate) fn rebuild(columns: &Columns, rest: &str) -> Option<String> {
    let rest: Value = serde_json::from_str(rest).ok()?;
    let mut record = columns.record();
    over(&mut record, rest);
    Some(record.to_string())
}

/// The columns [`from_row`] reads, over `mentions m` and `events e` (26 columns).
pub(crate) const SQL: &str = "m.event_rest, m.article_id, m.sentence, m.date, e.source_code,
    m.source_text, m.source_start, m.source_end, e.target_code, m.target_text, m.target_start,
    m.target_end, e.code, e.negated, e.modality, m.evidence_start, m.evidence_end,
    m.evidence_text, m.verb_start, m.verb_end, m.rule, m.place_name, m.place_country,
    m.place_geonameid, m.place_lat, m.place_lon";

/// The rebuilt record of a row holding [`SQL`]'s columns from `at` on; None for a report
/// without a rest (a repeat, or a record kept whole).
pub(crate) fn from_row(r: &rusqlite::Row, at: usize) -> rusqlite::Result<Option<String>> {
    let Some(rest) = r.get::<_, Option<String>>(at)? else {
        return Ok(None);
    };
    let g = |i: usize| at + i;
    let actor = |code: usize| -> rusqlite::Result<Option<(String, String, i64, i64)>> {
        Ok(match r.get::<_, Option<String>>(g(code + 1))? {
            Some(text) => Some((
                r.get(g(code))?,
                text,
                r.get::<_, Option<i64>>(g(code + 2))?.unwrap_or(0),
                r.get::<_, Option<i64>>(g(code + 3))?.unwrap_or(0),
            )),
            None => None,
        })
    };
    let place = match (
        r.get::<_, Option<String>>(g(21))?,
        r.get::<_, Option<f64>>(g(24))?,
        r.get::<_, Option<f64>>(g(25))?,
    ) {
        (Some(name), Some(lat), Some(lon)) => Some((
            name,
            r.get::<_, Option<String>>(g(22))?.unwrap_or_default(),
            r.get::<_, Option<i64>>(g(23))?.unwrap_or(0),
            lat,
            lon,
        )),
        _ => None,
    };
    let columns = Columns {
        article_id: r.get(g(1))?,
        sentence: r.get(g(2))?,
        date: r.get(g(3))?,
        source: actor(4)?,
        target: actor(8)?,
        code: r.get(g(12))?,
        negated: r.get(g(13))?,
        modality: r.get(g(14))?,
        evidence: (r.get(g(15))?, r.get(g(16))?, r.get(g(17))?),
        verb: (
            r.get::<_, Option<i64>>(g(18))?.unwrap_or(0),
            r.get::<_, Option<i64>>(g(19))?.unwrap_or(0),
        ),
        rule: r.get(g(20))?,
        place,
    };
    Ok(rebuild(&columns, &rest).or(Some(rest)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns() -> Columns {
        Columns {
            article_id: "a1".into(),
            sentence: 2,
            date: Some("2025-03-04".into()),
            source: Some(("USA".into(), "Washington".into(), 0, 10)),
            target: None,
            code: "042".into(),
            negated: false,
            modality: "asserted".into(),
            evidence: (0, 30, "Washington visited on Tuesday.".into()),
            verb: (11, 18),
            rule: Some("verbs:12".into()),
            place: Some(("Paris".into(), "FRA".into(), 2988507, 48.85341, 2.3488)),
        }
    }

    /// The coder's record of the event [`columns`] hold.
    fn record() -> Value {
        json!({
            "article_id": "a1", "sentence": 2, "date": "2025-03-04",
            "source": {"code": "USA", "text": "Washington", "start": 0, "end": 10},
            "target": null, "code": "042", "root": "04", "quad_class": 1, "goldstein": 1.9,
            "plover": null, "negated": false, "negation_code": null, "modality": "asserted",
            "evidence": {"start": 0, "end": 30, "text": "Washington visited on Tuesday."},
            "verb": {"start": 11, "end": 18, "text": "visited"}, "rule": "verbs:12",
            "mentions": 1,
            "place": {"name": "Paris", "country": "FRA", "geonameid": 2988507,
                      "lat": 48.85341, "lon": 2.3488, "text": null}
        })
    }

    #[test]
    fn a_record_comes_back_from_its_columns_and_its_rest() {
        let c = columns();
        let record = record();
        let (whole, rest) = stored(&record, &c);
        assert_eq!(whole, None);
        let rest = rest.unwrap();
        assert!(rest.len() < record.to_string().len() / 2, "{rest}");
        assert!(!rest.contains("Washington"), "{rest}");
        let back: Value = serde_json::from_str(&rebuild(&c, &rest).unwrap()).unwrap();
        assert_eq!(back, record);
    }

    #[test]
    fn a_record_the_columns_cannot_give_back_is_kept_whole() {
        let c = columns();
        // no "rule" and no "place" key at all: the columns would add them
        let mut record = record();
        let keys = record.as_object_mut().unwrap();
        keys.remove("rule");
        keys.remove("place");
        let (whole, rest) = stored(&record, &c);
        assert_eq!(rest, None);
        assert_eq!(
            serde_json::from_str::<Value>(&whole.unwrap()).unwrap(),
            record
        );
        // fields the columns hold otherwise are kept in the rest
        let mut other = record.clone();
        other["rule"] = json!("verbs:12");
        other["place"] = json!({"name": "Paris", "country": "FRA", "geonameid": 2988507,
                               "lat": 48.85341, "lon": 2.3488, "text": null});
        other["sentence"] = json!(7);
        let (whole, rest) = stored(&other, &c);
        assert_eq!(whole, None);
        let back: Value = serde_json::from_str(&rebuild(&c, &rest.unwrap()).unwrap()).unwrap();
        assert_eq!(back, other);
        assert_eq!(rebuild(&c, "not json"), None);
    }
}
