//! The event database end to end: coded articles in, merged events, idempotent reruns,
//! replaced and recoded articles, queries and every export format read back.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use dyad_coder::Coder;
use dyad_dict::bundled::Dictionaries;
use dyad_model::Event;
use dyad_model::QuoteRecord;
use dyad_store::export::{self, gdelt, mentions, ExportOptions, Format};
use dyad_store::query::{self, Filter, Period};
use dyad_store::{timeline, ArticleInput, Store};
use dyad_text::readers::{read_inputs, ReadOptions};
use dyad_text::{Document, Origin};

fn coder() -> &'static Coder {
    static CODER: OnceLock<Coder> = OnceLock::new();
    CODER.get_or_init(|| Coder::new(Dictionaries::bundled().expect("bundled dictionaries")))
}

struct Coded {
    doc: Document,
    events: Vec<Event>,
    quotes: Vec<QuoteRecord>,
}

fn code(doc: Document) -> Coded {
    let events = coder().code_document(&doc);
    let quotes = coder().quotes(&doc);
    Coded {
        doc,
        events,
        quotes,
    }
}

fn article(id: &str, source: &str, date: &str, text: &str) -> Coded {
    let mut doc = Document::new(
        id,
        text,
        NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
        Origin {
            file: format!("{id}.txt"),
            line: 1,
        },
    );
    doc.source = Some(source.to_string());
    doc.url = Some(format!("https://{source}.example/{id}"));
    code(doc)
}

/// The coded articles as the store takes them, coded with dictionaries `version`.
fn inputs<'a>(arts: &[&'a Coded], version: &'a str) -> Vec<ArticleInput<'a>> {
    arts.iter()
        .map(|c| ArticleInput {
            doc: &c.doc,
            events: &c.events,
            quotes: &c.quotes,
            dict_version: version,
            tone: None,
            issues: None,
        })
        .collect()
}

fn write(store: &mut Store, arts: &[&Coded], version: &str) -> dyad_store::BatchSummary {
    let inputs = inputs(arts, version);
    store
        .write_batch(&inputs, "20251205120000")
        .expect("write batch")
}

/// Two wires report the same meeting in other words.
fn meeting() -> (Coded, Coded) {
    let a = article(
        "wire-a",
        "reuters",
        "2025-12-04",
        "BEIJING (Reuters) - French President Emmanuel Macron met with Chinese President \
         Xi Jinping on Thursday in the Great Hall of the People.",
    );
    let b = article(
        "wire-b",
        "afp",
        "2025-12-04",
        "BEIJING (AFP) - Emmanuel Macron met Xi Jinping in Beijing on Thursday, the French \
         presidency said.",
    );
    (a, b)
}

fn seed() -> Coded {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/corpus/seed-2025-12-04-beijing.txt"
    );
    let mut docs = Vec::new();
    read_inputs(&[path.to_string()], &ReadOptions::default(), &mut |d| {
        docs.push(d)
    })
    .expect("seed");
    code(docs.remove(0))
}

fn is_meeting(e: &query::EventRow) -> bool {
    e.source == "FRAGOV" && e.target == "CHNGOV" && e.code.starts_with("04")
}

#[test]
fn two_reports_of_one_meeting_are_one_event() {
    let (a, b) = meeting();
    assert!(
        a.events.iter().any(|e| e.code.starts_with("04")),
        "{:#?}",
        a.events
    );
    assert!(
        b.events.iter().any(|e| e.code.starts_with("04")),
        "{:#?}",
        b.events
    );
    let mut store = Store::open_in_memory().unwrap();
    write(&mut store, &[&a], "v1");
    write(&mut store, &[&b], "v1");
    let events = query::events(store.conn(), &Filter::default()).unwrap();
    let met: Vec<_> = events.iter().filter(|e| is_meeting(e)).collect();
    assert_eq!(met.len(), 1, "{events:#?}");
    let e = met[0];
    assert_eq!(e.num_articles, 2);
    assert_eq!(e.num_sources, 2);
    assert_eq!(e.num_mentions, 2);
    assert_eq!(e.date, "2025-12-04");
    // the first report is the first stored article's; both reports are reachable
    assert_eq!(e.article_id, "wire-a");
    let reports = query::mentions(store.conn(), &Filter::default()).unwrap();
    let arts: Vec<&str> = reports
        .iter()
        .filter(|m| m.event_id == e.id)
        .map(|m| m.article_id.as_str())
        .collect();
    assert_eq!(arts, vec!["wire-a", "wire-b"]);
    // the id is the key's, whatever the order the articles come in
    let mut other = Store::open_in_memory().unwrap();
    write(&mut other, &[&b, &a], "v1");
    let again = query::events(other.conn(), &Filter::default()).unwrap();
    let e2 = again.iter().find(|e| is_meeting(e)).unwrap();
    assert_eq!(e2.id, e.id);
    assert_eq!(e2.num_articles, 2);
}

