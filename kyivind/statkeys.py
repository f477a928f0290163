"""Every stats key kyivind writes, in one place: the code that writes a key and the code that reads it
(the run monitor, the summary, tests) use the same constant, so a rename cannot switch a check off.

All keys start with ``kyivind/``; the ones with a variable part are functions.
"""

from __future__ import annotations

# --- the run ---------------------------------------------------------------------------------
RUN_NAME = "kyivind/run_name"
ARGUMENT_ERROR = "kyivind/argument_error"
FAILED = "kyivind/failed"  # set to 1 by any component that finds the run failed: `scrapy crawl` exits 1
FAILED_REASONS = "kyivind/failed_reasons"
FATAL = "kyivind/fatal"  # why the run could not do its job (a list), set through kyivind.crawl.context.fail_run
DISK_FAULT = "kyivind/disk_fault"  # writes into the data directory that failed (a full disk)
FATAL_MORE = "kyivind/fatal_more"  # causes past the first MAX_PROBLEMS, counted only
ERRORS_LOGGED = "kyivind/errors_logged"  # ERROR lines logged by anything but the run monitor
FAILED_URLS = "kyivind/failed_urls"  # URLs listed in failed.jsonl at the end of the run
FAILED_RETRIED = "kyivind/failed/retried"
SOURCE_USED = "kyivind/source_used"
JOBDIR_DAMAGED = "kyivind/jobdir/damaged"  # a JOBDIR request queue set aside (see kyivind/crawl/jobdir.py)
TAG = "kyivind/tag"

# --- Content API -----------------------------------------------------------------------------
API_REQUESTS = "kyivind/api/requests"
API_PAGES = "kyivind/api/pages"
API_POSTS = "kyivind/api/posts"
API_NOT_A_POST = "kyivind/api/not_a_post"
API_UNUSABLE = "kyivind/api/unusable"
API_KEY_REDISCOVERED = "kyivind/api/key_rediscovered"
API_BAD_SLUG = "kyivind/api/bad_slug"  # a post with neither an article URL on the site nor a slug as Ghost makes them

# --- census (kyivind/census) ---------------------------------------------------------------------
CENSUS_RUNS = "kyivind/census/runs"  # a census was taken (the list was asked for)
CENSUS_NO_LIST = "kyivind/census/no_list"  # the site's list could not be read: nothing decided
CENSUS_UNLISTED = "kyivind/census/unlisted"  # known articles the list lacks, to be asked
CENSUS_REQUESTS = "kyivind/census/asked"  # unlisted articles asked
CENSUS_ALL_REQUESTS = "kyivind/census/requests"  # every request of the census, the list's included
CENSUS_UNDECIDED = "kyivind/census/not_recorded"  # asked, and still there or undecided
CENSUS_WAVE = "kyivind/census/wave"  # too many known articles unlisted at once: nothing decided


def census(status: str) -> str:
    """Census events recorded this run: ``suspected``, ``removed``, ``moved``, ``cleared``, ``restored``."""
    return f"kyivind/census/{status}"


# --- history from web archives (kyivind/history, kyivind/sources/wayback.py) ------------------------
WAYBACK_CDX_PAGES = "kyivind/wayback/cdx_pages"
WAYBACK_CDX_CAPTURES = "kyivind/wayback/cdx_captures"  # rows the CDX server listed
WAYBACK_CDX_BAD_LINES = "kyivind/wayback/cdx_bad_lines"
WAYBACK_ARTICLES = "kyivind/wayback/articles"  # articles with at least one capture to fetch
WAYBACK_REQUESTS = "kyivind/wayback/capture_requests"
WAYBACK_UNREADABLE = "kyivind/wayback/unreadable"  # a capture that answered no article
WAYBACK_OTHER_TAG = "kyivind/wayback/other_tag"  # an article of another tag, unknown to the state
WAYBACK_VERSIONS = "kyivind/wayback/versions"  # archived versions exported
WAYBACK_NOT_NEW = "kyivind/wayback/not_new"  # captures with the text of a neighbouring version
WAYBACK_IMPLAUSIBLE_TIME = "kyivind/wayback/implausible_time"  # answers dated in the future or before the site
WAYBACK_AFTER_LIVE = "kyivind/wayback/after_live"  # captures newer than kyivind's own fetch of the article: not placed
WAYBACK_STALE = "kyivind/wayback/stale"  # requests a killed run left in a JOBDIR queue: not followed
WAYBACK_ANSWERED = "kyivind/wayback/captures_answered"  # capture requests the archive answered (any status)
WAYBACK_LOST = "kyivind/wayback/lost"  # capture requests dropped before they were asked: asked again next run
WAYBACK_LEFT = "kyivind/wayback/captures_left"  # captures left to read (or to read again) when the run ended


