"""The Datasette plugin of ``kyivind serve`` (loaded with ``--plugins-dir``): what may be shown as HTML, and
what a page may run, ask for and hold.

- ``diff_html`` is shown as HTML in the ``changes`` table and the canned query *Recently edited articles*
  only, whose cells kyivind wrote (the site's words escaped, ``<ins>`` and ``<del>`` around them); in the result
  of any other query it is text like any column.
- Every answer carries ``X-Frame-Options: DENY`` and a Content-Security-Policy whose scripts are the served
  files and the inline scripts of Datasette's own pages, each marked with a nonce made for that answer: a
  script that any text put into a page would not run.
- A request whose ``Host`` is none of the names ``kyivind serve`` answers to gets 400 (DNS rebinding).
- SQLite may hold ``KYIVIND_DATASETTE_HEAP_MB`` (512) MiB in all (``hard_heap_limit``): a query that asks for
  more fails with "out of memory" instead of taking the machine's memory.
"""

from __future__ import annotations

import contextvars
import functools
import os
import re
import secrets

import markupsafe
from datasette import hookimpl

PATH: contextvars.ContextVar[str] = contextvars.ContextVar("kyivind_path", default="")
HTML_TABLES = {"changes"}
HTML_QUERIES = {"recently_edited"}
HTML_COLUMNS = {"diff_html"}
_SCRIPT = re.compile(rb"<script(?=[\s>])")
_LOOPBACK = ("127.0.0.1", "localhost", "[::1]")


@functools.lru_cache(maxsize=1)
def hosts() -> frozenset[str]:
    """The Host names served: loopback, the ``--host`` of ``kyivind serve`` (on every interface, this machine's
    name and addresses too), and ``KYIVIND_DATASETTE_HOSTS``."""
    served = os.environ.get("KYIVIND_SERVE_HOST", "127.0.0.1")
    names = {*_LOOPBACK, served}
    if served in ("0.0.0.0", "::", ""):
        import socket

        name = socket.gethostname()
        names |= {name.lower(), socket.getfqdn().lower()}
        try:
            names |= {info[4][0] if ":" not in info[4][0] else f"[{info[4][0]}]"
                      for info in socket.getaddrinfo(name, None)}
        except OSError:
            pass
    names |= {h.strip().lower() for h in os.environ.get("KYIVIND_DATASETTE_HOSTS", "").split(",") if h.strip()}
    return frozenset(names)


def policy(nonce: str) -> str:
    return ("default-src 'self'; script-src 'self' 'nonce-" + nonce + "'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data: https://*.tile.openstreetmap.org; object-src 'none'; base-uri 'none'; "
            "frame-ancestors 'none'; form-action 'self'")


@hookimpl
def render_cell(value, column, table, database, datasette):
    if column not in HTML_COLUMNS or not isinstance(value, str):
        return None
    path = PATH.get()
    canned = table is None and path.rsplit("/", 1)[-1] in HTML_QUERIES and database and \
        path == f"/{database}/{path.rsplit('/', 1)[-1]}"
    if table in HTML_TABLES or canned:
        return markupsafe.Markup(value)
    return None


@hookimpl
def prepare_connection(conn, database, datasette):
    limit = int(os.environ.get("KYIVIND_DATASETTE_HEAP_MB", "512")) << 20
    conn.execute(f"pragma hard_heap_limit = {limit}")


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def guarded(scope, receive, send):
            if scope["type"] != "http":
                return await app(scope, receive, send)
            host = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1").lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name not in hosts():
                await send({"type": "http.response.start", "status": 400,
                            "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
                await send({"type": "http.response.body", "body": b"Host not served by kyivind serve\n"})
                return
            PATH.set(scope.get("path", ""))
            nonce = secrets.token_urlsafe(16)
            start: dict = {}
            chunks: list[bytes] = []

            async def guarded_send(message):
                if message["type"] == "http.response.start":
                    start.update(message)
                    kind = dict(message.get("headers") or []).get(b"content-type", b"")
                    if not kind.startswith(b"text/html"):
                        await send(_with_headers(message, nonce, None))
                        start["passed"] = True
                    return
                if start.get("passed"):
                    return await send(message)
                chunks.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                body = _SCRIPT.sub(b'<script nonce="' + nonce.encode() + b'"', b"".join(chunks))
                await send(_with_headers(start, nonce, len(body)))
                await send({"type": "http.response.body", "body": body})

            return await app(scope, receive, guarded_send)

        return guarded

    return wrap


def _with_headers(start: dict, nonce: str, length: int | None) -> dict:
    headers = [(k, v) for k, v in start.get("headers") or []
               if k.lower() not in (b"content-security-policy", b"x-frame-options")
               and not (length is not None and k.lower() == b"content-length")]
    headers += [(b"x-frame-options", b"DENY"), (b"content-security-policy", policy(nonce).encode()),
                (b"x-content-type-options", b"nosniff")]
    if length is not None:
        headers.append((b"content-length", str(length).encode()))
    return {"type": "http.response.start", "status": start.get("status", 200), "headers": headers}
