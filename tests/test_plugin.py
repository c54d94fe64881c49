"""Our plugins register in an order that what depends on it can rely on."""

from __future__ import annotations

import pytest

from newsarchive import plugin
from newsarchive.plugins import reader, story_pages, strict, urls


def test_the_stated_order_keeps_every_rule():
    plugin.check_order(plugin.ORDER)
    names = [module.__name__ for module in plugin.ORDER]
    for later, rules in plugin.AFTER.items():
        for earlier in rules:
            assert names.index(earlier) < names.index(later)


def swapped(first, second):
    order = list(plugin.ORDER)
    i, j = order.index(first), order.index(second)
    order[i], order[j] = order[j], order[i]
    return order


@pytest.mark.parametrize(
    ("first", "second", "message"),
    [
        (
            reader,
            story_pages,
            "newsarchive.plugins.story_pages must be registered after "
            "newsarchive.plugins.reader: the reader's pool of processes is closed",
        ),
        (urls, story_pages, "forks with the articles' final URLs"),
        (
            strict,
            plugin.search,
            "a build whose sources failed stops before the search index starts",
        ),
    ],
)
def test_an_order_that_breaks_a_rule_is_refused(first, second, message):
    with pytest.raises(plugin.PluginOrderError, match=message):
        plugin.register(swapped(first, second))


def test_handlers_of_one_signal_run_in_the_order_of_registration():
    """What the rules rely on: blinker calls receivers in connection order."""
    from pelican import signals

    plugin.register()
    functions = [
        receiver.__name__
        for receiver in signals.article_generator_pretaxonomy.receivers_for(None)
    ]
    assert functions.index("articles_read") < functions.index("group_early")
    assert functions.index("give_unique_urls") < functions.index("group_early")
    assert functions.index("order_articles") < functions.index("group_early")
