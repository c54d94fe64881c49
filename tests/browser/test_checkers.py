"""The whole built site through the Nu HTML checker and a link checker."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser.conftest import node_tool

# LinkChecker waits up to 0.6 s between two requests to a host unless the host
# names it in a response header (ours does) and this rate allows more.
LINKCHECKER_CONFIG = "[checking]\nmaxrequestspersecond=1000\n"


def vnu(*args: str) -> list[dict]:
    """vnu's error messages for ``args``, from its JSON report."""
    jar = node_tool("vnu-jar", "build", "dist", "vnu.jar")
    if shutil.which("java") is None:
        pytest.fail("java is missing: vnu needs a Java runtime")
    result = subprocess.run(
        ["java", "-jar", str(jar), "--errors-only", "--format", "json", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    # The report goes to stderr; anything else there is vnu failing to run.
    report = json.loads(result.stderr)
    assert result.returncode == (1 if report["messages"] else 0), result.stderr
    return report["messages"]


def describe_vnu(messages: list[dict], root: Path) -> str:
    lines = [f"{len(messages)} vnu error(s):"]
    for m in messages:
        where = m.get("url", "").removeprefix("file:").removeprefix(str(root) + "/")
        lines.append(f"- {where}:{m.get('lastLine', '?')}: {m['message']}")
        if m.get("extract"):
            lines.append(f"    {m['extract']!r}")
    return "\n".join(lines)


def test_every_page_and_stylesheet_is_valid(served_site):
    root = served_site.root
    messages = vnu("--skip-non-html", "--also-check-css", "--also-check-svg", str(root))
    assert not messages, describe_vnu(messages, root)
    # It did look: the site's pages, its stylesheet and its icon.
    assert any(root.rglob("*.css")) and any(root.rglob("*.svg"))


def test_vnu_reports_what_it_finds(tmp_path):
    """The check above passes because the site is valid, not because vnu
    read nothing: the same call finds errors in HTML, CSS and SVG."""
    (tmp_path / "page.html").write_text(
        "<!DOCTYPE html><html lang=en><title>t</title><p><div></p>"
    )
    (tmp_path / "style.css").write_text("a { colr: red }")
    (tmp_path / "icon.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><rect wdth="1"/></svg>'
    )
    messages = vnu(
        "--skip-non-html", "--also-check-css", "--also-check-svg", str(tmp_path)
    )
    files = {Path(m["url"].removeprefix("file:")).name for m in messages}
    assert files == {"page.html", "style.css", "icon.svg"}


def linkchecker(tmp_path: Path, *urls: str) -> list[dict]:
    """The links LinkChecker found broken, crawling from ``urls``."""
    executable = shutil.which("linkchecker", path=str(Path(sys.executable).parent))
    assert executable, "linkchecker is missing: pip install -e '.[test]'"
    config = tmp_path / "linkcheckerrc"
    config.write_text(LINKCHECKER_CONFIG)
    result = subprocess.run(
        [
            executable,
            f"--config={config}",
            "--no-warnings",
            "--no-status",
            "--recursion-level=-1",
            "--output=csv",
            *urls,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    rows = [line for line in result.stdout.splitlines() if not line.startswith("#")]
    broken = list(csv.DictReader(rows, delimiter=";"))
    # 1 means broken links were found; anything else is LinkChecker failing.
    assert result.returncode == (1 if broken else 0), result.stderr
    return broken


def describe_links(broken: list[dict]) -> str:
    lines = [f"{len(broken)} broken link(s):"]
    lines.extend(
        f"- {b['urlname']} on {b['parentname']} (line {b['line']}): {b['result']}"
        for b in broken
    )
    return "\n".join(lines)


def test_no_link_is_broken(served_site, tmp_path):
    url = served_site.url
    # The sitemap and the 404 page link to pages the crawl might not reach.
    broken = linkchecker(tmp_path, f"{url}/", f"{url}/sitemap.xml", f"{url}/404.html")
    assert not broken, describe_links(broken)


def test_the_link_checker_reports_what_it_finds(served_site, tmp_path):
    """A crawl from a page with a broken link finds it, through our server."""
    page = served_site.root / "broken-link-check.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><title>t</title>'
        '<a href="entity/">fine</a> <a href="no-such-page/">broken</a>'
    )
    try:
        broken = linkchecker(tmp_path, f"{served_site.url}/{page.name}")
    finally:
        page.unlink()
    assert [(b["urlname"], b["result"]) for b in broken] == [
        ("no-such-page/", "404 Not Found")
    ]
