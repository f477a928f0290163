"""Shared test helpers: the replica served on 127.0.0.1, saved pages, and a subprocess crawl."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.replica.server import ReplicaServer, ReplicaSite

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
THEMES = ("ghost", "next", "bare")
RUN_SPECIFIC = ("fetched_at", "capture")  # fields that name the run (its time, its archive record)


def fixture_html(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture
def replica(request):
    """A fresh replica server; parametrize indirectly with a theme name (default ``ghost``)."""
    theme = getattr(request, "param", "ghost")
    with ReplicaServer(ReplicaSite(theme)) as server:
        yield server


class CrawlResult:
    def __init__(self, proc: subprocess.CompletedProcess, data_dir: Path, output: Path | None):
        self.returncode = proc.returncode
        self.log = proc.stderr + proc.stdout
        self.data_dir = data_dir
        self.output = output

    @property
    def items(self) -> list[dict]:
        if self.output is None or not self.output.exists():
            return []
        return [json.loads(line) for line in self.output.read_text(encoding="utf-8").splitlines() if line.strip()]

    @property
    def feed_files(self) -> list[Path]:
        return sorted((self.data_dir / "feeds").glob("*.jsonl")) if (self.data_dir / "feeds").exists() else []

    @property
    def stats(self) -> dict:
        """The stats dumped at the end of the run, read back from the log."""
        marker = "Dumping Scrapy stats:"
        if marker not in self.log:
            return {}
        text = self.log.split(marker, 1)[1]
        text = text[: text.index("}") + 1] if "}" in text else text
        stats = {}
        for line in text.splitlines():
            line = line.strip().strip("{},")
            if line.startswith("'") and "':" in line:
                key, _, value = line.partition("':")
                try:
                    stats[key.strip("'")] = int(value.strip().rstrip(","))
                except ValueError:
                    stats[key.strip("'")] = value.strip().rstrip(",").strip("'")
        return stats


def project_crawler(settings: dict | None = None, spidercls=None, **spider_args):
    """A crawler with the project's settings, its spider made from ``spider_args``, its stats and extensions
    built (the components the spider, the sources and the pipelines share), as a crawl has them before
    its engine starts."""
    from scrapy.crawler import AsyncCrawlerRunner, CrawlerRunner
    from scrapy.utils.reactor import is_reactor_installed
    from scrapy.utils.test import get_reactor_settings

    import kyivind.settings as project
    from kyivind.spiders.newsfeed import NewsfeedSpider

    values = {name: getattr(project, name) for name in dir(project) if name.isupper()}
    values.update(get_reactor_settings(), **(settings or {}))
    runner = CrawlerRunner(values) if is_reactor_installed() else AsyncCrawlerRunner(values)
    crawler = runner.create_crawler(spidercls or NewsfeedSpider)
    crawler.spider = crawler._create_spider(**spider_args)  # as Crawler.crawl: the spider, then the components
    crawler._apply_settings()
    return crawler


def kyivind(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """``python -m kyivind.cli ARGS`` in a subprocess, from the repository."""
    return subprocess.run([sys.executable, "-m", "kyivind.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}, timeout=120)


def last_summary(data_dir: Path) -> dict:
    """The newest run summary of a data directory."""
    return json.loads(sorted((Path(data_dir) / "feeds").glob("*.summary.json"))[-1].read_text())


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on now."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def state_suffix(base_url: str) -> str:
    """The suffix of the state and failed.jsonl files of a crawl of ``base_url``."""
    from kyivind.crawl.urls import DEFAULT_SITE_URL, SiteUrls

    return SiteUrls(DEFAULT_SITE_URL, base_url).state_suffix()


def run_crawl(base_url: str, tmp_path: Path, *args: str, output: bool = True, env: dict | None = None,
              timeout: int = 180, source: str = "html") -> CrawlResult:
    """``scrapy crawl newsfeed -a base_url=… -a source=…`` in a subprocess, fast settings, data under ``tmp_path``."""
    data_dir = tmp_path / "data"
    out = tmp_path / "out.jsonl" if output else None
    command = [sys.executable, "-m", "scrapy", "crawl", "newsfeed", "-a", f"base_url={base_url}",
               "-a", f"source={source}",
               "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0", "-s", "LOG_LEVEL=INFO", *args]
    if out is not None:
        command += ["-O", str(out)]
    full_env = {**os.environ, "KYIVIND_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT), **(env or {})}
    proc = subprocess.run(command, cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=timeout)
    return CrawlResult(proc, data_dir, out)


class held_lock:  # noqa: N801 (used as a context manager, like open)
    """The data directory's lock, held by another process for the duration of a ``with`` block."""

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)

    def __enter__(self):
        self.data_dir.mkdir(parents=True, exist_ok=True)
        code = (f"import time; from kyivind.state import lock; lock.acquire({str(self.data_dir)!r}); print('held', flush=True); "
                "time.sleep(60)")
        self.proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                                     env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert self.proc.stdout.readline().strip() == "held"
        return self.proc

    def __exit__(self, *exc):
        self.proc.kill()
        self.proc.wait()


