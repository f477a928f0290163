"""A new user's first hour: no silent wrong answer, no silent nothing.

Each test makes one thing a new user met happen: a re-extraction of a replica crawl's archive, a version
read back from an older capture, a mistyped data directory, a misspelt spider argument, a failed run's last
lines, an unreachable site, a diff of an article with one version, the report's files."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kyivind.arguments import SCRAPY_ARGUMENTS, unknown_arguments
from tests.conftest import ROOT, free_port, kyivind, run_crawl
from tests.replica.content import LATER_EDITED, LATER_NEW, LATER_REMOVED, later_posts, posts
from tests.replica.server import ReplicaServer, ReplicaSite

crawl = pytest.mark.crawl


def reextract(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return kyivind("reextract", str(data_dir), *args)


def feed_rows(data_dir: Path, prefix: str = "") -> list[dict]:
    return [json.loads(line) for path in sorted((data_dir / "feeds").glob(f"{prefix}*.jsonl"))
            for line in path.read_text().splitlines() if line.strip()]


def errors(log: str) -> list[str]:
    return [line.split("] ERROR: ", 1)[1] for line in log.splitlines() if "] ERROR: " in line]


# --- kyivind reextract never makes a second article of one ----------------------------------------------
@crawl
def test_reextract_of_a_replica_crawl_keeps_its_state_and_public_urls(tmp_path):
    """Crawled from a replica, edited there, crawled again; `kyivind reextract data` (no --base-url) finds the
    archive's base URL: no article comes out again, the status counts each article once, the diff is the edit."""
    site = ReplicaSite("next")
    with ReplicaServer(site) as server:
        first = run_crawl(server.url, tmp_path, source="api")
        site.posts = later_posts()
        second = run_crawl(server.url, tmp_path, source="api")
    assert first.returncode == 0 and second.returncode == 0, second.log[-2000:]
    data_dir = first.data_dir
    articles = {row["url"] for row in feed_rows(data_dir)}
    done = reextract(data_dir)
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"The archived runs fetched from {server.url}" in done.stderr
    assert feed_rows(data_dir, "reextract") == [], "every article was exported already, unchanged"
    assert not list(data_dir.glob("state.sqlite")), "the site's own state was not touched"
    status = kyivind("status", str(data_dir))
    assert f"articles in the dataset: {len(articles)}" in status.stdout
    diff = kyivind("diff", LATER_EDITED, str(data_dir))
    assert diff.returncode == 0 and "version 1 → 2" in diff.stdout and "body_text: unchanged" not in diff.stdout
    assert "[-Seven-]{+Nine+}" in diff.stdout


@crawl
def test_an_older_capture_never_goes_above_a_newer_version(tmp_path):
    """The archive of the run that exported version 2 is gone: re-extracting the older capture left would make
    the old text version 3. It is dropped instead, counted, and said at INFO."""
    site = ReplicaSite("next")
    with ReplicaServer(site) as server:
        assert run_crawl(server.url, tmp_path, source="api").returncode == 0
        site.posts = later_posts()
        second = run_crawl(server.url, tmp_path, source="api")
    data_dir = second.data_dir
    newest = sorted((data_dir / "archive").glob("*.warc.gz"))[-1]
    newest.unlink()
    done = reextract(data_dir, "--base-url", server.url)
    assert done.returncode == 0, done.stderr[-2000:]
    assert feed_rows(data_dir, "reextract") == [], "no older text above version 2"
    assert "'kyivind/incremental/older_capture': 1" in done.stderr  # the edited article (the new one: no capture)
    assert "'kyivind/incremental/unchanged': 11" in done.stderr
    assert "before version 2 was" in done.stderr and LATER_EDITED in done.stderr
    diff = kyivind("diff", LATER_EDITED, str(data_dir))
    assert "version 1 → 2" in diff.stdout and "{+Nine+}" in diff.stdout


@crawl
def test_an_archive_of_two_base_urls_is_refused_until_one_is_chosen(tmp_path):
    with ReplicaServer(ReplicaSite("next")) as one, ReplicaServer(ReplicaSite("ghost")) as two:
        assert run_crawl(one.url, tmp_path, source="api").returncode == 0
        assert run_crawl(two.url, tmp_path, source="api").returncode == 0
    data_dir = tmp_path / "data"
    summaries = sorted((data_dir / "feeds").glob("*.summary.json"))
    done = reextract(data_dir)
    assert done.returncode == 2, "a usage error, before the run"
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("error: the archive holds runs that fetched from 2 base URLs")
    assert one.url in line and two.url in line and "--base-url" in line
    assert sorted((data_dir / "feeds").glob("*.summary.json")) == summaries
    chosen = reextract(data_dir, "--base-url", two.url)
    assert chosen.returncode == 0 and "1 archive files of runs that fetched from another base_url" in chosen.stderr
    assert feed_rows(data_dir, "reextract") == []


