"""The two addresses of a crawl: the site's public URL (what items carry) and ``base_url`` (where
requests go; a replica in tests, benchmarks and offline demos)."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from kyivind.extraction.util import with_host

DEFAULT_SITE_URL = "https://kyivindependent.com"
# The site's public, read-only Content API key (it is in every page the site serves); keys rotate,
# and a refused key is looked up again on the site's pages.
DEFAULT_CONTENT_KEY = "f19c122e3d36483beb01f3013a"


def as_reference(url: str) -> str:
    """``url`` as a reference to join: a path that starts with ``//`` or a backslash stays a path on the site
    (``//elsewhere.example/a`` would name another host, and browsers read ``/\\host`` the same way)."""
    if url[:1] in ("/", "\\") and url[1:2] in ("/", "\\"):
        return "/" + url.lstrip("/\\")
    return url


# URLs whose fetch and public forms are remembered: a crawl asks for the same ones several times an article (the
# address reached, its archive record, the item's URL, its authors, its links), 72% of public_url's calls
URLS_REMEMBERED = 4096


class SiteUrls:
    def __init__(self, site_url: str, base_url: str | None = None):
        self.site_url = site_url.rstrip("/")
        self.base_url = (base_url or site_url).rstrip("/")
        self.site_host = urlsplit(self.site_url).netloc
        self.base_host = urlsplit(self.base_url).netloc
        self.hosts = frozenset({self.site_host, self.base_host, f"www.{self.site_host}"})
        self.fetch_url = lru_cache(maxsize=URLS_REMEMBERED)(self._fetch_url)
        self.public_url = lru_cache(maxsize=URLS_REMEMBERED)(self._public_url)

    def _fetch_url(self, url: str) -> str:
        """Where to request ``url``: the canonical host's URLs are requested on ``base_url``."""
        url = urljoin(self.base_url + "/", as_reference(url))
        return with_host(url, self.base_url) if urlsplit(url).netloc in self.hosts else url

    def _public_url(self, url: str) -> str:
        """The canonical public URL of something fetched from ``base_url``."""
        url = urljoin(self.base_url + "/", as_reference(url))
        return with_host(url, self.site_url) if urlsplit(url).netloc in self.hosts else url

    def state_suffix(self) -> str:
        """'' for the site itself; '-<host>' for another base_url (a replica or mirror keeps its own state)."""
        if self.base_host == self.site_host:
            return ""
        return "-" + "".join(c if c.isalnum() else "_" for c in self.base_host)

    def on_site(self, url: str) -> bool:
        return urlsplit(url).netloc in self.hosts


def split_credentials(url: str) -> tuple[str, str | None, str | None]:
    """(the URL without ``user:password@``, the user, the password): credentials travel in a header, never
    in a URL that is logged, printed or written into a file name."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url, None, None
    host = (parts.hostname or "") + (f":{parts.port}" if parts.port else "")
    return (urlunsplit(parts._replace(netloc=host)), unquote(parts.username or ""),
            unquote(parts.password) if parts.password is not None else None)


def basic_authorization(user: str, password: str | None) -> str:
    """The value of an HTTP Basic ``Authorization`` header."""
    import base64

    return "Basic " + base64.b64encode(f"{user}:{password or ''}".encode()).decode()


def redacted(url: str) -> str:
    """The URL as it may be shown: any credentials in it (a user, a token in the user's place, a password)
    replaced by ``***``."""
    bare, user, password = split_credentials(url)
    if user is None and password is None:
        return url
    parts = urlsplit(bare)
    return urlunsplit(parts._replace(netloc=f"***@{parts.netloc}"))
