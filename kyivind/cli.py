"""The ``kyivind`` command: ``schedule`` (a Scrapyd run), ``status`` (health), ``reextract`` (from the
archive), and for analysts ``db`` and ``serve`` (SQLite and Datasette), ``report``, ``merge``, ``export``,
``diff`` (what an edit changed) and ``figures`` (an article's figures with their sentences)."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from kyivind import __version__
from kyivind.arguments import argument_problem
from kyivind.ops import schedule, status
from kyivind.ops.datadir import missing_data

DATA_DIR_HELP = "data directory (default KYIVIND_DATA_DIR)"
# what kyivind report writes (outputs/report.py; a test checks that each file it writes is named here)
REPORT_FILES = {"report.html": "the page, which shows the rest", "articles.png": "articles over time, top tags, "
                "authors and cited domains", "places.png": "the regions and places named", "edits.png": "edits per week",
                "air_attacks.png": "air attacks per night", "tolls.png": "killed and injured per week",
                "articles.csv": "one row per article"}
USAGE = 2  # the exit status of a command line that cannot be carried out as given (argparse's own)
CLOSED_PIPE = 128 + signal.SIGPIPE  # a command whose reader went away (``| head``), as the shell reports one


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kyivind", description="The Kyiv Independent's News Feed as JSON Lines")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", help="one of:")
    sched = sub.add_parser("schedule", help="schedule a newsfeed run on Scrapyd unless one is pending or running")
    schedule.add_arguments(sched)
    sched.set_defaults(run=schedule.run)

    stat = sub.add_parser("status", help="the last run, the last good run, articles and open failures; "
                                         "exit 0 ok, 1 last run failed, 2 stale or never ran")
    status.add_arguments(stat)
    stat.set_defaults(run=status.run)

    rep = sub.add_parser("report", help="HTML report, PNG charts and CSV of the latest version of every article",
                         description="Writes in the report folder: " + "; ".join(
                             f"{name} ({what})" for name, what in REPORT_FILES.items()) + ".")
    rep.add_argument("data_dir", nargs="?", default=None,
                     help="a data directory (its feeds/ folder is read), a feed folder or one feed file "
                          "(default KYIVIND_DATA_DIR)")
    rep.add_argument("-o", "--output", help="report folder, made if missing (default DATA_DIR/report)")
    rep.add_argument("--reference-air", metavar="PATH", help="the Air Force's missile-attacks dataset, drawn beside "
                                                              "the air chart's bars (default: DATA_DIR/reference/)")
    rep.set_defaults(run=_report)

    exp = sub.add_parser("export", help="the latest version of every article as one Parquet or CSV table")
    exp.add_argument("data_dir", nargs="?", default=None, help=DATA_DIR_HELP)
    exp.add_argument("--format", choices=("parquet", "csv"), required=True, help="the table's format")
    exp.add_argument("-o", "--output", required=True, help="the file to write")
    exp.set_defaults(run=_export)

    rex = sub.add_parser("reextract", help="today's extraction over the archived captures: new and changed "
                                           "articles as a new feed, without a request to the site")
    rex.add_argument("data_dir", nargs="?", default=None,
                     help="data directory: its archive/ is read, its feeds/ and state are updated "
                          "(default KYIVIND_DATA_DIR)")
    rex.add_argument("--warc", nargs="+", default=[], metavar="FILE_OR_DIR",
                     help="more WARC files or folders (captures made by other archivers)")
    # checked as the spider's arguments are, before the run: a typo is a usage error, not a failed run
    rex.add_argument("--since", type=_spider_value("since"),
                     help="only articles published on or after this date (YYYY-MM-DD or ISO time)")
    rex.add_argument("--base-url", type=_spider_value("base_url"),
                     help="the address the archived crawl fetched from (a replica or mirror), whose state is "
                          "updated; default the site")
    rex.add_argument("--tag", type=_spider_value("tag"),
                     help="the tag whose feed and state these captures belong to (default news-feed)")
    rex.set_defaults(run=_reextract)

    dbp = sub.add_parser("db", help="the feeds as one SQLite database with full-text search (sqlite-utils), "
                                    "made or brought up to date")
    dbp.add_argument("data_dir", nargs="?", default=None, help=DATA_DIR_HELP)
    dbp.add_argument("-o", "--output", help="database file (default DATA_DIR/kyivind.db)")
    dbp.add_argument("--reference-air", metavar="PATH",
                     help="the Air Force's missile-attacks dataset (missile_attacks_daily.csv, with "
                          "missiles_and_uav.csv beside it, or their folder) to set beside the News Feed's air "
                          "figures (default: DATA_DIR/reference/ when it holds one); exit 2 when it cannot be read")
    dbp.set_defaults(run=_db)

    srv = sub.add_parser("serve", help="bring the database up to date and serve it with Datasette")
    srv.add_argument("data_dir", nargs="?", default=None, help=DATA_DIR_HELP)
    srv.add_argument("--port", type=_port, default=8001, help="the TCP port to serve on (default 8001)")
    srv.add_argument("--host", default="127.0.0.1",
                     help="the address to serve on (default 127.0.0.1, this machine only)")
    srv.set_defaults(run=_serve)

    dif = sub.add_parser("diff", help="what changed between two versions of an article, as a word diff; "
                                      "exit 2 for an unknown URL or version")
    dif.add_argument("url", help="the article's public URL (or its slug)")
    dif.add_argument("data_dir", nargs="?", default=None, help=DATA_DIR_HELP)
    dif.add_argument("--from", dest="older", type=int, help="the older version (default: the one before --to)")
    dif.add_argument("--to", dest="newer", type=int, help="the newer version (default: the last)")
    dif.set_defaults(run=_diff)

    fig = sub.add_parser("figures", help="an article's tolls and air attack figures, each with the sentence it "
                                         "was read from; exit 2 for an unknown URL or version")
    fig.add_argument("url", help="the article's public URL (or its slug)")
    fig.add_argument("data_dir", nargs="?", default=None, help=DATA_DIR_HELP)
    fig.add_argument("--version", type=int, help="the version (default: the last)")
    fig.set_defaults(run=_figures)

    mer = sub.add_parser("merge", help="one JSON Lines file with the latest version of every article")
    mer.add_argument("data_dir", nargs="?", default=None,
                     help="a data directory, a feed folder or one feed file (default KYIVIND_DATA_DIR)")
    mer.add_argument("-o", "--output", required=True, help="the JSON Lines file to write")
    mer.set_defaults(run=_merge)
    return parser


def _spider_value(name: str):
    """The argparse type of an option that becomes the spider argument ``name``: checked as ``-a`` is."""
    def check(text: str) -> str:
        problem = argument_problem({name: text})
        if problem:
            raise argparse.ArgumentTypeError(problem)
        return text

    check.__name__ = name
    return check


def _port(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(f"a port is a number from 1 to 65535, got {text!r}")
    return int(text)


def _given(given) -> Path:
    """The data directory named on the command line, else ``KYIVIND_DATA_DIR``."""
    if given is None:
        from kyivind import settings

        given = settings.KYIVIND_DATA_DIR
    return Path(given)


def _data_dir(given, feeds_only: bool = False, directory: str | None = None) -> Path | None:
    """The data directory a command reads (``given``, else ``KYIVIND_DATA_DIR``), or None once one line on
    stderr has said why it is none. ``directory``: the command, which needs a data directory and not a feed
    file (it writes there)."""
    given = _given(given)
    problem = missing_data(given, feeds_only)
    if not problem and directory and given.is_file():
        holder = given.parent.parent if given.parent.name == "feeds" else given.parent
        problem = (f"{given} is a feed file; kyivind {directory} needs the data directory that holds feeds/ "
                   f"(here {holder}?)")
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return None
    return given


NO_DATA = USAGE  # the exit status of a command given no data directory to read


def _a_folder(output, command: str, example: str) -> bool:
    """True once one line on stderr has said that ``-o`` names a folder where the command writes one file."""
    if output is None or not Path(output).is_dir():
        return False
    print(f"error: -o {output} is a directory: kyivind {command} writes one file (such as "
          f"{Path(output) / example})", file=sys.stderr)
    return True


def _locked(data_dir) -> bool:
    """Take the data directory's lock for this command; False (said on stderr) while a run holds it."""
    from kyivind.state import lock

    try:
        lock.acquire(data_dir)
    except (lock.DataDirLocked, lock.UnsafeDataDir) as error:
        print(f"error: {error}", file=sys.stderr)
        return False
    return True


