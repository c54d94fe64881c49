"""Rebuilds take unchanged pages from the output they replace, and only those."""

from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path

import pytest

from newsarchive.reuse import fingerprints
from newsarchive.reuse import pages as reuse_pages
from tests.conftest import build_site
from tests.plugins.test_prepare import site_files
from tools.bench import add_article, change_article
from tools.generate import main as generate_main

REUSED = "Pages of %s: %d rendered, %d unchanged since the last build"


@pytest.fixture
def generated_content(content_dir) -> Path:
    generate_main(["--n", "40", "--out", str(content_dir / "articles"), "--seed", "7"])
    return content_dir


def page_counts(caplog) -> tuple[int, int]:
    records = [r for r in caplog.records if r.msg == REUSED]
    assert records, "the build logged no page counts"
    return records[-1].args[1:]


def fresh_build(content: Path, folder: Path) -> Path:
    """A cold build: its own cache, no previous output."""
    return build_site(content, folder / "output", CACHE_PATH=str(folder / "cache"))


def test_an_unchanged_rebuild_renders_only_pages_without_a_fingerprint(
    generated_content, tmp_path, caplog
):
    output = tmp_path / "output"
    build_site(generated_content, output)
    before = site_files(output)
    with caplog.at_level(logging.INFO, logger="newsarchive.reuse.writer"):
        build_site(generated_content, output)
    rendered, reused = page_counts(caplog)
    # The directories (entities, publishers, authors, archive), the story
    # index, the search page, robots.txt and the 404 page: templates that
    # read the whole archive, or whose reads are not declared.
    assert rendered == 8
    assert reused > 100
    assert site_files(output) == before


def test_a_rebuild_after_changes_equals_a_cold_build(
    generated_content, tmp_path, caplog
):
    output = tmp_path / "output"
    build_site(generated_content, output)
    articles = generated_content / "articles"
    add_article(articles, seed=7)
    change_article(articles)
    removed = sorted(articles.rglob("*.txt"))[5]
    removed.unlink()
    with caplog.at_level(logging.INFO, logger="newsarchive.reuse.writer"):
        # Every page it reuses is rendered too and compared (conftest).
        build_site(generated_content, output)
    rendered, reused = page_counts(caplog)
    assert reused > rendered
    cold = fresh_build(generated_content, tmp_path / "cold")
    assert site_files(output) == site_files(cold)


def test_a_page_edited_in_the_output_is_rendered_again(generated_content, tmp_path):
    output = tmp_path / "output"
    build_site(generated_content, output)
    page = next(output.glob("20*/*/*/*/*/index.html"))
    expected = page.read_text(encoding="utf-8")
    page.write_text("edited by hand", encoding="utf-8")
    build_site(generated_content, output)
    assert page.read_text(encoding="utf-8") == expected


def test_a_build_told_not_to_reuse_renders_every_page(
    generated_content, tmp_path, caplog
):
    output = tmp_path / "output"
    build_site(generated_content, output)
    with caplog.at_level(logging.INFO, logger="newsarchive.reuse.writer"):
        build_site(generated_content, output, REUSE_OUTPUT=False)
    rendered, reused = page_counts(caplog)
    assert reused == 0
    assert rendered > 100


def test_a_fingerprint_that_misses_a_change_fails_the_verified_build(
    generated_content, tmp_path, monkeypatch
):
    output = tmp_path / "output"
    build_site(generated_content, output)
    # As if fingerprints ignored what pages show: every page looks unchanged.
    monkeypatch.setattr(fingerprints, "page_fingerprint", lambda *args: "same")
    build_site(generated_content, output)
    change_article(generated_content / "articles")
    before = site_files(output)
    with pytest.raises(
        reuse_pages.StalePage, match=r"reused, but its rendering has changed"
    ):
        build_site(generated_content, output)
    assert site_files(output) == before


def test_an_unreadable_manifest_reuses_nothing(generated_content, tmp_path, caplog):
    output = tmp_path / "output"
    build_site(generated_content, output)
    manifest = reuse_pages.manifest_path(str(tmp_path / "cache"), str(output))
    assert manifest.exists()
    manifest.write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="newsarchive.reuse.writer"):
        build_site(generated_content, output)
    assert page_counts(caplog)[1] == 0
    assert "Ignoring unreadable page manifest" in caplog.text
    manifest_data = json.loads(manifest.read_text(encoding="utf-8"))
    assert manifest_data["version"] == reuse_pages.MANIFEST_VERSION == 2


def test_manifests_of_two_outputs_are_kept_apart(tmp_path):
    first = reuse_pages.manifest_path(str(tmp_path), str(tmp_path / "output"))
    second = reuse_pages.manifest_path(str(tmp_path), str(tmp_path / "preview"))
    assert first != second
    assert first.parent == second.parent == tmp_path / reuse_pages.MANIFEST_FOLDER


def test_a_moved_output_folder_is_rendered_afresh(generated_content, tmp_path, caplog):
    output = tmp_path / "output"
    build_site(generated_content, output)
    moved = tmp_path / "elsewhere"
    shutil.copytree(output, moved)
    with caplog.at_level(logging.INFO, logger="newsarchive.reuse.writer"):
        build_site(generated_content, moved)
    assert page_counts(caplog)[1] == 0


def test_an_unchanged_page_is_the_previous_file_linked_not_written(
    generated_content, tmp_path
):
    output = tmp_path / "output"
    build_site(generated_content, output)
    page = next(output.glob("20*/*/*/*/*/index.html"))
    before = page.stat()
    build_site(generated_content, output)
    after = page.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_page_replaced_by_one_of_its_size_and_time_is_rendered_again(
    generated_content, tmp_path
):
    output = tmp_path / "output"
    build_site(generated_content, output)
    page = next(output.glob("20*/*/*/*/*/index.html"))
    expected = page.read_text(encoding="utf-8")
    stat = page.stat()
    forged = page.with_name("forged.html")
    forged.write_bytes(b"x" * stat.st_size)
    os.utime(forged, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    os.replace(forged, page)
    build_site(generated_content, output)
    assert page.read_text(encoding="utf-8") == expected
