"""Where an archived version of an article goes among its versions, ordered by capture time (``fetched_at``).

A capture becomes a version when its fields differ from the version captured just before it. The earliest
capture of an article has none before it: it becomes a version unless it equals the version captured after it
(an article unchanged since it was archived gets no second copy of its text). A capture already exported (the
same time) is never exported again, so a history run can be run again. A version equal to the one after it (an
edit the archive saw before kyivind did) makes no change of its own: the database leaves such transitions out.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

SITE_SINCE = "2021-11-01T00:00:00+00:00"  # The Kyiv Independent's site began in November 2021: nothing before is it
FUTURE_MARGIN = timedelta(hours=1)  # clocks disagree: a capture time this far past now is still believed


def implausible_time(when: str | None, now: datetime | None = None) -> str | None:
    """Why a capture time (ISO 8601) cannot be an archive's capture of the site, or None: none or no time at all,
    in the future (past ``FUTURE_MARGIN``), before the site existed (``SITE_SINCE``). A capture dated 2099 would
    otherwise be every article's latest version until 2099."""
    if not when:
        return "no capture time"
    try:
        found = datetime.fromisoformat(str(when).strip().replace("Z", "+00:00"))
    except ValueError:
        return f"no time ({str(when)[:40]!r})"
    found = found if found.tzinfo else found.replace(tzinfo=timezone.utc)
    if found > (now or datetime.now(timezone.utc)) + FUTURE_MARGIN:
        return f"in the future ({found.isoformat()})"
    if found < datetime.fromisoformat(SITE_SINCE):
        return f"before the site existed ({found.isoformat()}, the site began {SITE_SINCE[:10]})"
    return None


def cdx_time(timestamp: str) -> str | None:
    """A CDX timestamp (14 digits, UTC) in ISO 8601, or None for one that is no time (month 13)."""
    try:
        return datetime.strptime(str(timestamp)[:14], "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc).isoformat()
    except ValueError:
        return None


AFTER_LIVE = "captured after kyivind's own fetch of the article"  # an archive never ranks above kyivind's fetch
NEW, SAME_CAPTURE, AS_BEFORE, AS_AFTER = "new", "already exported", "unchanged since the capture before", \
    "the same as the version after it"


def place(timeline: list[dict], fetched_at: str, fields_hash: str) -> str:
    """``NEW`` or why not: ``timeline`` holds the article's versions (``fetched_at``, ``fields_hash``), any order."""
    before = after = None
    for version in timeline:
        when = version.get("fetched_at") or ""
        if when == fetched_at:
            return SAME_CAPTURE
        if when < fetched_at and (before is None or when > before["fetched_at"]):
            before = {**version, "fetched_at": when}
        if when > fetched_at and (after is None or when < after["fetched_at"]):
            after = {**version, "fetched_at": when}
    if before is not None:
        return AS_BEFORE if before.get("fields_hash") == fields_hash else NEW
    if after is not None and after.get("fields_hash") == fields_hash:
        return AS_AFTER
    return NEW


def next_number(timeline: list[dict]) -> int:
    """The number of a new version: one more than any the article has (numbers tell versions apart; their
    order is the capture time's)."""
    return max((version.get("version") or 1 for version in timeline), default=0) + 1
