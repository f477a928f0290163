"""``ArticleItem`` and ``Author``: one article of the News Feed, the analysts' contract.

This module is the one list of fields: the JSON Schema (``kyivind/schema/article.schema.json``),
``docs/feed.md``, the extraction's field list, the CSV columns and the merge all follow it, and a
test fails when they disagree.

Each field says where its value comes from (``metadata["origin"]``):
- ``page``: read from the article by the extraction layers (or the Content API);
- ``derived``: computed from other fields (slug, counts, hash);
- ``run``: set by the crawl (fetch time, version).

``Author.raw`` is not exported: it is the author block as the page shows it (text) or Ghost's
``{"bio", "location"}``, kept until the author-bio pipeline has split it into ``role`` and ``bio``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from importlib import resources

SCHEMA_VERSION = 1


def _page(default=None):
    return field(default=default, metadata={"origin": "page"})


def _page_list(**metadata):
    return field(default_factory=list, metadata={"origin": "page", **metadata})


def _derived(default=None):
    return field(default=default, metadata={"origin": "derived"})


def _run(default=None):
    return field(default=default, metadata={"origin": "run"})


@dataclass
class Author:
    name: str | None = None
    slug: str | None = None
    url: str | None = None
    role: str | None = None
    bio: str | None = None
    image_url: str | None = None
    raw: str | dict | None = field(default=None, metadata={"exported": False})

    def public(self) -> dict:
        return {name: getattr(self, name) for name in AUTHOR_FIELDS}


@dataclass
class ArticleItem:
    url: str | None = _page()
    slug: str | None = _derived()
    title: str | None = _page()
    description: str | None = _page()
    published_at: str | None = _page()
    modified_at: str | None = _page()
    primary_tag: str | None = _page()
    tags: list[str] = _page_list()
    # Scrapy's feed exports (-O) write authors through this serializer: without their raw block
    authors: list[Author] = _page_list(serializer=lambda authors: [_public_author(a) for a in authors])
    image: dict | None = _page()
    body_text: str | None = _page()
    links: list[dict] = _page_list()
    embeds: list[dict] = _page_list()
    word_count: int = _derived(0)
    reading_time_min: int | None = _page()
    language: str | None = _page()
    fetched_at: str | None = _run()
    content_hash: str | None = _derived()
    version: int = _run(1)
    capture: dict | None = _run()  # the WARC record the item was read from (kyivind/archive/writer.py)


FIELDS = tuple(f.name for f in fields(ArticleItem))
AUTHOR_FIELDS = tuple(f.name for f in fields(Author) if f.metadata.get("exported", True))
IMAGE_FIELDS = ("url", "caption", "credit")
LINK_FIELDS = ("url", "text", "domain")
EMBED_FIELDS = ("kind", "url")
CAPTURE_FIELDS = ("warc", "record_id", "archive_url")
CAPTURE_REQUIRED = ("warc", "record_id")  # archive_url: only in an item read from a web archive
OBJECT_FIELDS = {"image": IMAGE_FIELDS, "capture": CAPTURE_FIELDS}  # the fields that hold one object, and its keys
# what the extraction layers read off a page (in item order); lists and objects are merged their own way
PAGE_FIELDS = tuple(f.name for f in fields(ArticleItem) if f.metadata.get("origin") == "page")
PAGE_LIST_FIELDS = ("tags", "authors", "links", "embeds")
PAGE_SCALAR_FIELDS = tuple(name for name in PAGE_FIELDS if name not in (*PAGE_LIST_FIELDS, "image"))
# every field that holds one value (neither a list nor an object), in item order: what a table keeps as a column
SCALAR_FIELDS = tuple(name for name in FIELDS if name not in (*PAGE_LIST_FIELDS, *OBJECT_FIELDS))


_AUTHOR_KEYS = tuple(f.name for f in fields(Author))


# what makes a new version of an article when it changes: everything read off the page but modified_at,
# which the site moves on every save (a version for it alone would say nothing new)
VERSIONED_FIELDS = tuple(name for name in PAGE_FIELDS if name != "modified_at")


def fields_hash(item: dict) -> str:
    """SHA-256 of the versioned fields of an exported item (authors as exported, without their raw block)."""
    import hashlib

    values = {name: item.get(name) for name in VERSIONED_FIELDS}
    return hashlib.sha256(json.dumps(values, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def from_web_archive(item: dict) -> bool:
    """Whether an exported item was read from a web archive's capture (``capture.archive_url``, source=wayback)."""
    return bool((item.get("capture") or {}).get("archive_url"))


def new_author(**values) -> dict:
    """An author as the extraction layers pass it around: every key of ``Author``, unknown ones None."""
    return {**dict.fromkeys(_AUTHOR_KEYS), **values}


def load_schema() -> dict:
    return json.loads(resources.files("kyivind").joinpath("schema/article.schema.json").read_text())


def _public_author(author) -> dict:
    if isinstance(author, Author):
        return author.public()
    return {name: author.get(name) for name in AUTHOR_FIELDS}


def public_dict(item) -> dict:
    """The item as exported: the contract's fields in order, authors without their raw block."""
    if isinstance(item, ArticleItem):  # a shallow copy: the pipelines read it, none changes it
        data = {name: getattr(item, name) for name in FIELDS}
    else:
        from itemadapter import ItemAdapter

        data = ItemAdapter(item).asdict()
        data = {name: data.get(name) for name in FIELDS}
    data["authors"] = [_public_author(a) for a in data.get("authors") or []]
    return data
