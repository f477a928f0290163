"""The spider's callbacks and each source, in-process on saved responses: no server, no subprocess.

A crawler is built as a crawl builds it (spider first, then the shared components); responses are
made from the saved pages in tests/fixtures and from the replica's content model.
"""

import asyncio
import json

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, TextResponse

from kyivind import statkeys as keys
from kyivind.crawl.context import RunContext, component
from kyivind.items import ArticleItem
from kyivind.sources import ROUTE
from kyivind.sources.api import Post, Unusable
from kyivind.state.incremental import Incremental
from tests.conftest import fixture_html, project_crawler
from tests.replica.api import content_api
from tests.replica.content import CONTENT_KEY, SITE, expected_item, posts
from tests.replica.server import ReplicaSite

BASE = "http://127.0.0.1:9"
MULTI = "zelensky-meets-trump-in-washington-as-talks-on-security-guarantees-continue"


def routed(request) -> str | None:
    """The source a request's answer goes to; every request has the spider's one callback and errback."""
    assert request.callback.__name__ == "route" and request.errback.__name__ == "route_failed"
    return request.meta.get(ROUTE)


def crawl_parts(tmp_path, **args):
    crawler = project_crawler({"KYIVIND_DATA_DIR": str(tmp_path)}, base_url=BASE, **args)
    return crawler, crawler.spider


def html_response(url: str, html: str, status: int = 200, **meta) -> HtmlResponse:
    return HtmlResponse(url, status=status, body=html.encode("utf-8"), encoding="utf-8",
                        headers={"Content-Type": "text/html; charset=utf-8"}, request=Request(url, meta=meta))


def run(coroutine):
    return asyncio.run(coroutine)


def stat(crawler, key):
    return crawler.stats.get_value(key)


# --- the listing walk ------------------------------------------------------------------------
def test_listing_page_gives_article_requests_then_the_next_page(tmp_path):
    crawler, spider = crawl_parts(tmp_path)
    url = f"{BASE}/tag/news-feed/"
    out = list(spider.parse_listing(html_response(url, fixture_html("ghost-listing-1.html")), 1))
    articles = [r for r in out if routed(r) == "article"]
    listings = [r for r in out if routed(r) == "listing"]
    assert [r.url for r in listings] == [f"{BASE}/tag/news-feed/page/2/"] and listings[0].cb_kwargs == {"page_number": 2}
    assert all(r.url.startswith(BASE + "/") for r in articles), "canonical links are fetched on base_url"
    assert f"{BASE}/{MULTI}/" in [r.url for r in articles]
    assert stat(crawler, keys.ARTICLE_REQUESTED) == len(articles) == stat(crawler, keys.LISTING_CARDS)
    assert articles[0].cb_kwargs == {"listing_url": url} and articles[0].dont_filter


def test_known_cards_are_skipped_and_an_all_known_page_ends_the_incremental_walk(tmp_path):
    site = ReplicaSite("ghost")
    crawler, spider = crawl_parts(tmp_path)
    state = component(crawler, Incremental).state
    for post in posts():  # an old /national/ address is known as the alias it was reached by
        state.record_exported({"url": f"{SITE}/{post['slug']}/", "content_hash": "0" * 64, "version": 1},
                              alias=SITE + post["legacy_path"] if post.get("legacy_path") else None)
    state.record_exported({"url": f"{SITE}/deleted-story-that-answers-404/", "content_hash": "0" * 64, "version": 1})
    walk = spider.parts.walk
    pages = [list(spider.parse_listing(html_response(f"{BASE}/tag/news-feed/page/{n}/", site.listing(n)), n))
             for n in (1, 2)]
    assert not [r for page in pages for r in page if routed(r) == "article"], "every card is known"
    assert [r.cb_kwargs["page_number"] for r in pages[0]] == [2], "one all-known page of overlap is walked"
    assert pages[1] == [], "the second all-known page ends the walk"
    assert stat(crawler, keys.INCREMENTAL_KNOWN_CARDS) > 0 and walk.incremental.active


def test_since_ends_the_walk_and_max_pages_bounds_it(tmp_path):
    site = ReplicaSite("ghost")
    crawler, spider = crawl_parts(tmp_path / "a", since="2030-01-01")
    out = list(spider.parse_listing(html_response(f"{BASE}/tag/news-feed/", site.listing(1)), 1))
    assert out == [] and stat(crawler, keys.SINCE_SKIPPED_CARDS) > 0
    crawler, spider = crawl_parts(tmp_path / "b", max_pages="1")
    out = list(spider.parse_listing(html_response(f"{BASE}/tag/news-feed/", site.listing(1)), 1))
    assert out and not [r for r in out if routed(r) == "listing"]