def _report(options) -> int:
    from kyivind.outputs.reference import ReferenceFileError
    from kyivind.outputs.report import report

    data_dir = _data_dir(options.data_dir, feeds_only=True)
    if data_dir is None:
        return NO_DATA
    if options.reference_air and not Path(options.reference_air).exists():
        print(f"error: --reference-air {options.reference_air} does not exist", file=sys.stderr)
        return NO_DATA
    # into the data directory: not while a run holds it
    if not options.output and data_dir.is_dir() and not _locked(data_dir):
        return 1
    try:
        result = report(data_dir, options.output, reference_air=options.reference_air)
    except ReferenceFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return USAGE
    print(f"{result['articles']} articles; wrote {len(result['files'])} files in {result['html'].parent}:")
    for path in result["files"]:
        print(f"  {path}")
    return 0


def _export(options) -> int:
    from kyivind.outputs.tables import export

    data_dir = _data_dir(options.data_dir)
    if data_dir is None or _a_folder(options.output, "export", f"articles.{options.format}"):
        return USAGE
    count = export(data_dir, options.format, options.output)
    print(f"{count} articles: {options.output}")
    return 0


def _reextract(options) -> int:
    from kyivind.archive.reader import warc_files
    from kyivind.archive.writer import archive_dir
    from kyivind.commands.crawl import crawl_here

    # it writes a feed like a crawl, so WARC files of other archivers (--warc) may start a data directory;
    # without them it reads the directory's own archive, which must be there
    data_dir = _given(options.data_dir)
    if not options.warc and _data_dir(data_dir) is None:
        return NO_DATA
    if not options.warc and not archive_dir(data_dir).is_dir():
        print(f"error: {archive_dir(data_dir)} does not exist: no archived run to re-extract "
              f"(KYIVIND_ARCHIVE was off, or give WARC files with --warc)", file=sys.stderr)
        return NO_DATA

    try:
        warcs = [str(p) for p in warc_files(options.warc)]
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return USAGE
    if not options.base_url:
        from kyivind.spiders.reextract import base_url_problem

        problem = base_url_problem(data_dir)
        if problem:  # before the run: no summary, no state
            print(f"error: {problem}", file=sys.stderr)
            return USAGE
    args = {name: value for name, value in (("since", options.since), ("base_url", options.base_url),
                                            ("tag", options.tag)) if value}
    return crawl_here("reextract", {"KYIVIND_DATA_DIR": str(data_dir), "KYIVIND_REPLAY_WARCS": warcs}, **args)


