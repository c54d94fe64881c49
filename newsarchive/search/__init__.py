"""Pelican plugin: the built site indexed with Pagefind, in shards.

Only article bodies are indexed (the theme marks them ``data-pagefind-body``);
filters (entity, entity type, publisher, year), metadata and the date sort
key come from attributes the theme puts on the article page.

Pagefind's indexer holds about 300 KB per page in memory, whether it reads
HTML files or is given records, so one index of 10,000 articles would need
3 GB. The index is split into shards instead: a year folder of articles, or
when a year has more than ``PAGEFIND_SHARD_PAGES`` articles, runs of its month
(or day) folders. Each shard is a Pagefind bundle of its own
(``pagefind/<name>/``), written by its own run of the indexer, one run per
core at a time (``PAGEFIND_WORKERS``), so peak memory is a few shards'. The
search page merges them in the browser (``mergeIndex``);
``pagefind/shards.json`` lists them, newest first.

Indexing starts during the build: Pelican writes the article pages first,
newest first, so each year folder is handed to the indexer (``Indexer``) as
soon as its last article page is written, and Pagefind runs on one core
while Pelican renders the listings on the other. At the end the whole site
is planned again, and a shard that is not what was indexed is indexed again.

A shard whose articles did not change for the index since the last build is
not indexed again but carried over from the previous output. Each bundle
holds a manifest, written last, so a bundle whose indexing did not finish
has none: how it was made (our format, Pagefind's version, its folders), a
digest of each of its article pages, and the size of each of its files. A
bundle is carried over only when its manifest reads, every file it lists is
there at that size, its pages are the same, and each page whose bytes
changed still gives Pagefind the same parts (``newsarchive.search.indexed``): a new
article changes its neighbours' "newer" links, not their index.
"""

from pelican import signals

from newsarchive import lifecycle
from newsarchive.search.plugin import (
    index_output,
    page_written,
    start_indexing,
    stop_indexing,
)


def register():
    signals.all_generators_finalized.connect(start_indexing)
    signals.content_written.connect(page_written)
    signals.finalized.connect(index_output)
    lifecycle.build_failed.connect(stop_indexing)