def test_listing_404_ends_the_walk(tmp_path):
    crawler, spider = crawl_parts(tmp_path)
    assert list(spider.parse_listing(html_response(f"{BASE}/tag/news-feed/page/9/", "<html></html>", 404), 9)) == []
    assert stat(crawler, keys.LISTING_END_404) == 1


def test_tag_argument_walks_that_tag_and_names_the_feed(tmp_path):
    crawler, spider = crawl_parts(tmp_path, tag="military")
    run_ctx = RunContext.of(crawler)
    assert spider.parts.walk.request().url == f"{BASE}/tag/military/"
    assert "filter=tag%3Amilitary" in spider.parts.api.request().url
    assert run_ctx.name.startswith("newsfeed-military-")
    default = RunContext.of(project_crawler({"KYIVIND_DATA_DIR": str(tmp_path)}))
    assert default.name.startswith("newsfeed-2") and default.listing_path == "/tag/news-feed/"


# --- the sitemap -----------------------------------------------------------------------------
def test_sitemap_asks_again_for_known_articles_with_a_newer_lastmod(tmp_path):
    crawler, spider = crawl_parts(tmp_path)
    incremental = component(crawler, Incremental)
    incremental.state.record_exported({"url": f"{SITE}/a/", "content_hash": "0" * 64, "version": 1,
                                       "modified_at": "2025-01-01T00:00:00+00:00"})
    incremental.state.record_exported({"url": f"{SITE}/b/", "content_hash": "0" * 64, "version": 1,
                                       "modified_at": "2025-03-01T00:00:00+00:00"})
    xml = ('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
           f'<url><loc>{SITE}/a/</loc><lastmod>2025-02-01T00:00:00.000Z</lastmod></url>'
           f'<url><loc>{SITE}/b/</loc><lastmod>2025-02-01T00:00:00.000Z</lastmod></url>'
           f'<url><loc>{SITE}/new/</loc><lastmod>2025-02-01T00:00:00.000Z</lastmod></url></urlset>')
    response = TextResponse(f"{BASE}/sitemap-posts.xml", body=xml.encode(), encoding="utf-8")
    out = list(spider.parts.sitemap.parse(response))
    assert [r.url for r in out] == [f"{BASE}/a/"] and out[0].cb_kwargs == {"listing_url": "sitemap"}
    assert incremental.lastmods == {f"{SITE}/a/": "2025-02-01T00:00:00+00:00"}
    missing = list(spider.parts.sitemap.parse(TextResponse(f"{BASE}/sitemap-posts.xml", status=404, body=b"")))
    assert [r.url for r in missing] == [f"{BASE}/sitemap.xml"]


# --- the Content API -------------------------------------------------------------------------
def api_response(page_url: str, mode: str = "ok", post_list=None) -> TextResponse:
    path, _, query = page_url.partition("?")
    status, headers, body = content_api(path.replace(BASE, ""), query, post_list or posts(), CONTENT_KEY, mode)
    return TextResponse(page_url, status=status, body=body.encode(), headers=headers)


async def collect(agen):
    return [x async for x in agen]


def article(spider, response, **kwargs) -> list:
    """What the article callback yields for a page: [item], [a request to render it], or []."""
    return run(collect(spider.parse_article(response, **kwargs)))


def item_of(spider, response):
    found = article(spider, response)
    return found[0] if found else None


def test_api_page_gives_every_post_with_its_fields(tmp_path):
    crawler, spider = crawl_parts(tmp_path, source="api")
    api = spider.parts.api
    request = api.request(1, CONTENT_KEY)
    found = run(collect(api.parse(api_response(request.url), **request.cb_kwargs)))
    assert all(isinstance(f, Post) for f in found) and len(found) == len(posts())
    by_slug = {f.extraction.fields["slug"]: f.extraction for f in found}
    expected = expected_item(next(p for p in posts() if p["slug"] == MULTI), "api")
    assert by_slug[MULTI].fields["title"] == expected["title"] and by_slug[MULTI].sources["title"] == "api"
    assert stat(crawler, keys.API_POSTS) == len(posts())


@pytest.mark.parametrize("mode, problem", [("404", "answered 404"), ("bad-json", "invalid JSON"),
                                           ("unknown-shape", "a shape kyivind does not know")])
def test_unusable_api_answers_are_named(tmp_path, mode, problem):
    crawler, spider = crawl_parts(tmp_path)
    request = spider.parts.api.request(1, CONTENT_KEY)
    found = run(collect(spider.parts.api.parse(api_response(request.url, mode), **request.cb_kwargs)))
    assert len(found) == 1 and isinstance(found[0], Unusable) and problem in found[0].problem


