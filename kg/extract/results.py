"""kg_results: reported numbers with a unit or scale, and what they measure.

"92.7% accuracy", "+3.1 pp", "2.5x faster", "six times", "4.2/5", "ROUGE-L 74.68",
"from 17% to 60%" (two results), "10.1-36.6%" (two results). Counts of things are
not results ("5 authors", "7B parameters", "25% of the training data"). A result takes
the metric named in its clause and the dataset named in its clause (the nearest in its
sentence when the clause names none). Results land in ``doc._.kg_results``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.sentences import doc_text, sentence_entities

__all__ = ["FoundResult", "find_results", "find_bare_scores", "attach", "ResultFinder"]

if not Doc.has_extension("kg_results"):
    Doc.set_extension("kg_results", default=None)


@dataclass(frozen=True)
class FoundResult:
    start: int  # character offsets in the text searched
    end: int
    value: float
    unit: str | None
    text: str
    metric: str | None = None
    dataset: str | None = None


@lru_cache(maxsize=1)
def _cues() -> dict:
    text = resources.files("kg.resources").joinpath("result_cues.json").read_text(encoding="utf-8")
    return json.loads(text)


# A sign is no minus after a percentage: "30%-50%" is a range.
_NUM = r"(?:(?<![\w.,/\-%@])[+\-]?|(?<=%[-–~])|(?<=%--))(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|\.\d+)"
_UNIT = (
    r"\s?(?:(?P<pp>\s?(?:pp\b|p\.p\.|percentage[\s-]points?\b|%\s?points?\b))"
    r"|(?P<pct>\\?%|\s?percent\b)"
    r"|(?P<x>(?:\s?\\times\b|\s?×|x\b)(?!\s?\d))"
    r"|(?P<scale>\s?/\s?(?:5|7|10|100)\b(?![.,]\d))"
    r"|(?P<points>\s(?:absolute\s)?points?\b))"
)
# LaTeX sources write ranges "3--6%", some authors "30~40%".
_RESULT = re.compile(_NUM + r"(?:\s?(?:--|-|–|~|to)\s?(?P<upper>\d+(?:\.\d+)?))?" + _UNIT)
_WORD_TIMES = re.compile(r"\b(?P<word>two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)[\s-](?:times|fold)\b", re.I)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twenty": 20, "hundred": 100}
_TIMES = re.compile(_NUM + r"[\s-]?(?:times|fold)\b")
# "accuracy at 87 ms": a number with a unit of time after a metric is no score.
_TIME_UNIT = r"(?:ms|s|sec|seconds?|min|minutes?|h|hrs?|hours?|days?)\b"
_BARE = re.compile(
    r"^\s?(?:\(|score\s+)?(?:of\s+|=\s?|:\s?|is\s+|was\s+|at\s+|reaches\s+|reaching\s+)?" + _NUM
    + r"(?![\w%×/]|[.,]\d|-[A-Za-z]|\s?(?:%|percent|x\b|pp\b|points?\b|" + _TIME_UNIT + "))"
)


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _unit_of(match: re.Match) -> str:
    if match.group("pct"):
        return "%"
    if match.group("pp"):
        return "pp"
    if match.group("x"):
        return "x"
    if match.group("scale"):
        return "/" + match.group("scale").split("/")[-1].strip()
    return "points"


def _is_count(text: str, end: int, unit: str, value: float) -> bool:
    """"25% of the training data", "3 points in the grid": shares and counts, not scores."""
    if unit == "%" and (more := _MORE_PERCENTAGES.match(text, end)):
        end = more.end()  # "using 50%, 30%, and even 10% training data": the list's last item says
    after = text[end : end + 40].lower()
    if unit == "%":
        if _is_direct_share(after):
            return True
        # "of the training data", "of the parameters and memory": a resource noun first or
        # second, not one an adverb follows ("answered 21% of questions correctly" is a score).
        words = re.match(r"\s+of\s+(?:(?:the|all|its|their|our)\s+)*(\w+)(?:\s+(\w+))?", after)
        if not words or (words.group(2) or "").endswith("ly"):
            return False
        nouns = _cues()["resource_nouns"]
        return words.group(1) in nouns or words.group(2) in nouns
    if unit == "points":
        before = text[max(0, end - 40) : end].lower()
        return not re.search(r"(\bby|\+|\.\d+)\s?\S*\s?(absolute\s)?points?$", before) and "." not in before[-12:]
    if unit == "x":
        return value > 1000
    return False


_MORE_PERCENTAGES = re.compile(r"(?:,?\s+(?:and\s+|or\s+)?(?:even\s+|only\s+|just\s+)?\d+(?:\.\d+)?\s?%)+")


def _is_direct_share(after: str) -> bool:
    """"with 1% labeled data", "(20% training)": a share of the data, unless a measure follows
    ("98.4% training accuracy", "73.5% data reduction").

    >>> [_is_direct_share(s) for s in (" labeled data", " training)", " training accuracy", " data reduction")]
    [True, True, False, False]
    """
    words = re.match(r"\s+(\w+)(?:\s+(\w+))?", after)
    if not words or words.group(1) not in _cues()["share_nouns"]:
        return False
    following = words.group(2)
    return following not in _cues()["share_measures"] and following not in _cues()["comparatives"]


def _times_is_result(text: str, end: int) -> bool:
    following = re.match(r"\s*(\w+)", text[end:])
    return bool(following) and following.group(1).lower() in _cues()["comparatives"]


# "98.21 +/- 0.35%", "$99.3 \\pm 0.02\\%$", "0.82 ± 0.15": a mean and its spread; the spread
# is no result, and the mean takes the unit written after the spread.
_SPREAD = re.compile(
    r"(?<![\w.])(?P<mean>\d+(?:\.\d+)?)(?P<mean_unit>\s?\\?%)?\s*\$?\s*(?:±|\+/-|\+-|\\pm)\s*\$?\s*"
    r"(?P<spread>\d+(?:\.\d+)?)(?P<spread_unit>" + _UNIT + ")?"
)


def _without_spreads(text: str, found: list[FoundResult]) -> list[FoundResult]:
    """The results less the spreads of "mean +/- spread", with each mean the unit written after
    its spread ("98.21 +/- 0.35%"): a bare score's spread gives way to its mean ("0.93 +/- 0.01
    accuracy")."""
    spreads = list(_SPREAD.finditer(text)) if "+" in text or "±" in text or "\\pm" in text else []
    if not spreads:
        return found
    kept = []
    for result in found:
        spread = next((m for m in spreads if m.start("spread") <= result.start < m.end()), None)
        if spread is None:
            kept.append(result)
        elif result.unit is None and not spread.group("spread_unit"):
            mean = spread.group("mean")
            kept.append(FoundResult(spread.start(), spread.end("mean"), _number(mean), None, mean, result.metric))
    starts = {result.start for result in kept}
    for match in spreads:
        if match.group("spread_unit") and not match.group("mean_unit") and match.start() not in starts:
            kept.append(FoundResult(match.start(), match.end(), _number(match.group("mean")), _unit_of(match), match.group()))
    return sorted(kept, key=lambda result: result.start)