#[test]
fn storing_again_changes_nothing_and_edits_replace_their_own_mentions() {
    let (a, b) = meeting();
    let s = seed();
    let mut store = Store::open_in_memory().unwrap();
    let first = write(&mut store, &[&a, &b, &s], "v1");
    assert_eq!(first.added, 3);
    let counts = store.counts().unwrap();
    assert!(counts.events > 5 && counts.quotes > 0, "{counts:?}");
    let again = write(&mut store, &[&a, &b, &s], "v1");
    assert_eq!(again.unchanged, 3);
    assert_eq!(again.added + again.replaced, 0);
    assert_eq!(store.counts().unwrap(), counts);

    // wire-b is corrected: its meeting report goes, wire-a's stays
    let b2 = article(
        "wire-b",
        "afp",
        "2025-12-04",
        "BEIJING (AFP) - Emmanuel Macron criticized Xi Jinping on Thursday.",
    );
    let r = write(&mut store, &[&b2], "v1");
    assert_eq!(r.replaced, 1);
    let events = query::events(store.conn(), &Filter::default()).unwrap();
    let met = events.iter().find(|e| is_meeting(e)).unwrap();
    // the seed and wire-a still report it
    assert_eq!(met.num_articles, 2);
    let reports = query::mentions(store.conn(), &Filter::default()).unwrap();
    assert!(!reports
        .iter()
        .any(|m| m.event_id == met.id && m.article_id == "wire-b"));
    let n: i64 = store
        .conn()
        .query_row(
            "SELECT COUNT(*) FROM mentions WHERE article_id = 'wire-b'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n as usize, b2.events.len());
    assert_eq!(store.counts().unwrap().articles, 3);

    // recoding (another dictionary version) rewrites in place: same events, same ids
    let before = query::events(store.conn(), &Filter::default()).unwrap();
    let r = write(&mut store, &[&a, &b2, &s], "v2");
    assert_eq!(r.replaced, 3);
    let after = query::events(store.conn(), &Filter::default()).unwrap();
    assert_eq!(before, after);
    let versions: i64 = store
        .conn()
        .query_row(
            "SELECT COUNT(*) FROM articles WHERE dict_version = 'v2'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(versions, 3);
    // an event no report is left for is removed
    let empty = article("wire-b", "afp", "2025-12-04", "Nothing happened today.");
    write(&mut store, &[&empty], "v2");
    let orphans: i64 = store
        .conn()
        .query_row(
            "SELECT COUNT(*) FROM events e WHERE NOT EXISTS
                 (SELECT 1 FROM mentions m WHERE m.event_id = e.id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0);
}

/// Each event's counts, first report, DATEADDED and place as stored, beside the same computed
/// afresh from every report (as the store once recounted them on every batch).
fn stored_and_recounted(store: &Store) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    let rows = |sql: &str| -> Vec<Vec<String>> {
        let mut st = store.conn().prepare(sql).unwrap();
        st.query_map([], |r| {
            (0..7)
                .map(|i| {
                    r.get::<_, rusqlite::types::Value>(i)
                        .map(|v| format!("{v:?}"))
                })
                .collect::<Result<Vec<_>, _>>()
        })
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
    };
    let stored = rows(
        "SELECT id, num_mentions, num_articles, num_sources, first_mention, date_added,
                place_country FROM events ORDER BY id",
    );
    let recounted = rows(
        "SELECT e.id,
            (SELECT COUNT(*) FROM mentions m WHERE m.event_id = e.id),
            (SELECT COUNT(DISTINCT m.article_id) FROM mentions m WHERE m.event_id = e.id),
            (SELECT COUNT(DISTINCT a.source_key) FROM mentions m
                 JOIN articles a ON a.id = m.article_id WHERE m.event_id = e.id),
            (SELECT m.id FROM mentions m JOIN articles a ON a.id = m.article_id
                 WHERE m.event_id = e.id
                 ORDER BY a.added, a.id, m.repeat > 0, m.sentence, m.id LIMIT 1) AS first,
            (SELECT MIN(a.added) FROM mentions m JOIN articles a ON a.id = m.article_id
                 WHERE m.event_id = e.id),
            (SELECT place_country FROM mentions WHERE id = (
                 SELECT m.id FROM mentions m JOIN articles a ON a.id = m.article_id
                 WHERE m.event_id = e.id
                 ORDER BY a.added, a.id, m.repeat > 0, m.sentence, m.id LIMIT 1))
         FROM events e
         WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id) ORDER BY e.id",
    );
    (stored, recounted)
}

/// A batch's articles are prepared on a thread of their own, a few dozen ahead of the writer
/// (crate::prepared): a batch of more articles than that, some of them stored already and
/// some twice in it, stores what the same articles store one batch each, in the same order.
#[test]
fn a_batch_longer_than_its_prepared_articles_stores_what_batches_of_one_do() {
    let (a, b) = meeting();
    let s = seed();
    let copies: Vec<Coded> = (0..150)
        .map(|k| {
            let from = [&a, &b, &s][k % 3];
            let mut doc = from.doc.clone();
            doc.id = format!("copy-{k:03}");
            doc.source = Some(["reuters", "afp", "ap", "bbc"][k % 4].to_string());
            Coded {
                events: from.events.clone(),
                quotes: from
                    .quotes
                    .iter()
                    .map(|q| QuoteRecord {
                        article_id: doc.id.clone(),
                        ..q.clone()
                    })
                    .collect(),
                doc,
            }
        })
        .collect();
    // the first ten stored before, then all of them, the last again at the end
    let mut all: Vec<&Coded> = copies.iter().collect();
    all.push(&copies[149]);
    let (mut long, mut short) = (
        Store::open_in_memory().unwrap(),
        Store::open_in_memory().unwrap(),
    );
    let mut done = write(&mut long, &all[..10], "v1");
    done.add(write(&mut long, &all, "v1"));
    let mut one_by_one = dyad_store::BatchSummary::default();
    for c in all[..10].iter().chain(all.iter()) {
        one_by_one.add(write(&mut short, &[c], "v1"));
    }
    assert_eq!(done, one_by_one);
    assert_eq!(done.added, 150);
    assert_eq!(done.unchanged, 11);
    let rows = |store: &Store, sql: &str| -> Vec<String> {
        let mut st = store.conn().prepare(sql).unwrap();
        let n = st.column_count();
        let rows = st
            .query_map([], |r| {
                (0..n)
                    .map(|i| {
                        r.get::<_, rusqlite::types::Value>(i)
                            .map(|v| format!("{v:?}"))
                    })
                    .collect::<Result<Vec<_>, _>>()
                    .map(|v| v.join("|"))
            })
            .unwrap();
        rows.collect::<Result<_, _>>().unwrap()
    };
    for sql in [
        "SELECT id, key, num_mentions, num_articles, num_sources, first_mention, date_added,
                place_country FROM events ORDER BY id",
        "SELECT id, content_hash, source_key FROM articles ORDER BY id",
        "SELECT id, event_id, article_id, sentence, repeat, evidence_text, event_json,
                event_rest, tone, issues FROM mentions ORDER BY id",
        "SELECT event_id, source_key, articles FROM event_sources ORDER BY 1, 2",
    ] {
        let (l, s) = (rows(&long, sql), rows(&short, sql));
        assert!(!l.is_empty(), "{sql}");
        assert_eq!(l, s, "{sql}");
    }
    let (stored, recounted) = stored_and_recounted(&long);
    assert_eq!(stored, recounted);
    assert_eq!(dyad_store::rollup::check(long.conn()).unwrap(), None);
}

/// Issue 21, item 6: counts are now moved by each batch instead of recounted from every
/// report of each touched event (which made ingest quadratic). Hundreds of generated batches
/// of adds, edits, recodes and emptied articles, from several sources and at added times out
/// of order, must leave every event exactly as a full recount gives it.
#[test]
fn counts_kept_by_batch_equal_a_full_recount() {
    let texts = [
        "BEIJING (Reuters) - French President Emmanuel Macron met with Chinese President \
         Xi Jinping on Thursday in Beijing. Macron met Xi again on Friday.",
        "Russia attacked Ukraine on Monday. Ukraine accused Russia of shelling Kharkiv.",
        "PARIS - France condemned Iran. Macron met with Xi Jinping in Paris.",
        "Nothing happened today.",
        "Israel attacked Gaza. Egypt criticized Israel. Israel attacked Gaza again.",
    ];
    let coded: Vec<Vec<Coded>> = (0..8)
        .map(|id| {
            texts
                .iter()
                .enumerate()
                .map(|(t, text)| {
                    let source = ["reuters", "afp", "bbc"][(id + t) % 3];
                    article(&format!("art-{id}"), source, "2025-12-04", text)
                })
                .collect()
        })
        .collect();
    let mut store = Store::open_in_memory().unwrap();
    let mut state = 12345u64;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) % n as u64) as usize
    };
    for round in 0..300 {
        let size = 1 + next(4);
        let mut batch: Vec<&Coded> = Vec::new();
        for _ in 0..size {
            batch.push(&coded[next(8)][next(texts.len())]);
        }
        let version = ["v1", "v2"][next(2)];
        let added = ["20251205120000", "20251201000000", "20251209000000"][next(3)];
        let inputs = inputs(&batch, version);
        // one id twice in a batch is refused by the command line; here take the last
        let mut seen = std::collections::HashSet::new();
        let mut unique: Vec<ArticleInput> = Vec::new();
        for i in inputs.into_iter().rev() {
            if seen.insert(i.doc.id.clone()) {
                unique.push(i);
            }
        }
        store.write_batch(&unique, added).unwrap();
        let (stored, recounted) = stored_and_recounted(&store);
        assert_eq!(stored, recounted, "after batch {round}");
        // issue 19: the rollups kept by each batch equal a recount too
        assert_eq!(
            dyad_store::rollup::check(store.conn()).unwrap(),
            None,
            "rollups after batch {round}"
        );
    }
    assert!(store.counts().unwrap().events > 3);
    // and every reader gives from the rollups what it counts from the events
    let read = |store: &Store| {
        use dyad_store::explore::{self, Level};
        let c = store.conn();
        let mut f = Filter::default();
        let mut out = vec![
            serde_json::to_value(explore::stats(c).unwrap()).unwrap(),
            serde_json::to_value(explore::actors(c, "fr", 20).unwrap()).unwrap(),
            serde_json::to_value(explore::actors(c, "Xi", 20).unwrap()).unwrap(),
        ];
        for with_negated in [false, true] {
            f.with_negated = with_negated;
            for by in [Period::Day, Period::Week, Period::Month] {
                out.push(serde_json::to_value(explore::series(c, &f, by).unwrap()).unwrap());
            }
            for level in [Level::Actor, Level::Country] {
                let n = explore::network(c, &f, level, 3).unwrap();
                out.push(serde_json::to_value(n).unwrap());
            }
            let mut g = f.clone();
            g.root = Some("04".into());
            out.push(serde_json::to_value(explore::series(c, &g, Period::Day).unwrap()).unwrap());
            let mut g = f.clone();
            g.actor = vec!["FRA".into()];
            let n = explore::network(c, &g, Level::Actor, 10).unwrap();
            out.push(serde_json::to_value(n).unwrap());
            // per dyad and day: actors with dates, roots, quad classes
            g.from = NaiveDate::from_ymd_opt(2025, 12, 1);
            g.quad_class = Some(1);
            for by in [Period::Day, Period::Month] {
                out.push(serde_json::to_value(explore::series(c, &g, by).unwrap()).unwrap());
                out.push(
                    serde_json::to_value(dyad_store::aggregate::aggregate(c, &g, by).unwrap())
                        .unwrap(),
                );
            }
            let n = explore::network(c, &g, Level::Country, 10).unwrap();
            out.push(serde_json::to_value(n).unwrap());
            for limit in [1, 50] {
                out.push(serde_json::to_value(explore::places(c, &f, limit).unwrap()).unwrap());
                out.push(serde_json::to_value(explore::places(c, &g, limit).unwrap()).unwrap());
            }
            // a place's country, from the rollup per place
            for country in ["CHN", "FRA", "UKR"] {
                let mut g = f.clone();
                g.country = Some(country.into());
                out.push(
                    serde_json::to_value(explore::series(c, &g, Period::Week).unwrap()).unwrap(),
                );
                out.push(
                    serde_json::to_value(
                        dyad_store::aggregate::aggregate(c, &g, Period::Day).unwrap(),
                    )
                    .unwrap(),
                );
                let n = explore::network(c, &g, Level::Actor, 10).unwrap();
                out.push(serde_json::to_value(n).unwrap());
                out.push(serde_json::to_value(explore::places(c, &g, 10).unwrap()).unwrap());
            }
            // one actor without the other side (rollup_actor_day, for codes of whole
            // three-letter parts; "IS" and "FRAG" read the events), with roots and dates
            let december = (
                NaiveDate::from_ymd_opt(2025, 12, 1),
                NaiveDate::from_ymd_opt(2025, 12, 31),
            );
            for actor in ["FRA", "FRAGOV", "RUS", "ISR", "CHN", "IS", "FRAG"] {
                let mut g = f.clone();
                g.actor = vec![actor.into()];
                for root in [None, Some("04"), Some("19")] {
                    g.root = root.map(str::to_string);
                    out.push(serde_json::json!(query::count(c, &g).unwrap()));
                    let t = timeline::timeline(c, &g, None, 1000).unwrap();
                    out.push(serde_json::to_value(t).unwrap());
                }
                (g.from, g.to) = december;
                g.quad_class = Some(4);
                out.push(serde_json::json!(query::count(c, &g).unwrap()));
                out.push(
                    serde_json::to_value(explore::series(c, &g, Period::Day).unwrap()).unwrap(),
                );
            }
            // the map without actors: by month for whole months, else by day
            for (from, to) in [
                (None, None),
                december,
                (
                    NaiveDate::from_ymd_opt(2025, 12, 4),
                    NaiveDate::from_ymd_opt(2025, 12, 4),
                ),
                (
                    NaiveDate::from_ymd_opt(2025, 11, 1),
                    NaiveDate::from_ymd_opt(2025, 12, 5),
                ),
            ] {
                let mut g = f.clone();
                (g.from, g.to) = (from, to);
                out.push(serde_json::to_value(explore::places(c, &g, 50).unwrap()).unwrap());
                g.quad_class = Some(4);
                g.country = Some("UKR".into());
                out.push(serde_json::to_value(explore::places(c, &g, 50).unwrap()).unwrap());
            }
            let mut g = f.clone();
            g.source = Some("IS".into());
            g.root = Some("19".into());
            out.push(
                serde_json::to_value(
                    dyad_store::aggregate::aggregate(c, &g, Period::Week).unwrap(),
                )
                .unwrap(),
            );
            // evidence words through the trigram index (and short ones without it)
            for words in [
                &["met"][..],
                &["Xi"],
                &["attacked", "GAZA"],
                &["ACRON", "xi"],
            ] {
                let mut g = f.clone();
                g.words = words.iter().map(|w| w.to_string()).collect();
                let rows = query::events(c, &g).unwrap();
                out.push(serde_json::json!(rows
                    .iter()
                    .map(|r| r.id)
                    .collect::<Vec<_>>()));
            }
        }
        rounded(serde_json::Value::Array(out))
    };
    let kept = read(&store);
    store
        .conn()
        .execute("DELETE FROM meta WHERE key = 'rollups'", [])
        .unwrap();
    assert!(!dyad_store::rollup::ready(store.conn()));
    assert_eq!(kept, read(&store));
}

