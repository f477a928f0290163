"""Run time and peak memory of each hostile case (tests/hostile/), for this tree and, with ``--before REV``, for
an earlier commit of the project, measured in one run.

    python -m bench.bench_hostile [--before REV] [--cap 60]

Each case runs in a child process (a crawl against a hostile replica served here, ``kyivind reextract`` of a
hostile WARC, or one extraction rule on hostile text); its wall time and peak RSS come from ``wait4``. A child
still going after ``--cap`` seconds is stopped and reported as ``> cap`` (a run that never ends), one that
asks for more than ``--memory`` GiB (``RLIMIT_AS``) as ``MemoryError``. The earlier commit is checked out in
a temporary git worktree; the hostile replica and the WARC files are this tree's.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.trees import checked_out
from tests.hostile import warcs
from tests.hostile.site import HostileSite
from tests.replica.content import posts
from tests.replica.server import ReplicaServer, ReplicaSite

ROOT = Path(__file__).resolve().parent.parent
SLUGS = [p["slug"] for p in posts()][:4]

# text cases: the input the issue reported, in the rule it stalled (the same function in both trees)
TEXT = {
    "link ending in ?ref=a.a.a…! (60 KB)": (
        "from kyivind.extraction.references import _without_ghost_ref as f",
        "'https://example.org/a?ref=' + 'a.' * 30000 + '!'"),
    "author block padded to 96 KB": (
        "from kyivind.extraction.authors import split_author_block\nf = lambda t: split_author_block(t, 'Olena Goncharova')",
        "'Olena Goncharova\\nNews Editor' + ' a More from' * 8000 + '\\nNot the end'"),
    "reading time of 8,000 digits": (
        "from kyivind.extraction.util import parse_reading_time as f", "'8' * 8000 + ' minutes'"),
    "<title of 20 KB (bot-challenge check)": (
        "from kyivind.extraction.challenge import is_challenge_page as f", "'<title' * 3400"),
}
CRAWLS = {  # mode -> (spider arguments, a first run to make the second incremental)
    "sitemap index that lists itself": ("sitemap-self", ["-a", "source=html"], True),
    "sitemap indexes without end": ("sitemap-deep", ["-a", "source=html"], True),
    "sitemap index of 50,000 sitemaps past the file limit": ("sitemap-wide", ["-a", "source=html"], True),
    "API page that names itself next": ("api-repeat", ["-a", "source=api"], False),
    "API pagination past its posts": ("api-endless", ["-a", "source=api"], False),
    "listing whose last page leads to the first": ("listing-cycle", ["-a", "source=html", "-a", "mode=full"], False),
    "listing of empty pages without end": ("listing-empty-chain", ["-a", "source=html", "-a", "mode=full"], False),
    # the census (a second run, incremental, that takes it): one unlisted article answering 503 Retry-After: 60;
    # 40 post sitemaps of 16 MiB each
    "census: an unlisted article answering 503 Retry-After: 60": (
        "census-retry-after", ["-a", "source=api", "-s", "KYIVIND_CENSUS_HOURS=0"], True),
    "census: 40 post sitemaps of 16 MiB": (
        "census-big-sitemaps", ["-a", "source=api", "-s", "KYIVIND_CENSUS_HOURS=0"], True),
}


def measure(command: list[str], env: dict, cwd: Path, cap: float, memory_gib: float) -> dict:
    """Wall seconds and peak RSS (MiB) of a child; ``ended`` False when it was stopped at the cap."""
    limit = int(memory_gib * (1 << 30))

    def limits():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        os.setsid()

    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=log, preexec_fn=limits)
        ended, status, usage = True, 0, None
        while True:  # wait4 gives the child's own peak RSS; polled, so that the cap can stop it
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > cap:
                ended = False
                os.killpg(child.pid, signal.SIGKILL)
                _, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.05)
        child.returncode = 0  # reaped above
        seconds = time.perf_counter() - start
        log.seek(0)
        text = log.read().decode("utf-8", "replace")
    return {"seconds": round(seconds, 2), "peak_mib": round(usage.ru_maxrss / 1024), "ended": ended,
            "memory_error": "MemoryError" in text, "exit": os.waitstatus_to_exitcode(status) if ended else None,
            "errors": text.count("] ERROR: "), "warnings": text.count("] WARNING: "), "log_bytes": len(text)}


def crawl_case(tree: Path, mode: str, args: list[str], incremental: bool, cap: float, memory: float) -> dict:
    site = HostileSite(mode)
    with tempfile.TemporaryDirectory() as tmp, ReplicaServer(site) as server:
        env = {**os.environ, "PYTHONPATH": str(tree), "KYIVIND_DATA_DIR": str(Path(tmp) / "data")}
        base = [sys.executable, "-m", "scrapy", "crawl", "newsfeed", "-a", f"base_url={server.url}",
                "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0", "-s", "LOG_LEVEL=INFO"]
        if incremental:
            subprocess.run([*base, "-a", "source=api"], cwd=tree, env=env, capture_output=True, timeout=300)
        site.hits.clear()
        result = measure([*base, *args], env, tree, cap, memory)
        result["requests"] = len(site.hits)
    return result


def archive_cases(tmp: Path) -> dict[str, Path]:
    made = {"payload that decodes to 1 GiB": tmp / "payload-bomb.warc.gz",
            "record of 1 GiB": tmp / "record-bomb.warc.gz",
            "capture of another host naming an article": tmp / "forged.warc.gz",
            "WARC header block of 5,000,000 short lines": tmp / "warc-lines.warc.gz",
            "HTTP header block of 5,000,000 short lines": tmp / "http-lines.warc.gz",
            "a header continued over 520,000 lines": tmp / "continued.warc.gz",
            "a brotli capture among 3 others": tmp / "brotli.warc.gz"}
    warcs.with_payload_bomb(made["payload that decodes to 1 GiB"], SLUGS, 1 << 30)
    warcs.with_record_bomb(made["record of 1 GiB"], SLUGS, 1 << 30)
    warcs.with_forged_capture(made["capture of another host naming an article"], SLUGS, SLUGS[1], "A planted headline")
    warcs.with_header_lines(made["WARC header block of 5,000,000 short lines"], SLUGS, 5_000_000)
    warcs.with_header_lines(made["HTTP header block of 5,000,000 short lines"], SLUGS, 5_000_000, http=True)
    warcs.with_continuation_lines(made["a header continued over 520,000 lines"], SLUGS, 520_000)
    warcs.with_brotli_capture(made["a brotli capture among 3 others"], SLUGS[:3], SLUGS[3])
    return made


def reextract_case(tree: Path, warc: Path, cap: float, memory: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PYTHONPATH": str(tree)}
        data = Path(tmp) / "data"
        result = measure([sys.executable, "-m", "kyivind.cli", "reextract", str(data), "--warc", str(warc)],
                         env, tree, cap, memory)
        feeds = list((data / "feeds").glob("reextract-*.jsonl"))
        items = [json.loads(line) for path in feeds for line in path.read_text().splitlines() if line.strip()]
        result["items"] = len(items)
        result["planted"] = sum("planted" in (item.get("title") or "").lower() for item in items)
    return result


# --- history runs (source=wayback) against a hostile web archive (tests/hostile/archive.py) ----------------------
def _history_archive(kind: str):
    from tests.hostile.archive import HostileArchive, article_captures, row

    made = article_captures(sorted(p["slug"] for p in posts())[:5])  # the state asks them in URL order
    if kind == "long":  # the first two articles' captures listed under addresses past URLLENGTH_LIMIT
        rows = [row(c, url=f"{c.url}?q={'x' * 2500}") for c in made[:2]] + [row(c) for c in made[2:]]
        return HostileArchive(made, rows=rows)
    down = [type(c)(c.timestamp, c.url, b"down", status=503) for c in made]  # every replay answers 503
    return HostileArchive(down, rows=[row(c, status="200") for c in made])


HISTORY = {  # name -> the archive's kind, the run's settings
    "history: 2 CDX originals past URLLENGTH_LIMIT, 3 good": ("long", []),
    "history: every capture's replay answers 503": ("down", ["-s", "RETRY_TIMES=0"]),
}


def history_case(tree: Path, kind: str, args: list[str], cap: float, memory: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp, ReplicaServer(ReplicaSite("ghost")) as server, \
            _history_archive(kind) as archive:
        data = Path(tmp) / "data"
        env = {**os.environ, "PYTHONPATH": str(tree), **archive.env(data)}
        result = measure([sys.executable, "-m", "scrapy", "crawl", "newsfeed", "-a", f"base_url={server.url}",
                          "-a", "source=wayback", "-s", "KYIVIND_WAYBACK_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0",
                          "-s", "LOG_LEVEL=INFO", *args], env, tree, cap, memory)
        result["requests"] = len(archive.captures_asked())
        result["items"] = sum(1 for path in (data / "feeds").glob("newsfeed-*.jsonl")
                              for line in path.read_text().splitlines() if line.strip())
        result["planted"] = 0
    return result
# --- end of the history runs ----------------------------------------------------------------------------------


def text_case(tree: Path, setup: str, make: str, cap: float, memory: float) -> dict:
    code = f"import sys\nsys.path.insert(0, {str(tree)!r})\n{setup}\ntext = {make}\ntry:\n    f(text)\nexcept ValueError:\n    pass\n"
    return measure([sys.executable, "-c", code], {**os.environ, "PYTHONPATH": str(tree)}, tree, cap, memory)


def log_lines(result: dict) -> str:
    return f", {result['warnings']} WARNING/{result['errors']} ERROR lines" if "errors" in result else ""


def describe(result: dict, cap: float) -> str:
    if not result["ended"]:
        return f"> {cap:g} s (stopped), {result['peak_mib']} MiB" + (f", {result['requests']} requests"
                                                                    if "requests" in result else "")
    text = f"{result['seconds']} s, {result['peak_mib']} MiB" + log_lines(result)
    if result.get("memory_error"):
        text += ", MemoryError"
    if "requests" in result:
        text += f", {result['requests']} requests"
    if "answer_bytes" in result:
        text += f", answered {result['answer_bytes']:,} bytes"
    if "items" in result:
        text += f", {result['items']} items" + (f" ({result['planted']} forged)" if result["planted"] else "")
    return text + f", exit {result['exit']}"


# --- round three, high: an archive's date, Datasette's memory, a WARC read backwards, a huge figure ---------------
def _future_items(items: list[dict]) -> int:
    from datetime import datetime, timezone

    now = datetime.now(timezone.utc).isoformat()
    return sum((item.get("fetched_at") or "") > now for item in items)


def dated_reextract_case(tree: Path, warc: Path, cap: float, memory: float) -> dict:
    """``reextract_case``, its "planted" the items dated in the future."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        result = measure([sys.executable, "-m", "kyivind.cli", "reextract", str(data), "--warc", str(warc)],
                         {**os.environ, "PYTHONPATH": str(tree)}, tree, cap, memory)
        items = [json.loads(line) for path in (data / "feeds").glob("reextract-*.jsonl")
                 for line in path.read_text().splitlines() if line.strip()]
        result.update(items=len(items), planted=_future_items(items))
    return result


