"""The archive's Pelican plugins, registered in one stated order.

``PLUGINS = ["newsarchive.plugin"]`` in the settings registers them all.
Handlers of one signal run in the order they were connected, and some of
ours depend on that order: ``AFTER`` says which, and why, and
``register()`` refuses an order that breaks it.
"""

from __future__ import annotations

from newsarchive import lifecycle, reuse, search
from newsarchive.plugins import (
    citation,
    entity_pages,
    navigation,
    periods,
    reader,
    story_pages,
    strict,
    taxonomies,
    urls,
)

ORDER = (
    reader,
    reuse,
    strict,
    urls,
    periods,
    entity_pages,
    taxonomies,
    navigation,
    citation,
    search,
    story_pages,
)

# plugin -> {plugin it must be registered after: why}
AFTER = {
    "newsarchive.plugins.story_pages": {
        "newsarchive.plugins.reader": (
            "the reader's pool of processes is closed on "
            "article_generator_pretaxonomy before the story grouping forks on it"
        ),
        "newsarchive.plugins.urls": (
            "the story grouping forks with the articles' final URLs"
        ),
        "newsarchive.plugins.navigation": (
            "the story grouping forks with the articles in their final order"
        ),
    },
    "newsarchive.search": {
        "newsarchive.plugins.strict": (
            "a build whose sources failed stops before the search index starts"
        ),
    },
}


class PluginOrderError(RuntimeError):
    pass


def check_order(order) -> None:
    """Raise ``PluginOrderError`` if ``order`` (of plugin modules) breaks a
    rule of ``AFTER``."""
    position = {plugin.__name__: index for index, plugin in enumerate(order)}
    for plugin, rules in AFTER.items():
        for before, why in rules.items():
            if plugin in position and position.get(before, -1) > position[plugin]:
                raise PluginOrderError(
                    f"{plugin} must be registered after {before}: {why}"
                )


def register(order=ORDER):
    check_order(order)
    lifecycle.register_start()
    for plugin in order:
        plugin.register()
    lifecycle.register_end()
