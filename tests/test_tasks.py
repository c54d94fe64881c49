"""The invoke tasks, run as a maintainer runs them, in a copy of the project."""

from __future__ import annotations

import shutil
import subprocess
import sys
from typing import ClassVar

import pytest

from tests.conftest import ROOT, soup


@pytest.fixture
def project(tmp_path):
    """A copy of the project's site files (not the package: it is installed)."""
    for name in ("pelicanconf.py", "publishconf.py", "tasks.py"):
        shutil.copy(ROOT / name, tmp_path / name)
    for name in ("content", "theme"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def invoke(project, *args):
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        capture_output=True,
        text=True,
        cwd=project,
        check=False,
    )


def test_build_writes_the_archive(project):
    result = invoke(project, "build")
    assert result.returncode == 0, result.stderr
    home = soup(project / "output" / "index.html")
    assert len(home.select("article.summary")) == 2


def test_build_fails_naming_an_undated_article(project):
    bad = project / "content" / "articles" / "2020" / "11" / "undated.txt"
    bad.write_text(
        "Title: Undated\n\nA story with no date anywhere in it, long enough to be prose.\n",
        encoding="utf-8",
    )
    result = invoke(project, "build")
    assert result.returncode != 0
    assert "Build failed: 1 source file could not be read" in result.stderr
    assert "content/articles/2020/11/undated.txt: no date found" in result.stderr
    assert not (project / "output").exists()


def test_breaking_a_header_fails_the_build_and_keeps_the_old_site(project):
    assert invoke(project, "build").returncode == 0
    before = {p: p.read_bytes() for p in (project / "output").rglob("*") if p.is_file()}
    article = next(
        (project / "content" / "articles" / "2020" / "11").glob("russia-*.txt")
    )
    article.write_text(
        article.read_text(encoding="utf-8").replace("Date:", "Dtae:", 1),
        encoding="utf-8",
    )
    result = invoke(project, "build")
    assert result.returncode != 0
    assert (
        f"content/articles/2020/11/{article.name}: header line 2 has unknown key 'Dtae'"
        in result.stderr
    )
    assert "output/ was left as it was." in result.stderr
    after = {p: p.read_bytes() for p in (project / "output").rglob("*") if p.is_file()}
    assert after == before


def test_import_task_reports_the_seeds_as_duplicates(project):
    seeds = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    first, second = [str(p) for p in seeds] or [
        str(ROOT / "tests" / "fixtures" / name)
        for name in ("moscow_times_raw.txt", "cgtn_raw.txt")
    ]
    # More than one path: the rest follow "--".
    result = invoke(project, "import", first, "--", second)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("duplicate ") == 2
    assert result.stdout.splitlines()[-1].endswith(
        "0 imported, 2 duplicate, 0 refused."
    )


def test_inspect_task_prints_json(project):
    result = invoke(
        project,
        "inspect",
        "content/articles/2020/11/"
        + next(
            p.name
            for p in (project / "content" / "articles" / "2020" / "11").glob(
                "russia-*.txt"
            )
        ),
        "--json",
    )
    assert result.returncode == 0, result.stderr
    assert '"source": "CGTN"' in result.stdout


def test_publish_without_a_target_says_what_to_set(project):
    result = invoke(project, "publish")
    assert result.returncode != 0
    assert "set NEWSARCHIVE_DEPLOY_TARGET" in result.stderr


def test_publish_copies_the_production_build(project, tmp_path):
    target = tmp_path / "deployed"
    target.mkdir()
    env_run = subprocess.run(
        [sys.executable, "-m", "invoke", "publish"],
        capture_output=True,
        text=True,
        cwd=project,
        check=False,
        env={
            **__import__("os").environ,
            "NEWSARCHIVE_DEPLOY_TARGET": f"{target}/",
            "NEWSARCHIVE_SITEURL": "https://archive.test",
        },
    )
    assert env_run.returncode == 0, env_run.stderr
    page = soup(target / "index.html")
    link = page.select_one("article.summary h2 a")["href"]
    assert link.startswith("https://archive.test/2020/11/11/cgtn/")
    assert (target / "feeds" / "all.atom.xml").is_file()
    assert "Published to" in env_run.stdout


class FakeLiveReloadServer:
    """livereload's Server, without serving: ``serve`` runs the first watched
    callback once, as a save of a watched file would."""

    watched: ClassVar[list] = []

    def watch(self, glob, callback):
        self.watched.append((glob, callback))

    def serve(self, **kwargs):
        self.watched[0][1]()


def test_livereload_builds_through_the_all_or_nothing_build(
    project, monkeypatch, capsys
):
    import importlib.util

    import livereload

    monkeypatch.chdir(project)
    monkeypatch.setattr(livereload, "Server", FakeLiveReloadServer)
    FakeLiveReloadServer.watched = []
    spec = importlib.util.spec_from_file_location("project_tasks", project / "tasks.py")
    tasks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tasks)

    tasks.livereload.body(None)  # a build, then one save
    page = next((project / "output" / "2020").rglob("index.html"))
    assert "content/**/*.txt" in [glob for glob, _ in FakeLiveReloadServer.watched]
    # The second build took the unchanged page from the first: the same file.
    first_inode = page.stat().st_ino
    FakeLiveReloadServer.watched[0][1]()
    assert page.stat().st_ino == first_inode

    # A broken article fails the build and leaves the site as it was.
    broken = project / "content" / "articles" / "2020" / "11" / "undated.txt"
    broken.write_text("Title: Undated\n\nNo date here at all.\n", encoding="utf-8")
    FakeLiveReloadServer.watched[0][1]()
    assert "undated.txt: no date found" in capsys.readouterr().err
    assert page.stat().st_ino == first_inode
