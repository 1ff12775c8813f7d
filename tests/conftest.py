"""Fixtures shared by unit and integration tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GOLD = ROOT / "tests" / "data" / "gold"


@pytest.fixture(scope="session")
def nlp():
    """The real extraction pipeline with the shipped name lists."""
    from kg.extract import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def examples_graph():
    """The graph of the sample corpus in examples/, built once per session."""
    from kg.pipeline import graph_from_files

    return graph_from_files([EXAMPLES])
