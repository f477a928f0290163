"""Linear time on any input: every rule that reads page, feed or archive text reads a megabyte of the text that
makes a backtracking pattern slow within a budget of CPU time far above one pass and far below a quadratic
reading (tests/work.py: the machine's load cannot move the verdict; the timings are in bench/bench_linear.py);
and the rules rewritten for it give what the patterns they replace gave, on every short input."""

from __future__ import annotations

import random
import re
from urllib.parse import urlsplit

import pytest

from kyivind.extraction import extract_article
from kyivind.extraction.authors import _without_read_more, split_author_block
from kyivind.extraction.references import _without_ghost_ref
from kyivind.extraction.util import parse_reading_time
from tests.conftest import fixture_html
from tests.hostile.text import CASES
from tests.work import BUDGET, SIZE, OverBudget, grown, within_cpu_budget


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_megabyte_of_hostile_text_is_read_within_the_budget(name):
    function, make, n = CASES[name]
    text = grown(make, n)
    try:
        within_cpu_budget(function, text)
    except OverBudget:
        pytest.fail(f"{name}: {len(text):,} characters still read after {BUDGET:g} CPU seconds, where one pass "
                    "takes seconds: the rule reads in more than linear time")


def hostile_page(n: int) -> str:
    """The three inputs that stalled whole crawls, inside an article page: a link ending in ``?ref=a.a.a…!``,
    an author block padded with "More from" links, a reading time of thousands of digits."""
    page = fixture_html("ghost-article.html")
    link = f'<p>A source: <a href="https://example.org/report?ref={"a." * n}!">the report</a>.</p>'
    block = "<p>Olena Goncharova News Editor" + " a More from" * (n // 10) + "\nNot the end</p>"
    return (page.replace("</article>", f"{link}{block}</article>", 1)
            .replace("min read", f"{'8' * n} min read", 1))


def test_a_page_with_every_hostile_text_is_extracted_within_the_budget():
    page = grown(hostile_page, 2000)
    try:
        within_cpu_budget(lambda html: extract_article(html, "https://kyivindependent.com/x/"), page)
    except OverBudget:
        pytest.fail(f"a page of {len(page):,} characters still read after {BUDGET:g} CPU seconds")
    fields = extract_article(hostile_page(2000), "https://kyivindependent.com/x/").fields
    assert fields["title"] and fields["body_text"]
    assert fields["reading_time_min"] != int("8" * 20), "a reading time of thousands of digits is no reading time"


# --- the rewritten rules give what the patterns they replace gave -------------------------------------------
OLD_GHOST_REF = re.compile(r"(?:(?<=[?&])|^)ref=[A-Za-z0-9.-]+\.[A-Za-z0-9.-]+(?:&|$)")
OLD_READ_MORE = re.compile(r"(?<=[.!?\w])\s*(?:Read more|Read More|More from \w[^\n]*)\s*[→»›]?\s*$")
OLD_READ_TIME = re.compile(r"(\d+)\s*(?:-\s*)?min(?:ute)?s?\.?\s*read", re.I)


def _old_without_ghost_ref(url: str) -> str:
    parts = urlsplit(url)
    if "ref=" not in parts.query:
        return url
    return parts._replace(query=OLD_GHOST_REF.sub("", parts.query).rstrip("&")).geturl()


def _strings(pieces: list[str], count: int, longest: int, seed: int):
    chance = random.Random(seed)
    for _ in range(count):
        yield "".join(chance.choice(pieces) for _ in range(chance.randint(0, longest)))


def test_ghost_ref_removal_equals_the_pattern_it_replaces():
    pieces = ["ref=", "a", ".", "-", "&", "=", "x", "!", "ref", "9", "%2E"]
    for query in _strings(pieces, 50_000, 8, seed=1):
        url = f"https://example.org/p?{query}"
        assert _without_ghost_ref(url) == _old_without_ghost_ref(url), query


def test_closing_link_removal_equals_the_pattern_it_replaces():
    pieces = ["Read more", "Read More", "More from ", "More from", "a", "X", ".", "!", " ", "\n", "→", "»", "\t",
              "_", "-", "é", "\u00a0", "\u2028", "²"]
    for text in _strings(pieces, 50_000, 9, seed=2):
        assert _without_read_more(text) == OLD_READ_MORE.sub("", text), repr(text)


def test_reading_time_equals_the_pattern_it_replaces_up_to_four_digits():
    pieces = ["1", "12", "0", " ", "-", "min", "minute", "minutes", "s", ".", "read", "Read", "x"]
    for text in _strings(pieces, 20_000, 7, seed=3):
        old = OLD_READ_TIME.search(text)
        expected = int(old.group(1)) if old and len(old.group(1)) <= 4 else None
        assert parse_reading_time(text) == expected, text


LOOKBEHIND_READ_TIME = re.compile(r"(?<!\d)(\d+)\s*(?:-\s*)?min(?:ute)?s?\.?\s*read", re.I)


def test_reading_time_pattern_finds_what_its_look_behind_first_form_finds():
    """READ_TIME opens with a digit (its look-behind after it) so that the search skips to digits: the same match,
    the same digits, as (?<!\\d)(\\d+)…, Unicode digits and case folds included."""
    from kyivind.extraction.util import READ_TIME

    pieces = ["1", "12", "0", "\u0663", "\u00b2", " ", "-", "min", "MIN", "m\u0131n", "minute", "s", ".", "read", "READ", "x"]
    for text in _strings(pieces, 20_000, 8, seed=4):
        new, old = READ_TIME.search(text), LOOKBEHIND_READ_TIME.search(text)
        assert (new and (new.span(), new.group(1))) == (old and (old.span(), old.group(1))), repr(text)


def test_an_author_block_still_loses_its_closing_link():
    assert split_author_block("Olena Goncharova\nNews Editor\nShe covers politics.\nRead more →", "Olena Goncharova") \
        == ("News Editor", "She covers politics.")
    assert split_author_block("News Editor\nShe covers politics. More from Olena Goncharova", "Olena Goncharova") \
        == ("News Editor", "She covers politics.")


# --- the budget tells a quadratic rule from a linear one -----------------------------------------------------
@pytest.mark.parametrize("name, old, make", [  # the text that stalled each (bench/bench_hostile.py)
    ("ghost ref of a link", lambda url: OLD_GHOST_REF.sub("", urlsplit(url).query),
     lambda n: "https://example.org/a?ref=" + "a." * n + "!"),
    ("author block closing link", lambda text: OLD_READ_MORE.sub("", text),
     lambda n: "Olena Goncharova\nNews Editor" + " a More from" * n + "\nNot the end"),
    ("reading time", OLD_READ_TIME.search, lambda n: "8" * n + " minutes"),
])
def test_the_patterns_replaced_would_not_read_a_megabyte_in_a_second(name, old, make):
    """Each pattern the rules replaced (``name``) needs hundreds of CPU seconds for a megabyte of the text that
    stalled it: a second of CPU time stops it, however busy the machine (waiting never adds to the count)."""
    with pytest.raises(OverBudget):
        within_cpu_budget(old, grown(make, 1000, SIZE), budget=1.0)
