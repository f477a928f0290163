"""Pure helpers: dates, image URLs, captions, reading time, languages."""

import random
from urllib.parse import parse_qs, urljoin

import pytest

from kyivind.extraction import extract_article
from kyivind.extraction.util import (
    _query_value,
    decode_image_url,
    image_key,
    join_url,
    language_tag,
    parse_datetime,
    parse_reading_time,
    split_caption,
)


@pytest.mark.parametrize("raw, expected", [
    ("2025-05-21T20:41:00.000Z", "2025-05-21T20:41:00+00:00"),
    ("2025-05-21T23:41:00+03:00", "2025-05-21T20:41:00+00:00"),
    ("2025-05-21T20:41:00", "2025-05-21T20:41:00+00:00"),
    ("2025-05-21", "2025-05-21T00:00:00+00:00"),
    ("yesterday", None),
    ("", None),
    (None, None),
])
def test_parse_datetime_gives_utc_with_offset(raw, expected):
    assert parse_datetime(raw) == expected


def test_next_image_source_decodes_to_the_asset():
    src = "/_next/image?url=https%3A%2F%2Fassets.kyivindependent.com%2Fcontent%2Fimages%2F2025%2F04%2Fx.jpg&w=1536&q=75"
    assert decode_image_url(src, "http://127.0.0.1:9/a/") == "https://assets.kyivindependent.com/content/images/2025/04/x.jpg"


def test_the_image_parameter_is_read_as_parse_qs_reads_it():
    random.seed(7)
    pieces = ["url", "=", "&", "+", "%2F", "%75rl", "a", "#", "?", ";"]
    for _ in range(20_000):
        query = "".join(random.choice(pieces) for _ in range(random.randint(0, 10)))
        expected = parse_qs(query).get("url", [None])[0]
        assert _query_value(query, "url") == expected, query


def test_joined_links_are_urljoin_s_whichever_the_page():
    # the answers kept per site must be the ones urljoin gives on every page of it
    random.seed(11)
    bases = ["https://kyivindependent.com/a/b/", "https://kyivindependent.com/a/b", "http://127.0.0.1:8080/x/y?q=1#f",
             "https://kyivindependent.com", "HTTPS://k.com/a/", "https://u:p@k.com:443/a/../b/"]
    pieces = ["/", "//", "http:", "https:", "a", "..", ".", "?", "#", "k.com", "%2F", ":", "@", "\t", "\n", "[", " "]
    for _ in range(50_000):
        base, href = random.choice(bases), "".join(random.choice(pieces) for _ in range(random.randint(1, 7)))
        try:
            expected = urljoin(base, href)
        except ValueError:
            expected = None
        assert join_url(base, href) == expected, (base, href)


def test_a_link_or_image_that_is_no_url_is_left_out_not_a_failed_article():
    # "http://[x/": an unclosed IPv6 host, which urllib refuses with ValueError
    html = ("<html><head><title>A title</title></head><body><article><h1>Drones hit a power plant</h1>"
            '<figure><img src="http://[bad/x.jpg"></figure>'
            '<p>The strike damaged the plant overnight, regional officials said on Monday morning.</p>'
            '<p>Officials published <a href="http://[bad/">a report</a> on the damage, and the operator issued '
            '<a href="https://example.org/r">a statement</a> about repairs later in the day.</p>'
            "</article></body></html>")
    found = extract_article(html, "https://kyivindependent.com/drones-hit/")
    assert found.is_article
    assert found.fields["image"] is None
    assert [link["url"] for link in found.fields["links"]] == ["https://example.org/r"]
    assert decode_image_url("http://[bad/_next/image?url=%2Fa.jpg") == "/a.jpg"
    assert image_key("http://[bad/x.jpg") is None


def test_relative_and_srcset_sources():
    assert decode_image_url("/content/images/a.jpg 600w, /content/images/b.jpg 2000w", "https://k.com/x/") == "https://k.com/content/images/a.jpg"
    assert decode_image_url("data:image/gif;base64,xx") is None


def test_image_key_matches_size_variants():
    a = "https://assets.kyivindependent.com/content/images/size/w600/2025/05/a.jpg"
    b = "https://assets.kyivindependent.com/content/images/2025/05/a.jpg"
    assert image_key(a) == image_key(b)
    assert image_key(b) != image_key(b.replace("a.jpg", "c.jpg"))


@pytest.mark.parametrize("caption, expected", [
    ("Soldiers on Sept. 12, 2023. (Francis Farrell/The Kyiv Independent)",
     ("Soldiers on Sept. 12, 2023.", "Francis Farrell/The Kyiv Independent")),
    ("An F-16 fighter jet during a demonstration flight.", ("An F-16 fighter jet during a demonstration flight.", None)),
    ("A building (left) in Kyiv.", ("A building (left) in Kyiv.", None)),
    ("(Getty Images)", (None, "Getty Images")),
    ("", (None, None)),
])
def test_split_caption_takes_the_trailing_parenthesis_as_credit(caption, expected):
    assert split_caption(caption) == expected


def test_reading_time_and_language():
    assert parse_reading_time("• 2 min read") == 2
    assert parse_reading_time("0 min read") == 0
    assert parse_reading_time("no time") is None
    assert language_tag("en-US") == "en" and language_tag("uk_UA") == "uk" and language_tag("") is None


@pytest.mark.parametrize("text, expected", [
    ("By X · May 21, 2025 8:41 PM · 2 min read", "2025-05-21T20:41:00+00:00"),
    ("18 Nov 2025", "2025-11-18T00:00:00+00:00"),
    ("Sept. 12, 2023", "2023-09-12T00:00:00+00:00"),
    ("Updated Nov 20, 2025 at 19:30", "2025-11-20T19:30:00+00:00"),
    ("no date here 2025", None),
])
def test_dates_written_for_people(text, expected):
    from kyivind.extraction.util import parse_text_date

    assert parse_text_date(text) == expected
