"""kg_relations: what a paper does with each entity it names, from the cues of its text.

Sentence 0 is the title. The rules (cue words in kg/resources/relation_cues.json):
- INTRODUCES: the name that is all the title says before its colon ("Meta-World: A
  Benchmark ..."), or the first name after "we propose / introduce / present ..." and
  every coined name ("called X", a new acronym) after such a cue, up to a comparison cue;
  not a name inside the apposition, one the abstract used before, nor a listed term that
  describes the new thing ("a novel transfer learning framework"); and the coined names a
  sentence about the paper's own method lists as its parts ("X consists of two modules: ...").
- COMPARES_TO: a Model or Method that "outperforms", "than", "compared with", "baselines"
  reach, up to where the clause moves on ("... across settings, including X").
- USES: any other Model or Method the paper names (not its own contribution).
- EVALUATES_ON: a Dataset named in a sentence with an evaluation cue, unless the
  sentence only trains on it ("models trained on X are evaluated on Y" evaluates on Y
  alone); a benchmark the paper introduces, when it evaluates at all.
- ADDRESSES: every Task.
Relations land in ``doc._.kg_relations`` as (type, entity span, sentence index).
"""

from __future__ import annotations

import json
import re
from collections.abc import Container
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.abbreviations import match_long_form
from kg.extract.patterns import familiar_keys, whole_word_offsets, word_alternation
from kg.extract.sentences import doc_text, sentence_entities, span_text
from kg.extract.sentences import title_end as find_title_end
from kg.models import normalize_key

__all__ = ["find_relations", "RelationFinder"]

if not Doc.has_extension("kg_relations"):
    Doc.set_extension("kg_relations", default=None)


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern]:
    """One regex per cue kind, matching any of its words or phrases."""
    text = resources.files("kg.resources").joinpath("relation_cues.json").read_text(encoding="utf-8")
    patterns = {}
    for kind, words in json.loads(text).items():
        patterns[kind] = re.compile(rf"(?<![\w-])(?:{word_alternation(words)})(?![\w-])")
    return patterns


# "Length Generalization via Task Hinting": a technique no list knows, named as the
# title's means, is the paper's own; one the field writes often is applied ("via Online
# Reinforcement Learning", "via Layer Pruning").
_MEANS_BEFORE = re.compile(r"\b[Vv]ia $")
_REPORT_TITLE = re.compile(r"\s+[Tt]echnical [Rr]eport\s*$")


def _introduced_in_title(title: str, ents: list[Span], listed: set[tuple[int, int]] = frozenset()) -> list[Span]:
    # "Meta-World: A Benchmark ...": the name that is all the title says before its colon
    # (not "OPSD Compresses What RLVR Teaches: ..." or "Unlearning in Diffusion Models: ...").
    colon = title.find(":")
    if colon >= 0:
        prefix = title[:colon].strip()
    elif report := _REPORT_TITLE.search(title):  # "Qwen2.5 Technical Report" presents what it names
        prefix = title[: report.start()].strip()
    else:
        prefix = None
    found = [ent for ent in ents if span_text(ent) == prefix and ent.label_ != "Task"]
    return found + [
        ent for ent in ents
        if ent.label_ == "Method"
        and (ent.start, ent.end) not in listed
        and ent not in found
        and _MEANS_BEFORE.search(title[max(0, ent.start_char - 4) : ent.start_char])
        and normalize_key(span_text(ent)) not in familiar_keys()
    ]


# "this design reduces ...", "a construct": a cue word after a determiner is a noun ("the
# proposed X" is a participle, what _PROPOSED_ADJECTIVE reads).
_DETERMINER_BEFORE = re.compile(r"\b(?:this|the|our|its|their|a|an|each|every)\s$")


def _used_as_a_noun(lowered: str, cue: re.Match) -> bool:
    return not cue.group().endswith("ed") and bool(_DETERMINER_BEFORE.search(lowered, max(0, cue.start() - 8), cue.start()))


