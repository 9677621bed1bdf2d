"""At most one background run of a kind at a time: a request made while one runs asks for one more
when it ends (what changed meanwhile is then taken in), however many requests came."""

from __future__ import annotations

from collections.abc import Callable


class OneRunAtATime:
    def __init__(self, start: Callable[[], None]) -> None:
        self._start = start  # begins a run; the run calls ended() when it is over, whichever way
        self.running = False
        self._again = False

    def request(self) -> None:
        if self.running:
            self._again = True
            return
        self.running, self._again = True, False
        self._start()

    def ended(self) -> None:
        self.running = False
        if self._again:
            self.request()
