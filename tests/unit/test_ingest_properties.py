"""Property tests over the readers: any bytes in any format, no exception out, sane papers."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ingest import IngestSummary, read_papers

_SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Bytes that are sometimes whole files of each format, sometimes garbage.
_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["title", "abstract", "authors", "date", "upvotes", "id", "x"]), inner, max_size=4),
    max_leaves=8,
)
_JSONL = st.lists(_JSON_VALUES.map(lambda value: json.dumps(value)), max_size=5).map(lambda lines: "\n".join(lines).encode())
_CSV = st.lists(st.lists(st.text(max_size=20), min_size=1, max_size=4).map(",".join), max_size=5).map(lambda rows: ("title,abstract\n" + "\n".join(rows)).encode())
_LISTING = st.lists(st.sampled_from(["Title here", "", "An abstract sentence that is long enough to be one.", "  • 5 authors", "·", "Oct 3, 2023 2", "May 26", "deepmind Deepmind", "Subscribe"]), max_size=20).map(lambda lines: "\n".join(lines).encode())
_ANY = st.one_of(st.binary(max_size=300), _JSONL, _CSV, _LISTING, st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")))


@_SETTINGS
@given(data=_ANY, suffix=st.sampled_from([".jsonl", ".csv", ".txt", ".dat", ".jsonl.gz"]))
def test_readers_any_bytes_never_raise(tmp_path, data, suffix):
    path = tmp_path / f"input{suffix}"
    if suffix.endswith(".gz"):
        import gzip

        data = gzip.compress(data) if len(data) % 2 else data  # sometimes not gzip at all
    path.write_bytes(data)
    summary = IngestSummary()
    papers = list(read_papers([path], summary))
    for paper in papers:
        assert paper.title.strip() and paper.id
        assert len(paper.abstract) <= 20_000
    assert summary.read - summary.duplicates == len(papers)
