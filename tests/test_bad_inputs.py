"""Bad inputs found in review: each has a case in the bad-input corpus (tests/badinput/, tests/replica/faults.py)
and a test here or in test_faults.py (which crawls them)."""

import asyncio
import csv
import json

from scrapy import Request
from scrapy.http import HtmlResponse, TextResponse

from kyivind import statkeys as keys
from kyivind.extraction import extract_article
from kyivind.extraction.flight import next_f_chunks
from kyivind.outputs.report import report, write_csv
from kyivind.sources.api import ContentApiSource
from tests.conftest import project_crawler
from tests.replica.faults import corpus_page
from tests.test_components import collect
from tests.work import within_cpu_budget

TITLE = "Parliament extends martial law for another 90 days"


def test_json_nested_too_deep_is_a_problem_not_a_lost_article():
    extraction = extract_article(corpus_page("deep-json.html").decode(), "https://kyivindependent.com/x/")
    assert extraction.fields["title"] == TITLE and extraction.is_article
    assert "json_too_deep" in extraction.problems


def test_api_json_nested_too_deep_makes_the_api_unusable():
    response = TextResponse("http://127.0.0.1:9/ghost/api/content/posts/", body=b"[" * 50000 + b"]" * 50000)
    data, problem = ContentApiSource.read(response)
    assert data is None and problem == "the Content API answered JSON nested too deep to read"


def test_an_unclosed_next_f_string_is_read_in_one_pass():
    """A quadratic reading of 8 MB would take hours; one pass takes milliseconds (tests/work.py: the budget)."""
    script = 'self.__next_f.push([1,"0:{}\\n"]);self.__next_f.push([1,"' + "0:x" * 2_800_000
    found = []
    within_cpu_budget(lambda: found.append(next_f_chunks(script)))
    assert found == [["0:{}\n"]], "the pushes before the unclosed one are read, and reading ends"


def test_an_extraction_that_raises_is_listed_not_lost(tmp_path, monkeypatch):
    import kyivind.crawl.pagecheck as pagecheck

    def broken(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(pagecheck, "extract_article", broken)
    crawler = project_crawler({"KYIVIND_DATA_DIR": str(tmp_path)}, base_url="http://127.0.0.1:9")
    url = "http://127.0.0.1:9/some-story/"
    response = HtmlResponse(url, body=corpus_page("no-jsonld.html"), encoding="utf-8",
                            headers={"Content-Type": "text/html"}, request=Request(url))
    assert asyncio.run(collect(crawler.spider.parse_article(response))) == []
    assert crawler.stats.get_value(keys.article_failed("extraction_error")) == 1
    listed = crawler.spider.parts.failures.failed.current["https://kyivindependent.com/some-story/"]
    assert listed["reason"] == "extraction failed: RecursionError: maximum recursion depth exceeded"


def article(**changes) -> dict:
    row = {"url": "https://kyivindependent.com/a/", "slug": "a", "title": "A", "published_at": "2025-05-21T20:41:00+00:00",
           "tags": ["News Feed"], "authors": [{"name": "Kateryna Denisova", "role": "News Editor"}], "image": None,
           "body_text": "Text.", "version": 1}
    return {**row, **changes}


def test_csv_cells_that_start_like_a_formula_are_text(tmp_path):
    path = tmp_path / "a.csv"
    write_csv([article(title='=HYPERLINK("http://evil.example","click")', description="+1 for Ukraine",
                       tags=["@everyone", "News Feed"], body_text="-5 degrees in Kyiv")], path)
    (row,) = csv.DictReader(path.open(encoding="utf-8"))
    assert row["title"] == "'=HYPERLINK(\"http://evil.example\",\"click\")"
    assert row["description"] == "'+1 for Ukraine" and row["tags"] == "'@everyone; News Feed"
    assert row["body_text"] == "'-5 degrees in Kyiv" and row["slug"] == "a", "ordinary cells are unchanged"


def test_a_tag_with_dollar_signs_does_not_break_the_report(tmp_path):
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    rows = [article(url=f"https://kyivindependent.com/a{n}/", tags=[r"$\undefinedmacro$", "Price in $ and $"])
            for n in range(3)]
    (feeds / "newsfeed-1.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = report(tmp_path, tmp_path / "report", progress=False)
    assert result["png"].stat().st_size > 1000 and result["counts"]["tags"][0] == (r"$\undefinedmacro$", 3)
    labels = [t.get_text() for t in result["figure"].axes[1].get_yticklabels()]
    assert r"\$\undefinedmacro\$" in labels


def test_only_valid_utf8_pages_are_parsed_from_their_bytes():
    """Extraction parses the response bytes only when they decode to the text exactly; a page with bytes
    that are no UTF-8, a byte-order mark or a charset repaired is parsed from its text."""
    from kyivind.crawl.pagecheck import check_article_page

    def page(body: bytes, charset: str = "utf-8"):
        url = "https://kyivindependent.com/story/"
        return check_article_page(HtmlResponse(url, body=body, headers={"Content-Type": f"text/html; charset={charset}"},
                                               request=Request(url)), None)

    html = "<html><body><h1>Київ</h1><p>Text</p></body></html>"
    assert page(html.encode()).body == html.encode()
    broken = page(html.encode().replace("Київ".encode(), b"\xff\xfe"))
    assert broken.body is None and "\ufffd" in broken.text
    assert page(b"\xef\xbb\xbf" + html.encode()).body is None
    assert page(html.encode("cp1251"), "windows-1251").body is None
    same = [extract_article(p.body or p.text, "https://kyivindependent.com/story/").fields["title"]
            for p in (page(html.encode()), page(html.encode("cp1251"), "windows-1251"))]
    assert same == ["Київ", "Київ"]
