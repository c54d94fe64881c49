"""What the caches call the code: the files a part of the build imports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsarchive import code
from newsarchive.plugins import article_cache
from newsarchive.reuse import fingerprints

ROOT = code.PACKAGE.parent


@pytest.fixture
def checkout(tmp_path) -> Path:
    """A copy of the package and the developer tools, to edit and move."""
    shutil.copytree(code.PACKAGE, tmp_path / "newsarchive")
    shutil.copytree(ROOT / "tools", tmp_path / "tools")
    return tmp_path


def versions(checkout: Path) -> tuple[str, str]:
    package = checkout / "newsarchive"
    return (
        code.version(article_cache.READING, package=package),
        code.version(fingerprints.PLUGINS, package=package),
    )


def relative(paths) -> set[str]:
    return {path.relative_to(code.PACKAGE).as_posix() for path in paths}


def test_reading_is_what_prepare_imports_wherever_it_lives():
    reading = relative(code.modules(article_cache.READING))
    assert {
        "__init__.py",
        "plugins/__init__.py",
        "plugins/prepare.py",
        "plugins/article_cache.py",
        "reading/__init__.py",
        "reading/parse.py",
        "reading/datelines.py",
        "entities/matcher.py",
        "entities/tagging.py",
        "code.py",
        "settings.py",
    } <= reading
    # Neither the importer, nor the page writer, nor the search index reads.
    assert {"commands/importer.py", "reuse/writer.py", "search/indexer.py"}.isdisjoint(
        reading
    )


def test_the_plugins_code_is_every_plugin_and_what_they_import():
    plugins = relative(code.modules(fingerprints.PLUGINS))
    assert {
        "plugins/reader.py",
        "plugins/story_pages.py",
        "reuse/writer.py",
        "search/plugin.py",
        "stories/grouping.py",
        "reading/parse.py",
        "lifecycle.py",
    } <= plugins
    assert not any(path.startswith("commands/") for path in plugins)


def test_editing_a_module_reading_uses_changes_both_keys(checkout):
    article, pages = versions(checkout)
    datelines = checkout / "newsarchive" / "reading" / "datelines.py"
    datelines.write_text(datelines.read_text() + "\n# edited\n")
    edited_article, edited_pages = versions(checkout)
    assert edited_article != article
    assert edited_pages != pages


def test_moving_a_module_reading_uses_changes_the_article_key(checkout):
    article, _ = versions(checkout)
    package = checkout / "newsarchive"
    (package / "reading" / "texts").mkdir()
    (package / "reading" / "texts" / "__init__.py").write_text("")
    (package / "reading" / "header.py").rename(
        package / "reading" / "texts" / "header.py"
    )
    for path in package.rglob("*.py"):
        text = path.read_text()
        moved = text.replace(
            "newsarchive.reading.header", "newsarchive.reading.texts.header"
        )
        if moved != text:
            path.write_text(moved)
    assert "reading/texts/header.py" in {
        path.relative_to(package).as_posix()
        for path in code.modules(article_cache.READING, package)
    }
    assert versions(checkout)[0] != article


def test_editing_a_data_file_changes_both_keys(checkout):
    article, pages = versions(checkout)
    outlets = checkout / "newsarchive" / "data" / "outlets.toml"
    outlets.write_text(outlets.read_text() + "\n# edited\n")
    assert versions(checkout)[0] != article
    assert versions(checkout)[1] != pages


def test_editing_a_developer_tool_or_a_command_changes_neither_key(checkout):
    before = versions(checkout)
    for path in (
        checkout / "tools" / "bench" / "run.py",
        checkout / "newsarchive" / "commands" / "importer.py",
    ):
        path.write_text(path.read_text() + "\n# edited\n")
    assert versions(checkout) == before


@pytest.mark.parametrize("folder", ["reading", "entities", "stories"])
def test_the_text_packages_need_no_pelican_build(folder):
    """Reading, tagging and grouping are pure text work: of Pelican they use
    at most its slugify, so that entity slugs are the tag pages' slugs."""
    imported = set()
    for path in (code.PACKAGE / folder).glob("*.py"):
        for name in code._imported(path, code.PACKAGE):
            if name.split(".")[0] == "pelican":
                imported.add(name)
    assert imported <= {"pelican.utils", "pelican.utils.slugify"}
    assert not any(
        name.startswith(
            ("newsarchive.plugins", "newsarchive.reuse", "newsarchive.search")
        )
        for path in (code.PACKAGE / folder).glob("*.py")
        for name in code._imported(path, code.PACKAGE)
    )
