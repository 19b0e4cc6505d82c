//! The event database: coded articles stored in SQLite, reports of one event merged, and the
//! events queried and exported.
//!
//! dyad-store owns everything after coding. It takes a [`Document`](dyad_model::Document) with
//! the [`Event`](dyad_model::Event)s and [`QuoteRecord`](dyad_model::QuoteRecord)s the
//! coder found in it and keeps them in four tables (see [`schema`]): articles, events, event
//! mentions (one row per article reporting an event, shaped like GDELT's Mentions table) and
//! quotes. It never codes anything itself and knows nothing of the command line.
//!
//! * [`ingest`]: writing a batch of coded articles in one transaction; an article whose
//!   content hash is stored already changes nothing, a changed one replaces its own mentions.
//! * [`bulk`]: the same ingest for loading many articles at once: the indexes readers use
//!   made at the end, a large cache, no wait for the disk at each commit; `beside`: its
//!   evidence index made on a thread of its own during the batches, copied at the end;
//!   `prepared`: what a batch stores of an article that needs no database (its hash, its
//!   events' keys and records), made on a thread of its own ahead of the writer.
//! * [`counted`]: which rollup (or the events) a count of a filter reads, and a total given as
//!   "at least N" where counting exactly would read most of the store.
//! * [`merge`]: which reports are the same event (the merge key, its stable id) and the event
//!   counts GDELT defines (NumMentions, NumSources, NumArticles).
//! * [`filter`]: the event filter parsed from named values and checked, one set of rules and
//!   messages for the command line and the API.
//! * `moves`: a batch's changes to the rollups, summed per row and written once each.
//! * [`rollup`]: counts per day and code, per actor, dyad, country and issue, actor names and
//!   table rows, kept by each batch in its transaction, for the summary and series readers.
//! * [`record`]: what is an article (an id and text that are not blank).
//! * [`query`]: filters over events and per-dyad aggregations by day, week or month; `sides`:
//!   an actor's rows of a rollup per dyad read as two disjoint ranges (as source, then as
//!   target and not as source).
//! * [`explore`]: what a browser of the database asks for: pages of events after a cursor, one
//!   event with all its reports, an article with every coded span, actors by name or code,
//!   time series, the actor network, places and summary statistics (read-only, used by
//!   `dyad serve`).
//! * [`timeline`]: a series on a continuous axis (zero periods filled in, the period fitted
//!   to the span, undated events counted apart).
//! * [`names`]: names given where codes are expected (`Macron`, `China`) resolved to actor
//!   codes through the dictionaries (a [`names::ActorNames`] the caller hands in) and to
//!   country codes through the country table.
//! * [`summary`]: the summary statistics (`/api/stats`), from the rollups where they are kept.
//! * [`export`]: GDELT 2.0 events (61 columns) and mentions (16 columns), JSON Lines, CSV,
//!   Parquet and PLOVER records.
//! * [`updates`]: GDELT's 15-minute update files (events and mentions first stored in an
//!   interval, zipped, listed in `lastupdate.txt`), each event and report published once.
//! * [`actor`] splits a CAMEO actor code into GDELT's country / group / ethnic / religion / type
//!   fields; [`fips`] maps ISO 3166 country codes to the FIPS 10-4 codes of GDELT's geo fields.

#![forbid(unsafe_code)]

pub mod actor;
pub mod aggregate;
mod beside;
pub mod bulk;
mod compensated;
pub mod counted;
pub mod error;
mod event_record;
pub mod explore;
pub mod export;
pub mod fill;
pub mod filter;
pub mod fips;
pub mod hash;
pub mod ingest;
pub mod merge;
mod moves;
pub mod names;
pub mod page;
mod prepared;
pub mod query;
pub mod record;
pub mod rollup;
pub mod schema;
mod sides;
pub mod summary;
pub mod timeline;
mod transaction;
pub mod updates;

pub use aggregate::Aggregate;
pub use bulk::BulkLoad;
pub use error::StoreError;
pub use filter::{parse_filter, FieldError, Filter, Period};
pub use ingest::{content_hash, ArticleInput, BatchSummary, Store};
pub use query::{EventRow, Tally};

/// The result of store operations.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
