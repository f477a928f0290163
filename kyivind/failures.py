"""``KYIVIND_DATA_DIR/failed.jsonl``, next to the ``feeds/`` folder: the URLs a run could not turn into an item, with the reason,
so that the next run tries them again. A URL that fails ``KYIVIND_FAILED_MAX_ATTEMPTS`` runs in a row,
or failed for good (404, 410, not HTML), stays in the file for a person to look at but is not retried."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import jsonlines

PERMANENT = {"http_404", "http_410", "not_html"}  # listed for a person, not asked again


class FailedUrls:
    def __init__(self, data_dir: str | Path, max_attempts: int = 5, suffix: str = ""):
        self.path = Path(data_dir) / f"failed{suffix}.jsonl"  # not in feeds/, where readers glob *.jsonl
        self.max_attempts = max_attempts
        self.previous: dict[str, dict] = {}
        self.current: dict[str, dict] = {}
        self.succeeded: set[str] = set()
        if self.path.exists():
            with jsonlines.open(self.path) as reader:
                for row in reader.iter(skip_invalid=True, type=dict):
                    if row.get("url"):
                        self.previous[row["url"]] = row

    def to_retry(self) -> list[str]:
        return [u for u, row in self.previous.items()
                if row.get("attempts", 1) < self.max_attempts and row.get("kind") not in PERMANENT]

    def listed(self, url: str) -> bool:
        return url in self.previous

    def record(self, url: str, reason: str, kind: str) -> None:
        attempts = self.previous.get(url, {}).get("attempts", 0) + 1
        self.current[url] = {"url": url, "reason": reason, "kind": kind, "attempts": attempts,
                             "failed_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat()}

    def succeeded_url(self, url: str) -> None:
        self.succeeded.add(url)

    def save(self) -> int:
        """Write the failures still open; returns how many."""
        rows = dict(self.current)
        for url, row in self.previous.items():  # kept until a run turns it into an item
            if url not in rows and url not in self.succeeded:
                rows[url] = row
        if not rows:
            self.path.unlink(missing_ok=True)
            return 0
        self.path.parent.mkdir(parents=True, exist_ok=True)
        part = self.path.with_suffix(".jsonl.part")
        with jsonlines.open(part, mode="w") as writer:
            writer.write_all(rows.values())
        os.replace(part, self.path)
        return len(rows)
