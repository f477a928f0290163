"""Extraction time per page: kyivind's ``extract_article`` against lxml's parse of the same page (the
floor: any extraction parses the page once), trafilatura and newspaper4k, on three corpora.

    python -m bench.bench_extraction [--repeat 5] [--page-kib 200]

- ``replica``: every article page of the replica in its four themes that need no browser (ghost, next,
  bare, plain), about 6 KiB each, as the crawl receives them;
- ``crawl-9k``: the 9 KiB article pages the crawl benchmark serves (``bench_crawl``: the Ghost theme with its
  rails of other stories, 300 of them);
- ``nextjs-200k``: the Next.js theme's pages grown to ``--page-kib`` KiB the way the live site's are heavy
  (inline ``self.__next_f.push`` RSC lines and a JSON blob; ``bench_reextract.padded``).

Each figure is the best of ``--repeat`` passes over the corpus, in one process, one after the other.
kyivind and lxml are given the page's UTF-8 bytes, as the crawl receives and extracts them (``response.body``);
trafilatura and newspaper4k the decoded text they take. kyivind's pass reads every field, links and embeds
included; trafilatura's is asked for metadata and links; newspaper4k's parses the given HTML (no download, no
images). Goals (issue 22): kyivind at most 3x lxml's parse time and at least 8x faster than trafilatura.
"""

from __future__ import annotations

import argparse
import json
import time
import warnings

from kyivind.extraction import extract_article
from tests.replica.server import ReplicaSite

THEMES = ("ghost", "next", "bare", "plain")


def replica_pages() -> list[tuple[str, str]]:
    out = []
    for theme in THEMES:
        site = ReplicaSite(theme)
        out += [(f"https://kyivindependent.com/{p['slug']}/", site.article(p["slug"])) for p in site.posts]
    return out


def crawl_pages(count: int = 300) -> list[tuple[str, str]]:
    from tests.replica.content import many_posts

    site = ReplicaSite("ghost", many_posts(count), page_size=20)
    return [(f"https://kyivindependent.com/{p['slug']}/", site.article(p["slug"])) for p in site.posts]


def heavy_pages(kib: int) -> list[tuple[str, str]]:
    from bench.bench_reextract import padded

    site = ReplicaSite("next")
    return [(f"https://kyivindependent.com/{p['slug']}/", padded(site.article(p["slug"]), kib * 1024, n))
            for n, p in enumerate(site.posts)]


def best_of(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def contenders():
    import lxml.html
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import newspaper

    def lxml_parse(url, html, body):
        return lxml.html.fromstring(body)

    def kyivind(url, html, body):
        return extract_article(body, url)

    def traf(url, html, body):
        return trafilatura.extract(html, url=url, with_metadata=True, include_links=True)

    def n4k(url, html, body):
        article = newspaper.Article(url, fetch_images=False)
        article.download(input_html=html)
        article.parse()
        return article

    return {"lxml_parse": lxml_parse, "kyivind": kyivind, "trafilatura": traf, "newspaper4k": n4k}


def measure(corpus: list[tuple[str, str]], repeat: int) -> dict:
    ms = {}
    pages = [(url, html, html.encode()) for url, html in corpus]
    for name, run in contenders().items():
        ms[name] = 1000 * best_of(repeat, lambda run=run: [run(*page) for page in pages]) / len(corpus)
    return {"pages": len(corpus), "kib_per_page": round(sum(len(h.encode()) for _, h in corpus) / len(corpus) / 1024, 1),
            "ms_per_page": {k: round(v, 3) for k, v in ms.items()},
            "kyivind_over_lxml_parse": round(ms["kyivind"] / ms["lxml_parse"], 2),
            "speedup_vs_trafilatura": round(ms["trafilatura"] / ms["kyivind"], 2),
            "speedup_vs_newspaper4k": round(ms["newspaper4k"] / ms["kyivind"], 2)}


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--page-kib", type=int, default=200)
    args = parser.parse_args(argv)
    result = {"replica": measure(replica_pages(), args.repeat),
              "crawl-9k": measure(crawl_pages(), args.repeat),
              f"nextjs-{args.page_kib}k": measure(heavy_pages(args.page_kib), args.repeat)}
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
