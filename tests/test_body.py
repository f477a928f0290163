"""Body text: paragraphs, sub-headings and quotes in order; no chrome, cards, captions, teasers, author cards."""

import pytest
from lxml import etree

from kyivind.extraction import body_from_fragment, extract_article
from kyivind.extraction.body import card_markers
from kyivind.extraction.page import parse_html
from tests.conftest import fixture_html
from tests.replica.content import body_text, posts

MULTI = next(p for p in posts() if p["slug"].startswith("zelensky-meets-trump"))


@pytest.mark.parametrize("theme", ["ghost", "next", "bare"])
def test_cards_and_chrome_are_not_body_text(theme):
    body = extract_article(fixture_html(f"{theme}-article.html"), "https://kyivindependent.com/x/").fields["body_text"]
    assert body == body_text(MULTI)
    for text in ("What we know about the security guarantees",  # bookmark card
                 "Productive meeting with President Trump",  # embedded tweet
                 "Become a member and support",  # member call to action
                 "Quality journalism takes work",  # membership banner
                 "works as a News Editor",  # author card
                 "Office of the President of Ukraine",  # caption
                 "Russian drone attack on Kharkiv"):  # stream and teaser
        assert text not in body, (theme, text)
    assert "What the leaders said" in body and "Reaction in Kyiv" in body  # sub-headings
    assert "We discussed air defense" in body  # quote


def test_fragment_keeps_order_and_joins_blocks_by_blank_lines():
    html = ("<p>One.</p><h2>Two</h2><figure class='kg-card kg-image-card'><img src='x.jpg'><figcaption>Cap</figcaption>"
            "</figure><blockquote><p>Three.</p></blockquote><ul><li>Four</li><li>Five</li></ul>")
    assert body_from_fragment(html) == "One.\n\nTwo\n\nThree.\n\nFour\n\nFive"


def test_plain_blockquote_of_an_embedded_post_is_not_a_quote():
    html = ('<p>Text.</p><blockquote><p>A post.</p>&mdash; X (@x) <a href="https://x.com/x/status/1">May 1</a></blockquote>'
            "<blockquote>A real quote.</blockquote>")
    assert body_from_fragment(html) == "Text.\n\nA real quote."


def test_empty_fragment():
    assert body_from_fragment("") is None and body_from_fragment("<div></div>") is None


def test_seed_article_body_matches_the_real_text():
    seed = next(p for p in posts() if p["slug"].startswith("ukraine-working-on"))
    for theme in ("ghost", "next", "bare"):
        fields = extract_article(fixture_html(f"{theme}-seed-article.html"), None).fields
        assert fields["body_text"] == body_text(seed), theme
        assert fields["body_text"].startswith("Ukraine is working on a previously agreed-upon")
        assert fields["body_text"].endswith("but Moscow has so far refused the proposal.")
        assert fields["image"]["credit"] == "Francis Farrell/The Kyiv Independent"


def test_a_fragment_parses_to_the_tree_lxml_html_builds():
    # parse_fragment builds plain lxml elements; the tree must be the one lxml.html.fragment_fromstring builds
    import random

    from lxml import etree
    from lxml import html as lxml_html

    from kyivind.extraction.page import parse_fragment

    random.seed(5)
    pieces = ["<p>", "</p>", "words ", "\n", "<a href='/x'>", "</a>", "<br>", "<!-- c -->", "<figure>", "</figure>",
              "<div>", "</div>", "&amp;", "é", "<html>", "<body>", "</body>", "<head>", "<li>", "<table><tr><td>",
              "<!doctype html>", "<title>t</title>", "<meta charset='latin1'>"]
    for _ in range(3000):
        fragment = "".join(random.choice(pieces) for _ in range(random.randint(1, 12)))
        outcomes = []
        for parse in (lambda f: lxml_html.fragment_fromstring(f, create_parent="div"), parse_fragment):
            try:
                outcomes.append(etree.tostring(parse(fragment), encoding=str))
            except Exception as error:  # lxml.html refuses a piece that opens a second body: so must we
                outcomes.append(type(error).__name__)
        assert outcomes[0] == outcomes[1], fragment


def test_block_and_inline_text_of_comments_scripts_and_nested_blocks():
    from lxml import etree

    from kyivind.extraction.layers.structure import block_text
    from kyivind.extraction.util import inline_text

    root = etree.fromstring(b"<div>a<!--c-->b<p>x<br>y<script>s</script>z</p>t<img/>u<svg><g>q</g></svg>w</div>",
                            etree.HTMLParser())
    div = root.find(".//div")
    # a comment gives only what follows it; a block boundary is a line (block_text) or a space (inline_text);
    # block_text leaves scripts, images and drawings out
    assert block_text(div) == "ab\nx\nyz\ntuw"
    assert inline_text(div) == "ab x ysz tuqw"
    assert inline_text(div.find("p")) == "x ysz" and block_text(div.find("p")) == "x\nyz"
    assert block_text(div.find(".//script")) == ""


CARD_MARKER_RULE = etree.XPath(".//time | .//a[contains(@href, '/author/')] | .//a[.//h1 or .//h2 or .//h3 or .//h4]"
                               " | .//h1[.//a] | .//h2[.//a] | .//h3[.//a] | .//h4[.//a]")


def test_card_markers_are_those_of_the_rule_written_as_xpath():
    html = ("<div id='card'><p>Text</p><!-- a comment --><time>Nov 1</time><a href='/author/x/'>X</a>"
            "<a href='/story/'><h3>Story</h3></a><a href='/other/'><h5>Not a heading of the rule</h5></a>"
            "<h2><b><a href='/y/'>Y</a></b></h2><h4>No link</h4><div><p><time>nested</time></p></div>"
            "<a>no href <h1>heading</h1></a></div>")
    root = parse_html(html)
    for el in root.iter():
        if isinstance(el.tag, str):
            assert card_markers(el) == CARD_MARKER_RULE(el)
    assert len(card_markers(root)) == 6
