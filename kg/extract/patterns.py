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
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.gazetteer import follows_a_percentage
from kg.extract.sentences import doc_text
from kg.extract.sentences import title_end as find_title_end
from kg.models import normalize_key

__all__ = [
    "find_name_candidates", "find_term_phrases", "is_coined_name", "is_plural_acronym", "trim_name", "guess_type", "type_cues", "generic_keys",
    "whole_word_offsets", "word_alternation", "term_modifiers_before", "DEFAULT_TYPE", "GUESSED", "SUPERSCRIPTED_NAME",
]

SPAN_KEY = "kg_patterns"
TERM_KEY = "kg_terms"

# A run of letters/digits joined by hyphens or inner dots, with an optional "++"/"+" tail.
# The lookahead is a cheap filter (a capital after a letter or digit, a digit by a
# capital, a "+", or "-Capital"); is_coined_name decides.
_CANDIDATE = re.compile(
    r"(?<![\w\-])(?=[\w.\-]*?(?:[A-Za-z0-9][A-Z]|[A-Z][A-Za-z]*\d|\d[A-Za-z]*[A-Z]|-[A-Z]|\w\+))"
    r"[A-Za-z0-9]+(?:(?:-|\.(?=[A-Za-z0-9]))[A-Za-z0-9]+)*(?:\+\+|\+)?(?![\w])"
)
# A model size ("7B", "70M"); "1K", "21K" count classes or samples ("ImageNet-21K").
_SIZE = re.compile(r"^\d+(?:\.\d+)?[BM]$")
_SMALL_COUNT = re.compile(r"^\d(?:\.\d+)?M$")
_THOUSANDS = re.compile(r"^\d+(?:\.\d+)?[Kk]$")
_YEAR_SUFFIX = re.compile(r"[A-Za-z][-\s]?(?:19[89]\d|20[0-4]\d)$")
# A number with a unit letter or two (7B, 13B, 3D, 4K, 5G, 100M) or degrees of freedom (6-DoF,
# 7DOF) measures something; it names nothing.
_MEASURE = re.compile(r"^\d+(?:\.\d+)?(?:[A-Za-z]{1,2}|-?DoFs?|-?DOFs?)$")
# "4B-675B", "2D-3D", "1-3B", "108-128mJ", and a mixture of experts' total and active sizes "69B-A3B"
_SIZE_RANGE = re.compile(r"^\d+(?:\.\d+)?(?:[A-Za-z]?-A?\d+(?:\.\d+)?[A-Za-z]|-\d+(?:\.\d+)?[A-Za-z]{2})$")


def _joins(char: str) -> bool:
    r"""Whether `char` next to a name makes it part of a longer word (regex ``[\w\-]``)."""
    return char.isalnum() or char in "_-"


def whole_word_offsets(text: str, name: str, start: int = 0) -> list[int]:
    r"""Where `name` stands in `text` as a whole word: no letter, digit, "_" or "-" on either
    side (regex ``(?<![\w\-])name(?![\w\-])`` without compiling one per name).

    >>> whole_word_offsets("Resa, Resa-2 and preResa; Resa", "Resa")
    [0, 26]
    """
    found: list[int] = []
    at = text.find(name, start) if name else -1
    while at >= 0:
        end = at + len(name)
        if not (at and _joins(text[at - 1])) and not (end < len(text) and _joins(text[end])):
            found.append(at)
            at = text.find(name, end)
        else:
            at = text.find(name, at + 1)
    return found


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


@lru_cache(maxsize=1)
def familiar_keys() -> frozenset[str]:
    """Normalized keys of the phrases the field writes again and again ("online reinforcement
    learning", "layer pruning"): generated from the corpus by tools/mine_terms.py."""
    text = resources.files("kg.resources").joinpath("familiar_terms.txt").read_text(encoding="utf-8")
    return frozenset(normalize_key(line) for line in text.splitlines() if line and not line.startswith("#"))


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


def _describes(segment: str, kind: str) -> bool:
    """A lower-case word, or a Title Case one that describes (kind "tail": "Judged", "Based";
    "prefix": "Post", "Multi"), hyphenated onto a name."""
    if not (segment.isalpha() and len(segment) >= 3):
        return False
    if segment.islower():
        return True
    return segment[1:].islower() and type_cues()["hyphen_modifier"].get(segment.lower()) == kind


_HYPHENED_FUNCTION_WORDS = frozenset({"of", "to", "in", "on", "by", "at", "or", "and", "the", "for", "a", "an"})


def trim_name(text: str) -> str:
    """Drop describing words hyphenated onto a name: "BERT-based" -> "BERT", and in Title
    Case "LLM-Judged" -> "LLM", "Post-RL" -> "RL".

    >>> trim_name("BERT-based"), trim_name("GPT-4o"), trim_name("non-IID"), trim_name("KL-Regularized"), trim_name("Meta-World")
    ('BERT', 'GPT-4o', 'IID', 'KL', 'Meta-World')
    >>> trim_name("ZETA-Out-of-distribution"), trim_name("EEG-to-image"), trim_name("Quorra-an")
    ('ZETA', 'EEG', 'Quorra')
    """
    segments = text.split("-")
    while len(segments) > 1 and _describes(segments[-1], "tail"):
        segments.pop()
    # "ZETA-Out-of-distribution": a phrase ending in a function word is no part of a name, nor
    # is an article after a hyphen used as a dash ("we propose Quorra-an unlearning method").
    if len(segments) > 1 and segments[-1] in _HYPHENED_FUNCTION_WORDS:
        segments.pop()
        if len(segments) > 1 and segments[-1].isalpha() and not segments[-1].isupper():
            segments.pop()
    while len(segments) > 1 and _describes(segments[0], "prefix"):
        segments.pop(0)
    return "-".join(segments)


# "Erkang-Diagnosis-1.1", "Octopi-1.5", "Seed-Thinking-v1.5": a capitalised word with a release number.
_RELEASE = re.compile(r"[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)*-[vV]?\d+\.\d+$")
# "Gemini-3-Pro", "Claude-4.5-Opus": a capitalised word, a version and a model's variant words,
# hyphen-joined into one token, so that no name list of older releases sees the family in it.
_RELEASE_VARIANT = re.compile(r"[A-Z][a-z]{2,}-[vV]?\d+(?:\.\d+)?((?:-[A-Za-z]+)+)$")


def _is_release_variant(core: str) -> bool:
    match = _RELEASE_VARIANT.match(core)
    variants = type_cues()["model_variant_words"]
    return match is not None and all(word.lower() in variants for word in match.group(1)[1:].split("-"))


