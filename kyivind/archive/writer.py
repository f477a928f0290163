"""The run's raw archive: every response the crawl receives, kept as WARC (ISO 28500) in
``DATA_DIR/archive/<run>.warc.gz``, so that any export can be re-made from it (``kyivind reextract``).

``WarcArchive`` is a downloader middleware placed next to the engine: it sees each answer once retries,
redirects and decompression are done, as the spider gets it (listing, article and author pages, the
sitemap, Content API JSON, robots.txt, and HTML drawn by the browser). Records are written with warcio:
a ``warcinfo`` record naming the software and the run opens the file; each answer is a ``response``
record and its ``request`` record (``WARC-Concurrent-To``). ``WARC-Target-URI`` is the URL fetched;
``Kyivind-Public-URI`` is the public URL where it differs (a replica or mirror), and HTML drawn by the
browser carries ``Kyivind-Rendered: chromium``. A capture fetched from a web archive (``source=wayback``)
also carries ``Kyivind-Original-URI`` (the URL the archive captured) and ``Kyivind-Archived-At`` (when), and
every answer of a web archive ``Kyivind-Web-Archive: capture`` or ``cdx``.

No header value in a record holds a CR or LF (``UnsafeHeader``): a value that would (a web archive's CDX field,
say) could write headers of its own, or a whole record, into kyivind's own trusted WARC. Such an answer is not
kept, and the run fails.

Each record is one gzip member, written with a single ``write`` call once it is whole: a run killed at any
moment (``kill -9`` included) leaves a file that reads up to its last whole record. warcio compresses
at level 9, which costs 3 ms per 200 KiB page; warcio writes each record uncompressed into a buffer and
the member is compressed here by ISA-L (``isal``) at ``KYIVIND_ARCHIVE_GZIP_LEVEL`` instead (ISA-L's levels, 0
to 3): its level 1 makes members as small as zlib's level 3 in a quarter of the time (any gzip reader,
warcio's included, reads them).

The capture of each answer travels with its request (``meta["kyivind_capture"]``: file, record ID and
``WARC-Date``); the item builder writes the first two into the item's ``capture`` field and the date, as
``fetched_at``, so that an item's ``fetched_at`` is the time of the answer it was read from, in a crawl and
in a re-extraction alike.
"""

from __future__ import annotations

import errno
import logging
import os
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from isal import isal_zlib
from scrapy import signals
from scrapy.exceptions import NotConfigured
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kyivind import __version__
from kyivind import statkeys as keys
from kyivind.crawl.context import RunContext, disk_fault, fail_run

logger = logging.getLogger(__name__)

CAPTURE_META = "kyivind_capture"
PUBLIC_URI = "Kyivind-Public-URI"
ORIGINAL_URI = "Kyivind-Original-URI"  # a web archive's capture: the URL the archive captured…
ARCHIVED_AT = "Kyivind-Archived-At"  # …and when (source=wayback)
WEB_ARCHIVE = "Kyivind-Web-Archive"  # an answer of a web archive: "cdx" (its list) or "capture"
RENDERED = "Kyivind-Rendered"
ARCHIVE_DIR = "archive"
# answer headers that describe the transfer, not the body kept: the body is stored decoded
TRANSFER_HEADERS = frozenset(("content-encoding", "transfer-encoding", "content-length"))
DISK_FULL = frozenset((errno.ENOSPC, errno.EDQUOT, errno.EROFS))  # the disk, not the file: every write will fail


class UnsafeHeader(ValueError):
    """A header value with a CR or LF: written, it would be headers (or a record) of its own."""


def _checked(headers, where: str):
    """``headers`` ((name, value) pairs), or ``UnsafeHeader`` naming the first whose name or value holds CR or LF."""
    for name, value in headers:
        if "\r" in name or "\n" in name or "\r" in str(value) or "\n" in str(value):
            raise UnsafeHeader(f"the {where} header {name[:80]!r} holds a CR or LF: {str(value)[:120]!r}")
    return headers


def archive_dir(data_dir) -> Path:
    return Path(data_dir) / ARCHIVE_DIR


class WarcFile:
    """One WARC file written record by record, each record a whole gzip member written at once."""

    def __init__(self, path: Path, level: int = 1):
        self.path = path
        self.level = max(isal_zlib.ISAL_BEST_SPEED, min(level, isal_zlib.ISAL_BEST_COMPRESSION))
        self.writer = WARCWriter(None, gzip=False, warc_version="WARC/1.1")
        path.parent.mkdir(parents=True, exist_ok=True)
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        self.bytes = os.fstat(self.fd).st_size
        self.records = 0

    def _member(self, record) -> bytes:
        buffer = BytesIO()
        self.writer._write_warc_record(buffer, record)
        compressor = isal_zlib.compressobj(self.level, isal_zlib.DEFLATED, isal_zlib.MAX_WBITS + 16)
        return compressor.compress(buffer.getvalue()) + compressor.flush()

    def write(self, *records) -> None:
        """The records, in order, in one write: all of them are in the file, or none (a killed run)."""
        data = b"".join(self._member(record) for record in records)
        written = os.write(self.fd, data)
        if written != len(data):  # a full disk: the partial member is cut away again
            os.ftruncate(self.fd, self.bytes)
            # a regular file written short: its disk is full
            raise OSError(errno.ENOSPC, f"short write to {self.path} ({written} of {len(data)} bytes)")
        self.bytes += written
        self.records += len(records)

    def warcinfo(self, info: dict):
        return self.writer.create_warcinfo_record(self.path.name, info)

    def close(self) -> None:
        os.close(self.fd)


