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


def _check_ingest(summary, inputs, strict: bool) -> None:
    """Print what was read; fail when nothing was, or (with --strict) when anything was skipped."""
    console.print(
        f"read {summary.read} records from {summary.files} files: {summary.papers} papers, "
        f"{summary.duplicates} duplicates merged, {summary.skipped} skipped"
    )
    if summary.papers == 0:
        raise click.ClickException(f"no paper could be read from {', '.join(map(str, inputs))}; see the warnings above")
    if strict and (summary.skipped or summary.warnings):
        raise click.ClickException(f"--strict: {len(summary.warnings)} warnings while reading the input (see above); nothing was written")


_STRICT = click.option("--strict", is_flag=True, help="Fail (exit 1), writing nothing, if any record or file was skipped or read with a warning.")


def _write_graph(graph, output: Path, fmt: str) -> None:
    """Write a networkx graph or a record stream (graphml needs the graph)."""
    from kg.graph import graph_from_records, write_graphml, write_json, write_neo4j_csv

    if fmt == "json":
        write_json(graph, output)
    elif fmt == "graphml":
        write_graphml(graph if hasattr(graph, "nodes") else graph_from_records(graph), output)
    else:
        args = write_neo4j_csv(graph, output)
        out.print("Import into a new Neo4j database (Neo4j stopped; 'neo4j' is the database name) with:")
        out.print("neo4j-admin database import full neo4j --array-delimiter='|' --overwrite-destination " + " ".join(args), soft_wrap=True)
        out.print("then start Neo4j and create kg's constraints and indexes: kg schema --uri bolt://localhost:7687")


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("graph.json"), show_default=True, help="Where to write the graph.")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="json", show_default=True, help="json (node-link), graphml, or neo4j-admin (a folder of CSV files).")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Extraction processes [default: one per core].")
@_STRICT
def extract(inputs: tuple[Path, ...], output: Path, fmt: str, workers: int | None, strict: bool) -> None:
    """Extract entities and relations from paper listings into a graph file.

    INPUTS are files or folders: listing-page text dumps (.txt), JSONL (.jsonl,
    .jsonl.gz) or CSV with title and abstract columns.

    \b
    Example:
      kg extract examples/ -o graph.json
    """
    from kg.graph import GraphStats

    builder = _extract_with_progress(inputs, workers, strict)
    counter = GraphStats()
    _write_graph(counter.counting(builder.records()), output, fmt)
    stats = counter.result()
    out.print(f"wrote {output}: {sum(stats['nodes'].values()):,} nodes, {sum(stats['relationships'].values()):,} relationships "
              f"({', '.join(f'{n:,} {label}' for label, n in stats['nodes'].items())})")


def _extract_with_progress(inputs, workers: int | None, strict: bool):
    """Ingest and extract with a progress bar; the per-paper facts spool to disk."""
    from kg.extract.parallel import default_workers
    from kg.ingest import IngestSummary
    from kg.pipeline import builder_from_files

    summary = IngestSummary()
    with _progress() as progress:
        task = progress.add_task("extracting papers", total=None)
        builder = builder_from_files(
            inputs, summary=summary, on_paper=lambda n: progress.update(task, advance=n),
            workers=workers or default_workers(), spool=True,
        )
    _check_ingest(summary, inputs, strict)
    return builder


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
    _print_top_entities(result, top)


def _print_top_entities(stats: dict, top: int) -> None:
    table = Table("type", f"top {top} by papers mentioning")
    for label, entries in stats["top_entities"].items():
        table.add_row(label, ", ".join(f"{name} ({n})" for name, n in entries) or "-")
    out.print(table)


