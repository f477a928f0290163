"""The captures worth fetching: per article, in capture order, one per distinct content, at most a number."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from kyivind.history.cdx import CdxCapture
from kyivind.history.timeline import cdx_time, implausible_time
from kyivind.history.urls import article_url

IMPLAUSIBLE_TIME = "implausible_time"  # a capture dated in the future or before the site existed


@dataclass
class Plan:
    chains: dict[str, list[list[str]]] = field(default_factory=dict)  # canonical URL -> [[timestamp, original]…]
    skipped: Counter = field(default_factory=Counter)  # why captures were left out: not_article, not_html…


def plan(captures: list[CdxCapture], site_url: str, max_per_url: int,
         fits: Callable[[CdxCapture], bool] | None = None) -> Plan:
    """Group the captures by the article they are of (old and new addresses together), oldest first; a capture
    whose digest is the one before it (of the same article) is left out, and of more than ``max_per_url`` the
    first, the last and evenly spaced ones between are kept. A capture that ``fits`` refuses (its replay URL is
    longer than a request may be) is left out: asked, it would be dropped without an answer."""
    made = Plan()
    grouped: dict[str, list[CdxCapture]] = {}
    for capture in captures:
        if capture.statuscode not in ("200", "-", ""):
            made.skipped["not_200"] += 1
            continue
        if capture.mimetype and "html" not in capture.mimetype:
            made.skipped["not_html"] += 1
            continue
        url = article_url(capture.original, site_url)
        if url is None:
            made.skipped["not_article"] += 1
            continue
        if fits is not None and not fits(capture):
            made.skipped["url_too_long"] += 1
            continue
        when = cdx_time(capture.timestamp)
        if when and implausible_time(when):  # 2099, or before the site: it would freeze the article
            made.skipped[IMPLAUSIBLE_TIME] += 1
            continue
        grouped.setdefault(url, []).append(capture)
    for url, found in grouped.items():
        found.sort(key=lambda c: (c.timestamp, c.original))
        kept: list[CdxCapture] = []
        for capture in found:
            if kept and capture.digest and capture.digest == kept[-1].digest:
                made.skipped["same_digest"] += 1
            elif kept and capture.timestamp == kept[-1].timestamp:
                made.skipped["same_time"] += 1
            else:
                kept.append(capture)
        if len(kept) > max_per_url:
            made.skipped["over_limit"] += len(kept) - max_per_url
            kept = spread(kept, max_per_url)
        made.chains[url] = [[c.timestamp, c.original] for c in kept]
    return made


def spread(items: list, count: int) -> list:
    """``count`` of ``items``: the first, the last, and evenly spaced ones between."""
    if count <= 1:
        return items[-1:]
    step = (len(items) - 1) / (count - 1)
    return [items[round(i * step)] for i in range(count)]
