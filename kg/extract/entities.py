"""kg_entities: settle the candidate names into ``doc.ents``.

Candidates come from the gazetteer, the shape patterns, the abbreviation pairs and the
names the text describes ("a method called X", "X, a lightweight technique"); unlisted
names in a list of typed peers take their type.
A long form spelled out for an acronym becomes an entity of the acronym's type, and
the acronym's later mentions are tied to it (``doc._.kg_long_forms``); where
candidates overlap, the longest wins ("LLaMA-2-7B", not "LLaMA"); generic names go.
"""

from __future__ import annotations

import re
from collections.abc import Container
from bisect import bisect_left
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.extract.abbreviations import FUNCTION_WORDS, is_short_form, match_long_form, modified_short_form
from kg.extract.gazetteer import SPAN_KEY as GAZETTEER_KEY
from kg.extract.patterns import SPAN_KEY as PATTERN_KEY
from kg.extract.patterns import TERM_KEY
from kg.extract.patterns import (
    DEFAULT_TYPE, GUESSED, SUPERSCRIPTED_NAME, generic_keys, guess_type, guess_type_weakly, is_coined_name, is_plural_acronym,
    pair_typed_by_next_word,
    term_modifiers_before, term_words, type_cues, whole_word_offsets, word_alternation,
)
from kg.extract.sentences import doc_text, span_text
from kg.extract.sentences import title_end as find_title_end
from kg.models import normalize_key

__all__ = ["settle_entities", "EntitySettler"]

if not Doc.has_extension("kg_long_forms"):
    Doc.set_extension("kg_long_forms", default=None)


def _spans_by_offsets(spans) -> dict[tuple[int, int], Span]:
    found: dict[tuple[int, int], Span] = {}
    for span in spans:
        found.setdefault((span.start, span.end), span)
    return found


@lru_cache(maxsize=1)
def _listed_long_forms() -> dict[str, frozenset[str]]:
    """{acronym row name: normalized keys of the aliases that spell it out} from the name lists."""
    from kg.extract.gazetteer import read_gazetteer

    found: dict[str, set[str]] = {}
    for row in read_gazetteer():
        name = row["name"]
        if not is_short_form(name):
            continue
        words = {
            normalize_key(alias) for alias in row.get("aliases", ())
            if " " in alias and name.lower() not in alias.lower() and match_long_form(alias, name) is not None
        }
        if words:
            found.setdefault(name, set()).update(words)
    return {name: frozenset(keys) for name, keys in found.items()}


def spells_listed_name(long_form: str, listed: str) -> bool:
    """Whether a long form can stand for the list row its acronym matched.

    A row named by an acronym is spelled by its long form ("Low-Rank Adaptation" for LoRA),
    the one the list gives if it gives one ("masked autoencoders (MAE)" is not the mean
    absolute error); a row named in words is only itself ("Adaptive Cruise Control (ACC)"
    is not accuracy).

    >>> spells_listed_name("Low-Rank Adaptation", "LoRA"), spells_listed_name("Adaptive Cruise Control", "accuracy")
    (True, False)
    >>> spells_listed_name("mean absolute error", "MAE"), spells_listed_name("masked autoencoders", "MAE")
    (True, False)
    """
    if normalize_key(long_form) == normalize_key(listed):
        return True
    if not is_short_form(listed):
        return False
    listed_long_forms = _listed_long_forms().get(listed)
    if listed_long_forms:
        return normalize_key(long_form) in listed_long_forms
    return match_long_form(long_form, listed) is not None


_DOMAIN = "kg_domain"  # the label of a span that names no ML entity but holds its words


def names_a_domain_thing(long_form: str) -> bool:
    """Whether an acronym's long form names a thing of the field a paper applies ML to, not an
    ML entity: a disease, a patient, a scan, an institution ("Chronic Kidney Disease (CKD)",
    "Computed Tomography (CT)"). A name "for" or "in" such a thing is the paper's own
    ("Attention for Spatial Transcriptomics").

    >>> names_a_domain_thing("Coronary Artery Disease"), names_a_domain_thing("Expressive Attention for Spatial Transcriptomics")
    (True, False)
    """
    words = long_form.lower().split()
    return words[-1] in type_cues()["domain_head"] and "for" not in words and "in" not in words


def _spells_a_modifier(doc: Doc, long: Span, short: Span, known: dict[tuple[int, int], Span]) -> bool:
    """Whether an unlisted acronym spells out one lower-case compound word nothing types:
    "autoregressive (AR)", "time-to-first-token (TTFT)", "vision-language-action (VLA)"
    describe the noun after them; neither they nor the acronym name an entity."""
    word = span_text(long)  # lower case, or capitalised hyphenated at a sentence's start: "Grapheme-to-phoneme (G2P)"
    if " " in word or any(ch.isdigit() for ch in word) or not (word.islower() or "-" in word and word[1:].islower()):
        return False  # "multi-qa-mpnet-base-dot-v1 (MMPNet)" names a model
    short_known = known.get((short.start, short.end))
    if short_known is not None and short_known.id_:
        return False
    end = max(long.end, short.end)
    end += end < len(doc) and doc[end].text == ")"
    next_word = doc[end].text if end < len(doc) and pair_typed_by_next_word(doc[end].text) else ""
    return guess_type_weakly(span_text(short), next_word, long_form=span_text(long))[1]  # "G2P": letters with a digit


def defines_a_technique_class(long_form: str, short: str) -> bool:
    """Whether a plural acronym spells out a class of techniques: "spiking neural networks
    (SNNs)" names an architecture (a Method), while "deep neural networks (DNNs)" and
    "large language models (LLMs)" name generic classes of systems.

    >>> defines_a_technique_class("tensorized neural networks", "TNNs"), defines_a_technique_class("deep neural networks", "DNNs")
    (True, False)
    """
    return (
        is_plural_acronym(short)
        and normalize_key(short[:-1]) not in generic_keys()
        and long_form.split()[-1].lower() in type_cues()["architecture_head"]
    )


def _cased_otherwise(short: str, listed: str) -> bool:
    """Whether a defined acronym is a listed mixed-case one written in other capitals: "AWA
    (Adaptive Weight Allocation)" is not the AwA dataset, "GLAM (...)" not the GLaM model.

    >>> _cased_otherwise("AWA", "AwA"), _cased_otherwise("GLaM", "GLaM"), _cased_otherwise("BLEU", "BLEU")
    (True, False, False)
    """
    return short != listed and short.lower() == listed.lower() and any(ch.islower() for ch in listed[1:])


def _recased_mixed(written: str, listed: str) -> bool:
    """Whether a name is a listed mixed-case one ("CoLA", "T-REx") written in other capitals."""
    return _cased_otherwise(written, listed) and any(ch.isupper() for ch in listed)


def _long_form_span(doc: Doc, long: Span, short: Span, known: dict[tuple[int, int], Span]) -> Span | None:
    """The entity span for a long form, typed and named after whichever side is known."""
    long_known = known.get((long.start, long.end))
    short_known = known.get((short.start, short.end))
    if long_known is not None:
        return long_known
    if short_known is None and not is_coined_name(span_text(short)):
        if not defines_a_technique_class(span_text(long), span_text(short)):
            return None
        return Span(doc, long.start, long.end, label="Method")
    if (
        short_known is not None and short_known.id_
        and not _cased_otherwise(span_text(short), short_known.id_) and spells_listed_name(span_text(long), short_known.id_)
        and not _headed_otherwise(span_text(long), short_known)
    ):
        return Span(doc, long.start, long.end, label=short_known.label_, span_id=short_known.id_)
    end = _pair_end(doc, long, short)
    next_word = _kind_noun_after_pair(doc, long, short)
    type_, weakly = guess_type_weakly(span_text(short), next_word, long_form=span_text(long))
    if (
        type_ == "Dataset" and span_text(long).split()[-1].lower() in _HEADS_OF_DATASETS_OR_SYSTEMS
        and _apposition_kind(doc_text(doc), doc[end - 1].idx + len(doc[end - 1])) == "technique"
    ):
        type_ = "Method"  # "Formal Assurance and Monitoring Environment (FAME), a novel framework"
    # A capitalised long form typed by default may still be a dataset's name; a lower-case
    # one ("human-robot interaction (HRI)", or "Reinforcement learning from ..." opening a
    # sentence) is a term, and so is one ending in a technique's head word ("... Learning").
    guessed = weakly and type_ == DEFAULT_TYPE and not _lower_case_phrase(doc, long)
    return Span(doc, long.start, long.end, label=type_, kb_id=GUESSED if guessed else "")


def _headed_otherwise(long_form: str, listed: Span) -> bool:
    """Whether a long form's head word names a technique where the row, named only by its
    acronym, is a dataset, task or metric ("the Sparse Training Scheme (STS)" is no semantic
    textual similarity). Models are techniques by their heads ("Residual Neural Network")."""
    if listed.label_ in ("Method", "Model") or _listed_long_forms().get(listed.id_):
        return False
    return type_cues()["long_form_head"].get(long_form.split()[-1].lower()) == "Method"


def _pair_end(doc: Doc, long: Span, short: Span) -> int:
    """The token after "long form (SHORT)", past the closing bracket."""
    end = max(long.end, short.end)
    return end + (end < len(doc) and doc[end].text == ")")


def _kind_noun_after_pair(doc: Doc, long: Span, short: Span) -> str:
    """The noun after "long form (SHORT)" if it says what the pair names ("framework", "task"), or ""."""
    end = _pair_end(doc, long, short)
    next_word = doc[end].text if end < len(doc) else ""
    if long.end < short.start - 1:  # "a Quill Alignment framework (QA)": the kind noun before the bracket
        next_word = doc[long.end].text
    if pair_typed_by_next_word(next_word) or (next_word in _PLURAL_DATASET_NOUNS and _second_of_two_pairs(doc, long)):
        return next_word
    return ""


# "the Chinese Traffic Sign (CTS) and Belgian Traffic Sign (BTS) datasets": a plural noun
# after the second of two pairs names both, where after one pair it names a domain.
_PLURAL_DATASET_NOUNS = frozenset({"datasets", "benchmarks", "corpora"})


def _second_of_two_pairs(doc: Doc, long: Span) -> bool:
    before = doc[max(0, long.start - 4) : long.start]
    words = [token.lower_ for token in before if token.lower_ not in ("the", ",")]
    return len(words) >= 2 and words[-1] in ("and", "or") and words[-2] == ")"


def _domain_noun_after_pair(doc: Doc, long: Span, short: Span) -> bool:
    """Whether the noun after "long form (SHORT)" says the pair names a thing of the field a
    paper applies ML to: "Hepato-pancreato-biliary (HPB) disorders", "the Banking, Financial
    Services, and Insurance (BFSI) sector"."""
    end = _pair_end(doc, long, short)
    return end < len(doc) and doc[end].lower_ in type_cues()["domain_head"]


def _dataset_noun_after_pair(doc: Doc, long: Span, short: Span) -> bool:
    """Whether a dataset noun follows "long form (SHORT)": "the Acute Kidney Injury (AKI) dataset"."""
    end = _pair_end(doc, long, short)
    return end < len(doc) and type_cues()["next_word"].get(doc[end].lower_) == "Dataset"


def _typed_by_noun_after_pair(doc: Doc, long: Span, short: Span) -> bool:
    """Whether the noun after the pair says its type against a term's: a dataset or metric
    noun always, a technique noun unless the long form names a task ("a knowledge graph
    question answering (KGQA) framework" is a framework for the task)."""
    noun = _kind_noun_after_pair(doc, long, short)
    if not noun:
        return False
    cues = type_cues()
    return cues["next_word"][noun.lower()] != "Method" or cues["long_form_head"].get(long[-1].lower_) != "Task"


# Long-form heads that name datasets as often as the systems built around them.
_HEADS_OF_DATASETS_OR_SYSTEMS = frozenset({"environment", "world", "suite", "collection", "archive", "arena", "gym"})


def _lower_case_phrase(doc: Doc, span: Span) -> bool:
    """Whether a span is written in lower case, but for a capital opening its sentence."""
    text = span_text(span)
    if span.start_char in {start for start, _ in doc._.kg_sentences or ()}:
        text = text[:1].lower() + text[1:]
    return text.islower()


# A dotted version has a one-digit major number and short minor ones ("2.5", "3.1", "0.5", "v1.5"):
# "IIRC 25.5", "RSA 0.743" and "ResNet-CNN 0.36" are scores.
_VERSION = re.compile(r"^(?:[vV]\d+(?:\.\d+)*[a-z]?|(?:[1-9](?:\.\d{1,2})+|0\.\d)[a-z]?|\d+[a-z]?|\d+(?:\.\d+)?[BMK])$")
_SIZE_UNIT = frozenset({"B", "M", "K"})


