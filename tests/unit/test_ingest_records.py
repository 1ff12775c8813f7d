"""The JSONL and CSV readers, the record field mapping and the paper ids."""

from __future__ import annotations

import datetime as dt
import gzip
import json

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kg.errors import InputError
from kg.ingest.csv_reader import read_csv
from kg.ingest.ids import arxiv_id_from_url, normalize_arxiv_id, normalize_title, title_id
from kg.ingest.jsonl import read_jsonl
from kg.ingest.records import paper_from_record, split_authors
from kg.ingest.summary import IngestSummary
from kg.models import Organization


def _write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# --- ids ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2503.24388", "2503.24388"),
        ("2503.24388v3", "2503.24388"),
        ("arXiv:0704.0001", "0704.0001"),
        ("hep-th/9901001v2", "hep-th/9901001"),
        ("P-17", None),
        ("2503.243", None),
        (2503.24388, None),
    ],
)
def test_ids_normalize_arxiv_id(value, expected):
    assert normalize_arxiv_id(value) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://arxiv.org/abs/2310.01234v2", "2310.01234"),
        ("http://arxiv.org/pdf/2310.01234.pdf", "2310.01234"),
        ("https://huggingface.co/papers/2509.21044", "2509.21044"),
        ("https://doi.org/10.1145/1234.56789", None),
        ("https://example.org/papers/2509.21044", None),
    ],
)
def test_ids_arxiv_id_from_url(url, expected):
    assert arxiv_id_from_url(url) == expected


def test_ids_title_id_is_sha1_of_normalized_title():
    title = "Super(ficial)-alignment:  Strong Models"
    assert normalize_title(title) == "super ficial alignment strong models"
    assert title_id("Meta-World: A Benchmark") == "t-e6868741ac7ad1d2"


@given(st.text(min_size=1), st.sampled_from(["", " ", "  ", ".", "!", " -- "]))
@example("ı", "")  # dotless i: upper() gives "I", which folds to "i"
def test_ids_title_id_ignores_case_spacing_and_punctuation(title, noise):
    assert title_id(title) == title_id(noise + title.upper() + noise)


# --- field mapping -------------------------------------------------------------------


def test_records_maps_known_fields_and_keeps_unknown_in_extra():
    paper = paper_from_record(
        {
            "ID": "P-17",
            "Title": "  A  Title\n",
            "abstract": "We\n show.",
            "authors": ["Ada Lovelace", " Charles Babbage "],
            "organization": {"handle": "deepmind", "name": "Deepmind"},
            "published": "2024-06-17T09:00:00Z",
            "upvotes": "12",
            "venue": "ICML",
            "notes": "",
        },
        "t.jsonl:4",
    )
    assert paper.id == title_id("A Title") and paper.arxiv_id is None
    assert (paper.title, paper.abstract) == ("A Title", "We show.")
    assert paper.authors == ["Ada Lovelace", "Charles Babbage"] and paper.authors_count == 2
    assert paper.organization == Organization(id="deepmind", name="Deepmind")
    assert (paper.date, paper.upvotes, paper.sources) == (dt.date(2024, 6, 17), 12, ["t.jsonl:4"])
    assert paper.extra == {"ID": "P-17", "venue": "ICML"}  # empty values are dropped


@pytest.mark.parametrize(
    ("record", "arxiv_id"),
    [
        ({"title": "T", "arxiv_id": "2401.00001v2"}, "2401.00001"),
        ({"title": "T", "id": "arXiv:2401.00001"}, "2401.00001"),
        ({"title": "T", "url": "https://arxiv.org/abs/2401.00001v1"}, "2401.00001"),
        ({"title": "T", "id": "42"}, None),
    ],
)
def test_records_arxiv_id_is_the_paper_id(record, arxiv_id):
    paper = paper_from_record(record, "r:1")
    assert paper.arxiv_id == arxiv_id
    assert paper.id == (arxiv_id or title_id("T"))


def test_records_unusable_known_value_goes_to_extra_with_warning():
    summary = IngestSummary()
    paper = paper_from_record(
        {"title": "T", "upvotes": "many", "date": "someday", "listed": "2025-01-02"}, "r:9", summary
    )
    assert paper.upvotes is None and paper.date == dt.date(2025, 1, 2)
    assert paper.extra == {"upvotes": "many", "date": "someday"}
    assert summary.warnings == [
        "r:9: date 'someday' is not a date; kept in extra",
        "r:9: upvotes 'many' is not a count; kept in extra",
    ]


def test_records_date_without_year_is_date_text():
    paper = paper_from_record({"title": "T", "date": "May 26"}, "r:1")
    assert (paper.date, paper.date_text) == (None, "May 26")


def test_records_explicit_authors_count_wins():
    paper = paper_from_record({"title": "T", "authors": "A, B", "authors_count": 7}, "r:1")
    assert (paper.authors, paper.authors_count) == (["A", "B"], 7)


