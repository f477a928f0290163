"""The CDX query and its answers.

An answer comes in one of three shapes, told apart by its first character:

- the Internet Archive's ``output=json``: an array of arrays, a header row first; with ``showResumeKey`` an empty
  row and then ``[resume key]`` close it;
- pywb's ``output=json``: one JSON object a line (``url``, ``mime``, ``status``, ``digest``…);
- the plain text of either (space-separated fields, a blank line and the resume key at the end).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlencode

MAX_LINE = 16 * 1024  # a longer line is no capture (URLs are cut at 8 KiB by archives): skipped and counted
TEXT_FIELDS = ("urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length")
ALIASES = {"url": "original", "mime": "mimetype", "status": "statuscode"}  # pywb's names -> the IA's


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

    def add(self, found: CdxCapture | None) -> None:
        """A row read: a capture, or (None) a line that is none, counted."""
        if found is None:
            self.bad_lines += 1
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


def parse(body: bytes | str) -> CdxPage:
    """The captures of one answer, its resume key, and how many lines were no capture."""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    start = text.lstrip()[:1]
    if start == "[":
        return _parse_array(text)
    if start == "{":
        return _parse_lines(text)
    return _parse_text(text)


def _capture(row: dict) -> CdxCapture | None:
    row = {ALIASES.get(k, k): v for k, v in row.items()}
    timestamp, original = str(row.get("timestamp") or ""), row.get("original")
    if len(timestamp) < 8 or not timestamp.isdigit() or not isinstance(original, str) or not original:
        return None
    return CdxCapture(timestamp=timestamp[:14].ljust(14, "0"), original=original,
                      mimetype=str(row.get("mimetype") or ""), statuscode=str(row.get("statuscode") or ""),
                      digest=str(row.get("digest") or ""))


def _parse_array(text: str) -> CdxPage:
    page = CdxPage([])
    try:
        rows = json.loads(text)
    except (ValueError, RecursionError):
        return CdxPage([], bad_lines=1)
    if not isinstance(rows, list) or not rows or not isinstance(rows[0], list):
        return CdxPage([], bad_lines=1 if rows else 0)
    header, rows = [str(name) for name in rows[0]], rows[1:]
    if len(rows) >= 2 and rows[-2] == [] and isinstance(rows[-1], list) and len(rows[-1]) == 1:
        page.resume_key, rows = str(rows[-1][0]), rows[:-2]
    for row in rows:
        page.add(_capture(dict(zip(header, row, strict=True))) if isinstance(row, list) and len(row) == len(header)
                 else None)
    return page


def _parse_lines(text: str) -> CdxPage:
    page = CdxPage([])
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            row = json.loads(line) if len(line) <= MAX_LINE else None
        except (ValueError, RecursionError):
            row = None
        page.add(_capture(row) if isinstance(row, dict) else None)
    return page


def _parse_text(text: str) -> CdxPage:
    page = CdxPage([])
    lines = text.splitlines()
    if len(lines) >= 2 and lines[-2].strip() == "" and len(lines[-1].split()) == 1:
        page.resume_key, lines = lines[-1].strip(), lines[:-2]
    for line in lines:
        parts = line.split() if len(line) <= MAX_LINE else []
        if not parts:
            page.bad_lines += bool(line.strip())
            continue
        page.add(_capture(dict(zip(TEXT_FIELDS, parts, strict=False))) if len(parts) >= 6 else None)
    return page
