"""The Air Force's own figures beside ours: the public missile-attacks dataset compiled from the Ukrainian Air
Force's reports (``missile_attacks_daily.csv`` and its companion ``missiles_and_uav.csv``, which gives each
model's category), loaded into the table ``reference_air_attacks`` and set against ``daily_air_attacks`` night by
night in the view ``air_attacks_vs_reference`` (docs/analysing.md, "The Air Force's figures beside ours").

The file is the user's to supply: ``kyivind db --reference-air PATH``, or dropped in the data directory's
``reference/`` folder. Nothing is downloaded. Reading is bounded (``MAX_BYTES``, ``MAX_ROWS``, ``MAX_LINE``) and a
row that cannot be read is counted and logged, never a crash.

Classes as the labelling rules give them: drones are the UAV models, missiles every missile, guided bombs
neither. A model's class comes from the companion's category; a model the companion lacks gets one by its
name (the weapons table of ``kyivind/figures/weapons.py``, then a few words), and what neither names is
``unknown`` and counted.
"""

from __future__ import annotations

import csv
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from kyivind.figures import weapons

logger = logging.getLogger(__name__)

FOLDER = "reference"  # in the data directory
ATTACKS_FILE = "missile_attacks_daily.csv"
MODELS_FILE = "missiles_and_uav.csv"
TABLE = "reference_air_attacks"
META = "_reference"
VIEW = "air_attacks_vs_reference"

MAX_BYTES = 64 * 2**20  # characters of a file read (about bytes); the published file is a megabyte or so
MAX_ROWS = 200_000  # rows of a file read (the published file has a few thousand)
MAX_LINE = 64 * 1024  # characters of one line; a longer line is a bad row
MAX_CELL = 2000  # characters kept of a text cell
SHOWN_UNKNOWN = 10  # unknown model names named in the log line
SHOWN_BAD = 10  # line numbers of bad rows named in the log line
# an attack that began after midnight and before this hour (Kyiv time, as the dataset writes it) belongs to the
# night that began the evening before: the night is the date it began, as the Air Force's dataset dates it
NIGHT_ENDS = time(6, 0)

DRONE, MISSILE, BOMB = weapons.DRONE, weapons.MISSILE, weapons.BOMB
OTHER, UNKNOWN, MIXED = "other", "unknown", "mixed"
REQUIRED = ("time_start", "model", "launched")
COUNTS = ("launched", "destroyed", "not_reach_goal", "still_attacking")
TEXTS = ("time_end", "launch_place", "target", "source")
COLUMNS = {"row": int, "night_of": str, "time_start": str, "time_end": str, "model": str, "weapon_class": str,
           "category": str, "class_from": str, "launched": int, "destroyed": int, "not_reach_goal": int,
           "still_attacking": int, "launch_place": str, "target": str, "source": str}

# a model the companion lacks and the weapons table does not name: a few words of its name
_DRONE_WORDS = re.compile(r"\b(?:UAVs?|drones?|unmanned|Shahed\w*|Geran\w*|Gerbera\w*|Orlan\w*|ZALA|Lancet\w*|"
                          r"Supercam\w*|Merlin\w*|Forpost\w*|Mohajer\w*)", re.I)
_MISSILE_WORDS = re.compile(r"\b(?:missiles?|rockets?|(?:Kh|X|Х)-\d+\w*|C-[34]00|S-[34]00|Kalibr\w*|Iskander\w*|"
                            r"Kinzhal\w*|Oniks|Onyx|Zircon\w*|Tochka\w*|KN-2\d)", re.I)
_BOMB_WORDS = re.compile(r"\b(?:KABs?|bombs?|UMPK|FAB-\d+|UPAB\w*)", re.I)
_PARTS = re.compile(r"\s+and\s+|\s*[,;+&]\s*", re.I)  # "X-101/X-555 and Kalibr": one row, several models


class ReferenceFileError(ValueError):
    """The file is not the dataset (missing, unreadable, or without its required columns)."""


