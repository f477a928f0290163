"""Each extraction layer on saved pages: what it finds alone, and that the merge prefers the earlier one."""

import pytest

from kyivind.extraction import extract_article
from kyivind.extraction.layers import jsonld, meta, nextdata, structure, theme
from kyivind.extraction.page import Page
from tests.conftest import fixture_html

MULTI_URL = "https://kyivindependent.com/zelensky-meets-trump-in-washington-as-talks-on-security-guarantees-continue/"
TITLE = "Zelensky meets Trump in Washington as talks on security guarantees continue"


def page(name):
    return Page(fixture_html(name), MULTI_URL)


def test_jsonld_layer_on_a_ghost_page():
    found = jsonld.parse(page("ghost-article.html"))
    assert found["title"] == TITLE
    assert found["url"] == MULTI_URL
    assert found["published_at"] == "2025-11-20T18:05:00+00:00"
    assert found["modified_at"] == "2025-11-20T19:30:00+00:00"
    assert found["tags"] == ["News Feed", "United States", "Politics"]
    # Ghost names the primary author under author and the others under contributor
    assert [a["slug"] for a in found["authors"]] == ["kateryna-denisova", "olena-goncharova"]
    assert found["image"]["url"].endswith("/2025/11/zelensky-trump.jpg")


def test_jsonld_layer_finds_nothing_on_pages_without_it():
    assert jsonld.parse(page("next-article.html")) == {}
    assert jsonld.parse(page("bare-article.html")) == {}


def test_invalid_jsonld_is_a_recorded_problem_not_a_crash():
    html = fixture_html("ghost-article.html").replace('"@type": "Article"', '"@type": "Article",,', 1)
    p = Page(html, MULTI_URL)
    assert jsonld.parse(p) == {}
    assert "jsonld_invalid" in p.problems
    # the meta and structure layers still give the article
    result = extract_article(html, MULTI_URL)
    assert result.fields["title"] == TITLE and result.fields["published_at"] == "2025-11-20T18:05:00+00:00"
    assert result.sources["title"] == "meta"


def test_meta_layer_on_a_ghost_page():
    found = meta.parse(page("ghost-article.html"))
    assert found["title"] == TITLE
    assert found["published_at"] == "2025-11-20T18:05:00+00:00"
    assert found["tags"] == ["News Feed", "United States", "Politics"]
    assert [a["name"] for a in found["authors"]] == ["Kateryna Denisova"]  # twitter:data1, primary only


def test_nextdata_layer_reads_next_data_and_app_router_chunks():
    for name in ("next-article.html", "next-app-router-article.html"):
        found = nextdata.parse(page(name))
        assert found["title"] == TITLE, name
        assert [a["slug"] for a in found["authors"]] == ["kateryna-denisova", "olena-goncharova"]
        assert found["authors"][0]["raw"]["location"] == "News Editor"
        assert found["body_text"].startswith("President Volodymyr Zelensky met")
        assert "Become a member" not in found["body_text"]
        assert found["reading_time_min"] == 1


def test_structure_layer_alone_on_every_theme():
    for theme_name in ("ghost", "next", "bare"):
        found = structure.parse(page(f"{theme_name}-article.html"))
        assert found["title"] == TITLE, theme_name
        assert found["body_text"].startswith("President Volodymyr Zelensky met U.S. President"), theme_name
        assert found["body_text"].endswith("no agreement on guarantees had yet been signed."), theme_name
        assert [a["slug"] for a in found["authors"]] == ["kateryna-denisova", "olena-goncharova"], theme_name
        assert found["image"]["url"] == "https://assets.kyivindependent.com/content/images/2025/11/zelensky-trump.jpg"
        assert found["image"]["raw_caption"].endswith("(Office of the President of Ukraine)"), theme_name
        assert found["language"] == "en"


def test_structure_layer_reads_canonical_time_and_tag_links():
    ghost = structure.parse(page("ghost-article.html"))
    assert ghost["url"] == MULTI_URL
    bare = structure.parse(page("bare-article.html"))
    assert bare["published_at"] == "2025-11-20T18:05:00+00:00"
    assert bare["tags"] == ["News Feed", "United States", "Politics"]
    assert bare["reading_time_min"] == 1


def test_theme_layer_reads_known_class_names():
    found = theme.parse(page("ghost-article.html"))
    assert found["title"] == TITLE
    assert found["body_text"].startswith("President Volodymyr Zelensky met")
    assert found["reading_time_min"] == 1


def test_theme_layer_only_fills_what_others_left_empty():
    html = "<html><body><h2 class='post-title'>Class title</h2><div class='gh-content'><p>" + "Body text. " * 20 + "</p></div></body></html>"
    result = extract_article(html, "https://kyivindependent.com/x/")
    assert result.fields["title"] == "Class title" and result.sources["title"] == "theme"
    richer = extract_article(fixture_html("ghost-article.html"), MULTI_URL)
    assert richer.sources["title"] == "jsonld" and richer.sources["body_text"] == "structure"


