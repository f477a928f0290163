"""Three themes of the replica, with different markup, class names and block order.

- ``ghost``: a Ghost theme (Casper-like) with Ghost's ``{{ghost_head}}`` output: canonical, meta,
  Open Graph, ``article:*``, Twitter labels, JSON-LD ``Article``, Portal script with ``data-key``.
- ``next``: a Next.js front end: no Ghost head, the post embedded in ``__NEXT_DATA__``,
  ``/_next/image`` sources, the News Feed stream before the article, absolute links to the site.
- ``bare``: a Next.js front end that embeds nothing: only visible markup with hashed class names,
  a title and description, paragraphs each in a wrapper, cards without Koenig classes, no author
  cards (roles and bios only on the author pages).
- ``plain``: a Next.js front end without Ghost's head and without embedded post data: one tag shown per
  article, the date-time only as text in the site's time zone (Kyiv) beside a ``<time>`` whose
  ``datetime`` holds the date alone, no modified date, author names without cards; the RSS feed
  (``/rss/``, as every theme has) and the sitemap hold the rest.
- ``script``: the ``next`` article pages behind a listing drawn by script: an empty container filled
  from ``/api/feed.json``, and a "Show More" button that fetches the next batch until none is left;
  one article (``SCRIPT_BODY_SLUG``) draws its body by script too, from ``/api/post/<slug>.json``.
"""

from __future__ import annotations

import html
import json
from urllib.parse import quote

from .content import AUTHORS, CONTENT_KEY, SITE, body_text, excerpt, ghost_reading_time, post_html

THEMES = ("ghost", "next", "bare", "script", "plain")
e = html.escape


