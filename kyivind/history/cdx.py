"""The CDX query and its answers.

An answer comes in one of three shapes, told apart by its first character:

- the Internet Archive's ``output=json``: an array of arrays, a header row first; with ``showResumeKey`` an empty
  row and then ``[resume key]`` close it;
- pywb's ``output=json``: one JSON object a line (``url``, ``mime``, ``status``, ``digest``…);
- the plain text of either (space-separated fields, a blank line and the resume key at the end).

An answer is read up to the ``limit`` rows asked (a server that sends more has its rows past the page left unread:
``CdxPage.over_limit``), row by row, so that a page far longer than asked costs no more than its text. A row with
a control character in any field (a CR/LF that would become a header of kyivind's WARC, a terminal escape) or a
timestamp that is no date is refused and counted by why (``CdxPage.refused``).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlencode

MAX_LINE = 16 * 1024  # a longer line is no capture (URLs are cut at 8 KiB by archives): skipped and counted
TEXT_FIELDS = ("urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length")
ALIASES = {"url": "original", "mime": "mimetype", "status": "statuscode"}  # pywb's names -> the IA's
CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")  # C0, DEL, C1 and the Unicode line breaks
CONTROL_CHARACTERS, BAD_TIMESTAMP = "control_characters", "bad_timestamp"  # why a row is refused


@dataclass(frozen=True)
class CdxCapture:
    timestamp: str
    original: str
    mimetype: str
    statuscode: str
    digest: str


@dataclass
class CdxPage:
    captures: list[CdxCapture]
    resume_key: str | None = None
    bad_lines: int = 0
    refused: Counter = field(default_factory=Counter)  # rows refused, by why: control_characters, bad_timestamp
    over_limit: bool = False  # the answer held more rows than asked: those past the page were not read
    example: str = ""  # the first refused row's field, written out (for the log line)

    def add(self, found: CdxCapture | str | None) -> None:
        """A row read: a capture, (a string) why it was refused, or (None) a line that is none, counted."""
        if found is None:
            self.bad_lines += 1
        elif isinstance(found, str):
            self.refused[found] += 1
        else:
            self.captures.append(found)


def query(cdx_url: str, site_host: str, since: str | None, limit: int, resume_key: str | None = None) -> str:
    """The CDX request for every HTML capture of the site that answered 200, one row per distinct digest of a URL,
    ``limit`` rows a page, from ``since`` (an ISO time) on."""
    params = [("url", f"{site_host}/"), ("matchType", "prefix"), ("output", "json"),
              ("filter", "statuscode:200"), ("filter", "mimetype:text/html"), ("collapse", "digest"),
              ("limit", str(limit)), ("showResumeKey", "true")]
    if since:
        params.append(("from", since_timestamp(since)))
    if resume_key:
        params.append(("resumeKey", resume_key))
    return f"{cdx_url}?{urlencode(params)}"


def since_timestamp(iso: str) -> str:
    """An ISO time as the 14 digits a CDX ``from`` takes."""
    digits = "".join(c for c in iso[:19] if c.isdigit())
    return (digits + "0" * 14)[:14]


def parse(body: bytes | str, limit: int = 0) -> CdxPage:
    """The captures of one answer (its first ``limit`` rows; 0: all), its resume key, and how many lines were no
    capture or were refused."""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    start = text.lstrip()[:1]
    if start == "[":
        return _parse_array(text, limit)
    if start == "{":
        return _parse_lines(text, limit)
    return _parse_text(text, limit)


def valid_timestamp(timestamp: str) -> bool:
    """Whether 14 digits are a date and time (``20241399000000`` is none)."""
    try:
        datetime.strptime(timestamp, "%Y%m%d%H%M%S")
    except ValueError:
        return False
    return True


def _capture(row: dict, page: CdxPage) -> CdxCapture | str | None:
    row = {ALIASES.get(k, k): v for k, v in row.items()}
    timestamp, original = str(row.get("timestamp") or ""), row.get("original")
    if len(timestamp) < 8 or not (timestamp.isascii() and timestamp.isdigit()) or not isinstance(original, str) \
            or not original:
        return None
    for value in row.values():
        if CONTROLS.search(str(value)):
            page.example = page.example or ascii(str(value))[:200]
            return CONTROL_CHARACTERS
    timestamp = timestamp[:14].ljust(14, "0")
    if not valid_timestamp(timestamp):
        page.example = page.example or timestamp
        return BAD_TIMESTAMP
    return CdxCapture(timestamp=timestamp, original=original,
                      mimetype=str(row.get("mimetype") or ""), statuscode=str(row.get("statuscode") or ""),
                      digest=str(row.get("digest") or ""))


def _full(page: CdxPage, rows: int, limit: int) -> bool:
    """Whether ``rows`` rows fill the page: one more is past the rows asked."""
    if limit and rows >= limit:
        page.over_limit = True
        return True
    return False


_SPACE = re.compile(r"[\s,]*")
_RESUME_TAIL = re.compile(r",\s*\[\s*\]\s*,\s*(\[[^\[\]]*\])\s*\]\s*$")  # , [], ["<resume key>"]] at the end
TAIL = 8192  # where the resume key is looked for: the end of the answer


def _resume_key(text: str) -> tuple[str | None, int]:
    """The resume key at the end of an array answer, and where the rows end (before it)."""
    start = max(len(text) - TAIL, 0)
    found = _RESUME_TAIL.search(text, start)
    if found is None:
        return None, len(text)
    try:
        key = json.loads(found.group(1))
    except ValueError:
        return None, len(text)
    return (str(key[0]), found.start()) if len(key) == 1 else (None, len(text))


def _parse_array(text: str, limit: int) -> CdxPage:
    """Row by row (``raw_decode``), never past the rows asked; the resume key is read off the end."""
    page = CdxPage([])
    decoder = json.JSONDecoder()
    at = _SPACE.match(text, text.index("[") + 1).end()
    if text[at:at + 1] == "]":
        return page
    try:
        header, at = decoder.raw_decode(text, at)
    except (ValueError, RecursionError):
        return CdxPage([], bad_lines=1)
    if not isinstance(header, list):
        return CdxPage([], bad_lines=1)
    header = [str(name) for name in header]
    page.resume_key, end = _resume_key(text)
    rows = 0
    while True:
        at = _SPACE.match(text, at).end()
        if at >= end or text[at] == "]":
            break
        if _full(page, rows, limit):
            break
        try:
            row, at = decoder.raw_decode(text, at)
        except (ValueError, RecursionError):
            page.bad_lines += 1
            break
        rows += 1
        page.add(_capture(dict(zip(header, row, strict=True)), page) if isinstance(row, list)
                 and len(row) == len(header) else None)
    return page


def _lines(text: str):
    """The lines of ``text``, one at a time (no list of them all)."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield text[start:end].rstrip("\r")
        start = end + 1


def _parse_lines(text: str, limit: int) -> CdxPage:
    page = CdxPage([])
    rows = 0
    for line in _lines(text):
        if not line.strip():
            continue
        if _full(page, rows, limit):
            break
        rows += 1
        try:
            row = json.loads(line) if len(line) <= MAX_LINE else None
        except (ValueError, RecursionError):
            row = None
        page.add(_capture(row, page) if isinstance(row, dict) else None)
    return page


def _parse_text(text: str, limit: int) -> CdxPage:
    page = CdxPage([])
    body = text.rstrip("\r\n")
    head, newline, last = body.rpartition("\n")
    if newline and head.rstrip("\r").rpartition("\n")[2].strip() == "" and len(last.split()) == 1:
        page.resume_key, body = last.strip(), head
    rows = 0
    for line in _lines(body):
        parts = line.split() if len(line) <= MAX_LINE else []
        if not parts:
            page.bad_lines += bool(line.strip())
            continue
        if _full(page, rows, limit):
            break
        rows += 1
        page.add(_capture(dict(zip(TEXT_FIELDS, parts, strict=False)), page) if len(parts) >= 6 else None)
    return page
