"""Pure helpers: dates, image URLs, captions, reading time, languages."""

import pytest

from kyivind.extraction.util import (
    decode_image_url,
    image_key,
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
