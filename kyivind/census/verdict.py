"""The census's decisions, as pure functions of what was listed, what each URL answered and what was recorded
before.

One answer decides nothing: a first answer that says removed or moved makes the article ``suspected``; a second
answer that says the same, at least ``confirm_hours`` after the first, decides it (``settle``). A census in which
too many known articles are unlisted at once decides nothing (``wave``); a redirect target shared by several
articles, or one the site does not list (a ring of redirects), is no move (``moves``)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from urllib.parse import urlsplit, urlunsplit

from kyivind.extraction.listing import article_slug

REMOVED, MOVED, RESTORED = "removed", "moved", "restored"
SUSPECTED, CLEARED = "suspected", "cleared"  # a first answer that said removed or moved; one not confirmed
PRESENT = "present"  # an answer that says the article is still there (200, a redirect to its own address)
DECIDED = frozenset((REMOVED, MOVED))
OPEN = frozenset((SUSPECTED, REMOVED, MOVED))  # asked again at each census until settled
GONE_STATUSES = frozenset((404, 410, 451))  # 451: unavailable for legal reasons, a takedown
REDIRECT_STATUSES = frozenset((301, 302, 303, 307, 308))
WAVE_MIN = 5  # a census with this many unlisted articles or fewer is never a wave


def same_article(one: str, other: str) -> bool:
    """Two URLs of one article: equal but for the scheme, ``www.``, the last slash and the query."""
    def key(url: str) -> tuple[str, str]:
        parts = urlsplit(url)
        return parts.netloc.lower().removeprefix("www."), parts.path.rstrip("/")

    return key(one) == key(other)


def listed_check(listed: set[str]):
    """Whether a URL is in ``listed`` (canonical URLs, with and without the last slash as the site writes them)."""
    def is_listed(url: str) -> bool:
        return url in listed or url.rstrip("/") in listed or url.rstrip("/") + "/" in listed

    return is_listed


def to_check(known: list[str], listed: set[str], open_events: dict[str, dict]) -> tuple[list[str], list[str]]:
    """(the known URLs to ask, in order: those suspected, then the newly unlisted, then those decided removed or
    moved; the URLs with an open event that the site lists again: restored, or cleared). ``open_events``: the
    last event of each URL whose last event is open (suspected, removed, moved)."""
    is_listed = listed_check(listed)
    unlisted = [url for url in known if not is_listed(url)]
    rank = {SUSPECTED: 0, None: 1}
    ask = sorted(unlisted, key=lambda url: rank.get((open_events.get(url) or {}).get("status"), 2))
    settled = sorted(url for url in open_events if is_listed(url))
    return ask, settled


def wave(unlisted: int, known: int, max_loss: float) -> bool:
    """Whether ``unlisted`` of ``known`` articles missing at once is more than a site removes: more than
    ``max_loss`` of them and more than ``WAVE_MIN``. Such a list is taken for broken."""
    return unlisted > WAVE_MIN and unlisted > max_loss * known


def judge(url: str, status: int, location: str | None, challenge: bool, on_site) -> tuple[str | None, str | None, str]:
    """What one answer of an unlisted article says: (``removed`` | ``moved`` | ``present`` | None, the new URL of
    a move, why, in a few words). None: undecided. ``location``: the redirect's target, joined and made public;
    ``on_site``: whether a URL is on the site. A move's URL is the target's article address, ``/<slug>/``
    (its query and fragment left out), the slug one as Ghost makes them."""
    if status in GONE_STATUSES:
        return REMOVED, None, f"answered {status}"
    if status in REDIRECT_STATUSES:
        if not location:
            return None, None, f"answered {status} without a Location: undecided"
        parts = urlsplit(location)
        slug = article_slug(parts.path, sections=()) if on_site(location) else None
        if slug is None:
            return None, None, f"redirects to {location[:200]!a}, which is no article: undecided"
        if same_article(url, location):
            return PRESENT, None, "redirects to its own address: still there"
        target = urlunsplit((parts.scheme, parts.netloc, f"/{slug}/", "", ""))
        return MOVED, target, f"answered {status}, moved to {target}"
    if status == 200:
        return ((None, None, "answered a bot-challenge page: undecided") if challenge else
                (PRESENT, None, "answered 200: still there, only unlisted"))
    return None, None, f"answered {status}: undecided"


def moves(answers: dict[str, tuple], is_listed) -> dict[str, tuple]:
    """The answers with each move that is none undone: a target that several of the articles asked redirect
    to (one page many are sent to: the home page of a story, a block page), or one the site does not list (a
    ring of redirects, a page that is no article of the list). ``answers``: URL -> (verdict, target, why)."""
    shared = Counter(target for verdict, target, _ in answers.values() if verdict == MOVED)
    kept = {}
    for url, (verdict, target, why) in answers.items():
        if verdict == MOVED and shared[target] > 1:
            verdict, why = None, f"redirects, as {shared[target] - 1} other articles do, to {target}: no move, undecided"
        elif verdict == MOVED and (not is_listed(target) or target in answers):
            verdict, why = None, f"redirects to {target}, which the site does not list: no move, undecided"
        kept[url] = (verdict, target if verdict == MOVED else None, why)
    return kept


def _time(text) -> datetime | None:
    try:
        return datetime.fromisoformat(str(text))
    except ValueError:
        return None


def settle(last: dict | None, verdict: str | None, target: str | None, now: datetime,
           confirm_hours: float) -> tuple[str, str | None] | None:
    """The event one answer makes, as (status, what a suspicion is of), or None (nothing to record). ``last``:
    the URL's last open event (None: none). A first answer of removed or moved: ``suspected``; the same answer
    again (the same target for a move), ``confirm_hours`` or more after the first: decided; sooner: nothing yet;
    a different one: suspected anew. A suspected article that is still there: ``cleared``; one decided removed
    or moved that is there again: ``restored``. An undecided answer changes nothing."""
    status = (last or {}).get("status")
    if verdict is None:
        return None
    if verdict == PRESENT:
        return {SUSPECTED: (CLEARED, None), REMOVED: (RESTORED, None), MOVED: (RESTORED, None)}.get(status)
    if status in DECIDED:
        return None  # still removed, or moved (to wherever it redirects now): recorded already
    if status == SUSPECTED and last.get("suspected_of") == verdict and last.get("moved_to") == target:
        since = _time(last.get("suspected_at"))
        if since is not None and since.tzinfo is not None:
            return (verdict, None) if now - since >= timedelta(hours=confirm_hours) else None
    return SUSPECTED, verdict
