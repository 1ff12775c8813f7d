"""Bad input (issue: robustness): one clear message per problem, naming file and line; the batch goes on."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.ingest import IngestSummary, read_papers

GOOD = {"title": "GRPO for math", "abstract": "We evaluate GRPO on GSM8K and reach 92.7% accuracy."}


def _write_cases(folder):
    (folder / "empty.txt").write_text("")
    (folder / "blob.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "page.html").write_text("<!DOCTYPE html><html><body><p>Daily Papers</p></body></html>\n")
    (folder / "latin1.csv").write_bytes("title,abstract\nCafé models,We use LoRA.\n".encode("latin-1"))
    (folder / "utf16.jsonl").write_text(json.dumps({"title": "UTF-16 paper", "abstract": "We propose X-Bench."}) + "\n", encoding="utf-16")
    (folder / "long.jsonl").write_text(json.dumps({"title": "Long", "abstract": "We use PPO. " * 1_000_000}) + "\n")
    (folder / "truncated.jsonl").write_text(json.dumps(GOOD) + "\n" + '{"title": "Cut", "abstr')
    (folder / "notitle.csv").write_text("name,text\nA,B\n")
    (folder / "german.jsonl").write_text(json.dumps({"title": "Ein Modell", "abstract": "Wir schlagen ein neues Verfahren vor, das auf großen Sprachmodellen beruht und die Genauigkeit deutlich verbessert."}) + "\n")
    (folder / "titles.jsonl").write_text(json.dumps({"title": "Only a title: GRPO for math"}) + "\n")


EXPECTED = {
    "empty.txt": "empty.txt: no paper found",
    "blob.bin": "blob.bin: binary file (NUL bytes)",
    "page.html": "page.html: an HTML page",
    "latin1.csv": "latin1.csv: not UTF-8; read as Latin-1",
    "long.jsonl": "long.jsonl:1: abstract of 11,999,999 characters; only the first 20,000 are read",
    "truncated.jsonl": "truncated.jsonl:2: not valid JSON",
    "notitle.csv": "notitle.csv:1: the header has no 'title' column",
    "german.jsonl": "german.jsonl:1: the abstract does not look like English",
    "titles.jsonl": "titles.jsonl:1: no abstract; only the title is read",
}


@pytest.fixture
def bad_folder(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    _write_cases(folder)
    return folder


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_gets_one_clear_message(bad_folder, name):
    summary = IngestSummary()
    list(read_papers([bad_folder / name], summary))
    assert any(EXPECTED[name] in warning for warning in summary.warnings), summary.warnings


def test_bad_input_the_rest_of_the_batch_goes_on(bad_folder):
    summary = IngestSummary()
    titles = {paper.title for paper in read_papers([bad_folder], summary)}
    assert titles == {"Café models", "UTF-16 paper", "Long", "GRPO for math", "Ein Modell", "Only a title: GRPO for math"}
    [long] = [p for p in read_papers([bad_folder / "long.jsonl"])]
    assert len(long.abstract) == 20_000


def test_bad_input_cli_exit_status(bad_folder, tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["extract", str(bad_folder), "-o", str(tmp_path / "g.json"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "6 papers" in result.output and "Traceback" not in result.output
    strict = runner.invoke(main, ["extract", str(bad_folder), "-o", str(tmp_path / "g2.json"), "--workers", "1", "--strict"])
    assert strict.exit_code == 1
    nothing = runner.invoke(main, ["extract", str(bad_folder / "blob.bin"), str(bad_folder / "empty.txt"), "-o", str(tmp_path / "g3.json")])
    assert nothing.exit_code == 1 and "Error: no paper could be read" in nothing.output