def is_coined_name(text: str) -> bool:
    """Whether a word looks like a name someone coined.

    >>> [is_coined_name(w) for w in ("GRPO", "RegMean++", "Meta-World", "Self-Supervised", "2023", "X-Bench", "7B", "4B-675B", "1-3B", "108-128mJ")]
    [True, True, True, False, False, True, False, False, False, False]
    >>> [is_coined_name(w) for w in ("Low-Data", "Proof-of-Data", "Majority-Set", "FISCAL-data", "Tessary-Set")]
    [False, False, False, True, True]
    >>> [is_coined_name(w) for w in ("Gemini-3-Pro", "Claude-4.5-Opus", "Top-5-Accuracy", "Stage-2-Training")]
    [True, True, False, False]
    """
    core = text.rstrip("+")
    if _MEASURE.match(core) or _SIZE_RANGE.match(core):
        return False
    if _RELEASE.match(core) or _is_release_variant(core):
        return True
    segments = core.split("-")
    if any(_is_marked(segment) for segment in segments):
        return not is_plural_acronym(core)
    suffixes = type_cues()["name_suffix"]
    return (
        len(segments) > 1
        and segments[0][:1].isupper()
        and segments[-1].lower() in suffixes
        and not _plain_words_before_data(segments)
        or (text.endswith("+") and core[:1].isupper())
    )


def _plain_words_before_data(segments: list[str]) -> bool:
    """"Low-Data", "Proof-of-Data", "Majority-Set", "Two-Dataset": plain words joined to a
    word for data make a modifier in a Title Case heading, not a dataset's name ("PBIG-DATA"
    and "FISCAL-data" are marked). Before "Set" and "Dataset" the words must be ones our
    terms are made of, as a coined word reads the same as a plain one ("Tessary-Set")."""
    last = segments[-1].lower()
    plain = all(segment.isalpha() and segment[1:].islower() for segment in segments[:-1])
    if last == "data":
        return plain
    return last in ("set", "dataset") and plain and all(segment.lower() in term_words() for segment in segments[:-1])


def is_plural_acronym(text: str) -> bool:
    """"LLMs", "GNNs": a class of things, not one named thing."""
    return len(text) >= 3 and text.endswith("s") and text[:-1].isupper()


@lru_cache(maxsize=1)
def _name_suffix_endings() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Every name suffix, lower case and as written ("Bench", "BENCH"), for str.endswith."""
    suffixes = type_cues()["name_suffix"]
    return tuple(suffixes), tuple(form for suffix in suffixes for form in (suffix.capitalize(), suffix.upper()))


def guess_type(name: str, next_word: str = "", long_form: str = "") -> str:
    """The likely entity type of a coined name, from its shape and its context.

    >>> guess_type("Easy2Hard-Bench"), guess_type("LLaMA-2-7B"), guess_type("GRPO", "algorithm")
    ('Dataset', 'Model', 'Method')
    >>> guess_type("RegMean", long_form="Regression Mean")
    'Method'
    """
    return _guess_type(name, next_word, long_form)[0]


def guess_type_weakly(name: str, next_word: str = "", long_form: str = "") -> tuple[str, bool]:
    """guess_type, and whether only the name's look chose it: the default type, or Model for
    letters with digits ("Stream4D", but also a benchmark "MedQA2"), which context may overrule.

    >>> guess_type_weakly("Stream4D"), guess_type_weakly("Qwen3-8B"), guess_type_weakly("Stream4D", "benchmark")
    (('Model', True), ('Model', False), ('Dataset', False))
    >>> guess_type_weakly("NL2SQL")  # "natural language to SQL": no version
    ('Method', True)
    """
    return _guess_type(name, next_word, long_form)


_LAST_WORD = re.compile(r"[A-Z]?[a-z]+$")


def _guess_type(name: str, next_word: str, long_form: str) -> tuple[str, bool]:
    cues = type_cues()
    name = _SUPERSCRIPT.sub("", name)  # "O$^2$-Searcher": the exponent is no version or size
    # "the Multimodal MRI Quality Assessment (MMRQA) framework": an acronym's letters come
    # from its long form, so the noun after the pair beats the look of its last letters.
    if long_form and next_word.lower() in cues["next_word"]:
        return cues["next_word"][next_word.lower()], False
    core = _VERSION_SUFFIX.sub("", name.rstrip("+"))  # "MELABenchv1", "LongBench-v2": the suffix before the version
    last_segment = re.split(r"[-\s]", core)[-1].lower()
    lowered, written = _name_suffix_endings()
    ends_in_suffix = last_segment.endswith(lowered) or core.endswith(written)
    ends_in_suffix = ends_in_suffix and not _plain_words_before_data(core.split("-"))  # "Proof-of-Data"
    last_word = match[0].lower() if ends_in_suffix and (match := _LAST_WORD.search(core)) else last_segment  # "CodeRetrieval"
    for suffix, type_ in cues["name_suffix"].items() if ends_in_suffix else ():
        if last_segment == suffix or (
            len(last_segment) > len(suffix) + 2 and last_segment.endswith(suffix) and not _in_vocabulary(last_word)
        ):
            return type_, False  # "Metaworld", not "MILP-Retrieval", "CodeRetrieval" or "Offset"
        # "CVBench", "WebQA": the suffix written as its own capitalised word
        if len(last_segment) > len(suffix) and core.endswith((suffix.capitalize(), suffix.upper())) and len(suffix) >= 2:
            return type_, False
    # "SemEval-2025 Task 9": the task of a shared task's edition, which is a benchmark
    if next_word.lower() in cues["next_word"] and not (next_word.lower() == "task" and _YEAR_SUFFIX.search(name)):
        return cues["next_word"][next_word.lower()], False
    if long_form:
        # "Strength Pareto Evolutionary Algorithm 2 (SPEA2)": the head before the version number
        head = _TRAILING_NUMBER.sub("", long_form).split()[-1].lower()
        if head in cues["long_form_head"]:
            return cues["long_form_head"][head], False
        # "adaptive bitrate streaming (ABR)": a long form ending in a term's head word
        # names a term of that type ("Multi-Agent Verification (MAV)" is a coined name).
        if head in cues["term_head"] and long_form.islower():
            return cues["term_head"][head], False
    if _is_release_variant(name):
        return "Model", False  # "Gemini-3-Pro": a family's release and its variant words
    segments = name.split("-")
    if _YEAR_SUFFIX.search(name):
        return "Dataset", False  # "SemEval-2025", "WMT-2024": an edition of a challenge or benchmark
    if any(_SIZE.match(segment) for segment in segments):
        # "ML-1M", "TwiFF-2.7M": a count under ten million is as often a dataset's size
        return "Model", bool(_SMALL_COUNT.match(segments[-1]))
    if _THOUSANDS.match(segments[-1]):
        return "Dataset", True  # "Video-QTR-10K", "MedForge-90K": a count of samples
    if any(ch.isdigit() for ch in name) and name[:1].isupper() and not _TWO_FOR_TO.fullmatch(name):
        return "Model", True
    return DEFAULT_TYPE, True


# "NL2SQL", "S2ST", "Instruct2Act": a 2 between letters, the name's only digit, says "to".
_TWO_FOR_TO = re.compile(r"[^\d]*[A-Za-z]2[A-Za-z][^\d]*")
_VERSION_SUFFIX = re.compile(r"(?<=[a-zA-Z])[-_]?[vV]\d+(?:\.\d+)*$")
_TRAILING_NUMBER = re.compile(r"(?<=[a-zA-Z])(?: [vV]?\d+(?:\.\d+)*)+$")


# The type a coined name gets when nothing tells it; kg_entities may retype it from context.
DEFAULT_TYPE = "Method"
GUESSED = "guessed"  # the kb_id_ of a pattern span whose type is only the default


@lru_cache(maxsize=1)
def _suffix_words() -> dict[str, str]:
    """Capitalised words that finish a coined name though written apart ("X Bench"), as written."""
    text = resources.files("kg.resources").joinpath("type_cues.json").read_text(encoding="utf-8")
    return {word: type_ for type_, words in json.loads(text)["suffix_word"].items() for word in words}


_URL = re.compile(r"\b(?:https?://|www\.)\S+|\b\S+\.(?:com|org|io|ai|net)/\S*")


def mask_urls(text: str) -> str:
    """The text with URLs blanked out (same length, so offsets hold): a repository path is no name."""
    return _URL.sub(lambda match: " " * len(match.group()), text) if "/" in text else text


_SUFFIX_WORD_AFTER = re.compile(r" (?:Bench|Arena|Benchmark|Dataset)\b")  # "Inst-IT Bench"


def _marked_only_by_generic_parts(name: str, generic: frozenset[str]) -> bool:
    """"Human-AI", "CPU-GPU", "LLM-Agent", "AI-Mediated": ordinary words joined to a class or
    a field name no more name a thing than the class does ("NASA-TLX" and "ARC-AGI" have a
    coined part, "Manta-LM" a word no term is made of).

    >>> [_marked_only_by_generic_parts(n, generic_keys()) for n in ("Human-AI", "CPU-GPU", "NASA-TLX", "OpenAI-o1", "Manta-LM")]
    [True, True, False, False, False]
    """
    segments = name.split("-")
    if len(segments) < 2 or segments[-1].lower() in type_cues()["name_suffix"]:
        return False  # "LLM-KG-Bench", "LM-Arena"
    # "US-101", "Control-R-4K": a single letter or a trailing number is a coined part, not a size
    if any(len(segment) == 1 and segment.isupper() for segment in segments) or segments[-1].isdigit():
        return False
    coined = [segment for segment in segments if _is_marked(segment) or _has_letters_and_digits(segment)]
    plain = [segment.lower() for segment in segments if segment not in coined]
    return (
        bool(coined)
        and all(normalize_key(segment) in generic for segment in coined)
        and all(word in term_words() or word in _HYPHENED_FUNCTION_WORDS or word.endswith(("ed", "ing")) for word in plain)
    )


def _has_letters_and_digits(segment: str) -> bool:
    """"o1" of "OpenAI-o1"."""
    return any(ch.isdigit() for ch in segment) and any(ch.isalpha() for ch in segment)


# "O$^2$-Searcher", "A$^{2}$RD", "MoE$^2$": a name written with a LaTeX superscript.
_SUPERSCRIPT = re.compile(r"\$\^\{?[A-Za-z0-9+*]{1,3}\}?\$")
SUPERSCRIPTED_NAME = re.compile(
    r"(?<![\w$\\{])[A-Z][A-Za-z0-9]*" + _SUPERSCRIPT.pattern + r"(?:[A-Za-z0-9]+)?(?:-[A-Za-z0-9]+)*(?![\w$])"
)


def _superscripted_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of the names written with a superscript; one letter squared is
    arithmetic ("R$^2$"), not a name."""
    found = []
    for match in SUPERSCRIPTED_NAME.finditer(text):
        name = trim_name(match.group())
        base, _, tail = name.partition("$^")
        if len(base) == 1 and tail.endswith("$"):
            continue
        found.append((match.start(), match.start() + len(name), name))
    return found


