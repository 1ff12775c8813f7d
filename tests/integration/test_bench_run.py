"""A small run of bench/run.py produces its report (it is not timed here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "arxiv-daily.jsonl.gz"


def run_bench(script: str, *args: str) -> None:
    if not CORPUS.exists():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    done = subprocess.run([sys.executable, str(ROOT / "bench" / script), *args], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]


def test_bench_run_writes_json_and_markdown(tmp_path):
    output = tmp_path / "run"
    run_bench("run.py", "--sizes", "150", "--workers", "1", "--repeats", "1", "--output", str(output))
    report = json.loads(output.with_suffix(".json").read_text())
    [run] = report["runs"]
    assert run["abstracts"] == 150 and run["papers"] == 150
    for key in ("abstracts_per_s", "abstracts_per_s_per_core", "ratio_to_tokenizer", "peak_rss_mb",
                "nodes_per_s", "relationships_per_s", "relationships_per_s_loading_them", "jsonl_to_loaded_s"):
        assert run[key] > 0, key
    assert run["csv_export_s"] >= 0
    assert set(run["queries"]) >= {"papers-evaluating-on", "methods-on-dataset", "top-entities"}
    table = output.with_suffix(".md").read_text()
    assert "| 150 |" in table and "papers-evaluating-on" in table


def test_bench_corpus_repeats_get_distinct_arxiv_ids():
    if not CORPUS.exists():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from corpus import _repeat_id
    finally:
        sys.path.remove(str(ROOT / "bench"))
    import gzip

    from kg.ingest.ids import normalize_arxiv_id

    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        ids = [json.loads(line)["arxiv_id"] for line in lines]
    repeated = {_repeat_id(arxiv_id, repeat) for repeat in range(10) for arxiv_id in ids}
    assert len(repeated) == 10 * len(set(ids))  # 2009.04953 and 2109.04953 once collided
    assert all(normalize_arxiv_id(arxiv_id) == arxiv_id for arxiv_id in list(repeated)[:1000])


def test_bench_export_repeats_papers_with_distinct_ids(tmp_path):
    output = tmp_path / "export.json"
    run_bench("export.py", "--abstracts", "60", "--repeat", "3", "--workers", "1", "--output", str(output))
    report = json.loads(output.read_text())
    assert (report["abstracts"], report["extracted"], report["repeat"]) == (180, 60, 3)
    assert report["csv_mb"] >= 0 and report["csv_export_s"] >= 0
    sys.path.insert(0, str(ROOT / "bench"))
    from export import repeated

    facts = [({"id": "2401.00001"}, None, [], [], [({"id": "r1"}, None, None)])]
    copies = list(repeated(facts, 3))
    assert [paper["id"] for paper, *_ in copies] == ["2401.00001", "2401.00001~1", "2401.00001~2"]
    assert [results[0][0]["id"] for *_, results in copies] == ["r1", "r1~1", "r1~2"]
