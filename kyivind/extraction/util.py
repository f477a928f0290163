"""Small pure helpers shared by the extraction layers: text, dates, URLs, images, captions."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from functools import lru_cache, wraps
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit


def kept(max_chars: int, maxsize: int):
    """Keep the answers of a pure function of a text (and other texts or None) for texts of at most ``max_chars``
    characters, the last ``maxsize`` of them: a site's pages repeat the same class strings, links, timestamps and
    author cards. A longer text, or an argument of another kind, is read each time; a text of lxml's (which holds
    its element) is kept as a plain copy, so no page's tree outlives it."""

    def wrap(function):
        cached = lru_cache(maxsize=maxsize)(function)

        @wraps(function)
        def call(text, *rest):
            if not isinstance(text, str) or len(text) > max_chars:
                return function(text, *rest)
            if not rest:  # most of them: one text
                return cached(str(text))
            for r in rest:
                if r is not None and not isinstance(r, str):
                    return function(text, *rest)
            return cached(str(text), *[None if r is None else str(r) for r in rest])

        return call

    return wrap


_SIZE_SEGMENT = re.compile(r"/size/w\d+(?:h\d+)?/|/format/\w+/")


def clean_text(value: str | None) -> str:
    """Collapse every run of whitespace (NBSP included) to one space and strip."""
    if not value:
        return ""
    return " ".join(value.split())  # str.split() splits on the same Unicode whitespace as re's \s, 7x faster


# C0 controls but tab and newline, DEL and the C1 controls: never part of text from the site (an escape in a title
# would reach a terminal as a command, and XML 1.0 cannot carry them: an Atom feed with one fails)
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def without_controls(value):
    """``value`` (text, or lists, dicts and dataclasses of it) without control characters but tab and newline."""
    if isinstance(value, str):
        return _CONTROLS.sub("", value) if _CONTROLS.search(value) else value
    if isinstance(value, list):
        return [without_controls(v) for v in value]
    if isinstance(value, dict):
        return {k: without_controls(v) for k, v in value.items()}
    if hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            setattr(value, name, without_controls(getattr(value, name)))
    return value


def shown(text: str) -> str:
    """Text as a terminal may show it: any control character but tab and newline written out (``\\x1b``), so that
    text from the site never reaches a terminal as a command (a window title, a clipboard write, a link)."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text) if _CONTROLS.search(text) else text


# elements that separate words: what sits on either side of them is not one word
_BREAKS = frozenset("br hr p div li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr td th figure section".split())


def text_within(el, breaks: frozenset, mark: str, skip: frozenset = frozenset()) -> str:
    """The text inside ``el`` in page order (its own tail left out), with ``mark`` before and after every
    element of ``breaks`` below it; an element of ``skip``, a comment or a processing instruction gives only
    its tail. One pass, a stack of child iterators (no recursion: any depth)."""
    parts: list[str] = []
    append = parts.append
    if el.text:
        append(el.text)
    stack = [(el, iter(el))]
    while stack:
        node, children = stack[-1]
        for child in children:
            tag = child.tag
            if not isinstance(tag, str) or tag in skip:
                if child.tail:
                    append(child.tail)
                continue
            if tag in breaks:
                append(mark)
            if child.text:
                append(child.text)
            if len(child):
                stack.append((child, iter(child)))
                break  # its children first; this loop goes on where it stopped when they are done
            if tag in breaks:
                append(mark)
            if child.tail:
                append(child.tail)
        else:
            stack.pop()
            if node is not el:
                if node.tag in breaks:
                    append(mark)
                if node.tail:
                    append(node.tail)
    return "".join(parts)


def inline_text(el) -> str:
    """The text of a block as a reader sees it: inline elements (links, emphasis) joined to the words
    around them without a space ("Ukrinform, citing", not "Ukrinform , citing"), a ``<br>`` or a nested
    block as a space; comments left out."""
    if not isinstance(el.tag, str):  # a comment: what follows it
        return clean_text(el.tail)
    if not len(el):
        return clean_text(el.text)
    return clean_text(text_within(el, _BREAKS, " "))


def none_if_empty(value):
    if value is None:
        return None
    if isinstance(value, str):
        value = clean_text(value)
    return value or None


@kept(max_chars=64, maxsize=1024)  # a timestamp is some 30 characters
def parse_datetime(value: str | None) -> str | None:
    """Parse an ISO 8601 timestamp and return it in UTC as ``YYYY-MM-DDTHH:MM:SS+00:00``.

    A timestamp without an offset is taken as UTC. Anything that is not a timestamp gives None. The answer for a
    text is kept: a page gives the same time in its JSON-LD, its metas and its byline.
    """
    return _parse_datetime(value)


def _parse_datetime(value: str | None) -> str | None:
    value = clean_text(value)
    if not value:
        return None
    candidate = value.replace("Z", "+00:00").replace("z", "+00:00")
    try:
        parsed = datetime.fromisoformat(candidate)
    except ValueError:
        try:
            from dateutil import parser as dateutil_parser

            parsed = dateutil_parser.isoparse(value)
        except (ValueError, OverflowError):
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc).replace(microsecond=0).isoformat()


def split_url(url: str):
    """``urlsplit(url)``, or None for an address that is no URL (``http://[x/``: an unclosed IPv6 host, which
    urllib refuses with ValueError)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