def _sentence_relations(
    lowered: str, start: int, ents: list[Span], index: int, coined: set[str], seen_before: Container[str] = frozenset(),
    listed: set[tuple[int, int]] = frozenset(),
) -> tuple[list[tuple[str, Span, int]], bool]:
    """Relations cued in one sentence (`lowered`, starting at character `start`), and whether it evaluates."""
    cues = _cues()
    found: list[tuple[str, Span, int]] = []
    # A cue word inside a name ("Long Short Term Memory", "Alignment Design Policy") is none.
    intros = [
        cue for cue in cues["introduce"].finditer(lowered)
        if not _inside_a_name(cue.start() + start, ents) and not _used_as_a_noun(lowered, cue)
    ]
    compares = [cue for cue in cues["compare"].finditer(lowered) if not _inside_a_name(cue.start() + start, ents)]
    compare = compares[0] if compares else None
    subjects = [(match.end(), match.group()) for match in cues["introduce_subjects"].finditer(lowered)] if intros else []
    if intros:
        # "we propose searching ... and introduce X": each cue reaches up to the next one.
        for intro, following in zip(intros, [*intros[1:], None]):
            adjective = _PROPOSED_ADJECTIVE.search(lowered, 0, intro.end())
            if not (adjective or _has_own_subject(lowered, subjects, intro.start())):
                continue
            stop = compare.start() if compare and compare.start() > intro.end() else len(lowered)
            stop = min(stop, following.start()) if following else stop
            after = [ent for ent in ents if intro.end() <= ent.start_char - start < stop and ent.label_ != "Task"]
            if after and adjective and not _in_noun_phrase(lowered[intro.end() : after[0].start_char - start]):
                continue  # "all proposed methods achieve the ... X": X is not what was proposed
            # Without the paper as subject only the name right after "the proposed" is its own.
            proposed = bool(adjective) and not _has_own_subject(lowered, subjects, intro.start())
            if proposed and after and (
                not _NAMED_RIGHT_AFTER.fullmatch(lowered, intro.end(), after[0].start_char - start)
                or (after[0].start, after[0].end) in listed
            ):
                continue  # "the proposed method was evaluated on X", "the proposed anchor data and X", "the proposed CNN"
            introduced = _introduced_after(
                lowered, start, intro.end(), after, coined, seen_before, listed, bool(adjective), proposed
            )
            found += [("INTRODUCES", ent, index) for ent in introduced]
    found += [("INTRODUCES", ent, index) for ent in _presented_as_new(lowered, start, ents, listed, seen_before)]
    if compare:
        scopes = _compared_scopes(lowered, compares)
        found += [
            ("COMPARES_TO", ent, index)
            for ent in ents
            if ent.label_ in ("Model", "Method") and any(a <= ent.start_char - start < b for a, b in scopes)
        ]
    evaluation = [match.group() for match in cues["evaluate"].finditer(lowered)]
    evaluates = bool(evaluation)
    datasets = [ent for ent in ents if ent.label_ == "Dataset"]
    trains_only = bool(datasets) and all(word == "on" for word in evaluation) and _trains_on(lowered)
    if evaluates and datasets and not trains_only:
        training = _training_scopes(lowered, {ent.start_char - start for ent in datasets})
        found += [
            ("EVALUATES_ON", ent, index)
            for ent in datasets
            if not any(a <= ent.start_char - start < b for a, b in training)
        ]
    return found, evaluates


def _has_own_subject(lowered: str, subjects: list[tuple[int, str]], cue_start: int) -> bool:
    """Whether an introducing cue has the paper as its subject: "in this paper" or "here"
    after the cue ("X is proposed in this paper"; not the "we" after "To build a system, we
    evaluate ..."), or one before it in the same clause ("we observe two strengths: X offers
    ..." is not the paper offering X)."""
    return any(
        (end > cue_start and subject != "we") or (end <= cue_start and not _CLAUSE_BREAK.search(lowered, end, cue_start))
        for end, subject in subjects
    )


_CLAUSE_BREAK = re.compile(r"[:;]")
# "the proposed X", "all proposed methods": "proposed" as an adjective names what follows it
# in the same noun phrase, not the object of a later verb.
_PROPOSED_ADJECTIVE = re.compile(r"\b(?:the|all|our|these|this|its|their|each|both) proposed$")
_ANOTHER_PHRASE = re.compile(r"\b(?:the|a|an)\b")
# "the proposed X", "the proposed approach, X": the name right after "proposed" or its noun.
_NAMED_RIGHT_AFTER = re.compile(
    r"\s*(?:(?:approach|method|framework|system|model|algorithm|architecture|technique)[,:]\s*)?[\"'\u201c\u2018]?"
)


def _in_noun_phrase(gap: str) -> bool:
    """Whether the words between "the proposed" and a name leave the name in its noun phrase
    (past a naming word: "the proposed method, called X"): no article or verb-like word.

    >>> _in_noun_phrase(" quorra attribution ("), _in_noun_phrase(" methods achieve the "), _in_noun_phrase(" method, called ")
    (True, False, True)
    """
    last = max((match.end() for match in _cues()["introduce_naming"].finditer(gap)), default=0)
    return not (_ANOTHER_PHRASE.search(gap, last) or _NOT_DESCRIBING.search(gap, last))


# "pretrain Vireo-LM on X": a training verb, at most three words, then "on".
_ON_SOON = re.compile(r"(?:\s+[^\s,;.]+){0,3}?\s+on\b")
# A comma, and the "and"/"or" a list puts after it.
_COMMA = re.compile(r",\s*(?:(?:and|or)\s+)?(?:the\s+)?")


def _training_scopes(lowered: str, dataset_starts: set[int]) -> list[tuple[int, int]]:
    """(start, end) of what a sentence that also evaluates trains on: from "trained on" to
    its next evaluation cue, or to a comma no dataset follows ("models trained on X and Y
    are evaluated on Z"; not "trained and tested on X", "trained on X, it reaches ... Z",
    "outperforms fine-tuning on X")."""
    cues = _cues()
    scopes = []
    for verb in cues["train_verbs"].finditer(lowered):
        on = _ON_SOON.match(lowered, verb.end())
        if not on or cues["evaluate"].search(lowered, verb.end(), on.end() - len("on")):
            continue
        if cues["compare"].search(lowered, max(0, verb.start() - 30), verb.start()):
            continue  # "outperforms standard fine-tuning on X": a technique compared, not training
        cue = next((m for m in cues["evaluate"].finditer(lowered, on.end()) if m.group() != "on"), None)
        end = cue.start() if cue else len(lowered)
        for comma in _COMMA.finditer(lowered, on.end(), end):
            if comma.end() not in dataset_starts:
                end = comma.start()
                break
        scopes.append((on.end(), end))
    return scopes