/// Numbers rounded to 9 decimals: a sum kept by adding and taking away differs from a
/// recount in the last bits only.
fn rounded(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Number(n) if n.is_f64() => {
            let x = (n.as_f64().unwrap() * 1e9).round() / 1e9;
            serde_json::json!(x)
        }
        Value::Array(a) => Value::Array(a.into_iter().map(rounded).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, rounded(v))).collect()),
        other => other,
    }
}

fn seed_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let s = seed();
    let (a, b) = meeting();
    write(&mut store, &[&s, &a, &b], "v1");
    store
}

#[test]
fn a_bulk_load_stores_what_batches_store_and_makes_the_indexes_again() {
    let dir = tempfile::tempdir().unwrap();
    let indexes = |c: &rusqlite::Connection| -> Vec<String> {
        let mut st = c
            .prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name")
            .unwrap();
        let names = st.query_map([], |r| r.get(0)).unwrap();
        names.collect::<Result<_, _>>().unwrap()
    };
    let (s, (a, b)) = (seed(), meeting());
    let mut plain = Store::open(&dir.path().join("plain.db")).unwrap();
    let mut bulk = dyad_store::BulkLoad::open(&dir.path().join("bulk.db")).unwrap();
    for batch in [&[&s, &a][..], &[&b], &[&a]] {
        let inputs = inputs(batch, "v1");
        let done = bulk.write_batch(&inputs, "20251205120000").unwrap();
        assert_eq!(done, write(&mut plain, batch, "v1"));
    }
    let bulk = bulk.finish().unwrap();
    let (p, b) = (plain.conn(), bulk.conn());
    assert_eq!(indexes(b), indexes(p));
    assert!(indexes(b).iter().any(|i| i == "events_dyad"));
    assert_eq!(dyad_store::rollup::check(b).unwrap(), None);
    let all = Filter::default();
    assert_eq!(
        query::events(b, &all).unwrap(),
        query::events(p, &all).unwrap()
    );
    assert_eq!(
        query::mentions(b, &all).unwrap(),
        query::mentions(p, &all).unwrap()
    );
    let stats = |c| serde_json::to_value(dyad_store::explore::stats(c).unwrap()).unwrap();
    assert_eq!(stats(b), stats(p));
}