def wayback_cdx_refused(reason: str) -> str:
    """CDX rows refused: ``control_characters`` in a field, a ``bad_timestamp``."""
    return f"kyivind/wayback/cdx_refused/{reason}"


def wayback_refused(reason: str) -> str:
    """Captures an earlier run planned that cannot be asked (``bad_timestamp``, ``control_characters``,
    ``url_too_long``): set aside for good."""
    return f"kyivind/wayback/refused/{reason}"


def wayback_unreadable(reason: str) -> str:
    """Captures that gave no version, by why: ``answered_404``, ``no_article``, ``other_article``, ``failed``…"""
    return f"kyivind/wayback/unreadable/{reason}"


def wayback_skipped(reason: str) -> str:
    """CDX rows not fetched: ``not_article``, ``not_html``, ``not_200``, ``same_digest``, ``over_limit``…"""
    return f"kyivind/wayback/skipped/{reason}"


# --- listing walk ----------------------------------------------------------------------------
LISTING_PAGES = "kyivind/listing/pages"
LISTING_CARDS = "kyivind/listing/cards"
LISTING_EMPTY = "kyivind/listing/empty"
LISTING_END_404 = "kyivind/listing/end_404"
LISTING_FAILED = "kyivind/listing/failed"
LISTING_OFF_SITE_LINK = "kyivind/listing/off_site_link"
LISTING_DUPLICATE_CARD = "kyivind/listing/duplicate_card"
SINCE_SKIPPED_CARDS = "kyivind/since/skipped_cards"
SINCE_SKIPPED_ARTICLES = "kyivind/since/skipped_articles"

# --- rendering -------------------------------------------------------------------------------
RENDER_LISTING_PAGES = "kyivind/render/listing_pages"
RENDER_SHOW_MORE_CLICKS = "kyivind/render/show_more_clicks"
RENDER_CLICK_BOUND_REACHED = "kyivind/render/click_bound_reached"
RENDER_ARTICLES = "kyivind/render/articles"
RENDER_FAILED = "kyivind/render/failed"

# --- articles and pages ----------------------------------------------------------------------
ARTICLE_REQUESTED = "kyivind/article/requested"  # promised by the listing, the sitemap or the API
ARTICLE_RESPONSES = "kyivind/article/responses"
ARTICLE_NOT_AN_ARTICLE = "kyivind/article/not_an_article"
ARTICLE_LOST = "kyivind/article/lost"
PAGE_CHALLENGE = "kyivind/page/challenge"
PAGE_TRUNCATED = "kyivind/page/truncated"
PAGE_NOT_HTML = "kyivind/page/not_html"
PAGE_CHARSET_FIXED = "kyivind/page/charset_fixed"


def article_failed(kind: str) -> str:
    return f"kyivind/article/failed/{kind}"


def article_http(status: int) -> str:
    return f"kyivind/article/http_{status}"


def page_problem(problem: str) -> str:
    return f"kyivind/page/{problem}"


# --- fields ----------------------------------------------------------------------------------
FIELD_PREFIX = "kyivind/field/"


def field_source(name: str, source: str) -> str:
    """Items whose field ``name`` came from ``source`` (an extraction layer, ``api``, ...)."""
    return f"{FIELD_PREFIX}{name}/{source}"


def field_missing(name: str) -> str:
    return field_source(name, "missing")


def field_future(name: str) -> str:
    return field_source(name, "future")


# --- incremental runs ------------------------------------------------------------------------
INCREMENTAL_KNOWN_CARDS = "kyivind/incremental/known_cards"
INCREMENTAL_UNCHANGED = "kyivind/incremental/unchanged"
INCREMENTAL_EDITED = "kyivind/incremental/edited"
INCREMENTAL_OLDER_CAPTURE = "kyivind/incremental/older_capture"  # read from an answer older than the last version's
INCREMENTAL_EDITED_CANDIDATES = "kyivind/incremental/edited_candidates"
INCREMENTAL_NO_SITEMAP = "kyivind/incremental/no_sitemap"
STATE_RECORDED = "kyivind/state/recorded"
STATE_ARTICLES = "kyivind/state/articles"  # articles the state knows as the run ends (kyivind status reads it)
STATE_NOT_RECORDED = "kyivind/state/not_recorded"  # exported to feeds that then failed to store