def _trains_on(lowered: str) -> bool:
    """Whether a sentence trains on what it names ("we pretrain X on Y", "collected from Y")."""
    cues = _cues()
    if cues["train_only"].search(lowered):
        return True
    return any(_ON_SOON.match(lowered, verb.end()) for verb in cues["train_verbs"].finditer(lowered))


# "via a novel and efficient gradient echo tuning (GE-Tuning) procedure", "our Token
# Dropping Cascade": the phrase a novelty word or "our" opens names something new.
_NEW_BEFORE = re.compile(r"\b(?:novel|new|our)\b(?P<between>(?:[ ,]+[\w\-]+){0,2}?) *$")
# "in our GPT5.5 runs": the runs are the paper's, not the model; but "our WebClick
# evaluation dataset" is the paper's data.
_RUNS_AFTER = re.compile(
    r" (?:experiments?|runs?|evaluations|tests|trials?|results?|settings?|setups?|baselines?)\b"
    r"(?![ -](?:data|datasets?|sets?|suites?|benchmarks?|corpus)\b)"
)
# Between the novelty word and the name only describing words: "a novel and efficient X",
# not "our approach significantly outperforms standard X" (a verb, an adverb).
_NOT_DESCRIBING = re.compile(r"\w(?:s|ly|ed)\b(?<!\bproposed)(?<!ss)|\b(?:is|are|was|were|has|have|can|will)\b")


def _presented_as_new(
    lowered: str, start: int, ents: list[Span], listed: set[tuple[int, int]], seen_before: Container[str] = frozenset()
) -> list[Span]:
    """Unlisted names in a phrase opened by "novel", "new" or "our" (no preposition or
    clause between: "a new benchmark for X" introduces the benchmark, not X; "a novel SSL
    framework" after "semi-supervised learning (SSL)" describes the new thing by a known one)."""
    if "new" not in lowered and "our" not in lowered and "novel" not in lowered:
        return []
    block = _cues()["introduce_block"]
    presented = []
    for ent in ents:
        if ent.label_ == "Task" or (ent.start, ent.end) in listed:
            continue
        at = ent.start_char - start
        before = _NEW_BEFORE.search(lowered, max(0, at - 60), at)
        if not before or lowered[ent.end_char - start : ent.end_char - start + 2].strip()[:1] in ("-", "+"):
            continue  # "a novel SPARQL-based method", "our 3DETR + MSA model": the name is not what is new
        if _DESCRIBES_NEXT.match(lowered, ent.end_char - start):
            continue  # "a novel FL framework named FedX": what is new is the name that follows
        if _RUNS_AFTER.match(lowered, ent.end_char - start):
            continue  # "in our GPT5.5 runs", "our Qwen3-0.6B experiments": the runs are the paper's
        if span_text(ent) in seen_before and _technique_noun_after(lowered, ent.end_char - start, span_text(ent)) and not before.group().startswith("our"):
            continue  # "a novel SSL framework" after "semi-supervised learning (SSL)"; not "our ToSFiT algorithm"
        between = before.group("between")
        if not (block.search(between) or _NOT_DESCRIBING.search(between) or "," in between.rstrip(", ")):
            presented.append(ent)
    return presented


# "more than 92%", "rather than X": no comparison with X.
_NOT_COMPARING_THAN = re.compile(r"\b(?:less|more|fewer|rather|other) $")
# "attacks against CLIP", "robustness against FGSM", "verifying them against X": what an
# attack or a defence is aimed at, or a check is made against, is no baseline.
_NOT_COMPARING_AGAINST = re.compile(
    r"\b(?:attacks?|attacking|robust(?:ness)?|defen[cs]es?|defend(?:s|ing)?|protect(?:s|ing|ion)?|resilien(?:t|ce)"
    r"|vulnerab(?:le|ility)|secur(?:e|ity)|safeguards?|guard(?:s|ing)?|verif(?:y|ies|ied|ying))(?: [\w\-]+){0,2} $"
)
# "over 44,000 NBER papers", "over a decade": "over" meaning "more than" or "during".
_AMOUNT_AFTER = re.compile(
    r" (?:\d|time\b|the (?:past|last|course|years|decades?)\b"
    r"|(?:a|one|two|three|four|five|ten|hundreds|thousands|millions) (?:\w+ )?(?:decade|year|hundred|thousand|million|billion)s?\b)"
)
# "over" compares only after a gain or a number: "a 4x speedup over X", "improves F1 by
# 2.8% over X", not "a correction layer over X" or "ablations over ..., LoRA rank".
_OVER_WINDOW = 60
# "5 epochs over a corpus", "three passes over the data": what is gone through, not beaten
_PASSES_BEFORE = re.compile(r"\b(?:epochs?|passes|iterations|rounds|sweeps|runs) $")


def _compares_over(lowered: str, at: int) -> bool:
    """Whether the "over" at `at` compares: a gain or a number stands in the words before it,
    and no amount follows ("over 44,000 papers", "over a decade")."""
    if _AMOUNT_AFTER.match(lowered, at + len("over")) or _PASSES_BEFORE.search(lowered, max(0, at - 20), at):
        return False
    before = lowered[max(0, at - _OVER_WINDOW) : at]
    return bool(_cues()["over_compares_after"].search(before)) or any(ch.isdigit() for ch in before)


