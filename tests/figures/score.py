"""Precision and recall of kyivind/figures on the labelled items (tests/figures/articles.py)."""

from __future__ import annotations

from kyivind import figures
from tests.figures.articles import Item


def facts(items: list[Item], predicted: bool) -> dict[str, set]:
    """The facts of the items, as labelled or as derived: totals, region figures, air class counts."""
    found = {"totals": set(), "regions": set(), "air": set()}
    for n, item in enumerate(items):
        if predicted:
            rows = figures.tolls(item.title, item.body, item.published_at)
            total = next((r for r in rows if r["scope"] == "total"), {})
            killed, injured = total.get("killed"), total.get("injured")
            regions = {r["region_code"]: (r["killed"], r["injured"]) for r in rows if r["scope"] == "region"}
            air: dict[str, list] = {}
            for row in figures.air_attacks(item.title, item.body, item.published_at):
                sums = air.setdefault(row["weapon_class"], [None, None])
                for i, metric in enumerate(("launched", "downed")):
                    if row[metric] is not None:
                        sums[i] = (sums[i] or 0) + row[metric]
        else:
            killed, injured, regions, air = item.killed, item.injured, item.regions, item.air
        for kind, value in (("killed", killed), ("injured", injured)):
            if value is not None:
                found["totals"].add((n, kind, value))
        for code, pair in regions.items():
            for kind, value in zip(("killed", "injured"), pair, strict=True):
                if value is not None:
                    found["regions"].add((n, code, kind, value))
        for kind, pair in air.items():
            for metric, value in zip(("launched", "downed"), pair, strict=True):
                if value is not None:
                    found["air"].add((n, kind, metric, value))
    return found


def score(items: list[Item]) -> dict[str, dict]:
    expected, predicted = facts(items, False), facts(items, True)
    result = {}
    for name in expected:
        right = expected[name] & predicted[name]
        result[name] = {"precision": len(right) / len(predicted[name]) if predicted[name] else 1.0,
                        "recall": len(right) / len(expected[name]) if expected[name] else 1.0,
                        "expected": len(expected[name]), "missed": sorted(expected[name] - predicted[name]),
                        "wrong": sorted(predicted[name] - expected[name])}
    return result
