"""Type stubs of the native module (crates/dyad-python); use the dyad package's API."""

import os
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

BATCH: int
VERSION: str

_Path = Union[str, os.PathLike[str]]

class NativeCoder:
    version: str
    sentences_cut: int
    def __init__(
        self,
        dictionaries: Optional[_Path] = None,
        verbs: Optional[_Path] = None,
        actors: Optional[Sequence[_Path]] = None,
        agents: Optional[_Path] = None,
        discards: Optional[_Path] = None,
        max_sentence_tokens: Optional[int] = None,
        event_nouns: Optional[_Path] = None,
    ) -> None: ...
    def code_lines(
        self,
        records: List[str],
        first_line: int,
        file: str,
        quotes: bool = False,
        threads: Optional[int] = None,
        max_article_bytes: int = ...,
    ) -> Tuple[bytes, List[str]]: ...

class NativeStore:
    def __init__(self, path: _Path) -> None: ...
    def ingest_paths(
        self, coder: NativeCoder, paths: List[str], strict: bool = False, batch: int = 256,
        max_article_bytes: int = ...,
    ) -> Dict[str, Any]: ...
    def ingest_records(
        self, coder: NativeCoder, records: List[str], file: str, batch: int = 256,
        max_article_bytes: int = ...,
    ) -> Dict[str, Any]: ...
    def query(self, filters: List[Tuple[str, str]], limit: Optional[str] = None) -> Any: ...
    def export(
        self, format: str, path: str, filters: List[Tuple[str, str]],
        limit: Optional[str] = None, header: bool = False,
    ) -> int: ...
    def counts(self) -> Dict[str, int]: ...