def find_results(text: str) -> list[FoundResult]:
    """Numbers with a unit or scale in a sentence, in text order.

    >>> [(r.value, r.unit) for r in find_results("from 17% to 60%, 10.1-36.6% and 2.5x faster")]
    [(17.0, '%'), (60.0, '%'), (10.1, '%'), (36.6, '%'), (2.5, 'x')]
    >>> find_results("We use 25% of the training data, 7B parameters and 10.7% of the parameters and memory.")
    []
    >>> [(r.text, r.value, r.unit) for r in find_results("98.21 +/- 0.35%, 99.3 ± 0.2 % and 64.0% +- 2.6%")]
    [('98.21 +/- 0.35%', 98.21, '%'), ('99.3 ± 0.2 %', 99.3, '%'), ('64.0%', 64.0, '%')]
    >>> [r.text for r in find_results("Accuracy was 88.2% (95% CI: 85.1-90.3%), tau 0.61 (95% CI [0.36, 0.81]).")]
    ['88.2%']
    """
    found: list[FoundResult] = []
    for match in _RESULT.finditer(text):
        unit = _unit_of(match)
        value = _number(match.group(1))
        if _is_count(text, match.end(), unit, value):
            continue
        if match.group("upper"):
            lower_end = match.start(1) + len(match.group(1))
            found.append(FoundResult(match.start(), lower_end, value, unit, text[match.start() : lower_end]))
            found.append(FoundResult(match.start("upper"), match.end(), _number(match.group("upper")), unit, text[match.start("upper") : match.end()]))
        else:
            found.append(FoundResult(match.start(), match.end(), value, unit, match.group().strip()))
        if unit in ("%", "pp", "points"):
            found += _listed_before(text, match.start(), unit)
    for match in _TIMES.finditer(text):
        if _times_is_result(text, match.end()):
            found.append(FoundResult(match.start(), match.end(), _number(match.group(1)), "x", match.group()))
    for match in _WORD_TIMES.finditer(text):
        if _times_is_result(text, match.end()):
            value = float(_NUMBER_WORDS[match.group("word").lower()])
            found.append(FoundResult(match.start(), match.end(), value, "x", match.group()))
    found = _without_spreads(text, sorted(found, key=lambda result: result.start))
    if "%" in text and ("CI" in text or "interval" in text or "HDI" in text) and _INTERVAL.search(text):
        intervals = [match.span() for match in _INTERVAL.finditer(text)]
        found = [result for result in found if not any(a <= result.start < b for a, b in intervals)]
    return found


