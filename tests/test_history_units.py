"""The pure parts of the history run: CDX answers in three shapes, archived URLs, the plan, the timeline."""

import json

import pytest

from kyivind.history import cdx
from kyivind.history.plan import plan, spread
from kyivind.history.timeline import AS_AFTER, AS_BEFORE, NEW, SAME_CAPTURE, next_number, place
from kyivind.history.urls import article_url, capture_time, replay_url

SITE = "https://kyivindependent.com"
ROWS = [["com,kyivindependent)/a-story", "20221123130500", f"{SITE}/a-story/", "text/html", "200", "AAA", "100"],
        ["com,kyivindependent)/a-story", "20221124130500", f"{SITE}/a-story/", "text/html", "200", "BBB", "100"]]


def test_the_internet_archives_array_of_arrays_with_a_resume_key():
    body = json.dumps([cdx.TEXT_FIELDS, *ROWS, [], ["com%2Ckyivindependent%29%2Fb+20221125"]])
    page = cdx.parse(body.encode())
    assert [c.timestamp for c in page.captures] == ["20221123130500", "20221124130500"]
    assert page.resume_key == "com%2Ckyivindependent%29%2Fb+20221125" and page.bad_lines == 0
    assert page.captures[0] == cdx.CdxCapture("20221123130500", f"{SITE}/a-story/", "text/html", "200", "AAA")


def test_pywb_json_lines_and_plain_text():
    lines = "\n".join(json.dumps({"urlkey": r[0], "timestamp": r[1], "url": r[2], "mime": r[3], "status": r[4],
                                  "digest": r[5], "filename": "x.warc.gz"}) for r in ROWS)
    assert [c.original for c in cdx.parse(lines).captures] == [f"{SITE}/a-story/"] * 2
    text = "\n".join(" ".join(r) for r in ROWS) + "\n\nresume-here\n"
    page = cdx.parse(text)
    assert len(page.captures) == 2 and page.resume_key == "resume-here"


@pytest.mark.parametrize("body, bad", [
    ('[["urlkey","timestamp","original"],["k","2022",""],["k","nodigits","u"],["k","20221123","u"]]', 2),
    ('{"timestamp": "20221123", "url": "u"}\n{broken\n' + "x" * 20000 + '\n[1]\n', 3),
    ("[[1, 2", 1), ("", 0), ("[]", 0),
])
def test_lines_that_are_no_capture_are_counted_never_fatal(body, bad):
    page = cdx.parse(body)
    assert page.bad_lines == bad and len(page.captures) <= 1


def test_query_names_every_filter_and_the_resume_key():
    url = cdx.query("https://web.archive.org/cdx/search/cdx", "kyivindependent.com", "2022-01-01T00:00:00+00:00",
                    5000, "KEY")
    for part in ("url=kyivindependent.com%2F", "matchType=prefix", "output=json", "filter=statuscode%3A200",
                 "filter=mimetype%3Atext%2Fhtml", "collapse=digest", "limit=5000", "showResumeKey=true",
                 "from=20220101000000", "resumeKey=KEY"):
        assert part in url


@pytest.mark.parametrize("original, expected", [
    (f"{SITE}/news-feed/a-story", f"{SITE}/a-story/"), (f"{SITE}/uncategorized/a-story/", f"{SITE}/a-story/"),
    (f"{SITE}/national/a-story/", f"{SITE}/a-story/"), ("http://www.kyivindependent.com/attacks-20", f"{SITE}/attacks-20/"),
    (f"{SITE}/a-story/?utm_source=x", f"{SITE}/a-story/"), (f"{SITE}/tag/news-feed/", None), (f"{SITE}/", None),
    (f"{SITE}/author/someone/", None), (f"{SITE}/wp-content/uploads/a.jpg", None), (f"{SITE}/robots.txt", None),
    (f"{SITE}/feeding-centres-open-in-kharkiv/", f"{SITE}/feeding-centres-open-in-kharkiv/"),
    ("https://elsewhere.example/a-story/", None), (f"{SITE}/news-feed/page/2/", None), ("http://[::1", None),
])
def test_article_url(original, expected):
    assert article_url(original, SITE) == expected


def test_times_and_replay():
    assert capture_time("20221123130500") == "2022-11-23T13:05:00+00:00"
    assert replay_url("https://web.archive.org/web/", "20221123130500", f"{SITE}/a/") == \
        f"https://web.archive.org/web/20221123130500id_/{SITE}/a/"


