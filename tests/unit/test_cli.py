"""The command line through click's CliRunner: help, the extract/stats job, bad input."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import main

EXAMPLES = "examples"


def _commands():
    return sorted(main.commands)


@pytest.mark.parametrize("name", _commands())
def test_cli_every_command_has_help_with_an_example(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


def test_cli_extract_and_stats_on_examples(tmp_path):
    runner = CliRunner()
    graph = tmp_path / "graph.json"
    result = runner.invoke(main, ["extract", EXAMPLES, "-o", str(graph), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "185 papers" in result.output and "35 duplicates merged" in result.output
    stats = runner.invoke(main, ["stats", str(graph), "--json"])
    assert stats.exit_code == 0
    counts = json.loads(stats.output)
    assert counts["nodes"]["Paper"] == 185
    assert "Meta-World" in [name for name, _ in counts["top_entities"]["Dataset"]]


def test_cli_extract_graphml_and_neo4j_admin(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["extract", EXAMPLES, "-o", str(tmp_path / "g.graphml"), "--format", "graphml", "--workers", "1"])
    assert result.exit_code == 0 and (tmp_path / "g.graphml").read_text().startswith("<?xml")
    result = runner.invoke(main, ["extract", EXAMPLES, "-o", str(tmp_path / "csv"), "--format", "neo4j-admin", "--workers", "1"])
    assert result.exit_code == 0
    assert "neo4j-admin database import full" in result.output
    assert (tmp_path / "csv" / "nodes_Paper.csv").exists()


def test_cli_bad_lines_are_skipped_and_strict_fails(tmp_path):
    source = tmp_path / "papers.jsonl"
    source.write_text('{"title": "GRPO for math", "abstract": "We use GRPO."}\n{broken\n')
    runner = CliRunner()
    result = runner.invoke(main, ["extract", str(source), "-o", str(tmp_path / "g.json"), "--workers", "1"])
    assert result.exit_code == 0
    assert "1 papers" in result.output and "1 skipped" in result.output
    strict = runner.invoke(main, ["extract", str(source), "-o", str(tmp_path / "g2.json"), "--workers", "1", "--strict"])
    assert strict.exit_code == 1 and "--strict" in strict.output
    assert not (tmp_path / "g2.json").exists()


def test_cli_nothing_readable_exits_non_zero(tmp_path):
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02\x03")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "blob.bin"), "-o", str(tmp_path / "g.json"), "--workers", "1"])
    assert result.exit_code == 1
    assert "Error: no paper could be read" in result.output


def test_cli_missing_graph_file_is_one_clear_error(tmp_path):
    (tmp_path / "bad.json").write_text("[]")
    result = CliRunner().invoke(main, ["stats", str(tmp_path / "bad.json")])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "Traceback" not in result.output


def test_cli_export_neo4j_admin_prints_the_import_command(tmp_path):
    runner = CliRunner()
    graph = tmp_path / "graph.json"
    assert runner.invoke(main, ["extract", EXAMPLES, "-o", str(graph), "--workers", "1"]).exit_code == 0
    result = runner.invoke(main, ["export", "--format", "neo4j-admin", str(tmp_path / "import"), "--graph", str(graph)])
    assert result.exit_code == 0, result.output
    command = " ".join(result.output.split())
    assert "neo4j-admin database import full neo4j --array-delimiter='|'" in command
    assert f"--nodes=Paper={tmp_path / 'import' / 'nodes_Paper.csv'}" in command
    assert f"--relationships=EVALUATES_ON={tmp_path / 'import' / 'rels_EVALUATES_ON_Paper_Dataset.csv'}" in command