# "95% CI [0.36, 0.81]", "(95% confidence interval: 85.1-90.3%)": an interval's level and
# bounds are no results.
_INTERVAL = re.compile(
    r"\d+(?:\.\d+)?\s?\\?%\s?(?:CIs?|C\.I\.|(?:confidence|credible|bootstrap|prediction) intervals?|HDI)\b"
    r"(?:\s*[:=,]?\s*[\[(][^\])]{0,40}[\])]|\s*[:=,]?\s*(?:[\d.%\s\-–,]|to\b){0,30}(?=[);]))?"
)


# "+6.25 and +7.81 points", "by 3.2, 4.1 and 5.0 points": numbers listed before the one
# that carries their unit (not years: "in 2023 and 45%").
_LISTED_NUMBERS = re.compile(
    r"(?<![\w.,/@\-])([+\-]?\d{1,3}(?:\.\d+)?(?:,\s*[+\-]?\d{1,3}(?:\.\d+)?)*),?\s+(?:and|or)\s+$"
)
_LISTED_NUMBER = re.compile(r"[+\-]?\d{1,3}(?:\.\d+)?")


def _listed_before(text: str, start: int, unit: str) -> list[FoundResult]:
    """The results a list of bare numbers gives, sharing the unit of the number after it.

    >>> [(r.text, r.value) for r in _listed_before("by +6.25 and +7.81 points", 13, "points")]
    [('+6.25', 6.25)]
    """
    window = max(0, start - 80)
    listed = _LISTED_NUMBERS.search(text, window, start)
    if not listed:
        return []
    offset = listed.start(1)
    return [
        FoundResult(offset + number.start(), offset + number.end(), _number(number.group()), unit, number.group())
        for number in _LISTED_NUMBER.finditer(listed.group(1))
    ]


_BARE_BEFORE = re.compile(_NUM + r"\s$")


def find_bare_scores(text: str, metric_ends: list[tuple[int, str]], metric_starts: list[tuple[int, str]] = ()) -> list[FoundResult]:
    """Scores with no unit next to a metric: "ROUGE-L 74.68", "F1 of 0.91", "0.5 BLEU"."""
    found = []
    for start, metric in metric_starts:
        match = _BARE_BEFORE.search(text[max(0, start - 16) : start])
        if match:
            offset = max(0, start - 16)
            found.append(FoundResult(offset + match.start(), offset + match.end(1), _number(match.group(1)), None, match.group().strip(), metric=metric))
    for end, metric in metric_ends:
        match = _BARE.match(text[end : end + 30])
        if match:
            start = end + match.start(1)
            found.append(FoundResult(start, end + match.end(1), _number(match.group(1)), None, text[start : end + match.end(1)], metric=metric))
    return _without_spreads(text, found)