def extend_model_version(doc: Doc, span: Span) -> Span:
    """A model name with the version and variant words that follow it.

    "Claude" + " Sonnet 4.5", "Gemini 2.5 Flash" + " Preview", "GPT-OSS" + " 120B",
    "Mistral" + "-Instruct", "Qwen" + "-Audio": the words are kept only up to the last
    version number or variant word.
    """
    variants, domains = type_cues()["model_variant_words"], type_cues()["model_domain_words"]
    end, j, versioned = span.end, span.end, False
    while j < len(doc) and j - span.end < 5 and doc[j - 1].whitespace_ in (" ", ""):
        token = doc[j].text
        if token == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_:
            j += 1  # a hyphen joins what follows, if that is a version or variant word
            continue
        if _VERSION.match(token) and (span.label_ == "Model" or not token.isdigit()):
            versioned, end = True, j + 1
        elif token in _SIZE_UNIT and not doc[j - 1].whitespace_ and doc[j - 1].text.isdigit():
            versioned, end = True, j + 1
        elif token.lower() in variants and (token[:1].isupper() or doc[j - 1].text == "-"):
            end = j + 1  # "GPT-4.5 Mini", "GPT-4.5-mini"
        elif "-" in token and _variant_with_version(token, variants):
            versioned, end = True, j + 1  # "Mistral" + "-Large-3": the tokenizer keeps "Large-3" whole
        elif token.lower() in domains and token[:1].isupper() and doc[j - 1].text == "-":
            end = j + 1  # "Qwen-Audio", "Llama-Guard"; not "Qwen MATH" (a benchmark after a model)
        else:
            break
        j += 1
    if end == span.end or not (versioned or span.label_ == "Model"):
        return span
    if span.label_ != "Model" and end < len(doc) and doc[end].text in _NOUNS_OF_AN_EDITION:
        return Span(doc, span.start, end, label="Dataset")  # "the MultiVENT 2.0 benchmark": an edition of a dataset
    if span.kb_id_ == GUESSED and end == span.end + 1 and _V_VERSION.fullmatch(doc[span.end].text):
        # "PersonaMem v1", "ViDoRe V1": a "v" version releases datasets as often as models,
        # so an unknown name keeps its type open for the words around it
        return Span(doc, span.start, end, label="Model", kb_id=GUESSED)
    return Span(doc, span.start, end, label="Model")


_V_VERSION = re.compile(r"[vV]\d+(?:\.\d+)*")


_NOUNS_OF_AN_EDITION = frozenset({"corpus", "dataset", "benchmark", "suite"})


_DATASET_VERSION = re.compile(r"[vV]\d{1,2}(?:\.\d{1,2})?|\d\.\d|(?:19|20)\d\d")


def extend_dataset_variant(doc: Doc, span: Span) -> Span:
    """A benchmark with the split or version words that follow it, as the longer name wins:
    "SWE-bench" + " Lite", "BIG-Bench" + " Extra Hard", "VerilogEval" + " 2.0", "TREC" + " 2025".
    """
    variants = type_cues()["dataset_variant_words"]
    end = span.end
    for _ in range(2):
        if end >= len(doc) or not doc[end - 1].whitespace_:
            break
        pair = doc[end : end + 2]
        if len(pair) == 2 and pair[0].whitespace_ and pair[0].text[:1].isupper() and span_text(pair).lower() in variants:
            end += 2
        elif (doc[end].text[:1].isupper() and doc[end].text.lower() in variants) or _DATASET_VERSION.fullmatch(doc[end].text):
            end += 1
        else:
            break
    if end == span.end:
        return span
    return Span(doc, span.start, end, label=span.label_, kb_id=span.kb_id_)


def _variant_with_version(token: str, variants: Container[str]) -> bool:
    """"Large-3", "Small-3.1": a variant word and a version number in one token."""
    word, _, version = token.partition("-")
    return word[:1].isupper() and word.lower() in variants and _VERSION.match(version) is not None


_LOOSE_PREFIXES = frozenset({"post", "pre", "full"})


def _joins_a_term(word: str) -> bool:
    """"meta", "audio", "cross": not a plural ("benchmarks-document summarization" is a
    dash) nor a describing word ("full-", "post-")."""
    plural = word.endswith("s") and not word.endswith("ss")
    return not plural and word not in type_cues()["term_stop"] and word not in _LOOSE_PREFIXES


def extend_hyphenated_prefix(doc: Doc, span: Span) -> Span:
    """A lower-case term with the word hyphenated onto its front: "Meta-reinforcement
    learning" is not "reinforcement learning"."""
    i = span.start
    if (
        i >= 2
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and doc[i - 2].is_alpha
        and span_text(span)[:1].islower()
        and _joins_a_term(doc[i - 2].text.lower())
    ):
        return Span(doc, i - 2, span.end, label=span.label_)
    return span


# "evaluated on X", "results on the X", "on a subset of X": a name right after "on" is where
# something is run, unless the "on" belongs to a verb that builds on something ("based on X")
# or says what a work is about ("research on X", "we report on X").
_ON_BEFORE = re.compile(
    r"\b[Oo]n (?:the )?$"
    r"|\b[Oo]n (?:a|the|two|three|four|several) (?:[\w-]+ )?(?:subsets?|splits?|portions?|partitions?) of (?:the )?$"
)
_NOT_WHERE_BEFORE_ON = re.compile(
    r"(?:based|built|relies|rely|focus|focuses|focusing|depends|conditioned|builds|building|draws|drawing|research"
    r"|\bwork|\bworks|\breport) $"
)


def _run_on(before: str) -> bool:
    """Whether the text before a name ends in an "on" that says where something is run (the
    words before "on" tested only where there is one: lookbehinds at every position cost)."""
    on = _ON_BEFORE.search(before)
    return on is not None and not _NOT_WHERE_BEFORE_ON.search(before, max(0, on.start() - 13), on.start())


# "a new benchmark, called X", "datasets such as X", "benchmarks (X": named just after a dataset noun.
_DATASET_NOUN_BEFORE = re.compile(
    r"\b(?:benchmarks?|datasets?|corpus|corpora|suites?|testbeds?|environments?|games?|challenges?|leaderboards?)"
    r"(?:,? (?P<naming>called|named|dubbed|termed|such as|including|like|namely|e\.g\.,?|i\.e\.,?))?[ ,:(]*$"
)
# "Across 11 benchmarks, Spotlighter outperforms", "Notably, on the MuSiQue dataset, DPS
# improves": a phrase opening the sentence ends at its comma; the name after it is the subject.
_OPENING_PHRASE = re.compile(
    r"(?:^|[.!?]\s+|\n)(?:[A-Z]\w+, )?(?:Across|Beyond|On|In|For|Over|With|Under|From|Besides|Unlike|Among|Throughout|Compared (?:to|with))\b[^,;.]*$"
)
# "four evaluation benchmarks with diverse tasks -- X, Y", "on three datasets: X": a list
# opened by a colon or dash after a plural dataset noun in the same clause.
_DATASET_LIST_NOUN = re.compile(r"\b(?:benchmarks|datasets|corpora|suites|testbeds|environments|games|challenges)\b")
_DATASET_LIST_AFTER_NOUN = re.compile(
    r"[^.;:()]{0,60}?(?::| --| —| -)\s*"
    # "datasets - Hyperspectral Wood, HyperspectralBlueberries, and DeepHS-Fruit": a later item of the list
    r"(?:[^\s,.;:()]+(?: [^\s,.;:()]+){0,3}, (?:and |or )?){0,6}$"
)
_LIST_ITEM_START = re.compile(r"(?:[:,\-—]|\band|\bor)\s*$")
# the verb, not the noun: "This research benchmarks three architectures -- U-Net, U-Net++, ..."
_SUBJECT_BEFORE = re.compile(r"\b(?:research|study|work|paper|[Ww]e) $")


def _in_dataset_list(text: str, start: int) -> bool:
    """Whether the name at `start` is an item of a list a plural dataset noun opens."""
    if not _LIST_ITEM_START.search(text, max(0, start - 5), start):
        return False  # most names stand nowhere near a list: the cheap test first
    window = text[max(0, start - 250) : start]
    return any(
        _DATASET_LIST_AFTER_NOUN.match(window, noun.end())
        and not _SUBJECT_BEFORE.search(window, max(0, noun.start() - 10), noun.start())
        for noun in _DATASET_LIST_NOUN.finditer(window)
    )


# "RipVIS, the largest available rip current dataset", "X: a benchmark for ...", "X (XB), a
# simple chemistry benchmark", "X, a large-scale, multi-entity book graph dataset": a dataset
# noun heads the apposition that follows the name (not "X, an environment-free verifier").
_DATASET_APPOSITION_AFTER = re.compile(
    r"\)?(?: \([^()]{1,150}\))?(?:,|:| --| —| -| as) (?:a|an|the)"
    r"(?: (?!(?:of|for|on|to|in|with|from|by|that|which|based|designed|built|trained|fine-tuned|a|an|the)\b)"
    r"[\w\-]+,?){0,6}?"
    r" (?:benchmark|dataset|corpus|suite|testbed|environment|game|challenge|leaderboard|collection|treebank|database"
    r"|test ?set|evaluation set)s?(?![\w-])"
    r"(?! of (?:[\w\-]+ ){0,2}?(?:metrics|measures|scores|methods|techniques|algorithms|tools)\b)"  # "a suite of metrics"
    # "a benchmark generator", "an Integrated Development Environment (IDE) plugin"
    r"(?!(?: \([^()]{1,20}\))? (?:generators?|generation|plugins?)\b)",
    re.I,
)
# "we propose Spotlighter, a lightweight token-selection framework", "X, a Tensor Train (TT)
# adapter framework": a technique noun heads the apposition, and no dataset cue elsewhere
# ("Across 11 benchmarks, Spotlighter") retypes it.
_METHOD_APPOSITION_AFTER = re.compile(
    r"\)?(?: \([^()]{1,150}\))?(?:,|:| --| —| -| as) (?:a|an|the)(?: (?:[\w\-]+|\([\w\-]{1,15}\))){0,9}?"
    r" (?:framework|method|approach|algorithm|technique|architecture|pipeline|system|strategy|paradigm|module|mechanism|scheme"
    r"|tool|toolkit|library|engine|solver|verifier|detector|classifier|optimizer)(?![\w-])",
    re.I,
)
# "Quorra (QR), an open-source 40B large language model", "Vireo, a family of 7B models": a
# language-model noun, or a model's size, heads the apposition: a released model.
_MODEL_APPOSITION_AFTER = re.compile(
    r"\)?(?: \([^()]{1,150}\))?(?:,|:| --| —| -| as) (?:a|an|the)(?: (?:family|series) of)?"
    r"(?: (?!(?:of|for|on|to|in|with|from|by|that|which|based|designed|built|trained|fine-tuned)\b)[\w\-.]+){0,6}?"
    r" (?:(?i:language|foundation|reasoning|vision-language|multimodal|speech|code|embedding) (?i:models?)|[MV]?LLMs?|VLMs?|LMMs?"
    r"|(?<= )\d+(?:\.\d+)?[BM](?:-parameters?)?(?: [\w\-]+){0,3}? models?)"
    r"(?=[,.;:)]| (?:[a-z]+ly )?(?:that|which|with|for|to|on|in|of|from|and|based|trained|pre-?trained|fine-?tuned"
    r"|developed|designed|built|capable|released|optimi[sz]ed|tailored|speciali[sz]ed"
    # a participle: "a Large Audio Language Model addressing ...", not "an LLM training system"
    r"|(?!(?:training|learning|reasoning|processing|modell?ing|understanding|serving|computing|engineering|tuning"
    r"|routing|planning)\b)[a-z]{3,}ing)\b)",
)
# "Reasoning Path Divergence (RPD), a step-level metric", "X -- a token-invariant measure of ...",
# "X, a set of metrics that ...".
_METRIC_APPOSITION_AFTER = re.compile(
    r"\)?(?: \([^()]{1,150}\))?(?:,|:| --| —| -| as) (?:a|an|the)"
    r"(?: (?!(?:of|for|on|to|in|with|from|by|that|which)\b)[\w\-]+){0,5}?"
    r" (?:metric|measure|score|(?:set|suite|family|pair) of (?:[\w\-]+ ){0,2}?(?:metrics|measures|scores))"
    r"(?=[,.;:)]| (?:of|for|that|which|to|quantifying|capturing|measuring)\b)",
)
# "Evidence Ranking, a novel task that ...", "CLIX, the task of cross-lingual explanation",
# "Approximate Domain Unlearning (ADU), a novel problem setting", "X is a core NLP task": a
# task noun heads the apposition (not "a task-agnostic framework", "the first benchmark task").
_TASK_APPOSITION_AFTER = re.compile(
    r"\)?(?: \([^()]{1,150}\))?(?:,|:| --| —| -| is| remains) (?:a|an|the)"
    r"(?: (?!(?:of|for|on|to|in|with|from|by|that|which|benchmark|benchmarking|evaluation|dataset)\b)[\w\-]+){0,3}?"
    r" (?:task|problem setting)(?=[,.;:]| (?:that|which|of|for|where|in which|designed|aimed|requiring|focused|to)\b)"
)
# "X comprises 5,120 conversations", "X consists of 405 visual question-answering pairs": a
# name whose content is counted in data items.
_DATASET_CONTENT_AFTER = re.compile(
    r"(?: \([^()]{1,80}\))? (?:consists of|is composed of|contains|comprises|includes|covers|spans|features) "
    r"(?:over |more than |about |nearly |approximately |around |roughly |a total of |up to )?"
    r"(?:[\d,.]+[KkM]?\+? |hundreds of |thousands of |millions of )?(?:[\w\-]+ ){0,3}?"
    r"(?:questions|problems|images|samples|examples|pairs|videos|instances|dialogues|conversations|annotations"
    r"|hours|utterances|documents|sentences|tweets|posts|records|scans|clips|recordings|queries|prompts|entries"
    r"|trajectories|episodes|test cases|puzzles)\b"
)
# "two metrics: Validity Drop (VD) and Quorra Gap (QG)", "scores such as MIG, FactorVAE score":
# the items of a list of metrics, each a few words with no preposition ("... and LPIPS
# demonstrate the gains of X" ends at the fourth word; "... and X via Quorra" at "via").
_METRIC_LIST_ITEM = (
    r"(?:(?!(?:via|of|for|on|in|with|by|to|from|against|over|than|that|which|we)\b)[^\s,;.()]+ ?){1,4}(?:\([^()]{1,40}\))?"
)
_METRIC_LIST = re.compile(
    r"\b(?:(?:(?:two|three|four|five|six|several|new|complementary|following) (?:[\w\-]+ ){0,3}?(?:metrics|measures|scores)(?:,|:| --| —))"
    r"|(?:metrics|measures|scores)(?::| --| —|,? (?:such as|including|namely)))"
    rf" (?P<items>(?:the )?{_METRIC_LIST_ITEM}(?:, (?:the )?{_METRIC_LIST_ITEM})*(?:,? (?:and|or) (?:the )?{_METRIC_LIST_ITEM})?)"
)


