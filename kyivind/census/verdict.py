"""The census's decisions, as pure functions of what was listed and what one URL answered."""

from __future__ import annotations

from urllib.parse import urlsplit

from kyivind.extraction.listing import article_slug

REMOVED, MOVED, RESTORED = "removed", "moved", "restored"
GONE_STATUSES = frozenset((404, 410, 451))  # 451: unavailable for legal reasons, a takedown
REDIRECT_STATUSES = frozenset((301, 302, 303, 307, 308))


def same_article(one: str, other: str) -> bool:
    """Two URLs of one article: equal but for the scheme, ``www.``, the last slash and the query."""
    def key(url: str) -> tuple[str, str]:
        parts = urlsplit(url)
        return parts.netloc.lower().removeprefix("www."), parts.path.rstrip("/")

    return key(one) == key(other)


def to_check(known: list[str], listed: set[str], open_events: dict[str, dict]) -> tuple[list[str], list[str]]:
    """(the known URLs to ask: unlisted and not already recorded removed or moved; the URLs recorded removed or
    moved that the site lists again: restored). ``listed`` holds canonical URLs, with and without the last
    slash as the site writes them; ``open_events`` the last event of each URL whose last event is no restore."""
    def is_listed(url: str) -> bool:
        return url in listed or url.rstrip("/") in listed or url.rstrip("/") + "/" in listed

    ask = [url for url in known if not is_listed(url) and url not in open_events]
    restored = sorted(url for url in open_events if is_listed(url))
    return ask, restored


def judge(url: str, status: int, location: str | None, challenge: bool, on_site) -> tuple[str | None, str | None, str]:
    """What one answer of an unlisted article says: (``removed`` | ``moved`` | None, the new URL of a move,
    why, in a few words). None: still there (200) or undecided. ``location``: the redirect's target, joined
    and made public; ``on_site``: whether a URL is on the site."""
    if status in GONE_STATUSES:
        return REMOVED, None, f"answered {status}"
    if status in REDIRECT_STATUSES:
        if not location:
            return None, None, f"answered {status} without a Location: undecided"
        if not on_site(location) or article_slug(urlsplit(location).path, sections=()) is None:
            return None, None, f"redirects to {location[:200]}, which is no article: undecided"
        if same_article(url, location):
            return None, None, "redirects to its own address: still there"
        return MOVED, location, f"answered {status}, moved to {location[:200]}"
    if status == 200:
        return None, None, ("answered a bot-challenge page: undecided" if challenge else
                            "answered 200: still there, only unlisted")
    return None, None, f"answered {status}: undecided"