# Where a clause ends: not at the ", and" of a list of numbers ("50.1%, 92.4%, and 67.7% accuracies",
# "improves accuracy by 2.1% on X, and by 3.4% on Y").
# ", and Kestrel (94.50% ...)" goes on a list of scores; it starts no clause.
_CLAUSE_END = re.compile(
    r";| while | whereas |, but |, and (?!(?:by |to |of |at )?[+\-−~]?\$?\d|[\w\-.]+ \([+\-]?\d[\d.]*\s*%)"
)


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((sep.start() for sep in _CLAUSE_END.finditer(text) if sep.end() <= start), default=-1)
    right = _CLAUSE_END.search(text, end)
    return left + 1, right.start() if right else len(text)


def _nearest(spans: list[Span], sent_start: int, result: FoundResult, bounds: tuple[int, int]) -> str | None:
    def distance(span: Span) -> int:
        start, end = span.start_char - sent_start, span.end_char - sent_start
        return max(start - result.end, result.start - end, 0)

    inside = [span for span in spans if bounds[0] <= span.start_char - sent_start < bounds[1]]
    pool = inside or spans
    return min(pool, key=distance).text if pool else None


_FOLLOWING_WORD = re.compile(r"\s*([\w\-]+)\s*")


# "by up to 4x", "of about 30%": a hedge between a change and its number.
_ROUGHLY = r"(?:up\s+to\s+|about\s+|over\s+|nearly\s+|approximately\s+|~\s?)?"
_CHANGE_OF_BEFORE = re.compile(
    r"(?P<what>[\w\-]+(?:\s+[\w\-]+)?)\s+(?:reductions?|improvements?|increases?|decreases?|savings?)\s+of\s+" + _ROUGHLY + "$"
)
_NOUN_BY = re.compile(r"([\w\-]+)\s+by\s+" + _ROUGHLY + "$")


# "reduces risk exposure by 23.22%", "improves the task success rate of LLM agents by 24.1%":
# the object of a verb of change, right before "by", is what the number measures.
_CHANGED_OBJECT = re.compile(
    r"\b(?:improv|reduc|lower|increas|boost|cut|decreas|rais|enhanc|lift|shorten)\w*\s+(?P<object>(?:(?!\bby\b)[^,;:()\d]){1,60}?)"
    r"\s+by\s+(?:up\s+to\s+|about\s+|over\s+|nearly\s+|approximately\s+|an\s+average\s+of\s+|~\s?)?$"
)


def _changed_object(
    text: str, result: FoundResult, metrics: list[Span], others: list[Span], start: int
) -> tuple[bool, str | None]:
    """(whether the result measures the object of a verb of change, the metric written in that
    object): "lowers calibration error by 13.89%" gives calibration error, "increases
    governance compliance by 9.76%" no metric, whatever else the sentence names. Not a
    compared thing: "improves the baseline by 2%", "improves Focal-SAM by 10.85 points"."""
    changed = _CHANGED_OBJECT.search(text, max(0, result.start - 90), result.start)
    if changed is None or changed.group("object").split()[-1].lower() in _cues()["unnamed_measures"]:
        return False, None
    if any(span.end_char - start == changed.end("object") and span.label_ in ("Model", "Method") for span in others):
        return False, None
    inside = [m.text for m in metrics if changed.start("object") <= m.start_char - start and m.end_char - start <= changed.end("object")]
    return True, inside[-1] if inside else None


# "38.0% latency reduction", "50% memory savings", "a 40% reduction in peak memory".
_CHANGE_OF_WHAT_AFTER = re.compile(
    r"(?:\s?[-–~]\s?\d+(?:\.\d+)?\s?%?)?"  # the first number of a range: "77.5-80.4% memory reduction"
    r"\s+(?:(?P<what>(?:[\w\-]+\s+){0,2}?[\w\-]+)\s+(?:reductions?|savings?|decrease|increase|overhead)"
    r"|(?:reductions?|decrease|increase|savings?)\s+in\s+(?:the\s+)?(?P<what_after>[\w\-]+(?:\s+[\w\-]+)?))\b"
)


