"""Pelican plugin: a page per story, an index of stories, ``article.story``.

A story is two or more articles from different publishers that report the
same event (``newsarchive.stories.grouping``). The plugin adds a generator that, once
the articles are read, groups them and compares each story's coverage
(``newsarchive.stories.coverage``), sets ``article.story`` for the article pages,
and writes ``story.html`` per story and ``stories.html`` for the index with
Pelican's writer and the theme.

Grouping starts as soon as the articles are read, in a forked process
(``newsarchive.plugins.forked``), while Pelican builds its taxonomies and the other
plugins their context; the generator takes that result only if the records
it would group are still the same. Comparing the coverage is only needed
for the story pages, which are written last: it goes on in another forked
process while the article pages are written.

What stories need from an article is read in one place, ``story_record``:
its source path, date, publisher, headline, paragraph texts and entity
mentions. Everything after that works on those plain records.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pelican import signals
from pelican.generators import Generator

from newsarchive import lifecycle
from newsarchive.plugins.forked import Forked, can_fork
from newsarchive.plugins.reader import article_slug
from newsarchive.stories.coverage import Coverage, compare, representative
from newsarchive.stories.grouping import Grouping, StoryRecord, group_stories
from newsarchive.stories.settings import StorySettings, read_story_settings

logger = logging.getLogger(__name__)


@dataclass
class StoryPage:
    """One story as the templates see it."""

    slug: str
    url: str
    save_as: str
    date: datetime.date  # the day of the earliest report
    articles: list  # Pelican articles, earliest first
    records: tuple[StoryRecord, ...]  # theirs, in the same order
    title: str  # the representative headline, plain text
    tags: dict = field(default_factory=dict)  # entity name -> Pelican Tag
    # What the reports share and don't: known once the comparisons are done,
    # before the story pages are written (``compare_stories``).
    coverage: Coverage | None = None

    @property
    def locale_date(self) -> str:
        return self.articles[0].locale_date

    @property
    def publishers(self) -> list:
        return [article.category for article in self.articles]


def story_record(article) -> StoryRecord | None:
    """What grouping needs from a Pelican article read by our reader.

    The reader keeps the read article as ``parsed`` and its entity mentions
    as ``mentions``; an article without them (a Markdown one, say) has no
    paragraphs to compare and is left out of stories.
    """
    parsed = getattr(article, "parsed", None)
    if parsed is None or parsed.date is None:
        return None
    return StoryRecord.of(
        article.get_relative_source_path(), parsed, getattr(article, "mentions", {})
    )


def story_records(articles: Iterable) -> list[tuple[StoryRecord, object]]:
    """The record of each article that can be in a story, with the article."""
    return [
        (record, article)
        for article in articles
        if (record := story_record(article)) is not None
    ]


def compare_stories(
    stories: Sequence[Sequence[StoryRecord]], settings: StorySettings
) -> list[Coverage]:
    """The coverage of each story, given the records of its articles."""
    return [compare(list(records), settings) for records in stories]


def story_pages(
    articles: Iterable,
    settings: StorySettings,
    pelican_settings: dict,
    group=group_stories,
) -> list[StoryPage]:
    """The stories among ``articles``, newest first, with their URLs.

    ``group`` is ``group_stories``, or what gives its result for the
    records. Their coverage is left to ``compare_stories``.
    """
    members_of = story_records(articles)
    records = [record for record, _ in members_of]
    by_id = {record.id: (record, article) for record, article in members_of}
    grouping = group(records, settings)
    logger.info(
        "Grouped %d articles into %d stories, comparing %d candidate pairs",
        len(records),
        len(grouping.stories),
        grouping.compared,
    )
    pages = []
    taken: set[str] = set()
    for ids in grouping.stories:
        members: Sequence[tuple[StoryRecord, object]] = [by_id[i] for i in ids]
        members_records = tuple(record for record, _ in members)
        title = representative(members_records).title
        date = f"{members[0][0].date:%Y-%m-%d}"
        base = article_slug(title, pelican_settings)
        slug, number = base, 1
        # Two stories of one day may share a headline; never a URL.
        while settings.url.format(date=date, slug=slug) in taken:
            number += 1
            slug = f"{base}-{number}"
        url = settings.url.format(date=date, slug=slug)
        taken.add(url)
        tags = {
            tag.name: tag
            for _, article in members
            for tag in getattr(article, "tags", ())
        }
        pages.append(
            StoryPage(
                slug=slug,
                url=url,
                save_as=settings.save_as.format(date=date, slug=slug),
                date=members[0][0].date,
                articles=[article for _, article in members],
                records=members_records,
                title=title,
                tags=tags,
            )
        )
    pages.sort(key=lambda page: (page.date, page.url), reverse=True)
    return pages


class EarlyGrouping:
    """Articles being grouped in a forked process since they were read."""

    def __init__(self, records: list[StoryRecord], settings: StorySettings):
        self.records = records
        self.settings = settings
        self.forked = Forked(group_stories, records, settings)

    def group(
        self, records: Sequence[StoryRecord], settings: StorySettings
    ) -> Grouping:
        """``group_stories``: from the fork if it had the same records to group."""
        if list(records) == self.records and settings == self.settings:
            return self.forked.result()
        self.forked.cancel()
        return group_stories(records, settings)


# Work for a build going on in forked processes: its parts of the build's
# state (``lifecycle``).
GROUPING = "stories: grouping"
COMPARING = "stories: comparing"


def group_early(generator) -> None:
    """Start grouping the articles in the background once they are read."""
    stop_early(generator.output_path)
    if can_fork():
        records = [record for record, _ in story_records(generator.articles)]
        lifecycle.current(generator.output_path).parts[GROUPING] = EarlyGrouping(
            records, read_story_settings(generator.settings)
        )


def stop_early(output: str) -> None:
    parts = lifecycle.current(output).parts
    early = parts.pop(GROUPING, None)
    if early is not None:
        early.forked.cancel()
    comparing = parts.pop(COMPARING, None)
    if comparing is not None:
        comparing.cancel()


class StoryGenerator(Generator):
    """Groups the articles into stories, then writes their pages."""

    def generate_context(self):
        self.story_settings = read_story_settings(self.settings)
        articles = self.context.get("articles", ())
        parts = lifecycle.current(self.output_path).parts
        early = parts.pop(GROUPING, None)
        self.stories = story_pages(
            articles,
            self.story_settings,
            self.settings,
            early.group if early else group_stories,
        )
        # Article objects can outlive a build (autoreload): no stale story.
        for article in articles:
            article.story = None
        for story in self.stories:
            for article in story.articles:
                article.story = story
        # Shared with every template: base.html links to the index.
        self.context["STORY_INDEX_URL"] = self.story_settings.index_url
        if can_fork() and self.stories:
            parts[COMPARING] = Forked(
                compare_stories,
                [story.records for story in self.stories],
                self.story_settings,
            )

    def _compare(self) -> None:
        comparing = lifecycle.current(self.output_path).parts.pop(COMPARING, None)
        members = [story.records for story in self.stories]
        coverages = (
            comparing.result()
            if comparing is not None
            else compare_stories(members, self.story_settings)
        )
        for story, coverage in zip(self.stories, coverages, strict=True):
            story.coverage = coverage

    def generate_output(self, writer):
        self._compare()
        relative = self.settings["RELATIVE_URLS"]
        template = self.get_template("story")
        for story in self.stories:
            writer.write_file(
                story.save_as,
                template,
                self.context,
                relative_urls=relative,
                story=story,
                page_name="story",
                url=story.url,
            )
        writer.write_file(
            self.story_settings.index_save_as,
            self.get_template("stories"),
            self.context,
            relative_urls=relative,
            stories=self.stories,
            page_name="stories",
            url=self.story_settings.index_url,
        )


def get_generators(pelican):
    return StoryGenerator


def register():
    signals.get_generators.connect(get_generators)
    signals.article_generator_pretaxonomy.connect(group_early)
    lifecycle.build_failed.connect(stop_early)
