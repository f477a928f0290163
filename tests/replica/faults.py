"""The bad-input corpus and a replica that serves it: one listing page whose cards lead to every fault.

    python -m tests.replica.faults --write     # (re)write tests/badinput/ from the replica's pages

Each case is a path on the fault site, the answer it gives, and (for the corpus) the saved page under
``tests/badinput/``. Good articles are served beside them, so a run shows that faults cost nothing else.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import threading
import time
from pathlib import Path

from .content import posts
from .server import ReplicaSite

CORPUS = Path(__file__).resolve().parent.parent / "badinput"
GOOD = [p["slug"] for p in posts()][:3]
TEMPLATE = "parliament-extends-martial-law-for-another-90-days"


def _article(slug: str, theme: str = "ghost") -> str:
    site = ReplicaSite(theme)
    return site.article(slug)


@functools.lru_cache(maxsize=1)
def build_corpus() -> dict[str, bytes]:
    """name -> page bytes, made from a good replica page by the fault it stands for."""
    page = _article(TEMPLATE)
    ld = re.search(r'<script type="application/ld\+json">.*?</script>', page, re.S).group(0)
    corpus = {
        # unclosed and mis-nested tags everywhere: lxml recovers, the item must still be right
        "malformed.html": page.replace("</p>", "").replace("</h1>", "").replace("<section class=\"gh-content gh-canvas\">",
                                                                                "<section class=\"gh-content gh-canvas\"><b><i>"),
        # the document stops in the middle of the body
        "truncated.html": page[: page.index("A total of 320 lawmakers") + 20],
        "no-jsonld.html": page.replace(ld, ""),
        "invalid-jsonld.html": page.replace(ld, ld.replace('"@type": "Article",', '"@type": "Article",,', 1)),
        "empty.html": "",
        "challenge.html": ('<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>'
                           '<meta http-equiv="refresh" content="390"></head><body><div id="challenge-platform">'
                           "<noscript>Enable JavaScript and cookies to continue</noscript></div></body></html>"),
        "future-date.html": page.replace("2025-11-17T10:45:00.000Z", "2099-01-01T10:45:00.000Z").replace(
            'datetime="2025-11-17"', 'datetime="2099-01-01"'),
        "bad-date.html": page.replace("2025-11-17T10:45:00.000Z", "soon after the vote").replace(
            'datetime="2025-11-17"', 'datetime="sometime"'),
        # curly quotes and a non-ASCII title, in UTF-8; the server will call it ISO-8859-1
        "wrong-charset.html": page.replace("Parliament extends martial law", "Parliament’s vote extends martial law"),
    }
    # JSON nested deeper than Python recurses (json.loads raises RecursionError, not ValueError), beside the
    # page's good JSON-LD: the item must still be right
    deep = "[" * 20000 + "]" * 20000
    corpus["deep-json.html"] = page.replace("</head>", f'<script type="application/ld+json">{deep}</script>'
                                                       f'<script id="__NEXT_DATA__" type="application/json">{deep}'
                                                       "</script></head>")
    # several MB: a page with a huge comment thread after the article
    corpus["huge.html"] = page.replace("</body>", "<section class='comments'>" + "<p>A reader's comment, repeated to make a page of several megabytes.</p>" * 60000 + "</section></body>")
    # a Next.js push whose string never closes, 2 MB long: read in one pass, not once per position
    corpus["unclosed-next-f.html"] = page.replace("</body>", '<script>self.__next_f.push([1,"' + "0:x" * 700000
                                                  + "</script></body>")
    return {name: body.encode("utf-8") for name, body in corpus.items()}


MADE_AT_RUN_TIME = ("huge.html", "unclosed-next-f.html", "deep-json.html")  # made from the others


def write_corpus() -> None:
    CORPUS.mkdir(exist_ok=True)
    for name, body in build_corpus().items():
        if name not in MADE_AT_RUN_TIME:  # no multi-megabyte file in the repository
            (CORPUS / name).write_bytes(body)


def corpus_page(name: str) -> bytes:
    if name in MADE_AT_RUN_TIME:
        return build_corpus()[name]
    return (CORPUS / name).read_bytes()


HTML = "text/html; charset=utf-8"
# path -> (status, headers, corpus file or literal body); a list of answers is served in turn
CASES: dict[str, list] = {
    "/malformed-html/": [(200, {"Content-Type": HTML}, "malformed.html")],
    "/truncated-html/": [(200, {"Content-Type": HTML}, "truncated.html")],
    "/no-jsonld/": [(200, {"Content-Type": HTML}, "no-jsonld.html")],
    "/invalid-jsonld/": [(200, {"Content-Type": HTML}, "invalid-jsonld.html")],
    "/empty-page/": [(200, {"Content-Type": HTML}, "empty.html")],
    "/challenge-page/": [(200, {"Content-Type": HTML}, "challenge.html")],
    "/future-date/": [(200, {"Content-Type": HTML}, "future-date.html")],
    "/bad-date/": [(200, {"Content-Type": HTML}, "bad-date.html")],
    "/wrong-charset/": [(200, {"Content-Type": "text/html; charset=iso-8859-1"}, "wrong-charset.html")],
    "/huge-page/": [(200, {"Content-Type": HTML}, "huge.html")],
    "/deep-json/": [(200, {"Content-Type": HTML}, "deep-json.html")],
    "/unclosed-next-f/": [(200, {"Content-Type": HTML}, "unclosed-next-f.html")],
    "/pdf-story/": [(200, {"Content-Type": "application/pdf"}, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n")],
    "/gone-410/": [(410, {"Content-Type": HTML}, b"<html><body>Gone</body></html>")],
    "/rate-limited/": [(429, {"Content-Type": HTML, "Retry-After": "1"}, b"<html><body>Too many requests</body></html>"),
                       (200, {"Content-Type": HTML}, "no-jsonld.html")],
    "/server-error/": [(500, {"Content-Type": HTML}, b"<html><body>Internal Server Error</body></html>")],
    "/unavailable-503/": [(503, {"Content-Type": HTML}, b"<html><body>Service Unavailable</body></html>")],
    "/redirect-loop/": [(301, {"Location": "/redirect-loop/"}, b"")],
    "/slow-story/": [("sleep", {"Content-Type": HTML}, "no-jsonld.html")],
    "/dataloss/": [("short", {"Content-Type": HTML}, "no-jsonld.html")],
}
OFF_SITE = "https://elsewhere.example/story-on-another-site/"


class FaultSite(ReplicaSite):
    """The ghost-theme replica whose first listing page also links every fault case and an off-site card."""

    def __init__(self, sleep: float = 3.0):
        super().__init__("ghost", [p for p in posts() if p["slug"] in GOOD], page_size=50)
        self.sleep = sleep
        self.served: dict[str, int] = {}
        self.times: dict[str, list[float]] = {}
        self.fault_lock = threading.Lock()

    def listing(self, page: int, tag: str = "news-feed") -> str | None:
        html = super().listing(page, tag)
        if html is None or page != 1 or tag != "news-feed":
            return html
        cards = "".join(f'<article class="post-card"><a href="{path}"><h2>{path.strip("/")}</h2></a></article>'
                        for path in CASES)
        cards += f'<article class="post-card"><a href="{OFF_SITE}"><h2>Elsewhere</h2></a></article>'
        return html.replace('<div class="post-feed">', '<div class="post-feed">' + cards)

    def fault(self, path: str):
        answers = CASES.get(path)
        if answers is None:
            return None
        with self.fault_lock:
            n = self.served.get(path, 0)
            self.served[path] = n + 1
            self.times.setdefault(path, []).append(time.monotonic())
        status, headers, body = answers[min(n, len(answers) - 1)]
        if isinstance(body, str):  # each case is its own article: the template's slug becomes the case's
            body = corpus_page(body).replace(TEMPLATE.encode(), path.strip("/").encode())
        return status, headers, body


def write_manifest() -> None:
    (CORPUS / "README.md").write_text(
        "# Bad-input corpus\n\nPages made from a replica page by the fault each stands for "
        "(`python -m tests.replica.faults --write`). `huge.html` (several MB), `unclosed-next-f.html` (2 MB) and `deep-json.html` are made at run time.\n\n"
        + "\n".join(f"- `{path}`: {answers[0][0]} {json.dumps(answers[0][1])} "
                    f"{answers[0][2] if isinstance(answers[0][2], str) else '(inline)'}" for path, answers in CASES.items())
        + "\n", encoding="utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true")
    if parser.parse_args().write:
        write_corpus()
        write_manifest()
        print(f"corpus written to {CORPUS}")
