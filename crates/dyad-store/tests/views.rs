//! What an analyst's views ask of the store: totals, orders and their cursors, a continuous
//! time axis, undated events kept apart in every export, and names resolved to codes.

use std::sync::OnceLock;

use chrono::NaiveDate;
use dyad_coder::Coder;
use dyad_dict::bundled::Dictionaries;
use dyad_store::explore::{events_page, Cursor};
use dyad_store::export::{self, ExportOptions, Format, Undated};
use dyad_store::names::{self, ActorNames};
use dyad_store::query::{self, Filter, Sort, SortKey};
use dyad_store::timeline::timeline;
use dyad_store::{parse_filter, ArticleInput, Period, Store};
use dyad_text::{Document, Origin};

fn coder() -> &'static Coder {
    static CODER: OnceLock<Coder> = OnceLock::new();
    CODER.get_or_init(|| Coder::new(Dictionaries::bundled().expect("bundled dictionaries")))
}

/// Articles on two dates months apart, and one with no date.
fn store() -> Store {
    let texts = [
        ("a1", Some("2017-05-03"), "French President Emmanuel Macron met with Chinese President Xi Jinping in Beijing. Macron praised China."),
        ("a2", Some("2017-11-20"), "Chinese President Xi Jinping criticized France. French troops attacked rebels in Mali."),
        ("u1", None, "Israeli Prime Minister Ariel Sharon met with Palestinian leader Yasser Arafat."),
    ];
    let coded: Vec<(Document, Vec<dyad_model::Event>)> = texts
        .iter()
        .map(|(id, date, text)| {
            let doc = Document::new(
                *id,
                *text,
                date.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
                Origin {
                    file: format!("{id}.txt"),
                    line: 1,
                },
            );
            let events = coder().code_document(&doc);
            (doc, events)
        })
        .collect();
    let inputs: Vec<ArticleInput> = coded
        .iter()
        .map(|(doc, events)| ArticleInput {
            doc,
            events,
            quotes: &[],
            dict_version: "test",
            tone: None,
            issues: None,
        })
        .collect();
    let mut store = Store::open_in_memory().expect("store");
    store.write_batch(&inputs, "20251205120000").expect("write");
    store
}

