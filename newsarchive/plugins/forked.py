"""A pure function's result, computed in a child process forked for it.

The build is single-threaded Python for most of its length, and leaves the
other cores idle. Work that only reads what is already known (grouping the
articles into stories once they are read) can run in a forked copy of the
process while the build goes on, and be picked up when it is needed. A fork
shares the parent's memory until either writes to it, so nothing is copied
to the child; only the result comes back, pickled through a pipe.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from typing import Any


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class Forked:
    """``function(*args)``, started in a child process at once."""

    def __init__(self, function: Callable[..., Any], *args: Any):
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_run, args=(send, function, args), daemon=True
        )
        self._process.start()
        send.close()

    def result(self) -> Any:
        """Wait for the result; an exception the function raised is raised here."""
        try:
            done, value = self._receive.recv()
        except EOFError:
            raise ChildProcessError(
                f"the process computing it ended with code {self._wait()}"
            ) from None
        finally:
            self._receive.close()
        self._wait()
        if not done:
            raise value
        return value

    @property
    def running(self) -> bool:
        return self._process.is_alive()

    def cancel(self) -> None:
        """Stop the child, if it still runs; its result is lost."""
        self._process.kill()
        self._wait()
        self._receive.close()

    def _wait(self) -> int | None:
        self._process.join()
        return self._process.exitcode


def _run(send, function, args) -> None:
    try:
        outcome = (True, function(*args))
    except BaseException as error:
        outcome = (False, error)
    send.send(outcome)
    send.close()
