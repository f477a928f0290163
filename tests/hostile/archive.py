"""A hostile web archive on 127.0.0.1: a CDX server and its replay, whose every answer a test sets (no pywb).

The CDX list is served at ``/web/cdx``, in pywb's JSON lines (one object a row, each field any string: control
characters, dates that are none, URLs of any length) or as one raw body (the Internet Archive's array of arrays,
a page far longer than asked…). Each capture is replayed raw at ``/web/<timestamp>id_/<original>``; a capture
may instead redirect to any address (inside the archive or out of it). What was asked is kept in ``requests``.
"""

from __future__ import annotations

import json
import time

from scrapy.core.scheduler import Scheduler

from tests.history.captures import Capture
from tests.history.servers import Answering
from tests.replica.content import SITE, posts
from tests.replica.server import BackgroundServer, ReplicaSite


def article_captures(slugs: list[str] | None = None, timestamp: str = "20251119080000") -> list[Capture]:
    """One capture of each of the replica's articles (all of them by default), in today's theme."""
    site = ReplicaSite("ghost")
    slugs = slugs if slugs is not None else [p["slug"] for p in posts()]
    return [Capture(timestamp, f"{SITE}/{slug}/", site.article(slug).encode()) for slug in slugs]


def row(capture: Capture, **fields) -> dict:
    """The CDX row of ``capture`` in pywb's names, with ``fields`` put in its place (any string)."""
    made = {"urlkey": "com,kyivindependent)/", "timestamp": capture.timestamp, "url": capture.url,
            "mime": capture.mime, "status": str(capture.status), "digest": capture.digest}
    return {**made, **fields}


class HostileArchive(BackgroundServer):
    """``captures`` replayed as they are; ``rows`` (default: one per capture) listed by the CDX server, or
    ``cdx_body`` as it is; ``redirects`` maps ``"<timestamp>id_/<original>"`` to the ``Location`` its replay
    answers (``/web/…`` for inside the archive, or any URL)."""

    def __init__(self, captures: list[Capture], rows: list[dict] | None = None, cdx_body: bytes | None = None,
                 redirects: dict[str, str] | None = None):
        self.captures = {f"{c.timestamp}id_/{c.url}": c for c in captures}
        self.rows = rows if rows is not None else [row(c) for c in captures]
        self.cdx_body = cdx_body
        self.redirects = redirects or {}
        self.requests: list[str] = []
        super().__init__(self._handler())

    @property
    def cdx_url(self) -> str:
        return f"{self.url}/web/cdx"

    @property
    def wayback_url(self) -> str:
        return f"{self.url}/web"

    def env(self, data_dir) -> dict:
        return {"KYIVIND_DATA_DIR": str(data_dir), "KYIVIND_CDX_URL": self.cdx_url,
                "KYIVIND_WAYBACK_URL": self.wayback_url}

    def captures_asked(self) -> list[str]:
        return [path for path in self.requests if not path.startswith("/web/cdx")]

    def cdx(self) -> tuple[bytes, str]:
        if self.cdx_body is not None:
            return self.cdx_body, "application/json"
        return b"".join(json.dumps(r).encode() + b"\n" for r in self.rows), "text/x-ndjson"

    def _handler(self):
        server = self

        class Handler(Answering):
            def do_GET(self):  # noqa: N802 (http.server's name)
                server.requests.append(self.path)
                if self.path.startswith("/web/cdx"):
                    body, kind = server.cdx()
                    return self.answer(200, body, {"Content-Type": kind})
                asked = self.path.removeprefix("/web/")
                if asked in server.redirects:
                    return self.answer(302, b"", {"Location": server.redirects[asked]})
                capture = server.captures.get(asked)
                if capture is None:
                    return self.answer(404, b"<html><body>Not in the archive</body></html>",
                                       {"Content-Type": "text/html"})
                headers = {"Content-Type": capture.mime + "; charset=utf-8"}
                try:  # a capture dated by no date has no Memento-Datetime
                    headers["Memento-Datetime"] = time.strftime("%a, %d %b %Y %H:%M:%S GMT",
                                                                time.strptime(capture.timestamp, "%Y%m%d%H%M%S"))
                except ValueError:
                    pass
                if capture.location:
                    headers["Location"] = capture.location
                self.answer(capture.status, capture.body, headers)

        return Handler



class DroppingScheduler(Scheduler):
    """Scrapy's scheduler, which drops every request whose URL holds ``drop=me`` (as a full queue or a filter
    would): the engine says so with the ``request_dropped`` signal, and nothing else."""

    def enqueue_request(self, request) -> bool:
        if "drop=me" in request.url:
            return False
        return super().enqueue_request(request)
