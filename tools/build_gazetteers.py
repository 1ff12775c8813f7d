"""Build the shipped gazetteers kg/resources/{datasets,models,methods,metrics,tasks}.jsonl.

Reads the compiled name lists of ../shared/data/ (see its README.md for sources
and licences) and the curation files of tools/gazetteer_curation/ (see the
README.md there), and writes one JSONL file per entity type, one object per line:

    {"name": "GSM8K", "type": "Dataset", "aliases": ["GSM-8K"], "source": "kg-curated;pwc-ws-tasks"}

The curation serves the extractor's matching policy: names and aliases are matched
case-insensitively on spaCy tokens, with hyphen variants, except that a form with
an upper-case letter and no digit is not matched by all-lower-case text. So:

* common-noun terms (Method/Task/Metric) are written in lower case, so that they
  match "image captioning" in running text, and must be specific enough to be
  right wherever they occur ("attention", "alignment", "bias" are dropped);
* proper names keep their case, and those that abstracts mostly use as plain
  words ("Time", "Hate Speech", "Con-Text" whose variant is "Context") are dropped;
* each name and alias belongs to one type only (by the scorer's normalised key).

Usage:

    python tools/build_gazetteers.py
        # build the five files (about a second) and print the counts per type
    python tools/build_gazetteers.py --audit ../shared/corpus/arxiv-daily.jsonl.gz
        # also print the names matched in most of the first 20,000 abstracts: the
        # place to look for false positives to add to the stop lists
    python tools/build_gazetteers.py --corpus-stats ../shared/corpus/arxiv-daily.jsonl.gz
        # regenerate word_counts.tsv and ordinary_phrases.txt (a few minutes)
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kg.models import normalize_key  # noqa: E402  (one definition of the scorer's key)

CURATION = REPO / "tools" / "gazetteer_curation"
DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_OUT = REPO / "kg" / "resources"

FILES = {"Dataset": "datasets", "Model": "models", "Method": "methods", "Metric": "metrics", "Task": "tasks"}
TYPES = tuple(FILES)
CURATED = "kg-curated"
MINED = "kg-corpus"  # terms tools/mine_terms.py found often in the corpus (corpus_terms.tsv)
MAX_WORDS = 8  # longer strings are descriptions, not names, and slow the matcher down
# Which type keeps a name found in two lists when force_type.tsv and additions.jsonl
# say nothing: the guide calls released networks Models (Papers with Code files CLIP
# and BERT under methods) and benchmarks Datasets; Method is the more specific of the
# two term lists (Papers with Code tasks include techniques such as "Mixture-of-Experts").
PRECEDENCE = ("Model", "Dataset", "Metric", "Method", "Task")
TERM_TYPES = {"Method", "Task", "Metric"}  # mostly common-noun terms: "image captioning"
DATASET_NOUNS = {"benchmark", "benchmarks", "dataset", "datasets", "corpus", "corpora", "challenge"}
TECHNIQUE_NOUNS = {
    "method", "methods", "model", "models", "network", "networks", "algorithm", "algorithms", "technique", "techniques",
    "approach", "approaches", "framework", "frameworks", "architecture", "architectures",
}
PROPER_TYPES = {"Dataset", "Model"}  # proper names: "ImageNet", "GPT-4"
# A word is ordinary when abstracts write it in lower case at least this often (and at
# least as often as capitalised in mid-sentence).
ORDINARY_MIN_LOWER = 20

_SPACES = re.compile(r"\s+")
_PAREN = re.compile(r"\s*\(([^()]*)\)")
_SIZE = re.compile(r"^\d+(\.\d+)?[KMBT]$", re.I)  # "13B" in "Llama 2 (13B)" is part of the name
# Leaderboard strings, transfer settings, spam titles: not names anyone writes in prose.
_BAD_CHARS = re.compile(r"[\[\]{}|#?=*<>~^\"\\$§†]|->|, |\bet al\b")
_TITLE_WORD = re.compile(r"^[A-Z][a-z]+$")
_LOWER_WORD = re.compile(r"^[a-z]+$")
_ACRONYM = re.compile(r"^[A-Z]{2,5}s?$")  # "CPU", "ECG", "GNNs"
_LETTER_RUNS = re.compile(r"[^\W\d_]+")
_GENERIC_TAIL = re.compile(r"\s+(dataset|data set|benchmark|corpus|database)$", re.I)
_SENTENCE_END = {".", "!", "?", ":", "\n"}


@dataclass
class Entry:
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return normalize_key(self.name)

    def to_json(self) -> str:
        row = {"name": self.name, "type": self.type, "aliases": self.aliases, "source": ";".join(self.sources)}
        return json.dumps(row, ensure_ascii=False)


@dataclass
class Curation:
    """The contents of tools/gazetteer_curation/; every set holds normalised keys unless noted."""

    additions: list[Entry] = field(default_factory=list)
    stop: dict[str, set[str]] = field(default_factory=dict)  # type or "*" -> names never kept
    stop_aliases: set[str] = field(default_factory=set)
    force_type: dict[str, str] = field(default_factory=dict)  # key -> its only type, "-" for none
    keep_case: set[str] = field(default_factory=set)  # term names not lower-cased
    keep_names: set[str] = field(default_factory=set)  # names kept despite the ordinary-word rules
    acronyms: set[str] = field(default_factory=set)  # the short all-capital forms kept
    two_letter: set[str] = field(default_factory=set)  # the two-character forms kept
    word_counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # lower-case word -> counts
    ordinary_phrases: set[str] = field(default_factory=set)

    def stopped(self, key: str, typ: str) -> bool:
        return key in self.stop.get("*", ()) or key in self.stop.get(typ, ())


# ---------------------------------------------------------------- reading


def read_lines(path: Path) -> list[str]:
    """Non-empty lines of a curation file, without whole-line `#` comments ("C#" is a name)."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and line[0] != "#"]


