"""Browser rendering with scrapy-playwright, in real headless Chromium (Debian's /usr/bin/chromium)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, RUN_SPECIFIC, run_crawl
from tests.replica.content import posts
from tests.replica.server import ReplicaServer, ReplicaSite

CHROMIUM = os.environ.get("KYIVIND_CHROMIUM_PATH", "/usr/bin/chromium")
pytestmark = [pytest.mark.crawl,
              pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"Chromium is not installed at {CHROMIUM}")]


def browsers() -> list[str]:
    """Command lines of running Chromium processes."""
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if "chromium" in cmdline and "--headless" in cmdline:
                found.append(cmdline)
    return found


def strip(items):
    return {i["url"]: {k: v for k, v in i.items() if k not in RUN_SPECIFIC} for i in items}


def test_rendered_script_listing_gives_the_plain_crawls_items_and_closes_the_browser(tmp_path):
    before = browsers()
    with ReplicaServer(ReplicaSite("script")) as scripted, ReplicaServer(ReplicaSite("next")) as plain:
        rendered = run_crawl(scripted.url, tmp_path / "rendered", "-a", "render=true")
        reference = run_crawl(plain.url, tmp_path / "plain")
    assert rendered.returncode == 0, rendered.log[-3000:]
    assert len(rendered.items) == len(posts())
    assert strip(rendered.items) == strip(reference.items)
    stats = rendered.stats
    assert stats["kyivind/render/listing_pages"] == 1 and stats["kyivind/render/show_more_clicks"] == 2
    assert stats["kyivind/render/articles"] == 1, "the article whose body is drawn by script"
    assert "Rendered listing page 1: Show More clicked 2 times" in rendered.log
    assert browsers() == before, "no Chromium process is left behind"


def test_plain_crawl_of_a_script_listing_warns_that_rendering_is_needed(tmp_path):
    with ReplicaServer(ReplicaSite("script")) as server:
        result = run_crawl(server.url, tmp_path)
    assert result.items == []
    warnings = [line for line in result.log.splitlines() if "] WARNING: " in line and "rendering is probably needed" in line]
    assert len(warnings) == 1 and "a Show More button" in warnings[0]


def test_click_bound_is_logged(tmp_path):
    with ReplicaServer(ReplicaSite("script")) as server:
        result = run_crawl(server.url, tmp_path, "-a", "render=true", "-s", "KYIVIND_RENDER_MAX_CLICKS=1")
    assert "Show More still shown after 1 clicks (KYIVIND_RENDER_MAX_CLICKS=1)" in result.log
    assert result.stats["kyivind/render/click_bound_reached"] == 1
    assert len(result.items) == 9, "two batches of five cards less the 404 card"


def test_plain_path_neither_imports_nor_starts_a_browser(tmp_path):
    with ReplicaServer(ReplicaSite("next")) as server:
        env = {**os.environ, "KYIVIND_DATA_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
        proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "scrapy", "crawl", "newsfeed",
                               "-a", f"base_url={server.url}", "-a", "source=html", "-s", "AUTOTHROTTLE_ENABLED=0"],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0
    imported = [line for line in proc.stderr.splitlines() if line.startswith("import time:")]
    assert len(imported) > 100, "the import log was read"
    assert not [line for line in imported if "playwright" in line]
    assert "scrapy_playwright" not in proc.stderr


def test_bad_render_value_is_a_usage_error(tmp_path):
    result = run_crawl("http://127.0.0.1:9", tmp_path, "-a", "render=maybe", output=False)
    assert result.returncode == 2 and "render must be true or false, got 'maybe'" in result.log
