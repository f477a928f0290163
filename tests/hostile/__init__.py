"""The hostile corpus: input a hostile or broken site, proxy or archive could give a run, each made by the
tests themselves (nothing here is copied from the site).

- ``text``: page, feed and archive text that makes a rule slow in the square of its length;
- ``site``: a replica that keeps a crawl going or looping (sitemaps, the Content API, the listing) or names
  an off-site canonical URL;
- ``warcs``: WARC files with gzip bombs, lying lengths and captures of other hosts.
- ``archive``: a web archive (CDX server and replay) whose rows and captures lie: control characters, dates that
  are none, addresses too long to be asked, pages of another article, redirects elsewhere.
"""
