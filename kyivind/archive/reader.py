"""Reading WARC records with warcio, whatever a file holds: every record is read in bounded memory (header lines,
blank lines and decoded payloads stop at a limit), and a record that cannot be read whole is reported with its
file and offset while reading goes on at the next record that starts whole."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

from isal import isal_zlib
from warcio.archiveiterator import ArchiveIterator

WARC_SUFFIXES = (".warc", ".warc.gz")
GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."
MAX_HEADER_LINE = 64 * 1024  # bytes of one WARC or HTTP header line, at most
MAX_BLANK_LINES = 1000  # blank lines between two records, at most (writers put two)
HEADERS_ALLOWANCE = 1024 * 1024  # a record's HTTP headers, besides its payload (DOWNLOAD_MAXSIZE)
MAX_HEADER_LINES = 10_000  # lines of one header block (WARC or HTTP), at most: real ones have tens
MAX_HEADER_BYTES = 1024 * 1024  # bytes of one header block, at most
MAX_CONTINUATION_LINES = 100  # lines that continue one header (a space or tab first), at most
MAX_GARBLED = 1000  # unreadable records of one file, at most: past them the rest of the file is not read


def _isal_gunzip():
    return isal_zlib.decompressobj(isal_zlib.MAX_WBITS + 16)


def fast_gunzip(iterator: ArchiveIterator) -> ArchiveIterator:
    """The iterator, its gzip members decompressed by ISA-L (``isal``): the same bytes, in 40% of zlib's time (the
    archive is read twice by a re-extraction, for the index and for each page). Only this reader's: warcio's
    class and every other reader keep zlib."""
    reader = iterator.reader
    reader.DECOMPRESSORS = {**reader.DECOMPRESSORS, "gzip": _isal_gunzip}
    if reader.decomp_type == "gzip":
        reader.decompressor = _isal_gunzip()
    return iterator


class Oversized(ValueError):
    """A record, or its payload once decoded, larger than ``DOWNLOAD_MAXSIZE``."""


def read_payload(record, limit: int) -> bytes:
    """The record's payload, decoded (chunked, gzip, brotli) as a stream and read no further than ``limit``
    bytes: a payload that decodes to more (a gzip or brotli bomb) raises ``Oversized``, one that cannot be
    decoded ``ValueError``."""
    if _content_encoding(record) == "br":  # warcio's brotli reader fails on brotli 1.2: decoded here
        return _brotli(record, limit)
    body = record.content_stream().read(limit + 1)
    if len(body) > limit:
        raise Oversized(f"its payload decodes to more than {limit} bytes (DOWNLOAD_MAXSIZE)")
    return body


def _content_encoding(record) -> str:
    headers = record.http_headers
    return (headers.get_header("Content-Encoding") or "").strip().lower() if headers else ""


BROTLI_READ = 64 * 1024


def _brotli(record, limit: int) -> bytes:
    """A brotli payload (chunked or not) decoded with the brotli package, its output bounded by ``limit``."""
    import brotli
    from warcio.bufferedreaders import ChunkedDataReader

    chunked = "chunked" in (record.http_headers.get_header("Transfer-Encoding") or "").lower()
    stream = ChunkedDataReader(record.raw_stream) if chunked else record.raw_stream
    decoder, out = brotli.Decompressor(), bytearray()
    try:
        while chunk := stream.read(BROTLI_READ):
            out += decoder.process(chunk, output_buffer_limit=limit + 1 - len(out))
            while len(out) <= limit and not decoder.can_accept_more_data():
                more = decoder.process(b"", output_buffer_limit=limit + 1 - len(out))
                if not more:
                    break
                out += more
            if len(out) > limit:
                raise Oversized(f"its payload decodes to more than {limit} bytes (DOWNLOAD_MAXSIZE)")
    except brotli.error as error:
        raise ValueError(f"its brotli payload cannot be decoded: {error}") from None
    if not decoder.is_finished():
        raise ValueError("its brotli payload is cut short")
    return bytes(out)


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


def _member_at(fh, offset: int) -> bool:
    """Whether a gzip member starts at ``offset`` (the file's position is kept for warcio's reader)."""
    position = fh.tell()
    fh.seek(offset)
    found = fh.read(len(GZIP_MAGIC)) == GZIP_MAGIC
    fh.seek(position)
    return found


def _is_gzip(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(3) == GZIP_MAGIC


class HeaderBomb(ValueError):
    """A header line, or a run of blank lines between records, longer than any WARC or HTTP writer makes."""


def bounded_lines(reader) -> None:
    """warcio reads header lines (WARC and HTTP) and the blank lines between records with ``readline()``,
    which has no limit, and keeps a header block whole (joining continuation lines with ``+=``, in time the
    square of their number). Here each line stops at ``MAX_HEADER_LINE`` bytes, a block at
    ``MAX_HEADER_LINES`` lines and ``MAX_HEADER_BYTES`` bytes, a header at ``MAX_CONTINUATION_LINES``
    continuation lines, and the blank lines at ``MAX_BLANK_LINES``; past any of them the record is garbled,
    before warcio has parsed or kept the block."""
    readline = reader.readline
    count = {"blanks": 0, "lines": 0, "bytes": 0, "continued": 0}

    def bounded(length=None):
        line = readline(MAX_HEADER_LINE if length is None else min(length, MAX_HEADER_LINE))
        if len(line) >= MAX_HEADER_LINE and not line.endswith(b"\n"):
            raise HeaderBomb(f"a header line longer than {MAX_HEADER_LINE} bytes")
        if line in (b"\r\n", b"\n"):  # a block ends
            count.update(blanks=count["blanks"] + 1, lines=0, bytes=0, continued=0)
            if count["blanks"] > MAX_BLANK_LINES:
                raise HeaderBomb(f"more than {MAX_BLANK_LINES} blank lines after a record")
            return line
        count["blanks"] = 0
        if not line:
            return line
        count["lines"] += 1
        count["bytes"] += len(line)
        count["continued"] = count["continued"] + 1 if line[:1] in (b" ", b"\t") else 0
        if count["lines"] > MAX_HEADER_LINES:
            raise HeaderBomb(f"a header block of more than {MAX_HEADER_LINES} lines")
        if count["bytes"] > MAX_HEADER_BYTES:
            raise HeaderBomb(f"a header block of more than {MAX_HEADER_BYTES} bytes")
        if count["continued"] > MAX_CONTINUATION_LINES:
            raise HeaderBomb(f"a header continued over more than {MAX_CONTINUATION_LINES} lines")
        return line

    reader.readline = bounded


def iter_records(path: Path, handle, stopping=lambda: False):
    """Call ``handle(offset, record)`` on each record of the file (its content may be read there); what
    it returns, a function or None, is called once the whole record has been read without fault. Yields a
    ``Garbled`` for each record that cannot be read whole, then goes on at the next whole record.

    Reading only moves forward: after a fault it goes on at a record that starts after every record already
    met (warcio gives the offset of a record that shares its gzip member with another relative to that
    member, which pointed back at the member read before), at most ``MAX_GARBLED`` faults a file (then one
    ``Garbled`` says the rest is not read), and no further once ``stopping()`` is true (a SIGTERM)."""
    gzipped = _is_gzip(path)
    faults, reached = 0, -1
    with open(path, "rb") as fh:
        start = 0
        while start is not None and not stopping():
            fh.seek(start)
            iterator = fast_gunzip(ArchiveIterator(fh, no_record_parse=False))
            bounded_lines(iterator.reader)
            offset = start
            try:
                while (record := next(iterator, None)) is not None:
                    if iterator.offset < start or (iterator.offset <= reached and iterator.offset != start) or \
                            (gzipped and not _member_at(fh, iterator.offset)):
                        offset = reached
                        raise ValueError("a record that shares its gzip member with the one before it, so it has "
                                         "no offset of its own")
                    offset = reached = iterator.offset  # reached: the furthest record start met in this file
                    if record.format not in ("warc", None) or not record.rec_headers.get_header("WARC-Record-ID"):
                        raise ValueError(f"not a WARC record ({record.format})")
                    commit = handle(offset, record)
                    iterator.read_to_end()
                    if gzipped and iterator.reader.decompressor is not None and not iterator.reader.decompressor.eof:
                        raise EOFError("the record's gzip member is cut short (a truncated file)")
                    if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than the record declares
                        raise EOFError("the record's Content-Length runs past the end of its file or gzip member")
                    if commit is not None:
                        commit()
                    offset = max(iterator.offset, reached)  # where the next record starts
                    if stopping():
                        return
                start = None
            except Exception as error:  # noqa: BLE001 (any fault of a record is reported, never fatal)
                faults += 1
                yield Garbled(path, offset, f"{type(error).__name__}: {str(error).strip()[:200]}")
                if faults >= MAX_GARBLED:
                    yield Garbled(path, offset, f"more than {MAX_GARBLED} unreadable records: the rest of the file "
                                                f"is not read")
                    return
                start = _next_start(fh, max(offset, reached), gzipped)  # always past what was met
