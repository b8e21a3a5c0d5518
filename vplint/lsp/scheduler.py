"""Debouncing: only the latest text of a buffer is checked, and a burst of edits is checked once.

Each buffer has at most one pending job.  An edit to a buffer with nothing pending is checked at once
(a rep who pauses between words sees the findings of each word without waiting out a delay).  An edit
that arrives while a job is pending — still waiting, or already checking — cancels it (a check that
was overtaken publishes nothing) and schedules one that waits :data:`DELAY` seconds, restarted by each
further edit: a burst of edits (fast typing, a paste, an editor's macro) is checked once, on its
latest text, when it pauses.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable

__all__ = ["DELAY", "Debouncer"]

DELAY = 0.075
"""Seconds between the last edit of a burst and its check: long enough to skip the keystrokes of a word,
short enough that the findings follow the typing."""


class Debouncer:
    def __init__(self, delay: float = DELAY) -> None:
        self.delay = delay
        self._pending: dict[str, asyncio.Task[None]] = {}

    def schedule(self, key: str, job: Callable[[], Awaitable[None]], delay: float | None = None) -> None:
        """Run ``job`` for ``key``, replacing the job pending for it: at once when none was pending, else after
        the delay (``delay`` given: always after that many seconds)."""
        busy = self.pending(key)
        self.cancel(key)
        wait = delay if delay is not None else (self.delay if busy else 0.0)

        async def later() -> None:
            await asyncio.sleep(wait)
            await job()

        task = asyncio.get_running_loop().create_task(later())
        self._pending[key] = task
        task.add_done_callback(lambda t: self._done(key, t))

    def _done(self, key: str, task: asyncio.Task[None]) -> None:
        if self._pending.get(key) is task:
            del self._pending[key]
        if not task.cancelled():
            with contextlib.suppress(Exception):
                task.exception()  # retrieved: a job's own errors are handled (and logged) inside it

    def cancel(self, key: str) -> None:
        task = self._pending.pop(key, None)
        if task is not None:
            task.cancel()

    def pending(self, key: str) -> bool:
        return key in self._pending
