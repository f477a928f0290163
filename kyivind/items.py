"""``ArticleItem``: one article of the News Feed, the analysts' contract.

Its JSON Schema is ``kyivind/schema/article.schema.json`` (documented in ``docs/feed.md``).
Authors are plain dicts ``{name, slug, url, role, bio, image_url}``; while an item is in the
pipelines an author may also carry ``_raw``, the unsplit author block, which the author-bio
splitting consumes and removes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources

SCHEMA_VERSION = 1


@dataclass
class ArticleItem:
    url: str | None = None
    slug: str | None = None
    title: str | None = None
    description: str | None = None
    published_at: str | None = None
    modified_at: str | None = None
    primary_tag: str | None = None
    tags: list = field(default_factory=list)
    authors: list = field(default_factory=list)
    image: dict | None = None
    body_text: str | None = None
    word_count: int = 0
    reading_time_min: int | None = None
    language: str | None = None
    fetched_at: str | None = None
    content_hash: str | None = None
    version: int = 1


FIELDS = tuple(ArticleItem.__dataclass_fields__)


def load_schema() -> dict:
    return json.loads(resources.files("kyivind").joinpath("schema/article.schema.json").read_text())


def public_dict(item) -> dict:
    """The item as exported: contract fields only, internal ``_`` keys of authors removed."""
    if isinstance(item, ArticleItem):  # a shallow copy: the pipelines read it, none changes it
        data = {name: getattr(item, name) for name in FIELDS}
    else:
        from itemadapter import ItemAdapter

        data = ItemAdapter(item).asdict()
    data["authors"] = [{k: v for k, v in a.items() if not k.startswith("_")} for a in data.get("authors") or []]
    return {name: data.get(name) for name in FIELDS}
