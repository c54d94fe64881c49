"""Tasks for building, previewing, testing and maintaining the archive.

Run them with ``invoke TASK`` (``invoke --list`` shows them all).
"""

import logging
import os
import shlex
import shutil
import sys
from pathlib import Path

from invoke import task
from invoke.main import program
from pelican import log as pelican_log
from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer
from pelican.settings import DEFAULT_CONFIG, get_settings_from_file

SETTINGS_FILE_BASE = "pelicanconf.py"
SETTINGS = {**DEFAULT_CONFIG, **get_settings_from_file(SETTINGS_FILE_BASE)}

CONFIG = {
    "settings_base": SETTINGS_FILE_BASE,
    "settings_publish": "publishconf.py",
    "deploy_path": SETTINGS["OUTPUT_PATH"],
    # Where `invoke publish` copies the built site: an rsync destination such
    # as "user@host:/var/www/archive/" or a local folder.
    "deploy_target": os.environ.get("NEWSARCHIVE_DEPLOY_TARGET", ""),
    "host": "localhost",
    "port": 8000,
}


def build_site(settings_file, verbose=False, **override):
    """Build with our entry point; a failed build exits non-zero with the reasons."""
    from newsarchive.build import build
    from newsarchive.plugins.strict import SourceFilesFailed

    pelican_log.init(level=logging.WARNING)
    try:
        account = build(settings_file, override)
    except SourceFilesFailed as error:
        sys.exit(f"Build failed: {error}\n{CONFIG['deploy_path']}/ was left as it was.")
    # Small archives list every file; large ones only on request.
    if verbose or len(account.files) <= ACCOUNT_LIST_MAX:
        print("\n".join(account.lines()))
    print(account.summary())


ACCOUNT_LIST_MAX = 50


@task
def clean(c):
    """Remove the generated site."""
    if os.path.isdir(CONFIG["deploy_path"]):
        shutil.rmtree(CONFIG["deploy_path"])


@task(help={"verbose": "list every source file and what became of it"})
def build(c, verbose=False):
    """Build the archive into output/; output/ changes only if the build succeeds."""
    build_site(CONFIG["settings_base"], verbose)


@task
def rebuild(c):
    """Build from scratch: read every source file, render every page (no cache)."""
    build_site(
        CONFIG["settings_base"],
        LOAD_CONTENT_CACHE=False,
        READER_LOAD_CACHE=False,
        REUSE_OUTPUT=False,
    )


@task
def serve(c, port=CONFIG["port"]):
    """Serve output/ at http://localhost:8000/ (change with --port)."""

    class AddressReuseTCPServer(RootedHTTPServer):
        allow_reuse_address = True

    server = AddressReuseTCPServer(
        CONFIG["deploy_path"],
        (CONFIG["host"], int(port)),
        ComplexHTTPRequestHandler,
    )
    sys.stderr.write(f"Serving at http://{CONFIG['host']}:{port}/ ...\n")
    server.serve_forever()


@task
def livereload(c):
    """Rebuild when content, settings or theme change, and reload the browser."""
    from livereload import Server

    def cached_build():
        # The same all-or-nothing build as `invoke build`, reusing unchanged
        # pages and search shards. A broken article must not stop the
        # watcher: the error is shown, output/ is left as it was, and the
        # next save rebuilds.
        try:
            build_site(CONFIG["settings_base"])
        except SystemExit as failure:
            print(failure, file=sys.stderr)

    cached_build()
    server = Server()
    theme_path = SETTINGS["THEME"]
    watched_globs = [
        CONFIG["settings_base"],
        f"{theme_path}/templates/**/*.html",
        f"{theme_path}/static/**/*.css",
        "newsarchive/data/*",
    ]
    for extension in (".txt", ".md"):
        watched_globs.append("{}/**/*{}".format(SETTINGS["PATH"], extension))
    for glob in watched_globs:
        server.watch(glob, cached_build)
    server.serve(host=CONFIG["host"], port=CONFIG["port"], root=CONFIG["deploy_path"])


@task
def preview(c):
    """Build the production version (publishconf.py) into output/."""
    build_site(CONFIG["settings_publish"])


