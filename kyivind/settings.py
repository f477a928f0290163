"""Settings of the kyivind project, grouped. Secrets and per-machine values come from the
environment only (``KYIVIND_*``); nothing secret is written here."""

import os

from scrapy.settings import default_settings as _scrapy_defaults

from kyivind.crawl.urls import DEFAULT_CONTENT_KEY, DEFAULT_SITE_URL
from kyivind.items import FIELDS

# --- Project --------------------------------------------------------------------------------
BOT_NAME = "kyivind"
SPIDER_MODULES = ["kyivind.spiders"]
NEWSPIDER_MODULE = "kyivind.spiders"
COMMANDS_MODULE = "kyivind.commands"  # crawl exits non-zero when a run fails

# --- The site -------------------------------------------------------------------------------
# The public address written into items. Requests go to the spider's ``base_url`` argument,
# which defaults to this.
KYIVIND_SITE_URL = os.environ.get("KYIVIND_SITE_URL", DEFAULT_SITE_URL)
# Ghost Content API key: public and read-only, yet taken from the environment like any credential.
KYIVIND_CONTENT_API_KEY = os.environ.get("KYIVIND_CONTENT_API_KEY", DEFAULT_CONTENT_KEY)
# The Content API does not give a post's language; the site publishes in English.
KYIVIND_DEFAULT_LANGUAGE = "en"

# The tag to collect is the spider argument `tag` (kyivind/arguments.py; default news-feed).
# The site's time zone: times a page writes out for people ("April 5, 2025 1:28 PM") are read in it.
KYIVIND_SITE_TIMEZONE = os.environ.get("KYIVIND_SITE_TIMEZONE", "Europe/Kyiv")

# --- Output and run state -------------------------------------------------------------------
KYIVIND_DATA_DIR = os.environ.get("KYIVIND_DATA_DIR", "data")
KYIVIND_EXPORT_ENABLED = True
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = list(FIELDS)  # -O file.jsonl writes the contract's fields in its order

ITEM_PIPELINES = {
    "kyivind.pipelines.validation.ValidationPipeline": 100,
    "kyivind.pipelines.dedup.DedupPipeline": 200,
    "kyivind.pipelines.authorbio.AuthorBioPipeline": 300,
    "kyivind.pipelines.version.VersionPipeline": 400,  # new, edited (version + 1) or unchanged (dropped)
    "kyivind.pipelines.export.JsonLinesExportPipeline": 900,
    "kyivind.pipelines.record.StatePipeline": 950,  # after export: an article is seen once it is in the feed
}

# --- Raw archive (kyivind/archive/writer.py) and re-extraction (kyivind/archive/replay.py, `kyivind reextract`) ------
KYIVIND_ARCHIVE = os.environ.get("KYIVIND_ARCHIVE", "1") != "0"  # WARC of every answer; KYIVIND_ARCHIVE=0: none
# each record is its own gzip member, compressed by ISA-L (levels 0 to 3, a higher one is taken as 3): on a 9 KiB
# page level 1 takes 0.019 ms for as few bytes as zlib's level 3 made in 0.074 ms; warcio's own zlib level 9
# took 3.1 ms on a 200 KiB page (bench/bench_reextract.py)
KYIVIND_ARCHIVE_GZIP_LEVEL = 1
KYIVIND_REPLAY = False  # set by the reextract spider: answers come from the archive, never from the network
KYIVIND_REPLAY_WARCS = []  # more WARC files or folders to read (other archivers' captures), besides DATA_DIR/archive
# the analysts' database (kyivind db) brought up to date at the end of every crawl
KYIVIND_DB_AFTER_CRAWL = os.environ.get("KYIVIND_DB_AFTER_CRAWL", "") == "1"