@dataclass
class Reference:
    """The rows read from one file, and what could not be read."""

    path: Path
    rows: list[dict] = field(default_factory=list)
    bad_rows: int = 0
    bad_lines: list[int] = field(default_factory=list)  # the line numbers of the first bad rows
    unknown_models: Counter = field(default_factory=Counter)
    truncated: bool = False  # MAX_BYTES or MAX_ROWS reached: the rows after were not read
    companion: Path | None = None
    categories: int = 0  # models the companion classes
    signature: str = ""  # the files read (``signature``): a later build skips them while they are unchanged

    def nights(self) -> dict[str, dict[str, int]]:
        """{night: drones and missiles launched and destroyed}, the dataset's rows summed per night and class."""
        return per_night(self.rows)


def per_night(rows: list[dict]) -> dict[str, dict[str, int]]:
    """{night: {"drones_launched", "drones_downed", "missiles_launched", "missiles_downed"}}: the rows of each
    class summed; a night whose rows are neither drones nor missiles is left out."""
    nights: dict[str, dict[str, int]] = {}
    for row in rows:
        kind = {DRONE: "drones", MISSILE: "missiles"}.get(row["weapon_class"])
        if kind is None or row["night_of"] is None:
            continue
        sums = nights.setdefault(row["night_of"], {})
        for metric, column in (("launched", "launched"), ("downed", "destroyed")):
            if row[column] is not None:
                sums[f"{kind}_{metric}"] = sums.get(f"{kind}_{metric}", 0) + row[column]
    return dict(sorted(nights.items()))


def night_of(time_start: str) -> date | None:
    """The date the attack began: ``time_start``'s date, or the day before for a time after midnight and before
    ``NIGHT_ENDS``. A date without a time is that date. None when it is no date."""
    text = (time_start or "").strip()
    if not text or len(text) > 40:
        return None
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    if len(text) <= 10:  # a date alone
        return when.date()
    return when.date() - timedelta(days=1) if when.time() < NIGHT_ENDS else when.date()


def _count(value: str | None) -> int | None:
    """A count cell: None when empty; ValueError when it is no whole, non-negative number ("12.0" is 12)."""
    text = (value or "").strip()
    if not text:
        return None
    if len(text) > 12:
        raise ValueError(f"too long a count: {text[:20]!r}")
    number = float(text)
    if not math.isfinite(number) or number < 0 or number != int(number):
        raise ValueError(f"no count: {text!r}")
    return int(number)


def class_of_category(category: str | None) -> str | None:
    """The class the companion's category (or type) names: UAVs are drones, bombs neither, missiles missiles;
    ``other`` for another category, None for none."""
    text = (category or "").lower()
    if not text.strip():
        return None
    if any(word in text for word in ("uav", "drone", "unmanned")):
        return DRONE
    if "bomb" in text:
        return BOMB
    if "missile" in text:
        return MISSILE
    return OTHER


def class_by_name(model: str) -> str | None:
    """A model's class by its name alone: the weapons table, then a few words; None when neither names it."""
    found = weapons.named(model)
    if found is not None and found.kind in weapons.COUNTED:
        return found.kind
    for kind, words in ((DRONE, _DRONE_WORDS), (BOMB, _BOMB_WORDS), (MISSILE, _MISSILE_WORDS)):
        if words.search(model):
            return kind
    return None


def _key(model: str) -> str:
    return " ".join(model.lower().split())


def _class_of(model: str, categories: dict[str, str]) -> tuple[str | None, str | None, str]:
    """(class or None, the companion's category, companion | name | none) of one model: the companion's category,
    and the name where the companion lacks the model or gives a category of neither class."""
    category = categories.get(_key(model))
    kind = class_of_category(category)
    if kind in (DRONE, MISSILE, BOMB):
        return kind, category, "companion"
    by_name = class_by_name(model)
    if by_name is not None:
        return by_name, category, "name"
    return kind, category, "companion" if kind else "none"


