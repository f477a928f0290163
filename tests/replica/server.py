"""Serve the replica on 127.0.0.1: listing pages, articles, author pages, robots.txt, sitemaps, and
the faults a crawl must survive.

    python -m tests.replica.server --theme ghost --port 8765

Faults built in: a listing card whose article answers 404, a card on two listing pages, an article
that answers 503 once and then 200, an old ``/national/<slug>/`` address that redirects (301) to the
article, and (theme ``bare``) a "next page" link from the last listing page to a page that answers 404.
"""

from __future__ import annotations

import argparse
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from . import themes
from .api import content_api
from .content import AUTHORS, CONTENT_KEY, MISSING_SLUG, PAGE_SIZE, SITE, later_posts, post_html, posts


class ReplicaSite:
    """The pages of one theme, built from a list of posts that tests may change between runs."""

    def __init__(self, theme: str = "ghost", post_list: list[dict] | None = None, page_size: int = PAGE_SIZE,
                 api_mode: str = "ok", api_key: str = CONTENT_KEY, rss_mode: str = "ok", rss_page_size: int = 15,
                 other_posts: list[dict] | None = None):
        if theme not in themes.THEMES:
            raise ValueError(f"unknown theme {theme!r}; one of {themes.THEMES}")
        self.theme = theme
        self.page_size = page_size
        self.api_mode = api_mode  # ok | 403 | 404 | bad-json | unknown-shape
        self.api_key = api_key  # a key other than the known public one stands for a rotated key
        self.rss_mode = rss_mode  # ok | 404 | html | truncated | malformed
        self.rss_page_size = rss_page_size
        self.other_posts = other_posts or []  # in the RSS feed (the whole site's), not in the News Feed
        self.posts = post_list if post_list is not None else posts()
        self.flaky_served: set[str] = set()
        self.hits: list[str] = []
        self.user_agents: set[str] = set()
        self.robots = "User-agent: *\nDisallow: /ghost/\n"
        self.gone: dict[str, int] = {}  # slug -> the status its address answers (404, 410: taken down)
        self.moved: dict[str, str] = {}  # slug -> the slug its address redirects to (301)
        self.lock = threading.Lock()

    # --- listing -------------------------------------------------------------------------------------
    def listing_pages(self, tag: str = "news-feed") -> list[list[tuple[dict, str]]]:
        """The cards of ``/tag/<tag>/`` page by page; the News Feed also shows a card whose article is gone."""
        ordered = sorted(self.posts, key=lambda p: p["published_at"], reverse=True)
        if tag != "news-feed":
            ordered = [p for p in ordered if tag in [t["slug"] for t in p.get("tags") or []]]
        cards = [(p, p.get("legacy_path") or f"/{p['slug']}/") for p in ordered]
        if tag == "news-feed":
            missing = {"slug": MISSING_SLUG, "title": "A story that was taken down", "custom_excerpt": "Removed.",
                       "published_at": ordered[0]["published_at"] if ordered else "2025-01-01T00:00:00.000Z",
                       "feature_image": None, "blocks": []}
            cards.insert(min(2, len(cards)), (missing, f"/{MISSING_SLUG}/"))
        size = self.page_size
        pages = [cards[i:i + size] for i in range(0, len(cards), size)] or [[]]
        if len(pages) > 1:  # a card that appears on two listing pages
            pages[1].insert(0, pages[0][-1])
        return pages

    def listing(self, page: int, tag: str = "news-feed") -> str | None:
        pages = self.listing_pages(tag)
        if tag != "news-feed" and not pages[0]:
            return None
        if page < 1 or page > len(pages):
            return None
        has_next = page < len(pages)
        if self.theme == "script":
            return themes.script_listing()
        if self.theme == "plain":
            return themes.plain_listing([themes.plain_card(p, h) for p, h in pages[page - 1]], page, has_next, tag)
        if self.theme == "ghost":
            return themes.ghost_listing([themes.ghost_card(p, h) for p, h in pages[page - 1]], page, has_next, tag)
        if self.theme == "next":
            return themes.next_listing([themes.next_card(p, h) for p, h in pages[page - 1]], page, has_next, len(pages), tag)
        return themes.bare_listing([themes.bare_card(p, h) for p, h in pages[page - 1]], page, has_next, tag)

    # --- articles ------------------------------------------------------------------------------------
    def article(self, slug: str) -> str | None:
        ordered = sorted(self.posts, key=lambda p: p["published_at"], reverse=True)
        for i, post in enumerate(ordered):
            if post["slug"] == slug:
                other = ordered[i + 1] if i + 1 < len(ordered) else (ordered[0] if len(ordered) > 1 else None)
                render = {"ghost": themes.ghost_article, "next": themes.next_article, "bare": themes.bare_article,
                          "script": themes.next_article, "plain": themes.plain_article}
                page = render[self.theme](post, ordered, other)
                if self.theme == "script" and slug == themes.SCRIPT_BODY_SLUG:
                    page = themes.script_body_article(page, slug)
                return page
        return None

    def _script_route(self, path: str, query: str):
        """The script theme: a listing page without cards, its JSON batches, and script-drawn bodies."""
        json_type = {"Content-Type": "application/json"}
        if path in ("/tag/news-feed/", "/tag/news-feed"):
            return 200, {"Content-Type": "text/html; charset=utf-8"}, themes.script_listing()
        if path == "/api/feed.json":
            pages = self.listing_pages()
            number = int(dict(p.split("=", 1) for p in query.split("&") if "=" in p).get("page", "1"))
            cards = [{"href": href, "title": post["title"], "published_at": post["published_at"]}
                     for post, href in pages[number - 1]] if 0 < number <= len(pages) else []
            return 200, json_type, json.dumps({"cards": cards, "next": number + 1 if number < len(pages) else None})
        if path.startswith("/api/post/"):
            slug = path.rsplit("/", 1)[-1].removesuffix(".json")
            post = next((p for p in self.posts if p["slug"] == slug), None)
            return (200, json_type, json.dumps({"html": post_html(post)})) if post else (404, json_type, "{}")
        return None

    def sitemap_posts(self) -> str:
        urls = "".join(f"<url><loc>{SITE}/{p['slug']}/</loc><lastmod>{p['updated_at']}</lastmod></url>"
                       for p in sorted(self.posts, key=lambda p: p["updated_at"], reverse=True))
        return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'

    def rss(self, page: int) -> tuple[int, dict, str]:
        xml_type = {"Content-Type": "application/rss+xml; charset=utf-8"}
        if self.rss_mode == "html":
            return 200, {"Content-Type": "text/html; charset=utf-8"}, "<!DOCTYPE html><html><body><h1>Welcome</h1></body></html>"
        if self.rss_mode == "404":
            return 404, {"Content-Type": "text/html"}, "<html><body>404</body></html>"
        body = themes.rss_page(self.posts + self.other_posts, page, self.rss_page_size)
        if body is None:
            return 404, {"Content-Type": "text/html"}, "<html><body>404</body></html>"
        if self.rss_mode == "truncated":
            body = body[: len(body) * 2 // 3]
        if self.rss_mode == "malformed":
            body = body.replace("</item>", "</itme>", 1)
        return 200, xml_type, body

    # --- routing -------------------------------------------------------------------------------------
    def respond(self, path: str, query: str = "") -> tuple[int, dict, str]:
        """(status, headers, body) for a request path and query."""
        status, headers, body = self._respond(path, query)
        if self.api_key != CONTENT_KEY and headers.get("Content-Type", "").startswith(("text/html", "application/javascript")):
            body = body.replace(CONTENT_KEY, self.api_key)  # pages carry the site's current key
        return status, headers, body

    def _respond(self, path: str, query: str) -> tuple[int, dict, str]:
        html_type = {"Content-Type": "text/html; charset=utf-8"}
        with self.lock:
            self.hits.append(path + (f"?{query}" if query else ""))
        if path.startswith("/ghost/api/content/"):
            return content_api(path, query, self.posts, self.api_key, self.api_mode)
        if path == "/_next/static/chunks/main-1a2b.js":
            config = f'{{ghostUrl:"{SITE}",contentApiKey:"{CONTENT_KEY}",version:"v5.0"}}'
            return 200, {"Content-Type": "application/javascript"}, f"(()=>{{const c={config};window.__cfg=c}})();"
        if path == "/":
            return 200, html_type, self.listing(1) or ""
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, f"{self.robots}\nSitemap: {SITE}/sitemap.xml\n"
        if path == "/sitemap.xml":
            parts = "".join(f"<sitemap><loc>{SITE}/sitemap-{n}.xml</loc></sitemap>" for n in ("pages", "posts", "authors", "tags"))
            return 200, {"Content-Type": "text/xml"}, f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{parts}</sitemapindex>'
        if path == "/sitemap-posts.xml":
            return 200, {"Content-Type": "text/xml"}, self.sitemap_posts()
        rss = re.fullmatch(r"/rss/(?:(\d+)/)?", path)
        if rss:  # Ghost's feed of the whole site, whatever the theme
            return self.rss(int(rss.group(1) or 1))
        if self.theme == "script":
            scripted = self._script_route(path, query)
            if scripted is not None:
                return scripted
        tag_page = re.fullmatch(r"/tag/([a-z0-9-]+)(?:/page/(\d+))?/?", path)
        if tag_page:  # /tag/<slug>/ and /tag/<slug>/page/N/
            body = self.listing(int(tag_page.group(2) or 1), tag_page.group(1))
            if body is not None or tag_page.group(2):
                return (200, html_type, body) if body else (404, html_type, "<html><body><h1>Page not found</h1></body></html>")
        if path.startswith("/author/"):
            slug = path.strip("/").split("/")[-1]
            if slug in AUTHORS:
                return 200, html_type, themes.author_page(self.theme, slug, self.posts)
        slug = path.strip("/")
        if slug in self.gone:
            return self.gone[slug], html_type, "<html><body><h1>Gone</h1><p>This article was removed.</p></body></html>"
        if slug in self.moved:
            return 301, {"Location": f"/{self.moved[slug]}/"}, ""
        for post in self.posts:
            if post.get("legacy_path") == path:
                return 301, {"Location": f"/{post['slug']}/"}, ""
        slug = path.strip("/")
        if "/" not in slug:
            post = next((p for p in self.posts if p["slug"] == slug), None)
            if post is not None and post.get("flaky_once"):
                with self.lock:
                    first = slug not in self.flaky_served
                    self.flaky_served.add(slug)
                if first:
                    return 503, {"Content-Type": "text/html", "Retry-After": "0"}, "<html><body>Service Unavailable</body></html>"
            body = self.article(slug)
            if body:
                return 200, html_type, body
        return 404, html_type, "<html><body><h1>404</h1><p>Page not found</p></body></html>"


def make_handler(site: ReplicaSite, latency: float = 0.0):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            site.user_agents.add(self.headers.get("User-Agent", ""))
            if latency:
                time.sleep(latency)  # a network round trip, for benchmarks
            parts = urlsplit(self.path)
            fault = site.fault(parts.path) if hasattr(site, "fault") else None
            if fault is not None:
                return self.send_fault(*fault)
            status, headers, body = site.respond(parts.path, parts.query)
            self.send_all(status, headers, body.encode("utf-8"))

        def send_all(self, status, headers, data: bytes, length: int | None = None):
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(data) if length is None else length))
            self.end_headers()
            self.wfile.write(data)

        def send_fault(self, status, headers, data: bytes):
            with site.lock:
                site.hits.append(urlsplit(self.path).path)
            if status == "sleep":  # answers after the client's timeout
                time.sleep(site.sleep)
                status = 200
            if status == "short":  # announces more than it sends, then closes: data loss
                self.send_all(200, headers, data[: len(data) // 2], length=len(data))
                self.close_connection = True
                return
            self.send_all(status, headers, data)

        def log_message(self, *args):
            pass

    return Handler


class BackgroundServer:
    """An HTTP server on 127.0.0.1 in a background thread (a context manager)."""

    def __init__(self, handler, port: int = 0):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


class ReplicaServer(BackgroundServer):
    """A replica site served on 127.0.0.1 in a background thread (a context manager)."""

    def __init__(self, site: ReplicaSite, port: int = 0, latency: float = 0.0):
        self.site = site
        super().__init__(make_handler(site, latency), port)

    def serve_until_interrupted(self, banner: str) -> None:
        """Serve in this thread (a command line), saying ``banner`` and where, until Ctrl-C."""
        print(f"{banner} on {self.url}/tag/news-feed/", flush=True)
        try:
            self.httpd.serve_forever()
        except KeyboardInterrupt:
            pass


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Serve the kyivind replica site on 127.0.0.1")
    parser.add_argument("--theme", default="ghost", choices=themes.THEMES)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--api", default="ok", choices=("ok", "403", "404", "bad-json", "unknown-shape"),
                        help="how the Content API answers (ok: a crawl reads the API whatever the theme, as on the "
                             "site; 404: it walks the theme's pages)")
    parser.add_argument("--later", action="store_true",
                        help="the site some hours later: one article edited, one new, one taken down (404)")
    args = parser.parse_args(argv)
    site = ReplicaSite(args.theme, api_mode=args.api, post_list=later_posts() if args.later else None)
    what = f"Replica ({args.theme}{', later' if args.later else ''}; Content API {args.api})"
    ReplicaServer(site, args.port).serve_until_interrupted(what)


if __name__ == "__main__":
    main()