def read_rows(path: Path) -> Iterator[Entry]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            sources = [s for s in row.get("source", "").split(";") if s]
            yield Entry(row["name"], row["type"], list(row.get("aliases", [])), sources)


def read_curation(folder: Path = CURATION) -> Curation:
    def keys(fname: str) -> set[str]:
        return {normalize_key(n) for n in read_lines(folder / fname)}

    additions = []
    for row in map(json.loads, read_lines(folder / "additions.jsonl")):
        if row["type"] not in TYPES:
            raise ValueError(f"additions.jsonl: unknown type {row['type']!r} for {row['name']!r}")
        additions.append(Entry(row["name"], row["type"], list(row.get("aliases", [])), [CURATED]))
    force_type = {}
    for line in read_lines(folder / "force_type.tsv"):
        name, _, typ = line.rpartition("\t")
        if typ.strip() not in (*TYPES, "-"):
            raise ValueError(f"force_type.tsv: unknown type {typ!r} for {name!r}")
        force_type[normalize_key(name)] = typ.strip()
    word_counts = {}
    for line in read_lines(folder / "word_counts.tsv"):
        word, lower, capitalised = line.split("\t")
        word_counts[word] = (int(lower), int(capitalised))
    return Curation(
        additions=additions,
        stop={"*": keys("stop_any.txt"), **{t: keys(f"stop_{f}.txt") for t, f in FILES.items()}},
        stop_aliases=keys("stop_aliases.txt"),
        force_type=force_type,
        keep_case=keys("keep_case.txt"),
        keep_names=keys("keep_names.txt"),
        acronyms=keys("acronyms.txt"),
        two_letter=keys("two_letter.txt"),
        word_counts=word_counts,
        ordinary_phrases=keys("ordinary_phrases.txt"),
    )


def load_raw(data_dir: Path, folder: Path = CURATION) -> list[Entry]:
    """The compiled rows of `data_dir`, then the mined corpus terms not judged to be no terms."""
    rows = []
    for typ, fname in FILES.items():
        for e in read_rows(data_dir / f"{fname}.jsonl"):
            if e.type != typ:
                raise ValueError(f"{fname}.jsonl: row {e.name!r} has type {e.type!r}, expected {typ!r}")
            rows.append(e)
    return rows + read_mined_terms(folder)


