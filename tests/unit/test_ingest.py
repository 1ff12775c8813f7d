"""read_papers: files and folders in, one Paper per paper out, with a summary."""

from __future__ import annotations

import datetime as dt
import doctest
import gzip
import itertools
import json
import shutil
from pathlib import Path

import pytest

import kg.ingest
from kg.errors import InputError
from kg.ingest import IngestSummary, detect_format, iter_input_files, read_papers, sniff_format
from kg.ingest.ids import title_id

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SEED_000 = EXAMPLES / "000_3472a3ad1e7b0f8f.txt"
SEED_002 = EXAMPLES / "002_bfb9b92e3007a05a.txt"
SEED_003 = EXAMPLES / "003_d49c66286add6fa3.txt"
SHORTCUT = (
    "Shortcut Learning in Generalist Robot Policies: The Role of Dataset Diversity and"
    " Fragmentation"
)
ABSTRACT = "We study a thing. " * 30


def _write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "module",
    ["kg.ingest", "kg.ingest.ids", "kg.ingest.dates", "kg.ingest.textio", "kg.ingest.summary",
     "kg.ingest.records", "kg.ingest.merge", "kg.ingest.listing", "kg.ingest.jsonl",
     "kg.ingest.csv_reader"],
)  # fmt: skip
def test_ingest_docstring_examples_run(module, monkeypatch):
    monkeypatch.chdir(ROOT)  # kg.ingest's example reads examples/
    result = doctest.testmod(__import__(module, fromlist=["_"]))
    assert result.attempted > 0 and result.failed == 0


def test_ingest_seeds_give_distinct_papers_with_summary():
    summary = IngestSummary()
    papers = list(read_papers([EXAMPLES], summary))
    assert len(papers) == len({p.id for p in papers}) == 185
    assert (summary.files, summary.read, summary.duplicates, summary.skipped) == (3, 220, 35, 0)
    assert summary.papers == 185 and summary.warnings == []


def test_ingest_paper_in_two_seed_files_is_one_merged_paper():
    papers = [p for p in read_papers([SEED_000, SEED_003]) if p.title == SHORTCUT]
    assert len(papers) == 1
    (paper,) = papers
    assert paper.sources == [f"{SEED_000}:273", f"{SEED_003}:145"]
    # 000 lists it as "Aug 8, 2025 2", 003 as "Aug 8 2": the complete date wins and
    # the year-less text is dropped.
    assert (paper.date, paper.date_text, paper.upvotes, paper.authors_count) == (
        dt.date(2025, 8, 8), None, 2, 6,
    )  # fmt: skip


def test_ingest_merge_takes_first_non_null_per_field():
    # 002 has no metadata; 003, read second, supplies it.
    (paper,) = [
        p for p in read_papers([SEED_002, SEED_003])
        if p.title == "Easy2Hard-Bench: Standardized Difficulty Labels for Profiling LLM"
        " Performance and Generalization"
    ]  # fmt: skip
    assert paper.sources == [f"{SEED_002}:27", f"{SEED_003}:369"]
    assert (paper.authors_count, paper.date) == (11, dt.date(2024, 9, 26))


def test_ingest_ids_are_stable_across_runs():
    first = [p.id for p in read_papers([EXAMPLES])]
    second = [p.id for p in read_papers([EXAMPLES])]
    assert first == second
    assert title_id(SHORTCUT) in first


def test_ingest_directories_are_walked_sorted_skipping_hidden_and_readme(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".cache").mkdir()
    for name in ("b/2.txt", "a.txt", "README.md", ".hidden.txt", ".cache/x.txt", "readme-more.md"):
        (tmp_path / name).write_text(f"T {name}\n\n{ABSTRACT}\n", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_input_files([tmp_path])]
    assert found == ["a.txt", "b/2.txt"]
    # A file named directly is read, README or not, and only once.
    readme = tmp_path / "README.md"
    assert list(iter_input_files([readme, tmp_path, readme])) == [
        readme, tmp_path / "a.txt", tmp_path / "b" / "2.txt",
    ]  # fmt: skip


def test_ingest_missing_path_raises():
    with pytest.raises(InputError, match=r"^nowhere\.txt: no such file or directory; check"):
        list(read_papers(["nowhere.txt"]))


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("papers", '\n  {"title": "A"}\n', "jsonl"),
        ("table", "id,Title,abstract\n1,A,x\n", "csv"),
        ("table.data", "Title\tabstract\nA\tx\n", "csv"),
        ("dump", "new\n\nDaily Papers\n\nA Title\n", "listing"),
        ("x.ndjson", "anything", "jsonl"),
        ("x.JSONL.GZ", None, "jsonl"),
        ("x.md", "anything", "listing"),
    ],
)
def test_ingest_detect_format(tmp_path, name, content, expected):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert detect_format(path) == expected


def test_ingest_sniffing_reads_files_without_extension(tmp_path):
    _write_jsonl(tmp_path / "papers", [{"arxiv_id": "2401.00001", "title": "J"}])
    (tmp_path / "table").write_text("Title,Abstract\nC,x\n", encoding="utf-8")
    (tmp_path / "dump").write_text(f"new\n\nL\n\n{ABSTRACT}\n", encoding="utf-8")
    assert sorted(p.title for p in read_papers([tmp_path])) == ["C", "J", "L"]


def test_ingest_json_array_is_refused_with_advice(tmp_path):
    (tmp_path / "papers.json").write_text('[{"title": "A"}]', encoding="utf-8")
    summary = IngestSummary()
    assert list(read_papers([tmp_path], summary)) == []
    assert summary.warnings == [
        f"{tmp_path / 'papers.json'}: a JSON array is not supported; write one JSON object per"
        " line (JSONL); file skipped"
    ]


