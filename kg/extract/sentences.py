"""kg_sentences: sentence boundaries as character spans, the title first.

A regex pass over the text is several times cheaper than walking spaCy tokens, and
abstracts are well-formed enough: a sentence ends at ".", "!" or "?" followed by
space and a capital, digit or bracket, except after abbreviations such as "e.g."
and "et al."; a newline always ends one (the title is the first line). The spans
land in ``doc._.kg_sentences`` as (start, end) character offsets, and
``doc._.kg_sentence_ents`` holds each sentence's entities once ``doc.ents`` is set.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Span

__all__ = ["doc_text", "split_sentences", "sentence_entities", "Sentences"]

for _name in ("kg_sentences", "kg_sentence_ents"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\[\"'])|\s*\n\s*")
# Words after which a period does not end a sentence (lower-cased, period included).
_NO_BREAK = re.compile(r"(?:\b(?:e\.g|i\.e|et al|cf|fig|figs|eq|eqs|vs|sec|no|approx|resp|ref|refs|tab|dr|mr|ms)|\b[A-Z])\.$", re.I)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a text.

    >>> text = "A title\\nWe use GRPO, e.g. for math. It works (Fig. 2). Done!"
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['A title', 'We use GRPO, e.g. for math.', 'It works (Fig. 2).', 'Done!']
    """
    spans = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if "\n" not in match.group() and _NO_BREAK.search(text[max(start, match.start() - 8) : match.start()]):
            continue
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def title_end(text: str) -> int:
    """Where the title ends in the extractor's text (title, newline, abstract); 0 without an abstract.

    Not the first sentence's end: a title can hold several ("Do VLMs Read Charts? A Benchmark").

    >>> title_end("Do VLMs Read Charts? A Benchmark\\nWe ask."), title_end("Only a title")
    (32, 0)
    """
    return max(text.find("\n"), 0)


def doc_text(doc: Doc) -> str:
    """The Doc's text, joined once: spaCy rebuilds ``doc.text`` from its tokens on every access."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


def span_text(span: Span) -> str:
    """The span's text, sliced from the Doc's: ``Span.text`` joins its tokens anew on every access."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def sentence_entities(doc: Doc) -> list[list[Span]]:
    """Each sentence's entities, in order (computed once per Doc)."""
    if doc._.kg_sentence_ents is None:
        sentences = doc._.kg_sentences or [(0, len(doc_text(doc)))]
        starts = [start for start, _ in sentences]
        grouped: list[list[Span]] = [[] for _ in sentences]
        for ent in doc.ents:
            grouped[max(bisect_right(starts, ent.start_char) - 1, 0)].append(ent)
        doc._.kg_sentence_ents = grouped
    return doc._.kg_sentence_ents


class Sentences:
    """The component: sets ``doc._.kg_sentences``."""

    def __init__(self, name: str = "kg_sentences"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.kg_sentences = split_sentences(doc_text(doc))
        return doc


@Language.factory("kg_sentences")
def make_sentences(nlp: Language, name: str) -> Sentences:
    return Sentences(name)
