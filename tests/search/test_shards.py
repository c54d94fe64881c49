"""The search index a year at a time: shards, and which are indexed again."""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
from pathlib import Path

import pytest

from newsarchive.search.indexer import (
    MANIFEST,
    Indexer,
    plan_shards,
    read_manifest,
    update_search_index,
)

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body><nav>Home Archive Search</nav>
<article>
  <h1 data-pagefind-meta="title">{title}</h1>
  <time data-pagefind-sort="date:{year}-05-01" data-pagefind-filter="year:{year}"
    data-pagefind-meta="date">1 May {year}</time>
  <div data-pagefind-body><p>{text}</p></div>
</article></body></html>
"""


def write_page(site: Path, year: int, slug: str, text: str) -> Path:
    page = site / str(year) / "05" / "01" / "outlet" / slug / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(PAGE.format(title=slug.title(), year=year, text=text), "utf-8")
    return page


@pytest.fixture
def built(tmp_path) -> Path:
    """A site of two years of articles and a listing, indexed once."""
    site = tmp_path / "first"
    write_page(site, 2019, "ceasefire", "Peacekeepers arrive after the ceasefire.")
    write_page(site, 2020, "talks", "Talks resume in Moscow.")
    write_page(site, 2020, "border", "Peacekeepers patrol the border.")
    (site / "index.html").write_text("<!DOCTYPE html><title>Home</title>", "utf-8")
    report = update_search_index(None, site)
    assert report.indexed == ["2020", "2019"] and report.carried == []
    return site


def next_build(previous: Path) -> Path:
    """The next build's output: the same pages, its index still to write."""
    return next_build_of(previous, "next")


def next_build_of(previous: Path, name: str = "after") -> Path:
    site = previous.with_name(name)
    shutil.copytree(previous, site, ignore=shutil.ignore_patterns("pagefind"))
    return site


def bundle_state(bundle: Path) -> dict[str, int]:
    """When each file of the bundle was written, but its manifest."""
    return {
        path.relative_to(bundle).as_posix(): path.stat().st_mtime_ns
        for path in bundle.rglob("*")
        if path.is_file() and path.name != MANIFEST
    }


def test_one_bundle_per_year_listed_newest_first(built):
    index = built / "pagefind"
    assert json.loads((index / "shards.json").read_text()) == {
        "shards": [
            {"bundle": "2020", "base": "2020/"},
            {"bundle": "2019", "base": "2019/"},
        ]
    }
    for year, pages in (("2020", 2), ("2019", 1)):
        entry = json.loads((index / year / "pagefind-entry.json").read_text())
        assert entry["languages"]["en"]["page_count"] == pages
        manifest = read_manifest(index / year)
        assert len(manifest["pages"]) == pages
        assert "pagefind.js" in manifest["files"]


def test_only_the_year_that_changed_is_indexed_again(built):
    site = next_build(built)
    write_page(site, 2020, "talks", "Talks resume in Moscow and Baku.")
    report = update_search_index(built, site)
    assert report.indexed == ["2020"] and report.carried == ["2019"]
    assert report.pages == 3
    old, new = built / "pagefind", site / "pagefind"
    # 2019's bundle is the previous one, file for file, untouched.
    assert bundle_state(new / "2019") == bundle_state(old / "2019")
    assert read_manifest(new / "2019") == read_manifest(old / "2019")
    talks = "2020/05/01/outlet/talks/index.html"
    assert (
        read_manifest(new / "2020")["pages"][talks]
        != (read_manifest(old / "2020")["pages"][talks])
    )


def test_a_change_pagefind_does_not_read_indexes_nothing(built):
    """Such as the newer and older links of an article's neighbours."""
    site = next_build(built)
    page = site / "2019/05/01/outlet/ceasefire/index.html"
    page.write_text(page.read_text().replace("Home Archive", "Home Newer"))
    report = update_search_index(built, site)
    assert report.indexed == [] and report.carried == ["2020", "2019"]
    # The carried manifest holds the page as it is now, for the next build.
    manifest = read_manifest(site / "pagefind" / "2019")
    assert (
        manifest["pages"][page.relative_to(site).as_posix()]
        != (
            read_manifest(built / "pagefind" / "2019")["pages"][
                page.relative_to(site).as_posix()
            ]
        )
    )
    assert update_search_index(site, next_build_of(site)).indexed == []


