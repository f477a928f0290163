"""Shared by the benchmarks: a larger replica (the replica's posts cloned under new slugs)."""

from __future__ import annotations

import copy

from tests.replica.content import posts


def many_posts(count: int) -> list[dict]:
    base = posts()
    out = []
    for i in range(count):
        post = copy.deepcopy(base[i % len(base)])
        if i >= len(base):
            post["slug"] = f"{post['slug']}-{i}"
            post["title"] = f"{post['title']} ({i})"
            post.pop("legacy_path", None)
            post.pop("flaky_once", None)
            day = 1 + i % 28
            post["published_at"] = f"2024-{1 + (i // 28) % 12:02d}-{day:02d}T10:{i % 60:02d}:00.000Z"
            post["updated_at"] = post["published_at"]
        out.append(post)
    return out
