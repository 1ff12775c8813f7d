"""Score extraction output against gold annotations (ANNOTATION_GUIDE.md, "Scoring").

Gold and predictions share one format, one record per paper:
``{id, title, abstract, entities: [{name, type, aliases}], relations: [{type, target}],
results: [{value, unit, metric, dataset, text}]}``. Scoring is at document level:

- entities: (paper, type, entity), per type and overall, where overall counts Method
  and Task as one type. An entity found with the wrong type is a miss of its gold type,
  a false positive of its predicted type, and is listed apart as a typing error;
- relations: (paper, relation, target), per relation type and overall;
- results: (paper, value, unit), plus the share of matched results whose metric
  matches the gold metric ("metric attached").

Names match as `names_match` says. Matching is one-to-one per paper: a gold item
pairs with at most one predicted item (a maximum bipartite matching). Entities and
relations are sets (repeats of one (type, name) count once); results are lists, since
an abstract can report the same number twice. Counts are summed over papers (micro
average). A ratio with a zero denominator is 0: predicting nothing for a non-empty
gold gives precision 0, recall 0, F1 0.

Gold files measure the extractor; they are never a source of names or rules.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, computed_field
from rich.table import Table

from kg.errors import InputError
from kg.models import ENTITY_TYPES, RELATION_TYPES, EntityType, RelationType, normalize_key

__all__ = [
    "GoldEntity",
    "GoldRelation",
    "GoldResult",
    "GoldRecord",
    "Score",
    "Report",
    "load_gold",
    "split_gold",
    "names_match",
    "values_match",
    "score",
    "render_report",
]

# Overall entity scores forgive Method/Task swaps: the line is blurry in the field itself.
_TYPE_CLASS = {"Method": "Method/Task", "Task": "Method/Task"}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldEntity(_Strict):
    name: str
    type: EntityType
    aliases: list[str] = Field(default_factory=list)


class GoldRelation(_Strict):
    type: RelationType
    target: str


class GoldResult(_Strict):
    value: float
    unit: str | None = None
    metric: str | None = None
    dataset: str | None = None
    text: str = ""


class GoldRecord(_Strict):
    """One paper of a gold (or prediction) file."""

    id: str
    title: str = ""
    abstract: str = ""
    entities: list[GoldEntity] = Field(default_factory=list)
    relations: list[GoldRelation] = Field(default_factory=list)
    results: list[GoldResult] = Field(default_factory=list)


# ---------------------------------------------------------------- reading and splitting


def load_gold(path: str | Path) -> list[GoldRecord]:
    """Read a gold JSONL file: one record per line, blank lines skipped, ids unique."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise InputError(f"{path}: cannot read the gold file ({err.strerror}); check the path") from err
    records: list[GoldRecord] = []
    first_line: dict[str, int] = {}
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = GoldRecord.model_validate(json.loads(line))
        except json.JSONDecodeError as err:
            raise InputError(
                f"{path}:{lineno}: not valid JSON ({err.msg}, column {err.colno}); "
                "each line must be one JSON object"
            ) from err
        except ValidationError as err:
            raise InputError(
                f"{path}:{lineno}: not a gold record: {_first_error(err)}; "
                "see the file format in ANNOTATION_GUIDE.md"
            ) from err
        if record.id in first_line:
            raise InputError(
                f"{path}:{lineno}: paper id {record.id!r} already appears on line "
                f"{first_line[record.id]}; give each paper one line"
            )
        first_line[record.id] = lineno
        records.append(record)
    return records


def _first_error(err: ValidationError) -> str:
    e = err.errors()[0]
    where = ".".join(str(part) for part in e["loc"]) or "record"
    more = f" (and {err.error_count() - 1} more)" if err.error_count() > 1 else ""
    return f"{where}: {e['msg']}{more}"


R = TypeVar("R")


