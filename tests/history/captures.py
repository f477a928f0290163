"""Captures of the replica as web archives hold them, at several dates, written as WARC files for pywb.

- a 2022 News Feed article under ``/news-feed/<slug>/``, captured three times: its toll rose from three to four
  killed between the first and the second capture; the third is the second again (one digest);
- a 2022 article under ``/uncategorized/<slug>/`` and one under a short slug without a last slash: the site has
  neither any more (the replica answers 404);
- a 2022 article of another section (``/national/<slug>/``), not of the News Feed;
- a 2025 article that the replica still has, in today's theme, captured twice before kyivind first ran: on
  the first day it said five injured, on the next what the site says now;
- what is no article: the tag listing, an author page, an image, robots.txt, a capture that answered 404, and
  one that answered 301.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.replica.content import SITE, posts
from tests.replica.server import ReplicaSite
from tests.replica.wordpress import ARCHIVED_POSTS, wordpress_article

KHERSON, ODESA, DRONES, NATIONAL = (p["slug"] for p in ARCHIVED_POSTS)
KHARKIV = "russian-drone-attack-on-kharkiv-injures-7"


@dataclass
class Capture:
    timestamp: str  # 14 digits, UTC
    url: str
    body: bytes
    status: int = 200
    mime: str = "text/html"
    location: str | None = None

    @property
    def digest(self) -> str:
        import base64

        return base64.b32encode(hashlib.sha1(self.body).digest()).decode()

    @property
    def warc_date(self) -> str:
        t = self.timestamp
        return f"{t[:4]}-{t[4:6]}-{t[6:8]}T{t[8:10]}:{t[10:12]}:{t[12:14]}Z"


def _post(slug: str) -> dict:
    return copy.deepcopy(next(p for p in ARCHIVED_POSTS if p["slug"] == slug))


def _kherson_later() -> dict:
    post = _post(KHERSON)
    post["title"] = "Russian shelling of Kherson kills 4"
    post["updated_at"] = "2022-11-23T16:20:00.000Z"
    post["blocks"] = [("p", "Four people were killed when Russian forces shelled central Kherson on Nov. 23, the "
                            "regional military administration reported, updating an earlier toll of three."),
                      post["blocks"][1]]
    return post


def _kharkiv_first_day() -> dict:
    post = copy.deepcopy(next(p for p in posts() if p["slug"] == KHARKIV))
    post["title"] = "Russian drone attack on Kharkiv injures 5"
    post["blocks"] = [("p", "Five people were injured in an overnight Russian drone attack on Kharkiv, Mayor Ihor "
                            "Terekhov said on Nov. 19."), *post["blocks"][1:]]
    return post


def _ghost_page(post: dict) -> bytes:
    site = ReplicaSite("ghost", post_list=[post if p["slug"] == post["slug"] else p for p in posts()])
    return site.article(post["slug"]).encode()


def captures() -> list[Capture]:
    html = lambda post: wordpress_article(post).encode()  # noqa: E731
    kherson = f"{SITE}{_post(KHERSON)['path']}"
    later = html(_kherson_later())
    kharkiv = next(p for p in posts() if p["slug"] == KHARKIV)
    return [
        Capture("20221123130500", kherson, html(_post(KHERSON))),
        Capture("20221123183000", kherson, later),
        Capture("20221124090000", kherson, later),
        Capture("20221012170000", f"{SITE}{_post(ODESA)['path']}", html(_post(ODESA))),
        Capture("20221117080000", f"{SITE}{_post(DRONES)['path']}", html(_post(DRONES))),
        Capture("20221010100000", f"{SITE}{_post(NATIONAL)['path']}", html(_post(NATIONAL))),
        Capture("20251119080000", f"{SITE}/{KHARKIV}/", _ghost_page(_kharkiv_first_day())),
        Capture("20251120090000", f"{SITE}/{KHARKIV}/", _ghost_page(kharkiv)),
        Capture("20221123120000", f"{SITE}/tag/news-feed/", b"<html><body><h1>News Feed</h1></body></html>"),
        Capture("20221123120100", f"{SITE}/author/thekyivindependent/", b"<html><body><h1>News desk</h1></body></html>"),
        Capture("20221123120200", f"{SITE}/wp-content/uploads/2022/10/odesa-substation.jpg", b"\xff\xd8\xff\xe0 jpeg",
                mime="image/jpeg"),
        Capture("20221123120300", f"{SITE}/robots.txt", b"User-agent: *\nDisallow: /wp-admin/\n", mime="text/plain"),
        Capture("20221123120400", f"{SITE}/news-feed/a-story-that-never-was/", b"<html><body>Not found</body></html>",
                status=404),
        Capture("20221123120500", f"{SITE}/news-feed/an-old-address/", b"", status=301,
                location=f"{SITE}/news-feed/russian-shelling-of-kherson-kills-3/"),
    ]


def write_warc(path: Path, items: list[Capture]) -> Path:
    """The captures as one WARC file of response records, as an archive's crawler writes them."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for capture in items:
            headers = [("Content-Type", capture.mime + ("; charset=utf-8" if capture.mime == "text/html" else "")),
                       ("Content-Length", str(len(capture.body)))]
            if capture.location:
                headers.append(("Location", capture.location))
            reason = {200: "OK", 301: "Moved Permanently", 404: "Not Found"}[capture.status]
            record = writer.create_warc_record(
                capture.url, "response", payload=BytesIO(capture.body), length=len(capture.body),
                http_headers=StatusAndHeaders(f"{capture.status} {reason}", headers, protocol="HTTP/1.1"),
                warc_headers_dict={"WARC-Date": capture.warc_date})
            writer.write_record(record)
    return path