def test_the_readers_rank_a_version_by_its_capture_not_by_the_feed_that_holds_it(tmp_path):
    """Two feeds hold version 1 of an article; the one whose file sorts last was read from the older capture.
    The feeds reader, `kyivind diff` and the database all keep the later capture."""
    from kyivind.outputs.changes import versions_of
    from kyivind.outputs.database import build
    from kyivind.outputs.feeds import load

    feeds = tmp_path / "data" / "feeds"
    feeds.mkdir(parents=True)
    base = {"url": "https://kyivindependent.com/a/", "slug": "a", "version": 1, "tags": [], "authors": [],
            "links": [], "embeds": [], "published_at": "2025-11-01T00:00:00+00:00"}
    later = {**base, "title": "Later capture", "body_text": "later", "fetched_at": "2026-12-02T00:00:00+00:00"}
    older = {**base, "title": "Older capture", "body_text": "older", "fetched_at": "2026-12-01T00:00:00+00:00"}
    (feeds / "newsfeed-20261202T000000000000Z.jsonl").write_text(json.dumps(later) + "\n")
    (feeds / "reextract-20261203T000000000000Z.jsonl").write_text(json.dumps(older) + "\n")
    assert [a["title"] for a in load(tmp_path / "data", progress=False).articles] == ["Later capture"]
    assert [v["title"] for v in versions_of(tmp_path / "data", "a")] == ["Later capture"]
    done = build(tmp_path / "data")
    import sqlite3

    db = sqlite3.connect(done["database"])
    assert db.execute("select title from versions").fetchall() == [("Later capture",)]
    assert db.execute("select title from articles").fetchall() == [("Later capture",)]


def test_a_version_read_again_from_a_later_capture_gets_its_diff_anew(tmp_path):
    import sqlite3

    from kyivind.outputs.database import build

    feeds = tmp_path / "data" / "feeds"
    feeds.mkdir(parents=True)
    base = {"url": "https://kyivindependent.com/e/", "slug": "e", "title": "E", "tags": [], "authors": [],
            "links": [], "embeds": [], "published_at": "2025-11-01T00:00:00+00:00"}
    first = {**base, "version": 1, "body_text": "two people were hurt", "fetched_at": "2026-12-01T00:00:00+00:00"}
    second = {**base, "version": 2, "body_text": "three people were hurt", "fetched_at": "2026-12-02T00:00:00+00:00"}
    (feeds / "newsfeed-1.jsonl").write_text(json.dumps(first) + "\n" + json.dumps(second) + "\n")
    build(tmp_path / "data")
    again = {**second, "body_text": "four people were hurt", "fetched_at": "2026-12-03T00:00:00+00:00"}
    (feeds / "reextract-2.jsonl").write_text(json.dumps(again) + "\n")
    done = build(tmp_path / "data")
    db = sqlite3.connect(done["database"])
    assert db.execute("select added, removed from changes").fetchall() == [("four", "two")]


def test_a_database_of_an_older_layout_is_made_again(tmp_path):
    """A database an older kyivind made (url first, no regions column) is rebuilt from the feeds."""
    import sqlite3

    from kyivind.outputs.database import LAYOUT, build

    feeds = tmp_path / "data" / "feeds"
    feeds.mkdir(parents=True)
    row = {"url": "https://kyivindependent.com/b/", "slug": "b", "title": "A strike on Kharkiv", "version": 1,
           "body_text": "Drones hit Kharkiv overnight.", "tags": [], "authors": [], "links": [], "embeds": [],
           "published_at": "2025-11-01T00:00:00+00:00", "fetched_at": "2026-12-01T00:00:00+00:00"}
    (feeds / "newsfeed-1.jsonl").write_text(json.dumps(row) + "\n")
    old = sqlite3.connect(tmp_path / "data" / "kyivind.db")
    old.execute("create table articles (url text primary key, title text)")
    old.execute("insert into articles values ('https://kyivindependent.com/b/', 'stale')")
    old.commit()
    old.close()
    done = build(tmp_path / "data")
    db = sqlite3.connect(done["database"])
    columns = [r[1] for r in db.execute("pragma table_info(articles)")]
    assert columns[:4] == ["title", "published_at", "primary_tag", "regions"] and columns[-1] == "url"
    assert db.execute("pragma user_version").fetchone()[0] == LAYOUT
    assert db.execute("select title, regions from articles").fetchall() == [("A strike on Kharkiv",
                                                                              '["Kharkiv Oblast"]')]


