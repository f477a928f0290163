"""Reading WARC archives back: the run's own (``DATA_DIR/archive``) and captures made by other archivers
(the Wayback Machine, Browsertrix), for ``kyivind reextract``.

``ArchiveIndex`` reads every record's headers once (warcio) and keeps, for each URL, its latest capture
(by ``WARC-Date``, then file and position); ``read`` brings one record's answer back. Content API JSON
is read as the API source reads it, post by post, so that a post's latest capture may be an API answer
or its page. A truncated or garbled record is reported with its file and offset, and reading goes on at
the next record that starts whole.

``Replay`` is the extension that holds the index of a re-extraction run; ``ReplayMiddleware`` answers every
request of that run from it (an author page, robots.txt), never from the network: a URL with no capture
gets a 404, counted.
"""

from __future__ import annotations

import logging
import zlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from scrapy.exceptions import NotConfigured
from scrapy.http import Headers, Response, TextResponse
from scrapy.responsetypes import responsetypes
from warcio.archiveiterator import ArchiveIterator

from . import statkeys as keys
from .archive import CAPTURE_META, PUBLIC_URI, RENDERED, TRANSFER_HEADERS, archive_dir
from .extraction.listing import article_path
from .run import RunContext
from .sources.api import POSTS_PATH

logger = logging.getLogger(__name__)
WARC_SUFFIXES = (".warc", ".warc.gz")
GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."


@dataclass
class Capture:
    """Where one answer is: its file and offset, and what it is of."""

    warc: Path
    offset: int
    record_id: str
    date: str
    target: str  # the URL fetched
    public: str  # the public URL (Kyivind-Public-URI, else the target on the canonical host)
    status: int
    kind: str  # article, api, or page (anything else: an author page, the listing, robots.txt)
    rendered: bool = False
    position: tuple = ()  # (file number, offset): the order of captures made in the same second

    @property
    def key(self) -> tuple:
        return (self.date, self.position)

    @property
    def ref(self) -> dict:
        """The item's ``capture`` field."""
        return {"warc": self.warc.name, "record_id": self.record_id}


@dataclass
class ApiPost:
    """A post of a Content API answer, with the capture of that answer."""

    post: dict
    capture: Capture

    @property
    def key(self) -> tuple:
        return self.capture.key


@dataclass
class Garbled:
    warc: Path
    offset: int
    reason: str

    def __str__(self) -> str:
        return f"unreadable WARC record in {self.warc} at offset {self.offset}: {self.reason}"