def _http_headers(response) -> StatusAndHeaders:
    headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, values in response.headers.items()
               if k.decode("latin-1").lower() not in TRANSFER_HEADERS for v in values]
    headers.append(("Content-Length", str(len(response.body))))
    _checked(headers, "answer's")
    try:
        reason = HTTPStatus(response.status).phrase
    except ValueError:
        reason = "Unknown"
    return StatusAndHeaders(f"{response.status} {reason}", headers, protocol="HTTP/1.1")


def _request_headers(request) -> StatusAndHeaders:
    parts = urlsplit(request.url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = [("Host", parts.netloc)]
    headers += [(k.decode("latin-1"), v.decode("latin-1")) for k, values in request.headers.items() for v in values]
    _checked(headers, "request's")
    return StatusAndHeaders(f"{request.method} {path}", headers, protocol="HTTP/1.1", is_http_request=True)


def capture(file: WarcFile, request, response, public_url: str) -> tuple[str, str]:
    """Write the answer and its request to ``file``; the response record's ID and ``WARC-Date``. ``UnsafeHeader``
    (nothing written) when a header value holds a CR or LF."""
    fetched = response.url
    extra = {}
    archived = request.meta.get("kyivind_archived")
    if request.meta.get("kyivind_history_run"):
        extra[WEB_ARCHIVE] = "capture" if archived else "cdx"
    if archived:  # fetched from a web archive: the article's address today, the URL captured and when
        from kyivind.history.urls import archived_time

        public_url = archived["url"]
        extra[ORIGINAL_URI] = archived["original"]
        extra[ARCHIVED_AT] = archived_time(response.url, response.headers, archived) or "none: not the archive's"
    if public_url != fetched:
        extra[PUBLIC_URI] = public_url
    if request.meta.get("playwright"):
        extra[RENDERED] = "chromium"
    _checked([("WARC-Target-URI", fetched), *extra.items()], "WARC")
    writer = file.writer
    answer = writer.create_warc_record(fetched, "response", payload=BytesIO(response.body), length=len(response.body),
                                       http_headers=_http_headers(response), warc_headers_dict=extra)
    asked = writer.create_warc_record(fetched, "request", payload=BytesIO(b""), length=0,
                                      http_headers=_request_headers(request))
    record_id = answer.rec_headers.get_header("WARC-Record-ID")
    asked.rec_headers.add_header("WARC-Concurrent-To", record_id)
    file.write(answer, asked)
    return record_id, answer.rec_headers.get_header("WARC-Date")


class WarcArchive:
    """Downloader middleware: each answer into the run's WARC file (``KYIVIND_ARCHIVE``, on by default)."""

    def __init__(self, crawler, run: RunContext):
        self.crawler = crawler
        self.run = run
        self.level = crawler.settings.getint("KYIVIND_ARCHIVE_GZIP_LEVEL")
        self.path = archive_dir(run.data_dir) / f"{run.name}.warc.gz"
        self.file: WarcFile | None = None
        self.broken = False

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("KYIVIND_ARCHIVE"):
            raise NotConfigured  # KYIVIND_ARCHIVE is off, by design: no message (Scrapy logs one at WARNING)
        archive = cls(crawler, RunContext.of(crawler))
        crawler.signals.connect(archive.spider_closed, signal=signals.spider_closed)
        return archive

    def _open(self) -> WarcFile:
        if self.file is None:
            self.file = WarcFile(self.path, self.level)
            run, args = self.run, self.run.args
            self.file.write(self.file.warcinfo({
                "software": f"kyivind/{__version__} (Scrapy; warcio)",
                "format": "WARC File Format 1.1",
                "isPartOf": run.name,
                "kyivind-site-url": run.urls.site_url,
                "kyivind-base-url": run.urls.base_url,
                "kyivind-tag": run.tag,
                "kyivind-source": args.source,
                "kyivind-mode": args.mode,
            }))
            self.crawler.stats.set_value(keys.ARCHIVE_FILE, str(self.path))
        return self.file

    def process_response(self, request, response, spider=None):
        if not self.broken:
            try:
                self.record(request, response)
            except UnsafeHeader as error:  # never written: the answer is not kept, and the run says so
                self.crawler.stats.inc_value(keys.ARCHIVE_UNSAFE_HEADER)
                fail_run(self.crawler, f"the archive refused the answer of {response.url[:200]}: {error}")
            except OSError as error:  # the run fails, for an export must be reproducible
                self.broken = True
                self.crawler.stats.inc_value(keys.ARCHIVE_WRITE_FAILED)
                if error.errno in DISK_FULL:  # a full or read-only disk: one cause, the run stops
                    disk_fault(self.crawler, f"the archive {self.path}", error)
                else:  # the crawl goes on
                    fail_run(self.crawler, f"the archive {self.path} could not be written: {error}")
        return response

    def record(self, request, response) -> None:
        file = self._open()
        record_id, date = capture(file, request, response, self.run.urls.public_url(response.url))
        request.meta[CAPTURE_META] = {"warc": self.path.name, "record_id": record_id, "date": date}
        stats = self.crawler.stats
        stats.inc_value(keys.ARCHIVE_RESPONSES)
        stats.set_value(keys.ARCHIVE_BYTES, file.bytes)

    def spider_closed(self, spider, reason):
        if self.file is not None:
            self.file.close()
            logger.info("Archive: %d records, %d bytes in %s", self.file.records, self.file.bytes, self.path)
