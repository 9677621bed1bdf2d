"""The process pools that read and segment files; their workers never outlive the import.

ReaderPool reads untrusted files: one file at a time per worker, each within the time limit of
ingest/limits.py. A worker that overruns it is stopped, not asked: it is killed and replaced, its
file is refused ("took longer than N s to read") and the batch goes on; a worker that dies (killed
for its memory, a crash in a library) costs its file only, in the same way.

A spawned worker would otherwise block forever on its task queue when the importing process is
killed (each worker holds both ends of that queue, so it never sees the end of it). Each worker
therefore watches its parent: a thread waits on the parent's sentinel (a pipe that closes when
the parent dies, on every platform) and ends the worker at once; on Linux the kernel is also asked
to kill the worker with its parent (PR_SET_PDEATHSIG). Workers ignore Ctrl+C: the terminal sends
it to the whole process group, and the importing process decides how to stop them.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.connection import Connection, wait
from typing import Any

_PR_SET_PDEATHSIG = 1
STARTUP_S = 60  # for a worker to start and take its item, before the item's own time limit runs
_STARTED = "started"


def start_pool(workers: int) -> ProcessPoolExecutor:
    """A spawn pool of `workers` processes that end when this process ends, however it ends."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_init_worker, initargs=(os.getpid(),))


def _init_worker(parent_pid: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent_linux()
    parent = multiprocessing.parent_process()
    if parent is not None and parent.sentinel is not None:
        threading.Thread(target=_exit_when_ready, args=(parent.sentinel,), daemon=True,
                         name="parent-watch").start()
    if os.getppid() != parent_pid:  # the parent died before the watch began
        os._exit(1)


def _exit_when_ready(sentinel: int) -> None:
    wait([sentinel])
    os._exit(1)  # the parent is gone: nobody will read this worker's results


def _die_with_parent_linux() -> None:
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no prctl: the sentinel thread still ends the worker
        pass


class _Worker:
    """One reading process and its end of the pipe; `task` is the index it is reading, or None."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, os.getpid()), daemon=True,
                                       name="annotator-reader")
        self.process.start()
        child.close()
        self.task: int | None = None
        self.seconds = self.deadline = 0.0

    def give(self, index: int, call: Callable[[Any], Any], item: Any, seconds: float) -> None:
        """The item's time starts when the worker says it has started (once spawned and its modules
        imported); until then it has STARTUP_S."""
        self.conn.send((call, item))
        self.task, self.seconds, self.deadline = index, seconds, time.monotonic() + STARTUP_S

    def stop(self) -> None:
        """Killed, not asked: a worker may be deep in a library call that never returns."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def close(self) -> None:
        """Asked to end when idle (it reads its pipe), killed otherwise."""
        if self.task is None and self.process.is_alive():
            try:
                self.conn.send(None)
            except OSError:
                pass
            self.process.join(2)
        self.stop()


class ReaderPool:
    """`workers` reading processes (spawned: no state shared with this one), each given one item at a
    time and `seconds` to finish it; see the module for what happens when one does not."""

    def __init__(self, workers: int, seconds: float) -> None:
        self.seconds = seconds
        self._workers = [_Worker() for _ in range(max(1, workers))]

    def map(self, call: Callable[[Any], Any], items: Iterable[Any], *, overran: Callable[[Any], Any],
            died: Callable[[Any, int | None], Any]) -> Iterator[Any]:
        """call(item) for each item, in order; overran(item) for one that took too long, died(item,
        exit code) for one whose worker ended without an answer."""
        items = list(items)
        waiting = deque(range(len(items)))
        results: dict[int, Any] = {}
        given = 0
        while given < len(items):
            for worker in self._workers:
                if worker.task is None and waiting:
                    index = waiting.popleft()
                    worker.give(index, call, items[index], self.seconds)
            self._collect(items, results, overran, died)
            while given in results:
                yield results.pop(given)
                given += 1

    def _collect(self, items, results, overran, died) -> None:
        busy = [w for w in self._workers if w.task is not None]
        if not busy:
            return
        timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout))
        for worker in busy:
            index = worker.task
            if worker.conn in ready or worker.process.sentinel in ready:
                try:
                    if not worker.conn.poll():
                        raise EOFError
                    answer = worker.conn.recv()
                    if answer == _STARTED:
                        worker.deadline = time.monotonic() + worker.seconds
                    else:
                        results[index], worker.task = answer, None
                    continue
                except (EOFError, OSError):  # ended without an answer
                    worker.process.join(5)
                    results[index] = died(items[index], worker.process.exitcode)
            elif time.monotonic() >= worker.deadline:
                results[index] = overran(items[index])
            else:
                continue
            self._replace(worker)

    def _replace(self, worker: _Worker) -> None:
        worker.stop()
        self._workers[self._workers.index(worker)] = _Worker()

    def close(self) -> None:
        for worker in self._workers:
            worker.close()
        self._workers = []

    def __enter__(self) -> ReaderPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _serve(conn: Connection, parent_pid: int) -> None:
    """A reader's life: (call, item) in, call(item) out, until None or the end of the pipe."""
    _init_worker(parent_pid)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        call, item = task
        conn.send(_STARTED)
        conn.send(call(item))
