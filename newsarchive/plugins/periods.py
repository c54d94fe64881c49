"""Year and month archives by the calendar of the dateline.

Articles carry the time zone of their outlet, and Pelican sorts them by the
instant they were published but groups them by the year and month printed on
them. A report dated 31 August 23:00 in New York comes after one dated
1 September 02:00 in London, so August would be split in two runs and its
page written twice, which aborts the build. Grouping here is by the printed
date alone, in one pass (Pelican's own grouping also scans every period's
list once per article of the archive).
"""

from __future__ import annotations

import calendar
from collections import defaultdict

from pelican import signals

GRANULARITIES = {
    "year": lambda date: (date.year,),
    "month": lambda date: (date.year, date.month),
    "day": lambda date: (date.year, date.month, date.day),
}


def _period_names(granularity: str, period: tuple) -> tuple:
    if granularity == "year":
        return period
    return (period[0], calendar.month_name[period[1]], *period[2:])


def _grouped(articles: list, key) -> dict[tuple, list]:
    groups = defaultdict(list)
    for article in articles:
        groups[key(article.date)].append(article)
    return groups


def period_archives(dates: list, articles: list, settings: dict) -> dict:
    """Pelican's ``period_archives`` context, grouped by the printed date.

    ``dates`` and ``articles`` are the archive in Pelican's two orders (of
    archive pages and of article lists); each period keeps both, and periods
    come in the order of ``dates``.
    """
    archives = {}
    for granularity, key in GRANULARITIES.items():
        save_as = settings.get(f"{granularity.upper()}_ARCHIVE_SAVE_AS")
        url = settings.get(f"{granularity.upper()}_ARCHIVE_URL")
        if not save_as:
            continue
        in_order = _grouped(articles, key)
        archives[granularity] = [
            {
                "dates": members,
                "articles": in_order[period],
                "save_as": save_as.format(date=members[0].date),
                "url": url.format(date=members[0].date),
                "period": _period_names(granularity, period),
                "period_num": period,
            }
            for period, members in _grouped(dates, key).items()
        ]
    return archives


def regroup(generator) -> None:
    archives = period_archives(generator.dates, generator.articles, generator.settings)
    generator.period_archives = archives
    generator.context["period_archives"] = archives


def register():
    signals.article_generator_finalized.connect(regroup)
