"""The data a Next.js App Router page streams to its script (``self.__next_f.push([1, "..."])``), read as text:
the post a front end embeds there is read by the ``nextdata`` layer through ``Page``."""

from __future__ import annotations

import json

NEXT_F_PUSH = "self.__next_f.push("
_JSON = json.JSONDecoder()


def next_f_chunks(script: str) -> list[str]:
    """The strings a Next.js App Router page pushes (``self.__next_f.push([1, "..."])``), read in one pass:
    each push is decoded where it starts, and an argument that does not parse (an unclosed string runs to
    the end of the script) ends the reading of that script."""
    chunks, start = [], 0
    while (found := script.find(NEXT_F_PUSH, start)) >= 0:
        try:
            pushed, start = _JSON.raw_decode(script, found + len(NEXT_F_PUSH))
        except (ValueError, RecursionError):
            break
        if isinstance(pushed, list) and len(pushed) > 1 and isinstance(pushed[1], str):
            chunks.append(pushed[1])
    return chunks