def _build_db(data_dir: str, output: str | None = None, reference_air: str | None = None):
    """The database built (None once stderr said why not); ``reference.ReferenceFileError`` for a reference
    given that cannot be read."""
    from kyivind.outputs.database import build
    from kyivind.state.lock import UnsafeDataDir

    if not _locked(data_dir):  # not while a crawl writes the feeds
        return None
    try:
        return build(data_dir, output, reference_air)
    except UnsafeDataDir as error:
        print(f"error: {error}", file=sys.stderr)
        return None


def _db(options) -> int:
    from kyivind.outputs.reference import ReferenceFileError

    data_dir = _data_dir(options.data_dir, directory="db")
    if data_dir is None or _a_folder(options.output, "db", "kyivind.db"):
        return USAGE
    if options.reference_air and not Path(options.reference_air).exists():
        print(f"error: --reference-air {options.reference_air} does not exist", file=sys.stderr)
        return USAGE
    try:
        done = _build_db(data_dir, options.output, options.reference_air)
    except ReferenceFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return USAGE
    if done is None:
        return 1
    print(f"{done['articles']} articles ({done['articles_written']} written from {done['feeds_read']} new feeds): "
          f"{done['database']}")
    if done["reference_rows"] or done["reference_bad_rows"]:
        print(f"the Air Force's dataset: {done['reference_rows']} rows loaded into reference_air_attacks "
              f"({done['reference_bad_rows']} bad rows skipped, {done['reference_unknown_models']} rows of a model "
              f"with no class)")
    elif done["reference_kept"]:
        print(f"the Air Force's dataset: unchanged since it was loaded ({done['reference_kept']} rows in "
              f"reference_air_attacks)")
    return 0