def classify(model: str, categories: dict[str, str]) -> tuple[str, str | None, str]:
    """(class, the companion's category, where the class came from: companion | name | none). A row of several
    models ("X-101/X-555 and Kalibr") takes their class when they share one, else ``mixed`` (neither side:
    it cannot be split); a model nothing classes is ``unknown``."""
    if _key(model) in categories:
        kind, category, source = _class_of(model, categories)
        return kind or UNKNOWN, category, source
    found = [_class_of(part, categories) for part in ([p for p in _PARTS.split(model) if p.strip()][:10] or [model])]
    classes = {kind or UNKNOWN for kind, _, _ in found}
    sources = {source for _, _, source in found}
    named = "; ".join(category for _, category, _ in found if category) or None
    source = "none" if "none" in sources else "name" if "name" in sources else "companion"
    if UNKNOWN in classes:
        return UNKNOWN, named, source
    return (classes.pop() if len(classes) == 1 else MIXED), named, source


def _lines(handle, budget: dict):
    """The file's lines for the csv reader, bounded: a line over ``MAX_LINE`` is cut (its row is then bad),
    reading stops at ``MAX_BYTES``."""
    while True:
        line = handle.readline(MAX_LINE)
        if not line:
            return
        budget["chars"] += len(line)
        if budget["chars"] > MAX_BYTES:
            budget["truncated"] = True
            return
        if len(line) >= MAX_LINE and not line.endswith("\n"):
            while line and not line.endswith("\n"):  # skip the rest of the long line, bounded by MAX_BYTES
                line = handle.readline(MAX_LINE)
                budget["chars"] += len(line)
                if budget["chars"] > MAX_BYTES:
                    budget["truncated"] = True
                    return
            yield "\x00long\x00\n"  # a row that is bad by construction: counted, never half read
            continue
        yield line


def _rows(path: Path, budget: dict):
    """The header (its names in lower case), then (line number, cells) of each row: None for a row the csv module
    cannot read or a line over ``MAX_LINE``, [] for a blank line. At most ``MAX_ROWS`` rows."""
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        reader = csv.reader(_lines(handle, budget))
        try:
            header = next(reader)
        except (StopIteration, csv.Error):
            header = []
        header = [(name or "").strip().lower()[:100] for name in header[:500]]
        yield header
        for _ in range(MAX_ROWS):
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error:
                yield reader.line_num, None
                continue
            yield reader.line_num, None if cells == ["\x00long\x00"] else cells
        budget["truncated"] = True


def read_categories(path: Path | None) -> dict[str, str]:
    """{model, lower case: its category} from the companion (``model``, ``category``; ``type`` where category is
    empty); a model the companion spells "A and B" is classed under each name too. Empty when there is none."""
    if path is None or not path.is_file():
        return {}
    try:
        return _categories(path)
    except OSError as error:
        logger.warning("The reference's companion %s cannot be read (%s): models are classed by name", path, error)
        return {}


def _categories(path: Path) -> dict[str, str]:
    budget = {"chars": 0, "truncated": False}
    rows = _rows(path, budget)
    header = next(rows)
    if "model" not in header or not ({"category", "type"} & set(header)):
        logger.warning("The reference's companion %s has no model and category columns: models are classed by "
                       "name", path)
        return {}
    found: dict[str, str] = {}
    bad = 0
    for _, cells in rows:
        if not cells:
            bad += cells is None
            continue
        row = dict(zip(header, cells, strict=False))  # a short row: its missing cells empty
        model = (row.get("model") or "").strip()[:MAX_CELL]
        category = (row.get("category") or "").strip() or (row.get("type") or "").strip()
        if not model or not category:
            bad += 1
            continue
        found[_key(model)] = category[:200]
        for part in re.split(r"\s+and\s+", model)[:10]:
            found.setdefault(_key(part), category[:200])
    if bad:
        logger.warning("The reference's companion %s: %d rows without a model and category were skipped", path, bad)
    return found


