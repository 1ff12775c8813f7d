"""Scoring extraction output against gold (kg/evaluate.py), on small hand-made cases."""

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.table import Table

from kg.errors import InputError
from kg.evaluate import (
    GoldRecord,
    Report,
    load_gold,
    names_match,
    render_report,
    score,
    split_gold,
    values_match,
)

GOLD_DIR = Path(__file__).parents[1] / "data" / "gold"


def rec(pid="p1", entities=(), relations=(), results=()):
    """A record in the gold format; entities as (name, type[, aliases])."""
    return {
        "id": pid,
        "title": "",
        "abstract": "",
        "entities": [{"name": e[0], "type": e[1], "aliases": list(e[2]) if len(e) > 2 else []} for e in entities],
        "relations": [{"type": t, "target": x} for t, x in relations],
        "results": [
            {"value": v, "unit": u, "metric": m, "dataset": None, "text": ""} for v, u, m in results
        ],
    }


def counts(s):
    return (s.tp, s.fp, s.fn)


# ---------------------------------------------------------------- name and value rules


@pytest.mark.parametrize(
    ("a", "b", "aliases_a", "aliases_b", "expected"),
    [
        ("Meta-World", "metaworld", (), (), True),
        ("Meta World", "meta_world", (), (), True),
        ("ViT-B/16", "vit b/16", (), (), True),
        ("Regression Mean", "RegMean", ("RegMean",), (), True),
        ("RegMean", "Regression Mean", (), ("RegMean",), True),
        ("RegMean", "RegMean++", (), (), False),
        # Two names sharing only an alias are not matched: the rule is name against alias.
        ("Foo Net", "Bar Net", ("FN",), ("FN",), False),
    ],
)
def test_evaluate_names_match(a, b, aliases_a, aliases_b, expected):
    assert names_match(a, b, aliases_a, aliases_b) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [(92.7, 92.7, True), (92.7, 92.7000001, True), (92.7, 92.71, False), (0.91, 0.9100001, True),
     (1e6, 1e6 + 0.5, True), (0.0, 1e-5, False)],
)
def test_evaluate_values_match(a, b, expected):
    assert values_match(a, b) is expected


# ---------------------------------------------------------------- entities


def test_evaluate_exact_match_is_perfect():
    gold = [rec(entities=[("GRPO", "Method"), ("GSM8K", "Dataset")], relations=[("USES", "GRPO")],
                results=[(92.7, "%", "accuracy")])]
    report = score(gold, gold)
    assert counts(report.entities.overall) == (2, 0, 0)
    assert report.entities.overall.f1 == 1.0
    assert counts(report.relations.overall) == (1, 0, 0)
    assert counts(report.results.overall) == (1, 0, 0)
    assert not report.details["p1"].has_errors()


def test_evaluate_alias_match():
    gold = [rec(entities=[("Regression Mean", "Method", ["RegMean"])])]
    pred = [rec(entities=[("RegMean", "Method")])]
    report = score(gold, pred)
    assert counts(report.entities.per_type["Method"]) == (1, 0, 0)
    assert counts(report.entities.overall) == (1, 0, 0)


def test_evaluate_alias_match_from_the_prediction_side():
    gold = [rec(entities=[("RegMean", "Method")])]
    pred = [rec(entities=[("Regression Mean", "Method", ["RegMean"])])]
    assert counts(score(gold, pred).entities.overall) == (1, 0, 0)


def test_evaluate_normalization():
    gold = [rec(entities=[("Meta-World", "Dataset")])]
    pred = [rec(entities=[("metaworld", "Dataset")])]
    assert counts(score(gold, pred).entities.per_type["Dataset"]) == (1, 0, 0)


def test_evaluate_typing_error_method_as_model():
    gold = [rec(entities=[("LoRA", "Method")])]
    pred = [rec(entities=[("LoRA", "Model")])]
    report = score(gold, pred)
    assert counts(report.entities.per_type["Method"]) == (0, 0, 1)
    assert counts(report.entities.per_type["Model"]) == (0, 1, 0)
    assert counts(report.entities.overall) == (0, 1, 1)
    assert report.entities.typing_errors == 1
    assert report.entities.typing_errors_by_type == {"Method->Model": 1}
    d = report.details["p1"].entities
    assert [(t.name, t.type, t.predicted_name, t.predicted_type) for t in d.typing_errors] == [
        ("LoRA", "Method", "LoRA", "Model")
    ]
    assert [(m.name, m.type) for m in d.missed] == [("LoRA", "Method")]
    assert [(m.name, m.type) for m in d.spurious] == [("LoRA", "Model")]