_NUMBER_GLUED = re.compile(r"(\d+(?:\.\d+)?)-?([A-Za-z]+)")
_DATED_GENERIC = re.compile(r"([A-Za-z]+)[-']?(\d{2}|\d{4})")
_SECOND_LETTER_CAPITAL = re.compile(r"[a-z][A-Z][a-z]+")
# "on three POI benchmarks", "across six EEG datasets": counted, the name is the data's domain.
_COUNT_BEFORE = re.compile(
    r"(?:\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|multiple|various|numerous|many)|(?<![\d.,])\d+) $",
    re.I,
)
_DATA_NOUNS_AFTER = re.compile(r" (?:datasets|benchmarks|corpora)\b")


def find_name_candidates(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of every coined-looking name in a text, trimmed of hyphenated words.

    >>> [name for _, _, name in find_name_candidates("O$^2$-Searcher beats A$^{2}$RD; R$^2$ rises.")]
    ['O$^2$-Searcher', 'A$^{2}$RD']
    >>> [name for _, _, name in find_name_candidates("3DGS at 24kHz and 1Gbps reaches 79.30AUC on a 16-GPU node (AAAI-26).")]
    ['3DGS']
    >>> [name for _, _, name in find_name_candidates("eXplainable AI beats iForest on iNaturalist.")]
    ['iForest', 'iNaturalist']
    >>> [name for _, _, name in find_name_candidates("GPT-4o fills [MASK] tokens [KVM24].")]
    ['GPT-4o']
    """
    found = _superscripted_names(text) if "$^" in text else []
    superscripted = [(start, end) for start, end, _ in found]
    generic = generic_keys()
    for match in _CANDIDATE.finditer(mask_urls(text)):
        if any(start <= match.start() < end for start, end in superscripted):
            continue  # the "RD" of "A$^{2}$RD"
        raw = match.group()
        name = trim_name(raw)
        if not is_coined_name(name):
            continue
        start = match.start() + raw.find(name)
        if normalize_key(name) in generic or (
            _marked_only_by_generic_parts(name, generic) and not _SUFFIX_WORD_AFTER.match(text, start + len(name))
        ):
            continue
        if name[-1].isdigit() and (dated := _DATED_GENERIC.fullmatch(name)) and normalize_key(dated[1]) in generic:
            continue  # "AAAI-26", "ICLR-2025", "ICML2022": a venue's edition
        if (glued := _NUMBER_GLUED.fullmatch(name)) and ("." in glued[1] or normalize_key(glued[2]) in generic):
            continue  # "24kHz", "1Gbps", "79.30AUC", "16-GPU": a measurement written without its space
        if _SECOND_LETTER_CAPITAL.fullmatch(name) and _in_vocabulary(name.lower()):
            continue  # "eXplainable AI", "fRamework": a word with the letter of an acronym capitalised
        if text[start - 1 : start] == "[" and text[start + len(name) : start + len(name) + 1] == "]":
            continue  # "[MASK]", "[CLS]", "[KVM24]": a special token or a citation key
        if _DATA_NOUNS_AFTER.match(text, start + len(name)) and _COUNT_BEFORE.search(text, max(0, start - 12), start):
            continue  # "on three POI benchmarks": the domain of the data counted
        found.append((start, start + len(name), name))
    return found


def word_alternation(words: Iterable[str]) -> str:
    """A regex matching any of `words`, written as a trie: "lea(?:n|rn(?:er|ing))" rather
    than "learning|learner|lean". Python's re tries a flat alternation's words one by one
    at every position; the trie reads each character once. Longer words are tried first.

    >>> word_alternation(["learning", "learner", "lean"])
    'lea(?:n|rn(?:er|ing))'
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


@lru_cache(maxsize=1)
def _term_head_regex() -> re.Pattern:
    return re.compile(r"(?<![\w\-])(?:" + word_alternation(type_cues()["term_head"]) + r")(?![\w\-])", re.I)


@lru_cache(maxsize=1)
def _any_head_regex() -> re.Pattern:
    """Head words of terms in any case, and capitalised those that end only names ("Decoding")."""
    # A capital first letter, any case after it: "Decoding", "DATASET".
    capitalised = "|".join(head[0].upper() + "(?i:" + re.escape(head[1:]) + ")" for head in type_cues()["title_case_head"])
    return re.compile(r"(?<![\w\-])(?:(?i:" + word_alternation(type_cues()["term_head"]) + r")|" + capitalised + r")(?![\w\-])")


# Words a modifier is made of: letters and digits, hyphen-joined ("cross-LLM", "in-context").
_MODIFIER = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")
_TITLE_CASE_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)*$")