def test_sources_name_the_layer_of_each_field():
    result = extract_article(fixture_html("next-article.html"), MULTI_URL)
    assert result.sources["authors"] == "nextdata" and result.sources["body_text"] == "nextdata"
    bare = extract_article(fixture_html("bare-article.html"), MULTI_URL)
    assert bare.sources["title"] == "structure" and bare.sources["description"] == "meta"


def test_share_image_not_shown_on_the_page_is_not_the_feature_image():
    html = fixture_html("ghost-article.html")
    html = html.replace('"image": {"@type": "ImageObject"', '"_image": {"@type": "ImageObject"')
    html = html.replace("zelensky-trump.jpg", "other.jpg").replace('og:image" content="https://assets.kyivindependent.com/content/images/2025/11/other.jpg', 'og:image" content="https://kyivindependent.com/share.png')
    html = html.replace('<figure class="article-image">', '<div>').replace("</figure>\n</header>", "</div></header>")
    p = Page(html, MULTI_URL)
    result = extract_article(p)
    assert result.fields["image"] is None or "share.png" not in result.fields["image"]["url"]


def test_structure_on_a_theme_without_time_figure_or_article_elements():
    """Date written out in the byline, caption beside the picture, body in chunks around an advert,
    role and bio in inline elements with "Read more" glued on."""
    from kyivind.pipelines.authorbio import split_author

    paragraphs = ["Ukraine is working on a prisoner exchange with Russia, President Volodymyr Zelensky said on May 21.",
                  "We have to release all our people, unconditionally, Zelensky said in an evening address on May 21.",
                  "The Security Service on May 17 announced it had launched preparatory steps for the exchange.",
                  "Zelensky noted that Ukraine is ensuring the exchange goes as planned, with reports prepared daily."]
    html = f"""<html lang="en"><head><title>Exchange | The Kyiv Independent</title></head><body>
<header><nav><a href="/tag/news-feed/">News Feed</a></nav></header><div class="l"><div class="m">
<span><a href="/tag/news-feed/">News Feed</a></span><h1>Exchange</h1>
<div>By <a href="/author/volodymyr-ivanyshyn/">Volodymyr Ivanyshyn</a> <span>May 21, 2025 8:41 PM</span> <span>2 min read</span></div>
<div><img src="/_next/image?url=https%3A%2F%2Fassets.kyivindependent.com%2Fx.jpg&amp;w=1536&amp;q=75" alt="">
<p>Soldiers at a training ground on Sept. 12, 2023. (Francis Farrell/The Kyiv Independent)</p></div>
<section><p>{paragraphs[0]}</p><p>{paragraphs[1]}</p></section><div class="ad-slot"><p>Advertisement</p></div>
<section><p>{paragraphs[2]}</p><p>{paragraphs[3]}</p></section></div></div>
<div><div><img alt="Avatar" src="/a.jpg"><div><a href="/author/volodymyr-ivanyshyn/">Volodymyr Ivanyshyn</a><span>News Editor</span></div>
<span>Volodymyr Ivanyshyn is a news editor for The Kyiv Independent.</span><a href="/author/volodymyr-ivanyshyn/">Read more</a></div></div>
<footer>(c)</footer></body></html>"""
    fields = extract_article(html, "https://kyivindependent.com/exchange/").fields
    assert fields["published_at"] == "2025-05-21T20:41:00+00:00"
    assert fields["image"] == {"url": "https://assets.kyivindependent.com/x.jpg", "caption": "Soldiers at a training ground on Sept. 12, 2023.",
                               "credit": "Francis Farrell/The Kyiv Independent"}
    assert fields["body_text"] == "\n\n".join(paragraphs)
    author = split_author(fields["authors"][0])
    assert author.url == "https://kyivindependent.com/author/volodymyr-ivanyshyn/"
    assert (author.role, author.bio) == ("News Editor", "Volodymyr Ivanyshyn is a news editor for The Kyiv Independent.")


def test_logo_heading_and_time_without_datetime():
    html = """<html><head><title>Parliament extends martial law | The Kyiv Independent</title></head><body>
<div class="top"><h1>The Kyiv Independent</h1></div><div class="post"><h1>Parliament extends martial law</h1>
<time>Nov 17, 2025 10:45</time><div class="text"><p>Ukraine's parliament voted on Nov. 17 to extend martial law and
general mobilization for another 90 days, lawmakers said.</p><p>A total of 320 lawmakers supported it.</p></div></div></body></html>"""
    fields = extract_article(html, "https://kyivindependent.com/parliament/").fields
    assert fields["title"] == "Parliament extends martial law"
    assert fields["published_at"] == "2025-11-17T10:45:00+00:00"
    assert fields["body_text"].endswith("A total of 320 lawmakers supported it.")