# What a comparison reaches: its object, up to where the clause moves on ("outperforms
# RegMean across settings, including sequential merging", "surpassing X by 3%, while Y").
_COMPARED_PREPOSITION = re.compile(r"\s*(?:(?:to|with|against|over|by)\b)?")
_COMPARED_SCOPE_END = re.compile(
    r";|(?<!\be\.g)(?<!\bi\.e)\.(?:\s|$)"
    r"|\b(?:across|on|in|under|at|when|while|whereas|by|via|through|using|with|without|where|which|that|for|to)\b"
)

# "comparing X with Y", "we compare X to Y": the verb's object is followed by its second one.
_COMPARE_VERB = re.compile(r"compar(?:e|es|ed|ing)")
_SECOND_OBJECT = re.compile(r"with|to|against")
_PARTICIPLE_BEFORE = re.compile(r"\b\w+ed\s*$")

# "outperformed X by 13 points and Y by 24.1 points": each name compared with has its margin.
_MARGIN = re.compile(r"by [+-]?\d[\d.,]*\s*(?:%|pp|points?|percentage points?|x|×)?")
_NEXT_IN_LIST = re.compile(r",? and |, ")


def _compares_two_objects(lowered: str, cue: re.Match, preposition: re.Match, end: re.Match) -> bool:
    """Whether "compare X with Y" reaches Y: the verb takes its object first, and nothing but
    that object stands before the "with" ("compare encoders trained with X", "compare Soloni,
    a framework with X decoders, with Y" hold other phrases)."""
    object_ = lowered[preposition.end() : end.start()]
    return (
        _COMPARE_VERB.fullmatch(cue.group()) is not None
        and not preposition.group().strip()
        and _SECOND_OBJECT.fullmatch(end.group()) is not None
        and "," not in object_
        and not _PARTICIPLE_BEFORE.search(object_)
    )


def _closing_result_bracket(lowered: str, begin: int, at: int) -> int:
    """Where the bracket of scores that `at` stands in closes, or -1: "outperforming X (97%
    for three-class, 98.75% for binary), Y (...)" goes on past a "for" of the scores.

    >>> _closing_result_bracket("x (97% for a), y", 0, 7), _closing_result_bracket("x (with a), y", 0, 3)
    (12, -1)
    """
    opening = lowered.rfind("(", begin, at)
    if opening < 0 or lowered.find(")", opening, at) >= 0 or not _RESULT_IN_BRACKET.match(lowered, opening + 1):
        return -1
    return lowered.find(")", at)


_RESULT_IN_BRACKET = re.compile(r"\s*[+-]?\d[\d.,]*\s*%")


def _compared_scopes(lowered: str, cues: list[re.Match]) -> list[tuple[int, int]]:
    """(start, end) of the text each comparison cue of a sentence compares with."""
    scopes = []
    for cue in cues:
        if cue.group() == "than" and _NOT_COMPARING_THAN.search(lowered, max(0, cue.start() - 8), cue.start()):
            continue
        if cue.group() == "against" and _NOT_COMPARING_AGAINST.search(lowered, max(0, cue.start() - 40), cue.start()):
            continue
        if cue.group() == "over" and not _compares_over(lowered, cue.start()):
            continue
        preposition = _COMPARED_PREPOSITION.match(lowered, cue.end())
        begin = preposition.end()
        end = _COMPARED_SCOPE_END.search(lowered, begin)
        while end and (close := _closing_result_bracket(lowered, begin, end.start())) > 0:
            end = _COMPARED_SCOPE_END.search(lowered, close)
        if end and _compares_two_objects(lowered, cue, preposition, end):
            end = _COMPARED_SCOPE_END.search(lowered, end.end())
        while end and (margin := _MARGIN.match(lowered, end.start())) and (listed := _NEXT_IN_LIST.match(lowered, margin.end())):
            following = _COMPARED_SCOPE_END.search(lowered, listed.end())
            if not (following and _MARGIN.match(lowered, following.start())):
                break
            end = following
        stop = end.start() if end else len(lowered)
        # "representations (vs. feature vectors) and X": a comparison inside brackets ends with them.
        if lowered.count("(", 0, cue.start()) > lowered.count(")", 0, cue.start()):
            close = lowered.find(")", begin)
            stop = min(stop, close) if close >= 0 else stop
        scopes.append((cue.end(), stop))
    return scopes


# "a novel transfer learning framework": the noun a known term describes.
_TECHNIQUE_NOUN = (
    r"[- ](?:based )?(?:framework|method|approach|architecture|model|system|pipeline|algorithm|technique|strategy|scheme"
    r"|mechanism|module|paradigm|procedure|process|objective|loss|layer|block|variant"
    r"|decoder|encoder|classifier|detector|predictor|estimator|controller)s?"
)
# "a Mixture-of-Experts (MoE) architecture": the name's acronym may stand between.
_TECHNIQUE_NOUN_AFTER = re.compile(r"(?: \((?P<acronym>[^()\s]{1,15})\))?" + _TECHNIQUE_NOUN + r"\b")


