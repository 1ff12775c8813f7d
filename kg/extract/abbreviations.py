"""kg_abbreviations: tie a long form to its acronym, "Regression Mean (RegMean)".

The algorithm is Schwartz & Hearst (2003), "A simple algorithm for identifying
abbreviation definitions in biomedical text": walk the short form right to left and
find each of its characters in the words before the parenthesis, the first one at
the start of a word. Pairs land in ``doc._.kg_abbreviations`` as (long, short) spans.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

__all__ = ["is_short_form", "match_long_form", "find_abbreviations", "Abbreviations"]

if not Doc.has_extension("kg_abbreviations"):
    Doc.set_extension("kg_abbreviations", default=None)

# Words that end a long-form search: a long form never reaches across them.
_STOP_TOKENS = frozenset({".", ",", ";", ":", "(", ")", "[", "]", "\n"})


def is_short_form(text: str) -> bool:
    """Short forms are 2 to 12 characters, start with a letter or digit and hold a capital.

    >>> is_short_form("RegMean"), is_short_form("e.g."), is_short_form("see Fig. 2")
    (True, False, False)
    """
    return (
        2 <= len(text) <= 12
        and text[0].isalnum()
        and any(ch.isupper() for ch in text)
        and " " not in text
    )


def match_long_form(words: str, short: str) -> int | None:
    """The character offset in `words` where the long form of `short` starts, or None.

    >>> words = "an approach called Regression Mean"
    >>> words[match_long_form(words, "RegMean"):]
    'Regression Mean'
    >>> match_long_form("the new benchmark", "GRPO") is None
    True
    """
    s_idx, l_idx = len(short) - 1, len(words) - 1
    while s_idx >= 0:
        char = short[s_idx].lower()
        if not char.isalnum():
            s_idx -= 1
            continue
        while l_idx >= 0 and (
            words[l_idx].lower() != char or (s_idx == 0 and l_idx > 0 and words[l_idx - 1].isalnum())
        ):
            l_idx -= 1
        if l_idx < 0:
            return None
        l_idx -= 1
        s_idx -= 1
    return words.rfind(" ", 0, l_idx + 1) + 1


def find_abbreviations(doc: Doc) -> list[tuple[Span, Span]]:
    """(long form, short form) spans for every "long form (SHORT)" in a Doc."""
    pairs = []
    for i, token in enumerate(doc):
        if token.text != "(":
            continue
        close = next((j for j in range(i + 2, min(i + 5, len(doc))) if doc[j].text == ")"), None)
        if close is None:
            continue
        short = doc[i + 1 : close]
        if not is_short_form(short.text):
            continue
        # At most min(|short| + 5, 2 |short|) words before the parenthesis, as in the paper.
        max_words = min(len(short.text) + 5, 2 * len(short.text))
        start = i
        while start > 0 and i - start < max_words and doc[start - 1].lower_ not in _STOP_TOKENS:
            start -= 1
        if start == i:
            continue
        window = doc[start:i]
        offset = match_long_form(window.text, short.text)
        if offset is None:
            continue
        long = doc.char_span(window.start_char + offset, window.end_char, alignment_mode="expand")
        if long is not None and len(long) >= 1 and long.text != short.text:
            pairs.append((long, short))
    return pairs


class Abbreviations:
    """The component: sets ``doc._.kg_abbreviations``."""

    def __init__(self, name: str = "kg_abbreviations"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.kg_abbreviations = find_abbreviations(doc) if "(" in doc.text else []
        return doc


@Language.factory("kg_abbreviations")
def make_abbreviations(nlp: Language, name: str) -> Abbreviations:
    return Abbreviations(name)
