"""The Datasette plugin of ``kyivind serve`` (loaded with ``--plugins-dir``): what may be shown as HTML, and
what a page may run, ask for and hold.

- ``diff_html`` is shown as HTML in the ``changes`` table and the canned query *Recently edited articles*
  only, whose cells kyivind wrote (the site's words escaped, ``<ins>`` and ``<del>`` around them); in the result
  of any other query it is text like any column.
- Every answer carries ``X-Frame-Options: DENY`` and a Content-Security-Policy whose scripts are the served
  files and the inline scripts of Datasette's own pages, each marked with a nonce made for that answer: a
  script that any text put into a page would not run. The HTML of a cell (``diff_html``) is marked where it
  begins and ends, and no script inside it is given the nonce.
- A request whose ``Host`` is none of the names ``kyivind serve`` answers to gets 400 (DNS rebinding).
- SQLite may hold ``KYIVIND_DATASETTE_HEAP_MB`` (512) MiB in all (``hard_heap_limit``): a query that asks for
  more fails with "out of memory" instead of taking the machine's memory. One value (cell or row) may be
  ``KYIVIND_DATASETTE_CELL_MB`` (4) MiB (``SQLITE_LIMIT_LENGTH``), one query's rows ``KYIVIND_DATASETTE_RESULT_MB``
  (32) MiB in all, counted as they are fetched: past either the query fails before its answer is encoded.
"""

from __future__ import annotations

import contextvars
import functools
import os
import re
import secrets
import sqlite3
import weakref

import markupsafe
from datasette import hookimpl

PATH: contextvars.ContextVar[str] = contextvars.ContextVar("kyivind_path", default="")
# a word made for each answer that marks where the HTML of a cell begins and ends: no text of the database holds it
CELL: contextvars.ContextVar[str] = contextvars.ContextVar("kyivind_cell", default="kyivind-cell")
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
    if table in HTML_TABLES or canned:  # marked: a script in it gets no nonce (``_stamped``)
        token = CELL.get()
        return markupsafe.Markup(f"<!--{token}-->{value}<!--/{token}-->")
    return None


def _megabytes(name: str, default: int) -> int:
    """``name``'s MiB (a positive whole number), else ``default``, in bytes."""
    value = os.environ.get(name, "").strip()
    return (int(value) if value.isdigit() and int(value) > 0 else default) << 20


class ResultTooLarge(sqlite3.OperationalError):
    """A query's rows hold more bytes than ``KYIVIND_DATASETTE_RESULT_MB``: Datasette shows it as a query error."""


@hookimpl
def prepare_connection(conn, database, datasette):
    conn.execute(f"pragma hard_heap_limit = {_megabytes('KYIVIND_DATASETTE_HEAP_MB', 512)}")
    # one value (a cell, a row) SQLite makes: past it "string or blob too big", before any copy is made
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, _megabytes("KYIVIND_DATASETTE_CELL_MB", 4))
    conn.row_factory = _counted_rows(_megabytes("KYIVIND_DATASETTE_RESULT_MB", 32))


def _counted_rows(limit: int):
    """A row factory (Datasette's ``sqlite3.Row``) that adds up the bytes of each query's rows as they are fetched
    and stops the query past ``limit``: no result larger than that is ever held, nor encoded as HTML or JSON."""
    used: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # cursor -> bytes fetched; one query each

    def counted(cursor, row):
        size = used.get(cursor, 0) + 16 * len(row)
        for value in row:
            if isinstance(value, (str, bytes)):
                size += len(value)
        if size > limit:
            raise ResultTooLarge(f"the result is larger than {limit >> 20} MiB (KYIVIND_DATASETTE_RESULT_MB): "
                                 f"ask for fewer rows or shorter values")
        used[cursor] = size
        return sqlite3.Row(cursor, row)

    return counted


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
            token = "kyivind-cell-" + secrets.token_hex(16)
            CELL.set(token)
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
                body = _stamped(b"".join(chunks), nonce.encode(), token.encode())
                await send(_with_headers(start, nonce, len(body)))
                await send({"type": "http.response.body", "body": body})

            return await app(scope, receive, guarded_send)

        return guarded

    return wrap


def _stamped(body: bytes, nonce: bytes, token: bytes) -> bytes:
    """The page with the nonce on each ``<script`` that Datasette's templates and kyivind's metadata put there,
    and on none inside the HTML of a cell (between the marks ``render_cell`` put around it, taken out here): a
    script that the data brings stays blocked by the CSP."""
    opening, closing = b"<!--" + token + b"-->", b"<!--/" + token + b"-->"
    stamp = b'<script nonce="' + nonce + b'"'
    parts, position = [], 0
    while (found := body.find(opening, position)) >= 0:
        parts.append(_SCRIPT.sub(stamp, body[position:found]))
        end = body.find(closing, found)
        end = len(body) if end < 0 else end  # no end mark: nothing after it is stamped
        parts.append(body[found + len(opening):end])
        position = min(end + len(closing), len(body))
    parts.append(_SCRIPT.sub(stamp, body[position:]))
    return b"".join(parts)


def _with_headers(start: dict, nonce: str, length: int | None) -> dict:
    headers = [(k, v) for k, v in start.get("headers") or []
               if k.lower() not in (b"content-security-policy", b"x-frame-options")
               and not (length is not None and k.lower() == b"content-length")]
    headers += [(b"x-frame-options", b"DENY"), (b"content-security-policy", policy(nonce).encode()),
                (b"x-content-type-options", b"nosniff")]
    if length is not None:
        headers.append((b"content-length", str(length).encode()))
    return {"type": "http.response.start", "status": start.get("status", 200), "headers": headers}
