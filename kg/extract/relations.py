"""kg_relations: what a paper does with each entity it names, from the cues of its text.

Sentence 0 is the title. The rules (cue words in kg/resources/relation_cues.json):
- INTRODUCES: a name before the title's colon ("Meta-World: A Benchmark ..."), or the
  first name after "we propose / introduce / present ..." and every coined name
  ("called X", a new acronym) after such a cue.
- COMPARES_TO: a Model or Method after "outperforms", "than", "compared with", "baselines".
- USES: any other Model or Method the paper names (not its own contribution).
- EVALUATES_ON: a Dataset named in a sentence with an evaluation cue, unless the
  sentence only trains on it; a benchmark the paper introduces, when it evaluates at all.
- ADDRESSES: every Task.
Relations land in ``doc._.kg_relations`` as (type, entity span, sentence index).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span

__all__ = ["find_relations", "RelationFinder"]

if not Doc.has_extension("kg_relations"):
    Doc.set_extension("kg_relations", default=None)

_WORD = re.compile(r"[a-z][a-z\-\.]*")


@lru_cache(maxsize=1)
def _cues() -> dict[str, frozenset[str]]:
    text = resources.files("kg.resources").joinpath("relation_cues.json").read_text(encoding="utf-8")
    return {kind: frozenset(words) for kind, words in json.loads(text).items()}


def _cue_position(tokens: list[str], cues: frozenset[str]) -> int | None:
    return next((i for i, token in enumerate(tokens) if token in cues), None)


def _introduced_in_title(title: Span) -> list[Span]:
    colon = next((token.i for token in title if token.text == ":"), None)
    if colon is None:
        return []
    return [ent for ent in title.ents if ent.end <= colon and ent.label_ != "Task"]


def _introduced_after_cue(sentence: Span, cue: int, stop: int, coined: set[str]) -> list[Span]:
    """The first name after an introduction cue, and the coined ones up to a comparison."""
    after = [ent for ent in sentence.ents if cue < ent.start - sentence.start < stop and ent.label_ != "Task"]
    if not after:
        return []
    first, rest = after[0], after[1:]
    return [first] + [ent for ent in rest if ent.text in coined]


def _sentence_relations(sentence: Span, index: int, coined: set[str]) -> tuple[list[tuple[str, Span, int]], bool]:
    cues = _cues()
    lowered = sentence.text.lower()
    tokens = [token.lower_ for token in sentence]
    found: list[tuple[str, Span, int]] = []
    intro_cue = _cue_position(tokens, cues["introduce"])
    compare_cue = _cue_position(tokens, cues["compare"])
    if intro_cue is not None and any(subject in lowered for subject in cues["introduce_subjects"]):
        stop = compare_cue if compare_cue is not None and compare_cue > intro_cue else len(tokens)
        found += [("INTRODUCES", ent, index) for ent in _introduced_after_cue(sentence, intro_cue, stop, coined)]
    if compare_cue is not None:
        found += [
            ("COMPARES_TO", ent, index)
            for ent in sentence.ents
            if ent.label_ in ("Model", "Method") and ent.start - sentence.start > compare_cue
        ]
    evaluates = any(token in cues["evaluate"] for token in tokens)
    trains_only = any(phrase in lowered for phrase in cues["train_only"]) and not any(
        token in cues["evaluate"] and token != "on" for token in tokens
    )
    if evaluates and not trains_only:
        found += [("EVALUATES_ON", ent, index) for ent in sentence.ents if ent.label_ == "Dataset"]
    return found, evaluates


def find_relations(doc: Doc, coined: set[str] = frozenset()) -> list[tuple[str, Span, int]]:
    """(relation type, entity span, sentence index) for every relation cued in a Doc."""
    sentences = list(doc.sents)
    found: list[tuple[str, Span, int]] = []
    evaluates_anything = False
    if sentences:
        found += [("INTRODUCES", ent, 0) for ent in _introduced_in_title(sentences[0])]
    for index, sentence in enumerate(sentences):
        relations, evaluates = _sentence_relations(sentence, index, coined)
        found += relations
        evaluates_anything = evaluates_anything or (evaluates and index > 0)
    introduced = {ent.text for type_, ent, _ in found if type_ == "INTRODUCES"}
    compared = {ent.text for type_, ent, _ in found if type_ == "COMPARES_TO"}
    seen_uses: set[str] = set()
    for index, sentence in enumerate(sentences):
        for ent in sentence.ents:
            if ent.label_ == "Task":
                found.append(("ADDRESSES", ent, index))
            elif ent.label_ in ("Model", "Method") and ent.text not in introduced and ent.text not in seen_uses:
                if ent.text in compared and not _used_before_compared(found, ent.text, index):
                    continue
                seen_uses.add(ent.text)
                found.append(("USES", ent, index))
            elif ent.label_ == "Dataset" and ent.text in introduced and evaluates_anything:
                found.append(("EVALUATES_ON", ent, index))
    return found


def _used_before_compared(found: list[tuple[str, Span, int]], text: str, index: int) -> bool:
    """A name first met outside a comparison is one the paper also uses."""
    first_compared = min(i for type_, ent, i in found if type_ == "COMPARES_TO" and ent.text == text)
    return index < first_compared


class RelationFinder:
    """The component: sets ``doc._.kg_relations``."""

    def __init__(self, name: str = "kg_relations"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        # Names no list knows: likely new, so likely what "we propose" is about.
        listed = {(span.start, span.end) for span in doc.spans.get("kg_gazetteer", [])}
        coined = {span.text for span in doc.spans.get("kg_patterns", []) if (span.start, span.end) not in listed}
        doc._.kg_relations = find_relations(doc, coined)
        return doc


@Language.factory("kg_relations")
def make_relation_finder(nlp: Language, name: str) -> RelationFinder:
    return RelationFinder(name)