def read_mined_terms(folder: Path = CURATION) -> list[Entry]:
    """Rows of corpus_terms.tsv (phrase, type, abstracts) not listed in stop_corpus_terms.txt."""
    path = folder / "corpus_terms.tsv"
    if not path.exists():
        return []
    rejected = {normalize_key(n) for n in read_lines(folder / "stop_corpus_terms.txt")}
    rows = []
    for line in read_lines(path):
        phrase, typ, _ = line.split("\t")
        if typ not in TYPES:
            raise ValueError(f"corpus_terms.tsv: unknown type {typ!r} for {phrase!r}")
        if normalize_key(phrase) not in rejected:
            rows.append(Entry(phrase, typ, [], [MINED]))
    return rows


# ---------------------------------------------------------------- form rules


def clean_form(text: str) -> str:
    """NFC, one space between words, parenthesised qualifiers dropped (sizes kept).

    >>> [clean_form(s) for s in ("Llama 2  (13B)", "DAVIS 2017 (val)", "TXL-PBC: a freely accessible set")]
    ['Llama 2 13B', 'DAVIS 2017', 'TXL-PBC']
    """
    text = unicodedata.normalize("NFC", text).replace("\u2013", "-").replace("\u2019", "'")
    text = _PAREN.sub(lambda m: " " + m.group(1) if _SIZE.match(m.group(1).strip()) else "", text)
    if ": " in text:  # "X: a benchmark for ..." is a paper title; its head is the name
        text = text.split(": ", 1)[0]
    return _SPACES.sub(" ", text).strip()


def is_usable_form(form: str) -> bool:
    """A form prose can contain: 2+ characters, a letter, at most MAX_WORDS words, no odd symbols.

    >>> [is_usable_form(s) for s in ("GSM8K", "WHAM!", "X", "MSMT17->Duke", "How do I ask?", "2019", "Li et al")]
    [True, True, False, False, False, False, False]
    """
    if len(form) < 2 or not any(c.isalpha() for c in form):
        return False
    if _BAD_CHARS.search(form) or "!" in form.rstrip("!") or "(" in form or ")" in form:
        return False
    return len(form.split()) <= MAX_WORDS


def is_strict(form: str) -> bool:
    """True when the extractor refuses all-lower-case text for this form (upper case, no digit)."""
    return any(c.isupper() for c in form) and not any(c.isdigit() for c in form)


def term_case(form: str, cur: Curation) -> str:
    """Lower-case a Method/Task/Metric form written in Title Case, so running text matches it.

    A phrase is lower-cased; a single word only when abstracts write it in lower case
    at least as often as capitalised ("Dropout" -> "dropout", but "Hydra" and "Swish"
    stay, as lower-case "hydra" would be an ordinary word). Acronyms and inner
    capitals ("RGB-D", "BiLSTM") keep the form as it is.

    >>> cur = Curation(word_counts={"dropout": (353, 98), "hydra": (0, 40)})
    >>> [term_case(f, cur) for f in ("Image Captioning", "Dropout", "Hydra", "RGB-D Salient Object Detection")]
    ['image captioning', 'dropout', 'Hydra', 'RGB-D Salient Object Detection']
    """
    if not is_strict(form) or normalize_key(form) in cur.keep_case:
        return form
    words = [w for w in re.split(r"[\s\-/]+", form) if w]
    if not all(_TITLE_WORD.match(w) or _LOWER_WORD.match(w) or not any(c.isalpha() for c in w) for w in words):
        return form
    if len(words) == 1:
        lower, capitalised = cur.word_counts.get(form.lower(), (0, 0))
        if lower == 0 or lower < capitalised:
            return form
    return form.lower()


def is_ordinary_word(form: str, cur: Curation) -> bool:
    """A single word that abstracts use as a plain word ("Time", "Spot", "Drop").

    >>> cur = Curation(word_counts={"time": (32685, 1029), "whisper": (23, 543)})
    >>> is_ordinary_word("Time", cur), is_ordinary_word("Whisper", cur)
    (True, False)
    """
    lower, capitalised = cur.word_counts.get(form.lower(), (0, 0))
    return lower >= ORDINARY_MIN_LOWER and lower >= capitalised


def is_unlisted_acronym(form: str, cur: Curation) -> bool:
    """A short all-capital form that acronyms.txt does not vouch for.

    Most of the thousand such names of the compiled lists are obscure leaderboard
    entries that stand for something else in most abstracts (a dataset "CPU", "MIT").
    """
    return bool(_ACRONYM.match(form)) and normalize_key(form) not in cur.acronyms


