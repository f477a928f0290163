"""The site as web archives hold its early years: the 2022 WordPress theme, and the old URL forms.

``wordpress_article`` draws a post as the 2022 site did: a WordPress page with Yoast's Open Graph and
``article:*`` meta but no JSON-LD, a byline "by <author> November 23, 2022 2:33 pm" (Kyiv time) beside a
``<time>`` with an offset, the body in ``entry-content`` with ``wp-block-*`` figures (no Koenig card), the
category as ``rel="category tag"`` links, a support banner and a "most popular" box around the article, and the
canonical URL in its old form (``/news-feed/<slug>/``, ``/uncategorized/<slug>/``).

``ARCHIVED_POSTS`` are articles of 2022 that only archives hold (the site has none of them any more), written for
these tests; each has the fields ``content.expected_item`` reads, plus ``path`` (the address the archive holds).
"""

from __future__ import annotations

import html
from datetime import datetime, timedelta, timezone

from .content import AUTHORS, SITE, _tags

e = html.escape
KYIV_WINTER = timezone(timedelta(hours=2))
KYIV_SUMMER = timezone(timedelta(hours=3))


def _kyiv(iso: str) -> datetime:
    when = datetime.fromisoformat(iso.replace(".000Z", "+00:00"))
    return when.astimezone(KYIV_SUMMER if 3 < when.month < 11 else KYIV_WINTER)


def _byline_time(iso: str) -> str:
    """'November 23, 2022 2:33 pm': as the 2022 byline wrote it, in Kyiv time."""
    local = _kyiv(iso)
    return f"{local:%B} {local.day}, {local.year} {local.hour % 12 or 12}:{local:%M} {'am' if local.hour < 12 else 'pm'}"


def wordpress_article(post: dict) -> str:
    canonical = f"{SITE}{post['path']}"
    authors = [AUTHORS[slug] for slug in post["authors"]]
    byline = " and ".join(f'<a class="url fn n" href="{SITE}/author/{a["slug"]}/" rel="author">{e(a["name"])}</a>'
                          for a in authors)
    categories = ", ".join(f'<a href="{SITE}/category/{t["slug"]}/" rel="category tag">{e(t["name"])}</a>'
                           for t in post["tags"])
    figure = ""
    if post.get("feature_image"):
        figure = (f'<figure class="wp-block-image size-large"><img loading="lazy" width="1024" height="683" '
                  f'src="{post["feature_image"]}" alt="" class="wp-image-5521"><figcaption>'
                  f'{post["feature_image_caption"]}</figcaption></figure>')
    body = "".join(f"<p>{e(text, quote=False)}</p>" for kind, text in post["blocks"] if kind == "p")
    published = _kyiv(post["published_at"]).isoformat()
    boxes = "".join(f'<div class="author-box"><h4>{e(a["name"])}</h4><p>{e(a["bio"])}</p></div>' for a in authors)
    return f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(post["title"])} - The Kyiv Independent</title>
