"""What happened, as data: the toll (killed, injured) and the air attack (drones, missiles and guided bombs
launched, shot down, lost) each article version states. Pure functions of the article's text, without Scrapy;
derived when the database or an export is made, never stored in the feed (docs/analysing.md, "The toll and
the air attacks"). Raise ``VERSION`` when what they find changes: the next database build derives every
article version again.
"""

from __future__ import annotations

from kyivind.figures.air import air_attacks
from kyivind.figures.tolls import tolls

VERSION = 1

__all__ = ["VERSION", "air_attacks", "derive", "tolls", "summary"]


def derive(title: str | None, body: str | None, published_at: str | None = None) -> tuple[list[dict], list[dict]]:
    """(toll rows, air attack rows) of one article version, its body split into sentences once."""
    from kyivind.figures.text import sentences

    split = sentences(body)
    return tolls(title, body, published_at, split), air_attacks(title, body, published_at, split)


def summary(title: str | None, body: str | None, published_at: str | None = None) -> dict:
    """One article's figures in six columns (the exports'): the total killed and injured, and drones and
    missiles launched and shot down (the sums of their rows)."""
    toll_rows, air = derive(title, body, published_at)
    total = next((row for row in toll_rows if row["scope"] == "total"), {})

    def summed(kind: str, metric: str):
        values = [row[metric] for row in air if row["weapon_class"] == kind and row[metric] is not None]
        return sum(values) if values else None

    return {"killed": total.get("killed"), "injured": total.get("injured"),
            "drones_launched": summed("drone", "launched"), "drones_downed": summed("drone", "downed"),
            "missiles_launched": summed("missile", "launched"), "missiles_downed": summed("missile", "downed")}
