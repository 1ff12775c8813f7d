"""Records to Papers: the field mapping shared by the JSONL and CSV readers.

Known fields, matched case-insensitively: ``title``, ``abstract``, ``arxiv_id``,
``id`` and ``url`` (used for the arXiv id when they hold one), ``authors`` (a list or
a comma string), ``authors_count``, ``organization`` (a handle string or an object
with ``id``/``handle`` and ``name``), ``date``/``listed``/``published`` (first present
wins; the others are kept in ``extra``), ``date_text`` and ``upvotes``. Everything
else, and any known field whose value cannot be used, is kept in ``Paper.extra``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from kg.errors import InputError
from kg.models import Organization, Paper

from .dates import parse_date
from .ids import arxiv_id_from_url, normalize_arxiv_id, paper_id
from .summary import IngestSummary

__all__ = ["paper_from_record", "split_authors", "collapse_space"]

_DATE_KEYS = ("date", "listed", "published")
_SPACE = re.compile(r"\s+")
# arXiv author strings: "A, B, and C" or "A, B and C"; "and" alone only between names.
_AUTHOR_SEPARATOR = re.compile(r"\s*[,;]\s*(?:and\s+)?|\s+and\s+")


def collapse_space(text: str) -> str:
    """One space for every run of whitespace (arXiv metadata wraps lines), stripped.

    >>> collapse_space("  Attention is\\n  all you need ")
    'Attention is all you need'
    """
    return _SPACE.sub(" ", text).strip()


def split_authors(value: str) -> list[str]:
    """Author names from a comma string.

    >>> split_authors("Minyang Chen, Chenchen Feng, and Ran Cheng")
    ['Minyang Chen', 'Chenchen Feng', 'Ran Cheng']
    >>> split_authors("Ada Lovelace and Charles Babbage")
    ['Ada Lovelace', 'Charles Babbage']
    """
    return [name for name in (collapse_space(p) for p in _AUTHOR_SEPARATOR.split(value)) if name]


def _is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _to_count(value: Any) -> int:
    if isinstance(value, bool):  # bool is an int subclass; True authors is no count
        raise ValueError
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    else:
        raise ValueError
    if number < 0:
        raise ValueError
    return number


def _to_organization(value: Any) -> Organization:
    if isinstance(value, str):
        return Organization(id=collapse_space(value))
    if isinstance(value, Mapping):
        handle = value.get("id") or value.get("handle")
        if isinstance(handle, str) and handle.strip():
            name = value.get("name")
            return Organization(id=handle.strip(), name=name if isinstance(name, str) else None)
    raise ValueError


def _to_authors(value: Any) -> list[str]:
    if isinstance(value, str):
        return split_authors(value)
    if isinstance(value, list) and all(isinstance(name, str) for name in value):
        return [collapse_space(name) for name in value if name.strip()]
    raise ValueError


def paper_from_record(
    record: Mapping[str, Any], source: str, summary: IngestSummary | None = None
) -> Paper:
    """Map one JSONL object or CSV row to a Paper; ``source`` is "file:line".

    Raises InputError when the record has no usable title. A known field with an
    unusable value (``"upvotes": "many"``) does not lose the paper: the value goes
    to ``extra`` and a warning to ``summary``.

    >>> paper = paper_from_record(
    ...     {"arxiv_id": "2503.24388", "title": "T", "authors": "A, B", "listed": "2025-04-01",
    ...      "categories": ["AI"]}, "corpus.jsonl:1")
    >>> paper.id, paper.authors_count, paper.date.isoformat(), paper.extra
    ('2503.24388', 2, '2025-04-01', {'categories': ['AI']})
    """
    summary = summary if summary is not None else IngestSummary()
    # name (lower case) -> (key as written, value); empty values carry nothing and are dropped.
    fields: dict[str, tuple[Any, Any]] = {}
    extra: dict[str, Any] = {}
    for key, value in record.items():
        if _is_missing(value):
            continue
        name = key.strip().lower() if isinstance(key, str) else key
        if name in fields:  # "Title" after "title": only the first is used
            extra[key] = value
        else:
            fields[name] = (key, value)
    used: set[str] = set()

    def use(name: str) -> Any:
        used.add(name)
        return fields[name][1]

    def reject(name: str, why: str) -> None:
        used.discard(name)
        summary.warn(f"{source}: {name} {fields[name][1]!r} {why}; kept in extra")

    title = use("title") if "title" in fields else None
    if not isinstance(title, (str, int, float)) or not collapse_space(str(title)):
        raise InputError(f"{source}: record has no title; skipped")
    values: dict[str, Any] = {"title": collapse_space(str(title))}

    if "abstract" in fields:
        abstract = use("abstract")
        if isinstance(abstract, str):
            values["abstract"] = collapse_space(abstract)
        else:
            reject("abstract", "is not text")

    arxiv_id = None
    if "arxiv_id" in fields:
        arxiv_id = normalize_arxiv_id(use("arxiv_id"))
        if arxiv_id is None:
            reject("arxiv_id", "is not an arXiv id")
    if arxiv_id is None and "id" in fields:
        # An id of another scheme is not ours to reuse: it stays in extra.
        arxiv_id = normalize_arxiv_id(fields["id"][1])
        if arxiv_id is not None:
            used.add("id")
    if arxiv_id is None and "url" in fields:
        arxiv_id = arxiv_id_from_url(fields["url"][1])  # the URL itself stays in extra
    values["arxiv_id"] = arxiv_id

    if "authors" in fields:
        try:
            values["authors"] = _to_authors(use("authors"))
        except ValueError:
            reject("authors", "is neither a list of names nor a comma string")
    if "authors_count" in fields:
        try:
            values["authors_count"] = _to_count(use("authors_count"))
        except ValueError:
            reject("authors_count", "is not a count")
    if values.get("authors") and "authors_count" not in values:
        values["authors_count"] = len(values["authors"])

    if "organization" in fields:
        try:
            values["organization"] = _to_organization(use("organization"))
        except ValueError:
            reject("organization", "is neither a handle nor an object with an id")

    for date_key in (key for key in _DATE_KEYS if key in fields):
        try:
            values["date"], values["date_text"] = parse_date(use(date_key))
            break
        except ValueError:
            reject(date_key, "is not a date")
    if "date_text" in fields and values.get("date_text") is None and values.get("date") is None:
        text = use("date_text")
        if isinstance(text, str):
            values["date_text"] = collapse_space(text)
        else:
            reject("date_text", "is not text")

    if "upvotes" in fields:
        try:
            values["upvotes"] = _to_count(use("upvotes"))
        except ValueError:
            reject("upvotes", "is not a count")

    extra.update((key, value) for name, (key, value) in fields.items() if name not in used)
    return Paper(
        id=paper_id(values["title"], arxiv_id),
        sources=[source],
        extra=extra,
        **values,
    )