# --- Incremental runs ------------------------------------------------------------------------
KYIVIND_STATE_ENABLED = True  # state.sqlite in KYIVIND_DATA_DIR
# exported articles' rows committed together, every this many articles or seconds, and at the close (kyivind/state/store.py)
KYIVIND_STATE_COMMIT_EVERY = 100
KYIVIND_STATE_COMMIT_SECONDS = 1.0
# set by `scrapy crawl` when the data directory cannot be written (read-only, full): the run only fails and alerts
KYIVIND_DATA_DIR_FAULT = None
# MiB a run needs free on the data directory's disk, or it fails before it starts (0: no check)
KYIVIND_MIN_FREE_MB = float(os.environ.get("KYIVIND_MIN_FREE_MB", "50"))
KYIVIND_INCREMENTAL_OVERLAP_PAGES = 1  # all-known listing pages walked before the walk stops
KYIVIND_SITEMAP_PATH = "/sitemap-posts.xml"  # lastmod of every post: how edits are found (and modified_at)
KYIVIND_RSS_MAX_PAGES = 40  # RSS pages (15 posts each) read at most in a run, filling what pages lack
KYIVIND_AUTHOR_MAX_AGE_DAYS = 30  # an author page is fetched again when older than this

# --- Census: removed and moved articles (kyivind/census) ---------------------------------------
# hours between two censuses of the known articles the site no longer lists (0: every run; -1: never)
KYIVIND_CENSUS_HOURS = float(os.environ.get("KYIVIND_CENSUS_HOURS", "24"))
KYIVIND_CENSUS_MAX_CHECKS = 200  # unlisted articles asked in one run at most (a WARNING; the rest next run)
KYIVIND_CENSUS_MAX_API_PAGES = 400  # Content API pages of 100 URLs read for the list when no sitemap answers
# a removal or move is decided on a second answer at least this many hours after the first (suspected until then)
KYIVIND_CENSUS_CONFIRM_HOURS = float(os.environ.get("KYIVIND_CENSUS_CONFIRM_HOURS", "6"))
# a census in which more than this share of the known articles (and more than 5) are unlisted decides nothing
KYIVIND_CENSUS_MAX_LOSS = float(os.environ.get("KYIVIND_CENSUS_MAX_LOSS", "0.2"))
# minutes a census may take, its list and its requests (Retry-After is not honoured there); the rest next run
KYIVIND_CENSUS_MAX_MINUTES = float(os.environ.get("KYIVIND_CENSUS_MAX_MINUTES", "10"))
# URLs the list may hold: this many times the known articles, and never fewer than KYIVIND_CENSUS_MIN_LISTED
KYIVIND_CENSUS_LISTED_FACTOR = 10
KYIVIND_CENSUS_MIN_LISTED = 100_000

# --- History from web archives (-a source=wayback; kyivind/history) --------------------------------
# a CDX server (the Internet Archive's, or any pywb's /<collection>/cdx) and where it serves captures raw
KYIVIND_CDX_URL = os.environ.get("KYIVIND_CDX_URL", "https://web.archive.org/cdx/search/cdx")
KYIVIND_WAYBACK_URL = os.environ.get("KYIVIND_WAYBACK_URL", "https://web.archive.org/web")
KYIVIND_WAYBACK_DELAY = 1.0  # seconds between two requests to the archive (one at a time)
KYIVIND_CDX_PAGE_SIZE = 5000  # CDX rows a request (the Internet Archive pages on with a resume key)
KYIVIND_CDX_MAX_PAGES = 200  # CDX pages a run reads at most (a WARNING and a failed run past it)
KYIVIND_WAYBACK_MAX_CAPTURES = 20  # distinct captures fetched per article at most: the first, the last, spread
KYIVIND_WAYBACK_CHAINS = 2  # articles whose captures are read at a time (each article's in capture order)

# --- Politeness -----------------------------------------------------------------------------
_CONTACT = os.environ.get("KYIVIND_CONTACT", "https://github.com/kyivind/kyivind")
USER_AGENT = f"kyivind/0.1 (+{_CONTACT})"
ROBOTSTXT_OBEY = True
# Ghost's robots.txt disallows /ghost/ (its admin). The Content API below it is the public, read-only
# interface Ghost documents for programs; True makes a disallowed API a reason to use the HTML walk.
KYIVIND_API_OBEYS_ROBOTS = False
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 30