def db_options(command):
    """--uri/--user/--password/--database for a Neo4j server; without --uri, the embedded default."""
    options = [
        click.option("--uri", envvar="NEO4J_URI", help="Bolt URI of a Neo4j server [env NEO4J_URI]; without it kg starts its embedded server."),
        click.option("--user", envvar="NEO4J_USER", default="neo4j", show_default=True, help="[env NEO4J_USER]"),
        click.option("--password", envvar="NEO4J_PASSWORD", help="[env NEO4J_PASSWORD]"),
        click.option("--database", envvar="NEO4J_DATABASE", help="Database name [env NEO4J_DATABASE; default: the server's]."),
        click.option("--data-dir", type=click.Path(path_type=Path), default=Path("kg-data"), envvar="KG_DATA_DIR", show_default=True, help="Folder of the embedded server [env KG_DATA_DIR]."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _connect(uri, user, password, database, data_dir):
    from kg.store.client import connect

    if uri is None:
        console.print(f"[dim]starting the embedded graph database in {data_dir} ...[/dim]")
    return connect(uri, user, password, database, data_dir)


def _load_with_progress(conn, graph, batch_size: int):
    """Load a networkx graph, or chunks of records (streamed), with a progress bar per stage."""
    import networkx as nx

    from kg.store.client import apply_schema
    from kg.store.load import load_graph, load_records

    apply_schema(conn)
    with _progress() as progress:
        tasks: dict[str, int] = {}

        def on_batch(title: str, done: int, total: int | None) -> None:
            if title not in tasks:
                tasks[title] = progress.add_task(title, total=total)
            progress.update(tasks[title], completed=done)

        if isinstance(graph, nx.Graph):
            return load_graph(conn, graph, batch_size=batch_size, progress=on_batch)
        return load_records(conn, graph, batch_size=batch_size, progress=on_batch)


def _print_load_summary(summary, where: str) -> None:
    table = Table("loaded", "rows", "created", "already there", "skipped", title=f"loaded into {where}")
    for count in summary.counts:
        table.add_row(count.title, f"{count.rows:,}", f"{count.created:,}", f"{count.existed:,}", f"{count.skipped:,}")
    out.print(table)
    rate = summary.relationships / summary.seconds if summary.seconds else 0
    out.print(f"{summary.nodes_created:,} nodes and {summary.relationships_created:,} relationships created "
              f"in {summary.seconds:.1f} s ({rate:,.0f} relationships/s)")


@main.command()
@click.argument("graph_file", type=click.Path(exists=True, path_type=Path))
@click.option("--batch-size", type=click.IntRange(min=1), default=2000, show_default=True, help="Rows per write transaction.")
@db_options
def load(graph_file: Path, batch_size: int, uri, user, password, database, data_dir) -> None:
    """Load a graph file into the graph database (idempotent: loading twice changes nothing).

    \b
    Examples:
      kg load graph.json                                    # embedded default in ./kg-data
      kg load graph.json --uri bolt://localhost:7687 --password kgpassword
    """
    from kg.graph import read_json

    graph = read_json(graph_file)
    with _connect(uri, user, password, database, data_dir) as conn:
        summary = _load_with_progress(conn, graph, batch_size)
    _print_load_summary(summary, uri or str(data_dir))


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Extraction processes [default: one per core].")
@click.option("--batch-size", type=click.IntRange(min=1), default=2000, show_default=True, help="Rows per write transaction.")
@_STRICT
@db_options
def build(inputs: tuple[Path, ...], workers, batch_size: int, strict: bool, uri, user, password, database, data_dir) -> None:
    """Extract a graph from paper listings and load it, in one go.

    \b
    Example:
      kg build examples/            # then: kg query top-entities --param type=Dataset
    """
    from kg.graph import GraphStats

    builder = _extract_with_progress(inputs, workers, strict)
    counter = GraphStats()
    chunks = ([counter.add(record) for record in chunk] for chunk in builder.chunks())
    with _connect(uri, user, password, database, data_dir) as conn:
        load_summary = _load_with_progress(conn, chunks, batch_size)
    _print_load_summary(load_summary, uri or str(data_dir))
    _print_top_entities(counter.result(), 5)
    out.print("Next: kg queries (canned questions), kg query top-entities --param type=Dataset")


@main.command()
@click.option("--data-dir", type=click.Path(path_type=Path), default=Path("kg-data"), envvar="KG_DATA_DIR", show_default=True, help="Folder of the embedded server.")
def serve(data_dir: Path) -> None:
    """Run the embedded graph database until Ctrl-C, for other Bolt clients.

    \b
    Example:
      kg serve --data-dir kg-data
    """
    from kg.store.server import EmbeddedServer

    with EmbeddedServer(data_dir) as server:
        out.print(f"Bolt URI: {server.uri}")
        out.print(f"credentials: {server.credentials_file} (user and password; readable by you only)")
        out.print(f"log: {server.log_file}")
        out.print("Ctrl-C to stop.")
        try:
            server.wait()
        except KeyboardInterrupt:
            console.print("stopping ...")


@main.command()
@click.argument("output", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="neo4j-admin", show_default=True)
@click.option("--graph", "graph_file", type=click.Path(exists=True, path_type=Path), default=Path("graph.json"), show_default=True, help="The graph file to export.")
def export(output: Path, fmt: str, graph_file: Path) -> None:
    """Write a graph file as neo4j-admin CSV (OUTPUT is a folder), GraphML or JSON.

    neo4j-admin import is the fast way to a first load of a large corpus; the command
    to run is printed.

    \b
    Example:
      kg export --format neo4j-admin import/ --graph graph.json
    """
    from kg.graph import read_json

    _write_graph(read_json(graph_file), output, fmt)
    console.print(f"wrote {output}")


@main.command()
@db_options
def schema(uri, user, password, database, data_dir) -> None:
    """Create kg's constraints and indexes (schema/*.cypher), then entity counts, ranks and co-occurring lists; safe to run again.

    \b
    Example:
      kg schema --uri bolt://localhost:7687     # after a neo4j-admin import
    """
    from kg.store.client import apply_schema
    from kg.store.load import refresh_counts

    with _connect(uri, user, password, database, data_dir) as conn:
        names = apply_schema(conn)
        refresh_counts(conn)
    out.print(f"applied {len(names)} schema statements to {uri or data_dir} and refreshed the entity counts, ranks and co-occurring lists")


@main.command()
def queries() -> None:
    """List the canned queries with their descriptions and parameters.

    \b
    Example:
      kg queries
    """
    from kg.query import list_queries

    table = Table("query", "description", "parameters", "example")
    for query in list_queries():
        table.add_row(query.name, query.description, "\n".join(str(param) for param in query.params), query.usage)
    out.print(table)


_FORMAT = click.option("--format", "fmt", type=click.Choice(("table", "json", "csv")), default="table", show_default=True)


@main.command()
@click.argument("name")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter; repeat for several.")
@_FORMAT
@db_options
def query(name: str, params: tuple[str, ...], fmt: str, uri, user, password, database, data_dir) -> None:
    """Run a canned query (see 'kg queries'); names resolve through aliases, case and punctuation.

    \b
    Examples:
      kg query papers-evaluating-on --param dataset=MetaWorld
      kg query top-entities --param type=Method --param limit=10 --format json
    """
    from kg.query import coerce_params, format_rows, get_query, parse_params, run_query

    canned = get_query(name)
    values = coerce_params(canned, parse_params(params))  # a missing parameter fails before the server starts
    with _connect(uri, user, password, database, data_dir) as conn:
        columns, rows = run_query(conn, name, values)
    click.echo(format_rows(columns, rows, fmt), nl=False)


@main.command()
@click.argument("statement")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A $parameter (a string); repeat for several.")
@click.option("--write", is_flag=True, help="Allow writes (the statement runs in a write transaction).")
@_FORMAT
@db_options
def cypher(statement: str, params: tuple[str, ...], write: bool, fmt: str, uri, user, password, database, data_dir) -> None:
    """Run an ad-hoc Cypher statement, read-only unless --write.

    \b
    Example:
      kg cypher "MATCH (d:Dataset)<-[:EVALUATES_ON]-(p) RETURN d.name, count(p) AS papers ORDER BY papers DESC LIMIT 5"
    """
    from kg.query import format_rows, parse_params, run_cypher

    with _connect(uri, user, password, database, data_dir) as conn:
        columns, rows = run_cypher(conn, statement, parse_params(params), write=write)
    click.echo(format_rows(columns, rows, fmt), nl=False)


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
