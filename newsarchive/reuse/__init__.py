"""Pelican plugin: pages and feeds taken from the previous build when what
they show has not changed (``writer``), by their fingerprints
(``fingerprints``) and the manifest of each output folder (``pages``)."""

from pelican import signals

from newsarchive.reuse.writer import (
    feed_generated,
    get_writer,
    save_pages,
    write_feeds,
)


def register():
    signals.get_writer.connect(get_writer)
    signals.article_writer_finalized.connect(write_feeds)
    signals.feed_generated.connect(feed_generated)
    signals.finalized.connect(save_pages)
