"""The ``kyivind`` command: ``kyivind schedule`` (a Scrapyd run), more subcommands for analysts."""

from __future__ import annotations

import argparse
import sys

from . import schedule


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kyivind", description="The Kyiv Independent's News Feed as JSON Lines")
    sub = parser.add_subparsers(dest="command", required=True)
    sched = sub.add_parser("schedule", help="schedule a newsfeed run on Scrapyd unless one is pending or running")
    schedule.add_arguments(sched)
    sched.set_defaults(run=schedule.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    options = build_parser().parse_args(argv)
    return options.run(options)


if __name__ == "__main__":
    sys.exit(main())