def _metric_list_items(text: str) -> list[tuple[int, int]]:
    """(start, end) of the items of every list of metrics in the text (see _METRIC_LIST)."""
    if "metrics" not in text and "measures" not in text and "scores" not in text:
        return []
    return [match.span("items") for match in _METRIC_LIST.finditer(text)]


# "open-source LLMs such as Quorra and Vireo", "foundation models (e.g., QuillNet)": names
# given as examples of a kind of released model (not "models such as LSTM", nor "LLMs,
# namely X", which names what was just described).
_EXAMPLE = r"(?!(?:and|or)\b)[^\s,;.()]+(?: [^\s,;.()]+){0,3}"  # an earlier item of the list
_MODEL_EXAMPLES_BEFORE = re.compile(
    r"\b(?:[MV]?LLMs|VLMs|LVLMs|LMMs|SLMs|(?i:language|foundation|vision-language|multimodal|reasoning|embedding"
    r"|pre-?trained|open-source|open-weight|proprietary|closed-source|frontier) models)"
    r",? \(?(?:such as|including|like|e\.g\.,?) (?:the )?"
    rf"(?P<earlier>(?:{_EXAMPLE}, (?:the )?){{0,6}})(?P<last>{_EXAMPLE},? (?:and|or) (?:the )?)?$"
)
_EXAMPLE_NAMING = re.compile(r"such as|including|like|e\.g\.")
# "models like Gemini-3, Meissa operates offline": the name after a list not closed by
# "and" is the next clause's subject unless the list goes on after it.
_LIST_GOES_ON = re.compile(r",| and\b| or\b|\)")


def _model_example(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is an example of a kind of released model (see _MODEL_EXAMPLES_BEFORE)."""
    window = text[max(0, start - 150) : start]
    if not _EXAMPLE_NAMING.search(window) or not (found := _MODEL_EXAMPLES_BEFORE.search(window)):
        return False
    return not found.group("earlier") or bool(found.group("last")) or bool(_LIST_GOES_ON.match(text, end))


_TYPE_OF_APPOSITION = {"model": "Model", "metric": "Metric", "task": "Task"}  # the kinds that type a name outright
_APPOSITION_REACH = 250  # characters: a long form in brackets may stand between name and apposition
# Names in one list: "SCAN, PCFG and HINT".
# "X (n=475) and Y": a short aside with no name in it keeps the list going.
_LIST_GAP = re.compile(r"^(?: \([^()]{1,20}\))?(?:,|, and|, or| and| or|/|;)? ?$")


# "Quorra-Chat (8B)", "Vireo (69B-A3B)", "Marlowe (110M parameters)": a name given a
# model's size. Millions without "parameters" are as often a dataset's rows ("(45M)").
_MODEL_SIZE_AFTER = re.compile(r" \((?:\d+(?:\.\d+)?[BT](?:-A\d+(?:\.\d+)?[BT])?|\d+(?:\.\d+)?[KMBT] parameters)\)")


# Name endings that say "dataset" less surely than "Bench" does: "PhysWorld, a framework that
# enables robot learning", "SparseEval, a method that ..." are systems.
_SUFFIXES_OF_SYSTEMS_TOO = ("world", "eval", "qa", "bank", "db", "hub")
_EVALUATION_WORD = re.compile(r"evaluat|benchmark|assess|judg|test|simulat", re.I)


def _system_despite_suffix(text: str, start: int, end: int, name: str) -> bool:
    """Whether an apposition calls a name typed by its dataset-like ending a technique that
    is no evaluation: "EgoWorld, a novel two-stage framework", not "QuillEval, an evaluation
    framework" or "the Vireo Bench (VB), a framework" (a benchmark whatever the apposition).
    A colon is an apposition only after a title's name: "results on QuillBank: a unified
    system ..., and a hybrid approach" opens a list.

    >>> _system_despite_suffix("X, a memory framework", 0, 1, "QuillBank"), _system_despite_suffix("X, an evaluation framework", 0, 1, "QuillEval")
    (True, False)
    """
    if not name.lower().endswith(_SUFFIXES_OF_SYSTEMS_TOO) or name.lower().endswith("treebank"):
        return False
    if _apposition_kind(text, end) != "technique":
        return False  # "X, a novel dataset and a scalable pipeline"
    apposition = _METHOD_APPOSITION_AFTER.match(text, end, end + _APPOSITION_REACH).group()
    return not _EVALUATION_WORD.search(apposition) and (start == 0 or not apposition.startswith(":"))


def retype_systems_named_like_datasets(doc: Doc, spans: list[Span]) -> list[Span]:
    """Unlisted names typed Dataset by their ending that an apposition calls a technique
    are Methods, wherever they stand: "we propose EgoWorld, a novel two-stage framework"."""
    text = doc_text(doc)
    systems = {
        span_text(span) for span in spans
        if not span.kb_id_ and span.label_ == "Dataset"
        and _system_despite_suffix(text, span.start_char, span.end_char, span_text(span))
    }
    return [
        Span(doc, span.start, span.end, label="Method", span_id=span.id_)
        if span_text(span) in systems and not span.kb_id_ and span.label_ == "Dataset" else span
        for span in spans
    ]


# "MangaVQA and MangaLMM: A Benchmark and Specialized Model for ...": a title's two names,
# then the two nouns its colon opens, in the same order.
_RESPECTIVE_TITLE = re.compile(
    r"(?P<first>[^\s:]+) (?:and|&) (?P<second>[^\s:]+): (?:An?|The) (?:(?!(?:for|of|on|in)\b)[\w\-]+ ){0,4}?(?P<first_kind>[\w\-]+)"
    r" (?:and|&) (?:an? )?(?:(?!(?:for|of|on|in)\b)[\w\-]+ ){0,4}?(?P<second_kind>[\w\-]+)(?=$| (?:for|of|with|to|on|in)\b|[:,])"
)
_SYSTEM_NOUNS = {"agent": "Method", "workflow": "Method", "system": "Method", "toolkit": "Method", "library": "Method"}


def retype_respective_title_names(doc: Doc, spans: list[Span], title_end: int) -> list[Span]:
    """Unlisted names a title pairs with two nouns take a noun each: "SCOPE and SCION: A
    Benchmark and an Auditable Reference Pipeline" makes SCOPE a Dataset and SCION a Method."""
    text = doc_text(doc)
    match = _RESPECTIVE_TITLE.match(text, 0, title_end) if title_end else None
    if match is None:
        return spans
    kinds = {**type_cues()["next_word"], **_SYSTEM_NOUNS}
    if match["first_kind"].lower() not in kinds or match["second_kind"].lower() not in kinds:
        return spans
    typed = {match["first"]: kinds[match["first_kind"].lower()], match["second"]: kinds[match["second_kind"].lower()]}
    return [
        Span(doc, span.start, span.end, label=typed[span_text(span)], kb_id=span.kb_id_, span_id=span.id_)
        if span.kb_id_ in ("", GUESSED) and typed.get(span_text(span), span.label_) != span.label_ else span
        for span in spans
    ]


def retype_models_and_metrics(doc: Doc, spans: list[Span], long_forms: dict[str, str] | None = None) -> list[Span]:
    """Guessed names that are a listed model's name plus variant words ("BERT-Base",
    "T5-Large", "Vicuna-Chat"), that are given a model's size ("Quorra-Chat (8B)") or that an
    apposition calls a language model ("Quorra, an open 40B LLM") are Models; those an
    apposition calls a metric ("Branching Factor (BF) -- a token-invariant measure of ...")
    are Metrics; either with their acronym. A listed model plus another word is not a model
    ("CLIP-Adapter" is a method built on CLIP)."""
    if not any(span.kb_id_ == GUESSED for span in spans):
        return spans
    text = doc_text(doc)
    typed: dict[str, str] = {}
    metric_lists = _metric_list_items(text)
    for span in spans:
        if span.kb_id_ == GUESSED:
            name = text[span.start_char : span.end_char]
            if any(start <= span.start_char and span.end_char <= end for start, end in metric_lists):
                typed.setdefault(name, "Metric")
            elif _MODEL_SIZE_AFTER.match(text, span.end_char) or _model_example(text, span.start_char, span.end_char):
                typed[name] = "Model"
            elif (kind := _apposition_kind(text, span.end_char)) in _TYPE_OF_APPOSITION and not (
                kind == "task" and _named_after_dataset_noun(text, span.start_char, span.end_char)  # "a benchmark, X, a manipulation task"
            ):
                typed.setdefault(name, _TYPE_OF_APPOSITION[kind])
    for short, long in (long_forms or {}).items():
        if type_ := typed.get(short) or typed.get(long):
            typed.setdefault(short, type_)
            typed.setdefault(long, type_)
    listed = {span.start: span for span in doc.spans.get(GAZETTEER_KEY, []) if span.label_ == "Model"}
    variants = type_cues()["model_variant_words"]

    def is_variant(span: Span) -> bool:
        model = listed.get(span.start)
        if span.kb_id_ != GUESSED or model is None or model.end > span.end:
            return False
        rest = span_text(span)[len(span_text(model)) :]
        return rest[:1] == "-" and all(word.lower() in variants for word in rest[1:].split("-"))

    return [
        Span(doc, span.start, span.end, label="Model", span_id=span.id_) if is_variant(span)
        else Span(doc, span.start, span.end, label=typed[span_text(span)], span_id=span.id_) if span.kb_id_ == GUESSED and span_text(span) in typed
        else span
        for span in spans
    ]


# "VBench-2.0", "RULER-64K": an edition or a context length after a benchmark's name
# (not a model size: "ReasonMed-7B" is a model trained on ReasonMed).
_EDITION_SUFFIX = re.compile(r"-(?:[vV]?\d+(?:\.\d+)*|\d+[Kk])$")


def retype_from_context(doc: Doc, spans: list[Span], long_forms: dict[str, str] | None = None) -> list[Span]:
    """Coined names typed only by default, retyped as datasets where the text says so.

    A name gets the Dataset type when one of its mentions follows "on" ("evaluated on
    X"), follows a dataset noun ("the benchmark X", "datasets such as X"), is listed
    with a dataset ("SCAN, PCFG and X"), starts with a listed dataset's name
    ("MMLU-STEM") or is a dataset of the text with a version or length ("VBench-2.0",
    "RULER-64K"). Every mention of the name then takes that type.
    """
    guessed = [i for i, span in enumerate(spans) if span.kb_id_ == GUESSED]
    if not guessed:
        return spans
    text = doc_text(doc)
    gazetteer = {span.start: span for span in doc.spans.get(GAZETTEER_KEY, []) if span.label_ == "Dataset"}
    datasets = {span_text(span) for span in spans if span.label_ == "Dataset" and span.kb_id_ != GUESSED}
    techniques: dict[str, bool] = {}

    def described_as_technique(name: str) -> bool:
        if name not in techniques:
            kinds = {_apposition_kind(text, spans[i].end_char) for i in guessed if span_text(spans[i]) == name}
            techniques[name] = "technique" in kinds and "dataset" not in kinds
        return techniques[name]

    for _ in range(2):  # a second pass lets a list take the type a member just got
        for i in guessed:
            span = spans[i]
            if span_text(span) in datasets:
                continue
            before = text[max(0, span.start_char - 60) : span.start_char]
            if (
                _DATASET_APPOSITION_AFTER.match(text, span.end_char, span.end_char + _APPOSITION_REACH)
                or _DATASET_CONTENT_AFTER.match(text, span.end_char)
                or _run_on(before)
                or _named_after_dataset_noun(text, span.start_char, span.end_char)
                or _in_dataset_list(text, span.start_char)
                or (span.start in gazetteer and gazetteer[span.start].end < span.end)
                or ((base := _EDITION_SUFFIX.sub("", span_text(span))) != span_text(span) and base in datasets)
                or _listed_with(spans, i, text, datasets)
            ) and not described_as_technique(span_text(span)):
                datasets.add(span_text(span))
    # "LEGO Connect Language (LCL)": an acronym is of its long form's type.
    datasets |= {short for short, long in (long_forms or {}).items() if long in datasets}
    return [
        Span(doc, span.start, span.end, label="Dataset", span_id=span.id_) if span.kb_id_ == GUESSED and span_text(span) in datasets else span
        for span in spans
    ]


# "Evaluated on the H2O and TACO datasets, EgoWorld achieves ...": a verb after the name
# makes it the subject of the clause the phrase with the dataset noun opens.
_SUBJECT_OF_VERB_AFTER = re.compile(
    r" (?:(?:also|still|then|further|[a-z]+ly) )?(?:is|was|can|has|does|not|(?!(?:and|or|as|this|its|us|thus|plus)\b)[a-z]+[^s\W]s)\b"
)


def _named_after_dataset_noun(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] follows a dataset noun that names it (see _DATASET_NOUN_BEFORE)."""
    noun = _DATASET_NOUN_BEFORE.search(text, max(0, start - 60), start)
    if noun is None:
        return False
    if "," not in noun.group() or noun.group("naming"):
        return True
    return not _OPENING_PHRASE.search(text, max(0, start - 200), noun.start()) and not _SUBJECT_OF_VERB_AFTER.match(text, end)


def _apposition_kind(text: str, end: int) -> str | None:
    """"technique", "dataset", "model" or "metric": the noun heading the apposition after a
    name (ending at `end`), the first of them ("X, a framework comprising a dataset ..." is a
    technique)."""
    found = [
        (match.end(), kind)
        for kind, pattern in (
            ("technique", _METHOD_APPOSITION_AFTER), ("dataset", _DATASET_APPOSITION_AFTER),
            ("model", _MODEL_APPOSITION_AFTER), ("metric", _METRIC_APPOSITION_AFTER), ("task", _TASK_APPOSITION_AFTER),
        )
        if (match := pattern.match(text, end, end + _APPOSITION_REACH))
    ]
    return min(found)[1] if found else None


# "On SIFT1M,", "On HellaSwag story completion,": a sentence's opening phrase, up to its comma.
_OPENING_ON = re.compile(r"(?:^|[.!?]\s+|\n)On [^,;.()]*$")


def _listed_with(spans: list[Span], i: int, text: str, datasets: set[str]) -> bool:
    """Whether spans[i] stands in one list with a dataset (only list punctuation between).

    A list ends at its "and"/"or": in "on X, Y, and Z, CapsFake wins" the name after Z is
    the sentence's subject, not a fourth item; so does an opening "On X," ("On X, Y wins").
    """

    def gap(k: int) -> str:  # the text between spans[k] and spans[k + 1]
        return text[spans[k].end_char : spans[k + 1].start_char]

    def closes(between: str) -> bool:
        return " and" in between or " or" in between

    def opens_sentence_on(k: int) -> bool:  # "On SIFT1M, FAISS achieves ...", "On HellaSwag story completion, X"
        return _OPENING_ON.search(text[max(0, spans[k].start_char - 80) : spans[k].end_char]) is not None

    for step in (-1, 1):
        j = i
        while 0 <= j + step < len(spans):
            between = gap(min(j, j + step))
            if not _LIST_GAP.match(between):
                break
            if step < 0 and not closes(between) and j >= 2 and closes(gap(j - 2)) and _LIST_GAP.match(gap(j - 2)):
                break  # the name on the left closed its list
            if between.strip() == "," and opens_sentence_on(min(j, j + step)):
                break  # the opening phrase ends at its comma
            j += step
            if span_text(spans[j]) in datasets:
                return True
            if step > 0 and closes(between):
                break
    return False


# "This paper / study / thesis proposes ...": the nouns by which a paper names itself.
_OWN_WORK = r"(?:paper|work|study|research|article|report|thesis|letter|chapter|manuscript|dissertation)"
INTRODUCED_KEY = "kg_introduced"  # doc.user_data: texts of names the paper itself coins

# "we introduce Quorra Architect, an ...", "we train a new model, HTML-T5++, that", "we
# introduce the Quorra Genome, a ...": a run of capitalised words named right after an
# introducing verb (and "a new <noun>, called").
_NAMED_AFTER_CUE = re.compile(
    r"\b(?:[Ww]e|[Tt]his " + _OWN_WORK + ") (?:ha(?:ve|s) )?(?:then |further |also |first )?"
    r"(?:(?:propose|introduce|present|release|develop|design|build|train|create|construct|curate)(?:s|d|ed)?|built) "
    r"(?:(?:a|an|the) (?:new |novel |simple |unified |general )?[a-z\-]+(?: [a-z\-]+)?,? (?:called |named |dubbed |termed )?"
    r"|(?P<the>the )(?=[A-Z]))?"
    r"(?P<name>[A-Z][\w\-+]*(?: [A-Z][\w\-+]*){0,3})(?=,| \(| --| - | that| which| to| for|\.| as an? )"
)
# A title's name said again in the abstract, after running text: "with Resa, a ..." (not "Resa:").
_RUNNING_TEXT_BEFORE = frozenset("abcdefghijklmnopqrstuvwxyz,;")
# Title prefixes that are a kind of paper, not a name.
_TITLE_WORDS = frozenset({"position", "survey", "review", "tutorial", "benchmarking", "rethinking", "towards", "toward", "beyond", "why", "how", "what", "when", "revisiting", "introduction", "overview", "report", "perspective", "perspectives", "case study", "vision"})


@lru_cache(maxsize=1)
def _named_by_noun_regex() -> re.Pattern:
    return re.compile(
        r"(?<![\w\-])(?P<noun>" + word_alternation(type_cues()["next_word"]) + r"),? "
        r"(?:(?:which|that) (?:we|is) )?(?:named|called|dubbed|termed|coined|known|referred to)(?: as)? "
        r"(?:(?P<quote>[\"“'`]{1,2})(?P<quoted>[^\"”'`]{2,60}?)[,.]?[\"”'`]{1,2}"
        r"|(?P<name>[A-Z][\w\-+]*(?: (?:(?:of|for|to|and|then|in|on|with|the) )?[A-Z0-9][\w\-+]*){0,5})"
        r"|(?P<lower>[a-z][\w\-]*(?: [a-z][\w\-]*){0,3})(?=[,.;:)]| \())",
    )


def _lower_case_name_ok(name: str) -> bool:
    """A lower-case phrase a technique or task noun names ("a training strategy called
    progressive depth expansion"): no function word, no plural thing ("latent tokens")."""
    words = name.split()
    last = words[-1]
    plural = last.endswith("s") and not last.endswith(("ss", "sis", "ics", "us"))
    return not plural and not any(word in type_cues()["term_stop"] for word in words)


# "we propose a novel method named X", "Our approach, termed X": the name is the paper's own.
_OWN_BEFORE = re.compile(r"\b(?:[Oo]ur|[Nn]ovel|[Nn]ew|propos(?:e|es|ed)|introduc(?:e|es|ed)|present(?:s|ed)?)\b[^.;]{0,60}$")


def named_by_noun(text: str, start: int = 0) -> list[tuple[str, str, bool]]:
    r"""(name, type) of names a noun of known type gives right after a naming verb: 'a novel
    algorithm named "Ghost Batch Normalization"', "a method called ArtAug", "a benchmark
    named X", "a training strategy known as progressive depth expansion". The noun says the
    type; a quoted name may be lower case, an unquoted one is a run of capitalised words or,
    after a technique or task noun, of lower-case ones up to a punctuation mark. "so-called
    X" and "often called X" name nothing new.

    >>> named_by_noun('we propose a novel algorithm named "Ghost Batch Normalization" that')
    [('Ghost Batch Normalization', 'Method', True)]
    >>> named_by_noun("a benchmark called Tree Games for reasoning, a so-called Big Model")
    [('Tree Games', 'Dataset', False)]
    >>> named_by_noun("a training strategy known as progressive depth expansion. A method called latent tokens.")
    [('progressive depth expansion', 'Method', False)]
    """
    nouns = type_cues()["next_word"]
    found = []
    for match in _named_by_noun_regex().finditer(text, start):
        noun = match.group("noun")
        if noun.endswith("s") and noun[:-1] in nouns:
            continue  # "downstream tasks, called X": a name after a plural names the whole, not them
        name = (match.group("quoted") or match.group("name") or match.group("lower") or "").strip()
        if not name or len(name.split()) > 6:
            continue
        if match.group("name") and not name[:1].isupper():
            continue
        if match.group("lower") and (nouns[noun] not in ("Method", "Task") or not _lower_case_name_ok(name)):
            continue
        own = _OWN_BEFORE.search(text, max(0, match.start() - 60), match.start()) is not None
        found.append((name, nouns[noun], own))
    return found


# "a lightweight Reasoning Projector module", "the proposed Chain of Scroll mechanism": a run
# of capitalised words that a noun of known type follows, after an article.
_TYPED_NOUN = r"(?:module|mechanism|framework|method|algorithm|loss|architecture|strategy|layer|paradigm|pipeline|benchmark|dataset|corpus|environment|suite|metric)\b"
_NAMED_BEFORE_NOUN = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Oo]ur) (?:[a-z][\w\-]* ){0,3}?"
    r"(?P<name>[A-Z][a-z][\w\-]*(?: (?:of |for |and |to )?[A-Z][\w\-]*){1,4}) (?P<noun>" + _TYPED_NOUN + ")"
)
_CAPITAL_BEFORE_NOUN = re.compile(r"[A-Z][\w\-]* " + _TYPED_NOUN)


