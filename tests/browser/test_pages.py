"""Every page type on a phone and on a laptop: no WCAG 2.1 A/AA violation,
nothing wider than the screen, no script but the search page's, and a clean
load: no console error, failed request or Content-Security-Policy violation."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.conftest import soup
from tools.site import PAGES, STORY_PAGES, VIEWPORTS, opened

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Only what a failure message needs: axe's full result is large.
AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return {
    passes: result.passes.length,
    violations: result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, url: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(" "), html: n.html, summary: n.failureSummary,
      })),
    })),
  };
}"""
# Recorded from before the page's own scripts run.
RECORD_CSP_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.effectiveDirective} ${event.blockedURI}`);
});
"""
# Every script element, as "type src": JSON-LD is data, not script.
SCRIPTS = """[...document.scripts].map((s) => `${s.type || "text/javascript"} ${
  s.getAttribute("src") || "(inline)"}`)"""
JSON_LD = "application/ld+json (inline)"
SEARCH_SCRIPT = "module ../theme/js/search.js"
SEARCH_STATUS_TEXT = "2 articles found."

PAGE_NAMES = [*PAGES, *STORY_PAGES]
PAGE_CASES = [
    pytest.param(viewport, name, id=f"{name}-{viewport}")
    for viewport in VIEWPORTS
    for name in PAGE_NAMES
]
# Colour contrast in the dark theme too; width does not change colours.
AXE_CASES = [
    *(pytest.param(*case.values, "light", id=case.id) for case in PAGE_CASES),
    *(pytest.param("desktop", name, "dark", id=f"{name}-dark") for name in PAGE_NAMES),
]


def visit(page: Page, path: str) -> int:
    """Load ``path`` and wait until it is complete; its HTTP status."""
    response = page.goto(path)
    if path.startswith("/search/"):
        page.get_by_role("status").filter(has_text=SEARCH_STATUS_TEXT).wait_for()
    return response.status


def watch(page: Page) -> list[str]:
    """Every error the page reports from now on, as readable lines."""
    problems: list[str] = []

    def on_console(message):
        # Failed loads are reported, with their status, by on_response.
        if message.type == "error" and "Failed to load resource" not in message.text:
            problems.append(f"console: {message.text}")

    def on_response(response):
        if response.status >= 400 and not response.request.is_navigation_request():
            problems.append(f"HTTP {response.status}: {response.url}")

    page.on("console", on_console)
    page.on("response", on_response)
    page.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url} {r.failure}"))
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    return problems


def describe(violations: list[dict]) -> str:
    """axe's findings as a reader can act on them: rule, help, each element."""
    lines = [f"{len(violations)} axe-core violation(s):"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['url']}>")
        for node in v["nodes"]:
            lines.append(f"    at {node['target']}: {node['html']}")
            lines.extend(f"      {line}" for line in node["summary"].splitlines())
    return "\n".join(lines)


@pytest.mark.parametrize(("viewport", "name", "scheme"), AXE_CASES)
def test_page_has_no_wcag_violations(
    browser, served_site, axe_source, viewport, name, scheme
):
    path = served_site.path(name)
    # axe goes in as an inline script, which the pages' policy rightly
    # refuses: this context alone ignores the policy.
    options = {"bypass_csp": True, "color_scheme": scheme}
    with opened(browser, served_site.url, viewport, **options) as page:
        visit(page, path)
        page.add_script_tag(content=axe_source)
        result = page.evaluate(AXE_RUN, WCAG_TAGS)
    assert not result["violations"], describe(result["violations"])
    assert result["passes"] > 10


@pytest.mark.parametrize(("viewport", "name"), PAGE_CASES)
def test_page_loads_without_errors(browser, served_site, viewport, name):
    path = served_site.path(name)
    with opened(browser, served_site.url, viewport) as page:
        problems = watch(page)
        status = visit(page, path)
        csp_violations = page.evaluate("window.cspViolations")
        stylesheets = page.evaluate("document.styleSheets.length")
        scripts = page.evaluate(SCRIPTS)
    assert status == (404 if name == "404" else 200)
    assert problems == []
    assert csp_violations == []
    assert stylesheets == 1
    expected = [SEARCH_SCRIPT] if name == "search" else []
    assert [s for s in scripts if s != JSON_LD] == expected
    if name == "article":
        assert scripts.count(JSON_LD) == 1


@pytest.mark.parametrize(("viewport", "name"), PAGE_CASES)
def test_page_does_not_scroll_sideways(browser, served_site, viewport, name):
    path = served_site.path(name)
    with opened(browser, served_site.url, viewport) as page:
        visit(page, path)
        scroll_width, client_width = page.evaluate(
            "[document.documentElement.scrollWidth,"
            " document.documentElement.clientWidth]"
        )
    assert client_width == VIEWPORTS[viewport]["viewport"]["width"]
    assert scroll_width <= client_width


def test_no_page_but_search_has_a_script(served_site):
    """Every built page, not only one of each type: scripts are JSON-LD data,
    except the search page's own module."""
    for html in sorted(served_site.root.rglob("*.html")):
        relative = html.relative_to(served_site.root).as_posix()
        scripts = soup(html).find_all("script")
        code = [s for s in scripts if s.get("type") != "application/ld+json"]
        if relative == "search/index.html":
            assert [s.get("src") for s in code] == ["../theme/js/search.js"]
            assert code[0]["type"] == "module"
        else:
            assert code == [], relative
        assert all(not s.get("src") for s in scripts if s not in code), relative


def test_policy_refuses_inline_script_and_the_watch_reports_it(browser, served_site):
    with opened(browser, served_site.url, "desktop") as page:
        problems = watch(page)
        visit(page, PAGES["article"])
        page.evaluate(
            """() => {
              const script = document.createElement("script");
              script.textContent = "window.injected = true";
              document.head.append(script);
            }"""
        )
        ran = page.evaluate("window.injected === true")
        csp_violations = page.evaluate("window.cspViolations")
    assert ran is False
    assert csp_violations == ["script-src-elem inline"]
    assert len(problems) == 1
    assert problems[0].startswith("console: Executing inline script violates")