def test_evaluate_method_task_swap_is_a_hit_overall_only():
    gold = [rec(entities=[("domain adaptation", "Task")])]
    pred = [rec(entities=[("Domain Adaptation", "Method")])]
    report = score(gold, pred)
    assert counts(report.entities.per_type["Task"]) == (0, 0, 1)
    assert counts(report.entities.per_type["Method"]) == (0, 1, 0)
    assert counts(report.entities.overall) == (1, 0, 0)
    assert report.entities.typing_errors == 1
    assert report.entities.typing_errors_by_type == {"Task->Method": 1}


def test_evaluate_empty_prediction_scores_zero():
    # A ratio with a zero denominator is 0: predicting nothing gives precision 0, not 1.
    gold = [rec(entities=[("GSM8K", "Dataset")], relations=[("EVALUATES_ON", "GSM8K")], results=[(5, "%", None)])]
    for pred in ([rec()], []):
        report = score(gold, pred)
        for s in (report.entities.overall, report.relations.overall, report.results.overall):
            assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)
            assert s.fn == 1
    assert score(gold, []).missing_predictions == ["p1"]
    assert score(gold, [rec()]).missing_predictions == []


def test_evaluate_predictions_for_unknown_papers_are_ignored():
    gold = [rec("p1", entities=[("GSM8K", "Dataset")])]
    pred = [rec("p1", entities=[("GSM8K", "Dataset")]), rec("p2", entities=[("MMLU", "Dataset")])]
    report = score(gold, pred)
    assert counts(report.entities.overall) == (1, 0, 0)
    assert report.ignored_predictions == ["p2"]
    assert list(report.details) == ["p1"]


def test_evaluate_matching_is_one_to_one():
    # Two spelling variants predicted for one gold entity: one hit, one false positive.
    gold = [rec(entities=[("Meta-World", "Dataset", ["MW"])])]
    pred = [rec(entities=[("MetaWorld", "Dataset"), ("MW", "Dataset")])]
    assert counts(score(gold, pred).entities.overall) == (1, 1, 0)
    # One prediction cannot satisfy two gold entities.
    gold = [rec(entities=[("Regression Mean", "Method", ["RegMean"]), ("RegMean", "Method")])]
    pred = [rec(entities=[("RegMean", "Method")])]
    assert counts(score(gold, pred).entities.overall) == (1, 0, 1)


def test_evaluate_matching_is_maximum_not_greedy():
    # Greedy matching would pair gold "A" with "RegMean" and leave "RegMean" unmatched.
    gold = [rec(entities=[("A", "Method", ["RegMean"]), ("RegMean", "Method")])]
    pred = [rec(entities=[("RegMean", "Method"), ("A", "Method")])]
    assert counts(score(gold, pred).entities.overall) == (2, 0, 0)


def test_evaluate_repeated_entities_count_once():
    gold = [rec(entities=[("GSM8K", "Dataset")])]
    pred = [rec(entities=[("GSM8K", "Dataset"), ("gsm8k", "Dataset")])]
    assert counts(score(gold, pred).entities.overall) == (1, 0, 0)


def test_evaluate_counts_sum_over_papers():
    gold = [rec("a", entities=[("X", "Model")]), rec("b", entities=[("Y", "Model"), ("Z", "Model")])]
    pred = [rec("a", entities=[("X", "Model")]), rec("b", entities=[("Y", "Model"), ("W", "Model")])]
    s = score(gold, pred).entities.per_type["Model"]
    assert counts(s) == (2, 1, 1)
    assert s.precision == pytest.approx(2 / 3) and s.recall == pytest.approx(2 / 3)


# ---------------------------------------------------------------- relations


def test_evaluate_relation_target_matches_through_aliases():
    gold = [rec(entities=[("Regression Mean", "Method", ["RegMean"])], relations=[("INTRODUCES", "Regression Mean")])]
    pred = [rec(entities=[("RegMean", "Method")], relations=[("INTRODUCES", "RegMean")])]
    assert counts(score(gold, pred).relations.per_type["INTRODUCES"]) == (1, 0, 0)


def test_evaluate_relation_target_alias_from_prediction_entities():
    gold = [rec(entities=[("RegMean", "Method")], relations=[("USES", "RegMean")])]
    pred = [rec(entities=[("Regression Mean", "Method", ["RegMean"])], relations=[("USES", "Regression Mean")])]
    assert counts(score(gold, pred).relations.overall) == (1, 0, 0)