/// The rows of `PRAGMA foreign_key_check`: the reports and quotes whose event or article is
/// missing.
fn orphans(c: &rusqlite::Connection) -> usize {
    let mut st = c.prepare("PRAGMA foreign_key_check").unwrap();
    let rows = st.query_map([], |_| Ok(())).unwrap();
    rows.count()
}

/// The seed's wire story "wire-a" stored again with another text: an edit, which a load
/// takes as the article's reports removed and coded anew.
fn edited_wire_a() -> Coded {
    article(
        "wire-a",
        "reuters",
        "2025-12-04",
        "BEIJING (Reuters) - French President Emmanuel Macron criticized Chinese President \
         Xi Jinping on Thursday over trade.",
    )
}

#[test]
fn a_bulk_load_checks_no_foreign_key_and_makes_the_merge_key_s_index_at_its_end() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bulk.db");
    let (s, (a, b)) = (seed(), meeting());
    let edited = edited_wire_a();
    let key_index = |c: &rusqlite::Connection| -> Option<String> {
        c.query_row(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'events_key'",
            [],
            |r| r.get(0),
        )
        .ok()
    };
    let foreign_keys = |c: &rusqlite::Connection| -> bool {
        c.query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap()
    };
    let mut bulk = dyad_store::BulkLoad::open(&path).unwrap();
    // an article stored again, edited: its reports and quotes removed before it, and its
    // event, left without reports, removed too
    for batch in [&[&s, &a][..], &[&b], &[&edited]] {
        let inputs = inputs(batch, "v1");
        bulk.write_batch(&inputs, "20251205120000").unwrap();
    }
    {
        // what a load stopped here leaves: no index of the merge key
        let during = Store::open_read_only(&path).unwrap();
        assert_eq!(key_index(during.conn()), None);
    }
    let store = bulk.finish().unwrap();
    let c = store.conn();
    // the store goes back to checking them, and none of what the load wrote fails
    assert!(foreign_keys(c));
    assert_eq!(orphans(c), 0);
    let made = key_index(c).expect("the merge key's index made at the end");
    assert!(made.starts_with("CREATE UNIQUE INDEX"), "{made}");
    // it is unique: a second row of a stored key under another id is refused
    let err = c
        .execute_batch(
            "INSERT INTO events (id, key, source_code, target_code, code, base_code, root,
                 quad_class, goldstein, negated, modality, date)
             SELECT id + 1, key, source_code, target_code, code, base_code, root, quad_class,
                 goldstein, negated, modality, date FROM events LIMIT 1",
        )
        .unwrap_err();
    assert!(err.to_string().contains("UNIQUE"), "{err}");
    assert_eq!(dyad_store::rollup::check(c).unwrap(), None);
    drop(store);
    // a store opened again checks them as before
    let store = Store::open(&path).unwrap();
    assert!(foreign_keys(store.conn()));
    assert_eq!(key_index(store.conn()).as_deref(), Some(made.as_str()));

    // an older file, whose table says the key is unique itself, gets no second index of it
    let old = dir.path().join("old.db");
    {
        let c = rusqlite::Connection::open(&old).unwrap();
        let new: String = Store::open_in_memory()
            .unwrap()
            .conn()
            .query_row(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'events'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let older = new.replacen(
            "key             TEXT NOT NULL,",
            "key TEXT NOT NULL UNIQUE,",
            1,
        );
        assert_ne!(older, new);
        c.execute_batch(&older).unwrap();
    }
    let mut bulk = dyad_store::BulkLoad::open(&old).unwrap();
    bulk.write_batch(&inputs(&[&s, &a, &b], "v1"), "20251205120000")
        .unwrap();
    let store = bulk.finish().unwrap();
    let c = store.conn();
    assert_eq!(key_index(c), None);
    let unique: i64 = c
        .query_row(
            "SELECT COUNT(*) FROM pragma_index_list('events') WHERE \"unique\"",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(unique, 1);
    assert_eq!(orphans(c), 0);
}

/// The reports whose evidence holds `word`, through the evidence index and by reading every
/// report.
fn evidence_hits(c: &rusqlite::Connection, word: &str) -> (Vec<i64>, Vec<i64>) {
    let ids = |sql: &str| -> Vec<i64> {
        let mut st = c.prepare(sql).unwrap();
        let rows = st.query_map([format!("%{word}%")], |r| r.get(0)).unwrap();
        let mut ids: Vec<i64> = rows.collect::<Result<_, _>>().unwrap();
        ids.sort();
        ids
    };
    (
        ids("SELECT rowid FROM evidence_fts WHERE evidence_text LIKE ?1"),
        ids("SELECT id FROM mentions WHERE evidence_text LIKE ?1"),
    )
}

#[test]
fn a_bulk_load_s_evidence_index_made_beside_it_holds_every_report_once() {
    let dir = tempfile::tempdir().unwrap();
    let (s, (a, b)) = (seed(), meeting());
    let edited = edited_wire_a();
    let check = |path: &std::path::Path, loads: &[&[&[&Coded]]]| {
        for batches in loads {
            let mut bulk = dyad_store::BulkLoad::open(path).unwrap();
            for batch in batches.iter() {
                let inputs = inputs(batch, "v1");
                bulk.write_batch(&inputs, "20251205120000").unwrap();
            }
            bulk.finish().unwrap();
        }
        // the scratch file is gone
        let mut scratch = path.as_os_str().to_owned();
        scratch.push("-evidence");
        assert!(!std::path::Path::new(&scratch).exists());
        let store = Store::open(path).unwrap();
        let c = store.conn();
        // the index against its content, the reports (FTS5's own check)
        c.execute_batch(
            "INSERT INTO evidence_fts(evidence_fts, rank) VALUES ('integrity-check', 1)",
        )
        .unwrap();
        for word in ["Macron", "met", "criticized", "Xi Jinping", "the"] {
            let (indexed, read) = evidence_hits(c, word);
            assert_eq!(indexed, read, "{word}");
        }
        assert_eq!(dyad_store::rollup::check(c).unwrap(), None);
        // FTS5's setting of a rebuild (its hash size) is left in its configuration; a copy
        // of the index made beside the load leaves none
        c.query_row(
            "SELECT COUNT(*) FROM evidence_fts_config WHERE k = 'hashsize'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .unwrap()
    };
    // into an empty store: the index made beside the load, copied
    let copied = check(&dir.path().join("one.db"), &[&[&[&s, &a], &[&b]]]);
    assert_eq!(copied, 0);
    // a second load into a store with reports: the index made again from every report
    let again = check(&dir.path().join("two.db"), &[&[&[&s]], &[&[&a, &b]]]);
    assert_eq!(again, 1);
    // a report taken away (an article stored again, edited): made again
    let edit = check(
        &dir.path().join("three.db"),
        &[&[&[&s, &a], &[&edited, &b]]],
    );
    assert_eq!(edit, 1);
}

#[test]
fn bounded_counts_stop_at_their_bound_and_say_so() {
    use dyad_store::counted::{count_at_least, count_bounded};
    let store = seed_store();
    let c = store.conn();
    let filters = [
        Filter::default(),
        Filter {
            actor: vec!["FRA".into()],
            ..Filter::default()
        },
        Filter {
            words: vec!["met".into()],
            ..Filter::default()
        },
        Filter {
            words: vec!["xi".into()],
            with_negated: true,
            ..Filter::default()
        },
        Filter {
            actor: vec!["CHN".into()],
            words: vec!["Macron".into()],
            ..Filter::default()
        },
    ];
    for f in &filters {
        let exact = query::count(c, f).unwrap();
        // a store this small is counted exactly
        let total = count_bounded(c, f).unwrap();
        assert_eq!((total.events, total.lower_bound), (exact, false), "{f:?}");
        for n in [1, 2, 3, exact as usize, exact as usize + 1] {
            let total = count_at_least(c, f, n.max(1)).unwrap();
            let n = n.max(1) as i64;
            assert_eq!(total.events, exact.min(n), "{f:?} at least {n}");
            assert_eq!(total.lower_bound, exact >= n, "{f:?} at least {n}");
        }
    }
}

#[test]
fn filters_and_aggregations() {
    let store = seed_store();
    let c = store.conn();
    let all = query::events(c, &Filter::default()).unwrap();
    // (the seed story's seven asserted events at least)
    assert!(all.len() >= 7, "{all:#?}");
    let f = |filter: Filter| query::events(c, &filter).unwrap();
    let fra = f(Filter {
        actor: vec!["FRA".into()],
        ..Filter::default()
    });
    assert!(!fra.is_empty());
    assert!(fra
        .iter()
        .all(|e| e.source.starts_with("FRA") || e.target.starts_with("FRA")));
    let dyad = f(Filter {
        source: Some("fra".into()),
        target: Some("CHN".into()),
        ..Filter::default()
    });
    assert!(dyad.iter().any(is_meeting));
    assert!(dyad
        .iter()
        .all(|e| e.source.starts_with("FRA") && e.target.starts_with("CHN")));
    let root = f(Filter {
        root: Some("04".into()),
        ..Filter::default()
    });
    assert!(!root.is_empty() && root.iter().all(|e| e.root == "04"));
    let code = f(Filter {
        code: Some("04".into()),
        ..Filter::default()
    });
    assert_eq!(code.len(), root.len());
    let quad = f(Filter {
        quad_class: Some(4),
        ..Filter::default()
    });
    assert!(quad.iter().all(|e| e.quad_class == 4));
    let day = NaiveDate::from_ymd_opt(2025, 12, 4);
    let dated = f(Filter {
        from: day,
        to: day,
        ..Filter::default()
    });
    assert_eq!(dated.len(), all.len());
    let later = f(Filter {
        from: NaiveDate::from_ymd_opt(2025, 12, 5),
        ..Filter::default()
    });
    assert!(later.is_empty());
    let chn = f(Filter {
        country: Some("CHN".into()),
        ..Filter::default()
    });
    assert!(!chn.is_empty());
    let words = f(Filter {
        words: vec!["MET".into(), "xi".into()],
        ..Filter::default()
    });
    assert!(words.iter().any(is_meeting), "{words:#?}");
    assert!(words.len() < all.len());

    for bad in [
        Filter {
            root: Some("4".into()),
            ..Filter::default()
        },
        Filter {
            code: Some("04a".into()),
            ..Filter::default()
        },
        Filter {
            actor: vec!["US A".into()],
            ..Filter::default()
        },
        Filter {
            quad_class: Some(5),
            ..Filter::default()
        },
        Filter {
            from: NaiveDate::from_ymd_opt(2025, 12, 6),
            to: NaiveDate::from_ymd_opt(2025, 12, 1),
            ..Filter::default()
        },
    ] {
        assert!(query::events(c, &bad).is_err(), "{bad:?}");
    }
    assert!(dyad_store::filter::date("from", "2025-13-01").is_err());
    assert!("fortnight".parse::<Period>().is_err());

    let weeks = dyad_store::aggregate::aggregate(c, &Filter::default(), Period::Week).unwrap();
    // 2025-12-04 is a Thursday: its week is named by Monday 2025-12-01
    assert!(weeks.iter().all(|w| w.period == "2025-12-01"), "{weeks:#?}");
    let total: i64 = weeks.iter().map(|w| w.tally.events).sum();
    assert_eq!(total as usize, all.len());
    for w in weeks.iter().map(|w| &w.tally) {
        assert_eq!(w.quad.iter().sum::<i64>(), w.events);
        assert!((w.goldstein_mean * w.events as f64 - w.goldstein_sum).abs() < 1e-9);
    }
    let months = dyad_store::aggregate::aggregate(c, &Filter::default(), Period::Month).unwrap();
    assert!(months.iter().all(|m| m.period == "2025-12"));
}

fn export_text(store: &Store, format: Format, header: bool) -> String {
    let mut out: Vec<u8> = Vec::new();
    export::export(
        store.conn(),
        &Filter::default(),
        format,
        &ExportOptions {
            header,
            ..ExportOptions::default()
        },
        &mut out,
    )
    .expect("export");
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn gdelt_export_has_61_columns_and_reads_back_by_name() {
    let store = seed_store();
    let text = export_text(&store, Format::Gdelt, true);
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    assert_eq!(header, gdelt::COLUMNS.to_vec());
    let rows: Vec<HashMap<&str, &str>> = lines
        .map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            assert_eq!(cells.len(), 61, "{l}");
            header.iter().copied().zip(cells).collect()
        })
        .collect();
    let events = query::events(store.conn(), &Filter::default()).unwrap();
    assert_eq!(rows.len(), events.len());
    for (row, e) in rows.iter().zip(&events) {
        assert_eq!(row["GLOBALEVENTID"], e.id.to_string());
        assert_eq!(row["EventCode"], e.code);
        assert_eq!(row["EventRootCode"], e.root);
        assert_eq!(row["Actor1Code"], e.source);
        assert_eq!(row["Actor2Code"], e.target);
        assert_eq!(row["SQLDATE"], "20251204");
        assert_eq!(row["MonthYear"], "202512");
        assert_eq!(row["DATEADDED"], "20251205120000");
        assert_eq!(row["NumArticles"], e.num_articles.to_string());
        assert_eq!(row["QuadClass"], e.quad_class.to_string());
        let g: f64 = row["GoldsteinScale"].parse().unwrap();
        assert_eq!(g, e.goldstein);
    }
    let met = rows
        .iter()
        .find(|r| r["Actor1Code"] == "FRAGOV" && r["EventCode"] == "040")
        .expect("the meeting");
    assert_eq!(met["Actor1CountryCode"], "FRA");
    assert_eq!(met["Actor1Type1Code"], "GOV");
    assert_eq!(met["Actor2CountryCode"], "CHN");
    assert_eq!(met["NumArticles"], "3");
    // Beijing: a world city, FIPS CH (ISO would say CN)
    assert_eq!(met["ActionGeo_Type"], "4");
    assert_eq!(met["ActionGeo_CountryCode"], "CH");
    assert!(met["ActionGeo_FullName"].starts_with("Beijing"));
    assert_eq!(met["SOURCEURL"], "seed-2025-12-04-beijing.txt");
    // the FractionDate of GDELT: 2025 + (30*11 + 4)/365
    assert_eq!(met["FractionDate"], "2025.9151");
    // codes keep their leading zero
    assert!(rows.iter().any(|r| r["EventCode"].starts_with('0')));
    // without --header, the same rows
    let bare = export_text(&store, Format::Gdelt, false);
    assert_eq!(bare.lines().count(), rows.len());
}

#[test]
fn mentions_export_has_16_columns() {
    let store = seed_store();
    let text = export_text(&store, Format::Mentions, true);
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    assert_eq!(header, mentions::COLUMNS.to_vec());
    let mut n = 0;
    for l in lines {
        let cells: Vec<&str> = l.split('\t').collect();
        assert_eq!(cells.len(), 16, "{l}");
        let row: HashMap<&str, &str> = header.iter().copied().zip(cells).collect();
        assert!(row["SentenceID"].parse::<i64>().unwrap() >= 1);
        assert_eq!(row["MentionTimeDate"].len(), 14);
        if row["MentionIdentifier"].starts_with("https://") {
            assert_eq!(row["MentionType"], "1");
        } else {
            assert_eq!(row["MentionType"], "2");
        }
        n += 1;
    }
    // every report of every event GDELT would list (the seed's "Xi did not respond" is negated,
    // and the GDELT formats leave negated events out)
    let asserted: i64 = store
        .conn()
        .query_row(
            "SELECT COUNT(*) FROM mentions m JOIN events e ON e.id = m.event_id
             WHERE e.negated = 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(asserted < store.counts().unwrap().mentions);
    assert_eq!(n as i64, asserted);
    // an event has NumMentions rows, its repeats within an article included
    let mut per_event: HashMap<i64, i64> = HashMap::new();
    for l in text.lines().skip(1) {
        let id: i64 = l.split('\t').next().unwrap().parse().unwrap();
        *per_event.entry(id).or_default() += 1;
    }
    let events = query::events(store.conn(), &Filter::default()).unwrap();
    for e in &events {
        assert_eq!(per_event.get(&e.id), Some(&e.num_mentions), "{e:?}");
    }
}

#[test]
fn an_article_repeating_an_event_gives_one_mention_per_sentence() {
    let a = article(
        "repeat",
        "reuters",
        "2025-12-04",
        "BEIJING (Reuters) - French President Emmanuel Macron met with Chinese President Xi \
         Jinping on Thursday. Trade was discussed at length. Emmanuel Macron met with Xi \
         Jinping again in the afternoon.",
    );
    let met = a
        .events
        .iter()
        .find(|e| e.code.starts_with("04") && !e.repeated_in.is_empty())
        .expect("the coder reports the repeated meeting in repeated_in");
    let mut store = Store::open_in_memory().unwrap();
    write(&mut store, &[&a], "v1");
    let events = query::events(store.conn(), &Filter::default()).unwrap();
    let e = events.iter().find(|e| is_meeting(e)).unwrap();
    assert_eq!(e.num_mentions as usize, 1 + met.repeated_in.len());
    assert_eq!(e.num_articles, 1);
    assert_eq!(e.sentence as usize, met.sentence);
    let reports: Vec<_> = query::mentions(store.conn(), &Filter::default())
        .unwrap()
        .into_iter()
        .filter(|m| m.event_id == e.id)
        .collect();
    assert_eq!(reports[0].repeat, 0);
    assert!(reports[0].event_json.is_some());
    assert_eq!(reports[1].repeat, 1);
    assert!(reports[1].sentence > reports[0].sentence);
    assert_eq!(reports[1].evidence, met.repeated_in[0].evidence.text);
    // each repeat's row carries its own sentence (and date and place), as the coder read them
    assert_eq!(reports[1].sentence as usize, met.repeated_in[0].sentence);
}

#[test]
fn parquet_reads_back() {
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    let store = seed_store();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.parquet");
    let mut file = std::fs::File::create(&path).unwrap();
    let n = export::export(
        store.conn(),
        &Filter::default(),
        Format::Parquet,
        &ExportOptions::default(),
        &mut file,
    )
    .unwrap();
    drop(file);
    let events = query::events(store.conn(), &Filter::default()).unwrap();
    assert_eq!(n, events.len());
    let reader = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&path).unwrap())
        .unwrap()
        .build()
        .unwrap();
    let mut rows = 0;
    for batch in reader {
        let batch = batch.unwrap();
        let schema = batch.schema();
        assert_eq!(
            schema.field_with_name("code").unwrap().data_type(),
            &arrow_schema::DataType::Utf8
        );
        assert_eq!(
            schema.field_with_name("date").unwrap().data_type(),
            &arrow_schema::DataType::Date32
        );
        let codes = batch
            .column_by_name("code")
            .unwrap()
            .as_any()
            .downcast_ref::<arrow_array::StringArray>()
            .unwrap();
        let ids = batch
            .column_by_name("global_event_id")
            .unwrap()
            .as_any()
            .downcast_ref::<arrow_array::Int64Array>()
            .unwrap();
        for i in 0..batch.num_rows() {
            assert_eq!(codes.value(i), events[rows + i].code);
            assert_eq!(ids.value(i), events[rows + i].id);
        }
        rows += batch.num_rows();
    }
    assert_eq!(rows, events.len());
}

