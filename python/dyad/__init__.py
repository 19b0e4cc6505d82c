"""dyad: code English news into CAMEO political events, from Python.

    >>> import dyad
    >>> events = dyad.code("PARIS (AFP) - France and China signed a trade agreement on Monday.")
    >>> events[0]["code"], events[0]["source"]["code"], events[0]["target"]["code"]

Events are the dicts of ``dyad code``'s JSON Lines, the same fields and values, byte for byte:
the package codes through the same Rust crates as the command (the reader, the coder and the
JSON writer), with the GIL released and on every core. :func:`code_many` codes an iterable of
records in parallel and in input order; :class:`Store` keeps events in dyad's SQLite database and
gives them back as :class:`pyarrow.Table` (``.to_pandas()`` for a DataFrame, or hand the table to
Polars or DuckDB); :func:`events_table` makes such a table from event dicts.

Bad input raises :class:`ValueError` with the command's message (naming the record and the
field); a file that cannot be read or written raises :class:`OSError`.
"""

import datetime as _datetime
import json as _json
import os as _os
import threading as _threading
import warnings as _warnings
from concurrent.futures import ThreadPoolExecutor as _ThreadPoolExecutor

from . import _dyad
from ._table import events_table

__all__ = ["Coder", "Store", "code", "code_many", "events_table", "__version__"]
__version__ = _dyad.VERSION

#: Records coded per call of the native coder (``dyad code``'s batch).
BATCH = _dyad.BATCH

# The fields a record may have (others are passed over, as by ``dyad code``).
_RECORD_FIELDS = ("id", "text", "date", "url", "title", "source")

# Filter keywords of Store.query and Store.export -> the store's field names.
_FILTERS = {
    "actor": "actor",
    "source": "source",
    "target": "target",
    "dyad": "dyad",
    "code": "code",
    "root": "root",
    "quad": "quad",
    "date_from": "from",
    "date_to": "to",
    "country": "country",
    "text": "text",
    "issue": "issue",
    "since": "since",
    "tone_below": "tone_below",
    "tone_above": "tone_above",
    "with_negated": "with_negated",
}