def _is_acronym_word(word: str) -> bool:
    """"RL", "LLM", "cross-LLM": a word holding an all-capital part."""
    return any(len(part) >= 2 and part.isupper() for part in word.split("-"))


@lru_cache(maxsize=1)
def term_words() -> frozenset[str]:
    """Words of the listed method, task and metric names: the vocabulary terms are made of.

    A modifier outside it ("distinct", "alleviate", "genuine") is more likely an
    ordinary adjective or verb than part of a term's name.
    """
    from kg.extract.gazetteer import read_gazetteer

    words = set(type_cues()["term_head"]) | set(type_cues()["term_modifier_ok"])
    for row in read_gazetteer():
        if row["type"] in ("Method", "Task", "Metric"):
            for surface in (row["name"], *row.get("aliases", ())):
                words.update(surface.lower().split())
    return frozenset(words)


_PREFIXES = frozenset({"of", "multi", "cross", "self", "semi", "co", "pre", "post", "non", "meta", "in", "out", "zero", "few", "one", "single", "long", "short", "open", "fine", "coarse", "end", "low", "high", "test", "inference", "train", "training", "task", "domain", "data", "model", "text", "image", "video"})


def _in_vocabulary(lower: str) -> bool:
    if lower in term_words():
        return True
    parts = lower.split("-")
    return len(parts) > 1 and all(part in _PREFIXES or part in term_words() for part in parts)


def _modifier_ok(word: str, title_case: bool) -> bool:
    """Whether `word` may stand before a term's head word ("batch" in "large batch training").

    Determiners, verbs, generic adjectives, adverbs, plurals and participles end a
    term on the left: "we improve length generalization" gives "length generalization".
    """
    cues = type_cues()
    lower = word.lower()
    if title_case and lower in cues["title_case_modifier_ok"] and _TITLE_CASE_WORD.match(word):
        return True  # "Implicit Matrix Factorization", "Robust Policy Optimization"
    if lower in cues["term_stop"] or not _MODIFIER.match(word):
        return False
    # "Transformer-based", "LLM-driven": a named thing plus a stop word describes, it names
    # nothing ("aspect-based", "parameter-efficient" stay: they are parts of terms).
    if "-" in lower:
        first, last = lower.split("-", 1)[0], lower.rsplit("-", 1)[1]
        if last in cues["term_stop"] and (word[:1].isupper() or first in cues["term_head"]):
            return False
    if _is_acronym_word(word):
        return True
    if title_case != (word[:1].isupper()):
        return False
    # Capitals mid-sentence mark a name, whatever its words: "Implicit Matrix Factorization".
    if title_case and _TITLE_CASE_WORD.match(word):
        return True
    if lower in cues["term_modifier_ok"] or lower in cues["term_head"]:
        return True
    # Adverbs and verb forms end a term ("significantly", "improving", "proposed"), but a
    # few nouns look like them ("anomaly detection", "speed estimation").
    if lower.endswith(("ly", "ing", "ed")) and "-" not in lower:
        return lower in _NOUNS_LIKE_VERB_FORMS
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is", "ics", "ous")):
        return False
    return _in_vocabulary(lower)


def term_modifiers_before(text: str, position: int, title_case: bool) -> list[str]:
    """Up to three term modifier words (five capitalised ones) right before `position` (a head word)."""
    start = max(0, position - 100)
    before = text[start:position]
    if "\n" in before:  # the title's line ends there
        before = before[before.rfind("\n") + 1 :]
    elif start > 0:  # no word cut in two
        before = before.split(" ", 1)[1] if " " in before else ""
    words = before.split(" ")
    if not words or words[-1] != "":
        return []  # the head is hyphen- or punctuation-joined to what precedes it
    words.pop()
    kept: list[str] = []
    while words and len(kept) < (5 if title_case else 3):  # a capitalised name runs longer
        word = words[-1]
        bracketed = word[:1] in _OPENERS  # "TS-Bench (Taiwan Safety Benchmark)": the term starts inside
        if bracketed:
            word = word[1:]
        at_start = bracketed or len(words) == 1 or _SENTENCE_START.search(" ".join(words[:-1]) + " ") is not None
        if word.lower() in type_cues()["opening_verb"] and (at_start or words[:-1] and words[-2].endswith(":")):
            break  # "Scaling Vision Transformers", "k1.5: Scaling RL": a sentence or subtitle opens on a verb
        # A sentence's first word is capitalised whatever it is: it joins a term as its
        # lower-case form would ("Deploying Deep Neural Networks" names no technique).
        if (
            _modifier_ok(word.lower(), False)
            if at_start and not bracketed and word[:1].isupper() and not _is_acronym_word(word)
            else _modifier_ok(word, title_case)
        ):
            kept.insert(0, word)
            words.pop()
            if bracketed:
                break
        else:
            break
    # "models can exploit shortcut learning", "To probe generalization": after a modal or an
    # opening "To" the first word is a verb, and its object starts after it ("that" and
    # "which" are left alone: "shows that second-order optimization" is a noun phrase). In a
    # question the modal comes before the subject: "How can abstractive summarization ...".
    if kept and words and (
        (words[-1] in _VERB_BEFORE and not (len(words) > 1 and words[-2].lower() in _QUESTION_WORDS))
        or words[-1] in _SUBJECT_PRONOUNS  # "we add data generation"
        or (words[-1] == "To" and (len(words) == 1 or _SENTENCE_START.search(" ".join(words[:-1]) + " ")))
        or (kept[0] in _NOUNS_USED_AS_VERBS and _is_plural_noun(words[-1]))
    ):
        kept.pop(0)
    return kept


# "difficulty levels influence generalization", "models support transfer learning": after
# a plural subject these nouns are the verb, and the term starts after them.
_NOUNS_USED_AS_VERBS = frozenset(
    "influence impact support drive shape limit guide benefit aid power fuel harm control transfer boost help need".split()
)
_NOT_PLURAL = frozenset("its this thus has was does is as us across".split())


def _is_plural_noun(word: str) -> bool:
    return word.isalpha() and word.islower() and word.endswith("s") and not word.endswith(("ss", "us", "is")) and word not in _NOT_PLURAL