def test_ingest_malformed_record_warns_with_file_and_line_and_goes_on(tmp_path, caplog):
    path = tmp_path / "p.jsonl"
    path.write_text('{"title": "A", "abstract": "a"}\n{"title": \n{"abstract": "x"}\n{"title": "B", "abstract": "b"}\n')
    summary = IngestSummary()
    with caplog.at_level("WARNING", logger="kg.ingest"):
        titles = [p.title for p in read_papers([path], summary)]
    assert titles == ["A", "B"]
    assert (summary.read, summary.skipped) == (2, 2)
    assert summary.warnings[0].startswith(f"{path}:2: not valid JSON")
    assert summary.warnings[1] == f"{path}:3: record has no title; skipped"
    assert len(caplog.records) == 2


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL bytes)"),
        ("blob.txt", b"abc\x00\x01\x02", "binary file (NUL bytes)"),
        ("bad.jsonl.gz", b"not gzip at all", "cannot be read"),
        ("bad.csv", b"name,abstract\nA,x\n", "the header has no 'title' column"),
    ],
)
def test_ingest_unreadable_file_is_one_warning_and_the_batch_goes_on(
    tmp_path, name, data, message
):
    (tmp_path / name).write_bytes(data)
    shutil.copy(SEED_000, tmp_path / "seed.txt")
    summary = IngestSummary()
    papers = list(read_papers([tmp_path], summary))
    assert len(papers) == 57
    assert len(summary.warnings) == 1
    assert summary.warnings[0].startswith(str(tmp_path / name))
    assert message in summary.warnings[0]
    assert summary.files == 2


def test_ingest_jsonl_duplicates_are_dropped_and_counted(tmp_path):
    records = [
        {"arxiv_id": "2401.00001v1", "title": "A", "upvotes": 1},
        {"arxiv_id": "2401.00002", "title": "B"},
        {"id": "2401.00001v2", "title": "A (v2)", "upvotes": 9},
        {"title": "b."},  # title-only record of B
    ]
    summary = IngestSummary()
    papers = list(read_papers([_write_jsonl(tmp_path / "p.jsonl", records)], summary))
    assert [(p.id, p.title, p.upvotes) for p in papers] == [
        ("2401.00001", "A", 1), ("2401.00002", "B", None),
    ]  # fmt: skip
    assert (summary.read, summary.duplicates, summary.papers) == (4, 2, 2)


def test_ingest_listing_paper_merges_with_jsonl_record_of_same_title(tmp_path):
    listing = tmp_path / "page.txt"
    listing.write_text(f"Meta-World: A Benchmark\n\n{ABSTRACT}\n\n  • 10 authors\n·\n"
                       "Oct 23, 2019 4\n", encoding="utf-8")  # fmt: skip
    corpus = _write_jsonl(
        tmp_path / "corpus.jsonl",
        [{"arxiv_id": "1910.10897", "title": "Meta-World: a benchmark", "abstract": "Short.",
          "authors": "A, B", "listed": "2019-10-24"}],
    )  # fmt: skip
    summary = IngestSummary()
    (paper,) = read_papers([listing, corpus], summary)
    assert (paper.id, paper.arxiv_id, paper.title) == (
        "1910.10897", "1910.10897", "Meta-World: A Benchmark",
    )  # fmt: skip
    # The listing was named first, so its values win; JSONL fills the gaps.
    assert paper.abstract == ABSTRACT.strip()
    assert (paper.authors_count, paper.authors) == (10, ["A", "B"])
    assert (paper.date, paper.upvotes) == (dt.date(2019, 10, 23), 4)
    assert paper.sources == [f"{listing}:1", f"{corpus}:1"]
    assert summary.duplicates == 1
    # Named the other way round, the JSONL record comes first.
    (paper,) = read_papers([corpus, listing])
    assert (paper.abstract, paper.date) == ("Short.", dt.date(2019, 10, 24))
    assert paper.sources == [f"{corpus}:1", f"{listing}:1"]


def test_ingest_two_arxiv_papers_with_one_title_stay_two(tmp_path):
    corpus = _write_jsonl(
        tmp_path / "c.jsonl",
        [{"arxiv_id": "2401.00001", "title": "Survey"},
         {"arxiv_id": "2402.00002", "title": "Survey"}],
    )
    table = tmp_path / "t.csv"
    table.write_text("arxiv_id,title\n2403.00003,Survey\n", encoding="utf-8")
    assert sorted(p.id for p in read_papers([corpus, table])) == [
        "2401.00001", "2402.00002", "2403.00003",
    ]  # fmt: skip


def test_ingest_jsonl_streams(tmp_path):
    path = tmp_path / "big.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for i in range(5000):
            fh.write(json.dumps({"arxiv_id": f"2501.{i:05d}", "title": f"T{i}"}) + "\n")
    summary = IngestSummary()
    first = list(itertools.islice(read_papers([path], summary), 3))
    assert [p.id for p in first] == ["2501.00000", "2501.00001", "2501.00002"]
    assert summary.read == 3  # nothing read ahead of what was asked for


def test_ingest_summary_is_optional():
    assert len(list(kg.ingest.read_papers([SEED_002]))) == 96


def test_ingest_sniff_format_json_array_raises():
    with pytest.raises(InputError, match="JSON array is not supported"):
        sniff_format('  [{"title": "A"}]')
