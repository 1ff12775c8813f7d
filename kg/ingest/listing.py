"""Listing-page reader: text dumps of the Hugging Face "Daily Papers" page.

The format, as the seed dumps in ``examples/`` show it::

    new                                       <- page chrome: no paper
    Get trending papers in your email inbox!
    Subscribe
    Daily Papers
    byAK and the research community
    Jan 6                                     <- the page's date: chrome too

    <title>                                   <- one line
                                              <- blank
    <abstract>                                <- one long line
                                              <- blank
      • 5 authors                             <- metadata, all optional: "N authors"
    ·                                            or an organisation "handle Display Name",
    Oct 3, 2023                                  then "·", then the date, maybe with upvotes

Rules, each a small function below:

- Page chrome (``CHROME_LINES``) and dates that do not follow a "·" line (the page
  date) are skipped wherever they are, so concatenated pages read too.
- Metadata belongs to the paper *before* it: it follows that paper's abstract.
  A line that matches "N authors" is an author count; the line right above a
  "·" line (no blank between) is an organisation, ``Organization(id=handle,
  name=display name)``; the line right below it is the date.
- A date "Oct 3, 2023" becomes ``date``; a trailing number ("Sep 25, 2025 2") is the
  upvote count. A date without a year ("May 26") is kept as written in ``date_text``:
  the page omits the year of its own year, and the page does not say which year that
  is, so we do not guess.
- Between two metadata blocks are one or more papers, each a title and the long line
  after it, its abstract; papers without metadata just follow one another. Which line
  is a title is decided by position (a title starts a paper; the line after it is its
  abstract) and only where position is ambiguous by length (``looks_like_abstract``):
  a title followed by a short line that is itself followed by an abstract has no
  abstract of its own, and an abstract-like line with no title before it is skipped
  with a warning.
- Ids come from the title (``kg.ingest.ids.title_id``): the page gives no arXiv id.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.models import Organization, Paper

from .dates import MONTH_DAY, parse_month_day
from .ids import title_id
from .records import collapse_space
from .summary import IngestSummary
from .textio import read_text

__all__ = [
    "CHROME_LINES",
    "read_listing",
    "parse_listing",
    "is_chrome",
    "parse_authors_line",
    "parse_date_line",
    "parse_org_line",
    "looks_like_abstract",
    "pair_titles",
]

# The page's own text around the list, compared case-insensitively. Extend when a
# dump shows more; an unknown chrome line would otherwise be read as a title.
CHROME_LINES = frozenset(
    {
        "new",
        "get trending papers in your email inbox!",
        "subscribe",
        "daily papers",
        "byak and the research community",
    }
)
SEPARATOR = "·"
_AUTHORS = re.compile(r"(?:[•*\-]\s*)?(\d+)\s+authors?", re.IGNORECASE)
_DATE_LINE = re.compile(MONTH_DAY + r"(?: (?P<upvotes>\d+))?")
# Titles stay well under this (the longest in the seeds has 141 characters); abstracts,
# even short ones, are a few sentences long.
_ABSTRACT_MIN_CHARS = 300
_ABSTRACT_MIN_WORDS = 15
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
# An organisation line is a handle and a short display name, never a sentence.
_ORG_MAX_CHARS = 100


def is_chrome(line: str) -> bool:
    """True for page text that is not a paper: chrome lines and the page's date.

    >>> is_chrome("Get trending papers in your email inbox!"), is_chrome("Jan 6")
    (True, True)
    >>> is_chrome("Meta-World: A Benchmark")
    False
    """
    text = line.strip()
    return text.casefold() in CHROME_LINES or parse_date_line(text) is not None


def parse_authors_line(line: str) -> int | None:
    """The author count of a "• N authors" line, else None.

    >>> parse_authors_line("  • 5 authors"), parse_authors_line("1 author")
    (5, 1)
    >>> parse_authors_line("5 authors agree") is None
    True
    """
    match = _AUTHORS.fullmatch(line.strip())
    return int(match.group(1)) if match else None


def parse_date_line(line: str) -> tuple[dt.date | None, str | None, int | None] | None:
    """``(date, date_text, upvotes)`` of a date line, or None when it is not one.

    >>> parse_date_line("Oct 3, 2023")
    (datetime.date(2023, 10, 3), None, None)
    >>> parse_date_line("Sep 25, 2025 2")
    (datetime.date(2025, 9, 25), None, 2)
    >>> parse_date_line("May 26")
    (None, 'May 26', None)
    >>> parse_date_line("Jun 11 2")
    (None, 'Jun 11', 2)
    >>> parse_date_line("Feb 30, 2024") is None
    True
    """
    match = _DATE_LINE.fullmatch(line.strip())
    if match is None:
        return None
    try:
        date, date_text = parse_month_day(match["month"], match["day"], match["year"])
    except ValueError:
        return None
    upvotes = int(match["upvotes"]) if match["upvotes"] else None
    return date, date_text, upvotes


def parse_org_line(line: str) -> Organization:
    """An organisation line: a handle, then the display name.

    >>> parse_org_line("spiralworks Spiral Works")
    Organization(id='spiralworks', name='Spiral Works')
    >>> parse_org_line("deepmind")
    Organization(id='deepmind', name=None)
    """
    handle, _, name = line.strip().partition(" ")
    return Organization(id=handle, name=collapse_space(name) or None)


def looks_like_abstract(line: str) -> bool:
    """True when a line reads like an abstract rather than a title.

    Long lines are abstracts; so are shorter lines of several sentences (titles
    rarely hold even one full stop).

    >>> looks_like_abstract("Linguistic Collapse: Neural Collapse in (Large) Language Models")
    False
    >>> looks_like_abstract("We study X. We find that Y holds on all of the five tasks we try.")
    True
    """
    text = line.strip()
    if len(text) >= _ABSTRACT_MIN_CHARS:
        return True
    return len(_SENTENCE_END.findall(text)) >= 2 and len(text.split()) >= _ABSTRACT_MIN_WORDS


def pair_titles(lines: list[str]) -> list[tuple[int | None, int | None]]:
    """Split a run of text lines into papers: ``(title_index, abstract_index)`` pairs.

    By position, a title is followed by its abstract. A title's next line is not its
    abstract only when that line is short and the one after it is an abstract (then
    it is the next title). ``(None, i)`` marks an abstract-like line with no title.

    >>> long = "x " * 200
    >>> pair_titles(["T1", long, "T2", long])
    [(0, 1), (2, 3)]
    >>> pair_titles(["T1", "T2", long])
    [(0, None), (1, 2)]
    >>> pair_titles([long, "T2", "A short abstract"])
    [(None, 0), (1, 2)]
    """
    pairs: list[tuple[int | None, int | None]] = []
    i = 0
    while i < len(lines):
        if looks_like_abstract(lines[i]):
            pairs.append((None, i))
            i += 1
        elif i + 1 == len(lines):
            pairs.append((i, None))
            i += 1
        elif not looks_like_abstract(lines[i + 1]) and (
            i + 2 < len(lines) and looks_like_abstract(lines[i + 2])
        ):
            pairs.append((i, None))
            i += 1
        else:
            pairs.append((i, i + 1))
            i += 2
    return pairs


@dataclass
class _Draft:
    """A paper being assembled: text first, then the metadata that follows it."""

    line: int
    title: str
    abstract: str = ""
    meta: dict[str, object] = field(default_factory=dict)


def _classify(lines: list[str]) -> Iterator[tuple[str, int, str]]:
    """``(kind, line_number, text)`` for each non-blank line.

    Kinds: chrome, separator, authors, org, date, text.
    """
    for i, raw in enumerate(lines):
        text = raw.strip()
        if not text:
            continue
        after_separator = i > 0 and lines[i - 1].strip() == SEPARATOR
        before_separator = i + 1 < len(lines) and lines[i + 1].strip() == SEPARATOR
        if text == SEPARATOR:
            kind = "separator"
        elif parse_authors_line(text) is not None:
            kind = "authors"
        elif after_separator:
            kind = "date"
        elif before_separator and len(text) <= _ORG_MAX_CHARS:
            kind = "org"
        elif is_chrome(text):
            kind = "chrome"
        else:
            kind = "text"
        yield kind, i + 1, text


def parse_listing(text: str, source: str, summary: IngestSummary | None = None) -> list[Paper]:
    """The papers of one listing dump, in page order; ``source`` names the file.

    >>> page = "Daily Papers\\n\\nJan 6\\n\\nA Title\\n\\n" + "We show. " * 40 + (
    ...     "\\n\\n  • 5 authors\\n·\\nOct 3, 2023 7\\n")
    >>> [(p.title, p.authors_count, p.date.isoformat(), p.upvotes, p.sources)
    ...  for p in parse_listing(page, "page.txt")]
    [('A Title', 5, '2023-10-03', 7, ['page.txt:5'])]
    """
    summary = summary if summary is not None else IngestSummary()
    drafts: list[_Draft] = []
    run: list[tuple[int, str]] = []  # text lines since the last metadata

    def flush_run() -> None:
        for title, abstract in pair_titles([line for _, line in run]):
            if title is None:
                number = run[abstract][0]
                summary.skip(f"{source}:{number}: a paragraph with no title before it; skipped")
                continue
            draft = _Draft(line=run[title][0], title=collapse_space(run[title][1]))
            if abstract is not None:
                draft.abstract = collapse_space(run[abstract][1])
            drafts.append(draft)
        run.clear()

    def set_meta(number: int, name: str, value: object) -> None:
        paper = drafts[-1] if drafts else None
        if paper is None or name in paper.meta:
            owner = "no paper before it" if paper is None else f"{paper.title!r} has one already"
            summary.warn(f"{source}:{number}: {name} but {owner}; ignored")
            return
        paper.meta[name] = value

    for kind, number, line in _classify(text.splitlines()):
        if kind == "text":
            run.append((number, line))
            continue
        if kind == "chrome":
            continue
        flush_run()
        if kind == "authors":
            set_meta(number, "authors_count", parse_authors_line(line))
        elif kind == "org":
            set_meta(number, "organization", parse_org_line(line))
        elif kind == "date":
            parsed = parse_date_line(line)
            if parsed is None:
                summary.warn(f"{source}:{number}: {line!r} after '·' is not a date; ignored")
                continue
            date, date_text, upvotes = parsed
            set_meta(number, "date", (date, date_text))
            if upvotes is not None:
                set_meta(number, "upvotes", upvotes)
    flush_run()

    papers = []
    for draft in drafts:
        date, date_text = draft.meta.pop("date", (None, None))  # type: ignore[misc]
        papers.append(
            Paper(
                id=title_id(draft.title),
                title=draft.title,
                abstract=draft.abstract,
                date=date,
                date_text=date_text,
                sources=[f"{source}:{draft.line}"],
                **draft.meta,  # type: ignore[arg-type]
            )
        )
    return papers


def read_listing(path: str | Path, summary: IngestSummary | None = None) -> Iterator[Paper]:
    """The papers of a listing dump (``.txt``/``.md``). Raises InputError when unreadable."""
    path = Path(path)
    yield from parse_listing(read_text(path), str(path), summary)