def _matches_before_noun(text: str, start: int) -> list[re.Match]:
    """_NAMED_BEFORE_NOUN's matches, looked for only where a capitalised word meets the noun
    (a scan from every article is the slow way round)."""
    found: dict[int, re.Match] = {}
    for anchor in _CAPITAL_BEFORE_NOUN.finditer(text, start):
        for match in _NAMED_BEFORE_NOUN.finditer(text, max(start, anchor.start() - 160), anchor.end()):
            if match.end() == anchor.end():
                found.setdefault(match.end(), match)
                break
    return list(found.values())


# "on the Pile dataset", "in the Craftax environment": one capitalised word between "the" and
# a dataset noun names the data, unless it is a language ("the English corpus") or closes a
# longer name ("Fields of the World dataset"). Looked for from the noun back: the nouns are
# rarer than "the".
_DATASET_NOUN = re.compile(r" (?:dataset|benchmark|corpus|environment|suite)\b")
_ONE_WORD_AFTER_THE = re.compile(r"\b[Tt]he (?P<name>[A-Z][a-z]{2,})$")
_NAME_OF_BEFORE = re.compile(r"[A-Z][\w\-]* of $")


def named_before_noun(text: str, start: int = 0) -> list[tuple[str, str, bool]]:
    """(name, type, False) of Title Case names a noun of known type follows (see
    _NAMED_BEFORE_NOUN and _ONE_WORD_AFTER_THE).

    >>> named_before_noun("LiteReason employs a lightweight Reasoning Projector module, on the WebQSP and CWQ dataset")
    [('Reasoning Projector', 'Method', False)]
    >>> named_before_noun("a subset of the Tightrope benchmark, the English corpus, the Fields of the World dataset")
    [('Tightrope', 'Dataset', False)]
    """
    nouns = type_cues()["next_word"]
    languages = type_cues()["language_word"]
    found = [
        (match.group("name"), "Dataset", False)
        for noun in _DATASET_NOUN.finditer(text, start)
        if (match := _ONE_WORD_AFTER_THE.search(text, max(start, noun.start() - 40), noun.start()))
        and match.group("name").lower() not in languages
        and not _NAME_OF_BEFORE.search(text, max(0, match.start() - 40), match.start())
    ]
    for match in _matches_before_noun(text, start):
        name = match.group("name")
        words = name.split()
        # "the WebQSP and CWQ dataset" names two known things; "a Sparse Autoencoder-based
        # framework" describes one.
        if any(is_coined_name(word) for word in words) or words[-1].rsplit("-", 1)[-1].islower():
            continue
        found.append((name, nouns[match.group("noun")], False))
    return found


# "via contrastive steering, a lightweight technique that ...": a lower-case phrase the
# apposition after it calls a technique.
_APPOSITION_START = re.compile(r"(?<=[a-z]), an? ")
_TECHNIQUE_APPOSITION = re.compile(
    r"(?:[\w\-]+ ){0,4}?(?:framework|method|approach|algorithm|technique|strategy|paradigm|mechanism|procedure)\b"
)


