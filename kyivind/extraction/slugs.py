"""What a slug is: ``[a-z0-9-]``, as Ghost makes them (lower case letters, digits and hyphens, at most 191
characters, its column's length), with at least one letter or digit. Every slug read from the site (a listing's
link, a sitemap's or a redirect's path, a Content API post, an author's link) is held to it, so nothing else (a
control character, a host, a path of several parts) can pass for one."""

from __future__ import annotations

import re

MAX_SLUG = 191
_SLUG = re.compile(r"[a-z0-9-]{1,191}")


def is_slug(text) -> bool:
    """Whether ``text`` is a slug as Ghost makes them."""
    return isinstance(text, str) and _SLUG.fullmatch(text) is not None and text.strip("-") != ""
