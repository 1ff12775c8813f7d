"""One paper from several occurrences: when two records are the same paper, and how they merge.

Two occurrences are the same paper when they have the same id, or when one has only
a title id ("t-...", no arXiv id known) and the other has the same normalized title:
a listing page gives no arXiv id, a JSONL corpus does, and both name the same paper.
Two different arXiv ids are never merged, whatever their titles.
"""

from __future__ import annotations

from kg.models import Paper

from .ids import title_id

__all__ = ["merge_papers", "MergeBuffer"]

# Fields where the first occurrence that has a value wins; "" and [] count as no value.
_FIRST_WINS = (
    "title",
    "abstract",
    "arxiv_id",
    "authors_count",
    "authors",
    "organization",
    "date",
    "date_text",
)


def _is_title_id(paper: Paper) -> bool:
    return paper.arxiv_id is None and paper.id == title_id(paper.title)


def merge_papers(first: Paper, second: Paper) -> Paper:
    """Merge two occurrences of one paper; ``first`` was read first.

    Per field the first value wins (an empty abstract or author list is no value),
    upvotes take the maximum, sources are concatenated, extra fields merge with the
    first winning per key. ``date_text`` is dropped once a complete ``date`` is known:
    it only exists for dates the page left incomplete. When one id is a title id and
    the other an arXiv id, the merged paper has the arXiv id.

    >>> a = Paper(id="t-1", title="X", date_text="Aug 8", upvotes=2, sources=["a.txt:3"])
    >>> b = Paper(id="t-1", title="X", abstract="We...", upvotes=5, sources=["b.txt:9"])
    >>> merged = merge_papers(a, b)
    >>> merged.abstract, merged.upvotes, merged.sources, merged.date_text
    ('We...', 5, ['a.txt:3', 'b.txt:9'], 'Aug 8')
    """
    if first.id == second.id:
        merged_id = first.id
    elif _is_title_id(first) and second.arxiv_id is not None:
        merged_id = second.id
    elif _is_title_id(second) and first.arxiv_id is not None:
        merged_id = first.id
    else:
        raise ValueError(f"cannot merge papers with different ids: {first.id!r}, {second.id!r}")
    values = {}
    for name in _FIRST_WINS:
        mine, theirs = getattr(first, name), getattr(second, name)
        values[name] = mine if mine not in (None, "", []) else theirs
    if values["date"] is not None:
        values["date_text"] = None
    upvotes = [u for u in (first.upvotes, second.upvotes) if u is not None]
    return Paper(
        id=merged_id,
        upvotes=max(upvotes) if upvotes else None,
        sources=[*first.sources, *second.sources],
        extra={**second.extra, **first.extra},
        **values,
    )


class MergeBuffer:
    """Papers held back until every occurrence is read, merged as they come.

    ``rank`` orders the input files: the occurrence from the earlier file comes first
    in a merge, whatever the reading order. Papers keep the order of first arrival.

    >>> buffer = MergeBuffer()
    >>> buffer.add(Paper(id=title_id("Meta-World"), title="Meta-World", upvotes=3), rank=1)
    False
    >>> buffer.add(Paper(id="1910.10897", arxiv_id="1910.10897", title="Meta-World"), rank=0)
    True
    >>> [(p.id, p.upvotes) for p in buffer.papers()]
    [('1910.10897', 3)]
    """

    def __init__(self) -> None:
        self._slots: list[tuple[int, Paper]] = []
        self._by_id: dict[str, int] = {}
        self._by_title: dict[str, int] = {}

    def find(self, paper: Paper) -> int | None:
        """The slot of a held paper that is the same paper as ``paper``, or None."""
        if not self._slots:  # streaming a corpus alone: skip hashing every title
            return None
        slot = self._by_id.get(paper.id)
        if slot is not None:
            return slot
        slot = self._by_title.get(title_id(paper.title))
        if slot is None:
            return None
        held = self._slots[slot][1]
        # Same title: the same paper only if at most one of them has an arXiv id.
        return slot if paper.arxiv_id is None or held.arxiv_id is None else None

    def add(self, paper: Paper, rank: int) -> bool:
        """Hold ``paper``, merged into its earlier occurrence if any; True when merged."""
        slot = self.find(paper)
        if slot is None:
            slot = len(self._slots)
            self._slots.append((rank, paper))
            merged = False
        else:
            held_rank, held = self._slots[slot]
            pair = (paper, held) if rank < held_rank else (held, paper)
            paper = merge_papers(*pair)
            self._slots[slot] = (min(rank, held_rank), paper)
            merged = True
        self._by_id[paper.id] = slot
        self._by_title.setdefault(title_id(paper.title), slot)
        return merged

    def papers(self) -> list[Paper]:
        """The held papers, merged, in order of first arrival."""
        return [paper for _, paper in self._slots]