def named_by_apposition(text: str, start: int = 0) -> list[tuple[str, str, bool]]:
    """(phrase, "Method", False) of lower-case phrases an apposition calls a technique.

    The phrase is a word and one to three term modifiers before it (the term finder's rules).

    >>> named_by_apposition("we steer models via contrastive steering, a lightweight technique that works")
    [('contrastive steering', 'Method', False)]
    >>> named_by_apposition("we test the model, a transformer architecture; the cost of computation cost, a new method")
    []
    """
    found = []
    if ", a" not in text:
        return found
    stops = type_cues()["term_stop"]
    for match in _APPOSITION_START.finditer(text, start):
        if not _TECHNIQUE_APPOSITION.match(text, match.end()):
            continue
        head_start = text.rfind(" ", 0, match.start()) + 1
        head = text[head_start : match.start()]
        if not head.isalpha() or not head.islower() or head in stops or head.endswith("s"):
            continue
        modifiers = term_modifiers_before(text, head_start, False)
        phrase_start = head_start - sum(len(word) + 1 for word in modifiers)
        before = text[max(0, phrase_start - 20) : phrase_start].split()
        # The phrase is what a verb or preposition of use takes ("we apply state probing, a
        # method ..."), not the tail of another phrase ("the cost of computation, a ...").
        if modifiers and before and before[-1].lower() in _TAKES_A_TECHNIQUE:
            found.append((" ".join([*modifiers, head]), "Method", False))
    return found


# "our multi-agent framework, Quorra, equipped with ...": a capitalised name set off by commas
# after a typed noun the paper calls its own.
_APPOSED_NAME = r"[A-Z][\w\-+]*(?: (?:(?:of|per|for|to|and|in|on|with) )?[A-Z][\w\-+]*){0,4}"
# "a novel self-training algorithm: Quorra Vireo (QV)." names after a colon too
_COMMA_NAME = re.compile(
    rf"(?:, (?P<name>{_APPOSED_NAME})(?=,| \()|: (?P<colon_name>{_APPOSED_NAME})(?=,| \(|\.(?:\s|$)))"
)
_OWN_NOUN_BEFORE = re.compile(
    r"\b(?:[Oo]ur|[Nn]ovel|[Nn]ew|(?:propose|introduce|present|develop|design)(?:s|d|ed)? an?) (?:[\w\-]+ ){0,3}"
    r"(?P<noun>framework|method|approach|algorithm|architecture|pipeline|technique|module|system|agent|toolkit|library"
    r"|benchmark|dataset|suite|testbed|environment|model|metric|score)$"
)
_SENTENCE_ADVERBS = frozenset(
    "however moreover furthermore additionally specifically notably importantly finally then thus therefore".split()
)


def named_own_in_apposition(text: str, start: int = 0) -> list[tuple[str, str, bool]]:
    """(name, type, True) for "our <noun>, Name,", "a novel <noun>, Name (" (or ": Name (") and
    "we develop a <noun>, Name,": the noun types the name (a system, an agent or a library is a Method).

    >>> named_own_in_apposition("an iteration of our multi-agent framework, Quorra, with a new dataset, Vireo (V)")
    [('Quorra', 'Method', True), ('Vireo', 'Dataset', True)]
    >>> named_own_in_apposition("the final model, Quorra, and our system, However, fails")
    []
    >>> named_own_in_apposition("we develop a pruning method, Quorra, which")
    [('Quorra', 'Method', True)]
    >>> named_own_in_apposition("a novel self-training algorithm: Quorra Vireo (QV). Then: Kestrel Set.")
    [('Quorra Vireo', 'Method', True)]
    """
    nouns = type_cues()["next_word"]
    found = []
    for match in _COMMA_NAME.finditer(text, start):
        own = _OWN_NOUN_BEFORE.search(text, max(0, match.start() - 80), match.start())
        name = match.group("name") or match.group("colon_name")
        if own is None or normalize_key(name) in generic_keys() or name.lower() in _SENTENCE_ADVERBS:
            continue
        found.append((name, nouns.get(own.group("noun"), "Method"), True))
    return found


# "We propose rationale-guided learning, which ...": a bare lower-case phrase (no article)
# right after a verb of contribution, ending where a clause or an apposition begins.
_CONTRIBUTION = re.compile(
    r"(?:propose|introduce|present|develop|design)(?:s|d|ed)? "  # _CONTRIBUTOR_BEFORE must end right before it
    r"(?P<phrase>[a-z][a-z\-]*(?: [a-z][a-z\-]*){0,4})"
    r"(?=[,.;:]| \(| (?:that|which|where|as|to|for|into|with|and|in|on|via|by|using)\b)"
)
_CONTRIBUTOR_BEFORE = re.compile(r"\b(?:[Ww]e|" + _OWN_WORK + ") (?:ha(?:ve|s) )?(?:(?:further|then|also|first|additionally|therefore|thus) )?$")


def named_as_contribution(text: str, start: int = 0) -> list[tuple[str, str, bool]]:
    """(phrase, "Method", True) for a technique the paper names by a bare lower-case phrase
    after "we propose": two or more words (or a hyphenated one) ending in a technique's head
    word, no adverb. An article makes it a description ("we propose a simple method"); the
    caller drops listed terms, which the paper applies ("we introduce curriculum learning").

    >>> named_as_contribution("We propose rationale-guided learning, which helps. We present results.")
    [('rationale-guided learning', 'Method', True)]
    >>> named_as_contribution("we introduce purely semantic indexing to it; we present a new loss.")
    []
    >>> named_as_contribution("We propose expert upcycling, a method that grows models.")
    [('expert upcycling', 'Method', True)]
    >>> named_as_contribution("we propose interleaved speech-text training in this study")
    [('interleaved speech-text training', 'Method', True)]
    """
    found = []
    heads, stops = type_cues()["contribution_head"], type_cues()["term_stop"]
    for match in _CONTRIBUTION.finditer(text, start):
        if not _CONTRIBUTOR_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            continue
        phrase = match.group("phrase")
        words = phrase.split()
        if len(words) == 1 and "-" not in phrase or words[0] in _GERUNDS_OF_USE:
            continue  # "we propose integrating reinforcement learning with ...": it is used
        if any(word in stops or word.endswith("ly") for word in words):
            continue
        if words[-1] in heads:
            found.append((phrase, heads[words[-1]], True))
        elif text.startswith(" as ", match.end("phrase")):
            continue  # "we propose viewing them as a new layer": a role, not a name
        elif (kind := _apposition_kind(text, match.end("phrase"))) in _KIND_OF_CONTRIBUTION:
            # "we propose expert upcycling, a method that ...": the apposition says what it is
            found.append((phrase, _KIND_OF_CONTRIBUTION[kind], True))
    return found


_KIND_OF_CONTRIBUTION = {"technique": "Method", "metric": "Metric"}
_GERUNDS_OF_USE = frozenset(
    "using applying employing adopting leveraging integrating incorporating combining exploiting utilizing utilising"
    " adding introducing".split()
)


# "X consists of three key components: (1) Spatial Alignment, which ...; (2) Frame-Patch
# Encoding", "X runs in two stages, namely ...": the parts of the paper's own system, each
# named in Title Case. Coined-looking parts ("CNM-Extractor") are already entities, and
# relations._parts_of_own introduces them; plain Title Case words need a span first, so
# they are found here, with a stricter cue (a count and a colon or "namely").
_COMPONENT_LIST = re.compile(
    r"\b(?:two|three|four|five|six|several|following)(?: [\w\-]+){0,3}? (?:modules|components|parts|blocks|stages)"
    r"(?: \([^()]{1,30}\))?\s*(?::|--|—|,? namely|,? i\.e\.,?)\s*(?P<items>[^.]+)"
)
_OWN_SYSTEM = re.compile(
    r"\b(?:[Oo]ur|[Pp]roposed|(?:[Tt]his|[Tt]he) (?:framework|architecture|model|system|method|approach|pipeline)|[Ii]t"
    r"|[Ww]e (?:propose|introduce|present|design|develop))\b"
)
_ENUMERATOR = re.compile(r"\(\s*(?:\d|[ivx]+|[a-e])\s*\)|(?<![\w(])(?:\d|[ivx]+)\)")
_ITEM_GAP = re.compile(r",\s*(?:and\s+|or\s+)?|\s+and\s+")
_TITLE_WORD = r"[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"
_COMPONENT_NAME = re.compile(
    r"(?:and\s+)?(?:(?i:a|an|the)\s+)?(?P<name>" + _TITLE_WORD
    + r"(?: (?:(?:of|for|and|with|via|in|on|to) )?" + _TITLE_WORD + r"){1,6})(?![\w\-])"
)


def named_as_components(text: str, start: int = 0, owners: Container[str] = ()) -> list[tuple[str, str, bool]]:
    """(name, type, True) for each part, named in Title Case with two words or more, of a
    list of the paper's own system's modules, components, blocks or stages: one whose
    sentence names the system by a coined name (or one of `owners`) or as "our", "the
    proposed" or "the framework". A part named for data is a Dataset, any other a Method.

    >>> named_as_components("QuorraNet has two key modules: (1) a Meta Query Module (MQM); (2) Lightweight Similarity Scorer.")
    [('Meta Query Module', 'Method', True), ('Lightweight Similarity Scorer', 'Method', True)]
    >>> named_as_components("Prior systems share two components: Global Memory and Local Memory.")
    []
    """
    found = []
    for match in _COMPONENT_LIST.finditer(text, start):
        before = text[max(text.rfind(". ", 0, match.start()) + 2, start) : match.start()]
        words = [word.strip(",;()") for word in before.split()]
        if not (_OWN_SYSTEM.search(before) or any(is_coined_name(word) or word in owners for word in words)):
            continue
        items = match.group("items")
        pieces = _ENUMERATOR.split(items) if _ENUMERATOR.search(items) else items.split(";")
        for piece in pieces if len(pieces) > 1 else _ITEM_GAP.split(items):
            if named := _COMPONENT_NAME.match(piece.strip(" ;,")):
                name = named.group("name")
                kind = "Dataset" if type_cues()["next_word"].get(name.rsplit(" ", 1)[-1].lower()) == "Dataset" else "Method"
                found.append((name, kind, True))
    return found


_TAKES_A_TECHNIQUE = frozenset(
    "introduce introduces introducing propose proposes proposing present presents apply applies applying employ"
    " employs employed employing use uses using adopt adopts adopting leverage leverages leveraging via through as"
    " by call called named termed dubbed".split()
)


def coined_in_text(text: str, title_end: int, listed: Container[str] = frozenset()) -> list[str]:
    r"""Names the paper coins that carry no mark of a coined word: "Resa: ..." in the title
    (when the abstract names it again), "we introduce Quorra Architect, an ..." (not a listed
    name: "we propose a new two stage Long Short Term Memory (LSTM) approach"; `listed`
    holds normalized keys).

    >>> coined_in_text("Resa: Transparent Reasoning\nWe answer it with Resa, a family.", 27)
    ['Resa']
    """
    names = []
    colon = text.find(":", 0, title_end)
    if colon > 0:
        prefix = text[:colon].strip()
        words = prefix.split()
        if (
            1 <= len(words) <= 3
            and all(word[:1].isupper() for word in words)
            and prefix.lower() not in _TITLE_WORDS
            and any(text[start - 2 : start - 1] in _RUNNING_TEXT_BEFORE and text[start - 1] == " "
                    for start in whole_word_offsets(text, prefix, title_end))
        ):
            names.append(prefix)
    cues = type_cues()
    for match in _NAMED_AFTER_CUE.finditer(text, title_end):
        name = match.group("name")
        if match.group("the") and text.startswith((" for", " to"), match.end("name")):
            continue  # "the Quorra Framework for Visualization Retrieval (QFVR)": the name runs on
        first, _, last = name.rpartition(" ")
        if last.lower() in cues["statement_head"]:
            continue  # "the Trajectory Policy Gradient Theorem", "the PIES Taxonomy": no dataset, model or method
        if first and " " not in first and is_coined_name(first) and last.lower() in cues["next_word"]:
            name = first  # "the STROT Framework", "the PulseMind Benchmark": the coined word is the name
        key = normalize_key(name)
        if name.lower() in _TITLE_WORDS or name in names or key in listed or key in generic_keys():
            continue
        if is_plural_acronym(name) and normalize_key(name[:-1]) in generic_keys():
            continue  # "we introduce LLMs as a third component"
        names.append(name)
    # A lone ordinary term word ("Alignment", "Distillation") names nothing new.
    return [name for name in names if " " in name or is_coined_name(name) or name.lower() not in term_words()]


def _coined_spans(doc: Doc, text: str, names: list[str]) -> list[Span]:
    spans = []
    for name in names:
        found = [span for start in whole_word_offsets(text, name) if (span := doc.char_span(start, start + len(name)))]
        # Where the paper spells the name out before its acronym, that occurrence types them all.
        defined = next((span for span in found if span.end < len(doc) and doc[span.end].text == "("), None)
        label = _coined_type(doc, defined, name) if defined is not None else None
        spans += [Span(doc, span.start, span.end, label=label or _coined_type(doc, span, name), kb_id=GUESSED) for span in found]
    return spans


