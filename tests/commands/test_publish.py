from __future__ import annotations

import pytest

from newsarchive.commands.publish import is_remote, mirror


@pytest.mark.parametrize(
    ("target", "remote"),
    [
        ("user@host:/var/www/", True),
        ("host:site/", True),
        ("/srv/www/", False),
        ("./out:x/", False),
        ("C:/www", False),
    ],
)
def test_is_remote(target, remote):
    assert is_remote(target) is remote


def test_mirror_copies_changes_and_removes_stale_files(tmp_path):
    source, target = tmp_path / "src", tmp_path / "dst"
    (source / "a").mkdir(parents=True)
    (source / "a" / "x.html").write_text("new")
    (source / "same.css").write_text("same")
    (target / "old").mkdir(parents=True)
    (target / "old" / "gone.html").write_text("stale")
    (target / "same.css").write_text("same")
    assert mirror(source, target) == (1, 2)
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*")) == [
        "a",
        "a/x.html",
        "same.css",
    ]
    assert (target / "a" / "x.html").read_text() == "new"
    assert mirror(source, target) == (0, 0)
