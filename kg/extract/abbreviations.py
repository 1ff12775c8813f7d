"""kg_abbreviations: tie a long form to its acronym, "Regression Mean (RegMean)".

The algorithm is Schwartz & Hearst (2003), "A simple algorithm for identifying
abbreviation definitions in biomedical text": walk the short form right to left and
find each of its characters in the words before the parenthesis, the first one at
the start of a word. Pairs land in ``doc._.kg_abbreviations`` as (long, short) spans.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.sentences import doc_text

__all__ = ["FUNCTION_WORDS", "is_short_form", "match_long_form", "find_abbreviations", "Abbreviations"]

if not Doc.has_extension("kg_abbreviations"):
    Doc.set_extension("kg_abbreviations", default=None)

_PARENTHESIS = re.compile(r"\(\s*([^()\s][^()]{0,15}?)\s*\)")
# "RARE (Redundancy-Aware Retrieval Evaluation)": the short form first, its long form inside.
_BRACKETED_WORDS = re.compile(r" \(([^()\s][^()]{3,150}?)\)")
_WORD = re.compile(r"\S+")
_QUOTES = "\"'“”‘’"
# A lower-case kind noun after a name, which its acronym may or may not spell.
_DESCRIBING_NOUN = re.compile(r" (framework|method|approach|pipeline|strategy|scheme|mechanism|technique|module)$")
# A long form never reaches across punctuation.
_LONG_FORM_STOP = re.compile(r"[.,;:()\[\]\n]")


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


_MODIFIED_SHORT_FORM = re.compile(r"([A-Z][a-z]+) ([A-Z][A-Za-z]*[A-Z]s?)")


def modified_short_form(text: str) -> str | None:
    """The word before the acronym of a two-word short form, "Safe" for "Safe RL", or None.

    >>> modified_short_form("Table QA"), modified_short_form("Safe RL"), modified_short_form("see Fig")
    ('Table', 'Safe', None)
    """
    match = _MODIFIED_SHORT_FORM.fullmatch(text)
    return match.group(1) if match and len(text) <= 16 else None


def match_long_form(words: str, short: str) -> int | None:
    """The character offset in `words` where the long form of `short` starts, or None.

    >>> words = "an approach called Regression Mean"
    >>> words[match_long_form(words, "RegMean"):]
    'Regression Mean'
    >>> match_long_form("the new benchmark", "GRPO") is None
    True
    >>> words = "we study Speech-to-speech translation"
    >>> words[match_long_form(words, "S2ST"):]
    'Speech-to-speech translation'
    """
    if "2" in short:
        words = _TO.sub("2\0", words)  # of the same length: offsets hold
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
    start = words.rfind(" ", 0, l_idx + 1) + 1
    initials = _initials_start(words, short)
    return start if initials is None else min(start, initials)


# "Speech-to-speech translation (S2ST)": a 2 in a short form stands for "to". (A 4 for "for"
# makes long forms of titles: "LLM4XCE: Large Language Models for ...".)
_TO = re.compile(r"(?<![^\s-])to(?=[\s-])", re.I)


_INITIALS = re.compile(r"[A-Z]{2,8}")
# Lower-case words a long form's initials skip: "Learning with Effective Reflection Rewards".
FUNCTION_WORDS = frozenset({"a", "an", "the", "of", "for", "with", "and", "in", "on", "to", "via", "from", "by", "at"})


def _initials_start(words: str, short: str) -> int | None:
    """Where the words whose initials spell an all-capital short form start, if they do.

    The letter-by-letter match settles for the shortest long form, which can borrow a
    letter from inside a word: "Correlation Coefficient" for CCC. The initials say more.
    A hyphenated word gives the initials of its parts or only its first one ("Semantic-Aware
    Soft-Label Supervision" for SASS); a small word may give none.

    >>> words = "competitive Concordance Correlation Coefficient"
    >>> words[match_long_form(words, "CCC"):]
    'Concordance Correlation Coefficient'
    >>> words = "introduce Reinforcement Learning with Effective Reflection Rewards"
    >>> words[match_long_form(words, "RLERR"):]
    'Reinforcement Learning with Effective Reflection Rewards'
    >>> words = "incorporates Semantic-Aware Soft-Label Supervision"
    >>> words[match_long_form(words, "SASS"):]
    'Semantic-Aware Soft-Label Supervision'
    """
    if not _INITIALS.fullmatch(short):
        return None
    tokens = list(_WORD.finditer(words))[-len(short) - 4 :]
    left = {len(short)}  # how many letters of `short`, from its start, the words so far leave to spell
    for token in reversed(tokens):
        still = set()
        for count in left:
            for given in _initials_given(token.group()):
                if short[:count].endswith(given):
                    if given and count == len(given):
                        return token.start()  # the fewest words that spell it
                    still.add(count - len(given))
        if not still:
            return None
        left = still
    return None


def _initials_given(token: str) -> list[str]:
    """The letters a word may give an acronym: its initial or its parts' initials; a small
    word gives none ("Abstraction and Reasoning Corpus" for ARC)."""
    if token in FUNCTION_WORDS:
        return [""]
    parts = [part for part in token.split("-") if part]
    if not parts or not parts[0][0].isalpha():
        return []
    given = [parts[0][0], "".join(part[0] for part in parts), "".join(part[0] for part in parts if part not in FUNCTION_WORDS)]
    return list(dict.fromkeys(letters.upper() for letters in given))


def _short_then_long(doc: Doc, text: str) -> list[tuple[Span, Span]]:
    """(long form, short form) spans for "SHORT (long form)": the whole bracket spells the
    short form, in at most min(|short| + 5, 2 |short|) words."""
    pairs = []
    for match in _BRACKETED_WORDS.finditer(text):
        short_start = max(text.rfind(" ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
        short, long = text[short_start : match.start()].rstrip(","), match.group(1).strip()  # "SAFE, (Stable And ...)"
        words = long.split()
        if not is_short_form(short) or "(" in short or ")" in short or not 2 <= len(words) <= min(len(short) + 5, 2 * len(short)):
            continue
        if _LONG_FORM_STOP.search(long) or match_long_form(" ".join(words), short) != 0:
            continue
        long_span = doc.char_span(match.start(1), match.start(1) + len(long), alignment_mode="expand")
        short_span = doc.char_span(short_start, short_start + len(short), alignment_mode="expand")
        if long_span is not None and short_span is not None:
            pairs.append((long_span, short_span))
    return pairs


def _names_before_its_kind(window: str, short: str) -> bool:
    """Whether the words before an acronym end in a kind noun the acronym does not spell:
    "a Task-Conditioned Latent Alignment framework (TCLA)" names the framework's name.

    >>> _names_before_its_kind("a Quill Sort framework", "QS"), _names_before_its_kind("a Quill Sort framework", "QSF")
    (True, False)
    """
    kind = _DESCRIBING_NOUN.search(window)
    return (
        kind is not None
        and short.rstrip("s")[-1:].lower() != kind.group(1)[0]
        and match_long_form(window[: kind.start()], short) is not None
    )


def find_abbreviations(doc: Doc) -> list[tuple[Span, Span]]:
    """(long form, short form) spans for every "long form (SHORT)" and "SHORT (long form)" in a Doc."""
    text = doc_text(doc)
    pairs = _short_then_long(doc, text)
    for match in _PARENTHESIS.finditer(text):
        short = match.group(1)
        modifier = modified_short_form(short)
        if not (is_short_form(short) or modifier):
            continue
        before = text[: match.start()].rstrip().rstrip(_QUOTES)  # '"Divide-and-Conquer Attack" (DACA)'
        stop = max((m.end() for m in _LONG_FORM_STOP.finditer(before, max(0, len(before) - 120))), default=0)
        # At most min(|short| + 5, 2 |short|) words before the parenthesis, as in the paper.
        word_starts = [m.start() for m in _WORD.finditer(before, stop)][-min(len(short) + 5, 2 * len(short)) :]
        if not word_starts:
            continue
        window = " ".join(before[word_starts[0] :].split())
        if len(word_starts) > 1 and _names_before_its_kind(window, short):
            window, before, word_starts = window[: window.rfind(" ")], before[: word_starts[-1]].rstrip(), word_starts[:-1]
        offset = match_long_form(window, short)
        if offset is None or (modifier and window[offset:].split()[0].lower() != modifier.lower()):
            continue  # "Safe Reinforcement Learning (Safe RL)": the long form opens with the same word
        long_start = word_starts[-len(window[offset:].split())]
        while text[long_start] in _QUOTES:
            long_start += 1
        long = doc.char_span(long_start, len(before), alignment_mode="expand")
        short_span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if long is not None and short_span is not None and long.text != short_span.text:
            pairs.append((long, short_span))
    return pairs


class Abbreviations:
    """The component: sets ``doc._.kg_abbreviations``."""

    def __init__(self, name: str = "kg_abbreviations"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.kg_abbreviations = find_abbreviations(doc) if "(" in doc_text(doc) else []
        return doc


@Language.factory("kg_abbreviations")
def make_abbreviations(nlp: Language, name: str) -> Abbreviations:
    return Abbreviations(name)