def test_auto_source_falls_back_to_the_listing_walk(tmp_path):
    crawler, spider = crawl_parts(tmp_path)
    request = spider.parts.api.request(1, CONTENT_KEY)
    out = run(collect(spider.parse_api(api_response(request.url, "404"), **request.cb_kwargs)))
    assert [r.url for r in out] == [f"{BASE}/tag/news-feed/"]
    assert stat(crawler, keys.SOURCE_USED) == "rss+html" and "404" in stat(crawler, keys.API_UNUSABLE)
    assert spider.parts.gaps.rss.active, "the feed fills what the pages lack"


def test_api_filter_has_the_tag_since_and_incremental_clauses(tmp_path):
    crawler, spider = crawl_parts(tmp_path, tag="military", since="2025-01-01")
    incremental = component(crawler, Incremental)
    incremental.state.record_exported({"url": f"{SITE}/a/", "content_hash": "0" * 64, "version": 1,
                                       "modified_at": "2025-05-01T10:00:00+00:00"})
    assert spider.parts.api.filter() == ("tag:military+published_at:>='2025-01-01T00:00:00.000Z'"
                                         "+updated_at:>'2025-05-01T10:00:00.000Z'")


# --- articles --------------------------------------------------------------------------------
def test_article_page_gives_its_item(tmp_path):
    crawler, spider = crawl_parts(tmp_path)
    url = f"{BASE}/{MULTI}/"
    [item] = article(spider, html_response(url, fixture_html("ghost-article.html"), kyivind_article=url),
                     listing_url=f"{BASE}/tag/news-feed/")
    assert isinstance(item, ArticleItem) and item.url == f"{SITE}/{MULTI}/" and item.version == 1
    expected = expected_item(next(p for p in posts() if p["slug"] == MULTI), "ghost")
    assert item.title == expected["title"] and item.body_text == expected["body_text"]
    assert [a.slug for a in item.authors] == [a["slug"] for a in expected["authors"]]
    assert item.authors[0].raw, "the author block travels in the item until the author-bio pipeline"
    assert stat(crawler, keys.field_source("title", "jsonld")) == 1


def test_authors_without_role_or_bio_get_them_from_their_page_profile(tmp_path):
    """The bare theme shows no author cards: the item waits for the author pages (here from the state)."""
    crawler, spider = crawl_parts(tmp_path)
    incremental = component(crawler, Incremental)
    profiles = {}
    for slug in ("kateryna-denisova", "olena-goncharova"):
        profiles[slug] = {"name": None, "slug": slug, "image_url": None, "bio": None,
                          "raw": f"{slug}\nNews Editor\n{slug} writes the news at The Kyiv Independent."}
        incremental.save_author(slug, profiles[slug])
    url = f"{BASE}/{MULTI}/"
    (item,) = article(spider, html_response(url, fixture_html("bare-article.html")))
    assert [a.raw for a in item.authors] == [profiles[a.slug]["raw"] for a in item.authors]
    assert stat(crawler, keys.AUTHOR_PAGE_FROM_STATE) == 2


def exported(crawler, item):
    """The item through the pipelines up to the versioning one (what the feed gets), or None if dropped."""
    from scrapy.exceptions import DropItem

    from kyivind.pipelines.authorbio import AuthorBioPipeline
    from kyivind.pipelines.version import VersionPipeline

    try:
        return VersionPipeline.from_crawler(crawler).process_item(AuthorBioPipeline.from_crawler(crawler).process_item(item))
    except DropItem:
        return None


def test_an_unchanged_article_is_not_emitted_again_and_any_changed_field_makes_a_version(tmp_path):
    from kyivind.items import public_dict

    crawler, spider = crawl_parts(tmp_path)
    incremental = component(crawler, Incremental)
    url = f"{BASE}/{MULTI}/"
    page = fixture_html("ghost-article.html")
    first = exported(crawler, item_of(spider, html_response(url, page)))
    assert first.version == 1
    incremental.record_exported(public_dict(first))
    assert exported(crawler, item_of(spider, html_response(url, page))) is None
    assert stat(crawler, keys.INCREMENTAL_UNCHANGED) == 1
    retagged = page.replace("Politics", "Diplomacy")  # the tag in the meta, the JSON-LD and the tag links
    assert retagged != page
    second = exported(crawler, item_of(spider, html_response(url, retagged)))
    assert second is not None and second.version == 2, "a change of tags alone makes a new version"
    assert second.content_hash == first.content_hash and "Diplomacy" in second.tags


