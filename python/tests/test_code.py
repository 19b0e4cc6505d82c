"""dyad.code, dyad.code_many and dyad.Coder: the events `dyad code` writes, byte for byte."""

import datetime
import json
import os
import threading

import pytest

import dyad
from conftest import ABC, CORPUS, SEED, line


def test_the_seed_article_gives_the_seed_events(seed_text, cli):
    events = dyad.code(seed_text, id="seed-2025-12-04-beijing.txt")
    assert [line(e) for e in events] == cli("code", SEED)
    first = events[0]
    assert (first["source"]["code"], first["target"]["code"], first["code"]) == ("CHN", "FRA", "030")
    assert first["date"] == "2025-12-04"
    assert first["place"]["name"] == "Beijing"


def test_an_article_without_id_is_named_and_the_record_date_wins(seed_text):
    events = dyad.code(seed_text)
    assert {e["article_id"] for e in events} == {"text#1"}
    later = dyad.code(seed_text, id=7, date=datetime.date(2026, 1, 2))
    assert {e["article_id"] for e in later} == {"7"}
    assert "2026-01-02" in {e["date"] for e in later}


def test_code_many_equals_the_cli_on_the_sample_corpus(abc_records, cli):
    want = cli("code", ABC)
    assert len(want) > 500
    got = [line(e) for e in dyad.code_many(abc_records)]
    assert got == want


def test_code_many_with_quotes_and_one_thread_equals_the_cli(abc_records, cli):
    want = cli("code", "--quotes", ABC)
    assert any('"record":"quote"' in l for l in want)
    got = [line(e) for e in dyad.code_many(iter(abc_records), threads=1, quotes=True)]
    assert got == want


def test_code_many_is_lazy_and_in_input_order(abc_records):
    # a generator is read batch by batch; records without ids are named by their place
    records = ({"text": r["text"]} for r in abc_records * 2)
    ids = []
    for e in dyad.code_many(records, threads=2):
        if not ids or ids[-1] != e["article_id"]:
            ids.append(e["article_id"])
    numbers = [int(i.split("#")[1]) for i in ids]
    assert numbers == sorted(numbers) and numbers[-1] > len(abc_records)
    assert all(i.startswith("records#") for i in ids)


def test_custom_dictionaries_code_as_the_cli_flags_do(seed_text, cli):
    verbs = os.path.join(CORPUS, "..", "dictionaries", "CAMEO.2.0.txt")
    coder = dyad.Coder(verbs=verbs)
    assert coder.version != dyad.Coder().version
    events = coder.code(seed_text, id="seed-2025-12-04-beijing.txt")
    assert [line(e) for e in events] == cli("code", "--verbs", verbs, SEED)


def test_bad_input_raises_with_the_cli_messages(tmp_path):
    with pytest.raises(ValueError, match=r'records:2: field "text": missing'):
        list(dyad.code_many([{"id": "a", "text": "France met China."}, {"id": "b"}]))
    with pytest.raises(ValueError, match=r'records:1: field "date": expected YYYY-MM-DD'):
        list(dyad.code_many([{"id": "a", "text": "France met China.", "date": "May 5"}]))
    with pytest.raises(ValueError, match=r"expected a JSON object"):
        list(dyad.code_many(["France met China."]))
    with pytest.raises(ValueError, match=r"text"):
        dyad.code("   ")
    with pytest.raises(ValueError, match=r"text"):
        dyad.code(42)
    with pytest.raises(ValueError, match=r"threads"):
        dyad.code_many([], threads=0)
    with pytest.raises(OSError, match=r"no-such-verbs"):
        dyad.Coder(verbs=tmp_path / "no-such-verbs.txt")
    with pytest.raises(ValueError):
        dyad.code_many([{"text": "France met China.", "date": object()}]).__next__()


def test_several_threads_code_at_once(abc_records):
    coder = dyad.Coder()
    want = [line(e) for e in coder.code_many(abc_records)]
    texts = abc_records[:40]
    one_by_one = [[line(e) for e in coder.code(r["text"], id=r["id"])] for r in texts]
    results, errors = {}, []

    def work(k):
        try:
            if k % 2:
                results[k] = [line(e) for e in coder.code_many(abc_records, threads=2)]
            else:
                results[k] = [[line(e) for e in dyad.code(r["text"], id=r["id"])] for r in texts]
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for k, got in results.items():
        assert got == (want if k % 2 else one_by_one), f"thread {k}"
    assert len(results) == 6


def test_events_table_has_a_row_per_event(abc_records):
    events = list(dyad.code_many(abc_records[:50], quotes=True))
    table = dyad.events_table(events)
    kept = [e for e in events if e.get("record") != "quote"]
    assert table.num_rows == len(kept) > 0
    assert table.column("code").to_pylist() == [e["code"] for e in kept]
    assert str(table.schema.field("date").type) == "date32[day]"
    df = table.to_pandas()
    assert set(df["root"]) <= {f"{i:02d}" for i in range(1, 21)}
    with pytest.raises(ValueError, match="not an event"):
        dyad.events_table([{"code": "040"}])