def test_evaluate_relation_type_must_agree():
    gold = [rec(entities=[("PPO", "Method")], relations=[("USES", "PPO")])]
    pred = [rec(entities=[("PPO", "Method")], relations=[("COMPARES_TO", "PPO")])]
    report = score(gold, pred)
    assert counts(report.relations.per_type["USES"]) == (0, 0, 1)
    assert counts(report.relations.per_type["COMPARES_TO"]) == (0, 1, 0)
    d = report.details["p1"].relations
    assert [(m.type, m.target) for m in d.missed] == [("USES", "PPO")]
    assert [(m.type, m.target) for m in d.spurious] == [("COMPARES_TO", "PPO")]


# ---------------------------------------------------------------- results


def test_evaluate_results_value_and_unit():
    gold = [rec(results=[(92.7, "%", None), (3, "x", None), (74.68, None, None)])]
    pred = [rec(results=[(92.7, "%", None), (3.0, "pp", None), (74.68, None, None)])]
    report = score(gold, pred)
    assert counts(report.results.overall) == (2, 1, 1)
    d = report.details["p1"].results
    assert [(m.value, m.unit) for m in d.missed] == [(3.0, "x")]
    assert [(m.value, m.unit) for m in d.spurious] == [(3.0, "pp")]


def test_evaluate_repeated_results_are_matched_one_to_one():
    gold = [rec(results=[(100, "%", None), (100, "%", None)])]
    pred = [rec(results=[(100, "%", None)])]
    assert counts(score(gold, pred).results.overall) == (1, 0, 1)


def test_evaluate_metric_attached():
    gold = [rec(
        entities=[("accuracy", "Metric"), ("Exact Match", "Metric", ["EM"])],
        results=[(92.7, "%", "accuracy"), (40.1, "%", "Exact Match"), (5, "pp", "accuracy"), (2, "x", None)],
    )]
    pred = [rec(
        entities=[("Accuracy", "Metric"), ("EM", "Metric")],
        results=[(92.7, "%", "Accuracy"), (40.1, "%", "EM"), (5, "pp", None), (2, "x", "Accuracy")],
    )]
    report = score(gold, pred)
    assert counts(report.results.overall) == (4, 0, 0)
    ma = report.results.metric_attached
    # The result without a gold metric is not counted.
    assert (ma.matched_with_metric, ma.attached) == (3, 2)
    assert ma.share == pytest.approx(2 / 3)
    [miss] = report.details["p1"].results.metric_not_attached
    assert (miss.value, miss.metric, miss.predicted_metric) == (5.0, "accuracy", None)


def test_evaluate_equal_numbers_pair_by_metric():
    gold = [rec(results=[(10, "%", "accuracy"), (10, "%", "F1")])]
    pred = [rec(results=[(10, "%", "F1"), (10, "%", "accuracy")])]
    ma = score(gold, pred).results.metric_attached
    assert (ma.matched_with_metric, ma.attached) == (2, 2)


# ---------------------------------------------------------------- inputs, report, rendering


def test_evaluate_accepts_models_and_dicts():
    gold = [GoldRecord.model_validate(rec(entities=[("CLIP", "Model")]))]
    assert counts(score(gold, [rec(entities=[("CLIP", "Model")])]).entities.overall) == (1, 0, 0)


def test_evaluate_rejects_bad_records():
    with pytest.raises(InputError, match=r"prediction record 1 is not in the gold format: entities\.0\.type"):
        score([rec()], [rec(entities=[("X", "Organization")])])
    with pytest.raises(InputError, match="gold record 2: paper id 'p1' appears twice"):
        score([rec(), rec()], [])