def split_gold(records: Sequence[R]) -> tuple[list[R], list[R]]:
    """Split records into (tune, heldout), heldout being a quarter (rounded down) of them.

    The rule: sort the ids by the hex SHA-1 of their UTF-8 bytes; the first
    ``len(records) // 4`` go to heldout. Both parts keep the input order. The rule
    depends only on the ids, so adding papers moves at most the boundary papers.

    >>> tune, heldout = split_gold([{"id": str(i)} for i in range(8)])
    >>> len(tune), len(heldout)
    (6, 2)
    """
    ids = [_record_id(r) for r in records]
    by_hash = sorted(ids, key=lambda i: hashlib.sha1(i.encode("utf-8")).hexdigest())
    held = set(by_hash[: len(ids) // 4])
    tune = [r for r, i in zip(records, ids) if i not in held]
    heldout = [r for r, i in zip(records, ids) if i in held]
    return tune, heldout


def _record_id(record: Any) -> str:
    return record["id"] if isinstance(record, Mapping) else record.id


# ---------------------------------------------------------------- matching rules


def names_match(
    a: str, b: str, aliases_a: Iterable[str] = (), aliases_b: Iterable[str] = ()
) -> bool:
    """True when the names are equal under `normalize_key`, or one is an alias of the other.

    >>> names_match("Meta-World", "metaworld")
    True
    >>> names_match("Regression Mean", "RegMean", aliases_a=["RegMean"])
    True
    >>> names_match("RegMean", "RegMean++")
    False
    """
    return _Name(a, aliases_a).matches(_Name(b, aliases_b))


class _Name:
    """A name's key and its aliases' keys, computed once per item."""

    __slots__ = ("key", "alias_keys")

    def __init__(self, name: str, aliases: Iterable[str] = ()) -> None:
        self.key = normalize_key(name)
        self.alias_keys = frozenset(normalize_key(a) for a in aliases) - {""}

    def matches(self, other: _Name) -> bool:
        return self.key == other.key or self.key in other.alias_keys or other.key in self.alias_keys


def values_match(a: float, b: float) -> bool:
    """Equal within 1e-6, relative to the magnitude once that exceeds 1.

    >>> values_match(92.7, 92.70000001), values_match(92.7, 92.8)
    (True, False)
    """
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _unit(unit: str | None) -> str | None:
    return (unit or "").strip() or None


def _match(
    n_gold: int, n_pred: int, rank: Callable[[int, int], int | None]
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of gold to predicted items (Kuhn's augmenting paths).

    ``rank(i, j)`` is None when gold i and prediction j cannot pair, else a preference
    (lower first) that decides which of several candidates a gold item takes.
    """
    candidates: list[list[int]] = []
    for i in range(n_gold):
        ranked = [(r, j) for j in range(n_pred) if (r := rank(i, j)) is not None]
        candidates.append([j for _, j in sorted(ranked)])
    owner: list[int | None] = [None] * n_pred

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j not in seen:
                seen.add(j)
                if owner[j] is None or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(n_gold):
        augment(i, set())
    return sorted((i, j) for j, i in enumerate(owner) if i is not None)


# ---------------------------------------------------------------- the report


class Score(_Strict):
    """True positives, false positives, false negatives, and the ratios (0 when 0/0)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn


class EntityRef(_Strict):
    name: str
    type: str


class TypingError(_Strict):
    """A gold entity found under another type: a miss of ``type``, a false positive of ``predicted_type``."""

    name: str
    type: str
    predicted_name: str
    predicted_type: str


class RelationRef(_Strict):
    type: str
    target: str


class ResultRef(_Strict):
    value: float
    unit: str | None
    metric: str | None
    text: str


class MetricMiss(_Strict):
    """A matched result whose gold metric the prediction did not attach (or attached wrongly)."""

    value: float
    unit: str | None
    metric: str
    predicted_metric: str | None


class EntityDetails(_Strict):
    # missed and spurious hold every per-type error, typing errors included.
    missed: list[EntityRef] = Field(default_factory=list)
    spurious: list[EntityRef] = Field(default_factory=list)
    typing_errors: list[TypingError] = Field(default_factory=list)


class RelationDetails(_Strict):
    missed: list[RelationRef] = Field(default_factory=list)
    spurious: list[RelationRef] = Field(default_factory=list)


class ResultDetails(_Strict):
    missed: list[ResultRef] = Field(default_factory=list)
    spurious: list[ResultRef] = Field(default_factory=list)
    metric_not_attached: list[MetricMiss] = Field(default_factory=list)


class PaperDetails(_Strict):
    entities: EntityDetails = Field(default_factory=EntityDetails)
    relations: RelationDetails = Field(default_factory=RelationDetails)
    results: ResultDetails = Field(default_factory=ResultDetails)

    def has_errors(self) -> bool:
        return any(
            getattr(part, field)
            for part in (self.entities, self.relations, self.results)
            for field in type(part).model_fields
        )


class EntityScores(_Strict):
    per_type: dict[str, Score] = Field(default_factory=lambda: {t: Score() for t in ENTITY_TYPES})
    overall: Score = Field(default_factory=Score)
    typing_errors: int = 0
    # "Method->Model": how often a gold Method was found as a Model.
    typing_errors_by_type: dict[str, int] = Field(default_factory=dict)


class RelationScores(_Strict):
    per_type: dict[str, Score] = Field(default_factory=lambda: {t: Score() for t in RELATION_TYPES})
    overall: Score = Field(default_factory=Score)


class MetricAttached(_Strict):
    """Of the matched results whose gold names a metric, how many predictions name the same."""

    matched_with_metric: int = 0
    attached: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def share(self) -> float:
        return self.attached / self.matched_with_metric if self.matched_with_metric else 0.0


class ResultScores(_Strict):
    overall: Score = Field(default_factory=Score)
    metric_attached: MetricAttached = Field(default_factory=MetricAttached)


class Report(_Strict):
    papers: int = 0
    # Gold papers with no prediction record (scored as empty predictions).
    missing_predictions: list[str] = Field(default_factory=list)
    # Prediction records whose id is not in the gold (not scored).
    ignored_predictions: list[str] = Field(default_factory=list)
    entities: EntityScores = Field(default_factory=EntityScores)
    relations: RelationScores = Field(default_factory=RelationScores)
    results: ResultScores = Field(default_factory=ResultScores)
    details: dict[str, PaperDetails] = Field(default_factory=dict)

    def to_dict(self, details: bool = True) -> dict[str, Any]:
        """The report as JSON-ready data; ``details=False`` leaves out the per-paper lists."""
        return self.model_dump(mode="json", exclude=None if details else {"details"})


# ---------------------------------------------------------------- scoring


def score(gold_records: Iterable[Any], pred_records: Iterable[Any]) -> Report:
    """Score predictions against gold; records are dicts or pydantic models in the gold format.

    >>> gold = [{"id": "p", "entities": [{"name": "Meta-World", "type": "Dataset"}]}]
    >>> pred = [{"id": "p", "entities": [{"name": "MetaWorld", "type": "Dataset"}]}]
    >>> score(gold, pred).entities.overall.f1
    1.0
    """
    gold = _coerce_all(gold_records, "gold")
    pred = _coerce_all(pred_records, "prediction")
    report = Report(
        papers=len(gold),
        missing_predictions=[i for i in gold if i not in pred],
        ignored_predictions=[i for i in pred if i not in gold],
    )
    for paper_id, g in gold.items():
        p = pred.get(paper_id) or GoldRecord(id=paper_id)
        details = PaperDetails()
        _score_entities(g, p, report.entities, details.entities)
        _score_relations(g, p, report.relations, details.relations)
        _score_results(g, p, report.results, details.results)
        report.details[paper_id] = details
    return report


def _coerce_all(records: Iterable[Any], side: str) -> dict[str, GoldRecord]:
    out: dict[str, GoldRecord] = {}
    for n, record in enumerate(records, start=1):
        try:
            if isinstance(record, BaseModel) and not isinstance(record, GoldRecord):
                record = record.model_dump()
            rec = GoldRecord.model_validate(record)
        except ValidationError as err:
            raise InputError(
                f"{side} record {n} is not in the gold format: {_first_error(err)}; "
                "see the file format in ANNOTATION_GUIDE.md"
            ) from err
        if rec.id in out:
            raise InputError(f"{side} record {n}: paper id {rec.id!r} appears twice; give each paper one record")
        out[rec.id] = rec
    return out


def _distinct_entities(record: GoldRecord) -> list[GoldEntity]:
    """One entity per (type, key); the aliases of repeats are merged into the first."""
    seen: dict[tuple[str, str], GoldEntity] = {}
    for e in record.entities:
        k = (e.type, normalize_key(e.name))
        if k in seen:
            seen[k] = seen[k].model_copy(update={"aliases": seen[k].aliases + e.aliases})
        else:
            seen[k] = e
    return list(seen.values())


def _score_entities(g: GoldRecord, p: GoldRecord, scores: EntityScores, details: EntityDetails) -> None:
    gold, pred = _distinct_entities(g), _distinct_entities(p)
    gn = [_Name(e.name, e.aliases) for e in gold]
    pn = [_Name(e.name, e.aliases) for e in pred]

    def ranker(same: Callable[[str, str], bool]) -> Callable[[int, int], int | None]:
        def rank(i: int, j: int) -> int | None:
            if not same(gold[i].type, pred[j].type) or not gn[i].matches(pn[j]):
                return None
            return 0 if gn[i].key == pn[j].key else 1

        return rank

    # Per type: types must agree.
    pairs = _match(len(gold), len(pred), ranker(lambda a, b: a == b))
    hit_g, hit_p = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, _ in pairs:
        scores.per_type[gold[i].type].add(tp=1)
    missed = [i for i in range(len(gold)) if i not in hit_g]
    spurious = [j for j in range(len(pred)) if j not in hit_p]
    for i in missed:
        scores.per_type[gold[i].type].add(fn=1)
        details.missed.append(EntityRef(name=gold[i].name, type=gold[i].type))
    for j in spurious:
        scores.per_type[pred[j].type].add(fp=1)
        details.spurious.append(EntityRef(name=pred[j].name, type=pred[j].type))

    # Typing errors: what is left pairs up by name alone (the types necessarily differ).
    left = _match(
        len(missed), len(spurious), lambda a, b: 0 if gn[missed[a]].matches(pn[spurious[b]]) else None
    )
    for a, b in left:
        ge, pe = gold[missed[a]], pred[spurious[b]]
        details.typing_errors.append(
            TypingError(name=ge.name, type=ge.type, predicted_name=pe.name, predicted_type=pe.type)
        )
        pair = f"{ge.type}->{pe.type}"
        scores.typing_errors_by_type[pair] = scores.typing_errors_by_type.get(pair, 0) + 1
    scores.typing_errors += len(left)

    # Overall: Method and Task are one type.
    def same_class(a: str, b: str) -> bool:
        return _TYPE_CLASS.get(a, a) == _TYPE_CLASS.get(b, b)

    n_overall = len(_match(len(gold), len(pred), ranker(same_class)))
    scores.overall.add(tp=n_overall, fp=len(pred) - n_overall, fn=len(gold) - n_overall)


def _name_in(record: GoldRecord, name: str) -> _Name:
    """A target, metric or dataset name with the aliases of the entity of its record it names."""
    key = normalize_key(name)
    entity = next((e for e in record.entities if normalize_key(e.name) == key), None) or next(
        (e for e in record.entities if key in {normalize_key(a) for a in e.aliases}), None
    )
    if entity is None:
        return _Name(name)
    return _Name(name, [entity.name, *entity.aliases])


def _distinct_relations(record: GoldRecord) -> list[GoldRelation]:
    seen: dict[tuple[str, str], GoldRelation] = {}
    for r in record.relations:
        seen.setdefault((r.type, normalize_key(r.target)), r)
    return list(seen.values())


def _score_relations(g: GoldRecord, p: GoldRecord, scores: RelationScores, details: RelationDetails) -> None:
    gold, pred = _distinct_relations(g), _distinct_relations(p)
    gn = [_name_in(g, r.target) for r in gold]
    pn = [_name_in(p, r.target) for r in pred]

    def rank(i: int, j: int) -> int | None:
        if gold[i].type != pred[j].type or not gn[i].matches(pn[j]):
            return None
        return 0 if gn[i].key == pn[j].key else 1

    pairs = _match(len(gold), len(pred), rank)
    hit_g, hit_p = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, r in enumerate(gold):
        if i in hit_g:
            scores.per_type[r.type].add(tp=1)
        else:
            scores.per_type[r.type].add(fn=1)
            details.missed.append(RelationRef(type=r.type, target=r.target))
    for j, r in enumerate(pred):
        if j not in hit_p:
            scores.per_type[r.type].add(fp=1)
            details.spurious.append(RelationRef(type=r.type, target=r.target))
    scores.overall.add(tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold) - len(pairs))


def _result_ref(r: GoldResult) -> ResultRef:
    return ResultRef(value=r.value, unit=r.unit, metric=r.metric, text=r.text)


def _score_results(g: GoldRecord, p: GoldRecord, scores: ResultScores, details: ResultDetails) -> None:
    gold, pred = g.results, p.results

    def metric_attached(i: int, j: int) -> bool:
        gm, pm = gold[i].metric, pred[j].metric
        return gm is not None and pm is not None and _name_in(g, gm).matches(_name_in(p, pm))

    def rank(i: int, j: int) -> int | None:
        if not values_match(gold[i].value, pred[j].value) or _unit(gold[i].unit) != _unit(pred[j].unit):
            return None
        # Among equal numbers, pair those that also agree on the metric.
        return 0 if metric_attached(i, j) else 1

    pairs = _match(len(gold), len(pred), rank)
    hit_g, hit_p = {i for i, _ in pairs}, {j for _, j in pairs}
    details.missed.extend(_result_ref(r) for i, r in enumerate(gold) if i not in hit_g)
    details.spurious.extend(_result_ref(r) for j, r in enumerate(pred) if j not in hit_p)
    scores.overall.add(tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold) - len(pairs))
    for i, j in pairs:
        gm = gold[i].metric
        if gm is None:
            continue
        scores.metric_attached.matched_with_metric += 1
        if metric_attached(i, j):
            scores.metric_attached.attached += 1
        else:
            details.metric_not_attached.append(
                MetricMiss(value=gold[i].value, unit=gold[i].unit, metric=gm, predicted_metric=pred[j].metric)
            )


# ---------------------------------------------------------------- terminal output


def render_report(report: Report, details: bool = False) -> list[Table]:
    """Tables for the terminal: entities, relations, results, and with ``details`` the errors per paper."""
    entities = _score_table("Entities", "type", report.entities.per_type)
    entities.add_section()
    entities.add_row(*_score_cells("overall (Method = Task)", report.entities.overall), style="bold")
    n = report.entities.typing_errors
    by_type = ", ".join(f"{k} {v}" for k, v in sorted(report.entities.typing_errors_by_type.items()))
    entities.caption = f"typing errors: {n}" + (f" ({by_type})" if by_type else "")

    relations = _score_table("Relations", "relation", report.relations.per_type)
    relations.add_section()
    relations.add_row(*_score_cells("overall", report.relations.overall), style="bold")

    results = _score_table("Results (value, unit)", "", {"results": report.results.overall})
    ma = report.results.metric_attached
    results.caption = f"metric attached: {ma.attached}/{ma.matched_with_metric} ({ma.share:.3f})"

    tables = [entities, relations, results]
    for t in tables:
        t.title = f"{t.title} - {report.papers} papers"
    if report.missing_predictions:
        results.caption += f"; {len(report.missing_predictions)} papers had no prediction"
    if details:
        tables.append(_details_table(report))
    return tables


_HEADERS = ("tp", "fp", "fn", "precision", "recall", "F1")


def _score_table(title: str, first: str, rows: Mapping[str, Score]) -> Table:
    table = Table(title=title)
    table.add_column(first)
    for h in _HEADERS:
        table.add_column(h, justify="right")
    for name, s in rows.items():
        table.add_row(*_score_cells(name, s))
    return table


def _score_cells(name: str, s: Score) -> list[str]:
    return [name, str(s.tp), str(s.fp), str(s.fn), f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}"]


def _details_table(report: Report) -> Table:
    table = Table(title="Errors per paper", show_lines=True)
    for h in ("paper", "kind", "missed", "spurious", "typing errors / metric not attached"):
        table.add_column(h, overflow="fold")
    for paper_id, d in report.details.items():
        if not d.has_errors():
            continue
        e, r, x = d.entities, d.relations, d.results
        rows = [
            ("entities", [f"{m.name} ({m.type})" for m in e.missed], [f"{m.name} ({m.type})" for m in e.spurious],
             [f"{t.name}: {t.type} -> {t.predicted_type}" for t in e.typing_errors]),
            ("relations", [f"{m.type} {m.target}" for m in r.missed], [f"{m.type} {m.target}" for m in r.spurious], []),
            ("results", [_result_text(m) for m in x.missed], [_result_text(m) for m in x.spurious],
             [f"{m.value:g}{m.unit or ''}: {m.metric} -> {m.predicted_metric}" for m in x.metric_not_attached]),
        ]
        first = True
        for kind, missed, spurious, other in rows:
            if missed or spurious or other:
                table.add_row(paper_id if first else "", kind, "\n".join(missed), "\n".join(spurious), "\n".join(other))
                first = False
    return table


def _result_text(r: ResultRef) -> str:
    return r.text or f"{r.value:g}{r.unit or ''}"


# ---------------------------------------------------------------- predictions


def records_from_graph(graph) -> list[dict[str, Any]]:
    """Prediction records in the gold format, one per Paper node of a kg graph."""
    records = []
    for node, attrs in graph.nodes(data=True):
        if attrs.get("label") != "Paper":
            continue
        entities, relations, results = {}, [], []
        for _, target, edge in graph.out_edges(node, data=True):
            target_attrs = graph.nodes[target]
            if edge["type"] == "MENTIONS":
                entities[target] = {
                    "name": target_attrs["name"],
                    "type": target_attrs["label"],
                    "aliases": target_attrs.get("aliases", []),
                }
            elif edge["type"] in RELATION_TYPES:
                relations.append({"type": edge["type"], "target": target_attrs["name"]})
            elif edge["type"] == "REPORTS":
                results.append({name: target_attrs.get(name) for name in ("value", "unit", "metric", "dataset", "text")})
        records.append(
            {"id": attrs["id"], "title": attrs["title"], "abstract": attrs.get("abstract", ""),
             "entities": list(entities.values()), "relations": relations, "results": results}
        )
    return records


def predict_records(gold_records: Iterable[GoldRecord], nlp=None) -> list[dict[str, Any]]:
    """Run the extractor on the gold papers' titles and abstracts; predictions in the gold format."""
    from kg.extract import extract
    from kg.graph import build_graph
    from kg.models import Paper

    papers = [Paper(id=record.id, title=record.title, abstract=record.abstract) for record in gold_records]
    return records_from_graph(build_graph(extract(papers, nlp)))