def _serve(options) -> int:
    from kyivind.outputs.datasette import port_problem, serve_command
    from kyivind.state import lock

    data_dir = _data_dir(options.data_dir, directory="serve")
    if data_dir is None:
        return NO_DATA
    problem = port_problem(options.host, options.port)  # before the database is made and its address printed
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return USAGE
    done = _build_db(data_dir)
    if done is None:
        return 1
    lock.release_all()  # crawls may run while the database is served
    where = f"[{options.host}]" if ":" in options.host else options.host  # an IPv6 address in a URL
    print(f"{done['articles']} articles: http://{where}:{options.port}/kyivind/articles", flush=True)
    sys.stderr.flush()
    # this process becomes Datasette: a supervisor's SIGTERM or Ctrl-C stops the server itself, and the exit
    # status is Datasette's (a child left behind would keep the port)
    command = serve_command(done["database"], options.port, options.host)
    os.environ["KYIVIND_SERVE_HOST"] = options.host.lower()  # a Host name Datasette answers to (kyivind_guard)
    limit = serve_memory_limit()
    if limit is not None:  # kept across exec: Datasette's whole process, whatever a query or a plugin asks
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    os.execv(command[0], command)


SERVE_MEMORY_MB = 4096  # the address space of `kyivind serve`'s process, at most (KYIVIND_SERVE_MEMORY_MB; 0: none)


def serve_memory_limit() -> int | None:
    """The bytes ``kyivind serve``'s process may map (``RLIMIT_AS``): ``KYIVIND_SERVE_MEMORY_MB`` MiB, or
    ``SERVE_MEMORY_MB``; None for 0 (no limit); never more than a hard limit already set."""
    import os
    import resource

    value = os.environ.get("KYIVIND_SERVE_MEMORY_MB", "").strip()
    megabytes = int(value) if value.isdigit() else SERVE_MEMORY_MB
    if value and not value.isdigit():
        print(f"KYIVIND_SERVE_MEMORY_MB={value[:40]!r} is no whole number of MiB: {SERVE_MEMORY_MB} MiB",
              file=sys.stderr)
    if megabytes == 0:
        return None
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = megabytes << 20
    return min(limit, hard) if hard != resource.RLIM_INFINITY else limit


