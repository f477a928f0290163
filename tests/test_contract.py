"""One list of fields and one declaration of arguments: every place that repeats them must agree."""

import re
from pathlib import Path

from scrapy_spider_metadata import get_spider_metadata

from kyivind.arguments import NewsfeedArgs, argument_table, scrapy_argument_table
from kyivind.extraction.article import PAGE_SCALAR_FIELDS
from kyivind.extraction.references import EMBED_KINDS
from kyivind.items import (
    AUTHOR_FIELDS,
    CAPTURE_FIELDS,
    CAPTURE_REQUIRED,
    EMBED_FIELDS,
    FIELDS,
    IMAGE_FIELDS,
    LINK_FIELDS,
    PAGE_FIELDS,
    load_schema,
)
from kyivind.outputs.report import CSV_COLUMNS, DERIVED_COLUMNS
from kyivind.spiders.newsfeed import NewsfeedSpider
from tests.conftest import ROOT


def table_names(markdown: str, start: str, end: str) -> list[str]:
    """The backticked names in the first column of the table between two headings of a document."""
    section = markdown.split(start, 1)[1].split(end, 1)[0]
    return re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.M)


def test_schema_has_exactly_the_items_fields_in_order():
    schema = load_schema()
    assert list(schema["properties"]) == list(FIELDS)
    assert schema["required"] == list(FIELDS)
    author = schema["$defs"]["author"]
    assert list(author["properties"]) == list(AUTHOR_FIELDS) == author["required"]
    image = next(choice for choice in schema["properties"]["image"]["oneOf"] if choice["type"] == "object")
    assert list(image["properties"]) == list(IMAGE_FIELDS) == image["required"]
    for name, keys in (("links", LINK_FIELDS), ("embeds", EMBED_FIELDS)):
        entry = schema["properties"][name]["items"]
        assert list(entry["properties"]) == list(keys) == entry["required"]
    assert schema["properties"]["embeds"]["items"]["properties"]["kind"]["enum"] == list(EMBED_KINDS)
    capture = next(choice for choice in schema["properties"]["capture"]["oneOf"] if choice["type"] == "object")
    assert list(capture["properties"]) == list(CAPTURE_FIELDS) and capture["required"] == list(CAPTURE_REQUIRED)


def test_docs_feed_md_documents_every_field_and_author_key():
    docs = (ROOT / "docs/feed.md").read_text(encoding="utf-8")
    assert table_names(docs, "## Fields", "Author object:") == list(FIELDS)
    assert table_names(docs, "Author object:", "\n## ") == list(AUTHOR_FIELDS)


def test_csv_and_extraction_follow_the_field_list():
    flattened = {"author_roles": "authors", "image_url": "image", "image_caption": "image", "image_credit": "image",
                 "capture_warc": "capture", "capture_record_id": "capture", "capture_archive_url": "capture"}
    assert {flattened.get(c, c) for c in CSV_COLUMNS} == set(FIELDS) | set(DERIVED_COLUMNS)
    assert not set(DERIVED_COLUMNS) & set(FIELDS), "a derived column is no field of the feed"
    assert set(PAGE_SCALAR_FIELDS) < set(PAGE_FIELDS) <= set(FIELDS)
    assert {"tags", "authors", "image", "links", "embeds"} == set(PAGE_FIELDS) - set(PAGE_SCALAR_FIELDS)


def test_the_documented_argument_table_is_the_declaration():
    operating = (ROOT / "docs/operating.md").read_text(encoding="utf-8")
    assert argument_table() in operating
    assert scrapy_argument_table() in operating, "the Scrapy and Scrapyd attributes -a accepts are documented"
    params = get_spider_metadata(NewsfeedSpider)["param_schema"]["properties"]
    assert list(params) == list(NewsfeedArgs.model_fields)
    assert all(spec.get("description") for spec in params.values())


def _imports(path: Path) -> list[str]:
    """Every module a file imports (at its top or inside a function), with ``from kyivind import x`` as
    ``kyivind.x``."""
    import ast

    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            names += [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names if node.module == "kyivind"]
        elif isinstance(node, ast.Import):
            names += [a.name for a in node.names]
    return names


def _files(*parts: str) -> list[Path]:
    found = []
    for part in parts:
        path = ROOT / "kyivind" / part
        found += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return found


def test_crawl_code_imports_no_analyst_or_server_code():
    crawl_side = ("spiders", "sources", "extraction", "crawl", "pipelines", "state", "archive", "monitoring",
                  "census", "history")
    offenders = [f"{path.relative_to(ROOT)}: {n}" for path in _files(*crawl_side) for n in _imports(path)
                 if n.startswith(("kyivind.outputs", "kyivind.places", "kyivind.ops", "kyivind.figures"))]
    assert not offenders
    assert (ROOT / "kyivind" / "places" / "matcher.py").read_text().count("scrapy") == 0, "the matcher is pure"


def test_the_layers_import_as_docs_architecture_says():
    contract = ("kyivind.items", "kyivind.statkeys", "kyivind.arguments")
    pure = ("extraction", "history", "figures", "places", "census/verdict.py")
    pure_modules = ("kyivind.extraction", "kyivind.history", "kyivind.figures", "kyivind.places",
                    "kyivind.census.verdict")
    offenders = []
    for path in _files("items.py", "statkeys.py", "arguments.py"):
        offenders += [f"{path.name}: {n}" for n in _imports(path) if n.startswith("kyivind")
                      and n not in contract + ("kyivind.crawl.urls",)]
    for path in _files(*pure):
        for name in _imports(path):
            if name.startswith("scrapy") and not (path.name == "sitemap.py" and name == "scrapy.utils.sitemap"):
                offenders.append(f"{path.relative_to(ROOT)}: {name}")
            if name.startswith("kyivind.") and not name.startswith(contract + pure_modules):
                offenders.append(f"{path.relative_to(ROOT)}: {name}")
    for path in _files("crawl/context.py", "crawl/urls.py"):
        offenders += [f"{path.relative_to(ROOT)}: {n}" for n in _imports(path) if n.startswith("kyivind.")
                      and not n.startswith(contract + pure_modules + ("kyivind.crawl.urls",))]
    allowed_up = {("author_pages.py", "kyivind.sources"), ("middlewares.py", "kyivind.sources.wayback")}
    for path in _files("crawl"):
        offenders += [f"{path.relative_to(ROOT)}: {n}" for n in _imports(path) if n.startswith("kyivind.sources")
                      and (path.name, n) not in allowed_up]
    assert not offenders, offenders


def test_the_spider_only_routes():
    spider = (ROOT / "kyivind" / "spiders" / "newsfeed.py").read_text(encoding="utf-8")
    assert len(spider.splitlines()) <= 250, "the spider routes; the work is in sources/, crawl/ and extraction/"
    assert "extract_article" not in spider and "check_article_page" not in spider