_NAMED_AFTER = re.compile(r"\s+(?:(?!(?:without|with|of|in|on|at|for|to|than|and|or)\b)[\w\-]+\s+)?(?P<word>[\w\-]+)\b")


def _measures_a_resource(text: str, result: FoundResult, metric_starts: list[int]) -> bool:
    """Whether a result measures speed, size or cost ("2.8x faster", "41.8% fewer devices",
    "reducing training latency by 43x"), not the metric the sentence names elsewhere: unless
    a metric follows ("10% less error")."""
    before = _NOUN_BY.search(text, max(0, result.start - 60), result.start)
    if before and before.group(1).lower() in _cues()["resource_measures"]:
        return True
    # "a memory reduction of 4x", "a token-throughput improvement of 2.7x"
    change = " of " in text[max(0, result.start - 25) : result.start] and _CHANGE_OF_BEFORE.search(
        text, max(0, result.start - 60), result.start
    )
    if change and any(part in _cues()["resource_measures"] for part in re.split(r"[\s\-]+", change.group("what").lower())):
        return True
    # "27.9-38.0% latency reduction", "a 40% reduction in memory usage"
    if changed := _CHANGE_OF_WHAT_AFTER.match(text, result.end):
        what = changed.group("what") or changed.group("what_after")
        if any(word in _cues()["resource_measures"] for word in what.lower().split()):
            return True
    # "reduces 10x to 500x retrieval time", "reducing 83.0% peak memory": a resource named right after
    if (named := _NAMED_AFTER.match(text, result.end)) and named.group("word").lower() in _cues()["resource_measures"]:
        return True
    following = _FOLLOWING_WORD.match(text, result.end)
    if not following or following.group(1).lower() not in _cues()["resource_comparatives"]:
        return False
    return following.end() not in metric_starts


_BINDS_TO_NUMBER = re.compile(r"\s+(?:by|of|at|=|:)\s+(?:[+\-]?\d+(?:\.\d+)?\s?%?,?\s+(?:(?:and|or)\s+)?)*$")


# "15.20% in word error rate", "a 3-point gain in terms of F1": the metric a gain is in.
_GAIN_IN = re.compile(r"\s+in\s+(?:the\s+)?(?:terms\s+of\s+)?")


def _metric_bound_before(text: str, result: FoundResult, metrics: list[Span], start: int) -> str | None:
    """The metric written right before a result and bound to it: "improving TTFT by 33%,
    TPOT by 22%" (not the nearer TPOT after the comma), "dice scores of 83.28, 87.44, and
    84.50% and Jaccard indices of ..." (the last of a list), unless a metric follows the
    number: "68% recall at 90% precision", "TPR at 1% FPR"."""
    if any(text[result.end : metric.start_char - start].isspace() for metric in metrics):
        return None
    return _span_bound_before(metrics, _BINDS_TO_NUMBER, text, result, start)


def _span_bound_before(spans: list[Span], binding: re.Pattern, text: str, result: FoundResult, start: int) -> str | None:
    """The span before a result that only `binding` words part from it."""
    for span in spans:
        end = span.end_char - start
        if end <= result.start and binding.match(text[end : result.start]):
            return span.text
    return None


def _span_bound_after(spans: list[Span], binding: re.Pattern, text: str, result: FoundResult, start: int) -> str | None:
    """The span after a result that only `binding` words part from it."""
    for span in spans:
        begin = span.start_char - start
        if begin >= result.end and binding.fullmatch(text, result.end, begin):
            return span.text
    return None


