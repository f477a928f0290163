"""The scheduled deployment: a real Scrapyd on 127.0.0.1 with auth, the egg deployed by scrapyd-deploy,
two runs scheduled by ``kyivind schedule`` against the replica; the second emits exactly the new and
the edited articles."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from base64 import b64encode

import pytest

from tests.conftest import ROOT
from tests.replica.content import posts
from tests.replica.server import ReplicaServer, ReplicaSite
from tests.test_incremental import EDITED, grow_and_edit

pytestmark = pytest.mark.crawl
USER, PASSWORD = "kyivind-test", "s3cret-for-tests"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_scrapyd(home, credentials: bool = True):
    """The shipped deploy/scrapyd.conf, with the paths and port of a test, run as a real Scrapyd."""
    if shutil.which("scrapyd") is None or shutil.which("scrapyd-deploy") is None:
        pytest.fail("scrapyd and scrapyd-client are test dependencies: pip install -e '.[test]'")
    port = free_port()
    conf = (ROOT / "deploy/scrapyd.conf").read_text().replace("/var/lib/kyivind/scrapyd", str(home))
    conf = conf.replace("http_port    = 6800", f"http_port    = {port}") + "poll_interval = 0.5\n"
    (home / "scrapyd.conf").write_text(conf)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCRAPYD_", "KYIVIND_DATA_DIR"))}
    if credentials:
        env.update(SCRAPYD_USERNAME=USER, SCRAPYD_PASSWORD=PASSWORD)
    proc = subprocess.Popen(["scrapyd"], cwd=home, env=env, stdout=open(home / "scrapyd.out", "w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            call(url, "daemonstatus.json")
            break
        except urllib.error.HTTPError:
            break  # answering (with 401)
        except OSError:
            time.sleep(0.2)
    return proc, url


@pytest.fixture(scope="module")
def scrapyd(tmp_path_factory):
    home = tmp_path_factory.mktemp("scrapyd")
    proc, url = start_scrapyd(home)
    deploy_env = {**os.environ, "KYIVIND_SCRAPYD_URL": url, "KYIVIND_SCRAPYD_USERNAME": USER, "KYIVIND_SCRAPYD_PASSWORD": PASSWORD}
    deployed = subprocess.run(["scrapyd-deploy"], cwd=ROOT, env=deploy_env, capture_output=True, text=True, timeout=180)
    assert '"status": "ok"' in deployed.stdout + deployed.stderr, deployed.stdout + deployed.stderr
    yield url, home
    proc.terminate()
    proc.wait(timeout=20)


def call(url, endpoint, auth=True):
    request = urllib.request.Request(f"{url}/{endpoint}")
    if auth:
        request.add_header("Authorization", "Basic " + b64encode(f"{USER}:{PASSWORD}".encode()).decode())
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read())


def schedule(url, data_dir, base_url, credentials=True):
    env = {**os.environ, "KYIVIND_SCRAPYD_URL": url, "KYIVIND_DATA_DIR": str(data_dir)}
    if credentials:
        env.update(KYIVIND_SCRAPYD_USERNAME=USER, KYIVIND_SCRAPYD_PASSWORD=PASSWORD)
    return subprocess.run([sys.executable, "-m", "kyivind.cli", "schedule", "--arg", f"base_url={base_url}",
                           "--arg", "source=html", "--setting", "AUTOTHROTTLE_ENABLED=0", "--setting", "DOWNLOAD_DELAY=0"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def wait_finished(url, count, timeout=90):
    deadline = time.time() + timeout
    while time.time() < deadline:
        jobs = call(url, "listjobs.json?project=kyivind")
        if len(jobs["finished"]) >= count and not jobs["pending"] and not jobs["running"]:
            return jobs
        time.sleep(0.5)
    raise TimeoutError(f"Scrapyd jobs did not finish: {jobs}")


def feed_rows(data_dir):
    return [[json.loads(line) for line in f.read_text().splitlines()]
            for f in sorted((data_dir / "feeds").glob("newsfeed-*.jsonl"))]


def test_auth_is_required(scrapyd):
    url, _ = scrapyd
    with pytest.raises(urllib.error.HTTPError) as refused:
        call(url, "daemonstatus.json", auth=False)
    assert refused.value.code == 401
    result = schedule(url, "/tmp/unused", "http://127.0.0.1:9", credentials=False)
    assert result.returncode == 1 and "HTTP 401 (check the credentials)" in result.stderr


def test_two_scheduled_runs_emit_all_then_exactly_new_and_edited(scrapyd, tmp_path):
    url, _ = scrapyd
    data = tmp_path / "data"
    site = ReplicaSite("ghost")
    with ReplicaServer(site) as server:
        first = schedule(url, data, server.url)
        assert first.returncode == 0 and first.stdout.startswith("scheduled: newsfeed job")
        again = schedule(url, data, server.url)
        # skipped either as a job still pending or running, or (once the job has started) as a run holding the lock
        assert again.returncode == 0 and again.stdout.startswith(("skipped: newsfeed job", "skipped: the data directory")), \
            again.stdout
        wait_finished(url, 1)
        grow_and_edit(site)
        second = schedule(url, data, server.url)
        assert second.stdout.startswith("scheduled:")
        wait_finished(url, 2)
    runs = feed_rows(data)
    assert len(runs) == 2, "one feed per run in the data dir given through setting="
    assert len(runs[0]) == len(posts())
    got = {row["slug"]: row for row in runs[1]}
    assert sorted(got) == sorted(["breaking-story-number-1", "breaking-story-number-2", EDITED])
    assert got[EDITED]["version"] == 2
    assert len(list(data.glob("state*.sqlite"))) == 1, "one state shared by the two jobs"
    assert not list(scrapyd[1].rglob("*.jl")), "no items_dir: Scrapyd passed no FEEDS of its own"


def test_schedule_refuses_a_scrapyd_without_authentication(tmp_path):
    proc, url = start_scrapyd(tmp_path, credentials=False)
    try:
        refused = schedule(url, tmp_path / "data", "http://127.0.0.1:9")
        allowed = subprocess.run([sys.executable, "-m", "kyivind.cli", "schedule", "--url", url, "--allow-open-scrapyd"],
                                 cwd=ROOT, capture_output=True, text=True, timeout=60)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert refused.returncode == 1 and "answers without credentials: its authentication is off" in refused.stderr
    assert "WARNING: Scrapyd" in allowed.stderr and "authentication is off" in allowed.stderr