@pytest.mark.parametrize(
    "change",
    [
        ("Peacekeepers arrive", "Soldiers arrive"),
        ('year:2019"', 'year:2018"'),
        ("date:2019-05-01", "date:2019-05-02"),
        ("<h1 data-pagefind-meta", "<h1 lang=fr data-pagefind-meta"),
    ],
)
def test_a_change_pagefind_reads_indexes_the_shard(built, change):
    site = next_build(built)
    page = site / "2019/05/01/outlet/ceasefire/index.html"
    page.write_text(page.read_text().replace(*change))
    assert update_search_index(built, site).indexed == ["2019"]


def test_a_new_year_is_indexed_and_listed(built):
    site = next_build(built)
    write_page(site, 2021, "election", "A new government.")
    report = update_search_index(built, site)
    assert report.indexed == ["2021"] and report.carried == ["2020", "2019"]
    shards = json.loads((site / "pagefind" / "shards.json").read_text())["shards"]
    assert [shard["bundle"] for shard in shards] == ["2021", "2020", "2019"]


def test_nothing_changed_nothing_indexed(built):
    report = update_search_index(built, next_build(built))
    assert report.indexed == [] and report.carried == ["2020", "2019"]


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda b: (b / MANIFEST).write_text("{not json"), id="garbled"),
        pytest.param(lambda b: (b / MANIFEST).write_text("{}"), id="empty"),
        pytest.param(lambda b: (b / MANIFEST).unlink(), id="never-written"),
        pytest.param(lambda b: (b / "pagefind.js").write_text(""), id="truncated-file"),
        pytest.param(
            lambda b: shutil.rmtree(next(b.glob("fragment"))), id="missing-files"
        ),
    ],
)
def test_a_damaged_or_half_written_shard_is_indexed_again(built, damage):
    damage(built / "pagefind" / "2019")
    site = next_build(built)
    report = update_search_index(built, site)
    assert report.indexed == ["2019"] and report.carried == ["2020"]
    assert len(read_manifest(site / "pagefind" / "2019")["pages"]) == 1


def test_a_manifest_of_other_pages_is_not_trusted(built):
    manifest = json.loads((built / "pagefind" / "2019" / MANIFEST).read_text())
    site = next_build(built)
    page = "2019/05/01/outlet/ceasefire/index.html"
    (site / page).write_text((site / page).read_text().replace("Home", "Start"))
    manifest["pages"][page] = "0" * 64
    (built / "pagefind" / "2019" / MANIFEST).write_text(json.dumps(manifest))
    report = update_search_index(built, site)
    assert report.indexed == ["2019"]


def write_large_year(site: Path) -> Path:
    """2020 with seven articles: two in January, one each in February and
    March, three on one day of November."""
    for month, count in (("01", 2), ("02", 1), ("03", 1), ("11", 3)):
        for number in range(count):
            page = write_page(site, 2020, f"story-{number}", "Talks resume.")
            target = site / "2020" / month / page.relative_to(site / "2020" / "05")
            target.parent.mkdir(parents=True, exist_ok=True)
            page.rename(target)
    shutil.rmtree(site / "2020" / "05")
    return site


def test_a_large_year_is_cut_between_its_months(tmp_path):
    site = write_large_year(tmp_path / "site")
    write_page(site, 2019, "ceasefire", "Peacekeepers arrive.")
    shards = plan_shards(site, max_pages=2)
    # Months run together up to two pages; November, three, by its days or
    # below: here, by its stories (one day, one outlet).
    assert [(s.name, s.folders, len(s.pages)) for s in shards] == [
        ("2020-11-01-outlet-story-2", ("2020/11/01/outlet/story-2",), 1),
        (
            "2020-11-01-outlet-story-0",
            ("2020/11/01/outlet/story-0", "2020/11/01/outlet/story-1"),
            2,
        ),
        ("2020-02", ("2020/02", "2020/03"), 2),
        ("2020-01", ("2020/01",), 2),
        ("2019", ("2019",), 1),
    ]
    report = update_search_index(None, site, max_pages=2)
    assert report.pages == 8
    for shard in shards:
        manifest = read_manifest(site / "pagefind" / shard.name)
        assert manifest["pages"] == shard.pages, shard.name


