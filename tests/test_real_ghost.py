"""Against a real Ghost (installed from npm by tests/ghost/install_ghost.sh, run on 127.0.0.1 with SQLite).

Its default theme "Source" is markup nobody on this project wrote: the crawl of its pages must give
every field right. Values Ghost computes itself (``updated_at``, ``reading_time``, the excerpt of a
post without a custom one) are read from Ghost's own API for the expected items.
"""

from __future__ import annotations

import json
import shutil
import urllib.request

import pytest

from tests.conftest import RUN_SPECIFIC, run_crawl
from tests.replica.content import expected_item, posts

pytestmark = pytest.mark.ghost


@pytest.fixture(scope="module")
def ghost(tmp_path_factory):
    if shutil.which("node") is None:
        pytest.skip("Node.js is not installed: the real-Ghost tests need it (see tests/ghost/install_ghost.sh)")
    from tests.ghost import harness

    if not harness.installed():
        pytest.fail("Ghost is not installed: run `bash tests/ghost/install_ghost.sh` first")
    instance = harness.seeded_ghost(tmp_path_factory.mktemp("ghost"))
    yield instance
    instance.stop()


def ghost_posts(ghost) -> dict[str, dict]:
    key = ghost.content_key()
    url = f"{ghost.url}/ghost/api/content/posts/?key={key}&filter=tag:news-feed&limit=all"
    with urllib.request.urlopen(url, timeout=30) as answer:
        return {p["slug"]: p for p in json.load(answer)["posts"]}


def expected_from_ghost(ghost, html_theme: bool) -> dict[str, dict]:
    served = ghost_posts(ghost)
    out = {}
    for post in posts():
        written = expected_item(post, "api")
        item = json.loads(json.dumps(written).replace("https://kyivindependent.com", ghost.url))
        # links written into the posts name the live site, which is another host than this Ghost's
        item["links"], item["embeds"] = written["links"], written["embeds"]
        data = served[post["slug"]]
        if "data-telegram-post" not in (data.get("html") or ""):  # Ghost keeps no script of an imported post
            item["embeds"] = [e for e in item["embeds"] if e["kind"] != "telegram"]
        item["modified_at"] = data["updated_at"].replace(".000+00:00", "+00:00")
        item["description"] = data["custom_excerpt"] or data["excerpt"]
        reading = data["reading_time"]
        item["reading_time_min"] = (reading or None) if html_theme else reading  # Source hides "0 min read"
        out[item["url"]] = item
    return out


def test_html_crawl_of_ghost_source_theme_gives_every_field(ghost, tmp_path):
    result = run_crawl(ghost.url, tmp_path, "-a", f"site_url={ghost.url}")
    assert result.returncode == 0, result.log[-3000:]
    expected = expected_from_ghost(ghost, html_theme=True)
    got = {item["url"]: item for item in result.items}
    assert sorted(got) == sorted(expected), "every News Feed post exactly once"
    for url, item in expected.items():
        assert {k: v for k, v in got[url].items() if k not in RUN_SPECIFIC} == item, url


def test_api_crawl_of_real_ghost_rediscovers_its_key_and_gives_every_field(ghost, tmp_path):
    result = run_crawl(ghost.url, tmp_path, "-a", f"site_url={ghost.url}", source="auto")
    assert result.returncode == 0, result.log[-3000:]
    assert f"using the key found on the site: {ghost.content_key()}" in result.log
    assert "falling back" not in result.log
    assert result.stats["kyivind/api/pages"] == 1
    expected = expected_from_ghost(ghost, html_theme=False)
    got = {item["url"]: item for item in result.items}
    assert sorted(got) == sorted(expected)
    for url, item in expected.items():
        assert {k: v for k, v in got[url].items() if k not in RUN_SPECIFIC} == item, url


def test_html_crawl_of_ghost_casper_theme_gives_every_field(ghost, tmp_path):
    """Ghost's other bundled theme, Casper: different markup, same items."""
    ghost.admin("PUT", "themes/casper/activate/")
    try:
        result = run_crawl(ghost.url, tmp_path, "-a", f"site_url={ghost.url}")
    finally:
        ghost.admin("PUT", "themes/source/activate/")
    assert result.returncode == 0, result.log[-3000:]
    page = (tmp_path / "out.jsonl").read_text()
    assert page.count("\n") == len(posts())
    expected = expected_from_ghost(ghost, html_theme=True)  # Casper too hides a reading time of 0
    got = {item["url"]: item for item in result.items}
    for url, item in expected.items():
        assert {k: v for k, v in got[url].items() if k not in RUN_SPECIFIC} == item, url
