"""Regression floors for extraction quality on the gold files.

Each floor is the score the extractor reached when it was set, less 0.02: a change
that lowers quality fails here. Raise a floor when a change raises the score; never
lower one to make a change pass. The gold files only measure the extractor (see
tests/data/gold/README.md); nothing here reads their names into a rule.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluate import load_gold, predict_records, score
from kg.extract import build_nlp

GOLD = Path(__file__).resolve().parents[2] / "tests" / "data" / "gold"
MARGIN = 0.02

# Scores reached (entities overall and per type, EVALUATES_ON, INTRODUCES, COMPARES_TO, results F1).
ACHIEVED = {
    "dev": {
        "entities": 0.849, "Dataset": 0.977, "Model": 0.973, "Method": 0.756, "Metric": 0.909, "Task": 0.705,
        "EVALUATES_ON": 0.944, "INTRODUCES": 0.800, "COMPARES_TO": 0.811, "results": 0.904,
    },
    "tune": {
        "entities": 0.863, "Dataset": 0.981, "Model": 0.966, "Method": 0.757, "Metric": 0.973, "Task": 0.752,
        "EVALUATES_ON": 0.948, "INTRODUCES": 0.857, "COMPARES_TO": 0.759, "results": 0.897,
    },
    "heldout": {
        "entities": 0.809, "Dataset": 0.966, "Model": 1.000, "Method": 0.765, "Metric": 0.778, "Task": 0.564,
        "EVALUATES_ON": 0.929, "INTRODUCES": 0.686, "COMPARES_TO": 1.000, "results": 0.929,
    },
}


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


@pytest.fixture(scope="module")
def scores(nlp) -> dict[str, dict[str, float]]:
    found = {}
    for name in ACHIEVED:
        gold = load_gold(GOLD / f"{name}.jsonl")
        report = score(gold, predict_records(gold, nlp))
        found[name] = {
            "entities": report.entities.overall.f1,
            **{type_: s.f1 for type_, s in report.entities.per_type.items()},
            "EVALUATES_ON": report.relations.per_type["EVALUATES_ON"].f1,
            "INTRODUCES": report.relations.per_type["INTRODUCES"].f1,
            "COMPARES_TO": report.relations.per_type["COMPARES_TO"].f1,
            "results": report.results.overall.f1,
        }
    return found


@pytest.mark.parametrize(
    ("gold_file", "measure"),
    [(name, measure) for name, table in ACHIEVED.items() for measure in table],
)
def test_quality_floor_holds(scores, gold_file: str, measure: str) -> None:
    floor = ACHIEVED[gold_file][measure] - MARGIN
    reached = scores[gold_file][measure]
    assert reached >= floor, f"{gold_file}: {measure} F1 {reached:.3f} fell below its floor {floor:.3f}"