@pytest.mark.parametrize("record", [{"abstract": "x"}, {"title": "  "}, {"title": None},
                                    {"title": ["a"]}])  # fmt: skip
def test_records_without_title_raise(record):
    with pytest.raises(InputError, match=r"^r:3: record has no title; skipped$"):
        paper_from_record(record, "r:3")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("A, B, and C", ["A", "B", "C"]),
        ("A and B", ["A", "B"]),
        ("Alexandra Andersen, Brandon Anderson", ["Alexandra Andersen", "Brandon Anderson"]),
        ("A; B", ["A", "B"]),
        ("", []),
    ],
)
def test_records_split_authors(value, expected):
    assert split_authors(value) == expected


# --- JSONL ---------------------------------------------------------------------------


def test_jsonl_reads_corpus_shaped_records(tmp_path):
    path = _write_jsonl(
        tmp_path / "c.jsonl",
        [{"arxiv_id": "2503.24388", "title": "T", "authors": "A, B, C", "abstract": "X.",
          "listed": "2025-04-01", "categories": ["AI", "NLP"]}],
    )  # fmt: skip
    (paper,) = read_jsonl(path)
    assert paper.id == paper.arxiv_id == "2503.24388"
    assert (paper.authors_count, paper.date) == (3, dt.date(2025, 4, 1))
    assert paper.extra == {"categories": ["AI", "NLP"]}
    assert paper.sources == [f"{path}:1"]


def test_jsonl_malformed_lines_are_skipped_with_file_and_line(tmp_path, caplog):
    path = tmp_path / "bad.jsonl"
    path.write_text(
        '{"title": "A"}\n{"title": "B",\n\n[1, 2]\n{"abstract": "no title"}\n{"title": "C"}\n',
        encoding="utf-8",
    )
    summary = IngestSummary()
    with caplog.at_level("WARNING", logger="kg.ingest"):
        titles = [paper.title for paper in read_jsonl(path, summary)]
    assert titles == ["A", "C"]
    assert summary.skipped == 3
    assert summary.warnings[0].startswith(f"{path}:2: not valid JSON")
    assert summary.warnings[1] == f"{path}:4: a JSON list, not an object; skipped"
    assert summary.warnings[2] == f"{path}:5: record has no title; skipped"
    assert [r.getMessage() for r in caplog.records] == summary.warnings


def test_jsonl_gzip_is_streamed(tmp_path):
    path = tmp_path / "c.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for i in range(3):
            fh.write(json.dumps({"arxiv_id": f"2501.0000{i}", "title": f"T{i}"}) + "\n")
    assert [p.id for p in read_jsonl(path)] == ["2501.00000", "2501.00001", "2501.00002"]


def test_jsonl_broken_gzip_raises_input_error(tmp_path):
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"title": "A"}\n' * 1000)[:-40])
    with pytest.raises(InputError, match=r"c\.jsonl\.gz: cannot be read"):
        list(read_jsonl(path))


@pytest.mark.parametrize(
    ("encoding", "title"),
    [("utf-8-sig", "Café"), ("utf-16", "Café"), ("latin-1", "Café"), ("utf-8", "Café")],
)
def test_jsonl_decodes_bom_utf16_and_latin1(tmp_path, encoding, title):
    path = tmp_path / "e.jsonl"
    path.write_bytes(('{"title": "%s"}\n{"title": "B"}\n' % title).encode(encoding))
    assert [p.title for p in read_jsonl(path)] == [title, "B"]


# --- CSV -----------------------------------------------------------------------------


def test_csv_maps_case_insensitive_headers_and_keeps_extra_columns(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text(
        "TITLE,Abstract,Authors,Upvotes,Venue\n"
        'A Title,"We show, in two lines,\nthat it works.","Ada, Bob",3,ICML\n',
        encoding="utf-8",
    )
    (paper,) = read_csv(path)
    assert paper.title == "A Title"
    assert paper.abstract == "We show, in two lines, that it works."
    assert (paper.authors, paper.authors_count, paper.upvotes) == (["Ada", "Bob"], 2, 3)
    assert paper.extra == {"Venue": "ICML"}


def test_csv_row_without_title_is_skipped_with_line(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text(
        'title,abstract\nA,"two\nlines"\n,orphan\nC,x\n', encoding="utf-8"
    )
    summary = IngestSummary()
    assert [p.title for p in read_csv(path, summary)] == ["A", "C"]
    assert summary.warnings == [f"{path}:4: record has no title; skipped"]
    assert summary.skipped == 1


def test_csv_tsv_with_bom(tmp_path):
    path = tmp_path / "p.tsv"
    path.write_bytes("Title\tAbstract\nA, B and C\tx\n".encode("utf-8-sig"))
    assert [(p.title, p.abstract) for p in read_csv(path)] == [("A, B and C", "x")]


def test_csv_without_title_column_raises(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("name,abstract\nA,x\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"p\.csv:1: the header has no 'title' column"):
        list(read_csv(path))
