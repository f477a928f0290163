"""Time of each rule that reads page, feed or archive text (tests/hostile/text.py), on hostile text: CPU seconds
for a megabyte (what tests/test_hostile_text.py gives a budget of 60 CPU seconds), and how much longer 10×
the input takes than the input (about 10× for a linear rule, 100× for a quadratic one), by the wall clock and
in CPU time.

    python -m bench.bench_linear [-k WORD]

Measure on a quiet machine: the wall-clock ratio moves with the load of the machine.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from tests.hostile.text import CASES
from tests.work import SIZE, grown, within_cpu_budget

ROOT = Path(__file__).resolve().parent.parent
ENOUGH = 0.002  # seconds: below this a measure is mostly noise, so the input grows first


def best_of(function, argument, clock, times: int = 3) -> float:
    best = float("inf")
    for _ in range(times):
        start = clock()
        try:
            function(argument)
        except ValueError:
            pass
        best = min(best, clock() - start)
    return best


def growth(function, make, n: int, clock) -> tuple[int, float]:
    """(n, how much longer 10n takes than n), with n grown until one call is long enough to measure."""
    while best_of(function, make(n), clock, 1) < ENOUGH and n < 2_000_000:
        n *= 4
    return n, best_of(function, make(10 * n), clock) / best_of(function, make(n), clock)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-k", default="", help="only the cases whose name has this word")
    options = parser.parse_args(argv)
    rows = {}
    print("| rule on hostile text | CPU s for 1 MB | 10× input: wall | 10× input: CPU |")
    print("| --- | --- | --- | --- |")
    for name, (function, make, n) in sorted(CASES.items()):
        if options.k not in name:
            continue
        text = grown(make, n, SIZE)
        started = time.process_time()
        within_cpu_budget(function, text)
        megabyte = time.process_time() - started
        at, wall = growth(function, make, n, time.perf_counter)
        _, cpu = growth(function, make, n, time.process_time)
        rows[name] = {"cpu_seconds_1mb": round(megabyte, 3), "from_n": at, "wall_ratio": round(wall, 1),
                      "cpu_ratio": round(cpu, 1)}
        print(f"| {name} | {megabyte:.3f} | {wall:.1f}× | {cpu:.1f}× |", flush=True)
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "linear.json").write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
