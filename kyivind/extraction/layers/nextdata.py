"""Layer 1: the post object a Next.js front end embeds (``__NEXT_DATA__`` or ``self.__next_f``)."""

from __future__ import annotations

from kyivind.extraction.ghost_post import find_post, post_fields
from kyivind.extraction.page import Page


def parse(page: Page) -> dict:
    for payload in page.iter_next_payloads():
        post = find_post(payload)
        if post is not None:
            return post_fields(post)
    return {}