def warc_files(paths) -> list[Path]:
    """The WARC files of ``paths`` (files, or folders read for ``*.warc`` and ``*.warc.gz``), in name order
    within a folder. A path that does not exist raises FileNotFoundError."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.name.endswith(WARC_SUFFIXES)))
        elif path.exists():
            found.append(path)
        else:
            raise FileNotFoundError(f"no WARC file or folder at {path}")
    return list(dict.fromkeys(found))


def _starts_record(fh, offset: int, gzipped: bool) -> bool:
    """Whether a WARC record begins at ``offset`` (for a gzip member: one that opens with a version line)."""
    fh.seek(offset)
    head = fh.read(4096)
    if gzipped:
        try:
            head = zlib.decompressobj(zlib.MAX_WBITS + 16).decompress(head, 64)
        except zlib.error:
            return False
    return head.startswith(WARC_MAGIC)


def _next_start(fh, after: int, gzipped: bool) -> int | None:
    """The offset of the next whole record's start after ``after``: a gzip member (or, uncompressed, a
    version line) that opens a WARC record; the same bytes met by chance inside a record are passed over."""
    magic = GZIP_MAGIC if gzipped else WARC_MAGIC
    position = after + 1
    while True:
        fh.seek(position)
        chunk = fh.read(1 << 20)
        if len(chunk) < len(magic):
            return None
        found = chunk.find(magic)
        if found < 0:
            position += len(chunk) - len(magic) + 1
            continue
        if _starts_record(fh, position + found, gzipped):
            return position + found
        position += found + 1


def _is_gzip(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(3) == GZIP_MAGIC


def iter_records(path: Path, handle):
    """Call ``handle(offset, record)`` on each record of the file (its content may be read there); what
    it returns, a function or None, is called once the whole record has been read without fault. Yields a
    ``Garbled`` for each record that cannot be read whole, then goes on at the next whole record."""
    gzipped = _is_gzip(path)
    with open(path, "rb") as fh:
        start = 0
        while start is not None:
            fh.seek(start)
            iterator = ArchiveIterator(fh, no_record_parse=False)
            offset = start
            try:
                while (record := next(iterator, None)) is not None:
                    offset = iterator.offset
                    if record.format not in ("warc", None) or not record.rec_headers.get_header("WARC-Record-ID"):
                        raise ValueError(f"not a WARC record ({record.format})")
                    commit = handle(offset, record)
                    iterator.read_to_end()
                    if gzipped and iterator.reader.decompressor is not None and not iterator.reader.decompressor.eof:
                        raise EOFError("the record's gzip member is cut short (a truncated file)")
                    if commit is not None:
                        commit()
                    offset = iterator.offset  # where the next record starts
                start = None
            except Exception as error:  # noqa: BLE001 (any fault of a record is reported, never fatal)
                yield Garbled(path, offset, f"{type(error).__name__}: {str(error).strip()[:200]}")
                start = _next_start(fh, offset, gzipped)


def _status(record) -> int:
    try:
        return int(record.http_headers.get_statuscode()) if record.http_headers else 0
    except (TypeError, ValueError):
        return 0


def _kind(url: str) -> str:
    path = urlsplit(url).path
    if path.startswith(POSTS_PATH) or path.rstrip("/") + "/" == POSTS_PATH:
        return "api"
    return "article" if article_path(path) else "page"


class ArchiveIndex:
    """The latest capture of every URL of a set of WARC files."""

    def __init__(self, paths, urls):
        self.files = warc_files(paths)
        self.urls = urls
        self.articles: dict[str, Capture | ApiPost] = {}  # public URL -> latest capture
        self.answers: dict[str, Capture] = {}  # URL fetched (and public URL) -> latest capture of any kind
        self.garbled: list[Garbled] = []
        self.records = 0
        self.superseded = 0
        self._handles: dict[Path, object] = {}

    def build(self) -> ArchiveIndex:
        for number, path in enumerate(self.files):
            for garbled in iter_records(path, lambda offset, record, n=number, p=path: self._add(p, n, offset, record)):
                self.garbled.append(garbled)
                logger.error("%s; the other records are read", garbled)
        return self

    def _add(self, path: Path, number: int, offset: int, record):
        """What to index of one record, once it has been read whole."""
        if record.rec_type != "response":
            return self._count
        headers = record.rec_headers
        target = headers.get_header("WARC-Target-URI") or ""
        public = headers.get_header(PUBLIC_URI) or self.urls.public_url(target)
        capture = Capture(warc=path, offset=offset, record_id=headers.get_header("WARC-Record-ID") or "",
                          date=headers.get_header("WARC-Date") or "", target=target, public=public,
                          status=_status(record), kind=_kind(target), rendered=bool(headers.get_header(RENDERED)),
                          position=(number, offset))
        posts = self._api_posts(record) if capture.kind == "api" and capture.status == 200 else []

        def commit():
            self._count()
            for url in {target, public}:
                if self._newer(self.answers.get(url), capture):
                    self.answers[url] = capture
            if capture.status == 200 and capture.kind == "article":
                self._add_article(public, capture)
            for post in posts:
                self._add_article(self.urls.public_url(post["url"]), ApiPost(post, capture))
        return commit

    def _count(self) -> None:
        self.records += 1

    @staticmethod
    def _newer(current, found) -> bool:
        return current is None or found.key >= current.key

    def _add_article(self, url: str, found) -> None:
        current = self.articles.get(url)
        if current is not None:
            self.superseded += 1
        if self._newer(current, found):
            self.articles[url] = found

    @staticmethod
    def _api_posts(record) -> list[dict]:
        from .extraction import looks_like_post
        from .sources.api import ContentApiSource

        body = record.content_stream().read()
        response = TextResponse(url=record.rec_headers.get_header("WARC-Target-URI"), body=body, status=200)
        data, problem = ContentApiSource.read(response)
        if problem:
            logger.warning("Archived Content API answer not used (%s): %s", problem, response.url)
            return []
        return [post for post in data["posts"] if looks_like_post(post) and isinstance(post.get("url"), str)]

    def response(self, capture: Capture) -> Response:
        """The archived answer as the spider got it."""
        handle = self._handles.get(capture.warc)
        if handle is None:
            handle = self._handles[capture.warc] = open(capture.warc, "rb")  # noqa: SIM115 (closed by close())
        handle.seek(capture.offset)
        record = next(iter(ArchiveIterator(handle)))
        body = record.content_stream().read()
        headers = [(k, v) for k, v in (record.http_headers.headers if record.http_headers else [])
                   if k.lower() not in TRANSFER_HEADERS]
        cls = responsetypes.from_args(headers=Headers(headers), url=capture.target, body=body)
        return cls(url=capture.target, status=capture.status, headers=headers, body=body)

    def close(self) -> None:
        for handle in self._handles.values():
            handle.close()
        self._handles.clear()


class Replay:
    """Extension of a re-extraction run (``KYIVIND_REPLAY``): the index of ``DATA_DIR/archive`` and of
    ``KYIVIND_REPLAY_WARCS``, built on first use."""

    def __init__(self, crawler, run: RunContext):
        self.crawler = crawler
        settings = crawler.settings
        self.paths = [p for p in [archive_dir(run.data_dir)] if p.is_dir()] + list(settings.getlist("KYIVIND_REPLAY_WARCS"))
        self.urls = run.urls
        self._index: ArchiveIndex | None = None

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("KYIVIND_REPLAY"):
            raise NotConfigured("not a re-extraction run")
        from scrapy import signals

        replay = cls(crawler, RunContext.of(crawler))
        crawler.signals.connect(replay.spider_closed, signal=signals.spider_closed)
        return replay

    def index(self) -> ArchiveIndex:
        if self._index is None:
            self._index = ArchiveIndex(self.paths, self.urls).build()
            stats = self.crawler.stats
            stats.set_value(keys.REPLAY_RECORDS, self._index.records)
            stats.set_value(keys.REPLAY_SUPERSEDED, self._index.superseded)
            stats.set_value(keys.REPLAY_GARBLED, len(self._index.garbled))
        return self._index

    def spider_closed(self, spider, reason):
        if self._index is not None:
            self._index.close()


@dataclass
class ReplayMiddleware:
    """Downloader middleware of a re-extraction run: each request is answered from the archive."""

    crawler: object
    replay: Replay

    @classmethod
    def from_crawler(cls, crawler):
        replay = crawler.get_extension(Replay)
        if replay is None:
            raise NotConfigured("not a re-extraction run")
        return cls(crawler, replay)

    def process_request(self, request, spider=None):
        index = self.replay.index()
        capture = index.answers.get(request.url) or index.answers.get(self.replay.urls.public_url(request.url))
        if capture is None:
            self.crawler.stats.inc_value(keys.REPLAY_NOT_ARCHIVED)
            logger.info("Not in the archive, answered 404: %s", request.url)
            return Response(request.url, status=404, request=request)
        response = index.response(capture)
        request.meta[CAPTURE_META] = capture.ref
        return response.replace(request=request)