MAX_KEPT_HREF = 2048  # longer links are joined each time: the kept answers stay a few MiB at most


@lru_cache(maxsize=4096)
def _join_on_origin(origin: str, href: str) -> str:
    return urljoin(origin, href)


# a root-relative path, or an absolute http(s) URL with a host; no tab or line break (urlsplit drops them,
# which can make "/\t/x" protocol-relative)
_BASE_FREE = re.compile(r"(?:/(?!/)|https?://[^/?#\t\r\n])[^\t\r\n]*\Z")


def join_url(base: str | None, href: str) -> str | None:
    """``urljoin(base, href)``, or None for a link that is no URL (``http://[x/``: an unclosed IPv6 host).
    An absolute or root-relative ``href`` does not depend on the base's path, so its answer is kept per site
    (a crawl meets the same author, image and site links on every page)."""
    try:
        if base and len(href) <= MAX_KEPT_HREF and _BASE_FREE.match(href):
            parts = urlsplit(base)
            if parts.scheme and parts.netloc:
                return _join_on_origin(f"{parts.scheme}://{parts.netloc}/", href)
        return urljoin(base, href)
    except ValueError:
        return None


def _query_value(query: str, wanted: str) -> str | None:
    """The first non-empty value of the parameter ``wanted`` in a query string, decoded as ``parse_qs``
    decodes it (``+`` as a space), without decoding the other parameters."""
    for part in query.split("&"):
        name, equals, value = part.partition("=")
        if equals and value and unquote(name.replace("+", " ")) == wanted:
            return unquote(value.replace("+", " "))
    return None


def decode_image_url(src: str | None, page_url: str | None = None) -> str | None:
    """Turn an image source as found in a page into the asset URL.

    ``/_next/image?url=<encoded>&w=..`` (Next.js image optimiser) is decoded to the asset it serves;
    relative sources are resolved against the page; ``srcset`` style values keep their first URL.
    """
    src = clean_text(src)
    if not src or src.startswith("data:"):
        return None
    src = src.split(",")[0].strip().split(" ")[0]
    if "/_next/image" in src:
        # the query as urlsplit reads it (after the first "?", before the fragment), without its host checks
        target = _query_value(src.partition("#")[0].partition("?")[2], "url")
        if target:
            src = unquote(target)
    if page_url:
        src = join_url(page_url, src)
    return src


@kept(max_chars=MAX_KEPT_HREF, maxsize=4096)
def image_key(url: str | None) -> str | None:
    """A key that matches one image across its size variants (Ghost ``/size/w600/``) and hosts (kept per URL:
    a page asks for the key of its feature image several times, and a site shows the same avatars on every
    page)."""
    if not url:
        return None
    return _image_key(url)


