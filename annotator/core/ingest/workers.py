"""The process pool that reads and segments files; its workers never outlive the import.

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
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.connection import wait

_PR_SET_PDEATHSIG = 1


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