_NOUNS_LIKE_VERB_FORMS = frozenset({"anomaly", "assembly", "family", "supply", "speed"})
_OPENERS = frozenset("([\"'\u201c")
_QUESTION_WORDS = frozenset({"how", "what", "why", "when", "where", "whether", "which"})
_SUBJECT_PRONOUNS = frozenset({"we", "We", "they", "They"})
_VERB_BEFORE = frozenset({"can", "cannot", "may", "might", "could", "would", "will", "should", "must"})
_ADJECTIVE_ENDINGS = ("ive", "ic", "al", "ous", "able", "ible", "ful", "less", "ary", "ent", "ant")
_TASK_NOUN = re.compile(r"(?<=[A-Za-z0-9] )tasks?\b")


def find_task_nouns(text: str, skip_before: int = 0) -> list[tuple[int, int, str, str]]:
    """(start, end, phrase, "Task") for what "... tasks" names: "web automation tasks",
    "planning tasks" (one word only when it is a task head word and not a generic one).

    >>> [p[2] for p in find_task_nouns("on multi-step reasoning tasks and planning tasks, not classification tasks")]
    ['multi-step reasoning', 'planning']
    >>> find_task_nouns("a language model task planner and graph neural network tasks")
    []
    """
    cues = type_cues()
    found = []
    for match in _TASK_NOUN.finditer(text, skip_before):
        kept = term_modifiers_before(text, match.start(), False)
        # One word names a task only when it is a task's head word and not a generic one:
        # "planning tasks", "navigation tasks", but not "classification tasks" (as the
        # gazetteer's stop lists; the guide does not annotate bare "classification").
        if not kept:
            continue
        if len(kept) == 1:
            word = kept[0].lower()
            if cues["term_head"].get(word) != "Task" or word in cues["bare_head_generic"]:
                continue
        # "open-ended generative tasks", "linguistic tasks": an adjective names no task; nor
        # does a model or a network ("a language model task planner", "diffusion models tasks").
        last = kept[-1].lower()
        if last not in cues["term_head"] and last.endswith(_ADJECTIVE_ENDINGS):
            continue
        if cues["next_word"].get(last) == "Model" or last in cues["architecture_head"]:
            continue
        phrase = " ".join(kept)
        if phrase.lower() in cues["term_stop_phrase"]:
            continue
        start = match.start() - 1 - len(phrase)
        found.append((start, start + len(phrase), phrase, "Task"))
    return found


# A plural noun, then a cue that examples follow: "tasks such as", "benchmarks like",
# "datasets: X, Y and Z". The cue is looked for first, from the noun's last letter (a
# pattern opening with a plain letter is scanned for fast).
_LIST_CUE = r"(?:,? \(?(?:such as|including|like|e\.g\.,?|namely|say) |: )"
_CUE_AFTER_PLURAL = re.compile("s" + _LIST_CUE)
_CUE_AFTER_CORPORA = re.compile("corpora" + _LIST_CUE)
_EXAMPLE_NOUN = re.compile(r"\b(tasks|benchmarks|datasets|corpora|games|environments|suites|testbeds|metrics)$")
_EXAMPLE_WORD = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?![\w\-])")
_EXAMPLE_GLUE = re.compile(r",? (?:and|or) |, ")
_EXAMPLE_END = re.compile(r"[.;:)]|,? etc\b|$")
# "tasks such as symptom coding and report generation", "tasks (e.g., pose tracking)": the
# examples a sentence gives of tasks name tasks, whatever their words ("applications such
# as" lists domains as often: "education", "filmmaking"). A task's name ends in a noun of
# doing ("captioning", "completion", "compliance", "analysis").
_TASK_LIKE_ENDINGS = ("ing", "tion", "sion", "ment", "sis", "ance", "ence")
_MAX_EXAMPLE_WORDS = 4


def _task_example(words: list[str]) -> bool:
    """Whether a list item after "tasks such as" names a task: one to four lower-case
    words ending in a noun of doing, not a verb phrase ("cleaning data"), not a generic word."""
    cues = type_cues()
    last = words[-1]
    if len(words) > _MAX_EXAMPLE_WORDS or any(word in cues["term_stop"] for word in words):
        return False
    if cues["term_head"].get(last, "Task") != "Task" or not last.endswith(_TASK_LIKE_ENDINGS):
        return False
    if len(words) == 1:
        return last not in cues["bare_head_generic"]
    return not words[0].endswith("ing") and " ".join(words) not in cues["term_stop_phrase"]


def find_task_examples(text: str, skip_before: int = 0) -> list[tuple[int, int, str, str]]:
    """(start, end, phrase, "Task") for the items a text lists as examples of tasks.

    Each item must end at a comma, "and"/"or" or the list's end; the list stops at the
    first item that does not name a task.

    >>> [p[2] for p in find_task_examples("on tasks such as symptom coding, report generation and others.")]
    ['symptom coding', 'report generation']
    >>> [p[2] for p in find_task_examples("tasks like stance detection across languages")]
    []
    """
    return _lower_case_examples(text, _example_openings(text, skip_before))


_METRIC_NOUNS = frozenset({"metric", "metrics", "measure", "measures", "score", "scores"})  # "distance metrics" is a class


def _metric_example(words: list[str]) -> bool:
    """Whether a list item after "metrics such as" names a metric: one to three lower-case
    words, none a stop word, not ending in a verb form ("-ing", "-ed") or a metric noun."""
    stops = type_cues()["term_stop"]
    last = words[-1]
    return (
        len(words) <= 3 and not any(word in stops for word in words)
        and not last.endswith(("ing", "ed")) and last not in _METRIC_NOUNS
    )


def find_metric_examples(text: str, skip_before: int = 0) -> list[tuple[int, int, str, str]]:
    """(start, end, phrase, "Metric") for the lower-case items a text lists as examples of
    metrics (capitalised ones, "BLEU", "Hit Rate", the name finders type themselves).

    >>> [p[2] for p in find_metric_examples("using metrics such as accuracy, consistency, stability, and fidelity.")]
    ['accuracy', 'consistency', 'stability', 'fidelity']
    >>> [p[2] for p in find_metric_examples("metrics like logo detection show that it works")]
    []
    """
    return _lower_case_examples(text, _example_openings(text, skip_before), "metrics")


def _lower_case_examples(text: str, openings: list[tuple[str, int]], kind: str = "tasks") -> list[tuple[int, int, str, str]]:
    found = []
    is_example, type_ = (_task_example, "Task") if kind == "tasks" else (_metric_example, "Metric")
    for noun, position in openings:
        if noun != kind:
            continue
        while True:
            words, end = [], position
            while (word := _EXAMPLE_WORD.match(text, end)) and word.group() not in ("and", "or"):
                words.append(word.group())
                end = word.end()
                if text[end : end + 1] != " " or not _EXAMPLE_WORD.match(text, end + 1):
                    break
                end += 1
            end = end if words and not text[end - 1].isspace() else end - 1
            glue = _EXAMPLE_GLUE.match(text, end)
            if not words or not is_example(words) or not (glue or _EXAMPLE_END.match(text, end)):
                break
            found.append((position, end, text[position:end], type_))
            if glue is None:
                break
            position = glue.end()
    return found


