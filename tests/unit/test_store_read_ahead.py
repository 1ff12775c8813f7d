"""kg.store.load._read_ahead: the next chunk's rows are made while the database loads this one."""

from __future__ import annotations

import threading

import pytest

from kg.errors import GraphError
from kg.store.load import _read_ahead


def test_read_ahead_keeps_order_and_makes_the_next_item_in_another_thread():
    makers = []

    def items():
        for n in range(5):
            makers.append(threading.current_thread().name)
            yield n

    assert list(_read_ahead(items())) == [0, 1, 2, 3, 4]
    assert set(makers) == {"kg-read-ahead"}


def test_read_ahead_raises_an_error_in_its_place():
    def items():
        yield 1
        yield 2
        raise GraphError("chunk 3 has an edge no loader handles")

    got = []
    with pytest.raises(GraphError, match="chunk 3"):
        for item in _read_ahead(items()):
            got.append(item)
    assert got == [1, 2]


def test_read_ahead_stops_making_when_the_caller_stops():
    made, closed = [], threading.Event()

    def items():
        try:
            for n in range(1000):
                made.append(n)
                yield n
        finally:
            closed.set()

    reader = _read_ahead(items())
    assert next(reader) == 0
    reader.close()  # the load failed after the first chunk
    assert closed.wait(5)
    assert len(made) <= 3  # at most one item ready and one being made past the one used


def test_read_ahead_takes_any_iterator():
    assert list(_read_ahead(iter([{"rows": 1}, {"rows": 2}]))) == [{"rows": 1}, {"rows": 2}]
