"""The life of one build: what it replaces, how it ends, and what its plugins
keep for it while it runs.

Pelican hands a plugin the objects of a build (a generator, the Pelican
object, a written file's path), never the build itself. Our plugins keep what
they start for a build (a pool of processes, a fork, the search indexer, the
pages written so far) here, under their own name, in the ``Build`` of the
output folder it writes into. A build's state is created when Pelican
starts it and dropped when it ends, whether it succeeds or fails, so nothing
of one build is left in a module for the next.

``newsarchive.build.build`` names the folder a build replaces (``expect``),
so that plugins can reuse what has not changed; a plain ``pelican`` run
replaces nothing and reuses nothing.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pelican import signals

from newsarchive import settings as archive_settings

logger = logging.getLogger(__name__)

# Sent with the folder a failed build was writing into, before it is deleted:
# plugins stop the work they left running for it. Its handlers need not do
# anything else; the build's state is dropped after them.
build_failed = signals.signal("newsarchive_build_failed")


@dataclass
class Build:
    """One running build."""

    output: Path  # where Pelican writes: a staging folder under ``build()``
    target: Path | None = None  # the folder this build's output replaces
    reuse: bool = True  # whether it may take unchanged work from ``target``
    parts: dict[str, object] = field(default_factory=dict)  # by plugin

    @property
    def previous_output(self) -> Path | None:
        """The output of the last build, to reuse what has not changed, or None."""
        if not self.reuse or self.target is None or not self.target.is_dir():
            return None
        return self.target


_expected: dict[str, Build] = {}  # named by ``expect`` before Pelican starts
_running: dict[str, Build] = {}  # by output folder


def _key(output) -> str:
    return os.path.abspath(output)


def current(output) -> Build:
    """The build writing into ``output``; one of its own if none was started
    (a generator run by hand, as in some tests)."""
    key = _key(output)
    build = _running.get(key)
    if build is None:
        build = _running[key] = Build(Path(key))
    return build


def writing(path) -> Build | None:
    """The running build whose output folder holds ``path``."""
    path = _key(path)
    for key, build in _running.items():
        if path.startswith(key + os.sep):
            return build
    return None


def running() -> list[Build]:
    return list(_running.values())


@contextmanager
def expect(output: Path, target: Path) -> Iterator[None]:
    """Let the build Pelican is about to run into ``output`` know that it
    replaces ``target``."""
    _expected[_key(output)] = Build(Path(_key(output)), target)
    try:
        yield
    finally:
        _expected.pop(_key(output), None)


def started(pelican) -> None:
    key = _key(pelican.output_path)
    if key in _running:
        # A build into this folder that never ended (it failed outside
        # ``build()``): stop what it left running first.
        failed(key)
    archive_settings.check(pelican.settings)
    build = _expected.pop(key, None) or Build(Path(key))
    build.reuse = archive_settings.get(pelican.settings, "REUSE_OUTPUT")
    _running[key] = build


def finished(pelican) -> None:
    _running.pop(_key(pelican.output_path), None)


def failed(output) -> None:
    """The build into ``output`` failed: stop its work and forget it."""
    try:
        build_failed.send(str(output))
    finally:
        _running.pop(_key(output), None)


def register_start() -> None:
    signals.initialized.connect(started)


def register_end() -> None:
    # Connected after every plugin, so that their finalized handlers still
    # find the build's state.
    signals.finalized.connect(finished)