# "benchmarks including Google Research Football and Multi-Agent MuJoCo": the capitalised
# names listed as examples of datasets are datasets, coined-looking or not.
_EXAMPLE_NAME = re.compile(r"(?:(?:an?|the) )?([A-Z0-9][\w\-+']*(?:\.\d[\w\-]*)*(?: [A-Z0-9][\w\-+']*(?:\.\d[\w\-]*)*){0,4})(?![\w\-])")


def find_dataset_examples(text: str, skip_before: int = 0) -> list[tuple[int, int, str, str]]:
    """(start, end, name, "Dataset") for the capitalised names a text lists as examples of
    benchmarks, datasets, games or environments; the list ends at the first item that is not one.

    >>> [p[2] for p in find_dataset_examples("on games like Rook-Rook-Pawn, Stack Four, and a Colour Matching Game.")]
    ['Rook-Rook-Pawn', 'Stack Four', 'Colour Matching Game']
    >>> [p[2] for p in find_dataset_examples("datasets including MagicBrush and Pix2Edits, CapsFake wins")]
    ['MagicBrush', 'Pix2Edits']
    >>> [p[2] for p in find_dataset_examples("benchmarks such as reading comprehension, datasets including 12 subsets")]
    []
    >>> [p[2] for p in find_dataset_examples("corpora such as OpenWebText")]
    ['OpenWebText']
    """
    return _dataset_examples(text, _example_openings(text, skip_before))


_COUNT_ADJECTIVE = re.compile(r"\d[\d.,]*-[a-z]")


def _dataset_examples(text: str, openings: list[tuple[str, int]]) -> list[tuple[int, int, str, str]]:
    found = []
    for noun, position in openings:
        if noun in ("tasks", "metrics"):
            continue
        last = False  # the item after "and"/"or" ends the list
        while (item := _EXAMPLE_NAME.match(text, position)) and re.search("[A-Za-z]", item.group(1)):
            if _COUNT_ADJECTIVE.match(item.group(1)):
                break  # "two benchmarks: a 100-item diagnostic set": a description, no name
            found.append((item.start(1), item.end(1), item.group(1), "Dataset"))
            glue = _EXAMPLE_GLUE.match(text, item.end())
            if glue is None or last:
                break
            position, last = glue.end(), " and " in glue.group() or " or " in glue.group()
    return found


def _example_openings(text: str, skip_before: int) -> list[tuple[str, int]]:
    """(plural noun, where the list starts) for each "tasks such as", "benchmarks like", ..."""
    found = []
    cues = list(_CUE_AFTER_PLURAL.finditer(text, skip_before))
    if "corpora" in text:
        cues += _CUE_AFTER_CORPORA.finditer(text, skip_before)
    for cue in sorted(cues, key=lambda match: match.start()):
        if cue.group().startswith("corpora"):
            noun = "corpora"
        else:  # the cue match starts at the noun's last letter
            before = _EXAMPLE_NOUN.search(text, max(skip_before, cue.start() - 12), cue.start() + 1)
            noun = before.group(1) if before else ""
        if noun and (not cue.group().endswith("say ") or noun == "tasks"):
            found.append((noun, cue.end()))
    return found


def _examples(text: str, skip_before: int) -> list[tuple[int, int, str, str]]:
    openings = _example_openings(text, skip_before)
    if not openings:
        return []
    tasks, metrics = _lower_case_examples(text, openings), _lower_case_examples(text, openings, "metrics")
    return tasks + metrics + _dataset_examples(text, openings)


def find_term_phrases(text: str, skip_before: int = 0) -> list[tuple[int, int, str, str]]:
    """(start, end, phrase, type) of technique, task and metric terms in a text.

    A term is one to three modifier words before a head word that says its type
    ("learning", "prompting" -> Method; "detection", "generalization" -> Task;
    "rate" -> Metric). Words are all lower case (acronyms aside) or all Title Case,
    and then not followed by another capitalised word ("Large Reasoning Models").
    Terms before `skip_before` (the title, Title Case throughout) are not searched.

    >>> [p[2:] for p in find_term_phrases("We improve length generalization via task hinting.")]
    [('length generalization', 'Task'), ('task hinting', 'Method')]
    >>> find_term_phrases("Our novel training and deep learning")
    []
    """
    cues = type_cues()
    heads, stops = {**cues["title_case_head"], **cues["term_head"]}, cues["term_stop_phrase"]
    found = []
    for match in _any_head_regex().finditer(text, skip_before):
        head = match.group()
        title_case = head[:1].isupper()
        if not (head.islower() or title_case):
            continue
        if title_case and re.match(r" [A-Z]", text[match.end() : match.end() + 2]):
            continue
        kept = term_modifiers_before(text, match.start(), title_case)
        if not kept:
            continue
        if (after := _NEXT_WORD.match(text, match.end())) and f"{head} {after.group(1)}".lower() in stops:
            continue  # "an adaptive learning rate" names no "adaptive learning"
        phrase = " ".join(kept + [head])
        if phrase.lower() in stops or all(word.lower() in _MODEL_CLASS_WORDS for word in kept):
            continue  # "LLM generalization" is generalization, of LLMs
        if heads[head.lower()] == "Metric" and f"{kept[-1]} {head}".lower() in stops:
            continue  # "an adaptive learning rate", "resting heart rate": a rate, not a measure of results
        start = match.start() - len(phrase) + len(head)
        found.append((start, match.end(), phrase, heads[head.lower()]))
    return found


_NEXT_WORD = re.compile(r" (\w+)")
_MODEL_CLASS_WORDS = frozenset(
    "llm llms vlm vlms mllm mllms lvlm lvlms lmm lmms plm plms slm slms lm lms dnn dnns model models".split()
)


@lru_cache(maxsize=1)
def _acronym_head_regex() -> re.Pattern:
    return re.compile(
        r" \((?P<short>[A-Z][A-Za-z0-9]{1,6})\) (?P<head>" + word_alternation(type_cues()["term_head"]) + r")(?![\w\-])"
    )


def find_acronym_terms(text: str, skip_before: int = 0) -> list[tuple[int, int, str, str]]:
    """(start, end, phrase, type) of terms whose modifier is spelled out for an acronym
    before the head word: "out-of-distribution (OOD) detection" names "out-of-distribution
    detection", "part-of-speech (POS) tagging" "part-of-speech tagging". The phrase (the
    name, without the acronym) is not the span's text; the span runs from the long form to
    the head word.

    >>> [p[2:] for p in find_acronym_terms("We study out-of-distribution (OOD) detection and the (ID) tagging.")]
    [('out-of-distribution detection', 'Task')]
    >>> find_acronym_terms("We apply Direct Preference Optimization (DPO) fine-tuning.")
    []
    >>> [p[2:] for p in find_acronym_terms("Natural language to SQL (NL2SQL) translation helps.")]
    [('Natural language to SQL translation', 'Task')]
    """
    from kg.extract.abbreviations import match_long_form

    heads, stops = type_cues()["term_head"], type_cues()["term_stop"]
    found = []
    for match in _acronym_head_regex().finditer(text, skip_before):
        window = text[max(skip_before, match.start() - 80) : match.start()]
        offset = match_long_form(window, match.group("short"))
        if offset is None:
            continue
        long = window[offset:].lstrip()
        words = long.split()
        spelled = {"to"} if "2" in match.group("short") else set()  # "Natural language to SQL (NL2SQL) translation"
        if not 1 <= len(words) <= 4 or any(
            word.lower() in stops and word.lower() not in spelled or not _MODIFIER.match(word) for word in words
        ):
            continue
        if heads.get(words[-1].lower()) == "Method":
            continue  # "reinforcement learning (RL) fine-tuning": a technique, then what is done with it
        head = match.group("head")
        found.append((match.start() - len(long), match.end(), f"{long} {head}", heads[head.lower()]))
    return found


