"""The quick search of the figure rules' patterns finds what the patterns find: ``Quick`` and the rewritten
lower-case copies it searches (``letter_first``), on the real rewritten items and the hand-labelled texts."""

from __future__ import annotations

import re

import pytest

from kyivind.figures import air, scope, statements, text, tolls
from kyivind.figures.text import Quick, letter_first
from tests.figures.realscore import load
from tests.places.articles import ARTICLES


def _quick_patterns() -> list[tuple[str, Quick]]:
    found = []
    for module in (text, scope, air, statements, tolls):
        for name, value in vars(module).items():
            if isinstance(value, Quick):
                found.append((f"{module.__name__}.{name}", value))
            elif isinstance(value, list):
                found += [(f"{module.__name__}.{name}", item[-1]) for item in value
                          if isinstance(item, tuple) and item and isinstance(item[-1], Quick)]
    return found


QUICK = _quick_patterns()


@pytest.fixture(scope="module")
def real_sentences() -> list[str]:
    texts = [t for item in load("all") for t in (item["title"] or "", item["body_text"] or "")]
    texts += [t for article in ARTICLES for t in (article.get("title") or "", article.get("body") or "")]
    return [sentence for t in texts for _, sentence, _ in text.sentences(t)]


def test_some_patterns_are_rewritten():
    rewritten = [name for name, quick in QUICK if quick.lowered is not None and quick.lowered.pattern is None]
    assert len(QUICK) > 30 and rewritten


@pytest.mark.parametrize("name,quick", QUICK, ids=[name for name, _ in QUICK])
def test_quick_finds_what_the_pattern_finds(name, quick, real_sentences):
    for sentence in real_sentences:
        expected = [(m.span(), m.groups()) for m in quick.compiled.finditer(sentence)]
        assert [(m.span(), m.groups()) for m in quick.finditer(sentence)] == expected, (name, sentence)
        first = quick.compiled.search(sentence)
        got = quick.search(sentence)
        assert (got and (got.span(), got.groups())) == (first and (first.span(), first.groups())), (name, sentence)
        if quick.lowered is not None and not any(c in sentence for c in "İıſ"):  # the copy, unchecked by Quick
            assert [m.span() for m in quick.lowered.finditer(sentence.lower())] == [span for span, _ in expected]


CASES = ["in january", "within january", "born in 1990, in 1991", "in 1990", "Kin june", "in\tjune 5", "x in june",
         "born in1990", "in in june", "_in june", "éin june", "in 2024 and in march"]


def test_a_pattern_led_by_a_boundary_and_a_look_behind_starts_with_its_letter():
    pattern = re.compile(r"\bin\s+(?:january|june|march)\b(?!\s+\d)|(?<!born\s)\bin\s+(?:19|20)\d\d\b")
    faster = letter_first(pattern)
    assert faster is not pattern and faster.pattern is None
    for case in CASES:
        assert [m.span() for m in faster.finditer(case)] == [m.span() for m in pattern.finditer(case)], case
        for start in range(len(case)):  # from any place, as Quick.search is called
            expected, got = pattern.search(case, start), faster.search(case, start)
            assert (got and got.span()) == (expected and expected.span()), (case, start)


def test_a_repeat_and_a_group_first_are_read_through():
    pattern = re.compile(r"(?<![\d#])(?P<n>\d+)\s+(?:people|drones)")
    faster = letter_first(pattern)
    for case in ("5 people", "#5 people", "15 drones and 3 people", "a5 people", "12 drones"):
        assert [(m.span(), m.group("n")) for m in faster.finditer(case)] == \
            [(m.span(), m.group("n")) for m in pattern.finditer(case)]


@pytest.mark.parametrize("source", [
    r"^earlier\b",  # the engine tries "^" at the start only already
    r"\b(?P<w>\w+)\s+(?P=w)\b",  # a back-reference
    r"\b(?:one|two|three|four|five|six|seven|eight|nine)\b",  # starts with most letters: no gain
    r"(?:\d+|many)\s+people",  # nothing before its first character to move
])
def test_patterns_without_a_gain_are_kept(source):
    pattern = re.compile(source)
    assert letter_first(pattern) is pattern


FORMS = [
    r"\bin\b|\bon\b",
    r"(?<!born\s)\bin\s+\d\d",
    r"(?=in\b)\bi",  # a look-ahead first
    r"\B(?:n|b)",
    r"(?<![\d.])(?P<n>\d{2,3}?)\b",
    r"(?<!x)(?P<w>(?:bo|in))\s",
    r"\b(?:(?P<a>in)|(?P<b>on))(?!\w)",
    r"(?<![a-z])\d+\.?",
]


@pytest.mark.parametrize("source", FORMS)
def test_each_form_finds_the_same_spans_as_written(source):
    import random

    pattern = re.compile(source)
    faster = letter_first(pattern)
    rng = random.Random(source)
    pieces = ["in", "on", "b", "born", " ", " ", "1", "23", ".", "x", "n", "io"]
    for _ in range(3000):
        case = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))
        assert [m.span() for m in faster.finditer(case)] == [m.span() for m in pattern.finditer(case)], case
        pos = rng.randint(0, len(case))
        expected, got = pattern.search(case, pos), faster.search(case, pos)
        assert (got and got.span()) == (expected and expected.span()), (case, pos)
