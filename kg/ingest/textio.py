"""Bytes to text for every reader: gzip, BOMs, encodings, binary files.

Decoding order: UTF-16 when a UTF-16 BOM is present, else UTF-8 (a UTF-8 BOM is
dropped), else Latin-1, which never fails. A file with NUL bytes (and no UTF-16
BOM) is binary and cannot be read.
"""

from __future__ import annotations

import codecs
import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from kg.errors import InputError

from .summary import IngestSummary

__all__ = [
    "head_encoding",
    "looks_like_html","decode_bytes", "read_text", "read_head", "iter_lines", "open_binary"]

_HEAD_BYTES = 64 * 1024
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# What a broken gzip stream raises, depending on where it breaks.
_GZIP_ERRORS = (OSError, EOFError, zlib.error)


def decode_bytes(data: bytes, name: str = "<bytes>") -> str:
    """Decode a file's bytes: UTF-16 (by BOM), UTF-8 (BOM dropped), else Latin-1.

    >>> decode_bytes("Café".encode("utf-8-sig"))
    'Café'
    >>> decode_bytes("Café".encode("utf-16"))
    'Café'
    >>> decode_bytes("Café".encode("latin-1"))
    'Café'
    >>> decode_bytes(b"PK\\x03\\x04\\x00\\x00", "a.zip")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: a.zip: binary file (NUL bytes); give a listing, JSONL or CSV file
    """
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise InputError(f"{name}: has a UTF-16 BOM but is not valid UTF-16: {err}") from err
    _check_not_binary(data, name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _check_not_binary(data: bytes, name: str) -> None:
    # Text in UTF-8 or Latin-1 never holds NUL; images, archives and PDFs nearly always do.
    if b"\x00" in data[:_HEAD_BYTES]:
        raise InputError(
            f"{name}: binary file (NUL bytes); give a listing, JSONL or CSV file"
        )


def open_binary(path: Path) -> BinaryIO:
    """Open ``path`` for reading bytes, decompressing when the name ends in ``.gz``."""
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def read_text(path: Path) -> str:
    """The whole decoded text of ``path`` (gzip-aware); InputError when it cannot be read."""
    try:
        with open_binary(path) as fh:
            data = fh.read()
    except _GZIP_ERRORS as err:
        raise InputError(f"{path}: cannot be read: {err}") from err
    return decode_bytes(data, str(path))


def read_head(path: Path, size: int = _HEAD_BYTES) -> str:
    """The decoded first ``size`` bytes of ``path``, for sniffing its format."""
    try:
        with open_binary(path) as fh:
            data = fh.read(size)
    except _GZIP_ERRORS as err:
        raise InputError(f"{path}: cannot be read: {err}") from err
    if data.startswith(_UTF16_BOMS):
        # Cut on a whole code unit so a half character does not spoil the sniff.
        return data[: len(data) // 2 * 2].decode("utf-16", errors="ignore")
    _check_not_binary(data, str(path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        if err.start >= len(data) - 3:  # a multi-byte character cut by the size limit
            return data[: err.start].decode("utf-8-sig")
        return data.decode("latin-1")


def head_encoding(path: Path, size: int = _HEAD_BYTES) -> str:
    """How the start of ``path`` decodes: "utf-16" (BOM), "utf-8", or "latin-1" (a guess)."""
    try:
        with open_binary(path) as fh:
            data = fh.read(size)
    except _GZIP_ERRORS:
        return "utf-8"
    if data.startswith(_UTF16_BOMS):
        return "utf-16"
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        if err.start < len(data) - 3:
            return "latin-1"
    return "utf-8"


def looks_like_html(head: str) -> bool:
    """An HTML page rather than its text: "<!DOCTYPE html" or "<html" first."""
    start = head.lstrip().lower()
    return start.startswith("<!doctype html") or start.startswith("<html")


def iter_lines(path: Path, summary: IngestSummary | None = None) -> Iterator[tuple[int, str]]:
    """Stream ``(line_number, text)`` from ``path`` without reading it whole.

    Lines are decoded one by one as UTF-8; a line that is not UTF-8 is read as
    Latin-1, with one warning per file. UTF-16 files (rare) are read whole.
    Raises InputError when the file is binary or its gzip stream is broken.
    """
    summary = summary if summary is not None else IngestSummary()
    try:
        with open_binary(path) as fh:
            head = fh.read(_HEAD_BYTES)
            if head.startswith(_UTF16_BOMS):
                text = decode_bytes(head + fh.read(), str(path))
                yield from enumerate(text.splitlines(), start=1)
                return
            _check_not_binary(head, str(path))
            fh.seek(0)
            latin1_warned = False
            for number, raw in enumerate(fh, start=1):
                if number == 1 and raw.startswith(codecs.BOM_UTF8):
                    raw = raw[len(codecs.BOM_UTF8) :]
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError:
                    line = raw.decode("latin-1")
                    if not latin1_warned:
                        summary.warn(
                            f"{path}:{number}: line is not UTF-8, read as Latin-1"
                            " (later such lines of this file are not reported)"
                        )
                        latin1_warned = True
                yield number, line.rstrip("\r\n")
    except _GZIP_ERRORS as err:
        raise InputError(f"{path}: cannot be read: {err}") from err