_COORDINATED_ITEM = r"[A-Za-z][\w\-]*(?: \([A-Z][\w\-]*\))?"
_COORDINATED = re.compile(
    r"(?<![\w\-])(?P<items>(?:" + _COORDINATED_ITEM + r", ){0,4}" + _COORDINATED_ITEM + r",? (?:and|or) " + _COORDINATED_ITEM + r") $"
)
_COORDINATED_WORD = re.compile(r"([A-Za-z][\w\-]*)(?: \([A-Z][\w\-]*\))?")


def _coordination_shape(word: str) -> str | None:
    """What coordinated modifiers share: the same hyphenated tail ("few-shot", "zero-shot"),
    or an adjective's ending ("structured", "unstructured"); None for anything else."""
    lower = word.lower()
    if "-" in lower:
        return "-" + lower.rsplit("-", 1)[1]
    return "adjective" if lower.endswith((*_ADJECTIVE_ENDINGS, "ory", "ed")) else None


def find_coordinated_terms(text: str, skip_before: int = 0) -> list[tuple[int, int, str, str]]:
    """(start, end, name, type) of each term a list of modifiers shares one head word with:
    "zero-shot and few-shot learning" names "zero-shot learning" and "few-shot learning".

    The modifiers must be alike (one hyphenated tail, or all adjectives the term vocabulary
    knows): "analysis and federated learning" lists two things, not two kinds of learning.
    Every modifier but the last is a span of its own words, named by the whole term; the
    last one's span runs to the head word.

    >>> [p[2] for p in find_coordinated_terms("both in-domain (ID) and out-of-domain (OOD) generalization")]
    ['in-domain generalization', 'out-of-domain generalization']
    >>> find_coordinated_terms("data analysis and federated learning")
    []
    """
    cues = type_cues()
    heads, stops = cues["term_head"], cues["term_stop"]
    found = []
    for match in _term_head_regex().finditer(text, skip_before):
        head = match.group()
        if not head.islower():
            continue
        window = max(skip_before, match.start() - 120), match.start()
        if text.find(" and ", *window) < 0 and text.find(" or ", *window) < 0:
            continue  # the cheap test first: most head words follow no list
        listed = _COORDINATED.search(text, *window)
        if not listed:
            continue
        words = [
            (listed.start("items") + item.start(1), item.group(1))
            for item in _COORDINATED_WORD.finditer(listed.group("items"))
            if item.group(1) not in ("and", "or")
        ]
        if any(word.lower() in stops or not _MODIFIER.match(word) or not (word.islower() or _is_acronym_word(word)) for _, word in words):
            continue
        shapes = {_coordination_shape(word) for _, word in words}
        if len(shapes) != 1 or None in shapes:
            continue
        if shapes == {"adjective"} and not all(_modifier_ok(word, False) for _, word in words):
            continue
        for i, (start, word) in enumerate(words):
            end = match.end() if i == len(words) - 1 else start + len(word)
            found.append((start, end, f"{word} {head}", heads[head.lower()]))
    return found


_TITLE_WORD = re.compile(r"(?<![\w])[A-Z][a-z]+(?![\w])")


def lower_title_words(title: str) -> str:
    """A Title Case title written as running text: capitalised words lower-cased, acronyms
    and coined words kept ("Task Hinting for Meta-RL" -> "task hinting for meta-RL").

    The term finder reads titles through this, so "via Task Hinting" names a term just
    as "via task hinting" would. The length does not change, so offsets hold.

    >>> lower_title_words("Improving Length-Generalization via Task Hinting in GPT-4")
    'improving length-generalization via task hinting in GPT-4'
    """
    return _TITLE_WORD.sub(lambda match: match.group().lower(), title)


@lru_cache(maxsize=1)
def _metric_subscript_regex() -> re.Pattern:
    # type_cues lower-cases its words; the bases are matched as written ("AP", not "ap").
    text = resources.files("kg.resources").joinpath("type_cues.json").read_text(encoding="utf-8")
    bases = sorted(json.loads(text)["metric_subscript_base"]["Metric"], key=len, reverse=True)
    # Any name at a cut-off is a measure ("HR@5", "Hits@1", "Avg@8"); a subscript only after a known base.
    return re.compile(
        r"(?<![\w\\])(?:" + "|".join(re.escape(base) for base in bases) + r")"
        r"(?:_\{[^{}\s]{1,12}\}|_\d{1,3})(?![\w@])"
        # the cut-off a count, a threshold or a range of them ("mAP@0.5:0.95", "Precision@25%")
        r"|(?<![\w\\@.\-])[A-Za-z][A-Za-z0-9\-]*@(?:\d{1,3}(?:\.\d{1,3})?(?:[:\-]\d{1,3}(?:\.\d{1,3})?)?%?|[kK])(?![\w@])"
    )


