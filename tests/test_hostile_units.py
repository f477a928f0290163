"""The bounds and fault paths that a whole crawl reaches only rarely, made to happen one by one on the
project's own components (built as a crawl builds them): sitemap files over their number, API pagination that
names no page number, a listing longer than its bound, an RSS feed that repeats itself, an archived answer
over the limit asked for by the replay middleware, blank lines without end between records, and a run
outcome that cannot be recorded."""

from __future__ import annotations

import zlib
from io import BytesIO

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from warcio.warcwriter import WARCWriter

from kyivind import statkeys as keys
from kyivind.archive.index import ArchiveIndex
from kyivind.archive.reader import MAX_BLANK_LINES, iter_records
from kyivind.archive.replay import ReplayMiddleware
from kyivind.crawl.urls import DEFAULT_SITE_URL, SiteUrls
from kyivind.sources.sitemap import SitemapFiles
from tests.conftest import project_crawler, run_crawl
from tests.hostile import warcs
from tests.replica.content import posts
from tests.replica.server import ReplicaServer, ReplicaSite

SLUGS = [p["slug"] for p in posts()][:3]


def crawler_of(tmp_path, settings: dict | None = None, **args):
    return project_crawler({"KYIVIND_DATA_DIR": str(tmp_path), **(settings or {})}, base_url="http://127.0.0.1:9",
                           **args)


def test_sitemap_files_stop_at_their_number_and_fail_the_run(tmp_path, caplog):
    crawler = crawler_of(tmp_path, {"KYIVIND_SITEMAP_MAX_FILES": 2})
    files = SitemapFiles(crawler, crawler.spider.parts.run)
    admitted = [files.admit(f"/sitemap-posts-{n}.xml", 1) for n in range(4)]
    assert admitted == [True, True, False, False]
    assert crawler.stats.get_value(keys.bound("sitemap_files")) == 2
    assert "more sitemap files than KYIVIND_SITEMAP_MAX_FILES=2" in crawler.stats.get_value(keys.FATAL)[0]
    assert "Bound reached (sitemap_files)" in caplog.text


@pytest.mark.parametrize("following, pages, posts_on_page, problem", [
    ("two", 5, 3, "its next page is 'two', not a page number"),
    ({"page": 2}, 5, 3, "not a page number"),
    (1, 5, 3, "page 1 names page 1 as the next one, which was read already"),
    (7, 5, 3, "page 1 names page 7 as the next one, past its 5 pages"),
    (2, 5, 0, "page 1 holds no post but names page 2 as the next one"),
])
def test_api_pagination_that_names_no_next_page_stops_the_walk(following, pages, posts_on_page, problem, tmp_path,
                                                                caplog):
    crawler = crawler_of(tmp_path, source="api")
    data = {"posts": [{}] * posts_on_page, "meta": {"pagination": {"next": following, "pages": pages, "total": 3}}}
    assert crawler.spider.parts.api.following(1, data) is None
    assert crawler.stats.get_value(keys.bound("api_pagination")) == 1
    assert problem in caplog.text


def test_api_pagination_goes_on_to_a_page_it_has_not_read(tmp_path):
    crawler = crawler_of(tmp_path, source="api")
    data = {"posts": [{}], "meta": {"pagination": {"next": "2", "pages": 3, "total": 250}}}
    assert crawler.spider.parts.api.following(1, data) == 2
    assert crawler.stats.get_value(keys.bound("api_pagination")) is None


def test_a_listing_longer_than_its_bound_fails_the_run(tmp_path):
    with ReplicaServer(ReplicaSite("ghost")) as server:
        result = run_crawl(server.url, tmp_path, "-a", "mode=full", "-s", "KYIVIND_MAX_LISTING_PAGES=1")
    assert result.returncode == 1
    assert result.stats["kyivind/bound/listing_pages"] == 1
    assert "the listing has more than KYIVIND_MAX_LISTING_PAGES=1 pages: older articles were not reached" in result.log


class RepeatingFeed(ReplicaSite):
    """The plain theme (no structured data: the RSS feed fills the pages in), whose feed pages after the first
    repeat the first."""

    def rss(self, page: int):
        return super().rss(1)


def test_an_rss_feed_whose_pages_repeat_is_read_once(tmp_path):
    site = RepeatingFeed("plain", rss_page_size=2)
    with ReplicaServer(site) as server:
        result = run_crawl(server.url, tmp_path, source="rss")
    assert result.stats["kyivind/bound/rss_repeat"] == 1
    assert result.stats["kyivind/rss/requests"] == 2, "the first page, and the one that repeats it"
    assert "Bound reached (rss_repeat): the feed page" in result.log
    assert len(result.items) == len(posts())


def test_an_archived_answer_over_the_limit_is_refused_to_the_replay_middleware(tmp_path, caplog):
    warc = tmp_path / "bomb.warc.gz"
    victim = warcs.with_payload_bomb(warc, SLUGS, 4 << 20)
    crawler = crawler_of(tmp_path)
    index = ArchiveIndex([warc], SiteUrls(DEFAULT_SITE_URL), limit=1 << 20, stats=crawler.stats).build()

    class Held:  # the Replay extension's part the middleware uses
        urls = SiteUrls(DEFAULT_SITE_URL)

        def index(self):
            return index

    middleware = ReplayMiddleware(crawler, Held())
    with pytest.raises(IgnoreRequest):
        middleware.process_request(Request(victim))
    assert crawler.stats.get_value(keys.REPLAY_OVERSIZED) == 1
    assert f"unreadable WARC record in {warc} at offset" in caplog.text
    good = middleware.process_request(Request(f"{DEFAULT_SITE_URL}/{SLUGS[0]}/"))
    assert good.status == 200 and SLUGS[0].encode() in good.body


def test_blank_lines_without_end_after_a_record_are_a_garbled_record(tmp_path):
    record = BytesIO()
    warcs.good_captures(WARCWriter(record, gzip=False), SLUGS[:1])
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS + 16)
    member = compressor.compress(record.getvalue() + b"\r\n" * (MAX_BLANK_LINES * 50)) + compressor.flush()
    rest = BytesIO()
    warcs.good_captures(WARCWriter(rest, gzip=True), SLUGS[1:])
    path = tmp_path / "blank.warc.gz"
    path.write_bytes(member + rest.getvalue())
    seen = []
    garbled = list(iter_records(path, lambda offset, rec: seen.append(rec.rec_headers.get_header("WARC-Target-URI"))))
    assert [g.reason for g in garbled] == [f"HeaderBomb: more than {MAX_BLANK_LINES} blank lines after a record"]
    assert [url for url in seen if url.endswith(f"/{SLUGS[-1]}/")], "the records after it are read"


def test_a_run_outcome_that_cannot_be_recorded_fails_the_run(tmp_path, caplog):
    from kyivind.monitoring.checks import ProblemsResult, RecordOutcome

    crawler = crawler_of(tmp_path)
    result = ProblemsResult(crawler.spider)
    result.next_step()  # the monitors
    result.next_step()  # the actions run when they finished, RecordOutcome among them
    action = RecordOutcome(crawler)
    result.start_action(action)
    result.add_action_error(action, "Traceback (most recent call last):\nOSError: [Errno 28] No space left on device")
    assert crawler.stats.get_value(keys.FAILED) == 1
    assert "The run's outcome could not be recorded: OSError: [Errno 28] No space left on device" in caplog.text
    assert not crawler.stats.get_value(keys.ALERT_FAILED), "not an alert"

