"""What a run imports before its work: no module for a part that is switched off."""

import subprocess
import sys

from tests.conftest import ROOT
from tests.replica.content import SITE, many_posts
from tests.replica.server import ReplicaSite

LOADED = "import sys; print(' '.join(m for m in ('aiohttp', 'tldextract', 'multiprocessing') if m in sys.modules))"


def imported_after(code: str, tmp_path) -> set[str]:
    done = subprocess.run([sys.executable, "-c", f"{code}\n{LOADED}"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT),
                                            "KYIVIND_DATA_DIR": str(tmp_path), "KYIVIND_LOG_LEVEL": "WARNING"})
    assert done.returncode == 0, done.stderr[-3000:]
    return set(done.stdout.split())


def test_a_crawl_does_not_load_the_remote_control(tmp_path):
    """Scrapy's remote control is off (REMOTE_CONTROL_ENABLED): its module, which imports aiohttp, is not loaded."""
    code = ("from tests.conftest import project_crawler\n"
            "crawler = project_crawler()\n"
            "assert 'scrapy.extensions.corestats.CoreStats' in crawler.settings.getwithbase('EXTENSIONS')")
    assert "aiohttp" not in imported_after(code, tmp_path)


def test_a_reextraction_loads_no_cookies_middleware_nor_multiprocessing(tmp_path):
    """A re-extraction sends no request (no cookies: tldextract, which their middleware imports, is not loaded)
    and runs in one process (its progress bar takes a thread lock, not multiprocessing's)."""
    from scrapy import Request
    from scrapy.http import HtmlResponse

    from kyivind.archive.writer import WarcFile, archive_dir, capture

    data = tmp_path / "data"
    site = ReplicaSite("ghost", many_posts(3))
    warc = WarcFile(archive_dir(data) / "newsfeed-20260101T000000000000Z.warc.gz")
    for post in site.posts:
        url = f"{SITE}/{post['slug']}/"
        capture(warc, Request(url), HtmlResponse(url, body=site.article(post["slug"]).encode(),
                                                 headers={"Content-Type": "text/html; charset=utf-8"}), url)
    warc.close()
    code = f"from kyivind.cli import main\nassert main(['reextract', {str(data)!r}]) == 0"
    assert imported_after(code, tmp_path) == set()
