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

from newsarchive import internals, lifecycle
from newsarchive.plugins.strict import failure_reason

logger = logging.getLogger(__name__)

PUBLISHED = "published"
HIDDEN = "hidden"
DRAFT = "draft"
FAILED = "failed"


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
        old = Path(
            tempfile.mkdtemp(
                prefix=_staging_prefix(output, "old", os.getpid()), dir=output.parent
            )
        )
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


def _staging_prefix(output: Path, kind: str, pid: int | str = "") -> str:
    return f".{output.name}-{kind}-{pid}-" if pid != "" else f".{output.name}-{kind}-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stale_folders(output: Path) -> list[Path]:
    """What earlier builds into ``output`` left beside it and no build uses.

    A staging folder is named for the process writing into it; one whose
    process is gone was left by a build that was killed. A replaced output
    is deleted in the background by ``rm``, which may have been killed too;
    deleting it again is harmless.
    """
    stale = []
    for path in output.parent.glob(_staging_prefix(output, "new") + "*"):
        pid = path.name.removeprefix(_staging_prefix(output, "new")).split("-")[0]
        if not (pid.isdigit() and _alive(int(pid))):
            stale.append(path)
    stale += output.parent.glob(_staging_prefix(output, "old") + "*")
    return sorted(path for path in stale if path.is_dir())


def build(settings_file: str, override: dict | None = None) -> Account:
    """Build the site that ``settings_file`` describes, all or nothing.

    Raises ``newsarchive.plugins.strict.SourceFilesFailed`` when any source
    file could not be read; the output folder is then left as it was.
    """
    settings = read_settings(settings_file, override=override or {})
    output = Path(settings["OUTPUT_PATH"]).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    for stale in stale_folders(output):
        logger.info("Removing %s, left by a build that did not finish", stale)
        remove_tree(stale)
    staging = Path(
        tempfile.mkdtemp(
            prefix=_staging_prefix(output, "new", os.getpid()), dir=output.parent
        )
    )
    settings["OUTPUT_PATH"] = str(staging)
    try:
        with _recording() as account, lifecycle.expect(staging, target=output):
            Pelican(settings).run()
    except BaseException:
        lifecycle.failed(staging)
        shutil.rmtree(staging, ignore_errors=True)
        internals.forget_sitemap_build()
        raise
    # mkdtemp makes a private folder; a site is for everyone to read.
    staging.chmod(0o755)
    _swap_in(staging, output, settings.get("OUTPUT_RETENTION", []))
    return account