def needs_phrase_check(form: str) -> bool:
    """Dataset/Model forms judged as phrases by ordinary_phrases.txt: two words or a hyphen,
    a capital and no digit (single words are judged by word_counts.tsv; forms with a
    digit are specific enough)."""
    return not any(c.isdigit() for c in form) and any(c.isupper() for c in form) and (" " in form or "-" in form)


def is_plain_use(form: str, text: str, initial: bool) -> bool:
    """True when `text` writes in lower case every word that `form` capitalises.

    The first word may keep its capital at a sentence start. Letters are compared one
    by one, so spelling variants line up ("Con-Text" and "Context").

    >>> is_plain_use("Hate Speech", "hate speech", initial=False)
    True
    >>> is_plain_use("Experimental Results", "Experimental results", initial=True)
    True
    >>> is_plain_use("SWE-Bench Verified", "SWE-bench verified", initial=False)
    False
    >>> is_plain_use("PASCAL VOC", "Pascal VOC", initial=False)
    False
    """
    words = _LETTER_RUNS.findall(form)
    letters = [c for c in text if c.isalpha()]
    if sum(map(len, words)) != len(letters):
        return False
    pos, lowered = 0, []
    for i, word in enumerate(words):
        part = "".join(letters[pos : pos + len(word)])
        pos += len(word)
        if any(c.isupper() for c in word) and not (i == 0 and initial):
            lowered.append(part.islower())
    return bool(lowered) and all(lowered)


def form_ok(form: str, typ: str, cur: Curation, alias: bool) -> bool:
    """The rules every uncurated name and alias passes; each `return False` says why not.

    >>> cur = Curation(acronyms={"ner"}, two_letter={"mt"}, word_counts={"race": (385, 38)})
    >>> [form_ok(a, "Task", cur, alias=True) for a in ("MT", "QA", "NER", "CPU", "X")]
    [True, False, True, False, False]
    >>> [form_ok(n, "Dataset", cur, alias=False) for n in ("RACE", "MultiRC")]
    [False, True]
    >>> [form_ok(n, "Task", cur, alias=False) for n in ("MTEB Benchmark", "dataset distillation", "subspace methods")]
    [False, True, False]
    """
    key = normalize_key(form)
    if not is_usable_form(form) or cur.stopped(key, typ) or (alias and key in cur.stop_aliases):
        return False
    if len(key) <= 2 and not any(c.isdigit() for c in key):
        return key in cur.two_letter  # "RR", "CR", "IS": a different thing in every paper
    if is_unlisted_acronym(form, cur):
        return False
    if key in cur.keep_names:
        return True
    if typ in TERM_TYPES and form.split()[-1].lower() in DATASET_NOUNS:
        return False  # "MTEB Benchmark", "vietnamese datasets" filed as tasks: a dataset or none
    if typ == "Task" and key not in cur.force_type and form.split()[-1].lower() in TECHNIQUE_NOUNS:
        return False  # "subspace methods", "tensor networks" filed as tasks: a technique or a class
    if typ in PROPER_TYPES and key in cur.ordinary_phrases:
        return False  # "Hate Speech", "Experimental Results" as dataset names
    # Ordinary single words: never as proper names or capitalised terms ("Time", "Spot");
    # as lower-case terms ("dropout", "accuracy") they are reviewed in the audit instead.
    if " " not in form and (typ in PROPER_TYPES or is_strict(form) or alias):
        return not is_ordinary_word(form, cur)
    return True


# ---------------------------------------------------------------- building


def normalise_entry(e: Entry, cur: Curation, curated: bool) -> Entry | None:
    """Clean the name and aliases of one row; None when an uncurated name fails the rules.

    Curated rows are written as they should match and skip the rules.
    """
    forms = [clean_form(f) for f in (e.name, *e.aliases)]
    if e.type in TERM_TYPES and not curated:
        forms = [term_case(f, cur) for f in forms]
    name, aliases = forms[0], forms[1:]
    if not curated and not form_ok(name, e.type, cur, alias=False):
        return None
    seen = {name.lower()}
    kept = []
    for a in aliases:
        if a.lower() not in seen and (curated or form_ok(a, e.type, cur, alias=True)):
            kept.append(a)
        seen.add(a.lower())
    return Entry(name, e.type, kept, list(e.sources))


