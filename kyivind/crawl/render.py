"""Browser rendering through scrapy-playwright, for listings drawn by script.

Imported only when a run renders (``-a render=true`` or ``KYIVIND_RENDER``): the plain path neither
imports Playwright nor starts a browser. Chromium is Debian's (``KYIVIND_CHROMIUM_PATH``, default
``/usr/bin/chromium``): Playwright cannot download a browser of its own here.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from kyivind.extraction.listing import SHOW_MORE

logger = logging.getLogger(__name__)

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage", "--no-first-run"]
SKIPPED_RESOURCES = {"image", "media", "font"}


def configure(settings, base_host: str) -> None:
    """Route requests marked ``playwright`` through scrapy-playwright's Chromium."""
    handler = "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler"
    settings.set("DOWNLOAD_HANDLERS", {"http": handler, "https": handler}, priority="spider")
    settings.set("PLAYWRIGHT_BROWSER_TYPE", "chromium", priority="spider")
    settings.set("PLAYWRIGHT_LAUNCH_OPTIONS", {
        "executable_path": settings.get("KYIVIND_CHROMIUM_PATH"),
        "headless": True, "args": CHROMIUM_ARGS}, priority="spider")
    settings.set("PLAYWRIGHT_MAX_PAGES_PER_CONTEXT", settings.getint("KYIVIND_RENDER_MAX_PAGES"), priority="spider")
    settings.set("PLAYWRIGHT_ABORT_REQUEST", abort_request(base_host), priority="spider")


def abort_request(base_host: str):
    """The browser stays on the site's host too, and loads no pictures, media or fonts."""

    def abort(request) -> bool:
        return urlsplit(request.url).netloc != base_host or request.resource_type in SKIPPED_RESOURCES

    return abort


def page_meta() -> dict:
    return {"playwright": True, "playwright_include_page": True,
            "playwright_page_goto_kwargs": {"wait_until": "networkidle"}}


async def click_show_more(page, max_clicks: int, timeout_ms: int = 10000) -> tuple[int, bool]:
    """Click "Show More" / "Load more" until it disappears or ``max_clicks``; (clicks, button still there)."""
    clicks = 0
    while True:
        button = page.locator("button, a, [role=button]", has_text=SHOW_MORE).first
        present = await button.count() > 0 and await button.is_visible()
        if not present or clicks >= max_clicks:
            return clicks, present
        links = await page.locator("a[href]").count()
        await button.click()
        clicks += 1
        try:
            await page.wait_for_function(f"document.querySelectorAll('a[href]').length > {links}", timeout=timeout_ms)
        except Exception:  # nothing new came: the button does not load more
            logger.warning("Show More clicked but no new link appeared within %d ms", timeout_ms)
            return clicks, True
        await page.wait_for_load_state("networkidle")