def _diff(options) -> int:
    from kyivind.extraction.util import shown
    from kyivind.outputs.changes import describe, versions_of

    data_dir = _data_dir(options.data_dir)
    if data_dir is None:
        return NO_DATA
    versions = versions_of(data_dir, options.url)
    if not versions:
        print(f"error: no article {options.url} in the feeds", file=sys.stderr)
        return 2
    numbers = [v.get("version") or 1 for v in versions]
    if len(numbers) == 1 and options.older is None and options.newer in (None, numbers[0]):
        only = versions[0]
        fetched = f", fetched {only['fetched_at']}" if only.get("fetched_at") else ""
        print(shown(f"{only['url']} has one version ({numbers[0]}{fetched}): nothing to diff; "
                    f"an edit the site makes later comes out as version {numbers[0] + 1}"))
        return 0
    newer = options.newer if options.newer is not None else numbers[-1]  # versions in capture order
    problem = _no_diff(numbers, options.older, newer)
    if problem:
        print(f"error: {options.url} {problem}", file=sys.stderr)
        return USAGE
    older = options.older if options.older is not None else numbers[numbers.index(newer) - 1]
    by_number = dict(zip(numbers, versions, strict=True))
    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    print(describe(by_number[older], by_number[newer], colour))
    return 0


def _no_diff(numbers: list[int], older: int | None, newer: int) -> str | None:
    """Why there is no diff from version ``older`` (None: the one before) to ``newer`` among ``numbers``."""
    has = f"has one version ({numbers[0]})" if len(numbers) == 1 else f"has versions {', '.join(map(str, numbers))}"
    missing = [n for n in (older, newer) if n is not None and n not in numbers]
    if missing:
        return f"{has}; no version {missing[0]}"
    if older is None and numbers.index(newer) == 0:
        return f"{has}; version {newer} is its first: there is no version before it to diff from"
    if older is not None and numbers.index(older) >= numbers.index(newer):
        return f"{has}; --from {older} is not older than --to {newer}"
    return None


def _figures(options) -> int:
    from kyivind.outputs.changes import versions_of
    from kyivind.outputs.figures import describe

    data_dir = _data_dir(options.data_dir)
    if data_dir is None:
        return NO_DATA
    versions = {v.get("version") or 1: v for v in versions_of(data_dir, options.url)}
    if not versions:
        print(f"error: no article {options.url} in the feeds", file=sys.stderr)
        return 2
    wanted = options.version if options.version is not None else list(versions)[-1]
    if wanted not in versions:
        print(f"error: {options.url} has versions {', '.join(map(str, versions))}; no version {wanted}",
              file=sys.stderr)
        return 2
    print(describe(versions[wanted]))
    return 0


def _merge(options) -> int:
    from kyivind.outputs.feeds import feed_files
    from kyivind.outputs.report import merge

    data_dir = _data_dir(options.data_dir, feeds_only=True)
    if data_dir is None:
        return NO_DATA
    output = Path(options.output)
    if _a_folder(output, "merge", "all.jsonl"):
        return USAGE
    if output.exists() and output.resolve() in {path.resolve() for path in feed_files(data_dir)}:
        print(f"error: -o {output} is one of the feeds it reads: merge writes a file of its own", file=sys.stderr)
        return USAGE
    dataset = merge(data_dir, output)
    print(f"{len(dataset.articles)} articles from {dataset.rows_read} rows in {len(dataset.files)} files: {options.output}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """The command's exit status. A path the command cannot read or write (a folder that cannot be made, a file
    where a folder is wanted, no permission) is one line on stderr and exit 2; a reader that went away
    (``kyivind report | head -2``) ends it quietly."""
    options = build_parser().parse_args(argv)
    try:
        code = options.run(options)
        sys.stdout.flush()  # a closed pipe is met here, not while the interpreter exits
        return code
    except BrokenPipeError:
        # as the Python docs advise: what is left to flush goes nowhere, and no traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return CLOSED_PIPE
    except OSError as error:
        if error.filename is None:  # not about a path the command was given: a fault to see whole
            raise
        print(f"error: {path_error(error)}", file=sys.stderr)
        return USAGE


def path_error(error: OSError) -> str:
    """One line for an error about a path: the path(s) and what the system said."""
    paths = " -> ".join(str(name) for name in (error.filename, error.filename2) if name is not None)
    return f"{paths}: {error.strerror or error}"


if __name__ == "__main__":
    sys.exit(main())
