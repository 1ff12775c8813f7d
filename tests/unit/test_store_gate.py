"""The writer gate of kg.store.load: batches side by side, a retried batch alone."""

from __future__ import annotations

import threading
import time

from kg.store.load import _WriterGate


def test_gate_lets_batches_run_side_by_side():
    gate, inside, both = _WriterGate(), [], threading.Barrier(2, timeout=5)

    def batch():
        with gate.shared():
            inside.append(1)
            both.wait()  # raises BrokenBarrierError unless both are inside at once

    threads = [threading.Thread(target=batch) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(inside) == 2


def test_gate_retry_waits_for_running_batches_and_keeps_new_ones_out():
    gate, events = _WriterGate(), []
    running = threading.Event()

    def first_batch():
        with gate.shared():
            running.set()
            time.sleep(0.2)
            events.append("first batch done")

    def retry():
        running.wait()
        with gate.alone():
            events.append("retry starts")
            time.sleep(0.2)
            events.append("retry done")

    def next_batch():
        running.wait()
        time.sleep(0.05)  # asks after the retry has asked
        with gate.shared():
            events.append("next batch starts")

    threads = [threading.Thread(target=f) for f in (first_batch, retry, next_batch)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=5)
    assert events == ["first batch done", "retry starts", "retry done", "next batch starts"]