def _page_with_written_time(time_html: str) -> str:
    body = " ".join(["Russian forces struck Kharkiv overnight, injuring seven people, officials said on April 5."] * 3)
    return f"""<html lang="en"><head><title>Strike on Kharkiv | The Kyiv Independent</title></head><body><main><article>
<h1>Strike on Kharkiv</h1><div>By <a href="/author/kateryna-denisova/">Kateryna Denisova</a> {time_html}</div>
<section><p>{body}</p><p>{body}</p></section></article></main></body></html>"""


@pytest.mark.parametrize("time_html, expected", [
    # a datetime attribute that holds only the date does not beat the time the page shows
    ('<time datetime="2025-04-05">April 5, 2025 1:28 PM</time>', "2025-04-05T10:28:00+00:00"),  # EEST, UTC+3
    ('<time datetime="2025-11-20">Nov 20, 2025 7:30 PM</time>', "2025-11-20T17:30:00+00:00"),  # EET, UTC+2
    ('<time datetime="2025-04-05T13:28:00+03:00">April 5, 2025 1:28 PM</time>', "2025-04-05T10:28:00+00:00"),
    ('<time datetime="2025-04-05">April 5, 2025</time>', "2025-04-05T00:00:00+00:00"),  # nothing better shown
    ("<span>April 5, 2025 1:28 PM</span>", "2025-04-05T10:28:00+00:00"),  # no <time>: the byline's text
    ("<span>April 5, 2025 1:28 PM UTC</span>", "2025-04-05T13:28:00+00:00"),  # a time that says UTC is UTC
])
def test_times_written_for_people_are_read_in_the_site_time_zone(time_html, expected):
    from zoneinfo import ZoneInfo

    fields = extract_article(_page_with_written_time(time_html), "https://kyivindependent.com/strike/",
                             ZoneInfo("Europe/Kyiv")).fields
    assert fields["published_at"] == expected


def test_a_field_an_earlier_layer_gave_is_never_read_from_a_later_one(monkeypatch):
    # the Ghost page's JSON-LD gives the dates, tags and image: the structure layer must not read them
    def refuse(s):
        raise AssertionError("read although JSON-LD gave it")

    for key in ("published_at", "modified_at", "tags", "image", "url", "title"):
        monkeypatch.setitem(structure.PARSERS, key, refuse)
    for key in theme.PARSERS:  # every field found before the class names: the theme layer is not read at all
        monkeypatch.setitem(theme.PARSERS, key, refuse)
    found = extract_article(fixture_html("ghost-article.html"), MULTI_URL)
    assert found.sources["published_at"] == "jsonld" and found.fields["published_at"] == "2025-11-20T18:05:00+00:00"
    assert found.sources["body_text"] == "structure" and found.fields["body_text"]


def test_a_post_object_with_wrong_types_gives_no_value_not_a_crash():
    from kyivind.extraction import extract_post

    post = {"slug": "s", "title": "Strikes on Odesa", "published_at": 20251120, "url": ["x"], "html": 5,
            "feature_image": {"url": "x"}, "feature_image_caption": 3, "authors": 7, "tags": [{"name": 3}, "Kyiv"]}
    fields = extract_post(post).fields
    assert fields["title"] == "Strikes on Odesa"
    assert fields["published_at"] is None and fields["url"] is None and fields["body_text"] is None
    assert fields["image"] is None and fields["authors"] == [] and fields["tags"] == []
    post.update(html="<p>Port hit overnight.</p>", authors=[{"name": 5, "slug": "a-b"}], feature_image="https://x/i.jpg")
    fields = extract_post(post).fields
    assert fields["body_text"] == "Port hit overnight." and fields["authors"][0].slug == "a-b"
    assert fields["authors"][0].name is None and fields["image"]["url"] == "https://x/i.jpg"


@pytest.mark.parametrize("texts, expected", [
    (["<span>4 min read</span>"], 4),
    (["<span>12345 min read · 3 min read</span>", "<span>2 min read</span>"], 2),  # a text's first is too long
    (["<span>12345 min read</span>", "<span>7 minutes read</span>"], 7),
    (["<span>1</span><span>2 min read</span>"], 2),  # a number in one text, the words in the next: not one
    (["<span>5 min</span><span>read</span>", "<p>no time</p>"], None),
])
def test_reading_time_is_the_first_text_that_gives_one(texts, expected):
    html = f"<html><body><article><h1>Headline</h1>{''.join(texts)}<p>{'Body text. ' * 20}</p></article></body></html>"
    assert structure.parse(Page(html, "https://kyivindependent.com/x/"))["reading_time_min"] == expected
