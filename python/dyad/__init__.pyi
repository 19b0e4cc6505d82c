"""Type stubs of the dyad package (see dyad/__init__.py for the documentation)."""

import datetime
import os
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Union

import pyarrow
from typing_extensions import TypedDict, Unpack

__version__: str
BATCH: int

#: An event (or, with quotes=True, a quotation record) as `dyad code` writes it.
Event = Dict[str, Any]
#: A record: `text` and optional `id`, `date`, `url`, `title`, `source`.
Record = Dict[str, Any]
_Path = Union[str, os.PathLike[str]]
_Date = Union[str, datetime.date]
_Value = Union[str, int, float, bool, datetime.date]

class _CodeOptions(TypedDict, total=False):
    """`code`'s keywords (the function's and the method's): the record's fields, and quotes
    (default False)."""

    id: Union[None, str, int]
    date: Optional[_Date]
    url: Optional[str]
    title: Optional[str]
    source: Optional[str]
    quotes: bool

class _ManyOptions(TypedDict, total=False):
    """`code_many`'s keywords: threads (default: all cores), quotes (default False)."""

    threads: Optional[int]
    quotes: bool

class _Filters(TypedDict, total=False):
    """The filters of `Store.query` and `Store.export` (`dyad query`'s)."""

    actor: Union[None, str, Sequence[str]]
    source: Optional[str]
    target: Optional[str]
    dyad: Optional[str]
    code: Optional[str]
    root: Optional[str]
    quad: Optional[int]
    date_from: Optional[_Date]
    date_to: Optional[_Date]
    country: Optional[str]
    text: Optional[str]
    issue: Optional[str]
    since: Optional[str]
    tone_below: Optional[float]
    tone_above: Optional[float]
    with_negated: Optional[bool]
    limit: Optional[int]

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
    def code(self, text: str, **options: Unpack[_CodeOptions]) -> List[Event]: ...
    def code_many(
        self, records: Iterable[Record], **options: Unpack[_ManyOptions]
    ) -> Iterator[Event]: ...

def code(text: str, **options: Unpack[_CodeOptions]) -> List[Event]: ...
def code_many(records: Iterable[Record], **options: Unpack[_ManyOptions]) -> Iterator[Event]: ...
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
    def query(self, **filters: Unpack[_Filters]) -> pyarrow.Table: ...
    def export(
        self, format: str, path: _Path, *, header: bool = False, **filters: Unpack[_Filters]
    ) -> int: ...
    def counts(self) -> Dict[str, int]: ...