@task
def publish(c):
    """Build the production version and copy it to NEWSARCHIVE_DEPLOY_TARGET.

    The target is a local folder, or "user@host:/path/" to copy with rsync.
    """
    from newsarchive.commands.publish import is_remote, mirror

    target = CONFIG["deploy_target"]
    if not target:
        sys.exit(
            "publish: set NEWSARCHIVE_DEPLOY_TARGET to a folder or an rsync "
            'destination, e.g. NEWSARCHIVE_DEPLOY_TARGET="user@host:/var/www/archive/"'
        )
    preview(c)
    source = CONFIG["deploy_path"].rstrip("/") + "/"
    if is_remote(target):
        c.run(
            "rsync --archive --delete --checksum --verbose "
            f"{shlex.quote(source)} {shlex.quote(target)}"
        )
    else:
        copied, removed = mirror(Path(source), Path(target))
        print(f"Published to {target}: {copied} files copied, {removed} removed.")


@task(help={"path": "a raw article file, inside content/ or not", "json": "print JSON"})
def inspect(c, path, json=False):
    """Show how one raw article file is read: fields, body, removed lines."""
    from newsarchive.__main__ import main

    sys.exit(main(["inspect", path, *(["--json"] if json else [])]))


@task(
    name="import",
    help={
        "path": "a raw article file or a folder of them",
        "source": "publisher, for files where it cannot be inferred",
        "date": "publication date (YYYY-MM-DD), where it cannot be inferred",
        "url": "address of the original article",
        "title": "headline, where it cannot be inferred",
        "force": "take an article the reader is unsure of as it is read",
    },
)
def import_(c, path, source="", date="", url="", title="", force=False):
    """Import raw articles into content/articles/YYYY/MM/ (more paths after --)."""
    from newsarchive.__main__ import main

    paths = [path, *shlex.split(program.core.remainder)]
    options = [
        f"--{k}={v}"
        for k, v in (("source", source), ("date", date), ("url", url), ("title", title))
        if v
    ]
    options += ["--force"] if force else []
    content = str(Path(SETTINGS["PATH"]) / "articles")
    sys.exit(main(["import", *paths, *options, "--content", content]))


@task(help={"unknown": "list names the entity list does not know, with counts"})
def entities(c, unknown=False):
    """Entities across content/articles: tags per entity, or --unknown names."""
    from newsarchive.commands.survey import format_survey, survey

    report = survey(Path(SETTINGS["PATH"]) / "articles", unknown=unknown)
    print(format_survey(report, unknown=unknown))


@task
def entitydata(c):
    """Regenerate newsarchive/data/countries.toml from the country database."""
    from tools.entitydata import main

    sys.exit(main())


@task(
    help={
        "n": "how many articles",
        "out": "an empty or new folder to write them into",
        "seed": "the same seed writes the same files",
    }
)
def generate(c, n, out, seed=0):
    """Write N generated raw articles into a folder, for tests and benchmarks."""
    from tools.generate import main

    sys.exit(main(["--n", str(n), "--out", out, "--seed", str(seed)]))


@task(
    help={
        "n": "how many generated articles to build",
        "seed": "generator seed",
        "out": "JSON lines file the result is appended to",
        "profile": "also profile one more cold build of ours; write its stats here",
        "keep": "work in this new folder and keep it, instead of a temporary one",
    }
)
def bench(c, n, seed=0, out="benchmarks/results.jsonl", profile="", keep=""):
    """Time our build of N articles against plain Pelican's, and rebuilds."""
    from tools.bench import main

    options = ["--out", out]
    options += ["--profile", profile] if profile else []
    options += ["--keep", keep] if keep else []
    sys.exit(main(["--n", str(n), "--seed", str(seed), *options]))


def _accept_long_n(tokens: list[str]) -> None:
    """Read ``--n N`` and ``--n=N`` as ``-n N``, in place.

    invoke spells a one-letter option with one dash only, while the scripts
    these tasks run, and our docs, spell it ``--n``. This file is loaded
    after invoke has split its own options from the tasks' and before it
    parses the tasks', so the tasks' tokens can be read both ways.
    """
    for index, token in reversed(list(enumerate(tokens))):
        if token == "--n":
            tokens[index] = "-n"
        elif token.startswith("--n="):
            tokens[index : index + 1] = ["-n", token.removeprefix("--n=")]


if getattr(program, "core", None) is not None:
    _accept_long_n(program.core.unparsed)