def read(path: str | Path, companion: str | Path | None = None) -> Reference:
    """The rows of ``missile_attacks_daily.csv`` at ``path`` (a file, or a folder holding it), each with its
    ``night_of`` and class; the companion is ``missiles_and_uav.csv`` beside it unless given. Raises
    ``ReferenceFileError`` when the file is missing or lacks the required columns; a bad row is counted."""
    path = Path(path)
    if path.is_dir():
        path = path / ATTACKS_FILE
    if not path.is_file():
        raise ReferenceFileError(f"{path} does not exist (the Air Force's missile-attacks dataset, "
                                 f"{ATTACKS_FILE}: docs/analysing.md says where it is published)")
    companion = Path(companion) if companion else path.with_name(MODELS_FILE)
    categories = read_categories(companion)
    found = Reference(path, companion=companion if companion.is_file() else None, categories=len(categories),
                      signature=signature(path))
    budget = {"chars": 0, "truncated": False}
    try:
        rows = _rows(path, budget)
        header = next(rows)
        classes: dict[str, tuple] = {}  # model: its class, found once (a file names a few dozen models)
        missing = [name for name in REQUIRED if name not in header]
        if missing:
            raise ReferenceFileError(f"{path} is not the missile-attacks dataset: it has no "
                                     f"{', '.join(missing)} column (its first line: {', '.join(header[:8]) or 'empty'})")
        for number, cells in rows:
            row = _row(number, header, cells, categories, classes) if cells else None
            if cells is not None and not cells:
                continue  # a blank line
            if row is None:
                found.bad_rows += 1
                if len(found.bad_lines) < SHOWN_BAD:
                    found.bad_lines.append(number)
                continue
            if row["weapon_class"] == UNKNOWN:
                found.unknown_models[row["model"][:100]] += 1
            found.rows.append(row)
    except OSError as error:
        raise ReferenceFileError(f"{path} cannot be read: {error}") from error
    found.truncated = budget["truncated"]
    _log(found)
    return found


def _row(number: int, header: list[str], cells: list[str], categories: dict[str, str],
         classes: dict[str, tuple]) -> dict | None:
    """One row of the table, or None when it is bad: more or fewer cells than the header, no date where
    ``time_start`` is, no model, or a count that is no whole number."""
    if len(cells) != len(header):
        return None
    raw = dict(zip(header, cells, strict=True))
    model = " ".join((raw.get("model") or "").split())[:MAX_CELL]
    night = night_of(raw.get("time_start") or "")
    if not model or night is None:
        return None
    try:
        counts = {name: _count(raw.get(name)) for name in COUNTS}
    except ValueError:
        return None
    if model not in classes and len(classes) < MAX_ROWS:
        classes[model] = classify(model, categories)
    kind, category, source = classes.get(model) or classify(model, categories)
    return {"row": number, "night_of": night.isoformat(), "time_start": raw["time_start"].strip(), "model": model,
            "weapon_class": kind, "category": category, "class_from": source, **counts,
            **{name: (raw.get(name) or "").strip()[:MAX_CELL] or None for name in TEXTS}}


