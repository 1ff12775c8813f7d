"""kg_patterns: names that are in no list, found by their shape.

ML names are coined words with marks no ordinary word has: all-capital acronyms
(GRPO), inner capitals (RegMean, MetaWorld), letters mixed with digits (GPT-4o,
LLaMA-2-7B, Easy2Hard-Bench), a trailing "++" (RegMean++), or a capitalised word
joined to a benchmark suffix (X-Bench, X-World). Their type is guessed from the name
itself, from the word that follows ("the GRPO algorithm"), or, when the text spells
the acronym out, from the head of that long form. The cue words live in
kg/resources/type_cues.json; names that look coined but are generic (LLM, AI,
GitHub) in kg/resources/generic_names.txt.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.sentences import doc_text
from kg.models import normalize_key

__all__ = ["find_name_candidates", "is_coined_name", "trim_name", "guess_type", "type_cues", "generic_keys"]

SPAN_KEY = "kg_patterns"

# A run of letters/digits joined by hyphens or inner dots, with an optional "++"/"+" tail.
# The lookahead is a cheap filter (a capital after a letter or digit, a digit by a
# capital, a "+", or "-Capital"); is_coined_name decides.
_CANDIDATE = re.compile(
    r"(?<![\w\-])(?=[\w.\-]*?(?:[A-Za-z0-9][A-Z]|[A-Z][A-Za-z]*\d|\d[A-Za-z]*[A-Z]|-[A-Z]|\w\+))"
    r"[A-Za-z0-9]+(?:(?:-|\.(?=[A-Za-z0-9]))[A-Za-z0-9]+)*(?:\+\+|\+)?(?![\w])"
)
_SIZE = re.compile(r"^\d+(?:\.\d+)?[BMK]$")
# A number with a unit letter or two (7B, 13B, 3D, 4K, 5G, 100M) measures something; it names nothing.
_MEASURE = re.compile(r"^\d+(?:\.\d+)?[A-Za-z]{1,2}$")


@lru_cache(maxsize=1)
def type_cues() -> dict[str, dict[str, str]]:
    """Cue words that tell an entity's type: name suffixes, following words, long-form heads."""
    text = resources.files("kg.resources").joinpath("type_cues.json").read_text(encoding="utf-8")
    cues = json.loads(text)
    return {kind: {word.lower(): type_ for type_, words in table.items() for word in words} for kind, table in cues.items()}


@lru_cache(maxsize=1)
def generic_keys() -> frozenset[str]:
    """Normalized keys of names that look coined but name no specific thing (LLM, AI, GitHub)."""
    text = resources.files("kg.resources").joinpath("generic_names.txt").read_text(encoding="utf-8")
    names = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(normalize_key(name) for name in names if name)


def _is_marked(segment: str) -> bool:
    """A segment is coined-looking: an inner capital, letters with digits, or an acronym."""
    has_letter = any(ch.isalpha() for ch in segment)
    if not has_letter:
        return False
    if any(ch.isupper() for ch in segment[1:]):
        return True
    if any(ch.isdigit() for ch in segment) and any(ch.isupper() for ch in segment):
        return True
    return False


def trim_name(text: str) -> str:
    """Drop lower-case words hyphenated onto a name: "BERT-based" -> "BERT".

    >>> trim_name("BERT-based"), trim_name("GPT-4o"), trim_name("non-IID")
    ('BERT', 'GPT-4o', 'IID')
    """
    segments = text.split("-")
    while len(segments) > 1 and segments[-1].isalpha() and segments[-1].islower() and len(segments[-1]) >= 3:
        segments.pop()
    while len(segments) > 1 and segments[0].isalpha() and segments[0].islower() and len(segments[0]) >= 3:
        segments.pop(0)
    return "-".join(segments)


def is_coined_name(text: str) -> bool:
    """Whether a word looks like a name someone coined.

    >>> [is_coined_name(w) for w in ("GRPO", "RegMean++", "Meta-World", "Self-Supervised", "2023", "X-Bench", "7B")]
    [True, True, True, False, False, True, False]
    """
    core = text.rstrip("+")
    if _MEASURE.match(core):
        return False
    segments = core.split("-")
    if any(_is_marked(segment) for segment in segments):
        return not _is_plural_acronym(core)
    suffixes = type_cues()["name_suffix"]
    return (
        len(segments) > 1
        and segments[0][:1].isupper()
        and segments[-1].lower() in suffixes
        or (text.endswith("+") and core[:1].isupper())
    )


def _is_plural_acronym(text: str) -> bool:
    """"LLMs", "GNNs": a class of things, not one named thing."""
    return len(text) >= 3 and text.endswith("s") and text[:-1].isupper()


def guess_type(name: str, next_word: str = "", long_form: str = "") -> str:
    """The likely entity type of a coined name, from its shape and its context.

    >>> guess_type("Easy2Hard-Bench"), guess_type("LLaMA-2-7B"), guess_type("GRPO", "algorithm")
    ('Dataset', 'Model', 'Method')
    >>> guess_type("RegMean", long_form="Regression Mean")
    'Method'
    """
    cues = type_cues()
    last_segment = re.split(r"[-\s]", name.rstrip("+"))[-1].lower()
    for suffix, type_ in cues["name_suffix"].items():
        if last_segment == suffix or (len(last_segment) > len(suffix) + 2 and last_segment.endswith(suffix)):
            return type_
    if next_word.lower() in cues["next_word"]:
        return cues["next_word"][next_word.lower()]
    if long_form:
        head = long_form.split()[-1].lower()
        if head in cues["long_form_head"]:
            return cues["long_form_head"][head]
    segments = name.split("-")
    if any(_SIZE.match(segment) for segment in segments):
        return "Model"
    if any(ch.isdigit() for ch in name) and name[:1].isupper():
        return "Model"
    return "Method"


_URL = re.compile(r"\b(?:https?://|www\.)\S+|\b\S+\.(?:com|org|io|ai|net)/\S*")


def mask_urls(text: str) -> str:
    """The text with URLs blanked out (same length, so offsets hold): a repository path is no name."""
    return _URL.sub(lambda match: " " * len(match.group()), text) if "/" in text else text


def find_name_candidates(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of every coined-looking name in a text, trimmed of hyphenated words."""
    found = []
    generic = generic_keys()
    for match in _CANDIDATE.finditer(mask_urls(text)):
        raw = match.group()
        name = trim_name(raw)
        if not is_coined_name(name):
            continue
        if normalize_key(name) in generic:
            continue
        start = match.start() + raw.find(name)
        found.append((start, start + len(name), name))
    return found


class PatternNames:
    """The component: coined names as spans labelled with their guessed type."""

    def __init__(self, name: str = "kg_patterns"):
        self.name = name

    def match(self, doc: Doc) -> list[Span]:
        spans = []
        for start, end, name in find_name_candidates(doc_text(doc)):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            next_word = doc[span.end].text if span.end < len(doc) else ""
            spans.append(Span(doc, span.start, span.end, label=guess_type(name, next_word)))
        return spans

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPAN_KEY] = self.match(doc)
        return doc


@Language.factory("kg_patterns")
def make_pattern_names(nlp: Language, name: str) -> PatternNames:
    return PatternNames(name)
