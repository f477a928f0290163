"""Schedule a ``newsfeed`` run on Scrapyd, unless one is still pending or running.

    kyivind schedule [--url URL] [--project kyivind] [--spider newsfeed] [--setting K=V] [--arg k=v]

Credentials come from the environment (``KYIVIND_SCRAPYD_USERNAME``, ``KYIVIND_SCRAPYD_PASSWORD``),
the Scrapyd URL from ``--url`` or ``KYIVIND_SCRAPYD_URL`` (default ``http://127.0.0.1:6800``), and the
data directory of the jobs from ``KYIVIND_DATA_DIR`` (passed as ``setting=KYIVIND_DATA_DIR=…`` so
that the state persists across jobs). A job is not scheduled while a run holds the data directory's lock
(a manual backfill, say). Exit codes: 0 scheduled or skipped, 1 Scrapyd unreachable or refused, 2 bad
arguments.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

from kyivind.arguments import argument_problem
from kyivind.crawl.urls import basic_authorization, redacted, split_credentials
from kyivind.state import lock


class ScrapydError(RuntimeError):
    pass


class Scrapyd:
    def __init__(self, url: str, username: str | None = None, password: str | None = None, timeout: float = 30):
        url, url_user, url_password = split_credentials(url)  # credentials in the URL: sent as a header
        username, password = username or url_user, password or url_password
        self.url = url.rstrip("/")  # never holds a password: it is printed in messages
        self.timeout = timeout
        self.headers = {}
        if username:
            self.headers["Authorization"] = basic_authorization(username, password)

    def call(self, endpoint: str, params: list[tuple[str, str]] | None = None, post: bool = False) -> dict:
        query = urllib.parse.urlencode(params or [])
        url = f"{self.url}/{endpoint}" + ("" if post or not query else f"?{query}")
        data = query.encode() if post else None
        request = urllib.request.Request(url, data=data, headers=self.headers, method="POST" if post else "GET")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                body = json.loads(answer.read().decode())
        except urllib.error.HTTPError as error:
            raise ScrapydError(f"{endpoint}: HTTP {error.code}" + (" (check the credentials)" if error.code == 401 else "")) from None
        except (urllib.error.URLError, OSError) as error:
            raise ScrapydError(f"Scrapyd at {self.url} cannot be reached: {error}") from None
        if body.get("status") != "ok":
            raise ScrapydError(f"{endpoint}: {body.get('message', body)}")
        return body

    def active_jobs(self, project: str, spider: str) -> list[dict]:
        jobs = self.call("listjobs.json", [("project", project)])
        return [dict(job, state=state) for state in ("pending", "running") for job in jobs.get(state, [])
                if job.get("spider") == spider]

    def schedule(self, project: str, spider: str, settings: list[str], args: list[str]) -> str:
        params = [("project", project), ("spider", spider)]
        params += [("setting", s) for s in settings]
        params += [tuple(a.split("=", 1)) for a in args]
        return self.call("schedule.json", params, post=True)["jobid"]


def _pair(value: str) -> str:
    if "=" not in value or value.startswith("="):
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {value!r}")
    return value


def authentication_is_off(url: str) -> bool:
    """True when Scrapyd answers without credentials: it runs with authentication off, which it does
    silently unless both SCRAPYD_USERNAME and SCRAPYD_PASSWORD are in its environment."""
    try:
        Scrapyd(split_credentials(url)[0]).call("daemonstatus.json")
    except ScrapydError:
        return False  # 401 (authentication on), or unreachable: the calls below say so
    return True


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--url", default=os.environ.get("KYIVIND_SCRAPYD_URL", "http://127.0.0.1:6800"),
                        help="Scrapyd's address (default KYIVIND_SCRAPYD_URL, else http://127.0.0.1:6800)")
    parser.add_argument("--project", default="kyivind", help="the Scrapyd project (default kyivind)")
    parser.add_argument("--spider", default="newsfeed", help="the spider to run (default newsfeed)")
    parser.add_argument("--setting", action="append", default=[], type=_pair,
                        help="Scrapy setting NAME=VALUE (repeatable)")
    parser.add_argument("--arg", action="append", default=[], type=_pair,
                        help="spider argument name=value (repeatable), checked before Scrapyd is asked")
    parser.add_argument("--allow-open-scrapyd", action="store_true",
                        help="schedule even when Scrapyd answers without credentials (anyone who reaches it can "
                             "deploy and run code)")


SPIDERS = ("newsfeed", "reextract")  # the project's spiders, whose arguments kyivind/arguments.py declares


def run(options: argparse.Namespace) -> int:
    if options.spider in SPIDERS:  # a typo is refused here, not found by a failed run and its alert
        problem = argument_problem(dict(arg.split("=", 1) for arg in options.arg))
        if problem:
            print(f"error: bad spider argument: {problem}; nothing scheduled", file=sys.stderr)
            return 2
    client = Scrapyd(options.url, os.environ.get("KYIVIND_SCRAPYD_USERNAME"), os.environ.get("KYIVIND_SCRAPYD_PASSWORD"))
    settings = list(options.setting)
    data_dir = os.environ.get("KYIVIND_DATA_DIR")
    if data_dir and not any(s.startswith("KYIVIND_DATA_DIR=") for s in settings):
        settings.append(f"KYIVIND_DATA_DIR={os.path.abspath(data_dir)}")
    if authentication_is_off(options.url):
        if not options.allow_open_scrapyd:
            print(f"error: Scrapyd at {redacted(options.url)} answers without credentials: its authentication is off "
                  "(set both SCRAPYD_USERNAME and SCRAPYD_PASSWORD in its environment); nothing scheduled "
                  "(--allow-open-scrapyd to schedule anyway)", file=sys.stderr)
            return 1
        print(f"WARNING: Scrapyd at {redacted(options.url)} answers without credentials: its authentication is off",
              file=sys.stderr)
    holder = lock.holder(data_dir) if data_dir else None
    if holder:
        print(f"skipped: the data directory {data_dir} is in use by another kyivind run (pid {holder})")
        return 0
    try:
        active = client.active_jobs(options.project, options.spider)
        if active:
            job = active[0]
            print(f"skipped: {options.spider} job {job['id']} is still {job['state']}")
            return 0
        job_id = client.schedule(options.project, options.spider, settings, options.arg)
    except ScrapydError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"scheduled: {options.spider} job {job_id}")
    return 0