def _log(found: Reference) -> None:
    logger.info("The reference %s: %d rows read (%d models classed by %s)", found.path, len(found.rows),
                found.categories, found.companion or "name only: no companion beside it")
    if found.bad_rows:
        logger.warning("The reference %s: %d rows could not be read (no date in time_start, no model, a count "
                       "that is no whole number, more or fewer cells than columns) and were skipped: line %s%s", found.path,
                       found.bad_rows, ", ".join(map(str, found.bad_lines)),
                       " …" if found.bad_rows > len(found.bad_lines) else "")
    if found.unknown_models:
        shown = ", ".join(f"{name} ({n})" for name, n in found.unknown_models.most_common(SHOWN_UNKNOWN))
        logger.warning("The reference %s: %d models in %d rows have no class (neither the companion nor their "
                       "name says drone, missile or bomb), left out of both: %s", found.path,
                       len(found.unknown_models), sum(found.unknown_models.values()), shown)
    if found.truncated:
        logger.warning("The reference %s is larger than kyivind reads (%d MiB, %d rows): the rows after were not "
                       "read", found.path, MAX_BYTES // 2**20, MAX_ROWS)


def default_path(data_dir: str | Path) -> Path:
    return Path(data_dir) / FOLDER / ATTACKS_FILE


def signature(path: Path) -> str:
    """What tells a file loaded before from a new one: the attacks file's and its companion's address, size and
    modification time."""
    parts = []
    for each in (path, path.with_name(MODELS_FILE)):
        stat = each.stat() if each.is_file() else None
        parts.append(f"{each.resolve()}:{stat.st_size}:{stat.st_mtime_ns}" if stat else f"{each.resolve()}:-")
    return "|".join(parts)


def find(data_dir: str | Path, given: str | Path | None = None, loaded: str | None = None) -> Reference | None:
    """The reference to load: ``given`` (its errors raised), else the file in the data directory's
    ``reference/`` folder (its errors logged: the build goes on without it), else None. None too when the file
    is the one ``loaded`` (its ``signature``) and unchanged since."""
    path = Path(given) if given is not None else default_path(data_dir)
    if given is None and not path.exists():
        return None
    path = path / ATTACKS_FILE if path.is_dir() else path
    if loaded is not None and path.is_file() and signature(path) == loaded:
        logger.info("The reference %s is unchanged since it was loaded: kept", path)
        return None
    if given is not None:
        return read(path)
    try:
        return read(path)
    except ReferenceFileError as error:  # a WARNING: an analyst's file never fails a crawl's database build
        logger.warning("The reference was not loaded: %s", error)
        return None


def loaded_signature(db) -> str | None:
    """The ``signature`` of the file the database's reference table was loaded from, or None."""
    if not db[META].exists() or not db[TABLE].exists():
        return None
    return next(iter(db[META].rows_where("key = ?", ["loaded"])), {}).get("signature")


_THEIRS = {"drones_launched": (DRONE, "launched"), "drones_downed": (DRONE, "destroyed"),
           "missiles_launched": (MISSILE, "launched"), "missiles_downed": (MISSILE, "destroyed")}
_COMPARED = tuple(_THEIRS)
VIEW_SQL = f"""
with ours as (select night_of, drones_launched, drones_downed, missiles_launched, missiles_downed, articles
              from daily_air_attacks where direction = 'russia_on_ukraine' and night_of is not null),
items as (select r.night_of, json_group_array(distinct r.article_url) as article_urls
          from air_attacks r join articles a on a.url = r.article_url and a.version = r.version
          where r.direction = 'russia_on_ukraine' and r.night_of is not null group by r.night_of),
theirs as (select night_of, {", ".join(f"sum(case when weapon_class = '{kind}' then {column} end) as {name}"
                                       for name, (kind, column) in _THEIRS.items())},
                  count(*) as reference_rows from {TABLE} group by night_of),
nights as (select night_of from ours union select night_of from theirs),
side as (select n.night_of, {", ".join(f"o.{name}, t.{name} as reference_{name}" for name in _COMPARED)},
                o.articles, t.reference_rows, i.article_urls,
                o.night_of is not null as in_ours, t.night_of is not null as in_reference
         from nights n left join ours o on o.night_of = n.night_of left join theirs t on t.night_of = n.night_of
         left join items i on i.night_of = n.night_of)
select night_of, {", ".join(f"{name}, reference_{name}, {name} - reference_{name} as {name}_difference"
                            for name in _COMPARED)},
       case when not in_reference then 'only_ours' when not in_ours then 'only_reference'
            when {" or ".join(f"{name} != reference_{name}" for name in _COMPARED)} then 'differ'
            when {" or ".join(f"{name} = reference_{name}" for name in _COMPARED)} then 'agree'
            else 'nothing_in_common' end as status,
       articles, reference_rows, article_urls
from side"""


def ensure(db) -> None:
    """The reference table (empty until a file is loaded) and the view, so that the view and its canned query
    always answer."""
    if not db[TABLE].exists():
        db[TABLE].create(COLUMNS, pk="row")
        db[TABLE].create_index(["night_of"])
    if db["daily_air_attacks"].exists() and db["air_attacks"].exists() and db["articles"].exists():
        db.create_view(VIEW, VIEW_SQL, replace=True)


def load(db, found: Reference | None) -> int:
    """Replace the reference table by ``found``'s rows (None: keep what an earlier build loaded); returns the
    rows written."""
    ensure(db)
    if found is None:
        return 0
    db.execute(f"delete from [{TABLE}]")
    db[TABLE].insert_all(found.rows, batch_size=2000)
    db[META].insert({"key": "loaded", "path": str(found.path), "signature": found.signature,
                     "rows": len(found.rows), "bad_rows": found.bad_rows,
                     "unknown_models": sum(found.unknown_models.values()), "truncated": int(found.truncated)},
                    pk="key", replace=True, alter=True)
    return len(found.rows)


_SPAN = ("(select {} (night_of) from daily_air_attacks where direction = 'russia_on_ukraine' and night_of is not null)")
# Datasette (outputs/datasette.py): the canned query and the descriptions of the table and the view
QUERIES = {
    "air_nights_that_disagree": {
        "title": "Air attacks: the nights the News Feed and the Air Force's dataset disagree",
        "description": "Per night the attack began, within the span of the News Feed's air figures: the nights where a "
                       "class's count differs (ours minus theirs), or that one side has and the other lacks, with the "
                       "items behind ours. The Air Force's figures are the public missile-attacks dataset loaded "
                       "with kyivind db --reference-air (docs/analysing.md); drones are the UAV models, guided bombs "
                       "neither",
        "sql": f"select night_of, status, {', '.join(f'{n}, reference_{n}, {n}_difference' for n in _COMPARED)}, "
               f"articles, reference_rows, article_urls from {VIEW} where status != 'agree' and night_of between "
               f"{_SPAN.format('min')} and {_SPAN.format('max')} order by night_of desc"},
}
_SIDES = {f"{n}{end}": f"{what} {n.replace('_', ' ').replace('downed', 'shot down')}{tail}"
          for n in _COMPARED for end, what, tail in (("", "Ours:", " (daily_air_attacks)"),
                                                      ("_difference", "Ours minus theirs:", ""))}
TABLES = {
    TABLE: {"facets": ["weapon_class", "model", "class_from"], "sort_desc": "night_of", "columns": {
        "row": "Line of the file", "night_of": "Date the attack began: time_start's date, the day before for a "
        "start after midnight and before 06:00 (Kyiv)", "time_start": "As the dataset gives it (Kyiv time)",
        "model": "The model(s) as the dataset names them", "weapon_class": "drone (UAV models), missile, guided_bomb, "
        "other (neither), mixed (a row of a drone and a missile: neither), unknown (no class found: neither)",
        "category": "The companion's category (missiles_and_uav.csv)", "class_from": "companion, name (a model the "
        "companion lacks, or gives a category of neither class, classed by its name) or none", "launched": "Launched", "destroyed": "Shot down",
        "not_reach_goal": "Did not reach their targets (lost)", "still_attacking": "Still in the air at the report",
        "launch_place": "Launched from", "target": "Target", "time_end": "End of the attack", "source": "The report"}},
    VIEW: {"sort_desc": "night_of", "facets": ["status"], "columns": {
        "night_of": "Date the attack began", **_SIDES,
        **{f"reference_{n}": f"Theirs: {n.replace('_', ' ').replace('downed', 'shot down')} (the dataset's rows of the "
           "night summed by class)" for n in _COMPARED},
        "status": "agree, differ (a class's count differs), only_ours, only_reference, nothing_in_common (no class "
                  "counted by both)", "articles": "Articles about the night",
        "reference_rows": "The dataset's rows of the night", "article_urls": "The items behind ours (a JSON array)"}},
    META: {"hidden": True},
}
