"""The index of WARC captures: the run's own archive (``DATA_DIR/archive``) and captures made by other
archivers (the Wayback Machine, Browsertrix), read back for ``kyivind reextract``.

``ArchiveIndex`` reads every record's headers once (warcio) and keeps, for each URL of the site, its latest
capture (by ``WARC-Date``, then file and position); ``response`` brings one record's answer back. Content
API JSON is read as the API source reads it, post by post, so that a post's latest capture may be an API
answer or its page. A capture counts only when it is of the site's host (or, in kyivind's own archive, of
the host its run fetched from); a truncated, garbled or oversized record is reported with its file and
offset, and reading goes on at the next record that starts whole.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from scrapy.http import Headers, Response, TextResponse
from scrapy.responsetypes import responsetypes
from warcio.archiveiterator import ArchiveIterator

from kyivind import statkeys as keys
from kyivind.archive.reader import (
    HEADERS_ALLOWANCE,
    MAX_HEADER_LINE,
    Garbled,
    Oversized,
    bounded_lines,
    fast_gunzip,
    iter_records,
    read_payload,
    warc_files,
)
from kyivind.archive.writer import PUBLIC_URI, RENDERED, TRANSFER_HEADERS, WEB_ARCHIVE
from kyivind.extraction.listing import article_path
from kyivind.history.timeline import implausible_time
from kyivind.sources.api import POSTS_PATH
from kyivind.state.store import capture_time

logger = logging.getLogger(__name__)
KYIVIND_SOFTWARE = "kyivind/"  # how the warcinfo record of kyivind's own archive names its software


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
    own: bool = False  # in kyivind's own archive (a fetch of kyivind's), not made by another archiver

    @property
    def key(self) -> tuple:
        return (self.date, self.position)

    @property
    def ref(self) -> dict:
        """The item's ``capture`` field, and the capture's ``date`` (the item's ``fetched_at``)."""
        return {"warc": self.warc.name, "record_id": self.record_id, "date": self.date}


@dataclass
class ApiPost:
    """A post of a Content API answer, with the capture of that answer."""

    post: dict
    capture: Capture

    @property
    def key(self) -> tuple:
        return self.capture.key


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


def warcinfo_fields(record) -> dict[str, str]:
    """The ``name: value`` lines of a warcinfo record's payload."""
    text = read_payload(record, MAX_HEADER_LINE).decode("utf-8", "replace")
    return dict(line.split(": ", 1) for line in text.splitlines() if ": " in line)


def run_base_url(path: Path) -> str | None:
    """The ``base_url`` a kyivind run fetched from, as the warcinfo record that opens its archive file names
    it; None for a file kyivind did not write (or whose first record cannot be read)."""
    try:
        with open(path, "rb") as handle:
            iterator = ArchiveIterator(handle)
            bounded_lines(iterator.reader)  # a file someone put here is read within bounds like any other
            record = next(iter(iterator), None)
            if record is None or record.rec_type != "warcinfo":
                return None
            fields = warcinfo_fields(record)
    except Exception:  # noqa: BLE001 (a damaged file: the index reports its records)
        return None
    if not fields.get("software", "").startswith(KYIVIND_SOFTWARE):
        return None
    return fields.get("kyivind-base-url", "").rstrip("/") or None


def archived_runs(folder) -> dict[str, list[Path]]:
    """The files of kyivind's own archive by the ``base_url`` their runs fetched from (each has its own
    state); files kyivind did not write are left out."""
    runs: dict[str, list[Path]] = {}
    folder = Path(folder)
    for path in warc_files([folder]) if folder.is_dir() else []:
        base = run_base_url(path)
        if base is not None:
            runs.setdefault(base, []).append(path)
    return runs


@dataclass
class Provenance:
    """Which hosts a file's captures may be of. Any file: the site's (and ``base_url``'s). kyivind's own
    archive (a file in ``DATA_DIR/archive`` whose warcinfo names kyivind) also the host its run fetched
    from, and only there is ``Kyivind-Public-URI`` believed."""

    own: bool = False
    hosts: frozenset = frozenset()


class ArchiveIndex:
    """The latest capture of every URL of a set of WARC files, each capture of the site only."""

    def __init__(self, paths, urls, limit: int = 16 * 1024 * 1024, own_dirs=(), stats=None):
        self.files = warc_files(paths)
        self.urls = urls
        self.limit = limit  # a payload larger than this, once decoded, is not read (DOWNLOAD_MAXSIZE)
        self.own_dirs = {Path(d).resolve() for d in own_dirs}
        self.stats = stats
        self.articles: dict[str, Capture | ApiPost] = {}  # public URL -> latest capture
        self.answers: dict[str, Capture] = {}  # URL fetched (and public URL) -> latest capture of any kind
        self.garbled: list[Garbled] = []
        self.records = 0
        self.superseded = 0
        self.stopped = False
        self.implausible: dict[str, int] = {}  # why a WARC-Date was not believed -> answers passed over
        self.off_site: dict[str, int] = {}  # host -> answers of it passed over
        self._provenance: dict[int, Provenance] = {}
        self._handles: dict[Path, object] = {}

    def build(self, stopping=lambda: False) -> ArchiveIndex:
        """Read every file's records; no further once ``stopping()`` is true (``stopped`` then says so)."""
        for number, path in enumerate(self.files):
            if stopping():
                self.stopped = True
                logger.warning("Stopped while reading the archive: %d of %d WARC files not read", len(self.files) - number,
                               len(self.files))
                break
            self._provenance[number] = Provenance(hosts=frozenset(self.urls.hosts))
            for garbled in iter_records(path, lambda offset, record, n=number, p=path: self._add(p, n, offset, record),
                                        stopping):
                self.garbled.append(garbled)
                logger.error("%s; the other records are read", garbled)
        else:
            self.stopped = stopping()
            if self.stopped:
                logger.warning("Stopped while reading the archive, in its last WARC file")
        if self.implausible:
            logger.warning("%d archived answers passed over for their WARC-Date: %s", sum(self.implausible.values()),
                           ", ".join(f"{why} ({count})" for why, count in sorted(self.implausible.items())))
        if self.off_site:
            hosts = ", ".join(f"{host} ({count})" for host, count in sorted(self.off_site.items())[:5])
            logger.warning("%d archived answers of other hosts than the site's were passed over: %s",
                           sum(self.off_site.values()), hosts)
        return self

    def _warcinfo(self, path: Path, number: int, offset: int, record) -> None:
        """The first record of kyivind's own archive names kyivind and the host its run fetched from."""
        if offset != 0 or path.resolve().parent not in self.own_dirs:
            return
        fields = warcinfo_fields(record)
        if fields.get("software", "").startswith(KYIVIND_SOFTWARE):
            base = urlsplit(fields.get("kyivind-base-url", "")).netloc
            self._provenance[number] = Provenance(own=True, hosts=frozenset(self.urls.hosts | ({base} - {""})))

    def _passed_over(self, target: str) -> None:
        host = urlsplit(target).netloc or "(none)"
        self.off_site[host] = self.off_site.get(host, 0) + 1
        if self.stats is not None:
            self.stats.inc_value(keys.REPLAY_OFF_SITE)

    def _add(self, path: Path, number: int, offset: int, record):
        """What to index of one record, once it has been read whole."""
        length = int(record.rec_headers.get_header("Content-Length") or 0)
        if length > self.limit + HEADERS_ALLOWANCE:
            raise Oversized(f"the record declares {length} bytes, more than DOWNLOAD_MAXSIZE ({self.limit})")
        if record.rec_type == "warcinfo":
            self._warcinfo(path, number, offset, record)
        if record.rec_type != "response":
            return self._count
        headers = record.rec_headers
        target = headers.get_header("WARC-Target-URI") or ""
        if headers.get_header(WEB_ARCHIVE):  # a web archive's answer (source=wayback): a capture is dated by the
            if self.stats is not None:       # archive, not by this record; a history run reads it, a re-extraction not
                self.stats.inc_value(keys.REPLAY_WEB_ARCHIVE)
            return self._count
        provenance = self._provenance[number]
        if urlsplit(target).netloc not in provenance.hosts:
            self._passed_over(target)
            return self._count
        why = implausible_time(capture_time(headers.get_header("WARC-Date")))
        if why:  # a WARC-Date of 2099 would be every later version's "newer capture" until 2099
            reason = why.split(" (")[0]
            self.implausible[reason] = self.implausible.get(reason, 0) + 1
            if self.stats is not None:
                self.stats.inc_value(keys.REPLAY_IMPLAUSIBLE_DATE)
            return self._count
        claimed = headers.get_header(PUBLIC_URI) if provenance.own else None
        public = claimed if claimed and self.urls.on_site(claimed) else self.urls.public_url(target)
        capture = Capture(warc=path, offset=offset, record_id=headers.get_header("WARC-Record-ID") or "",
                          date=headers.get_header("WARC-Date") or "", target=target, public=public,
                          status=_status(record), kind=_kind(target), rendered=bool(headers.get_header(RENDERED)),
                          position=(number, offset), own=provenance.own)
        posts = self._api_posts(record, self.limit) if capture.kind == "api" and capture.status == 200 else []

        def commit():
            self._count()
            for url in {target, public}:
                if self._newer(self.answers.get(url), capture):
                    self.answers[url] = capture
            if capture.status == 200 and capture.kind == "article":
                self._add_article(public, capture)
            for post in posts:
                if self.urls.on_site(post["url"]):
                    self._add_article(self.urls.public_url(post["url"]), ApiPost(post, capture))
                else:
                    self._passed_over(post["url"])
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
    def _api_posts(record, limit: int) -> list[dict]:
        from kyivind.extraction import looks_like_post
        from kyivind.sources.api import ContentApiSource

        body = read_payload(record, limit)
        response = TextResponse(url=record.rec_headers.get_header("WARC-Target-URI"), body=body, status=200)
        data, problem = ContentApiSource.read(response)
        if problem:
            logger.warning("Archived Content API answer not used (%s): %s", problem, response.url)
            return []
        return [post for post in data["posts"] if looks_like_post(post) and isinstance(post.get("url"), str)]

    def response(self, capture: Capture) -> Response | None:
        """The archived answer as the spider got it; None (an ERROR line naming the file and offset) for
        one whose payload decodes to more than the limit."""
        handle = self._handles.get(capture.warc)
        if handle is None:
            handle = self._handles[capture.warc] = open(capture.warc, "rb")  # noqa: SIM115 (closed by close())
        handle.seek(capture.offset)
        record = next(iter(fast_gunzip(ArchiveIterator(handle))))
        try:
            body = read_payload(record, self.limit)
        except Oversized as error:
            logger.error("%s; the other records are read", Garbled(capture.warc, capture.offset, str(error)))
            if self.stats is not None:
                self.stats.inc_value(keys.REPLAY_OVERSIZED)
            return None
        except Exception as error:  # noqa: BLE001 (a payload no reader foresaw: that record alone is lost)
            logger.error("%s; the other records are read", Garbled(capture.warc, capture.offset,
                                                                   f"{type(error).__name__}: {error}"[:300]))
            if self.stats is not None:
                self.stats.inc_value(keys.REPLAY_GARBLED)
            return None
        headers = [(k, v) for k, v in (record.http_headers.headers if record.http_headers else [])
                   if k.lower() not in TRANSFER_HEADERS]
        cls = responsetypes.from_args(headers=Headers(headers), url=capture.target, body=body)
        return cls(url=capture.target, status=capture.status, headers=headers, body=body)

    def close(self) -> None:
        for handle in self._handles.values():
            handle.close()
        self._handles.clear()
