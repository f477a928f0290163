"""Where an archived version of an article goes among its versions, ordered by capture time (``fetched_at``).

A capture becomes a version when its fields differ from the version captured just before it. The earliest
capture of an article has none before it: it becomes a version unless it equals the version captured after it
(an article unchanged since it was archived gets no second copy of its text). A capture already exported (the
same time) is never exported again, so a history run can be run again. A version equal to the one after it (an
edit the archive saw before kyivind did) makes no change of its own: the database leaves such transitions out.
"""

from __future__ import annotations

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
