"""Hostile WARC files for ``kyivind reextract --warc``, written by the tests with warcio (and, where warcio would
refuse to write a lie, by hand): each holds good captures of the replica's articles around one bad record.
"""

from __future__ import annotations

import zlib
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.hostile.site import ELSEWHERE
from tests.replica.content import SITE
from tests.replica.server import ReplicaSite

CHUNK = 1 << 20


def gzip_of_zeros(size: int) -> bytes:
    """A gzip stream that decodes to ``size`` zero bytes (about a thousandth of that, compressed)."""
    return _gzip_member(b"", b"\0", size, b"")


def response(writer, url: str, body: bytes, headers: list[tuple[str, str]] | None = None,
             date: str = "2025-12-01T10:00:00Z", warc_headers: dict | None = None) -> None:
    http = StatusAndHeaders("200 OK", headers or [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=BytesIO(body), length=len(body), http_headers=http,
                                       warc_headers_dict=warc_headers or {})
    record.rec_headers.replace_header("WARC-Date", date)
    writer.write_record(record)


def good_captures(writer, slugs: list[str]) -> None:
    site = ReplicaSite("ghost")
    for slug in slugs:
        response(writer, f"{SITE}/{slug}/", site.article(slug).encode())


def with_payload_bomb(path: Path, slugs: list[str], decoded: int) -> str:
    """Good captures, and one whose gzip-encoded payload decodes to ``decoded`` bytes; its URL."""
    victim = f"{SITE}/a-story-that-decodes-to-gigabytes/"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        good_captures(writer, slugs[:1])
        response(writer, victim, gzip_of_zeros(decoded), [("Content-Type", "text/html; charset=utf-8"),
                                                          ("Content-Encoding", "gzip")])
        good_captures(writer, slugs[1:])
    return victim


def _record_head(url: str, length: int) -> bytes:
    return (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{length % 10**12:012d}>"
            f"\r\nWARC-Date: 2025-12-01T10:00:00Z\r\nWARC-Target-URI: {url}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n").encode()


def _gzip_member(head: bytes, filler: bytes, size: int, tail: bytes) -> bytes:
    """One gzip member: ``head``, ``size`` bytes of ``filler`` (streamed, never held whole), ``tail``."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS + 16)
    block = filler * (CHUNK // len(filler))
    parts = [compressor.compress(head)]
    for start in range(0, size, CHUNK):
        parts.append(compressor.compress(block[:min(CHUNK, size - start)]))
    return b"".join(parts) + compressor.compress(tail) + compressor.flush()


def _between_good_captures(path: Path, slugs: list[str], member: bytes) -> int:
    """``member`` after the capture of the first slug and before those of the others; its offset."""
    first, rest = BytesIO(), BytesIO()
    good_captures(WARCWriter(first, gzip=True), slugs[:1])
    good_captures(WARCWriter(rest, gzip=True), slugs[1:])
    path.write_bytes(first.getvalue() + member + rest.getvalue())
    return len(first.getvalue())


def with_record_bomb(path: Path, slugs: list[str], size: int) -> int:
    """Good captures around one gzip member whose record declares and holds ``size`` bytes; its offset."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    head = _record_head(f"{SITE}/a-record-of-gigabytes/", size) + http
    return _between_good_captures(path, slugs, _gzip_member(head, b"\0", size - len(http), b"\r\n\r\n"))


def with_header_bomb(path: Path, slugs: list[str], size: int) -> int:
    """Good captures around one gzip member that decodes to a header line of ``size`` bytes; its offset."""
    head = b"WARC/1.1\r\nWARC-Type: response\r\nX-Padding: "
    return _between_good_captures(path, slugs, _gzip_member(head, b"a", size, b"\r\n\r\n"))


def with_lying_length(path: Path, slugs: list[str]) -> int:
    """An uncompressed WARC: a good capture, one whose Content-Length runs 1 MB past the end of the file, then
    more good captures (which the lie would swallow); the liar's offset."""
    first = BytesIO()
    good_captures(WARCWriter(first, gzip=False), slugs[:1])
    rest = BytesIO()
    good_captures(WARCWriter(rest, gzip=False), slugs[1:])
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>cut</body></html>"
    liar = _record_head(f"{SITE}/a-story-longer-than-its-file/", len(rest.getvalue()) + 1_000_000) + http + b"\r\n\r\n"
    path.write_bytes(first.getvalue() + liar + rest.getvalue())
    return len(first.getvalue())


def with_forged_capture(path: Path, slugs: list[str], victim: str, planted: str) -> None:
    """Good captures, and one fetched from another host that claims (``Kyivind-Public-URI``) to be the page of
    ``victim``, newer than any other capture of it, with ``planted`` as its title."""
    site = ReplicaSite("ghost")
    page = site.article(victim)
    post_title = page.split("<h1", 1)[1].split(">", 1)[1].split("<", 1)[0]
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        good_captures(writer, slugs)
        response(writer, f"{ELSEWHERE}/{victim}/", page.replace(post_title, planted).encode(), date="2026-06-01T10:00:00Z",
                 warc_headers={"Kyivind-Public-URI": f"{SITE}/{victim}/"})
        response(writer, f"{ELSEWHERE}/another-story/", page.replace(post_title, planted).encode(),
                 date="2026-06-01T10:00:00Z")


def _member(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS + 16)
    return compressor.compress(data) + compressor.flush()


def with_header_lines(path: Path, slugs: list[str], lines: int, http: bool = False) -> int:
    """Good captures around one record whose WARC header block (or, ``http``, HTTP header block) is ``lines``
    short lines (``X-A: b``); its offset."""
    filler = b"X-A: b\r\n" * lines
    body = b"<html><body>lines</body></html>"
    if http:
        payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + filler + b"\r\n" + body
        head = _record_head(f"{SITE}/a-story-of-header-lines/", len(payload))
        data = head + payload + b"\r\n\r\n"
    else:
        payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
        head = _record_head(f"{SITE}/a-story-of-header-lines/", len(payload))
        data = head.replace(b"\r\n\r\n", b"\r\n" + filler + b"\r\n", 1) + payload + b"\r\n\r\n"
    return _between_good_captures(path, slugs, _member(data))


def with_continuation_lines(path: Path, slugs: list[str], lines: int) -> int:
    """Good captures around one record with a header continued over ``lines`` lines; its offset."""
    payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>continued</body></html>"
    head = _record_head(f"{SITE}/a-story-of-one-long-header/", len(payload))
    data = head.replace(b"\r\n\r\n", b"\r\nX-Long: a\r\n" + b" b\r\n" * lines + b"\r\n", 1) + payload + b"\r\n\r\n"
    return _between_good_captures(path, slugs, _member(data))


def with_brotli_capture(path: Path, slugs: list[str], victim: str) -> None:
    """Good captures of ``slugs``, and the page of ``victim`` kept with ``Content-Encoding: br`` (as Browsertrix
    and the Wayback Machine keep what a server sent)."""
    import brotli

    site = ReplicaSite("ghost")
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        good_captures(writer, slugs)
        response(writer, f"{SITE}/{victim}/", brotli.compress(site.article(victim).encode()),
                 [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "br")])


def with_shared_member(path: Path, slugs: list[str]) -> int:
    """A small first record in its own gzip member, then one member that holds a record, a second record and
    trailing bytes (warcio gives the second record's offset relative to that member), then good captures of
    ``slugs``; the shared member's offset."""
    payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>shared</body></html>"

    def record(n: int) -> bytes:
        head = _record_head(f"{SITE}/a-story-sharing-a-member-{n}/", len(payload))
        return head.replace(b"-8000-", f"-800{n}-".encode(), 1) + payload + b"\r\n\r\n"

    first = _member(record(1))
    rest = BytesIO()
    good_captures(WARCWriter(rest, gzip=True), slugs)
    path.write_bytes(first + _member(record(2) + record(3) + b"trailing bytes\r\n") + rest.getvalue())
    return len(first)
