"""A replica of Ghost's public Content API (``/ghost/api/content/posts/``), serving the replica's posts.

It follows Ghost's documented forms: ``key`` (401 ``UnauthorizedError`` when unknown), ``filter``
(``tag:<slug>``, ``published_at``/``updated_at`` comparisons with ``>``, ``>=``, ``<``, ``<=``,
clauses joined with ``+``), ``include`` (unknown values dropped silently), ``formats``, ``order``,
``limit`` (1..100 or ``all``), ``page``, and ``{"posts": [...], "meta": {"pagination": {...}}}``
answers; errors as ``{"errors": [{"message", "type"}]}``.

Modes for fault tests: ``ok``, ``403`` (key refused), ``404`` (no API), ``bad-json``, ``unknown-shape``.
"""

from __future__ import annotations

import json
import math
import re
from urllib.parse import parse_qs

from .themes import api_post

FILTER_CLAUSE = re.compile(r"^(?P<field>[a-z_.]+):(?P<op>>=|<=|>|<|-)?(?P<value>'[^']*'|[^+]+)$")


def _error(status: int, message: str, kind: str) -> tuple[int, dict, str]:
    return status, {"Content-Type": "application/json"}, json.dumps({"errors": [{"message": message, "type": kind}]})


def _matches(post: dict, clause: str) -> bool:
    match = FILTER_CLAUSE.match(clause)
    if not match:
        raise ValueError(clause)
    field, op, value = match.group("field"), match.group("op"), match.group("value").strip("'")
    if field in ("tag", "tags.slug", "tags"):
        return (value in [t["slug"] for t in post["tags"]]) != (op == "-")
    if field in ("published_at", "updated_at"):
        have = post[field].replace(".000+00:00", "").replace(".000Z", "").replace("Z", "")
        want = value.replace(".000Z", "").replace("Z", "").replace(" ", "T")
        return {">": have > want, ">=": have >= want, "<": have < want, "<=": have <= want, None: have == want}[op]
    if field == "slug":
        return post["slug"] == value
    raise ValueError(clause)


def content_api(path: str, query: str, site_posts: list[dict], key: str, mode: str = "ok") -> tuple[int, dict, str]:
    params = {k: v[0] for k, v in parse_qs(query).items()}
    if mode == "404":
        return _error(404, "Resource not found", "NotFoundError")
    if params.get("key") != key:
        return _error(401 if mode != "403" else 403, "Unknown Content API Key", "UnauthorizedError")
    if mode == "403":
        return _error(403, "Permission error, cannot list posts.", "NoPermissionError")
    if path.rstrip("/") != "/ghost/api/content/posts":
        return _error(404, "Resource not found", "NotFoundError")
    if mode == "bad-json":
        return 200, {"Content-Type": "application/json"}, '{"posts": [{"id": '
    if mode == "unknown-shape":
        return 200, {"Content-Type": "application/json"}, json.dumps({"data": [], "links": {}})
    try:
        clauses = [c for c in params.get("filter", "").split("+") if c]
        selected = [p for p in site_posts if all(_matches(p, c) for c in clauses)]
    except ValueError as error:
        return _error(400, f"Error parsing filter: {error}", "BadRequestError")
    order = params.get("order", "published_at desc").replace("%20", " ")
    field, _, direction = order.partition(" ")
    selected.sort(key=lambda p: p.get(field, ""), reverse=direction.lower() != "asc")
    limit_raw = params.get("limit", "15")
    limit = len(selected) or 1 if limit_raw == "all" else max(1, min(100, int(limit_raw)))
    page = max(1, int(params.get("page", "1")))
    pages = max(1, math.ceil(len(selected) / limit))
    chunk = selected[(page - 1) * limit: page * limit]
    includes = set(params.get("include", "").split(","))
    formats = set(params.get("formats", "html").split(","))
    out = []
    for post in chunk:
        data = api_post(post)
        if "tags" not in includes:
            data.pop("tags"), data.pop("primary_tag")
        if "authors" not in includes:
            data.pop("authors"), data.pop("primary_author")
        if "html" not in formats:
            data.pop("html")
        out.append(data)
    meta = {"pagination": {"page": page, "limit": limit, "pages": pages, "total": len(selected),
                           "next": page + 1 if page < pages else None, "prev": page - 1 if page > 1 else None}}
    return 200, {"Content-Type": "application/json; charset=utf-8"}, json.dumps({"posts": out, "meta": meta})
