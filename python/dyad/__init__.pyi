"""Type stubs of the dyad package (see dyad/__init__.py for the documentation)."""

import datetime
import os
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Union

import pyarrow

__version__: str
BATCH: int

#: An event (or, with quotes=True, a quotation record) as `dyad code` writes it.
Event = Dict[str, Any]
#: A record: `text` and optional `id`, `date`, `url`, `title`, `source`.
Record = Dict[str, Any]
_Path = Union[str, os.PathLike[str]]
_Date = Union[str, datetime.date]
_Value = Union[str, int, float, bool, datetime.date]

class Coder:
    def __init__(
        self,
        dictionaries: Optional[_Path] = None,
        verbs: Optional[_Path] = None,
        actors: Union[None, _Path, Sequence[_Path]] = None,
        agents: Optional[_Path] = None,
        discards: Optional[_Path] = None,
        *,
        event_nouns: Optional[_Path] = None,
        max_sentence_tokens: Optional[int] = None,
        max_article_bytes: Optional[int] = None,
    ) -> None: ...
    @property
    def version(self) -> str: ...
    def code(
        self,
        text: str,
        *,
        id: Union[None, str, int] = None,
        date: Optional[_Date] = None,
        url: Optional[str] = None,
        title: Optional[str] = None,
        source: Optional[str] = None,
        quotes: bool = False,
    ) -> List[Event]: ...
    def code_many(
        self, records: Iterable[Record], *, threads: Optional[int] = None, quotes: bool = False
    ) -> Iterator[Event]: ...

def code(
    text: str,
    *,
    id: Union[None, str, int] = None,
    date: Optional[_Date] = None,
    url: Optional[str] = None,
    title: Optional[str] = None,
    source: Optional[str] = None,
    quotes: bool = False,
) -> List[Event]: ...
def code_many(
    records: Iterable[Record], *, threads: Optional[int] = None, quotes: bool = False
) -> Iterator[Event]: ...
def events_table(events: Iterable[Event]) -> pyarrow.Table: ...

class Store:
    path: str
    def __init__(self, path: _Path) -> None: ...
    def ingest(
        self,
        records_or_paths: Union[_Path, Iterable[_Path], Iterable[Record]],
        *,
        coder: Optional[Coder] = None,
        strict: bool = False,
        batch: int = 256,
    ) -> Dict[str, Any]: ...
    def query(
        self,
        *,
        actor: Union[None, str, Sequence[str]] = None,
        source: Optional[str] = None,
        target: Optional[str] = None,
        dyad: Optional[str] = None,
        code: Optional[str] = None,
        root: Optional[str] = None,
        quad: Optional[int] = None,
        date_from: Optional[_Date] = None,
        date_to: Optional[_Date] = None,
        country: Optional[str] = None,
        text: Optional[str] = None,
        issue: Optional[str] = None,
        since: Optional[str] = None,
        tone_below: Optional[float] = None,
        tone_above: Optional[float] = None,
        with_negated: Optional[bool] = None,
        limit: Optional[int] = None,
    ) -> pyarrow.Table: ...
    def export(
        self, format: str, path: _Path, *, header: bool = False, **filters: Any
    ) -> int: ...
    def counts(self) -> Dict[str, int]: ...
