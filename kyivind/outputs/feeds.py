"""The one reader of the feeds: every feed file of a data directory read line by line (a line that is not an
article counted, never fatal), each article's latest version picked, and an article flattened into columns from
``items.py``'s own field lists. The report, the tables, the database and ``kyivind status`` are writers on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import jsonlines

from kyivind.extraction.util import without_controls
from kyivind.items import OBJECT_FIELDS, SCALAR_FIELDS, fields_hash


@dataclass
class Dataset:
    articles: list[dict]  # the latest version of each article, newest first
    rows_read: int = 0
    files: list[Path] = field(default_factory=list)
    bad_lines: int = 0
    edits: dict[tuple[str, int], str] = field(default_factory=dict)  # (url, version > 1): when it was fetched


def feed_files(data_dir: str | Path) -> list[Path]:
    """The finished feed files of a data directory (its ``feeds/`` folder, or the folder itself)."""
    folder = Path(data_dir)
    if (folder / "feeds").is_dir():
        folder = folder / "feeds"
    if folder.is_file():
        return [folder]
    return sorted(p for p in folder.glob("*.jsonl") if p.name != "failed.jsonl")


def order(row: dict) -> tuple[str, int]:
    """Where a version of an article stands among its versions: by capture time (``fetched_at``, the time of the
    answer the item was read from: kyivind's fetch, a re-extraction's capture, a web archive's capture), then by
    number (a re-extraction of one capture that gave new fields); never by the feed file or the run that wrote
    it."""
    return row.get("fetched_at") or "", row.get("version") or 1


def newer(row: dict, kept: dict | None) -> bool:
    """Whether ``row`` is a later version of an article than ``kept`` (``order``)."""
    return kept is None or order(row) >= order(kept)


class FeedRows:
    """Reads the articles of feed files; lines that are not articles are counted in ``bad``."""

    def __init__(self):
        self.bad = 0

    def of(self, path: Path):
        with jsonlines.open(path) as reader:
            for row in reader.iter(skip_invalid=True, skip_empty=True):
                if not isinstance(row, dict) or not row.get("url"):
                    self.bad += 1
                    continue
                yield without_controls(row)  # a feed written before kyivind took them out may hold some


def load(data_dir: str | Path, progress: bool = True) -> Dataset:
    files = feed_files(data_dir)
    latest: dict[str, dict] = {}
    rows = 0
    bar = None
    if progress:
        from kyivind.outputs.progress import bar as progress_bar

        bar = progress_bar(total=sum(f.stat().st_size for f in files), unit="B", unit_scale=True,
                           desc="reading feeds", disable=None)
    reading = FeedRows()
    # url -> version -> [order, the row, or its fields hash once the article has several versions, fetched_at]:
    # most articles have one version, and their rows are not hashed (a third of the reading's time)
    versions: dict[str, dict[int, list]] = {}
    for path in files:
        for row in reading.of(path):
            rows += 1
            if newer(row, latest.get(row["url"])):
                latest[row["url"]] = row
            number = row.get("version") or 1
            known = versions.setdefault(row["url"], {})
            if number not in known or order(row) >= known[number][0]:
                known[number] = [order(row), row, row.get("fetched_at") or ""]
            if len(known) > 1:
                for entry in known.values():
                    if isinstance(entry[1], dict):
                        entry[1] = fields_hash(entry[1])
        if bar is not None:
            bar.update(path.stat().st_size)
    if bar is not None:
        bar.close()
    edits: dict[tuple[str, int], str] = {}
    for url, known in versions.items():  # an edit: a version whose fields differ from the one captured before
        ranked = sorted(known.items(), key=lambda pair: pair[1][0])
        for (_, before), (number, after) in zip(ranked, ranked[1:], strict=False):
            if after[1] != before[1]:
                edits[(url, number)] = after[2]
    articles = sorted(latest.values(), key=lambda r: r.get("published_at") or "", reverse=True)
    return Dataset(articles=articles, rows_read=rows, files=files, bad_lines=reading.bad, edits=edits)


def flat(article: dict) -> dict:
    """The article's scalar fields, then each part of its objects as ``<field>_<part>`` (``image_url``,
    ``capture_warc``…), in ``items.py``'s order; the list fields (tags, authors, links, embeds) are left to
    each writer, which has its own way to hold a list."""
    row = {name: article.get(name) for name in SCALAR_FIELDS}
    for name, parts in OBJECT_FIELDS.items():
        value = article.get(name) or {}
        row.update({f"{name}_{part}": value.get(part) for part in parts})
    return row


def object_columns(name: str) -> list[str]:
    """The columns ``flat`` makes of the object field ``name``."""
    return [f"{name}_{part}" for part in OBJECT_FIELDS[name]]