# --- a command given no data directory --------------------------------------------------------------
@pytest.mark.parametrize("command", [
    ["db"], ["report"], ["merge", "-o", "{tmp}/all.jsonl"], ["export", "--format", "csv", "-o", "{tmp}/a.csv"],
    ["serve", "--port", "1"], ["status"], ["diff", "some-slug", "DIR"], ["reextract"]])
def test_a_command_given_no_data_directory_exits_2_and_makes_none(tmp_path, command):
    missing = tmp_path / "dtaa"
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    args = [str(missing) if a == "DIR" else a for a in args] if "DIR" in args else [*args[:1], str(missing), *args[1:]]
    done = kyivind(*args)
    assert done.returncode == 2, (done.stdout, done.stderr)
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("error: ") and str(missing) in line and "does not exist" in line
    assert not missing.exists(), "only a crawl makes a data directory"


def test_a_folder_that_is_no_data_directory_is_named_with_what_was_expected(tmp_path):
    (tmp_path / "photos").mkdir()
    done = kyivind("db", str(tmp_path / "photos"))
    assert done.returncode == 2
    assert "is not a kyivind data directory: it has no feeds/ or archive/ folder and no run state" in done.stderr
    assert not (tmp_path / "photos" / "kyivind.db").exists()


# --- spider arguments ------------------------------------------------------------------------------------
def test_an_unknown_argument_names_the_nearest_known_one():
    assert unknown_arguments({"sourc": "api"}).startswith("unknown argument 'sourc' (did you mean source?)")
    assert "did you mean base_url?" in unknown_arguments({"baseurl": "x"})
    assert "did you mean" not in unknown_arguments({"zzz": "1"})
    assert "pass the setting -s DOWNLOAD_TIMEOUT=" in unknown_arguments({"download_timeout": "30"})
    assert unknown_arguments({"source": "api", **dict.fromkeys(SCRAPY_ARGUMENTS, "1")}) is None


@crawl
def test_a_misspelt_spider_argument_is_a_usage_error(replica, tmp_path):
    result = run_crawl(replica.url, tmp_path, "-a", "mod=full", output=False)
    assert result.returncode == 2
    assert "error: bad spider argument: unknown argument 'mod' (did you mean mode?)" in result.log
    assert errors(result.log) == [] and not result.data_dir.exists(), "no run: no ERROR line, no summary"
    assert replica.site.hits == [], "nothing was fetched with the wrong arguments"


@crawl
def test_scrapyds_job_argument_and_scrapys_own_attributes_are_accepted(replica, tmp_path):
    result = run_crawl(replica.url, tmp_path, "-a", "_job=abc123", "-a", "download_delay=0",
                       "-a", "user_agent=kyivind-test (+mailto:test@example.org)", output=False)
    assert result.returncode == 0, result.log[-2000:]
    assert errors(result.log) == []


# --- the last lines of a run -------------------------------------------------------------------------------
def outcome(log: str) -> tuple[str, list[str]]:
    lines = [line for line in log.splitlines() if line.strip()]
    at = max(i for i, line in enumerate(lines) if "Run FAILED" in line or "Run OK" in line)
    return lines[at], lines[at + 1:]


@crawl
@pytest.mark.parametrize("source", ["html", "api"])
def test_an_unreachable_site_fails_with_what_to_check_as_the_last_line(tmp_path, source):
    base = f"http://127.0.0.1:{free_port()}"
    result = run_crawl(base, tmp_path, "-s", "RETRY_TIMES=0", output=False, source=source)
    assert result.returncode == 1
    [error] = errors(result.log)
    assert "could not be reached: check the network, a proxy" in error and f"and base_url ({base})" in error
    last, after = outcome(result.log)
    assert after == [] and "Run FAILED (exit 1; 1 ERROR," in last
    assert error.removeprefix("Run check failed: ") in last, "the same text as the ERROR"
    spidermon = [line for line in result.log.splitlines() if "[Spidermon]" in line]
    assert spidermon == [], "Spidermon's report (OK after every section) is at DEBUG"
    assert "summary: " in last and str(result.data_dir) in last


