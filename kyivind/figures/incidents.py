"""One attack, one row: the reports of every version of every article joined into incidents (docs/analysing.md,
"Incidents"). Pure functions of plain dicts, without SQLite; ``kyivind/outputs/incidents.py`` stores them.

A *report* is one figure one article version states about one attack: ``article_url``, ``version``,
``fetched_at`` (else ``published_at``: the report's time), ``kind`` (``strike`` or ``air_attack``), ``day`` (a
strike) or ``night_of`` (an air attack), ``region_code``, ``place``, ``killed``, ``injured``, their at-least
flags, ``weapons`` (names), ``evidence`` (the sentence), and for an air attack ``drones_launched``,
``drones_downed``, ``missiles_launched``, ``missiles_downed``. ``reports_of`` makes them of one version's toll
and air rows (``kyivind/figures``).

How reports join (the rules):

1. A strike is keyed by its attack's day and its place (the settlement), or its region where the report names
   no place. The ``day`` of a toll row is already the attacked day: "the death toll of Russia's July 3 attack
   rose to 8", published July 5, is of July 3. Every version of one article, and every later article with the
   same key, joins the incident: an edit, a next-day update.
2. A report of a whole region (a roundup's line, "In Kharkiv Oblast, two people were injured") joins the one
   incident of a place in that region that day when there is exactly one; with none, the region's reports are
   incidents of their own (place empty); with several, too: a region-wide figure then may cover all of them
   (the daily view counts the larger of the places' sum and the region-wide incidents'). An article's region
   row is no report where the article names places in that region (its place rows are); where it names one,
   the region's figure fills what the place's leaves unstated ("6 killed in Kryvyi Rih", "75 injured").
3. Two attacks on one place on one day are two incidents when the evidence tells them apart: a different part
   of the day (morning 05-11, afternoon 12-16, evening 17-21, night 22-04, from the words or from a clock time
   such as "at 7:20 p.m.") than every incident so far, or the words "another", "second" or "separate" before an
   attack ("another strike"), "again", "later that day". A sentence that updates a toll ("the death toll rose
   to 8") never starts an incident; its part of the day only chooses among them. An article that tells none
   apart joins the first incident of its key. The articles are taken in the order they were first reported.
4. An air attack (Russia's attacks on Ukraine) is keyed by its night: every article with figures for that night
   joins it (the Air Force's report, a city's story of the damage, the evening's summary). Its counts are the
   largest any article's latest version states: the items of a night are its whole and its parts.

An incident's toll is its latest: for each figure, that of the latest report (by ``fetched_at``, then version)
that states it, with its at-least flag; ``first_killed`` and ``first_injured`` are the first stated. Its
``incident_id`` is made of its key alone (``strike-2023-04-14-ua-14-sloviansk``, ``-2`` for a second attack
there that day, ``air-2023-12-29``), never of the order rows came in, so it stays the same across builds and
when unrelated articles are added.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import lru_cache
from itertools import islice

from kyivind.figures.weapons import COUNTED, TABLE

VERSION = 2  # 2: an air attack's counts are the largest any item's latest version states

STRIKE, AIR = "strike", "air_attack"
MEASURES = ("killed", "injured")
AIR_MEASURES = ("drones_launched", "drones_downed", "missiles_launched", "missiles_downed")
_AIR_OF = {"drones_launched": ("drone", "launched"), "drones_downed": ("drone", "downed"),
           "missiles_launched": ("missile", "launched"), "missiles_downed": ("missile", "downed")}

_PART_WORDS = {"morning": "morning", "dawn": "morning", "noon": "afternoon", "afternoon": "afternoon",
               "evening": "evening", "night": "night", "overnight": "night", "midnight": "night",
               "nighttime": "night"}
_PART = re.compile(r"\b(morning|dawn|noon|afternoon|evening|overnight|midnight|nighttime|night)\b", re.I)
_CLOCK = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s?(a\.?m\.?|p\.?m\.?)(?!\w)|\b(\d{1,2}):(\d{2})\b", re.I)
_AS_OF = re.compile(r"\b(?:as\s+of|by|until|since)\s+(?:about\s+|around\s+)?$", re.I)
_ATTACK = r"(?:\w+\s){0,2}?(?:attacks?|strikes?|shelling|hits?|barrages?|waves?|assaults?|bombings?|explosions?)\b"
_MARKER = re.compile(r"\b(?:another|a\s+second|second|separate)\s+" + _ATTACK + r"|\bagain\b|\blater\s+(?:that|the\s+same|in\s+the)\s+day\b",
                     re.I)
_UPDATE = re.compile(r"\bdeath\s+toll\b|\btoll\b|\b(?:rose|rises|risen|rising|climbed|climbs|increased|grew)\b|"
                     r"\bbod(?:y|ies)\b|\bsuccumbed\b|\bdied\s+(?:in|at)\s+(?:the\s+)?hospital\b", re.I)
_COUNTED = [w for w in TABLE if w.kind in COUNTED]
# every counted weapon in one pattern, a group each, in the table's order (a longer name before its prefix)
_WEAPONS = re.compile("|".join(rf"(?<![\w-])(?P<w{n}>{w.spellings})(?![\w])" for n, w in enumerate(_COUNTED)), re.I)
MAX_NAMED = 20  # weapons' names read in one sentence
CACHED = 65536  # sentences whose reading is kept (the versions of one article repeat them)
_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=CACHED)
def part_of_day(text: str | None) -> str | None:
    """The part of the day a sentence names (morning, afternoon, evening, night), by its words or a clock time."""
    if not text:
        return None
    m = _PART.search(text)
    if m:
        return _PART_WORDS[m.group(1).lower()]
    m = next((m for m in islice(_CLOCK.finditer(text), MAX_NAMED)
              if not _AS_OF.search(text, max(0, m.start() - 12), m.start())), None)  # "as of 7 p.m.": the report's
    if not m:
        return None
    if m.group(1):
        hour = int(m.group(1)) % 12 + (12 if m.group(3).lower().startswith("p") else 0)
    else:
        hour = int(m.group(4))
    if hour > 23:
        return None
    if hour < 5 or hour >= 22:
        return "night"
    return "morning" if hour < 12 else "afternoon" if hour < 17 else "evening"


@lru_cache(maxsize=CACHED)
def updates_a_toll(text: str | None) -> bool:
    """Whether a sentence updates a toll ("the death toll rose to 8", "a man died in hospital"): it never tells of
    another attack. (The reader's ``scope.dated_update_at`` asks the narrower question: an update of an attack
    the sentence dates, and where that date is.)"""
    return bool(text and _UPDATE.search(text))


@lru_cache(maxsize=CACHED)
def tells_another(text: str | None) -> bool:
    """Whether a sentence tells of another attack than one reported before ("another strike", "again")."""
    return bool(text and not updates_a_toll(text) and _MARKER.search(text))


@lru_cache(maxsize=CACHED)
def weapons_in(text: str | None) -> tuple[str, ...]:
    """The weapons (drones, missiles, guided bombs) a sentence names, as the weapons table names them."""
    if not text:
        return ()
    return tuple(sorted({_COUNTED[int(m.lastgroup[1:])].name for m in islice(_WEAPONS.finditer(text), MAX_NAMED)}))


def reports_of(url: str, version: int, fetched_at: str | None, published_at: str | None, toll_rows: list[dict],
               air_rows: list[dict]) -> list[dict]:
    """The reports of one article version, from its toll and air rows: each place's toll, each region's that
    is not only the sum of the version's places there, and Russia's air attack of each night (class totals)."""
    key = {"article_url": url, "version": version, "fetched_at": fetched_at, "published_at": published_at}
    out = []
    places: dict[tuple, list[dict]] = defaultdict(list)
    for row in toll_rows:
        if row.get("scope") == "place":
            places[(row.get("day"), row.get("region_code"))].append(row)
    for row in toll_rows:
        scope = row.get("scope")
        if scope == "total" or (scope == "region" and (row.get("day"), row.get("region_code")) in places):
            continue
        report = {**key, "kind": STRIKE, "day": row.get("day"), "night_of": None,
                  "region_code": row.get("region_code"), "place": row.get("place") if scope == "place" else None,
                  **{m: row.get(m) for m in MEASURES},
                  **{f"{m}_at_least": int(bool(row.get(f"{m}_at_least"))) for m in MEASURES},
                  "weapons": weapons_in(row.get("evidence")), "evidence": row.get("evidence")}
        same = places.get((row.get("day"), row.get("region_code"))) or []
        if scope == "place" and len(same) == 1:  # the version's one place there: its region's figure is of it
            region = next((r for r in toll_rows if r.get("scope") == "region" and r.get("day") == row.get("day")
                           and r.get("region_code") == row.get("region_code")), {})
            for m in MEASURES:
                if report[m] is None and region.get(m) is not None:
                    report[m], report[f"{m}_at_least"] = region[m], int(bool(region.get(f"{m}_at_least")))
        out.append(report)
    nights: dict[str, list[dict]] = defaultdict(list)
    for row in air_rows:
        if row.get("direction", "russia_on_ukraine") == "russia_on_ukraine" and row.get("night_of"):
            nights[row["night_of"]].append(row)
    for night, rows in nights.items():
        totals = {}
        for column, (kind, metric) in _AIR_OF.items():
            values = [r[metric] for r in rows if r.get("weapon_class") == kind and r.get(metric) is not None]
            totals[column] = sum(values) if values else None
        names = sorted({r["weapon"] for r in rows if r.get("weapon")} |
                       {n for r in rows for n in weapons_in(r.get("evidence"))})
        out.append({**key, "kind": AIR, "day": None, "night_of": night, "region_code": None, "place": None,
                    "killed": None, "injured": None, "killed_at_least": 0, "injured_at_least": 0, **totals,
                    "weapons": names, "evidence": next((r.get("evidence") for r in rows if r.get("evidence")), None)})
    return out


def _at(report: dict) -> str:
    return report.get("fetched_at") or report.get("published_at") or ""


def _order(report: dict) -> tuple:
    return _at(report), report.get("version") or 1, report.get("article_url") or ""


def _slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")


def incident_id(kind: str, when: str, region_code: str | None = None, place: str | None = None,
                sequence: int = 1) -> str:
    """An incident's id, from its key alone: ``strike-2023-04-14-ua-14-sloviansk`` (``-2``: the second attack
    there that day), ``strike-2023-08-09-ua-23`` (a region's), ``air-2023-12-29``."""
    parts = ["air" if kind == AIR else "strike", when, *(_slug(x) for x in (region_code, place) if x)]
    return "-".join(p for p in parts if p) + (f"-{sequence}" if sequence > 1 else "")


def _split(reports: list[dict]) -> list[list[dict]]:
    """The reports of one key as the attacks they are of (rule 3), in the order their first reports came."""
    threads: dict[str, list[dict]] = defaultdict(list)
    for report in reports:
        threads[report.get("article_url") or ""].append(report)
    ordered = sorted((sorted(rows, key=_order) for rows in threads.values()), key=lambda rows: _order(rows[0]))
    groups: list[list[dict]] = []
    parts: list[str | None] = []
    for rows in ordered:
        part = next((p for p in (part_of_day(r.get("evidence")) for r in rows) if p), None)
        update = updates_a_toll(rows[0].get("evidence"))
        another = tells_another(rows[0].get("evidence"))
        chosen = None
        if groups and part is not None and part in parts:
            chosen = parts.index(part)
        elif groups and not another:
            unmarked = [n for n, p in enumerate(parts) if p is None]
            if part is None or update:
                chosen = unmarked[0] if part is not None and unmarked else 0
            elif unmarked:
                chosen = unmarked[0]
        if chosen is None:
            groups.append(list(rows))
            parts.append(part)
        else:
            groups[chosen] += rows
            parts[chosen] = parts[chosen] or part
    return groups


def _latest(reports: list[dict], column: str):
    """The value and at-least flag of the latest report that states ``column``, and the first stated value."""
    stated = [r for r in reports if r.get(column) is not None]
    if not stated:
        return None, 0, None
    return stated[-1][column], int(bool(stated[-1].get(f"{column}_at_least"))), stated[0][column]


def _largest_latest(reports: list[dict], column: str):
    """The largest value of ``column`` that an article's latest report stating it gives (the Air Force's count
    of the whole night over a city's story of its part)."""
    latest: dict = {}
    for report in reports:  # in time order: each article's last one stays
        if report.get(column) is not None:
            latest[report.get("article_url")] = report[column]
    return max(latest.values()) if latest else None


def _incident(key_id: str, kind: str, when: str, region_code: str | None, place: str | None,
              reports: list[dict]) -> tuple[dict, list[dict]]:
    reports = sorted(reports, key=_order)
    row = {"incident_id": key_id, "kind": kind, "day": when if kind == STRIKE else None,
           "night_of": when if kind == AIR else None, "region_code": region_code, "place": place}
    for column in MEASURES:
        value, at_least, _ = _latest(reports, column)
        row[column], row[f"{column}_at_least"] = value, at_least
    for column in MEASURES:
        row[f"first_{column}"] = _latest(reports, column)[2]
    for column in AIR_MEASURES:  # a night's items are the whole and its parts: the largest is the whole
        row[column] = _largest_latest(reports, column)
    row["weapons"] = json.dumps(sorted({w for r in reports for w in r.get("weapons") or ()}))
    row["first_reported_at"], row["last_updated_at"] = _at(reports[0]) or None, _at(reports[-1]) or None
    row["items"] = len({r.get("article_url") for r in reports})
    row["reports"] = len(reports)
    history = [{"incident_id": key_id, "position": n, "article_url": r.get("article_url"),
                "version": r.get("version") or 1, "fetched_at": _at(r) or None,
                **{c: r.get(c) for c in MEASURES}, **{f"{c}_at_least": int(bool(r.get(f"{c}_at_least")))
                                                       for c in MEASURES},
                **{c: r.get(c) for c in AIR_MEASURES}, "evidence": r.get("evidence")}
               for n, r in enumerate(reports)]
    return row, history


def build(reports: list[dict]) -> tuple[list[dict], list[dict], int]:
    """(incidents, incident_reports, reports left out for want of a day or night) of ``reports``."""
    strikes: dict[tuple[str, str], dict[str | None, list[dict]]] = defaultdict(lambda: defaultdict(list))
    nights: dict[str, list[dict]] = defaultdict(list)
    skipped = 0
    for report in reports:
        if report.get("kind") == AIR and report.get("night_of"):
            nights[report["night_of"]].append(report)
        elif report.get("kind") == STRIKE and report.get("day"):
            strikes[(report["day"], report.get("region_code") or "")][report.get("place") or None].append(report)
        else:
            skipped += 1
    incidents, history = [], []

    def add(kind, when, region_code, place, groups):
        for n, group in enumerate(groups, start=1):
            row, rows = _incident(incident_id(kind, when, region_code, place, n), kind, when, region_code or None,
                                  place, group)
            incidents.append(row)
            history.extend(rows)

    for (day, region_code), by_place in sorted(strikes.items()):
        wide = by_place.pop(None, [])
        placed = {place: _split(rows) for place, rows in sorted(by_place.items())}
        if wide and sum(len(groups) for groups in placed.values()) == 1:
            only = next(iter(placed.values()))[0]
            only += wide
            wide = []
        for place, groups in placed.items():
            add(STRIKE, day, region_code, place, groups)
        if wide:
            add(STRIKE, day, region_code, None, _split(wide))
    for night, rows in sorted(nights.items()):
        add(AIR, night, None, None, [rows])
    return incidents, history, skipped
