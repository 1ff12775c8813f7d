"""kg_gazetteer: match the shipped name lists (kg/resources/*.jsonl) in a Doc.

Each list row is {"name", "type", "aliases", "source"}. Every name and alias is
matched case-insensitively with its spelling variants (hyphen dropped, hyphen as a
space, plural of a lower-case term), so "Meta-World", "MetaWorld" and "Metaworld"
all find the row named "Meta-World". Matches land in ``doc.spans["kg_gazetteer"]``
with the entity type as label and the row's canonical name as ``span.id_``.

A neighbouring word can show that a listed term means something else there
(kg/resources/word_senses.json): "mixed precision" is a number format, "precision
medicine" a field, "factual recall" a skill, and a metric hyphen-joined to a degree
word ("high-accuracy models", "low-precision attention") is a property of a system.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from kg.extract.abbreviations import FUNCTION_WORDS

__all__ = ["GazetteerRow", "read_gazetteer", "surface_variants", "accepts_match", "Gazetteer"]

SPAN_KEY = "kg_gazetteer"
LIST_FILES = ("datasets.jsonl", "models.jsonl", "methods.jsonl", "metrics.jsonl", "tasks.jsonl")

GazetteerRow = dict  # {"name": str, "type": str, "aliases": list[str], "source": str}


def read_gazetteer(paths: Iterable[Path] | None = None) -> Iterator[GazetteerRow]:
    """Rows of the shipped name lists, or of the given JSONL files."""
    if paths is None:
        folder = resources.files("kg.resources")
        paths = [folder / name for name in LIST_FILES if (folder / name).is_file()]
    for path in paths:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield json.loads(line)


def surface_variants(name: str, type_: str = "") -> set[str]:
    """The spellings of a name that should match it.

    >>> sorted(surface_variants("Meta-World"))
    ['Meta World', 'Meta-World', 'MetaWorld']
    >>> sorted(surface_variants("graph neural network"))
    ['graph neural network', 'graph neural networks']
    >>> sorted(surface_variants("chain-of-thought"))
    ['chain of thought', 'chain of thoughts', 'chain-of-thought', 'chain-of-thoughts', 'chainofthought', 'chainofthoughts']
    >>> sorted(surface_variants("ImageNet-1k"))
    ['ImageNet 1K', 'ImageNet 1k', 'ImageNet-1K', 'ImageNet-1k', 'ImageNet1K', 'ImageNet1k']
    >>> sorted(surface_variants("win rate", "Metric")), sorted(surface_variants("AUC", "Metric"))
    (['win rate', 'win rates', 'win-rate', 'win-rates'], ['AUC', 'AUCs'])
    >>> sorted(surface_variants("Inception Score", "Metric")), sorted(surface_variants("Dice", "Metric"))
    (['Inception Score', 'Inception Scores'], ['Dice'])
    """
    variants = {name}
    if "-" in name:
        variants.add(name.replace("-", ""))
        variants.add(name.replace("-", " "))
    # "win rate" is also written "win-rate": a two-word measure, or a term ending in a head
    # word ("question answering"), joined by a hyphen ("privacy-preserving" is an adjective).
    two_words = name.islower() and name.count(" ") == 1 and "-" not in name
    if two_words and (type_ == "Metric" or name.split()[1] in _term_heads()):
        variants.add(name.replace(" ", "-"))
    # Plurals of common-noun terms, also of techniques and measures after a proper name
    # ("Gaussian processes", "Brier scores"; not "3D geometries" as a task).
    # "Inception Scores": a capitalised word ends a plural technique or measure of several words.
    last = name.rsplit(" ", 1)[-1]
    if last.replace("-", "").isalpha() and last[1:].islower() and (
        name.islower() or " " in name and type_ in ("Method", "Metric")
    ):
        variants |= {_plural(variant) for variant in variants if variant.rsplit(" ", 1)[-1][1:].islower()}
    # "AUCs of 0.91 and 0.88": a measure written as an acronym takes a plural too.
    if type_ == "Metric" and _ACRONYM_MEASURE.fullmatch(name):
        variants.add(name + "s")
    # spaCy splits a unit letter off a number ("ImageNet-1K" -> "ImageNet-1" "K") but not its
    # lower-case form ("ImageNet-1k"): each case is tokenized, and so matched, apart.
    if _COUNT_SUFFIX.search(name):
        variants |= {variant[:-1] + variant[-1].swapcase() for variant in variants}
    variants.discard("")
    return variants


_COUNT_SUFFIX = re.compile(r"\d[kKmM]$")
_ACRONYM_MEASURE = re.compile(r"[A-Z][A-Z0-9]*[A-Z]")


def _plural(name: str) -> str:
    """The plural of a name's last word, or "" when it has no regular one.

    >>> _plural("Gaussian process"), _plural("policy"), _plural("graph"), _plural("analysis")
    ('Gaussian processes', 'policies', 'graphs', '')
    """
    if name.endswith(("ss", "x", "ch", "sh")):
        return name + "es"
    if name.endswith("s"):
        return ""
    if name.endswith("y") and name[-2:-1] not in "aeiou":
        return name[:-1] + "ies"
    return name + "s"


_TERM_TYPES = frozenset({"Metric", "Method", "Task"})


def _term_heads() -> dict[str, str]:
    from kg.extract.patterns import type_cues  # patterns reads the lists through this module

    return type_cues()["term_head"]


def _is_title_cased_term(name: str) -> bool:
    """"Success Rate", "Reinforcement Learning": capitals only as first letters of words."""
    words = name.replace("-", " ").split()
    return all(word[:1].isupper() and word[1:].islower() or word.islower() for word in words)


def accepts_match(name: str, text: str, type_: str = "Dataset") -> bool:
    """Whether a case-insensitive match of `name` written as `text` is really that name.

    A dataset or model name written with capitals and no digit ("Spider", "The Pile")
    is not matched by an all-lower-case occurrence ("spider"): there it is an ordinary
    word. Metric, method and task terms that a list capitalises ("Accuracy",
    "Reinforcement Learning") match in lower case too, unless they hold an acronym
    or inner capital ("BLEU", "SciBench"). An all-capital acronym matches only in capitals.

    >>> accepts_match("Spider", "spider"), accepts_match("Meta-World", "Metaworld")
    (False, True)
    >>> accepts_match("Accuracy", "accuracy", "Metric"), accepts_match("BLEU", "bleu", "Metric")
    (True, False)
    >>> accepts_match("MATH", "Math"), accepts_match("MATH", "MATH"), accepts_match("NDCG", "nDCG", "Metric")
    (False, True, True)
    >>> accepts_match("mAP", "Map", "Metric"), accepts_match("mAP", "MAP", "Metric"), accepts_match("AUC", "AUCs", "Metric")
    (False, True, True)
    >>> accepts_match("NDS", "NDSS", "Metric")
    False
    """
    if name.isupper() and len(name) > 1 and not any(ch.isdigit() for ch in name):
        # An acronym in capitals: "MATH", not "Math". A term's acronym may lower its first
        # letter, the word it abbreviates being a modifier: "nDCG" for NDCG.
        if type_ == "Metric" and len(text) == len(name) + 1:
            if not text.endswith("s"):
                return False  # "NDSS 22" is a venue, not NDS in the plural
            text = text[:-1]  # "AUCs"
        return text.isupper() or (type_ in _TERM_TYPES and len(text) >= 3 and text[0].islower() and text[1:].isupper())
    if name[:1].islower() and not name[1:].islower() and text[:1].isupper() and text[1:].islower():
        return False  # "mAP" and "mIoU" are not the words "Map" and "Miou"
    if name.islower() or any(ch.isdigit() for ch in name):
        return True
    if not text.islower():
        return type_ in _TERM_TYPES or not _lowers_a_capital(name, text)
    return type_ in _TERM_TYPES and _is_title_cased_term(name)


def _lowers_a_capital(name: str, text: str) -> bool:
    """"modern Chinese poems" for "Chinese Poems": where a name is plain capitalised words, one
    of them written in lower case makes the match ordinary words ("the Pile" keeps its
    article; "split MNIST" is MNIST's split)."""
    if " " not in text:
        return False
    lowered = any(
        word[:1].isupper() and written[:1].islower() and word.lower() not in FUNCTION_WORDS
        for word, written in zip(name.split(), text.split())
    )
    return lowered and _is_title_cased_term(name)


def follows_a_percentage(doc: Doc, start: int) -> bool:
    """Whether the token at `start` comes right after a percentage ("96.3% AP")."""
    return start >= 2 and doc[start - 1].text == "%" and any(ch.isdigit() for ch in doc[start - 2].text)


@lru_cache(maxsize=1)
def _word_senses() -> dict:
    senses = json.loads(resources.files("kg.resources").joinpath("word_senses.json").read_text(encoding="utf-8"))
    return {
        "other_sense": {
            term: {side: frozenset(words) for side, words in sides.items()} for term, sides in senses["other_sense"].items()
        },
        "metric_property_prefixes": frozenset(senses["metric_property_prefixes"]),
    }


def means_something_else(span: Span) -> bool:
    """Whether the word before or after a matched term shows it is not the listed thing:
    "mixed precision", "precision medicine", "factual recall", "high-accuracy models"."""
    doc, text = span.doc, span.text
    sense = _word_senses()["other_sense"].get(text.lower())
    if sense and (
        (span.start > 0 and doc[span.start - 1].lower_ in sense["preceded_by"])
        or (span.end < len(doc) and doc[span.end].lower_ in sense["followed_by"])
    ):
        return True
    # An acronym keeps its sense: "low-FPR thresholds" are still false positive rates.
    return span.label_ == "Metric" and not text.isupper() and _joined_to_a_degree_word(doc, span.start)


def _ends_a_longer_name(doc: Doc, start: int) -> bool:
    """"Med-R^2", "Video-LLaVA": a capitalised word hyphen-joined right before `start` makes
    a one-word name matched there the end of another name."""
    word = _hyphen_joined_before(doc, start)
    return word is not None and word.text[:1].isupper()


def _joined_to_a_degree_word(doc: Doc, start: int) -> bool:
    """"low-precision", "high-accuracy": a degree word hyphen-joined right before `start`."""
    word = _hyphen_joined_before(doc, start)
    return word is not None and word.lower_ in _word_senses()["metric_property_prefixes"]


def _hyphen_joined_before(doc: Doc, start: int) -> Token | None:
    """The word joined by a hyphen, with no space, to the token at `start`."""
    if start < 2 or doc[start - 1].text != "-" or doc[start - 1].whitespace_ or doc[start - 2].whitespace_:
        return None
    return doc[start - 2]


# "Meta-World Benchmark" beside "Meta-World": the head word is the text's, not the name's.
_HEAD_WORDS = (" benchmark", " dataset", " corpus", " suite", " database")


def _surfaces(row: GazetteerRow) -> list[str]:
    """A row's name and aliases, less those that only add a head word to another of them.

    >>> _surfaces({"name": "Meta-World", "aliases": ["MetaWorld", "Meta-World Benchmark"]})
    ['Meta-World', 'MetaWorld']
    """
    surfaces = [row["name"], *row.get("aliases", [])]
    lowered = {surface.lower() for surface in surfaces}
    return [
        surface for surface in surfaces
        if not any(surface.lower().endswith(head) and surface.lower()[: -len(head)] in lowered for head in _HEAD_WORDS)
    ]


class Gazetteer:
    """The component: one PhraseMatcher on LOWER over every name, alias and variant."""

    def __init__(self, nlp: Language, name: str = "kg_gazetteer"):
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # match id -> (type, canonical name, the surface written in the list)
        self.rows: dict[int, tuple[str, str, str]] = {}

    def initialize(self, get_examples=None, *, nlp: Language, paths: Iterable[Path] | None = None) -> None:
        """Load the name lists: the shipped ones, or the JSONL files in `paths`."""
        self.add_rows(nlp, read_gazetteer(paths))

    def add_rows(self, nlp: Language, rows: Iterable[GazetteerRow]) -> None:
        strings = nlp.vocab.strings
        for row in rows:
            for surface in _surfaces(row):
                key = f"{row['type']}|{row['name']}|{surface}"
                match_id = strings.add(key)
                if match_id in self.rows:
                    continue
                self.rows[match_id] = (row["type"], row["name"], surface)
                self.matcher.add(key, list(nlp.tokenizer.pipe(sorted(surface_variants(surface, row["type"])))))

    def match(self, doc: Doc) -> list[Span]:
        spans = []
        for match_id, start, end in self.matcher(doc):
            type_, canonical, surface = self.rows[match_id]
            if type_ in ("Method", "Task") and surface.isupper() and follows_a_percentage(doc, start):
                continue  # "95.23% ASR": right after a percentage a task's acronym names a measure
            span = Span(doc, start, end, label=type_, span_id=canonical)
            if accepts_match(surface, span.text, type_) and not means_something_else(span) and not (
                type_ in ("Dataset", "Model", "Metric") and " " not in surface and _ends_a_longer_name(doc, start)
            ):
                spans.append(span)
        return spans

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPAN_KEY] = self.match(doc)
        return doc


@Language.factory("kg_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    return Gazetteer(nlp, name)