@crawl
def test_a_good_run_ends_with_what_it_exported(replica, tmp_path):
    result = run_crawl(replica.url, tmp_path, output=False)
    last, after = outcome(result.log)
    assert result.returncode == 0 and after == []
    assert "Run OK (exit 0): " in last and "items in " in last and ".jsonl" in last


def crawl_log(base_url: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    """``scrapy crawl newsfeed`` with the project's own log settings (none of run_crawl's)."""
    import os

    return subprocess.run([sys.executable, "-m", "scrapy", "crawl", "newsfeed", "-a", f"base_url={base_url}", *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=180,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "KYIVIND_DATA_DIR": str(tmp_path / "data")})


BOILERPLATE = ("Scrapy 2", "Versions:", "Overridden settings", "Enabled extensions", "Enabled downloader middlewares",
               "Enabled item pipelines", "Spider opened", "Dumping Scrapy stats", "Spider closed (finished)")


@crawl
def test_a_healthy_run_logs_what_it_will_do_then_its_outcome(replica, tmp_path):
    done = crawl_log(replica.url, tmp_path, "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0")
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert done.returncode == 0 and len(lines) < 30, done.stderr
    assert not [text for text in BOILERPLATE if text in done.stderr], "Scrapy's start-up is at DEBUG"
    first = lines[0]
    assert "[kyivind.spiders.newsfeed] INFO: Crawl of tag news-feed from " + replica.url in first, first
    assert "mode incremental, source auto" in first and f"the feed goes to {tmp_path / 'data' / 'feeds'}/newsfeed-" in first
    assert "Run OK (exit 0): " in lines[-1]


@crawl
@pytest.mark.parametrize("level", [["-L", "DEBUG"], ["-s", "LOG_LEVEL=DEBUG"], ["-L", "INFO"]])
def test_a_log_level_asked_for_gives_scrapys_own_lines(replica, tmp_path, level):
    done = crawl_log(replica.url, tmp_path, "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0", *level)
    assert done.returncode == 0
    assert [text for text in BOILERPLATE if text not in done.stderr] == []
    assert "Run OK (exit 0): " in done.stderr.splitlines()[-1]


# --- kyivind diff and kyivind report -----------------------------------------------------------------------
def one_feed(tmp_path: Path, rows: list[dict]) -> Path:
    feeds = tmp_path / "data" / "feeds"
    feeds.mkdir(parents=True)
    (feeds / "newsfeed-1.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return tmp_path / "data"


def test_a_diff_of_an_article_with_one_version_says_so(tmp_path):
    data_dir = one_feed(tmp_path, [{"url": "https://kyivindependent.com/c/", "slug": "c", "version": 1,
                                    "title": "C", "fetched_at": "2026-12-01T00:00:00+00:00"}])
    done = kyivind("diff", "c", str(data_dir))
    assert done.returncode == 0
    assert "has one version (1, fetched 2026-12-01T00:00:00+00:00): nothing to diff" in done.stdout
    assert "None" not in done.stdout + done.stderr


def test_the_report_names_every_file_it_wrote(tmp_path):
    data_dir = one_feed(tmp_path, [{"url": "https://kyivindependent.com/d/", "slug": "d", "version": 1,
                                    "title": "Drone attack on Odesa", "body_text": "Odesa was hit.",
                                    "published_at": "2025-11-01T00:00:00+00:00", "tags": ["News Feed"],
                                    "authors": [], "links": [], "embeds": []}])
    done = kyivind("report", str(data_dir))
    assert done.returncode == 0, done.stderr
    named = {Path(line.strip()) for line in done.stdout.splitlines()[1:]}
    written = set((data_dir / "report").iterdir())
    assert named == written and len(written) == 7


# --- the replica after an edit, a new article and a removal ---------------------------------------------
def test_the_later_replica_has_an_edit_a_new_article_and_a_removal():
    before, after = {p["slug"]: p for p in posts()}, {p["slug"]: p for p in later_posts()}
    assert LATER_NEW["slug"] in after and LATER_NEW["slug"] not in before
    assert LATER_REMOVED in before and LATER_REMOVED not in after
    assert before[LATER_EDITED]["blocks"] != after[LATER_EDITED]["blocks"]
    assert after[LATER_EDITED]["updated_at"] > max(p.get("updated_at") or p["published_at"] for p in posts()), \
        "an edit is the newest save: an incremental API run asks for posts updated since the newest it knows"
    site = ReplicaSite("ghost", post_list=later_posts())
    assert site.respond(f"/{LATER_REMOVED}/")[0] == 404


# --- the README's offline tour, as written -------------------------------------------------------------------
def tour_commands() -> str:
    readme = (ROOT / "README.md").read_text()
    block = readme.split("<!-- tour -->", 1)[1].split("<!-- /tour -->", 1)[0]
    return "\n".join(line[4:] for line in block.splitlines() if line.startswith("    "))


def session_processes(session: int) -> list[str]:
    """The processes still alive in a session (``pid command``), from /proc."""
    left = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # ended meanwhile
            continue
        pid, rest = text.split(" ", 1)
        fields = rest.rsplit(")", 1)[1].split()
        if fields[0] != "Z" and int(fields[3]) == session:
            left.append(f"{pid} {rest.split(')', 1)[0].lstrip('(')}")
    return left


def port_taken(port: int) -> bool:
    import socket

    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def run_tour(script: str) -> tuple[subprocess.CompletedProcess, list[str]]:
    """The tour in bash, in a session of its own, and the processes of that session still alive once bash has
    ended (stopped then, so that none outlives the test). The output goes to files: a process left running
    would hold a pipe open."""
    import os
    import signal
    import tempfile

    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        bash = subprocess.Popen(["bash", "-euo", "pipefail", "-c", script], cwd=ROOT, stdout=out, stderr=err,
                                text=True, start_new_session=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        try:
            bash.wait(timeout=400)
        finally:
            left = session_processes(bash.pid)
            if left:
                os.killpg(bash.pid, signal.SIGKILL)
        out.seek(0)
        err.seek(0)
        return subprocess.CompletedProcess(bash.args, bash.returncode, out.read(), err.read()), left


def comparable(done: subprocess.CompletedProcess) -> list[str]:
    """What a user reads of the tour, without what differs between two runs by nature: clock times, run
    names, durations, the Atom feed's times and ids."""
    import re

    lines = done.stdout.splitlines() + [line.split("] INFO: ", 1)[1] for line in done.stderr.splitlines()
                                        if "Run OK" in line or "Run FAILED" in line]
    masks = [(r"\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:\d\d)?", "TIME"), (r"\d{8}T\d{6,}Z", "RUN"),
             (r"\d+(?:\.\d+)? ?(?:s|seconds|ms|minutes?)\b", "DURATION"), (r"\d+ (?:seconds|minutes|hours) ago", "AGO"),
             (r"<updated>[^<]*</updated>", "<updated/>"), (r"127\.0\.0\.1:\d+ - ", "CLIENT - "), (r"\d{4}-\d\d-\d\d \d\d:\d\d(?::\d\d)?", "TIME")]
    for pattern, mask in masks:
        lines = [re.sub(pattern, mask, line) for line in lines]
    return lines


@crawl
@pytest.mark.skipif(shutil.which("curl") is None, reason="the tour fetches the Atom feed with curl")
def test_the_readmes_offline_tour_runs_as_written_twice_and_leaves_no_process(tmp_path):
    """The README's lines and nothing more (only the ports and the data directory are ours, so that the test
    runs beside anything else); run twice, the same output both times, and not one process left after either."""
    import re

    script = tour_commands()
    assert "--later" in script and "kyivind diff" in script and "recent.atom" in script and "place_articles" in script
    assert not re.search(r"kill[^\n]*%", script), "a job number is not the same in a script and at a prompt"
    port, db_port = free_port(), free_port()
    script = script.replace("8765", str(port)).replace("8001", str(db_port)).replace("tour-data", str(tmp_path / "d"))
    runs = []
    for _ in range(2):
        done, left = run_tour(script)
        assert done.returncode == 0, (done.stdout[-3000:], done.stderr[-3000:])
        assert left == [], f"the tour left processes running: {left}"
        assert not port_taken(port) and not port_taken(db_port), "a server of the tour still holds its port"
        runs.append(done)
    out = runs[0].stdout
    assert "version 1 → 2" in out and "{+Nine+}" in out
    assert "<entry>" in out and "Updated: Russian drone attack on Kharkiv injures 9" in out
    assert "Removed: Air raid alert declared across Ukraine" in out and "removed or moved articles: 1 (1 removed" in out
    [places] = [json.loads(line) for line in out.splitlines() if line.startswith("[{")]
    assert {"Kharkiv", "Odesa"} <= {place["name"] for place in places}
    assert all(place["latitude"] and place["longitude"] for place in places), "each on the map"
    oks = [line for line in comparable(runs[0]) if line.startswith("Run OK")]
    # the site today, some hours later, and once more (nothing new; the census's second answer decides the removal)
    assert len(oks) == 3 and "12 items" in oks[0] and "2 items" in oks[1] and ": 0 items" in oks[2], oks
    assert comparable(runs[1]) == comparable(runs[0])


if __name__ == "__main__":
    sys.exit(pytest.main([__file__]))


# --- Datasette at 1280x800, for people who read -------------------------------------------------------------
@pytest.fixture(scope="module")
def later_data(tmp_path_factory):
    """Two crawls of the replica: the site today, then some hours later (an edit, a new article)."""
    from tests.conftest import crawled_twice

    return crawled_twice(tmp_path_factory.mktemp("later"), ReplicaSite("next"),
                         lambda site: setattr(site, "posts", later_posts()), source="api")


FIRST_SCREEN = """() => {
  const table = document.querySelector("table.rows-and-columns");
  const rows = [...table.querySelectorAll("tbody tr")];
  const shown = [...table.querySelectorAll("thead th")].filter(th => th.offsetWidth > 0);
  return {rows: rows.filter(r => r.getBoundingClientRect().bottom <= 800).length,
          heights: rows.map(r => r.getBoundingClientRect().height),
          columns: shown.map(th => th.className.split(" ").find(c => c.startsWith("col-")).slice(4))};
}"""


@crawl
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="Chromium is not installed")
def test_datasette_shows_what_people_read_on_the_first_screen(later_data):
    from tests.conftest import datasette_page

    with datasette_page(later_data) as (page, base):
        page.set_viewport_size({"width": 1280, "height": 800})
        page.goto(f"{base}/kyivind/articles")
        screen = page.evaluate(FIRST_SCREEN)
        assert screen["rows"] >= 8, screen
        assert screen["columns"][1:5] == ["title", "published_at", "primary_tag", "regions"], screen["columns"]
        assert screen["columns"][-1] == "url"
        assert "Kharkiv Oblast" in page.locator("table.rows-and-columns").inner_text()

        page.goto(f"{base}/kyivind")
        tables = page.locator("h2:has-text('Tables') ~ div h3 a, .db-table h3 a").all_inner_texts()
        assert "articles" in tables and not any(name.startswith("_") for name in tables), tables
        page.wait_for_selector(".CodeMirror, .cm-editor", timeout=20000)
        assert "from articles" in page.evaluate("() => document.querySelector('textarea#sql-editor').value")

        for path, title_column in (("/kyivind/changes", "title_after"), ("/kyivind/recently_edited", "title")):
            page.goto(base + path)
            screen = page.evaluate(FIRST_SCREEN)
            assert screen["columns"].index(title_column) <= 1 and screen["columns"].index("diff_html") <= 2, screen
            assert max(screen["heights"]) <= 120, "row height bounded"
            colours = page.evaluate("""() => ["ins", "del"].map(tag => {
                const style = getComputedStyle(document.querySelector("td.col-diff_html " + tag));
                return [style.backgroundColor, style.textDecorationLine]; })""")
            (added, added_line), (removed, removed_line) = colours
            green = [int(v) for v in added[4:-1].split(",")[:3]]
            red = [int(v) for v in removed[4:-1].split(",")[:3]]
            assert green[1] > green[0] and green[1] > green[2], colours
            assert red[0] > red[1] and red[0] > red[2] and "line-through" in removed_line, colours
            assert "none" in added_line

        for view in ("place_articles", "toll_places"):  # the places named, and the tolls by place (issue 29)
            page.goto(f"{base}/kyivind/{view}")
            page.wait_for_selector(".leaflet-marker-icon, .marker-cluster", timeout=20000)
            tops = page.evaluate("""() => [...document.querySelectorAll(".leaflet-marker-icon, .marker-cluster")]
                                          .map(m => m.getBoundingClientRect().bottom)""")
            assert tops and max(tops) <= 800, (view, tops)
