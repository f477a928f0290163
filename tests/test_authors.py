"""Author-bio splitting: name, role and bio whatever the whitespace."""

import pytest

from kyivind.extraction.authors import split_author_block, split_ghost_author

BIO = "Volodymyr Ivanyshyn is a news editor for The Kyiv Independent. He previously completed an internship."


def test_card_with_lines():
    raw = f"Avatar\nVolodymyr Ivanyshyn\nNews Editor\n{BIO}\nRead more"
    assert split_author_block(raw, "Volodymyr Ivanyshyn") == ("News Editor", BIO)


def test_role_run_into_bio_as_in_a_text_dump():
    raw = "News EditorKateryna Denisova works as a News Editor at The Kyiv Independent."
    assert split_author_block(raw, "Kateryna Denisova") == (
        "News Editor", "Kateryna Denisova works as a News Editor at The Kyiv Independent.")


def test_name_run_into_role_on_one_line():
    raw = f"Volodymyr IvanyshynNews Editor\n{BIO}"
    assert split_author_block(raw, "Volodymyr Ivanyshyn") == ("News Editor", BIO)


def test_everything_on_one_line_with_spaces():
    raw = f"Avatar Volodymyr Ivanyshyn News Editor {BIO} Read more"
    role, bio = split_author_block(raw.replace("Avatar ", "").replace(" Read more", ""), "Volodymyr Ivanyshyn")
    assert (role, bio) == ("News Editor", BIO)


def test_role_with_lower_case_words_and_pronoun_bio():
    raw = "Olena Goncharova\nHead of North America desk\nShe joined the team in 2021."
    assert split_author_block(raw, "Olena Goncharova") == ("Head of North America desk", "She joined the team in 2021.")


def test_news_desk_has_no_role():
    bio = "We are the news desk of The Kyiv Independent, the team of editors behind the News Feed."
    assert split_author_block(f"The Kyiv Independent news desk\n{bio}\nRead more", "The Kyiv Independent news desk") == (None, bio)
    assert split_author_block(f"The Kyiv Independent news desk{bio}", "The Kyiv Independent news desk") == (None, bio)


def test_empty_blocks():
    assert split_author_block(None, "X") == (None, None)
    assert split_author_block("Avatar\nRead more", "X") == (None, None)


@pytest.mark.parametrize("bio, location, expected", [
    (BIO, "News Editor", ("News Editor", BIO)),
    (f"News Editor\n{BIO}", None, ("News Editor", BIO)),
    (f"News Editor{BIO}", None, ("News Editor", BIO)),
    (BIO, "Kyiv, Ukraine", (None, BIO)),
    (None, None, (None, None)),
])
def test_ghost_author_role_in_location_or_bio(bio, location, expected):
    assert split_ghost_author(bio, location, "Volodymyr Ivanyshyn") == expected


def test_role_printed_after_the_bio():
    raw = f"Martin Fornusek\n{BIO}\nReporter"
    assert split_author_block(raw, "Martin Fornusek") == ("Reporter", BIO)


def test_entities_in_jsonld_are_unescaped():
    from kyivind.extraction import extract_article

    html = ('<html><head><script type="application/ld+json">{"@type": "Article", "headline": "A master&#x27;s degree",'
            ' "description": "Tom &amp; Jerry"}</script></head><body><h1>x</h1><p>Body.</p></body></html>')
    fields = extract_article(html, "https://kyivindependent.com/x/").fields
    assert fields["title"] == "A master's degree" and fields["description"] == "Tom & Jerry"
