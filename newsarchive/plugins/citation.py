"""What an article page tells machines and citers: JSON-LD, and a citation.

The JSON-LD is a schema.org ``NewsArticle``: headline, dates, publisher,
authors, and the entities the article is about (its three most mentioned)
and mentions (the rest).
"""

from __future__ import annotations

from pelican import signals

from newsarchive.entities.tagging import describe

ABOUT_MAX = 3
SCHEMA_TYPES = {
    "country": "Country",
    "place": "Place",
    "person": "Person",
    "organisation": "Organization",
}


def _thing(name: str, kind: str | None) -> dict:
    return {"@type": SCHEMA_TYPES.get(kind, "Thing"), "name": name}


def json_ld(article, base_url: str, entities) -> dict:
    """The ``NewsArticle`` record for ``article`` (plain data, for ``tojson``)."""
    parsed = article.parsed
    names = list(getattr(article, "mentions", {}))
    kinds = {
        name: entities.by_name[name].type for name in names if name in entities.by_name
    }
    record = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": parsed.title,
        "datePublished": article.date.isoformat(),
        "url": f"{base_url}/{article.url}",
        "mainEntityOfPage": f"{base_url}/{article.url}",
        "inLanguage": article.lang,
        "description": parsed.paragraphs[0] if parsed.paragraphs else parsed.title,
    }
    if parsed.source:
        record["publisher"] = {"@type": "Organization", "name": parsed.source}
    if parsed.authors:
        record["author"] = [{"@type": "Person", "name": a} for a in parsed.authors]
    if parsed.url:
        record["isBasedOn"] = parsed.url
    if names:
        record["about"] = [_thing(n, kinds.get(n)) for n in names[:ABOUT_MAX]]
    if names[ABOUT_MAX:]:
        record["mentions"] = [_thing(n, kinds.get(n)) for n in names[ABOUT_MAX:]]
    return record


def add_json_ld(generator):
    base_url = generator.settings.get("SITE_BASE_URL", generator.settings["SITEURL"])
    names = {
        n for article in generator.articles for n in getattr(article, "mentions", {})
    }
    entities = describe(names)
    for article in generator.articles:
        if hasattr(article, "parsed"):
            article.json_ld = json_ld(article, base_url.rstrip("/"), entities)


def register():
    signals.article_generator_finalized.connect(add_json_ld)
