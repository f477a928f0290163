"""The command line on plausible mistakes: one line on stderr and exit 2, never a traceback; a bad spider
argument is a usage error before the run; one set of conventions across the subcommands.

The behaviour a user sees here is an exit status and what stderr says, so these tests run the real
``kyivind`` and ``scrapy crawl`` in subprocesses."""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from kyivind import __version__
from kyivind.cli import build_parser
from tests.conftest import ROOT, free_port, kyivind, run_crawl

ARTICLE = {"url": "https://kyivindependent.com/d/", "slug": "d", "version": 1, "title": "Drone attack on Odesa",
           "body_text": "Odesa was hit.", "published_at": "2025-11-01T00:00:00+00:00", "tags": ["News Feed"],
           "authors": [], "links": [], "embeds": [], "fetched_at": "2026-12-01T00:00:00+00:00"}


CLOSED_PIPE = 128 + signal.SIGPIPE  # the status of a command whose reader went away, as the shell reports one


def data_dir(tmp_path: Path, archive: bool = False) -> Path:
    """A data directory with one feed of one article (and an empty archive/ folder)."""
    data = tmp_path / "data"
    (data / "feeds").mkdir(parents=True)
    (data / "feeds" / "newsfeed-1.jsonl").write_text(json.dumps(ARTICLE) + "\n")
    if archive:
        (data / "archive").mkdir()
    return data


