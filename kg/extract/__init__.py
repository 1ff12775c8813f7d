"""Extract: papers in, what each paper names and does out (PaperExtraction).

The pipeline is ``spacy.blank("en")`` plus our registered components, in order:
kg_sentences (the title is sentence 0), kg_gazetteer, kg_patterns, kg_abbreviations,
kg_entities, kg_results, kg_relations. Nothing is downloaded: the name lists ship in
kg/resources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

# Importing the component modules registers their factories.
from kg.extract import abbreviations, entities, gazetteer, patterns, relations, results, sentences  # noqa: F401
from kg.extract.sentences import doc_text, sentence_entities
from kg.models import Mention, Paper, PaperExtraction, Relation, Result

__all__ = ["build_nlp", "extract", "extract_doc", "paper_text"]

COMPONENTS = ("kg_sentences", "kg_gazetteer", "kg_patterns", "kg_abbreviations", "kg_entities", "kg_results", "kg_relations")


def _split_glued_punctuation(nlp: Language) -> None:
    """Let the name matchers see bare names in untidy text.

    - a sentence's final period: "GSM8K." -> "GSM8K" "." (spaCy keeps it after a capital
      that follows a digit);
    - brackets glued to words: "AI-DO(Automating" -> "AI-DO" "(" "Automating", and to a
      score or size after a name: "CompBench(88.5)" -> "CompBench" "(" "88.5" ")" (not to
      an integer: "SE(3)" is notation);
    - sentences glued by a period: "planning).ProtoReasoning" -> ... ")" "." "ProtoReasoning";
    - a hyphenated suffix after a bracket: "(RL)-based" -> "(" "RL" ")" "-" "based";
    - an equals sign before a number: "ECE=0.302" -> "ECE" "=" "0.302";
    - a suspended hyphen: "SFT- and GRPO-based" -> "SFT" "-" "and" ...
    """
    suffixes = [*nlp.Defaults.suffixes, r"(?<=[A-Za-z0-9+])\.$", r"(?<=[A-Za-z0-9])-$"]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Za-z0-9])[()\[\]](?=[A-Za-z])", r"(?<=[a-z)\]])\.(?=[A-Z][a-z])",
               r"(?<=[A-Za-z0-9])\((?=\d+\.\d|\d+(?:\.\d+)?[BMK]\b)",
               r"(?<=[A-Za-z0-9])[)\]](?=[-\u2013\u2014])", r"(?<=[)\]])[-\u2013\u2014]+(?=[A-Za-z])",
               r"(?<=[A-Za-z0-9])=(?=[-+]?\.?\d)"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


class _TextKeepingTokenizer:
    """spaCy's tokenizer, keeping the input string on the Doc (``user_data["kg_text"]``).

    ``Doc.text`` is rebuilt from the tokens on every access; the components read the
    string this keeps instead (``kg.extract.sentences.doc_text``).
    """

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        doc.user_data["kg_text"] = text
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name):
        return getattr(self.tokenizer, name)


# spaCy's tokenizer remembers how it split each whitespace-separated chunk, but only the
# first 10,000 distinct ones; the name lists alone fill that before the first abstract.
# Remembering a million made it 1.8x faster on the arXiv corpus, and several times faster
# once it remembered abstracts too (_cache_past_newlines); full, it adds ~120 MB to a worker.
TOKENIZER_CACHE_CHUNKS = 1_000_000


def _cache_past_newlines(nlp: Language) -> None:
    r"""Drop the tokenizer's special cases that only say a whitespace chunk is one token
    ("\n" is a token of its own without them too).

    After a special case, spaCy remembers no more chunks of that Doc, and every text kg
    reads has a "\n" after its title: no word of an abstract was ever remembered.
    """
    def changes_nothing(text: str, tokens: list[dict]) -> bool:
        return text.isspace() and tokens == [{ORTH: text}]

    nlp.tokenizer.rules = {text: tokens for text, tokens in nlp.tokenizer.rules.items() if not changes_nothing(text, tokens)}


def build_nlp(gazetteer_paths=None) -> Language:
    """The extraction pipeline, initialized with the shipped name lists (or the given files)."""
    nlp = spacy.blank("en")
    _split_glued_punctuation(nlp)
    nlp.tokenizer.max_cache_size = TOKENIZER_CACHE_CHUNKS
    _cache_past_newlines(nlp)
    nlp.tokenizer = _TextKeepingTokenizer(nlp.tokenizer)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    nlp.get_pipe("kg_gazetteer").initialize(nlp=nlp, paths=gazetteer_paths)
    return nlp


# spaCy refuses texts past nlp.max_length (1,000,000); an abstract is a few thousand
# characters, and kg.ingest already cuts longer ones with a warning. This is the safety net.
MAX_TEXT_CHARS = 100_000


# arXiv abstracts keep their authors' LaTeX: "we propose \textbf{SDO}", "$\textbf{MedConclusion}$".
_LATEX_FORMATTING = re.compile(
    r"\\(?:textbf|textit|texttt|textsc|textrm|textsf|emph|underline|text|mathrm|mathbf|mathit|mathsf|mathtt|bm|boldsymbol)"
    r"\{([^{}\\$]*)\}"
)
_MATH_WORD = re.compile(r"\$(\w[\w\-.+%×]*)\$")
# "{\em generative clustering}", "{Qwen2-VL-7B}": old-style switches and bare braces;
# "PHI-3\cite{Abdin2024}": citations.
_LATEX_SWITCH = re.compile(r"\{\\(?:em|it|bf|rm|sc|tt|sf)\s+([^{}\\$]*)\}")
_BARE_BRACES = re.compile(r"(?<![\\\w^_])\{(\w[\w\-. ]{0,80})\}")
_CITATION = re.compile(r"\s?~?\\cite[pt]?\{[^{}]*\}")
# "$58.2\%$", "$4.7\times$": a score written in math mode.
_LATEX_PERCENT = re.compile(r"(?<=\d)\\%")
_LATEX_TIMES = re.compile(r"(?<=\d)\s?\\times(?![A-Za-z])")
# LaTeX's unbreakable space: "Vision-Language-Action~(VLA)", "Task~6", "(1)~Cross-Modal"
# ("~3k" is "about", "30~40%" a range).
_TIE = re.compile(r"(?<=[\w)\]])(?<!\d(?=~\d))~(?=[\w(\[\\])")


def unwrap_latex(text: str) -> str:
    r"""The text with LaTeX formatting commands and math dollars taken off plain words.

    >>> unwrap_latex(r"we propose \textbf{SDO} and $\textbf{MedConclusion}$ ($\alpha$), Task~6, (1)~\emph{X}, ~3k, 30~40%")
    'we propose SDO and MedConclusion ($\\alpha$), Task 6, (1) X, ~3k, 30~40%'
    >>> unwrap_latex(r"by $58.2\%$ and 48\%, $4.7\times$ faster")
    'by 58.2% and 48%, 4.7× faster'
    >>> unwrap_latex(r"We present {\em generative clustering} on {Qwen2-VL-7B} and PHI-3~\cite{a2024}, $x^{2}$")
    'We present generative clustering on Qwen2-VL-7B and PHI-3, $x^{2}$'
    >>> unwrap_latex(r"an {\it episodic Markov decision {process} with growing awareness} (EMDP-GA)")
    'an episodic Markov decision process with growing awareness (EMDP-GA)'
    """
    if "~" in text:
        text = _TIE.sub(" ", text)
    if "{" in text:
        text = _BARE_BRACES.sub(r"\1", _LATEX_SWITCH.sub(r"\1", _CITATION.sub("", text)))
        if "{\\" in text:  # a switch around braced words: "{\it decision {process} with X}"
            text = _LATEX_SWITCH.sub(r"\1", text)
    if "\\" not in text and "$" not in text:
        return text
    for _ in range(2):  # one level of nesting: \textbf{\textit{X}}
        text = _LATEX_FORMATTING.sub(r"\1", text)
    text = _LATEX_TIMES.sub("×", _LATEX_PERCENT.sub("%", text))
    return _MATH_WORD.sub(r"\1", text)


def paper_text(paper: Paper) -> str:
    """The text the extractor reads: the title as its own first line, then the abstract."""
    title = unwrap_latex(" ".join(paper.title.split()))
    abstract = unwrap_latex(" ".join(paper.abstract.split()))
    return (f"{title}\n{abstract}" if abstract else title)[:MAX_TEXT_CHARS]


def extract_doc(doc: Doc, paper: Paper) -> PaperExtraction:
    """Turn an annotated Doc into the paper's extraction record."""
    # model_construct: these values come from our own components, already typed; the
    # graph stage validates what it stores.
    text = doc_text(doc)
    sentences = doc._.kg_sentences or [(0, len(text))]
    long_forms = doc._.kg_long_forms or {}
    mentions = [
        Mention.model_construct(
            text=ent.text,
            type=ent.label_,
            sentence=index,
            start=ent.start_char - sentences[index][0],
            end=ent.end_char - sentences[index][0],
            canonical=ent.id_ or None,
            long_form=long_forms.get(ent.text),
        )
        for index, ents in enumerate(sentence_entities(doc))
        for ent in ents
    ]
    found_relations = [
        Relation.model_construct(type=type_, target=ent.text, target_type=ent.label_, sentence=index)
        for type_, ent, index in doc._.kg_relations or ()
    ]
    found_results = [
        Result.model_construct(
            value=found.value,
            unit=found.unit,
            text=found.text,
            sentence=index,
            start=found.start,
            end=found.end,
            metric=found.metric,
            dataset=found.dataset,
        )
        for index, found in doc._.kg_results or ()
    ]
    return PaperExtraction.model_construct(
        paper=paper,
        sentences=[text[start:end] for start, end in sentences],
        mentions=mentions,
        relations=found_relations,
        results=found_results,
    )


def extract(papers: Iterable[Paper], nlp: Language | None = None, batch_size: int = 256) -> Iterator[PaperExtraction]:
    """Stream papers through the pipeline (``nlp.pipe`` in batches), one record per paper."""
    nlp = nlp or build_nlp()
    pairs = ((paper_text(paper), paper) for paper in papers)
    for doc, paper in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield extract_doc(doc, paper)
