"""``DATA_DIR/removals.jsonl``: one line per census event, appended, never rewritten:

``{"url", "status", "moved_to", "detected_at", "last_version", "http_status", "suspected_of", "suspected_at"}``

``status``: ``suspected`` (a first answer said removed or moved: ``suspected_of``), ``removed`` or ``moved`` (a
second answer said it again, hours later: decided), ``cleared`` (a suspicion the next answer did not confirm),
``restored`` (listed or answering again after a removal or move). ``suspected_at``: when the first answer came.
The last event of a URL is what it is now; an article whose last event is ``restored`` or ``cleared`` (or that
has none) is on the site. A line holding a control character is no event kyivind wrote (skipped, counted).
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from kyivind.census.verdict import DECIDED, OPEN, SUSPECTED
from kyivind.extraction.util import shown

logger = logging.getLogger(__name__)
REMOVALS_FILE = "removals.jsonl"
MAX_LINE = 64 * 1024  # a longer line is no event kyivind wrote: skipped, said once


class RemovalLog:
    def __init__(self, data_dir: str | Path):
        self.path = Path(data_dir) / REMOVALS_FILE

    def events(self) -> list[dict]:
        """Every readable event, in the order written; a damaged line is skipped with one WARNING."""
        if not self.path.exists():
            return []
        found, bad = [], 0
        with self.path.open("rb") as lines:
            for raw in lines:
                if len(raw) > MAX_LINE:
                    bad += 1
                    continue
                try:
                    event = json.loads(raw)
                except ValueError:
                    bad += 1
                    continue
                if (isinstance(event, dict) and isinstance(event.get("url"), str) and isinstance(event.get("status"), str)
                        and not any(isinstance(value, str) and shown(value) != value for value in event.values())):
                    found.append(event)
                elif raw.strip():
                    bad += 1
        if bad:
            logger.warning("%s: %d lines are no census event, skipped", self.path, bad)
        return found

    def last(self) -> dict[str, dict]:
        """The last event of each URL."""
        return {event["url"]: event for event in self.events()}

    def current(self) -> dict[str, dict]:
        """The last event of each URL whose last event is a removal or a move (decided)."""
        return {url: event for url, event in self.last().items() if event["status"] in DECIDED}

    def open(self) -> dict[str, dict]:
        """The last event of each URL whose last event is open: suspected, removed or moved."""
        return {url: event for url, event in self.last().items() if event["status"] in OPEN}

    def suspected(self) -> dict[str, dict]:
        """The last event of each URL whose last event is a suspicion not yet confirmed."""
        return {url: event for url, event in self.last().items() if event["status"] == SUSPECTED}

    def append(self, events: list[dict]) -> None:
        """The events, as lines, in one write (a killed run leaves whole lines or none)."""
        if not events:
            return
        from kyivind.state.lock import refuse_links

        self.path.parent.mkdir(parents=True, exist_ok=True)
        refuse_links(self.path)
        data = "".join(json.dumps(event, ensure_ascii=False) + "\n" for event in events).encode()
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0), 0o644)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
