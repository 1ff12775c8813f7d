"""What one ingest run did: counts and warnings, shared by every reader."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

__all__ = ["IngestSummary", "logger"]

# One logger for the whole stage, so `kg.ingest` warnings can be silenced or routed at once.
logger = logging.getLogger("kg.ingest")


@dataclass
class IngestSummary:
    """Counts and warnings of one ingest run; readers fill it in as they go.

    ``read`` counts records that became a Paper (duplicates included), ``skipped``
    malformed records, ``duplicates`` records whose id was already read, ``files``
    the input files opened (an unreadable file counts, and leaves a warning).

    >>> summary = IngestSummary()
    >>> summary.skip("a.jsonl:3: not valid JSON")
    >>> summary.skipped, summary.warnings
    (1, ['a.jsonl:3: not valid JSON'])
    """

    files: int = 0
    read: int = 0
    skipped: int = 0
    duplicates: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def papers(self) -> int:
        """Distinct papers: records read minus duplicates."""
        return self.read - self.duplicates

    def warn(self, message: str) -> None:
        """Log ``message`` on the ``kg.ingest`` logger and keep it."""
        logger.warning(message)
        self.warnings.append(message)

    def skip(self, message: str) -> None:
        """Record one malformed record, skipped, with the reason."""
        self.skipped += 1
        self.warn(message)
