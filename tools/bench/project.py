"""The project the benchmark builds: its files, its settings, and the plugins
the benchmark adds to them or looks for."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SETTINGS_FILE = ROOT / "pelicanconf.py"
PAGES_FOLDER = ROOT / "content" / "pages"
TIMING_PLUGIN = "tools.timing"
# The plugin that groups articles into stories, timed as a phase when built.
STORY_PLUGIN = "newsarchive.plugin"  # registers the story pages
TIMING_FILE_ENV = "NEWSARCHIVE_TIMING_FILE"  # as tools.timing reads it


def _project_settings() -> dict:
    from pelican.settings import get_settings_from_file

    return get_settings_from_file(str(SETTINGS_FILE))


def _project_plugins() -> list[str]:
    return list(_project_settings().get("PLUGINS") or [])