# "we propose a ... detection framework and show how the X loop ...": the object was a
# description, and words other than its name follow it.
_DESCRIBED_BEFORE = re.compile(
    _TECHNIQUE_NOUN + r"(?![\w-]) +(?:and|or|as|is|are|can|to|in|at|(?!(?:named|called|dubbed|termed|coined)\b)[a-z]+(?:ed|ing))\b"
)


def _technique_noun_after(lowered: str, at: int, name: str) -> bool:
    """Whether a technique noun follows a name (at `at`), past the name's own acronym: "a
    transfer learning framework", "a Mixture-of-Experts (MoE) architecture", but not "a
    diffusion-based Soft Actor-Critic (D2SAC) algorithm", whose acronym names a new thing.

    >>> _technique_noun_after(" (moe) architecture", 0, "Mixture-of-Experts"), _technique_noun_after(" (d2sac) algorithm", 0, "Soft Actor-Critic")
    (True, False)
    """
    match = _TECHNIQUE_NOUN_AFTER.match(lowered, at)
    return bool(match) and (match.group("acronym") is None or match_long_form(name, match.group("acronym")) == 0)


# A name that describes the next one: hyphen-joined to a word ("LDPC-inspired"), followed
# by "based", "driven" or "guided", after its acronym too ("Electroencephalography (EEG)
# based"; not "based on"), or before a technique noun that a naming cue follows ("an SL
# framework, named SL-ACC").
_DESCRIBES_NEXT = re.compile(
    r"-[a-z]|(?P<based>(?: \([^()]{1,15}\))?[ -](?:based|driven|guided|inspired|powered)\b(?! (?:on|upon)\b))"
    r"|" + _TECHNIQUE_NOUN + r",? (?:named|called|dubbed|termed|coined|referred to as)\b"
)


def _is_title_case_phrase(text: str) -> bool:
    words = text.split()
    return len(words) > 1 and all(word[:1].isupper() for word in words)


# Words between two names that put them in one list: "X and Y", "X (Y)", "X, Y".
_LIST_GLUE = re.compile(r"^(?:[\s,;()/]|and|or)*$")
# "we propose MorphoQuant, a modality-aware PTQ framework", "RS-ORT (...) - a specialized
# branch-and-bound (BB) algorithm", "\"3Dify,\" a procedural 3D-CG framework": a name inside
# the apposition describes what is introduced; it is not introduced itself.
_IN_APPOSITION = re.compile(r"^[\"'”’)]*\s*(?:,|:|--|—|-)[\"'”’]?\s+(?:a|an)\s+[\w\s\-()]*$")


def _names_the_object(gap: str) -> bool:
    """Whether the words between an introducing cue (or a name) and the next name leave
    that name as what is introduced: "we propose X", "a new benchmark, called X", but not
    "a benchmark for X", "an alternative to X", "a framework that uses X".

    >>> _names_the_object(" a new benchmark, called "), _names_the_object(" a simple alternative to ")
    (True, False)
    """
    return not _cues()["introduce_block"].search(gap[_list_start(gap) :])


def _list_start(gap: str) -> int:
    """Where the last naming word or list opening in `gap` ends ("called ", "namely ", ": "):
    what follows begins anew as the object."""
    last = max((match.end() for match in _cues()["introduce_naming"].finditer(gap)), default=0)
    return max(last, gap.rfind(":") + 1, gap.rfind(";") + 1)


def _lists_what_is_used(gap: str) -> bool:
    """Whether a list opening in `gap` lists what a phrase after the object names: "a framework
    where multiple LLMs, namely X", "a benchmark across four models: X" (not "two datasets: X").

    >>> _lists_what_is_used(" a benchmark across four models: "), _lists_what_is_used(" two new datasets: ")
    (True, False)
    """
    return bool(_cues()["introduce_block"].search(gap[: _list_start(gap)]))