#[test]
fn jsonl_csv_and_plover_exports() {
    let store = seed_store();
    let events = query::events(store.conn(), &Filter::default()).unwrap();
    let jsonl = export_text(&store, Format::Jsonl, false);
    let records: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), events.len());
    let met = records
        .iter()
        .find(|r| r["source"] == "FRAGOV" && r["code"] == "040")
        .unwrap();
    assert_eq!(met["reports"].as_array().unwrap().len(), 3);
    assert!(met["reports"][0]["event"]["evidence"]["text"].is_string());

    let csv = export_text(&store, Format::Csv, false);
    assert_eq!(csv.lines().count(), events.len() + 1);
    assert!(csv.starts_with("id,date,source,target,code,"));

    let plover = export_text(&store, Format::Plover, false);
    let recs: Vec<serde_json::Value> = plover
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!recs.is_empty());
    // PLOVER dropped CAMEO roots 01 and 02
    assert!(recs.len() < events.len());
    let consult = recs
        .iter()
        .find(|r| r["cameo"].as_str().unwrap_or("").starts_with("04"))
        .unwrap();
    assert_eq!(consult["event"][0], "CONSULT");
    assert_eq!(consult["actor"][0]["code"], "FRA");
    assert_eq!(consult["actor"][0]["sector"], "GOV");
    assert_eq!(consult["date"], "2025-12-04");
}

