"""A small process pool with a hard per-task time limit: a stuck worker is killed and replaced."""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import Any

from analysis.batch.worker import PreparedOffer, error_result, worker_main

# The worker's own timer (SIGALRM) stops pure-Python work at the limit; this grace period is for
# native code (PDF libraries) that ignores signals: the parent then kills the process.
KILL_GRACE = 5.0
START_TIMEOUT = 300.0  # a worker that cannot load its pipelines in this time is broken
RECYCLE_AFTER = 100  # documents per forked worker before it is replaced by a fresh fork
# Documents sent to a worker ahead: it starts the next one without waiting for the parent to
# be scheduled (on a busy machine that wait is milliseconds per CV).
PREFETCH = 2


class WorkerStartError(RuntimeError):
    """A worker process could not start (pipelines or taxonomy failed to load)."""


Task = tuple[int, str, bytes]  # (task id, file name, file bytes)


@dataclass
class _Slot:
    proc: BaseProcess
    conn: Connection
    started: float
    ready: bool = False
    queue: deque[Task] = field(default_factory=deque)  # sent, not finished; [0] runs first
    deadline: float = float("inf")  # set when the worker says it started queue[0]
    done: int = 0


def pick_context() -> BaseContext:
    """`fork` when safe (one thread: workers share the loaded pipelines), else `spawn`."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _crash(what: str, seconds: float | None) -> dict[str, Any]:
    if what == "timeout":
        code, message = "too_large", f"took longer than the {seconds:g} s limit per CV"
    else:
        code, message = "corrupt", "the reader crashed on this document"
    return error_result(code, message)


def run_pool(
    tasks: Iterable[Task],
    offers: Sequence[PreparedOffer],
    *,
    jobs: int,
    seconds: float | None,
    context: BaseContext | None = None,
    max_tasks: int | None = None,
) -> Iterator[tuple[Task, dict[str, Any]]]:
    """Score `tasks` in `jobs` worker processes; yield (task, result) as each one finishes.

    Tasks are pulled lazily (at most PREFETCH in flight per worker), so only a few documents
    are in memory. The time limit runs from when a worker says it started a document.
    A worker is replaced after `max_tasks` documents (default: 100 when forking, where a new
    worker costs milliseconds; never when spawning): memory a worker gains over time (spaCy's
    string store, copy-on-write pages it touches) is given back.
    """
    ctx = context or pick_context()
    if max_tasks is None:
        max_tasks = RECYCLE_AFTER if ctx.get_start_method() == "fork" else 0
    hard_limit = None if not seconds else seconds + KILL_GRACE
    source = iter(tasks)
    exhausted = False
    retry: deque[Task] = deque()
    slots: list[_Slot] = []

    def spawn() -> _Slot:
        parent_conn, child_conn = ctx.Pipe()
        proc = ctx.Process(target=worker_main, args=(child_conn, offers, seconds), daemon=True)
        proc.start()
        child_conn.close()
        return _Slot(proc=proc, conn=parent_conn, started=time.monotonic())

    def retire(slot: _Slot) -> None:
        if slot.proc.is_alive():
            slot.proc.kill()
        slot.proc.join(5)
        slot.conn.close()

    def next_task() -> Task | None:
        nonlocal exhausted
        if retry:
            return retry.popleft()
        if not exhausted:
            task = next(source, None)
            if task is not None:
                return task
            exhausted = True
        return None

    try:
        slots = [spawn() for _ in range(max(1, jobs))]
        while True:
            for slot in slots:
                budget = max_tasks - slot.done if max_tasks else PREFETCH
                while slot.ready and len(slot.queue) < min(PREFETCH, budget):
                    task = next_task()
                    if task is None:
                        break
                    slot.queue.append(task)
                    slot.conn.send(task)
            if exhausted and not retry and all(not slot.queue for slot in slots):
                return
            now = time.monotonic()
            deadlines = [s.deadline for s in slots if s.queue and s.deadline < float("inf")]
            deadlines += [s.started + START_TIMEOUT for s in slots if not s.ready]
            timeout = max(0.0, min(deadlines) - now) if deadlines else None
            ready = wait([s.conn for s in slots] + [s.proc.sentinel for s in slots], timeout)
            now = time.monotonic()
            for i, slot in enumerate(slots):
                message = None
                if slot.conn in ready:
                    try:
                        message = slot.conn.recv()
                    except (EOFError, OSError):
                        message = None
                if message is not None:
                    kind = message[0]
                    if kind == "ready":
                        slot.ready = True
                    elif kind == "init_error":
                        raise WorkerStartError(f"a batch worker could not start: {message[1]}")
                    elif kind == "start" and slot.queue:
                        slot.deadline = now + hard_limit if hard_limit else float("inf")
                    elif kind == "done" and slot.queue:
                        task = slot.queue.popleft()
                        slot.deadline = float("inf")
                        slot.done += 1
                        more = retry or not exhausted
                        if max_tasks and slot.done >= max_tasks and not slot.queue and more:
                            _stop(slot)
                            slots[i] = spawn()
                        yield task, message[2]
                    continue
                dead = slot.proc.sentinel in ready or slot.conn in ready
                timed_out = bool(slot.queue) and now >= slot.deadline
                if not slot.ready and now >= slot.started + START_TIMEOUT:
                    raise WorkerStartError("a batch worker did not start in time")
                if dead or timed_out:
                    if not slot.ready:
                        raise WorkerStartError("a batch worker died while starting")
                    culprit = slot.queue.popleft() if slot.queue else None
                    retry.extend(slot.queue)  # sent but never started: given to a new worker
                    retire(slot)
                    slots[i] = spawn()
                    if culprit is not None:
                        yield culprit, _crash("timeout" if timed_out else "crash", seconds)
    finally:
        for slot in slots:
            if slot.proc.is_alive() and slot.ready and not slot.queue:
                with contextlib.suppress(OSError):
                    slot.conn.send(None)
        for slot in slots:
            slot.proc.join(0.5)
            retire(slot)


def _stop(slot: _Slot) -> None:
    """Ask an idle worker to exit and reap it (killed if it does not within 5 s)."""
    with contextlib.suppress(OSError):
        slot.conn.send(None)
    slot.proc.join(5)
    if slot.proc.is_alive():
        slot.proc.kill()
        slot.proc.join(5)
    slot.conn.close()
