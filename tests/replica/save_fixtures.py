"""Write the replica's pages to ``tests/fixtures/`` as saved pages for the extraction tests.

    python -m tests.replica.save_fixtures

The saved files are what the layer tests read; re-run this after changing a theme.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import themes
from .content import posts
from .server import ReplicaSite

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
MULTI = "zelensky-meets-trump-in-washington-as-talks-on-security-guarantees-continue"
SEED = "ukraine-working-on-1-000-for-1-000-prisoner-exchange-with-russia-zelensky-says"


def app_router_page(post: dict) -> str:
    """A Next.js App Router page: the post only in ``self.__next_f.push`` chunks, no ``__NEXT_DATA__``."""
    payload = "1:" + json.dumps({"post": themes.api_post(post)}) + "\n"
    half = len(payload) // 2
    chunks = "".join(f"<script>self.__next_f.push({themes.next_json([1, part])})</script>" for part in (payload[:half], payload[half:]))
    return (f'<!DOCTYPE html><html lang="en"><head><title>{post["title"]}</title></head><body>'
            f'<div><h1>{post["title"]}</h1><p>Loading…</p></div><script>(self.__next_f=self.__next_f||[]).push([0])</script>'
            f"{chunks}</body></html>")


def main() -> None:
    FIXTURES.mkdir(exist_ok=True)
    for theme in ("ghost", "next", "bare"):  # the script theme serves the next theme's article pages
        site = ReplicaSite(theme)
        (FIXTURES / f"{theme}-article.html").write_text(site.article(MULTI), encoding="utf-8")
        (FIXTURES / f"{theme}-seed-article.html").write_text(site.article(SEED), encoding="utf-8")
        (FIXTURES / f"{theme}-listing-1.html").write_text(site.listing(1), encoding="utf-8")
        (FIXTURES / f"{theme}-author.html").write_text(themes.author_page(theme, "kateryna-denisova", site.posts), encoding="utf-8")
    post = next(p for p in posts() if p["slug"] == MULTI)
    (FIXTURES / "next-app-router-article.html").write_text(app_router_page(post), encoding="utf-8")
    print(f"fixtures written to {FIXTURES}")


if __name__ == "__main__":
    main()