def merge_into(target: Entry, other: Entry) -> None:
    """Fold `other` (same key) into `target`: aliases and sources are united."""
    seen = {target.name.lower(), *(a.lower() for a in target.aliases)}
    for form in (other.name, *other.aliases):
        if form.lower() not in seen:
            seen.add(form.lower())
            target.aliases.append(form)
    target.sources.extend(s for s in other.sources if s not in target.sources)


def build(data_dir: Path, cur: Curation) -> dict[str, list[Entry]]:
    """All curation steps, in order; returns the entries of each type sorted by name."""
    # 1. Curated rows first, so their names, types and aliases win; then the compiled lists.
    by_type: dict[str, dict[str, Entry]] = {t: {} for t in TYPES}
    curated_type: dict[str, str] = {}
    for e in cur.additions:
        n = normalise_entry(e, cur, curated=True)
        if n.key in curated_type:
            raise ValueError(f"additions.jsonl: {e.name!r} is listed twice")
        curated_type[n.key] = n.type
        by_type[n.type][n.key] = n
    curated_alias = {normalize_key(a): e for t in TYPES for e in by_type[t].values() for a in e.aliases}
    for e in load_raw(data_dir):
        n = normalise_entry(e, cur, curated=False)
        if n is None:
            continue
        if n.key in curated_alias and n.key not in curated_type:
            # a curated alias ("CoT") names the curated entry; a row of the same type adds credit
            target = curated_alias[n.key]
            if target.type == n.type:
                target.sources.extend(s for s in n.sources if s not in target.sources)
            continue
        table = by_type[n.type]
        if n.key in table:
            merge_into(table[n.key], n)
        else:
            table[n.key] = n

    # "IMDb dataset" and "IMDb" are one dataset: the longer row becomes an alias.
    datasets = by_type["Dataset"]
    for key, e in list(datasets.items()):
        head = _GENERIC_TAIL.sub("", e.name)
        if head != e.name and normalize_key(head) in datasets and normalize_key(head) != key:
            merge_into(datasets[normalize_key(head)], datasets.pop(key))

    # 2. One type per name: the forced type, else the curated type, else PRECEDENCE.
    owners: dict[str, set[str]] = collections.defaultdict(set)
    for typ in TYPES:
        for key in by_type[typ]:
            owners[key].add(typ)
    for key, types in owners.items():
        target = cur.force_type.get(key) or curated_type.get(key) or next(t for t in PRECEDENCE if t in types)
        losers = [by_type[t].pop(key) for t in TYPES if t != target and key in by_type[t]]
        if target == "-" or not losers:
            continue
        winner = by_type[target].get(key)
        if winner is None:  # forced into a type that did not list it: the row moves
            winner = losers.pop(0)
            winner.type = target
            by_type[target][key] = winner
        for loser in losers:
            # Papers with Code files released networks (CLIP, BERT) as methods: the same
            # thing, so its aliases follow. Other clashes are homonyms (SAM the metric).
            if {winner.type, loser.type} == {"Model", "Method"}:
                merge_into(winner, loser)

    # 3. One owner per alias: not another entry's name, not forced elsewhere, declared in
    #    additions.jsonl for this entry if declared at all ("RL" is reinforcement learning,
    #    not ROUGE-L), and else the first entry to claim it (curated first, then PRECEDENCE).
    name_type = {key: typ for typ in TYPES for key in by_type[typ]}
    claimed = {normalize_key(a) for e in cur.additions for a in e.aliases}
    declared = {(normalize_key(a), normalize_key(clean_form(e.name))) for e in cur.additions for a in e.aliases}
    ordered = sorted(
        (e for typ in TYPES for e in by_type[typ].values()),
        key=lambda e: (CURATED not in e.sources, PRECEDENCE.index(e.type), e.key),
    )
    for e in ordered:
        kept = []
        for a in e.aliases:
            akey = normalize_key(a)
            if akey != e.key and (akey, e.key) not in declared:
                if akey in name_type or akey in claimed or cur.force_type.get(akey, e.type) != e.type:
                    continue
                claimed.add(akey)
            kept.append(a)
        e.aliases = kept

    return {t: sorted(by_type[t].values(), key=lambda e: (e.name.casefold(), e.name)) for t in TYPES}


