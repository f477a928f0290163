"""The ``kyivind`` command: ``schedule`` (a Scrapyd run), ``status`` (health), ``report``, ``merge`` and
``export`` (for analysts)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import schedule, status


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kyivind", description="The Kyiv Independent's News Feed as JSON Lines")
    sub = parser.add_subparsers(dest="command", required=True)
    sched = sub.add_parser("schedule", help="schedule a newsfeed run on Scrapyd unless one is pending or running")
    schedule.add_arguments(sched)
    sched.set_defaults(run=schedule.run)

    stat = sub.add_parser("status", help="the last run, the last good run, articles and open failures; "
                                         "exit 0 ok, 1 last run failed, 2 stale or never ran")
    status.add_arguments(stat)
    stat.set_defaults(run=status.run)

    rep = sub.add_parser("report", help="HTML report, PNG chart and CSV of the latest version of every article")
    rep.add_argument("data_dir", help="a data directory (its feeds/ folder is read), a feed folder or one feed file")
    rep.add_argument("-o", "--output", help="report folder (default DATA_DIR/report)")
    rep.set_defaults(run=_report)

    exp = sub.add_parser("export", help="the latest version of every article as one Parquet or CSV table")
    exp.add_argument("data_dir", nargs="?", default=None, help="data directory (default KYIVIND_DATA_DIR)")
    exp.add_argument("--format", choices=("parquet", "csv"), required=True)
    exp.add_argument("-o", "--output", required=True)
    exp.set_defaults(run=_export)

    mer = sub.add_parser("merge", help="one JSON Lines file with the latest version of every article")
    mer.add_argument("data_dir")
    mer.add_argument("-o", "--output", required=True)
    mer.set_defaults(run=_merge)
    return parser


def _report(options) -> int:
    from . import lock
    from .analysis import report

    if not options.output and Path(options.data_dir).is_dir():  # into the data directory: not while a run holds it
        try:
            lock.acquire(options.data_dir)
        except lock.DataDirLocked as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
    result = report(options.data_dir, options.output)
    print(f"{result['articles']} articles: {result['html']} ({result['png'].name}, {result['csv'].name})")
    return 0


def _export(options) -> int:
    from . import settings
    from .tabular import export

    data_dir = options.data_dir or settings.KYIVIND_DATA_DIR
    count = export(data_dir, options.format, options.output)
    print(f"{count} articles: {options.output}")
    return 0


def _merge(options) -> int:
    from .analysis import merge

    dataset = merge(options.data_dir, options.output)
    print(f"{len(dataset.articles)} articles from {dataset.rows_read} rows in {len(dataset.files)} files: {options.output}")
    return 0


def main(argv: list[str] | None = None) -> int:
    options = build_parser().parse_args(argv)
    return options.run(options)


if __name__ == "__main__":
    sys.exit(main())