def next_json(data) -> str:
    """JSON as Next.js writes it into a script element: ``<``, ``>`` and ``&`` escaped."""
    return json.dumps(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def next_image(url: str, width: int = 1536) -> str:
    return f"/_next/image?url={quote(url, safe='')}&w={width}&q=75"


BANNER = (
    '<div class="{cls}"><p>0 out of 25,000</p><p>Quality journalism takes work — and a community that cares.</p>'
    "<p>Help us reach 25,000 members by the end of 2025.</p></div>"
)
NAV = ('<header class="{cls}"><nav><a href="/">The Kyiv Independent</a> <a href="/tag/news-feed/">News Feed</a> '
       '<a href="/about/">About us</a> <a href="/membership/">Become a member</a></nav></header>')
FOOTER = '<footer><p>© 2025 The Kyiv Independent. All rights reserved.</p><a href="/privacy-policy/">Privacy</a></footer>'


def _date_label(iso: str) -> str:
    return iso[:10]


def stream(posts: list[dict], cls: str, absolute: bool = False) -> str:
    prefix = SITE if absolute else ""
    items = "".join(
        f'<li><a href="{prefix}/{p["slug"]}/"><time datetime="{p["published_at"]}">{_date_label(p["published_at"])}</time>'
        f'<h3>{e(p["title"])}</h3><p>{e(excerpt(p)[:120])}</p></a></li>'
        for p in posts[:6]
    )
    return f'<section class="{cls}"><h2>News Feed</h2><ul>{items}</ul><button type="button">Show More</button></section>'


def teaser(other: dict | None, cls: str) -> str:
    if other is None:
        return ""
    first = body_text(other).split("\n\n")[0]
    return (f'<section class="{cls}"><a href="/{other["slug"]}/"><h3>{e(other["title"])}</h3></a>'
            f'<p>{e(first[:140])}</p><a href="/{other["slug"]}/">Read the story</a></section>')


# --- ghost -------------------------------------------------------------------------------------------------
# Ghost's head on every page carries the Portal script with the site's Content API key
PORTAL = (f'<script defer src="https://cdn.jsdelivr.net/ghost/portal@~2.50/umd/portal.min.js" data-i18n="true" '
          f'data-ghost="{SITE}/" data-key="{CONTENT_KEY}" data-api="{SITE}/ghost/api/content/" crossorigin="anonymous"></script>')


def _ghost_head(post: dict) -> str:
    authors = [AUTHORS[s] for s in post["authors"]]

    def person(a):
        return {"@type": "Person", "name": a["name"], "url": f"{SITE}/author/{a['slug']}/",
                "image": {"@type": "ImageObject", "url": a["profile_image"]}, "sameAs": []}

    ld = {
        "@context": "https://schema.org", "@type": "Article",
        "publisher": {"@type": "Organization", "name": "The Kyiv Independent", "url": f"{SITE}/",
                      "logo": {"@type": "ImageObject", "url": f"{SITE}/content/images/logo.png"}},
        "author": person(authors[0]),
        "headline": post["title"], "url": f"{SITE}/{post['slug']}/",
        "datePublished": post["published_at"], "dateModified": post["updated_at"],
        "keywords": ", ".join(t["name"] for t in post["tags"]),
        "description": excerpt(post),
        "mainEntityOfPage": f"{SITE}/{post['slug']}/",
    }
    if len(authors) > 1:
        ld["contributor"] = [person(a) for a in authors[1:]]
    if post["feature_image"]:
        ld["image"] = {"@type": "ImageObject", "url": post["feature_image"], "width": 1200, "height": 800}
    metas = [
        f'<link rel="canonical" href="{SITE}/{post["slug"]}/">',
        f'<meta name="description" content="{e(excerpt(post))}">',
        '<meta property="og:site_name" content="The Kyiv Independent">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:title" content="{e(post["title"])}">',
        f'<meta property="og:description" content="{e(excerpt(post))}">',
        f'<meta property="og:url" content="{SITE}/{post["slug"]}/">',
        f'<meta property="og:image" content="{post["feature_image"] or SITE + "/content/images/share-default.png"}">',
        f'<meta property="article:published_time" content="{post["published_at"]}">',
        f'<meta property="article:modified_time" content="{post["updated_at"]}">',
        *[f'<meta property="article:tag" content="{e(t["name"])}">' for t in post["tags"]],
        '<meta name="twitter:card" content="summary_large_image">',
        '<meta name="twitter:label1" content="Written by">',
        f'<meta name="twitter:data1" content="{e(authors[0]["name"])}">',
        '<meta name="twitter:label2" content="Filed under">',
        f'<meta name="twitter:data2" content="{e(", ".join(t["name"] for t in post["tags"]))}">',
        f'<script type="application/ld+json">{json.dumps(ld, indent=4)}</script>',
        '<meta name="generator" content="Ghost 5.130">',
        PORTAL,
    ]
    return "\n".join(metas)


def _ghost_author_card(slug: str) -> str:
    a = AUTHORS[slug]
    role = f'<p class="author-card-role">{e(a["role"])}</p>' if a["role"] else ""
    return (f'<section class="author-card"><img class="author-profile-image" src="{a["profile_image"]}" alt="Avatar">'
            f'<div class="author-card-content"><h4 class="author-card-name"><a href="/author/{slug}/">{e(a["name"])}</a></h4>'
            f'{role}<p class="author-card-bio">{e(a["bio"])}</p><a class="author-card-more" href="/author/{slug}/">Read more</a></div></section>')


def ghost_article(post: dict, latest: list[dict], other: dict | None) -> str:
    authors = [AUTHORS[s] for s in post["authors"]]
    byline_links = ", ".join(f'<a href="/author/{a["slug"]}/">{e(a["name"])}</a>' for a in authors)
    avatars = "".join(f'<li class="author-list-item"><a href="/author/{a["slug"]}/" class="author-avatar">'
                      f'<img class="author-profile-image" src="{a["profile_image"]}" alt="{e(a["name"])}"></a></li>' for a in authors)
    figure = ""
    if post["feature_image"]:
        caption = f'<figcaption>{post["feature_image_caption"]}</figcaption>' if post["feature_image_caption"] else ""
        figure = (f'<figure class="article-image"><img srcset="{post["feature_image"].replace("/images/", "/images/size/w600/")} 600w, '
                  f'{post["feature_image"]} 2000w" src="{post["feature_image"]}" alt="{e(post["title"])}">{caption}</figure>')
    primary = post["tags"][0]
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{e(post["title"])}</title>
{_ghost_head(post)}
</head>
<body class="post-template tag-{primary["slug"]}">
{BANNER.format(cls="membership-drive")}
{NAV.format(cls="gh-head")}
<main id="site-main" class="site-main">
<article class="article post tag-{primary["slug"]}">
<header class="article-header gh-canvas">
<div class="article-tag post-card-tags"><span class="post-card-primary-tag"><a href="/tag/{primary["slug"]}/">{e(primary["name"])}</a></span></div>
<h1 class="article-title">{e(post["title"])}</h1>
<p class="article-excerpt">{e(excerpt(post))}</p>
<div class="article-byline"><section class="article-byline-content"><ul class="author-list">{avatars}</ul>
<div class="article-byline-meta"><h4 class="author-name">{byline_links}</h4>
<div class="byline-meta-content"><time class="byline-meta-date" datetime="{post["published_at"][:10]}">{_date_label(post["published_at"])}</time>
<span class="byline-reading-time"><span class="bull">&bull;</span> {ghost_reading_time(post)} min read</span></div></div></section></div>
{figure}
</header>
<section class="gh-content gh-canvas">
{post_html(post)}
</section>
</article>
{teaser(other, "read-next")}
<div class="author-cards">{"".join(_ghost_author_card(s) for s in post["authors"])}</div>
</main>
{stream(latest, "feed-stream")}
{FOOTER}
</body></html>"""


def ghost_listing(cards: list[str], page: int, has_next: bool, tag: str = "news-feed") -> str:
    rel_next = f'<link rel="next" href="/tag/{tag}/page/{page + 1}/">' if has_next else ""
    rel_prev = f'<link rel="prev" href="/tag/{tag}/page/{page - 1}/">' if page > 1 else ""
    older = f'<a class="older-posts" href="/tag/{tag}/page/{page + 1}/">Older Posts &rarr;</a>' if has_next else ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>News Feed - The Kyiv Independent</title>
{rel_prev}{rel_next}{PORTAL}</head><body class="tag-template">{NAV.format(cls="gh-head")}
<main class="site-main"><div class="post-feed">{"".join(cards)}</div>
<nav class="pagination">{older}</nav></main>{FOOTER}</body></html>"""


def ghost_card(post: dict, href: str) -> str:
    img = f'<a class="post-card-image-link" href="{href}"><img src="{post["feature_image"]}" alt=""></a>' if post.get("feature_image") else ""
    return (f'<article class="post-card post">{img}<div class="post-card-content"><a class="post-card-content-link" href="{href}">'
            f'<header class="post-card-header"><h2 class="post-card-title">{e(post["title"])}</h2></header>'
            f'<div class="post-card-excerpt">{e(excerpt(post)[:150])}</div></a>'
            f'<footer class="post-card-meta"><time class="post-card-meta-date" datetime="{post["published_at"]}">'
            f'{_date_label(post["published_at"])}</time></footer></div></article>')


# --- next ------------------------------------------------------------------------------------------------
def _api_author(slug: str) -> dict:
    a = AUTHORS[slug]
    return {"id": f"id-{slug}", "slug": slug, "name": a["name"], "profile_image": a["profile_image"],
            "bio": a["bio"], "location": a["role"], "website": None, "url": f"{SITE}/author/{slug}/"}


def api_post(post: dict) -> dict:
    """The post as Ghost's Content API serves it with ``include=tags,authors&formats=html``."""
    tags = [{"id": f"id-{t['slug']}", "name": t["name"], "slug": t["slug"], "visibility": "public",
             "url": f"{SITE}/tag/{t['slug']}/"} for t in post["tags"]]
    authors = [_api_author(s) for s in post["authors"]]
    return {
        "id": f"id-{post['slug'][:20]}", "uuid": f"uuid-{post['slug'][:20]}", "slug": post["slug"], "title": post["title"],
        "html": post_html(post), "feature_image": post["feature_image"],
        "feature_image_caption": post["feature_image_caption"], "excerpt": excerpt(post),
        "custom_excerpt": post["custom_excerpt"], "published_at": post["published_at"].replace(".000Z", ".000+00:00"),
        "updated_at": post["updated_at"].replace(".000Z", ".000+00:00"), "reading_time": post["reading_time"],
        "url": f"{SITE}/{post['slug']}/", "visibility": "public", "primary_tag": tags[0] if tags else None, "tags": tags,
        "primary_author": authors[0] if authors else None, "authors": authors,
    }


def _next_author_card(slug: str) -> str:
    a = AUTHORS[slug]
    role = f'<span class="AuthorCard_role__x81">{e(a["role"])}</span>' if a["role"] else ""
    return (f'<div class="AuthorCard_root__p0c"><img alt="Avatar" src="{next_image(a["profile_image"], 96)}">'
            f'<div class="AuthorCard_head__k2"><a href="{SITE}/author/{slug}/"><span>{e(a["name"])}</span></a>{role}</div>'
            f'<p class="AuthorCard_bio__q1">{e(a["bio"])}</p><a href="{SITE}/author/{slug}/">Read more</a></div>')


def next_article(post: dict, latest: list[dict], other: dict | None) -> str:
    data = {"props": {"pageProps": {"post": api_post(post), "settings": {"title": "The Kyiv Independent"}}},
            "page": "/[slug]", "query": {"slug": post["slug"]}, "buildId": "b1", "isFallback": False}
    figure = ""
    if post["feature_image"]:
        caption = f'<figcaption class="Post_caption__u2">{post["feature_image_caption"]}</figcaption>' if post["feature_image_caption"] else ""
        figure = f'<figure class="Post_image__w3"><img alt="" src="{next_image(post["feature_image"])}">{caption}</figure>'
    primary = post["tags"][0]
    return f"""<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>
<title>{e(post["title"])} | The Kyiv Independent</title>
<meta name="description" content="{e(excerpt(post))}"/>
<meta property="og:title" content="{e(post["title"])}"/>
<link rel="canonical" href="{SITE}/{post["slug"]}/"/>
<script src="/_next/static/chunks/main-1a2b.js" defer=""></script></head>
<body><div id="__next">
{BANNER.format(cls="Banner_root__a1")}
{NAV.format(cls="Header_root__h1")}
{stream(latest, "NewsFeedRail_root__r4", absolute=True)}
<main class="Layout_main__m9">
<div class="Post_wrapper__z7">
<a class="Post_tag__t1" href="{SITE}/tag/{primary["slug"]}/">{e(primary["name"])}</a>
<h1 class="Post_title__t2">{e(post["title"])}</h1>
<div class="Post_meta__m3"><time datetime="{post["published_at"]}">{_date_label(post["published_at"])}</time>
<span>{post["reading_time"]} min read</span> <span>Updated <time itemprop="dateModified" datetime="{post["updated_at"]}">{_date_label(post["updated_at"])}</time></span></div>
{figure}
<div class="Post_content__c5">{post_html(post)}</div>
</div>
{teaser(other, "Teaser_root__e5")}
<div class="Post_authors__a6">{"".join(_next_author_card(s) for s in post["authors"])}</div>
</main>
{FOOTER}
</div>
<script id="__NEXT_DATA__" type="application/json">{next_json(data)}</script>
</body></html>"""


def next_listing(cards: list[str], page: int, has_next: bool, pages: int, tag: str = "news-feed") -> str:
    numbers = " ".join(f'<a href="{SITE}/tag/{tag}/page/{n}/">{n}</a>' for n in range(1, pages + 1) if n != page)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><title>News Feed | The Kyiv Independent</title>
<script src="/_next/static/chunks/main-1a2b.js" defer=""></script></head>
<body><div id="__next">{NAV.format(cls="Header_root__h1")}<main class="Layout_main__m9"><h1>News Feed</h1>
<div class="Grid_root__g1">{"".join(cards)}</div><div class="Pager_root__p2">{numbers}</div></main>{FOOTER}</div></body></html>"""


def next_card(post: dict, href: str) -> str:
    href = href if href.startswith("http") else SITE + href
    img = f'<img alt="" src="{next_image(post["feature_image"], 640)}">' if post.get("feature_image") else ""
    return (f'<div class="Card_root__c1"><a href="{href}">{img}<h3 class="Card_title__c2">{e(post["title"])}</h3></a>'
            f'<p class="Card_excerpt__c3">{e(excerpt(post)[:150])}</p><time datetime="{post["published_at"]}">'
            f'{_date_label(post["published_at"])}</time></div>')


# --- bare ------------------------------------------------------------------------------------------------
def _bare_block(kind: str, value) -> str:
    if kind in ("p", "h2", "h3", "blockquote"):
        tag = kind
        return f'<div class="x4b"><{tag}>{e(value, quote=False)}</{tag}></div>'
    if kind == "bookmark":
        return (f'<div class="x9q"><a href="{value["href"]}"><div class="x9r">{e(value["title"])}</div>'
                f'<div class="x9s">{e(value["description"])}</div></a></div>')
    if kind == "tweet":
        return (f'<blockquote><p>{e(value["text"])}</p>&mdash; Volodymyr Zelenskyy (@{value["handle"]}) '
                f'<a href="https://twitter.com/{value["handle"]}/status/{value["status"]}">Nov 20, 2025</a></blockquote>')
    if kind == "plink":
        return '<div class="x4b"><p>' + "".join(e(part, quote=False) if isinstance(part, str) else
                                               f'<a href="{e(part[1])}">{e(part[0], quote=False)}</a>' for part in value) + "</p></div>"
    if kind == "youtube":
        return f'<div class="x7e"><iframe src="https://www.youtube.com/embed/{value}?feature=oembed" title="Video"></iframe></div>'
    if kind == "telegram":
        return f'<div class="x7t"><script async src="https://telegram.org/js/telegram-widget.js?22" data-telegram-post="{value}"></script></div>'
    if kind == "cta":
        return f'<div class="x2z"><p>{e(value)}</p><a href="/membership/">Become a member</a></div>'
    raise ValueError(kind)


def bare_article(post: dict, latest: list[dict], other: dict | None) -> str:
    authors = [AUTHORS[s] for s in post["authors"]]
    byline = " and ".join(f'<a href="/author/{a["slug"]}/">{e(a["name"])}</a>' for a in authors)
    tags = "".join(f'<a href="/tag/{t["slug"]}/">{e(t["name"])}</a>' for t in post["tags"])
    figure = ""
    if post["feature_image"]:
        caption = f'<figcaption>{post["feature_image_caption"]}</figcaption>' if post["feature_image_caption"] else ""
        figure = f'<figure class="x1f"><picture><img alt="" src="{next_image(post["feature_image"], 1080)}"></picture>{caption}</figure>'
    body = "".join(_bare_block(kind, value) for kind, value in post["blocks"])
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{e(post["title"])} | The Kyiv Independent</title>
<meta name="description" content="{e(excerpt(post))}">
<script src="/_next/static/chunks/app-9f.js" async></script></head>
<body><div class="a0">
{NAV.format(cls="a1")}
<div class="a2">
{BANNER.format(cls="a3")}
<div class="a4">{stream(latest, "a5")}</div>
<div class="a6">
<div class="a7">{tags}</div>
<h1 class="a8">{e(post["title"])}</h1>
<div class="a9">By {byline} · <time datetime="{post["published_at"]}">{_date_label(post["published_at"])}</time> · {post["reading_time"]} min read</div>
{figure}
<div class="b1">{body}</div>
</div>
{teaser(other, "b2")}
</div>
{FOOTER}
</div></body></html>"""


def bare_listing(cards: list[str], page: int, has_next: bool, tag: str = "news-feed") -> str:
    # the last page still links to the next one, which answers 404: the walk must end there cleanly
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>News Feed</title></head>
<body><div class="a0">{NAV.format(cls="a1")}<div class="a2"><div class="c1">{"".join(cards)}</div>
<div class="c2"><a rel="next" href="/tag/{tag}/page/{page + 1}/">Next page</a></div></div>{FOOTER}</div></body></html>"""


def bare_card(post: dict, href: str) -> str:
    return (f'<div class="c3"><time datetime="{post["published_at"]}">{_date_label(post["published_at"])}</time>'
            f'<a href="{href}"><span class="c4">{e(post["title"])}</span></a></div>')


# --- author pages ----------------------------------------------------------------------------------------
def author_page(theme: str, slug: str, posts: list[dict]) -> str:
    a = AUTHORS[slug]
    role = f"<p>{e(a['role'])}</p>" if a["role"] else ""
    items = "".join(f'<article><a href="/{p["slug"]}/"><h3>{e(p["title"])}</h3></a><p>{e(excerpt(p)[:120])}</p></article>'
                    for p in posts if slug in p["authors"])
    head = ""
    if theme == "ghost":
        person = {"@context": "https://schema.org", "@type": "Person", "name": a["name"], "url": f"{SITE}/author/{slug}/",
                  "image": {"@type": "ImageObject", "url": a["profile_image"]}, "description": a["bio"]}
        head = f'<link rel="canonical" href="{SITE}/author/{slug}/"><script type="application/ld+json">{json.dumps(person)}</script>'
    img = a["profile_image"] if theme == "ghost" else next_image(a["profile_image"], 256)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{e(a["name"])} - The Kyiv Independent</title>{head}</head>
<body>{NAV.format(cls="top")}<main><section class="profile"><span>Team</span><img src="{img}" alt="Avatar">
<h1>{e(a["name"])}</h1>{role}<p>{e(a["bio"])}</p></section><h2>Articles</h2><div class="list">{items}</div></main>{FOOTER}</body></html>"""


# --- script -----------------------------------------------------------------------------------------------
SCRIPT_BODY_SLUG = "air-raid-alert-declared-across-ukraine"


def script_listing() -> str:
    return """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>News Feed | The Kyiv Independent</title>
</head><body><main><h1>News Feed</h1><div id="feed"></div><button id="more" type="button" hidden>Show More</button></main>
<script>
let page = 1;
async function load() {
  const answer = await fetch('/api/feed.json?page=' + page);
  const data = await answer.json();
  const feed = document.getElementById('feed');
  for (const card of data.cards) {
    const item = document.createElement('article');
    item.innerHTML = '<a href="' + card.href + '"><h3></h3></a><time datetime="' + card.published_at + '"></time>';
    item.querySelector('h3').textContent = card.title;
    feed.appendChild(item);
  }
  const more = document.getElementById('more');
  if (data.next) { page = data.next; more.hidden = false; } else { more.remove(); }
}
document.getElementById('more').addEventListener('click', load);
load();
</script></body></html>"""


def script_body_article(html_page: str, slug: str) -> str:
    """The article page with its body (and its embedded post data) left to a script."""
    start = html_page.index('<div class="Post_content__c5">')
    body_end = html_page.index("</div>\n</div>", start) + len("</div>")  # the body's own closing tag
    page = html_page[:start] + '<div class="Post_content__c5" id="body"></div>' + html_page[body_end:]
    page = page[: page.index('<script id="__NEXT_DATA__"')] + (
        "<script>fetch('/api/post/" + slug + ".json').then(r => r.json()).then(post => "
        "{ document.getElementById('body').innerHTML = post.html; });</script></body></html>")
    return page


# --- plain ------------------------------------------------------------------------------------------------
RSS_LINK = f'<link rel="alternate" type="application/rss+xml" title="The Kyiv Independent" href="{SITE}/rss/">'


def kyiv_label(iso: str) -> tuple[str, str]:
    """(the local date, "May 21, 2025 11:41 PM") of a UTC time, as the site shows it in Kyiv."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    local = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(ZoneInfo("Europe/Kyiv"))
    hour = local.hour % 12 or 12
    return local.date().isoformat(), f"{local:%B} {local.day}, {local.year} {hour}:{local:%M} {'AM' if local.hour < 12 else 'PM'}"


def plain_article(post: dict, latest: list[dict], other: dict | None) -> str:
    authors = [AUTHORS[s] for s in post["authors"]]
    byline = ", ".join(f'<a href="{SITE}/author/{a["slug"]}/">{e(a["name"])}</a>' for a in authors)
    primary = post["tags"][0]
    day, shown = kyiv_label(post["published_at"])
    figure = ""
    if post["feature_image"]:
        caption = f'<figcaption>{post["feature_image_caption"]}</figcaption>' if post["feature_image_caption"] else ""
        figure = f'<figure class="k7"><img alt="" src="{next_image(post["feature_image"], 1200)}">{caption}</figure>'
    return f"""<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>
<title>{e(post["title"])} | The Kyiv Independent</title>
<meta name="description" content="{e(excerpt(post))}"/>
<link rel="canonical" href="{SITE}/{post["slug"]}/"/>
{RSS_LINK}
<script src="/_next/static/chunks/main-1a2b.js" defer=""></script></head>
<body><div id="__next">{NAV.format(cls="k0")}
<main class="k1"><article class="k2">
<a class="k3" href="{SITE}/tag/{primary["slug"]}/">{e(primary["name"])}</a>
<h1 class="k4">{e(post["title"])}</h1>
<div class="k5"><span>By {byline}</span> <time datetime="{day}">{shown}</time> <span>{post["reading_time"]} min read</span></div>
{figure}
<div class="k8">{post_html(post)}</div>
</article>
{teaser(other, "k9")}</main>{FOOTER}</div>
</body></html>"""


def plain_listing(cards: list[str], page: int, has_next: bool, tag: str = "news-feed") -> str:
    older = f'<a rel="next" href="/tag/{tag}/page/{page + 1}/">Older</a>' if has_next else ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><title>News Feed | The Kyiv Independent</title>
{RSS_LINK}</head><body><div id="__next">{NAV.format(cls="k0")}<main class="k1"><h1>News Feed</h1>
<div class="k6">{"".join(cards)}</div><div class="k10">{older}</div></main>{FOOTER}</div></body></html>"""


def plain_card(post: dict, href: str) -> str:
    day, shown = kyiv_label(post["published_at"])
    return (f'<div class="k11"><a href="{href}"><h3>{e(post["title"])}</h3></a>'
            f'<time datetime="{day}">{shown}</time></div>')


def rss_page(posts: list[dict], page: int, page_size: int = 15) -> str | None:
    """Ghost's RSS feed of the site (every post, newest first), ``page_size`` posts a page; None past the end."""
    from datetime import datetime
    from email.utils import format_datetime

    ordered = sorted(posts, key=lambda p: p["published_at"], reverse=True)
    chunk = ordered[(page - 1) * page_size:page * page_size]
    if page > 1 and not chunk:
        return None
    items = []
    for post in chunk:
        when = datetime.fromisoformat(post["published_at"].replace("Z", "+00:00"))
        image = ""
        content = post_html(post)
        if post["feature_image"]:
            image = f'<media:content url="{e(post["feature_image"])}" medium="image"/>'
            content = f'<img src="{e(post["feature_image"])}" alt="{e(post["title"])}"/>' + content
        categories = "".join(f"<category><![CDATA[{t['name']}]]></category>" for t in post["tags"])
        creators = "".join(f"<dc:creator><![CDATA[{AUTHORS[s]['name']}]]></dc:creator>" for s in post["authors"])
        items.append(f"<item><title><![CDATA[{post['title']}]]></title><description><![CDATA[{excerpt(post)}]]></description>"
                     f"<link>{SITE}/{post['slug']}/</link><guid isPermaLink=\"false\">{post['slug']}</guid>{categories}"
                     f"{creators}<pubDate>{format_datetime(when, usegmt=True)}</pubDate>{image}"
                     f"<content:encoded><![CDATA[{content}]]></content:encoded></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" '
            'version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title><![CDATA[The Kyiv Independent]]></title>'
            f'<description><![CDATA[News from Ukraine]]></description><link>{SITE}/</link><generator>Ghost 5.130</generator>'
            f'<atom:link href="{SITE}/rss/" rel="self" type="application/rss+xml"/><ttl>60</ttl>{"".join(items)}</channel></rss>')
