"""The four pipelines, each alone, on a real crawler's settings and stats."""

import json
from dataclasses import replace

import pytest
from scrapy.exceptions import DropItem

from kyivind.items import FIELDS, ArticleItem, Author
from kyivind.pipelines.authorbio import AuthorBioPipeline
from kyivind.pipelines.dedup import DedupPipeline
from kyivind.pipelines.export import JsonLinesExportPipeline
from kyivind.pipelines.validation import ValidationPipeline
from tests.conftest import project_crawler


def make_item(**changes) -> ArticleItem:
    item = ArticleItem(
        url="https://kyivindependent.com/a-story/", slug="a-story", title="A story", description="About it.",
        published_at="2025-05-21T20:41:00+00:00", modified_at="2025-05-21T21:00:00+00:00", primary_tag="News Feed",
        tags=["News Feed"], authors=[Author(name="Volodymyr Ivanyshyn", slug="volodymyr-ivanyshyn",
                                            url="https://kyivindependent.com/author/volodymyr-ivanyshyn/",
                                            raw="Volodymyr Ivanyshyn\nNews Editor\nVolodymyr Ivanyshyn is a news editor.")],
        image=None, body_text="One paragraph of text.", word_count=4, reading_time_min=1, language="en",
        fetched_at="2026-11-25T06:00:00+00:00", content_hash="0" * 64, version=1)
    return replace(item, **changes)


@pytest.fixture
def crawler(tmp_path):
    return project_crawler({"KYIVIND_DATA_DIR": str(tmp_path)})


def test_validation_passes_a_good_item(crawler):
    pipeline = ValidationPipeline.from_crawler(crawler)
    item = make_item()
    assert pipeline.process_item(item) is item
    assert crawler.stats.get_value("kyivind/validation/valid") == 1


@pytest.mark.parametrize("changes, field", [
    ({"title": ""}, "title"),
    ({"published_at": "May 21"}, "published_at"),
    ({"body_text": None}, "body_text"),
    ({"url": "not a url"}, "url"),
    ({"tags": ["ok", ""]}, "tags"),
    ({"published_at": "\u0662\u0660\u0662\u0665-05-21T20:41:00+00:00"}, "published_at"),  # the schema's \\d: ASCII digits
    ({"content_hash": "0" * 64 + "\n"}, "content_hash"),
    ({"tags": {"News Feed"}}, "tags"),  # no JSON value: named, not a crash
])
def test_validation_drops_with_a_reason_and_a_stat_per_field(crawler, changes, field):
    pipeline = ValidationPipeline.from_crawler(crawler)
    with pytest.raises(DropItem) as raised:
        pipeline.process_item(make_item(**changes))
    assert field in str(raised.value)
    assert crawler.stats.get_value(f"kyivind/validation/invalid/{field}") == 1
    assert crawler.stats.get_value("kyivind/validation/dropped") == 1


def test_dedup_by_canonical_url(crawler):
    pipeline = DedupPipeline.from_crawler(crawler)
    pipeline.process_item(make_item())
    pipeline.process_item(make_item(url="https://kyivindependent.com/another/"))
    with pytest.raises(DropItem):
        pipeline.process_item(make_item(title="Same URL again"))
    assert crawler.stats.get_value("kyivind/dedup/duplicate") == 1


def test_authorbio_splits_and_removes_the_raw_block(crawler):
    item = AuthorBioPipeline.from_crawler(crawler).process_item(make_item())
    author = item.authors[0]
    assert author.role == "News Editor" and author.bio == "Volodymyr Ivanyshyn is a news editor."
    assert author.raw is None


def test_authorbio_keeps_what_a_structured_source_gave(crawler):
    item = make_item()
    item.authors[0].bio = "Given by the source."
    AuthorBioPipeline.from_crawler(crawler).process_item(item)
    assert (item.authors[0].role, item.authors[0].bio) == ("News Editor", "Given by the source.")


def test_export_writes_part_file_then_renames_at_close(crawler, tmp_path):
    pipeline = JsonLinesExportPipeline.from_crawler(crawler)
    pipeline.open_spider()
    item = AuthorBioPipeline.from_crawler(crawler).process_item(make_item())
    pipeline.process_item(item)
    assert not list((tmp_path / "feeds").glob("*.jsonl")), "no finished file while the run is open"
    assert len(list((tmp_path / "feeds").glob("*.jsonl.part"))) == 1
    pipeline.close_spider()
    files = list((tmp_path / "feeds").glob("*.jsonl"))
    assert len(files) == 1 and not list((tmp_path / "feeds").glob("*.part"))
    rows = [json.loads(line) for line in files[0].read_text().splitlines()]
    assert rows[0]["url"] == "https://kyivindependent.com/a-story/" and list(rows[0]) == list(FIELDS)
    assert "raw" not in rows[0]["authors"][0]


def test_export_of_an_empty_run_leaves_no_file(crawler, tmp_path):
    pipeline = JsonLinesExportPipeline.from_crawler(crawler)
    pipeline.open_spider()
    pipeline.close_spider()
    assert list((tmp_path / "feeds").iterdir()) == []


def test_recovery_keeps_every_complete_line_and_only_cuts_after_the_last(crawler, tmp_path):
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    rows = [{"url": f"https://kyivindependent.com/s{n}/", "content_hash": "a" * 64, "version": 1} for n in range(3)]
    lines = [json.dumps(r) for r in rows]
    (feeds / "newsfeed-cut.jsonl.part").write_text(lines[0] + "\n" + lines[1] + "\n" + lines[2][:20])
    (feeds / "newsfeed-garbled.jsonl.part").write_text(lines[0] + "\n{garbled\n" + lines[2] + "\n")
    JsonLinesExportPipeline.from_crawler(crawler).recover()
    cut = (feeds / "newsfeed-cut.jsonl").read_text()
    assert cut == lines[0] + "\n" + lines[1] + "\n", "cut after the last complete line, nothing rewritten"
    garbled = [json.loads(line) for line in (feeds / "newsfeed-garbled.jsonl").read_text().splitlines()]
    assert garbled == [rows[0], rows[2]] and not list(feeds.glob("*.part")) and not list(feeds.glob("*.rewrite"))
    assert crawler.stats.get_value("kyivind/export/recovered_cut_lines") == 2
    assert crawler.stats.get_value("kyivind/export/recovered_items") == 4
