"""Event dicts as a pyarrow Table: one row per event, its main fields as typed columns."""

import datetime as _datetime


def _schema():
    import pyarrow as pa

    return pa.schema([
        ("article_id", pa.string()),
        ("sentence", pa.int64()),
        ("date", pa.date32()),
        ("source", pa.string()),
        ("source_text", pa.string()),
        ("target", pa.string()),
        ("target_text", pa.string()),
        ("code", pa.string()),
        ("root", pa.string()),
        ("quad_class", pa.int32()),
        ("goldstein", pa.float64()),
        ("plover", pa.string()),
        ("negated", pa.bool_()),
        ("negation_code", pa.string()),
        ("modality", pa.string()),
        ("evidence", pa.string()),
        ("verb", pa.string()),
        ("rule", pa.string()),
        ("mentions", pa.int64()),
        ("place_name", pa.string()),
        ("place_country", pa.string()),
        ("place_geonameid", pa.int64()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
    ])


def _date(text):
    return _datetime.date.fromisoformat(text) if text else None


def events_table(events):
    """A :class:`pyarrow.Table` of event dicts (as :func:`dyad.code` and
    :func:`dyad.code_many` give them), one row per event.

    Codes stay strings (``"040"`` keeps its zero); ``date`` is a date, ``source``/``target``
    the actor codes with their words in ``source_text``/``target_text``, ``evidence`` and
    ``verb`` the spans' text, and the place flattened to ``place_name``, ``place_country``,
    ``place_geonameid``, ``lat`` and ``lon``. Quotation records are left out. Raises
    ValueError for a dict that is not an event.
    """
    import pyarrow as pa

    columns = {name: [] for name in _schema().names}
    for e in events:
        if not isinstance(e, dict):
            raise ValueError(f"expected an event dict, got {type(e).__name__}")
        if e.get("record") == "quote":
            continue
        try:
            source, target = e.get("source") or {}, e.get("target") or {}
            place = e.get("place") or {}
            row = (
                e["article_id"], e["sentence"], _date(e.get("date")),
                source.get("code"), source.get("text"), target.get("code"), target.get("text"),
                e["code"], e["root"], e["quad_class"], e["goldstein"], e.get("plover"),
                e["negated"], e.get("negation_code"), e["modality"],
                (e.get("evidence") or {}).get("text"), (e.get("verb") or {}).get("text"),
                e.get("rule"), e.get("mentions"),
                place.get("name"), place.get("country"), place.get("geonameid"),
                place.get("lat"), place.get("lon"),
            )
        except KeyError as k:
            raise ValueError(f"not an event: field {k} missing") from None
        except ValueError as err:
            raise ValueError(f"event of {e.get('article_id')!r}: {err}") from None
        for name, value in zip(columns, row):
            columns[name].append(value)
    return pa.table(columns, schema=_schema())