<meta name="robots" content="index, follow, max-image-preview:large">
<link rel="canonical" href="{canonical}">
<meta property="og:locale" content="en_US">
<meta property="og:type" content="article">
<meta property="og:title" content="{e(post["title"])}">
<meta property="og:description" content="{e(post["custom_excerpt"])}">
<meta property="og:url" content="{canonical}">
<meta property="og:site_name" content="The Kyiv Independent">
<meta property="article:published_time" content="{datetime.fromisoformat(published).astimezone(timezone.utc).isoformat()}">
<meta property="article:modified_time" content="{post["updated_at"].replace(".000Z", "+00:00")}">
{f'<meta property="og:image" content="{post["feature_image"]}">' if post.get("feature_image") else ""}
<link rel="stylesheet" id="kyiv-style-css" href="{SITE}/wp-content/themes/kyiv/style.css?ver=1.4" media="all">
<script src="{SITE}/wp-includes/js/jquery/jquery.min.js?ver=3.6.0" id="jquery-core-js"></script>
</head>
<body class="post-template-default single single-post postid-{post["post_id"]} single-format-standard">
<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header"><nav><a href="{SITE}/">The Kyiv Independent</a>
<a href="{SITE}/category/news-feed/">News Feed</a> <a href="{SITE}/category/national/">National</a></nav>
<p class="date-today">Wednesday, November 23, 2022</p></header>
<div class="support-strip"><h3>One year of independence</h3><p>Readers like you keep this newsroom going. Stand
with us for as little as $1.</p><a href="{SITE}/support-us/">Support us</a></div>
<main id="content" class="site-main">
<article id="post-{post["post_id"]}" class="post-{post["post_id"]} post type-post status-publish hentry">
<header class="entry-header"><div class="cat-links">{categories}</div>
<h1 class="entry-title">{e(post["title"])}</h1>
<div class="entry-meta">by {byline} <time class="entry-date published" datetime="{published}">{_byline_time(post["published_at"])}</time></div>
</header>
<div class="entry-content">{figure}{body}</div>
<footer class="entry-footer">{boxes}</footer>
</article>
<aside class="widget-area"><h2 class="widget-title">Most popular</h2><ul>
<li><a href="{SITE}/news-feed/zelensky-addresses-the-nation/">Zelensky addresses the nation</a></li>
<li><a href="{SITE}/national/winter-is-coming-to-kyiv/">Winter is coming to Kyiv</a></li></ul></aside>
</main>
<footer id="colophon" class="site-footer"><p>&copy; 2022 The Kyiv Independent. All rights reserved.</p></footer>
</div></body></html>"""


ARCHIVED_POSTS = [
    {
        "slug": "russian-shelling-of-kherson-kills-3",
        "path": "/news-feed/russian-shelling-of-kherson-kills-3/",
        "post_id": 41877,
        "title": "Russian shelling of Kherson kills 3",
        "custom_excerpt": "Three people were killed when Russian forces shelled central Kherson on Nov. 23, the regional "
                          "military administration reported.",
        "published_at": "2022-11-23T12:33:00.000Z",
        "updated_at": "2022-11-23T12:40:00.000Z",
        "tags": _tags("News Feed"),
        "authors": ["thekyivindependent"],
        "feature_image": None,
        "feature_image_caption": None,
        "blocks": [
            ("p", "Three people were killed when Russian forces shelled central Kherson on Nov. 23, the regional "
                  "military administration reported."),
            ("p", "A market and two apartment blocks near the river port were hit, according to the report."),
        ],
    },
    {
        "slug": "power-restored-in-most-of-odesa-oblast",
        "path": "/uncategorized/power-restored-in-most-of-odesa-oblast/",
        "post_id": 40210,
        "title": "Power restored in most of Odesa Oblast",
        "custom_excerpt": "Electricity was back in most homes of Odesa Oblast by the evening of Oct. 12, the regional "
                          "energy company said.",
        "published_at": "2022-10-12T16:05:00.000Z",
        "updated_at": "2022-10-12T16:05:00.000Z",
        "tags": _tags("News Feed"),
        "authors": ["thekyivindependent"],
        "feature_image": "https://kyivindependent.com/wp-content/uploads/2022/10/odesa-substation.jpg",
        "feature_image_caption": "Workers repair a substation in Odesa Oblast on Oct. 11, 2022. (Odesa energy company)",
        "blocks": [
            ("p", "Electricity was back in most homes of Odesa Oblast by the evening of Oct. 12, the regional energy "
                  "company said, two days after Russian missile strikes on the grid."),
            ("p", "Engineers were still working on two substations, and short scheduled outages remained possible."),
        ],
    },
    {
        "slug": "drones-downed-14",
        "path": "/drones-downed-14",
        "post_id": 41002,
        "title": "Air defense downs 14 drones over southern Ukraine",
        "custom_excerpt": "Ukraine's air defense shot down 14 Iranian-made drones over the south overnight on Nov. 17, "
                          "the Air Force said.",
        "published_at": "2022-11-17T07:10:00.000Z",
        "updated_at": "2022-11-17T07:10:00.000Z",
        "tags": _tags("News Feed"),
        "authors": ["thekyivindependent"],
        "feature_image": None,
        "feature_image_caption": None,
        "blocks": [
            ("p", "Ukraine's air defense shot down 14 Iranian-made drones over the south overnight on Nov. 17, the "
                  "Air Force said."),
            ("p", "Debris fell on farmland in Mykolaiv Oblast, with no one hurt, the regional governor added."),
        ],
    },
    {
        "slug": "kyiv-metro-runs-as-shelter",
        "path": "/national/kyiv-metro-runs-as-shelter/",
        "post_id": 39001,
        "title": "Kyiv metro runs as a shelter again",
        "custom_excerpt": "A feature on the city's metro, of the National section, not of the News Feed.",
        "published_at": "2022-10-10T09:00:00.000Z",
        "updated_at": "2022-10-10T09:00:00.000Z",
        "tags": _tags("National"),
        "authors": ["olena-goncharova"],
        "feature_image": None,
        "feature_image_caption": None,
        "blocks": [("p", "Stations of the Kyiv metro served as shelters again as air raid sirens sounded for hours.")],
    },
]
