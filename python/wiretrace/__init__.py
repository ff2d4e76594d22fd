"""wiretrace for Python and notebooks: trace news copy and get the results as pandas DataFrames.

    >>> import wiretrace
    >>> result = wiretrace.trace("examples/corpus")          # a folder, files, records or a DataFrame
    >>> result.stories                                          # one row per story
    >>> result.lineage                                          # each article's source, with a reason
    >>> result.changes[result.changes.kind == "quote_altered"]
    >>> result.export                                           # the JSON export (schema v1) as a dict
    >>> wiretrace.compare("a.txt", {"title": "…", "text": "…"})["story_similarity"]

Every call runs the same engine as the `wiretrace` command (`wiretrace trace`), in a temporary store.
Records (dicts or DataFrame rows) use the JSON-lines field names: `text` (or `content`/`body`),
`title`, `outlet`, `published`, `url`, `id`, `author`; other fields are kept as metadata.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import tempfile
from typing import Any, Iterable, Mapping

import pandas as pd

from . import _native

__all__ = ["trace", "compare", "Result", "WiretraceError", "InputError"]
__version__ = _native.__version__

#: The name records and DataFrame rows are given in paths and messages: `records#N` is row N
#: (counted from 0).
RECORDS_LABEL = "records"


class WiretraceError(Exception):
    """A wiretrace call failed."""


class InputError(WiretraceError, ValueError):
    """An input could not be read; the message names it (a path, or `records#N` for row N)."""


class Result:
    """The analysis of one `trace` call: DataFrames, the export dict, and the skipped inputs."""

    def __init__(self, export: dict, skipped: list[str]):
        #: The JSON export (schema version 1) as a dict.
        self.export = export
        #: One message per input that could not be read (empty unless `strict=False`).
        self.skipped = skipped

    @property
    def articles(self) -> pd.DataFrame:
        """One row per article: id, path, title, outlet, author, published, language, words, …"""
        return pd.DataFrame(self.export["articles"])

    @property
    def stories(self) -> pd.DataFrame:
        """One row per story: id, storyline, size, origin (the article with no source), articles."""
        rows = [
            {
                "id": s["id"],
                "storyline": s.get("storyline"),
                "size": len(s["articles"]),
                "origin": next((e["article"] for e in s["lineage"] if e["source"] is None), None),
                "articles": s["articles"],
            }
            for s in self.export["stories"]
        ]
        return pd.DataFrame(rows, columns=["id", "storyline", "size", "origin", "articles"])

    @property
    def lineage(self) -> pd.DataFrame:
        """One row per article: its story, source (None for an origin), confidence and reason."""
        rows = [{"story": s["id"], **e} for s in self.export["stories"] for e in s["lineage"]]
        return pd.DataFrame(rows, columns=["story", "article", "source", "confidence", "reason"])

    @property
    def pairs(self) -> pd.DataFrame:
        """One row per pair of articles sharing text: scores, and passages as character spans."""
        return pd.DataFrame(self.export["pairs"])

    @property
    def changes(self) -> pd.DataFrame:
        """One row per change of a version against its source: kind, before, after, span."""
        return pd.DataFrame(self.export["changes"])

    def __repr__(self) -> str:
        e = self.export
        return (
            f"<wiretrace.Result: {len(e['articles'])} articles, {len(e['stories'])} stories, "
            f"{len(e['pairs'])} pairs, {len(e['changes'])} changes>"
        )


def _json_value(v: Any) -> Any:
    """A record value as JSON can hold it (timestamps as ISO 8601, missing values as None)."""
    if isinstance(v, (pd.Timestamp, _dt.datetime, _dt.date)):
        return v.isoformat()
    if v is None or (isinstance(v, float) and v != v) or v is pd.NaT:
        return None
    if hasattr(v, "item"):  # numpy scalars
        return v.item()
    return v


def _records_of(data: Any) -> list[Mapping] | None:
    """The records `data` holds (a DataFrame or a list of dicts), or None when it names paths."""
    if isinstance(data, pd.DataFrame):
        return data.to_dict("records")
    if isinstance(data, Mapping):
        return [data]
    if isinstance(data, (list, tuple)) and data and all(isinstance(x, Mapping) for x in data):
        return list(data)
    return None


def _paths_of(data: Any) -> list[str]:
    if isinstance(data, (str, os.PathLike)):
        data = [data]
    paths = []
    for p in data:
        if not isinstance(p, (str, os.PathLike)):
            raise InputError(f"{p!r}: not a path, a record (dict) or a DataFrame")
        paths.append(os.fspath(p))
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        raise InputError(f"{missing[0]}: no such file or directory")
    return paths


def _write_records(records: Iterable[Mapping], path: str) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for n, r in enumerate(records):
            if not isinstance(r, Mapping):
                raise InputError(f"{RECORDS_LABEL}#{n}: not a record (dict) but {type(r).__name__}")
            row = {str(k): _json_value(v) for k, v in r.items()}
            f.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


def trace(data: Any, *, with_text: bool = False, strict: bool = True) -> Result:
    """Traces articles: which are one story, who copied whom, which passages were reused, what
    each version changed.

    `data` is a path (file or folder, any format `wiretrace` reads), a list of paths, a list of
    dicts (one article each) or a pandas DataFrame (one article per row). With `strict` (the
    default) an unreadable input raises `InputError` naming it (`records#N` for row N); without,
    it is listed in `Result.skipped` and the others are traced. `with_text` adds each article's
    extracted text (the text every offset points into) to the articles.
    """
    records = _records_of(data)
    with tempfile.TemporaryDirectory(prefix="wiretrace-") as tmp:
        labels = []
        if records is not None:
            if not records:
                raise InputError(f"{RECORDS_LABEL}: no records given")
            path = os.path.join(tmp, "records.jsonl")
            _write_records(records, path)
            paths = [path]
            labels = [(os.path.realpath(path), RECORDS_LABEL), (path, RECORDS_LABEL)]
        else:
            paths = _paths_of(data)
        try:
            raw, skipped = _native.trace(paths, labels, with_text)
        except RuntimeError as e:
            raise WiretraceError(str(e)) from e
    if strict and skipped:
        raise InputError(skipped[0] + (f" (and {len(skipped) - 1} more)" if len(skipped) > 1 else ""))
    export = json.loads(raw)
    if not export["articles"]:
        names = ", ".join(paths) if records is None else RECORDS_LABEL
        raise InputError(f"{names}: no article found")
    return Result(export, skipped)


def compare(a: Any, b: Any) -> dict:
    """The story similarity (0..1) of two articles, with its evidence: `story_similarity`,
    `reuse`, `content`, `days_apart`, `languages` and the `shared` names, figures, dates and terms.

    Each of `a` and `b` is a path (its first article) or a dict with at least `text`.
    """
    with tempfile.TemporaryDirectory(prefix="wiretrace-") as tmp:
        paths = []
        for name, x in (("a", a), ("b", b)):
            if isinstance(x, Mapping):
                if not any(isinstance(x.get(k), str) and x.get(k).strip() for k in ("text", "content", "body")):
                    raise InputError(f"{name}: the record has no text (give 'text', 'content' or 'body')")
                p = os.path.join(tmp, f"{name}.jsonl")
                _write_records([x], p)
                paths.append(p)
            elif isinstance(x, (str, os.PathLike)):
                if not os.path.exists(x):
                    raise InputError(f"{os.fspath(x)}: no such file")
                paths.append(os.fspath(x))
            else:
                raise InputError(f"{name}: {x!r} is neither a path nor a record (dict)")
        try:
            return json.loads(_native.compare(paths[0], paths[1]))
        except ValueError as e:
            raise InputError(str(e).replace(tmp + os.sep, "")) from e
