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
