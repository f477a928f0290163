"""The report's pictures, drawn with matplotlib (Agg, no display): articles per period with the top tags,
authors and cited domains; edits per week; articles per region and a picture of the places named; drones and
missiles per night; killed and injured per week by region."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path


def plain_label(text: str) -> str:
    """A label matplotlib draws as written: a ``$`` would start mathtext, which fails on what it cannot parse."""
    return str(text).replace("$", r"\$")


def chart(stats: dict, path: Path):
    """A PNG of articles per period, top tags, top authors and top cited domains; returns the figure."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    figure, (per_day, tags, authors, domains) = plt.subplots(4, 1, figsize=(10, 16), constrained_layout=True)
    days = list(stats["per_period"])
    per_day.bar(range(len(days)), list(stats["per_period"].values()), color="#1f5fa8")
    step = max(1, len(days) // 15)
    labels = [days[i][:7] if stats["unit"] == "month" else days[i] for i in range(0, len(days), step)]
    per_day.set_xticks(range(0, len(days), step), labels, rotation=45, ha="right")
    per_day.yaxis.set_major_locator(MaxNLocator(integer=True))
    per_day.set_title(f"Articles per {stats['unit']}")
    per_day.set_xlabel("Publication date (UTC)" if stats["unit"] == "day"
                       else f"Publication {stats['unit']} (UTC, {'weeks from Monday' if stats['unit'] == 'week' else 'month'})")
    per_day.set_ylabel("Articles")
    for axis, pairs, title, label in ((tags, stats["tags"], "Top tags", "Tag"),
                                      (authors, stats["authors"], "Top authors", "Author"),
                                      (domains, stats["domains"], "Top cited domains (articles linking to each; "
                                                                  "the site's own left out)", "Domain")):
        names = [plain_label(n) for n, _ in pairs][::-1]
        axis.barh(names, [c for _, c in pairs][::-1], color="#e0a526")
        axis.xaxis.set_major_locator(MaxNLocator(integer=True))
        axis.set_title(title)
        axis.set_xlabel("Articles")
        axis.set_ylabel(label)
    figure.savefig(path, dpi=100)
    plt.close(figure)
    return figure


def edits_chart(edits: dict, path: Path):
    """A PNG of edits per week (weeks from Monday, by when the new version was fetched) on a time axis: a week
    without edits is a gap."""
    plt = _pyplot()
    from matplotlib.ticker import MaxNLocator

    figure, axis = plt.subplots(figsize=(10, 4), layout="constrained")
    axis.set_title("Edits per week (new versions of articles already exported)")
    weeks = {date.fromisoformat(week): count for week, count in edits["per_week"].items()}
    if not weeks:
        return _save(_nothing(figure, (axis,), "No edits yet: no article has a second version"), path)
    starts, widths = _bars(weeks, "week")
    axis.bar(starts, list(weeks.values()), widths, align="edge", color="#b03a2e")
    _time_axis(axis, starts, widths)
    axis.yaxis.set_major_locator(MaxNLocator(integer=True))
    axis.set_xlabel("Week the new version was fetched (UTC, from Monday)")
    axis.set_ylabel("Edits")
    return _save(figure, path)


def places_chart(where: dict, path: Path):
    """A PNG of articles per region and a map picture of the places named (points at their latitude and
    longitude, sized by articles; no map tiles are fetched); returns the figure."""
    import math

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    figure, (bars, points) = plt.subplots(2, 1, figsize=(10, 15), constrained_layout=True)
    names = [plain_label(n) for n, _ in where["regions"]][::-1]
    bars.barh(names, [c for _, c in where["regions"]][::-1], color="#1f5fa8")
    bars.xaxis.set_major_locator(MaxNLocator(integer=True))
    bars.set_title("Articles per region named (an article counts once for each region it names)")
    bars.set_xlabel("Articles")
    bars.set_ylabel("Region")
    located = [(p, n) for p, n in where["places"] if p.latitude is not None]
    if located:
        colours = {"settlement": "#e0a526", "city district": "#e0a526", "region": "#1f5fa8"}
        points.scatter([p.longitude for p, _ in located], [p.latitude for p, _ in located],
                       s=[20 + 40 * math.sqrt(n) for _, n in located], alpha=0.6,
                       c=[colours.get(p.kind, "#b03a2e") for p, _ in located], edgecolors="#333", linewidths=0.5)
        for place, _ in located[:15]:
            points.annotate(plain_label(place.name), (place.longitude, place.latitude), fontsize=8,
                            xytext=(4, 4), textcoords="offset points")
        points.set_aspect(1 / math.cos(math.radians(sum(p.latitude for p, _ in located) / len(located))))
    points.set_title("Places named (settlements yellow, regions blue at their centre, landmarks red; "
                     "size: articles)")
    points.set_xlabel("Longitude (°E)")
    points.set_ylabel("Latitude (°N)")
    points.grid(alpha=0.3)
    figure.savefig(path, dpi=100)
    plt.close(figure)
    return figure


def air_chart(nights: dict[str, dict[str, int]], path: Path, reference: dict[str, dict[str, int]] | None = None):
    """A PNG of Russia's drones and missiles launched against Ukraine and shot down, per night the attack began
    (one direction: Ukraine's strikes on Russia are never in it) on a time axis: a night, week or month without
    figures is a gap. Over more than ``DAYS_UP_TO`` days the nights of a week (or month) are summed. ``reference``
    (the Air Force's dataset, ``outputs/reference.py``: the same keys per night) is drawn as lines beside the bars,
    binned the same way, over the span of the bars."""
    plt = _pyplot()
    from matplotlib.ticker import MaxNLocator

    figure, (drones, missiles) = plt.subplots(2, 1, figsize=(10, 4.5), layout="constrained", sharex=True)
    unit, bins = binned({date.fromisoformat(night): values for night, values in nights.items()},
                        lambda a, b: {k: a.get(k, 0) + b.get(k, 0) for k in {*a, *b}})
    per = "night" if unit == "day" else f"{unit} (its nights summed)"
    figure.suptitle(f"Russia's drones and missiles against Ukraine per {per}\n(the night the attack began; for a "
                    "night, the largest figure any article states)", fontsize=10)
    if not bins:
        return _save(_nothing(figure, (drones, missiles), f"{NOTHING}: no article states an air attack"), path)
    starts, widths = _bars(bins, unit)
    for axis, kind, colour in ((drones, "drones", "#1f5fa8"), (missiles, "missiles", "#b03a2e")):
        axis.bar(starts, [v.get(f"{kind}_launched") or 0 for v in bins.values()], widths, align="edge",
                 color="#bbbbbb", label="launched")
        axis.bar(starts, [v.get(f"{kind}_downed") or 0 for v in bins.values()], widths, align="edge", color=colour,
                 label=f"{kind} shot down")
        axis.set_ylabel(kind.capitalize())
        axis.yaxis.set_major_locator(MaxNLocator(integer=True))
        axis.grid(axis="y", alpha=0.3)
    _time_axis(missiles, starts, widths)
    missiles.set_xlabel("Night the attack began" if unit == "day" else f"{unit.capitalize()} the attacks began"
                       f"{' (from Monday)' if unit == 'week' else ''}")
    handles = [drones.patches[0], drones.patches[len(bins)], missiles.patches[len(bins)]]
    labels = ["launched", "drones shot down", "missiles shot down"]
    lines = _reference_lines((drones, missiles), reference, unit, min(bins), max(bins))
    if lines:
        handles += lines
        labels += ["Air Force dataset: launched", "Air Force dataset: shot down"]
    figure.legend(handles, labels, loc="outside right upper", fontsize=8)
    return _save(figure, path)


def _reference_lines(axes, reference: dict[str, dict[str, int]] | None, unit: str, first: date, last: date):
    """The Air Force's launched and shot down as lines through the middle of each period, binned by ``unit``,
    over the periods ``first`` to ``last``; the two line handles for the legend, or [] when it has none there."""
    if not reference:
        return []
    per_day = {date.fromisoformat(night): values for night, values in reference.items()}
    bins = {start: values for start, values in binned_as(per_day, unit, lambda a, b: {
        k: a.get(k, 0) + b.get(k, 0) for k in {*a, *b}}).items() if first <= start <= last}
    if not bins:
        return []
    from matplotlib.dates import date2num

    handles = []
    for axis, kind in zip(axes, ("drones", "missiles"), strict=True):
        for metric, style in (("launched", {"color": "#333333", "linestyle": "--", "marker": "o", "zorder": 4}),
                              ("downed", {"color": "#2a9d3f", "linestyle": "-", "marker": "s"})):
            points = [(float(date2num(start)) + 0.85 * period_days(start, unit) / 2, values[f"{kind}_{metric}"])
                      for start, values in bins.items() if values.get(f"{kind}_{metric}") is not None]
            (line,) = axis.plot([x for x, _ in points], [y for _, y in points], linewidth=1.2, markersize=4,
                                label=f"Air Force dataset: {metric}", **style)
            if axis is axes[0]:
                handles.append(line)
    return handles


def tolls_chart(days: dict[str, dict[str, list[int]]], path: Path, top: int = 8):
    """A PNG of killed and injured per day, week (from Monday) or month, by the span, stacked by region (its
    name), the ``top`` regions by toll apart, on a time axis: a period without a toll is a gap.
    ``days``: {day: {region code: [killed, injured]}}."""
    plt = _pyplot()
    from matplotlib.ticker import MaxNLocator

    totals: dict[str, int] = {}
    for regions in days.values():
        for region, (killed, injured) in regions.items():
            totals[region] = totals.get(region, 0) + killed + injured
    named = sorted(totals, key=lambda r: (-totals[r], r))[:top]

    def add(a: dict, b: dict) -> dict:
        return {r: [x + y for x, y in zip(a.get(r, [0, 0]), b.get(r, [0, 0]), strict=True)] for r in {*a, *b}}

    unit, bins = binned({date.fromisoformat(day): regions for day, regions in days.items()}, add)
    figure, axes = plt.subplots(2, 1, figsize=(10, 7), layout="constrained", sharex=True)
    figure.suptitle(f"Killed and injured per {unit}{' (from Monday)' if unit == 'week' else ''}, by region, as the "
                    "News Feed reported them", fontsize=10)
    if not bins:
        return _save(_nothing(figure, axes, f"{NOTHING}: no article states a toll in a region"), path)
    starts, widths = _bars(bins, unit)
    names = region_names()
    others = len(totals) - len(named)
    for axis, index, what in ((axes[0], 0, "Killed"), (axes[1], 1, "Injured")):
        bottom = [0] * len(bins)
        for region in [*named, "other"] if others else named:
            values = [sum(v[index] for r, v in regions.items() if (r == region or (region == "other" and r not in named)))
                      for regions in bins.values()]
            label = f"{others} other region{'s' if others > 1 else ''}" if region == "other" else names.get(region, region)
            axis.bar(starts, values, widths, bottom=bottom, align="edge", label=plain_label(label))
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        axis.set_ylabel(what)
        axis.yaxis.set_major_locator(MaxNLocator(integer=True))
        axis.grid(axis="y", alpha=0.3)
    _time_axis(axes[1], starts, widths)
    axes[1].set_xlabel(f"{unit.capitalize()} of the attack (Kyiv)")
    handles, labels = axes[0].get_legend_handles_labels()
    figure.legend(handles, labels, loc="outside right upper", fontsize=8, title="Region", title_fontsize=8)
    return _save(figure, path)


# the time charts' bins, by the span they cover: days up to about four months, weeks up to about three years
DAYS_UP_TO, WEEKS_UP_TO = 120, 3 * 366


def binned(per_day: dict[date, object], add) -> tuple[str, dict[date, object]]:
    """("day" | "week" | "month", {first day of each period that has figures: its values, ``add`` joining
    the days of one period}), sorted; a period without figures is left out (a gap on the time axis)."""
    if not per_day:
        return "day", {}
    span = (max(per_day) - min(per_day)).days + 1
    unit = "day" if span <= DAYS_UP_TO else "week" if span <= WEEKS_UP_TO else "month"
    return unit, binned_as(per_day, unit, add)


def binned_as(per_day: dict[date, object], unit: str, add) -> dict[date, object]:
    """{first day of each ``unit`` that has figures: its values, ``add`` joining the days of one period}, sorted."""
    bins: dict[date, object] = {}
    for day in sorted(per_day):
        start = period_start(day, unit)
        bins[start] = add(bins[start], per_day[day]) if start in bins else per_day[day]
    return bins


def period_start(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1) if unit == "month" else day


def period_days(start: date, unit: str) -> int:
    if unit == "month":
        return ((start.replace(day=28) + timedelta(days=4)).replace(day=1) - start).days
    return 7 if unit == "week" else 1


def region_names() -> dict[str, str]:
    """ISO 3166-2 code: the region's English name ("UA-63": "Kharkiv Oblast"), from the places' own table
    (no gazetteer loaded)."""
    from kyivind.places.names import regions

    return {row["code"]: row["name"] for row in regions()}


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _bars(bins: dict[date, object], unit: str) -> tuple[list[float], list[float]]:
    """Each period's bar: its left edge at the period's first day (matplotlib's date numbers: days) and its
    width most of the period, so that bars days apart are drawn days apart."""
    from matplotlib.dates import date2num

    return [float(date2num(start)) for start in bins], [0.85 * period_days(start, unit) for start in bins]


def _time_axis(axis, starts: list[float], widths: list[float]) -> None:
    """A date axis (matplotlib's date locator and concise formatter), a day of margin on each side."""
    import matplotlib.dates as mdates

    axis.xaxis_date()
    locator = mdates.AutoDateLocator(minticks=5, maxticks=14)
    axis.xaxis.set_major_locator(locator)
    axis.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    margin = max(1.0, 0.02 * (starts[-1] + widths[-1] - starts[0]))
    axis.set_xlim(starts[0] - margin, starts[-1] + widths[-1] + margin)


NOTHING = "No figures yet"


def _nothing(figure, axes, text: str):
    """An empty chart: its axes hidden (no empty scale around 0) and ``text`` written where the bars would be."""
    for axis in axes:
        axis.set_axis_off()
    figure.text(0.5, 0.5, f"{text}.", ha="center", va="center", fontsize=14, color="#555555")
    return figure


def _save(figure, path: Path):
    import matplotlib.pyplot as plt

    figure.savefig(path, dpi=100)
    plt.close(figure)
    return figure
