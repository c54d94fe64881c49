# Settings for building the archive locally. Declarative only: the logic lives
# in the newsarchive package, which the PLUGINS below wire into Pelican.

SITENAME = "News Archive"
SITESUBTITLE = "Reporting on the South Caucasus, kept clean and in one place"
SITEURL = ""
RELATIVE_URLS = True
# Absolute address of the site, for canonical links, citations and feeds:
# locally, where `invoke serve` serves it.
SITE_BASE_URL = "http://localhost:8000"

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
OUTPUT_PATH = "output"

TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

THEME = "theme"
# Our plugins register in the order they depend on (newsarchive.plugin).
PLUGINS = ["newsarchive.plugin", "pelican.plugins.sitemap"]
# Our own settings (READER_*, REUSE_*, PAGEFIND_*, ENTITY_*, STORY_*) are
# declared with their defaults in newsarchive/settings.py; set one here only
# to change it.
#
# Typeset with typogrify (smart quotes, dashes, no-break spaces). The reader
# does it for our articles (READER_TYPOGRIFY), in parallel and cached with
# the rest of its work, and for Markdown pages; Pelican's TYPOGRIFY stays off
# so that nothing is typeset twice or again on every build.
TYPOGRIFY = False

# A news archive has no translations: two articles with the same headline are
# two articles, never one article in two languages.
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None

# Unique per article even when two outlets run the same headline on one day.
ARTICLE_URL = "{date:%Y}/{date:%m}/{date:%d}/{category}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"

# Publishers are Pelican categories: their pages and feeds come for free.
# An article's publisher is read from it or refused, never its folder's name.
USE_FOLDER_AS_CATEGORY = False
CATEGORY_URL = "publisher/{slug}/"
CATEGORY_SAVE_AS = CATEGORY_URL + "index.html"
CATEGORIES_URL = "publisher/"
CATEGORIES_SAVE_AS = CATEGORIES_URL + "index.html"
AUTHOR_URL = "author/{slug}/"
AUTHOR_SAVE_AS = AUTHOR_URL + "index.html"
AUTHORS_URL = "author/"
AUTHORS_SAVE_AS = AUTHORS_URL + "index.html"
# Tags are the entities the articles mention (newsarchive.entities.tagging).
TAG_URL = "entity/{slug}/"
TAG_SAVE_AS = TAG_URL + "index.html"
TAGS_URL = "entity/"
TAGS_SAVE_AS = TAGS_URL + "index.html"
ARCHIVES_URL = "archive/"
ARCHIVES_SAVE_AS = ARCHIVES_URL + "index.html"
YEAR_ARCHIVE_URL = "{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = YEAR_ARCHIVE_URL + "index.html"
MONTH_ARCHIVE_URL = "{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_URL + "index.html"
DIRECT_TEMPLATES = [
    "index",
    "archives",
    "categories",
    "authors",
    "tags",
    "search",
    "robots",
]
SEARCH_URL = "search/"
SEARCH_SAVE_AS = SEARCH_URL + "index.html"
# robots.txt is a template so that it can name the sitemap's address.
ROBOTS_SAVE_AS = "robots.txt"
# The sitemap lists articles and pages, whose dates are known. Listings are
# left out: the plugin would date them with the time of the build, and two
# builds of the same content must be byte-identical. Crawlers reach them from
# every article page. Story pages are left out too: a later report can join
# a story, so they have no date of last change the plugin could know.
SITEMAP = {
    "format": "xml",
    "priorities": {"articles": 0.8, "indexes": 0.5, "pages": 0.3},
    "changefreqs": {"articles": "never", "indexes": "daily", "pages": "monthly"},
    "exclude": [
        r"^$",
        r"^\d{4}/(\d{2}/)?$",
        r"(^|/)page/\d+/$",
        r"^(entity|publisher|author|tag|archive|search|story)/",
        r"\.txt$",
    ],
}

DEFAULT_PAGINATION = 20
# ".../page/N/" cannot collide with another page's URL, unlike Pelican's
# default of appending the number to the name.
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# Feeds need absolute links: locally they point at `invoke serve`;
# publishconf.py points them at the public SITEURL.
FEED_DOMAIN = SITE_BASE_URL
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "publisher/{slug}/feed.atom.xml"
TAG_FEED_ATOM = "entity/{slug}/feed.atom.xml"
FEED_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None

# Article text is untrusted: autoescape everything the templates print, and
# mark the reader's already-escaped HTML (content, title, summary) as safe.
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
    "extensions": [],
}