def _coined_type(doc: Doc, span: Span, name: str) -> str:
    """The type of a name the paper coins, from its look and the word after it. Past its
    bracketed acronym, a dataset or metric noun counts, then an apposition calling it a
    technique: "the Quorra Driving Behavior (QDB) dataset", "the Vireo Compatibility (VC)
    metric", "the Quill Environment (QE), a novel framework" (not "model": "the X (Y) model"
    is as often a method)."""
    next_word = doc[span.end].text if span.end < len(doc) else ""
    if next_word != "(":
        return guess_type(name, next_word, long_form=name)
    close = next((i for i in range(span.end + 1, min(span.end + 8, len(doc))) if doc[i].text == ")"), None)
    after = doc[close + 1].text.lower() if close is not None and close + 1 < len(doc) else ""
    if after in _METRIC_NOUNS_AFTER:
        return "Metric"
    if type_cues()["next_word"].get(after) == "Dataset":
        return guess_type(name, after, long_form=name)
    if guess_type(name) == "Method" and _apposition_kind(doc_text(doc), span.end_char) == "technique":
        return "Method"  # not "Vireo Bench (VB), an evaluation framework": the name's look says benchmark
    return guess_type(name, next_word, long_form=name)


_METRIC_NOUNS_AFTER = frozenset({"metric", "measure", "score", "index"})


def _named_spans(doc: Doc, text: str, named: list[tuple[str, str, bool]]) -> list[Span]:
    spans = []
    for name, type_, _ in named:
        for start in whole_word_offsets(text, name):
            span = doc.char_span(start, start + len(name))
            if span is not None:
                spans.append(Span(doc, span.start, span.end, label=type_))
    return spans


def brackets_balanced(name: str) -> bool:
    """Whether a name closes every bracket it opens: "SE(3" and "1)~Cross-Modal Alignment"
    are pieces of notation or of a numbered list, cut where the tokens ended.

    >>> brackets_balanced("GPT-4 (0613)"), brackets_balanced("SE(3"), brackets_balanced("1)~Cross-Modal")
    (True, False, False)
    """
    if "(" not in name and ")" not in name and "[" not in name and "]" not in name:
        return True
    depth = 0
    for ch in name:
        depth += ch in "(["
        depth -= ch in ")]"
        if depth < 0:
            return False
    return depth == 0


def _is_markup(text: str) -> bool:
    r"""LaTeX the tokenizer kept in one token with a name: "\mathrm{SO}(3)$.", "URL}X" ("AP_{50}"
    and "O$^2$-Searcher" are names)."""
    if "$^" in text and SUPERSCRIPTED_NAME.fullmatch(text):
        return False
    return "\\" in text or "$" in text or text.count("{") != text.count("}")


def _extend(doc: Doc, span: Span) -> Span:
    """A candidate with the words that belong to it: a model's version, a term's hyphenated prefix."""
    span = _extend_title_version(doc, span)
    if span.label_ in ("Model", "Method"):
        span = extend_model_version(doc, span)
    if span.label_ in ("Method", "Task"):
        span = extend_hyphenated_prefix(doc, span)
    if span.label_ == "Dataset":
        span = extend_dataset_variant(doc, span)
    return span


_TITLE_VERSION = re.compile(r"\d{1,2}(?:\.\d{1,2})?")


def _extend_title_version(doc: Doc, span: Span) -> Span:
    """"RewardBench 2", "SoftMatcha 2": a name with the version number the title gives it
    ("SoftMatcha 2: A Fast ..."), wherever the text writes the two together."""
    if span.end >= len(doc) or not span[-1].whitespace_ or not _TITLE_VERSION.fullmatch(version := doc[span.end].text):
        return span
    if not doc_text(doc).startswith(f"{span_text(span)} {version}:"):
        return span
    return Span(doc, span.start, span.end + 1, label=span.label_, span_id=span.id_, kb_id=span.kb_id_)


def _to_longer_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name cut short where the whole name stands elsewhere in the Doc gets its words back:
    the title's "Mixture of Experts" after "Multi-level" is "Multi-level Mixture of Experts"."""
    longer = {span_text(span): span for span in spans if len(span) > 1}
    tails = {doc[span.start + k : span.end].text for span in longer.values() for k in range(1, min(4, len(span)))}
    if not tails:
        return spans
    extended = []
    for span in spans:
        if span_text(span) in tails:
            for start in range(max(0, span.start - 3), span.start):
                whole = longer.get(doc[start : span.end].text)
                if whole is not None:
                    span = Span(doc, start, span.end, label=whole.label_, span_id=whole.id_, kb_id=whole.kb_id_)
                    break
        extended.append(span)
    return extended


def _short_form_mentions(doc: Doc, text: str, short: Span) -> list[Span]:
    """The short form in its bracket and, for a two-word one such as "Safe RL", which no
    pattern finds on its own, every other use of it (the title's too)."""
    if not modified_short_form(span_text(short)):
        return [short]
    mentions = [short]
    for match in re.finditer(r"\b" + re.escape(span_text(short)) + r"\b", text):
        mention = doc.char_span(match.start(), match.end())
        if mention is not None and mention.start != short.start:
            mentions.append(mention)
    return mentions


def _every_mention(doc: Doc, text: str, name: str, label: str) -> list[Span]:
    """A span for every whole-word mention of `name` in the Doc."""
    spans = (doc.char_span(start, start + len(name), label=label) for start in whole_word_offsets(text, name))
    return [span for span in spans if span is not None]


def _long_form_elsewhere(doc: Doc, lowered: str, long: Span) -> list[Span]:
    """Every other mention of a spelled-out long form, in any case (`lowered` is the Doc's
    text in lower case): the title's "Deep Multiple Quantization Network" of a paper that
    defines DMQN is that name, not a "Quantization"."""
    if len(lowered) != len(doc_text(doc)):  # a letter whose lower case is longer: offsets would shift
        return []
    spans = (
        doc.char_span(start, start + len(span_text(long)), label=long.label_, span_id=long.id_, kb_id=long.kb_id_)
        for start in whole_word_offsets(lowered, span_text(long).lower())
        if start != long.start_char
    )
    return [span for span in spans if span is not None]


def _singular_and_plural(short: str) -> set[str]:
    """A defined acronym and, if it is plural ("BCIs"), its singular."""
    return {short, short[:-1]} if is_plural_acronym(short) else {short}


def _without_verb_before(doc: Doc, span: Span, listed_ends: dict[int, Span]) -> Span | None:
    """A term phrase without a verb before the listed term it ends in: "training deep learning"
    and "learning motion planning" name "deep learning" and "motion planning", which are
    spans of their own already (None then); "training personalized image generation" names
    "personalized image generation"."""
    if len(span) < 2 or not span[0].whitespace_ or span[1].lower_ in _NOUNS_AFTER_VERB_FORM:
        return span
    if span[0].lower_ not in type_cues()["verb_before_term"]:
        return span
    if normalize_key(span[1:].text) in generic_keys():
        return None  # "training machine learning models": the field's name, no entity
    if len(span) == 2 and span[1].lower_.endswith("s") and type_cues()["term_head"].get(span[1].lower_) == "Method":
        return None  # "training transformers": things of a kind, trained
    listed = listed_ends.get(span.end)
    if listed is None or listed.start <= span.start:
        return span
    if listed.start == span.start + 1:
        return None
    return Span(doc, span.start + 1, span.end, label=span.label_, span_id=span.id_, kb_id=span.kb_id_)


# "training data generation", "learning rate scheduling": the verb form is a noun before these
_NOUNS_AFTER_VERB_FORM = frozenset("data sample samples set sets time rate rates signal signals".split())


def _opened_by_listed(span: Span, listed_ends_at: dict[int, int]) -> bool:
    """Whether a listed name ({start: end}) opens the span and more words follow it."""
    end = listed_ends_at.get(span.start)
    return end is not None and end < span.end


def settle_entities(doc: Doc) -> tuple[list[Span], dict[str, str]]:
    """The final entity spans of a Doc and its acronym ties {short text: long text}."""
    generic = generic_keys()
    gazetteer = list(doc.spans[GAZETTEER_KEY]) if GAZETTEER_KEY in doc.spans else []
    patterns = list(doc.spans[PATTERN_KEY]) if PATTERN_KEY in doc.spans else []
    terms = list(doc.spans[TERM_KEY]) if TERM_KEY in doc.spans else []
    text = doc_text(doc)
    title_end = find_title_end(text)
    named = (
        named_by_noun(text, title_end)
        + named_before_noun(text, title_end)
        + named_by_apposition(text, title_end)
        + named_own_in_apposition(text, title_end)
    )
    contributed = named_as_contribution(text, title_end)
    listed_here = {normalize_key(span_text(span)) for span in gazetteer}
    recased = {normalize_key(span_text(span)) for span in gazetteer if span.id_ and _recased_mixed(span_text(span), span.id_)}
    coined = coined_in_text(text, title_end, listed_here - recased) if title_end else []
    if recased:
        # "we propose COLA, a ... approach" is not the CoLA corpus, nor "DORA, a framework
        # for ..." the DoRA method: a listed mixed-case name in other capitals that the paper
        # names as its own is a new name.
        own = {normalize_key(name) for name, _, is_own in named + contributed if is_own}
        own = recased & (own | {normalize_key(name) for name in coined})
        gazetteer = [span for span in gazetteer if not (span.id_ and normalize_key(span_text(span)) in own)]
        listed_here -= own
    known = _spans_by_offsets(gazetteer + patterns)
    contributions = contributed + named_as_components(text, title_end, set(coined))
    if contributions:
        # A listed term after "we introduce" is applied, not coined ("we introduce knowledge distillation").
        named += [found for found in contributions if normalize_key(found[0]) not in listed_here | generic]
    doc.user_data[INTRODUCED_KEY] = set(coined) | {name for name, _, own in named if own}
    # "non-linear model predictive control": a term phrase ending in a listed term is of its type.
    listed_ends = {span.end: span for span in gazetteer if span.label_ in ("Method", "Task", "Metric")}
    terms = [
        Span(doc, span.start, span.end, label=listed_ends[span.end].label_)
        if span.end in listed_ends and listed_ends[span.end].start > span.start and listed_ends[span.end].label_ != span.label_
        else span
        for span in terms
    ]
    if terms:
        terms = [trimmed for span in terms if (trimmed := _without_verb_before(doc, span, listed_ends)) is not None]
        # "LIBERO manipulation rollouts", "GSM8K reasoning": a listed dataset or model opening a
        # term phrase is named itself; what follows says what is done on or with it.
        listed_ends_at = {
            span.start: span.end for span in gazetteer
            if span.label_ in ("Dataset", "Model") and " " not in span_text(span) and is_coined_name(span_text(span))
        }
        terms = [span for span in terms if span.label_ == "Dataset" or not _opened_by_listed(span, listed_ends_at)]
    # filter_spans keeps the first of equal spans: the noun that names a name ("a framework,
    # called SENSE") types it over its look or a later "the SENSE model".
    candidates = gazetteer + _named_spans(doc, text, named) + patterns + _coined_spans(doc, text, coined)
    long_forms: dict[str, str] = {}
    late: list[Span] = []
    domain_short_forms: set[str] = set()
    unlisted_short_forms: set[str] = set()
    elsewhere: list[Span] = []
    lowered = text.lower()
    for long, short in doc._.kg_abbreviations or ():
        if normalize_key(span_text(short)) in generic or normalize_key(span_text(long)) in generic:
            if (long.start, long.end) not in known:
                # "Centers for Disease Control and Prevention (CDC)": the long form of a
                # generic acronym holds its words against shorter terms, then goes.
                late.append(Span(doc, long.start, long.end, label=_DOMAIN))
            if not getattr(known.get((short.start, short.end)), "id_", ""):
                # "augmented reality (AR)": "AR pipelines" is no name; "interfaces (BCIs)": nor is "BCI"
                domain_short_forms |= _singular_and_plural(span_text(short))
            continue
        domain_pair = (
            names_a_domain_thing(span_text(long)) and not _dataset_noun_after_pair(doc, long, short)
            or _spells_a_modifier(doc, long, short, known)
            or _domain_noun_after_pair(doc, long, short)
        )
        if domain_pair and (long.start, long.end) not in known:
            # Both hold their words against shorter spans ("International Classification" of
            # Diseases, the "EM" of "cryo-EM"), then go.
            # "Advanced Persistent Threats (APTs)" also hides "APT anomalies"
            forms = _singular_and_plural(span_text(short))
            domain_short_forms |= forms
            late += [Span(doc, long.start, long.end, label=_DOMAIN)]
            late += [mention for form in forms for mention in _every_mention(doc, text, form, _DOMAIN)]
            continue
        if modified_short_form(span_text(short)) and normalize_key(span_text(short).split()[-1].removesuffix("s")) in generic:
            continue  # "Embodied AI", "Video LLMs": a field or a class, as the bare acronym is
        span = _long_form_span(doc, long, short, known)
        if span is None:
            continue
        # A long form spelling a listed acronym is that entry, whatever its words ("EDSR
        # (Enhanced Deep Super-Resolution)" is the listed model, not a task): it goes
        # before the term spans, which win ties otherwise; so does one whose type the noun
        # after the pair says ("a logic-augmented generation (LAG) framework" is no task).
        (candidates if span.id_ or _typed_by_noun_after_pair(doc, long, short) else late).append(span)
        elsewhere += _long_form_elsewhere(doc, lowered, span)
        long_forms[span_text(short)] = span_text(long)
        short_known = known.get((short.start, short.end))
        if short_known is not None and short_known.id_ and span.id_ != short_known.id_:
            # "DoRA (Domain-oriented RAG Assessment)", "attack success rate (ASR)": a listed
            # acronym spelled otherwise is another thing
            unlisted_short_forms.add(span_text(short))
        if short_known is None:
            candidates += [
                Span(doc, mention.start, mention.end, label=span.label_, span_id=span.id_, kb_id=span.kb_id_)
                for mention in _short_form_mentions(doc, text, short)
            ]
    # "interfaces (BCIs)" and "Belief Conflict Index (BCI)": an acronym the paper defines as a name holds
    domain_short_forms -= long_forms.keys()
    candidates += terms + late
    # A long form named again holds its words only against a part of it ("Quantization")
    candidates += [span for span in elsewhere if any(
        span.start <= other.start and other.end <= span.end and len(other) < len(span) for other in candidates)]
    if "\\" in text or "$" in text or "{" in text:
        candidates = [span for span in candidates if not _is_markup(span_text(span))]
    kept = [
        span for span in filter_spans(candidates)
        if span.label_ != _DOMAIN and normalize_key(name := span_text(span)) not in generic
        and brackets_balanced(name) and name not in domain_short_forms
    ]
    kept = filter_spans(_to_longer_names(doc, [_extend(doc, span) for span in kept]))
    long_forms.update(_spelled_elsewhere(text, kept, long_forms))
    kept = _without_labels(kept, doc.user_data[INTRODUCED_KEY], long_forms, title_end)
    if long_forms:
        # An acronym tied to a long form takes the long form's type everywhere in the Doc,
        # settled when the long form's is: "multi-agent debate (MAD)" keeps MAD a method
        # where a later "on MAD's performance" would make a guessed name a dataset.
        texts = [span_text(span) for span in kept]
        long_texts = set(long_forms.values())
        types = {text_: (span.label_, span.kb_id_ == GUESSED) for span, text_ in zip(kept, texts) if text_ in long_texts}
        # "multi-speaker automatic speech recognition (ASR)": an unlisted acronym takes the type
        # of the wider name its long form ends
        listed = {span_text(span) for span in kept if span.id_} - unlisted_short_forms
        missing = {long for short, long in long_forms.items() if short not in listed} - types.keys()
        for span, text_ in zip(kept, texts):
            for long_text in missing:
                if text_.endswith(" " + long_text):
                    types.setdefault(long_text, (span.label_, span.kb_id_ == GUESSED))

        def tied(span: Span, text_: str) -> Span:
            long_type, long_guessed = types[long_forms[text_]]
            if text_ in unlisted_short_forms:  # not the listed entity: no id, guessed as its long form is
                return Span(doc, span.start, span.end, label=long_type, kb_id=GUESSED if long_guessed else "")
            if span.label_ != long_type or (span.kb_id_ == GUESSED and not long_guessed):
                return Span(doc, span.start, span.end, label=long_type, span_id=span.id_)
            return span

        kept = [
            tied(span, text_) if text_ in long_forms and long_forms[text_] in types else span
            for span, text_ in zip(kept, texts)
        ]
    kept = retype_models_and_metrics(doc, sorted(kept, key=lambda span: span.start), long_forms)
    kept = retype_systems_named_like_datasets(doc, kept)
    kept = retype_technique_lists(doc, kept, title_end)
    kept = retype_from_context(doc, kept, long_forms)
    kept = retype_respective_title_names(doc, kept, title_end)
    kept = retype_tasks(doc, kept, title_end, long_forms)
    kept = retype_described_techniques(doc, kept, long_forms)
    kept = sorted(with_list_peers(doc, kept, title_end), key=lambda span: span.start)
    return _without_likenesses(doc, _listed_type_everywhere(doc, _cue_type_everywhere(doc, kept))), long_forms