@task(
    help={
        "without_outlets": "read with the holdout outlets' entries removed",
        "verbose": "list every error the reader makes",
    }
)
def evaluate(c, without_outlets=False, verbose=False):
    """Score the reader on the labelled corpus (tests/corpus/), holdout apart."""
    from tools.evaluate import main

    options = ["--without-outlets"] if without_outlets else []
    options += ["--verbose"] if verbose else []
    sys.exit(main(options))


@task
def lint(c):
    """Check the code with ruff (lint and formatting)."""
    python = shlex.quote(sys.executable)
    c.run(f"{python} -m ruff check .")
    c.run(f"{python} -m ruff format --check .")


@task
def test(c):
    """Run the whole test suite, lint included."""
    lint(c)
    ensure_browser_tooling(c)
    c.run(f"{shlex.quote(sys.executable)} -m pytest")


def ensure_browser_tooling(c):
    """Install what the browser checks need beyond the [test] extra, if missing:
    the npm packages (axe-core, vnu, Lighthouse) and Debian's Chromium."""
    from tools.site import CHROMIUM

    for program_name, needed_for in (("npm", "axe-core and vnu"), ("java", "vnu")):
        if shutil.which(program_name) is None:
            sys.exit(f"The browser checks need {program_name} (for {needed_for}).")
    lock = Path("package-lock.json")
    installed = Path("node_modules/.package-lock.json")
    # npm ci writes its own copy of the lock file: older means out of date.
    if not installed.is_file() or installed.stat().st_mtime < lock.stat().st_mtime:
        c.run("npm ci --no-audit --no-fund")
    if not Path(CHROMIUM).is_file():
        if os.geteuid() != 0:
            sys.exit(
                f"The browser checks need Debian's Chromium at {CHROMIUM}: "
                "run `sudo apt-get install -y chromium`, then try again."
            )
        c.run("apt-get update && apt-get install -y chromium")


LIGHTHOUSE_PAGES = ("home", "article", "entity")
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


@task(help={"minimum": "the lowest score that passes (default 0.95)"})
def lighthouse(c, minimum=0.95):
    """Lighthouse (mobile) on the home, an article and an entity page."""
    import json
    import tempfile

    from tools.site import CHROMIUM, CHROMIUM_ARGS, archive_served, site_pages

    ensure_browser_tooling(c)
    flags = " ".join(["--headless=new", "--disable-dev-shm-usage", *CHROMIUM_ARGS])
    scores = {}
    with archive_served() as (url, root), tempfile.TemporaryDirectory() as tmp:
        pages = site_pages(root)
        for name in LIGHTHOUSE_PAGES:
            report = Path(tmp) / f"{name}.json"
            c.run(
                f"npx --no-install lighthouse {shlex.quote(url + pages[name])} "
                f"--quiet --output=json --output-path={shlex.quote(str(report))} "
                f"--chrome-flags={shlex.quote(flags)}",
                env={"CHROME_PATH": CHROMIUM},
            )
            categories = json.loads(report.read_text())["categories"]
            scores[name] = {k: categories[k]["score"] for k in LIGHTHOUSE_CATEGORIES}
    print(f"{'page':<10}" + "".join(f"{k:>16}" for k in LIGHTHOUSE_CATEGORIES))
    for name, row in scores.items():
        print(f"{name:<10}" + "".join(f"{row[k]:>16.2f}" for k in row))
    low = [
        f"{name} {k} {score:.2f}"
        for name, row in scores.items()
        for k, score in row.items()
        if score is None or score < float(minimum)
    ]
    if low:
        sys.exit(f"Below {float(minimum):.2f}: " + ", ".join(low))


@task
def screenshots(c):
    """Full-page PNGs of every page type, on a phone and a laptop, in screenshots/."""
    from playwright.sync_api import sync_playwright

    from tools.site import (
        CHROMIUM,
        CHROMIUM_ARGS,
        VIEWPORTS,
        archive_served,
        load,
        opened,
        site_pages,
    )

    ensure_browser_tooling(c)
    folder = Path("screenshots")
    folder.mkdir(exist_ok=True)
    with archive_served() as (url, root), sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        for name, path in site_pages(root).items():
            for viewport in VIEWPORTS:
                with opened(browser, url, viewport) as page:
                    load(page, path)
                    png = folder / f"{name}-{viewport}.png"
                    page.screenshot(path=png, full_page=True)
                    print(png)
        browser.close()
