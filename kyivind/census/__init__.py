"""The census: which articles the site no longer lists, and what became of them.

At most once per ``KYIVIND_CENSUS_HOURS`` a run lists every article the site still has (the sitemaps, else the
Content API with only each post's URL), takes the known articles missing from that list, and asks each such
URL once, without following a redirect:

- 404, 410 or 451: **removed**;
- a redirect to another article: **moved** (the new address is crawled like any article);
- 200: still there, only unlisted: nothing is recorded;
- anything else (a 5xx, a timeout, a bot-challenge page, a redirect to a page that is no article): undecided,
  asked again next time.

An article recorded removed or moved that the list names again is **restored**. Events go to
``DATA_DIR/removals.jsonl`` (``removals.RemovalLog``); the database, the Atom feed, ``kyivind status`` and the
report read them there. ``verdict`` holds the decisions as pure functions; ``component.Census`` the requests.
"""

from kyivind.census.removals import REMOVALS_FILE, RemovalLog
from kyivind.census.verdict import MOVED, REMOVED, RESTORED, judge, to_check

__all__ = ["MOVED", "REMOVALS_FILE", "REMOVED", "RESTORED", "RemovalLog", "judge", "to_check"]