def _introduced_after(
    lowered: str, start: int, cue_end: int, after: list[Span], coined: set[str], seen_before: Container[str] = frozenset(),
    listed: set[tuple[int, int]] = frozenset(), adjective: bool = False, only_listed_with: bool = False,
) -> list[Span]:
    """The names an introducing cue introduces: the first name its object names, names listed
    with it ("called X and Y"), and coined names the text names as further objects, unless
    the abstract named them before (`seen_before`). After the adjective "the proposed" an
    unlisted name right after it is the proposed thing ("the proposed GML-JO algorithm");
    `only_listed_with`: no further objects, only names listed with the first."""
    if not after:
        return []
    # "we present a systematic study of X": a study introduces nothing it studies.
    head = lowered[cue_end : after[0].start_char - start]
    if _cues()["study_object"].search(" ".join(head.split()[:4])):
        return []
    introduced: list[Span] = []
    previous = cue_end
    modifier_before = False
    described_end = 0
    for ent in after:
        if ent.start_char - start < described_end:
            continue  # the acronym of a describing name: "Electroencephalography (EEG) based"
        gap = lowered[previous : ent.start_char - start]
        if not introduced:
            if not _names_the_object(gap) or _DESCRIBED_BEFORE.search(gap) or _cues()["existing_before"].search(gap):
                return []  # "by presenting three leading AI systems (X, Y, Z)": no new thing
            describes = _DESCRIBES_NEXT.match(lowered, ent.end_char - start)
            if describes and (describes.group("based") or not _is_title_case_phrase(span_text(ent))):
                described_end = describes.end()
                continue  # "we propose the LDPC-inspired X", "an SL framework, named X" (not "a Language-
                # Centric Omnimodal Embedding framework, termed LCO-Emb": a long name of the same thing)
            listed_term = ent.label_ == "Method" and span_text(ent)[:1].islower() and (ent.start, ent.end) in listed
            if listed_term and not _NOVELTY.search(gap):
                return []  # "we introduce knowledge distillation into X", "train ...: a decision tree, random forest"
            own = adjective and not gap.strip() and (ent.start, ent.end) not in listed
            known = (ent.start, ent.end) in listed or (span_text(ent) in seen_before and not own)
            if known and _lists_what_is_used(gap):
                return []  # "a framework where multiple LLMs, namely GPT-4 and Claude 3 Opus, ..."
            if known and (modifier_before or _technique_noun_after(lowered, ent.end_char - start, span_text(ent))):
                return []  # "a novel transfer learning framework", "a novel SSL framework" after
                # "semi-supervised learning (SSL)": a known term describes what is new
            if known and _PLAIN_NOUN_AFTER.match(lowered, ent.end_char - start):
                # "we call the quantization grid", "a VFX dataset Omni-VFX": a known term
                # modifies the object. A coined name after it may be the object; a known one
                # is more of the phrase ("we term the k-means transformer").
                modifier_before = True
                previous = ent.end_char - start
                continue
            if known and _VARIANT_BEFORE.fullmatch(gap) and not lowered.startswith(" (", ent.end_char - start):
                return []  # "we propose a sparse-and-orthogonal LoRA that ...": a variant of LoRA
            introduced.append(ent)
        elif _IN_APPOSITION.match(gap):
            continue
        elif _describes_the_named(lowered, start, gap, ent, listed, seen_before):
            continue  # "the Layer Index Rescaling (LIR) weight initialization scheme"
        elif _LIST_GLUE.match(gap) or (
            not only_listed_with and span_text(ent) in coined and span_text(ent) not in seen_before and _names_the_object(gap)
            and not _cues()["existing_before"].search(gap[_list_start(gap) :])  # "; we augment five established benchmarks (X"
        ):
            introduced.append(ent)
        else:
            continue
        previous = ent.end_char - start
    return introduced


# A listed technique term the paper introduces without calling it new is one it applies.
_NOVELTY = re.compile(r"\b(?:novel|new|our)\b")


# "we propose a sparse-and-orthogonal LoRA": a known name after an article and describing
# words is a variant of it, not the name introduced.
_VARIANT_BEFORE = re.compile(r"\s+(?:a|an)\s+(?:[\w\-]+\s+){1,3}")


def _describes_the_named(
    lowered: str, start: int, gap: str, ent: Span, listed: set[tuple[int, int]], seen_before: Container[str]
) -> bool:
    """Whether a known term right after an introduced name, before a technique noun, says what
    kind of thing the name is: "the Layer Index Rescaling (LIR) weight initialization scheme"."""
    known = (ent.start, ent.end) in listed or span_text(ent) in seen_before
    return known and gap.strip(" )") == "" and _technique_noun_after(lowered, ent.end_char - start, span_text(ent))


# A lower-case noun right after a name: the name modifies it ("the quantization grid"); not
# a verb, an adverb, a plural or a small word ("X for Y", "X that", "X achieves").
_PLAIN_NOUN_AFTER = re.compile(
    r" (?!(?:and|or|as|is|are|was|were|that|which|to|for|on|in|of|with|by|from|via|at|into|than|we|it|its|can|will|has|have)\b)"
    r"[a-z]+(?<!ed)(?<!ing)(?<!ly)(?<!s)\b(?![-(])"
)


def _inside_a_name(at: int, ents: list[Span]) -> bool:
    return any(ent.start_char <= at < ent.end_char for ent in ents)


class _NamedBetween:
    """`name in it`: whether `name` stands in text[start:end] as a whole word (looked up only
    when asked)."""

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end = text, start, end

    def __contains__(self, name: str) -> bool:
        at = self.text.find(name, self.start, self.end)
        return at >= 0 and bool(whole_word_offsets(self.text[: self.end], name, self.start))