def test_shards_indexed_at_once_are_the_bundles_indexed_in_turn(built):
    """Two runs of the indexer at a time write what one at a time writes."""
    site = next_build_of(built, "parallel")
    report = update_search_index(None, site, workers=2)
    assert report.indexed == ["2020", "2019"]
    for shard in ("2020", "2019"):
        assert (
            read_manifest(site / "pagefind" / shard)["pages"]
            == (read_manifest(built / "pagefind" / shard)["pages"])
        )
        entry = json.loads(
            (site / "pagefind" / shard / "pagefind-entry.json").read_text()
        )
        assert sum(lang["page_count"] for lang in entry["languages"].values()) == (
            1 if shard == "2019" else 2
        )


# --- While the build writes ---------------------------------------------------


def page_count(bundle: Path) -> int:
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    return sum(lang["page_count"] for lang in entry["languages"].values())


def test_years_handed_over_early_are_not_indexed_again(built):
    site = next_build_of(built, "early")
    indexer = Indexer(None, site, workers=2)
    indexer.year_written("2020")
    indexer.year_written("2019")
    report = indexer.finish()
    assert (report.indexed, report.carried) == (["2020", "2019"], [])
    assert report.early == ["2020", "2019"]
    for shard in ("2020", "2019"):
        assert (
            read_manifest(site / "pagefind" / shard)["pages"]
            == (read_manifest(built / "pagefind" / shard)["pages"])
        )


def test_a_year_handed_over_early_can_be_carried_over(built):
    site = next_build(built)
    indexer = Indexer(built, site)
    indexer.year_written("2019")
    report = indexer.finish()
    assert (report.indexed, report.carried, report.early) == (
        [],
        ["2020", "2019"],
        ["2019"],
    )


def test_a_page_written_after_its_year_was_indexed_is_indexed_too(built):
    site = next_build_of(built, "late")
    indexer = Indexer(None, site)
    indexer.year_written("2019")
    indexer.year_written("2020")
    # The page comes after the year's bundle is written.
    indexer.wait()
    write_page(site, 2020, "late", "A late report on the talks.")
    report = indexer.finish()
    assert report.indexed == ["2020", "2019"] and report.early == ["2019"]
    assert page_count(site / "pagefind" / "2020") == 3
    assert (
        "2020/05/01/outlet/late/index.html"
        in (read_manifest(site / "pagefind" / "2020")["pages"])
    )


def test_a_year_never_handed_over_is_indexed_at_the_end(built):
    site = next_build_of(built, "unannounced")
    indexer = Indexer(None, site)
    indexer.year_written("2020")
    report = indexer.finish()
    assert report.indexed == ["2020", "2019"] and report.early == ["2020"]
    assert page_count(site / "pagefind" / "2019") == 1


def test_a_year_whose_shards_changed_loses_the_bundles_indexed_early(built):
    site = next_build_of(built, "replanned")
    indexer = Indexer(None, site, max_pages=2)
    indexer.year_written("2020")
    indexer.wait()
    for number in range(2):
        page = write_page(site, 2020, f"june-{number}", "Talks resume.")
        target = site / "2020" / "06" / page.relative_to(site / "2020" / "05")
        target.parent.mkdir(parents=True, exist_ok=True)
        page.rename(target)
    report = indexer.finish()
    assert report.indexed == ["2020-06", "2020-05", "2019"] and report.early == []
    assert sorted(p.name for p in (site / "pagefind").iterdir()) == [
        "2019",
        "2020-05",
        "2020-06",
        "shards.json",
    ]


def test_a_cancelled_indexer_leaves_nothing_running(built):
    site = next_build_of(built, "cancelled")
    indexer = Indexer(None, site, workers=2)
    indexer.year_written("2020")
    indexer.year_written("2019")
    indexer.cancel()
    assert not [t for t in threading.enumerate() if t.name.startswith("search-index")]


def test_a_year_planned_from_the_pages_written_is_the_year_read_back(tmp_path):
    """The build hands over the digests of the pages it wrote: the shards
    planned from them are those planned from the folder once it is whole."""
    site = write_large_year(tmp_path / "site")
    pages = {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in (site / "2020").rglob("*.html")
    }
    indexer = Indexer(None, site, max_pages=2)
    indexer.year_written("2020", pages)
    # A listing written after the year was handed over changes nothing.
    (site / "2020" / "index.html").write_text("<!DOCTYPE html><title>2020</title>")
    report = indexer.finish()
    assert report.indexed == report.early
    assert len(report.early) == 4 and report.pages == 7
