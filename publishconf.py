# Settings for the published site: absolute URLs and feeds for the public host.
# Set SITEURL to the address the archive is served from.

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("NEWSARCHIVE_SITEURL", "https://archive.example.org")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "publisher/{slug}/feed.atom.xml"

DELETE_OUTPUT_DIRECTORY = True