def find_relations(
    doc: Doc, coined: set[str] = frozenset(), listed: set[tuple[int, int]] = frozenset()
) -> list[tuple[str, Span, int]]:
    """(relation type, entity span, sentence index) for every relation cued in a Doc.

    Names kg_entities found the paper coining ("Resa: ..." in the title, "we introduce
    Nexus Architect, an ...") are introduced wherever they stand.
    """
    coined_here = doc.user_data.get("kg_introduced") or set()
    sentences = doc._.kg_sentences or [(0, len(doc_text(doc)))]
    ents_of = sentence_entities(doc)
    listed = listed | _short_forms_of_listed(doc, listed)
    text = doc_text(doc)
    found: list[tuple[str, Span, int]] = []
    title_end = find_title_end(text)
    evaluates_anything = False
    for index, (start, end) in enumerate(sentences):
        if index == 0:
            found += [("INTRODUCES", ent, 0) for ent in _introduced_in_title(text[start:end], ents_of[0], listed)]
        if not ents_of[index] and index > 0:
            evaluates_anything = evaluates_anything or bool(_cues()["evaluate"].search(text[start:end].lower()))
            continue
        # The title's names are often the paper's own, introduced later: only the abstract counts.
        seen_before = _NamedBetween(text, title_end, start)
        relations, evaluates = _sentence_relations(
            text[start:end].lower(), start, ents_of[index], index, coined, seen_before, listed
        )
        found += relations
        evaluates_anything = evaluates_anything or (evaluates and index > 0)
    introduced = {span_text(ent).lower() for type_, ent, _ in found if type_ == "INTRODUCES"}
    introducing = {index for type_, _, index in found if type_ == "INTRODUCES"}
    parts = _parts_of_own(text, sentences, ents_of, introduced, coined, title_end, introducing)
    found += parts
    introduced |= {span_text(ent).lower() for _, ent, _ in parts}
    # An acronym and its long form name one thing: introducing either introduces both.
    ties = doc._.kg_long_forms or {}
    tied = {short.lower(): long.lower() for short, long in ties.items()}
    tied.update({long: short for short, long in tied.items()})
    for index, ents in enumerate(ents_of if coined_here or tied else ()):
        for ent in ents:
            if ent.label_ == "Task":
                continue
            surface = span_text(ent)
            name = surface.lower()
            if name not in introduced and (surface in coined_here or tied.get(name) in introduced):
                introduced.add(name)
                found.append(("INTRODUCES", ent, index))
    coined_own = {span_text(ent).lower() for type_, ent, _ in found if type_ == "INTRODUCES" and (ent.start, ent.end) not in listed}
    variants = _own_variants(text, ents_of, introduced, coined_own, listed)
    found += variants
    introduced |= {span_text(ent).lower() for _, ent, _ in variants}
    # "a two-stage fine-tuning approach", "an online learning algorithm": a term the field
    # writes often describes the paper's work; the paper applies it rather than coins it.
    familiar = _familiar_terms(text, ents_of)
    familiar |= _short_forms_of_listed(doc, familiar) | _bracketed_after(doc, ents_of, familiar)
    if familiar:
        found = [
            relation for relation in found
            if relation[0] != "INTRODUCES" or (relation[1].start, relation[1].end) not in familiar
        ]
    # The paper's own contribution is introduced, not compared with: "comparisons with
    # baseline models show that the SciRGC framework improves ..." compares SciRGC with them.
    found = [relation for relation in found if relation[0] != "COMPARES_TO" or span_text(relation[1]).lower() not in introduced]
    found += _default_relations(found, ents_of, evaluates_anything)
    return found


def _familiar_terms(text: str, ents_of: list[list[Span]]) -> set[tuple[int, int]]:
    """(start, end) of the lower-case terms the field writes often ("a two-stage fine-tuning
    approach", "an online learning algorithm"): a paper describes its work with them, as
    with a listed name, rather than coining them."""
    familiar = familiar_keys()
    found = set()
    for ents in ents_of:
        for ent in ents:
            if ent.label_ != "Method":
                continue
            surface = span_text(ent)
            if (" " in surface or "-" in surface) and surface.islower() and normalize_key(surface) in familiar:
                found.add((ent.start, ent.end))
    return found


