"""Web archives for the tests: a real pywb over WARC files, and a CDX server that answers as the Internet
Archive's does (an array of arrays, pages joined by a resume key) while pywb replays the captures."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from tests.conftest import free_port
from tests.replica.server import BackgroundServer

ROOT = Path(__file__).resolve().parents[2]
PYWB_VENV = ROOT / "tests" / "history" / ".venv-pywb"  # made by tests/history/install_pywb.sh

class Answering(BaseHTTPRequestHandler):
    """A quiet request handler with one way to answer: a status, a body and headers (its length added)."""

    def answer(self, status: int, body: bytes, headers: dict):
        self.send_response(status)
        for name, value in {**headers, "Content-Length": str(len(body))}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass



def pywb_bin(name: str) -> str | None:
    """A pywb command: from its own virtual environment (pywb pins packages kyivind's would clash with), else PATH."""
    for candidate in (PYWB_VENV / "bin" / name, Path(sys.prefix) / "bin" / name):
        if candidate.exists():
            return str(candidate)
    return shutil.which(name)


class Pywb:
    """``wb-manager init web``, ``wb-manager add web <warc>`` for each file, then ``wayback -p PORT``."""

    def __init__(self, root: Path, warcs: list[Path], collection: str = "web"):
        self.root, self.warcs, self.collection = root, warcs, collection
        self.port = free_port()
        self.proc = None
        self.requests: list[str] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def cdx_url(self) -> str:
        return f"{self.url}/{self.collection}/cdx"

    @property
    def wayback_url(self) -> str:
        return f"{self.url}/{self.collection}"

    def __enter__(self):
        manager, wayback = pywb_bin("wb-manager"), pywb_bin("wayback")
        self.root.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "PYTHONWARNINGS": "ignore"}
        subprocess.run([manager, "init", self.collection], cwd=self.root, check=True, capture_output=True, env=env)
        for warc in self.warcs:
            subprocess.run([manager, "add", self.collection, str(warc)], cwd=self.root, check=True,
                           capture_output=True, env=env)
        self.log = (self.root / "pywb.log").open("w")
        self.proc = subprocess.Popen([wayback, "-p", str(self.port), "-b", "127.0.0.1"], cwd=self.root,
                                     stdout=self.log, stderr=subprocess.STDOUT, env=env)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"pywb did not start: {(self.root / 'pywb.log').read_text()[-2000:]}")

    def __exit__(self, *exc):
        self.proc.terminate()
        self.proc.wait(timeout=20)
        self.log.close()

    def access_lines(self) -> list[str]:
        return [line for line in (self.root / "pywb.log").read_text().splitlines() if '"GET ' in line]


class InternetArchiveCdx(BackgroundServer):
    """A CDX server in the Internet Archive's format over a list of captures: ``output=json`` gives an array of
    arrays (header first); ``limit`` rows a page and, with ``showResumeKey``, an empty row and the resume key;
    ``filter``, ``from`` and ``collapse=digest`` as the archive applies them. Optionally answers 429 first."""

    FIELDS = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]

    def __init__(self, captures: list, throttle_first: int = 0, stuck: bool = False):
        self.rows = sorted(([_urlkey(c.url), c.timestamp, c.url, c.mime, str(c.status), c.digest, str(len(c.body))]
                            for c in captures), key=lambda row: (row[0], row[1]))
        self.throttle_left = throttle_first
        self.stuck = stuck  # every page names the same resume key: a list that never ends
        self.requests: list[str] = []
        self.times: list[float] = []
        super().__init__(self._handler())

    @property
    def url(self) -> str:
        return f"{super().url}/cdx/search/cdx"

    def answer(self, query: dict) -> list:
        rows = self.rows
        for clause in query.get("filter", []):
            name, _, value = clause.partition(":")
            index = self.FIELDS.index(name)
            rows = [row for row in rows if row[index] == value]
        if query.get("from"):
            rows = [row for row in rows if row[1] >= query["from"][0]]
        if "digest" in query.get("collapse", []):
            kept, last = [], {}
            for row in rows:
                if last.get(row[0]) != row[5]:
                    kept.append(row)
                last[row[0]] = row[5]
            rows = kept
        start = int(query.get("resumeKey", ["0"])[0])
        limit = int(query.get("limit", ["10000"])[0])
        page = [self.FIELDS] + rows[start:start + limit]
        if start + limit < len(rows) and query.get("showResumeKey", [""])[0] == "true":
            page += [[], [str(limit if self.stuck else start + limit)]]
        return page

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                server.requests.append(self.path)
                server.times.append(time.monotonic())
                if server.throttle_left > 0:
                    server.throttle_left -= 1
                    self.send_response(429)
                    self.send_header("Retry-After", "1")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = json.dumps(server.answer(parse_qs(urlsplit(self.path).query))).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        return Handler


def _urlkey(url: str) -> str:
    parts = urlsplit(url)
    host = ",".join(reversed(parts.netloc.split(".")))
    return f"{host}){parts.path.rstrip('/') or '/'}"


class RedirectingArchive(BackgroundServer):
    """An archive whose replay does not answer the capture asked: ``mode="site"`` redirects every capture to
    ``target`` (the live site: a forged capture), ``mode="nearest"`` redirects to the capture of ``nearest`` (as
    the Internet Archive does when the exact timestamp is missing) and answers it with its Memento-Datetime.
    Its CDX answers in pywb's JSON lines."""

    def __init__(self, capture, mode: str, target: str = "", nearest: str = ""):
        self.capture, self.mode, self.target, self.nearest = capture, mode, target, nearest
        super().__init__(self._handler())

    def _handler(self):
        server = self

        class Handler(Answering):
            def do_GET(self):  # noqa: N802
                c = server.capture
                if self.path.startswith("/web/cdx"):
                    row = {"urlkey": _urlkey(c.url), "timestamp": c.timestamp, "url": c.url, "mime": c.mime,
                           "status": str(c.status), "digest": c.digest}
                    return self.answer(200, json.dumps(row).encode() + b"\n", {"Content-Type": "text/x-ndjson"})
                if server.mode == "site":
                    return self.answer(302, b"", {"Location": server.target})
                if f"/{server.nearest}id_/" not in self.path:
                    return self.answer(302, b"", {"Location": f"/web/{server.nearest}id_/{c.url}"})
                when = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.strptime(server.nearest, "%Y%m%d%H%M%S"))
                self.answer(200, c.body, {"Content-Type": "text/html; charset=utf-8", "Memento-Datetime": when})

        return Handler