def find_metric_subscripts(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of measures written with a subscript or a cut-off: "F_1", "AP_{50}",
    "Recall@10", "nDCG@k" (LaTeX and leaderboard notation no list spells out).

    >>> [name for _, _, name in find_metric_subscripts("scored by F_1, AP_{50}, nDCG@10, mAP@0.5:0.95 and HR@5 on X_1")]
    ['F_1', 'AP_{50}', 'nDCG@10', 'mAP@0.5:0.95', 'HR@5']
    """
    return [(match.start(), match.end(), match.group()) for match in _metric_subscript_regex().finditer(text)]


# Words that may follow a measure named after its score: "95.4% XYZ on QuillBench".
_AFTER_A_MEASURE = frozenset(
    {"", "on", "in", "for", "and", "or", "at", "with", "across", "over", "against", "versus", "vs", "vs.", "than", "while",
     "respectively", "compared", "under", "of", "when", "after", "from", "to", "by", "using"}
)


# "0.9580 OSCR": a decimal score; "Gemini 1.5 Pro", "Qwen 2.5 VL": a version after a name.
_DECIMAL_SCORE = re.compile(r"^\d{1,3}\.\d+$")


def _follows_a_score(doc: Doc, start: int) -> bool:
    """Whether the token at `start` comes right after a percentage ("96.3% AP") or after a
    decimal number that follows no name ("reaches 0.9580 OSCR")."""
    if follows_a_percentage(doc, start):
        return True
    if start < 2 or not _DECIMAL_SCORE.match(doc[start - 1].text) or not doc[start - 1].whitespace_:
        return False
    before = doc[start - 2].text
    return before[:1].islower() or before in (",", "(", ":", "=")


def _measures_a_score(doc: Doc, span: Span) -> bool:
    """Whether a name stands right after a score as what it measures ("96.3% AP@40,",
    "90% SoH", "0.9580 OSCR"), not as a modifier of the noun after it ("25% BD-rate", "70%
    DRC pass rate")."""
    if not _follows_a_score(doc, span.start):
        return False
    after = doc[span.end].text if span.end < len(doc) else ""
    return after.lower() in _AFTER_A_MEASURE or not (after[:1].isalnum() or after[:1] == "-")


_EDITION_YEAR = re.compile(r"^(?:19|20)\d\d$")
_EDITION_WORDS = (("shared", "task"), ("challenge",), ("competition",))


def _edition_end(doc: Doc, span: Span) -> int:
    """The end of "<year> Shared Task", "<year> LiveRAG Challenge" (up to three capitalised
    words between) after a name, of "Lab Structural Break Challenge" after a name a year
    opens ("the 2025 ADIA Lab Structural Break Challenge"), or of a "shared task" after any
    name ("the MEDIQA-CORR shared task"), or 0. Without a year "the AVI Challenge" is the
    dataset AVI, as its bare mentions are."""
    end = span.end
    if end >= len(doc) or not doc[end - 1].whitespace_:
        return 0
    year = bool(_EDITION_YEAR.match(doc[end].text))
    end += year
    year = year or (span.start > 0 and _EDITION_YEAR.match(doc[span.start - 1].text))
    if end >= len(doc):
        return 0
    if not (year or doc[end].lower_ == "shared" or doc[end].text[:1].isupper()):
        return 0
    for start in range(end, min(end + 4, len(doc))):
        for words in _EDITION_WORDS if year else _EDITION_WORDS[:1]:  # without a year, only a shared task
            if tuple(token.lower_ for token in doc[start : start + len(words)]) == words:
                return start + len(words)
        if not doc[start].text[:1].isupper() or not doc[start - 1].whitespace_:
            return 0
    return 0


_NUMBER = re.compile(r"^\d[\d,]*(?:\.\d+)?$")


def _is_unit_after_number(doc: Doc, span: Span) -> bool:
    """"300 MW of power", "20 TB", "9 GW": two or three capitals right after a number are a unit."""
    word = span.text
    return (
        2 <= len(word) <= 3 and word.isalpha() and word.isupper()
        and span.start > 0 and doc[span.start - 1].whitespace_ and bool(_NUMBER.match(doc[span.start - 1].text))
    )


def pair_typed_by_next_word(word: str) -> bool:
    """Whether the word after "long form (SHORT)" says the pair's type, as it does after a
    coined name: "the Integrated Gradient (IG) score", "the listener head generation (LHG)
    task", "the X (Y) benchmark". Not "model(s)", which follows techniques and classes as
    often ("Temporal Knowledge Graph Embedding (TKGE) models"), nor a plural or "challenge"
    after a dataset's task or domain ("Brain-Computer Interface (BCI) benchmarks", "the
    Emotional Mimicry Intensity (EMI) Challenge")."""
    lower = word.lower()
    type_ = type_cues()["next_word"].get(lower)
    if type_ == "Dataset":
        return not lower.endswith(("s", "challenge")) or lower == "corpus"
    return type_ is not None and type_ != "Model"


def _word_after(doc: Doc, span: Span) -> str:
    """The word after a name, or after its bracket where the name stands alone in one and the
    word says what the pair names: "Consistency-aware Optimization (C2O) strategy"."""
    end = span.end
    if end + 1 < len(doc) and doc[end].text == ")" and span.start > 0 and doc[span.start - 1].text == "(":
        if pair_typed_by_next_word(doc[end + 1].text):
            return doc[end + 1].text
    return doc[end].text if end < len(doc) else ""


_LICENCE = re.compile(r"^(?:CC[- ]?)?BY(?:-(?:NC|SA|ND))*(?:[- ]?\d\.\d)?$")


class PatternNames:
    """The component: coined names as spans labelled with their guessed type."""

    def __init__(self, name: str = "kg_patterns"):
        self.name = name

    def match(self, doc: Doc) -> list[Span]:
        spans = []
        text = doc_text(doc)
        if "_" in text or "@" in text:
            # first, so that a measure keeps its type against the name candidate of its letters ("HR" of "HR@5")
            for start, end, _ in find_metric_subscripts(text):
                span = doc.char_span(start, end, alignment_mode="contract")
                if span is not None and len(span):
                    spans.append(Span(doc, span.start, span.end, label="Metric"))
        for start, end, name in find_name_candidates(text):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            next_word = _word_after(doc, span)
            if _LICENCE.match(name) or (name == "CC" and _LICENCE.match(next_word)):
                continue  # "CC BY-NC 4.0", "CC-BY-4.0": a licence
            if _is_unit_after_number(doc, span):
                continue
            # "OPT-IML Bench", "HAE-RAE Bench": a capitalised benchmark word written apart
            # from the coined name is still part of it.
            if next_word in _suffix_words() and doc[span.end - 1].whitespace_:
                span, next_word = doc[span.start : span.end + 1], doc[span.end + 1].text if span.end + 1 < len(doc) else ""
                name = span.text
            edition = _edition_end(doc, span)
            if edition:  # "BEA 2025 Shared Task", "NTIRE 2025 Challenge": a challenge is a dataset
                spans.append(Span(doc, span.start, edition, label="Dataset"))
                continue
            type_, weakly = guess_type_weakly(name, next_word)
            if weakly and _measures_a_score(doc, span):
                type_, weakly = "Metric", False
            spans.append(Span(doc, span.start, span.end, label=type_, kb_id=GUESSED if weakly else ""))
        return spans

    def match_terms(self, doc: Doc) -> list[Span]:
        spans = []
        text = doc_text(doc)
        title_end = find_title_end(text)
        heads = type_cues()["term_head"]
        title_terms = find_term_phrases(lower_title_words(text[:title_end])) if title_end else []
        for start, end, phrase, type_ in title_terms + find_term_phrases(text, title_end) + find_task_nouns(text, title_end) + _examples(text, title_end):
            # "task completion rates" is named as its singular, the form a list would hold.
            singular = phrase[:-1] if phrase.endswith("s") and phrase.rsplit(" ", 1)[-1][:-1].lower() in heads else ""
            span = doc.char_span(start, end, label=type_, alignment_mode="contract", span_id=singular)
            if span is not None and len(span):
                spans.append(span)
        coordinated = find_coordinated_terms(text, title_end) if " and " in text or " or " in text else []
        if title_end and (" and " in text[:title_end] or " or " in text[:title_end]):
            coordinated += find_coordinated_terms(lower_title_words(text[:title_end]))
        if "(" in text or coordinated:
            for start, end, phrase, type_ in find_acronym_terms(text, title_end) + coordinated:
                # Named without its acronym: "out-of-distribution detection".
                span = doc.char_span(start, end, label=type_, alignment_mode="contract", span_id=phrase)
                if span is not None and len(span):
                    spans.append(span)
        return spans

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPAN_KEY] = self.match(doc)
        doc.spans[TERM_KEY] = self.match_terms(doc)
        return doc


@Language.factory("kg_patterns")
def make_pattern_names(nlp: Language, name: str) -> PatternNames:
    return PatternNames(name)
