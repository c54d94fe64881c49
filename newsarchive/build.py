"""One entry point for building the archive, used by the tasks and the tests."""

from __future__ import annotations

import logging

from pelican import Pelican
from pelican.settings import read_settings

logger = logging.getLogger(__name__)


def build(settings_file: str, override: dict | None = None) -> Pelican:
    """Build the site that ``settings_file`` describes.

    Raises ``newsarchive.strict.SourceFilesFailed`` when any source file
    could not be read, before anything is written.
    """
    settings = read_settings(settings_file, override=override or {})
    pelican = Pelican(settings)
    pelican.run()
    return pelican
