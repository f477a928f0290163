"""A crawl's fetch and public URLs are remembered: asked again, the same answer without parsing again."""

from kyivind.crawl.urls import SiteUrls

SITE, BASE = "https://kyivindependent.com", "http://127.0.0.1:8123"
ASKED = [f"{BASE}/a-story/", "/a-story/", "//evil.example/x", f"{SITE}/b/?q=1#top", "https://elsewhere.example/c",
         "/news/../a-story/", f"{BASE}/a-story/"]


def test_remembered_answers_are_the_answers():
    urls = SiteUrls(SITE, BASE)
    first = [(urls.public_url(u), urls.fetch_url(u)) for u in ASKED]
    again = [(urls.public_url(u), urls.fetch_url(u)) for u in ASKED]
    fresh = SiteUrls(SITE, BASE)
    assert first == again == [(fresh._public_url(u), fresh._fetch_url(u)) for u in ASKED]
    assert first[0] == (f"{SITE}/a-story/", f"{BASE}/a-story/") and first[2][0] == f"{SITE}/evil.example/x"
    assert urls.public_url.cache_info().hits == len(ASKED) + 1, "each asked again, and one twice in the first pass"