def attach(
    result: FoundResult, text: str, start: int, metrics: list[Span], datasets: list[Span], others: list[Span] = ()
) -> FoundResult:
    """The result with the metric of its clause and the dataset of its clause (else of its sentence).

    `text` is the sentence and `start` its offset in the Doc, where the spans live; `others`
    are the sentence's other entities ("improves Focal-SAM by 10.85 points" names what was beaten).
    """
    bounds = _clause_bounds(text, result.start, result.end)
    metric_starts = [m.start_char - start for m in metrics]
    if result.metric:
        metric = result.metric
    elif bound := _metric_bound_before(text, result, metrics, start):
        metric = bound
    elif bound := _span_bound_after(metrics, _GAIN_IN, text, result, start):
        metric = bound  # "5.88% in speaker similarity, 15.20% in word error rate"
    elif (changed := _changed_object(text, result, metrics, others, start))[0]:
        metric = changed[1]
    elif _measures_a_resource(text, result, metric_starts):
        metric = None
    else:
        # only a metric of its clause: "F1 rose to 85.0%, and leakage fell to 4.02%" says
        # nothing of the F1 of 4.02%
        metric = _nearest([m for m in metrics if bounds[0] <= m.start_char - start < bounds[1]], start, result, bounds)
    dataset = (
        _dataset_changed_from(text, result, datasets, start)
        or _span_bound_after(datasets, _SCORED_ON, text, result, start)
        or _nearest(datasets, start, result, bounds)
    )
    return FoundResult(result.start, result.end, result.value, result.unit, result.text, metric, dataset)


# "on SimpleQA from 30% to 80% and on HotpotQA ...": both numbers are SimpleQA's.
_FROM_TO_AFTER = re.compile(r"\s+from\s+(?:[+\-]?\d+(?:\.\d+)?\s?%?\s+to\s+)?$")


def _dataset_changed_from(text: str, result: FoundResult, datasets: list[Span], start: int) -> str | None:
    """The dataset right before "from <number> to <number>", for both numbers."""
    if not datasets or " from " not in text:
        return None
    return _span_bound_before(datasets, _FROM_TO_AFTER, text, result, start)


# "34.8 mAP@10 on CIRCO and 75.7 mAP@200 on Sketchy": the second number is Sketchy's, though
# CIRCO stands nearer. Up to three words (the metric's) and "on" or "in" part a number from
# the dataset it was scored on.
_SCORED_ON = re.compile(
    r"(?:\s+(?!(?:and|or|by|than|to|from|while|whereas|but|vs|versus|compared|over)\b)[^\s,;:()]+){0,3}?"
    r"\s+(?:on|in)\s+(?:the\s+)?"
)


# What may stand between two items of a list: "A, B and C", "A, B, and the C".
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+|/\s*)(?:the\s+)?")
_RESPECTIVELY = re.compile(r",?\s*\(?respectively\b")


def _runs(items: list, bounds, text: str) -> list[list]:
    """`items` (sorted by start) grouped into lists whose neighbours only a comma or "and"
    parts; `bounds(item)` gives its (start, end) in `text`."""
    runs: list[list] = []
    for item in items:
        if runs and _LIST_GAP.fullmatch(text, bounds(runs[-1][-1])[1], bounds(item)[0]):
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def pair_respectively(text: str, start: int, results: list[FoundResult], metrics: list[Span], datasets: list[Span]) -> list[FoundResult]:
    """Results listed before "respectively" take the metrics or datasets listed in the same
    order: "accuracy and F1 improve by 3.2% and 4.1%, respectively", "81.2% and 77.5% on
    QuorraQA and VireoBench, respectively". Only a list of as many names as numbers pairs;
    without one, the numbers share the first one's metric ("cuts latency and memory by 50%
    and 21%, respectively" measures no metric named elsewhere in the sentence)."""
    if "respectively" not in text or len(results) < 2:
        return results

    def span_bounds(span: Span) -> tuple[int, int]:
        return span.start_char - start, span.end_char - start

    metric_runs = _runs(sorted(metrics, key=lambda s: s.start_char), span_bounds, text)
    dataset_runs = _runs(sorted(datasets, key=lambda s: s.start_char), span_bounds, text)
    paired = {}
    for run in _runs(results, lambda r: (r.start, r.end), text):
        said = _RESPECTIVELY.search(text, run[-1].end)
        if len(run) < 2 or said is None:
            continue
        # the name lists of the run's own stretch of sentence: up to its "respectively"
        metric_lists = [names for names in metric_runs if len(names) == len(run) and names[-1].end_char - start <= said.start()]
        dataset_lists = [names for names in dataset_runs if len(names) == len(run) and names[-1].end_char - start <= said.start()]
        for k, result in enumerate(run):
            paired[result.start] = FoundResult(
                result.start, result.end, result.value, result.unit, result.text,
                metric_lists[-1][k].text if len(metric_lists) == 1 else run[0].metric,
                dataset_lists[-1][k].text if len(dataset_lists) == 1 else result.dataset,
            )
    return [paired.get(result.start, result) for result in results]


