"""Stable paper ids: the arXiv id when a record gives one, else a hash of the title.

Ids are deterministic, so two runs over the same inputs give the same ids, and the
same paper read from two files gets one id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["normalize_arxiv_id", "arxiv_id_from_url", "normalize_title", "title_id", "paper_id"]

# New-style arXiv ids (2007 on): YYMM.NNNN or YYMM.NNNNN, with an optional version.
_NEW_STYLE = r"\d{4}\.\d{4,5}"
# Old-style ids: archive(.SUBJECT)/YYMMNNN, e.g. hep-th/9901001, math.GT/0309136.
_OLD_STYLE = r"[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7}"
_ARXIV_ID = re.compile(rf"(?:arxiv:)?\s*({_NEW_STYLE}|{_OLD_STYLE})(?:v\d+)?", re.IGNORECASE)
_ARXIV_IN_URL = re.compile(rf"(?<![\d.])({_NEW_STYLE}|{_OLD_STYLE})(?:v\d+)?(?!\d)")
# Hosts whose paper URLs carry arXiv ids; elsewhere (DOIs...) digits may only look alike.
_ARXIV_HOSTS = ("arxiv.org", "huggingface.co/papers", "alphaxiv.org")
_NOT_WORD = re.compile(r"[\W_]+")


def normalize_arxiv_id(value: object) -> str | None:
    """The bare arXiv id in ``value`` (no "arXiv:" prefix, no version), or None.

    >>> normalize_arxiv_id("arXiv:2310.01234v2")
    '2310.01234'
    >>> normalize_arxiv_id("hep-th/9901001v1")
    'hep-th/9901001'
    >>> normalize_arxiv_id("P-17") is None
    True
    """
    if not isinstance(value, str):
        return None
    match = _ARXIV_ID.fullmatch(value.strip())
    return match.group(1) if match else None


def arxiv_id_from_url(url: object) -> str | None:
    """The arXiv id in an arxiv.org (or Hugging Face papers) URL, or None.

    >>> arxiv_id_from_url("https://arxiv.org/pdf/2401.12345v3.pdf")
    '2401.12345'
    >>> arxiv_id_from_url("https://huggingface.co/papers/2509.21044")
    '2509.21044'
    >>> arxiv_id_from_url("https://doi.org/10.1145/3292.12345") is None
    True
    """
    if not isinstance(url, str) or not any(host in url.lower() for host in _ARXIV_HOSTS):
        return None
    match = _ARXIV_IN_URL.search(url)
    return match.group(1) if match else None


def normalize_title(title: str) -> str:
    """A title reduced to what identifies it: lower case, punctuation and spaces collapsed.

    >>> normalize_title("  RegMean++: Enhancing  Effectiveness!")
    'regmean enhancing effectiveness'
    """
    # upper() first: casefold alone keeps "ı" apart from the "i" that "I" folds to.
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", title).upper()).casefold()
    return _NOT_WORD.sub(" ", folded).strip()


def title_id(title: str) -> str:
    """A deterministic id from the normalized title: "t-" and 16 hex digits of its SHA-1.

    >>> title_id("Meta-World: A Benchmark") == title_id("meta world -- a benchmark")
    True
    >>> title_id("Meta-World: A Benchmark")
    't-e6868741ac7ad1d2'
    """
    digest = hashlib.sha1(normalize_title(title).encode("utf-8")).hexdigest()
    return "t-" + digest[:16]


def paper_id(title: str, arxiv_id: str | None = None) -> str:
    """The paper's id: its arXiv id when known, else ``title_id(title)``.

    >>> paper_id("Anything", "2401.12345")
    '2401.12345'
    """
    return arxiv_id if arxiv_id else title_id(title)