def _image_key(url: str) -> str | None:
    parts = split_url(decode_image_url(url) or "")
    if parts is None:  # no image to match
        return None
    return _SIZE_SEGMENT.sub("/", parts.path) or None


_CREDIT = re.compile(r"^(?P<caption>.*?)\s*\((?P<credit>[^()]*)\)\s*\.?\s*$", re.S)


def split_caption(caption: str | None) -> tuple[str | None, str | None]:
    """Split the trailing parenthesis of a caption off as the credit.

    "Soldiers on Sept. 12, 2023. (Francis Farrell/The Kyiv Independent)" gives
    ("Soldiers on Sept. 12, 2023.", "Francis Farrell/The Kyiv Independent").
    """
    caption = clean_text(caption)
    if not caption:
        return None, None
    match = _CREDIT.match(caption)
    if not match or not match.group("credit").strip():
        return caption, None
    return none_if_empty(match.group("caption")), clean_text(match.group("credit"))


def url_path_slug(url: str | None) -> str | None:
    if not url:
        return None
    parts = [p for p in urlsplit(url).path.split("/") if p]
    return parts[-1] if parts else None


_AUTHOR_PATH = re.compile(r"/author/([^/?#]+)")


def author_slug_from_url(url: str | None) -> str | None:
    if not url:
        return None
    match = _AUTHOR_PATH.search(url)
    return match.group(1) if match else None


def with_host(url: str, site_url: str) -> str:
    """The same path and query on the scheme and host of ``site_url``."""
    parts = urlsplit(url)
    site = urlsplit(site_url)
    return urlunsplit((site.scheme, site.netloc, parts.path or "/", parts.query, ""))


# a match starts only where a run of digits starts (the look-behind after its first digit, (?<!\d)\d written so
# that the pattern opens with a digit: the search skips to the next digit in C instead of trying each position)
# and a run is tried once, not once per digit
READ_TIME = re.compile(r"(\d(?<!\d\d)\d*)\s*(?:-\s*)?min(?:ute)?s?\.?\s*read", re.I)
MAX_READ_TIME_DIGITS = 4  # "12345 min read" is no reading time (and a number of 8,000 digits is not parsed)


def parse_reading_time(text: str | None) -> int | None:
    match = READ_TIME.search(text or "")
    if not match or len(match.group(1)) > MAX_READ_TIME_DIGITS:
        return None
    return int(match.group(1))


def language_tag(value: str | None) -> str | None:
    """'en-US', 'en_US' and 'en' all give 'en'."""
    value = clean_text(value)
    if not value:
        return None
    return re.split(r"[-_]", value)[0].lower() or None


_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_CLOCK = r"(?:[,\s]+(?:at\s+)?\d{1,2}:\d{2}(?:\s*[AaPp]\.?\s?[Mm]\.?)?(?:\s*(?:UTC|GMT|Z))?)?"
_HAS_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_SAYS_UTC = re.compile(r"(?:UTC|GMT|Z)$")
DATE_ONLY = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")
TEXT_DATE = re.compile(rf"\b(?:{_MONTH}\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\.?,?\s+\d{{4}}){_CLOCK}", re.I)


def parse_text_date(text: str | None, timezone=None) -> str | None:
    """A date written for people ("May 21, 2025 8:41 PM", "18 Nov 2025"), in UTC. It is read in
    ``timezone`` (a ``zoneinfo.ZoneInfo``: the site's own, daylight saving included) unless it says UTC;
    without one, as UTC."""
    match = TEXT_DATE.search(text or "")
    if not match:
        return None
    from dateutil import parser as dateutil_parser

    try:
        parsed = dateutil_parser.parse(match.group(0).replace(" at ", " "), ignoretz=True)
    except (ValueError, OverflowError):
        return None
    if timezone is not None and not _SAYS_UTC.search(match.group(0).strip()):
        parsed = parsed.replace(tzinfo=timezone)
    return parse_datetime(parsed.isoformat())


def has_clock(text: str | None) -> bool:
    """Whether a date written for people also gives the time of day."""
    match = TEXT_DATE.search(text or "")
    return bool(match and _HAS_CLOCK.search(match.group(0)))