def _bracketed_after(doc: Doc, ents_of: list[list[Span]], spans: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """(start, end) of the names in brackets right after one of `spans`: the acronym of
    "multi-task reinforcement learning (RL)" goes with it, whatever entry it is tied to."""
    if not spans:
        return set()
    ends = {end for _, end in spans}
    return {
        (ent.start, ent.end) for ents in ents_of for ent in ents
        if ent.start >= 1 and doc[ent.start - 1].text == "(" and ent.start - 1 in ends
    }


def _short_forms_of_listed(doc: Doc, listed: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """(start, end) of the acronyms whose long form is a listed name: "singular value
    decomposition (SVD)" makes "our adaptive SVD framework" a framework built on SVD."""
    ties = doc._.kg_long_forms or {}
    if not ties or not listed:
        return set()
    listed_keys = {normalize_key(doc[start:end].text) for start, end in listed}
    return {(ent.start, ent.end) for ent in doc.ents if span_text(ent) in ties and normalize_key(ties[span_text(ent)]) in listed_keys}


_VARIANT_TAIL = re.compile(r"[- ][\w.]+")


def _own_variants(
    text: str, ents_of: list[list[Span]], introduced: set[str], coined_own: set[str], listed: set[tuple[int, int]]
) -> list[tuple[str, Span, int]]:
    """("INTRODUCES", span, sentence) for unlisted variants of the paper's own unlisted names:
    "we introduce JudgeLRM ... JudgeLRM-7B outperforms DeepSeek-R1" (not a baseline)."""
    owns = tuple(own for own in coined_own if len(own) >= 3)
    found = []
    for index, ents in enumerate(ents_of if owns else ()):
        for ent in ents:
            name = span_text(ent).lower()
            if not name.startswith(owns) or name in introduced or ent.label_ == "Task" or (ent.start, ent.end) in listed:
                continue
            if any(name.startswith(own) and _VARIANT_TAIL.fullmatch(name, len(own)) for own in owns):
                found.append(("INTRODUCES", ent, index))
    return found


# "XMusic consists of two core components, XProjector and XComposer", "STAR comprises:
# (1) Constrained Knowledge Distillation (CKD), ...", "the core module of Quorra is a ...":
# what the paper's own method is made of.
_PART_CUE = re.compile(
    r"\b(?:consists? of|consisting of|comprises?|comprising|composed of"
    r"|(?:two|three|four|five|six|\d) (?:[\w-]+ ){0,2}?(?:components?|modules?|stages?|parts?|innovations?)"
    r"|(?:core|key|central|main) (?:innovation|technique|component|module|mechanism|representation|contribution)s?"
    r" of [\w-]+ (?:is|are))\b"
)
# Where a list of parts starts again: ";", "(2)", "ii)", ":".
_PART_ITEM = re.compile(r";|:|\(?\b(?:\d|i{1,3}|iv|v)\)|\bsecond(?:ly)?,|\bthird,|\bfinally,")
# A part stands as a list item: its name ends it, not a noun it describes ("HIDA operators").
_PART_END = re.compile(r"\s*(?:[,;.:)]|and\b|$)|\s*\([^()]{1,20}\)")
# "each replicating fundamental X", "a DiT-based X": a part is named, not what a clause
# does or what a part is based on.
_NOT_A_PART = re.compile(r"\b\w{3,}ing\b|-based\b")


# A sentence opening that refers back to what the sentence before introduced.
_OWN_REFERENCE = re.compile(r"\s*(?:it|(?:our|the|this) (?:framework|method|approach|system|model|pipeline|architecture))\b")


def _parts_of_own(
    text: str, sentences: list[tuple[int, int]], ents_of: list[list[Span]], introduced: set[str], coined: set[str], title_end: int,
    introducing: Container[int] = frozenset(),
) -> list[tuple[str, Span, int]]:
    """Coined names a sentence about the paper's own method lists as its parts, unless the
    abstract named them before. The sentence names an `introduced` name before the cue, or
    opens with "It" or "Our framework" right after a sentence (index in `introducing`) that
    introduced one ("We propose X. It comprises three components: ...")."""
    if not introduced or not coined:
        return []
    found = []
    for index, (start, end) in enumerate(sentences):
        lowered = text[start:end].lower()
        cue = _PART_CUE.search(lowered) if index else None
        if not cue:
            continue
        own = any(span_text(ent).lower() in introduced and ent.start_char - start < cue.end() for ent in ents_of[index])
        if not (own or (index - 1 in introducing and _OWN_REFERENCE.match(lowered))):
            continue
        seen_before = _NamedBetween(text, title_end, start)
        previous = cue.end()
        for ent in ents_of[index]:
            at = ent.start_char - start
            if at < cue.end():
                continue
            items = list(_PART_ITEM.finditer(lowered, previous, at))
            gap = lowered[items[-1].end() if items else previous : at]
            if _cues()["introduce_block"].search(gap) or _NOT_A_PART.search(gap):
                continue  # not a part; `previous` stays, so nor are the names after it up to the next item
            name = span_text(ent)
            if (
                ent.label_ != "Task" and name in coined and name.lower() not in introduced
                and name not in seen_before and _PART_END.match(lowered, ent.end_char - start)
            ):
                found.append(("INTRODUCES", ent, index))
            previous = ent.end_char - start
    return found


def _default_relations(found, ents_of, evaluates_anything) -> list[tuple[str, Span, int]]:
    """Tasks are addressed; other models and methods used; introduced benchmarks evaluated on."""
    # Keys are lower case: the title writes "Task Hinting" for the abstract's "task hinting".
    introduced = {span_text(ent).lower() for type_, ent, _ in found if type_ == "INTRODUCES"}
    first_compared: dict[str, int] = {}
    for type_, ent, index in found:
        if type_ == "COMPARES_TO":
            first_compared.setdefault(span_text(ent), index)
    defaults: list[tuple[str, Span, int]] = []
    used: set[str] = set()
    for index, ents in enumerate(ents_of):
        for ent in ents:
            if ent.label_ == "Task":
                defaults.append(("ADDRESSES", ent, index))
            elif ent.label_ in ("Model", "Method"):
                # A name first met outside a comparison is one the paper also uses.
                name = span_text(ent)
                if name.lower() in introduced or name in used or first_compared.get(name, index + 1) <= index:
                    continue
                used.add(name)
                defaults.append(("USES", ent, index))
            elif ent.label_ == "Dataset" and span_text(ent).lower() in introduced and evaluates_anything:
                defaults.append(("EVALUATES_ON", ent, index))
    return defaults


class RelationFinder:
    """The component: sets ``doc._.kg_relations``."""

    def __init__(self, name: str = "kg_relations"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        # Names no list knows, coined-looking or written in Title Case ("a Hash Decoder"): likely
        # new, so likely what "we propose" is about.
        listed = {(span.start, span.end) for span in doc.spans.get("kg_gazetteer", [])}
        coined = {span_text(span) for span in doc.spans.get("kg_patterns", []) if (span.start, span.end) not in listed}
        coined |= {
            name for span in doc.spans.get("kg_terms", []) if (span.start, span.end) not in listed
            and _is_title_case_phrase(name := span_text(span))
        }
        doc._.kg_relations = find_relations(doc, coined, listed)
        return doc


@Language.factory("kg_relations")
def make_relation_finder(nlp: Language, name: str) -> RelationFinder:
    return RelationFinder(name)
