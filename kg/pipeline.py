"""The stages chained: files -> papers -> extractions -> graph."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import networkx as nx

from kg.extract.parallel import extract_parallel
from kg.graph import GraphBuilder, prepare_paper
from kg.ingest import IngestSummary, read_papers

__all__ = ["builder_from_files", "graph_from_files"]


def builder_from_files(
    paths: Iterable[str | Path],
    summary: IngestSummary | None = None,
    on_paper: Callable[[int], None] | None = None,
    workers: int = 1,
    spool: bool = False,
) -> GraphBuilder:
    """Read every paper in `paths` and extract what it names and does, into a GraphBuilder.

    `summary` collects the ingest counts and warnings; `on_paper(n)` is called after
    each n papers (for progress bars); `workers` processes extract in parallel; with
    `spool` the per-paper facts wait on disk, so memory holds only distinct names.
    """
    builder = GraphBuilder(spool=spool)
    papers = read_papers(list(paths), summary=summary)
    for paper in extract_parallel(papers, workers, then=prepare_paper):
        builder.add_prepared(paper)
        if on_paper is not None:
            on_paper(1)
    return builder


def graph_from_files(paths: Iterable[str | Path], summary: IngestSummary | None = None, **options) -> nx.MultiDiGraph:
    """The networkx graph of the papers in `paths` (for corpora that fit in memory)."""
    return builder_from_files(paths, summary, **options).graph()