def _json_default(value):
    if isinstance(value, (_datetime.date, _datetime.datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not a JSON value")


def _record_line(record):
    """A record as the JSON line ``dyad code`` would read."""
    try:
        return _json.dumps(record, ensure_ascii=False, default=_json_default)
    except (TypeError, ValueError) as e:
        raise ValueError(f"record {record!r:.80}: {e}") from None


def _warn(messages):
    for m in messages:
        _warnings.warn(m, stacklevel=3)


def _events(data):
    """The JSON Lines `data` as dicts: read as one JSON array (a line break never occurs
    inside a JSON line, which writes it as an escape), faster than line by line."""
    return _json.loads(b"[" + data.rstrip(b"\n").replace(b"\n", b",") + b"]")


class Coder:
    """A coder holding loaded dictionaries: the bundled set, or your own.

    ``dictionaries`` is a folder holding a verb dictionary and actor, agent and discard files
    (found by name, as ``dyad code --dictionaries DIR``); ``verbs``, ``actors`` (one path or a
    list), ``agents``, ``discards`` and ``event_nouns`` each replace one part of the base set,
    as the command's flags do (``verbs`` replaces the event nouns too, unless ``event_nouns``
    is given). ``max_sentence_tokens`` cuts longer sentences (``--max-sentence-tokens``) and
    ``max_article_bytes`` longer articles (``--max-article-bytes``; 0: no limit), each with a
    warning. Loading takes a second or so; keep the coder and code many texts with it. It can
    be used from several threads at once.

    Raises OSError for a dictionary file that cannot be read, ValueError for one that cannot
    be parsed.
    """

    def __init__(self, dictionaries=None, verbs=None, actors=None, agents=None,
                 discards=None, *, event_nouns=None, max_sentence_tokens=None,
                 max_article_bytes=None):
        if isinstance(actors, (str, bytes, _os.PathLike)):
            actors = [actors]
        self._native = _dyad.NativeCoder(
            dictionaries=dictionaries, verbs=verbs,
            actors=list(actors) if actors is not None else None,
            agents=agents, discards=discards, max_sentence_tokens=max_sentence_tokens,
            event_nouns=event_nouns)
        self._max_article_bytes = max_article_bytes

    @property
    def version(self):
        """The dictionary version (16 hex digits) the store records with each article."""
        return self._native.version

    def _code_lines(self, lines, first, file, quotes, threads):
        kwargs = {}
        if self._max_article_bytes is not None:
            kwargs["max_article_bytes"] = self._max_article_bytes
        data, warned = self._native.code_lines(lines, first, file, quotes, threads, **kwargs)
        return data, warned

    def code(self, text, *, id=None, date=None, url=None, title=None, source=None,
             quotes=False):
        """Code one article: a list of event dicts, as ``dyad code`` writes them.

        ``text`` may open with a dateline (``BEIJING, Dec. 4 (Xinhua) --``,
        ``date 2025-12-04 PARIS:``), as in files; ``date`` (``YYYY-MM-DD`` or a
        :class:`datetime.date`) wins over the dateline's. Without an ``id`` the events'
        ``article_id`` is ``text#1``. With ``quotes=True`` the article's quotations follow
        its events as ``{"record": "quote", ...}`` dicts.

        Raises ValueError for a text that is blank or not a string.
        """
        record = {"id": id, "text": text, "date": date, "url": url, "title": title,
                  "source": source}
        line = _record_line({k: v for k, v in record.items() if v is not None})
        data, warned = self._code_lines([line], 1, "text", quotes, None)
        _warn(warned)
        return _events(data)

    def code_many(self, records, *, threads=None, quotes=False):
        """Code an iterable of records: an iterator of event dicts, in input order.

        Each record is a dict with ``text`` and, optionally, ``id`` (a string or number),
        ``date`` (``YYYY-MM-DD``, an ISO date-time or a :class:`datetime.date`; ``published``
        is read too), ``url``, ``title`` and ``source``: the fields of ``dyad code``'s JSON
        Lines, read by the same reader. The events are byte for byte those ``dyad code``
        writes for a JSON Lines file of these records (a record without an id is
        ``records#N``, N counting from 1). Records are coded in batches of :data:`BATCH` on
        ``threads`` threads (default: every core) with the GIL released, the next batch
        while the caller reads the last one's events. ``quotes=True`` adds the quotation
        records after each article's events.

        Raises ValueError, when the iteration reaches it, for a record ``dyad code`` would
        skip (naming it: ``records:3: field "text": missing``).
        """
        if threads is not None and (not isinstance(threads, int) or threads < 1):
            raise ValueError(f"threads: must be a whole number of at least 1, not {threads!r}")
        return self._code_many(iter(records), threads, quotes)

    def _code_many(self, records, threads, quotes):
        def batches():
            first, lines = 1, []
            for record in records:
                lines.append(_record_line(record))
                if len(lines) == BATCH:
                    yield first, lines
                    first, lines = first + len(lines), []
            if lines:
                yield first, lines

        # one batch coded ahead: the native call releases the GIL, so coding the next batch
        # and turning this one's JSON into dicts run at the same time
        with _ThreadPoolExecutor(max_workers=1) as ahead:
            pending = None
            for first, lines in batches():
                job = ahead.submit(self._code_lines, lines, first, "records", quotes, threads)
                if pending is not None:
                    yield from self._take(pending)
                pending = job
            if pending is not None:
                yield from self._take(pending)

    @staticmethod
    def _take(job):
        data, warned = job.result()
        _warn(warned)
        return _events(data)


_default = None
_default_lock = _threading.Lock()


def _default_coder():
    global _default
    with _default_lock:
        if _default is None:
            _default = Coder()
        return _default


def code(text, *, id=None, date=None, url=None, title=None, source=None, quotes=False):
    """Code one article with the bundled dictionaries; see :meth:`Coder.code`."""
    return _default_coder().code(text, id=id, date=date, url=url, title=title, source=source,
                                 quotes=quotes)


def code_many(records, *, threads=None, quotes=False):
    """Code records with the bundled dictionaries; see :meth:`Coder.code_many`."""
    return _default_coder().code_many(records, threads=threads, quotes=quotes)


def _filter_values(filters):
    """Keyword filters -> (store field, text value) pairs, and the limit."""
    pairs, limit = [], None
    for name, value in filters.items():
        if value is None:
            continue
        if name == "limit":
            limit = str(value)
            continue
        if name not in _FILTERS:
            raise TypeError(f"{name!r} is not a filter (filters: {', '.join(_FILTERS)}, limit)")
        values = value if name == "actor" and isinstance(value, (list, tuple)) else [value]
        for v in values:
            if isinstance(v, bool):
                v = "true" if v else "false"
            elif isinstance(v, (_datetime.date, _datetime.datetime)):
                v = v.isoformat()[:10]
            pairs.append((_FILTERS[name], str(v)))
    return pairs, limit


def _is_path(x):
    return isinstance(x, (str, bytes, _os.PathLike))


class Store:
    """dyad's event database (SQLite), as ``dyad ingest``, ``query`` and ``export`` use it.

    ``Store(path)`` opens the database file, creating it if missing. Several threads may use
    one store; their calls take turns. Raises OSError when the file cannot be opened and
    ValueError when it is not a dyad database.
    """

    def __init__(self, path):
        self.path = _os.fspath(path)
        self._native = _dyad.NativeStore(self.path)

    def ingest(self, records_or_paths, *, coder=None, strict=False, batch=256):
        """Code articles and store their events, as ``dyad ingest`` does.

        ``records_or_paths`` is a path (a file or a folder, read recursively, in any format
        ``dyad`` reads), a list of paths, or an iterable of record dicts (as for
        :func:`code_many`). An article stored before with the same content and dictionaries
        is not coded again; one whose text changed replaces its events. ``coder`` (a
        :class:`Coder`) codes with other dictionaries. Returns the run's totals: ``added``,
        ``replaced``, ``unchanged``, ``skipped``, ``inputs_failed`` and ``warnings``.

        Paths: a record that cannot be read is skipped with a warning, as by the command
        (``strict=True`` raises ValueError instead), and a path that cannot be read raises
        OSError once the others are stored. Records: a record the command would skip (a bad
        field, an id given twice) raises ValueError naming it (``records:3: …``, counting
        from 1), once the other records are stored.
        """
        native = (coder or _default_coder())._native
        if _is_path(records_or_paths):
            records_or_paths = [records_or_paths]
        items = list(records_or_paths)
        if items and all(_is_path(p) for p in items):
            paths = [_os.fsdecode(p) for p in items]
            summary = self._native.ingest_paths(native, paths, strict, batch)
            failed = [w for w in summary["warnings"] if w.endswith("; skipped") and
                      "cannot be read (" in w]
            _warn([w for w in summary["warnings"] if w not in failed])
            if summary["inputs_failed"]:
                raise OSError("; ".join(failed) or "an input could not be read")
            return summary
        if any(_is_path(p) for p in items):
            raise TypeError("give paths or record dicts, not both")
        lines = [_record_line(r) for r in items]
        summary = self._native.ingest_records(native, lines, "records", batch)
        if summary["skipped"]:
            raise ValueError("\n".join(summary["warnings"]))
        _warn(summary["warnings"])
        return summary

    def query(self, **filters):
        """The events the filters select, as a :class:`pyarrow.Table`.

        The filters are ``dyad query``'s: ``actor`` (a code or prefix on either side, or a
        list of them), ``source``, ``target``, ``dyad`` (``"FRA:CHN"``), ``code``, ``root``,
        ``quad`` (1–4), ``date_from``, ``date_to`` (``YYYY-MM-DD`` or dates), ``country``
        (ISO alpha-3 of the place), ``text`` (words of the evidence), ``issue``, ``since``,
        ``tone_below``, ``tone_above``, ``with_negated`` (negated events are left out
        unless true) and ``limit``. The columns are those of ``dyad export --format
        parquet`` (``global_event_id``, ``date`` as a date, ``source``, ``target``, ``code``,
        ``root``, ``quad_class``, ``goldstein``, …, ``tone``, ``issues``), handed over through
        the Arrow C data interface without copying. ``.to_pandas()`` makes a DataFrame.

        Raises ValueError for a bad filter value, naming the keyword.
        """
        import pyarrow as pa

        pairs, limit = _filter_values(filters)
        batch = self._native.query(pairs, limit)
        return pa.Table.from_batches([batch])

    def export(self, format, path, *, header=False, **filters):
        """Write the events the filters select to ``path``, as ``dyad export --format``
        ``format`` does: ``gdelt``, ``mentions``, ``jsonl``, ``csv``, ``parquet`` or
        ``plover``; ``header`` starts GDELT and mentions files with column names. The filters
        are :meth:`query`'s. Returns the number of records written.
        """
        pairs, limit = _filter_values(filters)
        return self._native.export(format, _os.fspath(path), pairs, limit, header)

    def counts(self):
        """The numbers of ``articles``, ``events``, ``mentions`` and ``quotes`` stored."""
        return self._native.counts()

    def __repr__(self):
        return f"dyad.Store({self.path!r})"
