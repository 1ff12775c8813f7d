"""The contract between stages: what ingest yields, what extract finds, what the graph holds.

Data flows one way: ingest -> Paper; extract -> PaperExtraction (surface forms);
resolve -> Entity (canonical, with aliases); graph -> nodes and relationships.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "ENTITY_TYPES",
    "RELATION_TYPES",
    "EntityType",
    "RelationType",
    "Organization",
    "Paper",
    "Mention",
    "Relation",
    "Result",
    "PaperExtraction",
    "Entity",
    "normalize_key",
]

EntityType = Literal["Dataset", "Model", "Method", "Metric", "Task"]
ENTITY_TYPES: tuple[str, ...] = ("Dataset", "Model", "Method", "Metric", "Task")

RelationType = Literal["INTRODUCES", "EVALUATES_ON", "USES", "COMPARES_TO", "ADDRESSES"]
RELATION_TYPES: tuple[str, ...] = ("INTRODUCES", "EVALUATES_ON", "USES", "COMPARES_TO", "ADDRESSES")

_KEY_DROP = re.compile(r"[\s\-_.]+")


def normalize_key(name: str) -> str:
    """The matching key of ANNOTATION_GUIDE.md: lower case, no spaces, hyphens, underscores, dots.

    >>> normalize_key("Meta-World") == normalize_key("MetaWorld") == normalize_key("metaworld")
    True
    """
    return _KEY_DROP.sub("", name.lower())


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Organization(_Strict):
    """An organisation as listing pages show it: a handle ("deepmind") and a display name."""

    id: str
    name: str | None = None


class Paper(_Strict):
    """One paper as read from a listing, JSONL or CSV file."""

    id: str
    title: str
    abstract: str = ""
    arxiv_id: str | None = None
    authors_count: int | None = None
    authors: list[str] = Field(default_factory=list)
    organization: Organization | None = None
    date: dt.date | None = None
    # The date as written when it is not a complete date ("May 26": listing pages omit
    # the year for the current year, and the page's year is unknown).
    date_text: str | None = None
    upvotes: int | None = None
    # Where the paper was read from, as "file:line", one per occurrence.
    sources: list[str] = Field(default_factory=list)
    # Fields of a JSONL/CSV record that have no slot above, kept as they were.
    extra: dict[str, Any] = Field(default_factory=dict)


class Mention(_Strict):
    """One occurrence of an entity name in a paper, as written."""

    text: str
    type: EntityType
    sentence: int  # index into PaperExtraction.sentences
    start: int  # character offsets inside that sentence
    end: int
    # Canonical name when the name came from a gazetteer row ("GSM8K" for "gsm8k").
    canonical: str | None = None
    # Long form when the text ties an acronym to it: "RegMean" -> "Regression Mean".
    long_form: str | None = None


class Relation(_Strict):
    """A paper-to-entity relation found in one sentence; target is a surface form."""

    type: RelationType
    target: str
    target_type: EntityType
    sentence: int


class Result(_Strict):
    """A reported number with its unit and, when the same sentence names them, metric and dataset."""

    value: float
    unit: str | None
    text: str
    sentence: int
    start: int
    end: int
    metric: str | None = None
    dataset: str | None = None


class PaperExtraction(_Strict):
    """Everything the extractor found in one paper, before corpus-wide resolution."""

    paper: Paper
    sentences: list[str]
    mentions: list[Mention] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    results: list[Result] = Field(default_factory=list)


class Entity(_Strict):
    """A canonical entity: one per real thing, every surface form kept as an alias."""

    key: str  # normalize_key(name); unique per type
    type: EntityType
    name: str
    aliases: list[str] = Field(default_factory=list)
