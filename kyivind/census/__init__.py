"""The census: which articles the site no longer lists, and what became of them.

At most once per ``KYIVIND_CENSUS_HOURS`` a run lists every article the site still has (the sitemaps, else the
Content API with only each post's URL), takes the known articles missing from that list, and asks each such
URL, without following a redirect:

- 404, 410 or 451: **removed**;
- a redirect to another article the site lists, no other article redirecting there: **moved** (the new address
  is crawled like any article);
- 200: still there, only unlisted: nothing is recorded;
- anything else (a 5xx, a timeout, a bot-challenge page, a redirect to a page that is no article, a target
  shared by several articles or not listed): undecided, asked again next time.

One answer decides nothing: the first that says removed or moved makes the article **suspected**; a second that
says the same, ``KYIVIND_CENSUS_CONFIRM_HOURS`` or more later, decides it; one that finds the article there
**clears** it. A census in which more than ``KYIVIND_CENSUS_MAX_LOSS`` of the known articles are unlisted at
once decides nothing. Articles suspected, removed or moved are asked again at each census: one recorded removed
or moved that answers 200, or that the list names again, is **restored**. Events go to
``DATA_DIR/removals.jsonl`` (``removals.RemovalLog``); the database, the Atom feed, ``kyivind status`` and the
report read them there. ``verdict`` holds the decisions as pure functions; ``component.Census`` the requests.
"""

from kyivind.census.removals import REMOVALS_FILE, RemovalLog
from kyivind.census.verdict import CLEARED, MOVED, REMOVED, RESTORED, SUSPECTED, judge, to_check

__all__ = ["CLEARED", "MOVED", "REMOVALS_FILE", "REMOVED", "RESTORED", "SUSPECTED", "RemovalLog", "judge", "to_check"]