def _cue_type_everywhere(doc: Doc, spans: list[Span]) -> list[Span]:
    """A coined name typed only by default at some mentions ("and mE5.") takes the type the
    words around another mention give it ("the mE5 model"), however either is cased or
    hyphenated ("BABYLM" in the title, "the BabyLM Challenge"), unless the text describes it
    as a technique ("MELON, a novel multimodal framework ... the MELON model")."""
    keys = [None if span.id_ else normalize_key(span_text(span)) for span in spans]  # a listed span is never retyped here
    cued: dict[str, set[str]] = {}
    for span, key in zip(spans, keys):
        if not span.id_ and span.kb_id_ != GUESSED:
            cued.setdefault(key, set()).add(span.label_)
    guessed = {key for span, key in zip(spans, keys) if span.kb_id_ == GUESSED and len(cued.get(key, ())) == 1}
    if not guessed:
        return spans
    text = doc_text(doc)
    guessed -= {key for span, key in zip(spans, keys) if key in guessed and _apposition_kind(text, span.end_char) == "technique"}
    return [
        Span(doc, span.start, span.end, label=next(iter(cued[key])), span_id=span.id_)
        if span.kb_id_ == GUESSED and key in guessed else span
        for span, key in zip(spans, keys)
    ]


# "BERT-like encoders", "GPT-style models", "MMLU-style benchmarks": something like a model or
# a dataset, not it (a method's style is its use: "a ReAct-style executor").
_LIKENESS_AFTER = re.compile(r"-(?:style|like|type|inspired|esque)\b")


def _without_likenesses(doc: Doc, spans: list[Span]) -> list[Span]:
    """The spans less the models and datasets written as the likeness of something else."""
    text = doc_text(doc)
    return [
        span for span in spans
        if span.label_ not in ("Model", "Dataset") or not _LIKENESS_AFTER.match(text, span.end_char)
    ]


# "H1 (only synthetic images)", "layer L17", "components C1-C3": a capital and a number
# label a hypothesis, a treatment, a layer or a part.
_LABEL = re.compile(r"[A-Z]\d{1,2}")


def _without_labels(spans: list[Span], introduced: set[str], long_forms: dict[str, str], title_end: int) -> list[Span]:
    """The spans less unlisted labels ("H1", "A5", "L17"), but for names the paper coins, has
    in its title or spells out ("D3: Training-Free ...", "S2 (See Less, Specify More)")."""
    labels = {span_text(span) for span in spans if not span.id_ and _LABEL.fullmatch(span_text(span))}
    if not labels:
        return spans
    labels -= introduced | long_forms.keys() | {span_text(span) for span in spans if span.start_char < title_end}
    return [span for span in spans if span.id_ or span_text(span) not in labels]