# --- Bounds: no input keeps a run going, looping or growing without end ---------------------------
# a run still going after this many minutes stops cleanly and fails (exit 1, alerts); its feeds and state are
# stored and a JOBDIR resumes it. A backfill of the whole News Feed through the HTML walk at the polite rate
# below takes a few hours; 0 switches the deadline off.
KYIVIND_MAX_RUN_MINUTES = float(os.environ.get("KYIVIND_MAX_RUN_MINUTES", "720"))
# a loop that reaches one of these ends with a WARNING `Bound reached (…)`; where that leaves the run short, it fails
KYIVIND_SITEMAP_MAX_DEPTH = 2  # sitemap indexes below the first one, at most (Ghost: one index, one level)
KYIVIND_SITEMAP_MAX_FILES = 200  # sitemap files a run reads at most (Ghost: one per 1,000 posts)
KYIVIND_MAX_LISTING_PAGES = 10000  # listing pages walked at most (a backfill of the whole News Feed needs fewer)
KYIVIND_MAX_AUTHOR_PAGES = 1000  # author pages a run fetches at most (the site has a few hundred authors)

# --- Faults ---------------------------------------------------------------------------------
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
# an article given up on is a WARNING (and a line of failed.jsonl); the run's ERROR lines are kept for causes
# that make the run fail (kyivind/monitoring/summary.py)
RETRY_GIVE_UP_LOG_LEVEL = "WARNING"
KYIVIND_RETRY_BACKOFF_BASE = 1.0  # seconds before the first retry, doubled each time…
KYIVIND_RETRY_MAX_DELAY = 60.0  # …and never more than this, Retry-After included
REDIRECT_MAX_TIMES = 5  # a redirect loop ends here, counted and listed in failed.jsonl
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024  # an answer larger than this is cancelled
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
KYIVIND_FAILED_MAX_ATTEMPTS = 5  # runs that retry a URL of failed.jsonl before leaving it to a person
KYIVIND_FAILED_SAVE = True  # failed.jsonl is written at the close (not by a re-extraction)
DOWNLOADER_MIDDLEWARES = {
    "kyivind.archive.replay.ReplayMiddleware": 40,  # `kyivind reextract`: every answer from the archive, none from the net
    "kyivind.archive.writer.WarcArchive": 45,  # every answer, as the spider gets it, into DATA_DIR/archive/<run>.warc.gz
    "kyivind.crawl.middlewares.SiteOnlyMiddleware": 50,  # no request leaves the site's host
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "kyivind.crawl.middlewares.BackoffRetryMiddleware": 550,
}

# --- Components shared by the spider, the sources and the pipelines -------------------------------
# built from the settings in their own from_crawler; the run monitor (below) comes after them, so that
# what they count at the close is in the summary
EXTENSIONS = {
    "kyivind.crawl.deadline.RunDeadline": 40,  # KYIVIND_MAX_RUN_MINUTES: a run that goes on too long stops cleanly
    "kyivind.crawl.jobdir.JobdirCheck": 50,  # a JOBDIR queue damaged by a killed run is set aside before the scheduler reads it
    "kyivind.state.incremental.Incremental": 100,  # owns state.sqlite: what is known, versions, author profiles
    "kyivind.state.failures.FailureLog": 110,  # failed.jsonl: articles that gave no item, retried next run
    "kyivind.archive.replay.Replay": 120,  # the archive's index, in a re-extraction run only (kyivind reextract)
    "kyivind.outputs.after_crawl.DatabaseAfterCrawl": 400,  # KYIVIND_DB_AFTER_CRAWL=1: kyivind.db updated as the run ends
    "kyivind.monitoring.summary.RunMonitor": 500,  # items, fields and ERROR lines for the checks
    "kyivind.monitoring.checks.RunChecks": 510,  # Spidermon's runner: the end-of-run checks, the summary, the alerts
}

