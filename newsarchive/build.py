"""One entry point for building the archive, used by the tasks and the tests.

A build never leaves a half-written site: Pelican writes into a fresh folder
beside the output folder, and only a build that succeeded replaces it.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pelican import Pelican, signals
from pelican.settings import read_settings

from newsarchive.strict import failure_reason

logger = logging.getLogger(__name__)

PUBLISHED = "published"
HIDDEN = "hidden"
DRAFT = "draft"
FAILED = "failed"

# Sent with the folder a failed build was writing into, before it is deleted:
# plugins stop the work they left running on it (the search indexer).
build_failed = signals.signal("newsarchive_build_failed")


@dataclass(frozen=True)
class SourceFile:
    path: str  # relative to the content folder
    status: str  # PUBLISHED, HIDDEN, DRAFT or FAILED
    detail: str = ""  # the page's URL, or why it failed


@dataclass
class Account:
    """What became of every source file in a build."""

    files: list[SourceFile] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(f.status == status for f in self.files)

    @property
    def failed(self) -> list[SourceFile]:
        return [f for f in self.files if f.status == FAILED]

    def summary(self) -> str:
        counts = ", ".join(
            f"{self.count(status)} {status}"
            for status in (PUBLISHED, HIDDEN, DRAFT, FAILED)
        )
        return f"Read {len(self.files)} source files: {counts}."

    def lines(self) -> list[str]:
        return [
            f"{f.status:<9} {f.path}{' -> ' if f.status != FAILED else ': '}{f.detail}"
            for f in self.files
        ]


def account_for(generators) -> Account:
    """The fate of each article and page source the generators found."""
    context = generators[0].context
    statuses = {}
    for generator in generators:
        for attribute, status in (
            ("articles", PUBLISHED),
            ("pages", PUBLISHED),
            ("hidden_articles", HIDDEN),
            ("hidden_pages", HIDDEN),
            ("drafts", DRAFT),
            ("draft_pages", DRAFT),
        ):
            for content in getattr(generator, attribute, ()):
                statuses[content.get_relative_source_path()] = (status, content.url)
    files = []
    for path, content in sorted(context["generated_content"].items()):
        if content is None:
            reason = failure_reason(os.path.join(generators[0].path, path))
            files.append(SourceFile(path, FAILED, reason))
        elif path in statuses:
            files.append(SourceFile(path, *statuses[path]))
    return Account(files)


@contextmanager
def _recording() -> Iterator[Account]:
    """Collect the account of the build run inside this block."""
    account = Account()

    def record(generators):
        account.files = account_for(generators).files

    signals.all_generators_finalized.connect(record)
    try:
        yield account
    finally:
        signals.all_generators_finalized.disconnect(record)


def _swap_in(staging: Path, output: Path, retained: list[str]) -> None:
    """Replace ``output`` by ``staging``, keeping the files Pelican would keep."""
    if output.exists():
        for name in retained:
            if (output / name).exists() and not (staging / name).exists():
                shutil.move(str(output / name), staging / name)
        old = Path(tempfile.mkdtemp(prefix=f".{output.name}-old-", dir=output.parent))
        output.rename(old / output.name)
        staging.rename(output)
        remove_tree(old)
    else:
        staging.rename(output)


def remove_tree(path: Path) -> None:
    """Delete ``path`` and all below it, without waiting where ``sh`` can.

    The old output of a large archive holds tens of thousands of folders;
    deleting them took 2 to 5 s of a rebuild at 10,000 articles. Nothing reads
    the folder again once it is renamed away, so ``rm`` goes on in the
    background, in a process of its own that outlives this one if need be.
    """
    sh = shutil.which("sh")
    if sh:
        # The shell starts rm and exits at once: rm is then nobody's child
        # to wait for.
        started = subprocess.run(
            [sh, "-c", 'rm -rf -- "$1" >/dev/null 2>&1 &', "sh", str(path)],
            stdin=subprocess.DEVNULL,
            check=False,
        )
        if started.returncode == 0:
            return
    shutil.rmtree(path)


def _forget_failed_build() -> None:
    """Clear what pelican-sitemap keeps between builds in one process.

    It remembers the running build until ``finalized``, which a failed build
    never sends, and until then ignores every later build: without this, no
    build after a failed one in the same process (tests, ``livereload``)
    would write a sitemap.
    """
    try:
        from pelican.plugins.sitemap import sitemap
    except ImportError:
        return
    sitemap.generator._main_pelican = None
    sitemap.generator.page_queue = []


def previous_output(settings: dict) -> Path | None:
    """The output of the last build, to reuse what has not changed, or None.

    ``build`` names it (``NEWSARCHIVE_PREVIOUS_OUTPUT``); a build that must
    start afresh (``invoke rebuild``) sets ``NEWSARCHIVE_REUSE_OUTPUT`` False.
    """
    previous = settings.get("NEWSARCHIVE_PREVIOUS_OUTPUT")
    if not previous or settings.get("NEWSARCHIVE_REUSE_OUTPUT", True) is False:
        return None
    previous = Path(previous)
    return previous if previous.is_dir() else None


def build(settings_file: str, override: dict | None = None) -> Account:
    """Build the site that ``settings_file`` describes, all or nothing.

    Raises ``newsarchive.strict.SourceFilesFailed`` when any source file
    could not be read; the output folder is then left as it was.
    """
    settings = read_settings(settings_file, override=override or {})
    output = Path(settings["OUTPUT_PATH"]).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-new-", dir=output.parent))
    settings["OUTPUT_PATH"] = str(staging)
    # What this build replaces, and may reuse pages and search bundles of.
    settings["NEWSARCHIVE_PREVIOUS_OUTPUT"] = str(output)
    try:
        with _recording() as account:
            Pelican(settings).run()
    except BaseException:
        build_failed.send(str(staging))
        shutil.rmtree(staging, ignore_errors=True)
        _forget_failed_build()
        raise
    # mkdtemp makes a private folder; a site is for everyone to read.
    staging.chmod(0o755)
    _swap_in(staging, output, settings.get("OUTPUT_RETENTION", []))
    return account