def write(entries: dict[str, list[Entry]], out_dir: Path) -> dict[str, int]:
    for typ, rows in entries.items():
        (out_dir / f"{FILES[typ]}.jsonl").write_text("".join(e.to_json() + "\n" for e in rows), encoding="utf-8")
    return {typ: len(rows) for typ, rows in entries.items()}


def update_readme(path: Path, entries: dict[str, list[Entry]]) -> None:
    """Rewrite the table between the counts markers of kg/resources/README.md, if present."""
    start, end = "<!-- counts:start -->", "<!-- counts:end -->"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if start not in text or end not in text:
        return
    lines = [start, "", "| file | entries | with aliases | aliases | from kg-curated |"]
    lines.append("|---|---:|---:|---:|---:|")
    for typ, rows in entries.items():
        lines.append(
            f"| `{FILES[typ]}.jsonl` | {len(rows):,} | {sum(bool(e.aliases) for e in rows):,} "
            f"| {sum(len(e.aliases) for e in rows):,} | {sum(CURATED in e.sources for e in rows):,} |"
        )
    lines += [f"| total | {sum(len(r) for r in entries.values()):,} | | | |", "", end]
    head, rest = text.split(start, 1)
    path.write_text(head + "\n".join(lines) + rest.split(end, 1)[1], encoding="utf-8")


# ---------------------------------------------------------------- corpus checks


