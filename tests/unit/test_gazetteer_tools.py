"""The tools that build the shipped name lists: corpus term mining and the build's use of it."""

from __future__ import annotations

import sys
from pathlib import Path

from kg.extract.gazetteer import read_gazetteer
from kg.models import normalize_key

TOOLS = Path(__file__).resolve().parents[2] / "tools"
sys.path.insert(0, str(TOOLS))

import build_gazetteers  # noqa: E402
import mine_terms  # noqa: E402


def test_mining_counts_whole_modifier_runs_once_per_abstract():
    texts = [
        "We use adversarial training and adversarial training again, unlike model training.",
        "Our adversarial training beats mixed precision training.",
        "The model training is slow.",
    ]
    docs = mine_terms.count_phrases(texts, {"training": "Method"})
    assert docs[("adversarial training", "Method")] == 2
    assert docs[("mixed precision training", "Method")] == 1
    assert ("precision training", "Method") not in docs  # a tail of a longer run is not counted
    assert ("model training", "Method") in docs  # mined; stop_corpus_terms.txt rejects it


def test_familiar_phrases_are_the_ones_enough_abstracts_write_listed_or_not():
    texts = ["We apply layer pruning.", "Then layer pruning helps, as does curriculum learning.", "We use curriculum learning."]
    docs = mine_terms.count_phrases(texts, {"pruning": "Method", "learning": "Method"})
    assert mine_terms.familiar_phrases(docs, min_docs=2) == ["curriculum learning", "layer pruning"]
    shipped = {line for line in mine_terms.FAMILIAR_FILE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")}
    assert {"online reinforcement learning", "layer pruning", "knowledge distillation"} <= shipped


def test_build_adds_mined_terms_except_the_rejected_ones():
    mined = {normalize_key(e.name): e.type for e in build_gazetteers.read_mined_terms()}
    shipped = {normalize_key(r["name"]): r["type"] for r in read_gazetteer() if r["source"] == build_gazetteers.MINED}
    assert mined["adversarialtraining"] == "Method" and shipped["adversarialtraining"] == "Method"
    assert shipped["multihopreasoning"] == "Task"
    assert shipped["mirrordescent"] == "Method" and shipped["veracityprediction"] == "Task"  # in 6-8 abstracts
    assert shipped["denseretrieval"] == "Method"  # force_type.tsv: a technique, though "retrieval" heads tasks
    assert "modeltraining" not in mined and "correctreasoning" not in mined
    # the shipped lists are built from the current curation files
    assert set(shipped) <= set(mined)


def _types_of_shipped_forms() -> dict[str, set[str]]:
    """{normalized name or alias: the types of the shipped rows holding it}."""
    shipped: dict[str, set[str]] = {}
    for row in read_gazetteer():
        for form in (row["name"], *row.get("aliases", ())):
            shipped.setdefault(normalize_key(form), set()).add(row["type"])
    return shipped


def test_build_retypes_or_drops_task_rows_that_name_benchmarks_games_boards_or_nothing():
    shipped = _types_of_shipped_forms()
    assert shipped["sokoban"] == shipped["nethack"] == shipped["starcraftii"] == {"Dataset"}
    assert shipped["msssim"] == {"Metric"} and shipped["l2regularization"] == {"Method"}
    for junk in ("unity", "task2", "raspberrypi5", "chineseenglish", "photoplethysmography"):
        assert junk not in shipped
    assert "smt" not in shipped and shipped["statisticalmachinetranslation"] == {"Task"}


def test_build_moves_techniques_listed_as_models_to_the_methods():
    shipped = _types_of_shipped_forms()
    assert shipped["specaugment"] == shipped["mixtureofdepths"] == shipped["semantichashing"] == {"Method"}
    assert "mitosis" not in shipped and "robotparkour" not in shipped


def test_build_ships_a_capability_a_navigation_metric_and_a_genome_archive():
    shipped = _types_of_shipped_forms()
    assert shipped["theoryofmind"] == shipped["tom"] == {"Task"}
    assert shipped["spl"] == {"Metric"} and shipped["tcga"] == {"Dataset"}
    assert shipped["starcraft"] == {"Dataset"}
