"""Commands that start a server stop with it: stopped the way a supervisor stops a service (SIGTERM to the process
it started), ``kyivind serve`` leaves nothing serving on its port. (That no test leaves a process of the project
running is checked at the end of every test run, in conftest.py.)"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import ROOT, SESSION_MARK, free_port, session_processes

pytestmark = pytest.mark.crawl




def _answers(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=1)
        return True
    except OSError:
        return False


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_stopping_kyivind_serve_stops_datasette(stop, tmp_path):
    feeds = tmp_path / "data" / "feeds"
    feeds.mkdir(parents=True)
    (feeds / "newsfeed-20260101T000000000000Z.jsonl").write_text(json.dumps(
        {"url": "https://kyivindependent.com/a-story/", "slug": "a-story", "title": "A story", "version": 1,
         "published_at": "2026-01-01T00:00:00+00:00", "body_text": "Words.", "authors": [], "tags": []}) + "\n")
    port = free_port()
    serve = subprocess.Popen([sys.executable, "-m", "kyivind.cli", "serve", str(tmp_path / "data"), "--port", str(port)],
                             cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/-/versions.json"
    try:
        for _ in range(150):
            if _answers(url):
                break
            time.sleep(0.2)
        assert _answers(url), "Datasette came up"
        serve.send_signal(stop)
        serve.wait(timeout=20)
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.wait()
    time.sleep(1)
    assert not _answers(url), "nothing serves on the port once kyivind serve is stopped"
    left = session_processes(os.environ[SESSION_MARK]).values()
    assert not [c for c in left if f"--port {port}" in c], "no Datasette process is left"