@contextmanager
def webhook_server(status: int = 200):
    """A local alert webhook: (the JSON bodies posted, their headers, its URL); it answers ``status``."""
    received, headers = [], []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's name)
            length = int(self.headers.get("Content-Length", 0))
            received.append(json.loads(self.rfile.read(length)))
            headers.append(dict(self.headers))
            self.send_response(status)
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield received, headers, f"http://127.0.0.1:{server.server_address[1]}/hooks/kyivind"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def webhook():
    """The JSON bodies posted to a local alert webhook, and its URL."""
    with webhook_server() as (received, _, url):
        yield received, url


# --- no process of the project outlives the test run ----------------------------------------------------------
SESSION_MARK = "KYIVIND_TEST_SESSION"  # in the environment of every process the tests start, and only theirs


def session_processes(mark: str) -> dict[int, str]:
    """pid -> command line of every running process whose environment carries ``mark``."""
    found, wanted = {}, f"{SESSION_MARK}={mark}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if wanted not in (entry / "environ").read_bytes().split(b"\0"):
                continue
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            continue
        if state != "Z":
            found[int(entry.name)] = command
    return found


def pytest_sessionstart(session):
    import uuid

    os.environ[SESSION_MARK] = uuid.uuid4().hex


def pytest_sessionfinish(session, exitstatus):
    """Every process a test started (a crawl, Datasette, Scrapyd, Ghost, a browser) is stopped by the test that
    started it: one still running now fails the run, and is stopped here so that it serves nothing after."""
    import signal
    import time

    time.sleep(0.5)  # a process told to stop by the last teardown may still be closing
    left = {pid: command for pid, command in session_processes(os.environ[SESSION_MARK]).items()
            if pid != os.getpid()}
    if not left:
        return
    for pid in left:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    lines = [f"  pid {pid}: {command[:200]}" for pid, command in sorted(left.items())]
    if reporter is not None:
        reporter.write_line("Processes the tests started and left running (stopped now):\n" + "\n".join(lines), red=True)
    session.exitstatus = 1


CHROMIUM = os.environ.get("KYIVIND_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def start_serving(data_dir: Path, env: dict | None = None, tree: Path = ROOT, preexec_fn=None, tries: int = 150
                  ) -> tuple[subprocess.Popen, str]:
    """``kyivind serve DATA_DIR`` of ``tree`` (with ``env`` added to the environment, ``preexec_fn`` run in the child)
    on a free port, once it answers or ``tries`` fifths of a second have gone: (the process, which Datasette
    becomes; its base URL). The caller stops the process."""
    import time
    import urllib.request

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "kyivind.cli", "serve", str(data_dir), "--port", str(port)],
                              cwd=tree, env={**os.environ, "PYTHONPATH": str(tree), **(env or {})},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=preexec_fn)
    base = f"http://127.0.0.1:{port}"
    for _ in range(tries):
        try:
            urllib.request.urlopen(f"{base}/-/versions.json", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    return server, base


@contextmanager
def serving(data_dir: Path):
    """``kyivind serve DATA_DIR`` on a free port, once it answers: yields its base URL."""
    server, base = start_serving(data_dir)
    try:
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


@contextmanager
def chromium():
    """A headless Chromium (Debian's, with the project's arguments), closed afterwards; the test is skipped where
    none is installed."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def datasette_page(data_dir: Path):
    """``kyivind serve DATA_DIR`` on a free port and a headless Chromium page: yields (page, base URL)."""
    with serving(data_dir) as base, chromium() as browser:
        yield browser.new_page(), base


def edited_article(data: Path) -> None:
    """A data directory of one feed holding an article and its edit (version 2: another toll in title and body)."""
    base = {"url": "https://kyivindependent.com/s/", "slug": "s", "tags": [], "authors": [], "links": [],
            "embeds": [], "published_at": "2025-11-01T00:00:00+00:00"}
    rows = [{**base, "version": 1, "title": "Strike on Kharkiv injures 2", "body_text": "Two people were injured.",
             "fetched_at": "2026-12-01T00:00:00+00:00"},
            {**base, "version": 2, "title": "Strike on Kharkiv injures 5", "body_text": "Five people were injured.",
             "fetched_at": "2026-12-02T00:00:00+00:00"}]
    (data / "feeds").mkdir(parents=True)
    (data / "feeds" / "newsfeed-1.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))


def crawled_twice(root: Path, site: ReplicaSite, change, source: str = "html") -> Path:
    """A data directory of two crawls of ``site``, ``change(site)`` between them (an edit, new articles)."""
    env = {"KYIVIND_DATA_DIR": str(root / "data")}
    with ReplicaServer(site) as server:
        run_crawl(server.url, root / "1", env=env, output=False, source=source)
        change(site)
        run_crawl(server.url, root / "2", env=env, output=False, source=source)
    return root / "data"
