"""What the command tests share: an archive that holds the seed articles."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import ROOT


@pytest.fixture
def content(tmp_path):
    """An archive that already holds the two seed articles."""
    folder = tmp_path / "content" / "articles"
    shutil.copytree(ROOT / "content" / "articles", folder)
    return folder


def snapshot(folder):
    return {
        p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }
