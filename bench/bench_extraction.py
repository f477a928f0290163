"""Extraction time per page: kyivind's ``extract_article`` vs trafilatura on the same replica pages.

    python -m bench.bench_extraction [--repeat 5]

Both read the same HTML text of every article page of the replica in all three themes. Reports
milliseconds per page and the ratio (goal: kyivind at least 3x faster than trafilatura).
"""

from __future__ import annotations

import argparse
import json
import time

from kyivind.extraction import extract_article
from tests.replica.server import ReplicaSite


def pages() -> list[tuple[str, str]]:
    out = []
    for theme in ("ghost", "next", "bare"):
        site = ReplicaSite(theme)
        out += [(f"https://kyivindependent.com/{p['slug']}/", site.article(p["slug"])) for p in site.posts]
    return out


def best_of(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    import trafilatura

    corpus = pages()
    ours = best_of(args.repeat, lambda: [extract_article(html, url) for url, html in corpus])
    theirs = best_of(args.repeat, lambda: [trafilatura.extract(html, url=url, with_metadata=True) for url, html in corpus])
    result = {
        "pages": len(corpus),
        "kyivind_ms_per_page": round(1000 * ours / len(corpus), 3),
        "trafilatura_ms_per_page": round(1000 * theirs / len(corpus), 3),
        "speedup_vs_trafilatura": round(theirs / ours, 2),
    }
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