def test_plan_groups_old_and_new_addresses_and_collapses_digests():
    captures = [cdx.CdxCapture(ts, url, "text/html", "200", digest) for ts, url, digest in [
        ("20221123130500", f"{SITE}/news-feed/a-story", "A"), ("20221124000000", f"{SITE}/news-feed/a-story", "A"),
        ("20230101000000", f"{SITE}/a-story/", "B"), ("20230102000000", f"{SITE}/a-story/", "A"),
        ("20221123130500", f"{SITE}/tag/news-feed/", "T")]]
    captures.append(cdx.CdxCapture("20221123130500", f"{SITE}/b/", "image/jpeg", "200", "I"))
    captures.append(cdx.CdxCapture("20221123130500", f"{SITE}/c/", "text/html", "404", "N"))
    made = plan(captures, SITE, max_per_url=20)
    assert made.chains == {f"{SITE}/a-story/": [["20221123130500", f"{SITE}/news-feed/a-story"],
                                               ["20230101000000", f"{SITE}/a-story/"],
                                               ["20230102000000", f"{SITE}/a-story/"]]}
    assert dict(made.skipped) == {"same_digest": 1, "not_article": 1, "not_html": 1, "not_200": 1}
    assert spread(list(range(10)), 4) == [0, 3, 6, 9] and spread([1, 2], 1) == [2]
    many = [cdx.CdxCapture(f"2022{i:010d}", f"{SITE}/x/", "text/html", "200", str(i)) for i in range(50)]
    kept = plan(many, SITE, max_per_url=5).chains[f"{SITE}/x/"]
    assert len(kept) == 5 and kept[0][0] == many[0].timestamp and kept[-1][0] == many[-1].timestamp


def test_timeline_places_a_capture_by_time():
    live = [{"version": 1, "fetched_at": "2026-12-04T10:00:00+00:00", "fields_hash": "L"}]
    assert place(live, "2025-01-01T00:00:00+00:00", "A") == NEW
    assert place(live, "2025-01-01T00:00:00+00:00", "L") == AS_AFTER, "the live text, captured earlier: nothing new"
    earlier = live + [{"version": 2, "fetched_at": "2025-01-01T00:00:00+00:00", "fields_hash": "A"}]
    assert place(earlier, "2025-06-01T00:00:00+00:00", "A") == AS_BEFORE
    assert place(earlier, "2025-06-01T00:00:00+00:00", "B") == NEW
    assert place(earlier, "2025-01-01T00:00:00+00:00", "Z") == SAME_CAPTURE
    assert place([], "2025-01-01T00:00:00+00:00", "A") == NEW
    assert next_number(earlier) == 3 and next_number([]) == 1


def test_replayed_time_dates_what_the_archive_answered():
    from kyivind.history.urls import replayed_time

    wayback, planned = "https://web.archive.org/web", "2022-11-23T13:05:00+00:00"
    asked = f"{wayback}/20221123130500id_/{SITE}/a/"
    assert replayed_time(asked, None, wayback, planned) == (planned, "")
    assert replayed_time(f"{wayback}/20221124000000id_/{SITE}/a/", None, wayback, planned)[0] == "2022-11-24T00:00:00+00:00"
    assert replayed_time(asked, "Wed, 23 Nov 2022 14:15:00 GMT", wayback, planned)[0] == "2022-11-23T14:15:00+00:00"
    assert replayed_time(asked, "not a date", wayback, planned)[0] == planned
    assert replayed_time(f"{SITE}/a/", None, wayback, planned)[0] is None
    assert replayed_time("https://web.archive.org.evil.example/web/x", None, wayback, planned)[0] is None


@pytest.mark.parametrize("shape", ["array", "lines", "text"])
def test_a_page_is_read_up_to_the_rows_asked_and_no_further(shape):
    rows = [["k", f"2022112313{i:04d}", f"{SITE}/a-{i}/", "text/html", "200", f"D{i}", "1"] for i in range(10)]
    body = {"array": json.dumps([cdx.TEXT_FIELDS, *rows, [], ["KEY"]]),
            "lines": "\n".join(json.dumps(dict(zip(cdx.TEXT_FIELDS, r, strict=True))) for r in rows),
            "text": "\n".join(" ".join(r) for r in rows) + "\n\nKEY\n"}[shape]
    page = cdx.parse(body, limit=4)
    assert [c.original for c in page.captures] == [f"{SITE}/a-{i}/" for i in range(4)] and page.over_limit
    assert page.resume_key == (None if shape == "lines" else "KEY")
    whole = cdx.parse(body, limit=10)
    assert len(whole.captures) == 10 and not whole.over_limit and whole.bad_lines == 0


