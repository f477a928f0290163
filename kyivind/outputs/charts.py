"""The report's pictures, drawn with matplotlib (Agg, no display): articles per period with the top tags,
authors and cited domains; edits per week; articles per region and a picture of the places named; drones and
missiles per night; killed and injured per week by region."""

from __future__ import annotations

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
    """A PNG of edits per week (weeks from Monday, by when the new version was fetched)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    figure, axis = plt.subplots(figsize=(10, 4), constrained_layout=True)
    weeks = list(edits["per_week"])
    axis.bar(range(len(weeks)), list(edits["per_week"].values()), color="#b03a2e")
    step = max(1, len(weeks) // 15)
    axis.set_xticks(range(0, len(weeks), step), [weeks[i] for i in range(0, len(weeks), step)], rotation=45,
                    ha="right")
    axis.yaxis.set_major_locator(MaxNLocator(integer=True))
    axis.set_title("Edits per week (new versions of articles already exported)")
    axis.set_xlabel("Week the new version was fetched (UTC, from Monday)")
    axis.set_ylabel("Edits")
    figure.savefig(path, dpi=100)
    plt.close(figure)
    return figure


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


def air_chart(nights: dict[str, dict[str, int]], path: Path):
    """A PNG of Russia's drones and missiles launched against Ukraine and shot down, per night the attack began
    (one direction: Ukraine's strikes on Russia are never in it)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (drones, missiles) = plt.subplots(2, 1, figsize=(10, 4.5), constrained_layout=True, sharex=True)
    labels = list(nights)
    positions = range(len(labels))
    for axis, kind, colour in ((drones, "drones", "#1f5fa8"), (missiles, "missiles", "#b03a2e")):
        launched = [nights[n][f"{kind}_launched"] for n in labels]
        downed = [nights[n][f"{kind}_downed"] for n in labels]
        axis.bar(positions, launched, color="#cccccc", label="launched")
        axis.bar(positions, downed, color=colour, label="shot down")
        axis.set_ylabel(kind.capitalize())
        axis.legend(loc="upper left", fontsize=8)
    step = max(1, len(labels) // 15)
    missiles.set_xticks(range(0, len(labels), step), labels[::step], rotation=45, ha="right")
    drones.set_title("Russia's drones and missiles against Ukraine per night (the night the attack began; the "
                     "largest figure any article states)")
    missiles.set_xlabel("Night of")
    figure.savefig(path, dpi=100)
    plt.close(figure)
    return figure


def tolls_chart(weeks: dict[str, dict[str, list[int]]], path: Path, top: int = 8):
    """A PNG of killed and injured per week (from Monday), stacked by region, the ``top`` regions by toll apart."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    totals: dict[str, int] = {}
    for regions in weeks.values():
        for region, (killed, injured) in regions.items():
            totals[region] = totals.get(region, 0) + killed + injured
    named = sorted(totals, key=lambda r: -totals[r])[:top]
    labels = list(weeks)
    figure, axes = plt.subplots(2, 1, figsize=(10, 7), constrained_layout=True, sharex=True)
    for axis, index, what in ((axes[0], 0, "Killed"), (axes[1], 1, "Injured")):
        bottom = [0] * len(labels)
        for region in [*named, "other"]:
            values = [sum(v[index] for r, v in weeks[w].items() if (r == region or
                                                                    (region == "other" and r not in named)))
                      for w in labels]
            axis.bar(range(len(labels)), values, bottom=bottom, label=plain_label(region))
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        axis.set_ylabel(what)
    axes[0].legend(loc="upper left", fontsize=7, ncol=3)
    step = max(1, len(labels) // 15)
    axes[1].set_xticks(range(0, len(labels), step), labels[::step], rotation=45, ha="right")
    axes[1].set_xlabel("Week (from Monday) of publication")
    axes[0].set_title("Killed and injured per week, by region (ISO 3166-2), as the News Feed reported them")
    figure.savefig(path, dpi=100)
    plt.close(figure)
    return figure
