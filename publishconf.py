# Settings for the published site: absolute URLs and feeds for the public host.
# Set SITEURL to the address the archive is served from.

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("NEWSARCHIVE_SITEURL", "https://archive.example.org")
RELATIVE_URLS = False
SITE_BASE_URL = SITEURL
FEED_DOMAIN = SITEURL

DELETE_OUTPUT_DIRECTORY = True

# Ready-compressed copies (page.html.gz, page.html.br) of every text file, for
# hosts that serve them as they are (nginx gzip_static/brotli_static, Caddy's
# precompressed). Only here: local builds stay quick. Pagefind's index files
# are compressed already and have other suffixes, so they are left alone; its
# scripts and styles are text and get copies too. Set explicitly, so that the
# output does not depend on which compressors happen to be installed.
PLUGINS = [*PLUGINS, "pelican.plugins.precompress"]  # noqa: F405
PRECOMPRESS_TEXT_EXTENSIONS = {".html", ".css", ".js", ".xml", ".json", ".txt", ".svg"}
PRECOMPRESS_GZIP = True
PRECOMPRESS_BROTLI = True
PRECOMPRESS_ZOPFLI = False
PRECOMPRESS_ZSTANDARD = False