fn export_text(store: &Store, format: Format, undated: Undated) -> String {
    let mut out: Vec<u8> = Vec::new();
    let opts = ExportOptions {
        header: false,
        undated,
    };
    export::export(store.conn(), &Filter::default(), format, &opts, &mut out).expect("export");
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn undated_events_are_left_out_of_gdelt_unless_asked_and_empty_elsewhere() {
    let store = store();
    let c = store.conn();
    let all = query::events(c, &Filter::default()).unwrap();
    let undated = all.iter().filter(|e| e.date.is_empty()).count();
    assert!(undated >= 1 && undated < all.len(), "{all:#?}");
    let f = Filter::default();
    let leave = ExportOptions::default();
    assert_eq!(
        export::left_out(c, &f, Format::Gdelt, &leave).unwrap(),
        undated as i64
    );
    assert_eq!(export::left_out(c, &f, Format::Csv, &leave).unwrap(), 0);
    let gdelt = export_text(&store, Format::Gdelt, Undated::LeaveOut);
    assert_eq!(gdelt.lines().count(), all.len() - undated);
    assert!(gdelt
        .lines()
        .all(|l| l.split('\t').nth(1) != Some("20251205")));
    let mentions = export_text(&store, Format::Mentions, Undated::LeaveOut);
    let dated_ids: Vec<String> = all
        .iter()
        .filter(|e| !e.date.is_empty())
        .map(|e| e.id.to_string())
        .collect();
    assert!(mentions
        .lines()
        .all(|l| dated_ids.contains(&l.split('\t').next().unwrap().to_string())));
    // asked: the undated take the day they were added
    let dated = export_text(&store, Format::Gdelt, Undated::DateAdded);
    assert_eq!(dated.lines().count(), all.len());
    assert_eq!(
        dated
            .lines()
            .filter(|l| l.split('\t').nth(1) == Some("20251205"))
            .count(),
        undated
    );
    // the other formats keep them, with no date
    let csv = export_text(&store, Format::Csv, Undated::LeaveOut);
    assert_eq!(csv.lines().count(), all.len() + 1);
    assert_eq!(
        csv.lines()
            .filter(|l| l.split(',').nth(1) == Some(""))
            .count(),
        undated
    );
    let jsonl = export_text(&store, Format::Jsonl, Undated::LeaveOut);
    assert_eq!(
        jsonl
            .lines()
            .filter(|l| l.contains("\"date\":\"\""))
            .count(),
        undated
    );
    let plover = export_text(&store, Format::Plover, Undated::LeaveOut);
    assert_eq!(
        plover
            .lines()
            .filter(|l| l.contains("\"date\":null"))
            .count(),
        undated
    );
}

#[test]
fn totals_orders_and_cursors() {
    let store = store();
    let c = store.conn();
    let all = query::events(c, &Filter::default()).unwrap();
    assert_eq!(
        query::count(c, &Filter::default()).unwrap(),
        all.len() as i64
    );
    for name in ["-date", "goldstein", "-goldstein", "reports", "-reports"] {
        let sort = dyad_store::filter::sort("sort", name).unwrap();
        let f = Filter {
            sort,
            ..Filter::default()
        };
        let whole = query::events(c, &f).unwrap();
        // two events a page, following the cursor, give the same list
        let mut paged = Vec::new();
        let mut after: Option<Cursor> = None;
        loop {
            let page = events_page(c, &f, after.as_ref(), 2).unwrap();
            let Some(last) = page.last() else { break };
            let cursor = Cursor::decode(&Cursor::after(last, sort).encode(), sort).unwrap();
            after = Some(cursor);
            paged.extend(page);
        }
        let ids = |v: &[query::EventRow]| v.iter().map(|e| e.id).collect::<Vec<_>>();
        assert_eq!(ids(&paged), ids(&whole), "{name}");
        let keys: Vec<f64> = whole
            .iter()
            .map(|e| match sort.key {
                SortKey::Date => 0.0,
                SortKey::Goldstein => e.goldstein,
                SortKey::Reports => e.num_mentions as f64,
            })
            .collect();
        let ordered = keys.windows(2).all(|w| {
            if sort.descending {
                w[0] >= w[1]
            } else {
                w[0] <= w[1]
            }
        });
        assert!(ordered, "{name}: {keys:?}");
    }
    let newest = Filter {
        sort: Sort {
            key: SortKey::Date,
            descending: true,
        },
        ..Filter::default()
    };
    let rows = query::events(c, &newest).unwrap();
    assert_eq!(rows[0].date, "2017-11-20");
    assert!(Cursor::decode("x~1", newest.sort).is_none());
}

#[test]
fn the_time_axis_is_continuous_and_counts_the_undated() {
    let store = store();
    let c = store.conn();
    let t = timeline(c, &Filter::default(), None, 10_000).unwrap();
    // May to November 2017 is seven months, 202 days: weeks fit it
    assert_eq!(t.by, "week");
    let t = timeline(c, &Filter::default(), Some(Period::Month), 10_000).unwrap();
    let names: Vec<&str> = t.points.iter().map(|p| p.period.as_str()).collect();
    assert_eq!(names.first(), Some(&"2017-05"));
    assert_eq!(names.last(), Some(&"2017-11"));
    assert_eq!(names.len(), 7);
    assert!(t.points[1..6].iter().all(|p| p.tally.events == 0));
    assert!(t.undated >= 1);
    let e = timeline(c, &Filter::default(), Some(Period::Day), 100).unwrap_err();
    assert!(e.to_string().contains("by"), "{e}");
    // the whole range a filter may name is allowed, however long
    let f = parse_filter([("from", "1990-01-01"), ("to", "2025-12-31")]).unwrap();
    let t = timeline(c, &f, None, 10_000).unwrap();
    assert_eq!(t.by, "month");
    assert_eq!(t.points.len(), 36 * 12);
}

/// Names read by the coder, as the command line and the server read them.
struct CoderNames;

impl ActorNames for CoderNames {
    fn codes(&self, name: &str, date: NaiveDate) -> Vec<String> {
        let reading = coder().read_name(name, Some(date));
        reading
            .phrases
            .iter()
            .flat_map(|p| p.members.iter().map(|m| m.code.clone()))
            .collect()
    }
}

#[test]
fn names_resolve_through_the_dictionaries() {
    let values = vec![
        ("actor".to_string(), "Macron".to_string()),
        ("country".to_string(), "China".to_string()),
        ("to".to_string(), "2020-06-01".to_string()),
    ];
    let (values, done) = names::resolve(values, Some(&CoderNames)).unwrap();
    assert_eq!(values[0].1, "FRAGOV", "{done:?}");
    assert_eq!(values[1].1, "CHN");
    let f = parse_filter(values.iter().map(|(a, b)| (a.as_str(), b.as_str()))).unwrap();
    assert_eq!(f.actor, ["FRAGOV"]);
    let e = names::resolve(
        vec![("actor".into(), "Zzyzx Qwerty".into())],
        Some(&CoderNames),
    )
    .unwrap_err();
    assert_eq!(e.field, "actor");
}
