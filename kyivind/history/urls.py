"""Which archived URL is an article of the site, and its address today."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from kyivind.extraction.listing import article_slug

# the WordPress sections of the site's early years, whose articles live at /<slug>/ today
OLD_SECTIONS = frozenset(("news-feed", "uncategorized", "national"))


def article_url(original: str, site_url: str) -> str | None:
    """The canonical public URL of the article an archived URL names, or None when it names no article (another
    host, a tag, an author, a file, a listing page)."""
    try:
        parts = urlsplit(original.strip())
    except ValueError:
        return None
    site_host = urlsplit(site_url).netloc.lower()
    host = (parts.hostname or "").lower()
    if host.removeprefix("www.") != site_host.removeprefix("www."):
        return None
    slug = article_slug(parts.path or "/", sections=OLD_SECTIONS)
    if slug is None or len(slug) > 300:
        return None
    return f"{site_url.rstrip('/')}/{slug}/"


def capture_time(timestamp: str) -> str:
    """A CDX timestamp (14 digits, UTC) as ``fetched_at`` is written."""
    when = datetime.strptime(timestamp[:14], "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc)
    return when.isoformat()


def replay_url(wayback_url: str, timestamp: str, original: str) -> str:
    """Where the archive serves a capture raw, as it was received (``id_``: no rewriting, no banner)."""
    return f"{wayback_url.rstrip('/')}/{timestamp}id_/{original}"


_REPLAYED = re.compile(r"/(\d{14})id_/")
_REPLAY_PATH = re.compile(r"(\d{1,14})(?:[a-z]{2}_)?/(.+)", re.DOTALL)  # <timestamp>[id_|im_…]/<original>


def replayed_original(final_url: str, wayback_url: str) -> str | None:
    """The original URL an archive's replay address names (``<wayback>/<timestamp>id_/<original>``), or None
    when ``final_url`` is no replay address of that archive."""
    prefix = wayback_url.rstrip("/") + "/"
    if not final_url.startswith(prefix):
        return None
    found = _REPLAY_PATH.fullmatch(final_url[len(prefix):])
    return found.group(2) if found else None


def request_url_length(url: str) -> int:
    """The length of ``url`` once a request escapes it (what Scrapy's ``URLLENGTH_LIMIT`` is compared with)."""
    from w3lib.url import safe_url_string

    return len(safe_url_string(url))


def replayed_time(final_url: str, memento_datetime: str | None, wayback_url: str, planned: str) -> tuple[str | None, str]:
    """(the capture time of what the archive answered, or None; why not). An archive may answer another capture
    than the one asked (the Internet Archive redirects to the nearest): its ``Memento-Datetime``, else the
    timestamp of the URL it answered from, is the capture's time. An answer from outside the archive (a redirect
    to the live site) is no capture at all."""
    if not final_url.startswith(wayback_url.rstrip("/") + "/"):
        return None, f"redirected out of the archive, to {final_url[:200]}"
    if memento_datetime:
        try:
            when = parsedate_to_datetime(memento_datetime)
            return when.astimezone(timezone.utc).replace(microsecond=0).isoformat(), ""
        except (TypeError, ValueError, IndexError, OverflowError):
            pass
    found = _REPLAYED.search(final_url)
    if found is None:
        return planned, ""
    try:
        return capture_time(found.group(1)), ""
    except ValueError:  # a redirect to /web/20241399000000id_/…
        return None, f"answered from a capture time that is no date ({found.group(1)})"


def archived_when(url: str, headers, archived: dict) -> tuple[str | None, str]:
    """``replayed_time`` of an answer at ``url`` with its ``headers`` (Scrapy's), for the capture ``archived``
    (the request's ``kyivind_archived``): (None, why) for an answer from outside the archive, or undated."""
    memento = headers.get("Memento-Datetime")
    if isinstance(memento, bytes):
        memento = memento.decode("latin-1")
    return replayed_time(url, memento, archived["archive"], archived["archived_at"])


def archived_time(url: str, headers, archived: dict) -> str | None:
    """The capture time of ``archived_when``, or None."""
    return archived_when(url, headers, archived)[0]