def test_evaluate_report_to_dict_is_json():
    gold = [rec(entities=[("LoRA", "Method")], results=[(1, "%", None)])]
    pred = [rec(entities=[("LoRA", "Model")])]
    data = score(gold, pred).to_dict()
    json.dumps(data)
    assert set(data) == {"papers", "missing_predictions", "ignored_predictions", "entities", "relations",
                         "results", "details"}
    assert data["entities"]["per_type"]["Method"] == {
        "tp": 0, "fp": 0, "fn": 1, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert data["entities"]["typing_errors"] == 1
    assert data["results"]["metric_attached"] == {"matched_with_metric": 0, "attached": 0, "share": 0.0}
    assert data["details"]["p1"]["entities"]["typing_errors"] == [
        {"name": "LoRA", "type": "Method", "predicted_name": "LoRA", "predicted_type": "Model"}]
    assert data["details"]["p1"]["results"]["missed"] == [{"value": 1.0, "unit": "%", "metric": None, "text": ""}]
    assert "details" not in score(gold, pred).to_dict(details=False)


@pytest.mark.parametrize("details", [False, True])
def test_evaluate_render_report(details):
    gold = [rec(entities=[("LoRA", "Method")], relations=[("USES", "LoRA")], results=[(1, "%", "accuracy")])]
    pred = [rec(entities=[("LoRA", "Model")], results=[(1, "%", None)])]
    tables = render_report(score(gold, pred), details=details)
    assert all(isinstance(t, Table) for t in tables)
    assert len(tables) == (4 if details else 3)
    console = Console(width=200, record=True)
    for t in tables:
        console.print(t)
    text = console.export_text()
    assert "typing errors: 1 (Method->Model 1)" in text
    assert "metric attached: 0/1" in text
    assert ("LoRA: Method -> Model" in text) is details


# ---------------------------------------------------------------- gold files


def test_evaluate_load_gold_reads_the_dev_set():
    records = load_gold(GOLD_DIR / "dev.jsonl")
    assert len(records) == 40
    report = score(records, records)
    assert report.entities.overall.f1 == report.relations.overall.f1 == report.results.overall.f1 == 1.0
    assert report.entities.typing_errors == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "a"}\n\n{"id": "b"\n', r"bad\.jsonl:3: not valid JSON"),
        ('{"id": "a", "entities": [{"name": "X"}]}\n', r"bad\.jsonl:1: not a gold record: entities\.0\.type"),
        ('{"id": "a"}\n{"id": "a"}\n', r"bad\.jsonl:2: paper id 'a' already appears on line 1"),
    ],
)
def test_evaluate_load_gold_names_file_and_line(tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_gold(path)


def test_evaluate_load_gold_missing_file(tmp_path):
    with pytest.raises(InputError, match="cannot read the gold file"):
        load_gold(tmp_path / "nope.jsonl")


def test_evaluate_split_is_deterministic_and_ten_of_forty():
    raw = [json.loads(line) for line in (GOLD_DIR / "dev.jsonl").read_text(encoding="utf-8").splitlines()]
    tune, heldout = split_gold(raw)
    assert (len(tune), len(heldout)) == (30, 10)
    assert {r["id"] for r in tune}.isdisjoint(r["id"] for r in heldout)
    # The same ids in any input order give the same split.
    tune2, heldout2 = split_gold(list(reversed(raw)))
    assert {r["id"] for r in heldout2} == {r["id"] for r in heldout}
    # Models split like dicts.
    assert [r.id for r in split_gold(load_gold(GOLD_DIR / "dev.jsonl"))[1]] == [r["id"] for r in heldout]


def test_evaluate_split_files_are_the_split_output():
    raw = [json.loads(line) for line in (GOLD_DIR / "dev.jsonl").read_text(encoding="utf-8").splitlines()]
    for name, part in zip(("tune", "heldout"), split_gold(raw)):
        expected = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in part)
        assert (GOLD_DIR / f"{name}.jsonl").read_text(encoding="utf-8") == expected


# ---------------------------------------------------------------- properties

_names = st.text(alphabet="abcXYZ-1 ", min_size=1, max_size=6).filter(lambda s: s.strip("- "))
_entities = st.lists(
    st.tuples(_names, st.sampled_from(["Dataset", "Model", "Method", "Metric", "Task"])), max_size=5)


@given(gold=_entities, pred=_entities)
def test_evaluate_counts_are_consistent(gold, pred):
    report: Report = score([rec(entities=gold)], [rec(entities=pred)])
    per_type = report.entities.per_type.values()
    d = report.details["p1"].entities
    assert sum(s.fn for s in per_type) == len(d.missed)
    assert sum(s.fp for s in per_type) == len(d.spurious)
    # Forgiving Method/Task swaps can only add hits.
    assert report.entities.overall.tp >= sum(s.tp for s in per_type)
    for s in [*per_type, report.entities.overall]:
        assert 0.0 <= s.precision <= 1.0 and 0.0 <= s.recall <= 1.0 and 0.0 <= s.f1 <= 1.0
    # Against itself, everything is found.
    self_report = score([rec(entities=gold)], [rec(entities=gold)])
    assert self_report.entities.overall.fp == self_report.entities.overall.fn == 0
