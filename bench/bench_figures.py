"""Where the figure derivation spends its time: ``figures.derive`` over the bench articles of ``bench_db``, then
each shared part alone over the very calls derive made (recorded once, replayed best of ``--times``): the place
matcher, the role of every number (``mask``), the quick pattern searches (``Quick``, the ten costliest patterns)
and the substring pre-tests (``has_any``, the ten costliest call sites). What the parts do not take is the rules'
own code (statements, scope, air, tolls).

    python -m bench.bench_figures [--articles 3000] [--times 5]

Milliseconds an article; CPU time (``time.process_time``), best of ``--times``: still noisy on a busy machine, so
compare two trees on one machine, one after the other, more than once. The lists of patterns and call sites time each
call apart, the clock's own cost in each: they rank, their sum is more than the part's.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time

from bench.bench_db import articles
from kyivind import figures
from kyivind.figures import air, numbers, scope, statements, text, tolls
from kyivind.places import matcher

MODULES = (text, scope, air, statements, tolls)


def best(function, times: int) -> float:
    found = float("inf")
    for _ in range(times):
        start = time.process_time()
        function()
        found = min(found, time.process_time() - start)
    return found


def record(rows: list[dict]) -> dict[str, list]:
    """The calls one derive over ``rows`` makes to the shared parts, with their arguments (and the caller's line for
    ``has_any``)."""
    calls: dict[str, list] = {"match": [], "mask": [], "quick": [], "has_any": []}
    match, mask, has_any = matcher.match, numbers.mask, text.has_any
    finditer, search = text.Quick.finditer, text.Quick.search

    def recorded_match(title, body, places=None):
        calls["match"].append((title, body))
        return match(title, body, places)

    def recorded_mask(sentence):
        calls["mask"].append(sentence)
        return mask(sentence)

    def recorded_has_any(lower, words):
        caller = sys._getframe(1).f_code
        calls["has_any"].append((lower, words, f"{caller.co_filename.rsplit('/', 1)[-1]}:{caller.co_name}"))
        return has_any(lower, words)

    def recorded_finditer(quick, sentence, pos=0, endpos=sys.maxsize):
        calls["quick"].append((quick, finditer, sentence, pos, endpos))
        return finditer(quick, sentence, pos, endpos)

    def recorded_search(quick, sentence, pos=0, endpos=sys.maxsize):
        calls["quick"].append((quick, search, sentence, pos, endpos))
        return search(quick, sentence, pos, endpos)

    saved = {module: getattr(module, "has_any", None) for module in MODULES}
    matcher.match, numbers.mask = recorded_match, recorded_mask
    text.Quick.finditer, text.Quick.search = recorded_finditer, recorded_search
    for module in MODULES:
        if saved[module] is not None:
            module.has_any = recorded_has_any
    saved_mask = {module: module.mask for module in (statements,) if hasattr(module, "mask")}
    for module in saved_mask:
        module.mask = recorded_mask
    try:
        for row in rows:
            figures.derive(row["title"], row["body_text"], row["published_at"])
    finally:
        matcher.match, numbers.mask = match, mask
        text.Quick.finditer, text.Quick.search = finditer, search
        for module, function in saved.items():
            if function is not None:
                module.has_any = function
        for module, function in saved_mask.items():
            module.mask = function
    return calls


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--times", type=int, default=5)
    args = parser.parse_args(argv)
    rows = articles(args.articles)
    per = 1000 / len(rows)

    def derive_all():
        for row in rows:
            figures.derive(row["title"], row["body_text"], row["published_at"])

    print(f"derive: {best(derive_all, args.times) * per:.3f} ms an article ({len(rows)} articles)")
    calls = record(rows)
    parts = {
        "places.match": lambda: [matcher.match(title, body) for title, body in calls["match"]],
        "numbers.mask": lambda: [numbers.mask(sentence) for sentence in calls["mask"]],
        "Quick searches": lambda: [list(method(quick, sentence, pos, endpos) or ()) if method is text.Quick.finditer
                                   else method(quick, sentence, pos, endpos)
                                   for quick, method, sentence, pos, endpos in calls["quick"]],
        "has_any": lambda: [text.has_any(lower, words) for lower, words, _ in calls["has_any"]],
    }
    for name, function in parts.items():
        key = {"places.match": "match", "numbers.mask": "mask", "Quick searches": "quick"}.get(name, "has_any")
        print(f"  {name}: {best(function, args.times) * per:.3f} ms an article ({len(calls[key])} calls)")
    by_pattern: collections.Counter = collections.Counter()
    for quick, method, sentence, pos, endpos in calls["quick"]:
        start = time.process_time()
        result = method(quick, sentence, pos, endpos)
        if method is text.Quick.finditer:
            list(result)
        by_pattern[quick.pattern[:70]] += time.process_time() - start
    print("  the costliest Quick patterns:")
    for pattern, seconds in by_pattern.most_common(10):
        print(f"    {seconds * per:.3f}  {pattern}")
    by_site: collections.Counter = collections.Counter()
    count: collections.Counter = collections.Counter()
    for lower, words, site in calls["has_any"]:
        start = time.process_time()
        text.has_any(lower, words)
        by_site[site] += time.process_time() - start
        count[site] += 1
    print("  the costliest has_any call sites:")
    for site, seconds in by_site.most_common(10):
        print(f"    {seconds * per:.3f}  {site} ({count[site]} calls)")


if __name__ == "__main__":
    main()