def _listed_type_everywhere(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name one of whose mentions is a listed entry has that entry's type and id at every
    mention: the title's "Detection Transformer" is the abstract's "Detection Transformer (DETR)"."""
    text = doc_text(doc)
    listed = {text[span.start_char : span.end_char]: span for span in spans if span.id_}
    if not listed:
        return spans
    retyped = []
    for span in spans:
        entry = None if span.id_ else listed.get(text[span.start_char : span.end_char])
        if entry is not None and entry.label_ != span.label_:
            span = Span(doc, span.start, span.end, label=entry.label_, span_id=entry.id_)
        retyped.append(span)
    return retyped


_ACRONYM = re.compile(r"[A-Z]{2,6}s?")


def _initials(name: str) -> set[str]:
    """The capital initials of a name's words, hyphenated parts apart and small words skipped;
    a small word inside a hyphenated one may count or not ("in-context", "signal-to-noise").

    >>> sorted(_initials("automatic speech recognition")), sorted(_initials("signal-to-noise ratio"))
    (['ASR'], ['SNR', 'STNR'])
    """
    words = [word.split("-") for word in name.split() if word not in FUNCTION_WORDS]
    every = "".join(part[0] for parts in words for part in parts if part)
    content = "".join(part[0] for parts in words for part in parts if part and part not in FUNCTION_WORDS)
    return {every.upper(), content.upper()}


def _spelled_elsewhere(text: str, spans: list[Span], long_forms: dict[str, str]) -> dict[str, str]:
    """{acronym: long form} for unlisted acronyms never defined in brackets whose letters are
    the initials of exactly one longer name in the same text: "incomplete MSA" after the
    title's "Multimodal Sentiment Analysis"."""
    names = [(text[span.start_char : span.end_char], bool(span.id_)) for span in spans]
    acronyms = {name for name, listed in names if not listed and name not in long_forms and _ACRONYM.fullmatch(name)}
    if not acronyms:
        return {}
    by_initials: dict[str, set[str]] = {}
    for name, _ in names:
        if " " in name or "-" in name:
            for initials in _initials(name):
                by_initials.setdefault(initials, set()).add(name)
    found = {}
    for acronym in acronyms:
        spelled = by_initials.get(acronym.removesuffix("s") if acronym[-1] == "s" else acronym, set())
        if len({name.lower() for name in spelled}) == 1:
            found[acronym] = min(spelled)
    return found


_LIST_REGION = re.compile(r"[^;:()\[\]]+")  # a list does not run across these
_LIST_SEPARATOR = re.compile(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_CLOSING_SEPARATOR = re.compile(r"\b(?:and|or)\b")
_NAME_WORD = re.compile(r"[A-Z0-9][\w\-+.'/]*$")
_NAME_INNER_WORDS = frozenset({"of", "on", "with", "for", "the", "in", "to"})
_MAX_NAME_WORDS = 5


def _name_words(words: list[str]) -> bool:
    """Words that can make one name: capitalised or coined words, with "of", "on", ... inside."""
    if not words or len(words) > _MAX_NAME_WORDS or not all(any(c.isupper() for c in w) for w in (words[0], words[-1])):
        return False
    return all(_NAME_WORD.match(w) or (0 < i < len(words) - 1 and w in _NAME_INNER_WORDS) for i, w in enumerate(words))


def _name_run(words: list[str]) -> list[str]:
    """The longest name `words` start with ("Meta-World show that" -> ["Meta-World"])."""
    run = []
    for word in words[:_MAX_NAME_WORDS]:
        if not (_NAME_WORD.match(word) or word in _NAME_INNER_WORDS):
            break
        run.append(word)
    while run and not any(c.isupper() for c in run[-1]):
        run.pop()
    while run and not any(c.isupper() for c in run[0]):
        run.pop(0)  # "the Atari benchmark"
    return run


def _list_items(text: str, start: int, end: int) -> list[list[tuple[int, int] | None]]:
    """(start, end) of the names a list in the sentence text[start:end] holds: "(PPO, GRPO, and Expert
    Iteration)", "including DeepMind Control, Adroit Hand Manipulation, and Meta-World show".
    The first item is the name that ends its chunk, the last the name that starts its chunk,
    the others whole chunks; a chunk that holds no name leaves a gap (None)."""
    lists = []
    for region in _LIST_REGION.finditer(text, start, end):
        items, bounds, at, separators = [], [], region.start(), []
        for separator in _LIST_SEPARATOR.finditer(text, region.start(), region.end()):
            bounds.append((at, separator.start()))
            at = separator.end()
            separators.append(bool(_CLOSING_SEPARATOR.search(separator.group())))
        if not (separators and not separators[-1] and any(separators[:-1])):
            # not after "A, B, and C, D outperforms": the list ended at C
            bounds.append((at, at + len(text[at : region.end()].rstrip(" .!?"))))
        if len(bounds) < 3:
            continue
        for index, (chunk_start, chunk_end) in enumerate(bounds):
            chunk = text[chunk_start:chunk_end]
            words = chunk.split()
            if index == 0 or index == len(bounds) - 1:
                first = index == 0
                name_words = _name_run(words[::-1] if first else words)
                if first:
                    name_words.reverse()
                if not _name_words(name_words):
                    items.append(None)
                    continue
                if chunk_start == start and len(name_words) == len(words) and not is_coined_name(words[0]):
                    # a sentence's first word is capitalised whatever it is ("Notably, ...")
                    name_words = name_words[1:]
                    while name_words and name_words[0] in _NAME_INNER_WORDS:
                        name_words = name_words[1:]
                    if not name_words:
                        items.append(None)
                        continue
                name = " ".join(name_words)
                offset = chunk.rfind(name) if first else chunk.find(name)
            elif _name_words(words[1:] if words and words[0] == "the" else words):
                name = " ".join(words[1:] if words[0] == "the" else words)
                offset = chunk.find(name)
            else:
                items.append(None)
                continue
            found = offset >= 0 and sum(c.isalpha() for c in name) >= 2
            items.append((chunk_start + offset, chunk_start + offset + len(name)) if found else None)
        lists.append(items)
    return lists


def _next_to_list_glue(text: str, start: int, end: int) -> bool:
    """Whether a name at text[start:end] ends before a comma or follows ", ", "and " or "or "."""
    return text[end : end + 1] == "," or text[max(0, start - 4) : start].endswith((", ", "and ", "or "))


def with_list_peers(doc: Doc, spans: list[Span], title_end: int) -> list[Span]:
    """The spans, with the unlisted names of a list whose other members are entities of one
    type sharing that type: "RL fine-tuning algorithms (PPO, GRPO, and Critic Annealing)" makes
    Critic Annealing a method, "Rook-Rook-Pawn, Stack Four, and Battleboard" three of a kind;
    a name typed only by a guess takes the type two listed members share ("R2, RMSE, RMSSE")."""
    text = doc_text(doc)
    if "," not in text:
        return spans
    by_offsets = {(span.start_char, span.end_char): span for span in spans}
    taken = sorted(by_offsets)
    # The cheap test first: a list with two typed peers has two entities next to its glue.
    listed = [start for start, end in taken if _next_to_list_glue(text, start, end)]
    if len(listed) < 2:
        return spans
    generic = generic_keys()
    peers, retyped = [], {}
    for start, end in doc._.kg_sentences or ():
        if end <= title_end or bisect_left(listed, end) - bisect_left(listed, start) < 2:
            continue
        for with_gaps in _list_items(text, max(start, title_end), end):
            items = [item for item in with_gaps if item]
            members = [by_offsets[item] for item in items if item in by_offsets]
            known = {span.label_ for span in members}
            if len(members) < 2 or len(known) != 1:
                retyped.update(_guessed_members_retyped(with_gaps, by_offsets))
                continue  # two peers of one type vouch for the others; one could be mistyped
            for item_start, item_end in items:
                key = normalize_key(text[item_start:item_end])
                if any(s < item_end and item_start < e for s, e in taken) or key in generic or key[:-1] in generic:
                    continue  # taken, or a class ("LLMs")
                span = doc.char_span(item_start, item_end, label=next(iter(known)))
                if span is not None:
                    peers.append(span)
    spans = [
        Span(doc, span.start, span.end, label=retyped[(span.start_char, span.end_char)], span_id=span.id_, kb_id=span.kb_id_)
        if (span.start_char, span.end_char) in retyped else span
        for span in spans
    ]
    return spans + peers


# "four attention paradigms -- GQA, MLA, Gated DeltaNet", "attention variants: MQA, GQA": a
# list opened by a plural technique noun.
_TECHNIQUE_NOUNS = re.compile(r"\b(?:variants|paradigms|mechanisms|architectures|techniques|algorithms|optimizers)\b")
_TECHNIQUE_LIST_OPENER = re.compile(
    _TECHNIQUE_NOUNS.pattern + r"(?:(?:,? (?:such as|including|like|namely|e\.g\.,?))|\s*(?::|--|—|\())\s*$"
)


def retype_technique_lists(doc: Doc, spans: list[Span], title_end: int) -> list[Span]:
    """The spans, with the datasets of a list a technique noun opens made methods in every
    mention: "attention variants (MHA, GQA, MQA)" names grouped-query attention, not the
    GQA benchmark (a name guessed a model stays one: "architectures: ResNet50V2, YOLOv5s")."""
    text = doc_text(doc)
    if not _TECHNIQUE_NOUNS.search(text):
        return spans
    by_offsets = {(span.start_char, span.end_char): span for span in spans}
    retyped: set[str] = set()
    for start, end in doc._.kg_sentences or ():
        if end <= title_end or not _TECHNIQUE_NOUNS.search(text, start, end):
            continue
        for with_gaps in _list_items(text, max(start, title_end), end):
            first = with_gaps[0]
            if first is None or not _TECHNIQUE_LIST_OPENER.search(text, max(start, first[0] - 60), first[0]):
                continue
            retyped |= {
                normalize_key(span_text(span))
                for item in with_gaps
                if (span := by_offsets.get(item)) is not None and span.label_ == "Dataset"
            }
    if not retyped:
        return spans
    return [
        Span(doc, span.start, span.end, label="Method", span_id=span.id_)
        if normalize_key(span_text(span)) in retyped and span.label_ != "Method"
        else span
        for span in spans
    ]


def _guessed_members_retyped(with_gaps: list[tuple[int, int] | None], by_offsets: dict[tuple[int, int], Span]) -> dict[tuple[int, int], str]:
    """{offsets: type} for the names typed only by a guess in a run of list items with no gap,
    where at least two other members hold one settled type ("R2, RMSE, RMSSE")."""
    retyped = {}
    run: list[Span] = []
    for item in [*with_gaps, None]:
        if item is not None:
            if item in by_offsets:
                run.append(by_offsets[item])
            continue
        settled = [span.label_ for span in run if span.kb_id_ != GUESSED]
        if len(settled) >= 2 and len(set(settled)) == 1:
            retyped.update({(span.start_char, span.end_char): settled[0] for span in run if span.kb_id_ == GUESSED})
        run = []
    return retyped


_SIZED = re.compile(r"\b\d+(?:\.\d+)?[BMK]\b")  # "Flash-VL 2B": a size says a released model


def retype_described_techniques(doc: Doc, spans: list[Span], long_forms: dict[str, str]) -> list[Span]:
    """Names no list knows, typed Model by their shape ("Stream4D", "...Transformer"), that the
    text describes as a technique ("NANQ, a noise-aware quantization framework") are Methods,
    with their acronym."""
    text = doc_text(doc)
    described = {
        span_text(span) for span in spans
        if span.label_ == "Model" and _apposition_kind(text, span.end_char) == "technique" and not _SIZED.search(span_text(span))
    }
    if not described:
        return spans
    for short, long in long_forms.items():
        if long in described or short in described:
            described |= {short, long}
    described -= {span_text(listed_span) for listed_span in doc.spans.get(GAZETTEER_KEY, []) if listed_span.label_ == "Model"}
    return [
        Span(doc, span.start, span.end, label="Method", span_id=span.id_) if span.label_ == "Model" and span_text(span) in described else span
        for span in spans
    ]


# "Regression Mean for Model Merging": in the title, the technique term after "for" is
# the problem the paper works on.
_TASK_BEFORE = re.compile(r"\b[Ff]or\s$")


# "Adaptive Reasoning via Automated Workflow Generation": in the title, the term after
# "via", "through" or "using" is the means the paper works with, a Method.
_METHOD_BEFORE = re.compile(r"\b(?:[Vv]ia|[Tt]hrough|[Uu]sing)\s$")


# A lower-case word that goes on the noun phrase: the name before it is a modifier.
_MODIFIES_A_NOUN = re.compile(r" (?!(?:" + "|".join(sorted(FUNCTION_WORDS | {"that", "which", "as", "or"})) + r")\b)[a-z][a-z\-]+\b")
_SAYS_HOW = re.compile(r"-(?:based|driven|aware|guided|stage|branch|free|efficient|augmented|enhanced)\b")
# "we propose Spike Tail-Aware Relational Synthesis (STARS)": what a paper proposes is a
# technique, whatever its head word ("Synthesis") would make of it.
_PROPOSED_BEFORE = re.compile(
    r"\b(?:[Ww]e|[Tt]his " + _OWN_WORK + ") (?:ha(?:ve|s) )?(?:then |further |also |first |here )?"
    r"(?:propose|introduce|present|develop|design)(?:s|d|ed)? (?:(?:a|an|the) )?(?:new |novel )?$"
)


# "a melody extraction module", "an evidence retrieval mechanism", "a Local-Global
# Extraction (LGE) module": a part of the system named for what it does.
_PART_AFTER = re.compile(r"(?: \([^()]{1,15}\)|\))? (?:module|mechanism|block|branch|head|layer|component|unit)s?\b")


def _tasks_every_mention_of(spans: list[Span], passes) -> set[str]:
    """Keys of the task terms every mention of which `passes` (a test of one span)."""
    every: dict[str, bool] = {}
    for span in spans:
        if span.label_ == "Task":
            key = normalize_key(span_text(span))
            every[key] = every.get(key, True) and passes(span)
    return {key for key, all_pass in every.items() if all_pass}


def _named_only_as_parts(text: str, spans: list[Span]) -> set[str]:
    """Keys of the task terms every mention of which names a part of a system ("a pose
    estimation module"): the paper uses that technique, it does not work on the task."""
    return _tasks_every_mention_of(spans, lambda span: _PART_AFTER.match(text, span.end_char) is not None)


# "adopts iterative token-level editing", "using symbolic regression": the term is the
# means the paper works with (up to two describing words between, no preposition).
_MEANS_BEFORE = re.compile(
    r"\b(?:using|via|through|adopts?|adopting|employs?|employing|appl(?:y|ies|ying)|leverag(?:e|es|ing)|utili[sz](?:e|es|ing)|uses)"
    r"(?: (?:a|an|the))?(?: (?!(?:on|of|for|in|to|as|at|by|with|from|and|or|experiments?)\b)[\w-]+){0,2}? $"
)
# "uses vehicle routing as a testbed", "OCR-based", "MOT models", "leveraging question
# answering (QA) data": not the means itself.
_NOT_MEANS_AFTER = re.compile(
    r"(?:-based\b| as\b|(?: \([^()]{1,20}\))?"
    r"[- ](?:models?|framework|algorithms?|filters?|methods?|tools?|systems?|data|datasets?|benchmarks?|corpora|corpus|labels)\b)"
)


def _named_only_as_means(text: str, spans: list[Span], title_end: int) -> set[str]:
    """Keys of the task terms every mention of which in the abstract is the means of a verb
    ("adopts iterative token-level editing"): the paper applies that technique."""

    def is_means(span: Span) -> bool:
        before = text[max(0, span.start_char - 50) : span.start_char]
        return _MEANS_BEFORE.search(before) is not None and not _NOT_MEANS_AFTER.match(text, span.end_char)

    abstract = [span for span in spans if span.start_char > title_end]
    return _tasks_every_mention_of(abstract, is_means)


def _names_an_architecture(name: str) -> bool:
    """"Spiking Neural Networks", "Mixture-of-Experts", "Diffusion Models": a kind of network
    or model, what a work builds on."""
    cues = type_cues()
    head = name.split()[-1].lower()
    return head in cues["architecture_head"] or cues["next_word"].get(head) == "Model" or name.lower() in cues["architecture_term"]


def retype_tasks(doc: Doc, spans: list[Span], title_end: int, long_forms: dict[str, str] | None = None) -> list[Span]:
    """Technique terms named as the purpose of the title ("... for Model Merging") are Tasks;
    task terms named as its means ("... via Workflow Generation"), unlisted ones the paper
    proposes ("we propose X") and those named only as parts ("a pose estimation module")
    or as the means of a verb ("employs sentiment analysis") are Methods, in every mention
    of the paper (and its acronym)."""
    text = doc_text(doc)
    retyped: dict[str, str] = {}
    proposed: set[str] = set()
    listed: set[tuple[int, int]] | None = None
    for span in spans:
        if (
            span.label_ == "Task"
            and span.start_char > title_end
            and _PROPOSED_BEFORE.search(text, max(0, span.start_char - 60), span.start_char)
            # "we propose a novel AQA method", "a novel treatment effect estimation algorithm": an
            # acronym or a lower-case term before a noun is the method's purpose, unless a
            # word says how it is done ("a graph-based error detection framework")
            and not (
                (is_short_form(span_text(span)) or (span_text(span)[:1].islower() and not _SAYS_HOW.search(span_text(span))))
                and _MODIFIES_A_NOUN.match(text, span.end_char)
            )
            and _apposition_kind(text, span.end_char) != "task"  # "we propose X, a new task that ..."
        ):
            if listed is None:
                listed = {(listed_span.start, listed_span.end) for listed_span in doc.spans.get(GAZETTEER_KEY, [])}
            if (span.start, span.end) not in listed:
                retyped[normalize_key(span_text(span))] = "Method"
                proposed.add(normalize_key(span_text(span)))
                continue
        if span.end_char > title_end or any(is_coined_name(word) for word in span_text(span).split()):
            continue
        before = text[max(0, span.start_char - 8) : span.start_char]
        # "... for Spiking Neural Networks": an architecture is what the work builds on, not its problem.
        if span.label_ == "Method" and _TASK_BEFORE.search(before) and not _names_an_architecture(span_text(span)):
            retyped[normalize_key(span_text(span))] = "Task"
        elif span.label_ == "Task" and _METHOD_BEFORE.search(before):
            retyped[normalize_key(span_text(span))] = "Method"
    retyped.update(dict.fromkeys(_named_only_as_parts(text, spans), "Method"))
    retyped.update(dict.fromkeys(_named_only_as_means(text, spans, title_end), "Method"))
    if not retyped:
        return spans
    for short, long in (long_forms or {}).items():
        if normalize_key(long) in retyped:
            retyped[normalize_key(short)] = retyped[normalize_key(long)]
        elif normalize_key(short) in proposed:  # "we propose DUIP (Dynamic User Intent Prediction)"
            retyped[normalize_key(long)] = retyped[normalize_key(short)]
    return [
        Span(doc, span.start, span.end, label=retyped[normalize_key(span_text(span))], span_id=span.id_)
        if span.label_ in ("Method", "Task") and retyped.get(normalize_key(span_text(span)), span.label_) != span.label_
        else span
        for span in spans
    ]


class EntitySettler:
    """The component: sets ``doc.ents`` and ``doc._.kg_long_forms``."""

    def __init__(self, name: str = "kg_entities"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans, long_forms = settle_entities(doc)
        doc.ents = spans
        doc._.kg_long_forms = long_forms
        return doc


@Language.factory("kg_entities")
def make_entity_settler(nlp: Language, name: str) -> EntitySettler:
    return EntitySettler(name)
