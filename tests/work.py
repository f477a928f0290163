"""Work a call does, measured so that the machine's load cannot change the verdict.

A rule is shown linear by an input so large that reading it in time proportional to its square would take
many minutes, while one pass takes at most seconds: the call is stopped once it has used ``budget`` seconds
of this process's CPU time (``ITIMER_PROF``: the work this process did, to which time spent waiting for the
other processes of a busy machine never adds). The budget sits between the two, a wide margin from each, so
neither load nor noise moves a call from one side to the other. The regular-expression engine looks for
signals as it backtracks, so even a runaway pattern is stopped.

A loop of Python code is shown linear by counting its function calls (``calls``), which no load changes.
"""

from __future__ import annotations

import signal
import sys

# a megabyte of input: a rule that spends even one nanosecond on each pair of positions needs 500 s; every
# rule of kyivind reads it in at most about 3 s of CPU time (python -m bench.bench_linear)
SIZE = 1_000_000
BUDGET = 60.0  # CPU seconds


class OverBudget(BaseException):
    """The call used its whole budget (a BaseException, so that no ``except Exception`` of a rule keeps it)."""


def within_cpu_budget(function, *arguments, budget: float = BUDGET) -> None:
    """``function(*arguments)``, stopped with OverBudget once it has spent ``budget`` seconds of this process's
    CPU time (a bound, as a timeout is, not a measure: bench/bench_linear.py times the rules). A ValueError of the
    rule is its answer to bad input, not a fault: it counts as done."""

    def stop(signum, frame):
        raise OverBudget(f"still working after {budget:g} CPU seconds")

    previous = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, budget)
    try:
        function(*arguments)
    except ValueError:
        pass
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def grown(make, n: int, size: int = SIZE) -> str:
    """``make(n)`` with ``n`` doubled until the input is at least ``size`` characters."""
    while len(text := make(n)) < size:
        n *= 2
    return text


def calls(function, *arguments) -> int:
    """How many functions (Python's and built-in ones) ``function(*arguments)`` calls."""
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        function(*arguments)
    finally:
        sys.setprofile(previous)
    return count