# --- Monitoring: a loud failure when extraction breaks -------------------------------------------
# least share of items that must have each field; below it the run logs ERROR and exits 1
# (Scrapy's _BASE idiom: -s KYIVIND_COVERAGE_THRESHOLDS='{"image": 0.5}' adds to these, "title": 0 lifts one)
KYIVIND_COVERAGE_THRESHOLDS_BASE = {"title": 1.0, "published_at": 0.95, "body_text": 1.0, "authors": 0.9}
KYIVIND_COVERAGE_THRESHOLDS = {}
KYIVIND_MAX_EMPTY_PAGE_RATIO = 0.1  # article pages answering 200 without an article
KYIVIND_MAX_DROPPED_RATIO = 0.1  # items dropped by validation
SPIDERMON_ENABLED = True
# the checks run when the engine stops: after the spider closed and the feeds (FEEDS) were stored, so that
# a feed that fails to store fails the run too
SPIDERMON_ENGINE_STOP_MONITORS = ["kyivind.monitoring.checks.RunSuite"]

# --- Alerts: on every failed run, and once on the first good run after failures --------------------
# Each channel is on when its settings are set (in the environment: no secret is written here). Spidermon's
# own settings: e-mail through SMTP, Slack, Telegram, Discord; and a generic JSON webhook of kyivind's.
_ENVIRONMENT_SETTINGS = (
    "SPIDERMON_EMAIL_TO", "SPIDERMON_EMAIL_SENDER", "SPIDERMON_SMTP_HOST", "SPIDERMON_SMTP_PORT",
    "SPIDERMON_SMTP_USER", "SPIDERMON_SMTP_PASSWORD", "SPIDERMON_SMTP_ENFORCE_TLS",
    "SPIDERMON_SLACK_SENDER_TOKEN", "SPIDERMON_SLACK_SENDER_NAME", "SPIDERMON_SLACK_RECIPIENTS",
    "SPIDERMON_TELEGRAM_SENDER_TOKEN", "SPIDERMON_TELEGRAM_RECIPIENTS", "SPIDERMON_DISCORD_WEBHOOK_URL",
    "KYIVIND_ALERT_WEBHOOK",
)
globals().update({name: os.environ[name] for name in _ENVIRONMENT_SETTINGS if os.environ.get(name)})
SPIDERMON_EMAIL_SUBJECT = "kyivind: News Feed run report"
SPIDERMON_EMAIL_SENDER = os.environ.get("SPIDERMON_EMAIL_SENDER", "kyivind@localhost")

# --- Safety: no remote control, no telnet ----------------------------------------------------
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
# not even loaded: its module imports aiohttp (90 ms of every start) before it sees REMOTE_CONTROL_ENABLED, and a
# key set to None in EXTENSIONS is imported too
EXTENSIONS_BASE = {name: order for name, order in _scrapy_defaults.EXTENSIONS_BASE.items()
                   if name != "scrapy.extensions.remote_control.RemoteControl"}

# --- Engine ---------------------------------------------------------------------------------
# Scrapy hands each callback's output to CONCURRENT_ITEMS asyncio workers (100 by default), created anew
# for every response; a page gives one item here and the pipelines are synchronous, so one worker does
# the same work without 100 tasks per article.
CONCURRENT_ITEMS = 1
STATS_CLASS = "kyivind.crawl.stats.RunStats"  # Scrapy's memory stats, each call unwrapped (kyivind/crawl/stats.py)
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = os.environ.get("KYIVIND_LOG_LEVEL", "INFO")

# --- Browser rendering (scrapy-playwright; off unless -a render=true) ------------------------------
KYIVIND_RENDER = os.environ.get("KYIVIND_RENDER", "") == "1"
KYIVIND_CHROMIUM_PATH = os.environ.get("KYIVIND_CHROMIUM_PATH", "/usr/bin/chromium")  # Debian's Chromium
KYIVIND_RENDER_MAX_CLICKS = 50  # "Show More" clicks per listing page at most (logged when reached)
KYIVIND_RENDER_MAX_PAGES = 2  # browser tabs open at once

# --- Development ----------------------------------------------------------------------------
# KYIVIND_HTTPCACHE=1 keeps every answer under .scrapy/httpcache for offline re-runs.
HTTPCACHE_ENABLED = os.environ.get("KYIVIND_HTTPCACHE", "") == "1"
HTTPCACHE_EXPIRATION_SECS = 0