def files_of(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*")} if folder.exists() else set()


def one_error_line(done: subprocess.CompletedProcess) -> str:
    """The run's stderr, which must be one ``error:`` line and no traceback; that line."""
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    return lines[0]


def without_data_dir() -> dict:
    return {k: v for k, v in os.environ.items() if k != "KYIVIND_DATA_DIR"}


# --- paths a user gives: one line, exit 2 ---------------------------------------------------------------
@pytest.mark.parametrize("command", ["db", "serve"])
def test_a_feed_file_where_a_data_directory_is_wanted_is_one_line(tmp_path, command):
    data = data_dir(tmp_path)
    feed = data / "feeds" / "newsfeed-1.jsonl"
    before = files_of(data)
    done = kyivind(command, str(feed), *(["--port", str(free_port())] if command == "serve" else []))
    assert done.returncode == 2, (done.stdout, done.stderr)
    line = one_error_line(done)
    assert str(feed) in line and "feed file" in line and str(data) in line, "names the directory to give instead"
    assert files_of(data) == before and done.stdout == ""


@pytest.mark.parametrize("command", [("merge",), ("export", "--format", "parquet"), ("db",)])
def test_a_file_to_write_given_as_a_directory_is_one_line(tmp_path, command):
    data = data_dir(tmp_path)
    before = files_of(data)
    done = kyivind(command[0], str(data), *command[1:], "-o", str(data))
    assert done.returncode == 2, (done.stdout, done.stderr)
    line = one_error_line(done)
    assert f"-o {data} is a directory: kyivind {command[0]} writes one file" in line
    assert files_of(data) == before


def test_merge_never_writes_over_a_feed_it_reads(tmp_path):
    data = data_dir(tmp_path)
    feed = data / "feeds" / "newsfeed-1.jsonl"
    before = feed.read_bytes()
    done = kyivind("merge", str(data), "-o", str(feed))
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "is one of the feeds it reads" in one_error_line(done)
    assert feed.read_bytes() == before


@pytest.mark.parametrize("where", ["/proc/x", "FILE/report"])
def test_a_report_folder_that_cannot_be_made_is_one_line(tmp_path, where):
    data = data_dir(tmp_path)
    (tmp_path / "a-file").write_text("not a folder")
    out = where.replace("FILE", str(tmp_path / "a-file"))
    done = kyivind("report", str(data), "-o", out)
    assert done.returncode == 2, (done.stdout, done.stderr)
    line = one_error_line(done)
    assert out in line or str(Path(out).parent) in line


def test_a_closed_pipe_ends_the_command_quietly(tmp_path):
    """``kyivind report DATA | head -1``: the reader is gone before the command prints."""
    data = data_dir(tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "kyivind.cli", "report", str(data)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    proc.stdout.close()  # the reader went away
    stderr = proc.stderr.read()
    assert proc.wait(timeout=120) in (0, CLOSED_PIPE)
    assert stderr == "", stderr
    assert (data / "report" / "report.html").exists(), "the work was done; only its listing was not read"


# --- a bad spider argument is a usage error before the run --------------------------------------------
@pytest.mark.parametrize("args, message", [
    (("-a", "download_timeout=30"), "'download_timeout' is no spider argument here: pass the setting "
                                    "-s DOWNLOAD_TIMEOUT="),
    (("-a", "mod=full"), "unknown argument 'mod' (did you mean mode?)"),
    (("-a", "since=yesterday"), "since must be an ISO date such as 2024-01-01, got 'yesterday'"),
    (("-a", "tag=" + "a" * 300), "tag must be a tag slug of at most 191 characters (Ghost's limit)"),
])
def test_a_bad_spider_argument_is_a_usage_error_that_touches_nothing(tmp_path, args, message):
    data = data_dir(tmp_path)
    before = files_of(data)
    result = run_crawl("http://127.0.0.1:9", tmp_path, *args, output=False)
    assert result.returncode == 2, result.log[-2000:]
    assert f"bad spider argument: {message}" in result.log
    assert "Traceback" not in result.log and "Run FAILED" not in result.log
    assert files_of(data) == before, "no summary, no state, no lock file"


def test_credentials_in_base_url_are_a_usage_error_and_never_printed(tmp_path):
    result = run_crawl("http://reader:base-secret@127.0.0.1:9", tmp_path, output=False)
    assert result.returncode == 2
    assert "base_url must not carry credentials (user:password@), got 'http://***@" in result.log
    assert "base-secret" not in result.log and "reader" not in result.log
    assert not result.data_dir.exists()


@pytest.mark.parametrize("args, message", [
    (("--since", "yesterday"), "since must be an ISO date such as 2024-01-01, got 'yesterday'"),
    (("--tag", "Not a tag!"), "tag must be a tag slug such as news-feed"),
    (("--base-url", "ftp://nowhere"), "base_url must be an http(s) URL"),
])
def test_a_bad_reextract_option_is_a_usage_error_that_touches_nothing(tmp_path, args, message):
    data = data_dir(tmp_path, archive=True)
    before = files_of(data)
    done = kyivind("reextract", str(data), *args)
    assert done.returncode == 2, done.stderr[-2000:]
    assert message in done.stderr and "Traceback" not in done.stderr
    assert files_of(data) == before, "no summary, no state, no lock file"
    status = kyivind("status", str(data))
    assert "FAILED" not in status.stdout and status.returncode != 1, "no failed run for the monitoring to alert on"


def test_schedule_refuses_a_bad_spider_argument_before_asking_scrapyd():
    done = kyivind("schedule", "--url", "http://127.0.0.1:9", "--arg", "since=yesterday")
    assert done.returncode == 2
    line = one_error_line(done)
    assert "since must be an ISO date such as 2024-01-01, got 'yesterday'" in line
    assert "cannot be reached" not in done.stderr, "Scrapyd was never asked"


# --- kyivind serve on a busy port ----------------------------------------------------------------------------
def test_serve_on_a_busy_port_says_so_before_anything_else(tmp_path):
    data = data_dir(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = kyivind("serve", str(data), "--port", str(port))
    assert done.returncode == 2, (done.stdout, done.stderr)
    line = one_error_line(done)
    assert f"port {port}" in line and "in use" in line
    assert "http://" not in done.stdout, "no address of someone else's server"
    assert not (data / "kyivind.db").exists(), "nothing was built for a server that cannot start"


@pytest.mark.parametrize("port", ["0", "70000", "http"])
def test_serve_takes_only_a_port_number(tmp_path, port):
    done = kyivind("serve", str(data_dir(tmp_path)), "--port", port)
    assert done.returncode == 2 and "argument --port" in done.stderr and "Traceback" not in done.stderr


# --- one command line ---------------------------------------------------------------------------------------
def test_report_merge_and_reextract_read_kyivind_data_dir_by_default(tmp_path):
    data = data_dir(tmp_path)
    env = {"KYIVIND_DATA_DIR": str(data)}
    report = kyivind("report", env=env)
    assert report.returncode == 0, report.stderr
    assert (data / "report" / "report.html").exists()
    merged = kyivind("merge", "-o", str(tmp_path / "all.jsonl"), env=env)
    assert merged.returncode == 0, merged.stderr
    assert json.loads((tmp_path / "all.jsonl").read_text())["url"] == ARTICLE["url"]
    reextract = kyivind("reextract", env=env)  # no archive/ there: the message names that directory's
    assert reextract.returncode == 2
    assert f"{data / 'archive'} does not exist" in one_error_line(reextract)


def parsers(parser: argparse.ArgumentParser, name: str = "kyivind"):
    """The parser and every subcommand's, with their names."""
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                yield from parsers(sub, f"{name} {sub_name}")


def test_every_option_of_every_command_says_what_it_is():
    found = list(parsers(build_parser()))
    assert len(found) > 10
    missing = [f"{name} {'/'.join(action.option_strings) or action.dest}"
               for name, parser in found for action in parser._actions
               if not action.help or action.help == argparse.SUPPRESS]
    assert missing == []


def test_kyivind_version_prints_the_version():
    done = kyivind("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"kyivind {__version__}"
    figures = kyivind("figures", "d", str(ROOT / "no-such-dir"), "--version", "2")
    assert "does not exist" in figures.stderr, "figures keeps its own --version (of the article)"


def test_report_help_names_every_file_the_report_writes(tmp_path):
    data = data_dir(tmp_path)
    done = kyivind("report", str(data))
    assert done.returncode == 0, done.stderr
    written = [p.name for p in (data / "report").iterdir()]
    assert len(written) >= 7
    shown = kyivind("report", "--help").stdout
    assert [name for name in written if name not in shown] == []


@pytest.mark.parametrize("args, said", [
    (("--to", "5"), "has one version (1); no version 5"),
    (("--from", "5"), "has one version (1); no version 5"),
    (("--from", "1", "--to", "1"), "--from 1 is not older than --to 1"),
])
def test_diff_of_a_version_that_is_not_there_says_so_plainly(tmp_path, args, said):
    done = kyivind("diff", "d", str(data_dir(tmp_path)), *args)
    assert done.returncode == 2
    line = one_error_line(done)
    assert said in line and "None" not in line


@pytest.mark.parametrize("level", ["INFO", "WARNING", "ERROR"])
def test_above_debug_the_scraper_makes_no_debug_record_for_each_item_and_keeps_its_other_lines(level):
    import logging

    from scrapy.settings import Settings

    from kyivind.commands.crawl import ITEM_LINES, quiet_item_lines

    scraper = logging.getLogger(ITEM_LINES)
    before = scraper.level
    try:
        assert quiet_item_lines(Settings({"LOG_LEVEL": level}))
        assert not scraper.isEnabledFor(logging.DEBUG)  # "Scraped from …": dropped by every handler at this level
        assert scraper.isEnabledFor(logging.INFO) and scraper.isEnabledFor(logging.WARNING)  # dropped items, errors
    finally:
        scraper.setLevel(before)


def test_at_debug_the_scraper_logs_each_item_as_scrapy_does():
    import logging

    from scrapy.settings import Settings

    from kyivind.commands.crawl import ITEM_LINES, quiet_item_lines

    scraper = logging.getLogger(ITEM_LINES)
    before = scraper.level
    try:
        assert not quiet_item_lines(Settings({"LOG_LEVEL": "DEBUG"}))
        assert scraper.level == before
    finally:
        scraper.setLevel(before)


def test_the_crawl_command_quiets_the_item_lines_after_scrapy_has_configured_logging():
    """Scrapy's process configures logging after the command read its options (a dictConfig that sets its
    loggers' levels back): the level is set when the command runs."""
    import logging
    import logging.config

    from scrapy.settings import Settings
    from scrapy.utils.log import DEFAULT_LOGGING

    from kyivind.commands.crawl import ITEM_LINES, Command

    scraper = logging.getLogger(ITEM_LINES)
    before = scraper.level
    command = Command()
    command.settings = Settings({"LOG_LEVEL": "INFO"})
    try:
        logging.config.dictConfig(DEFAULT_LOGGING)  # what the crawler process does before the command runs
        assert scraper.isEnabledFor(logging.DEBUG)
        with pytest.raises(Exception, match="exactly one spider"):
            command.run([], argparse.Namespace(spargs={}))
        assert not scraper.isEnabledFor(logging.DEBUG)
    finally:
        scraper.setLevel(before)