def read_corpus(path: Path, limit: int | None = None, titles: bool = True) -> Iterator[str]:
    """Title and abstract of each record of a JSONL(.gz) corpus (the abstract only without titles)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                return
            row = json.loads(line)
            yield f"{row.get('title', '')}\n{row.get('abstract', '')}" if titles else row.get("abstract", "")


def spelling_variants(form: str) -> list[str]:
    """The variants the extractor matches: as written, hyphen removed, hyphen as space."""
    return list(dict.fromkeys([form, form.replace("-", ""), form.replace("-", " ")]))


def audit(entries: dict[str, list[Entry]], corpus: Path, n_docs: int = 20000, top: int = 60) -> None:
    """Print, per type, the entries matched in most documents, with the texts they matched.

    Matches follow the extractor's policy (LOWER phrase match, strict forms refuse
    all-lower-case text) and keep only the longest of overlapping matches.
    """
    import spacy
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Span
    from spacy.util import filter_spans

    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    labels = []
    for typ in TYPES:
        for e in entries[typ]:
            for form in (e.name, *e.aliases):
                labels.append((typ, e.name, is_strict(form)))
                matcher.add(str(len(labels) - 1), list(nlp.tokenizer.pipe(spelling_variants(form))))
    df: collections.Counter = collections.Counter()
    texts: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    for doc in nlp.tokenizer.pipe(read_corpus(corpus, n_docs), batch_size=256):
        spans = []
        for match_id, start, end in matcher(doc):
            typ, name, strict = labels[int(nlp.vocab.strings[match_id])]
            span = Span(doc, start, end, label=typ, kb_id=name)
            if not (strict and span.text == span.text.lower()):
                spans.append(span)
        seen = set()
        for span in filter_spans(spans):
            key = (span.label_, span.kb_id_)
            texts[key][span.text] += 1
            if key not in seen:
                seen.add(key)
                df[key] += 1
    for typ in TYPES:
        print(f"\n== {typ}: top {top} by documents matched (of {n_docs})")
        for (t, name), n in sorted(((k, v) for k, v in df.items() if k[0] == typ), key=lambda kv: -kv[1])[:top]:
            forms = ", ".join(f"{s!r}x{c}" for s, c in texts[(t, name)].most_common(4))
            print(f"{n:6d}  {name}  <- {forms}")


def word_counts(rows: Iterable[Entry], corpus: Path) -> dict[str, tuple[int, int]]:
    """For each single-word name or alias of the lists: how often abstracts write it in
    lower case, and how often capitalised or upper-case away from a sentence start."""
    import spacy

    wanted = set()
    for e in rows:
        for form in (e.name, *e.aliases):
            form = clean_form(form)
            if form.isalpha():
                wanted.add(form.lower())
    nlp = spacy.blank("en")
    lower: collections.Counter = collections.Counter()
    capitalised: collections.Counter = collections.Counter()
    for doc in nlp.tokenizer.pipe(read_corpus(corpus, titles=False), batch_size=512):
        prev = "."
        for tok in doc:
            word = tok.text.lower()
            if word in wanted:
                if tok.text.islower():
                    lower[word] += 1
                elif prev not in _SENTENCE_END:
                    capitalised[word] += 1
            prev = tok.text
    return {w: (lower[w], capitalised[w]) for w in sorted(wanted) if lower[w] or capitalised[w]}


def ordinary_phrases(rows: Iterable[Entry], corpus: Path) -> list[str]:
    """Dataset/Model phrases (see needs_phrase_check) that abstracts mostly use as plain words.

    Each match of a phrase (with the extractor's spelling variants) is a plain use when
    is_plain_use says so, and a named use when it keeps the name's capitals away from a
    sentence start. A phrase is ordinary when it has at least 5 plain uses and no more
    named uses than plain ones ("Hate Speech" goes, "Conceptual Captions" stays).
    """
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    forms: list[str] = []
    for e in rows:
        if e.type in PROPER_TYPES:
            for form in map(clean_form, (e.name, *e.aliases)):
                if needs_phrase_check(form) and is_usable_form(form) and form not in forms:
                    matcher.add(str(len(forms)), list(nlp.tokenizer.pipe(spelling_variants(form))))
                    forms.append(form)
    plain: collections.Counter = collections.Counter()
    named: collections.Counter = collections.Counter()
    for doc in nlp.tokenizer.pipe(read_corpus(corpus, titles=False), batch_size=512):
        for match_id, start, end in matcher(doc):
            form = forms[int(nlp.vocab.strings[match_id])]
            initial = start == 0 or doc[start - 1].text in _SENTENCE_END
            if is_plain_use(form, doc[start:end].text, initial):
                plain[form] += 1
            elif not initial:
                named[form] += 1
    return sorted(f for f in forms if plain[f] >= 5 and plain[f] >= named[f])


def write_corpus_stats(data_dir: Path, corpus: Path, folder: Path = CURATION) -> None:
    rows = [*load_raw(data_dir), *read_curation(folder).additions]
    header = f"# Generated by `python tools/build_gazetteers.py --corpus-stats {corpus.name}`; do not edit.\n"
    counts = word_counts(rows, corpus)
    (folder / "word_counts.tsv").write_text(
        header
        + "# word<TAB>lower-case uses<TAB>capitalised uses away from a sentence start (abstracts only)\n"
        + "".join(f"{w}\t{lo}\t{ca}\n" for w, (lo, ca) in counts.items()),
        encoding="utf-8",
    )
    phrases = ordinary_phrases(rows, corpus)
    (folder / "ordinary_phrases.txt").write_text(
        header
        + "# Dataset/Model phrases that abstracts mostly use as plain words.\n"
        + "".join(p + "\n" for p in phrases),
        encoding="utf-8",
    )
    print(f"word_counts.tsv: {len(counts):,} words; ordinary_phrases.txt: {len(phrases):,} phrases")


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA, help="the compiled name lists")
    parser.add_argument("--out-dir", type=Path, default=DEFAULT_OUT, help="where the JSONL files go")
    parser.add_argument(
        "--audit", type=Path, metavar="CORPUS", help="report the top matchers in a JSONL(.gz) corpus"
    )
    parser.add_argument("--audit-docs", type=int, default=20000, help="documents read by --audit")
    parser.add_argument("--audit-top", type=int, default=60, help="entries listed per type by --audit")
    parser.add_argument("--corpus-stats", type=Path, metavar="CORPUS", help="regenerate the corpus-derived files")
    args = parser.parse_args(argv)

    if args.corpus_stats:
        write_corpus_stats(args.data_dir, args.corpus_stats)
        return 0
    entries = build(args.data_dir, read_curation())
    counts = write(entries, args.out_dir)
    update_readme(args.out_dir / "README.md", entries)
    for typ, n in counts.items():
        print(f"{typ:8s} {n:6,d}  {args.out_dir / (FILES[typ] + '.jsonl')}")
    print(f"{'total':8s} {sum(counts.values()):6,d}")
    if args.audit:
        audit(entries, args.audit, args.audit_docs, args.audit_top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