#[test]
fn a_file_that_is_not_a_database_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, "these are my notes, not a database\n".repeat(200)).unwrap();
    let e = Store::open(&path).err().expect("refused");
    assert!(e.to_string().contains("notes.db"), "{e}");
    let e = Store::open(&dir.path().join("no/such/dir/x.db"))
        .err()
        .expect("refused");
    assert!(e.to_string().contains("x.db"), "{e}");
}

/// Issue 19: a database written before the rollups gets them on its next open for writing,
/// and one written by such an older dyad after it had them (reports added without them) is
/// counted from its events until then, and filled again.
#[test]
fn rollups_are_filled_for_older_databases_and_after_older_writers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    let (a, b) = meeting();
    {
        let mut store = Store::open(&path).unwrap();
        write(&mut store, &[&a], "v1");
        assert!(dyad_store::rollup::ready(store.conn()));
        // as a database written before the rollups: no rollups, no mark
        store
            .conn()
            .execute_batch(
                "DELETE FROM rollup_day; DELETE FROM rollup_actor;
                 DELETE FROM meta WHERE key IN ('rollups', 'rollups_at');",
            )
            .unwrap();
    }
    let read = Store::open_read_only(&path).unwrap();
    assert!(!dyad_store::rollup::ready(read.conn()));
    let counted = dyad_store::explore::stats(read.conn()).unwrap();
    drop(read);
    let store = Store::open(&path).unwrap();
    assert!(dyad_store::rollup::ready(store.conn()));
    assert_eq!(dyad_store::rollup::check(store.conn()).unwrap(), None);
    assert_eq!(dyad_store::explore::stats(store.conn()).unwrap(), counted);
    // an older dyad adds an article (and would add its reports) without the rollups
    store
        .conn()
        .execute_batch(
            "INSERT INTO articles (id, source_key, body_start, content_hash, dict_version,
                 added, origin_file, origin_line, length, text)
             VALUES ('older', '', 0, 'x', 'v0', '20250101000000', 'f', 1, 5, 'text.')",
        )
        .unwrap();
    assert!(!dyad_store::rollup::ready(store.conn()));
    drop(store);
    let mut store = Store::open(&path).unwrap();
    assert!(dyad_store::rollup::ready(store.conn()));
    assert_eq!(dyad_store::rollup::check(store.conn()).unwrap(), None);
    write(&mut store, &[&b], "v1");
    assert_eq!(dyad_store::rollup::check(store.conn()).unwrap(), None);
    assert_eq!(
        dyad_store::explore::stats(store.conn()).unwrap().articles,
        3
    );
}

