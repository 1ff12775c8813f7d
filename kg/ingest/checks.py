"""Checks on every paper read, whatever its format: each problem is one warning naming file and line.

- no abstract: the paper is kept, only its title is read;
- an abstract past MAX_ABSTRACT_CHARS (a scraper that glued pages together): the start is kept;
- an abstract that does not look like English: kept, with a warning that little will be found,
  since the name lists and cue words are English.
"""

from __future__ import annotations

import re

from kg.models import Paper

from .summary import IngestSummary

__all__ = ["MAX_ABSTRACT_CHARS", "MAX_TITLE_CHARS", "looks_english", "checked_paper"]

# Real abstracts stay under a few thousand characters; arXiv caps them at 1,920.
MAX_ABSTRACT_CHARS = 20_000
MAX_TITLE_CHARS = 1_000

_WORD = re.compile(r"[a-zà-ÿ]+")
_ENGLISH = frozenset(
    "the of and to in a is for that with on we this are by as an be from our it which these its can at or "
    "not their show results model models data method methods using based".split()
)


def looks_english(text: str) -> bool:
    """Whether a text reads as English: common English words make up a fair share of it.

    >>> looks_english("We propose a method for the evaluation of models on GSM8K.")
    True
    >>> looks_english("Wir schlagen ein neues Verfahren vor, das auf großen Sprachmodellen beruht.")
    False
    """
    words = _WORD.findall(text[:2000].lower())
    if len(words) < 8:
        return True  # too short to tell
    return sum(word in _ENGLISH for word in words) / len(words) >= 0.12


def checked_paper(paper: Paper, summary: IngestSummary) -> Paper:
    """The paper, cut to size where needed, with a warning for each problem found."""
    where = paper.sources[-1] if paper.sources else paper.id
    changes = {}
    if len(paper.title) > MAX_TITLE_CHARS:
        summary.warn(f"{where}: title of {len(paper.title):,} characters; kept the first {MAX_TITLE_CHARS:,}")
        changes["title"] = paper.title[:MAX_TITLE_CHARS]
    if not paper.abstract:
        summary.warn(f"{where}: no abstract; only the title is read")
    elif len(paper.abstract) > MAX_ABSTRACT_CHARS:
        summary.warn(
            f"{where}: abstract of {len(paper.abstract):,} characters; only the first {MAX_ABSTRACT_CHARS:,} are read"
        )
        changes["abstract"] = paper.abstract[:MAX_ABSTRACT_CHARS]
    if paper.abstract and not looks_english(paper.abstract):
        summary.warn(f"{where}: the abstract does not look like English; kg's name lists and cues are English, so little will be found")
    return paper.model_copy(update=changes) if changes else paper
