"""dyad.Store: ingest as `dyad ingest`, query into pyarrow and pandas, export as `dyad export`."""

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import dyad
from conftest import ABC, SEED


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "events.db"
    store = dyad.Store(path)
    summary = store.ingest([SEED, ABC])
    assert summary["added"] == 350 and summary["skipped"] == 0
    return store


def test_query_gives_an_arrow_table_and_a_dataframe(stored, cli):
    table = stored.query()
    assert isinstance(table, pa.Table)
    assert table.num_rows == stored.counts()["events"] - _negated(stored)
    df = table.to_pandas()
    assert len(df) == table.num_rows > 300
    assert {"source", "target", "code", "root", "goldstein", "date", "tone"} <= set(df.columns)
    # the same events, in the same order, as `dyad export --format jsonl` over the same file
    exported = [json.loads(l) for l in cli("export", "--format", "jsonl", "--db", stored.path)]
    assert list(df["global_event_id"]) == [e["id"] for e in exported]
    assert list(df["code"]) == [e["code"] for e in exported]


def _negated(store):
    return store.query(with_negated=True).num_rows - store.query().num_rows


def test_filters_are_those_of_dyad_query(stored, cli):
    t = stored.query(actor="CHN", root="03", date_from="2025-12-01", limit=50)
    rows = t.to_pylist()
    assert rows and all(r["root"] == "03" for r in rows)
    assert all("CHN" in (r["source"][:3], r["target"][:3]) for r in rows)
    want = cli("query", "--db", stored.path, "--json", "--actor", "CHN", "--root", "03",
               "--from", "2025-12-01", "--limit", "50")
    assert len(rows) == len(want)
    assert stored.query(limit=5).num_rows == 5
    assert stored.query(actor=["AUS", "GOV"]).num_rows <= stored.query(actor="AUS").num_rows
    assert stored.query(with_negated=True).num_rows >= stored.query().num_rows


def test_export_writes_the_formats_of_dyad_export(stored, tmp_path):
    out = tmp_path / "events.parquet"
    n = stored.export("parquet", out, root="04")
    assert n == pq.read_table(out).num_rows == stored.query(root="04").num_rows
    assert pq.read_table(out).to_pylist() == stored.query(root="04").to_pylist()
    gdelt = tmp_path / "events.csv"
    assert stored.export("gdelt", gdelt, header=True) > 0
    assert len(gdelt.read_text().splitlines()[0].split("\t")) == 61


def test_ingest_again_changes_nothing_and_records_go_in_too(tmp_path, abc_records):
    store = dyad.Store(tmp_path / "r.db")
    first = store.ingest(abc_records[:30])
    assert first["added"] == 30
    again = store.ingest(abc_records[:40])
    assert (again["added"], again["unchanged"]) == (10, 30)
    by_path = dyad.Store(tmp_path / "p.db")
    by_path.ingest(ABC)
    assert store.query(limit=1).schema == by_path.query(limit=1).schema


def test_bad_filters_files_and_records_raise(stored, tmp_path):
    with pytest.raises(ValueError, match=r"^date_from: .*not a date"):
        stored.query(date_from="2025-13-40")
    with pytest.raises(ValueError, match=r"^quad: "):
        stored.query(quad=9)
    with pytest.raises(ValueError, match=r"^limit: "):
        stored.query(limit=0)
    with pytest.raises(TypeError, match=r"'colour' is not a filter"):
        stored.query(colour="red")
    with pytest.raises(ValueError, match=r"not a format"):
        stored.export("xls", tmp_path / "x.xls")
    with pytest.raises(OSError, match=r"cannot create"):
        stored.export("csv", tmp_path / "no" / "such" / "dir.csv")
    with pytest.raises(OSError):
        dyad.Store(tmp_path / "no" / "such" / "dir" / "x.db")
    not_a_db = tmp_path / "text.db"
    not_a_db.write_text("this is not a database\n" * 100)
    with pytest.raises((ValueError, OSError), match=r"text.db"):
        dyad.Store(not_a_db)
    store = dyad.Store(tmp_path / "bad.db")
    with pytest.raises(ValueError, match=r'records:2: field "text": missing'):
        store.ingest([{"id": "a", "text": "France met China."}, {"id": "b"}])
    assert store.counts()["articles"] == 1  # the good record is stored
    with pytest.raises(ValueError, match=r'records:2: article id "c" was already read'):
        store.ingest([{"id": "c", "text": "France met China."},
                      {"id": "c", "text": "Iran met Iraq."}])
    with pytest.raises(OSError, match=r"missing.jsonl"):
        store.ingest([ABC, tmp_path / "missing.jsonl"])