@pytest.mark.parametrize("status, html, kind", [
    (404, "<html><body>gone</body></html>", "http_404"),
    (200, "<html><head><title>Just a moment...</title></head><body></body></html>", "challenge"),
    # a challenge's widget under the site's own title, a few words of its own: read as a page, still a challenge
    (200, "<html><head><title>The Kyiv Independent</title></head><body><main><article><h1>kyivindependent.com</h1>"
          "<p>Verifying you are human. This may take a few seconds.</p><div id='challenge-platform'></div></article>"
          "</main></body></html>", "challenge"),
    (200, "<html><body><div class='h-captcha' data-sitekey='x'></div></body></html>", "challenge"),
    (200, "<html><body><p>Half a para", "truncated"),
    (200, "<html><body><div id='root'></div></body></html>", "not_an_article"),
])
def test_article_problems_are_counted_and_listed(tmp_path, status, html, kind):
    crawler, spider = crawl_parts(tmp_path)
    url = f"{BASE}/some-story/"
    assert article(spider, html_response(url, html, status)) == []
    assert stat(crawler, keys.article_failed(kind)) == 1
    failures = spider.parts.failures
    assert failures.failed.current[f"{SITE}/some-story/"]["kind"] == kind


def test_an_article_whose_page_holds_a_captcha_widget_is_still_the_article(tmp_path):
    """A captcha on the page's newsletter form (hCaptcha, reCAPTCHA) marks no challenge where the page holds an
    article: its item is made, no challenge is counted."""
    crawler, spider = crawl_parts(tmp_path)
    url = f"{BASE}/{MULTI}/"
    form = ('<form class="newsletter"><input type="email" name="email"><div class="h-captcha" data-sitekey="k"></div>'
            '<div class="g-recaptcha" data-sitekey="k"></div></form></body>')
    page = fixture_html("ghost-article.html").replace("</body>", form, 1)
    assert "h-captcha" in page[:20000]
    item = item_of(spider, html_response(url, page))
    assert item is not None and item.word_count >= 50
    assert stat(crawler, keys.PAGE_CHALLENGE) in (None, 0)


def test_an_unanswered_article_is_reported_lost_at_close(tmp_path):
    crawler, spider = crawl_parts(tmp_path)
    spider.parts.articles.request(f"{SITE}/never-answered/", "sitemap")
    spider.closed("finished")
    assert stat(crawler, keys.ARTICLE_LOST) == 1
    assert spider.parts.failures.failed.current[f"{SITE}/never-answered/"]["kind"] == "lost"


# --- arguments -------------------------------------------------------------------------------
@pytest.mark.parametrize("args, message", [
    ({"max_pages": "abc"}, "max_pages must be a positive whole number, got 'abc'"),
    ({"tag": "Not a tag!"}, "tag must be a tag slug"),
    ({"mode": "sometimes"}, "mode must be one of incremental, backfill, full"),
    ({"render": "maybe"}, "render must be true or false"),
])
def test_bad_arguments_are_kept_for_one_error_line(tmp_path, args, message):
    crawler, spider = crawl_parts(tmp_path, **args)
    assert message in spider.argument_error
    assert spider.args.mode == "incremental", "the run context is still made, from the defaults"


def test_the_spider_reads_no_state_of_its_components_off_itself(tmp_path):
    """Components take what they share from the run context and each other, not from spider attributes."""
    crawler, spider = crawl_parts(tmp_path, tag="economy")
    assert not hasattr(spider, "run_state") and not hasattr(spider, "failed") and not hasattr(spider, "urls")
    assert RunContext.of(crawler).args is spider.args
    assert json.loads(spider.args.model_dump_json())["tag"] == "economy"


@pytest.mark.parametrize("zone, expected", [("Europe/Kyiv", "2025-04-05T10:28:00+00:00"),
                                            ("UTC", "2025-04-05T13:28:00+00:00")])
def test_the_spider_reads_written_times_in_the_site_time_zone(tmp_path, zone, expected):
    crawler = project_crawler({"KYIVIND_DATA_DIR": str(tmp_path), "KYIVIND_SITE_TIMEZONE": zone}, base_url=BASE)
    body = " ".join(["Russian forces struck Kharkiv overnight, injuring seven people, officials said."] * 4)
    html = (f'<html><head><title>Strike | The Kyiv Independent</title></head><body><main><article><h1>Strike</h1>'
            f'<time datetime="2025-04-05">April 5, 2025 1:28 PM</time><p>{body}</p><p>{body}</p></article></main>'
            "</body></html>")
    found = crawler.spider.parse_article(html_response(f"{BASE}/strike/", html))
    # no modified time on the page: the item waits for the sitemap (here not reachable: no engine runs)
    [item] = run(collect(found))
    assert item.published_at == expected and item.modified_at is None
