"""The package's own code that a part of the build runs, as files and a digest.

Both caches (prepared articles, reused pages) must change when the code that
made their entries changes, and only then. Which files that is follows from
the import statements, read without importing anything: a module moved to
another folder, or a new module imported by reading, counts without being
listed, and a developer tool that nothing of the build imports never does.
"""

from __future__ import annotations

import ast
import hashlib
from collections.abc import Iterable
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
# Every data file: the outlets and entities, the gazetteer of places.
DATA_FILES = ("data/*.toml", "data/*.tsv", "data/*.txt")


def module_file(name: str, package: Path = PACKAGE) -> Path | None:
    """The file of module or package ``name`` of ``package``, if there is one."""
    parts = name.split(".")
    if parts[0] != package.name:
        return None
    base = package.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _module_name(path: Path, package: Path) -> str:
    relative = path.relative_to(package.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported(path: Path, root: Path) -> Iterable[str]:
    """The names of the modules that the file at ``path`` of the package
    ``root`` imports."""
    package = _module_name(path, root)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_bytes())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            yield module
            # ``from package import module`` imports a module, not a name.
            yield from (f"{module}.{alias.name}" for alias in node.names)


def modules(start: str, package: Path = PACKAGE) -> list[Path]:
    """The files of ``start`` and of every module of ``package`` it imports,
    directly or not, with the packages they are in."""
    seen: set[Path] = set()
    todo = [start]
    while todo:
        name = todo.pop()
        # Importing a.b.c runs a/__init__.py and a/b/__init__.py first.
        parts = name.split(".")
        for end in range(1, len(parts) + 1):
            path = module_file(".".join(parts[:end]), package)
            if path is not None and path not in seen:
                seen.add(path)
                todo.extend(_imported(path, package))
    return sorted(seen)


def digest(paths: Iterable[Path], *extra: str, package: Path = PACKAGE) -> str:
    """One digest of the files at ``paths`` (named relative to ``package``)
    and of the ``extra`` strings."""
    hashed = hashlib.sha256()
    for path in paths:
        hashed.update(path.relative_to(package).as_posix().encode())
        hashed.update(b"\0")
        hashed.update(path.read_bytes())
        hashed.update(b"\0")
    for text in extra:
        hashed.update(text.encode())
        hashed.update(b"\0")
    return hashed.hexdigest()


def data_files(package: Path = PACKAGE) -> list[Path]:
    return sorted(path for pattern in DATA_FILES for path in package.glob(pattern))


def version(start: str, *extra: str, package: Path = PACKAGE) -> str:
    """A digest of the code ``start`` runs, of the package's data files and
    of the ``extra`` strings (libraries' versions, say)."""
    return digest(
        [*modules(start, package), *data_files(package)], *extra, package=package
    )
