"""Results computed in a forked child process."""

from __future__ import annotations

import os
import time

import pytest

from newsarchive.plugins.forked import Forked


def test_the_result_comes_from_another_process():
    assert Forked(os.getpid).result() != os.getpid()


def test_the_arguments_are_not_copied_to_the_child():
    # A lambda cannot be pickled: only the result is.
    assert Forked(len, [lambda: 1, lambda: 2]).result() == 2


def test_an_exception_in_the_child_is_raised_in_the_parent():
    with pytest.raises(
        ValueError, match=r"invalid literal for int\(\) with base 10: 'x'"
    ):
        Forked(int, "x").result()


def test_a_child_that_dies_without_a_result_is_an_error():
    with pytest.raises(
        ChildProcessError, match=r"^the process computing it ended with code 3$"
    ):
        Forked(os._exit, 3).result()


def test_cancel_stops_the_child():
    forked = Forked(time.sleep, 60)
    assert forked.running
    forked.cancel()
    assert not forked.running
