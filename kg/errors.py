"""kg's exceptions. Each message says what went wrong and what to do about it."""

__all__ = ["KGError", "InputError", "GraphError", "StoreError", "QueryError"]


class KGError(Exception):
    """Base class: the CLI prints these as one 'Error: ...' line and exits 1."""


class InputError(KGError):
    """An input file or record could not be read."""


class GraphError(KGError):
    """A graph file or record is invalid."""


class StoreError(KGError):
    """The graph database could not be reached, started or written."""


class QueryError(KGError):
    """A canned or ad-hoc query is unknown, incomplete or failed."""
