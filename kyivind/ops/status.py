"""``kyivind status [DATA_DIR] [--max-age HOURS] [--prometheus]``: the health of a data directory in one
command, for a person, cron or a monitoring system.

It reads the run summaries (``feeds/*.summary.json``: each says how many articles the state of its site
held as it ended) and ``failed*.jsonl``, never the feeds, and exits
0 when the last run was good and the last good run is younger than ``--max-age`` hours (default 24),
1 when the last run failed, 2 when the data is stale or nothing ever ran, or (one line on stderr) when there is
no data directory at the path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import jsonlines

from kyivind.census.removals import RemovalLog
from kyivind.extraction.util import shown
from kyivind.monitoring.summary import run_summaries, run_time
from kyivind.ops.datadir import free_space_problem, missing_data

OK, FAILED, STALE = 0, 1, 2
VERDICTS = {OK: "ok", FAILED: "failed", STALE: "stale"}


@dataclass
class Health:
    runs: list[dict] = field(default_factory=list)  # summaries, oldest first
    articles: int | None = None  # what the states held as their last runs ended; None before runs counted it
    failed_urls: list[dict] = field(default_factory=list)
    disk: str | None = None  # why the data directory's disk cannot take the next run
    removals: dict[str, dict] = field(default_factory=dict)  # the census: articles removed or moved now (url -> event)
    suspected: dict[str, dict] = field(default_factory=dict)  # the census: one answer said removed or moved (url -> event)
    now: datetime = field(default_factory=lambda: datetime.now(timezone.utc))

    @property
    def last(self) -> dict | None:
        return self.runs[-1] if self.runs else None

    @property
    def last_good(self) -> dict | None:
        return next((run for run in reversed(self.runs) if run.get("ok")), None)

    def code(self, max_age_hours: float) -> int:
        if self.disk:
            return FAILED
        if self.last is None:
            return STALE
        if not self.last.get("ok"):
            return FAILED
        return STALE if self.now - run_time(self.last_good) > timedelta(hours=max_age_hours) else OK


def read(data_dir: str | Path) -> Health:
    data_dir = Path(data_dir)
    health = Health(runs=run_summaries(data_dir))
    latest: dict[tuple, int] = {}  # per site and tag (each has its own state): the newest count
    for run in health.runs:
        if run.get("articles_known") is not None:
            latest[(run.get("site"), run.get("tag"))] = run["articles_known"]
    health.articles = sum(latest.values()) if latest else None
    for path in sorted(data_dir.glob("failed*.jsonl")):
        with jsonlines.open(path) as reader:
            health.failed_urls.extend(row for row in reader.iter(skip_invalid=True, type=dict) if row.get("url"))
    log = RemovalLog(data_dir)
    health.removals, health.suspected = log.current(), log.suspected()
    return health


def _describe(run: dict | None) -> str:
    if run is None:
        return "never"
    outcome = "ok" if run.get("ok") else "FAILED"
    return f"{run_time(run).isoformat()} {outcome}, {run.get('items', 0)} items ({run.get('run') or run.get('spider')})"


def text(health: Health, max_age_hours: float) -> str:
    code = health.code(max_age_hours)
    lines = [f"status: {VERDICTS[code]}"]
    if health.disk:
        lines.append(f"  the data directory cannot take the next run: {health.disk}")
    lines.append(f"last run: {_describe(health.last)}")
    for problem in (health.last or {}).get("problems", []):
        lines.append(f"  problem: {problem}")
    for alert in (health.last or {}).get("alerts_failed", []):
        lines.append(f"  alert not delivered: {alert}")
    lines.append(f"last good run: {_describe(health.last_good)}")
    if code == STALE and health.last_good is not None:
        lines.append(f"  older than {max_age_hours:g} hours")
    lines.append("articles in the dataset: " + ("unknown (no run since runs count them)" if health.articles is None
                                                else str(health.articles)))
    kinds = [event["status"] for event in health.removals.values()]
    latest = max(health.removals.values(), key=lambda event: str(event.get("detected_at")), default=None)
    lines.append(f"removed or moved articles: {len(kinds)}" + (
        f" ({kinds.count('removed')} removed, {kinds.count('moved')} moved; latest {latest.get('detected_at')}: "
        f"{latest['url']} {latest['status']})" if latest else ""))
    if health.suspected:  # one answer said so; the census decides on the second, hours later
        first = min(health.suspected.values(), key=lambda event: str(event.get("suspected_at")))
        kinds = [event.get("suspected_of") for event in health.suspected.values()]
        lines.append(f"suspected removed or moved: {len(kinds)} ({kinds.count('removed')} removed, "
                     f"{kinds.count('moved')} moved; decided on a second answer; oldest {first.get('suspected_at')}: "
                     f"{first['url']})")
    lines.append(f"open failed URLs: {len(health.failed_urls)}")
    for row in health.failed_urls[:20]:
        lines.append(f"  {row['url']} ({row.get('kind')}, {row.get('attempts', 1)} attempts): {row.get('reason')}")
    return "\n".join(lines)


def prometheus(health: Health, max_age_hours: float) -> str:
    """Text exposition format (prometheus_client's), for node_exporter's textfile collector."""
    last, good = health.last, health.last_good
    metrics = [
        ("kyivind_status", "0 ok, 1 the last run failed (or the disk cannot take the next), 2 stale or never ran",
         health.code(max_age_hours)),
        ("kyivind_disk_ok", "1 when the data directory's disk can take the next run", int(not health.disk)),
        ("kyivind_last_run_timestamp_seconds", "end of the last run", run_time(last).timestamp() if last else 0),
        ("kyivind_last_run_ok", "1 when the last run was good", int(bool(last and last.get("ok")))),
        ("kyivind_last_run_items", "items the last run exported", (last or {}).get("items", 0)),
        ("kyivind_last_run_problems", "problems the last run found", len((last or {}).get("problems", []))),
        ("kyivind_last_run_alerts_failed", "alerts of the last run that could not be delivered",
         len((last or {}).get("alerts_failed", []))),
        ("kyivind_last_good_run_timestamp_seconds", "end of the last good run",
         run_time(good).timestamp() if good else 0),
        ("kyivind_articles", "articles the state held at the end of the last run (NaN: not counted)",
         float("nan") if health.articles is None else health.articles),
        ("kyivind_failed_urls_open", "URLs listed in failed.jsonl", len(health.failed_urls)),
        ("kyivind_articles_removed", "articles the census found removed or moved, not restored", len(health.removals)),
        ("kyivind_articles_suspected", "articles one census answer said removed or moved, not yet decided",
         len(health.suspected)),
    ]
    from prometheus_client import CollectorRegistry, Gauge, generate_latest

    registry = CollectorRegistry()
    for name, help_text, value in metrics:
        Gauge(name, help_text, registry=registry).set(value)
    return generate_latest(registry).decode()


def add_arguments(parser) -> None:
    parser.add_argument("data_dir", nargs="?", default=None, help="data directory (default KYIVIND_DATA_DIR)")
    parser.add_argument("--max-age", type=float, default=24.0, help="hours after which the last good run is stale")
    parser.add_argument("--prometheus", action="store_true", help="Prometheus text exposition instead of text")


def run(options) -> int:
    data_dir = options.data_dir
    if data_dir is None:  # the project's setting (KYIVIND_DATA_DIR in the environment, else its default)
        from kyivind import settings

        data_dir = settings.KYIVIND_DATA_DIR
    problem = missing_data(data_dir)
    if problem:  # not "stale": nothing is there to be stale
        import sys

        print(f"error: {problem}", file=sys.stderr)
        return STALE
    health = read(data_dir)
    from kyivind import settings

    health.disk = free_space_problem(data_dir, settings.KYIVIND_MIN_FREE_MB)
    if options.prometheus:
        print(prometheus(health, options.max_age), end="")
    else:  # problems and failed URLs quote the site: shown, never run by the terminal
        print(shown(text(health, options.max_age)))
    return health.code(options.max_age)