#[test]
fn the_rollup_per_code_and_the_newer_indexes_are_made_for_a_store_loaded_before_them() {
    use dyad_store::rollup::{check, codes_ready};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    let (s, (a, b)) = (seed(), meeting());
    let stats = |c: &rusqlite::Connection| {
        serde_json::to_value(dyad_store::explore::stats(c).unwrap()).unwrap()
    };
    let kept;
    {
        let mut store = Store::open(&path).unwrap();
        write(&mut store, &[&s, &a], "v1");
        assert!(codes_ready(store.conn()));
        kept = stats(store.conn());
        // as a store loaded before rollup_code and the indexes of targets and countries
        store
            .conn()
            .execute_batch(
                "DELETE FROM rollup_code; DELETE FROM meta WHERE key = 'rollup_code_at';
                 DROP INDEX rollup_dyad_target; DROP INDEX rollup_place_country;",
            )
            .unwrap();
    }
    // read as it is: the statistics from rollup_day, the same
    let read = Store::open_read_only(&path).unwrap();
    assert!(dyad_store::rollup::ready(read.conn()));
    assert!(!codes_ready(read.conn()));
    assert_eq!(stats(read.conn()), kept);
    drop(read);
    // opened for writing: filled from rollup_day, the indexes made
    let store = Store::open(&path).unwrap();
    assert!(codes_ready(store.conn()));
    assert_eq!(check(store.conn()).unwrap(), None);
    assert_eq!(stats(store.conn()), kept);
    let has = |name: &str| -> bool {
        store
            .conn()
            .query_row(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = ?1",
                [name],
                |r| r.get::<_, i64>(0),
            )
            .unwrap()
            == 1
    };
    assert!(has("rollup_dyad_target") && has("rollup_place_country"));
    // a writer that keeps the other rollups but not this one (the version before it) moves
    // the mark of the others only: rollup_code is not read until it is filled again
    store
        .conn()
        .execute_batch("UPDATE meta SET value = 'elsewhere' WHERE key = 'rollup_code_at'")
        .unwrap();
    assert!(!codes_ready(store.conn()));
    assert_eq!(stats(store.conn()), kept);
    drop(store);
    let mut store = Store::open(&path).unwrap();
    assert!(codes_ready(store.conn()));
    write(&mut store, &[&b], "v1");
    assert!(codes_ready(store.conn()));
    assert_eq!(check(store.conn()).unwrap(), None);
}

#[test]
fn a_sample_s_words_are_checked_in_the_index_of_reports_by_event_which_older_files_get() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    let (s, (a, b)) = (seed(), meeting());
    let indexes = |c: &rusqlite::Connection| -> Vec<String> {
        let mut st = c
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'mentions'
                 ORDER BY name",
            )
            .unwrap();
        let names = st.query_map([], |r| r.get(0)).unwrap();
        names.collect::<Result<_, _>>().unwrap()
    };
    // what a filter's words read for each event of a sample (see query::clause_dated): the
    // index's entries alone, never a report's row
    let plan = |c: &rusqlite::Connection| -> String {
        let mut st = c
            .prepare(
                "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM events e WHERE e.id < 1000000
                 AND EXISTS (SELECT 1 FROM mentions w WHERE w.event_id = e.id
                             AND w.evidence_text LIKE '%met%' ESCAPE '\\')",
            )
            .unwrap();
        let rows = st.query_map([], |r| r.get::<_, String>(3)).unwrap();
        rows.collect::<Result<Vec<_>, _>>().unwrap().join("; ")
    };
    let counted = |c: &rusqlite::Connection| -> i64 {
        c.query_row(
            "SELECT COUNT(*) FROM events e WHERE EXISTS (SELECT 1 FROM mentions w
                 WHERE w.event_id = e.id AND w.evidence_text LIKE '%met%' ESCAPE '\\')",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    let met;
    {
        let mut store = Store::open(&path).unwrap();
        write(&mut store, &[&s, &a], "v1");
        let c = store.conn();
        assert!(
            plan(c).contains("COVERING INDEX mentions_event_evidence"),
            "{}",
            plan(c)
        );
        met = counted(c);
        assert!(met > 0);
        // as a file made before it: the reports' index of their event alone
        c.execute_batch(
            "DROP INDEX mentions_event_evidence;
             CREATE INDEX mentions_event ON mentions(event_id);",
        )
        .unwrap();
    }
    // read as it is, through the index it has
    let read = Store::open_read_only(&path).unwrap();
    assert!(indexes(read.conn()).contains(&"mentions_event".to_string()));
    assert_eq!(counted(read.conn()), met);
    drop(read);
    // its next writer makes the new index and drops the old one
    let mut store = Store::open(&path).unwrap();
    let now = indexes(store.conn());
    assert!(
        now.contains(&"mentions_event_evidence".to_string()),
        "{now:?}"
    );
    assert!(!now.contains(&"mentions_event".to_string()), "{now:?}");
    assert_eq!(counted(store.conn()), met);
    // kept by a batch: the new article's reports are in it
    write(&mut store, &[&b], "v1");
    let c = store.conn();
    let through_index: i64 = c
        .query_row(
            "SELECT COUNT(*) FROM mentions INDEXED BY mentions_event_evidence
             WHERE event_id > 0 AND evidence_text LIKE '%Macron%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let read_whole: i64 = c
        .query_row(
            "SELECT COUNT(*) FROM mentions NOT INDEXED WHERE evidence_text LIKE '%Macron%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(read_whole > 0);
    assert_eq!(through_index, read_whole);
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

/// Issue 19: GDELT's two tables as Hive partitions by day: every event once, in the folder of
/// its SQLDATE, every mention beside its event, with GDELT's column names and types.
#[test]
fn partitioned_parquet_puts_each_event_in_its_days_folder() {
    use dyad_store::export::partitioned::{self, PartitionBy};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    let store = seed_store();
    let dir = tempfile::tempdir().unwrap();
    let w = partitioned::write(
        store.conn(),
        &Filter::default(),
        PartitionBy::Day,
        dir.path(),
    )
    .unwrap();
    let events = query::events(store.conn(), &Filter::default()).unwrap();
    let reports = query::mentions(store.conn(), &Filter::default()).unwrap();
    assert_eq!((w.events, w.mentions), (events.len(), reports.len()));
    assert!(w.events > 0 && w.mentions >= w.events);
    let mut seen: Vec<(String, i64)> = Vec::new();
    let mut mentions = 0;
    let mut walk = vec![dir.path().to_path_buf()];
    while let Some(d) = walk.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk.push(path);
                continue;
            }
            let rel = path
                .strip_prefix(dir.path())
                .unwrap()
                .to_string_lossy()
                .to_string();
            let reader =
                ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&path).unwrap())
                    .unwrap()
                    .build()
                    .unwrap();
            for batch in reader {
                let batch = batch.unwrap();
                if rel.starts_with("mentions/") {
                    mentions += batch.num_rows();
                    continue;
                }
                assert!(
                    batch.schema().field_with_name("Year").is_err(),
                    "Year is the partition"
                );
                let date = batch
                    .column_by_name("SQLDATE")
                    .unwrap()
                    .as_any()
                    .downcast_ref::<arrow_array::Int64Array>()
                    .unwrap();
                let ids = batch
                    .column_by_name("GLOBALEVENTID")
                    .unwrap()
                    .as_any()
                    .downcast_ref::<arrow_array::Int64Array>()
                    .unwrap();
                for i in 0..batch.num_rows() {
                    let d = date.value(i).to_string();
                    let folder = format!(
                        "events/year={}/month={}/day={}/",
                        &d[..4],
                        &d[4..6],
                        &d[6..]
                    );
                    assert!(rel.starts_with(&folder), "{rel} holds an event of {d}");
                    seen.push((d, ids.value(i)));
                }
            }
        }
    }
    assert_eq!(mentions, reports.len());
    let mut want: Vec<i64> = events.iter().map(|e| e.id).collect();
    let mut got: Vec<i64> = seen.iter().map(|s| s.1).collect();
    want.sort();
    got.sort();
    assert_eq!(got, want);
}