# "X achieves 86% accuracy, whereas Y reaches only 37.75%.": a second clause scoring another
# system with a bare number of the same unit reports the same metric.
_PARALLEL_SCORE_BEFORE = re.compile(
    r"(?:\bwhereas|\bwhile|, and|, but)\s+(?:[^\s,;]+\s+){1,6}?"
    r"(?:achieve[sd]|reach(?:es|ed)|attain(?:s|ed)|obtain(?:s|ed)|score[sd]|gets|got|yield(?:s|ed)|record(?:s|ed))"
    r"\s+(?:only\s+|just\s+|about\s+|around\s+)?$"
)
_NOTHING_NAMED_AFTER = re.compile(r"\s*(?:[.;,)]|$|(?:on|for|in|during|at|with|when|under)\b)")


def carry_metric_to_parallel_clauses(text: str, results: list[FoundResult]) -> list[FoundResult]:
    """Results with no metric in a parallel clause take the metric of the result before them
    (see _PARALLEL_SCORE_BEFORE), when no word after the number says what it measures.

    >>> found = [FoundResult(11, 14, 86.0, "%", "86%", "accuracy"), FoundResult(48, 54, 37.75, "%", "37.75%")]
    >>> [r.metric for r in carry_metric_to_parallel_clauses("A achieves 86% accuracy, whereas B reaches only 37.75%.", found)]
    ['accuracy', 'accuracy']
    """
    carried = list(results)
    for k in range(1, len(carried)):
        result, before = carried[k], carried[k - 1]
        if (
            result.metric is None and before.metric and before.unit == result.unit
            and _PARALLEL_SCORE_BEFORE.search(text, before.end, result.start)
            and _NOTHING_NAMED_AFTER.match(text, result.end)
        ):
            carried[k] = FoundResult(result.start, result.end, result.value, result.unit, result.text, before.metric, result.dataset)
    return carried


def sentence_results(text: str, start: int, ents: list[Span]) -> list[FoundResult]:
    """Every result of one sentence, with metric and dataset attached."""
    metrics = [ent for ent in ents if ent.label_ == "Metric"]
    datasets = [ent for ent in ents if ent.label_ == "Dataset"]
    others = [ent for ent in ents if ent.label_ not in ("Metric", "Dataset")]
    results = find_results(text)
    taken = [(r.start, r.end) for r in results]
    metric_ends = [(m.end_char - start, m.text) for m in metrics]
    metric_starts = [(m.start_char - start, m.text) for m in metrics]
    results += [r for r in find_bare_scores(text, metric_ends, metric_starts) if not any(s <= r.start < e for s, e in taken)]
    attached = [attach(result, text, start, metrics, datasets, others) for result in sorted(results, key=lambda r: r.start)]
    return pair_respectively(text, start, carry_metric_to_parallel_clauses(text, attached), metrics, datasets)


_HAS_NUMBER = re.compile(r"\d|\btimes\b|\bfold\b")


class ResultFinder:
    """The component: sets ``doc._.kg_results`` to [(sentence index, FoundResult)]."""

    def __init__(self, name: str = "kg_results"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        found = []
        text = doc_text(doc)
        if _HAS_NUMBER.search(text):
            ents_of = sentence_entities(doc)
            for index, (start, end) in enumerate(doc._.kg_sentences or [(0, len(text))]):
                sentence = text[start:end]
                if _HAS_NUMBER.search(sentence):
                    found.extend((index, result) for result in sentence_results(sentence, start, ents_of[index]))
        doc._.kg_results = found
        return doc


@Language.factory("kg_results")
def make_result_finder(nlp: Language, name: str) -> ResultFinder:
    return ResultFinder(name)