# --- authors ---------------------------------------------------------------------------------
AUTHOR_PAGE_REQUESTS = "kyivind/author_page/requests"
AUTHOR_PAGE_FROM_STATE = "kyivind/author_page/from_state"
AUTHOR_PAGE_FAILED = "kyivind/author_page/failed"
AUTHOR_PAGE_BAD_SLUG = "kyivind/author_page/bad_slug"  # an author whose slug is none as Ghost makes them: page not asked
AUTHORBIO_AUTHORS = "kyivind/authorbio/authors"
AUTHORBIO_NO_ROLE = "kyivind/authorbio/no_role"
AUTHORBIO_NO_BIO = "kyivind/authorbio/no_bio"

# --- pipelines -------------------------------------------------------------------------------
VALIDATION_VALID = "kyivind/validation/valid"
VALIDATION_DROPPED = "kyivind/validation/dropped"
VALIDATION_INVALID_PREFIX = "kyivind/validation/invalid/"


def validation_invalid(name: str) -> str:
    return f"{VALIDATION_INVALID_PREFIX}{name}"


DEDUP_DUPLICATE = "kyivind/dedup/duplicate"
EXPORT_ITEMS = "kyivind/export/items"
EXPORT_FILE = "kyivind/export/file"
EXPORT_RECOVERED_ITEMS = "kyivind/export/recovered_items"
EXPORT_RECOVERED_CUT_LINES = "kyivind/export/recovered_cut_lines"

# --- downloader ------------------------------------------------------------------------------
OFFSITE_DROPPED = "kyivind/offsite/dropped"
OFF_SITE_CANONICAL = "kyivind/offsite/canonical"  # a canonical link (or API post URL) off the site: not the item's URL
CONTROL_CHARACTERS = "kyivind/page/control_characters"  # fields whose control characters were taken out
OFF_SITE_ITEM = "kyivind/offsite/item"  # an item whose URL would not be on the site: not exported


def retry_http(status: int) -> str:
    return f"kyivind/retry/http_{status}"

# --- archive and re-extraction (kyivind/archive/writer.py, kyivind/archive/replay.py) -------------------------
ARCHIVE_FILE = "kyivind/archive/file"
ARCHIVE_BYTES = "kyivind/archive/bytes"
ARCHIVE_RESPONSES = "kyivind/archive/responses"
ARCHIVE_WRITE_FAILED = "kyivind/archive/write_failed"
ARCHIVE_UNSAFE_HEADER = "kyivind/archive/unsafe_header"  # answers not kept: a header value held a CR or LF
REPLAY_RECORDS = "kyivind/replay/records"  # WARC records read
REPLAY_CAPTURES = "kyivind/replay/article_captures"  # article captures re-extracted (the latest of each URL)
REPLAY_SUPERSEDED = "kyivind/replay/superseded"  # older captures of a URL, not read
REPLAY_GARBLED = "kyivind/replay/garbled"  # truncated or unreadable records, reported and skipped
REPLAY_NOT_ARCHIVED = "kyivind/replay/not_archived"  # requests (an author page) with no capture: answered 404
REPLAY_RENDER_SKIPPED = "kyivind/replay/render_skipped"  # a page that needed the browser, with no rendered capture

# --- what pages without structured data lack (kyivind/sources/rss.py) ---------------------------
RSS_REQUESTS = "kyivind/rss/requests"
RSS_PAGES = "kyivind/rss/pages"
RSS_UNUSABLE = "kyivind/rss/unusable"  # why the feed could not be used (the run goes on with the pages)
SITEMAP_LASTMOD_REQUESTS = "kyivind/sitemap/lastmod_requests"

# --- bounds: a loop or limit that stopped what hostile or broken input would make endless ---------------
BOUND_PREFIX = "kyivind/bound/"


def bound(name: str) -> str:
    """Times the bound ``name`` stopped something (a sitemap cycle, an API page that repeats, the deadline...)."""
    return f"{BOUND_PREFIX}{name}"


ALERT_FAILED = "kyivind/alert/failed"  # alerts that could not be delivered (each an ERROR line with its reason)
REPLAY_WEB_ARCHIVE = "kyivind/replay/web_archive"  # captures a history run fetched from a web archive: not re-read
REPLAY_OFF_SITE = "kyivind/replay/off_site"  # archived answers of another host: never an article's capture
REPLAY_OVERSIZED = "kyivind/replay/oversized"  # archived answers over DOWNLOAD_MAXSIZE once decoded: skipped
REPLAY_IMPLAUSIBLE_DATE = "kyivind/replay/implausible_date"  # WARC-Dates in the future, before the site, or none
REPLAY_AFTER_LIVE = "kyivind/replay/after_live"  # captures made elsewhere, newer than kyivind's own fetch: not read
