"""A hostile or broken site: the ghost-theme replica with one behaviour that would keep a crawl going, looping
or forging an article, switched on by ``mode``.

    python -m tests.hostile.site --mode sitemap-self --port 8766     # serve one, to try a crawl on it

Each mode changes only what it names; every other answer is the replica's own, so a run shows that the
bound costs nothing else.
"""

from __future__ import annotations

import argparse
import json

from tests.replica import themes
from tests.replica.content import SITE
from tests.replica.server import ReplicaServer, ReplicaSite

ELSEWHERE = "https://elsewhere.example"
XML = {"Content-Type": "text/xml"}
HTML = {"Content-Type": "text/html; charset=utf-8"}


def sitemap_index(*children: str) -> str:
    listed = "".join(f"<sitemap><loc>{SITE}{child}</loc></sitemap>" for child in children)
    return ('<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{listed}</sitemapindex>")


MODES = {
    "sitemap-self": "the posts sitemap is an index that lists itself, and a second index that lists it again",
    "sitemap-deep": "every posts sitemap is an index of one more, without end",
    "sitemap-wide": "the posts sitemap is an index of 50,000 sitemaps, far past the file limit",
    "api-repeat": "the Content API names the page just read as the next one",
    "api-endless": "the Content API always names a next page, past the posts (pages without posts)",
    "api-past-pages": "the Content API names a next page beyond its own page count",
    "listing-cycle": "the last listing page names the first one as its next page",
    "listing-empty-chain": "after the last listing page come empty pages, each naming one more",
    "off-site-canonical": "article pages name a page on another host as their canonical URL",
    # the census (kyivind/census)
    "census-retry-after": "one known article is unlisted and answers 503 with Retry-After: 60",
    "census-big-sitemaps": "the sitemap index names 40 post sitemaps of 16 MiB of URLs each",
}


class HostileSite(ReplicaSite):
    def __init__(self, mode: str, **kwargs):
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; one of {sorted(MODES)}")
        super().__init__("ghost", **kwargs)
        self.mode = mode

    def _respond(self, path: str, query: str) -> tuple[int, dict, str]:
        status, headers, body = super()._respond(path, query)
        hostile = getattr(self, "_" + self.mode.replace("-", "_"))(path, query, status, body)
        return (status, headers, body) if hostile is None else hostile

    # --- sitemaps ----------------------------------------------------------------------------------
    def _sitemap_self(self, path, query, status, body):
        if path == "/sitemap-posts.xml":
            return 200, XML, sitemap_index("/sitemap-posts.xml", "/sitemap-posts-2.xml")
        if path == "/sitemap-posts-2.xml":
            return 200, XML, sitemap_index("/sitemap-posts.xml", "/sitemap-posts-3.xml")
        if path == "/sitemap-posts-3.xml":
            return 200, XML, self.sitemap_posts()
        return None

    def _sitemap_deep(self, path, query, status, body):
        if path == "/sitemap-posts.xml":
            return 200, XML, sitemap_index("/sitemap-posts-1.xml")
        if path.startswith("/sitemap-posts-") and path.endswith(".xml"):
            number = int(path[len("/sitemap-posts-"):-len(".xml")])
            return 200, XML, sitemap_index(f"/sitemap-posts-{number + 1}.xml")
        return None

    def _sitemap_wide(self, path, query, status, body):
        if path == "/sitemap-posts.xml":
            return 200, XML, sitemap_index(*(f"/sitemap-posts-{n}.xml" for n in range(50_000)))
        if path.startswith("/sitemap-posts-") and path.endswith(".xml"):
            return 200, XML, self.sitemap_posts()
        return None

    # --- the Content API ---------------------------------------------------------------------------
    def _api(self, path, status, body, pagination):
        if not path.startswith("/ghost/api/content/posts") or status != 200:
            return None
        data = json.loads(body)
        page = data["meta"]["pagination"]["page"]
        data["meta"]["pagination"].update(pagination(page, data))
        return status, {"Content-Type": "application/json"}, json.dumps(data)

    def _api_repeat(self, path, query, status, body):
        return self._api(path, status, body, lambda page, data: {"next": page, "pages": page + 1})

    def _api_endless(self, path, query, status, body):
        return self._api(path, status, body, lambda page, data: {"next": page + 1, "pages": page + 1})

    def _api_past_pages(self, path, query, status, body):
        return self._api(path, status, body, lambda page, data: {"next": page + 1, "pages": 1,
                                                                 "total": data["meta"]["pagination"]["total"] + 50})

    # --- the listing -------------------------------------------------------------------------------
    def _listing_number(self, path: str) -> int | None:
        prefix = "/tag/news-feed/"
        if path == prefix:
            return 1
        if path.startswith(prefix + "page/"):
            return int(path[len(prefix + "page/"):].strip("/"))
        return None

    def _listing_cycle(self, path, query, status, body):
        number = self._listing_number(path)
        if number == len(self.listing_pages()):
            return 200, HTML, body.replace("</head>", '<link rel="next" href="/tag/news-feed/"></head>')
        return None

    def _listing_empty_chain(self, path, query, status, body):
        number = self._listing_number(path)
        if number is not None and number > len(self.listing_pages()):
            return 200, HTML, themes.ghost_listing([], number, True)
        if number == len(self.listing_pages()):
            return 200, HTML, body.replace("</head>", f'<link rel="next" href="/tag/news-feed/page/{number + 1}/"></head>')
        return None

    # --- articles ----------------------------------------------------------------------------------
    def _off_site_canonical(self, path, query, status, body):
        slug = path.strip("/")
        if status != 200 or not any(p["slug"] == slug for p in self.posts):
            return None
        return status, HTML, body.replace(f"{SITE}/{slug}/", f"{ELSEWHERE}/{slug}/")

    # --- the census --------------------------------------------------------------------------------
    CENSUS_HIDDEN = "air-raid-alert-declared-across-ukraine"  # the unlisted article
    census_sitemaps, census_sitemap_bytes = 40, 16 * 1024 * 1024 - 4096  # tests make them smaller
    _big_sitemap: str | None = None

    def _census_retry_after(self, path, query, status, body):
        if path == "/sitemap-posts.xml":
            return 200, XML, body.replace(f"<url><loc>{SITE}/{self.CENSUS_HIDDEN}/</loc>", "<url><loc>")
        if path.strip("/") == self.CENSUS_HIDDEN:
            return 503, {**HTML, "Retry-After": "60"}, "<html><body>Service Unavailable</body></html>"
        return None

    def _census_big_sitemaps(self, path, query, status, body):
        if path == "/sitemap.xml":
            return 200, XML, sitemap_index(*(f"/sitemap-posts-{n}.xml" for n in range(self.census_sitemaps)))
        if path.startswith("/sitemap-posts-") and path.endswith(".xml"):
            if self._big_sitemap is None:
                entry = f"<url><loc>{SITE}/an-article-that-is-one-of-very-many-{{:09d}}/</loc></url>"
                count = self.census_sitemap_bytes // len(entry.format(0))
                self._big_sitemap = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/'
                                     'schemas/sitemap/0.9">' + "".join(entry.format(n) for n in range(count - 2))
                                     + "</urlset>")
            return 200, XML, self._big_sitemap
        return None


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Serve a hostile replica of the site on 127.0.0.1")
    parser.add_argument("--mode", required=True, choices=sorted(MODES))
    parser.add_argument("--port", type=int, default=8766)
    args = parser.parse_args(argv)
    ReplicaServer(HostileSite(args.mode), args.port).serve_until_interrupted(f"Hostile replica ({args.mode}: "
                                                                            f"{MODES[args.mode]})")


if __name__ == "__main__":
    main()
