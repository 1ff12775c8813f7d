"""Mine established technique and task terms from the arXiv corpus.

The extractor finds a lower-case term by its head word ("imitation learning",
"object detection") only for head words that nearly always end a term (type_cues.json,
"term_head"). Other head words also end ordinary phrases ("model training", "future
prediction", "our model"), so for them only the phrases the field writes again and
again are terms: "adversarial training", "link prediction", "importance sampling".

This script counts, for each such head word of `corpus_heads.tsv`, the lower-case
phrases of one to three modifier words before it (the extractor's own modifier rules,
`kg.extract.patterns.term_modifiers_before`) in the abstracts of a corpus, and writes those
used in at least MIN_DOCS abstracts and not yet in the shipped lists to
`corpus_terms.tsv`. A phrase is counted where it is the whole run of modifiers before
the head ("mixed precision training", not its tail "precision training"), so that
parts of longer terms do not pass as terms. The build adds every row not in
`stop_corpus_terms.txt`, which holds the rows read and judged not to be terms.

It also writes `kg/resources/familiar_terms.txt`: every phrase, listed or not, that ends
in one of these head words or in a term head word of `type_cues.json` and is written in
lower case in at least FAMILIAR_MIN_DOCS abstracts ("online reinforcement learning",
"layer pruning", "joint optimization"). The extractor reads it to tell a phrase the field
uses from a name a paper coins: "X: ... via Layer Pruning" applies a familiar technique.

Usage:

    python tools/mine_terms.py ../shared/corpus/arxiv-daily.jsonl.gz   # seconds
    python tools/build_gazetteers.py
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

from build_gazetteers import CURATION, MINED, read_corpus, read_lines  # noqa: E402
from kg.extract.gazetteer import read_gazetteer  # noqa: E402
from kg.extract.patterns import term_modifiers_before  # noqa: E402
from kg.models import normalize_key  # noqa: E402

MIN_DOCS = 6
FAMILIAR_MIN_DOCS = 10
HEADS_FILE = CURATION / "corpus_heads.tsv"
OUT_FILE = CURATION / "corpus_terms.tsv"
FAMILIAR_FILE = REPO / "kg" / "resources" / "familiar_terms.txt"


def read_heads(path: Path = HEADS_FILE) -> dict[str, str]:
    """head word -> the type of the terms it ends."""
    return dict(line.split("\t") for line in read_lines(path))


def count_phrases(texts, heads: dict[str, str]) -> collections.Counter:
    """Number of texts that write each (phrase, type) as a whole run of modifiers plus a head."""
    head_re = re.compile(r"(?<![\w\-])(" + "|".join(map(re.escape, sorted(heads, key=len, reverse=True))) + r")(?![\w\-])")
    docs: collections.Counter = collections.Counter()
    for text in texts:
        seen = set()
        for match in head_re.finditer(text):
            kept = term_modifiers_before(text, match.start(), title_case=False)
            if kept and all(w.islower() for w in kept):
                seen.add((" ".join(kept + [match.group()]), heads[match.group()]))
        docs.update(seen)
    return docs


def new_terms(docs: collections.Counter, min_docs: int = MIN_DOCS) -> list[tuple[str, str, int]]:
    """(phrase, type, documents) for phrases frequent enough and not in the shipped lists."""
    listed = {
        normalize_key(s)
        for row in read_gazetteer()
        if row["source"] != MINED  # earlier mined rows are mined again
        for s in (row["name"], *row.get("aliases", ()))
    }
    rows = [(p, t, n) for (p, t), n in docs.items() if n >= min_docs and normalize_key(p) not in listed]
    return sorted(rows, key=lambda r: (r[1], -r[2], r[0]))


def term_heads() -> dict[str, str]:
    """head word -> type, for the head words that always end a term (type_cues.json)."""
    cues = json.loads((REPO / "kg" / "resources" / "type_cues.json").read_text(encoding="utf-8"))
    return {word: typ for typ, words in cues["term_head"].items() for word in words}


def familiar_phrases(docs: collections.Counter, min_docs: int = FAMILIAR_MIN_DOCS) -> list[str]:
    """The phrases written in at least `min_docs` texts, sorted."""
    return sorted({phrase for (phrase, _), n in docs.items() if n >= min_docs})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="JSONL(.gz) with title/abstract per line")
    parser.add_argument("--min-docs", type=int, default=MIN_DOCS)
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        parser.error(f"{args.corpus}: no such file (the arXiv corpus lives in ../shared/corpus/)")
    familiar = familiar_phrases(count_phrases(read_corpus(args.corpus, titles=False), {**term_heads(), **read_heads()}))
    FAMILIAR_FILE.write_text(
        f"# Generated by `python tools/mine_terms.py {args.corpus.name}`; do not edit.\n"
        f"# Lower-case phrases ending in a term head word, each written in at least {FAMILIAR_MIN_DOCS}\n"
        "# of the corpus abstracts: phrases the field uses, not names a paper coins.\n"
        + "".join(f"{phrase}\n" for phrase in familiar),
        encoding="utf-8",
    )
    docs = count_phrases(read_corpus(args.corpus, titles=False), read_heads())
    rows = new_terms(docs, args.min_docs)
    header = (
        f"# Generated by `python tools/mine_terms.py {args.corpus.name}`; do not edit"
        " (reject rows in stop_corpus_terms.txt).\n# phrase\ttype\tabstracts\n"
    )
    OUT_FILE.write_text(header + "".join(f"{p}\t{t}\t{n}\n" for p, t, n in rows), encoding="utf-8")
    rejected = {normalize_key(n) for n in read_lines(CURATION / "stop_corpus_terms.txt")}
    kept = sum(normalize_key(p) not in rejected for p, _, _ in rows)
    print(f"{len(rows)} terms in {OUT_FILE.relative_to(REPO)}; {kept} not in stop_corpus_terms.txt,")
    print("which the build adds: read them and reject the ones that are no terms.")
    print(f"{len(familiar)} familiar phrases in {FAMILIAR_FILE.relative_to(REPO)}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