def memento_case(tree: Path, cap: float, memory: float) -> dict:
    """A history run against an archive that answers a 2025 capture with a Memento-Datetime of 2099."""
    from tests.history.captures import KHARKIV, Capture, _ghost_page
    from tests.history.servers import RedirectingArchive
    from tests.replica.server import ReplicaSite

    page = _ghost_page(next(p for p in posts() if p["slug"] == KHARKIV))
    archived = Capture("20251119080000", f"https://kyivindependent.com/{KHARKIV}/", page)
    with tempfile.TemporaryDirectory() as tmp, ReplicaServer(ReplicaSite("ghost")) as server, \
            RedirectingArchive(archived, "nearest", nearest="20991231000000") as archive:
        out = Path(tmp) / "out.jsonl"
        env = {**os.environ, "PYTHONPATH": str(tree), "KYIVIND_DATA_DIR": str(Path(tmp) / "data"),
               "KYIVIND_CDX_URL": f"{archive.url}/web/cdx", "KYIVIND_WAYBACK_URL": f"{archive.url}/web"}
        result = measure([sys.executable, "-m", "scrapy", "crawl", "newsfeed", "-a", f"base_url={server.url}",
                          "-a", "source=wayback", "-s", "KYIVIND_WAYBACK_DELAY=0", "-s", "LOG_LEVEL=INFO", "-O", str(out)],
                         env, tree, cap, memory)
        items = [json.loads(line) for line in out.read_text().splitlines() if line.strip()] if out.exists() else []
        result.update(items=len(items), planted=_future_items(items))
    return result


