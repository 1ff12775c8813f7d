"""The stages chained: files -> papers -> extractions -> graph."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import networkx as nx

from kg.extract import build_nlp, extract
from kg.graph import GraphBuilder
from kg.ingest import IngestSummary, read_papers

__all__ = ["graph_from_files"]


def graph_from_files(
    paths: Iterable[str | Path],
    summary: IngestSummary | None = None,
    on_paper: Callable[[int], None] | None = None,
    batch_size: int = 256,
) -> nx.MultiDiGraph:
    """Read every paper in `paths`, extract what it names and does, and build the graph.

    `summary` collects the ingest counts and warnings; `on_paper(n)` is called after
    each n papers (for progress bars).
    """
    builder = GraphBuilder()
    papers = read_papers(list(paths), summary=summary)
    for extraction in extract(papers, build_nlp(), batch_size=batch_size):
        builder.add(extraction)
        if on_paper is not None:
            on_paper(1)
    return builder.graph()
