"""The page in a real browser: headless Debian chromium driven by Playwright.

Loads the doctored example with one click, presses the button, waits for the
highlighted article and checks that the three changed figures are marked
CONTRADICTED; saves a screenshot (to tmp, and to $CLAIMCHECK_SCREENSHOT_DIR when
set). Also checks that the page fetches nothing from outside this machine.
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

from claimcheck import web  # noqa: E402
from test_app import free_port  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
CHANGED_FIGURES = ("80 Millionen", "1,2 Milliarden Dollar", "sechs Monaten")


def chromium_path() -> str:
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).is_file():
        pytest.fail("Debian's chromium is missing, so the browser test cannot run: "
                    "install it with `apt-get install -y chromium` (tests/run.sh does this in CI).")
    return path


@pytest.fixture(scope="module")
def page_url():
    port = free_port()
    demo = web.launch(port=port, prevent_thread_lock=True, quiet=True)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        demo.close()


@pytest.fixture
def browser_page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            yield browser.new_page(viewport={"width": 1280, "height": 900}, locale="de-DE")
        finally:
            browser.close()


def test_doctored_example_shows_contradicted_figures(page_url, browser_page, tmp_path):
    from playwright.sync_api import expect

    page = browser_page
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(page_url)

    page.get_by_text(web.ui_strings("de")["example_doctored"]).click()
    # The example fills the inputs through a server round trip: wait for it before pressing the button.
    expect(page.locator("#cc-article-input textarea")).to_have_value(re.compile("80 Millionen"), timeout=30_000)
    expect(page.locator("#cc-published textarea, #cc-published input")).to_have_value("2020-08-17")
    page.locator("#cc-check").click()

    status = page.locator("#cc-status")
    expect(status).to_contain_text(re.compile("Fertig|Nicht geprüft"), timeout=180_000)
    assert "Fertig" in status.inner_text(), status.inner_text()
    page.locator("#cc-highlighted mark[data-verdict]").first.wait_for(timeout=10_000)

    # The screenshot comes before the verdict checks, so that a failing run leaves one to look at.
    shot = tmp_path / "claimcheck-page.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    if os.environ.get("CLAIMCHECK_SCREENSHOT_DIR"):
        target = Path(os.environ["CLAIMCHECK_SCREENSHOT_DIR"])
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, target / shot.name)

    outside = [u for u in requested if not u.startswith((page_url, "data:", "blob:"))]
    assert not outside, f"the page fetched from outside this machine: {outside[:5]}"

    contradicted = page.locator('#cc-highlighted mark[data-verdict="CONTRADICTED"]').all_inner_texts()
    for figure in CHANGED_FIGURES:
        assert any(figure in text for text in contradicted), (figure, contradicted)
    expect(status).to_contain_text("widerlegt")
    expect(page.locator("#cc-table")).to_contain_text("80 Millionen")