/// Each coded report's record is kept as what its columns do not hold (`event_rest`) and read
/// back equal to the coder's record, with negated events, repeats, places and missing actors.
#[test]
fn event_records_come_back_from_their_columns() {
    let s = seed();
    let (a, b) = meeting();
    let mut store = Store::open_in_memory().unwrap();
    write(&mut store, &[&s, &a, &b], "v1");
    let wanted: HashMap<(String, i64), serde_json::Value> = [&s, &a, &b]
        .iter()
        .flat_map(|c| &c.events)
        .map(|e| {
            (
                (e.article_id.clone(), e.sentence as i64),
                serde_json::to_value(e).unwrap(),
            )
        })
        .collect();
    let all = Filter {
        with_negated: true,
        ..Filter::default()
    };
    let reports = query::mentions(store.conn(), &all).unwrap();
    let mut seen = 0;
    for m in reports.iter().filter(|m| m.repeat == 0) {
        let got: serde_json::Value =
            serde_json::from_str(m.event_json.as_deref().expect("a coded report's record"))
                .unwrap();
        let key = (m.article_id.clone(), m.sentence);
        // two events of one sentence: the record is one of them
        let same = [&s, &a, &b]
            .iter()
            .flat_map(|c| &c.events)
            .filter(|e| (e.article_id.clone(), e.sentence as i64) == key)
            .any(|e| serde_json::to_value(e).unwrap() == got);
        assert!(same, "{got} is not the coder's {:?}", wanted.get(&key));
        seen += 1;
    }
    assert!(seen >= 10, "{seen}");
    let (whole, rest): (i64, i64) = store
        .conn()
        .query_row(
            "SELECT COUNT(event_json), COUNT(event_rest) FROM mentions",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((whole, rest), (0, seen), "every record kept as its rest");
    // a record kept whole (a database written before) reads back as it is
    store
        .conn()
        .execute_batch(
            "UPDATE mentions SET event_json = '{\"kept\":\"whole\"}', event_rest = NULL
             WHERE id = (SELECT MIN(id) FROM mentions WHERE repeat = 0)",
        )
        .unwrap();
    let reports = query::mentions(store.conn(), &all).unwrap();
    assert!(reports
        .iter()
        .any(|m| m.event_json.as_deref() == Some("{\"kept\":\"whole\"}")));
}

/// A page of events in date order is the head of the whole list, whether it is read along the
/// date index (a small page of common events) or through the filter's own indexes (a page too
/// large for the walk), for actors, codes, roots, countries and evidence words; and the
/// count of each filter is the length of its list.
#[test]
fn pages_in_date_order_are_the_head_of_the_list() {
    use dyad_store::explore::events_page;
    let store = seed_store();
    let c = store.conn();
    // each filter as the API's fields
    let filters = [
        vec![],
        vec![("actor", "FRA")],
        vec![("text", "met")],
        vec![("text", "Macron Xi"), ("actor", "CHN")],
        vec![("text", "zzzq")],
        vec![("code", "04"), ("root", "04"), ("with_negated", "true")],
        vec![("country", "CHN"), ("text", "of")],
        vec![("country", "CHN")],
        vec![("source", "FRA"), ("from", "2025-12-01")],
        vec![("target", "CHN"), ("quad", "1")],
    ]
    .map(|fields| dyad_store::filter::parse_filter(fields).unwrap());
    for f in filters {
        let whole = query::events(c, &f).unwrap();
        // counted from a rollup where one keeps the filter's fields, the same number
        assert_eq!(query::count(c, &f).unwrap(), whole.len() as i64, "{f:?}");
        let ids = |v: &[query::EventRow]| v.iter().map(|e| e.id).collect::<Vec<_>>();
        // 2: walked along the date index; 1,000,000: too many to walk, read by the filter
        for n in [2, 1_000_000] {
            let head: Vec<i64> = ids(&whole).into_iter().take(n).collect();
            let limited = Filter {
                limit: Some(n),
                ..f.clone()
            };
            assert_eq!(ids(&query::events(c, &limited).unwrap()), head, "{f:?} {n}");
            assert_eq!(
                ids(&events_page(c, &f, None, n).unwrap()),
                head,
                "{f:?} {n}"
            );
        }
    }
}

/// An act coded with no target (a missile test, 150) is stored, found and exported with an
/// empty target, and is no edge of the network.
#[test]
fn an_act_with_no_target_is_stored_but_is_no_edge_of_the_network() {
    use dyad_store::explore::{self, Level};
    let a = article(
        "t1",
        "wire",
        "2024-05-06",
        "SEOUL (Reuters) - North Korea fired a ballistic missile into the sea on Monday. \
         Japan condemned the launch.",
    );
    assert!(
        a.events
            .iter()
            .any(|e| e.code == "150" && e.target.is_none()),
        "{:?}",
        a.events
    );
    let mut store = Store::open_in_memory().unwrap();
    write(&mut store, &[&a], "v1");
    let c = store.conn();
    let rows = query::events(c, &Filter::default()).unwrap();
    assert!(
        rows.iter().any(|r| r.code == "150" && r.target.is_empty()),
        "{rows:?}"
    );
    for level in [Level::Actor, Level::Country] {
        let n = explore::network(c, &Filter::default(), level, 10).unwrap();
        let json = serde_json::to_value(&n).unwrap();
        let nodes: Vec<&str> = json["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_str().unwrap())
            .collect();
        assert!(!nodes.contains(&""), "{json}");
        assert_eq!(json["edges"].as_array().unwrap().len(), 1, "{json}");
    }
    // nor an actor or a dyad of the statistics, from the rollups or from the events
    let stats = serde_json::to_value(explore::stats(c).unwrap()).unwrap();
    let keys = |list: &str| -> Vec<String> {
        stats[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["key"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(keys("top_dyads"), ["JPN→PRK"], "{stats}");
    assert!(!keys("top_actors").contains(&String::new()), "{stats}");
}