def db_case(tree: Path, cap: float, memory: float) -> dict:
    """``kyivind db`` of a feed whose one article says "killed 99999999999999999999 people"."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        (data / "feeds").mkdir(parents=True)
        row = {"url": "https://kyivindependent.com/s/", "slug": "s", "tags": [], "authors": [], "links": [],
               "embeds": [], "published_at": "2025-12-03T10:00:00+00:00", "version": 1, "title": "Attack on Kharkiv",
               "fetched_at": "2025-12-03T11:00:00+00:00",
               "body_text": "A Russian attack on Kharkiv killed 99999999999999999999 people, the governor said."}
        (data / "feeds" / "newsfeed-1.jsonl").write_text(json.dumps(row) + "\n")
        return measure([sys.executable, "-m", "kyivind.cli", "db", str(data)], {**os.environ, "PYTHONPATH": str(tree)},
                       tree, cap, memory)


def serve_case(tree: Path, query: str, cap: float, memory: float) -> dict:
    """``kyivind serve`` asked one query: the answer's status, bytes and time; the server's peak RSS."""
    import urllib.error
    import urllib.request

    from tests.conftest import start_serving

    limit = int(memory * (1 << 30))

    def limits():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        os.setsid()

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        (data / "feeds").mkdir(parents=True)
        (data / "feeds" / "newsfeed-1.jsonl").write_text(json.dumps(
            {"url": "https://kyivindependent.com/s/", "slug": "s", "tags": [], "authors": [], "links": [],
             "embeds": [], "published_at": "2025-12-03T10:00:00+00:00", "version": 1, "title": "A title",
             "fetched_at": "2025-12-03T11:00:00+00:00", "body_text": "A body."}) + "\n")
        server, base = start_serving(data, tree=tree, preexec_fn=limits, tries=300)
        start, status, size, ended = time.perf_counter(), None, 0, True
        try:
            with urllib.request.urlopen(base + query, timeout=cap) as answer:
                status = answer.status
                while chunk := answer.read(1 << 20):
                    size += len(chunk)
        except urllib.error.HTTPError as error:
            status, size = error.code, len(error.read())
        except OSError:
            ended = False
        seconds = time.perf_counter() - start
        os.killpg(server.pid, signal.SIGTERM)
        _, _, usage = os.wait4(server.pid, 0)
        server.returncode = 0
    return {"seconds": round(seconds, 2), "peak_mib": round(usage.ru_maxrss / 1024), "ended": ended,
            "memory_error": False, "exit": status, "answer_bytes": size}


def round_three_high(trees: dict, tmp: Path, cap: float, memory: float) -> list[tuple[str, dict]]:
    """Points 1-4 of the third audit's high findings, each before and after."""
    shared, dated = tmp / "shared-member.warc.gz", tmp / "dated-2099.warc.gz"
    warcs.with_shared_member(shared, SLUGS)
    with open(dated, "wb") as fh:
        writer = warcs.WARCWriter(fh, gzip=True)
        warcs.good_captures(writer, SLUGS[:3])
        from tests.replica.server import ReplicaSite
        warcs.response(writer, f"https://kyivindependent.com/{SLUGS[3]}/",
                       ReplicaSite("ghost").article(SLUGS[3]).encode(), date="2099-01-01T00:00:00Z")
    blob, rows = "/kyivind.json?sql=select+zeroblob(50000000)+as+b", "/kyivind.json?sql=" + "+union+all+".join(
        ["select+zeroblob(3000000)+as+b"] * 12)
    cases = [
        ("1. history: a capture answered with a Memento-Datetime of 2099", lambda t: memento_case(t, cap, memory)),
        ("1. reextract: a capture whose WARC-Date is 2099, among 3 others",
         lambda t: dated_reextract_case(t, dated, cap, memory)),
        ("2. serve: select zeroblob(50000000) (answer status, bytes; server peak)",
         lambda t: serve_case(t, blob, cap, memory)),
        ("2. serve: 12 rows of 3 MB blobs (answer status, bytes; server peak)", lambda t: serve_case(t, rows, cap, memory)),
        ("3. reextract: a gzip member of two records and trailing bytes", lambda t: reextract_case(t, shared, cap, memory)),
        ("4. kyivind db: killed 99999999999999999999 people", lambda t: db_case(t, cap, memory)),
    ]
    found = []
    for name, run in cases:
        found.append((name, {v: run(t) for v, t in trees.items()}))
        print(f"measured: {name}", file=sys.stderr, flush=True)
    return found


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", help="an earlier commit to measure beside this tree")
    parser.add_argument("--cap", type=float, default=60.0, help="seconds after which a case is stopped")
    parser.add_argument("--memory", type=float, default=8.0, help="GiB of address space a case may take")
    options = parser.parse_args(argv)
    rows = []
    with checked_out(options.before) as worktree, tempfile.TemporaryDirectory() as tmp:
        trees = {"before": worktree, "after": ROOT} if worktree else {"after": ROOT}
        made = archive_cases(Path(tmp))
        for name, (setup, make) in TEXT.items():
            rows.append((name, {v: text_case(t, setup, make, options.cap, options.memory) for v, t in trees.items()}))
        for name, (mode, args, incremental) in CRAWLS.items():
            rows.append((name, {v: crawl_case(t, mode, args, incremental, options.cap, options.memory)
                                for v, t in trees.items()}))
        for name, (kind, args) in HISTORY.items():
            rows.append((name, {v: history_case(t, kind, args, options.cap, options.memory)
                                for v, t in trees.items()}))
        for name, warc in made.items():
            rows.append((name, {v: reextract_case(t, warc, options.cap, options.memory) for v, t in trees.items()}))
            print(f"measured: {name}", file=sys.stderr, flush=True)
        rows += round_three_high(trees, Path(tmp), options.cap, options.memory)
    print("| hostile case | " + " | ".join(trees) + " |")
    print("| --- | " + " | ".join("---" for _ in trees) + " |")
    for name, results in rows:
        print(f"| {name} | " + " | ".join(describe(results[v], options.cap) for v in trees) + " |")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "hostile.json").write_text(json.dumps({name: results for name, results in rows}, indent=2))


if __name__ == "__main__":
    main()