@pytest.mark.parametrize("field, value", [
    ("original", f"{SITE}/a/?x=1\r\nKyivind-Public-URI: {SITE}/forged/\r\nX-Evil: 1"),
    ("original", f"{SITE}/a/\x1b]0;TITLE\x07"), ("digest", "AB\nC"), ("mimetype", "text/html\u2028"),
    ("urlkey", "com,kyivindependent)/a\x85"), ("statuscode", "200\x00"),
])
def test_a_row_with_a_control_character_in_any_field_is_refused(field, value):
    good = dict(zip(cdx.TEXT_FIELDS, ROWS[0], strict=True))
    bad = {**good, field: value}
    for body in (json.dumps([cdx.TEXT_FIELDS, list(good.values()), list(bad.values())]),
                 json.dumps(good) + "\n" + json.dumps(bad)):
        page = cdx.parse(body)
        assert len(page.captures) == 1 and page.refused == {"control_characters": 1}, body
        assert "\\" in page.example or "\\x" in page.example, "written out, never raw"


@pytest.mark.parametrize("timestamp", ["20241399000000", "20240230120000", "20241101250000", "20241101126100",
                                       "00000101000000", "20241399"])
def test_a_timestamp_that_is_no_date_is_refused(timestamp):
    body = json.dumps([cdx.TEXT_FIELDS, ROWS[0], [ROWS[1][0], timestamp, *ROWS[1][2:]]])
    page = cdx.parse(body)
    assert [c.timestamp for c in page.captures] == [ROWS[0][1]] and page.refused == {"bad_timestamp": 1}
    assert cdx.valid_timestamp("20240229235959") and not cdx.valid_timestamp(timestamp.ljust(14, "0"))


def test_the_plan_leaves_out_captures_too_long_to_be_asked():
    captures = [cdx.CdxCapture("20221123130500", f"{SITE}/a/?q={'x' * n}", "text/html", "200", str(n))
                for n in (10, 3000)]
    made = plan(captures, SITE, max_per_url=20, fits=lambda c: len(c.original) < 100)
    assert made.chains == {f"{SITE}/a/": [["20221123130500", f"{SITE}/a/?q={'x' * 10}"]]}
    assert made.skipped == {"url_too_long": 1}


def test_the_original_a_replay_address_names():
    from kyivind.history.urls import replayed_original

    wayback = "https://web.archive.org/web"
    assert replayed_original(f"{wayback}/20221123130500id_/{SITE}/a/?b=1", wayback) == f"{SITE}/a/?b=1"
    assert replayed_original(f"{wayback}/2022im_/https://evil.example/x/", wayback) == "https://evil.example/x/"
    assert replayed_original(f"{wayback}/not-a-capture", wayback) is None
    assert replayed_original(f"{SITE}/a/", wayback) is None


def test_a_replay_address_whose_time_is_no_date_is_no_capture():
    from kyivind.history.urls import replayed_time

    wayback = "https://web.archive.org/web"
    when, why = replayed_time(f"{wayback}/20241399000000id_/{SITE}/a/", None, wayback, "2022-11-23T13:05:00+00:00")
    assert when is None and "no date" in why
    far = replayed_time(f"{wayback}/20221123130500id_/{SITE}/a/", "Fri, 31 Dec 9999 23:59:59 -0100", wayback, "P")
    assert far == ("2022-11-23T13:05:00+00:00", ""), "a Memento-Datetime past the calendar is not believed"
    assert cdx.parse(json.dumps([cdx.TEXT_FIELDS, [ROWS[0][0], "\u0662\u0660\u0662\u0664\u0661\u0661\u0660\u0661",
                                                    *ROWS[0][2:]]])).bad_lines == 1, "ASCII digits only"


def test_a_page_names_its_article_only_by_an_address_of_it():
    from types import SimpleNamespace

    from kyivind.sources.wayback import WaybackSource

    source = SimpleNamespace(urls=SimpleNamespace(site_url=SITE, public_url=lambda url: url))
    archived = {"original": f"{SITE}/news-feed/a-story", "url": f"{SITE}/a-story/"}
    names = lambda named: WaybackSource.names_the_article(source, named, archived)  # noqa: E731
    assert names(f"{SITE}/news-feed/a-story/") and names("/a-story/") and names("http://www.kyivindependent.com/a-story")
    assert not names(f"{SITE}/another-story/") and not names("https://evil.example/a-story/")
    assert not names("http://[::1") and not names("javascript:alert(1)") and not names(f"{SITE}/")
