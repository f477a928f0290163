"""Each article's history from web archives (``scrapy crawl newsfeed -a source=wayback``).

A CDX server (the Internet Archive's, Common Crawl's, any pywb) lists the captures of the site's URLs; each
distinct capture of an article is fetched raw from the archive (``<KYIVIND_WAYBACK_URL>/<timestamp>id_/<url>``)
and read by the same extraction as a live page. Pure parts, each testable alone:

- ``cdx``: the CDX query, and both answers it may get (the Internet Archive's array of arrays with a resume key,
  pywb's JSON lines), read within bounds;
- ``urls``: which archived URL is an article, and its canonical address today (old forms ``/news-feed/<slug>``,
  ``/uncategorized/<slug>/``, ``/national/<slug>/`` and short slugs included);
- ``plan``: the captures worth fetching, per article, in capture order (one per distinct digest, at most
  ``KYIVIND_WAYBACK_MAX_CAPTURES``);
- ``timeline``: where an archived version goes among the versions exported already, ordered by capture time.

The source itself is ``kyivind/sources/wayback.py``.
"""
