"""Cost per listing page: plain (HTTP + parse) vs rendered in Chromium (load + Show More + parse).

    python -m bench.bench_render [--loads 20]

Uses the same pieces as the spider (``extract_listing``, ``kyivind.crawl.render.click_show_more``) against
the replica: the plain ``ghost`` listing fetched plainly and rendered, and the ``script`` listing
(cards drawn from JSON, two Show More clicks) rendered. The browser is launched once; its start-up
is reported apart.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
import urllib.request

from kyivind.crawl.render import CHROMIUM_ARGS, click_show_more
from kyivind.extraction import extract_listing
from tests.replica.server import ReplicaServer, ReplicaSite


def plain(url: str, hosts: set, loads: int) -> tuple[float, int]:
    start = time.perf_counter()
    for _ in range(loads):
        with urllib.request.urlopen(url) as answer:
            found = extract_listing(answer.read().decode(), url, hosts)
    return (time.perf_counter() - start) / loads, len(found.article_urls)


async def rendered(browser, url: str, hosts: set, loads: int) -> tuple[float, int]:
    start = time.perf_counter()
    for _ in range(loads):
        page = await browser.new_page()
        await page.goto(url, wait_until="networkidle")
        await click_show_more(page, 50)
        found = extract_listing(await page.content(), url, hosts)
        await page.close()
    return (time.perf_counter() - start) / loads, len(found.article_urls)


async def measure(loads: int, chromium: str) -> dict:
    from playwright.async_api import async_playwright

    with ReplicaServer(ReplicaSite("ghost")) as ghost, ReplicaServer(ReplicaSite("script")) as script:
        hosts = {ghost.url.split("//")[1], script.url.split("//")[1], "kyivindependent.com"}
        plain_s, plain_cards = plain(f"{ghost.url}/tag/news-feed/", hosts, loads)
        async with async_playwright() as p:
            start = time.perf_counter()
            browser = await p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            launch = time.perf_counter() - start
            ghost_s, ghost_cards = await rendered(browser, f"{ghost.url}/tag/news-feed/", hosts, loads)
            script_s, script_cards = await rendered(browser, f"{script.url}/tag/news-feed/", hosts, loads)
            await browser.close()
    return {
        "loads": loads,
        "plain_ms_per_page": round(plain_s * 1000, 1), "plain_cards": plain_cards,
        "rendered_ms_per_page": round(ghost_s * 1000, 1), "rendered_cards": ghost_cards,
        "rendered_with_show_more_ms_per_page": round(script_s * 1000, 1), "show_more_cards": script_cards,
        "browser_launch_ms": round(launch * 1000, 1),
        "rendered_over_plain": round(ghost_s / plain_s, 1),
    }


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=20)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args(argv)
    result = asyncio.run(measure(args.loads, args.chromium))
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
