"""The spider's arguments (``-a name=value``), declared once: type, default, description, validation.

The spider reads them through scrapy-spider-metadata (``Args[NewsfeedArgs]``), so Scrapy Cloud, Scrapyd
front ends and ``get_spider_metadata`` see the same declaration; the argument table of docs/operating.md is
``argument_table()`` (a test keeps the two equal).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from enum import Enum
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from kyivind.crawl.urls import redacted

TAG_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
TAG_MAX_LENGTH = 191  # Ghost keeps a tag's slug in a column of 191 characters: a longer one names no tag


class Source(str, Enum):
    auto = "auto"
    api = "api"
    html = "html"
    rss = "rss"
    wayback = "wayback"


class Mode(str, Enum):
    incremental = "incremental"
    backfill = "backfill"
    full = "full"


def _blank_to_none(value):
    return None if value is None or (isinstance(value, str) and not value.strip()) else value


class NewsfeedArgs(BaseModel):
    model_config = ConfigDict(extra="ignore", use_enum_values=True, validate_default=True)

    base_url: str | None = Field(None, description="where every request goes (a replica, a mirror); default: the site")
    site_url: str | None = Field(None, description="the public URL items carry; default `KYIVIND_SITE_URL`")
    tag: str = Field("news-feed", description="the tag to collect: walks `/tag/<tag>/`, asks the API for `tag:<tag>`")
    max_pages: int | None = Field(None, description="listing (or API) pages to walk at most; default: all")
    since: str | None = Field(None, description="ISO date: stop walking once the listing is older; skip older "
                                                "articles (API: a `published_at` filter)")
    source: Source = Field(Source.auto, description="`auto` (the Content API; when it is unusable, the HTML walk "
                                                    "with the RSS feed filling what pages lack; when the feed is "
                                                    "unusable too, the HTML walk alone), `api`, `rss` (the HTML walk "
                                                    "with the feed), `html` (the HTML walk alone), or `wayback` (each "
                                                    "article's captures in web archives, through `KYIVIND_CDX_URL`)")
    mode: Mode = Field(Mode.incremental, description="`incremental` (only new or edited), `backfill` (the whole "
                                                     "listing back to `since`, resumable with `JOBDIR`), `full`")
    render: bool | None = Field(None, description="`true`: listing pages (and article pages without a body) are "
                                                  "drawn in Chromium; default `KYIVIND_RENDER`")

    @field_validator("base_url", "site_url", mode="before")
    @classmethod
    def _http_url(cls, value, info):
        return _unless_blank(value, lambda text: _http_url(info.field_name, text))

    @field_validator("tag", mode="before")
    @classmethod
    def _tag(cls, value):
        return _tag_slug(_blank_to_none(value) or "news-feed")

    @field_validator("max_pages", mode="before")
    @classmethod
    def _positive_int(cls, value):
        return _unless_blank(value, _positive_int)

    @field_validator("since", mode="before")
    @classmethod
    def _since(cls, value):
        return _unless_blank(value, _utc_date)

    @field_validator("source", "mode", mode="before")
    @classmethod
    def _choice(cls, value, info):
        spec = cls.model_fields[info.field_name]
        return _unless_blank(value, lambda text: _choice(info.field_name, text, [c.value for c in spec.annotation])) \
            or spec.default

    @field_validator("render", mode="before")
    @classmethod
    def _flag(cls, value):
        return value if isinstance(value, bool) else _unless_blank(value, _flag)


# --- one parser per kind of value; each raises ValueError with the message the user sees --------------
def _unless_blank(value, parse):
    value = _blank_to_none(value)
    return None if value is None else parse(value)


def _http_url(name: str, value) -> str:
    text = str(value)
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 (a port that is no number raises here)
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{name} must be an http(s) URL such as https://kyivindependent.com, got {redacted(text)!r}")
    if parts.username is not None or parts.password is not None:  # it would reach file names, logs and summaries
        raise ValueError(f"{name} must not carry credentials (user:password@), got {redacted(text)!r}")
    return text.rstrip("/")


def _tag_slug(value) -> str:
    text = str(value).strip().strip("/").lower()
    if len(text) > TAG_MAX_LENGTH:
        raise ValueError(f"tag must be a tag slug of at most {TAG_MAX_LENGTH} characters (Ghost's limit), "
                         f"got one of {len(text)}: {text[:40]!r}…")
    if not TAG_SLUG.match(text):
        raise ValueError(f"tag must be a tag slug such as news-feed, got {value!r}")
    return text


def _positive_int(value) -> int:
    text = str(value).strip()
    if not text.isdigit() or int(text) < 1:
        raise ValueError(f"max_pages must be a positive whole number, got {value!r}")
    return int(text)


def _utc_date(value) -> str:
    """An ISO date or date-time, in UTC (a date is its midnight, a time without offset is UTC)."""
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = datetime.combine(date.fromisoformat(str(value)), datetime.min.time())
        except ValueError:
            raise ValueError(f"since must be an ISO date such as 2024-01-01, got {value!r}") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc).replace(microsecond=0).isoformat()


def _choice(name: str, value, choices: list[str]) -> str:
    text = str(getattr(value, "value", value)).strip().lower()
    if text not in choices:
        raise ValueError(f"{name} must be one of {', '.join(choices)}, got {value!r}")
    return text


def _flag(value) -> bool:
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"render must be true or false, got {value!r}")


# Spider attributes of Scrapy's and Scrapyd's that are passed with -a on purpose: accepted beside the declared
# arguments (docs/operating.md lists them); any other name is a bad argument.
SCRAPY_ARGUMENTS = {
    "_job": "Scrapyd's job ID (Scrapyd passes it to every run)",
    "_version": "the project version Scrapyd runs (passed when a schedule names one)",
    "user_agent": "the User-Agent header (UserAgentMiddleware), instead of USER_AGENT",
    "download_delay": "seconds between requests (deprecated by Scrapy for DOWNLOAD_DELAY, which it still reads)",
    "http_user": "HTTP Basic user for base_url (HttpAuthMiddleware, with http_pass and http_auth_domain)",
    "http_pass": "HTTP Basic password for base_url",
    "http_auth_domain": "the domain http_user and http_pass are sent to",
}


# Spider attributes Scrapy reads as numbers, which -a would give it as text (Scrapy fails on them): settings here
AS_SETTINGS = {"download_timeout": "DOWNLOAD_TIMEOUT", "download_maxsize": "DOWNLOAD_MAXSIZE",
               "download_warnsize": "DOWNLOAD_WARNSIZE", "max_concurrent_requests": "CONCURRENT_REQUESTS_PER_DOMAIN"}


def unknown_arguments(names) -> str | None:
    """The message for spider argument names that are neither declared nor Scrapy's own, each with the nearest
    known name; None when every name is known."""
    import difflib

    known = [*NewsfeedArgs.model_fields, *SCRAPY_ARGUMENTS]
    unknown = [name for name in names if name not in known]
    if not unknown:
        return None
    messages = []
    for name in unknown:
        if name in AS_SETTINGS:
            messages.append(f"{name!r} is no spider argument here: pass the setting -s {AS_SETTINGS[name]}=…")
            continue
        near = difflib.get_close_matches(str(name).lower(), known, n=1, cutoff=0.6)
        messages.append(f"unknown argument {name!r}" + (f" (did you mean {near[0]}?)" if near else ""))
    return "; ".join(messages) + f"; the arguments are {', '.join(NewsfeedArgs.model_fields)}"


def argument_problem(arguments: dict) -> str | None:
    """Why spider ``arguments`` (name: text) are bad, in one line (each unknown name, each bad value), or None.
    ``scrapy crawl``, ``kyivind reextract`` and ``kyivind schedule`` ask before a run starts, so that a typo is a
    usage error (exit 2) and not a failed run; the spider asks again for runs started otherwise."""
    problem = unknown_arguments(arguments)
    try:
        NewsfeedArgs(**arguments)
    except ValidationError as error:
        problem = "; ".join(filter(None, (describe_error(error), problem)))
    return problem


def describe_error(error: ValidationError) -> str:
    """One line for the log: the validators' own messages, joined."""
    messages = []
    for detail in error.errors():
        message = str(detail.get("ctx", {}).get("error") or detail.get("msg"))
        if not message.startswith(tuple(NewsfeedArgs.model_fields)):
            message = f"{'.'.join(str(p) for p in detail.get('loc', ()))}: {message}"
        messages.append(message)
    return "; ".join(messages)


def _default_text(name: str) -> str:
    default = NewsfeedArgs.model_fields[name].default
    default = getattr(default, "value", default)
    return "–" if default is None else f"`{default}`"


def argument_table() -> str:
    """The table of spider arguments in docs/operating.md, made from the declaration."""
    lines = ["| argument | default | meaning |", "| --- | --- | --- |"]
    for name, spec in NewsfeedArgs.model_fields.items():
        lines.append(f"| `{name}` | {_default_text(name)} | {spec.description} |")
    return "\n".join(lines)


def scrapy_argument_table() -> str:
    """The table of Scrapy's and Scrapyd's own spider attributes that -a also accepts, in docs/operating.md."""
    lines = ["| argument | what it sets |", "| --- | --- |"]
    lines += [f"| `{name}` | {meaning} |" for name, meaning in SCRAPY_ARGUMENTS.items()]
    return "\n".join(lines)
