"""The kg command line: each command is a thin shell over one library call."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg.errors import KGError

console = Console(stderr=True)
out = Console()

EXPORT_FORMATS = ("json", "graphml", "neo4j-admin")


class KGGroup(click.Group):
    """Turns KGError into one 'Error: ...' line and exit 1 (traceback with --debug)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KGError as err:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            raise click.ClickException(str(err)) from err


@click.group(cls=KGGroup)
@click.option("--debug", is_flag=True, help="Show full tracebacks.")
@click.version_option(package_name="kg")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """kg: knowledge graphs of ML research from paper abstracts.

    \b
    Example:
      kg extract examples/ -o graph.json && kg stats graph.json
    """
    ctx.obj = {"debug": debug}
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


class RateColumn(ProgressColumn):
    """Rows (or papers) per second."""

    def render(self, task):
        return f"{task.speed:,.0f}/s" if task.speed else ""


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )


def _print_ingest_summary(summary) -> None:
    console.print(
        f"read {summary.read} records from {summary.files} files: {summary.papers} papers, "
        f"{summary.duplicates} duplicates merged, {summary.skipped} skipped"
    )


def _write_graph(graph, output: Path, fmt: str) -> None:
    from kg.graph import write_graphml, write_json, write_neo4j_csv

    if fmt == "json":
        write_json(graph, output)
    elif fmt == "graphml":
        write_graphml(graph, output)
    else:
        args = write_neo4j_csv(graph, output)
        out.print("Import into an empty Neo4j database (server stopped) with:")
        out.print("neo4j-admin database import full --array-delimiter='|' --overwrite-destination neo4j " + " ".join(args), soft_wrap=True)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("graph.json"), show_default=True, help="Where to write the graph.")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="json", show_default=True, help="json (node-link), graphml, or neo4j-admin (a folder of CSV files).")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Extraction processes [default: one per core].")
def extract(inputs: tuple[Path, ...], output: Path, fmt: str, workers: int | None) -> None:
    """Extract entities and relations from paper listings into a graph file.

    INPUTS are files or folders: listing-page text dumps (.txt), JSONL (.jsonl,
    .jsonl.gz) or CSV with title and abstract columns.

    \b
    Example:
      kg extract examples/ -o graph.json
    """
    from kg.extract.parallel import default_workers
    from kg.graph import graph_stats
    from kg.ingest import IngestSummary
    from kg.pipeline import graph_from_files

    summary = IngestSummary()
    with _progress() as progress:
        task = progress.add_task("extracting papers", total=None)
        graph = graph_from_files(inputs, summary=summary, on_paper=lambda n: progress.update(task, advance=n), workers=workers or default_workers())
    _print_ingest_summary(summary)
    if summary.papers == 0:
        raise click.ClickException(f"no paper could be read from {', '.join(map(str, inputs))}; see the warnings above")
    _write_graph(graph, output, fmt)
    stats = graph_stats(graph)
    out.print(f"wrote {output}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} relationships "
              f"({', '.join(f'{n} {label}' for label, n in stats['nodes'].items())})")


@main.command()
@click.argument("graph_file", type=click.Path(path_type=Path))
@click.option("--top", default=5, show_default=True, help="Entities listed per type.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
def stats(graph_file: Path, top: int, as_json: bool) -> None:
    """Counts per label and relationship type, and the most mentioned entities.

    \b
    Example:
      kg stats graph.json --top 10
    """
    from kg.graph import graph_stats, read_json

    result = graph_stats(read_json(graph_file), top=top)
    if as_json:
        out.print_json(json.dumps(result))
        return
    counts = Table("label / relationship", "count", title=str(graph_file))
    for name, count in [*result["nodes"].items(), *result["relationships"].items()]:
        counts.add_row(name, str(count))
    out.print(counts)
    top_table = Table("type", f"top {top} by papers mentioning")
    for label, entries in result["top_entities"].items():
        top_table.add_row(label, ", ".join(f"{name} ({n})" for name, n in entries) or "-")
    out.print(top_table)


@main.command(name="eval")
@click.argument("gold_file", type=click.Path(exists=True, path_type=Path))
@click.option("--pred", type=click.Path(exists=True, path_type=Path), help="A graph.json to score; without it the extractor runs on the gold abstracts.")
@click.option("--details", is_flag=True, help="List per paper what was missed and what was wrongly found.")
@click.option("--json", "json_out", type=click.Path(path_type=Path), help="Also write the report as JSON here.")
def eval_(gold_file: Path, pred: Path | None, details: bool, json_out: Path | None) -> None:
    """Score extraction against a gold file (ANNOTATION_GUIDE.md format).

    \b
    Example:
      kg eval tests/data/gold/heldout.jsonl --details
    """
    from kg.evaluate import load_gold, predict_records, records_from_graph, render_report, score
    from kg.graph import read_json

    gold = load_gold(gold_file)
    predictions = records_from_graph(read_json(pred)) if pred else predict_records(gold)
    report = score(gold, predictions)
    for table in render_report(report, details=details):
        out.print(table)
    if json_out:
        json_out.write_text(json.dumps(report.to_dict(details=details), indent=2))
        console.print(f"wrote {json_out}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
